"""Is a suggested command real shell that can run here? Syntax, then the programs it runs.

The parse is shared with the risk rater (nlshell/assess.py parses once and hands both the same
`Script`); this package never rates risk. Syntax errors are confirmed by the real shell before a
command is called invalid (syntax.py); programs that cannot be found are warnings (programs.py).
"""

from __future__ import annotations

from nlshell.shell.collect import script_of
from nlshell.shell.model import NESTED_TOO_DEEP, Script
from nlshell.shell.parser import parse
from nlshell.shell.records import Value
from nlshell.validate.problems import WARNING_PREFIX, is_warning
from nlshell.validate.programs import Which, find_program, program_problem, programs_of
from nlshell.validate.syntax import check_syntax

__all__ = ["Validation", "Which", "collect", "find_program", "is_warning", "shell_name", "validate"]

NESTED_TOO_DEEP_WARNING = f"{WARNING_PREFIX}the command is nested too deeply to check which programs it runs"


class Validation(Value):
    """Is the command real shell that can run here?

    `problems` lists fatal problems first (syntax errors, an empty command), then warnings, which
    start with "warning: " and never make a command invalid (`is_warning` tells them apart).
    """

    __slots__ = ("valid", "problems", "programs", "error_position")

    def __init__(self, valid: bool, problems: list, programs: list, error_position: tuple | None = None) -> None:
        self.valid = valid
        self.problems = problems
        self.programs = programs
        self.error_position = error_position


def shell_name(shell: str | None) -> str:
    """bash | zsh | fish | sh: whose syntax `shell` (a name or a path) speaks."""
    name = (shell or "bash").rsplit("/", 1)[-1].strip().lower() or "bash"
    if name.startswith("-"):
        name = name[1:]
    if name in ("bash", "zsh", "fish", "sh"):
        return name
    return "zsh" if name.endswith("zsh") else ("fish" if name.endswith("fish") else "bash")


def validate(
    command: str, shell: str = "bash", *, which: Which = find_program, tree=None, script: Script | None = None
) -> Validation:
    """Parse, confirm syntax errors with the shell itself, and check the programs exist.

    `tree` and `script` reuse a parse already made (`shell.parser.parse`, `shell.collect.script_of`);
    a tree without a script means the command nests too deeply to be collected.
    """
    if not command.strip():
        return Validation(False, ["the command is empty"], [], None)
    if "\x00" in command:
        return Validation(False, ["the command contains a NUL byte"], [], None)
    shell = shell_name(shell)
    if script is not None:
        tree = script.tree
    elif tree is None:
        tree = parse(command)
        script = collect(command, tree)
    fatal, warnings, pos = check_syntax(command, shell, tree)
    if script is None:
        return Validation(not fatal, fatal + warnings + [NESTED_TOO_DEEP_WARNING], [], pos)
    programs = programs_of(script)
    for name in programs:
        problem = program_problem(name, shell, script, which)
        if problem:
            warnings.append(problem)
    if NESTED_TOO_DEEP in script.unseen:
        warnings.append(NESTED_TOO_DEEP_WARNING)
    return Validation(not fatal, fatal + warnings, programs, pos)


def collect(command: str, tree) -> Script | None:
    """The script of a parsed command, or None when it nests deeper than Python's stack."""
    try:
        return script_of(command, tree)
    except RecursionError:
        return None
