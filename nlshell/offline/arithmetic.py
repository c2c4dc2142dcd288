"""Arithmetic a request states: "what's 1234 * 56", "1512 divided by 8", "2 to the power of 10",
"3+4*2". One value of kind `expression` ("1234*56", "1512/8", "2^10") for a calculator's
`{{expression}}`; nlshell/offline/slots.py writes a power as `**` where the calculator is not bc.

nlshell/offline/values.py hands every token here before reading numbers: the numbers of a sum are
not counts or sizes, and its `*` is no file pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_OPERAND = re.compile(r"^\(*\d+(?:\.\d+)?\)*$")
# A sum written without spaces: "3+4*2", "2^10", "(1+2)*3"; a lone "-" is a range ("20-30") or a date.
_WRITTEN = re.compile(r"^\(*\d+(?:\.\d+)?\)*(?:\s*(?:\*\*|[-+*/^%×÷])\s*\(*\d+(?:\.\d+)?\)*)+$")
_SYMBOLS = {"+": "+", "-": "-", "*": "*", "/": "/", "^": "^", "**": "^", "%": "%", "×": "*", "÷": "/"}
# Operators said in words, longest first (the tokens after the first operand).
_SAID = (
    (("to", "the", "power", "of"), "^"),
    (("multiplied", "by"), "*"),
    (("divided", "by"), "/"),
    (("plus",), "+"),
    (("minus",), "-"),
    (("times",), "*"),
    (("mod",), "%"),
    (("modulo",), "%"),
)

Add = Callable[..., None]


def read(add: Add, tokens: list[str], lower: list[str], i: int) -> bool:
    """An expression starting at token `i`; whether it read one."""
    if written(tokens[i]):
        add("expression", _compact(tokens[i]), i)
        return True
    if not _OPERAND.match(tokens[i]):
        return False
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


def for_program(expression: str, bc: bool) -> str:
    """The expression as the calculator reads it: bc writes a power `^`, the shell and Python `**`."""
    return expression if bc else expression.replace("^", "**")
