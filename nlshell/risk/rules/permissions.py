"""Who may do what: running as root, permissions and owners of files, SELinux and macOS system
protections, and user accounts."""

from __future__ import annotations

import re

from nlshell.risk.book import Row, Rule, all_of, given, hook, program
from nlshell.risk.facts import shown
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.risk.paths import perm_level
from nlshell.shell.model import ROOT_WRAPPERS, Word
from nlshell.shell.options import Grammar
from nlshell.shell.options import parse as parse_options
from nlshell.shell.patterns import lazy

PREFIX = "perms"

# Groups whose members are root in all but name: sudo rights, the docker or lxd socket, raw disks.
_ROOT_GROUPS = frozenset({"sudo", "wheel", "admin", "root", "docker", "lxd", "disk", "shadow"})


def _grants_root(cmd, parsed) -> dict | None:
    """`usermod -aG sudo eve`, `gpasswd -a eve docker`, `adduser eve sudo`, `useradd -o -u 0 eve`."""
    words = [a.text for a in cmd.args]
    user = next((w for w in reversed(words) if not w.startswith("-")), "a user")
    for flag, value in zip(words, words[1:]):
        if flag in ("-u", "--uid") and value == "0":
            return {"user": user, "how": "user id 0 is root"}
        if cmd.name in ("usermod", "useradd") and flag in ("-G", "-aG", "--groups", "-g", "--gid"):
            groups = set(value.split(",")) & _ROOT_GROUPS
            if groups:
                return {"user": user, "how": f"the {sorted(groups)[0]} group"}
    if cmd.name == "gpasswd" and len(words) >= 3 and words[0] in ("-a", "--add") and words[-1] in _ROOT_GROUPS:
        return {"user": words[1], "how": f"the {words[-1]} group"}
    operands = [w for w in words if not w.startswith("-")]
    if cmd.name == "adduser" and len(operands) == 2 and operands[1] in _ROOT_GROUPS:
        return {"user": operands[0], "how": f"the {operands[1]} group"}
    return None


def _audit_off(cmd, parsed) -> dict | None:
    """`auditctl -D` deletes every audit rule; `-e 0` stops auditing."""
    words = [a.text for a in cmd.args]
    if "-D" in words or any(w == "-e" and nxt == "0" for w, nxt in zip(words, words[1:])) or "-e0" in words:
        return {"protection": "the audit rules"}
    return None


_ACCOUNTS = (
    "useradd adduser usermod groupadd groupdel groupmod chpasswd gpasswd visudo vipw chsh newusers deluser "
    "delgroup"
)


ROWS = [
    Row("perms.selinux-off", DANGEROUS, "turns SELinux enforcement off", "setenforce", "0|permissive|Permissive"),
    Row("perms.selinux-mode", CAUTION, "changes the SELinux mode", "setenforce", "*"),
    Row("perms.protection-off", DANGEROUS, "{tool} turns off a system protection ({protection})", "csrutil",
        when=all_of(given("disable"), lambda cmd, parsed: {"protection": "SIP"})),
    Row("perms.protection-off", DANGEROUS, "{tool} turns off a system protection ({protection})", "spctl",
        when=all_of(given("--master-disable", "--global-disable", "disable"), lambda cmd, parsed: {"protection": "Gatekeeper"})),
    Row("perms.protection-off", DANGEROUS, "{tool} turns off a system protection ({protection})", "auditctl",
        when=_audit_off),
    Row("perms.protection-change", CAUTION, "{tool} changes a system protection", "auditctl",
        when=lambda cmd, parsed: not parsed.has("lsS", "--help") and bool(cmd.args)),
    Row("perms.protection-change", CAUTION, "{tool} changes a system protection", "csrutil spctl",
        when=given("enable", "clear", "--add", "--master-enable")),
    Row("perms.password-removed", DANGEROUS, "passwd -d removes the password: the account opens without one",
        "passwd", flags="-d --delete"),
    Row("perms.delete-home", DANGEROUS, "{tool} deletes the user and their home directory and mail", "deluser",
        flags="--remove-home"),
    Row("perms.delete-home", DANGEROUS, "{tool} deletes the user and their home directory and mail", "userdel",
        flags="-r --remove"),
    Row("perms.delete-user", CAUTION, "deletes a user account", "userdel"),
    Row("perms.grant-root", DANGEROUS, "gives {user} root powers ({how})", "usermod useradd adduser gpasswd",
        when=_grants_root),
    Row("perms.accounts", CAUTION, "{tool} changes user accounts", "passwd", unless="-S --status"),
    Row("perms.accounts", CAUTION, "{tool} changes user accounts", "chage", unless="-l --list"),  # -l only shows
    Row("perms.accounts", CAUTION, "{tool} changes user accounts", _ACCOUNTS),
]

