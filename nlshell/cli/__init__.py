"""The command line: parse, dispatch, print; every error ends here as one line and an exit code.

`main` is the error funnel, the only place that turns errors into exit codes (the line itself is
written by console.report, shared with the REPL). stdout is the product (a command, or JSON);
everything meant for the person goes to stderr or the terminal.

The commands that run most often are answered here before argparse is even imported: `--version`
and `init` (at every shell start), the guard's hook (before every command a coding agent runs),
and a request in its plain forms, read by the quick reader of cli/flags.py (a cache hit must cost
little more than Python itself). Each subcommand is a module of cli/commands/; every option is in
cli/flags.py.
"""

from __future__ import annotations

import os
import sys

from nlshell import __version__
from nlshell.console import internal_error, is_terminal, out, report, write
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
        code = _init(argv[1:])
    elif argv[:1] == ["guard"]:
        code = _hook(argv[1:])
    return _dispatch(argv) if code is None else code


# -- `nlshell init SHELL [--key K] [--no-bind]`, at every shell start ----------------------------
def _init(args: list[str]) -> int | None:
    """The keybinding script for the plain forms; None for anything else (argparse then decides)."""
    from nlshell.shells import SHELLS, render_init

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
    write(render_init(shell, key=key, bind=bind, exe=own_executable()))
    return EXIT_OK


def own_executable() -> str | None:
    """The absolute path of the running `nlshell`, so the keybinding works even off PATH."""
    argv0 = sys.argv[0] if sys.argv else ""
    if os.path.basename(argv0) == "nlshell" and os.path.isabs(argv0):
        return argv0
    if os.path.basename(argv0) == "nlshell":
        return os.path.abspath(argv0) if os.sep in argv0 else None
    return None


# -- `nlshell guard [--format AGENT]` with an event on stdin, before every command an agent runs ---
# Whatever goes wrong while answering an event exits 2, every agent's "block": never 0 without an
# answer, and never 1 (which agents ignore).
def _hook(args: list[str]) -> int | None:
    """Answer the event on stdin; None when this is not the plain hook form (argparse decides)."""
    if is_terminal(sys.stdin):
        return None
    try:
        plain, forced = _hook_form(args)
    except BaseException as e:  # noqa: BLE001 - a broken install must block, not pass
        return _blocked(e)
    return answer_event(forced) if plain else None


def _hook_form(args: list[str]) -> tuple[bool, str | None]:
    """(is this the plain hook form, the --format it names)."""
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--format":
        name = args[1]
    elif len(args) == 1 and args[0].startswith("--format="):
        name = args[0].split("=", 1)[1]
    else:
        return False, None
    from nlshell.guard.formats import NAMES

    return (True, name) if name in NAMES else (False, None)


def answer_event(forced: str | None) -> int:
    """The guard's answer to the event on stdin, in the agent's format (`forced`: --format)."""
    try:
        from nlshell.guard import respond

        text, code = respond(sys.stdin.fileno(), forced, os.environ)
        sys.stdout.write(text)
        sys.stdout.flush()
        return code
    except BaseException as e:  # noqa: BLE001 - even Ctrl-C or a broken install must block, not pass
        return _blocked(e)


def _blocked(e: BaseException) -> int:
    try:
        sys.stderr.write(f"nlshell guard could not answer ({e.__class__.__name__}); the command is blocked\n")
    except Exception:  # noqa: BLE001
        pass
    return 2


# -- everything else: argparse where needed ------------------------------------------------------


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
