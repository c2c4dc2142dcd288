"""One parse, then both checks: is the command real shell here (validate), and how much can it
hurt (risk). The front ends (one-shot, REPL, keybinding, `check`) all ask this one function."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from nlshell.shell.parser import parse
from nlshell.validate import Which, collect, validate

__all__ = ["Assessment", "assess"]


@dataclass
class Assessment:
    """Validation and risk rating of one command, from a single parse."""

    command: str
    valid: bool
    problems: list
    risk: str
    reasons: list
    programs: list
    error_position: tuple | None = None


def assess(command: str, shell: str = "bash", *, which: Which = shutil.which) -> Assessment:
    """Validate and rate `command` from one parse."""
    from nlshell import safety

    usable = bool(command.strip()) and "\x00" not in command
    tree = parse(command) if usable else None
    script = collect(command, tree) if usable else None
    validation = validate(command, shell, which=which, tree=tree, script=script)
    rating = safety.rate(command, tree=tree, _script=script) if usable else safety.Rating(safety.SAFE, [])
    if tree is not None and tree.root_node.has_error and validation.valid and rating.risk != safety.DANGEROUS:
        # bash accepts what the grammar could not parse: part of the command was never seen by the
        # rater (e.g. `cat <<EOF; rm -rf ~`), so it must not pass as safe.
        rating = safety.Rating(
            safety.DANGEROUS, [*rating.reasons, "nlshell cannot fully analyse this command; read it carefully"]
        )
    return Assessment(
        command=command,
        valid=validation.valid,
        problems=validation.problems,
        risk=rating.risk,
        reasons=rating.reasons,
        programs=validation.programs,
        error_position=validation.error_position,
    )
