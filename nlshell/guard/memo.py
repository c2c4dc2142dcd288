"""The guard's small on-disk memory: what it already worked out, so a repeated event costs little.

An agent runs `git status`, `ls` and its test command over and over; rating one takes the parser and
the rater (~40 ms of imports), looking one up takes one file read. Two things are kept, each one
JSON file named by a SHA-256 key under `$XDG_CACHE_HOME/nlshell/guard/` (0600 in a 0700 dir):

- the rating of a command found **safe** (never a risky one: its reasons name parts of the command,
  and its effect preview depends on the files present, so those are always worked out afresh), keyed
  by the command, its shell and a fingerprint of nlshell's own code (nlshell.fingerprint), so any
  change to the rater forgets every old answer;
- the parsed `[guard]` settings of a TOML file, keyed by the file's identity (inode, size, mtime), so
  `tomllib` (~8 ms to import) runs only when the file changes.

Nothing here may ever stop the guard: an unreadable, corrupt or unwritable entry is a miss.
"""

from __future__ import annotations

import json
import os

from nlshell import paths
from nlshell.digest import sha256_hex

MAX_ENTRIES = 4096  # past this, the oldest quarter is removed when a new entry is written
MAX_ENTRY_BYTES = 64 * 1024


def memo_dir() -> str:
    return os.path.join(paths.cache_dir(), "guard")


def key(*parts: str) -> str:
    """A file-name-safe key for these parts (each may hold any text)."""
    return sha256_hex("\x00".join(parts).encode("utf-8", "surrogatepass"))


def get(name: str) -> dict | None:
    """The stored object, or None when it is missing, unreadable or not a JSON object."""
    path = os.path.join(memo_dir(), name + ".json")
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_ENTRY_BYTES:
        return None
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def put(name: str, value: dict) -> None:
    """Store `value` atomically; silently skipped when the cache cannot be written."""
    directory = memo_dir()
    try:
        paths.write_private(os.path.join(directory, name + ".json"), json.dumps(value))
        _prune(directory)
    except (OSError, ValueError):
        pass


def _prune(directory: str) -> None:
    names = [n for n in os.listdir(directory) if n.endswith(".json")]
    if len(names) <= MAX_ENTRIES:
        return
    aged = []
    for name in names:
        try:
            aged.append((os.stat(os.path.join(directory, name)).st_mtime_ns, name))
        except OSError:
            continue
    aged.sort()
    for _, name in aged[: len(aged) // 4]:
        try:
            os.unlink(os.path.join(directory, name))
        except OSError:
            pass


def file_identity(path: str) -> str | None:
    """Changes whenever the file is replaced or edited; None when it does not exist."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"
