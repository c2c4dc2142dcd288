"""Is a suggested command real shell? Parse it, check its syntax, check the programs it runs.

The parse is done once with tree-sitter-bash (about a millisecond) and shared with the risk rater,
so this module also holds the structural model both need: every simple command the text would run,
with wrappers (`sudo`, `env`, `xargs`, `nohup`, ...) peeled off and the strings that wrappers execute
(`sh -c '...'`, `eval`, `ssh host '...'`, `find -exec`) parsed as code of their own. Quoted text that
nothing executes stays data.

tree-sitter is lenient in some places and strict in others, so its errors are confirmed with the
real shell (`bash -n`, `zsh -n`) before a command is called invalid. fish has no grammar on PyPI:
its syntax is checked with `fish --no-execute`, and the bash grammar is used for the rest on a
best-effort basis. A program that cannot be found is a warning, never a failure: aliases and
functions are invisible from here.
"""

from __future__ import annotations

import codecs
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = [
    "Assessment", "Command", "Script", "Validation", "Word", "assess", "is_warning", "parse", "script_of",
    "validate",
]

SYNTAX_TIMEOUT = 5.0
MAX_CODE_DEPTH = 8  # nested `sh -c "bash -c '...'"` levels that are parsed as code; deeper is unseen
MAX_ALTERNATIVES = 256  # values one word can take through loop variables; more are not checked
TOO_MANY_VALUES = "a word takes more values than can be checked"

WARNING_PREFIX = "warning: "
TOO_DEEP = "the command is nested too deeply to check"

Which = Callable[[str], "str | None"]

# --------------------------------------------------------------------------------------------
# Data: builtins, keywords, hints
# --------------------------------------------------------------------------------------------

BASH_BUILTINS = frozenset(
    """
    . : [ [[ ]] alias bg bind break builtin caller cd command compgen complete compopt continue
    declare dirs disown echo enable eval exec exit export false fc fg getopts hash help history
    jobs kill let local logout mapfile popd printf pushd pwd read readarray readonly return set
    shift shopt source suspend test times trap true type typeset ulimit umask unalias unset wait
    if then else elif fi case esac for select while until do done in function time { } ! coproc
    """.split()
)

ZSH_EXTRAS = frozenset(
    """
    autoload bindkey bye cap chdir clone comparguments compcall compctl compdescribe compfiles
    compgroups compquote comptags comptry compvalues disable echotc echoti emulate float functions
    getcap getln integer limit log noglob print pushln r rehash sched setcap setopt stat unfunction
    unhash unlimit unsetopt vared whence where which zcompile zformat zftp zle zmodload zparseopts
    zprof zpty zregexparse zsocket zstyle ztcp repeat nocorrect foreach end
    """.split()
)

FISH_BUILTINS = frozenset(
    """
    . : [ _ abbr alias and argparse begin bg bind block break breakpoint builtin case cd command
    commandline complete contains continue count dirh dirs disown echo else emit end eval exec exit
    false fg fish_add_path fish_config fish_update_completions for funced funcsave function
    functions help history if isatty jobs math nextd not or path popd prevd printf pushd pwd
    random read realpath return set set_color source status string switch test time trap true type
    ulimit wait while vared open
    """.split()
)

# Programs people (and models) reach for that are often missing, and what to use instead.
HINTS = {
    "fd": "find",
    "fdfind": "find",
    "rg": "grep -r",
    "ag": "grep -r",
    "ack": "grep -r",
    "bat": "cat",
    "batcat": "cat",
    "exa": "ls",
    "eza": "ls",
    "lsd": "ls",
    "htop": "top",
    "btop": "top",
    "gtop": "top",
    "ip": "ifconfig",
    "ifconfig": "ip addr",
    "netstat": "ss",
    "route": "ip route",
    "python": "python3",
    "pip": "pip3 (or python3 -m pip)",
    "nslookup": "dig or getent hosts",
    "dig": "getent hosts",
    "wget": "curl -O",
    "curl": "wget",
    "vim": "vi or nano",
    "nvim": "vi",
    "code": "$EDITOR",
    "delta": "diff",
    "dust": "du -sh",
    "duf": "df -h",
    "procs": "ps",
    "sd": "sed",
    "jq": "python3 -m json.tool",
    "tldr": "man",
    "xclip": "xsel or wl-copy",
    "pbcopy": "xclip -selection clipboard (Linux)",
    "pbpaste": "xclip -o -selection clipboard (Linux)",
    "open": "xdg-open (Linux)",
    "xdg-open": "open (macOS)",
    "gsed": "sed",
    "gawk": "awk",
    "ggrep": "grep",
    "greadlink": "readlink",
    "brew": "your system's package manager",
    "apt": "your system's package manager",
    "apt-get": "your system's package manager",
    "yum": "dnf",
    "service": "systemctl",
    "ncat": "nc",
    "nc": "ncat or socat",
    "tree": "find . -print",
    "watch": "a `while sleep 2; do ...; done` loop",
    "zoxide": "cd",
    "z": "cd",
    "fzf": "grep",
    "doas": "sudo",
    "sudo": "su -c",
    "ifup": "ip link set ... up",
    "docker-compose": "docker compose",
    "podman": "docker",
    "docker": "podman",
    "nproc": "getconf _NPROCESSORS_ONLN",
    "shuf": "sort -R",
    "tac": "tail -r (BSD)",
}

# --------------------------------------------------------------------------------------------
# The parser: one per process, created on first use
# --------------------------------------------------------------------------------------------

_PARSER = None


def _parser():
    """The tree-sitter parser, loaded on first use (about 20 ms) and reused for the process."""
    global _PARSER
    if _PARSER is None:
        import tree_sitter
        import tree_sitter_bash

        _PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_bash.language()))
    return _PARSER


def parse(command: str):
    """Parse `command` with the bash grammar; returns the tree-sitter Tree."""
    return _parser().parse(command.encode("utf-8", "surrogateescape"))


# --------------------------------------------------------------------------------------------
# The structural model
# --------------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class Word:
    """One shell word, with what can be known about its value without running anything.

    `text` is the value with quotes removed and escapes resolved; expansions stay as written in a
    normal form (`${NAME}`, `$(...)`), so `"$HOME"/x` reads `${HOME}/x`. `alts` are the values the
    word can take when it uses a loop variable (`for f in a b; do rm "$f"; done`).
    """

    text: str
    literal: bool = True  # no expansion or substitution: `text` is exactly what the program sees
    quoted: bool = False
    glob: bool = False  # unquoted * ? [ : the shell expands it
    alts: tuple = ()
    subs: tuple = ()  # command / process substitution nodes inside the word
    raw: str = ""  # the source text

    def values(self) -> tuple:
        return self.alts or (self.text,)


@dataclass(slots=True, eq=False)
class Redirect:
    op: str  # > >> < << <<< &> &>> >& <& >| <>
    target: Word | None = None
    fd: str | None = None
    body: str | None = None  # heredoc / herestring text
    body_expands: bool = False  # heredoc with an unquoted delimiter: $(...) inside runs


@dataclass(slots=True, eq=False)
class Pipeline:
    stages: list = field(default_factory=list)  # Command | None per stage


@dataclass(slots=True, eq=False)
class Loop:
    kind: str  # while | until | for | c-for
    infinite: bool = False
    iterations: int | None = None


