"""What a request asks for: only to look (show, list, print, count, find, check), or to change
something (delete, kill, stop, overwrite, move …). Read from the verbs that start its clauses,
after any politeness ("please", "how do I"); the verbs are listed in nlshell/data/words.tsv.

A request that only looks must never be answered with a command that changes things.
"""

from __future__ import annotations

import functools
import re

from nlshell.offline.idioms import particle_back
from nlshell.offline.vocabulary import WORD, replace_phrases, stem, vocabulary

READ = "read"
CHANGE = "change"
UNKNOWN = ""


_SNAKE = re.compile(r"(?<=[a-z0-9])[_.](?=[a-z0-9])")
# "with drop-ins", "the add-ons", "plug-in": a noun made of a verb and a particle, no verb of a clause
_COMPOUND = re.compile(r"(?<=[a-z])-(?=(?:ins|ons|outs|ups)\b)|\b(?<=drop|plug)-(?=in\b)|\b(?<=add)-(?=on\b)")


def _clauses(request: str) -> list[list[str]]:
    """The request's clauses ("find the logs and delete them" → two), as spelled-right words,
    the table's phrases replaced ("get rid of" → remove)."""
    table = vocabulary()
    clauses: list[list[str]] = [[]]
    request = particle_back(request)  # "take the compose stack down": take down, a stop
    # "missing .so? check …", "on my mac: upgrade all brew packages": two ("pip: what can i upgrade" is one)
    head, colon, rest = request.lower().partition(": ")
    said = f"{head}, {rest}" if colon and len(head.split()) > 1 else request.lower()
    for part in re.sub(r"\?+(?:\s|$)", ",", said).replace(";", ",").replace(" - ", ",").split(","):  # "… - show them"
        part = _COMPOUND.sub("", _SNAKE.sub("", part))  # "new_site", "notes.txt" are one name, never "new" and "site", nor "open notes"
        for word in replace_phrases([table.spelling.get(word, word) for word in WORD.findall(part)]):
            clause = clauses[-1]
            if word == "and" and "between" in clause and "and" not in clause[clause.index("between") :]:
                clause.append(word)  # "between old_site and new_site" joins two names, no second clause
            elif word in table.clause_breaks:
                clauses.append([])
            else:
                clauses[-1].append(word)
        clauses.append([])
    return [c for c in (_without_newcomer(c) for c in clauses) if c]


def _without_newcomer(clause: list[str]) -> list[str]:
    """The clause without the person saying they are new ("new to linux how do i see my disks",
    "new here"): nothing to create, the question follows."""
    if len(clause) > 1 and clause[0] in _NEW and clause[1] in _NEW_AS_PERSON:
        return clause[2:] if clause[1] == "here" else clause[3:]
    return clause


def as_verb(word: str) -> str:
    """A casual verb as the verb it counts as ("nuke" → remove, "peek" → show, "whats" → what);
    any other word as it is ("dedupe" is a verb, its canonical `duplicate` none)."""
    canonical = vocabulary().same.get(word, word)
    return canonical if is_verb(canonical) else word


def _verb(clause: list[str]) -> str:
    words = list(clause)
    changed = True
    while changed and words:
        changed = False
        for opening in vocabulary().openings:
            if tuple(words[: len(opening)]) == opening:
                words = words[len(opening) :]
                changed = True
    if len(words) > 1 and words[0] in _NEW and not _plural(words[1]):
        return "create"  # "new ed25519 key, comment it with …", "fresh venv in .venv": one thing to make
    if len(words) > 1 and words[0].endswith("ing") and _plural(words[1]) and len(words) < 4:
        return "show"  # "running containers?", "listening ports": things named by what they do, a look
    if _describes(words) or _modified_attribute(words):
        return "show"  # "empty folders here", "open ports": things named, so a look
    if len(words) > 2 and words[0].isdigit() and _plural(words[1]) and words[2] in _RELATING and not is_verb(as_verb(words[1])):
        return "show"  # "3 lines before each Exception in app.log": so many things named, a look
    if words[:1] == ["any"] and _describes(words[1:]):
        return "show"  # "any empty files in src?": asks whether there are such things
    if _has_done(words):
        return ""  # "have postgresql come up on boot": what is to be done, by a verb no list says
    if len(words) > 2 and words[0] in _ABLE and words[1] not in _NOT_ABLE:
        return "check"  # "can the group write to shared/?", "could www-data read it": whether, a look
    verbs = [as_verb(word) for word in words[:2]]
    if len(verbs) > 1 and not is_verb(verbs[0]) and is_verb(verbs[1]) and not (
        words[1] in _BEING and words[2:3] and words[2].endswith("ed")  # "index.html is messed up": how it is
    ):
        return verbs[1]  # a program first: "pip install requests", "docker run nginx"
    if _TO_BE.search(" ".join(words)):
        return "make"  # "deploy.sh needs to be executable": a state to bring about
    return verbs[0] if verbs else ""


