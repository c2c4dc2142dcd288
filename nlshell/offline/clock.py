"""Times of day, schedules and date formats a request states: "at 11pm" is `23:00`, "every day at
3am" the cron fields `0 3 * * *`, "every monday" `0 0 * * 1`, "hourly" `0 * * * *`, "as
YYYY-MM-DD" (or "as year-month-day") date's `+%Y-%m-%d`.

nlshell/offline/values.py hands every token here first; a length of time ("every 5 minutes") stays
a length (`watch -n 300`) and nlshell/offline/slots.py writes it as cron fields where a schedule
goes (`*/5 * * * *`).
"""

from __future__ import annotations

import functools
import re

from nlshell.offline import months
from nlshell.offline.value import Add, Value

_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?(am|pm|a\.m\.|p\.m\.)?$")
_NAMED_TIMES = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}
_MERIDIEM = frozenset({"am", "pm", "a.m.", "p.m."})
_DAYS = {
    "sunday": "0", "monday": "1", "tuesday": "2", "wednesday": "3", "thursday": "4", "friday": "5", "saturday": "6",
    "sundays": "0", "mondays": "1", "tuesdays": "2", "wednesdays": "3", "thursdays": "4", "fridays": "5",
    "saturdays": "6", "weekday": "1-5", "weekdays": "1-5",
}
# "every day", "every night", "daily": once a day; the word for how often, and what else it fixes.
_EVERY = {"day": "day", "night": "day", "morning": "day", "evening": "day", "hour": "hour", "week": "week",
          "month": "month", "minute": "minute"}
# A date format as people write one: YYYY-MM-DD, DD/MM/YYYY, HH:MM:SS, YYYYMMDD.
_DATE_FORMAT = re.compile(r"^(?:YYYY|YY|MM|DD|HH|SS)(?:[-/:._ T]?(?:YYYY|YY|MM|DD|HH|SS))+$")
_DATE_PARTS = {"YYYY": "%Y", "YY": "%y", "DD": "%d", "HH": "%H", "SS": "%S"}
_SPELT = {"year": "YYYY", "month": "MM", "day": "DD", "hour": "HH", "minute": "MM", "second": "SS"}
_ADVERBS = {"daily": "day", "nightly": "day", "hourly": "hour", "weekly": "week", "monthly": "month"}



def time_of_day(lower: list[str], i: int) -> tuple[int, int, int] | None:
    """(hour, minute, tokens read) for the time of day at token `i` ("11pm", "11 pm", "23:00",
    "noon"), or None. A bare number is a time only after "at" and before "am"/"pm"."""
    word = lower[i]
    if word in _NAMED_TIMES:
        return (*_NAMED_TIMES[word], 1)
    match = _TIME.match(word)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    meridiem, used = match.group(3), 1
    if not meridiem and i + 1 < len(lower) and lower[i + 1] in _MERIDIEM:
        meridiem, used = lower[i + 1], 2
    if not meridiem and not match.group(2):
        return None  # "at 5" may be anything
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return hour, minute, used


_ISO_DATE = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$")


def _holiday(lower: list[str], i: int) -> str:
    """The day a holiday named at token `i` falls on ("christmas" → "dec 25"), as GNU date reads it
    (this year's), or ""."""
    return _holidays().get(lower[i].rstrip("?,.!").removesuffix("'s"), "")  # "christmas?", "valentine's"


@functools.cache
def _holidays() -> dict[str, str]:
    """Each holiday's word → its day (the word table's `around holiday:` lines), read once: every
    word of every request is looked up."""
    from nlshell.offline.vocabulary import vocabulary

    return {
        word: role.split(":", 1)[1].replace("_", " ")
        for role, words in vocabulary().around.items() if role.startswith("holiday:") for word in words
    }


_CLOCK_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")  # 10:00, 09:30:15


