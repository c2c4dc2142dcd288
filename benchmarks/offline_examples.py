#!/usr/bin/env python3
"""What the model's offline reference examples cost a one-shot request.

    .venv/bin/python benchmarks/offline_examples.py [--runs 20] [--warmup 2]

Times `nlshell -p --no-cache REQUEST` against the fake OpenRouter server with `[prompt]
offline_examples` on and off, in paired, interleaved rounds of fresh processes (the sandbox and
the timing of benchmarks/run.py: throwaway HOME, fake key, regular-install view of an editable
checkout). The offline index is built once, before timing; every request is a cache miss.
`--baseline DIR` also times the nlshell package of another checkout (DIR/nlshell), interleaved
in the same rounds, for a before/after comparison.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import REPLY, BenchError, Cmd, Sandbox, Target, choose_target, interleaved, ms, regular_view  # noqa: E402

# Requests of different shapes: a read with values, a listing, a search, a change.
REQUESTS = (
    "show the last 20 lines of app.log",
    "list all files sorted by size",
    "which process is listening on port 8080",
    "find files bigger than 100 megabytes in my home directory",
    "compress the logs folder into logs.tar.gz",
)


def baseline_view(package: Path, root: Path) -> Target:
    """A regular-install view whose nlshell package is another checkout's."""
    python = Path(sys.executable)
    view = regular_view(python, python.parent / "nlshell", root / "baseline")
    site = next((view.python.parent.parent / "lib").glob("python*/site-packages"))
    (site / "nlshell").unlink()
    (site / "nlshell").symlink_to(package.resolve(), target_is_directory=True)
    return view


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="paired rounds (each request in turn)")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--install", choices=("auto", "venv"), default="auto")
    parser.add_argument("--baseline", type=Path, help="another checkout whose nlshell package is timed too")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="nlshell-bench-") as tmp:
        root = Path(tmp)
        targets = {"this checkout": choose_target(args.install, root)}
        if args.baseline:
            (root / "baseline").mkdir()
            targets["baseline"] = baseline_view(args.baseline / "nlshell", root)
        box = Sandbox(root, targets["this checkout"])
        on_config = root / "examples-on.toml"
        on_config.write_text("[prompt]\noffline_examples = true\n", encoding="utf-8")
        off_config = root / "examples-off.toml"
        off_config.write_text("[prompt]\noffline_examples = false\n", encoding="utf-8")
        times: dict[str, list[float]] = {}
        added: dict[str, list[float]] = {name: [] for name in targets}
        added_cpu: dict[str, list[float]] = {name: [] for name in targets}  # barely moved by other processes
        try:
            for i in range(args.runs):
                request = REQUESTS[i % len(REQUESTS)]
                cmds = []
                for name, target in targets.items():
                    # A home of its own per package: each builds (and versions) its own index.
                    env = {"HOME": str(box.home / name.replace(" ", "-"))}
                    for setting, config in (("on", on_config), ("off", off_config)):
                        cmds.append(Cmd(f"{name}, examples {setting}", [str(target.nlshell), "-p", "--no-cache", request],
                                        box.env(NLSHELL_CONFIG=str(config), **env, **_xdg(env["HOME"])), REPLY))
                # The first check builds the index, before any timing.
                results = interleaved(cmds, box.work, 1, args.warmup if i == 0 else 0)
                for label, samples in results.items():
                    if isinstance(samples, BenchError):
                        print(f"failed: {samples}", file=sys.stderr)
                        return 1
                    times.setdefault(label, []).extend(samples)
                for name in targets:
                    on, off = results[f"{name}, examples on"], results[f"{name}, examples off"]
                    added[name].append(on[0] - off[0])
                    added_cpu[name].append(on.cpu[0] - off.cpu[0])
        finally:
            box.stop()
            shutil.rmtree(root / "baseline", ignore_errors=True)
    for label, samples in times.items():
        print(f"one-shot miss, {label}: {ms(statistics.median(samples))} median")
    for name, diffs in added.items():
        print(f"{name}: the examples add {statistics.median(diffs) * 1000:+.0f} ms (median of {len(diffs)} paired runs), "
              f"{statistics.median(added_cpu[name]) * 1000:+.0f} ms of CPU time")
    return 0


def _xdg(home: str) -> dict[str, str]:
    return {"XDG_CONFIG_HOME": f"{home}/.config", "XDG_CACHE_HOME": f"{home}/.cache",
            "XDG_STATE_HOME": f"{home}/.local/state", "XDG_DATA_HOME": f"{home}/.local/share"}


if __name__ == "__main__":
    raise SystemExit(main())
