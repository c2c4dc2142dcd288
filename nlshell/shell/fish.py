"""fish text, read as the bash the rater knows: the same programs with the same words.

fish has no grammar on PyPI, and read with bash's it is wrong exactly where it matters: `eval
(curl …)` is a command substitution in fish, `curl … | source` runs what it reads, `set d ~; rm
-rf $d` deletes the home directory. `to_bash` rewrites a fish command line into bash with the same
meaning for the rater: command substitutions `(…)` become `$(…)`, `… | psub` becomes `<(…)`,
blocks (`begin`/`if`/`while`/`for`/`function`/`switch` … `end`) become bash's, `and`/`or`/`not`
are dropped (every command is rated), `set NAME VALUE` is an assignment, `source` with no file
reads stdin. It returns None for text it cannot read (an unclosed quote or parenthesis): the
caller then rates the text as it is, and what the rater cannot read is never safe.
"""

from __future__ import annotations

import re
import shlex

from nlshell.shell.patterns import lazy

_SEPARATORS = {";": ";", "\n": ";", "&&": "&&", "||": "||", "|": "|", "&|": "|&", "&": "&"}
_REDIRECT = lazy(r"^(?:\d*>>|\d*>\?|\d*>\||\d*>&\d*|\d*>|&>>|&>|\d*<&\d*|\d*<|\^\^|\^)")
_VARIABLE = lazy(r"\$+([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?")
_SET_ERASE = frozenset({"-e", "--erase"})
_SET_QUERY = frozenset({"-q", "--query", "-n", "--names", "-S", "--show"})
_PREFIXES = frozenset({"and", "or", "not", "!", "command", "builtin", "exec", "time"})


class _Unreadable(Exception):
    pass


def to_bash(text: str) -> str | None:
    """`text` (fish) as bash for the rater, or None when fish itself could not read it."""
    try:
        return _Translator(text).script()
    except _Unreadable:
        return None


