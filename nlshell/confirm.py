"""The confirmation menu: show a command, its risk and problems, and let the person decide.

Everything here talks to the terminal (`/dev/tty` by default), never to stdout, which carries only
the product. The rules that keep it safe:
- keys typed before the menu is drawn are discarded, and a burst of input (a paste, typeahead) is
  never taken as a key, so nothing confirms a command the person has not seen;
- a dangerous command runs only after the word `yes` is typed out;
- Ctrl-C, Ctrl-D, Esc, EOF, a vanished terminal, SIGTERM or SIGHUP never execute anything, and the
  terminal modes are restored on every way out.
"""

from __future__ import annotations

import codecs
import locale
import os
import re
import select
import signal
import termios
import textwrap
import unicodedata

from nlshell.errors import Aborted, NlshellError
from nlshell.text import visible
from nlshell.highlight import paint, spans

ACTIONS = ("execute", "modify", "describe", "revise", "copy", "abort")
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}")
_ESC_WAIT = 0.05  # seconds to tell a lone Esc from the start of an escape sequence


class Decision:
    """What the person chose, and the command and suggestion it applies to."""

    __slots__ = ("action", "command", "suggestion")

    def __init__(self, action: str, command: str, suggestion) -> None:
        self.action = action
        self.command = command
        self.suggestion = suggestion

    def __repr__(self) -> str:
        return f"Decision({self.action!r}, {self.command!r})"


class Terminated(Aborted):
    """A signal (SIGTERM, SIGHUP) ended the menu; exits like the signal would (128+N)."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"stopped by {signal.Signals(signum).name}")
        self.exit_code = 128 + signum


class _Signalled(SystemExit):
    """Raised from a signal handler; a SystemExit so prompt_toolkit's event loop lets it through."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)
        self.signum = signum


class _TerminalGone(Exception):
    """The terminal hung up or was closed (EOF, EIO)."""


def _break_away_from_spaces(row: list, following) -> list:
    """Move units from the end of a full `row` so it neither ends nor is followed by a space.

    A space at a wrap point would be invisible (`rm -rf /` + ` tmp` would read like `/tmp`), so
    rows break inside words where possible. Returns the units carried to the next row.
    """
    units = row + [following]
    for cut in range(len(row), 0, -1):
        if units[cut - 1][1] != " " and units[cut][1] != " ":
            carried = row[cut:]
            del row[cut:]
            return carried
    return []


def _cell_width(text: str) -> int:
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


class _Glyphs:
    def __init__(self, unicode_ok: bool) -> None:
        if unicode_ok:
            self.safe, self.caution, self.danger, self.unknown = "✓", "!", "✗", "?"
            self.warn, self.note, self.wrap, self.bar, self.arrow = "⚠", "·", "↪", "│", "›"
            self.tab, self.dash, self.ellipsis = "⇥", "—", "…"
        else:
            self.safe, self.caution, self.danger, self.unknown = "ok", "!", "X", "?"
            self.warn, self.note, self.wrap, self.bar, self.arrow = "!", "-", ">", "|", ">"
            self.tab, self.dash, self.ellipsis = "\\t", "--", "..."


