"""The shell startup file a request names: "set LANG to en_US.UTF-8 in my zshrc" is
`echo 'export LANG=en_US.UTF-8' >> ~/.zshrc`, though the example that says how writes to
`~/.bashrc`. Examples name one startup file for all; the one the request names is the one it means.
"""

from __future__ import annotations

import re

_FILES = {
    "zshrc": "~/.zshrc", "bashrc": "~/.bashrc", "bash_profile": "~/.bash_profile", "zprofile": "~/.zprofile",
    "zshenv": "~/.zshenv", "config.fish": "~/.config/fish/config.fish",
}
_SAID = re.compile(r"(?<![\w/])(?:~/|\$HOME/)?\.?(zshrc|bashrc|bash_profile|zprofile|zshenv|config\.fish)\b", re.I)
_WRITTEN = re.compile(r"(?:~|\$HOME)/\.(?:zshrc|bashrc|bash_profile|zprofile|zshenv|config/fish/config\.fish)\b")


def said_file(request: str) -> str:
    """The startup file the request names, as a path, or ""."""
    named = {_FILES[match.group(1).lower()] for match in _SAID.finditer(request)}
    return named.pop() if len(named) == 1 else ""


def swapped(command: str, request: str) -> str:
    """The command with the startup file it writes to replaced by the one the request names."""
    wanted = said_file(request)
    if not wanted or wanted in command:
        return command
    return _WRITTEN.sub(wanted, command)
