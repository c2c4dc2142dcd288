"""Key lookup order, login/logout through a fake keyring, and keyring failures that must not hurt."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FAKE_KEY, one_error_line
from nlshell import config, credentials, paths

OTHER = "sk-or-v1-" + "b" * 64


@pytest.fixture(autouse=True)
def fresh_keyring_choice():
    """keyring picks its backend once per process; make each test pick from its own environment."""
    import keyring.core

    keyring.core.init_backend()
    yield
    keyring.core.init_backend()


def use_backend(monkeypatch, backend: str) -> None:
    import keyring.core

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", backend)
    keyring.core.init_backend()


def keyring_file() -> Path:
    return Path(os.environ["NLSHELL_FAKE_KEYRING"])


def put_in_keyring(key: str) -> None:
    keyring_file().write_text(json.dumps({"nlshell/openrouter": key}))


def put_in_credentials_file(key: str) -> None:
    paths.write_private(paths.credentials_file(), f"OPENROUTER_API_KEY={key}\n")


@pytest.mark.parametrize(
    "present, expected_source",
    [
        (("env", "dotenv", "keyring", "file"), "env OPENROUTER_API_KEY"),
        (("dotenv", "keyring", "file"), ".env"),
        (("keyring", "file"), "system keyring"),
        (("file",), "credentials file"),
        ((), ""),
    ],
)
def test_lookup_order(monkeypatch, present, expected_source):
    keys = {"env": "sk-or-v1-env", "dotenv": "sk-or-v1-dotenv", "keyring": "sk-or-v1-keyring", "file": "sk-or-v1-file"}
    if "env" in present:
        monkeypatch.setenv("OPENROUTER_API_KEY", keys["env"])
    if "dotenv" in present:
        Path(".env").write_text(f"OPENROUTER_API_KEY={keys['dotenv']}\n")
    if "keyring" in present:
        put_in_keyring(keys["keyring"])
    if "file" in present:
        put_in_credentials_file(keys["file"])
    found = credentials.find_key(config.load())
    assert found.source.startswith(expected_source)
    if present:
        assert found.key == keys[present[0]]
    else:
        assert found.key is None


@pytest.mark.parametrize(
    "backend, noted",
    [("fakekeyring.BrokenKeyring", True), ("keyring.backends.fail.Keyring", False)],
)
def test_broken_or_missing_keyring_falls_through_to_the_file(monkeypatch, backend, noted):
    use_backend(monkeypatch, backend)
    put_in_credentials_file(OTHER)
    found = credentials.find_key(config.load())
    assert found.key == OTHER
    # A broken keyring is worth a note; having none (headless Linux) is normal and stays quiet.
    assert bool(found.notes) is noted


def test_no_keyring_is_not_a_warning_on_every_run(nlshell):
    r = nlshell("-p", "--json", "show free memory", env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert r.returncode == 0, r
    assert "keyring" not in r.stderr


def test_hanging_keyring_is_abandoned_after_the_deadline(monkeypatch):
    use_backend(monkeypatch, "fakekeyring.HangingKeyring")
    monkeypatch.setattr(credentials, "KEYRING_DEADLINE", 0.2)
    found = credentials.find_key(config.load())
    assert found.key is None
    assert any("did not answer within 0.2 s" in note for note in found.notes)


def test_login_from_stdin_stores_in_keyring(nlshell):
    r = nlshell("auth", "login", input=FAKE_KEY + "\n")
    assert r.returncode == 0, r
    assert json.loads(keyring_file().read_text()) == {"nlshell/openrouter": FAKE_KEY}
    assert FAKE_KEY not in r.stdout + r.stderr
    assert "keyring" in r.stderr


def test_login_without_keyring_writes_private_credentials_file(nlshell):
    r = nlshell("auth", "login", input=FAKE_KEY + "\n", env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert r.returncode == 0, r
    path = Path(paths.credentials_file())
    assert FAKE_KEY in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert "credentials file" in r.stderr and FAKE_KEY not in r.stderr


def _login_then_status(nlshell, env):
    login = nlshell("auth", "login", input=FAKE_KEY + "\n", env=env)
    status = nlshell("auth", "status", env={**env, "OPENROUTER_BASE_URL": "http://127.0.0.1:9/api/v1"})
    return login, status


def test_login_to_a_keyring_that_keeps_nothing_uses_the_file_and_says_so(nlshell):
    # keyring's null backend accepts the key without error and keeps nothing.
    login, status = _login_then_status(nlshell, {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"})
    assert login.returncode == 0, login
    assert "system keyring" not in login.stderr.replace("the system keyring did not keep it", "")
    assert "credentials file" in login.stderr and "did not keep it" in login.stderr
    assert FAKE_KEY in Path(paths.credentials_file()).read_text()
    assert "credentials file" in status.stdout  # auth status finds the key it was told about


def test_login_after_keyring_disable_uses_the_file(nlshell, isolated_home):
    # What `keyring --disable` really does: a keyringrc.cfg choosing the null backend.
    disable = subprocess.run(
        [sys.executable, "-m", "keyring", "--disable"],
        env={**os.environ, "PYTHON_KEYRING_BACKEND": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert disable.returncode == 0, disable.stderr
    assert list((isolated_home / ".config").rglob("keyringrc.cfg"))
    login, status = _login_then_status(nlshell, {"PYTHON_KEYRING_BACKEND": None})
    assert login.returncode == 0, login
    assert "credentials file" in login.stderr
    assert "credentials file" in status.stdout


@pytest.mark.parametrize("text", ["", "   \n", "sk-or-v1 with spaces"])
def test_login_rejects_empty_or_spaced_keys(nlshell, text):
    r = nlshell("auth", "login", input=text)
    assert r.returncode == 2
    assert not keyring_file().exists()


def test_logout_removes_from_keyring_and_file(nlshell):
    put_in_keyring(FAKE_KEY)
    put_in_credentials_file(FAKE_KEY)
    r = nlshell("auth", "logout")
    assert r.returncode == 0, r
    assert json.loads(keyring_file().read_text()) == {}
    assert not Path(paths.credentials_file()).exists()


def test_status_without_key_is_exit_2_with_three_ways(nlshell):
    r = nlshell("auth", "status")
    assert r.returncode == 2
    assert "OPENROUTER_API_KEY" in r.stderr and ".env" in r.stderr and "auth login" in r.stderr


@pytest.mark.parametrize(
    "key, shown",
    [
        ("sk-or-v1-0123456789abcdef", "sk-or-v1-…cdef"),
        ("abcdefghijklmnop", "abc…mnop"),
        ("short", "*****"),
        (None, "(none)"),
    ],
)
def test_mask(key, shown):
    assert credentials.mask(key) == shown


def test_auth_status_without_a_key_words_it_like_every_other_front(nlshell):
    r = nlshell("auth", "status", env={"OPENROUTER_API_KEY": None, "OPENROUTER_BASE_URL": None})
    line = one_error_line(r, 2)
    explain = nlshell("explain", "ls", env={"OPENROUTER_API_KEY": None, "OPENROUTER_BASE_URL": None})
    assert line == one_error_line(explain, 2)


def test_auth_status_without_a_key_for_another_server_says_that_is_fine(nlshell, fake_server):
    r = nlshell("auth", "status", env={"OPENROUTER_API_KEY": None, "OPENROUTER_BASE_URL": fake_server.base_url})
    assert r.returncode == 0 and r.stdout == ""
    assert "no API key set" in r.stderr and "answered without one, so none is needed" in r.stderr
    assert "run `nlshell auth login`" not in r.stderr  # nothing to fix
    assert "Authorization" not in fake_server.requests[-1].headers


def test_login_with_an_unusual_key_says_so(nlshell):
    r = nlshell("auth", "login", input="not-a-key\n")
    assert r.returncode == 0
    assert "sk-or-" in r.stderr and "not-a-key" not in r.stderr
