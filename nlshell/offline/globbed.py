"""The folder files of a kind are taken from: "move all the pdfs from ~/Downloads to ~/Documents",
"copy all png files from assets to public", "the jpgs in camera".

Read once every other reading is done (nlshell/offline/values.py), only where the request names
files by a pattern (`*.pdf`). The place said after it with "from" or "in" is the folder those files are in, a folder even
when none of that name is here to tell (`~/Downloads`); so is a bare name no other reading took
after "from", "in" or "inside" ("from assets"). Then nlshell/offline/joined.py writes the pattern inside it (`~/Downloads/*.pdf`)
instead of putting the whole folder where the files go.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlshell.offline.value import Add, Value

_FROM = frozenset({"from", "in", "inside"})
_ROLES = frozenset({"from", "in"})  # the roles of a place said with those words
_FOLDER = re.compile(r"^[\w~./-]+$")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,8}$")



def read(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Add,
         plain: Callable[[str], bool]) -> None:
    """Make the place the request's file pattern is taken from a folder."""
    globs = [v for v in values if v.kind == "glob" and "/" not in v.text and v.role not in ("to", "sought")]
    if len(globs) != 1:
        return
    pattern = globs[0]
    for value in values:
        if value.kind == "path" and value.role in _ROLES and value.at > pattern.at and _folder(value.text):
            value.kind = "dir"  # "the pdfs from ~/Downloads", "the .log files in /var/log/myapp"
            return
    if any(v.kind == "dir" and v.role in ("from", "in") for v in values):
        return
    for i in range(pattern.at + 1, len(tokens)):
        if lower[i - 1] in _FROM and i not in taken and plain(lower[i]) and _folder(tokens[i]) and not any(
            v.at == i or i in v.spans for v in values
        ):
            add("dir", tokens[i], i, "from")  # "all png files from assets"
            values.sort(key=lambda v: v.at)
            return


def _folder(text: str) -> bool:
    return bool(_FOLDER.match(text)) and not _EXTENSION.search(text.rstrip("/")) and "*" not in text
