"""benchmarks/guard.py runs end to end and prints its rows; the numbers are judged by running it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_quick_run_prints_every_row(tmp_path):
    out = tmp_path / "guard.json"
    proc = subprocess.run([sys.executable, str(REPO / "benchmarks" / "guard.py"), "--quick", "--json", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = {r["name"]: r for r in json.loads(out.read_text())["rows"]}
    typical = rows["guard: repeat of a safe command (`git status`)"]
    assert typical["goal"] == "≤ 2.5×" and typical["result"].endswith("×") and typical["met"] in (True, False)
    for name in ("guard: safe command, first sight", "guard: dangerous (`rm -rf ~`) → deny",
                 "guard: malformed event → ask", "peer: destructive_command_guard"):
        assert name in rows and rows[name]["result"]
    assert "| guard: repeat of a safe command (`git status`) |" in proc.stdout and "goals met:" in proc.stdout
