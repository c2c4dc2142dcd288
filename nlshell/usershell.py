"""Which shell the user's commands are written for and run in — light enough for every start-up.

The same answer decides the prompt's syntax, the validator and the runner, so all three agree.
"""

from __future__ import annotations

import os

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
