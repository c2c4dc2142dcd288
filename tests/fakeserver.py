"""A real HTTP/1.1 server on 127.0.0.1 that plays OpenRouter (or any OpenAI-compatible server).

A real socket rather than a mocked transport, because keep-alive, timeouts, dropped connections
and SSE framing only show up on one.

    with FakeOpenRouter() as server:          # or the `fake_server` pytest fixture
        server.reply("ls -la")                # the next chat request gets this completion
        server.respond(429, headers={"Retry-After": "2"})
        server.stream([server.chunk("ls"), ": OPENROUTER PROCESSING", server.chunk(" -la"), "[DONE]"])
        client = OpenRouterClient(server.base_url)     # .../api/v1; f"{server.root_url}/v1" works too

Routes are matched on what follows the last `/v1` of the path, so the OpenRouter layout
(`/api/v1/...`) and the local-server layout (`/v1/...`, Ollama, vLLM) both work:
`/chat/completions` (POST), `/models`, `/key` and `/auth/key`; anything else is a JSON 404.

Scripting: every queuing method takes `path=` (default "/chat/completions"); entries for a path
are consumed in order by requests to that path.
- `reply(content, *, model, finish_reason, usage, delay, headers)`: one chat completion
  (`content=None` sends a null content). When the request asked for `stream: true`, the same
  reply is sent as SSE chunks ending in `data: [DONE]`.
- `respond(status=200, *, body, headers, delay, drop_after, content_type)`: any raw response.
  `body` dict/list → JSON, str/bytes → sent as is, None → empty for 2xx, else a standard
  OpenRouter error body for the status. `drop_after=N` sends the headers (with the full
  Content-Length) and N bytes of body, then closes the socket: a connection dropped mid-body.
- `stream(events, *, delay_between, drop, headers)`: an SSE reply with chunked encoding. A dict
  event → `data: {json}`, "[DONE]" → `data: [DONE]`, a str starting with ":" → a comment line;
  any other str is written verbatim (bring your own line endings: CRLF, multi-line data, junk).
  `drop=True` closes the socket without ending the chunked body. `chunk(...)` builds a
  chat.completion.chunk dict.
- `default(content)`: the reply when the chat queue is empty ("ls -la" unless set);
  `default_delay`: seconds before that default reply.
- `/models` and `/key` (and `/auth/key`) answer `models_data` / `key_data` (whole response
  bodies, settable) unless something was queued for that path.

Recording: `requests` (every request: `.method .path .headers` (case-insensitive) `.body` (bytes)
`.json` (parsed or None) `.connection_id`), `chat_requests` (POSTs to chat completions only),
`connections` (TCP connections accepted so far).

Delays wait on an Event: they never block other connections, and stopping the server ends
them at once.

Standalone, for benchmarks and manual use:
    python tests/fakeserver.py [--port N] [--reply TEXT] [--delay S]
prints the base URL as its first stdout line and serves until killed; every chat request gets TEXT.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import threading
import time
from collections import defaultdict, deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CHAT = "/chat/completions"
MODELS = "/models"
KEY = "/key"
AUTH_KEY = "/auth/key"

DEFAULT_MODELS = {
    "data": [
        {
            "id": "qwen/qwen3-coder:free",
            "canonical_slug": "qwen/qwen3-coder-480b-a35b-07-25",
            "name": "Qwen: Qwen3 Coder 480B A35B (free)",
            "created": 1753230546,
            "description": "Qwen3-Coder-480B-A35B-Instruct is a Mixture-of-Experts code generation model.",
            "context_length": 262144,
            "architecture": {
                "modality": "text->text",
                "input_modalities": ["text"],
                "output_modalities": ["text"],
                "tokenizer": "Qwen3",
                "instruct_type": None,
            },
            "pricing": {"prompt": "0", "completion": "0", "request": "0", "image": "0"},
            "top_provider": {"context_length": 262144, "max_completion_tokens": None, "is_moderated": False},
            "per_request_limits": None,
            "supported_parameters": ["max_tokens", "temperature", "top_p", "stop", "tools", "seed"],
        },
        {
            "id": "meta-llama/llama-3.3-70b-instruct:free",
            "canonical_slug": "meta-llama/llama-3.3-70b-instruct",
            "name": "Meta: Llama 3.3 70B Instruct (free)",
            "created": 1733506137,
            "description": "The Meta Llama 3.3 multilingual large language model.",
            "context_length": 131072,
            "architecture": {"modality": "text->text", "tokenizer": "Llama3", "instruct_type": "llama3"},
            "pricing": {"prompt": "0", "completion": "0"},
            "top_provider": {"context_length": 131072, "max_completion_tokens": 2048, "is_moderated": False},
            "per_request_limits": None,
            "supported_parameters": ["max_tokens", "temperature", "stop"],
        },
        {
            "id": "openai/gpt-4o-mini",
            "canonical_slug": "openai/gpt-4o-mini",
            "name": "OpenAI: GPT-4o-mini",
            "created": 1721260800,
            "description": "GPT-4o mini is OpenAI's most cost-efficient small model.",
            "context_length": 128000,
            "architecture": {"modality": "text+image->text", "tokenizer": "GPT", "instruct_type": None},
            "pricing": {"prompt": "0.00000015", "completion": "0.0000006", "input_cache_read": "0.000000075"},
            "top_provider": {"context_length": 128000, "max_completion_tokens": 16384, "is_moderated": True},
            "per_request_limits": None,
            "supported_parameters": ["max_tokens", "temperature", "stop", "response_format", "seed"],
        },
        {
            "id": "openai/gpt-oss-120b:free",
            "canonical_slug": "openai/gpt-oss-120b",
            "name": "OpenAI: gpt-oss-120b (free)",
            "created": 1754414231,
            "context_length": 131072,
            "architecture": {"modality": "text->text", "tokenizer": "GPT", "instruct_type": None},
            "pricing": {"prompt": "0", "completion": "0"},
            "top_provider": {"context_length": 131072, "max_completion_tokens": 32768, "is_moderated": False},
            "per_request_limits": None,
            "supported_parameters": ["max_tokens", "temperature", "reasoning", "include_reasoning"],
            "reasoning": {
                "mandatory": False,
                "default_enabled": True,
                "default_effort": "medium",
                "supported_efforts": ["low", "medium", "high"],
            },
        },
        {
            "id": "google/gemini-3.5-flash",
            "canonical_slug": "google/gemini-3.5-flash",
            "name": "Google: Gemini 3.5 Flash",
            "created": 1770000000,
            "context_length": 1048576,
            "architecture": {"modality": "text+image->text", "tokenizer": "Gemini", "instruct_type": None},
            "pricing": {"prompt": "0.0000003", "completion": "0.0000025", "internal_reasoning": "0.0000025"},
            "top_provider": {"context_length": 1048576, "max_completion_tokens": 65536, "is_moderated": False},
            "per_request_limits": None,
            "supported_parameters": ["max_tokens", "temperature", "reasoning", "stop"],
            "reasoning": {"mandatory": True, "default_enabled": True, "supported_efforts": ["low", "high"]},
        },
        {
            "id": "openrouter/auto",
            "canonical_slug": "openrouter/auto",
            "name": "Auto Router",
            "created": 1699401600,
            "context_length": 2000000,
            "architecture": {"modality": "text->text", "tokenizer": "Router", "instruct_type": None},
            "pricing": {"prompt": "-1", "completion": "-1"},
            "top_provider": {"context_length": None, "max_completion_tokens": None, "is_moderated": False},
            "per_request_limits": None,
            "supported_parameters": [],
        },
    ]
}

DEFAULT_KEY = {
    "data": {
        "label": "sk-or-v1-0e6...cafe",
        "limit": None,
        "limit_reset": None,
        "limit_remaining": None,
        "include_byok_in_limit": False,
        "usage": 0.0123,
        "usage_daily": 0.001,
        "usage_weekly": 0.004,
        "usage_monthly": 0.0123,
        "byok_usage": 0,
        "byok_usage_daily": 0,
        "byok_usage_weekly": 0,
        "byok_usage_monthly": 0,
        "is_free_tier": True,
        "is_management_key": False,
        "is_provisioning_key": False,
        "expires_at": None,
        "rate_limit": {"requests": -1, "interval": "10s", "note": "This field is deprecated and safe to ignore."},
    }
}

_REASONS = {
    400: "Bad Request",
    401: "User not found.",
    402: "Insufficient credits",
    403: "Forbidden",
    404: "Not Found",
    408: "Operation timed out. Please try again later.",
    429: "Rate limit exceeded",
    500: "Internal Server Error",
    502: "Provider returned error",
    503: "Service temporarily unavailable",
    524: "Provider request timed out",
    529: "Provider Overloaded",
}


class Headers(dict):
    """Request headers, looked up case-insensitively (keys are stored lower-case)."""

    def __init__(self, pairs=()) -> None:
        super().__init__((k.lower(), v) for k, v in pairs)

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())

    def get(self, key: str, default=None):
        return super().get(key.lower(), default)


class RecordedRequest:
    """One request as the server saw it."""

    def __init__(self, method: str, path: str, headers: Headers, body: bytes, connection_id: int) -> None:
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.connection_id = connection_id
        try:
            self.json = json.loads(body) if body else None
        except ValueError:
            self.json = None

    def __repr__(self) -> str:
        return f"<{self.method} {self.path} conn={self.connection_id} {len(self.body)}B>"


class _Entry:
    """A scripted response waiting in a queue."""

    def __init__(self, kind: str, **params) -> None:
        self.kind = kind
        self.params = params


def _route(path: str) -> str:
    path = path.split("?", 1)[0].rstrip("/")
    at = path.rfind("/v1/")
    return path[at + 3 :] if at >= 0 else path


def _norm_path(path: str) -> str:
    return path if path.startswith("/") else "/" + path


def _error_body(status: int) -> dict:
    return {"error": {"code": status, "message": _REASONS.get(status, f"HTTP {status}")}}


class FakeOpenRouter:
    """See the module docstring."""

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0, record: bool = True) -> None:
        self.models_data: dict = json.loads(json.dumps(DEFAULT_MODELS))
        self.key_data: dict = json.loads(json.dumps(DEFAULT_KEY))
        self.requests: list[RecordedRequest] = []
        self.default_delay = 0.0
        self._record_requests = record
        self._default_content: str | None = "ls -la"
        self._queues: dict[str, deque] = defaultdict(deque)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._sockets: dict[int, socket.socket] = {}
        self._connection_count = 0
        self._completion_count = 0
        self._httpd = _Server((host, port), _Handler)
        self._httpd.fake = self
        self.port: int = self._httpd.server_address[1]
        self.root_url = f"http://{host}:{self.port}"
        self.base_url = f"{self.root_url}/api/v1"
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> FakeOpenRouter:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(5)
            self._thread = None
        with self._lock:
            open_sockets = list(self._sockets.values())
        for sock in open_sockets:  # wake handlers blocked on idle keep-alive connections
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._httpd.server_close()

    def __enter__(self) -> FakeOpenRouter:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- scripting ---------------------------------------------------------------------------

    def reply(
        self,
        content: str | None,
        *,
        model: str = "fake/model",
        finish_reason: str | None = "stop",
        usage: dict | None = None,
        delay: float = 0.0,
        headers: dict | None = None,
        path: str = CHAT,
    ) -> None:
        self._queue(path, _Entry("reply", content=content, model=model, finish_reason=finish_reason,
                                 usage=usage, delay=delay, headers=headers))

    def respond(
        self,
        status: int = 200,
        *,
        body=None,
        headers: dict | None = None,
        delay: float = 0.0,
        drop_after: int | None = None,
        content_type: str | None = None,
        path: str = CHAT,
    ) -> None:
        self._queue(path, _Entry("respond", status=status, body=body, headers=headers, delay=delay,
                                 drop_after=drop_after, content_type=content_type))

    def stream(
        self,
        events: list,
        *,
        delay_between: float = 0.0,
        drop: bool = False,
        headers: dict | None = None,
        path: str = CHAT,
    ) -> None:
        self._queue(path, _Entry("stream", events=list(events), delay_between=delay_between, drop=drop,
                                 headers=headers))

    def default(self, content: str | None) -> None:
        self._default_content = content

    @staticmethod
    def chunk(
        content: str | None = None,
        *,
        finish_reason: str | None = None,
        model: str = "fake/model",
        usage: dict | None = None,
        error: dict | None = None,
        role: str | None = None,
    ) -> dict:
        """A chat.completion.chunk as OpenRouter streams it."""
        delta: dict = {}
        if role:
            delta["role"] = role
        if content is not None:
            delta["content"] = content
        chunk: dict = {
            "id": "gen-fake-stream",
            "provider": "Fake",
            "model": model,
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
        }
        if usage is not None:
            chunk["usage"] = usage
        if error is not None:
            chunk["error"] = error
        return chunk

    # -- recording ---------------------------------------------------------------------------

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.method == "POST" and _route(r.path) == CHAT]

    @property
    def connections(self) -> int:
        return self._connection_count

    # -- internals ---------------------------------------------------------------------------

    def _queue(self, path: str, entry: _Entry) -> None:
        with self._lock:
            self._queues[_norm_path(path)].append(entry)

    def _take(self, route: str) -> _Entry | None:
        with self._lock:
            queue = self._queues.get(route)
            return queue.popleft() if queue else None

    def _connection_opened(self, sock: socket.socket) -> int:
        with self._lock:
            self._connection_count += 1
            self._sockets[self._connection_count] = sock
            return self._connection_count

    def _connection_closed(self, connection_id: int) -> None:
        with self._lock:
            self._sockets.pop(connection_id, None)

    def _record(self, request: RecordedRequest) -> None:
        if self._record_requests:
            with self._lock:
                self.requests.append(request)

    def _entry_for(self, method: str, route: str) -> _Entry:
        entry = self._take(route)
        if entry is not None:
            return entry
        if route == CHAT:
            if method != "POST":
                return _Entry("respond", status=405, body=_error_body(405))
            return _Entry("reply", content=self._default_content, model="fake/model", finish_reason="stop",
                          usage=None, delay=self.default_delay, headers=None)
        if route == MODELS:
            return _Entry("respond", status=200, body=self.models_data)
        if route in (KEY, AUTH_KEY):
            return _Entry("respond", status=200, body=self.key_data)
        return _Entry("respond", status=404, body={"error": {"code": 404, "message": f"no route for {route}"}})

    def _completion(self, content, model, finish_reason, usage) -> dict:
        with self._lock:
            self._completion_count += 1
            number = self._completion_count
        if usage is None:
            completion_tokens = max(1, len(content or "") // 4)
            usage = {"prompt_tokens": 42, "completion_tokens": completion_tokens,
                     "total_tokens": 42 + completion_tokens, "cost": 0}
        return {
            "id": f"gen-fake-{number}",
            "provider": "Fake",
            "model": model,
            "object": "chat.completion",
            "created": int(time.time()),
            "choices": [
                {
                    "index": 0,
                    "logprobs": None,
                    "finish_reason": finish_reason,
                    "native_finish_reason": finish_reason,
                    "message": {"role": "assistant", "content": content, "refusal": None, "reasoning": None},
                }
            ],
            "usage": usage,
        }


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeOpenRouter

    def handle_error(self, request, client_address) -> None:
        # Broken pipes and resets are part of the script (dropped connections, clients giving up).
        if isinstance(sys.exc_info()[1], OSError) or self.fake._stopping.is_set():
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes: no 40 ms stalls
    timeout = 60  # an idle keep-alive connection ends eventually even if nobody stops the server
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.connection_id = self.server.fake._connection_opened(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.fake._connection_closed(self.connection_id)

    def log_message(self, format, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self._dispatch()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    def _dispatch(self) -> None:
        fake = self.server.fake
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        request = RecordedRequest(self.command, self.path, Headers(self.headers.items()), body,
                                  self.connection_id)
        fake._record(request)
        route = _route(self.path)
        entry = fake._entry_for(self.command, route)
        try:
            if entry.kind == "reply":
                self._send_reply(entry.params, request)
            elif entry.kind == "stream":
                self._send_stream(**entry.params)
            else:
                self._send_raw(**entry.params)
        except OSError:
            self.close_connection = True

    def _wait(self, seconds: float) -> bool:
        """Sleep unless the server is stopping; True when the caller should give up."""
        return bool(seconds) and self.server.fake._stopping.wait(seconds)

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _send_reply(self, params: dict, request: RecordedRequest) -> None:
        fake = self.server.fake
        body = fake._completion(params["content"], params["model"], params["finish_reason"], params["usage"])
        wants_stream = isinstance(request.json, dict) and request.json.get("stream") is True
        if not wants_stream:
            self._send_raw(200, body=body, headers=params["headers"], delay=params["delay"])
            return
        if self._wait(params["delay"]):
            return self._drop()
        content = params["content"] or ""
        pieces = [content[i : i + 8] for i in range(0, len(content), 8)]
        events: list = [fake.chunk("", role="assistant", model=params["model"])]
        events += [fake.chunk(piece, model=params["model"]) for piece in pieces]
        events.append(fake.chunk("", finish_reason=params["finish_reason"], model=params["model"],
                                 usage=body["usage"]))
        events.append("[DONE]")
        self._send_stream(events, headers=params["headers"])

    def _send_raw(self, status: int = 200, *, body=None, headers=None, delay: float = 0.0,
                  drop_after: int | None = None, content_type: str | None = None) -> None:
        if self._wait(delay):
            return self._drop()
        if body is None:
            body = b"" if 200 <= status < 300 else _error_body(status)
        if isinstance(body, str):
            payload = body.encode("utf-8")
        elif isinstance(body, bytes | bytearray):
            payload = bytes(body)
        else:
            payload = json.dumps(body).encode("utf-8")
        out = {"Content-Type": content_type or "application/json", "Content-Length": str(len(payload))}
        self._start(status, out, headers)
        if drop_after is not None:
            self.wfile.write(payload[:drop_after])
            return self._drop()
        self.wfile.write(payload)

    def _send_stream(self, events: list, *, delay_between: float = 0.0, drop: bool = False,
                     headers=None) -> None:
        out = {"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "Transfer-Encoding": "chunked"}
        self._start(200, out, headers)
        for index, event in enumerate(events):
            if index and self._wait(delay_between):
                return self._drop()
            data = _encode_event(event)
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()
        if drop:
            return self._drop()
        self.wfile.write(b"0\r\n\r\n")

    def _start(self, status: int, defaults: dict, extra: dict | None) -> None:
        merged = {k.lower(): (k, v) for k, v in defaults.items()}
        for k, v in (extra or {}).items():
            merged[k.lower()] = (k, v)
        self.send_response(status)
        for name, value in merged.values():
            self.send_header(name, str(value))
        self.end_headers()


def _encode_event(event) -> bytes:
    if isinstance(event, dict | list):
        return b"data: " + json.dumps(event).encode("utf-8") + b"\n\n"
    if event == "[DONE]":
        return b"data: [DONE]\n\n"
    if isinstance(event, bytes):
        return event
    if event.startswith(":"):
        return event.encode("utf-8") + b"\n\n"
    return event.encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A fake OpenRouter server for benchmarks and manual tests.")
    parser.add_argument("--port", type=int, default=0, help="port to listen on (default: a free one)")
    parser.add_argument("--reply", default="ls -la", help="what every chat request gets")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before each chat reply")
    args = parser.parse_args(argv)
    server = FakeOpenRouter(port=args.port, record=False)
    server.default(args.reply)
    server.default_delay = args.delay
    server.start()
    print(server.base_url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
