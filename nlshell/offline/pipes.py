"""The filters a request puts after a program's output: composed as a pipeline.

Examples show one job each, so "kernel messages about usb" finds `dmesg` and no example that also
keeps the lines about usb. The request's filter words (the `filter` lines of nlshell/data/words.tsv:
"about X", "but not X", "how many", "only the X") are read as stages: the request is answered as
usual, and when that answer does not do a stage already (`grep 'timeout' server.log` keeps the
lines saying timeout), the request without that stage's words is answered and the stage is put
after it: `dmesg | grep -i usb`, `grep 404 access.log | grep -v favicon`, `ls ~/Downloads | wc -l`,
`curl -s URL | jq -r .login`. Text filters over the one file a request names are `grep`s of it
(`grep -i timeout server.log | grep -v retry`). A stage follows only a command that is safe,
writes no file and has nothing left to fill in: a filter after a change is no filter. Words the
table reads as a flag's ("ignoring case", "without repeats") or that say how ("without unpacking
it") are no text to filter by.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from nlshell.offline.affixes import says_affix
from nlshell.offline.commands import programs, shell_words, writes_files
from nlshell.offline.intent import CHANGE, READ
from nlshell.offline.offered import OfflineAnswer
from nlshell.offline.phrases import says_how
from nlshell.offline.rank import OfflineHit
from nlshell.offline.rating import risk_of
from nlshell.offline.values import request_tokens
from nlshell.offline.vocabulary import WORD, canonical_words, replace_phrases, stem, vocabulary

MATCH, EXCLUDE, COUNT, FIELD = "match", "exclude", "count", "field"
GAP = 4  # words between a pattern's words before its `...` and those after, at most ("lines in access.log have 500")
_LEADING = frozenset({"the", "a", "an", "any", "all"})  # "except the deprecation warnings": the text is the next word
_FIELD_NOUNS = frozenset({"field", "key", "value", "property", "attribute", "part"})  # "just the version field"
_JSON_URL = re.compile(r"api|json", re.I)  # a URL that answers JSON, or a request that says it does
_URL = re.compile(r"^(?:https?://)\S+$", re.I)
_BLANK = re.compile(r"\^(?:\\s\*|\[\[:space:\]\]\*)?\$")  # a command's pattern for an empty line
_FILE = re.compile(r"^/(?:etc|var/log|proc)/\S|(?:^|/)[\w.-]*\w\.[a-z][a-z0-9]{0,4}$", re.I)  # a file by its name
_PLACES = frozenset({"in", "from", "of", "on", "under", "inside", "at", "and", "but"})  # where an open stage ends
_WC_UNITS = frozenset({"word", "byte", "char", "charact"})  # stems of what `wc` counts besides lines
_COUNTED = frozenset({"count", "number"})  # a description saying it counts ("Print the number of …")


@dataclass(frozen=True)
class Stage:
    """One filter the request asks for, said in its tokens `start` to `end`."""

    kind: str  # MATCH, EXCLUDE, COUNT or FIELD
    text: str  # the text looked for, the field's path, or the noun counted
    start: int
    end: int
    lines: tuple[str, ...] = ()  # for EXCLUDE: patterns of the kinds of line named (comments, blank lines)
    open: bool = False  # its words run on after the text ("except the deprecation warnings")

    def command(self) -> str:
        if self.kind == MATCH:
            return f"grep -i {shlex.quote(self.text)}"
        if self.kind == EXCLUDE and len(self.lines) == 1:
            return f"grep -v {shlex.quote(self.lines[0])}"
        if self.kind == EXCLUDE and self.lines:  # comments and blank lines
            return "grep -v " + " ".join(f"-e {shlex.quote(pattern)}" for pattern in self.lines)
        if self.kind == EXCLUDE:
            return f"grep -v {shlex.quote(self.text)}"
        if self.kind == COUNT:
            return "wc -l"
        return f"jq -r {shlex.quote(self.text)}"

    def done_by(self, command: str, said: frozenset[str]) -> bool:
        """Whether a command (whose example says the stems `said`) does this already."""
        low = command.lower()
        words = shell_words(command)
        if self.kind in (MATCH, EXCLUDE) and "{{" in command:
            return False  # `sed -n '/ERROR/,/{{end_pattern}}/p'` says the text, yet keeps other lines
        if self.kind == MATCH:
            return self.text.lower() in low or stem(self.text.lower()) in said
        if self.kind == EXCLUDE and self.lines:
            inverted = any(_inverts(word) for word in words) or programs(command)[:1] in (["sed"], ["awk"])
            return inverted and all(("#" in command) if "#" in p else bool(_BLANK.search(command)) for p in self.lines)
        if self.kind == EXCLUDE:
            return stem(self.text.lower()) in said or (self.text.lower() in low and any(_inverts(w) for w in words))
        if self.kind == COUNT:  # `wc -w` counts words, not the files asked about
            counts_lines = "wc" in programs(command) and any(w == "--lines" or re.fullmatch(r"-\w*l\w*", w) for w in words)
            if "wc" in programs(command):
                return counts_lines or stem(self.text.lower()) in _WC_UNITS
            return "-c" in words or "--count" in words or bool(_COUNTED & said)
        return "jq" in programs(command) or all(stem(w) in said for w in WORD.findall(self.text.lower()))


def _inverts(word: str) -> bool:
    return word == "--invert-match" or (word.startswith("-") and not word.startswith("--") and "v" in word)


@dataclass(frozen=True)
class Filters:
    """A request's tokens and the stages said in them."""

    tokens: tuple[str, ...]
    stages: tuple[Stage, ...]

    def without(self, stages: Sequence[Stage]) -> str:
        """The request without these stages' words; a count's words are what its "list" lists."""
        kept: list[str] = []
        for i, token in enumerate(self.tokens):
            stage = next((s for s in stages if s.start <= i < s.end), None)
            if stage is None:
                kept.append(token)
            elif stage.kind == COUNT and i == stage.start:
                kept.append("list")
        return re.sub(r"(?:\s+(?:but|and))+$", "", " ".join(kept).strip(" ,;")).strip(" ,;")  # "… but only the errors"

    @property
    def url(self) -> str:
        return next((t for t in self.tokens if _URL.match(t)), "")


