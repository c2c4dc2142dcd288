"""Docs cannot drift: every flag and subcommand in --help is in the README, and CI runs the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nlshell.cli.flags import SUBCOMMANDS

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text()


def help_flags(text: str) -> set[str]:
    """Flags from argparse's option lines (not from examples in the epilog)."""
    flags = set()
    for line in text.splitlines():
        if line.startswith("  -"):
            flags.update(re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", line.split("  ", 2)[1]))
    return flags - {"-h", "--help"}


def test_every_main_flag_is_in_the_readme(nlshell):
    flags = help_flags(nlshell("--help").stdout)
    assert "--print" in flags
    missing = sorted(f for f in flags if f not in README)
    assert missing == []


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_every_subcommand_and_its_flags_are_in_the_readme(nlshell, name):
    assert f"nlshell {name}" in README
    r = nlshell(name, "--help")
    assert r.returncode == 0, r
    assert "example" in r.stdout.lower() or "setup" in r.stdout.lower()
    missing = sorted(f for f in help_flags(r.stdout) if f not in README)
    assert missing == [], f"{name}: {missing}"


def table_flags(name: str | None) -> set[str]:
    """The options cli/flags.py gives the request (None) or a subcommand, as --help shows them."""
    from nlshell.cli import flags

    table = flags.REQUEST if name is None else flags.SUBCOMMAND_FLAGS[name]
    return {n for f in table if not f.hidden for n in f.names}


@pytest.mark.parametrize("name", [None, *SUBCOMMANDS])
def test_the_flag_table_is_what_help_shows(name, capsys):
    from nlshell.cli import main

    with pytest.raises(SystemExit) as exited:  # argparse's --help exits
        main([name, "--help"] if name else ["--help"])
    assert exited.value.code == 0
    assert help_flags(capsys.readouterr().out) == table_flags(name)


def test_every_option_in_the_flag_table_is_in_the_readme():
    missing = sorted({n for name in (None, *SUBCOMMANDS) for n in table_flags(name) if n not in README})
    assert missing == []


def readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README)


def test_readme_opens_with_install_and_run_then_install_and_test():
    first, second = readme_commands()[:2]
    assert 'nlshell "list all files"' in first
    assert "pytest" in second and ".[test]" in second


def test_ci_runs_the_readmes_test_command():
    ci = (REPO / ".ci" / "run").read_text()
    assert readme_commands()[1] in ci.splitlines()


def test_env_example_names_the_documented_variables():
    text = (REPO / ".env.example").read_text()
    for var in ("OPENROUTER_API_KEY", "OPENROUTER_MODEL", "OPENROUTER_BASE_URL"):
        assert var in text


def test_every_test_security_md_names_exists():
    """SECURITY.md proves each promise by naming tests: a renamed or deleted one must show."""
    import ast

    text = (REPO / "SECURITY.md").read_text()
    table = text[text.index("## How each promise is tested") :]
    defined = {
        path.name: {n.name for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.FunctionDef)}
        for path in (REPO / "tests").glob("test_*.py")
    }
    named, current = [], None
    # `tests/test_x.py::test_y`, `tests/test_x.py`, then `::test_z` or `test_z` for the same file.
    for m in re.finditer(r"`tests/(test_\w+\.py)(?:::(\w+))?`|`(?:::)?(test_\w+)`", table):
        if m.group(1):
            current = m.group(1)
        name = m.group(2) or m.group(3)
        if name:
            named.append((current, name))
    assert len(named) > 100
    assert [(f, n) for f, n in named if n not in defined.get(f, set())] == []


def test_init_help_lines_up_the_setup_column(nlshell):
    r = nlshell("init", "--help")
    setup = [line for line in r.stdout.splitlines() if line.lstrip().startswith(("bash:", "zsh:", "fish:"))]
    assert len(setup) == 3
    assert len({line.index(" in ~/") for line in setup}) == 1, setup


@pytest.mark.parametrize("sub", ["check", "explain"])
def test_command_argument_has_help(sub, nlshell):
    r = nlshell(sub, "--help")
    line = next(line for line in r.stdout.splitlines() if line.strip().startswith("COMMAND ") and "[" not in line)
    assert "quote it" in line
