"""Things said by how their names begin or end: "files whose name starts with tmp" are `tmp*`,
"folders ending with _old" `*_old`; lines said so are a pattern at the line's start or end ("lines
of app.log that start with ERROR": `^ERROR`). Only the word after "with" is the value, and the verb
that says where it sits is no name of its own (it was read as one: `find ~ -name 'starts'`).
"""

from __future__ import annotations

import re

from nlshell.offline.places import FILE_NOUNS
from nlshell.offline.value import Add, Value

_STARTS = frozenset({"start", "starts", "starting", "begin", "begins", "beginning", "prefixed"})
_ENDS = frozenset({"end", "ends", "ending", "suffixed"})
_PARTICIPLES = frozenset({"starting", "beginning", "ending", "prefixed", "suffixed"})  # "files starting with x"
_RELATIVE = frozenset({"that", "which", "whose", "name", "names", "filename", "filenames"})
_LINES = frozenset({"line", "lines"})
_KEYS = frozenset({"key", "keys"})  # a store's keys have their own pattern syntax (`--pattern 'user:*'`)
_ARTICLES = frozenset({"a", "an", "the", "some", "any"})
_AFFIX = re.compile(r"[\w.:#@/+-]+")


def says_affix(lower: list[str], i: int) -> bool:
    """Whether the word at `i` says where a name's part sits ("whose name *starts* with php")."""
    return (lower[i] in _STARTS or lower[i] in _ENDS) and lower[i + 1 : i + 2] == ["with"]


def read(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Add) -> None:
    """Add the pattern each "… starting with X" / "… ending with X" says."""
    for i in range(1, len(lower) - 2):
        if not says_affix(lower, i):
            continue
        thing, start = _thing(lower, i), lower[i] in _STARTS
        affix = tokens[i + 2].strip("'\"`").rstrip(",;?!")
        if not _AFFIX.fullmatch(affix) or lower[i + 2] in _ARTICLES:
            continue  # "end with a question mark": a character by its name, not the letter a
        if (i + 2) in taken:  # "lines … that start with ERROR", "… ending with .pdf": read already as a word …
            said = next((v for v in values if v.at == i + 2 and v.kind in ("pattern", "glob")), None)
            if said and thing in _LINES:
                said.kind, said.text = "pattern", _anchored(affix, start)  # … yet a line's start or end, no file's
            elif said and said.kind == "pattern" and thing in FILE_NOUNS:  # "files beginning with IMG_": names
                said.kind, said.text = "glob", _glob(affix, start)
            continue
        if not thing or thing in _KEYS or (lower[i] not in _PARTICIPLES and lower[i - 1] not in _RELATIVE):
            continue  # "start with 2 workers" tells how to start; "keys …" are no file names
        if thing in _LINES:  # "starts with" stays a search word: grep's examples of a line's start say it
            add("pattern", _anchored(affix, start), i + 2)
            taken.update((i, i + 1))  # … and is no name ("lines that start with")
        else:  # a name's start is no search word: `find -name 'tmp*'`, never grep's '^…'
            add("glob", _glob(affix, start), i, last=i + 2, at=i + 2)


def _glob(text: str, start: bool) -> str:
    """The names that begin or end with the text (`tmp*`, `*_old`)."""
    return text + "*" if start else "*" + text


def _anchored(text: str, start: bool) -> str:
    """A line's start or end as grep's pattern, the text taken literally (`^#`, `\\.log$`)."""
    literal = re.sub(r"([.\[\]()*+?^$\\|{}])", r"\\\1", text)
    return "^" + literal if start else literal + "$"


def _thing(lower: list[str], i: int) -> str:
    """The noun the verb at `i` tells about ("files whose name starts …": files; "lines in app.log
    that start …": lines), or ""."""
    if _LINES & set(lower[max(0, i - 5) : i]):
        return "lines"
    k = i - 1
    while k >= 0 and lower[k] in _RELATIVE:
        k -= 1
    return lower[k] if k >= 0 else ""
