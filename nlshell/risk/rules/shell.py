"""What the engine itself reports: code it could not look at, and the generic delete option."""

from __future__ import annotations

from nlshell.risk.book import Rule
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE

RULES = [
    Rule("shell.too-deep", DANGEROUS, "the command is nested too deeply to check"),
    Rule("shell.too-many-values", DANGEROUS, "a word takes more values than can be checked"),
    Rule("shell.unparsed", DANGEROUS, "nlshell cannot fully analyse this command; read it carefully"),
    Rule("shell.delete-flag", CAUTION, "{tool} {flag} changes or deletes data"),
]

EXAMPLES = [
    ("eval eval eval eval eval eval eval eval eval ls", DANGEROUS, "shell.too-deep"),
    ("eval eval ls", SAFE, "not shell.too-deep"),
    ("rm -f x{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}", DANGEROUS, "shell.too-many-values"),
    ("rm -f x{a,b}{a,b}", CAUTION, "not shell.too-many-values"),
    ("for d in a b c; do rm -rf \"$d\"; done", CAUTION, "not shell.too-many-values"),
    # bash accepts what tree-sitter-bash cannot read: what the rules did not see is not cleared
    ("exec 3<>file", DANGEROUS, "shell.unparsed"),
    ("exec 3>file", CAUTION, "not shell.unparsed"),
    ("mytool --delete old-entries", CAUTION, "shell.delete-flag"),
    ("mytool --list", SAFE, "not shell.delete-flag"),
]
