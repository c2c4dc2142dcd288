"""Run a command and a gold command in throwaway directories and compare their output.

Used by benchmarks/eval.py --execute.
"""

from __future__ import annotations

import hashlib
import os
import re
import selectors
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Sequence

# Only for commands nlshell itself rates safe, and only against gold commands it rates safe too:
# each runs in a fresh temp dir that is also HOME, with a scrubbed environment, no stdin, 5 s, a
# 16 MiB file-size limit and 256 KiB of output read. Network and interpreter programs are skipped
# even when rated safe (they read the outside world or run code nlshell does not see).

EXEC_TIMEOUT = 5.0
EXEC_OUTPUT_CAP = 256 * 1024
EXEC_FIXED_TIME = 1_700_000_000  # every fixture file and dir gets this mtime, so `ls -l` agrees
EXEC_PATH = "/usr/local/bin:/usr/bin:/bin"
NOT_RUN_PROGRAMS = frozenset(
    "curl wget ssh scp sftp rsync nc ncat netcat socat telnet ftp ping ping6 dig nslookup host whois "
    "traceroute mtr git svn hg pip pip3 npm npx yarn apt apt-get dnf yum brew docker podman kubectl "
    "aws gcloud az gh openssl mail sendmail python python2 python3 perl ruby node php lua Rscript".split()
)
# A small tree, the same in every sandbox, so that commands have something to list, count and read.
EXEC_FIXTURE = {
    "README.md": "# demo\nA small project.\n",
    "notes.txt": "alpha\nbeta\ngamma\nalpha\n",
    "data/numbers.csv": "id,value\n1,10\n2,20\n3,30\n",
    "data/empty.log": "",
    "src/app.py": "import sys\n\nprint('hello')\n",
    "src/util.py": "def add(a, b):\n    return a + b\n",
    "logs/app.log": "INFO start\nERROR disk full\nINFO stop\nERROR timeout\n",
    ".hidden": "secret-free\n",
    "docs/": None,
}
# The test sets' own file-system roots (InterCode's /testbed, NL2SH-ALFA's /system): each sandbox has
# a copy of the fixture there, and these paths in both commands are pointed at it.
DATASET_ROOTS = ("/testbed", "/system")
_DATASET_ROOT = re.compile(r"(?<![\w.~/-])(/testbed|/system)(?![\w.~-])")
# Run the command verbatim in a child bash, under limits set by this parent bash.
_EXEC_WRAPPER = 'ulimit -f 16384 2>/dev/null; ulimit -t 10 2>/dev/null; exec /bin/bash -c "$1"'


def make_sandbox() -> tuple[str, str]:
    """A fresh temp dir holding `work/` (cwd and HOME, with the fixture, and copies of it in
    `testbed/` and `system/` for the test sets' paths) and `tmp/` (TMPDIR). Returns (root, work)."""
    root = tempfile.mkdtemp(prefix="nlshell-exec-")
    work = os.path.join(root, "work")
    os.mkdir(os.path.join(root, "tmp"))
    for base in (work, *(os.path.join(work, name.lstrip("/")) for name in DATASET_ROOTS)):
        for name, text in EXEC_FIXTURE.items():
            path = os.path.join(base, name)
            os.makedirs(path if text is None else os.path.dirname(path), exist_ok=True)
            if text is not None:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    for directory, dirs, files in os.walk(work, topdown=False):
        for name in files + dirs:
            os.utime(os.path.join(directory, name), (EXEC_FIXED_TIME, EXEC_FIXED_TIME))
    os.utime(work, (EXEC_FIXED_TIME, EXEC_FIXED_TIME))
    return root, work


def in_sandbox(command: str, work: str) -> str:
    """`/testbed/x` → `<work>/testbed/x` (and `/system`); `/systemd` or `/lib/systemd/system` stay."""
    return _DATASET_ROOT.sub(lambda m: os.path.join(work, m.group(1).lstrip("/")), command)


def normalize_output(data: bytes, root: str) -> str:
    """stdout with the sandbox path replaced, trailing spaces and blank lines at the end dropped."""
    text = data.decode("utf-8", "replace")
    for path in sorted({os.path.realpath(root), root}, key=len, reverse=True):
        text = text.replace(path, "<sandbox>")
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")


