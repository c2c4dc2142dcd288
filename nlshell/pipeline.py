"""Request → checked suggestion: cache, memory, offline index or model, then extract, validate, rate.

Shared by the one-shot CLI, the REPL and the keybinding widget, so they cannot drift apart. It
prints nothing and asks nothing: warnings go to the `warn` callback, failures are typed errors.
Each heavy part (HTTP client, parser, offline index) is imported the first time it is needed, so a
cache hit costs one SELECT.
"""

from __future__ import annotations

import os

from nlshell.cache import CommandCache, cache_key

OFFLINE_NOTICE = "offline suggestion — set a key for tailored commands: nlshell auth login"
SOURCES = {"tldr": "tldr", "nl2bash": "NL2Bash", "nlshell": "example"}  # where an offline answer's description is from


class Suggestion:
    """One proposed command and everything known about it."""

    __slots__ = (
        "request",
        "command",
        "valid",
        "risk",
        "reasons",
        "problems",
        "cached",
        "source",
        "model",
        "usage",
        "notes",
        "key",
    )

    def __init__(
        self,
        request: str,
        command: str | None,
        *,
        valid: bool | None = None,
        risk: str | None = None,
        reasons: list[str] | None = None,
        problems: list[str] | None = None,
        cached: bool = False,
        source: str = "model",
        model: str | None = None,
        usage: dict | None = None,
        notes: list[str] | None = None,
        key: str | None = None,
    ) -> None:
        self.request = request
        self.command = command
        self.valid = valid
        self.risk = risk
        self.reasons = reasons or []
        self.problems = problems or []
        self.cached = cached
        self.source = source
        self.model = model
        self.usage = usage
        self.notes = notes or []
        self.key = key

    @property
    def dangerous(self) -> bool:
        return self.risk == "dangerous"

    def as_json(self) -> dict:
        return {
            "command": self.command,
            "valid": self.valid,
            "risk": self.risk,
            "reasons": list(self.reasons),
            "problems": list(self.problems),
            "cached": self.cached,
            "source": self.source,
            "model": self.model,
            "usage": self.usage,
            "notes": list(self.notes),
        }

    def __repr__(self) -> str:
        return f"Suggestion({self.command!r}, risk={self.risk!r}, source={self.source!r}, cached={self.cached})"


