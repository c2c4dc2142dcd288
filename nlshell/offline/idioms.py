"""Idioms with a hole in them, which the word table's fixed phrases cannot say: "what does the ls
command do" asks for the manual of ls (not for a page that mentions `ls`), and "top 5 processes"
asks for the five that use the most (not for the program `top`), "shut the computer down" is "shut
down the computer" (the program spelt as the verb and its particle), and "the biggest folders" asks
which take the most disk space (a folder's size is what it holds: `du`, not find's file sizes). Each
is read as the plain request it means, before anything else reads it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from nlshell.offline.openings import Opening, first_word
from nlshell.offline.vocabulary import vocabulary

# "what does the ls command do", "what does grep do", "what is rsync for", "what's tee used for"
_WHAT_DOES = Opening(
    "what what's whats",
    r"^\s*(?:what\s+(?:does|do|is)|what's|whats)\s+(?:the\s+)?(?P<program>[a-z0-9][\w.+-]*)"
    r"(?:\s+(?:command|program|tool|utility))?\s+(?:do|does|for|used\s+for|good\s+for|mean)\s*[?.!]*\s*$",
)
# "top 5 processes", "top ten biggest files": a rank, not the program; but "the top 3 lines of
# list.csv" are its first lines, as the descriptions of `head` say them
_TOP = re.compile(r"\btop(?=\s+(?P<amount>\d+|[a-z]+)\b(?!\s+(?:lines?|rows?)\b))", re.IGNORECASE)
# "bring all my packages up to date", "keep node up to date": an upgrade (and "date" is no file)
_UP_TO_DATE = re.compile(r"\b(?:bring|get|make|keep)\s+(?P<what>.+?)\s+up[\s-]to[\s-]date\b", re.IGNORECASE)
# what a file says is what is written in it: "does config.ini say anything about debug", "what
# version does package.json say" ask to search the file, not for a page that mentions saying
_FILE = r"(?P<file>[\w./~-]+\.[A-Za-z0-9]+)"
_DOES_FILE_SAY = Opening(
    "does do",
    rf"^\s*(?:does|do)\s+{_FILE}\s+(?:say|mention)\s+(?:anything\s+|something\s+)?(?:about\s+)?(?P<what>.+?)\s*[?.!]*$",
)
_WHAT_FILE_SAYS = Opening("what", rf"^\s*what\s+(?P<what>[\w-]+)\s+(?:does|do)\s+{_FILE}\s+say\s*[?.!]*$")
# "is the caddy server up", "check whether nginx is up": is the program running ("is the docker
# service up" asks about the service; a host that is "up" is another question: "is example.com up")
_SUBJECT = r"(?:the\s+)?(?P<what>[a-z][\w-]*)(?:\s+(?:server|daemon|process)|(?P<service>\s+service))?"
_STATE = r"(?:up|alive|running)\s*[?.!]*$"
# "is localhost:3000 up", "is example.com down": whether an address answers — a web address (a port,
# a scheme or a path) by a request to it, a machine by a ping
_ADDRESS_UP = Opening(
    "is",
    r"^\s*is\s+(?:the\s+)?(?:(?:site|website|server|host|machine)\s+)?"
    r"(?P<where>\d{1,3}(?:\.\d{1,3}){3}|[\w.-]+\.[a-z]{2,}\S*|[\w.-]+:\d+\S*|\w+://\S+)"
    r"\s+(?:up|down|alive|online|reachable|responding|available)\s*[?.!]*$",
)
# "edit /etc/hosts", "need to edit config.yaml": open it in the editor every machine has (alone,
# "edit" found `find -mmin` of files edited lately; "before I edit it" asks no editor)
_EDIT = Opening(
    "edit need i",
    r"^\s*(?:i\s+)?(?:(?:need|want)\s+to\s+)?edit\s+(?:the\s+|my\s+)?(?:file\s+)?(?P<file>[\w./~-]*[\w~]\S*)\s*[?.!]*$",
)
# "whats using /mnt/data", "what is holding ~/mnt busy": the processes that hold a place open (its
# own words are all stop words: it found nothing)
_USING_PLACE = Opening(
    "what what's whats who who's whos",
    r"^\s*(?:what(?:'s|s|\s+is)|who(?:'s|s|\s+is))\s+(?:using|holding|keeping)\s+(?P<place>[/~.][^\s?]*)\s*(?:busy|open)?\s*[?.!]*$",
)
_IS_UP = (
    Opening("is", rf"^\s*is\s+{_SUBJECT}\s+{_STATE}"),
    Opening("check see tell", rf"^\s*(?:check|see|tell\s+me)\s+(?:whether|if)\s+{_SUBJECT}\s+is\s+{_STATE}"),
)


# "shut the computer down in 10 minutes", "turn the wifi off", "back the thesis folder up to /mnt",
# "take eth0 down": a determiner and at most two more words between the verb and its particle, or one
# name with a digit in it; "up to" only backs up
_PARTICLE_LATER = re.compile(
    r"\b(?P<verb>[a-z]+)\s+(?P<what>(?:the|my|this|that|these|those|our|your|all)(?:\s+[\w.-]+){1,3}?|[a-z][\w.-]*\d[\w.-]*)"
    r"\s+(?P<particle>down|off|up|out|on)\b(?=\s*(?:$|[,.!?]|(?:in|at|after|now|right|for|to|and|then|please)\b))",
    re.IGNORECASE,
)


def particle_back(request: str) -> str:
    """The verb and its particle together again, for the word table's `phrasal` verbs."""
    phrasal = vocabulary().phrasal

    def joined(match: re.Match) -> str:
        verb, particle = match["verb"].lower(), match["particle"].lower()
        after = request[match.end():].lstrip().lower()
        if verb not in phrasal or (particle == "up" and after.startswith("to") and verb != "back"):
            return match[0]
        return f"{match['verb']} {match['particle']} {match['what']}"

    return _PARTICLE_LATER.sub(joined, request)


