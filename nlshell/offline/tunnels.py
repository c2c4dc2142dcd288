"""A port forwarded over ssh: which port here, which host and port there, which machine between.

"tunnel local 5433 to db.prod:5432 through bastion" says three values and a fourth by the way it
puts them; a placeholder for each (`-L {{local_port}}:localhost:{{remote_port}} {{host}}`) is
filled one word at a time, so `5433` went to `-p`, `db.prod:5432` became a git address and the
bastion was lost. The request is read whole here instead, and the forwarding example's command is
drawn from it: `ssh -N -L 5433:db.prod:5432 bastion`. A service named for its port ("postgres on
db1") says the port (the `port` lines of nlshell/data/words.tsv); a port said once is both ends;
what is not said stays a placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from nlshell.offline.offered import OfflineAnswer

# What a request asking for a forwarded port says ("tunnel", "port forward", "forward local 5433").
_ASKS = re.compile(r"\btunnel\w*|\bport[- ]?forward\w*|\bforward\w*\b.{0,40}\b(?:port|local\w*)\b|\b(?:local\w*|port) \d+\b.{0,30}\bforward")
# … and what says another program does it (kubectl port-forward, iptables, socat, a container's -p).
_OTHERS = re.compile(r"\b(?:kubectl|k8s|pod|pods|iptables|nft|socat|ufw|firewall|container|docker|compose|ngrok|router|vpn|wireguard|cloudflared)\b")
_REVERSE = re.compile(r"\breverse\b|\bexpose\b|\bfrom (?:the )?(?:outside|internet)\b")
_PORT = r"(\d{1,5})"
_NAME = r"([a-z0-9][\w.-]*[a-z0-9]|[a-z0-9])"
_HOST_PORT = re.compile(rf"(?<![\w:/]){_NAME}:{_PORT}\b")
_LOCAL = re.compile(rf"\b(?:local(?:ly|host)?|my (?:machine|laptop|box)|my end|here)(?: on)?(?: port)?:? ?{_PORT}\b|\b{_PORT} (?:locally|on my (?:machine|laptop|end|side)|here)\b")
_VIA = re.compile(rf"\b(?:through|via|over|using|thru|by way of) (?:the |a |my |our )?{_NAME}(?: (?:host|box|server|machine))?\b")
_ON = re.compile(rf"\b(?:on|at|from|of|to) (?:the |a |my |our )?{_NAME}\b")
_GENERIC = frozenset({
    "db", "database", "server", "box", "machine", "host", "remote", "other", "vm", "instance", "prod", "production",
    "staging", "side", "end", "internet", "outside", "network", "cluster", "it", "that", "this", "there",
})
_JUMP = frozenset({"jump", "jumpbox", "jumphost", "bastion", "gateway", "proxy"})
_NOT_NAMES = frozenset({"ssh", "port", "ports", "local", "localhost", "my", "the", "a", "an", "me", "it", "them", "here"})


@dataclass(frozen=True)
class Tunnel:
    local: str
    target: str  # the host the far end connects to, as the ssh host sees it
    remote: str
    via: str  # the ssh host

    def command(self) -> str:
        return f"ssh -N -L {self.local}:{self.target}:{self.remote} {self.via}"


def asks_tunnel(request: str) -> bool:
    lower = request.lower()
    return bool(_ASKS.search(lower)) and not _OTHERS.search(lower) and not _REVERSE.search(lower)


def drawn(request: str) -> Tunnel | None:
    """The tunnel a request asks for, None when it asks none (or one this reading cannot draw)."""
    if not asks_tunnel(request):
        return None
    from nlshell.offline.vocabulary import vocabulary

    lower = re.sub(r"[(),;]", " ", request.lower())
    service_ports = vocabulary().ports
    local = remote = target = via = ""
    if found := _LOCAL.search(lower):
        local = found.group(1) or found.group(2)
        lower = lower[: found.start()] + " " + lower[found.end() :]
    if found := _HOST_PORT.search(lower):
        target, remote = found.group(1), found.group(2)
        lower = lower[: found.start()] + " " + lower[found.end() :]
    if found := _VIA.search(lower):
        via = _host_word(found.group(1), jump=True)
        lower = lower[: found.start()] + " " + lower[found.end() :]
    words = lower.split()
    numbers = [w for w in words if w.isdigit() and 0 < int(w) < 65536]
    if not remote and numbers:
        remote = next((n for n in numbers if n != local), "")
    if not local and len(numbers) > 1 and remote:
        local = next((n for n in numbers if n != remote), "")
    services = [service_ports[w] for w in words if w in service_ports]
    if not remote and services:
        remote = services[0]
    for found in _ON.finditer(lower):
        name = found.group(1)
        if name in service_ports or name.isdigit() or name in _NOT_NAMES or name in ("port", "local"):
            continue
        if not target:
            target = _host_word(name, jump=False)
            break
    if target in _JUMP and not via:  # "postgres on the bastion host": the service runs on the ssh host
        via, target = target, ""
    if not via:  # the host the service runs on is the one ssh reaches
        via, target = target or "{{host}}", ""
    if not local and not remote:
        local, remote = "{{local_port}}", "{{remote_port}}"
    local, remote = local or remote, remote or local  # a port said once is both ends
    if target == via:
        target = ""
    return Tunnel(local, target or "localhost", remote, via)


def _host_word(word: str, *, jump: bool) -> str:
    """A host as said: a name, or a placeholder for "the db", "the jump box"."""
    if word in _JUMP and jump and word != "bastion":
        return "{{jump_host}}"
    if word in _GENERIC:
        return "{{jump_host}}" if jump else "{{remote_host}}"
    return word


def tunnelled(request: str, answer: Callable[[str], list[OfflineAnswer]]) -> list[OfflineAnswer]:
    """The answers to `request`; a forwarded port is drawn whole into the forwarding example."""
    tunnel = drawn(request)
    if tunnel is None:
        return answer(request)
    found = answer(_ASKED)
    drawn_once = [one.saying(tunnel.command()) for one in found if " -L " in one.hit.template]
    return (drawn_once[:1] + [one for one in found if " -L " not in one.hit.template]) if drawn_once else answer(request)


_ASKED = "forward a local port to a port on the remote server over an ssh tunnel"
