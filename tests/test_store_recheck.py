"""What comes back from a store is checked as it is read, never trusted blindly.

A cached or remembered command is checked for hidden characters every time it is read, and rated
again by today's rules: a cached rating follows a fix to the rater at once (each entry records a
fingerprint of the code that rated it), not when the entry expires five minutes later. The entries
are altered the way a damaged or tampered file would be: directly in SQLite.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import sys

import pytest


def cache_db() -> str:
    from nlshell import paths

    return paths.cache_db()


def memory_db() -> str:
    from nlshell import paths

    return paths.memory_db()


def alter(path: str, sql: str, args: tuple = ()) -> int:
    db = sqlite3.connect(path)
    try:
        changed = db.execute(sql, args).rowcount
        db.commit()
    finally:
        db.close()
    assert changed >= 1
    return changed


def test_a_cached_answer_with_hidden_characters_is_dropped_and_asked_afresh(nlshell, fake_server, server_env):
    fake_server.reply("ls -la")
    assert nlshell("-p", "list files", env=server_env).stdout == "ls -la\n"
    alter(cache_db(), "UPDATE entries SET command = ?", ("ls\u202e -la # \x1b[2K",))
    fake_server.reply("ls -l")
    r = nlshell("-p", "list files", env=server_env)
    assert (r.returncode, r.stdout) == (0, "ls -l\n"), r
    assert "U+202E" in r.stderr and "\\x1b" in r.stderr and "\u202e" not in r.stderr and "\x1b" not in r.stderr, r
    assert len(fake_server.chat_requests) == 2  # asked afresh
    again = nlshell("--json", "list files", env=server_env)
    assert json.loads(again.stdout)["cached"] is True and again.stderr == "", again  # the fresh answer replaced it


@pytest.fixture
def rater_module():
    """The file of the validating and rating code, and a way to make it look edited (a fix landing)."""
    origin = importlib.util.find_spec("nlshell.validate").origin
    before = os.stat(origin)

    def edit() -> None:
        os.utime(origin, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))

    yield edit
    os.utime(origin, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_a_cached_rating_follows_a_fix_to_the_rater_at_once(nlshell, fake_server, server_env, rater_module):
    fake_server.reply("rm -rf ~")
    first = json.loads(nlshell("--json", "clean my home", env=server_env).stdout)
    assert (first["risk"], first["cached"]) == ("dangerous", False)
    # The rater of yesterday said "safe" (a misrating), and stored that with its fingerprint.
    alter(cache_db(), "UPDATE entries SET risk = 'safe', reasons = ''")
    stale = json.loads(nlshell("--json", "clean my home", env=server_env).stdout)
    assert (stale["risk"], stale["cached"]) == ("safe", True)  # same code, same verdict: not re-rated
    rater_module()  # the fix lands
    fixed = nlshell("--json", "clean my home", env=server_env)
    assert json.loads(fixed.stdout)["risk"] == "dangerous" and json.loads(fixed.stdout)["cached"] is True, fixed
    refused = nlshell("-y", "clean my home", env=server_env)
    assert refused.returncode == 3 and "dangerous" in refused.stderr, refused
    assert len(fake_server.chat_requests) == 1  # all from the cache, rated again when read


def test_an_entry_from_another_rater_is_rated_again_and_stored_with_todays_fingerprint(nlshell, fake_server,
                                                                                     server_env):
    fake_server.reply("rm -rf ~")
    nlshell("-p", "clean my home", env=server_env)
    alter(cache_db(), "UPDATE entries SET risk = 'safe', reasons = '', rater = 'an-older-rater'")
    r = json.loads(nlshell("--json", "clean my home", env=server_env).stdout)
    assert (r["risk"], r["cached"]) == ("dangerous", True)
    db = sqlite3.connect(cache_db())
    (risk, rater), = db.execute("SELECT risk, rater FROM entries").fetchall()
    db.close()
    assert risk == "dangerous" and rater != "an-older-rater"


def remembered(nlshell, fake_server, server_env, request: str, command: str) -> None:
    fake_server.reply(command)
    r = nlshell("-y", request, env=server_env)
    assert r.returncode == 0, r
    assert nlshell("cache", "clear").returncode == 0


def test_a_remembered_command_with_hidden_characters_is_never_offered(nlshell, fake_server, server_env):
    remembered(nlshell, fake_server, server_env, "say hello", "echo hello")
    alter(memory_db(), "UPDATE runs SET command = ?", ("echo hello\u2066; rm -rf ~\u2069",))
    fake_server.reply("echo hi")
    r = nlshell("-p", "say hello", env=server_env)
    assert (r.returncode, r.stdout) == (0, "echo hi\n"), r
    assert "ignored a remembered command" in r.stderr and "U+2066" in r.stderr and "\u2066" not in r.stderr, r
    assert len(fake_server.chat_requests) == 2


def test_a_remembered_command_is_rated_when_read(nlshell, fake_server, server_env):
    remembered(nlshell, fake_server, server_env, "tidy up", "echo tidy")
    alter(memory_db(), "UPDATE runs SET command = 'rm -rf ~'")
    r = nlshell("--json", "tidy up", env=server_env)
    answer = json.loads(r.stdout)
    assert (answer["source"], answer["command"], answer["risk"]) == ("memory", "rm -rf ~", "dangerous"), r
    assert nlshell("-y", "tidy up", env=server_env).returncode == 3


def test_an_offline_answer_with_hidden_characters_is_refused(monkeypatch):
    from nlshell import config
    from nlshell.errors import HostileTextError
    from nlshell.pipeline import Pipeline

    class Hit:
        command = "ls\u200b -la"
        description = "list"
        source = "tldr"

    pipeline = Pipeline(config.load())
    monkeypatch.setattr(pipeline, "_offline_answers", lambda request: [type("Answer", (), {"hit": Hit()})])
    with pytest.raises(HostileTextError) as info:
        pipeline.offline("list files")
    assert info.value.found == ["U+200B"]


def test_the_fingerprint_names_every_module_and_nothing_else(tmp_path):
    from nlshell.fingerprint import _modules

    (tmp_path / "rules").mkdir()
    (tmp_path / "__pycache__").mkdir()
    for name in ("a.py", "rules/git.py", "__pycache__/a.cpython-311.py", "data.tsv"):
        (tmp_path / name).write_text("x = 1\n")
    found: list[str] = []
    _modules(str(tmp_path), "", found)
    assert sorted(entry.split(":")[0] for entry in found) == ["a.py", "rules/git.py"]
    before = sorted(found)
    os.utime(tmp_path / "rules" / "git.py", ns=(0, 1))
    after: list[str] = []
    _modules(str(tmp_path), "", after)
    assert sorted(after) != before


def test_the_fingerprint_sees_a_module_replaced_in_place_and_the_parser_packages(tmp_path, monkeypatch):
    from nlshell.fingerprint import _modules, _parsing_packages

    (tmp_path / "a.py").write_text("x = 1\n")
    os.utime(tmp_path / "a.py", ns=(0, 1))
    before: list[str] = []
    _modules(str(tmp_path), "", before)
    (tmp_path / "b.py").write_text("x = 2\n")  # same size and time, another file
    os.utime(tmp_path / "b.py", ns=(0, 1))
    os.replace(tmp_path / "b.py", tmp_path / "a.py")
    after: list[str] = []
    _modules(str(tmp_path), "", after)
    assert after != before

    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert _parsing_packages() == "tree_sitter_bash:none tree_sitter:none"
    seen = {_parsing_packages()}
    for package in ("tree_sitter_bash", "tree_sitter"):  # the grammar, then the runtime that runs it
        (tmp_path / package).mkdir()
        installed = _parsing_packages()
        (tmp_path / package / "binding.so").write_text("")  # a reinstall changes the directory
        assert installed not in seen and _parsing_packages() not in seen | {installed}
        seen |= {installed, _parsing_packages()}


def test_the_fingerprint_is_stable_within_a_process():
    from nlshell.fingerprint import rater_fingerprint

    assert rater_fingerprint() == rater_fingerprint()
    assert len(rater_fingerprint()) == 16 and int(rater_fingerprint(), 16) >= 0
