"""The HTTP client for OpenRouter and any other OpenAI-compatible server (Ollama, llama.cpp, vLLM).

One pooled httpx.Client per instance (the pipeline keeps one instance per process). Every reply
is checked before it reaches the caller: errors in any of the shapes OpenRouter uses become typed
ApiErrors, and empty, cut or partial output is never handed back as a command. OpenRouter's own
extras (attribution headers) go only to OpenRouter; a server that refuses `max_tokens` gets the
request once more with `max_completion_tokens`.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

from nlshell import __version__
from nlshell.config import is_openrouter_url
from nlshell.errors import ConfigError, NlshellError
from nlshell.openrouter.error_body import error_from_body, rejects_max_tokens
from nlshell.openrouter.errors import (
    ApiError,
    BadRequestError,
    ConnectError,
    ConnectionDroppedError,
    MalformedResponseError,
    NoModelListError,
    RequestTimeoutError,
    safe_text,
)
from nlshell.openrouter.replies import chat_payload, chat_result, token_field
from nlshell.openrouter.retry import call_with_retries, retry_after_from
from nlshell.openrouter.stream import ChatStream
from nlshell.openrouter.transport import ACCEPT_ENCODING, Deadline, bind_deadline, decoded_body, too_large
from nlshell.openrouter.types import ChatResult, KeyInfo, ModelInfo
from nlshell.redact import scrub

log = logging.getLogger("nlshell.http")

# OpenRouter's model list is large and growing; it gets more room than a chat reply.
MODELS_MAX_BYTES = 32_000_000
_INVALID = object()  # "the body is not JSON"
_HEADER_SAFE = re.compile(r"[\x21-\x7e]+")
# GET /models answered with one of these: the server has no model list (it may still chat).
_NO_LIST_STATUSES = (404, 405, 501)


class OpenRouterClient:
    """Chat, streamed chat, model list and key info against one base URL.

    `sleep` is what the retry policy waits with (tests pass a recorder); `on_wait(text)` hears of
    each noticeable wait between attempts ("rate limited, retrying in 3 s") and `on_wait(None)`
    when it is over; `transport` replaces the network (httpx.MockTransport) for unit tests.
    `openrouter` says whether the server is OpenRouter (default: judged from the base URL).
    """

    def __init__(
        self,
        base_url: str,
        api_key: str | None = None,
        *,
        read_timeout: float = 30.0,
        connect_timeout: float = 5.0,
        referer: str | None = "https://github.com/nlshell/nlshell",
        title: str | None = "nlshell",
        sleep: Callable[[float], object] = time.sleep,
        transport: httpx.BaseTransport | None = None,
        max_response_bytes: int = 2_000_000,
        user_agent: str = f"nlshell/{__version__}",
        openrouter: bool | None = None,
        on_wait: Callable[[str | None], object] | None = None,
        deadline: float = 60.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key or None
        self.openrouter = is_openrouter_url(self.base_url) if openrouter is None else openrouter
        self.on_wait = on_wait
        # The field the server takes for the reply's token limit; learnt from its first refusal.
        self.max_tokens_field = "max_tokens"
        self.read_timeout = read_timeout
        self.deadline = deadline  # seconds for a whole request, retries included; streams: no text for read_timeout
        self._deadline = Deadline()
        self.connect_timeout = connect_timeout
        self.referer = referer
        self.title = title
        self.max_response_bytes = max_response_bytes
        self.user_agent = user_agent
        self._sleep = sleep
        self._transport = transport
        self._http: httpx.Client | None = None
        self._lock = threading.Lock()
        try:
            parts = urlsplit(self.base_url)
            port = parts.port  # raises for a port that is not a number from 0 to 65535
        except ValueError as exc:
            raise ConfigError(f"the API base URL is not valid ({safe_text(exc, 80)})",
                              "check OPENROUTER_BASE_URL") from None
        if not parts.hostname or any(c.isspace() for c in self.base_url):
            raise ConfigError("the API base URL has no host name, or spaces in it", "check OPENROUTER_BASE_URL")
        self._host = parts.hostname
        self._hostport = f"{self._host}:{port or (443 if parts.scheme == 'https' else 80)}"
        self._shown_base = f"{parts.scheme}://{self._host}{f':{port}' if port else ''}{parts.path}"

    def __repr__(self) -> str:
        return f"OpenRouterClient({self._shown_base!r}, key={'set' if self._api_key else 'none'})"

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def http(self) -> httpx.Client:
        """The pooled connection client, made on first use."""
        if self._http is None:
            with self._lock:
                if self._http is None:
                    self._http = httpx.Client(
                        headers={**self._headers(), "Accept-Encoding": ACCEPT_ENCODING},
                        timeout=httpx.Timeout(self.read_timeout, connect=self.connect_timeout),
                        limits=httpx.Limits(max_keepalive_connections=20, max_connections=20, keepalive_expiry=60),
                        transport=self._transport,
                        follow_redirects=False,
                        verify=self._needs_tls(),
                    )
                    bind_deadline(self._http, self._deadline)
        return self._http

    def _needs_tls(self) -> bool:
        """A plain-http base URL (a local server) never uses TLS: skip loading the CA bundle (~20-30 ms).

        Only when no proxy is configured, since a proxy could be reached over TLS.
        """
        if not self.base_url.lower().startswith("http://"):
            return True
        return any(name.lower().endswith("_proxy") for name in os.environ)

    def close(self) -> None:
        with self._lock:
            if self._http is not None:
                self._http.close()
                self._http = None

    def __enter__(self) -> OpenRouterClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _headers(self) -> dict[str, str]:
        headers = {"Accept": "application/json", "User-Agent": self.user_agent}
        if self._api_key:
            if not _HEADER_SAFE.fullmatch(self._api_key):
                raise ConfigError(
                    "the API key contains spaces or characters that cannot be sent",
                    "check the key (OPENROUTER_API_KEY, .env) or store it again with `nlshell auth login`",
                )
            headers["Authorization"] = f"Bearer {self._api_key}"
        if not self.openrouter:
            return headers  # attribution means something only to OpenRouter
        if self.referer:
            headers["HTTP-Referer"] = self.referer
        if self.title:
            headers["X-OpenRouter-Title"] = self.title
            headers["X-Title"] = self.title
            headers["X-OpenRouter-Categories"] = "cli-agent"
        return headers

    # -- public calls ------------------------------------------------------------------------

    def chat(self, messages: list[dict], **options) -> ChatResult:
        """One complete reply; raises an ApiError subclass for anything that is not a usable answer.

        `options`: `model` (required), `fallback_models`, `temperature`, `max_tokens`, `reasoning`,
        `stop` (see replies.chat_payload).
        """
        payload = chat_payload(messages, **options)
        model = payload["model"]
        url = self._url("/chat/completions")

        def send(body: dict) -> ChatResult:
            def attempt(number: int) -> ChatResult:
                status, headers, data = self._fetch("POST", url, body, number, self.max_response_bytes)
                return chat_result(status, self._checked_json(status, headers, data, model), model, self._context)

            return self._with_retries(attempt)

        return self.with_token_field(payload, send)

    def stream_chat(self, messages: list[dict], **options) -> ChatStream:
        """Text deltas as they arrive (options as for `chat`). Nothing is sent until the first `next()`."""
        payload = chat_payload(messages, **options)
        payload["stream"] = True
        return ChatStream(self, payload, payload["model"])

    def models(self) -> list[ModelInfo]:
        url = self._url("/models")

        def attempt(number: int) -> list[ModelInfo]:
            status, headers, data = self._fetch("GET", url, None, number, max(self.max_response_bytes,
                                                                              MODELS_MAX_BYTES))
            if status in _NO_LIST_STATUSES:
                raise NoModelListError(f"the server at {self._hostport} does not list models (HTTP {status})",
                                       status=status)
            body = self._checked_json(status, headers, data, None)
            entries = body.get("data") if isinstance(body, dict) else body
            if not isinstance(entries, list):
                raise MalformedResponseError("the model list has an unexpected shape (no `data` list)",
                                             status=status)
            return [ModelInfo.from_json(e) for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)]

        return self._with_retries(attempt)

    def key_info(self) -> KeyInfo:
        """The key's label, usage and limits (GET /key; older deployments answer at /auth/key)."""

        def attempt(number: int) -> KeyInfo:
            for path in ("/key", "/auth/key"):
                status, headers, data = self._fetch("GET", self._url(path), None, number, self.max_response_bytes)
                if status != 404:
                    break
            else:
                raise ApiError(f"the server at {self._hostport} has no key information endpoint (HTTP 404)",
                               "key details exist only on OpenRouter; check OPENROUTER_BASE_URL", status=404)
            body = self._checked_json(status, headers, data, None)
            if not isinstance(body, dict) or not isinstance(body.get("data", body), dict):
                raise MalformedResponseError("the key information has an unexpected shape", status=status)
            return KeyInfo.from_json(body)

        return self._with_retries(attempt)

    # -- plumbing ----------------------------------------------------------------------------

    def _url(self, path: str) -> str:
        return self.base_url + path

    def _shown(self, url: str) -> str:
        """A URL fit for logs: no user info, no query."""
        return self._shown_base + url[len(self.base_url):].split("?", 1)[0]

    @property
    def _context(self) -> dict:
        """What the advice in an error message depends on: which server, and whether a key went."""
        return {"openrouter": self.openrouter, "keyed": self._api_key is not None}

    def _with_retries(self, fn):
        message = f"no complete reply from {self._hostport} within {self.deadline:g} s"
        try:
            with self._deadline.until(time.monotonic() + self.deadline, message):
                return call_with_retries(fn, sleep=self._sleep, on_wait=self.on_wait)
        except NlshellError as exc:
            self._scrub(exc)
            raise

    def with_token_field(self, payload: dict, send: Callable[[dict], object]):
        """`send(payload)` with the token limit under the name this server takes.

        OpenRouter takes `max_tokens`. Another server that refuses it by name (OpenAI's reasoning
        models want `max_completion_tokens`) gets the same request once more under the other name,
        and every later request from this client uses that name from the start.
        """
        try:
            return send(token_field(payload, self.max_tokens_field))
        except BadRequestError as exc:
            if self.openrouter or self.max_tokens_field != "max_tokens" or not rejects_max_tokens(exc):
                raise
            log.debug("the server refused max_tokens; sending max_completion_tokens instead")
            self.max_tokens_field = "max_completion_tokens"
            return send(token_field(payload, self.max_tokens_field))

    def _scrub(self, exc: NlshellError) -> None:
        """Whatever a server echoed back, the key never reaches a message."""
        if self._api_key:
            secrets = (self._api_key,)
            exc.message = scrub(exc.message, replacement="[key]", secrets=secrets, min_length=4)
            if exc.hint:
                exc.hint = scrub(exc.hint, replacement="[key]", secrets=secrets, min_length=4)
            exc.args = (exc.message,)

    def _send(self, method: str, url: str, payload: dict | None, attempt: int) -> httpx.Response:
        """Send and return the response with its body unread (the caller closes it)."""
        content = json.dumps(payload).encode() if payload is not None else None
        headers = {"Content-Type": "application/json"} if content is not None else None
        if payload is not None and payload.get("stream"):
            headers["Accept"] = "text/event-stream"
        started = time.monotonic()
        try:
            request = self.http.build_request(method, url, content=content, headers=headers)
            response = self.http.send(request, stream=True)
        except httpx.InvalidURL as exc:
            raise ConfigError(f"the API base URL is not valid ({safe_text(exc)})",
                              "check OPENROUTER_BASE_URL") from None
        except httpx.HTTPError as exc:
            log.debug("%s %s attempt %d failed after %.0f ms: %s", method, self._shown(url), attempt,
                      (time.monotonic() - started) * 1000, type(exc).__name__)
            raise self._transport_error(exc) from exc
        log.debug("%s %s attempt %d: HTTP %d after %.0f ms (request body %d bytes)", method, self._shown(url),
                  attempt, response.status_code, (time.monotonic() - started) * 1000, len(content or b""))
        return response

    def _fetch(self, method: str, url: str, payload: dict | None, attempt: int,
               max_bytes: int) -> tuple[int, httpx.Headers, bytes]:
        response = self._send(method, url, payload, attempt)
        try:
            data = self._read_capped(response, max_bytes)
        except httpx.HTTPError as exc:
            raise self._transport_error(exc) from exc
        finally:
            response.close()
        return response.status_code, response.headers, data

    def _read_capped(self, response: httpx.Response, max_bytes: int) -> bytes:
        """The whole decoded body, or MalformedResponseError as soon as it (or any layer of its
        decoding) passes `max_bytes`."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise too_large(max_bytes, response.status_code)
        buffer = bytearray()
        for chunk in decoded_body(response, max_bytes):
            buffer += chunk
            if len(buffer) > max_bytes:
                raise too_large(max_bytes, response.status_code)
        return bytes(buffer)

    def _transport_error(self, exc: httpx.HTTPError) -> NlshellError:
        where = self._hostport
        expired = self._deadline.passed() if isinstance(exc, httpx.TimeoutException) else None
        if expired:  # a server that trickles bytes or keeps a stream alive without text
            return RequestTimeoutError(expired, "try again later, or raise `deadline` or `timeout` in the "
                                       "[provider] section of the config", retryable=False)
        if isinstance(exc, httpx.ConnectTimeout):
            return ConnectError(f"could not connect to {where} within {self.connect_timeout:g} s")
        if isinstance(exc, httpx.ConnectError):
            text = str(exc)
            lowered = text.lower()
            if any(s in lowered for s in ("name or service", "nodename nor servname", "name resolution",
                                           "getaddrinfo", "no address associated")):
                return ConnectError(f"could not resolve the host {self._host}")
            if "refused" in lowered:
                return ConnectError(f"could not connect to {where} (connection refused)")
            return ConnectError(f"could not connect to {where} ({safe_text(text, 120) or type(exc).__name__})")
        if isinstance(exc, httpx.TimeoutException):  # read, write or pool timeout
            return RequestTimeoutError(f"no reply from {where} within {self.read_timeout:g} s")
        if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError | httpx.CloseError):
            return ConnectionDroppedError(f"the connection to {where} was closed before the reply was complete")
        if isinstance(exc, httpx.UnsupportedProtocol):
            return ConfigError(f"the API base URL {self._shown_base} is not http or https",
                               "check OPENROUTER_BASE_URL")
        if isinstance(exc, httpx.DecodingError):
            return MalformedResponseError(f"the reply from {where} could not be decoded")
        return ApiError(f"the request to {where} failed ({type(exc).__name__})")

    def _checked_json(self, status: int, headers: httpx.Headers, data: bytes, model: str | None):
        """Parsed JSON of a 2xx reply; every other status, and an error body, raise."""
        retry_after = retry_after_from(headers)
        context = self._context
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            if 200 <= status < 300:
                raise MalformedResponseError(f"the reply from {self._hostport} is not valid UTF-8 (HTTP {status})",
                                             status=status) from None
            text = data.decode("utf-8", "replace")
        try:
            body = json.loads(text) if text.strip() else _INVALID
        except ValueError:
            body = _INVALID
        if 300 <= status < 400:
            location = safe_text(headers.get("location", ""), 120)
            raise ApiError(
                f"the server answered with a redirect (HTTP {status}{' to ' + location if location else ''})",
                "check OPENROUTER_BASE_URL (https, and a path ending in /api/v1 or /v1)",
                status=status,
            )
        if not 200 <= status < 300:
            if body is _INVALID:
                raise error_from_body(status, None, model=model, retry_after=retry_after, text=text, **context)
            raise error_from_body(status, body, model=model, retry_after=retry_after, **context)
        if body is _INVALID:
            what = "an HTML page" if text.lstrip()[:1] == "<" else ("an empty body" if not text.strip()
                                                                    else "text that is not JSON")
            raise MalformedResponseError(f"the server sent {what} instead of JSON (HTTP {status})", status=status)
        if isinstance(body, dict) and body.get("error"):
            raise error_from_body(status, body, model=model, retry_after=retry_after, **context)
        return body
