"""Fixtures shared by every test: an isolated home, the fake OpenRouter server, the CLI as a process.

Every test runs with HOME and the XDG dirs inside tmp_path and no OpenRouter variables, so nothing
reads or writes the real user's files or keys, and nothing can reach the real service.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
REPO = TESTS_DIR.parent
FAKE_KEY = "sk-or-v1-test0000000000000000000000000000000000000000000000000000cafe"

_SCRUB = (
    "OPENROUTER_API_KEY",
    "OPENROUTER_MODEL",
    "OPENROUTER_BASE_URL",
    "NLSHELL_CONFIG",
    "NLSHELL_LOG",
    "NO_COLOR",
    "PYTHON_KEYRING_BACKEND",
)


@pytest.fixture(scope="session")
def prebuilt_offline_index(tmp_path_factory) -> Path:
    """The offline index, built once for the session. A fresh home builds it (seconds) on its first
    offline answer or model request; every test's home links this one instead (it is only read)."""
    from nlshell.offline import OfflineIndex

    path = tmp_path_factory.mktemp("offline-index") / "offline.sqlite3"
    index = OfflineIndex(str(path), summaries=dict)
    index.ensure_built()
    index.close()
    return path


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch, prebuilt_offline_index):
    """Point HOME, XDG dirs and cwd at tmp_path, use an in-memory-free fake keyring, and give the
    home the prebuilt offline index."""
    home = tmp_path / "home"
    work = tmp_path / "work"
    for d in (home, work):
        d.mkdir()
    cache = home / ".cache" / "nlshell"
    cache.mkdir(mode=0o700, parents=True)
    (cache / "offline.sqlite3").symlink_to(prebuilt_offline_index)
    for var in _SCRUB:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    # A file-backed keyring that lives in the temp home: lookups never touch a real keyring.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "fakekeyring.FileKeyring")
    monkeypatch.setenv("NLSHELL_FAKE_KEYRING", str(home / "fake-keyring.json"))
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(p for p in (str(TESTS_DIR), os.environ.get("PYTHONPATH")) if p)
    )
    monkeypatch.setenv("SHELL", "/bin/bash")
    monkeypatch.chdir(work)
    return home


@pytest.fixture
def offline_index(isolated_home) -> Path:
    """The offline index every test's home has (a link to the session's); unlink it to build afresh."""
    return isolated_home / ".cache" / "nlshell" / "offline.sqlite3"


@pytest.fixture
def fake_server():
    """A real HTTP server on 127.0.0.1 that plays OpenRouter, scripted per test."""
    from fakeserver import FakeOpenRouter

    with FakeOpenRouter() as server:
        yield server


@pytest.fixture
def bench_data() -> Path:
    """The public corpora; absent on a bare clone (skip), required in CI (fail)."""
    root = Path(os.environ.get("NLSHELL_BENCH_DATA") or REPO.parent / "shared" / "bench-data")
    if not root.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"bench data not found at {root}")
        pytest.skip("bench data not available (set NLSHELL_BENCH_DATA)")
    return root


class Result:
    def __init__(self, proc: subprocess.CompletedProcess) -> None:
        self.returncode = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr

    def __repr__(self) -> str:
        return f"Result(rc={self.returncode}, stdout={self.stdout!r}, stderr={self.stderr!r})"


@pytest.fixture
def nlshell():
    """Run the CLI as a real process (no terminal: stdin/stdout are pipes)."""

    def run(*args: str, env: dict | None = None, input: str | None = None, timeout: float = 60) -> Result:
        full_env = dict(os.environ)
        if env:
            for k, v in env.items():
                if v is None:
                    full_env.pop(k, None)
                else:
                    full_env[k] = v
        proc = subprocess.run(
            [sys.executable, "-m", "nlshell", *args],
            env=full_env,
            input=input if input is not None else "",
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        return Result(proc)

    return run


@pytest.fixture
def server_env(fake_server):
    """Environment pointing nlshell at the fake server with a test key."""
    return {"OPENROUTER_API_KEY": FAKE_KEY, "OPENROUTER_BASE_URL": fake_server.base_url}
