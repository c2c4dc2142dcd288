"""What the request states beyond an example's placeholders, once they are filled.

A concrete value the example states is a default the request may replace: a number its
description states ("Show last 5 lines" and "the last 20 lines"), the one field an awk program
prints ("the third column" → `$3`), the one DNS record type a lookup asks for ("the mx records" →
`-type=MX`). An archive the request does not name is named after what goes in it. And find's tests
are all ANDed: "delete log files older than 30 days in /var/log/myapp" is the example "Delete the
files modified more than some days ago" with `-name '*.log'` added, not a choice between that and
"Delete the files whose names match a pattern". Tests are added only to an example whose own tests
all come from the request (`-type` aside): `find DIR -type f -empty` finds empty files, and with
`-user root` added it would still find only those. A test the command already has (`-name`,
`-mtime`, `-size`, `-user`) is not added twice; the tests go before find's first action
(`-delete`, `-exec`, `-print`), where they still decide what the action applies to.
"""

from __future__ import annotations

import functools
import re
import shlex

from nlshell.offline import clock, delimited, levels
from nlshell.offline.commands import first_program, programs
from nlshell.offline.values import Value, request_values
from nlshell.offline.vocabulary import WORD, vocabulary

_NUMBERED = re.compile(r"\d")
_STATED_KINDS = ("count", "port", "seconds", "number", "field")  # the numbers a description states that a request's replace
_STANDALONE = r"(?<![\w.]){}(?![\w.])"
_AWK_FIELD = re.compile(r"\$(\d+)\b")
_RECORD_TYPE = re.compile(
    r"(?<=-type=)(?:A|AAAA|MX|NS|TXT|CNAME|SOA|PTR|SRV|CAA|ANY)\b|(?<=-t )(?:A|AAAA|MX|NS|TXT|CNAME|SOA|PTR|SRV|CAA)\b"
)
# The one remote a git command names (`git remote add origin …`), the one cron schedule a command
# writes (`echo '0 2 * * * …' | crontab -`): defaults the request's own replaces.
_GIT_REMOTE = re.compile(r"(?P<pre>\bgit (?:remote add|push|pull|fetch) )(?:origin|upstream)\b")
# The one signal a kill sends (`kill -STOP {{pid}}`, `killall -s KILL x`): "send a HUP" sends HUP.
_SIGNAL = re.compile(r"(?P<pre>\b(?:kill|pkill|killall)\s+(?:-s\s+|--signal[\s=]|-))(?:SIG)?(?:[A-Z]+[12]?|\d+)(?=\s|$)")
# The one HTTP method a request states (`curl -X POST …`), and the options that make one other than GET.
_METHOD = re.compile(r"(?P<pre>(?:-X|--request)[ =]?)['\"]?(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b['\"]?")
_SENDING = re.compile(r"\s(?:-[dFTI]|--data\S*|--form|--upload-file|--head|-X|--request)\b")
_CRON_FIELDS = re.compile(r"(?P<pre>['\"])(?:[\d*/,-]+ ){4}[\d*/,-]+(?= )")
# The format a `date` example prints (`date +%F`), and the day it shows (`date -d '{{3}} days ago'`).
_DATE_FORMAT = re.compile(r"(?P<pre>\bdate (?:-\S+ )*)\+(?:'[^']*'|\"[^\"]*\"|\S+)")
_DAY = re.compile(r"(?P<pre>\bdate (?:-u )?(?:-d|--date)[ =])(?:'[^']*'|\"[^\"]*\"|\S+)")
_RELATIVE = re.compile(r"ago|yesterday|tomorrow|next|last|\d+ ?(?:day|week|month|year|hour)|\{\{\d+\}\}")
# The window a log or history states (`journalctl --since '1 hour ago'`, `git log --since='1 week ago'`):
# a default "in the last 30 minutes" replaces.
_WINDOW = re.compile(
    r"(?P<pre>(?:--since|--after)[ =])(?P<said>'[^']*(?:ago|today|yesterday)[^']*'|\"[^\"]*(?:ago|today|yesterday)[^\"]*\"|today|yesterday)(?=\s|$)"
)
_UNITS = (("year", 31536000), ("month", 2592000), ("week", 604800), ("day", 86400), ("hour", 3600), ("minute", 60))
# an output named by its format (`{{path/to/audio.mp3}}`), or a prefix its program adds to (`pdftoppm`'s)
_OUTPUT = re.compile(
    r"\{\{(?:[\w/]*/)?(?:(?:target|output|compressed|archive|audio|video|converted)[\w-]*?((?:\.[a-z0-9]+){1,2})|output_?prefix)\}\}"
)
# The tests that already say a kind of value.
_NAMES = ("-name", "-iname", "-path", "-ipath", "-wholename", "-regex", "-iregex")
_AGES = ("-mtime", "-atime", "-ctime", "-mmin", "-amin", "-cmin", "-newer", "-newermt", "-daystart")
_SIZES = ("-size",)
_OWNERS = ("-user", "-group", "-uid", "-gid", "-nouser", "-nogroup")
_FIND = re.compile(r"(?:^|[\s;&|(])find\s")
# Where find's tests end: its first action, or the end of the find command.
_END = re.compile(r"\s(?:\||;|&&|\|\||\))|\s-(?:delete|exec|execdir|ok|okdir|print0?|printf|fprint|ls|fls|quit)\b")


