"""Fill an example's placeholders with the values the request states.

"called photos" → `mkdir photos`; "port 5432" → `lsof -i :5432`; "last 20 lines" → `tail -n 20`;
"bigger than 1 gigabyte" → `find . -size +1G`; "older than 7 days" → `-mtime +7`; "python files"
→ `-name '*.py'`. A placeholder's kind comes from its own words (`{{path/to/file}}`, `{{port}}`) or
the option before it (`-mtime {{…}}`); a value goes only where its kind fits, in the order the
request states them, except that a target (`{{path/to/target}}`, `{{path/to/symlink}}`) takes the
value the request gives a target ("to b.txt", "called latest"). A number the example's description
states ("Show last 5 lines") is a default the request may replace. What nothing fills stays `{{…}}`,
so the menu's edit step still lands on it.
"""

from __future__ import annotations

import functools
import re
import shlex
from dataclasses import dataclass

from nlshell.offline.commands import PLACEHOLDER
from nlshell.offline.values import Value, request_values
from nlshell.offline.vocabulary import WORD, vocabulary

# First match wins; tested on the placeholder's text, lower-case.
_KINDS = (
    (re.compile(r"://|\burl\b|\buri\b"), "url"),
    (re.compile(r"^[+-]?\d+[kmgtc]$|size"), "size"),
    (re.compile(r"^(start|stop|restart|reload|status|enable|disable)$"), "action"),
    (re.compile(r"^~?/?path/to/(source|target|destination)_?(file|executable)\d*$"), "file"),
    (re.compile(r"^~?/?path/to/(source|target|destination)_?(directory|dir|folder)\d*$"), "dir"),
    (re.compile(r"^~?/?path/to/(file_or_directory|source|target|destination|symlink|link)[\w-]*\d*$"), "path"),
    (re.compile(r"^~?/?path/to/.*(director|folder|mount_point|dir\b|/to$)"), "dir"),
    (re.compile(r"^~?/?path/to/|^file(name)?\d*$|^path/to$|^input_?file|^output_?file|_file\d*$"), "file"),
    (re.compile(r"\*"), "glob"),
    (re.compile(r"port"), "port"),
    (re.compile(r"\bpid\b|process_id|^pid"), "pid"),
    (re.compile(r"process|^program"), "process"),
    (re.compile(r"user|login|^owner"), "user"),
    (re.compile(r"group"), "group"),
    (re.compile(r"host|server|domain|ip_address|^ip$|^address$|example\.(com|org|net)|^\d+\.\d+\.\d+\.\d+$"), "host"),
    (re.compile(r"package"), "package"),
    (re.compile(r"service|^unit\d*$"), "service"),
    (re.compile(r"branch"), "branch"),
    (re.compile(r"^tag"), "tag"),
    (re.compile(r"message"), "message"),
    (re.compile(r"^variable|^env_var"), "variable"),
    (re.compile(r"replace"), "replacement"),
    (re.compile(r"^command$"), "command"),
    (re.compile(r"^remote(_name)?$"), "gitremote"),
    (re.compile(r"^(text|line|hello)$"), "message"),
    (re.compile(r"pattern|regex|search|string|text|keyword|^word|query|term|expression"), "pattern"),
    (re.compile(r"^(count|lines|number|n|num|amount)\d*$|^number_of"), "count"),
    (re.compile(r"second|interval|delay"), "seconds"),
    (re.compile(r"director|^dir\d*$|folder"), "dir"),
    (re.compile(r"^[\w-]+\.[a-z0-9]{1,5}$"), "file"),  # `{{file.txt}}`
    (re.compile(r"^name\d*$|_name$"), "name"),
)
# The option before a placeholder says what a bare number or `{{n}}` is.
_BY_OPTION = {
    "-n": "count", "--lines": "count", "-c": "count", "--count": "count", "--max-count": "count", "-m": "count",
    "-mtime": "days", "-atime": "days", "-ctime": "days", "-mmin": "minutes", "-amin": "minutes",
    "-cmin": "minutes", "-size": "size", "-p": "port", "--port": "port", "-s": "seconds",
}
# What each placeholder kind takes, best first.
ACCEPTS = {
    "file": ("file", "path", "glob", "name"),
    "dir": ("dir", "path", "name", "glob"),
    "path": ("path", "file", "dir", "glob", "name"),
    "glob": ("glob", "name"),  # a file the request only names is no pattern to search by (`find -name`)
    "url": ("url",),
    "host": ("host", "remote"),
    "port": ("port",),
    "pid": ("pid",),
    "process": ("process", "pattern", "name"),
    "user": ("user", "name"),
    "group": ("group", "name"),
    "package": ("package", "name"),
    "service": ("service", "name"),
    "branch": ("branch", "name"),
    "tag": ("tag", "name"),
    "message": ("message",),
    "variable": ("variable",),
    "pattern": ("pattern",),
    "count": ("count",),
    "seconds": ("seconds",),
    "size": ("size",),
    "days": ("age",),
    "minutes": ("age",),
    "name": ("name",),
    "action": ("action",),
    "replacement": ("replacement",),
    "command": ("command",),
    "gitremote": ("gitremote",),
}
_NUMBERED = re.compile(r"\d")
_PLACES = ("file", "dir", "path")  # where a command looks or acts: never what a search looks for
_TARGET = re.compile(r"target|destination|dest\b|new|output|symlink|link|\bto\b")
_SOURCE = re.compile(r"source|\bsrc\b|input|\bold|original|\bfrom\b")
_SAFE_WORD = re.compile(r"^[\w@%+=:,./~-]+$")
_GLOB_WORD = re.compile(r"^[\w@%+=:,./~*?-]+$")
_STANDALONE = r"(?<![\w.]){}(?![\w.])"


