"""Which commits a request asks `git log` for: "commits by maria since monday", "the commit whose
message mentions payment timeout", "the commit where parse_headers got removed", "commits on
feature/payments that aren't in main yet".

Each says one or two of git log's filters (author, date, message, a string added or removed, a
range), and an example has at most one of them, so the ranking found `git log --since=yesterday`
for maria's commits and `git log --oneline -- feature/payments` for a range. A request about
commits answered by `git log` gets the filters it says, each read here from its own words; the
example's other filters go (it said another's), its way of showing stays (`-p`, `--stat`).
"""

from __future__ import annotations

import re
import shlex

_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_WHEN = rf"(?:{_DAYS}|{_MONTHS}|yesterday|today|last (?:week|month|year|{_DAYS})|\d{{4}}-\d{{2}}-\d{{2}})"
_NOT_AUTHORS = frozenset(
    f"{_DAYS}|{_MONTHS}|the|me|my|us|you|them|him|her|date|time|author|message|name|size|yesterday|today|"
    "last|this|hash|year|month|week|day|branch|tag|file|line".split("|")
)
_AUTHOR = re.compile(r"\b(?:by|author)\s+([a-z][\w.@-]*)\b|\b([a-z][\w.-]*)'s\s+commits\b")
_SINCE = re.compile(rf"\bsince\s+({_WHEN})\b")
_WINDOW = re.compile(r"\b(?:in|from|over|during|within)?\s*the\s+(?:last|past)\s+(?:(\d+|a|an|one|two|three)\s+)?(hour|day|week|month|year)s?\b")
_MESSAGE = re.compile(
    r"\b(?:message|messages|msg)\s+(?:that\s+)?(?:mentions?|says?|contains?|has|with|about|mentioning|saying|containing|includes?)\s+"
    r"['\"]?(.+?)['\"]?\s*(?:[,?;]|$)"
    r"|\bcommits?\s+(?:that\s+)?(?:mention|mentions|mentioning|about)\s+['\"]?(.+?)['\"]?\s*(?:[,?;]|$)"
)
_PICKAXE = re.compile(
    r"\b(?:where|when|that)\s+(?:the\s+)?(?:function\s+|string\s+|word\s+|line\s+)?(\S+)\s+(?:got|was|were)\s+(?:removed|added|introduced|deleted|dropped)\b"
    r"|\b(?:added|removed|introduced|deleted|dropped)\s+(?:the\s+)?(?:function|string|word|call|line)\s+(\S+)"
    r"|\bcommits?\s+(?:that|which)\s+(?:first\s+)?(?:added|removed|introduced|deleted|dropped)\s+(['\"`]?[\w.:-]+['\"`]?)(?:\s|[,?]|$)"
)
# A word the request names after "the commit that added" is code when written as code: quoted,
# camelCase, snake_case, CAPS or with digits ("parseConfig"); "the commit that added tests" names none.
_CODE = re.compile(r"^['\"`].+['\"`]$|^[a-z]+[A-Z]\w*$|\w_\w|^[A-Z][A-Z0-9_]+$|[a-z]\d")
_RANGE = re.compile(
    r"\b(?:on|in)\s+(my branch|this branch|[\w./-]+)\s+(?:but\s+)?(?:that\s+)?(?:are|is)?\s*(?:not|n't|nt|arent|aren't|isnt|isn't)\s+(?:yet\s+)?(?:in|on)\s+([\w./-]+)"
)
# "which commits do I have that origin/main doesn't": this branch's, past the one named
# … and "my commits that aren't on main"
_MINE = re.compile(r"\bcommits\s+(?:do\s+|have\s+)?(?:i|we)\s+(?:have|got)\s+(?:that|which)\s+([\w./-]+)\s+(?:doesn't|doesnt|does not|hasn't|hasnt|has not|lacks|is missing)"
                   r"|\b(?:my|our)\s+commits\s+(?:that|which)\s+(?:arent|aren't|are\s+not|are\s+n't)\s+(?:yet\s+)?(?:on|in)\s+([\w./-]+)")
_NUMBERS = {"a": "1", "an": "1", "one": "1", "two": "2", "three": "3"}
_SHOWING = ("-p", "--patch", "--stat", "--oneline", "--graph", "--name-only", "--name-status")


def filters(request: str) -> list[str]:
    """git log's options for the commits the request asks for, in git's usual order ([] for none)."""
    lower = request.lower()
    if "commit" not in lower and "git log" not in lower:
        return []
    found: list[str] = []
    range_ = _RANGE.search(lower)
    author = _AUTHOR.search(lower)
    name = author and (author.group(1) or author.group(2))
    if name and name not in _NOT_AUTHORS and not (range_ and name in range_.group(0)):
        found.append(f"--author={shlex.quote(_said(request, name))}")
    if since := _SINCE.search(lower):
        found.append(f"--since={shlex.quote(since.group(1))}")
    elif window := _WINDOW.search(lower):
        count = _NUMBERS.get(window.group(1) or "a", window.group(1))
        found.append("--since=" + shlex.quote(f"{count} {window.group(2)} ago"))
    if message := _MESSAGE.search(lower):
        found.append(f"--grep={shlex.quote(_said(request, (message.group(1) or message.group(2)).strip()))}")
    if (pickaxe := _PICKAXE.search(lower)) and (pickaxe.group(3) is None or _CODE.search(_said(request, pickaxe.group(3)))):
        said = pickaxe.group(1) or pickaxe.group(2) or pickaxe.group(3)
        found += ["-S", shlex.quote(_said(request, said).strip("'\"`"))]
    if range_:
        ahead = "HEAD" if range_.group(1) in ("my branch", "this branch") else _said(request, range_.group(1))
        found.append(f"{_said(request, range_.group(2))}..{ahead}")
    elif mine := _MINE.search(lower):
        found.append(f"{_said(request, mine.group(1) or mine.group(2))}..HEAD")
    return found


def _key(option: str) -> str:
    """What says the filter is there: its option, or `..` for a range ("" for -S's argument)."""
    if option.startswith("--"):
        return option.split("=", 1)[0]
    return option if option == "-S" else ".." if ".." in option else ""


def _said(request: str, lowered: str) -> str:
    """The words as the request wrote them (case kept)."""
    at = request.lower().find(lowered)
    return request[at : at + len(lowered)] if at >= 0 else lowered


def filtered(command: str, request: str) -> str:
    """`command`, a `git log`, with the filters the request says in place of the example's own."""
    if not command.startswith("git log") or any(c in command for c in ("|", ";", "&&", "$(")):
        return command
    wanted = filters(request)
    if not wanted or ("{{" not in command and all(_key(w) in command for w in wanted if _key(w))):
        return command  # none, or the example has each already (`git log -S 'TODO'`; `--grep='{{pattern}}'` is none)
    try:
        words = shlex.split(command)[2:]
    except ValueError:
        return command
    showing = [w for w in words if w in _SHOWING or re.fullmatch(r"-n|-\d+|-n\d+|--max-count=\d+", w)]
    counted = [w for k, w in enumerate(words) if k and words[k - 1] == "-n" and w.isdigit()]
    shown = " ".join(shlex.quote(w) for w in [*showing, *counted]) or "--oneline"
    return f"git log {shown} {' '.join(wanted)}"
