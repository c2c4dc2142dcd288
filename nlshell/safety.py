"""How much can this command hurt? safe / caution / dangerous, with reasons a person can read.

The principle (design.md, "Risk levels"): **dangerous** is irreversible loss at broad scope or
handing control away; **caution** changes state in a bounded or recoverable way; **safe** reads, or
creates without overwriting. The rating walks the parse tree from `validate` (never regexes over the
command text): every simple command that would run, with wrappers peeled off and the strings that
`sh -c`, `eval`, `ssh`, `watch`, `find -exec` and heredocs-to-a-shell execute parsed as code. Quoted
text nothing executes is data. Arguments are judged by what they name: a path class (`/`, home, the
current directory, system dirs, devices, credentials, shell start-up files, ...) and the operation
(delete, overwrite, change permissions, send off the machine).

Code for other interpreters (`python -c`, `perl -e`, `node -e`, ...) has no shell grammar; there the
rater looks for the calls that matter (shell-outs, recursive deletes, fork loops) in the code string.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from nlshell.shell.builtins import SHELLS
from nlshell.shell.collect import MAX_CODE_DEPTH, script_of
from nlshell.shell.interpreters import READS_STDIN, code_flags, interpreter_kind, shell_invocation
from nlshell.shell.model import NESTED_TOO_DEEP, ROOT_WRAPPERS, TOO_MANY_VALUES, Command, Script, Word
from nlshell.shell.options import parse as parse_options
from nlshell.shell.options import read_option
from nlshell.shell.tools import SUBCOMMAND_TOOLS, grammar_of
from nlshell.shell.words import MAX_ALTERNATIVES

__all__ = ["Rating", "rate", "SAFE", "CAUTION", "DANGEROUS"]

SAFE, CAUTION, DANGEROUS = "safe", "caution", "dangerous"
_LEVEL = {SAFE: 0, CAUTION: 1, DANGEROUS: 2}
_NAMES = (SAFE, CAUTION, DANGEROUS)
MAX_REASONS = 6
TOO_DEEP = "the command is nested too deeply to check"
_UNSEEN = {NESTED_TOO_DEEP: TOO_DEEP, TOO_MANY_VALUES: "a word takes more values than can be checked"}


@dataclass
class Rating:
    """A risk level and the reasons for it, most serious first (empty for safe commands)."""

    risk: str
    reasons: list


def rate(command: str, *, tree=None, _script: Script | None = None, _depth: int = 0) -> Rating:
    """Rate `command` (bash syntax). Pass the tree from `validate.parse` to skip parsing again."""
    if not command or not command.strip():
        return Rating(SAFE, [])
    try:
        script = _script if _script is not None else script_of(command, tree, depth=_depth)
        rater = _Rater(script, _depth)
        rater.run()
    except RecursionError:
        # Nesting deeper than Python's stack: what is inside cannot be seen, so it is not cleared.
        return Rating(DANGEROUS, [TOO_DEEP])
    return rater.result()


# =============================================================================================
# Path classes
# =============================================================================================

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
) = (
    "root", "home", "cwd", "system", "top", "emptyvar", "cred", "startup", "history", "log", "kernel",
    "device", "nulldev", "tmp", "named", "opaque",
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
    "/etc/systemd", "/etc/init.d", "/usr/local/bin", "/usr/local/sbin", "/System", "/dev",
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
_BLOCK_DEVICE = re.compile(
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
_HISTORY_HOME = frozenset(
    ".bash_history .zsh_history .history .local/share/fish/fish_history .python_history .node_repl_history .mysql_history .psql_history .lesshst .viminfo .zhistory .sh_history".split()
)
_PRIVATE_KEY_NAME = re.compile(
    r"(?:^|/)(?:id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?|[^/]*\.(?:pem|key|p12|pfx|jks|keystore|ppk|kdbx)|\.env(?:\.[\w.-]+)?|credentials(?:\.json)?|secrets?\.(?:json|ya?ml|toml)|shadow|master\.key|service[-_]account[^/]*\.json)$"
)
_PURE_GLOB = re.compile(
    r"^(?:\*|\.\*|\*\.\*|\?\*|\.\?\*|\.\[!.\]\*|\[!.\]\*|\.\[\^.\]\*|\{\*,\.\*\}|\{\.\*,\*\}|\*\*|\.\.\?\*)$"
)
_VAR_PREFIX = re.compile(r"^\$\{([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])(?:(:?[-=?+])([^}]*))?\}(.*)$", re.S)
_HOME_VARS = frozenset({"HOME", "ZDOTDIR", "USERPROFILE"})
_TMP_VARS = frozenset({"TMPDIR", "TMP", "TEMP", "TEMPDIR", "XDG_RUNTIME_DIR", "RUNNER_TEMP"})
_CWD_VARS = frozenset({"PWD"})


@dataclass(slots=True)
class PathInfo:
    cls: str
    critical: bool = False  # a file or tree the system cannot run without
    everything: bool = False  # the whole directory or all of its contents
    desc: str = ""


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
    """(parent, True) when the last component is a bare wildcard such as `*` or `.*`."""
    stripped = path.rstrip("/")
    parent, _, last = stripped.rpartition("/")
    if _PURE_GLOB.match(last) or re.fullmatch(r"!\(.*\)", last):  # `!(keep)`: all but some
        if not parent and stripped.startswith("/"):
            return "/", True
        return parent if "/" in stripped else ".", True
    return path, False


def _classify_relative(t: str, text: str) -> PathInfo:
    if t == "!":  # what the grammar leaves of an extglob `!(keep)`: everything but some names
        return PathInfo(CWD, everything=True, desc="everything in the current directory but the names in !(...)")
    path, everything = _split_glob(t)
    norm = posixpath.normpath(path) if path else "."
    if norm == ".":
        if everything:
            return PathInfo(CWD, everything=True, desc="everything in the current directory")
        return PathInfo(CWD, everything=True, desc="the current directory")
    if all(part == ".." for part in norm.split("/")):  # .. ../..
        prefix = "everything in " if everything else ""
        return PathInfo(
            CWD,
            everything=True,
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
    if len(parts) == 1:
        if everything:
            return PathInfo(TOP, False, True, f"everything in the top-level directory {norm}")
        if top in _BROAD_TOPS:
            return PathInfo(TOP, False, True, f"the top-level directory {norm}")
        return PathInfo(TOP, False, True, f"the top-level directory {norm}")
    return PathInfo(NAMED, everything=everything, desc=text)


def _worst(infos: list) -> PathInfo:
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
        OPAQUE: 2,
        NAMED: 1,
        TMP: 0,
        NULLDEV: 0,
    }
    return max(infos, key=lambda p: (order.get(p.cls, 0), p.critical, p.everything))


_BRACE = re.compile(r"\{([^{}]*,[^{}]*)\}")


def _brace_expand(text: str, limit: int = MAX_ALTERNATIVES) -> tuple:
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


def _paths(word: Word, cwd: tuple = ()) -> tuple:
    """(classes, complete): every value a path word can take (loop values, braces, after `cd`)."""
    values = []
    complete = True
    for v in word.values():
        if "{" in v and not word.quoted:
            expanded, whole = _brace_expand(v)
            values.extend(expanded)
            complete = complete and whole
        else:
            values.append(v)
    infos = [classify(v) for v in values]
    for d in cwd:  # `cd / && rm -rf usr`: a relative target is also judged where cd went
        infos.extend(classify(posixpath.join(d, v)) for v in values if v and not v.startswith(("/", "~", "$")))
    return infos, complete


# What each operation does to each class of path.
def _delete_level(p: PathInfo, recursive: bool) -> str:
    c = p.cls
    if c in (ROOT, HOME, EMPTYVAR, HISTORY, STARTUP):
        return DANGEROUS
    if c == CRED:
        return DANGEROUS if p.critical else CAUTION
    if c == CWD:
        return (
            DANGEROUS
            if (p.everything and (recursive or "everything" in p.desc or "parent" in p.desc))
            else CAUTION
        )
    if c == SYSTEM:
        return DANGEROUS if (recursive or p.critical or p.everything) else CAUTION
    if c == DEVICE:
        return DANGEROUS
    if c == LOG:
        return DANGEROUS if p.everything else CAUTION
    if c == TOP:
        return DANGEROUS if recursive else CAUTION
    return CAUTION


def _overwrite_level(p: PathInfo) -> str:
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


def _perm_level(p: PathInfo, recursive: bool, locks_out: bool = True) -> str:
    """`locks_out`: the change can cut the owner off (chmod 000, 777 on ~/.ssh); chown to yourself cannot."""
    c = p.cls
    if c in (ROOT, EMPTYVAR):
        return DANGEROUS
    if c == HOME:
        return DANGEROUS if (recursive and locks_out) else CAUTION
    if c == SYSTEM:
        return DANGEROUS if (recursive or p.everything or p.critical) else CAUTION
    if c in (TOP, CRED, DEVICE, KERNEL):
        return DANGEROUS if recursive else CAUTION
    return CAUTION


# =============================================================================================
# Option parsing shared by the rules
# =============================================================================================


@dataclass(slots=True)
class _Opts:
    short: set
    long: dict
    values: dict
    operands: list
    words: list  # every option word as written


def _opts(
    args: list,
    with_value: str = "",
    long_with_value: frozenset | set = frozenset(),
    *,
    numeric_ok: bool = False,
) -> _Opts:
    short: set = set()
    long: dict = {}
    values: dict = {}
    operands: list = []
    words: list = []
    i, n = 0, len(args)
    while i < n:
        w = args[i]
        t = w.text
        if t == "--" and w.literal:
            operands.extend(args[i + 1 :])
            break
        if t.startswith("--") and len(t) > 2 and w.literal:
            words.append(t)
            name, eq, value = t.partition("=")
            if eq:
                long[name] = value
                values.setdefault(name, []).append(value)
            elif name in long_with_value and i + 1 < n:
                long[name] = args[i + 1].text
                values.setdefault(name, []).append(args[i + 1].text)
                i += 1
            else:
                long[name] = ""
            i += 1
            continue
        if t.startswith("-") and len(t) > 1 and w.literal and not (numeric_ok and t[1:].isdigit()):
            words.append(t)
            j = 1
            while j < len(t):
                ch = t[j]
                short.add(ch)
                if ch in with_value:
                    value = t[j + 1 :]
                    if not value and i + 1 < n:
                        i += 1
                        value = args[i].text
                    values.setdefault("-" + ch, []).append(value)
                    break
                j += 1
            i += 1
            continue
        operands.append(w)
        i += 1
    return _Opts(short, long, values, operands, words)


def _has(o: _Opts, short: str = "", *longs: str) -> bool:
    return any(c in o.short for c in short) or any(lg in o.long for lg in longs)


def _shown(word: Word) -> str:
    text = word.raw or word.text
    return text if len(text) <= 60 else text[:57] + "..."


# =============================================================================================
# Program knowledge
# =============================================================================================

DOWNLOADERS = frozenset(
    "curl wget fetch aria2c http https httpie xh lynx links w3m elinks nc ncat netcat socat ftp tftp "
    "iwr invoke-webrequest irm invoke-restmethod dig host nslookup drill".split()
)


def is_download(cmd: Command) -> bool:
    """Does this command print something fetched from the network?"""
    name = cmd.name
    if name in DOWNLOADERS:
        return True
    words = [a.text for a in cmd.args[:3]]
    if name in ("gh", "glab"):
        return "api" in words[:1] or words[:2] in (["release", "download"], ["gist", "view"])
    if name == "openssl":
        return words[:1] == ["s_client"]
    if name == "ssh" or "ssh" in cmd.wrappers:
        return True  # text from another host
    return False


DECODERS = frozenset(
    "base64 base32 basenc xxd uudecode rev gunzip zcat bzcat xzcat gzip bzip2 xz zstd unzstd openssl gpg tr perl python python3 ruby node".split()
)
_ENV_SETUP = frozenset(
    "ssh-agent dircolors brew pyenv rbenv nodenv jenv goenv direnv starship zoxide thefuck fnm opam "
    "nlshell keychain gpg-agent luarocks conda mamba micromamba mise rtx atuin fzf gh kubectl "
    "register-python-argcomplete pipx poetry rustup npm uv just asdf chruby ssh-add tmux gnome-keyring-daemon "
    "dbus-launch resize locale".split()
)
SYSTEM_DAEMONS = frozenset(
    """
    systemd init launchd sshd ssh dbus-daemon dbus Xorg X Xwayland gdm gdm3 sddm lightdm gnome-shell
    plasmashell kwin_x11 kwin_wayland NetworkManager wpa_supplicant login getty agetty cron crond
    rsyslogd syslogd systemd-journald journald udevd systemd-udevd systemd-logind polkitd kthreadd
    containerd dockerd kubelet networkd systemd-networkd systemd-resolved auditd firewalld bash zsh sh
    fish tmux screen sudo loginwindow WindowServer kernel_task launchd
    """.split()
)
ESSENTIAL_PACKAGES = frozenset(
    """
    libc6 libc-bin glibc systemd systemd-sysv init coreutils bash dash sudo apt dpkg rpm yum dnf pacman
    base base-files util-linux login passwd linux-image-generic linux-generic kernel kernel-core grub
    grub2 grub-pc grub-efi-amd64 grub2-common libpam0g libpam-modules pam perl-base python3 python
    findutils grep sed tar gzip mount procps openssh-server libselinux zlib1g libstdc++6 ubuntu-minimal
    ubuntu-desktop apt-utils
    """.split()
)
SECRET_VAR = re.compile(
    r"(?i)(secret|token|passw(?:or)?d|passphrase|api_?key|access_?key|private_?key|credential|auth|session)"
)
_CLOUD_TOOLS = frozenset(
    "terraform tofu terragrunt aws gcloud gsutil az azcopy mc rclone restic borg velero vault doppler op glab gh heroku fly flyctl "
    "vercel netlify wrangler doctl linode-cli hcloud oci ibmcloud s3cmd b2 firebase supabase pulumi eksctl "
    "kubectl helm oc k9s nomad consul gitlab-rails gitlab-rake gitlab-ctl sentry-cli stripe twilio "
    "exoscale scw upctl vultr-cli civo crane gcrane skopeo oras regctl".split()
)
_DESTRUCTIVE_VERB = re.compile(
    r"^(?:delete|destroy|remove|rm|rb|purge|prune|drop|uninstall|disable|revoke|terminate|deregister|forget|"
    r"untag|unset|cleanup|dedupe|break-lock|compact|recreate|wipe|erase|flush\w*|reset|deletefile|rmdir|"
    r"archive|restore|kill|stop|scale|drain|cordon|evict|move|sync|mirror|uninstall|release:perform|"
    r"(?:batch-)?delete-[\w-]+|[\w-]+-delete|terminate-[\w-]+|remove-[\w-]+|disable-[\w-]+|destroy_all|"
    r"[\w:]+:restore|undeploy|unpublish|yank|deprecate|unlink)$"
)
_DELETE_FLAG = re.compile(r"^--(?:delete|remove|purge|wipe|erase|destroy|force-delete|prune|drop)(?:[-=]|$)")
_CLOUD_VERB_PART = re.compile(
    r"(?:^|-)(?:delete|remove|destroy|terminate|purge|drop|deregister|revoke|disable|wipe|erase|uninstall|prune|detach|disassociate|cancel)(?:-|$)"
)
_SQL_DANGEROUS = re.compile(
    r"(?is)\b(?:drop\s+(?:database|schema|table|keyspace|user|owned)|truncate\s+(?:table\s+)?\w|delete\s+from\s+[\w.\"`]+\s*(?:;|$)|dropDatabase\s*\(|\.drop\s*\(\s*\)|flushall|flushdb|deleteMany\s*\(\s*\{\s*\}\s*\))"
)
_SQL_WRITE = re.compile(
    r"(?is)\b(?:insert|update|delete|alter|create|grant|revoke|replace|merge|rename|drop|vacuum|reindex|set)\b"
)


def _is_remote(text: str) -> bool:
    """`host:path` / `user@host:path` as scp and rsync write them (not `./a:b`, not URLs)."""
    if "://" in text:
        return True
    head, sep, _ = text.partition(":")
    return bool(sep) and bool(head) and "/" not in head and not head.startswith(".")


def _remote_path(text: str) -> str:
    if "://" in text:
        rest = text.split("://", 1)[1]
        return "/" + rest.split("/", 1)[1] if "/" in rest else "/"
    path = text.partition(":")[2]
    return path if path.startswith("/") else ("~/" + path if path else "~")


def _local_host(url: str) -> bool:
    m = re.match(r"^(?:\w+://)?(?:[^@/]*@)?(\[[^\]]*\]|[^:/]+)", url)
    host = m.group(1) if m else ""
    return host in ("localhost", "127.0.0.1", "[::1]", "0.0.0.0") or host.startswith("127.")


# =============================================================================================
# The rater
# =============================================================================================


class _Rater:
    def __init__(self, script: Script, depth: int) -> None:
        self.script = script
        self.depth = depth
        self.found: list = []  # (level, reason)
        self.downloaded: set = set()  # files this command line fetches from the network
        self.written: dict = {}  # file -> literal text this command line writes into it
        self.cwd: list = []  # directories `cd` moved to earlier in the line (only ever escalates)

    # results -------------------------------------------------------------------------------
    def add(self, level: str, reason: str, cmd: Command | None = None) -> None:
        if level == SAFE:
            return
        if cmd is not None and cmd.remote:
            reason = "on the remote host: " + reason
        self.found.append((level, reason))

    def result(self) -> Rating:
        if not self.found:
            return Rating(SAFE, [])
        top = max(_LEVEL[level] for level, _ in self.found)
        ordered = sorted(self.found, key=lambda f: -_LEVEL[f[0]])
        reasons: list = []
        for _level, reason in ordered:
            if reason not in reasons:
                reasons.append(reason)
        return Rating(_NAMES[top], reasons[:MAX_REASONS])

    def nested(self, code: str, kind: str = "shell", cmd: Command | None = None) -> Rating:
        """Rate a string some program will run as code."""
        if not code.strip():
            return Rating(SAFE, [])
        if self.depth >= MAX_CODE_DEPTH:  # not looked at, so not cleared
            return Rating(DANGEROUS, [TOO_DEEP])
        if kind in ("shell", "remote"):
            return rate(code, _depth=self.depth + 1)
        sub = _Rater(Script(source=code), self.depth + 1)
        sub.interpreter_code(kind, code, cmd)
        return sub.result()

    def paths(self, word: Word) -> list:
        infos, complete = _paths(word, tuple(self.cwd))
        if not complete:
            self.add(DANGEROUS, _UNSEEN[TOO_MANY_VALUES])
        return infos

    def merge(self, rating: Rating, cmd: Command | None = None, prefix: str = "") -> None:
        for reason in rating.reasons:
            self.add(rating.risk, prefix + reason, cmd)

    # walk ----------------------------------------------------------------------------------
    def run(self) -> None:
        script = self.script
        pipelines: dict = {}  # id -> every command in it (a stage may be a group of commands)
        for cmd in script.commands:
            self.command(cmd)
            if cmd.pipeline is not None:
                pipelines.setdefault(id(cmd.pipeline), []).append(cmd)
        for members in pipelines.values():
            self.pipeline(members)
        for run in script.code:
            self.code_run(run)
        self.fork_bombs()
        for why in script.unseen:
            self.add(DANGEROUS, _UNSEEN[why])

    def command(self, cmd: Command) -> None:
        if cmd.as_root:
            self.add(CAUTION, f"runs as root ({next(w for w in cmd.wrappers if w in ROOT_WRAPPERS)})", cmd)
        self.redirects(cmd)
        self.assignments(cmd)
        if not cmd.argv:
            if (
                cmd.wrappers
                and cmd.wrappers[-1] in ("su", "sudo", "doas", "run0")
                and not any(r for r in self.script.code if r.by is cmd)
            ):
                self.add(CAUTION, "opens a root shell", cmd)
            return
        name = cmd.name
        if not name:
            if not cmd.argv[0].literal:
                self.opaque_name(cmd)
            return
        if cmd.loop is not None and cmd.background:
            self.loop_spawn(cmd)
        args = cmd.args
        if "/" in cmd.argv[0].text:
            self.runs_file(cmd, cmd.argv[0].text)
        if name in ("cd", "pushd") and cmd.depth == 0:
            target = args[-1].text if args else "~"  # a bare `cd` goes home
            if target.startswith(("/", "~", "$")):
                self.cwd.append(target)
        if name == "alias":
            for a in args:
                alias, eq, body = a.text.partition("=")
                inner = self.nested(body) if eq else Rating(SAFE, [])
                if inner.risk == DANGEROUS:
                    self.add(DANGEROUS, f"defines `{alias}` as a command that {inner.reasons[0]}", cmd)
        if name == "trap":
            action = [a for a in args if a.text != "--"][:1]
            if action and not action[0].text.startswith("-"):  # not `trap -p` / `trap -l`
                self.merge(self.nested(action[0].text), cmd)
        if _asks_for_help(name, args):
            return
        if name in ("true", ":", "false") or name.startswith("!"):
            return
        handler = _RULES.get(name)
        if handler is None:
            if (
                name.startswith("mkfs")
                or name.startswith("mke2fs")
                or name.startswith("newfs")
                or name.startswith("mkfs_")
            ):
                handler = _Rater.r_mkfs
            elif name in SHELLS:
                handler = _Rater.r_shell
            elif interpreter_kind(name):
                handler = _Rater.r_interpreter
            elif name in _CLOUD_TOOLS:
                handler = _Rater.r_cloud
        if handler is not None:
            handler(self, cmd)
        else:
            flag = next((a.text for a in args if a.literal and _DELETE_FLAG.match(a.text)), None)
            if flag:
                self.add(CAUTION, f"{name} {flag.split('=')[0]} changes or deletes data", cmd)
        if cmd.origin == "xargs" or (cmd.parent is not None and cmd.origin and cmd.origin.startswith("find")):
            self.via_input(cmd)

    # ---- redirects and assignments ----------------------------------------------------------
    def redirects(self, cmd: Command) -> None:
        name = cmd.name
        for r in cmd.redirects:
            op = r.op
            if op in ("<<", "<<<"):
                continue
            target = r.target
            if target is None:
                continue
            text = target.text
            if op in (">&", "<&") and (text.isdigit() or text == "-"):
                continue
            if op.endswith("&-") or text == "-" and op in (">&", "<&"):
                continue
            if text.startswith("/dev/tcp/") or text.startswith("/dev/udp/"):
                if name in SHELLS or name in ("sh", "bash", "zsh", "exec"):
                    self.add(
                        DANGEROUS,
                        f"connects a shell to {text[5:]} (a reverse shell hands control of this machine away)",
                        cmd,
                    )
                elif op.startswith(">") or op.startswith("&>"):
                    self.add(CAUTION, f"sends data to {text[5:]}", cmd)
                continue
            infos = self.paths(target)
            if op in ("<",):
                for p in infos:
                    if p.cls == DEVICE and p.desc.endswith("/dev/port"):
                        self.add(DANGEROUS, "reads /dev/port, which can hang the machine", cmd)
                continue
            p = _worst(infos)
            if op in (">>", "&>>"):
                self.record_write(cmd, target.text, append=True)
                if self.endless_writer(cmd) and p.cls not in (NULLDEV, DEVICE, KERNEL):
                    self.add(
                        DANGEROUS, f"writes endless data to {_shown(target)} until the disk is full", cmd
                    )
                elif p.cls == DEVICE or (p.cls == KERNEL and p.critical):
                    self.add(DANGEROUS, f"writes to {p.desc}", cmd)
                elif p.cls == KERNEL:
                    self.add(CAUTION, f"changes the kernel setting {p.desc}", cmd)
                elif p.cls == STARTUP:
                    self.startup_append(cmd, p)
                elif p.cls == SYSTEM and p.critical:
                    content = self.literal_output([cmd]) if cmd.argv else None
                    if "sudoers" in p.desc and content and "NOPASSWD" in content:
                        self.add(DANGEROUS, "lets an account run anything as root without a password (sudoers)", cmd)
                    else:
                        self.add(CAUTION, f"appends to {p.desc}", cmd)
                elif p.cls == CRED:
                    self.add(CAUTION, f"appends to {p.desc}", cmd)
                continue
            if op == "<>":
                if p.cls in (DEVICE, KERNEL):
                    self.add(DANGEROUS, f"opens {p.desc} for writing", cmd)
                continue
            self.record_write(cmd, target.text, append=False)
            # > >| &> >&: the target is truncated first.
            if self.endless_writer(cmd) and p.cls not in (NULLDEV, DEVICE, KERNEL):
                self.add(DANGEROUS, f"writes endless data to {_shown(target)} until the disk is full", cmd)
                continue
            level = _overwrite_level(p)
            if level == SAFE:
                continue
            what = "empties" if not cmd.argv else "overwrites"
            if p.cls == DEVICE:
                self.add(level, f"writes over {p.desc} (everything on it is lost)", cmd)
            elif p.cls == HISTORY:
                self.add(level, "wipes your shell history", cmd)
            elif p.cls == KERNEL:
                self.add(
                    level,
                    f"writes to the kernel file {p.desc}"
                    if level == DANGEROUS
                    else f"changes the kernel setting {p.desc}",
                    cmd,
                )
            elif p.cls in (STARTUP, CRED):
                self.add(level, f"{what} {p.desc}", cmd)
            elif p.cls == SYSTEM and p.critical:
                self.add(level, f"{what} the system file {_shown(target)}", cmd)
            elif p.cls == LOG and level == DANGEROUS:
                self.add(level, f"wipes {p.desc}", cmd)
            else:
                self.add(level, f"{what} {_shown(target)} if it exists (> redirect)", cmd)

    def record_write(self, cmd: Command, path: str, append: bool) -> None:
        content = self.literal_output([cmd]) if cmd.argv else None
        key = _file_key(path)
        if content is None:
            self.written.pop(key, None)
            return
        self.written[key] = (self.written.get(key, "") + "\n" if append else "") + content

    def endless_writer(self, cmd: Command) -> bool:
        """Is this command's output endless (`yes`, `cat /dev/zero`)?"""
        name = cmd.name
        if name == "yes":
            return True
        if (
            name == "cat"
            and cmd.args
            and all(a.text in ("/dev/zero", "/dev/urandom", "/dev/random") for a in cmd.args)
        ):
            return True
        return False

    def startup_append(self, cmd: Command, p: PathInfo) -> None:
        """`echo ... >> ~/.bashrc`: what is added runs in every new shell."""
        content = ""
        if cmd.name in ("echo", "printf"):
            content = " ".join(a.text for a in cmd.args if not (a.text.startswith("-") and len(a.text) <= 3))
        else:
            content = next((r.body for r in cmd.redirects if r.op in ("<<", "<<<") and r.body), "")
        if content:
            inner = self.nested(content)
            if inner.risk == DANGEROUS:
                self.add(DANGEROUS, f"adds code that {inner.reasons[0]} to {p.desc}", cmd)
                return
        self.add(CAUTION, f"changes {p.desc}", cmd)

    def assignments(self, cmd: Command) -> None:
        for name, value in cmd.assignments.items():
            if name == "HISTFILE" and (value in ("/dev/null", "")):
                self.add(CAUTION, "turns off saving shell history", cmd)
            elif name in ("HISTSIZE", "HISTFILESIZE", "SAVEHIST") and value.strip() in ("0", ""):
                self.add(CAUTION, "turns off shell history", cmd)
            elif name == "LD_PRELOAD" and value:
                self.add(CAUTION, "preloads a library into every program it starts (LD_PRELOAD)", cmd)
            elif name == "PROMPT_COMMAND" and value:
                self.merge(self.nested(value), cmd)
            elif (
                name == "PATH"
                and value
                and not value.startswith("$")
                and "${PATH}" not in value
                and "$PATH" not in value
            ):
                self.add(CAUTION, "replaces PATH", cmd)

    # ---- opaque program names ---------------------------------------------------------------
    def opaque_name(self, cmd: Command) -> None:
        w = cmd.argv[0]
        text = w.text
        if text in ("${0}", "$0"):
            if cmd.background or cmd.loop is not None:
                self.add(DANGEROUS, "starts copies of itself in the background (a fork bomb)", cmd)
            else:
                self.add(CAUTION, "runs the current shell or script again ($0)", cmd)
            return
        if text in ("${EDITOR}", "${VISUAL}", "${PAGER}", "${SHELL}", "${BROWSER}"):
            return
        inner = self.substitution_commands(w)
        if any(is_download(c) for c in inner):
            self.add(DANGEROUS, "runs a command fetched from the network", cmd)
            return
        if inner and all(c.name in ("echo", "printf") for c in inner):
            produced = " ".join(" ".join(a.text for a in c.args if not a.text.startswith("-")) for c in inner)
            rest = " ".join(a.text for a in cmd.args)
            self.merge(self.nested((produced + " " + rest).strip()), cmd)
            return
        if cmd.depth > 0 and any(r.opaque and r.by is cmd.parent for r in self.script.code):
            return  # the string it came from is judged as a whole in code_run
        self.add(CAUTION, f"runs a command only known at run time ({_shown(w)})", cmd)

    def substitution_commands(self, word: Word) -> list:
        """The commands inside a word's $(...) / <(...) substitutions."""
        nodes = set()
        for sub in word.subs:
            nodes.add((sub.start_byte, sub.end_byte))
        if not nodes:
            return []
        found = []
        for c in self.script.commands:
            n = c.node
            if n is not None and c.depth == 0:
                for start, end in nodes:
                    if start < n.start_byte and n.end_byte <= end:  # strictly inside `$(` ... `)`
                        found.append(c)
                        break
        if not found:
            # The word came from a nested string: parse the substitution text itself.
            for sub in word.subs:
                inner_text = sub.text.decode("utf-8", "replace")
                inner_text = (
                    inner_text[2:-1] if inner_text.startswith(("$(", "<(", ">(")) else inner_text.strip("`")
                )
                found.extend(script_of(inner_text).commands)
        return found

    # ---- background spawning ----------------------------------------------------------------
    def loop_spawn(self, cmd: Command) -> None:
        loop = cmd.loop
        if loop.infinite:
            self.add(
                DANGEROUS,
                "starts a new background process on every pass of an endless loop (a fork bomb)",
                cmd,
            )
        elif loop.iterations is not None and loop.iterations >= 1000:
            self.add(DANGEROUS, f"starts {loop.iterations:,} background processes at once", cmd)

    def fork_bombs(self) -> None:
        functions = self.script.functions
        if not functions:
            return
        for fname in functions:
            body = [c for c in self.script.commands if c.function == fname]
            recursive = [c for c in body if c.argv and c.argv[0].text == fname]
            if not recursive:
                continue
            spawning = (
                any(c.background for c in recursive)
                or any(
                    c.pipeline is not None
                    and sum(
                        1 for s in c.pipeline.stages if s is not None and s.argv and s.argv[0].text == fname
                    )
                    >= 2
                    for c in recursive
                )
                or len(recursive) >= 2
            )
            if not spawning:
                continue
            called = any(
                c.argv and c.argv[0].text == fname and c.function != fname for c in self.script.commands
            )
            if called:
                self.add(
                    DANGEROUS,
                    f"is a fork bomb: `{fname}` keeps starting copies of itself until the system stalls",
                )
            else:
                self.add(CAUTION, f"defines a fork bomb (`{fname}`)")

    # ---- pipelines --------------------------------------------------------------------------
    def pipeline(self, members: list) -> None:
        """`a | b`: what each stage does with what the stages before it write."""
        for cmd in members:
            if cmd.stage == 0:
                continue
            upstream = [s for s in members if s.stage < cmd.stage]
            kind = self.reads_code_from_stdin(cmd)
            if kind:
                self.piped_code(cmd, kind, upstream)
            if self.sends_stdin(cmd):
                creds = [self.credential_source(s) for s in upstream]
                creds = [c for c in creds if c]
                if creds:
                    self.add(DANGEROUS, f"sends {creds[0]} off the machine", cmd)
                elif cmd.name in ("nc", "ncat", "netcat", "socat", "telnet"):
                    self.add(CAUTION, "sends data over the network", cmd)
            if cmd.name in (
                "mysql", "psql", "sqlite3", "mariadb", "clickhouse-client", "cqlsh", "mongo", "mongosh",
                "redis-cli",
            ):
                sql = self.literal_output(upstream)
                if sql:
                    self.sql(cmd, sql)

    def reads_code_from_stdin(self, cmd: Command) -> str | None:
        name = cmd.name
        if name in SHELLS:
            code_i, script_i = shell_invocation(cmd.argv)
            if code_i is None and (script_i is None or cmd.argv[script_i].text in ("-", "/dev/stdin")):
                return "shell"
            return None
        kind = interpreter_kind(name)
        if kind and kind in READS_STDIN:
            o = parse_options(cmd.args, grammar_of(name))
            if kind == "python" and (_has(o, "cm") or o.values.get("-c") or o.values.get("-m")):
                return None
            if kind != "python" and (
                any(f in o.values for f in code_flags(kind))
                or any(w in ("-e", "-E", "-r", "--eval", "-p", "-c") for w in o.words)
            ):
                return None
            if not o.operands or o.operands[0].text in ("-", "/dev/stdin"):
                return kind
            return None
        if name in ("source", ".") and cmd.args and cmd.args[0].text in ("/dev/stdin", "-"):
            return "shell"
        if name in ("at", "batch") and not any(a.text in ("-f", "-l", "-c", "-r", "-d") for a in cmd.args):
            return "shell"
        return None

    def piped_code(self, cmd: Command, kind: str, upstream: list) -> None:
        what = "a shell" if kind == "shell" else kind
        if any(is_download(s) for s in upstream):
            self.add(DANGEROUS, f"pipes a download into {what} (runs code fetched from the network)", cmd)
            return
        for s in upstream:
            if s.name in DECODERS and self.is_decoding(s):
                self.add(DANGEROUS, f"runs an encoded string as code ({s.name} | {cmd.name})", cmd)
                return
        text = self.literal_output(upstream)
        if text is not None:
            self.merge(self.nested(text, "shell" if kind == "shell" else kind, cmd), cmd)
            return
        if upstream and upstream[-1].name == "cat" and upstream[-1].args:
            self.add(CAUTION, f"runs {_shown(upstream[-1].args[-1])} as a script", cmd)
            return
        if upstream and not upstream[-1].name:
            self.add(DANGEROUS, f"runs an opaque string as code (pipes it into {what})", cmd)
            return
        self.add(CAUTION, f"runs the output of `{upstream[-1].name if upstream else '?'}` as code", cmd)

    def is_decoding(self, cmd: Command) -> bool:
        name = cmd.name
        words = [a.text for a in cmd.args]
        if name in ("base64", "base32", "basenc"):
            return any(
                w in ("-d", "--decode", "-D") or (w.startswith("-") and not w.startswith("--") and "d" in w)
                for w in words
            )
        if name == "xxd":
            return any(w.startswith("-r") or w == "-revert" for w in words)
        if name in ("openssl",):
            return any(w in ("-d", "base64", "enc") for w in words)
        if name == "gpg":
            return any(w in ("-d", "--decrypt") for w in words)
        if name in ("rev", "uudecode", "gunzip", "zcat", "bzcat", "xzcat", "unzstd"):
            return True
        if name in ("gzip", "bzip2", "xz", "zstd"):
            return any(w in ("-d", "--decompress", "-dc", "-cd") for w in words)
        if name == "tr":
            return True
        if name in ("perl", "python", "python3", "ruby", "node"):
            text = " ".join(words)
            return bool(re.search(r"(?i)b64decode|decode_base64|unpack|base64|fromhex|\\x[0-9a-f]{2}", text))
        return False

    def literal_output(self, upstream: list) -> str | None:
        """Text an `echo`/`printf` chain writes when every word of it is literal."""
        if not upstream:
            return None
        last = upstream[-1]
        if last.name in ("echo", "printf") and all(a.literal for a in last.args):
            words = [a.text for a in last.args]
            while words and re.fullmatch(r"-[neE]+", words[0]):
                words = words[1:]
            text = " ".join(words)
            if last.name == "printf" or "-e" in [a.text for a in last.args]:
                text = text.replace("\\n", "\n").replace("\\t", "\t")
            return text
        if last.name == "cat" and not last.args:
            body = next(
                (r.body for r in last.redirects if r.op in ("<<", "<<<") and r.body is not None), None
            )
            return body
        return None

    def sends_stdin(self, cmd: Command) -> bool:
        name = cmd.name
        if name in (
            "nc", "ncat", "netcat", "socat", "telnet", "sendmail", "mail", "mailx", "mutt", "pastebinit",
            "termbin", "curl", "wget", "http", "https", "xh", "ssh", "openssl", "gh", "aws", "gsutil",
            "rclone",
        ):
            if name == "curl":
                return any(a.text in ("@-", "-") or a.text.endswith("@-") for a in cmd.args) or any(
                    a.text in ("-T", "--upload-file") for a in cmd.args
                )
            if name == "wget":
                return any("/dev/stdin" in a.text for a in cmd.args)
            if name in ("aws", "gsutil", "rclone"):
                return any(a.text == "-" for a in cmd.args)
            if name == "openssl":
                return bool(cmd.args) and cmd.args[0].text == "s_client"
            if name == "gh":
                return any(a.text == "gist" for a in cmd.args)
            return True
        return False

    def credential_source(self, cmd: Command) -> str | None:
        """What secret this command prints, if it prints one."""
        name = cmd.name
        if name in ("env", "printenv") and not cmd.args:
            return "your environment variables (API keys and tokens included)"
        if name in ("set", "export", "declare") and (not cmd.args or cmd.args[0].text in ("-p", "-x")):
            return "your shell variables (secrets included)"
        if name == "gpg" and any(
            a.text in ("--export-secret-keys", "--export-secret-subkeys") for a in cmd.args
        ):
            return "your private GPG keys"
        if name in ("security",) and any(a.text.startswith("find-") for a in cmd.args):
            return "a keychain password"
        if name in ("pass", "op", "vault", "aws", "gcloud", "az", "gh") and any(
            a.text
            in (
                "show",
                "read",
                "get",
                "print-access-token",
                "export-credentials",
                "get-secret-value",
                "token",
            )
            for a in cmd.args
        ):
            return "a stored secret"
        for a in cmd.args:
            for p in self.paths(a):
                if p.cls == CRED or (p.cls == SYSTEM and p.desc.endswith("/etc/shadow")):
                    return p.desc if p.desc.startswith("credentials") else f"credentials ({_shown(a)})"
        for r in cmd.redirects:
            if r.op == "<" and r.target is not None:
                p = classify(r.target.text)
                if p.cls == CRED:
                    return p.desc
        for a in cmd.args:
            m = re.search(r"\$\{(\w+)\}", a.text)
            if m and SECRET_VAR.search(m.group(1)) and name in ("echo", "printf", "cat"):
                return f"the secret in ${m.group(1)}"
        return None

    # ---- strings executed as code ----------------------------------------------------------
    def code_run(self, run) -> None:
        if not run.opaque:
            return
        by = run.by
        word_text = run.text or ""
        producers: list = []
        if run.text:
            producers = script_of(word_text).commands
        how = (
            by.wrappers[-1]
            if by is not None and by.wrappers and not by.argv
            else (by.name if by is not None else "eval")
        )
        if any(is_download(c) for c in producers):
            self.add(DANGEROUS, f"runs code fetched from the network ({how})", by)
            return
        if any(c.name in DECODERS and self.is_decoding(c) for c in producers):
            self.add(DANGEROUS, f"runs an encoded string as code ({how})", by)
            return
        real = [c for c in producers if c.name]
        if (
            real
            and all(c.name in _ENV_SETUP or _prints_shell_setup(c) for c in real[:1])
            and not any(self.reads_code_from_stdin(c) for c in real)
        ):
            shown = " ".join(a.text for a in real[0].argv)
            self.add(CAUTION, f"runs the output of `{shown}` as shell code", by)
            return
        self.add(DANGEROUS, f"runs an opaque string as code ({how} {word_text[:40]})", by)

    # ---- input-driven commands (xargs, find -exec) -----------------------------------------
    def via_input(self, cmd: Command) -> None:
        if cmd.name not in _DESTROYERS:
            return
        source = None
        if cmd.origin == "xargs" and cmd.pipeline is not None:
            source = next(
                (
                    s
                    for s in cmd.pipeline.stages[: cmd.stage]
                    if s is not None and s.name in ("find", "fd", "fdfind", "ls", "locate")
                ),
                None,
            )
        elif cmd.parent is not None and cmd.parent.name in ("find", "fd", "fdfind"):
            source = cmd.parent
        if source is None:
            if cmd.origin == "xargs":
                self.add(CAUTION, f"runs `{cmd.name}` on every name it reads", cmd)
            return
        scope = self.find_scope(source)
        if scope is not None:
            self.add(DANGEROUS, f"runs `{cmd.name}` on {scope}", cmd)
        elif cmd.origin == "xargs":
            self.add(CAUTION, f"runs `{cmd.name}` on the files `{source.name}` lists", cmd)

    def find_scope(self, find: Command) -> str | None:
        """A description when `find` visits a broad tree with no name filter, else None."""
        roots, filtered = _find_roots(find)
        infos = [classify(r.text) for r in roots] if roots else [classify(".")]
        worst = _worst(infos)
        if worst.cls in (ROOT, SYSTEM) or (worst.cls == HOME and worst.everything):
            if worst.cls == ROOT:
                return "files all over the system (find /)"
            if not filtered or worst.cls in (ROOT, SYSTEM):
                return f"every file it finds in {worst.desc}"
        if worst.cls in (CWD, HOME, EMPTYVAR, TOP, LOG) and not filtered:
            return f"every file in {worst.desc}"
        return None

    # ---- interpreters -----------------------------------------------------------------------
    def interpreter_code(self, kind: str, code: str, cmd: Command | None) -> None:
        for pattern in _SHELL_OUT:
            for m in pattern.finditer(code):
                inner = m.group("s")
                inner = inner.replace("\\'", "'").replace('\\"', '"')
                if inner:
                    self.merge(self.nested(inner), cmd)
        for m in _SHELL_OUT_LIST.finditer(code):
            parts = re.findall(r"""['"]([^'"]*)['"]""", m.group("l"))
            if parts:
                self.merge(self.nested(" ".join(_quote(p) for p in parts)), cmd)
        for m in _RECURSIVE_DELETE.finditer(code):
            target = m.group("p")
            p = classify(target)
            level = _delete_level(p, True)
            self.add(level, f"deletes {p.desc} recursively ({kind})", cmd)
        if _RECURSIVE_DELETE_HOME.search(code):
            self.add(DANGEROUS, f"deletes your home directory recursively ({kind})", cmd)
        for m in _FILE_DELETE.finditer(code):
            p = classify(m.group("p"))
            self.add(_delete_level(p, False), f"deletes {p.desc} ({kind})", cmd)
        for m in _FILE_WRITE.finditer(code):
            p = classify(m.group("p") or m.group("p2"))
            level = _overwrite_level(p)
            if level != SAFE:
                self.add(level, f"overwrites {p.desc} ({kind})", cmd)
        if _FORK.search(code) and _LOOP.search(code):
            self.add(DANGEROUS, f"forks in an endless loop (a fork bomb in {kind})", cmd)
        if _EXEC_CALL.search(code):
            if _NET_CALL.search(code):
                self.add(DANGEROUS, f"runs code fetched from the network ({kind})", cmd)
            elif _DECODE_CALL.search(code):
                self.add(DANGEROUS, f"runs an encoded payload ({kind})", cmd)
        if _SOCKET.search(code) and _SPAWN_SHELL.search(code):
            self.add(DANGEROUS, f"connects a shell to a remote host ({kind} reverse shell)", cmd)

    # =========================================================================================
    # Rules by program
    # =========================================================================================
    def r_rm(self, cmd: Command) -> None:
        o = _opts(cmd.args)
        recursive = _has(o, "rR", "--recursive")
        force = _has(o, "f", "--force")
        if "--no-preserve-root" in o.long:
            self.add(DANGEROUS, "--no-preserve-root lets rm delete the whole filesystem", cmd)
        flags = "-" + ("r" if recursive else "") + ("f" if force else "")
        if not o.operands:
            return
        worst_level = CAUTION
        for w in o.operands:
            if recursive and posixpath.basename(posixpath.normpath(w.text)) == ".git":
                worst_level = DANGEROUS
                self.add(DANGEROUS, f"deletes the repository's history and unpushed work ({_shown(w)})", cmd)
                continue
            for p in self.paths(w):
                level = _delete_level(p, recursive)
                if level == DANGEROUS:
                    worst_level = DANGEROUS
                    how = "recursively" if recursive else ""
                    self.add(
                        DANGEROUS,
                        f"deletes {p.desc} {how}".strip()
                        + f" (rm {flags if flags != '-' else ''} {_shown(w)})".replace("  ", " "),
                        cmd,
                    )
        if worst_level != DANGEROUS:
            names = ", ".join(_shown(w) for w in o.operands[:3]) + (" ..." if len(o.operands) > 3 else "")
            self.add(CAUTION, f"deletes {names}" + (" recursively" if recursive else ""), cmd)

    def r_unlink(self, cmd: Command) -> None:
        for w in cmd.args:
            p = _worst(self.paths(w))
            self.add(_delete_level(p, False), f"deletes {p.desc if p.cls != NAMED else _shown(w)}", cmd)

    def r_rmdir(self, cmd: Command) -> None:
        o = _opts(cmd.args)
        if o.operands:
            self.add(CAUTION, f"removes the directory {_shown(o.operands[0])} if it is empty", cmd)

    def r_shred(self, cmd: Command) -> None:
        o = _opts(cmd.args, "nsx", {"--iterations", "--size", "--random-source"})
        if not o.operands:
            return
        targets = ", ".join(_shown(w) for w in o.operands[:3])
        p = _worst([q for w in o.operands for q in self.paths(w)])
        if p.cls == DEVICE:
            self.add(DANGEROUS, f"overwrites {p.desc} with random data (everything on it is lost)", cmd)
        else:
            self.add(DANGEROUS, f"{cmd.name} destroys {targets} beyond recovery", cmd)

    def r_trash(self, cmd: Command) -> None:
        if cmd.args:
            self.add(CAUTION, "moves files to the trash", cmd)

    def r_dd(self, cmd: Command) -> None:
        ops = {}
        for a in cmd.args:
            k, eq, v = a.text.partition("=")
            if eq:
                ops[k] = (v, a)
        if "of" not in ops:
            src = ops.get("if")
            if src and src[0] == "/dev/port":
                self.add(DANGEROUS, "reads /dev/port, which can hang the machine", cmd)
            return
        value, word = ops["of"]
        p = _worst(self.paths(Word(value, literal=word.literal)))
        source = ops.get("if", ("",))[0]
        if p.cls == NULLDEV:
            return
        if p.cls == DEVICE:
            self.add(DANGEROUS, f"dd writes raw data over {p.desc} (everything on it is lost)", cmd)
            return
        if p.cls in (KERNEL,) or (p.cls == SYSTEM and p.critical):
            self.add(DANGEROUS, f"dd overwrites {p.desc}", cmd)
            return
        if (
            source in ("/dev/zero", "/dev/urandom", "/dev/random")
            and "count" not in ops
            and "iflag" not in ops
        ):
            self.add(DANGEROUS, f"dd writes endless data to {value} until the disk is full", cmd)
            return
        self.add(_overwrite_level(p), f"dd overwrites {value}", cmd)

    def r_mkfs(self, cmd: Command) -> None:
        o = _opts(
            cmd.args,
            "tLbcCEgGiIjJmNoOrTUBFlSnUfdOz" if cmd.name != "mkswap" else "LpU",
            {
                "--type", "--label", "--fs_label", "--volume-label", "--volume-guid", "--with-uuid",
                "--metadata", "--data", "--uuid", "--sectorsize", "--nodesize", "--features",
                "--compression",
            },
        )
        devices = [w for w in o.operands if w.text.startswith("/dev/") or not w.literal]
        if devices:
            target = _shown(devices[-1])
            self.add(DANGEROUS, f"{cmd.name} formats {target}: everything on it is erased", cmd)
        elif o.operands:
            self.add(
                CAUTION,
                f"{cmd.name} writes a new filesystem into {_shown(o.operands[0])} (overwrites it)",
                cmd,
            )

    def r_wipefs(self, cmd: Command) -> None:
        o = _opts(cmd.args, "otO", {"--offset", "--types", "--output", "--backup"})
        target = _shown(o.operands[0]) if o.operands else "a device"
        if _has(o, "n", "--no-act"):
            return
        if _has(o, "ao", "--all", "--offset"):
            self.add(DANGEROUS, f"wipefs erases the filesystem signatures on {target}", cmd)
        elif o.operands:
            self.add(CAUTION, f"inspects the signatures on {target} (wipefs -a would erase them)", cmd)

    def r_partition(self, cmd: Command) -> None:
        name = cmd.name
        words = [a.text for a in cmd.args]
        o = _opts(cmd.args, "")
        device = next((w for w in words if w.startswith("/dev/")), "a disk")
        if name == "fdisk":
            if _has(o, "lx", "--list", "--list-details") or not o.operands:
                return
            self.add(
                CAUTION,
                f"edits the partition table of {device} (changes are written only when you confirm)",
                cmd,
            )
            return
        if name == "sfdisk":
            if _has(
                o,
                "ldsVgJ", "--list", "--dump", "--show-size", "--verify", "--show-geometry", "--json",
                "--list-free", "--backup-pt-sectors",
            ):
                if not _has(o, "", "--delete", "--wipe"):
                    return
            self.add(DANGEROUS, f"sfdisk rewrites the partition table of {device}", cmd)
            return
        if name == "sgdisk":
            if _has(
                o,
                "ZzodnNxtcCGR", "--zap-all", "--zap", "--clear", "--delete", "--new", "--largest-new",
                "--typecode", "--change-name", "--replicate", "--mbrtogpt", "--load-backup",
            ):
                self.add(DANGEROUS, f"sgdisk rewrites the partition table of {device}", cmd)
            return
        if name == "parted":
            verbs = {
                "mklabel", "mktable", "rm", "mkpart", "resizepart", "rescue", "mkpartfs", "mkfs", "move",
                "resize",
            }
            if any(w in verbs for w in words):
                self.add(DANGEROUS, f"parted rewrites the partition table of {device}", cmd)
            elif _has(o, "l", "--list") or "print" in words:
                return
            elif o.operands:
                self.add(CAUTION, f"opens the partition table of {device} for editing", cmd)
            return
        if name in ("cfdisk", "gdisk", "cgdisk"):
            if o.operands and not _has(o, "l"):
                self.add(CAUTION, f"edits the partition table of {device}", cmd)

    def r_disk_destroy(self, cmd: Command) -> None:
        name = cmd.name
        words = [a.text for a in cmd.args]
        target = next((w for w in words if w.startswith("/dev/")), "")
        if name == "blkdiscard":
            self.add(DANGEROUS, f"blkdiscard discards every block on {target or 'the device'}", cmd)
        elif name == "flashrom":
            if any(
                w in ("-w", "--write", "-E", "--erase")
                or (w.startswith("-") and not w.startswith("--") and ("w" in w or "E" in w))
                for w in words
            ):
                self.add(
                    DANGEROUS, "flashrom overwrites the firmware (a bad write can brick the machine)", cmd
                )
        elif name == "hdparm":
            if any(
                w.startswith("--security-erase")
                or w
                in (
                    "--trim-sector-ranges",
                    "--write-sector",
                    "--dco-restore",
                    "--make-bad-sector",
                    "--fwdownload",
                )
                for w in words
            ):
                self.add(DANGEROUS, f"hdparm erases or rewrites {target or 'the disk'}", cmd)
            elif any(
                w.startswith("-") and w not in ("-I", "-i", "-t", "-T", "-g", "-C", "-tT", "-Tt", "-H")
                for w in words
            ):
                self.add(CAUTION, f"changes settings of {target or 'a disk'}", cmd)
        elif name == "badblocks":
            if any(w.startswith("-") and "w" in w for w in words):
                self.add(DANGEROUS, f"badblocks -w overwrites every block of {target or 'the device'}", cmd)
        elif name == "cryptsetup":
            if any(
                w in ("luksFormat", "erase", "luksErase", "reencrypt", "luksKillSlot", "tcryptDump")
                for w in words[:3]
            ):
                self.add(
                    DANGEROUS,
                    f"cryptsetup {next(w for w in words if w in ('luksFormat', 'erase', 'luksErase', 'reencrypt', 'luksKillSlot', 'tcryptDump'))} destroys the data or keys on {target or 'the device'}",
                    cmd,
                )
            elif any(
                w in ("open", "close", "luksOpen", "luksClose", "luksAddKey", "resize") for w in words[:3]
            ):
                self.add(CAUTION, "changes an encrypted volume", cmd)
        elif name in ("zpool", "zfs"):
            if any(w in ("destroy", "labelclear") for w in words[:2]):
                self.add(DANGEROUS, f"{name} destroy deletes the pool or dataset and its data", cmd)
            elif any(
                w
                in ("rollback", "export", "offline", "detach", "remove", "set", "create", "import", "rename")
                for w in words[:2]
            ):
                self.add(CAUTION, f"changes a {name} pool or dataset", cmd)
        elif name in ("lvremove", "vgremove", "pvremove"):
            self.add(DANGEROUS, f"{name} deletes a volume and the data on it", cmd)
        elif name == "mdadm":
            if any(w in ("--zero-superblock", "--create", "-C") for w in words):
                self.add(DANGEROUS, "mdadm rewrites RAID metadata on the disks", cmd)
            elif any(
                w in ("--fail", "-f", "--remove", "-r", "--stop", "-S", "--grow", "-G", "--add", "-a")
                for w in words
            ):
                self.add(CAUTION, "changes a RAID array", cmd)
        elif name == "nvme":
            if any(w in ("format", "sanitize", "delete-ns") for w in words[:1]):
                self.add(DANGEROUS, f"nvme {words[0]} erases the drive", cmd)
        elif name == "dmsetup":
            if any(w in ("remove_all", "remove", "wipe_table") for w in words[:1]):
                self.add(CAUTION, "removes device-mapper devices", cmd)

    def r_perms(self, cmd: Command) -> None:
        name = cmd.name
        o = _opts(
            cmd.args, "" if name != "setfacl" else "mMxX", {"--reference", "--from", "--modify", "--set"}
        )
        recursive = _has(o, "R", "--recursive") or (name == "setfacl" and _has(o, "R"))
        operands = list(o.operands)
        if name in ("chmod", "chown", "chgrp") and "--reference" not in o.long and operands:
            spec = operands.pop(0)  # the mode / owner
        else:
            spec = None
        dangerous = False
        locks_out = (
            name != "chown"
            and name != "chgrp"
            or (spec is not None and spec.text.split(":")[0] in ("root", "0", "nobody"))
        )
        if name == "chmod" and spec is not None:
            locks_out = _mode_locks_out(spec.text)
        for w in operands:
            for p in self.paths(w):
                level = _perm_level(p, recursive, locks_out)
                if level == DANGEROUS:
                    dangerous = True
                    how = " recursively" if recursive else ""
                    verb = {
                        "chmod": "changes the permissions of",
                        "chown": "changes the owner of",
                        "chgrp": "changes the group of",
                        "chattr": "changes the attributes of",
                        "setfacl": "changes the ACLs of",
                    }.get(name, "changes")
                    self.add(DANGEROUS, f"{verb} {p.desc}{how}", cmd)
        if not dangerous and operands:
            self.add(
                CAUTION,
                f"{name} changes {', '.join(_shown(w) for w in operands[:3])}"
                + (" recursively" if recursive else ""),
                cmd,
            )

    def r_mv(self, cmd: Command) -> None:
        o = _opts(cmd.args, "tS", {"--target-directory", "--suffix", "--backup"})
        operands = o.operands
        target_dir = (o.values.get("-t") or o.values.get("--target-directory") or [None])[0]
        if target_dir is not None:
            sources, dest = operands, Word(target_dir)
        elif len(operands) >= 2:
            sources, dest = operands[:-1], operands[-1]
        else:
            return
        destp = _worst(self.paths(dest))
        if dest.text in ("/dev/null",):
            self.add(
                DANGEROUS,
                f"moves {', '.join(_shown(s) for s in sources[:3])} into /dev/null: it is destroyed",
                cmd,
            )
            return
        for s in sources:
            for p in self.paths(s):
                if (
                    p.cls in (ROOT, HOME, EMPTYVAR)
                    or (p.cls == SYSTEM and (p.critical or p.everything))
                    or p.cls == TOP
                    or (p.cls == LOG and p.everything)
                ):
                    self.add(DANGEROUS, f"moves {p.desc} away", cmd)
                    return
        level = _overwrite_level(destp)
        if level == DANGEROUS:
            self.add(DANGEROUS, f"replaces {destp.desc}", cmd)
            return
        if _has(o, "n", "--no-clobber"):
            self.add(CAUTION, f"moves {', '.join(_shown(s) for s in sources[:3])}", cmd)
            return
        self.add(
            CAUTION,
            f"moves {', '.join(_shown(s) for s in sources[:3])} to {_shown(dest)} (may overwrite)",
            cmd,
        )

    def r_cp(self, cmd: Command) -> None:
        name = cmd.name
        o = _opts(
            cmd.args,
            "tSmogb" if name == "install" else "tS",
            {"--target-directory", "--suffix", "--backup", "--mode", "--owner", "--group"},
        )
        operands = o.operands
        target_dir = (o.values.get("-t") or o.values.get("--target-directory") or [None])[0]
        if target_dir is not None:
            dest = Word(target_dir)
        elif len(operands) >= 2:
            dest = operands[-1]
        elif name == "install" and _has(o, "d", "--directory"):
            return
        else:
            return
        p = _worst(self.paths(dest))
        level = _overwrite_level(p)
        if level == DANGEROUS:
            self.add(
                DANGEROUS,
                f"{name} overwrites {p.desc if p.cls != SYSTEM else 'the system file ' + _shown(dest)}",
                cmd,
            )
            return
        if name == "cp" and _has(o, "n", "--no-clobber", "--update"):
            return
        if p.cls == NULLDEV:
            return
        self.add(CAUTION, f"copies onto {_shown(dest)} (may overwrite)", cmd)

    def r_ln(self, cmd: Command) -> None:
        o = _opts(cmd.args, "tS", {"--target-directory", "--suffix", "--backup"})
        if len(o.operands) < 2:
            return
        dest = o.operands[-1]
        force = _has(o, "f", "--force")
        p = _worst(self.paths(dest))
        if force:
            level = _overwrite_level(p)
            source = o.operands[0].text
            if p.cls in (HISTORY,) and source == "/dev/null":
                self.add(DANGEROUS, "replaces your shell history with /dev/null", cmd)
            elif level == DANGEROUS:
                self.add(
                    DANGEROUS,
                    f"replaces {p.desc if p.cls != SYSTEM else 'the system file ' + _shown(dest)} with a link",
                    cmd,
                )
            else:
                self.add(CAUTION, f"replaces {_shown(dest)} with a link if it exists", cmd)

    def overwrites_output(self, cmd: Command, *, tar: bool = False) -> None:
        """`sort -o F`, `curl -o F`, `tar -cf F`: the named output file is replaced if it exists."""
        args = cmd.args
        for i, a in enumerate(args):
            t = a.text
            target = None
            if t in ("-o", "--output") and i + 1 < len(args):
                target = args[i + 1]
            elif t.startswith("--output=") or (tar and t.startswith("--file=")):
                target = Word(t.split("=", 1)[1])
            elif tar and (t == "--file" or re.fullmatch(r"-?[A-Za-z]*c[A-Za-z]*f", t)) and i + 1 < len(args):
                target = args[i + 1]
            if target is None or target.text == "-":
                continue
            p = _worst(self.paths(target))
            level = _overwrite_level(p)
            if level != SAFE:
                self.add(level, f"{cmd.name} overwrites {_shown(target) if level == CAUTION else p.desc}", cmd)

    def r_sort(self, cmd: Command) -> None:
        self.overwrites_output(cmd)

    def r_compress(self, cmd: Command) -> None:
        """gzip FILE replaces FILE with FILE.gz (and -d the other way) unless told to keep it."""
        words = [a.text for a in cmd.args]
        if cmd.name in ("zstd", "lz4") and "--rm" not in words:
            return  # these keep the source unless told --rm
        keeps = {"--stdout", "--to-stdout", "--keep", "--list", "--test", "--help"}
        if any(w in keeps or re.fullmatch(r"-[a-z0-9]*[cklth][a-z0-9]*", w) for w in words):
            return
        operands = [a for a in cmd.args if not a.text.startswith("-")]
        if operands:
            self.add(CAUTION, f"{cmd.name} replaces {_shown(operands[0])} with its (de)compressed copy", cmd)

    def r_tee(self, cmd: Command) -> None:
        o = _opts(cmd.args)
        append = _has(o, "a", "--append")
        for w in o.operands:
            p = _worst(self.paths(w))
            if append:
                if p.cls in (DEVICE, KERNEL):
                    self.add(DANGEROUS, f"writes to {p.desc}", cmd)
                elif p.cls == STARTUP:
                    self.add(CAUTION, f"changes {p.desc}", cmd)
                elif p.cls == SYSTEM:
                    self.add(CAUTION, f"appends to the system file {_shown(w)}", cmd)
                continue
            level = _overwrite_level(p)
            if level == SAFE:
                continue
            if p.cls == HISTORY:
                self.add(level, "wipes your shell history", cmd)
            elif level == DANGEROUS:
                self.add(
                    level,
                    f"tee overwrites {p.desc if p.cls not in (SYSTEM,) else 'the system file ' + _shown(w)}",
                    cmd,
                )
            else:
                self.add(level, f"tee overwrites {_shown(w)} if it exists", cmd)

    def r_truncate(self, cmd: Command) -> None:
        o = _opts(cmd.args, "sro", {"--size", "--reference", "--io-blocks"})
        for w in o.operands:
            p = _worst(self.paths(w))
            if p.cls == LOG and (p.everything or w.glob):
                self.add(DANGEROUS, "truncate empties the system logs", cmd)
            elif _overwrite_level(p) == DANGEROUS:
                self.add(DANGEROUS, f"truncate empties {p.desc}", cmd)
            else:
                self.add(CAUTION, f"truncate changes the size of {_shown(w)}", cmd)

    def r_sed(self, cmd: Command) -> None:
        words = [a.text for a in cmd.args]
        inplace = any(
            w == "-i"
            or w.startswith("-i")
            or w.startswith("--in-place")
            or (w.startswith("-") and not w.startswith("--") and "i" in w[1:] and cmd.name == "sed")
            for w in words
        )
        if cmd.name == "perl":
            return
        if not inplace:
            return
        o = _opts(cmd.args, "ef", {"--expression", "--file"})
        script = " ".join(o.values.get("-e", [])) or (o.operands[0].text if o.operands else "")
        files = o.operands if o.values.get("-e") else o.operands[1:]
        for w in files:
            p = _worst(self.paths(w))
            if p.desc.endswith("/etc/selinux/config") and re.search(r"(?i)disabled|permissive", script):
                self.add(DANGEROUS, "turns SELinux off (edits /etc/selinux/config)", cmd)
            elif p.cls in (DEVICE, KERNEL):
                self.add(DANGEROUS, f"edits {p.desc} in place", cmd)
            elif p.cls in (STARTUP, CRED) or (p.cls == SYSTEM):
                self.add(CAUTION, f"edits {p.desc} in place", cmd)
            else:
                self.add(CAUTION, f"edits {_shown(w)} in place", cmd)

    def r_setenforce(self, cmd: Command) -> None:
        if cmd.args and cmd.args[0].text.lower() in ("0", "permissive"):
            self.add(DANGEROUS, "turns SELinux enforcement off", cmd)
        elif cmd.args:
            self.add(CAUTION, "changes the SELinux mode", cmd)

    def r_tar(self, cmd: Command) -> None:
        args = cmd.args
        if not args:
            return
        first = args[0].text
        words = [a.text for a in args]
        extract = (
            any(w in ("--extract", "--get") for w in words)
            or ("x" in first and not first.startswith("--"))
            or any(re.fullmatch(r"-[A-Za-z]*x[A-Za-z]*", w) for w in words)
        )
        if not extract:
            self.overwrites_output(cmd, tar=True)
            return
        dest = None
        for i, w in enumerate(words):
            if w in ("-C", "--directory") and i + 1 < len(words):
                dest = words[i + 1]
            elif w.startswith("--directory="):
                dest = w.split("=", 1)[1]
            elif re.fullmatch(r"-[A-Za-z]*C", w) and i + 1 < len(words):
                dest = words[i + 1]
        candidates = [dest] if dest else []
        candidates += [
            w
            for w in words[1:]
            if w == "/" or w.startswith("/") and classify(w).cls == SYSTEM and classify(w).everything
        ]
        for c in candidates:
            p = classify(c)
            if p.cls in (ROOT,) or (p.cls == SYSTEM and (p.everything or p.critical)):
                self.add(DANGEROUS, f"extracts an archive over {p.desc} (can overwrite system files)", cmd)
                return
            if p.cls == HOME and p.everything:
                self.add(CAUTION, "extracts into your home directory (may overwrite files)", cmd)
                return
        self.add(CAUTION, "extracts files (may overwrite existing ones)", cmd)

    def r_unzip(self, cmd: Command) -> None:
        words = [a.text for a in cmd.args]
        if any(w in ("-l", "-v", "-t", "-Z") for w in words):
            return
        if "-d" in words:
            i = words.index("-d")
            if i + 1 < len(words):
                p = classify(words[i + 1])
                if p.cls == ROOT or (p.cls == SYSTEM and p.everything):
                    self.add(DANGEROUS, f"extracts an archive over {p.desc}", cmd)
                    return
        if "-o" in words:
            self.add(CAUTION, "extracts files, overwriting existing ones (-o)", cmd)

    def r_rsync(self, cmd: Command) -> None:
        o = _opts(
            cmd.args,
            "eBfT",
            {
                "--rsh", "--exclude", "--include", "--filter", "--rsync-path", "--exclude-from",
                "--include-from", "--files-from", "--log-file", "--password-file", "--partial-dir",
                "--backup-dir", "--suffix", "--chmod", "--chown", "--temp-dir", "--compare-dest",
                "--copy-dest", "--link-dest", "--bwlimit", "--timeout", "--port", "--out-format",
            },
        )
        operands = o.operands
        if len(operands) < 2:
            return
        sources, dest = operands[:-1], operands[-1]
        deleting = [k for k in o.long if k.startswith("--del")]
        if deleting:
            self.add(
                DANGEROUS,
                f"{deleting[0]} deletes every file in {_shown(dest)} that is not in {_shown(sources[0])}",
                cmd,
            )
        if "--remove-source-files" in o.long:
            self.add(CAUTION, "deletes the source files after copying them", cmd)
        self.transfer(cmd, sources, dest)

    def r_scp(self, cmd: Command) -> None:
        o = _opts(cmd.args, "cFiJloPSDX" if cmd.name == "scp" else "bBcDFiJlooPRsS")
        operands = o.operands
        if cmd.name == "sftp":
            if any(a.text.startswith("-b") for a in cmd.args):
                self.add(CAUTION, "runs a batch of file transfers", cmd)
            return
        if len(operands) < 2:
            return
        self.transfer(cmd, operands[:-1], operands[-1])

    def transfer(self, cmd: Command, sources: list, dest: Word) -> None:
        """Copies to another host: uploads (caution), credentials or remote system paths (dangerous)."""
        remote_dest = _is_remote(dest.text)
        if not remote_dest:
            for s in sources:
                if _is_remote(s.text):
                    p = _worst(self.paths(dest))
                    level = _overwrite_level(p)
                    self.add(
                        level if level != SAFE else CAUTION,
                        f"copies files from another host onto {_shown(dest)}",
                        cmd,
                    )
                    return
            p = _worst(self.paths(dest))
            level = _overwrite_level(p)
            if level == DANGEROUS:
                self.add(DANGEROUS, f"overwrites {p.desc}", cmd)
            else:
                self.add(CAUTION, f"copies onto {_shown(dest)} (may overwrite)", cmd)
            return
        for s in sources:
            if _is_remote(s.text):
                continue
            for p in self.paths(s):
                if p.cls == CRED or (p.cls == SYSTEM and p.desc.endswith("/etc/shadow")):
                    self.add(
                        DANGEROUS,
                        f"sends {p.desc if p.cls == CRED else 'the password hashes (/etc/shadow)'} to another host",
                        cmd,
                    )
                    return
                if p.cls == HOME and p.everything:
                    self.add(
                        DANGEROUS, "sends your whole home directory (keys included) to another host", cmd
                    )
                    return
        rp = classify(_remote_path(dest.text))
        if rp.cls == ROOT or (rp.cls == SYSTEM and (rp.critical or rp.everything or rp.cls == SYSTEM)):
            where = (
                "/"
                if rp.cls == ROOT
                else rp.desc.replace("the system directory ", "").replace("the system path ", "")
            )
            self.add(
                DANGEROUS, f"writes into {where} on the remote host (can overwrite its system files)", cmd
            )
            return
        self.add(CAUTION, f"uploads files to {dest.text.split(':', 1)[0]}", cmd)

    def r_curl(self, cmd: Command) -> None:
        self.overwrites_output(cmd)
        args = cmd.args
        data_opts = {
            "-d", "--data", "--data-binary", "--data-raw", "--data-urlencode", "--data-ascii", "--json",
            "-F", "--form", "--form-string", "-T", "--upload-file",
        }
        uploads: list = []
        url = next(
            (
                a.text
                for a in args
                if re.match(r"^(?:https?|ftp|ftps|sftp|scp|smtp|smtps|tftp|telnet|dict|ldap)://", a.text)
            ),
            "",
        )
        method = ""
        i = 0
        while i < len(args):
            t = args[i].text
            key, eq, inline = t.partition("=") if t.startswith("--") else (t, "", "")
            if (
                key in data_opts
                or (t.startswith("-d") and len(t) > 2 and not t.startswith("--"))
                or (t.startswith("-F") and len(t) > 2 and not t.startswith("--"))
            ):
                if eq:
                    value = Word(inline)
                elif len(t) > 2 and not t.startswith("--") and t[:2] in ("-d", "-F", "-T"):
                    value = Word(t[2:])
                elif i + 1 < len(args):
                    value = args[i + 1]
                    i += 1
                else:
                    value = Word("")
                uploads.append((key[:2] if not key.startswith("--") else key, value))
            elif t in ("-X", "--request") and i + 1 < len(args):
                method = args[i + 1].text.upper()
                i += 1
            elif t.startswith("-X") and len(t) > 2:
                method = t[2:].upper()
            elif t.startswith("--request="):
                method = t.split("=", 1)[1].upper()
            elif t in ("-o", "--output") and i + 1 < len(args):
                self.download_target(cmd, args[i + 1])
                i += 1
            elif t in ("-O", "--remote-name") and url:
                self.downloaded.add(_file_key(url.rstrip("/").rsplit("/", 1)[-1]))
            i += 1
        local = _local_host(url) if url else False
        for opt, value in uploads:
            self.upload_value(cmd, value, local, file_prefix=opt not in ("-T", "--upload-file"))
        if method == "DELETE":
            self.add(CAUTION, f"sends a DELETE request to {url or 'a server'}", cmd)
        elif method in ("PUT", "PATCH", "POST") and not uploads:
            self.add(CAUTION, f"sends a {method} request to {url or 'a server'}", cmd)
        for r in cmd.redirects:
            if r.op in (">", ">|") and r.target is not None:
                self.downloaded.add(_file_key(r.target.text))

    def upload_value(self, cmd: Command, value: Word, local: bool, file_prefix: bool = True) -> None:
        text = value.text
        path = None
        if file_prefix:
            m = re.search(r"(?:^|=)[@<](.+)$", text)
            if m:
                path = m.group(1).split(";", 1)[0]
        else:
            path = text
        secret = None
        if path and path not in ("-", "."):
            p = classify(path)
            if p.cls == CRED or (p.cls == SYSTEM and path.endswith("/etc/shadow")):
                secret = p.desc if p.cls == CRED else "the password hashes (/etc/shadow)"
            elif p.cls == HISTORY:
                secret = "your shell history"
        for var in re.findall(r"\$\{(\w+)\}", text):
            if SECRET_VAR.search(var):
                secret = f"the secret in ${var}"
        if secret:
            self.add(
                CAUTION if local else DANGEROUS,
                f"sends {secret} " + ("to a local server" if local else "off the machine"),
                cmd,
            )
        else:
            self.add(
                CAUTION,
                "uploads "
                + (f"{path}" if path and path not in ("-",) else "data")
                + (" to a local server" if local else " to a server"),
                cmd,
            )

    def download_target(self, cmd: Command, target: Word) -> None:
        if target.text == "-":
            return
        self.downloaded.add(_file_key(target.text))
        p = _worst(self.paths(target))
        level = _overwrite_level(p)
        if level == DANGEROUS:
            self.add(DANGEROUS, f"downloads over {p.desc}", cmd)

    def r_wget(self, cmd: Command) -> None:
        args = cmd.args
        url = next((a.text for a in args if "://" in a.text), "")
        local = _local_host(url) if url else False
        i = 0
        named = False
        while i < len(args):
            t = args[i].text
            if t in ("--post-file", "--body-file") and i + 1 < len(args):
                self.upload_value(cmd, args[i + 1], local, file_prefix=False)
                i += 1
            elif t.startswith("--post-file=") or t.startswith("--body-file="):
                self.upload_value(cmd, Word(t.split("=", 1)[1]), local, file_prefix=False)
            elif t in ("--post-data", "--body-data") and i + 1 < len(args):
                self.upload_value(cmd, args[i + 1], local)
                i += 1
            elif t.startswith("--post-data=") or t.startswith("--body-data="):
                self.upload_value(cmd, Word(t.split("=", 1)[1]), local)
            elif t.startswith("--method=") and t.split("=", 1)[1].upper() in ("DELETE", "PUT"):
                self.add(CAUTION, f"sends a {t.split('=', 1)[1].upper()} request", cmd)
            elif t in ("-O", "--output-document") and i + 1 < len(args):
                named = True
                self.download_target(cmd, args[i + 1])
                i += 1
            elif t.startswith("-O") and len(t) > 2 and not t.startswith("--"):
                named = True
                self.download_target(cmd, Word(t[2:]))
            elif t.startswith("--output-document="):
                named = True
                self.download_target(cmd, Word(t.split("=", 1)[1]))
            elif re.fullmatch(r"-[a-zA-Z]*O", t) and i + 1 < len(args):
                named = True
                self.download_target(cmd, args[i + 1])
                i += 1
            i += 1
        if url and not named:
            self.downloaded.add(_file_key(url.rstrip("/").rsplit("/", 1)[-1]))

    def r_netcat(self, cmd: Command) -> None:
        words = [a.text for a in cmd.args]
        if any(
            w in ("-e", "-c", "--exec", "--sh-exec", "--lua-exec")
            or (re.fullmatch(r"-[a-zA-Z]*e", w) is not None)
            for w in words
        ):
            self.add(
                DANGEROUS,
                f"{cmd.name} -e hands a shell to whoever connects (remote control of this machine)",
                cmd,
            )
            return
        for r in cmd.redirects:
            if r.op == "<" and r.target is not None:
                p = classify(r.target.text)
                if p.cls == CRED:
                    self.add(DANGEROUS, f"sends {p.desc} off the machine", cmd)
                else:
                    self.add(CAUTION, f"sends {_shown(r.target)} over the network", cmd)

    def r_socat(self, cmd: Command) -> None:
        text = " ".join(a.text for a in cmd.args).lower()
        if re.search(r"\b(?:exec|system):", text) and re.search(
            r"\b(?:tcp|udp|tcp4|tcp6|openssl|ssl)[-:]", text
        ):
            self.add(
                DANGEROUS, "socat connects a program to the network (a remote shell hands control away)", cmd
            )

    def r_ssh_keys(self, cmd: Command) -> None:
        words = [a.text for a in cmd.args]
        if cmd.name == "ssh-keygen":
            if "-R" in words:
                self.add(CAUTION, "removes a host key from known_hosts", cmd)
            elif any(w in ("-p", "-c", "-u") for w in words):
                self.add(CAUTION, "changes an SSH key", cmd)
            elif "-f" in words and not any(
                w in ("-l", "-y", "-F", "-R", "-L", "-e", "-i", "-B") for w in words
            ):
                i = words.index("-f")
                if i + 1 < len(words) and classify(words[i + 1]).cls == CRED:
                    self.add(CAUTION, f"may overwrite the key {words[i + 1]}", cmd)
        elif cmd.name == "ssh-add":
            if any(w in ("-d", "-D") for w in words):
                self.add(CAUTION, "removes keys from the SSH agent (the key files stay)", cmd)
        elif cmd.name == "ssh-copy-id":
            self.add(CAUTION, "adds your public key to a remote account", cmd)

    def r_kill(self, cmd: Command) -> None:
        args = cmd.args
        words = [a.text for a in args]
        if any(w in ("-l", "-L", "--list", "--table") for w in words[:1]):
            return
        i = 0
        signal = "TERM"
        if i < len(words) and words[i] in ("-s", "-n", "--signal") and i + 1 < len(words):
            signal = words[i + 1]
            i += 2
        elif i < len(words) and words[i].startswith("-") and words[i] != "--":
            signal = words[i][1:]
            i += 1
        if i < len(words) and words[i] == "--":
            i += 1
        pids = words[i:]
        strong = signal.upper().lstrip("SIG") in ("9", "KILL") if signal else False
        for p in pids:
            if p == "-1":
                self.add(
                    DANGEROUS,
                    "kills every process you are allowed to kill (kill -1)"
                    if not strong
                    else "kills every process you are allowed to kill, at once (kill -9 -1)",
                    cmd,
                )
                return
            if p == "1":
                self.add(DANGEROUS, "kills init (PID 1): the system goes down", cmd)
                return
        if pids:
            self.add(CAUTION, f"{'force-kills' if strong else 'stops'} process {' '.join(pids[:3])}", cmd)

    def r_killall(self, cmd: Command) -> None:
        name = cmd.name
        if name == "killall5":
            self.add(DANGEROUS, "killall5 signals every process on the system", cmd)
            return
        o = _opts(
            cmd.args,
            "suUgGtPFnOyo" if name == "pkill" else "suYoyOZ",
            {
                "--signal", "--user", "--euid", "--uid", "--group", "--pgroup", "--session", "--terminal",
                "--parent", "--pidfile", "--older-than", "--younger-than", "--context", "--ns", "--nslist",
                "--cgroup",
            },
            numeric_ok=True,
        )
        users = (
            (o.values.get("-u") or [])
            + (o.values.get("--user") or [])
            + (o.values.get("-U") or [])
            + (o.values.get("--uid") or [])
            + (o.values.get("--euid") or [])
        )
        if any(u in ("root", "0") for u in users):
            self.add(DANGEROUS, f"{name} kills every process of root (the whole system)", cmd)
            return
        patterns = [w for w in o.operands if not re.fullmatch(r"-?\d+|-[A-Z]+", w.text)]
        signals = [
            x.lstrip("-").upper().removeprefix("SIG")
            for x in o.words + o.values.get("-s", []) + o.values.get("--signal", [])
        ]
        if any(sig in ("CONT", "0", "WINCH", "USR1", "USR2", "HUP", "1", "18", "28") for sig in signals):
            if patterns:
                self.add(
                    CAUTION,
                    f"sends a signal to every process named {', '.join(_shown(w) for w in patterns[:3])}",
                    cmd,
                )
            return
        for w in patterns:
            base = w.text.rsplit("/", 1)[-1]
            if w.glob or base in (".", ".*", "*", "") or (name == "pkill" and base in (".", ".*", "^", "")):
                self.add(DANGEROUS, f"{name} {_shown(w)} matches every process", cmd)
                return
            if base in SYSTEM_DAEMONS or base.startswith("systemd"):
                self.add(DANGEROUS, f"{name} kills the system process `{base}`", cmd)
                return
        if patterns:
            self.add(CAUTION, f"stops every process named {', '.join(_shown(w) for w in patterns[:3])}", cmd)
        elif users:
            self.add(CAUTION, f"kills every process of {users[0]}", cmd)

    def r_power(self, cmd: Command) -> None:
        name = cmd.name
        words = [a.text for a in cmd.args]
        if name == "shutdown" and any(w in ("-c", "--show", "-k") for w in words):
            return
        if any(w in ("-w", "--wtmp-only") for w in words):
            return
        if name == "kexec":
            if any(w in ("-e", "--exec", "-f", "--force") for w in words):
                self.add(DANGEROUS, "kexec reboots into another kernel now", cmd)
            elif any(
                w in ("-l", "--load", "-p", "--load-panic", "-s", "--kexec-file-syscall") for w in words
            ):
                self.add(CAUTION, "loads a kernel to boot into later", cmd)
            return
        if name in ("init", "telinit"):
            if words and words[0] in ("0", "6", "1", "s", "S", "emergency", "rescue"):
                self.add(
                    DANGEROUS,
                    f"switches the system to runlevel {words[0]} ({'shuts down' if words[0] == '0' else 'reboots' if words[0] == '6' else 'single-user mode'})",
                    cmd,
                )
            elif words and words[0] in ("q", "Q", "u", "U"):
                self.add(CAUTION, "reloads init", cmd)
            return
        verb = {
            "shutdown": "shuts the system down",
            "reboot": "reboots the system",
            "halt": "halts the system",
            "poweroff": "powers the system off",
            "kexec": "reboots into another kernel",
        }.get(name, "stops the system")
        if name == "shutdown" and "-r" in words:
            verb = "reboots the system"
        self.add(DANGEROUS, verb, cmd)

    def r_systemctl(self, cmd: Command) -> None:
        o = _opts(
            cmd.args,
            "tspHMnoT",
            {
                "--type", "--state", "--property", "--host", "--machine", "--lines", "--output", "--signal",
                "--kill-whom", "--root", "--job-mode",
            },
        )
        if not o.operands:
            return
        verb = o.operands[0].text
        units = [w.text for w in o.operands[1:]]
        if "--when" in o.long and o.long["--when"] == "cancel":
            return
        if verb in ("poweroff", "reboot", "halt", "kexec", "soft-reboot", "rescue", "emergency"):
            self.add(
                DANGEROUS,
                f"systemctl {verb} {'stops the system' if verb in ('poweroff', 'halt') else 'restarts the system' if verb in ('reboot', 'kexec', 'soft-reboot') else 'drops the system to ' + verb + ' mode'}",
                cmd,
            )
            return
        if verb == "isolate":
            self.add(
                DANGEROUS,
                f"systemctl isolate stops every service not needed by {units[0] if units else 'the target'}",
                cmd,
            )
            return
        if verb in ("suspend", "hibernate", "hybrid-sleep", "suspend-then-hibernate", "sleep"):
            self.add(CAUTION, f"puts the machine to sleep ({verb})", cmd)
            return
        if verb in (
            "stop", "kill", "disable", "mask", "restart", "try-restart", "reload-or-restart", "start",
            "enable", "reload", "daemon-reload", "daemon-reexec", "reset-failed", "set-default", "unmask",
            "edit", "revert", "preset", "set-property", "link", "freeze", "thaw", "clean",
        ):
            if any(u in ("*", "'*'") or "*" in u for u in units) and verb in (
                "stop",
                "kill",
                "disable",
                "mask",
            ):
                self.add(DANGEROUS, f"systemctl {verb} matches every service", cmd)
                return
            firewalls = [
                u
                for u in units
                if u.split(".")[0]
                in ("firewalld", "ufw", "iptables", "nftables", "netfilter-persistent", "ip6tables")
            ]
            if firewalls and verb in ("stop", "disable", "mask", "kill"):
                self.add(DANGEROUS, f"turns off the firewall ({firewalls[0]})", cmd)
                return
            if (
                verb == "set-default"
                and units
                and units[0].startswith(("rescue", "emergency", "poweroff", "reboot", "halt"))
            ):
                self.add(DANGEROUS, f"makes the system boot into {units[0]}", cmd)
                return
            self.add(CAUTION, f"systemctl {verb} {' '.join(units[:3])}".strip(), cmd)

    def r_service(self, cmd: Command) -> None:
        words = [a.text for a in cmd.args]
        if len(words) >= 2 and words[1] in (
            "stop",
            "restart",
            "start",
            "reload",
            "force-reload",
            "force-stop",
        ):
            if words[0] in ("firewalld", "ufw", "iptables", "nftables") and words[1] in (
                "stop",
                "force-stop",
            ):
                self.add(DANGEROUS, f"turns off the firewall ({words[0]})", cmd)
            else:
                self.add(CAUTION, f"{words[1]}s the service {words[0]}", cmd)
        elif words and words[0] == "--status-all":
            return

    def r_firewall(self, cmd: Command) -> None:
        name = cmd.name
        words = [a.text for a in cmd.args]
        if name.startswith("iptables") or name.startswith("ip6tables") or name in ("ebtables", "arptables"):
            if any(
                w in ("-L", "--list", "-S", "--list-rules", "-C", "--check", "-h")
                or re.fullmatch(r"-[nvxL]*L[nvx]*", w)
                for w in words
            ):
                return
            if any(w in ("-F", "--flush") or re.fullmatch(r"-[a-zA-Z]*F", w) for w in words):
                self.add(DANGEROUS, f"{name} -F flushes the firewall rules", cmd)
                return
            if any(w in ("-P", "--policy") for w in words) and any(w in ("DROP", "REJECT") for w in words):
                self.add(
                    DANGEROUS, f"{name} -P ... DROP blocks all traffic by default (can lock you out)", cmd
                )
                return
            if any(w in ("-X", "--delete-chain", "-Z", "--zero") for w in words):
                self.add(CAUTION, f"{name} deletes firewall chains or counters", cmd)
                return
            if words:
                self.add(CAUTION, f"changes the firewall rules ({name})", cmd)
            return
        if name == "nft":
            text = " ".join(words)
            if re.search(r"\bflush\s+ruleset\b", text) or re.search(r"\bdelete\s+table\b", text):
                self.add(DANGEROUS, "nft flushes the firewall rules", cmd)
            elif re.search(r"\b(?:list|monitor|describe)\b", text) or not words:
                return
            else:
                self.add(CAUTION, "changes the firewall rules (nft)", cmd)
            return
        if name == "ufw":
            verb = next((w for w in words if not w.startswith("-")), "")
            if "--dry-run" in words:
                return
            if verb in ("disable", "reset"):
                self.add(DANGEROUS, f"ufw {verb} turns the firewall off", cmd)
            elif verb in ("status", "show", "app", "version", ""):
                return
            else:
                self.add(CAUTION, f"changes the firewall (ufw {verb})", cmd)
            return
        if name == "firewall-cmd":
            if any(w == "--panic-on" for w in words):
                self.add(DANGEROUS, "firewall-cmd --panic-on drops all network traffic", cmd)
            elif (
                any(w.startswith(("--list", "--get", "--query", "--state", "--info")) for w in words)
                or not words
            ):
                return
            else:
                self.add(CAUTION, "changes the firewall (firewall-cmd)", cmd)

    def r_crontab(self, cmd: Command) -> None:
        o = _opts(cmd.args, "uT", {"--user"})
        if "r" in o.short:
            if "i" in o.short:
                self.add(CAUTION, "deletes your crontab (after asking)", cmd)
            else:
                self.add(DANGEROUS, "crontab -r deletes all your scheduled jobs without asking", cmd)
        elif "l" in o.short or "T" in o.short:
            return
        elif "e" in o.short:
            self.add(CAUTION, "edits your scheduled jobs", cmd)
        elif o.operands:
            self.add(CAUTION, f"replaces your crontab with {_shown(o.operands[0])}", cmd)

    def r_history(self, cmd: Command) -> None:
        o = _opts(cmd.args, "d")
        if "c" in o.short:
            self.add(DANGEROUS, "history -c wipes your shell history", cmd)
        elif "d" in o.short:
            self.add(CAUTION, "deletes entries from your shell history", cmd)

    def r_unset(self, cmd: Command) -> None:
        if any(a.text in ("HISTFILE",) for a in cmd.args):
            self.add(CAUTION, "turns off saving shell history (unset HISTFILE)", cmd)

    def r_set(self, cmd: Command) -> None:
        words = [a.text for a in cmd.args]
        if "+o" in words and "history" in words:
            self.add(CAUTION, "turns off shell history", cmd)

    def r_export(self, cmd: Command) -> None:
        for a in cmd.args:
            k, eq, v = a.text.partition("=")
            if eq:
                self.assignments(Command(argv=[], assignments={k: v}))

    def r_journalctl(self, cmd: Command) -> None:
        for a in cmd.args:
            t = a.text
            if (
                t.startswith("--vacuum-time=")
                or t.startswith("--vacuum-size=")
                or t.startswith("--vacuum-files=")
            ):
                key, value = t[2:].split("=", 1)
                if _tiny_retention(key, value):
                    self.add(DANGEROUS, f"journalctl --{key}={value} deletes (nearly) all system logs", cmd)
                else:
                    self.add(CAUTION, f"deletes old system logs (--{key}={value})", cmd)
                return
            if t in ("--rotate", "--flush", "--relinquish-var", "--sync"):
                self.add(CAUTION, f"journalctl {t} changes the journal files", cmd)

    def r_packages(self, cmd: Command) -> None:
        name = cmd.name
        words = [a.text for a in cmd.args]
        operands = [w.text for w in parse_options(cmd.args, grammar_of(name)).operands]
        verb = operands[0] if operands else ""
        removing = False
        packages: list = []
        if name in (
            "apt", "apt-get", "aptitude", "yum", "dnf", "microdnf", "zypper", "apk", "snap", "flatpak",
            "brew", "port", "pkg", "pkgin", "xbps-install", "xbps-remove", "eopkg", "swupd", "nala",
        ):
            safe_verbs = {
                "list", "search", "show", "policy", "depends", "rdepends", "info", "provides",
                "whatprovides", "repolist", "check-update", "changelog", "madison", "showpkg", "stats",
                "doctor", "config", "outdated", "deps", "uses", "leaves", "desc", "home", "find", "history",
                "help", "version", "--version", "se", "if", "lu", "lp", "pa", "source", "download", "check",
                "query", "dump", "why", "cat", "log", "fetch", "buildinfo", "list-installed", "ls",
                "search-file",
            }
            if not verb or verb in safe_verbs:
                return
            removing = verb in (
                "remove", "purge", "autoremove", "erase", "rm", "del", "uninstall", "autopurge", "zap",
            ) or name in ("xbps-remove",)
            packages = operands[1:]
        elif name in ("pacman", "yay", "paru"):
            flag = next((w for w in words if w.startswith("-") and not w.startswith("--")), "")
            if not flag or flag.startswith(("-Q", "-Ss", "-Si", "-F", "-T", "-V", "-h")):
                return
            removing = flag.startswith("-R")
            packages = operands
        elif name in ("dpkg",):
            if any(
                w
                in (
                    "-l", "-L", "-s", "-S", "-c", "-I", "--list", "--listfiles", "--status", "--search",
                    "--contents", "--info", "--get-selections", "--print-architecture", "--audit", "-C",
                )
                for w in words
            ):
                return
            removing = any(w in ("-r", "-P", "--remove", "--purge") for w in words)
            packages = operands
            if not any(w.startswith("-") for w in words):
                return
        elif name in ("rpm",):
            if any(
                w.startswith("-q") or w in ("--query", "-V", "--verify", "--checksig", "-K") for w in words
            ):
                return
            removing = any(w in ("-e", "--erase") or w.startswith("-e") for w in words)
            packages = operands
        elif name == "emerge":
            if any(w in ("-s", "--search", "-S", "--searchdesc", "--info", "-p", "--pretend") for w in words):
                return
            removing = any(w in ("-C", "--unmerge", "--depclean", "-c") for w in words)
            packages = operands
        elif name in ("nix-env",):
            if any(w in ("-q", "--query") for w in words):
                return
            removing = any(w in ("-e", "--uninstall") for w in words)
        elif name == "nix":
            if verb not in ("profile",):
                return
        if removing:
            essential = [
                p
                for p in packages
                if p.split("=")[0].split(":")[0] in ESSENTIAL_PACKAGES
                or p.startswith(("linux-image", "kernel-"))
                or p == "*"
            ]
            if essential:
                self.add(
                    DANGEROUS,
                    f"removes the essential package {essential[0]} (the system may not boot or work)",
                    cmd,
                )
                return
            self.add(CAUTION, f"removes packages with {name}", cmd)
            return
        self.add(CAUTION, f"{name} {verb} changes installed software".replace("  ", " "), cmd)

    def r_lang_packages(self, cmd: Command) -> None:
        name = cmd.name
        args = cmd.args
        words = [a.text for a in args]
        operands = [w for w in words if not w.startswith("-")]
        if name in ("python", "python3") or interpreter_kind(name) == "python":
            return
        verb = operands[0] if operands else ""
        if name in ("pip", "pip3", "pipx", "uv"):
            if name == "uv" and verb == "pip":
                verb = operands[1] if len(operands) > 1 else ""
            if verb in (
                "install", "uninstall", "remove", "reinstall", "upgrade", "upgrade-all", "inject", "sync",
                "add",
            ):
                self.add(CAUTION, f"{name} {verb} changes installed Python packages", cmd)
            elif verb in ("publish",):
                self.add(CAUTION, "publishes a package", cmd)
            return
        if name in ("npx", "bunx", "uvx", "pnpx") or (name in ("pipx", "uv") and verb in ("run", "tool")) or (name in ("pnpm", "yarn") and verb == "dlx"):
            self.add(CAUTION, f"{name} runs a package fetched from the registry", cmd)
            return
        if name in ("npm", "pnpm", "yarn", "bun"):
            if verb in (
                "install", "i", "add", "ci", "uninstall", "remove", "rm", "un", "r", "update", "upgrade",
                "up", "link", "ln", "dedupe", "prune", "global",
            ) or (name == "yarn" and not verb):
                self.add(
                    CAUTION,
                    f"{name} {verb or 'install'} changes installed packages"
                    + (" globally" if "-g" in words or "--global" in words or verb == "global" else ""),
                    cmd,
                )
            elif verb in ("publish", "unpublish", "deprecate"):
                self.add(CAUTION, f"{name} {verb} changes a published package", cmd)
            return
        if name in (
            "gem", "cargo", "go", "composer", "luarocks", "cpan", "cpanm", "opam", "stack", "cabal",
            "conda", "mamba", "micromamba", "poetry", "pdm", "hatch", "rye", "dotnet", "nuget", "mvn",
            "mvnw", "gradle", "gradlew", "twine", "rustup", "sdk", "asdf", "mise",
        ):
            risky = {
                "install", "uninstall", "remove", "update", "upgrade", "add", "publish", "yank", "deploy",
                "get", "release:perform", "release:prepare", "upload", "create", "push", "sync", "owner",
                "unpublish",
            }
            hits = [
                w
                for w in operands[:3]
                if w in risky or w.startswith(("publish", "upload", "deploy", "release:"))
            ]
            if name in ("cpan", "cpanm") and operands:
                hits = ["install"]
            if hits:
                what = (
                    "publishes or deploys"
                    if any(
                        h.startswith(("publish", "upload", "deploy", "release", "push", "yank")) for h in hits
                    )
                    else "changes installed packages"
                )
                self.add(CAUTION, f"{name} {hits[0]} {what}", cmd)

    def r_docker(self, cmd: Command) -> None:
        words = [a.text for a in cmd.args]
        operands = [w.text for w in parse_options(cmd.args, grammar_of(cmd.name)).operands]
        verb = " ".join(operands[:2])
        flags = set()
        for w in words:
            if w.startswith("--"):
                flags.add(w.split("=")[0])
            elif w.startswith("-"):
                flags.update("-" + c for c in w[1:])
        force = "-f" in flags or "--force" in flags
        everything = "-a" in flags or "--all" in flags or "--volumes" in flags
        first = operands[0] if operands else ""
        if verb in ("system prune",) or (first in ("system",) and "prune" in operands):
            if force and everything:
                self.add(
                    DANGEROUS,
                    f"{cmd.name} system prune {'-af' if '--volumes' not in flags else '--volumes -f'} deletes all unused containers, images{' and volumes' if '--volumes' in flags else ''} without asking",
                    cmd,
                )
            else:
                self.add(CAUTION, f"deletes unused {cmd.name} data (asks first unless -f)", cmd)
            return
        if first in ("volume",) and len(operands) > 1 and operands[1] in ("rm", "prune", "remove"):
            self.add(CAUTION, "deletes container volumes and the data in them", cmd)
            return
        if first in ("rm", "rmi", "kill", "stop", "prune", "down") or (
            len(operands) > 1 and operands[1] in ("rm", "prune", "remove", "kill", "stop", "down")
        ):
            self.add(CAUTION, f"{cmd.name} {verb} removes or stops containers or images", cmd)
            return
        if first == "run" and ("--privileged" in flags or any(re.match(r"^/:", w) for w in words)):
            self.add(CAUTION, "runs a container with access to the host (--privileged or / mounted)", cmd)
            return
        if first in ("push", "login", "logout"):
            self.add(CAUTION, f"{cmd.name} {first} talks to a registry", cmd)
        if (
            first in ("compose",)
            and len(operands) > 1
            and operands[1] == "down"
            and ("-v" in flags or "--volumes" in flags)
        ):
            self.add(CAUTION, "deletes the compose project's volumes", cmd)

    def r_git(self, cmd: Command) -> None:
        o = parse_options(cmd.args, grammar_of("git"))
        if not o.operands:
            return
        head = o.operands[0]
        sub = head.text
        rest = cmd.args[next(k for k, a in enumerate(cmd.args) if a is head) + 1 :]
        words = [a.text for a in rest]
        o.operands = o.operands[1:]
        short, long = o.short, o.long
        if sub == "reset":
            if "--hard" in long:
                self.add(DANGEROUS, "git reset --hard discards uncommitted changes for good", cmd)
            elif "--merge" in long or "--keep" in long:
                self.add(
                    CAUTION,
                    f"git reset {'--merge' if '--merge' in long else '--keep'} moves the branch and may change files",
                    cmd,
                )
            else:
                self.add(CAUTION, "git reset moves the branch or unstages changes (your files stay)", cmd)
        elif sub == "clean":
            if "n" in short or "--dry-run" in long:
                return
            if "f" in short or "--force" in long:
                extra = " and ignored files" if ("x" in short or "X" in short) else ""
                dirs = " and directories" if "d" in short else ""
                self.add(DANGEROUS, f"git clean -f deletes untracked files{dirs}{extra} for good", cmd)
            elif "i" in short or "--interactive" in long:
                self.add(CAUTION, "git clean -i deletes untracked files you pick", cmd)
            else:
                self.add(
                    CAUTION, "git clean deletes untracked files (git asks for -f unless configured)", cmd
                )
        elif sub == "push":
            force = (
                "f" in short
                or "--force" in long
                or "--mirror" in long
                or any(w.startswith("+") for w in (x.text for x in o.operands))
            )
            if force:
                how = "--mirror" if "--mirror" in long else "--force"
                self.add(
                    DANGEROUS,
                    f"git push {how} overwrites the remote branch (others' commits can be lost)",
                    cmd,
                )
            elif "--force-with-lease" in long or "--force-if-includes" in long:
                self.add(
                    CAUTION,
                    "git push --force-with-lease rewrites the remote branch, but refuses if it has commits you have not seen",
                    cmd,
                )
            elif (
                "d" in short
                or "--delete" in long
                or any(x.text.startswith(":") and len(x.text) > 1 for x in o.operands)
            ):
                self.add(CAUTION, "deletes a remote branch or tag", cmd)
            elif "--prune" in long:
                self.add(CAUTION, "git push --prune deletes remote branches that do not exist locally", cmd)
            else:
                self.add(CAUTION, "uploads commits to the remote (git push)", cmd)
        elif sub == "checkout":
            if "--" in words:
                paths = words[words.index("--") + 1 :]
                self.add(
                    DANGEROUS,
                    f"git checkout -- {' '.join(paths[:3]) or '.'} discards uncommitted changes for good",
                    cmd,
                )
            elif "f" in short or "--force" in long:
                self.add(DANGEROUS, "git checkout -f discards uncommitted changes for good", cmd)
            elif any(x.text in (".", ":/", "*") for x in o.operands):
                self.add(DANGEROUS, "git checkout . discards all uncommitted changes for good", cmd)
            elif "B" in short:
                self.add(CAUTION, "git checkout -B resets an existing branch", cmd)
            elif "p" in short or "--patch" in long:
                self.add(CAUTION, "git checkout -p discards the changes you pick", cmd)
        elif sub == "restore":
            staged = "S" in short or "--staged" in long
            worktree = "W" in short or "--worktree" in long
            if "p" in short or "--patch" in long:
                self.add(CAUTION, "git restore -p discards the changes you pick", cmd)
            elif worktree or not staged:
                paths = [x.text for x in o.operands]
                self.add(
                    DANGEROUS,
                    f"git restore {' '.join(paths[:3])} discards uncommitted changes for good".replace(
                        "  ", " "
                    ),
                    cmd,
                )
        elif sub == "switch":
            if "f" in short or "--force" in long or "--discard-changes" in long:
                self.add(DANGEROUS, "git switch --discard-changes throws away uncommitted changes", cmd)
            elif "C" in short or "--force-create" in long:
                self.add(CAUTION, "git switch -C resets an existing branch", cmd)
        elif sub == "branch":
            deleting = "D" in short or (
                ("d" in short or "--delete" in long) and ("f" in short or "--force" in long)
            )
            if deleting:
                self.add(
                    DANGEROUS,
                    f"git branch -D force-deletes {' '.join(x.text for x in o.operands[:2]) or 'a branch'} (unmerged commits are lost)",
                    cmd,
                )
            elif ("f" in short or "--force" in long) and o.operands:
                self.add(
                    DANGEROUS,
                    f"git branch -f moves {o.operands[0].text} by force (commits only on it are lost)",
                    cmd,
                )
            elif "d" in short or "--delete" in long:
                self.add(CAUTION, "deletes a merged branch", cmd)
            elif "M" in short or "C" in short:
                self.add(CAUTION, "renames or copies a branch over an existing one", cmd)
        elif sub == "stash":
            action = o.operands[0].text if o.operands else ""
            if action == "clear":
                self.add(DANGEROUS, "git stash clear deletes every stash for good", cmd)
            elif action == "drop":
                self.add(DANGEROUS, "git stash drop deletes a stash for good", cmd)
            elif action in ("pop", "apply"):
                self.add(CAUTION, f"git stash {action} changes your working files", cmd)
        elif sub in (
            "rebase", "merge", "pull", "cherry-pick", "revert", "am", "apply", "mv", "rm", "commit", "tag",
            "remote", "gc", "prune", "update-ref", "worktree", "submodule", "lfs", "notes", "replace",
            "send-email", "reflog", "filter-branch", "filter-repo", "config", "rerere", "sparse-checkout",
            "update-index", "symbolic-ref",
        ):
            self.git_other(cmd, sub, o, words)

    def git_other(self, cmd: Command, sub: str, o: _Opts, words: list) -> None:
        short, long = o.short, o.long
        if sub in ("filter-branch", "filter-repo"):
            self.add(DANGEROUS, f"git {sub} rewrites the whole history", cmd)
        elif sub == "reflog":
            if (
                o.operands
                and o.operands[0].text == "expire"
                and any(
                    v in ("now", "all", "0")
                    for v in (o.long.get("--expire", ""), o.long.get("--expire-unreachable", ""))
                )
            ):
                self.add(DANGEROUS, "git reflog expire --expire=now makes lost commits unrecoverable", cmd)
            elif o.operands and o.operands[0].text in ("expire", "delete"):
                self.add(CAUTION, "deletes reflog entries", cmd)
        elif sub in ("rebase", "merge", "pull", "cherry-pick", "revert", "am", "apply"):
            if sub == "rebase" and any(
                w in ("--abort", "--continue", "--skip", "--quit", "--show-current-patch") for w in words
            ):
                return
            if sub == "merge" and any(w in ("--abort", "--continue", "--quit") for w in words):
                return
            if sub == "apply" and any(w in ("--check", "--stat", "--numstat", "--summary") for w in words):
                return
            self.add(CAUTION, f"git {sub} changes your branch and files", cmd)
        elif sub in ("rm", "mv"):
            self.add(
                CAUTION, f"git {sub} {'removes' if sub == 'rm' else 'moves'} files in the working tree", cmd
            )
        elif sub == "commit":
            if "--amend" in long:
                self.add(CAUTION, "git commit --amend rewrites the last commit", cmd)
        elif sub == "tag":
            if "d" in short or "--delete" in long:
                self.add(CAUTION, "deletes a tag", cmd)
            elif "f" in short or "--force" in long:
                self.add(CAUTION, "moves a tag by force", cmd)
        elif sub == "remote":
            if o.operands and o.operands[0].text in ("remove", "rm", "set-url", "prune", "rename"):
                self.add(CAUTION, f"git remote {o.operands[0].text} changes the repository's remotes", cmd)
        elif sub in ("gc", "prune"):
            if any(v.startswith("now") for v in (o.long.get("--prune", ""),)) or sub == "prune":
                self.add(CAUTION, "deletes unreachable objects now", cmd)
        elif sub in ("update-ref",) and "d" in short:
            self.add(CAUTION, "deletes a ref", cmd)
        elif sub == "worktree":
            if o.operands and o.operands[0].text in ("remove", "prune"):
                self.add(
                    CAUTION if not ("f" in short or "--force" in long) else DANGEROUS,
                    "removes a worktree"
                    + (" with its uncommitted changes" if ("f" in short or "--force" in long) else ""),
                    cmd,
                )
        elif sub == "submodule":
            if o.operands and o.operands[0].text == "deinit":
                self.add(CAUTION, "removes a submodule's working tree", cmd)
        elif sub == "lfs" and o.operands and o.operands[0].text == "prune":
            self.add(CAUTION, "deletes old LFS files", cmd)
        elif sub == "send-email":
            self.add(CAUTION, "sends patches by email", cmd)
        elif sub == "config":
            if any(w in ("--unset", "--unset-all", "--remove-section", "--rename-section") for w in words):
                self.add(CAUTION, "changes git configuration", cmd)

    def runs_file(self, cmd: Command, path: str, kind: str = "shell") -> None:
        """A script this same command line downloaded or wrote is judged by where it came from."""
        key = _file_key(path)
        if key in self.downloaded:
            self.add(DANGEROUS, f"runs {path}, downloaded from the network in the same command", cmd)
        elif key in self.written:
            self.merge(self.nested(self.written[key], kind, cmd), cmd)

    def r_shell(self, cmd: Command) -> None:
        code_i, script_i = shell_invocation(cmd.argv)
        if code_i is not None or script_i is None:
            return
        script = cmd.argv[script_i]
        if script.subs:
            inner = self.substitution_commands(script)
            if any(is_download(c) for c in inner):
                self.add(DANGEROUS, f"runs a script fetched from the network ({cmd.name} <(...))", cmd)
            else:
                self.add(CAUTION, f"runs a script produced by a command ({cmd.name} <(...))", cmd)
        else:
            self.runs_file(cmd, script.text)

    def r_source(self, cmd: Command) -> None:
        if not cmd.args:
            return
        script = cmd.args[0]
        if script.subs:
            inner = self.substitution_commands(script)
            if any(is_download(c) for c in inner):
                self.add(DANGEROUS, "sources a script fetched from the network", cmd)
            else:
                self.add(CAUTION, "sources the output of a command as shell code", cmd)
        else:
            self.runs_file(cmd, script.text)

    def r_interpreter(self, cmd: Command) -> None:
        kind = interpreter_kind(cmd.name) or cmd.name
        flags = code_flags(kind)
        grammar = grammar_of(cmd.name)
        args = cmd.args
        code = None
        i = 0
        while i < len(args):
            a = args[i]
            t = a.text
            if t in flags and i + 1 < len(args):  # also `pwsh -Command CODE`, `deno eval CODE`
                code = args[i + 1].text
                if not args[i + 1].literal and args[i + 1].subs:
                    inner = self.substitution_commands(args[i + 1])
                    if any(is_download(c) for c in inner):
                        self.add(DANGEROUS, f"runs {kind} code fetched from the network", cmd)
                        return
                    if any(c.name in DECODERS and self.is_decoding(c) for c in inner):
                        self.add(DANGEROUS, f"runs an encoded string as {kind} code", cmd)
                        return
                break
            option = read_option(args, i, grammar)
            if option.name in flags and option.value is not None:  # `-Bc CODE`, `-cCODE`, `--eval=CODE`
                code = option.value
                break
            if kind == "python" and option.name == "-m":
                if option.value == "pip":
                    self.r_lang_packages(Command(argv=[Word("pip")] + list(args[option.next :])))
                return
            if option.name is None:
                if t == "--":
                    i += 1
                    if i >= len(args):
                        break
                    a, t = args[i], args[i].text
                # a script operand
                if a.subs:
                    inner = self.substitution_commands(a)
                    if any(is_download(c) for c in inner):
                        self.add(DANGEROUS, f"runs a {kind} script fetched from the network", cmd)
                else:
                    self.runs_file(cmd, t, kind)
                return
            i = option.next
        if code is None:
            body = next((r.body for r in cmd.redirects if r.op in ("<<", "<<<") and r.body), None)
            if body is None:
                return
            code = body
        self.interpreter_code(kind, code, cmd)

    def r_awk(self, cmd: Command) -> None:
        o = parse_options(cmd.args, grammar_of(cmd.name))
        given = o.values.get("-e", []) + o.values.get("--source", [])
        if given or o.values.get("-f") or o.values.get("--file"):
            program = "\n".join(given)
        else:
            program = o.operands[0].text if o.operands else ""
        for m in re.finditer(r"""\bsystem\s*\(\s*"((?:[^"\\]|\\.)*)"\s*\)""", program):
            self.merge(self.nested(m.group(1).replace('\\"', '"')), cmd)
        if re.search(r"""\|\s*"(?:/bin/)?(?:ba|z|da)?sh"\s*""", program):
            self.add(CAUTION, "awk pipes the text it builds into a shell", cmd)

    def r_find(self, cmd: Command) -> None:
        words = [a.text for a in cmd.args]
        if "-delete" in words:
            scope = self.find_scope(cmd)
            roots, filtered = _find_roots(cmd)
            if scope is not None:
                self.add(
                    DANGEROUS,
                    f"find -delete deletes {scope.replace('every file it finds in ', 'every file in ')}",
                    cmd,
                )
            else:
                self.add(CAUTION, "find -delete deletes the files it matches", cmd)
        for flag in ("-fprint", "-fprint0", "-fprintf", "-fls"):
            if flag in words:
                self.add(CAUTION, f"find {flag} overwrites a file", cmd)

    def r_sql(self, cmd: Command) -> None:
        name = cmd.name
        words = [a.text for a in cmd.args]
        sql = None
        flags = {
            "psql": ("-c", "--command"),
            "mysql": ("-e", "--execute"),
            "mariadb": ("-e", "--execute"),
            "clickhouse-client": ("-q", "--query"),
            "cqlsh": ("-e", "--execute"),
            "mongo": ("--eval",),
            "mongosh": ("--eval",),
        }.get(name, ())
        for i, w in enumerate(words):
            if w in flags and i + 1 < len(words):
                sql = words[i + 1]
            elif any(w.startswith(f + "=") for f in flags if f.startswith("--")):
                sql = w.split("=", 1)[1]
            elif name in ("mysql", "mariadb") and w.startswith("-e") and len(w) > 2:
                sql = w[2:]
        if name == "sqlite3":
            operands = [w for w in words if not w.startswith("-")]
            if len(operands) >= 2:
                sql = " ".join(operands[1:])
        if name == "redis-cli":
            upper = [w.upper() for w in words]
            if "FLUSHALL" in upper or "FLUSHDB" in upper:
                self.add(
                    DANGEROUS,
                    f"redis-cli {'FLUSHALL' if 'FLUSHALL' in upper else 'FLUSHDB'} deletes every key",
                    cmd,
                )
            elif any(u in ("DEL", "UNLINK", "SHUTDOWN", "CONFIG") for u in upper):
                self.add(CAUTION, "changes data in Redis", cmd)
            return
        if sql is None:
            sql = next((r.body for r in cmd.redirects if r.op in ("<<", "<<<") and r.body), None)
        if sql:
            self.sql(cmd, sql)

    def sql(self, cmd: Command, sql: str) -> None:
        m = _SQL_DANGEROUS.search(sql)
        if m:
            self.add(
                DANGEROUS, f"runs `{m.group(0).strip().rstrip(';')[:40]}`: the data is gone for good", cmd
            )
        elif _SQL_WRITE.search(sql):
            self.add(CAUTION, "changes data in the database", cmd)

    def r_db_admin(self, cmd: Command) -> None:
        name = cmd.name
        words = [a.text for a in cmd.args]
        if name == "mysqladmin":
            if "drop" in words:
                self.add(DANGEROUS, "mysqladmin drop deletes a whole database", cmd)
            elif any(
                w
                in (
                    "shutdown", "flush-hosts", "flush-logs", "flush-privileges", "kill", "password",
                    "create", "reload", "refresh",
                )
                for w in words
            ):
                self.add(
                    CAUTION,
                    f"mysqladmin changes the server ({next(w for w in words if not w.startswith('-'))})",
                    cmd,
                )
        elif name in ("dropdb",):
            if any(w in ("-i", "--interactive") for w in words):
                self.add(CAUTION, "dropdb deletes a whole database (after asking)", cmd)
            else:
                self.add(DANGEROUS, "dropdb deletes a whole database", cmd)
        elif name in ("dropuser",):
            self.add(CAUTION, "deletes a database user", cmd)

    def r_cloud(self, cmd: Command) -> None:
        name = cmd.name
        args = cmd.args
        words = [a.text for a in args]
        operands = [w.text for w in parse_options(args, grammar_of(name)).operands]
        flags = set(w.split("=")[0] for w in words if w.startswith("-"))
        path = operands[:4]
        lower = [w.lower() for w in path]
        # The clearest mass deletions first.
        if name in ("terraform", "tofu", "terragrunt", "pulumi"):
            if (
                "destroy" in lower[:2]
                or ("apply" in lower[:2] and "-destroy" in flags)
                or ("up" in lower[:1] and "--destroy" in flags)
            ):
                targeted = any(w.startswith("-target") or w.startswith("--target") for w in words)
                if targeted:
                    self.add(CAUTION, f"{name} destroy deletes the targeted infrastructure", cmd)
                else:
                    self.add(
                        DANGEROUS,
                        f"{name} destroy deletes all the infrastructure this configuration manages",
                        cmd,
                    )
                return
            if (
                lower[:1]
                and lower[0] in ("apply", "import", "taint", "untaint", "force-unlock", "up", "refresh")
                or lower[:2] == ["state", "rm"]
            ):
                self.add(CAUTION, f"{name} {lower[0]} changes real infrastructure", cmd)
            return
        if name == "aws" and lower[:2] == ["s3", "rb"] and "--force" in flags:
            self.add(DANGEROUS, "aws s3 rb --force deletes the bucket and every object in it", cmd)
            return
        if (
            name == "aws"
            and lower[:2] == ["s3", "rm"]
            and "--recursive" in flags
            and any(re.fullmatch(r"s3://[^/]+/?", w) for w in operands)
        ):
            self.add(DANGEROUS, "aws s3 rm --recursive deletes every object in the bucket", cmd)
            return
        if (
            (name == "aws" and lower[:2] == ["s3", "sync"] and "--delete" in flags)
            or (name == "gsutil" and "rsync" in lower and "-d" in flags)
            or (name == "rclone" and lower[:1] == ["sync"])
            or (
                name == "azcopy"
                and lower[:1] == ["sync"]
                and any("delete-destination" in w and "false" not in w for w in words)
            )
            or (name == "mc" and lower[:1] == ["mirror"] and "--remove" in flags)
        ):
            self.add(
                DANGEROUS,
                f"{name} {lower[0] if lower[0] != 's3' else 's3 sync'} deletes everything at the destination that is not in the source",
                cmd,
            )
            return
        if (
            name == "gsutil"
            and "rm" in lower
            and (
                "-r" in flags
                or "-R" in flags
                or any(f.startswith("-") and "r" in f.lower() for f in flags if not f.startswith("--"))
            )
            and any(re.fullmatch(r"gs://[^/]+/?", w) for w in operands)
        ):
            self.add(DANGEROUS, "gsutil rm -r deletes every object in the bucket", cmd)
            return
        if name == "gcloud" and lower[:2] == ["projects", "delete"]:
            self.add(DANGEROUS, "gcloud projects delete deletes the whole project", cmd)
            return
        if name == "az" and lower[:2] == ["group", "delete"]:
            self.add(DANGEROUS, "az group delete deletes the resource group and everything in it", cmd)
            return
        if name == "mc" and "rb" in lower[:1] and "--force" in flags:
            self.add(DANGEROUS, "mc rb --force deletes the bucket and everything in it", cmd)
            return
        if name == "rclone" and lower[:1] == ["purge"]:
            self.add(DANGEROUS, "rclone purge deletes the path and everything in it", cmd)
            return
        if name == "borg" and lower[:1] == ["delete"] and len(operands) > 1 and "::" not in operands[1]:
            self.add(DANGEROUS, "borg delete deletes the whole backup repository", cmd)
            return
        if name == "aws" and "delete-db-instance" in lower and "--skip-final-snapshot" in flags:
            self.add(DANGEROUS, "deletes the database without a final snapshot", cmd)
            return
        if (
            name in ("gh", "glab")
            and lower[:2] in (["repo", "delete"],)
            and ("--yes" in flags or "-y" in flags or "--confirm" in flags)
        ):
            self.add(DANGEROUS, f"{name} repo delete deletes the repository without asking", cmd)
            return
        if name in ("gitlab-rails",) and any(re.search(r"destroy_all|delete_all", w) for w in words):
            self.add(DANGEROUS, "gitlab-rails runs a mass deletion", cmd)
            return
        hit = next(
            (
                w
                for w in lower
                if _DESTRUCTIVE_VERB.match(w) or _CLOUD_VERB_PART.search(w) or w in ("cp", "mv")
            ),
            None,
        )
        if hit is None and any(w in ("-X", "--method") for w in words):
            i = next(k for k, w in enumerate(words) if w in ("-X", "--method"))
            if i + 1 < len(words) and words[i + 1].upper() in ("DELETE", "PUT", "PATCH", "POST"):
                hit = words[i + 1].lower()
        if (
            hit is None
            and name in ("aws",)
            and any(
                w.startswith(
                    (
                        "delete-", "terminate-", "remove-", "put-", "update-", "create-", "modify-",
                        "change-", "batch-delete",
                    )
                )
                for w in lower
            )
        ):
            hit = next(
                w
                for w in lower
                if w.startswith(
                    (
                        "delete-", "terminate-", "remove-", "put-", "update-", "create-", "modify-",
                        "change-", "batch-delete",
                    )
                )
            )
        if hit is None:
            hit = next(
                (
                    w
                    for w in words
                    if re.match(r"^--(?:remove|delete|purge|prune|cleanup|force|destroy)(?:[-=]|$)", w)
                ),
                None,
            )
            if hit is not None:
                path = path + [hit]
        if hit is None and name in ("gh", "glab") and lower[:1] and lower[0] in ("api",):
            return
        if (
            hit is None
            and name in ("kubectl", "oc", "helm")
            and lower[:1]
            and lower[0]
            in (
                "apply", "create", "replace", "patch", "edit", "set", "label", "annotate", "rollout",
                "install", "upgrade", "rollback", "expose", "run", "taint",
            )
        ):
            hit = lower[0]
        if (
            hit is None
            and name in ("aws", "gcloud", "az")
            and any(w in ("put-secret-value", "update-secret", "change-resource-record-sets") for w in lower)
        ):
            hit = "update"
        if hit:
            self.add(
                CAUTION,
                f"{name} {' '.join(path[: path.index(hit) + 1] if hit in path else path[:2])} changes or deletes cloud resources".replace(
                    "  ", " "
                ),
                cmd,
            )

    def r_misc_system(self, cmd: Command) -> None:
        name = cmd.name
        words = [a.text for a in cmd.args]
        if name in (
            "mount", "umount", "swapoff", "swapon", "modprobe", "rmmod", "insmod", "depmod", "losetup",
            "fsck", "e2fsck", "tune2fs", "resize2fs", "xfs_repair", "btrfs", "quotaoff", "update-grub",
            "grub-install", "grub2-install", "update-initramfs", "dracut", "efibootmgr", "kpartx",
        ):
            if (
                name in ("mount", "umount", "losetup", "btrfs", "swapon")
                and (
                    not words
                    or all(
                        w.startswith("-") and w in ("-l", "-a", "--all", "-t", "--show", "-s", "--summary")
                        for w in words
                    )
                )
                and name != "umount"
            ):
                return
            if name == "modprobe" and any(
                w in ("-n", "--dry-run", "-c", "--showconfig", "--show-depends") for w in words
            ):
                return
            if name == "efibootmgr" and not any(w.startswith("-") and w not in ("-v",) for w in words):
                return
            if name == "btrfs" and not any(
                w in ("delete", "remove", "balance", "rescue", "check", "zero-log", "replace") for w in words
            ):
                if not any(w in ("subvolume", "filesystem", "device") for w in words[:1]):
                    return
            self.add(CAUTION, f"{name} changes disks, filesystems or kernel modules", cmd)
        elif name in ("sysctl",):
            if any(w in ("-w", "--write", "-p", "--load", "--system") or "=" in w for w in words):
                self.add(CAUTION, "changes kernel settings (sysctl)", cmd)
        elif name in (
            "useradd", "adduser", "usermod", "groupadd", "groupdel", "groupmod", "passwd", "chpasswd",
            "chage", "gpasswd", "visudo", "vipw", "chsh", "newusers", "deluser", "delgroup",
        ):
            if name == "passwd" and any(w in ("-S", "--status") for w in words):
                return
            if name == "passwd" and any(w in ("-d", "--delete") for w in words):
                self.add(DANGEROUS, "passwd -d removes the password: the account opens without one", cmd)
                return
            if name == "deluser" and "--remove-home" in words:
                self.add(DANGEROUS, "deletes the user and their home directory", cmd)
                return
            self.add(CAUTION, f"{name} changes user accounts", cmd)
        elif name == "userdel":
            if any(w in ("-r", "--remove", "-rf", "-fr") for w in words):
                self.add(DANGEROUS, "userdel -r deletes the user's home directory and mail", cmd)
            else:
                self.add(CAUTION, "deletes a user account", cmd)
        elif name in (
            "ip", "ifconfig", "ifdown", "ifup", "nmcli", "route", "iwconfig", "hostnamectl", "timedatectl",
            "localectl", "resolvectl", "netplan",
        ):
            if name == "ip":
                if any(w in ("flush",) for w in words) and any(
                    w in ("addr", "address", "a", "route", "r") for w in words
                ):
                    self.add(CAUTION, "removes network addresses or routes", cmd)
                elif any(
                    w in ("down", "del", "delete", "add", "set", "change", "replace", "flush") for w in words
                ):
                    self.add(CAUTION, "changes the network configuration", cmd)
                return
            if name == "ifconfig":
                if (
                    any(w in ("down", "up", "netmask", "inet", "mtu", "hw") for w in words)
                    or len([w for w in words if not w.startswith("-")]) >= 2
                ):
                    self.add(CAUTION, "changes a network interface", cmd)
                return
            if name in ("nmcli",):
                if any(
                    w in ("down", "delete", "modify", "add", "off", "disconnect", "up", "connect")
                    for w in words
                ):
                    self.add(CAUTION, "changes the network configuration", cmd)
                return
            if name in ("hostnamectl", "timedatectl", "localectl", "resolvectl") and not any(
                w.startswith("set") or w in ("revert", "flush-caches") for w in words
            ):
                return
            if name in ("route",) and not any(
                w in ("add", "del", "delete", "flush", "change") for w in words
            ):
                return
            if name == "netplan" and not any(w in ("apply", "try", "set") for w in words):
                return
            self.add(CAUTION, f"{name} changes system or network settings", cmd)
        elif name == "diskutil":
            verb = words[0] if words else ""
            if verb in ("eraseDisk", "eraseVolume", "partitionDisk", "zeroDisk", "randomDisk", "secureErase", "reformat", "eraseVolume", "splitPartition", "mergePartitions", "deleteVolume"):
                self.add(DANGEROUS, f"diskutil {verb} erases a disk or volume", cmd)
            elif verb in ("unmount", "unmountDisk", "mount", "eject", "rename", "enableJournal", "repairVolume", "repairDisk", "resizeVolume"):
                self.add(CAUTION, f"diskutil {verb} changes a disk", cmd)
        elif name in ("csrutil", "spctl"):
            if any(w in ("disable", "--master-disable", "--global-disable") for w in words):
                self.add(DANGEROUS, f"{name} turns off a system protection ({'SIP' if name == 'csrutil' else 'Gatekeeper'})", cmd)
            elif any(w in ("enable", "clear", "--add", "--master-enable") for w in words):
                self.add(CAUTION, f"{name} changes a system protection", cmd)
        elif name in ("nsupdate",):
            self.add(CAUTION, "sends updates to a DNS server", cmd)
        elif name in ("at", "batch"):
            if words and not any(w in ("-l", "-c") for w in words):
                self.add(CAUTION, "schedules a command to run later", cmd)
        elif name in ("atrm",):
            self.add(CAUTION, "deletes scheduled jobs", cmd)
        elif name in ("chroot",):
            self.add(CAUTION, "runs a command in another root directory", cmd)
        elif name == "su":
            self.add(CAUTION, "switches user", cmd)

    def r_cat(self, cmd: Command) -> None:
        for a in cmd.args:
            if a.text == "/dev/port":
                self.add(DANGEROUS, "reads /dev/port, which can hang the machine", cmd)
            elif a.text in ("/dev/mem", "/dev/kmem"):
                self.add(CAUTION, f"reads {a.text} (raw memory)", cmd)


