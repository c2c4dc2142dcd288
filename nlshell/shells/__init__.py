"""Shell integration: the keybinding (`nlshell init`) and completion scripts, rendered from package data.

`nlshell init` runs at every shell start, so this module is stdlib-only and cheap: the scripts are
read with a plain path next to this file (importlib.resources costs ~20 ms) and filled in with
`str.replace`.

Keys are named in one shell-neutral spelling and translated for each shell:

    alt-<key>          key: a letter, a digit, `enter` or `space`     alt-k (the default), alt-enter
    ctrl-<letter>      ctrl-t
    ctrl-alt-<letter>  ctrl-alt-k

`+` may stand for `-`, case does not matter, and `meta` is taken for `alt`.
"""

from __future__ import annotations

import os

from nlshell.errors import UsageError

SHELLS = ("bash", "zsh", "fish")
DEFAULT_KEY = "alt-k"
# `nlshell --widget` ends stderr with this and a character offset to put the cursor on a template's
# first placeholder; the scripts take the line off before showing the rest.
CURSOR_MARK = "nlshell-cursor:"
KEY_FORMS = "alt-<key> (a letter, digit, enter or space), ctrl-<letter> or ctrl-alt-<letter>, e.g. alt-k"

_HERE = os.path.dirname(os.path.abspath(__file__))
_BIND_BEGIN = "# @BIND-BEGIN\n"
_BIND_END = "# @BIND-END\n"
_MODIFIERS = {"alt": "alt", "meta": "alt", "ctrl": "ctrl", "control": "ctrl"}
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Ctrl keys the terminal or the line editor needs for itself: binding them would break typing.
_RESERVED_CTRL = {
    "c": "it interrupts",
    "d": "it ends input",
    "h": "it is Backspace on many terminals",
    "i": "it is Tab",
    "j": "it is Enter",
    "m": "it is Enter",
    "q": "it is flow control",
    "s": "it is flow control",
    "z": "it suspends",
}


class Key:
    """A key chord, parsed once and spelled for each shell."""

    def __init__(self, ctrl: bool, alt: bool, base: str) -> None:
        self.ctrl = ctrl
        self.alt = alt
        self.base = base  # a lowercase letter, a digit, "enter" or "space"

    @property
    def name(self) -> str:
        """For people: Alt+K, Ctrl+Alt+T, Alt+Enter."""
        mods = ["Ctrl"] * self.ctrl + ["Alt"] * self.alt
        return "+".join(mods + [self.base.capitalize() if len(self.base) > 1 else self.base.upper()])

    def _raw(self, ctrl_letter: str, enter: str, space: str) -> str:
        if self.base == "enter":
            tail = enter
        elif self.base == "space":
            tail = space
        elif self.ctrl:
            tail = ctrl_letter.format(self.base)
        else:
            tail = self.base
        return tail

    def bash(self) -> str:
        """A readline key sequence, for inside `"..."`: \\ek, \\C-x, \\e\\C-x, \\e\\C-m."""
        tail = self._raw("\\C-{}", "\\C-m", " ")
        return ("\\e" if self.alt else "") + tail

    def zsh(self) -> str:
        """A bindkey string, for inside '...': ^[k, ^X, ^[^X, ^[^M."""
        tail = self._raw("^" + self.base.upper(), "^M", " ")
        return ("^[" if self.alt else "") + tail

    def fish3(self) -> str:
        """A fish 3 escape sequence, unquoted: \\ek, \\cx, \\e\\cx, \\e\\r."""
        tail = self._raw("\\c{}", "\\r", "\\x20")
        return ("\\e" if self.alt else "") + tail

    def fish4(self) -> str:
        """A fish 4 key name: alt-k, ctrl-x, ctrl-alt-x, alt-enter."""
        mods = ["ctrl"] * self.ctrl + ["alt"] * self.alt
        return "-".join(mods + [self.base])


def parse_key(spec: str | None) -> Key:
    """Read a key in the shell-neutral spelling; a key that cannot work is a UsageError."""
    text = (spec if spec is not None else DEFAULT_KEY).strip().lower().replace("+", "-")
    parts = text.split("-")
    *mods, base = parts
    seen = set()
    for mod in mods:
        kind = _MODIFIERS.get(mod)
        if kind is None or kind in seen:
            raise UsageError(f"cannot bind key {spec!r}", f"use {KEY_FORMS}")
        seen.add(kind)
    ctrl, alt = "ctrl" in seen, "alt" in seen
    if not seen:
        why = ": a plain key would stop you typing it" if len(base) == 1 else ""
        raise UsageError(f"cannot bind key {spec!r}{why}", f"use {KEY_FORMS}")
    if ctrl:
        if len(base) != 1 or base not in _LETTERS:
            raise UsageError(f"cannot bind key {spec!r}: Ctrl goes with a letter", f"use {KEY_FORMS}")
        if not alt and base in _RESERVED_CTRL:
            raise UsageError(
                f"cannot bind key {spec!r}: {_RESERVED_CTRL[base]}", "pick another, e.g. alt-k or ctrl-t"
            )
    elif not (base in ("enter", "space") or (len(base) == 1 and (base in _LETTERS or base.isdigit()))):
        raise UsageError(f"cannot bind key {spec!r}", f"use {KEY_FORMS}")
    return Key(ctrl, alt, base)


def render_init(shell: str, *, key: str | None = None, bind: bool = True, exe: str | None = None) -> str:
    """The keybinding script for `eval "$(nlshell init SHELL)"` (fish: `| source`).

    `exe` is how the script calls nlshell: an absolute path keeps working when nlshell is not on
    the shell's PATH; None calls `nlshell` from PATH.
    """
    template = _read(shell, "init")
    parsed = parse_key(key)
    if bind:
        template = template.replace(_BIND_BEGIN, "").replace(_BIND_END, "")
    else:
        start = template.index(_BIND_BEGIN)
        end = template.index(_BIND_END) + len(_BIND_END)
        template = template[:start] + template[end:]
    quote = _quote_fish if shell == "fish" else _quote_posix
    invoke = "command " + (quote(exe) if exe else "nlshell")
    return (
        template.replace("@NLSHELL@", invoke)
        .replace("@KEYNAME@", parsed.name if bind else "The widget (bind it yourself)")
        .replace("@KEY@", parsed.bash() if shell == "bash" else parsed.zsh())
        .replace("@KEY_FISH3@", parsed.fish3())
        .replace("@KEY_FISH4@", parsed.fish4())
    )


def render_completions(shell: str) -> str:
    """The completion script for `nlshell completions SHELL`."""
    return _read(shell, "completions")


def _read(shell: str, kind: str) -> str:
    if shell not in SHELLS:
        raise UsageError(f"unknown shell {shell!r}", "use bash, zsh or fish")
    with open(os.path.join(_HERE, f"{kind}.{shell}"), encoding="utf-8") as f:
        return f.read()


def _quote_posix(word: str) -> str:
    """Single quotes for bash and zsh; a quote inside becomes '\\''."""
    return "'" + word.replace("'", "'\\''") + "'"


def _quote_fish(word: str) -> str:
    """Single quotes for fish, where only \\\\ and \\' are escapes inside them."""
    return "'" + word.replace("\\", "\\\\").replace("'", "\\'") + "'"