def _key(token: str) -> str:
    """A token as the filter patterns say it: lower case, no punctuation ("don't" → "dont")."""
    return "".join(WORD.findall(token.lower()))


def _text(token: str) -> str:
    """A token as the text looked for: without quotes and the punctuation that ends a clause."""
    if len(token) >= 2 and token[0] == token[-1] and token[0] in "'\"":
        return token[1:-1]
    return token.rstrip(",;:?!.")


def read_filters(request: str) -> Filters | None:
    """The stages a request says, in its order; None when it says none."""
    tokens = tuple(request_tokens(request))
    keys = [_key(token) for token in tokens]
    found: list[Stage] = []
    i = 0
    while i < len(tokens):
        stage = _stage_at(tokens, keys, i)
        if stage is None:
            i += 1
            continue
        found.append(stage)
        i = stage.end
    if not found:
        return None
    ends = [s.start for s in found[1:]] + [len(tokens)]
    return Filters(tokens, tuple(replace(s, end=_run_on(keys, tokens, s.end, end)) if s.open else s
                                 for s, end in zip(found, ends)))


def _run_on(keys: list[str], tokens: Sequence[str], at: int, end: int) -> int:
    """Where an open stage's words end: at the next stage, a place ("in app.log") or a path."""
    while at < end and keys[at] not in _PLACES and not re.search(r"[/~]|\w\.\w", tokens[at]):
        at += 1
    return at


def _stage_at(tokens: Sequence[str], keys: list[str], i: int) -> Stage | None:
    table = vocabulary()
    for kind, patterns in table.filters.items():
        if kind not in (MATCH, EXCLUDE, COUNT, FIELD):
            continue  # `top` is read by nlshell/offline/top.py
        for pattern in sorted(patterns, key=len, reverse=True):
            star = pattern.index("*")
            before, after = pattern[:star], pattern[star + 1:]
            if "..." in before:  # "lines ... have *": what the words after the gap say is of those before it
                gap = before.index("...")
                lead, before = before[:gap], before[gap + 1:]
                if not _said_before(keys, i, lead):
                    continue
            if tuple(keys[i:i + len(before)]) != before or (i == 0 and kind != COUNT):
                continue  # a filter's words open no request ("about this computer"), a count's may
            if kind == MATCH and says_affix(keys, i - 1):
                continue  # "lines that start with ERROR": where the text sits (`^ERROR`, nlshell/offline/affixes.py)
            at = i + len(before)
            while at < len(tokens) and keys[at] in _LEADING and kind != COUNT:
                at += 1
            if at >= len(tokens) or not keys[at] or keys[at] in table.stop:
                continue
            if after and tuple(keys[at + 1:at + 1 + len(after)]) != after:
                continue
            if kind in (MATCH, EXCLUDE) and replace_phrases(list(keys[i:at + 2])) != list(keys[i:at + 2]):
                continue  # words the table reads as one ("ignoring case", "without repeats"): a flag's, no text
            stage = _stage(kind, tokens, keys, i, at, len(after))
            if stage is not None:
                return stage
    return None


