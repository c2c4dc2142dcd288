"""A login said for a request's own use: "curl … with basic auth admin / s3cret", "admin:s3cret",
"as user admin with password s3cret". The user goes where a command takes a user, the password
where it takes one (`curl -u {{user}}:{{password}}`). A lone slash between two names after such a
word is the pair's separator, never the root folder (it was `curl --output-dir / -O …`, a download
into `/` for a request that only asks).
"""

from __future__ import annotations

import re

from nlshell.offline.value import Add

_AUTH = frozenset("auth authentication basic credentials creds login user username".split())
_PASSWORD = frozenset({"password", "pass", "pw", "passphrase"})
_GIVEN = frozenset({"with", "using", "and"})  # "with password s3cret"
_NAME = re.compile(r"^[\w.@+-]+$")
_PAIR = re.compile(r"^([A-Za-z_][\w.@+-]*):([^\s:/]+)$")  # admin:s3cret; not 10:00, not web1:/tmp
_NEAR = 3  # an auth word this many words before says the pair is a login


def read(add: Add, tokens: list[str], lower: list[str], i: int) -> bool:
    """A login's user or password at token i; whether it read one."""
    before = lower[i - 1] if i else ""
    if before in _PASSWORD and i > 1 and lower[i - 2] in _GIVEN and _NAME.match(tokens[i]):
        add("password", tokens[i], i)  # "with password s3cret"; "change his password next time" names none
        return True
    if not _AUTH.intersection(lower[max(0, i - _NEAR) : i]):
        return False
    if pair := _PAIR.match(tokens[i]):
        add("user", pair.group(1), i)
        add("password", pair.group(2), i)  # "basic auth admin:s3cret"
        return True
    if lower[i + 1 : i + 2] == ["/"] and i + 2 < len(tokens) and _NAME.match(tokens[i]) and _NAME.match(tokens[i + 2]):
        add("user", tokens[i], i)
        add("password", tokens[i + 2], i + 1, last=i + 2, at=i + 2)  # "basic auth admin / s3cret"
        return True
    return False