_SETUP_WORDS = frozenset(
    {
        "init", "env", "shellenv", "hook", "activate", "completion", "completions", "alias", "shell-init",
        "setup", "--bash", "--zsh", "--fish", "bash", "zsh", "fish", "-s", "--sh", "path", "shell",
    }
)


def _asks_for_help(name: str, args: list) -> bool:
    """`rm --help`, `git push --help`: the program prints its help and does nothing else.

    Only up front: `rm -rf / --help` deletes everything where rm does not read options after
    operands (BSD), and bash's `kill -9 -1 --help` kills every process before it complains.
    """
    if not args or not args[0].literal:
        return False
    first = args[0].text
    if first in ("--help", "--version") or (first == "-V" and len(args) == 1):
        return True
    return (
        name in SUBCOMMAND_TOOLS
        and len(args) >= 2
        and args[1].literal
        and args[1].text == "--help"
        and re.fullmatch(r"[a-z][a-z0-9-]*", first) is not None
    )


def _prints_shell_setup(cmd: Command) -> bool:
    """`tool init bash`, `tool env`, `tool completion zsh`: a local tool printing its shell set-up."""
    return bool(cmd.name) and any(a.text in _SETUP_WORDS for a in cmd.args[:3])


def _mode_locks_out(mode: str) -> bool:
    """Can this chmod mode cut the owner off, or let anyone write (which breaks ssh, among others)?"""
    if re.fullmatch(r"[0-7]{3,4}", mode):
        digits = mode[-3:]
        return digits[0] in "0123" or digits[2] in "2367"
    for clause in mode.split(","):
        m = re.fullmatch(r"([ugoa]*)([-+=])([rwxXst]*)", clause)
        if not m:
            return True  # not understood: assume the worst
        who, op, perms = m.groups()
        owner = who == "" or "u" in who or "a" in who
        others = who == "" or "o" in who or "a" in who
        if op == "-" and owner and any(p in perms for p in "rwx"):
            return True
        if op == "=" and owner and not ("r" in perms and "w" in perms):
            return True
        if op in "+=" and others and "w" in perms:
            return True
    return False


