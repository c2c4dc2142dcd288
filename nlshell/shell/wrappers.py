"""Wrappers: programs that run another program (`sudo`, `env`, `nice -n 5`, `timeout 10`, `xargs`)
or hand a string to a shell (`eval`, `ssh host '...'`, `su -c '...'`, `watch '...'`).

Each wrapper's option grammar says which of its options take a value, so `sudo -u root rm` runs
`rm`, not `root`; `positionals` counts the operands it takes before the command (`timeout 10`).
Peeling goes on until no wrapper is left: `sudo env nice -n 5 rm` is `rm`, however deep.
"""

from __future__ import annotations

import re
import shlex

from nlshell.shell.feeds import PARALLEL, XARGS, feed_of
from nlshell.shell.launchers import emulate_code, join_words, screen_code, tmux_code
from nlshell.shell.model import ROOT_WRAPPERS, Feed, Word
from nlshell.shell.options import Grammar, read_option
from nlshell.shell.patterns import lazy
from nlshell.shell.records import Frozen, Value
from nlshell.shell.runners import runner_of


class Wrapper(Frozen):
    __slots__ = ("grammar", "positionals")

    def __init__(self, grammar: Grammar, positionals: int = 0) -> None:
        object.__setattr__(self, "grammar", grammar)
        object.__setattr__(self, "positionals", positionals)  # operands before the command: `timeout 10 cmd`, `ssh host cmd`


def _w(short: str = "", long: str = "", positionals: int = 0) -> Wrapper:
    return Wrapper(Grammar(short=short, long=frozenset(long.split())), positionals)


WRAPPERS = {
    "sudo": _w(
        "ughpCDrtUTR",
        "--user --group --host --prompt --close-from --chdir --role --type --other-user --command-timeout --chroot",
    ),
    "doas": _w("uC"),
    "run0": _w(
        "uDgM", "--user --group --chdir --machine --unit --description --property --setenv --nice --slice"
    ),
    "pkexec": _w(long="--user"),
    "gosu": _w(positionals=1),
    "su-exec": _w(positionals=1),
    "env": _w("uCSPa", "--unset --chdir --split-string --default-signal --ignore-signal --block-signal --argv0"),
    "nohup": _w(),
    "coproc": _w(),
    "setsid": _w(),
    "unbuffer": _w(),
    "chronic": _w(),
    "caffeinate": _w("tw"),
    "proxychains": _w("f"),
    "proxychains4": _w("f"),
    "torsocks": _w("aPuwp"),
    "tsocks": _w(),
    "torify": _w(),
    "fakeroot": _w("ifs", "--lib --faked"),
    "time": _w("fo", "--format --output"),
    "nice": _w("n", "--adjustment"),
    "ionice": _w("cnp", "--class --classdata --pid --pgid --uid"),
    "chrt": _w(positionals=1),
    "taskset": _w(long="--cpu-list", positionals=1),
    "stdbuf": _w("ioe", "--input --output --error"),
    "timeout": _w("sk", "--signal --kill-after", 1),
    "exec": _w("a"),
    "command": _w(),
    "builtin": _w(),
    "chroot": _w(long="--userspec --groups", positionals=1),
    "strace": _w("oepsuEaPIXSb"),
    "ltrace": _w("oepsnauAS"),
    "xargs": Wrapper(XARGS),
    "parallel": Wrapper(PARALLEL),
    "watch": _w("nq", "--interval --chgexit"),
    "flock": _w("wEc", "--timeout --conflict-exit-code --command", 1),
    "runuser": _w("ugGsw", "--user --group --supp-group --shell --whitelist-environment"),
    "su": _w("cgGsw", "--command --session-command --group --supp-group --shell --whitelist-environment"),
    "sg": _w(positionals=1),
    "firejail": _w(),
    "unshare": _w(),
    "nsenter": _w("tSGwrn", "--target --setuid --setgid --wd --root"),
    "systemd-run": _w(
        "puEM",
        "--unit --property --description --slice --uid --gid --nice --working-directory --setenv --machine",
    ),
    "valgrind": _w(),
    "busybox": _w(),
    "toybox": _w(),
    "entr": _w(),
    "script": _w("cEIOT", "--command --echo --log-in --log-out --log-timing"),
    "ssh": _w("bcDEeFIiJLlmOopQRSWwB", positionals=1),
    "eval": _w(),
    "ddtrace-run": _w(),
    "setpriv": _w(
        long="--reuid --regid --groups --inh-caps --ambient-caps --bounding-set --securebits --pdeathsig "
        "--selinux-label --apparmor-profile --landlock-access --landlock-rule"
    ),
    "chpst": _w("uUenlLmdofpcr"),
    "sshpass": _w("pfdP"),
    "xvfb-run": _w("nsfepw", "--server-num --server-args --auth-file --error-file --xauth-protocol --wait"),
    "dbus-run-session": _w(long="--config-file --dbus-daemon"),
    "faketime": _w(positionals=1),
    "prlimit": _w("p", "--pid"),
    "cgexec": _w("g"),
    "trickle": _w("dutlwn"),
    "screen": _w("ScpTehs", "-Logfile"),
    "noglob": _w(),  # zsh precommand modifiers
    "nocorrect": _w(),
    "repeat": _w(positionals=1),  # zsh `repeat 3 cmd`
}
# Programs that hand a command line given as words to a shell of their own (launchers.py).
_LAUNCHERS = {"tmux": tmux_code, "emulate": emulate_code}

