"""The command line: parse, dispatch, print; every error ends here as one line and an exit code.

The line itself is written by console.report (shared with the REPL). stdout is the product (a
command, or JSON); everything meant for the person goes to stderr or the terminal. `--version` and
`init` are answered before argparse is even imported: they run at every shell start and must cost
little more than Python itself.
"""

from __future__ import annotations

import os
import sys

from nlshell import __version__
from nlshell.console import (
    clean_text,
    history_line,
    internal_error,
    is_terminal,
    out,
    out_json,
    read_stdin,
    report,
    say,
    use_color,
    warn,
    write,
)
from nlshell.console import debug as _debug
from nlshell.console import visible as _visible
from nlshell.errors import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    DangerousCommandError,
    InvalidCommandError,
    NlshellError,
    OutputError,
    TemplateError,
    UsageError,
)

SUBCOMMANDS = ("history", "completions", "explain", "check", "guard", "init", "models", "auth", "config", "cache")
SHELLS = ("bash", "zsh", "fish")
MAX_REQUEST = 4_000  # characters: a request is a few sentences, not a file
MAX_KEY = 4_096  # characters of a key read from stdin
_VALUE_FLAGS = ("-m", "--model", "--widget")
# check and explain: a command's words may come unquoted; the shell still expands ~ * $ first.
_COMMAND_HELP = "the command; quote it if it has ~ * $ | ; or quotes (plain words need none)"


# -- entry point -------------------------------------------------------------------------------
def main(argv: list[str]) -> int:
    try:
        if argv in (["--version"], ["-V"]):
            out(f"nlshell {__version__}")
            return EXIT_OK
        if argv[:1] == ["init"]:
            return _fast_init(argv[1:])
        if argv[:1] == ["guard"]:  # the coding-agent hook: before every agent command, without argparse
            from nlshell.guard_cli import hook_call

            code = hook_call(argv[1:])
            if code is not None:
                return code
        return _dispatch(argv)
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


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _setup_logging() -> None:
    if _debug():
        import logging

        logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="nlshell: %(name)s: %(message)s")
        logging.getLogger("nlshell").setLevel(logging.DEBUG)


def _fast_init(args: list[str]) -> int:
    """`nlshell init SHELL [--key K] [--no-bind]` without argparse: it runs at every shell start."""
    from nlshell.shells import render_init

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
            return _dispatch(["init", *args])  # let argparse explain the mistake (or print --help)
    if shell is None:
        return _dispatch(["init", *args])
    write(render_init(shell, key=key, bind=bind, exe=_own_executable()))
    return EXIT_OK


def _own_executable() -> str | None:
    """The absolute path of the running `nlshell`, so the keybinding works even off PATH."""
    argv0 = sys.argv[0] if sys.argv else ""
    if os.path.basename(argv0) == "nlshell" and os.path.isabs(argv0):
        return argv0
    if os.path.basename(argv0) == "nlshell":
        return os.path.abspath(argv0) if os.sep in argv0 else None
    return None


# -- argument parsing --------------------------------------------------------------------------
def _first_word(argv: list[str]) -> int | None:
    """Index of the first positional word, or None (also when `--` comes first)."""
    from nlshell.cli_words import first_word

    return first_word(argv, value_flags=_VALUE_FLAGS)


class ArgumentsError(UsageError):
    """argparse did not accept the arguments."""


class _Parser:
    """argparse, built lazily, with errors turned into UsageError (exit 2, one line)."""

    @staticmethod
    def make(prog: str, description: str, epilog: str = ""):
        import argparse

        class Parser(argparse.ArgumentParser):
            def error(self, message: str):  # noqa: D401 - argparse API
                raise ArgumentsError(message, f"see `{self.prog} --help`")

        return Parser(
            prog=prog,
            description=description,
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )


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


