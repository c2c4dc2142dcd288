"""Asides: what a request says about itself, or why, asks for nothing. "nuke the .venv directory,
i'll recreate it", "get rid of the cache folder because it's huge", "is redis up or did it
crash", "stop that train.py script i started earlier".

Left in, an aside's words are search words like any other and can outweigh the request ("recreate"
finds `tail -F`, "crash" a log page). Each clause that opens with an aside of the word table
(`aside`, `state` and `reason` lines) is left out, up to the next clause break, before anything
reads the request; one said anywhere ("the script i started") takes only the words of when along.
"it's" comments only before a word of the `state` lines: "it's outdated" says nothing of the job,
"it's comma separated" does. A clause that states a value (a path, a file name, a number) stays: "delete old.log, it's
in /var/log" says where. A first clause that only says a thing's state, before one acting on "it"
("journal is huge, shrink it to 500M"), is that action on the thing.
"""

from __future__ import annotations

import re

from nlshell.offline.vocabulary import vocabulary

COMMA, ANYWHERE, STATE, START = ",", "-", "state", "^"
_FILLERS = frozenset({"too", "so", "really", "pretty", "way", "kinda", "all", "just", "not", "no", "longer", "totally"})
_TOKEN = re.compile(r"[\w'’./~-]+|[,;:()—?]|\s-\s")
_PUNCTUATION = frozenset({",", ";", ":", "(", ")", "—", "-", "?"})  # "node_modules size? feels like gigabytes"
_ENDS = frozenset({",", ";", ":", ")", "—", "-", "?", "and", "then", "but", "so"})  # where an aside stops
_NEGATIONS = frozenset({"don", "not", "no", "never"})  # "i don't need it" comments
VALUE = re.compile(r"[/~\d]|\w\.\w")  # a path, a number, a file name


_STATED = re.compile(
    r"^(?:the |my |our |this )?(?P<subject>[\w./~-]+(?: [\w./~-]+){0,2}?) (?:is|are|got|seems|looks)"
    r"(?: (?:so|too|really|way|kinda|pretty|totally)){0,2} (?P<state>[a-z]+)\s*,\s*(?P<verb>[a-z]+) (?:it|them|(?:that|this|those|these) (?P<noun>[a-z]+(?: [a-z]+)?))\b(?P<rest>.*)$",
    re.IGNORECASE,
)


def restated(request: str) -> str:
    """"journal is huge, shrink it to 500M" is "shrink the journal to 500M": a first clause that only
    says what state a thing is in, and a second that acts on "it", ask to act on the thing. Left as
    said, the state and the subject sit apart and the first clause reads as a look. A hung thing
    stays hung ("firefox is frozen, kill it" kills the frozen firefox, with -9). "that" with a noun is
    "it" said with its kind ("spike-cache is merged, delete that local branch": the local branch spike-cache)."""
    table = vocabulary()
    match = _STATED.match(request.strip())
    if not match or not (match["noun"] or match["state"].lower() in table.states):
        return request  # "that branch" names its kind, whatever the state: "X is merged, delete that branch"
    verb = match["verb"].lower()
    if verb in table.stop or verb in table.around.get("naming_verbs", frozenset()):
        return request
    hung = match["state"] if match["state"].lower() in table.around.get("stuck", frozenset()) else ""
    return " ".join(filter(None, (match["verb"], "the", hung, match["noun"], match["subject"]))) + match["rest"]


def without_asides(request: str) -> str:
    """The request without its asides; unchanged when it has none (or when nothing would be left)."""
    request = restated(request)
    words = _words(request)
    cuts: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        end = _aside_end(words, i)
        if end is None:
            i += 1
            continue
        if not any(VALUE.search(request[start:stop]) for _, start, stop in words[i:end]):
            if end == len(words):
                stop = len(request)
            elif words[end][0] == ")":
                stop = words[end][2]
            else:
                stop = words[end][1]
            cuts.append((words[i][1], stop))
        i = max(end, i + 1)
    if not cuts:
        return request
    kept, last = [], 0
    for start, stop in cuts:
        kept.append(request[last:start])
        last = stop
    kept.append(request[last:])
    plain = re.sub(r"\s+([,;:.?!])(?=\s|$)", r"\1", " ".join("".join(kept).split())).strip(" ,;:-—")
    return plain if re.search(r"\w", plain) else request


