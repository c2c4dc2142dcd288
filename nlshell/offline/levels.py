"""How hard to compress: "as small as possible", "maximum compression" → the best level (`gzip -9`),
"as fast as possible", "fastest" → the quickest (`gzip -1`), "at level 19" → that one (`zstd -19`).

Read only in a request that compresses, so "the fastest mirror" is no level. A level goes into a
range placeholder (`gzip -{{1..9}}`, `zip -{{0..9}}`, `zstd -{{1..19}}`) as that range's end, or,
when the example has none, in front of a compressor's operands as its own option (`gzip -9`).
"""

from __future__ import annotations

import re
from nlshell.offline.value import Add

# Words that say the request compresses something (after the word table's respelling).
_COMPRESSING = frozenset(
    "compress compressed compressing compression shrink gzip gz bzip2 xz zstd zip pack archive tar squeeze".split()
)
_BEST = frozenset("best maximum max highest strongest smallest tightest ultra".split())
_FASTEST = frozenset("fastest quickest lowest least minimum min lightest".split())
_POSSIBLE = frozenset("possible posible possibly".split())
# A compressor's level option: `-N` in front of its operands, and its best level.
_COMPRESSORS = {"gzip": 9, "pigz": 9, "bzip2": 9, "xz": 9, "lzma": 9, "zip": 9, "zstd": 19}
_NOT_COMPRESSING = re.compile(r"-[a-zA-Z]*[dltT][a-zA-Z]*|--(?:decompress|uncompress|list|test)")
_RANGE = re.compile(r"^(\d+)(?:\.\.|-)(\d+)$")  # `{{1..9}}`, grim's `{{0-9}}`



def read(add: Add, lower: list[str], i: int) -> bool:
    """A compression level stated from token `i` ("as small as possible", "the best compression",
    "fastest"); whether it read one. The word "compression" stays a search word."""
    if not _COMPRESSING & set(lower):
        return False
    word = lower[i]
    if word == "as" and i + 3 < len(lower) and lower[i + 2] == "as" and (
        lower[i + 3] in _POSSIBLE or lower[i + 3 : i + 5] in (["it", "gets"], ["it", "goes"], ["it", "can"], ["you", "can"])
    ):  # "as small as possible", "as small as it gets"
        level = "max" if lower[i + 1] in ("small", "tight", "much", "hard") else "min" if lower[i + 1] in ("fast", "quick", "quickly") else ""
        if level:
            add("level", level, i, last=i + 3 if lower[i + 3] in _POSSIBLE else i + 4)
            return True
        return False
    if word == "level" and i + 1 < len(lower) and lower[i + 1].isdigit() and int(lower[i + 1]) <= 22:
        add("level", lower[i + 1], i, last=i + 1)  # "with zstd at level 19", "compression level 9": that level
        return True
    if word in _BEST or word in _FASTEST:
        after = lower[i + 1] if i + 1 < len(lower) else ""
        if after in ("compression", "level", "ratio", "possible", "") or word in ("smallest", "fastest", "quickest"):
            add("level", "max" if word in _BEST else "min", i)
            return True
    return False


def level_range(inner: str) -> re.Match | None:
    """The range a level placeholder offers (`1..9`), or None."""
    return _RANGE.match(inner.strip())


def shown(level: str, inner: str) -> str:
    """The level as the placeholder's range writes it: its top, or its lowest that still compresses."""
    low, high = (int(n) for n in _RANGE.match(inner.strip()).groups())
    if level.isdigit():
        return str(min(max(int(level), low), high))  # "level 19" of `gzip -{{1..9}}`: its best
    return str(high if level == "max" else max(low, 1))


def with_level(command: str, unused: list) -> tuple[str, bool]:
    """`command` with the level the request states as its compressor's option (`gzip -9 huge.csv`),
    when it is one compressor with no level of its own; whether it took the level (removed from
    `unused`)."""
    value = next((v for v in unused if v.kind == "level"), None)
    words = command.split()
    if value is None or not words or words[0] not in _COMPRESSORS or any(re.fullmatch(r"-\d+", w) for w in words):
        return command, False
    if re.search(r"[|;&]", command) or any(_NOT_COMPRESSING.fullmatch(w) for w in words[1:]):
        return command, False  # `gzip -l`, `xz -d`: no level makes a listing or an unpacking smaller
    best = _COMPRESSORS[words[0]]
    level = min(int(value.text), best) if value.text.isdigit() else best if value.text == "max" else 1
    unused.remove(value)
    return f"{words[0]} -{level}" + command[len(words[0]) :], True
