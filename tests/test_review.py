"""Findings of a hands-on review, each pinned by a test that failed before its fix.

Everything runs against the fake server or offline, in the temp HOME and cwd the fixtures give.
"""

from __future__ import annotations

import json

import pytest

from test_signals import MENU_END, terminal  # noqa: F401  (the fixture)


def one_error_line(r, code: int) -> str:
    assert r.returncode == code, r
    assert r.stdout == ""
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("nlshell: ")
    return lines[0]


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


@pytest.mark.parametrize("words", [[""], ["   "], ["\t", " "]])
def test_a_blank_request_is_a_usage_error_not_the_repl(words, nlshell, server_env, fake_server):
    line = one_error_line(nlshell(*words, env=server_env), 2)
    assert "no request given" in line
    assert fake_server.chat_requests == []


@pytest.mark.parametrize("words", [[""], ["  "]])
def test_explain_of_nothing_is_a_usage_error(words, nlshell, server_env, fake_server):
    line = one_error_line(nlshell("explain", *words, env=server_env), 2)
    assert "nothing to explain" in line
    assert fake_server.chat_requests == []


@pytest.mark.parametrize(
    "args, shown",
    [
        (["cache"], "{clear,stats}"),
        (["config"], "{show,path,trust,untrust}"),
        (["auth"], "{login,logout,status}"),
        (["init"], "{bash,zsh,fish}"),
        (["completions", "tcsh"], "{bash,zsh,fish}"),
        (["config", "edit"], "{show,path,trust,untrust}"),
    ],
)
def test_subcommand_argument_errors_name_the_choices_not_internal_names(args, shown, nlshell):
    line = one_error_line(nlshell(*args), 2)
    assert shown in line, line
    assert "action" not in line and "argument shell" not in line and "arguments are required: shell" not in line


@pytest.mark.parametrize("limit", ["0", "-1", "x"])
def test_history_limit_must_be_positive(limit, nlshell):
    line = one_error_line(nlshell("history", "-n", limit), 2)
    assert "-n/--limit" in line


@pytest.mark.parametrize(
    "text, expected",
    [
        ('model = "my/model"\n', "put it under [provider]"),
        ('# mine\ntimeout = 5\n[provider]\n', "put it under [provider]"),
        ("nonsense = 1\n", "known sections"),
    ],
)
def test_a_setting_outside_any_section_says_where_it_belongs(text, expected, tmp_path, nlshell, server_env):
    config = tmp_path / "config.toml"
    config.write_text(text)
    line = one_error_line(nlshell("-p", "list files", env={**server_env, "NLSHELL_CONFIG": str(config)}), 2)
    assert "outside any section" in line and expected in line, line
    assert "unknown section" not in line


def test_auth_status_without_a_key_words_it_like_every_other_front(nlshell):
    r = nlshell("auth", "status", env={"OPENROUTER_API_KEY": None, "OPENROUTER_BASE_URL": None})
    line = one_error_line(r, 2)
    explain = nlshell("explain", "ls", env={"OPENROUTER_API_KEY": None, "OPENROUTER_BASE_URL": None})
    assert line == one_error_line(explain, 2)


def test_auth_status_without_a_key_for_another_server_says_that_is_fine(nlshell, fake_server):
    r = nlshell("auth", "status", env={"OPENROUTER_API_KEY": None, "OPENROUTER_BASE_URL": fake_server.base_url})
    assert r.returncode == 0 and r.stdout == ""
    assert "no API key set" in r.stderr and "answered without one, so none is needed" in r.stderr
    assert "run `nlshell auth login`" not in r.stderr  # nothing to fix
    assert "Authorization" not in fake_server.requests[-1].headers


def test_init_help_lines_up_the_setup_column(nlshell):
    r = nlshell("init", "--help")
    setup = [line for line in r.stdout.splitlines() if line.lstrip().startswith(("bash:", "zsh:", "fish:"))]
    assert len(setup) == 3
    assert len({line.index(" in ~/") for line in setup}) == 1, setup


@pytest.mark.parametrize("sub", ["check", "explain"])
def test_command_argument_has_help(sub, nlshell):
    r = nlshell(sub, "--help")
    line = next(line for line in r.stdout.splitlines() if line.strip().startswith("COMMAND ") and "[" not in line)
    assert "quote it" in line


def test_human_output_has_no_python_reprs(nlshell, server_env):
    stats = nlshell("cache", "stats", env=server_env).stdout
    shown = nlshell("config", "show", env=server_env).stdout
    for text in (stats, shown):
        assert "True" not in text and "False" not in text, text
    assert "usable: yes" in stats
    assert "cache_enabled         true" in shown
    for line in shown.splitlines():
        name, _, rest = line.partition("  ")
        assert not rest.strip().startswith("(default)"), line  # no blank value before its source


# -- second review round --------------------------------------------------------------------
def test_models_on_openrouter_without_a_key_uses_no_authorization(fake_server, monkeypatch):
    from nlshell import config, models
    from nlshell.pipeline import Pipeline

    monkeypatch.setattr(config, "OPENROUTER_BASE_URL", fake_server.base_url)
    monkeypatch.setenv("OPENROUTER_BASE_URL", fake_server.base_url)
    pipeline = Pipeline(config.load())
    assert pipeline.settings.is_openrouter and pipeline.needs_offline
    rows = models.list_models(pipeline)
    pipeline.close()
    assert rows and "Authorization" not in fake_server.requests[-1].headers


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


def test_a_request_that_is_a_file_is_refused(nlshell, fake_server, server_env):
    r = nlshell("-p", env=server_env, input="x" * 10_000)
    assert r.returncode == 2 and r.stdout == ""
    assert "limit" in r.stderr
    assert fake_server.chat_requests == []


@pytest.mark.parametrize("command, shown", [("echo hi\x1b[2K", "\\x1b"), ("ls \u202e", "U+202E")])
def test_check_refuses_hidden_characters(nlshell, command, shown):
    r = nlshell("check", "--json", command)
    assert r.returncode == 3
    data = json.loads(r.stdout)
    assert data["valid"] is False and shown in data["problems"][0]


def test_login_with_an_unusual_key_says_so(nlshell):
    r = nlshell("auth", "login", input="not-a-key\n")
    assert r.returncode == 0
    assert "sk-or-" in r.stderr and "not-a-key" not in r.stderr


def test_a_directory_at_the_config_path_is_an_error(nlshell, isolated_home):
    (isolated_home / ".config" / "nlshell" / "config.toml").mkdir(parents=True)
    r = nlshell("-p", "list files")
    assert r.returncode == 2
    assert "not a file" in r.stderr
