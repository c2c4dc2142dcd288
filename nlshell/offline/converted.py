"""A file and the format it should become, with no verb: "screen.mov to mp4", "the pngs here -> jpg".

People name a conversion by its two ends and leave the verb out; the words alone found a remux of
MKV files and `mv *.png`. A request that says no verb of its own, names a file (or files by a
glob) and, after "to", "into", "as" or an arrow, another format asks to convert: the ranking reads
"convert" as if said (nlshell/offline/request.py). Which words are formats is the word table's:
its `media:` lines and the words of its `type` lines that name an extension (csv, json, html).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from nlshell.offline.commands import shell_words
from nlshell.offline.value import Value
from nlshell.offline.vocabulary import vocabulary

CONVERT = "convert"
_ARROWS = ("->", "=>", "→")
_BEFORE_FORMAT = frozenset({"to", "into", "as"})
_FILES = frozenset({"file", "glob"})


@functools.cache
def formats() -> frozenset[str]:
    """Words that name a file format: a media extension, or a type word that is its glob's extension."""
    typed = {word for word, glob in vocabulary().types.items() if glob == f"*.{word}"}
    return _media() | typed


def converts(request: str, values: Iterable[Value]) -> bool:
    """Whether the request names a file and, after to/into/as or an arrow, another format, and no
    verb of its own."""
    table = vocabulary()
    text = request.lower()
    for arrow in _ARROWS:
        text = text.replace(arrow, " to ")
    words = [word.strip(",.!?;:'\"()") for word in text.split()]
    verbs = (table.read_verbs | table.change_verbs) - table.stop
    if any(word in verbs for word in words):
        return False
    extensions = {v.text.lower().rsplit(".", 1)[-1] for v in values if v.kind in _FILES and "." in v.text}
    return any(
        word in _BEFORE_FORMAT and after in formats() and extensions - {after}
        for word, after in zip(words, words[1:])
    )


_SAID_FORMAT = re.compile(r"(?:\bto|\binto|\bas|->|=>|→)\s*(?:an?\s+)?\.?([a-z0-9]+)\b", re.IGNORECASE)
_NAMES = re.compile(r"[\w.~/+-]+")


def retyped(command: str, request: str) -> str:
    """"logo.svg to png, 512px wide" got `convert logo.svg -resize 512x logo.jpg`: the example's
    output kept its own format. The one media file the command makes that the request does not name
    takes the format the request asks for ("to png", "as webp", "-> mp3")."""
    media = _media()
    targets = [m.group(1).lower() for m in _SAID_FORMAT.finditer(request) if m.group(1).lower() in media]
    if len(set(targets)) != 1:
        return command
    target = targets[0]
    said = {word.lower() for word in _NAMES.findall(request)}
    made = [word for word in shell_words(command)
            if "." in word and not set(word) & set("{*?[") and word.rsplit(".", 1)[1].lower() in media and word.lower() not in said]
    if len(made) != 1 or made[0].rsplit(".", 1)[1].lower() == target:
        return command
    out = made[0]
    renamed = out.rsplit(".", 1)[0] + "." + target
    return re.sub(rf"(?<![\w./-]){re.escape(out)}(?![\w.-])", renamed, command, count=1)


@functools.cache
def _media() -> frozenset[str]:
    """The formats of the word table's `media:` lines (images, audio, video): files a converter makes."""
    return frozenset(word for role, listed in vocabulary().around.items() if role.startswith("media:") for word in listed)
