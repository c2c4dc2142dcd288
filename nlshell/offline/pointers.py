"""Programs a request points to by the things it names, without naming the program.

"what did commit 9f8e7d6 do" names a commit id, which is git's; "where does origin point to" names
git's remote; "wipe the container named old-app" a container, docker's; "save https://…/q3.pdf as
report.pdf" a URL and a file to keep it in, a download's; "send site.tar.gz to /var/backups on
192.168.1.20" a file and a host, a copy to another machine's. Left to the words alone, these found
`df origin`, `rm -r old-app`, `qpdf`, `curl -F`. A file's name says its program too, with the verb
of what is asked of it: "run test_models.py" is pytest's, "compile main.c" gcc's, "turn notes.gz
back into notes" gunzip's — the words alone found `chmod`, `cargo`, `base64 -d`.
A program pointed to counts for the ranking almost
as if named (nlshell/offline/rank.py): the request says it in a word of its own that only the
program's pages say (`pointer_stems`), so no page that merely mentions the program ("curl supports
SCP") gains by it. What points where is the word table's `points:PROGRAM`
lines (nlshell/data/words.tsv): a value's kind in braces (`{commit}`), a file's name as a glob in
braces (`{test_*.py}`: of the globs a file matches, only the most exact ones point), a word no
request about another program says ("origin"), a word of a group in angle brackets (`<unpack>`: any
word of the table's `said:unpack` line), or several of them joined by `+` when it takes all of them
(`{url}+{file}`: a URL and a file to keep it in; `{package}+package.json`). The words beside a
glob are the request's own, never the file name's ("build.go" says no "build").
"""

from __future__ import annotations

import collections
import fnmatch
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from nlshell.offline.value import Value
from nlshell.offline.vocabulary import WORD, vocabulary


@dataclass(frozen=True)
class _Pointer:
    """One entry of a `points:` line: what a request names that points to `program`."""

    program: str
    kinds: frozenset[str]  # value kinds it needs ({commit})
    globs: frozenset[str]  # file names it needs ({*.py})
    words: tuple[frozenset[str], ...]  # words it needs, each any one of a group


def _is_glob(part: str) -> bool:
    return "*" in part


@functools.cache
def _pointers() -> tuple[_Pointer, ...]:
    """The entries of the table's `points:` lines, their parts joined by `+`."""
    around = vocabulary().around
    found = []
    for role, entries in around.items():
        if not role.startswith("points:"):
            continue
        program = role.split(":", 1)[1]
        for entry in sorted(entries):
            parts = entry.split("+")
            braced = [part[1:-1] for part in parts if part.startswith("{")]
            words = tuple(around.get(f"said:{part[1:-1]}", frozenset()) if part.startswith("<") else frozenset({part})
                          for part in parts if not part.startswith("{"))
            found.append(_Pointer(program, frozenset(p for p in braced if not _is_glob(p)),
                                  frozenset(p.lower() for p in braced if _is_glob(p)), words))
    return tuple(found)


def pointed(words: Iterable[str], values: Iterable[Value]) -> list[str]:
    """The programs the request's words (lower case, as written) and values point to, in the
    table's order."""
    values = list(values)
    words = list(words)
    kinds = {value.kind for value in values}
    said = set(words) | {value.text.lower() for value in values}
    own = set(collections.Counter(words) - collections.Counter(w for v in values for w in WORD.findall(v.text.lower())))
    named = _globs_named(values)
    programs = [pointer.program for pointer in _pointers()
                if pointer.kinds <= kinds and pointer.globs <= named
                and all(group & (own if pointer.globs else said) for group in pointer.words)]
    return list(dict.fromkeys(programs))


def _globs_named(values: list[Value]) -> set[str]:
    """The table's globs the values' file names match, only the most exact for each file
    (`test_app.py` is a test file, not any script; `logs.tar.gz` an archive, not any .gz)."""
    globs = {glob for pointer in _pointers() for glob in pointer.globs}
    named: set[str] = set()
    for value in values:
        name = value.text.lower().rstrip("/").rsplit("/", 1)[-1]
        matched = [glob for glob in globs if fnmatch.fnmatchcase(name, glob)]
        exact = max((len(glob.replace("*", "")) for glob in matched), default=0)
        named |= {glob for glob in matched if len(glob.replace("*", "")) == exact}
    return named


def pointer_stem(program: str) -> str:
    """The request's word for "a thing of `program` is named": no text's stem, as no stem holds `@`."""
    return f"@{program}"


def pointer_stems(program: str, pointed_to: Iterable[str]) -> frozenset[str]:
    """What a page of `program` says of the things named: its pointer word, when they point to it."""
    return frozenset({pointer_stem(program)}) if program in pointed_to else frozenset()
