"""Validation: syntax (confirmed by the real shell), programs that exist, and what `assess` returns."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nlshell.assess
import nlshell.shell.collect
import nlshell.validate
from nlshell.assess import Assessment, assess
from nlshell.risk import Level, book
from nlshell.shell import parser as parser_module
from nlshell.shell.collect import script_of
from nlshell.validate import Validation, is_warning, validate
from nlshell.validate import syntax as syntax_module

KNOWN = {
    "ls",
    "cat",
    "grep",
    "find",
    "xargs",
    "awk",
    "sort",
    "uniq",
    "head",
    "sed",
    "git",
    "rm",
    "sudo",
    "env",
    "nice",
    "python3",
    "bash",
    "sh",
    "zsh",
    "tr",
    "wc",
    "echo",
    "date",
    "ssh",
    "watch",
    "timeout",
    "stdbuf",
    "ionice",
    "nohup",
    "tee",
    "cut",
    "gzip",
    "diff",
}


def fake_which(name: str) -> str | None:
    """A PATH with a fixed set of programs, so tests never depend on this machine's."""
    return f"/usr/bin/{name}" if name in KNOWN else None


def nothing_installed(name: str) -> None:
    return None


def warnings_of(v: Validation) -> list:
    return [p for p in v.problems if is_warning(p)]


# --- syntax ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "position"),
    [
        ("ls (", (1, 4)),
        ("ls )", (1, 4)),
        ('echo "abc', (1, 6)),
        ("for x in; do", (1, 13)),
        ("if true; then", (1, 14)),
        ("echo ok\nls (", (2, 4)),
    ],
)
def test_syntax_errors_have_a_position(command, position):
    v = validate(command, which=fake_which)
    assert v.valid is False
    assert v.error_position == position
    assert v.problems[0].startswith(f"syntax error at {position[0]}:{position[1]}")
    assert not is_warning(v.problems[0])


@pytest.mark.parametrize(
    "command",
    [
        "exec 3<>path/to/file",  # tree-sitter flags these; bash accepts them
        'for d in */; do (cd "$d" || continue; echo hi) done',
        "{ while true; do echo $RANDOM; sleep 1; done } | cat",
    ],
)
def test_tree_sitter_errors_are_confirmed_by_bash(command):
    assert script_of(command).has_error
    v = validate(command, which=fake_which)
    assert v.valid, v.problems


def test_clean_parse_never_spawns_a_shell(monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("bash -n must only run for tree-sitter errors")

    monkeypatch.setattr(subprocess, "run", boom)  # syntax.py imports it only when it needs a shell
    v = validate("find . -name '*.py' | xargs grep -n TODO | sort | uniq -c", which=fake_which)
    assert v.valid and v.problems == []


def test_empty_command_is_invalid():
    for command in ("", "   ", "\n"):
        v = validate(command)
        assert not v.valid and v.problems == ["the command is empty"]


def test_nul_byte_is_invalid():
    v = validate("ls\x00 -la")
    assert not v.valid and "NUL" in v.problems[0]


def test_long_commands_pass():
    stages = " | ".join(f"awk '{{print ${i % 9 + 1}}}'" for i in range(180))
    command = "find . -type f -name '*.log' -print0 | xargs -0 cat | " + stages
    assert len(command) > 3000
    v = validate(command, which=fake_which)
    assert v.valid and v.problems == [], v.problems


def test_heredocs_are_valid_and_their_bodies_are_data():
    v = validate("cat <<EOF > notes.txt\nfrobnicate --all\nEOF", which=fake_which)
    assert v.valid and v.problems == []
    v = validate("python3 - <<'EOF'\nimport os\nprint(os.getcwd())\nEOF", which=fake_which)
    assert v.valid and v.programs == ["python3"]


# --- programs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("program", "hint"),
    [
        ("fd", "find"),
        ("rg", "grep -r"),
        ("bat", "cat"),
        ("exa", "ls"),
        ("eza", "ls"),
        ("htop", "top"),
        ("python", "python3"),
        ("ip", "ifconfig"),
    ],
)
def test_unknown_program_is_a_warning_with_a_hint(program, hint):
    v = validate(f"{program} x", which=fake_which)
    assert v.valid is True
    assert v.problems == [f"warning: `{program}` is not installed; try `{hint}`"]
    assert is_warning(v.problems[0])


def test_unknown_program_without_hint():
    v = validate("frobnicate --all", which=fake_which)
    assert v.valid
    assert warnings_of(v) == [
        "warning: `frobnicate` is not installed or not on PATH (fine if it is an alias or function)"
    ]


def test_a_runner_is_looked_up_by_its_program_name():
    warnings = warnings_of(validate("uv run pytest -q", which=nothing_installed))
    assert "warning: `uv` is not installed or not on PATH (fine if it is an alias or function)" in warnings
    assert not any("`uv run`" in w for w in warnings), warnings


