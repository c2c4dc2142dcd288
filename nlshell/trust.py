"""Which directories may choose the server your API key is sent to (`nlshell config trust`).

A `.env` in the current directory is read on every run, and a cloned repository can bring one:
`OPENROUTER_BASE_URL=http://attacker/…` would send the key from your environment, keyring or
credentials file to that host. So a base URL from the current directory's `.env` is combined with a
key from anywhere else only where you said so, direnv-style: `nlshell config trust` records the
directory and the URL (a private file in the config dir); a different URL there needs trusting again.

No trust is needed when nothing crosses a boundary: the key and the URL come from the same `.env`,
the URL is OpenRouter's own, or the server is this machine (loopback).
"""

from __future__ import annotations

import json
import os

from nlshell import paths
from nlshell.errors import ConfigError, UsageError

TRUST_MAX_BYTES = 1_000_000
URL_VAR = "OPENROUTER_BASE_URL"


class UntrustedServerError(ConfigError):
    """The key would go to a server that a directory's `.env` chose, and that directory is not trusted."""

    def __init__(self, dotenv: str, url: str, key_source: str) -> None:
        from nlshell.redact import redact_url

        super().__init__(
            f"{URL_VAR} here would send your API key (from {key_source}) to {redact_url(url)}, "
            "a server this directory's .env chose; nothing was sent",
            "if you trust this directory with your key, run `nlshell config trust`",
            path=dotenv,
        )
        self.url = url


def _records() -> list[dict]:
    try:
        raw = paths.read_own(paths.trust_file(), TRUST_MAX_BYTES)
        data = json.loads(raw) if raw is not None else {}
    except (OSError, ValueError):
        return []  # unreadable trust is no trust
    entries = data.get("trusted") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return []
    return [e for e in entries
            if isinstance(e, dict) and isinstance(e.get("dir"), str) and isinstance(e.get("url"), str)]


def _save(records: list[dict]) -> None:
    try:
        paths.write_private(paths.trust_file(), json.dumps({"trusted": records}, indent=1) + "\n")
    except OSError as e:
        raise ConfigError(f"cannot record the trust ({e.strerror or e})", path=paths.trust_file()) from None


def is_trusted(directory: str, url: str) -> bool:
    directory = os.path.realpath(directory)
    return any(r["dir"] == directory and r["url"] == url for r in _records())


def is_loopback(url: str) -> bool:
    """A server on this machine: localhost, 127.0.0.0/8 or ::1."""
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return False
    if host == "localhost":
        return True
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def dotenv_choosing_the_server(settings) -> str | None:
    """The current directory's `.env`, when the base URL comes from it (and not the config dir's)."""
    path = settings.dotenv_files.get(URL_VAR)
    if path is None or settings.sources.get("base_url", "") != settings.dotenv_sources.get(URL_VAR):
        return None
    here = os.path.realpath(os.getcwd())
    directory = os.path.realpath(os.path.dirname(path))
    if directory != here or directory == os.path.realpath(paths.config_dir()):
        return None
    return path


def check_key_destination(settings, key_source: str) -> None:
    """Raise UntrustedServerError when the key would cross from its own source to a server a
    directory's `.env` chose, and that directory has not been trusted with that URL."""
    dotenv = dotenv_choosing_the_server(settings)
    if dotenv is None or key_source == settings.dotenv_sources.get(URL_VAR):
        return
    url = settings.base_url
    if settings.is_openrouter or is_loopback(url) or is_trusted(os.path.dirname(dotenv), url):
        return
    raise UntrustedServerError(dotenv, url, key_source)


def trust(directory: str) -> str:
    """Record that `directory`'s `.env` may send the key to the URL it names; returns that URL."""
    from nlshell import config

    directory = os.path.realpath(directory)
    dotenv = os.path.join(directory, ".env")
    if not os.path.isfile(dotenv):
        raise UsageError(f"there is no .env in {directory}", "run it in the directory whose .env names the server")
    url = config.read_dotenv(dotenv).get(URL_VAR)
    if not url:
        raise UsageError(f"{dotenv} does not set {URL_VAR}", "there is nothing to trust here")
    records = [r for r in _records() if r["dir"] != directory]
    records.append({"dir": directory, "url": url})
    _save(records)
    return url


def untrust(directory: str) -> bool:
    """Forget any trust given to `directory`; returns whether there was some."""
    directory = os.path.realpath(directory)
    records = _records()
    kept = [r for r in records if r["dir"] != directory]
    if len(kept) == len(records):
        return False
    _save(kept)
    return True
