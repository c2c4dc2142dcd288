"""Whether an example does something else than asked, whatever the operation: the opposite
("Extract" for "pack"), a loss or a sum the request does not ask for, a change for a request that only
looks (or only a look for a change), the other way of a switch ("up" for "bring eth0 down").
rank.py weighs such examples down; operations.py tells the operations of one program apart.
"""

from __future__ import annotations

import functools

from nlshell.offline.index import ExampleRow
from nlshell.offline.intent import CHANGE, READ, description_verbs
from nlshell.offline.request import Request
from nlshell.offline.vocabulary import WORD, stem, vocabulary


def acts_otherwise(read: Request, description: str) -> bool:
    """The example does something else than asked: the opposite ("Remove executable rights" for
    "make it executable", "Extract" for "pack"), a loss the request does not ask for, a change for
    a request that only looks, or only a look ("List the contents") for a request that asks for a
    change. A description with two verbs ("Set or display") acts otherwise only if both do."""
    verbs = description_verbs(description)
    return bool(verbs) and all(_verb_acts_otherwise(read, verb) for verb in verbs)


def _verb_acts_otherwise(read: Request, verb: str) -> bool:
    table = vocabulary()
    if table.opposites.get(verb, frozenset()) & read.words:
        return True
    if verb in table.losing and verb not in read.words:
        return True  # "Remove specific files" for "empty the file", `git reset --hard` for "discard …"
    if verb in table.computing and not table.computing & read.words:
        return True  # "Total a column of numbers" for "the 3rd column of data.csv": more than asked
    if verb in table.change_verbs:
        return read.intent == READ
    return read.intent == CHANGE and verb in table.read_verbs


@functools.cache
def _ways() -> dict[str, frozenset[str]]:
    """Each word that says which way a switch goes, as a stem → the stems of its opposites that
    say a way too (`stop` → start; "run" says more than a way)."""
    table = vocabulary()
    ways = table.directions
    return {stem(word): frozenset(stem(o) for o in table.opposites.get(word, ()) & ways) for word in ways}


def other_way(read: Request, row: ExampleRow) -> bool:
    """The example says only the opposite way of a switch the request says: "Bring a network
    interface up" (`ip link set eth0 up`) for "bring eth0 down"; one that says both ways ("up or
    down") or the way asked does not, nor one for a request that says both ways itself."""
    ways = _ways()
    asked = read.said & ways.keys()
    if not asked:
        return False
    says = {stem(word) for word in WORD.findall(f"{row.description} {row.command}".lower())}
    return any(way not in says and (ways[way] & says) - asked for way in asked)
