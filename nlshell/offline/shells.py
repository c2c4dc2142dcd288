"""A shell the request names for a login: "change frank's shell to zsh", "set my login shell to
fish", "make zsh my default shell". Read once every other reading is done
(nlshell/offline/values.py), only where the request says "shell": a name of the `shells` lines of
nlshell/data/words.tsv is the shell when it comes after "to" or the request says which shell it
wants ("default", "login"); it is no shell to start ("open a bash shell as root"). Another reading
that took it as a file or a name gives it up; nlshell/offline/slots.py writes it as its path
(`chsh -s "$(which zsh)"`).
"""

from __future__ import annotations

from collections.abc import Callable

from nlshell.offline.value import Value
from nlshell.offline.vocabulary import vocabulary

_SHELL_WORDS = frozenset({"shell", "shells"})
_WANTED = frozenset({"default", "login"})  # "my default shell", "her login shell"
_RETYPED = frozenset({"path", "file", "name", "dir", "pattern"})


def read(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Callable[..., None]) -> None:
    """Make a named shell of a request about a login shell a shell."""
    if not _SHELL_WORDS & set(lower):
        return
    shells = vocabulary().shells
    wanted = bool(_WANTED & set(lower))
    for i, word in enumerate(lower):
        if word not in shells or not (wanted or (i > 0 and lower[i - 1] == "to")):
            continue
        value = next((v for v in values if v.at == i or i in v.spans), None)
        if value is None and i not in taken:
            add("shell", tokens[i], i, "to")
            values.sort(key=lambda v: v.at)
        elif value is not None and value.kind in _RETYPED:
            value.kind = "shell"
