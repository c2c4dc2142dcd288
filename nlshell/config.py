"""Settings and where each came from: flags > environment > `.env` > config file > defaults.

Every value remembers its source, so `nlshell config show` can say why a setting is what it is.
Parsing is lazy and cheap: `.env` is read (with python-dotenv) only when such a file exists, and
the TOML file only when it exists — a cache hit must not pay for machinery it does not use.
"""

from __future__ import annotations

import os

from nlshell import paths, redact
from nlshell.errors import ConfigError

OPENROUTER_BASE_URL = "https://openrouter.ai/api/v1"
DEFAULT_MODEL = "qwen/qwen3-coder:free"
DEFAULT_FALLBACK_MODELS = ["meta-llama/llama-3.3-70b-instruct:free", "openrouter/free"]

# name: (TOML section, TOML key, kind, default, environment variable)
# kind is one of: str, url, float+, int+, bool, list, or a "|"-separated choice.
SPEC: dict[str, tuple[str, str, str, object, str | None]] = {
    "model": ("provider", "model", "str", DEFAULT_MODEL, "OPENROUTER_MODEL"),
    "fallback_models": ("provider", "fallback_models", "list", DEFAULT_FALLBACK_MODELS, None),
    "base_url": ("provider", "base_url", "url", OPENROUTER_BASE_URL, "OPENROUTER_BASE_URL"),
    "timeout": ("provider", "timeout", "float+", 30.0, None),
    "deadline": ("provider", "deadline", "float+", 60.0, None),
    "temperature": ("provider", "temperature", "float0", 0.0, None),
    "max_tokens": ("provider", "max_tokens", "int+", 1024, None),
    "reasoning_effort": (
        "provider",
        "reasoning_effort",
        "none|minimal|low|medium|high|off",
        "low",
        None,
    ),
    "attribution": ("provider", "attribution", "bool", True, None),
    "shell": ("shell", "name", "|bash|zsh|fish|sh", "", None),
    "system_prompt_file": ("prompt", "system_prompt_file", "str", "", None),
    "few_shot_from_memory": ("prompt", "few_shot_from_memory", "bool", False, None),
    "offline_examples": ("prompt", "offline_examples", "bool", True, None),
    "cache_enabled": ("cache", "enabled", "bool", True, None),
    "cache_ttl": ("cache", "ttl", "float+", 300.0, None),
    "memory_enabled": ("memory", "enabled", "bool", True, None),
    "editing_mode": ("repl", "editing_mode", "emacs|vi", "emacs", None),
    "color": ("ui", "color", "bool", True, None),
    # `nlshell guard` (coding-agent hook): what each risk level answers, and commands run knowingly.
    "guard_on_safe": ("guard", "on_safe", "pass|allow", "pass", None),
    "guard_on_caution": ("guard", "on_caution", "ask|allow|pass", "ask", None),
    "guard_on_dangerous": ("guard", "on_dangerous", "deny|ask", "deny", None),
    "guard_allow": ("guard", "allow", "list", [], None),
}


def is_openrouter_url(base_url: str) -> bool:
    """OpenRouter's own API: the one server that needs a key and gets OpenRouter-only extras."""
    return base_url.rstrip("/") == OPENROUTER_BASE_URL


# Variables a `.env` file may set. The key is read by credentials.py from the same values.
DOTENV_VARS = ("OPENROUTER_API_KEY", "OPENROUTER_MODEL", "OPENROUTER_BASE_URL", "NLSHELL_LOG", "NO_COLOR")


class Settings:
    """Effective settings. Attribute access gives values; `sources[name]` says where each came from."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}
        self.sources: dict[str, str] = {}
        self.dotenv: dict[str, str] = {}  # values read from .env files (key included)
        self.dotenv_sources: dict[str, str] = {}
        self.dotenv_files: dict[str, str] = {}  # variable → the .env file that set it
        self.config_path = paths.config_file()
        self.config_exists = False

    def __getattr__(self, name: str):
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None

    def set(self, name: str, value: object, source: str) -> None:
        self.values[name] = value
        self.sources[name] = source

    @property
    def is_openrouter(self) -> bool:
        return is_openrouter_url(self.base_url)

    @property
    def uses_default_model(self) -> bool:
        return self.sources.get("model") == "default"

    def env_value(self, var: str) -> tuple[str | None, str]:
        """A variable from the environment, else from `.env`: (value, source)."""
        value = os.environ.get(var)
        if value:
            return value, f"env {var}"
        value = self.dotenv.get(var)
        if value:
            return value, self.dotenv_sources[var]
        return None, ""

    def shell_kind(self) -> str:
        """bash / zsh / fish / sh: the syntax the user's commands are written in."""
        if self.shell:
            return self.shell
        from nlshell.usershell import user_shell

        return user_shell()[1]

    def shell_path(self) -> str | None:
        """The shell to run commands with: the configured one, else None (the runner uses $SHELL)."""
        if not self.shell:
            return None
        import shutil

        return shutil.which(self.shell)


