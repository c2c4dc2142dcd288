"""Fill an example's placeholders with the values the request states.

"called photos" → `mkdir photos`; "port 5432" → `lsof -i :5432`; "last 20 lines" → `tail -n 20`;
"bigger than 1 gigabyte" → `find . -size +1G`; "older than 7 days" → `-mtime +7`; "python files"
→ `-name '*.py'`. A placeholder's kind comes from its own words (`{{path/to/file}}`, `{{port}}`) or
the option before it (`-mtime {{…}}`); a value goes only where its kind fits, in the order the
request states them, except that a target (`{{path/to/target}}`, `{{path/to/symlink}}`, else the
last of a copy's places) takes the value the request gives a target ("to b.txt", "called latest"),
and nothing else when the request gives one. A place keeps its side of a copy (a local file is no
`{{path/to/remote_file}}`), a nested path goes only where `mkdir` makes parents. What the request
states beyond the placeholders (a number the description states, find's tests) is put in by
nlshell/offline/extend.py. What nothing fills stays `{{…}}`, so the menu's edit step still lands
on it.

Placeholder names and what fills them, beyond places (`{{path/to/…}}`), `{{user}}`, `{{group}}`,
`{{package}}`, `{{branch}}`, `{{container_name}}` and `{{image}}` (a name the request types so: "the
container web1", "the image alpine"), `{{remote_name}}`, `{{variable}}`, `{{command}}`: `{{commit}}` a
hash or `HEAD~2`; `{{time}}` (or `{{hh:mm}}`, `{{23:00}}`) a time of day as `23:00`; `{{schedule}}`
(or five cron fields, `{{0 3 * * *}}`) a schedule as cron fields, "every day at 3am" →
`0 3 * * *`, "every 5 minutes" → `*/5 * * * *`; `{{alias_name}}` (or any placeholder after
`alias`); `{{value}}` a variable's value ("set JAVA_HOME to /opt/jdk-21"); `{{text}}` a text to
encode or echo ("the text hello world", a quoted string); `{{length}}` a count of characters;
`{{width}}` pixels; `{{first_line}}` / `{{last_line}}` a line range; `{{expression}}` a calculator's
sum ("1512 divided by 8" → `1512/8`), never a word; `{{key}}` a key of a JSON or YAML file; `{{database_name}}` and `{{table_name}}` a database or table the
request names so ("the shop db", "the users table"). `{{command}}` also takes a
script the request runs ("run backup.sh at 11pm" → `./backup.sh`), never a place it writes.
`{{path/to/device_file}}` takes a disk or partition (`sdc1` → `/dev/sdc1`); `{{find_character}}`
a character by its name ("newlines" → `'\\n'`); a range `-{{1..9}}` a compression level
(nlshell/offline/levels.py); `\\.{{old}}` the extension a glob names (`*.txt` → `txt`). A pattern is
never where things go: `mv *.txt *.md` is no rename, so a glob fills no target nor written place. A service, process,
command, package or user placeholder nothing fills takes a name the request says without a word
that says what it is ("make postgresql start on boot"; nlshell/offline/names.py).
"""

from __future__ import annotations

import collections
import functools
import re
import threading
from dataclasses import dataclass, replace

from nlshell.offline import amounts, arithmetic, clock, joined, places, versions
from nlshell.offline.accepts import ACCEPTS
from nlshell.offline.commands import PLACEHOLDER, literal_words, programs, says_value
from nlshell.offline.extend import complete, stated_kinds
from nlshell.offline.names import take_loose
from nlshell.offline.placeholders import placeholder_kind
from nlshell.offline.seams import EXTENSION, seam
from nlshell.offline.software import is_software
from nlshell.offline.written import UNITS, written
from nlshell.offline.typedfiles import by_extension, could_be_key, is_key_place, mismatched, other_language
from nlshell.offline.values import Value, request_values

