"""The OpenRouter client against a real local server: request shape, retries, every error shape, SSE.

Waits are recorded, never slept (the client takes the sleep function), so the whole file runs in
about a second. httpx.MockTransport is used only where a real socket cannot play the part
(DNS failure, connect timeout, an endless body).
"""

from __future__ import annotations

import email.utils
import json
import logging
import socket
import subprocess
import sys
import time

import httpx
import pytest

from fakeserver import FakeOpenRouter
from nlshell.errors import ConfigError
from nlshell.openrouter import errors as E
from nlshell.openrouter.client import OpenRouterClient
from nlshell.openrouter.sse import SSEDecoder
from nlshell.openrouter.error_body import error_from_body
from nlshell.openrouter.retry import call_with_retries, parse_retry_after, wait_seconds

KEY = "sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
MESSAGES = [{"role": "system", "content": "Answer with one command."}, {"role": "user", "content": "list files"}]
FREE = "qwen/qwen3-coder:free"


@pytest.fixture
def waits() -> list[float]:
    return []


@pytest.fixture
def client(fake_server, waits):
    """A client that takes the fake server for OpenRouter itself."""
    with OpenRouterClient(fake_server.base_url, KEY, sleep=waits.append, read_timeout=5.0, openrouter=True) as c:
        yield c


def expect(error_class: type[Exception], call, *args, **kwargs):
    """Run `call`, demand `error_class`, and check the message is one safe line without the key."""
    with pytest.raises(error_class) as info:
        call(*args, **kwargs)
    exc = info.value
    text = str(exc)
    assert KEY not in text and KEY not in repr(exc.args)
    assert "\n" not in exc.message and "\x1b" not in text
    return exc


def completion(content="ls -la", *, finish_reason="stop", usage=None, error=None, model="fake/model") -> dict:
    choice = {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish_reason}
    if error is not None:
        choice["error"] = error
    body = {"id": "gen-1", "model": model, "object": "chat.completion", "choices": [choice]}
    if usage is not None:
        body["usage"] = usage
    return body


# -- request shape ---------------------------------------------------------------------------


def test_request_shape_and_attribution(fake_server, client):
    fake_server.reply("ls -la", model=FREE, usage={"prompt_tokens": 30, "completion_tokens": 3,
                                                   "total_tokens": 33, "cost": 0.0001})
    result = client.chat(MESSAGES, model=FREE)
    assert (result.content, result.model, result.finish_reason) == ("ls -la", FREE, "stop")
    assert result.usage.as_dict() == {"prompt_tokens": 30, "completion_tokens": 3, "total_tokens": 33,
                                      "cost": 0.0001, "reasoning_tokens": None}
    (request,) = fake_server.chat_requests
    assert request.path == "/api/v1/chat/completions"
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    assert request.headers["HTTP-Referer"] == "https://github.com/nlshell/nlshell"
    assert request.headers["X-OpenRouter-Title"] == request.headers["X-Title"] == "nlshell"
    assert request.headers["X-OpenRouter-Categories"] == "cli-agent"
    assert request.headers["User-Agent"].startswith("nlshell/")
    assert request.json == {"model": FREE, "messages": MESSAGES, "temperature": 0.0, "max_tokens": 1024}


def test_fallback_models_reasoning_and_stop_are_sent_when_given(fake_server, client):
    client.chat(MESSAGES, model=FREE, fallback_models=["meta-llama/llama-3.3-70b-instruct:free", "openrouter/free"],
                reasoning={"effort": "low", "exclude": True}, stop=["\n\n"], max_tokens=2048, temperature=0.2)
    sent = fake_server.chat_requests[0].json
    assert sent["model"] == FREE
    assert sent["models"] == [FREE, "meta-llama/llama-3.3-70b-instruct:free", "openrouter/free"]
    assert sent["reasoning"] == {"effort": "low", "exclude": True}
    assert (sent["stop"], sent["max_tokens"], sent["temperature"]) == (["\n\n"], 2048, 0.2)


def test_no_key_no_authorization_and_attribution_can_be_omitted(fake_server):
    with OpenRouterClient(f"{fake_server.root_url}/v1", None, referer=None, title=None) as c:
        assert c.chat(MESSAGES, model="llama3").content == "ls -la"
    headers = fake_server.chat_requests[0].headers
    assert fake_server.chat_requests[0].path == "/v1/chat/completions"
    for name in ("Authorization", "HTTP-Referer", "X-OpenRouter-Title", "X-Title", "X-OpenRouter-Categories"):
        assert name not in headers


def test_a_key_that_cannot_be_a_header_is_a_config_error(fake_server):
    with OpenRouterClient(fake_server.base_url, "sk-or-v1-abc\ndef") as c:
        exc = expect(ConfigError, c.chat, MESSAGES, model=FREE)
    assert "abc" not in str(exc)
    assert fake_server.requests == []


