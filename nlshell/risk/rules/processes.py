"""Processes: kill, killall and pkill (of everything, of root's processes, of system daemons),
fork bombs, and loops that start a background process on every pass."""

from __future__ import annotations

import re

from nlshell.risk.book import Rule, has_option, hook, program
from nlshell.risk.facts import shown
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.risk.paths import HOME, ROOT, SYSTEM, worst
from nlshell.shell.options import Grammar
from nlshell.shell.options import parse as parse_options
from nlshell.shell.patterns import lazy

SYSTEM_DAEMONS = frozenset(
    """
    systemd init launchd sshd ssh dbus-daemon dbus Xorg X Xwayland gdm gdm3 sddm lightdm gnome-shell
    plasmashell kwin_x11 kwin_wayland NetworkManager wpa_supplicant login getty agetty cron crond
    rsyslogd syslogd systemd-journald journald udevd systemd-udevd systemd-logind polkitd kthreadd
    containerd dockerd kubelet networkd systemd-networkd systemd-resolved auditd firewalld bash zsh sh
    fish tmux screen sudo loginwindow WindowServer kernel_task launchd
    """.split()
)

RULES = [
    Rule("processes.kill-all", DANGEROUS, "kills every process you are allowed to kill{how}"),
    Rule("processes.kill-init", DANGEROUS, "kills init (PID 1): the system goes down"),
    Rule("processes.kill", CAUTION, "{verb} process {pids}"),
    Rule("processes.killall5", DANGEROUS, "killall5 signals every process on the system"),
    Rule("processes.kill-root", DANGEROUS, "{tool} kills every process of root (the whole system)"),
    Rule("processes.kill-everything", DANGEROUS, "{tool} {pattern} matches every process"),
    Rule("processes.kill-daemon", DANGEROUS, "{tool} kills the system process `{daemon}`"),
    Rule("processes.signal", CAUTION, "sends a signal to every process named {names}"),
    Rule("processes.kill-named", CAUTION, "stops every process named {names}"),
    Rule("processes.kill-mine", DANGEROUS, "{tool} kills every process of yours ({user}): your session, shell and "
         "everything you run"),
    Rule("processes.kill-user", CAUTION, "kills every process of {user}"),
    Rule("processes.kill-selected", CAUTION, "{tool} kills the processes chosen by {flag}"),
    Rule("processes.fuser-kill-all", DANGEROUS, "fuser -k kills every process using {what} (the whole system)"),
    Rule("processes.fuser-kill", CAUTION, "fuser -k kills every process using {targets}"),
    Rule("processes.fork-bomb", DANGEROUS, "is a fork bomb: `{function}` keeps starting copies of itself until the system stalls"),
    Rule("processes.fork-bomb-defined", CAUTION, "defines a fork bomb (`{function}`)"),
    Rule("processes.spawn-loop", DANGEROUS, "starts a new background process on every pass of an endless loop (a fork bomb)"),
    Rule("processes.spawn-many", DANGEROUS, "starts {count:,} background processes at once"),
    Rule("processes.self-spawn", DANGEROUS, "starts copies of itself in the background (a fork bomb)"),
    Rule("processes.rerun-self", CAUTION, "runs the current shell or script again ($0)"),
    Rule("processes.close-all-windows", DANGEROUS, "xkill -all closes every window on the screen (unsaved work is lost)"),
    Rule("processes.close-window", CAUTION, "xkill closes the window you click (unsaved work in it is lost)"),
]


@program("xkill")
def xkill(ctx, cmd) -> None:
    words = [a.text for a in cmd.args]
    if any(w in ("-help", "--help", "-version") for w in words):
        return
    ctx.add("processes.close-all-windows" if "-all" in words else "processes.close-window", cmd)


