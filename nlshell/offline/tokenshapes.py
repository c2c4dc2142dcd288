"""Values a token's shape alone says: a stash of git's (`stash@{1}`), a host with its port
(`smtp.office365.com:587`), an address (a URL, an IP address, `host:/path`), a path into a JSON
document said as jq writes it (`.data.id`), a locale (`en_US.UTF-8`), a port with its protocol
(`8443/tcp`). Read in the order nlshell/offline/values.py asks, between the readings of words."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from nlshell.offline import addresses, jsonfields

STASH = re.compile(r"stash@\{\d+\}")  # one of git's stashes by its place in the list
_LOCALE = re.compile(r"[a-z]{2,3}_[A-Z]{2}(?:\.[A-Za-z0-9-]+)?(?:@\w+)?")  # en_US.UTF-8, de_DE, sr_RS@latin
_PORT_PROTOCOL = re.compile(r"\d{1,5}/(?:tcp|udp)")  # 8443/tcp
_FIREWALLS = frozenset("ufw firewall firewalld iptables nft nftables allow deny block reject".split())
_JSON_SAID = frozenset("json jq jsonl api response reply returns field fields".split())


def addressed(add: Callable, token: str, i: int, role_at: Callable[[int], str], cwd_dirs: Collection[str]) -> bool:
    """A stash, a host with its port, or an address; whether the token was one."""
    if STASH.fullmatch(token):
        add("stash", token, i)  # "drop stash@{1}": that one, not the latest
    elif said_both := addresses.host_port(token):
        add("host", said_both[0], i, role_at(i), port=said_both[1])  # "is smtp.office365.com:587 open": the host, then its port
        add("port", said_both[1], i)
    elif address := addresses.shaped(token, cwd_dirs):
        add(address, token, i, role_at(i))  # a URL, an IP address, a place on another machine
    else:
        return False
    return True


def shaped(
    add: Callable, tokens: list[str], low: str, i: int, role_at: Callable[[int], str], said: set[str],
    known_types: Collection[str], cwd_dirs: Collection[str],
) -> bool:
    """A jq path, a locale, or a port with its protocol (`low`: the token as the request's words are
    read, lower case); whether the token was one."""
    token = tokens[i]
    extension = token.rsplit(".", 1)[-1].lower() if "." in token else ""
    if jsonfields.JQ_PATH.fullmatch(token) and ("." in token[1:] or "[" in token) and extension not in known_types and (
        said & _JSON_SAID or any(addresses.shaped(t, cwd_dirs) == "url" for t in tokens)
    ):
        add("key", token[1:], i)  # "get .data.id out of whatever localhost:9000/jobs returns": `jq '.data.id'`
    elif _LOCALE.fullmatch(token):
        add("locale", token, i, role_at(i))  # "set the system locale to en_US.UTF-8": no file
    elif _PORT_PROTOCOL.fullmatch(low):
        # "open 8443/tcp in ufw": a firewall rule keeps the protocol (`ufw allow 8443/tcp`); elsewhere the port
        add("port", low if said & _FIREWALLS else low.split("/")[0], i, role_at(i))
    else:
        return False
    return True
