"""When to try a request again and how long to wait: the policy as data, tenacity as the engine.

Rate limits, overloaded or failing providers and unreachable servers get three attempts in all;
waits follow WAITS unless the server's Retry-After asks for longer, and never exceed the cap. A
server that asks for a longer wait than the cap gets no retry at all: two capped waits would only
end in the same refusal, so the error says at once when to try again. Read timeouts are not
retried: three 30 s waits would feel like a hang.
"""

from __future__ import annotations

import email.utils
import logging
import math
import time
from collections.abc import Callable, Mapping
from typing import TypeVar

import tenacity

from nlshell.openrouter.errors import RETRY_WAIT_CAP, ApiError, ConnectError, RateLimitedError, wait_phrase

ATTEMPTS = 3
WAITS = (0.3, 0.8)  # seconds before the second and the third attempt
MAX_WAIT = RETRY_WAIT_CAP
NOTICE_FROM = 1.0  # waits at least this long are shown (a spinner hides shorter ones anyway)

log = logging.getLogger("nlshell.http")
T = TypeVar("T")


def is_retryable(exc: BaseException) -> bool:
    if not isinstance(exc, ApiError) or not exc.retryable:
        return False
    return exc.retry_after is None or exc.retry_after <= MAX_WAIT


def wait_seconds(failed_attempt: int, retry_after: float | None = None) -> float:
    """The pause after attempt number `failed_attempt` (1-based) failed."""
    wait = WAITS[min(failed_attempt, len(WAITS)) - 1]
    if retry_after is not None and retry_after > wait:
        wait = retry_after
    return min(wait, MAX_WAIT)


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP-date; None when unusable."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


def retry_after_from(headers: Mapping[str, str]) -> float | None:
    """The wait a reply asks for: `retry-after-ms` (OpenAI, Azure), `retry-after`, or the upstream's
    `retry-after` as LiteLLM's proxy passes it on (`llm_provider-retry-after`)."""
    millis = parse_retry_after(headers.get("retry-after-ms"))
    if millis is not None:
        return millis / 1000
    for name in ("retry-after", "llm_provider-retry-after"):
        seconds = parse_retry_after(headers.get(name))
        if seconds is not None:
            return seconds
    return None


def wait_notice(exc: BaseException | None, seconds: float) -> str:
    """What the person sees during a wait: "rate limited, retrying in 3 s"."""
    if isinstance(exc, RateLimitedError):
        why = "rate limited"
    elif isinstance(exc, ConnectError):
        why = "could not reach the server"
    elif isinstance(exc, ApiError) and exc.status:
        why = f"the server failed (HTTP {exc.status})"
    else:
        why = "the request failed"
    return f"{why}, retrying in {wait_phrase(seconds)}"


def _wait(state: tenacity.RetryCallState) -> float:
    exc = state.outcome.exception() if state.outcome else None
    return wait_seconds(state.attempt_number, getattr(exc, "retry_after", None))


def _log_retry(state: tenacity.RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome else None
    wait = state.next_action.sleep if state.next_action else 0.0
    log.debug("attempt %d failed (%s); retrying in %.1f s", state.attempt_number,
              getattr(exc, "message", type(exc).__name__), wait)


def call_with_retries(fn: Callable[[int], T], *, sleep: Callable[[float], object] = time.sleep,
                      attempts: int = ATTEMPTS, on_wait: Callable[[str | None], object] | None = None) -> T:
    """Call `fn(attempt_number)` under the policy; the last error is raised as itself.

    `on_wait(text)` hears of each wait of NOTICE_FROM seconds or more before it starts, and
    `on_wait(None)` when the next attempt begins.
    """
    showing = False

    def before_sleep(state: tenacity.RetryCallState) -> None:
        nonlocal showing
        _log_retry(state)
        seconds = state.next_action.sleep if state.next_action else 0.0
        if on_wait is not None and seconds >= NOTICE_FROM:
            on_wait(wait_notice(state.outcome.exception() if state.outcome else None, seconds))
            showing = True

    retrying = tenacity.Retrying(
        stop=tenacity.stop_after_attempt(attempts),
        wait=_wait,
        retry=tenacity.retry_if_exception(is_retryable),
        sleep=sleep,
        before_sleep=before_sleep,
        reraise=True,
    )
    for attempt in retrying:
        with attempt:
            if showing:
                showing = False
                on_wait(None)
            return fn(attempt.retry_state.attempt_number)
    raise AssertionError("unreachable: tenacity either returns or raises")  # pragma: no cover
