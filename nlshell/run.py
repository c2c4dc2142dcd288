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

# Shells whose `-c` speaks the syntax nlshell generates and validates for.
_KINDS = {
    "bash": "bash",
    "zsh": "zsh",
    "fish": "fish",
    "sh": "sh",
    "dash": "sh",
    "ash": "sh",
    "ksh": "sh",
    "ksh93": "sh",
    "mksh": "sh",
    "lksh": "sh",
    "oksh": "sh",
    "pdksh": "sh",
    "yash": "sh",
    "posh": "sh",
    "busybox": "sh",
}
FALLBACK_SHELL = "/bin/sh"


class ShellError(NlshellError):
    """The shell that should run the command cannot be started."""

    exit_code = EXIT_USAGE


def shell_kind(path: str) -> str | None:
    """bash | zsh | fish | sh for a shell path, None for shells of another family (csh, nu, …)."""
    name = os.path.basename(path)
    if name in _KINDS:
        return _KINDS[name]
    # Versioned names: bash5, zsh-5.9, fish3
    stripped = name.rstrip("0123456789.-_")
    return _KINDS.get(stripped)


def _usable(path: str) -> bool:
    return os.path.isabs(path) and os.path.isfile(path) and os.access(path, os.X_OK)


def user_shell() -> tuple[str, str]:
    """The shell commands are written for and run in: `$SHELL`, else the login shell, else /bin/sh.

    A shell outside the sh/bash/zsh/fish families (tcsh, nu, xonsh, …) cannot run what nlshell
    generates, so those fall back to /bin/sh rather than fail on syntax.
    """
    candidates = [os.environ.get("SHELL", "")]
    try:
        import pwd

        candidates.append(pwd.getpwuid(os.getuid()).pw_shell)
    except (ImportError, KeyError, OSError):
        pass
    for path in candidates:
        if path and _usable(path):
            kind = shell_kind(path)
            if kind:
                return path, kind
    return FALLBACK_SHELL, "sh"


def _exit_status(returncode: int) -> int:
    return 128 - returncode if returncode < 0 else returncode


def _ignore(signum, frame) -> None:
    """A caught-but-ignored signal: unlike SIG_IGN, exec resets it to the default in the child."""


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
            child.append(subprocess.Popen(argv))
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