@dataclass(slots=True, eq=False)
class Command:
    """A simple command as it will run: wrappers peeled off, assignments apart."""

    argv: list  # list[Word]: the program and its arguments
    wrappers: tuple = ()  # ("sudo", "env", ...) in the order they were written
    assignments: dict = field(default_factory=dict)
    redirects: list = field(default_factory=list)
    background: bool = False
    pipeline: Pipeline | None = None
    stage: int = 0
    loop: Loop | None = None
    function: str | None = None  # enclosing function definition
    depth: int = 0  # 0 = typed text; 1+ = inside a string some wrapper executes
    origin: str | None = None  # "sh -c", "eval", "ssh", "find -exec", "xargs", "watch", ...
    parent: Command | None = None  # the command whose string / -exec produced this one
    node: object = None
    remote: bool = False  # runs on another host (`ssh host '...'`): its programs are not ours to check

    @property
    def name(self) -> str:
        """Basename of the program when it is known statically, else ""."""
        if not self.argv:
            return ""
        w = self.argv[0]
        if not w.literal:
            return ""
        return w.text.rsplit("/", 1)[-1]

    @property
    def args(self) -> list:
        return self.argv[1:]

    @property
    def as_root(self) -> bool:
        return any(w in ROOT_WRAPPERS for w in self.wrappers)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Command({' '.join(w.text for w in self.argv)!r}, wrappers={self.wrappers}, origin={self.origin})"


@dataclass(slots=True, eq=False)
class CodeRun:
    """A string some command executes as code (shell or another interpreter)."""

    kind: str  # "shell", "remote", "python", "perl", ...
    text: str | None  # None when nothing static is known
    by: Command | None = None
    opaque: bool = False  # the code itself is only known at run time ($x, $(...))


@dataclass(slots=True, eq=False)
class Script:
    """Everything a command line runs, flattened."""

    source: str
    tree: object = None
    commands: list = field(default_factory=list)  # every Command, nested code included
    functions: dict = field(default_factory=dict)  # name -> list of commands in its body
    code: list = field(default_factory=list)  # CodeRun
    assignments: list = field(default_factory=list)  # (name, Word, Command | None)
    aliases: set = field(default_factory=set)
    loops: list = field(default_factory=list)
    has_error: bool = False
    unseen: list = field(default_factory=list)  # why parts of it were not looked at (never safe)


ROOT_WRAPPERS = frozenset({"sudo", "doas", "su", "run0", "pkexec", "runuser", "gosu", "su-exec"})

