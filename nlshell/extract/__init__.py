"""A model's reply → exactly one command (or a deliberate multi-line script), or a refusal.

Models answer in every style: a bare line, fenced blocks with prose around them, `$ ` prompts,
console sessions with output, inline `backticks`, echoed `Output:` labels, reasoning wrapped in
<think>. This package recovers the command and nothing else, and refuses text that could disguise
what will run: control characters, bidi controls and invisible characters never get through.

Hostile characters are named as escapes: code points below U+0100 as `\\xNN` (two lower-case hex
digits: `\\x1b`, `\\x0d` for a carriage return, `\\x9b`), everything above as `U+XXXX` (`U+202E`).
Tab and newline are the only controls allowed. A reply with Windows line ends (`\\r\\n`) is
normalised first; only a lone `\\r` (the overwrite trick) is hostile.

The whole reply is checked, not only the part taken as the command: text around a command is
never shown raw either, and a reply carrying escape sequences is not one to trust. Reasoning
blocks (<think>, <thinking>, <reasoning>, <reflection>) are dropped before anything else.

A reply that starts with `NLSHELL_NO_COMMAND:` (the system prompt asks for it when a request is
not a shell task) is "no command", with the model's reason kept for display.
"""

from __future__ import annotations

import re

from nlshell.errors import HostileTextError, NoCommandError, RefusedError
from nlshell.extract.bare import TAGGED, inline_command, line_command
from nlshell.extract.blocks import block_command, dedent, fenced_blocks, json_command, script_commands
from nlshell.extract.lines import SHELL_LANGS, looks_like_command, unwrap
from nlshell.text import hostile_characters, visible

NO_COMMAND_MARKER = "NLSHELL_NO_COMMAND:"
# Longer than any command a person reviews before running it (the longest in the public corpora
# is ~7,600 characters); checking a reply of megabytes would also stall for many seconds.
MAX_COMMAND_CHARS = 16_000


class CommandTooLongError(RefusedError):
    """The reply's command is too long to show, check and confirm."""

    def __init__(self, length: int) -> None:
        super().__init__(
            f"the suggested command is {length:,} characters long, too long to review before it runs",
            f"ask for something smaller (the limit is {MAX_COMMAND_CHARS:,} characters)",
        )
        self.length = length


class Extraction:
    """The command to show, check and maybe run, plus notes for the person about how it was found.

    A plain class: no dataclasses import for every model reply.
    """

    __slots__ = ("command", "notes")

    def __init__(self, command: str, notes: list[str] | None = None) -> None:
        self.command = command
        self.notes = notes if notes is not None else []

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Extraction):
            return NotImplemented
        return (self.command, self.notes) == (other.command, other.notes)

    def __repr__(self) -> str:
        return f"Extraction(command={self.command!r}, notes={self.notes!r})"


_REASONING_OPEN = re.compile(r"<(think|thinking|reasoning|reflection)\b[^>]*>", re.I)
_REASONING_CLOSE = re.compile(r"</(think|thinking|reasoning|reflection)\s*>", re.I)


def _drop_reasoning(text: str) -> tuple[str, bool]:
    """The reply without reasoning blocks; True when the reply was cut off while reasoning."""
    # Some servers strip the opening tag and leave "…reasoning…</think>answer".
    first_open = _REASONING_OPEN.search(text)
    for close in _REASONING_CLOSE.finditer(text):
        if first_open is None or close.start() < first_open.start():
            text = text[close.end() :]
            first_open = _REASONING_OPEN.search(text)
        break
    kept: list[str] = []
    pos = 0
    while True:
        opened = _REASONING_OPEN.search(text, pos)
        if opened is None:
            kept.append(text[pos:])
            return "".join(kept), False
        kept.append(text[pos : opened.start()])
        closer = re.compile(rf"</{re.escape(opened.group(1))}\s*>", re.I)
        closed = closer.search(text, opened.end())
        if closed is None:
            return "".join(kept), True
        pos = closed.end()


# A reply that opens by refusing: code it mentions ("I can't run `rm -rf /`") is not an answer.
_REFUSAL = re.compile(
    r"^\W*(?:(?:unfortunately|sorry|apologies)\W+)?"
    r"(?:i['’]?m sorry|i am sorry|sorry|i apologi[sz]e|i can['’]?t|i cannot|i can not|"
    r"i won['’]?t|i will not|i['’]?m (?:not able|unable)|i am (?:not able|unable)|as an ai)\b",
    re.I,
)


def _tidy(command: str) -> str:
    return "\n".join(line.rstrip() for line in command.strip("\n").split("\n")).strip()


def extract_command(reply: str) -> Extraction:
    """Recover the one command in a model's reply.

    Raises HostileTextError when the reply holds hidden or control characters, NoCommandError
    when it holds no command (a refusal, an apology, prose, only reasoning).
    """
    text = reply.replace("\r\n", "\n")
    text, cut_off = _drop_reasoning(text)
    found = hostile_characters(text)
    if found:
        raise HostileTextError(found)
    # What the person sees when there is no command; the reasoning part was never checked.
    shown = visible(text.strip() or reply.strip())
    if cut_off and not text.strip():
        raise NoCommandError(
            shown,
            hint="the model ran out of room while reasoning; try again, or use another model with -m",
        )
    marker = text.find(NO_COMMAND_MARKER)
    if marker >= 0:
        raise NoCommandError(
            text[marker + len(NO_COMMAND_MARKER) :].strip() or shown,
            hint="the model says this is not a shell task; rephrase it as something to do in the shell",
        )

    notes: list[str] = []
    command = None
    stripped = text.strip()
    if stripped.startswith("{") and stripped.endswith("}"):
        command = json_command(stripped)

    lines = text.split("\n")
    blocks = [] if command else fenced_blocks(lines)
    if blocks:
        candidates = []
        for number, block in enumerate(blocks, 1):
            block_notes: list[str] = []
            body = _tidy(block_command(block, block_notes))
            if not body:
                continue
            shellish = block.lang in SHELL_LANGS
            if block.lang in ("", "text", "txt", "plaintext", "output") or not shellish:
                if not looks_like_command(unwrap(body.split("\n")[0])[1]):
                    continue
            candidates.append((not shellish and block.lang != "json", number, body, block_notes))
        if candidates:
            candidates.sort(key=lambda c: (c[0], c[1]))  # shell blocks first, then in order
            _, number, command, block_notes = candidates[0]
            notes.extend(block_notes)
            if len(blocks) > 1:
                which = "the first" if number == 1 else f"block {number}, the first with a command"
                notes.append(f"the reply held {len(blocks)} code blocks; using {which}")
        # Text inside fences is not prose to search for bare commands.
        for block in blocks:
            for i in range(block.start, block.end + 1):
                lines[i] = ""

    if command is None:
        tagged = TAGGED.search(text)
        if tagged:
            inner = dedent(tagged.group(2).split("\n"))
            command = _tidy("\n".join(script_commands(inner, notes))) or None
    if command is None:
        command = line_command(lines, notes)
    if command is None and not _REFUSAL.match(stripped):
        command = inline_command("\n".join(lines), notes)

    command = _tidy(command or "")
    if not command:
        raise NoCommandError(shown)
    found = hostile_characters(command)  # a JSON string can spell "\u001b"
    if found:
        raise HostileTextError(found)
    if len(command) > MAX_COMMAND_CHARS:
        raise CommandTooLongError(len(command))
    return Extraction(command, notes)
