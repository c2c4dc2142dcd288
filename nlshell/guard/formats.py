"""The hook events of coding agents, read and answered in each agent's own format.

Each agent sends one JSON event on stdin before it runs a shell command and reads one answer on
stdout (exit 0); exit 2 is every agent's "block" when no answer can be written. The fields used
here are the documented ones; the test fixtures (tests/data/guard/) are the documentation's own
examples, each with its source.

- Claude Code, `PreToolUse` (https://code.claude.com/docs/en/hooks): `tool_name` "Bash",
  `tool_input.command`, `cwd`. Answer `hookSpecificOutput.permissionDecision` allow / ask / deny
  with `permissionDecisionReason` (shown to the person for allow and ask, to Claude for deny); no
  output at all leaves the decision to Claude Code's own permission rules.
- Cursor, `beforeShellExecution` (https://cursor.com/docs/hooks): top-level `command`, `cwd`,
  `workspace_roots`. Answer `permission` allow / ask / deny, `user_message`, `agent_message`.
  Cursor has no "no decision" answer (an empty reply is a failure, and the installed hook fails
  closed), so passing is sent as `allow`.
- Gemini CLI, `BeforeTool` (https://geminicli.com/docs/hooks/reference, "Tool hooks"):
  `tool_name` "run_shell_command", `tool_input.command`, `tool_input.dir_path`, `cwd`. Answer
  `decision` allow / deny with `reason` (sent to the agent). Its documented decisions have no
  "ask", so a rating the policy would ask about is left to Gemini CLI's own confirmation (no
  decision), and a failure is a deny: never an allow.
"""

from __future__ import annotations

import json
import os

PASS, ALLOW, ASK, DENY = "pass", "allow", "ask", "deny"
CLAUDE_CODE, CURSOR, GEMINI = "claude-code", "cursor", "gemini"
NAMES = (CLAUDE_CODE, CURSOR, GEMINI)
GEMINI_EVENTS = frozenset(
    "BeforeTool AfterTool BeforeAgent AfterAgent BeforeModel AfterModel BeforeToolSelection SessionStart "
    "SessionEnd Notification PreCompress".split()
)


class Malformed(Exception):
    """The event is not what the agent documents: it cannot be trusted, so the answer is ask."""


class ShellRequest:
    """The shell command an agent is about to run, where, and in which shell's syntax."""

    __slots__ = ("command", "cwd", "shell")

    def __init__(self, command: str, cwd: str | None, shell: str) -> None:
        self.command = command
        self.cwd = cwd
        self.shell = shell


class Decision:
    """allow / ask / deny / pass, and one line saying why. `failure`: the guard could not rate it."""

    __slots__ = ("action", "summary", "failure")

    def __init__(self, action: str, summary: str = "", failure: bool = False) -> None:
        self.action = action
        self.summary = summary
        self.failure = failure

    @property
    def for_person(self) -> str:
        text = f"nlshell: {self.summary}" if self.summary else "nlshell"
        return text + "; confirm it yourself" if self.failure else text

    @property
    def for_agent(self) -> str:
        if self.action != DENY:
            return self.for_person
        if self.failure:
            return f"The nlshell guard blocked this command: {self.summary}. If it is needed, let the user run it."
        return (
            f"The nlshell guard blocked this command: {self.summary}. Do not try another way around this check; "
            "if the command is really needed, explain why and let the user run it."
        )

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Decision({self.action!r}, {self.summary!r}, failure={self.failure})"


def _text(event: dict, field: str, required: bool = True) -> str | None:
    value = event.get(field)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise Malformed(f"`{field}` is {'missing' if value is None else 'not a string'}")
    return value


def _object(event: dict, field: str) -> dict:
    value = event.get(field)
    if not isinstance(value, dict):
        raise Malformed(f"`{field}` is {'missing' if value is None else 'not an object'}")
    return value


def _answer(payload: dict) -> tuple[str, int]:
    return json.dumps(payload, ensure_ascii=True) + "\n", 0


# -- Claude Code ------------------------------------------------------------------------------
def _claude_matches(event: dict) -> bool:
    name = event.get("hook_event_name")
    if name is None:  # early events had no name: tool_name and tool_input say enough
        return "tool_name" in event and isinstance(event.get("tool_input"), dict)
    return name == "PreToolUse" or (name in ("PostToolUse", "PermissionRequest") and "tool_name" in event)


