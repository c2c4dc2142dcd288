"""Keyring backends for tests, selected with PYTHON_KEYRING_BACKEND.

FileKeyring stores passwords in the JSON file named by NLSHELL_FAKE_KEYRING (inside the test's
temp home), so a subprocess sees what the test put there. BrokenKeyring raises on every call,
and HangingKeyring never answers: nlshell must survive both.
"""

from __future__ import annotations

import json
import os
import time

from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 1

    def _path(self) -> str:
        return os.environ["NLSHELL_FAKE_KEYRING"]

    def _load(self) -> dict:
        try:
            with open(self._path(), encoding="utf-8") as f:
                return json.load(f)
        except FileNotFoundError:
            return {}

    def _save(self, data: dict) -> None:
        with open(self._path(), "w", encoding="utf-8") as f:
            json.dump(data, f)

    def get_password(self, service, username):
        return self._load().get(f"{service}/{username}")

    def set_password(self, service, username, password):
        data = self._load()
        data[f"{service}/{username}"] = password
        self._save(data)

    def delete_password(self, service, username):
        data = self._load()
        if f"{service}/{username}" not in data:
            raise PasswordDeleteError("not found")
        del data[f"{service}/{username}"]
        self._save(data)


class BrokenKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        raise KeyringError("backend exploded")

    def set_password(self, service, username, password):
        raise KeyringError("backend exploded")

    def delete_password(self, service, username):
        raise KeyringError("backend exploded")


class HangingKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        time.sleep(3600)

    def set_password(self, service, username, password):
        time.sleep(3600)

    def delete_password(self, service, username):
        time.sleep(3600)