def test_two_calls_share_one_connection(fake_server, client):
    client.chat(MESSAGES, model=FREE)
    "".join(client.stream_chat(MESSAGES, model=FREE))
    client.chat(MESSAGES, model=FREE)
    assert len(fake_server.chat_requests) == 3
    assert fake_server.connections == 1


def test_message_content_as_a_list_of_parts_is_joined(fake_server, client):
    fake_server.respond(200, body=completion([{"type": "text", "text": "ls "}, {"type": "text", "text": "-la"}]))
    assert client.chat(MESSAGES, model=FREE).content == "ls -la"


# -- retries ---------------------------------------------------------------------------------


def test_429_twice_then_success_waits_the_schedule(fake_server, client, waits):
    fake_server.respond(429)
    fake_server.respond(429)
    fake_server.reply("du -sh .")
    assert client.chat(MESSAGES, model=FREE).content == "du -sh ."
    assert waits == [0.3, 0.8]
    assert len(fake_server.chat_requests) == 3


def test_429_three_times_gives_rate_limit_advice(fake_server, client, waits):
    for _ in range(3):
        fake_server.respond(429)
    exc = expect(E.RateLimitedError, client.chat, MESSAGES, model=FREE)
    text = str(exc)
    assert "wait a moment" in text and "switch to a paid model with -m" in text
    assert "own" not in text  # the key is already the user's own
    assert "20 requests a minute" in text and "50 a day" in text and "1,000 with credits" in text
    assert (exc.status, exc.retryable) == (429, True)
    assert len(fake_server.chat_requests) == 3
    assert waits == [0.3, 0.8]


def test_rate_limit_on_a_paid_model_does_not_quote_free_limits(fake_server, client):
    for _ in range(3):
        fake_server.respond(429)
    exc = expect(E.RateLimitedError, client.chat, MESSAGES, model="openai/gpt-4o-mini")
    assert "20 requests a minute" not in str(exc)


def test_retry_after_longer_than_the_schedule_is_honoured(fake_server, client, waits):
    fake_server.respond(429, headers={"Retry-After": "2"})
    fake_server.reply("ls")
    client.chat(MESSAGES, model=FREE)
    assert waits == [2.0]


def test_retry_after_longer_than_the_cap_fails_at_once_saying_when(fake_server, client, waits):
    for _ in range(3):
        fake_server.respond(429, headers={"Retry-After": "2520"})
    exc = expect(E.RateLimitedError, client.chat, MESSAGES, model=FREE)
    assert waits == [] and len(fake_server.chat_requests) == 1
    assert exc.message.endswith("; try again in 42 min")
    assert exc.retry_after == 2520.0


def test_retry_after_as_an_http_date(fake_server, client, waits):
    fake_server.respond(503, headers={"Retry-After": email.utils.formatdate(time.time() + 5, usegmt=True)})
    fake_server.reply("ls")
    client.chat(MESSAGES, model=FREE)
    assert len(waits) == 1 and 3.0 <= waits[0] <= 5.0


NOT_RETRIED = [
    (400, {"error": {"code": 400, "message": "Invalid parameter: temperature"}}, E.BadRequestError, "rejected"),
    (400, {"error": {"code": 400, "message": "This endpoint's maximum context length is 8192 tokens",
                     "metadata": {"error_type": "context_length_exceeded"}}}, E.BadRequestError, "context"),
    (401, {"error": {"code": 401, "message": "User not found."}}, E.AuthError, "auth login"),
    (402, {"error": {"code": 402, "message": "Insufficient credits",
                     "metadata": {"limit_source": "openrouter_credits"}}}, E.PaymentError, "credits"),
    (402, {"error": {"code": 402, "message": "Key limit exceeded",
                     "metadata": {"limit_source": "openrouter_key_limit"}}}, E.PaymentError, "credit limit"),
    (403, {"error": {"code": 403, "message": "Your input was flagged",
                     "metadata": {"reasons": ["violence", "self-harm"], "flagged_input": "...",
                                  "provider_name": "OpenAI", "model_slug": "openai/gpt-4o"}}},
     E.ModerationError, "violence, self-harm"),
    (403, {"error": {"code": 403, "message": "Request blocked: prompt injection patterns detected",
                     "metadata": {"patterns": ["ignore previous"]}}}, E.ModerationError, "guardrail"),
    (404, {"error": {"code": 404, "message": "No endpoints found for acme/nothing."}},
     E.ModelNotFoundError, "models --free"),
    (400, {"error": {"code": 400, "message": "google/gemini-2.0-flash-exp:free is not a valid model ID"}},
     E.ModelNotFoundError, "models --free"),
]