@program("kill")
def kill(ctx, cmd) -> None:
    words = [a.text for a in cmd.args]
    if words[:1] and words[0] in ("-l", "-L", "--list", "--table"):
        return
    i = 0
    signal = "TERM"
    if words[:1] and words[0] in ("-s", "-n", "--signal") and len(words) > 1:
        signal, i = words[1], 2
    elif words[:1] and words[0].startswith("-") and words[0] != "--":
        signal, i = words[0][1:], 1
    if i < len(words) and words[i] == "--":
        i += 1
    pids = words[i:]
    strong = signal.upper().lstrip("SIG") in ("9", "KILL")
    if "-1" in pids:
        ctx.add("processes.kill-all", cmd, how=", at once (kill -9 -1)" if strong else " (kill -1)")
    elif "1" in pids:
        ctx.add("processes.kill-init", cmd)
    elif pids:
        ctx.add("processes.kill", cmd, verb="force-kills" if strong else "stops", pids=" ".join(pids[:3]))


_KILLALL = Grammar(
    short="suYoyOZ",
    long=frozenset(
        "--signal --user --euid --uid --group --pgroup --session --terminal --parent --pidfile --older-than "
        "--younger-than --context --ns --nslist --cgroup".split()
    ),
    numbers=True,
)
_PKILL = Grammar(
    short="sUugGtPFO",  # -n (newest) and -o (oldest) are flags to pkill
    long=_KILLALL.long | frozenset("--pgroup --group --parent --pidfile --older --ns --nslist --cgroup".split()),
    numbers=True,
)
# Options that choose processes without naming them (`pkill -P 1234`, `pkill -t pts/1`, `pkill -n`).
_SELECTORS = {
    "pkill": ("-s", "-g", "-G", "-t", "-P", "-F", "-O", "-n", "-o", "--session", "--pgroup", "--group", "--terminal",
              "--parent", "--pidfile", "--older", "--ns", "--cgroup"),
    "killall": ("-o", "-y", "-Z", "--older-than", "--younger-than", "--context"),
}
_GENTLE_SIGNALS = frozenset({"CONT", "0", "WINCH", "USR1", "USR2", "HUP", "1", "18", "28"})


@program("killall", "pkill", "killall5", "skill")
def killall(ctx, cmd) -> None:
    name = cmd.name
    if name == "killall5":
        ctx.add("processes.killall5", cmd)
        return
    o = parse_options(cmd.args, _PKILL if name == "pkill" else _KILLALL)
    users = [u for key in ("-u", "--user", "-U", "--uid", "--euid") for u in o.values.get(key, [])]
    if any(u in ("root", "0") for u in users):
        ctx.add("processes.kill-root", cmd, tool=name)
        return
    patterns = [w for w in o.operands if not re.fullmatch(r"-?\d+|-[A-Z]+", w.text)]
    names = ", ".join(shown(w) for w in patterns[:3])
    given = o.words + o.values.get("--signal", []) + (o.values.get("-s", []) if name != "pkill" else [])  # pkill -s: a session
    signals = [x.lstrip("-").upper().removeprefix("SIG") for x in given]
    if any(sig in _GENTLE_SIGNALS for sig in signals):
        if patterns:
            ctx.add("processes.signal", cmd, names=names)
        return
    for w in patterns:
        base = w.text.rsplit("/", 1)[-1]
        if w.glob or base in (".", ".*", "*", "") or (name == "pkill" and base == "^"):
            ctx.add("processes.kill-everything", cmd, tool=name, pattern=shown(w))
            return
        if base in SYSTEM_DAEMONS or base.startswith("systemd"):
            ctx.add("processes.kill-daemon", cmd, tool=name, daemon=base)
            return
    if patterns:
        ctx.add("processes.kill-named", cmd, names=names)
    elif any(_CURRENT_USER.match(u) for u in users):
        ctx.add("processes.kill-mine", cmd, tool=name, user=users[0])
    elif users:
        ctx.add("processes.kill-user", cmd, user=users[0])
    else:
        chosen = next((f for f in _SELECTORS.get(name, ()) if has_option(o, f)), None)
        if chosen:
            ctx.add("processes.kill-selected", cmd, tool=name, flag=chosen)


