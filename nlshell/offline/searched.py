"""The words of a request the ranking searches: the request without the values it states
("called photos" → "called"), with the words those values say of the job (a `.mkv` is a video,
"every day at 3am" a schedule, a URL's file only downloaded). The values are read in
nlshell/offline/values.py."""

from __future__ import annotations

from nlshell.offline import places, wrapped
from nlshell.offline.value import Value
from nlshell.offline.values import request_tokens
from nlshell.offline.vocabulary import WORD, vocabulary


def without_values(request: str, values: list[Value], hints: bool = True) -> str:
    """The request without the tokens that are values ("called photos" → "called"), keeping the
    words of file extensions that say which program fits (`photos.zip` keeps `zip`; a URL's do
    not: downloading `…/file.iso` is no job for an ISO tool); `hints=False` keeps none."""
    spanned = {i for v in values for i in v.spans}
    # a URL's file is only downloaded; a named command's program is run by another (`watch df -h`)
    fetched = {i for v in values if v.kind in ("url", "command") for i in v.spans}
    hinted = vocabulary().hints if hints else frozenset()
    # "copy backup.tar.gz to /mnt/backup", "delete old.zip": a file copied, moved or deleted whole asks
    # nothing of its format (was `gzip -c backup.tar.gz > /mnt/backup`, `zip -d old.zip`); one taken
    # out of or from ("remove notes.txt from old.zip") does, and a disk image copied is written raw (dd)
    whole = {i for v in values if v.role not in ("from", "in") for i in v.spans} if hints and _moved_whole(request) else set()
    kept = []
    for i, token in enumerate(request_tokens(request)):
        if i not in spanned:
            kept.append(token)
        elif i not in fetched:
            kept.extend(w for w in WORD.findall(token.lower()) if w in hinted and (i not in whole or w in _RAW_IMAGES))
            kept.extend(_media_kind(token) if hints else ())  # "lecture.mkv" is a video, as descriptions say
    if hints and any(v.kind == "command" or v.role == "run" for v in values):
        kept = [wrapped.jobs(request, " ".join(kept))]  # "rerun df -h every 2 seconds": what `watch` does
    if hints:
        kept.extend(word for kind, word in _JOB_WORDS.items() if any(v.kind == kind for v in values))
    if hints and places.fetched(values) and not {"copy", "download"} & set(WORD.findall(" ".join(kept).lower())):
        kept.append("copy")  # "get /var/log/syslog off 10.1.1.1": a copy from there
    if hints and places.only_sought(values, WORD.findall(" ".join(kept).lower())):
        kept.append("find")  # "any pngs in ~/Pictures?", "where's docker-compose.yml": only what to look for
    return " ".join(kept)


_TYPE_BLIND = frozenset({"copy", "move", "remove", "cp", "mv", "rm"})  # canonical verbs
_RAW_IMAGES = frozenset({"iso", "img"})


def _moved_whole(request: str) -> bool:
    from nlshell.offline.intent import clause_verbs

    verbs = clause_verbs(request)
    return bool(verbs) and all(verb in _TYPE_BLIND for verb in verbs)


def _media_kind(token: str) -> tuple[str, ...]:
    """The kind of media a file's extension says it is (the word table's `media:KIND` lines:
    `lecture.mkv` is a video), which descriptions name rather than its format."""
    words = WORD.findall(token.lower())
    if "." not in token.strip("./") or len(words) < 2:
        return ()
    extension = words[-1]
    table = vocabulary().around
    return tuple(role.split(":", 1)[1] for role, listed in table.items() if role.startswith("media:") and extension in listed)


# Values that say the job: "every day at 3am" asks for cron, not a loop (`watch`); "what's 1234 * 56"
# says nothing else; "change 'http:' to 'https:' in links.md" replaces.
_JOB_WORDS = {"schedule": "schedule", "expression": "calculate", "replacement": "replace text", "port": "port",
              "data": "send data", "dateformat": "date", "last_line": "range"}  # "8080 in use": a port; "PUT {\"enabled\":false} to …": data
# sent; a date format said by example ("a timestamp like 2024-05-01_13-45") is what `date` prints; a first
# and last line ("everything between line 100 and 120") a range of lines