def dotenv_paths() -> list[str]:
    """`.env` files that exist, highest precedence first: the current directory, then the config dir."""
    found = []
    for directory in (os.getcwd(), paths.config_dir()):
        path = os.path.join(directory, ".env")
        if os.path.isfile(path) and path not in found:
            found.append(path)
    return found


def read_dotenv(path: str) -> dict[str, str]:
    """Parse one `.env` file; a line python-dotenv cannot parse is a ConfigError naming the line."""
    import logging

    from dotenv import dotenv_values

    bad_lines: list[int] = []

    class _Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            # python-dotenv logs "could not parse statement starting at line N" and skips it.
            args = record.args if isinstance(record.args, tuple) else ()
            for arg in args:
                if isinstance(arg, int):
                    bad_lines.append(arg)

    logger = logging.getLogger("dotenv.main")
    handler = _Catch()
    logger.addHandler(handler)
    old_propagate = logger.propagate
    logger.propagate = False
    try:
        values = dotenv_values(path, interpolate=False)
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot read .env: {e.__class__.__name__}", path=path) from None
    finally:
        logger.removeHandler(handler)
        logger.propagate = old_propagate
    if bad_lines:
        bad_lines[0] = _first_statement_line(path, bad_lines[0])
        raise ConfigError(
            "cannot parse this line of the .env file",
            "use KEY=value lines",
            path=path,
            line=bad_lines[0],
        )
    return {k: v for k, v in values.items() if v is not None}


