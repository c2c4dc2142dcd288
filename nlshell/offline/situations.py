"""A situation told before the request: "laptop disk almost full, whats the biggest stuff in
~/Downloads", "fans going crazy, which process is eating the cpu", "journal is huge, trim it to 500M".

The first clause says what is going on, the next one asks. Left in, the situation's words are
search words like any other and can outweigh the request ("disk almost full" finds `df`, not the
biggest files). A first clause that opens with no verb of the word table (the thing it is about,
then how it is) before a clause that opens with one is left out. When the request points back at
it ("trim it", "restart it"), it stays (how it is says which way: "firefox is frozen, kill it" is a
`kill -9`), and the thing it is about takes the pronoun's place ("journal is huge, trim journal to
500M") unless the request's values name it already (pointers.py points at those). A situation
that says a value (a path, a number, a file name; not how full it is: "at 98%") stays whole; one told by
what a program says ("apt says some packages were kept back, upgrade them") stays whole: what
"them" means is in it.
"""

from __future__ import annotations

import re

from nlshell.offline.asides import VALUE

# Words after the thing a situation is about that say how it is ("nginx container is wedged").
_HOW = frozenset(
    "is are was were isnt isn't arent aren't wasnt keeps keep kept seems seem looks look has have had got gets "
    "wont won't doesnt doesn't dont don't cant can't already almost still going getting being just".split()
)
_SAYING = frozenset("says say said saying complains complaining warns tells shows reports".split())
_POINTERS = frozenset({"it", "them"})
_BASE_ED = frozenset("need feed seed speed shred embed".split())  # verbs ending in -ed that ask, as said
# Words that point back at the situation without naming its thing: "set a fresh one", "for him".
_BACK = frozenset({"one", "ones", "him", "her", "his", "their", "its", "he", "she", "they"})
# A first clause that opens with its speaker is the request ("i want to add a cron job, open the editor").
_SPEAKERS = frozenset({"i", "im", "i'm", "ive", "i've", "we", "were", "you", "id", "i'd"})
_ASKING_HOW = frozenset("fix do solve sort handle deal happening wrong going on now".split())
_NOT_THINGS = frozenset("i we you it this that something someone somebody everything nothing there they he she".split())
_QUESTIONS = frozenset("how what whats what's which who whos who's where wheres where's why when is are does do did any".split())
_STATES = frozenset("slow slower wrong broken stuck full down dead hanging frozen failing up off taking".split())
_SEEING = frozenset("which what whats what's who whos who's".split())  # a question asking to see, not how to
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s?%")  # "prod is at 98%": how full it is, no value the request uses
_QUESTION = re.compile(r"\?+\s+")
_WORD = re.compile(r"[\w'’.~/-]+")
_NAME_SHAPED = re.compile(r"(?=.*[a-z])[a-z0-9]+(?:[-_.][a-z0-9]+)+|(?=.*\d)(?=.*[a-z])[a-z0-9]+")  # old-feature, web-2, db1
_THE_KIND = re.compile(r"\b(?:the|that|this)\s+(\w+)\b(?!\s+[\w./-]*\d)", re.I)
_DETERMINERS = frozenset({"the", "my", "our", "this", "that", "your"})
_VERSIONED = frozenset({"version", "versions", "installed"})  # a question asked of the situation's package
_THING_MAX = 4  # the thing a situation is about is said in this many words at most
_ASKED_MIN = 2  # what is left must say this many words: "…, fix" alone asks nothing findable
_TOLD_MIN = 3  # a situation takes this many words: "docker, list containers" names the program