@pytest.mark.parametrize("status, body, error_class, says", NOT_RETRIED)
def test_client_errors_are_not_retried(fake_server, client, waits, status, body, error_class, says):
    fake_server.respond(status, body=body)
    exc = expect(error_class, client.chat, MESSAGES, model="acme/nothing")
    assert says in str(exc)
    assert exc.status == status and not exc.retryable
    assert len(fake_server.chat_requests) == 1
    assert waits == []


def test_availability_error_without_code_names_model_and_fallbacks(fake_server, client):
    fake_server.respond(404, body={"error": {
        "message": "The free variant of acme/coder has ended",
        "error_type": "not_found",
        "http_status": 404,
        "availability": {"code": "free_variant_ended", "retryable": False, "requested_models": ["acme/coder:free"],
                         "fallback_models": ["acme/coder", "acme/coder-mini"], "docs_url": "https://x"},
    }})
    exc = expect(E.ModelNotFoundError, client.chat, MESSAGES, model="acme/coder:free")
    assert '"acme/coder:free"' in exc.message and "no longer offered free" in exc.message
    assert "-m acme/coder" in exc.hint and "acme/coder-mini" in exc.hint
    assert exc.fallback_models == ["acme/coder", "acme/coder-mini"]
    assert len(fake_server.chat_requests) == 1


def test_availability_model_not_found_on_400(fake_server, client):
    fake_server.respond(400, body={"error": {
        "message": "acme/fake-1.0 is not a valid model ID", "error_type": "invalid_request", "http_status": 400,
        "availability": {"code": "model_not_found", "retryable": False, "requested_models": ["acme/fake-1.0"]}}})
    exc = expect(E.ModelNotFoundError, client.chat, MESSAGES, model="acme/fake-1.0")
    assert "acme/fake-1.0" in exc.message


RETRIED = [
    (408, {"error": {"code": 408, "message": "Operation timed out. Please try again later."}}, None, "timed out"),
    (500, {"error": {"code": 500, "message": "Internal Server Error"}}, None, "internal error"),
    (502, "<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>", "text/html",
     "HTML error page (HTTP 502)"),
    (503, {"error": {"code": 503, "message": "No available model provider meets your routing requirements"}},
     None, "no provider"),
    (524, {"error": {"code": 524, "message": "Provider request timed out"}}, None, "timed out"),
    (529, {"error": {"code": 529, "message": "Provider Overloaded"}}, None, "overloaded"),
]


@pytest.mark.parametrize("status, body, content_type, says", RETRIED)
def test_server_errors_are_retried_then_reported(fake_server, client, waits, status, body, content_type, says):
    for _ in range(3):
        fake_server.respond(status, body=body, content_type=content_type)
    exc = expect(E.ServerError, client.chat, MESSAGES, model=FREE)
    assert says in exc.message
    assert exc.status == status
    assert len(fake_server.chat_requests) == 3
    assert waits == [0.3, 0.8]


def test_plain_text_404_means_the_base_url_is_wrong(fake_server, client):
    fake_server.respond(404, body="404 page not found", content_type="text/plain")
    exc = expect(E.ApiError, client.chat, MESSAGES, model="llama3")
    assert type(exc) is E.ApiError
    assert "OPENROUTER_BASE_URL" in exc.hint


def test_redirect_is_reported_not_followed(fake_server, client):
    fake_server.respond(301, body="", headers={"Location": "https://openrouter.ai/api/v1/chat/completions"})
    exc = expect(E.ApiError, client.chat, MESSAGES, model=FREE)
    assert "redirect (HTTP 301" in exc.message and len(fake_server.chat_requests) == 1


# -- errors inside successful replies --------------------------------------------------------

HTTP_200_ERRORS = [
    ({"error": {"code": 401, "message": "Invalid credentials"}}, E.AuthError, 1),
    ({"error": {"code": "402", "message": "Insufficient credits"}}, E.PaymentError, 1),
    ({"error": {"code": 502, "message": "Provider returned error"}}, E.ServerError, 3),
    ({"error": {"code": "server_error", "message": "Provider disconnected unexpectedly"}}, E.ServerError, 3),
    ({"error": {"message": "Rate limit exceeded", "metadata": {"error_type": "rate_limit_exceeded"}}},
     E.RateLimitedError, 3),
]


@pytest.mark.parametrize("body, error_class, requests", HTTP_200_ERRORS)
def test_http_200_with_an_error_body(fake_server, client, body, error_class, requests):
    for _ in range(3):
        fake_server.respond(200, body=body)
    expect(error_class, client.chat, MESSAGES, model=FREE)
    assert len(fake_server.chat_requests) == requests


