"""The line editor the menu opens for Modify and Revise: prompt_toolkit on the menu's terminal.

Modify opens on the command with its first placeholder selected, so typing replaces it; the
command is highlighted as it is edited. prompt_toolkit is imported only when an edit starts.
"""

from __future__ import annotations

import re

from nlshell.highlight import spans

_PLACEHOLDER = re.compile(r"\{\{.*?\}\}")


def edit_line(term, message: str, default: str, *, color: bool, placeholder: bool = False, say=None) -> str | None:
    """A line editor (prompt_toolkit) on the menu's terminal `term`; None if cancelled."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.document import Document
    from prompt_toolkit.input import create_input
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys
    from prompt_toolkit.filters import shift_selection_mode
    from prompt_toolkit.output import ColorDepth, create_output
    from prompt_toolkit.selection import SelectionType

    text_in, text_out = term.text_files()
    multiline = "\n" in default
    if multiline:
        say("Esc then Enter (or Alt+Enter) finishes the edit", "2")
    match = _PLACEHOLDER.search(default) if placeholder else None
    cursor = match.start() if match else len(default)

    bindings = KeyBindings()

    @bindings.add(Keys.BracketedPaste, filter=shift_selection_mode)
    @bindings.add("delete", filter=shift_selection_mode)
    def _replace_placeholder(event) -> None:
        buffer = event.current_buffer
        buffer.cut_selection()
        if event.key_sequence[0].key == Keys.BracketedPaste:
            buffer.insert_text(event.data.replace("\r\n", "\n").replace("\r", "\n"))

    def select_placeholder() -> None:
        # Shift-selection mode: typing replaces the placeholder, moving the cursor keeps it.
        if match:
            buffer = session.default_buffer
            buffer.cursor_position = match.start()
            buffer.start_selection(selection_type=SelectionType.CHARACTERS)
            if buffer.selection_state is not None:
                buffer.selection_state.enter_shift_mode()
            buffer.cursor_position = match.end()

    session = PromptSession(
        "  " + message,
        input=create_input(stdin=text_in),
        output=create_output(stdout=text_out),
        multiline=multiline,
        key_bindings=bindings,
        lexer=_shell_lexer() if placeholder and color else None,
        color_depth=None if color else ColorDepth.DEPTH_1_BIT,
        erase_when_done=False,
    )
    # prompt_toolkit switches to its own raw mode from ours and back, so keys typed while it
    # starts are neither echoed by the terminal nor lost.
    try:
        return session.prompt(default=Document(default, cursor), pre_run=select_placeholder)
    except (KeyboardInterrupt, EOFError):
        return None
    finally:
        term.keys_mode()


_EDITOR_STYLES = {
    "command": "bold ansigreen",
    "keyword": "bold ansimagenta",
    "option": "ansicyan",
    "string": "ansiyellow",
    "variable": "ansimagenta",
    "operator": "bold",
    "redirect": "bold",
    "comment": "ansibrightblack",
    "placeholder": "underline ansiyellow",
}


def _shell_lexer():
    from prompt_toolkit.lexers import Lexer

    class ShellLexer(Lexer):
        def lex_document(self, document):
            lines = document.lines

            def line(number: int):
                if number >= len(lines):
                    return []
                return [(_EDITOR_STYLES.get(kind, ""), text) for kind, text in spans(lines[number])]

            return line

    return ShellLexer()
