"""The menu's terminal: raw keys in, text out, and the modes that must always be put back.

Used by the confirmation menu (nlshell.menu). Input is read one key at a time from `/dev/tty`; a
burst (a paste, typeahead) is told apart from a key press, and whatever was typed before a
question is asked is discarded first. Signals end the menu cleanly and a stop/continue restores
the modes the menu needs.
"""

from __future__ import annotations

import codecs
import locale
import os
import select
import signal
import termios
import unicodedata

from nlshell.errors import Aborted

ESC_WAIT = 0.05  # seconds to tell a lone Esc from the start of an escape sequence


class Signalled(SystemExit):
    """Raised from a signal handler; a SystemExit so prompt_toolkit's event loop lets it through."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)
        self.signum = signum


class TerminalGone(Exception):
    """The terminal hung up or was closed (EOF, EIO)."""



def cell_width(text: str) -> int:
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


class Glyphs:
    def __init__(self, unicode_ok: bool) -> None:
        if unicode_ok:
            self.safe, self.caution, self.danger, self.unknown = "✓", "!", "✗", "?"
            self.warn, self.note, self.wrap, self.bar, self.arrow = "⚠", "·", "↪", "│", "›"
            self.tab, self.dash, self.ellipsis = "⇥", "—", "…"
            self.effect = "→"
        else:
            self.safe, self.caution, self.danger, self.unknown = "ok", "!", "X", "?"
            self.warn, self.note, self.wrap, self.bar, self.arrow = "!", "-", ">", "|", ">"
            self.tab, self.dash, self.ellipsis = "\\t", "--", "..."
            self.effect = "->"


class Terminal:
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
            raise TerminalGone(str(err)) from None

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
                raise TerminalGone(str(err)) from None
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
            raise TerminalGone(str(err)) from None
        if not data:
            raise TerminalGone("end of input")
        return data

    def _pending(self, timeout: float) -> bool:
        try:
            ready, _, _ = select.select([self.in_fd], [], [], timeout)
        except (OSError, ValueError):
            return False
        return bool(ready)

    def _drain(self) -> None:
        """Swallow the rest of an escape sequence or burst that is still arriving."""
        while self._pending(ESC_WAIT):
            self._read()

    def read_key(self) -> str:
        """One key: a lower-case character, or enter/esc/ctrl-c/ctrl-d/ctrl-z/ctrl-backslash,
        "ignored" (arrows, function keys, Alt+key) or "burst" (several keys at once: a paste)."""
        data = self._read()
        if data[:1] == b"\x1b":
            if len(data) == 1 and not self._pending(ESC_WAIT):
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
                if len(data) == 1 and not self._pending(ESC_WAIT):
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
                        cells = cell_width(typed.pop())
                        self.write("\b" * cells + " " * cells + "\b" * cells)
                elif ch == "\x15":  # Ctrl-U
                    cells = cell_width("".join(typed))
                    self.write("\b" * cells + " " * cells + "\b" * cells)
                    typed.clear()
                elif unicodedata.category(ch)[0] != "C":
                    typed.append(ch)
                    self.write(ch)

    def as_stream(self) -> TerminalStream:
        """This terminal as a file-like stream, for a Spinner."""
        return TerminalStream(self)

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


class SignalGuard:
    """While the menu is up: SIGTERM/SIGHUP end it cleanly, SIGCONT puts our modes back."""

    def __init__(self, term: Terminal) -> None:
        self.term = term
        self.saved: dict[int, object] = {}

    def _set(self, signum: int, handler) -> None:
        try:
            previous = signal.signal(signum, handler)
        except (ValueError, OSError):  # not the main thread
            return
        self.saved[signum] = previous

    def __enter__(self) -> SignalGuard:
        def die(signum, frame):
            raise Signalled(signum)

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


class InterruptibleWait:
    """Around a model call: Ctrl-C (now a real SIGINT) raises KeyboardInterrupt to stop it."""

    def __init__(self, term: Terminal) -> None:
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


class TerminalStream:
    """The menu's terminal as the file-like stream a Spinner draws on."""

    def __init__(self, term) -> None:
        self.term = term
        self.encoding = "utf-8" if term.unicode else "ascii"

    def write(self, text: str) -> None:
        try:
            self.term.write_raw(text)
        except TerminalGone as err:
            raise OSError(str(err)) from None

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return True