def test_builtins_and_keywords_need_no_path():
    command = "cd /tmp && export A=1; alias ll='ls'; source x; . y; type ls; [[ -f x ]]; test -d y; : ; true; history; set -e; read v; printf x; wait; trap '' INT"
    v = validate(command, which=nothing_installed)
    assert v.valid and warnings_of(v) == [], v.problems


def test_shell_specific_builtins():
    assert warnings_of(validate("print -l a b; setopt extendedglob", "zsh", which=nothing_installed)) == []
    assert warnings_of(validate("print -l a b", "bash", which=nothing_installed)) != []


def test_functions_and_aliases_defined_in_the_command_are_known():
    v = validate("greet() { echo hi; }; greet; alias g=git; g status", which=fake_which)
    assert warnings_of(v) == []


def test_script_paths_are_checked_on_disk(tmp_path):
    runnable = tmp_path / "work" / "run.sh"
    runnable.write_text("#!/bin/sh\necho hi\n")
    runnable.chmod(runnable.stat().st_mode | stat.S_IXUSR)
    plain = tmp_path / "work" / "plain.sh"
    plain.write_text("echo hi\n")
    plain.chmod(0o644)
    assert validate("./run.sh", which=nothing_installed).problems == []
    assert validate(f"{runnable} --x", which=nothing_installed).problems == []
    assert validate("./plain.sh", which=nothing_installed).problems == [
        "warning: `./plain.sh` is not executable (try `sh ./plain.sh` or `chmod +x ./plain.sh`)"
    ]
    assert validate("./missing.sh", which=nothing_installed).problems == [
        "warning: `./missing.sh` does not exist"
    ]
    assert validate("/no/such/tool", which=nothing_installed).valid


@pytest.mark.parametrize(
    "command",
    [
        "sudo frob x",
        "sudo -u bob -E frob",
        "env A=1 B=2 frob",
        "env -i PATH=/usr/bin frob",
        "A=1 B=2 frob",
        "nohup frob &",
        "time frob",
        "nice -n 5 frob",
        "timeout 10 frob",
        "exec frob",
        "command frob",
        "stdbuf -oL frob",
        "ionice -c3 frob",
        "sudo env nice -n 19 timeout 5 frob",
        "xargs frob",
        "xargs -I{} -n 1 frob {}",
        "find . -name x -exec frob {} \\;",
        "find . -execdir frob {} +",
        "sh -c 'frob x'",
        'bash -c "cd /tmp && frob"',
        "echo $(frob)",
        "echo `frob`",
        "diff <(frob a) <(frob b)",
        "(frob)",
        "{ frob; }",
        "ls | frob",
        "ls && frob || frob",
        "watch frob",
        "eval 'frob x'",
        "if true; then frob; fi",
        'for f in *; do frob "$f"; done',
    ],
)
def test_programs_are_found_through_wrappers(command):
    v = validate(command, which=fake_which)
    assert v.valid, v.problems
    assert "frob" in v.programs
    assert warnings_of(v) and all("`frob`" in w for w in warnings_of(v))


@pytest.mark.parametrize(
    "command",
    [
        'echo "frob x"',
        "grep 'frob' notes.txt",
        "cat <<EOF\nfrob\nEOF",
        "cat <<< 'frob'",
        "$FROB x",
        "${FROB:-ls} x",
        "git commit -m 'frob the widgets'",
        "command -v frob",
        "type frob",
        "which frob",
        "ssh host 'frob --remote'",
    ],
)
def test_programs_in_data_are_not_checked(command):
    v = validate(command, which=fake_which)
    assert "frob" not in v.programs
    assert not any("frob" in w for w in warnings_of(v))


def test_programs_are_listed_in_order_once():
    v = validate("sudo ls $(cat x) | grep a | grep b", which=fake_which)
    assert v.programs == ["sudo", "ls", "cat", "grep"]


