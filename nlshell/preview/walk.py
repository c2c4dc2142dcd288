"""A bounded, read-only walk of what a command would touch, and the tally a person reads.

Only `os.scandir` and `lstat` (or `stat` where the command itself follows links): nothing is
opened for writing, no access time matters. A walk stops after MAX_ENTRIES entries or when the
preview's time is up, and the tally then says "more than N". A directory that cannot be read is
counted as such, not an error.
"""

from __future__ import annotations

import os
import stat as st
import time

from nlshell.preview.context import MAX_ENTRIES, Context
from nlshell.preview.effect import age, amount, listing, outside_remark, plural, shown, size

NEWEST = 3  # newest files named in the details
RECENT_SECONDS = 3600  # "changed in the last hour"


class Budget:
    """Entries one effect may still look at, and the preview's shared deadline."""

    def __init__(self, ctx: Context, entries: int = MAX_ENTRIES) -> None:
        self.ctx = ctx
        self.left = entries
        self.spent = False

    def take(self) -> bool:
        if self.left <= 0 or time.perf_counter() > self.ctx.deadline:
            self.spent = True
            return False
        self.left -= 1
        return True


class Entry:
    """One path met by a walk. Setting `skip` keeps the walk out of a directory."""

    __slots__ = ("path", "depth", "st", "skip", "is_dir")

    def __init__(self, path: str, depth: int, status) -> None:
        self.path = path
        self.depth = depth
        self.st = status
        self.skip = False
        self.is_dir = status is not None and st.S_ISDIR(status.st_mode)


def status(path: str, follow: bool = False):
    """lstat (stat when following), or None when the path is not there or cannot be seen."""
    try:
        return os.stat(path) if follow else os.lstat(path)
    except (OSError, ValueError):
        return None


def walk(top: str, top_st, budget: Budget, *, follow: bool = False, one_fs: bool = False, tally=None):
    """Yield `top` and, when it is a directory, everything below it (pre-order).

    `follow` follows symlinks below the top (find -L, chmod -L); the caller decides about `top`.
    Directories that cannot be listed are reported to `tally.unreadable`.
    """
    first = Entry(top, 0, top_st)
    if not budget.take():
        return
    yield first
    if not first.is_dir or first.skip:
        return
    seen = {(top_st.st_dev, top_st.st_ino)} if follow else None
    stack = [(top, 1)]
    while stack:
        path, depth = stack.pop()
        try:
            listing_ = os.scandir(path)
        except OSError:
            if tally is not None:
                tally.unreadable.append(path)
            continue
        with listing_:
            children = []
            while True:
                try:
                    de = next(listing_)
                except StopIteration:
                    break
                except OSError:
                    if tally is not None:
                        tally.unreadable.append(path)
                    break
                if not budget.take():
                    return
                try:
                    info = de.stat(follow_symlinks=follow)
                except OSError:
                    info = None if not follow else status(de.path)  # a dangling link under -L
                entry = Entry(de.path, depth, info)
                yield entry
                if entry.is_dir and not entry.skip:
                    if one_fs and info.st_dev != top_st.st_dev:
                        continue
                    if seen is not None:
                        key = (info.st_dev, info.st_ino)
                        if key in seen:
                            continue
                        seen.add(key)
                    children.append((de.path, depth + 1))
        stack.extend(reversed(children))


def _is_dir(path: str) -> bool:
    info = status(path)
    return info is not None and st.S_ISDIR(info.st_mode)


