"""A request as the offline ranking reads it: its words spelled right and made canonical, how much
each tells (rare words more), the programs it names (also misspelt, or spelt as words: "shut down"),
the values it states for placeholders, and whether it only looks or changes something.
"""

from __future__ import annotations

import functools
import math
import os
import re
from dataclasses import dataclass, field

from nlshell.offline.idioms import plain
from nlshell.offline.operations import asked_operations
from nlshell.offline.pointers import pointed, pointer_stem
from nlshell.offline.index import OfflineIndex
from nlshell.offline.intent import clause_verbs, intent
from nlshell.offline.respelling import correct_programs, nearest_program, with_verbs
from nlshell.offline import wrapped
from nlshell.offline.software import plain_software
from nlshell.offline.searched import without_values
from nlshell.offline.values import Value, request_values
from nlshell.offline.vocabulary import (
    WORD, canonical_words, one_edit_away, other_forms, phrase_words, query_terms, stem, vocabulary,
)

COMMON_SHARE = 0.05  # words in more descriptions than this share pick no candidates, only weigh them
HINTED = 0.5  # weight of a word only a file name's extension gives (`zip` from photos.zip)
MIN_CORRECTABLE = 4  # shorter unknown words are not spelling-corrected …
VALUE_CUES = frozenset({"as", "saying", "says", "message"})  # what follows is a value the user names
MIN_VERB_CORRECTABLE = 3  # … except into a verb of the word table ("kil" → kill)
LISTED = 1000  # names of the current directory read, at most
# A name said with the version it is to be at is a package's, never a misspelt word.
_PINNED = re.compile(r"\b([a-z][a-z-]*)\s*(?:==|@|\s(?:to|at|version)\s+v?)\d+\.\d+")
SHOW, CONTENTS = "show", "contents"
EMPTY, FILE = "empty", "file"
_FILE_KINDS = frozenset({"file", "path", "pattern"})  # values that may be a file's name (SHA256SUMS is read as a pattern)


@dataclass
class Request:
    """A request as the ranking reads it."""

    terms: list[str]  # canonical, spelled right, each once
    searched: list[str]  # the terms BM25 picks candidates by: the ones not too common to tell
    weights: dict[str, float]  # stem → how much it tells (rare words more)
    named: list[str]  # programs the request names
    values: list[Value] = field(default_factory=list)  # what it says to put into placeholders
    words: set[str] = field(default_factory=set)  # its search words (not the words of its values)
    text: str = ""  # lower case, words separated by single spaces
    said: set[str] = field(default_factory=set)  # stems of the words it uses as written (`list`, not `show`)
    intent: str = ""  # READ, CHANGE or UNKNOWN
    pointed: list[str] = field(default_factory=list)  # programs the things it names point to (a commit id: git)
    operations: frozenset[str] = frozenset()  # the operations its verbs ask (nlshell/offline/operations.py)

    @functools.cached_property
    def weight_total(self) -> float:
        return sum(self.weights.values())

    @functools.cached_property
    def commanded(self) -> bool:
        """Whether it names a whole command to run inside another ("time how long make takes")."""
        return any(value.kind == "command" and value.role == "run" for value in self.values)

    @functools.cached_property
    def value_stems(self) -> frozenset[str]:
        """The stems of its values' words: a description saying them says no more than asked."""
        return frozenset(stem(word) for value in self.values for word in value.words)

    @functools.cached_property
    def place_stems(self) -> frozenset[str]:
        """The stems said only inside the names of its files and folders (`logs/app.log`): a
        suite's subcommand said there is not said ("follow logs/app.log" asks no `git log`)."""
        inside = {stem(word) for value in self.values if value.kind in _PLACES for word in value.words}
        outside = {stem(word) for value in self.values if value.kind not in _PLACES for word in value.words}
        return frozenset(inside - outside)


_PLACES = frozenset({"file", "dir", "path", "glob", "url"})


