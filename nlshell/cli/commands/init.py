"""`nlshell init SHELL [--key K] [--no-bind]` through argparse: `--help`, and the mistakes the quick
reader in nlshell.cli leaves to it (which answers the plain forms at every shell start)."""

from __future__ import annotations

from nlshell.cli import own_executable
from nlshell.cli.parser import subcommand_parser
from nlshell.console import write
from nlshell.errors import EXIT_OK
from nlshell.shells import SHELLS, render_init

EPILOG = (
    'setup:\n  bash: eval "$(nlshell init bash)"   in ~/.bashrc\n  zsh:  eval "$(nlshell init zsh)"    in ~/.zshrc\n'
    "  fish: nlshell init fish | source    in ~/.config/fish/config.fish\n\n"
    "examples:\n  nlshell init bash --key ctrl-t\n  nlshell init zsh --no-bind"
)


def run(argv: list[str], global_args) -> int:
    p = subcommand_parser(
        "init",
        "Print the keybinding script for your shell. The key (default Alt+K) turns the text on the command line into a command, in place.",
        EPILOG,
    )
    p.add_argument("shell", choices=SHELLS, metavar="{bash,zsh,fish}")
    args = p.parse_args(argv)
    write(render_init(args.shell, key=args.key, bind=not args.no_bind, exe=own_executable()))
    return EXIT_OK
