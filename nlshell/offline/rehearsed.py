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
import shlex

from nlshell.offline.commands import PLACEHOLDER, shell_words
from nlshell.offline.compose import with_flag
from nlshell.offline.flags import CONTROL, has_flag, page_prefix
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
    """The command with its program's rehearsal flag, without sudo (a rehearsal needs no root), or
    run by the program that stands in for it (`pkill` by `pgrep`); "" when the word table knows no
    rehearsal for it, or the command has one already."""
    prefix = page_prefix(page, program)
    flag = _flag(prefix)
    if flag.startswith("="):
        return _stood_in(command, prefix[0], flag[1:])
    if not flag or has_flag(command, (flag, "--dry-run")):
        return ""  # `rsync -avn`: rehearsed already
    return with_flag(re.sub(r"^\s*sudo\s+", "", command), prefix, flag)


def _flag(prefix: tuple[str, ...]) -> str:
    """The word table's rehearsal flag of a program (or program and subcommand), "" when none."""
    around = vocabulary().around
    return next((sorted(around[key])[0] for key in (f"rehearse:{':'.join(prefix[:2])}", f"rehearse:{prefix[0]}")
                 if around.get(key)), "")


_SIGNAL = re.compile(r"^-(?:\d+|[A-Z]+\d*|SIG[A-Z]+\d*)$")  # `-9`, `-HUP`, `-SIGTERM`


def _stood_in(command: str, program: str, finder: str) -> str:
    """`pkill -9 -f gunicorn` → `pgrep -f gunicorn`: the program that only finds what `program`
    would act on, given the same matching options and without the signal; "" for no simple command."""
    words = [word for word in shell_words(command) if word != "sudo"]
    if words[:1] != [program] or any(word in CONTROL for word in words):
        return ""
    kept: list[str] = [finder]
    skip = False
    for word in words[1:]:
        if skip:
            skip = False
        elif word == "--signal":
            skip = True
        elif not (_SIGNAL.match(word) or word.startswith("--signal=")):
            kept.append(word)
    return " ".join(word if PLACEHOLDER.fullmatch(word) else shlex.quote(word) for word in kept)  # `{{name}}` stays open


def said_first(hits: list, request: str) -> list:
    """The hits the request names by program and subcommand, with a rehearsal, first ("… would apt
    autoremove take out": not `apt clean`, ranked above it); in their order otherwise."""
    said = set(re.findall(r"[\w.-]+", request.lower()))

    def says(hit) -> bool:
        words = [word.lower() for word in shell_words(hit.command) if word != "sudo"]
        prefix = page_prefix(hit.page, hit.program)  # `apt autoremove`, `git clean`, `pkill`
        named = words[: len(prefix)] == list(prefix) and said.issuperset(prefix)
        after = next((word for word in words[len(prefix) :] if not word.startswith("-")), "")
        if re.fullmatch(r"[a-z][a-z-]*", after) and after not in said:
            return False  # `apt clean` for "… would apt autoremove take out": another subcommand
        return named and bool(_flag(prefix))  # `rsync -avn`, rehearsed already, too

    return sorted(hits, key=lambda hit: not says(hit))