def test_default_which_uses_path(monkeypatch, tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    tool = bin_dir / "only-here"
    tool.write_text("#!/bin/sh\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    assert validate("only-here").problems == []
    assert warnings_of(validate("not-here"))


# --- shells ----------------------------------------------------------------------------------


def _need(program: str) -> None:
    if shutil.which(program) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} must be installed in CI")
        pytest.skip(f"{program} is not installed")


def test_fish_syntax_is_checked_by_fish():
    _need("fish")
    assert validate("if true; echo hi; end", "fish", which=fake_which).valid
    assert validate("set x (ls); echo $x", "fish", which=fake_which).valid
    v = validate("ls (", "fish", which=fake_which)
    assert not v.valid
    assert v.problems[0].startswith("syntax error at 1:4")
    v = validate("echo a\nif true\n echo b", "/usr/bin/fish", which=fake_which)
    assert not v.valid and v.error_position is not None


def test_fish_missing_is_a_note_not_a_failure(monkeypatch):
    real = syntax_module.find_program
    monkeypatch.setattr(syntax_module, "find_program", lambda name: None if name == "fish" else real(name))
    v = validate("if true; echo hi; end", "fish", which=fake_which)
    assert v.valid
    assert any("fish is not installed" in p for p in v.problems)


def test_zsh_syntax_is_confirmed_by_zsh():
    _need("zsh")
    assert validate("print -l ${(f)x}", "zsh", which=fake_which).valid
    v = validate("echo $(ls", "zsh", which=fake_which)
    assert not v.valid and v.problems[0].startswith("syntax error at 1:")


def test_sh_is_checked_like_bash():
    assert not validate("ls (", "sh", which=fake_which).valid
    assert validate("ls -la", "/bin/sh", which=fake_which).valid


# --- assess ----------------------------------------------------------------------------------


def test_assess_combines_validation_and_rating():
    a = assess("rm -rf ~", which=fake_which)
    assert isinstance(a, Assessment)
    assert a.command == "rm -rf ~"
    assert a.valid is True and a.problems == []
    assert a.risk == "dangerous" and a.reasons
    assert a.programs == ["rm"]


def test_assess_invalid_and_risky_at_once():
    a = assess("rm -rf / (", which=fake_which)
    assert a.valid is False
    assert a.risk == "dangerous"


def test_assess_parses_once(monkeypatch):
    calls = []
    real = parser_module.parse

    def counting(command):
        calls.append(command)
        return real(command)

    for module in (nlshell.assess, nlshell.validate, nlshell.shell.collect):  # every caller of parse
        monkeypatch.setattr(module, "parse", counting)
    a = assess("find . -name '*.tmp' -delete | wc -l", which=fake_which)
    assert a.risk == "caution"
    assert calls == ["find . -name '*.tmp' -delete | wc -l"]


def test_code_nested_too_deeply_is_valid_but_its_programs_are_unchecked_and_it_is_dangerous():
    deep = "not-a-program"
    for _ in range(10):
        deep = "sh -c '" + deep.replace("'", "'\\''") + "'"
    a = assess(deep, which=fake_which)
    assert a.valid is True
    assert any("nested too deeply to check which programs it runs" in p for p in warnings_of(a))
    assert a.risk == "dangerous"


def test_assess_empty_command():
    a = assess("")
    assert a.valid is False and a.risk == "safe" and a.programs == []


def test_parser_is_created_once():
    validate("ls")
    idle = list(parser_module._IDLE)  # one parser per parse that ever ran at the same time as another
    validate("ls -la")
    assert idle and sorted(map(id, parser_module._IDLE)) == sorted(map(id, idle))  # reused, none made


# --- robustness --------------------------------------------------------------------------------

SHELLISH = st.sampled_from(
    [
        "rm",
        "-rf",
        "/",
        "~",
        "*",
        "'",
        '"',
        "$(",
        ")",
        "`",
        "|",
        "&",
        "&&",
        ";",
        "<<",
        "EOF",
        "\n",
        "{",
        "}",
        "(",
        "$x",
        "sudo",
        "sh",
        "-c",
        "eval",
        "find",
        "-exec",
        "{}",
        "\\;",
        "xargs",
        "dd",
        "of=/dev/sda",
        "for",
        "in",
        "do",
        "done",
        "while",
        "if",
        "then",
        "fi",
        ">",
        ">>",
        "2>&1",
        "x=1",
        "git",
        "push",
        "-f",
        "curl",
        "ssh",
        "python3",
        "\\",
        "$'",
        "#",
        "!",
        "[[",
        "]]",
        "case",
        "esac",
        ";;",
        "f()",
        "<(",
        "$((",
        "))",
        "\t",
        "caf\udce9",
        "é",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(SHELLISH, max_size=20).map(" ".join)))
def test_assess_never_raises(command):
    a = assess(command, which=fake_which)
    assert isinstance(a.valid, bool)
    assert isinstance(a.risk, Level)
    assert all(isinstance(p, str) for p in a.problems + a.reasons + a.rules + a.programs)
    # a rating rests on rules: none for safe, and the worst of them sets the level
    assert (a.risk == Level.SAFE) == (a.rules == [] == a.reasons)
    assert a.risk == max((book.RULES[r].level for r in a.rules), key=lambda level: level.rank, default=Level.SAFE)


@pytest.mark.parametrize("euid, advice", [(0, "you are root already, so leave it out"), (1000, "try `su -c`")])
def test_a_missing_sudo_gets_advice_that_fits_who_you_are(monkeypatch, euid, advice):
    monkeypatch.setattr(os, "geteuid", lambda: euid)
    result = validate("sudo ls", which=lambda name: None if name == "sudo" else f"/usr/bin/{name}")
    assert result.valid
    assert [p for p in result.problems if "sudo" in p] == [f"warning: `sudo` is not installed; {advice}"]