def told_situation(request: str) -> str:
    """The request without a situation told before it (see the module); unchanged otherwise."""
    from nlshell.offline.intent import as_verb, clause_verbs, is_verb

    split = _split(request)
    if split is None:
        return request
    situation, asked = split
    asked_words = _WORD.findall(asked.lower())
    situation_words = _WORD.findall(situation.lower())
    if len(asked_words) < _ASKED_MIN or len(situation_words) < _TOLD_MIN or _BACK.intersection(asked_words):
        return request  # "bobs last day was friday, lock his login": whose login is in the situation
    if asked_words[0].endswith("ed") and asked_words[0] not in _BASE_ED:
        return request  # "throwaway ubuntu container with a shell, deleted when i exit": how the one asked for is, no request
    if situation_words[0] in _SPEAKERS or any(is_verb(as_verb(word)) for word in situation_words[1:] if word not in _HOW):
        return request  # "gotta add a cron job for myself, open the editor": a task, no situation
    if _opens_with_verb(situation_words) or not (
        is_verb((clause_verbs(asked) or [""])[0]) or asked_words[0] in _QUESTIONS or asked.rstrip().endswith("?")
    ):
        return request  # the first clause asks ("why is lodash here, who pulls it in") or the second does not
    pointer = next((word for word in asked_words if word in _POINTERS), "")
    if _SAYING.intersection(situation_words):
        return _after_saying(request, asked, asked_words, pointer)
    if pointer:
        return _pointed(request, situation, asked, pointer, _thing(situation_words))
    if named := _named_back(asked, _thing(situation_words)):
        return named
    # "…, what's using cpu": one thing to see is enough; "boot takes forever, what's slow" asks how the
    # situation's own thing is
    seeing = asked_words[0] in _SEEING and bool(set(_content(asked_words)) - _STATES)
    if VALUE.search(_PERCENT.sub("", situation)) or (len(_content(asked_words)) < _ASKED_MIN and not seeing):
        return request  # "traceback points at line 110 of server.py, show me lines 100-120": where is said
        # there; "my terminal is garbled, how do i fix" asks about the situation itself
    return _with_service(situation_words, asked, asked_words)


def _after_saying(request: str, asked: str, asked_words: list[str], pointer: str) -> str:
    """"docker says permission denied, which groups does my user have" → the question alone: what a
    program says is a symptom, its words ("permission denied") found `chmod +x`. It stays when the
    request points back at it ("apt says some packages were kept back, upgrade them") or asks no
    question of its own ("ssh complains my .ssh perms are too open, fix")."""
    if not pointer and len(_content(asked_words)) >= _ASKED_MIN and _ordered(asked_words):
        speaker = next((word for word in request.split() if word.lower() not in _DETERMINERS), "")  # "apt keeps saying …": apt's
        asked = re.sub(r"^try\s+to\s+", "", asked, flags=re.IGNORECASE)
        return asked if not speaker or speaker.lower() in _NOT_THINGS else f"{speaker}: {asked}"
    if pointer or asked_words[0] not in _SEEING or (len(_content(asked_words)) < _ASKED_MIN and not VALUE.search(asked)):
        return request  # "whats using /mnt/data" asks enough: a path says of what
    return asked


def _ordered(words: list[str]) -> bool:
    """Whether a clause is an order ("fix the broken packages", "try to fix …"): what a program said
    before it is a symptom, its words ("unmet dependencies") no search words."""
    from nlshell.offline.intent import as_verb, is_verb
    from nlshell.offline.vocabulary import vocabulary

    if words[:2] == ["try", "to"]:
        words = words[2:]
    return bool(words) and words[0] in vocabulary().change_verbs and is_verb(as_verb(words[0]))


def _with_service(situation_words: list[str], asked: str, asked_words: list[str]) -> str:
    """"something's locking mysql, show me the running queries" → "mysql: show me the running
    queries": the service a situation names (the word table's `around daemons`) is what the request
    asks about when it names none itself; left out with the situation, the request would ask of any
    database ("the running queries" found postgres's)."""
    from nlshell.offline.vocabulary import vocabulary

    table = vocabulary()
    daemons = table.around.get("daemons", frozenset())
    if daemons.intersection(asked_words):
        return asked
    named = next((word for word in situation_words if word in daemons), "")
    if not named and _VERSIONED.intersection(asked_words) and (thing := _thing(situation_words)) and (
        len(thing) == 1 and _a_name(thing[0], table)
    ):
        named = thing[0]  # "pandas is acting weird, what version got installed": pandas's version
    return f"{named}: {asked}" if named else asked