def complete(template: str, command: str, description: str, unused: list[Value], used: list[Value]) -> tuple[str, float]:
    """`command` (the example `template` with `used` filled in) with what else the request states
    put where it goes; how many of the `unused` values it took (removed from that list). A value
    added as a find test counts half: of two examples, the one made for what was asked comes first."""
    swaps = _default_swaps(description, unused, command) if description else []
    for number, value in swaps:
        command = re.sub(_STANDALONE.format(re.escape(number)), value.text, command, count=1)
    command, field = _awk_field(command, unused)
    command, record = _record_type(command, unused)
    command, renamed = _stated_default(command, unused, "gitremote", _GIT_REMOTE)
    command, scheduled = _stated_default(command, unused, "schedule", _CRON_FIELDS)
    command, signalled = _stated_default(command, unused, "signal", _SIGNAL)
    command, formatted = _stated_default(command, unused, "dateformat", _DATE_FORMAT)
    command, dated = _relative_day(command, unused)
    command, asked = _method(command, unused)
    command, windowed = _window(command, unused)
    command, leveled = levels.with_level(command, unused)
    command, tests = find_tests(template, command, unused)
    named = _named_variable(command, unused)
    command = delimited.comma_split(_name_the_output(command, used))
    return command, len(swaps) + field + record + renamed + scheduled + signalled + formatted + dated + asked + windowed + leveled + tests / 2 + named


def _named_variable(command: str, unused: list[Value]) -> bool:
    """Whether the command itself names the variable the request asks about (`echo "$PATH"` for
    "my PATH"): then that value is used (removed from `unused`)."""
    for value in unused:
        if value.kind == "variable" and re.search(rf"\$\{{?{re.escape(value.text)}\b|\b{re.escape(value.text)}=", command):
            unused.remove(value)
            return True
    return False


def _said_units(value: Value) -> str:
    """A length of time in the words the request said it ("90 days", not 3 months), or ""."""
    words = [w for w in value.words if w.isdigit() or w.rstrip("s") in _UNIT_NAMES]
    if len(words) == 2 and words[0].isdigit() and words[1].rstrip("s") in _UNIT_NAMES:
        unit = words[1].rstrip("s")
        return f"{words[0]} {unit}{'s' if words[0] != '1' else ''}"
    return ""


_UNIT_NAMES = frozenset(name for name, _ in _UNITS)


def _relative_day(command: str, unused: list[Value]) -> tuple[str, bool]:
    """A `date` shows the day the request asks for: "the date in a week" → `date -d '+1 week'`,
    "the date 3 days ago" → `date -d '3 days ago'` (replacing the example's own relative day, or
    added to a `date` that shows today); whether it took one."""
    value = next((v for v in unused if v.kind == "seconds" or (v.kind == "age" and v.text == "+")), None)
    if value is None or first_program(command) != "date" or "{{" in _DAY.sub("", command):
        return command, False
    when = _said_units(value) or _in_units(value.seconds)
    if not when:
        return command, False
    day = shlex.quote(f"{when} ago" if value.kind == "age" else f"+{when}")
    stated = _DAY.search(command)
    said = stated.group(0)[len(stated.group("pre")) :].strip("'\"") if stated else ""
    if said and not said.startswith("@") and _RELATIVE.search(said):  # `-d @{{1700000000}}` is no day
        command = command[: stated.start()] + stated.group("pre") + day + command[stated.end() :]
    elif re.fullmatch(r"date(?: \+\S+)?", command):
        command = command.replace("date", f"date -d {day}", 1)
    else:
        return command, False
    unused.remove(value)
    return command, True


