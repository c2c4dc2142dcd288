"""Run a confirmed command in the user's shell, the way the shell itself would run a job.

The command string is handed over as the single argument after `-c`, so no quoting layer of ours
can change its meaning. The child inherits the terminal and gets default signal handlers; while it
runs, nlshell itself shrugs off Ctrl-C and Ctrl-\\ (they are meant for the command) and passes
SIGTERM/SIGHUP on, so a killed nlshell never leaves an orphan behind. Like a shell, the status of a
command killed by signal N is 128+N.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from nlshell.errors import EXIT_USAGE, NlshellError
from nlshell.usershell import user_shell

class ShellError(NlshellError):
    """The shell that should run the command cannot be started."""

    exit_code = EXIT_USAGE


def _exit_status(returncode: int) -> int:
    return 128 - returncode if returncode < 0 else returncode


def _ignore(signum, frame) -> None:
    """A caught-but-ignored signal: unlike SIG_IGN, exec resets it to the default in the child."""


def command_environment() -> dict[str, str]:
    """Our environment minus the API key: the command the model suggested has no use for it."""
    return {name: value for name, value in os.environ.items() if name != "OPENROUTER_API_KEY"}


def run_command(command: str, *, shell: str | None = None) -> int:
    """Run `command` with `shell -c`, wait, and return its exit status (128+N if killed by N)."""
    path = shell or user_shell()[0]
    argv = [path, "-c", command]
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass

    saved: dict[int, object] = {}

    def swap(signum: int, handler) -> None:
        try:
            current = signal.getsignal(signum)
        except ValueError:
            return
        # SIG_IGN inherited from our parent (nohup, a background job) must stay ignored for the
        # child too; a handler installed outside Python (None) cannot be put back, so leave it.
        if current in (signal.SIG_IGN, None):
            return
        try:
            signal.signal(signum, handler)
        except ValueError:  # not the main thread: leave signals alone
            return
        saved[signum] = current

    child: list[subprocess.Popen] = []
    early: list[int] = []

    def forward(signum, frame) -> None:
        if not child:  # arrived while the child was being started: deliver it right after
            early.append(signum)
            return
        try:
            child[0].send_signal(signum)
        except OSError:
            pass

    swap(signal.SIGINT, _ignore)
    swap(signal.SIGQUIT, _ignore)
    # In place before the child exists, so no moment is left where SIGTERM kills us and orphans it.
    swap(signal.SIGTERM, forward)
    swap(signal.SIGHUP, forward)
    try:
        try:
            child.append(subprocess.Popen(argv, env=command_environment()))
        except OSError as err:
            raise ShellError(
                f"cannot start the shell {path}: {err.strerror or err}",
                "check $SHELL or the `shell` setting",
            ) from None
        for signum in early:
            forward(signum, None)
        return _exit_status(child[0].wait())
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)
