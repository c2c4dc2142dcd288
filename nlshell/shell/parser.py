"""The bash grammar: one tree-sitter parser per thread, created on first use."""

from __future__ import annotations

import threading

from nlshell.shell.patterns import lazy

_LOCAL = threading.local()  # a tree-sitter parser is not to be shared by threads parsing at once

# tree-sitter-bash 0.25 can crash the process (a segfault) on code points past plane 3 (unassigned
# planes, tag characters, private use) after a `{`. No rule looks at such characters, so the
# grammar reads U+FFFD in their place; everything else is read as written.
_UNREADABLE = lazy("[\U00040000-\U0010ffff]")


def _parser():
    """The tree-sitter parser, loaded on first use (grammar.py: about 2 ms) and reused by the thread."""
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        from nlshell.shell.grammar import new_parser

        parser = _LOCAL.parser = new_parser()
    return parser


def source_bytes(command: str) -> bytes:
    """The bytes the grammar reads for `command`; tree positions are offsets into them."""
    return _UNREADABLE.sub("\ufffd", command).encode("utf-8", "surrogateescape")


def parse(command: str):
    """Parse `command` with the bash grammar; returns the tree-sitter Tree."""
    return _parser().parse(source_bytes(command))
