"""The API key never leaves where the user put it.

Not in stdout or stderr, not in `NLSHELL_LOG=debug` logs, not in exception text or tracebacks, not
in the cache, history, models list or any other file nlshell writes, not in `config show`,
`auth status` or `--json` — whichever of the four sources it came from, and after every fault of
the matrix in test_faults.py (re-run here with debug logging on). Requests that themselves carry
something key-shaped never reach the cache store or the history.
"""

from __future__ import annotations

import json
import logging
import re
import traceback
from pathlib import Path

import pytest

from conftest import FAKE_KEY
from test_faults import (  # noqa: F401 - fixtures are used by name
    FAULTS,
    RUN_IT,
    InProcess,
    files_holding,
    inject,
)

KEY_SOURCES = ["env", "dotenv", "keyring", "credentials"]


def key_env(source: str, base_url: str, home: Path) -> tuple[dict, tuple[Path, ...]]:
    """Environment for a run with the key from `source`, and the files allowed to hold it."""
    from nlshell import paths

    env = {"OPENROUTER_BASE_URL": base_url}
    if source == "env":
        env["OPENROUTER_API_KEY"] = FAKE_KEY
        return env, ()
    if source == "dotenv":
        dotenv = Path(".env").resolve()
        dotenv.write_text(f"OPENROUTER_API_KEY={FAKE_KEY}\n")
        return env, (dotenv,)
    if source == "keyring":
        keyring = home / "fake-keyring.json"
        keyring.write_text(json.dumps({"nlshell/openrouter": FAKE_KEY}))
        return env, (keyring,)
    paths.write_private(paths.credentials_file(), f"OPENROUTER_API_KEY={FAKE_KEY}\n")
    return {**env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}, (Path(paths.credentials_file()),)


def assert_no_key(r, root: Path, allowed: tuple[Path, ...] = ()) -> None:
    assert FAKE_KEY not in r.stdout, r
    assert FAKE_KEY not in r.stderr, r
    assert files_holding(root, FAKE_KEY, allowed=allowed) == []


@pytest.fixture
def in_process(capsys, monkeypatch, fake_server, offline_index):
    monkeypatch.setenv("OPENROUTER_API_KEY", FAKE_KEY)
    monkeypatch.setenv("OPENROUTER_BASE_URL", fake_server.base_url)
    monkeypatch.setenv("NLSHELL_LOG", "debug")
    fake_server.default(RUN_IT)
    return InProcess(capsys, monkeypatch)


def assert_debug_run_clean(run, caplog, tmp_path, argv, code) -> None:
    caplog.set_level(logging.DEBUG, logger="nlshell")
    got, out, err = run(argv)
    assert got == code, (got, err)
    assert run.ran == []
    logs = "\n".join(record.getMessage() for record in caplog.records)
    assert "attempt 1" in logs  # debug logging was really on
    for text in (out, err, logs, caplog.text):
        assert FAKE_KEY not in text
    assert files_holding(tmp_path, FAKE_KEY) == []


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_no_key_in_debug_logs_output_or_files_after_any_fault(in_process, fake_server, caplog, tmp_path, fault):
    """Every fault of the matrix again, in-process with NLSHELL_LOG=debug: logs, tracebacks, files."""
    fault.play(fake_server)
    assert_debug_run_clean(in_process, caplog, tmp_path, ["-y", *fault.args, "make a file"], fault.code)
    assert in_process.waits == fault.waits


@pytest.mark.parametrize("kind", ["refused", "dns", "connect timeout", "read timeout"])
def test_no_key_in_debug_logs_after_network_faults(in_process, fake_server, caplog, tmp_path, monkeypatch, kind):
    import socket

    import httpx

    if kind == "refused":
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        monkeypatch.setenv("OPENROUTER_BASE_URL", f"http://127.0.0.1:{port}/v1")
    elif kind == "read timeout":
        config = tmp_path / "config.toml"
        config.write_text("[provider]\ntimeout = 0.3\n")
        monkeypatch.setenv("NLSHELL_CONFIG", str(config))
        fake_server.respond(200, body={"choices": []}, delay=5)
    else:
        error = (httpx.ConnectError("[Errno -2] Name or service not known") if kind == "dns"
                 else httpx.ConnectTimeout("timed out"))

        def unreachable(self, request):
            raise error

        monkeypatch.setattr(httpx.HTTPTransport, "handle_request", unreachable)
    assert_debug_run_clean(in_process, caplog, tmp_path, ["-y", "make a file"], 1)


