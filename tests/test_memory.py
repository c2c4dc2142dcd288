"""Personal memory: round trip, exact-match answers, hints, opt-out, secrets, damage control."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from conftest import one_error_line

from nlshell import paths
from nlshell.memory import Memory, normalize_request


@pytest.mark.parametrize(
    "text, normal",
    [
        ("List all files", "list all files"),
        ("  list   all\tfiles?! ", "list all files"),
        ("Show disk usage.", "show disk usage"),
        ("", ""),
    ],
)
def test_normalize_request(text, normal):
    assert normalize_request(text) == normal


def test_round_trip_exact_match_same_shell_only(tmp_path):
    memory = Memory(str(tmp_path / "m.sqlite3"))
    assert memory.remember("List all files", "ls -la", shell="bash", cwd=str(tmp_path))
    assert memory.exact("list all files.", shell="bash") == "ls -la"
    assert memory.exact("list all files", shell="fish") is None
    assert memory.exact("list files", shell="bash") is None


def test_most_recent_wins(tmp_path):
    clock = iter([1.0, 2.0]).__next__
    memory = Memory(str(tmp_path / "m.sqlite3"), clock=clock)
    memory.remember("list files", "ls", shell="bash", cwd="/")
    memory.remember("list files", "ls -la", shell="bash", cwd="/")
    assert memory.exact("list files", shell="bash") == "ls -la"


def test_similar_gives_hints_ranked_by_overlap(tmp_path):
    memory = Memory(str(tmp_path / "m.sqlite3"))
    memory.remember("show disk usage of home", "du -sh ~", shell="bash", cwd="/")
    memory.remember("list python files", "ls *.py", shell="bash", cwd="/")
    memory.remember("compress the logs", "tar czf logs.tgz logs", shell="bash", cwd="/")
    hints = memory.similar("list the python files here", shell="bash", limit=2)
    assert hints[0] == ("list python files", "ls *.py")
    assert all(command != "tar czf logs.tgz logs" for _r, command in hints)


def test_secrets_are_never_stored(tmp_path):
    path = tmp_path / "m.sqlite3"
    memory = Memory(str(path))
    assert not memory.remember("call api with sk-or-v1-abc", "curl x", shell="bash", cwd="/")
    assert not memory.remember("x", "export OPENROUTER_API_KEY=sk-or-v1-abc", shell="bash", cwd="/")
    assert memory.entries() == []
    assert not path.exists() or b"sk-or-v1-abc" not in path.read_bytes()


def test_file_is_private(tmp_path):
    path = tmp_path / "state" / "m.sqlite3"
    Memory(str(path)).remember("a", "ls", shell="bash", cwd="/")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_corrupt_memory_is_rebuilt_with_one_warning(tmp_path):
    path = tmp_path / "m.sqlite3"
    path.write_bytes(b"garbage" * 500)
    warnings: list[str] = []
    memory = Memory(str(path), warn=warnings.append)
    assert memory.remember("a", "ls", shell="bash", cwd="/")
    assert memory.exact("a", shell="bash") == "ls"
    assert len(warnings) == 1 and (tmp_path / "m.sqlite3.corrupt").exists()


def test_cwd_kind_keeps_no_paths(tmp_path):
    memory = Memory(str(tmp_path / "m.sqlite3"))
    repo = tmp_path / "project"
    (repo / ".git").mkdir(parents=True)
    memory.remember("status", "git status", shell="bash", cwd=str(repo))
    entry = memory.entries()[0]
    assert entry["cwd_kind"] == "git repo"
    assert str(tmp_path) not in json.dumps(entry)


def test_executed_commands_are_remembered_and_answer_again(nlshell, fake_server, server_env):
    fake_server.reply("touch made.txt")
    assert nlshell("-y", "make a file", env=server_env).returncode == 0
    listed = json.loads(nlshell("history", "--json").stdout)
    assert [(e["request"], e["command"]) for e in listed] == [("make a file", "touch made.txt")]
    nlshell("cache", "clear")
    r = nlshell("--json", "Make a file.", env=server_env)
    assert json.loads(r.stdout)["source"] == "memory"
    assert len(fake_server.chat_requests) == 1  # answered from memory, no second request
    assert nlshell("history", "clear").returncode == 0
    assert json.loads(nlshell("history", "--json").stdout) == []


def test_printed_commands_are_not_remembered(nlshell, fake_server, server_env):
    nlshell("-p", "list all files", env=server_env)
    assert json.loads(nlshell("history", "--json").stdout) == []


def test_memory_can_be_turned_off(nlshell, fake_server, server_env, tmp_path):
    config = tmp_path / "c.toml"
    config.write_text("[memory]\nenabled = false\n")
    env = {**server_env, "NLSHELL_CONFIG": str(config)}
    fake_server.reply("touch made.txt")
    assert nlshell("-y", "make a file", env=env).returncode == 0
    assert not Path(paths.memory_db()).exists()


def test_few_shot_examples_from_memory_are_opt_in(nlshell, fake_server, server_env, tmp_path):
    fake_server.reply("ls -1 *.py")
    nlshell("-y", "list the python files", env=server_env)
    nlshell("-p", "--no-cache", "list the python scripts", env=server_env)
    plain = fake_server.chat_requests[-1].json["messages"]
    assert not any("ls -1 *.py" in m["content"] for m in plain[:-1])
    config = tmp_path / "c.toml"
    config.write_text("[prompt]\nfew_shot_from_memory = true\n")
    nlshell("-p", "--no-cache", "list the python scripts", env={**server_env, "NLSHELL_CONFIG": str(config)})
    shot = fake_server.chat_requests[-1].json["messages"]
    assert any(m["role"] == "assistant" and m["content"] == "ls -1 *.py" for m in shot)


@pytest.mark.parametrize(
    "text",
    [
        "use sk-abcdefghijklmnop to call it",
        "clone with ghp_0123456789abcdefABCDEF",
        "AKIAABCDEFGHIJKLMNOP is my key",
        "curl https://user:hunter22@example.com/x",
        "export password=hunter2hunter2",
        "Authorization: Bearer abcdefghijklmnopqrstuvwxyz",
        "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc",
        "glpat-abcdefghijklmnopqrst",
    ],
)
def test_many_secret_shapes_are_refused(tmp_path, text):
    memory = Memory(str(tmp_path / "m.sqlite3"))
    assert not memory.remember(text, "echo x", shell="bash", cwd="/")


@pytest.mark.parametrize("text", ["list all files", "find the password file", "show the token count", "sk- prefix"])
def test_ordinary_requests_are_kept(tmp_path, text):
    assert Memory(str(tmp_path / "m.sqlite3")).remember(text, "ls", shell="bash", cwd="/")


def test_clear_leaves_nothing_readable_in_the_file(tmp_path):
    path = tmp_path / "m.sqlite3"
    memory = Memory(str(path))
    memory.remember("a very distinctive request", "echo distinctive-marker-42", shell="bash", cwd="/")
    assert memory.clear() == 1
    memory.close()
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert b"distinctive-marker-42" not in data


def test_accepted_commands_most_recent_first(tmp_path):
    times = iter([1.0, 2.0, 3.0])
    memory = Memory(str(tmp_path / "m.sqlite3"), clock=lambda: next(times))
    memory.remember("a", "ls", shell="bash", cwd="/")
    memory.remember("b", "pwd", shell="bash", cwd="/")
    memory.remember("c", "ls", shell="bash", cwd="/")
    assert memory.accepted_commands() == ["ls", "pwd"]


def test_tmp_prefix_lookalike_is_not_tmp(tmp_path):
    from nlshell.memory import cwd_kind

    assert cwd_kind("/tmpfoo") == "other"
    assert cwd_kind("/var/tmp") == "tmp"


def test_no_cache_asks_afresh_instead_of_repeating_the_remembered_command(fake_server, server_env, nlshell):
    fake_server.default("true")
    assert nlshell("-y", "do nothing", env=server_env).returncode == 0
    fake_server.default("echo fresh")
    r = nlshell("--json", "--no-cache", "do nothing", env=server_env)
    assert json.loads(r.stdout)["command"] == "echo fresh", r
    assert json.loads(r.stdout)["source"] == "model"
    # Without the flag (and with the fresh answer gone from the cache) memory still answers.
    assert nlshell("cache", "clear", env=server_env).returncode == 0
    again = nlshell("--json", "do nothing", env=server_env)
    assert json.loads(again.stdout)["source"] == "memory"


@pytest.mark.parametrize("limit", ["0", "-1", "x"])
def test_history_limit_must_be_positive(limit, nlshell):
    line = one_error_line(nlshell("history", "-n", limit), 2)
    assert "-n/--limit" in line


def test_aborting_a_remembered_answer_stops_it_answering_again(fake_server, server_env, monkeypatch):
    from nlshell import config
    from nlshell.pipeline import Pipeline

    for k, v in server_env.items():
        monkeypatch.setenv(k, v)
    pipeline = Pipeline(config.load())
    pipeline.memory.remember("make a file", "touch made.txt", shell=pipeline.shell, cwd=".")
    s = pipeline.suggest("make a file")
    assert s.source == "memory"
    pipeline.forget(s)  # what an abort at the menu does
    fake_server.reply("touch other.txt")
    again = pipeline.suggest("make a file")
    pipeline.close()
    assert (again.source, again.command) == ("model", "touch other.txt")
