"""The three risk levels (design.md, "Risk levels").

**dangerous**: irreversible loss at broad scope, or handing control away. **caution**: changes
state in a bounded or recoverable way. **safe**: reads, or creates without overwriting. A level is
a `str` ("safe", "caution", "dangerous"), so it prints, compares and serialises as that word.
"""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    SAFE = "safe"
    CAUTION = "caution"
    DANGEROUS = "dangerous"

    @property
    def rank(self) -> int:
        """0, 1, 2: for comparing levels (the words themselves sort alphabetically)."""
        return _RANK[self]


_RANK = {Level.SAFE: 0, Level.CAUTION: 1, Level.DANGEROUS: 2}

SAFE, CAUTION, DANGEROUS = Level.SAFE, Level.CAUTION, Level.DANGEROUS