# a package manager's install or removal, its options before the package: it takes many packages
_INSTALLING = re.compile(
    r"\b(?:apt|apt-get|aptitude|dnf|yum|zypper|pip3?|pipx|npm|pnpm|yarn|brew|gem|cargo|snap|apk|pacman)"
    r"\s+(?:install|reinstall|remove|uninstall|purge|add|-S|-R|-Rs)(?:\s+-[-\w=]+)*\s+$"
)
_PLACES = ("file", "dir", "path", "link")  # where a command looks or acts: never what a search looks for
_REMOTE_SLOTS = ("host", "container", "pod")  # the other side of a copy: `{{host}}:{{path}}`, `{{container_name}}:{{path}}`
_TARGET = re.compile(r"target|destination|dest\b|new|output|symlink|link|\bto\b")
_SOURCE = re.compile(r"source|\bsrc\b|input|\bold|original|\bfrom\b")
_BASE = re.compile(r"base|start|upstream|parent", re.I)
_BARE_NAME = re.compile(r"[\w][\w.-]*")  # `web`, `data2`: a name said "to", no place (`/srv/web`, `~/x`)
_SCRIPT = re.compile(r"\.(sh|bash|zsh|fish|py|pl|rb|js|php)$")  # a file that is a command to run: backup.sh
_REDIRECTS = (">", ">>", "1>", "2>", "&>")
_READS_ALL_FIRST = ("sort ",)  # `sort x -o x` reads all of x before it writes
_SED_PART = re.compile(r"(?:^|[\s'\"])s/(?:\{\{[^}]*\}\}/)?$")  # `sed 's/{{pattern}}/{{replacement}}/g'`
_AT_HOST = re.compile(r"\S:$")  # `{{host}}:{{path}}`, `user@host:{{path}}`: a place on another host
_BYTES = re.compile(r"\d+c")  # a size in bytes, as amounts.py writes it
_BYTE_COUNTS = frozenset({"-c", "-n", "--bytes", "-l", "-s"})  # `head -c`, `hexdump -n`, `xxd -l`, `od -N`


@dataclass
class Filled:
    command: str
    used: float  # how many of the request's values it took (one added as a find test counts half)
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
    side: str  # for a place: "remote" (`{{host}}:{{path}}`, `{{path/to/remote_file}}`), "local", or ""
    parentless: bool  # a directory `mkdir` makes without `-p`: its parents must exist
    searched: bool  # where find starts: a directory, never a pattern (find adds `-name` for that)
    bc: bool  # the command calculates with bc, which writes a power `^`
    logs_in: bool  # a host a program logs in to (`ssh {{host}}`): it takes `user@host`
    in_sed: bool  # inside sed's `s/…/…/`, whose slashes end the pattern and the replacement
    dirs_only: bool  # in a `find` that looks for directories only (`-type d`)
    way: str = ""  # for a host or container before a place (`{{host}}:{{path}}`): "from" when it comes first, else "to"


def slot_kinds(command: str) -> set[str]:
    """The kinds of value a command's placeholders take, and what it states takes (a log's window)."""
    return {slot.kind for slot in _slots(command) if slot.kind in ACCEPTS} | stated_kinds(command)


@functools.lru_cache(maxsize=8192)
def _slots(command: str) -> tuple[_Slot, ...]:
    slots = []
    for match in PLACEHOLDER.finditer(command):
        inner = match.group(0)[2:-2]
        if "{" in inner and not (inner.startswith('{"') and inner.count("{") == 1):
            continue  # a pattern (`{{path/to/{a,b}/{x,y}}}`), not a slot; `{{{"name": "value"}}}` is a JSON body
        before = command[: match.start()]
        words = before.split()
        option = words[-1] if words and not before.endswith(("'", '"')) else (words[-1][:-1] if words else "")
        quoted = "'" if before.count("'") % 2 else '"' if before.replace('\\"', "").count('"') % 2 else ""
        kind = placeholder_kind(inner, option)
        if kind == "path" and command[match.end() : match.end() + 1] == "/":
            kind = "dir"  # `rsync -av {{path/to/source}}/ …`: a folder's contents, never a file's
        many = inner.endswith("...") or (" " in inner.strip() and kind not in ("schedule", "datetime")) or (  # `{{2024-06-01 09:00}}` is one
            kind == "package" and bool(_INSTALLING.search(before)) and command[match.end() : match.end() + 1] in ("", " ")
        )  # `apt install {{package}}` installs as many as said; `{{package}}={{version}}` pins one
        side = ""
        if kind in _PLACES:
            side = "remote" if "remote" in inner or _AT_HOST.search(before) else "local" if "local" in inner else ""
        searched = bool(re.search(r"(?:^|[\s;&|(])find(?:\s+-[HLP])*\s+$", before))
        bc = kind == "expression" and "bc" in programs(command)
        logs_in = kind == "host" and not option.endswith("@") and bool(joined.LOGINS & set(programs(command)))
        in_sed = bool(_SED_PART.search(before))
        dirs_only = bool(re.search(r"\bfind\b[^|;&]*-type\s+d\b", command))
        slots.append(_Slot(
            match.start(), match.end(), inner, kind, many, quoted, option, side, _parentless(before), searched, bc, logs_in,
            in_sed, dirs_only,
        ))
    slots = places.ways(command, slots, _PLACES, _REMOTE_SLOTS)
    if any(slot.side == "remote" for slot in slots):  # `scp {{path/to/file}} {{host}}:{{path}}`: the other is here
        slots = [replace(slot, side="local") if slot.kind in _PLACES and not slot.side else slot for slot in slots]
    return tuple(slots)


