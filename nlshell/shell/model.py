"""The parsed-command model: what a command line runs, as the rules and the checks see it.

A `Script` is every simple command the text would run, flattened: wrappers (`sudo`, `env`, ...)
peeled off each `Command`, the strings some command executes (`sh -c '...'`, `eval`, `ssh host`,
`find -exec`) parsed as code of their own, and quoted text nothing executes left as data.
"""

from __future__ import annotations

from nlshell.shell.patterns import lazy
from nlshell.shell.records import Record

# Wrappers that run their command as another user (root, usually).
ROOT_WRAPPERS = frozenset({"sudo", "doas", "su", "run0", "pkexec", "runuser", "gosu", "su-exec"})
# Given no command, these open a shell, which runs what it reads on stdin (`echo 'rm -rf /' | sudo -s`).
SHELL_OPENERS = frozenset({"su", "sudo", "doas", "run0", "runuser"})

# Variables that hold the user's shell: `$SHELL -c CODE` runs CODE like `sh -c CODE`.
_SHELL_VARIABLE = lazy(r"^\$\{(SHELL|BASH)(?:[:]?[-=][^}]*)?\}$")

# Why part of a script was not looked at (`Script.unseen`); whatever is not looked at is never safe.
NESTED_TOO_DEEP = "nested-too-deep"
TOO_MANY_VALUES = "too-many-values"


class Word(Record):
    """One shell word, with what can be known about its value without running anything.

    `text` is the value with quotes removed and escapes resolved; expansions stay as written in a
    normal form (`${NAME}`, `$(...)`), so `"$HOME"/x` reads `${HOME}/x`. `alts` are the values the
    word can take when it uses a loop variable (`for f in a b; do rm "$f"; done`).
    """

    __slots__ = ("text", "literal", "quoted", "glob", "alts", "subs", "raw")

    def __init__(
        self,
        text: str,
        literal: bool = True,  # no expansion or substitution: `text` is exactly what the program sees
        quoted: bool = False,
        glob: bool = False,  # unquoted * ? [ : the shell expands it
        alts: tuple = (),
        subs: tuple = (),  # command / process substitution nodes inside the word
        raw: str = "",  # the source text
    ) -> None:
        self.text = text
        self.literal = literal
        self.quoted = quoted
        self.glob = glob
        self.alts = alts
        self.subs = subs
        self.raw = raw

    def values(self) -> tuple:
        return self.alts or (self.text,)


class Redirect(Record):
    __slots__ = ("op", "target", "fd", "body", "body_expands")

    def __init__(
        self,
        op: str,  # > >> < << <<< &> &>> >& <& >| <>
        target: Word | None = None,
        fd: str | None = None,
        body: str | None = None,  # heredoc / herestring text
        body_expands: bool = False,  # heredoc with an unquoted delimiter: $(...) inside runs
    ) -> None:
        self.op = op
        self.target = target
        self.fd = fd
        self.body = body
        self.body_expands = body_expands


class Pipeline(Record):
    __slots__ = ("stages",)

    def __init__(self, stages: list | None = None) -> None:
        self.stages = [] if stages is None else stages  # Command | None per stage


class Loop(Record):
    __slots__ = ("kind", "infinite", "iterations")

    def __init__(self, kind: str, infinite: bool = False, iterations: int | None = None) -> None:
        self.kind = kind  # while | until | for | c-for
        self.infinite = infinite
        self.iterations = iterations


class Feed(Record):
    """How `xargs` or `parallel` turns what it reads into arguments of the command it runs.

    Items come from stdin unless `arg_file` (`-a FILE`) or parallel's `:::` lists (`groups`) give
    them. Each item replaces `replace` in the command's words (`-I {}`), else the items are added
    after the command's own words; parallel with no command runs each item as a command line.
    """

    __slots__ = ("tool", "replace", "arg_file", "delimiter", "groups", "group_files", "quote")

    def __init__(
        self,
        tool: str,  # "xargs" | "parallel"
        replace: str | None = None,
        arg_file: Word | None = None,
        delimiter: str | None = None,  # "\n", "\0" or one character; None: blanks (xargs), lines (parallel)
        groups: tuple = (),  # parallel `::: a b` lists, each a tuple of Words
        group_files: tuple = (),  # parallel `:::: FILE` words
        quote: bool = False,  # parallel -q: its command's words are quoted, not joined as a shell line
    ) -> None:
        self.tool = tool
        self.replace = replace
        self.arg_file = arg_file
        self.delimiter = delimiter
        self.groups = groups
        self.group_files = group_files
        self.quote = quote


