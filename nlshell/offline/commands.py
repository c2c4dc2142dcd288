"""Shell words, the programs a command runs, and tldr placeholders: what the offline index needs
to know about a command without a full parse (the build script uses the same functions, so the
index and the package data agree)."""

from __future__ import annotations

import functools
import os
import re
import shlex

from nlshell.offline.value import Value
from nlshell.shell.options import takes_value
from nlshell.shell.wrappers import WRAPPERS as WRAPPER_GRAMMARS

PLACEHOLDER = re.compile(r"\{\{.*?\}\}")

# Prefixes that run another program; the program that matters is the one after them.
WRAPPERS = frozenset({"sudo", "doas", "env", "nohup", "time", "nice", "command", "builtin", "exec"})
_CONTROL = frozenset({"|", "||", "&&", ";", ";;", "&", "|&", "(", ")", "\n", "`", "$(", "{", "}"})
_KEYWORDS = frozenset({"!", "if", "then", "else", "elif", "fi", "do", "done", "while", "until"})
_LOOPS = frozenset({"for", "select"})
_CONTROLS = re.compile(r"[;&|()]+")
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
_REDIRECT = re.compile(r"^\d*(>>?|<<?<?|>&|<&|&>>?|>\|)$")
_PARTS = re.compile(r"\|\|?|&&|;|\$\(|`[^`]*`|-exec\b|\bxargs\b")
# fish has no `$(( ))`, `<( )`, `[[ ]]`, here-strings or `for … do`: those answers fit it less.
_BASH_ONLY = re.compile(r"\$\(\(|<\(|\[\[|<<<|\bdo\b|\bdone\b|\bfi\b|\besac\b")


def first_placeholder(command: str) -> tuple[int, int] | None:
    """Span of the first `{{…}}` including its braces, so the edit step can select and replace it."""
    match = PLACEHOLDER.search(command)
    return (match.start(), match.end()) if match else None


def has_placeholders(command: str) -> bool:
    return PLACEHOLDER.search(command) is not None


def shell_words(command: str) -> list[str]:
    """Shell words and operators; unbalanced quotes fall back to a plain split (never raises)."""
    return list(_shell_words(command))


# Most commands have no quotes or escapes: then the words are runs of operators and of the rest,
# exactly what shlex gives (tests/test_offline_speed.py checks it), at a fraction of its cost.
_UNQUOTED = re.compile(r"[^'\"\\\x0b\x0c\x1c-\x1f]*")
_OPERATORS_AND_WORDS = re.compile(r"[;&|()<>]+|[^ \t\r\n;&|()<>]+")


@functools.lru_cache(maxsize=8192)
def _shell_words(command: str) -> tuple[str, ...]:
    if command.isascii() and _UNQUOTED.fullmatch(command):
        return tuple(_OPERATORS_AND_WORDS.findall(command))
    lexer = shlex.shlex(command, posix=True, punctuation_chars=";&|()<>")
    lexer.whitespace_split = True
    lexer.commenters = ""
    try:
        return tuple(lexer)
    except ValueError:
        return tuple(re.findall(r"[;&|()<>]+|[^\s;&|()<>]+", command))


def _strip_wrapper(words: list[str], i: int) -> int:
    """Index of the first word after a wrapper's own options."""
    wrapper = words[i]
    grammar = WRAPPER_GRAMMARS[wrapper].grammar
    i += 1
    while i < len(words):
        word = words[i]
        if word == "--":
            return i + 1
        if wrapper == "nice" and re.fullmatch(r"-\d+", word):
            i += 1
        elif word.startswith("-") and len(word) > 1:
            i += 2 if takes_value(word, grammar) else 1
        elif wrapper == "env" and _ASSIGNMENT.match(word):
            i += 1
        else:
            return i
    return i


def _ends_command(word: str) -> bool:
    """Whether a shell word ends one simple command (`|`, `&&`, `$(`, and `);` that closes and ends)."""
    return word in _CONTROL or word.endswith("$(") or bool(_CONTROLS.fullmatch(word))


def programs(command: str) -> list[str]:
    """Every program the command runs, in order: the first word of each simple command after
    wrappers (`sudo`, `env`, `nohup`, …) and assignments, plus the program `xargs` runs."""
    return list(_programs(command))


