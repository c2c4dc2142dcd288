"""Deletes: `rm`, `unlink`, `rmdir`, `shred`, `truncate` — what would be gone, and how much of it
git could not give back.

Paths are looked at as the program would: `rm` never follows a symlink (the link goes, not what
it points to), except through a trailing slash, which the kernel resolves for it too.
"""

from __future__ import annotations

import os
import stat as st

from nlshell.preview.context import Context, targets, text_targets
from nlshell.preview.effect import DELETE, Effect, age, plural, shown, size, unknown
from nlshell.preview.gitread import GitUnavailable, uncommitted_among
from nlshell.preview.options import last_value, parse
from nlshell.preview.walk import Budget, Tally, status
from nlshell.shell.options import Grammar
from nlshell.shell.patterns import lazy


GIT_PATHS = 2_000  # at most this many matched paths are put to git one by one


def delete_effect(tally: Tally, ctx: Context, head: str | None = None, notes: list | None = None,
                  git_paths: list | None = None) -> Effect:
    """The one way a delete reads: what, where, how recent, what git cannot restore, what is outside.

    `head` replaces the opening words ("deletes 12 files (3 KB) under build"); `git_paths` are the
    paths git is asked about when they are not the targets themselves (find's matches)."""
    if head is None:
        head = f"deletes {tally.what()}{tally.where()}"
    text = head
    details = list(notes or []) + tally.details()
    if tally.recent:
        text += f"; {'at least ' if tally.more else ''}{plural(tally.recent, 'file')} changed in the last hour"
    asked = tally.target_paths if git_paths is None else git_paths
    if tally.files and len(asked) > GIT_PATHS:
        details.append(f"too many files to ask git about one by one (more than {GIT_PATHS:,})")
    elif tally.files:
        try:
            found = uncommitted_among(asked, ctx.env, ctx.git_deadline)
        except GitUnavailable as e:
            details.append(f"cannot tell which files git holds: {e}")
            found = None
        if found is not None:
            changed, untracked = found
            if changed:
                text += f"; {plural(changed, 'file')} with uncommitted changes in git"
                details.append(f"{plural(changed, 'tracked file')} with uncommitted changes: those changes are lost")
            if untracked:
                details.append(f"{plural(untracked, 'file')} never added to git (untracked): git cannot restore them")
    text += tally.remarks()
    return Effect(DELETE, text, tally.files, tally.bytes, list(tally.targets), tally.more, details)


def _unknowns(found: list, kind: str, verb: str) -> list:
    return [unknown(kind, f"{verb} {shown(t.written)}", t.why) for t in found if t.path is None]


_RM = Grammar(long=frozenset({"--interactive", "--preserve-root"}))


def rm(cmd, ctx: Context) -> list:
    args = parse(cmd.args, _RM)
    recursive = args.has("rR", "--recursive")
    empty_dirs = args.has("d", "--dir")
    tally, budget = Tally(ctx), Budget(ctx)
    notes, found = [], []
    for word in args.operands:
        found.extend(targets(word, ctx))
    for t in found:
        if t.path is None:
            continue
        name = os.path.basename(t.path.rstrip("/"))
        if name in (".", ".."):
            notes.append(f"rm refuses to remove {shown(t.written)} ('.' and '..' are never removed)")
            continue
        if t.path.strip("/") == "" and not args.has("", "--no-preserve-root"):
            notes.append("rm refuses to remove / itself without --no-preserve-root")
            continue
        info = status(t.path)
        if info is None:
            tally.missing.append(t.written)
            continue
        if st.S_ISDIR(info.st_mode) and not recursive:
            if not (empty_dirs and _is_empty(t.path)):
                notes.append(f"{shown(t.written)} is a directory: rm without -r leaves it")
                continue
        tally.target(t.path, t.why)
        tally.walk(t.path, info, budget, one_fs=args.has("", "--one-file-system"))
    if args.has("iI", "--interactive"):
        notes.append("rm asks before deleting (-i / -I)")
    effects = []
    if tally.targets:
        effects.append(delete_effect(tally, ctx, notes=notes))
    elif notes:
        effects.append(Effect(DELETE, "deletes nothing: " + "; ".join(notes), 0, 0, []))
    return effects + _unknowns(found, DELETE, "deletes")


def _is_empty(path: str) -> bool:
    try:
        with os.scandir(path) as entries:
            return next(entries, None) is None
    except OSError:
        return False


