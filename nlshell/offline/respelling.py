"""Misspelt names in a request: a program one edit from a word no page or description knows
(`gerp` → grep, "restart ngnix" → nginx), and a request's words with its misspelt verbs corrected
("instal htop"), so the values are read from what was meant."""

from __future__ import annotations

from collections.abc import Container

from nlshell.offline.index import OfflineIndex
from nlshell.offline.names import transposed
from nlshell.offline.value import Value
from nlshell.offline.vocabulary import one_edit_away, vocabulary

# Kinds of value that name a program: a misspelt one is the program ("kill fierfox"). A package may be any name.
PROGRAM_KINDS = frozenset({"service", "process"})


def nearest_program(index: OfflineIndex, word: str, known: Container[str], named: bool = False) -> str:
    """The most used program one edit from a word neither `known` nor a page's name, or "". A word the
    request names as a service or process may be any program with a page ("ngnix"); any other
    only one the examples use (`gerp`)."""
    if word in known or index.pages_named((word,)) or not word.isalpha() or word in vocabulary().around["daemons"]:
        return ""  # "mask snapd": a daemon the word table knows is no misspelt `snap`
    facts = index.program_facts(index.pages_named(one_edit_away(word)))
    programs = sorted(p for p, fact in facts.items() if fact.uses > 0 or named)
    return max(programs, key=lambda p: facts[p].uses) if programs else ""


def correct_programs(index: OfflineIndex, values: list[Value], known: Container[str], shortest: int) -> None:
    """Each service or process the request names that no page knows, `shortest` letters or more,
    becomes the program one edit away; a loose name (nlshell/offline/names.py), the program two
    swapped letters away."""
    for value in values:
        if value.kind not in PROGRAM_KINDS or len(value.text) < shortest:
            continue
        if meant := nearest_program(index, value.text.lower(), known, named=True):
            value.text = meant
    def exists(name: str) -> bool:
        return bool(index.pages_named((name,))) or index.installed(name) is True

    for value in getattr(values, "loose", ()):  # "ngnix needs a restart", "where is pyhton3 installed"
        low = value.text.lower()
        if len(low) >= shortest and low not in known and not index.pages_named((low,)):
            value.text = transposed(low, exists) or value.text


def with_verbs(request: str, corrected: dict[str, str]) -> str:
    """The request with its misspelt verbs corrected as whole words: "shout.txt" stays a file even
    where "shout" reads as shut."""
    if not corrected:
        return request
    verbs = vocabulary().read_verbs | vocabulary().change_verbs
    words = request.split()
    # The word after a verb is what it acts on: "add jake to the docker group" names jake, not make.
    return " ".join(
        word if i and words[i - 1].lower() in verbs else corrected.get(word.lower(), word) for i, word in enumerate(words)
    )
