"""Which operation a request asks of a program, and whether an example does another one.

A program with subcommands does one of several operations to the same thing: `docker container
start`, `stop`, `rm`; `git branch -m` and `-d`; `git remote add` and `set-url`; `systemctl restart`
and `reload`. Their descriptions share every word but the verb, so "delete the stopped container
builder" matched "Start one or more stopped containers" as well as "Remove a stopped container".
The verb a request's clause opens with names its operation; an example whose description opens
with the verb of another operation does something else than asked. Which verbs ask the same
operation is the word table's `operation:NAME` lines (nlshell/data/words.tsv), and every looking
verb (`read` lines) is one more, to look, that no request is judged by: a description that only
looks does another operation than any change. A request is judged only when the verbs its clauses
open with are all on them ("give" and "undo" are on none); a description by its first word when
the table knows it as a verb ("Export a container's filesystem" is another operation than the
removal asked; "Take away write permission" is not judged).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from nlshell.offline.intent import clause_verbs
from nlshell.offline.described import description_verbs
from nlshell.offline.vocabulary import WORD, replace_phrases, vocabulary


LOOK = "look"  # what a description that opens with a looking verb does ("List", "Show", "Check"): no change


@functools.cache
def _operations() -> dict[str, frozenset[str]]:
    """Each verb of the table's `operation:` lines → the operations it asks (a verb may ask two);
    a looking verb asks to look, unless a line says more of it."""
    table = vocabulary()
    found: dict[str, set[str]] = {verb: {LOOK} for verb in table.read_verbs - table.stop}  # not "is", "what"
    for role, verbs in table.around.items():
        if role.startswith("operation:"):
            for verb in verbs:
                found.setdefault(verb, set()).add(role.split(":", 1)[1])
    return {verb: frozenset(names) for verb, names in found.items()}


_POINTED_BACK = re.compile(r"\b(?:them|those|these)\b", re.I)  # what the look found, acted on


def asked_operations(request: str) -> frozenset[str]:
    """The operations the request's clauses open with ("delete the container named web" → remove);
    none when a clause opens with a verb that asks none of them ("add a cron job, open the
    editor"): what is asked is then not all known; nor for a look, which tldr says in too many
    words ("Rerun a command", "Output the topology") to tell another operation by."""
    table = _operations()
    words = vocabulary()
    verbs = [verb for verb in clause_verbs(request) if verb in table or verb in words.change_verbs]
    changing = [verb for verb in verbs if LOOK not in table.get(verb, frozenset())]
    if changing and changing != verbs and _POINTED_BACK.search(request):
        verbs = changing  # "find the .log files older than 7 days and delete them": the look only picks them
    if not all(verb in table and LOOK not in table[verb] for verb in verbs):
        return frozenset()
    return frozenset(name for verb in verbs for name in table[verb])


def other_operation(asked: frozenset[str], description: str) -> bool:
    """The example's description opens with a verb of another operation than the request asks
    ("Start one or more stopped containers", "Export a container's filesystem" for "delete the
    stopped container"); one with two verbs ("Start or stop a container") only if both do."""
    if not asked:
        return False
    table = _operations()
    verbs = _doing(description)
    return bool(verbs) and all(not table.get(verb, frozenset()) & asked for verb in verbs)


def other_commands(asked: frozenset[str], described: Iterable[tuple[str, str]]) -> set[str]:
    """Of (command, description) pairs, the commands that do another operation than asked: one of
    their descriptions says so ("Install a package"), none says the operation asked (a command
    described also as "Get a new program" still installs)."""
    if not asked:
        return set()
    said = [(command, _does(asked, description)) for command, description in described]
    return {command for command, does in said if does is False} - {command for command, does in said if does}


def _does(asked: frozenset[str], description: str) -> bool | None:
    """Whether the description says an operation asked (True), another (False), or nothing the table knows (None)."""
    verbs = _doing(description)
    return any(_operations().get(verb, frozenset()) & asked for verb in verbs) if verbs else None


@functools.lru_cache(maxsize=16384)
def _doing(description: str) -> tuple[str, ...]:
    """The verbs a description opens with, its phrases read as the table's ("Clean out leftover
    dependencies": remove), after an adverb ("Forcefully remove …"), each of a list ("Start/Stop
    a service"); none unless each is a verb the table knows: tldr says a look or a change in many
    words ("Output the topology", "Take away write permission") it cannot tell from another operation."""
    head = description.split(None, 1)[0] if description.strip() else ""
    if "/" in head:  # "Start/Stop/Restart/Reload service": each of them
        return tuple(verb for part in head.split("/") for verb in _doing(part)[:1])
    words = replace_phrases(WORD.findall(description.lower()))
    if words and words[0].endswith("ly"):
        words = words[1:]
    verbs = description_verbs(" ".join(words))
    known = _operations().keys() | vocabulary().change_verbs
    return verbs if verbs and all(verb in known for verb in verbs) else ()