def _said_before(keys: list[str], i: int, lead: tuple[str, ...]) -> bool:
    """Whether the words `lead` come, in order, at most GAP words before token `i`."""
    return any(tuple(keys[j:j + len(lead)]) == lead for j in range(max(0, i - GAP - len(lead)), i - len(lead) + 1))


def _stage(kind: str, tokens: Sequence[str], keys: list[str], start: int, at: int, closing: int) -> Stage | None:
    table = vocabulary()
    if kind == COUNT and len(keys[at]) > 1 and keys[at] in table.sizes:
        return None  # "how many MB is node_modules" asks a size: nothing is counted
    if kind == COUNT:
        return Stage(COUNT, keys[at], start, at)  # its words are replaced; what is counted stays
    if kind == FIELD and (picked := _lines_picked(tokens, keys, at)):
        return Stage(MATCH, picked[0], start, picked[1])  # "but only the ERROR lines": lines, no JSON field
    if kind == FIELD:
        words = [_text(t) for t, k in zip(tokens[at:], keys[at:]) if k not in _FIELD_NOUNS and k not in table.stop]
        path = "." + ".".join(w for w in words if re.fullmatch(r"[\w.-]+", w))
        return Stage(FIELD, path, start, len(tokens)) if path != "." else None
    text = _text(tokens[at])
    if not text or (kind == MATCH and ("/" in text or _FILE.search(text) or keys[at] in _LISTED)):
        return None  # "about /etc/passwd", "about nginx.conf" name a file, not a text; "the matching pids" what is listed
    end = at + 1 + closing
    if kind == EXCLUDE:
        lines = tuple(dict.fromkeys(table.unwanted[k] for k in keys[at:] if k in table.unwanted))
        if keys[at] in table.unwanted:
            return Stage(EXCLUDE, text, start, len(tokens), lines)
        if says_how(keys[at], keys[at + 1] if at + 1 < len(keys) else ""):
            return None  # "without unpacking it": how to do it, not a text to leave out
    return Stage(kind, text, start, end, open=not closing)


_LINE_NOUNS = frozenset({"line", "lines", "entries", "entry", "messages", "rows"})
# What a listing lists: "list the matching pids", "show the matching files" look for no text "pids".
_LISTED = _LINE_NOUNS | frozenset("pid pids process processes file files one ones result results item items".split())
# Words that name lines by their level, said alone ("just the errors"): what they say is the text.
_LEVELS = {"errors": "error", "warnings": "warn", "failures": "fail", "exceptions": "exception", "tracebacks": "traceback"}


def _lines_picked(tokens: Sequence[str], keys: list[str], at: int) -> tuple[str, int] | None:
    """(the text, where its words end) when "only the …" picks lines: one word before a word for
    lines ("only the ERROR lines", "just 500 entries"), or a level's name ("just the errors")."""
    if at + 1 < len(keys) and keys[at + 1] in _LINE_NOUNS and keys[at] not in vocabulary().stop:
        return _text(tokens[at]), at + 2
    if keys[at] in _LEVELS and (at + 1 == len(keys) or keys[at + 1] in _PLACES):
        return _LEVELS[keys[at]], at + 1
    return None


