"""Ctrl-C, SIGTERM, SIGPIPE and a missing stdin, at every stage of a real one-shot run.

Interactive cases run nlshell inside `bash` on a real pseudo-terminal (pexpect), then ask that
same terminal `stty -a`: after any way out, echo and canonical mode must be back on and the cursor
visible. Every command that could run is harmless and stays in the temp working directory.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest

from test_faults import files_holding

MENU_END = "bort › "  # the end of the menu's options line: it waits for a key
TIMEOUT = 15
NLSHELL = f'"{sys.executable}" -m nlshell'


def wait_for(predicate, timeout: float = TIMEOUT, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


class Terminal:
    """An interactive bash on a pty, with nlshell's environment, recording everything shown."""

    PROMPT = "READY> "

    def __init__(self, env: dict, cwd: Path) -> None:
        full = dict(os.environ)
        full.update(env)
        full.update({"PS1": self.PROMPT, "TERM": "xterm", "LC_ALL": "C.UTF-8", "PROMPT_TOOLKIT_NO_CPR": "1",
                     "HISTFILE": os.devnull})
        for name in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX", "STY", "PROMPT_COMMAND"):
            full.pop(name, None)
        self.child = pexpect.spawn("bash", ["--norc", "--noprofile", "-i"], cwd=str(cwd), env=full,
                                   encoding="utf-8", timeout=TIMEOUT, dimensions=(40, 120))
        self.transcript = ""
        self.expect(self.PROMPT)

    def expect(self, pattern: str, *, exact: bool = True) -> str:
        if exact:
            self.child.expect_exact(pattern)
        else:
            self.child.expect(pattern)
        seen = self.child.before + (self.child.after if isinstance(self.child.after, str) else "")
        self.transcript += seen
        return self.child.before

    def run_nlshell(self, *args: str) -> None:
        quoted = " ".join("'" + a.replace("'", "'\\''") + "'" for a in args)
        self.child.sendline(f"{NLSHELL} {quoted}; echo \"rc=$?\"")

    def status(self) -> int:
        self.expect(r"rc=(\d+)", exact=False)
        return int(self.child.match.group(1))

    def stty_modes(self) -> set[str]:
        self.expect(self.PROMPT)
        self.child.sendline("stty -a; echo STTY-$((40 + 2))-DONE")  # the echoed line never matches
        text = self.expect("STTY-42-DONE")
        return set(re.split(r"[\s;]+", text))

    def close(self) -> None:
        self.child.close(force=True)


@pytest.fixture
def terminal(server_env):
    opened: list[Terminal] = []

    def make(extra: dict | None = None) -> Terminal:
        term = Terminal({**server_env, **(extra or {})}, Path.cwd())
        opened.append(term)
        return term

    yield make
    for term in opened:
        term.close()


def assert_sane(term: Terminal) -> None:
    modes = term.stty_modes()
    assert {"echo", "icanon", "isig"} <= modes, sorted(modes)
    assert not {"-echo", "-icanon", "-isig"} & modes, sorted(modes)
    hidden = term.transcript.rfind("\x1b[?25l")
    assert hidden == -1 or term.transcript.rfind("\x1b[?25h") > hidden, "the cursor was left hidden"
    assert "Traceback" not in term.transcript


def test_ctrl_c_at_the_menu(terminal, fake_server):
    fake_server.default("touch ran.txt")
    term = terminal()
    term.run_nlshell("make a file")
    term.expect(MENU_END)
    term.child.send("\x03")
    assert term.status() == 130
    assert_sane(term)
    assert not Path("ran.txt").exists()


def test_ctrl_c_during_the_request(terminal, fake_server):
    fake_server.default("touch ran.txt")
    fake_server.default_delay = 30
    term = terminal()
    term.run_nlshell("make a file")
    wait_for(lambda: fake_server.chat_requests, what="the request")
    term.child.send("\x03")
    assert term.status() == 130  # within TIMEOUT: long before the server's 30 s answer
    assert_sane(term)
    assert not Path("ran.txt").exists()


INTERRUPTED_WHILE_IMPORTING = """
import sys
import nlshell.cli

def answer(argv):
    # Where a real Ctrl-C lands now and then: inside a dataclass or namedtuple being built from a
    # string while a module imports lazily. nlshell catches it like any other.
    exec("raise KeyboardInterrupt")

nlshell.cli._answer = answer
from nlshell.__main__ import main
sys.exit(main())
"""