def test_choice_with_finish_reason_error_never_returns_the_partial_output(fake_server, client):
    partial = completion("rm -rf /tmp/bu", finish_reason="error",
                         error={"code": 502, "message": "Provider disconnected mid-stream",
                                "metadata": {"error_type": "provider_unavailable"}})
    for _ in range(3):
        fake_server.respond(200, body=partial)
    exc = expect(E.ServerError, client.chat, MESSAGES, model=FREE)
    assert "rm -rf" not in str(exc)
    assert "Provider disconnected mid-stream" in exc.message


def test_choice_error_then_a_good_reply(fake_server, client):
    fake_server.respond(200, body=completion("partial", finish_reason="error"))
    fake_server.reply("ls -la")
    assert client.chat(MESSAGES, model=FREE).content == "ls -la"


UNUSABLE_200 = [
    ("cut at the limit", completion("find . -name '*.py' -exec gr", finish_reason="length"),
     E.TruncatedResponseError, "cut off"),
    ("empty content", completion(""), E.EmptyResponseError, "empty reply"),
    ("whitespace content", completion(" \n\t "), E.EmptyResponseError, "empty reply"),
    ("null content", completion(None), E.EmptyResponseError, "empty reply"),
    ("reasoning ate the budget",
     completion(None, finish_reason="length",
                usage={"prompt_tokens": 50, "completion_tokens": 1024, "total_tokens": 1074,
                       "completion_tokens_details": {"reasoning_tokens": 1024}}),
     E.EmptyResponseError, "reasoning"),
    ("no choices", {"id": "gen-1", "choices": []}, E.EmptyResponseError, "no choices"),
    ("choices missing", {"id": "gen-1", "model": "m"}, E.EmptyResponseError, "no choices"),
    ("content filter", completion("", finish_reason="content_filter"), E.ModerationError, "content filter"),
    ("a list", [1, 2], E.MalformedResponseError, "unexpected shape"),
    ("choices not a list", {"choices": {"0": {}}}, E.MalformedResponseError, "unexpected shape"),
    ("choice not an object", {"choices": ["ls"]}, E.MalformedResponseError, "unexpected shape"),
    ("no message", {"choices": [{"finish_reason": "stop"}]}, E.MalformedResponseError, "unexpected shape"),
    ("content a number", completion(42), E.MalformedResponseError, "unexpected type"),
    ("invalid JSON", '{"choices": [', E.MalformedResponseError, "not JSON"),
    ("HTML with 200", "<!DOCTYPE html><html><body>Open WebUI</body></html>", E.MalformedResponseError,
     "HTML page instead of JSON"),
    ("empty body", "", E.MalformedResponseError, "empty body"),
    ("not UTF-8", b'{"choices": [{"message": {"content": "\xff\xfe ls"}}]}', E.MalformedResponseError, "UTF-8"),
]


@pytest.mark.parametrize("case, body, error_class, says", UNUSABLE_200, ids=[c[0] for c in UNUSABLE_200])
def test_unusable_successful_replies(fake_server, client, case, body, error_class, says):
    fake_server.respond(200, body=body)
    exc = expect(error_class, client.chat, MESSAGES, model=FREE)
    assert says in exc.message
    assert len(fake_server.chat_requests) == 1  # none of these is retried


def test_reasoning_budget_hint_says_what_to_change(fake_server, client):
    fake_server.respond(200, body=completion("", finish_reason="length"))
    exc = expect(E.EmptyResponseError, client.chat, MESSAGES, model="openai/gpt-oss-120b:free")
    assert "max_tokens" in exc.hint and "non-reasoning model" in exc.hint


def test_a_huge_reply_is_refused(fake_server, client):
    fake_server.respond(200, body=b"x" * 5_000_000)
    exc = expect(E.MalformedResponseError, client.chat, MESSAGES, model=FREE)
    assert "too large" in exc.message


def test_an_endless_reply_is_not_read_past_the_cap():
    produced: list[int] = []

    def endless():
        while True:
            produced.append(1)
            yield b"x" * 65536

    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=endless()))
    with OpenRouterClient("https://openrouter.test/api/v1", KEY, transport=transport, sleep=lambda s: None) as c:
        exc = expect(E.MalformedResponseError, c.chat, MESSAGES, model=FREE)
    assert "too large" in exc.message
    assert len(produced) <= 2_000_000 // 65536 + 2


# -- the connection itself -------------------------------------------------------------------


def test_dropped_connection_is_retried(fake_server, client, waits):
    fake_server.respond(200, body=completion("ls -la"), drop_after=12)
    fake_server.reply("ls -la")
    assert client.chat(MESSAGES, model=FREE).content == "ls -la"
    assert waits == [0.3]


