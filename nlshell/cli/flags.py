"""Every option of the command line, in one table: the request's and each subcommand's.

Everything that knows the options reads them from here: the quick reader below (a cache hit must
not pay ~7 ms for argparse), argparse and so `--help` (cli/parser.py), which words of `check` and
`explain` are options (cli/words.py), and the tests that hold the README and the completion
scripts to the same options. Positional arguments stay with their command (cli/commands/).

Stdlib only and cheap to import: it is read on every request.
"""

from __future__ import annotations

SWITCH = "switch"  # on or off (argparse's store_true)
VALUE = "value"  # takes the next word (or `--name=value`)
COUNT = "count"  # a whole number of 1 or more
VERSION = "version"  # prints the version and exits


class Flag:
    """One option: its spellings, what it takes, where argparse puts it, and its help line.

    `choices` may be a function returning them, for choices that live in a module not worth
    importing until the option is used. `hidden` options work but are not shown in `--help`.
    """

    __slots__ = ("names", "kind", "help", "dest", "metavar", "choices", "hidden")

    def __init__(self, *names: str, help: str, kind: str = SWITCH, dest: str | None = None,
                 metavar: str | None = None, choices=None, hidden: bool = False) -> None:
        self.names = names
        self.kind = kind
        self.help = help
        self.dest = dest or names[-1].lstrip("-").replace("-", "_")
        self.metavar = metavar
        self.choices = choices
        self.hidden = hidden

    @property
    def takes_value(self) -> bool:
        return self.kind in (VALUE, COUNT)

    def allowed(self):
        """The choices (tuple), or None when any value goes."""
        return self.choices() if callable(self.choices) else self.choices

    def __repr__(self) -> str:
        return f"Flag({'/'.join(self.names)})"


def _shells() -> tuple:
    from nlshell.shells import SHELLS

    return SHELLS


def _agent_formats() -> tuple:
    from nlshell.guard.formats import NAMES

    return tuple(NAMES)


REQUEST = (
    Flag("-p", "--print", dest="print_only", help="print the command on stdout only; never run it"),
    Flag("-y", "--yes", help="run without asking (a dangerous command is refused, exit 3)"),
    Flag("--json", help="print one JSON object (command, risk, reasons, …); never run"),
    Flag("-m", "--model", kind=VALUE, metavar="MODEL", help="model for this call (default: OPENROUTER_MODEL or config)"),
    Flag("--no-cache", help="ask afresh: skip the cache and history answers (the new one is still stored)"),
    Flag("--offline", help="answer from the offline index and your history only"),
    Flag("--widget", kind=VALUE, metavar="SHELL", choices=_shells, help="keybinding mode: print exactly the text for the buffer"),
    Flag("--quiet", help="no REPL banner"),
    Flag("--no-color", help="no colour (as NO_COLOR)"),
    Flag("--version", kind=VERSION, help="show program's version number and exit"),
)

# Each subcommand's options, by name; the first word that is one of these names is that subcommand.
SUBCOMMAND_FLAGS = {
    "history": (
        Flag("--json", help="print a JSON list"),
        Flag("-n", "--limit", kind=COUNT, metavar="N", help="show the last N entries"),
    ),
    "completions": (),
    "explain": (
        Flag("-m", "--model", kind=VALUE, metavar="MODEL", help="model for this call"),
    ),
    "check": (
        Flag("--json", help="print one JSON object"),
        Flag("--preview", help="also say what it would touch here (reads the disk, never writes)"),
        Flag("--shell", kind=VALUE, choices=("bash", "zsh", "fish", "sh"), help="syntax to check (default: your $SHELL)"),
    ),
    "guard": (
        Flag("--project", help="the project's settings file instead of your own"),
        Flag("--format", kind=VALUE, choices=_agent_formats, help="answer in this agent's format (default: the event's)"),
        Flag("--json", help="print status as JSON"),
    ),
    "init": (
        Flag("--key", kind=VALUE, help="key to bind: alt-k (default), alt-j, ctrl-t, ctrl-alt-k, …"),
        Flag("--no-bind", help="define the widget only, bind nothing"),
    ),
    "models": (
        Flag("--free", help="only free models"),
        Flag("--json", help="print a JSON list"),
        Flag("--refresh", help="ignore the cached list"),
        Flag("--cached-ids", hidden=True, help="the ids of the cached model list, one a line (for completion)"),
    ),
    "auth": (),
    "config": (
        Flag("--json", help="print a JSON object (show)"),
    ),
    "cache": (
        Flag("--json", help="print stats as JSON"),
    ),
}
SUBCOMMANDS = tuple(SUBCOMMAND_FLAGS)


def names(flags, *, values: bool) -> tuple:
    """The spellings of the options in `flags` that take a value (`values`) or take none."""
    return tuple(n for f in flags if f.takes_value == values and f.kind != VERSION for n in f.names)


class QuickArgs:
    """What argparse returns for the request's options, read without building argparse."""

    def __init__(self) -> None:
        for flag in REQUEST:
            if flag.kind != VERSION:
                setattr(self, flag.dest, None if flag.takes_value else False)
        self.words: list[str] = []


_QUICK = {name: flag for flag in REQUEST if flag.kind in (SWITCH, VALUE) for name in flag.names}


def quick_args(argv: list[str]) -> QuickArgs | None:
    """The request's options in their exact, common forms; None for anything else (argparse then
    decides: `-h`, `--model=x`, `-py`, abbreviations, typos, `--version` among other words)."""
    args = QuickArgs()
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            args.words.extend(argv[i + 1 :])
            break
        flag = _QUICK.get(arg)
        if flag is not None and flag.kind == SWITCH:
            setattr(args, flag.dest, True)
        elif flag is not None:
            value = argv[i + 1] if i + 1 < len(argv) else ""
            choices = flag.allowed()
            if not value or value.startswith("-") or (choices is not None and value not in choices):
                return None
            setattr(args, flag.dest, value)
            i += 1
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            args.words.append(arg)
        i += 1
    return args