def _file_key(path: str) -> str:
    return posixpath.normpath(path) if path else path


def _quote(part: str) -> str:
    return part if re.fullmatch(r"[\w@%+=:,./~*-]+", part) else "'" + part.replace("'", "'\\''") + "'"


def _tiny_retention(key: str, value: str) -> bool:
    m = re.fullmatch(r"(\d+)\s*([a-zA-Z]*)", value.strip())
    if not m:
        return False
    number, unit = int(m.group(1)), m.group(2).lower()
    if key == "vacuum-time":
        seconds = {
            "": 1,
            "s": 1,
            "sec": 1,
            "m": 60,
            "min": 60,
            "h": 3600,
            "d": 86400,
            "days": 86400,
            "w": 604800,
            "weeks": 604800,
            "month": 2592000,
            "months": 2592000,
            "y": 31536000,
            "years": 31536000,
        }.get(unit, 86400)
        return number * seconds < 86400
    if key == "vacuum-size":
        size = {
            "": 1,
            "b": 1,
            "k": 1024,
            "kb": 1024,
            "m": 1 << 20,
            "mb": 1 << 20,
            "g": 1 << 30,
            "gb": 1 << 30,
        }.get(unit, 1 << 20)
        return number * size < (1 << 20)
    if key == "vacuum-files":
        return number <= 1
    return False


