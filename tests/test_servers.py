"""Servers other than OpenRouter, against the fake server: each gap a real third-party server showed.

The fake server's URL is not OpenRouter's, so by default nlshell treats it as "another
OpenAI-compatible server" (LiteLLM, Ollama, vLLM…); `as_openrouter` makes it OpenRouter for the
tests that check what only OpenRouter gets. The same points run against a real LiteLLM proxy in
test_interop.py. Retry waits are recorded, never slept, except where a test says so.
"""

from __future__ import annotations

import pytest

from conftest import FAKE_KEY
from nlshell.openrouter import errors as E
from nlshell.openrouter.client import OpenRouterClient
from nlshell.openrouter.error_body import error_from_body, rejects_max_tokens
from nlshell.openrouter.retry import retry_after_from, wait_notice
from test_signals import terminal  # noqa: F401  (the fixture)

MESSAGES = [{"role": "user", "content": "list files"}]
ATTRIBUTION = ("HTTP-Referer", "X-OpenRouter-Title", "X-Title", "X-OpenRouter-Categories")
LITELLM_UNKNOWN_MODEL = {"error": {
    "message": "/chat/completions: Invalid model name passed in model=nope/x. Call `/v1/models` to view "
               "available models for your key.", "type": "invalid_request_error", "param": None, "code": "400"}}
OPENAI_WANTS_MAX_COMPLETION_TOKENS = {"error": {
    "message": "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' "
               "instead.", "type": "invalid_request_error", "param": "max_tokens", "code": "unsupported_parameter"}}


@pytest.fixture
def waits() -> list[float]:
    return []


@pytest.fixture
def other(fake_server, waits):
    """A client for a server that is not OpenRouter, with a key."""
    with OpenRouterClient(f"{fake_server.root_url}/v1", FAKE_KEY, sleep=waits.append) as c:
        yield c


def one_line(r, code: int) -> str:
    assert r.returncode == code, r
    assert r.stdout == "" and "Traceback" not in r.stderr, r
    (line,) = r.stderr.splitlines()
    return line


# -- 1. auth status checks the key with GET /models ------------------------------------------------
def test_auth_status_elsewhere_checks_the_key_and_says_usage_is_openrouters(nlshell, fake_server, server_env):
    r = nlshell("auth", "status", env=server_env)
    assert r.returncode == 0, r
    assert "check:  the server accepted the key (it lists 6 models)" in r.stdout
    assert "usage:  details exist only on OpenRouter" in r.stdout
    assert [q.path for q in fake_server.requests] == ["/api/v1/models"]
    assert fake_server.requests[0].headers["Authorization"] == f"Bearer {FAKE_KEY}"


def test_auth_status_elsewhere_with_a_wrong_key_fails(nlshell, fake_server, server_env):
    fake_server.respond(401, body={"error": {"message": "invalid API key", "type": "auth_error", "code": "401"}},
                        path="/models")
    r = nlshell("auth", "status", env=server_env)
    assert r.returncode == 1 and "check:" not in r.stdout, r
    assert "the API key was rejected (HTTP 401: invalid API key)" in r.stderr and FAKE_KEY not in r.stderr


def test_auth_status_elsewhere_without_a_model_list_says_nothing_was_checked(nlshell, fake_server, server_env):
    fake_server.respond(404, body={"detail": "Not Found"}, path="/models")
    r = nlshell("auth", "status", env=server_env)
    assert r.returncode == 0, r
    assert "check:  not made: the server has no model list to ask" in r.stdout


def test_auth_status_without_a_key_on_a_server_that_wants_one(nlshell, fake_server):
    fake_server.respond(401, body={"error": {"message": "invalid API key", "code": "401"}}, path="/models")
    line = one_line(nlshell("auth", "status", env={"OPENROUTER_BASE_URL": fake_server.base_url}), 2)
    assert "this server asks for a key and none is set" in line and "nlshell auth login" in line


# -- 2. a whitespace-only stream is no answer ------------------------------------------------------
def test_a_stream_of_only_whitespace_is_an_empty_reply(fake_server, other):
    fake_server.stream([fake_server.chunk("  \n"), fake_server.chunk(" \n "), fake_server.chunk(" "),
                        fake_server.chunk(finish_reason="stop"), "[DONE]"])
    with pytest.raises(E.EmptyResponseError):
        list(other.stream_chat(MESSAGES, model="m"))
    assert len(fake_server.chat_requests) == 1


def test_a_stream_starts_at_its_first_text_without_blank_lines(fake_server, other):
    fake_server.stream([fake_server.chunk("\n"), fake_server.chunk(" \n"), fake_server.chunk("  Lists"),
                        fake_server.chunk(" files\n"), "[DONE]"])
    assert "".join(other.stream_chat(MESSAGES, model="m")) == "  Lists files\n"


