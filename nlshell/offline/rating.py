"""The one place offline answers meet the project's risk rater: moving the rater changes this import only."""

from __future__ import annotations

from nlshell.risk import rate
from nlshell.shell.parser import parse


def risk_of(command: str) -> tuple[str, list[str]]:
    """(safe | caution | dangerous, reasons) for a bash command. Text the parser cannot read was
    never seen by the rules: as for any command the menu shows (nlshell/assess.py), it is not safe."""
    tree = parse(command) if command.strip() else None
    rating = rate(command, tree=tree, unparsed=tree is not None and tree.root_node.has_error)
    return rating.risk, list(rating.reasons)
