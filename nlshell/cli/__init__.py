"""The command line: parse, dispatch, print; every error ends here as one line and an exit code.

`main` is the error funnel, the only place that turns errors into exit codes (the line itself is
written by console.report, shared with the REPL). stdout is the product (a command, or JSON);
everything meant for the person goes to stderr or the terminal.

The commands that run most often are answered before argparse is even imported: `--version` and
`init` (at every shell start), the guard's hook (before every command a coding agent runs), and a
request in its plain forms (a cache hit must cost little more than Python itself). Each
subcommand is a module of cli/commands/; every option is in cli/flags.py.
"""

from __future__ import annotations

import os
import sys

from nlshell import __version__
from nlshell.console import internal_error, out, report
from nlshell.errors import EXIT_INTERRUPTED, EXIT_OK, NlshellError, OutputError, UsageError

VERSION_TEXT = f"nlshell {__version__}"


def main(argv: list[str]) -> int:
    try:
        return _answer(argv)
    except OutputError as e:
        _silence_stdout()  # what is still buffered would fail again at exit
        return report(e)
    except NlshellError as e:
        return report(e)
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`nlshell -p … | head -c1`): stop quietly, as a killed pipe writer would.
        _silence_stdout()
        return 141
    except Exception as e:  # the last resort: one line, never a traceback unless debugging
        return internal_error(e)


def _answer(argv: list[str]) -> int:
    if argv in (["--version"], ["-V"]):
        out(VERSION_TEXT)
        return EXIT_OK
    code = None
    if argv[:1] == ["init"]:
        from nlshell.cli.commands.init import fast

        code = fast(argv[1:])
    elif argv[:1] == ["guard"]:  # the coding-agent hook: before every agent command
        from nlshell.cli.commands.guard import hook_call

        code = hook_call(argv[1:])
    return _dispatch(argv) if code is None else code


def _dispatch(argv: list[str]) -> int:
    """A subcommand when the first word is one's name, else a request."""
    _setup_logging()
    from nlshell.cli.flags import REQUEST, SUBCOMMANDS, names, quick_args
    from nlshell.cli.words import first_word

    index = first_word(argv, value_flags=names(REQUEST, values=True))
    if index is not None and argv[index] in SUBCOMMANDS:
        return _subcommand(argv, index)
    from nlshell.cli.commands import request

    args = quick_args(argv)
    if args is None:
        from nlshell.cli.parser import main_parser

        args = main_parser().parse_intermixed_args(argv)
    return request.run(args)


def _subcommand(argv: list[str], index: int) -> int:
    """`nlshell [options] NAME …`: the request's options before the name reach the subcommand
    (`-m`, `--no-color`); when the words after it do not fit, say how to ask them as a request."""
    import importlib

    from nlshell.cli.parser import ArgumentsError, main_parser

    global_args = main_parser().parse_args(argv[:index])
    if global_args.words:
        raise UsageError("unexpected words before the subcommand")
    command = importlib.import_module(f"nlshell.cli.commands.{argv[index]}")
    try:
        return command.run(argv[index + 1 :], global_args)
    except ArgumentsError as e:
        from nlshell.cli.words import as_request, looks_like_a_request

        if looks_like_a_request(argv, index):  # `nlshell init a git repo`
            e.hint = f"did you mean the request: {as_request(argv, index)}"
        raise


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _setup_logging() -> None:
    from nlshell.console import debug

    if debug():
        import logging

        logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="nlshell: %(name)s: %(message)s")
        logging.getLogger("nlshell").setLevel(logging.DEBUG)
