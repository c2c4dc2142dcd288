"""A full disk and a read-only store, made for real: a tiny tmpfs, filled up or remounted read-only.

What must hold: `history clear` never says "forgot 0" while everything is kept; `history` lists
what a read-only store holds; the REPL's history file failing to write is one warning, not a
traceback per line; the first-use warning names the full disk. Mounting needs root: otherwise
these are skipped with the reason (test_files.py covers a file-size limit and chmod for everyone).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from test_repl import repl_env, start  # noqa: F401 - the REPL-in-a-pty fixtures


class TinyDisk:
    """A 256 KiB tmpfs at `path`: `fill()` uses up every byte, `read_only()` remounts it so."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fill(self, leave: int = 0) -> None:
        """Use up the disk, then give `leave` bytes back (room for a first step, not a second)."""
        fd = os.open(self.path / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            for size in (65536, 4096, 1):  # big blocks, then the last few bytes too
                try:
                    while os.write(fd, b"\0" * size):
                        pass
                except OSError as e:
                    assert e.errno == errno.ENOSPC, e
            if leave:
                os.ftruncate(fd, os.fstat(fd).st_size - leave)
        finally:
            os.close(fd)

    def read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.path)], check=True, capture_output=True)


@pytest.fixture
def tiny_disk(tmp_path, monkeypatch):
    """nlshell's cache and state dirs on a tiny tmpfs of their own."""
    if os.geteuid() != 0:
        pytest.skip("a full or read-only disk is a tiny tmpfs here, and mounting one needs root")
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    path = tmp_path / "disk"
    path.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(path)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    monkeypatch.setenv("XDG_CACHE_HOME", str(path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(path / "state"))
    try:
        yield TinyDisk(path)
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remember_two(nlshell, fake_server, server_env) -> None:
    fake_server.default("echo remembered")
    for request in ("say remembered", "say it again"):
        r = nlshell("-y", request, env=server_env)
        assert r.returncode == 0, r
    assert len(json.loads(nlshell("history", "--json").stdout)) == 2


def test_history_clear_on_a_full_disk_forgets_for_real(nlshell, fake_server, server_env, tiny_disk):
    remember_two(nlshell, fake_server, server_env)
    tiny_disk.fill()
    r = nlshell("history", "clear")
    assert (r.returncode, r.stderr) == (0, "nlshell: forgot 2 commands\n"), r
    listed = nlshell("history", "--json")
    assert (listed.returncode, json.loads(listed.stdout)) == (0, []), listed


def test_history_and_its_clear_on_a_read_only_store(nlshell, fake_server, server_env, tiny_disk):
    remember_two(nlshell, fake_server, server_env)
    tiny_disk.read_only()
    listed = nlshell("history")
    assert listed.returncode == 0 and "say it again" in listed.stdout and "say remembered" in listed.stdout, listed
    assert "no history yet" not in listed.stderr
    cleared = nlshell("history", "clear")
    assert (cleared.returncode, cleared.stdout) == (1, ""), cleared
    assert len(cleared.stderr.splitlines()) == 1 and "could not clear" in cleared.stderr, cleared
    assert "read-only" in cleared.stderr and "nothing was forgotten" in cleared.stderr, cleared
    assert len(json.loads(nlshell("history", "--json").stdout)) == 2  # everything is still there


def test_cache_clear_on_a_read_only_store_says_so(nlshell, fake_server, server_env, tiny_disk):
    assert nlshell("-p", "list files", env=server_env).returncode == 0
    tiny_disk.read_only()
    r = nlshell("cache", "clear")
    assert r.returncode == 1 and "could not clear the cache" in r.stderr, r
    assert json.loads(nlshell("cache", "stats", "--json").stdout)["entries"] == 1


@pytest.mark.parametrize("leave", [0, 4096, 16384, 40960], ids=["0k", "4k", "16k", "40k"])
def test_first_use_on_a_full_disk_names_the_full_disk(nlshell, fake_server, server_env, tiny_disk, leave):
    """However far SQLite gets before the disk runs out, the warning says the disk is full — not
    "cannot rollback" (its own error after the real one) nor a bare "disk I/O error"."""
    tiny_disk.fill(leave)
    fake_server.default("echo hi")
    r = nlshell("-y", "say hi", env=server_env)
    assert r.returncode == 0 and r.stdout == "hi\n", r
    warned = [line for line in r.stderr.splitlines() if line.startswith("nlshell: warning:")]
    assert 1 <= len(warned) <= 2, r
    for line in warned:  # (the path holds the test's name, "…full_disk…": look at the reason only)
        reason = line.rsplit(" (", 1)[1]
        assert "disk is full" in reason and "rollback" not in reason, r
    assert "Traceback" not in r.stderr


def test_the_repl_history_on_a_full_disk_is_one_warning_not_a_traceback(tiny_disk, fake_server, start):  # noqa: F811
    repl = start("--quiet")
    repl.prompt()
    tiny_disk.fill()
    for request in ("count the lines in notes.txt", "list files", "show the date"):
        repl.ask(request)
    assert repl.quit() == 0
    assert "Traceback" not in repl.text
    assert repl.text.count("cannot write the REPL history") == 1, repl.text


def test_the_repl_history_unit_keeps_lines_in_memory_after_a_failed_write(tiny_disk):
    from nlshell.repl.history import repl_history

    said: list[str] = []
    history = repl_history(said.append)
    tiny_disk.fill()
    for line in ("one", "two", "three"):
        history.append_string(line)
    assert list(history.get_strings()) == ["one", "two", "three"]
    assert len(said) == 1 and "No space left" in said[0], said


# -- damaged files are kept, each of them ------------------------------------------------------


def test_a_second_corruption_keeps_the_first_copy(nlshell, fake_server, server_env):
    from nlshell import paths

    db = Path(paths.cache_db())
    copies = []
    for n in (1, 2, 3):
        assert nlshell("-p", f"warm up {n}", env=server_env).returncode == 0
        for suffix in ("-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        junk = b"SQLite format 3\x00" + bytes([n]) * 8192
        db.write_bytes(junk)
        copies.append(junk)
        r = nlshell("-p", "list files", env=server_env)
        assert r.returncode == 0 and "corrupt" in r.stderr, r
    kept = [Path(f"{db}.corrupt"), Path(f"{db}.2.corrupt"), Path(f"{db}.3.corrupt")]
    assert [p.read_bytes() for p in kept] == copies
    assert f"moved it to {db}.3.corrupt" in r.stderr
