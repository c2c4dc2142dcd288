"""Values whose kind the words beside them say: "commit a1b2c3d", "the developers group", "the
typescript compiler", "every firefox process", "a branch called feature/login", "set JAVA_HOME to
/opt/jdk-21", "an alias gs for git status", "make gco a shortcut alias for git checkout", "the text
hello world", "add bob to the docker group", a disk or partition by its shape ("sdc1": `/dev/sdc1`), a
signal by its name ("send a HUP to 777", "sigterm"), an HTTP method ("a POST"), a time zone (Europe/Berlin).

nlshell/offline/values.py hands every token here before reading it its own way: these readings are
narrower than a plain name, a path or a number, so they come first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from nlshell.offline.names import DEVICE
from nlshell.offline.phrases import PREDICATES, text_end
from nlshell.offline.places import FILE_NOUNS
from nlshell.offline.vocabulary import Vocabulary, participle, vocabulary
from nlshell.offline.value import Add

_HEX = re.compile(r"^[0-9a-f]{7,40}$")
_SHORT_HEX = re.compile(r"^[0-9a-f]{4,40}$")
_TRACKING = re.compile(r"^(?:origin|upstream)/[\w.-][\w./-]*$")  # a remote-tracking branch
_JSON_TOKENS = 12  # a JSON body said in a request spans this many tokens at most
_KEY_TYPES = frozenset({"ed25519", "ed448"})  # hex to look at, yet a key's type: "new ed25519 key"
_RELATIVE = re.compile(r"^(?:head|@)(?:[~^]\d*)+$", re.I)  # HEAD~2, HEAD^, @~1
_COMMIT_WORDS = frozenset("commit revision hash sha".split())
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_LOUD = re.compile(r"^[A-Z][A-Z0-9_]+$")
_ASSIGNMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)=(\S+)$")  # `DEBUG=1`, `JAVA_HOME=/usr/lib/jvm`
_SETTING = frozenset("set export define assign".split())
_NAMING = frozenset({"called", "named"})
# A kind word before "called": "a branch called x" is a branch, "a remote called upstream" a git remote.
_NAMED_KINDS = {"branch": "branch", "tag": "tag", "user": "user", "group": "group", "remote": "gitremote",
                "service": "service", "package": "package"}
_NAMED_FOLDERS = frozenset({"folder", "directory", "dir"})  # "into a folder called site_old": where it goes
_BRANCHY = frozenset({"branch", "tag"})  # a name with a slash is still theirs: feature/login
_SAID = frozenset("text string sentence phrase words".split())
_TIMEZONE = re.compile(r"^(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z_+-]+(?:/[A-Za-z_]+)?$")
_SIGNALS = frozenset("hup int quit kill term stop cont usr1 usr2 tstp alrm winch".split())  # kill(1)'s names
_METHODS = frozenset("GET POST PUT PATCH DELETE HEAD OPTIONS".split())  # HTTP's, said in capitals
_ALIAS_LINKS = frozenset({"for", "to", "="})
_ALIAS_ASKED = frozenset({"do", "does", "is", "mean", "means", "from", "in", "please", "pls", "again"})  # "the alias ll do": it is asked about
_ALIAS_FILLERS = frozenset("a an as my new short shortcut shell bash zsh".split())  # "gco a shortcut alias for …"
_ADDING = frozenset({"add", "put", "adding", "putting"})
# Nouns after a name that make it a package: "the typescript compiler", "the lodash dependency".
# Singular only: "python packages", "memory users" are of a sort, not named; "all python processes" are named.
_PACKAGE_NOUNS = frozenset("package library module dependency compiler".split())
# Plural nouns after a name that make it the processes' name: "all python processes", "my jupyter
# kernels are stuck, kill all of them", "restart the gunicorn workers".
_PROCESS_NOUNS = frozenset("processes kernels workers instances".split())
# Nouns after a thing's kind that say what of it is meant: "the nginx service log".
_ABOUT = frozenset("log logs status file files unit units config configuration settings process processes history".split())
# Words that say which one, not its name: "the local branch old-feature", "the new branch".
_QUALIFIERS = frozenset("local remote new old current default existing other whole entire every all system".split())
# What a process is to its program: "the nginx master process" is nginx's ("the worker container" is named)
PROCESS_ROLES = frozenset("master main parent child worker".split())
# Words that say which sort of dependency, not its name: "a dev dependency" (a "dev branch" is named dev).
PACKAGE_SORTS = frozenset("dev development peer optional".split())
_NAME_SHAPED = re.compile(r"[a-z0-9][\w.-]*")  # how a name is written: nginx, left-pad, db01, python3.12
_KINDS_AFTER = frozenset({"service", "user", "group", "package", "branch", "process"})



def json_end(tokens: list[str], i: int) -> int | None:
    """The last token of a JSON object or array said from token i on (`{"a": 1}` is two tokens), or None."""
    for end in range(i, min(len(tokens), i + _JSON_TOKENS)):
        text = " ".join(tokens[i : end + 1]).rstrip(",;")
        if text[-1:] in "}]":
            try:
                parsed = json.loads(text)
            except ValueError:
                continue
            return end if isinstance(parsed, (dict, list)) and parsed else None
    return None


def kind_after(lower: list[str], i: int, table: Vocabulary) -> str:
    """The kind of token i when the word after it names its kind ("the nginx service", "the docker
    group", "every firefox process", "the requests library"), else "": not an adjective before a
    name that follows ("the local branch old-feature", "a git branch called x", "a stuck process")."""
    managers = table.around["package_managers"]
    if lower[i + 1 : i + 2] and lower[i + 1] in managers and _kind_word(lower[i + 2] if i + 2 < len(lower) else "", table) == "package":
        return "package"  # "get rid of the left-pad npm package": left-pad, from npm
    if lower[i] in managers and i and lower[i - 1] not in table.stop and _NAME_SHAPED.fullmatch(lower[i - 1]):
        return ""  # … and npm says where it comes from
    kind = _kind_word(lower[i + 1] if i + 1 < len(lower) else "", table)
    if kind not in _KINDS_AFTER or lower[i] in _QUALIFIERS or participle(lower[i]) or lower[i] in table.around["stuck"] or (
        kind == "package" and lower[i] in PACKAGE_SORTS
    ) or (kind == "process" and lower[i] in PROCESS_ROLES and i and lower[i - 1] not in table.stop):
        return ""  # "the nginx master process": nginx's master, no process named master
    following = lower[i + 2] if i + 2 < len(lower) else ""
    said = following in table.value_words or following in table.of_words or following in table.to_words
    named = _NAME_SHAPED.fullmatch(following) and following not in table.stop and not said
    named = named and following not in _ABOUT and following not in PREDICATES and not following.endswith("ly")
    return "" if following in _NAMING or named else kind


def _kind_word(word: str, table: Vocabulary) -> str:
    """The kind a noun after a name gives it ("the typescript compiler", "all python processes")."""
    if word in _PACKAGE_NOUNS:
        return "package"
    return "process" if word in _PROCESS_NOUNS else table.value_words.get(word, "")


def read(add: Add, tokens: list[str], lower: list[str], i: int, searching: bool, named: Callable[[str], bool]) -> bool:
    """The value at token `i` when the words beside it say its kind; whether it read one."""
    low = lower[i]
    before = lower[i - 1] if i else ""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    if _RELATIVE.match(tokens[i]) or (_HEX.match(low) and re.search(r"\d", low) and re.search(r"[a-f]", low) and low not in _KEY_TYPES) or (
        before in _COMMIT_WORDS and _SHORT_HEX.match(low)
    ):
        add("commit", tokens[i], i - 1 if before in _COMMIT_WORDS else i, last=i, at=i)
        return True
    if _TRACKING.match(tokens[i]):
        add("branch", tokens[i], i)  # "am i behind origin/develop": a remote's branch, no folder
        return True
    signal = low[3:] if low.startswith("sig") else low
    if signal in _SIGNALS and (tokens[i].isupper() or signal != low or after in ("signal", "signals")):
        add("signal", signal.upper(), i)  # "send a HUP to process 777", "send sigterm to 123"
        return True
    if tokens[i] in _METHODS:
        add("method", tokens[i], i)  # "send a POST to localhost:8080/users": how to ask, no text to find
        return True
    if _TIMEZONE.match(tokens[i]):
        add("timezone", tokens[i], i)  # "set the timezone to Europe/Berlin": no path
        return True
    if DEVICE.match(low):
        add("device", tokens[i], i)  # "mount my thumb drive sdc1"
        return True
    if (assigned := _ASSIGNMENT.match(tokens[i])) and (_LOUD.match(assigned.group(1)) or _SETTING & set(lower)):
        add("variable", assigned.group(1), i)  # "make DEBUG=1 an environment variable": the name and its value
        add("value", assigned.group(2), i)
        return True
    if _variable(tokens, lower, i) and named(low):
        add("variable", tokens[i], i)
        if after in ("to", "=") and i + 2 < len(tokens) and not (after == "to" and lower[i + 2] in _GROWING and i + 3 < len(tokens)):
            add("value", tokens[i + 2], i + 1, last=i + 2, at=i + 2)  # not "set PATH to include ~/bin": what it gains
        return True
    # Any word may be an alias's name, a stop word too ("ll", "la").
    aliased = _alias_after(lower, i) if before != "alias" and low not in _ALIAS_FILLERS else 0
    if (before == "alias" and after in _ALIAS_LINKS or aliased) and i + 2 < len(tokens) and re.fullmatch(r"[\w.-]+", low):
        start = aliased or i + 2  # "make gco a shortcut alias for git checkout": the command after "for"
        end = _alias_end(tokens, lower, start)
        add("alias", tokens[i], i)  # the word alias stays a search word
        add("command", " ".join(tokens[start:end]).rstrip(".!?,"), start - 1, last=end - 1, at=start)
        return True
    if before == "alias" and (i + 1 == len(tokens) or after in _ALIAS_ASKED) and re.fullmatch(r"[\w.-]+", low) and low not in _ALIAS_FILLERS:
        add("alias", tokens[i], i)  # "remove the alias ll", "what does the alias gs do": the alias by its name
        return True
    quoted = tokens[i][:1] in ("'", '"')
    if before in _SAID and i > 1 and lower[i - 2] in ("the", "a") and named(low) and not (
        searching or quoted or low in FILE_NOUNS  # "the text files": files of a type, no text
    ):
        j = text_end(lower, i)
        add("text", " ".join(tokens[i : j + 1]).rstrip(".!?"), i - 1, last=j, at=i)
        return True
    if before in _NAMING and i > 1 and lower[i - 2] in _NAMED_KINDS and (named(low) or (
        lower[i - 2] in _BRANCHY and _branch_name(low)
    )):
        add(_NAMED_KINDS[lower[i - 2]], tokens[i], i - 1, "name", last=i, at=i)  # "a branch called feature/login"
        return True
    if before in _NAMING and i > 3 and lower[i - 2] in _NAMED_FOLDERS and lower[i - 3] in ("a", "the", "new") and (
        lower[i - 4] in ("into", "to", "in") or lower[i - 3 : i - 2] == ["new"] and lower[i - 5 : i - 4] in (["into"], ["to"])
    ) and named(low):
        add("dir", tokens[i], i - 1, "to", last=i, at=i)  # "unzip site.zip into a folder called site_old": where it goes
        return True
    if before in _BRANCHY and _branch_name(low) and "/" in low:
        add(before, tokens[i], i)  # "create a branch feature/login": no path
        return True
    if (before in ("user", "username") and i > 1 and lower[i - 2] in ("as", "the")) or (
        before in ("as", "the") and after in ("user", "account") and i > 1 and lower[i - 2 : i] == ["as", "the"]
    ):
        if named(low):
            add("user", tokens[i], i)  # "as user deploy", "as the user deploy", "as the deploy user"
            return True
    if before in _ADDING and after in ("to", "in", "into") and named(low) and _group_follows(lower, i + 2):
        add("user", tokens[i], i)  # "add bob to the docker group"
        return True
    return False


def _variable(tokens: list[str], lower: list[str], i: int) -> bool:
    """Whether token i is a variable: "set JAVA_HOME to …", "export EDITOR=vim", "the variable x"."""
    token = tokens[i]
    before = lower[i - 1] if i else ""
    if not _VARIABLE.match(token):
        return False
    if before in ("variable", "var") or (before in ("unset", "export") and _LOUD.match(token)):
        return True
    setting = bool(_SETTING & set(lower[max(0, i - 3) : i])) and i + 1 < len(lower) and lower[i + 1] in ("to", "=")
    return setting and bool(_LOUD.match(token))


def _branch_name(low: str) -> bool:
    """A git ref name as people write them: `feature/login`, `release-1.2`, `fix/issue_42`."""
    return bool(re.fullmatch(r"[a-z0-9][\w.-]*(?:/[\w.-]+)*", low)) and not low.endswith((".", "/"))


def _group_follows(lower: list[str], j: int) -> bool:
    """Whether a group is named from token j on: "the docker group", "group docker", "docker"."""
    words = [w for w in lower[j : j + 4] if w not in ("the", "a", "my")]
    return "group" in words[:2] or "groups" in words[:2]


def same_kind_before(values: list, lower: list[str], i: int) -> bool:
    """Whether the word before token i is the kind word of the value just before it ("the
    developers group ownership": `ownership` is not the group's name)."""
    kind = vocabulary().value_words.get(lower[i - 1], "") if i else ""
    return bool(values) and values[-1].at == i - 2 and values[-1].kind == kind


# Words after an alias's command that say how long it lasts or where it goes, not what it runs:
# "gs for git status that sticks around", "… permanently", "… in my zshrc", "… for good".
_ALIAS_ENDS = frozenset("that which so permanently permanent persistently persistent forever".split())
_ALIAS_PLACES = frozenset({"my", "the", "every", "all", "each", "new", "good"})


def _alias_end(tokens: list[str], lower: list[str], start: int) -> int:
    """Where an alias's command ends: at the end of its clause or a word that says how long it lasts."""
    for j in range(start + 1, len(tokens)):
        if lower[j] in _ALIAS_ENDS or (lower[j] in ("in", "to", "for", "across") and lower[j + 1 : j + 2]
                                       and (lower[j + 1] in _ALIAS_PLACES or lower[j + 1].startswith(("~/", ".")))):
            return j
        if tokens[j - 1].endswith(","):
            return j
    return len(tokens)


def _alias_after(lower: list[str], i: int) -> int:
    """Where the command starts when token i is an alias's name said before the word alias ("make
    gco a shortcut alias for git checkout", "gs as an alias to git status"), else 0."""
    j = i + 1
    while j < len(lower) and lower[j] in _ALIAS_FILLERS:
        j += 1
    said = j > i + 1 and j + 2 < len(lower) and lower[j] == "alias" and lower[j + 1] in _ALIAS_LINKS
    return j + 2 if said else 0


# Words between a name and the word that says its state ("nginx is still running").
_STATE_FILLERS = frozenset("program binary executable app application command process service daemon still currently actually really already".split())


def state_kind(lower: list[str], i: int, after_words: dict[str, str]) -> str:
    """The kind of value word `i` is when a word after it says its state ("nginx running": a
    process; "python3 program installed": a command), skipping words that only say what it is."""
    if asked_what_it_is(lower, i):
        return "command"
    if lower[i + 1 : i + 2] and lower[i + 1] in _PROGRAM_NOUNS and lower[i - 1 : i] not in (["a"], ["an"]):
        return "command"  # "where is the aws binary coming from": the program `which` finds ("make a script executable": none)
    j = i + 1
    while j < len(lower) and lower[j] in _STATE_FILLERS:
        j += 1
    return after_words.get(lower[j], "") if j < len(lower) else ""


_PROGRAM_NOUNS = frozenset({"binary", "binaries", "executable", "executables"})
_POINTED = frozenset({"this", "that", "it", "there", "these", "those", "he", "she", "they"})
_WHAT_IT_IS = frozenset({"alias", "function", "builtin", "binary", "command", "program", "executable"})


def asked_what_it_is(lower: list[str], i: int) -> bool:
    """"is gs an alias, a function or a real binary", "what is ll actually, an alias or what": word
    `i` is a command the shell may define any of those ways (`type gs`)."""
    rest = lower[i + 1 : i + 5]
    return 0 < i <= 2 and lower[i - 1] == "is" and lower[i] not in _POINTED and bool(_WHAT_IT_IS.intersection(rest)) and rest[:1] in (
        ["an"], ["a"], ["actually"], ["really"], ["just"]
    )


def of_kind(lower: list[str], i: int, of_words: dict[str, str]) -> str:
    """The kind of token i after "the manual of", "the man page for", "the process id of" (the
    word table's `of` rows), or ""."""
    j = i - 1
    if j < 1 or lower[j] not in ("of", "for", "on"):
        return ""
    j -= 1
    if lower[j] in ("page", "pages") and j > 0:
        j -= 1  # "the man page for grep"
    if lower[j] in ("id", "ids") and j > 0 and lower[j - 1] == "process":
        kind = of_words.get("pid", "")  # "the process id of nginx"
    else:
        kind = of_words.get(lower[j], "")
        if not kind and lower[j] in ("archive", "archives") and j > 0:
            kind = of_words.get(lower[j - 1], "")  # "a zip archive of docs": what goes into it
    # Documentation is "for" or "on" a program too ("help on tar"), a crontab "for" a user ("the crontab
    # for www-data"), logs "for" a service ("follow the logs for sshd"); a permission "for others" is no file.
    return kind if lower[i - 1] == "of" or kind in ("command", "user") or (kind == "service" and lower[i - 1] == "for") else ""


def said_kind(said: set[str], words: dict[str, str]) -> str:
    """The kind a `to` or `as` row of the word table gives, for the first row the request says a word of."""
    kinds = {words[word] for word in said if word in words}
    return next((kind for kind in dict.fromkeys(words.values()) if kind in kinds), "")


# Words that, joined by slashes, offer a choice rather than name a path.
_EITHER = frozenset(
    "file files directory directories directores drectories dir dirs folder folders regular normal and or name names "
    "path paths date time read write execute new missing user owner group "
    "rx tx tcp udp ipv4 ipv6 in out inbound outbound incoming outgoing up down upload download sent received "
    "stdout stderr on off yes no".split()
)
_SETTING_TO = frozenset("set change rename switch".split())  # "set the hostname to webserver"


_GROWING = frozenset({"include", "contain", "have", "add", "also"})  # "set PATH to include ~/bin"


def kind_noun(low: str, value_words: dict[str, str]) -> bool:
    """Whether a word is itself a kind word or its plural or a word that says what a subject does
    ("user accounts", "the postgresql service fail to start"): never the value after a kind word."""
    return low in value_words or (low.endswith("s") and low[:-1] in value_words) or low in PREDICATES


def either(low: str, same: dict[str, str]) -> bool:
    """Whether a word with slashes is words to choose from ("files/directories", "and/or")."""
    parts = low.split("/")
    return len(parts) > 1 and all(p in _EITHER or p in same or p in same.values() for p in parts)


def setting(lower: list[str], i: int, value_words: dict[str, str]) -> str:
    """The kind of X in "set the hostname to X", "change the user to X": what is set."""
    kind = value_words.get(lower[i - 2], "") if i > 1 else ""
    return kind if kind not in ("", "name", "pattern", "command", "process") and _SETTING_TO & set(lower[: i - 2]) else ""
