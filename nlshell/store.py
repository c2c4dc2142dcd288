"""A small private sqlite file that degrades instead of failing: the base of the cache and the memory.

Both are conveniences, so neither may ever stop nlshell: a corrupt file is moved aside
(`*.corrupt`) and rebuilt with one warning; a file that cannot be opened or written (read-only,
disk full, locked past the busy timeout) is dropped for the rest of the process with one warning.
sqlite3 is imported on first use, never at module load.
"""

from __future__ import annotations

import os

from nlshell import paths
from nlshell.redact import has_secret  # noqa: F401 - the stores' one check


class SqliteStore:
    """Subclasses set `schema_version`, `label` and `create_schema(db)`."""

    schema_version = 1
    label = "store"

    def __init__(self, path: str, *, warn=None) -> None:
        self.path = path
        self.warn = warn or (lambda message: None)
        self._db = None
        self._broken = False

    def create_schema(self, db) -> None:
        raise NotImplementedError

    def _connect(self):
        if self._db is not None or self._broken:
            return self._db
        import sqlite3

        try:
            paths.touch_private(self.path)
            # A convenience store waits at most a second for a lock before it is skipped.
            db = sqlite3.connect(self.path, timeout=1.0, isolation_level=None, check_same_thread=False)
            self._ensure_schema(db)
            # No fsync per answer: WAL + NORMAL cannot corrupt; a power cut may lose the last few.
            db.execute("PRAGMA synchronous=NORMAL")
            self._db = db
        except sqlite3.DatabaseError as e:
            self._recover(e)
        except OSError as e:
            self._give_up(f"cannot open the {self.label} at {self.path} ({e.strerror or e})")
        return self._db

    def _ensure_schema(self, db) -> None:
        """First use: concurrent creators race, and SQLite answers some of them "locked" at once
        (deadlock avoidance skips the busy timeout), so creation is retried for a few seconds."""
        import sqlite3
        import time

        deadline = time.monotonic() + 2.0
        attempt = 0
        while True:
            try:
                if db.execute("PRAGMA user_version").fetchone()[0] != self.schema_version:
                    self._migrate(db)
                return
            except sqlite3.OperationalError as e:
                if ("locked" not in str(e) and "busy" not in str(e)) or time.monotonic() > deadline:
                    raise
                attempt += 1
                time.sleep(min(0.02 * attempt, 0.2))

    def _migrate(self, db) -> None:
        """Create the schema under a write lock: concurrent first uses race here."""
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] != self.schema_version:
                self.create_schema(db)  # re-checked under the lock: another process may have won
                db.execute(f"PRAGMA user_version={int(self.schema_version)}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _recover(self, error) -> None:
        import sqlite3

        self.close()
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
                self._give_up(f"the {self.label} at {self.path} is corrupt and cannot be moved aside ({e.strerror})")
                return
            self.warn(f"the {self.label} was corrupt; moved it to {self.path}.corrupt and started a new one")
            self._connect()
            return
        self._give_up(f"the {self.label} at {self.path} cannot be used ({error})")

    def _give_up(self, message: str) -> None:
        if not self._broken:
            self._broken = True
            self.warn(message + "; continuing without it")
        self._db = None

    def run(self, sql: str, args: tuple = ()):
        """Execute one statement; None when the store is unusable (already warned)."""
        import sqlite3

        if self._db is None and not self._broken and sql.lstrip().upper().startswith("SELECT"):
            if not os.path.exists(self.path):
                return None  # reading needs no file: never create one just to look

        for _attempt in range(2):
            db = self._connect()
            if db is None:
                return None
            try:
                return db.execute(sql, args)
            except sqlite3.DatabaseError as e:
                self._recover(e)
        return None

    def wipe(self, table: str) -> int:
        """Delete every row so it cannot be read back from the file's free pages or the WAL."""
        self.run("PRAGMA secure_delete=ON")
        cursor = self.run(f"DELETE FROM {table}")
        removed = cursor.rowcount if cursor is not None else 0
        self.run("PRAGMA wal_checkpoint(TRUNCATE)")
        self.run("VACUUM")
        return removed

    @property
    def usable(self) -> bool:
        return not self._broken

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except Exception:
                pass
            self._db = None
