"""`nlshell history [--json] [-n N] | history clear`: the commands run through nlshell."""

from __future__ import annotations

from nlshell.cli.parser import subcommand_parser
from nlshell.console import history_line, out, out_json, say, warn
from nlshell.errors import EXIT_OK


def run(argv: list[str], global_args) -> int:
    p = subcommand_parser(
        "history",
        "Commands you ran through nlshell (your personal memory).",
        "examples:\n  nlshell history\n  nlshell history --json | jq '.[0]'\n  nlshell history clear",
    )
    p.add_argument("action", nargs="?", choices=("clear",), metavar="clear", help="clear: forget everything")
    args = p.parse_args(argv)
    from nlshell.memory import Memory

    memory = Memory(warn=warn)
    if args.action == "clear":
        removed = memory.clear()
        say(f"nlshell: forgot {removed} command{'s' if removed != 1 else ''}")
        return EXIT_OK
    entries = memory.entries(limit=args.limit)
    if args.json:
        out_json(entries)
        return EXIT_OK
    if not entries:
        say("nlshell: no history yet (commands you run through nlshell appear here)")
        return EXIT_OK
    for entry in entries:
        out(history_line(entry))
    return EXIT_OK
