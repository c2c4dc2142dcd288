"""Writing the offline index: its tables, the text each FTS table indexes, and the lookups it
needs to be fast (nlshell/offline/index.py opens, versions and reads it)."""

from __future__ import annotations

import sqlite3

from nlshell.offline import data, readings
from nlshell.offline.described import stored_leading
from nlshell.offline.vocabulary import indexed_words, stem, stem_text


def fill(conn: sqlite3.Connection, held: data.IndexData, version: str, man: dict[str, str]) -> None:
    """Write the index in one transaction. The FTS tables are contentless (the text lives once,
    in `entries` and `pages`) and index canonical words, so `display` and `show` are one term."""

    def words(text: str) -> str:
        return " ".join(indexed_words(text))

    with conn:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute(
            "CREATE TABLE pages (id INTEGER PRIMARY KEY, name TEXT, program TEXT, names TEXT, summary TEXT, "
            "described TEXT, slots TEXT, summary_stems TEXT, names_stems TEXT, described_stems TEXT, everyday_stems TEXT, "
            "summary_leading TEXT)"
        )
        conn.execute(
            "CREATE TABLE entries (id INTEGER PRIMARY KEY, page INTEGER, description TEXT, command TEXT, "
            "source TEXT, programs TEXT, parts INTEGER, stems TEXT)"
        )
        # The documented (tldr, nlshell) examples again, stored page by page: a page's are read together;
        # with the leading words of each description and summary, whose verbs lookups read (described.py).
        conn.execute(
            "CREATE TABLE documented (page INTEGER, id INTEGER, description TEXT, command TEXT, source TEXT, "
            "programs TEXT, parts INTEGER, stems TEXT, leading TEXT, PRIMARY KEY (page, id)) WITHOUT ROWID"
        )
        conn.execute(
            "CREATE TABLE programs (program TEXT PRIMARY KEY, uses INTEGER, subpages INTEGER, said INTEGER) WITHOUT ROWID"
        )
        conn.execute("CREATE TABLE terms (term TEXT PRIMARY KEY, docs INTEGER) WITHOUT ROWID")
        # Pages are looked up by name on every request (the programs it names, a page's flags).
        conn.execute("CREATE INDEX pages_by_name ON pages (name)")
        tokenizer = "tokenize = 'porter unicode61'"
        conn.execute(f"CREATE VIRTUAL TABLE docs USING fts5(text, names, content = '', {tokenizer})")
        for table in ("page_docs", "popular_docs"):
            conn.execute(
                f"CREATE VIRTUAL TABLE {table} USING fts5(summary, names, examples, support, content = '', {tokenizer})"
            )
        conn.executemany(
            "INSERT INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (i, p.name, p.program, p.names, p.summary, " / ".join(p.examples), " ".join(p.slots),
                 stem_text(p.summary), stem_text(p.names), " / ".join(stem_text(e) for e in p.examples),
                 stem_text(" / ".join(p.everyday)), stored_leading(p.summary))
                for i, p in enumerate(held.pages, start=1)
            ),
        )
        page_text = [
            (i, words(p.summary), p.names, words(" / ".join(p.examples)), words(" / ".join(p.support)))
            for i, p in enumerate(held.pages, start=1)
        ]
        conn.executemany("INSERT INTO page_docs (rowid, summary, names, examples, support) VALUES (?, ?, ?, ?, ?)", page_text)
        conn.executemany(
            "INSERT INTO popular_docs (rowid, summary, names, examples, support) VALUES (?, ?, ?, ?, ?)",
            (row for row, page in zip(page_text, held.pages) if page.popular),
        )
        conn.executemany(
            "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (i, e.page + 1, e.description, e.command, e.source, e.programs, e.parts,
                 " ".join(sorted({stem(w) for w in e.words.split()})))
                for i, e in enumerate(held.entries, start=1)
            ),
        )
        conn.create_function("leading", 1, stored_leading, deterministic=True)
        conn.execute(
            "INSERT INTO documented SELECT page, id, description, command, source, programs, parts, stems, "
            "leading(description) FROM entries WHERE source != 'nl2bash'"
        )
        conn.executemany(
            "INSERT INTO docs (rowid, text, names) VALUES (?, ?, ?)",
            ((i, e.words, held.pages[e.page].names) for i, e in enumerate(held.entries, start=1)),
        )
        conn.execute("INSERT INTO docs (docs) VALUES ('optimize')")
        conn.execute("INSERT INTO page_docs (page_docs) VALUES ('optimize')")
        conn.execute("INSERT INTO popular_docs (popular_docs) VALUES ('optimize')")
        conn.executemany("INSERT INTO programs VALUES (?, ?, ?, ?)", [(p, *c) for p, c in sorted(held.programs.items())])
        conn.executemany("INSERT INTO terms VALUES (?, ?)", sorted(held.terms.items()))
        man_pages = sum(1 for p in held.pages if p.program in man)
        documents = len(held.entries) + len(held.pages)
        readings.store(conn)
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("version", version), ("man", str(man_pages)), ("documents", str(documents))],
        )
