"""Effect preview: what a risky command would touch here, computed without running it.

"dangerous: recursive delete" says what kind of command it is; the preview says what it would do
in this directory, now: "deletes 1,284 files (312 MB) under build; 3 changed in the last hour".
It takes the parsed command (every simple command it would run, wrappers peeled off, `sh -c`
strings parsed, `cd` followed) and asks each family — deletes, overwrites, permissions, git,
devices, signals — what its programs would touch.

It only reads: `os.scandir`/`lstat`, /proc, /sys/block, /proc/mounts and read-only git. It never
runs the command, nor any program that could write. Walks are bounded (MAX_ENTRIES entries, and
WALK_SECONDS for the whole preview) and then say "more than N"; git reads share GIT_SECONDS.

The guard computes a preview for every caution or dangerous command in a fresh process, so loading
this package stays cheap: plain slotted records (nlshell/shell/records.py), patterns compiled on
first use, and what only some previews need — subprocess to ask git, glob for a word that is a
pattern, urllib.parse for `curl -O`, signal for kill — imported where it is used.
"""

from __future__ import annotations

import os
import time

from nlshell.preview import deletes, devices, find, git, overwrites, permissions, signals
from nlshell.preview.context import MAX_ENTRIES, WALK_SECONDS, WHEN_IT_RUNS, Context, targets
from nlshell.preview.effect import DELETE, DEVICE, GIT, OVERWRITE, PERMISSIONS, SIGNAL, Effect, unknown
from nlshell.preview.gitread import GIT_SECONDS
from nlshell.shell.collect import script_of  # the parsed-command model: imported here and nowhere else

__all__ = ["Effect", "GIT_SECONDS", "MAX_ENTRIES", "WALK_SECONDS", "effects_for", "preview", "preview_script"]

INTERNAL = "nlshell could not preview"
UNREADABLE = "nlshell cannot read this command, so what it would touch is unknown"

_PROGRAMS = {
    "rm": (deletes.rm,), "unlink": (deletes.rm,), "rmdir": (deletes.rmdir,),
    "shred": (deletes.shred, devices.tools), "truncate": (deletes.truncate,), "find": (find.effects,),
    "mv": (overwrites.move_or_copy,), "cp": (overwrites.move_or_copy, devices.tools),
    "ln": (overwrites.move_or_copy,), "tee": (overwrites.tee, devices.tools), "sort": (overwrites.sort,),
    "curl": (overwrites.curl,), "wget": (overwrites.wget,), "tar": (overwrites.tar,),
    "dd": (overwrites.dd, devices.dd),
    "chmod": (permissions.change,), "chown": (permissions.change,), "chgrp": (permissions.change,),
    "git": (git.effects,),
    "kill": (signals.kill,), "pkill": (signals.pkill,), "killall": (signals.killall,),
    **{name: (devices.tools,) for name in (
        "mkfs", "mke2fs", "mkswap", "wipefs", "fdisk", "sfdisk", "cfdisk", "gdisk", "sgdisk", "parted",
        "blkdiscard", "badblocks",
    )},
}
_KIND = {
    "rm": DELETE, "unlink": DELETE, "rmdir": DELETE, "shred": DELETE, "truncate": DELETE, "find": DELETE,
    "chmod": PERMISSIONS, "chown": PERMISSIONS, "chgrp": PERMISSIONS, "git": GIT, "kill": SIGNAL,
    "pkill": SIGNAL, "killall": SIGNAL, "dd": DEVICE,
}


def effects_for(command: str, *, valid: bool | None, risk: str | None, cwd: str | None = None) -> list | None:
    """What `--json` and the menu carry: None for a command that cannot run as it is (invalid), []
    for a safe one (nothing to preview, and no disk is walked), else the preview."""
    if valid is False or risk is None:
        return None
    if risk == "safe":
        return []
    return preview(command, cwd)


def preview(command: str, cwd: str | None = None, **options) -> list:
    """The effects of `command` run in `cwd` (default: this process's cwd). See preview_script."""
    try:
        script = script_of(command)
    except (RecursionError, UnicodeError):  # nested deeper than Python's stack; a lone surrogate
        return [Effect(DELETE, UNREADABLE, None, None, [])]
    return preview_script(script, cwd, **options)


