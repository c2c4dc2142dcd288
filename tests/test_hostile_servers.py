"""Servers that never finish, and replies that explode: real sockets on 127.0.0.1.

A per-read timeout does not stop a server that sends a byte a second, and SSE keep-alive comments
are bytes too: each request has a whole deadline ([provider] deadline, 60 s by default), and a
stream ends when no new text has come for the read timeout. A body is decoded layer by layer and
every layer's output counts against the reply cap, so `Content-Encoding: gzip, gzip` (a few
kilobytes on the wire, gigabytes decoded) costs no memory.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest

from conftest import FAKE_KEY

NLSHELL = [sys.executable, "-m", "nlshell"]
REPLY = {"id": "gen-1", "model": "fake/model", "choices": [{"index": 0, "message": {"role": "assistant",
                                                                                   "content": "ls -la"},
                                                            "finish_reason": "stop"}]}


class RawServer:
    """A listener on 127.0.0.1 that hands each connection, once its request has been read, to
    `behave(conn, stop)`; `stop` is set when the test ends, so nothing outlives it."""

    def __init__(self, behave) -> None:
        self.behave = behave
        self.stop = threading.Event()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.base_url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/api/v1"
        self.connections = 0
        self.threads: list[threading.Thread] = []
        self.accepter = threading.Thread(target=self._accept, daemon=True)
        self.accepter.start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            thread.start()
            self.threads.append(thread)

    def _serve(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(5)
            request = b""
            while b"\r\n\r\n" not in request:
                request += conn.recv(65536)
            head, _, body = request.partition(b"\r\n\r\n")
            length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                           if line.lower().startswith(b"content-length:")), 0)
            while len(body) < length:
                body += conn.recv(65536)
            self.behave(conn, self.stop)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.sock.close()
        self.accepter.join(2)
        for thread in self.threads:
            thread.join(2)


@pytest.fixture
def raw_server():
    servers: list[RawServer] = []

    def make(behave) -> RawServer:
        servers.append(RawServer(behave))
        return servers[-1]

    yield make
    for server in servers:
        server.close()


def trickle(conn: socket.socket, stop: threading.Event, data: bytes, every: float = 0.3) -> None:
    """Send `data` one byte at a time, a little apart, until it is all out or the test ends."""
    for byte in data:
        if stop.wait(every):
            return
        conn.sendall(bytes([byte]))


def headers_a_byte_at_a_time(conn, stop) -> None:
    trickle(conn, stop, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: " + b"x" * 100_000)


def body_a_byte_at_a_time(conn, stop) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
    while not stop.wait(0.3):
        conn.sendall(b"1\r\n \r\n")


def config_with(tmp_path: Path, **provider) -> dict:
    path = tmp_path / "config.toml"
    path.write_text("[provider]\n" + "".join(f"{k} = {v!r}\n" for k, v in provider.items()))
    return {"NLSHELL_CONFIG": str(path)}


def run(argv: list[str], env: dict, timeout: float = 45) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    r = subprocess.run([*NLSHELL, *argv], env={**os.environ, **env}, capture_output=True, text=True, timeout=timeout,
                       stdin=subprocess.DEVNULL)
    return r, time.monotonic() - started


@pytest.mark.parametrize("behave", [headers_a_byte_at_a_time, body_a_byte_at_a_time], ids=["headers", "body"])
@pytest.mark.parametrize("front", [["-p"], ["--json"], ["--widget", "bash"]], ids=["print", "json", "widget"])
def test_a_trickling_server_cannot_stretch_a_request_past_its_deadline(raw_server, tmp_path, behave, front):
    server = raw_server(behave)
    env = {"OPENROUTER_API_KEY": FAKE_KEY, "OPENROUTER_BASE_URL": server.base_url,
           **config_with(tmp_path, deadline=3.0, timeout=30.0)}
    r, took = run([*front, "list files"], env)
    assert (r.returncode, r.stdout) == (1, ""), r
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and f"no complete reply from {server.base_url[7:].split('/')[0]} within 3 s" in lines[0], r
    assert "deadline" in lines[0] and "Traceback" not in r.stderr, r
    assert 2.5 < took < 15, took
    assert server.connections == 1  # a deadline is not retried


def sse_keepalive_forever(text_first: bool):
    def behave(conn, stop) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
        if text_first:
            event = b'data: {"choices":[{"delta":{"content":"`ls` lists files"}}]}\n\n'
            conn.sendall(b"%x\r\n%s\r\n" % (len(event), event))
        while not stop.wait(0.3):
            comment = b": OPENROUTER PROCESSING\n\n"
            conn.sendall(b"%x\r\n%s\r\n" % (len(comment), comment))
    return behave


@pytest.mark.parametrize("text_first", [False, True], ids=["no-text", "text-then-silence"])
def test_keep_alive_comments_end_a_stream_after_the_read_timeout(raw_server, tmp_path, text_first):
    server = raw_server(sse_keepalive_forever(text_first))
    env = {"OPENROUTER_API_KEY": FAKE_KEY, "OPENROUTER_BASE_URL": server.base_url,
           **config_with(tmp_path, timeout=2.0, deadline=600.0)}
    r, took = run(["explain", "ls"], env)
    assert r.returncode == 1, r
    assert r.stdout.startswith("`ls` lists files") if text_first else r.stdout == "", r
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and "no new text from 127.0.0.1:" in lines[0] and "for 2 s" in lines[0], r
    assert 1.5 < took < 15, took


def test_a_stream_that_keeps_sending_text_is_not_cut_by_the_deadline(fake_server, tmp_path):
    words = [fake_server.chunk(f"word{i} ") for i in range(12)]
    fake_server.stream([*words, "[DONE]"], delay_between=0.25)  # 3 s in all, past a 2 s deadline
    env = {"OPENROUTER_API_KEY": FAKE_KEY, "OPENROUTER_BASE_URL": fake_server.base_url,
           **config_with(tmp_path, timeout=1.0, deadline=2.0)}
    r, _took = run(["explain", "ls"], env)
    assert r.returncode == 0 and r.stdout.count("word") == 12, r


def test_the_deadline_is_a_setting_of_60_seconds_by_default(nlshell, tmp_path):
    from nlshell import config
    from nlshell.openrouter.client import OpenRouterClient

    assert config.load().deadline == 60.0
    assert OpenRouterClient("http://127.0.0.1:9/v1").deadline == 60.0
    shown = json.loads(nlshell("config", "show", "--json").stdout)
    assert shown["deadline"] == {"value": 60.0, "source": "default"}


def test_every_connection_pool_is_bound_to_the_deadline(fake_server, monkeypatch):
    """The deadline works by wrapping httpcore's network backend: pinned so an httpx upgrade that
    moves it fails here, not silently in a user's hanging shell."""
    from nlshell.openrouter.client import OpenRouterClient
    from nlshell.openrouter.transport import bind_deadline

    monkeypatch.setenv("HTTP_PROXY", fake_server.root_url)
    with OpenRouterClient(fake_server.base_url, FAKE_KEY) as client:
        http = client.http
        assert bind_deadline(http, client._deadline) == 0  # already bound: the own pool and the proxy's
        pools = [t._pool for t in (http._transport, *http._mounts.values()) if t is not None]
        assert len(pools) >= 2
        assert all(type(p._network_backend).__name__ == "_Backend" for p in pools)


