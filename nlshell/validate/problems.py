"""Problems a check reports: fatal ones make a command invalid, warnings never do."""

from __future__ import annotations

WARNING_PREFIX = "warning: "


def is_warning(problem: str) -> bool:
    """True for problems that do not make a command invalid (unknown programs, skipped checks)."""
    return problem.startswith(WARNING_PREFIX)
