"""Output kept in a file: "list the files in /etc and save the output to etc.txt" is the listing,
written to etc.txt (`ls /etc > etc.txt`). Left in, "save the output to" is search words of its own
and outweighs the job ("save" found `make > etc.txt 2>&1`); so the job is answered alone, and its
output sent to the file the request names, unless the command writes one of its own already. A job
that changes things ("download …", "convert …") writes what it makes itself: it is left as said.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from nlshell.offline.commands import shell_words
from nlshell.offline.intent import CHANGE, intent
from nlshell.offline.offered import OfflineAnswer

_SAVED = re.compile(
    r"^(?P<job>.+?)(?:\s*,\s*|\s+)(?:and\s+)?(?:then\s+)?(?:save|write|put|store|dump|redirect|send)\s+"
    r"(?:(?:the|its|all\s+the|all)\s+)?(?:output|result|results|it|that|them|everything|this)\s+"
    r"(?:to|into|in)\s+(?:(?:a|the)\s+file\s+(?:called\s+|named\s+)?|file\s+)?(?P<file>[\w./~+-]*\w)\s*$",
    re.IGNORECASE,
)
_WRITES = frozenset({">", ">>", "tee", "-o", "--output", "-w", "--write", "of="})  # the command keeps its own output


def saved_output(request: str) -> tuple[str, str] | None:
    """(the job, the file) when the request ends by saying where its output goes, else None."""
    match = _SAVED.match(request.strip())
    if match is None or len(match["job"].split()) < 2 or intent(match["job"]) == CHANGE:
        return None  # "save it to out.txt" says no job; "download … and save it to a.json": it writes itself
    return match["job"], match["file"]


def saved(request: str, answer: Callable[[str], list[OfflineAnswer]]) -> list[OfflineAnswer]:
    """The answers to `request`; when it says where its output goes, those to its job, writing there."""
    said = saved_output(request)
    if said is None:
        return answer(request)
    job, file = said
    return [_into(found, file) for found in answer(job)]


def _into(found: OfflineAnswer, file: str) -> OfflineAnswer:
    words = shell_words(found.command)
    if any(word in _WRITES or word.startswith((">", "of=")) for word in words) or file in words:
        return found  # `sort -o sorted.txt`, `curl -o page.html`: it writes the file itself
    command = f"{found.command} > {file}"  # the pattern takes no character the shell reads; ~/ expands
    return replace(found, hit=replace(found.hit, command=command), intent=CHANGE, risk=None)
