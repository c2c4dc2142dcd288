"""The options of a page that take a number, what each one's number is, and which one a number the
request states asks for.

`ping -c {{count}} {{host}}` beside `ping {{host}}` shows that `-c` takes a count; `ssh -p {{port}}
{{host}}` that `-p` takes a port; `watch -n {{seconds}} {{command}}` that `-n` takes seconds. What
kind of number an option takes comes from the placeholder after it (or the option itself,
nlshell/offline/placeholders.py); the words that describe it, from the placeholder's name and from
what the examples with it say that their plain forms (the same example without the option and its
value) do not. nlshell/offline/compose.py adds such an option, with the request's number, to a
chosen example that lacks it: "ping google.com but stop after 4" → `ping -c 4 google.com`, "rerun
it every 5 seconds" → `watch -n 5 …`.

A number goes where its kind fits (seconds to a time option, a bare number to a count or a port,
never to a time: "4" names no unit) and where the words beside it say what the option does; a
number nothing describes goes only to the one option of the page it fits (the option most examples
use when it is clearly the usual one), never to one whose number says nothing of what it is, nor
one that turns a look into a change. Read per page on first use (nlshell/offline/flags.py
`per_page`): a lookup never scans the whole index.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from nlshell.offline.commands import shell_words
from nlshell.offline.flags import (
    CONTROL, LONG, NEGATIONS, WORD_OPTIONS, ExampleRow, Form, changes_look, per_page, read_form, said_only_with,
)
from nlshell.offline.placeholders import placeholder_kind
from nlshell.offline.rows import Reader
from nlshell.offline.value import Value
from nlshell.offline.vocabulary import WORD, canonical_words, stem, vocabulary

# What kinds of option a number the request states fits: a bare number names no unit.
FITS = {
    "count": frozenset({"count", "number"}),
    "number": frozenset({"count", "number", "port"}),
    "seconds": frozenset({"seconds"}),
    "port": frozenset({"port"}),
}
_NUMBER = re.compile(r"^\d+$")
_LETTER = re.compile(r"^-[A-Za-z]$")
_JOINED = re.compile(r"^(--[a-z][a-z0-9-]*)=(\S+)$")  # `--max-depth=2`
_WHOLE = re.compile(r"^\{\{([^{}]*)\}\}$")
NEAR = 3  # the request's words this far from a number say what it is


@dataclass(frozen=True)
class Valued:
    """One option of a page that takes a number."""

    option: str  # `-c`, `--max-depth`
    kinds: frozenset[str]  # what its number is: count, seconds, port, number
    says: frozenset[str]  # stems: its placeholder's words, and what only its examples say
    joined: bool  # written `--option=value`
    changes: bool  # with it, every example changes what its plain form only looks at
    examples: int  # how many of the page's examples use it


class _Words:
    """An example's words, asked which options it has (one-letter ones also inside clusters)."""

    def __init__(self, words: list[str]) -> None:
        self.words = words

    def has(self, option: str) -> bool:
        letter = option[1:] if _LETTER.match(option) else ""
        return any(
            word == option or word.startswith(option + "=")
            or (letter and re.fullmatch(r"-[A-Za-z]+", word) is not None and letter in word)
            for word in self.words
        )


def valued_options(index: Reader, page: str, program: str) -> tuple[Valued, ...]:
    """The options of `page` (whose examples run `program`) that take a number."""
    return per_page(index, valued_of, page, program, ("valued", loaded_valued))


def stored_valued(options: tuple[Valued, ...]) -> str:
    """A page's options that take a number as the index stores them (JSON; nlshell/offline/readings.py)."""
    return json.dumps([[o.option, sorted(o.kinds), sorted(o.says), o.joined, o.changes, o.examples] for o in options])


def loaded_valued(text: str) -> tuple[Valued, ...]:
    """`stored_valued` back."""
    return tuple(Valued(option, frozenset(kinds), frozenset(says), bool(joined), bool(changes), int(examples))
                 for option, kinds, says, joined, changes, examples in json.loads(text))


def valued_of(rows: list[ExampleRow], prefix: tuple[str, ...], page: str) -> tuple[Valued, ...]:
    """The options among a page's examples (`rows`, whose commands run `prefix`) that take a number."""
    if prefix[0] in WORD_OPTIONS:
        return ()  # `find -maxdepth 2` goes after the paths: find's tests are nlshell/offline/extend.py's
    shapes: dict[tuple, list[ExampleRow]] = {}
    found: dict[str, list[tuple[ExampleRow, str, bool, tuple]]] = {}
    words_of = []
    for row in rows:
        words = shell_words(row.command)
        if tuple(words[: len(prefix)]) != prefix or any(word in CONTROL for word in words):
            continue
        words_of.append((row, _Words(words)))
        shapes.setdefault(_shape(words, prefix), []).append(row)
        for at, option, value, joined in _taken(words, prefix):
            kind = _kind(option, value)
            if kind:
                rest = words[:at] + words[at + (1 if joined else 2) :]
                found.setdefault(option, []).append((row, kind, joined, _shape(rest, prefix)))
    names = frozenset(stem(word) for word in WORD.findall(page.lower()))
    out = []
    for option, uses in sorted(found.items()):
        pairs = [(row, shapes[shape]) for row, _, _, shape in uses if shape in shapes]
        placeholder_words = {stem(word) for row, _, _, _ in uses for word in _placeholder_words(row.command, option)}
        out.append(Valued(
            option,
            kinds=frozenset(kind for _, kind, _, _ in uses),
            says=frozenset(s for s in said_only_with(option, pairs, words_of, names) | placeholder_words
                           if not s.isdigit() and s not in names),  # "every 60 seconds" describes no 60
            joined=all(joined for _, _, joined, _ in uses),
            changes=bool(pairs) and all(changes_look([pair]) for pair in pairs),
            examples=sum(words.has(option) for _, words in words_of),
        ))
    return tuple(out)


