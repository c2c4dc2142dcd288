"""`nlshell auth login|logout|status`: store, remove or show (masked) the key, and what the server
says about it."""

from __future__ import annotations

import os
import sys

from nlshell.cli.context import pipeline as make_pipeline
from nlshell.cli.context import settings as make_settings
from nlshell.cli.parser import subcommand_parser
from nlshell.console import out, read_stdin, say
from nlshell.errors import EXIT_OK, EXIT_USAGE, UsageError

MAX_KEY = 4_096  # characters of a key read from stdin


def run(argv: list[str], global_args) -> int:
    p = subcommand_parser(
        "auth",
        "Store, remove or show the OpenRouter API key (system keyring, or a 0600 credentials file on headless machines).",
        "examples:\n  nlshell auth login            (asks for the key, hidden)\n"
        "  pass show openrouter | nlshell auth login\n  nlshell auth status\n  nlshell auth logout",
    )
    p.add_argument("action", choices=("login", "logout", "status"), metavar="{login,logout,status}")
    args = p.parse_args(argv)
    from nlshell import credentials

    if args.action == "login":
        if sys.stdin.isatty():
            import getpass

            try:
                key = getpass.getpass("OpenRouter API key (input hidden): ", stream=sys.stderr)
            except EOFError:
                key = ""
        else:
            key, more = read_stdin(MAX_KEY, line=True)
            if more:
                raise UsageError(f"the key on stdin is over {MAX_KEY:,} characters",
                                 "pipe in the key alone, on one line")
        where = credentials.store_key(key)
        say(f"nlshell: key stored in the {where}")
        if not key.strip().startswith("sk-or-"):
            say("nlshell: note: OpenRouter keys start with sk-or-; this one is kept as given (fine for other servers)")
        return EXIT_OK
    if args.action == "logout":
        removed = credentials.remove_key()
        say("nlshell: removed the key from " + ", ".join(removed) if removed else "nlshell: no stored key to remove")
        if os.environ.get("OPENROUTER_API_KEY"):
            say("nlshell: note: OPENROUTER_API_KEY is still set in the environment")
        return EXIT_OK
    return _auth_status(global_args)


def _auth_status(global_args) -> int:
    from nlshell import credentials, models
    from nlshell.redact import redact_url

    settings = make_settings(global_args)
    pipeline = make_pipeline(settings)
    lookup = pipeline.key_lookup()
    try:
        if not lookup.key:
            return _auth_status_without_a_key(settings, pipeline, lookup)
        out(f"key:    {credentials.mask(lookup.key)}")
        out(f"source: {lookup.source}")
        out(f"server: {redact_url(settings.base_url)}")
        if settings.is_openrouter:
            lines = models.describe_key(pipeline.client().key_info(), model=settings.model)
        else:
            listed = models.check_server(pipeline)
            lines = [
                f"check:  the server accepted the key (it lists {listed} model{'s' if listed != 1 else ''})"
                if listed is not None else
                "check:  not made: the server has no model list to ask, and a chat would spend tokens",
                "usage:  details exist only on OpenRouter",
            ]
    finally:
        pipeline.close()
    for line in lines:
        out(line)
    return EXIT_OK


def _auth_status_without_a_key(settings, pipeline, lookup) -> int:
    """OpenRouter needs a key (exit 2); another server is asked whether it does (401: exit 2)."""
    from nlshell import models
    from nlshell.redact import redact_url

    if settings.is_openrouter:
        from nlshell.errors import NoKeyError

        missing = NoKeyError()  # the same words as every other front that needs the key
        said = f"{missing.message} — {missing.hint}"
    else:
        listed = models.check_server(pipeline)
        said = f"no API key set — {redact_url(settings.base_url)} " + (
            "answered without one, so none is needed" if listed is not None else
            "gets none, which is fine unless it asks for one (it lists no models, so this was not checked)")
    say(f"nlshell: {said}")
    for note in lookup.notes:
        say(f"nlshell: {note}")
    return EXIT_USAGE if settings.is_openrouter else EXIT_OK