def listing(path: str | None) -> tuple[set[str], set[str]]:
    """(directories, files) named in `path`, at most LISTED of them; nothing when unreadable."""
    dirs: set[str] = set()
    files: set[str] = set()
    if not path:
        return dirs, files
    try:
        with os.scandir(path) as entries:
            for n, entry in enumerate(entries):
                if n >= LISTED:
                    break
                try:
                    (dirs if entry.is_dir() else files).add(entry.name)
                except OSError:
                    continue
    except OSError:
        pass
    return dirs, files


def read_request(
    index: OfflineIndex, request: str, cwd: str | None = None, corrected: dict[str, str] | None = None
) -> Request:
    """`corrected`: the request's misspelt verbs (`misspelt_verbs`), when the caller has them.
    Verbs are corrected before the values are read, so "instal htop" names a package to install,
    and a named program one edit from a known one is that one ("restart ngnix" is nginx)."""
    def paged(word: str) -> bool:  # a program with a page
        return bool(index.pages_named((word,)))

    request = plain(request, paged)  # "what does ls do", "top 5"
    corrected = misspelt_verbs(index, request) if corrected is None else corrected
    spelt = respelled(request, corrected)  # "instal htop" is read as "install htop"; other words stay as said
    meant = plain_software(spelt, lambda word: _technical(index, word), paged)
    request = request if meant == spelt else meant  # "start postgres", "get me htop"
    counts = index.term_counts(canonical_words(request))
    inflected = _inflected(index, canonical_words(request), counts)  # "consuming": a form of consume
    dirs, files = listing(cwd)
    values = request_values(with_verbs(request, corrected), dirs, files,
                            known=lambda word: word in counts or word in inflected,
                            program=lambda word: paged(word) or index.installed(word) is True)
    correct_programs(index, values, counts, MIN_CORRECTABLE)  # "restart ngnix", "kill fierfox"
    stop = vocabulary().stop
    terms = [t for t in query_terms(without_values(request, values)) if stem(t) not in stop]  # "whats" is "what"
    if not terms:  # "what did commit 9f8e7d6 do": only the word that says what a value is tells the job
        cues = " ".join(word for value in values for word in value.words if word.lower() not in value.text.lower())
        terms = [t for t in query_terms(cues) if stem(t) not in stop]
    hinted = set(terms) - set(query_terms(without_values(request, values, hints=False)))
    counts.update(index.term_counts(t for t in terms if t not in counts))
    named: list[str] = []
    paged = index.pages_named(terms)
    pinned = {match.group(1) for match in _PINNED.finditer(request.lower())}  # "downgrade pydantic to 1.10.13": no "pedantic"
    for i, term in enumerate(terms):
        if term in corrected:  # "delte" is delete, not the program delta; "kil" is kill
            terms[i] = (canonical_words(corrected[term]) or [corrected[term]])[0]
            continue
        if term in counts or term in paged or not term.isalpha() or len(term) < MIN_CORRECTABLE or term in pinned:
            continue
        if forms := index.term_counts(other_forms(term)):  # "listened": a form of listen, not a misspelling
            terms[i] = max(sorted(forms), key=forms.get)
            continue
        if program := nearest_program(index, term, counts):  # `gerp` → grep
            terms[i] = program
            named.append(program)
            continue
        known = index.term_counts(one_edit_away(term))
        if known:
            terms[i] = max(sorted(known), key=known.get)
    if {stem(t) for t in terms} == {SHOW} and any(v.kind == "file" for v in values):
        terms.append(CONTENTS)  # "print out todo.txt": to show a file is to show what is in it
    elif EMPTY in terms and set(terms) <= {EMPTY, FILE} and clause_verbs(request)[:1] == [EMPTY] and any(v.kind == "file" for v in values):
        terms.append(CONTENTS)  # "empty debug.log": to empty a file is to blank its contents, not to number its non-blank lines
    terms = list(dict.fromkeys(terms))
    from nlshell.offline.converted import CONVERT, converts

    if CONVERT not in terms and converts(request, values):
        terms.append(CONVERT)  # "screen.mov to mp4": a file and another format, no verb
    facts = index.program_facts(index.pages_named(terms))
    everyday = vocabulary().around["everyday_names"]  # "from the vpn box": no `box` asked for
    named += [t for t in terms if t in facts and facts[t].technical and t not in everyday]
    named += _compounds(index, without_values(request, values, hints=False), terms)  # "old.log in /tmp" is no `login`
    named += [name for name in _named_beside(index, request) + _named_by_files(index, values) if name not in named]
    counts = index.term_counts(terms)
    weights: dict[str, float] = {}
    pointed_to = [program for program in pointed(WORD.findall(request.lower()), values) if program not in terms + named]
    for program in pointed_to:  # as if said, in a word only its pages say: "(git) what did commit 9f8e7d6 do"
        uses = index.term_counts([program]).get(program, 0)
        weights[pointer_stem(program)] = math.log(1 + index.documents / (1 + uses))
    for term in terms:
        weight = math.log(1 + index.documents / (1 + counts.get(term, 0)))
        if term in hinted:
            weight *= HINTED  # `report.pdf` says which file, not that a PDF tool should move it
        weights[stem(term)] = max(weights.get(stem(term), 0.0), weight)
    terms += [n for n in named if n not in terms]
    searched = [t for t in terms if counts.get(t, 0) <= COMMON_SHARE * index.documents] or terms
    request = respelled(request, corrected)
    written = WORD.findall(request.lower())
    return Request(
        terms=terms,
        searched=searched,
        weights=weights,
        named=list(dict.fromkeys(named)),
        values=values,
        words=set(terms),
        text=" ".join(written),
        said={stem(vocabulary().spelling.get(w, w)) for w in written},
        intent=intent(request),
        pointed=pointed_to,
        operations=asked_operations(without_values(request, values)),  # "start.sh: denied" asks no start
    )