# Wrappers whose remaining words are a string some shell parses (not an argv).
CODE_WRAPPERS = frozenset({"eval", "watch", "ssh", "sg"})
# Options that make a wrapper do something else than run a command (`sudo -l`, `command -v git`).
# Not `sudo -k`: it forgets the cached password, then runs the command.
_QUERY_OPTIONS = {
    "command": frozenset({"-v", "-V"}),
    "sudo": frozenset("-l --list -v --validate -K --remove-timestamp -e --edit -V --version -h --help".split()),
    "screen": frozenset("-x -r -R -X -Q -ls -list -wipe -v -h --help --version".split()),  # sessions
}
# `sg` is also ast-grep's name: its subcommands and options are not a group to switch to.
_AST_GREP_WORDS = frozenset("run scan test new lsp completions help --help --version -p --pattern".split())
_COMMAND_OPTIONS = frozenset({"-c", "--command", "--session-command"})
_ASSIGNMENT = lazy(r"^[A-Za-z_][A-Za-z0-9_]*=")


class Unwrapped(Value):
    """A command with its wrappers peeled off."""

    __slots__ = ("argv", "wrappers", "code", "assignments", "via_xargs", "feed", "forwards")

    def __init__(self) -> None:
        self.argv: list = []  # the program and its arguments ([] when a wrapper hands everything to a shell)
        self.wrappers: list = []  # ("sudo", "env", ...) in the order they were written
        self.code: list = []  # (kind, Word, how): strings a wrapper runs as code ("shell" or "remote")
        self.assignments: dict = {}  # NAME=value words given to the program (`sudo A=1 cmd`, `env A=1 cmd`)
        self.via_xargs = False  # the program gets more arguments from stdin
        self.feed: Feed | None = None  # how xargs / parallel turn their input into arguments
        self.forwards: list = []  # `ssh -R SPEC`: ports opened on the far side into this machine


