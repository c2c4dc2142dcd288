"""The reviewed word table (nlshell/data/words.tsv) and what it does to text.

Synonyms, phrases, spellings, intent verbs, file types and units live in that one file, not in
code, so a reviewer can read every word the offline ranking treats specially. Requests and the
indexed descriptions go through the same `canonical_words`, so `folder` in a request meets
`directory` in a description as one term.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass

WORDS_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "words.tsv")
WORD = re.compile(r"[a-z0-9]+")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class Vocabulary:
    stop: frozenset[str]
    same: dict[str, str]  # variant → the word it counts as
    covers: dict[str, str]  # narrower word → the broader one an indexed text saying it also says
    phrases: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]  # first word → (words,
    #                                                     replacement), longest first
    spelling: dict[str, str]  # misspelling → word
    read_verbs: frozenset[str]
    change_verbs: frozenset[str]
    screen: frozenset[str]  # where writing only shows: "write hello on the terminal" changes nothing
    types: dict[str, str]  # word → glob (`python` → `*.py`)
    sizes: dict[str, str]  # unit word → find(1) size suffix (`megabytes` → `M`)
    times: dict[str, int]  # unit word → seconds
    hints: frozenset[str]  # file extensions that say which program fits
    value_words: dict[str, str]  # word → kind of the value after it (`called` → name)
    of_words: dict[str, str]  # word → kind of X in "the WORD of X" (`manual` → command: "the manual of rsync")
    to_words: dict[str, str]  # word → kind of X in "… to X" when the request says the word (`owner` → user)
    as_words: dict[str, str]  # word → kind of X in "… as X" when the request says the word (`connect` → user)
    after_words: dict[str, str]  # word → kind of the program X in "X WORD" (`running` → process: "is nginx running")
    opposites: dict[str, frozenset[str]]  # action → the actions that undo it (both ways)
    contraries: dict[str, frozenset[str]]  # order or extreme → the words that say the other one (both ways)
    naming: frozenset[str]  # words that name the program beside them: "version of node", "node version"
    directions: frozenset[str]  # words that say which way a switch goes (up, off, unlock, stop …)
    numbers: dict[str, str]  # a number spelt as a word → its digits
    ordinals: dict[str, str]  # an ordinal ("third", "3rd") → its digits
    losing: frozenset[str]  # verbs of actions that lose something for good
    shells: frozenset[str]  # the shells a login may use ("change frank's shell to zsh")
    computing: frozenset[str]  # verbs of examples that work out a result ("Total a column") rather than show
    amounts: dict[str, frozenset[str]]  # role → words that type a number near them (`older` → older before ago)
    around: dict[str, frozenset[str]]  # role → words beside a value that say what it is (`stuck` → frozen hung …)
    openings: tuple[tuple[str, ...], ...]  # openings that carry no verb: "please", "how do i", "i want to"
    wishes: tuple[tuple[str, ...], ...]  # openings that want a thing in a state: "i need X uncompressed"
    clause_breaks: frozenset[str]  # words that start a new clause: "find the logs and delete them"
    asides: dict[str, tuple[tuple[str, ...], ...]]  # lead ("," "or" "-") → openings of a clause that only comments
    reasons: frozenset[str]  # words that start a reason: "because it's huge"
    states: frozenset[str]  # what an aside says a thing is: "it's outdated"
    past: frozenset[str]  # when, said after an aside: "the script i started earlier"
    phrasal: frozenset[str]  # verbs whose particle may come after their object: "shut the computer down"
    filters: dict[str, tuple[tuple[str, ...], ...]]  # stage → word patterns, `*` the text ("about *": match)
    unwanted: dict[str, str]  # a kind of line ("comment", "blank") → the pattern that finds it
    every: frozenset[str]  # words that ask for each one of a kind: "stop every container"
    ports: dict[str, str]  # a service's name → the port it listens on ("postgres" → 5432)
    ids: dict[str, str]  # a placeholder's thing (and "/state") → the arguments listing the ids of all of them
    holds: frozenset[str]  # verbs of "which .py files import requests": what a file says
    quoted: frozenset[str]  # … of them, those the file says as written ("import requests")
    digest: str  # changes whenever the file does: part of the index's version


def load(path: str = WORDS_FILE) -> Vocabulary:
    """Parse the word table; a malformed line is a bug in the package, so it raises."""
    with open(path, "rb") as f:
        raw = f.read()
    from nlshell.digest import sha256_hex

    stop: set[str] = set()
    same: dict[str, str] = {}
    covers: dict[str, str] = {}
    phrases: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    spelling: dict[str, str] = {}
    # Kinds whose lines are only a set of words, whatever the key says.
    word_sets: dict[str, set[str]] = {
        kind: set() for kind in (
            "read", "change", "screen", "hint", "losing", "computing", "shells", "clause", "reason", "state", "past", "phrasal", "direction",
            "names", "every", "holds", "quoted",
        )
    }
    types: dict[str, str] = {}
    sizes: dict[str, str] = {}
    times: dict[str, int] = {}
    value_words: dict[str, str] = {}
    roles: dict[str, dict[str, str]] = {"of": {}, "to": {}, "as": {}, "after": {}}
    opposites: dict[str, set[str]] = {}
    contraries: dict[str, set[str]] = {}
    numbers: dict[str, str] = {}
    ordinals: dict[str, str] = {}
    amounts: dict[str, set[str]] = {}
    around: dict[str, set[str]] = {}
    openings: list[tuple[str, ...]] = []
    wishes: list[tuple[str, ...]] = []
    asides: dict[str, list[tuple[str, ...]]] = {}
    filters: dict[str, list[tuple[str, ...]]] = {}
    unwanted: dict[str, str] = {}
    ids: dict[str, str] = {}
    ports: dict[str, str] = {}
    for number, line in enumerate(raw.decode("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, key, words = line.split("\t")
        listed = words.split()
        if kind == "stop":
            stop.update(listed)
        elif kind == "same":
            same.update(dict.fromkeys(listed, key))
        elif kind == "covers":
            covers.update(dict.fromkeys(listed, key))
        elif kind == "phrase":
            phrases.append((tuple(listed), tuple(key.split())))
        elif kind == "spelling":
            spelling.update(dict.fromkeys(listed, key))
        elif kind in word_sets:
            word_sets[kind].update(listed)
        elif kind == "type":
            types.update(dict.fromkeys(listed, key))
        elif kind == "size":
            sizes.update(dict.fromkeys(listed, key))
        elif kind == "time":
            times.update(dict.fromkeys(listed, int(key)))
        elif kind == "value":
            value_words.update(dict.fromkeys(listed, key))
        elif kind in roles:
            roles[kind].update(dict.fromkeys(listed, key))
        elif kind == "amount":
            amounts.setdefault(key, set()).update(listed)
        elif kind == "around":
            around.setdefault(key, set()).update(listed)
        elif kind == "opening":
            openings.append(tuple(listed))
        elif kind == "wish":
            wishes.append(tuple(listed))
        elif kind == "aside":
            asides.setdefault(key, []).append(tuple(listed))
        elif kind == "filter":
            filters.setdefault(key, []).append(tuple(listed))
        elif kind == "lines":
            unwanted.update(dict.fromkeys(listed, key))
        elif kind == "port":
            ports.update(dict.fromkeys(listed, key))
        elif kind == "ids":
            ids[key] = " ".join(listed)
        elif kind == "number":
            numbers.update(dict.fromkeys(listed, key))
        elif kind == "ordinal":
            ordinals.update(dict.fromkeys(listed, key))
        elif kind in ("opposite", "contrary"):
            pairs = opposites if kind == "opposite" else contraries
            pairs.setdefault(key, set()).update(listed)
            for word in listed:
                pairs.setdefault(word, set()).add(key)
        else:
            raise ValueError(f"{path}:{number}: unknown kind {kind!r}")
    phrases.sort(key=lambda item: -len(item[0]))
    by_first: dict[str, list] = {}
    for phrase in phrases:
        by_first.setdefault(phrase[0][0], []).append(phrase)
    return Vocabulary(
        stop=frozenset(stop),
        same=same,
        covers=covers,
        phrases={first: tuple(listed) for first, listed in by_first.items()},
        spelling=spelling,
        read_verbs=frozenset(word_sets["read"]),
        change_verbs=frozenset(word_sets["change"]),
        screen=frozenset(word_sets["screen"]),
        types=types,
        sizes=sizes,
        times=times,
        hints=frozenset(word_sets["hint"]),
        value_words=value_words,
        of_words=roles["of"],
        to_words=roles["to"],
        as_words=roles["as"],
        after_words=roles["after"],
        opposites={verb: frozenset(undo) for verb, undo in opposites.items()},
        contraries={word: frozenset(other) for word, other in contraries.items()},
        directions=frozenset(word_sets["direction"]),
        naming=frozenset(word_sets["names"]),
        numbers=numbers,
        ordinals=ordinals,
        losing=frozenset(word_sets["losing"]),
        computing=frozenset(word_sets["computing"]),
        shells=frozenset(word_sets["shells"]),
        amounts={role: frozenset(listed) for role, listed in amounts.items()},
        around={role: frozenset(listed) for role, listed in around.items()},
        openings=tuple(openings),
        wishes=tuple(wishes),
        clause_breaks=frozenset(word_sets["clause"]),
        asides={lead: tuple(sorted(openings, key=len, reverse=True)) for lead, openings in asides.items()},
        reasons=frozenset(word_sets["reason"]),
        states=frozenset(word_sets["state"]),
        past=frozenset(word_sets["past"]),
        phrasal=frozenset(word_sets["phrasal"]),
        filters={stage: tuple(patterns) for stage, patterns in filters.items()},
        unwanted=unwanted,
        every=frozenset(word_sets["every"]),
        ports=ports,
        ids=ids,
        holds=frozenset(word_sets["holds"]),
        quoted=frozenset(word_sets["quoted"]),
        digest=sha256_hex(raw)[:12],
    )


@functools.cache
def vocabulary() -> Vocabulary:
    return load()


def canonical_words(text: str) -> list[str]:
    """Lower-case words, phrases and synonyms replaced: the form both requests and descriptions
    are indexed in ("ignoring case" and "case-insensitive" meet)."""
    same = vocabulary().same
    return [same.get(word, word) for word in replace_phrases(WORD.findall(text.lower()))]


def leading_words(text: str, count: int) -> list[str]:
    """`canonical_words(text)[:count]`, reading no further than those need: a description's verb is
    in its first words, and descriptions are read by the hundred per lookup."""
    same = vocabulary().same
    return [same.get(word, word) for word in replace_phrases(WORD.findall(text.lower()), until=count)[:count]]



def indexed_words(text: str) -> list[str]:
    """`canonical_words` of an indexed text, each narrower word followed by the broader one it
    covers: "List directory contents" also says `show`, so "show the files" finds `ls`, while
    "list the files" (a request keeps the narrow sense) does not find `cat` ("Print files")."""
    covers = vocabulary().covers
    words: list[str] = []
    for word in canonical_words(text):
        words.append(word)
        if word in covers:
            words.append(covers[word])
    return words


@functools.cache
def phrase_words() -> frozenset[str]:
    """The words of the table's phrases ("rid" of "get rid of", "box" of "this box"): words of the
    language the table knows, so none is a name or a misspelt verb."""
    return frozenset(word for entries in vocabulary().phrases.values() for words, _ in entries for word in words)


def replace_phrases(words: list[str], *, until: int | None = None) -> list[str]:
    """`how many files` → `count files`: the table's phrases, longest first, left to right;
    `until`: stop once that many words are out (the words before them are the same)."""
    phrases = vocabulary().phrases
    out: list[str] = []
    i = 0
    end = len(words)
    while i < end and (until is None or len(out) < until):
        for phrase, replacement in phrases.get(words[i], ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                out.extend(replacement)
                i += len(phrase)
                break
        else:
            out.append(words[i])
            i += 1
    return out


def request_words(request: str) -> list[str]:
    """The request's words as the index sees them: spelled right, phrases replaced, canonical."""
    table = vocabulary()
    words = [table.spelling.get(word, word) for word in WORD.findall(request.lower())]
    return [table.same.get(word, word) for word in replace_phrases(words)]


