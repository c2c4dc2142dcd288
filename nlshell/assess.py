"""One parse, then both checks: is the command real shell here (validate), and how much can it
hurt (risk). The front ends (one-shot, REPL, keybinding, `check`) all ask this one function.

The user's shell decides the syntax: zsh and fish text is read as the bash it means
(shell/dialects.py) before the parse; the syntax check itself asks the user's shell."""

from __future__ import annotations

from nlshell.shell.dialects import as_bash
from nlshell.shell.parser import parse
from nlshell.shell.records import Value
from nlshell.validate import Which, collect, find_program, shell_name, validate

__all__ = ["Assessment", "assess"]


class Assessment(Value):
    """Validation and risk rating of one command, from a single parse."""

    __slots__ = ("command", "valid", "problems", "risk", "reasons", "rules", "programs", "error_position")

    def __init__(
        self,
        command: str,
        valid: bool,
        problems: list,
        risk: str,  # a risk.Level: "safe", "caution" or "dangerous"
        reasons: list,
        rules: list,  # the ids of the rules behind the reasons (risk/rules/)
        programs: list,
        error_position: tuple | None = None,
    ) -> None:
        self.command = command
        self.valid = valid
        self.problems = problems
        self.risk = risk
        self.reasons = reasons
        self.rules = rules
        self.programs = programs
        self.error_position = error_position


def assess(command: str, shell: str = "bash", *, which: Which = find_program) -> Assessment:
    """Validate and rate `command` from one parse."""
    from nlshell.risk import rate

    usable = bool(command.strip()) and "\x00" not in command
    text = (as_bash(command, shell_name(shell)) or command) if usable else command
    tree = parse(text) if usable else None
    script = collect(text, tree) if usable else None
    validation = validate(command, shell, which=which, tree=tree, script=script)
    # The shell accepts what the grammar could not parse (`cat <<EOF; rm -rf ~`): that part was
    # never seen by the rules, so the rating says so and is dangerous.
    unparsed = tree is not None and tree.root_node.has_error and validation.valid
    rating = rate(text if usable else "", tree=tree, script=script, unparsed=unparsed)
    from nlshell.placeholders import find, problem

    holes = find(command, shell_name(shell))  # a template is not a command, whatever its syntax
    return Assessment(
        command=command,
        valid=validation.valid and not holes,
        problems=[problem(holes)] * bool(holes) + validation.problems,
        risk=rating.risk,
        reasons=rating.reasons,
        rules=rating.rules,
        programs=validation.programs,
        error_position=validation.error_position,
    )