def _taken(words: list[str], prefix: tuple[str, ...]):
    """(where, option, its value, written with `=`) for each option of an example followed by a value."""
    for at in range(len(prefix), len(words)):
        word = words[at]
        joined = _JOINED.match(word)
        if joined:
            yield at, joined.group(1), joined.group(2), True
        elif (_LETTER.match(word) or LONG.fullmatch(word)) and at + 1 < len(words):
            yield at, word, words[at + 1], False


def _kind(option: str, value: str) -> str:
    """The kind of number `value` (after `option`) is, or "" when it is no number."""
    inner = _WHOLE.match(value)
    text = inner.group(1) if inner else value
    if "{{" in text or not (inner or _NUMBER.match(value)):
        return ""
    kind = placeholder_kind(text, option) or ("number" if _NUMBER.match(text) else "")
    return kind if kind in FITS["number"] | FITS["seconds"] else ""


def _placeholder_words(command: str, option: str) -> list[str]:
    """The words of the placeholder right after `option` (`{{seconds}}` → seconds)."""
    match = re.search(r"(?:^|\s)" + re.escape(option) + r"[\s=]\{\{([^{}]*)\}\}", command)
    return canonical_words(match.group(1).replace("_", " ")) if match else []


def _shape(words: list[str], prefix: tuple[str, ...]) -> tuple:
    form = read_form(" ".join(words), prefix)
    return (form.letters, form.longs, form.rest) if form else ()


def asked_values(
    options: tuple[Valued, ...], form: Form, command: str, values: list[Value], request_words: list[str], changing: bool,
) -> list[tuple[Valued, str]]:
    """(option, the request's number for it) for each number the request states that the command
    does not hold and an option of the page takes that the command lacks, or has with its placeholder
    unfilled (`ping -c {{count}}`: a bare 4 is no count to slots); each option and number once."""
    stops = vocabulary().stop
    taken: set[str] = set()
    out = []
    for value in values:
        fits = FITS.get(value.kind)
        if not fits or re.search(r"(?<![\w.])" + re.escape(value.text) + r"(?![\w.])", command):
            continue
        low = [word.lower() for word in request_words[max(0, value.at - NEAR) : value.at + NEAR + 1]]
        if NEGATIONS & set(canonical_words(" ".join(request_words[max(0, value.at - 2) : value.at]))):
            continue  # "not more than 4", "no 5 second wait": against it
        near = {stem(word) for token in low for word in canonical_words(token) if word not in stops}
        near |= {stem(word) for word in canonical_words(" ".join(value.words))}
        candidates = [
            option for option in options
            if option.kinds & fits and option.option not in taken
            and (not form.has(option.option) and not _holds(form, option.option) or _unfilled(command, option.option))
            and not (option.changes and not changing)
        ]
        if value.kind == "port":  # a port said as one goes to the option that takes only ports (`ssh -p`, not `-D`'s proxy)
            candidates = [option for option in candidates if option.kinds == FITS["port"]] or candidates
        chosen = _best(candidates, near)
        if chosen is not None:
            taken.add(chosen.option)
            out.append((chosen, value.text if value.kind != "seconds" else str(value.seconds)))
    return out


def _unfilled(command: str, option: str) -> re.Match | None:
    """The option in the command, its placeholder left unfilled (`ping -c {{count}}`)."""
    return re.search(r"(?:^|(?<=\s))" + re.escape(option) + r"([\s=])\{\{[^{}]*\}\}", command)


def filled(command: str, option: str, value: str) -> str:
    """`command` with the option's unfilled placeholder filled with `value`, or "" when it has none."""
    found = _unfilled(command, option)
    return command[: found.start()] + option + found.group(1) + value + command[found.end() :] if found else ""


def _holds(form: Form, option: str) -> bool:
    """A long option the command writes with its value (`--max-depth=1`)."""
    return any(word.startswith(option + "=") for word in form.rest)


def _best(candidates: list[Valued], near: set[str]) -> Valued | None:
    """The option the words beside the number describe best; with none, the one option whose
    placeholder or name says what its number is (`-c {{count}}`, `-p {{2222}}`; `ssh -D {{1080}}`
    opens a proxy), or the one of those clearly most used (`head -n` over `head -c`)."""
    said = sorted(candidates, key=lambda option: (-len(option.says & near), -option.examples, option.option))
    if said and said[0].says & near:
        best = len(said[0].says & near)
        return said[0] if len(said) == 1 or len(said[1].says & near) < best else None
    typed = sorted((option for option in candidates if option.kinds - {"number"}), key=lambda option: -option.examples)
    if len(typed) == 1 or (len(typed) > 1 and typed[0].examples > 2 * typed[1].examples):
        return typed[0]
    return None
