"""Months and years a request names: "calendar for march 2025" is month 3 of year 2025 for
`cal {{month}} {{year}}`, "the whole year 2026" the year 2026 for `cal {{year}}`.

nlshell/offline/clock.py hands every token here; a month name is read only where it cannot be
the ordinary word ("may", "march"): before a year. A month alone ("the calendar of july") or with a
day ("since march 3") asks for a year nobody said (`cal 7 {{year}}` is a template): left alone.
"""

from __future__ import annotations

import re
from nlshell.offline.value import Add

_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
# Each name and its first three letters ("dec 2024"), and "sept".
MONTHS = {name: n for n, name in enumerate(_NAMES, 1)} | {name[:3]: n for n, name in enumerate(_NAMES, 1)} | {"sept": 9}
_YEAR = re.compile(r"^(19|20|21)\d\d$")



_DAY = re.compile(r"(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?")


def _iso(year: str, month: int, day: str) -> str:
    number = int(_DAY.match(day).group(1))
    return f"{year}-{month:02d}-{number:02d}"


def _day_first(add: Add, lower: list[str], i: int) -> bool:
    """"1 jan 2020", "3rd of march 2021": a whole date, as `date -d` and `touch -d` take it."""
    if not _DAY.fullmatch(lower[i].rstrip(",")):
        return False
    k = i + 1 + (lower[i + 1 : i + 2] == ["of"])
    month = lower[k].rstrip(",") if k < len(lower) else ""
    year = lower[k + 1].rstrip(",.") if k + 1 < len(lower) else ""
    if month in MONTHS and _YEAR.match(year):
        add("date", _iso(year, MONTHS[month], lower[i]), i, last=k + 1)
        return True
    return False


def read(add: Add, lower: list[str], i: int) -> bool:
    """A month with its year ("march 2025", "december, 2024") or a year said as one ("year 2026")
    at token `i`; whether it read one."""
    word, before = lower[i].rstrip(","), lower[i - 1] if i > 0 else ""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    if _YEAR.match(word) and before == "year":
        add("year", word, i)  # "the whole year 2026"
        return True
    if word not in MONTHS:
        return _day_first(add, lower, i)
    then = lower[i + 2].rstrip(",.") if i + 2 < len(lower) else ""
    if _DAY.fullmatch(after.rstrip(",")) and _YEAR.match(then):
        add("date", _iso(then, MONTHS[word], after), i, last=i + 2)  # "jan 1 2020", "march 3rd, 2021"
        return True
    if _YEAR.match(after):
        add("month", str(MONTHS[word]), i)
        add("year", after, i + 1)
        return True
    return False
