"""Programs a command runs: are they on PATH, or builtins, or defined by the command itself?

A program that cannot be found is a warning, never a failure: aliases and functions of the
user's shell are invisible from here. A command run on another host (`ssh host '...'`) is not
looked up here.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from nlshell.shell.builtins import BASH_BUILTINS, FISH_BUILTINS, ZSH_EXTRAS
from nlshell.shell.feeds import runs_a_line
from nlshell.shell.model import Script
from nlshell.validate.problems import WARNING_PREFIX

Which = Callable[[str], "str | None"]


def find_program(name: str) -> str | None:
    """shutil.which(name) on POSIX, without importing shutil (with bz2, lzma, fnmatch: ~2 ms of
    every rating process): the path of an executable `name` on PATH, or None."""
    if os.path.dirname(name):
        return name if _executable(name) else None
    path = os.environ.get("PATH")
    if path is None:
        try:
            path = os.confstr("CS_PATH")
        except (AttributeError, ValueError):
            path = os.defpath
    seen = set()
    for directory in (path.split(os.pathsep) if path else ()):  # PATH='' finds nothing; ':' is the cwd
        if directory not in seen:
            seen.add(directory)
            candidate = os.path.join(directory, name)
            if _executable(candidate):
                return candidate
    return None


def _executable(path: str) -> bool:
    return os.path.exists(path) and os.access(path, os.F_OK | os.X_OK) and not os.path.isdir(path)

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

_WHICH_CACHE: dict = {}  # (name, PATH) -> (found, when): PATH lookups stat every directory
WHICH_CACHE_SECONDS = 30.0  # a program installed after a warning is seen again soon (the REPL runs long)


def _found(name: str, which: Which) -> bool:
    if which is not find_program:
        return bool(which(name))
    key = (name, os.environ.get("PATH", ""))
    now = time.monotonic()
    hit = _WHICH_CACHE.get(key)
    if hit is None or now - hit[1] > WHICH_CACHE_SECONDS:
        if len(_WHICH_CACHE) > 4096:
            _WHICH_CACHE.clear()
        hit = _WHICH_CACHE[key] = (bool(which(name)), now)
    return hit[0]


def program_problem(name: str, shell: str, script: Script, which: Which) -> str | None:
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
    if name == "sudo" and os.geteuid() == 0:  # root, in a container say: `su -c` is no advice
        return f"{WARNING_PREFIX}`sudo` is not installed; you are root already, so leave it out"
    hint = HINTS.get(name)
    if hint:
        return f"{WARNING_PREFIX}`{name}` is not installed; try `{hint}`"
    return f"{WARNING_PREFIX}`{name}` is not installed or not on PATH (fine if it is an alias or function)"


def programs_of(script: Script) -> list:
    """Every program the script runs on this machine, in order, once (wrappers included)."""
    seen: dict = {}
    for cmd in script.commands:
        if cmd.remote:
            continue
        for wrapper in cmd.wrappers:  # a runner is named with its subcommand: `uv run`
            seen.setdefault(wrapper.split()[0], None)
        if not cmd.argv or runs_a_line(cmd):  # parallel's words are a shell line, collected as code
            continue
        w = cmd.argv[0]
        if not w.literal or not w.text or w.text.startswith("!") or w.text.startswith("-"):
            continue
        seen.setdefault(w.text, None)
    return list(seen)
