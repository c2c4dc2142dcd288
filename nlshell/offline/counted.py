"""What a request counts inside a file: "how many 404s in access.log", "how many errors are in
app.log", "count the warnings in build.log" count the lines that say `404`, `error`, `warning`
(`grep -c`); "how many times does timeout show up in server.log" counts `timeout`. The thing
counted is a pattern, singular; lines, words, files and the other units
the word table counts (`amount counted`) are no pattern, nor is anything counted nowhere in
particular ("how many users are logged in")."""

from __future__ import annotations

import re
from collections.abc import Callable

from nlshell.offline.value import Value
from nlshell.offline.vocabulary import vocabulary

_PLURAL = re.compile(r"^(?:[a-z][a-z-]{2,}|\d{3})s$")  # "errors", "timeouts", "404s"
_IN = frozenset({"in", "inside", "within"})
_SHOWING = frozenset({"show", "shows", "appear", "appears", "occur", "occurs", "come", "comes", "turn", "turns", "pop"})  # "… show up in"
_BETWEEN = frozenset({"are", "is", "were", "there", "does", "do", "did", "the"})  # "how many errors are there in x"


def counted_at(lower: list[str], i: int) -> bool:
    """Whether the word at `i` is what "how many" counts ("how many 404s")."""
    return i >= 2 and lower[i - 2 : i] == ["how", "many"] and bool(_PLURAL.match(lower[i]))


# what a folder holds, never a text its lines say: "how many subfolders in docs"
_HELD = frozenset("files folders directories dirs subfolders subdirs subdirectories entries items".split())


def read(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Callable[..., None]) -> None:
    """Add the counted pattern of "how many Xs … in FILE" / "count the Xs in FILE"."""
    counted_units = vocabulary().amounts["counted"]
    files = {v.at for v in values if v.kind in ("file", "path")}
    for i, low in enumerate(lower):
        if lower[i : i + 3] == ["how", "many", "times"] and i + 4 < len(lower):
            j = i + 3 + (lower[i + 3] in ("does", "do", "did"))  # "how many times (does) timeout show(s) up in x": the word
            if j not in taken and lower[j + 1 : j + 2] and lower[j + 1] in _SHOWING and (j + 3 in files or j + 4 in files):
                add("pattern", tokens[j].strip("'\""), j)
                return
            continue
        if lower[i : i + 2] == ["how", "many"]:
            j = i + 2
        elif low in ("count", "number") and i + 1 < len(lower):
            j = i + 1 + (lower[i + 1] in ("the", "of", "all"))
        else:
            continue
        if j >= len(lower) or j in taken or not _PLURAL.match(lower[j]) or lower[j] in counted_units or lower[j] in _HELD:
            continue
        k = j + 1
        while k < len(lower) and lower[k] in _BETWEEN:
            k += 1
        at_file = k + 1 in files or (k + 2 in files and lower[k + 1] in ("the", "my"))  # "in (the) app.log"
        if k + 1 < len(lower) and lower[k] in _IN and at_file:
            add("pattern", tokens[j][:-1], j)
            return



_STATUS = re.compile(r"^([1-5]\d\d)s$")  # "the 502s"
_STATUS_BEFORE = frozenset({"returned", "returning", "return", "status", "code", "got", "gave", "giving"})  # "returned 404"
_STATUS_AFTER = frozenset({"error", "errors", "response", "responses", "status", "code", "codes"})  # "the 500 errors"
_LOGS = re.compile(r"\.log\b|\blogs?\b|\baccess\b|\bnginx\b|\bapache2?\b|\brequests?\b|\bresponses?\b|\bhits?\b")
_READ_AS = ("number", "seconds", "count")  # what a bare number was read as


def statuses(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Callable[..., None]) -> None:
    """The HTTP status a request looks for in a log: "grep the 502s out of access.log" (read as 502
    seconds), "count requests that returned 404 in access.log" (a number): the lines that say it.
    Only where the request speaks of a log or of requests, and no pattern is read yet."""
    if any(v.kind == "pattern" for v in values) or not _LOGS.search(" ".join(lower)):
        return
    for i, low in enumerate(lower):
        plural = _STATUS.match(low)
        said = re.fullmatch(r"[1-5]\d\d", low) and i and (
            lower[i - 1] in _STATUS_BEFORE or lower[i + 1 : i + 2] and lower[i + 1] in _STATUS_AFTER
            or (lower[i - 1] in ("a", "an") and i > 1 and lower[i - 2] in _STATUS_BEFORE)  # "got a 500"
        )
        if not (plural or said):
            continue
        code = plural[1] if plural else low
        read_as = [v for v in values if v.at == i]
        if i in taken and not (len(read_as) == 1 and read_as[0].kind in _READ_AS):
            continue
        if read_as:
            read_as[0].kind, read_as[0].text, read_as[0].seconds = "pattern", code, 0
        else:
            add("pattern", code, i)
        return
