"""`nlshell completions SHELL`: the shell completion script (package data, nlshell/shells/)."""

from __future__ import annotations

from nlshell.cli.parser import subcommand_parser
from nlshell.console import write
from nlshell.errors import EXIT_OK
from nlshell.shells import SHELLS, render_completions


def run(argv: list[str], global_args) -> int:
    p = subcommand_parser(
        "completions",
        "Print the shell completion script.",
        "setup:\n  bash: eval \"$(nlshell completions bash)\"\n  zsh:  eval \"$(nlshell completions zsh)\"\n"
        "  fish: nlshell completions fish > ~/.config/fish/completions/nlshell.fish",
    )
    p.add_argument("shell", choices=SHELLS, metavar="{bash,zsh,fish}")
    args = p.parse_args(argv)
    write(render_completions(args.shell))
    return EXIT_OK