def test_explain_of_a_blank_stream_prints_nothing_and_fails(nlshell, fake_server, server_env):
    fake_server.stream([fake_server.chunk("\n"), fake_server.chunk("   "), "[DONE]"])
    line = one_line(nlshell("explain", "ls -la", env=server_env), 1)
    assert "empty reply" in line


# -- 3. a Retry-After past the cap fails at once ----------------------------------------------------
@pytest.mark.parametrize("status, headers, says", [
    (429, {"Retry-After": "120"}, "rate limited by the server (HTTP 429: Rate limit exceeded); try again in 2 min"),
    (503, {"Retry-After": "86400"}, "; try again in 24 h"),
    (429, {"llm_provider-retry-after": "60"}, "; try again in 60 s"),  # LiteLLM passes the upstream's on
])
def test_a_wait_longer_than_the_cap_is_not_waited_for(nlshell, fake_server, server_env, status, headers, says):
    for _ in range(3):
        fake_server.respond(status, headers=headers)
    line = one_line(nlshell("-p", "list files", env=server_env), 1)
    assert says in line
    assert len(fake_server.chat_requests) == 1  # no second attempt, so no wait before one


def test_a_wait_at_the_cap_is_still_waited(fake_server, other, waits):
    fake_server.respond(429, headers={"Retry-After": "10"})
    fake_server.reply("ls")
    assert other.chat(MESSAGES, model="m").content == "ls"
    assert waits == [10.0]


@pytest.mark.parametrize("headers, seconds", [
    ({"retry-after-ms": "1500", "retry-after": "9"}, 1.5),
    ({"retry-after": "7"}, 7.0),
    ({"llm_provider-retry-after": "60"}, 60.0),
    ({"retry-after": "soon", "llm_provider-retry-after": "3"}, 3.0),
    ({}, None),
])
def test_retry_after_headers(headers, seconds):
    assert retry_after_from(headers) == seconds


# -- the wait is shown while it lasts (on a terminal only) ----------------------------------------
def test_a_noticeable_wait_is_announced_then_ended(fake_server, waits):
    notices: list[str | None] = []
    with OpenRouterClient(fake_server.base_url, FAKE_KEY, sleep=waits.append, on_wait=notices.append) as c:
        fake_server.respond(429, headers={"Retry-After": "3"})
        fake_server.respond(500)  # 0.8 s: too short to be worth a line
        fake_server.reply("ls")
        assert c.chat(MESSAGES, model="m").content == "ls"
    assert waits == [3.0, 0.8]
    assert notices == ["rate limited, retrying in 3 s", None]


@pytest.mark.parametrize("error, seconds, says", [
    (E.RateLimitedError("x", status=429), 2.2, "rate limited, retrying in 3 s"),
    (E.ServerError("x", status=503), 4, "the server failed (HTTP 503), retrying in 4 s"),
    (E.ConnectError("x"), 1, "could not reach the server, retrying in 1 s"),
])
def test_wait_notices(error, seconds, says):
    assert wait_notice(error, seconds) == says


def test_the_wait_shows_on_the_spinner_line_in_a_terminal(terminal, fake_server):  # noqa: F811
    fake_server.respond(429, headers={"Retry-After": "2"})
    fake_server.reply("ls -la")
    term = terminal({"NO_COLOR": "1"})
    term.run_nlshell("-p", "list all files")
    term.expect("rate limited, retrying in 2 s")
    assert term.status() == 0
    assert "ls -la" in term.transcript


def test_no_wait_notice_on_a_pipe(nlshell, fake_server, server_env):
    fake_server.respond(429, headers={"Retry-After": "1"})
    fake_server.reply("ls -la")
    r = nlshell("-p", "list all files", env=server_env)
    assert (r.returncode, r.stdout, r.stderr) == (0, "ls -la\n", "")


# -- 4. other servers' "no such model" -------------------------------------------------------------
@pytest.mark.parametrize("status, body", [
    (400, LITELLM_UNKNOWN_MODEL),
    (404, {"error": {"message": 'model "nope/x" not found, try pulling it first', "type": "api_error"}}),  # Ollama
    (404, {"object": "error", "message": "The model `nope/x` does not exist.", "type": "NotFoundError",
           "code": 404}),  # vLLM
    (404, {"error": {"message": "The model `nope/x` does not exist or you do not have access to it.",
                     "type": "invalid_request_error", "code": "model_not_found"}}),  # OpenAI
])
def test_unknown_model_wordings(status, body):
    exc = error_from_body(status, body, model="nope/x", openrouter=False)
    assert isinstance(exc, E.ModelNotFoundError), exc
    assert exc.message.startswith('model "nope/x" is not a model this server knows')
    assert exc.hint == "choose another model with -m (`nlshell models` lists them)"


