"""Fenced code blocks: find them, and take the commands out of one — a script as it is, a console
session without its output, a JSON object's `command`.
"""

from __future__ import annotations

import re

from nlshell.extract.continuation import Continuation
from nlshell.extract.lines import PROMPT, SESSION_LANGS, unwrap

_FENCE_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*([^`\n]*?)[ \t]*$")
_ALTERNATIVE = re.compile(r"^#+\s*(?:or\b|alternatively|alternative|another (?:option|way)|otherwise)", re.I)


class _Block:
    __slots__ = ("lang", "lines", "start", "end")

    def __init__(self, lang: str, start: int) -> None:
        self.lang = lang
        self.lines: list[str] = []
        self.start = start
        self.end = start


def fenced_blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    fence = ""
    for i, line in enumerate(lines):
        if current is None:
            m = _FENCE_OPEN.match(line)
            if m:
                fence = m.group(1)
                info = m.group(2).strip()
                lang = info.split()[0].strip("{}.").lower() if info else ""
                current = _Block(lang, i)
            continue
        stripped = line.strip()
        if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
            current.end = i
            blocks.append(current)
            current = None
        elif stripped.endswith(fence) and stripped != fence:  # "ls -la```": closed on the last line
            current.lines.append(line.rstrip()[: -len(fence)])
            current.end = i
            blocks.append(current)
            current = None
        else:
            current.lines.append(line)
    if current is not None:  # a reply cut off inside a block still holds its command
        current.end = len(lines) - 1
        blocks.append(current)
    return blocks


def dedent(lines: list[str]) -> list[str]:
    lines = [ln.rstrip() for ln in lines]
    indents = [len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()]
    cut = min(indents, default=0)
    return [ln[cut:] for ln in lines]


def _session_commands(lines: list[str]) -> list[str]:
    """A console session: keep the prompted lines and their continuations, drop the output."""
    kept: list[str] = []
    state = Continuation()
    for line in lines:
        if kept and state.open:
            body = line[2:] if line.startswith("> ") else line
            kept.append(body)
            state.feed(body)
            continue
        m = PROMPT.match(line.strip())
        if m and line.strip()[m.end() :].strip():
            command = line.strip()[m.end() :]
            kept.append(command)
            state = Continuation()
            state.feed(command)
    return kept


def script_commands(lines: list[str], notes: list[str]) -> list[str]:
    """A script block: commands as they are, without comment and blank lines between them."""
    kept: list[str] = []
    comments: list[str] = []
    state = Continuation()
    for line in lines:
        if state.open:
            kept.append(line)
            state.feed(line)
            continue
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            if kept and _ALTERNATIVE.match(stripped):
                notes.append("the code block offered alternatives; using the first")
                break
            comments.append(stripped)
            continue
        kept.append(line)
        state.feed(line)
    if not kept:  # only "#" lines: a root prompt ("# apt update") or just comments
        for comment in comments:
            kind, rest = unwrap(comment)
            if kind == "weak":
                kept.append(rest)
    return kept


def block_command(block: _Block, notes: list[str]) -> str:
    lines = dedent(block.lines)
    if block.lang == "json":
        return json_command("\n".join(lines)) or ""
    first = next((ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")), "")
    first_prompt = PROMPT.match(first)
    session = block.lang in SESSION_LANGS or bool(
        first_prompt and not first_prompt.group("weak") and first[first_prompt.end() :].strip()
    )
    kept = _session_commands(lines) if session else script_commands(lines, notes)
    return "\n".join(kept).strip("\n")


def json_command(text: str) -> str | None:
    import json

    try:
        data = json.loads(text)
    except ValueError:
        return None
    if isinstance(data, dict):
        for key in ("command", "cmd", "shell_command", "bash"):
            value = data.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return None
