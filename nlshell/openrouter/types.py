"""What the API hands back, as plain objects: a chat result, its usage, a model, a key's limits.

Parsing is lenient (servers other than OpenRouter omit most fields) and strings that will be
shown to the person are made printable here, at the source.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from nlshell.text import visible


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _float(value: object) -> float | None:
    """A number from a number or a numeric string (OpenRouter sends prices as strings)."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def _text(value: object) -> str:
    return visible(value) if isinstance(value, str) else ""


@dataclass
class Usage:
    """Token counts and cost (USD credits) of one reply."""

    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None
    cost: float | None = None
    reasoning_tokens: int | None = None

    @classmethod
    def from_json(cls, data: object) -> Usage | None:
        if not isinstance(data, dict):
            return None
        details = data.get("completion_tokens_details")
        reasoning = _int(details.get("reasoning_tokens")) if isinstance(details, dict) else None
        return cls(
            prompt_tokens=_int(data.get("prompt_tokens")),
            completion_tokens=_int(data.get("completion_tokens")),
            total_tokens=_int(data.get("total_tokens")),
            cost=_float(data.get("cost")),
            reasoning_tokens=reasoning,
        )

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class ChatResult:
    """One complete, checked reply: `content` is never empty, cut, or an error's partial output."""

    id: str | None
    model: str | None
    content: str
    finish_reason: str | None
    usage: Usage | None = None
    provider: str | None = None


@dataclass
class ModelInfo:
    """One entry of GET /models. Prices are USD per token; None when unknown or variable."""

    id: str
    name: str
    context_length: int | None = None
    prompt_price: float | None = None
    completion_price: float | None = None
    is_free: bool = False
    reasoning: bool = False
    reasoning_mandatory: bool = False
    reasoning_efforts: list[str] | None = None  # None: any effort
    reasoning_max_tokens: bool = False  # the budget is a share of max_tokens (Anthropic-style)
    description: str = ""
    max_completion_tokens: int | None = None
    expiration_date: str | None = None
    supported_parameters: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict) -> ModelInfo:
        model_id = _text(data.get("id"))
        pricing = data.get("pricing") if isinstance(data.get("pricing"), dict) else {}
        prompt = _float(pricing.get("prompt"))
        completion = _float(pricing.get("completion"))
        # OpenRouter marks variable pricing (routers) with "-1".
        prompt = prompt if prompt is None or prompt >= 0 else None
        completion = completion if completion is None or completion >= 0 else None
        params = [p for p in data.get("supported_parameters") or [] if isinstance(p, str)]
        reasoning = data.get("reasoning")
        top = data.get("top_provider") if isinstance(data.get("top_provider"), dict) else {}
        expiration = data.get("expiration_date")
        details = reasoning if isinstance(reasoning, dict) else {}
        efforts = details.get("supported_efforts")
        return cls(
            id=model_id,
            name=_text(data.get("name")) or model_id,
            context_length=_int(data.get("context_length")) or _int(top.get("context_length")),
            prompt_price=prompt,
            completion_price=completion,
            is_free=model_id.endswith(":free") or (prompt == 0 and completion == 0),
            reasoning="reasoning" in params or isinstance(reasoning, dict),
            reasoning_mandatory=details.get("mandatory") is True,
            reasoning_efforts=[e for e in efforts if isinstance(e, str)] if isinstance(efforts, list) else None,
            reasoning_max_tokens=details.get("supports_max_tokens") is True,
            description=_text(data.get("description")),
            max_completion_tokens=_int(top.get("max_completion_tokens")),
            expiration_date=_text(expiration) or None,
            supported_parameters=params,
        )

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class KeyInfo:
    """GET /key: the key's label, spending and limits (credits are USD)."""

    label: str = ""
    usage: float | None = None
    limit: float | None = None
    limit_remaining: float | None = None
    limit_reset: str | None = None
    is_free_tier: bool | None = None
    usage_daily: float | None = None
    usage_weekly: float | None = None
    usage_monthly: float | None = None
    expires_at: str | None = None

    @classmethod
    def from_json(cls, body: object) -> KeyInfo:
        data = body.get("data", body) if isinstance(body, dict) else {}
        if not isinstance(data, dict):
            data = {}
        free_tier = data.get("is_free_tier")
        return cls(
            label=_text(data.get("label")),
            usage=_float(data.get("usage")),
            limit=_float(data.get("limit")),
            limit_remaining=_float(data.get("limit_remaining")),
            limit_reset=_text(data.get("limit_reset")) or None,
            is_free_tier=free_tier if isinstance(free_tier, bool) else None,
            usage_daily=_float(data.get("usage_daily")),
            usage_weekly=_float(data.get("usage_weekly")),
            usage_monthly=_float(data.get("usage_monthly")),
            expires_at=_text(data.get("expires_at")) or None,
        )

    def as_dict(self) -> dict:
        return asdict(self)
