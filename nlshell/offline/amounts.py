"""Numbers a request states, typed by the words around them: "port 5432", "the last 20 lines",
"bigger than 1 gigabyte", "older than 7 days", "in 30 minutes", "the third column".

nlshell/offline/values.py reads the request and hands every number here; units, number words and
ordinals, and the words that say what a number is ("older", "bigger", "lines") come from the word
table (nlshell/data/words.tsv).
"""

from __future__ import annotations

import re

from nlshell.offline.vocabulary import Vocabulary, vocabulary
from nlshell.offline.value import Add, Value

_WHEN = frozenset("last past ago within every older newer since for sleep wait after in".split())  # time, not size
SIZE = re.compile(r"^(\d+)([kmgt]b?|[kmgt]ib|bytes?)$", re.I)
# The words that type a number are the word table's `amount` lines; values.py reads these two too.
COUNTED = vocabulary().amounts["counted"]
COUNTING = vocabulary().amounts["counting"]
_RANGE = re.compile(r"^(\d+)(?:-|\.\.)(\d+)$")  # "20-30", "20..30"
_WIDE = re.compile(r"^(\d+)px$")
TIMED = re.compile(r"^(\d+(?:\.\d+)?)([a-z]+)$", re.I)  # a number glued to its unit of time: 24h, 90s, 2d, 10min
SHAPED = re.compile(r"^\d+(?:-|\.\.)\d+$|^\d+px$|^\d+x\d+(?:[+-]\d+[+-]\d+)?$")  # numbers with their shape: a range, pixels, a size
GEOMETRY = re.compile(r"^\d+x\d+(?:[+-]\d+[+-]\d+)?$")  # 400x300, 640x480+10+20: a width by a height (and an offset)



def line_range(add: Add, i: int, lower: list[str]) -> bool:
    """"lines 20 to 30", "lines 20-30", "from line 20 through 30", "between lines 20 and 30": the
    first and last line of a range (token `i` is the first number); "line 5" a first line alone;
    whether it read one."""
    before = lower[i - 1] if i > 0 else ""
    if before not in vocabulary().amounts["lines"]:
        return False
    joined = _RANGE.match(lower[i])
    if joined:
        first, last, end = joined.group(1), joined.group(2), i
    elif lower[i].isdigit() and i + 2 < len(lower) and lower[i + 1] in vocabulary().amounts["through"] and lower[i + 2].isdigit():
        first, last, end = lower[i], lower[i + 2], i + 2
    elif before == "line" and lower[i].isdigit():  # "line 5": one line, by its number
        add("first_line", lower[i], i, at=i)
        return True
    else:
        return False
    if int(first) > int(last):
        return False
    add("first_line", first, i, at=i)  # "lines" stays a search word: what to show
    add("last_line", last, i + 1 if end > i else i, last=end, at=end)
    return True


def measure(add: Add, i: int, token: str, lower: list[str]) -> bool:
    """"16 characters long" is a length, "800 pixels wide" or "800px" a width; whether it read one."""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    then = lower[i + 2] if i + 2 < len(lower) else ""
    if token.isdigit() and after in vocabulary().amounts["characters"] and then == "long":
        add("length", token, i, last=i + 2)
        return True
    wide = _WIDE.match(lower[i])
    if not (wide or (token.isdigit() and (after in vocabulary().amounts["pixels"] or after == "wide"))):
        return False
    last = i + 1 if after in vocabulary().amounts["pixels"] else i
    if lower[last + 1 : last + 2] == ["wide"]:
        last += 1
    add("width", wide.group(1) if wide else token, i, last=last)
    return True


_PAGES = frozenset({"page", "pages", "pp", "p"})
PAGE_RANGE = re.compile(r"\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*")  # 3-7, 1-3,5: pages (placeholders.py reads qpdf's the same way)
_STANDARDS = frozenset({"iso", "rfc", "ieee", "posix", "utf", "ecma"})  # "iso 8601", "rfc 2822"
_TOWARD = frozenset({"to", "into", "at", "under", "below"})  # a size said after these is one to reach


def _compared(lower: list[str], i: int, amounts: dict[str, frozenset[str]]) -> str:
    """The sign the comparative nearest before a size gives it: "+" for "bigger than", "-" for
    "smaller than"; "under /var/log bigger than 100M" is bigger, its "under" says where."""
    for word in reversed(lower[max(0, i - 4) : i]):
        if word in amounts["smaller"]:
            return "-"
        if word in amounts["bigger"] and word != "than":
            return "+"
    return "+" if "than" in lower[max(0, i - 4) : i] else ""


