"""The keybinding in real bash, zsh and fish, driven through tmux against the real CLI and the fake server.

Each test starts one shell in its own tmux server (own socket, no tmux config, fixed size) with a
clean rc in tmp_path that loads `nlshell init SHELL` the way the README says, types with
`send-keys`, presses the key, and reads the screen with `capture-pane`. Every wait is bounded and
a failure shows the whole pane. The shell's cwd is a sandbox inside tmp_path, so even a command
that ran by mistake can only touch that sandbox.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.shells

SHELLS = ("bash", "zsh", "fish")
PROMPT = "NL> "
WAIT = 15.0  # seconds: generous for a slow CI machine; a passing test waits far less
UNDO = {"bash": "C-_", "zsh": "C-_", "fish": "C-_"}


def need(program: str) -> str:
    """A program the test drives; a missing one skips locally and fails under CI."""
    path = shutil.which(program)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} is not installed (CI must have it)")
        pytest.skip(f"{program} is not installed")
    return path


class Pane:
    """One shell in one tmux server: type, press keys, read the screen, wait for it to change."""

    def __init__(self, tmp_path: Path, shell: str, env: dict[str, str], *, init_args: str = "", setup: str = ""):
        self.shell = shell
        # Its own server on a socket inside tmp_path (a named one under /tmp when that path is too
        # long for a Unix socket), with no user config.
        socket = tmp_path / "tmux.sock"
        where = ["-S", str(socket)] if len(str(socket)) < 100 else ["-L", f"nlshell-test-{uuid.uuid4().hex[:12]}"]
        self.tmux = [need("tmux"), *where, "-f", "/dev/null"]
        self.sandbox = tmp_path / "sandbox"
        self.sandbox.mkdir(parents=True, exist_ok=True)
        home = Path(env["HOME"])
        home.mkdir(parents=True, exist_ok=True)
        shell_path = need(shell)
        env = dict(env, SHELL=shell_path)
        if shell == "bash":
            rc = home / ".bashrc"
            rc.write_text(f"PS1='{PROMPT}'\n{setup}\neval \"$(nlshell init bash {init_args})\"\n")
            argv = [shell_path, "--noprofile", "--rcfile", str(rc), "-i"]
        elif shell == "zsh":
            zdot = home / "zdot"
            zdot.mkdir(exist_ok=True)
            (zdot / ".zshrc").write_text(f"PS1='{PROMPT}'\nRPS1=''\n{setup}\neval \"$(nlshell init zsh {init_args})\"\n")
            env["ZDOTDIR"] = str(zdot)
            argv = [shell_path, "-i"]
        else:
            config = Path(env["XDG_CONFIG_HOME"]) / "fish"
            config.mkdir(parents=True, exist_ok=True)
            (config / "config.fish").write_text(
                "set -g fish_greeting ''\n"
                "set -g fish_autosuggestion_enabled 0\n"  # no grey suggestions on the line we read
                f"function fish_prompt; printf '%s' '{PROMPT}'; end\n"
                "function fish_right_prompt; end\n"
                "function fish_mode_prompt; end\n"
                f"{setup}\nnlshell init fish {init_args} | source\n"
            )
            argv = [shell_path, "-i"]
        # `cd … &&`: the shell never starts anywhere but the sandbox.
        command = (
            f"cd {shlex.quote(str(self.sandbox))} && exec env -i "
            + " ".join(shlex.quote(f"{k}={v}") for k, v in sorted(env.items()))
            + " "
            + " ".join(shlex.quote(a) for a in argv)
        )
        self._tmux("new-session", "-d", "-x", "200", "-y", "50", command)
        self.wait_for(lambda: self.line() == "", "the first prompt")

    def _tmux(self, *args: str) -> str:
        proc = subprocess.run([*self.tmux, *args], capture_output=True, text=True, timeout=10)
        if proc.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {proc.stderr}")
        return proc.stdout

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-l", text)

    def press(self, *keys: str) -> None:
        self._tmux("send-keys", *keys)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-J")

    def lines(self) -> list[str]:
        return [row.rstrip() for row in self.screen().splitlines()]

    def line(self) -> str | None:
        """What follows the last prompt on screen: the command line being edited."""
        prompts = [row for row in self.lines() if row.startswith(PROMPT.rstrip())]
        if not prompts:
            return None
        return prompts[-1][len(PROMPT) :] if len(prompts[-1]) > len(PROMPT) else ""

    def wait_for(self, condition, what: str, timeout: float = WAIT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.05)
        raise AssertionError(f"{self.shell}: timed out after {timeout:.0f}s waiting for {what}; the pane:\n{self.screen()}")

    def wait_line(self, expected: str) -> None:
        self.wait_for(lambda: self.line() == expected, f"the line to read {expected!r}")

    def run_marker(self, marker: str) -> None:
        """Run `echo` of a marker and wait for its output: every key sent before has been handled."""
        half = len(marker) // 2
        self.type(f"echo '{marker[:half]}''{marker[half:]}'")  # the typed line never shows the marker whole
        self.press("Enter")
        self.wait_for(lambda: marker in self.lines(), f"the output {marker!r}")

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True, timeout=10)


@pytest.fixture
def pane_factory(tmp_path, server_env):
    """Start a shell in tmux that reaches the fake server; every pane is killed afterwards."""
    bin_dir = os.path.dirname(sys.executable)
    if not os.path.exists(os.path.join(bin_dir, "nlshell")):
        pytest.fail(f"no nlshell console script in {bin_dir}: pip install -e . first")
    tool_dirs = [os.path.dirname(p) for p in map(shutil.which, ("bash", "zsh", "fish", "tmux")) if p]
    path = os.pathsep.join(dict.fromkeys([bin_dir, *tool_dirs, "/usr/local/bin", "/usr/bin", "/bin"]))
    tmpdir = tmp_path / "tmpdir"  # the widget's mktemp goes here, so a leftover shows
    tmpdir.mkdir()
    env = {
        "PATH": path,
        "TERM": "screen",
        "LANG": "C.UTF-8",
        "TMPDIR": str(tmpdir),
        **{k: os.environ[k] for k in os.environ if k.startswith("XDG_") or k in _PASSED},
        **server_env,
    }
    panes: list[Pane] = []

    def start(shell: str, **kwargs) -> Pane:
        pane = Pane(tmp_path / shell, shell, env, **kwargs)
        panes.append(pane)
        return pane

    yield start
    for pane in panes:
        pane.close()
    # mktemp's files are tmp.XXXXXXXXXX (fish keeps its own fish.USER folder there too).
    leftovers = [p.name for p in tmpdir.iterdir() if p.name.startswith("tmp.")]
    assert leftovers == [], "the widget left temporary files behind"


# From the autouse isolated_home fixture: the temp home and the file-backed fake keyring.
_PASSED = ("HOME", "PYTHONPATH", "PYTHON_KEYRING_BACKEND", "NLSHELL_FAKE_KEYRING")


def request_texts(fake_server) -> list[str]:
    """The user messages the fake server received, one string per chat request."""
    texts = []
    for req in fake_server.chat_requests:
        messages = (req.json or {}).get("messages", [])
        users = [m.get("content", "") for m in messages if m.get("role") == "user"]
        texts.append(str(users[-1]) if users else "")
    return texts


@pytest.mark.parametrize("shell", SHELLS)
def test_key_turns_the_request_into_the_command_and_only_enter_runs_it(shell, pane_factory, fake_server):
    fake_server.default("ls -la")
    pane = pane_factory(shell)
    (pane.sandbox / "listed-only-when-run.txt").write_text("")
    pane.type("list all files")
    pane.press("M-k")
    pane.wait_line("ls -la")
    assert any("list all files" in text for text in request_texts(fake_server))
    assert "listed-only-when-run.txt" not in pane.screen()  # shown, not run

    # Undo gives the words back in one step; the key then makes the command again.
    pane.press(UNDO[shell])
    pane.wait_line("list all files")
    pane.press("M-k")
    pane.wait_line("ls -la")
    pane.press("Enter")
    pane.wait_for(lambda: "listed-only-when-run.txt" in pane.screen(), "the output of ls -la")

    # A command with a visible effect: nothing happens until Enter.
    fake_server.default("touch ran.txt")
    pane.type("make a file called ran.txt")
    pane.press("M-k")
    pane.wait_line("touch ran.txt")
    assert not (pane.sandbox / "ran.txt").exists()
    pane.press("Enter")
    pane.wait_for((pane.sandbox / "ran.txt").exists, "Enter to run touch ran.txt")


@pytest.mark.parametrize("shell", SHELLS)
def test_empty_line_does_nothing_and_a_failure_keeps_the_words(shell, pane_factory, fake_server):
    pane = pane_factory(shell)
    pane.press("M-k")
    pane.run_marker("EMPTY-LINE-DONE")
    assert fake_server.chat_requests == []
    assert not any("thinking" in row for row in pane.lines())

    fake_server.respond(401)  # a rejected key: no retry, one clear line
    pane.type("show disk usage")
    pane.press("M-k")
    pane.wait_for(
        lambda: any(row.startswith("nlshell: ") and "thinking" not in row for row in pane.lines()),
        "the error line",
    )
    pane.wait_line("show disk usage")
    assert len(fake_server.chat_requests) == 1
    # The words are still there to edit or send again.
    fake_server.default("df -h")
    pane.press("M-k")
    pane.wait_line("df -h")


@pytest.mark.parametrize("shell", SHELLS)
def test_a_dangerous_command_comes_back_disabled(shell, pane_factory, fake_server):
    fake_server.default("rm -rf ./*")
    pane = pane_factory(shell)
    sentinel = pane.sandbox / "sentinel.txt"
    sentinel.write_text("still here")
    pane.type("delete everything in this folder")
    pane.press("M-k")
    pane.wait_line("# rm -rf ./*")
    pane.wait_for(lambda: any("dangerous" in row for row in pane.lines()), "the reason on screen")
    pane.press("Enter")
    pane.run_marker("AFTER-ENTER")
    assert sentinel.read_text() == "still here"
    # A comment, not a command that failed (zsh without interactive_comments: "command not found: #").
    assert not any("not found" in row for row in pane.lines()), pane.screen()


@pytest.mark.parametrize("shell", SHELLS)
def test_ctrl_c_while_waiting_keeps_the_words(shell, pane_factory, fake_server):
    fake_server.reply("ls -la", delay=30)
    pane = pane_factory(shell)
    pane.type("list all files")
    pane.press("M-k")
    pane.wait_for(lambda: any("thinking" in row for row in pane.lines()), "the waiting hint")
    pane.press("C-c")
    pane.wait_for(lambda: not any("thinking" in row for row in pane.lines()), "the hint to go")
    pane.type("!")
    pane.wait_line("list all files!")  # the words are kept and the line is still being edited


VI_MODE = {
    "bash": "set -o vi",
    "zsh": "bindkey -v",
    "fish": "set -g fish_key_bindings fish_vi_key_bindings",
}


@pytest.mark.parametrize("shell", SHELLS)
def test_the_key_works_in_vi_insert_mode(shell, pane_factory, fake_server):
    fake_server.default("ls -la")
    pane = pane_factory(shell, setup=VI_MODE[shell])
    pane.type("list all files")
    pane.press("M-k")
    pane.wait_line("ls -la")


@pytest.mark.parametrize("shell", SHELLS)
def test_another_key_with_key_flag(shell, pane_factory, fake_server):
    fake_server.default("ls -la")
    pane = pane_factory(shell, init_args="--key ctrl-t")
    pane.type("list all files")
    pane.press("C-t")
    pane.wait_line("ls -la")


WIDGET_DEFINED = {
    "bash": "declare -F nlshell-widget >/dev/null && echo 'WIDGET-''DEFINED'",
    "zsh": "(( $+widgets[nlshell-widget] )) && echo 'WIDGET-''DEFINED'",
    "fish": "functions -q nlshell-widget; and echo 'WIDGET-''DEFINED'",
}


@pytest.mark.parametrize("shell", SHELLS)
def test_no_bind_defines_the_widget_but_binds_nothing(shell, pane_factory, fake_server):
    pane = pane_factory(shell, init_args="--no-bind")
    pane.type(WIDGET_DEFINED[shell])
    pane.press("Enter")
    pane.wait_for(lambda: "WIDGET-DEFINED" in pane.lines(), "the widget to be defined")
    pane.type("list all files")
    pane.press("M-k")
    pane.press("C-a", "C-k")  # clear whatever the unbound key left on the line
    pane.run_marker("NO-BIND-DONE")
    assert fake_server.chat_requests == []


COMPLETION_SETUP = {
    "bash": 'eval "$(nlshell completions bash)"',
    "zsh": 'autoload -Uz compinit && compinit -u -d "$HOME/.zcompdump"\neval "$(nlshell completions zsh)"',
    "fish": "nlshell completions fish | source",
}


@pytest.mark.parametrize("shell", SHELLS)
def test_completions_in_the_real_shell(shell, pane_factory):
    pane = pane_factory(shell, setup=COMPLETION_SETUP[shell])
    pane.type("nlshell comp")
    pane.press("Tab")
    pane.wait_for(lambda: (pane.line() or "").startswith("nlshell completions"), "Tab to complete `completions`")
    pane.type("z")
    pane.press("Tab")
    pane.wait_for(lambda: (pane.line() or "").rstrip() == "nlshell completions zsh", "Tab to complete `zsh`")


def _settled(pane, reply: str):
    """True once the reply sits on the line, or typeahead did harm (something appeared in the sandbox)."""
    return lambda: pane.line() == reply or any(pane.sandbox.iterdir())


@pytest.mark.parametrize("shell", SHELLS)
def test_keys_typed_while_waiting_are_discarded_never_run(shell, pane_factory, fake_server):
    reply = "touch ./marker"
    fake_server.reply(reply, delay=2)
    pane = pane_factory(shell)
    pane.type("make a marker file")
    pane.press("M-k")
    pane.wait_for(lambda: any("thinking" in row for row in pane.lines()), "the waiting hint")
    # While the reply is still coming: other keys, then Enter.
    pane.type("clear")
    pane.press("Enter")
    pane.wait_for(_settled(pane, reply), "the reply on the line")
    time.sleep(0.5)  # give a wrongly run command time to show
    assert list(pane.sandbox.iterdir()) == [], f"{shell} ran the reply unseen:\n{pane.screen()}"
    assert pane.line() == reply  # exactly the reply: nothing typed during the wait was appended
    pane.press("C-u")
    pane.run_marker("TYPEAHEAD-DONE")
    assert list(pane.sandbox.iterdir()) == []


@pytest.mark.parametrize("shell", SHELLS)
def test_a_template_arrives_with_the_cursor_on_its_first_placeholder(shell, pane_factory, fake_server):
    fake_server.reply("wc -l FILE")
    pane = pane_factory(shell)
    (pane.sandbox / "notes.txt").write_text("one\ntwo\nthree\n")
    pane.type("count the lines of a file")
    pane.press("M-k")
    pane.wait_line("wc -l FILE")
    pane.wait_for(lambda: any("fill in the placeholder FILE" in row for row in pane.lines()), "the note")
    assert not any("nlshell-cursor" in row for row in pane.lines())
    pane.press("C-k")  # kills from the cursor: the placeholder, and nothing before it
    pane.wait_line("wc -l")
    pane.type("notes.txt")
    pane.press("Enter")
    pane.wait_for(lambda: any(row.strip() == "3 notes.txt" for row in pane.lines()), "wc's output")


@pytest.mark.parametrize("shell", SHELLS)
def test_a_caution_command_comes_with_its_reason(shell, pane_factory, fake_server):
    fake_server.reply("cp a.txt b.txt")
    pane = pane_factory(shell)
    pane.type("copy a to b")
    pane.press("M-k")
    pane.wait_line("cp a.txt b.txt")
    pane.wait_for(lambda: any(row.startswith("nlshell: caution") for row in pane.lines()), "the caution note")
