"""Values the phrase around them says, where the value is no word the table knows: "sshd's PID",
"make www-data the owner of", "an account for maria", "a line saying buy milk", "does timeout
appear", "add express to my node project", "firefox is frozen", "pi@raspberrypi.local", "my PATH",
"the version field of package.json", "the nginx error log", "the network manager", "to user deploy",
"give sam sudo rights", "requests version 2.31", "this base64 string aGVsbG8=", "hide the healthcheck
lines", "replace every http:// with https://", "swap every foo for bar".

nlshell/offline/values.py hands every token here before reading it its own way (after times,
places and the kinds kinds.py reads), and asks `never_value` before taking an ordinary word for a
name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlshell.offline import possessives
from nlshell.offline.software import is_software
from nlshell.offline.startup import said_file
from nlshell.offline.vocabulary import Vocabulary, participle, replace_phrases, vocabulary
from nlshell.offline.value import Add


# The words around a value are the word table's `around` lines (nlshell/data/words.tsv).
_AROUND = vocabulary().around

_LOGIN_AT_HOST = re.compile(r"^([a-z_][\w.-]*)@((?:[a-z0-9-]+\.)*[a-z0-9-]+)$", re.I)
# An address with a domain ("dana@corp.io"): mail, where the request says so or names no way to log in.
_EMAIL = re.compile(r"^[\w.+-]+@(?:[a-z0-9-]+\.)+(?!local$|lan$|internal$|home$|localdomain$)[a-z]{2,}$", re.I)
_MAILING = frozenset({"email", "e-mail", "mail", "comment", "author", "committer"})
_REMOTE = _AROUND["remote_programs"] | {"rsync", "login", "log", "remote", "server", "host", "into", "machine", "connect"}
_OWNING = _AROUND["owning"]
_MAKING = _AROUND["making"]
_ACCOUNTS = _AROUND["accounts"]
_SAYING = _AROUND["saying"]
# Where a text ends: "a line saying buy milk to the end of todo.txt", "the text hello world to out.txt".
_TEXT_ENDS = _AROUND["text_ends"]
_APPEARING = _AROUND["appearing"]
_OCCURRENCES = _AROUND["occurrences"]
_CHANGING_PACKAGES = _AROUND["changing_packages"]
_PROJECTS = _AROUND["projects"]
# What a process that hangs is said to be: "firefox is frozen, kill it".
_STUCK = _AROUND["stuck"]
_BEING = _AROUND["being"]
# Environment variables everyone names in capitals: "my PATH", "what's HOME set to".
_ENVIRONMENT = _AROUND["environment"]
# Capitalised words that are things, never what to look for: "what's eating my RAM", "sshd's PID".
_ACRONYMS = _AROUND["acronyms"]
_STRUCTURED = re.compile(r"\.(json|ya?ml|toml)$|^(json|ya?ml|toml)$")
_KEYS = _AROUND["keys"]
_KEY_NAME = re.compile(r"^[A-Za-z_][\w.-]*$")  # what jq's `.key` takes as written
_DOTTED_KEY = re.compile(r"^\.[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")  # `.name`, `.spec.replicas`
# Names said in words that are spelt otherwise: a small reviewed table, (words) → (kind, name).
_SAID_NAMES = {
    ("network", "manager"): ("service", "NetworkManager"),
    ("networkmanager",): ("service", "NetworkManager"),
    ("nginx", "error", "log"): ("file", "/var/log/nginx/error.log"),
    ("nginx", "access", "log"): ("file", "/var/log/nginx/access.log"),
    ("apache", "error", "log"): ("file", "/var/log/apache2/error.log"),
    ("apache", "access", "log"): ("file", "/var/log/apache2/access.log"),
}
# The user's own private key, said as theirs and by no name ("generate a new private key" names no
# file yet, "my ssh key id_ed25519" its own; "copy my ssh key to db1" is the public key, ssh-copy-id's):
# its words stay search words.
_OWN_KEY = (("my", "private", "key"), ("my", "private", "ssh", "key"), ("my", "ssh", "private", "key"))
# Words after a subject that say what it does, so never its name: "the postgresql service fail to start".
PREDICATES = _AROUND["predicates"]
# Words that are never a name even where a name may come: "his home folder too".
NEVER_NAMES = _AROUND["never_names"]
_GIVING = _AROUND["giving"]
_ASKING = _AROUND["asking"]
_ABOUT_USERS = _AROUND["about_users"]
_RIGHTS = _AROUND["rights"]
_NOT_GROUPS = _AROUND["not_groups"]
_BECOMING = _AROUND["becoming"]
_TRANSFORMING = _AROUND["transforming"]
_PICKED_LINES = _AROUND["picked_lines"]
NOT_PATTERNS = _AROUND["not_patterns"]
_SWAPPING = _AROUND["swapping"]
# "replace X with Y", "substitute X by Y", "swap X for Y", "substitute Y for X", "change X to Y … in FILE".
_REPLACING = frozenset({"replace", "substitute"})
_PUTTING_FOR = _AROUND["putting_for"]
_CHANGING_TEXT = _AROUND["changing_text"]
_IN_FILE = _AROUND["in_file"]
EVERY = frozenset({"every", "all", "each", "any"})
_FILE_NAMED = re.compile(r"[\w-]\.[A-Za-z0-9]{1,5}$|/")
# Words that make "to X" a value of their own kind ("rename a to b", "change the owner to bob"): no text changed.
_TO_SAYS_KIND = frozenset(vocabulary().to_words)
_MESSAGE_WORDS = frozenset({"as", "saying"})  # after "commit"
# Characters by their names, as `tr` writes them.
_CHARACTERS = {
    word + plural: char
    for word, char in {
        "newline": "\\n", "tab": "\\t", "comma": ",", "space": " ", "semicolon": ";", "colon": ":", "dot": ".",
        "period": ".", "underscore": "_", "dash": "-", "hyphen": "-", "pipe": "|", "slash": "/",
    }.items()
    for plural in ("", "s", "es")
}
_NOT_REPLACEMENTS = frozenset("the a an it its them this that".split())  # "replace it with the new one"
# Text as encodings write it: base64 or hex letters with a digit, both cases, or `=` padding.
_ENCODED = re.compile(r"^(?=.*(?:=|\d|[A-Z].*[a-z]|[a-z].*[A-Z]))[A-Za-z0-9+/]{4,}={0,2}$")
# Plainly encoded, wherever it is said: padded, or lower and upper case letters and digits mixed (no
# word or name is: `base64`, `sha256`, `SHA256SUMS`)
_DATA = re.compile(r"=$|^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)")
_VERSION = re.compile(r"^v?\d+(?:\.\d+)+[\w.-]*$|^v?\d+$", re.I)


def _verb_before(lower: list[str], i: int) -> str:
    """The word before token i as the word table's phrases say it: "get rid of" is "remove"."""
    return (replace_phrases(lower[:i]) or [""])[-1]


