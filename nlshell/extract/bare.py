"""Commands in text outside code fences: the first command-looking line and what continues it,
`<command>` tags, and inline `backticks`.
"""

from __future__ import annotations

import re

from nlshell.extract.continuation import Continuation, starts_continuation
from nlshell.extract.lines import LABEL, WHOLE_SPAN, looks_like_command, unwrap

_ECHOED_INPUT = re.compile(r"^\s*(?:\*\*)?(?:input|request|query)\s*:", re.I)
# "The command is: ls -la", "To list them, run: ls -la".
_CUED = re.compile(
    r"^(?P<prefix>.*\b(?:is|run|use|try|type|execute|enter|command|this|following|with))\s*:\s+(?P<command>\S.*)$",
    re.I,
)
TAGGED = re.compile(r"<(command|cmd|bash|shell|sh|code)>\s*(.*?)\s*</\1>", re.S | re.I)
_INLINE = re.compile(r"(?<!`)(`{1,2})(?!`)([^\n]*?[^`\n])\1(?!`)")
# A one-word span is the answer only when offered as such: "Run `pwd`.", "The command is: `pwd`".
_OFFERED = re.compile(r"(?:\b(?:use|run|try|type|execute|enter|is)|:)\s*$", re.I)


def inline_command(text: str, notes: list[str]) -> str | None:
    found: list[str] = []
    for m in _INLINE.finditer(text):
        span = m.group(2).strip()
        kind, span = unwrap(span)
        if not looks_like_command(span):
            continue
        if len(span.split()) == 1 and not _OFFERED.search(text[max(0, m.start() - 40) : m.start()]):
            continue  # "the `find` command", "print to `stdout`": a name, not the answer
        found.append(span)
    if not found:
        return None
    if len(set(found)) > 1:
        notes.append(f"the reply mentioned {len(set(found))} commands; using the first")
    return found[0]


def line_command(lines: list[str], notes: list[str]) -> str | None:
    """Bare text: the first command-looking line, its continuation lines and any commands that
    directly follow it; prose before it and explanations after it are left out."""
    start = None
    for i, line in enumerate(lines):
        if _ECHOED_INPUT.match(line):
            continue
        kind, rest = unwrap(line)
        if looks_like_command(rest):
            start = i
            break
        cued = _CUED.match(line.strip())
        if cued and not looks_like_command(cued.group("prefix")):
            kind, rest = unwrap(cued.group("command"))
            if looks_like_command(rest):
                start = i
                break
    if start is None:
        return None
    first = rest
    session = kind == "prompt"
    kept = [first]
    state = Continuation()
    state.feed(first)
    j = start + 1
    while j < len(lines):
        raw = lines[j].rstrip()
        j += 1
        if state.open:
            body = raw[2:] if session and raw.startswith("> ") else raw
            kept.append(body)
            state.feed(body)
            continue
        if not raw.strip():
            break
        if starts_continuation(raw):
            kept.append(raw)
            state.feed(raw)
            continue
        if LABEL.match(raw.strip()):  # "Output: …" after the command is its sample output
            break
        line_kind, rest = unwrap(raw)
        if session:
            if line_kind == "prompt":
                kept.append(rest)
                state.feed(rest)
            continue  # output of the command above
        if raw.lstrip().startswith("#") and line_kind != "weak":
            continue
        if not looks_like_command(rest) or WHOLE_SPAN.match(raw.strip()):
            j -= 1
            break
        kept.append(rest)
        state.feed(rest)
    for later in lines[j:]:
        if looks_like_command(unwrap(later)[1]) and not _ECHOED_INPUT.match(later):
            notes.append("the reply offered more than one command; using the first")
            break
    return "\n".join(kept)
