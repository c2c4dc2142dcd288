"""The flags a request asks for beyond the chosen example: composed within one page.

A page's examples show one job each, so "sort numbers.txt numerically in descending order" finds
`sort -n` and no example that also reverses. After the ranking, the request's words the chosen
example does not say (nor its values) are matched against what the page's other flags do
(nlshell/offline/flags.py): `-r` says "descending … highest at the top", so `sort -n` becomes
`sort -rn`. A directory the command copies or packs gets the page's recursive flag (`scp -r`,
`zip -r`). Never a flag the command has, one whose words the chosen example contradicts, one that
turns a look into a change, or one that makes the rater's level worse: then the plain command stays.

Also here: an example whose description turns around what the request says ("lines that don't
contain a text" for "lines containing error") comes after its page's others.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from nlshell.offline import modes
from nlshell.offline.commands import shell_words
from nlshell.offline.flags import (
    ALSO, SHORT, WORD_OPTIONS, Flag, Form, Page, has_flag, marked_stems, page_flags, page_prefix, read_form,
)
from nlshell.offline.index import OfflineIndex
from nlshell.offline.intent import CHANGE
from nlshell.offline.otherwise import other_way
from nlshell.offline.rank import OfflineHit, Ranked, Request, read_request
from nlshell.offline.rating import risk_of
from nlshell.offline.valued import asked_values, filled, valued_options
from nlshell.offline.values import request_tokens
from nlshell.offline.vocabulary import WORD, canonical_words, stem, vocabulary

COMPOSED = 12  # hits composed, at most: the answer comes from the first few
SAID_SHARE = 0.95  # a hit that has the flags the request says goes first within this share of the top score
LEVELS = {"safe": 0, "caution": 1, "dangerous": 2}
_TARGET_SLOT = re.compile(r"target|destination|dest\b|output|parent|archive|\.zip|\.tar")  # where it puts things
_SOURCE_ROLES = frozenset({"", "from"})  # a directory the command takes, not one it puts things in or names
@functools.cache
def antonyms() -> dict[str, frozenset[str]]:
    """Each stem of the word table's `contrary` words (the other order or extreme: "latest on top"
    is not `ls -r`, "oldest at the top") → the stems that say its other."""
    found: dict[str, set[str]] = {}
    for word, others in vocabulary().contraries.items():
        found.setdefault(stem(word), set()).update(stem(other) for other in others)
    return {word: frozenset(others) for word, others in found.items()}


_DIRECTORY_WORDS = frozenset({"folder", "folders", "directory", "directories", "dir", "dirs"})


# "check that archive.zip isn't corrupted": a state to check, which the check finds either way;
# the negation turns nothing around ("Check whether a zip file is corrupted" is the job).
_CHECKED_NOT = re.compile(
    r"^(\s*(?:please\s+)?(?:check|verify|confirm|make\s+sure|ensure|test|see)\b(?:(?!\b(?:which|what|who|where|how)\b).)*?"
    r"\b(?:is|are|was|were))(?:n['’]?t|\s+not)\b",  # not "check which files are not empty": a selection
    re.IGNORECASE,
)


def _checked_either_way(request: str) -> str:
    return _CHECKED_NOT.sub(r"\1", request, count=1)


class _Asked:
    """What a request says, as composing reads it."""

    def __init__(self, read: Request, request: str) -> None:
        self.read = read
        self.request = request

    @functools.cached_property
    def said(self) -> frozenset[str]:
        """Its meaningful stems, negated ones as `!stem`."""
        return self._meant(marked_stems(_checked_either_way(self.request), request=True))

    @functools.cached_property
    def said_without(self) -> frozenset[str]:
        """… with "without X" read as `!X` too, as descriptions are read where they may turn it around."""
        return self._meant(marked_stems(_checked_either_way(self.request), request=True, without=True))

    def _meant(self, stems: frozenset[str]) -> frozenset[str]:
        meant = self.read.weights.keys() | self.read.value_stems
        return frozenset(s for s in stems if s.lstrip("!") in meant)

    @functools.cached_property
    def tokens(self) -> list[str]:
        """Its tokens, as its values' places count them."""
        return request_tokens(self.request)

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """Its words, lower case, as said."""
        return frozenset(WORD.findall(self.request.lower()))

    @functools.cached_property
    def stops(self) -> bool:
        """Whether it asks to stop something ("disable password login", "block ssh logins"): a description
        that says the thing cannot happen ("… so it cannot log in") is then the same job, not it turned around."""
        return bool(vocabulary().around.get("stopping", frozenset()) & self.words)

    @functools.cached_property
    def directories(self) -> tuple[str, ...]:
        """The values it calls folders or directories, or that are directories here."""
        tokens = [token.lower() for token in self.tokens]
        found = []
        for value in self.read.values:
            near = {tokens[i] for i in (value.at - 1, value.at + 1) if 0 <= i < len(tokens)}
            if value.role not in _SOURCE_ROLES:
                continue  # copied into, not copied: `cp report.pdf ~` needs no -r
            if value.kind == "dir" or (value.kind in ("path", "file") and near & _DIRECTORY_WORDS):
                found.append(value.text.rstrip("/"))
        return tuple(found)

    @functools.cached_property
    def opposite(self) -> frozenset[str]:
        """The opposites of what it says ("latest on top": oldest, bottom)."""
        return frozenset(other for s in self.said for other in antonyms().get(s, ()))

    def unsaid(self, hit: OfflineHit) -> frozenset[str]:
        """What it asks that the example does not say: its words, and its values the command left out
        (the words of a value it took say which file, not how: `image.iso` asks for no ISO flag)."""
        covered = marked_stems(hit.description) | {stem(w) for w in WORD.findall(hit.page.lower())}
        taken = {stem(w) for value in self.read.values if value.text in hit.command for w in value.words}
        covered |= taken
        left_out = {stem(w) for value in self.read.values if value.text not in hit.command
                    for w in canonical_words(" ".join(value.words))}
        return frozenset(s for s in self.said if s not in covered and (s.startswith("!") or s in self.read.weights
                                                                        or s in left_out))

    def weight(self, said: frozenset[str]) -> float:
        """How much these words of it tell (rare words more; a value's word counts one)."""
        return sum(self.read.weights.get(s.lstrip("!"), 0.0) or 1.0 for s in said)


