"""When to try a request again and how long to wait: the policy as data, tenacity as the engine.

Rate limits, overloaded or failing providers and unreachable servers get three attempts in all;
waits follow WAITS unless the server's Retry-After asks for longer, and never exceed the cap.
Read timeouts are not retried: three 30 s waits would feel like a hang.
"""

from __future__ import annotations

import email.utils
import logging
import math
import time
from collections.abc import Callable
from typing import TypeVar

import tenacity

from nlshell.openrouter.errors import RETRY_WAIT_CAP, ApiError

ATTEMPTS = 3
WAITS = (0.3, 0.8)  # seconds before the second and the third attempt
MAX_WAIT = RETRY_WAIT_CAP

log = logging.getLogger("nlshell.http")
T = TypeVar("T")


def is_retryable(exc: BaseException) -> bool:
    return isinstance(exc, ApiError) and exc.retryable


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


def _wait(state: tenacity.RetryCallState) -> float:
    exc = state.outcome.exception() if state.outcome else None
    return wait_seconds(state.attempt_number, getattr(exc, "retry_after", None))


def _log_retry(state: tenacity.RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome else None
    wait = state.next_action.sleep if state.next_action else 0.0
    log.debug("attempt %d failed (%s); retrying in %.1f s", state.attempt_number,
              getattr(exc, "message", type(exc).__name__), wait)


def call_with_retries(fn: Callable[[int], T], *, sleep: Callable[[float], object] = time.sleep,
                      attempts: int = ATTEMPTS) -> T:
    """Call `fn(attempt_number)` under the policy; the last error is raised as itself."""
    retrying = tenacity.Retrying(
        stop=tenacity.stop_after_attempt(attempts),
        wait=_wait,
        retry=tenacity.retry_if_exception(is_retryable),
        sleep=sleep,
        before_sleep=_log_retry,
        reraise=True,
    )
    for attempt in retrying:
        with attempt:
            return fn(attempt.retry_state.attempt_number)
    raise AssertionError("unreachable: tenacity either returns or raises")  # pragma: no cover
