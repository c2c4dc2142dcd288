"""Which code rated a stored answer: a fingerprint of nlshell's own modules, cheap to compute.

A cached answer keeps its rating for minutes, and the guard keeps a "safe" rating for as long as
the code that made it: a fix to the rater must apply to both at once. Rating again on every hit
would load the parser on the fastest path, so each entry stores this fingerprint and is rated
again only when it differs. It covers the version, the interpreter, the size, modification time
and inode of every module in the package — whichever module a fix lands in, and however the
rater is split into modules — and the installed bash grammar and tree-sitter runtime; it costs one `stat` per module and
reads nothing.
"""

from __future__ import annotations

import os
import sys

from nlshell import __version__
from nlshell.digest import sha256_hex

_ROOT = os.path.dirname(os.path.abspath(__file__))
_computed: str | None = None


def _modules(directory: str, prefix: str, out: list[str]) -> None:
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.name.endswith(".py") and entry.is_file():
                info = entry.stat()
                out.append(f"{prefix}{entry.name}:{info.st_size}:{info.st_mtime_ns}:{info.st_ino}")
            elif entry.is_dir() and entry.name.isidentifier() and entry.name != "__pycache__":
                _modules(entry.path, f"{prefix}{entry.name}/", out)


_PARSING = ("tree_sitter_bash", "tree_sitter")  # the bash grammar and the runtime that runs it


def _parsing_packages() -> str:
    """The bash grammar's and the tree-sitter runtime's directories as installed, found without
    importing them: an upgrade of either can change how a command parses."""
    found = []
    for package in _PARSING:
        for entry in sys.path:
            directory = os.path.join(entry or ".", package)
            if os.path.isdir(directory):
                info = os.stat(directory)
                found.append(f"{package}:{info.st_dev}:{info.st_ino}:{info.st_mtime_ns}")
                break
        else:
            found.append(f"{package}:none")
    return " ".join(found)


def rater_fingerprint() -> str:
    """16 hex digits naming this exact code; a fresh value when the code cannot be looked at, so
    that nothing stored is trusted blindly."""
    global _computed
    if _computed is None:
        parts = [__version__, sys.version]
        try:
            _modules(_ROOT, "", parts)
            parts.append(_parsing_packages())
        except OSError:
            parts.append(f"unknown:{os.getpid()}:{os.urandom(8).hex()}")
        _computed = sha256_hex("\n".join(sorted(parts)).encode("utf-8", "surrogateescape"))[:16]
    return _computed
