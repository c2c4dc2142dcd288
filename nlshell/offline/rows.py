"""The rows the offline index hands out, and how a page's examples are read from it. Its own
module because both sides read them: the lookups (nlshell/offline/index.py) and the build
(nlshell/offline/readings.py reads each page's examples back to store what is made of them).
The leading words the build stored of each documented example and page summary come with them
and are told to nlshell/offline/described.py, which reads their verbs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple, Protocol

from nlshell.offline.described import told

Query = Callable[[str, tuple], list[tuple]]  # runs a read: sql, its arguments → the rows


class Reader(Protocol):
    """What reads the index (nlshell/offline/index.py's OfflineIndex), as the readers of a page's
    examples see it: they are run by the build too, which the index imports."""

    def query(self, sql: str, args: tuple = ()) -> list[tuple]: ...


PAGE_FIELDS = "id, name, program, names, summary, described, slots, summary_stems, names_stems, described_stems, everyday_stems"
SUMMARY = PAGE_FIELDS.split(", ").index("summary")
EXAMPLE_FIELDS = "id, page, description, command, source, programs, parts, stems"


class PageRow(NamedTuple):
    id: int
    name: str
    program: str
    names: str
    summary: str
    described: str  # its examples' descriptions
    slots: str  # the kinds of value its examples take, space-separated
    summary_stems: str  # the stems of its summary, of its names and of each example's description
    names_stems: str  # (space-separated; the examples' separated by " / "), read at build time
    described_stems: str
    everyday_stems: str  # the stems of nlshell's own examples' descriptions: what it is for, in everyday words
    bm25: float  # of the page's own text; 0.0 when it was not matched (more negative: better)


class ExampleRow(NamedTuple):
    id: int
    page: int
    description: str
    command: str
    source: str
    programs: str
    parts: int
    stems: str  # of its description, space-separated
    bm25: float  # of its description; 0.0 when it was not matched


def page_rows(found: list[tuple]) -> list[PageRow]:
    """Rows of PAGE_FIELDS, BM25 and the summary's stored leading words, as PageRows."""
    told((row[SUMMARY], row[-1]) for row in found)
    return [PageRow._make(row[:-1]) for row in found]


def documented(query: Query, page_ids: Iterable[int]) -> list[ExampleRow]:
    """Every tldr and nlshell example of the pages (BM25 0: not matched), in the index's order."""
    ids = tuple(page_ids)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    found = query(f"SELECT {EXAMPLE_FIELDS}, 0.0, leading FROM documented WHERE page IN ({marks})", ids)
    told((row[2], row[-1]) for row in found)
    return [ExampleRow._make(row[:-1]) for row in found]


def page_examples(query: Query, name: str) -> list[ExampleRow]:
    """The documented examples of every page named `name` (`tar` for Linux and for BSD)."""
    return documented(query, [row[0] for row in query("SELECT id FROM pages WHERE name = ?", (name,))])
