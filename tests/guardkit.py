"""Helpers for the guard tests: documented events, the policy file, the guard as a process."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from nlshell import guard

EVENTS = Path(__file__).resolve().parent / "data" / "guard"


def event(name: str, command: str | None = None, **changes) -> dict:
    """A documented event (tests/data/guard/NAME.json) with its command replaced."""
    data = json.loads((EVENTS / f"{name}.json").read_text())
    data = copy.deepcopy(data)
    if command is not None:
        if "tool_input" in data and name != "cursor_before_shell_execution":
            data["tool_input"]["command"] = command
        else:
            data["command"] = command
    data.update(changes)
    return data


def claude(command: str, **changes) -> dict:
    return event("claude_code_pretooluse_bash", command, **changes)


def cursor(command: str, **changes) -> dict:
    return event("cursor_before_shell_execution", command, **changes)


def gemini(command: str, **changes) -> dict:
    return event("gemini_before_tool_shell", command, **changes)


def raw(value) -> bytes:
    return value if isinstance(value, bytes) else json.dumps(value).encode()


def write_config(home: Path, text: str) -> Path:
    """config.toml written as a new file (a new inode), the way editors save."""
    path = home / ".config" / "nlshell" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)
    return path


def policy(home: Path, **settings) -> Path:
    """[guard] settings in config.toml: policy(home, on_safe="allow", allow=["make x"])."""
    lines = ["[guard]"] + [f"{k} = {json.dumps(v)}" for k, v in settings.items()]
    return write_config(home, "\n".join(lines) + "\n")


def decide(value, fmt: str | None = None, rater=None, seconds: float = 10.0, environ=None):
    """(format, Decision) from the guard's own code path, rating in a child process as in production."""
    return guard.decide(raw(value), fmt, environ if environ is not None else os.environ,
                        time.monotonic() + seconds, rater)


def answer(value, fmt: str | None = None, **kwargs) -> tuple[dict | None, int]:
    """The parsed stdout (None when empty) and exit code the agent would get."""
    name, decision = decide(value, fmt, **kwargs)
    text, code = guard.render(name, decision)
    return (json.loads(text) if text else None), code


def run_guard(value, *args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """`nlshell guard ARGS` as a real process, the event on stdin as bytes."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "nlshell", "guard", *args], input=raw(value),
                          capture_output=True, env=full_env, timeout=timeout)


def claude_decision(stdout: bytes | str) -> tuple[str, str]:
    """(permissionDecision, permissionDecisionReason) from a Claude Code answer."""
    out = json.loads(stdout)["hookSpecificOutput"]
    assert out["hookEventName"] == "PreToolUse"
    return out["permissionDecision"], out["permissionDecisionReason"]
