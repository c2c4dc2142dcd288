"""Places a request lists after a verb that acts on places: "pack src and docs into release.zip",
"zip src, docs and tests" → `src`, `docs`, `tests`, each a path for the one placeholder that takes
several (`zip -r {{target.zip}} {{path/to/file1 path/to/file2 ...}}`).

Only plain words joined by "and" or commas right after the verb (or "the"/"my"/"both"), and only
where the request goes on to name where they go ("into release.zip", "to backup"): "show cpu and
memory" lists no places, nor does "pack and ship"; "into a tarball" names no place, and an
archive placeholder would take the first of the list. Folders to make ("make folders src, tests and
docs", "create directories a and b") need no place to go: they are new, by their names.

Names of a kind the word before the first says ("install curl, jq and htop", "uninstall nginx and
apache2": packages) are listed the same way (`named_after`): each after a comma or "and" is one of
that kind, for a placeholder that takes many (`apt install {{package}}`, nlshell/offline/slots.py).
A verb or any word no name can be ends the list: "install nginx and start it" names one package.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlshell.offline.value import Add

_PLACE_VERBS = frozenset(
    "pack zip tar archive compress bundle backup copy cp move mv delete remove rm sync upload".split()
)
_LEADING = frozenset("the my our both folders directories files dirs".split())
_ENDS = frozenset("into to as in inside onto".split())
_MAKING = frozenset("make create mkdir add".split())  # "make folders src, tests and docs": new ones, by name
_FOLDERS = frozenset("folders directories dirs".split())
_NAME = re.compile(r"[\w][\w.-]*")
_NOT_NAMES = frozenset("and or with for all one at on here there inside under below the a an my our new".split())


def read(add: Add, tokens: list[str], lower: list[str], i: int, plain: Callable[[str], bool], kind_of: Callable[[str], str]) -> bool:
    """The list of places starting at token `i` (`tokens` as the request writes them, commas and
    all); whether it read one (two or more places)."""
    j = i - 1
    while j >= 0 and lower[j] in _LEADING:
        j -= 1
    noun_before = bool(_FOLDERS.intersection(lower[j + 1 : i]))
    if j >= 0 and lower[j] in _MAKING and (
        noun_before or (j == i - 1 and _FOLDERS.intersection(lower[i + 1 : i + 6]))
    ):  # "make folders src, tests and docs", "make src tests and docs folders"
        return _folders_to_make(add, tokens, lower, i, noun_after=not noun_before)
    if j < 0 or lower[j] not in _PLACE_VERBS:
        return False
    items, k = [], i
    while k < len(tokens):
        word = lower[k].rstrip(",")
        if not plain(word):
            break
        items.append(k)
        if tokens[k].endswith(","):
            k += 1
        elif k + 1 < len(lower) and lower[k + 1] == "and":
            k += 2
        else:
            break
    if len(items) < 2 or items[-1] != k or k + 2 >= len(lower) or lower[k + 1] not in _ENDS or lower[k + 2] in ("a", "an"):
        return False  # "archive src and docs into a tarball": with no name where they go, which is the archive?
    for at in items:
        name = tokens[at].rstrip(",")
        add(kind_of(name), name, at)
    return True


def _folders_to_make(add: Add, tokens: list[str], lower: list[str], i: int, noun_after: bool = False) -> bool:
    """"make folders src tests and docs": new folders by their names, which need not exist nor go
    anywhere, and may be any word ("build", "dist"); the list ends at a word that says where or how,
    or at the word folders when it comes after them (`noun_after`: "make src and docs folders")."""
    items, k = [], i
    while k < len(tokens):
        word = lower[k].rstrip(",")
        if word in _ENDS or word in _NOT_NAMES or word in _FOLDERS or not _NAME.fullmatch(word):
            break
        items.append(k)
        k += 2 if k + 1 < len(lower) and lower[k + 1] == "and" else 1
    joined = "and" in lower[i:k] or any(tokens[at].endswith(",") for at in items)
    if len(items) < 2 or not joined or (noun_after and (k >= len(lower) or lower[k] not in _FOLDERS)):
        return False  # a list says "and" or commas: "make the nested folders src/main/java" lists none
    for at in items:
        add("dir", tokens[at].rstrip(","), at)
    return True


LISTED_KINDS = frozenset({"package"})
_AND = frozenset({"and", "&"})


def named_after(raw: list[str], tokens: list[str], lower: list[str], values: list, taken: set[int],
                add: Add, plain: Callable[[str], bool]) -> None:
    """Adds the names listed after each value of a listed kind, as values of its kind. A list says
    "and" or has three names: one comma only goes on about the first ("pip install requests, pinned
    to 2.31.0")."""
    for value in [v for v in values if v.kind in LISTED_KINDS]:
        j, members, anded = value.at + 1, [], False
        while j < len(tokens):
            separated = raw[j - 1].endswith(",")
            if lower[j] in _AND:
                separated, anded, j = True, True, j + 1
            if not separated or j >= len(tokens) or j in taken or not plain(lower[j]):
                break
            members.append(j)
            j += 1
        if anded or len(members) > 1:
            for j in members:
                add(value.kind, tokens[j], j, value.role)
