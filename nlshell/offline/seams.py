"""Where a value meets the example's own text around its placeholder.

An example writes some of a value's text itself: tldr's `/{{path/to/file}}` asks for an absolute
path, `{{path/to/source}}/` adds a folder's slash, `origin/{{branch}}` the remote,
`{{path/to/input_video}}.mkv` the extension, `'{{{"name": "value"}}}'` a JSON object's braces,
`-size +{{100M}}` a size's sign (the value's own sign wins), `"{{value}}"` a JSON string's quotes. A value the request says
whole already has them (`/var/log/app.log`, `photos/`, `origin/main`, `movie.mkv`,
`{"event":"test"}`, `+1G`) or needs none (`true`, `42`). The example's copy then goes, so nothing is
said twice (`origin/origin/main`, `movie.mkv.mkv`, `photos//`, `-size ++1G`) and a JSON literal
stays one (`== true`, not `== "true"`).
"""

from __future__ import annotations

import re

EXTENSION = re.compile(r"\w(\.(?:tar\.)?[a-z0-9]{1,4})$")  # `{{path/to/compressed.zip}}`, `movie.mkv`
_TRACKED = re.compile(r"^((?:origin|upstream)/)")
_LITERAL_EXTENSION = re.compile(r"(?:\.[A-Za-z0-9]{1,4}){1,2}(?=$|[\s'\"|;)])")  # the `.mp4` of `{{path/to/video}}.mp4`
_PLACES = ("file", "dir", "path", "link")
# What a copy's name adds to a whole name, extension and all: `cp {{path/to/file}} {{path/to/file}}.bak`
# given nginx.conf is `nginx.conf.bak`, never a second `nginx.conf`.
BACKUPS = frozenset({".bak", ".orig", ".old", ".backup", ".save"})
_JSON_LITERAL = re.compile(r"true|false|null|-?\d+(?:\.\d+)?")


def seam(out: str, start: int, end: int, kind: str, inner: str, shown: list[str]) -> tuple[int, int, list[str]]:
    """(where the value's text starts, where it ends, the value's words as shown) once the
    example's own copies of what the value says are left out."""
    if out[start - 1 : start] == "/" and (out[start - 2 : start - 1] in ("", " ") or (
        out[start - 2 : start - 1] == ":" and shown[0].startswith("/")
    )):
        start -= 1  # tldr's `/{{path/to/file}}` (`{{pod_name}}:/{{…}}`) asks for an absolute path; the request's value is the path
    if out[start - 1 : start] in ("+", "-") and shown[0][:1] in ("+", "-") and out[start - 2 : start - 1] == " ":
        start -= 1  # `-size +{{100M}}` given +1G: `+1G`, not `++1G`; given -1k: `-1k`, not `+-1k`
    if kind in _PLACES and out[end : end + 1] == "/" and len(shown[-1]) > 1 and shown[-1].endswith("/"):
        shown = [*shown[:-1], shown[-1].rstrip("/")]  # `{{path/to/source}}/` given photos/: `photos/`, not `photos//`
    if kind == "branch" and (tracked := _TRACKED.match(shown[0])) and out[:start].endswith(tracked.group(1)):
        start -= len(tracked.group(1))  # `origin/{{branch}}` given origin/main: `origin/main`, not `origin/origin/main`
    if kind == "data" and inner.startswith("{") and out[end : end + 1] == "}":
        end += 1  # `{{{"name": "value"}}}`: the object's own brace closes after the placeholder's
    if kind == "value" and out[start - 1 : start] == '"' and out[end : end + 1] == '"' and _JSON_LITERAL.fullmatch(shown[0]):
        start, end = start - 1, end + 1  # `select(.{{key}} == "{{value}}")` given true: `== true`, no string "true"
    if out[start - 1 : start] == "^" and shown[0].startswith("^"):
        start -= 1  # `grep '^{{search_pattern}}'` given ^ERROR: `^ERROR`, not `^^ERROR`
    if out[end : end + 1] == "$" and shown[-1].endswith("$") and not shown[-1].endswith("\\$"):
        end += 1  # `grep '{{search_pattern}}$'` given \.pdf$: one end of the line
    said_extension = _LITERAL_EXTENSION.match(out, end)
    if kind in _PLACES and said_extension and EXTENSION.search(shown[-1].lower()) and said_extension.group(0) not in BACKUPS:
        end = said_extension.end()  # `{{path/to/input_video}}.mkv` given movie.mkv: `movie.mkv`, not `movie.mkv.mkv`
    return start, end, shown
