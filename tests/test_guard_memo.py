"""The guard's memory of safe ratings and parsed settings: fast repeats that are never wrong.

A rating is looked up only when this very code made it (any change to nlshell's modules gives new
keys), only safe ones are kept, and a damaged entry is a miss. The repeat path must stay light:
the process that answers never imports the network stack, the parser or argparse.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest
from guardkit import claude, claude_decision, decide, policy, raw, run_guard

from nlshell import fingerprint, guard
from nlshell.guard import memo as guard_memo
from nlshell.guard.formats import ALLOW, ASK, DENY, PASS


@pytest.fixture
def calls(tmp_path):
    """A rater that records each call in a file (it runs in the forked child) and then rates."""
    log = tmp_path / "rater-calls"

    def rater(command, shell):
        with open(log, "a") as f:
            f.write(command + "\n")
        return guard.rate(command, shell)

    rater.count = lambda: len(log.read_text().splitlines()) if log.exists() else 0
    return rater


def memo_files(prefix: str = "safe-") -> list[str]:
    directory = guard_memo.memo_dir()
    return sorted(n for n in os.listdir(directory) if n.startswith(prefix)) if os.path.isdir(directory) else []


def test_a_safe_command_is_rated_once(calls):
    for _ in range(3):
        assert decide(claude("git status"), rater=calls)[1].action == PASS
    assert calls.count() == 1
    assert len(memo_files()) == 1


def test_risky_commands_are_rated_every_time_and_never_kept(calls):
    for _ in range(2):
        assert decide(claude("pip install requests"), rater=calls)[1].action == ASK
        assert decide(claude("rm -rf ~"), rater=calls)[1].action == DENY
    assert calls.count() == 4
    assert memo_files() == []


def test_commands_carrying_a_secret_are_not_kept_even_as_a_hash(calls):
    decide(claude("echo token=abcdef1234567890"), rater=calls)
    decide(claude("echo token=abcdef1234567890"), rater=calls)
    assert calls.count() == 2 and memo_files() == []


def test_a_change_to_nlshells_code_forgets_every_rating(calls, monkeypatch):
    decide(claude("git status"), rater=calls)
    monkeypatch.setattr(fingerprint, "_computed", "another version of the rater")
    decide(claude("git status"), rater=calls)
    assert calls.count() == 2


def test_the_shell_is_part_of_the_key(calls, monkeypatch):
    decide(claude("git status"), rater=calls)  # Claude Code: bash
    monkeypatch.setenv("SHELL", "/bin/zsh")
    decide({"hook_event_name": "beforeShellExecution", "command": "git status", "cwd": "/tmp"}, rater=calls)
    assert calls.count() == 2


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"[]", b'{"valid": true}', b'{"valid": true, "risk": "dangerous"}',
     b'{"valid": "yes", "risk": "safe"}', b'{"valid": true, "risk": "safe", "hidden": ["\\\\x1b"]}',
     b'{"valid": true, "risk": "safe", "reasons": [1]}', b"\xff" * 10, b" " * (70 * 1024)],
)
def test_a_damaged_or_forged_entry_is_a_miss(calls, content):
    decide(claude("git reset --hard"), rater=calls)  # dangerous: rated, not kept
    key = guard._memo_key(guard.ShellRequest("git reset --hard", None, "bash"))
    path = os.path.join(guard_memo.memo_dir(), key + ".json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(content)
    assert decide(claude("git reset --hard"), rater=calls)[1].action == DENY
    assert calls.count() == 2


def test_memo_files_are_private(isolated_home):
    decide(claude("ls"))
    directory = guard_memo.memo_dir()
    assert stat.S_IMODE(os.stat(directory).st_mode) == 0o700
    for name in os.listdir(directory):
        assert stat.S_IMODE(os.stat(os.path.join(directory, name)).st_mode) == 0o600


def test_an_unwritable_cache_never_stops_the_guard(isolated_home, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    policy(isolated_home, on_safe="allow")
    assert decide(claude("ls"))[1].action == ALLOW
    assert decide(claude("rm -rf ~"))[1].action == DENY


def test_the_oldest_entries_go_when_the_memo_is_full(monkeypatch):
    monkeypatch.setattr(guard_memo, "MAX_ENTRIES", 8)
    for i in range(12):
        guard_memo.put(f"safe-{i:02}", {"valid": True, "risk": "safe"})
        os.utime(os.path.join(guard_memo.memo_dir(), f"safe-{i:02}.json"), ns=(i * 10**9, i * 10**9))
    names = memo_files()
    assert len(names) <= 8 and "safe-11.json" in names and "safe-00.json" not in names


def test_an_edited_config_is_read_again(isolated_home):
    policy(isolated_home, on_safe="allow")
    assert decide(claude("ls"))[1].action == ALLOW
    policy(isolated_home, on_safe="pass")
    assert decide(claude("ls"))[1].action == PASS
    policy(isolated_home, on_safe="sometimes")
    assert decide(claude("ls"))[1].action == ASK


PROBE = """
import json, sys
from nlshell.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
sys.exit(code)
"""
HEAVY = ("httpx", "httpcore", "prompt_toolkit", "keyring", "tenacity", "dotenv", "tree_sitter", "tree_sitter_bash",
         "argparse", "tomllib", "sqlite3", "nlshell.validate", "nlshell.risk", "nlshell.assess", "nlshell.shell",
         "nlshell.preview", "nlshell.pipeline")


def _answer_and_modules(event) -> tuple[bytes, set[str]]:
    proc = subprocess.run([sys.executable, "-c", PROBE, "guard"], input=raw(event), capture_output=True, timeout=60)
    text = proc.stderr.decode()
    assert "MODULES " in text, text
    return proc.stdout, set(json.loads(text.rsplit("MODULES ", 1)[1]))


@pytest.mark.e2e
def test_the_answering_process_stays_light_and_a_repeat_is_lighter(isolated_home):
    policy(isolated_home, on_caution="ask")  # a config file exists, as it would once [guard] is set
    (isolated_home.parent / "work" / ".env").write_text("OPENROUTER_API_KEY=sk-or-v1-x\n")  # never read
    for _ in range(2):  # the second run: the safe rating and the parsed config come from the memo
        out, modules = _answer_and_modules(claude("git status", cwd=str(isolated_home.parent / "work")))
        assert out == b""
    assert sorted(m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY) == []
    out, modules = _answer_and_modules(claude("rm -rf ~"))  # rated in the child: still nothing heavy here
    assert claude_decision(out)[0] == DENY
    assert sorted(m for m in modules if m in ("httpx", "prompt_toolkit", "keyring", "dotenv", "argparse")) == []


@pytest.mark.e2e
def test_a_repeat_does_not_run_the_rater_at_all(isolated_home, tmp_path):
    assert run_guard(claude("git log --oneline -5")).stdout == b""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import nlshell.guard as g\ndef broken(command, shell):\n    raise RuntimeError('rater called')\ng.rate = broken\n")
    env = {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    assert run_guard(claude("git log --oneline -5"), env=env).stdout == b""  # from the memo
    decision, reason = claude_decision(run_guard(claude("git log --oneline -6"), env=env).stdout)
    assert decision == ASK and "internal error" in reason  # a new command does reach the (broken) rater
