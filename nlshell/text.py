"""What is safe to print: the one check for hostile characters, and the one `visible()`.

Anything nlshell shows — a command, a model's or server's words, a model id, a key's label, a
stored entry — goes through `visible()` first, so a terminal never receives a character that
could move the cursor, change what is shown, or hide text. Hostile characters are spelled as
escapes: code points below U+0100 as `\\xNN` (two lower-case hex digits: `\\x1b`, `\\x9b`),
everything above as `U+XXXX` (`U+202E`, `U+E0041`). Tab and newline are the only controls kept.

Cheap to import (the regex is compiled on first need, and plain ASCII never needs it): the
cache-hit path checks every stored command with it.
"""

from __future__ import annotations

# Inclusive code point ranges that never reach a terminal or a shell raw. Every Unicode control
# (Cc) except tab and newline, every format character (Cf: bidi, zero-width, BOM, tags), the line
# and paragraph separators, and the invisible fillers that look like a space or nothing at all.
HOSTILE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00, 0x08),  # C0: NUL … backspace
    (0x0B, 0x1F),  # C0: VT, FF, CR, … ESC …
    (0x7F, 0x9F),  # DEL and C1 (\x9b is an 8-bit CSI)
    (0xAD, 0xAD),  # soft hyphen
    (0x34F, 0x34F),  # combining grapheme joiner
    (0x600, 0x605),  # Arabic number marks (format)
    (0x61C, 0x61C),  # Arabic letter mark (bidi)
    (0x6DD, 0x6DD),
    (0x70F, 0x70F),
    (0x890, 0x891),
    (0x8E2, 0x8E2),
    (0x115F, 0x1160),  # Hangul fillers
    (0x17B4, 0x17B5),  # Khmer invisible vowels
    (0x180B, 0x180F),  # Mongolian variation selectors and vowel separator
    (0x200B, 0x200F),  # zero-width space / non-joiner / joiner, LRM, RLM
    (0x2028, 0x202E),  # line/paragraph separators, bidi embeddings and overrides
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x2066, 0x206F),  # bidi isolates, deprecated format controls
    (0x3164, 0x3164),  # Hangul filler
    (0xD800, 0xDFFF),  # lone surrogates (a JSON "\ud800" escape): not text, cannot even be printed
    (0xFEFF, 0xFEFF),  # BOM / zero-width no-break space
    (0xFFA0, 0xFFA0),  # half-width Hangul filler
    (0xFFF9, 0xFFFB),  # interlinear annotation
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),  # Egyptian hieroglyph format controls
    (0x1BCA0, 0x1BCA3),  # shorthand format controls
    (0x1D173, 0x1D17A),  # musical format controls
    (0xE0000, 0xE007F),  # tag characters ("ASCII smuggling")
)

_HOSTILE = None  # the compiled class of every range above, made on first need


def _pattern():
    global _HOSTILE
    if _HOSTILE is None:
        import re

        _HOSTILE = re.compile("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in HOSTILE_RANGES) + "]")
    return _HOSTILE


def _plain_ascii(text: str) -> bool:
    """ASCII without controls (tab and newline aside): most text, answered without the regex."""
    return text.isascii() and text.replace("\n", "").replace("\t", "").isprintable()


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"U+{code:04X}"


def hostile_characters(text: str) -> list[str]:
    """Each distinct hostile character in `text`, in order of appearance, spelled as an escape."""
    if _plain_ascii(text):
        return []
    return list(dict.fromkeys(_escape(c) for c in _pattern().findall(text)))


def visible(text: str) -> str:
    """`text` safe to print: every hostile character replaced by its escape (tab, newline kept)."""
    if _plain_ascii(text):
        return text
    return _pattern().sub(lambda m: _escape(m.group()), text)
