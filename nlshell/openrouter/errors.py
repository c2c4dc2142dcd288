"""Typed errors for talking to an OpenAI-compatible API, and the one parser of error bodies.

OpenRouter reports errors in several shapes (a real HTTP status, HTTP 200 with an error body, an
error inside a choice, an error chunk mid-stream; `code` an int, a string or missing). They all
end here as one ApiError subclass whose message is a single safe line and whose hint says what
to do. No httpx import: the CLI recognises these errors without loading the HTTP stack.
"""

from __future__ import annotations

import re

from nlshell.errors import EXIT_FAILURE, NlshellError
from nlshell.text import visible

# Seconds: the longest wait between attempts, whatever the server's Retry-After says.
RETRY_WAIT_CAP = 10.0
# Statuses worth another attempt: rate limits, timeouts, overloaded or failing providers.
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 524, 529})
# Server text is capped at this many characters in a message.
MAX_SERVER_TEXT = 300
FREE_MODEL_LIMITS = "allow about 20 requests a minute and 50 a day (1,000 with credits)"

# Availability codes that mean "this model cannot be used" (not "try again later").
MODEL_UNAVAILABLE = {
    "model_not_found": "is not a model this server knows",
    "model_deprecated": "has been retired",
    "free_variant_ended": "is no longer offered free",
    "no_endpoints": "has no provider serving it",
    "model_unavailable_upstream": "is not available from its providers",
    "privacy_restricted": "is not available under your privacy settings",
    "constraint_filtered": "is excluded by your provider settings",
    "region_restricted": "is not available in your region",
    "wrong_endpoint": "does not work with the chat completions endpoint",
}

# OpenRouter's normalised `error_type` vocabulary, for errors that carry no numeric code.
_TYPE_STATUS = {
    "context_length_exceeded": 400,
    "max_tokens_exceeded": 400,
    "token_limit_exceeded": 400,
    "string_too_long": 400,
    "invalid_request": 400,
    "invalid_request_error": 400,
    "invalid_prompt": 400,
    "authentication": 401,
    "authentication_error": 401,
    "invalid_api_key": 401,
    "payment_required": 402,
    "insufficient_quota": 402,
    "permission_denied": 403,
    "content_policy_violation": 403,
    "moderation": 403,
    "not_found": 404,
    "model_not_found": 404,
    "rate_limit_exceeded": 429,
    "rate_limited": 429,
    "rate_limit_error": 429,
    "timeout": 524,
    "provider_unavailable": 502,
    "provider_overloaded": 503,
    "overloaded_error": 529,
    "server": 500,
    "server_error": 500,
    "api_error": 500,
}
_CONTEXT_TYPES = {"context_length_exceeded", "max_tokens_exceeded", "token_limit_exceeded", "string_too_long"}

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

    default_hint = "choose another model with -m (free ones: `nlshell models --free`)"

    def __init__(self, message: str, hint: str | None = None, *, fallback_models: list[str] | None = None,
                 **kwargs) -> None:
        super().__init__(message, hint, **kwargs)
        self.fallback_models = fallback_models or []


class RateLimitedError(ApiError):
    """429 after every attempt: too many requests for this key or model."""

    default_hint = "wait a moment, use your own OpenRouter key, or switch model with -m"


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