class _Terminal:
    """The menu's terminal: key input, output, and the modes it must always put back."""

    def __init__(self, tty=None) -> None:
        self.owned: list[int] = []
        if tty is None:
            try:
                fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY | os.O_CLOEXEC)
            except OSError:
                fd = -1
            if fd >= 0:
                self.owned.append(fd)
                self.in_fd = self.out_fd = fd
            elif os.isatty(0) and os.isatty(2):
                self.in_fd, self.out_fd = 0, 2
            else:
                raise Aborted("there is no terminal to ask for confirmation; nothing was run")
        else:
            fd = tty if isinstance(tty, int) else tty.fileno()
            self.in_fd = self.out_fd = fd
        try:
            self.saved = termios.tcgetattr(self.in_fd)
        except termios.error:
            self.close()
            raise Aborted("the terminal cannot be used for confirmation; nothing was run") from None
        encoding = locale.getpreferredencoding(False) or "utf-8"
        self.encoding = codecs.lookup(encoding).name
        self.unicode = self.encoding == "utf-8"
        self.mode: list | None = None
        self._text_files: list = []

    # -- modes -------------------------------------------------------------------------------
    def _apply(self, attrs: list) -> None:
        self.mode = attrs
        try:
            termios.tcsetattr(self.in_fd, termios.TCSANOW, attrs)
        except termios.error as err:
            raise _TerminalGone(str(err)) from None

    def keys_mode(self) -> None:
        """One key at a time, no echo, Ctrl-C/Ctrl-Z/Ctrl-\\ as plain bytes; output unchanged."""
        attrs = [list(a) if isinstance(a, list) else a for a in self.saved]
        attrs[0] &= ~(termios.ICRNL | termios.INLCR | termios.IGNCR | termios.IXON)
        attrs[3] &= ~(termios.ECHO | termios.ICANON | termios.ISIG | termios.IEXTEN)
        attrs[6][termios.VMIN] = 1
        attrs[6][termios.VTIME] = 0
        self._apply(attrs)

    def quiet_mode(self) -> None:
        """While waiting on the model: keys are not echoed, but Ctrl-C still interrupts."""
        attrs = [list(a) if isinstance(a, list) else a for a in self.saved]
        attrs[3] &= ~(termios.ECHO | termios.ICANON)
        attrs[3] |= termios.ISIG
        # Ctrl-\ would kill us with SIGQUIT (and a core) before the modes are restored.
        try:
            disabled = os.fpathconf(self.in_fd, "PC_VDISABLE")
        except (OSError, ValueError):
            disabled = 0
        attrs[6][termios.VQUIT] = bytes([disabled & 0xFF])
        attrs[6][termios.VMIN] = 1
        attrs[6][termios.VTIME] = 0
        self._apply(attrs)

    def reapply(self) -> None:
        """After a stop/continue the shell may have changed the modes: put ours back."""
        if self.mode is not None:
            try:
                termios.tcsetattr(self.in_fd, termios.TCSANOW, self.mode)
            except termios.error:
                pass

    def restore(self) -> None:
        try:
            termios.tcsetattr(self.in_fd, termios.TCSANOW, self.saved)
        except termios.error:
            pass
        self.mode = None

    def close(self) -> None:
        for f in self._text_files:
            try:
                f.close()
            except OSError:
                pass
        self._text_files = []
        for fd in self.owned:
            try:
                os.close(fd)
            except OSError:
                pass
        self.owned = []

    # -- output ------------------------------------------------------------------------------
    def write_raw(self, text: str) -> None:
        data = text.encode(self.encoding, "backslashreplace")
        while data:
            try:
                written = os.write(self.out_fd, data)
            except OSError as err:
                raise _TerminalGone(str(err)) from None
            data = data[written:]

    def write(self, text: str) -> None:
        """Write text; newlines become CR LF so it reads right in any output mode."""
        self.write_raw(text.replace("\r\n", "\n").replace("\n", "\r\n"))

    def width(self) -> int:
        try:
            columns = os.get_terminal_size(self.out_fd).columns
        except OSError:
            columns = 0
        return max(20, columns) if columns else 80  # 0: a pty nobody sized

    # -- input -------------------------------------------------------------------------------
    def flush_input(self) -> None:
        """Drop whatever was typed before now (a stray Enter must not confirm anything)."""
        try:
            termios.tcflush(self.in_fd, termios.TCIFLUSH)
        except termios.error:
            pass

    def _read(self) -> bytes:
        try:
            data = os.read(self.in_fd, 256)
        except OSError as err:
            raise _TerminalGone(str(err)) from None
        if not data:
            raise _TerminalGone("end of input")
        return data

    def _pending(self, timeout: float) -> bool:
        try:
            ready, _, _ = select.select([self.in_fd], [], [], timeout)
        except (OSError, ValueError):
            return False
        return bool(ready)

    def _drain(self) -> None:
        """Swallow the rest of an escape sequence or burst that is still arriving."""
        while self._pending(_ESC_WAIT):
            self._read()

    def read_key(self) -> str:
        """One key: a lower-case character, or enter/esc/ctrl-c/ctrl-d/ctrl-z/ctrl-backslash,
        "ignored" (arrows, function keys, Alt+key) or "burst" (several keys at once: a paste)."""
        data = self._read()
        if data[:1] == b"\x1b":
            if len(data) == 1 and not self._pending(_ESC_WAIT):
                return "esc"
            self._drain()
            return "ignored"
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = ""
        if len(text) != 1:
            self._drain()
            return "burst"
        named = {
            "\r": "enter",
            "\n": "enter",
            "\x03": "ctrl-c",
            "\x04": "ctrl-d",
            "\x1a": "ctrl-z",
            "\x1c": "ctrl-backslash",
        }
        if text in named:
            return named[text]
        if unicodedata.category(text) == "Cc":
            return "ignored"
        return text.lower()

    def read_line(self, prompt: str) -> str | None:
        """A short line typed in keys mode (for `yes`); None when Esc cancels it."""
        self.flush_input()
        self.write(prompt)
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        typed: list[str] = []
        while True:
            data = self._read()
            if data[:1] == b"\x1b":
                if len(data) == 1 and not self._pending(_ESC_WAIT):
                    self.write("\n")
                    return None
                self._drain()
                continue
            for ch in decoder.decode(data):
                if ch in "\r\n":
                    self.write("\n")
                    return "".join(typed)
                if ch in "\x03\x04\x1c":
                    self.write("\n")
                    raise Aborted()
                if ch in "\x7f\x08":
                    if typed:
                        cells = _cell_width(typed.pop())
                        self.write("\b" * cells + " " * cells + "\b" * cells)
                elif ch == "\x15":  # Ctrl-U
                    cells = _cell_width("".join(typed))
                    self.write("\b" * cells + " " * cells + "\b" * cells)
                    typed.clear()
                elif unicodedata.category(ch)[0] != "C":
                    typed.append(ch)
                    self.write(ch)

    # -- files for prompt_toolkit ------------------------------------------------------------
    @property
    def used_editor(self) -> bool:
        return bool(self._text_files)

    def text_files(self):
        if not self._text_files:
            self._text_files = [
                open(self.in_fd, "r", encoding="utf-8", errors="replace", closefd=False),
                open(self.out_fd, "w", encoding=self.encoding, errors="backslashreplace", closefd=False),
            ]
        return self._text_files[0], self._text_files[1]


