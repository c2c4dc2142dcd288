"""One proposed command and what is known about it: the value the pipeline hands every front end
(menu, REPL, keybinding, `--json`) and the session records after a run."""

from __future__ import annotations


class Suggestion:
    """One proposed command and everything known about it."""

    __slots__ = (
        "request",
        "command",
        "valid",
        "risk",
        "reasons",
        "rules",
        "problems",
        "cached",
        "source",
        "model",
        "usage",
        "notes",
        "key",
        "effects",
        "edited",
        "follow_up",
    )

    def __init__(
        self,
        request: str,
        command: str | None,
        *,
        valid: bool | None = None,
        risk: str | None = None,
        reasons: list[str] | None = None,
        rules: list[str] | None = None,
        problems: list[str] | None = None,
        cached: bool = False,
        source: str = "model",
        model: str | None = None,
        usage: dict | None = None,
        notes: list[str] | None = None,
        key: str | None = None,
        edited: bool = False,
        follow_up: bool = False,
    ) -> None:
        self.request = request
        self.command = command
        self.valid = valid
        self.risk = risk
        self.reasons = reasons or []
        self.rules = rules or []  # ids of the risk rules behind the reasons
        self.problems = problems or []
        self.cached = cached
        self.source = source
        self.model = model
        self.usage = usage
        self.notes = notes or []
        self.key = key
        self.effects = None  # effect preview (nlshell.preview): None until computed
        self.edited = edited  # written or changed by the person, not the model
        self.follow_up = follow_up  # asked within a conversation: the request alone does not say it all

    @property
    def dangerous(self) -> bool:
        return self.risk == "dangerous"

    def as_json(self) -> dict:
        return {
            "command": self.command,
            "valid": self.valid,
            "risk": self.risk,
            "reasons": list(self.reasons),
            "rules": list(self.rules),
            "problems": list(self.problems),
            "cached": self.cached,
            "source": self.source,
            "model": self.model,
            "usage": self.usage,
            "notes": list(self.notes),
            "effects": None if self.effects is None else [e.as_json() for e in self.effects],
        }

    def __repr__(self) -> str:
        return f"Suggestion({self.command!r}, risk={self.risk!r}, source={self.source!r}, cached={self.cached})"
