#!/usr/bin/env python3
"""How long `nlshell guard` takes per agent command, beside the same interpreter's `python -c pass`.

    python benchmarks/guard.py [--runs N] [--quick] [--json PATH] [--install auto|venv|regular] [--against DIR]

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

`--against DIR` measures another nlshell as well — DIR holds its `nlshell` package, e.g. an older
revision's (`git archive REV nlshell | tar -x -C DIR`) — in the same interleaved rounds, and prints
before/after medians side by side.

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

GOAL = 2.5  # × python -c pass, for a typical event; asked of a first sight too
TYPICAL = "guard: repeat of a safe command (`git status`)"
FIRST_SIGHT = "guard: safe command, first sight"
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
        raise harness.BenchError(f"`{case.label}`: exit {proc.returncode}, stdout {out[:400]!r}")


def guard_cases(nl: str, cwd: str, prefix: str = "") -> list[Case]:
    """The guard's events (and `check` beside them) for the console script `nl`."""
    fixed = lambda command: (lambda n: event(command, cwd))  # noqa: E731
    return [
        Case(prefix + TYPICAL, [nl, "guard"], fixed("git status"), ""),
        Case(prefix + FIRST_SIGHT, [nl, "guard"], lambda n: event(f"git status -- file{n}-{time.monotonic_ns()}", cwd), ""),
        Case(prefix + "guard: caution (`pip install requests`) → ask", [nl, "guard"], fixed("pip install requests"), '"ask"'),
        Case(prefix + "guard: dangerous (`rm -rf ~`) → deny", [nl, "guard"], fixed("rm -rf ~"), '"deny"'),
        Case(prefix + "guard: malformed event → ask", [nl, "guard"], lambda n: b"{not json", '"ask"'),
        Case(prefix + "check `git status` (for comparison)", [nl, "check", "git status"], lambda n: b"", "safe"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="timed rounds (default 30)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs of each case first (default 3)")
    parser.add_argument("--quick", action="store_true", help="a few rounds: checks the harness, not the numbers")
    parser.add_argument("--install", choices=("auto", "venv", "regular"), default="auto")
    parser.add_argument("--json", metavar="PATH", help="also write rows and samples as JSON")
    parser.add_argument("--against", metavar="DIR", type=Path,
                        help="also measure DIR/nlshell (another revision), interleaved: before/after")
    args = parser.parse_args(argv)
    if args.against and not (args.against / "nlshell" / "__init__.py").is_file():
        parser.error(f"{args.against} holds no nlshell package")
    if args.quick:
        args.runs, args.warmup = 3, 1
    with tempfile.TemporaryDirectory(prefix="nlshell-guard-bench-") as tmp:
        root = Path(tmp)
        target = harness.choose_target(args.install, root)
        work = root / "work"
        work.mkdir(parents=True)
        cwd = str(work)
        floor = Case("python -c pass", [str(target.python), "-c", "pass"], lambda n: b"", "")
        cases = guard_cases(str(target.nlshell), cwd)
        envs = {id(case): sandbox_env(root / "home") for case in [floor, *cases]}
        before: list[Case] = []
        if args.against:
            this = Path(sys.executable)  # whose site-packages holds the dependencies
            old = harness.regular_view(this, this.parent / "nlshell", root, package=args.against.resolve() / "nlshell",
                                       name="before-venv")
            before = guard_cases(str(old.nlshell), cwd, prefix="before: ")
            envs.update({id(case): sandbox_env(root / "home-before") for case in before})
        everything = [floor, *cases, *before]
        info = harness.machine(target)
        print(f"nlshell guard benchmark — {info['date']}; {info['cpu']}, {info['cores']} cores; Python {info['python']}")
        print(f"measured: {target.label}; load average before: {' '.join(map(str, info['load_before']))}\n", flush=True)
        stdin_file = root / "event.json"
        for case in everything:
            check(case, envs[id(case)], work)
            for i in range(args.warmup):
                timed(case, -2 - i, envs[id(case)], work, stdin_file)
        for round_ in range(args.runs):
            for case in everything if round_ % 2 == 0 else reversed(everything):
                wall, cpu = timed(case, round_, envs[id(case)], work, stdin_file)
                case.wall.append(wall)
                case.cpu.append(cpu)
        info["load_after"] = [round(x, 2) for x in os.getloadavg()]
    base, base_cpu = harness.median(floor.wall), harness.median(floor.cpu)
    rows = [row(case, base, base_cpu) for case in cases]
    rows.append(harness.Row("peer: destructive_command_guard", "", "", "not measured here", "— (peer)", None,
                            note=DCG_PUBLISHED))
    print(harness.table(rows))
    if before:
        print(f"\nbefore ({args.against}) and after, medians of the same interleaved rounds:\n")
        print(comparison(before, cases, base, base_cpu))
    print(f"\nload average after: {' '.join(map(str, info['load_after']))}")
    met = [r for r in rows if r.met is not None]
    print(f"goals met: {sum(bool(r.met) for r in met)} of {len(met)}")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "target": target.label, "runs": args.runs,
                                               "rows": [r.__dict__ for r in rows],
                                               "before": [row(c, base, base_cpu).__dict__ for c in before],
                                               "samples_s": {c.label: c.wall for c in [floor, *cases, *before]},
                                               "cpu_samples_s": {c.label: c.cpu for c in [floor, *cases, *before]}},
                                              indent=1, default=str))
    return 0


def sandbox_env(home: Path) -> dict:
    """A throwaway home (each nlshell measured keeps its own memo) and little else."""
    home.mkdir(exist_ok=True)
    env = {k: os.environ[k] for k in ("PATH", "LANG", "LC_ALL", "TZ", "TMPDIR") if k in os.environ}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_STATE_HOME=str(home / ".local" / "state"), SHELL="/bin/bash")
    return env


def row(case: Case, base: float, base_cpu: float) -> harness.Row:
    """A case against the floor; the typical event and a first sight have the 2.5× goal."""
    ratio = harness.median(case.wall) / base
    cpu_ratio = harness.median(case.cpu) / base_cpu
    goal = case.label in (TYPICAL, FIRST_SIGHT)
    return harness.Row(case.label, harness.ms(harness.median(case.wall)), f"{harness.ms(base)} `python -c pass`",
                       f"{ratio:.2f}×", f"≤ {GOAL:.1f}×" if goal else "— (reported)", ratio <= GOAL if goal else None,
                       note=f"CPU time {cpu_ratio:.2f}×",
                       data={"median_s": harness.median(case.wall), "ratio": ratio, "cpu_ratio": cpu_ratio})


def comparison(before: list[Case], after: list[Case], base: float, base_cpu: float) -> str:
    lines = ["| row | before | after | before (CPU) | after (CPU) |", "|---|---|---|---|---|"]
    for old, new in zip(before, after):
        cells = [f"{harness.ms(harness.median(c.wall))}, {harness.median(c.wall) / base:.2f}×" for c in (old, new)]
        cells += [f"{harness.median(c.cpu) / base_cpu:.2f}×" for c in (old, new)]
        lines.append(f"| {new.label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
