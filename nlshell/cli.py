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
from nlshell.console import clean_text, internal_error, is_terminal, out, out_json, report, say, use_color, warn
from nlshell.console import debug as _debug
from nlshell.console import visible as _visible
from nlshell.errors import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    DangerousCommandError,
    InvalidCommandError,
    NlshellError,
    UsageError,
)

SUBCOMMANDS = ("history", "completions", "explain", "check", "init", "models", "auth", "config", "cache")
SHELLS = ("bash", "zsh", "fish")
MAX_REQUEST = 4_000  # characters: a request is a few sentences, not a file
_VALUE_FLAGS = ("-m", "--model", "--widget")


# -- entry point -------------------------------------------------------------------------------
def main(argv: list[str]) -> int:
    if argv in (["--version"], ["-V"]):
        out(f"nlshell {__version__}")
        return EXIT_OK
    try:
        if argv[:1] == ["init"]:
            return _fast_init(argv[1:])
        return _dispatch(argv)
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
    sys.stdout.write(render_init(shell, key=key, bind=bind, exe=_own_executable()))
    sys.stdout.flush()
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
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            return None
        if arg in _VALUE_FLAGS:
            i += 2
            continue
        if arg.startswith("-") and arg != "-":
            i += 1
            continue
        return i
    return None


class _Parser:
    """argparse, built lazily, with errors turned into UsageError (exit 2, one line)."""

    @staticmethod
    def make(prog: str, description: str, epilog: str = ""):
        import argparse

        class Parser(argparse.ArgumentParser):
            def error(self, message: str):  # noqa: D401 - argparse API
                raise UsageError(message, f"see `{self.prog} --help`")

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
  nlshell init bash|zsh|fish    keybinding script: eval "$(nlshell init bash)"
  nlshell completions SHELL     shell completion script
  nlshell models [SEARCH]       list models (--free, --json)
  nlshell auth login|logout|status
  nlshell config show|path
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
        return _subcommand(argv[index], argv[index + 1 :], global_args)
    args = _quick_args(argv) or _main_parser().parse_intermixed_args(argv)
    request = clean_text(" ".join(args.words)).strip()
    if not request and not sys.stdin.isatty() and (args.print_only or args.json or args.widget or args.yes):
        request = clean_text(sys.stdin.read()).strip()  # `echo "list files" | nlshell -p`
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
    from nlshell.pipeline import Pipeline

    pipeline = Pipeline(settings, warn=warn)
    return pipeline


# -- one-shot ----------------------------------------------------------------------------------
def _one_shot(args, request: str) -> int:
    settings = _settings(args)
    pipeline = _pipeline(settings)
    try:
        suggestion = _with_spinner(lambda: pipeline.suggest(request, no_cache=args.no_cache, offline=args.offline), args)
        return _deliver(args, settings, pipeline, suggestion)
    finally:
        pipeline.close()


def _with_spinner(work, args):
    """A spinner on a terminal's stderr while waiting (never for the keybinding, never on a pipe)."""
    if args.widget or not is_terminal(sys.stderr):
        return work()
    from nlshell.spinner import Spinner

    with Spinner("thinking"):
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
        out_json(s.as_json())
        return EXIT_OK if s.valid is not False else InvalidCommandError.exit_code
    if s.valid is False:
        raise InvalidCommandError(s.command or "", s.problems or ["it does not parse"])
    line = _risk_line(s)
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    to_menu = interactive and not (args.widget or args.print_only or args.yes)
    if not to_menu:
        _say_notes(s)  # the menu shows the notes and warnings itself, under the command
    if args.widget:
        text = s.command
        if s.dangerous:
            text = "\n".join("# " + part for part in s.command.split("\n"))
            say(line + " — disabled with '# '; remove it to run deliberately")
        out(text)
        return EXIT_OK
    if args.print_only or (not interactive and not args.yes):
        if line:
            say(_visible(line))
        out(s.command)
        return EXIT_OK
    if args.yes:
        if s.dangerous:
            raise DangerousCommandError(s.command, s.reasons)
        if line:
            say(_visible(line))
        say(f"nlshell: running: {_visible(s.command)}")
        return pipeline.execute(s, s.command)
    return _menu(settings, pipeline, s)


def _menu(settings, pipeline, s) -> int:
    from nlshell import confirm
    from nlshell.errors import Aborted

    def assess(command: str):
        return pipeline.assess(s.request, command, source="user")

    def revise(instruction: str, current):
        return pipeline.revise(current, instruction)

    try:
        decision = confirm.confirm(
            s,
            assess=assess,
            describe=pipeline.explain,
            revise=revise,
            color=settings.color and use_color(),
        )
    except Aborted:
        pipeline.forget(s)
        raise
    if decision.action == "copy":
        return EXIT_OK
    if decision.action != "execute":
        pipeline.forget(s)
        return EXIT_INTERRUPTED
    return pipeline.execute(decision.suggestion or s, decision.command)


# -- the REPL ----------------------------------------------------------------------------------
def _repl(args) -> int:
    settings = _settings(args)
    from nlshell.repl import run_repl

    return run_repl(settings, quiet=args.quiet, warn=warn)


