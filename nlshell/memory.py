"""Personal memory: the commands this user ran through nlshell, kept locally in sqlite.

Every run is recorded with its exit status (`nlshell history` shows what really ran). Only a run
that was valid and exited 0 may answer again: an exact (normalised) repeat of its request in the
same shell is answered from here, instantly and offline, and says so when the person had edited
the command. Declining a remembered answer only stops it answering; the record stays. Similar past
successes serve as hints and few-shot examples, never as answers. Requests that carry secrets are
never stored. The store degrades like the cache does: a corrupt file is moved aside and rebuilt, an
unwritable one is skipped — with one warning, never an error.

`normalize_request` is on every request's path (the cache key uses it), so this module imports
nothing heavy at load time; sqlite3 is imported when the store is first opened.
"""

from __future__ import annotations

import os
import time

from nlshell import paths
from nlshell.redact import has_secret
from nlshell.store import SqliteStore

MAX_ENTRIES = 10_000  # older runs are dropped; memory is for habits, not an archive

_TRAILING = " \t\n.?!;:,"
# A run that may answer again, be an example or lift a command in the offline ranking.
_SUCCEEDED = "status = 0 AND valid = 1"


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


class Recalled:
    """A remembered answer: the command, and whether the person had edited it themselves."""

    __slots__ = ("command", "edited")

    def __init__(self, command: str, edited: bool) -> None:
        self.command = command
        self.edited = edited

    def __eq__(self, other) -> bool:
        return isinstance(other, Recalled) and (self.command, self.edited) == (other.command, other.edited)

    def __repr__(self) -> str:
        return f"Recalled({self.command!r}, edited={self.edited})"


class Memory(SqliteStore):
    """remember / exact / similar / entries / clear over `memory.sqlite3` (0600)."""

    schema_version = 2
    label = "command history"

    def __init__(self, path: str | None = None, *, warn=None, clock=time.time) -> None:
        super().__init__(path or paths.memory_db(), warn=warn)
        self.clock = clock

    def create_schema(self, db) -> None:
        db.execute(
            "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, time REAL NOT NULL,"
            " request TEXT NOT NULL, normalized TEXT NOT NULL, command TEXT NOT NULL,"
            " shell TEXT NOT NULL, cwd_kind TEXT NOT NULL, status INTEGER, valid INTEGER NOT NULL DEFAULT 0,"
            " edited INTEGER NOT NULL DEFAULT 0, answers INTEGER NOT NULL DEFAULT 1)"
        )
        # Version 1 kept every run without its outcome: such rows stay history, never answers.
        have = {row[1] for row in db.execute("PRAGMA table_info(runs)")}
        for column in ("status INTEGER", "valid INTEGER NOT NULL DEFAULT 0", "edited INTEGER NOT NULL DEFAULT 0",
                       "answers INTEGER NOT NULL DEFAULT 1"):
            if column.split()[0] not in have:
                db.execute(f"ALTER TABLE runs ADD COLUMN {column}")
        db.execute("CREATE INDEX IF NOT EXISTS runs_lookup ON runs (normalized, shell)")

    # -- public ----------------------------------------------------------------------------
    def remember(
        self,
        request: str,
        command: str,
        *,
        shell: str,
        cwd: str,
        status: int | None,
        valid: bool,
        edited: bool = False,
        answers: bool = True,
    ) -> bool:
        """Record one run. `status` is the command's exit status, `valid` whether it passed the
        checks; `answers=False` keeps it from ever answering its request (a follow-up's request
        means little on its own)."""
        if not request.strip() or not command.strip() or has_secret(request) or has_secret(command):
            return False
        cursor = self.run(
            "INSERT INTO runs (time, request, normalized, command, shell, cwd_kind, status, valid, edited, answers)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self.clock(), request.strip(), normalize_request(request), command, shell, cwd_kind(cwd),
             status, int(bool(valid)), int(bool(edited)), int(bool(answers))),
        )
        if cursor is not None and cursor.lastrowid and cursor.lastrowid % 100 == 0:
            self.run("DELETE FROM runs WHERE id <= ?", (cursor.lastrowid - MAX_ENTRIES,))
        return cursor is not None

    def exact(self, request: str, *, shell: str) -> Recalled | None:
        """The latest successful run for this very request in this shell, unless declined since."""
        cursor = self.run(
            f"SELECT command, edited FROM runs WHERE normalized = ? AND shell = ? AND {_SUCCEEDED} AND answers = 1"
            " ORDER BY time DESC, id DESC LIMIT 1",
            (normalize_request(request), shell),
        )
        row = cursor.fetchone() if cursor is not None else None
        return Recalled(row[0], bool(row[1])) if row else None

    def stop_answering(self, request: str, *, shell: str) -> int:
        """The person turned a remembered answer down: the request no longer answers itself from
        memory (until a new run succeeds). What ran stays in the history."""
        cursor = self.run(
            "UPDATE runs SET answers = 0 WHERE normalized = ? AND shell = ? AND answers = 1",
            (normalize_request(request), shell),
        )
        return cursor.rowcount if cursor is not None else 0

    def similar(self, request: str, *, shell: str, limit: int = 3) -> list[tuple[str, str]]:
        """Past (request, command) pairs sharing the most words with `request`: hints, never answers."""
        words = _content_words(request)
        if not words:
            return []
        cursor = self.run(
            f"SELECT request, command FROM runs WHERE shell = ? AND {_SUCCEEDED} AND answers = 1"
            " ORDER BY time DESC, id DESC LIMIT 500",
            (shell,),
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
            f"SELECT command FROM runs WHERE {_SUCCEEDED} GROUP BY command ORDER BY MAX(time) DESC LIMIT ?", (limit,)
        )
        return [row[0] for row in cursor.fetchall()] if cursor is not None else []

    def entries(self, limit: int | None = None) -> list[dict]:
        """What ran, newest first: `status` is the exit status (None: recorded before it was kept)."""
        sql = "SELECT time, request, command, shell, cwd_kind, status, edited FROM runs ORDER BY time DESC, id DESC"
        cursor = self.run(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ())
        rows = cursor.fetchall() if cursor is not None else []
        return [
            {
                "time": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(t)),
                "request": request,
                "command": command,
                "shell": shell,
                "cwd_kind": kind,
                "status": status,
                "edited": bool(edited),
            }
            for t, request, command, shell, kind, status, edited in rows
        ]

    def clear(self) -> int:
        return self.wipe("runs")
