"""Proof that a preview wrote nothing: a byte-for-byte listing of a tree, before and after.

`snapshot` records every entry below a root without following links: type and mode, size, mtime
and ctime in nanoseconds, inode and link count, the SHA-256 of each file's bytes and each link's
target. Reading changes none of these (only atime, which is left out), so any write, create,
delete, rename, chmod or touch shows as a difference.

The `untouched` fixture hands a test `watch(*roots)`: call it once the tree is built; after the
test (or at `watch.verify()`), every watched tree must be exactly as it was — and a test that
watched nothing fails.
"""

from __future__ import annotations

import hashlib
import os
import stat

import pytest


def snapshot(root) -> dict:
    root = os.fspath(root)
    entries = {}
    for top, dirs, files, top_fd in os.fwalk(root, follow_symlinks=False):
        for name in dirs + files:
            path = os.path.join(top, name)
            info = os.lstat(name, dir_fd=top_fd)
            content = None
            if stat.S_ISREG(info.st_mode):
                fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=top_fd)
                with os.fdopen(fd, "rb") as f:
                    content = hashlib.sha256(f.read()).hexdigest()
            elif stat.S_ISLNK(info.st_mode):
                content = os.readlink(name, dir_fd=top_fd)
            entries[os.path.relpath(path, root)] = (
                info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_nlink, content,
            )
    info = os.lstat(root)
    entries["."] = (info.st_mode, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
    return entries


def difference(before: dict, after: dict) -> list:
    changed = sorted(k for k in before.keys() & after.keys() if before[k] != after[k])
    return [f"+{k}" for k in sorted(after.keys() - before.keys())] + \
           [f"-{k}" for k in sorted(before.keys() - after.keys())] + [f"~{k}" for k in changed]


class Watcher:
    """`watch(*roots)` snapshots trees; `watch.verify()` asserts they are unchanged and forgets them
    (for a test that changes a tree between two previews); the fixture verifies at the end."""

    def __init__(self) -> None:
        self.watched: list = []
        self.verified = 0

    def __call__(self, *roots) -> None:
        for root in roots:
            self.watched.append((os.fspath(root), snapshot(root)))

    def verify(self) -> None:
        assert self.watched or self.verified, "the test never said which tree must stay untouched"
        for root, before in self.watched:
            assert difference(before, snapshot(root)) == [], f"{root} changed"
        self.verified += len(self.watched)
        self.watched = []


@pytest.fixture
def untouched():
    watch = Watcher()
    yield watch
    watch.verify()
