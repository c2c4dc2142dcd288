"""Names a request says without a word that says what they are: "make postgresql start on boot",
"how much memory is chrome using", "where does the python3 binary live", "ngnix needs a restart".

Nothing in such a sentence makes the word a service, a process or a command, so it is no value of
the request (an example that ignores it loses nothing); it is a loose name, which only a name-like
placeholder nothing else fills takes (nlshell/offline/slots.py). A word is a loose name when it is
no word of the sentence's own (stop word, verb, a word that introduces a value, "everything") and
either is well-known software (`is_software`: the word table's `software` and `daemons` lines), a
program with digits in its name (`python3`), or a word no indexed description uses (`jake`, `gco`).
An everyday word ("drive", "binary", "viewer") never is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from nlshell.offline.commands import first_program, literal_words
from nlshell.offline.software import is_software
from nlshell.offline.value import Value
from nlshell.offline.vocabulary import Vocabulary, phrase_words, vocabulary

_LETTERS_AND_DIGITS = re.compile(r"^(?=.*[a-z])(?=.*\d)[a-z][a-z0-9_.-]*$")
_NAME = re.compile(r"^[a-z][\w.-]*$")
# Disks and partitions by the names the kernel gives them: sdc1, nvme0n1p2, mmcblk0p1.
DEVICE = re.compile(r"^(?:[shv]d[a-z]|xvd[a-z])\d*$|^nvme\d+n\d+(?:p\d+)?$|^mmcblk\d+(?:p\d+)?$")
# The placeholders a loose name may fill: those that name a thing, never a place or a pattern.
NAME_SLOTS = frozenset({"service", "process", "command", "package", "user", "database"})
# … and those a loose name takes only when made like one of theirs: a commit's hash (`abc123`), a
# machine's name with digits (`web3`, `db-02`).
SHAPED_SLOTS = {
    "commit": re.compile(r"^(?=[a-f0-9]*\d)(?=[a-f0-9]*[a-f])[a-f0-9]{6,40}$"),
    "host": re.compile(r"^(?=.*[a-z])(?=.*\d)[a-z][a-z0-9-]*$"),
}


def loose_names(
    tokens: list[str],
    lower: list[str],
    taken: Collection[int],
    plain: Callable[[str], bool],
    known: Callable[[str], bool],
    program: Callable[[str], bool],
    table: Vocabulary,
) -> list[Value]:
    """The request's loose names, in the order it says them: words no value took that `plain`
    allows as a name, that are no word of the table's kinds (a file type, a unit, a number), and
    that are software, a `program` with digits in its name (`python3`; `sha256` is a word), or
    unknown to the index (`known`)."""
    found = []
    for i, low in enumerate(lower):
        if i in taken or not _NAME.fullmatch(low) or not plain(low) or low.endswith("."):
            continue
        if is_software(low) or (_LETTERS_AND_DIGITS.fullmatch(low) and program(low)) or not (known(low) or _said(low, table)):
            found.append(Value("name", tokens[i], i, "loose", words=(low,)))
    return found


def language_word(low: str, table: Vocabulary) -> bool:
    """Whether the table knows the word as one of the language's (see `_said`), or it says a time or an order."""
    return _said(low, table) or low in _ORDER_WORDS


_ORDER_WORDS = frozenset("last first next previous newest oldest latest today yesterday tomorrow now".split())


def _said(low: str, table: Vocabulary) -> bool:
    """Whether the table knows the word as a word of the language: a type, unit, number, ordinal,
    a word it respells or counts as another."""
    return low in phrase_words() or (
        low in table.types or low in table.sizes or low in table.times or low in table.numbers
        or low in table.ordinals or low in table.spelling or low in table.same or low in table.covers
    )


def transposed(word: str, exists: Callable[[str], bool]) -> str:
    """The name two neighbouring letters swapped back gives, when `exists` knows it ("ngnix" →
    nginx, "pyhton3" → python3), else "". Only a swap: a loose name one letter from a program is
    as often another name ("jake" is no misspelt `make`)."""
    for k in range(len(word) - 1):
        if word[k] != word[k + 1]:
            swapped = word[:k] + word[k + 1] + word[k] + word[k + 2 :]
            if exists(swapped):
                return swapped
    return ""


def _runs_it(command: str, name: str) -> bool:
    """Whether the command's program is the software `name` or one of its own tools (mysql, mysqldump)."""
    return first_program(command).lower().startswith(name.lower())


def take_loose(command: str, slots: list, chosen: dict[int, list[Value]], values: list[Value]) -> int:
    """Each name-like placeholder nothing filled takes the request's next loose name the example
    does not say already ("make postgresql start on boot": `systemctl enable postgresql`); how many
    it took. A loose name is no value the request states: the example that takes one gains only a
    placeholder less to edit."""
    if not getattr(values, "loose", None):
        return 0  # most requests: no example's fill looks further
    said = literal_words(command)
    stated = {v.text.lower() for v in values}
    loose = [v for v in values.loose if v.text not in said and v.text.lower() not in stated]
    took = 0
    for i, slot in enumerate(slots):
        if loose and i not in chosen and (shape := SHAPED_SLOTS.get(slot.kind)):
            fitting = [v for v in loose if shape.match(v.text.lower())]
            if fitting:
                chosen[i] = [loose.pop(loose.index(fitting[0]))]  # "cherry pick abc123", "put my key on web3"
                took += 1
        elif loose and i not in chosen and slot.kind == "image" and (software := [v for v in loose if is_software(v.text.lower())]):
            chosen[i] = [loose.pop(loose.index(software[0]))]  # "run redis in the background": the official image
            took += 1
        elif loose and i not in chosen and slot.kind in NAME_SLOTS and (
            slot.kind != "database" or not is_software(loose[0].text.lower())  # "log in to postgres": the server, no database
        ):
            people = [v for v in loose if not is_software(v.text.lower())] if slot.kind == "user" else []
            # "new hire maria needs an account": a first name people have before any other word
            people.sort(key=lambda v: v.text.lower() not in vocabulary().around["people"])
            if not people and slot.kind == "user" and _runs_it(command, loose[0].text):
                continue  # "export the shop database from mysql": the software the command is, no login `-u mysql`
            chosen[i] = [loose.pop(loose.index(people[0]) if people else 0)]  # "the cron jobs for www-data": no user cron
            took += 1
    return took