def _parentless(before: str) -> bool:
    """Whether a placeholder after `before` is a directory `mkdir` makes without `-p`."""
    words = re.split(r"[\s;&|(]+", before)
    if "mkdir" not in words:
        return False
    options = words[len(words) - words[::-1].index("mkdir") :]
    return not any(w == "--parents" or (w.startswith("-") and not w.startswith("--") and "p" in w) for w in options)


def _hint(slot: _Slot, pattern: re.Pattern) -> bool:
    """Whether the placeholder's own name (not its `path/to/`) says target or source."""
    return _named(slot.inner, pattern)


@functools.lru_cache(maxsize=4096)
def _named(inner: str, pattern: re.Pattern) -> bool:  # asked again and again of the same placeholders
    return bool(pattern.search(re.sub(r"(?:^|\s)~?/?path/to/", " ", inner.lower())))


def takes(kind: str, value: Value) -> bool:
    """Whether a placeholder of `kind` may ever take the value, wherever it is in a command
    (`kill {{pid}}` takes a number; a process by its name is pkill's; a place under /dev/ is a device)."""
    if kind == "device" and value.kind in _PLACES and value.text.startswith("/dev/"):
        return True  # "the UUID of /dev/sda2": `blkid {{/dev/sdX1}}` takes it, as a page that may answer
    return value.kind in ACCEPTS[kind] and not (kind == "pid" and value.kind == "process" and not value.text.isdigit())


