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



def read(add: Add, lower: list[str], i: int) -> bool:
    """A month with its year ("march 2025", "december, 2024") or a year said as one ("year 2026")
    at token `i`; whether it read one."""
    word, before = lower[i].rstrip(","), lower[i - 1] if i > 0 else ""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    if _YEAR.match(word) and before == "year":
        add("year", word, i)  # "the whole year 2026"
        return True
    if word not in MONTHS:
        return False
    if _YEAR.match(after):
        add("month", str(MONTHS[word]), i)
        add("year", after, i + 1)
        return True
    return False