class _Translator:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0

    # tokens -----------------------------------------------------------------------------------
    def script(self, closing: str | None = None) -> str:
        """Statements until the end (or the `)` that closes a substitution), as bash lines."""
        lines: list = []
        blocks: list = []  # the bash word that closes each open block: "}", "fi", "done"
        words: list = []
        ops: list = []  # separator before each statement
        statements: list = []  # (separator, [words])
        while True:
            token = self.token(closing)
            if token is None or token == ")":
                break
            kind, value = token
            if kind == "op":
                statements.append((value, words))
                words = []
            else:
                words.append(value)
        statements.append((";", words))
        previous = ""
        for separator, statement in statements:
            line = self.statement(statement, blocks)
            if line is not None:
                lines.append((line, separator))
            previous = separator
        del ops, previous
        if blocks:  # fish refuses a block that is never closed
            raise _Unreadable
        out = ""
        for k, (line, separator) in enumerate(lines):
            out += line
            if k + 1 < len(lines):
                out += " " + separator + " " if separator in ("|", "|&", "&&", "||") else (" &\n" if separator == "&" else "\n")
            elif separator == "&":
                out += " &"
        return out

    def statement(self, words: list, blocks: list) -> str | None:
        """One fish statement as bash, opening or closing blocks as needed."""
        while words and words[0] in _PREFIXES and words[0] not in ("command", "builtin", "exec", "time"):
            words = words[1:]  # `and rm -rf ~`: the command still runs
        if not words:
            return None
        head = words[0]
        if head == "end":
            if not blocks:
                raise _Unreadable
            return blocks.pop() + (" " + " ".join(words[1:]) if len(words) > 1 else "")
        if head == "begin":
            blocks.append("}")
            rest = self.statement(words[1:], blocks)
            return "{ " + (rest + ";" if rest else ":;")
        if head == "if":
            blocks.append("fi")
            return "if " + (self.statement(words[1:], blocks) or "true") + "; then :"
        if head == "else":
            if len(words) > 2 and words[1] == "if":
                return "elif " + (self.statement(words[2:], blocks) or "true") + "; then :"
            rest = self.statement(words[1:], blocks)
            return "else " + (rest if rest else ":")
        if head == "while":
            blocks.append("done")
            return "while " + (self.statement(words[1:], blocks) or "true") + "; do :"
        if head == "for" and len(words) >= 3 and words[2] == "in":
            blocks.append("done")
            return f"for {words[1]} in {' '.join(words[3:])}; do :"
        if head == "switch":
            blocks.append("}")
            return "{ :"
        if head == "case":
            return ":"
        if head == "function" and len(words) >= 2:
            blocks.append("}")
            return f"{words[1]}() {{ :"
        if head == "set":
            return self.set(words[1:])
        if head in ("source", ".") and len(words) == 1:
            return "source /dev/stdin"  # fish's `source` with no file reads stdin: `curl … | source`
        return " ".join(words)

    def set(self, args: list) -> str:
        options = [a for a in args if a.startswith("-")]
        names = [a for a in args if not a.startswith("-")]
        if not names or any(o in _SET_QUERY for o in options):
            return "set"
        name = re.sub(r"\[.*$", "", names[0])
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            return "set " + " ".join(args)
        if any(o in _SET_ERASE for o in options):
            return f"unset {name}"
        values = names[1:]
        if len(values) == 1:
            return f"{name}={values[0]}"
        return f"{name}=({' '.join(values)})"

    def token(self, closing: str | None):
        """The next word ("word", bash text) or separator ("op", bash operator); ")" closes a
        substitution; None at the end."""
        text, n = self.text, len(self.text)
        while self.i < n and text[self.i] in " \t":
            self.i += 1
        if self.i < n and text[self.i] == "\\" and self.i + 1 < n and text[self.i + 1] == "\n":
            self.i += 2
            return self.token(closing)
        if self.i >= n:
            if closing:
                raise _Unreadable
            return None
        c = text[self.i]
        if c == "#":
            while self.i < n and text[self.i] != "\n":
                self.i += 1
            return self.token(closing)
        if c == ")":
            if not closing:
                raise _Unreadable
            self.i += 1
            return ")"
        for op in ("&&", "||", "&|", ";", "\n", "|", "&"):
            if text.startswith(op, self.i) and not (op == "&" and text.startswith("&>", self.i)):
                self.i += len(op)
                return ("op", _SEPARATORS[op])
        m = _REDIRECT.match(text, self.i)
        if m:
            self.i = m.end()
            op = m.group(0).replace(">?", ">>").replace(">|", ">").replace("^^", "2>>").replace("^", "2>")
            if re.search(r"&\d*$", op) and not op.startswith("&"):
                return ("word", op)  # `2>&1`
            target = self.word()
            return ("word", op + target)
        return ("word", self.word())

    def word(self) -> str:
        """One fish word as one bash word."""
        text, n = self.text, len(self.text)
        out = []
        while self.i < n:
            c = text[self.i]
            if c in " \t\n;|&<>)" or (c == "#" and not out):
                break
            if c == "'":
                out.append(shlex.quote(self.single_quoted()))
            elif c == '"':
                out.append(self.double_quoted())
            elif c == "\\":
                out.append(shlex.quote(self.escape()))
            elif c == "(" or text.startswith("$(", self.i):
                self.i += 1 if c == "(" else 2
                out.append(self.substitution())
            elif c == "$":
                out.append(self.variable())
            else:
                out.append(c)
                self.i += 1
        if not out:
            raise _Unreadable
        return "".join(out)

    def single_quoted(self) -> str:
        text, n = self.text, len(self.text)
        self.i += 1
        value = []
        while self.i < n and text[self.i] != "'":
            if text[self.i] == "\\" and self.i + 1 < n and text[self.i + 1] in "'\\":
                self.i += 1
            value.append(text[self.i])
            self.i += 1
        if self.i >= n:
            raise _Unreadable
        self.i += 1
        return "".join(value)

    def double_quoted(self) -> str:
        text, n = self.text, len(self.text)
        self.i += 1
        out = ['"']
        while self.i < n and text[self.i] != '"':
            c = text[self.i]
            if c == "\\" and self.i + 1 < n and text[self.i + 1] in '"$\\\n':
                out.append("\\" + text[self.i + 1] if text[self.i + 1] != "\n" else "")
                self.i += 2
            elif text.startswith("$(", self.i):
                self.i += 2
                out.append(self.substitution())
            elif c == "$":
                out.append(self.variable())
            elif c in "`":
                out.append("\\`")
                self.i += 1
            else:
                out.append(c)
                self.i += 1
        if self.i >= n:
            raise _Unreadable
        self.i += 1
        out.append('"')
        return "".join(out)

    def escape(self) -> str:
        text = self.text
        m = re.match(r"\\(x[0-9A-Fa-f]{1,2}|X[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|[0-7]{1,3}|.)", text[self.i :], re.S)
        if not m:
            raise _Unreadable
        self.i += m.end()
        s = m.group(1)
        if s[0] in "xXuU":
            return chr(int(s[1:], 16))
        if s[0] in "01234567":
            return chr(int(s, 8))
        return {"n": "\n", "t": "\t", "r": "\r", "e": "\x1b", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}.get(s, s)

    def variable(self) -> str:
        m = _VARIABLE.match(self.text, self.i)
        if not m:
            self.i += 1
            return "\\$"
        self.i = m.end()
        name = m.group(1)
        if name == "argv":
            return '"$@"'
        if name == "status":
            return "$?"
        return "${" + name + "}"

    def substitution(self) -> str:
        """`(cmd)` → `$(cmd)`; `(cmd | psub)` → `<(cmd)` (psub hands over a file with the output)."""
        inner = _Translator(self.text)
        inner.i = self.i
        body = inner.script(closing=")")
        self.i = inner.i
        psub = re.search(r"\s*\|\s*psub(?:\s+-[-\w=]+)*\s*$", body)
        if psub:
            return "<(" + body[: psub.start()] + ")"
        return "$(" + body + ")"