def _main_parser():
    p = _Parser.make("nlshell", "Turn a request in plain words into a shell command: shown, checked, confirmed, run.", MAIN_EPILOG)
    p.add_argument("-p", "--print", dest="print_only", action="store_true", help="print the command on stdout only; never run it")
    p.add_argument("-y", "--yes", action="store_true", help="run without asking (a dangerous command is refused, exit 3)")
    p.add_argument("--json", action="store_true", help="print one JSON object (command, risk, reasons, …); never run")
    p.add_argument("-m", "--model", metavar="MODEL", help="model for this call (default: OPENROUTER_MODEL or config)")
    p.add_argument("--no-cache", action="store_true", help="ask afresh: skip the cache and history answers (the new one is still stored)")
    p.add_argument("--offline", action="store_true", help="answer from the offline index and your history only")
    p.add_argument("--widget", choices=SHELLS, metavar="SHELL", help="keybinding mode: print exactly the text for the buffer")
    p.add_argument("--quiet", action="store_true", help="no REPL banner")
    p.add_argument("--no-color", action="store_true", help="no colour (as NO_COLOR)")
    p.add_argument("--version", action="version", version=f"nlshell {__version__}")
    p.add_argument("words", nargs="*", metavar="REQUEST", help="what you want to do, in plain words")
    return p


_QUICK_FLAGS = {
    "-p": "print_only",
    "--print": "print_only",
    "-y": "yes",
    "--yes": "yes",
    "--json": "json",
    "--no-cache": "no_cache",
    "--offline": "offline",
    "--quiet": "quiet",
    "--no-color": "no_color",
}


class _QuickArgs:
    """What argparse returns for the plain forms, without building argparse (~7 ms) on a cache hit."""

    def __init__(self) -> None:
        for name in _QUICK_FLAGS.values():
            setattr(self, name, False)
        self.model = None
        self.widget = None
        self.words: list[str] = []


def _quick_args(argv: list[str]) -> _QuickArgs | None:
    """Read the exact, common flag forms; None for anything else (argparse then decides)."""
    args = _QuickArgs()
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            args.words.extend(argv[i + 1 :])
            break
        if arg in _QUICK_FLAGS:
            setattr(args, _QUICK_FLAGS[arg], True)
        elif arg in ("-m", "--model", "--widget"):
            value = argv[i + 1] if i + 1 < len(argv) else ""
            if not value or value.startswith("-") or (arg == "--widget" and value not in SHELLS):
                return None
            setattr(args, "widget" if arg == "--widget" else "model", value)
            i += 1
        elif arg.startswith("-") and arg != "-":
            return None  # -h, --model=x, -py, abbreviations, typos: argparse's job
        else:
            args.words.append(arg)
        i += 1
    return args


def _dispatch(argv: list[str]) -> int:
    _setup_logging()
    index = _first_word(argv)
    if index is not None and argv[index] in SUBCOMMANDS:
        global_args = _main_parser().parse_args(argv[:index])
        if global_args.words:
            raise UsageError("unexpected words before the subcommand")
        try:
            return _subcommand(argv[index], argv[index + 1 :], global_args)
        except ArgumentsError as e:
            from nlshell.cli_words import as_request, looks_like_a_request

            if looks_like_a_request(argv, index):  # `nlshell init a git repo`
                e.hint = f"did you mean the request: {as_request(argv, index)}"
            raise
    args = _quick_args(argv) or _main_parser().parse_intermixed_args(argv)
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
        return _repl(args)
    if len(request) > MAX_REQUEST:
        raise UsageError(
            f"the request is {len(request):,} characters long; the limit is {MAX_REQUEST:,}",
            "say what you want in a few sentences",
        )
    return _one_shot(args, request)


def _flags(args) -> dict:
    return {"model": getattr(args, "model", None)}


def _settings(args):
    from nlshell import config

    settings = config.load(_flags(args))
    if getattr(args, "no_color", False):
        settings.set("color", False, "flag")
    return settings


def _pipeline(settings):
    from nlshell.console import notice
    from nlshell.pipeline import Pipeline

    return Pipeline(settings, warn=warn, notice=notice)


# -- one-shot ----------------------------------------------------------------------------------
def _one_shot(args, request: str) -> int:
    settings = _settings(args)
    pipeline = _pipeline(settings)
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
        say(f"nlshell: {_visible(note)}")
    for problem in s.problems if s.valid else ():
        say(f"nlshell: {_visible(problem)}")


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
            say(_visible(line))
        out(s.command)
        return EXIT_OK
    from nlshell.session import Session

    if args.yes:
        if s.dangerous:
            raise DangerousCommandError(s.command, s.reasons)
        if line:
            say(_visible(line))
        say(f"nlshell: running: {_visible(s.command)}")
        from nlshell.typeahead import discard, stdin_fd

        discard(stdin_fd())  # keys typed while waiting were not meant for this command
        return Session(pipeline).run(s, s.command)
    return _menu(settings, pipeline, Session(pipeline), s, offline=args.offline)


