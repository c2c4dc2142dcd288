"""What `echo` and `printf` print, worked out from their words without running them.

`printf '\\x72\\x6d -rf /'` prints `rm -rf /`, and `echo -e 'a\\tb'` prints a tab: whatever reads
that text (a shell, xargs) sees the decoded characters, so the rater must too.
"""

from __future__ import annotations

import re

from nlshell.shell.model import Word
from nlshell.shell.patterns import lazy

_ESCAPE = lazy(r"\\(?:x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|0?[0-7]{1,3}|.)", re.S)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "e": "\x1b", "E": "\x1b",
           "\\": "\\", '"': '"', "'": "'", "?": "?"}
_CONVERSION = lazy(r"%(?:%|[-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[bcsdiouxXeEfgGaAq])")


_ANSI_C = lazy(r"\\(?:x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|[0-7]{1,3}|c.|.)", re.S)
_STOP = "\x00STOP"  # printf's `\c`: print nothing more


def _decoded(escape: str, *, echo: bool = False, ansi_c: bool = False) -> str:
    """One backslash escape as printf, `echo -e` (octal needs a leading 0) or bash's `$'…'`
    (`\\cX` is a control character) decodes it; an escape none of them knows keeps its backslash."""
    s = escape[1:]
    head = s[0]
    try:
        if head in "xuU":
            return chr(int(s[1:], 16))
        if head in "01234567":
            return escape if echo and head != "0" else chr(int(s, 8) & 0xFF)
    except (ValueError, OverflowError):
        return escape
    if head == "c":
        if not ansi_c:
            return _STOP
        if len(s) == 2:
            return "\x7f" if s[1] == "?" else chr(ord(s[1].upper()) ^ 0x40)
    return _SIMPLE.get(head, escape)


def decode_escapes(text: str, *, echo: bool = False) -> str:
    """Backslash escapes as printf (or `echo -e`, where octal needs a leading 0) decodes them."""
    if "\\" not in text:
        return text
    decoded = _ESCAPE.sub(lambda m: _decoded(m.group(0), echo=echo), text)
    return decoded.split(_STOP, 1)[0]


def ansi_c_string(body: str) -> str:
    """What bash makes of `$'…'`: printf's escapes, but octal without a leading 0 and `\\cX` a
    control character."""
    return _ANSI_C.sub(lambda m: _decoded(m.group(0), ansi_c=True), body)


def printf_output(fmt: str, args: list) -> str:
    """What `printf FMT ARGS...` prints: the format reused until the arguments run out."""
    conversions = [m for m in _CONVERSION.finditer(fmt) if m.group(0) != "%%"]
    if not conversions:
        return decode_escapes(fmt.replace("%%", "%"))
    out = []
    rest = list(args)
    while True:
        piece = []
        last = 0
        for m in _CONVERSION.finditer(fmt):
            piece.append(decode_escapes(fmt[last : m.start()]))
            last = m.end()
            if m.group(0) == "%%":
                piece.append("%")
                continue
            value = rest.pop(0) if rest else ""
            piece.append(decode_escapes(value) if m.group(0).endswith("b") else value)
        piece.append(decode_escapes(fmt[last:]))
        out.append("".join(piece))
        if not rest:
            break
    return "".join(out)


def echo_options(texts: list) -> tuple:
    """(the words echo prints, whether it decodes escapes): `-n`, `-e`, `-E` before them are options."""
    interpret = False
    k = 0
    while k < len(texts) and re.fullmatch(r"-[neE]+", texts[k]):
        interpret = interpret or "e" in texts[k]
        k += 1
    return texts[k:], interpret


def printed(cmd) -> list | None:
    """What `echo`/`printf` print, as Words (a word known only at run time stays one Word, in
    order); None for any other program or output that cannot be worked out."""
    name = cmd.name
    args = list(cmd.args)
    if name == "echo":
        leading = next((k for k, a in enumerate(args) if not a.literal), len(args))
        rest, interpret = echo_options([a.text for a in args[:leading]])
        args = args[leading - len(rest) :]
        if all(a.literal for a in args):
            text = " ".join(a.text for a in args)
            return [Word(decode_escapes(text, echo=True) if interpret else text)]
        return [a if not a.literal else Word(decode_escapes(a.text, echo=True) if interpret else a.text) for a in args]
    if name == "printf":
        if args and args[0].text == "--":
            args = args[1:]
        if args and args[0].text == "-v":
            return None  # prints into a variable
        if not args or not args[0].literal:
            return None
        if all(a.literal for a in args[1:]):
            return [Word(printf_output(args[0].text, [a.text for a in args[1:]]))]
        if re.fullmatch(r"(%s|%b)(\\n| )?", args[0].text):
            return list(args[1:])  # `printf '%s\n' "$HOME"`
        return None
    return None
