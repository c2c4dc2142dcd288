"""A plain file read with a compressed file's program: "search for the word error in log.txt" found
`zgrep 'error' log.txt`.

The z-programs read a plain file too, so nothing is wrong with the answer but its surprise: a user
asked to search a text file and got a tool for gzip files. When no file the command names is
compressed, the plain program is said instead (`grep 'error' log.txt`); a template still to fill
(`zgrep … {{path/to/file.gz}}`) or a file that is compressed (`app.log.gz`) keeps its z-program.
"""

from __future__ import annotations

import re

_PLAIN = {"zgrep": "grep", "zegrep": "grep -E", "zfgrep": "grep -F", "zcat": "cat", "zless": "less", "zmore": "more",
          "zdiff": "diff", "zcmp": "cmp", "zhead": "head"}
_PACKED = re.compile(r"\.(?:gz|tgz|z|bz2|xz|zst|lz4|lzma)\b|\{\{", re.I)
_FILE = re.compile(r"[\w~./-]+\.[A-Za-z0-9]{1,5}(?=\s|$|['\"])")


def unpacked(command: str) -> str:
    """`command` with its z-program said plain when every file it names is uncompressed."""
    program, _, rest = command.partition(" ")
    plain = _PLAIN.get(program)
    if plain is None or _PACKED.search(rest) or not _FILE.search(rest) or any(c in rest for c in "|;&"):
        return command
    return f"{plain} {rest}"
