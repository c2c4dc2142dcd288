"""The API key: found in env → `.env` → system keyring → credentials file; stored and removed.

keyring is imported only when the environment and `.env` had no key (it costs ~90 ms), and it is
asked from a worker thread with a deadline: a locked or broken desktop keyring can otherwise block
forever, and a missing backend (headless Linux) must not be an error at all.
"""

from __future__ import annotations

import os

from nlshell import paths, redact
from nlshell.errors import ConfigError, CredentialStoreError, UsageError

SERVICE = "nlshell"
USERNAME = "openrouter"
KEYRING_DEADLINE = 3.0  # seconds
NO_KEYRING = "no system keyring is available"


def mask(key: str | None) -> str:
    """Enough of a key to recognise it, never enough to use it."""
    if not key:
        return "(none)"
    if len(key) <= 12:
        return "*" * len(key)
    prefix = key[: key.index("-", 6) + 1] if key.startswith("sk-or-") and "-" in key[6:] else key[:3]
    return f"{prefix}…{key[-4:]}"


def _keyring_call(fn, *args):
    """Run a keyring function with a deadline (KEYRING_DEADLINE). Returns (ok, value_or_reason)."""
    import threading

    deadline = KEYRING_DEADLINE
    box: dict[str, object] = {}

    def work() -> None:
        try:
            box["value"] = fn(*args)
        except Exception as e:  # any backend failure is a reason to move on, never a crash
            box["error"] = e

    worker = threading.Thread(target=work, name="nlshell-keyring", daemon=True)
    worker.start()
    worker.join(deadline)
    if worker.is_alive():
        return False, f"the system keyring did not answer within {deadline:g} s"
    if "error" in box:
        err = box["error"]
        name = err.__class__.__name__
        if name == "NoKeyringError":
            return False, NO_KEYRING
        return False, f"the system keyring failed ({name})"
    return True, box.get("value")


def _keyring_module():
    try:
        import keyring

        return keyring
    except Exception:  # a broken install must not stop nlshell
        return None


CREDENTIALS_MAX_BYTES = 64 * 1024  # a key file holds one line


def read_credentials_file(warnings: list[str] | None = None) -> str | None:
    """The key in the credentials file. A link, FIFO or device in its place is not read (it could
    hand over another file's first line as the key, or block forever): a warning, and no key."""
    path = paths.credentials_file()
    try:
        data = paths.read_own(path, CREDENTIALS_MAX_BYTES)
    except paths.UnsafeFileError as e:
        if warnings is not None:
            warnings.append(f"not reading the credentials file {path}: {e.strerror}")
        return None
    except OSError:
        return None
    if data is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError("the credentials file is not UTF-8 text",
                          "store the key again with `nlshell auth login`", path=path) from None
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            return line.split("=", 1)[1].strip() if line.startswith("OPENROUTER_API_KEY=") else line
    return None


class KeyLookup:
    """Result of looking for the key: the key (or None), where it came from, and any notes.

    `notes` matter where a key is required (a keyring that failed); `warnings` always do.
    """

    __slots__ = ("key", "source", "notes", "warnings")

    def __init__(self, key: str | None, source: str, notes: list[str], warnings: list[str] | None = None) -> None:
        redact.remember(key)
        self.key = key
        self.source = source
        self.notes = notes
        self.warnings = warnings or []


def find_key(settings, *, use_keyring: bool = True) -> KeyLookup:
    """Walk the documented order and stop at the first key."""
    notes: list[str] = []
    key, source = settings.env_value("OPENROUTER_API_KEY")
    if key:
        return KeyLookup(key.strip(), source, notes)
    if use_keyring:
        keyring = _keyring_module()
        if keyring is not None:
            ok, value = _keyring_call(keyring.get_password, SERVICE, USERNAME)
            if ok and value:
                return KeyLookup(str(value).strip(), "system keyring", notes)
            if not ok and value != NO_KEYRING:
                notes.append(str(value))  # a headless machine has no keyring: normal, not news
    warnings: list[str] = []
    key = read_credentials_file(warnings)
    if key:
        return KeyLookup(key, f"credentials file ({paths.credentials_file()})", notes)
    return KeyLookup(None, "", notes, warnings)


def check_key_text(key: str) -> str:
    key = key.strip()
    if not key:
        raise UsageError("no key given", "paste the key from https://openrouter.ai/keys")
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in key):
        raise UsageError("the key contains spaces or control characters", "paste the key alone, on one line")
    return key


def store_key(key: str) -> str:
    """Store in the keyring, or (headless) in the private credentials file. Returns where."""
    key = check_key_text(key)
    redact.remember(key)
    keyring = _keyring_module()
    reason = "keyring is not installed"
    if keyring is not None:
        ok, value = _keyring_call(keyring.set_password, SERVICE, USERNAME, key)
        if ok:
            # Some backends take the key and keep nothing (the null backend `keyring --disable`
            # sets up): only a key that reads back is stored.
            ok, stored = _keyring_call(keyring.get_password, SERVICE, USERNAME)
            if ok and stored == key:
                return "system keyring"
            reason = "the system keyring did not keep it"
        else:
            reason = str(value)
    try:
        paths.write_private(paths.credentials_file(), f"OPENROUTER_API_KEY={key}\n")
    except OSError as e:
        raise CredentialStoreError(
            f"could not store the key: {reason}, and the credentials file is not writable ({e.strerror})",
            "set OPENROUTER_API_KEY instead",
        ) from None
    return f"credentials file ({paths.credentials_file()}, mode 0600) because {reason}"


def remove_key() -> list[str]:
    """Remove the key from every store nlshell writes. Returns what was removed."""
    removed = []
    keyring = _keyring_module()
    if keyring is not None:
        ok, existing = _keyring_call(keyring.get_password, SERVICE, USERNAME)
        if ok and existing:
            deleted, _reason = _keyring_call(keyring.delete_password, SERVICE, USERNAME)
            if deleted:
                removed.append("system keyring")
    path = paths.credentials_file()
    if os.path.lexists(path):  # a link in its place goes too (the file it points at stays)
        try:
            os.unlink(path)
            removed.append(f"credentials file ({path})")
        except OSError as e:
            raise CredentialStoreError(f"could not remove {path}: {e.strerror}") from None
    return removed
