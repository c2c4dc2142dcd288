"""Arithmetic a request states: "what's 1234 * 56", "1512 divided by 8", "2 to the power of 10",
"3+4*2". One value of kind `expression` ("1234*56", "1512/8", "2^10") for a calculator's
`{{expression}}`; nlshell/offline/slots.py writes a power as `**` where the calculator is not bc.

nlshell/offline/values.py hands every token here before reading numbers: the numbers of a sum are
not counts or sizes, and its `*` is no file pattern.
"""

from __future__ import annotations

import re
from nlshell.offline.value import Add

_OPERAND = re.compile(r"^\(*\d+(?:\.\d+)?\)*$")
_SHARE = re.compile(r"\d+(?:\.\d+)?%")  # "15% of 240"
# A sum written without spaces: "3+4*2", "2^10", "(1+2)*3"; a lone "-" is a range ("20-30") or a date.
_WRITTEN = re.compile(r"^\(*\d+(?:\.\d+)?\)*(?:\s*(?:\*\*|[-+*/^%×÷])\s*\(*\d+(?:\.\d+)?\)*)+$")
_SYMBOLS = {"+": "+", "-": "-", "*": "*", "/": "/", "^": "^", "**": "^", "%": "%", "×": "*", "÷": "/"}
# Operators said in words, longest first (the tokens after the first operand).
_SAID = (
    (("to", "the", "power", "of"), "^"),
    (("to", "the", "power"), "^"),
    (("multiplied", "by"), "*"),
    (("divided", "by"), "/"),
    (("plus",), "+"),
    (("minus",), "-"),
    (("times",), "*"),
    (("mod",), "%"),
    (("modulo",), "%"),
)

# An operation said verb first: "multiply 12 by 12", "add 45 and 98", "subtract 18 from 250" (the
# second number first), "the sum of 4 and 11". Word → (joining words, operator, whether the second
# number comes first).
_LED = {
    "multiply": (("by", "and"), "*", False),
    "divide": (("by",), "/", False),
    "add": (("and", "to", "plus"), "+", False),
    "sum": (("and", "plus"), "+", False),
    "subtract": (("from",), "-", True),
    "take": (("from",), "-", True),
}
# A power said as a word after its number: "3 squared", "2 cubed".
_POWERS = {"squared": "2", "cubed": "3"}



_SLASHED_TIMES = re.compile(r"\d+(?:/\d+)+")
_MINUTES = frozenset({"minute", "minutes", "min", "mins", "second", "seconds", "hour", "hours"})


def windows(tokens: list[str], lower: list[str], i: int) -> bool:
    """"the 1/5/15 minute load numbers": the load average's three windows, no division nor path."""
    return bool(_SLASHED_TIMES.fullmatch(tokens[i])) and lower[i + 1 : i + 2] != [] and lower[i + 1].rstrip(",.") in _MINUTES


def read(add: Add, tokens: list[str], lower: list[str], i: int) -> bool:
    """An expression starting at token `i`; whether it read one."""
    if windows(tokens, lower, i):
        return False
    if written(tokens[i]):
        add("expression", _compact(tokens[i]), i)
        return True
    if lower[i] in _LED:
        return _verb_first(add, tokens, lower, i)
    if lower[i : i + 3] == ["square", "root", "of"] and i + 3 < len(tokens) and _OPERAND.match(tokens[i + 3]):
        add("expression", f"sqrt({tokens[i + 3]})", i + 3)  # "square root" stays the search words: bc's
        return True
    if _SHARE.fullmatch(tokens[i]) and lower[i + 1 : i + 2] == ["of"] and i + 2 < len(tokens) and _OPERAND.match(tokens[i + 2]):
        add("expression", f"{tokens[i][:-1]}*{tokens[i + 2]}/100", i, last=i + 2)  # "15% of 240"
        return True
    if not _OPERAND.match(tokens[i]):
        return False
    if _percent_of(add, tokens, lower, i) or _power_word(add, tokens, lower, i):
        return True
    parts, j, ranged = [tokens[i]], i + 1, True
    while True:
        operator, used = _operator(lower, j)
        if not operator or j + used >= len(tokens) or not _OPERAND.match(tokens[j + used]):
            break
        ranged = ranged and lower[j] == "-"
        parts += [operator, tokens[j + used]]
        j += used + 1
    if len(parts) < 3 or ranged:
        return False  # "lines 20 - 30" is a range
    add("expression", "".join(parts), i, last=j - 1)
    return True


def _verb_first(add: Add, tokens: list[str], lower: list[str], i: int) -> bool:
    """"multiply 12 by 12", "sum of 4 and 11", "subtract 18 from 250": `i` is the verb, which stays
    a search word (it says which example: "Multiply two numbers")."""
    joins, operator, reversed_ = _LED[lower[i]]
    j = i + 1 + (lower[i + 1 : i + 2] == ["of"])
    if j + 2 >= len(tokens) or not (_OPERAND.match(tokens[j]) and lower[j + 1] in joins and _OPERAND.match(tokens[j + 2])):
        return False
    first, second = (tokens[j + 2], tokens[j]) if reversed_ else (tokens[j], tokens[j + 2])
    add("expression", f"{first}{operator}{second}", j, last=j + 2)
    return True


def _percent_of(add: Add, tokens: list[str], lower: list[str], i: int) -> bool:
    """"15 percent of 80", "15 per cent of 80", "15 % of 80": the share as a sum, `15*80/100`."""
    if lower[i + 1 : i + 3] == ["per", "cent"]:
        j = i + 2
    elif lower[i + 1 : i + 2] in (["percent"], ["%"]):
        j = i + 1
    else:
        return False
    if not (j + 2 < len(tokens) and lower[j + 1] == "of" and _OPERAND.match(tokens[j + 2])):
        return False
    add("expression", f"{tokens[i]}*{tokens[j + 2]}/100", i, last=j + 2)
    return True


def _power_word(add: Add, tokens: list[str], lower: list[str], i: int) -> bool:
    """"3 squared", "2 cubed": a power said in one word after its number."""
    power = _POWERS.get(lower[i + 1]) if i + 1 < len(lower) else None
    if not power:
        return False
    add("expression", f"{tokens[i]}^{power}", i, last=i + 1)
    return True


def written(token: str) -> bool:
    """Whether a token is a sum written without spaces ("3+4*2"); one with only `-` is a range
    ("20-30") or a date ("2024-01-15")."""
    return bool(_WRITTEN.match(token)) and bool(re.search(r"[+*/^%×÷]", token))


def _operator(lower: list[str], j: int) -> tuple[str, int]:
    """The operator at token `j` and how many tokens say it, or ("", 0)."""
    if j < len(lower) and lower[j] in _SYMBOLS:
        return _SYMBOLS[lower[j]], 1
    for words, operator in _SAID:
        if tuple(lower[j : j + len(words)]) == words:
            return operator, len(words)
    return "", 0


def _compact(written: str) -> str:
    """"3 + 4×2" as "3+4*2", a power as `^`."""
    return re.sub(r"\s*(\*\*|[-+*/^%×÷])\s*", lambda m: _SYMBOLS[m.group(1)], written)


def bc_only(expression: str) -> bool:
    """Whether only bc reads the expression: the shell and Python have no `sqrt(…)`."""
    return "sqrt(" in expression


def for_program(expression: str, bc: bool) -> str:
    """The expression as the calculator reads it: bc writes a power `^`, the shell and Python `**`."""
    return expression if bc else expression.replace("^", "**")
