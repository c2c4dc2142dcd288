"""argparse, built from the flag table, with its errors turned into UsageError (exit 2, one line).

Imported only when argparse is really needed: `--help`, a subcommand, or a request whose options
the quick reader (cli/flags.py) leaves to argparse.
"""

from __future__ import annotations

import argparse

from nlshell.cli import VERSION_TEXT
from nlshell.cli import flags as table
from nlshell.errors import UsageError


class ArgumentsError(UsageError):
    """argparse did not accept the arguments."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse API
        raise ArgumentsError(message, f"see `{self.prog} --help`")


def make_parser(prog: str, description: str, epilog: str = "", flags=()) -> argparse.ArgumentParser:
    """A parser for `prog` with `flags` (from cli/flags.py); the caller adds the positionals."""
    parser = _Parser(prog=prog, description=description, epilog=epilog,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    for flag in flags:
        options = {"help": argparse.SUPPRESS if flag.hidden else flag.help, "dest": flag.dest}
        if flag.kind == table.SWITCH:
            options["action"] = "store_true"
        elif flag.kind == table.VERSION:
            options = {"action": "version", "version": VERSION_TEXT, "help": flag.help}
        else:
            options.update(metavar=flag.metavar, choices=flag.allowed())
            if flag.kind == table.COUNT:
                options["type"] = positive_int
        parser.add_argument(*flag.names, **options)
    return parser


def subcommand_parser(name: str, description: str, epilog: str = "") -> argparse.ArgumentParser:
    """`nlshell NAME`'s parser with its options from the table."""
    return make_parser(f"nlshell {name}", description, epilog, table.SUBCOMMAND_FLAGS[name])


MAIN_EPILOG = """\
commands:
  nlshell REQUEST…              one-shot: generate, show, confirm, run
  nlshell                       interactive REPL
  nlshell explain COMMAND       explain a command, part by part
  nlshell check COMMAND         validate and rate a command offline (exit 0 safe, 1 caution, 3 dangerous/invalid)
  nlshell guard install AGENT   rate every command a coding agent runs (claude-code, cursor)
  nlshell init bash|zsh|fish    keybinding script: eval "$(nlshell init bash)"
  nlshell completions SHELL     shell completion script
  nlshell models [SEARCH]       list models (--free, --json)
  nlshell auth login|logout|status
  nlshell config show|path|trust|untrust
  nlshell cache clear|stats
  nlshell history [clear]       commands run through nlshell (--json)

examples:
  nlshell list all files
  nlshell -p "find files larger than 100MB" | pbcopy
  nlshell --json "show disk usage" | jq .command
  nlshell -m openai/gpt-4o-mini compress the logs folder
  nlshell -- init a git repo     (`--` makes the words a request, not a subcommand)

exit codes: 0 ok, N the command's status, 1 model/API/network failure, 2 usage or configuration
error, 3 refused (no usable command, invalid, or dangerous under --yes), 130 interrupted/aborted.
environment: OPENROUTER_API_KEY, OPENROUTER_MODEL, OPENROUTER_BASE_URL, NLSHELL_CONFIG, NLSHELL_LOG=debug, NO_COLOR
"""


def main_parser() -> argparse.ArgumentParser:
    """`nlshell [options] REQUEST…`."""
    parser = make_parser("nlshell", "Turn a request in plain words into a shell command: shown, checked, confirmed, run.",
                         MAIN_EPILOG, table.REQUEST)
    parser.add_argument("words", nargs="*", metavar="REQUEST", help="what you want to do, in plain words")
    return parser


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return value