# -- decoding with a cap -------------------------------------------------------------------------


def bomb(size: int, layers: int) -> bytes:
    """`size` zero bytes, gzip-compressed `layers` times (each layer at its best ratio)."""
    data = b"\0" * size
    for _ in range(layers):
        data = gzip.compress(data, compresslevel=9)
    return data


WRAPPER = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:], capture_output=True, text=True, stdin=subprocess.DEVNULL)\n"
    "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr)\n"
    "sys.stderr.write('PEAK %d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(r.returncode)\n"
)


def run_measuring_memory(argv: list[str], env: dict) -> tuple[int, str, str, float]:
    """Exit code, stdout, stderr and peak RSS in MiB of one nlshell process."""
    r = subprocess.run([sys.executable, "-c", WRAPPER, *NLSHELL, *argv], env={**os.environ, **env},
                       capture_output=True, text=True, timeout=120)
    stderr, _, peak = r.stderr.rpartition("PEAK ")
    return r.returncode, r.stdout, stderr, int(peak) / 1024


@pytest.mark.parametrize("layers, encoding", [(2, "gzip, gzip"), (3, "gzip, gzip, gzip"), (1, "gzip")])
def test_a_compression_bomb_is_capped_as_it_is_decoded(fake_server, server_env, layers, encoding):
    body = bomb(256 * 1024 * 1024 if layers > 1 else 64 * 1024 * 1024, layers)
    assert len(body) < 1_000_000
    fake_server.respond(200, body=body, headers={"Content-Encoding": encoding})
    code, out, err, peak_mb = run_measuring_memory(["-p", "list files"], server_env)
    assert (code, out) == (1, ""), err
    assert "too large" in err and len(err.splitlines()) == 1, err
    assert peak_mb < 80, f"peak RSS {peak_mb:.0f} MiB"


