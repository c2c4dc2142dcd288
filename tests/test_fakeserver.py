"""The fake server itself: every other HTTP test trusts it, so its promises are checked here."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import httpx
import pytest

from fakeserver import FakeOpenRouter

TESTS_DIR = __import__("pathlib").Path(__file__).resolve().parent


def test_keep_alive_two_requests_one_connection(fake_server):
    with httpx.Client() as client:
        first = client.post(f"{fake_server.base_url}/chat/completions", json={"model": "m"})
        second = client.post(f"{fake_server.base_url}/chat/completions", json={"model": "m"})
    assert first.status_code == second.status_code == 200
    assert fake_server.connections == 1
    assert [r.connection_id for r in fake_server.chat_requests] == [1, 1]


def test_queue_is_consumed_in_order_then_default(fake_server):
    fake_server.reply("first")
    fake_server.respond(503)
    fake_server.default("echo default")
    url = f"{fake_server.base_url}/chat/completions"
    with httpx.Client() as client:
        replies = [client.post(url, json={}) for _ in range(3)]
    assert replies[0].json()["choices"][0]["message"]["content"] == "first"
    assert replies[1].status_code == 503
    assert replies[1].json()["error"]["code"] == 503
    assert replies[2].json()["choices"][0]["message"]["content"] == "echo default"


@pytest.mark.parametrize("prefix", ["/api/v1", "/v1"])
def test_both_url_layouts_route_the_same(fake_server, prefix):
    with httpx.Client(base_url=fake_server.root_url + prefix) as client:
        assert client.post("/chat/completions", json={}).status_code == 200
        assert client.get("/models").json()["data"][0]["id"].endswith(":free")
        assert client.get("/key").json()["data"]["is_free_tier"] is True
        assert client.get("/nothing-here").status_code == 404


def test_queue_for_a_path_does_not_touch_chat(fake_server):
    fake_server.respond(404, path="/key")
    with httpx.Client(base_url=fake_server.base_url) as client:
        assert client.get("/key").status_code == 404
        assert client.get("/auth/key").status_code == 200
        assert client.post("/chat/completions", json={}).status_code == 200


def test_recording_headers_body_and_json(fake_server):
    httpx.post(f"{fake_server.base_url}/chat/completions", json={"model": "x"}, headers={"X-Thing": "1"})
    request = fake_server.chat_requests[0]
    assert request.method == "POST"
    assert request.path == "/api/v1/chat/completions"
    assert request.headers["x-thing"] == request.headers["X-THING"] == "1"
    assert request.json == {"model": "x"}
    assert request.body == b'{"model":"x"}'


def test_reply_becomes_sse_when_the_request_streams(fake_server):
    fake_server.reply("ls -la /tmp")
    response = httpx.post(f"{fake_server.base_url}/chat/completions", json={"stream": True})
    assert response.headers["content-type"] == "text/event-stream"
    assert response.text.rstrip().endswith("data: [DONE]")
    assert response.text.count("data: ") >= 3


def test_drop_after_closes_mid_body(fake_server):
    fake_server.respond(200, body={"choices": []}, drop_after=5)
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.post(f"{fake_server.base_url}/chat/completions", json={})


def test_stream_drop_leaves_the_chunked_body_unfinished(fake_server):
    fake_server.stream([FakeOpenRouter.chunk("ls")], drop=True)
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.post(f"{fake_server.base_url}/chat/completions", json={})


def test_a_delay_does_not_block_other_connections_and_stop_is_prompt():
    server = FakeOpenRouter().start()
    server.respond(200, body={}, delay=30)
    outcome: list = []

    def slow() -> None:
        try:
            httpx.post(f"{server.base_url}/chat/completions", json={}, timeout=60)
        except httpx.HTTPError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=slow, daemon=True)
    thread.start()
    while not server.chat_requests:
        time.sleep(0.01)
    # Another connection is served while the first one waits.
    assert httpx.get(f"{server.base_url}/models").status_code == 200
    server.stop()
    thread.join(5)
    assert not thread.is_alive()
    assert outcome and isinstance(outcome[0], httpx.RemoteProtocolError)


def test_standalone_mode_prints_base_url_and_serves():
    proc = subprocess.Popen(
        [sys.executable, str(TESTS_DIR / "fakeserver.py"), "--reply", "echo standalone"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        base_url = proc.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/api/v1")
        reply = httpx.post(f"{base_url}/chat/completions", json={"model": "m"}, timeout=10)
        assert reply.json()["choices"][0]["message"]["content"] == "echo standalone"
    finally:
        proc.terminate()
        proc.wait(10)