class _SignalGuard:
    """While the menu is up: SIGTERM/SIGHUP end it cleanly, SIGCONT puts our modes back."""

    def __init__(self, term: _Terminal) -> None:
        self.term = term
        self.saved: dict[int, object] = {}

    def _set(self, signum: int, handler) -> None:
        try:
            previous = signal.signal(signum, handler)
        except (ValueError, OSError):  # not the main thread
            return
        self.saved[signum] = previous

    def __enter__(self) -> _SignalGuard:
        def die(signum, frame):
            raise _Signalled(signum)

        def resumed(signum, frame):
            self.term.reapply()

        for signum in (signal.SIGTERM, signal.SIGHUP):
            if signal.getsignal(signum) is not signal.SIG_IGN:
                self._set(signum, die)
        self._set(signal.SIGCONT, resumed)
        return self

    def __exit__(self, *exc) -> None:
        for signum, handler in self.saved.items():
            try:
                signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
            except (ValueError, OSError):
                pass


class _InterruptibleWait:
    """Around a model call: Ctrl-C (now a real SIGINT) raises KeyboardInterrupt to stop it."""

    def __init__(self, term: _Terminal) -> None:
        self.term = term
        self.previous = None

    def __enter__(self) -> None:
        self.term.quiet_mode()
        try:
            self.previous = signal.signal(signal.SIGINT, signal.default_int_handler)
        except ValueError:
            self.previous = None

    def __exit__(self, *exc) -> None:
        if self.previous is not None:
            try:
                signal.signal(signal.SIGINT, self.previous)
            except ValueError:
                pass
        self.term.keys_mode()


