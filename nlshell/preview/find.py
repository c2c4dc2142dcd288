"""`find … -delete`, `find … -exec rm {} +`, `find … | xargs rm`: which entries the expression
would match, evaluated here on a bounded walk — the same tests find makes, read-only.

Tests this module cannot evaluate (`-regex` with emacs-only syntax, `-context`, …) count as
matching, and the effect says its figure is not exact and why.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat as st

from nlshell.preview.context import Context, targets, text_targets
from nlshell.preview.deletes import GIT_PATHS, delete_effect
from nlshell.preview.effect import DELETE, PERMISSIONS, Effect, amount, listing, shown, unknown
from nlshell.preview.walk import Budget, Tally, status, walk

DELETERS = frozenset({"rm", "unlink", "shred", "srm", "rmdir"})
CHANGERS = frozenset({"chmod", "chown", "chgrp"})
_GLOBAL = {"-maxdepth": 1, "-mindepth": 1, "-depth": 0, "-d": 0, "-xdev": 0, "-mount": 0, "-follow": 0,
           "-noleaf": 0, "-ignore_readdir_race": 0, "-noignore_readdir_race": 0, "-daystart": 0,
           "-regextype": 1, "-warn": 0, "-nowarn": 0, "-files0-from": 1}
_ONE_ARG = {"-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename", "-regex", "-iregex", "-type",
            "-xtype", "-mtime", "-mmin", "-atime", "-amin", "-ctime", "-cmin", "-size", "-newer", "-anewer",
            "-cnewer", "-user", "-group", "-uid", "-gid", "-perm", "-links", "-inum", "-samefile", "-lname",
            "-ilname", "-fstype", "-used", "-context", "-printf", "-fprint", "-fprint0", "-fls"}
_NO_ARG = {"-empty", "-true", "-false", "-readable", "-writable", "-executable", "-nouser", "-nogroup",
           "-print", "-print0", "-ls", "-prune", "-quit", "-delete"}
_EXEC = {"-exec", "-execdir", "-ok", "-okdir"}


class _Unknown(Exception):
    pass


class Expr:
    """A parsed find expression: ("and"|"or", a, b), ("not", a), or (primary, arg)."""

    def __init__(self, words: list) -> None:
        self.tokens = [w.text if w.literal else None for w in words]
        self.pos = 0
        self.globals: dict = {}
        self.unknown: list = []  # tests not evaluated here
        self.actions: list = []  # ("-delete"|"-print"|"-exec"|"-ok"|..., program words) in order
        self.tree = self._or() if self.tokens else ("-true", None)
        if self.pos < len(self.tokens):
            raise _Unknown("a stray ')'")

    def _peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ""

    def _or(self):
        left = self._and()
        while self._peek() in ("-o", "-or", ","):
            self.pos += 1
            left = ("or", left, self._and())
        return left

    def _and(self):
        left = self._not()
        while self._peek() not in ("", ")", "-o", "-or", ","):
            if self._peek() in ("-a", "-and"):
                self.pos += 1
            left = ("and", left, self._not())
        return left

    def _not(self):
        if self._peek() in ("!", "-not"):
            self.pos += 1
            return ("not", self._not())
        return self._primary()

    def _primary(self):
        token = self._peek()
        self.pos += 1
        if token is None:
            raise _Unknown("an expression word known only when it runs")
        if token == "(":
            inner = self._or()
            if self._peek() != ")":
                raise _Unknown("an unclosed '('")
            self.pos += 1
            return inner
        if token in _GLOBAL:
            value = self.tokens[self.pos] if _GLOBAL[token] and self.pos < len(self.tokens) else ""
            self.pos += _GLOBAL[token]
            self.globals[token] = value
            return ("-true", None)
        if token in _EXEC:
            start = self.pos
            while self.pos < len(self.tokens) and self.tokens[self.pos] not in (";", "+", "\\;"):
                self.pos += 1
            program = self.tokens[start : self.pos]
            self.pos += 1
            self.actions.append((token, program))
            return ("exec", len(self.actions) - 1)
        if token in _NO_ARG:
            if token in ("-delete", "-print", "-print0"):
                self.actions.append((token, None))
                return ("exec", len(self.actions) - 1)
            return (token, None)
        if token in _ONE_ARG or token.startswith("-newer"):
            value = self.tokens[self.pos] if self.pos < len(self.tokens) else None
            self.pos += 1
            if value is None:
                raise _Unknown(f"the value of {token} is known only when it runs")
            return (token, value)
        raise _Unknown(f"{token} is not a find test nlshell knows")


def _number_test(spec: str, value: float) -> bool:
    """find's +N / -N / N on a whole number of units."""
    if spec.startswith("+"):
        return value > int(spec[1:])
    if spec.startswith("-"):
        return value < int(spec[1:])
    return value == int(spec)