@pytest.mark.parametrize("message", ["max_tokens: must be at most 4096", "Invalid parameter: temperature",
                                     "model group 'x' failed: context window exceeded"])
def test_other_rejections_are_not_taken_for_an_unknown_model(message):
    exc = error_from_body(400, {"error": {"message": message, "code": "400"}}, model="m", openrouter=False)
    assert type(exc) is E.BadRequestError


def test_litellm_unknown_model_end_to_end(nlshell, fake_server, server_env):
    fake_server.respond(400, body=LITELLM_UNKNOWN_MODEL)
    line = one_line(nlshell("-p", "-m", "nope/x", "list files", env=server_env), 1)
    assert 'model "nope/x" is not a model this server knows' in line and "`nlshell models`" in line


# -- 5. no key, and the server wants one ----------------------------------------------------------
def test_no_key_for_a_server_that_wants_one_says_how_to_set_it(nlshell, fake_server):
    fake_server.respond(401, body={"error": {"message": "invalid API key", "type": "auth_error", "code": "401"}})
    line = one_line(nlshell("-p", "list files", env={"OPENROUTER_BASE_URL": fake_server.base_url}), 2)
    assert line.startswith("nlshell: this server asks for a key and none is set (HTTP 401: invalid API key)")
    assert line.endswith("— set OPENROUTER_API_KEY, put it in a .env file, or run `nlshell auth login`")


def test_a_key_that_is_set_and_refused_is_rejected(nlshell, fake_server, server_env):
    fake_server.respond(401, body={"error": {"message": "invalid API key", "code": "401"}})
    assert "the API key was rejected" in one_line(nlshell("-p", "list files", env=server_env), 1)


# -- 6. rate-limit advice fits the server and the key ---------------------------------------------
def test_rate_limit_elsewhere_has_no_openrouter_advice(fake_server, other):
    for _ in range(3):
        fake_server.respond(429)
    with pytest.raises(E.RateLimitedError) as info:
        other.chat(MESSAGES, model="acme/coder:free")
    assert str(info.value) == ("rate limited by the server (HTTP 429: Rate limit exceeded) — "
                               "wait a moment, or switch model with -m")


def test_rate_limit_without_a_key_suggests_one(fake_server, waits):
    for _ in range(3):
        fake_server.respond(429)
    with OpenRouterClient(f"{fake_server.root_url}/v1", None, sleep=waits.append) as c, \
            pytest.raises(E.RateLimitedError) as info:
        c.chat(MESSAGES, model="m")
    assert "set a key of your own if the server gives keyed users more (`nlshell auth login`)" in info.value.hint


def test_rate_limit_on_openrouter_free_model_quotes_its_limits(fake_server, waits):
    for _ in range(3):
        fake_server.respond(429)
    with OpenRouterClient(fake_server.base_url, FAKE_KEY, sleep=waits.append, openrouter=True) as c, \
            pytest.raises(E.RateLimitedError) as info:
        c.chat(MESSAGES, model="qwen/qwen3-coder:free")
    assert "allow about 20 requests a minute and 50 a day (1,000 with credits)" in info.value.message
    assert "own" not in str(info.value)


# -- 7. a server without a model list -------------------------------------------------------------
@pytest.mark.parametrize("status", [404, 405])
def test_models_on_a_server_without_a_list(nlshell, fake_server, server_env, status):
    fake_server.respond(status, body={"detail": "Not Found"}, path="/models")
    line = one_line(nlshell("models", env=server_env), 1)
    assert f"does not list models (HTTP {status})" in line
    assert "name the model with -m or OPENROUTER_MODEL" in line and "usually ends in" not in line


# -- 8. OpenRouter's headers only to OpenRouter; a key over plain http is said once ------------------
def test_attribution_goes_only_to_openrouter(nlshell, fake_server, server_env, as_openrouter):
    from nlshell import config
    from nlshell.pipeline import Pipeline

    nlshell("-p", "list files", env={**server_env, "OPENROUTER_BASE_URL": f"{fake_server.root_url}/v1"})
    pipeline = Pipeline(config.load())  # the fake server as OpenRouter itself
    pipeline.client().chat(MESSAGES, model="m")
    pipeline.close()
    elsewhere, openrouter = fake_server.chat_requests
    assert [h for h in ATTRIBUTION if h in elsewhere.headers] == []
    assert [h for h in ATTRIBUTION if h in openrouter.headers] == list(ATTRIBUTION)


