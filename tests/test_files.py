"""nlshell's own files at the CLI level: private modes, damaged stores, bad config, many processes at once.

A store that is corrupt, locked, read-only or on a full disk must cost the user one warning and
nothing else: the command is still printed and the exit code is still 0. The unit-level twins
(one CommandCache object) live in test_cache.py.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import FAKE_KEY

NLSHELL = [sys.executable, "-m", "nlshell"]


def nlshell_dirs() -> list[Path]:
    from nlshell import paths

    return [Path(paths.cache_dir()), Path(paths.state_dir()), Path(paths.config_dir())]


def assert_private(root: Path) -> list[str]:
    """Every dir under (and including) `root` is 0700, every file 0600 or stricter; returns the files."""
    assert stat.S_IMODE(root.stat().st_mode) == 0o700, root
    files = []
    for path in root.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        if path.is_dir():
            assert mode == 0o700, (path, oct(mode))
        else:
            assert mode & 0o077 == 0, (path, oct(mode))
            files.append(path.name)
    return files


def run_with_umask(args: list[str], env: dict, *, input: str = "", umask: int = 0) -> subprocess.CompletedProcess:
    def set_umask() -> None:
        os.umask(umask)

    return subprocess.run([*NLSHELL, *args], env={**os.environ, **env}, capture_output=True, text=True,
                          timeout=60, input=input, preexec_fn=set_umask)


def test_every_file_nlshell_writes_is_private_even_with_umask_000(fake_server, server_env):
    fake_server.default("touch made.txt")
    for args in (["-y", "make a file"], ["-p", "list files"], ["models"], ["--offline", "-p", "show free memory"],
                 ["history"]):
        r = run_with_umask(args, server_env)
        assert r.returncode == 0, (args, r.stderr)
    # No keyring backend (a headless machine): the key goes to the credentials file.
    login = run_with_umask(["auth", "login"], {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
                           input=FAKE_KEY + "\n")
    assert login.returncode == 0, login.stderr
    cache, state, conf = nlshell_dirs()
    assert "cache.sqlite3" in assert_private(cache)
    assert "memory.sqlite3" in assert_private(state)
    assert "credentials" in assert_private(conf)


# -- damaged stores -----------------------------------------------------------------------------


def cache_db() -> Path:
    from nlshell import paths

    return Path(paths.cache_db())


def warm_cache(nlshell, server_env) -> None:
    """A real store with one entry, as an earlier run leaves it."""
    r = nlshell("-p", "warm up", env=server_env)
    assert r.returncode == 0, r
    assert cache_db().exists()


def assert_degraded(r, *, says: str | None = None, stores: int = 1) -> None:
    """The command still printed, exit 0, and one warning line per damaged store, the cache's first."""
    assert r.returncode == 0, r
    assert r.stdout == "ls -la\n", r
    lines = r.stderr.splitlines()
    assert 1 <= len(lines) <= stores, r
    assert all(line.startswith("nlshell: warning:") for line in lines), r
    assert "cache" in lines[0], r
    if says:
        assert says in lines[0], r
    assert "Traceback" not in r.stderr


def test_corrupt_cache_is_moved_aside_with_one_warning(nlshell, fake_server, server_env):
    warm_cache(nlshell, server_env)
    for suffix in ("-wal", "-shm"):
        Path(f"{cache_db()}{suffix}").unlink(missing_ok=True)
    cache_db().write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    assert_degraded(nlshell("-p", "list files", env=server_env), says="corrupt")
    assert Path(f"{cache_db()}.corrupt").exists()
    again = nlshell("-p", "list files", env=server_env)  # rebuilt: a hit, and no more warnings
    assert (again.returncode, again.stdout, again.stderr) == (0, "ls -la\n", "")
    assert len(fake_server.chat_requests) == 2


def test_truncated_cache_file(nlshell, fake_server, server_env):
    warm_cache(nlshell, server_env)
    data = cache_db().read_bytes()
    for suffix in ("-wal", "-shm"):
        Path(f"{cache_db()}{suffix}").unlink(missing_ok=True)
    cache_db().write_bytes(data[:100])
    r = nlshell("-p", "list files", env=server_env)
    assert r.returncode == 0 and r.stdout == "ls -la\n", r
    assert len(r.stderr.splitlines()) <= 1 and "Traceback" not in r.stderr, r


def test_cache_path_taken_by_a_directory(nlshell, fake_server, server_env):
    cache_db().mkdir(parents=True)
    assert_degraded(nlshell("-p", "list files", env=server_env), says="continuing without it")
    assert_degraded(nlshell("-p", "list files", env=server_env))  # every run: one line, no more


def test_locked_cache(nlshell, fake_server, server_env):
    """Another process holds an exclusive lock: nlshell waits its busy timeout, then works without the cache."""
    warm_cache(nlshell, server_env)
    holder = sqlite3.connect(str(cache_db()), isolation_level=None, check_same_thread=False)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT OR REPLACE INTO entries (key, created, command) VALUES ('lock', 0, 'x')")
    try:
        r = nlshell("-p", "list files", env=server_env, timeout=40)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_degraded(r, says="cache")


@pytest.fixture
def read_only():
    """Make a path unwritable: chmod for a normal user, the immutable attribute for root."""
    changed: list[Path] = []

    def make(path: Path) -> None:
        if os.geteuid() != 0:
            path.chmod(0o500 if path.is_dir() else 0o400)
        elif shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)],
                                                              capture_output=True).returncode != 0:
            pytest.skip("running as root without a working chattr: cannot make a read-only file")
        changed.append(path)

    yield make
    for path in reversed(changed):
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], capture_output=True)
        else:
            path.chmod(0o700 if path.is_dir() else 0o600)


