"""The REPL's input history file: private, never written through a link, never holding a key, and
never a reason to stop.

prompt_toolkit's FileHistory opens the file by name for every line (following a link put in its
place, blocking on a FIFO) and lets a full or read-only disk raise out of the prompt after every
line. This one opens it as nlshell opens all its files, and after the first failed write says so
once and keeps the rest of the session's lines in memory. A line that carries a key or token
(`sk-or-…`, `ghp_…`, a password in a URL) is left out, as it is left out of the cache and the
command memory.
"""

from __future__ import annotations

import datetime
import os

from prompt_toolkit.history import FileHistory, History, InMemoryHistory

from nlshell import paths
from nlshell.redact import has_secret


class _Keyless:
    """History that drops lines carrying a secret, from the file and from the session alike."""

    def append_string(self, string: str) -> None:
        if has_secret(string):
            return
        super().append_string(string)


class PrivateMemoryHistory(_Keyless, InMemoryHistory):
    pass


class PrivateFileHistory(_Keyless, FileHistory):
    """FileHistory's format, opened safely; a failed write is one warning, then memory only."""

    def __init__(self, path: str, warn) -> None:
        super().__init__(path)
        self.path = path
        self.warn = warn
        self.writable = True

    def load_history_strings(self):
        try:
            fd = paths.open_own(self.path, os.O_RDONLY)
        except OSError:
            return []
        with os.fdopen(fd, "rb") as f:
            data = f.read()
        strings: list[str] = []
        lines: list[str] = []
        for raw in data.decode("utf-8", "replace").splitlines(keepends=True):
            if raw.startswith("+"):
                lines.append(raw[1:])
            else:
                if lines:
                    strings.append("".join(lines)[:-1])
                lines = []
        if lines:
            strings.append("".join(lines)[:-1])
        return list(reversed(strings))  # newest first, as History expects

    def store_string(self, string: str) -> None:
        if not self.writable:
            return
        text = f"\n# {datetime.datetime.now()}\n" + "".join(f"+{line}\n" for line in string.split("\n"))
        try:
            fd = paths.open_own(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
            try:
                data = text.encode("utf-8", "replace")
                while data:
                    data = data[os.write(fd, data):]
            finally:
                os.close(fd)
        except OSError as e:
            self.writable = False
            self.warn(f"cannot write the REPL history at {self.path} ({e.strerror or e}); "
                      "this session's lines are kept in memory only")


def repl_history(warn) -> History:
    """The session's history: the private file, or memory only when the file cannot be used."""
    path = paths.repl_history()
    try:
        paths.touch_private(path)
    except OSError as e:
        warn(f"cannot keep the REPL history at {path} ({e.strerror or e}); this session only")
        return PrivateMemoryHistory()
    return PrivateFileHistory(path, warn)