SHELLS = frozenset(
    {"sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "fish", "csh", "tcsh", "rbash", "yash", "busybox-sh"}
)

# --------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------

_SIMPLE_BRACED = re.compile(r"^\$\{([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])\}$")


def _unescape_word(raw: str) -> str:
    """Backslash escapes outside quotes: `\\;` is `;`, `\\git` is `git`, `\\<newline>` vanishes."""
    if "\\" not in raw:
        return raw
    out = []
    i, n = 0, len(raw)
    while i < n:
        c = raw[i]
        if c == "\\" and i + 1 < n:
            nxt = raw[i + 1]
            if nxt != "\n":
                out.append(nxt)
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _unescape_dquoted(raw: str) -> str:
    if "\\" not in raw:
        return raw
    out = []
    i, n = 0, len(raw)
    while i < n:
        c = raw[i]
        if c == "\\" and i + 1 < n and raw[i + 1] in '$`"\\\n':
            if raw[i + 1] != "\n":
                out.append(raw[i + 1])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _has_glob(raw: str) -> bool:
    escaped = False
    for c in raw:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c in "*?[":
            return True
    return False


class _WordBuilder:
    __slots__ = ("env", "literal", "quoted", "glob", "subs", "expanded", "in_quotes", "truncated")

    def __init__(self, env: dict) -> None:
        self.env = env
        self.literal = True
        self.quoted = False
        self.glob = False
        self.subs: list = []
        self.expanded = False  # an unquoted variable was replaced by its known value
        self.in_quotes = 0
        self.truncated = False  # more values than MAX_ALTERNATIVES: some were not kept

    def build(self, node) -> Word:
        alts = self.eval(node)
        return Word(
            text=alts[0],
            literal=self.literal,
            quoted=self.quoted,
            glob=self.glob,
            alts=tuple(alts) if len(alts) > 1 else (),
            subs=tuple(self.subs),
            raw=node.text.decode("utf-8", "replace"),
        )

    def _var(self, name: str, raw: str) -> list:
        values = self.env.get(name)
        if values:
            if not self.in_quotes:
                self.expanded = True
            return list(values)
        self.literal = False
        return ["${" + name + "}"] if name else [raw]

    def eval(self, node) -> list:
        t = node.type
        if t == "word":
            raw = node.text.decode("utf-8", "replace")
            if not self.glob and _has_glob(raw):
                self.glob = True
            return [_unescape_word(raw)]
        if t == "number":
            return [node.text.decode("utf-8", "replace")]
        if t == "raw_string":
            self.quoted = True
            return [node.text.decode("utf-8", "replace")[1:-1]]
        if t in ("string", "translated_string"):
            self.quoted = True
            self.in_quotes += 1
            try:
                return self._concat(node, dquoted=True)
            finally:
                self.in_quotes -= 1
        if t == "ansi_c_string":
            self.quoted = True
            body = node.text.decode("utf-8", "replace")[2:-1]
            try:
                return [codecs.decode(body.encode("utf-8", "surrogateescape"), "unicode_escape")]
            except (UnicodeDecodeError, ValueError):
                return [body]
        if t == "concatenation":
            return self._concat(node, dquoted=False)
        if t == "simple_expansion":
            raw = node.text.decode("utf-8", "replace")
            return self._var(raw[1:], raw)
        if t == "expansion":
            raw = node.text.decode("utf-8", "replace")
            m = _SIMPLE_BRACED.match(raw)
            if m:
                return self._var(m.group(1), raw)
            self.literal = False
            return [raw]
        if t in ("command_substitution", "process_substitution"):
            self.literal = False
            self.subs.append(node)
            return [node.text.decode("utf-8", "replace")]
        # arithmetic, brace expressions, extglobs, anything newer: known only at run time.
        self.literal = False
        return [node.text.decode("utf-8", "replace")]

    def _concat(self, node, dquoted: bool) -> list:
        results = [""]
        pos = node.start_byte
        src_text = node.text
        base = node.start_byte
        for child in node.children:
            ct = child.type
            if dquoted and ct == '"':
                pos = child.end_byte
                continue
            if child.start_byte > pos:  # text the grammar left between children
                gap = src_text[pos - base : child.start_byte - base].decode("utf-8", "replace")
                gap = _unescape_dquoted(gap) if dquoted else _unescape_word(gap)
                results = [r + gap for r in results]
            if dquoted and ct == "string_content":
                parts = [_unescape_dquoted(child.text.decode("utf-8", "replace"))]
            else:
                parts = self.eval(child)
            if len(parts) == 1:
                results = [r + parts[0] for r in results]
            else:
                results = [r + p for r in results for p in parts]
                if len(results) > MAX_ALTERNATIVES:
                    results, self.truncated = results[:MAX_ALTERNATIVES], True
            pos = child.end_byte
        end = node.end_byte
        if dquoted and end > pos:
            tail = src_text[pos - base : end - base].decode("utf-8", "replace")
            if tail.endswith('"'):
                tail = tail[:-1]
            if tail:
                results = [r + _unescape_dquoted(tail) for r in results]
        return results


# --------------------------------------------------------------------------------------------
# Wrappers: programs that run another program
# --------------------------------------------------------------------------------------------

# name -> (short options that take a value, long options that take a value, positionals before the command)
_WRAPPERS = {
    "sudo": (
        "ughpCDrtUTR",
        {
            "--user", "--group", "--host", "--prompt", "--close-from", "--chdir", "--role", "--type",
            "--other-user", "--command-timeout", "--chroot",
        },
        0,
    ),
    "doas": ("uC", set(), 0),
    "run0": (
        "uDgM",
        {
            "--user", "--group", "--chdir", "--machine", "--unit", "--description", "--property",
            "--setenv", "--nice", "--slice",
        },
        0,
    ),
    "pkexec": ("", {"--user"}, 0),
    "gosu": ("", set(), 1),
    "su-exec": ("", set(), 1),
    "env": (
        "uCS",
        {"--unset", "--chdir", "--split-string", "--default-signal", "--ignore-signal", "--block-signal"},
        0,
    ),
    "nohup": ("", set(), 0),
    "coproc": ("", set(), 0),
    "setsid": ("", set(), 0),
    "unbuffer": ("", set(), 0),
    "chronic": ("", set(), 0),
    "caffeinate": ("tw", set(), 0),
    "proxychains": ("f", set(), 0),
    "proxychains4": ("f", set(), 0),
    "torsocks": ("aPuwp", set(), 0),
    "tsocks": ("", set(), 0),
    "fakeroot": ("ifs", {"--lib", "--faked"}, 0),
    "time": ("fo", {"--format", "--output"}, 0),
    "nice": ("n", {"--adjustment"}, 0),
    "ionice": ("cnp", {"--class", "--classdata", "--pid", "--pgid", "--uid"}, 0),
    "chrt": ("", set(), 1),
    "taskset": ("", {"--cpu-list"}, 1),
    "stdbuf": ("ioe", {"--input", "--output", "--error"}, 0),
    "timeout": ("sk", {"--signal", "--kill-after"}, 1),
    "exec": ("a", set(), 0),
    "command": ("", set(), 0),
    "builtin": ("", set(), 0),
    "chroot": ("", {"--userspec", "--groups"}, 1),
    "strace": ("oepsuEaPIXSb", set(), 0),
    "ltrace": ("oepsnauAS", set(), 0),
    "xargs": (
        "ILnPdEsa",
        {
            "--arg-file", "--delimiter", "--max-args", "--max-procs", "--replace", "--eof", "--max-lines",
            "--max-chars", "--process-slot-var",
        },
        0,
    ),
    "parallel": (
        "jSNnLIXa",
        {
            "--jobs", "--sshlogin", "--max-args", "--arg-file", "--delay", "--timeout", "--joblog",
            "--results", "--tmpdir", "--workdir",
        },
        0,
    ),
    "watch": ("nq", {"--interval", "--chgexit"}, 0),
    "flock": ("wEc", {"--timeout", "--conflict-exit-code", "--command"}, 1),
    "runuser": ("ugGsw", {"--user", "--group", "--supp-group", "--shell", "--whitelist-environment"}, 0),
    "firejail": ("", set(), 0),
    "sg": ("", set(), 1),
    "unshare": ("", set(), 0),
    "nsenter": ("tSGwrn", {"--target", "--setuid", "--setgid", "--wd", "--root"}, 0),
    "systemd-run": (
        "puEM",
        {
            "--unit", "--property", "--description", "--slice", "--uid", "--gid", "--nice",
            "--working-directory", "--setenv", "--machine",
        },
        0,
    ),
    "valgrind": ("", set(), 0),
    "busybox": ("", set(), 0),
    "toybox": ("", set(), 0),
    "entr": ("", set(), 0),
    "script": ("cEIOT", {"--command", "--echo", "--log-in", "--log-out", "--log-timing"}, 0),
    "ssh": ("bcDEeFIiJLlmOopQRSWwB", set(), 1),
    "su": (
        "cgGsw",
        {"--command", "--session-command", "--group", "--supp-group", "--shell", "--whitelist-environment"},
        0,
    ),
    "eval": ("", set(), 0),
    "ddtrace-run": ("", set(), 0),
    "setpriv": (
        "",
        {
            "--reuid", "--regid", "--groups", "--inh-caps", "--ambient-caps", "--bounding-set", "--securebits",
            "--pdeathsig", "--selinux-label", "--apparmor-profile", "--landlock-access", "--landlock-rule",
        },
        0,
    ),
    "chpst": ("uUenlLmdofpcr", set(), 0),
    "sshpass": ("pfdP", set(), 0),
    "xvfb-run": (
        "nsfepw",
        {"--server-num", "--server-args", "--auth-file", "--error-file", "--xauth-protocol", "--wait"},
        0,
    ),
    "dbus-run-session": ("", {"--config-file", "--dbus-daemon"}, 0),
    "faketime": ("", set(), 1),
    "prlimit": ("p", {"--pid"}, 0),
    "cgexec": ("g", set(), 0),
    "trickle": ("dutlwn", set(), 0),
    "torify": ("", set(), 0),
    "screen": ("ScpTehs", {"-Logfile"}, 0),
}

# `screen` options that attach to, list or drive a session instead of starting a command.
_SCREEN_SESSION_OPTIONS = frozenset("-x -r -R -X -Q -ls -list -wipe -v -h --help --version".split())
# `sg` is also ast-grep's name: its subcommands and options are not a group to switch to.
_AST_GREP_WORDS = frozenset("run scan test new lsp completions help --help --version -p --pattern".split())

# Wrappers whose remaining words are a string some shell parses (not an argv).
_CODE_WRAPPERS = frozenset({"eval", "watch", "ssh", "sg"})

_SHELL_VALUE_OPTS = frozenset({"-o", "+o", "-O", "+O", "--rcfile", "--init-file"})


def _split_option(word: str, short_with_value: str, long_with_value: set) -> tuple:
    """(is_option, consumes_next, inline_value) for one word of a wrapper's options."""
    if word == "--" or not word.startswith("-") or word == "-":
        return False, False, None
    if word.startswith("--"):
        name, eq, value = word.partition("=")
        if eq:
            return True, False, value
        return True, name in long_with_value, None
    # short cluster: -u root, -uroot, -iu root
    for i, ch in enumerate(word[1:], start=1):
        if ch in short_with_value:
            if i + 1 < len(word):
                return True, False, word[i + 1 :]
            return True, True, None
    return True, False, None


def shell_invocation(argv: list) -> tuple:
    """For `bash [opts] [-c CODE | SCRIPT] ...`: (index of CODE, index of SCRIPT).

    Both None means the shell reads its program from stdin (`curl ... | sh`, `bash -s`, `bash <<EOF`).
    """
    i, n = 1, len(argv)
    want_code = False
    stdin = False
    while i < n:
        w = argv[i].text
        if w == "--" or w == "-":
            i += 1
            stdin = stdin or w == "-"
            break
        if w in _SHELL_VALUE_OPTS:
            i += 2
            continue
        if w.startswith("--"):
            if w == "--command" or w.startswith("--command="):
                if "=" in w:
                    return i, None
                return (i + 1 if i + 1 < n else None), None
            i += 1
            continue
        if (w.startswith("-") or w.startswith("+")) and len(w) > 1 and argv[i].literal:
            letters = w[1:]
            if "c" in letters and w[0] == "-":
                want_code = True
            if "s" in letters and w[0] == "-":
                stdin = True
            i += 1
            continue
        break
    if want_code:
        return (i if i < n else None), None
    if stdin:
        return None, None
    return None, (i if i < n else None)


_PYTHONS = re.compile(r"^(python|pypy)[0-9.]*$")
INTERPRETERS = {
    "perl": ("-e", "-E"),
    "ruby": ("-e",),
    "node": ("-e", "--eval", "-p", "--print"),
    "nodejs": ("-e", "--eval", "-p", "--print"),
    "bun": ("-e", "--eval"),
    "php": ("-r",),
    "lua": ("-e",),
    "Rscript": ("-e",),
    "osascript": ("-e",),
    "awk": (),
    "deno": ("eval",),
    "pwsh": ("-c", "-Command"),
}


def interpreter_kind(name: str) -> str | None:
    """'python', 'perl', ... for programs that run code given on the command line."""
    if _PYTHONS.match(name):
        return "python"
    base = re.sub(r"[0-9.]+$", "", name)
    if base in INTERPRETERS:
        return base
    return None


# --------------------------------------------------------------------------------------------
# The collector: tree -> Script
# --------------------------------------------------------------------------------------------

_STATEMENT_SKIP = frozenset(
    {
        "comment", "&", ";", ";;", "\n", "&&", "||", "|", "|&", "(", ")", "{", "}", "do", "done", "then",
        "fi", "else", "elif", "if", "while", "until", "for", "in", "case", "esac", "!", "function",
    }
)
_REDIRECTS = frozenset({"file_redirect", "heredoc_redirect", "herestring_redirect"})
_TRUE_WORDS = frozenset({"true", ":", "/bin/true", "/usr/bin/true"})


class _Collector:
    def __init__(
        self,
        script: Script,
        depth: int,
        origin: str | None,
        parent: Command | None,
        env: dict | None = None,
        remote: bool = False,
    ) -> None:
        self.script = script
        self.depth = depth
        self.origin = origin
        self.parent = parent
        self.env: dict = env if env is not None else {}
        self.remote = remote

    # statements -------------------------------------------------------------------------
    def visit(
        self, node, bg: bool = False, loop: Loop | None = None, fn: str | None = None, pipe=None
    ) -> None:
        t = node.type
        if t == "command":
            self.command(node, bg, loop, fn, pipe)
        elif t == "pipeline":
            self.pipeline(node, bg, loop, fn)
        elif t == "redirected_statement":
            self.redirected(node, bg, loop, fn, pipe)
        elif t == "function_definition":
            self.function(node, loop)
        elif t == "for_statement":
            self.for_loop(node, bg, loop, fn, pipe)
        elif t == "while_statement":
            self.while_loop(node, bg, loop, fn, pipe)
        elif t == "c_style_for_statement":
            self.c_for(node, bg, loop, fn, pipe)
        elif t == "variable_assignment":
            self.assignment(node, loop, fn)
        elif t == "declaration_command":
            self.declaration(node, bg, loop, fn)
        elif t == "unset_command":
            words = [self.word(c) for c in node.children if c.type not in ("unset",)]
            self.emit([Word("unset")] + words, {}, [], bg, loop, fn, None, 0, node)
        elif t in ("command_substitution", "process_substitution"):
            self.block(node, False, loop, fn)
        elif t in ("heredoc_body",):
            for c in node.children:
                if c.type in ("command_substitution", "process_substitution"):
                    self.block(c, False, loop, fn)
        elif t in (
            "comment",
            "heredoc_content",
            "heredoc_start",
            "heredoc_end",
            "raw_string",
            "ansi_c_string",
        ):
            return
        elif t in ("word", "number"):
            return
        else:
            self.block(node, bg, loop, fn, pipe)

    def block(self, node, bg: bool, loop, fn, pipe=None) -> None:
        """Statements in sequence; a statement followed by `&` runs in the background.

        Inside a pipeline stage (`curl x | (cd /tmp; sh)`) every statement reads the pipe.
        """
        children = node.children
        n = len(children)
        for i, child in enumerate(children):
            ct = child.type
            if ct in _STATEMENT_SKIP:
                continue
            child_bg = bg or (i + 1 < n and children[i + 1].type == "&")
            self.visit(child, child_bg, loop, fn, pipe)

    def pipeline(self, node, bg, loop, fn) -> None:
        pipe = Pipeline()
        stages = [c for c in node.children if c.type not in ("|", "|&", "comment")]
        pipe.stages = [None] * len(stages)
        for i, stage in enumerate(stages):
            self.visit(stage, bg, loop, fn, (pipe, i))

    def redirected(self, node, bg, loop, fn, pipe) -> None:
        body = node.child_by_field_name("body")
        redirects: list = []
        extra: list = []  # words after a redirect are the command's arguments: `rm -rf >/dev/null ~`
        tail = None  # (operator, node): the rest of a heredoc's first line
        for c in node.children:
            if c.type in _REDIRECTS:
                redirects.append(self.redirect(c, loop, fn, extra))
                if c.type == "heredoc_redirect":
                    nested, found = self.heredoc_line(c, loop, fn, extra)
                    redirects.extend(nested)
                    tail = tail or found
        if tail is not None and tail[0] == "|" and body is not None:
            self.heredoc_pipeline(body, redirects, extra, tail[1], bg, loop, fn)
            return
        self.redirected_body(node, body, redirects, extra, bg, loop, fn, pipe)
        if tail is not None:
            self.visit(tail[1], bg, loop, fn)  # `cat <<EOF && rm -rf ~`: runs after the heredoc's command

    def heredoc_line(self, node, loop, fn, extra: list) -> tuple:
        """What tree-sitter nests inside a heredoc redirect: the rest of the `<<EOF` line.

        `cat <<EOF -n > out | sh && next` puts `-n` (more arguments, added to `extra`), `> out`
        (more redirects of the same command) and `| sh` or `&& next` (more commands) inside the
        heredoc_redirect node; they run, so they are collected like any other word, redirect or
        statement.
        """
        redirects: list = []
        tail = None
        operator = ";"
        arguments = {c.id for c in node.children_by_field_name("argument")}
        for c in node.children:
            ct = c.type
            if c.id in arguments:
                extra.extend(self.words(c))
                self.visit_subs(c, loop, fn)
            elif ct in ("file_redirect", "herestring_redirect"):
                redirects.append(self.redirect(c, loop, fn, extra))
            elif ct in ("&&", "||", ";", "&", "|", "|&"):
                operator = ct
            elif c.is_named and ct not in ("heredoc_start", "heredoc_body", "heredoc_end") and tail is None:
                tail = ("|" if ct == "pipeline" else operator, c)
        return redirects, tail

    def heredoc_pipeline(self, body, redirects, extra, rest, bg, loop, fn) -> None:
        """`cat <<EOF | sh`: the heredoc's command is a stage of the pipeline that follows it."""

        def stages(n) -> list:
            found = []
            for c in n.children:
                if c.type == "pipeline":
                    found.extend(stages(c))
                elif c.type not in ("|", "|&", "comment"):
                    found.append(c)
            return found

        head = stages(body) if body.type == "pipeline" else [body]
        tail = stages(rest)
        pipe = Pipeline()
        pipe.stages = [None] * (len(head) + len(tail))
        for i, stage in enumerate(head + tail):
            if i == len(head) - 1 and stage.type == "command":
                self.command(stage, bg, loop, fn, (pipe, i), extra_redirects=redirects, extra_words=extra)
            else:
                self.visit(stage, bg, loop, fn, (pipe, i))

    def redirected_body(self, node, body, redirects, extra, bg, loop, fn, pipe) -> None:
        if body is not None and body.type == "command":
            self.command(body, bg, loop, fn, pipe, extra_redirects=redirects, extra_words=extra)
            return
        if body is not None:
            self.visit(body, bg, loop, fn, pipe)
        # Redirects of a compound statement, or of nothing at all (`> /dev/sda`). Words after them
        # (`{ ls; } >x rm -rf ~`, which bash refuses) are judged as a command all the same.
        self.emit(extra, {}, redirects, bg, loop, fn, pipe[0] if pipe else None, pipe[1] if pipe else 0, node)

    def function(self, node, loop) -> None:
        name_node = node.child_by_field_name("name")
        name = name_node.text.decode("utf-8", "replace") if name_node is not None else ""
        self.script.functions.setdefault(name, [])
        body = node.child_by_field_name("body")
        if body is not None:
            self.visit(body, False, loop, name)

    def for_loop(self, node, bg, loop, fn, pipe=None) -> None:
        var = node.child_by_field_name("variable")
        values = [c for c in node.children_by_field_name("value")]
        alts: list = []
        iterations = 0
        for v in values:
            self.visit_subs(v, loop, fn)
            if v.type == "brace_expression":
                iterations += _brace_count(v)
                alts.append(v.text.decode("utf-8", "replace"))
            elif v.type == "command_substitution":
                iterations += _seq_count(v) or 1
                alts.append(v.text.decode("utf-8", "replace"))
            else:
                w = self.word(v)
                alts.extend(w.values())
                iterations += 1
        kind = node.children[0].type if node.children else "for"
        this = Loop("select" if kind == "select" else "for", False, iterations if values else None)
        self.script.loops.append(this)
        if var is not None and alts:
            if len(alts) > MAX_ALTERNATIVES:
                alts = alts[:MAX_ALTERNATIVES]
                self.script.unseen.append(TOO_MANY_VALUES)
            self.env[var.text.decode("utf-8", "replace")] = tuple(alts)
        body = node.child_by_field_name("body")
        if body is not None:
            self.visit(body, False, this, fn, pipe)  # `while :; do x; done &` starts one job, not one a pass

    def while_loop(self, node, bg, loop, fn, pipe=None) -> None:
        keyword = node.children[0].type if node.children else "while"
        cond = node.child_by_field_name("condition")
        infinite = False
        if cond is not None:
            infinite = _always(cond, keyword == "while")
            self.visit(cond, False, loop, fn, pipe)
        this = Loop(keyword, infinite, None)
        self.script.loops.append(this)
        body = node.child_by_field_name("body")
        if body is not None:
            self.visit(body, False, this, fn, pipe)  # `while :; do x; done &` starts one job, not one a pass

    def c_for(self, node, bg, loop, fn, pipe=None) -> None:
        has_condition = node.child_by_field_name("condition") is not None
        this = Loop("c-for", not has_condition, None)
        self.script.loops.append(this)
        body = node.child_by_field_name("body")
        if body is not None:
            self.visit(body, False, this, fn, pipe)  # `while :; do x; done &` starts one job, not one a pass

    def assignment(self, node, loop, fn, record_command: bool = True) -> tuple:
        name_node = node.child_by_field_name("name")
        value = node.child_by_field_name("value")
        name = name_node.text.decode("utf-8", "replace") if name_node is not None else ""
        word = self.word(value) if value is not None else Word("")
        if value is not None:
            self.visit_subs(value, loop, fn)
        if word.literal and name:
            self.env[name] = word.values()
        self.script.assignments.append((name, word, None))
        if record_command:
            self.emit([], {name: word.text}, [], False, loop, fn, None, 0, node)
        return name, word

    def declaration(self, node, bg, loop, fn) -> None:
        words = []
        for c in node.children:
            if c.type == "variable_assignment":
                name, w = self.assignment(c, loop, fn, record_command=False)
                words.append(Word(f"{name}={w.text}", literal=w.literal))
            elif c.type in (
                "variable_name",
                "word",
                "string",
                "raw_string",
                "concatenation",
                "simple_expansion",
                "expansion",
            ):
                words.append(self.word(c))
            elif c.type in ("command_substitution", "process_substitution"):
                self.visit(c, False, loop, fn)
            elif c.children == [] and c.type.isalpha():
                words.append(Word(c.type))
        self.emit(words, {}, [], bg, loop, fn, None, 0, node)

    def visit_subs(self, node, loop, fn) -> None:
        """Commands inside substitutions anywhere under `node` run, wherever the node sits."""
        stack = [node]
        while stack:
            n = stack.pop()
            t = n.type
            if t in ("command_substitution", "process_substitution"):
                self.block(n, False, loop, fn)
                continue
            if t in ("raw_string", "heredoc_content", "ansi_c_string"):
                continue
            if n.child_count:
                stack.extend(n.children)

    # words and redirects ----------------------------------------------------------------
    def word(self, node) -> Word:
        return self.built(node)[1]

    def built(self, node) -> tuple:
        """(builder, word): a word whose values were cut short is recorded as unseen."""
        builder = _WordBuilder(self.env)
        word = builder.build(node)
        if builder.truncated:
            self.script.unseen.append(TOO_MANY_VALUES)
        return builder, word

    def words(self, node) -> list:
        """A word as the shell splits it: an unquoted `$X` whose value has spaces is several."""
        builder, w = self.built(node)
        if builder.expanded and not w.quoted and any(c in w.text for c in " \t\n"):
            return [Word(part, literal=w.literal, raw=w.raw) for part in w.text.split()]
        return [w]

    def redirect(self, node, loop, fn, extra: list) -> Redirect:
        """One redirect; words the grammar hangs after its target (`>/dev/null ~`) go to `extra`."""
        t = node.type
        if t == "heredoc_redirect":
            body = ""
            expands = False
            start = ""
            for c in node.children:
                if c.type == "heredoc_start":
                    start = c.text.decode("utf-8", "replace")
                elif c.type == "heredoc_body":
                    body = c.text.decode("utf-8", "replace")
            expands = not any(q in start for q in "'\"\\")
            if expands:
                for c in node.children:
                    if c.type == "heredoc_body":
                        self.visit(c, False, loop, fn)
            return Redirect("<<", None, None, body, expands)
        if t == "herestring_redirect":
            target = None
            for c in node.children:
                if c.type not in ("<<<",):
                    target = self.word(c)
                    self.visit_subs(c, loop, fn)
            return Redirect("<<<", target, None, target.text if target else "", True)
        op = ""
        fd = None
        target = None
        for c in node.children:
            ct = c.type
            if ct == "file_descriptor":
                fd = c.text.decode("utf-8", "replace")
            elif ct in (">", ">>", "<", "&>", "&>>", ">&", "<&", ">|", "<>", ">&-", "<&-"):
                op += ct
            elif ct == "ERROR":
                op += c.text.decode("utf-8", "replace")
            else:
                if target is None:
                    target = self.word(c)
                else:  # `rm -rf 2>/dev/null / x`: the grammar lists `/ x` as more targets
                    extra.extend(self.words(c))
                self.visit_subs(c, loop, fn)
        return Redirect(op or ">", target, fd)

    # commands ---------------------------------------------------------------------------
    def command(self, node, bg, loop, fn, pipe, extra_redirects=(), extra_words=()) -> None:
        assignments: dict = {}
        words: list = []
        redirects: list = []
        inner: list = []  # nodes holding substitutions: visited after the command, in source order
        for c in node.children:
            ct = c.type
            if ct == "variable_assignment":
                name, w = self.assignment(c, loop, fn, record_command=False)
                assignments[name] = w.text
            elif ct == "command_name":
                for cc in c.children:
                    words.extend(self.words(cc))
                    inner.append(cc)
            elif ct in _REDIRECTS:
                redirects.append(self.redirect(c, loop, fn, words))
            elif ct in ("comment",):
                continue
            else:
                words.extend(self.words(c))
                inner.append(c)
        words.extend(extra_words)
        redirects.extend(extra_redirects)
        self.emit(
            words,
            assignments,
            redirects,
            bg,
            loop,
            fn,
            pipe[0] if pipe else None,
            pipe[1] if pipe else 0,
            node,
        )
        for c in inner:
            if c.type not in ("word", "raw_string", "number"):
                self.visit_subs(c, loop, fn)

    def emit(
        self,
        words,
        assignments,
        redirects,
        bg,
        loop,
        fn,
        pipeline,
        stage,
        node,
        wrappers=(),
        origin=None,
        parent=None,
    ) -> Command:
        argv, wrappers2, code, assigns2, xargs = _unwrap(words)
        assignments = {**assignments, **assigns2}
        cmd = Command(
            argv=argv,
            wrappers=tuple(wrappers) + wrappers2,
            assignments=assignments,
            redirects=redirects,
            background=bg,
            pipeline=pipeline,
            stage=stage,
            loop=loop,
            function=fn,
            depth=self.depth,
            origin=origin or ("xargs" if xargs else self.origin),
            parent=parent or self.parent,
            node=node,
            remote=self.remote,
        )
        if pipeline is not None and stage < len(pipeline.stages) and pipeline.stages[stage] is None:
            pipeline.stages[stage] = cmd
        self.script.commands.append(cmd)
        if cmd.name == "alias":
            for w in cmd.args:
                if "=" in w.text:
                    self.script.aliases.add(w.text.split("=", 1)[0])
        # Strings that run as shell code.
        for kind, text_word, how in code:
            self.code(kind, text_word, how, cmd)
        name = cmd.name
        if name in SHELLS and argv:
            code_i, script_i = shell_invocation(argv)
            if code_i is not None:
                self.code("shell", argv[code_i], f"{name} -c", cmd)
            elif script_i is None:
                for r in redirects:
                    if r.op in ("<<", "<<<") and r.body is not None:
                        self.code("shell", Word(r.body, literal=True), f"{name} <<", cmd)
        elif name in ("find", "fd", "fdfind"):
            self.find_exec(cmd, name)
        return cmd

    def code(self, kind: str, word: Word | None, how: str, by: Command) -> None:
        text = word.text if word is not None else None
        opaque = word is None or _opaque_code(word)
        run = CodeRun(kind, text, by, opaque)
        self.script.code.append(run)
        if text is None or kind not in ("shell", "remote"):
            return
        if self.depth >= MAX_CODE_DEPTH:
            self.script.unseen.append(TOO_DEEP)
            return
        # A string that fails to parse is still rated on what parses: it is data to the outer
        # shell, so it never makes the command itself invalid.
        tree = parse(text)
        sub = _Collector(
            self.script, self.depth + 1, how, by, dict(self.env), self.remote or kind == "remote"
        )
        sub.block(tree.root_node, False, by.loop, by.function)

    def find_exec(self, cmd: Command, name: str) -> None:
        words = cmd.argv
        i, n = 1, len(words)
        while i < n:
            w = words[i].text
            is_exec = (
                w in ("-exec", "-execdir", "-ok", "-okdir")
                if name == "find"
                else w in ("-x", "--exec", "-X", "--exec-batch")
            )
            if not is_exec:
                i += 1
                continue
            j = i + 1
            while j < n and words[j].text not in (";", "+", r"\;"):
                j += 1
            inner = words[i + 1 : j]
            if inner:
                self.emit(
                    list(inner),
                    {},
                    [],
                    cmd.background,
                    cmd.loop,
                    cmd.function,
                    None,
                    0,
                    cmd.node,
                    origin=f"{name} {w}",
                    parent=cmd,
                )
            i = j + 1


def _opaque_code(word: Word) -> bool:
    """Code whose text is one expansion or substitution: nothing about it is known."""
    text = word.text.strip()
    if word.literal:
        return False
    if word.subs and len(word.subs) == 1:
        sub_text = word.subs[0].text.decode("utf-8", "replace").strip()
        if text == sub_text:
            return True
    return bool(re.fullmatch(r"\$\{?[A-Za-z0-9_@*#?!-]+\}?|\$\{[^}]*\}", text))


def _always(cond, is_while: bool) -> bool:
    """Does a loop condition never end the loop (`while true`, `while :`, `until false`)?"""
    text = cond.text.decode("utf-8", "replace").strip().rstrip(";").strip()
    if is_while:
        return text in _TRUE_WORDS or text in ("[ 1 ]", "[[ 1 ]]", "((1))", "(( 1 ))", "[ true ]")
    return text in ("false", "/bin/false")


def _brace_count(node) -> int:
    nums = [c.text for c in node.children if c.type == "number"]
    try:
        if len(nums) >= 2:
            return abs(int(nums[1]) - int(nums[0])) + 1
    except ValueError:
        pass
    return 1


def _seq_count(node) -> int | None:
    """Iterations of `$(seq A B)` / `$(seq B)`, when the numbers are literal."""
    for c in node.children:
        if c.type == "command":
            words = [cc.text.decode("utf-8", "replace") for cc in c.children]
            if words and words[0] == "seq":
                nums = [w for w in words[1:] if re.fullmatch(r"-?\d+", w)]
                try:
                    if len(nums) == 1:
                        return int(nums[0])
                    if len(nums) == 2:
                        return abs(int(nums[1]) - int(nums[0])) + 1
                    if len(nums) == 3:
                        return abs(int(nums[2]) - int(nums[0])) // max(1, abs(int(nums[1]))) + 1
                except ValueError:
                    return None
    return None


def _unwrap(words: list) -> tuple:
    """Peel wrappers off an argv: (argv, wrappers, code strings, assignments, via xargs)."""
    wrappers: list = []
    code: list = []
    assignments: dict = {}
    xargs = False
    argv = list(words)
    while True:  # wrappers nest (`sudo env nice -n 5 rm`); every pass takes at least one word off
        # Leading NAME=value words (after sudo / env).
        while argv and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", argv[0].text):
            k, _eq, v = argv[0].text.partition("=")
            assignments[k] = v
            argv = argv[1:]
        if not argv or not argv[0].literal:
            break
        name = argv[0].text.rsplit("/", 1)[-1]
        spec = _WRAPPERS.get(name)
        if spec is None or (name == "sg" and len(argv) > 1 and argv[1].text in _AST_GREP_WORDS):
            break
        short_v, long_v, positionals = spec
        rest = argv[1:]
        i = 0
        inline_code = None
        query_only = False
        code_option = None
        while i < len(rest):
            w = rest[i].text
            if name in ("busybox", "toybox", "eval"):
                break
            if w == "--":
                i += 1
                break
            if name == "nice" and re.fullmatch(r"-\d+", w):
                i += 1
                continue
            is_opt, takes, inline = _split_option(w, short_v, long_v)
            if not is_opt:
                break
            if name == "command" and w in ("-v", "-V"):
                query_only = True
            if name == "screen" and w in _SCREEN_SESSION_OPTIONS:
                query_only = True  # attaches to, lists or drives an existing session: runs no command
            if name == "sudo" and w in (  # not -k: `sudo -k cmd` forgets the password, then runs cmd
                "-l", "--list", "-v", "--validate", "-K", "--remove-timestamp", "-e", "--edit", "-V",
                "--version", "-h", "--help",
            ):
                query_only = True
            if name in ("su", "runuser", "flock", "script") and (
                w in ("-c", "--command", "--session-command") or w.startswith("--command=")
            ):
                code_option = (
                    rest[i + 1]
                    if takes and i + 1 < len(rest)
                    else (Word(inline) if inline is not None else None)
                )
            if name == "env" and (
                w in ("-S", "--split-string")
                or w.startswith("--split-string=")
                or (w.startswith("-S") and len(w) > 2)
            ):
                inline_code = rest[i + 1] if takes and i + 1 < len(rest) else Word(inline or "")
            i += 2 if takes else 1
        if name == "su" and i < len(rest) and rest[i].text == "-":
            i += 1
        rest = rest[i:]
        if name in ("su", "runuser") and code_option is None:
            code_option = _late_command_option(rest)  # `su root -c CMD`: su takes options after the user
        if query_only:  # `sudo -l`, `command -v git`: nothing else runs
            return argv, tuple(wrappers), code, assignments, xargs
        if code_option is not None or inline_code is not None:
            wrappers.append(name)
            how = "env -S" if inline_code is not None else f"{name} -c"
            code.append(("shell", inline_code if inline_code is not None else code_option, how))
            return [], tuple(wrappers), code, assignments, xargs
        if (
            not rest
            and name not in ROOT_WRAPPERS
            and name not in ("su", "eval", "xargs", "parallel", "ssh", "watch", "exec")
        ):
            # `env`, `nice`, `time` alone: the wrapper is the program (env prints the environment).
            break
        wrappers.append(name)
        if name in ("su", "runuser"):
            # `su user` opens a shell; `runuser -u user -- cmd` runs cmd.
            if name == "runuser" and rest:
                argv = rest
                continue
            return [], tuple(wrappers), code, assignments, xargs
        if name == "env":
            while rest and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", rest[0].text):
                k, _eq, v = rest[0].text.partition("=")
                assignments[k] = v
                rest = rest[1:]
        if positionals:
            rest = rest[positionals:] if len(rest) >= positionals else []
        if name == "flock" and rest and rest[0].text in ("-c", "--command") and len(rest) > 1:
            code.append(("shell", rest[1], "flock -c"))
            return [], tuple(wrappers), code, assignments, xargs
        if name == "sg" and rest and rest[0].text == "-c":
            rest = rest[1:]
        if name in _CODE_WRAPPERS:
            if not rest:
                return [], tuple(wrappers), code, assignments, xargs
            if name == "watch" and any(w.text in ("-x", "--exec") for w in argv[1 : len(argv) - len(rest)]):
                argv = rest
                continue
            kind = "remote" if name == "ssh" else "shell"
            code.append((kind, _join_words(rest), name))
            return [], tuple(wrappers), code, assignments, xargs
        if name == "xargs":
            xargs = True
            if not rest:
                rest = [Word("echo")]
        if name == "parallel":
            cut = next(
                (k for k, w in enumerate(rest) if w.text in (":::", "::::", ":::+", "::::+")), len(rest)
            )
            rest = rest[:cut]
            xargs = True
        if name == "chroot" and not rest:
            return [], tuple(wrappers), code, assignments, xargs
        argv = rest
    return argv, tuple(wrappers), code, assignments, xargs


def _late_command_option(words: list) -> Word | None:
    """The code of a `-c CMD` / `--command=CMD` that stands after an operand (`su root -c CMD`)."""
    for k, w in enumerate(words):
        t = w.text
        if t in ("-c", "--command", "--session-command"):
            return words[k + 1] if k + 1 < len(words) else Word("")
        if t.startswith(("--command=", "--session-command=")):
            return Word(t.split("=", 1)[1])
    return None


def _join_words(words: list) -> Word:
    """Words a wrapper joins with spaces and hands to a shell (`eval`, `ssh host ...`, `watch`)."""
    literal = all(w.literal for w in words)
    subs = tuple(s for w in words for s in w.subs)
    text = " ".join(w.text for w in words)
    return Word(text, literal=literal, subs=subs, raw=" ".join(w.raw for w in words))


def script_of(command: str, tree=None, *, depth: int = 0) -> Script:
    """The structural model of `command` (parses it unless `tree` is given).

    `depth` says how deep inside other code `command` already is (a string some command runs).
    """
    if tree is None:
        tree = parse(command)
    script = Script(source=command, tree=tree, has_error=tree.root_node.has_error)
    _Collector(script, depth, None, None).block(tree.root_node, False, None, None)
    return script


# --------------------------------------------------------------------------------------------
# Syntax
# --------------------------------------------------------------------------------------------


def _error_node(root):
    """The first ERROR or MISSING node, in source order."""
    stack = [root]
    best = None
    while stack:
        n = stack.pop()
        if n.is_missing or n.type == "ERROR":
            if best is None or n.start_byte < best.start_byte:
                best = n
            continue
        if n.has_error:
            stack.extend(n.children)
    return best


def _position(source: bytes, byte_offset: int) -> tuple:
    """1-based (line, column) in characters for a byte offset."""
    before = source[:byte_offset]
    line = before.count(b"\n") + 1
    col_bytes = before[before.rfind(b"\n") + 1 :]
    return line, len(col_bytes.decode("utf-8", "replace")) + 1


def _tree_error(command: str, tree) -> tuple:
    """(position, description) of tree-sitter's first error."""
    node = _error_node(tree.root_node)
    src = command.encode("utf-8", "surrogateescape")
    if node is None:
        return _position(src, len(src)), "unexpected end of input"
    pos = _position(src, node.start_byte)
    if node.is_missing:
        return pos, f"missing `{node.type}`"
    text = node.text.decode("utf-8", "replace").strip().split("\n", 1)[0]
    first = text.split()[0] if text.split() else text
    if not first:
        return pos, "unexpected end of input"
    return pos, f"unexpected `{first[:40]}`"


_CLEAN_ENV_KEYS = ("PATH", "HOME", "LANG", "TMPDIR")


def _run_checker(argv: list, command: str, use_stdin: bool) -> tuple:
    """(ok, message) from a shell's no-execute mode; ok is None when the shell is unavailable."""
    env = {k: os.environ[k] for k in _CLEAN_ENV_KEYS if k in os.environ}
    env["LC_ALL"] = "C"
    try:
        proc = subprocess.run(
            argv if use_stdin else [*argv, command],  # argv takes lone surrogates via surrogateescape
            input=command.encode("utf-8", "surrogateescape") if use_stdin else None,
            capture_output=True,
            timeout=SYNTAX_TIMEOUT,
            env=env,
        )
    except FileNotFoundError:
        return None, ""
    except subprocess.TimeoutExpired:
        return False, "the syntax check timed out"
    except (OSError, ValueError) as exc:
        return None, str(exc)
    message = proc.stderr.decode("utf-8", "replace").strip()
    if use_stdin:  # fish: --no-execute reports errors on stderr, exit 127
        return proc.returncode == 0 and not message, message
    return proc.returncode == 0, message


def _bash_message(stderr: str) -> tuple:
    """(line, text) from bash/zsh -n output such as `bash: -c: line 1: syntax error near ...`."""
    line = None
    text = ""
    for raw in stderr.splitlines():
        m = re.search(r"line (\d+): (.*)", raw) or re.search(r"^zsh:(\d+): (.*)", raw)
        if m:
            if line is None:
                line = int(m.group(1))
                text = m.group(2).strip()
        elif not text:
            text = raw.strip()
    return line, text


def _fish_message(command: str, stderr: str) -> tuple:
    """((line, col) | None, text) from fish's error: message, echoed line, caret."""
    lines = stderr.splitlines()
    text = ""
    pos = None
    for i, raw in enumerate(lines):
        if not text and ("fish:" in raw or "(line" in raw):
            text = raw.split(":", 1)[1].strip() if ":" in raw else raw.strip()
            if i + 2 < len(lines) and "^" in lines[i + 2]:
                echoed = lines[i + 1]
                col = lines[i + 2].index("^") + 1
                src_lines = command.splitlines() or [command]
                line_no = next((k + 1 for k, s in enumerate(src_lines) if s == echoed), 1)
                pos = (line_no, col)
    m = re.search(r"\(line (\d+)\)", stderr)
    if m and pos is not None:
        pos = (int(m.group(1)), pos[1])
    return pos, text or stderr.strip().split("\n", 1)[0]


def _syntax(command: str, shell: str, tree) -> tuple:
    """(fatal problems, warnings, error position)."""
    if shell == "fish":
        if not shutil.which("fish"):
            return [], [WARNING_PREFIX + "fish is not installed here, so its syntax was not checked"], None
        ok, message = _run_checker(["fish", "--no-config", "--no-execute"], command, use_stdin=True)
        if ok is None:
            return [], [WARNING_PREFIX + "fish could not be run, so its syntax was not checked"], None
        if ok:
            return [], [], None
        pos, text = _fish_message(command, message)
        pos = pos or (1, 1)
        return [f"syntax error at {pos[0]}:{pos[1]}: {text}"], [], pos
    if not tree.root_node.has_error:
        return [], [], None
    checker = "zsh" if shell == "zsh" else "bash"
    pos, described = _tree_error(command, tree)
    argv = ["zsh", "-f", "-n", "-c"] if checker == "zsh" else ["bash", "-n", "-c"]
    ok, message = _run_checker(argv, command, use_stdin=False)
    if ok:
        return [], [], None
    if ok is None:
        return (
            [f"syntax error at {pos[0]}:{pos[1]}: {described} (not confirmed: {checker} is not available)"],
            [],
            pos,
        )
    line, text = _bash_message(message)
    text = re.sub(r"^syntax error:?\s*", "", text)
    lines = command.count("\n") + 1
    if "end of file" in text:
        src = command.encode("utf-8", "surrogateescape")
        pos = _position(src, len(src.rstrip()))
    elif line is not None and line != pos[0] and line <= lines:
        pos = (line, 1)
    detail = described if (not text or "`newline'" in text) else text  # bash's `newline' helps nobody
    if described.startswith("missing") and described not in detail:
        detail = f"{detail} ({described})"
    return [f"syntax error at {pos[0]}:{pos[1]}: {detail}"], [], pos


# --------------------------------------------------------------------------------------------
# Programs
# --------------------------------------------------------------------------------------------

_WHICH_CACHE: dict = {}  # (name, PATH) -> (found, when): PATH lookups stat every directory
WHICH_CACHE_SECONDS = 30.0  # a program installed after a warning is seen again soon (the REPL runs long)


def _found(name: str, which: Which) -> bool:
    if which is not shutil.which:
        return bool(which(name))
    key = (name, os.environ.get("PATH", ""))
    now = time.monotonic()
    hit = _WHICH_CACHE.get(key)
    if hit is None or now - hit[1] > WHICH_CACHE_SECONDS:
        if len(_WHICH_CACHE) > 4096:
            _WHICH_CACHE.clear()
        hit = _WHICH_CACHE[key] = (bool(which(name)), now)
    return hit[0]


def _program_problem(name: str, shell: str, script: Script, which: Which) -> str | None:
    """A warning when `name` cannot be found, else None."""
    builtins = (
        FISH_BUILTINS
        if shell == "fish"
        else (BASH_BUILTINS | ZSH_EXTRAS if shell == "zsh" else BASH_BUILTINS)
    )
    if name in builtins or name in script.functions or name in script.aliases:
        return None
    if "/" in name:
        path = os.path.expanduser(name)
        if not os.path.exists(path):
            return f"{WARNING_PREFIX}`{name}` does not exist"
        if os.path.isdir(path):
            return f"{WARNING_PREFIX}`{name}` is a directory, not a program"
        if not os.access(path, os.X_OK):
            return f"{WARNING_PREFIX}`{name}` is not executable (try `sh {name}` or `chmod +x {name}`)"
        return None
    if _found(name, which):
        return None
    hint = HINTS.get(name)
    if hint:
        return f"{WARNING_PREFIX}`{name}` is not installed; try `{hint}`"
    return f"{WARNING_PREFIX}`{name}` is not installed or not on PATH (fine if it is an alias or function)"


def _programs(script: Script) -> list:
    seen: dict = {}
    for cmd in script.commands:
        if cmd.remote:
            continue
        for wrapper in cmd.wrappers:
            seen.setdefault(wrapper, None)
        if not cmd.argv:
            continue
        w = cmd.argv[0]
        if not w.literal or not w.text or w.text.startswith("!") or w.text.startswith("-"):
            continue
        seen.setdefault(w.text, None)
    return list(seen)


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


@dataclass
class Validation:
    """Is the command real shell that can run here?

    `problems` lists fatal problems first (syntax errors, an empty command), then warnings, which
    start with "warning: " and never make a command invalid (`is_warning` tells them apart).
    """

    valid: bool
    problems: list
    programs: list
    error_position: tuple | None = None


@dataclass
class Assessment:
    """Validation and risk rating of one command, from a single parse."""

    command: str
    valid: bool
    problems: list
    risk: str
    reasons: list
    programs: list
    error_position: tuple | None = None


def is_warning(problem: str) -> bool:
    """True for problems that do not make a command invalid (unknown programs, skipped checks)."""
    return problem.startswith(WARNING_PREFIX)


def _shell_name(shell: str | None) -> str:
    name = (shell or "bash").rsplit("/", 1)[-1].strip().lower() or "bash"
    if name.startswith("-"):
        name = name[1:]
    if name in ("bash", "zsh", "fish", "sh"):
        return name
    return "zsh" if name.endswith("zsh") else ("fish" if name.endswith("fish") else "bash")




def _script_or_none(command: str, tree) -> Script | None:
    """The structural model, or None when the nesting is deeper than Python's stack."""
    try:
        return script_of(command, tree)
    except RecursionError:
        return None


def _validate(command: str, shell: str, which: Which, tree=None, script: Script | None = None) -> Validation:
    if not command.strip():
        return Validation(False, ["the command is empty"], [], None)
    if "\x00" in command:
        return Validation(False, ["the command contains a NUL byte"], [], None)
    if tree is None:
        tree = parse(command)
    if script is None:
        script = _script_or_none(command, tree)
    fatal, warnings, pos = _syntax(command, shell, tree)
    if script is None:
        return Validation(
            not fatal, fatal + warnings + [f"{WARNING_PREFIX}{TOO_DEEP} which programs it runs"], [], pos
        )
    programs = _programs(script)
    for name in programs:
        problem = _program_problem(name, shell, script, which)
        if problem:
            warnings.append(problem)
    if TOO_DEEP in script.unseen:
        warnings.append(f"{WARNING_PREFIX}{TOO_DEEP} which programs it runs")
    return Validation(not fatal, fatal + warnings, programs, pos)


def validate(command: str, shell: str = "bash", *, which: Which = shutil.which) -> Validation:
    """Parse, confirm syntax errors with the shell itself, and check the programs exist."""
    return _validate(command, _shell_name(shell), which)


def assess(command: str, shell: str = "bash", *, which: Which = shutil.which) -> Assessment:
    """Validate and rate `command` from one parse."""
    from nlshell import safety

    shell_name = _shell_name(shell)
    usable = bool(command.strip()) and "\x00" not in command
    tree = parse(command) if usable else None
    script = _script_or_none(command, tree) if usable else None
    validation = _validate(command, shell_name, which, tree, script)
    rating = safety.rate(command, tree=tree, _script=script) if usable else safety.Rating(safety.SAFE, [])
    if tree is not None and tree.root_node.has_error and validation.valid and rating.risk != safety.DANGEROUS:
        # bash accepts what the grammar could not parse: part of the command was never seen by the
        # rater (e.g. `cat <<EOF; rm -rf ~`), so it must not pass as safe.
        rating = safety.Rating(
            safety.DANGEROUS, [*rating.reasons, "nlshell cannot fully analyse this command; read it carefully"]
        )
    return Assessment(
        command=command,
        valid=validation.valid,
        problems=validation.problems,
        risk=rating.risk,
        reasons=rating.reasons,
        programs=validation.programs,
        error_position=validation.error_position,
    )