@dataclass
class Filled:
    command: str
    used: int  # how many of the request's values it took
    stated: int  # how many the request states


@dataclass(frozen=True)
class _Slot:
    start: int
    end: int
    inner: str
    kind: str
    many: bool  # `{{path/to/file1 path/to/file2 ...}}`
    quoted: str  # the quote it is inside of in the command ('' for none)
    option: str  # the word before it


def placeholder_kind(inner: str, option: str = "") -> str:
    text = inner.lower().split(" ")[0].replace("[", "").replace("]", "")  # `{{[s]tring}}`
    by_option = _BY_OPTION.get(option)
    if by_option and (re.fullmatch(r"[+-]?\d+|n|count|number|num", text) or by_option in ("days", "minutes", "size")):
        return by_option
    for pattern, kind in _KINDS:
        if pattern.search(text):
            return kind
    return ""


def slot_kinds(command: str) -> set[str]:
    """The kinds of value a command's placeholders take."""
    return {slot.kind for slot in _slots(command) if slot.kind in ACCEPTS}


@functools.lru_cache(maxsize=8192)
def _slots(command: str) -> tuple[_Slot, ...]:
    slots = []
    for match in PLACEHOLDER.finditer(command):
        if "{" in match.group(0)[2:-2]:
            continue  # a pattern (`{{path/to/{a,b}/{x,y}}}`), not a slot
        before = command[: match.start()]
        words = before.split()
        option = words[-1] if words and not before.endswith(("'", '"')) else (words[-1][:-1] if words else "")
        inner = match.group(0)[2:-2]
        quoted = "'" if before.count("'") % 2 else '"' if before.replace('\\"', "").count('"') % 2 else ""
        many = inner.endswith("...") or " " in inner.strip()
        slots.append(_Slot(match.start(), match.end(), inner, placeholder_kind(inner, option), many, quoted, option))
    return tuple(slots)


def _shown(value: Value, slot: _Slot) -> str:
    """The value as it goes into the command: quoted unless the place already quotes it; a glob
    left open where a file list is wanted (`wc -l *.py`), quoted where a program wants the pattern."""
    text = value.text
    if slot.quoted == "'":
        return text.replace("'", "'\\''")
    if slot.quoted:
        return re.sub(r'([\\"$`])', r"\\\1", text)
    if value.kind == "glob" and slot.kind in ("file", "path"):
        return text if _GLOB_WORD.match(text) else shlex.quote(text)
    return text if _SAFE_WORD.match(text) else shlex.quote(text)