def read_small(path: str, limit: int = 1 << 20) -> bytes:
    """The first `limit` bytes of a regular file (a /proc or /sys entry, a git log), or b"".

    Opened non-blocking and checked before reading, so a fifo or device planted where a file was
    expected can neither hang the preview nor be read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except (OSError, ValueError):
        return b""
    try:
        if not st.S_ISREG(os.fstat(fd).st_mode):
            return b""
        chunks, left = [], limit
        while left > 0:
            chunk = os.read(fd, min(left, 65536))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError:
        return b""
    finally:
        os.close(fd)


class Tally:
    """Files, directories and bytes an effect touches, with what a person should notice."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.files = 0
        self.dirs = 0
        self.bytes = 0
        self.recent = 0
        self.more = False
        self.unreadable: list = []
        self.newest: list = []  # the NEWEST latest (mtime, path), in ascending order
        self.targets: list = []  # the operands, as a person would say them here
        self.target_paths: list = []  # the same, absolute
        self.outside: list = []  # operands outside the cwd
        self.missing: list = []
        self.notes: list = []  # what the person should know about how a word was read

    def add(self, entry: Entry) -> None:
        info = entry.st
        if info is None:
            self.unreadable.append(entry.path)
            return
        if entry.is_dir:
            self.dirs += 1
            return
        self.files += 1
        if st.S_ISREG(info.st_mode):
            self.bytes += info.st_size
        mtime = info.st_mtime
        if self.ctx.now - mtime < RECENT_SECONDS:
            self.recent += 1
        item = (mtime, entry.path)
        newest = self.newest  # kept in ascending order: [0] is the oldest of them (no heapq to import)
        if len(newest) < NEWEST:
            newest.append(item)
            newest.sort()
        elif item > newest[0]:
            newest[0] = item
            newest.sort()

    def target(self, path: str, note: str = "") -> None:
        if note and note not in self.notes:
            self.notes.append(note)
        self.target_paths.append(path)
        self.targets.append(self.ctx.relative(path))
        if not self.ctx.inside_cwd(path):
            self.outside.append(self.targets[-1])

    def one(self, path: str, info) -> None:
        """Count `path` alone (no recursion)."""
        self.add(Entry(path, 0, info))

    def walk(self, path: str, top_st, budget: Budget, **options) -> None:
        for entry in walk(path, top_st, budget, tally=self, **options):
            self.add(entry)
        self.more = self.more or budget.spent

    # -- words ---------------------------------------------------------------------------------
    def what(self, noun: str = "file") -> str:
        """`123 files and 4 directories (1.2 MB)` — `more than` when the walk stopped early."""
        if self.more and not self.files and not self.dirs:
            return f"an unknown number of {noun}s (the walk stopped at its limit before finding any)"
        parts = []
        if self.files or not self.dirs:
            parts.append(amount(self.files, noun, self.more))
        if self.dirs:
            parts.append(amount(self.dirs, "directory", self.more and not self.files, "directories"))
        text = " and ".join(parts)
        if self.bytes:
            text += f" ({'more than ' if self.more else ''}{size(self.bytes)})"
        return text

    def where(self) -> str:
        """` under build` for one directory, else `: a.txt, b.txt and 4 more`."""
        if len(self.targets) == 1 and (self.dirs or _is_dir(self.target_paths[0])):
            return f" under {shown(self.targets[0])}"
        return ": " + listing([shown(t) for t in self.targets], 2) if self.targets else ""

    def remarks(self) -> str:
        """What the summary must say beyond the numbers: how a word was read (`$DIR is not set`),
        and ` — outside the current directory[: a, b]`."""
        return "".join(f" — {note}" for note in self.notes) + outside_remark(self.outside, len(self.targets))

    def details(self, ages: bool = True) -> list:
        """Lines for Describe; `ages` adds the newest files. (`notes` belong in the summary.)"""
        lines = []
        if self.newest and ages:
            newest = sorted(self.newest, reverse=True)
            lines.append("newest: " + "; ".join(
                f"{shown(self.ctx.relative(p))} ({age(m, self.ctx.now)})" for m, p in newest
            ))
        if self.outside:
            lines.append("outside the current directory: " + listing([shown(p) for p in self.outside]))
        if self.unreadable:
            lines.append(
                f"{plural(len(self.unreadable), 'path')} could not be read, so what is inside is not "
                f"counted: {listing([shown(self.ctx.relative(p)) for p in self.unreadable])}"
            )
        if self.missing:
            lines.append("not there (nothing to do): " + listing([shown(m) for m in self.missing]))
        if self.more:
            lines.append(f"the count stopped at its limit ({MAX_ENTRIES:,} entries or the time allowed)")
        return lines
