"""Files everyone names by what they are, not by where they live: "the nginx error log" is
`/var/log/nginx/error.log`, "the hosts file" `/etc/hosts`, "my ssh config" `~/.ssh/config`.

Said so, the request names a file as surely as if it gave the path, and an example's
`{{path/to/file}}` takes it (`tail -f /var/log/nginx/error.log` for "watch the nginx errors come in
live"). The names are the word table's `around known_file:PATH` lines (nlshell/data/words.tsv),
each a phrase with its words joined by `+`; the longest said wins. The words stay search words:
"the nginx error log" still asks about logs and errors.
"""

from __future__ import annotations

import functools

from nlshell.offline.value import Add


@functools.cache
def _phrases() -> dict[tuple[str, ...], str]:
    """Each phrase's words → the file's path, read once: every word of every request is looked up."""
    from nlshell.offline.vocabulary import vocabulary

    return {
        tuple(phrase.split("+")): role.split(":", 1)[1]
        for role, phrases in vocabulary().around.items() if role.startswith("known_file:") for phrase in phrases
    }


@functools.cache
def _longest() -> int:
    return max((len(words) for words in _phrases()), default=0)


def read(add: Add, lower: list[str], i: int) -> bool:
    """The well-known file named from token `i` on; whether it read one."""
    phrases = _phrases()
    for n in range(min(_longest(), len(lower) - i), 0, -1):
        path = phrases.get(tuple(word.rstrip("?,.!;:") for word in lower[i : i + n]))
        if path:
            add("file", path, i, last=i + n - 1, searched=True)
            return True
    return False
