"""The one parser of error replies: whatever shape a server uses, out comes the ApiError that names it.

OpenRouter reports errors in several shapes (a real HTTP status, HTTP 200 with an error body, an
error inside a choice, an error chunk mid-stream; `code` an int, a string or missing), and other
OpenAI-compatible servers (LiteLLM, Ollama, vLLM) word theirs differently again. The advice in
each message fits the server it came from: OpenRouter's free-model limits only for OpenRouter,
"set a key" only when none was sent.
"""

from __future__ import annotations

import re

from nlshell.openrouter.errors import (
    RETRY_WAIT_CAP,
    ApiError,
    AuthError,
    BadRequestError,
    KeyRequiredError,
    ModelNotFoundError,
    ModerationError,
    PaymentError,
    RateLimitedError,
    ServerError,
    safe_text,
    wait_phrase,
)

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
# How servers other than OpenRouter say "no such model": LiteLLM ("Invalid model name passed in
# model=x"), Ollama ("model \"x\" not found"), vLLM and OpenAI ("The model `x` does not exist").
_UNKNOWN_MODEL = re.compile(
    r"invalid model name|not a valid model|unknown model|model not found|no such model"
    r"|\bmodel\b[^.;]{0,160}?\b(?:not found|does not exist|is not available)",
    re.IGNORECASE,
)
# A server that wants `max_completion_tokens` instead (OpenAI's reasoning models, Azure).
_MAX_TOKENS_REFUSED = re.compile(
    r"max_tokens\W[^.]*?(?:not supported|unsupported|max_completion_tokens)"
    r"|unsupported parameter\W+max_tokens",
    re.IGNORECASE,
)


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
    openrouter: bool = True,
    keyed: bool = True,
) -> ApiError:
    """Turn an error reply into the ApiError that names its cause.

    `body` is the parsed JSON (or None); `text` the raw body when it was not JSON (an HTML error
    page, plain text). Lenient on purpose: `error` may be a dict or a string, `code` an int, a
    numeric string, another string or missing (then `error.http_status`, then the HTTP status).
    `openrouter` says whether the server is OpenRouter, `keyed` whether a key was sent: the advice
    depends on both.
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
        effective in (400, 404) and _UNKNOWN_MODEL.search(lowered)
    ):
        return _model_unavailable(availability_code, availability, name, effective, server_message, common,
                                  openrouter=openrouter)

    if effective == 401:
        if not keyed:
            return KeyRequiredError(f"this server asks for a key and none is set ({_detail(401, server_message)})",
                                    **common)
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
        return _model_unavailable(None, availability, name, effective, server_message, common,
                                  openrouter=openrouter)
    if effective == 429:
        return _rate_limited(name, metadata, server_message, common, openrouter=openrouter, keyed=keyed)
    if effective == 408 or effective >= 500:
        what = f"the server returned an HTML error page (HTTP {effective})" if html else \
            f"{_server_failure(effective)} ({_detail(effective, server_message)})"
        return ServerError(what + _try_again_in(retry_after), **common)
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


def rejects_max_tokens(exc: ApiError) -> bool:
    """The server refused the `max_tokens` parameter itself (it wants `max_completion_tokens`)."""
    return isinstance(exc, BadRequestError) and exc.status == 400 and bool(
        _MAX_TOKENS_REFUSED.search(exc.message) or (exc.code == "unsupported_parameter" and "max_tokens" in exc.message)
    )


def _try_again_in(retry_after: float | None) -> str:
    """Longer than nlshell waits by itself: the request failed at once, so say when it may work."""
    if retry_after is not None and retry_after > RETRY_WAIT_CAP:
        return f"; try again in {wait_phrase(retry_after)}"
    return ""


def _model_unavailable(code, availability, name, status, server_message, common, *,
                       openrouter: bool) -> ModelNotFoundError:
    label = f'model "{safe_text(name, 120)}"' if name else "the model"
    why = MODEL_UNAVAILABLE.get(code or "", "is not available" if openrouter else "is not a model this server knows")
    fallbacks = [safe_text(m, 120) for m in _list(availability.get("fallback_models")) if isinstance(m, str)]
    hint = "choose another model with -m (free ones: `nlshell models --free`)" if openrouter else None
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


def _rate_limited(name, metadata, server_message, common, *, openrouter: bool, keyed: bool) -> RateLimitedError:
    who = "the model's provider" if metadata.get("provider_code") else "the server"
    message = f"rate limited by {who} ({_detail(429, server_message)})"
    free = openrouter and bool(name) and name.endswith(":free")
    if free:
        message += f'; free models such as "{safe_text(name, 120)}" {FREE_MODEL_LIMITS}'
    message += _try_again_in(common["retry_after"])
    if free:
        hint = "wait a moment, or switch to a paid model with -m (they have no platform request cap)"
    elif not keyed:
        hint = "wait a moment, set a key of your own if the server gives keyed users more (`nlshell auth login`), " \
               "or switch model with -m"
    else:
        hint = None  # RateLimitedError's own: wait, or switch model
    return RateLimitedError(message, hint, **common)