def read(add: Add, lower: list[str], i: int) -> bool:
    """A schedule ("every day at 3am"), a time of day ("at 11pm"), a date (2000-01-01) or a month
    and year ("march 2025", nlshell/offline/months.py) starting at token `i`; whether it read one."""
    word = lower[i]
    if word == "since" and _since(add, lower, i):
        return True  # "logs since this morning": the start of a log's window
    if i and lower[i - 1] in ("like", "eg", "e.g.") and (sample := _SAMPLE.match(word)):
        add("dateformat", _sampled(sample), i)  # "a timestamp like 2024-05-01_13-45": `+%Y-%m-%d_%H-%M`
        return True
    if _ISO_DATE.match(word):
        if i + 1 < len(lower) and _CLOCK_TIME.match(lower[i + 1]):
            add("date", f"{word} {lower[i + 1]}", i, last=i + 1)  # "set the clock to 2024-06-01 10:00": both, one value
            return True
        add("date", word, i)  # "what day of the week was 2000-01-01"
        return True
    if day := _holiday(lower, i):
        add("date", day, i, searched=True)  # "what weekday is christmas this year": `date -d 'dec 25'`, this year's
        return True
    if months.read(add, lower, i):
        return True  # "calendar for march 2025"
    if word == "every" or word in _ADVERBS:
        return _schedule(add, lower, i)
    written = _spelt_out(word)
    if _DATE_FORMAT.match(written):
        add("dateformat", date_format(written), i)
        return True
    at = time_of_day(lower, i)
    if at is None:
        return False
    hour, minute, used = at
    # "11pm", "11 pm", "noon" say they are a time; "23:00" is one after "at" (or "to", "for")
    evident = used == 2 or word in _NAMED_TIMES or word.endswith(("am", "pm", "m."))
    before = lower[i - 1 : i]
    clocked = ":" in word and before in (["to"], ["for"])  # "set the clock to 14:30"
    # "between 09:00 and 10:00", "from 9:30 to 11:00": both ends of a window
    ranged = ":" in word and (before in (["between"], ["from"]) or (before == ["and"] and i > 1 and _CLOCK_TIME.match(lower[i - 2])))
    if not evident and not clocked and not ranged and before not in (["at"], ["by"], ["until"], ["till"]):
        return False
    add("time", f"{hour:02d}:{minute:02d}", i, last=i + used - 1)
    return True


_SINCE = {("this", "morning"): "today", ("today",): "today", ("yesterday",): "yesterday", ("midnight",): "today",
          ("last", "night"): "yesterday", ("the", "reboot"): "", ("boot",): ""}


def _since(add: Add, lower: list[str], i: int) -> bool:
    """"since this morning", "since yesterday", "since 9am": where a log's window starts, as
    journalctl's and git's `--since` take it (nlshell/offline/extend.py puts it there)."""
    for words, when in _SINCE.items():
        if tuple(lower[i + 1 : i + 1 + len(words)]) == words:
            if not when:
                return False  # "since boot": journalctl -b, no time
            add("since", when, i, last=i + len(words))
            return True
    at = time_of_day(lower, i + 1) if i + 1 < len(lower) else None
    part = lower[i + 2 : i + 4]
    dayparted = part[:1] == ["this"] and part[1:] in (["morning"], ["afternoon"], ["evening"])  # "since 9 this morning"
    if dayparted and at is None:
        at = _hour(lower, i + 1, i + 1)
    if at is None or not (lower[i + 1].endswith(("am", "pm")) or ":" in lower[i + 1] or at[2] == 2 or dayparted):
        return False
    hour, minute, used = at
    if dayparted:
        hour += 12 if part[1] != "morning" and hour < 12 else 0
        used += 2
    add("since", f"{hour:02d}:{minute:02d}", i, last=i + used)
    return True


def _schedule(add: Add, lower: list[str], i: int) -> bool:
    """"every day at 3am", "every monday", "hourly", "every weekday at 9:30": cron fields."""
    word = lower[i]
    j = i + 1
    if word in _ADVERBS:
        every, day = _ADVERBS[word], ""
    elif j < len(lower) and lower[j] in _DAYS:
        every, day = "week", _DAYS[lower[j]]
        j += 1
    elif j < len(lower) and lower[j] in _EVERY:
        every, day = _EVERY[lower[j]], ""
        j += 1
    else:
        return False  # "every 5 minutes" is a length of time; "every file" no schedule
    hour, minute = (0, 0) if every != "day" or lower[i + 1 : i + 2] != ["morning"] else (8, 0)
    last = j - 1
    if j + 1 < len(lower) and lower[j] == "at" and (at := time_of_day(lower, j + 1) or _hour(lower, i + 1, j + 1)):
        hour, minute = at[0], at[1]
        last = j + at[2]
    fields = {
        "minute": "* * * * *",
        "hour": f"{minute} * * * *",
        "day": f"{minute} {hour} * * *",
        "week": f"{minute} {hour} * * {day or '0'}",
        "month": f"{minute} {hour} 1 * *",
    }[every]
    add("schedule", fields, i, last=last)
    return True