def _fits(slot: _Slot, value: Value, target: bool | None, target_stated: bool) -> bool:
    """Whether the value may go into the placeholder: of a kind it takes (a copy's target, a
    file, also takes the directory the request copies "to"); not what a search looks for in a
    place; a target ("to /backup") only in the command's target (`target`: None when the command
    has no telling which place that is) and, when the request states one, nothing else there; on
    the same side of a copy; a nested path only where `mkdir` makes parents; a length of time only
    in whole units."""
    if not takes(slot.kind, value) and not (
        (target and slot.kind == "file" and value.kind == "dir" and value.role == "to")
        or (slot.kind == "link" and value.kind in _PLACES and value.role in ("to", "name"))
        or (slot.kind == "database" and value.kind == "path" and value.role == "to" and value.text.isidentifier())
        or (slot.kind == "name" and value.kind == "path" and value.role == "to" and _hint(slot, _TARGET) and _BARE_NAME.fullmatch(value.text))
        or (slot.kind == "image" and value.kind == "command" and " " not in value.text and is_software(value.text))
        or (slot.kind == "count" and value.kind == "size" and _BYTES.fullmatch(value.text) and slot.option in _BYTE_COUNTS)
    ):  # "restore backup.dump into newdb": the database it goes into; "rename container old_web to web": its new name;
        # "run nginx detached": the nginx image;
        # "the first 64 bytes": a count of bytes (`head -c 64`, `hexdump -n 64`)
        return False
    if value.kind == "file" and (mismatched(slot.inner, value.text) or other_language(slot.option, slot.inner, value.text)):
        return False  # "resume the ubuntu.iso download" is no `wget -i {{path/to/URLs.txt}}`
    if value.kind == "key" and value.role == "path" and slot.option not in ("'.", '".', "."):
        return False  # `.items[].id` as said is the whole path from the top: `jq '.{{key}}'`, never `jq '.[].{{key}}'`
    if value.kind in ("path", "dir", "glob", "name") and slot.kind in ("file", "path") and is_key_place(slot.inner) and not could_be_key(value.text):
        return False  # "SMART health of /dev/nvme0" is no `curl -E {{client.pem}}`
    if slot.kind == "file" and value.text in (".", ".."):
        return False  # "into this folder" is where an archive is opened, never a file's name (`tar -czf .`, `tar -uf x .`)
    if value.role == "start" and not (slot.kind == "commit" or (slot.kind == "branch" and _BASE.search(slot.inner))):
        return False  # "new branch feature/login off main": main is where it starts (`{{commit}}`), never the one made or renamed
    if value.role == "out":
        return False  # "grep TODO but not in node_modules": what is left out is no operand (excluded.py writes it)
    if (slot.kind in _PLACES and value.role == "sought") or (slot.searched and value.kind == "glob"):
        return False
    if value.kind == "glob" and slot.kind in _PLACES and (target or _written(slot)):
        return False  # `mv *.txt *.md` moves every file onto the last one: a pattern is never where things go
    if value.role == "to" and slot.kind in _PLACES and (_hint(slot, _SOURCE) or target is False):
        return False  # "to /backup" is never what is copied
    if _written(slot) and (value.role == "run" or (_SCRIPT.search(value.text) and value.role not in ("to", "name"))):
        return False  # "run backup.sh in the background": a script is run, never written to
    if target_stated and target and value.role != "to" and slot.kind in _PLACES:
        return False  # "copy site to /var/www": `site` is not where things go
    if slot.way and value.role in ("from", "to") and slot.way != value.role:
        return False  # "into the container web" is no `docker cp web:{{path}} .`
    if slot.side and value.side and slot.side != value.side:
        return False  # a local file is no `{{path/to/remote_file}}`
    if slot.parentless and value.nested:
        return False  # `mkdir a/b/c` fails where `a/b` is missing
    if slot.kind == "extension":
        return bool(re.fullmatch(r"\*\.\w+", value.text))
    if value.kind in ("glob", "name") and slot.dirs_only and re.search(r"\.\w{1,5}$", value.text):
        return False  # "every pdf", "where's docker-compose.yml": files, never what `find -type d` looks for
    if slot.kind == "schedule" and value.kind == "seconds":
        return bool(clock.cron(value.seconds))
    if slot.kind == "expression" and not slot.bc and arithmetic.bc_only(value.text):
        return False  # `echo $((sqrt(144)))` is no sum the shell reads
    if slot.kind == "command" and value.kind == "file" and not (value.role == "run" and (_SCRIPT.search(value.text) or value.text.startswith("./"))):
        return False  # only a script or ./program the request runs: `which main.py` is no answer to "the full path of main.py"
    return slot.kind not in UNITS or (value.seconds > 0 and value.seconds % UNITS[slot.kind] == 0)


def _written(slot: _Slot) -> bool:
    """Whether a place is one the command writes: a target (`{{output.log}}`) or a redirection's."""
    return slot.kind in _PLACES and (_hint(slot, _TARGET) or slot.option in _REDIRECTS)


def _targets(slots: list[_Slot]) -> set[int]:
    """Which places are where things go: those named so (`{{path/to/target}}`), else the last of
    two or more (`cp {{a}} {{b}}`, `scp {{file}} {{host}}:{{path}}`); none for a single place."""
    places = [i for i, s in enumerate(slots) if s.kind in _PLACES]
    named = {i for i in places if _hint(slots[i], _TARGET)}
    return named or ({places[-1]} if len(places) > 1 else set())


def _place_after(command: str, slot: _Slot) -> bool:
    """Whether the example names a place after this one (`cp {{file}} ~/Desktop`): there things go,
    so the placeholder is what is copied, never "to backup"."""
    rest = PLACEHOLDER.sub(" ", re.split(r"[|;&>]", command[slot.end :], maxsplit=1)[0]).split()
    return slot.kind in _PLACES and any(re.match(r"~|/|\.{1,2}/|\$HOME", word) for word in rest)




