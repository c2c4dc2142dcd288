"""A time zone said by a place, as people say it: "switch this server to tokyo time", "set the clock
to New York time", "what time is it in london". The places are the word table's `around zone:ZONE`
lines (nlshell/data/words.tsv, words of one place joined by "+"); a place is a zone only where the
request speaks of time (`timedatectl set-timezone Asia/Tokyo`), never a host or a folder called tokyo.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from nlshell.offline.value import Value

_TIME_WORDS = frozenset({"time", "timezone", "tz", "clock", "zone"})
_LEADS = frozenset({"to", "in", "into", "for", "of"})
_MISREAD = frozenset({"host", "path", "dir", "file", "name"})  # what "to tokyo", "in london" were read as before


@functools.cache
def _places() -> dict[tuple[str, ...], str]:
    from nlshell.offline.vocabulary import vocabulary

    return {
        tuple(place.split("+")): role.split(":", 1)[1]
        for role, places in vocabulary().around.items() if role.startswith("zone:") for place in places
    }


def read(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Callable[..., None]) -> None:
    """Add the zone of a place said where the request speaks of time: before "time" ("tokyo time")
    or after "to", "in" ("set the timezone to berlin", "what time is it in london")."""
    if _TIME_WORDS.isdisjoint(lower) or any(v.kind == "timezone" for v in values):
        return
    for i in range(len(lower)):
        for words, zone in _places().items():
            end = i + len(words)
            if tuple(lower[i:end]) != words:
                continue
            there = [v for v in values if i <= v.at < end or set(v.spans) & set(range(i, end))]
            if any(v.kind not in _MISREAD for v in there) or (taken & set(range(i, end)) and not there):
                continue
            if lower[end : end + 1] and lower[end] in _TIME_WORDS or i and lower[i - 1] in _LEADS:
                values[:] = [v for v in values if v not in there]  # "to tokyo", "in london": no host, no folder
                add("timezone", zone, i, last=end - 1)
                values.sort(key=lambda v: v.at)
                return