def query_terms(request: str) -> list[str]:
    """The request's meaningful words, canonical, each once, in order (the index stems them)."""
    stop = vocabulary().stop
    return list(dict.fromkeys(word for word in request_words(request) if word not in stop))


@functools.lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light stem, enough to tell whether a description mentions a request's word at all:
    files/file, matches/match, running/run, created/create, modified/modify meet."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ically") and len(word) > 8:
        word = word[:-4]  # numerically → numeric
    elif word.endswith("ly") and len(word) > 5:
        word = word[:-2]  # recursively → recursive
    if word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "ches", "shes", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    elif word.endswith(("ing", "ed")):
        base = word[:-3] if word.endswith("ing") else word[:-2]
        if len(base) >= 3:
            word = base[:-1] if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz" else base
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def other_forms(word: str) -> list[str]:
    """The forms of a word's stem it may be written in otherwise ("listened" → listen, listens,
    listening), so a form no description uses is read as the word it is, not as a misspelling."""
    base = stem(word)
    if base == word or len(base) < 3:
        return []
    forms = [base, base + "e", base + "s", base + "es", base + "ing", base + "ed", base + "d", base[:-1] + "ies",
             base + base[-1] + "ing", base + base[-1] + "ed"]
    return [form for form in dict.fromkeys(forms) if form != word and stem(form) == base]


@functools.lru_cache(maxsize=8192)
def stems(text: str) -> frozenset[str]:
    """The stems of an indexed text's words (cached: a text comes back query after query)."""
    return frozenset(stem(word) for word in indexed_words(text))


def stem_text(text: str) -> str:
    """`stems(text)` as the index stores it: space-separated, sorted."""
    return " ".join(sorted(stems(text)))


@functools.lru_cache(maxsize=32768)
def stored_stems(stored: str) -> frozenset[str]:
    """Stems as the index stores them (`stem_text`) back as a set."""
    return frozenset(stored.split())


def fts_query(terms: list[str]) -> str:
    """An FTS5 query matching any of the terms (each quoted: no operator can sneak in)."""
    return " OR ".join('"' + term.replace('"', "") + '"' for term in terms)


def one_edit_away(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away (`gerp` → `grep`)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return (deletes | transposes | replaces | inserts) - {word}


def participle(word: str) -> bool:
    """"the memory consuming processes", "the hanging process": an -ing word before the noun says
    which, it names none (`ping` is no participle: nothing is left of it without -ing)."""
    return word.endswith("ing") and word.isalpha() and stem(word) != word and not word.endswith("string")