def test_dropped_connection_every_time(fake_server, client, waits):
    for _ in range(3):
        fake_server.respond(200, body=completion("ls -la"), drop_after=12)
    exc = expect(E.ConnectionDroppedError, client.chat, MESSAGES, model=FREE)
    assert isinstance(exc, E.ConnectError)
    assert "closed before the reply was complete" in exc.message
    assert len(fake_server.chat_requests) == 3 and waits == [0.3, 0.8]


@pytest.mark.e2e
def test_connection_refused_names_host_and_port(waits):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with OpenRouterClient(f"http://127.0.0.1:{port}/v1", KEY, sleep=waits.append) as c:
        exc = expect(E.ConnectError, c.chat, MESSAGES, model=FREE)
    assert f"127.0.0.1:{port}" in exc.message and "refused" in exc.message
    assert "--offline" in exc.hint
    assert waits == [0.3, 0.8]


@pytest.mark.parametrize(
    "raised, says",
    [
        (httpx.ConnectError("[Errno -2] Name or service not known"), "could not resolve the host api.nlshell.test"),
        (httpx.ConnectTimeout("timed out"), "could not connect to api.nlshell.test:443 within 5 s"),
    ],
)
def test_unreachable_host_is_retried_then_reported(raised, says, waits):
    calls: list[httpx.Request] = []

    def fail(request: httpx.Request):
        calls.append(request)
        raise raised

    with OpenRouterClient("https://api.nlshell.test/api/v1", KEY, transport=httpx.MockTransport(fail),
                          sleep=waits.append) as c:
        exc = expect(E.ConnectError, c.chat, MESSAGES, model=FREE)
    assert says in exc.message
    assert len(calls) == 3 and waits == [0.3, 0.8]


def test_read_timeout_is_not_retried(fake_server, waits):
    fake_server.respond(200, body=completion(), delay=30)
    with OpenRouterClient(fake_server.base_url, KEY, read_timeout=0.3, sleep=waits.append) as c:
        exc = expect(E.RequestTimeoutError, c.chat, MESSAGES, model=FREE)
    assert "within 0.3 s" in exc.message and "timeout" in exc.hint
    assert len(fake_server.chat_requests) == 1 and waits == []


def test_a_server_echoing_the_key_never_gets_it_into_a_message(fake_server):
    local_key = "local-secret-token"
    fake_server.respond(401, body={"error": {"code": 401, "message": f"bad key {KEY} / {local_key}"}})
    fake_server.respond(401, body={"error": {"code": 401, "message": f"bad key {local_key}"}})
    with OpenRouterClient(fake_server.base_url, KEY) as c:
        exc = expect(E.AuthError, c.chat, MESSAGES, model=FREE)
    assert "sk-or-v1-…" in exc.message
    with OpenRouterClient(fake_server.base_url, local_key) as c:
        exc = expect(E.AuthError, c.chat, MESSAGES, model=FREE)
    assert local_key not in str(exc)


def test_debug_log_has_method_url_status_never_the_key(fake_server, client, caplog):
    fake_server.respond(429)
    with caplog.at_level(logging.DEBUG, logger="nlshell.http"):
        client.chat(MESSAGES, model=FREE)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "POST http://127.0.0.1" in text and "/chat/completions attempt 1: HTTP 429" in text
    assert "attempt 2: HTTP 200" in text
    assert KEY not in text and "Bearer" not in text


# -- streaming -------------------------------------------------------------------------------

chunk = FakeOpenRouter.chunk


def test_stream_joins_deltas_and_skips_comments(fake_server, client):
    fake_server.stream([
        ": OPENROUTER PROCESSING",
        chunk("", role="assistant"),
        ": OPENROUTER PROCESSING",
        chunk("tar -x"),
        chunk("zf a.tgz"),
        chunk("", finish_reason="stop", model=FREE),
        {"id": "gen-fake-stream", "choices": [], "usage": {"prompt_tokens": 9, "completion_tokens": 4}},
        "[DONE]",
    ])
    stream = client.stream_chat(MESSAGES, model=FREE)
    assert list(stream) == ["tar -x", "zf a.tgz"]
    assert (stream.finish_reason, stream.model, stream.usage.completion_tokens) == ("stop", FREE, 4)
    sent = fake_server.chat_requests[0]
    assert sent.json["stream"] is True and sent.headers["Accept"] == "text/event-stream"


def test_stream_handles_crlf_and_multi_line_data(fake_server, client):
    fake_server.stream([
        ': keep-alive\r\n\r\n',
        'data: {"choices": [{"delta": {"content": "ls"}}]}\r\n\r\n',
        'data: {"choices":\ndata: [{"delta": {"content": " -la"}}]}\n\n',
        "event: ping\ndata: not json at all\n\n",
        "data: [DONE]\r\n\r\n",
    ])
    assert "".join(client.stream_chat(MESSAGES, model=FREE)) == "ls -la"


