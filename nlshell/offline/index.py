"""The offline index on disk: built once from the package data into
`$XDG_CACHE_HOME/nlshell/offline.sqlite3` (sqlite FTS5, porter stemming, BM25), atomically, and
rebuilt whenever the packaged data, the word table or the schema changes. This module opens and
reads it; nlshell/offline/build.py writes it; nlshell/offline/rank.py decides what fits a request.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Collection, Iterable
from typing import NamedTuple
from urllib.parse import quote

from nlshell import paths
from nlshell.offline import data
from nlshell.offline.build import fill
from nlshell.offline.known import BUILTINS, path_names
from nlshell.offline.rows import PAGE_FIELDS, ExampleRow, PageRow, documented, page_rows
from nlshell.offline.vocabulary import fts_query, query_terms, vocabulary

# Bump when the tables, the text given to the index or the build rules change: the index rebuilds.
SCHEMA_VERSION = 16
# BM25 column weights of a page: its summary, its names, its examples' descriptions, NL2Bash's.
PAGE_COLUMNS = (2.0, 2.0, 1.0, 0.3)
PAGE_CANDIDATES = 60
POPULAR_CANDIDATES = 40
EXAMPLE_CANDIDATES = 200  # examples BM25 picks by their descriptions
NAMED_CANDIDATES = 40  # … plus this many of the programs the request names
NAMES_WEIGHT = 0.5  # BM25 weight of an example's page names against its description (1.0)
NAMED_MAX_SAID = 100  # a program name at most this many other descriptions use is no everyday word
SUITE_PAGES = 3  # a program with this many subcommand pages (git, docker, aws) is a suite


class ProgramFacts(NamedTuple):
    uses: int  # NL2Bash commands that run it: how common it is
    suite: bool  # it has subcommand pages of its own (git, docker)
    technical: bool  # its name is no everyday word (few other descriptions say it)


class OfflineIndex:
    """The offline index; cheap to create, built or opened on first lookup.

    `which` decides what is installed (inject a fake in tests); `warn` receives one-line warnings
    (the core never prints). `exclude` leaves NL2Bash rows out (leakage control in evaluations): a
    predicate on the NL2Bash description, or a collection of descriptions; it needs an explicit
    `db_path` so the user's own index is never replaced by a reduced one.
    """

    def __init__(
        self,
        db_path: str | None = None,
        *,
        which: Callable[[str], str | None] = shutil.which,
        warn: Callable[[str], None] = lambda msg: None,
        exclude: Callable[[str], bool] | Collection[str] | None = None,
        summaries: Callable[[], dict[str, str]] = lambda: data.man_summaries(),
    ) -> None:
        if exclude is not None and db_path is None:
            raise ValueError("an index with excluded rows needs its own db_path")
        self.db_path = db_path or paths.offline_db()
        self._which = which
        self._lists_path = which is shutil.which  # the real PATH: list its directories first
        self._listed: frozenset[str] | None = None  # names in the PATH directories, read once
        self._summaries = summaries
        self._warn = warn
        self._exclude = _as_predicate(exclude)
        self._platform = data.current_platform()
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self._installed: dict[str, bool] = {}
        self._facts: dict[str, ProgramFacts | None] = {}  # read on demand: opening stays cheap
        self._paged: dict[str, bool | None] = {}
        self.excluded: list[str] = []  # NL2Bash line numbers left out by `exclude`
        self.built = False  # True once this instance has (re)built the index
        self.summary_count = 0  # pages whose program has a man page here
        self.documents = 1  # descriptions and summaries, for term weights

    # -- opening and building ------------------------------------------------------------

    def _wanted_version(self, excluded: list[str] | None = None) -> str:
        version = (
            f"{SCHEMA_VERSION}:{data.data_version()}:{vocabulary().digest}:{data.own_examples_digest()}:"
            f"{self._platform}"
        )
        if self._exclude is not None:
            version += ":exclude=" + hashlib.sha256(",".join(excluded or []).encode()).hexdigest()[:12]
        return version

    def ensure_built(self) -> None:
        """Open the index, building it first when missing, stale or corrupt (never raises for those)."""
        with self._lock:
            if self._conn is None:
                self._conn = (self._open_existing() if self._exclude is None else None) or self._build()

    def _connect_ro(self) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{quote(self.db_path)}?mode=ro", uri=True, check_same_thread=False)

    def _open_existing(self) -> sqlite3.Connection | None:
        if not os.path.exists(self.db_path):
            return None
        conn = None
        try:
            paths.check_regular(self.db_path)  # a link or FIFO in its place: _build says so, in memory
        except OSError:
            return None
        try:
            conn = self._connect_ro()
            row = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            if not row or row[0] != self._wanted_version():
                conn.close()
                return None
            self._load(conn)
            return conn
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            self._move_aside(exc)
            return None

    def _load(self, conn: sqlite3.Connection) -> None:
        """Read the counts and make sure every table answers."""
        self._facts, self._paged = {}, {}
        self.summary_count = int(conn.execute("SELECT value FROM meta WHERE key = 'man'").fetchone()[0])
        self.documents = int(conn.execute("SELECT value FROM meta WHERE key = 'documents'").fetchone()[0])
        for table in ("entries", "documented", "pages", "docs", "page_docs", "popular_docs", "terms", "page_reads"):
            conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchall()

    def _move_aside(self, exc: Exception) -> None:
        try:
            aside = paths.move_aside(self.db_path)
            self._warn(f"offline index was unreadable ({exc}); moved it to {aside} and rebuilt it")
        except OSError:
            self._warn(f"offline index was unreadable ({exc}); rebuilt it")

    def _build(self) -> sqlite3.Connection:
        """Build into a temp file beside the target, then rename it into place: concurrent first
        uses never see half an index. When the cache dir is not writable, build in memory and say
        so once."""
        man = self._summaries()
        held = data.index_data(self._platform, self._exclude, man)
        self.excluded = held.excluded
        version = self._wanted_version(held.excluded)
        self.built = True
        directory = os.path.dirname(os.path.abspath(self.db_path))
        tmp = None
        try:
            paths.ensure_private_dir(directory)
            paths.check_regular(self.db_path)  # never replace a link or FIFO someone put there
            fd, tmp = tempfile.mkstemp(prefix=".offline-", suffix=".tmp", dir=directory)
            os.close(fd)
            os.chmod(tmp, 0o600)
            conn = sqlite3.connect(tmp)
            try:
                fill(conn, held, version, man)
            finally:
                conn.close()
            os.replace(tmp, self.db_path)
            conn = self._connect_ro()
        except (OSError, sqlite3.Error) as exc:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            self._warn(f"cannot write the offline index ({reason}); using it from memory")
            conn = sqlite3.connect(":memory:", check_same_thread=False)
            fill(conn, held, version, man)
        self._load(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # -- reading ---------------------------------------------------------------------------

    def installed(self, program: str) -> bool | None:
        """True/False when we can tell, None when there is no program to ask about (a placeholder)."""
        if not program or "{{" in program or "$" in program:
            return None
        if program in BUILTINS:
            return True
        known = self._installed.get(program)
        if known is None:
            try:
                # Most programs asked about are not installed: known.path_names says so cheaply.
                if self._listed is None and self._lists_path:
                    self._listed = path_names()
                listed = not self._lists_path or "/" in program or program in self._listed
                known = listed and self._which(program) is not None
            except Exception:
                known = False
            self._installed[program] = known
        return known

    def query(self, sql: str, args: tuple = ()) -> list[tuple]:
        """Run a read; a corrupt index is moved aside and rebuilt once, then the read retried."""
        self.ensure_built()
        try:
            with self._lock:  # one connection, shared by threads (an evaluation's workers)
                return self._conn.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            with self._lock:
                if self._conn is not None:
                    self._conn.close()
                if self._exclude is None and os.path.exists(self.db_path):
                    self._move_aside(exc)
                self._conn = self._build()
            return self._conn.execute(sql, args).fetchall()

    def _remembered(self, memo: dict, keys: Iterable[str], sql: str, make: Callable = lambda: True) -> dict:
        """`memo` completed for `keys` by `sql` (`… WHERE key IN ({marks})`, rows of the key then
        what `make` turns into its value), 500 keys a read; a key the table lacks is remembered
        as None and left out of the answer."""
        wanted = list(dict.fromkeys(keys))
        missing = [key for key in wanted if key not in memo]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            memo.update(dict.fromkeys(chunk))
            for key, *rest in self.query(sql.format(marks=",".join("?" * len(chunk))), tuple(chunk)):
                memo[key] = make(*rest)
        return {key: memo[key] for key in wanted if memo[key] is not None}

    def program_facts(self, programs: Iterable[str]) -> dict[str, ProgramFacts]:
        """What the index knows about each program it knows (others are left out)."""
        return self._remembered(
            self._facts, programs, "SELECT program, uses, subpages, said FROM programs WHERE program IN ({marks})",
            lambda uses, subpages, said: ProgramFacts(uses, subpages >= SUITE_PAGES, said <= NAMED_MAX_SAID),
        )

    def pages_named(self, names: Iterable[str]) -> set[str]:
        """Which of the names are pages (`tar`, `git-push`)."""
        return set(self._remembered(self._paged, names, "SELECT name FROM pages WHERE name IN ({marks})"))

    def term_counts(self, words: Iterable[str]) -> dict[str, int]:
        """How many descriptions and summaries use each word (absent: none)."""
        words = list(dict.fromkeys(words))
        if not words:
            return {}
        marks = ",".join("?" * len(words))
        return dict(self.query(f"SELECT term, docs FROM terms WHERE term IN ({marks})", tuple(words)))

    def pages(self, terms: list[str], named: list[str]) -> dict[int, PageRow]:
        """The pages whose own text (summary, names, examples, NL2Bash support) best fits the terms,
        with their BM25; and the main pages of the programs the request names."""
        if not terms:
            return {}
        columns = ", ".join(str(w) for w in PAGE_COLUMNS)
        sql = (
            f"SELECT {PAGE_FIELDS.replace('id,', 'p.id,')}, d.score, p.summary_leading FROM "
            "(SELECT rowid, bm25({table}, {columns}) AS score FROM {table} WHERE {table} MATCH ? "
            "ORDER BY score LIMIT ?) d JOIN pages p ON p.id = d.rowid"
        )
        # BM25 over "any of the words" favours short pages with one rare word: pages with all of them,
        # and the best of the popular pages (long ones: `ps` has hundreds of NL2Bash rows), are
        # candidates too.
        anyword = fts_query(terms)
        views = [("page_docs", anyword, PAGE_CANDIDATES), ("popular_docs", anyword, POPULAR_CANDIDATES)]
        if len(terms) > 1:
            views.append(("page_docs", " AND ".join(f'"{t}"' for t in terms), PAGE_CANDIDATES))
        if named:
            views.append(("page_docs", f"({anyword}) AND names : ({fts_query(named)})", PAGE_CANDIDATES))
        rows: dict[int, PageRow] = {}
        for table, match, limit in views:
            for row in page_rows(self.query(sql.format(table=table, columns=columns), (match, limit))):
                rows.setdefault(row.id, row)
        if named:
            marks = ",".join("?" * len(named))
            for row in page_rows(self.query(
                f"SELECT {PAGE_FIELDS}, 0.0, summary_leading FROM pages WHERE name IN ({marks}) ORDER BY id",
                tuple(named),
            )):
                rows.setdefault(row.id, row)
        return rows

    def page_rows(self, ids: Iterable[int]) -> dict[int, PageRow]:
        ids = tuple(ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {row.id: row for row in page_rows(self.query(
            f"SELECT {PAGE_FIELDS}, 0.0, summary_leading FROM pages WHERE id IN ({marks})", ids))}

    def matching(self, terms: list[str], named: list[str]) -> list[ExampleRow]:
        """The examples (any source) whose descriptions best fit the terms, with their BM25, and the
        best of the programs the request names: the examples of `shutdown` say "Power off", so
        "shut down the computer" alone never finds them."""
        if not terms:
            return []
        sql = (
            "SELECT e.id, e.page, e.description, e.command, e.source, e.programs, e.parts, e.stems, d.score FROM "
            "(SELECT rowid, bm25(docs, 1.0, ?) AS score FROM docs WHERE docs MATCH ? ORDER BY score LIMIT ?) d "
            "JOIN entries e ON e.id = d.rowid"
        )
        rows = {row[0]: ExampleRow._make(row) for row in self.query(sql, (NAMES_WEIGHT, fts_query(terms), EXAMPLE_CANDIDATES))}
        if named:
            match = f"({fts_query(terms)}) AND names : ({fts_query(named)})"
            for row in self.query(sql, (NAMES_WEIGHT, match, NAMED_CANDIDATES)):
                rows.setdefault(row[0], ExampleRow._make(row))
        return list(rows.values())

    def documented(self, page_ids: Iterable[int]) -> list[ExampleRow]:
        """Every tldr and nlshell example of the pages (BM25 0: not matched)."""
        return documented(self.query, page_ids)

    def plain_bm25(self, request: str, *, limit: int = 1) -> list[str]:
        """The examples plain BM25 ranks first for the request's words: the baseline the ranking
        is measured against (benchmarks/eval.py)."""
        terms = query_terms(request)
        if not terms:
            return []
        rows = self.query(
            "SELECT e.command FROM docs JOIN entries e ON e.id = docs.rowid WHERE docs MATCH ? "
            "ORDER BY bm25(docs) LIMIT ?",
            (fts_query(terms), limit),
        )
        return [command for (command,) in rows]


def _as_predicate(exclude: Callable[[str], bool] | Collection[str] | None) -> Callable[[str], bool] | None:
    if exclude is None or callable(exclude):
        return exclude
    left_out = frozenset(exclude)
    return left_out.__contains__