def test_read_only_cache(nlshell, fake_server, server_env, read_only):
    warm_cache(nlshell, server_env)
    for suffix in ("-wal", "-shm"):
        Path(f"{cache_db()}{suffix}").unlink(missing_ok=True)
    read_only(cache_db())
    read_only(cache_db().parent)
    assert_degraded(nlshell("-p", "list files", env=server_env), says="continuing without it")


def test_full_disk_for_the_cache(nlshell, fake_server, server_env):
    """A file-size limit makes every write that grows a file fail, as a full disk does."""
    warm_cache(nlshell, server_env)
    script = f'ulimit -f 1; exec "{sys.executable}" -m nlshell -p "list files"'
    r = subprocess.run(["bash", "-c", script], env={**os.environ, **server_env}, capture_output=True, text=True,
                       timeout=60, stdin=subprocess.DEVNULL)
    assert_degraded(r, stores=2)  # the history store is on the same full disk


def test_unwritable_memory_never_stops_a_run(nlshell, fake_server, server_env):
    from nlshell import paths

    Path(paths.memory_db()).mkdir(parents=True)
    fake_server.default("touch made.txt")
    r = nlshell("-y", "make a file", env=server_env)
    assert r.returncode == 0, r
    assert Path("made.txt").exists()
    assert "Traceback" not in r.stderr
    assert len([line for line in r.stderr.splitlines() if "warning" in line]) <= 1, r


# -- bad settings files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, line",
    [
        ("OPENROUTER_MODEL=a/b\nthis is not an assignment\n", 2),
        ("# comment\n\nOPENROUTER_MODEL='unterminated\nX=1\n", 3),  # (python-dotenv itself says 2 here)
        ("A=1\n   \n\n  not an assignment\nB=2\n", 4),
    ],
)
def test_malformed_dotenv_is_exit_2_naming_file_and_line(nlshell, fake_server, server_env, text, line):
    Path(".env").write_text(text)
    r = nlshell("-p", "list files", env=server_env)
    assert r.returncode == 2, r
    assert r.stdout == ""
    assert len(r.stderr.splitlines()) == 1 and "Traceback" not in r.stderr, r
    assert f".env:{line}" in r.stderr, r
    assert fake_server.requests == []


@pytest.mark.parametrize(
    "data, fragment",
    [
        (b"[provider]\nmodel = \"\xff\xfe\"\n", "UTF-8"),
        (b"[provider]\ntimeout = 0.5\n[provider]\n", ":3"),
        (b"\x00\x01\x02", "config.toml"),
        (b"[provider]\nbase_url = \"file:///etc/passwd\"\n", ":2"),
    ],
)
def test_malformed_config_is_exit_2_naming_the_file(nlshell, fake_server, server_env, tmp_path, data, fragment):
    path = tmp_path / "config.toml"
    path.write_bytes(data)
    r = nlshell("-p", "list files", env={**server_env, "NLSHELL_CONFIG": str(path)})
    assert r.returncode == 2, r
    assert r.stdout == ""
    assert len(r.stderr.splitlines()) == 1 and "Traceback" not in r.stderr, r
    assert str(path) in r.stderr and fragment in r.stderr, r
    assert fake_server.requests == []


def test_config_that_is_a_directory(nlshell, tmp_path):
    (tmp_path / "conf.d").mkdir()
    r = nlshell("-p", "list files", env={"NLSHELL_CONFIG": str(tmp_path / "conf.d")})
    assert r.returncode == 2, r
    assert len(r.stderr.splitlines()) == 1 and "conf.d" in r.stderr, r


# -- many processes at once ---------------------------------------------------------------------


def run_all(argvs: list[list[str]], env: dict) -> list[subprocess.CompletedProcess]:
    """Start every process at once (a barrier), wait for all."""
    results: list = [None] * len(argvs)
    barrier = threading.Barrier(len(argvs))

    def one(i: int) -> None:
        barrier.wait()
        results[i] = subprocess.run([*NLSHELL, *argvs[i]], env={**os.environ, **env}, capture_output=True,
                                    text=True, timeout=90, stdin=subprocess.DEVNULL)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(argvs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


@pytest.mark.parametrize("count", [2, 10])
def test_concurrent_one_shots_share_the_cache(nlshell, fake_server, server_env, count):
    results = run_all([["-p", f"request number {i}"] for i in range(count)], server_env)
    for r in results:
        assert (r.returncode, r.stdout, r.stderr) == (0, "ls -la\n", ""), r
    stats = json.loads(nlshell("cache", "stats", "--json").stdout)
    assert stats["entries"] == count  # nothing lost
    assert len(fake_server.chat_requests) == count
    again = nlshell("--json", f"request number {count - 1}", env=server_env)
    assert json.loads(again.stdout)["cached"] is True


def test_ten_concurrent_runs_lose_no_history(nlshell, fake_server, server_env):
    fake_server.default("echo done")
    results = run_all([["-y", f"say done {i}"] for i in range(10)], server_env)
    for r in results:
        assert r.returncode == 0 and "Traceback" not in r.stderr, r
        assert not [line for line in r.stderr.splitlines() if "warning" in line], r
    history = json.loads(nlshell("history", "--json").stdout)
    requests = {entry["request"] for entry in history}
    assert {f"say done {i}" for i in range(10)} <= requests, history