class _Menu:
    def __init__(self, term: _Terminal, *, assess, describe, revise, color: bool) -> None:
        self.term = term
        self.assess = assess
        self.describe = describe
        self.revise = revise
        self.color = color
        self.g = _Glyphs(term.unicode)
        self.room = 0
        self.visible = visible

    # -- drawing -----------------------------------------------------------------------------
    def paint(self, kind: str, text: str) -> str:
        return paint(kind, text, self.color)

    def style(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color and text else text

    def block(self, text: str, code: str = "") -> str:
        """Text for the person, made visible (it may quote model text), wrapped and indented."""
        rows = textwrap.wrap(
            self.visible(text),
            width=self.term.width() - 3,
            initial_indent="  ",
            subsequent_indent="    ",
            break_on_hyphens=False,
        ) or [""]
        return "\n".join(row[:2] + self.style(code, row[2:]) for row in rows)

    def say(self, text: str, code: str = "") -> None:
        self.term.write(self.block(text, code) + "\n")

    def _cells(self, command: str) -> list[list[tuple[str, str, int]]]:
        """The command as display lines of (kind, text, width) units, control chars escaped."""
        lines: list[list[tuple[str, str, int]]] = [[]]
        for kind, text in spans(command):
            for ch in text:
                if ch == "\n":
                    lines.append([])
                    continue
                if ch == "\t":
                    lines[-1].append(("escape", self.g.tab, len(self.g.tab)))
                    continue
                shown = self.visible(ch)
                if shown != ch:
                    lines[-1].append(("escape", shown, len(shown)))
                else:
                    lines[-1].append((kind, ch, _cell_width(ch)))
        if len(lines) > 1 and not lines[-1]:
            lines.pop()  # a trailing newline adds no line worth showing
        return lines

    def _render_units(self, units: list[tuple[str, str, int]]) -> str:
        out: list[str] = []
        run_kind, run_text = None, []
        for kind, text, _ in units:
            if kind != run_kind and run_text:
                out.append(self.paint(run_kind or "text", "".join(run_text)))
                run_text = []
            run_kind = kind
            run_text.append(text)
        if run_text:
            out.append(self.paint(run_kind or "text", "".join(run_text)))
        return "".join(out)

    def command_block(self, command: str) -> str:
        """Every line of the command, wrapped visibly so nothing hides past the right edge."""
        lines = self._cells(command)
        many = len(lines) > 1
        number_width = len(str(len(lines)))
        rows: list[str] = []
        for number, units in enumerate(lines, 1):
            if many:
                first = f"{number:>{number_width}} {self.g.bar} "
                more = " " * number_width + f" {self.g.wrap} "
            else:
                first, more = "$ ", f"{self.g.wrap} "
            room = max(10, self.term.width() - 2 - len(first) - 1)
            chunk: list[tuple[str, str, int]] = []
            used, prefix = 0, first
            for unit in units:
                if used + unit[2] > room and chunk:
                    carried = _break_away_from_spaces(chunk, unit)
                    rows.append("  " + self.style("2", prefix) + self._render_units(chunk))
                    chunk, prefix = carried, more
                    used = sum(u[2] for u in chunk)
                chunk.append(unit)
                used += unit[2]
            rows.append("  " + self.style("2", prefix) + self._render_units(chunk))
        return "\n".join(rows)

    def risk_line(self, s) -> str:
        reasons = "; ".join(getattr(s, "reasons", None) or [])
        risk = getattr(s, "risk", None)
        g = self.g
        if risk == "safe":
            text, code = f"{g.safe} safe" + (f": {reasons}" if reasons else ""), "32"
        elif risk == "caution":
            text, code = f"{g.caution} caution" + (f": {reasons}" if reasons else ""), "33"
        elif risk == "dangerous":
            text = f"{g.danger} DANGEROUS" + (f": {reasons}" if reasons else "")
            text += f" {g.dash} type yes to run it"
            code = "1;31"
        else:
            text, code = f"{g.unknown} risk not rated" + (f": {reasons}" if reasons else ""), "33"
        if getattr(s, "valid", None) is False:
            text += f" {g.dash} does not look valid"
        return self.block(text, code)

    def options_line(self) -> str:
        """The choices, as long as the terminal is wide; remembers the room left on the line."""
        width = self.term.width()
        plain = ""
        for gap in ("  ", " "):
            plain = "  " + gap.join(f"[{w[0]}]{w[1:]}" for w in ACTIONS) + f" {self.g.arrow} "
            if len(plain) < width:
                break
        else:
            gap, plain = "", "  [" + "/".join(w[0] for w in ACTIONS) + f"] {self.g.arrow} "
        self.room = width - len(plain) - 1
        if not gap or not self.color:
            return plain
        parts = [f"[\x1b[1;4m{w[0]}\x1b[0m]{w[1:]}" for w in ACTIONS]
        return "  " + gap.join(parts) + f" {self.g.arrow} "

    def chose(self, word: str) -> None:
        """Echo the choice after the options when it fits, and end the line."""
        self.term.write((word if len(word) <= self.room else "") + "\n")

    def show(self, s) -> None:
        out = ["", self.command_block(s.command), self.risk_line(s)]
        for problem in getattr(s, "problems", None) or []:
            out.append(self.block(f"{self.g.warn} {problem}", "33"))
        for note in getattr(s, "notes", None) or []:
            out.append(self.block(f"{self.g.note} {note}", "2"))
        self.term.write("\n".join(out) + "\n")

    # -- the loop ----------------------------------------------------------------------------
    def run(self, s) -> Decision:
        redraw = True
        while True:
            self.term.flush_input()
            if redraw:
                self.show(s)
                redraw = False
            self.term.write(self.options_line())
            key = self.term.read_key()
            while key == "ignored":  # arrows, function keys, Alt+key: not a choice
                key = self.term.read_key()
            if key in ("a", "q", "esc", "ctrl-c", "ctrl-d", "ctrl-backslash"):
                self.chose("abort")
                raise Aborted()
            if key in ("e", "enter"):
                if key == "enter" and not self._enter_runs(s):
                    continue
                self.chose("execute")
                if s.risk == "dangerous" and not self._typed_yes():
                    redraw = True
                    continue
                return Decision("execute", s.command, s)
            if key == "c":
                self.chose("copy")
                self._copy(s.command)
                return Decision("copy", s.command, s)
            if key == "m":
                self.chose("modify")
                s = self._modify(s)
                redraw = True
            elif key == "d":
                self.chose("describe")
                self._describe(s.command)
                redraw = True
            elif key == "r":
                self.chose("revise")
                s = self._revise(s)
                redraw = True
            elif key == "ctrl-z":
                self._suspend()
                redraw = True
            elif key == "burst":
                self.term.write("\n")
                self.say("(ignored input that arrived all at once; press one key)", "2")
            else:
                self.term.write("\n")
                self.say("press e, m, d, r, c or a (Esc aborts)", "2")

    def _enter_runs(self, s) -> bool:
        """Enter is a shortcut only for rated, valid, non-dangerous commands; say why not."""
        if s.risk in ("safe", "caution") and getattr(s, "valid", None) is not False:
            return True
        if s.risk == "dangerous":
            self.term.write("\n")
            self.say("Enter does not run a dangerous command: press e, then type yes", "33")
        else:
            self.term.write("\n")
            self.say("press e to run it", "2")
        return False

    def _typed_yes(self) -> bool:
        answer = self.term.read_line("  " + self.style("1;31", "type yes to run this dangerous command: "))
        if answer is not None and answer.strip().lower() == "yes":
            return True
        self.say("not confirmed " + self.g.dash + " nothing was run", "33")
        return False

    def _copy(self, command: str) -> None:
        from nlshell import clipboard

        how = clipboard.copy(command, self.term.write_raw)
        if how == clipboard.OSC52:
            self.say("sent to the terminal's clipboard (OSC 52; some terminals ignore it)", "2")
        else:
            self.say(f"copied to the clipboard ({how})", "2")

    def _suspend(self) -> None:
        """Ctrl-Z: stop like any job, with the terminal as we found it; redraw on return."""
        if signal.getsignal(signal.SIGTSTP) is not signal.SIG_DFL:
            self.term.write("\r")
            return
        self.term.write("\n")
        self.term.restore()
        os.kill(0, signal.SIGTSTP)
        self.term.keys_mode()

    def _describe(self, command: str) -> None:
        chunks = None
        ended_with_newline = True
        self.term.write("\n")
        try:
            with _InterruptibleWait(self.term):
                try:
                    chunks = iter(self.describe(command))
                    for chunk in chunks:
                        if chunk:
                            self.term.write(self.visible(chunk))
                            ended_with_newline = chunk.endswith("\n")
                except KeyboardInterrupt:
                    self.term.write("\n")
                    ended_with_newline = True
                    self.say("(description stopped)", "2")
                finally:
                    close = getattr(chunks, "close", None)
                    if close:
                        try:
                            close()
                        except Exception:
                            pass
        except NlshellError as err:
            if not ended_with_newline:
                self.term.write("\n")
            self.say(f"cannot describe it: {err}", "31")
            return
        if not ended_with_newline:
            self.term.write("\n")

    def _revise(self, s):
        instruction = self._prompt_line("what should change? ", "")
        if instruction is None or not instruction.strip():
            self.say("nothing to revise", "2")
            return s
        self.say("revising" + self.g.ellipsis, "2")
        try:
            with _InterruptibleWait(self.term):
                try:
                    new = self.revise(instruction.strip(), s)
                except KeyboardInterrupt:
                    self.say("(revision stopped)", "2")
                    return s
        except NlshellError as err:
            self.say(f"cannot revise: {err}", "31")
            return s
        if new is None or not getattr(new, "command", None):
            self.say("the revision holds no command; keeping this one", "31")
            return s
        return new

    def _modify(self, s):
        command = s.command
        edited = self._prompt_line("edit: ", command, placeholder=True)
        if edited is None:
            self.say("edit cancelled", "2")
            return s
        edited = edited.strip()
        if not edited:
            self.say("empty command; keeping the previous one", "2")
            return s
        if edited == command:
            return s
        try:
            return self.assess(edited)
        except NlshellError as err:
            self.say(f"cannot check the edited command: {err}; keeping the previous one", "31")
            return s

    def _prompt_line(self, message: str, default: str, *, placeholder: bool = False) -> str | None:
        """A line editor (prompt_toolkit) on the menu's terminal; None if cancelled."""
        from prompt_toolkit import PromptSession
        from prompt_toolkit.document import Document
        from prompt_toolkit.input import create_input
        from prompt_toolkit.key_binding import KeyBindings
        from prompt_toolkit.keys import Keys
        from prompt_toolkit.filters import shift_selection_mode
        from prompt_toolkit.output import ColorDepth, create_output
        from prompt_toolkit.selection import SelectionType

        text_in, text_out = self.term.text_files()
        multiline = "\n" in default
        if multiline:
            self.say("Esc then Enter (or Alt+Enter) finishes the edit", "2")
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
            lexer=_shell_lexer() if placeholder and self.color else None,
            color_depth=None if self.color else ColorDepth.DEPTH_1_BIT,
            erase_when_done=False,
        )
        # prompt_toolkit switches to its own raw mode from ours and back, so keys typed while it
        # starts are neither echoed by the terminal nor lost.
        try:
            return session.prompt(default=Document(default, cursor), pre_run=select_placeholder)
        except (KeyboardInterrupt, EOFError):
            return None
        finally:
            self.term.keys_mode()


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


