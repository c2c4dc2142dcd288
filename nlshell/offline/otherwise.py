"""Whether an example does something else than asked, whatever the operation: the opposite
("Extract" for "pack"), a loss or a sum the request does not ask for, a change for a request that only
looks (or only a look for a change), the other way of a switch ("up" for "bring eth0 down"), folders
where the request says files (or files where it says folders).
rank.py weighs such examples down; operations.py tells the operations of one program apart.
"""

from __future__ import annotations

import functools
import re

from nlshell.offline.index import ExampleRow
from nlshell.offline.intent import CHANGE, READ
from nlshell.offline.described import description_verbs
from nlshell.offline.request import Request
from nlshell.offline.vocabulary import WORD, stem, vocabulary


def acts_otherwise(read: Request, description: str) -> bool:
    """The example does something else than asked: the opposite ("Remove executable rights" for
    "make it executable", "Extract" for "pack"), a loss the request does not ask for, a change for
    a request that only looks, or only a look ("List the contents") for a request that asks for a
    change. A description with two verbs ("Set or display") acts otherwise only if both do."""
    verbs = description_verbs(description)
    return bool(verbs) and all(_verb_acts_otherwise(read, verb) for verb in verbs)


def opposite(read: Request, description: str) -> bool:
    """The example's verbs all undo what the request asks ("Load a csv into a database" for "dump
    the database to app.sql"): the word table's `opposite` lines only."""
    verbs = description_verbs(description)
    table = vocabulary()
    return bool(verbs) and all({stem(o) for o in table.opposites.get(verb, ())} & read.said for verb in verbs)


def _verb_acts_otherwise(read: Request, verb: str) -> bool:
    table = vocabulary()
    if table.opposites.get(verb, frozenset()) & read.words:
        return True
    if verb in table.losing and verb not in read.words:
        return True  # "Remove specific files" for "empty the file", `git reset --hard` for "discard …"
    if verb in table.computing and not table.computing & read.words:
        return True  # "Total a column of numbers" for "the 3rd column of data.csv": more than asked
    if verb in table.change_verbs:
        return read.intent == READ
    return read.intent == CHANGE and verb in table.read_verbs


@functools.cache
def _ways() -> dict[str, frozenset[str]]:
    """Each word that says which way a switch goes, as a stem → the stems of its opposites that
    say a way too (`stop` → start; "run" says more than a way)."""
    table = vocabulary()
    ways = table.directions
    return {stem(word): frozenset(stem(o) for o in table.opposites.get(word, ()) & ways) for word in ways}


def other_way(read: Request, row: ExampleRow) -> bool:
    """The example says only the opposite way of a switch the request says: "Bring a network
    interface up" (`ip link set eth0 up`) for "bring eth0 down"; one that says both ways ("up or
    down") or the way asked does not, nor one for a request that says both ways itself. What the command
    says decides over its description ("Release the hold on a package" is `apt-mark unhold`)."""
    ways = _ways()
    asked = read.said & ways.keys()
    if not asked:
        return False
    says = {stem(word) for word in WORD.findall(f"{row.description} {row.command}".lower())}
    # "Release the hold on a package" is `apt-mark unhold`; a placeholder (`{{up}}`) is the user's to say
    runs = {stem(word) for word in WORD.findall(re.sub(r"\{\{.*?\}\}", " ", row.command.lower()))}
    return any(way not in says and (ways[way] & says) - asked or way not in runs and (ways[way] & runs) - asked for way in asked)


# Words before a thing that leave it out ("only the files, not the directories", "leaving the files alone").
_EXCLUDING = frozenset({"not", "except", "excluding", "no", "leave", "leaving", "skip", "skipping"})
# Words before a folder that make it where the thing is, not the thing ("the empty files under a directory").
_PLACING = frozenset({"in", "under", "inside", "within", "below", "of", "from", "into", "to", "throughout", "across", "its"})
_WHICH_ONE = frozenset("the a an my your our this that current working same parent home given whole entire".split())
_FILES_ONLY = re.compile(r"\bfind\b[^|;&]*-type\s+f\b")
_FOLDERS_ONLY = re.compile(r"\bfind\b[^|;&]*-type\s+d\b")
_FILE_STEMS = frozenset({stem("file"), stem("files")})
_FOLDER_STEMS = frozenset(stem(w) for w in "folder folders directory directories dir dirs subfolder subfolders "
                          "subdirectory subdirectories".split())
_LINK_STEMS = frozenset(stem(w) for w in "symlink symlinks link links softlink softlinks".split())
_TYPED_ONLY = re.compile(r"\bfind\b[^|;&]*-x?type\s+[fd]\b")  # files only or folders only, no links
_REMOVES = re.compile(r"(?:^|[\s;&|(])(?:sudo\s+)?rm\s|\s-delete\b")  # what deletes whatever it is given


@functools.lru_cache(maxsize=8192)  # each description is asked again for every request that reaches its page
def _things(text: str) -> frozenset[str]:
    """What a text acts on, "file", "folder" and/or "link": its words for them, less those it leaves
    out and the folders that only say where."""
    words = WORD.findall(text.lower())
    things: set[str] = set()
    for i, word in enumerate(words):
        before = words[max(0, i - 2) : i]
        if not _EXCLUDING.isdisjoint(before):
            continue
        said = stem(word)
        if said in _FILE_STEMS:
            things.add("file")
        elif said in _FOLDER_STEMS and not _placing(words, i) and words[i + 1 : i + 2] != ["included"]:
            things.add("folder")  # not "a folder and its subfolders", "subfolders included": where
        elif said in _LINK_STEMS:
            things.add("link")
    return frozenset(things)


def _placing(words: list[str], i: int) -> bool:
    """Whether word i (a folder) says where: after a preposition, over the words that say which one
    ("into the current dir", "under a folder", "and its subfolders")."""
    j = i - 1
    while j >= 0 and words[j] in _WHICH_ONE:
        j -= 1
    return j >= 0 and words[j] in _PLACING


def other_thing(read: Request, description: str, command: str = "") -> bool:
    """The example acts on folders only where the request says files only ("Remove an empty
    directory", `rmdir`, for "delete empty files in photos"), or its command looks for files only
    (`find -type f`) where the request says folders only ("how many subfolders in docs"). A
    description's "a file" alone is often any file (`scp -r` copies folders too): not enough. Where the
    request says links only, an example on files or folders and none (`find -type d`) is the other thing."""
    asked = _things(read.text)
    if asked == {"link"}:  # "delete the broken symlinks in bin" is no `find -type d -empty -delete`, no `rm -r bin/*`
        said = _things(description)
        return "link" not in said and (bool(said & {"file", "folder"}) or bool(_TYPED_ONLY.search(command) or _REMOVES.search(command)))
    if asked == {"file"}:
        return _things(description) == {"folder"} or bool(_FOLDERS_ONLY.search(command))
    return asked == {"folder"} and bool(_FILES_ONLY.search(command))
