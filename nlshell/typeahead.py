"""Keys typed while nlshell waits: never echoed over the spinner, and thrown away before anything
they could confirm.

A person presses Enter (or types on) while a reply is still coming. Those keys were meant for a
command they had not seen yet, so before one is shown in a menu, put into a shell's line by the
keybinding, or run by `--yes`, whatever was typed is discarded (`tcflush`). While waiting, echo is
off so the keys do not garble the spinner; Ctrl-C still interrupts. Every way out puts the
terminal's modes back.
"""

from __future__ import annotations

import os
import sys
import termios


def stdin_fd() -> int:
    """stdin's descriptor, or -1 when stdin is closed or not a real file."""
    try:
        return sys.stdin.fileno()
    except (AttributeError, ValueError, OSError):
        return -1


def open_terminal() -> int | None:
    """A descriptor on the controlling terminal (`/dev/tty`), or None without one."""
    try:
        return os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError:
        return None


def discard(fd: int) -> None:
    """Drop whatever was typed and not yet read on terminal `fd`."""
    try:
        termios.tcflush(fd, termios.TCIFLUSH)
    except (termios.error, OSError, ValueError):
        pass


class Quiet:
    """`with Quiet(fd, discard_at_end=True):` — no echo while inside; optionally discard typeahead
    on the way out. `fd=None` uses the controlling terminal; without a terminal it does nothing."""

    def __init__(self, fd: int | None = None, *, discard_at_end: bool = False) -> None:
        self.fd = fd
        self.discard_at_end = discard_at_end
        self._owned = False
        self._saved = None

    def __enter__(self) -> Quiet:
        if self.fd is None:
            self.fd = open_terminal()
            self._owned = self.fd is not None
        if self.fd is None or self.fd < 0:
            return self
        try:
            self._saved = termios.tcgetattr(self.fd)
            attrs = termios.tcgetattr(self.fd)
            attrs[3] &= ~termios.ECHO
            attrs[3] |= termios.ISIG
            termios.tcsetattr(self.fd, termios.TCSANOW, attrs)
        except (termios.error, OSError, ValueError, TypeError):
            self._saved = None
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is None or self.fd < 0:
            return
        if self.discard_at_end:
            discard(self.fd)
        if self._saved is not None:
            try:
                termios.tcsetattr(self.fd, termios.TCSANOW, self._saved)
            except (termios.error, OSError, ValueError):
                pass
        if self._owned:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = None
