"""What kind of place a path names, and what an operation on it can destroy.

`classify` sorts a path word into a class (the whole filesystem, a home directory, the current
directory, system directories, devices, credentials, shell start-up files, history, logs, ...);
`delete_level`, `overwrite_level` and `perm_level` say how bad deleting, overwriting or changing
the permissions of each class is. Expansions count: `$HOME`, `${TMPDIR:-/tmp}`, an unset
`${DIR}/*` (which is `/*`), loop values, brace expansions and a `cd` earlier on the line.
"""

from __future__ import annotations

import posixpath
import re

from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.shell.patterns import lazy
from nlshell.shell.records import Value
from nlshell.shell.words import MAX_ALTERNATIVES

(
    ROOT,
    HOME,
    CWD,
    SYSTEM,
    TOP,
    EMPTYVAR,
    CRED,
    STARTUP,
    HISTORY,
    LOG,
    KERNEL,
    DEVICE,
    NULLDEV,
    TMP,
    NAMED,
    OPAQUE,
    PERSONAL,
) = (
    "root", "home", "cwd", "system", "top", "emptyvar", "cred", "startup", "history", "log", "kernel",
    "device", "nulldev", "tmp", "named", "opaque", "personal",
)

_ME = "/home/\x00me"  # stands for the user's home while normalising `~/..` and friends

_SYSTEM_TOPS = frozenset(
    "etc usr var boot bin sbin lib lib32 lib64 libx32 snap sys proc dev root efi System Library private "
    "cores run".split()
)
_BROAD_TOPS = frozenset({"home", "Users", "mnt", "media"})
_CRITICAL_DIRS = (
    "/boot", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/usr/bin", "/usr/sbin", "/usr/lib",
    "/usr/lib32", "/usr/lib64", "/usr/libexec", "/etc/pam.d", "/etc/sudoers.d", "/etc/selinux", "/efi",
    "/etc/systemd", "/etc/init.d", "/System", "/dev",
)
_CRITICAL_FILES = frozenset(
    """
    /etc/passwd /etc/shadow /etc/group /etc/gshadow /etc/sudoers /etc/fstab /etc/hosts /etc/hostname
    /etc/resolv.conf /etc/crontab /etc/profile /etc/bash.bashrc /etc/environment /etc/login.defs
    /etc/ssh/sshd_config /etc/default/grub /etc/inittab /etc/os-release /etc/ld.so.conf
    /etc/ld.so.preload /etc/nsswitch.conf /etc/security/limits.conf /etc/zshrc /etc/zsh/zshrc
    /etc/master.passwd /etc/machine-id /etc/mtab
    """.split()
)
_SYSTEM_STARTUP = frozenset(
    "/etc/profile /etc/bash.bashrc /etc/bashrc /etc/zshrc /etc/zsh/zshrc /etc/zsh/zshenv /etc/zshenv /etc/environment /etc/fish/config.fish /etc/rc.local".split()
)
_TMP_DIRS = ("/tmp", "/var/tmp", "/dev/shm", "/private/tmp", "/private/var/tmp", "/run/user")
_NULL_DEVICES = frozenset(
    "/dev/null /dev/zero /dev/stdout /dev/stderr /dev/stdin /dev/tty /dev/random /dev/urandom /dev/full /dev/ptmx /dev/console".split()
)
_BLOCK_DEVICE = lazy(
    r"^/dev/(?:[shv]d[a-z]+\d*|xvd[a-z]+\d*|nvme\d+(?:n\d+)?(?:p\d+)?|mmcblk\d+(?:p\d+)?|md\d+|dm-\d+|"
    r"mapper/.+|disk/.+|loop\d+|sr\d+|nbd\d+|zd\d+|rdisk\d+.*|disk\d+.*|mem|kmem|port|root|sg\d+|st\d+|"
    r"cciss/.+|ubi.*|mtd.*|fd\d+|hd[a-z]\d*|vg.+/.+|zram\d+|bcache\d+|rbd\d+)$"
)
_CRED_HOME = (
    ".ssh", ".gnupg", ".aws", ".azure", ".config/gcloud", ".kube", ".docker/config.json", ".netrc",
    ".git-credentials", ".config/gh", ".npmrc", ".pypirc", ".password-store", ".vault-token",
    ".terraform.d/credentials.tfrc.json", ".pgpass", ".my.cnf", ".gem/credentials", ".cargo/credentials",
    ".cargo/credentials.toml", ".config/hub", ".local/share/keyrings", ".mozilla", ".config/google-chrome",
    ".config/chromium", ".authinfo", ".authinfo.gpg", ".ssh/id_rsa",
)
_STARTUP_HOME = frozenset(
    ".bashrc .bash_profile .bash_login .profile .zshrc .zshenv .zprofile .zlogin .config/fish/config.fish "
    ".bash_logout .inputrc .xinitrc .xprofile .gitconfig .ssh/authorized_keys .ssh/config .ssh/known_hosts "
    ".config/autostart .vimrc .tmux.conf .zlogout .cshrc .tcshrc .kshrc .mkshrc".split()
)
# Folders of a home directory that hold a person's work or settings as a whole: deleting one of them
# (or everything in it) is a loss at broad scope; a named file or app folder inside is not.
_PERSONAL_HOME = frozenset(
    """
    Documents Desktop Downloads Pictures Photos Music Videos Movies Public Templates Library Dropbox OneDrive
    Nextcloud projects Projects src code Code dev Development work Work workspace Workspace repos git github
    GitHub go .config .local .local/share .vim .emacs.d notes Notes books
    """.split()
)
_HISTORY_HOME = frozenset(
    ".bash_history .zsh_history .history .local/share/fish/fish_history .python_history .node_repl_history .mysql_history .psql_history .lesshst .viminfo .zhistory .sh_history".split()
)
_PRIVATE_KEY_NAME = lazy(
    r"(?:^|/)(?:id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?|[^/]*\.(?:pem|key|p12|pfx|jks|keystore|ppk|kdbx)|\.env(?:\.[\w.-]+)?|credentials(?:\.json)?|secrets?\.(?:json|ya?ml|toml)|shadow|master\.key|service[-_]account[^/]*\.json)$"
)
_PURE_GLOB = lazy(
    r"^(?:\*|\.\*|\*\.\*|\?\*|\.\?\*|\.\[!.\]\*|\[!.\]\*|\.\[\^.\]\*|\{\*,\.\*\}|\{\.\*,\*\}|\*\*|\.\.\?\*)$"
)
_VAR_PREFIX = lazy(r"^\$\{([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])(?:(:?[-=?+])([^}]*))?\}(.*)$", re.S)
_HOME_VARS = frozenset({"HOME", "ZDOTDIR", "USERPROFILE"})
_TMP_VARS = frozenset({"TMPDIR", "TMP", "TEMP", "TEMPDIR", "XDG_RUNTIME_DIR", "RUNNER_TEMP"})
_CWD_VARS = frozenset({"PWD"})


