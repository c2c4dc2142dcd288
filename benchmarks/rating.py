#!/usr/bin/env python3
"""How well the risk rater agrees with labels written by design.md's risk principle.

    python benchmarks/rating.py [FILE.tsv ...] [--misses] [--json PATH]

Each file is a tab-separated table with a header: `label` (safe | caution | dangerous), `shell`
(bash | zsh | fish; empty means bash), `command`, and any other columns (`source`, `note`, `split`)
which are carried along. Comment lines start with `#`. With no file, the hand-written set
`tests/data/rater_heldout.tsv` is scored.

Figures, per file and per `split` when the file has one:

- recall of dangerous: rows labelled dangerous that are rated dangerous;
- false alarms: rows labelled safe or caution that are rated dangerous;
- agreement: rows rated exactly at their label;
- errors: rows whose rating raised (the product would report it, so any error is a defect).

Nothing runs a command: every row is text handed to `nlshell.assess.assess`, with every program
taken as installed.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from nlshell.assess import assess  # noqa: E402

DEFAULT = REPO / "tests" / "data" / "rater_heldout.tsv"
LEVELS = ("safe", "caution", "dangerous")


def read_rows(path: Path) -> list:
    """The labelled rows of one table (comment lines skipped; a bad label is an error)."""
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        if row.get("label") not in LEVELS:
            raise SystemExit(f"{path}: bad label {row.get('label')!r} for {row.get('command')!r}")
        row["shell"] = row.get("shell") or "bash"
    return rows


def _everything_installed(name: str) -> str:
    return "/usr/bin/" + name


def rate_rows(rows: list) -> list:
    """Each row with the rater's `rated`, `rules` and `reason` added (`rated` is "error" on a raise)."""
    out = []
    for row in rows:
        try:
            a = assess(row["command"], row["shell"], which=_everything_installed)
            rated, rules, reason = str(a.risk), a.rules, (a.reasons or [""])[0]
        except Exception as exc:  # noqa: BLE001 - every row must be judged; an error is counted
            rated, rules, reason = "error", [], repr(exc)
        out.append({**row, "rated": rated, "rules": rules, "reason": reason})
    return out


def score(rated: list) -> dict:
    """Recall of dangerous, false alarms, agreement and errors over `rated` rows."""
    dangerous = [r for r in rated if r["label"] == "dangerous"]
    harmless = [r for r in rated if r["label"] != "dangerous"]
    caught = sum(r["rated"] == "dangerous" for r in dangerous)
    alarms = sum(r["rated"] == "dangerous" for r in harmless)
    confusion = collections.Counter((r["label"], r["rated"]) for r in rated)
    return {
        "rows": len(rated),
        "dangerous": len(dangerous),
        "harmless": len(harmless),
        "recall": caught / len(dangerous) if dangerous else None,
        "false_alarms": alarms / len(harmless) if harmless else None,
        "agreement": sum(r["label"] == r["rated"] for r in rated) / len(rated) if rated else None,
        "errors": sum(r["rated"] == "error" for r in rated),
        "confusion": {f"{label}->{got}": n for (label, got), n in sorted(confusion.items())},
    }


def _pct(value) -> str:
    return "—" if value is None else f"{value:.1%}"


def report(name: str, rated: list, misses: bool) -> dict:
    groups = {"all": rated}
    splits = sorted({r.get("split") or "" for r in rated} - {""})
    for split in splits:
        groups[split] = [r for r in rated if r.get("split") == split]
    figures = {}
    print(f"\n{name}")
    print(f"  {'part':10} {'rows':>5} {'dangerous':>9} {'recall':>8} {'harmless':>8} {'false alarms':>13} {'agreement':>10} {'errors':>6}")
    for part, rows in groups.items():
        s = figures[part] = score(rows)
        print(
            f"  {part:10} {s['rows']:5} {s['dangerous']:9} {_pct(s['recall']):>8} {s['harmless']:8} "
            f"{_pct(s['false_alarms']):>13} {_pct(s['agreement']):>10} {s['errors']:6}"
        )
    if misses:
        for r in rated:
            missed = r["label"] == "dangerous" and r["rated"] != "dangerous"
            alarm = r["label"] != "dangerous" and r["rated"] == "dangerous"
            if missed or alarm or r["rated"] == "error":
                kind = "missed" if missed else ("alarm" if alarm else "error")
                print(f"  {kind:6} {r['label']:>9} rated {r['rated']:9} [{r['shell']}] {r['command'][:100]!r}  {r['reason'][:70]}")
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--misses", action="store_true", help="list every missed dangerous row, false alarm and error")
    parser.add_argument("--json", type=Path, help="write every figure and rated row here")
    args = parser.parse_args(argv)
    files = args.files or [DEFAULT]
    results = {}
    started = time.perf_counter()
    count = 0
    for path in files:
        rated = rate_rows(read_rows(path))
        count += len(rated)
        results[str(path)] = {"figures": report(path.name, rated, args.misses), "rows": rated}
    elapsed = time.perf_counter() - started
    print(f"\n{count} rows rated in {elapsed:.2f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
