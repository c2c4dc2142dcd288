"""The 5-minute answer cache: a cachetools TTLCache in process, over a small sqlite store on disk.

The store is what makes a repeated one-shot call instant, so the lookup path is kept lean: one
SELECT on columns (no JSON), no HTTP or parser imports. The store is shared by concurrent processes
(WAL, busy timeout); a corrupt file is moved aside and rebuilt, and a store that cannot be written
(read-only, disk full) is dropped for the rest of the process with one warning — never a crash.
"""

from __future__ import annotations

import os
import time

from nlshell import paths

SCHEMA_VERSION = 1
_SEP = "\x1f"  # joins reason/problem lists in one column; never appears in shown text
_COLUMNS = ("command", "valid", "risk", "reasons", "problems", "model", "source")


def cache_key(*parts: str) -> str:
    """Hash the normalised request with everything that changes the answer."""
    import hashlib

    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _has_secret(text: str) -> bool:
    """Requests that carry a key are never written to disk."""
    lowered = text.lower()
    return "AKIA" in text or any(
        marker in lowered for marker in ("sk-or-", "sk-ant-", "sk-proj-", "ghp_", "github_pat_", "xoxb-")
    )


class CommandCache:
    """get/put validated suggestions by key, with a TTL, in memory and in the persistent store."""

    def __init__(
        self,
        path: str | None = None,
        *,
        ttl: float = 300.0,
        clock=time.time,
        warn=None,
        persistent: bool = True,
    ) -> None:
        self.path = path or paths.cache_db()
        self.ttl = ttl
        self.clock = clock
        self.warn = warn or (lambda message: None)
        self.persistent = persistent
        self._memory = None  # TTLCache, created on first put (a one-shot hit never needs it)
        self._db = None
        self._broken = False

    # -- the sqlite store ------------------------------------------------------------------
    def _connect(self):
        if self._db is not None or self._broken or not self.persistent:
            return self._db
        import sqlite3

        try:
            paths.touch_private(self.path)
            db = sqlite3.connect(self.path, timeout=5.0, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA busy_timeout=5000")
            if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                self._create_schema(db)
            self._db = db
        except sqlite3.DatabaseError as e:
            self._recover(e)
        except OSError as e:
            self._give_up(f"cannot open the cache at {self.path} ({e.strerror or e})")
        return self._db

    @staticmethod
    def _create_schema(db) -> None:
        """Create (or replace an older) schema under a write lock: concurrent first uses race here."""
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:  # re-checked under the lock: another process may have won
                db.execute("DROP TABLE IF EXISTS entries")
                db.execute(
                    "CREATE TABLE entries (key TEXT PRIMARY KEY, created REAL NOT NULL,"
                    " command TEXT NOT NULL, valid INTEGER, risk TEXT, reasons TEXT, problems TEXT,"
                    " model TEXT, source TEXT)"
                )
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _recover(self, error) -> None:
        """A corrupt file is moved aside once and rebuilt; anything else disables the store."""
        import sqlite3

        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None
        text = str(error).lower()
        if isinstance(error, sqlite3.DatabaseError) and (
            "not a database" in text or "malformed" in text or "corrupt" in text
        ):
            try:
                os.replace(self.path, self.path + ".corrupt")
                for suffix in ("-wal", "-shm"):
                    if os.path.exists(self.path + suffix):
                        os.unlink(self.path + suffix)
            except OSError as e:
                self._give_up(f"the cache at {self.path} is corrupt and cannot be moved aside ({e.strerror})")
                return
            self.warn(f"the cache was corrupt; moved it to {self.path}.corrupt and started a new one")
            self._connect()
            return
        self._give_up(f"the cache at {self.path} cannot be used ({error})")

    def _give_up(self, message: str) -> None:
        if not self._broken:
            self._broken = True
            self.warn(message + "; continuing without it")
        self._db = None

    def _run(self, sql: str, args: tuple = ()):
        import sqlite3

        for _attempt in range(2):
            db = self._connect()
            if db is None:
                return None
            try:
                return db.execute(sql, args)
            except sqlite3.DatabaseError as e:
                self._recover(e)
        return None

    # -- the public interface --------------------------------------------------------------
    def get(self, key: str) -> dict | None:
        now = self.clock()
        if self._memory is not None:
            hit = self._memory.get(key)
            if hit is not None:
                return dict(hit)
        cursor = self._run(
            "SELECT created, command, valid, risk, reasons, problems, model, source FROM entries WHERE key = ?",
            (key,),
        )
        row = cursor.fetchone() if cursor is not None else None
        if row is None:
            return None
        created = row[0]
        if not (now - self.ttl < created <= now + 1):
            return None
        entry = dict(zip(_COLUMNS, row[1:]))
        entry["valid"] = None if entry["valid"] is None else bool(entry["valid"])
        entry["reasons"] = entry["reasons"].split(_SEP) if entry["reasons"] else []
        entry["problems"] = entry["problems"].split(_SEP) if entry["problems"] else []
        return entry

    def put(self, key: str, entry: dict, *, request: str = "") -> bool:
        """Store a validated suggestion. Returns False when it was not stored (secret, no store)."""
        if _has_secret(request) or _has_secret(entry.get("command") or ""):
            return False
        if self._memory is None:
            from cachetools import TTLCache

            self._memory = TTLCache(maxsize=256, ttl=self.ttl, timer=self.clock)
        self._memory[key] = dict(entry)
        valid = entry.get("valid")
        cursor = self._run(
            "INSERT OR REPLACE INTO entries (key, created, command, valid, risk, reasons, problems, model, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                self.clock(),
                entry["command"],
                None if valid is None else int(bool(valid)),
                entry.get("risk"),
                _SEP.join(entry.get("reasons") or []),
                _SEP.join(entry.get("problems") or []),
                entry.get("model"),
                entry.get("source"),
            ),
        )
        if cursor is not None and self.clock() - getattr(self, "_last_prune", 0) > 60:
            self._last_prune = self.clock()
            self._run("DELETE FROM entries WHERE created < ?", (self.clock() - self.ttl,))
        return cursor is not None

    def evict(self, key: str) -> None:
        if self._memory is not None:
            self._memory.pop(key, None)
        self._run("DELETE FROM entries WHERE key = ?", (key,))

    def clear(self) -> int:
        if self._memory is not None:
            self._memory.clear()
        cursor = self._run("DELETE FROM entries")
        return cursor.rowcount if cursor is not None else 0

    def stats(self) -> dict:
        now = self.clock()
        total = live = 0
        cursor = self._run("SELECT COUNT(*), SUM(created >= ?) FROM entries", (now - self.ttl,))
        if cursor is not None:
            total, live = cursor.fetchone()
        size = 0
        for suffix in ("", "-wal", "-shm"):
            try:
                size += os.path.getsize(self.path + suffix)
            except OSError:
                pass
        return {
            "path": self.path,
            "entries": total or 0,
            "live": live or 0,
            "ttl_seconds": self.ttl,
            "bytes": size,
            "usable": not self._broken,
        }

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
