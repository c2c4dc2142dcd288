"""The shell model: option grammars (which words are options, values, operands)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from nlshell.shell.options import Grammar, parse, read_option
from nlshell.shell.tools import TOOLS, grammar_of


@dataclass
class W:
    text: str
    literal: bool = True


def words(line: str) -> list:
    return [W(t) for t in line.split()]


def operands(tool: str, line: str) -> list:
    return [w.text for w in parse(words(line), grammar_of(tool)).operands]


@pytest.mark.parametrize(
    ("tool", "args", "expected"),
    [
        ("aws", "--profile prod s3 rb --force s3://b", ["s3", "rb", "s3://b"]),
        ("aws", "s3 rb s3://b --region eu-west-1 --force", ["s3", "rb", "s3://b"]),
        ("gcloud", "--project p --quiet projects delete p", ["projects", "delete", "p"]),
        ("az", "--subscription s group delete -n rg", ["group", "delete"]),
        ("docker", "-H tcp://x --log-level=debug system prune -af", ["system", "prune"]),
        ("docker", "compose -f x.yml -p web down -v", ["compose", "down"]),
        ("git", "-C repo -c a=b push --force origin main", ["push", "origin", "main"]),
        ("git", "commit -m 'msg' file", ["commit", "file"]),
        ("kubectl", "--context c -n prod delete namespace prod", ["delete", "namespace", "prod"]),
        ("helm", "--kube-context c -n x uninstall web", ["uninstall", "web"]),
        ("rm", "-rf -- -x /", ["-x", "/"]),
    ],
)
def test_operands_skip_options_and_their_values(tool, args, expected):
    assert operands(tool, args) == expected


def test_flags_after_a_subcommand_are_its_own():
    # git's global -c takes a value; after `push`, flags are push's: `-f` is there, `-C` is not.
    parsed = parse(words("-C repo push -f"), grammar_of("git"))
    assert parsed.has("f") and not parsed.has("C")
    assert parsed.words == ["-C", "-f"]


def test_values_attached_or_separate_are_the_same():
    g = Grammar(short="n", long=frozenset({"--name"}))
    for line in ("-n5 x", "-n 5 x", "--name 5 x", "--name=5 x"):
        parsed = parse(words(line), g)
        assert [w.text for w in parsed.operands] == ["x"], line
        assert parsed.value("-n", "--name") == "5", line


def test_a_word_known_only_at_run_time_is_an_operand():
    parsed = parse([W("-rf"), W("${X}", literal=False), W("-y", literal=False)])
    assert parsed.short == {"r", "f"}
    assert [w.text for w in parsed.operands] == ["${X}", "-y"]


def test_numbers_can_be_operands():
    assert [w.text for w in parse(words("-9 -1"), Grammar(numbers=True)).operands] == ["-9", "-1"]
    assert parse(words("-9 -1")).short == {"9", "1"}


def test_every_declared_grammar_is_a_grammar():
    assert TOOLS and all(isinstance(g, Grammar) for g in TOOLS.values())
    for g in TOOLS.values():
        assert all(name.startswith("--") for name in g.long), g


def test_options_can_end_at_the_first_operand():
    python = grammar_of("python3")
    parsed = parse(words("-W ignore script.py -c x"), python)
    assert [w.text for w in parsed.operands] == ["script.py", "-c", "x"]
    assert parsed.value("-W") == "ignore" and parsed.value("-c") is None
    assert grammar_of("python3.12") is python and grammar_of("pypy3") is python


@pytest.mark.parametrize(
    ("args", "name", "value", "after"),
    [
        ("-c CODE x", "-c", "CODE", 2),
        ("-cCODE x", "-c", "CODE", 1),
        ("-Bc CODE", "-c", "CODE", 2),
        ("-W ignore -c x", "-W", "ignore", 2),
        ("-u -c x", "-u", None, 1),
        ("--eval=CODE", "--eval", "CODE", 1),
        ("script.py -c x", None, None, 1),
    ],
)
def test_read_option(args, name, value, after):
    option = read_option(words(args), 0, Grammar(short="cmW", long=frozenset({"--eval"})))
    assert (option.name, option.value, option.next) == (name, value, after)


@pytest.mark.e2e
def test_characters_that_crash_the_grammar_are_read_as_a_replacement(tmp_path):
    """tree-sitter-bash 0.25 segfaults, now and then, on `{` and a code point past plane 3."""
    import subprocess
    import sys

    code = (
        "from nlshell.shell.parser import parse\n"
        "for cp in (0x60000, 0xADDFA, 0xE0001, 0xFC86D, 0x10FFFD):\n"
        "    for _ in range(4000):\n"
        "        parse('echo a{' + chr(cp))\n"
    )
    for _ in range(3):
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
        assert proc.returncode == 0, proc.stderr[-300:]


def test_the_replacement_keeps_every_other_character_and_positions():
    from nlshell.shell.collect import script_of
    from nlshell.validate import validate

    (cmd,) = script_of("echo \U000f0001 café 🙂").commands
    assert [w.text for w in cmd.args] == ["\ufffd", "café", "🙂"]
    v = validate("echo \U000f0001 (", which=lambda name: "/usr/bin/" + name)
    assert not v.valid and v.error_position == (1, 8)


@pytest.mark.parametrize(
    ("quoted", "means"),
    [
        (r"$'\x72\x6d'", "rm"),
        (r"$'\162\155'", "rm"),  # octal needs no leading 0 here, unlike `echo -e`
        ("$'café'", "café"),  # characters past ASCII stay themselves
        (r"$'\u00e9\U0001F642'", "é🙂"),
        (r"$'\e[1m'", "\x1b[1m"),
        (r"$'\cA\c?'", "\x01\x7f"),
        (r"$'it\'s'", "it's"),
        (r"$'a\qb'", "a\\qb"),  # an escape bash does not know keeps its backslash
    ],
)
def test_ansi_c_strings_mean_what_bash_makes_of_them(quoted, means):
    """`$'…'` is read as bash reads it, so the rater sees the program and paths that will run."""
    import warnings

    from nlshell.shell.collect import script_of

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no decoding that Python itself calls deprecated
        (cmd,) = script_of(f"echo {quoted}").commands
    assert [w.text for w in cmd.args] == [means]


def _rm_values(command: str) -> list:
    """The values each word after `rm` can take, or None for a word known only at run time."""
    from nlshell.shell.collect import script_of

    (cmd,) = [c for c in script_of(command).commands if c.name == "rm"]
    return [list(w.values()) if w.literal else None for w in cmd.args]


@pytest.mark.parametrize(
    ("command", "values"),
    [
        ('while read f; do rm "$f"; done <<< /', [["/"]]),
        ('while read -r d; do rm "$d"; done <<< "$HOME"', [["${HOME}"]]),
        ("printf 'a\\n b c \\n' | while read -r f; do rm \"$f\"; done", [["a", "b c"]]),
        ("printf 'a\\n b c \\n' | while IFS= read -r f; do rm \"$f\"; done", [["a", " b c "]]),
        ('echo / | while read f; do rm "$f"; done', [["/"]]),
        ('while IFS= read -r f; do rm "$f"; done <<EOF\n/etc\nbuild\nEOF', [["/etc", "build"]]),
        ('cat <<EOF | while read f; do rm "$f"; done\n/etc\nEOF', [["/etc"]]),
        ('while read a b; do rm "$a" "$b"; done <<< "x  y z "', [["x"], ["y z"]]),
        ('while IFS=, read a b; do rm "$b"; done <<< "x,/,"', [["/"]]),
        ('while read f || [ -n "$f" ]; do rm "$f"; done <<< /', [["/"]]),
        ('for x in build /; do read d <<< "$x"; rm "$d"; done', [["build", "/"]]),
    ],
)
def test_a_while_read_loop_takes_the_lines_of_its_literal_input(command, values):
    """`while read f; do rm -rf "$f"; done <<< /` deletes `/`: the names `read` fills take every
    line of the loop's here-string, here-document or the literal text piped into it."""
    assert _rm_values(command) == values