_RELATING = frozenset({"before", "after", "around", "of", "in", "from", "with", "containing", "that", "which"})  # "3 lines before …"
_BEING = frozenset("is are was were be been being has have had looks look seems seem keeps keep".split())
# "x needs to be executable", "www-data needs to own /var/www/html": a state to bring about
_TO_BE = re.compile(r"^(?!(?:who|what|which|where|why|how|whats)\b)[\w.-]+(?: [\w.-]+)? (?:(?:needs?|has|have|ought|got) to|should|must) (?:be \w+|own\b)")
_ABLE = frozenset({"can", "could"})
_NOT_ABLE = frozenset({"t", "not", "you", "u"})  # "can't save it", "can you …" (an opening) ask for a way
_NEW_AS_PERSON = frozenset({"to", "at", "here", "with"})  # "new to linux: how do i see my disks": the person is new, nothing made
_NEW = frozenset({"new", "fresh"})  # "new files in ~/Downloads" are things to see: a plural is no order


def _describes(words: list[str]) -> bool:
    """The clause opens with a word that is a verb and an adjective ("empty", "open") or a change's
    past participle ("installed", "deleted", "stopped") before a plural noun, or with a plural noun
    before an -ing form: it names things to see ("empty directories under projects", "deleted files
    still held open"), it orders no change. Read this way, the worst case of a misreading is a look
    offered for a change, never the reverse."""
    if _participle_after_noun(words):
        return True
    if not (len(words) > 1 and _plural(words[1])):
        return False
    return words[0] in vocabulary().around.get("adjective_verbs", frozenset()) or (
        words[0].endswith("ed") and bool(inflected_change(words[0]))
    )


def _modified_attribute(words: list[str]) -> bool:
    """"uncompressed size of logs.tar.gz?", "compressed size of x": a participle that says which of a
    thing's attributes, then the attribute and "of": the attribute is asked about, nothing is done."""
    attributes = vocabulary().around.get("attribute", frozenset())
    return (len(words) > 3 and words[0].endswith("ed") and words[1] in attributes
            and words[2] in ("of", "on", "for") and bool(inflected_change(words[0])))


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss")


_WHEN_ADVERBS = frozenset({"already", "recently", "lately", "just", "still", "ever"})


def _participle_after_noun(words: list[str]) -> bool:
    """A plural noun, maybe after a name, then a verb's -ing form or a change's participle ("files
    starting with log", "redis keys starting with session:", "processes using port 80", "files changed
    in the last commit"): which things, no order to start any; an adverb between says when ("branches
    already merged into main")."""
    words = [word for word in words if word not in _WHEN_ADVERBS]
    for k in (1, 2):
        shaped = words[k].endswith("ing") or (words[k].endswith("ed") and bool(inflected_change(words[k]))) if k < len(words) else False
        if shaped and _plural(words[k - 1]) and not any(
            is_verb(as_verb(word)) for word in words[: k - 1]
        ) and not is_verb(as_verb(words[k - 1])):
            return True  # "files changed in the last commit", "containers stopped today": which ones
    return False


def _has_done(words: list[str]) -> bool:
    """The clause has a thing do something ("have postgresql come up on boot"): a causative verb
    before a name, not before a subject as a question puts it ("have i got ffmpeg")."""
    around = vocabulary().around
    return len(words) > 2 and words[0] in around.get("causatives", frozenset()) \
        and words[1] not in around.get("subjects", frozenset()) and "been" not in words  # "have the logs been rotated"


def is_verb(word: str) -> bool:
    table = vocabulary()
    return word in table.read_verbs or word in table.change_verbs


def _to_screen(clause: list[str]) -> bool:
    """The clause writes "on the terminal", "to the screen", "to stdout": it only shows
    (but "kill the screen session" is about the program `screen`)."""
    words = [word for word in clause if word != "the"]
    return any(before in ("on", "to") and word in vocabulary().screen for before, word in zip(words, words[1:]))


_TAKEN_OFF = frozenset({"from", "off"})
_WEB = frozenset({"http", "https", "ftp"})  # a URL's scheme, as the clause's words split it