def test_a_ctrl_c_caught_inside_generated_code_still_exits_130(tmp_path):
    # Under `python -m`, CPython used to turn such a caught interrupt into a death by SIGINT at
    # exit (-2 here): an interactive shell then skipped the rest of its line, `echo "rc=$?"` too.
    (tmp_path / "interrupted_while_importing.py").write_text(INTERRUPTED_WHILE_IMPORTING)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(Path(__file__).parent.parent)])}
    r = subprocess.run([sys.executable, "-m", "interrupted_while_importing"], env=env, cwd=tmp_path,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 130, r
    assert r.stderr == "\n"


def test_ctrl_c_during_the_command(terminal, fake_server):
    fake_server.default("touch started.txt && sleep 30 && touch finished.txt")
    term = terminal()
    term.run_nlshell("wait a while")
    term.expect(MENU_END)
    term.child.send("e")
    wait_for(lambda: Path("started.txt").exists(), what="the command to start")
    time.sleep(0.2)  # let the shell reach `sleep`
    term.child.send("\x03")
    assert term.status() == 130
    assert not Path("finished.txt").exists()
    assert_sane(term)


def test_ctrl_c_while_typing_yes_for_a_dangerous_command(terminal, fake_server):
    fake_server.default("rm -rf ./*")
    Path("keep.txt").write_text("x")
    term = terminal()
    term.run_nlshell("delete everything here")
    term.expect(MENU_END)
    term.child.send("e")  # a dangerous command asks for the word `yes`
    term.child.send("ye")
    term.child.send("\x03")
    assert term.status() == 130
    assert Path("keep.txt").exists()
    assert_sane(term)


def nlshell_pid(term: Terminal) -> int:
    """The nlshell process running in the terminal's bash (its only child)."""
    children: list[str] = []

    def found() -> bool:
        for task in Path(f"/proc/{term.child.pid}/task").iterdir():
            children.extend((task / "children").read_text().split())
        return bool(children)

    wait_for(found, what="nlshell to start")
    return int(children[0])


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the process")
def test_sigterm_at_the_menu(terminal, fake_server):
    fake_server.default("touch ran.txt")
    term = terminal()
    term.run_nlshell("make a file")
    term.expect(MENU_END)
    os.kill(nlshell_pid(term), signal.SIGTERM)
    assert term.status() == 143
    assert_sane(term)
    assert not Path("ran.txt").exists()


@pytest.mark.parametrize("redirect", ["| cat", "< /dev/null"], ids=["stdout-piped", "stdin-not-a-tty"])
def test_half_a_terminal_never_prompts_or_runs(terminal, fake_server, redirect):
    """A terminal on one side only (`nlshell x | cat` typed at a prompt): print, never ask, never run."""
    fake_server.default("touch ran.txt")
    term = terminal()
    term.child.sendline(f"{NLSHELL} 'make a file' {redirect}; echo \"rc=$?\"")
    assert term.status() == 0
    assert "touch ran.txt" in term.child.before
    assert "bort" not in term.transcript + term.child.before  # no menu was drawn
    assert not Path("ran.txt").exists()
    assert_sane(term)


# -- without a terminal -------------------------------------------------------------------------


def test_sigterm_during_the_request(fake_server, server_env):
    fake_server.default("touch ran.txt")
    fake_server.default_delay = 30
    env = {**os.environ, **server_env}
    proc = subprocess.Popen([sys.executable, "-m", "nlshell", "-y", "make a file"], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: fake_server.chat_requests, what="the request")
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=5)
    finally:
        proc.kill()
    assert proc.returncode in (-signal.SIGTERM, 128 + signal.SIGTERM), (proc.returncode, err)
    assert out == ""
    assert "Traceback" not in err
    assert not Path("ran.txt").exists()


