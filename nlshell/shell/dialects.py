"""The user's shell decides the syntax (design.md, "Shells"): zsh and fish text, read as bash.

The rater and the collector know bash (tree-sitter-bash). `as_bash` returns text that bash's
grammar reads with the same commands and words: fish goes through fish.py; zsh keeps its text
but for what bash's grammar cannot read and the rules need: glob qualifiers (`*(.)`,
`*.log(.mh+24)`, blanked so positions stay put), `=cmd` (the program's path), the short
`for f (*.txt) cmd` loop and the anonymous function `() { … } args`. bash and sh text is returned unchanged.
"""

from __future__ import annotations

from nlshell.shell.patterns import lazy

# A glob qualifier: parentheses at the end of a word with a glob in it, holding only qualifier letters.
_QUALIFIER = lazy(r"\((?:#q)?[-.\/@=p*%rwxRWXAIEsStUGfedmaclLNnoOhMwY^+:,\[\]\d'\"]*\)(?=$|[\s;|&)])")
_SHORT_FOR = lazy(r"^(\s*)for\s+([A-Za-z_]\w*)\s*\(([^()]*)\)\s*(?!do\b|\{)(\S.*?)\s*$")
_SHORT_FOR_BRACES = lazy(r"^(\s*)for\s+([A-Za-z_]\w*)\s*\(([^()]*)\)\s*\{(.*)\}\s*$")
_ANONYMOUS = lazy(r"^(\s*)\(\)\s*\{(.*)\}\s*(.*?)\s*$")
# `=rm -rf ~`: a word starting with `=` is the path of the program it names (the EQUALS option,
# on by default); the `=` is blanked so the program is seen and positions stay put.
_EQUALS = lazy(r"(?:^|(?<=[\s;|&(]))=(?=[A-Za-z_][\w.+-]*(?:$|[\s;|&)]))")


def as_bash(command: str, shell: str) -> str | None:
    """`command`, written for `shell` (bash, sh, zsh, fish), as text bash's grammar reads with the
    same meaning for the rater; None when fish text cannot be read (see fish.py)."""
    if shell == "fish":
        from nlshell.shell.fish import to_bash as fish_to_bash  # fish commands only

        return fish_to_bash(command)
    if shell == "zsh":
        return _zsh(command)
    return command


def _zsh(command: str) -> str:
    if "=" in command:
        command = _EQUALS.sub(" ", command)
    if "(" not in command:
        return command
    text = _blank_qualifiers(command)
    lines = []
    for line in text.split("\n"):
        m = _SHORT_FOR_BRACES.match(line) or _SHORT_FOR.match(line)
        if m:
            line = f"{m.group(1)}for {m.group(2)} in {m.group(3)}; do {m.group(4).strip().rstrip(';')}; done"
        m = _ANONYMOUS.match(line)
        if m:
            line = f"{m.group(1)}__anonymous() {{ {m.group(2).strip().rstrip(';')}; }}; __anonymous {m.group(3)}"
        lines.append(line)
    return "\n".join(lines)


def _blank_qualifiers(text: str) -> str:
    """Glob qualifiers outside quotes, replaced by as many spaces."""
    out = []
    quote = None
    last = 0
    globbed = False  # the word so far has an unquoted * ? or [
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            if c == quote:
                quote = None
            elif c == "\\" and quote == '"':
                i += 1
        elif c in "'\"":
            quote = c
        elif c == "\\":
            i += 1
        elif c in " \t\n;|&":
            globbed = False
        elif c in "*?[":
            globbed = True
        elif c == "(" and globbed:
            m = _QUALIFIER.match(text, i)
            if m:
                out.append(text[last:i] + " " * (m.end() - i))
                last = i = m.end()
                continue
        i += 1
    out.append(text[last:])
    return "".join(out)