def test_debug_logs_of_a_real_process_never_show_the_key(nlshell, fake_server, server_env, tmp_path):
    fake_server.respond(401, body={"error": {"code": 401, "message": f"bad key {FAKE_KEY}"}})
    for _ in range(3):
        fake_server.respond(200, body={"choices": [{"message": {"content": ""}, "finish_reason": "error",
                                                    "error": {"code": 502, "message": f"echo {FAKE_KEY}"}}]})
    for _ in range(2):
        r = nlshell("-y", "make a file", env={**server_env, "NLSHELL_LOG": "debug"})
        assert r.returncode == 1, r
        assert "chat/completions" in r.stderr  # debug logging was really on
        assert_no_key(r, tmp_path)


def test_no_key_anywhere_after_a_normal_session(nlshell, fake_server, server_env, tmp_path):
    fake_server.default("echo hello")
    env = server_env
    runs = [
        nlshell("-y", "say hello", env=env),
        nlshell("-p", "say hello", env=env),  # a cache hit
        nlshell("--json", "--no-cache", "say hello", env={**env, "NLSHELL_LOG": "debug"}),
        nlshell("explain", "echo hello", env=env),
        nlshell("models", "--json", env=env),
        nlshell("config", "show", env=env),
        nlshell("config", "show", "--json", env=env),
        nlshell("auth", "status", env=env),
        nlshell("history", "--json", env=env),
        nlshell("cache", "stats", "--json", env=env),
    ]
    for r in runs:
        assert r.returncode == 0, r
        assert_no_key(r, tmp_path)
    sent = [req.headers.get("Authorization") for req in fake_server.requests]
    assert len(sent) >= 4 and all(h == f"Bearer {FAKE_KEY}" for h in sent)  # the key was really in use


@pytest.mark.parametrize("source", KEY_SOURCES[1:])
def test_no_key_shown_whichever_store_it_came_from(nlshell, fake_server, isolated_home, tmp_path, source):
    env, allowed = key_env(source, fake_server.base_url, isolated_home)
    runs = [
        nlshell("-p", "say hello", env={**env, "NLSHELL_LOG": "debug"}),
        nlshell("config", "show", "--json", env=env),
        nlshell("auth", "status", env=env),
    ]
    for r in runs:
        assert r.returncode == 0, r
        assert_no_key(r, tmp_path, allowed)
    assert fake_server.chat_requests[0].headers["Authorization"] == f"Bearer {FAKE_KEY}"


@pytest.mark.parametrize("source", KEY_SOURCES)
def test_key_echoed_by_the_server_is_scrubbed(nlshell, fake_server, isolated_home, tmp_path, source):
    env, allowed = key_env(source, fake_server.base_url, isolated_home)
    fake_server.respond(401, body={"error": {"code": 401, "message": f"bad key {FAKE_KEY}",
                                             "metadata": {"key": FAKE_KEY}}})
    r = nlshell("-p", "say hello", env={**env, "NLSHELL_LOG": "debug"})
    assert r.returncode == 1, r
    assert_no_key(r, tmp_path, allowed)


