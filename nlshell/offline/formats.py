"""A format said as what something becomes, not as files to act on: "squash the photos folder into a
zip file", "turn the pics directory into a .zip", "create a .tar.xz of the docs dir", "make a tar.gz
of src".

Said of files ("all .zip files", "every zip file in downloads") such a word is a pattern the
command matches; said with "a" as what is made, it is no value at all. Its word then stays a search
word, so the format chooses the program (`zip -r`, `tar -cJf`) and fills no placeholder with `*.zip`.
"""

from __future__ import annotations

ARCHIVES = frozenset("tar gz tgz xz bz2 zst 7z rar zip".split())
_ONE = frozenset({"a", "an"})
_BECOMING = frozenset({"into", "to", "as", "in"})
_CONTAINERS = frozenset({"file", "archive"})


def said_as_format(lower: list[str], i: int, known: frozenset[str]) -> bool:
    """Whether word `i` of the request's lower-case words is a format it asks to make; `known` are
    the extensions the word table's file types and archives have."""
    word = lower[i]
    before = lower[i - 1] if i else ""
    parts = set(word.lstrip(".").split("."))
    if i == 0 and "." in word and parts <= ARCHIVES:
        return True  # "tar.gz the project folder": the archive to make, said as the verb
    if before not in _ONE:
        return False
    if parts <= known and ("." in word or word in ARCHIVES):
        return True  # "a .zip", "a tar.gz of", "into a .tar.xz"
    after = lower[i + 1] if i + 1 < len(lower) else ""
    becoming = i > 1 and lower[i - 2] in _BECOMING
    of = i + 2 < len(lower) and lower[i + 2] == "of"
    return word in known and after in _CONTAINERS and (becoming or of)  # "into a zip file", "a pdf file of"
