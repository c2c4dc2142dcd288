"""The role a value plays in the sentence, from the words before it: "to /backup" is where a copy
goes, "from box1" where it comes from, "called photos" a new name, "run backup.sh" a script to run,
"a symlink to /opt/app" what a link points at, "in src" where (nlshell/offline/values.py reads the
values; nlshell/offline/slots.py puts each where its role fits).
"""

from __future__ import annotations

_PLACES = frozenset("in into inside under below within to from at on".split())
ROLE_TO = frozenset({"to", "into", "onto", "as"})
_ROLE_FROM = frozenset({"from", "off"})
_RUNNING = frozenset({"run", "execute", "launch", "schedule", "start"})
POINTING = frozenset("points point pointing resolves leads".split())
LINKING = POINTING | frozenset("link links linked symlink symlinks shortcut shortcuts".split())
_LINK_VERBS = frozenset({"link", "symlink", "ln"})


def role_at(lower: list[str], said: set[str], i: int) -> str:
    """The role of the value at word `i` of the request (`lower`, its words `said`): "name", "from",
    "to", "run", "in" or ""."""
    before = lower[i - 1] if i > 0 else ""
    if before in ("called", "named") or (i > 1 and lower[i - 2] in ("called", "named")):
        return "name"
    if before in ROLE_TO and i > 1 and lower[i - 2] in LINKING:  # "a symlink to /opt/app": what it points at
        return "from"
    if before == "to" and i > 3 and lower[i - 3] in ("called", "named") and lower[i - 4] in LINKING:
        return "from"  # "a symlink called latest to builds/42": what the link named points at
    if lower[0] in _LINK_VERBS and "to" in lower[2:]:  # "link ~/.vimrc to ~/dotfiles/vimrc": the link, then what it points at
        return "from" if before in ROLE_TO else "name" if i == 1 else ""
    if "->" in (before, lower[i + 1 : i + 2] and lower[i + 1]):  # "symlink current -> releases/v2.3", as `ls -l` shows links
        linking = bool(LINKING & said)
        return ("from" if linking else "to") if before == "->" else ("name" if linking else "from")
    if before == "as" and "same" in lower[: i - 1]:
        return "from"  # "give b.sh the same permissions as a.sh": a.sh is the model
    if before in ROLE_TO or (before == "in" and i > 1 and lower[i - 2] in ("end", "ends", "ending")):
        return "to"  # … and "should end in .jpg": the name it is given
    if before in _ROLE_FROM or (before == "of" and i > 1 and lower[i - 2] == "out"):
        return "from"  # "off 10.0.0.5", "out of box1"
    if before in _RUNNING or (before in ("the", "my", "this") and i > 1 and lower[i - 2] in _RUNNING):
        return "run"  # "run backup.sh at 11pm", "run the backup.sh script": the script is the command
    return "in" if before in _PLACES else ""
