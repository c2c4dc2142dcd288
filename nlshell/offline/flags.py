"""What each flag of a page does, in words, read from the page's own examples.

tldr pages and nlshell's examples show one job per example: `sort {{file}}` sorts, `sort -r
{{file}}` sorts in reverse, `grep -i` ignores case. Two examples of a page that differ by one flag
and nothing else show that flag takes no argument; the words the examples with that flag say and
the page's examples without it never say tell what it does ("descending", "insensitive case").
nlshell/offline/compose.py adds such flags to a chosen example when the request says those words.

Read per page on first use and kept for the index's life: a lookup never scans the whole index.
"""

from __future__ import annotations

import functools
import json
import re
import threading
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from nlshell.offline.commands import PLACEHOLDER, first_program, shell_words
from nlshell.offline.described import description_verb, description_verbs
from nlshell.offline.rows import ExampleRow, Reader, page_examples
from nlshell.offline.slots import placeholder_kind
from nlshell.offline.vocabulary import WORD, canonical_words, request_words, stem, vocabulary

T = TypeVar("T")
SHORT = re.compile(r"-[A-Za-z]+")  # a cluster of one-letter flags (`-nr`)
LONG = re.compile(r"--[a-z][a-z0-9-]*")  # a long flag without a value (`--all`)
# Programs whose single-dash options are words (`find -name`, `ffmpeg -codec`): no clusters to read or merge.
WORD_OPTIONS = frozenset(
    "find java javac gcc g++ cc clang ffmpeg ffprobe convert magick mogrify identify openssl qemu-img "
    "xdotool xrandr mplayer tcpdump iptables ip".split()
)
CONTROL = frozenset({"|", "||", "&&", ";", "&", "|&", "(", ")", "`", "$("})
# Words that turn the next ones around: "lines that don't contain it", "files not matching".
NEGATIONS = frozenset("not no never don doesn didn isn aren wasn weren won cannot nor".split())
# … and, read where a description may turn a request around, "a config file without its comments",
# "to the user's directory instead of the system-wide location"; the word itself still says
# something (`grep -v` shows "lines without x").
WITHOUT = frozenset({"without", "instead"})
NEGATED_SPAN = 1  # a negation reaches this many meaningful words after it
# … except when it says "as well": "not just normal files", "not only errors".
ALSO = frozenset({"just", "only", "merely", "simply", "solely"})
DISTINCT = 2  # a flag's word: its examples say it more than this many times as often as the page's others
PLACES = frozenset({"file", "dir", "path", "link"})
READINGS = ("flags", "valued")  # the columns of the index's page_reads (nlshell/offline/readings.py)
_UNREAD = object()
_DIRECTORY_SLOT = re.compile(r"\{\{[^}]*(?:dir|folder)[^}]*\}\}")


@dataclass(frozen=True)
class Form:
    """An example read as its page's program, its options, and the rest."""

    prefix: tuple[str, ...]  # the program and subcommand words (`git commit`)
    letters: frozenset[str]  # one-letter flags, from every cluster
    longs: frozenset[str]  # long flags
    rest: tuple[str, ...]  # every other word, in order, placeholders as their kind (`{{path}}`)
    leading: frozenset[str] = frozenset()  # the options before any other word (`-r` of `sort -r x`)

    def has(self, flag: str) -> bool:
        return flag in self.longs if flag.startswith("--") else flag[1:] in self.letters

    @property
    def options(self) -> frozenset[str]:
        return frozenset("-" + letter for letter in self.letters) | self.longs

    def plus(self, flag: str) -> Form:
        if flag.startswith("--"):
            return Form(self.prefix, self.letters, self.longs | {flag}, self.rest, self.leading)
        return Form(self.prefix, self.letters | set(flag[1:]), self.longs, self.rest, self.leading)


@dataclass(frozen=True)
class Flag:
    """One flag of a page that takes no argument, and what its examples say that others do not."""

    option: str  # `-r`, `--all`
    says: frozenset[str]  # stems (negated ones as `!stem`) only examples with it say
    recursive: bool  # with it, an example takes directories where its plain form takes files
    changes: bool  # an example with it starts with a changing verb where its plain form does not
    mode: bool  # it makes the program do another thing: its examples' verbs differ from their plain forms'
    examples: int  # how many of the page's examples use it
    together: frozenset[str]  # the options some example of the page uses it with