_FUSER = Grammar(short="n", long=frozenset({"--namespace"}))


@program("fuser")
def fuser(ctx, cmd) -> None:
    """`fuser -k PORT/tcp` kills what uses the port; `fuser -k /` (or `-km` of a system directory's
    filesystem) every process, since each has / as its root directory."""
    o = parse_options(cmd.args, _FUSER)
    if not o.has("k", "--kill") or not o.operands:
        return
    whole_mount = o.has("mM", "--mount", "--ismountpoint")
    for w in o.operands:
        p = worst(ctx.places(w))
        if p.cls == ROOT or (whole_mount and p.everything and p.cls in (SYSTEM, HOME)):
            ctx.add("processes.fuser-kill-all", cmd, what=p.desc)
            return
    ctx.add("processes.fuser-kill", cmd, targets=", ".join(shown(w) for w in o.operands[:3]))


# The user running the command, however it is written: `$USER`, `$(whoami)`, `$(id -un)`.
_CURRENT_USER = lazy(r"^(?:\$\{(?:USER|LOGNAME|USERNAME)\}|\$\((?:whoami|id -u(?:n)?|logname)\)|`(?:whoami|id -un?)`)$")


@hook("command")
def spawning(ctx, cmd) -> None:
    """A background command in a loop, or the script itself run again (`$0 &`)."""
    head = cmd.argv[0] if cmd.argv else None
    if head is not None and not head.literal and head.text in ("${0}", "$0"):
        ctx.add("processes.self-spawn" if cmd.background or cmd.loop is not None else "processes.rerun-self", cmd)
    if head is None or not cmd.name or cmd.loop is None or not cmd.background:
        return
    if cmd.loop.infinite:
        ctx.add("processes.spawn-loop", cmd)
    elif cmd.loop.iterations is not None and cmd.loop.iterations >= 1000:
        ctx.add("processes.spawn-many", cmd, count=cmd.loop.iterations)


@hook("script")
def fork_bombs(ctx) -> None:
    """`:(){ :|:& };:`: a function that starts two or more copies of itself, then is called."""
    commands = ctx.script.commands
    for fname in ctx.script.functions:
        recursive = [c for c in commands if c.function == fname and c.argv and c.argv[0].text == fname]
        if not recursive:
            continue
        spawning_copies = (
            len(recursive) >= 2
            or any(c.background for c in recursive)
            or any(
                c.pipeline is not None
                and sum(1 for s in c.pipeline.stages if s is not None and s.argv and s.argv[0].text == fname) >= 2
                for c in recursive
            )
        )
        if not spawning_copies:
            continue
        called = any(c.argv and c.argv[0].text == fname and c.function != fname for c in commands)
        ctx.add("processes.fork-bomb" if called else "processes.fork-bomb-defined", function=fname)


