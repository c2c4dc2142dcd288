"""The bash grammar: tree-sitter parsers, created on first use, never used by two threads at once."""

from __future__ import annotations

from nlshell.shell.patterns import lazy

# Parsers not in use. A thread takes one (or makes one) for each parse and puts it back: a parser
# must not serve two parses at once, and list.pop/append are atomic, so no lock (nor `threading`,
# ~1 ms to import) is needed; there are only ever as many parsers as parses running together.
_IDLE: list = []

# tree-sitter-bash 0.25 can crash the process (a segfault) on code points past plane 3 (unassigned
# planes, tag characters, private use) after a `{`. No rule looks at such characters, so the
# grammar reads U+FFFD in their place; everything else is read as written.
_UNREADABLE = lazy("[\U00040000-\U0010ffff]")


def source_bytes(command: str) -> bytes:
    """The bytes the grammar reads for `command`; tree positions are offsets into them."""
    return _UNREADABLE.sub("\ufffd", command).encode("utf-8", "surrogateescape")


def parse(command: str):
    """Parse `command` with the bash grammar; returns the tree-sitter Tree."""
    source = source_bytes(command)
    try:
        parser = _IDLE.pop()
    except IndexError:
        from nlshell.shell.grammar import new_parser  # the first parse loads the grammar (about 2 ms)

        parser = new_parser()
    try:
        return parser.parse(source)
    finally:
        _IDLE.append(parser)
