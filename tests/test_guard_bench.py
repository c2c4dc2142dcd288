"""benchmarks/guard.py runs end to end and prints its rows; the numbers are judged by running it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_quick_run_prints_every_row(tmp_path):
    out = tmp_path / "guard.json"
    older = tmp_path / "older"  # another revision to compare with: here, a copy of this one
    shutil.copytree(REPO / "nlshell", older / "nlshell", ignore=shutil.ignore_patterns("__pycache__"))
    proc = subprocess.run([sys.executable, str(REPO / "benchmarks" / "guard.py"), "--quick", "--json", str(out),
                           "--against", str(older)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(out.read_text())
    rows = {r["name"]: r for r in report["rows"]}
    for name in ("guard: repeat of a safe command (`git status`)", "guard: safe command, first sight"):
        assert rows[name]["goal"] == "≤ 2.5×" and rows[name]["result"].endswith("×") and rows[name]["met"] in (True, False)
    before = {r["name"] for r in report["before"]}
    assert {"before: " + name for name in rows if name.startswith(("guard:", "check"))} == before
    assert "| guard: safe command, first sight | " in proc.stdout.split("before (", 1)[1]  # the side-by-side table
    for name in ("guard: safe command, first sight", "guard: dangerous (`rm -rf ~`) → deny",
                 "guard: malformed event → ask", "peer: destructive_command_guard"):
        assert name in rows and rows[name]["result"]
    assert "| guard: repeat of a safe command (`git status`) |" in proc.stdout and "goals met:" in proc.stdout