RULES = [
    Rule("perms.as-root", CAUTION, "runs as root ({wrapper})"),
    Rule("perms.root-shell", CAUTION, "opens a root shell"),
    Rule("perms.broad", DANGEROUS, "{verb} {what}{how}"),
    Rule("perms.change", CAUTION, "{tool} changes {targets}{how}"),
    Rule("perms.capability-root", DANGEROUS, "gives {file} {caps}: whoever runs it can act as root"),
    Rule("perms.capabilities", CAUTION, "setcap changes what {file} may do as root"),
    Rule("perms.setuid-door", DANGEROUS, "makes {file} setuid{why}: whoever runs it {gets}"),
    Rule("perms.setuid", CAUTION, "makes {file} setuid: whoever runs it acts as its owner"),
    Rule("perms.root-socket", DANGEROUS, "{tool} lets {whom} use {socket}: whoever can run containers as root is root"),
]


@hook("command")
def as_root(ctx, cmd) -> None:
    wrapper = next((w for w in cmd.wrappers if w in ROOT_WRAPPERS), None)
    if wrapper is not None:
        ctx.add("perms.as-root", cmd, wrapper=wrapper)
    if (
        not cmd.argv
        and cmd.wrappers
        and cmd.wrappers[-1] in ("su", "sudo", "doas", "run0")
        and not any(run.by is cmd for run in ctx.script.code)
    ):
        ctx.add("perms.root-shell", cmd)


_VERBS = {
    "chmod": "changes the permissions of",
    "chown": "changes the owner of",
    "chgrp": "changes the group of",
    "chattr": "changes the attributes of",
    "setfacl": "changes the ACLs of",
}
_CHMOD = Grammar(long=frozenset({"--reference", "--from", "--modify", "--set"}))
_SETFACL = Grammar(short="mMxX", long=_CHMOD.long)


@program("chmod", "chown", "chgrp", "chattr", "setfacl")
def permissions(ctx, cmd) -> None:
    name = cmd.name
    args = cmd.args
    if name == "chmod":  # `chmod -x FILE`, `chmod -w,o-r FILE`: a mode, though it looks like an option
        if (at := _dash_mode(args)) is not None:
            args = args[:at] + [Word("--", literal=True)] + args[at:]
    o = parse_options(args, _SETFACL if name == "setfacl" else _CHMOD)
    recursive = o.has("R", "--recursive")
    operands = list(o.operands)
    spec = operands.pop(0) if name in ("chmod", "chown", "chgrp") and "--reference" not in o.long and operands else None
    if name == "chmod" and spec is not None:
        locks_out = mode_locks_out(spec.text)
    elif name in ("chown", "chgrp"):  # giving files to yourself cannot lock you out; to root can
        locks_out = spec is not None and spec.text.split(":")[0] in ("root", "0", "nobody")
    else:
        locks_out = True
    how = " recursively" if recursive else ""
    broad = False
    for w in operands:
        for p in ctx.places(w):
            if perm_level(p, recursive, locks_out) == DANGEROUS:
                broad = True
                ctx.add("perms.broad", cmd, verb=_VERBS.get(name, "changes"), what=p.desc, how=how)
    if not broad and operands:
        ctx.add("perms.change", cmd, tool=name, targets=", ".join(shown(w) for w in operands[:3]), how=how)
    if name == "chmod" and spec is not None and adds_setuid(spec.text):
        for w in operands:
            setuid(ctx, cmd, w)
    sockets = [w.text for w in operands if _basename(w.text) in _ROOT_SOCKETS]
    if sockets and (
        (name == "chmod" and spec is not None and _opens_to_others(spec.text))
        or (name == "setfacl" and o.has("m", "--modify"))
    ):
        whom = "every user on this machine" if name == "chmod" else "the users the ACL names"
        ctx.add("perms.root-socket", cmd, tool=name, whom=whom, socket=sockets[0])


