"""Signals: `kill`, `pkill`, `killall` — which running processes they would reach, by pid and
name, read from /proc (under the context's root, so tests bring their own process table).

Matching follows the programs: pkill's pattern is a regular expression searched in the process
name (the whole command line with `-f`); killall's names must equal the process name. Processes
of other users are named apart: without root the signal does not reach them.
"""

from __future__ import annotations

import os
import re

from nlshell.preview.context import Context, literal_text
from nlshell.preview.effect import SIGNAL, Effect, listing, plural, shown, unknown
from nlshell.preview.options import all_values, last_value, parse
from nlshell.preview.walk import read_small
from nlshell.shell.options import Grammar

SHOWN = 3  # processes named in the summary
_NAMES: frozenset | None = None  # KILL, TERM, ...: made on first use (importing `signal` builds enums, ~0.6 ms)


class Proc:
    __slots__ = ("pid", "name", "argv", "uid", "pgid")

    def __init__(self, pid: int, name: str, argv: list, uid: int | None, pgid: int | None) -> None:
        self.pid, self.name, self.argv, self.uid, self.pgid = pid, name, argv, uid, pgid

    def __str__(self) -> str:
        return f"{self.pid} {shown(self.name)}"


def _read(path: str, binary: bool = False):
    data = read_small(path, 65536)
    return data if binary else data.decode("utf-8", "replace")


def processes(ctx: Context) -> list:
    """Every user-space process in /proc (kernel threads have no command line and take no signal)."""
    proc = ctx.system("/proc")
    try:
        pids = sorted(int(n) for n in os.listdir(proc) if n.isdigit())
    except OSError:
        return []
    found = []
    for pid in pids:
        base = os.path.join(proc, str(pid))
        argv = [a.decode("utf-8", "replace") for a in _read(os.path.join(base, "cmdline"), True).split(b"\0") if a]
        if not argv:
            continue
        name = _read(os.path.join(base, "comm")).strip() or os.path.basename(argv[0])[:15]
        uid = None
        for line in _read(os.path.join(base, "status")).splitlines():
            if line.startswith("Uid:"):
                fields = line.split()
                uid = int(fields[1]) if len(fields) > 1 and fields[1].isdigit() else None
        stat = _read(os.path.join(base, "stat"))
        after = stat.rpartition(")")[2].split()
        pgid = int(after[2]) if len(after) > 2 and after[2].lstrip("-").isdigit() else None
        found.append(Proc(pid, name, argv, uid, pgid))
    return found


def signal_name(text: str) -> str | None:
    """KILL for 9, -9, KILL, SIGKILL, kill; None when it is no signal."""
    global _NAMES
    import signal as signals

    if _NAMES is None:
        _NAMES = frozenset(s.name[3:] for s in signals.Signals if s.name.startswith("SIG") and not s.name.startswith("SIG_"))
    text = text.lstrip("-").upper()
    if text.isdigit():
        try:
            return signals.Signals(int(text)).name[3:] if int(text) else "0"
        except ValueError:
            return None
    text = text[3:] if text.startswith("SIG") else text
    return text if text in _NAMES else None


def _reach(matched: list, ctx: Context, sig: str, what: str, why: list | None = None) -> list:
    """The effect of sending `sig` to `matched`; processes of other users are set apart."""
    theirs = [] if ctx.as_root or ctx.uid == 0 else [p for p in matched if p.uid is not None and p.uid != ctx.uid]
    reached = [p for p in matched if p not in theirs]
    details = list(why or [])
    if theirs:
        details.append(f"{plural(len(theirs), 'process', 'processes')} of other users, which only root can "
                       f"signal: {listing([str(p) for p in theirs], 8)}")
    if not reached:
        text = f"signals nothing: {what}" if not theirs else f"signals nothing it may: {what} belong to other users"
        return [Effect(SIGNAL, text, 0, None, [], False, details)]
    text = f"sends {sig} to {plural(len(reached), 'process', 'processes')}: {listing([str(p) for p in reached], SHOWN)}"
    if any(p.pid == 1 for p in reached):
        text += " — including pid 1, the init process: stopping it stops the system"
    if len(reached) > SHOWN:
        details.append("all: " + listing([str(p) for p in reached], 40))
    return [Effect(SIGNAL, text, len(reached), None, [str(p) for p in reached], False, details)]


def kill(cmd, ctx: Context) -> list:
    words = list(cmd.args)
    sig, i = "TERM", 0
    while i < len(words):
        text = words[i].text
        if text == "--":
            i += 1
            break
        if text in ("-l", "-L", "--list", "--table"):
            return []
        if text in ("-s", "-n", "--signal") and i + 1 < len(words):
            sig = signal_name(words[i + 1].text) or words[i + 1].text
            i += 2
            continue
        if text.startswith("-") and len(text) > 1 and i == 0 and signal_name(text):
            sig = signal_name(text)
            i += 1
            continue
        break
    if sig == "0":
        return []  # signal 0 only asks whether the process exists
    table, effects, matched = None, [], []
    for word in words[i:]:
        text = literal_text(word, ctx)
        if text is None or text.startswith("%"):
            why = "(a job of the shell that runs it)" if text else "(known only when it runs)"
            effects.append(unknown(SIGNAL, f"sends {sig} to {shown(word.text)}", why))
            continue
        if not re.fullmatch(r"-?\d+", text):
            continue
        table = table if table is not None else processes(ctx)
        number = int(text)
        if number > 0:
            hit = [p for p in table if p.pid == number]
            if not hit:
                effects.append(Effect(SIGNAL, f"signals nothing: no process {number} is running", 0, None, []))
            matched += hit
        elif number == -1:
            everyone = [p for p in table if p.pid != 1]
            return [*_reach(everyone, ctx, sig, "every process", ["kill -1 reaches every process it may signal"]), *effects]
        elif number == 0:
            effects.append(unknown(SIGNAL, f"sends {sig} to its own process group", "(the shell that runs it)"))
        else:
            matched += [p for p in table if p.pgid == -number]
    if matched:
        effects[:0] = _reach(matched, ctx, sig, "those processes")
    return effects