class PathInfo(Value):
    __slots__ = ("cls", "critical", "everything", "desc", "contents", "above", "path")

    def __init__(
        self,
        cls: str,
        critical: bool = False,  # a file or tree the system cannot run without
        everything: bool = False,  # the whole directory or all of its contents
        desc: str = "",
        contents: bool = False,  # a wildcard over everything in a directory (`*`, `./*`, `!(keep)`)
        above: bool = False,  # a directory above the current one (`..`, `../..`)
        path: str = "",  # the absolute path it names, normalised ("" when relative or unknown)
    ) -> None:
        self.cls = cls
        self.critical = critical
        self.everything = everything
        self.desc = desc
        self.contents = contents
        self.above = above
        self.path = path


def classify(text: str) -> PathInfo:
    """What kind of place a path names, for judging what an operation on it can destroy."""
    t = text.strip()
    if not t:
        return PathInfo(OPAQUE, desc="an empty path")
    # Expansions at the start: $HOME, ${TMPDIR:-/tmp}, $(pwd), unknown ${VAR}.
    if t.startswith("$(pwd)") or t.startswith("`pwd`") or t.startswith("$PWD"):
        t = "." + t[t.index(")") + 1 if t.startswith("$(") else (5 if t.startswith("`") else 4) :]
    m = _VAR_PREFIX.match(t)
    if m:
        name, op, default, rest = m.group(1), m.group(2), m.group(3), m.group(4)
        if name in _HOME_VARS:
            t = _ME + rest
        elif name in _TMP_VARS:
            t = "/tmp" + rest
        elif name in _CWD_VARS:
            t = "." + rest
        elif op and "?" in op:
            return PathInfo(NAMED, desc=text)  # ${VAR:?} stops the command when VAR is empty
        elif op and op.strip(":") in ("-", "=") and default is not None and default.strip():
            return classify(default + rest)
        else:
            stripped = rest.strip("/")
            if rest == "":
                return PathInfo(OPAQUE, desc=text)
            if stripped == "" or _PURE_GLOB.match(stripped):
                return PathInfo(
                    EMPTYVAR,
                    everything=True,
                    desc=f"{text} (if ${name} is empty or unset, this is /{stripped})",
                )
            return PathInfo(NAMED, desc=text)
    elif t.startswith("$") or t.startswith("`"):
        return PathInfo(OPAQUE, desc=text)
    if t == "~" or t.startswith("~/"):
        t = _ME + t[1:]
    elif t.startswith("~"):
        user, _, rest = t[1:].partition("/")
        t = f"/home/{user}" + ("/" + rest if rest else "")
    if t.startswith("/"):
        return _classify_absolute(t, text)
    return _classify_relative(t, text)