def unwrap(words: list) -> Unwrapped:
    """Peel every wrapper off `words` (an argv of `Word`s)."""
    out = Unwrapped()
    argv = list(words)
    while True:  # wrappers nest (`sudo env nice -n 5 rm`); every pass takes at least one word off
        argv = _take_assignments(argv, out.assignments)
        if not argv or not argv[0].literal:
            break
        name = argv[0].text.rsplit("/", 1)[-1]
        if (found := runner_of(argv)) is not None:  # `uv run cmd`, `nix-shell --run 'code'`
            how, command, code = found
            out.wrappers.append(how)
            out.code.extend(("shell", c, how) for c in code)
            argv = command
            if not command:
                break
            continue
        launcher = _LAUNCHERS.get(name)
        if launcher is not None:
            code = launcher(argv[1:])
            if code is not None:
                out.wrappers.append(name)
                out.code.append(("shell", code, name))
                argv = []
            break
        spec = WRAPPERS.get(name)
        if spec is None or (name == "sg" and len(argv) > 1 and argv[1].text in _AST_GREP_WORDS):
            break
        if name == "screen" and (stuffed := screen_code(argv[1:])) is not None:
            out.wrappers.append(name)
            out.code.append(("shell", stuffed, "screen -X stuff"))
            argv = []
            break
        rest, query, code, how = _read_options(name, spec.grammar, argv[1:])
        if query:  # `sudo -l`, `command -v git`: the wrapper is the program, nothing else runs
            break
        if code is not None:
            out.wrappers.append(name)
            out.code.append(("shell", code, how))
            argv = []
            break
        if not rest and name not in ROOT_WRAPPERS and name not in _ALONE_STILL_WRAPS:
            break  # `env`, `nice`, `time` alone: the wrapper is the program (env prints the environment)
        out.wrappers.append(name)
        if name == "ssh":  # `-o ProxyCommand=CMD` runs CMD here, before any remote command
            options = argv[1 : len(argv) - len(rest)]
            out.code.extend(("shell", code, f"ssh -o {key}") for key, code in _ssh_commands(options))
            out.forwards.extend(_remote_forwards(options))
        if name in ("su", "runuser"):
            if name == "runuser" and rest:  # `runuser -u user -- cmd`; `su user` opens a shell
                argv = rest
                continue
            argv = []
            break
        if name == "env":
            rest = _take_assignments(rest, out.assignments)
        rest = rest[spec.positionals :] if len(rest) >= spec.positionals else []
        if name == "flock" and len(rest) > 1 and rest[0].text in ("-c", "--command"):
            out.code.append(("shell", rest[1], "flock -c"))
            argv = []
            break
        if name == "sg" and rest and rest[0].text == "-c":
            rest = rest[1:]
        if name in CODE_WRAPPERS:
            if name == "watch" and any(w.text in ("-x", "--exec") for w in argv[1 : len(argv) - len(rest)]):
                argv = rest
                continue
            if rest:
                out.code.append(("remote" if name == "ssh" else "shell", join_words(rest), name))
            argv = []
            break
        if name in ("xargs", "parallel"):
            out.via_xargs = True
            out.feed, rest = feed_of(name, argv[1 : len(argv) - len(rest)], rest)
            if name == "xargs":
                rest = rest or [Word("echo")]
            elif not rest:  # `parallel ::: 'cmd'`: every item is a command line
                argv = []
                break
        if name == "chroot" and not rest:
            argv = []
            break
        argv = rest
    out.argv = argv
    return out


# Wrappers that do something even with no command after them (`sudo` alone is refused, `ssh host`
# opens a shell, `xargs` runs echo).
_ALONE_STILL_WRAPS = frozenset({"su", "eval", "xargs", "parallel", "ssh", "watch", "exec"})


_SSH_COMMAND = lazy(r"(?i)^(ProxyCommand|LocalCommand|KnownHostsCommand)\s*(?:=|\s)\s*(.+)$")
_REMOTE_FORWARD = lazy(r"(?i)^RemoteForward\s*(?:=|\s)\s*(.+)$")


def _settings(words: list) -> list:
    """The Word of each `-o` setting (`-o Key=value`, `-oKey=value`)."""
    found = []
    for i, w in enumerate(words):
        if w.text == "-o" and i + 1 < len(words):
            found.append(words[i + 1])
        elif w.text.startswith("-o") and len(w.text) > 2:
            found.append(Word(w.text[2:], literal=w.literal))
    return found