def _method(command: str, unused: list[Value]) -> tuple[str, float]:
    """The HTTP method the request says ("send a PATCH to …"): the one the command states, or in
    place of it (`curl -X POST` → `-X PATCH`, counting half: an example made for it comes first), or
    a GET by a plain `curl URL`, which asks with it; how much of one it took."""
    value = next((v for v in unused if v.kind == "method"), None)
    if value is None or "curl" not in programs(command):
        return command, 0.0
    stated = _METHOD.search(command)
    if value.text == "GET" and (stated or _SENDING.search(command)):
        return command, 0.0  # a GET sends nothing: no example that posts data is one
    taken = 1.0
    if stated and stated.group(0)[len(stated.group("pre")):].strip("'\"") != value.text:
        command, taken = command[: stated.start()] + stated.group("pre") + value.text + command[stated.end() :], 0.5
    elif not stated and value.text != "GET":
        return command, 0.0
    unused.remove(value)
    return command, taken


def stated_kinds(command: str) -> set[str]:
    """The kinds of value a command takes in what it states rather than in a placeholder: the
    window of a log (`journalctl --since '1 hour ago'` takes "from the past 30 minutes"), the
    method of an HTTP request (`curl`)."""
    return {"window"} if _WINDOW.search(command) else {"method"} if "curl" in programs(command) else set()


def _window(command: str, unused: list[Value]) -> tuple[str, bool]:
    """The one window a log or history states is the one the request asks for: "the system log
    from the past 30 minutes" → `journalctl --since '30 minutes ago'`, "since this morning" →
    `--since today`; whether it took one."""
    since = next((v for v in unused if v.kind == "since"), None)
    if since is not None and len(_WINDOW.findall(command)) == 1:  # "since this morning" → `--since today`
        unused.remove(since)
        return _WINDOW.sub(lambda m: m.group("pre") + shlex.quote(since.text), command), True
    value = next((v for v in unused if v.kind == "age" and v.text == "-"), None)
    if value is None or len(_WINDOW.findall(command)) != 1:
        return command, False
    when = _in_units(value.seconds)
    if not when:
        return command, False
    unused.remove(value)
    return _WINDOW.sub(lambda m: m.group("pre") + shlex.quote(f"{when} ago"), command), True


def _in_units(seconds: int) -> str:
    """A length of time in the largest unit it is a whole number of: 604800 → "1 week"."""
    found = clock.in_largest_unit(seconds, _UNITS)
    if found is None:
        return ""
    count, unit = found
    return f"{count} {unit}" + ("s" if count > 1 else "")


def _record_type(command: str, unused: list[Value]) -> tuple[str, bool]:
    """The one DNS record type a lookup states (`nslookup -type=NS`) is the one the request asks
    for ("the mx records" → `-type=MX`); whether it took one."""
    record = next((v for v in unused if v.kind == "record"), None)
    if record is None or len(_RECORD_TYPE.findall(command)) != 1:
        return command, False
    unused.remove(record)
    return _RECORD_TYPE.sub(record.text, command), True


def _stated_default(command: str, unused: list[Value], kind: str, default: re.Pattern) -> tuple[str, bool]:
    """`command` with the one default value `default` finds replaced by the request's value of
    `kind` ("a remote called upstream": `git remote add upstream …`); whether it took one."""
    value = next((v for v in unused if v.kind == kind), None)
    if value is None or len(default.findall(command)) != 1:
        return command, False
    unused.remove(value)
    return default.sub(lambda m: m.group("pre") + value.text, command), True


def _awk_field(command: str, unused: list[Value]) -> tuple[str, bool]:
    """The one field an awk program prints (`awk '{print $2}'`) is the column the request asks
    for ("the third column" → `$3`); whether it took one."""
    field = next((v for v in unused if v.kind == "field"), None)
    if field is None or "awk" not in command or not {"awk", "gawk", "mawk"} & set(programs(command)):
        return command, False
    if len(set(_AWK_FIELD.findall(command)) - {"0"}) != 1:
        return command, False
    unused.remove(field)
    return _AWK_FIELD.sub(lambda m: "$" + field.text if m.group(1) != "0" else m.group(0), command), True