def _preference(slot: _Slot, value: Value, targets_later: bool) -> tuple[int, int, int, int]:
    """Which value a placeholder takes first: by role (a target takes "to x"), then one of the
    type the placeholder names (`{{path/to/compressed.zip}}` takes release.zip before src), then
    by the kinds it accepts."""
    accepted = ACCEPTS[slot.kind]
    rank = accepted.index(value.kind) if value.kind in accepted else len(accepted)
    typed = EXTENSION.search(slot.inner.lower()) if slot.kind in _PLACES else None
    other_type = int(bool(typed) and not value.text.lower().endswith(typed.group(1)))
    if slot.kind in _PLACES and slot.inner.rsplit("/", 1)[-1].lower() == value.text.lower():
        other_type = -1  # `{{path/to/SHA256SUMS}}` takes SHA256SUMS before ubuntu.iso
    role = 1
    if _hint(slot, _TARGET):
        role = 0 if value.role in ("to", "name") else 2 if value.role == "from" else 1
    elif _hint(slot, _SOURCE) or targets_later:
        role = 2 if value.role in ("to", "name") else 0 if value.role == "from" else 1  # "the same mode as a.sh": the model
    elif slot.kind == "size":
        role = 0 if value.role == "to" else 1  # "journal is 4G, trim it to 500M": `--vacuum-size=500M`
    elif slot.kind == "branch" and _BASE.search(slot.inner):
        role = 0 if value.role == "to" else 1  # "rebase my feature branch onto main": `git rebase {{base_branch}}` takes main
    unaddressed = int(slot.kind == "host" and not _ADDRESS.search(value.text))  # 192.168.1.40 before "the scary host"
    if slot.kind == "host" and _IP_SLOT.search(slot.inner):
        unaddressed = int(not _IP.fullmatch(value.text))  # `{{ip_address}} {{hostname}}`: "point myapp.local at 10.0.0.5"
    return role, other_type, unaddressed, rank


_IP = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_IP_SLOT = re.compile(r"(?:^|_)ip(?:_|$)|^ip_?address", re.I)
_ADDRESS = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$|\.[a-z]{2,}$|\d", re.I)  # an IP, a domain, a numbered machine


def fill(command: str, values: list[Value], description: str = "") -> Filled:
    """`command` with the values put where they fit."""
    placed = _placed(command, values)
    chosen, slots, unused = placed.chosen, placed.slots, list(placed.unused)  # `complete` takes from `unused`
    out, taken = complete(command, placed.out, description, unused, [v for taken in chosen.values() for v in taken])
    # "here", "in this directory" is where any command runs: left out, it is no value ignored.
    implied = sum(1 for v in unused if v.text == "." and v.role == "in")
    # A value the example already says (`service {{name}} status` for "the status of ssh") is taken.
    said = literal_words(command)
    taken += sum(1 for v in unused if says_value(command, said, v) and not (v.text == "." and v.role == "in"))
    used = placed.used + taken + joined.logged_in(slots, chosen, unused)
    return Filled(out, used, placed.stated - implied)  # a package's version put in its own place counts as the package


_NUMBER_SLOT = re.compile(r"\{\{(\d+)\}\}")
_AMOUNTS = frozenset({"number", "count", "seconds"})  # how many, how long; "march" (month 3) is no 3 days


def said_defaults(command: str, request: str) -> str:
    """`command` (an answer, ranked) with each number placeholder left open (`ServerAliveInterval={{60}}`)
    that the request says as it stands ("a keepalive every 60 seconds") filled in. The ranking never
    sees it: a number the request says twice is not two values used."""
    if not _NUMBER_SLOT.search(command):
        return command
    amounts = _said_amounts(request)
    for match in reversed(list(_NUMBER_SLOT.finditer(command))):
        if match.group(1) in amounts:
            command = command[: match.start()] + match.group(1) + command[match.end() :]
    return command


@functools.lru_cache(maxsize=64)
def _said_amounts(request: str) -> frozenset[str]:
    """The numbers the request says as amounts: read once for all of its answers."""
    return frozenset(v.text for v in request_values(request) if v.kind in _AMOUNTS)