def run_in_sandbox(command: str, *, timeout: float = EXEC_TIMEOUT) -> dict:
    """Run `command` with bash in a fresh sandbox; the sandbox is removed afterwards."""
    root, work = make_sandbox()
    command = in_sandbox(command, work)
    env = {
        "HOME": work,
        "PWD": work,
        "TMPDIR": os.path.join(root, "tmp"),
        "PATH": EXEC_PATH,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TERM": "dumb",
        "SHELL": "/bin/bash",
    }
    chunks: list[bytes] = []
    size = 0
    timed_out = truncated = False
    try:
        proc = subprocess.Popen(
            ["/bin/bash", "-c", _EXEC_WRAPPER, "bash", command],
            cwd=work,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: a timeout kills everything it started
        )
        deadline = time.monotonic() + timeout
        try:
            with selectors.DefaultSelector() as selector:
                selector.register(proc.stdout, selectors.EVENT_READ)
                while True:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        timed_out = True
                        break
                    if not selector.select(left):
                        continue
                    data = os.read(proc.stdout.fileno(), 65536)
                    if not data:
                        break
                    chunks.append(data)
                    size += len(data)
                    if size > EXEC_OUTPUT_CAP:
                        truncated = True
                        break
            if not (timed_out or truncated):
                try:
                    proc.wait(max(0.0, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    timed_out = True
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            proc.wait()
            proc.stdout.close()
        output = normalize_output(b"".join(chunks)[:EXEC_OUTPUT_CAP], root)
        return {
            "status": None if timed_out or truncated else proc.returncode,
            "timed_out": timed_out,
            "truncated": truncated,
            "output": output,
        }
    finally:
        shutil.rmtree(root, ignore_errors=True)


# Paths a command may name and still run: its own sandbox (cwd, HOME, /testbed, /system), and these.
_ALLOWED_PATHS = ("/dev/null", "/dev/stdin", "/dev/stdout", "/dev/stderr", "/dev/zero",
                  "/dev/urandom", "/dev/random")
_PATH_START = re.compile(r"""(?:^|[\s=:'"<>|;&(`,])(/[^\s'"<>|;&()`,]*|~[A-Za-z_][^\s'"/]*)""")
_PARENT_DIR = re.compile(r"""(?:^|[\s=:'"<>|;&(`,/])\.\.(?:/|$|[\s'"<>|;&)`,])""")


def _outside_sandbox(command: str) -> str | None:
    """A path the command names outside its sandbox (`/etc/x`, `~bob`, `..`), or None.

    "safe" still allows creating files anywhere (`mkdir -p /srv/x`, `touch /var/tmp/y`), and an
    evaluation may run as root; output that depends on this machine's files cannot be compared
    anyway."""
    for match in _PATH_START.finditer(command):
        path = match.group(1)
        if not any(path == allowed or path.startswith(allowed + "/") for allowed in _ALLOWED_PATHS):
            return path
    if _PARENT_DIR.search(command):
        return ".."
    return None


def _why_not_run(command: str, *, rated: str | None = None) -> str | None:
    """None when `command` may run: valid, rated safe by nlshell (now, and by the pipeline when
    `rated` says what it said), no network or interpreter program, no path outside the sandbox."""
    from nlshell.assess import assess

    if rated is not None and rated != "safe":
        return f"rated {rated}"
    assessment = assess(command, "bash")
    if assessment.risk != "safe":
        return f"rated {assessment.risk}"
    if not assessment.valid:
        return "invalid"
    blocked = sorted(set(assessment.programs) & NOT_RUN_PROGRAMS)
    if blocked or "/dev/tcp/" in command or "/dev/udp/" in command:
        return f"network or interpreter ({', '.join(blocked) or '/dev/tcp'})"
    outside = _outside_sandbox(in_sandbox(command, "sandbox"))
    if outside:
        return f"path outside the sandbox ({outside})"
    return None


def execution_check(command: str | None, risk: str | None, valid: bool | None, golds: Sequence[str]) -> dict:
    """Run the safe gold commands, then (when one of them succeeds) the answer, each in its own
    sandbox, and compare stdout.

    `ran` says whether the answer was run and compared; when not, `reason` says why. Only a
    fingerprint of each output is kept: outputs can show things of this machine (`uname -a`)."""
    if not command:
        return {"ran": False, "reason": "no command"}
    if not valid:
        return {"ran": False, "reason": "invalid"}
    reason = _why_not_run(command, rated=risk)
    if reason:
        return {"ran": False, "reason": reason}
    runnable = [g for g in golds if _why_not_run(g) is None]
    if not runnable:
        return {"ran": False, "reason": "no gold command runs here"}
    gold_runs = [run_in_sandbox(g) for g in runnable]
    succeeded = [g for g in gold_runs if g["status"] == 0]
    if not succeeded:
        fingerprints = [_fingerprint(g) for g in gold_runs]
        return {"ran": False, "reason": "gold commands fail in the sandbox", "golds": fingerprints}
    answer = run_in_sandbox(command)
    match = answer["status"] is not None and any(answer["output"] == g["output"] for g in succeeded)
    return {
        "ran": True,
        "match": match,
        "empty": match and not answer["output"],  # both printed nothing: a weak kind of agreement
        "answer": _fingerprint(answer),
        "golds": [_fingerprint(g) for g in gold_runs],
    }


def _fingerprint(run: dict) -> dict:
    out = run["output"]
    return {
        "status": run["status"],
        "timed_out": run["timed_out"],
        "truncated": run["truncated"],
        "lines": len(out.splitlines()),
        "sha256": hashlib.sha256(out.encode("utf-8")).hexdigest()[:16],
    }
