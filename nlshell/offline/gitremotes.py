"""A git remote's name said beside the word remote: "add upstream remote https://…", "add remote
mirror https://…", "push to my fork remote".

Read once every other reading is done (nlshell/offline/values.py), only where the request is
about git (it says git, push, pull or fetch, or gives a repository's URL). The name comes right
before "remote", else right after it; a word that says which one ("the new remote", "a remote
called x" is read in nlshell/offline/kinds.py) or what it is ("the remote host") names none.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlshell.offline.value import Add, Value
from nlshell.offline.vocabulary import vocabulary

_GIT = frozenset({"git", "push", "pull", "fetch"})
_SAID_REMOTES = frozenset({"origin", "upstream"})  # named already: "set origin to …"
_REMOTE = frozenset({"remote", "remotes"})
_SETTING = frozenset({"set", "sets", "setting", "track", "tracking", "with", "no"})  # "set the upstream", "with upstream"
_REPOSITORY = re.compile(r"\.git/?$|^git@|(?:github|gitlab|bitbucket|codeberg)\.(?:com|org)/", re.I)  # a repository's URL
# Words beside "remote" that say which one or how it is given, never its name.
_NOT_NAMES = frozenset(
    "a an the my our new old another other git add added adding remove rename set default current existing local "
    "called named pointing points at for to url that which with as from of".split()
)



def read(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Add,
         plain: Callable[[str], bool]) -> None:
    """Add the remote's name the request says beside the word remote, or after a repository's URL
    with "as" ("add https://github.com/acme/widget.git as upstream")."""
    if any(v.kind == "gitremote" for v in values):
        return
    if (said_as := _as_name(values, lower, taken, plain)) is not None:
        add("gitremote", tokens[said_as], said_as)
        values.sort(key=lambda v: v.at)
        return
    if _named_elsewhere(lower) or _named_elsewhere(lower) or not (
        _GIT & set(lower) or any(v.kind == "url" for v in values)
    ):
        return
    table = vocabulary()
    for r, word in enumerate(lower):
        if word not in _REMOTE:
            continue
        for i in (r - 1, r + 1):
            if 0 <= i < len(tokens) and i not in taken and _name(lower[i], plain, table) and not (
                i > r and lower[i].endswith("ed")  # "the remote moved, set origin to …": what it did
            ):
                add("gitremote", tokens[i], i)  # "add upstream remote …", "add remote mirror …"
                values.sort(key=lambda v: v.at)
                return


def tracking(lower: list[str], i: int) -> bool:
    """Whether "upstream" at word i says a branch's tracking, not a remote's name: "push fix/typo
    and set the upstream" is `git push -u origin fix/typo`, not a push to a remote called upstream."""
    return lower[i] == "upstream" and not _SETTING.isdisjoint(lower[max(0, i - 3) : i])


def _as_name(values: list[Value], lower: list[str], taken: set[int], plain: Callable[[str], bool]) -> int | None:
    """Where "as NAME" names the remote a repository's URL is added as, or None."""
    urls = [v for v in values if v.kind == "url" and _REPOSITORY.search(v.text)]
    for url in urls:
        i = url.at + 2
        if i < len(lower) and lower[i] in _REMOTE:
            i += 1  # "as remote upstream"
        if i < len(lower) and "as" in lower[url.at + 1 : i] and i not in taken and (
            lower[i] in _SAID_REMOTES or _name(lower[i], plain, vocabulary())
        ):
            return i
    return None


def _named_elsewhere(lower: list[str]) -> bool:
    """Whether the request names origin or upstream away from the word remote ("the remote moved,
    set origin to …"): that is the remote, said already."""
    beside = {i for r, word in enumerate(lower) if word in _REMOTE for i in (r - 1, r + 1)}
    return any(word in _SAID_REMOTES and i not in beside for i, word in enumerate(lower))


def _name(word: str, plain: Callable[[str], bool], table) -> bool:
    return plain(word) and word not in _NOT_NAMES and word not in table.value_words and word not in table.of_words