@dataclass
class _Placed:
    """What filling a command does before its description is read (nlshell/offline/extend.py's part)."""
    out: str
    slots: list[_Slot]
    chosen: dict[int, list[Value]]
    unused: tuple[Value, ...]
    used: float
    stated: int


class _PlacedMemo(threading.local):
    """A lookup fills each of its candidate commands once per description, and a page's examples
    share commands (`git rebase {{base_branch}}` under four descriptions): the placing is the same
    for one list of values, so it is kept until another list comes (per thread: an evaluation looks
    up in several)."""

    values: list[Value] | None = None
    by_command: dict[str, _Placed]

    def get(self, command: str, values: list[Value]) -> _Placed:
        if self.values is not values:
            self.values, self.by_command = values, {}  # holding the list keeps its id from being reused
        placed = self.by_command.get(command)
        if placed is None:
            placed = self.by_command[command] = _place(command, values)
        return placed


_MEMO = _PlacedMemo()


def _placed(command: str, values: list[Value]) -> _Placed:
    return _MEMO.get(command, values)


def _place(command: str, values: list[Value]) -> _Placed:
    slots = [s for s in _slots(command) if s.kind in ACCEPTS]
    stated = len(values)
    values, inline = versions.placed(command, {slot.kind for slot in slots}, values)
    unused = list(values)
    chosen: dict[int, list[Value]] = {}
    hinted = [i for i, s in enumerate(slots) if _hint(s, _TARGET) or _hint(s, _SOURCE)]
    # The narrowest places first: "named README.md" is the `-name` pattern of `find DIR -name PAT`,
    # not the directory to search, which takes a name only when nothing narrower does.
    rest = sorted((i for i in range(len(slots)) if i not in hinted), key=lambda i: len(ACCEPTS[slots[i].kind]))
    order = hinted + rest
    targets = _targets(slots)
    target_stated = any(v.role == "to" and v.kind in ACCEPTS["path"] for v in values)
    said_times = collections.Counter(v.text for v in values)
    typed = {i: m.group(1) for i, s in enumerate(slots)
             if s.kind in _PLACES and not s.many and (m := EXTENSION.search(s.inner.lower()))}
    chosen.update(by_extension(typed, {i: ACCEPTS[slots[i].kind] for i in typed}, unused))  # "import customers.csv into crm.db"
    # a placeholder said again is the same thing (`cp {{path/to/file}} {{path/to/file}}.bak`): filled once, below
    repeated = {i for i, slot in enumerate(slots) if any(other.inner == slot.inner for other in slots[:i])}
    for i in order:
        if i in chosen or i in repeated:
            continue
        slot = slots[i]
        targets_later = any(_hint(s, _TARGET) for s in slots[i + 1 :])
        target = (i in targets) if targets else (False if _place_after(command, slot) else None)
        fitting = [v for v in unused if _fits(slot, v, target, target_stated)]
        if _written(slot) and (slot.option in _REDIRECTS or not command.startswith(_READS_ALL_FIRST)):
            fitting = [v for v in fitting if said_times[v.text] == 1]  # "gzip huge.log, don't delete huge.log": a file
            # said twice is what the command acts on, never where it writes (`> huge.log` is emptied first)
        if not fitting:
            continue
        fitting.sort(key=lambda v: (_preference(slot, v, targets_later), v.at))
        if slot.kind in _PLACES and not slot.many and _hint(slot, _TARGET) and fitting[0].role not in ("to", "name"):
            fitting = _unsaid_target(slots, i, chosen, fitting)
            if not fitting:
                continue
        take = [v for v in fitting if v.kind == fitting[0].kind] if slot.many else fitting[:1]
        take = list({v.text: v for v in reversed(take)}.values())[::-1]  # a name said twice goes in once
        chosen[i] = take
        for value in take:
            if slot.kind != "extension":  # `*.txt` says the extension and the files too
                unused.remove(value)
    loosely = take_loose(command, slots, chosen, values)
    for i, slot in enumerate(slots):  # `git tag {{tag}} && git push origin {{tag}}`: the same tag twice
        if i not in chosen and (same := next((j for j in chosen if slots[j].inner == slot.inner), None)) is not None:
            chosen[i] = chosen[same]
    joined.unhosted(slots, chosen, unused)
    joined.remotes_split(command, slots, chosen)
    hosted = joined.hosts_joined(command, slots, chosen, unused)
    foldered = joined.folders_joined(slots, chosen, unused)
    out = command
    dropped = _arguments_of_named(command, [slots[i] for i in chosen if chosen[i][0].role == "run"])
    places: list[tuple[int, int | _Slot]] = [(slots[i].start, i) for i in chosen] + [(s.start, s) for s in dropped]
    for _, i in sorted(places, key=lambda place: place[0], reverse=True):  # the last first: earlier offsets hold
        if isinstance(i, _Slot):
            out = out[: i.start].rstrip() + out[i.end :]  # the named command has its arguments
            continue
        slot = slots[i]
        if slot.kind in ("days", "minutes"):
            text, option = amounts.aged(chosen[i][0], slot.kind, slot.option)
            out = out[: slot.start] + text + out[slot.end :]
            if option:
                head = out[: slot.start].rstrip()
                out = head[: len(head) - len(slot.option)] + option + out[len(head) :]
            continue
        shown = [hosted.get(id(v), "") + foldered.get(id(v), "") + written(v, slot) + inline.get(id(v), "") for v in chosen[i]]
        start, end, shown = seam(out, slot.start, slot.end, slot.kind, slot.inner, shown)
        out = out[:start] + " ".join(shown) + out[end:]
    out = _UNSAID_LOGIN.sub("", out)  # `scp x web1:/tmp`: a login left open before a host said is the user's own
    out = _EMPTY_QUOTES.sub(r"\1", out)  # `'Bearer '"$TOKEN"''`: the empty quotes after an expansion left out
    used = len({id(v) for taken in chosen.values() for v in taken}) - loosely + bool(hosted) + len(foldered)
    used -= sum(id(v) == id(values[-1]) for taken in chosen.values() for v in taken) if len(values) > stated else 0
    return _Placed(out, slots, chosen, tuple(unused), used, stated)


