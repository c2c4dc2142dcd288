#!/usr/bin/env bash
# Install LiteLLM's proxy (tests/interop/requirements.txt) into .interop-venv at the repo root, a
# venv of its own, for the interop tier (`pytest -m interop`). Re-running is cheap when it is there.
#
#   bash tests/interop/install.sh            # uses python3, or $PYTHON
#
# Exit status: 0 installed; 3 the package index could not be reached (the tier is then skipped);
# anything else is a real failure, to be looked at.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$repo/.interop-venv"
python="${PYTHON:-python3}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv" || exit 1
fi
if "$venv/bin/python" -m pip install --disable-pip-version-check --no-input --quiet --retries 2 \
        -r "$here/requirements.txt" </dev/null 2>"$log"; then
    echo "interop: LiteLLM installed in $venv"
    exit 0
fi
cat "$log" >&2
# pip's words when the network, not the package, is the trouble.
unreachable='NewConnectionError|Failed to establish a new connection|Temporary failure in name resolution'
unreachable+='|Name or service not known|Network is unreachable|ConnectTimeout|ProxyError|Max retries exceeded'
unreachable+='|Read timed out'
if grep -Eqi "$unreachable" "$log"; then
    echo "interop: the package index could not be reached; LiteLLM is not installed" >&2
    exit 3
fi
echo "interop: installing LiteLLM failed" >&2
exit 1
