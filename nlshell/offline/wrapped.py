"""A whole command the request names, to be run inside another one: "rerun df -h every couple of
seconds" asks for `watch` around `df -h`, "time how long make takes" for `time make`, "kill ping
example.com after 5 seconds" for `timeout 5 ping example.com`.

Read only when the request asks for a job done around a command (again and again, timed, in the
background, with a time limit, later, as root, on another machine over ssh, into a file or a pager, under another name): then
a program the request names where a command goes, with its arguments, is one `command` value.
Its words leave the search, so the program's own page does not outrank the wrapper's, and
nlshell/offline/slots.py puts it into the wrapper's `{{command}}` whole. A script the request runs
(`./build.sh`, `train.py`) is read as the file it runs, as values.py reads one after "run".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlshell.offline.vocabulary import vocabulary
from nlshell.offline.value import Add

# What asks for a job around a command — again and again, timed, in the background, with a time
# limit, later, as root, its output kept or paged, under a shorter name, at another priority — and
# that job in the words the wrappers' examples use: what the ranking searches for in place of the
# named command's words ("" where the wording itself says it well enough).
_JOBS = tuple(
    (re.compile(pattern), words)
    for pattern, words in (
        (r"\bevery\b.*\b(?:seconds?|secs?)\b|\b(?:rerun|re-run|repeat|refresh|refreshing|updating)\b", "rerun every seconds"),
        (r"\bevery\b.*\b(?:minutes?|mins?)\b", ""),
        (r"\bhow\s+long\b.*\b(?:takes?|took|taking|run|runs)\b|\btime\s+how\b|\btime\s+it\s+takes\b|\bmeasure\b",
         "measure how long takes"),
        (r"\bbackground\b|\b(?:prompt|terminal|shell)\s+back\b|\bkeep\s+working\b|\blog(?:ging)?\s*(?:out|off)\b"
         r"|\bsurviv|\bdetach", "background"),
        (r"\blonger\s+than\b|\bat\s+most\b|\bafter\s+\S+\s+(?:seconds?|minutes?|hours?)\b", "stop runs longer"),
        (r"^(?!.*\b(?:every|daily|nightly|hourly|weekly|monthly)\b).*"
         r"(?:\bin\s+\S+\s+(?:minutes?|hours?)\b|\b\S+\s+(?:minutes?|hours?)\s+from\s+now\b|\btonight\b|\btomorrow\b"
         r"|\bat\s+(?:\d|noon\b|midnight\b|midday\b))",
         "once at time"),  # "run ./deploy.sh 30 minutes from now" runs once, later: no `watch -n 1800`
        (r"\bin\s+\S+\s+(?:minutes?|hours?)\b|\b\S+\s+(?:minutes?|hours?)\s+from\s+now\b|\bat\s+(?:\d|noon\b|midnight\b|midday\b)", ""),
        (r"\bas\s+root\b|\bwith\s+sudo\b", "root"),
        (r"\boutput\s+of\b.*\b(?:to|into|in)\b", "save output file"),
        (r"\boutput\s+of\b", ""),
        (r"\b(?:page|scroll)\s+through\b", "page through screen"),
        (r"\bshortcut\b|\binstead\s+of\b|\btyping\b", "alias"),
        (r"\blow(?:er|est)?\s+priority\b|\bnicely\b", "lower priority"),
        (r"\bhigh(?:er|est)?\s+priority\b", "higher priority"),
        (r"\bpriority\b", ""),
        (r"\b(?:over|through|via|using|with|in)\s+(?:an?\s+)?ssh\b|\bssh\b.*\b(?:run|execute)\b|\bremotely\b"
         r"|\bwithout\s+(?:logging|signing|sshing|going)\s+(?:in|on|into)\b", "command remote"),
    )
)
# Idioms for the background whose own words mislead the search ("prompt" is rm -i's, "back" fg's):
# said instead as the job they ask for.
_BACKGROUND_IDIOM = re.compile(
    r"\b(?:(?:give|get)\s+(?:me\s+)?)?(?:my\s+|the\s+|a\s+)?(?:prompt|terminal|shell)\s+back\b"
    r"|\b(?:let\s+me\s+)?keep\s+working\b|\b(?:so\s+(?:that\s+)?)?it\s+(?:survives|keeps\s+going|keeps\s+running)\b",
    re.IGNORECASE,
)
# Words after which a command is named: "rerun df -h", "how long does make take", "the output of
# dmesg", "a shortcut for git status", "every 5 seconds show me who".
_LEADS = frozenset(
    "run rerun re-run repeat repeating execute launch start time timing refresh refreshing showing show me does of through "
    "for kill stop give "
    "typing type do redo long".split()
)
# Words that end a command's arguments: how, when or where it runs, not what it is given.
_ENDS = frozenset(
    "every each again repeatedly takes take took taking run runs running have execute longer after before until tonight tomorrow "
    "daily nightly hourly weekly and so but if then once one twice today later please now in at to into on with for as "
    "from instead "
    "using while without like is does do finishes finish output the a an my me it this that script program command job"
    " file detached detach background backgrounded foreground daemonized quietly silently forever".split()
)
# Programs that are the job's own, not what it runs: "time how long …" is no `time` to run.
_WRAPPERS = frozenset("watch time nohup timeout at batch nice sudo alias less more crontab cron type".split())
SCRIPT = re.compile(r"^(?:\.{0,2}/)?[\w./~-]*\.(?:sh|bash|zsh|fish|py|pl|rb|js|php)$|^\.{1,2}/[\w./-]+$")



def around(lower: list[str]) -> bool:
    """Whether the request asks for a job done around a command it may name."""
    text = " ".join(lower)
    return any(pattern.search(text) for pattern, _ in _JOBS)


def jobs(request: str, kept: str) -> str:
    """`kept` (the request's search words) with the jobs the request asks for around the command
    it names said in the words of the wrappers' examples."""
    text = " ".join(re.findall(r"[\w'-]+", request.lower()))
    said = [word for pattern, words in _JOBS if pattern.search(text) for word in words.split()]
    return " ".join([_BACKGROUND_IDIOM.sub("background", kept), *said])


def read(add: Add, tokens: list[str], raw: list[str], lower: list[str], i: int, program: Callable[[str], bool]) -> bool:
    """The command named at token `i` (a program where a command goes, and its arguments), as one
    `command` value; a script run alone as the file it runs. Whether it read one. The caller reads
    only requests `around` says ask for a job around a command."""
    if _alias(add, tokens, raw, lower, i):
        return True
    script = SCRIPT.match(tokens[i]) is not None
    if not i or not (script or lower[i - 1] in _LEADS) or lower[i] in _WRAPPERS or lower[i] in _ENDS:
        return False
    if not script and not (re.fullmatch(r"[a-z][\w.+-]*", lower[i]) and program(lower[i])):
        return False
    last = _last_argument(tokens, raw, lower, i)
    if script and last == i:
        add("file", tokens[i], i, "run")  # `nohup ./backup.sh …`: slots.py writes it as a command
        return True
    words = [("./" + tokens[i] if script and not tokens[i].startswith(("/", "~", ".")) else tokens[i])]
    add("command", " ".join(words + _written(raw, i + 1, last)), i, "run", last=last)
    return True


def quoted(inner: str, program: Callable[[str], bool]) -> bool:
    """Whether a quoted string is a command to run: a program (or a script) and its arguments
    ("time how long 'make build' takes"), not a text that merely starts with a word."""
    first = inner.split(maxsplit=1)[0].lower() if inner.strip() else ""
    if SCRIPT.match(first):
        return True
    return bool(re.fullmatch(r"[a-z][\w.+-]*", first)) and first not in _WRAPPERS and program(first)


def _written(raw: list[str], first: int, last: int) -> list[str]:
    """The arguments as the request wrote them (`find . -name '*.o'`), without the comma or
    question mark of the sentence around them."""
    return [word.rstrip(",;?!") for word in raw[first : last + 1]]


def _last_argument(tokens: list[str], raw: list[str], lower: list[str], i: int) -> int:
    """The last token of the command's arguments: options, paths, names and plain words up to a
    word that says how, when or where it runs, or a comma."""
    stop = vocabulary().stop
    last = i
    if raw[i].endswith((",", ";", "?", "!")):
        return last
    for j in range(i + 1, len(tokens)):
        word = raw[j].lower().rstrip(",;?!")  # as written: the word table's spellings are no arguments (`ps`)
        if not word or word in _ENDS or (word in stop and not word.startswith("-")):
            break
        if [w.lower() for w in raw[j + 1 : j + 4]][1:3] == ["from", "now"] and word.isdigit():
            break  # "run ./deploy.sh 30 minutes from now": when, no argument
        last = j
        if raw[j].endswith((",", ";", "?", "!")):
            break
    return last


# "make gs a shortcut for git status", "let me type gp instead of git push", "typing ll to do ls -la"
_ALIAS_NAME = frozenset({"make", "type", "typing"})
_ALIAS_LINK = re.compile(r"^(?:an?\s+)?(?:shortcut|short|abbreviation)\s+(?:for|of)$|^instead\s+of$|^to\s+(?:do|run|mean)$|^(?:run|runs|do|does|mean)$")


def _alias(add: Add, tokens: list[str], raw: list[str], lower: list[str], i: int) -> bool:
    """An alias's name at token `i` and the command it stands for, said without the word alias."""
    if not i or lower[i - 1] not in _ALIAS_NAME or not re.fullmatch(r"[\w.-]+", lower[i]) or lower[i] in _ENDS:
        return False
    for start in range(i + 2, min(i + 6, len(lower))):
        if _ALIAS_LINK.match(" ".join(lower[i + 1 : start])):
            if lower[start] in _ENDS:
                return False  # "make it a shortcut for the …": no command said
            add("alias", tokens[i], i)
            last = _last_argument(tokens, raw, lower, start)
            add("command", " ".join(_written(raw, start, last)), i + 1, "run", last=last, at=start)
            return True
    return False