def test_requests_carrying_keys_are_neither_cached_nor_remembered(nlshell, fake_server, server_env, tmp_path):
    other = "sk-or-v1-" + "9" * 64
    fake_server.default("echo stored")
    for request in (f"call the api with {other}", f"use my key {FAKE_KEY} please"):
        r = nlshell("-y", request, env=server_env)
        assert r.returncode == 0, r
        again = nlshell("--json", request, env=server_env)
        assert json.loads(again.stdout)["cached"] is False, again
    for secret in (other, FAKE_KEY):
        assert files_holding(tmp_path, secret) == []


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_crash_output_never_shows_the_key(nlshell, fake_server, server_env, inject, tmp_path, debug):
    """An unexpected bug whose message carries the key: one line normally, a scrubbed traceback in debug."""
    env = {**server_env, **inject.env(crash="nlshell.extract:extract_command")}
    if debug:
        env["NLSHELL_LOG"] = "debug"
    r = nlshell("-p", "say hello", env=env)
    assert r.returncode == 1, r
    assert "internal error (RuntimeError)" in r.stderr, r
    if debug:
        assert "Traceback" in r.stderr and "unexpected failure with" in r.stderr, r
    else:
        assert len(r.stderr.splitlines()) == 1 and "Traceback" not in r.stderr, r
    assert_no_key(r, tmp_path)


@pytest.mark.parametrize("bad", [f"{FAKE_KEY} extra", f"{FAKE_KEY}\u00e9", f"{FAKE_KEY[:20]}\x1b[2J{FAKE_KEY[20:]}"])
def test_a_key_that_cannot_be_sent_is_refused_without_showing_it(nlshell, fake_server, tmp_path, bad):
    r = nlshell("-p", "say hello", env={"OPENROUTER_API_KEY": bad, "OPENROUTER_BASE_URL": fake_server.base_url,
                                        "NLSHELL_LOG": "debug"})
    assert r.returncode == 2, r
    assert FAKE_KEY[:20] not in r.stdout + r.stderr
    assert fake_server.requests == []


def test_surrounding_whitespace_in_the_key_is_trimmed_not_sent(nlshell, fake_server):
    r = nlshell("-p", "say hello", env={"OPENROUTER_API_KEY": f"  {FAKE_KEY}\n", "OPENROUTER_BASE_URL": fake_server.base_url})
    assert r.returncode == 0, r
    assert fake_server.chat_requests[0].headers["Authorization"] == f"Bearer {FAKE_KEY}"


FAULT_EXCEPTIONS = [
    (401, {"error": {"code": 401, "message": f"bad key {FAKE_KEY}"}}),
    (403, {"error": {"code": 403, "message": "flagged", "metadata": {"reasons": [FAKE_KEY], "flagged_input": FAKE_KEY}}}),
    (404, {"error": {"code": 404, "message": "no model", "availability": {"code": "model_not_found",
                                                                          "fallback_models": [FAKE_KEY]}}}),
    (200, {"choices": [{"message": {"content": ""}, "finish_reason": "error", "error": {"message": FAKE_KEY}}]}),
]


@pytest.mark.parametrize("status, body", FAULT_EXCEPTIONS, ids=["401", "403", "404", "choice"])
def test_exceptions_and_their_whole_chain_never_hold_the_key(fake_server, status, body):
    from nlshell.errors import NlshellError
    from nlshell.openrouter.client import OpenRouterClient

    for _ in range(3):  # a provider error inside a choice is retried
        fake_server.respond(status, body=body)
    with OpenRouterClient(fake_server.base_url, FAKE_KEY, sleep=lambda s: None) as client:
        with pytest.raises(NlshellError) as info:
            client.chat([{"role": "user", "content": "x"}], model="m")
    exc = info.value
    text = "".join(traceback.format_exception(exc)) + repr(exc) + repr(exc.args) + str(exc.hint)
    assert FAKE_KEY not in text


def test_the_client_repr_hides_the_key(fake_server):
    from nlshell.openrouter.client import OpenRouterClient

    with OpenRouterClient(fake_server.base_url, FAKE_KEY) as client:
        assert FAKE_KEY not in repr(client) and "key=set" in repr(client)


def test_credentials_in_the_base_url_are_never_shown(nlshell, fake_server, tmp_path):
    with_password = fake_server.base_url.replace("http://", "http://user:hunter2secret@")
    fake_server.respond(401)
    r = nlshell("-p", "say hello", env={"OPENROUTER_API_KEY": FAKE_KEY, "OPENROUTER_BASE_URL": with_password,
                                        "NLSHELL_LOG": "debug"})
    assert r.returncode == 1, r
    assert "hunter2secret" not in r.stdout + r.stderr
    assert files_holding(tmp_path, "hunter2secret") == []


