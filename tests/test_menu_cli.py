"""The whole one-shot experience in a real terminal: `nlshell "list all files"` → menu → run.

Drives the real CLI on a pseudo-terminal against the fake server. Every command that can run is
harmless and stays inside the temp working directory.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_signals import MENU_END, terminal  # noqa: F401  (the fixture)


def test_enter_runs_the_shown_command_and_exit_status_is_its_own(terminal, fake_server):  # noqa: F811
    fake_server.reply("ls -la")
    term = terminal({"NO_COLOR": "1"})
    Path("visible-file.txt").write_text("x")
    term.run_nlshell("list all files")
    shown = term.expect(MENU_END)
    assert "ls -la" in shown and "safe" in shown
    term.child.send("\r")
    output = term.expect("rc=")
    assert "visible-file.txt" in output  # ls -la really ran, in the user's directory
    term.expect("\n")
    fake_server.reply("exit 7")
    term.run_nlshell("fail on purpose")
    term.expect(MENU_END)
    term.child.send("e")
    assert term.status() == 7


def test_abort_runs_nothing_exits_130_and_evicts_the_answer(terminal, fake_server, server_env, nlshell):  # noqa: F811
    fake_server.reply("touch made.txt")
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("make a file")
    term.expect(MENU_END)
    term.child.send("a")
    assert term.status() == 130
    assert not Path("made.txt").exists()
    # Asked again, the aborted answer is not served from the cache: a fresh request is made.
    again = nlshell("--json", "make a file", env=server_env)
    assert json.loads(again.stdout)["cached"] is False
    assert len(fake_server.chat_requests) == 2


def test_dangerous_needs_yes_typed_out(terminal, fake_server, tmp_path):  # noqa: F811
    work = Path.cwd()
    (work / "sentinel").write_text("keep")
    fake_server.reply("rm -rf ./*")
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("empty this directory")
    shown = term.expect(MENU_END)
    assert "dangerous" in shown.lower()
    term.child.send("\r")  # Enter never runs a dangerous command
    term.child.send("e")
    term.expect("yes")
    term.child.send("y\r")  # not the word
    term.expect(MENU_END)
    assert (work / "sentinel").exists()
    term.child.send("a")
    assert term.status() == 130
    assert (work / "sentinel").exists()


def test_revise_sends_a_follow_up_turn_with_the_conversation(terminal, fake_server):  # noqa: F811
    fake_server.reply("ls")
    fake_server.reply("ls -la")
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("list files")
    term.expect(MENU_END)
    term.child.send("r")
    term.expect("change")
    term.child.send("include hidden ones\r")
    shown = term.expect(MENU_END)
    assert "ls -la" in shown
    term.child.send("a")
    assert term.status() == 130
    follow_up = fake_server.chat_requests[1].json["messages"]
    contents = [m["content"] for m in follow_up]
    assert any("list files" in c for c in contents[:-1])
    assert {"role": "assistant", "content": "ls"} in follow_up
    assert "include hidden ones" in contents[-1]


def test_yes_in_a_terminal_runs_without_the_menu(terminal, fake_server):  # noqa: F811
    fake_server.reply("touch made.txt")
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("-y", "make a file")
    assert term.status() == 0
    assert Path("made.txt").exists()
    assert "bort ›" not in term.transcript


@pytest.mark.parametrize("reply", ["rm -rf ./*"])
def test_yes_in_a_terminal_still_refuses_dangerous(terminal, fake_server, reply):  # noqa: F811
    (Path.cwd() / "sentinel").write_text("keep")
    fake_server.reply(reply)
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("-y", "empty this directory")
    assert term.status() == 3
    assert (Path.cwd() / "sentinel").exists()


def test_a_slow_reply_shows_a_spinner_in_a_terminal(terminal, fake_server):  # noqa: F811
    fake_server.reply("ls -la", delay=1.0)
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("list all files")
    waiting = term.expect(MENU_END)
    assert "thinking" in waiting
    term.child.send("a")
    assert term.status() == 130


def test_no_spinner_on_a_pipe(nlshell, fake_server, server_env):
    fake_server.reply("ls -la", delay=0.6)
    r = nlshell("-p", "list all files", env=server_env)
    assert (r.returncode, r.stdout) == (0, "ls -la\n")
    assert "thinking" not in r.stderr and "\r" not in r.stderr


def test_menu_shows_each_note_once(terminal, fake_server, server_env, nlshell):  # noqa: F811
    # A command run once is answered from memory next time, with a note saying so.
    fake_server.default("true")
    assert nlshell("-y", "do nothing", env=server_env).returncode == 0
    assert nlshell("cache", "clear", env=server_env).returncode == 0  # so memory answers, not the cache
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("do nothing")
    shown = term.expect(MENU_END)
    assert shown.count("from your history") == 1, shown
    term.child.send("a")
    assert term.status() == 130