@dataclass(frozen=True)
class Page:
    """A page's argument-less flags, and what the examples using each of its options say."""

    flags: tuple[Flag, ...]
    said_with: dict[str, frozenset[str]]  # option (`-o`, `--all`) → stems of its examples' descriptions


@functools.lru_cache(maxsize=16384)
def marked_stems(text: str, *, request: bool = False, without: bool = False) -> frozenset[str]:
    """The stems of a description (or, `request`, of a request: spellings corrected), each one a
    negation turns around written `!stem` ("don't contain" → `!contain`): "lines containing
    error" and "lines that don't contain error" differ; `without` turns the word after "without"
    around too ("without its comment lines" → `!comment`)."""
    table = vocabulary()
    words = request_words(text) if request else canonical_words(text)
    negations = NEGATIONS | WITHOUT if without else NEGATIONS
    found: set[str] = set()
    reach = 0
    for i, word in enumerate(words):
        if word in negations:
            reach = 0 if words[i + 1 : i + 2] and words[i + 1] in ALSO else NEGATED_SPAN
            if word in WITHOUT:
                found.add(stem(word))
            continue
        if word in table.stop:
            continue
        said = {stem(word)} | ({stem(table.covers[word])} if word in table.covers else set())
        found |= {"!" + s for s in said} if reach else said
        reach = max(reach - 1, 0)
    return frozenset(found)


def read_form(command: str, prefix: tuple[str, ...]) -> Form | None:
    """`command` as a Form when it is one simple command running `prefix` (after `sudo`), else None."""
    words = shell_words(command)
    if words[:1] == ["sudo"]:
        words = words[1:]
    if tuple(words[: len(prefix)]) != prefix or any(word in CONTROL for word in words):
        return None
    clusters = prefix[0] not in WORD_OPTIONS
    letters: set[str] = set()
    longs: set[str] = set()
    rest: list[str] = []
    leading: set[str] = set()
    for word in words[len(prefix) :]:
        if "{{" in word:
            rest.append(PLACEHOLDER.sub(_slot_kind, word))
        elif clusters and SHORT.fullmatch(word):
            letters.update(word[1:])
            if not rest:
                leading.update("-" + letter for letter in word[1:])
        elif LONG.fullmatch(word):
            longs.add(word)
            if not rest:
                leading.add(word)
        else:
            rest.append(word)
    return Form(prefix, frozenset(letters), frozenset(longs), tuple(rest), frozenset(leading))


def has_flag(command: str, options: tuple[str, ...]) -> bool:
    """Whether the command has one of the options, read as its page's flags are (`-rn` has `-r`,
    long ones whole); False for what is no one simple command."""
    form = read_form(command, (first_program(command),))
    return form is not None and any(form.has(option) for option in options)


def _slot_kind(match: re.Match) -> str:
    """A placeholder as the kind of value it takes: `{{path/to/file}}` and `{{path/to/directory}}`
    are both places, `{{-7days}}` is no `{{username}}` (an option before it takes it as its value)."""
    kind = placeholder_kind(match.group(0)[2:-2])
    return "{{path}}" if kind in PLACES else "{{" + (kind or match.group(0)[2:-2]) + "}}"


def page_prefix(page: str, program: str) -> tuple[str, ...]:
    """The words that run a page's program: `git-commit` → (git, commit), `apt-get` → (apt-get,)."""
    if page == program or not page.startswith(program + "-"):
        return (program,)
    return (program, *page[len(program) + 1 :].split("-"))