_SIZE_UNITS = {"c": 1, "w": 2, "b": 512, "k": 1024, "M": 1024**2, "G": 1024**3}


class Matcher:
    """Evaluates an Expr on one entry; calls `act(index, entry)` for each action reached."""

    def __init__(self, expr: Expr, ctx: Context, root: str, shown_root: str) -> None:
        self.expr = expr
        self.ctx = ctx
        self.root = root
        self.shown_root = shown_root
        self.quit = False

    def run(self, entry, act) -> bool:
        return self._eval(self.expr.tree, entry, act)

    def _eval(self, node, entry, act) -> bool:
        kind = node[0]
        if kind == "and":
            return self._eval(node[1], entry, act) and self._eval(node[2], entry, act)
        if kind == "or":
            return self._eval(node[1], entry, act) or self._eval(node[2], entry, act)
        if kind == "not":
            return not self._eval(node[1], entry, act)
        if kind == "exec":
            act(node[1], entry)
            return True
        try:
            return self._test(kind, node[1], entry)
        except (ValueError, KeyError, OSError, re.error, IndexError):
            if kind not in self.expr.unknown:
                self.expr.unknown.append(kind)
            return True

    def _name(self, entry) -> str:
        return os.path.basename(entry.path) if entry.depth else os.path.basename(self.shown_root.rstrip("/")) or "/"

    def _path(self, entry) -> str:
        """The path as find prints it: the start path as written, then what lies below it."""
        return self.shown_root + entry.path[len(self.root):] if entry.depth else self.shown_root

    def _test(self, kind: str, value, entry) -> bool:
        info = entry.st
        if kind in ("-true", "-print", "-print0", "-ls"):
            return True
        if kind == "-false":
            return False
        if kind == "-prune":
            entry.skip = True
            return True
        if kind == "-quit":
            self.quit = True
            return True
        if kind == "-name":
            return fnmatch.fnmatchcase(self._name(entry), value)
        if kind == "-iname":
            return fnmatch.fnmatchcase(self._name(entry).lower(), value.lower())
        if kind in ("-path", "-wholename"):
            return fnmatch.fnmatchcase(self._path(entry), value)
        if kind in ("-ipath", "-iwholename"):
            return fnmatch.fnmatchcase(self._path(entry).lower(), value.lower())
        if kind in ("-regex", "-iregex"):
            if "\\(" in value or "\\|" in value:
                raise ValueError("emacs regex")
            return re.fullmatch(value, self._path(entry), re.I if kind == "-iregex" else 0) is not None
        if kind == "-type":
            return any(_TYPES[t](info.st_mode) for t in value.split(","))
        if kind in ("-mtime", "-atime", "-ctime", "-mmin", "-amin", "-cmin"):
            when = {"m": info.st_mtime, "a": info.st_atime, "c": info.st_ctime}[kind[1]]
            unit = 86400 if kind.endswith("time") else 60
            return _number_test(value, (self.ctx.now - when) // unit)
        if kind == "-size":
            unit = _SIZE_UNITS[value[-1]] if value[-1] in _SIZE_UNITS else 512
            digits = value[:-1] if value[-1] in _SIZE_UNITS else value
            return _number_test(digits, -(-info.st_size // unit))
        if kind == "-empty":
            if st.S_ISDIR(info.st_mode):
                with os.scandir(entry.path) as it:
                    return next(it, None) is None
            return st.S_ISREG(info.st_mode) and info.st_size == 0
        if kind in ("-newer", "-anewer", "-cnewer"):
            other = os.stat(value if os.path.isabs(value) else os.path.join(self.ctx.cwd, value))
            mine = {"-newer": info.st_mtime, "-anewer": info.st_atime, "-cnewer": info.st_ctime}[kind]
            return mine > other.st_mtime
        if kind in ("-readable", "-writable", "-executable"):
            return os.access(entry.path, {"-readable": os.R_OK, "-writable": os.W_OK, "-executable": os.X_OK}[kind])
        if kind in ("-uid", "-gid"):
            return _number_test(value, info.st_uid if kind == "-uid" else info.st_gid)
        if kind == "-user":
            import pwd

            return info.st_uid == (int(value) if value.isdigit() else pwd.getpwnam(value).pw_uid)
        if kind == "-group":
            import grp

            return info.st_gid == (int(value) if value.isdigit() else grp.getgrnam(value).gr_gid)
        if kind == "-links":
            return _number_test(value, info.st_nlink)
        if kind == "-inum":
            return _number_test(value, info.st_ino)
        raise ValueError(kind)


_TYPES = {"f": st.S_ISREG, "d": st.S_ISDIR, "l": st.S_ISLNK, "p": st.S_ISFIFO, "s": st.S_ISSOCK,
          "b": st.S_ISBLK, "c": st.S_ISCHR}


def split(cmd) -> tuple:
    """(leading options, root Words, expression Words) of a find command."""
    args = list(cmd.args)
    options = []
    while args and args[0].text in ("-H", "-L", "-P", "-D", "-O", "-O0", "-O1", "-O2", "-O3"):
        word = args.pop(0)
        options.append(word.text)
        if word.text in ("-D", "-O") and args:
            args.pop(0)
    roots = []
    while args and not (args[0].text.startswith("-") and len(args[0].text) > 1) and args[0].text not in ("(", "!", ")", ","):
        roots.append(args.pop(0))
    return options, roots, args


def effects(cmd, ctx: Context, piped=None) -> list:
    """What `cmd` (a find) would delete or change; `piped` is the command `xargs` feeds it to."""
    options, root_words, expression = split(cmd)
    try:
        expr = Expr(expression)
    except _Unknown as e:
        if piped is None and not any(w.text in ("-delete", *_EXEC) for w in expression):
            return []
        return [unknown(DELETE, "find deletes what it matches", f"not previewed: {e}")]
    acting = [_action(token, program) for token, program in expr.actions]
    if piped is not None:
        fed = _action("-exec", [w.text for w in piped.argv])
        acting = [fed if token in ("-print", "-print0") else None for token, _p in expr.actions]
        if not expr.actions:
            expr.tree = ("and", expr.tree, ("exec", 0))
            acting = [fed]
    if not any(acting):
        return []
    kind = DELETE if any(a and a.family == DELETE for a in acting) else PERMISSIONS
    follow_all = "-L" in options or "-follow" in expr.globals
    tally, budget, matched = Tally(ctx), Budget(ctx), []
    found = []
    for word in root_words or []:
        found.extend(targets(word, ctx))
    if not root_words:
        found = text_targets(".", ctx)
    for t in found:
        if t.path is None:
            continue
        info = status(t.path, follow=follow_all or "-H" in options)
        if info is None:
            tally.missing.append(t.written)
            continue
        tally.target(t.path)
        _walk_root(expr, acting, ctx, t, info, budget, tally, follow_all, matched)
    tally.more = tally.more or budget.spent
    notes = []
    if expr.unknown:
        notes.append(f"not exact: {', '.join(expr.unknown)} cannot be evaluated here, so it counts as matching")
    if any(a and a.asks for a in acting):
        notes.append("find asks before each one (-ok)")
    found_unknown = [unknown(kind, f"find under {shown(t.written)}", t.why) for t in found if t.path is None]
    if not tally.targets:
        return found_unknown
    where = f" under {listing([shown(t) for t in tally.targets], 2)}"
    if kind == DELETE:
        head = f"deletes {tally.what()} that find matches{where}"
        if expr.unknown:
            head = "up to: " + head
        return [delete_effect(tally, ctx, head, notes, git_paths=matched), *found_unknown]
    entries = tally.files + tally.dirs
    text = f"changes permissions or owner of {amount(entries, 'entry', tally.more, 'entries')} that find matches{where}"
    details = notes + tally.details(ages=False)
    return [Effect(PERMISSIONS, text, entries, None, list(tally.targets), tally.more, details), *found_unknown]


class Action:
    """What one find action does to an entry it reaches."""

    __slots__ = ("family", "recursive", "asks", "files", "dirs")

    def __init__(self, family: str, *, recursive=False, asks=False, files=True, dirs=False) -> None:
        self.family, self.recursive, self.asks, self.files, self.dirs = family, recursive, asks, files, dirs

    def takes(self, entry) -> bool:
        return self.dirs if entry.is_dir else self.files


def _action(token: str, program) -> Action | None:
    """The Action for `-delete` or `-exec PROGRAM ...`, when it deletes or changes permissions."""
    if token == "-delete":
        return Action(DELETE, dirs=True)  # -delete removes directories it has emptied
    if not program or token in ("-print", "-print0"):
        return None
    name = (program[0] or "").rsplit("/", 1)[-1]
    flags = "".join(w[1:] for w in program[1:] if w and w.startswith("-") and not w.startswith("--"))
    asks = token in ("-ok", "-okdir")
    if name == "rm":
        recursive = "r" in flags or "R" in flags or "--recursive" in program
        return Action(DELETE, recursive=recursive, asks=asks, dirs=recursive or "d" in flags or "--dir" in program)
    if name == "rmdir":
        return Action(DELETE, asks=asks, files=False, dirs=True)
    if name in DELETERS:
        return Action(DELETE, asks=asks)
    if name in CHANGERS:
        return Action(PERMISSIONS, asks=asks, dirs=True)
    return None


def _walk_root(expr, acting, ctx, target, info, budget, tally, follow_all, matched: list) -> None:
    """Walk one start path, evaluating the expression; what an action takes goes into `tally`,
    and its path into `matched` (files and directories an action removes, for git)."""
    maxdepth = expr.globals.get("-maxdepth")
    mindepth = expr.globals.get("-mindepth")
    maxdepth = int(maxdepth) if maxdepth and maxdepth.isdigit() else None
    mindepth = int(mindepth) if mindepth and mindepth.isdigit() else 0
    matcher = Matcher(expr, ctx, target.path, target.written)
    removed_trees: set = set()
    hit: dict = {}

    def act(index: int, entry) -> None:
        action = acting[index] if index < len(acting) else None
        if action is not None and action.takes(entry):
            hit[entry.path] = action

    one_fs = "-xdev" in expr.globals or "-mount" in expr.globals
    for entry in walk(target.path, info, budget, follow=follow_all, one_fs=one_fs, tally=tally):
        if removed_trees and os.path.dirname(entry.path) in removed_trees:
            tally.add(entry)  # inside a directory `rm -r` takes whole: git hears of the directory
            if entry.is_dir:
                removed_trees.add(entry.path)
            continue
        if maxdepth is not None and entry.depth >= maxdepth:
            entry.skip = True
            if entry.depth > maxdepth:
                continue
        if entry.depth < mindepth or entry.st is None:
            continue
        matcher.run(entry, act)
        action = hit.pop(entry.path, None)
        if action is not None:
            tally.add(entry)
            if len(matched) <= GIT_PATHS:
                matched.append(entry.path)
            if action.recursive and entry.is_dir:
                removed_trees.add(entry.path)
        if matcher.quit:
            break
