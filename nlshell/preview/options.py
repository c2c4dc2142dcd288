"""Reading a program's arguments the way getopt would: which options, their values, the operands.

Each family module says which short letters and long names take a value; everything else about
option syntax (`-rf`, `-s0`, `-s 0`, `--size=0`, `--size 0`, `--`) is read here once.
"""

from __future__ import annotations


class Args:
    """Options seen (short letters and long names, with values) and operands (Words) in order."""

    __slots__ = ("letters", "longs", "values", "operands")

    def __init__(self) -> None:
        self.letters: set = set()
        self.longs: set = set()
        self.values: dict = {}  # "-s" / "--size" -> [value, ...] as written
        self.operands: list = []

    def has(self, letters: str = "", *longs: str) -> bool:
        return any(c in self.letters for c in letters) or any(n in self.longs for n in longs)

    def value(self, *names: str) -> str | None:
        """The last value given to any of `names` (`-o`, `--output`), or None."""
        found = None
        for name in names:
            if name in self.values:
                found = self.values[name][-1]
        return found

    def all_values(self, *names: str) -> list:
        return [v for name in names for v in self.values.get(name, ())]


def parse(words: list, takes_value: str = "", long_values: frozenset | set = frozenset(),
          *, permute: bool = True, only_letters: str | None = None) -> Args:
    """Split `words` (the program's arguments) into options and operands.

    `permute`: options may follow operands (GNU); False stops at the first operand (POSIX, and
    programs whose operands are commands). `only_letters`: the program's complete set of one-letter
    options; a `-...` word made of other letters is an operand (chmod's `-w` mode).
    """
    args = Args()
    i, n = 0, len(words)
    while i < n:
        word = words[i]
        text = word.text
        if text == "--" and word.literal:
            args.operands.extend(words[i + 1 :])
            break
        if not word.literal or not text.startswith("-") or text == "-":
            args.operands.append(word)
            i += 1
            if not permute:
                args.operands.extend(words[i:])
                break
            continue
        if text.startswith("--"):
            name, eq, value = text.partition("=")
            args.longs.add(name)
            if eq:
                args.values.setdefault(name, []).append(value)
            elif name in long_values and i + 1 < n:
                i += 1
                args.values.setdefault(name, []).append(words[i].text)
            i += 1
            continue
        if only_letters is not None and not set(text[1:]) <= set(only_letters + takes_value):
            args.operands.append(word)
            i += 1
            continue
        for j, letter in enumerate(text[1:], start=1):
            args.letters.add(letter)
            if letter in takes_value:
                value = text[j + 1 :]
                if not value and i + 1 < n:
                    i += 1
                    value = words[i].text
                args.values.setdefault("-" + letter, []).append(value)
                break
        i += 1
    return args
