"""OpenRouter's `reasoning` request option and the token limit that goes with it, per model.

What a model takes is in its /models entry (kept in the cached model list): whether it reasons at
all, whether reasoning can be turned off (`mandatory`), which efforts it accepts, and whether its
reasoning budget is carved out of `max_tokens` (Anthropic-style thinking, `supports_max_tokens`).
For those, OpenRouter derives the budget from the effort as a share of `max_tokens` (between
1,024 and 128,000 tokens) and `max_tokens` must stay above it, so the limit is raised until the
answer still has the room the config gives it. A model the list does not describe gets the option
as asked: OpenRouter drops parameters a model does not take.
"""

from __future__ import annotations

EFFORTS = ("none", "minimal", "low", "medium", "high", "xhigh", "max")  # lowest first
# OpenRouter's effort → per cent of max_tokens given to reasoning (docs: reasoning tokens).
BUDGET_PERCENT = {"minimal": 10, "low": 20, "medium": 50, "high": 80, "xhigh": 95, "max": 95}
MIN_BUDGET = 1024  # Anthropic's floor for a thinking budget
MAX_BUDGET = 128_000  # OpenRouter's ceiling for a budget derived from effort


def request_options(effort: str, answer_tokens: int, model: dict | None) -> tuple[dict | None, int]:
    """(`reasoning` to send or None, `max_tokens` to send) for one request.

    `effort` is the configured reasoning_effort ("off" sends nothing), `answer_tokens` the
    configured max_tokens, `model` the model's row from the cached list (None when unknown).
    """
    if effort == "off" or effort not in EFFORTS:
        return None, answer_tokens
    if model is None:
        return {"effort": effort, "exclude": True}, answer_tokens
    if not model.get("reasoning"):
        return None, answer_tokens
    chosen = supported_effort(effort, model.get("reasoning_efforts"), mandatory=bool(model.get("reasoning_mandatory")))
    max_tokens = answer_tokens
    if chosen != "none" and budget_from_max_tokens(model):
        max_tokens = room_beside_budget(answer_tokens, BUDGET_PERCENT[chosen])
        ceiling = model.get("max_completion_tokens")
        if isinstance(ceiling, int) and ceiling > answer_tokens:
            max_tokens = min(max_tokens, ceiling)
    return {"effort": chosen, "exclude": True}, max_tokens


def budget_from_max_tokens(model: dict) -> bool:
    """The model's reasoning budget is a share of max_tokens (Anthropic thinking models)."""
    return bool(model.get("reasoning_max_tokens")) or str(model.get("id", "")).startswith("anthropic/")


def supported_effort(effort: str, supported: list | None, *, mandatory: bool) -> str:
    """The configured effort if the model takes it; else the next one up it takes, else its highest.

    A model whose reasoning is mandatory rejects "none": it gets its lowest effort instead.
    """
    allowed = [e for e in EFFORTS if not supported or e in supported]
    if mandatory:
        allowed = [e for e in allowed if e != "none"]
    if not allowed:  # a list of efforts nlshell does not know: ask for the least it can
        return "minimal" if mandatory and effort == "none" else effort
    if effort in allowed:
        return effort
    rank = EFFORTS.index(effort)
    above = [e for e in allowed if EFFORTS.index(e) > rank]
    return above[0] if above else allowed[-1]


def room_beside_budget(answer_tokens: int, percent: int) -> int:
    """The smallest max_tokens that leaves `answer_tokens` beside a budget of `percent` % of it.

    OpenRouter's budget is max_tokens × percent, kept between 1,024 and 128,000; the limit grows
    in steps of one token with the budget growing by less, so the smallest fitting limit is the
    smallest of the three candidates (one per stretch of that rule) that fits. Integer arithmetic:
    a float share would round 1,024 / 0.2 up to 5,121.
    """

    def fits(total: int) -> bool:
        budget_times_100 = min(max(total * percent, MIN_BUDGET * 100), MAX_BUDGET * 100)
        return (total - answer_tokens) * 100 >= budget_times_100

    proportional = -(-answer_tokens * 100 // (100 - percent))  # ceil(answer / (1 - share))
    return min(c for c in (answer_tokens + MIN_BUDGET, proportional, answer_tokens + MAX_BUDGET) if fits(c))