def test_a_very_short_key_does_not_garble_messages(nlshell):
    r = nlshell("-p", "list files", env={"OPENROUTER_API_KEY": "k", "OPENROUTER_BASE_URL": "https://"})
    assert r.returncode == 2, r
    assert "check OPENROUTER_BASE_URL" in r.stderr, r


# -- the known key, whatever its shape, and passwords in the base URL ------------------------------

LOCAL_TOKEN = "local/token+with=odd&chars!2024"  # a local server's token: looks like no known key shape


def test_a_local_token_echoed_in_a_reply_is_refused_and_never_stored(nlshell, fake_server, tmp_path):
    env = {"OPENROUTER_API_KEY": LOCAL_TOKEN, "OPENROUTER_BASE_URL": fake_server.base_url}
    fake_server.default(f"curl -H 'Authorization: Bearer {LOCAL_TOKEN}' http://127.0.0.1:9/v1/models")
    for args in (["-p"], ["--json"], ["-y"], ["--widget", "bash"]):
        r = nlshell(*args, "list the models", env=env)
        assert (r.returncode, r.stdout) == (3, ""), (args, r)
        assert "contains your API key" in r.stderr and LOCAL_TOKEN not in r.stderr, r
    assert files_holding(tmp_path, LOCAL_TOKEN) == []


def test_a_local_token_in_a_request_keeps_it_out_of_the_cache_and_history(nlshell, fake_server, tmp_path):
    env = {"OPENROUTER_API_KEY": LOCAL_TOKEN, "OPENROUTER_BASE_URL": fake_server.base_url}
    fake_server.default("echo done")
    r = nlshell("-y", f"print the token {LOCAL_TOKEN} nowhere", env=env)
    assert r.returncode == 0, r
    assert files_holding(tmp_path, LOCAL_TOKEN) == []
    again = nlshell("--json", f"print the token {LOCAL_TOKEN} nowhere", env=env)
    assert json.loads(again.stdout)["cached"] is False and json.loads(again.stdout)["source"] == "model", again


def test_an_openrouter_key_echoed_by_a_reply_is_never_printed(nlshell, fake_server, server_env):
    fake_server.default(f"export OPENROUTER_API_KEY={FAKE_KEY}")
    for args in (["-p"], ["--json"]):
        r = nlshell(*args, "set my key", env=server_env)
        assert (r.returncode, r.stdout) == (3, ""), r
        assert FAKE_KEY not in r.stderr, r


@pytest.mark.parametrize("encode", ["upper-hex", "lower-hex"])
def test_a_url_encoded_key_in_an_error_is_scrubbed(nlshell, fake_server, tmp_path, encode):
    from urllib.parse import quote

    encoded = quote(LOCAL_TOKEN, safe="")
    if encode == "lower-hex":  # %2F → %2f, as some servers write it
        encoded = re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), encoded)
    assert "%" in encoded
    fake_server.respond(400, body={"error": {"code": 400, "message": f"bad request for /v1?key={encoded}"}})
    r = nlshell("-p", "say hello", env={"OPENROUTER_API_KEY": LOCAL_TOKEN, "OPENROUTER_BASE_URL": fake_server.base_url,
                                        "NLSHELL_LOG": "debug"})
    assert r.returncode == 1, r
    assert "bad request" in r.stderr, r
    assert encoded not in r.stdout + r.stderr and LOCAL_TOKEN not in r.stdout + r.stderr, r
    assert files_holding(tmp_path, encoded) == []


