"""What kind of server a base URL names: whether a key sent to it could be read on the way.

A key sent over plain http:// is readable by anyone on the path, unless the server is on this
machine (loopback). nlshell still sends it, since the user configured both, but says so once.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1, 0.0.0.0 (this machine) or a localhost name."""
    host = host.strip("[]").lower().rstrip(".")
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback or address.is_unspecified


def plain_http_warning(base_url: str) -> str | None:
    """The warning for sending a key to `base_url`, or None when the way there is private."""
    try:
        parts = urlsplit(base_url)
        host = parts.hostname or ""
    except ValueError:
        return None  # the client reports a URL it cannot use
    if parts.scheme.lower() != "http" or not host or is_loopback(host):
        return None
    return (f"the API key is sent unencrypted (http://) to {host}, where anyone on the network path can "
            "read it; use https://, or a server on this machine")
