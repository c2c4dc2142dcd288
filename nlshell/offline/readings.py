"""What the lookups read of each page's examples, read once when the index is built and stored
with it (`page_reads`): a page's flags (nlshell/offline/flags.py) and its options that take a
number (nlshell/offline/valued.py). A first lookup in a fresh process then reads a row instead of
parsing the page's examples; the results are the same, being made by the same readers from the
same rows (tests/test_offline_readings.py checks every page)."""

from __future__ import annotations

import sqlite3

from nlshell.offline.flags import Page, flags_of, page_prefix, stored_page
from nlshell.offline.rows import page_examples
from nlshell.offline.valued import stored_valued, valued_of


def store(conn: sqlite3.Connection) -> None:
    """Write `page_reads`: one row for each page name and program of the `pages` table."""
    conn.execute(
        "CREATE TABLE page_reads (name TEXT, program TEXT, flags TEXT, valued TEXT, PRIMARY KEY (name, program)) "
        "WITHOUT ROWID"
    )

    def query(sql: str, args: tuple) -> list[tuple]:
        return conn.execute(sql, args).fetchall()

    rows = []
    unread = (stored_page(Page((), {})), stored_valued(()))
    for name, program in query("SELECT DISTINCT name, program FROM pages ORDER BY name, program", ()):
        examples = page_examples(query, name)
        if not any("-" in row.command for row in examples):
            rows.append((name, program, *unread))  # no option in any of them: none to read (a seventh of the pages)
            continue
        prefix = page_prefix(name, program)
        rows.append((name, program, stored_page(flags_of(examples, prefix, name)),
                     stored_valued(valued_of(examples, prefix, name))))
    conn.executemany("INSERT INTO page_reads VALUES (?, ?, ?, ?)", rows)
