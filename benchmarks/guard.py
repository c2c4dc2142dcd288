#!/usr/bin/env python3
"""How long `nlshell guard` takes per agent command, beside the same interpreter's `python -c pass`.

    python benchmarks/guard.py [--runs N] [--quick] [--json PATH] [--install auto|venv|regular]

The goal (the guard issue): for a typical event, the whole process takes at most 2.5× the venv's
`python -c pass`. An agent repeats the same commands (`git status`, its test command) all session
long, so the typical event is a safe command the guard has seen before: answered from its memo
without loading the parser or the rater. A command seen for the first time, and every risky one
(never kept, so the reason and effect preview are worked out afresh), pays for importing the rater
in a forked child; those rows are reported beside it.

Method: the same as benchmarks/run.py (whose helpers this uses): the console script of this venv,
through a regular-install view when the checkout is editable; a throwaway HOME; paired,
interleaved rounds after warm-up; medians of wall-clock time and of CPU time (user + system of the
process and the child it forks), which other load on the machine barely moves. Each event is a
Claude Code `PreToolUse` event as its documentation shows it; "first sight" events carry a command
never rated before (a different file name each run).

destructive_command_guard (a Rust binary) publishes its own whole-process medians
(perf/baselines/README.md in its 0.4.3 crate: 3.1 ms for `ls -la`, 16 ms for `git status`,
16.7 ms for a destructive command); they are printed for reference, not measured here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as harness  # noqa: E402 - benchmarks/run.py: targets, medians, the machine, the table

GOAL = 2.5  # × python -c pass, for a typical event
DCG_PUBLISHED = "dcg 0.4.3 (Rust), published p50: `ls -la` 3.1 ms, `git status` 16 ms, destructive 16.7 ms"


def event(command: str, cwd: str) -> bytes:
    return json.dumps({
        "session_id": "abc123", "transcript_path": "/tmp/transcript.jsonl", "cwd": cwd,
        "permission_mode": "default", "hook_event_name": "PreToolUse", "tool_name": "Bash",
        "tool_input": {"command": command, "description": "benchmark", "timeout": 120000, "run_in_background": False},
        "tool_use_id": "toolu_bench",
    }).encode()


class Case:
    """One command line, fed a (possibly different) event on stdin each run."""

    def __init__(self, label: str, argv: list[str], events, expect: str) -> None:
        self.label = label
        self.argv = argv
        self.events = events  # callable: run number -> stdin bytes
        self.expect = expect  # a substring of stdout ("" means: stdout must be empty)
        self.wall: list[float] = []
        self.cpu: list[float] = []


def timed(case: Case, n: int, env: dict, cwd: Path, stdin_file: Path) -> tuple[float, float]:
    stdin_file.write_bytes(case.events(n))
    with stdin_file.open("rb") as stdin:
        start = time.perf_counter()
        pid = os.posix_spawn(case.argv[0], case.argv, env, file_actions=[
            (os.POSIX_SPAWN_DUP2, stdin.fileno(), 0),
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
        ]) if hasattr(os, "posix_spawn") else None
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise harness.BenchError(f"`{case.label}` exited {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime


def check(case: Case, env: dict, cwd: Path) -> None:
    import subprocess

    proc = subprocess.run(case.argv, input=case.events(-1), env=env, cwd=cwd, capture_output=True, text=False)
    out = proc.stdout.decode()
    if proc.returncode != 0 or (case.expect and case.expect not in out) or (not case.expect and out):
        raise harness.BenchError(f"`{case.label}`: exit {proc.returncode}, stdout {out[:120]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="timed rounds (default 30)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs of each case first (default 3)")
    parser.add_argument("--quick", action="store_true", help="a few rounds: checks the harness, not the numbers")
    parser.add_argument("--install", choices=("auto", "venv", "regular"), default="auto")
    parser.add_argument("--json", metavar="PATH", help="also write rows and samples as JSON")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.warmup = 3, 1
    with tempfile.TemporaryDirectory(prefix="nlshell-guard-bench-") as tmp:
        root = Path(tmp)
        target = harness.choose_target(args.install, root)
        home, work = root / "home", root / "work"
        work.mkdir(parents=True)
        home.mkdir()
        env = {k: os.environ[k] for k in ("PATH", "LANG", "LC_ALL", "TZ", "TMPDIR") if k in os.environ}
        env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"),
                   XDG_STATE_HOME=str(home / ".local" / "state"), SHELL="/bin/bash")
        py, nl = str(target.python), str(target.nlshell)
        cwd = str(work)
        fixed = lambda command: (lambda n: event(command, cwd))  # noqa: E731
        cases = [
            Case("python -c pass", [py, "-c", "pass"], lambda n: b"", ""),
            Case("guard: repeat of a safe command (`git status`)", [nl, "guard"], fixed("git status"), ""),
            Case("guard: safe command, first sight", [nl, "guard"],
                 lambda n: event(f"git status -- file{n}-{time.monotonic_ns()}", cwd), ""),
            Case("guard: caution (`pip install requests`) → ask", [nl, "guard"], fixed("pip install requests"), '"ask"'),
            Case("guard: dangerous (`rm -rf ~`) → deny", [nl, "guard"], fixed("rm -rf ~"), '"deny"'),
            Case("guard: malformed event → ask", [nl, "guard"], lambda n: b"{not json", '"ask"'),
            Case("check `git status` (for comparison)", [nl, "check", "git status"], lambda n: b"", "safe"),
        ]
        info = harness.machine(target)
        print(f"nlshell guard benchmark — {info['date']}; {info['cpu']}, {info['cores']} cores; Python {info['python']}")
        print(f"measured: {target.label}; load average before: {' '.join(map(str, info['load_before']))}\n", flush=True)
        stdin_file = root / "event.json"
        for case in cases:
            check(case, env, work)
            for i in range(args.warmup):
                timed(case, -2 - i, env, work, stdin_file)
        for round_ in range(args.runs):
            for case in cases if round_ % 2 == 0 else reversed(cases):
                wall, cpu = timed(case, round_, env, work, stdin_file)
                case.wall.append(wall)
                case.cpu.append(cpu)
        info["load_after"] = [round(x, 2) for x in os.getloadavg()]
    floor, rows = cases[0], []
    base, base_cpu = harness.median(floor.wall), harness.median(floor.cpu)
    for case in cases[1:]:
        ratio = harness.median(case.wall) / base
        cpu_ratio = harness.median(case.cpu) / base_cpu
        typical = case is cases[1]
        rows.append(harness.Row(case.label, harness.ms(harness.median(case.wall)), f"{harness.ms(base)} `python -c pass`",
                                f"{ratio:.2f}×", f"≤ {GOAL:.1f}×" if typical else "— (reported)",
                                ratio <= GOAL if typical else None, note=f"CPU time {cpu_ratio:.2f}×",
                                data={"median_s": harness.median(case.wall), "ratio": ratio, "cpu_ratio": cpu_ratio}))
    rows.append(harness.Row("peer: destructive_command_guard", "", "", "not measured here", "— (peer)", None,
                            note=DCG_PUBLISHED))
    print(harness.table(rows))
    print(f"\nload average after: {' '.join(map(str, info['load_after']))}")
    met = [r for r in rows if r.met is not None]
    print(f"goals met: {sum(bool(r.met) for r in met)} of {len(met)}")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "target": target.label, "runs": args.runs,
                                               "rows": [r.__dict__ for r in rows],
                                               "samples_s": {c.label: c.wall for c in cases},
                                               "cpu_samples_s": {c.label: c.cpu for c in cases}}, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
