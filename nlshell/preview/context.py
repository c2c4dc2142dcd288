"""Where a command would run, and what its words would name there.

A word becomes paths the way the shell would make them — `~` and `~user`, `$VAR` from the
environment the command inherits, `{a,b}`, globs (hidden files only when the pattern asks) —
relative to the directory the command runs in. Anything only the run itself can know (`$(...)`,
`$1`, a variable the command line sets from a substitution, the directory after `cd "$x"`) makes
the word unknown, never guessed.
"""

from __future__ import annotations

import os
import time

from nlshell.shell.patterns import lazy
from nlshell.shell.records import Value

MAX_ENTRIES = 10_000  # a walk stops here and says "more than N"
WALK_SECONDS = 0.3  # all walks of one preview together stop after this
MAX_EXPANSION = 2_000  # paths one glob or brace word may stand for

WHEN_IT_RUNS = "(known only when it runs)"


class Context(Value):
    """What the preview knows about where the command runs. `root` stands for `/` when reading
    /proc, /sys and /dev, so tests can inject a fake machine. (Not a dataclass: see Effect.)"""

    __slots__ = ("cwd", "env", "root", "now", "deadline", "as_root", "assigned", "base", "uid", "git_deadline")

    def __init__(
        self,
        cwd: str | None,  # where this command runs (after any `cd`); None when unknown
        env: dict,
        root: str = "/",
        now: float | None = None,  # default: the time now
        deadline: float = 0.0,
        as_root: bool = False,
        assigned: frozenset = frozenset(),  # variables the command line sets itself
        base: str | None = None,  # the person's directory: paths are shown and judged against it
        uid: int | None = None,  # who runs it (signals reach only their processes); default: this process's
        git_deadline: float | None = None,  # when git reads must be done (gitread.GIT_SECONDS)
    ) -> None:
        self.cwd = cwd
        self.env = env
        self.root = root
        self.now = time.time() if now is None else now
        self.deadline = deadline
        self.as_root = as_root
        self.assigned = assigned
        self.base = cwd if base is None else base
        self.uid = os.getuid() if uid is None else uid
        self.git_deadline = git_deadline

    @property
    def home(self) -> str | None:
        return self.env.get("HOME") or None

    def system(self, path: str) -> str:
        """/proc/..., /sys/..., /dev/... under the injected root."""
        return os.path.join(self.root, path.lstrip("/")) if self.root != "/" else path

    def inside_cwd(self, path: str) -> bool:
        """Is `path` (absolute) the person's directory or below it, once symlinks in its parent
        are resolved?"""
        if self.base is None:
            return False
        base = os.path.realpath(self.base)
        parent, name = os.path.split(path.rstrip("/") or "/")
        real = os.path.join(os.path.realpath(parent), name) if name else os.path.realpath(path)
        return real == base or real.startswith(base.rstrip("/") + "/")

    def relative(self, path: str) -> str:
        """A path as a person would say it here: relative inside the cwd, absolute outside."""
        if self.base is not None and self.inside_cwd(path):
            return os.path.relpath(path, self.base)
        return os.path.normpath(path)


class Target(Value):
    """One path a word names: `path` is absolute, or None with `why` it cannot be known yet."""

    __slots__ = ("written", "path", "why")

    def __init__(self, written: str, path: str | None, why: str = "") -> None:
        self.written = written
        self.path = path
        self.why = why


_VAR = lazy(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=?+])([^{}$]*))?\}")  # ${NAME}, ${NAME:-word}, ...
_BRACES = lazy(r"\{([^{}]*,[^{}]*)\}")


def expand_vars(text: str, ctx: Context) -> tuple:
    """(`text` with `${NAME}` replaced from the environment, why not) — unknown forms give None."""
    notes = []

    def value(m) -> str:  # an re.Match
        name, op, default = m.group(1), m.group(2), m.group(3) or ""
        if name in ctx.assigned:
            raise LookupError(name)
        current = ctx.env.get(name)
        if op in (":-", ":="):
            return current if current else default
        if op in ("-", "="):
            return current if current is not None else default
        if op == ":+":
            return default if current else ""
        if op == "+":
            return default if current is not None else ""
        if op in ("?", ":?") and not current and (op == ":?" or current is None):
            raise LookupError(f"${name} is not set here, so the shell stops with an error and runs nothing")
        if current is None:
            notes.append(f"${name} is not set here, so the word becomes {text.replace(m.group(0), '')!r}")
            return ""
        return current

    try:
        expanded = _VAR.sub(value, text)
    except LookupError as e:
        why = e.args[0]
        return None, why if " " in why else f"${why} is set by the command itself {WHEN_IT_RUNS}"
    if "$" in expanded or "`" in expanded:
        return None, WHEN_IT_RUNS
    return expanded, "; ".join(notes)


