"""What the REPL's prompt is made of, beside the key bindings (keys.py) and the history (history.py):
slash-command completion, how suggestions look without colour, and text sized to the terminal.
"""

from __future__ import annotations

import os

from prompt_toolkit.completion import Completer, Completion

from nlshell import paths

COMMANDS = {
    "/help": "show this help",
    "/model": "show the model, or switch: /model ID (Tab completes from `nlshell models`)",
    "/explain": "explain a command part by part: /explain CMD (default: the last command)",
    "/run": "run the last command again",
    "/copy": "copy the last command to the clipboard",
    "/new": "start a new conversation (follow-ups forget earlier requests)",
    "/history": "commands you ran through nlshell",
    "/exit": "leave (Ctrl-D does too)",
}
ALIASES = {"/quit": "/exit", "/q": "/exit", "/?": "/help", "/h": "/help"}
# Without colour a suggestion from history would look like typed text: underline it instead.
MONOCHROME_STYLE = {"auto-suggestion": "underline"}
SEPARATOR = " · "


def fit(parts: list[str], width: int) -> list[str]:
    """Join `parts` with " · " into lines no wider than `width`, breaking between parts (and
    inside a part only when it is wider than a line by itself)."""
    import textwrap

    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1] + SEPARATOR + part) <= width:
            lines[-1] += SEPARATOR + part
        else:
            lines.extend(textwrap.wrap(part, max(width, 20), break_on_hyphens=False) or [""])
    return lines


def first_that_fits(parts: list[str], width: int) -> str:
    """As many of `parts` (most important first) as fit on one line of `width`."""
    shown = parts[:1]
    for part in parts[1:]:
        if len(SEPARATOR.join([*shown, part])) + 2 > width:
            break
        shown.append(part)
    return " " + SEPARATOR.join(shown) + " "


class SlashCompleter(Completer):
    """Slash commands, and model ids for /model from the cached list (never the network)."""

    def __init__(self, repl) -> None:
        self.repl = repl
        self._ids: list[str] = []
        self._stamp: float | None = None

    def model_ids(self) -> list[str]:
        try:
            stamp = os.stat(paths.models_cache()).st_mtime
        except OSError:
            return []
        if stamp != self._stamp:
            try:
                from nlshell.models import cached_ids

                self._ids = sorted(set(cached_ids()))
            except Exception:
                self._ids = []
            self._stamp = stamp
        return self._ids

    def get_completions(self, document, complete_event):
        text = document.text_before_cursor
        if not text.startswith("/") or "\n" in text:
            return
        if " " not in text:
            for name, summary in COMMANDS.items():
                if name.startswith(text):
                    yield Completion(name, start_position=-len(text), display_meta=summary)
            return
        command, _, arg = text.partition(" ")
        arg = arg.lstrip()
        if command == "/model":
            needle = arg.lower()
            ids = self.model_ids()
            starts = [m for m in ids if m.lower().startswith(needle)]
            contains = [m for m in ids if needle in m.lower() and m not in starts]
            for model_id in starts + contains:
                yield Completion(model_id, start_position=-len(arg))
        elif command == "/explain" and not arg and self.repl.last_command:
            yield Completion(self.repl.last_command, start_position=0, display_meta="the last command")