def _words(request: str) -> list[tuple[str, int, int]]:
    """(lower-case word or punctuation, start, end); "i'll" is the two words "i" and "ll"."""
    found: list[tuple[str, int, int]] = []
    for match in _TOKEN.finditer(request):
        text = match.group().strip().lower().replace("’", "'")
        if text in _PUNCTUATION:
            found.append((text, match.start(), match.end()))
            continue
        for part in filter(None, text.rstrip(".").split("'")):
            found.append((part, match.start(), match.end()))
    return found


def _aside_end(words: list[tuple[str, int, int]], i: int) -> int | None:
    """Where the aside that starts at word `i` ends (the index of the word after it), or None."""
    table = vocabulary()
    word = words[i][0]
    said = [w for w, _, _ in words]
    if i == 0:  # "done copying, unmount /mnt/backup": only a first clause that ends before the request
        for opening in table.asides.get(START, ()):
            if tuple(said[: len(opening)]) == opening:
                end = _clause_end(said, len(opening))
                return end if end < len(said) and said[end] in _PUNCTUATION else None
        if word == "before" and _step_to_come(said, 1):  # not "before I run ufw enable, …": it says what of
            end = _clause_end(said, 2)  # "before rebooting, which kernel will grub boot?"
            return end if end < len(said) and said[end] in _PUNCTUATION else None
        return None
    if word == "before" and _step_to_come(said, i + 1) and _WAITING.isdisjoint(said[:i]):
        return _clause_end(said, i + 1)  # "verify the nginx config before reloading": the reload comes later
    if word in table.reasons:
        return _clause_end(said, i + 1)
    lead = COMMA if word in _PUNCTUATION - {")"} else word
    for opening in table.asides.get(lead, ()):
        if tuple(said[i + 1 : i + 1 + len(opening)]) == opening:
            if (said[i + 1 + len(opening) : i + 2 + len(opening)] in (["need"], ["want"]) and _NEGATIONS.isdisjoint(opening)
                    and (table.read_verbs | table.change_verbs).isdisjoint(set(said[:i]) - table.stop)):
                return None  # "users.json is an array, I just need the ids": after a mere statement, the wish is the request
            return _clause_end(said, i + 1 + len(opening))
    if lead == COMMA:
        for opening in table.asides.get(STATE, ()):  # "it's outdated", not "it's comma separated"
            after = i + 1 + len(opening)
            while after < len(said) and said[after] in _FILLERS:
                after += 1
            if tuple(said[i + 1 : i + 1 + len(opening)]) == opening and after < len(said) and said[after] in table.states:
                return _clause_end(said, after + 1)
    for opening in table.asides.get(ANYWHERE, ()):
        if tuple(said[i : i + len(opening)]) == opening:
            end = i + len(opening)
            while end < len(said) and said[end] in table.past:  # "earlier", "last week"; not "in my history"
                end += 1
            return end
    return None


_WAITING = frozenset({"wait", "sleep", "pause", "delay"})  # "wait 10 seconds before restarting it": the restart is asked


def _step_to_come(said: list[str], i: int) -> bool:
    """Whether word i is a change said in its -ing form ("reloading", "rebooting"): a step to come."""
    from nlshell.offline.intent import inflected_change

    word = said[i] if i < len(said) else ""
    return word.endswith("ing") and bool(inflected_change(word))


def _clause_end(said: list[str], i: int) -> int:
    while i < len(said) and said[i] not in _ENDS:
        i += 1
    return i
