"""OpenRouter's `reasoning` option and `max_tokens`, shaped by what the model's /models entry says."""

from __future__ import annotations

import pytest

from nlshell.openrouter.reasoning import request_options, room_beside_budget, supported_effort

PLAIN = {"id": "qwen/qwen3-coder:free", "reasoning": False}
GPT_OSS = {"id": "openai/gpt-oss-120b:free", "reasoning": True, "reasoning_mandatory": False,
           "reasoning_efforts": ["high", "medium", "low"], "max_completion_tokens": 32768}
GEMINI = {"id": "google/gemini-3.5-flash", "reasoning": True, "reasoning_mandatory": True,
          "reasoning_efforts": ["high", "low"]}
CLAUDE = {"id": "anthropic/claude-sonnet-5", "reasoning": True, "reasoning_mandatory": False,
          "reasoning_efforts": None, "reasoning_max_tokens": True, "max_completion_tokens": 64000}
CLAUDE_SMALL_CAP = {**CLAUDE, "max_completion_tokens": 1500}
# An old cached row (before the list kept reasoning details): only the id tells.
OLD_ANTHROPIC_ROW = {"id": "anthropic/claude-3.7-sonnet:thinking", "reasoning": True}

CASES = [
    # effort, max_tokens, model row, reasoning sent, max_tokens sent
    ("low", 1024, None, {"effort": "low", "exclude": True}, 1024),  # not in a cached list: as asked
    ("low", 1024, PLAIN, None, 1024),  # the list says it does not reason: nothing sent
    ("off", 1024, GPT_OSS, None, 1024),
    ("low", 1024, GPT_OSS, {"effort": "low", "exclude": True}, 1024),
    ("minimal", 1024, GPT_OSS, {"effort": "low", "exclude": True}, 1024),  # the least it takes
    ("none", 1024, GPT_OSS, {"effort": "low", "exclude": True}, 1024),  # "none" is not in its list
    ("none", 1024, GEMINI, {"effort": "low", "exclude": True}, 1024),  # mandatory: never "none"
    ("medium", 1024, GEMINI, {"effort": "high", "exclude": True}, 1024),  # nearest, preferring less… above
    ("none", 1024, CLAUDE, {"effort": "none", "exclude": True}, 1024),  # no budget, no extra room
    ("low", 1024, CLAUDE, {"effort": "low", "exclude": True}, 2048),  # budget 1,024 (the floor) + the answer
    ("minimal", 1024, CLAUDE, {"effort": "minimal", "exclude": True}, 2048),
    ("medium", 1024, CLAUDE, {"effort": "medium", "exclude": True}, 2048),  # 50 % of 2,048 = 1,024
    ("high", 1024, CLAUDE, {"effort": "high", "exclude": True}, 5120),  # 80 % of 5,120 = 4,096
    ("high", 4000, CLAUDE, {"effort": "high", "exclude": True}, 20000),
    ("low", 1024, CLAUDE_SMALL_CAP, {"effort": "low", "exclude": True}, 1500),  # never above the model's cap
    ("low", 1024, OLD_ANTHROPIC_ROW, {"effort": "low", "exclude": True}, 2048),
]


@pytest.mark.parametrize("effort, max_tokens, model, reasoning, sent_max", CASES,
                         ids=[f"{c[0]}-{c[1]}-{(c[2] or {}).get('id', 'unknown')}" for c in CASES])
def test_request_options(effort, max_tokens, model, reasoning, sent_max):
    assert request_options(effort, max_tokens, model) == (reasoning, sent_max)


@pytest.mark.parametrize("answer", [1, 100, 1024, 3000, 8192, 40000])
@pytest.mark.parametrize("percent", [10, 20, 50, 80, 95])
def test_the_answer_keeps_its_room_beside_the_budget(answer, percent):
    """OpenRouter's rule: budget = max_tokens × share, kept between 1,024 and 128,000, below max_tokens."""

    def room(total: int) -> float:
        return total - min(max(total * percent / 100, 1024), 128_000)

    total = room_beside_budget(answer, percent)
    assert room(total) >= answer
    assert room(total - 1) < answer  # and not a token more than that


@pytest.mark.parametrize("effort, supported, mandatory, chosen", [
    ("low", None, False, "low"),
    ("none", None, True, "minimal"),
    ("xhigh", ["high", "medium"], False, "high"),
    ("low", ["weird"], False, "low"),
    ("none", ["weird"], True, "minimal"),
])
def test_supported_effort(effort, supported, mandatory, chosen):
    assert supported_effort(effort, supported, mandatory=mandatory) == chosen


# -- through the pipeline, with the list cached from the server ------------------------------------
CLAUDE_ENTRY = {
    "id": "anthropic/claude-sonnet-5", "name": "Anthropic: Claude Sonnet 5", "context_length": 200000,
    "pricing": {"prompt": "0.000003", "completion": "0.000015"},
    "top_provider": {"context_length": 200000, "max_completion_tokens": 64000},
    "supported_parameters": ["max_tokens", "reasoning", "include_reasoning"],
    "reasoning": {"mandatory": False, "default_enabled": False, "supports_max_tokens": True,
                  "supported_efforts": None},
}


@pytest.fixture
def listed(as_openrouter):
    """The fake server as OpenRouter, with its model list fetched and cached (as `nlshell models` does)."""
    from nlshell import config, models
    from nlshell.pipeline import Pipeline

    as_openrouter.models_data["data"].append(CLAUDE_ENTRY)
    pipeline = Pipeline(config.load())
    models.list_models(pipeline)
    pipeline.close()
    return as_openrouter


@pytest.mark.parametrize("model, reasoning, max_tokens", [
    ("qwen/qwen3-coder:free", None, 1024),
    ("openai/gpt-oss-120b:free", {"effort": "low", "exclude": True}, 1024),
    ("google/gemini-3.5-flash", {"effort": "low", "exclude": True}, 1024),
    ("anthropic/claude-sonnet-5", {"effort": "low", "exclude": True}, 2048),
])
def test_the_request_follows_the_cached_list(listed, monkeypatch, model, reasoning, max_tokens):
    from nlshell import config
    from nlshell.pipeline import Pipeline

    monkeypatch.setenv("OPENROUTER_MODEL", model)
    pipeline = Pipeline(config.load())
    pipeline.suggest("list files", no_cache=True)
    pipeline.close()
    sent = listed.chat_requests[-1].json
    assert sent.get("reasoning") == reasoning
    assert sent["max_tokens"] == max_tokens


def test_other_servers_never_get_reasoning(fake_server, monkeypatch):
    from nlshell import config, models
    from nlshell.pipeline import Pipeline

    monkeypatch.setenv("OPENROUTER_BASE_URL", fake_server.base_url)
    monkeypatch.setenv("OPENROUTER_MODEL", "openai/gpt-oss-120b:free")
    pipeline = Pipeline(config.load())
    models.list_models(pipeline)
    pipeline.suggest("list files")
    pipeline.close()
    assert "reasoning" not in fake_server.chat_requests[-1].json