def _first_statement_line(path: str, reported: int) -> int:
    """python-dotenv counts blank lines and comments before a bad statement as its start."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return reported
    for number in range(reported, len(lines) + 1):
        text = lines[number - 1].strip()
        if text and not text.startswith("#"):
            return number
    return reported


def _line_of(text: str, section: str, key: str | None) -> int | None:
    """Find where `[section]` / `key =` sits in the TOML text, for error messages."""
    lines = text.splitlines()
    in_section = False
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if line.startswith("["):
            name = line.strip("[] \t").split("#", 1)[0].strip().strip("[]").strip()
            in_section = name == section
            if in_section and key is None:
                return number
            continue
        if in_section and key is not None:
            left = line.split("=", 1)[0].strip().strip('"').strip("'")
            if "=" in line and left == key:
                return number
    return None


def _top_level_line(text: str, key: str) -> int | None:
    """The line of `key =` before the first [section]."""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("["):
            return None
        if "=" in line and line.split("=", 1)[0].strip().strip('"').strip("'") == key:
            return number
    return None


def _is_text(value: str) -> bool:
    """Environment bytes that are not UTF-8 arrive as lone surrogates: not text anyone meant."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _coerce(kind: str, value: object) -> object:
    """Check a TOML value against its kind; raise ValueError with what is wrong."""
    if kind in ("str", "url"):
        if not isinstance(value, str):
            raise ValueError("expected a string")
        if kind == "url" and not value.startswith(("http://", "https://")):
            raise ValueError("expected an http:// or https:// URL")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError("expected true or false")
        return value
    if kind in ("float+", "float0"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError("expected a number")
        low, high = (0.0, 2.0) if kind == "float0" else (0.0, 86_400.0)
        # `not (a < v <= b)` is also true for NaN, which compares false with everything.
        if not (low <= value <= high) or (kind == "float+" and not value > 0):
            shown = "between 0 and 2" if kind == "float0" else "a positive number of seconds up to 86400"
            raise ValueError(f"expected {shown}")
        return float(value)
    if kind == "int+":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= 1_000_000:
            raise ValueError("expected a whole number from 1 to 1000000")
        return value
    if kind == "list":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError("expected a list of strings")
        return list(value)
    choices = kind.split("|")
    if value not in choices:
        shown = ", ".join(repr(c) for c in choices if c) + (" or an empty string" if "" in choices else "")
        raise ValueError(f"expected one of {shown}")
    return value


def read_config_file(path: str) -> dict[str, object]:
    """Parse the TOML config into {setting name: value}; any problem names the file and line."""
    import tomllib

    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise ConfigError(f"cannot read the config file ({e.strerror or e})", path=path) from None
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError("the config file is not UTF-8 text", "save it as UTF-8", path=path) from None
    except tomllib.TOMLDecodeError as e:
        message = str(e)
        line = None
        if "line " in message:
            try:
                line = int(message.rsplit("line ", 1)[1].split(",")[0].split(")")[0])
            except ValueError:
                line = None
        raise ConfigError(
            f"invalid TOML: {message}", "fix that line (config/config.toml in the repository is a valid example)",
            path=path, line=line,
        ) from None

    by_location = {(sec, key): name for name, (sec, key, *_rest) in SPEC.items()}
    sections = {sec for sec, _ in by_location}
    result: dict[str, object] = {}
    for section, table in data.items():
        if not isinstance(table, dict):
            # `model = "x"` before any [section]: say where it belongs instead of "unknown section".
            homes = sorted(sec for sec, key in by_location if key == section)
            raise ConfigError(
                f"setting {section!r} is outside any section",
                f"put it under [{homes[0]}]" if homes else "known sections: " + ", ".join(f"[{s}]" for s in sorted(sections)),
                path=path,
                line=_top_level_line(text, section),
            )
        if section not in sections:
            raise ConfigError(
                f"unknown section [{section}]",
                "known sections: " + ", ".join(f"[{s}]" for s in sorted(sections)),
                path=path,
                line=_line_of(text, section, None),
            )
        if not isinstance(table, dict):
            raise ConfigError(f"{section} must be a [{section}] table", path=path, line=_line_of(text, section, None))
        for key, value in table.items():
            name = by_location.get((section, key))
            if name is None:
                known = sorted(k for s, k in by_location if s == section)
                raise ConfigError(
                    f"unknown setting {key!r} in [{section}]",
                    "known settings there: " + ", ".join(known),
                    path=path,
                    line=_line_of(text, section, key),
                )
            try:
                result[name] = _coerce(SPEC[name][2], value)
            except ValueError as e:
                raise ConfigError(
                    f"bad value for {key} in [{section}]: {e}", path=path, line=_line_of(text, section, key)
                ) from None
    return result


def load(flags: dict[str, object] | None = None) -> Settings:
    """Resolve every setting with its source. `flags` holds only the flags the user gave."""
    settings = Settings()

    for path in reversed(dotenv_paths()):  # the cwd's .env is read last, so it wins
        for var, value in read_dotenv(path).items():
            settings.dotenv[var] = value
            settings.dotenv_sources[var] = f".env ({path})"
            settings.dotenv_files[var] = path

    file_values: dict[str, object] = {}
    if os.path.isfile(settings.config_path):
        settings.config_exists = True
        file_values = read_config_file(settings.config_path)
    elif os.path.exists(settings.config_path):
        raise ConfigError("the config path is not a file", "make it a TOML file or remove it", path=settings.config_path)
    elif os.environ.get("NLSHELL_CONFIG"):
        raise ConfigError("NLSHELL_CONFIG names a file that does not exist", path=settings.config_path)

    flags = flags or {}
    for name, (_sec, _key, kind, default, env_var) in SPEC.items():
        if flags.get(name) is not None:
            settings.set(name, flags[name], "flag")
            continue
        if env_var:
            value, source = settings.env_value(env_var)
            if value and not _is_text(value):
                raise ConfigError(f"{env_var} is not valid UTF-8 text", f"fix it in {source}")
            if value:
                try:
                    settings.set(name, _coerce(kind, value), source)
                except ValueError as e:
                    raise ConfigError(f"{env_var} is not usable: {e}", f"fix it in {source}") from None
                continue
        if name in file_values:
            settings.set(name, file_values[name], f"config ({settings.config_path})")
            continue
        settings.set(name, list(default) if isinstance(default, list) else default, "default")
    redact.remember(redact.url_password(settings.base_url))  # scrubbed from every message from now on
    return settings


def default_values() -> dict[str, dict[str, object]]:
    """The built-in defaults laid out as the TOML file is (used by tests against config/config.toml)."""
    out: dict[str, dict[str, object]] = {}
    for _name, (section, key, _kind, default, _env) in SPEC.items():
        out.setdefault(section, {})[key] = default
    return out
