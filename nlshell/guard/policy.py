"""What the guard answers for each rating, and the commands people run knowingly.

The policy comes from `[guard]` in config.toml (see config.SPEC; the defaults are the strictest
choice of each setting). The allow list has two sources: the user's own `[guard] allow`, and a
project's `.nlshell.toml` (`[guard] allow = [...]`), found from the event's working directory up
to the repository root. An agent can write files in its project, so a project's list is trusted
less: it can clear a caution command, never a dangerous one. A project file that cannot be read
is ignored with a note (ignoring an allow list only makes the guard stricter); a config file that
cannot be read is an error, and the guard then asks about everything.
"""

from __future__ import annotations

import os

from nlshell import config, paths
from nlshell.guard import memo as guard_memo
from nlshell.errors import ConfigError

PROJECT_FILE = ".nlshell.toml"
MAX_PROJECT_FILE_BYTES = 256 * 1024
MAX_LEVELS = 64  # directories walked up from the working directory
# What may follow an allow-list prefix: plain words only, so `make deploy *` never lets
# `make deploy; rm -rf ~` or `make deploy $(curl x)` through.
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-./:=,+@%^")
_SETTINGS = ("guard_on_safe", "guard_on_caution", "guard_on_dangerous", "guard_allow")


class AllowEntry:
    """One allow-list line: an exact command, or a prefix when it ends in `*`."""

    __slots__ = ("text", "source", "trusted")

    def __init__(self, text: str, source: str, trusted: bool) -> None:
        self.text = text
        self.source = source
        self.trusted = trusted  # may clear a dangerous command (the user's own config only)

    def matches(self, command: str) -> bool:
        command = command.strip()
        text = self.text.strip()
        if not text.endswith("*"):
            return command == text
        if text.endswith(" *"):  # `make deploy *`: the words alone, or followed by more words
            base = text[:-2].rstrip()
            if command == base:
                return True
            base += " "
        else:  # `npm run test*`: any continuation of the text
            base = text[:-1]
        return bool(base) and command.startswith(base) and set(command[len(base) :]) <= _PLAIN


class Policy:
    """on_safe / on_caution / on_dangerous actions and the allow list, with where each came from."""

    __slots__ = ("actions", "allow", "notes", "config_path", "project_file")

    def __init__(self) -> None:
        self.actions = {name: _default(name) for name in _SETTINGS[:3]}
        self.allow: list[AllowEntry] = []
        self.notes: list[str] = []  # problems that made the guard ignore part of its settings
        self.config_path = paths.config_file()
        self.project_file: str | None = None

    def action_for(self, risk: str) -> str:
        return self.actions["guard_on_" + risk]

    def allowed_by(self, command: str) -> AllowEntry | None:
        return next((entry for entry in self.allow if entry.matches(command)), None)


def _default(name: str) -> object:
    default = config.SPEC[name][3]
    return list(default) if isinstance(default, list) else default


def load(cwd: str | None) -> Policy:
    """The policy in force for an event in `cwd`; ConfigError when config.toml cannot be used."""
    policy = Policy()
    _apply(policy, _config_values(policy.config_path), cwd)
    return policy


def _apply(policy: Policy, values: dict, cwd: str | None) -> None:
    for name in _SETTINGS[:3]:
        policy.actions[name] = values.get(name, policy.actions[name])
    for text in values.get("guard_allow", []):
        policy.allow.append(AllowEntry(text, _shown(policy.config_path), trusted=True))
    found = find_project_file(cwd)
    if found:
        policy.project_file = found
        entries, problem = _project_allow(found)
        if problem:
            policy.notes.append(f"ignored {_shown(found)}: {problem}")
        policy.allow.extend(AllowEntry(text, _shown(found), trusted=False) for text in entries)