# Sockets of daemons that run containers as root: using one is being root (like the docker group).
_ROOT_SOCKETS = frozenset({"docker.sock", "containerd.sock", "podman.sock", "dockershim.sock", "crio.sock"})


def _opens_to_others(mode: str) -> bool:
    """Does this chmod mode let others write (`666`, `o+rw`, `a+w`), which connecting to a socket takes?"""
    if re.fullmatch(r"[0-7]{3,4}", mode):
        return mode[-1] in "2367"
    return any(m and _for(m.group(1), "o") and m.group(2) in "+=" and "w" in m.group(3) for m in _clauses(mode))


_CLAUSE = lazy(r"([ugoa]*)([-+=])([rwxXst]*)")  # one clause of a symbolic mode: `u+s`, `go-w`, `=r`


def _dash_mode(args: list) -> int | None:
    """Where the mode is when the first word that is not one of chmod's own options is a mode
    starting with `-` (`chmod -R -w ~`)."""
    for i, a in enumerate(args):
        t = a.text
        if t in ("-R", "-c", "-f", "-v", "--recursive", "--changes", "--silent", "--quiet", "--verbose") or (
            t.startswith("--") and t != "--"
        ):
            continue
        return i if re.fullmatch(rf"-[rwxXst]+(?:,{_CLAUSE.pattern})*", t) else None
    return None


def _clauses(mode: str) -> list:
    """Each clause of a symbolic mode as a match (who, op, perms), None where it is not understood."""
    return [_CLAUSE.fullmatch(clause) for clause in mode.split(",")]


def _for(who: str, whom: str) -> bool:
    """Does the clause's `who` (`u`, `go`, `a`, none = all) take in `whom`?"""
    return who == "" or whom in who or "a" in who


def adds_setuid(mode: str) -> bool:
    """`u+s`, `+s`, `4755`, `6755`: the set-user-id bit (setgid alone, as on shared folders, is left)."""
    if re.fullmatch(r"[0-7]{4}", mode):
        return mode[0] in "4567"
    return any(m and m.group(2) in "+=" and "s" in m.group(3) and _for(m.group(1), "u") for m in _clauses(mode))


# Programs that run whatever they are told (a shell, an interpreter, GTFOBins' usual doors): setuid,
# whoever runs them gets a shell as their owner (root, when root owns them).
_DOORS = frozenset(
    "sh bash dash zsh ksh mksh fish tcsh csh ash busybox python python2 python3 perl ruby node php lua env "
    "find vim vi nvim less more awk gawk nmap tar cp rsync".split()
)


def setuid(ctx, cmd, target, source: str | None = None) -> None:
    """Setuid is a door to the owner's account: wide open when the file is a shell or interpreter
    (or a copy of one made on the line), and onto root when root does it (`sudo chmod`, a file
    `chown root`ed)."""
    copied = source or _copied_from(ctx, target.text)
    root = any(w in ROOT_WRAPPERS for w in cmd.wrappers) or _chowned_to_root(ctx, target.text)
    if copied is not None and _is_door(copied):
        why = f" (a copy of {copied})"
    elif _is_door(target.text):
        why = f" ({_basename(target.text)} runs any code)"
    elif root:
        ctx.add("perms.setuid-door", cmd, file=shown(target), why=" as root", gets="runs it as root")
        return
    else:
        ctx.add("perms.setuid", cmd, file=shown(target))
        return
    gets = "gets a root shell" if root else "gets a shell as its owner"
    ctx.add("perms.setuid-door", cmd, file=shown(target), why=why, gets=gets)


def _basename(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1]


def _is_door(path: str) -> bool:
    return re.sub(r"[0-9.]+$", "", _basename(path)) in _DOORS


@program("install")
def install_mode(ctx, cmd) -> None:
    """`install -m 4755 SRC DST`: the copy is made setuid."""
    o = parse_options(cmd.args, Grammar(short="mgoStT", long=frozenset({"--mode", "--group", "--owner", "--suffix",
                                                                        "--target-directory"})))
    mode = (o.values.get("-m") or o.values.get("--mode") or [""])[-1]
    if len(o.operands) >= 2 and adds_setuid(mode):
        setuid(ctx, cmd, o.operands[-1], source=o.operands[-2].text)


def _copied_from(ctx, path: str) -> str | None:
    """The source of a `cp`/`install` on the same line that wrote `path`."""
    for c in ctx.script.commands:
        if c.name in ("cp", "install") and len(c.args) >= 2 and c.args[-1].text == path:
            sources = [a.text for a in c.args[:-1] if not a.text.startswith("-")]
            if sources:
                return sources[-1]
    return None


