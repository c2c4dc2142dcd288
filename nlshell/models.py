"""`nlshell models` and the lines of `auth status`: the server's model list, cached for an hour.

The list is cached as JSON in the cache dir so shell completion (`models --cached-ids`) can offer
model ids without ever touching the network, and so a request can be shaped to what its model
takes (reasoning options) without asking the server first.
"""

from __future__ import annotations

import json
import time

from nlshell import paths
from nlshell.redact import redact_url

MODELS_TTL = 3600.0
MODELS_CACHE_MAX_BYTES = 64_000_000


def _load_cache() -> dict | None:
    """The cached list file as {base_url, fetched, models}, or None when absent or unreadable."""
    try:  # never through a link, never blocked by a FIFO: Tab completion reads this
        raw = paths.read_own(paths.models_cache(), MODELS_CACHE_MAX_BYTES)
        data = json.loads(raw) if raw is not None else None
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("models"), list):
        return None
    from nlshell.text import visible

    models = [m for m in data["models"] if isinstance(m, dict) and isinstance(m.get("id"), str)]
    for m in models:  # an older or altered file is shown as safely as a fresh list
        m["id"] = visible(m["id"])
        if isinstance(m.get("name"), str):
            m["name"] = visible(m["name"])
    data["models"] = models
    return data


def _read_cache(base_url: str, *, max_age: float | None) -> list[dict] | None:
    data = _load_cache()
    if data is None or data.get("base_url") != redact_url(base_url):
        return None
    try:
        fetched = float(data.get("fetched", 0))
    except (TypeError, ValueError):
        return None
    if max_age is not None and time.time() - fetched > max_age:
        return None
    return data["models"]


def cached_ids() -> list[str]:
    """Model ids from the cached list, whatever its age or server; never the network."""
    data = _load_cache()
    return [m["id"] for m in data["models"]] if data else []


def cached_model(base_url: str, model_id: str) -> dict | None:
    """The model's row in the cached list for this server, whatever its age; None when unknown.

    What a model takes (reasoning, efforts) changes far more slowly than the hour the listing is
    fresh for, so an old list still serves here.
    """
    for row in _read_cache(base_url, max_age=None) or ():
        if row["id"] == model_id:
            return row
    return None


def list_models(pipeline, *, refresh: bool = False, warn=lambda message: None) -> list[dict]:
    """Models as plain dicts (id, name, context_length, prices per million tokens, free, reasoning
    and what reasoning options the model takes)."""
    base_url = pipeline.settings.base_url
    if not refresh:
        cached = _read_cache(base_url, max_age=MODELS_TTL)
        if cached is not None:
            return cached
    models = [_as_row(m) for m in pipeline.client(key_required=False).models()]
    try:
        paths.write_private(
            paths.models_cache(),
            json.dumps({"base_url": redact_url(base_url), "fetched": time.time(), "models": models}),
        )
    except OSError as e:
        warn(f"could not cache the model list ({e.strerror})")
    return models


def check_server(pipeline) -> int | None:
    """Ask the server for its model list with the configured key (or none): how many it lists.

    How `auth status` checks a key on a server that is not OpenRouter. Raises AuthError for a
    rejected key, KeyRequiredError when none was sent and the server wants one; None means the
    server lists no models, so nothing could be checked.
    """
    from nlshell.openrouter.errors import NoModelListError

    try:
        return len(list_models(pipeline, refresh=True))
    except NoModelListError:
        return None


def _per_million(price: float | None) -> float | None:
    return None if price is None else round(price * 1_000_000, 4)


def _as_row(model) -> dict:
    return {
        "id": model.id,
        "name": model.name,
        "context_length": model.context_length,
        "prompt_per_million": _per_million(model.prompt_price),
        "completion_per_million": _per_million(model.completion_price),
        "free": model.is_free,
        "reasoning": model.reasoning,
        "reasoning_mandatory": model.reasoning_mandatory,
        "reasoning_efforts": model.reasoning_efforts,
        "reasoning_max_tokens": model.reasoning_max_tokens,
        "max_completion_tokens": model.max_completion_tokens,
    }


def filter_models(models: list[dict], *, search: str | None = None, free: bool = False) -> list[dict]:
    needle = (search or "").lower()
    chosen = [
        m
        for m in models
        if (not free or m.get("free"))
        and (not needle or needle in m["id"].lower() or needle in str(m.get("name", "")).lower())
    ]
    return sorted(chosen, key=lambda m: m["id"])


def _price(value) -> str:
    if value is None:
        return "?"
    return "0" if value == 0 else f"{value:g}"


def format_table(models: list[dict]) -> list[str]:
    """Aligned rows: id, context, $/M tokens in and out, markers."""
    if not models:
        return []
    width = max(len(m["id"]) for m in models)
    lines = [f"{'MODEL'.ljust(width)}  {'CONTEXT':>9}  {'$/M IN':>8}  {'$/M OUT':>8}"]
    for m in models:
        context = f"{m['context_length']:,}" if m.get("context_length") else "?"
        marks = " ".join(x for x in ("free" if m.get("free") else "", "reasoning" if m.get("reasoning") else "") if x)
        lines.append(
            f"{m['id'].ljust(width)}  {context:>9}  {_price(m.get('prompt_per_million')):>8}  "
            f"{_price(m.get('completion_per_million')):>8}  {marks}".rstrip()
        )
    return lines


def _credits(value) -> str:
    return "unknown" if value is None else f"${value:,.4f}".rstrip("0").rstrip(".")


def describe_key(info, *, model: str) -> list[str]:
    """Lines for `auth status` from GET /key, with rate-limit advice that fits the model."""
    lines = []
    if info.label:
        lines.append(f"label:  {info.label}")
    lines.append(f"usage:  {_credits(info.usage)} all time" + (f", {_credits(info.usage_daily)} today" if info.usage_daily is not None else ""))
    if info.limit is None:
        lines.append("limit:  none (pay as you go)")
    else:
        lines.append(f"limit:  {_credits(info.limit)}, remaining {_credits(info.limit_remaining)}")
    if info.is_free_tier is not None:
        lines.append(f"tier:   {'free (no credits bought yet)' if info.is_free_tier else 'paid (credits bought)'}")
    if model.endswith(":free"):
        daily = {True: "50", False: "1,000"}.get(info.is_free_tier, "50 (1,000 once you have bought credits)")
        lines.append(f"limits: {model} is free: about 20 requests a minute and {daily} a day")
    else:
        lines.append(f"limits: {model} is paid: no platform request cap; credits are spent per token")
    return lines
