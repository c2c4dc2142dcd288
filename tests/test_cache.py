"""The answer cache: TTL with an injected clock, a real file shared by processes, and damage control."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from nlshell.cache import CommandCache, cache_key

ENTRY = {
    "command": "rm notes.txt",
    "valid": True,
    "risk": "caution",
    "reasons": ["deletes notes.txt"],
    "rules": ["files.delete"],
    "problems": ["`exa` is not installed; try `ls`"],
    "model": "fake/model",
    "source": "model",
    "rater": "0123456789abcdef",
}


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_round_trip_and_ttl_with_injected_clock(tmp_path):
    clock = Clock()
    cache = CommandCache(str(tmp_path / "c.sqlite3"), ttl=300, clock=clock)
    key = cache_key("list all files", "m", "v1", "bash", "Linux", "/tmp")
    assert cache.get(key) is None
    assert cache.put(key, ENTRY)
    assert cache.get(key) == ENTRY
    clock.now += 299
    assert cache.get(key) == ENTRY
    clock.now += 2
    assert cache.get(key) is None


def test_a_second_instance_reads_what_the_first_stored(tmp_path):
    clock = Clock()
    path = str(tmp_path / "c.sqlite3")
    CommandCache(path, clock=clock).put("k", ENTRY)
    assert CommandCache(path, clock=clock).get("k") == ENTRY


def test_files_are_private(tmp_path):
    path = tmp_path / "sub" / "c.sqlite3"
    CommandCache(str(path)).put("k", ENTRY)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    for extra in path.parent.glob("c.sqlite3-*"):
        assert stat.S_IMODE(extra.stat().st_mode) & 0o077 == 0


def test_requests_carrying_keys_are_not_stored(tmp_path):
    cache = CommandCache(str(tmp_path / "c.sqlite3"))
    assert not cache.put("k", ENTRY, request="use key sk-or-v1-abc to call the api")
    assert cache.get("k") is None
    path = tmp_path / "c.sqlite3"
    assert not path.exists() or b"sk-or-v1-abc" not in path.read_bytes()


def test_a_lookup_never_creates_the_file(tmp_path):
    path = tmp_path / "c.sqlite3"
    assert CommandCache(str(path)).get("k") is None
    assert CommandCache(str(path)).stats()["entries"] == 0
    assert not path.exists()


def test_evict_clear_and_stats(tmp_path):
    cache = CommandCache(str(tmp_path / "c.sqlite3"))
    cache.put("a", ENTRY)
    cache.put("b", ENTRY)
    cache.evict("a")
    assert cache.get("a") is None and cache.get("b") == ENTRY
    assert cache.stats()["entries"] == 1
    assert cache.clear() == 1
    assert cache.stats()["entries"] == 0


def test_corrupt_file_is_moved_aside_and_rebuilt_with_one_warning(tmp_path):
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 100)
    warnings: list[str] = []
    cache = CommandCache(str(path), warn=warnings.append)
    assert cache.get("k") is None
    assert cache.put("k", ENTRY)
    assert cache.get("k") == ENTRY
    assert (tmp_path / "c.sqlite3.corrupt").exists()
    assert len(warnings) == 1 and "corrupt" in warnings[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_store_degrades_to_no_cache(tmp_path):
    directory = tmp_path / "ro"
    directory.mkdir()
    directory.chmod(0o500)
    warnings: list[str] = []
    cache = CommandCache(str(directory / "c.sqlite3"), warn=warnings.append)
    assert cache.put("k", ENTRY) is False
    cache.put("k2", ENTRY)
    assert len(warnings) == 1


def test_unopenable_store_degrades_to_no_cache(tmp_path):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    warnings: list[str] = []
    cache = CommandCache(str(blocker / "c.sqlite3"), warn=warnings.append)
    assert cache.put("k", ENTRY) is False  # not persisted (the in-process layer still answers)
    cache.put("k2", ENTRY)
    assert CommandCache(str(blocker / "c.sqlite3"), warn=warnings.append).get("k") is None
    assert len(warnings) == 1  # one per instance that tried to write, not one per call; reads never warn


WRITER = """
import sys
from nlshell.cache import CommandCache
cache = CommandCache(sys.argv[1])
tag = sys.argv[2]
for i in range(40):
    entry = {"command": f"echo {tag}-{i}", "valid": True, "risk": "safe", "reasons": [], "problems": [], "model": "m", "source": "model"}
    cache.put(f"{tag}-{i}", entry)
"""


@pytest.mark.e2e
@pytest.mark.parametrize("processes", [2, 10])
def test_concurrent_processes_lose_nothing(tmp_path, processes):
    path = str(tmp_path / "shared.sqlite3")
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, path, f"p{n}"], stderr=subprocess.PIPE, text=True)
        for n in range(processes)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert err == ""
    cache = CommandCache(path)
    for n in range(processes):
        for i in range(40):
            assert cache.get(f"p{n}-{i}")["command"] == f"echo p{n}-{i}"


@pytest.mark.e2e
def test_cache_module_import_is_light():
    code = "import sys, nlshell.cache; print(','.join(m for m in ('cachetools','sqlite3','httpx','tree_sitter') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
