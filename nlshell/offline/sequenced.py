"""Two jobs said one after the other: two commands run one after the other.

"check the nginx config then reload it" found `systemctl reload nginx`, the second job alone, and
"tag v2.3.0 and push that tag to origin" `git push origin v2.3.0`: examples show one job each, and
the ranking finds the one whose words weigh most. A request whose second clause starts with a verb
of its own ("…, then reload it", "… and push …") is answered clause by clause, and when the whole
request's answer does only one of the two jobs, the two answers run in order: `nginx -t && sudo
systemctl reload nginx`. "it" in the second clause is what the first acts on ("reload it": the
nginx config); "that tag" takes the first clause's values along. A second clause about what the
first one found ("find the logs and delete them") is one job, never two commands: the second acts
on the first one's output, which `&&` does not pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlshell.errors import NoOfflineAnswerError
from nlshell.offline.commands import first_program, has_placeholders, programs, writes_files
from nlshell.offline.intent import READ
from nlshell.offline.described import description_verbs
from nlshell.offline.rating import risk_of
from nlshell.offline.offered import OfflineAnswer
from nlshell.offline.vocabulary import canonical_words, vocabulary

_SEPARATOR = re.compile(r"\s*(?:,\s*)?(?:\b(?:and\s+then|then|and)\b|&&|;)\s+", re.I)
_FOUND = re.compile(r"\b(?:them|those|these|the\s+results?|the\s+ones|each\s+of\s+them|all\s+of\s+them)\b", re.I)
_IT = re.compile(r"\b(?:it|that)\b(?=\s*$|\s+(?:to|on|in|into|with|as|from|again|now|please)\b)", re.I)
_POINTED = re.compile(r"\b(?:that|this|the\s+same)\s+(\w+)", re.I)  # "push that tag": the first clause's tag
_WORD = re.compile(r"[\w'-]+")
_LISTED = re.compile(r",\s*(\w+)")
_COMMANDS = frozenset({"cd", "source", "sudo", "git", "npm", "pip", "docker", "make"})  # said as the verb ("… and cd into it")
_PARTICLES = frozenset({"up", "down", "out", "off", "in", "on", "back", "over"})  # "set up a venv": its object comes after


def clauses(request: str) -> tuple[str, str] | None:
    """The request's two jobs, the second said with a verb of its own; None when it has no such two."""
    table = vocabulary()
    verbs = table.read_verbs | table.change_verbs
    for match in _SEPARATOR.finditer(request):
        first, second = request[: match.start()].strip(" ,;"), request[match.end() :].strip()
        first_words = [w.lower() for w in _WORD.findall(first)]
        second_words = [w.lower() for w in _WORD.findall(second)]
        if len(first_words) < 2 or len(second_words) < 1 or second_words[0] not in verbs | _COMMANDS:
            continue  # "stop and delete all my containers": one object for two verbs, no first job of its own
        listed = [word.lower() for word in _LISTED.findall(first)]
        if not verbs.intersection(first_words[:3]) or _SEPARATOR.search(second) or verbs.intersection(listed):
            return None  # no verb said first, or more than two jobs ("pull, rebase and then push")
        return first, second
    return None


def _object(first: str) -> str:
    """What the first clause acts on: its words after its verb ("check the nginx config" → "the nginx config")."""
    table = vocabulary()
    verbs = table.read_verbs | table.change_verbs
    words = first.split()
    at = next((i for i, word in enumerate(words[:3]) if word.lower().strip(",:") in verbs), None)
    if at is None:
        return ""
    at += 1
    while at < len(words) and words[at].lower() in _PARTICLES:
        at += 1
    return " ".join(words[at:])


def second_said(first: str, second: str) -> str:
    """The second clause with what "it" stands for, and the first clause's words for "that tag"."""
    thing = _object(first)
    if thing and _IT.search(second):
        return _IT.sub(thing, second, count=1)  # "reload it" → "reload the nginx config"
    pointed = _POINTED.search(second)
    if pointed and pointed.group(1).lower() in first.lower():
        return second[: pointed.start()] + first + second[pointed.end() :]  # "push that tag to origin": tag v2.3.0
    return second


def in_order(request: str, found: list[OfflineAnswer], answer: Callable[[str], list[OfflineAnswer]]) -> list[OfflineAnswer]:
    """`found` (the whole request's answers) with the first made the two jobs in order, when it does
    only one of them."""
    said = clauses(request)
    if not said or not found or _FOUND.search(said[1]):
        return found
    first, second = said
    try:
        one, two = answer(first)[0], answer(second_said(first, second))[0]
    except (NoOfflineAnswerError, IndexError):
        return found
    whole = found[0].command
    if one.command == two.command or not _jobs_apart(whole, one, two, first):
        return found
    if found[0].intent == READ and not all(_only_looks(answer.command) for answer in (one, two)):
        return found  # a look stays a look, clause by clause too ("ping google 5 times and stop")
    return [one.saying(f"{one.command} && {two.command}"), *found[1:]]


def _only_looks(command: str) -> bool:
    return risk_of(command)[0] == "safe" and not writes_files(command)


def _jobs_apart(whole: str, one: OfflineAnswer, two: OfflineAnswer, first: str) -> bool:
    """Whether the whole request's answer does only one of the two jobs, and the clauses' answers
    are two jobs of their own, each whole: nothing left to fill, none a one-off command of NL2Bash's
    (`ln -f -s /apps/myapps/new/link/target mylink`)."""
    if whole not in (one.command, two.command):
        if first_program(whole) not in (first_program(one.command), first_program(two.command)):
            return False  # it answers the request some other way: its reading of the whole stands
        if _does_both(whole, one.command, two.command) or first_program(whole) == first_program(one.command):
            return False  # the whole answer does both, or the first job its own way
        if _said_first(whole, two.command, first):
            return False  # "make clean then build with 4 jobs": `make -j 4 clean` does the first clause's clean too
    if has_placeholders(one.command) or has_placeholders(two.command) or "nl2bash" in (one.hit.source, two.hit.source):
        return False  # "find ERROR in server.log and show me the line numbers": no second job (`nl {{file}}`)
    if first_program(one.command) == first_program(two.command) and _subcommand(one.command) == _subcommand(two.command):
        return False  # "compile hello.c and run it" is no second gcc
    verb = canonical_words(first.split()[0])[:1]
    if verb and verb[0] in description_verbs(two.hit.description):
        return False  # "Create a branch and switch to it" does both
    # "make a new branch called x and switch to it": said with what the first makes, the second's answer
    # makes it too (`git switch -c x`) when it is the whole answer
    return not (verb == ["create"] and whole == two.command)


def _said_first(whole: str, two: str, first: str) -> bool:
    """Whether the whole answer says a word of the first clause that the second clause's answer does not."""
    said = {word.lower() for word in _WORD.findall(first)}
    return bool(said & set(whole.lower().split()) - set(two.lower().split()))


def _does_both(whole: str, one: str, two: str) -> bool:
    said = programs(whole)
    return first_program(one) in said and first_program(two) in said and _subcommand(two) in whole


_SUBCOMMAND = re.compile(r"^[a-z][a-z-]*$")


def _subcommand(command: str) -> str:
    """The words that say which job of its program a command does (`git tag`, `docker compose up`), or ""."""
    words = command.split()[1:]
    said = [word for word in words[:2] if _SUBCOMMAND.match(word)]
    return " ".join(said) if said and words[0] == said[0] else ""