def test_stream_error_chunk_after_text_raises_stream_error(fake_server, client):
    fake_server.stream([
        chunk("git status"),
        {"id": "gen-abc123", "object": "chat.completion.chunk", "model": "openai/gpt-4o", "provider": "OpenAI",
         "error": {"code": 429, "message": "Rate limit exceeded", "metadata": {"error_type": "rate_limit_exceeded"}},
         "choices": [{"index": 0, "delta": {"content": ""}, "finish_reason": "error"}]},
    ])
    got: list[str] = []
    exc = expect(E.StreamError, lambda: got.extend(client.stream_chat(MESSAGES, model=FREE)))
    assert got == ["git status"]
    assert "stopped part-way" in exc.message and "Rate limit exceeded" in exc.message
    assert exc.status == 429 and len(fake_server.chat_requests) == 1


def test_stream_error_before_any_text_is_retried_as_itself(fake_server, client, waits):
    for _ in range(3):
        fake_server.stream([": OPENROUTER PROCESSING",
                            chunk(None, finish_reason="error",
                                  error={"code": "server_error", "message": "Provider disconnected unexpectedly"})])
    exc = expect(E.ServerError, lambda: list(client.stream_chat(MESSAGES, model=FREE)))
    assert "Provider disconnected unexpectedly" in exc.message
    assert len(fake_server.chat_requests) == 3 and waits == [0.3, 0.8]


@pytest.mark.parametrize("events", [[": OPENROUTER PROCESSING", ": OPENROUTER PROCESSING"],
                                    [chunk("", role="assistant"), "[DONE]"]])
def test_stream_without_text_is_empty(fake_server, client, events):
    fake_server.stream(events)
    expect(E.EmptyResponseError, lambda: list(client.stream_chat(MESSAGES, model=FREE)))
    assert len(fake_server.chat_requests) == 1


def test_stream_spent_on_reasoning(fake_server, client):
    fake_server.stream([chunk("", finish_reason="length",
                              usage={"completion_tokens": 64, "completion_tokens_details": {"reasoning_tokens": 64}}),
                        "[DONE]"])
    exc = expect(E.EmptyResponseError, lambda: list(client.stream_chat(MESSAGES, model=FREE)))
    assert "reasoning" in exc.message and "(64 reasoning tokens)" in exc.message


def test_stream_dropped_after_text(fake_server, client):
    fake_server.stream([chunk("ls"), chunk(" -l")], drop=True)
    got: list[str] = []
    exc = expect(E.StreamError, lambda: got.extend(client.stream_chat(MESSAGES, model=FREE)))
    assert got == ["ls", " -l"]
    assert "closed before the reply was complete" in exc.message
    assert len(fake_server.chat_requests) == 1


def test_stream_dropped_before_text_is_retried(fake_server, client, waits):
    fake_server.stream([": OPENROUTER PROCESSING"], drop=True)
    fake_server.stream([chunk("whoami"), "[DONE]"])
    assert list(client.stream_chat(MESSAGES, model=FREE)) == ["whoami"]
    assert waits == [0.3]


def test_stream_errors_before_the_stream_are_plain_json(fake_server, client):
    fake_server.respond(401, body={"error": {"code": 401, "message": "No auth credentials found"}})
    expect(E.AuthError, lambda: list(client.stream_chat(MESSAGES, model=FREE)))


def test_stream_from_a_server_that_ignores_stream(fake_server, client):
    fake_server.respond(200, body=completion("uname -a", model="local"))
    stream = client.stream_chat(MESSAGES, model=FREE)
    assert list(stream) == ["uname -a"] and stream.model == "local"


def test_stream_sends_nothing_until_iterated(fake_server, client):
    stream = client.stream_chat(MESSAGES, model=FREE)
    assert fake_server.requests == []
    assert next(stream) == "ls -la"
    stream.close()


SSE_CASES = [
    ("lf", b"data: a\n\ndata: b\n\n", ["a", "b"]),
    ("crlf", b"data: a\r\n\r\ndata: b\r\n\r\n", ["a", "b"]),
    ("cr", b"data: a\r\rdata: b\r\r", ["a", "b"]),
    ("comments", b": OPENROUTER PROCESSING\n\n:x\ndata: a\n\n", ["a"]),
    ("multi-line", b"data: {\"x\":\ndata: 1}\n\n", ['{"x":\n1}']),
    ("no space", b"data:a\n\n", ["a"]),
    ("other fields", b"event: message\nid: 7\nretry: 10\ndata: a\n\n", ["a"]),
    ("no final blank line", b"data: a\n\ndata: b", ["a", "b"]),
    ("utf-8 split", "data: é→✓\n\n".encode(), ["é→✓"]),
]


