"""The engine: walk every command a script runs and apply the rule book to each.

For every simple command (wrappers peeled, nested code included; see nlshell/shell/) the engine
calls the command, redirect and assignment hooks, then the program's rules: its declarative rows
(the first that matches decides), else its rule functions, else the fallbacks (shells,
interpreters). Then each pipeline stage gets the pipe hooks and the whole script the script hooks.
A finding carries its rule's id, level and reason; the rating is the worst level found.

Nothing is ever cleared for not being looked at: code nested past the depth limit, words with
more values than can be checked, text the parser could not read that the shell accepts, and a
rule that fails (raises) are each a dangerous finding of their own; a failing rule never stops
the others.
"""

from __future__ import annotations

import re

from nlshell.risk import book
from nlshell.risk.levels import DANGEROUS, SAFE, Level
from nlshell.risk.paths import places
from nlshell.shell.collect import MAX_CODE_DEPTH, script_of
from nlshell.shell.model import NESTED_TOO_DEEP, TOO_MANY_VALUES, Command, Script
from nlshell.shell.options import parse as parse_options
from nlshell.shell.patterns import lazy
from nlshell.shell.records import Frozen
from nlshell.shell.tools import SUBCOMMAND_TOOLS, dry_run, grammar_of

MAX_REASONS = 6  # shown; the level and the rule ids count every finding
FAILED = object()  # what a guarded rule gives back when it raised
_UNSEEN_RULES = {NESTED_TOO_DEEP: "shell.too-deep", TOO_MANY_VALUES: "shell.too-many-values"}


class Finding(Frozen):
    __slots__ = ("level", "rule", "reason")

    def __init__(self, level: Level, rule: str, reason: str) -> None:
        object.__setattr__(self, "level", level)
        object.__setattr__(self, "rule", rule)  # the id of the rule that found it
        object.__setattr__(self, "reason", reason)


class Rating(Frozen):
    """A risk level and what it rests on, most serious first (no findings for a safe command)."""

    __slots__ = ("risk", "findings")

    def __init__(self, risk: Level, findings: tuple = ()) -> None:
        object.__setattr__(self, "risk", risk)
        object.__setattr__(self, "findings", findings)

    @property
    def reasons(self) -> list:
        """Why, in words: each reason once, the most serious first, at most MAX_REASONS."""
        return list(dict.fromkeys(f.reason for f in self.findings))[:MAX_REASONS]

    @property
    def rules(self) -> list:
        """The ids of the rules that fired, each once, the most serious first."""
        return list(dict.fromkeys(f.rule for f in self.findings))


def rate(command: str, *, tree=None, script: Script | None = None, depth: int = 0, unparsed: bool = False) -> Rating:
    """Rate `command` (bash syntax). Pass the `tree` or `script` of a parse already made.

    `depth` counts how deep inside other code `command` is; `unparsed` says the shell accepts text
    the parser could not read, which the rules never saw.
    """
    book.load_core()
    if not command or not command.strip():
        return Rating(SAFE)
    try:
        rater = Rater(script if script is not None else script_of(command, tree, depth=depth), depth)
        rater.run()
    except RecursionError:  # nesting deeper than Python's stack: what is inside was not seen
        rater = Rater(Script(source=command), depth)
        rater.add("shell.too-deep")
    except Exception:  # noqa: BLE001 - a command the rater cannot read is not cleared
        rater = Rater(Script(source=command), depth)
        rater.add("shell.check-failed", where="reading the command")
    rating = rater.result()
    if unparsed and rating.risk != DANGEROUS:
        rater.add("shell.unparsed")
        rating = rater.result()
    return rating


