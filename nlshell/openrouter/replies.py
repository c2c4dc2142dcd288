"""What a chat request sends and what its reply must hold: the body, and the reply read as text.

Shared by the plain and the streamed chat: a reply with no choices, an error inside a choice, a
content filter, nothing but whitespace or a cut-off answer is a typed error, never a command.
"""

from __future__ import annotations

from nlshell.openrouter.error_body import error_from_body
from nlshell.openrouter.errors import (
    ApiError,
    EmptyResponseError,
    MalformedResponseError,
    ModerationError,
    TruncatedResponseError,
    empty_reply_error,
)
from nlshell.openrouter.types import ChatResult, Usage


def token_field(payload: dict, name: str) -> dict:
    """The payload with its token limit under `name`."""
    if name == "max_tokens" or "max_tokens" not in payload:
        return payload
    renamed = {k: v for k, v in payload.items() if k != "max_tokens"}
    renamed[name] = payload["max_tokens"]
    return renamed


def chat_payload(messages: list[dict], *, model: str, fallback_models: list[str] | None = None,
                 temperature: float = 0.0, max_tokens: int = 1024, reasoning: dict | None = None,
                 stop: list[str] | str | None = None) -> dict:
    """The body of a chat request; `fallback_models` go as OpenRouter's `models` array."""
    payload: dict = {"model": model, "messages": list(messages), "temperature": temperature,
                     "max_tokens": max_tokens}
    if fallback_models:
        payload["models"] = [model, *fallback_models]
    if reasoning:
        payload["reasoning"] = dict(reasoning)
    if stop:
        payload["stop"] = stop
    return payload


def text_of(content: object) -> str | None:
    """Message content as text: a string, or a list of parts (some OpenAI-compatible servers)."""
    if content is None or isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = []
        for part in content:
            if isinstance(part, str):
                texts.append(part)
            elif isinstance(part, dict) and part.get("type", "text") in ("text", "output_text") \
                    and isinstance(part.get("text"), str):
                texts.append(part["text"])
        return "".join(texts)
    raise MalformedResponseError(f"the reply's content has an unexpected type ({type(content).__name__})")


def choice_error(status: int, choice: dict, model: str | None, context: dict) -> ApiError:
    error = choice.get("error")
    if not isinstance(error, dict):
        error = {"message": error if isinstance(error, str) else "the provider reported an error mid-reply"}
    return error_from_body(status, {"error": error}, model=model, **context)


def chat_result(status: int, body: object, model: str, context: dict) -> ChatResult:
    if not isinstance(body, dict):
        raise MalformedResponseError(
            f"the reply has an unexpected shape (a JSON {type(body).__name__} instead of an object)", status=status)
    choices = body.get("choices")
    if choices is None or choices == []:
        raise EmptyResponseError("the server's reply has no choices", status=status, model=model)
    if not isinstance(choices, list) or not isinstance(choices[0], dict):
        raise MalformedResponseError("the reply has an unexpected shape (`choices` is not a list of objects)",
                                     status=status)
    choice = choices[0]
    finish = choice.get("finish_reason")
    if choice.get("error") or finish == "error":
        raise choice_error(status, choice, model, context)
    message = choice.get("message")
    if isinstance(message, dict):
        content = text_of(message.get("content"))
    elif message is None and isinstance(choice.get("text"), str):  # legacy completions shape
        content = choice["text"]
    else:
        raise MalformedResponseError("the reply has an unexpected shape (no `message` in the choice)", status=status)
    usage = Usage.from_json(body.get("usage"))
    used_model = body.get("model") if isinstance(body.get("model"), str) and body.get("model") else model
    if finish == "content_filter":
        raise ModerationError("the provider's content filter stopped the reply", status=status, model=used_model)
    if not content or not content.strip():
        raise empty_reply_error(
            finish_reason=finish,
            reasoning_tokens=usage.reasoning_tokens if usage else None,
            completion_tokens=usage.completion_tokens if usage else None,
            model=used_model,
        )
    if finish == "length":
        raise TruncatedResponseError("the model's reply was cut off at the token limit", model=used_model)
    return ChatResult(
        id=body.get("id") if isinstance(body.get("id"), str) else None,
        model=used_model,
        content=content,
        finish_reason=finish if isinstance(finish, str) else None,
        usage=usage,
        provider=body.get("provider") if isinstance(body.get("provider"), str) else None,
    )
