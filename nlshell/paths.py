"""Where nlshell keeps its files (XDG base directories), and how it creates them privately.

Plain `os.path` on purpose: this runs on every start, and pathlib/platformdirs cost more to
import than the whole of `--version` may take.
"""

from __future__ import annotations

import os

APP = "nlshell"


def _xdg(var: str, fallback: str) -> str:
    value = os.environ.get(var, "")
    # The XDG spec says relative paths are invalid and must be ignored.
    if value and os.path.isabs(value):
        return value
    return os.path.join(os.path.expanduser("~"), fallback)


def config_dir() -> str:
    return os.path.join(_xdg("XDG_CONFIG_HOME", ".config"), APP)


def cache_dir() -> str:
    return os.path.join(_xdg("XDG_CACHE_HOME", ".cache"), APP)


def state_dir() -> str:
    return os.path.join(_xdg("XDG_STATE_HOME", os.path.join(".local", "state")), APP)


def config_file() -> str:
    return os.environ.get("NLSHELL_CONFIG") or os.path.join(config_dir(), "config.toml")


def cache_db() -> str:
    return os.path.join(cache_dir(), "cache.sqlite3")


def offline_db() -> str:
    return os.path.join(cache_dir(), "offline.sqlite3")


def models_cache() -> str:
    return os.path.join(cache_dir(), "models.json")


def memory_db() -> str:
    return os.path.join(state_dir(), "memory.sqlite3")


def repl_history() -> str:
    return os.path.join(state_dir(), "repl_history")


def credentials_file() -> str:
    return os.path.join(config_dir(), "credentials")


def ensure_private_dir(path: str) -> str:
    """Create `path` (and parents) as 0700; tighten it if we created it looser before."""
    os.makedirs(path, mode=0o700, exist_ok=True)
    try:
        if os.stat(path).st_mode & 0o077:
            os.chmod(path, 0o700)
    except OSError:
        pass
    return path


def touch_private(path: str) -> None:
    """Make sure `path` exists with mode 0600 before anything writes secrets or history into it."""
    ensure_private_dir(os.path.dirname(path))
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
    os.close(fd)
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass


def write_private(path: str, data: str) -> None:
    """Write `path` atomically as 0600 in a private directory."""
    ensure_private_dir(os.path.dirname(path))
    write_atomic(path, data.encode("utf-8"))


def write_atomic(path: str, data: bytes, mode: int = 0o600) -> None:
    """Write `path` (temp file + rename), so a crash never leaves half a file; 0600 unless told."""
    tmp = f"{path}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        if mode != 0o600:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