def _find_roots(find: Command) -> tuple:
    """(start paths, whether a name-like filter narrows what is matched)."""
    roots = []
    args = find.args
    i = 0
    while i < len(args) and args[i].text in ("-H", "-L", "-P", "-O0", "-O1", "-O2", "-O3", "-D"):
        i += 2 if args[i].text == "-D" else 1
    while i < len(args):
        t = args[i].text
        if t.startswith("-") or t in ("(", "!", ")", ","):
            break
        roots.append(args[i])
        i += 1
    filters = {
        "-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename", "-regex", "-iregex", "-lname",
        "-ilname", "-newer", "-mtime", "-mmin", "-atime", "-amin", "-ctime", "-cmin", "-size", "-empty",
        "-inum", "-samefile", "-user", "-uid", "-group", "-gid", "-nouser", "-nogroup", "-perm", "-links",
        "-newermt", "-newerct", "-used", "-fstype", "-context",
    }
    filtered = any(a.text in filters for a in args[i:])
    return roots, filtered


_DESTROYERS = frozenset(
    {"rm", "shred", "srm", "unlink", "rmdir", "truncate", "chmod", "chown", "chgrp", "mv", "wipe", "dd"}
)

_Q = r"""(?P<q>['"`])(?P<s>(?:(?!(?P=q)).|\\.)*?)(?P=q)"""
_SHELL_OUT = (
    re.compile(
        r"(?:os\.system|os\.popen|subprocess\.(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput)|commands\.getoutput|pty\.spawn|\bsystem|\bexec(?:Sync)?|\bspawnSync|\bshell_exec|\bpassthru|\bpopen|\bproc_open|IO\.popen|Open3\.\w+|%x|\bqx|child_process\.\w+)\s*[\(\{]?\s*"
        + _Q
    ),
    re.compile(r"(?<![\w$])`(?P<s>[^`]+)`(?P<q>)"),
    re.compile(r"\bdo shell script\s+\"(?P<s>[^\"]+)\"(?P<q>)"),
)
_SHELL_OUT_LIST = re.compile(
    r"(?:subprocess\.(?:run|call|check_call|check_output|Popen)|os\.execvp?e?|spawnSync|spawn|execFileSync|execFile)\s*\(\s*(?:['\"][\w./-]+['\"]\s*,\s*)?\[(?P<l>[^\]]*)\]"
)
_RECURSIVE_DELETE = re.compile(
    r"(?:shutil\.rmtree|\brmtree|\bremove_tree|FileUtils\.(?:rm_rf|rm_r|remove_dir|remove_entry(?:_secure)?|rmtree)|\brimraf(?:\.sync)?|fs\.(?:rmSync|rmdirSync|rm|rmdir|removeSync|remove)\s*(?=\([^)]*recursive)|fse?\.(?:removeSync|remove|emptyDirSync)|Deno\.remove(?=\([^)]*recursive)|rm_rf)\s*\(\s*(?P<q>['\"])(?P<p>[^'\"]*)(?P=q)"
)
_RECURSIVE_DELETE_HOME = re.compile(
    r"(?:rmtree|rm_rf|rmSync|remove_tree)\s*\(\s*(?:os\.path\.expanduser\(\s*['\"]~['\"]\s*\)|Path\.home\(\)|os\.environ\[['\"]HOME['\"]\]|ENV\[['\"]HOME['\"]\]|Dir\.home|os\.homedir\(\)|process\.env\.HOME|\$ENV\{HOME\})\s*[,)]"
)
_FILE_DELETE = re.compile(
    r"(?:os\.(?:remove|unlink|rmdir)|\bunlink(?:Sync)?|File\.delete|FileUtils\.rm|Path\([^)]*\)\.unlink|fs\.unlinkSync|File::Path)\s*\(\s*(?P<q>['\"])(?P<p>[^'\"]+)(?P=q)"
)
_FILE_WRITE = re.compile(
    r"(?:\bopen\s*\(\s*(?P<q>['\"])(?P<p>[^'\"]+)(?P=q)\s*,\s*['\"][wx]b?['\"]|writeFileSync\s*\(\s*['\"](?P<p2>[^'\"]+)['\"])"
)
_FORK = re.compile(r"\bfork\s*\(|\bfork\b")
_LOOP = re.compile(r"\bwhile\b|\bfor\s*\(\s*;\s*;\s*\)|\bloop\s*\{|\bfork\s+while\b|\buntil\b")
_EXEC_CALL = re.compile(r"\b(?:exec|eval|Function|instance_eval|class_eval)\s*\(")
_NET_CALL = re.compile(
    r"urlopen|urllib|requests\.(?:get|post)|http\.client|https?\.get|fetch\(|Net::HTTP|open-uri|LWP::|HTTP::Tiny|file_get_contents\(\s*['\"]https?:|socket"
)
_DECODE_CALL = re.compile(
    r"b64decode|base64|decode\(\s*['\"](?:hex|rot13|base64)|codecs\.decode|zlib\.decompress|marshal\.loads|atob\(|Buffer\.from\([^)]*['\"](?:base64|hex)['\"]|unpack\(|MIME::Base64|fromhex"
)
_SOCKET = re.compile(r"socket|TCPSocket|IO::Socket|net\.connect|fsockopen|/dev/tcp/")
_SPAWN_SHELL = re.compile(r"/bin/(?:ba)?sh|pty\.spawn|cmd\.exe|\bexec\s*\(\s*['\"](?:/bin/)?(?:ba)?sh|dup2")


