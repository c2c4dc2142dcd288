"""Programs a request points to by the things it names, without naming the program.

"what did commit 9f8e7d6 do" names a commit id, which is git's; "where does origin point to" names
git's remote; "wipe the container named old-app" a container, docker's; "save https://…/q3.pdf as
report.pdf" a URL and a file to keep it in, a download's; "send site.tar.gz to /var/backups on
192.168.1.20" a file and a host, a copy to another machine's. Left to the words alone, these found
`df origin`, `rm -r old-app`, `qpdf`, `curl -F`. A program pointed to counts for the ranking almost
as if named (nlshell/offline/rank.py): the request says it in a word of its own that only the
program's pages say (`pointer_stems`), so no page that merely mentions the program ("curl supports
SCP") gains by it. What points where is the word table's `points:PROGRAM`
lines (nlshell/data/words.tsv): a value's kind in braces (`{commit}`), a word no request about
another program says ("origin"), or several of them joined by `+` when it takes all of them
(`{url}+{file}`: a URL and a file to keep it in; `{package}+package.json`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from nlshell.offline.value import Value
from nlshell.offline.vocabulary import vocabulary


@functools.cache
def _pointers() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """(program, the value kinds it needs, the words it needs) for each entry of the table's
    `points:` lines: its parts joined by `+`, each a kind in braces or a word."""
    found = []
    for role, entries in vocabulary().around.items():
        if not role.startswith("points:"):
            continue
        program = role.split(":", 1)[1]
        for entry in sorted(entries):
            parts = entry.split("+")
            kinds = frozenset(part[1:-1] for part in parts if part.startswith("{"))
            found.append((program, kinds, frozenset(part for part in parts if not part.startswith("{"))))
    return tuple(found)


def pointed(words: Iterable[str], values: Iterable[Value]) -> list[str]:
    """The programs the request's words (lower case, as written) and values point to, in the
    table's order."""
    values = list(values)
    kinds = {value.kind for value in values}
    said = set(words) | {value.text.lower() for value in values}
    programs = [program for program, needs_kinds, needs_words in _pointers()
                if needs_kinds <= kinds and needs_words <= said]
    return list(dict.fromkeys(programs))


def pointer_stem(program: str) -> str:
    """The request's word for "a thing of `program` is named": no text's stem, as no stem holds `@`."""
    return f"@{program}"


def pointer_stems(program: str, pointed_to: Iterable[str]) -> frozenset[str]:
    """What a page of `program` says of the things named: its pointer word, when they point to it."""
    return frozenset({pointer_stem(program)}) if program in pointed_to else frozenset()