class Command(Record):
    """A simple command as it will run: wrappers peeled off, assignments apart."""

    __slots__ = ("argv", "wrappers", "assignments", "redirects", "background", "pipeline", "stage", "loop",
                 "function", "depth", "origin", "parent", "node", "remote", "feed", "forwards")

    def __init__(
        self,
        argv: list,  # list[Word]: the program and its arguments
        wrappers: tuple = (),  # ("sudo", "env", ...) in the order they were written
        assignments: dict | None = None,
        redirects: list | None = None,
        background: bool = False,
        pipeline: Pipeline | None = None,
        stage: int = 0,
        loop: Loop | None = None,
        function: str | None = None,  # enclosing function definition
        depth: int = 0,  # 0 = typed text; 1+ = inside a string some wrapper executes
        origin: str | None = None,  # "sh -c", "eval", "ssh", "find -exec", "xargs", "watch", ...
        parent: Command | None = None,  # the command whose string / -exec produced this one
        node: object = None,
        remote: bool = False,  # runs on another host (`ssh host '...'`): its programs are not ours to check
        feed: Feed | None = None,  # `xargs`/`parallel`: how input becomes more arguments
        forwards: tuple = (),  # Words: ports a wrapper opens from elsewhere into this machine (`ssh -R`)
    ) -> None:
        self.argv = argv
        self.wrappers = wrappers
        self.assignments = {} if assignments is None else assignments
        self.redirects = [] if redirects is None else redirects
        self.background = background
        self.pipeline = pipeline
        self.stage = stage
        self.loop = loop
        self.function = function
        self.depth = depth
        self.origin = origin
        self.parent = parent
        self.node = node
        self.remote = remote
        self.feed = feed
        self.forwards = forwards

    @property
    def name(self) -> str:
        """Basename of the program when it is known statically, else "".

        `$SHELL` and `$BASH` are known to be a shell, whatever shell: they read as `sh`.
        """
        if not self.argv:
            return ""
        w = self.argv[0]
        if not w.literal:
            return "sh" if _SHELL_VARIABLE.match(w.text) else ""
        return w.text.rsplit("/", 1)[-1]

    @property
    def args(self) -> list:
        return self.argv[1:]

    @property
    def as_root(self) -> bool:
        return any(w in ROOT_WRAPPERS for w in self.wrappers)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Command({' '.join(w.text for w in self.argv)!r}, wrappers={self.wrappers}, origin={self.origin})"


class CodeRun(Record):
    """A string some command executes as code (shell or another interpreter)."""

    __slots__ = ("kind", "text", "by", "opaque")

    def __init__(
        self,
        kind: str,  # "shell", "remote", "python", "perl", ...
        text: str | None,  # None when nothing static is known
        by: Command | None = None,
        opaque: bool = False,  # the code itself is only known at run time ($x, $(...))
    ) -> None:
        self.kind = kind
        self.text = text
        self.by = by
        self.opaque = opaque


class Script(Record):
    """Everything a command line runs, flattened."""

    __slots__ = ("source", "tree", "commands", "functions", "bodies", "calls", "code", "assignments", "aliases",
                 "loops", "has_error", "unseen")

    def __init__(self, source: str, tree: object = None, commands: list | None = None, has_error: bool = False) -> None:
        self.source = source
        self.tree = tree
        self.commands = [] if commands is None else commands  # every Command, nested code included
        self.functions: dict = {}  # name -> list of commands in its body
        self.bodies: dict = {}  # function name -> its body node (calls read it with their arguments)
        self.calls = 0  # function calls read with their arguments so far
        self.code: list = []  # CodeRun
        self.assignments: list = []  # (name, Word, Command | None)
        self.aliases: set = set()
        self.loops: list = []
        self.has_error = has_error
        self.unseen: list = []  # NESTED_TOO_DEEP, TOO_MANY_VALUES: parts not looked at