class Rater:
    """One rating in progress: the findings so far and what the line did before each command."""

    def __init__(self, script: Script, depth: int) -> None:
        self.script = script
        self.depth = depth
        self.found: list = []
        self.downloaded: set = set()  # files this command line fetches from the network
        self.written: dict = {}  # file -> literal text this command line writes into it
        self.cwd: list = []  # directories `cd` moved to earlier in the line (only ever escalates)

    # findings ------------------------------------------------------------------------------
    def add(self, rule_id: str, cmd: Command | None = None, **fields) -> None:
        rule = book.rule(rule_id)
        reason = rule.say(fields)
        if cmd is not None and cmd.remote:
            reason = "on the remote host: " + reason
        self.found.append(Finding(rule.level, rule.id, reason))

    def failed(self, fn, cmd: Command | None = None) -> None:
        """A rule raised: what it would have found is unknown, so the command is not cleared."""
        where = fn if isinstance(fn, str) else getattr(fn, "__name__", "a rule")
        self.add("shell.check-failed", cmd, where=f"the rule `{where}`" + (f" on `{cmd.name}`" if cmd and cmd.name else ""))

    def merge(self, rating: Rating, cmd: Command | None = None, where: str = "") -> None:
        """Take the findings of code this command runs (a string, an alias body, a trap); `where`
        says where it runs when that is not here ("in the container web: ")."""
        prefix = ("on the remote host: " if cmd is not None and cmd.remote else "") + where
        for f in rating.findings:
            self.found.append(Finding(f.level, f.rule, prefix + f.reason))

    def result(self) -> Rating:
        if not self.found:
            return Rating(SAFE)
        ordered = tuple(sorted(self.found, key=lambda f: -f.level.rank))
        return Rating(ordered[0].level, ordered)

    # what commands run -----------------------------------------------------------------------
    def nested(self, code: str, kind: str = "shell", cmd: Command | None = None) -> Rating:
        """Rate a string some program runs as code (shell code, or another interpreter's)."""
        if not code.strip():
            return Rating(SAFE)
        if self.depth >= MAX_CODE_DEPTH:  # not looked at, so not cleared
            sub = Rater(Script(source=code), self.depth + 1)
            sub.add("shell.too-deep")
            return sub.result()
        if kind in ("shell", "remote"):
            return rate(code, depth=self.depth + 1)
        sub = Rater(Script(source=code), self.depth + 1)
        for fn in book.HOOKS["code"]:
            fn(sub, kind, code, cmd)
        return sub.result()

    def places(self, word) -> list:
        """The path classes of every value `word` can take (see paths.py)."""
        infos, complete = places(word, tuple(self.cwd))
        if not complete:
            self.add("shell.too-many-values")
        return infos

    def substitution_commands(self, word) -> list:
        """The commands inside a word's $(...) / <(...) substitutions."""
        nodes = {(sub.start_byte, sub.end_byte) for sub in word.subs}
        if not nodes:
            return []
        found = []
        for c in self.script.commands:
            n = c.node
            if n is not None and c.depth == 0:
                if any(start < n.start_byte and n.end_byte <= end for start, end in nodes):  # inside `$(`…`)`
                    found.append(c)
        if not found:  # the word came from a nested string: parse the substitution itself
            for sub in word.subs:
                text = sub.text.decode("utf-8", "replace")
                text = text[2:-1] if text.startswith(("$(", "<(", ">(")) else text.strip("`")
                found.extend(script_of(text, depth=self.depth + 1).commands)
        return found

    # the walk --------------------------------------------------------------------------------
    def run(self) -> None:
        pipelines: dict = {}  # id -> every command in it (a stage may be a group of commands)
        for cmd in self.script.commands:
            self.command(cmd)
            if cmd.pipeline is not None:
                pipelines.setdefault(id(cmd.pipeline), []).append(cmd)
        for members in pipelines.values():
            for cmd in members:
                if cmd.stage:
                    upstream = [s for s in members if s.stage < cmd.stage]
                    for fn in book.HOOKS["pipe"]:
                        self.call(fn, cmd, upstream)
        for fn in book.HOOKS["script"]:
            self.call(fn)
        for unseen in self.script.unseen:
            self.add(_UNSEEN_RULES[unseen])

    def guarded(self, rule, cmd: Command | None, fn, *args):
        """`fn(*args)`; if it raises, the rating is dangerous ("could not check": `rule` failed on
        `cmd`), the other rules still run, and FAILED comes back instead of a value."""
        try:
            return fn(*args)
        except RecursionError:
            raise  # too deep: `rate` says so
        except Exception:  # noqa: BLE001 - one failing rule never stops the rating or clears it
            self.failed(rule, cmd)
            return FAILED

    def call(self, fn, *args) -> None:
        """Run one rule function `fn(self, *args)`, guarded."""
        self.guarded(fn, next((a for a in args if isinstance(a, Command)), None), fn, self, *args)

    def command(self, cmd: Command) -> None:
        for fn in book.HOOKS["command"]:
            self.call(fn, cmd)
        for redirect in cmd.redirects:
            for fn in book.HOOKS["redirect"]:
                self.call(fn, cmd, redirect)
        for name, value in cmd.assignments.items():
            for fn in book.HOOKS["assignment"]:
                self.call(fn, cmd, name, value)
        name = cmd.name
        if not name:
            return
        if name in _DECLARATIONS:  # `export PROMPT_COMMAND=...` assigns like `PROMPT_COMMAND=...`
            for a in cmd.args:
                key, eq, value = a.text.partition("=")
                if eq and _NAME.fullmatch(key):
                    for fn in book.HOOKS["assignment"]:
                        self.call(fn, cmd, key, value)
        if name in ("cd", "pushd") and cmd.depth == 0:
            target = cmd.args[-1].text if cmd.args else "~"  # a bare `cd` goes home
            if target.startswith(("/", "~", "$")):
                self.cwd.append(target)
        if name in ("true", ":", "false") or name.startswith("!") or asks_for_help(name, cmd.args):
            return
        self.apply(cmd)

    def apply(self, cmd: Command) -> None:
        """The program's rows, else its functions, else the fallbacks, else what its words say.

        A tool told only to show what it would do (`rsync -n`, `--dry-run`) is not rated.
        """
        name = cmd.name
        if dry_run(name, cmd.args):
            return
        book.need(name)
        rows = book.ROWS.get(name)
        if rows:
            parsed = parse_options(cmd.args, grammar_of(name))
            for row in rows:
                fields = self.guarded(row.id, cmd, row.match, cmd, parsed)
                if fields is not None and fields is not FAILED:  # a failing row: the next are tried
                    self.add(row.id, cmd, **fields)
                    return
        functions = book.PROGRAMS.get(name) or [fn for prefix, fn in book.PREFIXES if name.startswith(prefix)]
        for fn in functions:
            self.call(fn, cmd)
        if functions or rows:
            return
        for fn in book.FALLBACKS:
            if self.guarded(fn, cmd, fn, self, cmd):  # handled it (or failed: dangerous already)
                return
        for fn in book.UNKNOWN:
            self.call(fn, cmd)


_DECLARATIONS = frozenset({"export", "declare", "typeset", "local", "readonly"})
_NAME = lazy(r"[A-Za-z_][A-Za-z0-9_]*")


def asks_for_help(name: str, args: list) -> bool:
    """`rm --help`, `git push --help`: the program prints its help and does nothing else.

    Only up front: `rm -rf / --help` deletes everything where rm does not read options after
    operands (BSD), and bash's `kill -9 -1 --help` kills every process before it complains.
    """
    if not args or not args[0].literal:
        return False
    first = args[0].text
    if first in ("--help", "--version") or (first == "-V" and len(args) == 1):
        return True
    return (
        name in SUBCOMMAND_TOOLS
        and len(args) >= 2
        and args[1].literal
        and args[1].text == "--help"
        and re.fullmatch(r"[a-z][a-z0-9-]*", first) is not None
    )