@functools.cache
def _ranked_directory_patterns() -> tuple[re.Pattern, re.Pattern] | None:
    """The superlatives of size and the directory nouns, as the word table says them."""
    table = vocabulary()
    biggest = "|".join(sorted(w for w in table.amounts["ranked"] if table.same.get(w, w) == "largest"))
    nouns = ("directory", "subdirectory")
    folders = "|".join(sorted({w for w, meant in table.same.items() if meant in nouns} | set(nouns)))
    if not biggest:
        return None
    before = re.compile(rf"\b(?:{biggest})\s+(?P<what>{folders})\b", re.IGNORECASE)
    after = re.compile(rf"^(?P<which>\s*which\s+(?:{folders})\b.*?)\s+(?:are|is)\s+the\s+(?:{biggest})\s*[?.!]*$",
                       re.IGNORECASE)
    return before, after


def _ranked_directories(request: str) -> str:
    """"the biggest subfolders of x", "which folders under home are the fattest" → the folders that
    take the most space."""
    patterns = _ranked_directory_patterns()
    if not patterns:
        return request
    before, after = patterns
    return after.sub(r"\g<which> take the most space", before.sub(r"\g<what> that take the most space", request))


# Three or more words in capitals are a message pasted or shouted ("REMOTE HOST IDENTIFICATION HAS
# CHANGED"), no names: read in lower case, as the same words in a sentence are.
_SHOUTED = re.compile(r"\b[A-Z]{2,}(?:\s+[A-Z]{2,}){2,}\b")


def plain(request: str, is_program: Callable[[str], bool]) -> str:
    """The request as the plain words it means; unchanged when no idiom is in it. `is_program`
    tells a program with a page from any other word ("what does this command do" is no idiom)."""
    request = _SHOUTED.sub(lambda m: m[0].lower(), request)
    first = first_word(request)
    if (match := _WHAT_DOES.match(request, first)) and is_program(match["program"].lower()):
        return f"show the manual of {match['program']}"
    if match := _DOES_FILE_SAY.match(request, first) or _WHAT_FILE_SAYS.match(request, first):
        return f"search {match['file']} for {match['what']}"
    if (match := _EDIT.match(request, first)) and ("." in match["file"] or "/" in match["file"]):
        return f"edit the text file {match['file']} with nano"  # a file's name, not "edit my crontab"
    if match := _ADDRESS_UP.match(request, first):
        where = match["where"]
        web = ":" in where or "/" in where
        if web and "://" not in where:
            where = "http://" + where  # "localhost:3000" alone is a host's port; asked if it is up, an address
        return f"check whether the website {where} is up" if web else f"test whether the server {where} answers a ping"
    if match := _USING_PLACE.match(request, first):
        return f"which processes are using {match['place']}"
    if match := _IS_UP[0].match(request, first) or _IS_UP[1].match(request, first):
        return f"is {match['what']}{match['service'] or ''} running"  # a service is asked about as one
    request = _UP_TO_DATE.sub(lambda m: f"upgrade {m['what']}", request)
    request = _ranked_directories(particle_back(request))
    numbers = vocabulary().numbers
    return _TOP.sub(lambda m: "most" if m["amount"].isdigit() or m["amount"].lower() in numbers else m[0], request)