def _name_the_output(command: str, used: list[Value]) -> str:
    """An archive or output file the request does not name is named after what goes in it:
    "pack the src folder into a tar.gz file" → `tar czf src.tar.gz …`."""
    source = next((v for v in used if v.kind in ("dir", "file", "path") and v.role != "to"), None)
    if source is None or source.text in (".", "~", "/"):
        return command
    base = source.text.rstrip("/").rsplit("/", 1)[-1]
    stem = base.split(".")[0]
    if not stem or shlex.quote(stem) != stem:
        return command
    # `convert photo.jpg -resize 800 {{output.jpg}}` is not to overwrite photo.jpg
    return _OUTPUT.sub(lambda m: m.group(0) if stem + (m.group(1) or "") == base else stem + (m.group(1) or ""), command, count=1)


@functools.lru_cache(maxsize=8192)
def _stated(description: str) -> tuple[Value, ...]:
    """The numbers a description states (cached: descriptions come back query after query). Most
    state none, and reading one for values is not cheap: only those with a digit or a number word are."""
    if not _NUMBERED.search(description) and not set(WORD.findall(description.lower())) & _number_words():
        return ()
    return tuple(v for v in request_values(description) if v.kind in _STATED_KINDS and v.text.isdigit())


@functools.cache
def _number_words() -> frozenset[str]:
    table = vocabulary()
    return frozenset(table.numbers) | frozenset(table.ordinals)


def _default_swaps(description: str, unused: list[Value], command: str) -> list[tuple[str, Value]]:
    """(number, value) pairs: a number the description states and the command holds, of a kind
    the request gives a value of ("Show last 5 lines" and "last 20 lines")."""
    # Reading the description is the dear part: skip it when no swap could come of it (a stated
    # number is all digits and must stand in the command; the request must give one of its kinds).
    if not any(v.kind in _STATED_KINDS for v in unused) or not any(map(str.isdigit, command)):
        return []
    swaps = []
    for stated in _stated(description):
        if not re.search(_STANDALONE.format(re.escape(stated.text)), command):
            continue
        value = next((v for v in unused if v.kind == stated.kind), None)
        if value is not None:
            swaps.append((stated.text, value))
            unused.remove(value)
    return swaps


def find_tests(template: str, command: str, unused: list[Value]) -> tuple[str, int]:
    """`command` (the example `template` filled) with the find tests the request states and it
    lacks; how many values it took (they are removed from `unused`)."""
    if "find" not in command or not any(_test(v, ()) for v in unused) or first_program(command) != "find":
        return command, 0
    if not _own_tests_asked(template) or any("{{" in word for word in _tests(command)):
        return command, 0  # `-name '{{*.ext}}'` left open: a test of its own still
    at, said = _expression(command)
    tests: list[str] = []
    for value in list(unused):
        test = _test(value, said.split() + tests)
        if test:
            tests.append(test)
            unused.remove(value)
    if not tests:
        return command, 0
    return command[:at].rstrip() + " " + " ".join(tests) + command[at:], len(tests)


def _expression(command: str) -> tuple[int, str]:
    """Where the tests of the command's first find end, and its text from the program to there."""
    start = _FIND.search(command)
    if start is None:
        return len(command), ""
    end = _END.search(command, start.end())
    at = end.start() if end else len(command)
    return at, command[start.end() : at]


def _tests(command: str) -> list[str]:
    """The words of the first find's tests, after its starting points."""
    words = _expression(command)[1].split()
    i = 0
    while i < len(words) and not words[i].startswith("-"):
        i += 1
    return words[i:]


def _own_tests_asked(template: str) -> bool:
    """Whether every test of the template's find is `-type` or takes a placeholder: a test of its
    own (`-empty`, `-maxdepth 1`, `-user vivek`) says more than the request does."""
    words = _tests(template)
    i = 0
    while i < len(words):
        if words[i] == "-type" or (i + 1 < len(words) and "{{" in words[i + 1]):
            i += 2
        else:
            return False
    return True


def _test(value: Value, said: list[str] | tuple[str, ...]) -> str:
    """The find test that says `value`, or "" when the command says that already or none does."""
    if value.kind == "glob" or (value.kind == "name" and value.role == "sought"):
        return "" if any(w in _NAMES for w in said) else f"-name {shlex.quote(value.text)}"
    if value.kind == "age" and not any(w in _AGES for w in said):
        clock = value.clock or "m"
        if value.seconds % 86400 == 0:
            return f"-{clock}time {value.text}{value.seconds // 86400}"
        return f"-{clock}min {value.text}{max(1, value.seconds // 60)}"
    if value.kind == "size" and not any(w in _SIZES for w in said):
        return f"-size {value.text}"
    if value.kind in ("user", "group") and not any(w in _OWNERS for w in said):
        return f"-{value.kind} {shlex.quote(value.text)}"
    return ""
