"""Typed errors for talking to an OpenAI-compatible API, and the text helpers that keep them safe.

Every failure ends as one ApiError subclass whose message is a single safe line and whose hint
says what to do (error_body.py turns a server's error reply into one). No httpx import: the CLI
recognises these errors without loading the HTTP stack.
"""

from __future__ import annotations

import math
import re

from nlshell.errors import EXIT_FAILURE, EXIT_USAGE, KEY_HOW_TO, NlshellError
from nlshell.text import visible

# Seconds: the longest wait between attempts, whatever the server's Retry-After says.
RETRY_WAIT_CAP = 10.0
# Statuses worth another attempt: rate limits, timeouts, overloaded or failing providers.
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 524, 529})
# Server text is capped at this many characters in a message.
MAX_SERVER_TEXT = 300
_LINE_BREAKS = re.compile(r"[\t\n\r\v\f\x85\u2028\u2029]+")
_SECRETS = re.compile(r"(?i)\b(sk-[a-z0-9_-]{6})[a-z0-9_-]+|(bearer\s+)\S+")


def safe_text(text: object, limit: int = MAX_SERVER_TEXT) -> str:
    """Text from a server, fit for a one-line message: no breaks, no control chars, no keys, capped."""
    text = _LINE_BREAKS.sub(" ", str(text))
    text = _SECRETS.sub(lambda m: (m.group(1) + "…") if m.group(1) else (m.group(2) + "…"), text)
    text = " ".join(visible(text).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


class ApiError(NlshellError):
    """The model API failed or answered with something nlshell cannot use (exit 1).

    `status` is the effective HTTP-like status (an error body's own code wins over HTTP 200),
    `code` the raw `error.code`, `error_type` OpenRouter's normalised type, `metadata` the error's
    metadata dict, `retry_after` the seconds the server asked to wait, `retryable` whether the
    retry policy may try again.
    """

    exit_code = EXIT_FAILURE
    default_hint: str | None = "try again, or run with NLSHELL_LOG=debug for details"
    retry_by_default = False

    def __init__(
        self,
        message: str,
        hint: str | None = None,
        *,
        status: int | None = None,
        code: int | str | None = None,
        error_type: str | None = None,
        metadata: dict | None = None,
        retry_after: float | None = None,
        model: str | None = None,
        retryable: bool | None = None,
    ) -> None:
        super().__init__(safe_text(message, 600), hint if hint is not None else self.default_hint)
        self.status = status
        self.code = code
        self.error_type = error_type
        self.metadata = metadata if metadata is not None else {}
        self.retry_after = retry_after
        self.model = model
        if retryable is None:
            retryable = self.retry_by_default or status in RETRYABLE_STATUSES
        self.retryable = retryable


class BadRequestError(ApiError):
    """400 and other 4xx the request itself caused (too long for the context, bad parameters)."""

    default_hint = "check the model and settings (`nlshell config show`), or try another model with -m"


class AuthError(ApiError):
    """401: the API key was rejected."""

    default_hint = "check the key (OPENROUTER_API_KEY, .env) or store a new one with `nlshell auth login`"


class PaymentError(ApiError):
    """402: no credits left, the key's limit reached, or a negative balance."""

    default_hint = (
        "add credits or raise the key's limit at https://openrouter.ai/settings/credits "
        "(a negative balance blocks free models too), or pick a free model (`nlshell models --free`)"
    )


class ModerationError(ApiError):
    """403: moderation flagged the input, a guardrail blocked it, or a content filter stopped the reply."""

    default_hint = "rephrase the request, or try another model with -m"


class ModelNotFoundError(ApiError):
    """404 or an availability error: the model is unknown, retired, or has no provider."""

    default_hint = "choose another model with -m (`nlshell models` lists them)"

    def __init__(self, message: str, hint: str | None = None, *, fallback_models: list[str] | None = None,
                 **kwargs) -> None:
        super().__init__(message, hint, **kwargs)
        self.fallback_models = fallback_models or []


class KeyRequiredError(AuthError):
    """401 and no key was sent: the server asks for one (a configuration error, exit 2)."""

    exit_code = EXIT_USAGE
    default_hint = KEY_HOW_TO


class NoModelListError(ApiError):
    """GET /models is not there (404, 405, 501): the server serves chat but does not list models."""

    default_hint = ("name the model with -m or OPENROUTER_MODEL (the server's documentation lists them); "
                    "if requests fail too, check OPENROUTER_BASE_URL")


class RateLimitedError(ApiError):
    """429 after every attempt, or at once when the server asks for a longer wait than the cap."""

    default_hint = "wait a moment, or switch model with -m"


class ServerError(ApiError):
    """408 and 5xx: the server or the model's provider failed, timed out or is overloaded."""

    default_hint = "try again in a moment, or choose another model with -m"


class RequestTimeoutError(ApiError):
    """No reply within the read timeout. Not retried: that would triple a long wait."""

    default_hint = "try again, or raise `timeout` in the [provider] section of the config"


class ConnectError(ApiError):
    """The server could not be reached: refused, DNS failure, connect timeout."""

    default_hint = "check your network or OPENROUTER_BASE_URL; `nlshell --offline` answers without network"
    retry_by_default = True


class ConnectionDroppedError(ConnectError):
    """The connection closed before the reply was complete; retried like a failed connect."""


class MalformedResponseError(ApiError):
    """The reply is not what an OpenAI-compatible API sends: not JSON, not UTF-8, wrong shape, too large."""

    default_hint = "try again or choose another model; is OPENROUTER_BASE_URL an OpenAI-compatible API (…/v1)?"


class EmptyResponseError(ApiError):
    """The reply has no choices or no text (cold start, or reasoning used the whole token budget)."""

    default_hint = "try again (models sometimes answer with nothing while starting up), or choose another model with -m"


class TruncatedResponseError(ApiError):
    """The reply was cut at the token limit; a cut command is never handed back."""

    default_hint = "raise `max_tokens` in the config, or ask for something shorter"


class StreamError(ApiError):
    """A streamed reply failed after some of its text had been delivered."""

    default_hint = "try again, or choose another model with -m"


def empty_reply_error(
    *,
    finish_reason: str | None,
    reasoning_tokens: int | None = None,
    completion_tokens: int | None = None,
    model: str | None = None,
) -> EmptyResponseError:
    """An empty answer, explaining when reasoning used up the token budget."""
    spent_on_reasoning = finish_reason == "length" or (
        bool(reasoning_tokens) and bool(completion_tokens) and reasoning_tokens >= 0.9 * completion_tokens
    )
    if spent_on_reasoning:
        detail = f" ({reasoning_tokens} reasoning tokens)" if reasoning_tokens else ""
        return EmptyResponseError(
            f"the model spent its token budget on reasoning and returned no answer{detail}",
            "raise `max_tokens` in the config, or choose a non-reasoning model with -m",
            model=model,
        )
    return EmptyResponseError("the model returned an empty reply", model=model)


def wait_phrase(seconds: float) -> str:
    """A wait as a person says it: 42 s, 3 min, 2 h (rounded up, never "0 s")."""
    seconds = max(1, math.ceil(seconds))
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 2 * 3600:
        return f"{math.ceil(seconds / 60)} min"
    return f"{math.ceil(seconds / 3600)} h"