def confirm(suggestion, *, assess, describe, revise, color: bool, tty=None) -> Decision:
    """Show `suggestion` and return what the person decided; raise Aborted when they did not.

    `assess(command)` re-rates an edited command, `describe(command)` streams an explanation,
    `revise(instruction, current)` asks for a changed suggestion; the last two may raise
    NlshellError, shown as one line while the menu carries on. "copy" is done here.
    """
    term = _Terminal(tty)
    try:
        with _SignalGuard(term):
            try:
                term.keys_mode()
                menu = _Menu(term, assess=assess, describe=describe, revise=revise, color=color)
                return menu.run(suggestion)
            except KeyboardInterrupt:
                _say_quietly(term, "\n")
                raise Aborted() from None
            except _TerminalGone:
                raise Aborted("the terminal went away; nothing was run") from None
            except _Signalled as sig:
                _say_quietly(term, "\n")
                raise Terminated(sig.signum) from None
            finally:
                if term.used_editor:
                    # prompt_toolkit hides the cursor while it draws; a signal mid-draw could
                    # leave it hidden.
                    _say_quietly(term, "\x1b[?25h")
                term.restore()
    finally:
        term.close()


def _say_quietly(term: _Terminal, text: str) -> None:
    try:
        term.write(text)
    except _TerminalGone:
        pass