def expand_braces(text: str) -> list:
    """`a{1,2}.txt` -> a1.txt a2.txt (no ranges: those the grammar already marks as non-literal)."""
    m = _BRACES.search(text)
    if m is None:
        return [text]
    out: list = []
    for part in m.group(1).split(","):
        out.extend(expand_braces(text[: m.start()] + part + text[m.end() :]))
        if len(out) > MAX_EXPANSION:
            break
    return out[:MAX_EXPANSION]


def expand_tilde(text: str, ctx: Context) -> str:
    if not text.startswith("~"):
        return text
    user, slash, rest = text[1:].partition("/")
    if not user:
        home = ctx.home
    else:
        try:
            import pwd

            home = pwd.getpwnam(user).pw_dir
        except (KeyError, ImportError):
            return text  # bash leaves an unknown ~name as written
    if not home:
        return text
    return home.rstrip("/") + (("/" + rest) if slash else "") if home != "/" else "/" + rest


def targets(word, ctx: Context, *, glob_ok: bool = True) -> list:
    """The paths `word` names where the command runs, as Targets."""
    found: list = []
    raw = word.raw or word.text
    # A value the parser took from a variable (`rm $f` in a loop over `~/a *.log`) is still
    # expanded by the shell when it runs: `${HOME}` inside it, `~` of the loop list, and globs
    # when the variable is unquoted. A single-quoted word is exactly its text.
    from_variable = "$" in raw and raw[:1] != "'"
    tilde_ok = from_variable or bool(word.alts) or raw[:1] == "~"
    globbing = glob_ok and (word.glob or (from_variable and not word.quoted))
    for text in word.values():
        written = text
        note = ""
        if not word.literal or (from_variable and "${" in text):
            expanded, note = expand_vars(text, ctx)
            if expanded is None:
                found.append(Target(written, None, note))
                continue
            text = expanded
        pieces = [text] if word.quoted else expand_braces(text)
        for piece in pieces:
            if tilde_ok:
                piece = expand_tilde(piece, ctx)
            for path in _globbed(piece, ctx, globbing):
                if path is None:
                    found.append(Target(written, None, f"its directory is {WHEN_IT_RUNS}"))
                else:
                    found.append(Target(written, path, note))
    return found


def text_targets(text: str, ctx: Context) -> list:
    """The path an option value or a default names (`-o out.txt`, find's `.`): `~` expanded,
    relative to the cwd, never globbed."""
    text = expand_tilde(text, ctx)
    return [Target(text, path) for path in _globbed(text, ctx, False)]


def has_magic(text: str) -> bool:
    """glob.has_magic without importing glob: a `*`, `?` or `[` makes a pattern."""
    return "*" in text or "?" in text or "[" in text


def _globbed(text: str, ctx: Context, is_glob: bool) -> list:
    if not os.path.isabs(text) and ctx.cwd is None:
        return [None]
    absolute = text if os.path.isabs(text) else os.path.join(ctx.cwd, text)
    if not is_glob or not has_magic(text):
        return [absolute]
    import glob  # only for a word that is a pattern

    # Relative patterns are matched from the cwd, so a `[` in the cwd's own name is no pattern.
    # Hidden names match only when the pattern spells the dot, as in bash without dotglob.
    base = None if os.path.isabs(text) else ctx.cwd
    matches = sorted(glob.glob(text, root_dir=base, include_hidden=False))[:MAX_EXPANSION]
    if not matches:
        return [absolute]  # no match: bash passes the pattern on as written
    return [m if base is None else os.path.join(base, m) for m in matches]


def literal_text(word, ctx: Context) -> str | None:
    """A word's single value (`-s 0`, `of=/dev/sdb`, a signal name), or None when unknown."""
    values = word.values()
    if len(values) != 1:
        return None
    if word.literal:
        return values[0]
    expanded, _why = expand_vars(values[0], ctx)
    return expanded
