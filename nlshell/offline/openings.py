"""Request patterns that only a request opening with certain words can match, compiled when such
a request first comes. Every request is tried against each of them (nlshell/offline/software.py,
idioms.py) and most open otherwise ("list all files"): compiling them all costs a process more than
reading one request does."""

from __future__ import annotations

import re


class Opening:
    """A pattern matched case-insensitively from a request's start that only a request whose first
    word is one of `words` can match (each is followed by whitespace in the pattern)."""

    def __init__(self, words: str, pattern: str) -> None:
        self.words = frozenset(words.split())
        self.pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def match(self, request: str, first: str | None) -> re.Match[str] | None:
        """`re.match(pattern, request, re.IGNORECASE)`; `first`: the request's `first_word`."""
        if first is not None and first not in self.words:
            return None
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, re.IGNORECASE)
        return self._compiled.match(request)


def first_word(request: str) -> str | None:
    """The request's first word as `Opening` reads it: lower-case, up to whitespace; None for a
    request with other than ASCII characters, which case-insensitive matching may read otherwise
    (`ſ` matches `s`)."""
    if not request.isascii():
        return None
    words = request.split(None, 1)
    return words[0].lower() if words else ""