def _inflected(index: OfflineIndex, words: list[str], counts: dict[str, int]) -> set[str]:
    """The words no description uses in the form said but in another form of their stem: ordinary
    words ("consuming", "listened"), no names."""
    unknown = [word for word in dict.fromkeys(words) if word not in counts and word.isalpha()]
    forms = {word: other_forms(word) for word in unknown}
    known = index.term_counts(form for listed in forms.values() for form in listed)
    return {word for word, listed in forms.items() if any(form in known for form in listed)}


def _technical(index: OfflineIndex, word: str) -> bool:
    """A program with a page whose name no everyday description uses (`htop`, not `date`)."""
    facts = index.program_facts(index.pages_named((word,))).get(word)
    return bool(facts and facts.technical)


def respelled(request: str, corrected: dict[str, str]) -> str:
    """The request with its misspelt verbs corrected, so its intent reads from them ("delte x")."""
    if not corrected:
        return request
    return re.sub(r"[A-Za-z]+", lambda m: corrected.get(m.group().lower(), m.group()), request)


_LEADS = frozenset("the a an my our this that from in on into of to".split())
_DETERMINERS = frozenset("the a an my our your this that these those".split())  # a word after one is no verb


def misspelt_verbs(index: OfflineIndex, request: str) -> dict[str, str]:
    """Words the index does not know that are one edit from a verb of the word table — except where
    the request says a value ("commit everything as wip", "a folder called drafts"): a word right
    after "as", "saying", a value word or a type noun of the table ("the database shop") is what the
    user named, not a verb."""
    from nlshell.offline.typed import type_nouns

    table = vocabulary()
    verbs = table.read_verbs | table.change_verbs
    said = WORD.findall(request.lower())
    cues = table.value_words.keys() | type_nouns().keys()
    named = {word for before, word in zip(said, said[1:]) if before in VALUE_CUES or before in cues}
    named |= {  # "from shop db", "the shop database": a word between a preposition or determiner and its noun
        word for before, word, after in zip(said, said[1:], said[2:]) if after in type_nouns() and before in _LEADS
    }
    named |= {word for before, word in zip(said, said[1:]) if before in _DETERMINERS}  # "dump the shop postgres db": a noun
    named |= set(said) & table.around.get("people", frozenset())  # "take jake out of the docker group": no "make"
    words = [
        w for w in dict.fromkeys(said) if w.isalpha() and len(w) >= MIN_VERB_CORRECTABLE and w not in named
    ]
    unknown = [
        w for w in words if w not in verbs and w not in table.stop and w not in table.spelling and w not in phrase_words()
    ]
    counts = index.term_counts(unknown)
    paged = index.pages_named(unknown)
    found = {}
    for word in unknown:
        if _inflection(word, verbs):
            continue  # "deleted files still held open": a verb's form, no misspelling of it
        # "crm" is no misspelt `rm`: a verb of two letters is corrected to from no word
        if word not in counts and word not in paged and (meant := sorted(v for v in one_edit_away(word) & verbs if len(v) > 2)):
            found[word] = meant[0]
    if found and wrapped.around(said):  # "rerun ip addr every 2 seconds": a named command's arguments as written
        before = {word: previous for previous, word in zip(said, said[1:])}
        run = index.pages_named(tuple(before[word] for word in found if word in before))
        found = {word: verb for word, verb in found.items() if before.get(word) not in run}
    return found