def _chowned_to_root(ctx, path: str) -> bool:
    return any(
        c.name == "chown" and any(a.text == path for a in c.args)
        and any(a.text.split(":")[0] in ("root", "0") for a in c.args if not a.text.startswith("-"))
        for c in ctx.script.commands
    )


# Capabilities that amount to root: change ids, bypass file permissions, load modules, trace others.
_ROOT_CAPS = frozenset(
    "cap_setuid cap_setgid cap_sys_admin cap_dac_override cap_dac_read_search cap_sys_ptrace cap_sys_module "
    "cap_chown cap_fowner cap_sys_rawio cap_setfcap cap_setpcap cap_bpf".split()
)


@program("setcap")
def capabilities(ctx, cmd) -> None:
    """`setcap cap_setuid+ep FILE` is a root door for whoever runs FILE (`=ep` grants every
    capability); `cap_net_bind_service`, or `-r` (removing), changes less."""
    o = parse_options(cmd.args, Grammar(short="n", long=frozenset()))
    if o.has("v") or len(o.operands) < 2 and not o.has("r"):
        return
    if o.has("r"):
        for w in o.operands:
            ctx.add("perms.capabilities", cmd, file=shown(w))
        return
    for spec, target in zip(o.operands[::2], o.operands[1::2]):
        granted = []
        for clause in spec.text.lower().split():  # `cap_a,cap_b+ep`, `cap_a=eip`, `=ep` (every one)
            m = re.fullmatch(r"([a-z_,]*)((?:[-+=][eip]*)+)", clause)
            if m is None:
                granted.append(clause)  # not understood: assume the worst
            elif re.search(r"[+=][eip]", m.group(2)):
                names = m.group(1)
                granted += ["every capability"] if names in ("", "all") else [
                    n for n in names.split(",") if n in _ROOT_CAPS
                ]
        if granted:
            ctx.add("perms.capability-root", cmd, file=shown(target), caps=", ".join(sorted(set(granted))))
        else:
            ctx.add("perms.capabilities", cmd, file=shown(target))


def mode_locks_out(mode: str) -> bool:
    """Can this chmod mode cut the owner off, or let anyone write (which breaks ssh, among others)?"""
    if _opens_to_others(mode):
        return True
    if re.fullmatch(r"[0-7]{3,4}", mode):
        return mode[-3] in "0123"
    for m in _clauses(mode):
        if not m:
            return True  # not understood: assume the worst
        who, op, perms = m.groups()
        owner = _for(who, "u")
        if op == "-" and owner and any(p in perms for p in "rwx"):
            return True
        if op == "=" and owner and not ("r" in perms and "w" in perms):
            return True
    return False