def _as_status(value: object) -> int | None:
    """An HTTP-like status from an int or a numeric string; anything else is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 100 <= value <= 599 else None
    if isinstance(value, str) and value.strip().isdigit():
        return _as_status(int(value.strip()))
    return None


def _first_str(*values: object) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _detail(status: int, server_message: str | None) -> str:
    return f"HTTP {status}: {server_message}" if server_message else f"HTTP {status}"


def _wait_phrase(seconds: float) -> str:
    seconds = round(seconds)
    if seconds >= 3600:
        return f"{seconds} s (about {round(seconds / 3600)} h)"
    if seconds >= 120:
        return f"{seconds} s (about {round(seconds / 60)} min)"
    return f"{seconds} s"


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype", "<html", "<head", "<body")) or "<html" in head


def error_from_body(
    status: int,
    body: object,
    *,
    model: str | None = None,
    retry_after: float | None = None,
    text: str | None = None,
) -> ApiError:
    """Turn an error reply into the ApiError that names its cause.

    `body` is the parsed JSON (or None); `text` the raw body when it was not JSON (an HTML error
    page, plain text). Lenient on purpose: `error` may be a dict or a string, `code` an int, a
    numeric string, another string or missing (then `error.http_status`, then the HTTP status).
    """
    err = body.get("error") if isinstance(body, dict) else None
    if isinstance(err, str):
        err = {"message": err}
    elif not isinstance(err, dict):
        err = {}
        if isinstance(body, dict):
            found = _first_str(body.get("message"), body.get("detail"))
            if found:
                err = {"message": found}
    metadata = err.get("metadata") if isinstance(err.get("metadata"), dict) else {}
    availability = err.get("availability") if isinstance(err.get("availability"), dict) else {}
    raw_code = err.get("code")
    error_type = _first_str(
        metadata.get("error_type"),
        err.get("error_type"),
        err.get("type"),
        raw_code if isinstance(raw_code, str) and _as_status(raw_code) is None else None,
    )
    numeric = _as_status(raw_code) or _as_status(err.get("http_status"))
    if numeric is not None and not 400 <= numeric <= 599:
        numeric = None
    if 200 <= status < 300 or not status:
        # An error inside a successful HTTP reply: its own code says what happened.
        effective = numeric or _TYPE_STATUS.get(error_type or "", 502)
    else:
        effective = numeric or status

    server_message = safe_text(err["message"]) if _first_str(err.get("message")) else None
    html = False
    if server_message is None and text and text.strip():
        html = _looks_like_html(text)
        server_message = "an HTML error page" if html else safe_text(text)

    if retry_after is None:
        retry_after = _seconds(availability.get("retry_after"))
    availability_code = _first_str(availability.get("code"))
    requested = availability.get("requested_models")
    name = model or (requested[0] if isinstance(requested, list) and requested and isinstance(requested[0], str)
                     else None) or _first_str(metadata.get("model_slug"))
    common = {
        "status": effective,
        "code": raw_code,
        "error_type": error_type,
        "metadata": metadata,
        "retry_after": retry_after,
        "model": name,
    }
    if availability.get("retryable") is False:
        common["retryable"] = False

    lowered = (server_message or "").lower()
    if availability_code in MODEL_UNAVAILABLE or error_type == "model_not_found" or (
        effective in (400, 404) and ("not a valid model" in lowered or "model not found" in lowered)
    ):
        return _model_unavailable(availability_code, availability, name, effective, server_message, common)

    if effective == 401:
        return AuthError(f"the API key was rejected ({_detail(effective, server_message)})", **common)
    if effective == 402:
        limit_source = metadata.get("limit_source")
        what = "the API key has reached its credit limit" if limit_source == "openrouter_key_limit" \
            else "the account or key is out of credits"
        return PaymentError(f"{what} ({_detail(effective, server_message)})", **common)
    if effective == 403 or error_type in ("content_policy_violation", "moderation"):
        return _moderation(metadata, effective, server_message, common)
    if effective == 404:
        if html or text is not None:
            return ApiError(
                f"the server has no chat API at this address ({_detail(effective, server_message)})",
                "check OPENROUTER_BASE_URL (it usually ends in /api/v1 or /v1)",
                **common,
            )
        return _model_unavailable(None, availability, name, effective, server_message, common)
    if effective == 429:
        return _rate_limited(name, metadata, retry_after, server_message, common)
    if effective == 408 or effective >= 500:
        if html:
            return ServerError(f"the server returned an HTML error page (HTTP {effective})", **common)
        return ServerError(f"{_server_failure(effective)} ({_detail(effective, server_message)})", **common)
    if 400 <= effective < 500:
        if error_type in _CONTEXT_TYPES or "context length" in lowered or "context window" in lowered:
            return BadRequestError(
                f"the request is too long for the model's context ({_detail(effective, server_message)})",
                "shorten the request, or choose a model with a larger context with -m",
                **common,
            )
        return BadRequestError(f"the request was rejected ({_detail(effective, server_message)})", **common)
    return ApiError(f"the server answered with an unexpected status ({_detail(effective, server_message)})",
                    **common)


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _seconds(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < float("inf"):
        return float(value)
    return None


def _server_failure(status: int) -> str:
    return {
        408: "the request timed out at the server",
        500: "the server had an internal error",
        502: "the model's provider failed or sent an invalid reply",
        503: "no provider can serve this model right now",
        504: "the provider timed out",
        524: "the provider timed out",
        529: "the provider is overloaded",
    }.get(status, "the server failed")


def _model_unavailable(code, availability, name, status, server_message, common) -> ModelNotFoundError:
    label = f'model "{safe_text(name, 120)}"' if name else "the model"
    why = MODEL_UNAVAILABLE.get(code or "", "is not available")
    fallbacks = [safe_text(m, 120) for m in _list(availability.get("fallback_models")) if isinstance(m, str)]
    hint = None
    if fallbacks:
        hint = f"try -m {fallbacks[0]}" + (f" (or {', '.join(fallbacks[1:4])})" if len(fallbacks) > 1 else "")
        hint += ", or list free models with `nlshell models --free`"
    return ModelNotFoundError(f"{label} {why} ({_detail(status, server_message)})", hint,
                              fallback_models=fallbacks, **common)


def _moderation(metadata, status, server_message, common) -> ModerationError:
    reasons = [safe_text(r, 80) for r in _list(metadata.get("reasons")) if isinstance(r, str)]
    if reasons:
        return ModerationError(f"the request was flagged by moderation: {', '.join(reasons)} (HTTP {status})",
                               **common)
    if metadata.get("patterns") or "blocked" in (server_message or "").lower():
        return ModerationError(f"the request was blocked by a guardrail ({_detail(status, server_message)})",
                               **common)
    return ModerationError(f"the request was refused ({_detail(status, server_message)})", **common)


def _rate_limited(name, metadata, retry_after, server_message, common) -> RateLimitedError:
    who = "the model's provider" if metadata.get("provider_code") else "the server"
    parts = [f"rate limited by {who} ({_detail(429, server_message)})"]
    if name and name.endswith(":free"):
        parts.append(f'free models such as "{safe_text(name, 120)}" {FREE_MODEL_LIMITS}')
    if retry_after is not None and retry_after > RETRY_WAIT_CAP:
        parts.append(f"the server asked to wait {_wait_phrase(retry_after)}")
    return RateLimitedError("; ".join(parts), **common)
