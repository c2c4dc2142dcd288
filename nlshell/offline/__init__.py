"""Offline answers: a full-text index over tldr pages, nlshell's own examples and NL2Bash, ranked
page first, example second, for this machine; the request's intent and values decide the rest.

Works with no key and no network. Modules: `index` (the sqlite FTS5 file), `request` (a request's
words, values and intent), `rank` (which example fits), `vocabulary` (the reviewed word table),
`commands` (programs and placeholders of a command), `data` (the package data), `known` (standard
tools, suites).
"""

from nlshell.offline.commands import (
    PLACEHOLDER,
    command_parts,
    first_placeholder,
    first_program,
    has_placeholders,
    programs,
    shell_words,
)
from nlshell.offline.data import DATA_DIR, NL2BASH_FILE, PAGES_FILE, TLDR_FILE, data_version, man_summaries
from nlshell.offline.index import OfflineIndex
from nlshell.offline.rank import OfflineHit
from nlshell.offline.vocabulary import canonical_words, query_terms

__all__ = [
    "DATA_DIR",
    "NL2BASH_FILE",
    "PAGES_FILE",
    "PLACEHOLDER",
    "TLDR_FILE",
    "OfflineHit",
    "OfflineIndex",
    "canonical_words",
    "command_parts",
    "data_version",
    "first_placeholder",
    "first_program",
    "has_placeholders",
    "man_summaries",
    "programs",
    "query_terms",
    "shell_words",
]