def preview_script(script, cwd: str | None = None, *, env: dict | None = None, root: str = "/",
                   now: float | None = None, uid: int | None = None) -> list:
    """The effects of a parsed command run in `cwd` with `env` (default: this process's) by `uid`.
    `root` stands for `/` when reading /proc, /sys and /dev; `now` is the clock for ages."""
    env = dict(os.environ if env is None else env)
    start = os.getcwd() if cwd is None else cwd
    deadline = time.perf_counter() + WALK_SECONDS
    git_deadline = time.perf_counter() + GIT_SECONDS
    assigned = frozenset(name for name, _word, _cmd in script.assignments)
    stamp = time.time() if now is None else now
    found: list = []
    seen: set = set()
    try:
        for cmd, where in _with_cwd(script, start, env, root, stamp):
            if cmd.remote or (cmd.origin or "").startswith(("find ", "fd ")):
                continue  # another host's business, or find's own -exec (find reports it)
            ctx = Context(where, env, root, stamp, deadline, cmd.as_root, assigned, start,
                          os.getuid() if uid is None else uid, git_deadline)
            for effect in _command_effects(cmd, ctx):
                key = (effect.kind, effect.summary)
                if key not in seen:
                    seen.add(key)
                    found.append(effect)
    except Exception as e:  # as in _command_effects: the menu must still show
        found.append(_failed("this command", e))
    return found


def _command_effects(cmd, ctx: Context) -> list:
    name = cmd.name
    handlers = _PROGRAMS.get("mkfs" if name.startswith("mkfs") else name, ())
    out: list = []
    if cmd.origin == "xargs" and handlers:
        return _fed_by_xargs(cmd, ctx)
    for handler in (*handlers, overwrites.redirects, devices.redirects):
        try:
            out.extend(handler(cmd, ctx))
        except Exception as e:  # a bug must never cost the menu; tests assert it never happens
            out.append(_failed(name or "this", e, _KIND.get(name, OVERWRITE)))
    return out


def _failed(what: str, error: Exception, kind: str = DELETE) -> Effect:
    """A bug met while previewing: said as an unknown effect (and logged with NLSHELL_LOG=debug)."""
    import logging

    logging.getLogger("nlshell.preview").debug("preview of %s failed", what, exc_info=True)
    return Effect(kind, f"{INTERNAL} what {what} would touch ({type(error).__name__})", None, None, [])


def _fed_by_xargs(cmd, ctx: Context) -> list:
    """`find … | xargs rm`: find's matches are what rm deletes; from anything else, unknown."""
    pipe = cmd.pipeline
    before = pipe.stages[cmd.stage - 1] if pipe is not None and cmd.stage > 0 else None
    if before is not None and before.name == "find" and cmd.name in (find.DELETERS | find.CHANGERS):
        return find.effects(before, ctx, piped=cmd)
    return [unknown(_KIND.get(cmd.name, OVERWRITE), f"{cmd.name} on the names xargs reads from its input", WHEN_IT_RUNS)]


# -- where each command runs -----------------------------------------------------------------------
_SCOPES = frozenset({"subshell", "command_substitution", "process_substitution", "pipeline"})


def _scope(node):
    """The byte range a `cd` at `node` lasts for: its subshell (or pipeline), else everything."""
    current = node.parent if node is not None else None
    while current is not None:
        if current.type in _SCOPES:
            return (current.start_byte, current.end_byte)
        current = current.parent
    return None


def _inside(scope, node) -> bool:
    return scope is None or (node is not None and scope[0] <= node.start_byte and node.end_byte <= scope[1])


def _with_cwd(script, start: str, env: dict, root: str, now: float):
    """Each command with the directory it runs in (None once a `cd` goes somewhere unknown)."""
    cwd_of: dict = {}
    moves: list = []  # (parent command, scope, cd command)
    for cmd in script.commands:
        where = cwd_of.get(id(cmd.parent), start) if cmd.parent is not None else start
        for parent, scope, cd in moves:
            if parent is cmd.parent and _inside(scope, cmd.node):
                where = _cd(cd, where, env, root, now)
        cwd_of[id(cmd)] = where
        yield cmd, where
        if cmd.name in ("cd", "pushd", "popd") and not cmd.background and cmd.function is None:
            moves.append((cmd.parent, _scope(cmd.node), cmd))


def _cd(cmd, where: str | None, env: dict, root: str, now: float) -> str | None:
    if cmd.name == "popd":
        return None  # back to a directory on a stack this preview does not keep
    operands = [w for w in cmd.args if not (w.literal and w.text.startswith("-") and w.text != "-")]
    if not operands:
        return env.get("HOME") or None
    if operands[0].text == "-":
        return None  # the previous directory of a shell we cannot see
    found = targets(operands[0], Context(where, env, root, now), glob_ok=True)
    if len(found) != 1 or found[0].path is None or not os.path.isdir(found[0].path):
        return None
    return os.path.normpath(found[0].path)