def _claude_request(event: dict, environ) -> ShellRequest | None:
    if event.get("hook_event_name", "PreToolUse") != "PreToolUse" or _text(event, "tool_name") != "Bash":
        return None  # another event, or a tool that is not a shell
    command = _text(_object(event, "tool_input"), "command")
    return ShellRequest(command, _text(event, "cwd", required=False), "bash")


def _claude_render(decision: Decision) -> tuple[str, int]:
    if decision.action == PASS:
        return "", 0
    reason = decision.for_agent if decision.action == DENY else decision.for_person
    return _answer(
        {
            "hookSpecificOutput": {
                "hookEventName": "PreToolUse",
                "permissionDecision": decision.action,
                "permissionDecisionReason": reason,
            }
        }
    )


# -- Cursor -----------------------------------------------------------------------------------
def _cursor_matches(event: dict) -> bool:
    name = event.get("hook_event_name")
    if name is None:
        return isinstance(event.get("command"), str) and ("workspace_roots" in event or "conversation_id" in event)
    return name == "beforeShellExecution" or "cursor_version" in event


def _cursor_request(event: dict, environ) -> ShellRequest | None:
    if event.get("hook_event_name", "beforeShellExecution") != "beforeShellExecution":
        return None
    command = _text(event, "command")
    cwd = _text(event, "cwd", required=False) or None
    roots = event.get("workspace_roots")
    if cwd is None and isinstance(roots, list) and roots and isinstance(roots[0], str):
        cwd = roots[0]
    return ShellRequest(command, cwd, _user_shell_kind(environ))


def _cursor_render(decision: Decision) -> tuple[str, int]:
    if decision.action == PASS:
        return _answer({"permission": ALLOW})
    return _answer(
        {"permission": decision.action, "user_message": decision.for_person, "agent_message": decision.for_agent}
    )


def _user_shell_kind(environ) -> str:
    """Cursor runs commands in the user's own shell (bash, zsh, fish or sh syntax)."""
    from nlshell.usershell import shell_kind

    return shell_kind(environ.get("SHELL", "")) or "bash"


# -- Gemini CLI -------------------------------------------------------------------------------
def _gemini_matches(event: dict) -> bool:
    return event.get("hook_event_name") in GEMINI_EVENTS


def _gemini_request(event: dict, environ) -> ShellRequest | None:
    if event.get("hook_event_name") != "BeforeTool" or _text(event, "tool_name") != "run_shell_command":
        return None
    tool_input = _object(event, "tool_input")
    command = _text(tool_input, "command")
    cwd = _text(event, "cwd", required=False)
    where = _text(tool_input, "dir_path", required=False)
    if where:  # absolute, or relative to the workspace root
        root = environ.get("GEMINI_PROJECT_DIR") or cwd or ""
        cwd = os.path.join(root, where) if root else where
    return ShellRequest(command, cwd, "bash")


def _gemini_render(decision: Decision) -> tuple[str, int]:
    if decision.action == PASS or (decision.action == ASK and not decision.failure):
        return _answer({})  # Gemini CLI's own rules decide: its documented answers have no "ask"
    if decision.action == ALLOW:
        return _answer({"decision": ALLOW, "reason": decision.for_person})
    denied = Decision(DENY, decision.summary, failure=decision.failure)
    return _answer({"decision": DENY, "reason": denied.for_agent})


_READERS = {CLAUDE_CODE: (_claude_matches, _claude_request), CURSOR: (_cursor_matches, _cursor_request),
            GEMINI: (_gemini_matches, _gemini_request)}
_RENDERERS = {CLAUDE_CODE: _claude_render, CURSOR: _cursor_render, GEMINI: _gemini_render}


def detect(event: dict) -> str | None:
    """The agent whose documented event this is, or None."""
    for name in (GEMINI, CURSOR, CLAUDE_CODE):  # most specific first: Claude's old shape is the loosest
        if _READERS[name][0](event):
            return name
    return None


def from_environment(environ) -> str:
    """The agent that ran this hook, from the variables each sets (for events that cannot be read)."""
    if environ.get("CURSOR_VERSION") or environ.get("CURSOR_PROJECT_DIR"):
        return CURSOR
    if environ.get("GEMINI_PROJECT_DIR") or environ.get("GEMINI_SESSION_ID"):
        return GEMINI
    return CLAUDE_CODE


def shell_request(shape: str, event: dict, environ) -> ShellRequest | None:
    """The command in an event of this shape; None for a tool or event that is not a shell command."""
    return _READERS[shape][1](event, environ)


def render(name: str, decision: Decision) -> tuple[str, int]:
    """(stdout, exit code) answering `decision` in the agent's format."""
    return _RENDERERS[name](decision)