def _config_values(path: str) -> dict:
    """The guard's settings from config.toml (parsed once per version of the file)."""
    identity = guard_memo.file_identity(path)
    if identity is None:
        if os.environ.get("NLSHELL_CONFIG"):
            raise ConfigError("NLSHELL_CONFIG names a file that does not exist", path=path)
        return {}
    name = "config-" + guard_memo.key(path, identity)
    cached = guard_memo.get(name)
    if cached is None:
        try:
            values = config.read_config_file(path)
            cached = {"values": {k: v for k, v in values.items() if k in _SETTINGS}}
        except ConfigError as e:
            cached = {"error": e.message}
        guard_memo.put(name, cached)
    if "error" in cached:
        raise ConfigError(str(cached["error"]), "fix it: until then the guard asks about every command")
    values = cached.get("values")
    return values if isinstance(values, dict) else {}


def find_project_file(cwd: str | None) -> str | None:
    """`.nlshell.toml` in `cwd` or a parent, up to the repository root (never above home)."""
    if not cwd or not os.path.isabs(cwd) or not os.path.isdir(cwd):
        return None
    home = os.path.realpath(os.path.expanduser("~"))
    directory = os.path.realpath(cwd)
    for _ in range(MAX_LEVELS):
        if directory == home:
            return None
        candidate = os.path.join(directory, PROJECT_FILE)
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(directory)
        if os.path.exists(os.path.join(directory, ".git")) or parent == directory:
            return None
        directory = parent
    return None


def _project_allow(path: str) -> tuple[list[str], str | None]:
    """(allow entries, problem) from a project file, parsed once per version of the file."""
    identity = guard_memo.file_identity(path)
    name = "project-" + guard_memo.key(path, identity or "")
    cached = guard_memo.get(name)
    if cached is None:
        cached = _read_project_file(path)
        guard_memo.put(name, cached)
    allow, problem = cached.get("allow", []), cached.get("problem")
    if not isinstance(allow, list) or not all(isinstance(a, str) for a in allow):
        return [], "unreadable cached settings"
    return allow, problem if isinstance(problem, str) else None


def _read_project_file(path: str) -> dict:
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_PROJECT_FILE_BYTES + 1)
    except OSError as e:
        return {"problem": f"cannot read it ({e.strerror or e})"}
    if len(raw) > MAX_PROJECT_FILE_BYTES:
        return {"problem": "it is larger than 256 KiB"}
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return {"problem": "it is not UTF-8 text"}
    except (tomllib.TOMLDecodeError, RecursionError) as e:
        return {"problem": f"invalid TOML ({e})"}
    section = data.get("guard", {})
    if not isinstance(section, dict):
        return {"problem": "`guard` must be a [guard] table"}
    unknown = sorted(set(section) - {"allow"})
    if unknown:
        return {"problem": f"unknown setting {unknown[0]!r} in [guard] (a project may only set `allow`)"}
    allow = section.get("allow", [])
    if not isinstance(allow, list) or not all(isinstance(a, str) and a.strip() for a in allow):
        return {"problem": "`allow` must be a list of commands (strings)"}
    return {"allow": allow}


def _shown(path: str) -> str:
    """A path as people write it: `~/…` under the home directory."""
    home = os.path.expanduser("~")
    if home and home != "/" and (path == home or path.startswith(home + os.sep)):
        return "~" + path[len(home) :]
    return path


def describe(cwd: str | None) -> dict:
    """The policy in force for `cwd`, each setting with where it came from (`guard status`)."""
    policy = Policy()
    error = None
    try:
        values = _config_values(policy.config_path)
    except ConfigError as e:
        error = f"{e.message} — until it is fixed, the guard asks about every command"
        values = {}
    _apply(policy, values, cwd)
    return {
        "config_file": _shown(policy.config_path),
        "error": error,
        "settings": {
            config.SPEC[name][1]: {"value": policy.actions[name], "source": "config" if name in values else "default"}
            for name in _SETTINGS[:3]
        },
        "allow": [{"entry": e.text, "source": e.source, "clears_dangerous": e.trusted} for e in policy.allow],
        "notes": policy.notes,
    }
