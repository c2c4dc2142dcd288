"""Waiting on the network in the REPL: a worker thread, a spinner, and Ctrl-C that cancels at once.

The request runs in a daemon thread while the main thread waits, so Ctrl-C (KeyboardInterrupt in
the main thread) abandons it immediately — its answer is ignored — and the session's one pooled
HTTP client stays usable. Keys typed meanwhile are not echoed over the spinner.
"""

from __future__ import annotations

import queue
import threading

from nlshell.spinner import Spinner, spin_until_first
from nlshell.typeahead import Quiet, stdin_fd


def call_cancellable(fn, *, label: str = "thinking", spinner: Spinner | None = None):
    """Run `fn()` in a daemon thread and wait; Ctrl-C (KeyboardInterrupt) abandons it at once."""
    box: dict = {}
    done = threading.Event()

    def work() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # handed to the waiting thread
            box["error"] = e
        finally:
            done.set()

    worker = threading.Thread(target=work, name="nlshell-request", daemon=True)
    with Quiet(stdin_fd()), (spinner or Spinner(label)):
        worker.start()
        while not done.wait(0.05):
            pass
    if "error" in box:
        raise box["error"]
    return box["value"]


def stream_cancellable(make_chunks, *, label: str = "thinking"):
    """Yield chunks produced by a worker thread; the spinner runs until the first one arrives."""
    with Quiet(stdin_fd()):
        yield from spin_until_first(_from_worker(make_chunks), label)


def _from_worker(make_chunks):
    """The chunks of `make_chunks()`, read in a worker thread; closing this generator (Ctrl-C)
    tells the worker to stop and close its stream."""
    chunks: queue.Queue = queue.Queue()
    cancelled = threading.Event()

    def work() -> None:
        iterator = None
        try:
            iterator = iter(make_chunks())
            for chunk in iterator:
                if cancelled.is_set():
                    break
                chunks.put(("chunk", chunk))
        except BaseException as e:
            chunks.put(("error", e))
        finally:
            close = getattr(iterator, "close", None)
            if cancelled.is_set() and close is not None:
                try:
                    close()
                except Exception:
                    pass
            chunks.put(("end", None))

    worker = threading.Thread(target=work, name="nlshell-stream", daemon=True)
    worker.start()
    try:
        while True:
            try:
                kind, item = chunks.get(timeout=0.05)
            except queue.Empty:
                continue
            if kind == "end":
                return
            if kind == "error":
                raise item
            yield item
    finally:
        cancelled.set()
