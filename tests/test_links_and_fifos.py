"""nlshell's own files are never written through a link, and nothing blocks on a FIFO or endless stdin.

A link in place of the cache, the history database, the REPL history, the credentials file, the
model list or an app dir once made nlshell chmod the link's target, write SQLite into it or append
to it (a stand-in `.bashrc` got a line appended). Each case here puts a link or a FIFO where nlshell
keeps a file and checks: the run still works, one warning names the problem, and the target is
byte-for-byte and mode-for-mode what it was. Every target lives in tmp_path.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FAKE_KEY
from test_repl import repl_env, start  # noqa: F401 - the REPL-in-a-pty fixtures

NLSHELL = [sys.executable, "-m", "nlshell"]
BASHRC = "# the user's own file\nexport PATH=$HOME/bin:$PATH\n"


def store_paths() -> dict[str, Path]:
    from nlshell import paths

    return {
        "cache": Path(paths.cache_db()),
        "cache-wal": Path(paths.cache_db() + "-wal"),
        "history": Path(paths.memory_db()),
        "models": Path(paths.models_cache()),
        "credentials": Path(paths.credentials_file()),
        "repl": Path(paths.repl_history()),
        "offline": Path(paths.offline_db()),
    }


@pytest.fixture
def stand_in(tmp_path):
    """A file the user cares about, which a link will point at; checked untouched afterwards."""
    target = tmp_path / "bashrc"
    target.write_text(BASHRC)
    target.chmod(0o644)
    yield target
    assert target.read_text() == BASHRC
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def link(path: Path, target: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)  # the test home's cache directory, which holds its prebuilt offline index
    path.unlink(missing_ok=True)  # the test home's prebuilt offline index, say
    path.symlink_to(target)


def warnings(r) -> list[str]:
    return [line for line in r.stderr.splitlines() if line.startswith("nlshell: warning:")]


@pytest.mark.parametrize("store", ["cache", "cache-wal"])
def test_a_link_in_place_of_the_cache(nlshell, fake_server, server_env, stand_in, store):
    link(store_paths()[store], stand_in)
    r = nlshell("-p", "list files", env=server_env)
    assert (r.returncode, r.stdout) == (0, "ls -la\n"), r
    assert len(warnings(r)) == 1 and "cache" in r.stderr and "symbolic link" in r.stderr, r
    assert "Traceback" not in r.stderr


def test_a_link_in_place_of_the_history_database(nlshell, fake_server, server_env, stand_in):
    link(store_paths()["history"], stand_in)
    fake_server.default("touch made.txt")
    r = nlshell("-y", "make a file", env=server_env)
    assert r.returncode == 0, r
    assert Path("made.txt").exists()
    assert len(warnings(r)) == 1 and "history" in warnings(r)[0] and "symbolic link" in r.stderr, r
    listed = nlshell("history")
    assert listed.returncode == 0 and "symbolic link" in listed.stderr and BASHRC.splitlines()[0] not in listed.stdout


@pytest.mark.parametrize("which", ["cache", "state", "config"])
def test_a_link_in_place_of_an_app_dir(nlshell, fake_server, server_env, tmp_path, which):
    from nlshell import paths

    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "keep.txt").write_text("mine")
    victim.chmod(0o755)
    app_dir = Path({"cache": paths.cache_dir(), "state": paths.state_dir(), "config": paths.config_dir()}[which])
    link(app_dir, victim)
    fake_server.default("touch made.txt")
    runs = [nlshell("-y", "make a file", env=server_env), nlshell("models", env=server_env),
            nlshell("auth", "login", input=FAKE_KEY + "\n",
                    env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})]
    assert runs[0].returncode == 0 and Path("made.txt").exists(), runs[0]
    assert runs[1].returncode == 0, runs[1]
    if which == "config":  # the key has nowhere safe to go: refused, and said so
        assert runs[2].returncode == 2 and "symbolic link" in runs[2].stderr, runs[2]
    for r in runs:
        assert "Traceback" not in r.stderr, r
    assert sorted(p.name for p in victim.iterdir()) == ["keep.txt"]
    assert stat.S_IMODE(victim.stat().st_mode) == 0o755


def test_a_link_in_place_of_the_credentials_file_is_neither_read_nor_written(nlshell, fake_server, tmp_path):
    secret_elsewhere = tmp_path / "not-a-key"
    secret_elsewhere.write_text("OPENROUTER_API_KEY=sk-or-v1-" + "7" * 64 + "\n")
    secret_elsewhere.chmod(0o644)
    link(store_paths()["credentials"], secret_elsewhere)
    r = nlshell("-p", "list files", env={"OPENROUTER_BASE_URL": fake_server.base_url,
                                         "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert (r.returncode, r.stdout) == (0, "ls -la\n"), r
    assert "Authorization" not in fake_server.chat_requests[0].headers  # that file's line was not sent as a key
    assert len(warnings(r)) == 1 and "credentials file" in r.stderr and "symbolic link" in r.stderr, r
    login = nlshell("auth", "login", input=FAKE_KEY + "\n",
                    env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert login.returncode == 2 and "symbolic link" in login.stderr, login
    assert secret_elsewhere.read_text() == "OPENROUTER_API_KEY=sk-or-v1-" + "7" * 64 + "\n"
    assert stat.S_IMODE(secret_elsewhere.stat().st_mode) == 0o644


def test_a_link_in_place_of_the_model_list(nlshell, fake_server, server_env, stand_in):
    link(store_paths()["models"], stand_in)
    r = nlshell("models", env=server_env)
    assert r.returncode == 0 and "qwen/qwen3-coder:free" in r.stdout, r
    assert len(warnings(r)) == 1 and "symbolic link" in r.stderr, r
    ids = nlshell("models", "--cached-ids")
    assert (ids.returncode, ids.stdout) == (0, ""), ids


def test_a_link_in_place_of_the_offline_index(nlshell, stand_in):
    link(store_paths()["offline"], stand_in)
    r = nlshell("--offline", "-p", "show free memory")
    assert r.returncode == 0 and r.stdout.strip(), r
    assert "offline index" in r.stderr and "not a regular file" in r.stderr or "symbolic link" in r.stderr, r
    assert store_paths()["offline"].is_symlink()


def test_the_repl_history_is_not_appended_through_a_link(start, fake_server, stand_in):  # noqa: F811
    link(store_paths()["repl"], stand_in)
    repl = start("--quiet")
    repl.expect("symbolic link")
    repl.ask("count the lines in notes.txt")
    assert repl.quit() == 0
    assert "Traceback" not in repl.text


# -- FIFOs: nothing may block --------------------------------------------------------------------


@pytest.mark.parametrize("store", ["cache", "history", "models", "credentials", "offline"])
def test_a_fifo_in_place_of_a_store_never_blocks(fake_server, server_env, store):
    os.makedirs(store_paths()[store].parent, exist_ok=True)
    store_paths()[store].unlink(missing_ok=True)  # the test home's prebuilt offline index, say
    os.mkfifo(store_paths()[store])
    env = {**os.environ, **server_env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    if store == "credentials":
        env.pop("OPENROUTER_API_KEY")
    argv = {"models": ["models"], "offline": ["--offline", "-p", "show free memory"],
            "history": ["-y", "say hi"]}.get(store, ["-p", "list files"])
    fake_server.default("echo hi")
    started = time.monotonic()
    r = subprocess.run([*NLSHELL, *argv], env=env, capture_output=True, text=True, timeout=60,
                       stdin=subprocess.DEVNULL)
    assert r.returncode == 0 and r.stdout.strip(), r
    assert "not a regular file" in r.stderr, r
    assert time.monotonic() - started < 30
    assert stat.S_ISFIFO(os.lstat(store_paths()[store]).st_mode)


@pytest.mark.e2e
def test_tab_completion_never_hangs_on_a_fifo_model_list():
    os.makedirs(store_paths()["models"].parent, exist_ok=True)
    os.mkfifo(store_paths()["models"])
    r = subprocess.run([*NLSHELL, "models", "--cached-ids"], capture_output=True, text=True, timeout=30,
                       stdin=subprocess.DEVNULL)
    assert (r.returncode, r.stdout) == (0, ""), r


def test_the_repl_never_blocks_on_a_fifo_history(start, fake_server):  # noqa: F811
    os.makedirs(store_paths()["repl"].parent, exist_ok=True)
    os.mkfifo(store_paths()["repl"])
    repl = start("--quiet")
    repl.expect("not a regular file")
    repl.ask("count the lines in notes.txt")
    assert repl.quit() == 0


# -- endless stdin -------------------------------------------------------------------------------


def endless(*producer: str) -> subprocess.Popen:
    return subprocess.Popen(list(producer), stdout=subprocess.PIPE)


@pytest.mark.parametrize("producer", [["yes"], ["cat", "/dev/zero"]], ids=["yes", "zeros"])
def test_endless_stdin_as_a_request_is_refused(fake_server, server_env, producer):
    source = endless(*producer)
    try:
        r = subprocess.run([*NLSHELL, "-p"], stdin=source.stdout, env={**os.environ, **server_env},
                           capture_output=True, text=True, timeout=30)
    finally:
        source.kill()
        source.wait()
    assert (r.returncode, r.stdout) == (2, ""), r
    assert "limit is 4,000" in r.stderr and len(r.stderr.splitlines()) == 1, r
    assert fake_server.requests == []


@pytest.mark.e2e
def test_endless_stdin_as_a_key_is_refused(tmp_path):
    source = endless("cat", "/dev/zero")
    try:
        r = subprocess.run([*NLSHELL, "auth", "login"], stdin=source.stdout, capture_output=True, text=True,
                           timeout=30, env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    finally:
        source.kill()
        source.wait()
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1, r
    assert not store_paths()["credentials"].exists()


def test_a_request_on_stdin_within_the_limit_still_works(nlshell, fake_server, server_env):
    r = nlshell("-p", env=server_env, input="  list all files  \n" + " " * 100)
    assert (r.returncode, r.stdout) == (0, "ls -la\n"), r
    assert "list all files" in fake_server.chat_requests[0].json["messages"][-1]["content"]