def _wished(clause: list[str]) -> str:
    """The change a clause wishes for by the state it names last: "i need data.csv.gz
    uncompressed" → decompress, "i want the logs deleted" → delete; "" for any other clause."""
    table = vocabulary()
    if len(clause) < 3 or not any(tuple(clause[: len(wish)]) == wish for wish in table.wishes):
        return ""
    if any(word in _TAKEN_OFF and following in _WEB for word, following in zip(clause, clause[1:])):
        return "download"  # "need data.zip off https://example.com/data.zip on this box": a thing from the web
    last = clause[-1]
    if last in table.change_verbs:
        return last  # "need the optimized rust build", "i want a backup": the thing a change makes
    if not last.endswith("ed"):
        return ""
    return inflected_change(last)  # "uncompressed", "deleted", "installed", "zipped"


# Nouns a verb before them makes a name of, in a clause of those two words alone: "images,
# volumes, build cache" lists what takes space, it builds nothing.
_COMPOUND_HEADS = frozenset("cache caches log logs output artifacts artifact dir directory folder server step steps".split())


def clause_verbs(request: str) -> list[str]:
    """The verb each clause opens with, canonical ("delete the container" → remove), or the
    clause's first word when it opens with none."""
    verbs = []
    for clause in _clauses(request):
        if len(clause) == 2 and clause[1] in _COMPOUND_HEADS:
            verbs.append(clause[0] + " " + clause[1])  # a name, no verb
            continue
        verb = "show" if _to_screen(clause) else _verb(clause)
        verbs.append(verb if is_verb(verb) else _wished(clause) or verb)
    return verbs


def intent(request: str) -> str:
    """READ when the request only looks, CHANGE when any of its clauses changes something,
    UNKNOWN when its verbs say neither."""
    table = vocabulary()
    if _REHEARSED.search(request):
        return READ  # "dry run: what would rsync copy …": a rehearsal changes nothing
    keys = bool(_SETTING_KEY.search(request))  # "Restart= and RestartSec= of worker.service": settings to see
    request = _SETTING_KEY.sub(" ", _PARTICIPLE_SET.sub(r"\1 \2", request))  # … no verb; "capabilities set on x"
    ruled_out = negated_verbs(request)  # "what's inside logs.zip, dont extract it": no extraction asked
    verbs = [verb for verb in clause_verbs(request) if verb not in ruled_out]
    if _new_thing_told(request, verbs) or _doing_told(request, verbs):
        verbs = verbs[1:]  # "new repo, what make targets are there": where the person is, then the question
    openers = table.around.get("change_openers", frozenset())  # "backup the db": a change, yet "host backup" a name
    if any(verb in table.change_verbs or verb in openers for verb in verbs):
        return CHANGE
    if verbs and (verbs[0] in table.read_verbs or _later_look(request, verbs)):
        return READ
    if any(verb in table.read_verbs and is_verb(verb) and verb not in _BEING | _AUXILIARIES | _ASKING for verb in verbs) and all(
        verb in table.read_verbs or not is_verb(verb) for verb in verbs
    ):
        return READ  # "chattr flags on audit.log - show them, don't clear": the one verb said looks
    if _attribute_named(request) or _asked(request, verbs) or _which_thing_asked(request) or _listed_with_attribute(request, verbs):
        return READ
    if _becomes_format(request):
        return CHANGE
    if verbs and not any(is_verb(verb) for verb in verbs) and (_HAD.search(request) or keys):
        return READ  # "ciphers my ssh client supports": what a thing has, named with no verb of the person's
    return UNKNOWN


_HAD = re.compile(r"^\s*[\w.-]+\s+(?:my|the|this|our)\s+(?:[\w.-]+\s+){0,3}(?:supports|has|uses|offers|accepts|knows)\s*\??\s*$", re.IGNORECASE)
# A unit's settings, no verb: "Restart= and RestartSec=", "the ExecStart and Restart properties".
_ASSIGNED_KEY = r"\b[A-Za-z]\w*=(?=\s|,|$)"
_NAMED_KEY = r"\b[A-Z][a-z]+[A-Z]?\w*(?=(?:,?\s+(?:and\s+)?[A-Z][a-z]+[A-Z]?\w*)*,?\s+(?:propert(?:y|ies)|settings?|fields?)\b)"
_SETTING_KEY = re.compile(f"{_ASSIGNED_KEY}|{_NAMED_KEY}")
_PARTICIPLE_SET = re.compile(r"\b(\w+s)\s+set\s+(on|for|in)\b", re.IGNORECASE)  # "capabilities set on", as they are