def read(add: Add, tokens: list[str], lower: list[str], i: int, named: Callable[[str], bool], table: Vocabulary) -> bool:
    """The value at token `i` when the phrase around it says its kind; whether it read one."""
    low = lower[i]
    before = lower[i - 1] if i else ""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    for words, (kind, name) in _SAID_NAMES.items():
        if tuple(lower[i : i + len(words)]) == words:
            add(kind, name, i, last=i + len(words) - 1)
            return True
    for words in _OWN_KEY:
        end = i + len(words)
        if tuple(lower[i:end]) == words and not (end < len(lower) and lower[end].startswith("id_")):
            add("file", "~/.ssh/id_rsa", i, last=end - 1, searched=True)
            return True
    if _replaced(add, tokens, lower, i, table):
        return True
    if (possessives.read(add, tokens, lower, i, table) or possessives.owner_after(add, tokens, lower, i, table)
            or possessives.named_first(add, tokens, lower, i, table) or possessives.named_with_own(add, tokens, lower, i, table)
            or possessives.person(add, tokens, lower, i, table)):
        return True  # "sshd's PID", "carol's password", "the cron jobs for www-data"
    if variable(tokens[i]):
        add("variable", tokens[i], i, searched=True)  # "my PATH": its word still says what about
        return True
    if tokens[i][:1].isalpha() and (startup_file := said_file(tokens[i])):
        add("file", startup_file, i)  # "reload bashrc": a shell's startup file, no service (".bashrc" is as said)
        return True
    if _EMAIL.match(tokens[i]) and (_MAILING & set(lower) or not _REMOTE & set(lower)):
        add("email", tokens[i], i)  # "comment it with dana@corp.io": an address to write, no login
        return True
    if at_host := _LOGIN_AT_HOST.match(tokens[i]):
        add("user", at_host.group(1), i, searched=True)  # `{{user}}@{{host}}` takes each, `{{host}}` both
        way = "to" if before in ("to", "into", "onto") else ""
        add("host", at_host.group(2), i, way, login=at_host.group(1))  # "copy x to deploy@10.0.0.5": where it goes
        return True
    if before == "version" and _VERSION.match(tokens[i]) and i > 1 and named(lower[i - 2]):
        add("version", tokens[i].lstrip("vV"), i - 1, last=i, at=i)  # "requests version 2.31"
        return True
    if before in ("string", "word") and _TRANSFORMING & set(lower[:i]):
        add("text", tokens[i], i - 1, last=i, at=i)  # "decode this base64 string aGVsbG8=", "hash the word banana": any text
        return True
    if _ENCODED.match(tokens[i]) and (before in _TRANSFORMING or (_TRANSFORMING & set(lower) and _DATA.search(tokens[i]))):
        add("text", tokens[i], i)  # "decode this base64: aGVsbG8=", "what does dG9wc2VjcmV0 decode to": encoded text, no file
        return True
    if low in _MESSAGE_WORDS and i + 1 < len(tokens) and "commit" in lower[:i] and lower[i + 1] not in _NOT_REPLACEMENTS and not (
        "tag" in lower[:i] and i + 2 == len(tokens) and _VERSION.match(tokens[i + 1])  # "tag the current commit as v1.2.0": the tag
    ):
        # "commit them as fix typo", "commit saying fix typo": the rest is the message
        add("message", _unquoted(" ".join(tokens[i + 1 :])), i, last=len(tokens) - 1, at=i + 1)
        return True
    if _DOTTED_KEY.fullmatch(tokens[i]) and not _STRUCTURED.search(low) and low[1:] not in table.types and after not in (
        "file", "files"
    ) and any(
        _STRUCTURED.search(word) for word in lower[:i] + lower[i + 1 :]
    ):
        add("key", tokens[i][1:], i)  # "get .name of every item in items.json": jq's own way of saying the key
        return True
    if _key(lower, i) and _KEY_NAME.fullmatch(_unquoted(tokens[i])) and low not in table.stop and low not in table.ordinals:
        # "the version field of package.json", "the name field", "the "id" property": any word, quoted or not
        add("key", _unquoted(tokens[i]), i)
        return True
    if not named(low):
        return False
    if _owning(add, tokens, lower, i, named) or _shaped(add, tokens, lower, i, named, table):
        return True
    if before in _ASKING and _ABOUT_USERS & set(lower) and not is_software(low) and low not in table.read_verbs | table.change_verbs \
            and not participle(low):  # "which process is eating the cpu": what it does, no one's name
        add("user", tokens[i], i)  # "how many processes does bob have", "when did dave last log in"
        return True
    if before in _MAKING and lower[i + 1 : i + 2] == ["the"] and lower[i + 2 : i + 3] and lower[i + 2] in _OWNING:
        add("group" if lower[i + 2] == "group" else "user", tokens[i], i)  # "make www-data the owner of …"
        return True
    if before == "for" and i > 1 and lower[i - 2] in _ACCOUNTS:
        add("user", tokens[i], i)  # "an account for maria"
        return True
    if before in _SAYING and tokens[i][:1] not in "'\"" and (before == "saying" or lower[i - 2 : i - 1] in (["that"], ["which"])):
        j = text_end(lower, i)
        add("text", " ".join(tokens[i : j + 1]).rstrip(".!?,"), i - 1, last=j, at=i)  # "a line saying buy milk"
        return True
    if after in _APPEARING and before in ("does", "did", "do", "where", "times", "word") or (
        before == "of" and i > 1 and lower[i - 2] in _OCCURRENCES
    ):
        add("pattern", tokens[i], i)  # "how many times does timeout appear", "occurrences of timeout"
        return True
    if after in ("to", "from", "in") and _PROJECTS & set(lower[i + 2 : i + 6]) and _verb_before(lower, i) in _CHANGING_PACKAGES:
        add("package", tokens[i], i)  # "add express to my node project", "get rid of left-pad from the project"
        return True
    if after in _STUCK or (after in _BEING and lower[i + 2 : i + 3] and lower[i + 2] in _STUCK):
        add("process", tokens[i], i)  # "firefox is frozen"
        return True
    return False