@pytest.mark.parametrize("case, raw, events", SSE_CASES, ids=[c[0] for c in SSE_CASES])
def test_sse_decoder_at_every_split(case, raw, events):
    for cut in range(len(raw) + 1):
        decoder = SSEDecoder()
        got = decoder.feed(raw[:cut]) + decoder.feed(raw[cut:]) + decoder.flush()
        assert got == events, f"split at {cut}"


# -- models and key --------------------------------------------------------------------------


def test_models_parse_prices_free_marker_and_reasoning(fake_server, client):
    models = {m.id: m for m in client.models()}
    assert fake_server.requests[0].method == "GET" and fake_server.requests[0].path == "/api/v1/models"
    coder = models["qwen/qwen3-coder:free"]
    assert (coder.is_free, coder.prompt_price, coder.context_length, coder.reasoning) == (True, 0.0, 262144, False)
    mini = models["openai/gpt-4o-mini"]
    assert (mini.is_free, mini.prompt_price, mini.completion_price) == (False, 0.00000015, 0.0000006)
    assert models["openai/gpt-oss-120b:free"].reasoning and not models["openai/gpt-oss-120b:free"].reasoning_mandatory
    assert models["google/gemini-3.5-flash"].reasoning_mandatory
    assert models["openrouter/auto"].prompt_price is None and not models["openrouter/auto"].is_free


def test_models_from_a_local_server(fake_server):
    fake_server.models_data = {"object": "list", "data": [
        {"id": "llama3.2:latest", "object": "model", "created": 1, "owned_by": "library"}, "junk", {"no": "id"}]}
    with OpenRouterClient(f"{fake_server.root_url}/v1") as c:
        (model,) = c.models()
    assert (model.id, model.name, model.prompt_price, model.is_free) == ("llama3.2:latest", "llama3.2:latest",
                                                                         None, False)


def test_models_404_says_the_server_lists_none(fake_server, client):
    fake_server.respond(404, body="not found", content_type="text/plain", path="/models")
    exc = expect(E.ApiError, client.models)
    assert "does not list models" in exc.message


def test_models_names_are_made_printable(fake_server, client):
    fake_server.models_data = {"data": [{"id": "evil/m", "name": "Evil\x1b[31m Model\u202e"}]}
    (model,) = client.models()
    assert model.name == "Evil\\x1b[31m ModelU+202E"


def test_key_info(fake_server, client):
    info = client.key_info()
    assert (info.label, info.is_free_tier, info.usage, info.limit) == ("sk-or-v1-0e6...cafe", True, 0.0123, None)
    assert fake_server.requests[-1].path == "/api/v1/key"
    assert fake_server.requests[-1].headers["Authorization"] == f"Bearer {KEY}"


def test_key_info_falls_back_to_auth_key(fake_server, client):
    fake_server.respond(404, path="/key")
    fake_server.key_data = {"data": {"label": "old", "usage": 1.5, "limit": 10, "limit_remaining": 8.5,
                                     "is_free_tier": False}}
    info = client.key_info()
    assert (info.label, info.limit, info.limit_remaining, info.is_free_tier) == ("old", 10.0, 8.5, False)
    assert [r.path for r in fake_server.requests] == ["/api/v1/key", "/api/v1/auth/key"]


def test_key_info_with_a_bad_key(fake_server, client):
    fake_server.respond(401, path="/key")
    expect(E.AuthError, client.key_info)


# -- pure parts: error bodies, retry policy --------------------------------------------------

ERROR_BODIES = [
    # status, body, expected class, expected effective status
    (400, {"error": {"code": 400, "message": "bad"}}, E.BadRequestError, 400),
    (400, {"error": {"code": "400", "message": "bad"}}, E.BadRequestError, 400),
    (429, {"error": {"code": "rate_limited", "message": "slow down"}}, E.RateLimitedError, 429),
    (400, {"error": {"message": "x", "http_status": 404}}, E.ModelNotFoundError, 404),
    (503, {"error": {"message": "busy"}}, E.ServerError, 503),
    (503, None, E.ServerError, 503),
    (200, {"error": {"code": 429, "message": "Rate limit exceeded"}}, E.RateLimitedError, 429),
    (200, {"error": {"code": "server_error", "message": "Provider disconnected"}}, E.ServerError, 500),
    (200, {"error": {"code": 200, "message": "odd"}}, E.ServerError, 502),
    (200, {"error": {"message": "?", "metadata": {"error_type": "provider_overloaded"}}}, E.ServerError, 503),
    (404, {"error": "model 'llama9' not found, try pulling it first"}, E.ModelNotFoundError, 404),
    (422, {"detail": "Unprocessable"}, E.BadRequestError, 422),
    (418, "not json", E.BadRequestError, 418),
    (200, {"error": {"code": 400, "message": "bad", "metadata": {"error_type": "content_policy_violation"}}},
     E.ModerationError, 400),
    (503, {"error": {"code": 503, "message": "x", "availability": {"code": "temporarily_unavailable",
                                                                   "retryable": True, "retry_after": 4}}},
     E.ServerError, 503),
]