def _split_glob(path: str) -> tuple:
    """(parent, True) when the last component is a bare wildcard such as `*` or `.*`; a `**`
    before it (any depth, zsh and bash's globstar) belongs to the wildcard: `~/**/*` is all of `~`."""
    stripped = path.rstrip("/")
    parent, _, last = stripped.rpartition("/")
    while _PURE_GLOB.match(last) and (parent == "**" or parent.endswith("/**")):
        parent = parent[:-2].rstrip("/") or ("/" if stripped.startswith("/") else "")
        if not parent:
            return ".", True
    if _PURE_GLOB.match(last) or re.fullmatch(r"!\(.*\)", last):  # `!(keep)`: all but some
        if not parent and stripped.startswith("/"):
            return "/", True
        return parent if "/" in stripped else ".", True
    return path, False


def _classify_relative(t: str, text: str) -> PathInfo:
    if t == "!":  # what the grammar leaves of an extglob `!(keep)`: everything but some names
        return PathInfo(
            CWD, everything=True, contents=True, desc="everything in the current directory but the names in !(...)"
        )
    path, everything = _split_glob(t)
    norm = posixpath.normpath(path) if path else "."
    if norm == ".":
        if everything:
            return PathInfo(CWD, everything=True, contents=True, desc="everything in the current directory")
        return PathInfo(CWD, everything=True, desc="the current directory")
    if all(part == ".." for part in norm.split("/")):  # .. ../..
        prefix = "everything in " if everything else ""
        return PathInfo(
            CWD,
            everything=True,
            contents=everything,
            above=True,
            desc=prefix + ("the parent directory" if norm == ".." else f"the directory {norm}"),
        )
    if _PRIVATE_KEY_NAME.search(norm) or norm in (".ssh", ".aws", ".gnupg") or norm.startswith(".ssh/"):
        return PathInfo(CRED, desc=f"credentials in {text}")
    return PathInfo(NAMED, everything=everything, desc=text)


def _classify_absolute(t: str, text: str) -> PathInfo:
    path, everything = _split_glob(t)
    norm = posixpath.normpath(path)
    if norm.startswith("//"):
        norm = "/" + norm.lstrip("/")
    info = _absolute_class(norm, everything, text)
    info.path = norm
    return info


