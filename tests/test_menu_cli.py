"""The whole one-shot experience in a real terminal: `nlshell "list all files"` → menu → run.

Drives the real CLI on a pseudo-terminal against the fake server. Every command that can run is
harmless and stays inside the temp working directory.
"""

from __future__ import annotations

import json
import time
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


# -- what is remembered: only what ran and succeeded, an edit as an edit --------------------------
def remembered(nlshell, server_env, request: str) -> dict:
    nlshell("cache", "clear", env=server_env)  # so memory, not the 5-minute cache, answers
    r = nlshell("--json", request, env=server_env)
    return json.loads(r.stdout)


def test_an_edited_command_that_ran_is_remembered_as_an_edit(terminal, fake_server, server_env, nlshell):  # noqa: F811
    fake_server.reply("git clean -fdx")
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("show git status")
    term.expect(MENU_END)
    term.child.send("m")
    term.expect("edit:")
    term.child.send("\x15echo edited\r")  # Ctrl-U, then the person's own command
    term.expect(MENU_END)
    term.child.send("e")
    assert term.status() == 0
    again = remembered(nlshell, server_env, "show git status")
    assert (again["source"], again["command"]) == ("memory", "echo edited")
    assert any("your own edit" in note for note in again["notes"])


def test_a_command_that_failed_is_not_offered_again(terminal, fake_server, server_env, nlshell):  # noqa: F811
    fake_server.reply("false")
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("check something")
    term.expect(MENU_END)
    term.child.send("\r")
    assert term.status() == 1
    fake_server.reply("true")
    again = remembered(nlshell, server_env, "check something")
    assert (again["source"], again["command"]) == ("model", "true")
    assert [(e["command"], e["status"]) for e in json.loads(nlshell("history", "--json").stdout)] == [("false", 1)]


def test_aborting_a_remembered_answer_keeps_the_history(terminal, fake_server, server_env, nlshell):  # noqa: F811
    fake_server.reply("touch made.txt")
    assert nlshell("-y", "make a file", env=server_env).returncode == 0
    nlshell("cache", "clear", env=server_env)
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("make a file")
    assert "from your history" in term.expect(MENU_END)
    term.child.send("a")
    assert term.status() == 130
    history = json.loads(nlshell("history", "--json").stdout)
    assert [e["command"] for e in history] == ["touch made.txt"]  # what really ran is still there
    fake_server.reply("touch other.txt")
    assert remembered(nlshell, server_env, "make a file")["source"] == "model"  # but it no longer answers


# -- keys typed while waiting ---------------------------------------------------------------------
def test_keys_typed_while_waiting_are_neither_echoed_nor_taken(terminal, fake_server):  # noqa: F811
    fake_server.reply("touch made.txt", delay=1.5)
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("make a file")
    time.sleep(0.7)
    term.child.send("zq\r")  # typed at the spinner: a stray Enter must not confirm anything
    shown = term.expect(MENU_END)
    assert "zq" not in shown
    time.sleep(0.3)
    assert not Path("made.txt").exists()
    term.child.send("a")
    assert term.status() == 130


def test_ctrl_c_at_the_spinner_leaves_no_caret_c_behind(terminal, fake_server):  # noqa: F811
    fake_server.reply("ls", delay=30)
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("list files")
    term.expect("thinking")
    term.child.send("\x03")
    assert term.status() == 130
    assert "^C" not in term.transcript


def test_yes_does_not_hand_keys_typed_while_waiting_to_the_command(terminal, fake_server):  # noqa: F811
    fake_server.reply("read -r answer; echo \"got:$answer\"", delay=1.5)
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("-y", "ask me something")
    time.sleep(0.7)
    term.child.send("typed-early\r")  # meant for a command the person has not seen
    term.expect("running:")
    time.sleep(0.5)
    term.child.send("typed-after\r")
    term.expect(r"got:([a-z-]+)\r", exact=False)
    assert term.child.match.group(1) == "typed-after"
    assert term.status() == 0


def test_explain_shows_a_spinner_until_the_first_words(terminal, fake_server):  # noqa: F811
    fake_server.reply("Lists files.", delay=1.5)
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("explain", "ls")
    waiting = term.expect("Lists files.")
    assert "explaining" in waiting
    assert term.status() == 0


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
