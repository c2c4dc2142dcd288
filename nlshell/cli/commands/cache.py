"""`nlshell cache clear | cache stats [--json]`: the 5-minute answer cache."""

from __future__ import annotations

from nlshell.cli.parser import subcommand_parser
from nlshell.console import out, out_json, say, warn
from nlshell.errors import EXIT_OK


def run(argv: list[str], global_args) -> int:
    p = subcommand_parser(
        "cache",
        "The 5-minute answer cache.",
        "examples:\n  nlshell cache stats\n  nlshell cache clear",
    )
    p.add_argument("action", choices=("clear", "stats"), metavar="{clear,stats}")
    args = p.parse_args(argv)
    from nlshell.cache import CommandCache

    cache = CommandCache(warn=warn)
    if args.action == "clear":
        removed = cache.clear()
        say(f"nlshell: removed {removed} cached answer{'s' if removed != 1 else ''}")
        return EXIT_OK
    stats = cache.stats()
    if args.json:
        out_json(stats)
        return EXIT_OK
    for key, value in stats.items():
        out(f"{key}: {('yes' if value else 'no') if isinstance(value, bool) else value}")
    return EXIT_OK
