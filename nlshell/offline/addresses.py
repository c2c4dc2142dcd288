"""Addresses known by their shape alone: a URL (`https://…`, `git@host:repo.git`, `localhost:8080/users`,
`api.example.com/items/5`), an IPv4 address or network, a place on another machine (`web01:/var/www`),
and a domain name (`example.org`, `bastion.corp`) — a word with a dot is a host only when it ends in a
domain ending, else a file (`notes.md`). nlshell/offline/values.py reads each token here first.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_URL = re.compile(r"^(?:(?:https?|ftp|ssh|git)://\S+|[\w.-]+@[\w.-]+:[\w~./-]+\.git)$", re.I)
# An address on the web said without its scheme: a host and port with a path ("localhost:8080/users"),
# or a domain with one ("api.example.com/items/5"; its ending is checked against _DOMAINS).
_PORTED_PATH = re.compile(r"^(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|(?:[a-z0-9-]+\.)+[a-z]{2,12}):\d{2,5}/\S*$", re.I)
_DOMAIN_PATH = re.compile(r"^((?:[a-z0-9-]+\.)+[a-z]{2,12})/\S*$", re.I)
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?$")  # an address, or a network: 192.168.1.0/24
_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,12}$", re.I)
REMOTE = re.compile(r"^(?:[\w.-]+@)?[\w.-]+:[/~]\S*$")  # web01:/var/www, deploy@web01:~/app
# a host and its port: smtp.office365.com:587, 10.0.0.5:22, localhost:8080, db1:5432 (an image's tag is
# short or dotted: node:18, python:3.12)
HOST_PORT = re.compile(
    r"^(localhost|\d{1,3}(?:\.\d{1,3}){3}|(?:[a-z0-9-]+\.)+[a-z]{2,12}):(\d{2,5})$|^([a-z][a-z0-9-]*\d[a-z0-9-]*):(\d{4,5})$", re.I
)


def host_port(token: str) -> tuple[str, str] | None:
    """(host, port) of a token that says both, else None."""
    found = HOST_PORT.match(token)
    if not found:
        return None
    return (found[1], found[2]) if found[1] else (found[3], found[4])
# What a word with a dot is: a host when it ends in one of these, else a file.
_DOMAINS = frozenset(
    """com org net io dev edu gov info biz co uk de fr nl eu us ca au in jp cn ru br it es ch se no fi pl be at
    dk cz local lan internal app cloud ai me tv xyz site online tech ly gl gg corp intra intranet home localdomain
    shop store blog news live email club design studio agency world today network systems solutions works zone
    website pro mobi asia kr tw hk sg nz za mx cl ie gr hu ro ua il vn ph space fun top""".split()  # bit.ly, goo.gl: link shorteners
)


def shaped(token: str, cwd_dirs: Collection[str]) -> str:
    """The kind of address the token is by its shape alone ("url", "host", "remote"), or ""."""
    if _URL.match(token) or _PORTED_PATH.match(token) or _web_path(token, cwd_dirs):
        return "url"
    if _IPV4.match(token):
        return "host"
    return "remote" if REMOTE.match(token) else ""


def domain(token: str, cwd_files: Collection[str]) -> bool:
    """Whether a word with a dot names a machine (`example.org`), not a file here or anywhere (`notes.md`)."""
    return bool(_HOST.match(token)) and _ending(token) in _DOMAINS and token not in cwd_files


def _web_path(token: str, cwd_dirs: Collection[str]) -> bool:
    """A domain with a path, no folder here: "api.example.com/items/5" is on the web."""
    found = _DOMAIN_PATH.match(token)
    return bool(found) and _ending(found.group(1)) in _DOMAINS and found.group(1) not in cwd_dirs


def _ending(token: str) -> str:
    return token.rsplit(".", 1)[-1].lower() if "." in token else ""
