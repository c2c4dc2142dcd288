"""How many of a sorted listing to show: "top 3 biggest directories in /home".

Examples that sort and cut show a count of their own (`du … | sort -rh | head -n 10`), and one that
only sorts shows all. A number said beside an order word (the `filter top` lines of
nlshell/data/words.tsv: "top 3", "5 largest", "biggest 5") is how many the request wants: the
example's own count is replaced by it, and a command that sorts and does not cut (`ls -S`, `sort`)
gets `| head -n N`. A command that neither sorts nor cuts is left as it is: no order, no top.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlshell.offline.commands import programs, shell_words
from nlshell.offline.offered import OfflineAnswer
from nlshell.offline.vocabulary import WORD, vocabulary

_CUT = re.compile(r"(\b(?:head|tail)\s+(?:-n\s*|--lines[= ]|-))(\d+)\b")  # `head -n 10`, `tail -5`
_SORTING = re.compile(r"^-[a-zA-Z]*[St][a-zA-Z]*$")  # `ls -S`, `ls -lt`: a listing in an order


def topped(request: str, found: Sequence[OfflineAnswer]) -> list[OfflineAnswer]:
    """The answers, each cut to the count the request says beside an order word."""
    count = asked_count(request)
    if not count:
        return list(found)
    return [one.saying(_cut(one.command, count)) for one in found]


def asked_count(request: str) -> str:
    """The number said beside an order word ("top 3", "5 largest", "biggest 5"), or ""."""
    table = vocabulary()
    keys = [table.numbers.get(word, word) for word in WORD.findall(request.lower())]
    for pattern in table.filters.get("top", ()):
        star = pattern.index("*")
        for i in range(len(keys) - len(pattern) + 1):
            window = keys[i:i + len(pattern)]
            said = window[:star] + window[star + 1:]
            if said == [*pattern[:star], *pattern[star + 1:]] and window[star].isdigit() and 0 < int(window[star]) < 10000:
                return window[star]
    return ""


def _cut(command: str, count: str) -> str:
    if re.search(rf"(?<![\w.%-]){count}(?![\w.%])", command):
        return command  # it says the count already
    if _CUT.search(command):
        return _CUT.sub(lambda m: m.group(1) + count, command, count=1)
    if re.search(r"\|\s*head\s*$", command):
        return f"{command} -n {count}"  # `… | head` shows ten
    words = shell_words(command)
    ran = programs(command)
    sorts = "sort" in ran or (ran[:1] == ["ls"] and any(_SORTING.match(word) for word in words))
    if not sorts or "{{" in command:
        return command
    return f"{command} | head -n {count}"