def piped(request: str, answer: Callable[[str], list[OfflineAnswer]]) -> list[OfflineAnswer]:
    """The answers to `request` (from `answer`, which raises when there is none), with the stages
    it asks for and the first answer does not do put after the answers to the rest of it."""
    filters = read_filters(request)
    try:
        full = answer(request)
    except Exception:  # nothing answers it whole: a filter over a named file is a `grep` still
        made = _grepped(filters) if filters else []
        if not made:
            raise
        return made
    if not filters or not full:
        return full
    hit = full[0].hit
    said = frozenset(stem(w) for w in canonical_words(f"{hit.description} {hit.summary}"))
    undone = [stage for stage in filters.stages if not stage.done_by(hit.command, said)]
    if not undone:
        return full
    if any(stage.kind == FIELD for stage in undone):
        return _fetched(filters, undone, full)
    if full[0].intent == CHANGE and not _takes_stages(hit.command):
        return full  # a filter after a change is no filter: "stop every container except web"
    try:
        base = answer(filters.without(undone))
    except Exception:  # nothing answers the rest: the request's own answer stands
        base = []
    if base and _tails(base[0].hit.command) and _takes_stages(base[0].hit.command):
        return [base[0].saying(_joined(base[0].command, undone))]  # "watch app.log live but only the ERROR lines"
    if any(stage.kind in (MATCH, EXCLUDE) for stage in undone) and (made := _grepped(filters, full)):
        return made
    if not base:
        return full
    made = [one.saying(_joined(one.command, undone)) for one in base
            if _takes_stages(one.hit.command) and _lists_counted(one.hit, undone)]
    return made or full


def _tails(command: str) -> bool:
    """Whether the command shows a file's end or follows it (`tail -f app.log`): its lines go
    through the filter as they come, where a `grep` of the whole file would show the old ones."""
    return programs(command)[:1] == ["tail"]


def _lists_counted(hit: OfflineHit, stages: Sequence[Stage]) -> bool:
    """Whether the example lists what a count stage counts: "how many processors" is no count of
    the lines a battery's capacity file shows."""
    said = {stem(w) for w in canonical_words(f"{hit.description} {hit.summary} {hit.command}")}
    return all(stem(canonical_words(stage.text)[0] if canonical_words(stage.text) else stage.text) in said
               for stage in stages if stage.kind == COUNT)


def _grepped(filters: Filters, full: list[OfflineAnswer] | None = None) -> list[OfflineAnswer]:
    """The lines of the one file the request names that its text stages keep: `grep -i 404 access.log
    | grep -v favicon`. The first answer (or, when there is none, a plain `grep`) is what it replaces."""
    files = [_text(token) for token in filters.tokens if _FILE.search(_text(token)) and not _URL.match(token)]
    stages = [stage for stage in filters.stages if stage.kind in (MATCH, EXCLUDE)]
    if len(set(files)) != 1 or not stages:
        return []
    stages += [stage for stage in filters.stages if stage.kind == COUNT][:1]  # "how many lines … have 500"
    command = _joined(f"cat {shlex.quote(files[0])}", stages)
    if full:
        return [full[0].saying(command)] + full[1:]
    hit = OfflineHit(command, "Lines of a file that say a text", "nlshell", "grep", 1.0, "grep")
    return [OfflineAnswer(hit, READ, "safe")]


def _fetched(filters: Filters, undone: list[Stage], full: list[OfflineAnswer]) -> list[OfflineAnswer]:
    """A field of a JSON reply: the URL fetched quietly and the field picked."""
    url = filters.url
    if not url or not (_JSON_URL.search(url) or "json" in (k.lower() for k in filters.tokens)):
        return full
    field = next(stage for stage in undone if stage.kind == FIELD)
    command = f"curl -s {shlex.quote(url)} | {field.command()}"
    return [full[0].saying(command)] + full[1:]


def _takes_stages(command: str) -> bool:
    """A command whose output a filter may follow: safe, writing nothing, nothing left to fill in."""
    return "{{" not in command and not writes_files(command) and risk_of(command)[0] == "safe"


def _joined(command: str, stages: Sequence[Stage]) -> str:
    """The command with the stages after it; `cat FILE` and a first line filter make one `grep`."""
    words = shell_words(command)
    first = stages[0]
    if len(words) == 2 and words[0] == "cat" and first.kind in (MATCH, EXCLUDE) and "|" not in command:
        command = f"{first.command()} {shlex.quote(words[1])}"
        stages = stages[1:]
    return " | ".join([command, *(stage.command() for stage in stages)])
