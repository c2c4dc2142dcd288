"""Which words of a command are options, which are their values, and which are operands.

A getopts-like reading driven by a `Grammar`: the options of a program that take a value (`-n 5`,
`-n5`, `--name v`, `--name=v`); every other option is a flag. Reading `aws --profile prod s3 rb`
without knowing that `--profile` takes a value sees `prod` as the subcommand, so every rule that
looks for a subcommand needs its tool's grammar (`tools.py`).

Words are anything with `.text` and `.literal` (`model.Word`): a word only known at run time is an
operand, never an option.
"""

from __future__ import annotations

from nlshell.shell.records import Record, Value


class Grammar(Record):
    """The options of one program (or of one of its subcommands) that take a value. Never changed
    once made: the tables share them."""

    __slots__ = ("short", "long", "numbers", "stop", "subcommands", "then")

    def __init__(
        self,
        short: str = "",  # letters of short options that take a value
        long: frozenset = frozenset(),  # long options that take a value
        numbers: bool = False,  # `-9`, `-15` are operands (signals, counts), not clusters of flags
        stop: bool = False,  # options end at the first operand (`python3 x.py -c y`: `-c y` is the script's)
        subcommands: dict | None = None,  # first operand -> the grammar of what follows it
        then: Grammar | None = None,  # after the first operand when it has no grammar of its own
    ) -> None:
        self.short = short
        self.long = long
        self.numbers = numbers
        self.stop = stop
        self.subcommands = {} if subcommands is None else subcommands
        self.then = then

    def after(self, operand: str) -> Grammar | None:
        """The grammar that reads the words after `operand`, the first operand (None: this one)."""
        return self.subcommands.get(operand) or self.then


PLAIN = Grammar()


class Parsed(Value):
    """A command's arguments, read with its grammar.

    `short` and `long` hold the flags of the innermost grammar level (a subcommand's own flags,
    not the tool's global ones); `words` holds every option word as written, at every level.
    """

    __slots__ = ("short", "long", "values", "operands", "words")

    def __init__(self, short: set, long: dict, values: dict, operands: list, words: list) -> None:
        self.short = short
        self.long = long  # --name -> its value ("" for a flag)
        self.values = values  # "-n" / "--name" -> every value given
        self.operands = operands  # the words that are not options or option values, in order
        self.words = words

    def has(self, short: str = "", *longs: str) -> bool:
        return any(c in self.short for c in short) or any(name in self.long for name in longs)

    def value(self, *names: str) -> str | None:
        """The first value given to any of `names` (`-t`, `--target-directory`), else None."""
        for name in names:
            given = self.values.get(name)
            if given:
                return given[0]
        return None


def takes_value(option: str, grammar: Grammar) -> bool:
    """Does the option word `option` (`-u`, `--user`, `-iu`) take the next word as its value?"""
    if option.startswith("--"):
        return "=" not in option and option in grammar.long
    for j, letter in enumerate(option[1:], start=1):
        if letter in grammar.short:
            return j == len(option) - 1  # `-uroot` has its value attached
    return False


def parse(args: list, grammar: Grammar = PLAIN) -> Parsed:
    """Read `args` (the words after the program name) with `grammar`."""
    short: set = set()
    long: dict = {}
    values: dict = {}
    operands: list = []
    words: list = []
    level = 0  # operands read before the current grammar took over
    i, n = 0, len(args)
    while i < n:
        w = args[i]
        t = w.text
        if t == "--" and w.literal:
            operands.extend(args[i + 1 :])
            break
        if t.startswith("--") and len(t) > 2 and w.literal:
            words.append(t)
            name, eq, value = t.partition("=")
            if eq:
                long[name] = value
                values.setdefault(name, []).append(value)
            elif name in grammar.long and i + 1 < n:
                long[name] = args[i + 1].text
                values.setdefault(name, []).append(args[i + 1].text)
                i += 1
            else:
                long[name] = ""
            i += 1
            continue
        if t.startswith("-") and len(t) > 1 and w.literal and not (grammar.numbers and t[1:].isdigit()):
            words.append(t)
            j = 1
            while j < len(t):
                ch = t[j]
                short.add(ch)
                if ch in grammar.short:
                    value = t[j + 1 :]
                    if not value and i + 1 < n:
                        i += 1
                        value = args[i].text
                    values.setdefault("-" + ch, []).append(value)
                    break
                j += 1
            i += 1
            continue
        operands.append(w)
        i += 1
        if grammar.stop:
            operands.extend(args[i:])
            break
        if len(operands) == level + 1 and w.literal:  # the first operand at this level: a subcommand?
            inner = grammar.after(t)
            if inner is not None and inner is not grammar:
                grammar, level = inner, len(operands)
                short, long = set(), {}
    return Parsed(short, long, values, operands, words)


class Option(Value):
    """One option word read at `args[i]`: its name (None for an operand), its value, what follows."""

    __slots__ = ("name", "value", "next")

    def __init__(self, name: str | None, value: str | None, next: int) -> None:  # noqa: A002 - the field's name
        self.name = name  # "-c", "--eval"; for a cluster (`-Bc`), the letter that takes the value or the last
        self.value = value  # attached (`-cX`, `--eval=X`) or the next word; None for a flag
        self.next = next  # index of the word after it (and after its value)


def read_option(args: list, i: int, grammar: Grammar = PLAIN) -> Option:
    """Read the word at `args[i]` as `parse` would: an option (with its value) or an operand."""
    w = args[i]
    t = w.text
    if not w.literal or t in ("-", "--") or not t.startswith("-") or (grammar.numbers and t[1:].isdigit()):
        return Option(None, None, i + 1)
    if t.startswith("--"):
        name, eq, value = t.partition("=")
        if eq:
            return Option(name, value, i + 1)
        if name in grammar.long and i + 1 < len(args):
            return Option(name, args[i + 1].text, i + 2)
        return Option(name, None, i + 1)
    for j, ch in enumerate(t[1:], start=1):
        if ch in grammar.short:
            if j + 1 < len(t):
                return Option("-" + ch, t[j + 1 :], i + 1)
            if i + 1 < len(args):
                return Option("-" + ch, args[i + 1].text, i + 2)
            return Option("-" + ch, None, i + 1)
    return Option("-" + t[-1], None, i + 1)
