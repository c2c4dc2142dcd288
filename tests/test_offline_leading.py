"""The leading words the build stores of each documented example and page summary (read by
nlshell/offline/described.py for their verbs) are the words the description reads as."""

from __future__ import annotations

from nlshell.offline import described
from nlshell.offline.described import LEADING, description_verbs, destructive_description, leading
from nlshell.offline.vocabulary import leading_words


def _read_back(stored: str) -> tuple[str, ...]:
    return tuple(stored.split(" ")) if stored else ()


def test_every_stored_leading_is_what_the_description_reads_as(index):
    stored = index.query("SELECT description, leading FROM documented")
    stored += index.query("SELECT summary, summary_leading FROM pages")
    assert len(stored) > 10000
    for description, words in stored:
        assert words is not None, description
        assert _read_back(words) == tuple(leading_words(description, LEADING)), description


def test_a_description_the_index_told_reads_as_one_it_did_not(index, monkeypatch):
    rows = index.documented(range(1, 200))
    told = {row.description for row in rows}
    assert told <= described._told.keys()
    for description in list(told)[:300]:
        assert leading(description) == described._read_leading(description)
        assert description_verbs.__wrapped__(description) == description_verbs(description)
    monkeypatch.setattr(described, "_told", {"Delete a file": ("show", "a", "file")})  # what the index says is what counts
    assert not destructive_description.__wrapped__("Delete a file")


def test_a_description_not_stored_is_read_here(monkeypatch):
    monkeypatch.setattr(described, "_told", {})
    described.told([("Remove a file", None), ("Show a file", "")])
    assert described._told == {"Show a file": ()}
    assert leading("Remove a file") == tuple(leading_words("Remove a file", LEADING))
