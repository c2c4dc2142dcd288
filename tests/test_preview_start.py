"""What the effect preview does to start quickly — plain slotted records, patterns compiled on first
use, glob, signal and heapq left unimported — behaves exactly like what it replaces.

Which modules a preview loads is pinned in tests/test_startup.py; the time in benchmarks/guard.py.
"""

from __future__ import annotations

import glob
import heapq
import os
import random
import re
import signal
import sys
import time

import pytest

from nlshell import preview  # noqa: F401 - every preview module, as a caution rating loads them
from nlshell.preview.context import Context, Target, has_magic
from nlshell.preview.effect import DELETE, Effect
from nlshell.preview.signals import signal_name
from nlshell.preview.walk import NEWEST, Entry, Tally


def test_no_preview_module_holds_a_compiled_pattern_at_import():
    eager = [
        f"{name}.{attr}"
        for name, module in sorted(sys.modules.items())
        if name.startswith("nlshell.preview")
        for attr, value in vars(module).items()
        if isinstance(value, re.Pattern)
    ]
    assert eager == []


# -- records without dataclasses --------------------------------------------------------------------
def test_effects_are_mutable_values_with_fresh_defaults():
    a = Effect(DELETE, "deletes 3 files", 3, 300, ["build"], False, ["newest: a.o"])
    assert a == Effect(DELETE, "deletes 3 files", count=3, bytes=300, paths=["build"], details=["newest: a.o"])
    assert a != Effect(DELETE, "deletes 3 files", 3, 301, ["build"], False, ["newest: a.o"])
    assert a != Effect("overwrite", "deletes 3 files", 3, 300, ["build"], False, ["newest: a.o"])
    assert a.__eq__("deletes 3 files") is NotImplemented
    with pytest.raises(TypeError):
        hash(a)  # mutable, so unhashable, as the dataclass was
    bare, other = Effect(DELETE, "x"), Effect(DELETE, "x")
    assert (bare.count, bare.bytes, bare.paths, bare.more, bare.details) == (None, None, [], False, [])
    assert bare.paths is not other.paths and bare.details is not other.details  # no shared default list
    a.more = True
    assert a.as_json()["more"] is True
    assert repr(bare) == "Effect(kind='delete', summary='x', count=None, bytes=None, paths=[], more=False, details=[])"
    with pytest.raises(AttributeError):
        a.extra = 1  # slotted: a misspelt field is an error, not a silent new attribute


def test_a_context_defaults_to_now_this_user_and_its_own_directory():
    before = time.time()
    ctx = Context("/work", {"HOME": "/home/me"})
    assert before <= ctx.now <= time.time()
    assert (ctx.cwd, ctx.root, ctx.deadline, ctx.as_root, ctx.assigned) == ("/work", "/", 0.0, False, frozenset())
    assert (ctx.base, ctx.uid, ctx.git_deadline, ctx.home) == ("/work", os.getuid(), None, "/home/me")
    told = Context(None, {}, "/fake", 5.0, 1.0, True, frozenset({"X"}), "/base", 1234, 2.0)
    assert (told.cwd, told.root, told.now, told.deadline, told.as_root, told.assigned, told.base, told.uid,
            told.git_deadline) == (None, "/fake", 5.0, 1.0, True, frozenset({"X"}), "/base", 1234, 2.0)
    assert Context(None, {}).base is None
    assert Context("/w", {}, now=1.0, uid=7) == Context("/w", {}, now=1.0, uid=7)
    assert Context("/w", {}, now=1.0, uid=7) != Context("/w", {}, now=1.0, uid=8)
    assert Context("/w", {}, uid=0).uid == 0 and Context("/w", {}, now=0.0).now == 0.0  # 0 is a value


def test_targets_compare_by_their_fields():
    assert Target("~/a", "/home/me/a") == Target("~/a", "/home/me/a", "")
    assert Target("$X", None, "unknown") != Target("$X", None, "")
    assert repr(Target("a", "/w/a")) == "Target(written='a', path='/w/a', why='')"


# -- modules imported only when needed ----------------------------------------------------------------
@pytest.mark.parametrize("text", ["", "plain", "*.log", "a?c", "[ab]", "a]b", "{a,b}", "x/*/y", "\\*", "!", "~/a"])
def test_has_magic_answers_as_glob_has_magic(text):
    assert has_magic(text) == glob.has_magic(text)


def _names_before() -> set:
    return {s.name[3:] for s in signal.Signals if s.name.startswith("SIG") and not s.name.startswith("SIG_")}


def test_signal_names_are_read_as_before():
    names = _names_before()
    for name in sorted(names):
        assert signal_name(name) == name and signal_name("-SIG" + name.lower()) == name
    for number in range(0, 70):
        try:
            expected = signal.Signals(number).name[3:] if number else "0"
        except ValueError:
            expected = None
        assert signal_name(str(number)) == expected and signal_name(f"-{number}") == expected
    assert [signal_name(t) for t in ("-f", "NOPE", "SIG", "-", "")] == [None] * 5


def test_the_newest_files_are_kept_as_a_heap_kept_them():
    chooser = random.Random(19)
    ctx = Context("/w", {}, now=10_000.0)
    for count in (0, 1, 2, NEWEST, NEWEST + 1, 50):
        for _ in range(20):
            tally = Tally(ctx)
            stamps = [(float(chooser.choice(range(8))), f"/w/f{i}") for i in range(count)]
            for mtime, path in stamps:
                tally.add(Entry(path, 1, os.stat_result((0o100644, 0, 0, 1, 0, 0, 1, 0, int(mtime), 0))))
            assert sorted(tally.newest, reverse=True) == heapq.nlargest(NEWEST, stamps)
