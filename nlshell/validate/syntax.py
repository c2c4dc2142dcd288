"""Is it real shell? tree-sitter-bash finds errors fast; the shell itself confirms them.

tree-sitter is lenient in some places and strict in others (about 20 of the 29,496 tldr examples
that bash accepts have tree-sitter errors), so an error is confirmed with `bash -n` / `zsh -n`
before a command is called invalid. fish has no grammar on PyPI: `fish --no-execute` reads the
command on stdin (fish 3.6 exits 0 from `fish --no-execute -c CMD` even on a syntax error).
"""

from __future__ import annotations

import os
import re

from nlshell.shell.parser import source_bytes
from nlshell.validate.problems import WARNING_PREFIX
from nlshell.validate.programs import find_program

SYNTAX_TIMEOUT = 5.0


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
    src = source_bytes(command)
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
    import subprocess  # only a command the grammar could not read gets here (~3 ms to import)

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


def check_syntax(command: str, shell: str, tree) -> tuple:
    """(fatal problems, warnings, error position) of `command` in `shell` (bash, zsh, sh, fish)."""
    if shell == "fish":
        if not find_program("fish"):
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
        src = source_bytes(command)
        pos = _position(src, len(src.rstrip()))
    elif line is not None and line != pos[0] and line <= lines:
        pos = (line, 1)
    detail = described if (not text or "`newline'" in text) else text  # bash's `newline' helps nobody
    if described.startswith("missing") and described not in detail:
        detail = f"{detail} ({described})"
    return [f"syntax error at {pos[0]}:{pos[1]}: {detail}"], [], pos