def _absolute_class(norm: str, everything: bool, text: str) -> PathInfo:
    if norm == "/":
        return PathInfo(
            ROOT,
            True,
            True,
            "the whole filesystem (/)" if not everything else "everything under / (the whole filesystem)",
        )
    parts = norm.strip("/").split("/")
    top = parts[0]
    # Home directories.
    home_prefix = None
    if norm == _ME or norm.startswith(_ME + "/"):
        home_prefix = _ME
    elif top in ("home", "Users") and len(parts) >= 2:
        home_prefix = "/" + "/".join(parts[:2])
    elif top == "root":
        home_prefix = "/root"
    if norm in ("/home", "/Users"):
        return PathInfo(HOME, False, True, "every user's home directory")
    if home_prefix is not None:
        who = "your home directory" if home_prefix == _ME else f"the home directory {home_prefix}"
        if norm == home_prefix:
            return PathInfo(HOME, False, True, (f"everything in {who}" if everything else who))
        inner = norm[len(home_prefix) + 1 :]
        shown = text
        if inner in _HISTORY_HOME:
            return PathInfo(HISTORY, desc="your shell history" if inner.endswith("history") else shown)
        if inner in _STARTUP_HOME or inner.startswith(".config/autostart"):
            return PathInfo(STARTUP, desc=f"the start-up file {shown}")
        if any(inner == c or inner.startswith(c + "/") for c in _CRED_HOME) or _PRIVATE_KEY_NAME.search(
            inner
        ):
            return PathInfo(CRED, critical=True, desc=f"credentials in {shown}")
        if inner in _PERSONAL_HOME:
            desc = f"everything in {shown}" if everything else f"the folder {shown}"
            return PathInfo(PERSONAL, everything=True, contents=everything, desc=desc)
        return PathInfo(NAMED, everything=everything, desc=shown)
    if any(norm == d or norm.startswith(d + "/") for d in _TMP_DIRS):
        return PathInfo(TMP, everything=everything, desc=text)
    if top == "dev":
        if (
            norm in _NULL_DEVICES
            or norm.startswith("/dev/fd/")
            or norm.startswith("/dev/pts/")
            or norm.startswith("/dev/std")
        ):
            return PathInfo(NULLDEV, desc=norm)
        if norm.startswith("/dev/tcp/") or norm.startswith("/dev/udp/"):
            return PathInfo(NAMED, desc=norm)
        if _BLOCK_DEVICE.match(norm):
            return PathInfo(DEVICE, True, desc=f"the device {norm}")
        if norm == "/dev" or everything:
            return PathInfo(SYSTEM, True, True, "/dev (the device files)")
        return PathInfo(SYSTEM, False, desc=norm)
    if top in ("proc", "sys"):
        if norm in ("/proc", "/sys"):
            return PathInfo(SYSTEM, True, True, norm)
        # Writes here change the running kernel or hardware. Crash triggers, kernel knobs and
        # hardware controls (fans, power, buses) are critical; tuning knobs are not.
        critical = (
            norm == "/proc/sysrq-trigger"
            or norm.startswith("/proc/sys/kernel/")
            or (top == "sys" and not re.search(r"backlight|leds|brightness|/queue/|scaling_governor", norm))
        )
        return PathInfo(KERNEL, critical, desc=norm)
    if norm == "/var/log" or norm.startswith("/var/log/"):
        if re.fullmatch(r"/var/log/journal(?:/[0-9a-f]{32})?", norm):
            return PathInfo(LOG, False, True, "the systemd journal (every log it keeps)")
        if norm == "/var/log" or everything:
            return PathInfo(LOG, False, True, "the system logs (/var/log)")
        return PathInfo(LOG, False, everything, norm)
    if norm in _SYSTEM_STARTUP or norm.startswith("/etc/profile.d/"):
        return PathInfo(STARTUP, True, desc=f"the system-wide start-up file {norm}")
    if top in _SYSTEM_TOPS:
        critical = norm in _CRITICAL_FILES or any(
            norm == d or norm.startswith(d + "/") for d in _CRITICAL_DIRS
        )
        whole = (
            len(parts) == 1
            or everything
            or norm in ("/usr/local", "/usr/share", "/var/lib", "/etc/ssh", "/usr/lib")
        )
        if len(parts) == 1:
            desc = f"the system directory {norm}"
        elif everything:
            desc = f"everything in {norm}"
        else:
            desc = f"the system path {norm}"
        return PathInfo(SYSTEM, critical or whole, whole, desc)
    if _mounted_drive(parts):  # `rm -rf /mnt/backup/*` empties a whole drive
        desc = f"everything on the drive at {norm}" if everything else f"the drive at {norm}"
        return PathInfo(PERSONAL, everything=True, contents=everything, desc=desc)
    if len(parts) == 1:
        if everything:
            return PathInfo(TOP, False, True, f"everything in the top-level directory {norm}")
        if top in _BROAD_TOPS:
            return PathInfo(TOP, False, True, f"the top-level directory {norm}")
        return PathInfo(TOP, False, True, f"the top-level directory {norm}")
    return PathInfo(NAMED, everything=everything, desc=text)


def _mounted_drive(parts: list) -> bool:
    """Where drives are mounted: `/mnt/NAME`, `/media/NAME` or `/media/USER/LABEL`, `/Volumes/NAME`."""
    top = parts[0]
    return (top in ("mnt", "Volumes") and len(parts) == 2) or (top == "media" and len(parts) in (2, 3))


