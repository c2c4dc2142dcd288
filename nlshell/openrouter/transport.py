"""Below the API: a deadline no trickling server can stretch, and a body decoded with a cap.

httpx's timeouts count per socket operation, so a server that sends a byte a second keeps a
request alive for ever; and httpx decodes `Content-Encoding` a whole network chunk at a time, so
1.8 kB of `gzip, gzip` becomes 2 GB in one call. Here every socket operation gets at most the time
left before the request's deadline (a network backend wrapped around httpcore's), and the body is
decoded layer by layer in bounded steps, each layer's output counted against the reply cap.
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

import httpcore

from nlshell.openrouter.errors import MalformedResponseError

ACCEPT_ENCODING = "gzip, deflate"  # what BodyDecoder reads; nothing else is asked for
STEP = 64 * 1024  # bytes a decoder may produce per call


class Deadline:
    """The moment the current request (per thread) must be over, and what to say when it is."""

    def __init__(self) -> None:
        self._local = threading.local()

    @contextmanager
    def until(self, when: float, message: str):
        """Within the block, every socket operation ends by `when` (or an earlier deadline already set)."""
        saved = getattr(self._local, "current", None)
        if saved is None or when < saved[0]:
            self._local.current = (when, message)
        try:
            yield
        finally:
            self._local.current = saved

    def passed(self) -> str | None:
        """The message of a deadline that has passed in this thread, else None."""
        current = getattr(self._local, "current", None)
        if current is not None and time.monotonic() >= current[0] - 0.001:
            return current[1]
        return None

    def bound(self, timeout: float | None, error: type[Exception]) -> float | None:
        """`timeout` shortened to the time left; `error` once none is left."""
        current = getattr(self._local, "current", None)
        if current is None:
            return timeout
        left = current[0] - time.monotonic()
        if left <= 0:
            raise error("the request's deadline has passed")
        return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.bound(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.bound(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None, timeout: float | None = None):
        bounded = self._deadline.bound(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, bounded), self._deadline)

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        bounded = self._deadline.bound(timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_tcp(host, port, bounded, local_address, socket_options)
        return _Stream(stream, self._deadline)

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        bounded = self._deadline.bound(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_unix_socket(path, bounded, socket_options), self._deadline)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def bind_deadline(client, deadline: Deadline) -> int:
    """Put `deadline` under every connection pool of an httpx.Client (its own and the proxies').

    Returns how many pools were bound; a transport without a pool (a test's MockTransport) has no
    sockets to bound.
    """
    bound = 0
    for transport in (client._transport, *client._mounts.values()):
        pool = getattr(transport, "_pool", None)
        inner = getattr(pool, "_network_backend", None)
        if inner is not None and not isinstance(inner, _Backend):
            pool._network_backend = _Backend(inner, deadline)
            bound += 1
    return bound


# -- Content-Encoding ---------------------------------------------------------------------------


def too_large(max_bytes: int, status: int | None) -> MalformedResponseError:
    return MalformedResponseError(f"the reply is too large (over {max_bytes:,} bytes)", status=status)


class _Inflater:
    """One gzip or deflate layer, producing at most STEP bytes per call."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self.raw_deflate_tried = False
        wbits = 16 + zlib.MAX_WBITS if coding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self.obj = zlib.decompressobj(wbits)

    def pieces(self, data: bytes) -> Iterator[bytes]:
        while data:
            try:
                out = self.obj.decompress(data, STEP)
            except zlib.error:
                if self.coding != "deflate" or self.raw_deflate_tried:
                    raise
                # Some servers send raw deflate without the zlib header (as httpx also allows).
                self.raw_deflate_tried = True
                self.obj = zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            self.raw_deflate_tried = True  # the first bytes decided which form this is
            if not out and self.obj.unconsumed_tail == data:
                return  # nothing more will come of it (data after the end of the stream)
            data = self.obj.unconsumed_tail
            if out:
                yield out

    def rest(self) -> bytes:
        return self.obj.flush()


class BodyDecoder:
    """Undo `Content-Encoding` (identity, gzip, x-gzip, deflate; stacked layers too) in bounded steps.

    Raises MalformedResponseError for an encoding it does not know, a body that does not decode,
    or when any layer's output passes `max_bytes`.
    """

    def __init__(self, content_encoding: str, max_bytes: int, status: int | None = None) -> None:
        self.max_bytes = max_bytes
        self.status = status
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        unknown = [c for c in codings if c not in ("identity", "gzip", "x-gzip", "deflate")]
        if unknown:
            raise MalformedResponseError(
                f"the reply uses a content encoding nlshell does not read ({', '.join(unknown)})", status=status)
        # Applied in the order listed, so undone from the last to the first.
        self.layers = [_Inflater(c) for c in reversed(codings) if c != "identity"]
        self.produced = [0] * len(self.layers)
        self.received = 0

    def feed(self, data: bytes) -> Iterator[bytes]:
        self.received += len(data)
        if self.received > self.max_bytes:
            raise too_large(self.max_bytes, self.status)
        yield from self._through(0, data)

    def finish(self) -> Iterator[bytes]:
        for index, layer in enumerate(self.layers):
            yield from self._through(index + 1, self._rest(index, layer))

    def _rest(self, index: int, layer: _Inflater) -> bytes:
        try:
            rest = layer.rest()
        except zlib.error:
            raise self._undecodable() from None
        return self._count(index, rest)

    def _through(self, index: int, data: bytes) -> Iterator[bytes]:
        if index == len(self.layers):
            if data:
                yield data
            return
        try:
            for piece in self.layers[index].pieces(data):
                yield from self._through(index + 1, self._count(index, piece))
        except zlib.error:
            raise self._undecodable() from None

    def _count(self, index: int, piece: bytes) -> bytes:
        self.produced[index] += len(piece)
        if self.produced[index] > self.max_bytes:
            raise too_large(self.max_bytes, self.status)
        return piece

    def _undecodable(self) -> MalformedResponseError:
        return MalformedResponseError("the reply could not be decoded (its content encoding is broken)",
                                      status=self.status)


def decoded_body(response, max_bytes: int) -> Iterator[bytes]:
    """The response body as the server meant it, in bounded pieces (httpx's own decoding unused)."""
    decoder = BodyDecoder(response.headers.get("content-encoding", ""), max_bytes, response.status_code)
    for raw in response.iter_raw():
        yield from decoder.feed(raw)
    yield from decoder.finish()
