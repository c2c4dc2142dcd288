"""The targets a request asks `make` for by name: "make clean then build with 4 jobs", "clean
build with make, 4 jobs", "run make install".

A target is an everyday word (clean, install, test), so nothing reads it as a value and `make -j 4
{{target}}` stayed a template. Said right after "make", or before "build" with make named, a word
of the word table's `around make_targets` line is the target ("the docs target" is read with the
other typed names, nlshell/offline/typed.py).
"""

from __future__ import annotations

from nlshell.offline.value import Add, Value


def read(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Add) -> None:
    """Add the make target the request names."""
    if "make" not in lower or any(v.kind == "target" for v in values):
        return
    from nlshell.offline.vocabulary import vocabulary

    targets = vocabulary().around.get("make_targets", frozenset())
    for i, word in enumerate(lower):
        after_make = i and lower[i - 1] == "make" and (i == 1 or lower[i - 2] in _BEFORE_MAKE)
        before_build = lower[i + 1 : i + 2] == ["build"] and i == 0  # "clean build with make"
        if i not in taken and word.strip(",") in targets and (after_make or before_build):
            add("target", tokens[i].strip(","), i)
            values.sort(key=lambda v: v.at)
            return


_BEFORE_MAKE = frozenset({"run", "do", "then", "and", "just", "a", "with", "via", "using", "sudo"})