def compressed(data: bytes, encoding: str) -> bytes:
    for coding in [c.strip() for c in encoding.split(",")]:
        if coding == "gzip":
            data = gzip.compress(data)
        elif coding == "deflate":
            data = zlib.compress(data)
        elif coding == "raw-deflate":
            squeezer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
            data = squeezer.compress(data) + squeezer.flush()
    return data


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate", "gzip, deflate", "identity"])
def test_compressed_replies_still_work(nlshell, fake_server, server_env, encoding):
    body = compressed(json.dumps(REPLY).encode(), encoding)
    header = "deflate" if encoding == "raw-deflate" else encoding
    fake_server.respond(200, body=body, headers={"Content-Encoding": header})
    r = nlshell("-p", f"list files {encoding}", env=server_env)
    assert (r.returncode, r.stdout) == (0, "ls -la\n"), r
    assert fake_server.chat_requests[0].headers["Accept-Encoding"] == "gzip, deflate"


def test_a_compressed_stream_is_decoded_as_it_arrives(nlshell, fake_server, server_env):
    event = b'data: {"choices":[{"delta":{"content":"lists files"}}]}\n\ndata: [DONE]\n\n'
    fake_server.respond(200, body=gzip.compress(event), content_type="text/event-stream",
                        headers={"Content-Encoding": "gzip"})
    r = nlshell("explain", "ls", env=server_env)
    assert (r.returncode, r.stdout) == (0, "lists files\n"), r


@pytest.mark.parametrize("encoding, says", [("br", "does not read (br)"), ("gzip", "could not be decoded")])
def test_an_unknown_or_broken_encoding_is_one_line(nlshell, fake_server, server_env, encoding, says):
    fake_server.respond(200, body=b"\x1f\x8b\x08\x00garbage-not-gzip" * 4, headers={"Content-Encoding": encoding})
    r = nlshell("-p", "list files", env=server_env)
    assert (r.returncode, r.stdout) == (1, ""), r
    assert says in r.stderr and len(r.stderr.splitlines()) == 1, r


def test_the_decoder_gives_the_same_bytes_whatever_the_chunking():
    from nlshell.openrouter.transport import BodyDecoder

    original = os.urandom(50_000) + b"\0" * 300_000
    wire = gzip.compress(zlib.compress(original))
    for size in (1, 7, 4096, len(wire)):
        decoder = BodyDecoder("deflate, gzip", 10_000_000)
        out = b"".join(b"".join(decoder.feed(wire[i : i + size])) for i in range(0, len(wire), size))
        assert out + b"".join(decoder.finish()) == original, size