class PerPage:
    """What each reader makes of a page's examples: the examples read once per page, each reader's
    result once per page (from the index's `page_reads` when the build stored it), kept for the
    index's life."""

    def __init__(self, index: Reader) -> None:
        self._index = index
        self._rows: dict[str, list[ExampleRow]] = {}
        self._made: dict[tuple[Callable, str, str], object] = {}
        self._readings: dict[tuple[str, str], dict[str, str] | None] = {}  # a page's row of page_reads, read once
        self._lock = threading.Lock()

    def of(
        self, read: Callable[[list[ExampleRow], tuple[str, ...], str], T], page: str, program: str,
        stored: tuple[str, Callable[[str], T]] | None = None,
    ) -> T:
        """`stored`: the column of `page_reads` holding the reader's result, and what reads it back;
        a page or program the build did not read (or a damaged value) is read from the examples."""
        key = (read, page, program)
        with self._lock:
            known = self._made.get(key)
            rows = self._rows.get(page)
        if known is None and stored:
            known = self._stored(page, program, *stored)
        if known is None:
            if rows is None:
                rows = page_examples(self._index.query, page)
            known = read(rows, page_prefix(page, program), page)
            with self._lock:
                self._rows[page] = rows
        with self._lock:
            self._made[key] = known
        return known  # type: ignore[return-value]

    def _stored(self, page: str, program: str, column: str, load: Callable[[str], T]) -> T | None:
        with self._lock:
            known = self._readings.get((page, program), _UNREAD)
        if known is _UNREAD:
            found = self._index.query(
                f"SELECT {', '.join(READINGS)} FROM page_reads WHERE name = ? AND program = ?", (page, program))
            known = dict(zip(READINGS, found[0])) if found else None
            with self._lock:
                self._readings[(page, program)] = known
        if known is None:
            return None
        try:
            return load(known[column])
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None


_PER_PAGE: weakref.WeakKeyDictionary[Reader, PerPage] = weakref.WeakKeyDictionary()
_PER_PAGE_LOCK = threading.Lock()


def per_page(
    index: Reader, read: Callable[[list[ExampleRow], tuple[str, ...], str], T], page: str, program: str,
    stored: tuple[str, Callable[[str], T]] | None = None,
) -> T:
    """`read(examples of page, the words that run program, page)`, once per index, page and reader
    (from the index's `page_reads` when it holds it: `stored`, see PerPage.of)."""
    with _PER_PAGE_LOCK:
        cache = _PER_PAGE.get(index)
        if cache is None:
            cache = _PER_PAGE[index] = PerPage(index)
    return cache.of(read, page, program, stored)


def page_flags(index: Reader, page: str, program: str) -> Page:
    """The flags of `page` (whose examples run `program`) that take no argument."""
    return per_page(index, flags_of, page, program, ("flags", loaded_page))


def stored_page(page: Page) -> str:
    """A page's flags as the index stores them (JSON; nlshell/offline/readings.py)."""
    flags = [[f.option, sorted(f.says), f.recursive, f.changes, f.mode, f.examples, sorted(f.together)] for f in page.flags]
    return json.dumps([flags, [[option, sorted(said)] for option, said in page.said_with.items()]])


def loaded_page(text: str) -> Page:
    """`stored_page` back."""
    flags, said_with = json.loads(text)
    return Page(
        tuple(Flag(option, frozenset(says), bool(recursive), bool(changes), bool(mode), int(examples), frozenset(together))
              for option, says, recursive, changes, mode, examples, together in flags),
        {option: frozenset(said) for option, said in said_with},
    )


def flags_of(rows: list[ExampleRow], prefix: tuple[str, ...], page: str) -> Page:
    """The argument-less flags among a page's examples (`rows`, whose commands run `prefix`)."""
    forms = [(row, form) for row in rows if (form := read_form(row.command, prefix)) is not None]
    described: dict[str, set[str]] = {}
    for row, form in forms:
        for option in form.options:
            described.setdefault(option, set()).update(marked_stems(row.description))
    names = frozenset(stem(word) for word in WORD.findall(page.lower()))
    flags = tuple(_flag(option, pairs, forms, names) for option, pairs in sorted(_confirmed(forms).items()))
    return Page(flags, {option: frozenset(said) for option, said in described.items()})


