"""`nlshell explain COMMAND`: a command explained part by part, streamed from the model."""

from __future__ import annotations

import sys

from nlshell.cli import flags
from nlshell.cli.context import pipeline as make_pipeline
from nlshell.cli.context import settings as make_settings
from nlshell.cli.parser import subcommand_parser
from nlshell.cli.words import COMMAND_HELP, MAX_REQUEST, maybe_a_request, options_then_words
from nlshell.console import clean_text, is_terminal, visible, write
from nlshell.errors import EXIT_OK, NlshellError, UsageError


def run(argv: list[str], global_args) -> int:
    p = subcommand_parser(
        "explain",
        "Explain a command part by part (streams from the model).",
        "examples:\n  nlshell explain 'tar -xzvf a.tgz'\n  nlshell explain -- ls -la",
    )
    p.add_argument("command", nargs="+", metavar="COMMAND", help=COMMAND_HELP)
    args = p.parse_args(options_then_words(argv, flags.SUBCOMMAND_FLAGS["explain"]))
    command = clean_text(" ".join(args.command)).strip()
    if not command:
        raise UsageError("nothing to explain", "try: nlshell explain 'tar -xzvf a.tgz'")
    if len(command) > MAX_REQUEST:
        raise UsageError(f"the command is {len(command):,} characters long; the limit is {MAX_REQUEST:,}",
                         "explain a part of it at a time")
    args.model = args.model or global_args.model
    pipeline = make_pipeline(make_settings(args))
    try:
        if pipeline.needs_offline:
            from nlshell.errors import NoKeyError

            raise NoKeyError()
        maybe_a_request("explain", args.command, pipeline.assess("", command, source="user").problems)
        wrote = False
        for chunk in _explaining(pipeline.explain(command)):
            write(visible(chunk))
            wrote = True
        if wrote:
            write("\n")
        return EXIT_OK
    except NlshellError:
        if sys.stdout.isatty():
            sys.stdout.write("\n")
        raise
    finally:
        pipeline.close()


def _explaining(chunks):
    """The explanation's chunks, with a spinner on a terminal until the first (keys not echoed)."""
    if not is_terminal(sys.stderr):
        yield from chunks
        return
    from nlshell.spinner import spin_until_first
    from nlshell.typeahead import Quiet

    with Quiet():
        yield from spin_until_first(chunks, "explaining")
