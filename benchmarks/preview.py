#!/usr/bin/env python3
"""How long the effect preview takes on big trees — the issue's bound is 300 ms for the whole
preview, and a walk stops at 10,000 entries or 300 ms and says "more than N".

    python benchmarks/preview.py [--files N] [--runs N] [--tree DIR] [--record benchmarks/RESULTS.md]

Method
- A tree of N regular files (default 100,000: 1,000 folders of 100, sizes 0-4 KB, distinct inodes)
  is made once in a temp directory (or reused from --tree DIR, made there if absent); a fake HOME
  holds that tree plus dot-directories, so `rm -rf ~` is measured on a big home that is not yours.
- Each case is `nlshell.preview.preview(COMMAND, cwd, env=...)` in this process, timed with
  time.perf_counter: one first run (the page cache may still be cold after the tree was made), then
  --runs timed runs; the table shows the median, the slowest and the "more than N" figure.
- The same `rm -rf build` is also timed as a whole `nlshell check --preview --json` process, for
  what a user waits in all (interpreter start, parse, rating, preview).
- A git repository holding the same 100,000 files (hard links, committed once, one file then
  changed) times what git adds: deletes ask it which files have uncommitted changes, `reset
  --hard` asks what it would discard. Git reads share their own allowance (GIT_SECONDS).
Nothing is ever deleted: the preview only reads (the tree's snapshot is compared before and after).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from nlshell.preview import GIT_SECONDS, MAX_ENTRIES, WALK_SECONDS, preview  # noqa: E402

GOAL_MS = 300.0
SECTION = "## Effect preview"


def make_tree(root: Path, files: int) -> float:
    """`files` files under root/home/work/build in folders of 100; seconds it took (0 if reused)."""
    build = root / "home" / "work" / "build"
    marker = root / f".made-{files}"
    if marker.exists():
        return 0.0
    start = time.perf_counter()
    for i in range(files):
        folder = build / f"d{i // 100:04}"
        if i % 100 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        with open(folder / f"f{i:06}.o", "wb") as f:
            f.write(b"\0" * (i * 37 % 4096))
    home = root / "home"
    for dot in (".cache/pip", ".config/app", ".local/share/app"):
        (home / dot).mkdir(parents=True, exist_ok=True)
        (home / dot / "state").write_text("x" * 100)
    marker.write_text("")
    return time.perf_counter() - start


def make_repo(root: Path) -> float:
    """root/repo: the tree's files as hard links, committed, then one file changed; seconds taken."""
    repo = root / "repo"
    marker = root / ".made-repo"
    if marker.exists():
        return 0.0
    start = time.perf_counter()
    source = root / "home" / "work" / "build"
    for top, _dirs, files in os.walk(source):
        target = repo / "build" / os.path.relpath(top, source)
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            os.link(os.path.join(top, name), target / name)
    env = {**os.environ, "HOME": str(root), "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "bench",
           "GIT_AUTHOR_EMAIL": "bench@example.invalid", "GIT_COMMITTER_NAME": "bench",
           "GIT_COMMITTER_EMAIL": "bench@example.invalid"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "tree"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    changed = repo / "build" / "d0000" / "f000000.o"
    changed.unlink()  # a new inode: the linked original stays as it was
    changed.write_bytes(b"changed")
    marker.write_text("")
    return time.perf_counter() - start


def fingerprint(root: Path) -> str:
    """Names, sizes, mtimes and inodes of everything under root (what a write would change)."""
    digest = hashlib.sha256()
    for top, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(dirs + files):
            info = os.lstat(os.path.join(top, name))
            digest.update(f"{top}/{name} {info.st_size} {info.st_mtime_ns} {info.st_ino}\n".encode())
    return digest.hexdigest()


def time_case(command: str, cwd: Path, env: dict, runs: int) -> dict:
    start = time.perf_counter()
    effects = preview(command, str(cwd), env=env)
    first = time.perf_counter() - start
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        effects = preview(command, str(cwd), env=env)
        samples.append(time.perf_counter() - start)
    return {"command": command, "first_ms": first * 1000, "median_ms": statistics.median(samples) * 1000,
            "max_ms": max(samples) * 1000, "summary": effects[0].summary if effects else "(no effect)",
            "count": effects[0].count if effects else None, "more": effects[0].more if effects else False,
            "noun": "entries" if effects and effects[0].kind == "permissions" else "files",
            "git_note": next((d for e in effects for d in e.details if "git" in d), "")}


def time_process(command: str, cwd: Path, env: dict, runs: int) -> tuple:
    """Median ms of `nlshell check --preview --json COMMAND` and of the same without --preview,
    interleaved, as whole processes."""
    samples: dict = {True: [], False: []}
    for _ in range(runs):
        for with_preview in (True, False):
            argv = [sys.executable, "-m", "nlshell", "check", "--json", command] + (["--preview"] if with_preview else [])
            start = time.perf_counter()
            subprocess.run(argv, cwd=cwd, env=env, capture_output=True, check=False)
            samples[with_preview].append(time.perf_counter() - start)
    return statistics.median(samples[True]) * 1000, statistics.median(samples[False]) * 1000


def table(rows: list, process_ms: tuple, info: dict) -> str:
    lines = [
        f"Recorded {info['when']} with `python benchmarks/preview.py --files {info['files']:,} --runs {info['runs']}`",
        f"on {info['machine']}; load average {info['load_before']} before, {info['load_after']} after.",
        f"The tree: {info['files']:,} files in {info['files'] // 100:,} folders, "
        + (f"made in {info['made_s']:.1f} s." if info["made_s"] else "made by an earlier run (--tree)."),
        "",
        "| case | first run | median | slowest | figure shown | goal | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        goal = f"≤ {GOAL_MS:.0f} ms" if not row.get("git") else "—"
        figure = f"{'more than ' if row['more'] else ''}{row['count']:,} {row['noun']}" if row["count"] is not None else "—"
        if row.get("git"):  # what git added, or why it could not
            figure = row["summary"] + (f" ({row['git_note']})" if row["git_note"].startswith("cannot") else "")
        met = ("✓" if row["median_ms"] <= GOAL_MS else "✗") if not row.get("git") else "—"
        lines.append(f"| `{row['command']}` | {row['first_ms']:.0f} ms | {row['median_ms']:.0f} ms | "
                     f"{row['max_ms']:.0f} ms | {figure} | {goal} | {met} |")
    with_preview, without = process_ms
    lines.append(f"| whole process: `nlshell check --json --preview 'rm -rf build'` | — | {with_preview:.0f} ms | — | "
                 f"{with_preview - without:+.0f} ms over plain `check` ({without:.0f} ms) | — | — |")
    return "\n".join(lines) + "\n"


def record(path: Path, text: str) -> None:
    """Replace the `## Effect preview` section of RESULTS.md (kept by run.py's --record)."""
    old = path.read_text() if path.exists() else ""
    head = old[: old.index(SECTION)] if SECTION in old else old.rstrip() + "\n\n"
    notes = ""
    if SECTION in old:
        rest = old[old.index(SECTION) + len(SECTION):]
        notes = rest[rest.index("### Notes"):] if "### Notes" in rest else ""
    path.write_text(head + SECTION + "\n\n" + text + ("\n" + notes if notes else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--tree", help="make (or reuse) the tree here instead of a temp directory")
    parser.add_argument("--record", metavar="PATH", help="write the table into RESULTS.md's effect preview section")
    args = parser.parse_args()
    holder = None
    if args.tree:
        root = Path(args.tree)
        root.mkdir(parents=True, exist_ok=True)
    else:
        holder = tempfile.TemporaryDirectory(prefix="nlshell-preview-bench-")
        root = Path(holder.name)
    info = {"files": args.files, "runs": args.runs, "load_before": [round(x, 2) for x in os.getloadavg()],
            "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
            "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    info["made_s"] = make_tree(root, args.files)
    home, work = root / "home", root / "home" / "work"
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "")}
    before = fingerprint(root)
    cases = ["rm -rf build", "rm -rf ~", "chmod -R 755 build", "find build -name '*.o' -delete", "rm -rf build/d000*"]
    rows = [time_case(command, work, env, args.runs) for command in cases]
    if shutil.which("git"):
        info["repo_s"] = make_repo(root)
        before = fingerprint(root)
        for command in ("rm -rf build", "rm -rf build/d0000", "git reset --hard", "git clean -fdx"):
            row = time_case(command, root / "repo", env, args.runs)
            row["command"] += " (in the git repository)"
            row["git"] = True
            rows.append(row)
    process_ms = time_process("rm -rf build", work, {**os.environ, **env}, max(3, args.runs // 3))
    info["load_after"] = [round(x, 2) for x in os.getloadavg()]
    assert fingerprint(root) == before, "the tree changed: the preview must never write"
    text = table(rows, process_ms, info)
    print(text)
    print(f"limits: {MAX_ENTRIES:,} entries per walk, {WALK_SECONDS * 1000:.0f} ms for all walks of one preview, "
          f"{GIT_SECONDS * 1000:.0f} ms for all git reads")
    if args.record:
        record(Path(args.record), text)
    if holder is not None:
        holder.cleanup()
    return 0 if all(row["median_ms"] <= GOAL_MS for row in rows if not row.get("git")) else 1


if __name__ == "__main__":
    sys.exit(main())
