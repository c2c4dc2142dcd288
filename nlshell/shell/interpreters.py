"""Programs that run code given to them: shells (`bash -c CODE`, `bash SCRIPT`, `curl | sh`) and
other interpreters (`python3 -c CODE`, `perl -e CODE`, `node -e CODE`)."""

from __future__ import annotations

from nlshell.shell.patterns import lazy

# Options of sh/bash/zsh that take a value, so the word after them is not the script.
SHELL_VALUE_OPTIONS = frozenset({"-o", "+o", "-O", "+O", "--rcfile", "--init-file"})


# Script names that are standard input: `bash /dev/stdin <<< "$code"`, `source /dev/stdin`.
STDIN_PATHS = frozenset({"-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"})


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
        if w in SHELL_VALUE_OPTIONS:
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


# kind -> the options whose value is code (`deno eval CODE`: a subcommand; `pwsh -Command CODE`).
CODE_FLAGS = {
    "python": ("-c",),
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
    "powershell": ("-c", "-Command"),
    "julia": ("-e", "--eval"),
    "tcl": ("-c",),  # expect's; tclsh and wish read a script or stdin
}

# Programs whose language goes by another name: Tcl's shells.
_ALIASES = {"tclsh": "tcl", "wish": "tcl", "expect": "tcl", "jimsh": "tcl"}

# Interpreters that read their program from stdin when given no code and no script (`curl x | perl`).
READS_STDIN = frozenset(
    {"python", "perl", "ruby", "node", "php", "lua", "Rscript", "osascript", "pwsh", "powershell", "bun", "deno", "julia", "tcl"}
)

_PYTHONS = lazy(r"^(python|pypy)[0-9.]*$")
_VERSION = lazy(r"[0-9.]+$")


def interpreter_kind(name: str) -> str | None:
    """'python', 'perl', ... for programs that run code given on the command line."""
    if _PYTHONS.match(name):
        return "python"
    base = _VERSION.sub("", name)
    base = _ALIASES.get(base, base)
    if base in CODE_FLAGS:
        return base
    return None


def code_flags(kind: str) -> tuple:
    """The options whose value `kind` runs as code (`-e` for an interpreter not described here)."""
    return CODE_FLAGS.get(kind, ("-e",))
