"""Request → checked suggestion: cache, memory, offline index or model, then extract, validate, rate.

Shared by the one-shot CLI, the REPL and the keybinding widget, so they cannot drift apart. It
prints nothing and asks nothing: warnings go to the `warn` callback, failures are typed errors.
Each heavy part (HTTP client, parser, offline index) is imported the first time it is needed, so a
cache hit costs one SELECT.
"""

from __future__ import annotations

import os

from nlshell.cache import CommandCache, cache_key
from nlshell.suggestion import Suggestion

OFFLINE_NOTICE = "offline suggestion — set a key for tailored commands: nlshell auth login"
_WARNED_PLAIN_HTTP: set[str] = set()  # base URLs already warned about (a key over plain http://)
REMEMBERED = "from your history (nlshell history)"
REMEMBERED_EDIT = "from your history: your own edit of an earlier suggestion (nlshell history)"
SOURCES = {"tldr": "tldr", "nl2bash": "NL2Bash", "nlshell": "example"}  # where an offline answer's description is from


class Pipeline:
    """One per process (or REPL session): owns the one HTTP client, the cache and the memory."""

    def __init__(self, settings, *, warn=None, which=None, notice=None, offline_index=None) -> None:
        self.settings = settings
        self.warn = warn or (lambda message: None)
        # notice(text) while waiting to retry ("rate limited, retrying in 3 s"), notice(None) after it
        self.notice = notice
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
            for warning in self._key_lookup.warnings:
                self.warn(warning)
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
            if key:
                from nlshell.trust import check_key_destination

                check_key_destination(self.settings, self.key_lookup().source)
            attribution = self.settings.attribution
            self._client = OpenRouterClient(
                self.settings.base_url,
                key,
                read_timeout=self.settings.timeout,
                deadline=self.settings.deadline,
                referer="https://github.com/nlshell/nlshell" if attribution else None,
                title="nlshell" if attribution else None,
                user_agent=f"nlshell/{__version__}",
                openrouter=self.settings.is_openrouter,
                on_wait=self.notice,
            )
            if key and self.settings.base_url not in _WARNED_PLAIN_HTTP:
                from nlshell.openrouter.endpoint import plain_http_warning

                exposed = plain_http_warning(self.settings.base_url)
                if exposed:
                    _WARNED_PLAIN_HTTP.add(self.settings.base_url)  # once per process, not per request
                    self.warn(exposed)
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
        """Validate and rate a command; the result is a full Suggestion (`source="user"`: an edit)."""
        from nlshell.assess import assess

        result = assess(command, self.shell, **({"which": self.which} if self.which else {}))
        return Suggestion(
            request,
            command,
            valid=result.valid,
            risk=result.risk,
            reasons=list(result.reasons),
            rules=list(result.rules),
            problems=list(result.problems),
            source=source,
            model=model,
            edited=source == "user",
            **extra,
        )

    def preview(self, suggestion: Suggestion) -> Suggestion:
        """Fill in what the command would touch here (for the menu and --json; never the widget)."""
        from nlshell.preview import effects_for

        if suggestion.command is not None:
            suggestion.effects = effects_for(suggestion.command, valid=suggestion.valid, risk=suggestion.risk)
        return suggestion

    def suggest(
        self,
        request: str,
        *,
        history: list[dict] | tuple = (),
        no_cache: bool = False,
        offline: bool = False,
    ) -> Suggestion:
        s = self._suggest(request.strip(), history=history, no_cache=no_cache, offline=offline)
        s.follow_up = bool(history)
        return s

    def _suggest(self, request: str, *, history, no_cache: bool, offline: bool) -> Suggestion:
        key = None
        if self.settings.cache_enabled and not offline:
            key = self.cache_key_for(request, history)
            if not no_cache:
                hit = self._cached(request, key)
                if hit is not None:
                    return hit

        if not history and not no_cache and self.memory is not None:
            # --no-cache asks for a fresh answer: the remembered command would be the same one again.
            remembered = self.memory.exact(request, shell=self.shell)
            if remembered and self._shows_as_stored(remembered.command, "a remembered command"):
                s = self.assess(request, remembered.command, source="memory")  # rated now, by today's rules
                s.edited = remembered.edited
                s.notes.append(REMEMBERED_EDIT if remembered.edited else REMEMBERED)
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

    def _cached(self, request: str, key: str) -> Suggestion | None:
        """A cached answer, checked as it is read: hidden characters drop it; a rating made by
        other code (a fix since, an upgrade) is made again, so it follows a safety fix at once."""
        from nlshell.fingerprint import rater_fingerprint

        hit = self.cache.get(key)
        if hit is None:
            return None
        if not self._shows_as_stored(hit["command"], "a cached answer"):
            self.cache.evict(key)
            return None
        if hit.pop("rater", None) == rater_fingerprint():
            return Suggestion(request, cached=True, key=key, **hit)
        s = self.assess(request, hit["command"], source=hit["source"] or "model", model=hit["model"], key=key)
        if not s.valid:  # no longer valid here (a program removed since?): ask afresh
            self.cache.evict(key)
            return None
        s.cached = True
        self.cache.put(key, _cache_entry(s), request=request)
        return s

    def _shows_as_stored(self, command: str, what: str) -> bool:
        """A stored command with hidden characters was not stored by us: never show or run it."""
        from nlshell.text import hostile_characters

        hidden = hostile_characters(command)
        if hidden:
            self.warn(f"ignored {what} with hidden or control characters ({', '.join(hidden)}); asking afresh")
        return not hidden

    def _ask_model(self, request: str, *, history, key: str | None) -> Suggestion:
        from nlshell.errors import KeyInReplyError
        from nlshell.extract import extract_command
        from nlshell.prompt import build_messages
        from nlshell.redact import contains_known

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
        if contains_known(result.content):
            raise KeyInReplyError()
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
            from nlshell.models import cached_model
            from nlshell.openrouter.reasoning import request_options

            if settings.uses_default_model and settings.fallback_models:
                options["fallback_models"] = list(settings.fallback_models)
            reasoning, options["max_tokens"] = request_options(
                settings.reasoning_effort, settings.max_tokens, cached_model(settings.base_url, settings.model))
            if reasoning is not None:
                options["reasoning"] = reasoning
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
        from nlshell.text import hostile_characters

        hidden = hostile_characters(hit.command)
        if hidden:  # the index is a file on disk, and files can be changed
            from nlshell.errors import HostileTextError

            raise HostileTextError(hidden)
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
        from nlshell.prompt import user_turn

        turns = list(history) + [
            {"role": "user", "content": user_turn(current.request)},
            {"role": "assistant", "content": current.command or ""},
        ]
        s = self._ask_model(instruction, history=turns, key=None)
        s.follow_up = True
        return s

    def explain(self, command: str):
        """Stream an explanation of `command`, part by part."""
        from nlshell.prompt import explain_messages
        from nlshell.redact import filtered_stream

        options = self._chat_options()
        stream = self.client().stream_chat(explain_messages(command, context=self.context), **options)
        return filtered_stream(stream)  # an echoed key never reaches the screen, even split across chunks


def _cwd() -> str | None:
    try:
        return os.getcwd()
    except OSError:  # the directory was deleted under us
        return None


def _cache_entry(s: Suggestion) -> dict:
    from nlshell.fingerprint import rater_fingerprint

    return {
        "rater": rater_fingerprint(),
        "command": s.command,
        "valid": s.valid,
        "risk": s.risk,
        "reasons": s.reasons,
        "rules": s.rules,
        "problems": s.problems,
        "model": s.model,
        "source": s.source,
    }
