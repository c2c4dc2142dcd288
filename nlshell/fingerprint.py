"""Which code rated a stored answer: a fingerprint of nlshell's own modules, cheap to compute.

A cached answer keeps its rating for minutes, and a fix to the rater must apply to it at once, not
when the entry expires. Rating again on every hit would load the parser on the fastest path, so
each entry stores this fingerprint and is rated again only when it differs. It covers the version
and the size and modification time of every module in the package — whichever module a fix lands
in, and however the rater is split into modules — and costs one `stat` per module, no reading.
"""

from __future__ import annotations

import os

from nlshell import __version__
from nlshell.digest import sha256_hex

_ROOT = os.path.dirname(os.path.abspath(__file__))
_computed: str | None = None


def _modules(directory: str, prefix: str, out: list[str]) -> None:
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.name.endswith(".py") and entry.is_file():
                info = entry.stat()
                out.append(f"{prefix}{entry.name}:{info.st_size}:{info.st_mtime_ns}")
            elif entry.is_dir() and entry.name.isidentifier() and entry.name != "__pycache__":
                _modules(entry.path, f"{prefix}{entry.name}/", out)


def rater_fingerprint() -> str:
    """16 hex digits naming this exact code; a fresh value when the code cannot be looked at, so
    that nothing stored is trusted blindly."""
    global _computed
    if _computed is None:
        parts = [__version__]
        try:
            _modules(_ROOT, "", parts)
        except OSError:
            parts.append(f"unknown:{os.getpid()}:{os.urandom(8).hex()}")
        _computed = sha256_hex("\n".join(sorted(parts)).encode("utf-8", "surrogateescape"))[:16]
    return _computed