def timed_schedule(values: list[Value]) -> None:
    """"at 2am every night", "at 2:30am nightly", "every monday 9am": a time said right before or
    after a schedule that said none is the schedule's (one value, `0 2 * * *`, `0 9 * * 1`)."""
    for k, value in enumerate(values[1:], 1):
        pair = (values[k - 1], value) if values[k - 1].kind == "time" else (value, values[k - 1])
        said, schedule = pair
        fields = schedule.text.split()
        if schedule.kind == "schedule" and said.kind == "time" and fields[:2] == ["0", "0"] and fields[2] == "*":
            hour, minute = (int(part) for part in said.text.split(":"))
            schedule.text = " ".join([str(minute), str(hour), *fields[2:]])
            first = min(said.at, schedule.at)
            schedule.at, schedule.spans, schedule.words = first, said.spans + schedule.spans, said.words + schedule.words
            values.remove(said)
            return


# Parts of the day whose hours 1 to 11 are after noon: "every night at 11", "every evening at 7".
_AFTERNOON = frozenset({"night", "evening", "afternoon"})


def _hour(lower: list[str], said: int, i: int) -> tuple[int, int, int] | None:
    """A bare hour after a schedule's "at" ("every monday at 9", "every night at 3"): a schedule
    says a time there, so 9 is 09:00; at night or in the evening 7 to 11 are after noon (3 is not)."""
    if not re.fullmatch(r"\d{1,2}", lower[i]) or int(lower[i]) > 23:
        return None
    hour = int(lower[i])
    if lower[said] in _AFTERNOON and 7 <= hour <= 11 or lower[said] == "afternoon" and 1 <= hour <= 6:
        hour += 12
    return hour, 0, 1


_SAMPLE = re.compile(r"^\d{4}(?P<d>[-/._]?)\d{2}(?P=d)\d{2}(?:(?P<t>[_T -])\d{2}(?P<c>[-:.]?)\d{2}(?:(?P=c)\d{2})?)?$", re.I)


def _sampled(sample: re.Match) -> str:
    """The format a sample date is written in: 2024-05-01_13-45 → `+%Y-%m-%d_%H-%M`."""
    d, t, c = sample.group("d"), sample.group("t"), sample.group("c") or ""
    out = f"+%Y{d}%m{d}%d"
    if t:
        seconds = len(sample.group(0)) > len(f"2024{d}05{d}01{t}13{c}45")
        out += f"{t}%H{c}%M" + (f"{c}%S" if seconds else "")
    return out


def _spelt_out(word: str) -> str:
    """A date format as letters: "year-month-day" is YYYY-MM-DD, "hour:minute" HH:MM."""
    parts = re.split(r"([-/:._])", word)
    if len(parts) < 3 or not all(part in _SPELT for part in parts[::2]):
        return word.upper()
    return "".join(_SPELT.get(part, part) for part in parts)


def date_format(written: str) -> str:
    """A date format as `date` reads it: "YYYY-MM-DD" → `+%Y-%m-%d`; MM is the month, or the
    minutes right after the hour ("HH:MM")."""
    out, previous = [], ""
    for part in re.findall(r"YYYY|YY|MM|DD|HH|SS|.", written):
        if part == "MM":
            out.append("%M" if previous == "HH" else "%m")
        else:
            out.append(_DATE_PARTS.get(part, part))
        if part.isalpha():
            previous = part
    return "+" + "".join(out)


def cron(seconds: int) -> str:
    """A length of time as the cron fields that repeat it ("every 5 minutes" → `*/5 * * * *`), or
    "" when cron cannot ("every 90 seconds")."""
    if seconds <= 0 or seconds % 60:
        return ""
    minutes = seconds // 60
    if minutes < 60 and 60 % minutes == 0:
        return "* * * * *" if minutes == 1 else f"*/{minutes} * * * *"
    if minutes % 60 == 0 and (hours := minutes // 60) < 24 and 24 % hours == 0:
        return "0 * * * *" if hours == 1 else f"0 */{hours} * * *"
    return "0 0 * * *" if minutes == 1440 else ""


def in_largest_unit(seconds: int, units: tuple[tuple[str, int], ...]) -> tuple[int, str] | None:
    """A length of time as a whole number of the largest of `units` (name and length in seconds,
    largest first) that divides it (604800 → 1 week), or None; each caller writes it its own way."""
    for unit, length in units:
        if seconds >= length and seconds % length == 0:
            return seconds // length, unit
    return None
