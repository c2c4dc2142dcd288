"""A search through files of a type below a folder: "grep TODO in every python file in the repo"
found `grep -n 'TODO' *.py`, which looks at the top folder's files only. When the request says the
search goes down the tree (below, under, the repo, recursively, subfolders), a grep over a glob of
files of one type searches the folder recursively for that type instead:
`grep -rn --include='*.py' 'TODO' .`.
"""

from __future__ import annotations

import re
import shlex

from nlshell.offline.commands import first_program, shell_words
from nlshell.offline.flags import has_flag
from nlshell.offline.vocabulary import WORD

# Words that say the search goes down the tree ("in the repo": all of it).
_DOWN = frozenset(
    "below under beneath recursively recursive subfolders subfolder subdirectories subdirectory subdirs "
    "repo repository project codebase tree anywhere nested".split()
)
_TYPE_GLOB = re.compile(r"^(?:(?P<dir>[\w.~/-]*[\w.~-])/)?(?:\*\*/)?\*\.(?P<ext>[A-Za-z0-9]{1,8})$")


def descended(command: str, request: str) -> str:
    """The command, searching below its folder when the request asks that of a grep over a type's glob."""
    if first_program(command) != "grep" or not _DOWN.intersection(WORD.findall(request.lower())):
        return command
    words = shell_words(command)
    start = next((i for i, word in enumerate(words) if word == "grep"), -1)
    if start < 0 or "|" in words or has_flag(shlex.join(words[start:]), ("-r", "-R", "--recursive")):
        return command
    globs = [(i, match) for i, word in enumerate(words[start + 1 :], start + 1) if (match := _TYPE_GLOB.match(word))]
    if len(globs) != 1 or globs[0][0] != len(words) - 1:
        return command  # one glob, the last word: what is searched
    glob, match = words[-1], globs[0][1]
    at = command.find("grep ")
    body = command[at + len("grep ") :].rstrip() if at >= 0 else ""
    if not body.endswith(glob):
        return command  # said otherwise than split (quoted): left as it is
    body = body[: -len(glob)].rstrip()
    flags = "-r"
    cluster = re.match(r"-([A-Za-z]+)(?:\s+|$)", body)
    if cluster and not set(cluster[1]) & set("efABCm"):  # `-n 'TODO'` → `-rn`; never into `-e PATTERN`
        flags, body = f"-r{cluster[1]}", body[cluster.end() :]
    said = " ".join(part for part in (flags, f"--include='*.{match['ext']}'", body, match["dir"] or ".") if part)
    return f"{command[:at]}grep {said}"
