"""The page readings the build stores (nlshell/offline/readings.py) are what the readers make of
the page's examples, and a damaged one is read from the examples instead."""

from __future__ import annotations

import shutil
import sqlite3

from nlshell.offline import OfflineIndex
from nlshell.offline.flags import flags_of, loaded_page, page_flags, page_prefix
from nlshell.offline.rows import page_examples
from nlshell.offline.valued import loaded_valued, valued_of, valued_options
from test_offline import typical_which


def test_every_stored_reading_is_what_the_readers_make_of_the_page(index):
    stored = index.query("SELECT name, program, flags, valued FROM page_reads")
    pages = index.query("SELECT DISTINCT name, program FROM pages")
    assert sorted((name, program) for name, program, *_ in stored) == sorted(pages)
    for name, program, flags, valued in stored:
        rows = page_examples(index.query, name)
        prefix = page_prefix(name, program)
        assert loaded_page(flags) == flags_of(rows, prefix, name), name
        assert loaded_valued(valued) == valued_of(rows, prefix, name), name


def _altered_copy(index, tmp_path, sql: str) -> OfflineIndex:
    """A copy of the session's index with `sql` run on it."""
    path = tmp_path / "offline.sqlite3"
    shutil.copy(index.db_path, path)
    with sqlite3.connect(path) as conn:
        conn.execute(sql)
    conn.close()
    return OfflineIndex(str(path), which=typical_which, summaries=dict)


def test_a_damaged_reading_is_read_from_the_examples(index, tmp_path):
    damaged = _altered_copy(index, tmp_path, "UPDATE page_reads SET flags = 'not json', valued = '[[1]]' WHERE name = 'sort'")
    rows = page_examples(index.query, "sort")
    assert page_flags(damaged, "sort", "sort") == flags_of(rows, ("sort",), "sort")
    assert valued_options(damaged, "sort", "sort") == valued_of(rows, ("sort",), "sort")
    assert not damaged.built  # read, not rebuilt
    damaged.close()


def test_an_index_without_readings_is_rebuilt(index, tmp_path):
    older = _altered_copy(index, tmp_path, "DROP TABLE page_reads")
    assert page_flags(older, "sort", "sort") == page_flags(index, "sort", "sort")
    assert older.built
    older.close()


def test_a_program_the_build_did_not_read_is_read_from_the_examples(index):
    rows = page_examples(index.query, "sort")
    assert page_flags(index, "sort", "sudo") == flags_of(rows, page_prefix("sort", "sudo"), "sort")