def _age(value: Value, slot: _Slot) -> tuple[str, str | None]:
    """An age for `-mtime`-style options: whole days, or minutes with the option changed to `-mmin`."""
    if slot.kind == "days" and value.seconds % 86400 == 0:
        return f"{value.text}{value.seconds // 86400}", None
    minutes = max(1, value.seconds // 60)
    option = slot.option.replace("time", "min") if slot.option.endswith("time") else None
    return f"{value.text}{minutes}", option


def _hint(slot: _Slot, pattern: re.Pattern) -> bool:
    """Whether the placeholder's own name (not its `path/to/`) says target or source."""
    return bool(pattern.search(re.sub(r"^~?/?path/to/", "", slot.inner.lower())))


def _preference(slot: _Slot, value: Value, targets_later: bool) -> tuple[int, int]:
    rank = ACCEPTS[slot.kind].index(value.kind)
    role = 1
    if _hint(slot, _TARGET):
        role = 0 if value.role in ("to", "name") else 2
    elif _hint(slot, _SOURCE) or targets_later:
        role = 2 if value.role in ("to", "name") else 0
    return role, rank


def fill(command: str, values: list[Value], description: str = "") -> Filled:
    """`command` with the values put where they fit."""
    slots = [s for s in _slots(command) if s.kind in ACCEPTS]
    unused = list(values)
    chosen: dict[int, list[Value]] = {}
    hinted = [i for i, s in enumerate(slots) if _hint(s, _TARGET) or _hint(s, _SOURCE)]
    # The narrowest places first: "named README.md" is the `-name` pattern of `find DIR -name PAT`,
    # not the directory to search, which takes a name only when nothing narrower does.
    rest = sorted((i for i in range(len(slots)) if i not in hinted), key=lambda i: len(ACCEPTS[slots[i].kind]))
    order = hinted + rest
    for i in order:
        slot = slots[i]
        targets_later = any(_hint(s, _TARGET) for s in slots[i + 1 :])
        fitting = [v for v in unused if v.kind in ACCEPTS[slot.kind] and not (v.role == "sought" and slot.kind in _PLACES)]
        if _hint(slot, _SOURCE):
            fitting = [v for v in fitting if v.role != "to"]  # "to /backup" is never what is copied
        if not fitting:
            continue
        fitting.sort(key=lambda v: (_preference(slot, v, targets_later), v.at))
        take = [v for v in fitting if v.kind == fitting[0].kind] if slot.many else fitting[:1]
        chosen[i] = take
        for value in take:
            unused.remove(value)
    out = command
    for i in sorted(chosen, reverse=True):
        slot = slots[i]
        if slot.kind in ("days", "minutes"):
            text, option = _age(chosen[i][0], slot)
            out = out[: slot.start] + text + out[slot.end :]
            if option:
                head = out[: slot.start].rstrip()
                out = head[: len(head) - len(slot.option)] + option + out[len(head) :]
            continue
        start = slot.start
        if out[start - 1 : start] == "/" and out[start - 2 : start - 1] in ("", " "):
            start -= 1  # tldr's `/{{path/to/file}}` asks for an absolute path; the request's value is the path
        out = out[:start] + " ".join(_shown(v, slot) for v in chosen[i]) + out[slot.end :]
    swaps = _default_swaps(description, unused, out) if description else []
    for number, value in swaps:
        out = re.sub(_STANDALONE.format(re.escape(number)), value.text, out, count=1)
    out = _name_the_output(out, [v for taken in chosen.values() for v in taken])
    # "here", "in this directory" is where any command runs: left out, it is no value ignored.
    implied = sum(1 for v in unused if v.text == "." and v.role == "in")
    return Filled(out, sum(len(v) for v in chosen.values()) + len(swaps), len(values) - implied)


_OUTPUT = re.compile(r"\{\{(?:[\w/]*/)?(?:target|output|compressed|archive)[\w-]*?((?:\.[a-z0-9]+){1,2})\}\}")


def _name_the_output(command: str, used: list[Value]) -> str:
    """An archive or output file the request does not name is named after what goes in it:
    "pack the src folder into a tar.gz file" → `tar czf src.tar.gz …`."""
    source = next((v for v in used if v.kind in ("dir", "file", "path") and v.role != "to"), None)
    if source is None or source.text in (".", "~", "/"):
        return command
    stem = source.text.rstrip("/").rsplit("/", 1)[-1].split(".")[0]
    if not stem or not _SAFE_WORD.match(stem):
        return command
    return _OUTPUT.sub(lambda m: stem + m.group(1), command, count=1)


@functools.lru_cache(maxsize=8192)
def _stated(description: str) -> tuple[Value, ...]:
    """The numbers a description states (cached: descriptions come back query after query). Most
    state none, and reading one for values is not cheap: only those with a digit or a number word are."""
    if not _NUMBERED.search(description) and not set(WORD.findall(description.lower())) & vocabulary().numbers.keys():
        return ()
    return tuple(v for v in request_values(description) if v.kind in ("count", "port", "seconds", "number") and v.text.isdigit())


def _default_swaps(description: str, unused: list[Value], command: str) -> list[tuple[str, Value]]:
    """(number, value) pairs: a number the description states and the command holds, of a kind
    the request gives a value of ("Show last 5 lines" and "last 20 lines")."""
    swaps = []
    for stated in _stated(description):
        if not re.search(_STANDALONE.format(re.escape(stated.text)), command):
            continue
        value = next((v for v in unused if v.kind == stated.kind), None)
        if value is not None:
            swaps.append((stated.text, value))
            unused.remove(value)
    return swaps