def _a_name(word: str, table) -> bool:
    """Whether a situation's one-word thing is a name (pandas, grafana), not a word of the language
    ("disk almost full", "laptop is slow"): one the word table does not know in any way."""
    from nlshell.offline.intent import as_verb, is_verb
    from nlshell.offline.names import language_word
    from nlshell.offline.typed import word_of_table

    return word.isalpha() and not (word_of_table(word, table) or language_word(word, table) or is_verb(as_verb(word)))


def _content(words: list[str]) -> list[str]:
    from nlshell.offline.vocabulary import vocabulary

    stop = vocabulary().stop
    return [word for word in words if word not in stop and word not in _QUESTIONS and word not in _ASKING_HOW]


def _pointed(request: str, situation: str, asked: str, pointer: str, thing: list[str]) -> str:
    """"journal is huge, trim it to 500M" → "journal is huge, trim journal to 500M": how it is stays
    (it says which way), the thing takes the pronoun's place. A thing the request's values already
    name ("firefox is frozen, kill it": a process) is pointed at by nlshell/offline/pointers.py."""
    from nlshell.offline.values import request_values

    said = situation.split()[: len(thing)]
    if not thing or request_values(situation) or VALUE.search(situation):
        return request
    return f"{situation}, " + re.sub(rf"\b{pointer}\b", " ".join(said), asked, count=1, flags=re.I)


def _named_back(asked: str, thing: list[str]) -> str:
    """"old-feature got merged, remove the branch locally" → "remove the branch old-feature
    locally": a situation about a thing by its name, asked of it by its kind ("the branch"), gives
    the name to the kind's word ("" when it does not). Only a name shaped as one (`old-feature`,
    `web-2`, `db_main`): "disk is full, clean the cache folder" names no folder "disk"."""
    from nlshell.offline.vocabulary import vocabulary

    if not 1 <= len(thing) <= 2 or not _NAME_SHAPED.fullmatch(thing[0]):
        return ""
    kinds = vocabulary().value_words
    if len(thing) == 2 and thing[1] not in kinds:
        return ""  # "old-feature branch got merged": the second word says its kind, or it is no name
    for match in _THE_KIND.finditer(asked):
        noun = match.group(1).lower()
        if noun in kinds and (len(thing) == 1 or noun == thing[1]):
            return f"{asked[: match.end()]} {thing[0]}{asked[match.end():]}"
    return ""


def _split(text: str) -> tuple[str, str] | None:
    """(the first clause, the rest) at the first comma or question mark, or None; the callers have
    left its asides out already (nlshell/offline/asides.py)."""
    match = _QUESTION.search(text)
    comma = text.find(",")
    if match and (comma < 0 or match.start() < comma):
        return text[: match.start()], text[match.end() :].strip()
    if comma < 0:
        return None
    return text[:comma], text[comma + 1 :].strip()


def _thing(words: list[str]) -> list[str]:
    """The words the situation opens with before the first that says how it is ("nginx container
    is wedged" → nginx container), or [] when that is no thing ("something is bound to 8080")."""
    for k, word in enumerate(words[: _THING_MAX + 1]):
        if word in _HOW:
            thing = words[:k]
            return thing if thing and thing[0] not in _NOT_THINGS else []
    return []


def _opens_with_verb(words: list[str]) -> bool:
    """Whether the clause opens as an order or a question ("nuke .venv", "why is …", "is redis up")."""
    from nlshell.offline.intent import as_verb, is_verb

    if words[1:2] and words[1] in _SAYING:
        return False  # "umount says target is busy": a program that spoke, no order to unmount
    return words[0] in _QUESTIONS or words[0] in _HOW or ("." not in words[0] and is_verb(as_verb(words[0])))