def _doing_told(request: str, verbs: list[str]) -> bool:
    """"cleaning up /usr/local, are there any dead symlinks in there?": what the person is busy
    with (a clause opening with a verb's -ing form), then the question asked."""
    first = WORD.findall(request.lower())[:1]
    return len(verbs) > 1 and bool(first) and first[0].endswith("ing") and request.rstrip().endswith("?")


_AUXILIARIES = frozenset({"will", "would", "does", "did", "do", "is", "are", "was", "can"})
_LIGHT_VERBS = frozenset("take get give grab make have put set keep let bring drop turn do".split())
_ASKING = frozenset({"what", "whats", "which", "how", "who", "where", "why", "when"})  # a question's word, no verb of its own
# A rehearsal: "dry run", "dry-run", "what would rsync delete", "show what apt would upgrade".
_REHEARSED = re.compile(r"\bdry[\s-]?run\b|\bsimulat(?:e|ed|ion)\b|\bwhat\s+(?:\S+\s+){0,3}would\s+(?:\S+\s+)?(?:do|copy|delete|remove|change|"
                        r"install|upgrade|sync|transfer|send|touch|overwrite|clean)\b"
                        # "would unzip clobber anything?": what a program would do, asked before it runs
                        r"|^\s*(?:would|will|does|could|can)\s+(?!you\b|u\b|i\b|we\b)\S+\s+(?:clobber|overwrite|delete|remove|"
                        r"change|touch|break|wipe|replace|erase|kill)\b[^?]*\?", re.IGNORECASE)


def _which_thing_asked(request: str) -> bool:
    """"what command will at job 12 run", "which branch does the build use": what/which, a noun,
    then an auxiliary asks about the thing (no change said; those are read first)."""
    words = WORD.findall(request.lower())
    return len(words) > 3 and words[0] in ("what", "which") and words[2] in _AUXILIARIES


def _new_thing_told(request: str, verbs: list[str]) -> bool:
    """"new repo, what make targets are there", "fresh laptop, which python do i have": a thing said
    new in two words, then a question: the first clause says where the person is, it makes nothing."""
    if len(verbs) < 2 or verbs[0] != "create" or verbs[1] not in vocabulary().read_verbs:
        return False  # most requests: their clauses are not read again
    first = _clauses(request)[0]
    return len(first) == 2 and first[0] in _NEW


_WAYS = frozenset({"should", "can", "could", "fix", "to", "would"})
_DOING = frozenset({"do", "does"})  # "what do i do", "how do i …" ask a way; "which groups does bob have" asks to see


def _later_look(request: str, verbs: list[str]) -> bool:
    """"users keep uploading stuff, how many files are in uploads/ now": the first clause only says
    what happens (its first word no verb), a later one asks to see; one asking what to do ("…, what
    do i do", "…, how can i fix it") asks for a way, no look."""
    if is_verb(verbs[0]):
        return False
    for clause, verb in zip(_clauses(request)[1:], verbs[1:]):
        if clause and clause[0] == verb and verb in vocabulary().read_verbs and not _asks_a_way(clause):
            return True  # a clause that opens with its question ("how many …"), not "something is stuck on it"
    return False


def _asks_a_way(clause: list[str]) -> bool:
    """"…, what do i do", "…, how do i fix it", "…, how can i stop it": a clause asking what to do;
    "do" or "does" alone is the question's own ("which groups does my user have")."""
    return bool(_WAYS.intersection(clause)) or clause[-1] in _DOING or (clause[0] == "how" and clause[1:2] and clause[1] in _DOING)


_ARTICLES = frozenset({"the", "a", "an", "its", "my", "their"})
_TARGETS = frozenset({"to", "as", "into", "onto"})


def _attribute_named(request: str) -> bool:
    """"permissions of /etc/shadow", "the owner of /var/www", "size of /var/log": a thing's attribute
    named with no verb (the word table's `attribute` words) asks to see it, as a search box would;
    one said with a target ("owner of www to nginx") may set it."""
    attributes = vocabulary().around.get("attribute", frozenset())
    clauses = _clauses(request)  # the table's phrases said as one ("restart policy")
    words = [w for w in (clauses[0] if clauses else []) if w not in _ARTICLES] + [
        w for clause in clauses[1:] for w in clause if w not in _ARTICLES]
    i = 0
    if len(words) > 2 and words[1] in attributes and words[0] not in attributes and not is_verb(words[0]) and (
        words[0] not in _LIGHT_VERBS  # "take ownership of a folder": a chown
    ):
        i = 1  # "frame rate of drone.mp4", "audio tracks in concert.mkv", "Host entries in my ssh config"
    while i + 2 < len(words) and words[i] in attributes and words[i + 1] in ("and", "or"):
        i += 2  # "cpu and mem of the api container": attributes named together
    while i + 2 < len(words) and words[i] in attributes and words[i + 1] in attributes:
        i += 1  # "colour space of print.tif"
    return (
        len(words) > i + 2 and words[i] in attributes and words[i + 1] in ("of", "on", "for", "in")
        and not _TARGETS.intersection(words[i + 2 :])
    )


