"""How a value is written into the place an example has for it: quoted as the shell and the
place need (`grep 'two words'`, `s/http:\\/\\//…/` inside sed), a glob left open where files are
listed (`wc -l *.py`), a length of time in the placeholder's unit (`shutdown +{{minutes}}`), a
script here by its path (`./backup.sh`), a shell by where this system keeps it. Called by
nlshell/offline/slots.py once it has chosen each placeholder's values.
"""

from __future__ import annotations

import re
import shlex
from typing import Protocol

from nlshell.offline import arithmetic, clock, levels
from nlshell.offline.value import Value


class _Place(Protocol):
    """What of a placeholder (nlshell/offline/slots.py) says how a value is written into it."""

    kind: str
    inner: str
    quoted: str
    option: str
    bc: bool
    logs_in: bool
    in_sed: bool

UNITS = {"in_minutes": 60, "in_hours": 3600}  # a length of time written in these units
_OFFSET = re.compile(r"[+-]\d+[+-]\d+$")  # a geometry's offset: 640x480+0+0
_SAFE_WORD = re.compile(r"^[\w@%+=:,./~-]+$")
_GLOB_WORD = re.compile(r"^[\w@%+=:,./~*?-]+$")


_PLACES = frozenset({"path", "dir", "file"})
_SPANS = (("weeks", 604800), ("d", 86400), ("h", 3600), ("min", 60), ("s", 1))


def span(seconds: int) -> str:
    """A length of time as systemd writes one (`journalctl --vacuum-time=2weeks`), in its largest
    whole unit."""
    count, unit = clock.in_largest_unit(seconds, _SPANS) or (seconds, "s")
    return f"{count}{unit}"


def written(value: Value, slot: _Place) -> str:
    """The value as it goes into the command: quoted unless the place already quotes it; a glob
    left open where a file list is wanted (`wc -l *.py`), quoted where a program wants the pattern;
    a length of time in the placeholder's unit (`shutdown +{{minutes}}`)."""
    text = str(value.seconds // UNITS[slot.kind]) if slot.kind in UNITS else value.text
    if slot.kind == "schedule" and value.kind == "seconds":
        text = clock.cron(value.seconds)
    elif slot.kind == "span":
        text = span(value.seconds)
    elif slot.kind == "count" and value.kind == "size":
        text = text.removesuffix("c")  # `head -c 64`: bytes are the count's unit
    elif slot.kind == "extension":
        text = text[2:]
    elif slot.kind == "level":
        text = levels.shown(text, slot.inner)
    elif slot.kind == "command" and value.kind == "file" and not text.startswith(("/", "~", ".")):
        text = "./" + text  # a script here runs by its path
    elif slot.kind == "expression":
        text = arithmetic.for_program(text, slot.bc)
    elif slot.kind == "url" and value.kind == "host":
        text = f"http://{text}:{value.port}" if value.port else "https://" + text  # a port said: a service of one's own
    elif slot.kind == "geometry" and _OFFSET.search(slot.inner) and not _OFFSET.search(text):
        text += _OFFSET.search(slot.inner).group()  # `-crop 400x300+0+0`: without its offset, crop cuts tiles
    elif value.kind == "device" and "/" not in text:
        text = "/dev/" + text  # "sdc1": the partition's device file
    elif value.login and slot.logs_in:
        text = f"{value.login}@{text}"  # `ssh pi@raspberrypi.local`; `{{user}}@{{host}}` has its own user
    if value.kind == "shell" and "/" not in text:
        return f'"$(which {text})"'  # the shell's path wherever this system keeps it
    if slot.in_sed:  # "replace every http:// with https://": `s/http:\/\//https:\/\//g`
        text = re.sub(r"[\\/&]" if slot.kind == "replacement" else r"[\\/]", lambda m: "\\" + m.group(), text)
    if value.kind == "expansion":  # `$TOKEN` expands only outside single quotes
        return {"'": f"'\"{text}\"'", '"': text}.get(slot.quoted, f'"{text}"')
    if value.kind == "character" and not slot.quoted:
        return f"'{text}'" if text != "'" else '"\'"'  # `tr '\n' ','`: a character always quoted, as tr is written
    # a tilde in quotes stays a tilde: `export PATH="$PATH:~/bin"` adds a folder named ~ (as does the
    # line echoed into a startup file), so where the quotes expand a variable beside it the home folder
    # is said as $HOME (a line written as it is, `echo '~/x' >> .gitignore`, keeps it)
    home = "$HOME" if slot.quoted and "$" in slot.option and "$(" not in slot.option and value.kind in _PLACES and (
        text == "~" or text.startswith("~/")
    ) else ""  # inside `$(…)` the shell reads it anew: `"@reboot $(realpath ~/sync.sh)"` expands
    if home:
        text = text[1:]
    if slot.quoted == "'":
        return home + text.replace("'", "'\\''")
    if slot.quoted:
        return home + re.sub(r'([\\"$`])', r"\\\1", text)
    if slot.kind == "expression" and slot.option.endswith("$(("):
        return text  # digits and operators: the shell's arithmetic reads them as they are
    if value.kind == "command" and slot.kind == "command":
        return text  # "rerun df -h every 2 seconds": the command as the request wrote it (`watch -n 2 df -h`)
    if value.kind == "glob" and slot.kind in ("file", "path", "dir"):
        return text if _GLOB_WORD.match(text) else shlex.quote(text)
    return text if _SAFE_WORD.match(text) else shlex.quote(text)
