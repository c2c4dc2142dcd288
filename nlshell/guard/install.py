"""`nlshell guard install|uninstall|status`: wire the guard into a coding agent's settings file.

The hook entry is merged into the agent's own JSON file, the user's or the project's:

| agent       | user file                  | project file (`--project`)      | entry                              |
|-------------|----------------------------|---------------------------------|------------------------------------|
| claude-code | ~/.claude/settings.json    | <project>/.claude/settings.json | hooks.PreToolUse[] matcher "Bash"  |
| cursor      | ~/.cursor/hooks.json       | <project>/.cursor/hooks.json    | hooks.beforeShellExecution[]       |

(`CLAUDE_CONFIG_DIR` moves Claude Code's user directory, as it does for Claude Code.) Every other
key, entry and their order are kept, and the file keeps its indentation. Installing twice changes
nothing; a hook from another nlshell path is updated in place. The file's previous content is kept
as `<file>.nlshell-backup` before each change. A file that is not strict JSON, or whose hooks are
not shaped as the agent documents, is refused and left untouched. `uninstall` removes exactly the
entries that run `nlshell guard`, and the containers that become empty because of it.

Both entries fail closed when the guard cannot answer: Cursor's `failClosed`, and for Claude Code
(where a hook that cannot start or exits 1 lets the command through) `|| exit 2`.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import sys

from nlshell.errors import ConfigError
from nlshell.paths import write_atomic

CLAUDE_CODE, CURSOR = "claude-code", "cursor"
AGENTS = (CLAUDE_CODE, CURSOR)
HOOK_TIMEOUT = 30  # seconds the agent waits; the guard itself gives up at 10
BACKUP_SUFFIX = ".nlshell-backup"
_OURS = re.compile(r"""(?:^|[\s/'"])nlshell['"]?\s+guard\b|-m\s+['"]?nlshell['"]?\s+guard\b""")


def is_ours(entry) -> bool:
    return isinstance(entry, dict) and isinstance(entry.get("command"), str) and bool(_OURS.search(entry["command"]))


def own_argv() -> list[str]:
    """How to start this very nlshell, by absolute path: hooks run with the agent's PATH, not yours."""
    argv0 = sys.argv[0] if sys.argv else ""
    if os.path.basename(argv0) == "nlshell":
        found = argv0 if os.sep in argv0 else None
        if found is None:
            import shutil

            found = shutil.which(argv0)
        if found:
            return [os.path.abspath(found)]
    return [os.path.abspath(sys.executable), "-m", "nlshell"]


def hook_command(agent: str) -> str:
    command = " ".join(shlex.quote(part) for part in own_argv()) + f" guard --format {agent}"
    return command + " || exit 2" if agent == CLAUDE_CODE else command


def project_root(cwd: str) -> str:
    """The repository root above `cwd`, else `cwd` itself."""
    directory = os.path.abspath(cwd)
    while True:
        if os.path.exists(os.path.join(directory, ".git")):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return os.path.abspath(cwd)
        directory = parent


def settings_path(agent: str, project: bool, cwd: str) -> str:
    if agent == CLAUDE_CODE:
        base = os.path.join(project_root(cwd), ".claude") if project else (
            os.environ.get("CLAUDE_CONFIG_DIR") or os.path.join(os.path.expanduser("~"), ".claude"))
        return os.path.join(base, "settings.json")
    base = project_root(cwd) if project else os.path.expanduser("~")
    return os.path.join(base, ".cursor", "hooks.json")


# -- the file -----------------------------------------------------------------------------------
class SettingsFile:
    """A JSON settings file read strictly and written back in its own style."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.exists = os.path.exists(path)
        self.original = b""
        self.indent: int | str | None = 2
        self.newline = True
        self.data: dict = {}
        if self.exists:
            self._read()

    def _refuse(self, why: str, line: int | None = None) -> ConfigError:
        return ConfigError(why, "fix or move the file yourself; nlshell changed nothing", path=self.path, line=line)

    def _read(self) -> None:
        try:
            with open(self.path, "rb") as f:
                self.original = f.read()
        except OSError as e:
            raise self._refuse(f"cannot read it ({e.strerror or e})") from None
        try:
            text = self.original.decode("utf-8")
        except UnicodeDecodeError:
            raise self._refuse("it is not UTF-8 text") from None
        if not text.strip():
            return  # an empty file: start from {}
        from nlshell.guard import strict_json

        try:
            data = strict_json(text)
        except json.JSONDecodeError as e:
            raise self._refuse(f"cannot parse it as JSON ({e.msg})", e.lineno) from None
        except (ValueError, RecursionError) as e:
            raise self._refuse(f"cannot parse it as JSON ({e})") from None
        if not isinstance(data, dict):
            raise self._refuse("it is not a JSON object")
        self.data = data
        self.indent = _indent_of(text)
        self.newline = text.endswith("\n")

    def container(self, parent: dict, key: str, kind: type, label: str):
        """parent[key], created empty when missing; refused when it has another type."""
        if key not in parent:
            parent[key] = kind()
        if not isinstance(parent[key], kind):
            raise self._refuse(f"`{label}` is not a JSON {'object' if kind is dict else 'list'}")
        return parent[key]

    def render(self) -> bytes:
        text = json.dumps(self.data, indent=self.indent, ensure_ascii=False)
        return (text + ("\n" if self.newline else "")).encode("utf-8")

    def save(self) -> str | None:
        """Write the file (atomically, keeping its mode); returns the backup's path, if one was made."""
        target = os.path.realpath(self.path)  # through a symlink (dotfile managers), not over it
        directory = os.path.dirname(target)
        os.makedirs(directory, exist_ok=True)
        backup = None
        mode = 0o600
        if self.exists:
            backup = self.path + BACKUP_SUFFIX
            write_atomic(backup, self.original)
            mode = os.stat(target).st_mode & 0o777
        write_atomic(target, self.render(), mode)
        return backup


def _indent_of(text: str) -> int | str | None:
    """The file's own indentation: a number of spaces, a tab, or None for one-line JSON."""
    match = re.search(r"\n([ \t]+)\S", text)
    if not match:
        return None
    unit = match.group(1)
    return "\t" if unit.startswith("\t") else len(unit)


# -- the entries ----------------------------------------------------------------------------------
def _entry_list(settings: SettingsFile, agent: str) -> list:
    """The list the agent runs shell hooks from (created when missing)."""
    data = settings.data
    if agent == CURSOR:
        if "version" not in data:
            data["version"] = 1
        if data["version"] != 1:
            raise settings._refuse(f"hooks.json has version {data['version']!r}; nlshell knows version 1")
        hooks = settings.container(data, "hooks", dict, "hooks")
        return settings.container(hooks, "beforeShellExecution", list, "hooks.beforeShellExecution")
    hooks = settings.container(data, "hooks", dict, "hooks")
    return settings.container(hooks, "PreToolUse", list, "hooks.PreToolUse")


def _our_entry(agent: str) -> dict:
    if agent == CURSOR:
        return {"command": hook_command(agent), "timeout": HOOK_TIMEOUT, "failClosed": True}
    return {"type": "command", "command": hook_command(agent), "timeout": HOOK_TIMEOUT}


def _handler_lists(agent: str, entries: list) -> list[list]:
    """The lists that hold hook handlers: Cursor's list itself, Claude Code's per-matcher `hooks`."""
    if agent == CURSOR:
        return [entries]
    return [group["hooks"] for group in entries if isinstance(group, dict) and isinstance(group.get("hooks"), list)]


def _ours_in(agent: str, entries: list) -> list[dict]:
    return [h for handlers in _handler_lists(agent, entries) for h in handlers if is_ours(h)]


def _drop(agent: str, entries: list, victims: list[dict]) -> None:
    """Remove these handlers (by identity), and the Claude Code matcher groups they leave empty."""
    emptied = []
    for handlers in _handler_lists(agent, entries):
        keep = [h for h in handlers if not any(h is v for v in victims)]
        if len(keep) < len(handlers):
            handlers[:] = keep
            if not keep:
                emptied.append(handlers)
    if agent == CLAUDE_CODE:
        entries[:] = [g for g in entries if not (isinstance(g, dict) and any(g.get("hooks") is e for e in emptied))]


def install(agent: str, project: bool, cwd: str) -> tuple[str, str, str | None]:
    """(path, what happened: installed | updated | unchanged, backup path or None)."""
    path = settings_path(agent, project, cwd)
    settings = SettingsFile(path)
    entries = _entry_list(settings, agent)
    wanted = _our_entry(agent)
    found = _ours_in(agent, entries)
    if not found:
        entries.append(wanted if agent == CURSOR else {"matcher": "Bash", "hooks": [wanted]})
        outcome = "installed"
    else:
        first = found[0]
        before = dict(first)
        first.update(wanted)
        _drop(agent, entries, found[1:])  # one guard is enough
        outcome = "unchanged" if before == first and len(found) == 1 else "updated"
    if outcome == "unchanged" and settings.exists:
        return path, outcome, None
    return path, outcome, settings.save()


def uninstall(agent: str, project: bool, cwd: str) -> tuple[str, str, str | None]:
    """(path, removed | not installed, backup path or None)."""
    path = settings_path(agent, project, cwd)
    if not os.path.exists(path):
        return path, "not installed", None
    settings = SettingsFile(path)
    hooks = settings.data.get("hooks")
    key = "beforeShellExecution" if agent == CURSOR else "PreToolUse"
    entries = hooks.get(key) if isinstance(hooks, dict) else None
    if not isinstance(entries, list):
        return path, "not installed", None
    ours = _ours_in(agent, entries)
    if not ours:
        return path, "not installed", None
    _drop(agent, entries, ours)
    if not entries:
        del hooks[key]
    if not hooks:
        del settings.data["hooks"]
    return path, "removed", settings.save()


def installed_in(agent: str, path: str) -> tuple[list[str], str | None]:
    """(the guard commands the file runs, a problem reading it or None)."""
    if not os.path.exists(path):
        return [], None
    try:
        settings = SettingsFile(path)
    except ConfigError as e:
        return [], e.message
    hooks = settings.data.get("hooks")
    entries = hooks.get("beforeShellExecution" if agent == CURSOR else "PreToolUse") if isinstance(hooks, dict) else None
    if not isinstance(entries, list):
        return [], None
    commands = [h["command"] for h in _ours_in(agent, entries)]
    if agent == CLAUDE_CODE and settings.data.get("disableAllHooks") is True:
        return commands, "disableAllHooks is true in this file: no hook runs"
    return commands, None


def status(cwd: str, agents: list[str], project_only: bool = False) -> dict:
    """Where the guard is installed (user and project files) and the policy in force here."""
    from nlshell.guard import policy as guard_policy

    places = []
    for agent in agents:
        for scope in ("project",) if project_only else ("user", "project"):
            path = settings_path(agent, scope == "project", cwd)
            commands, problem = installed_in(agent, path)
            places.append({"agent": agent, "scope": scope, "path": path, "installed": bool(commands),
                           "commands": commands, "problem": problem})
    return {"installed": places, "policy": guard_policy.describe(cwd)}


def status_lines(report: dict) -> list[str]:
    lines = []
    width = max(len(p["path"]) for p in report["installed"]) if report["installed"] else 0
    for place in report["installed"]:
        state = "installed" if place["installed"] else (
            "not installed" if os.path.exists(place["path"]) else "not installed (no file)")
        if place["problem"]:
            state += f" — {place['problem']}"
        lines.append(f"{place['agent']:<12} {place['scope']:<8} {place['path']:<{width}}  {state}")
    policy = report["policy"]
    lines.append(f"policy ({policy['config_file']}):")
    if policy["error"]:
        lines.append(f"  error: {policy['error']}")
    for key, setting in policy["settings"].items():
        lines.append(f"  {key:<13} {setting['value']:<6} ({setting['source']})")
    lines.append("allow list:" if policy["allow"] else "allow list: (empty)")
    for item in policy["allow"]:
        limit = "" if item["clears_dangerous"] else ", never clears a dangerous command"
        lines.append(f"  {item['entry']}    ({item['source']}{limit})")
    lines.extend(f"note: {note}" for note in policy["notes"])
    return lines