def composed(
    index: OfflineIndex,
    request: str,
    hits: list[OfflineHit],
    *,
    cwd: str | None = None,
    corrected: dict[str, str] | None = None,
) -> list[OfflineHit]:
    """`hits` (best first) with the flags the request asks for added to the first COMPOSED, and
    examples that turn the request around moved back; a command composed into one already there is dropped.
    Hits from `rank` carry the request as it was read; other lists have it read here from `cwd` and `corrected`."""
    if not hits:
        return hits
    read = hits.read if isinstance(hits, Ranked) else read_request(index, request, cwd, corrected)
    asked = _Asked(read, request)
    hits = _said_flag_first(index, asked, list(hits))
    hits = [_compose(index, asked, hit) if i < COMPOSED else hit for i, hit in enumerate(hits)]
    hits = [replace(hit, command=modes.rewritten(request, hit.command)) for hit in hits]  # `o-w` for "take away … others"
    hits = _turned_last(index, asked, hits)
    seen: set[str] = set()
    unique = []
    for hit in hits:
        if hit.command not in seen:
            seen.add(hit.command)
            unique.append(hit)
    return unique


def _turned_last(index: OfflineIndex, asked: _Asked, hits: list[OfflineHit]) -> list[OfflineHit]:
    """Within each page, the examples that turn the request around (or switch the other way: `ufw
    deny` for "allow ssh from 10.0.0.0/8") come after the others; the
    page's places in the ranking (and their scores) stay, so which page comes first does not change."""
    head = hits[:COMPOSED]
    turned = [_turned_around(asked, hit) or _other_way_flag(index, asked, hit) or other_way(asked.read, hit) for hit in head]
    if not any(turned):
        return hits
    out = list(head)
    for page in {hit.page for hit, bad in zip(head, turned) if bad}:
        places = [i for i, hit in enumerate(head) if hit.page == page]
        order = sorted(places, key=lambda i: turned[i])  # stable: the others first, in rank order
        for place, i in zip(places, order):
            out[place] = replace(head[i], score=head[place].score)
    return out + hits[COMPOSED:]


def _turned_around(asked: _Asked, hit: OfflineHit) -> bool:
    """The description negates what the request says plainly, says plainly what it negates, or
    says the other order or extreme of what it says and not that ("from Z to A" for "a-z")."""
    described = marked_stems(hit.description, without=True)
    said = asked.said_without
    # A description that says a word both ways ("the files under a folder, not the directories") turns nothing around.
    return any(("!" + s in described and s not in described) for s in said if not s.startswith("!") and not asked.stops) or any(
        s[1:] in described and s not in described for s in said if s.startswith("!")) or any(
        s not in described and antonyms().get(s, frozenset()) & described for s in said)


