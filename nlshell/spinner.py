"""A spinner on stderr while a request is on its way, so a slow model never looks like a hang.

It appears only after a short delay (a fast answer should not flicker) and only on a terminal, and
its line is wiped before anything else is written: the caller stops or hides it first, and every
write happens under one lock, so a frame can never land after the wipe.
"""

from __future__ import annotations

import sys
import threading

FRAMES_UNICODE = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
FRAMES_ASCII = "|/-\\"


# The spinner on screen now, if any: console.say wipes it before printing a line.
ACTIVE: Spinner | None = None


class Spinner:
    """`with Spinner("thinking"):` — draws after `delay` seconds, erased on exit or `hide()`."""

    def __init__(self, label: str = "thinking", *, stream=None, delay: float = 0.2, interval: float = 0.08) -> None:
        self.label = label
        self._label = label  # the label to go back to after a passing status
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.interval = interval
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._drawn_width = 0
        self._hidden = False
        encoding = (getattr(self.stream, "encoding", None) or "").lower().replace("-", "")
        self._frames = FRAMES_UNICODE if encoding == "utf8" else FRAMES_ASCII
        self._ellipsis = "…" if encoding == "utf8" else "..."

    def _is_terminal(self) -> bool:
        try:
            return self.stream.isatty()
        except (AttributeError, ValueError, OSError):
            return False

    def start(self) -> Spinner:
        global ACTIVE
        if self._thread is None and self._is_terminal():
            ACTIVE = self
            self._thread = threading.Thread(target=self._spin, name="nlshell-spinner", daemon=True)
            self._thread.start()
        return self

    def _spin(self) -> None:
        if self._stop.wait(self.delay):
            return
        index = 0
        while not self._stop.is_set():
            frame = self._frames[index % len(self._frames)]
            text = f"{frame} {self.label}{self._ellipsis} (Ctrl-C cancels)"
            with self._lock:
                if self._stop.is_set() or self._hidden:
                    return
                pad = max(0, self._drawn_width - len(text))  # a shorter label covers the longer one
                self._write("\r" + text + " " * pad)
                self._drawn_width = len(text) + pad
            index += 1
            self._stop.wait(self.interval)

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self._stop.set()

    def _erase(self) -> None:
        if self._drawn_width:
            # Spaces rather than an erase-line escape: works on every terminal, even TERM=dumb.
            self._write("\r" + " " * self._drawn_width + "\r")
            self._drawn_width = 0

    def status(self, text: str | None) -> None:
        """Show `text` in place of the label for a while ("rate limited, retrying in 3 s"); None ends it."""
        self.label = text or self._label

    def hide(self) -> None:
        """Wipe the spinner for good (before output appears), without waiting for the thread."""
        global ACTIVE
        if ACTIVE is self:
            ACTIVE = None
        with self._lock:
            self._hidden = True
            self._stop.set()
            self._erase()

    def stop(self) -> None:
        self.hide()
        if self._thread is not None:
            self._thread.join(1.0)
            self._thread = None

    def __enter__(self) -> Spinner:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def spin_until_first(chunks, label: str, *, stream=None):
    """Yield from `chunks` (a stream from the model), with a spinner until the first arrives."""
    spinner = Spinner(label, stream=stream).start()
    try:
        for chunk in chunks:
            spinner.hide()
            yield chunk
    finally:
        spinner.stop()
