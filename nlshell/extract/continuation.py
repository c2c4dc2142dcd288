"""Where a command ends: is it unfinished after this line (open quote, heredoc, block, trailing `\\`
or `|`)? So a deliberate multi-line script is kept whole, and nothing after it is taken along.
"""

from __future__ import annotations

import re

from nlshell.extract.lines import ASSIGNMENT

# Shell words that open or close a compound command (bash and fish), and words after which the
# next word is again in command position.
_OPENERS = frozenset({"if", "case", "for", "while", "until", "select", "{", "begin", "switch"})
_CLOSERS = frozenset({"fi", "esac", "done", "end", "}"})
_LEADS_COMMAND = frozenset({"then", "do", "else", "elif", "!", "time", "{", "if", "while", "until"})
_HEREDOC = re.compile(r"<<(-?)[ \t]*(['\"]?)\\?([A-Za-z0-9_.-]+)\2")


class Continuation:
    """Follows a command line by line to tell whether it is unfinished (open quote, heredoc, block,
    trailing `\\` or `|`), so a deliberate multi-line script is kept whole and nothing more."""

    def __init__(self) -> None:
        self.quote = ""
        self.heredocs: list[tuple[str, bool]] = []
        self.depth = 0
        self.parens = 0
        self.trailing = False

    @property
    def open(self) -> bool:
        return bool(self.quote or self.heredocs or self.depth or self.parens or self.trailing)

    def feed(self, line: str) -> None:
        if self.heredocs:
            delim, strip_tabs = self.heredocs[0]
            body = line.lstrip("\t") if strip_tabs else line
            if body.strip() == delim:
                self.heredocs.pop(0)
            return
        self.trailing = False
        word: list[str] = []  # the current word's pieces (a list: += on a closure's str is quadratic)
        command_position = not self.quote
        last_operator = False
        i, n = 0, len(line)

        def end_word() -> None:
            nonlocal command_position, last_operator
            if word:
                last_operator = False
                if command_position:
                    text = "".join(word)
                    if text in _OPENERS:
                        self.depth += 1
                    elif text in _CLOSERS:
                        self.depth = max(0, self.depth - 1)
                        command_position = False
                    elif text in _LEADS_COMMAND or ASSIGNMENT.match(text):
                        pass
                    else:
                        command_position = False
                word.clear()

        while i < n:
            c = line[i]
            if self.quote == "'":
                if c == "'":
                    self.quote = ""
                i += 1
                continue
            if self.quote:  # " ` $'
                if c == "\\":
                    i += 2
                    continue
                if c == self.quote[-1]:
                    self.quote = ""
                i += 1
                continue
            if c == "\\":
                if i == n - 1:
                    self.trailing = True
                word.append(line[i : i + 2])
                i += 2
                continue
            if c in " \t":
                end_word()
            elif c == "#" and not word:
                break
            elif c in "'\"`":
                self.quote = "$'" if c == "'" and word and word[-1].endswith("$") else c
                word.append("q")  # a quoted word is never a keyword
            elif line.startswith("<<", i) and not line.startswith("<<<", i):
                end_word()
                m = _HEREDOC.match(line, i)
                if m:
                    self.heredocs.append((m.group(3), bool(m.group(1))))
                    i = m.end()
                    command_position = False
                    continue
                i += 2
                continue
            elif c in ";&|":
                end_word()
                op = line[i : i + 2] if line[i : i + 2] in (";;", "&&", "||", "|&", ";&") else c
                i += len(op)
                command_position = True
                last_operator = op in ("|", "&&", "||", "|&")
                continue
            elif c == "(":
                end_word()
                self.parens += 1
                command_position = True
            elif c == ")":
                end_word()
                self.parens = max(0, self.parens - 1)
                command_position = True
            elif c in "<>":
                end_word()
                command_position = False
            else:
                word.append(c)
            i += 1
        end_word()
        if last_operator and not self.quote:
            self.trailing = True


def starts_continuation(line: str) -> bool:
    return line.lstrip().startswith(("|", "&&", "||"))
