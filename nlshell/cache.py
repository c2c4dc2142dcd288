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
from nlshell.digest import sha256_hex
from nlshell.redact import has_secret
from nlshell.store import SqliteStore

_SEP = "\x1f"  # joins reason/rule/problem lists in one column; never appears in shown text
_COLUMNS = ("command", "valid", "risk", "reasons", "rules", "problems", "model", "source", "rater")
_LISTS = ("reasons", "rules", "problems")


def cache_key(*parts: str) -> str:
    """Hash the normalised request with everything that changes the answer."""
    return sha256_hex("\x00".join(parts).encode("utf-8", "surrogatepass"))


class CommandCache(SqliteStore):
    """get/put validated suggestions by key, with a TTL, in memory and in the persistent store."""

    schema_version = 3  # 2: the ids of the risk rules beside the reasons; 3: which rater rated each entry
    label = "cache"

    def __init__(
        self,
        path: str | None = None,
        *,
        ttl: float = 300.0,
        clock=time.time,
        warn=None,
        persistent: bool = True,
    ) -> None:
        super().__init__(path or paths.cache_db(), warn=warn)
        self.ttl = ttl
        self.clock = clock
        self._memory = None  # TTLCache, created on first put (a one-shot hit never needs it)
        self._last_prune = 0.0
        if not persistent:
            self._broken = True  # no store at all, and nothing to warn about

    def create_schema(self, db) -> None:
        db.execute("DROP TABLE IF EXISTS entries")
        db.execute(
            "CREATE TABLE entries (key TEXT PRIMARY KEY, created REAL NOT NULL,"
            " command TEXT NOT NULL, valid INTEGER, risk TEXT, reasons TEXT, rules TEXT, problems TEXT,"
            " model TEXT, source TEXT, rater TEXT)"
        )

    # -- the public interface --------------------------------------------------------------
    def get(self, key: str) -> dict | None:
        now = self.clock()
        if self._memory is not None:
            hit = self._memory.get(key)
            if hit is not None:
                return dict(hit)
        cursor = self.run(
            "SELECT created, command, valid, risk, reasons, rules, problems, model, source, rater"
            " FROM entries WHERE key = ?",
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
        for name in _LISTS:
            entry[name] = entry[name].split(_SEP) if entry[name] else []
        return entry

    def put(self, key: str, entry: dict, *, request: str = "") -> bool:
        """Store a validated suggestion. Returns False when it was not stored (secret, no store)."""
        if has_secret(request) or has_secret(entry.get("command") or ""):
            return False
        if self._memory is None:
            from cachetools import TTLCache

            self._memory = TTLCache(maxsize=256, ttl=self.ttl, timer=self.clock)
        self._memory[key] = dict(entry)
        valid = entry.get("valid")
        cursor = self.run(
            "INSERT OR REPLACE INTO entries (key, created, command, valid, risk, reasons, rules, problems, model,"
            " source, rater) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                self.clock(),
                entry["command"],
                None if valid is None else int(bool(valid)),
                entry.get("risk"),
                _SEP.join(entry.get("reasons") or []),
                _SEP.join(entry.get("rules") or []),
                _SEP.join(entry.get("problems") or []),
                entry.get("model"),
                entry.get("source"),
                entry.get("rater"),
            ),
        )
        if cursor is not None and self.clock() - self._last_prune > 60:
            self._last_prune = self.clock()
            self.run("DELETE FROM entries WHERE created < ?", (self.clock() - self.ttl,))
        return cursor is not None

    def evict(self, key: str) -> None:
        if self._memory is not None:
            self._memory.pop(key, None)
        self.run("DELETE FROM entries WHERE key = ?", (key,))

    def clear(self) -> int:
        if self._memory is not None:
            self._memory.clear()
        return self.wipe("entries")

    def stats(self) -> dict:
        now = self.clock()
        total = live = 0
        cursor = self.run("SELECT COUNT(*), SUM(created >= ?) FROM entries", (now - self.ttl,))
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
            "usable": self.usable,
        }