@pytest.mark.parametrize(
    "command",
    [
        "find . -name '*.tmp' | while read f; do rm \"$f\"; done",
        'while read f; do rm "$f"; done < list.txt',
        'echo / | while read f; do rm "$f"; done < list.txt',  # the file, not the pipe, is its input
        'echo / | { while read f; do rm "$f"; done; } < list.txt',
        '{ echo build; cat list; } | while read f; do rm "$f"; done',
        "for x in a /; do echo $x; done | while read f; do rm \"$f\"; done",
        'echo * | while read f; do rm "$f"; done',
        'while read f; do rm "$f"; done <<< "$(cat list)"',
        'while read f; do rm "$f"; done <<EOF\n$HOME\nEOF',
        'while read a b; do rm "$a"; done <<< "$HOME x"',  # a value known at run time may hold blanks
        "while read f; do rm \"$f\"; done <<< 'a\\b'",  # without -r the backslash is read as an escape
        'echo / | while read -u 3 f; do rm "$f"; done',
        "while read -d '' f; do rm \"$f\"; done <<< /",
        'f=/; while read f; do rm "$f"; done < list.txt',
    ],
)
def test_a_while_read_loop_fed_what_is_not_known_leaves_its_names_unknown(command):
    assert _rm_values(command) == [None]


@pytest.mark.parametrize(
    ("line", "count", "ifs", "fields"),
    [  # each as bash 5 splits it
        ("  x   y  z  ", 2, " \t\n", ["x", "y  z"]),
        ("  x y ", 2, "", ["  x y ", ""]),
        ("1,2,", 2, ",", ["1", "2"]),
        ("x,", 1, ",", ["x"]),
        ("1,2,,", 2, ",", ["1", "2,,"]),
        (" 1 , 2 , ", 2, ", ", ["1", "2"]),
        ("1,,3", 3, ",", ["1", "", "3"]),
        ("1", 2, ",", ["1", ""]),
    ],
)
def test_read_splits_a_line_as_bash_does(line, count, ifs, fields):
    from nlshell.shell.reads import split_fields

    assert split_fields(line, count, ifs) == fields