@pytest.mark.parametrize("status, body, error_class, effective", ERROR_BODIES)
def test_error_from_body(status, body, error_class, effective):
    exc = error_from_body(status, body, model="m") if not isinstance(body, str) else \
        error_from_body(status, None, model="m", text=body)
    assert type(exc) is error_class
    assert exc.status == effective
    assert exc.retryable == (effective in E.RETRYABLE_STATUSES)


@pytest.mark.parametrize("metadata", [{"reasons": "violence"}, {"reasons": None}, {"reasons": [1, {"x": 2}]}])
def test_odd_moderation_metadata_does_not_garble_the_message(metadata):
    exc = error_from_body(403, {"error": {"code": 403, "message": "flagged", "metadata": metadata}})
    assert type(exc) is E.ModerationError
    assert "v, i" not in exc.message and "(HTTP 403: flagged)" in exc.message


def test_fallback_models_that_are_not_a_list_are_ignored():
    exc = error_from_body(404, {"error": {"message": "gone", "availability": {"code": "model_deprecated",
                                                                                "fallback_models": "abc"}}})
    assert type(exc) is E.ModelNotFoundError and exc.fallback_models == []
    assert "retired" in exc.message and "models --free" in exc.hint


def test_error_from_body_keeps_retry_after_from_availability():
    exc = error_from_body(503, {"error": {"code": 503, "message": "x",
                                            "availability": {"code": "temporarily_unavailable", "retry_after": 4}}})
    assert exc.retry_after == 4.0


def test_error_from_body_availability_not_retryable_wins():
    exc = error_from_body(429, {"error": {"code": 429, "availability": {"code": "capacity_exhausted",
                                                                          "retryable": False}}})
    assert isinstance(exc, E.RateLimitedError) and not exc.retryable


def test_server_text_is_one_safe_capped_line():
    evil = "line one\nline two\x1b[2J\u202eevil\x00" + "x" * 1000
    exc = error_from_body(400, {"error": {"code": 400, "message": evil}})
    assert "\n" not in exc.message and "\x1b" not in exc.message and "\u202e" not in exc.message
    assert "\\x1b[2J" in exc.message and "U+202E" in exc.message and "\\x00" in exc.message
    assert len(exc.message) < 400


@pytest.mark.parametrize(
    "failed_attempt, retry_after, expected",
    [(1, None, 0.3), (2, None, 0.8), (1, 0.1, 0.3), (1, 2, 2), (2, 5.5, 5.5), (1, 3600, 10.0), (2, 11, 10.0)],
)
def test_wait_schedule(failed_attempt, retry_after, expected):
    assert wait_seconds(failed_attempt, retry_after) == expected


@pytest.mark.parametrize(
    "header, expected",
    [
        ("2", 2.0),
        (" 1.5 ", 1.5),
        ("0", 0.0),
        ("-3", 0.0),
        ("Thu, 01 Jan 1970 00:01:40 GMT", 60.0),  # now = 40
        ("Thu, 01 Jan 1970 00:00:10 GMT", 0.0),  # in the past
        ("soon", None),
        ("", None),
        (None, None),
        ("inf", None),
    ],
)
def test_parse_retry_after(header, expected):
    assert parse_retry_after(header, now=40.0) == expected


def test_retries_reraise_the_last_error_itself():
    calls: list[int] = []
    slept: list[float] = []

    def failing(attempt: int):
        calls.append(attempt)
        raise E.ServerError(f"attempt {attempt}", status=503)

    with pytest.raises(E.ServerError, match="attempt 3"):
        call_with_retries(failing, sleep=slept.append)
    assert calls == [1, 2, 3] and slept == [0.3, 0.8]


@pytest.mark.parametrize("error", [ValueError("bug"), E.RequestTimeoutError("slow"), E.AuthError("no")])
def test_other_errors_are_not_retried(error):
    calls: list[int] = []

    def failing(attempt: int):
        calls.append(attempt)
        raise error

    with pytest.raises(type(error)):
        call_with_retries(failing, sleep=lambda s: None)
    assert calls == [1]


@pytest.mark.e2e
def test_errors_module_does_not_import_httpx_or_tenacity():
    code = "import sys, nlshell.openrouter.errors; print(sorted({'httpx', 'tenacity'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out.replace("'", '"')) == []
