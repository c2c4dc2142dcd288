"""Running a confirmed command: the user's shell, one argv element, statuses and signals."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from nlshell import run
from nlshell.run import ShellError, run_command
from nlshell.usershell import shell_kind, user_shell

REPO = Path(__file__).resolve().parents[1]
TIMEOUT = 10


@pytest.mark.parametrize(
    "path, kind",
    [
        ("/bin/bash", "bash"),
        ("/usr/local/bin/bash5", "bash"),
        ("/usr/bin/zsh", "zsh"),
        ("/opt/zsh-5.9", "zsh"),
        ("/usr/bin/fish", "fish"),
        ("/bin/sh", "sh"),
        ("/bin/dash", "sh"),
        ("/bin/ksh93", "sh"),
        ("/bin/busybox", "sh"),
        ("/bin/tcsh", None),
        ("/usr/bin/nu", None),
        ("/usr/bin/xonsh", None),
    ],
)
def test_shell_kind(path, kind):
    assert shell_kind(path) == kind


def _fake_shell(directory: Path, name: str) -> Path:
    """An executable named like a shell that just runs /bin/sh."""
    path = directory / name
    path.write_text('#!/bin/sh\nexec /bin/sh "$@"\n')
    path.chmod(0o755)
    return path


def test_user_shell_follows_SHELL(monkeypatch, tmp_path):
    zsh = _fake_shell(tmp_path, "zsh")
    monkeypatch.setenv("SHELL", str(zsh))
    assert user_shell() == (str(zsh), "zsh")


@pytest.mark.parametrize("value", ["", "bash", "/nonexistent/bash", "TCSH"])
def test_user_shell_falls_back_when_SHELL_cannot_be_used(monkeypatch, tmp_path, value):
    if value == "TCSH":
        value = str(_fake_shell(tmp_path, "tcsh"))  # runs, but does not speak sh syntax
    monkeypatch.setenv("SHELL", value)
    monkeypatch.setattr("pwd.getpwuid", lambda uid: type("pw", (), {"pw_shell": "/nonexistent"})())
    assert user_shell() == ("/bin/sh", "sh")


def test_user_shell_uses_the_login_shell_when_SHELL_is_unset(monkeypatch, tmp_path):
    fish = _fake_shell(tmp_path, "fish")
    monkeypatch.delenv("SHELL", raising=False)
    monkeypatch.setattr("pwd.getpwuid", lambda uid: type("pw", (), {"pw_shell": str(fish)})())
    assert user_shell() == (str(fish), "fish")


@pytest.mark.parametrize("command, status", [("true", 0), ("exit 7", 7), ("false", 1), ("exit 255", 255)])
def test_exit_status_passes_through(command, status):
    assert run_command(command) == status


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL, signal.SIGINT])
def test_signal_death_is_128_plus_n(sig):
    assert run_command(f"kill -{sig.name[3:]} $$") == 128 + sig


def test_the_command_is_one_argv_element_after_dash_c(monkeypatch, tmp_path):
    (tmp_path / "logging").mkdir()
    logger = tmp_path / "logging" / "bash"  # named like a shell nlshell knows
    logger.write_text(f'#!/bin/sh\nprintf "%s\\0" "$@" > "{tmp_path}/argv"\nexec /bin/sh "$@"\n')
    logger.chmod(0o755)
    monkeypatch.setenv("SHELL", str(logger))
    command = "printf '%s\\n' \"a b\" 'c  d' $HOME `echo x` > out.txt; echo \"two\nlines\" >> out.txt"
    assert run_command(command) == 0
    argv = (tmp_path / "argv").read_bytes().split(b"\0")[:-1]
    assert argv == [b"-c", command.encode()]
    home = os.environ["HOME"]
    assert Path("out.txt").read_text() == f"a b\nc  d\n{home}\nx\ntwo\nlines\n"


def test_an_explicit_shell_wins_over_SHELL(monkeypatch, tmp_path):
    monkeypatch.setenv("SHELL", "/bin/sh")
    bash = shutil.which("bash")
    assert run_command("echo $BASH_VERSION > v.txt", shell=bash) == 0
    assert Path("v.txt").read_text().strip()


@pytest.mark.skipif(not shutil.which("fish"), reason="fish is not installed")
def test_fish_commands_run_in_fish(monkeypatch):
    monkeypatch.setenv("SHELL", shutil.which("fish"))
    assert user_shell()[1] == "fish"
    # `(…)` command substitution and `set` are fish syntax; sh would fail on both.
    assert run_command("set greeting (echo hi); echo $greeting > out.txt") == 0
    assert Path("out.txt").read_text() == "hi\n"


def test_a_missing_shell_is_a_clear_error():
    with pytest.raises(ShellError) as caught:
        run_command("true", shell="/nonexistent/shell")
    assert caught.value.exit_code == 2
    assert "/nonexistent/shell" in caught.value.message


def test_signal_handlers_are_restored_and_the_child_gets_defaults(tmp_path):
    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGQUIT, signal.SIGTERM, signal.SIGHUP)}
    status_file = tmp_path / "status"
    assert run_command(f"grep SigIgn /proc/self/status > {status_file}") == 0
    after = {s: signal.getsignal(s) for s in before}
    assert after == before
    if status_file.read_text():
        ignored = int(status_file.read_text().split()[1], 16)
        assert not ignored & (1 << (signal.SIGINT - 1)), "the child inherited an ignored SIGINT"
        assert not ignored & (1 << (signal.SIGQUIT - 1)), "the child inherited an ignored SIGQUIT"


_RUNNER = (
    "import sys; sys.path.insert(0, {repo!r})\n"
    "from nlshell.run import run_command\n"
    "status = run_command(sys.argv[1])\n"
    "print('status', status, flush=True)\n"
    "sys.exit(status)\n"
)


def test_ctrl_c_goes_to_the_command_not_to_a_traceback():
    child = pexpect.spawn(
        sys.executable, ["-c", _RUNNER.format(repo=str(REPO)), "echo started; sleep 30; echo survived"],
        env=dict(os.environ, SHELL=shutil.which("bash")), encoding="utf-8", timeout=TIMEOUT,
    )
    try:
        child.expect_exact("started")
        child.send("\x03")
        child.expect(r"status (\d+)")
        assert child.match.group(1) == "130"
        child.expect(pexpect.EOF)
        output = child.before
    finally:
        child.close(force=True)
    assert child.exitstatus == 130
    assert "Traceback" not in output and "KeyboardInterrupt" not in output
    assert "survived" not in output


def test_sigterm_to_nlshell_is_passed_on_to_the_command():
    proc = subprocess.Popen(
        [sys.executable, "-c", _RUNNER.format(repo=str(REPO)), "echo started; exec sleep 30"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout.readline() == "started\n"
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=TIMEOUT)
    finally:
        proc.kill()
    assert out == "status 143\n"
    assert proc.returncode == 143
    assert "Traceback" not in err


def test_module_exports_the_agreed_api():
    assert callable(run.run_command)
