#!/usr/bin/env bash
# Install the peers (shell-gpt and llm) into benchmarks/.peers-venv, a venv of their own, so that
# `python benchmarks/run.py` can time them beside nlshell against the same fake server.
# Their dependencies never touch nlshell's venv. Re-running upgrades them; delete the folder to
# remove them.
#
#   benchmarks/peers.sh            # uses python3 (or $PYTHON); use the same Python as nlshell's venv
#   PYTHON=.venv/bin/python benchmarks/peers.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.peers-venv"
python="${PYTHON:-python3}"

# A venv made from a venv's python would point at that venv's base interpreter anyway; ask for it
# so the peers start on the same interpreter as nlshell when PYTHON names nlshell's venv.
base="$("$python" -c 'import sys; print(getattr(sys, "_base_executable", sys.executable))')"

if [ ! -x "$venv/bin/python" ]; then
    "$base" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade shell-gpt llm

echo "peers installed in $venv:"
"$venv/bin/python" -m pip list --disable-pip-version-check 2>/dev/null | grep -Ei '^(shell[-_]gpt|llm) ' || true
