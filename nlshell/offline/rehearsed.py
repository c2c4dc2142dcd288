"""What a change would do, asked before making it: "which packages would apt autoremove take out",
"simulate apt purge apache2", "rsync a to b, dry run". Such a request only looks, so the changing
example that fits it best was set aside for whatever safe example came next (`apt search
{{keyword}}`). The program's own rehearsal flag (the word table's `around rehearse:PROGRAM` lines:
`apt-get -s`, `rsync -n`, `git clean -n`) makes that example the look that was asked for, and the
rater still has the last word: only a rehearsal it rates safe is offered.
"""

from __future__ import annotations

import functools
import re

from nlshell.offline.commands import shell_words
from nlshell.offline.compose import with_flag
from nlshell.offline.flags import has_flag, page_prefix
from nlshell.offline.vocabulary import vocabulary

_ASKED = re.compile(
    r"\b(?:dry[\s-]?run|simulated?|simulation|rehearse|would)\b"
    r"|\bwithout\s+(?:fixing|changing|touching|applying|repairing|making\s+(?:any\s+)?changes)\b", re.IGNORECASE
)


def rehearsal(request: str) -> bool:
    """Whether the request asks what a change would do rather than to make it."""
    return bool(_ASKED.search(request))


@functools.lru_cache(maxsize=1024)  # asked of the same hits by the filter, the order and the answer
def rehearsed(command: str, page: str, program: str) -> str:
    """The command with its program's rehearsal flag, without sudo (a rehearsal needs no root);
    "" when the word table knows no such flag for it, or the command has one already."""
    prefix = page_prefix(page, program)
    around = vocabulary().around
    flag = next((sorted(around[key])[0] for key in (f"rehearse:{':'.join(prefix[:2])}", f"rehearse:{prefix[0]}")
                 if around.get(key)), "")
    if not flag or has_flag(command, (flag, "--dry-run")):
        return ""  # `rsync -avn`: rehearsed already
    return with_flag(re.sub(r"^\s*sudo\s+", "", command), prefix, flag)


def said_first(hits: list, request: str) -> list:
    """The hits the request names by program and subcommand, with a rehearsal, first ("… would apt
    autoremove take out": not `apt clean`, ranked above it); in their order otherwise."""
    said = set(re.findall(r"[\w.-]+", request.lower()))

    def says(hit) -> bool:
        words = [word.lower() for word in shell_words(hit.command) if word != "sudo"]
        named = len(words) > 1 and words[0] in said and not words[1].startswith("-") and words[1] in said
        return named and bool(rehearsed(hit.command, hit.page, hit.program))

    return sorted(hits, key=lambda hit: not says(hit))
