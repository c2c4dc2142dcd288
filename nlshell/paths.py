"""Where nlshell keeps its files (XDG base directories), and how it creates them privately.

Plain `os.path` on purpose: this runs on every start, and pathlib/platformdirs cost more to
import than the whole of `--version` may take.
"""

from __future__ import annotations

import errno
import os
import stat

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


def trust_file() -> str:
    """Directories whose .env may choose the server the key goes to (`nlshell config trust`)."""
    return os.path.join(config_dir(), "trusted.json")


class UnsafeFileError(OSError):
    """A symbolic link, FIFO, device or directory where nlshell keeps a file of its own.

    Following it would chmod, write into or append to whatever it points at (a stand-in
    `.bashrc`), or block forever (a FIFO); callers treat it like any store they cannot use.
    """


_LINK = "it is a symbolic link"
_NOT_A_FILE = "it is not a regular file"
_SAFE_FLAGS = os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC  # never through a link, never wait on a FIFO


def _unsafe(path: str, reason: str) -> UnsafeFileError:
    return UnsafeFileError(errno.ELOOP if reason == _LINK else errno.EINVAL, reason, path)


def check_regular(path: str) -> None:
    """Raise UnsafeFileError unless `path` is absent or a plain file (not a link, FIFO or device)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise _unsafe(path, _LINK)
    if not stat.S_ISREG(mode):
        raise _unsafe(path, _NOT_A_FILE)


def ensure_private_dir(path: str) -> str:
    """Create `path` (and parents) with the app dir 0700; tighten it if it was made looser before.

    The parents are the user's own business (a linked ~/.cache is fine); the app dir itself must be
    a real directory: one replaced by a link is refused, never chmod-ed or written through.
    """
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            pass
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as e:
        if e.errno == errno.ELOOP or (e.errno == errno.ENOTDIR and os.path.islink(path)):
            raise _unsafe(path, _LINK) from None  # (Linux says ENOTDIR for a link with O_DIRECTORY)
        if e.errno == errno.ENOTDIR:
            raise UnsafeFileError(errno.ENOTDIR, "it is not a directory", path) from None
        raise
    try:
        if os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, 0o700)
    except OSError:
        pass
    finally:
        os.close(fd)
    return path


def open_own(path: str, flags: int, mode: int = 0o600) -> int:
    """Open one of nlshell's own files: never through a link, never a FIFO or device; 0600 kept.

    Returns the descriptor; raises UnsafeFileError for anything but a plain file.
    """
    try:
        fd = os.open(path, flags | _SAFE_FLAGS, mode)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise _unsafe(path, _LINK) from None
        if e.errno in (errno.ENXIO, errno.EISDIR):  # a FIFO with no reader; a directory
            raise _unsafe(path, _NOT_A_FILE) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _unsafe(path, _NOT_A_FILE)
        if info.st_mode & 0o077 and flags & (os.O_WRONLY | os.O_RDWR):
            try:
                os.fchmod(fd, 0o600)
            except OSError:
                pass
    except BaseException:
        os.close(fd)
        raise
    return fd


def touch_private(path: str) -> None:
    """Make sure `path` exists as a plain 0600 file before anything writes secrets or history into it."""
    ensure_private_dir(os.path.dirname(path))
    os.close(open_own(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND))


def read_own(path: str, limit: int) -> bytes | None:
    """The bytes of one of nlshell's own files; None when it does not exist.

    A link, FIFO or device raises UnsafeFileError; a file over `limit` bytes raises OSError (EFBIG).
    """
    try:
        fd = open_own(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"it is larger than {limit:,} bytes", path)
    return data


def write_private(path: str, data: str) -> None:
    """Write `path` atomically as 0600 in a private directory."""
    ensure_private_dir(os.path.dirname(path))
    write_atomic(path, data.encode("utf-8"))


def write_atomic(path: str, data: bytes, mode: int = 0o600) -> None:
    """Write `path` atomically: a new temp file beside it (O_EXCL), then a rename; 0600 unless told.

    A crash never leaves half a file, and a link or FIFO put in place of `path` is refused rather
    than silently replaced.
    """
    directory = os.path.dirname(path)
    check_regular(path)
    tmp = os.path.join(directory, f".{os.path.basename(path)}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
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


def disk_full(directory: str, room: int = 1 << 20) -> bool:
    """Is less than `room` bytes (1 MiB) left on the disk holding `directory`?"""
    try:
        info = os.statvfs(directory)
    except OSError:
        return False
    return info.f_bavail * info.f_frsize < room


def move_aside(path: str) -> str:
    """Move a damaged file to `path.corrupt` — or `path.2.corrupt`, … — never over an earlier copy."""
    for number in range(1, 1000):
        target = f"{path}.corrupt" if number == 1 else f"{path}.{number}.corrupt"
        if os.path.lexists(target):
            continue
        try:
            os.link(path, target, follow_symlinks=False)  # fails if another process took the name
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links: the name was free a moment ago
            os.replace(path, target)
            return target
        os.unlink(path)
        return target
    raise OSError(errno.EEXIST, "too many earlier corrupt copies", path)
