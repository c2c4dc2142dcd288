"""What an example says it does, read from the first words of its description: the verb
("Deletes …" → `remove`) that tells a look from a change, and whether it destroys. A lookup asks
this of hundreds of examples, so the index stores their leading words (`stored_leading`) and tells
them here (`told`) rather than have them read again.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from nlshell.offline.intent import is_verb
from nlshell.offline.vocabulary import leading_words, vocabulary

LEADING = 3  # a description's verbs are read from this many of its first words
TOLD_MAX = 32768  # descriptions whose leading words the index told, kept at most (then forgotten)
_told: dict[str, tuple[str, ...]] = {}


@functools.lru_cache(maxsize=16384)
def destructive_description(description: str) -> bool:
    """An example that destroys by its own words: its verb, or the one after an adverb ("Recursively
    removes …"), is one of the table's `destructive` verbs."""
    destructive = vocabulary().around.get("destructive", frozenset())
    verbs = [stem_verb(word) for word in leading(description)[:2]]
    verb = verbs[0] if verbs and is_verb(verbs[0]) and verbs[0] != "force" else verbs[-1] if verbs else ""
    return verb in destructive  # "Force delete a directory": the delete is what it does


def description_verb(description: str) -> str:
    """The verb an example's description starts with, canonical ("Deletes …" → `remove`)."""
    verbs = description_verbs(description)
    return verbs[0] if verbs else ""


@functools.lru_cache(maxsize=16384)
def description_verbs(description: str) -> tuple[str, ...]:
    """The verbs a description starts with: one, or two joined by "or" ("Set or display the
    system date" is also a look)."""
    words = leading(description)
    if len(words) == 3 and words[1] == "or":
        return stem_verb(words[0]), stem_verb(words[2])
    return tuple(stem_verb(word) for word in words[:1])


def leading(description: str) -> tuple[str, ...]:
    """A description's first LEADING canonical words (`leading_words`), as the index stored them
    when it told them (`told`), else read here."""
    known = _told.get(description)
    return known if known is not None else _read_leading(description)


@functools.lru_cache(maxsize=16384)
def _read_leading(description: str) -> tuple[str, ...]:
    return tuple(leading_words(description, LEADING))


def stored_leading(description: str) -> str | None:
    """A description's leading words as the index stores them (space-separated), or None when
    that form would not read back the same: a lookup asks for the verbs of hundreds of examples
    and summaries, and reading their words is the dear part."""
    words = leading_words(description, LEADING)
    return " ".join(words) if all(word and " " not in word for word in words) else None


def told(stored: Iterable[tuple[str, str | None]]) -> None:
    """Descriptions and their leading words as the index stored them (`stored_leading`; None: not
    stored), for `leading`."""
    if len(_told) > TOLD_MAX:
        _told.clear()
    for description, words in stored:
        if words is not None:
            _told[description] = tuple(words.split(" ")) if words else ()


def stem_verb(word: str) -> str:
    """`deletes` → `delete`, `kills` → `kill`: the third person descriptions use, as the table lists it."""
    table = vocabulary()
    if word in table.read_verbs or word in table.change_verbs or not word.endswith("s"):
        return word
    verb = word[:-1]
    return verb if verb in table.read_verbs or verb in table.change_verbs else word
