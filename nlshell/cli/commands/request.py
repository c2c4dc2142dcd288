"""A request: `nlshell [options] REQUEST…` — one-shot (generate, show, confirm, run), or the REPL
when there is no request.

The request comes from the words, or from stdin when it is not a terminal and the output is for a
program (`echo "list files" | nlshell -p`). Where it goes: JSON, the keybinding's buffer, stdout,
`--yes`, or the menu; nothing runs that the person has not seen, except under `--yes`.
"""

from __future__ import annotations

import sys

from nlshell.cli.context import pipeline as make_pipeline
from nlshell.cli.context import settings as make_settings
from nlshell.cli.words import MAX_REQUEST
from nlshell.console import clean_text, is_terminal, out, out_json, read_stdin, say, use_color, visible, warn
from nlshell.errors import EXIT_OK, DangerousCommandError, InvalidCommandError, TemplateError, UsageError


def run(args) -> int:
    """`args`: the request's options and words (flags.quick_args or argparse)."""
    request = clean_text(" ".join(args.words)).strip()
    if not request and not sys.stdin.isatty() and (args.print_only or args.json or args.widget or args.yes):
        request, more = read_stdin(4 * MAX_REQUEST)  # `echo "list files" | nlshell -p`, never `yes | …` whole
        if more:
            raise UsageError(
                f"the request on stdin is over {4 * MAX_REQUEST:,} characters; the limit is {MAX_REQUEST:,}",
                "say what you want in a few sentences",
            )
        request = request.strip()
    if not request:
        if args.words or args.print_only or args.json or args.widget or args.yes or args.offline:
            raise UsageError("no request given", 'try: nlshell -p "list all files"')
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UsageError("the REPL needs a terminal", 'give a request: nlshell -p "list all files"')
        from nlshell.repl import run_repl

        return run_repl(make_settings(args), quiet=args.quiet, warn=warn)
    if len(request) > MAX_REQUEST:
        raise UsageError(
            f"the request is {len(request):,} characters long; the limit is {MAX_REQUEST:,}",
            "say what you want in a few sentences",
        )
    return one_shot(args, request)


def one_shot(args, request: str) -> int:
    settings = make_settings(args)
    pipeline = make_pipeline(settings)
    try:
        if args.widget:
            from nlshell.typeahead import Quiet

            # Keys typed while the keybinding waited would reach the shell's line after it: an
            # Enter would run the reply unseen. They are discarded, whatever the outcome.
            with Quiet(discard_at_end=True):
                suggestion = pipeline.suggest(request, no_cache=args.no_cache, offline=args.offline)
                return _deliver(args, settings, pipeline, suggestion)
        suggestion = _with_spinner(lambda: pipeline.suggest(request, no_cache=args.no_cache, offline=args.offline), args)
        return _deliver(args, settings, pipeline, suggestion)
    finally:
        pipeline.close()


def _with_spinner(work, args):
    """A spinner on a terminal's stderr while waiting, with typed keys not echoed over it (never
    for the keybinding, never on a pipe)."""
    if args.widget or not is_terminal(sys.stderr):
        return work()
    from nlshell.spinner import Spinner
    from nlshell.typeahead import Quiet

    with Quiet(), Spinner("thinking"):
        return work()


def _risk_line(s) -> str | None:
    if s.risk in (None, "safe"):
        return None
    reasons = "; ".join(s.reasons) if s.reasons else ""
    return f"nlshell: {s.risk}" + (f": {reasons}" if reasons else "")


def _say_notes(s) -> None:
    for note in s.notes:
        say(f"nlshell: {visible(note)}")
    for problem in s.problems if s.valid else ():
        say(f"nlshell: {visible(problem)}")


def _deliver(args, settings, pipeline, s) -> int:
    if args.json:
        out_json(pipeline.preview(s).as_json())
        return EXIT_OK if s.valid is not False else InvalidCommandError.exit_code
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    to_menu = interactive and not (args.widget or args.print_only or args.yes)
    if s.valid is False:
        from nlshell.placeholders import is_template

        template = is_template(s.problems)
        # A template is shown for editing (menu, keybinding); it is never run or printed as a command.
        if not (template and (to_menu or args.widget)):
            error = TemplateError if template else InvalidCommandError
            raise error(s.command or "", s.problems or ["it does not parse"])
    line = _risk_line(s)
    if not to_menu:
        _say_notes(s)  # the menu shows the notes and warnings itself, under the command
    if args.widget:
        from nlshell.widget import deliver

        return deliver(s, line)
    if args.print_only or (not interactive and not args.yes):
        if line:
            say(visible(line))
        out(s.command)
        return EXIT_OK
    from nlshell.session import Session

    if args.yes:
        if s.dangerous:
            raise DangerousCommandError(s.command, s.reasons)
        if line:
            say(visible(line))
        say(f"nlshell: running: {visible(s.command)}")
        from nlshell.typeahead import discard, stdin_fd

        discard(stdin_fd())  # keys typed while waiting were not meant for this command
        return Session(pipeline).run(s, s.command)
    from nlshell.menu import choose

    session = Session(pipeline)
    decision = choose(pipeline, session, s, color=settings.color and use_color(),
                      editing_mode=settings.editing_mode, offline=args.offline)
    return session.settle(s, decision)
