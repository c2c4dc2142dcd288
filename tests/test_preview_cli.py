"""Where the effect preview shows: `check --preview`, a request's `--json`, the menu, the REPL —
and where it must not run (plain `check`, `-p`, the keybinding widget).

Commands here are only previewed, never run; the trees they name are watched and must stay
byte-for-byte as built.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from test_confirm import Menu
from test_repl import repl_env, start  # noqa: F401  (fixtures)
from test_signals import MENU_END, terminal  # noqa: F401  (the fixture)
from test_startup import loaded_modules
from treesnap import untouched  # noqa: F401  (the fixture)


def make_build(root: Path, files: int = 123) -> int:
    """build/ with `files` files of different sizes; returns their byte total."""
    total = 0
    for i in range(files):
        path = root / "build" / f"{i % 4}" / f"f{i}.o"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * (i * 11 % 997))
        total += i * 11 % 997
    return total


# -- check --------------------------------------------------------------------------------------
def test_check_preview_json_counts_what_rm_rf_build_deletes(nlshell, untouched):  # noqa: F811
    work = Path.cwd()
    total = make_build(work)
    untouched(work)
    r = nlshell("check", "--preview", "--json", "rm -rf build")
    assert r.returncode == 1, r  # caution: a named project path
    (effect,) = json.loads(r.stdout)["effects"]
    assert (effect["kind"], effect["count"], effect["bytes"], effect["paths"]) == ("delete", 123, total, ["build"])
    assert effect["summary"].startswith("deletes 123 files and 5 directories (")


def test_check_preview_json_names_the_two_files_git_reset_discards(nlshell, untouched):  # noqa: F811
    work = Path.cwd()
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@x.invalid", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@x.invalid"}
    for name in ("a.txt", "b.txt", "c.txt"):
        (work / name).write_text(f"{name}\n")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "one"]):
        subprocess.run(["git", *args], cwd=work, env=env, check=True, capture_output=True)
    (work / "a.txt").write_text("changed\n")
    (work / "c.txt").write_text("changed too\n")
    untouched(work)
    r = nlshell("check", "--preview", "--json", "git reset --hard")
    assert r.returncode == 3, r
    (effect,) = json.loads(r.stdout)["effects"]
    assert (effect["kind"], effect["count"], effect["paths"]) == ("git", 2, ["a.txt", "c.txt"])


def test_check_preview_in_words_and_what_plain_check_says(nlshell, untouched):  # noqa: F811
    work = Path.cwd()
    (work / "notes.txt").write_text("n" * 1200)
    untouched(work)
    r = nlshell("check", "--preview", "echo hi > notes.txt")
    assert (r.returncode, r.stdout) == (1, "caution\n")
    assert "  effect: replaces notes.txt (1.2 KB, changed just now)\n" in r.stderr
    plain = nlshell("check", "--json", "echo hi > notes.txt")
    assert json.loads(plain.stdout)["effects"] is None  # not computed
    assert json.loads(nlshell("check", "--preview", "--json", "ls -la").stdout)["effects"] == []
    invalid = nlshell("check", "--preview", "--json", "rm -rf build (")
    assert json.loads(invalid.stdout)["effects"] is None  # it cannot run as it is


def test_only_what_asks_for_a_preview_loads_it(fake_server, server_env):
    fake_server.default("rm -rf build")
    for args in (["check", "rm -rf build"], ["-p", "clean the build"], ["--widget", "bash", "clean the build"]):
        code, _out, modules = loaded_modules(*args, env=server_env)
        assert "nlshell.preview" not in modules, args
    for args in (["check", "--preview", "rm -rf build"], ["--json", "--no-cache", "clean the build"]):
        code, _out, modules = loaded_modules(*args, env=server_env)
        assert "nlshell.preview" in modules, args


# -- a request's JSON ----------------------------------------------------------------------------
def test_json_of_a_request_carries_effects(nlshell, fake_server, server_env, untouched):  # noqa: F811
    work = Path.cwd()
    make_build(work, 7)
    untouched(work)
    fake_server.reply("rm -rf build")
    first = json.loads(nlshell("--json", "clean the build", env=server_env).stdout)
    assert [(e["kind"], e["count"]) for e in first["effects"]] == [("delete", 7)]
    again = json.loads(nlshell("--json", "clean the build", env=server_env).stdout)
    assert again["cached"] is True and again["effects"] == first["effects"]  # computed afresh, never cached
    fake_server.reply("ls -la")
    assert json.loads(nlshell("--json", "list files", env=server_env).stdout)["effects"] == []


# -- the menu ------------------------------------------------------------------------------------
def test_the_menu_shows_what_a_dangerous_reply_would_delete(terminal, fake_server, untouched):  # noqa: F811
    work = Path.cwd()
    for name in ("a.txt", "b.txt", "c.txt"):
        (work / "src" / name).parent.mkdir(exist_ok=True)
        (work / "src" / name).write_text("x" * 100)
    (work / "notes.md").write_text("keep me")
    untouched(work)
    fake_server.reply("rm -rf ./*")
    fake_server.reply("It deletes everything in this directory.")
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("empty this directory")
    shown = term.expect(MENU_END)
    assert "DANGEROUS" in shown
    assert "→ deletes 4 files and 1 directory (307 bytes): notes.md, src; 4 files changed in the last hour" in shown
    term.child.send("d")
    described = term.expect(MENU_END)
    assert "what it would touch here:" in described
    assert "newest: " in described and "It deletes everything" in described
    term.child.send("a")
    assert term.status() == 130


def test_an_edited_command_is_previewed_again(terminal, fake_server, untouched):  # noqa: F811
    work = Path.cwd()
    (work / "old.log").write_text("o" * 2000)
    (work / "keep.log").write_text("k")
    untouched(work)
    fake_server.reply("rm old.log")
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("delete the old log")
    assert "→ deletes 1 file (2.0 KB): old.log" in term.expect(MENU_END)
    term.child.send("m")
    term.expect("edit: ")
    term.child.send("\x05 keep.log\r")  # Ctrl-E: to the end, then add a file
    assert "→ deletes 2 files (2.0 KB): old.log, keep.log" in term.expect(MENU_END)
    term.child.send("a")
    assert term.status() == 130


def test_the_repl_shows_it_like_the_menu(start, fake_server, untouched):  # noqa: F811
    work = Path.cwd()
    (work / "notes.txt").write_text("n" * 5000)
    untouched(work)
    fake_server.reply("sort -o notes.txt notes.txt")
    repl = start("--quiet")
    shown = repl.ask("sort my notes in place", "a")
    assert "→ replaces notes.txt (5.0 KB, changed just now)" in shown
    assert repl.quit() == 0


# -- the menu's lines, with made-up effects -------------------------------------------------------
def test_at_most_three_lines_and_describe_shows_them_all(tmp_path):
    effects = [f"--effect=effect {n}|detail {n}" for n in range(1, 6)]
    menu = Menu(tmp_path, "make clean", "--risk", "caution", *effects)
    shown = menu.menu()
    assert "→ effect 1" in shown and "→ effect 2" in shown and "→ and 3 more — d shows them all" in shown
    assert "effect 3" not in shown and "detail 1" not in shown
    menu.send("d")
    described = menu.menu()
    assert all(f"→ effect {n}" in described and f"detail {n}" in described for n in range(1, 6))
    menu.send("a")
    assert menu.finish()[0] == 130


def test_three_effects_fit_and_safe_commands_show_none(tmp_path):
    menu = Menu(tmp_path, "make clean", "--risk", "dangerous", "--effect=one", "--effect=two", "--effect=three")
    shown = menu.menu()
    assert "→ one" in shown and "→ two" in shown and "→ three" in shown and "more" not in shown
    menu.send("a")
    menu.finish()
    menu = Menu(tmp_path, "ls", "--risk", "safe", "--effect=should not show")
    assert "should not show" not in menu.menu()
    menu.send("a")
    menu.finish()


@pytest.mark.parametrize("no_unicode", [False, True])
def test_the_preview_line_without_unicode(tmp_path, no_unicode):
    env = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"} if no_unicode else None  # ASCII
    menu = Menu(tmp_path, "rm x", "--risk", "caution", "--effect=deletes 1 file (1 byte): x", env=env)
    shown = menu.expect("[a]bort > " if no_unicode else "[a]bort › ")
    assert ("-> deletes 1 file (1 byte): x" if no_unicode else "→ deletes 1 file (1 byte): x") in shown
    menu.send("a")
    menu.finish()
