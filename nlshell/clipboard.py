"""Put text on the clipboard: a clipboard tool when one can reach a display, else OSC 52.

A tool is preferred because it cannot be silently ignored the way an escape sequence can; OSC 52
is what works over SSH and on headless machines, where the terminal emulator owns the clipboard.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys

OSC52 = "osc52"


def osc52_sequence(text: str, env: dict | None = None) -> str:
    """The escape sequence that asks the terminal emulator to set its clipboard."""
    env = os.environ if env is None else env
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    sequence = f"\x1b]52;c;{payload}\x07"
    if env.get("STY") and not env.get("TMUX"):
        # GNU screen swallows OSC 52 unless it is wrapped in a DCS passthrough.
        sequence = f"\x1bP{sequence}\x1b\\"
    return sequence


def _tools(env: dict) -> list[list[str]]:
    """Clipboard tools worth trying here, best first."""
    tools: list[list[str]] = []
    if sys.platform == "darwin":
        tools.append(["pbcopy"])
    if env.get("WAYLAND_DISPLAY"):
        tools.append(["wl-copy"])
    if env.get("DISPLAY"):
        tools.append(["xclip", "-selection", "clipboard"])
        tools.append(["xsel", "--clipboard", "--input"])
    if env.get("TMUX"):
        # tmux ignores OSC 52 from programs by default (set-clipboard external); load-buffer -w
        # fills tmux's buffer and forwards it to the outer terminal's clipboard itself.
        tools.append(["tmux", "load-buffer", "-w", "-"])
    return tools


def _pipe_to(argv: list[str], text: str, env: dict) -> bool:
    path = shutil.which(argv[0], path=env.get("PATH", os.defpath))
    if not path:
        return False
    try:
        # xclip, xsel and wl-copy fork a daemon that serves the selection: keep it out of our
        # session (it must outlive the terminal) and give it no pipe that would keep us waiting.
        proc = subprocess.Popen(
            [path, *argv[1:]],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
    except OSError:
        return False
    try:
        proc.communicate(text.encode("utf-8"), timeout=3)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return False
    except OSError:
        return False
    return proc.returncode == 0


def copy(text: str, write_terminal, *, env: dict | None = None) -> str:
    """Copy `text`; returns what did it: a tool's name, or "osc52" (written via `write_terminal`)."""
    env = dict(os.environ) if env is None else env
    for argv in _tools(env):
        if _pipe_to(argv, text, env):
            return argv[0]
    write_terminal(osc52_sequence(text, env))
    return OSC52
