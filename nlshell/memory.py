"""Personal memory: the commands this user ran through nlshell, kept locally in sqlite.

An exact (normalised) repeat of an earlier request in the same shell is answered from here,
instantly and offline; similar past requests only serve as hints and few-shot examples. Requests
that carry secrets are never stored. The store degrades like the cache does: a corrupt file is
moved aside and rebuilt, an unwritable one is skipped — with one warning, never an error.

`normalize_request` is on every request's path (the cache key uses it), so this module imports
nothing heavy at load time; sqlite3 is imported when the store is first opened.
"""

from __future__ import annotations

import os
import time

from nlshell import paths
from nlshell.store import SqliteStore, has_secret

MAX_ENTRIES = 10_000  # older runs are dropped; memory is for habits, not an archive

_TRAILING = " \t\n.?!;:,"


_STOPWORDS = frozenset(
    "a an the of in on at to for from with and or all my me this that these those here there it its is are be "
    "please can you how do i".split()
)


def _content_words(text: str) -> set[str]:
    return set(normalize_request(text).split()) - _STOPWORDS


def normalize_request(text: str) -> str:
    """Lowercase, single spaces, no trailing punctuation: how requests are compared."""
    return " ".join(text.lower().split()).strip(_TRAILING)


def cwd_kind(cwd: str) -> str:
    """Where a command was run, coarsely: enough to learn habits, without keeping paths."""
    home = os.path.realpath(os.path.expanduser("~"))
    cwd = os.path.realpath(cwd)
    probe = cwd
    while True:
        if os.path.isdir(os.path.join(probe, ".git")):
            return "git repo"
        parent = os.path.dirname(probe)
        if parent == probe:
            break
        probe = parent
    if cwd == home:
        return "home"
    import tempfile

    temp_roots = {os.path.realpath(d) for d in ("/tmp", "/var/tmp", tempfile.gettempdir())}
    if any(cwd == root or cwd.startswith(root + os.sep) for root in temp_roots):
        return "tmp"
    if cwd.startswith(home + os.sep):
        return "under home"
    return "other"


class Memory(SqliteStore):
    """remember / exact / similar / entries / clear over `memory.sqlite3` (0600)."""

    schema_version = 1
    label = "command history"

    def __init__(self, path: str | None = None, *, warn=None, clock=time.time) -> None:
        super().__init__(path or paths.memory_db(), warn=warn)
        self.clock = clock

    def create_schema(self, db) -> None:
        db.execute(
            "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, time REAL NOT NULL,"
            " request TEXT NOT NULL, normalized TEXT NOT NULL, command TEXT NOT NULL,"
            " shell TEXT NOT NULL, cwd_kind TEXT NOT NULL)"
        )
        db.execute("CREATE INDEX IF NOT EXISTS runs_lookup ON runs (normalized, shell)")

    # -- public ----------------------------------------------------------------------------
    def remember(self, request: str, command: str, *, shell: str, cwd: str) -> bool:
        if not request.strip() or not command.strip() or has_secret(request) or has_secret(command):
            return False
        cursor = self.run(
            "INSERT INTO runs (time, request, normalized, command, shell, cwd_kind) VALUES (?, ?, ?, ?, ?, ?)",
            (self.clock(), request.strip(), normalize_request(request), command, shell, cwd_kind(cwd)),
        )
        if cursor is not None and cursor.lastrowid and cursor.lastrowid % 100 == 0:
            self.run("DELETE FROM runs WHERE id <= ?", (cursor.lastrowid - MAX_ENTRIES,))
        return cursor is not None

    def exact(self, request: str, *, shell: str) -> str | None:
        cursor = self.run(
            "SELECT command FROM runs WHERE normalized = ? AND shell = ? ORDER BY time DESC, id DESC LIMIT 1",
            (normalize_request(request), shell),
        )
        row = cursor.fetchone() if cursor is not None else None
        return row[0] if row else None

    def forget(self, request: str, *, shell: str) -> int:
        """The user turned this answer down: the request no longer answers itself from memory."""
        cursor = self.run("DELETE FROM runs WHERE normalized = ? AND shell = ?", (normalize_request(request), shell))
        return cursor.rowcount if cursor is not None else 0

    def similar(self, request: str, *, shell: str, limit: int = 3) -> list[tuple[str, str]]:
        """Past (request, command) pairs sharing the most words with `request`: hints, never answers."""
        words = _content_words(request)
        if not words:
            return []
        cursor = self.run(
            "SELECT request, command FROM runs WHERE shell = ? ORDER BY time DESC, id DESC LIMIT 500", (shell,)
        )
        rows = cursor.fetchall() if cursor is not None else []
        scored = []
        seen = set()
        for past_request, command in rows:
            if command in seen:
                continue
            seen.add(command)
            other = _content_words(past_request)
            overlap = len(words & other) / len(words | other) if other else 0.0
            if overlap > 0:
                scored.append((overlap, past_request, command))
        scored.sort(key=lambda item: -item[0])
        return [(r, c) for _score, r, c in scored[:limit]]

    def accepted_commands(self, limit: int = 200) -> list[str]:
        cursor = self.run(
            "SELECT command FROM runs GROUP BY command ORDER BY MAX(time) DESC LIMIT ?", (limit,)
        )
        return [row[0] for row in cursor.fetchall()] if cursor is not None else []

    def entries(self, limit: int | None = None) -> list[dict]:
        sql = "SELECT time, request, command, shell, cwd_kind FROM runs ORDER BY time DESC, id DESC"
        cursor = self.run(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ())
        rows = cursor.fetchall() if cursor is not None else []
        return [
            {
                "time": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(t)),
                "request": request,
                "command": command,
                "shell": shell,
                "cwd_kind": kind,
            }
            for t, request, command, shell, kind in rows
        ]

    def clear(self) -> int:
        return self.wipe("runs")
