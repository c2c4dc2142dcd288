"""`nlshell init SHELL [--key K] [--no-bind]`: the keybinding script, `eval "$(nlshell init bash)"`.

It runs at every shell start, so its plain forms are read by hand (`fast`), before argparse is
even imported; anything else (a mistake, `--help`) goes to argparse, which explains it.
"""

from __future__ import annotations

import os
import sys

from nlshell.console import write
from nlshell.errors import EXIT_OK
from nlshell.shells import SHELLS, render_init

EPILOG = (
    'setup:\n  bash: eval "$(nlshell init bash)"   in ~/.bashrc\n  zsh:  eval "$(nlshell init zsh)"    in ~/.zshrc\n'
    "  fish: nlshell init fish | source    in ~/.config/fish/config.fish\n\n"
    "examples:\n  nlshell init bash --key ctrl-t\n  nlshell init zsh --no-bind"
)


def fast(args: list[str]) -> int | None:
    """The script for the plain forms; None for anything else (argparse then decides)."""
    shell, key, bind = None, None, True
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--no-bind":
            bind = False
        elif arg == "--key" and rest:
            key = rest.pop(0)
        elif arg.startswith("--key="):
            key = arg.split("=", 1)[1]
        elif arg in SHELLS and shell is None:
            shell = arg
        else:
            return None
    if shell is None:
        return None
    write(render_init(shell, key=key, bind=bind, exe=_own_executable()))
    return EXIT_OK


def run(argv: list[str], global_args) -> int:
    from nlshell.cli.parser import subcommand_parser

    p = subcommand_parser(
        "init",
        "Print the keybinding script for your shell. The key (default Alt+K) turns the text on the command line into a command, in place.",
        EPILOG,
    )
    p.add_argument("shell", choices=SHELLS, metavar="{bash,zsh,fish}")
    args = p.parse_args(argv)
    write(render_init(args.shell, key=args.key, bind=not args.no_bind, exe=_own_executable()))
    return EXIT_OK


def _own_executable() -> str | None:
    """The absolute path of the running `nlshell`, so the keybinding works even off PATH."""
    argv0 = sys.argv[0] if sys.argv else ""
    if os.path.basename(argv0) == "nlshell" and os.path.isabs(argv0):
        return argv0
    if os.path.basename(argv0) == "nlshell":
        return os.path.abspath(argv0) if os.sep in argv0 else None
    return None
