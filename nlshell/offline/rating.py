"""The one place offline answers meet the project's risk rater: moving the rater changes this import only."""

from __future__ import annotations

from nlshell.risk import rate


def risk_of(command: str) -> tuple[str, list[str]]:
    """(safe | caution | dangerous, reasons) for a bash command."""
    rating = rate(command)
    return rating.risk, list(rating.reasons)
