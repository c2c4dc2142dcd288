"""What the rater does to start quickly — patterns compiled on first use, the grammar's compiled
modules loaded straight from their files — behaves exactly like what it replaces.

Which modules a rating loads is pinned in tests/test_startup.py; the time in benchmarks/guard.py.
"""

from __future__ import annotations

import copy
import os
import re
import sys

import pytest

from nlshell.shell import grammar
from nlshell.shell.patterns import LazyPattern, lazy


def test_a_lazy_pattern_compiles_on_first_use_only():
    broken = lazy("(unclosed")  # re.compile would raise here
    with pytest.raises(re.error):
        broken.search("x")
    pattern = lazy(r"rm\s+-(?P<flags>[rf]+)", re.IGNORECASE)
    assert pattern.compiled() is pattern.compiled()
    assert pattern.compiled() == re.compile(r"rm\s+-(?P<flags>[rf]+)", re.IGNORECASE)


@pytest.mark.parametrize("text", ["rm -rf ~", "RM -R x", "ls -la", "", "rm -rf a; rm -f b"])
def test_a_lazy_pattern_answers_as_the_compiled_one(text):
    source = r"rm\s+-(?P<flags>[rf]+)"
    pattern, compiled = lazy(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    assert bool(pattern.search(text)) == bool(compiled.search(text))
    assert [m.group("flags") for m in pattern.finditer(text)] == [m.group("flags") for m in compiled.finditer(text)]
    assert pattern.sub("X", text) == compiled.sub("X", text)
    assert (pattern.fullmatch(text) is None) == (compiled.fullmatch(text) is None)
    assert pattern.pattern == source and pattern.groupindex == compiled.groupindex


def test_a_copied_lazy_pattern_still_works():
    pattern = lazy("a+")
    assert copy.copy(pattern).fullmatch("aaa") and copy.deepcopy(pattern).fullmatch("aaa")
    assert pattern.fullmatch("aa")  # compiled now: its methods are the compiled pattern's own
    assert pattern.search is not None and copy.deepcopy(pattern).fullmatch("a") and not copy.copy(pattern).fullmatch("b")
    assert not hasattr(LazyPattern.__new__(LazyPattern), "search")  # not set up: refuses, no recursion


def test_the_rule_book_holds_no_compiled_pattern_at_import():
    """Every module-level pattern of the parser and the rules is lazy (a new `re.compile` at import
    time would cost every rating process; tests/test_startup.py cannot see it)."""
    from nlshell.risk import book

    book.load()
    eager = [
        f"{name}.{attr}"
        for name, module in sorted(sys.modules.items())
        if name.startswith(("nlshell.shell", "nlshell.risk"))
        for attr, value in vars(module).items()
        if isinstance(value, re.Pattern)
    ]
    assert eager == []


def _package(root, name: str, files: dict) -> None:
    (root / name).mkdir()
    for file, text in files.items():
        (root / name / file).write_text(text)


def test_a_binding_that_is_not_compiled_is_imported_the_ordinary_way(tmp_path, monkeypatch):
    _package(tmp_path, "fakegrammar_plain", {"__init__.py": "", "_binding.py": "WHO = 'imported'\n"})
    monkeypatch.syspath_prepend(str(tmp_path))
    module = grammar.binding("fakegrammar_plain")
    assert module.WHO == "imported" and sys.modules["fakegrammar_plain"].__name__ == "fakegrammar_plain"
    for name in ("fakegrammar_plain", "fakegrammar_plain._binding"):
        monkeypatch.delitem(sys.modules, name)


def test_a_namespace_package_is_left_to_the_import_system(tmp_path, monkeypatch):
    (tmp_path / "fakegrammar_ns").mkdir()
    (tmp_path / "fakegrammar_ns" / "_binding.py").write_text("WHO = 'namespace'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert grammar._load_from_file("fakegrammar_ns", "fakegrammar_ns._binding") is None
    assert grammar.binding("fakegrammar_ns").WHO == "namespace"
    for name in ("fakegrammar_ns", "fakegrammar_ns._binding"):
        monkeypatch.delitem(sys.modules, name)


def test_a_missing_grammar_is_an_import_error():
    with pytest.raises(ImportError):
        grammar.binding("no_such_grammar_package")


def test_the_loaded_grammar_is_the_installed_one():
    runtime, bash = grammar.binding(grammar.RUNTIME), grammar.binding(grammar.BASH)
    import tree_sitter
    import tree_sitter_bash

    assert tree_sitter.Parser is runtime.Parser and tree_sitter_bash.language is bash.language
    tree = grammar.new_parser().parse(b"ls -la | wc -l")
    assert not tree.root_node.has_error and tree.root_node.children[0].type == "pipeline"


# -- the parsed-command model and the rule book without dataclasses ------------------------------
def test_value_records_compare_by_their_fields():
    from nlshell.risk.paths import PathInfo, classify

    assert classify("/etc") == classify("/etc") and classify("/etc") != classify("/usr")
    assert PathInfo("named", desc="x") == PathInfo("named", False, False, "x")
    assert PathInfo("named", desc="x") != PathInfo("named", desc="y")
    with pytest.raises(TypeError):
        hash(PathInfo("named"))  # mutable: unhashable, as a dataclass was
    assert repr(PathInfo("named", desc="x")).startswith("PathInfo(cls='named', critical=False")


def test_rules_and_ratings_are_frozen_values():
    from nlshell.risk import book
    from nlshell.risk.engine import Finding, Rating
    from nlshell.risk.levels import CAUTION, DANGEROUS

    row = book.Row("git.x", CAUTION, "says {tool}", "git hub", "push|p", ("-f --force",), "-n")
    assert (row.tools, row.sub, row.flags, row.unless) == (("git", "hub"), (frozenset({"push", "p"}),), (("-f", "--force"),), ("-n",))
    assert row == book.Row("git.x", CAUTION, "says {tool}", ("git", "hub"), ("push|p",), (("-f", "--force"),), ("-n",))
    assert row != book.Rule("git.x", CAUTION, "says {tool}")  # another class
    finding = Finding(DANGEROUS, "files.delete-broad", "deletes ~")
    rating = Rating(DANGEROUS, (finding,))
    assert rating == Rating(DANGEROUS, (Finding(DANGEROUS, "files.delete-broad", "deletes ~"),))
    assert len({rating, Rating(DANGEROUS, (finding,))}) == 1 and len({row, row}) == 1
    for thing, field in ((row, "level"), (finding, "reason"), (rating, "risk")):
        with pytest.raises(AttributeError):
            setattr(thing, field, "safe")
        with pytest.raises(AttributeError):
            delattr(thing, field)


def test_model_records_are_compared_by_identity():
    from nlshell.shell.model import Command, Script, Word

    a, b = Word("x"), Word("x")
    assert a != b and a == a and len({a, b}) == 2
    cmd = Command([Word("rm"), Word("-rf")])
    assert (cmd.name, [w.text for w in cmd.args], cmd.assignments, cmd.redirects) == ("rm", ["-rf"], {}, [])
    assert Command([]).redirects is not Command([]).redirects  # no shared default list
    script = Script("ls")
    assert (script.commands, script.unseen, script.calls, script.has_error) == ([], [], 0, False)
    assert Script("a").commands is not Script("b").commands


# -- the guard works on while its child rates -------------------------------------------------------
def _request(command: str = "ls -la"):
    from nlshell.guard.formats import ShellRequest

    return ShellRequest(command=command, shell="bash", cwd=None)


def test_the_guard_looks_for_secrets_while_the_child_rates(tmp_path):
    import time

    from nlshell import guard

    flag = tmp_path / "parent-was-here"

    def rater(command, shell):  # in the child: waits for what the parent does meanwhile
        for _ in range(500):
            if flag.exists():
                return guard.rate(command, shell)
            time.sleep(0.01)
        raise AssertionError("the parent waited for the child first")

    verdict = guard.rate_with_deadline(_request(), time.monotonic() + 20, rater, meanwhile=flag.touch)
    assert (verdict.valid, verdict.risk) == (True, "safe")


def test_a_failure_meanwhile_kills_the_child_and_is_not_swallowed(tmp_path):
    import time

    from nlshell import guard

    pid_file = tmp_path / "child-pid"

    def rater(command, shell):
        pid_file.write_text(str(os.getpid()))
        time.sleep(60)

    def meanwhile():
        while not pid_file.exists() or not pid_file.read_text():
            time.sleep(0.01)
        raise ValueError("meanwhile failed")

    started = time.monotonic()
    with pytest.raises(ValueError):
        guard.rate_with_deadline(_request(), time.monotonic() + 30, rater, meanwhile=meanwhile)
    assert time.monotonic() - started < 20
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)  # killed and reaped, not left running



# -- programs on PATH, looked up without shutil --------------------------------------------------
@pytest.fixture
def programs(tmp_path, monkeypatch):
    """Two PATH directories: an executable in each, a file that is not executable, a directory
    named like a program, and an executable in the current directory."""
    first, second, here = tmp_path / "first", tmp_path / "second", tmp_path / "here"
    for d in (first, second, here):
        d.mkdir()
    for path, mode in ((first / "tool", 0o755), (second / "tool", 0o755), (second / "other", 0o755),
                       (first / "plain", 0o644), (here / "local", 0o755)):
        path.write_text("#!/bin/sh\n")
        path.chmod(mode)
    (first / "adir").mkdir()
    monkeypatch.chdir(here)
    return first, second


@pytest.mark.parametrize("path", ["{first}:{second}", "{second}:{first}", "{first}:{first}:{second}", "", ":",
                                  "{first}::{second}", None])
@pytest.mark.parametrize("name", ["tool", "other", "plain", "adir", "local", "missing", "./local", "sh",
                                  "{first}/tool", "{first}/plain"])
def test_find_program_answers_as_shutil_which(programs, monkeypatch, path, name):
    import shutil

    from nlshell.validate import find_program

    first, second = programs
    name = name.format(first=first)
    if path is None:
        monkeypatch.delenv("PATH", raising=False)
    else:
        monkeypatch.setenv("PATH", path.format(first=first, second=second))
    assert find_program(name) == shutil.which(name)


# -- rule families loaded on demand --------------------------------------------------------------
def _registered_by_family() -> dict:
    """family -> (programs its rows and functions name, prefixes, hooks of any kind), read from
    what the full book registered."""
    from nlshell.risk import book

    book.load()
    found = {}
    for family in book.FAMILIES:
        module = sys.modules[f"nlshell.risk.rules.{family}"]
        mine = lambda fn: getattr(fn, "__module__", None) == module.__name__  # noqa: E731
        programs = {tool for row in getattr(module, "ROWS", ()) for tool in row.tools}
        programs |= {name for name, fns in book.PROGRAMS.items() if any(mine(fn) for fn in fns)}
        prefixes = {prefix for prefix, fn in book.PREFIXES if mine(fn)}
        hooks = [fn for fns in (*book.HOOKS.values(), book.FALLBACKS, book.UNKNOWN) for fn in fns if mine(fn)]
        found[family] = (programs, prefixes, hooks)
    return found


def test_the_on_demand_table_names_exactly_what_each_family_registers():
    from nlshell.risk import book

    registered = _registered_by_family()
    for family, names in book.ON_DEMAND.items():
        programs, prefixes, hooks = registered[family]
        assert sorted(names.split()) == sorted(programs), family
        assert (prefixes, hooks) == (set(), []), f"{family} has hooks or prefixes: it must load with every rating"


def test_loading_on_demand_keeps_every_programs_rules_in_book_order():
    """The first matching row decides: a program named by several families must get their rules in
    FAMILIES order however they load — the always-loaded ones first, then the on-demand ones."""
    from nlshell.risk import book

    registered = _registered_by_family()
    position = {family: i for i, family in enumerate(book.FAMILIES)}
    for program in {p for names in book.ON_DEMAND.values() for p in names.split()}:
        naming = [f for f in book.FAMILIES if program in registered[f][0]]
        core = [position[f] for f in naming if f not in book.ON_DEMAND]
        on_demand = [position[f] for f in naming if f in book.ON_DEMAND]
        assert not core or max(core) < min(on_demand), (program, naming)


def test_parses_in_many_threads_at_once_match_one_by_one():
    from concurrent.futures import ThreadPoolExecutor

    from nlshell.shell.parser import parse

    commands = [f"for f in *.{i}; do rm -rf \"$f\" | tee log{i}; done" for i in range(200)] + ["echo $(( ", "ls"]
    alone = [str(parse(c).root_node) for c in commands]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda c: str(parse(c).root_node), commands * 3))
    assert together == alone * 3