def _inflection(word: str, verbs: frozenset[str] | set[str]) -> bool:
    """Whether the word is a regular form of a verb: "deleted", "stopped", "kills", "zipping"."""
    if not word.endswith(("ed", "ing", "s")):
        return False
    bases = {word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-4]}
    return bool(bases & verbs)


def _compounds(index: OfflineIndex, request: str, terms: list[str]) -> list[str]:
    """Program names the request spells as two or three words: "shut down" is `shutdown`,
    "power off" `poweroff`, "who am i" `whoami`; they count as named programs, except the word
    table's `unspelt` ones, whose words say an everyday job ("create user" is no database's)."""
    words = WORD.findall(request.lower())
    stop = vocabulary().stop
    joined = ["".join(words[i : i + size]) for size in (2, 3) for i in range(len(words) - size + 1)
              if words[i] not in stop]  # "shut down", "who am i"; not "a host"
    known = index.program_facts(index.pages_named(joined))
    unspelt = vocabulary().around.get("unspelt", frozenset())  # "create user alice" is no `createuser`
    return [name for name in dict.fromkeys(joined) if name in known and name not in terms and name not in unspelt]


def _named_beside(index: OfflineIndex, request: str) -> list[str]:
    """Programs a request names by a word that says what they are, everyday word or not: "which
    version of node do i have", "my python3 version" (the word table's `names` lines)."""
    words = WORD.findall(request.lower())
    naming = vocabulary().naming
    beside = [words[i + 2] for i, word in enumerate(words[:-2]) if word in naming and words[i + 1] == "of"]
    beside += [words[i - 1] for i, word in enumerate(words) if i and word in naming]
    stop = vocabulary().stop
    found = index.pages_named(word for word in beside if word not in stop)
    return [word for word in dict.fromkeys(beside) if word in found]


def _named_by_files(index: OfflineIndex, values: list[Value]) -> list[str]:
    """Programs a file's name says it is the output of: SHA256SUMS is what `sha256sum` writes (and
    checks), MD5SUMS `md5sum`'s. Only a name with no extension or directory, in the plural, whose
    singular is a program name no everyday description uses."""
    plural = [v.text.lower()[:-1] for v in values if v.kind in _FILE_KINDS and re.fullmatch(r"[a-z0-9]+s", v.text.lower())]
    facts = index.program_facts(index.pages_named(plural))
    return [name for name in dict.fromkeys(plural) if name in facts and facts[name].technical]


def coverage(request: Request, found: frozenset[str] | set[str]) -> float:
    """The weighted share of the request's words among a text's stems (smoothed: never 0)."""
    said = sum(w for s, w in request.weights.items() if s in found)
    return (said + 1.0) / (request.weight_total + 1.0)
