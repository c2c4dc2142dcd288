"""The values a request states: file and directory names, numbers with what they count, hosts,
URLs, users, patterns. nlshell/offline/slots.py puts them into an example's placeholders; the
ranking leaves their words out of the search ("called photos" is not about photos).

Read left to right from the words the request uses; the table in nlshell/data/words.tsv says
which words introduce which value ("port 5432", "the user bob") and what the units mean.
"""

from __future__ import annotations

import os
import re
import functools
from collections.abc import Callable, Collection
from dataclasses import dataclass

from nlshell.offline.vocabulary import WORD, vocabulary

_TOKEN = re.compile(r"\"[^\"]*\"|'[^']*'|\S+")
_URL = re.compile(r"^(?:https?|ftp)://\S+$", re.I)
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,12}$", re.I)
_FILE = re.compile(r"^[\w@%+=,~-]*[\w~-]\.[A-Za-z0-9][\w.-]*$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_SIZE = re.compile(r"^(\d+)([kmgt]b?|[kmgt]ib|bytes?)$", re.I)
_DOTTED_EXTENSION = re.compile(r"^\.[A-Za-z0-9]{1,8}$")
_REMOTE = re.compile(r"^[\w.-]+:[/~]\S*$")
_LOUD = re.compile(r"^[A-Z][A-Z0-9_]{1,}$")
_NAME = re.compile(r"^[a-z0-9][\w.-]*$")
# What a word with a dot is: a host when it ends in one of these, else a file.
_DOMAINS = frozenset(
    """com org net io dev edu gov info biz co uk de fr nl eu us ca au in jp cn ru br it es ch se no fi pl be at
    dk cz local lan internal app cloud ai me tv xyz site online tech""".split()
)
_FILE_TYPES = frozenset("tar gz tgz xz bz2 zst 7z rar zip".split())
_BIGGER = frozenset("bigger larger greater more over above exceeding than".split())
_SMALLER = frozenset("smaller less under below".split())
_OLDER = frozenset("older before ago".split())
_NEWER = frozenset("last past within recent recently newer since".split())
_COUNTED = frozenset("lines line entries items results rows commands files processes times words bytes chars characters".split())
_COUNTING = frozenset("last first top head tail".split())
_PLACES = frozenset("in into inside under below within to from at on".split())
_NOT_NAMES = frozenset(
    "the a an this that these those my your our his her their every each all any some current parent home new "
    "empty hidden same other another one id ids".split()
)
_ROLE_TO = frozenset({"to", "into", "onto", "as"})
_DIR_NOUNS = frozenset("tree trees structure contents content size sizes listing names name path paths permissions".split())
_ADJECTIVES = frozenset("current working parent root whole entire same other temp temporary shared public system".split())
# Verbs a placeholder may stand for (`service nginx {{start}}`): the request's own verb goes there.
_ACTIONS = frozenset("start stop restart reload status enable disable".split())
_REMOTES = frozenset({"origin", "upstream"})
_GLUE = frozenset("uses use using used is are was with that which who listening running open opened".split())
_NOT_SERVICES = frozenset("log logs status file files unit units".split())
_ROLE_FROM = frozenset({"from"})


@dataclass
class Value:
    kind: str  # file dir path glob name url host remote port pid process user group package service
    #            branch tag message pattern replacement variable action command gitremote count number
    #            size age seconds
    text: str  # as it goes into the command
    at: int  # index of the request token it came from (`tokens(request)`)
    role: str = ""  # "name" (called/named X), "sought" (named X, in a search), "to", "from", "in"
    seconds: int = 0  # for an age: how long, with `text` its sign and number of days
    words: tuple[str, ...] = ()  # the words of the request it stands for
    spans: tuple[int, ...] = ()  # the request tokens it stands for


@functools.cache
def _known_types() -> frozenset[str]:
    """Extensions of the file types the word table knows, and of archives."""
    return frozenset(glob.rsplit(".", 1)[-1] for glob in vocabulary().types.values()) | _FILE_TYPES


def request_tokens(request: str) -> list[str]:
    """The request's tokens as values are read from them: words, and quoted strings whole."""
    return _TOKEN.findall(request)


def without_values(request: str, values: list[Value]) -> str:
    """The request without the tokens that are values ("called photos" → "called"), keeping the
    words of file extensions that say which program fits (`photos.zip` keeps `zip`)."""
    spanned = {i for v in values for i in v.spans}
    hints = vocabulary().hints
    kept = []
    for i, token in enumerate(request_tokens(request)):
        if i not in spanned:
            kept.append(token)
        else:
            kept.extend(w for w in WORD.findall(token.lower()) if w in hints)
    return " ".join(kept)


def _clean(token: str) -> str:
    if len(token) >= 2 and token[0] == token[-1] and token[0] in "'\"":
        return token
    token = token.strip("()[]{},;!?")
    if token.endswith(".") and (token.count(".") == 1 or token.endswith("..")):
        token = token[:-1]
    return token.rstrip(":") if not _REMOTE.match(token) else token


def _is_path(token: str) -> bool:
    return token.startswith(("/", "~", "./", "../")) or ("/" in token and not token.startswith("//"))


def _extension(token: str) -> str:
    return token.rsplit(".", 1)[-1].lower() if "." in token else ""


def _file_or_dir(token: str, cwd_dirs: Collection[str], cwd_files: Collection[str]) -> str:
    name = token.rstrip("/")
    if token.endswith("/") or name in cwd_dirs or (token.startswith(("/", "~")) and os.path.isdir(os.path.expanduser(name))):
        return "dir"
    if name in cwd_files or _FILE.match(name):
        return "file"
    return "path"


_BELOW = frozenset({"under", "below", "inside", "within", "beneath"})  # the next word is a place


def request_values(
    request: str,
    cwd_dirs: Collection[str] = (),
    cwd_files: Collection[str] = (),
    known: Callable[[str], bool] = lambda word: False,
) -> list[Value]:
    """Every value the request states, in the order it states them. `known` says whether a word
    is an ordinary word of the index's descriptions (then "to origin" is no file name)."""
    table = vocabulary()
    tokens = [_clean(t) for t in request_tokens(request)]
    lower = [table.spelling.get(t.lower(), t.lower()) for t in tokens]
    verbs = table.read_verbs | table.change_verbs
    searching = bool({"search", "grep", "gerp", "look", "find", "searching"} & set(lower))

    def plain(word: str) -> bool:
        """An ordinary word that may be a name: not a stop word, verb, or glue."""
        return bool(_NAME.fullmatch(word)) and not (
            word in _NOT_NAMES or word in table.stop or word in _GLUE or word in verbs or word in table.value_words
        )

    values: list[Value] = []
    taken: set[int] = set()

    def add(kind: str, text: str, first: int, role: str = "", last: int | None = None, at: int | None = None,
            **extra) -> None:
        """A value that tokens `first` to `last` state ("1 gigabyte"), its text at token `at`."""
        spanned = range(first, (first if last is None else last) + 1)
        words = tuple(w for i in spanned for w in WORD.findall(tokens[i].lower()))
        at = first if at is None else at
        # An action ("stop") is a value and the request's verb: its word stays a search word.
        spans = () if kind == "action" else tuple(spanned)
        values.append(Value(kind, text, at, role, words=words, spans=spans, **extra))
        taken.update(spanned)

    def role_at(i: int) -> str:
        before = lower[i - 1] if i > 0 else ""
        if before in ("called", "named") or (i > 1 and lower[i - 2] in ("called", "named")):
            return "name"
        if before in _ROLE_TO and i > 1 and lower[i - 2] in ("points", "pointing", "point", "link", "linked"):
            return "from"
        if before in _ROLE_TO:
            return "to"
        if before in _ROLE_FROM:
            return "from"
        return "in" if before in _PLACES else ""

    for i, token in enumerate(tokens):
        low = lower[i]
        before = lower[i - 1] if i > 0 else ""
        after = lower[i + 1] if i + 1 < len(tokens) else ""
        if not token or i in taken:
            continue
        if len(token) >= 2 and token[0] in "'\"" and token[0] == token[-1]:
            add("message" if before in ("message", "msg") else "pattern", token[1:-1], i)
        elif _URL.match(token):
            add("url", token, i, role_at(i))
        elif _IPV4.match(token):
            add("host", token, i, role_at(i))
        elif _REMOTE.match(token):
            add("remote", token, i, role_at(i))
        elif before in ("called", "named") and low not in table.stop and _NAME.fullmatch(low):
            add("name", token, i - 1, "name", last=i, at=i)  # "called photos", "named README.md"
        elif "*" in token or "?" in token:
            add("glob", token, i, role_at(i))
        elif _DOTTED_EXTENSION.match(token) and (after in ("file", "files") or _extension(token) in _known_types()):
            add("glob", "*" + token, i)
        elif _is_path(token):
            add(_file_or_dir(token, cwd_dirs, cwd_files), token, i, role_at(i))
        elif "." in token and not _NUMBER.match(token) and not token.endswith("."):
            if before in ("a", "an") and after in ("file", "archive") and set(low.split(".")) <= _FILE_TYPES:
                continue  # "into a tar.gz file": a format, not a name
            if _HOST.match(token) and _extension(token) in _DOMAINS and token not in cwd_files:
                add("host", token, i, role_at(i))
            else:
                add(_file_or_dir(token, cwd_dirs, cwd_files), token, i, role_at(i))
        elif low in table.types and after in ("file", "files", "script", "scripts", "source", "sources"):
            add("glob", table.types[low], i)
        elif table.value_words.get(before) == "pattern" and before not in ("word", "text", "string") and _NUMBER.match(token):
            add("pattern", token, i)  # "without 200"
        elif _NUMBER.match(token) or _SIZE.match(token):
            _number(add, i, token, lower, table)
        elif low in table.numbers and (after in table.times or after in _COUNTED or before in _COUNTING):
            _number(add, i, table.numbers[low], lower, table)  # "three times", "the last five lines"
        elif low in table.times and before in ("last", "past", "an", "a") and table.times[low] > 1:
            # "in the last hour": one of them
            add("age", "-" if before in ("last", "past") else "", i, seconds=table.times[low])
        elif low == "with" and i > 1 and lower[i - 2] == "replace" and i + 1 < len(tokens):
            continue
        elif before in ("append", "add", "write") and after == "to" and i + 2 < len(tokens) and "." in tokens[i + 2]:
            add("message", token, i)  # "append hello to notes.txt"
        elif before == "replace" and i + 2 < len(tokens) and lower[i + 1] == "with":
            add("pattern", token, i)  # "replace cat with dog"
            add("replacement", tokens[i + 2], i + 2)
        elif before == "of" and i > 1 and lower[i - 2] in ("pid", "pids") and plain(low):
            add("process", token, i)  # "the pid of sshd"
        elif token in cwd_dirs or token in cwd_files:
            add("dir" if token in cwd_dirs else "file", token, i, role_at(i))
        elif before == "message":
            add("message", " ".join(tokens[i:]), i)
            taken.update(range(i, len(tokens)))
        elif before in ("owner", "ownership") and after == "to" and i + 2 < len(tokens):
            continue  # "the owner of data to alice": read below
        elif before == "of" and i > 1 and lower[i - 2] in ("owner", "ownership") and after == "to" and i + 2 < len(tokens):
            add(_file_or_dir(token, cwd_dirs, cwd_files), token, i)
            add("user", tokens[i + 2], i + 2)
        elif low in _REMOTES and {"git", "push", "pull", "fetch"} & set(lower):
            add("gitremote", token, i)
        elif before in table.value_words and low not in _COUNTED and (
            plain(low) or (table.value_words[before] == "pattern" and low not in table.stop)
        ) and not (table.value_words[before] == "service" and low in _NOT_SERVICES):
            kind = table.value_words[before]
            # "the word error", "called photos": the word before says only where the value starts
            syntactic = kind == "name" or before in ("word", "text", "string", "pattern")
            add(kind, token, i - 1 if syntactic else i, "name" if kind == "name" else role_at(i), last=i, at=i)
        elif before == "for" and searching and plain(low):
            add("pattern", token, i)
        elif after in ("folder", "directory", "dir") and before in ("the", "a", "my", "this", "that") and plain(low) and low not in _ADJECTIVES:
            add("dir", token, i, role_at(i))  # "the src folder"
        elif before in ("folder", "directory", "dir") and plain(low) and low not in _DIR_NOUNS:
            add("dir", token, i, role_at(i))  # "the folder src"
        elif table.value_words.get(after) in ("service", "user", "group", "package", "branch") and after not in verbs and plain(low):
            add(table.value_words[after], token, i)
        elif before in _BELOW and plain(low) and low not in _DIR_NOUNS:
            add("dir", token, i, "in")  # "below src", "inside build": where
        elif (before == "into" or (before in _ROLE_TO and not known(low))) and plain(low):
            add("user" if {"owner", "owns", "ownership"} & set(lower) else "path", token, i, role_at(i))
        elif low in _ACTIONS:
            add("action", low, i)
        elif _LOUD.match(token) and len(token) > 2:
            add("variable" if before in ("variable", "var") else "pattern", token, i)
    _here(values, lower, add)
    if searching:  # "find files named x": x is what to look for, not where, nor what to create
        for value in values:
            if value.role == "name":
                value.role = "sought"
    return _joined_names(values)


def _number(add, i: int, token: str, lower: list[str], table) -> None:
    """A number, typed by the words around it: "port 5432", "20 lines", "1 gigabyte", "7 days"."""
    before = lower[i - 1] if i > 0 else ""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    earlier = set(lower[max(0, i - 4) : i])
    sized = _SIZE.match(token)
    if before in ("port", "pid") or after == "port" or (before == "process" and token.isdigit()):
        add("pid" if before in ("pid", "process") else "port", token, i)
    elif sized or after in table.sizes:
        number, unit = (sized.group(1), sized.group(2)) if sized else (token, after)
        suffix = table.sizes.get(unit.lower(), "")
        sign = "-" if earlier & _SMALLER else "+" if earlier & _BIGGER else ""
        add("size", f"{sign}{number}{suffix}", i, last=i if sized else i + 1)
    elif after in table.times:
        seconds = int(float(token) * table.times[after])
        sign = "+" if earlier & _OLDER else "-" if earlier & _NEWER else ""
        if table.times[after] == 1 or not sign:
            add("seconds", str(seconds), i, last=i + 1)
        else:
            add("age", sign, i, last=i + 1, seconds=seconds)
    elif after in _COUNTED or before in _COUNTING or after in ("biggest", "largest", "smallest", "newest", "oldest"):
        add("count", token, i)
    else:
        add("number", token, i)


def _here(values: list[Value], lower: list[str], add) -> None:
    """"here", "this directory", "the current folder" mean `.`; "my home directory" means `~`."""
    if any(v.kind in ("dir", "path") for v in values):
        return
    for i, word in enumerate(lower):
        nxt = lower[i + 1] if i + 1 < len(lower) else ""
        if word == "here" or (word in ("this", "current") and nxt in ("directory", "folder", "dir")):
            add("dir", ".", i, "in")
            return
        if word == "home" and (nxt in ("directory", "folder", "dir") or (i and lower[i - 1] == "my")):
            add("dir", "~", i, "in")
            return


def _joined_names(values: list[Value]) -> list[Value]:
    """"a folder named backups inside /tmp" names `/tmp/backups`: a name and the place it goes."""
    names = [v for v in values if v.role == "name"]
    places = [v for v in values if v.role == "in" and v.kind in ("dir", "path") and v.text not in (".",)]
    if len(names) == 1 and len(places) == 1 and "/" not in names[0].text:
        name, place = names[0], places[0]
        name.text = os.path.join(place.text, name.text)
        name.words += place.words
        name.spans += place.spans
        values.remove(place)
    return values
