"""A program's options as the preview reads them: with the shell model's reader.

Option syntax (`-rf`, `-s0`, `-s 0`, `--size=0`, `--size 0`, `--`) is read once, by
`nlshell.shell.options.parse`, from a `Grammar` each preview module declares beside its program.
What is left here is the preview's own view of the result: the value a program acts on is the
last one given, and chmod's modes (`-w`) look like options but are operands.
"""

from __future__ import annotations

from nlshell.shell.options import PLAIN, Grammar, Parsed
from nlshell.shell.options import parse as parse_options


class _Operand:
    """A word read as an operand whatever it looks like (`-w` in `chmod -w file` is a mode)."""

    __slots__ = ("word", "text")
    literal = False  # the reader takes a word it cannot read literally as an operand

    def __init__(self, word) -> None:
        self.word = word
        self.text = word.text


def parse(words: list, grammar: Grammar = PLAIN, *, only_letters: str | None = None) -> Parsed:
    """`words` (a program's arguments) read with `grammar`.

    `only_letters`: the program's complete set of one-letter options; a `-...` word made of other
    letters is an operand (chmod's `-w` mode).
    """
    if only_letters is None:
        return parse_options(words, grammar)
    letters = set(only_letters + grammar.short)
    marked = [
        _Operand(w) if w.literal and w.text.startswith("-") and not w.text.startswith("--")
        and w.text != "-" and not set(w.text[1:]) <= letters else w
        for w in words
    ]
    parsed = parse_options(marked, grammar)
    parsed.operands = [w.word if isinstance(w, _Operand) else w for w in parsed.operands]
    return parsed


def last_value(parsed: Parsed, *names: str) -> str | None:
    """The last value given to the last of `names` present (`-o`, `--output`), or None."""
    found = None
    for name in names:
        if name in parsed.values:
            found = parsed.values[name][-1]
    return found


def all_values(parsed: Parsed, *names: str) -> list:
    """Every value given to any of `names`, name by name."""
    return [v for name in names for v in parsed.values.get(name, ())]