def _shaped(add: Add, tokens: list[str], lower: list[str], i: int, named: Callable[[str], bool], table: Vocabulary) -> bool:
    """A pattern the phrase around it says: "hide the healthcheck lines"."""
    before = lower[i - 1] if i else ""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    if (
        before == "the" and after == "lines" and _PICKED_LINES & set(lower[:i])
        and _may_be_sought(lower[i], table) and lower[i] not in NOT_PATTERNS
    ):
        add("pattern", tokens[i], i)  # "hide the healthcheck lines when reading access.log"
        return True
    return False


def _replaced(add: Add, tokens: list[str], lower: list[str], i: int, table: Vocabulary) -> bool:
    """What is replaced and by what, any text: "replace every http:// with https://", "replace cat
    with dog", "swap every foo for bar", "substitute 2024 for 2023" (the other way round), "change
    localhost to db.internal everywhere in settings.py" (quotes dropped: the example quotes what it
    needs)."""
    link = lower[i + 1] if i + 1 < len(lower) else ""
    if i + 2 >= len(tokens) or lower[i + 2] in _NOT_REPLACEMENTS:
        return False
    if link in ("with", "by"):
        said = named_by(lower, i, _REPLACING)
    elif link == "for":
        said = named_by(lower, i, _SWAPPING | _PUTTING_FOR)
    else:
        said = link == "to" and _changed_in_file(lower, i, table)
    if not said:
        return False
    found, by = _CHARACTERS.get(lower[i]), _CHARACTERS.get(lower[i + 2])
    if found and by:  # "replace newlines with commas": characters, which `tr` maps (`tr '\n' ','`)
        add("character", found, i)
        add("character", by, i + 2)
        return True
    old, new = (i + 2, i) if link == "for" and named_by(lower, i, _PUTTING_FOR) else (i, i + 2)
    add("pattern", _unquoted(tokens[old]), i)
    add("replacement", _unquoted(tokens[new]), i + 2)
    return True


