"""Server-sent events, as OpenRouter and OpenAI-compatible servers stream a reply."""

from __future__ import annotations

import codecs
import re


class SSEDecoder:
    """Server-sent events from bytes: `data` payloads out, comments and other fields dropped.

    Handles LF, CRLF and CR line ends (also split across reads), multi-line data fields and a
    last event without its blank line. Raises UnicodeDecodeError on bytes that are not UTF-8.
    """

    _LINE_END = re.compile(r"\r\n|\r|\n")

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._buffer = ""
        self._data: list[str] = []

    def feed(self, chunk: bytes) -> list[str]:
        self._buffer += self._decoder.decode(chunk)
        return self._lines(final=False)

    def flush(self) -> list[str]:
        self._buffer += self._decoder.decode(b"", final=True)
        events = self._lines(final=True)
        if self._buffer:
            self._line(self._buffer)
            self._buffer = ""
        if self._data:
            events.append("\n".join(self._data))
            self._data = []
        return events

    def _lines(self, *, final: bool) -> list[str]:
        events = []
        while True:
            match = self._LINE_END.search(self._buffer)
            if match is None:
                break
            if match.group() == "\r" and match.end() == len(self._buffer) and not final:
                break  # maybe the first half of a CRLF
            line = self._buffer[: match.start()]
            self._buffer = self._buffer[match.end():]
            event = self._line(line)
            if event is not None:
                events.append(event)
        return events

    def _line(self, line: str) -> str | None:
        if not line:
            if self._data:
                event = "\n".join(self._data)
                self._data = []
                return event
            return None
        if line.startswith(":"):
            return None  # a comment, e.g. ": OPENROUTER PROCESSING"
        name, _, value = line.partition(":")
        if name == "data":
            self._data.append(value[1:] if value.startswith(" ") else value)
        return None
