"""Places in a recording: "cut talk.mp4 down to 1:00–2:30", "one frame of movie.mp4 at 00:01:00",
"from 0:30 to 1:15". ffmpeg reads `[HH:]MM:SS[.ms]`, so a position keeps the form it was said in.

Only in a request about audio or video (a media file, or a word like video or clip): elsewhere
"10:30" is a time of day (nlshell/offline/clock.py), which this turns into a position when the
request is about media. `{{00:01:00}}` and `-ss {{30}}` take one (nlshell/offline/placeholders.py).
"""

from __future__ import annotations

import re

from nlshell.offline.typedfiles import AUDIO, VIDEO
from nlshell.offline.value import Add, Value

_MEDIA_TYPES = VIDEO | AUDIO
_MEDIA_WORDS = frozenset("video videos clip clips movie film audio song track recording podcast ffmpeg".split())
_POSITION = r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?"
POSITION = re.compile(_POSITION)
_RANGE = re.compile(rf"({_POSITION})[–—-]({_POSITION})")  # 1:00–2:30


def _about_media(values: list[Value], lower: list[str]) -> bool:
    return bool(_MEDIA_WORDS.intersection(lower)) or any(
        v.text.rsplit(".", 1)[-1].lower() in _MEDIA_TYPES for v in values if "." in v.text
    )


def read(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Add) -> None:
    """Make the positions a request about media says values of kind "position"."""
    if not _about_media(values, lower):
        return
    for value in values:
        if value.kind == "time":
            value.kind = "position"  # "from 0:30 to 1:15" was read as times of day
    for i, token in enumerate(tokens):
        if i in taken or any(v.at == i for v in values):
            continue
        said = token.strip(",.;()")
        if ranged := _RANGE.fullmatch(said):
            add("position", ranged.group(1), i)
            add("position", ranged.group(2), i)
        elif POSITION.fullmatch(said):
            add("position", said, i)
    values.sort(key=lambda v: v.at)