_RULES = {
    "rm": _Rater.r_rm,
    "unlink": _Rater.r_unlink,
    "rmdir": _Rater.r_rmdir,
    "shred": _Rater.r_shred,
    "srm": _Rater.r_shred,
    "wipe": _Rater.r_shred,
    "trash": _Rater.r_trash,
    "trash-put": _Rater.r_trash,
    "dd": _Rater.r_dd,
    "mkswap": _Rater.r_mkfs,
    "mke2fs": _Rater.r_mkfs,
    "wipefs": _Rater.r_wipefs,
    "fdisk": _Rater.r_partition,
    "sfdisk": _Rater.r_partition,
    "sgdisk": _Rater.r_partition,
    "parted": _Rater.r_partition,
    "cfdisk": _Rater.r_partition,
    "gdisk": _Rater.r_partition,
    "cgdisk": _Rater.r_partition,
    "blkdiscard": _Rater.r_disk_destroy,
    "flashrom": _Rater.r_disk_destroy,
    "hdparm": _Rater.r_disk_destroy,
    "badblocks": _Rater.r_disk_destroy,
    "cryptsetup": _Rater.r_disk_destroy,
    "zpool": _Rater.r_disk_destroy,
    "zfs": _Rater.r_disk_destroy,
    "lvremove": _Rater.r_disk_destroy,
    "vgremove": _Rater.r_disk_destroy,
    "pvremove": _Rater.r_disk_destroy,
    "mdadm": _Rater.r_disk_destroy,
    "nvme": _Rater.r_disk_destroy,
    "dmsetup": _Rater.r_disk_destroy,
    "chmod": _Rater.r_perms,
    "chown": _Rater.r_perms,
    "chgrp": _Rater.r_perms,
    "chattr": _Rater.r_perms,
    "setfacl": _Rater.r_perms,
    "mv": _Rater.r_mv,
    "cp": _Rater.r_cp,
    "install": _Rater.r_cp,
    "ln": _Rater.r_ln,
    "tee": _Rater.r_tee,
    "sort": _Rater.r_sort,
    "gzip": _Rater.r_compress,
    "gunzip": _Rater.r_compress,
    "bzip2": _Rater.r_compress,
    "bunzip2": _Rater.r_compress,
    "xz": _Rater.r_compress,
    "unxz": _Rater.r_compress,
    "zstd": _Rater.r_compress,
    "lz4": _Rater.r_compress,
    "compress": _Rater.r_compress,
    "truncate": _Rater.r_truncate,
    "sed": _Rater.r_sed,
    "gsed": _Rater.r_sed,
    "setenforce": _Rater.r_setenforce,
    "tar": _Rater.r_tar,
    "bsdtar": _Rater.r_tar,
    "unzip": _Rater.r_unzip,
    "rsync": _Rater.r_rsync,
    "scp": _Rater.r_scp,
    "sftp": _Rater.r_scp,
    "curl": _Rater.r_curl,
    "wget": _Rater.r_wget,
    "nc": _Rater.r_netcat,
    "ncat": _Rater.r_netcat,
    "netcat": _Rater.r_netcat,
    "socat": _Rater.r_socat,
    "ssh-keygen": _Rater.r_ssh_keys,
    "ssh-add": _Rater.r_ssh_keys,
    "ssh-copy-id": _Rater.r_ssh_keys,
    "kill": _Rater.r_kill,
    "killall": _Rater.r_killall,
    "pkill": _Rater.r_killall,
    "killall5": _Rater.r_killall,
    "skill": _Rater.r_killall,
    "shutdown": _Rater.r_power,
    "reboot": _Rater.r_power,
    "halt": _Rater.r_power,
    "poweroff": _Rater.r_power,
    "init": _Rater.r_power,
    "telinit": _Rater.r_power,
    "kexec": _Rater.r_power,
    "systemctl": _Rater.r_systemctl,
    "service": _Rater.r_service,
    "iptables": _Rater.r_firewall,
    "ip6tables": _Rater.r_firewall,
    "iptables-legacy": _Rater.r_firewall,
    "iptables-nft": _Rater.r_firewall,
    "ip6tables-legacy": _Rater.r_firewall,
    "ebtables": _Rater.r_firewall,
    "arptables": _Rater.r_firewall,
    "nft": _Rater.r_firewall,
    "ufw": _Rater.r_firewall,
    "firewall-cmd": _Rater.r_firewall,
    "crontab": _Rater.r_crontab,
    "history": _Rater.r_history,
    "unset": _Rater.r_unset,
    "set": _Rater.r_set,
    "export": _Rater.r_export,
    "journalctl": _Rater.r_journalctl,
    "source": _Rater.r_source,
    ".": _Rater.r_source,
    "awk": _Rater.r_awk,
    "gawk": _Rater.r_awk,
    "mawk": _Rater.r_awk,
    "nawk": _Rater.r_awk,
    "find": _Rater.r_find,
    "psql": _Rater.r_sql,
    "mysql": _Rater.r_sql,
    "mariadb": _Rater.r_sql,
    "sqlite3": _Rater.r_sql,
    "clickhouse-client": _Rater.r_sql,
    "cqlsh": _Rater.r_sql,
    "mongo": _Rater.r_sql,
    "mongosh": _Rater.r_sql,
    "redis-cli": _Rater.r_sql,
    "mysqladmin": _Rater.r_db_admin,
    "dropdb": _Rater.r_db_admin,
    "dropuser": _Rater.r_db_admin,
    "docker": _Rater.r_docker,
    "podman": _Rater.r_docker,
    "nerdctl": _Rater.r_docker,
    "git": _Rater.r_git,
    "cat": _Rater.r_cat,
    "head": _Rater.r_cat,
    "od": _Rater.r_cat,
    "hexdump": _Rater.r_cat,
    "xxd": _Rater.r_cat,
}
for _name in (
    "apt", "apt-get", "aptitude", "yum", "dnf", "microdnf", "zypper", "apk", "snap", "flatpak", "brew",
    "port", "pkg", "pkgin", "pacman", "yay", "paru", "dpkg", "rpm", "emerge", "nix-env", "nix",
    "xbps-install", "xbps-remove", "eopkg", "swupd", "nala",
):
    _RULES[_name] = _Rater.r_packages