def test_a_password_in_the_base_url_is_never_shown_or_stored(nlshell, fake_server, tmp_path):
    password = "hunter2secret"
    url = fake_server.base_url.replace("http://", f"http://alice:{password}@")
    env = {"OPENROUTER_API_KEY": FAKE_KEY, "OPENROUTER_BASE_URL": url}
    runs = [nlshell("config", "show", env=env), nlshell("config", "show", "--json", env=env),
            nlshell("auth", "status", env=env), nlshell("models", env=env), nlshell("models", "--json", env=env),
            nlshell("auth", "status", env={**env, "OPENROUTER_API_KEY": None})]
    for r in runs:
        assert r.returncode == 0, r
        assert password not in r.stdout + r.stderr, r
    assert "http://alice:***@127.0.0.1" in runs[0].stdout and "http://alice:***@" in runs[2].stdout
    assert files_holding(tmp_path, password) == []
    listed = len([r for r in fake_server.requests if r.path.endswith("/models")])
    assert nlshell("models", env=env).returncode == 0
    assert len([r for r in fake_server.requests if r.path.endswith("/models")]) == listed  # the cache still matches


def test_the_executed_command_does_not_get_the_key(nlshell, fake_server, server_env):
    fake_server.default("env > seen.txt")
    r = nlshell("-y", "save the environment", env=server_env)
    assert r.returncode == 0, r
    seen = Path("seen.txt").read_text()
    assert "PATH=" in seen  # the rest of the environment is passed on
    assert "OPENROUTER_API_KEY" not in seen and FAKE_KEY not in seen


def test_an_explanation_echoing_the_key_split_across_chunks_is_scrubbed(nlshell, fake_server, server_env):
    pieces = [FAKE_KEY[:5], FAKE_KEY[5:30], FAKE_KEY[30:]]
    fake_server.stream([fake_server.chunk("The key is "), *[fake_server.chunk(p) for p in pieces],
                        fake_server.chunk(" — done."), "[DONE]"])
    r = nlshell("explain", "echo $OPENROUTER_API_KEY", env=server_env)
    assert r.returncode == 0, r
    assert r.stdout == "The key is *** — done.\n", r
    assert FAKE_KEY[:20] not in r.stdout + r.stderr


@pytest.mark.parametrize(
    "url, shown",
    [
        ("http://u:p4ss@host:8080/v1", "http://u:***@host:8080/v1"),
        ("https://u:a@b@host/v1?x=1", "https://u:***@host/v1?x=1"),
        ("http://user@host/v1", "http://user@host/v1"),
        ("http://host/v1?next=a:b@c", "http://host/v1?next=a:b@c"),
        ("https://openrouter.ai/api/v1", "https://openrouter.ai/api/v1"),
    ],
)
def test_redact_url(url, shown):
    from nlshell.redact import redact_url

    assert redact_url(url) == shown


def test_filtered_stream_scrubs_a_secret_split_anywhere(monkeypatch):
    from nlshell import redact

    monkeypatch.setattr(redact, "KNOWN", {LOCAL_TOKEN})
    text = f"before {LOCAL_TOKEN} middle {LOCAL_TOKEN} after"
    for size in range(1, len(text) + 1):
        chunks = [text[i : i + size] for i in range(0, len(text), size)]
        assert "".join(redact.filtered_stream(iter(chunks))) == "before *** middle *** after", size


def test_filtered_stream_lets_ordinary_text_through_at_once_and_keeps_it_on_failure(monkeypatch):
    from nlshell import redact

    monkeypatch.setattr(redact, "KNOWN", {LOCAL_TOKEN})

    def failing(tail: str):
        yield "lists the files "
        yield "in " + tail  # could be the start of the token: held back
        raise RuntimeError("dropped")

    stream = redact.filtered_stream(failing("loc"))
    assert next(stream) == "lists the files "
    assert next(stream) == "in "
    assert next(stream) == "loc"  # too short to reveal anything: shown before the error
    with pytest.raises(RuntimeError):
        next(stream)
    cut_short = redact.filtered_stream(failing(LOCAL_TOKEN[:12]))
    assert "".join([next(cut_short), next(cut_short), next(cut_short)]) == "lists the files in ***"
    with pytest.raises(RuntimeError):
        next(cut_short)
    ended = redact.filtered_stream(iter(["the token starts ", LOCAL_TOKEN[:10]]))
    assert "".join(ended) == "the token starts ***"
