"""Fixtures shared by every test: an isolated home, the fake OpenRouter server, the CLI as a process.

Every test runs with HOME and the XDG dirs inside tmp_path and no OpenRouter variables, so nothing
reads or writes the real user's files or keys, and nothing can reach the real service.
"""

from __future__ import annotations

import os
import signal
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


# The end-to-end tier: tests that start nlshell or another program, talk to a server, drive a
# terminal or a shell, mount a file system, build the real offline index or walk a whole public
# corpus. Everything else is pure logic: `pytest -m "not e2e"` runs it in seconds. Marked here, from
# the fixtures a test uses (pytest lists them transitively) and from the modules whose tests drive
# real processes, so new tests are marked as they come; any other test carries `@pytest.mark.e2e`.
E2E_FIXTURES = frozenset({"nlshell", "fake_server", "server_env", "bench_data", "raw_server", "tiny_disk"})
E2E_MODULES = frozenset(
    """
    test_benchmarks test_confirm test_ecosystem test_faults test_files test_keybinding test_menu_cli
    test_repl test_run test_secrets test_shell_scripts test_signals test_startup test_eval test_fuzz
    test_offline test_eval_offline test_fakeserver test_guard_bench test_guard_install test_output_errors
    test_preview_git test_preview_cli
    """.split()
)


def pytest_configure(config):
    """A runner started as a background job of a non-interactive shell (`cmd &` in a script) inherits
    SIGINT and SIGQUIT ignored, and an ignored signal stays ignored in every child it starts: the
    Ctrl-C tests would then see nlshell rightly leave it so, not what a terminal delivers. A handler
    is reset to the default in each child, so the children get the signals as from a terminal."""
    for number in (signal.SIGINT, signal.SIGQUIT):
        if signal.getsignal(number) == signal.SIG_IGN:
            signal.signal(number, signal.default_int_handler if number == signal.SIGINT else lambda *_: None)


def pytest_collection_modifyitems(config, items):
    for item in items:
        module = item.module.__name__.rpartition(".")[2] if item.module else ""
        if module in E2E_MODULES or E2E_FIXTURES.intersection(item.fixturenames):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="module")
def index(prebuilt_offline_index):
    """The session's index seen from a typical desktop (test_offline.TYPICAL on PATH), opened once
    per module; a module that needs another view defines its own `index`."""
    from nlshell.offline import OfflineIndex
    from test_offline import typical_which

    opened = OfflineIndex(str(prebuilt_offline_index), which=typical_which, summaries=dict)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def fast_tier_stays_fast(request, monkeypatch):
    """A test outside the e2e tier starts no Python process (nlshell, a script), drives no terminal
    and opens no socket.

    Programs nlshell's own checks run read-only (`bash -n`, `git status`) are part of the logic
    under test and stay allowed; a test that needs more belongs to the e2e tier.
    """
    if request.node.get_closest_marker("e2e") is not None:
        return
    import socket

    def refuse(what: str):
        pytest.fail(f"{what} outside the e2e tier: mark the test @pytest.mark.e2e (see tests/conftest.py)",
                    pytrace=False)

    popen_init = subprocess.Popen.__init__

    def checked_popen(self, args, *rest, **kwargs):
        program = args if isinstance(args, (str, bytes, os.PathLike)) else (args[0] if args else "")
        name = os.path.basename(os.fsdecode(program).split()[0] if program else "")
        if name.startswith("python") or os.fsdecode(program) == sys.executable:
            refuse(f"a Python process ({name})")
        popen_init(self, args, *rest, **kwargs)

    monkeypatch.setattr(subprocess.Popen, "__init__", checked_popen)
    monkeypatch.setattr(os, "forkpty", lambda: refuse("a terminal (a process in a pty)"))
    monkeypatch.setattr(socket.socket, "connect", lambda self, address: refuse("a network connection"))
    monkeypatch.setattr(socket.socket, "bind", lambda self, address: refuse("a listening socket"))


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
    # A hard link: nlshell refuses a symbolic link in place of its files, and this one is only read
    # (a rebuild replaces the name, never the shared file).
    os.link(prebuilt_offline_index, cache / "offline.sqlite3")
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
    """The offline index every test's home has (a hard link to the session's); unlink it to build afresh."""
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
def as_openrouter(fake_server, monkeypatch):
    """In this process, the fake server *is* OpenRouter: its URL becomes OpenRouter's own, so what
    nlshell keeps for OpenRouter (key details, free-model limits, attribution) is sent to it."""
    from nlshell import config

    monkeypatch.setattr(config, "OPENROUTER_BASE_URL", fake_server.base_url)
    monkeypatch.setenv("OPENROUTER_BASE_URL", fake_server.base_url)
    monkeypatch.setenv("OPENROUTER_API_KEY", FAKE_KEY)
    return fake_server


@pytest.fixture
def server_env(fake_server):
    """Environment pointing nlshell at the fake server with a test key."""
    return {"OPENROUTER_API_KEY": FAKE_KEY, "OPENROUTER_BASE_URL": fake_server.base_url}


def one_error_line(r, code: int) -> str:
    """The one `nlshell: ...` line a failing run prints, after checking the exit code and empty stdout."""
    assert r.returncode == code, r
    assert r.stdout == ""
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("nlshell: ")
    return lines[0]