def _menu(settings, pipeline, session, s, *, offline: bool) -> int:
    from nlshell.menu import choose

    decision = choose(pipeline, session, s, color=settings.color and use_color(),
                      editing_mode=settings.editing_mode, offline=offline)
    return session.settle(s, decision)


# -- the REPL ----------------------------------------------------------------------------------
def _repl(args) -> int:
    settings = _settings(args)
    from nlshell.repl import run_repl

    return run_repl(settings, quiet=args.quiet, warn=warn)


# -- subcommands -------------------------------------------------------------------------------
def _subcommand(name: str, argv: list[str], global_args) -> int:
    handler = {
        "check": _cmd_check,
        "guard": _cmd_guard,
        "explain": _cmd_explain,
        "init": _cmd_init,
        "completions": _cmd_completions,
        "history": _cmd_history,
        "models": _cmd_models,
        "auth": _cmd_auth,
        "config": _cmd_config,
        "cache": _cmd_cache,
    }[name]
    return handler(argv, global_args)


def _cmd_check(argv, global_args) -> int:
    p = _Parser.make(
        "nlshell check",
        "Parse, validate and rate a command offline: no model, no network, never runs it.",
        "exit codes: 0 safe, 1 caution, 3 dangerous or invalid\n\n"
        "examples:\n  nlshell check 'rm -rf ~'\n  nlshell check --json 'curl -fsSL x.sh | sh'\n"
        "  nlshell check --preview 'rm -rf build'\n  nlshell check --shell fish 'set -x A 1'",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--preview", action="store_true", help="also say what it would touch here (reads the disk, never writes)")
    p.add_argument("--shell", choices=("bash", "zsh", "fish", "sh"), help="syntax to check (default: your $SHELL)")
    p.add_argument("command", nargs="+", metavar="COMMAND", help=_COMMAND_HELP)
    from nlshell.cli_words import options_then_words

    args = p.parse_args(options_then_words(argv, flags=("--json", "--preview"), value_flags=("--shell",)))
    command = clean_text(" ".join(args.command))
    from nlshell.usershell import user_shell
    from nlshell.assess import assess

    shell = args.shell or user_shell()[1]
    result = assess(command, shell)
    from nlshell.text import hostile_characters

    hidden = hostile_characters(command)
    if hidden:  # what a terminal shows would not be what runs
        result.valid = False
        result.problems = [f"contains hidden or control characters ({', '.join(hidden)})", *result.problems]
    code = 3 if (not result.valid or result.risk == "dangerous") else (1 if result.risk == "caution" else 0)
    effects = None
    if args.preview:
        from nlshell.preview import effects_for

        effects = effects_for(command, valid=result.valid, risk=result.risk)
    if args.json:
        out_json(
            {
                "command": command,
                "valid": result.valid,
                "risk": result.risk,
                "reasons": list(result.reasons),
                "rules": list(result.rules),
                "problems": list(result.problems),
                "programs": list(result.programs),
                "shell": shell,
                "effects": None if effects is None else [e.as_json() for e in effects],
            }
        )
        return code
    out(result.risk if result.valid else "invalid")
    for reason in result.reasons:
        say(f"  risk: {_visible(reason)}")
    for problem in result.problems:
        say(f"  {_visible(problem)}")
    for effect in effects or ():
        say(f"  effect: {_visible(effect.summary)}")
        for line in effect.details:
            say(f"    {_visible(line)}")
    _maybe_a_request("check", args.command, result.problems)
    return code


def _maybe_a_request(name: str, words: list[str], problems) -> None:
    """`nlshell check disk space`: the first word is no program here, so say how to ask instead."""
    from nlshell.cli_words import as_request, first_word_unknown

    if first_word_unknown(words, problems):
        say(f"nlshell: did you mean the request: {_visible(as_request([name, *words], 0))}")


def _cmd_guard(argv, global_args) -> int:
    from nlshell.guard_cli import guard_command

    return guard_command(argv, _Parser.make)


def _cmd_explain(argv, global_args) -> int:
    p = _Parser.make(
        "nlshell explain",
        "Explain a command part by part (streams from the model).",
        "examples:\n  nlshell explain 'tar -xzvf a.tgz'\n  nlshell explain -- ls -la",
    )
    p.add_argument("-m", "--model", metavar="MODEL", help="model for this call")
    p.add_argument("command", nargs="+", metavar="COMMAND", help=_COMMAND_HELP)
    from nlshell.cli_words import options_then_words

    args = p.parse_args(options_then_words(argv, value_flags=("-m", "--model")))
    command = clean_text(" ".join(args.command)).strip()
    if not command:
        raise UsageError("nothing to explain", "try: nlshell explain 'tar -xzvf a.tgz'")
    if len(command) > MAX_REQUEST:
        raise UsageError(f"the command is {len(command):,} characters long; the limit is {MAX_REQUEST:,}",
                         "explain a part of it at a time")
    args.model = args.model or global_args.model
    settings = _settings(args)
    pipeline = _pipeline(settings)
    try:
        if pipeline.needs_offline:
            from nlshell.errors import NoKeyError

            raise NoKeyError()
        _maybe_a_request("explain", args.command, pipeline.assess("", command, source="user").problems)
        wrote = False
        for chunk in _explaining(pipeline.explain(command)):
            write(_visible(chunk))
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


def _cmd_init(argv, global_args) -> int:
    p = _Parser.make(
        "nlshell init",
        "Print the keybinding script for your shell. The key (default Alt+K) turns the text on the command line into a command, in place.",
        'setup:\n  bash: eval "$(nlshell init bash)"   in ~/.bashrc\n  zsh:  eval "$(nlshell init zsh)"    in ~/.zshrc\n'
        "  fish: nlshell init fish | source    in ~/.config/fish/config.fish\n\n"
        "examples:\n  nlshell init bash --key ctrl-t\n  nlshell init zsh --no-bind",
    )
    p.add_argument("shell", choices=SHELLS, metavar="{bash,zsh,fish}")
    p.add_argument("--key", help="key to bind: alt-k (default), alt-j, ctrl-t, ctrl-alt-k, …")
    p.add_argument("--no-bind", action="store_true", help="define the widget only, bind nothing")
    args = p.parse_args(argv)
    from nlshell.shells import render_init

    write(render_init(args.shell, key=args.key, bind=not args.no_bind, exe=_own_executable()))
    return EXIT_OK


def _cmd_completions(argv, global_args) -> int:
    p = _Parser.make(
        "nlshell completions",
        "Print the shell completion script.",
        "setup:\n  bash: eval \"$(nlshell completions bash)\"\n  zsh:  eval \"$(nlshell completions zsh)\"\n"
        "  fish: nlshell completions fish > ~/.config/fish/completions/nlshell.fish",
    )
    p.add_argument("shell", choices=SHELLS, metavar="{bash,zsh,fish}")
    args = p.parse_args(argv)
    from nlshell.shells import render_completions

    write(render_completions(args.shell))
    return EXIT_OK


def _cmd_history(argv, global_args) -> int:
    p = _Parser.make(
        "nlshell history",
        "Commands you ran through nlshell (your personal memory).",
        "examples:\n  nlshell history\n  nlshell history --json | jq '.[0]'\n  nlshell history clear",
    )
    p.add_argument("action", nargs="?", choices=("clear",), metavar="clear", help="clear: forget everything")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.add_argument("-n", "--limit", type=_positive_int, default=None, metavar="N", help="show the last N entries")
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


def _cmd_models(argv, global_args) -> int:
    p = _Parser.make(
        "nlshell models",
        "List the models the server offers (OpenRouter's /models, cached for an hour).",
        "examples:\n  nlshell models --free\n  nlshell models qwen\n  nlshell models --json | jq '.[].id'",
    )
    p.add_argument("search", nargs="?", help="only models whose id or name contains this")
    p.add_argument("--free", action="store_true", help="only free models")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.add_argument("--refresh", action="store_true", help="ignore the cached list")
    p.add_argument("--cached-ids", action="store_true", help=argparse_suppress())
    args = p.parse_args(argv)
    from nlshell import models

    if args.cached_ids:
        for model_id in models.cached_ids():
            out(model_id)
        return EXIT_OK
    settings = _settings(global_args)
    pipeline = _pipeline(settings)
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


def _positive_int(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return value


def argparse_suppress():
    import argparse

    return argparse.SUPPRESS


def _cmd_auth(argv, global_args) -> int:
    p = _Parser.make(
        "nlshell auth",
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

    settings = _settings(global_args)
    pipeline = _pipeline(settings)
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


def _cmd_config(argv, global_args) -> int:
    p = _Parser.make(
        "nlshell config",
        "Show the effective settings and where each came from, or the config file's path; trust a "
        "directory whose .env sets OPENROUTER_BASE_URL to receive your key.",
        "examples:\n  nlshell config show\n  nlshell config show --json\n  $EDITOR \"$(nlshell config path)\"\n"
        "  nlshell config trust           (this directory's .env may send your key to the server it names)\n"
        "  nlshell config untrust ~/src/x",
    )
    p.add_argument("action", choices=("show", "path", "trust", "untrust"), metavar="{show,path,trust,untrust}")
    p.add_argument("directory", nargs="?", metavar="DIR", help="trust/untrust: the directory (default: here)")
    p.add_argument("--json", action="store_true", help="print a JSON object (show)")
    args = p.parse_args(argv)
    from nlshell import config, paths

    if args.directory is not None and args.action not in ("trust", "untrust"):
        raise UsageError(f"config {args.action} takes no directory", "see `nlshell config --help`")
    if args.action in ("trust", "untrust"):
        return _config_trust(args.action, args.directory or os.getcwd())
    if args.action == "path":
        out(paths.config_file())
        return EXIT_OK
    settings = _settings(global_args)
    from nlshell.credentials import find_key, mask
    from nlshell.redact import redact_url

    lookup = find_key(settings)
    rows = [("api_key", mask(lookup.key), lookup.source or "not set")]
    for name in config.SPEC:
        value = redact_url(settings.base_url) if name == "base_url" else settings.values[name]
        rows.append((name, value, settings.sources[name]))
    rows.append(("shell (effective)", settings.shell_kind(), "config" if settings.shell else "$SHELL"))
    rows.append(("config file", settings.config_path, "exists" if settings.config_exists else "not present"))
    rows.append(("cache", paths.cache_db(), ""))
    rows.append(("memory", paths.memory_db(), ""))
    rows.append(("trusted dirs", paths.trust_file(), "nlshell config trust"))
    if args.json:
        out_json({name: {"value": value, "source": source} for name, value, source in rows})
        return EXIT_OK
    width = max(len(r[0]) for r in rows)
    for name, value, source in rows:
        shown = ", ".join(value) if isinstance(value, list) else value
        if isinstance(value, bool):
            shown = "true" if value else "false"  # as written in config.toml
        elif shown in ("", None):
            shown = "(not set)"
        out(f"{name.ljust(width)}  {_visible(str(shown))}" + (f"   ({source})" if source else ""))
    return EXIT_OK


def _config_trust(action: str, directory: str) -> int:
    from nlshell import trust
    from nlshell.redact import redact_url

    where = os.path.realpath(directory)
    if action == "trust":
        url = trust.trust(where)
        say(f"nlshell: trusted {_visible(where)}: its .env may send your key to {_visible(redact_url(url))} "
            "(`nlshell config untrust` undoes it)")
    elif trust.untrust(where):
        say(f"nlshell: no longer trusting {_visible(where)}")
    else:
        say(f"nlshell: {_visible(where)} was not trusted")
    return EXIT_OK


def _cmd_cache(argv, global_args) -> int:
    p = _Parser.make(
        "nlshell cache",
        "The 5-minute answer cache.",
        "examples:\n  nlshell cache stats\n  nlshell cache clear",
    )
    p.add_argument("action", choices=("clear", "stats"), metavar="{clear,stats}")
    p.add_argument("--json", action="store_true", help="print stats as JSON")
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
