"""Permission and owner changes: `chmod`, `chown`, `chgrp` (with `-R`): how many entries, and
whether any is outside the current directory or a system path.

Links are followed as the programs follow them: chmod follows a link named on the command line
but never one met while recursing; chown and chgrp follow none with `-R` unless `-H` (named
links) or `-L` (all links) says so.
"""

from __future__ import annotations

import os

from nlshell.preview.context import Context, literal_text, targets
from nlshell.preview.effect import PERMISSIONS, Effect, amount, listing, shown, unknown
from nlshell.preview.options import last_value, parse
from nlshell.preview.walk import Budget, Tally, status
from nlshell.shell.options import Grammar

SYSTEM_DIRS = (
    "/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/opt", "/proc", "/root",
    "/sbin", "/srv", "/sys", "/usr", "/var", "/snap", "/System", "/Library", "/private",
)


def system_path(path: str) -> bool:
    """`/`, or a path in one of the directories the system itself lives in."""
    path = os.path.normpath(path)
    return path == "/" or any(path == d or path.startswith(d + "/") for d in SYSTEM_DIRS)


_WHAT = {"chmod": "the mode", "chown": "the owner", "chgrp": "the group"}
_CHMOD = Grammar(long=frozenset({"--reference"}))
_CHOWN = Grammar(long=frozenset({"--from", "--reference"}))


def change(cmd, ctx: Context) -> list:
    name = cmd.name
    if name == "chmod":
        args = parse(cmd.args, _CHMOD, only_letters="cfvR")
    else:
        args = parse(cmd.args, _CHOWN)
    operands = list(args.operands)
    reference = last_value(args, "--reference")
    if reference is None:
        if not operands:
            return []
        setting = literal_text(operands.pop(0), ctx)
        to = f" to {shown(setting)}" if setting is not None else ""
    else:
        to = f" to match {shown(reference)}"
    recursive = args.has("R", "--recursive")
    follow_named = name == "chmod" or args.has("HL", "--dereference")
    follow_all = args.has("L")
    tally, budget = Tally(ctx), Budget(ctx)
    found, system = [], []
    for word in operands:
        found.extend(targets(word, ctx))
    for t in found:
        if t.path is None:
            continue
        info = status(t.path, follow=follow_named) or status(t.path)
        if info is None:
            tally.missing.append(t.written)
            continue
        tally.target(t.path, t.why)
        if system_path(os.path.realpath(t.path) if follow_named else t.path):
            system.append(t.path)
        if recursive:
            tally.walk(t.path, info, budget, follow=follow_all)
        else:
            tally.one(t.path, info)
    effects = [unknown(PERMISSIONS, f"changes {_WHAT[name]} of {shown(t.written)}", t.why)
               for t in found if t.path is None]
    if not tally.targets:
        return effects
    entries = tally.files + tally.dirs
    names = listing([shown(t) for t in tally.targets], 2)
    if entries == len(tally.targets):
        text = f"changes {_WHAT[name]} of {names}{to}"
    else:
        text = f"changes {_WHAT[name]} of {amount(entries, 'entry', tally.more, 'entries')} under {names}{to}"
    if system:
        text += " — system path: " + listing([shown(p) for p in system], 2)
    text += tally.remarks()
    if ctx.home and any(os.path.normpath(p) == os.path.normpath(ctx.home) for p in tally.target_paths):
        text += " — your home directory itself"
    details = tally.details(ages=False)
    effect = Effect(PERMISSIONS, text, entries, None, list(tally.targets), tally.more, details)
    return [effect, *effects]
