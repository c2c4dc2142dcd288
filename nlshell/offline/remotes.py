"""The host a request names for a program that reaches another machine: "ssh into build01",
"ssh to db2 as root", "copy notes.txt to backup01 with scp", "run uptime on web3 over ssh",
"ping db2".
A request that names no such program names a host too where only another machine can be meant:
said with a word of the table's `around remote_words` line ("free memory on cache1 remotely"), a
name led to or from with a folder given on it ("copy backup.tar.gz to nas into /backups"), or the
machine a full path is fetched from ("grab /var/log/app.log from prod01"), or the machine a place
to copy to is on ("to my home dir on box1").

Read once every other reading is done (nlshell/offline/values.py), and only when the request says
such a program (the word table's `around remote_programs` line). There a bare name said after
"to", "into", "on" or "at", or right after the program said as a command, is the other machine, not a folder
here: values.py reads "to build01" as a path, and "on web3" as nothing. A name with a slash or an
extension, or one that is a folder or file here, stays a place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from nlshell.offline.software import is_software
from nlshell.offline.value import Add, Value
from nlshell.offline.vocabulary import vocabulary

_BARE = re.compile(r"^[a-z0-9][a-z0-9-]*$", re.I)  # build01, db-2, prod; not photos/ nor notes.txt
_LEADS = frozenset({"to", "into", "on", "onto", "at", "from", "off"})  # "grab app.log off prod1"
_NAMED_MACHINE = re.compile(r"[a-z][a-z-]*\d+[a-z\d-]*")  # db01, web-2, node3a: a name with a number
_ON_IT = frozenset({"in", "into", "at", "under", "inside"})  # "to nas into /backups": a folder there
_PLACE_ROLES = frozenset({"to", "in", ""})
# Words before a program said as a command ("ping db2", "then ssh build01"); "ssh says …",
# "my ssh key" name no host.
_COMMANDING = frozenset({"and", "then", "just", "please", "to", "can", "you"})
_AFTER_HOST = frozenset({"as", "and", "with", "using", "on", "over", "via", "then"})



_BY = frozenset({"over", "via", "through", "using", "with", "by"})  # "over ssh"
_LOGIN = frozenset({"logging", "log", "signing", "sshing"})  # "without logging in"


def logs_in(lower: list[str], i: int) -> bool:
    """Whether word i is the verb of "log in", "log on", "sign into" ("i need to log on to web3": no
    host called log; "the app log on prod-2" says it too: the caller tells a verb from a noun)."""
    return lower[i] in ("log", "sign") and lower[i + 1 : i + 2] in (["in"], ["on"], ["into"])


def remote(lower: list[str]) -> bool:
    """Whether the request says a program that reaches another machine, or that it is done there."""
    return not vocabulary().around["remote_programs"].isdisjoint(lower) or bool(done_there(lower))


def done_there(lower: list[str]) -> list[int]:
    """The positions of the words that say a job is done on another machine without naming what it
    runs there: "remotely", "over ssh", "without logging in" (empty when none says so)."""
    said: list[int] = []
    for i, word in enumerate(lower):
        if word in vocabulary().around["remote_words"]:
            said.append(i)
        elif word == "ssh" and i and lower[i - 1] in _BY:
            said += [i - 1, i]
        elif word == "without" and lower[i + 1 : i + 2] and lower[i + 1] in _LOGIN and lower[i + 2 : i + 3] in (["in"], ["on"]):
            said += [i, i + 1, i + 2]
        elif word in _REFUSING and (end := _login_after(lower, i)):
            said += list(range(i, end))  # "dont want to log in", "no need to ssh in", "not logging in interactively"
    return said


_REFUSING = frozenset({"dont", "don't", "not", "no", "never", "rather"})
_ON_THE_WAY = frozenset({"want", "wanna", "need", "needing", "to", "have", "having", "bother", "bothering", "even"})
_INTERACTIVELY = frozenset({"interactively", "manually", "there", "first"})


def _login_after(lower: list[str], i: int) -> int:
    """The end of "… log in [interactively]" when it follows word i over words that only lead to it
    ("dont want to log in interactively"), else 0."""
    j = i + 1
    while j < len(lower) and lower[j] in _ON_THE_WAY:
        j += 1
    if not (j + 1 < len(lower) and lower[j] in _LOGIN | {"ssh"} and lower[j + 1] in ("in", "on")):
        return 0
    j += 2
    return j + 1 if j < len(lower) and lower[j] in _INTERACTIVELY else j


def read(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Add,
         plain: Callable[[str], bool], here: Collection[str]) -> None:
    """Make the bare names the request says where a host goes hosts; `here`: names of this folder."""
    if not remote(lower):
        _placed(values, tokens, lower, taken, add, plain, here)
        return
    programs = vocabulary().around["remote_programs"]
    there = set(done_there(lower))  # "dont want to log in": no host nor folder called log
    values[:] = [value for value in values if value.at not in there]
    for value in values:
        if value.kind == "path" and value.role in _PLACE_ROLES and _host_like(value.text, here) and _led(lower, value.at, programs):
            value.kind = "host"  # "ssh into build01", "scp notes.txt to backup01"
    for i, token in enumerate(tokens):
        if i in taken or i in there or not i or logs_in(lower, i) or not _host_like(token, here) or not plain(lower[i]) or lower[i] in programs:
            continue
        if lower[i - 1] in _LEADS or (lower[i - 1] in programs and _named_host(tokens, lower, i)):
            add("host", token, i, "to" if lower[i - 1] in ("to", "into", "onto") else "in")  # "on web3", "ping db2"
            values.sort(key=lambda v: v.at)


def _placed(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Add,
            plain: Callable[[str], bool], here: Collection[str]) -> None:
    """The hosts only a place on another machine explains: "to web2 in /var/www" (a name before a
    full path it holds) and "/var/log/app.log from prod01" (a full path fetched from a name)."""
    fetched = any(value.text.startswith("/") and lower[value.at + 1 : value.at + 2] in (["from"], ["off"]) for value in values)
    ported = any(value.kind == "port" for value in values)  # "is port 5432 open on db01": a port is some machine's
    # "put my key on bastion so i can log in", "my public key on bastion": a machine
    logging_in = any(logs_in(lower, j) for j in range(len(lower)))
    known_hosts = "known_hosts" in lower or any(lower[j : j + 2] == ["known", "hosts"] for j in range(len(lower)))
    for i, token in enumerate(tokens):
        if known_hosts and i and _NAMED_MACHINE.fullmatch(lower[i]) and i not in taken and plain(lower[i]):
            add("host", token, i)  # "remove db1 from known_hosts": a machine the file knows
            values.sort(key=lambda v: v.at)
            continue
        if not i or not _host_like(token, here) or not plain(lower[i]) or lower[i - 1] not in _LEADS or logs_in(lower, i) or (
            is_software(lower[i])  # "load dump.sql into mydb on mysql": the database's software, no machine
        ):
            continue
        held = lower[i + 1 : i + 2] and lower[i + 1] in _ON_IT and tokens[i + 2 : i + 3] and tokens[i + 2].startswith("/")
        if not (held or (fetched and lower[i - 1] in ("from", "off")) or (ported and lower[i - 1] in ("on", "at") and _NAMED_MACHINE.fullmatch(lower[i]))
                or _on_machine(values, lower, i) or ((logging_in or (i > 1 and lower[i - 2] in ("key", "keys"))) and lower[i - 1] in ("on", "to", "onto", "into"))):
            continue
        role = "to" if lower[i - 1] in ("to", "into", "onto") else "in"
        said = [value for value in values if value.at == i]
        if any(value.kind != "path" for value in said):
            continue
        for value in said:
            value.kind, value.role = "host", role  # values.py read "to nas" as a path
        if i not in taken:
            add("host", token, i, role)
            values.sort(key=lambda v: v.at)


def _on_machine(values: list[Value], lower: list[str], i: int) -> bool:
    """"copy report.pdf to my home dir on box1": a place a thing goes to or comes from, said on a
    machine named right after it (a name with a number, or the request's last word)."""
    homed = lower[max(0, i - 4) : i - 2] in (["to", "home"], ["my", "home"], ["the", "home"])  # read as `~` after this
    return lower[i - 1] == "on" and (bool(_NAMED_MACHINE.fullmatch(lower[i])) or i == len(lower) - 1) and (homed or any(
        value.kind in ("dir", "file", "path") and value.role in ("to", "from") and 0 < i - 1 - value.at <= 2 for value in values
    ))


def _named_host(tokens: list[str], lower: list[str], i: int) -> bool:
    """Whether the word right after the program is the host it is given ("ping db2", "ssh prod as
    root"), not a word of the sentence ("ssh says my key is too open", "my ssh key")."""
    commanded = i == 1 or lower[i - 2] in _COMMANDING
    shaped = any(c.isdigit() or c == "-" for c in tokens[i])
    ends = i + 1 == len(lower) or lower[i + 1] in _AFTER_HOST
    return commanded and (shaped or ends)


def _host_like(text: str, here: Collection[str]) -> bool:
    return bool(_BARE.fullmatch(text)) and text not in here and not text.isdigit()


def _led(lower: list[str], at: int, programs: frozenset[str]) -> bool:
    """Whether the word before the value says a host: "to", "into", "on", or the program itself."""
    return at > 0 and (lower[at - 1] in _LEADS or lower[at - 1] in programs)