def _changed_in_file(lower: list[str], i: int, table: Vocabulary) -> bool:
    """Whether "change X to Y" changes a text in a file: X right after the verb (or "every", "all
    the", "occurrences of") is no word of what a command sets ("change the owner to", "change the
    port to 8080"), and a file follows "in" ("everywhere in settings.py", "in every line of urls.txt")
    or comes before the verb ("in nginx.conf change …")."""
    j = i - 1
    while j > 0 and (lower[j] in EVERY or lower[j] in _OCCURRENCES or lower[j] == "of" or (
        lower[j] == "the" and lower[j - 1] in EVERY
    )):
        j -= 1
    word = lower[i]
    if j < 0 or lower[j] not in _CHANGING_TEXT or word in table.stop or word in table.value_words or (
        word in table.of_words or word in table.to_words or word in table.as_words
    ) or _TO_SAYS_KIND & set(lower):
        return False
    rest = lower[i + 3 :]
    if any(w in _IN_FILE and _FILE_NAMED.search(lower[k + 1]) for k, w in enumerate(lower[: j - 1])):
        return True  # "in nginx.conf change 'listen 80' to 'listen 8080'": the file said first
    return any(w in _IN_FILE and any(_FILE_NAMED.search(v) for v in rest[k + 1 :]) for k, w in enumerate(rest))


def _unquoted(token: str) -> str:
    return token[1:-1] if len(token) > 1 and token[0] == token[-1] and token[0] in "'\"" else token


def named_by(lower: list[str], i: int, verbs: frozenset[str] | set[str]) -> bool:
    """Whether word `i` is what one of `verbs` names, past "every", "all the" ("replace every foo")."""
    j = i - 1
    while j > 0 and (lower[j] in EVERY or lower[j] == "the" or lower[j] in _OCCURRENCES or (
        lower[j] == "of" and lower[j - 1] in _OCCURRENCES
    )):
        j -= 1  # "replace every occurrence of v1", "replace all the foo"
    return j >= 0 and lower[j] in verbs