def test_the_client_knows_openrouter_by_its_url():
    assert OpenRouterClient("https://openrouter.ai/api/v1").openrouter
    assert not OpenRouterClient("http://localhost:11434/v1").openrouter


@pytest.mark.parametrize("url, warned", [
    ("http://192.0.2.10:4000/v1", True),
    ("http://gpu-box.example:8000/v1", True),
    ("https://192.0.2.10/v1", False),
    ("http://127.0.0.1:4000/v1", False),
    ("http://127.8.9.10/v1", False),
    ("http://localhost:11434/v1", False),
    ("http://[::1]:8080/v1", False),
])
def test_a_key_over_plain_http_to_another_machine_is_warned_once(monkeypatch, url, warned):
    from nlshell import config, pipeline as pipeline_module
    from nlshell.pipeline import Pipeline

    monkeypatch.setattr(pipeline_module, "_WARNED_PLAIN_HTTP", set())
    monkeypatch.setenv("OPENROUTER_BASE_URL", url)
    monkeypatch.setenv("OPENROUTER_API_KEY", FAKE_KEY)
    said: list[str] = []
    for _ in range(2):  # two pipelines in one process (a REPL that switched model): one warning
        pipeline = Pipeline(config.load(), warn=said.append)
        pipeline.client()  # made, never used: nothing is sent anywhere
        pipeline.close()
    host = url.split("//")[1].split("/")[0].rsplit(":", 1)[0] if warned else None
    assert said == ([f"the API key is sent unencrypted (http://) to {host}, where anyone on the network path "
                     "can read it; use https://, or a server on this machine"] if warned else [])


def test_no_key_no_plain_http_warning(monkeypatch):
    from nlshell import config
    from nlshell.pipeline import Pipeline

    monkeypatch.setenv("OPENROUTER_BASE_URL", "http://192.0.2.11/v1")
    said: list[str] = []
    Pipeline(config.load(), warn=said.append).client()
    assert said == []


# -- 9 (the part that is not reasoning): max_completion_tokens where max_tokens is refused ----------
def test_a_server_refusing_max_tokens_gets_max_completion_tokens_and_keeps_it(fake_server, other):
    fake_server.respond(400, body=OPENAI_WANTS_MAX_COMPLETION_TOKENS)
    fake_server.reply("ls")
    assert other.chat(MESSAGES, model="o9", max_tokens=900).content == "ls"
    assert "".join(other.stream_chat(MESSAGES, model="o9", max_tokens=900)) == "ls -la"
    first, second, third = (r.json for r in fake_server.chat_requests)
    assert first["max_tokens"] == 900 and "max_completion_tokens" not in first
    for later in (second, third):
        assert later["max_completion_tokens"] == 900 and "max_tokens" not in later


def test_a_stream_refusing_max_tokens_is_sent_again(fake_server, other):
    fake_server.respond(400, body=OPENAI_WANTS_MAX_COMPLETION_TOKENS)
    assert "".join(other.stream_chat(MESSAGES, model="o9")) == "ls -la"
    assert [("max_tokens" in r.json, "max_completion_tokens" in r.json) for r in fake_server.chat_requests] == \
        [(True, False), (False, True)]


def test_openrouter_takes_max_tokens_and_is_not_asked_twice(fake_server, waits):
    fake_server.respond(400, body=OPENAI_WANTS_MAX_COMPLETION_TOKENS)
    with OpenRouterClient(fake_server.base_url, FAKE_KEY, sleep=waits.append, openrouter=True) as c, \
            pytest.raises(E.BadRequestError):
        c.chat(MESSAGES, model="m")
    assert len(fake_server.chat_requests) == 1


def test_a_max_tokens_value_error_is_not_a_refusal_of_the_name(fake_server, other):
    fake_server.respond(400, body={"error": {"message": "max_tokens: must be at most 4096", "code": 400}})
    with pytest.raises(E.BadRequestError):
        other.chat(MESSAGES, model="m", max_tokens=9000)
    assert len(fake_server.chat_requests) == 1


@pytest.mark.parametrize("message, code, refused", [
    ("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
     "unsupported_parameter", True),
    ("max_tokens is not supported for this model", None, True),
    ("Unsupported parameter: max_tokens", None, True),
    ("max_tokens: must be at most 4096", None, False),
    ("max_tokens is too large: 90000. This model supports at most 16384 completion tokens", None, False),
])
def test_rejects_max_tokens(message, code, refused):
    exc = error_from_body(400, {"error": {"message": message, "code": code}}, openrouter=False)
    assert rejects_max_tokens(exc) is refused
