"""The REPL, driven as a person would drive it: a real process in a pseudo-terminal (pexpect),
talking HTTP to the fake server. Pure helpers (multi-line rule, slash-command detection, the
conversation) are table-driven at the end.

Every command a test runs is harmless and stays in the temp working directory; the "dangerous"
one (`history -c` in a child shell) changes nothing even if it ran.
"""

from __future__ import annotations

import base64
import json
import os
import re
import stat
import sys
import time
from pathlib import Path

import pexpect
import pytest

from conftest import FAKE_KEY

# A fresh, empty prompt (the space after ">" is drawn as a cursor move; an accepted line is
# redrawn as "nlshell> text", which this does not match).
PROMPT = re.compile(r"nlshell>[ ]*\n")
MENU_END = "bort › "  # the end of the menu's options line: it waits for a key
TIMEOUT = 10
UP = "\x1b[A"

_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, erases
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, clipboard
    r"|\x1b[()][A-Za-z0-9]|\x1b[=>78NMDEHc]|\r"
)


def plain(text: str) -> str:
    return _ANSI.sub("", text)


class Repl:
    """One `nlshell` REPL in a pty. `expect` searches what was shown, escapes stripped, from where
    the last match ended, so each step waits for its own output."""

    def __init__(self, env: dict, *args: str, columns: int = 120) -> None:
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "nlshell", *args],
            cwd=os.getcwd(),
            env=env,
            encoding="utf-8",
            timeout=TIMEOUT,
            dimensions=(40, columns),
        )
        self.raw = ""
        self.mark = 0
        self.at_prompt = False  # a fresh prompt was matched and nothing typed since

    def _pump(self, timeout: float) -> bool:
        try:
            self.raw += self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            pass
        except pexpect.EOF:
            return False
        return True

    @property
    def text(self) -> str:
        return plain(self.raw)

    def expect(self, needle, timeout: float = TIMEOUT) -> str:
        """Wait until `needle` (text or regex) is shown; return what was shown since the previous
        match up to it."""
        pattern = needle if isinstance(needle, re.Pattern) else re.compile(re.escape(needle))
        deadline = time.monotonic() + timeout
        while True:
            text = self.text
            found = pattern.search(text, self.mark)
            if found:
                seen = text[self.mark : found.start()]
                self.mark = found.end()
                return seen
            if time.monotonic() > deadline:
                raise AssertionError(f"{needle!r} not shown within {timeout}s; after the last match:\n{text[self.mark:]}")
            if not self._pump(0.05) and not pattern.search(self.text, self.mark):
                raise AssertionError(f"{needle!r} never shown; the REPL ended:\n{self.text[self.mark:]}")

    def settle(self, seconds: float = 0.3) -> str:
        """Read for a moment; return what was shown meanwhile (after the last match)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self._pump(0.05):
            pass
        return self.text[self.mark :]

    def send(self, keys: str) -> None:
        self.at_prompt = False
        self.child.send(keys)

    def prompt(self, timeout: float = TIMEOUT) -> str:
        """Wait for a fresh prompt (unless already there); return what was shown before it."""
        if self.at_prompt:
            return ""
        seen = self.expect(PROMPT, timeout)
        self.at_prompt = True
        return seen

    def type(self, keys: str) -> None:
        """Type at a fresh prompt, without Enter."""
        self.prompt()
        self.send(keys)

    def line(self, text: str) -> None:
        self.type(text + "\r")

    def ask(self, request: str, key: str = "a") -> str:
        """Type a request, wait for the menu, press `key`; returns what the menu showed."""
        self.line(request)
        shown = self.expect(MENU_END)
        self.send(key)
        return shown

    def quit(self) -> int:
        """Ctrl-D at an empty prompt; the exit status."""
        self.prompt()
        self.send("\x04")
        return self.finish()

    def finish(self) -> int:
        deadline = time.monotonic() + TIMEOUT
        while self._pump(0.05):
            if time.monotonic() > deadline:
                raise AssertionError("the REPL did not end:\n" + self.text[self.mark :])
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else 128 + (self.child.signalstatus or 0)

    def kill(self) -> None:
        if self.child.isalive():
            self.child.close(force=True)


@pytest.fixture
def repl_env(server_env):
    env = dict(os.environ)
    env.update(server_env)
    env.update({"TERM": "xterm-256color", "NO_COLOR": "1", "PROMPT_TOOLKIT_NO_CPR": "1", "LC_ALL": "C.UTF-8"})
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX", "STY", "COLUMNS", "LINES"):
        env.pop(name, None)
    return env


@pytest.fixture
def start(repl_env):
    started: list[Repl] = []

    def make(*args: str, env: dict | None = None, columns: int = 120) -> Repl:
        full = dict(repl_env)
        for key, value in (env or {}).items():
            if value is None:
                full.pop(key, None)
            else:
                full[key] = value
        repl = Repl(full, *args, columns=columns)
        started.append(repl)
        return repl

    yield make
    for repl in started:
        repl.kill()


def messages(request) -> list[dict]:
    return request.json["messages"]


# -- a whole session ---------------------------------------------------------------------------
def test_five_requests_share_one_connection_and_ctrl_d_exits_0(start, fake_server):
    for n in range(1, 6):
        fake_server.reply(f"echo hi{n}")
    repl = start()
    banner = repl.prompt()
    assert "qwen/qwen3-coder:free" in banner and "/help" in banner
    for n in range(1, 6):
        key = "e" if n % 2 else "a"
        shown = repl.ask(f"say hi number {n}", key)
        assert f"echo hi{n}" in shown
        if key == "e":
            repl.expect(f"hi{n}\n")
    assert repl.quit() == 0
    assert len(fake_server.chat_requests) == 5
    assert fake_server.connections == 1
    assert {r.connection_id for r in fake_server.chat_requests} == {1}


def test_quiet_drops_the_banner(start):
    repl = start("--quiet")
    before = repl.prompt()
    assert "for commands" not in before and "qwen" not in before
    assert repl.quit() == 0


def test_follow_up_carries_the_conversation_and_new_forgets_it(start, fake_server):
    fake_server.reply("ls")
    fake_server.reply("ls *.py")
    fake_server.reply("df -h")
    repl = start()
    repl.ask("list the files here")
    repl.ask("now only the .py files")
    repl.line("/new")
    repl.expect("new conversation")
    repl.ask("show disk usage")
    assert repl.quit() == 0

    first, second, third = (messages(r) for r in fake_server.chat_requests)
    assert {"role": "assistant", "content": "ls"} in second
    assert any(m["role"] == "user" and "list the files here" in m["content"] for m in second[:-1])
    assert "now only the .py files" in second[-1]["content"]
    earlier = [m for m in third if "list the files" in m["content"] or m["content"] in ("ls", "ls *.py")]
    assert earlier == []
    assert len(third) == len(first)


def test_a_revision_at_the_menu_becomes_part_of_the_conversation(start, fake_server):
    fake_server.reply("ls")
    fake_server.reply("ls -a")
    fake_server.reply("ls -aS")
    repl = start("--quiet")
    repl.ask("list the files", "r")
    repl.expect("what should change?")
    repl.send("include hidden files\r")
    assert "ls -a" in repl.expect(MENU_END)
    repl.send("a")
    repl.ask("and sort them by size")
    assert repl.quit() == 0
    third = messages(fake_server.chat_requests[2])
    turns = [(m["role"], m["content"]) for m in third[1:-1]]
    assert turns[-4:] == [
        ("user", "Input: list the files\nOutput:"),
        ("assistant", "ls"),
        ("user", "Input: include hidden files\nOutput:"),
        ("assistant", "ls -a"),
    ]


def test_ctrl_c_cancels_a_slow_request_and_the_session_goes_on(start, fake_server):
    fake_server.reply("echo slow", delay=5)
    fake_server.reply("echo fast")
    repl = start("--quiet")
    repl.line("something slow")
    repl.expect("thinking")  # the spinner, after 200 ms
    repl.send("\x03")
    repl.expect("cancelled", timeout=3)
    repl.prompt(timeout=3)
    shown = repl.ask("something fast")
    assert "echo fast" in shown
    assert repl.quit() == 0
    assert len(fake_server.chat_requests) == 2


@pytest.mark.parametrize("statuses", [[401], [500, 500, 500]], ids=["401", "500x3"])
def test_an_api_error_prints_one_line_and_the_prompt_comes_back(start, fake_server, statuses):
    for status in statuses:
        fake_server.respond(status)
    fake_server.reply("echo recovered")
    repl = start("--quiet")
    repl.line("anything")
    error = repl.prompt()
    assert error.count("nlshell: ") == 1, error
    assert "\n" not in error.split("nlshell: ")[1].rstrip(), error  # one line
    assert "Traceback" not in error and FAKE_KEY not in repl.text
    repl.send("try again\r")
    assert "echo recovered" in repl.expect(MENU_END)
    repl.send("a")
    assert repl.quit() == 0


def test_history_survives_a_restart_and_is_private(start, fake_server):
    repl = start("--quiet")
    repl.ask("count the lines in notes.txt")
    assert repl.quit() == 0
    path = Path(os.environ["XDG_STATE_HOME"]) / "nlshell" / "repl_history"
    assert "count the lines in notes.txt" in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    again = start("--quiet")
    again.prompt()
    again.send(UP)
    again.expect("count the lines in notes.txt")
    again.send("\r")
    again.expect(MENU_END)
    again.send("a")
    assert again.quit() == 0
    assert [r.json["messages"][-1]["content"] for r in fake_server.chat_requests][-1].count("notes.txt") == 1
    assert len(fake_server.chat_requests) == 2


def test_lines_carrying_a_key_stay_out_of_the_history(start, fake_server):
    repl = start("--quiet")
    repl.ask("call the api with sk-or-v1-0123456789abcdef0123")
    repl.ask("list the files")
    repl.prompt()
    repl.send(UP)
    repl.expect("list the files")
    repl.send(UP)  # nothing older to go to: the line with the key is not there
    assert "sk-or-v1" not in repl.settle()
    repl.send("\x03")
    assert repl.quit() == 0
    path = Path(os.environ["XDG_STATE_HOME"]) / "nlshell" / "repl_history"
    kept = path.read_text()
    assert "list the files" in kept and "sk-or-v1" not in kept


def test_without_colour_a_suggestion_from_history_is_underlined(start, fake_server):
    repl = start("--quiet")
    repl.ask("count the lines in notes.txt")
    assert repl.quit() == 0
    again = start("--quiet")  # NO_COLOR is set for every REPL test
    again.type("count the")
    again.expect(" lines in notes.txt")
    assert re.search(r"\x1b\[[0-9;]*4m\s*lines in notes\.txt", again.raw), again.raw[-400:]
    again.send("\x03")
    assert again.quit() == 0


def test_banner_and_toolbar_fit_a_40_column_terminal(start):
    repl = start(columns=40)
    banner = repl.prompt()
    lines = [line for line in banner.splitlines() if line.strip()]
    assert "model qwen/qwen3-coder:free" in lines and "Ctrl-D to quit" in banner
    assert all(len(line) <= 40 for line in lines), lines
    repl.send("\x04")
    assert repl.finish() == 0


@pytest.mark.parametrize("columns", [40, 60, 200])
def test_the_toolbar_keeps_to_one_line_dropping_the_least_needed_parts(columns, monkeypatch):
    # (prompt_toolkit draws the toolbar only once it knows the cursor position, which the pty tests
    # turn off: its text is checked here.)
    import shutil as shutil_module

    from nlshell import config
    from nlshell.repl import Repl

    monkeypatch.setattr(shutil_module, "get_terminal_size", lambda *a: os.terminal_size((columns, 24)))
    toolbar = Repl(config.load())._toolbar()
    assert len(toolbar) <= columns
    assert toolbar.startswith(" qwen/qwen3-coder:free · emacs (F4)")
    assert ("/help" in toolbar) is (columns >= 60)
    assert ("new line" in toolbar) is (columns >= 200)


def test_a_template_goes_to_the_menu_and_enter_fills_it_in(start, fake_server):
    fake_server.reply("wc -l FILE")
    Path("notes.txt").write_text("a\nb\n")
    repl = start("--quiet")
    repl.line("count lines in a file")
    shown = repl.expect(MENU_END)
    assert "a template" in shown and "fill in the placeholder FILE" in shown
    repl.send("\r")
    repl.expect("edit:")
    repl.send("notes.txt\r")
    repl.expect(MENU_END)
    repl.send("e")
    repl.expect("2 notes.txt")
    assert repl.quit() == 0


def test_ctrl_c_at_the_prompt_clears_the_line(start, fake_server):
    repl = start("--quiet")
    repl.prompt()
    repl.send("half a thought")
    repl.expect("half a thought")
    repl.send("\x03")
    repl.prompt()
    repl.send("\r")
    repl.prompt()
    assert repl.quit() == 0
    assert fake_server.chat_requests == []


def test_a_line_ending_in_backslash_continues(start, fake_server):
    repl = start("--quiet")
    repl.line("find the big files \\")
    repl.send("in the logs folder\r")
    repl.expect(MENU_END)
    repl.send("a")
    assert repl.quit() == 0
    assert len(fake_server.chat_requests) == 1
    content = messages(fake_server.chat_requests[0])[-1]["content"]
    assert "find the big files" in content and "in the logs folder" in content
    assert "\\" not in content


def test_vi_mode_from_the_config(start, fake_server, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[repl]\nediting_mode = "vi"\n')
    repl = start("--quiet", env={"NLSHELL_CONFIG": str(config)})
    repl.type("hello world")
    repl.expect("hello world")
    for keys in ("\x1b", "0", "i", "say ", "\x1b", "\r"):  # normal mode, insert at the start
        repl.send(keys)
        time.sleep(0.1)
    repl.expect(MENU_END)
    repl.send("a")
    assert repl.quit() == 0
    assert messages(fake_server.chat_requests[0])[-1]["content"] == "Input: say hello world\nOutput:"


def test_esc_enter_inserts_a_new_line(start, fake_server):
    repl = start("--quiet")
    repl.type("first part")
    repl.expect("first part")
    repl.send("\x1b\r")
    repl.send("second part\r")
    repl.expect(MENU_END)
    repl.send("a")
    assert repl.quit() == 0
    assert len(fake_server.chat_requests) == 1
    assert messages(fake_server.chat_requests[0])[-1]["content"] == "Input: first part\nsecond part\nOutput:"


def test_a_history_file_made_readable_by_others_is_made_private_again(start):
    path = Path(os.environ["XDG_STATE_HOME"]) / "nlshell" / "repl_history"
    path.parent.mkdir(parents=True)
    path.write_text("\n# earlier\n+old request\n")
    path.chmod(0o644)
    repl = start("--quiet")
    repl.type(UP)
    repl.expect("old request")
    repl.send("\x03")
    assert repl.quit() == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# -- slash commands ----------------------------------------------------------------------------
def test_help_lists_the_slash_commands_and_the_multiline_rule(start):
    repl = start("--quiet")
    repl.line("/help")
    shown = repl.prompt()
    for name in ("/help", "/model", "/explain", "/run", "/copy", "/new", "/history", "/exit"):
        assert f"  {name}" in shown
    assert "Esc Enter" in shown and "ending in \\" in shown
    assert repl.quit() == 0


def test_tab_completes_slash_commands(start):
    repl = start("--quiet")
    repl.line("/he\t")  # Tab, then Enter: runs /help, not the unknown "/he"
    shown = repl.prompt()
    assert "start a new conversation" in shown
    assert "unknown command" not in shown
    assert repl.quit() == 0


def test_model_switches_and_completes_from_the_cached_list_only(start, fake_server):
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "nlshell" / "models.json"
    cache.parent.mkdir(parents=True, exist_ok=True)
    listed = [{"id": "vendor/alpha-model"}, {"id": "other/beta"}]
    cache.write_text(json.dumps({"base_url": fake_server.base_url, "fetched": time.time(), "models": listed}))
    repl = start("--quiet")
    repl.line("/model x/y")
    repl.expect("model x/y")
    repl.ask("first request")
    repl.line("/model alph\t")
    repl.expect("nlshell: model vendor/alpha-model")
    repl.ask("second request")
    repl.line("/model")
    repl.expect("model vendor/alpha-model")
    assert repl.quit() == 0
    assert [r.json["model"] for r in fake_server.chat_requests] == ["x/y", "vendor/alpha-model"]
    assert [r.path for r in fake_server.requests if r.path.endswith("/models")] == []


def test_exit_command_exits_0(start):
    repl = start("--quiet")
    repl.line("/exit")
    assert repl.finish() == 0


def test_unknown_slash_command_is_an_error_not_the_end(start):
    repl = start("--quiet")
    repl.line("/frobnicate")
    assert "unknown command /frobnicate" in repl.prompt()
    assert repl.quit() == 0


def test_run_reruns_the_last_command_and_history_shows_it(start, fake_server, tmp_path):
    fake_server.reply("echo again >> log.txt")
    log = Path.cwd() / "log.txt"
    repl = start("--quiet")
    repl.ask("append again to the log", "e")
    repl.prompt()
    assert log.read_text() == "again\n"
    repl.send("/run\r")
    repl.expect("running: echo again >> log.txt")
    repl.line("/history")
    shown = repl.prompt()
    assert "echo again >> log.txt" in shown and "append again to the log" in shown
    assert repl.quit() == 0
    assert log.read_text() == "again\nagain\n"
    assert len(fake_server.chat_requests) == 1


def test_run_of_a_command_never_confirmed_shows_the_menu(start, fake_server):
    fake_server.reply("touch made.txt")
    repl = start("--quiet")
    repl.ask("make a file", "a")
    repl.line("/run")
    repl.expect(MENU_END)
    repl.send("a")
    assert repl.quit() == 0
    assert not (Path.cwd() / "made.txt").exists()


def test_dangerous_command_still_needs_yes(start, fake_server):
    fake_server.reply("history -c")  # rated dangerous; in a child shell it changes nothing anyway
    repl = start("--quiet")
    shown = repl.ask("wipe my shell history", "e")
    assert "DANGEROUS" in shown
    repl.expect("type yes")
    repl.send("no\r")
    repl.expect("nothing was run")
    repl.expect(MENU_END)
    repl.send("a")
    assert repl.quit() == 0


def test_explain_streams_an_explanation(start, fake_server):
    fake_server.reply("tar extracts the archive verbosely.")
    repl = start("--quiet")
    repl.line("/explain tar -xzvf a.tgz")
    repl.expect("tar extracts the archive verbosely.")
    assert repl.quit() == 0
    body = fake_server.chat_requests[0].json
    assert body.get("stream") is True
    assert any("tar -xzvf a.tgz" in m["content"] for m in body["messages"])


def test_copy_sends_the_last_command_to_the_clipboard(start, fake_server):
    fake_server.reply("echo copied")
    repl = start("--quiet")
    repl.ask("say copied")
    repl.line("/copy")
    repl.expect("OSC 52")
    assert base64.b64encode(b"echo copied").decode() in repl.raw
    assert repl.quit() == 0


def test_without_a_key_the_repl_answers_offline_and_says_so_once(start, fake_server):
    repl = start(env={"OPENROUTER_API_KEY": None, "OPENROUTER_BASE_URL": None})
    banner = repl.prompt()
    assert "offline" in banner
    for request in ("list all files", "show free memory"):
        shown = repl.ask(request)
        assert "$ " in shown  # a command from the offline index
        assert "set a key for tailored commands" not in shown  # the banner said it already
    assert repl.quit() == 0
    assert fake_server.requests == []


# -- pure helpers ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "typed, request_",
    [
        ("list files", "list files"),
        ("  list files  ", "list files"),
        ("find big files \\\nin logs", "find big files \nin logs"),
        ("first\nsecond", "first\nsecond"),
        ("ends with a backslash \\", "ends with a backslash \\"),
        ("", ""),
    ],
)
def test_request_text(typed, request_):
    from nlshell.repl.keys import request_text

    assert request_text(typed) == request_


@pytest.mark.parametrize(
    "text, is_command",
    [
        ("/help", True),
        ("/model openai/gpt-4o-mini", True),
        ("/etc/hosts owner", False),
        ("/ files", True),
        ("list /tmp", False),
        ("", False),
    ],
)
def test_is_slash_command(text, is_command):
    from nlshell.repl import is_slash_command

    assert is_slash_command(text) is is_command


def test_conversation_keeps_the_latest_turns_in_pipeline_format():
    from nlshell.repl import Conversation, turns_for

    conversation = Conversation(limit=4)
    for n in range(3):
        conversation.add(turns_for(f"request {n}", f"cmd {n}"))
    assert conversation.messages == turns_for("request 1", "cmd 1") + turns_for("request 2", "cmd 2")
    assert conversation.messages[0] == {"role": "user", "content": "Input: request 1\nOutput:"}
    assert len(conversation) == 2
    conversation.clear()
    assert conversation.messages == [] and len(conversation) == 0


@pytest.mark.parametrize(
    "line, cursor_at_end, continues",
    [("abc \\", True, True), ("abc", True, False), ("abc \\", False, False), ("", True, False)],
)
def test_continuation_rule(line, cursor_at_end, continues):
    from prompt_toolkit.document import Document

    from nlshell.repl.keys import continues as rule

    document = Document(line, len(line) if cursor_at_end else 0)
    assert rule(document) is continues


class _FakeRepl:
    last_command = "tar -xzvf a.tgz"


@pytest.mark.parametrize(
    "typed, offered",
    [
        ("/he", ["/help"]),
        ("/h", ["/help", "/history"]),
        ("/zz", []),
        ("list files", []),
        ("/model alp", ["vendor/alpha-model"]),
        ("/model model", ["vendor/alpha-model"]),  # anywhere in the id, after those that start with it
        ("/model ", ["other/beta", "vendor/alpha-model"]),
        ("/explain ", ["tar -xzvf a.tgz"]),
    ],
)
def test_completer(typed, offered):
    from prompt_toolkit.completion import CompleteEvent
    from prompt_toolkit.document import Document

    from nlshell.repl.prompt import SlashCompleter

    cache = Path(os.environ["XDG_CACHE_HOME"]) / "nlshell" / "models.json"
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps({"models": [{"id": "vendor/alpha-model"}, {"id": "other/beta"}]}))
    completer = SlashCompleter(_FakeRepl())
    found = completer.get_completions(Document(typed), CompleteEvent(completion_requested=True))
    assert [c.text for c in found] == offered


def test_completer_without_a_cached_model_list_offers_nothing():
    from prompt_toolkit.completion import CompleteEvent
    from prompt_toolkit.document import Document

    from nlshell.repl.prompt import SlashCompleter

    found = SlashCompleter(_FakeRepl()).get_completions(Document("/model a"), CompleteEvent())
    assert list(found) == []


@pytest.mark.parametrize(
    "hint, reworded",
    [
        ("try again in a moment, or choose another model with -m", "try again in a moment, or choose another model with /model"),
        ("try -m a/b (or c/d)", "try /model a/b (or c/d)"),
        ("use -march=native", "use -march=native"),
        (None, None),
    ],
)
def test_hints_name_slash_model_in_the_repl(hint, reworded):
    from nlshell.errors import NlshellError
    from nlshell.repl import in_repl_terms

    assert in_repl_terms(NlshellError("x", hint)).hint == reworded


class _Tty:
    """A stream that says it is a terminal and records what was written."""

    encoding = "utf-8"

    def __init__(self, tty: bool = True) -> None:
        self.tty = tty
        self.written: list[str] = []

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> None:
        self.written.append(text)

    def flush(self) -> None:
        pass


def test_spinner_draws_on_a_terminal_and_wipes_its_line():
    from nlshell.spinner import Spinner

    stream = _Tty()
    spinner = Spinner("thinking", stream=stream, delay=0, interval=0.01).start()
    deadline = time.monotonic() + 5
    while not stream.written and time.monotonic() < deadline:
        time.sleep(0.01)
    spinner.stop()
    drawn = "".join(stream.written)
    assert "thinking" in drawn and "Ctrl-C" in drawn
    last = stream.written[-1]
    assert last.startswith("\r") and last.endswith("\r") and last.strip() == ""
    count = len(stream.written)
    time.sleep(0.05)
    assert len(stream.written) == count  # nothing after the wipe


def test_spinner_stays_silent_off_a_terminal_or_when_hidden_before_its_delay():
    from nlshell.spinner import Spinner

    piped = _Tty(tty=False)
    with Spinner(stream=piped, delay=0):
        time.sleep(0.05)
    assert piped.written == []
    quick = _Tty()
    with Spinner(stream=quick, delay=60):
        pass
    assert quick.written == []


def test_call_cancellable_returns_raises_and_abandons_on_ctrl_c():
    import _thread
    import threading

    from nlshell.errors import NlshellError
    from nlshell.waiting import call_cancellable

    assert call_cancellable(lambda: 42) == 42

    def fail():
        raise NlshellError("boom")

    with pytest.raises(NlshellError, match="boom"):
        call_cancellable(fail)

    release = threading.Event()
    started = threading.Event()

    def slow():
        started.set()
        release.wait(30)
        return "late"

    def interrupt() -> None:
        started.wait(10)
        _thread.interrupt_main()

    threading.Thread(target=interrupt, daemon=True).start()
    try:
        with pytest.raises(KeyboardInterrupt):
            call_cancellable(slow)
        workers = [t for t in threading.enumerate() if t.name == "nlshell-request"]
        assert workers and all(t.daemon for t in workers)  # abandoned, still running
    finally:
        release.set()