_WITH_ATTRIBUTE = re.compile(r"\b(?:and|with)\s+(?:their|its|the)\s+([\w-]+)\s*\??\s*$", re.IGNORECASE)


def _listed_with_attribute(request: str, verbs: list[str]) -> bool:
    """"scripts in /etc/cron.hourly and their permissions", "files in /var/www with their owners":
    things named with no verb, and an attribute of theirs to see (the word table's `attribute` words)."""
    match = _WITH_ATTRIBUTE.search(request)
    return bool(match) and match.group(1).lower() in vocabulary().around.get("attribute", frozenset()) and not any(
        is_verb(verb) for verb in verbs)


_BECOMING_FORMAT = re.compile(r"(?:\bto|\binto|\bas|->)\s*(?:an?\s+)?\.?([a-z0-9]+)(?![\w/]|\.\w)")


def _becomes_format(request: str) -> bool:
    """"screen.mov to mp4 pls", "all the pngs -> jpg": with no verb, a thing said to become a file
    format is a conversion (the word table's file types and archives say which words are formats)."""
    return any(m.group(1) in _formats() for m in _BECOMING_FORMAT.finditer(request.lower()))


@functools.cache
def _formats() -> frozenset[str]:
    """The words that name a file format (nlshell/offline/converted.py), archives' too."""
    from nlshell.offline.converted import formats
    from nlshell.offline.formats import ARCHIVES

    return formats() | ARCHIVES


def _asked(request: str, verbs: list[str]) -> bool:
    """"all the zombie processes?", "any dangling images lying around": a question, or a request
    opening with "any", with no word of change anywhere in it ("any way to delete old logs" is none)
    asks to see."""
    if not (request.rstrip().endswith("?") or verbs[:1] == ["any"]):
        return False
    ruled_out = negated_verbs(request)  # "volumes not attached to any container - which ones?"
    return not any((verb := inflected_change(word)) and verb not in ruled_out for word in WORD.findall(request.lower()))


# "t": the end of "don't", "doesn't"; "dont", "doesnt": the same typed without the apostrophe
_NEGATORS = frozenset(
    {"without", "not", "t", "never", "no", "avoid", "dont", "doesnt", "didnt", "shouldnt", "wont", "cant"}
)


def negated_verbs(request: str) -> frozenset[str]:
    """The changes a request rules out ("empty debug.log without deleting it", "don't overwrite
    anything"), canonical: an answer that does one of them is no answer to it."""
    words = WORD.findall(request.lower())
    ruled_out = set()
    for before, word in zip(words, words[1:]):
        if before in _NEGATORS:
            verb = inflected_change(word)
            if verb:
                ruled_out.add(verb)
    clauses = _clauses(request)
    looks = vocabulary().read_verbs - _BEING - _AUXILIARIES  # "which ones?" asks to see: a look beside the later step
    for clause in clauses:  # "delete the rule later, first show it": a later step, not this one
        if _LATER.intersection(clause) and any(looks.intersection(other) for other in clauses if other is not clause):
            ruled_out.update(verb for word in clause if (verb := inflected_change(word)))
    return frozenset(ruled_out)


_LATER = frozenset({"later", "afterwards"})  # a step said for after this one, beside a look asked now


def destroys(request: str) -> bool:
    """Whether any clause asks to remove, wipe, kill … (the table's `destructive` verbs): an answer
    that destroys is offered only to a request that asks for it ("start nightly_sync.sh" got `rm`)."""
    destructive = vocabulary().around.get("destructive", frozenset())
    return any(word in destructive or inflected_change(word) in destructive for clause in _clauses(request) for word in clause)


def inflected_change(word: str) -> str:
    """The change verb a form of it stands for, or "": the word itself ("uncompressed" is a word of
    the table), or it without its ending ("deleted" loses a d, "installed" an ed, "deleting" ing or
    its e, "kills" an s), or its stem ("zipped")."""
    changing = vocabulary().change_verbs
    if word.endswith("ly") and word not in changing:
        return ""  # "does fix.patch apply cleanly": how, no cleaning
    for form in (word, word[:-3], word[:-3] + "e", word[:-1], word[:-2], stem(word)):
        verb = as_verb(form) if form else ""
        if verb in changing:
            return verb
    return ""