def _other_way_flag(index: OfflineIndex, asked: _Asked, hit: OfflineHit) -> bool:
    """The command has a flag that does the other order or extreme of what the request says
    (`sort -nr`'s `-r` is "descending" for "a-z") and not also what it says."""
    if not asked.opposite:
        return False
    form = read_form(hit.command, page_prefix(hit.page, hit.program)) if hit.page else None
    if form is None:
        return False
    said = {flag.option: flag.says for flag in page_flags(index, hit.page, hit.program).flags if form.has(flag.option)}
    return any(says & asked.opposite and not says & asked.said for says in said.values())


def _said_flag_first(index: OfflineIndex, asked: _Asked, hits: list[OfflineHit]) -> list[OfflineHit]:
    """The first hit composed with the flags the request says, refused as riskier, is a hit of its
    own further down: that one first when it scores nearly as well ("give www-data ownership of
    /var/www/html recursively" has `sudo chown -R www-data /var/www/html` a hair behind the plain
    one). The rater still rates and the menu still confirms it; only the order changes."""
    top = hits[0]
    wanted = _composed_command(index, asked, top)
    said = [letters for words, letters in _SAID_FLAGS if words & asked.words and not has_flag(top.command, letters)]
    if (wanted == top.command or not _worse(top.command, wanted)) and not said:
        return hits
    for k, hit in enumerate(hits[1:COMPOSED], 1):
        if hit.page != top.page or hit.score < SAID_SHARE * top.score:
            continue
        if hit.command == wanted or (said and all(has_flag(hit.command, letters) for letters in said)):
            return [replace(hit, score=top.score), *hits[:k], *hits[k + 1 :]]
    return hits


# Words every page's flags mean the same by, and the flags: "recursively" is `-r`/`-R` wherever it is said.
_SAID_FLAGS = (
    (frozenset({"recursive", "recursively", "subfolders", "subdirectories"}), ("-r", "-R", "--recursive")),
    (frozenset({"force", "forcefully", "forced"}), ("-f", "--force")),
)


def _compose(index: OfflineIndex, asked: _Asked, hit: OfflineHit) -> OfflineHit:
    command = _composed_command(index, asked, hit)
    if command == hit.command or _worse(hit.command, command):
        return hit
    return replace(hit, command=command)


def _composed_command(index: OfflineIndex, asked: _Asked, hit: OfflineHit) -> str:
    """The hit's command with the flags and valued options the request asks for."""
    prefix = page_prefix(hit.page, hit.program)
    form = read_form(hit.command, prefix)
    if form is None or not hit.page:
        return hit.command
    page = page_flags(index, hit.page, hit.program)
    valued = valued_options(index, hit.page, hit.program)
    numbers = asked_values(valued, form, hit.command, asked.read.values, asked.tokens, asked.read.intent == CHANGE)
    counting = frozenset(option.option for option in valued if not option.changes)  # `--tail 100`: how many, nothing else
    wanted = (_asked_flags(asked, hit, form, page, counting) + _recursive(asked, hit, form, page)) if page.flags else []
    command = hit.command
    for option, value in numbers:
        command = filled(command, option.option, value) or with_flag(command, prefix, option.option, value, joined=option.joined)
    for option in dict.fromkeys(flag.option for flag in wanted):
        command = with_flag(command, prefix, option)
    return command


def _asked_flags(asked: _Asked, hit: OfflineHit, form: Form, page: Page, counting: frozenset[str]) -> list[Flag]:
    """The flags whose words the request says and the example does not, best said first; each
    word of the request chooses one flag."""
    unsaid = set(asked.unsaid(hit))
    if not unsaid:
        return []
    described = marked_stems(hit.description)
    opposites = vocabulary().opposites
    found = []
    for flag in sorted(page.flags, key=lambda f: (-asked.weight(f.says & unsaid), -f.examples, f.option)):
        matched = flag.says & unsaid - ALSO  # "only 2 levels deep": "only" says how much, never which flag (`tree -d`)
        if not matched or form.has(flag.option):
            continue
        if flag.changes and asked.read.intent != CHANGE:
            continue  # `sed -i` edits in place: no flag turns a look into a change
        if any(_opposed(s, described, opposites) for s in flag.says) or flag.says & asked.opposite:
            continue  # `grep -v` for a request the example says plainly; `ls -r` "oldest" for "latest on top"
        if _distinct(flag, page) & described or _rival(flag, form, page, counting):
            continue  # the example does that job its own way already (`curl -o` saves, `-O` too)
        found.append(flag)
        unsaid -= flag.says
        form = form.plus(flag.option)
    return found


