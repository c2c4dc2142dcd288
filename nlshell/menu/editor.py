"""The line editor the menu opens for Modify and Revise: prompt_toolkit on the menu's terminal.

Modify opens on the command with its first placeholder selected, so typing replaces it, and Tab
selects the next one; the command is highlighted as it is edited. It follows the REPL's editing
mode (emacs or vi); Esc cancels (in vi, from command mode), as does Ctrl-C. prompt_toolkit is
imported only when an edit starts.
"""

from __future__ import annotations

from nlshell.highlight import spans
from nlshell.placeholders import find, next_after


def edit_line(
    term, message: str, default: str, *, color: bool, vi: bool = False, placeholders: bool = False, say=None
) -> str | None:
    """A line editor (prompt_toolkit) on the menu's terminal `term`; None if cancelled."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.document import Document
    from prompt_toolkit.enums import EditingMode
    from prompt_toolkit.filters import Condition, emacs_mode, shift_selection_mode, vi_navigation_mode
    from prompt_toolkit.input import create_input
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys
    from prompt_toolkit.output import ColorDepth, create_output
    from prompt_toolkit.selection import SelectionType

    text_in, text_out = term.text_files()
    multiline = "\n" in default
    if multiline and say is not None:
        finish = "Esc then Enter finishes the edit" if vi else "Esc then Enter (or Alt+Enter) finishes the edit"
        say(finish, "2")
    holes = find(default) if placeholders else []
    cursor = holes[0].start if holes else len(default)

    bindings = KeyBindings()

    @bindings.add(Keys.BracketedPaste, filter=shift_selection_mode)
    @bindings.add("delete", filter=shift_selection_mode)
    def _replace_placeholder(event) -> None:
        buffer = event.current_buffer
        buffer.cut_selection()
        if event.key_sequence[0].key == Keys.BracketedPaste:
            buffer.insert_text(event.data.replace("\r\n", "\n").replace("\r", "\n"))

    def select(buffer, hole) -> None:
        # Shift-selection mode: typing replaces the placeholder, moving the cursor keeps it.
        buffer.exit_selection()
        buffer.cursor_position = hole.start
        buffer.start_selection(selection_type=SelectionType.CHARACTERS)
        if buffer.selection_state is not None:
            buffer.selection_state.enter_shift_mode()
        buffer.cursor_position = hole.end

    has_placeholder = Condition(lambda: placeholders and bool(find(session.default_buffer.text)))

    @bindings.add("tab", filter=has_placeholder)
    def _next_placeholder(event) -> None:
        buffer = event.current_buffer
        hole = next_after(buffer.text, buffer.cursor_position)
        if hole is not None:
            select(buffer, hole)

    @bindings.add("escape", filter=emacs_mode)
    @bindings.add("escape", filter=vi_navigation_mode)
    def _cancel(event) -> None:
        event.app.exit(exception=KeyboardInterrupt)

    def select_first() -> None:
        if holes:
            select(session.default_buffer, holes[0])

    session = PromptSession(
        "  " + message,
        input=create_input(stdin=text_in),
        output=create_output(stdout=text_out),
        multiline=multiline,
        key_bindings=bindings,
        editing_mode=EditingMode.VI if vi else EditingMode.EMACS,
        lexer=_shell_lexer() if placeholders and color else None,
        color_depth=None if color else ColorDepth.DEPTH_1_BIT,
        erase_when_done=False,
    )
    # prompt_toolkit switches to its own raw mode from ours and back, so keys typed while it
    # starts are neither echoed by the terminal nor lost.
    try:
        return session.prompt(default=Document(default, cursor), pre_run=select_first)
    except (KeyboardInterrupt, EOFError):
        return None
    finally:
        term.keys_mode()


# prompt_toolkit styles matching highlight.STYLES, for the command while it is edited.
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