@functools.lru_cache(maxsize=8192)
def _programs(command: str) -> tuple[str, ...]:  # asked of every candidate example in every lookup
    words = shell_words(command)
    found: list[str] = []
    expect_command = True
    i = 0
    while i < len(words):
        word = words[i]
        if _ends_command(word):
            expect_command = True
            i += 1
            continue
        if _REDIRECT.match(word):
            i += 2
            continue
        if word.isdigit() and i + 1 < len(words) and words[i + 1][:1] in "<>":
            i += 1  # the descriptor of a redirection (`2>/dev/null`), not a program
            continue
        if not expect_command:
            if found and found[-1] == "xargs" and word.startswith("-"):
                i += 2 if takes_value(word, WRAPPER_GRAMMARS["xargs"].grammar) else 1
                continue
            if found and found[-1] == "xargs":
                found.append(os.path.basename(word))
            i += 1
            continue
        if word in _LOOPS:
            if words[i + 1 : i + 2] == ["(("]:  # `for ((i=0; i<3; i++)); do …`: arithmetic up to `do`
                i = words.index("do", i) if "do" in words[i:] else len(words)
                continue
            i += 2  # `for f in *.jpg; do …`: f is the loop's variable, what follows `in` its words
            expect_command = False
            continue
        if word in _KEYWORDS or _ASSIGNMENT.match(word):
            i += 1
            continue
        if word in WRAPPERS:
            i = _strip_wrapper(words, i)
            continue
        found.append(os.path.basename(word) if "/" in word and "{{" not in word else word)
        expect_command = False
        i += 1
    return tuple(found)


def first_program(command: str) -> str:
    """The program a command is about (`sudo -u x find …` → `find`); "" when there is none."""
    found = programs(command)
    return found[0] if found else ""



def example_programs(page: str, command: str) -> list[str]:
    """The programs an example of `page` runs, as the index counts them: on a wrapper's own page
    (`nohup`, `nice`, `sudo`) the wrapper first, then what it wraps, so `nohup {{command}} &` is an
    example of nohup and not of the command (`programs` looks through wrappers)."""
    words = shell_words(command)
    i, wrapped = 0, []
    while i < len(words) and words[i] in WRAPPERS:  # `sudo nice -n -10 …` is an example of nice too
        wrapped += [words[i]] if words[i] == page else []
        i = _strip_wrapper(words, i)
    return list(dict.fromkeys(wrapped + programs(command)))


def on_page(names: str, program: str) -> bool:
    """Whether a tldr example runs its page's own program: the page's name (first in `names`,
    dashes as spaces) is the program or one of its subcommands (`git push`, `docker compose`)."""
    return program != "" and (names + " ").startswith(program.replace("-", " ") + " ")



def page_subcommand(names: str, program: str) -> str:
    """The subcommand a tldr page is about (`git-push` → `push`, `git-lfs-transfer` → `lfs-transfer`);
    "" for a program's main page."""
    page = names.split()
    if page and page[-1] == program and len(page) > 1:
        page = page[:-1]
    return "-".join(page[1:]) if len(page) > 1 and page[0] == program else ""


# Programs whose job is to make or write files: rated safe when nothing exists to overwrite, yet no
# answer to a request that only looks ("what are the perms on /etc/shadow" is no `mkdir`).
_MAKERS = frozenset({"mkdir", "touch", "ln", "mkfifo", "mknod", "install", "tee", "cp", "mv", "truncate", "fallocate"})
_OUTPUT = frozenset({">", ">>", "&>", "&>>", ">|"})
# Subcommands that record something new in a repository or an image store: safe, yet no look.
_IMAGE_STORE = frozenset({"build", "commit", "create", "tag", "pull", "save", "export", "cp"})
_RECORDING = {
    "git": frozenset({"commit", "add", "init", "clone", "stash", "mv", "rm", "am", "apply", "cherry-pick", "merge", "rebase"}),
    "docker": _IMAGE_STORE,
    "podman": _IMAGE_STORE,
}
_NOWHERE = frozenset({"/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty"})
_CHECKS_ONLY = frozenset({"--check", "--stat", "--numstat", "--summary"})  # `git apply` that applies nothing
_QUOTED = re.compile(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"")


def writes_files(command: str) -> bool:
    """Does the command make or write a file: a program whose job that is, output sent to a file, or
    a subcommand that records something new (`git commit`, `git add`, `docker build`), safe as it is?"""
    words = shell_words(_QUOTED.sub("''", command))  # `grep '>' x` sends nothing anywhere
    sent = any(w in _OUTPUT and i + 1 < len(words) and words[i + 1] not in _NOWHERE for i, w in enumerate(words))
    return sent or any(program in _MAKERS for program in programs(command)) or _records(words) or _converts(words) or _builds(words)


