"""What a previewed effect is, and how its numbers read: sizes, ages, counts, paths.

An Effect is one thing a command would do here — delete, overwrite, change permissions, discard
git work, write a device, signal processes — with a one-line summary for the menu, detail lines for
Describe, and the numbers behind them for `--json`. The words are written once, here, so every
family reads the same.
"""

from __future__ import annotations

import time

from nlshell.shell.records import Value

MAX_PATHS = 50  # paths listed in an effect; `count` says how many there are in all

DELETE, OVERWRITE, PERMISSIONS, GIT, DEVICE, SIGNAL = (
    "delete", "overwrite", "permissions", "git", "device", "signal",
)


class Effect(Value):
    """One thing a command would do here.

    `count` is what the effect touches (files for a delete or overwrite, entries for a permission
    change, files or commits for git, processes for a signal, devices for a device); None when it
    cannot be known before the command runs. `more` marks `count` and `bytes` as lower bounds: a
    walk stopped at its limit. (A plain slotted class, not a dataclass: a caution or dangerous
    command in the guard computes a preview in a fresh process, and `dataclasses` costs ~8 ms there.)
    """

    __slots__ = ("kind", "summary", "count", "bytes", "paths", "more", "details")

    def __init__(self, kind: str, summary: str, count: int | None = None, bytes: int | None = None,  # noqa: A002
                 paths: list | None = None, more: bool = False, details: list | None = None) -> None:
        self.kind = kind
        self.summary = summary
        self.count = count
        self.bytes = bytes
        self.paths = [] if paths is None else paths
        self.more = more
        self.details = [] if details is None else details

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "summary": self.summary,
            "count": self.count,
            "bytes": self.bytes,
            "paths": list(self.paths[:MAX_PATHS]),
            "more": self.more,
            "details": list(self.details),
        }


def unknown(kind: str, what: str, why: str) -> Effect:
    """An effect whose targets only exist when the command runs (`rm -rf "$(mktemp -d)"`)."""
    return Effect(kind, f"{what} {why}" if why.startswith("(") else f"{what}: {why}", None, None, [])


# -- words ---------------------------------------------------------------------------------------
def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def amount(n: int, one: str, more: bool, many: str | None = None) -> str:
    """`1,204 files`, or `more than 10,000 files` when a walk stopped early."""
    text = plural(n, one, many)
    return f"more than {text}" if more else text


def size(n: int) -> str:
    """Decimal units, as disks and file managers show them: 812 bytes, 12 KB, 1.2 MB, 500 GB."""
    if n < 1000:
        return plural(n, "byte")
    value = float(n)
    for unit in ("KB", "MB", "GB", "TB", "PB"):
        value /= 1000
        if value < 999.5 or unit == "PB":
            return f"{value:.1f} {unit}" if value < 9.95 else f"{value:.0f} {unit}"
    return f"{n} bytes"  # pragma: no cover - the loop always returns


def age(mtime: float, now: float | None = None, verb: str = "changed") -> str:
    """`changed 3 days ago`: when something last happened, in the unit a person would use."""
    seconds = (time.time() if now is None else now) - mtime
    if seconds < -60:
        return f"{verb} in the future (its clock is off)"
    for unit, length in (("year", 365 * 86400), ("month", 30 * 86400), ("week", 7 * 86400),
                         ("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= length:
            return f"{verb} {plural(int(seconds // length), unit)} ago"
    return f"{verb} just now"


def shown(path: str) -> str:
    """A path as one line of text: newlines and other control characters as escapes."""
    from nlshell.text import visible

    return visible(path.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t"))


def listing(items: list, limit: int = 3) -> str:
    """`a, b, c` or `a, b, c and 4 more`."""
    head = ", ".join(items[:limit])
    rest = len(items) - limit
    return f"{head} and {rest:,} more" if rest > 0 else head


def outside_remark(outside: list, total: int) -> str:
    """` — outside the current directory[: a, b]` (the list only when some are inside), or ""."""
    if not outside:
        return ""
    if len(outside) == total:
        return " — outside the current directory"
    return " — outside the current directory: " + listing([shown(p) for p in outside], 2)