def _may_be_sought(word: str, table: Vocabulary) -> bool:
    """Whether a word may be what lines contain: no number, ordinal or kind of line."""
    return not word.isdigit() and word not in table.numbers and word not in table.ordinals


def _owning(add: Add, tokens: list[str], lower: list[str], i: int, named: Callable[[str], bool]) -> bool:
    """Who is to own or belong, said in shapes no value word introduces: "to user deploy", "make the
    group of shared.txt be staff", "give alice ownership of project/", "give sam sudo rights"."""
    before = lower[i - 1] if i else ""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    if before in ("user", "group") and i > 1 and lower[i - 2] in ("to", "as", "for"):
        add(before, tokens[i], i - 1, last=i, at=i)  # "change the owner of /srv/www to user deploy"
        return True
    if before in _BECOMING and i > 2 and (owned := _OWNING & set(lower[: i - 1])) and "of" in lower[: i - 1]:
        add("group" if owned == {"group"} else "user", tokens[i], i)  # "make the group of shared.txt be staff"
        return True
    if before in _GIVING and after in ("ownership", "owner"):
        add("user", tokens[i], i)  # "recursively give alice ownership of project/"
        return True
    rights = lower[i + 2] if i + 2 < len(lower) else ""
    if before in _GIVING and rights in _RIGHTS and named(after) and after not in _NOT_GROUPS:
        add("user", tokens[i], i)  # "give sam sudo rights": sam joins the group sudo
        add("group", tokens[i + 1], i + 1)
        return True
    return False


def text_end(lower: list[str], i: int) -> int:
    """The last token of a text that starts at token i: before the word that says where it goes."""
    j = i
    while j + 1 < len(lower) and lower[j + 1] not in _TEXT_ENDS:
        j += 1
    return j


def _key(lower: list[str], i: int) -> bool:
    """Whether token i names a key of a JSON or YAML file the request names ("the version field",
    "the value of version", "the version key", "key version")."""
    if not any(_STRUCTURED.search(word) for word in lower):
        return False
    before = lower[i - 1] if i else ""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    said = after in _KEYS or before in _KEYS or (before == "of" and lower[i - 2 : i - 1] == ["value"])
    return said and not lower[i].isdigit() and not _STRUCTURED.search(lower[i])


def variable(token: str) -> bool:
    """Whether a capitalised word is an environment variable everyone knows ("my PATH")."""
    return token in _ENVIRONMENT


def never_value(token: str, table: Vocabulary) -> bool:
    """Whether a capitalised word is a thing, not a value to look for ("RAM", "PID")."""
    low = token.lower()
    return low in _ACRONYMS or low in table.value_words or low in table.of_words


def letter_range(lower: list[str], i: int) -> bool:
    """"a to z", "from z to a": an order of letters, token `i` (after "to") no place."""
    return len(lower[i]) == 1 and lower[i].isalpha() and i >= 2 and len(lower[i - 2]) == 1 and lower[i - 2].isalpha()


def says_how(word: str, after: str) -> bool:
    """"without deleting it", "without duplicate lines", "without repeats": how to do it, not a text to leave out
    ("lines without error" is one)."""
    verbs = vocabulary().read_verbs | vocabulary().change_verbs
    base = word[:-3] if word.endswith("ing") else ""
    doubled = base[:-1] if len(base) > 2 and base[-1] == base[-2] else ""  # "unzipping": unzip
    return bool(base) and (base in verbs or base + "e" in verbs or doubled in verbs) or after in ("lines", "line", "entries", "rows") or (
        word in NOT_PATTERNS)  # "without repeats": what a flag drops


_APPENDING = frozenset("append add write put insert".split())
_SAID_AS = frozenset("line text word string words sentence".split())


def appended(tokens: list[str], i: int) -> bool:
    """Whether token i is what "append X to FILE", "add the line X to FILE" appends (to a file:
    "add alice to docker" is no text)."""
    if i + 2 >= len(tokens) or tokens[i + 1].lower() != "to" or not ("." in tokens[i + 2] or "/" in tokens[i + 2]):
        return False
    j = i - 1
    if j > 0 and tokens[j].lower() in _SAID_AS:
        j -= 1
        if j > 0 and tokens[j].lower() in ("the", "a", "this"):
            j -= 1
    return j >= 0 and tokens[j].lower() in _APPENDING
