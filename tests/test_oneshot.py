"""One-shot CLI end to end, as a real process talking HTTP to the fake server.

Covers the foundation's "done when": the print path, the request's shape, retries, the error
matrix at the edge (exit code, empty stdout, one line, no traceback, no key), the cache across
processes, --yes, --json, --widget, and the offline fallback with no key.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FAKE_KEY, one_error_line


def assert_clean_failure(r, code: int) -> None:
    assert r.returncode == code, r
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("nlshell: ")
    assert "Traceback" not in r.stderr
    assert FAKE_KEY not in r.stderr


def test_print_strips_fences_and_sends_one_well_formed_request(nlshell, fake_server, server_env):
    fake_server.reply("```bash\nls -la\n```")
    r = nlshell("-p", "list all files", env=server_env)
    assert r.returncode == 0, r
    assert r.stdout == "ls -la\n"
    assert len(fake_server.chat_requests) == 1
    req = fake_server.chat_requests[0]
    assert req.path == "/api/v1/chat/completions"
    assert req.headers["Authorization"] == f"Bearer {FAKE_KEY}"
    assert "HTTP-Referer" not in req.headers and "X-OpenRouter-Title" not in req.headers  # OpenRouter's only
    body = req.json
    assert body["model"] == "qwen/qwen3-coder:free"
    assert "models" not in body  # fallbacks only for OpenRouter's own URL
    roles = [m["role"] for m in body["messages"]]
    assert roles[0] == "system" and roles[-1] == "user"
    assert "list all files" in body["messages"][-1]["content"]


def test_unquoted_words_are_joined_and_double_dash_forces_a_request(nlshell, fake_server, server_env):
    fake_server.reply("git init")
    r = nlshell("-p", "--", "init", "a", "git", "repo", env=server_env)
    assert r.returncode == 0, r
    assert r.stdout == "git init\n"
    assert "init a git repo" in fake_server.chat_requests[0].json["messages"][-1]["content"]


def test_model_flag_and_env(nlshell, fake_server, server_env):
    nlshell("-p", "-m", "flag/model", "x", env=server_env)
    nlshell("-p", "y", env={**server_env, "OPENROUTER_MODEL": "env/model"})
    assert [r.json["model"] for r in fake_server.chat_requests] == ["flag/model", "env/model"]


def test_default_model_sends_fallbacks_only_to_openrouter(fake_server):
    from nlshell import config
    from nlshell.pipeline import Pipeline

    settings = config.load()
    options = Pipeline(settings)._chat_options()
    assert options["fallback_models"] == config.DEFAULT_FALLBACK_MODELS
    chosen = config.load({"model": "my/model"})
    assert "fallback_models" not in Pipeline(chosen)._chat_options()


def test_rate_limited_twice_then_success(nlshell, fake_server, server_env):
    fake_server.respond(429)
    fake_server.respond(429)
    fake_server.reply("ls -la")
    r = nlshell("-p", "list all files", env=server_env)
    assert r.returncode == 0, r
    assert r.stdout == "ls -la\n"
    assert len(fake_server.chat_requests) == 3


def test_rate_limited_three_times_gives_the_advice(nlshell, fake_server, server_env):
    for _ in range(3):
        fake_server.respond(429)
    r = nlshell("-p", "list all files", env=server_env)
    assert_clean_failure(r, 1)
    text = r.stderr.lower()
    assert "rate" in text and "wait" in text and "model" in text
    assert "key" not in text and "openrouter" not in text  # a key is set, and this server is not OpenRouter
    assert len(fake_server.chat_requests) == 3


HTML = "<html><body><h1>502 Bad Gateway</h1></body></html>"

FAILURES = [
    ("401", [dict(status=401)], 1),
    ("402", [dict(status=402)], 1),
    ("403 moderation", [dict(status=403, body={"error": {"code": 403, "message": "flagged", "metadata": {"reasons": ["violence"]}}})], 1),
    ("404 model", [dict(status=404, body={"error": {"code": 404, "message": "No endpoints found for x/y"}})], 1),
    ("500x3", [dict(status=500)] * 3, 1),
    ("502 html x3", [dict(status=502, body=HTML, content_type="text/html")] * 3, 1),
    ("200 with error body", [dict(status=200, body={"error": {"code": 400, "message": "bad things"}})], 1),
    ("invalid json", [dict(status=200, body="{not json", content_type="application/json")], 1),
    ("no choices", [dict(status=200, body={"id": "x", "choices": []})], 1),
    ("empty content", [dict(status=200, body={"choices": [{"message": {"role": "assistant", "content": "  "}, "finish_reason": "stop"}]})], 1),
    ("dropped x3", [dict(status=200, body={"choices": [{"message": {"content": "ls"}}]}, drop_after=5)] * 3, 1),
]


@pytest.mark.parametrize("name, responses, code", FAILURES, ids=[f[0] for f in FAILURES])
def test_failures_are_one_clean_line(nlshell, fake_server, server_env, name, responses, code):
    for spec in responses:
        fake_server.respond(**spec)
    r = nlshell("-p", "list all files", env=server_env)
    assert_clean_failure(r, code)


def test_404_names_the_model_and_the_model_list(nlshell, fake_server, server_env):
    fake_server.respond(404, body={"error": {"code": 404, "message": "No endpoints found for x/y"}})
    r = nlshell("-p", "-m", "x/y", "list", env=server_env)
    assert 'model "x/y"' in r.stderr and "`nlshell models`" in r.stderr
    assert "--free" not in r.stderr  # free models are OpenRouter's


def test_connection_refused_is_exit_1_with_offline_suggestion(nlshell):
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    r = nlshell("-p", "count lines in a file", env={"OPENROUTER_API_KEY": FAKE_KEY, "OPENROUTER_BASE_URL": f"http://127.0.0.1:{port}/v1"})
    assert_clean_failure(r, 1)
    assert "offline" in r.stderr and "wc" in r.stderr


def test_debug_log_never_shows_the_key(nlshell, fake_server, server_env):
    fake_server.respond(401)
    r = nlshell("-p", "list", env={**server_env, "NLSHELL_LOG": "debug"})
    assert r.returncode == 1
    assert FAKE_KEY not in r.stdout + r.stderr
    assert "chat/completions" in r.stderr  # the request was logged


def test_json_output(nlshell, fake_server, server_env):
    fake_server.reply("ls -la", usage={"prompt_tokens": 10, "completion_tokens": 3, "total_tokens": 13})
    r = nlshell("--json", "list all files", env=server_env)
    assert r.returncode == 0, r
    data = json.loads(r.stdout)
    assert data["command"] == "ls -la"
    assert data["valid"] is True and data["risk"] == "safe"
    assert data["cached"] is False and data["source"] == "model"
    assert data["model"] == "fake/model"
    assert data["usage"]["total_tokens"] == 13
    assert isinstance(data["reasons"], list) and isinstance(data["problems"], list)
    assert data["rules"] == []  # a safe command: no rule fired


def test_json_names_the_rules_beside_the_reasons_also_from_the_cache(nlshell, fake_server, server_env):
    fake_server.reply("git push --force")
    for cached in (False, True):
        data = json.loads(nlshell("--json", "force push", env=server_env).stdout)
        assert data["cached"] is cached
        assert (data["risk"], data["rules"]) == ("dangerous", ["git.push-force"]), data
        assert "overwrites the remote branch" in data["reasons"][0]


def test_check_json_names_the_rules_beside_the_reasons(nlshell):
    r = nlshell("check", "--json", "sudo rm -rf ~")
    data = json.loads(r.stdout)
    assert (r.returncode, data["risk"]) == (3, "dangerous")
    assert data["rules"] == ["files.delete-broad", "perms.as-root"]
    assert len(data["reasons"]) == 2 and "home directory" in data["reasons"][0]
    safe = json.loads(nlshell("check", "--json", "ls -la").stdout)
    assert (safe["risk"], safe["rules"], safe["reasons"]) == ("safe", [], [])


def test_repeat_within_ttl_makes_no_request_in_a_new_process(nlshell, fake_server, server_env):
    fake_server.reply("ls -la")
    first = nlshell("-p", "list all files", env=server_env)
    second = nlshell("--json", "List all files.", env=server_env)
    assert first.stdout == "ls -la\n"
    assert json.loads(second.stdout)["cached"] is True
    assert json.loads(second.stdout)["command"] == "ls -la"
    assert len(fake_server.chat_requests) == 1
    third = nlshell("-p", "--no-cache", "list all files", env=server_env)
    assert third.returncode == 0
    assert len(fake_server.chat_requests) == 2


def test_cache_key_includes_the_model(nlshell, fake_server, server_env):
    nlshell("-p", "list all files", env=server_env)
    nlshell("-p", "-m", "other/model", "list all files", env=server_env)
    assert len(fake_server.chat_requests) == 2


def test_cache_stats_and_clear(nlshell, fake_server, server_env):
    nlshell("-p", "list all files", env=server_env)
    stats = json.loads(nlshell("cache", "stats", "--json").stdout)
    assert stats["entries"] == 1
    assert nlshell("cache", "clear").returncode == 0
    assert json.loads(nlshell("cache", "stats", "--json").stdout)["entries"] == 0


def test_yes_refuses_a_dangerous_command(nlshell, fake_server, server_env, isolated_home):
    sentinel = isolated_home / "keep-me"
    sentinel.write_text("x")
    fake_server.reply("rm -rf ~")
    r = nlshell("-y", "clean up my home", env=server_env)
    assert r.returncode == 3, r
    assert sentinel.exists()
    assert "dangerous" in r.stderr


def test_yes_runs_a_safe_command_and_returns_its_status(nlshell, fake_server, server_env):
    fake_server.reply("touch made.txt")
    r = nlshell("-y", "make a file", env=server_env)
    assert r.returncode == 0, r
    assert Path("made.txt").exists()
    fake_server.reply("exit 7")
    assert nlshell("-y", "fail with seven", env=server_env).returncode == 7


def test_without_a_terminal_nothing_runs(nlshell, fake_server, server_env):
    fake_server.reply("touch made.txt")
    r = nlshell("make a file", env=server_env)
    assert r.returncode == 0, r
    assert r.stdout == "touch made.txt\n"
    assert not Path("made.txt").exists()


def test_print_shows_a_dangerous_command_with_risk_on_stderr(nlshell, fake_server, server_env):
    fake_server.reply("rm -rf ./*")
    r = nlshell("-p", "delete everything here", env=server_env)
    assert r.returncode == 0, r
    assert r.stdout == "rm -rf ./*\n"
    assert "dangerous" in r.stderr


def test_widget_disables_a_dangerous_command(nlshell, fake_server, server_env):
    fake_server.reply("rm -rf ./*")
    r = nlshell("--widget", "bash", "delete everything here", env=server_env)
    assert r.returncode == 0, r
    assert r.stdout == "# rm -rf ./*\n"
    assert "dangerous" in r.stderr


def test_widget_passes_a_safe_command_through(nlshell, fake_server, server_env):
    fake_server.reply("ls -la")
    r = nlshell("--widget", "zsh", "--", "history of files", env=server_env)
    assert (r.returncode, r.stdout) == (0, "ls -la\n")


def test_a_reply_without_a_command_is_refused_with_its_words(nlshell, fake_server, server_env):
    fake_server.reply("I'm sorry, but I can't help with that request.")
    r = nlshell("-p", "do something bad", env=server_env)
    assert_clean_failure(r, 3)
    assert "I'm sorry" in r.stderr


def test_hostile_reply_is_refused_and_escaped(nlshell, fake_server, server_env):
    fake_server.reply("echo safe\x1b[2K\rrm -rf ~")
    r = nlshell("-p", "say hi", env=server_env)
    assert_clean_failure(r, 3)
    assert "\x1b" not in r.stderr
    assert "\\x1b" in r.stderr


def test_invalid_command_is_refused(nlshell, fake_server, server_env):
    fake_server.reply("for x in; do")
    r = nlshell("-p", "loop", env=server_env)
    assert_clean_failure(r, 3)
    assert "not valid" in r.stderr


def test_no_key_answers_offline_with_a_notice(nlshell):
    r = nlshell("-p", "show free memory")
    assert r.returncode == 0, r
    assert r.stdout.startswith("free")
    assert "offline suggestion" in r.stderr and "nlshell auth login" in r.stderr


@pytest.mark.parametrize("mode", [["-p"], ["-y"]])
def test_a_template_is_neither_printed_nor_run(nlshell, mode):
    # The offline answer is tldr's `wc -l {{path/to/file}}`: not a command until it is filled in.
    r = nlshell(*mode, "count lines in a file")
    assert r.returncode == 3, r
    assert r.stdout == "" and "running" not in r.stderr
    assert "template" in r.stderr and "{{path/to/file}}" in r.stderr
    assert not Path("{{path").exists() and list(Path.cwd().iterdir()) == []


def test_a_template_is_invalid_in_json_with_the_placeholder_named(nlshell, fake_server, server_env):
    fake_server.reply("tar -czf ARCHIVE.tgz <directory>")
    r = nlshell("--json", "compress a folder", env=server_env)
    assert r.returncode == 3
    data = json.loads(r.stdout)
    assert data["valid"] is False
    assert data["problems"][0] == "not runnable until you fill in the placeholders ARCHIVE, <directory>"


def test_offline_flag_never_touches_the_server(nlshell, fake_server, server_env):
    r = nlshell("--json", "--offline", "show free memory", env=server_env)
    assert r.returncode == 0, r
    assert json.loads(r.stdout)["source"] == "offline"
    assert fake_server.requests == []


def test_offline_dangerous_answer_is_still_refused_under_yes(nlshell):
    shown = json.loads(nlshell("--json", "--offline", "reboot the system").stdout)
    assert shown["source"] == "offline" and shown["risk"] == "dangerous", shown
    r = nlshell("-y", "--offline", "reboot the system")
    assert r.returncode == 3, r
    assert "dangerous" in r.stderr


def test_non_openrouter_server_needs_no_key(nlshell, fake_server):
    r = nlshell("-p", "list all files", env={"OPENROUTER_BASE_URL": f"{fake_server.root_url}/v1"})
    assert r.returncode == 0, r
    assert "Authorization" not in fake_server.chat_requests[0].headers
    assert fake_server.chat_requests[0].path == "/v1/chat/completions"


def test_request_from_stdin_when_piped(nlshell, fake_server, server_env):
    r = nlshell("-p", env=server_env, input="list all files\n")
    assert r.stdout == "ls -la\n"


@pytest.mark.parametrize(
    "args, fragment",
    [(["-p"], "no request"), (["--widget", "tcsh", "x"], "invalid choice"), (["--nope"], "unrecognized"), (["check"], "required")],
)
def test_usage_errors_are_exit_2(nlshell, args, fragment):
    r = nlshell(*args)
    assert_clean_failure(r, 2)
    assert fragment in r.stderr


def test_explain_streams_the_answer(nlshell, fake_server, server_env):
    fake_server.reply("`tar` extracts; `-x` extract, `-z` gunzip.")
    r = nlshell("explain", "tar -xzf a.tgz", env=server_env)
    assert r.returncode == 0, r
    assert "extract" in r.stdout
    assert fake_server.chat_requests[0].json.get("stream") is True


def test_version_and_help(nlshell):
    from nlshell import __version__

    assert nlshell("--version").stdout == f"nlshell {__version__}\n"
    r = nlshell("--help")
    assert r.returncode == 0 and "--print" in r.stdout and "explain" in r.stdout


QUICK_CASES = [
    ["-p", "list", "files"],
    ["list", "files", "-p"],
    ["--json", "-m", "a/b", "x"],
    ["--widget", "zsh", "--", "history", "of", "x"],
    ["-y", "--no-cache", "--offline", "x"],
    ["--quiet", "--no-color"],
    ["--print", "--yes", "--model", "m", "w"],
    ["x", "-", "y"],
]


@pytest.mark.parametrize("argv", QUICK_CASES)
def test_quick_argument_reader_agrees_with_argparse(argv):
    from nlshell.cli.flags import quick_args
    from nlshell.cli.parser import main_parser

    quick = quick_args(argv)
    full = main_parser().parse_intermixed_args(argv)
    assert quick is not None
    for name in ("print_only", "yes", "json", "model", "no_cache", "offline", "widget", "quiet", "no_color", "words"):
        assert getattr(quick, name) == getattr(full, name), name


@pytest.mark.parametrize("argv", [["-h"], ["--model=x", "y"], ["-py", "x"], ["--mod", "x"], ["--widget", "tcsh", "x"], ["-m"], ["-m", "-p"], ["--bogus"]])
def test_quick_argument_reader_leaves_unusual_forms_to_argparse(argv):
    from nlshell.cli.flags import quick_args

    assert quick_args(argv) is None


def test_cache_key_includes_the_server(nlshell, fake_server, server_env):
    nlshell("-p", "list all files", env=server_env)
    other = {**server_env, "OPENROUTER_BASE_URL": f"{fake_server.root_url}/v1"}
    assert json.loads(nlshell("--json", "list all files", env=other).stdout)["cached"] is False
    assert len(fake_server.chat_requests) == 2


@pytest.mark.parametrize(
    "argv, meant",
    [
        (["init", "a", "git", "repo"], "nlshell -- init a git repo"),
        (["history", "of", "my", "commands"], "nlshell -- history of my commands"),
        (["models", "with", "vision"], "nlshell -- models with vision"),
        (["-p", "config", "my", "git", "name"], "nlshell -p -- config my git name"),
    ],
)
def test_a_request_starting_with_a_subcommand_name_says_how_to_ask_it(nlshell, fake_server, server_env, argv, meant):
    r = nlshell(*argv, env=server_env)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.strip().endswith(f"did you mean the request: {meant}"), r.stderr
    assert fake_server.chat_requests == []


def test_a_mistyped_option_is_not_taken_for_a_request(nlshell):
    r = nlshell("init", "--kee", "x")
    assert r.returncode == 2 and "did you mean" not in r.stderr


def test_check_takes_a_commands_words_unquoted_and_says_when_they_look_like_a_request(nlshell):
    r = nlshell("check", "--json", "rm", "-rf", "~")
    assert r.returncode == 3
    assert json.loads(r.stdout)["command"] == "rm -rf ~"
    words = nlshell("check", "disk", "space")
    assert "did you mean the request: nlshell -- check disk space" in words.stderr
    command = nlshell("check", "ls", "-la")
    assert (command.returncode, command.stdout) == (0, "safe\n") and "did you mean" not in command.stderr


def test_explain_takes_a_commands_words_unquoted(nlshell, fake_server, server_env):
    fake_server.reply("Lists all files, long format.")
    r = nlshell("explain", "ls", "-la", env=server_env)
    assert r.returncode == 0, r
    assert "Lists all files" in r.stdout
    sent = fake_server.chat_requests[-1].json["messages"][-1]["content"]
    assert "ls -la" in sent
    assert "did you mean" not in r.stderr


def test_the_widget_cursor_counts_the_hashes_of_a_disabled_template(capsys):
    from types import SimpleNamespace

    from nlshell.placeholders import find, problem
    from nlshell.shells import CURSOR_MARK
    from nlshell.widget import deliver

    command = "cd /srv\nrm -rf DIR"
    s = SimpleNamespace(command=command, dangerous=True, problems=[problem(find(command))])
    assert deliver(s, "nlshell: dangerous: deletes a directory tree") == 0
    out, err = capsys.readouterr()
    assert out == "# cd /srv\n# rm -rf DIR\n"
    last = err.strip().splitlines()[-1]
    assert last.startswith(CURSOR_MARK)
    assert out[int(last[len(CURSOR_MARK) :]) :].startswith("DIR")


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
