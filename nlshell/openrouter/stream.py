"""A streamed reply (`explain`, Describe): its text deltas in order, checked as they arrive.

The stream belongs to the client that opened it (nlshell.openrouter.client): it sends through the
client's connection pool, retry policy and deadline, and reads errors the way the client does.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterator

import httpx

from nlshell.openrouter.error_body import error_from_body
from nlshell.openrouter.errors import ApiError, MalformedResponseError, ModerationError, StreamError, empty_reply_error
from nlshell.openrouter.replies import chat_result, choice_error, text_of
from nlshell.openrouter.sse import SSEDecoder
from nlshell.openrouter.transport import decoded_body
from nlshell.openrouter.types import Usage

log = logging.getLogger("nlshell.http")
LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*(?:\r\n|\r|\n))+")


class ChatStream:
    """The text deltas of one streamed reply, in order.

    Retries happen only before the first delta: once text has been handed out, a failure raises
    StreamError. An error chunk before any text raises the mapped ApiError, and a reply of nothing
    but whitespace is an empty reply, as it is unstreamed. After iterating, `model`, `usage`,
    `finish_reason` and `id` hold what the server said.
    """

    def __init__(self, client, payload: dict, model: str) -> None:
        self._client = client
        self._payload = payload
        self.model: str | None = model
        self.id: str | None = None
        self.usage: Usage | None = None
        self.finish_reason: str | None = None
        self._generator: Iterator[str] | None = None
        self._quiet_until = 0.0  # when the stream has been without new text for too long

    def __iter__(self) -> ChatStream:
        return self

    def __next__(self) -> str:
        if self._generator is None:
            self._generator = self._run()
        return next(self._generator)

    def close(self) -> None:
        if self._generator is not None:
            self._generator.close()

    def __enter__(self) -> ChatStream:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _run(self) -> Iterator[str]:
        client = self._client
        response, deltas, first = client.with_token_field(
            self._payload, lambda payload: client._with_retries(lambda attempt: self._open(attempt, payload)))
        try:
            yield first
            try:
                yield from deltas
            except ApiError as exc:
                client._scrub(exc)
                raise StreamError(f"the reply stopped part-way: {exc.message}", exc.hint, status=exc.status,
                                  code=exc.code, error_type=exc.error_type, metadata=exc.metadata,
                                  model=exc.model, retryable=False) from exc
        finally:
            response.close()

    def _open(self, attempt: int, payload: dict) -> tuple[httpx.Response, Iterator[str], str]:
        """Send, check the status and read up to the first text (the retried part)."""
        client = self._client
        url = client._url("/chat/completions")
        self.usage = self.finish_reason = None
        self._quiet_until = time.monotonic() + client.read_timeout  # the first text is due by then
        with client._deadline.until(self._quiet_until, self._quiet_message()):
            response = client._send("POST", url, payload, attempt)
        try:
            content_type = response.headers.get("content-type", "")
            if not 200 <= response.status_code < 300 or "text/event-stream" not in content_type:
                # Errors before the stream are plain JSON; a server that ignored `stream` sends a whole reply.
                try:
                    with client._deadline.until(self._quiet_until, self._quiet_message()):
                        data = client._read_capped(response, client.max_response_bytes)
                except httpx.HTTPError as exc:
                    raise client._transport_error(exc) from exc
                body = client._checked_json(response.status_code, response.headers, data, self.model)
                result = chat_result(response.status_code, body, self.model, client._context)
                self.model, self.id, self.usage, self.finish_reason = (result.model, result.id, result.usage,
                                                                       result.finish_reason)
                return response, iter(()), result.content
            deltas = self._deltas(response)
            return response, deltas, self._first_text(deltas)
        except BaseException:
            response.close()
            raise

    def _first_text(self, deltas: Iterator[str]) -> str:
        """The deltas up to the first that holds more than whitespace, without leading blank lines."""
        held = []
        for text in deltas:
            held.append(text)
            if text.strip():
                return LEADING_BLANK_LINES.sub("", "".join(held))
        raise empty_reply_error(
            finish_reason=self.finish_reason,
            reasoning_tokens=self.usage.reasoning_tokens if self.usage else None,
            completion_tokens=self.usage.completion_tokens if self.usage else None,
            model=self.model,
        )

    def _quiet_message(self) -> str:
        client = self._client
        return f"no new text from {client._hostport} for {client.read_timeout:g} s"

    def _next_piece(self, body: Iterator[bytes]) -> bytes | None:
        """The next piece of the body, due before the stream has been quiet for the read timeout:
        keep-alive comments and trickled bytes do not count as text."""
        client = self._client
        with client._deadline.until(self._quiet_until, self._quiet_message()):
            try:
                return next(body, None)
            except httpx.HTTPError as exc:
                raise client._transport_error(exc) from exc

    def _deltas(self, response: httpx.Response) -> Iterator[str]:
        client = self._client
        decoder = SSEDecoder()
        body = decoded_body(response, client.max_response_bytes)
        done = False
        try:
            while (raw := self._next_piece(body)) is not None:
                for data in decoder.feed(raw):
                    if data == "[DONE]":
                        done = True  # keep reading to the end, so the connection can be reused
                    elif not done:
                        text = self._on_chunk(data)
                        if text:
                            self._quiet_until = time.monotonic() + client.read_timeout
                            yield text
            for data in decoder.flush():
                if data != "[DONE]" and not done:
                    text = self._on_chunk(data)
                    if text:
                        yield text
        except httpx.HTTPError as exc:
            raise client._transport_error(exc) from exc
        except UnicodeDecodeError:
            raise MalformedResponseError("the reply stream is not valid UTF-8") from None

    def _on_chunk(self, data: str) -> str | None:
        try:
            chunk = json.loads(data)
        except ValueError:
            log.debug("ignoring a stream event that is not JSON (%d chars)", len(data))
            return None
        if not isinstance(chunk, dict):
            return None
        if chunk.get("error"):
            raise error_from_body(200, chunk, model=self.model, **self._client._context)
        if isinstance(chunk.get("id"), str):
            self.id = chunk["id"]
        if isinstance(chunk.get("model"), str) and chunk["model"]:
            self.model = chunk["model"]
        usage = Usage.from_json(chunk.get("usage"))
        if usage is not None:
            self.usage = usage
        choices = chunk.get("choices")
        if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
            return None
        choice = choices[0]
        if choice.get("error") or choice.get("finish_reason") == "error":
            raise choice_error(200, choice, self.model, self._client._context)
        if isinstance(choice.get("finish_reason"), str):
            self.finish_reason = choice["finish_reason"]
            if self.finish_reason == "content_filter":
                raise ModerationError("the provider's content filter stopped the reply", model=self.model)
        delta = choice.get("delta")
        if not isinstance(delta, dict):
            return None
        try:
            return text_of(delta.get("content"))
        except MalformedResponseError:
            return None
