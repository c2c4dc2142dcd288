"""Names in source code a request looks for: "which file defines class UserService", "where is
function parseArgs defined", "where is def handle_request", "find where getUserById is used".

A name after a word that says what it is in code (the word table's `around code_kinds` line:
class, function, def …) is a pattern to search for, whatever word it is. A name written the way
only code writes names (camelCase, PascalCase with a second capital, snake_case) is one too where
the request asks where something is defined or used (`around code_uses`), and one in camelCase or
PascalCase where it looks through lines (`around code_seen`: "each OutOfMemory in app.log"); "where
is handle_request" alone may be a file's name.

A key of a key-value store is named with colons ("delete key session:abc123 from redis", "ttl on
the redis key rate:user:991"): where the request says key or redis, such a word is the key.
"""

from __future__ import annotations

import re

from nlshell.offline.vocabulary import vocabulary
from nlshell.offline.value import Add

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_STORE_KEY = re.compile(r"^[A-Za-z][\w.-]*(?::[\w.*-]+)+$")  # session:abc123, rate:user:991
_PLACE_NOUNS = frozenset({"folder", "directory", "dir", "file", "subfolder", "subdirectory"})
_KEYED = frozenset({"key", "keys", "redis", "redis-cli", "memcached", "etcd", "etcdctl"})
_CAMEL_CASE = re.compile(r"^_*[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$|^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$")
_CODE_CASE = re.compile(r"^_*[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$|^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$|^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")



def read(add: Add, tokens: list[str], lower: list[str], i: int) -> bool:
    """The code name (or a store's key) at token `i`, as a pattern (a key); whether it read one."""
    token = tokens[i]
    if _STORE_KEY.match(token) and not _KEYED.isdisjoint(lower):
        add("key", token, i)
        return True
    if not _IDENTIFIER.match(token):
        return False
    around = vocabulary().around
    before = lower[i - 1] if i else ""
    if before in around["code_kinds"] and token.lower() not in vocabulary().stop:
        add("pattern", token, i - 1, last=i, at=i)  # "class UserService", "function parseArgs", "def handle_request"
        return True
    if before in ("called", "named") and i > 1 and lower[i - 2] in _PLACE_NOUNS:
        return False  # "into a folder called site_old": a folder's name, no name in code
    if _CODE_CASE.match(token) and not around["code_uses"].isdisjoint(lower):
        add("pattern", token, i)  # "where getUserById is used", "which file defines OrderService"
        return True
    if _CAMEL_CASE.match(token) and not around["code_seen"].isdisjoint(lower):
        add("pattern", token, i)  # "5 lines either side of each OutOfMemory in app.log"
        return True
    return False
