"""Names a request says with their type: a type noun right before or after them ("remove the
directory build", "wipe the build folder", "give user deploy ownership", "the eslint cli", "stop
the container web1"), or once elsewhere in a request that says one name made like a name ("tmp2 is
an empty dir, remove it"); identifiers, which are names whatever words they are made of ("the
permissions on id_rsa": a file, no word about ssh keys); and sites by their bare name ("ping google").

The type nouns are the word table's `typed:KIND` lines. A name read here is a value: its words
are no search words, and a word that only says which sort of thing (the python of "the python
library requests") is no loose name (nlshell/offline/names.py). A word of the table (a stop word,
a file type, a value word, a type noun) is never a name; a verb is one only after the request's
own verb ("remove the directory build", not "build the image").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection

from nlshell.offline.kinds import PACKAGE_SORTS, PROCESS_ROLES
from nlshell.offline.places import way_at
from nlshell.offline.software import is_software
from nlshell.offline.value import Value
from nlshell.offline.vocabulary import Vocabulary, vocabulary

# Made like a name, not a word: `id_rsa`, `tmp2`, `web01`, `old-feature`, `buildbox-02`.
_SHAPED = re.compile(r"^[a-z0-9]+(?:[_-][a-z0-9]+)+$|^(?=[a-z0-9]*[a-z])(?=[a-z0-9]*\d)[a-z][a-z0-9]*$")
_NAME = re.compile(r"^[a-z0-9][\w.-]*$")
_TAGGED = re.compile(r"^[a-z0-9][\w./-]*:[\w.-]+$")  # an image and its tag: node:18, nginx:1.25-alpine
# snake_case, or words and a number joined by dashes (hotfix-22, web-01): a name in any sentence
_NUMBERED_WORDS = frozenset("top last first next sha md utf iso ipv tls ssl latin cp win windows".split())  # sha-256, top-10
_IDENTIFIER = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+$|^[a-z]{2,}(?:-[a-z]+)*-\d+$")
# Words that point at a thing already named: "this folder" has no name after it ("in this folder take up").
POINTED = frozenset("this that these those current same which each every whole".split())
_DETERMINERS = frozenset("the a an my our your his her their this that its".split())
# Words that say which one, or what it is like, between a determiner and a name or a type noun.
_WHICH = frozenset(
    "local remote new old current default existing empty whole entire unused stale running stopped paused exited latest newest official "
    "throwaway disposable temporary fresh".split()
)
# Kinds an everyday word may name ("the python library requests", "the web container"); other
# kinds take only a word made like a name ("the web01 server", not "the dev server").
_WORDY = frozenset({"dir", "branch", "user", "package", "container", "image", "database", "table", "script", "target", "name", "deployment"})
# Kinds named with everyday words, said before their noun with a determiner: "the devs group",
# "the shop database" (values.py reads "the group devs" already).
_WORDY_BEFORE = frozenset({"group", "database", "keyword", "deployment"})
_SORTS = frozenset("wrong right correct same other new old proper current different whole entire primary".split())  # "the wrong group"
# Nouns nlshell/offline/values.py reads a plain word beside already ("the folder src", "the user
# bob"): what it left, a verb or a word made like a name, is read here.
_READ_BESIDE = frozenset({"folder", "directory", "dir"})
# "the docker image" is of docker, not named docker; "the nginx container" is named nginx
_PROGRAMS_NOT_NAMES = frozenset({"container", "image"})
_NAMED_AFTER = frozenset({"session", "sessions"})  # "tmux session work"; an everyday word before one says which sort
# Kinds whose name may stand right after a preposition, before its noun ("from shop db"); never
# said with "as" ("print the output as a table" is a format).
_PREPOSED = frozenset({"database", "table"})
_OPENING_NOUNS = frozenset({"container", "service", "pod", "database", "db", "vm"})  # "api service is down"
_PREPOSITIONS = frozenset("from in on into of to".split())
# What a request names: with one of these, a type noun elsewhere may be about it.
_NAMED_KINDS = frozenset("file dir path link user group branch tag package service container image pod host process database table".split())


@functools.cache
def type_nouns() -> dict[str, str]:
    """Type noun → the kind of the name beside it (the word table's `typed:KIND` lines)."""
    table = vocabulary().around
    return {noun: role.split(":", 1)[1] for role, nouns in table.items() if role.startswith("typed:") for noun in nouns}


def _hosted(lower: list[str], i: int, table: Vocabulary) -> bool:
    """Whether a dashed name with a number is a machine's or a word's, not a branch's: outside a git
    request ("forget web-2 in my known hosts", "on prod-2") it is a host, read where hosts are;
    "sha-256" and "top-10" are words."""
    low = lower[i]
    git = table.around["git_verbs"] | _GIT_WORDS
    return "-" in low and (low.split("-")[0] in _NUMBERED_WORDS or git.isdisjoint(lower) or lower[i - 1 : i] in (["on"], ["at"]))


_GIT_WORDS = frozenset({"tag", "commit", "upstream", "origin", "rebase"})


def word_of_table(low: str, table: Vocabulary) -> bool:
    """Whether the table knows the word as a word of the language, never a name."""
    return (
        low in table.stop or low in table.value_words or low in table.types or low in type_nouns()
        or low in table.of_words or low in table.to_words or low in table.as_words or low in table.after_words
        or low in table.sizes or low in table.times or low in table.numbers or low in table.ordinals
        or low in table.around["predicates"] or low in table.around["never_names"] or low in _WHICH
        or low in _DETERMINERS or low in table.clause_breaks or low in table.amounts["ranked"]
    )


def read(
    raw: list[str],
    tokens: list[str],
    lower: list[str],
    values: list[Value],
    taken: set[int],
    add: Callable[..., None],
    role_at: Callable[[int], str],
    named: Callable[[str], bool],
    known: Callable[[str], bool],
    program: Callable[[str], bool],
    cwd_names: Collection[str] = (),
) -> None:
    """Read the names no other reading took, with their type; `values` gets them in request order.
    `named`: whether a word may be a name at all (nlshell/offline/values.py: no stop word, no "id")."""
    table = vocabulary()
    nouns = type_nouns()
    verbs = table.read_verbs | table.change_verbs
    # the request's own verb: no question word ("what env vars does the billing container see")
    first_verb = _first_verb(lower, table, verbs)

    def name(i: int, kind: str, before_noun: bool = False) -> bool:
        """Whether token i may be a name of `kind`: not taken, made like a name, no word of the table,
        a verb only after the request's own (a make target is often one: "the test target"), a program
        before its noun only when it names no image or container ("the docker image"; "the image alpine" is one)."""
        low = lower[i]
        if i in taken or low.endswith(".") or not (named(low) or (kind == "image" and _TAGGED.fullmatch(low))):
            return False  # an image with its tag is one name: `node:18`
        if kind == "keyword":
            return low not in table.around["test_sorts"] and low not in table.stop  # "the login tests": any word but a sort
        if word_of_table(low, table) and not _names_another(low, kind, nouns) and not _account(lower, i, kind, before_noun):
            return False
        if before_noun and kind in _PREPOSED and low in table.around["software"]:
            return False  # "the cron table", "the mysql database": the software's, not one named so ("the users table" is)
        if low.endswith(("ly", "ing")) and not _SHAPED.fullmatch(low) and not (before_noun and _gerund_name(low, table)) and not (
            kind in _PREPOSED and not before_noun and _following(raw, lower, i) in ("", *table.clause_breaks)  # "the postgres db billing"
        ):
            return False  # "the eslint cli globally", "the web container printing"; "the billing container" names one
        if low in verbs and kind != "target" and not _account(lower, i, kind, before_noun) and (i <= first_verb or not (before_noun or _last_of_phrase(raw, lower, i, table))):
            return False  # "build the image", "give the group write access"; "wipe the build folder" is one
        if kind in ("host", "name") and program(low) and tokens[i] not in cwd_names and (kind == "host" or before_noun):
            return False  # "server uptime": the program, asked of the machine, no host named uptime; "a tmux session"
        return not (before_noun and kind in _PROGRAMS_NOT_NAMES and low in vocabulary().around["image_words"])

    def made(i: int) -> bool:
        return bool(_SHAPED.fullmatch(lower[i])) or tokens[i] in cwd_names

    def shaped(i: int) -> bool:
        return made(i) or not known(lower[i])

    def fits(i: int, noun: str, before_noun: bool = False) -> bool:
        """Whether token i names what `noun` says: a word made like a name, a verb the reading
        beside the noun left ("the directory build"), or an everyday word for a noun only read here."""
        kind = nouns[noun]
        if not name(i, kind, before_noun):
            return False
        if before_noun and noun in _NAMED_AFTER and not made(i):
            return False  # "this terminal session", "a new tmux session": a session is named after its noun
        covered = noun in _READ_BESIDE or noun in table.value_words
        gerund = before_noun and _gerund_name(lower[i], table)
        unit = before_noun and noun in table.around["unit_types"] and lower[i - 1] not in ("a", "an")
        grouped = before_noun and kind in _WORDY_BEFORE and _determined(lower, i) and lower[i] not in _SORTS  # "the devs group"
        everyday = kind in _WORDY and not covered and not (before_noun and kind == "name")  # "this terminal session" names none
        return shaped(i) or lower[i] in verbs or gerund or unit or grouped or everyday

    attached: set[int] = set()
    for j, low in enumerate(lower):
        kind = nouns.get(low)
        if not kind:
            continue
        after, before = j + 1, j - 1
        if before >= 0 and lower[before] in POINTED:
            attached.add(j)  # "this folder", "which branch": no name comes after it
            continue
        while before >= 0 and (lower[before] in _WHICH or (kind == "package" and lower[before] in PACKAGE_SORTS)
                               or (kind == "process" and lower[before] in PROCESS_ROLES)
                               or _software_between(lower, before, kind, table)):
            before -= 1  # "the local branch old-feature" was read after the noun; "the old-feature branch" here
        if kind == "service" and before >= 0 and before not in taken and _known_service(lower[before], table):
            _add(add, values, kind, tokens, before, role_at(before))  # "the ssh service logged …": ssh's, not a unit "logged"
            attached.add(j)
        elif after < len(lower) and not _ends(raw[j]) and fits(after, low) and not _noun_phrase(lower, after, nouns) and not (
            _state_after(raw, lower, after) and before >= 0 and _determined(lower, before)  # "is the nvidia module loaded"
        ):
            _add(add, values, kind, tokens, after, role_at(after) or _way(lower, j))  # "to the folder archive"
            attached.add(j)
            if before >= 0 and lower[before] not in _DETERMINERS and before not in taken:
                taken.add(before)  # "the python library requests": python says which sort, it names nothing
        elif before >= 0 and not _ends(raw[before]) and not _called_after(values, j) and fits(before, low, before_noun=True) and (
            _determined(lower, before) or (before > 0 and lower[before - 1] in verbs)  # "copy photos dir to /mnt"
            or (before == 0 and low in _OPENING_NOUNS)  # "nginx container is wedged, restart it": said first
        ):
            _add(add, values, kind, tokens, before, role_at(before) or _way(lower, before))  # "out of the web container"
            attached.add(j)
        elif kind in _PREPOSED and before > 0 and lower[before - 1] in _PREPOSITIONS and fits(before, low, before_noun=True):
            _add(add, values, kind, tokens, before, role_at(before))  # "from shop db", "on mydb database"
            attached.add(j)
        elif kind not in _PREPOSED and (said_as := _said_as(lower, before)) is not None and fits(said_as, low):
            _add(add, values, kind, tokens, said_as, role_at(said_as))  # "add jest as a dev dependency"
            attached.add(j)
        elif any(v.at in (j - 1, j + 1, j + 2) for v in values) or {j - 1, j + 1} & taken:
            attached.add(j)
    for i, low in enumerate(lower):
        if i not in taken and low in sites() and _bare(raw, lower, i, table, verbs) and not _credential_for(lower, i) and (
            lower[i - 1 : i] != ["host"]  # "the ssh settings for host gitlab": an alias of ~/.ssh/config, as said
        ):
            _add(add, values, "host", tokens, i, role_at(i), text=sites()[low])  # "ping google 4 times"
        elif _IDENTIFIER.fullmatch(low) and not _hosted(lower, i, table) and i not in taken and not word_of_table(low, table) and not low.isupper() and not program(low):
            # not "pg_dump crm …": a program is said by its name; "nuke node_modules": a folder by its
            every = any(word in ("every", "all", "each") for word in lower)  # "every node_modules", "in every project": a name sought
            kind = "dir" if low in table.around["always_dirs"] and not every else "name"
            _add(add, values, kind, tokens, i, role_at(i))
    for value in values:
        if value.kind == "service" and "." not in value.text and (unit := _unit_type(lower, value.at, table)):
            value.text += "." + unit  # "when does the certbot timer fire next": certbot.timer
    for value in values:
        if value.kind in ("service", "process") and lower[value.at + 1 : value.at + 2] in (["container"], ["containers"]):
            value.kind = "container"  # "restart nginx container", "nginx container is wedged": one named after its software
    for i in range(len(lower) - 1):
        if i not in taken and name(i, "pattern", before_noun=True) and _listed_by(lower, i, table):
            _add(add, values, "pattern", tokens, i, role_at(i))  # "the kubectl command … in my history", "aws env vars"
    composing = table.around["composing"]
    if composing & set(lower):
        for i in range(1, len(lower) - 1):
            if (lower[i + 1] in table.around["printed"] and lower[i] not in composing and _determined(lower, i)
                    and name(i, "service", before_noun=True)):
                _add(add, values, "service", tokens, i, role_at(i))  # "follow the worker logs, it's in compose"
    for i in range(1, len(lower) - 1):
        if _moved(lower, i, table) and name(i, "path") and not _plural_noun(lower[i], table, nouns):
            _add(add, values, "path", tokens, i, "from")  # "copy photos to backup": what is copied
    _one_name(tokens, lower, values, taken, add, role_at, nouns, attached, lambda i: name(i, "") and made(i) and lower[i] not in verbs)


def _called_after(values: list[Value], j: int) -> bool:
    """Whether the noun at j is given its name after it ("a postgres role called reporter"): then the
    word before it says which sort, it names nothing."""
    return any(v.role == "name" and v.at in (j + 1, j + 2) for v in values)


def _first_verb(lower: list[str], table: Vocabulary, verbs: frozenset[str]) -> int:
    """Where the request's own verb ends: a verb of the table, or the last word of a phrase that
    stands for one ("get rid of the build dir": build comes after the verb, a name)."""
    for i, low in enumerate(lower):
        if low in table.change_verbs or (low in verbs and low not in table.stop):
            return i
        for words, replacement in table.phrases.get(low, ()):
            if replacement[0] in verbs and tuple(lower[i : i + len(words)]) == words:
                return i + len(words) - 1
    return len(lower)


def _known_service(word: str, table: Vocabulary) -> bool:
    """Software, a daemon or a server the word table knows, said before the word "service"."""
    return is_software(word) or word in table.around["servers"]


def _gerund_name(low: str, table: Vocabulary) -> bool:
    """Whether an -ing word before a type noun names the thing ("the billing container", "the logging
    service", "the pricing table"), not says its state ("the running container": the table's `states`)."""
    return low.endswith("ing") and len(low) > 5 and low not in table.around["states"] and low not in table.around["predicates"]


def _unit_type(lower: list[str], i: int, table: Vocabulary) -> str:
    """The unit type a name at word i is said with ("the certbot timer", "timer logrotate"), or ""."""
    beside = {lower[j] for j in (i - 1, i + 1) if 0 <= j < len(lower)}
    return next(iter(sorted(beside & table.around["unit_types"])), "")


def _listed_by(lower: list[str], i: int, table: Vocabulary) -> bool:
    """Whether word i names what to pick from a list by the noun after it: a command of the request's
    history ("that kubectl command i ran … in my history") or an environment variable ("aws env vars")."""
    around, after = table.around, lower[i + 1]
    if after in around["commands_run"]:
        return bool(around["histories"] & set(lower))
    return after in around["environments"] and i + 2 < len(lower) and lower[i + 2] in around["variables"]


def _account(lower: list[str], i: int, kind: str, before_noun: bool) -> bool:
    """"the deploy user", "the backup account": a service account is often named by a word of the
    table (a verb, a noun); right between "the" and its noun it is the name."""
    return before_noun and kind == "user" and i > 0 and lower[i - 1] == "the" and lower[i] not in _WHICH | _SORTS


def _software_between(lower: list[str], i: int, kind: str, table: Vocabulary) -> bool:
    """Whether word i is the software of a database or table whose name comes before it ("the
    shop postgres db"): not right after a determiner ("the mysql database" names none)."""
    return kind in _PREPOSED and lower[i] in table.around["software"] and i > 0 and lower[i - 1] not in _DETERMINERS


def _one_name(
    tokens: list[str], lower: list[str], values: list[Value], taken: set[int], add: Callable[..., None],
    role_at: Callable[[int], str], nouns: dict[str, str], attached: set[int], candidate: Callable[[int], bool],
) -> None:
    """"tmp2 is an empty dir, remove it": a request that says one name and, elsewhere, one type
    noun with no name beside it gives the name that type."""
    loose = [j for j, low in enumerate(lower) if low in nouns and j not in attached]
    if len({nouns[lower[j]] for j in loose}) != 1:
        return
    kind = nouns[lower[loose[0]]]
    typeless = [v for v in values if v.kind == "name" and v.role == ""]
    named = [v for v in values if v.kind in _NAMED_KINDS]
    unread = [i for i in range(len(lower)) if candidate(i) and i not in taken]
    if named or len(typeless) + len(unread) != 1:
        return
    if typeless:
        typeless[0].kind = kind
    else:
        _add(add, values, kind, tokens, unread[0], role_at(unread[0]))


@functools.cache
def sites() -> dict[str, str]:
    """A site people call by its bare name → its host (the word table's `sites` line: google →
    google.com)."""
    return {host.split(".", 1)[0]: host for host in vocabulary().around["sites"]}


_CREDENTIALS = frozenset("key keys keypair keypairs token tokens password passwords credentials account login".split())


def _credential_for(lower: list[str], i: int) -> bool:
    """"an ed25519 keypair for github", "a token for gitlab": the site says what it is for, it is
    no machine to reach."""
    return i > 0 and lower[i - 1] == "for" and bool(_CREDENTIALS & set(lower[:i]))


def _bare(raw: list[str], lower: list[str], i: int, table: Vocabulary, verbs: Collection[str]) -> bool:
    """Whether a site's name stands alone ("ping google 4 times", "is github down"), not as the first
    word of a product's ("google chrome", "github actions")."""
    after = _following(raw, lower, i)
    return not after or not after.isalpha() or after in table.stop or after in verbs or after in table.times or after in table.numbers


def _said_as(lower: list[str], i: int) -> int | None:
    """The word a type noun says what it is in "X as a dev dependency" (word i ends what comes
    between "as" and the noun), or None."""
    while i >= 0 and (lower[i] in _DETERMINERS or lower[i] in _WHICH):
        i -= 1
    return i - 1 if i >= 1 and lower[i] == "as" else None


def _way(lower: list[str], i: int) -> str:
    """Which way a thing named at word i is said to go, past its determiners: "to" ("into the
    folder archive"), "from" ("from the container web", "out of the api container", "off box1"), or ""."""
    j = i - 1
    while j >= 0 and lower[j] in _DETERMINERS | _WHICH:
        j -= 1
    return way_at(lower, j)


# What a thing is said to be, after its noun at the end of a question: "is the nvidia module loaded",
# "is the docker group present", "is the lodash library outdated"; no name.
_STATES = frozenset("present missing empty running available active enabled disabled broken stale there".split())


def _state_after(raw: list[str], lower: list[str], i: int) -> bool:
    """Whether word i, the last of its clause, says a state (a participle or a state word), not a name."""
    low = lower[i]
    return not _following(raw, lower, i) and (low in _STATES or (low.endswith("ed") and len(low) > 4 and low.isalpha()))


def _ends(token: str) -> bool:
    """Whether a token ends a clause ("dir," in "tmp2 is an empty dir, remove it")."""
    return token[-1:] in (",", ";", ":", "!", "?") or (token.endswith(".") and token.count(".") == 1)


def _following(raw: list[str], lower: list[str], i: int) -> str:
    """The word after token i in its clause, "" where the clause or the request ends."""
    return "" if _ends(raw[i]) or i + 1 == len(lower) else lower[i + 1]


def _last_of_phrase(raw: list[str], lower: list[str], i: int, table: Vocabulary) -> bool:
    """Whether word i ends its noun phrase: the request or a clause ends, or a small word or a word
    of a role follows ("remove the directory build", "give user deploy ownership of /srv/www")."""
    after = _following(raw, lower, i)
    return not after or after in table.stop or after in table.clause_breaks or after in table.to_words or after in table.of_words


def _moved(lower: list[str], i: int, table: Vocabulary) -> bool:
    """Whether word i is what a copy, a move or a rename takes, said right after its verb and
    before where it goes ("copy photos to backup", "move the drafts into archive")."""
    j = i - 1
    while j > 0 and lower[j] in _DETERMINERS | _WHICH:
        j -= 1
    return table.to_words.get(lower[j]) == "path" and lower[i + 1] in ("to", "into", "onto")


def _plural_noun(low: str, table: Vocabulary, nouns: dict[str, str]) -> bool:
    """Whether a word is a noun for files of any name ("files", "pictures", "logs"), no name of one."""
    single = low[:-1] if low.endswith("s") else low
    return single in nouns or single in table.types or single in ("file", "thing", "item", "one")


def _determined(lower: list[str], i: int) -> bool:
    """Whether word i follows a determiner, or a word saying which one after it ("the old-feature branch"),
    or only such words, opening the request."""
    j = i - 1
    while j >= 0 and lower[j] in _WHICH:
        j -= 1
    if j < 0:
        return j < i - 1  # "throwaway ubuntu container with a shell": a word saying which one opens the request
    return lower[j] in _DETERMINERS or lower[j].endswith("'s")  # "this makefile's test target"


def _noun_phrase(lower: list[str], i: int, nouns: dict[str, str]) -> bool:
    """Whether word i begins a noun phrase rather than names the thing before it ("the user
    accounts", "the folder sizes"): it is followed by another type noun or is a plural of one, or
    the noun of a database or table beside a thing of another kind ("the container db")."""
    low = lower[i]
    named = _names_another(low, nouns.get(lower[i - 1], ""), nouns)
    return (low.rstrip("s") in nouns and not named) or (i + 1 < len(lower) and lower[i + 1] in nouns)


def _names_another(low: str, kind: str, nouns: dict[str, str]) -> bool:
    """Whether a database's or table's type noun is the name of a thing of another kind beside it:
    "the db container", "the container db"."""
    return nouns.get(low) in _PREPOSED and kind not in _PREPOSED and kind != ""


def _add(add, values, kind, tokens, i, role, text: str = "") -> None:
    """Add the value at token i where the request says it (its type noun stays a search word:
    "the directory build" is still about directories)."""
    count = len(values)
    add(kind, text or tokens[i], i, role)
    if len(values) > count:
        value = values.pop()
        values.insert(next((k for k, v in enumerate(values) if v.at > value.at), len(values)), value)


def named_after(lower: list[str], i: int) -> bool:
    """Whether word i is a type noun whose name follows ("copy it into container api"): where
    something goes is the thing named, not a path called "container"."""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    return lower[i] in type_nouns() and bool(_NAME.fullmatch(after)) and after not in _DETERMINERS | vocabulary().stop
