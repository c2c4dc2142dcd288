"""The bash grammar: one tree-sitter parser per process, created on first use."""

from __future__ import annotations

_PARSER = None


def _parser():
    """The tree-sitter parser, loaded on first use (about 20 ms) and reused for the process."""
    global _PARSER
    if _PARSER is None:
        import tree_sitter
        import tree_sitter_bash

        _PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_bash.language()))
    return _PARSER


def parse(command: str):
    """Parse `command` with the bash grammar; returns the tree-sitter Tree."""
    return _parser().parse(command.encode("utf-8", "surrogateescape"))
