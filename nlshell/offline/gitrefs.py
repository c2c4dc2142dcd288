"""Branches a git request names without the word branch: "pull the latest develop", "merge develop
into main", "rebase onto main", "branch off as feature/login", "checkout the staging branch".

Read once every other reading is done (nlshell/offline/values.py), only where the request says a
git verb (the word table's `around git_verbs` line). There the names teams give their long-lived
branches (`around branch_names`: main, develop, staging …), a name with a work prefix
(feature/login, hotfix/12) and the word right before "branch" are branches, not folders or names
to look for.
"""

from __future__ import annotations

import re

from nlshell.offline.value import Add, Value
from nlshell.offline.vocabulary import vocabulary

_PREFIXED = re.compile(r"^(?:feature|feat|fix|bugfix|hotfix|release|chore|topic|dev)/[\w./-]+$", re.I)
_NOT_BRANCHES = frozenset("a an the my this that new old current local remote other another same git".split())
_NAMEABLE = frozenset({"path", "dir", "file", "name"})
_START = frozenset({"off", "from"})
_ONTO = frozenset({"onto", "into", "to"})
_FRESH = frozenset({"the", "latest", "newest", "current", "fresh", "updated", "up-to-date"})


def _onto(lower: list[str], i: int) -> bool:
    """Whether the branch at i is said as where something goes ("onto the latest main")."""
    k = i - 1
    while k >= 0 and lower[k] in _FRESH:
        k -= 1
    return k >= 0 and lower[k] in _ONTO



def _between_branches(lower: list[str], known: frozenset[str]) -> bool:
    """"what changed between main and develop": two long-lived branches compared, no git verb said."""
    return any(lower[i] == "between" and lower[i + 1] in known and lower[i + 2] == "and" and lower[i + 3] in known
               for i in range(len(lower) - 3))


def read(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Add) -> None:
    """Make the branch names the request says branches."""
    around = vocabulary().around
    if around["git_verbs"].isdisjoint(lower) and not _between_branches(lower, around["branch_names"]):
        return
    known = around["branch_names"]
    named = any(v.kind == "branch" for v in values)
    for value in values:
        if value.kind in _NAMEABLE and (
            value.text.lower() in known or _PREFIXED.match(value.text)
            or (named and value.role == "to" and "rename" in lower)  # "rename branch foo to bar": bar is one too
        ):
            value.kind, value.side = "branch", ""  # "rebase onto main", "branch off as feature/login"
    for value in values:
        if value.kind == "branch" and not value.role and _onto(lower, value.at):
            value.role = "to"  # "rebase feature/login onto develop": develop is where it goes
    for i, token in enumerate(tokens):
        if i in taken or any(i in v.spans or v.at == i for v in values):
            continue
        if named:  # "new branch feature/login off main": where it starts, said by a long-lived branch's name
            if i and (lower[i - 1] in _START or lower[i - 2 : i] == ["based", "on"]) and lower[i] in known:
                add("branch", token, i, "start")
            elif lower[i] in known and _onto(lower, i):
                add("branch", token, i, "to")  # "rebase my feature branch onto the latest main"
            continue
        after = lower[i + 1] if i + 1 < len(lower) else ""
        if lower[i] in known or _PREFIXED.match(token) or (
            after == "branch" and re.fullmatch(r"[\w./-]+", token) and lower[i] not in _NOT_BRANCHES
            and lower[i] not in around["git_verbs"] and lower[i] not in vocabulary().stop
        ):
            add("branch", token, i)  # "pull the latest develop", "the staging branch"
    values.sort(key=lambda v: v.at)