def _ids(values: list) -> set | None:
    """User names or numbers (`-u alice,1000`) as uids; None when one cannot be looked up."""
    import pwd

    uids = set()
    for value in values:
        for part in value.split(","):
            if part.isdigit():
                uids.add(int(part))
                continue
            try:
                uids.add(pwd.getpwnam(part).pw_uid)
            except KeyError:
                return None
    return uids


_PKILL = Grammar(short="gGPstuUF", long=frozenset({
    "--signal", "--euid", "--uid", "--parent", "--pgroup", "--session", "--terminal", "--group", "--pidfile",
    "--ns", "--nslist",
}))


def pkill(cmd, ctx: Context) -> list:
    words = list(cmd.args)
    sig = "TERM"
    first = words[0].text if words and words[0].literal else ""
    if first[:1] == "-" and (first[1:].isdigit() or len(first) > 2) and signal_name(first):
        sig = signal_name(words.pop(0).text)  # `-9`, `-HUP`; `-f` stays an option
    args = parse(words, _PKILL)
    sig = signal_name(last_value(args, "--signal") or sig) or sig
    operands = [literal_text(w, ctx) for w in args.operands]
    if None in operands:
        return [unknown(SIGNAL, f"sends {sig} to processes matching {shown(args.operands[0].text)}", "(known only when it runs)")]
    flags = re.I if args.has("i", "--ignore-case") else 0
    try:
        pattern = re.compile(operands[0], flags) if operands else None
    except re.error:
        return [unknown(SIGNAL, f"sends {sig} to processes matching {shown(operands[0])}", "(a pattern nlshell cannot read)")]
    users = all_values(args, "-u", "--euid", "-U", "--uid")
    uids = _ids(users) if users else None
    if users and uids is None:
        return [Effect(SIGNAL, f"signals nothing: pkill fails (no user {shown(','.join(users))})", 0, None, [])]
    parents = {int(p) for v in all_values(args, "-P", "--parent") for p in v.split(",") if p.isdigit()}
    matched = []
    for proc in processes(ctx):
        subject = " ".join(proc.argv) if args.has("f", "--full") else proc.name
        hit = True
        if pattern is not None:
            found = pattern.fullmatch(subject) if args.has("x", "--exact") else pattern.search(subject)
            hit = found is not None
        if args.has("v", "--inverse"):
            hit = not hit
        if uids is not None and proc.uid not in uids:
            hit = False
        if parents and _parent(proc, ctx) not in parents:
            hit = False
        if hit:
            matched.append(proc)
    if matched and args.has("n", "--newest"):
        matched = [max(matched, key=lambda p: p.pid)]
    elif matched and args.has("o", "--oldest"):
        matched = [min(matched, key=lambda p: p.pid)]
    what = f"no running process matches {shown(operands[0])}" if operands else "no process matches"
    if not matched:
        return [Effect(SIGNAL, f"signals nothing: {what}", 0, None, [])]
    return _reach(matched, ctx, sig, f"the processes matching {shown(operands[0]) if operands else 'it'}")


def _parent(proc: Proc, ctx: Context) -> int | None:
    stat = _read(os.path.join(ctx.system("/proc"), str(proc.pid), "stat")).rpartition(")")[2].split()
    return int(stat[1]) if len(stat) > 1 and stat[1].isdigit() else None


_KILLALL = Grammar(short="suoyn", long=frozenset({"--signal", "--user", "--older-than", "--younger-than", "--ns"}))


def killall(cmd, ctx: Context) -> list:
    words = list(cmd.args)
    sig = "TERM"
    if words and words[0].literal and len(words[0].text) > 1 and signal_name(words[0].text) \
            and not re.fullmatch(r"-[eIgiqrvwZl]+", words[0].text):
        sig = signal_name(words.pop(0).text)
    args = parse(words, _KILLALL)
    if args.has("l", "--list"):
        return []
    sig = signal_name(last_value(args, "-s", "--signal") or sig) or sig
    names = [literal_text(w, ctx) for w in args.operands]
    if None in names or not names:
        return [unknown(SIGNAL, f"sends {sig} to processes by name", "(known only when it runs)")] if names else []
    flags = re.I if args.has("I", "--ignore-case") else 0
    users = all_values(args, "-u", "--user")
    uids = _ids(users) if users else None
    if users and uids is None:
        return [Effect(SIGNAL, f"signals nothing: killall fails (no user {shown(','.join(users))})", 0, None, [])]
    matched = []
    for proc in processes(ctx):
        for name in names:
            if args.has("r", "--regexp"):
                try:
                    hit = re.search(name, proc.name, flags) is not None
                except re.error:
                    hit = False
            else:
                # The kernel keeps 15 characters of a name; a longer one is checked on argv[0].
                exe = os.path.basename(proc.argv[0])
                same = (lambda a, b: a.lower() == b.lower()) if flags else (lambda a, b: a == b)
                hit = same(proc.name, name[:15]) and (len(name) <= 15 or same(exe, name) or not args.has("e", "--exact"))
            if hit and (uids is None or proc.uid in uids):
                matched.append(proc)
                break
    if not matched:
        return [Effect(SIGNAL, f"signals nothing: no running process is called {listing([shown(n) for n in names])}", 0, None, [])]
    return _reach(matched, ctx, sig, "those processes")