_UNSAID_LOGIN = re.compile(r"\{\{(?:[\w/]*_)?user(?:name)?\}\}@(?=(?:[\w.-]+@)?[\w.-]+(?::|\s|$))")
_EMPTY_QUOTES = re.compile(r"(\"\$\{?\w+\}?\")''(?=\s|$)")
_ARGUMENTS = re.compile(r"^(?:arg(?:ument)?s?\d*\s*)+(?:\.\.\.)?$")


def _arguments_of_named(command: str, run: list[_Slot]) -> list[_Slot]:
    """The arguments placeholders right after a command the request names whole ("start
    nightly_sync.sh in the background": `nohup {{executable}} {{argument1 argument2 ...}} &` needs
    none)."""
    if not run:
        return []
    ends = {slot.end for slot in run}
    found = []
    for slot in _slots(command):
        before = command[: slot.start].rstrip()
        if _ARGUMENTS.match(slot.inner.strip()) and len(before) in ends and before != command[: slot.start]:
            found.append(slot)
    return found


def _unsaid_target(slots: list[_Slot], i: int, chosen: dict[int, list[Value]], fitting: list[Value]) -> list[Value]:
    """What a target placeholder takes when the request says no target and the command has other
    places: the last of the request's places ("copy a.txt b.txt"), and only when one is left for
    each other place (`cwebp {{image}} -o {{output}}` with photo.jpg alone reads photo.jpg, it
    does not write it); none when another place takes a list: every file said goes there."""
    if slots[i].kind == "link" and (links := [v for v in fitting if v.kind == "link"]):
        return links  # "make a symlink current pointing to releases/v2.3": the link the request calls one
    open_places = [s for j, s in enumerate(slots) if j != i and j not in chosen and s.kind in _PLACES and not _hint(s, _TARGET)]
    if any(s.many for s in open_places):
        return []  # `pdfunite {{file1.pdf file2.pdf ...}} {{output.pdf}}`: "merge a.pdf and b.pdf" wrote over b.pdf
    others = len(open_places)
    if not others:
        return fitting
    return sorted(fitting, key=lambda v: -v.at) if len(fitting) > others else []