def rmdir(cmd, ctx: Context) -> list:
    args = parse(cmd.args)
    tally, found, notes = Tally(ctx), [], []
    for word in args.operands:
        found.extend(targets(word, ctx))
    for t in found:
        if t.path is None:
            continue
        info = status(t.path)
        if info is None:
            tally.missing.append(t.written)
        elif not st.S_ISDIR(info.st_mode):
            notes.append(f"{shown(t.written)} is not a directory: rmdir leaves it")
        elif not _is_empty(t.path):
            notes.append(f"{shown(t.written)} is not empty: rmdir leaves it")
        else:
            tally.target(t.path)
            tally.dirs += 1
    effects = []
    if tally.targets:
        head = f"removes {plural(tally.dirs, 'empty directory', 'empty directories')}{tally.where()}"
        effects.append(delete_effect(tally, ctx, head, notes))
    elif notes:
        effects.append(Effect(DELETE, "removes nothing: " + "; ".join(notes), 0, 0, []))
    return effects + _unknowns(found, DELETE, "removes")


def _regular_files(cmd_words, ctx: Context, tally: Tally, notes: list, program: str) -> tuple:
    """(every Target, [(Target, stat)] of the existing regular files) among the operands; devices
    are the devices family's business."""
    found, files = [], []
    for word in cmd_words:
        found.extend(targets(word, ctx))
    for t in found:
        if t.path is None or t.path.startswith("/dev/"):
            continue
        info = status(t.path, follow=True)
        if info is None:
            tally.missing.append(t.written)
        elif st.S_ISDIR(info.st_mode):
            notes.append(f"{shown(t.written)} is a directory: {program} leaves it")
        elif st.S_ISREG(info.st_mode):
            files.append((t, info))
    return found, files


_SHRED = Grammar(short="nsx", long=frozenset({"--iterations", "--size", "--random-source"}))


def shred(cmd, ctx: Context) -> list:
    args = parse(cmd.args, _SHRED)
    tally, notes = Tally(ctx), []
    found, files = _regular_files(args.operands, ctx, tally, notes, "shred")
    for t, info in files:
        tally.target(t.path, t.why)
        tally.one(t.path, info)
    effects = []
    if files:
        then = ", then deletes them" if args.has("u", "--remove") else ""
        head = f"overwrites {tally.what()} beyond recovery{then}{tally.where()}"
        effects.append(delete_effect(tally, ctx, head, notes))
    return effects + _unknowns(found, DELETE, "shreds")


_SIZE = lazy(r"^([-+<>/%]?)\s*(\d+)(?:([KMGTPEZY])(iB|B)?)?$")
_POWERS = "KMGTPEZY"


def new_size(spec: str, current: int) -> int | None:
    """`truncate -s SPEC` applied to a file of `current` bytes; None when SPEC does not parse."""
    m = _SIZE.match(spec.strip())
    if m is None:
        return None
    op, number, unit, suffix = m.groups()
    n = int(number) * ((1000 if suffix == "B" else 1024) ** (_POWERS.index(unit) + 1) if unit else 1)
    if op == "+":
        return current + n
    if op == "-":
        return max(0, current - n)
    if op == "<":
        return min(current, n)
    if op == ">":
        return max(current, n)
    if op == "/":
        return current // n * n if n else None
    if op == "%":
        return -(-current // n) * n if n else None
    return n


_TRUNCATE = Grammar(short="sro", long=frozenset({"--size", "--reference"}))


def truncate(cmd, ctx: Context) -> list:
    args = parse(cmd.args, _TRUNCATE)
    spec = last_value(args, "-s", "--size")
    reference = last_value(args, "-r", "--reference")
    if spec is None and reference is not None:
        found = [t.path for t in text_targets(reference, ctx) if t.path is not None]
        ref = status(found[0], follow=True) if found else None
        spec = str(ref.st_size) if ref is not None else None
    if spec is None:
        return []
    tally, notes = Tally(ctx), []
    found, files = _regular_files(args.operands, ctx, tally, notes, "truncate")
    cut = []
    for t, info in files:
        target = new_size(spec, info.st_size)
        if target is None or target >= info.st_size:
            continue
        tally.target(t.path, t.why)
        tally.files += 1
        tally.bytes += info.st_size - target
        cut.append((t, info, target))
    effects = []
    if cut:
        emptied = all(n == 0 for _t, _i, n in cut)
        head = f"{'empties' if emptied else 'cuts'} {tally.what()}{tally.where()}"
        notes[:0] = [f"{shown(ctx.relative(t.path))}: {size(i.st_size)} → {size(n)} ({age(i.st_mtime, ctx.now)})"
                     for t, i, n in cut]
        effects.append(delete_effect(tally, ctx, head, notes))
    return effects + _unknowns(found, DELETE, "truncates")
