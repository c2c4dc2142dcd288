"""`nlshell models [--free] [--json] [--refresh] [SEARCH]`: the models the server offers."""

from __future__ import annotations

from nlshell.cli.context import pipeline as make_pipeline
from nlshell.cli.context import settings as make_settings
from nlshell.cli.parser import subcommand_parser
from nlshell.console import out, out_json, say, warn
from nlshell.errors import EXIT_OK


def run(argv: list[str], global_args) -> int:
    p = subcommand_parser(
        "models",
        "List the models the server offers (OpenRouter's /models, cached for an hour).",
        "examples:\n  nlshell models --free\n  nlshell models qwen\n  nlshell models --json | jq '.[].id'",
    )
    p.add_argument("search", nargs="?", help="only models whose id or name contains this")
    args = p.parse_args(argv)
    from nlshell import models

    if args.cached_ids:  # for completion scripts: never the network
        for model_id in models.cached_ids():
            out(model_id)
        return EXIT_OK
    pipeline = make_pipeline(make_settings(global_args))
    try:
        listing = models.list_models(pipeline, refresh=args.refresh, warn=warn)
    finally:
        pipeline.close()
    chosen = models.filter_models(listing, search=args.search, free=args.free)
    if args.json:
        out_json(chosen)
        return EXIT_OK
    for line in models.format_table(chosen):
        out(line)
    if not chosen:
        say("nlshell: no model matches")
    return EXIT_OK