def worst(infos: list) -> PathInfo:
    """The most important place among `infos`."""
    order = {
        ROOT: 12,
        HOME: 11,
        EMPTYVAR: 10,
        SYSTEM: 9,
        CWD: 8,
        CRED: 7,
        HISTORY: 7,
        STARTUP: 6,
        LOG: 6,
        TOP: 5,
        DEVICE: 9,
        KERNEL: 5,
        PERSONAL: 4,
        OPAQUE: 2,
        NAMED: 1,
        TMP: 0,
        NULLDEV: 0,
    }
    return max(infos, key=lambda p: (order.get(p.cls, 0), p.critical, p.everything))


_BRACE = lazy(r"\{([^{}]*,[^{}]*)\}")


def brace_expand(text: str, limit: int = MAX_ALTERNATIVES) -> tuple:
    """(values, complete): `{a,/}` -> `a`, `/` (unquoted words only; nested groups one at a time).

    `complete` is False when there were more than `limit` values: the rest were not looked at.
    """
    out, todo = [], [text]
    while todo:
        if len(out) + len(todo) > limit:
            return out + todo[: max(0, limit - len(out))], False
        t = todo.pop(0)
        m = _BRACE.search(t)
        if not m:
            out.append(t)
            continue
        todo.extend(t[: m.start()] + part + t[m.end() :] for part in m.group(1).split(","))
    return out, True


def places(word, cwd: tuple = ()) -> tuple:
    """(classes, complete): every value a path word can take (loop values, braces, after `cd`)."""
    values = []
    complete = True
    for v in word.values():
        if "{" in v and not word.quoted:
            expanded, whole = brace_expand(v)
            values.extend(expanded)
            complete = complete and whole
        else:
            values.append(v)
    infos = [classify(v) for v in values]
    for d in cwd:  # `cd / && rm -rf usr`: a relative target is also judged where cd went
        infos.extend(classify(posixpath.join(d, v)) for v in values if v and not v.startswith(("/", "~", "$")))
    return infos, complete


# What each operation does to each class of path.
def delete_level(p: PathInfo, recursive: bool) -> str:
    c = p.cls
    if c in (ROOT, HOME, EMPTYVAR, HISTORY, STARTUP):
        return DANGEROUS
    if c == CRED:
        return DANGEROUS if p.critical else CAUTION
    if c == CWD:  # `rm -r .`, `rm *`, `rm -r ..` (`rm .` alone is refused by rm)
        return DANGEROUS if p.everything and (recursive or p.contents or p.above) else CAUTION
    if c == SYSTEM:
        return DANGEROUS if (recursive or p.critical or p.everything) else CAUTION
    if c == DEVICE:
        return DANGEROUS
    if c == LOG:
        return DANGEROUS if p.everything else CAUTION
    if c == TOP:
        return DANGEROUS if recursive else CAUTION
    if c == PERSONAL:  # `rm -r ~/Documents`, `rm ~/Documents/*`
        return DANGEROUS if recursive or p.contents else CAUTION
    return CAUTION


def overwrite_level(p: PathInfo) -> str:
    c = p.cls
    if c == NULLDEV:
        return SAFE
    if c in (DEVICE, STARTUP, HISTORY, ROOT):
        return DANGEROUS
    if c in (SYSTEM, KERNEL, CRED):
        return DANGEROUS if p.critical else CAUTION
    if c == LOG:
        return DANGEROUS if p.everything else CAUTION
    return CAUTION


def perm_level(p: PathInfo, recursive: bool, locks_out: bool = True) -> str:
    """`locks_out`: the change can cut the owner off (chmod 000, 777 on ~/.ssh); chown to yourself cannot."""
    c = p.cls
    if c in (ROOT, EMPTYVAR):
        return DANGEROUS
    if c == HOME:
        return DANGEROUS if (recursive and locks_out) else CAUTION
    if c == SYSTEM:
        return DANGEROUS if (recursive or p.everything or p.critical) else CAUTION
    if c == CRED:  # `chmod -R 700 ~/.ssh` is what ssh asks for; `chmod -R 777 ~/.ssh` breaks it
        return DANGEROUS if recursive and locks_out else CAUTION
    if c in (TOP, DEVICE, KERNEL):
        return DANGEROUS if recursive else CAUTION
    return CAUTION
