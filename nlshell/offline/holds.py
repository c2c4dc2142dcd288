"""Which files of a type hold a text: "which .py files import requests", "what js files use lodash".

Such a request names a type of file (or the lines of one file: `grep -n`) and says what they hold with a verb (the `holds` lines of
nlshell/data/words.tsv: use, import, mention, contain …); the ranking reads "import" or "use" as
the job and finds no page for it. When its answer does not look for that text, the answer is
`grep -rl --include='*.py' 'import requests' DIR`: the files under the directory it names (here
when it names none) that say it. A verb that is written in the file itself (`quoted`: import,
require, include) is part of the text looked for.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable

from nlshell.offline.intent import READ
from nlshell.offline.offered import OfflineAnswer
from nlshell.offline.rank import OfflineHit
from nlshell.offline.vocabulary import WORD, vocabulary

_FILES = frozenset({"file", "files", "script", "scripts", "source", "sources", "module", "modules"})
_CONNECTORS = frozenset({"that", "which", "where", "do", "does", "still"})  # "files that still use X"
_PLACE = frozenset({"in", "under", "inside", "within", "below"})  # "… in src": where to look
_ASKING = frozenset({"which", "what", "any"})  # "which file in src has apiKey in it": files of no type
_HERE = frozenset({"here", "this", "repo", "project", "folder", "directory", "dir", "the", "current"})
_FILE_SHAPED = re.compile(r"[\w./~-]*\w\.\w+")  # app.py, src/main.go: one file, by its name
_VAGUE = frozenset({"have", "has", "say", "says"})  # "the lines of x.log that have the most words": no text


def held(request: str, answer: Callable[[str], list[OfflineAnswer]]) -> list[OfflineAnswer]:
    """The answers to `request`, or, when it asks which files of a type (or which lines of a file)
    hold a text its first answer does not look for, the `grep` that lists them first."""
    search = files_holding(request)
    if search is None and (lines := lines_holding(request)):
        search = lines
    try:
        found = answer(request)
    except Exception:
        if search is None:
            raise
        found = []
    if search is None or (found and search[1].lower() in found[0].hit.command.lower()):
        return found
    glob, text, where = search
    if glob is None:  # the lines of one file, with their numbers
        command = f"grep -n {shlex.quote(text)} {shlex.quote(where)}"
        hit = OfflineHit(command, "The lines of a file that contain a text, numbered", "nlshell", "grep", 1.0, "grep")
        return [OfflineAnswer(hit, READ, "safe"), *found]
    include = f"--include={shlex.quote(glob)} " if glob else ""
    command = f"grep -rl {include}{shlex.quote(text)} {shlex.quote(where)}"
    hit = OfflineHit(command, "Files of a type that contain a text", "nlshell", "grep", 1.0, "grep")
    return [OfflineAnswer(hit, READ, "safe"), *found]


def files_holding(request: str) -> tuple[str, str, str] | None:
    """(the files' glob, the text, where to look) when the request asks which files hold a text; the
    glob is "" when it names no type."""
    table = vocabulary()
    tokens = request.split()
    keys = ["".join(WORD.findall(token.lower())) for token in tokens]
    for i, key in enumerate(keys[:-2]):
        glob = _glob(tokens[i], key, table.types)
        if keys[i + 1] not in _FILES or not (glob or key in _ASKING):
            continue
        at = i + 2
        directory = "."
        if at + 1 < len(keys) and keys[at] in _PLACE:
            at += 1
            if keys[at] in _HERE:  # "in this project", "in the current directory": here, however many words
                while at < len(keys) and keys[at] in _HERE:
                    at += 1
            else:
                directory = tokens[at].rstrip(",;?!")
                at += 1
        while at < len(keys) and keys[at] in _CONNECTORS:
            at += 1
        if at + 1 >= len(keys) or keys[at] not in table.holds:
            continue
        words = _text(tokens[at + 1:], keys[at + 1:])
        if not words or not (glob or _named_text(tokens[at + 1:], keys[at + 1:], words)):
            continue
        text = " ".join(([keys[at]] if keys[at] in table.quoted else []) + words)
        return glob, text, directory
    return None


def lines_holding(request: str) -> tuple[None, str, str] | None:
    """(None, the text, the file) when the request asks which lines of one file hold a text with a
    verb a line says it with: "which line numbers in app.py import requests", "the lines of main.go
    that call panic". Left to the ranking, "import" read as the job and the text stayed open."""
    table = vocabulary()
    tokens = request.split()
    keys = ["".join(WORD.findall(token.lower())) for token in tokens]
    for i, key in enumerate(keys[:-3]):
        if key not in ("line", "lines"):
            continue
        at = i + 1 + (keys[i + 1] in ("number", "numbers"))
        if at + 2 >= len(keys) or keys[at] not in ("in", "of"):
            continue
        file = tokens[at + 1].rstrip(",;?!")
        if not _FILE_SHAPED.fullmatch(file):
            continue
        at += 2
        while at < len(keys) and keys[at] in _CONNECTORS:
            at += 1
        if at + 1 >= len(keys) or keys[at] not in table.holds or keys[at] in _VAGUE:
            continue
        rest = tokens[at + 1:]
        clause = next((j + 1 for j, token in enumerate(rest) if token.endswith((",", ";"))), len(rest))
        words = _text(rest[:clause], keys[at + 1 : at + 1 + clause])  # "…mention error, ignoring case": the text ends
        if words:
            return None, " ".join(([keys[at]] if keys[at] in table.quoted else []) + words), file
    return None


def _named_text(tokens: list[str], keys: list[str], words: list[str]) -> bool:
    """Whether files of no type are asked of a text, not of a property: "which file in src has apiKey
    in it" (one word, then "in it"), "which files say 'hello'" (quoted), "what file holds MAX_SIZE" (a
    word no sentence writes); "which files have the most lines" asks no text."""
    if tokens[0][:1] in "'\"":
        return True
    if len(words) != 1:
        return False
    word = words[0]
    return keys[1:3] in (["in", "it"], ["in", "them"]) or any(c.isupper() or c.isdigit() or c == "_" for c in word[1:])


def _glob(token: str, key: str, types: dict[str, str]) -> str:
    """`*.py` for ".py", "py" or "python"."""
    if token.startswith(".") and key.isalnum():
        return "*." + key
    return types.get(key, "")


def _text(tokens: list[str], keys: list[str]) -> list[str]:
    """The text a file holds: quoted whole, else its words up to where to look or the end."""
    if tokens and tokens[0][:1] in "'\"":
        return [" ".join(tokens).split(tokens[0][0])[1]]
    words = []
    for token, key in zip(tokens, keys):
        if key in _PLACE or not key:
            break
        words.append(token.rstrip(",;?!"))
    return words[:3]