EXAMPLES = [
    ("xkill -all", DANGEROUS, "processes.close-all-windows"),
    ("xkill", CAUTION, "processes.close-window"),
    ("xkill -id 0x3c00007", CAUTION, "not processes.close-all-windows"),
    ("xkill -version", SAFE, "not processes.close-window"),
    ("kill -9 -1", DANGEROUS, "processes.kill-all"),
    ("kill -- -1", DANGEROUS, "processes.kill-all"),
    ("kill -9 1234", CAUTION, "not processes.kill-all"),
    ("kill 1", DANGEROUS, "processes.kill-init"),
    ("kill 12", CAUTION, "not processes.kill-init"),
    ("kill 1234", CAUTION, "processes.kill"),
    ("kill -9 $(pgrep node)", CAUTION, "processes.kill"),
    ("kill -l", SAFE, "not processes.kill"),
    ("killall5 -9", DANGEROUS, "processes.killall5"),
    ("killall firefox", CAUTION, "not processes.killall5"),
    ("pkill -9 -u root", DANGEROUS, "processes.kill-root"),
    ("pkill -u alice", CAUTION, "not processes.kill-root"),
    ("pkill -u alice", CAUTION, "processes.kill-user"),
    ("pkill -KILL -u $USER", DANGEROUS, "processes.kill-mine"),
    ("killall -u \"$(whoami)\"", DANGEROUS, "processes.kill-mine"),
    ("pkill -u $USER firefox", CAUTION, "not processes.kill-mine"),
    ("pgrep -u alice", SAFE, "not processes.kill-user"),
    ("pkill -P 1234", CAUTION, "processes.kill-selected"),
    ("pkill -t pts/1", CAUTION, "processes.kill-selected"),
    ("pkill -s 0", CAUTION, "processes.kill-selected"),
    ("pkill -n", CAUTION, "processes.kill-selected"),
    ("killall -o 5m", CAUTION, "processes.kill-selected"),
    ("pgrep -P 1234", SAFE, "not processes.kill-selected"),
    ("pkill -x", SAFE, "not processes.kill-selected"),
    ("fuser -k /", DANGEROUS, "processes.fuser-kill-all"),
    ("fuser -km /home", DANGEROUS, "processes.fuser-kill-all"),
    ("fuser -km /mnt/usb", CAUTION, "not processes.fuser-kill-all"),
    ("fuser -k 8080/tcp", CAUTION, "processes.fuser-kill"),
    ("fuser -k -9 8080/tcp", CAUTION, "processes.fuser-kill"),
    ("fuser -ki 8080/tcp", CAUTION, "processes.fuser-kill"),
    ("fuser --kill -n tcp 8080", CAUTION, "processes.fuser-kill"),
    ("fuser -v 8080/tcp", SAFE, "not processes.fuser-kill"),
    ("fuser -vn tcp 8080", SAFE, "not processes.fuser-kill"),
    ("killall '*'", DANGEROUS, "processes.kill-everything"),
    ("pkill .", DANGEROUS, "processes.kill-everything"),
    ("pkill firefox", CAUTION, "not processes.kill-everything"),
    ("killall -9 sshd", DANGEROUS, "processes.kill-daemon"),
    ("killall systemd", DANGEROUS, "processes.kill-daemon"),
    ("killall chrome", CAUTION, "not processes.kill-daemon"),
    ("pkill -CONT bash", CAUTION, "processes.signal"),
    ("pkill -CONT", SAFE, "not processes.signal"),
    ("pkill firefox", CAUTION, "processes.kill-named"),
    ("pkill -n firefox", CAUTION, "processes.kill-named"),
    ("pkill -o -f 'python app.py'", CAUTION, "processes.kill-named"),
    ("pgrep firefox", SAFE, "not processes.kill-named"),
    (":(){ :|:& };:", DANGEROUS, "processes.fork-bomb"),
    ("bomb() { bomb | bomb & }; bomb", DANGEROUS, "processes.fork-bomb"),
    ("f() { echo hi; }; f", SAFE, "not processes.fork-bomb"),
    ("bomb() { bomb | bomb & }", CAUTION, "processes.fork-bomb-defined"),
    ("count() { count_down; }", SAFE, "not processes.fork-bomb-defined"),
    ("while true; do sleep 1 & done", DANGEROUS, "processes.spawn-loop"),
    ("while true; do date; sleep 5; done &", SAFE, "not processes.spawn-loop"),
    ("for i in $(seq 1 100000); do sleep 100 & done", DANGEROUS, "processes.spawn-many"),
    ("for i in $(seq 1 10); do sleep 1 & done", SAFE, "not processes.spawn-many"),
    ("$0 & $0 &", DANGEROUS, "processes.self-spawn"),
    ("echo $0", SAFE, "not processes.self-spawn"),
    ("exec $0", CAUTION, "processes.rerun-self"),
    ("basename $0", SAFE, "not processes.rerun-self"),
]
