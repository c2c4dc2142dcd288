"""The port a firewall request means by a service's name: "allow ssh from 10.0.0.0/8" is port 22,
"block postgres from outside" 5432 (the word table's `port` lines, and ssh). Without it the rule's
`{{port}}` stayed open though the request said which. Only in a request about a firewall or a rule
that lets in or keeps out (a tunnel reads its own ports: nlshell/offline/tunnels.py), and only when
no port is said as a number.
"""

from __future__ import annotations

from nlshell.offline.value import Add, Value
from nlshell.offline.vocabulary import vocabulary

_RULES = frozenset("firewall ufw iptables nft nftables firewalld firewall-cmd allow allowed deny denied block blocked "
                   "permit reject whitelist blacklist".split())
_SSH = {"ssh": "22", "openssh": "22"}  # ssh is the client's name too: the table keeps it out of tunnels


def read(values: list[Value], lower: list[str], add: Add) -> None:
    """Add the port of the service a firewall request names."""
    if any(v.kind == "port" for v in values) or _RULES.isdisjoint(lower):
        return
    ports = {**vocabulary().ports, **_SSH}
    taken = {v.at for v in values}
    for i, word in enumerate(lower):
        if word in ports and i not in taken:
            add("port", ports[word], i, searched=True)
            values.sort(key=lambda v: v.at)
            return
