"""What a filled example still leaves to the user: placeholders its values left open where the
request said what goes there, and values of someone else's the example brings along
(`find /tmp -mtime +30`). nlshell/offline/rank.py weighs an example down for each.
"""

from __future__ import annotations

import re

from nlshell.offline.commands import shell_words
from nlshell.offline.index import ExampleRow
from nlshell.offline.request import Request
from nlshell.offline.seams import BACKUPS
from nlshell.offline.slots import slot_kinds
from nlshell.offline.vocabulary import WORD

CONCRETE = re.compile(r"/|\w\.\w|^\d{2,}$|\d{3,}")


def half_range(read: Request, command: str) -> bool:
    """Whether the command leaves open the end of a range whose start the request said alone:
    "line 240 of dump.sql" is one line, no `sed -n '240,{{last_line}}p'`."""
    return "last_line" in slot_kinds(command) and any(v.kind == "first_line" for v in read.values) and not any(
        v.kind == "last_line" for v in read.values)


def foreign_values(read: Request, row: ExampleRow, command: str) -> int:
    """How many concrete values (paths, file names, numbers) the command holds that the request did
    not give: someone else's (`find /tmp -mtime +30`), to be replaced before it is any use."""
    stated: set[str] | None = None  # read only for a word that looks concrete: most commands have none
    count = 0
    for word in shell_words(command):
        if "{{" in word or word.startswith("-") or not CONCRETE.search(word):
            continue
        if stated is None:
            stated = {v.text for v in read.values} | set(read.words) | set(WORD.findall(row.description.lower()))
        word = _without_backup_suffix(word)  # `notes.txt.bak`: the request's notes.txt, kept aside
        if word not in stated and not (set(WORD.findall(word.lower())) <= stated):
            count += 1
    return min(count, 3)


def _without_backup_suffix(word: str) -> str:
    suffix = word[word.rfind(".") :] if "." in word else ""
    return word.removesuffix(suffix) if suffix in BACKUPS else word