_SCALES = {"hundred": 100, "thousand": 1000, "million": 1000000, "billion": 1000000000}
NUMBER = re.compile(r"^\d+(?:\.\d+)?$")  # a plain number: 20, 1.5


_SIGNALLING = frozenset({"kill", "pause", "resume", "stop", "freeze", "unfreeze", "suspend", "continue", "renice", "strace"})
_DATABASES = frozenset({"db", "database"})


def number(add: Add, i: int, token: str, lower: list[str], table: Vocabulary) -> None:
    """A number, typed by the words around it: "port 5432", "20 lines", "1 gigabyte", "7 days"."""
    before = lower[i - 1] if i > 0 else ""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    earlier = set(lower[max(0, i - 4) : i])
    amounts = table.amounts
    sized = SIZE.match(token)
    if line_range(add, i, lower) or measure(add, i, token, lower):
        return
    if before in _STANDARDS:
        return  # "iso 8601", "rfc 3339": a format's name, no number to put anywhere (it was `date -d @8601`)
    if (timed := TIMED.match(token)) and _timed(timed.group(2).lower(), sized, earlier, table):
        _duration(add, i, timed.group(1), lower, table, unit=timed.group(2).lower())  # "in the last 24h"
        return
    if after in _SCALES and NUMBER.match(token):  # "1 million lines", "50 thousand rows": the number whole
        scaled = str(round(float(token) * _SCALES[after]))
        counted = i + 2 < len(lower) and (lower[i + 2] in amounts["counted"] or lower[i + 2] in ("line", "row"))
        add("count" if counted else "number", scaled, i, last=i + 1)
        return
    if before in _PAGES and PAGE_RANGE.fullmatch(token):
        add("pages", token, i)  # "pages 3-7 of book.pdf": `qpdf … --pages . 3-7 --`
        return
    if GEOMETRY.match(token):
        add("geometry", token.lower(), i)  # "crop image.png to 400x300": `-crop 400x300+0+0`
        return
    if SHAPED.match(token):  # "2-5 minutes", "300px tall": a shape nothing here reads
        add("number", token, i)
        return
    if before in ("port", "pid") or after == "port" or (before == "process" and token.isdigit()):
        add("pid" if before in ("pid", "process") else "port", token, i)
    elif token.isdigit() and len(token) > 1 and (
        (before in _SIGNALLING and after not in table.times and after not in amounts["counted"])  # "kill 1234", "force kill 4321"
        or (i == 2 and lower[0] in _SIGNALLING and before.startswith("-"))  # "kill -9 4321"
        or (before == "id" and "process" in lower[max(0, i - 4) : i])  # "the process with id 2222"
        or (i == 0 and len(token) > 2 and not _SIGNALLING.isdisjoint(lower))  # "48213 won't die, force kill it"
    ):
        add("pid", token, i)  # "kill 1234", "pause 2200": the process by its number (`kill` got NL2Bash's pstree line)
    elif token.isdigit() and (before in _DATABASES or (before == "number" and i > 1 and lower[i - 2] in _DATABASES)):
        add("count", token, i)  # "flush redis db 2", "db number 2": `redis-cli -n 2`
    elif before in amounts["column"] and token.isdigit():
        add("field", token, i)  # "column 3"
    elif sized or after in table.sizes:
        amount, unit = (sized.group(1), sized.group(2)) if sized else (token, after)
        suffix = table.sizes.get(unit.lower(), "")
        sign = _compared(lower, i, amounts)
        # "trim it down to 500M", "into 1G pieces": the size to get, before one that says how it is ("journal is 4G")
        add("size", f"{sign}{amount}{suffix}", i, "to" if before in _TOWARD else "", last=i if sized else i + 1)
    elif after in table.times:
        _duration(add, i, token, lower, table)
    elif after in amounts["counted"] or before in amounts["counting"] or after in amounts["ranked"]:
        add("count", token, i)
    elif _port(i, token, lower, table):
        add("port", token, i)
    elif _lives(i, token, lower, table):
        add("pid", token, i)
    else:
        add("number", token, i)


def _lives(i: int, token: str, lower: list[str], table: Vocabulary) -> bool:
    """A bare number one of the next two words says is running or started, or one a process has
something of ("the priority of 9001"): a process id."""
    if not token.isdigit():
        return False
    if i > 1 and lower[i - 1] == "of" and lower[i - 2] in table.amounts["process_of"]:
        return True
    for j in range(i + 1, min(i + 3, len(lower))):
        if lower[j] in table.amounts["lived"]:
            following = lower[j + 1] if j + 1 < len(lower) else ""
            return not following.endswith("s") and following not in table.amounts["counted"]
    return False


