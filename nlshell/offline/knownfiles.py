"""Files everyone names by what they are, not by where they live: "the nginx error log" is
`/var/log/nginx/error.log`, "the hosts file" `/etc/hosts`, "my ssh config" `~/.ssh/config`.

Said so, the request names a file as surely as if it gave the path, and an example's
`{{path/to/file}}` takes it (`tail -f /var/log/nginx/error.log` for "watch the nginx errors come in
live"), and its path said as it is a file too, never a folder or a place on another machine. The
names are the word table's `around known_file:PATH` lines (nlshell/data/words.tsv),
each a phrase with its words joined by `+`; the longest said wins. Its words say which file, not
what to do with it, so they leave the search, all but the sort of file it is: "follow the nginx
error log" still asks about a log.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from nlshell.offline.value import Add


_SORTS = frozenset({"log", "logs", "file", "config"})


@functools.cache
def _phrases() -> dict[tuple[str, ...], str]:
    """Each phrase's words → the file's path, read once: every word of every request is looked up."""
    from nlshell.offline.vocabulary import vocabulary

    return {
        tuple(phrase.split("+")): role.split(":", 1)[1]
        for role, phrases in vocabulary().around.items() if role.startswith("known_file:") for phrase in phrases
    }


@functools.cache
def _paths() -> frozenset[str]:
    return frozenset(path for path in _phrases().values() if path.startswith("/"))


@functools.cache
def _longest() -> int:
    return max((len(words) for words in _phrases()), default=0)


def read(add: Add, lower: list[str], i: int, role_at: Callable[[int], str]) -> bool:
    """The well-known file named from token `i` on, in the role the words before it give; whether it read one."""
    phrases = _phrases()
    if lower[i] in _paths():
        add("file", lower[i], i, role_at(i))  # "add 10.0.0.5 gitlab.local to /etc/hosts": the file, no place to copy to
        return True
    if i + 1 == len(lower) and i and lower[i - 1] == "for":
        return False  # "need the UUID of /dev/sda2 for fstab": what it is for, no file to act on
    for n in range(min(_longest(), len(lower) - i), 0, -1):
        path = phrases.get(tuple(word.rstrip("?,.!;:") for word in lower[i : i + n]))
        if path:
            sort = n > 1 and lower[i + n - 1].rstrip("?,.!;:") in _SORTS  # "the nginx error log": still a log
            add("file", path, i, role_at(i), last=i + n - (2 if sort else 1))
            return True
    return False
