"""Key bindings for the REPL prompt, kept apart from the loop the way pgcli keeps them.

The multi-line rule is one sentence so it can be stated everywhere it matters:
Enter sends the request, unless the line ends with a backslash (then it continues on a new line);
Esc Enter (or Alt+Enter) always inserts a new line. A pasted block keeps its newlines.
"""

from __future__ import annotations

from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.completion.base import get_common_complete_suffix
from prompt_toolkit.enums import DEFAULT_BUFFER, EditingMode
from prompt_toolkit.filters import emacs_insert_mode, has_focus
from prompt_toolkit.key_binding import KeyBindings

MULTILINE_RULE = "a line ending in \\ continues on the next line; Esc Enter (Alt+Enter) inserts a new line"
CONTINUATION = "\\"


def continues(document) -> bool:
    """Enter on a line that ends in a backslash, with the cursor at its end, opens a new line."""
    return document.is_cursor_at_the_end_of_line and document.current_line.endswith(CONTINUATION)


def request_text(text: str) -> str:
    """The request as sent: continuation backslashes dropped, the line breaks kept."""
    lines = text.split("\n")
    joined = [line[:-1] if line.endswith(CONTINUATION) and i < len(lines) - 1 else line for i, line in enumerate(lines)]
    return "\n".join(joined).strip()


def repl_bindings() -> KeyBindings:
    bindings = KeyBindings()
    default_focused = has_focus(DEFAULT_BUFFER)

    @bindings.add("enter", filter=default_focused)
    def _enter(event) -> None:
        buffer = event.current_buffer
        if continues(buffer.document):
            buffer.newline(copy_margin=False)
        else:
            buffer.validate_and_handle()

    # Emacs only: in vi mode an Esc-prefixed binding would make every Esc wait for the next key.
    @bindings.add("escape", "enter", filter=default_focused & emacs_insert_mode)
    def _newline(event) -> None:
        event.current_buffer.newline(copy_margin=False)

    @bindings.add("tab", filter=default_focused)
    def _complete(event) -> None:
        """Tab completes at once, even when typed before the as-you-type menu has appeared:
        a single match is inserted, several insert their common part and open the menu."""
        buffer = event.current_buffer
        if buffer.complete_state:
            buffer.complete_next()
            return
        if buffer.completer is None:
            return
        found = list(buffer.completer.get_completions(buffer.document, CompleteEvent(completion_requested=True)))
        if len(found) == 1:
            buffer.apply_completion(found[0])
        elif found:
            common = get_common_complete_suffix(buffer.document, found)
            if common:
                buffer.insert_text(common)
            buffer.start_completion(select_first=False)

    @bindings.add("f4")
    def _toggle_mode(event) -> None:
        app = event.app
        app.editing_mode = EditingMode.EMACS if app.editing_mode == EditingMode.VI else EditingMode.VI

    return bindings