_RUNS = frozenset({"runs", "running", "listens", "listening", "lives", "sits", "served", "serves"})


def _port(i: int, token: str, lower: list[str], table: Vocabulary) -> bool:
    """A bare number that can only be a port: the request is about ports ("what's listening on
    8080"), or a word beside it says so where it ends the request ("is 5432 open", "who is using
    9000") or before the one machine it is on ("is 5432 open on db01"), or it is a service's own port
    after such a word ("something's squatting on 5432, what is it"); "resize to 800 using convert"
    is no port."""
    if not token.isdigit() or not 20 <= int(token) <= 65535:
        return False
    if set(lower) & table.amounts["ported"]:
        return True
    beside = table.amounts["beside_ports"]
    before = lower[i - 1] if i > 0 else ""
    rest = lower[i + 1 :]
    near = [word.strip(",.;:!?") for word in rest[:3]]
    in_use = any(a == "in" and b == "use" for a, b in zip(near, near[1:]))  # "8080 already in use??"
    served = before == "on" and not table.around["image_words"].isdisjoint(lower)  # "spin up redis on 6379 in the background"
    on_machine = len(rest) == 3 and rest[0] in beside and rest[1] in ("on", "at")  # "is 5432 open on db01"
    known = before in beside and token in table.ports.values()  # "something's squatting on 5432, what is it"
    runs_on = before == "on" and i > 1 and lower[i - 2] in _RUNS  # "ssh runs on 2222 there"
    return in_use or served or on_machine or known or runs_on or (before in beside and not rest) or (len(rest) == 1 and rest[0] in beside)


def said(add: Add, i: int, lower: list[str], table: Vocabulary) -> bool:
    """An amount said in words that no digit states: "a couple of seconds" (2 s), "a dozen of
    lines" (12), "half an hour" (30 minutes), "every second"; whether it read one. A number word
    right before its unit ("five minutes", "a dozen lines") is values.py's."""
    low = lower[i]
    before = lower[i - 1] if i > 0 else ""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    then = lower[i + 2] if i + 2 < len(lower) else ""
    if low in table.numbers and after == "of" and (then in table.times or then in COUNTED):
        if then in table.times:  # "a couple of seconds", "every couple of minutes"
            _duration(add, i, table.numbers[low], lower, table, unit_at=i + 2)
        else:  # "a couple of lines"; "a dozen times" is values.py's
            add("count", table.numbers[low], i, last=i + 1)
        return True
    if low == "half" and after in ("a", "an") and then in table.times and table.times[then] > 1:
        seconds = table.times[then] // 2  # "half an hour", "in half a minute"
        add("seconds", str(seconds), i, last=i + 2, seconds=seconds)
        return True
    if before == "every" and low in table.times and table.times[low] < 60:
        add("seconds", str(table.times[low]), i, seconds=table.times[low])  # "every second"
        return True
    return False


def timed(token: str) -> bool:
    """Whether a token is a number glued to a unit of time (`24h`, `2d`; not `2nd`)."""
    glued = TIMED.match(token)
    return bool(glued) and glued.group(2).lower() in vocabulary().times


def _timed(unit: str, sized: re.Match | None, earlier: set[str], table: Vocabulary) -> bool:
    """Whether a number glued to a letter is a length of time: its unit is one, and where it could
    be a size too (`30m`), the words before it say time ("in the last 30m", "every 10m")."""
    return unit in table.times and (not sized or bool(earlier & _WHEN))


