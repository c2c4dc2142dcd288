"""The confirmation menu, driven through real pseudo-terminals (pexpect + tests/menu_driver.py).

Every command a test may run is harmless and stays in the temp working directory; "dangerous" is
a rating given by the driver (`--risk dangerous`, or `#danger` in an edited command), never a
real broad delete.
"""

from __future__ import annotations

import base64
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pexpect
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlshell import clipboard
from nlshell.menu import Decision, confirm
from nlshell.errors import Aborted
from nlshell.highlight import highlight, spans

DRIVER = str(Path(__file__).resolve().parent / "menu_driver.py")
MENU_END = " › "  # the end of the options line: the menu is waiting for a key
TIMEOUT = 10


def _env(extra: dict | None = None) -> dict:
    env = dict(os.environ)
    env.update({"PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "LC_ALL": "C.UTF-8"})
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX", "STY"):
        env.pop(name, None)
    for key, value in (extra or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


class Menu:
    """One driver process in a pty, plus what it logged."""

    def __init__(self, work: Path, command: str, *args: str, env: dict | None = None, color=False,
                 columns: int = 100) -> None:
        self.work = work
        self.log_path = work / "menu.log"
        argv = [DRIVER, "--log", str(self.log_path), *args, command]
        if not color:
            argv.insert(1, "--no-color")
        self.child = pexpect.spawn(
            sys.executable, argv, cwd=str(work), env=_env(env), encoding="utf-8",
            timeout=TIMEOUT, dimensions=(40, columns),
        )

    def menu(self) -> str:
        """Wait for the options line; return everything shown since the last wait."""
        self.child.expect_exact(MENU_END)
        return self.child.before

    def expect(self, text: str) -> str:
        self.child.expect_exact(text)
        return self.child.before

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def finish(self) -> tuple[int, str]:
        """Wait for the driver to exit; its status and remaining output."""
        self.child.expect(pexpect.EOF)
        rest = self.child.before
        self.child.close()
        status = self.child.exitstatus
        if status is None:
            status = 128 + self.child.signalstatus
        return status, rest

    def events(self) -> list[dict]:
        if not self.log_path.exists():
            return []
        return [json.loads(line) for line in self.log_path.read_text().splitlines()]

    def decision(self) -> dict | None:
        found = [e for e in self.events() if e["event"] in ("decision", "aborted")]
        return found[-1] if found else None


@pytest.fixture
def work(tmp_path) -> Path:
    return Path.cwd()  # isolated_home made it a fresh dir inside tmp_path


@pytest.fixture
def spawn(work):
    menus: list[Menu] = []

    def make(command: str, *args: str, **kwargs) -> Menu:
        menu = Menu(work, command, *args, **kwargs)
        menus.append(menu)
        return menu

    yield make
    for menu in menus:
        if menu.child.isalive():
            menu.child.terminate(force=True)


# -- executing --------------------------------------------------------------------------------

def test_e_runs_the_command_and_returns_its_status(spawn):
    menu = spawn("exit 7")
    shown = menu.menu()
    assert "$ exit 7" in shown and "✓ safe" in shown
    menu.send("e")
    status, _ = menu.finish()
    assert status == 7
    assert menu.decision()["action"] == "execute"


def test_capital_e_also_executes(spawn, work):
    menu = spawn("touch made.txt")
    menu.menu()
    menu.send("E")
    assert menu.finish()[0] == 0
    assert (work / "made.txt").exists()


@pytest.mark.parametrize("risk", ["safe", "caution"])
def test_enter_executes_safe_and_caution_commands(spawn, work, risk):
    menu = spawn("touch made.txt", "--risk", risk, "--reason", "overwrites b")
    shown = menu.menu()
    if risk == "caution":
        assert "! caution: overwrites b" in shown
    menu.send("\r")
    assert menu.finish()[0] == 0
    assert (work / "made.txt").exists()


@pytest.mark.parametrize("args", [["--risk", "dangerous"], ["--invalid"]], ids=["dangerous", "invalid"])
def test_enter_does_not_run_dangerous_or_invalid_commands(spawn, work, args):
    menu = spawn("touch made.txt", *args, "--reason", "deletes everything")
    menu.menu()
    menu.send("\r")
    shown = menu.menu()
    assert "press e" in shown
    assert not (work / "made.txt").exists()
    menu.send("a")
    assert menu.finish()[0] == 130
    assert not (work / "made.txt").exists()


def test_dangerous_command_runs_after_yes(spawn, work):
    menu = spawn("touch made.txt", "--risk", "dangerous", "--reason", "deletes your home directory")
    shown = menu.menu()
    assert "✗ DANGEROUS: deletes your home directory — press e, then type yes to run it" in shown
    menu.send("e")
    menu.expect("type yes to run this dangerous command: ")
    menu.send("yes\r")
    assert menu.finish()[0] == 0
    assert (work / "made.txt").exists()


@pytest.mark.parametrize("answer", ["y\r", "\r", "no\r", "yes please\r", "ye\r", "\x1b"])
def test_dangerous_command_without_yes_does_not_run(spawn, work, answer):
    menu = spawn("touch made.txt", "--risk", "dangerous")
    menu.menu()
    menu.send("e")
    menu.expect("type yes to run this dangerous command: ")
    menu.send(answer)
    shown = menu.menu()
    assert "nothing was run" in shown
    assert not (work / "made.txt").exists()
    menu.send("a")
    assert menu.finish()[0] == 130
    assert not (work / "made.txt").exists()


def test_y_at_the_menu_is_not_a_yes(spawn, work):
    menu = spawn("touch made.txt", "--risk", "dangerous")
    menu.menu()
    menu.send("y")
    menu.menu()
    menu.send("\r")
    menu.menu()
    menu.send("q")
    assert menu.finish()[0] == 130
    assert not (work / "made.txt").exists()


# -- aborting ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "key", ["a", "A", "q", "Q", "\x1b", "\x03", "\x04", "\x1c"],
    ids=["a", "A", "q", "Q", "esc", "ctrl-c", "ctrl-d", "ctrl-backslash"],
)
def test_abort_keys_exit_130_and_run_nothing(spawn, work, key):
    menu = spawn("touch made.txt")
    menu.menu()
    menu.send(key)
    status, _ = menu.finish()
    assert status == 130
    assert menu.decision() == {"event": "aborted", "exit_code": 130}
    assert not (work / "made.txt").exists()


def test_arrow_keys_are_ignored_not_abort(spawn, work):
    menu = spawn("touch made.txt")
    menu.menu()
    menu.send("\x1b[A")
    time.sleep(0.2)
    menu.send("\x1bOB")
    time.sleep(0.2)
    assert menu.child.isalive()
    menu.send("e")
    assert menu.finish()[0] == 0
    assert (work / "made.txt").exists()


@pytest.mark.parametrize("key", ["\r", "e"], ids=["enter", "e"])
def test_input_typed_before_the_menu_is_discarded(spawn, work, key):
    menu = spawn("touch made.txt", "--delay", "1")
    menu.send(key)  # e.g. a stray Enter while the suggestion is still on its way
    menu.menu()
    time.sleep(0.3)
    assert menu.child.isalive(), "typed-ahead input confirmed a command nobody had seen"
    assert not (work / "made.txt").exists()
    menu.send("a")
    assert menu.finish()[0] == 130
    assert not (work / "made.txt").exists()


def test_a_burst_of_input_is_not_taken_as_a_key(spawn, work):
    menu = spawn("touch made.txt")
    menu.menu()
    menu.send("e\r")  # a paste arrives all at once
    shown = menu.menu()
    assert "ignored input" in shown
    assert not (work / "made.txt").exists()
    menu.send("a")
    assert menu.finish()[0] == 130


def _stty_wrapper(work: Path, driver_args: str) -> list[str]:
    script = (
        f'stty -g > "{work}/before"; "{sys.executable}" "{DRIVER}" --no-color {driver_args}; '
        f'echo "rc=$?"; stty -g > "{work}/after"'
    )
    return ["--norc", "--noprofile", "-c", script]


def _signals_as_a_terminal_delivers_them() -> None:
    """A test runner started under `nohup` passes SIGHUP on ignored, and nlshell (rightly) leaves an
    ignored SIGHUP ignored: the menu under test gets SIGHUP as a terminal session would."""
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm", "sigterm-in-editor", "sighup"])
def test_terminal_is_restored_after_ctrl_c_and_signals(work, how):
    pidfile = work / "pid"
    child = pexpect.spawn(
        "bash", _stty_wrapper(work, f'--pidfile "{pidfile}" "touch made.txt"'), cwd=str(work),
        env=_env(), encoding="utf-8", timeout=TIMEOUT, preexec_fn=_signals_as_a_terminal_delivers_them,
    )
    try:
        child.expect_exact(MENU_END)
        if how == "ctrl-c":
            child.send("\x03")
            expected = 130
        else:
            if how == "sigterm-in-editor":
                child.send("m")
                child.expect_exact("edit:")
                time.sleep(0.3)
            signum = signal.SIGHUP if how == "sighup" else signal.SIGTERM
            os.kill(int(pidfile.read_text()), signum)
            expected = 128 + signum
        child.expect(r"rc=(\d+)")
        shown = child.before
        assert int(child.match.group(1)) == expected
        child.expect(pexpect.EOF)
        shown += child.before
        assert "Traceback" not in shown
    finally:
        child.close(force=True)
    hidden = shown.rfind("\x1b[?25l")
    assert hidden == -1 or shown.rfind("\x1b[?25h") > hidden, "the cursor was left hidden"
    before, after = (work / "before").read_text(), (work / "after").read_text()
    assert before == after
    assert not (work / "made.txt").exists()


def test_ctrl_z_suspends_like_a_job_and_fg_brings_the_menu_back(work):
    env = _env({"PS1": "READY> ", "HISTFILE": os.devnull, "PROMPT_COMMAND": None})
    child = pexpect.spawn("bash", ["--norc", "--noprofile", "-i"], cwd=str(work), env=env,
                          encoding="utf-8", timeout=TIMEOUT, dimensions=(40, 100))
    try:
        child.expect_exact("READY> ")
        child.sendline(f'"{sys.executable}" "{DRIVER}" --no-color "touch made.txt"')
        child.expect_exact(MENU_END)
        child.send("\x1a")
        child.expect_exact("Stopped")
        child.expect_exact("READY> ")
        assert not (work / "made.txt").exists()
        child.sendline("fg")
        child.expect_exact(MENU_END)
        child.send("e")
        child.expect_exact("READY> ")
        child.sendline('echo "rc=$?"')
        child.expect(r"rc=(\d+)")
        assert child.match.group(1) == "0"
    finally:
        child.close(force=True)
    assert (work / "made.txt").exists()


def test_a_hung_up_terminal_never_executes(work):
    menu = Menu(work, "touch made.txt")
    menu.menu()
    os.close(menu.child.child_fd)  # the terminal goes away
    _, status = os.waitpid(menu.child.pid, 0)
    menu.child.child_fd, menu.child.pid, menu.child.closed = -1, None, True
    # Either the read fails first (then the menu aborts and logs it) or SIGHUP ends it first.
    assert os.waitstatus_to_exitcode(status) in (129, 130, -signal.SIGHUP)
    assert menu.decision() in (None, {"event": "aborted", "exit_code": 129}, {"event": "aborted", "exit_code": 130})
    assert not (work / "made.txt").exists()


def test_no_terminal_at_all_aborts(work):
    proc = subprocess.run(
        [sys.executable, DRIVER, "touch made.txt"], cwd=work, env=_env(), stdin=subprocess.DEVNULL,
        capture_output=True, text=True, start_new_session=True, timeout=TIMEOUT,
    )
    assert proc.returncode == 130
    assert "nothing was run" in proc.stderr
    assert proc.stdout == ""
    assert not (work / "made.txt").exists()


# -- modify -----------------------------------------------------------------------------------

def test_modify_edits_in_place_and_reassesses(spawn, work):
    menu = spawn("echo one")
    menu.menu()
    menu.send("m")
    menu.expect("edit:")
    menu.send(" extra > out.txt\r")
    shown = menu.menu()
    assert "$ echo one extra > out.txt" in shown
    assert "! caution: overwrites a file" in shown
    menu.send("e")
    assert menu.finish()[0] == 0
    assert (work / "out.txt").read_text() == "one extra\n"
    assert {"event": "assess", "command": "echo one extra > out.txt"} in menu.events()
    assert menu.decision()["risk"] == "caution"


def test_modify_to_a_dangerous_command_then_needs_yes(spawn, work):
    menu = spawn("touch made.txt")
    menu.menu()
    menu.send("m")
    menu.expect("edit:")
    menu.send(" #danger\r")
    shown = menu.menu()
    assert "DANGEROUS" in shown
    menu.send("\r")
    menu.menu()
    assert not (work / "made.txt").exists()
    menu.send("e")
    menu.expect("type yes")
    menu.send("yes\r")
    assert menu.finish()[0] == 0
    assert (work / "made.txt").exists()


def test_modify_starts_at_the_first_placeholder_and_typing_replaces_it(spawn, work):
    (work / "f.txt").write_text("a\nb\n")
    menu = spawn("wc -l {{path/to/file}} {{other}}")
    menu.menu()
    menu.send("m")
    menu.expect("edit:")
    menu.send("f.txt\r")
    shown = menu.menu()
    assert "$ wc -l f.txt {{other}}" in shown
    menu.send("m")
    menu.expect("edit:")
    menu.send("\x7f\r")  # Backspace deletes the selected placeholder
    shown = menu.menu()
    assert "$ wc -l f.txt" in shown and "{{" not in shown.split("$ ")[-1]
    menu.send("e")
    status, output = menu.finish()
    assert status == 0
    assert "2 f.txt" in output


def test_a_template_never_runs_enter_edits_it_and_tab_moves_to_the_next_placeholder(spawn, work):
    (work / "a.txt").write_text("x")
    menu = spawn("cp {{source}} {{dest}}")
    shown = menu.menu()
    assert "? a template, not a command yet — Enter edits it" in shown
    assert "⚠ not runnable until you fill in the placeholders {{source}}, {{dest}}" in shown
    assert "✓" not in shown
    menu.send("e")
    shown = menu.menu()
    assert "a template cannot run" in shown
    menu.send("\r")  # Enter: Modify, on the first placeholder
    menu.expect("edit:")
    menu.send("a.txt")
    menu.send("\t")  # Tab: the next placeholder
    menu.send("b.txt\r")
    shown = menu.menu()
    assert "$ cp a.txt b.txt" in shown and "✓ safe" in shown
    menu.send("\r")
    assert menu.finish()[0] == 0
    assert (work / "b.txt").read_text() == "x"
    assert [e["command"] for e in menu.events() if e["event"] == "assess"] == ["cp a.txt b.txt"]


def test_a_template_with_a_placeholder_left_is_still_not_runnable(spawn, work):
    menu = spawn("touch {{path/to/file}}")
    menu.menu()
    menu.send("\r")
    menu.expect("edit:")
    menu.send("\x1b[F")  # End: leaves the placeholder as it is
    menu.send(" more.txt\r")
    shown = menu.menu()
    assert "$ touch {{path/to/file}} more.txt" in shown and "a template" in shown
    menu.send("e")
    menu.menu()
    menu.send("a")
    assert menu.finish()[0] == 130
    assert list(work.iterdir()) == [work / "menu.log"]


def test_an_invalid_edit_shows_no_green_tick(spawn):
    menu = spawn("echo one")
    menu.menu()
    menu.send("m")
    menu.expect("edit:")
    menu.send(" #invalid\r")
    shown = menu.menu()
    assert "✗ does not look valid" in shown and "✓" not in shown
    menu.send("a")
    assert menu.finish()[0] == 130


def test_modify_follows_vi_mode(spawn, work):
    menu = spawn("echo one", "--vi")
    menu.menu()
    menu.send("m")
    menu.expect("edit:")
    menu.send("\x1b")  # insert → command mode
    time.sleep(0.2)
    menu.send("0ix\x1b")  # vi: to the start of the line, insert there
    time.sleep(0.2)
    menu.send("\r")
    shown = menu.menu()
    assert "$ xecho one" in shown
    menu.send("m")
    menu.expect("edit:")
    menu.send("\x1b")
    time.sleep(0.2)
    menu.send("\x1b")  # Esc in command mode cancels
    shown = menu.menu()
    assert "edit cancelled" in shown
    menu.send("a")
    assert menu.finish()[0] == 130


def test_offline_the_menu_offers_no_describe_or_revise_and_says_why(spawn):
    menu = spawn("echo one", "--no-model", "offline: no API key (nlshell auth login)")
    shown = menu.menu()
    assert "[d]escribe" not in shown and "[r]evise" not in shown and "[m]odify" in shown
    for key in "dr":
        menu.send(key)
        shown = menu.menu()
        assert "describe and revise need the model — offline: no API key (nlshell auth login)" in shown
        assert "what should change?" not in shown
    menu.send("a")
    assert menu.finish()[0] == 130
    assert not [e for e in menu.events() if e["event"] in ("describe", "revise")]


def test_y_at_a_dangerous_command_says_how_to_confirm(spawn, work):
    menu = spawn("touch made.txt", "--risk", "dangerous")
    menu.menu()
    menu.send("y")
    shown = menu.menu()
    assert "to run it: press e, then type yes" in shown
    menu.send("a")
    assert menu.finish()[0] == 130
    assert not (work / "made.txt").exists()


def test_the_yes_question_fits_a_40_column_terminal(spawn, work):
    menu = spawn("touch made.txt", "--risk", "dangerous", columns=40)
    menu.menu()
    menu.send("e")
    before = menu.expect("type yes to run it: ")
    assert "this dangerous command" not in before
    menu.send("yes\r")
    assert menu.finish()[0] == 0


@pytest.mark.parametrize("key", ["\x03", "\x1b"], ids=["ctrl-c", "esc"])
def test_modify_cancelled_keeps_the_command(spawn, work, key):
    menu = spawn("touch made.txt")
    menu.menu()
    menu.send("m")
    menu.expect("edit:")
    menu.send(" more")
    menu.send(key)
    shown = menu.menu()
    assert "edit cancelled" in shown
    menu.send("e")
    assert menu.finish()[0] == 0
    assert (work / "made.txt").exists()
    assert not [e for e in menu.events() if e["event"] == "assess"]


# -- revise -----------------------------------------------------------------------------------

def test_revise_sends_the_instruction_and_shows_the_new_command(spawn):
    menu = spawn("echo one")
    menu.menu()
    menu.send("r")
    menu.expect("what should change?")
    menu.send("say bye\r")
    shown = menu.menu()
    assert "$ echo say bye" in shown
    assert "· revised" in shown
    menu.send("e")
    status, output = menu.finish()
    assert status == 0
    assert "say bye" in output
    assert {"event": "revise", "instruction": "say bye", "current": "echo one"} in menu.events()
    assert menu.decision()["command"] == "echo say bye"


def test_a_failing_revision_is_one_line_and_the_menu_goes_on(spawn, work):
    menu = spawn("touch made.txt")
    menu.menu()
    menu.send("r")
    menu.expect("what should change?")
    menu.send("fail\r")
    shown = menu.menu()
    assert "cannot revise: rate limited — wait a minute" in shown
    assert "Traceback" not in shown
    assert "$ touch made.txt" in shown
    menu.send("e")
    assert menu.finish()[0] == 0
    assert (work / "made.txt").exists()


# -- describe ---------------------------------------------------------------------------------

def test_describe_streams_with_control_characters_made_visible(spawn):
    chunks = ["Creates ", "a file \x1b[31mred\x1b[0m", " and\u202e done.\n"]
    menu = spawn("touch made.txt", env={"MENU_DESCRIBE": json.dumps(chunks)})
    menu.menu()
    menu.send("d")
    shown = menu.menu()
    assert "Creates a file " in shown
    assert "\\x1b[31mred\\x1b[0m" in shown
    assert "U+202E" in shown
    assert "\x1b" not in shown and "\u202e" not in shown  # --no-color: nothing raw at all
    assert "$ touch made.txt" in shown.split("done.")[-1]  # the menu again
    menu.send("a")
    assert menu.finish()[0] == 130


def test_describe_shows_a_spinner_until_the_first_words(spawn):
    menu = spawn("echo one", env={"MENU_DESCRIBE_DELAY": "1.5", "MENU_DESCRIBE": json.dumps(["It prints one.\n"])})
    menu.menu()
    menu.send("d")
    waiting = menu.expect("It prints one.")
    assert "describing" in waiting and "Ctrl-C cancels" in waiting
    shown = menu.menu()
    assert "describing" not in shown
    menu.send("a")
    assert menu.finish()[0] == 130


def test_describe_failure_is_one_line(spawn):
    menu = spawn("echo one", env={"MENU_DESCRIBE_FAIL": "1"})
    menu.menu()
    menu.send("d")
    shown = menu.menu()
    assert "cannot describe it: the model is unreachable — try again later" in shown
    menu.send("a")
    assert menu.finish()[0] == 130


def test_ctrl_c_stops_a_description_and_returns_to_the_menu(spawn):
    menu = spawn("echo one", env={"MENU_DESCRIBE_HANG": "1"})
    menu.menu()
    menu.send("d")
    menu.expect("thinking")
    menu.send("\x1c")  # Ctrl-\ must not kill nlshell with the terminal in a half-raw state
    time.sleep(0.3)
    assert menu.child.isalive()
    menu.send("\x03")
    shown = menu.menu()
    assert "(description stopped)" in shown
    assert "Traceback" not in shown
    menu.send("e")
    status, output = menu.finish()
    assert status == 0
    assert "one" in output


# -- copy -------------------------------------------------------------------------------------

def test_copy_without_a_clipboard_tool_writes_osc52(spawn, work):
    empty = work / "empty-bin"
    empty.mkdir()
    menu = spawn("echo 'héllo'", env={"PATH": str(empty)})
    menu.menu()
    menu.send("c")
    status, output = menu.finish()
    assert status == 0
    payload = base64.b64encode("echo 'héllo'".encode()).decode()
    assert f"\x1b]52;c;{payload}\x07" in output
    assert menu.decision()["action"] == "copy"


def test_copy_prefers_a_clipboard_tool_when_a_display_exists(spawn, work):
    bin_dir = work / "bin"
    bin_dir.mkdir()
    xclip = bin_dir / "xclip"
    xclip.write_text(f'#!/bin/sh\necho "$@" > "{work}/xclip-args"\n/bin/cat > "{work}/clip.txt"\n')
    xclip.chmod(0o755)
    menu = spawn("ls -la", env={"PATH": f"{bin_dir}:/usr/bin:/bin", "DISPLAY": ":99"})
    menu.menu()
    menu.send("c")
    status, output = menu.finish()
    assert status == 0
    assert (work / "clip.txt").read_text() == "ls -la"
    assert (work / "xclip-args").read_text().split() == ["-selection", "clipboard"]
    assert "\x1b]52" not in output
    assert "copied to the clipboard (xclip)" in output


# -- display ----------------------------------------------------------------------------------

def test_problems_notes_and_every_line_of_a_multiline_command_are_shown(spawn):
    menu = spawn(
        "echo a\necho b", "--problem", "`fd` is not installed; try `find`", "--note", "offline suggestion"
    )
    shown = menu.menu()
    assert "1 │ echo a" in shown and "2 │ echo b" in shown
    assert "⚠ `fd` is not installed; try `find`" in shown
    assert "· offline suggestion" in shown
    menu.send("a")
    assert menu.finish()[0] == 130


def test_control_characters_in_the_command_and_reasons_are_shown_escaped(spawn):
    menu = spawn("echo safe\x1b[2K\rrm -rf ~", "--reason", "hides\x1b[8m text", "--note", "rtl\u202eexe.txt")
    shown = menu.menu()
    assert "\\x1b[2K\\x0drm -rf ~" in shown or "\\x1b[2K\\rrm -rf ~" in shown
    assert "hides\\x1b[8m text" in shown
    assert "rtlU+202Eexe.txt" in shown
    assert "\x1b" not in shown and "\u202e" not in shown
    menu.send("a")
    assert menu.finish()[0] == 130


def test_long_commands_wrap_visibly_and_are_shown_whole(spawn):
    command = "echo " + " ".join(f"word{i}" for i in range(30))
    menu = spawn(command, columns=40)
    shown = menu.menu()
    rows = [line[2:] for line in shown.replace("\r", "").split("\n") if line.startswith(("  $ ", "  ↪ "))]
    assert len(rows) > 3
    assert "[e/m/d/r/c/a] › " in shown + MENU_END  # the options fold up on a narrow terminal
    assert all(r.startswith("↪ ") for r in rows[1:])
    assert all(len(r) <= 40 for r in rows)
    pieces = [r[2:] for r in rows]
    assert "".join(pieces) == command
    # A row never starts or ends at a space, so no space can hide at a wrap.
    assert all(p[0] != " " and p[-1] != " " for p in pieces)
    menu.send("a")
    assert menu.finish()[0] == 130


def test_colour_only_when_asked(spawn):
    menu = spawn("ls -la", color=True)
    menu.child.expect_exact("bort › ")
    assert "\x1b[1;32mls\x1b[0m" in menu.child.before
    menu.send("a")
    assert menu.finish()[0] == 130
    plain = spawn("ls -la")
    assert "\x1b[" not in plain.menu()
    plain.send("a")
    assert plain.finish()[0] == 130


# -- in-process, with an explicit terminal ------------------------------------------------------

class _Suggestion:
    def __init__(self, command, risk="safe"):
        self.command, self.risk, self.reasons, self.problems = command, risk, [], []
        self.valid, self.notes, self.source = True, [], "model"


def _answer_when_menu_shows(master: int, keys: bytes, seen: bytearray) -> threading.Thread:
    def answer():
        deadline = time.monotonic() + TIMEOUT
        while MENU_END.encode() not in seen and time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                try:
                    seen.extend(os.read(master, 4096))
                except OSError:
                    return
        # Past the deadline, abort rather than hang: the assertions then fail clearly.
        os.write(master, keys if MENU_END.encode() in seen else b"\x03")
        try:
            while True:
                data = os.read(master, 4096)
                if not data:
                    break
                seen.extend(data)
        except OSError:
            pass

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    return thread


def _never(*args):
    raise AssertionError("callback should not be called")


@pytest.mark.parametrize("key, action", [(b"e", "execute"), (b"c", "copy")])
def test_confirm_on_a_given_terminal_returns_the_decision(monkeypatch, key, action):
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("TMUX", raising=False)
    master, slave = os.openpty()
    seen = bytearray()
    thread = _answer_when_menu_shows(master, key, seen)
    suggestion = _Suggestion("ls -la")
    try:
        decision = confirm(suggestion, assess=_never, describe=_never, revise=_never, color=False, tty=slave)
    finally:
        os.close(slave)
        thread.join(timeout=TIMEOUT)
        os.close(master)
    assert isinstance(decision, Decision)
    assert (decision.action, decision.command, decision.suggestion) == (action, "ls -la", suggestion)
    assert b"$ ls -la" in seen
    if action == "copy":
        assert b"\x1b]52;c;" + base64.b64encode(b"ls -la") + b"\x07" in seen


def test_confirm_on_a_given_terminal_restores_its_modes_on_abort():
    import termios

    master, slave = os.openpty()
    before = termios.tcgetattr(slave)
    seen = bytearray()
    thread = _answer_when_menu_shows(master, b"\x03", seen)
    try:
        with pytest.raises(Aborted) as caught:
            confirm(_Suggestion("ls"), assess=_never, describe=_never, revise=_never, color=False, tty=slave)
        after = termios.tcgetattr(slave)
    finally:
        os.close(slave)
        thread.join(timeout=TIMEOUT)
        os.close(master)
    assert caught.value.exit_code == 130
    assert after == before


# -- the pieces: highlighting and clipboard ------------------------------------------------------

@pytest.mark.parametrize(
    "command, expected",
    [
        ("ls -la", [("command", "ls"), ("option", "-la")]),
        ("sudo rm -rf ./build", [("command", "sudo"), ("text", "rm"), ("option", "-rf"), ("text", "./build")]),
        ("a | b && c", [("command", "a"), ("operator", "|"), ("command", "b"), ("operator", "&&"), ("command", "c")]),
        ("echo \"$HOME\" 'x y'", [("command", "echo"), ("string", "\"$HOME\""), ("string", "'x y'")]),
        ("X=1 make > log 2>&1", [("text", "X=1"), ("command", "make"), ("redirect", ">"), ("text", "log"),
                                 ("redirect", "2>&1")]),
        ("wc -l {{path/to/file}}", [("command", "wc"), ("option", "-l"), ("placeholder", "{{path/to/file}}")]),
        ("for f in *; do cat $f; done", [("keyword", "for"), ("text", "f"), ("text", "in"), ("text", "*"),
                                         ("operator", ";"), ("keyword", "do"), ("command", "cat"),
                                         ("variable", "$f"), ("operator", ";"), ("keyword", "done")]),
        ("echo $(date) # now", [("command", "echo"), ("operator", "$("), ("command", "date"), ("operator", ")"),
                                ("comment", "# now")]),
        ("echo a#b", [("command", "echo"), ("text", "a#b")]),
    ],
)
def test_highlight_spans(command, expected):
    assert [(k, t) for k, t in spans(command) if t.strip()] == expected


@given(st.text())
def test_highlight_never_changes_the_text(command):
    assert "".join(text for _, text in spans(command)) == command
    assert highlight(command, color=False) == command


def test_highlight_colours_only_when_asked():
    assert highlight("ls -l", color=True) == "\x1b[1;32mls\x1b[0m \x1b[36m-l\x1b[0m"
    assert highlight("ls -l", color=False) == "ls -l"


def test_osc52_sequence_and_screen_passthrough():
    payload = base64.b64encode("ls ✓".encode()).decode()
    assert clipboard.osc52_sequence("ls ✓", {}) == f"\x1b]52;c;{payload}\x07"
    assert clipboard.osc52_sequence("ls ✓", {"STY": "1.pts"}) == f"\x1bP\x1b]52;c;{payload}\x07\x1b\\"


def _tool(directory: Path, name: str, work: Path, status: int = 0) -> None:
    path = directory / name
    path.write_text(f'#!/bin/sh\n/bin/cat > "{work}/{name}.got"\nexit {status}\n')
    path.chmod(0o755)


@pytest.mark.parametrize(
    "env, tools, used",
    [
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, ["wl-copy", "xclip", "xsel"], "wl-copy"),
        ({"DISPLAY": ":0"}, ["wl-copy", "xclip", "xsel"], "xclip"),
        ({"DISPLAY": ":0"}, ["xsel"], "xsel"),
        ({}, ["wl-copy", "xclip", "xsel"], clipboard.OSC52),  # no display: the tools cannot help
        ({"DISPLAY": ":0", "TMUX": "/tmp/tmux-1/default,1,0"}, ["tmux"], "tmux"),
        ({"DISPLAY": ":0"}, ["xclip!"], clipboard.OSC52),  # a failing tool falls back
    ],
)
def test_clipboard_picks_a_tool_that_can_reach_a_display(work, env, tools, used):
    bin_dir = work / "bin"
    bin_dir.mkdir()
    for name in tools:
        _tool(bin_dir, name.rstrip("!"), work, status=1 if name.endswith("!") else 0)
    written: list[str] = []
    how = clipboard.copy("echo hi", written.append, env={"PATH": str(bin_dir), **env})
    assert how == used
    if used == clipboard.OSC52:
        assert written == [clipboard.osc52_sequence("echo hi", env)]
    else:
        assert written == []
        assert (work / f"{used}.got").read_text() == "echo hi"