EXAMPLES = [
    ("chage -l erin", SAFE, "not perms.accounts"),
    ("chage -M 90 erin", CAUTION, "perms.accounts"),
    ("sudo chmod 666 /var/run/docker.sock", DANGEROUS, "perms.root-socket"),
    ("chmod o+rw /run/docker.sock", DANGEROUS, "perms.root-socket"),
    ("sudo setfacl -m u:eve:rw /var/run/docker.sock", DANGEROUS, "perms.root-socket"),
    ("sudo chmod 660 /var/run/docker.sock", CAUTION, "not perms.root-socket"),
    ("setcap cap_setuid+ep /usr/bin/python3", DANGEROUS, "perms.capability-root"),
    ("sudo setcap =ep ./tool", DANGEROUS, "perms.capability-root"),
    ("setcap 'cap_net_raw,cap_dac_read_search=eip' ./scan", DANGEROUS, "perms.capability-root"),
    ("setcap cap_net_bind_service=+ep ./server", CAUTION, "not perms.capability-root"),
    ("setcap cap_net_bind_service=+ep ./server", CAUTION, "perms.capabilities"),
    ("setcap -r ./server", CAUTION, "perms.capabilities"),
    ("getcap /usr/bin/ping", SAFE, "not perms.capabilities"),
    ("sudo usermod -aG sudo eve", DANGEROUS, "perms.grant-root"),
    ("usermod -aG docker $USER", DANGEROUS, "perms.grant-root"),
    ("gpasswd -a eve wheel", DANGEROUS, "perms.grant-root"),
    ("adduser eve sudo", DANGEROUS, "perms.grant-root"),
    ("useradd -o -u 0 eve", DANGEROUS, "perms.grant-root"),
    ("usermod -aG video,audio eve", CAUTION, "not perms.grant-root"),
    ("adduser eve", CAUTION, "not perms.grant-root"),
    ("auditctl -D", DANGEROUS, "perms.protection-off"),
    ("sudo auditctl -e 0", DANGEROUS, "perms.protection-off"),
    ("auditctl -w /etc/passwd -p wa", CAUTION, "not perms.protection-off"),
    ("auditctl -l", SAFE, "not perms.protection-change"),
    ("setenforce 0", DANGEROUS, "perms.selinux-off"),
    ("setenforce 1", CAUTION, "not perms.selinux-off"),
    ("setenforce 1", CAUTION, "perms.selinux-mode"),
    ("getenforce", SAFE, "not perms.selinux-mode"),
    ("sudo csrutil disable", DANGEROUS, "perms.protection-off"),
    ("sudo spctl --master-disable", DANGEROUS, "perms.protection-off"),
    ("csrutil status", SAFE, "not perms.protection-off"),
    ("sudo spctl --master-enable", CAUTION, "perms.protection-change"),
    ("spctl --status", SAFE, "not perms.protection-change"),
    ("passwd -d root", DANGEROUS, "perms.password-removed"),
    ("passwd", CAUTION, "not perms.password-removed"),
    ("userdel -r alice", DANGEROUS, "perms.delete-home"),
    ("deluser --remove-home alice", DANGEROUS, "perms.delete-home"),
    ("deluser alice", CAUTION, "not perms.delete-home"),
    ("userdel alice", CAUTION, "perms.delete-user"),
    ("id alice", SAFE, "not perms.delete-user"),
    ("sudo useradd -m bob", CAUTION, "perms.accounts"),
    ("passwd", CAUTION, "perms.accounts"),
    ("passwd -S alice", SAFE, "not perms.accounts"),
    ("sudo ls /root", CAUTION, "perms.as-root"),
    ("ls /root", SAFE, "not perms.as-root"),
    ("sudo -i", CAUTION, "perms.root-shell"),
    ("sudo -l", SAFE, "not perms.root-shell"),
    ("chmod -R 777 /", DANGEROUS, "perms.broad"),
    ("chmod -R 000 ~", DANGEROUS, "perms.broad"),
    ("chown -R nobody /", DANGEROUS, "perms.broad"),
    ("chmod 777 /etc/*", DANGEROUS, "perms.broad"),
    ("sudo chown -R $USER:$USER ~", CAUTION, "not perms.broad"),
    ("chmod -R u+rwX ~", CAUTION, "not perms.broad"),
    ("chmod -R 700 ~/.ssh", CAUTION, "not perms.broad"),
    ("chmod -R 777 ~/.ssh", DANGEROUS, "perms.broad"),
    ("chmod +x script.sh", CAUTION, "perms.change"),
    ("chmod -x /bin/chmod", DANGEROUS, "perms.broad"),
    ("chmod -R -w ~", DANGEROUS, "perms.broad"),
    ("chmod -x script.sh", CAUTION, "perms.change"),
    ("cp /bin/bash /tmp/x && chmod u+s /tmp/x", DANGEROUS, "perms.setuid-door"),
    ("chmod 4755 /tmp/python3", DANGEROUS, "perms.setuid-door"),
    ("sudo chmod u+s ./tool", DANGEROUS, "perms.setuid-door"),
    ("chown root:root ./tool; chmod +s ./tool", DANGEROUS, "perms.setuid-door"),
    ("chmod u+s ./tool", CAUTION, "not perms.setuid-door"),
    ("chmod u+s ./tool", CAUTION, "perms.setuid"),
    ("chmod g+s shared/", CAUTION, "not perms.setuid"),
    ("sudo install -m 4755 /bin/sh /usr/local/bin/rootsh", DANGEROUS, "perms.setuid-door"),
    ("install -m 755 build/tool ~/.local/bin/tool", CAUTION, "not perms.setuid"),
    ("chmod 2775 shared/", CAUTION, "not perms.setuid"),
    ("chmod 755 ./tool", CAUTION, "not perms.setuid"),
    ("chown -R me:me ./data", CAUTION, "perms.change"),
    ("stat -c %a script.sh", SAFE, "not perms.change"),
]