def _duration(
    add: Add, i: int, token: str, lower: list[str], table: Vocabulary, unit_at: int = 0, unit: str = "",
) -> None:
    """"7 days": an age when the words say which way ("older than", "in the last"), else a
    length of time ("in 30 minutes", "every 5 seconds"). The unit is the next word unless
    `unit_at` says where ("a couple of days"), or `unit` is glued to the number ("24h")."""
    unit_at = i if unit else unit_at or i + 1
    unit = unit or lower[unit_at]
    seconds = int(float(token) * table.times[unit])
    earlier = set(lower[max(0, i - 4) : i])
    amounts = table.amounts
    sign = "+" if earlier & amounts["older"] else "-" if earlier & amounts["newer"] else ""
    if lower[unit_at + 1 : unit_at + 2] == ["ago"]:  # "last modified more than 25 days ago", "less than 2 hours ago"
        sign = "-" if earlier & (amounts["smaller"] | {"within", "fewer"}) else "+"
    elif lower[unit_at + 1 : unit_at + 2] == ["old"]:  # "more than a month old", "less than 3 days old"
        sign = "-" if earlier & amounts["younger"] else "+" if earlier & (amounts["bigger"] | amounts["older"]) else sign
    if set(lower[max(0, i - 6) : i]) & amounts["negated"]:
        # "not modified in the last 30 days", "not accessed for 30 days": older than that;
        # "not older than a week": newer.
        sign = "-" if sign == "+" else "+"
    if table.times[unit] == 1 or not sign:
        add("seconds", str(seconds), i, last=unit_at, seconds=seconds)
    else:
        clock = "a" if set(lower) & amounts["accessed"] else ""
        # "in the last 30 minutes": "last" says the window with the number, no search word
        first = i - 1 if sign == "-" and i and lower[i - 1] in ("last", "past") else i
        add("age", sign, first, last=unit_at, at=i, seconds=seconds, clock=clock)


def ordinal(add: Add, i: int, lower: list[str], table: Vocabulary) -> bool:
    """"the third column" is field 3 ("third" is no search word: "Print every third line" is
    another job); "the first line", "the last line" is a count of one, both words still searched;
    "the 5th line" is line 5. Whether it read one."""
    low = lower[i]
    after = lower[i + 1] if i + 1 < len(lower) else ""
    if low in table.ordinals and after in table.amounts["column"]:
        add("field", table.ordinals[low], i)
        return True
    if low in ("first", "last", "top") and after == "line" and (lower[i - 1 : i] == ["the"] or lower[i + 2 : i + 3] == ["of"]):
        add("count", "1", i, searched=True)
        return True
    if low in table.ordinals and low not in ("first", "1st") and after == "line" and lower[i - 1 : i] != ["every"]:
        add("first_line", table.ordinals[low], i, at=i)  # "the 5th line of x.txt": line 5, as "line 5" is
        return True
    return False


def aged(value, kind: str, option: str) -> tuple[str, str | None]:
    """An age (a Value) for `-mtime`-style options (a placeholder of `kind` "days" or "minutes"
    after `option`): whole days, or minutes with the option changed to `-mmin`; on the clock the
    request asks about (`-atime` for "not accessed for 30 days"). The text, and the option when it changed."""
    said = option
    if value.clock and re.fullmatch(r"-[acm](time|min)", option):
        option = "-" + value.clock + option[2:]
    if kind == "days" and value.seconds % 86400 == 0:
        return f"{value.text}{value.seconds // 86400}", option if option != said else None
    minutes = max(1, value.seconds // 60)
    if option.endswith("time"):
        option = option.replace("time", "min")
    return f"{value.text}{minutes}", option if option != said else None


def one_range(values: list[Value]) -> None:
    """"the compiler complains around line 50 of main.c, print lines 40 to 60": where a request says a
    range of lines, a line it names alone only says where (it took the range's place: `50,60p`)."""
    ranged = {k - 1 for k, value in enumerate(values) if value.kind == "last_line" and k and values[k - 1].kind == "first_line"}
    if ranged:
        values[:] = [v for k, v in enumerate(values) if v.kind != "first_line" or k in ranged]


def jobs(values: list[Value], lower: list[str]) -> None:
    """"cancel at job 7", "bring job 2 to the foreground": a number said after "job" is the job's
    (`atrm {{job_number}}`); a number said alone ("with 5432 exposed") is none."""
    for value in values:
        before = lower[value.at - 2 : value.at] if value.at > 1 else lower[:value.at]
        if value.kind in ("number", "count") and value.at and (
            lower[value.at - 1] in ("job", "jobs", "#") or before in (["job", "number"], ["job", "no"], ["job", "id"])
        ):
            value.kind = "job"  # … or "job number 4"


def illustrations(values: list[Value], raw: list[str], lower: list[str]) -> None:
    """"show the mode of id_ed25519 as a number, like 600": a number after ", like" or "e.g." shows
    what the answer looks like; it is no value to act on (`find -perm 600` took it), and no word to
    search by (`chmod 755` took "octal permissions of run.sh, like 755"): a kind no placeholder takes."""
    for v in values:
        # a bare number only: ", like 200 lines" says about how many (a count, `tail -n 200`)
        if v.kind == "number" and v.at >= 2 and lower[v.at - 1] in ("like", "e.g.", "eg", "e.g") and raw[v.at - 2].endswith(","):
            v.kind = "illustration"