# Build tools write what their recipes make (and run those recipes): `make -f Makefile` is no way to
# see a Makefile's targets. Each with the options that only print, ask or check, writing nothing.
_MAKE_DRY = re.compile(r"^(-[a-zA-Z]*[nqv][a-zA-Z]*|--(just-print|dry-run|recon|question|version|help))$")
_CC_DRY = re.compile(r"^(-E|-fsyntax-only|-M|-MM|--version|-v|-dump\w*|-print-\w*|--help)$")
_DRY_RUNS = {
    "make": _MAKE_DRY,
    "gmake": _MAKE_DRY,
    "ninja": re.compile(r"^(-n|-t|--version|-h)$"),
    **dict.fromkeys(("gcc", "g++", "cc", "clang", "clang++"), _CC_DRY),
    "javac": re.compile(r"^(-version|--version|-help|--help)$"),
    "tsc": re.compile(r"^(--noEmit|-v|--version|-h|--help|--showConfig|--listFilesOnly)$"),
}
# Subcommands that build: `cargo build`, `go build`; `cargo check` and `go vet` only look.
_BUILDING = {"cargo": frozenset({"build", "install"}), "go": frozenset({"build", "install"})}


def _builds(words: list[str]) -> bool:
    for run in _simple_commands(words):
        at, program = _run_program(run)
        dry = _DRY_RUNS.get(program)
        if dry is not None and not any(dry.match(word) for word in run[at + 1 :]):
            return True
        if run[at + 1 : at + 2] and run[at + 1] in _BUILDING.get(program, ()):
            return True
    return False


# Programs that write the file named last (`ffmpeg -i in.mkv -c copy out.mp4`, `convert a.png b.jpg`)
# or change their operands in place (`mogrify`): safe to run, yet no answer to a look at a video's
# tracks or an image's size.
_CONVERTERS = frozenset({"ffmpeg", "convert", "magick", "gm"})
_IN_PLACE = frozenset({"mogrify"})
_TO_STDOUT = frozenset({"-", "pipe:", "pipe:1", "/dev/null", "null", "info:"})


def _converts(words: list[str]) -> bool:
    for run in _simple_commands(words):
        at, program = _run_program(run)
        if program in _IN_PLACE or (program in ("magick", "gm") and run[at + 1 : at + 2] == ["mogrify"]):
            return True
        if program not in _CONVERTERS or run[at + 1 : at + 2] in (["identify"], ["compare"]):
            continue
        operands = [w for k, w in enumerate(run[at + 1 :], at + 1) if not w.startswith("-") and run[k - 1] != "-i"]
        last = run[-1]
        if operands and last == operands[-1] and last not in _TO_STDOUT and (program != "ffmpeg" or run[-2] != "-i"):
            if program == "ffmpeg" or len(operands) > 1:
                return True
    return False


def _run_program(run: list[str]) -> tuple[int, str]:
    """Where a simple command's own program is, past its wrappers (`sudo make install`), and its name."""
    at = 0
    while at < len(run) and run[at] in WRAPPERS:
        at = _strip_wrapper(run, at)
    return at, os.path.basename(run[at]) if at < len(run) else ""


def _simple_commands(words: list[str]) -> list[list[str]]:
    """The words of each simple command of a list or pipeline."""
    runs: list[list[str]] = [[]]
    for word in words:
        if _ends_command(word):
            runs.append([])
        else:
            runs[-1].append(word)
    return [run for run in runs if run]


def _records(words: list[str]) -> bool:
    """`git commit -m …` for "find the commit whose message mentions x": it makes a commit."""
    for i, word in enumerate(words[:-1]):
        recorded = _RECORDING.get(word)
        operands = [w for w in words[i + 1 : i + 4] if not w.startswith("-")]
        if recorded and operands and operands[0] in recorded and operands[1:2] not in (["list"], ["show"]) and not (
            operands[0] == "apply" and _CHECKS_ONLY & set(words[i + 1 :]) and "--apply" not in words
        ):
            return True  # `git stash list` only looks, as `git apply --check` does
    return False


def command_parts(command: str) -> int:
    """How many programs a command chains, roughly (pipes, lists, substitutions, -exec, xargs)."""
    return 1 + len(_PARTS.findall(command))



def bash_only(command: str) -> bool:
    """Whether the command uses syntax fish has no equivalent of."""
    return _BASH_ONLY.search(command) is not None


@functools.lru_cache(maxsize=4096)
def literal_words(command: str) -> frozenset[str]:
    """The words of an example outside its placeholders."""
    return frozenset(word.strip("'\";") for word in PLACEHOLDER.sub(" ", command).split())


def says_value(command: str, said: frozenset[str], value: Value) -> bool:
    """Whether the example says the value itself: a word of it, or the extension a glob names
    (`"${f%.txt}.md"` says `*.md`)."""
    if value.text in said or (value.kind == "expansion" and value.text in PLACEHOLDER.sub(" ", command)):
        return True  # `count=$(grep -c ^ < "$FILE")` says $FILE
    extension = re.fullmatch(r"\*(\.\w+)", value.text) if value.kind == "glob" else None
    return bool(extension) and re.search(re.escape(extension.group(1)) + r"\b", PLACEHOLDER.sub(" ", command)) is not None