class Pipeline:
    """One per process (or REPL session): owns the one HTTP client, the cache and the memory."""

    def __init__(self, settings, *, warn=None, which=None, offline_index=None) -> None:
        self.settings = settings
        self.warn = warn or (lambda message: None)
        self.which = which
        self.shell = settings.shell_kind()
        self.cache = CommandCache(ttl=settings.cache_ttl, warn=self.warn, persistent=settings.cache_enabled)
        self._client = None
        self._key_lookup = None
        self._memory = None
        self._system_prompt = None
        self._context = None
        self._offline_index = offline_index  # None: the user's, opened on first use

    # -- lazily built parts ----------------------------------------------------------------
    @property
    def system_prompt(self):
        if self._system_prompt is None:
            from nlshell.prompt import load_system_prompt

            self._system_prompt = load_system_prompt(self.settings.system_prompt_file or None)
        return self._system_prompt

    @property
    def prompt_version(self) -> str:
        """What the model is told, as a version: the system prompt's, and whether offline examples go with it."""
        return self.system_prompt.version + ("+offline-examples" if self.settings.offline_examples else "")

    @property
    def context(self):
        if self._context is None:
            from nlshell.prompt import Context

            self._context = Context.detect(self.shell)
        return self._context

    @property
    def memory(self):
        if self._memory is None and self.settings.memory_enabled:
            from nlshell.memory import Memory

            self._memory = Memory(warn=self.warn)
        return self._memory

    def key_lookup(self):
        if self._key_lookup is None:
            from nlshell.credentials import find_key

            self._key_lookup = find_key(self.settings)
            for note in self._key_lookup.notes:
                if self.settings.is_openrouter:
                    self.warn(note)
        return self._key_lookup

    @property
    def needs_offline(self) -> bool:
        """No key and OpenRouter's URL: only the offline index can answer."""
        return self.settings.is_openrouter and not self.key_lookup().key

    def client(self, *, key_required: bool = True):
        """The one pooled client. OpenRouter needs a key for everything but its public model list."""
        if self._client is None:
            from nlshell import __version__
            from nlshell.openrouter.client import OpenRouterClient

            key = self.key_lookup().key
            if not key and self.settings.is_openrouter and key_required:
                from nlshell.errors import NoKeyError

                raise NoKeyError()
            attribution = self.settings.attribution
            self._client = OpenRouterClient(
                self.settings.base_url,
                key,
                read_timeout=self.settings.timeout,
                referer="https://github.com/nlshell/nlshell" if attribution else None,
                title="nlshell" if attribution else None,
                user_agent=f"nlshell/{__version__}",
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._memory is not None:
            self._memory.close()
        if self._offline_index is not None:
            self._offline_index.close()
        self.cache.close()

    # -- the steps -------------------------------------------------------------------------
    def cache_key_for(self, request: str, history: list[dict] | tuple = ()) -> str:
        from nlshell.memory import normalize_request

        turns = "\x1e".join(f"{t.get('role')}:{t.get('content')}" for t in history)
        return cache_key(
            normalize_request(request),
            self.settings.base_url,
            self.settings.model,
            self.prompt_version,
            self.shell,
            self.context.os_description,
            os.getcwd(),
            turns,
        )

    def assess(self, request: str, command: str, *, source: str, model: str | None = None, **extra) -> Suggestion:
        """Validate and rate a command; the result is a full Suggestion."""
        from nlshell.validate import assess

        result = assess(command, self.shell, **({"which": self.which} if self.which else {}))
        return Suggestion(
            request,
            command,
            valid=result.valid,
            risk=result.risk,
            reasons=list(result.reasons),
            problems=list(result.problems),
            source=source,
            model=model,
            **extra,
        )

    def suggest(
        self,
        request: str,
        *,
        history: list[dict] | tuple = (),
        no_cache: bool = False,
        offline: bool = False,
    ) -> Suggestion:
        request = request.strip()
        key = None
        if self.settings.cache_enabled and not offline:
            key = self.cache_key_for(request, history)
            if not no_cache:
                hit = self.cache.get(key)
                if hit is not None:
                    return Suggestion(request, cached=True, key=key, **hit)

        if not history and not no_cache and self.memory is not None:
            # --no-cache asks for a fresh answer: the remembered command would be the same one again.
            remembered = self.memory.exact(request, shell=self.shell)
            if remembered:
                s = self.assess(request, remembered, source="memory")
                s.notes.append("from your history (nlshell history)")
                return s

        if offline or self.needs_offline:
            return self.offline(request, notice=None if offline else OFFLINE_NOTICE)

        from nlshell.openrouter.errors import ConnectError

        try:
            return self._ask_model(request, history=history, key=key)
        except ConnectError as e:
            # The server cannot be reached: the error line offers what the offline index knows.
            hint = self.offline_hint(request)
            if hint:
                e.hint = f"offline suggestion: {hint}  (nlshell --offline …)"
            raise

    def _ask_model(self, request: str, *, history, key: str | None) -> Suggestion:
        from nlshell.extract import extract_command
        from nlshell.prompt import build_messages

        examples = ()
        if self.settings.few_shot_from_memory and self.memory is not None:
            examples = self.memory.similar(request, shell=self.shell, limit=3)
        messages = build_messages(
            request,
            system_prompt=self.system_prompt,
            context=self.context,
            history=list(history),
            examples=list(examples),
            references=self.offline_references(request) if not history else (),
        )
        result = self.client().chat(messages, **self._chat_options())
        extraction = extract_command(result.content)
        usage = result.usage.as_dict() if getattr(result, "usage", None) is not None else None
        s = self.assess(request, extraction.command, source="model", model=result.model, usage=usage, key=key)
        s.notes.extend(extraction.notes)
        if s.valid and key is not None:
            self.cache.put(key, _cache_entry(s), request=request)
        return s

    def _chat_options(self) -> dict:
        settings = self.settings
        options: dict = {
            "model": settings.model,
            "temperature": settings.temperature,
            "max_tokens": settings.max_tokens,
        }
        if settings.is_openrouter:
            if settings.uses_default_model and settings.fallback_models:
                options["fallback_models"] = list(settings.fallback_models)
            if settings.reasoning_effort != "off":
                options["reasoning"] = {"effort": settings.reasoning_effort, "exclude": True}
        return options

    def offline_index(self, *, warn=None):
        """The offline index (opened, or built the first time, on its first lookup)."""
        if self._offline_index is None:
            from nlshell.offline import OfflineIndex

            self._offline_index = OfflineIndex(warn=warn or self.warn, **({"which": self.which} if self.which else {}))
        return self._offline_index

    def _offline_answers(self, request: str, *, limit: int = 1, warn=None) -> list:
        """The offline index's best answers, values from the request (and this directory) filled in;
        raises NoOfflineAnswerError (or, for a request that only looks, NoReadOnlyAnswerError)."""
        from nlshell.offline.answer import answers

        accepted = self.memory.accepted_commands() if self.memory is not None else ()
        return answers(self.offline_index(warn=warn), request, shell=self.shell, limit=limit, accepted=accepted,
                       cwd=_cwd())

    def offline(self, request: str, *, notice: str | None = None) -> Suggestion:
        hit = self._offline_answers(request)[0].hit
        s = self.assess(request, hit.command, source="offline")
        if notice:
            s.notes.append(notice)
        if hit.description:
            s.notes.append(f"{SOURCES.get(hit.source, hit.source)}: {hit.description}")
        return s

    def offline_references(self, request: str) -> list[str]:
        """The best two or three offline matches, as lines for the model's prompt ([] when the
        setting is off or nothing fits; never raises: the model answers without them)."""
        if not self.settings.offline_examples:
            return []
        try:
            from nlshell.offline.references import references

            found = references(self.offline_index(warn=lambda message: None), request, shell=self.shell, cwd=_cwd())
        except Exception as exc:  # noqa: BLE001 - the model answers without them
            import logging

            logging.getLogger("nlshell.offline").debug("no offline examples: %r", exc)
            return []
        return [reference.line() for reference in found]

    def offline_hint(self, request: str) -> str | None:
        """The answer `--offline` would give, to offer when the network is down (never raises)."""
        try:
            return self._offline_answers(request, warn=lambda message: None)[0].command
        except Exception:
            return None

    def revise(self, current: Suggestion, instruction: str, history: list[dict] | tuple = ()) -> Suggestion:
        """A follow-up turn: the conversation so far, the command given, and what should change."""
        self.forget(current)
        from nlshell.prompt import user_turn

        turns = list(history) + [
            {"role": "user", "content": user_turn(current.request)},
            {"role": "assistant", "content": current.command or ""},
        ]
        return self._ask_model(instruction, history=turns, key=None)

    def explain(self, command: str):
        """Stream an explanation of `command`, part by part."""
        from nlshell.prompt import explain_messages

        options = self._chat_options()
        return self.client().stream_chat(explain_messages(command, context=self.context), **options)

    def forget(self, suggestion: Suggestion) -> None:
        """Aborting or revising evicts the answer, so asking again gives a fresh one — also when the
        answer came from your history: that request stops answering itself from memory."""
        if suggestion.key:
            self.cache.evict(suggestion.key)
        if suggestion.source == "memory" and self.memory is not None:
            self.memory.forget(suggestion.request, shell=self.shell)

    def execute(self, suggestion: Suggestion, command: str) -> int:
        """Run the confirmed command in the user's shell and remember it; returns its status."""
        from nlshell.run import run_command

        status = run_command(command, shell=self.settings.shell_path())
        self.remember(suggestion, command)
        return status

    def remember(self, suggestion: Suggestion, command: str) -> None:
        if self.memory is not None:
            self.memory.remember(suggestion.request, command, shell=self.shell, cwd=os.getcwd())


def _cwd() -> str | None:
    try:
        return os.getcwd()
    except OSError:  # the directory was deleted under us
        return None


def _cache_entry(s: Suggestion) -> dict:
    return {
        "command": s.command,
        "valid": s.valid,
        "risk": s.risk,
        "reasons": s.reasons,
        "problems": s.problems,
        "model": s.model,
        "source": s.source,
    }
