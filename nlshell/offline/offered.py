"""One offline answer as offered: the example (values filled in), the intent it was chosen for and,
when the choice needed it, the rater's level. Its own module so the steps that compose answers
(pipes.py, holds.py) make them without importing answer.py, which runs them."""

from __future__ import annotations

from dataclasses import dataclass, replace

from nlshell.offline.rank import OfflineHit


@dataclass(frozen=True)
class OfflineAnswer:
    hit: OfflineHit
    intent: str  # READ, CHANGE or UNKNOWN (nlshell/offline/intent.py)
    risk: str | None  # the rater's level when it was needed to choose, else None

    @property
    def command(self) -> str:
        return self.hit.command

    def saying(self, command: str) -> OfflineAnswer:
        """The same answer with its command said otherwise (a filter added, a value filled in)."""
        return replace(self, hit=replace(self.hit, command=command))
