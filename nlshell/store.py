"""A small private sqlite file that degrades instead of failing: the base of the cache and the memory.

Both are conveniences, so neither may ever stop nlshell: a corrupt file is moved aside
(`*.corrupt`) and rebuilt with one warning; a file that cannot be opened or written (read-only,
disk full, locked past the busy timeout) is dropped for the rest of the process with one warning.
sqlite3 is imported on first use, never at module load.
"""

from __future__ import annotations

import errno
import os

from nlshell import paths
from nlshell.errors import StoreError

_COMPANIONS = ("", "-wal", "-shm", "-journal")


class SqliteStore:
    """Subclasses set `schema_version`, `label` and `create_schema(db)`."""

    schema_version = 1
    label = "store"

    def __init__(self, path: str, *, warn=None) -> None:
        self.path = path
        self.warn = warn or (lambda message: None)
        self._db = None
        self._broken = False
        self._quiet = False  # while clearing, a failure is the error itself, not a warning
        self.read_only = False
        self.failure = ""

    def create_schema(self, db) -> None:
        raise NotImplementedError

    def _connect(self):
        if self._db is not None or self._broken:
            return self._db
        import sqlite3

        db = None
        try:
            for suffix in _COMPANIONS:  # SQLite opens these itself, following links: look first
                paths.check_regular(self.path + suffix)
            if self._writable():
                # A convenience store waits at most a second for a lock before it is skipped.
                db = sqlite3.connect(self.path, timeout=1.0, isolation_level=None, check_same_thread=False)
            else:
                db = self._open_read_only()
            self._ensure_schema(db)
            # No fsync per answer: WAL + NORMAL cannot corrupt; a power cut may lose the last few.
            db.execute("PRAGMA synchronous=NORMAL")
            self._db = db
        except sqlite3.DatabaseError as e:
            if db is not None:
                db.close()
            self._recover(e)
        except OSError as e:
            self._give_up(f"cannot open the {self.label} at {self.path} ({e.strerror or e})")
        return self._db

    def _writable(self) -> bool:
        """True when the file can be written; False when it exists but cannot (a read-only mount,
        an immutable file): what is stored there can still be read."""
        try:
            paths.touch_private(self.path)
            return True
        except paths.UnsafeFileError:
            raise
        except OSError as e:
            if e.errno not in (errno.EACCES, errno.EPERM, errno.EROFS) or not os.path.isfile(self.path):
                raise
        self.read_only = True
        return False

    def _open_read_only(self):
        """Read-only, and if SQLite cannot even make its shared-memory file there (a read-only
        directory), as an unchanging file: nobody can write it meanwhile."""
        import sqlite3
        from urllib.parse import quote

        error = None
        for how in ("mode=ro", "immutable=1"):
            db = sqlite3.connect(f"file:{quote(self.path)}?{how}", uri=True, timeout=1.0, isolation_level=None,
                                 check_same_thread=False)
            try:
                db.execute("PRAGMA user_version").fetchone()
                return db
            except sqlite3.OperationalError as e:
                db.close()
                error = e
        raise error

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
            if db.in_transaction:  # a full disk may have ended it already: keep *that* error
                try:
                    db.execute("ROLLBACK")
                except Exception:
                    pass
            raise

    def _recover(self, error) -> None:
        import sqlite3

        self.close()
        text = str(error).lower()
        if isinstance(error, sqlite3.DatabaseError) and (
            "not a database" in text or "malformed" in text or "corrupt" in text
        ):
            try:
                aside = paths.move_aside(self.path)
                for suffix in ("-wal", "-shm"):
                    if os.path.lexists(self.path + suffix):
                        os.unlink(self.path + suffix)
            except OSError as e:
                self._give_up(f"the {self.label} at {self.path} is corrupt and cannot be moved aside ({e.strerror})")
                return
            self.warn(f"the {self.label} was corrupt; moved it to {aside} and started a new one")
            self._connect()
            return
        self._give_up(f"the {self.label} at {self.path} cannot be used ({self._reason(error)})")

    def _reason(self, error) -> str:
        """SQLite's words, plus the cause when they hide it: a full disk shows up as "disk I/O error"
        when SQLite cannot even grow its shared-memory file."""
        text = str(error)
        if "full" not in text and paths.disk_full(os.path.dirname(self.path)):
            text += "; the disk is full"
        return text

    def _give_up(self, message: str) -> None:
        if not self._broken:
            self._broken = True
            self.failure = message
            if not self._quiet:
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
        """Delete every row so it cannot be read back from the file's free pages or the WAL.

        Returns how many rows were forgotten. When SQLite cannot delete (a full disk cannot even log
        a delete), the files themselves are removed; when that fails too (a read-only disk, an
        immutable file, a link in its place) it raises StoreError: "forgot 0" while everything is
        kept would be a lie.
        """
        import sqlite3

        if not os.path.lexists(self.path):
            return 0
        self._quiet = True
        try:
            db = self._connect()
        finally:
            self._quiet = False
        reason = self.failure
        if db is not None:
            try:
                removed = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                db.execute("PRAGMA secure_delete=ON")
                db.execute(f"DELETE FROM {table}")
            except sqlite3.DatabaseError as e:
                how = "is read-only" if self.read_only else f"cannot be changed ({e})"
                reason = f"the {self.label} at {self.path} {how}"
            else:
                for tidy in ("PRAGMA wal_checkpoint(TRUNCATE)", "VACUUM"):
                    try:
                        db.execute(tidy)
                    except sqlite3.DatabaseError:
                        pass  # the rows are gone and their pages zeroed; shrinking the file is a nicety
                return removed
        return self._remove_files(table, reason)

    def _remove_files(self, table: str, reason: str) -> int:
        """SQLite could not delete (a full disk cannot even log a delete): remove the files instead."""
        import sqlite3

        self.close()
        try:
            paths.check_regular(self.path)  # a link goes nowhere: what it points at would be kept
            removed = 0
            try:
                db = self._open_read_only()
                removed = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                db.close()
            except sqlite3.Error:
                pass
            for suffix in _COMPANIONS:
                if os.path.lexists(self.path + suffix):
                    os.unlink(self.path + suffix)
        except OSError:
            raise StoreError(f"could not clear the {self.label}: {reason}; nothing was forgotten",
                             "make it writable (or free some disk space) and try again") from None
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
