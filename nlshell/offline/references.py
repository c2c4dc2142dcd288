"""The offline index's best matches for a request, as reference examples for the model.

Small models pick the right program far more often than the right flags; the two or three best
offline matches (a page's summary and one of its examples, at most ~300 tokens in all) show them
documented flags for the job. tldr placeholders become the capitals the system prompt asks for
(`{{path/to/file}}` → FILE), so the model is not taught a second convention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from nlshell.errors import NoOfflineAnswerError
from nlshell.offline.answer import RATED, answers
from nlshell.offline.commands import PLACEHOLDER
from nlshell.offline.index import OfflineIndex
from nlshell.offline.slots import placeholder_kind

MAX_REFERENCES = 3
TOKEN_BUDGET = 300
CHARS_PER_TOKEN = 4  # a safe rough count for English and shell text


@dataclass(frozen=True)
class Reference:
    program: str
    summary: str  # the page's summary, first sentence
    description: str
    command: str  # placeholders in capitals

    def line(self) -> str:
        summary = f": {self.summary}" if self.summary else ""
        return f"- {self.program}{summary} Example, {self.description.rstrip('.')}: {self.command}"


_NAMES = {
    "dir": "DIRECTORY", "glob": "PATTERN", "days": "DAYS", "minutes": "MINUTES", "action": "ACTION", "in_minutes": "MINUTES",
    "in_hours": "HOURS",
}
_LITERAL = re.compile(r"^[+-]?\d+[kMGTc]?$|^\*[\w.*]*$|^\w$")


def capitals(command: str) -> str:
    """`tail -n {{count}} {{path/to/file}}` → `tail -n COUNT FILE`; a literal default (`{{10}}`,
    `{{+7}}`, `{{f}}`, `{{*.ext}}`) keeps its text."""

    def name(match: re.Match) -> str:
        inner = match.group(0)[2:-2].strip()
        if _LITERAL.match(inner):
            return inner
        kind = placeholder_kind(inner)
        if kind:
            word = _NAMES.get(kind, kind.upper())
        else:
            word = inner.split()[0].rstrip("/").rsplit("/", 1)[-1] if inner else ""
            word = re.sub(r"[^A-Za-z0-9]+", "_", re.sub(r"\d+$", "", word.split(".")[0])).strip("_").upper() or "VALUE"
        return word + ("S" if inner.endswith("...") and not word.endswith("S") else "")

    return PLACEHOLDER.sub(name, command)


def _first_sentence(text: str) -> str:
    head = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return head.rstrip(".")


def references(
    index: OfflineIndex, request: str, *, shell: str = "bash", cwd: str | None = None, accepted: Iterable[str] = ()
) -> list[Reference]:
    """Up to three matches from different pages, within the token budget; [] when none fit."""
    try:
        # As many as it takes to reach three pages: the first page may have a dozen safe examples.
        found = answers(index, request, shell=shell, limit=RATED, accepted=accepted, cwd=cwd, pages=MAX_REFERENCES)
    except NoOfflineAnswerError:
        return []
    chosen: list[Reference] = []
    pages: set[str] = set()
    used = 0
    for answer in found:
        hit = answer.hit
        if hit.page in pages or len(chosen) >= MAX_REFERENCES:
            continue
        reference = Reference(hit.page.replace("-", " "), _first_sentence(hit.summary), hit.description,
                              capitals(hit.command))
        cost = len(reference.line()) // CHARS_PER_TOKEN + 1
        if used + cost > TOKEN_BUDGET:
            break
        chosen.append(reference)
        pages.add(hit.page)
        used += cost
    return chosen
