"""The rule book: every family's EXAMPLES hold, and every rule has a positive and a negative one.

Examples run through `assess`, as the product does (one parse, validation, rating), with every
program taken as installed. Nothing here runs a command.
"""

from __future__ import annotations

import ast
import collections
import re
from pathlib import Path

import pytest

from nlshell.assess import assess
from nlshell.risk import CAUTION, book

RULES_DIR = Path(book.__file__).resolve().parent / "rules"
UNFILLED = re.compile(r"(?<!\$)\{[a-z_]+\}")  # a reason field its rule was not given
EXAMPLES = book.examples()


def everything_installed(name: str) -> str:
    return "/usr/bin/" + name


@pytest.mark.parametrize(
    ("family", "command", "level", "rule", "fires", "shell"),
    EXAMPLES,
    ids=[
        f"{'' if fires else 'not '}{rule}: {command[:60]}{'' if shell == 'bash' else f' ({shell})'}"
        for _family, command, _level, rule, fires, shell in EXAMPLES
    ],
)
def test_example(family, command, level, rule, fires, shell):
    result = assess(command, shell, which=everything_installed)
    assert result.risk == level, (command, result.risk, result.reasons, result.rules)
    assert not any(UNFILLED.search(reason) for reason in result.reasons), result.reasons
    if fires:
        assert rule in result.rules, (command, result.rules, result.reasons)
    else:
        assert rule not in result.rules, (command, result.rules, result.reasons)


def test_every_rule_has_a_positive_and_a_negative_example():
    positive, negative = collections.defaultdict(int), collections.defaultdict(int)
    for _family, _command, _level, rule, fires, _shell in EXAMPLES:
        (positive if fires else negative)[rule] += 1
    missing = [
        (rule, "positive" if not positive[rule] else "negative")
        for rule in sorted(set(book.RULES) - book.WITHOUT_EXAMPLES)
        if not positive[rule] or not negative[rule]
    ]
    assert missing == []
    assert book.WITHOUT_EXAMPLES == {"shell.check-failed"}  # each has a test of its own, below


def test_examples_name_rules_that_exist_at_their_own_level():
    for family, command, level, rule, fires, _shell in EXAMPLES:
        assert rule in book.RULES, (family, command, rule)
        if fires:
            assert book.RULES[rule].level.rank <= level.rank, (command, rule)


def test_every_family_is_a_module_with_examples_and_every_module_is_a_family():
    modules = {p.stem for p in RULES_DIR.glob("*.py")} - {"__init__"}
    assert modules == set(book.FAMILIES)
    families_with_examples = {family for family, *_ in EXAMPLES}
    assert families_with_examples == set(book.FAMILIES)


def test_a_rule_id_names_its_family():
    for rule in book.RULES.values():
        prefix = rule.id.split(".", 1)[0]
        assert prefix in {*book.FAMILIES, "perms", "k8s", "code", "oneliner"}, rule.id


def test_kubectl_delete_namespace_is_one_row_and_two_examples_in_one_file():
    """The CONTRIBUTING note's worked example stays true."""
    source = (RULES_DIR / "kubernetes.py").read_text()
    tree = ast.parse(source)
    rows = [
        node for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Row"
        and isinstance(node.args[0], ast.Constant) and node.args[0].value == "k8s.delete-namespace"
    ]
    assert len(rows) == 1
    mentions = [e for e in EXAMPLES if e[3] == "k8s.delete-namespace"]
    assert {e[4] for e in mentions} == {True, False}
    assert all(e[0] == "kubernetes" for e in mentions)
    contributing = (Path(__file__).resolve().parent.parent / "CONTRIBUTING.md").read_text()
    assert "k8s.delete-namespace" in contributing and "nlshell/risk/rules/kubernetes.py" in contributing


def test_a_reason_never_fails_over_a_field_nobody_gave():
    rule = book.Rule("files.example", CAUTION, "moves {what} to {where}")
    assert rule.say({"what": "a.txt"}) == "moves a.txt to {where}"
    assert UNFILLED.search(rule.say({"what": "a.txt"}))


@pytest.mark.e2e
def test_the_first_rating_may_come_from_several_threads_at_once():
    """The rules load on the first rating; threads rating at once (benchmarks/eval.py) share one load."""
    import subprocess
    import sys

    code = (
        "import threading\n"
        "from nlshell.risk import rate\n"
        "barrier = threading.Barrier(8)\n"
        "errors, levels = [], []\n"
        "def work():\n"
        "    barrier.wait()\n"
        "    try:\n"
        "        levels.append(rate('git push --force; cat /etc/passwd | sort').risk)\n"
        "    except Exception as exc:\n"
        "        errors.append(repr(exc))\n"
        "threads = [threading.Thread(target=work) for _ in range(8)]\n"
        "[t.start() for t in threads]\n"
        "[t.join() for t in threads]\n"
        "print(errors, sorted(set(str(level) for level in levels)))\n"
    )
    for _ in range(3):
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert proc.stdout.strip() == "[] ['dangerous']", proc.stdout + proc.stderr


def _raise(*_args):
    raise ValueError("a defect in a rule")


@pytest.mark.parametrize(
    ("registry", "command"),
    [
        ("program", "rm -rf ./build"),  # a program's rule function
        ("hook", "ls > out.txt"),  # a command hook
        ("row", "git push"),  # a declarative row's condition
        ("fallback", "sh -c 'rm -rf ./build'"),  # a fallback (shells and interpreters)
    ],
)
def test_a_failing_rule_rates_dangerous_and_the_others_still_run(monkeypatch, registry, command):
    """A rule that raises never stops the rating and never lets the command through: the rating
    is dangerous ("could not check"), and what the other rules found is still there."""
    from nlshell.risk import DANGEROUS, rate

    book.load()
    if registry == "program":
        monkeypatch.setitem(book.PROGRAMS, "rm", [_raise, *book.PROGRAMS["rm"]])
        kept = "files.delete"
    elif registry == "hook":
        monkeypatch.setitem(book.HOOKS, "command", [_raise, *book.HOOKS["command"]])
        kept = "writes.overwrite"
    elif registry == "fallback":
        monkeypatch.setattr(book, "FALLBACKS", [_raise, *book.FALLBACKS])
        kept = "files.delete"  # the code `sh -c` runs is rated all the same
    else:
        failing = book.Row("git.failing", CAUTION, "never said", "git", "push", when=_raise)
        monkeypatch.setitem(book.ROWS, "git", [failing, *book.ROWS["git"]])
        kept = "git.push"  # the rows after the failing one are still tried
    rating = rate(command)
    assert rating.risk == DANGEROUS
    assert "shell.check-failed" in rating.rules
    assert any("could not check" in reason for reason in rating.reasons)
    assert kept in rating.rules  # the other rules still ran


def test_a_command_the_rater_cannot_read_is_dangerous(monkeypatch):
    """A failure before any rule runs (reading the command) is not a pass either."""
    from nlshell.risk import DANGEROUS, engine, rate

    monkeypatch.setattr(engine, "script_of", _raise)
    rating = rate("ls -la")
    assert rating.risk == DANGEROUS
    assert rating.rules == ["shell.check-failed"]
