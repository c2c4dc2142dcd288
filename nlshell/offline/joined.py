"""Values written together in a command: a place on a host (`web01:/var/www`), a user at the
host a program logs in to (`ssh pi@raspberrypi.local`), files of a kind in a folder
(`cp camera/*.jpg …`). nlshell/offline/slots.py chooses a placeholder for each value first; these
decide what is written before which, and which values that uses up.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol

from nlshell.offline.commands import first_program
from nlshell.offline.value import Value

HOST_PATHS = frozenset({"rsync", "scp"})  # programs that read a place on another host as `host:path`
LOGINS = frozenset({"ssh", "mosh", "sftp", "ssh-copy-id", "autossh", "sshfs"})  # programs that log in as `user@host`
_SAFE_FOLDER = re.compile(r"^[\w@%+=:,./~-]+$")


class Slot(Protocol):
    """What these read of a placeholder (nlshell/offline/slots.py's `_Slot`)."""

    start: int
    end: int
    kind: str
    side: str
    searched: bool
    logs_in: bool


def folders_joined(slots: list[Slot], chosen: dict[int, list[Value]], unused: list[Value]) -> dict[int, str]:
    """A file pattern the request takes from a folder ("the jpgs from the camera folder") is
    written inside it where a command takes the files themselves (`cp camera/*.jpg …`): what goes
    before which value (by `id`); the folder is used (removed from `unused`). So is one file said in a
    folder no placeholder took ("an empty notes.txt in docs/")."""
    folder = next((v for v in unused if v.kind == "dir" and v.role != "to" and v.text not in (".", "~")), None)
    globs = [v for i, taken in chosen.items() if slots[i].kind in ("file", "path") and not slots[i].searched
             for v in taken if v.kind == "glob" and "/" not in v.text]
    if not globs:  # "an empty notes.txt in docs/": `touch docs/notes.txt`; "app.log in /var/log/myapp"
        folder = next((v for v in unused if v.kind in ("dir", "path") and v.role == "in" and v.text not in (".", "~")), None)
    if folder is not None and not globs:
        globs = [v for i, taken in chosen.items() if slots[i].kind in ("file", "path") and not slots[i].searched
                 for v in taken if v.kind in ("file", "path") and "/" not in v.text and v.at == folder.at - 2 and v.text != "."]
    if folder is None or len(globs) != 1 or not _SAFE_FOLDER.match(folder.text):
        return {}
    unused.remove(folder)
    return {id(globs[0]): folder.text.rstrip("/") + "/"}


def files_folder(values: list[Value]) -> Value | None:
    """The folder the request's one file pattern is taken from ("the .log files in /var/log/myapp"):
    a command that takes those files takes it with them (`gzip /var/log/myapp/*.log`)."""
    globs = [v for v in values if v.kind == "glob" and "/" not in v.text]
    if len(globs) != 1:
        return None
    return next((v for v in values if v.kind == "dir" and v.role in ("from", "in") and v.at > globs[0].at), None)


def logged_in(slots: list[Slot], chosen: dict[int, list[Value]], unused: list[Value]) -> int:
    """How many users went in with their host (`ssh pi@raspberrypi.local`): they are used, not
    left out (removed from `unused`)."""
    hosts = {v.at for i, taken in chosen.items() if slots[i].logs_in for v in taken if v.login}
    logged = [v for v in unused if v.kind == "user" and v.at in hosts]
    for value in logged:
        unused.remove(value)
    return len(logged)


def unhosted(slots: list[Slot], chosen: dict[int, list[Value]], unused: list[Value]) -> None:
    """A place on the request's host goes only after that host: in `{{host1}}:{{path}}
    {{host2}}:{{path}}`, "/var/www on web01" is not on a host left open."""
    for i in list(chosen):
        host = i - 1
        if host < 0 or slots[host].kind != "host" or slots[host].end != slots[i].start - 1 or host in chosen:
            continue
        if any(v.side == "remote" for v in chosen[i]):
            unused.extend(chosen.pop(i))


def hosts_joined(command: str, slots: list[Slot], chosen: dict[int, list[Value]], unused: list[Value]) -> dict[int, str]:
    """A place the request puts on a host ("/var/www on the server web01"), chosen for a
    placeholder with no host of its own, is written `web01:/var/www` where the program reads that
    form (rsync, scp). What goes before which value (by `id`); the host counts as used."""
    host = next((v for v in unused if v.kind == "host"), None)
    if host is None or first_program(command) not in HOST_PATHS:
        return {}
    joined = {id(v): host.text + ":" for i, taken in chosen.items() if slots[i].side != "remote"
              for v in taken if v.side == "remote"}
    if joined:
        unused.remove(host)
    return joined


def _free_local(slots: list[Slot], chosen: dict[int, list[Value]], after: int) -> int | None:
    """The first place on this machine after slot `after` that took no value (`sshfs {{host}}:{{path}}
    {{mountpoint}}`'s mount point), or None."""
    return next((j for j in range(after + 1, len(slots))
                 if j not in chosen and slots[j].side == "local" and slots[j].kind in ("file", "dir", "path")), None)


def remotes_split(command: str, slots: list[Slot], chosen: dict[int, list[Value]]) -> None:
    """A place said whole on another machine ("backup01:/srv/backups") chosen for `{{host}}` of a
    `{{host}}:{{path}}` pair is its two halves, one in each: `scp x backup01:/srv/backups`, never
    `backup01:/srv/backups:{{path}}`; a file said beside a remote folder goes in that folder."""
    for i in list(chosen):
        taken = chosen[i]
        after = i + 1
        if slots[i].kind != "host" or len(taken) != 1 or taken[0].kind != "remote" or after >= len(slots):
            continue
        if command[slots[i].end : slots[after].start] != ":":
            continue
        host, _, path = taken[0].text.partition(":")
        named = chosen.get(after, [])
        in_folder = path.endswith("/") and len(named) == 1 and "/" not in named[0].text  # "config.yml from app01:/etc/myapp/"
        if path and not in_folder and len(named) == 1 and slots[after].side == "remote" and (
            here := _free_local(slots, chosen, after)
        ) is not None:
            chosen[here] = chosen.pop(after)  # "mount deploy@nas:/media at ~/nas": ~/nas is the mount point, here
            named = []
        if after in chosen and not in_folder:
            continue
        if host and path:  # "config.yml from app01:/etc/myapp/": the file in that folder, `app01:/etc/myapp/config.yml`
            chosen[i] = [replace(taken[0], kind="host", text=host)]
            chosen[after] = [replace(named[0], text=path + named[0].text) if named else replace(taken[0], kind="path", text=path)]
