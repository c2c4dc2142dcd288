"""A small shell lexer for showing a command in colour; display only, never used to judge it.

Deliberately not the parser: it must be instant, never fail, and cope with half-typed or broken
commands. It knows just enough shell to colour the program, options, quoted text, variables,
operators, comments and tldr `{{placeholders}}`.
"""

from __future__ import annotations

import re

# SGR codes per token kind; 16-colour palette so it reads on dark and light backgrounds.
STYLES = {
    "command": "1;32",
    "keyword": "1;35",
    "option": "36",
    "string": "33",
    "variable": "35",
    "operator": "1",
    "redirect": "1",
    "comment": "2",
    "placeholder": "4;33",
    "escape": "7;31",
}

_KEYWORDS = frozenset(
    "if then else elif fi for while until do done case esac in function select time ! { } [[ ]]"
    " begin end switch not and or".split()
)

_TOKEN = re.compile(
    r"""
    (?P<newline>\n)
  | (?P<space>[ \t\r]+)
  | (?P<placeholder>\{\{.*?\}\})
  | (?P<string>'[^']*'?|\$'(?:\\.|[^'\\])*'?|"(?:\\.|[^"\\])*"?)
  | (?P<subst>\$\(|`|<\(|>\()
  | (?P<variable>\$\{[^}\n]*\}?|\$[A-Za-z_][A-Za-z0-9_]*|\$[0-9@*#?$!-])
  | (?P<redirect>\d*>>|&>>?|\d*>&\d*-?|\d*<&\d*-?|\d*<<<|\d*<<-?|\d*>\||\d*[<>])
  | (?P<operator>\|\||&&|;;|\|&|[|;&()])
  | (?P<word>(?:\\.|\{\{.*?\}\}|[^\s'"$|;&()<>`\\])+|\\|\$)
    """,
    re.VERBOSE | re.DOTALL,
)


def spans(command: str) -> list[tuple[str, str]]:
    """Split `command` into (kind, text) pieces whose texts join back to exactly `command`."""
    out: list[tuple[str, str]] = []
    at_command = True  # the next word is in command position
    after_redirect = False
    pos = 0
    while pos < len(command):
        match = _TOKEN.match(command, pos)
        if not match:  # cannot happen with the catch-alls above, but never loop forever
            out.append(("text", command[pos]))
            pos += 1
            continue
        kind = match.lastgroup or "text"
        text = match.group()
        pos = match.end()
        if kind == "space":
            kind = "text"
        elif kind == "newline":
            kind, at_command = "text", True
        elif kind in ("operator", "subst"):
            kind, at_command = "operator", text != ")"
        elif kind == "redirect":
            after_redirect = True
            out.append((kind, text))
            continue
        elif kind == "word":
            if text.startswith("#") and (not out or out[-1][1][-1:] in (" ", "\t", "\n", ";", "&", "|", "(")):
                end = command.find("\n", match.start())
                end = len(command) if end < 0 else end
                text, pos, kind = command[match.start() : end], end, "comment"
            elif after_redirect:
                kind = "text"
            elif at_command:
                if text in _KEYWORDS:
                    kind = "keyword"
                    # `for NAME in …`, `case WORD in …`: the next word is not a program.
                    at_command = text not in ("for", "select", "case", "function")
                elif "=" in text and not text.startswith("="):
                    kind = "text"  # VAR=value before the program
                else:
                    kind, at_command = "command", False
            elif text.startswith("-") and len(text) > 1:
                kind = "option"
            else:
                kind = "text"
        elif at_command and kind in ("string", "variable", "placeholder"):
            at_command = False
        after_redirect = False
        out.append((kind, text))
    return out


def paint(kind: str, text: str, color: bool) -> str:
    """`text` wrapped in the SGR codes for `kind` (unchanged when colour is off)."""
    code = STYLES.get(kind)
    if not color or not code or not text:
        return text
    return f"\x1b[{code}m{text}\x1b[0m"


def highlight(command: str, color: bool = True) -> str:
    """The whole command coloured for a terminal; plain text when colour is off."""
    if not color:
        return command
    return "".join(paint(kind, text, True) for kind, text in spans(command))
