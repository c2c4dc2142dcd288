"""Where the places a request states are, once all its values are read: "here" and "my home
folder", a name and the directory it goes in, which side of a copy is on another host, and
which paths need their parents created.

nlshell/offline/values.py reads the values; nlshell/offline/slots.py uses what is found here to
keep a local file out of `{{path/to/remote_file}}` and a nested path out of `mkdir` without `-p`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Collection

from nlshell.offline.value import Value
from nlshell.offline.vocabulary import vocabulary

_PLACE_KINDS = ("file", "dir", "path", "name", "glob", "link")
_HOST_WORDS = frozenset("host server machine remote box computer".split())
_REMOTE_KINDS = frozenset({"host", "container", "pod"})  # where a copy's other side is: a host, or a container (`docker cp`)
_REMOTE_NOUNS = frozenset({"container", "pod", "docker"})  # "from the container web"
_WITHIN = frozenset({"in", "at", "under", "inside", "into"})  # "to db1 in /srv": the place there
_WAYS = frozenset({"to", "into", "onto", "from", "off"})
_ON_HOST = frozenset({"on", "at", "from"})  # "/var/www on the server web01", "app.log from host db1"
_SKIPPED = frozenset({"the", "a", "an", "my", "our", "your", "this", "that"})
NOUNS = frozenset("folder directory dir file".split())  # "the www directory", "my home folder"
FILE_NOUNS = NOUNS | frozenset("files folders directories dirs".split())  # "look for files over 1G": no pattern
# The folders every desktop user has in their home: "copy report.pdf to the Desktop" means ~/Desktop.
_WELL_KNOWN = {name.lower(): name for name in "Desktop Documents Downloads Pictures Music Videos".split()}
_WHOLE = frozenset({"whole", "entire", "complete"})  # "the whole photos folder" is the photos folder
_DETERMINERS = frozenset({"the", "a", "my", "this", "that", "our", "your"})
_ROLES = {"to": "to", "into": "to", "onto": "to", "from": "from", "off": "from", "in": "in", "inside": "in", "within": "in", "under": "in"}


def determined(lower: list[str], i: int) -> bool:
    """Whether word i follows "the", "my", … ("the src folder", "the whole photos folder")."""
    j = i - 1
    if j > 0 and lower[j] in _WHOLE:
        j -= 1
    return j >= 0 and lower[j] in _DETERMINERS


def _file_names() -> frozenset[str]:
    from nlshell.offline.vocabulary import vocabulary

    return vocabulary().around.get("file_names", frozenset())


def read(add: Callable[..., None], tokens: list[str], lower: list[str], i: int, cwd_dirs: Collection[str]) -> bool:
    """A place named in words at token i: a file by its usual name with no extension (the word
    table's `around file_names`: Dockerfile, Makefile, SHA256SUMS), the user's well-known folders, capitalised ("to the
    Desktop", "my Downloads folder", "my downloads": `~/Desktop` unless the cwd has one), the parent ("up
    one level", "the parent folder": `..`). Whether it read one. Lower-case with its noun ("the pictures
    folder", "my music folder") is a name like any other."""
    word, token = lower[i], tokens[i]
    after = lower[i + 1] if i + 1 < len(lower) else ""
    role = _ROLES.get(_introduced_by(lower, i), "")
    if word in ("up", "one") and lower[i + 1 : i + 3] in (["one", "level"], ["level", "up"], ["directory", "up"]):
        add("dir", "..", i, "to" if word == "up" or role == "to" else role, last=i + 2)
        return True
    if word == "parent" and after in NOUNS | {"folders", "directories"}:
        add("dir", "..", i, role)  # "folder" stays a search word
        return True
    if word in _file_names():
        add("file", token.rstrip(",;?!"), i, role, searched=True)  # "lint my Dockerfile", "check them against SHA256SUMS": a file by its usual name
        return True
    if word in _WELL_KNOWN and (token[:1].isupper() or (i and lower[i - 1] == "my" and after not in NOUNS)):
        # "the music folder" may be one here, as "my music folder" may; "Music" and "my downloads" are in the home folder
        name = next((d for d in cwd_dirs if d.lower() == word), "")
        add("dir", name or "~/" + _WELL_KNOWN[word], i, role)
        return True
    return False


def here(values: list[Value], lower: list[str], add: Callable[..., None]) -> None:
    """"here", "this directory", "the current folder", "the folder I'm in" mean `.`; "my home directory" means `~`
    ("to my home folder": where something goes); "the whole disk", "anywhere on the system" mean `/`."""
    if any(v.kind in ("file", "dir", "path") for v in values) and not any(v.role == "to" for v in values):
        for i, word in enumerate(lower[:-1]):  # where a named thing goes may be here
            if word in ("to", "into") and (end := _this_folder_end(lower, i + 1)):
                add("dir", ".", i + 1, "to", last=end)  # "out of the proxy container into the current dir"
                return
    if any(v.kind in ("dir", "path") and v.role not in ("sought", "name") for v in values):
        return  # a place is said ("named .env" is what is looked for)
    for i, word in enumerate(lower):
        nxt = lower[i + 1] if i + 1 < len(lower) else ""
        if _whole_system(lower, i):
            first = i - 1 if lower[i] in _SYSTEM else i  # "whole disk": both words say it
            add("dir", "/", first, "in", last=_system_end(lower, i), at=i)  # "on the whole disk", "anywhere on the system"
            return
        if word == "here" or (word in ("this", "current") and nxt in ("directory", "folder", "dir")) or _in_it(lower, i):
            add("dir", ".", i, "in")
            return
        if word == "home" and ((i and lower[i - 1] in ("his", "her", "their", "with", "a", "including", "plus")) or (
            lower[i + 2 : i + 3] == ["too"] and lower[i - 1 : i] != ["my"]) or (
            lower[i + 2 : i + 3] == ["for"] and nxt in ("directory", "folder", "dir"))):
            return  # "their home dir", "an account with a home dir", "a home directory for bob", "remove olduser,
            # home folder too", "delete tempuser including home dir": someone else's, no `~`
        if word == "home" and (nxt in ("directory", "folder", "dir") or (i and lower[i - 1] == "my") or (
            i and lower[i - 1] in ("in", "under") and not nxt  # "… somewhere in home": the request ends at it
        )):
            add("dir", "~", i, "to" if _introduced_by(lower, i) in ("to", "into") else "in")
            return


def _this_folder_end(lower: list[str], j: int) -> int:
    """The last word of "here", "the current dir", "this folder" starting at word j, or 0."""
    if lower[j] == "here":
        return j
    k = j + (lower[j] in ("the", "my", "our"))
    if k + 1 < len(lower) and lower[k] in ("this", "current") and lower[k + 1] in ("directory", "folder", "dir"):
        return k + 1
    return 0


_ANYWHERE = vocabulary().around["anywhere"]
BELOW = frozenset({"under", "below", "inside", "within", "beneath"})  # the next word is a place ("below src")
_ANYWHERE_WITHIN = BELOW | {"in"}  # "anywhere below here", "anywhere in the repo": within that place
_SYSTEM = vocabulary().around["whole_system"]


def _whole_system(lower: list[str], i: int) -> bool:
    """"anywhere", "on the whole disk", "the entire system", "everywhere on the machine"."""
    if lower[i] in _ANYWHERE:
        following = lower[i + 1 : i + 3]
        # "anywhere in the repo", "anywhere below here", "anywhere under src": somewhere within that place
        return not following or following[0] not in _ANYWHERE_WITHIN or any(w in _SYSTEM for w in following)
    return lower[i] in _SYSTEM and i > 0 and lower[i - 1] in _WHOLE


def _system_end(lower: list[str], i: int) -> int:
    """The last word of "whole disk", "anywhere on the system": none of them is a search word."""
    j = i
    while j + 1 < len(lower) and j < i + 3 and (lower[j + 1] in _SYSTEM or lower[j + 1] in _SKIPPED | {"on", "in"}):
        j += 1
        if lower[j] in _SYSTEM:
            return j
    return i


_I_AM_IN = (["i'm", "in"], ["im", "in"], ["i", "am", "in"])


def _in_it(lower: list[str], i: int) -> bool:
    """"the folder I'm in", "the directory i am in": where the command runs."""
    return lower[i] in NOUNS and lower[i] != "file" and any(lower[i + 1 : i + 1 + len(w)] == w for w in _I_AM_IN)


def _introduced_by(lower: list[str], i: int) -> str:
    """The word before a noun phrase ("to" in "to my home folder")."""
    j = i - 1
    while j >= 0 and lower[j] in _SKIPPED:
        j -= 1
    return lower[j] if j >= 0 else ""


_SEEKING = frozenset({"find", "locate", "where", "where's", "wheres", "is", "for"})  # "where is", "look for"


def sought(values: list[Value], lower: list[str], made: Collection[str]) -> None:
    """In a search, a name ("files named x", not "the link called current": `made` words say what is
    made) and a file said right after the search's verb ("find nginx.conf anywhere", "where is
    nginx.conf") are what is looked for, not where."""
    for value in values:
        if value.role == "name" and value.at > 1 and lower[value.at - 2] not in made:
            value.role = "sought"
        elif value.kind in ("file", "path", "name") and "/" not in value.text and not value.role and (
            _after_seeking(lower, value.at)
        ):
            value.role = "sought"
        if value.role == "sought" and value.kind in ("file", "path") and "/" not in value.text:
            value.kind = "name"  # "named .env": a name to match, found anywhere below


def only_sought(values: list[Value], words: list[str]) -> bool:
    """Whether a request says only what to look for, its other words small ones ("any pngs in
    ~/Pictures?", "where's docker-compose.yml"): a search, though no word says so."""
    table = vocabulary()
    said = {table.same.get(word, word) for word in words}
    return not said - table.stop and any(v.kind == "glob" or v.role == "sought" for v in values)


def _after_seeking(lower: list[str], i: int) -> bool:
    """Whether word i comes right after a search's verb, past "my", "the" ("wheres my id_rsa")."""
    j = i - 1
    while j > 0 and lower[j] in _SKIPPED:
        j -= 1
    return j >= 0 and lower[j] in _SEEKING and (lower[j] not in ("is", "for") or j > 0 and lower[j - 1] in (
        "where", "look", "search", "hunt"))


def joined_names(values: list[Value], lower: list[str] = ()) -> list[Value]:
    """"a folder named backups inside /tmp" names `/tmp/backups`: a name and the place it goes; not
    one made in every folder under the place ("a .gitkeep in every empty folder under assets")."""
    if _EACH.intersection(lower):
        return values
    names = [v for v in values if v.role == "name"]
    places = [v for v in values if v.role == "in" and v.kind in ("dir", "path") and v.text not in (".",)]
    if len(names) == 1 and len(places) == 1 and "/" not in names[0].text:
        name, place = names[0], places[0]
        name.text = os.path.join(place.text, name.text)
        name.words += place.words
        name.spans += place.spans
        values.remove(place)
    return values


_EACH = frozenset({"every", "each"})
_AS_USER = frozenset({"as", "user", "username"})  # "to 192.168.1.50 (user deploy) into /opt/backups": who logs in


_PUTTING = frozenset({"put", "drop", "place", "leave", "stick", "stash"})


def _put_there(lower: list[str], j: int) -> int:
    """Past "and put it" after a host ("to db1 and put it in /tmp"): where the folder said next is."""
    k = j + 1 if j < len(lower) and lower[j] in (",", "and", "then") else j
    return k + 2 if k + 1 < len(lower) and lower[k] in _PUTTING and lower[k + 1] in ("it", "them") else j


def sides(values: list[Value], lower: list[str]) -> None:
    """Which places are on another host or in a container: "/var/www on the server web01",
    "app.log from host db1" and "to db1 in /srv" are there (side "remote"); so is what a copy takes
    "from", "off" or "out of" one ("grab app.log from the container web"), except where it goes
    ("to ./logs"). When the request puts any place there, or copies "to" one, its other places are
    here (side "local"). A request that names neither leaves every side open."""
    remotes = [v for v in values if v.kind in _REMOTE_KINDS]
    if not remotes:
        return
    places = [v for v in values if v.kind in _PLACE_KINDS]
    for place in places:
        j = max(place.spans, default=place.at) + 1
        if j < len(lower) and lower[j] in NOUNS:
            j += 1  # "my home folder on host backup"
        if j < len(lower) and lower[j] in _ON_HOST:
            j += 1
            while j < len(lower) and (lower[j] in _SKIPPED or lower[j] in _HOST_WORDS):
                j += 1
            if any(remote.at == j for remote in remotes):
                place.side = "remote"
    users = {v.at for v in values if v.kind == "user"}
    for remote in remotes:
        j = remote.at + 1
        while j < len(lower) and (lower[j] in _HOST_WORDS or lower[j] in _REMOTE_NOUNS or j in users or (
            lower[j] in _AS_USER and j + 1 in users
        )):
            j += 1  # "into the nginx container at /usr/share/nginx/html", "to the staging box as deploy, into /tmp"
        j = _put_there(lower, j)  # "scp dump.sql to db1 and put it in /tmp"
        if j < len(lower) and lower[j] in _WITHIN:  # "to db1 in /srv", "into container api at /etc/app"
            j += 1
            while j < len(lower) and lower[j] in _SKIPPED:
                j += 1
            for place in places:
                if place.at == j:
                    place.side = "remote"
                    if direction(remote, lower) == "to" and place.role in ("", "in"):
                        place.role = "to"  # "to nas.local in /backup": where the copy goes
        if direction(remote, lower) == "from":
            for place in places:
                if not place.side and place.role != "to" and place.text != ".":  # "… to here" is here
                    place.side = "remote"
    if any(p.side == "remote" for p in places) or any(direction(r, lower) == "to" for r in remotes):
        for place in places:
            if not place.side:
                place.side = "local"


def fetched(values: list[Value]) -> bool:
    """Whether a request takes a place from another host or a container ("grab app.log from the
    container web", "get /var/log/syslog off 10.1.1.1"): a copy from there."""
    return any(v.kind in _REMOTE_KINDS and v.role == "from" for v in values) and any(v.side == "remote" for v in values)


def direction(remote: Value, lower: list[str]) -> str:
    """Which way a copy goes with a host or a container: "from" ("from the container web", "off
    10.0.0.5", "out of pod api"), "to" ("to db1", "into container api"), or ""."""
    if remote.role in ("from", "to"):
        return remote.role
    j = min(remote.spans, default=remote.at) - 1
    while j >= 0 and (lower[j] in _SKIPPED or lower[j] in _HOST_WORDS or lower[j] in _REMOTE_NOUNS):
        j -= 1
    return way_at(lower, j)


def way_at(lower: list[str], j: int) -> str:
    """Which way word j says a copy goes: "to" ("to", "into", "onto"), "from" ("from", "off", the
    "of" of "out of"), or "" (none, or no word: j < 0)."""
    if j < 0:
        return ""
    if lower[j] == "of" and j > 0 and lower[j - 1] == "out":
        return "from"
    return _ROLES.get(lower[j], "") if lower[j] in _WAYS else ""


def nested(values: list[Value], cwd_dirs: Collection[str]) -> None:
    """A relative path of several levels whose first one is not here (`src/main/java`) needs its
    parents made: `mkdir` takes it only with `-p` (read before a name is put inside a stated place,
    which is there already)."""
    for value in values:
        text = value.text.rstrip("/")
        if value.kind not in ("dir", "path", "name") or text.startswith(("/", "~", ".")):
            continue
        if "/" in text and text.split("/", 1)[0] not in cwd_dirs:
            value.nested = True


def formats(values: list[Value], types: dict[str, str]) -> None:
    """"convert report.md into pdf": the file it makes is `report.pdf`, the name of the file it
    converts with the format's extension, when the word is that extension (the word table's file
    types: "into backup" is a folder, not `.bak`)."""
    sources = [v for v in values if v.kind == "file" and v.role != "to" and "." in v.text]
    for value in values:
        glob = types.get(value.text.lower(), "") if value.role == "to" and value.kind == "path" else ""
        if sources and glob == "*." + value.text.lower() and sources[0].at < value.at:  # "into backup" is no `.bak`
            value.kind, value.text = "file", sources[0].text.rsplit(".", 1)[0] + glob[1:]


def ways(command: str, slots: list, places: Collection[str], remotes: Collection[str]) -> list:
    """A copy's other side says which way it goes by where it stands in the command: `scp
    {{host}}:{{file}} .` takes from the host, `docker cp {{file}} {{container_name}}:{{path}}` puts
    into the container. `slots` (nlshell/offline/slots.py's, in order) with `way` set on each host,
    container or pod (`remotes`) written before a place or alone with its colon."""
    found = []
    for k, slot in enumerate(slots):
        if slot.kind in remotes and command[slot.end : slot.end + 1] == ":":
            after = command[slot.end + 1 : slot.end + 2]
            following = slots[k + 1] if k + 1 < len(slots) else None
            if after in ("", " ") or (following and following.start == slot.end + 1 and following.kind in places):
                earlier = any(other.kind in places for other in slots[:k])
                slot = dataclasses.replace(slot, way="to" if earlier else "from")
        found.append(slot)
    return found


_CONTENTS = frozenset({("everything", "in"), ("everything", "inside"), ("contents", "of"), ("everything", "under")})
_EMPTYING = frozenset("delete remove rm clear wipe empty clean purge nuke trash erase".split())


def contents(values: list[Value], lower: list[str]) -> None:
    """"clear out everything in /tmp/scratch but keep the dir itself": what is removed is what the
    folder holds, `/tmp/scratch/*`, never the folder (`rm -r /tmp/scratch`)."""
    if _EMPTYING.isdisjoint(lower):
        return
    for value in values:
        at = value.at
        while at > 0 and lower[at - 1] in _DETERMINERS:
            at -= 1  # "everything in the cache folder"
        if value.kind in ("dir", "path") and at > 1 and tuple(lower[at - 2 : at]) in _CONTENTS:
            value.kind, value.text, value.role = "glob", value.text.rstrip("/") + "/*", ""
