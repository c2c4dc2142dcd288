"""Shell words: quotes removed, escapes resolved, and the values a loop variable gives a word."""

from __future__ import annotations

from nlshell.shell.model import Word
from nlshell.shell.patterns import lazy
from nlshell.shell.printing import ansi_c_string, decode_escapes, echo_options, printf_output

MAX_ALTERNATIVES = 256  # values one word can take through loop variables; more are not checked

ARRAY = "[@]"  # the key under which an array's elements are kept in `env`, after its name
_ALL_ELEMENTS = lazy(r"^\$\{([A-Za-z_][A-Za-z0-9_]*)\[[@*]\]\}$")
_SIMPLE_BRACED = lazy(r"^\$\{([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])\}$")


_DQUOTE_ESCAPES = '$`"\\\n'  # what a backslash escapes inside double quotes


def _unescape(raw: str, escapable: str | None = None) -> str:
    """Backslash escapes: outside quotes any character (`\\;` is `;`, `\\git` is `git`), inside double
    quotes only `_DQUOTE_ESCAPES`; a backslash before a newline joins the lines."""
    if "\\" not in raw:
        return raw
    out = []
    i, n = 0, len(raw)
    while i < n:
        c = raw[i]
        if c == "\\" and i + 1 < n and (escapable is None or raw[i + 1] in escapable):
            if raw[i + 1] != "\n":
                out.append(raw[i + 1])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _has_glob(raw: str) -> bool:
    escaped = False
    for c in raw:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c in "*?[":
            return True
    return False


class WordBuilder:
    """Builds one `Word` from its tree node, with the values known for variables in `env`."""

    __slots__ = ("env", "literal", "quoted", "glob", "subs", "expanded", "elements", "in_quotes", "truncated")

    def __init__(self, env: dict) -> None:
        self.env = env
        self.literal = True
        self.quoted = False
        self.glob = False
        self.subs: list = []
        self.expanded = False  # an unquoted variable was replaced by its known value
        self.elements = False  # `"${a[@]}"`: an array's elements, one word each even in quotes
        self.in_quotes = 0
        self.truncated = False  # more values than MAX_ALTERNATIVES: some were not kept

    def build(self, node) -> Word:
        alts = self.eval(node)
        return Word(
            text=alts[0],
            literal=self.literal,
            quoted=self.quoted,
            glob=self.glob,
            alts=tuple(alts) if len(alts) > 1 else (),
            subs=tuple(self.subs),
            raw=node.text.decode("utf-8", "replace"),
        )

    def _var(self, name: str, raw: str) -> list:
        values = self.env.get(name)
        if values:
            if not self.in_quotes:
                self.expanded = True
            return list(values)
        self.literal = False
        return ["${" + name + "}"] if name else [raw]

    def eval(self, node) -> list:
        t = node.type
        if t == "word":
            raw = node.text.decode("utf-8", "replace")
            if not self.glob and _has_glob(raw):
                self.glob = True
            return [_unescape(raw)]
        if t == "number":
            return [node.text.decode("utf-8", "replace")]
        if t == "raw_string":
            self.quoted = True
            return [node.text.decode("utf-8", "replace")[1:-1]]
        if t in ("string", "translated_string"):
            self.quoted = True
            self.in_quotes += 1
            try:
                return self._concat(node, dquoted=True)
            finally:
                self.in_quotes -= 1
        if t == "ansi_c_string":
            self.quoted = True
            body = node.text.decode("utf-8", "replace")[2:-1]
            return [ansi_c_string(body)]
        if t == "concatenation":
            return self._concat(node, dquoted=False)
        if t == "simple_expansion":
            raw = node.text.decode("utf-8", "replace")
            return self._var(raw[1:], raw)
        if t == "expansion":
            raw = node.text.decode("utf-8", "replace")
            m = _SIMPLE_BRACED.match(raw)
            if m:
                return self._var(m.group(1), raw)
            m = _ALL_ELEMENTS.match(raw)
            if m and self.env.get(m.group(1) + ARRAY):
                self.elements = True
                return list(self.env[m.group(1) + ARRAY])
            self.literal = False
            return [raw]
        if t == "command_substitution" and (echoed := _echoed(node)) is not None:
            if not self.in_quotes:  # `rm -rf $(echo /)` is `rm -rf /`, split like any expansion
                self.expanded = True
            return [echoed]
        if t in ("command_substitution", "process_substitution"):
            self.literal = False
            self.subs.append(node)
            return [node.text.decode("utf-8", "replace")]
        # arithmetic, brace expressions, extglobs, anything newer: known only at run time.
        self.literal = False
        return [node.text.decode("utf-8", "replace")]

    def _concat(self, node, dquoted: bool) -> list:
        results = [""]
        pos = node.start_byte
        src_text = node.text
        base = node.start_byte
        for child in node.children:
            ct = child.type
            if dquoted and ct == '"':
                pos = child.end_byte
                continue
            if child.start_byte > pos:  # text the grammar left between children
                gap = src_text[pos - base : child.start_byte - base].decode("utf-8", "replace")
                gap = _unescape(gap, _DQUOTE_ESCAPES) if dquoted else _unescape(gap)
                results = [r + gap for r in results]
            if dquoted and ct == "string_content":
                parts = [_unescape(child.text.decode("utf-8", "replace"), _DQUOTE_ESCAPES)]
            else:
                parts = self.eval(child)
            if len(parts) == 1:
                results = [r + parts[0] for r in results]
            else:
                results = [r + p for r in results for p in parts]
                if len(results) > MAX_ALTERNATIVES:
                    results, self.truncated = results[:MAX_ALTERNATIVES], True
            pos = child.end_byte
        end = node.end_byte
        if dquoted and end > pos:
            tail = src_text[pos - base : end - base].decode("utf-8", "replace")
            if tail.endswith('"'):
                tail = tail[:-1]
            if tail:
                results = [r + _unescape(tail, _DQUOTE_ESCAPES) for r in results]
        return results


def _echoed(node) -> str | None:
    """What `$(echo WORDS)` / `$(printf FMT WORDS)` gives when every word is literal, else None."""
    commands = [c for c in node.children if c.is_named]
    if len(commands) != 1 or commands[0].type != "command":
        return None
    parts = []
    for c in commands[0].children:
        if c.type == "command_name":
            parts.extend(WordBuilder({}).build(cc) for cc in c.children)
        elif c.type in ("word", "raw_string", "string", "concatenation", "number"):
            parts.append(WordBuilder({}).build(c))
        else:
            return None  # a redirect, an expansion, a nested substitution: not known here
    if not parts or not all(w.literal for w in parts):
        return None
    name, args = parts[0].text, [w.text for w in parts[1:]]
    if name == "echo":
        words, interpret = echo_options(args)
        text = " ".join(words)
        return (decode_escapes(text, echo=True) if interpret else text).rstrip("\n")
    if name == "printf" and args:
        return printf_output(args[0], args[1:]).rstrip("\n")
    return None
