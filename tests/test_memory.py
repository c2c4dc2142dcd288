"""Personal memory: round trip, exact-match answers, hints, opt-out, secrets, damage control."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from conftest import one_error_line

from nlshell import paths
from nlshell.memory import Memory, Recalled, normalize_request

RAN_OK = {"status": 0, "valid": True}  # a valid command that ran and exited 0


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
    assert memory.remember("List all files", "ls -la", shell="bash", cwd=str(tmp_path), **RAN_OK)
    assert memory.exact("list all files.", shell="bash") == Recalled("ls -la", edited=False)
    assert memory.exact("list all files", shell="fish") is None
    assert memory.exact("list files", shell="bash") is None


def test_most_recent_wins(tmp_path):
    clock = iter([1.0, 2.0]).__next__
    memory = Memory(str(tmp_path / "m.sqlite3"), clock=clock)
    memory.remember("list files", "ls", shell="bash", cwd="/", **RAN_OK)
    memory.remember("list files", "ls -la", shell="bash", cwd="/", **RAN_OK)
    assert memory.exact("list files", shell="bash").command == "ls -la"


def test_similar_gives_hints_ranked_by_overlap(tmp_path):
    memory = Memory(str(tmp_path / "m.sqlite3"))
    memory.remember("show disk usage of home", "du -sh ~", shell="bash", cwd="/", **RAN_OK)
    memory.remember("list python files", "ls *.py", shell="bash", cwd="/", **RAN_OK)
    memory.remember("compress the logs", "tar czf logs.tgz logs", shell="bash", cwd="/", **RAN_OK)
    hints = memory.similar("list the python files here", shell="bash", limit=2)
    assert hints[0] == ("list python files", "ls *.py")
    assert all(command != "tar czf logs.tgz logs" for _r, command in hints)


def test_secrets_are_never_stored(tmp_path):
    path = tmp_path / "m.sqlite3"
    memory = Memory(str(path))
    assert not memory.remember("call api with sk-or-v1-abc", "curl x", shell="bash", cwd="/", **RAN_OK)
    assert not memory.remember("x", "export OPENROUTER_API_KEY=sk-or-v1-abc", shell="bash", cwd="/", **RAN_OK)
    assert memory.entries() == []
    assert not path.exists() or b"sk-or-v1-abc" not in path.read_bytes()


def test_file_is_private(tmp_path):
    path = tmp_path / "state" / "m.sqlite3"
    Memory(str(path)).remember("a", "ls", shell="bash", cwd="/", **RAN_OK)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_corrupt_memory_is_rebuilt_with_one_warning(tmp_path):
    path = tmp_path / "m.sqlite3"
    path.write_bytes(b"garbage" * 500)
    warnings: list[str] = []
    memory = Memory(str(path), warn=warnings.append)
    assert memory.remember("a", "ls", shell="bash", cwd="/", **RAN_OK)
    assert memory.exact("a", shell="bash").command == "ls"
    assert len(warnings) == 1 and (tmp_path / "m.sqlite3.corrupt").exists()


def test_cwd_kind_keeps_no_paths(tmp_path):
    memory = Memory(str(tmp_path / "m.sqlite3"))
    repo = tmp_path / "project"
    (repo / ".git").mkdir(parents=True)
    memory.remember("status", "git status", shell="bash", cwd=str(repo), **RAN_OK)
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
    Path("tool.py").write_text("")  # so the command succeeds: only successes are examples
    assert nlshell("-y", "list the python files", env=server_env).returncode == 0
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
    assert not memory.remember(text, "echo x", shell="bash", cwd="/", **RAN_OK)


@pytest.mark.parametrize("text", ["list all files", "find the password file", "show the token count", "sk- prefix"])
def test_ordinary_requests_are_kept(tmp_path, text):
    assert Memory(str(tmp_path / "m.sqlite3")).remember(text, "ls", shell="bash", cwd="/", **RAN_OK)


def test_clear_leaves_nothing_readable_in_the_file(tmp_path):
    path = tmp_path / "m.sqlite3"
    memory = Memory(str(path))
    memory.remember("a very distinctive request", "echo distinctive-marker-42", shell="bash", cwd="/", **RAN_OK)
    assert memory.clear() == 1
    memory.close()
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert b"distinctive-marker-42" not in data


def test_accepted_commands_most_recent_first(tmp_path):
    times = iter([1.0, 2.0, 3.0])
    memory = Memory(str(tmp_path / "m.sqlite3"), clock=lambda: next(times))
    memory.remember("a", "ls", shell="bash", cwd="/", **RAN_OK)
    memory.remember("b", "pwd", shell="bash", cwd="/", **RAN_OK)
    memory.remember("c", "ls", shell="bash", cwd="/", **RAN_OK)
    assert memory.accepted_commands() == ["ls", "pwd"]


def test_tmp_prefix_lookalike_is_not_tmp(tmp_path):
    from nlshell.memory import cwd_kind

    assert cwd_kind("/tmpfoo") == "other"
    assert cwd_kind("/var/tmp") == "tmp"


# -- what may answer again: the one rule, written once in session.py ---------------------------
@pytest.fixture
def pipeline(fake_server, server_env, monkeypatch):
    from nlshell import config
    from nlshell.pipeline import Pipeline

    for name, value in server_env.items():
        monkeypatch.setenv(name, value)
    made = Pipeline(config.load())
    yield made
    made.close()


def ran(pipeline, request: str, reply: str, **kwargs) -> int:
    """Ask with `reply` from the model, run what came back (as the menu's execute would)."""
    from nlshell.session import Session

    pipeline.server.reply(reply)
    s = pipeline.suggest(request)
    return Session(pipeline).run(s, s.command)


@pytest.fixture
def asked(pipeline, fake_server):
    pipeline.server = fake_server
    return pipeline


def answer(pipeline, request: str):
    pipeline.cache.clear()  # so memory, not the 5-minute cache, answers if anything does
    return pipeline.suggest(request)


def test_a_valid_command_that_exited_0_answers_again(asked):
    assert ran(asked, "make a file", "touch made.txt") == 0
    again = answer(asked, "Make a file.")
    assert (again.source, again.command, again.edited) == ("memory", "touch made.txt", False)
    assert "from your history (nlshell history)" in again.notes


@pytest.mark.parametrize("reply, status", [("exit 1", 1), ("false", 1), ('echo "unterminated', 2)])
def test_a_failed_or_invalid_run_is_history_never_an_answer(asked, reply, status):
    from nlshell.session import Session

    asked.server.reply(reply)
    s = asked.suggest("do the thing")
    assert Session(asked).run(s, s.command) == status
    asked.server.reply("echo fresh")
    again = answer(asked, "do the thing")
    assert (again.source, again.command) == ("model", "echo fresh")
    assert [(e["command"], e["status"]) for e in asked.memory.entries()] == [(reply, status)]


def test_an_invalid_command_is_no_answer_even_if_it_exited_0(asked):
    from nlshell.session import Session

    s = asked.assess("say hi", 'echo "hi', source="model")
    assert s.valid is False
    Session(asked).remember(s, 'echo "hi', 0)
    assert asked.memory.exact("say hi", shell=asked.shell) is None


def test_an_edited_command_answers_only_after_it_ran_and_succeeded_and_says_it_was_edited(asked):
    from nlshell.session import Session

    session = Session(asked)
    asked.server.reply("git clean -fdx")
    s = asked.suggest("show git status")
    edit = asked.assess(s.request, "true", source="user")  # what Modify hands back
    assert edit.edited
    failed = asked.assess(s.request, "false", source="user")
    assert session.run(failed, "false") == 1
    asked.server.reply("git status")
    assert answer(asked, "show git status").source == "model"  # a failed edit answers nothing
    assert session.run(edit, "true") == 0
    again = answer(asked, "show git status")
    assert (again.source, again.command, again.edited) == ("memory", "true", True)
    assert "from your history: your own edit of an earlier suggestion (nlshell history)" in again.notes
    assert [e["edited"] for e in asked.memory.entries()] == [True, True]


def test_a_run_of_another_command_than_the_one_checked_is_no_answer(asked):
    from nlshell.session import Session

    asked.server.reply("true")
    s = asked.suggest("do nothing")
    assert Session(asked).run(s, ":") == 0  # not what was rated
    asked.server.reply("echo fresh")
    assert answer(asked, "do nothing").source == "model"


def test_a_follow_up_or_revision_never_answers_by_itself(asked):
    from nlshell.session import Session

    session = Session(asked)
    asked.server.reply("ls")
    first = asked.suggest("list files")
    asked.server.reply("ls -la")
    follow = asked.suggest("now with hidden ones", history=[{"role": "user", "content": "list files"},
                                                           {"role": "assistant", "content": "ls"}])
    assert follow.follow_up
    assert session.run(follow, "ls -la") == 0
    asked.server.reply("ls -a")
    revised = session.revise(first, "include hidden files")
    assert revised.follow_up
    assert session.run(revised, "ls -a") == 0
    asked.server.reply("echo fresh")
    assert answer(asked, "now with hidden ones").source == "model"
    assert answer(asked, "include hidden files").source == "model"
    assert {e["command"] for e in asked.memory.entries()} == {"ls -la", "ls -a"}  # what ran is kept


def test_declining_a_remembered_answer_stops_it_answering_but_keeps_the_history(asked):
    from nlshell.session import Session

    session = Session(asked)
    assert ran(asked, "make a file", "touch made.txt") == 0
    remembered = answer(asked, "make a file")
    assert session.run(remembered, remembered.command) == 0  # run again from memory
    remembered = answer(asked, "make a file")
    assert remembered.source == "memory"
    session.decline(remembered)  # what an abort at the menu does
    asked.server.reply("touch other.txt")
    again = answer(asked, "make a file")
    assert (again.source, again.command) == ("model", "touch other.txt")
    assert [e["command"] for e in asked.memory.entries()] == ["touch made.txt", "touch made.txt"]
    # A new success answers again.
    assert Session(asked).run(again, again.command) == 0
    assert answer(asked, "make a file").command == "touch other.txt"


def test_a_version_1_memory_keeps_its_rows_as_history_but_they_never_answer(tmp_path):
    import sqlite3

    path = tmp_path / "m.sqlite3"
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE runs (id INTEGER PRIMARY KEY, time REAL NOT NULL, request TEXT NOT NULL, normalized TEXT"
        " NOT NULL, command TEXT NOT NULL, shell TEXT NOT NULL, cwd_kind TEXT NOT NULL)"
    )
    db.execute("INSERT INTO runs VALUES (1, 1.0, 'show status', 'show status', 'git clean -fdx', 'bash', 'tmp')")
    db.execute("PRAGMA user_version=1")
    db.commit()
    db.close()
    memory = Memory(str(path))
    assert [(e["command"], e["status"]) for e in memory.entries()] == [("git clean -fdx", None)]
    assert memory.exact("show status", shell="bash") is None
    assert memory.accepted_commands() == [] and memory.similar("show status", shell="bash") == []
    assert memory.remember("show status", "git status", shell="bash", cwd="/", **RAN_OK)
    assert memory.exact("show status", shell="bash").command == "git status"


def test_history_lists_every_run_with_its_status(nlshell, fake_server, server_env):
    fake_server.reply("false")
    assert nlshell("-y", "fail on purpose", env=server_env).returncode == 1
    fake_server.reply("true")
    assert nlshell("-y", "do nothing", env=server_env).returncode == 0
    listed = json.loads(nlshell("history", "--json").stdout)
    assert [(e["command"], e["status"], e["edited"]) for e in listed] == [("true", 0, False), ("false", 1, False)]
    shown = nlshell("history").stdout.splitlines()
    assert shown[0].endswith("true    # do nothing")
    assert shown[1].endswith("false    # fail on purpose    (exit 1)")


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
    from nlshell.session import Session

    pipeline = Pipeline(config.load())
    pipeline.memory.remember("make a file", "touch made.txt", shell=pipeline.shell, cwd=".", status=0, valid=True)
    s = pipeline.suggest("make a file")
    assert s.source == "memory"
    Session(pipeline).decline(s)  # what an abort at the menu does
    fake_server.reply("touch other.txt")
    again = pipeline.suggest("make a file")
    history = pipeline.memory.entries()
    pipeline.close()
    assert (again.source, again.command) == ("model", "touch other.txt")
    assert [e["command"] for e in history] == ["touch made.txt"]  # the record of what ran stays


# -- the menu step, one for the one-shot and the REPL (nlshell.menu.choose, then Session.settle) ----
class _Shown:
    def __init__(self, command: str, request: str = "list files") -> None:
        self.command, self.request, self.previewed = command, request, False


class _Pipeline:
    needs_offline = False

    def preview(self, s):
        s.previewed = True
        return s

    def assess(self, request, command, source):
        return _Shown(command, request)

    def explain(self, command):
        return iter(())


class _Session:
    def __init__(self) -> None:
        self.declined, self.revised = [], []

    def decline(self, *suggestions):
        self.declined.extend(suggestions)

    def revise(self, current, instruction):
        self.revised.append((current.command, instruction))
        return _Shown("ls -a", current.request)


@pytest.mark.parametrize("offline, no_model", [(False, None), (True, "offline (--offline)")])
def test_the_menu_shows_previews_edits_and_revisions_and_an_abort_declines(monkeypatch, offline, no_model):
    from nlshell import menu
    from nlshell.errors import Aborted

    seen = {}

    def fake_confirm(suggestion, **kwargs):
        seen.update(kwargs, suggestion=suggestion)
        raise Aborted()

    monkeypatch.setattr(menu, "confirm", fake_confirm)
    s, session = _Shown("ls"), _Session()
    with pytest.raises(Aborted):
        menu.choose(_Pipeline(), session, s, color=False, editing_mode="vi", offline=offline)
    assert session.declined == [s]  # an abort evicts what was shown
    assert seen["suggestion"] is s and s.previewed
    assert (seen["editing_mode"], seen["no_model"]) == ("vi", no_model)
    edited = seen["assess"]("ls -l")
    assert (edited.command, edited.request, edited.previewed) == ("ls -l", "list files", True)
    revised = seen["revise"]("hidden ones too", s)
    assert (revised.command, revised.previewed, session.revised) == ("ls -a", True, [("ls", "hidden ones too")])