# -- subcommands -------------------------------------------------------------------------------
def _subcommand(name: str, argv: list[str], global_args) -> int:
    handler = {
        "check": _cmd_check,
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
        "  nlshell check --shell fish 'set -x A 1'",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--shell", choices=("bash", "zsh", "fish", "sh"), help="syntax to check (default: your $SHELL)")
    p.add_argument("command", nargs="+", metavar="COMMAND", help="the command to check; quote it, or put it after --")
    args = p.parse_args(argv)
    command = clean_text(" ".join(args.command))
    from nlshell.usershell import user_shell
    from nlshell.assess import assess

    shell = args.shell or user_shell()[1]
    result = assess(command, shell)
    from nlshell.extract import hostile_characters

    hidden = hostile_characters(command)
    if hidden:  # what a terminal shows would not be what runs
        result.valid = False
        result.problems = [f"contains hidden or control characters ({', '.join(hidden)})", *result.problems]
    code = 3 if (not result.valid or result.risk == "dangerous") else (1 if result.risk == "caution" else 0)
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
            }
        )
        return code
    out(result.risk if result.valid else "invalid")
    for reason in result.reasons:
        say(f"  risk: {_visible(reason)}")
    for problem in result.problems:
        say(f"  {_visible(problem)}")
    return code


def _cmd_explain(argv, global_args) -> int:
    p = _Parser.make(
        "nlshell explain",
        "Explain a command part by part (streams from the model).",
        "examples:\n  nlshell explain 'tar -xzvf a.tgz'\n  nlshell explain -- ls -la",
    )
    p.add_argument("-m", "--model", metavar="MODEL", help="model for this call")
    p.add_argument("command", nargs="+", metavar="COMMAND", help="the command to explain; quote it, or put it after --")
    args = p.parse_args(argv)
    command = clean_text(" ".join(args.command)).strip()
    if not command:
        raise UsageError("nothing to explain", "try: nlshell explain 'tar -xzvf a.tgz'")
    args.model = args.model or global_args.model
    settings = _settings(args)
    pipeline = _pipeline(settings)
    try:
        if pipeline.needs_offline:
            from nlshell.errors import NoKeyError

            raise NoKeyError()
        wrote = False
        for chunk in pipeline.explain(command):
            sys.stdout.write(_visible(chunk))
            sys.stdout.flush()
            wrote = True
        if wrote:
            sys.stdout.write("\n")
        return EXIT_OK
    except NlshellError:
        if sys.stdout.isatty():
            sys.stdout.write("\n")
        raise
    finally:
        pipeline.close()


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

    sys.stdout.write(render_init(args.shell, key=args.key, bind=not args.no_bind, exe=_own_executable()))
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

    sys.stdout.write(render_completions(args.shell))
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
        out(f"{entry['time']}  {_visible(entry['command'])}    # {_visible(entry['request'])}")
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
            key = sys.stdin.readline()
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
    from nlshell import credentials

    settings = _settings(global_args)
    pipeline = _pipeline(settings)
    lookup = pipeline.key_lookup()
    if not lookup.key:
        if settings.is_openrouter:
            from nlshell.errors import NoKeyError

            missing = NoKeyError()  # the same words as every other front that needs the key
            say(f"nlshell: {missing.message} — {missing.hint}")
        else:
            say(f"nlshell: no API key set — {settings.base_url} gets none, which is fine unless it asks for one")
        for note in lookup.notes:
            say(f"nlshell: {note}")
        return EXIT_USAGE if settings.is_openrouter else EXIT_OK
    out(f"key:    {credentials.mask(lookup.key)}")
    out(f"source: {lookup.source}")
    out(f"server: {settings.base_url}")
    try:
        info = pipeline.client().key_info()
    finally:
        pipeline.close()
    from nlshell import models

    for line in models.describe_key(info, model=settings.model):
        out(line)
    return EXIT_OK


def _cmd_config(argv, global_args) -> int:
    p = _Parser.make(
        "nlshell config",
        "Show the effective settings and where each came from, or the config file's path.",
        "examples:\n  nlshell config show\n  nlshell config show --json\n  $EDITOR \"$(nlshell config path)\"",
    )
    p.add_argument("action", choices=("show", "path"), metavar="{show,path}")
    p.add_argument("--json", action="store_true", help="print a JSON object (show)")
    args = p.parse_args(argv)
    from nlshell import config, paths

    if args.action == "path":
        out(paths.config_file())
        return EXIT_OK
    settings = _settings(global_args)
    from nlshell.credentials import find_key, mask

    lookup = find_key(settings)
    rows = [("api_key", mask(lookup.key), lookup.source or "not set")]
    for name in config.SPEC:
        rows.append((name, settings.values[name], settings.sources[name]))
    rows.append(("shell (effective)", settings.shell_kind(), "config" if settings.shell else "$SHELL"))
    rows.append(("config file", settings.config_path, "exists" if settings.config_exists else "not present"))
    rows.append(("cache", paths.cache_db(), ""))
    rows.append(("memory", paths.memory_db(), ""))
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