def _confirmed(forms: list[tuple[ExampleRow, Form]]) -> dict[str, list[tuple[ExampleRow, list[ExampleRow]]]]:
    """Each flag that some example adds, and nothing else, to other examples of the page (its
    plain forms): option → [(the example with it, its plain forms)]."""
    by_shape: dict[tuple, list[ExampleRow]] = {}
    for row, form in forms:
        by_shape.setdefault((form.letters, form.longs, form.rest), []).append(row)
    confirmed: dict[str, list[tuple[ExampleRow, list[ExampleRow]]]] = {}
    for row, form in forms:
        plain_shapes = [(form.letters - {letter}, form.longs, form.rest, "-" + letter) for letter in form.letters]
        plain_shapes += [(form.letters, form.longs - {option}, form.rest, option) for option in form.longs]
        for letters, longs, rest, option in plain_shapes:
            if option not in form.leading:
                continue  # an option after the operands (`tar xf x.tar -C dir`) takes a value
            plain = by_shape.get((letters, longs, rest))
            if plain:
                confirmed.setdefault(option, []).append((row, plain))
    return confirmed


def _flag(
    option: str, pairs: list[tuple[ExampleRow, list[ExampleRow]]], forms: list[tuple[ExampleRow, Form]],
    names: frozenset[str],
) -> Flag:
    return Flag(
        option,
        says=said_only_with(option, pairs, forms, names),
        recursive=any(_descends(row, plain) for row, plain in pairs),
        changes=changes_look(pairs),
        mode=all(verb_class(row.description) not in {verb_class(p.description) for p in plain} for row, plain in pairs),
        examples=sum(form.has(option) for _, form in forms),
        together=frozenset().union(*(form.options for _, form in forms if form.has(option))) - {option},
    )


class Options(Protocol):
    """An example read for which options it has (a Form, or valued.py's words)."""

    def has(self, option: str) -> bool: ...


def said_only_with(
    option: str, pairs: list[tuple[ExampleRow, list[ExampleRow]]], forms: list[tuple[ExampleRow, Options]],
    names: frozenset[str],
) -> frozenset[str]:
    """What the option alone changes: each example with it against its plain forms ("Sort a file in
    descending order" against "… ascending order"), kept when examples with it say it far more
    often than examples without it ("smallest to largest" is `sort -n`, "largest first" `-nr`);
    never a word of the page's name."""
    with_it = [row for row, form in forms if form.has(option)]
    without = [row for row, form in forms if not form.has(option)]
    changed = frozenset().union(*(
        marked_stems(row.description) - frozenset.intersection(*(marked_stems(p.description) for p in plain))
        for row, plain in pairs
    ))
    said_with = Counter(s for row in with_it for s in marked_stems(row.description) if s in changed)
    said_without = Counter(s for row in without for s in marked_stems(row.description) if s in changed)
    return frozenset(s for s, n in said_with.items() if n > DISTINCT * said_without[s] and s.lstrip("!") not in names)


def _descends(row: ExampleRow, plain: list[ExampleRow]) -> bool:
    """With the flag, the example takes more directories than its plain forms (`cp -r {{source_directory}}`
    against `cp {{source_file}}`): without it, the program would not take a directory at all."""
    taken = len(_DIRECTORY_SLOT.findall(row.command))
    return all(len(_DIRECTORY_SLOT.findall(p.command)) < taken for p in plain)


def verb_class(description: str) -> str:
    """The verb a description starts with; every verb that only looks counts as one ("Show" and "Find" the lines)."""
    verb = description_verb(description)
    return "look" if verb in vocabulary().read_verbs else verb


def changes_look(pairs: list[tuple[ExampleRow, list[ExampleRow]]]) -> bool:
    """Some example with the option turns a look into a change (`sed -i` edits in place)."""
    return any(_changes(row, plain) for row, plain in pairs)


def _changes(row: ExampleRow, plain: list[ExampleRow]) -> bool:
    """The flag turns a look into a change: its example starts with a changing verb, its plain form's do not."""
    changing = vocabulary().change_verbs
    if not set(description_verbs(row.description)) & changing:
        return False
    return not any(set(description_verbs(p.description)) & changing for p in plain)