for _name in (
    "npx", "bunx", "uvx", "pnpx", "pip", "pip3", "pipx", "uv", "npm", "pnpm", "yarn", "bun", "gem", "cargo", "go", "composer", "luarocks",
    "cpan", "cpanm", "opam", "stack", "cabal", "conda", "mamba", "micromamba", "poetry", "pdm", "hatch",
    "rye", "dotnet", "nuget", "mvn", "mvnw", "gradle", "gradlew", "twine", "rustup",
):
    _RULES[_name] = _Rater.r_lang_packages
for _name in (
    "mount", "umount", "swapoff", "swapon", "modprobe", "rmmod", "insmod", "depmod", "losetup", "fsck",
    "e2fsck", "tune2fs", "resize2fs", "xfs_repair", "btrfs", "quotaoff", "update-grub", "grub-install",
    "grub2-install", "update-initramfs", "dracut", "efibootmgr", "kpartx", "sysctl", "useradd", "adduser",
    "usermod", "groupadd", "groupdel", "groupmod", "passwd", "chpasswd", "chage", "gpasswd", "visudo",
    "vipw", "chsh", "newusers", "deluser", "delgroup", "userdel", "ip", "ifconfig", "ifdown", "ifup",
    "nmcli", "route", "iwconfig", "hostnamectl", "timedatectl", "localectl", "resolvectl", "netplan", "at",
    "batch", "atrm", "nsupdate", "diskutil", "csrutil", "spctl",
):
    _RULES[_name] = _Rater.r_misc_system
