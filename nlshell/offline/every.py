"""Every one of a kind: the ids of all of them put where a command takes one.

"stop every running container" finds `docker stop {{container_name}}`: an example for one. When
the request says `every` words (all, every, each) before the thing a placeholder is for, the
placeholder is filled with the command that lists the ids of all of them, run by the command's
own program (`docker stop $(docker ps -q)`). The `ids` lines of nlshell/data/words.tsv say which
arguments list them, and which list those in a state said beside the thing ("every stopped
container": `docker ps -aq --filter status=exited`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlshell.offline.commands import shell_words
from nlshell.offline.offered import OfflineAnswer
from nlshell.offline.vocabulary import WORD, vocabulary

NEAR = 4  # words between the `every` word and the thing, at most ("all of the running docker containers")
_PLACEHOLDER = re.compile(r"\{\{([^}]*)\}\}")


def every_filled(request: str, found: Sequence[OfflineAnswer]) -> list[OfflineAnswer]:
    """The answers, each with a placeholder for a thing the request asks for every one of filled
    with the ids of all of them."""
    asked = _every_things(request)
    if not asked:
        return list(found)
    return [one.saying(_filled(one.command, asked)) for one in found]


def _every_things(request: str) -> dict[str, str]:
    """Each thing the request asks every one of → the `ids` key for it (with the state said beside it)."""
    table = vocabulary()
    things = {key.split("/")[0] for key in table.ids}
    words = WORD.findall(request.lower())
    asked: dict[str, str] = {}
    for i, word in enumerate(words):
        if word not in table.every:
            continue
        for j in range(i + 1, min(i + 2 + NEAR, len(words))):
            thing = words[j][:-1] if words[j].endswith("s") and words[j][:-1] in things else words[j]
            if thing in things:
                state = next((f"{thing}/{w}" for w in words[i + 1:j] if f"{thing}/{w}" in table.ids), thing)
                asked.setdefault(thing, state)
                break
    return asked


def _filled(command: str, asked: dict[str, str]) -> str:
    words = shell_words(command)
    program = words[1] if words[:1] == ["sudo"] and len(words) > 1 else (words[0] if words else "")
    ids = vocabulary().ids

    def fill(match: re.Match[str]) -> str:
        said = set(WORD.findall(match.group(1).lower()))
        thing = next((thing for thing in asked if thing in said or f"{thing}1" in said), None)
        return f"$({program} {ids[asked[thing]]})" if thing else match.group(0)

    return _PLACEHOLDER.sub(fill, command, count=1)