def _remote_forwards(words: list) -> list:
    """The Words of each `-R SPEC` (`-R8080:localhost:80`, `-fNR SPEC`, `-o RemoteForward=…`)."""
    found = []
    for i, w in enumerate(words):
        if m := re.fullmatch(r"-[46AaCfGgKkMNnqsTtVvXxYy]*R(.*)", w.text):
            if m.group(1):
                found.append(Word(m.group(1), literal=w.literal))
            elif i + 1 < len(words):
                found.append(words[i + 1])
    return found + [
        Word(m.group(1), literal=value.literal) for value in _settings(words) if (m := _REMOTE_FORWARD.match(value.text))
    ]


def _ssh_commands(words: list) -> list:
    """(option, Word) for each `-o` that names a command ssh runs locally (`-oProxyCommand=…`)."""
    return [
        (m.group(1), Word(m.group(2), literal=value.literal))
        for value in _settings(words)
        if (m := _SSH_COMMAND.match(value.text)) and m.group(2).strip().lower() != "none"
    ]


def _take_assignments(words: list, assignments: dict) -> list:
    """Leading NAME=value words go to `assignments`; the words after them are returned."""
    while words and _ASSIGNMENT.match(words[0].text):
        key, _eq, value = words[0].text.partition("=")
        assignments[key] = value
        words = words[1:]
    return words


def _read_options(name: str, grammar: Grammar, words: list) -> tuple:
    """(words after the wrapper's options, whether it only queries, code it runs, how it runs it)."""
    i = 0
    query = False
    code = None
    how = ""
    while i < len(words) and name not in ("busybox", "toybox", "eval"):
        w = words[i]
        t = w.text
        if t == "--":
            i += 1
            break
        if (name == "nice" and re.fullmatch(r"-\d+", t)) or (not w.literal and t.startswith("-")):
            i += 1  # `nice -5`; `sudo -$X rm`: an option only known at run time, read as a flag
            continue
        option = read_option(words, i, grammar)
        if option.name is None:
            break
        query = query or t in _QUERY_OPTIONS.get(name, ()) or (
            name == "command" and t[:1] == "-" and t[1:2] != "-" and any(c in t[1:] for c in "vV")
        )  # `command -pv git`
        if name in ("su", "runuser", "flock", "script") and option.name in _COMMAND_OPTIONS:
            code, how = _value_word(words, i, option), f"{name} -c"  # `su -c CMD`, `su -lc CMD`
        if name == "env" and option.name in ("-S", "--split-string"):
            split = _split_string(_value_word(words, i, option) or Word(""))
            if isinstance(split, list):  # env reads on from the words the string was split into
                words = words[:i] + split + words[option.next :]
                continue
            code, how = split, "env -S"
        i = option.next
    if name == "su" and i < len(words) and words[i].text == "-":
        i += 1
    rest = words[i:]
    if name == "env" and rest[:1] and rest[0].text == "-":
        rest = rest[1:]  # `env - cmd`: like `env -i cmd`
    if name in ("su", "runuser") and code is None:
        code, how = _late_command_option(rest), f"{name} -c"  # `su root -c CMD`: options after the user
    return rest, query, code, how


def _split_string(word: Word):
    """`env -S STRING`: STRING is split into words (quotes and escapes as in the shell), which come
    before the other words; a string that cannot be split is run as it is."""
    try:
        parts = shlex.split(word.text)
    except ValueError:
        return word
    return [Word(part, literal=word.literal and "$" not in part) for part in parts]


def _value_word(words: list, i: int, option) -> Word | None:
    """The value of the option at `words[i]` as a Word (the next word itself when it is separate)."""
    if option.value is None:
        return None
    return words[i + 1] if option.next == i + 2 else Word(option.value)


def _late_command_option(words: list) -> Word | None:
    """The code of a `-c CMD` / `--command=CMD` that stands after an operand (`su root -c CMD`)."""
    for k, w in enumerate(words):
        t = w.text
        if t in _COMMAND_OPTIONS:
            return words[k + 1] if k + 1 < len(words) else Word("")
        if t.startswith(("--command=", "--session-command=")):
            return Word(t.split("=", 1)[1])
    return None