def _distinct(flag: Flag, page: Page) -> frozenset[str]:
    """The words only the flag's examples say, none of the page's other options': "log" said by
    `tail -f` and `tail -n` examples alike is no sign "last lines of a log" follows already."""
    others = [said for option, said in page.said_with.items() if option != flag.option]
    return flag.says.difference(*others)


def _rival(flag: Flag, form: Form, page: Page, counting: frozenset[str] = frozenset()) -> bool:
    """An option the command has is an alternative to the flag: no example of the page uses the
    two together, and one of them makes the program do another thing (`shutdown -r` reboots,
    `-h` halts) or the examples using it say what the flag does (`curl -o name` and `-O`). Flags
    that only adjust combine (`grep -c` and `-i`); examples using two together show they go together (`sort -nr`).
    An option the page never shows as such a flag is one whose effect is unknown: it combines only
    where an example combines it (`shutdown -c` cancels; `-h` added to it would be `-hc`), unless it
    only says how many (`counting`: `docker logs --tail 100` follows with `-f` as well)."""
    modes = {other.option for other in page.flags if other.mode}
    adjusting = {other.option for other in page.flags}
    return any(
        option != flag.option and option not in flag.together
        and (
            flag.mode or option in modes or flag.says & page.said_with.get(option, frozenset())
            or (option not in adjusting and option not in counting)  # `shutdown -c` cancels: never fail open
        )
        for option in form.options
    )


def _opposed(said: str, described: frozenset[str], opposites: dict[str, frozenset[str]]) -> bool:
    turned = said[1:] if said.startswith("!") else "!" + said
    return turned in described or bool(opposites.get(said, frozenset()) & described)


def _recursive(asked: _Asked, hit: OfflineHit, form: Form, page: Page) -> list[Flag]:
    """The page's recursive flag, when the command takes a directory (as what it copies or packs,
    not where it puts it) and has none, nor an alternative to it (`cp -a` copies trees too)."""
    recursive = [flag for flag in page.flags if flag.recursive]
    if any(form.has(flag.option) for flag in recursive) or not asked.directories:
        return []
    recursive = [flag for flag in recursive if not _rival(flag, form, page)]
    if not recursive:
        return []
    taken = [word for word, slot in _filled_slots(hit.template, hit.command) if not _TARGET_SLOT.search(slot)]
    if not any(_names(word, directory) for word in taken for directory in asked.directories):
        return []
    short = [flag for flag in recursive if not flag.option.startswith("--")]
    return [max(short or recursive, key=lambda flag: (flag.examples, flag.option))]


def _filled_slots(template: str, command: str) -> list[tuple[str, str]]:
    """(command word, the template word it filled) for each placeholder word of the template;
    a placeholder for several (`{{path/to/file1 path/to/file2 ...}}`) takes the extra words."""
    template_words, command_words = shell_words(template), shell_words(command)
    extra = len(command_words) - len(template_words)
    pairs: list[tuple[str, str]] = []
    i = 0
    for word in template_words:
        width = 1 + extra if "..." in word and extra > 0 else 1
        if "{{" in word:
            pairs += [(filled, word) for filled in command_words[i : i + width]]
        i += width
    return pairs


def _names(word: str, directory: str) -> bool:
    """The command word is the directory, here or on a host (`user@host:/srv/data`, `src/`)."""
    word = word.rstrip("/")
    return word == directory or word.endswith(":" + directory)


def _worse(plain: str, command: str) -> bool:
    return LEVELS.get(risk_of(command)[0], 2) > LEVELS.get(risk_of(plain)[0], 2)


def with_flag(command: str, prefix: tuple[str, ...], option: str, value: str = "", *, joined: bool = False) -> str:
    """`command` with `option` right after its program (and subcommand): a letter joins the first
    flag cluster there, in front so a letter that takes a value stays last (`-m x` → `-am x`);
    anything else is its own word, and so is an option with its `value` (`-c 4`, `--depth=2` when `joined`)."""
    head = r"^(\s*(?:sudo\s+)?" + r"\s+".join(re.escape(word) for word in prefix) + r")(?=\s|$)"
    match = re.match(head, command)
    if match is None:
        return command
    end = match.end()
    rest = command[end:]
    cluster = re.match(r"\s+(" + SHORT.pattern + r")(?=\s|$)", rest)
    if value:
        return command[:end] + " " + option + ("=" if joined else " ") + value + command[end:]
    if cluster and not option.startswith("--") and prefix[0] not in WORD_OPTIONS:
        at = end + cluster.start(1) + 1
        return command[:at] + option[1:] + command[at:]
    return command[:end] + " " + option + command[end:]