def shell(script: str, env: dict, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", script], env={**os.environ, **env}, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def assert_quiet_pipe_end(err: str) -> None:
    assert "Traceback" not in err and "Exception ignored" not in err and "BrokenPipe" not in err, err
    assert "internal error" not in err, err


@pytest.mark.parametrize("args", [("-p", "say a lot"), ("explain", "ls")])
def test_sigpipe_head_c1(fake_server, server_env, tmp_path, args):
    # The explanation streams far more than a pipe buffer holds, so writing goes on after head has gone.
    fake_server.default("ls -la" if args[0] == "-p" else "`ls` lists files. " * 20_000)
    quoted = " ".join(f"'{a}'" for a in args)
    r = shell(f"{NLSHELL} {quoted} 2>'{tmp_path}/err' | head -c1; echo \" status=${{PIPESTATUS[0]}}\"",
              server_env)
    assert r.stdout[:1] in ("l", "`"), r
    status = int(r.stdout.rsplit("status=", 1)[1])
    assert status in (0, 141), r
    assert_quiet_pipe_end((tmp_path / "err").read_text())


@pytest.mark.parametrize("args", [("-p",), ("--json",)])
def test_sigpipe_reader_gone_before_the_answer(fake_server, server_env, tmp_path, args):
    fake_server.default("ls -la")
    fake_server.default_delay = 0.5  # `true` has exited long before the command is written
    quoted = " ".join(args)
    r = shell(f"{NLSHELL} {quoted} 'list files' 2>'{tmp_path}/err' | true; echo \"status=${{PIPESTATUS[0]}}\"",
              server_env)
    status = int(r.stdout.rsplit("status=", 1)[1])
    assert status in (0, 1, 141), r
    assert_quiet_pipe_end((tmp_path / "err").read_text())


@pytest.mark.parametrize("redirect, args", [
    ("< /dev/null", ("-p", "make a file")),
    ("< /dev/null", ("make a file",)),
    ("0<&-", ("-p", "make a file")),
    ("0<&-", ("make a file",)),
    ("0<&-", ("--json", "make a file")),
    ("0<&-", ("-y", "make a file")),
])
def test_stdin_null_or_closed(fake_server, server_env, redirect, args):
    fake_server.default("touch ran.txt")
    quoted = " ".join(f"'{a}'" for a in args)
    r = shell(f"{NLSHELL} {quoted} {redirect}", server_env)
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr, r
    assert r.returncode == 0, r
    if "-y" in args:
        assert Path("ran.txt").exists()  # --yes runs without asking, with or without stdin
    else:
        assert "touch ran.txt" in r.stdout and not Path("ran.txt").exists()


@pytest.mark.parametrize("redirect, args", [
    ("< /dev/null", ("-p",)),
    ("0<&-", ()),
    ("0<&-", ("-p",)),
    ("0<&-", ("auth", "login")),
    ("0<&-", ("--widget", "bash")),
])
def test_stdin_null_or_closed_without_a_request(fake_server, server_env, redirect, args):
    """No request and nothing to read: a usage error (exit 2), never a prompt, a hang or a crash."""
    quoted = " ".join(args)
    r = shell(f"{NLSHELL} {quoted} {redirect}", server_env, timeout=15)
    assert r.returncode == 2, r
    assert r.stdout == ""
    assert len(r.stderr.splitlines()) == 1 and "Traceback" not in r.stderr, r


@pytest.mark.parametrize("args", [("-p", "list files"), ("--version",), ("check", "ls")])
def test_stdout_closed(fake_server, server_env, args):
    """Nowhere to print: it behaves as with >/dev/null — no traceback, no 'internal error'."""
    quoted = " ".join(f"'{a}'" for a in args)
    r = shell(f"{NLSHELL} {quoted} 1>&-", server_env)
    assert r.returncode == 0, r
    assert r.stderr == "", r


@pytest.mark.parametrize("closed", ["0<&-", "1>&-", "0<&- 1>&-"])
def test_a_closed_descriptor_never_hands_nlshells_files_to_the_command(fake_server, server_env, closed):
    """With fd 0 or 1 closed, the first file nlshell opens would take it: the command must get /dev/null."""
    fake_server.default("ls -l /proc/$$/fd > fds.txt; cat > input.txt; echo $((6 * 7))-out-of-band")
    r = shell(f"{NLSHELL} -y 'note the descriptors' {closed}", server_env)
    assert r.returncode == 0, r
    fds = Path("fds.txt").read_text()
    for fd in ("0", "1"):
        target = re.search(rf" {fd} -> (\S+)", fds).group(1)
        assert target == "/dev/null" or target.startswith("pipe:"), fds
    assert Path("input.txt").read_bytes() == b""
    assert files_holding(Path.cwd().parent, "42-out-of-band") == []  # the output went nowhere of ours
