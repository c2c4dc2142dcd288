"""Regular expressions compiled on first use, not at import.

The parser and the rule book hold about seventy module-level patterns; compiling them all costs
~5 ms at every start of a process that rates, though one command meets only a few of them (the
inline-code patterns only for `python -c` and friends, the database ones only for database
clients). A `lazy` pattern is written where `re.compile` was and behaves the same: the first use
compiles it (re's own cache is not relied on: it is bounded), every later one reuses it.
"""

from __future__ import annotations

import re


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """Stands for `re.compile(source, flags)`; every attribute of the compiled pattern
    (`search`, `fullmatch`, `finditer`, `sub`, `pattern`, ...) is reached through it.

    Once compiled, the matching methods are the compiled pattern's own, kept in slots: a rating
    calls them thousands of times, at the cost of a plain attribute read.
    """

    __slots__ = ("_source", "_flags", "_compiled", *_METHODS)

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled = None

    def compiled(self) -> re.Pattern:
        compiled = self._compiled
        if compiled is None:
            compiled = re.compile(self._source, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return compiled

    def __getattr__(self, name: str):  # only for what is not set yet (or not a slot)
        if name.startswith("_"):  # an unset slot (a copy being made): never compile for it
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self._source!r})"


lazy = LazyPattern  # `_NAME = lazy(r"...")`, where `re.compile` was
