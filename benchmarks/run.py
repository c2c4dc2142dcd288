#!/usr/bin/env python3
"""How fast nlshell starts, answers and checks, and how much memory it takes — each number measured
side by side with its floor in the same run, on the same machine, so the ratios mean something.

    python benchmarks/run.py [--runs N] [--quick] [--json PATH] [--record RESULTS.md] [--strict]

Method
- The measured program is the `nlshell` console script of the venv that runs this file (pip's
  wrapper is part of what users pay); the floor is the same interpreter's `python -c pass`.
- Processes are timed from outside (fork to exit, `time.perf_counter`), in paired, interleaved
  rounds (A B C, then C B A, ...) after warm-up runs; the table shows medians.
- Everything runs in a throwaway HOME/XDG tree with a fake key, against the fake OpenRouter server
  from tests/fakeserver.py (started in this process, so it can count TCP connections); the user's
  own files, keys and OPENROUTER_* settings are never read.
- Peak RSS comes from `getrusage(RUSAGE_CHILDREN)` in a tiny wrapper process that runs only the
  measured command, so earlier children cannot raise the maximum.
- An editable install (`pip install -e .`) adds an import hook to every Python start in its venv
  (`python -c pass` included): about 10 ms here, which would flatter every ratio. `--install auto`
  (the default) therefore measures an editable checkout through a regular-install view: a
  throwaway venv on the same interpreter with this checkout's package and the venv's
  dependencies, and pip's wrapper script. `--install venv` measures the venv exactly as it is.
- Peers (shell-gpt, llm) are measured when benchmarks/peers.sh has installed them.

The exit status is 0 when every row was measured (goals met or not); with --strict, 1 when a goal
is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PEERS_VENV = HERE / ".peers-venv"
FAKE_KEY = "sk-or-v1-bench000000000000000000000000000000000000000000000000000000cafe"
REQUEST = "list all files"
REPLY = "ls -la"

# Goals: design.md "Start-up budget" refines the performance issue's ratios.
GOAL_START = 2.0  # --version and init, × python -c pass
GOAL_HIT = 3.0  # a cache hit, × python -c pass
GOAL_MISS_ADDED_MS = 150.0  # one-shot miss, ms over a bare httpx POST
GOAL_CONNECTIONS = 1  # TCP connections for a whole REPL session
GOAL_CHECK_RATE = 2000.0  # commands per second, parser warm
GOAL_RSS_ONESHOT_MB = 45.0
GOAL_RSS_REPL_MB = 70.0
REPL_REQUESTS = 20

RSS_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "sys.stdout.flush()\n"
    "print('\\nMAXRSS_KB %d %d' % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code), flush=True)\n"
)

BARE_HTTPX = """\
import json, sys
import httpx
spec = json.load(open(sys.argv[1]))
with httpx.Client(verify=spec["url"].startswith("https:")) as client:
    reply = client.post(spec["url"], content=spec["body"].encode(), headers=spec["headers"])
print(reply.json()["choices"][0]["message"]["content"])
"""

BARE_URLLIB = """\
import json, sys, urllib.request
spec = json.load(open(sys.argv[1]))
request = urllib.request.Request(spec["url"], data=spec["body"].encode(), headers=spec["headers"], method="POST")
with urllib.request.urlopen(request) as reply:
    print(json.load(reply)["choices"][0]["message"]["content"])
"""

# One process, one pooled client, many requests: the floor for a request inside the REPL.
WARM_HTTPX = """\
import json, sys, time
import httpx
spec = json.load(open(sys.argv[1]))
times = []
with httpx.Client(verify=spec["url"].startswith("https:")) as client:
    for _ in range(int(sys.argv[2])):
        start = time.perf_counter()
        reply = client.post(spec["url"], content=spec["body"].encode(), headers=spec["headers"])
        reply.json()["choices"][0]["message"]["content"]
        times.append(time.perf_counter() - start)
print(json.dumps(times))
"""

CHECK_WORKER = """\
import json, sys, time
clock = time.perf_counter
commands = json.load(open(sys.argv[1]))
start = clock(); from nlshell.assess import assess; import_s = clock() - start
from nlshell.shell import parser
from nlshell.validate import syntax
start = clock(); parser.parse("true"); parser_s = clock() - start  # loads the grammar, makes a parser
start = clock(); assess("ls -la"); first_s = clock() - start
confirm = {"calls": 0, "seconds": 0.0}
real_checker = syntax._run_checker
def timed_checker(*args, **kwargs):
    began = clock()
    try:
        return real_checker(*args, **kwargs)
    finally:
        confirm["calls"] += 1
        confirm["seconds"] += clock() - began
syntax._run_checker = timed_checker
invalid = 0
start = clock()
for command in commands:
    if not assess(command).valid:
        invalid += 1
total_s = clock() - start
print(json.dumps({"import_s": import_s, "parser_s": parser_s, "first_assess_s": first_s,
                  "commands": len(commands), "total_s": total_s, "invalid": invalid,
                  "confirm_calls": confirm["calls"], "confirm_s": confirm["seconds"]}))
"""


class BenchError(Exception):
    """A measurement could not be taken; its row says why instead of a number."""


# -- results -----------------------------------------------------------------------------------
@dataclass
class Row:
    name: str
    measured: str = ""
    floor: str = ""
    result: str = ""
    goal: str = "—"
    met: bool | None = None
    note: str = ""
    data: dict = field(default_factory=dict)

    @property
    def mark(self) -> str:
        return {True: "✓", False: "✗", None: "—"}[self.met]


def unavailable(name: str, why: str, goal: str = "—") -> Row:
    return Row(name, result="not available", goal=goal, note=why)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def median(values: list[float]) -> float:
    return statistics.median(values)


# -- what is measured --------------------------------------------------------------------------
@dataclass
class Target:
    python: Path
    nlshell: Path
    label: str


def venv_of(python: Path) -> Path:
    return python.parent.parent


def purelib(python: Path) -> Path:
    out = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         capture_output=True, text=True, check=True)
    return Path(out.stdout.strip())


def is_editable(site: Path) -> bool:
    return any(site.glob("__editable__*nlshell*.pth")) or any(site.glob("__editable__.nlshell*"))


def regular_view(python: Path, script: Path, root: Path, package: Path | None = None, name: str = "regular-venv") -> Target:
    """A venv on the same interpreter where nlshell is an ordinary package (no import hook): this
    venv's nlshell, or the `package` directory given (another checkout's, to compare)."""
    probe = "import sys, os, nlshell; print(getattr(sys, '_base_executable', sys.executable)); print(os.path.dirname(nlshell.__file__))"
    out = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, check=True).stdout.split("\n")
    base, label = out[0], "regular-install view of " + (str(package) if package else "an editable checkout")
    package = package or Path(out[1])
    view = root / name
    subprocess.run([base, "-m", "venv", "--without-pip", str(view)], check=True)
    view_python = view / "bin" / "python"
    view_site = purelib(view_python)
    venv_site = purelib(python)
    (view_site / "nlshell").symlink_to(package, target_is_directory=True)
    (view_site / "zz-dependencies.pth").write_text(f"{venv_site}\n")
    # Mirror the one .pth a regular pip venv has (setuptools' distutils shim), when this venv has it.
    if (venv_site / "distutils-precedence.pth").exists() and (venv_site / "_distutils_hack").is_dir():
        shutil.copy(venv_site / "distutils-precedence.pth", view_site)
        (view_site / "_distutils_hack").symlink_to(venv_site / "_distutils_hack", target_is_directory=True)
    lines = script.read_text().split("\n")
    view_script = view / "bin" / "nlshell"
    view_script.write_text("\n".join([f"#!{view_python}", *lines[1:]]))
    view_script.chmod(0o755)
    return Target(view_python, view_script, label)


def choose_target(mode: str, root: Path) -> Target:
    python = Path(sys.executable)
    script = python.parent / "nlshell"
    if not script.exists():
        raise SystemExit(f"{script} not found: install nlshell into this venv first (pip install .)")
    if mode == "venv" or (mode == "auto" and not is_editable(purelib(python))):
        return Target(python, script, "this venv as installed")
    return regular_view(python, script, root)


# -- the sandbox -------------------------------------------------------------------------------
class Sandbox:
    """A throwaway home, the fake server, and the environment every measured process gets."""

    def __init__(self, root: Path, target: Target) -> None:
        sys.path.insert(0, str(REPO / "tests"))
        from fakeserver import FakeOpenRouter

        self.root = root
        self.target = target
        self.home = root / "home"
        self.work = root / "work"
        for d in (self.home, self.work):
            d.mkdir(parents=True, exist_ok=True)
        self.server = FakeOpenRouter().start()
        self.server.default(REPLY)

    def env(self, **extra: str) -> dict:
        keep = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR")
        env = {k: os.environ[k] for k in keep if k in os.environ}
        env.update(
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            XDG_STATE_HOME=str(self.home / ".local" / "state"),
            XDG_DATA_HOME=str(self.home / ".local" / "share"),
            SHELL="/bin/bash",
            NO_COLOR="1",
            OPENROUTER_API_KEY=FAKE_KEY,
            OPENROUTER_BASE_URL=self.server.base_url,
            # Never the user's keyring, even if something loaded keyring by mistake.
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        )
        env.update(extra)
        return env

    def stop(self) -> None:
        self.server.stop()


@dataclass
class Cmd:
    label: str
    argv: list[str]
    env: dict
    expect_out: str | None = None  # checked once, before timing


def run_once(cmd: Cmd, cwd: Path, capture: bool = False) -> tuple[float, subprocess.CompletedProcess]:
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.run(cmd.argv, env=cmd.env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                          text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        detail = (proc.stderr or "").strip().splitlines()[-1:] if capture else []
        raise BenchError(f"`{cmd.label}` exited {proc.returncode}" + (f": {detail[0]}" if detail else ""))
    return elapsed, proc


class Samples(list):
    """Wall-clock seconds per run, with the CPU seconds (user + system) of the same runs in `cpu`:
    CPU time barely moves when other processes compete for the cores, wall time does."""

    def __init__(self) -> None:
        super().__init__()
        self.cpu: list[float] = []


def time_once(cmd: Cmd, cwd: Path) -> tuple[float, float]:
    """(wall, cpu) seconds of one run, output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd.argv, env=cmd.env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise BenchError(f"`{cmd.label}` exited {proc.returncode}")
    return elapsed, usage.ru_utime + usage.ru_stime


def check_output(cmd: Cmd, cwd: Path) -> None:
    _, proc = run_once(cmd, cwd, capture=True)
    if cmd.expect_out is not None and proc.stdout.strip() != cmd.expect_out:
        raise BenchError(f"`{cmd.label}` printed {proc.stdout.strip()[:80]!r}, expected {cmd.expect_out!r}")


def interleaved(cmds: list[Cmd], cwd: Path, runs: int, warmup: int) -> dict[str, Samples | BenchError]:
    """Paired rounds, the order reversed every other round; a command that fails drops out."""
    results: dict[str, Samples | BenchError] = {}
    live = []
    for cmd in cmds:
        try:
            check_output(cmd, cwd)
            for _ in range(warmup):
                time_once(cmd, cwd)
        except BenchError as e:
            results[cmd.label] = e
            continue
        results[cmd.label] = Samples()
        live.append(cmd)
    for round_ in range(runs):
        for cmd in live if round_ % 2 == 0 else reversed(live):
            samples = results[cmd.label]
            if isinstance(samples, BenchError):
                continue
            try:
                wall, cpu = time_once(cmd, cwd)
                samples.append(wall)
                samples.cpu.append(cpu)
            except BenchError as e:
                results[cmd.label] = e
    return results


def peak_rss_kb(cmd: Cmd, cwd: Path, python: Path, runs: int, exit_code: int = 0) -> int:
    values = []
    for _ in range(runs):
        proc = subprocess.run([str(python), "-c", RSS_WRAPPER, *cmd.argv], env=cmd.env, cwd=cwd,
                              stdin=subprocess.DEVNULL, capture_output=True, text=True)
        found = re.search(r"MAXRSS_KB (\d+) (-?\d+)", proc.stdout)
        if not found or found.group(2) != str(exit_code):
            raise BenchError(f"`{cmd.label}` failed under the RSS wrapper: {proc.stderr.strip()[-200:]}")
        values.append(int(found.group(1)))
    return int(median(values))


# -- the benchmark -----------------------------------------------------------------------------
class Bench:
    def __init__(self, args: argparse.Namespace, root: Path, target: Target) -> None:
        self.args = args
        self.root = root
        self.target = target
        self.box = Sandbox(root, target)
        self.rows: list[Row] = []
        self.samples: dict[str, list[float]] = {}
        self.cpu_samples: dict[str, list[float]] = {}
        self.request_spec: Path | None = None
        self.peers = Peers(self)

    @property
    def py(self) -> str:
        return str(self.target.python)

    @property
    def nl(self) -> str:
        return str(self.target.nlshell)

    def cmd(self, label: str, argv: list[str], expect: str | None = None, **env: str) -> Cmd:
        return Cmd(label, argv, self.box.env(**env), expect)

    def keep(self, results: dict) -> None:
        for label, samples in results.items():
            if isinstance(samples, Samples):
                self.samples[label] = list(samples)
                self.cpu_samples[label] = samples.cpu

    # start-up: --version, init bash, cache hit, all against python -c pass
    def startup(self) -> None:
        floor = self.cmd("python -c pass", [self.py, "-c", "pass"])
        version = self.cmd("nlshell --version", [self.nl, "--version"])
        init = self.cmd("nlshell init bash", [self.nl, "init", "bash"])
        hit = self.cmd("nlshell -p (cache hit)", [self.nl, "-p", REQUEST], REPLY)
        hit_note = ""
        try:
            check_output(hit, self.box.work)  # the miss that fills the cache
            before = len(self.box.server.chat_requests)
            check_output(hit, self.box.work)
            if len(self.box.server.chat_requests) != before:
                hit_note = "not a cache hit: the repeated request reached the server"
        except BenchError as e:
            hit_note = str(e)
        cmds = [floor, version, init] + ([] if hit_note else [hit])
        results = interleaved(cmds, self.box.work, self.args.runs, self.args.warmup)
        self.keep(results)
        base = results[floor.label]
        if isinstance(base, BenchError):
            raise SystemExit(f"the floor itself failed: {base}")
        base_s = median(base)
        for label, name, goal in (
            (version.label, "start-up: `nlshell --version`", GOAL_START),
            (init.label, "start-up: `nlshell init bash`", GOAL_START),
            (hit.label, "start-up: cache hit `nlshell -p REQUEST`", GOAL_HIT),
        ):
            samples = results.get(label)
            if hit_note and label == hit.label:
                self.rows.append(unavailable(name, hit_note, f"≤ {goal:.1f}×"))
            elif isinstance(samples, BenchError):
                self.rows.append(unavailable(name, str(samples), f"≤ {goal:.1f}×"))
            else:
                ratio = median(samples) / base_s
                cpu_ratio = median(samples.cpu) / median(base.cpu)
                self.rows.append(Row(name, ms(median(samples)), f"{ms(base_s)} `python -c pass`", f"{ratio:.2f}×",
                                     f"≤ {goal:.1f}×", ratio <= goal, note=f"CPU time {cpu_ratio:.2f}×",
                                     data={"median_s": median(samples), "floor_s": base_s, "ratio": ratio,
                                           "cpu_s": median(samples.cpu), "floor_cpu_s": median(base.cpu),
                                           "cpu_ratio": cpu_ratio}))
        self.peers.startup()

    # one-shot miss: nlshell against a bare httpx POST of the same body to the same server
    def miss(self) -> None:
        name = "one-shot miss `nlshell -p --no-cache`: added over bare httpx"
        goal = f"≤ {GOAL_MISS_ADDED_MS:.0f} ms"
        nl = self.cmd("nlshell -p --no-cache", [self.nl, "-p", "--no-cache", REQUEST], REPLY)
        try:
            self.request_spec = self.capture_request(nl)
        except BenchError as e:
            self.rows.append(unavailable(name, str(e), goal))
            return
        httpx_script = self.root / "bare_httpx.py"
        urllib_script = self.root / "bare_urllib.py"
        httpx_script.write_text(BARE_HTTPX)
        urllib_script.write_text(BARE_URLLIB)
        bare = self.cmd("bare httpx POST", [self.py, str(httpx_script), str(self.request_spec)], REPLY)
        stdlib = self.cmd("bare urllib POST", [self.py, str(urllib_script), str(self.request_spec)], REPLY)
        runs = max(3, self.args.runs * 2 // 3)
        results = interleaved([nl, bare, stdlib], self.box.work, runs, self.args.warmup)
        self.keep(results)
        bare_s = results[bare.label]
        if isinstance(bare_s, BenchError):
            self.rows.append(unavailable(name, f"the floor failed: {bare_s}", goal))
            return
        floor_text = f"httpx {ms(median(bare_s))}"
        stdlib_s = results[stdlib.label]
        if isinstance(stdlib_s, list):
            floor_text += f"; urllib {ms(median(stdlib_s))}"
        nl_s = results[nl.label]
        if isinstance(nl_s, BenchError):
            self.rows.append(unavailable(name, str(nl_s), goal))
        else:
            added = median(nl_s) - median(bare_s)
            self.rows.append(Row(name, ms(median(nl_s)), floor_text, f"+{added * 1000:.0f} ms", goal,
                                 added * 1000 <= GOAL_MISS_ADDED_MS,
                                 data={"median_s": median(nl_s), "httpx_s": median(bare_s),
                                       "urllib_s": median(stdlib_s) if isinstance(stdlib_s, list) else None}))
        self.peers.oneshot(bare)

    def capture_request(self, nl: Cmd) -> Path:
        """What nlshell sends (URL, headers, body), so the floors send exactly the same bytes."""
        server = self.box.server
        server.requests.clear()
        check_output(nl, self.box.work)
        chats = server.chat_requests
        if not chats:
            raise BenchError("nlshell sent no chat request")
        sent = chats[-1]
        skip = {"host", "content-length", "connection", "accept-encoding", "user-agent"}
        headers = {k: v for k, v in sent.headers.items() if k not in skip}
        spec = {"url": server.root_url + sent.path, "headers": headers, "body": sent.body.decode()}
        path = self.root / "request.json"
        path.write_text(json.dumps(spec))
        return path

    # REPL: 20 requests in one session — connections, per-request overhead, peak RSS
    def repl(self) -> None:
        names = ("REPL: TCP connections for 20 requests", "REPL: per-request overhead over warm httpx",
                 "peak RSS: REPL, 20 requests")
        goals = (f"= {GOAL_CONNECTIONS}", "—", f"≤ {GOAL_RSS_REPL_MB:.0f} MiB")
        try:
            session = self.repl_session(self.args.repl_requests)
            floor = self.warm_httpx(self.args.repl_requests + 1)
        except BenchError as e:
            for name, goal in zip(names, goals):
                self.rows.append(unavailable(name, str(e), goal))
            return
        connections = session["connections"]
        self.rows.append(Row(names[0], f"{connections} for {session['requests']} requests", "1 (keep-alive)",
                             str(connections), goals[0], connections == GOAL_CONNECTIONS, data=session))
        steady = session["latencies_s"][1:] or session["latencies_s"]
        floor_ms = median(floor[1:]) * 1000
        added = median(steady) * 1000 - floor_ms
        self.rows.append(Row(names[1], f"{median(steady) * 1000:.1f} ms", f"{floor_ms:.1f} ms warm httpx POST",
                             f"+{added:.1f} ms", goals[1], None,
                             note=f"request → menu shown; first request {session['latencies_s'][0] * 1000:.0f} ms",
                             data={"median_s": median(steady), "floor_s": floor_ms / 1000, "floor_samples_s": floor}))
        mib = session["maxrss_kb"] / 1024
        self.rows.append(Row(names[2], f"{mib:.1f} MiB", "", f"{mib:.1f} MiB", goals[2], mib <= GOAL_RSS_REPL_MB,
                             data={"maxrss_kb": session["maxrss_kb"]}))

    def repl_session(self, requests: int) -> dict:
        try:
            import pexpect
        except ImportError as e:
            raise BenchError("pexpect is not installed (pip install pexpect)") from e
        env = self.box.env(TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1", LC_ALL="C.UTF-8")
        argv = ["-c", RSS_WRAPPER, self.nl]
        before = self.box.server.connections
        chats_before = len(self.box.server.chat_requests)
        child = pexpect.spawn(self.py, argv, cwd=str(self.box.work), env=env, encoding="utf-8",
                              dimensions=(40, 120), timeout=30)
        child.delaybeforesend = None  # pexpect sleeps 50 ms before every send by default
        pty = Pty(child)
        nonce = uuid.uuid4().hex[:8]
        latencies = []
        try:
            pty.wait_for(PROMPT)
            for n in range(requests):
                # Typed as a person would: the prompt is idle, the words are shown, then Enter.
                pty.settle()
                pty.send(f"list the files changed {n} {nonce}")
                pty.settle()
                sent = time.perf_counter()
                pty.send("\r")
                latencies.append(pty.wait_for(MENU_END, fail_on=REPL_ERROR) - sent)
                # The menu discards keys typed before it is ready: wait, and press again if need be.
                for attempt in range(5):
                    pty.settle(0.05)
                    pty.send("a")
                    try:
                        pty.wait_for(PROMPT, timeout=2.0)
                        break
                    except BenchError:
                        if attempt == 4:
                            raise
            pty.settle()
            pty.send("\x04")
            pty.wait_for("MAXRSS_KB")
            pty.drain()
        except BenchError as e:
            raise BenchError(f"REPL not available: {e}") from None
        finally:
            pty.close()
        found = re.search(r"MAXRSS_KB (\d+) (-?\d+)", pty.text)
        if not found:
            raise BenchError("the REPL ended without reporting its peak RSS")
        if found.group(2) != "0":
            raise BenchError(f"the REPL exited {found.group(2)} after Ctrl-D")
        return {"requests": requests, "connections": self.box.server.connections - before,
                "chat_requests": len(self.box.server.chat_requests) - chats_before,
                "latencies_s": latencies, "maxrss_kb": int(found.group(1))}

    def warm_httpx(self, requests: int) -> list[float]:
        if self.request_spec is None:
            raise BenchError("no request was captured from a one-shot miss")
        script = self.root / "warm_httpx.py"
        script.write_text(WARM_HTTPX)
        proc = subprocess.run([self.py, str(script), str(self.request_spec), str(requests)], env=self.box.env(),
                              cwd=self.box.work, capture_output=True, text=True)
        if proc.returncode != 0:
            raise BenchError(f"warm httpx floor failed: {proc.stderr.strip()[-200:]}")
        return json.loads(proc.stdout)

    # check: assess() over the tldr examples, parser warm
    def check(self) -> None:
        rate_name, load_name = "check: commands/s, parser warm (tldr examples)", "check: parser load time"
        goal = f"≥ {GOAL_CHECK_RATE:,.0f}/s"
        tsv = bench_data() / "tldr" / "examples.tsv"
        if not tsv.is_file():
            why = f"tldr examples not found (set NLSHELL_BENCH_DATA); looked in {tsv.parent}"
            self.rows += [unavailable(rate_name, why, goal), unavailable(load_name, why)]
            return
        commands = tldr_commands(tsv)
        if self.args.check_limit and len(commands) > self.args.check_limit:
            step = len(commands) / self.args.check_limit
            commands = [commands[int(i * step)] for i in range(self.args.check_limit)]
        listing = self.root / "commands.json"
        listing.write_text(json.dumps(commands))
        proc = subprocess.run([self.py, "-c", CHECK_WORKER, str(listing)], env=self.box.env(), cwd=self.box.work,
                              capture_output=True, text=True)
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            self.rows += [unavailable(rate_name, last, goal), unavailable(load_name, last)]
            return
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        parse_s = r["total_s"] - r["confirm_s"]
        rate = r["commands"] / parse_s
        rate_all = r["commands"] / r["total_s"]
        self.rows.append(Row(rate_name, f"{r['commands']:,} commands in {r['total_s']:.2f} s", "",
                             f"{rate:,.0f}/s", goal, rate >= GOAL_CHECK_RATE,
                             note=f"excluding {r['confirm_calls']} `bash -n` confirmations "
                                  f"({r['confirm_s']:.2f} s); {rate_all:,.0f}/s including them; "
                                  f"{r['invalid']} invalid",
                             data=r))
        self.rows.append(Row(load_name, ms(r["parser_s"]), "", ms(r["parser_s"]), "—", None,
                             note=f"tree-sitter + grammar + Parser; importing nlshell.assess {ms(r['import_s'])}, "
                                  f"first assess() {ms(r['first_assess_s'])}",
                             data=r))

    # peak RSS of a one-shot miss
    def rss_oneshot(self) -> None:
        name, goal = "peak RSS: one-shot miss", f"≤ {GOAL_RSS_ONESHOT_MB:.0f} MiB"
        nl = self.cmd("nlshell -p --no-cache", [self.nl, "-p", "--no-cache", REQUEST], REPLY)
        runs = 1 if self.args.quick else 3
        try:
            kb = peak_rss_kb(nl, self.box.work, self.target.python, runs)
        except BenchError as e:
            self.rows.append(unavailable(name, str(e), goal))
            return
        floor_kb = peak_rss_kb(self.cmd("python -c pass", [self.py, "-c", "pass"]), self.box.work,
                               self.target.python, runs)
        mib = kb / 1024
        self.rows.append(Row(name, f"{mib:.1f} MiB", f"{floor_kb / 1024:.1f} MiB `python -c pass`", f"{mib:.1f} MiB",
                             goal, mib <= GOAL_RSS_ONESHOT_MB, data={"maxrss_kb": kb, "floor_kb": floor_kb}))
        self.peers.rss_rows()

    # peak RSS when the reply is a compression bomb: every layer is decoded in bounded steps and capped
    def rss_bomb(self) -> None:
        import gzip

        name, goal = "peak RSS: a `gzip, gzip` bomb reply (256 MiB decoded)", f"≤ {GOAL_RSS_ONESHOT_MB:.0f} MiB"
        body = gzip.compress(gzip.compress(b"\0" * (256 << 20), compresslevel=9), compresslevel=9)
        runs = 1 if self.args.quick else 3
        for _ in range(runs):
            self.box.server.respond(200, body=body, headers={"Content-Encoding": "gzip, gzip"})
        nl = self.cmd("nlshell -p --no-cache (bomb)", [self.nl, "-p", "--no-cache", "a bomb, please"])
        try:
            kb = peak_rss_kb(nl, self.box.work, self.target.python, runs, exit_code=1)  # refused: too large
        except BenchError as e:
            self.rows.append(unavailable(name, str(e), goal))
            return
        mib = kb / 1024
        self.rows.append(Row(name, f"{mib:.1f} MiB", f"{len(body):,} bytes on the wire", f"{mib:.1f} MiB", goal,
                             mib <= GOAL_RSS_ONESHOT_MB, data={"maxrss_kb": kb, "wire_bytes": len(body)}))

    def run(self) -> list[Row]:
        self.startup()
        self.miss()
        self.repl()
        self.check()
        self.rss_oneshot()
        self.rss_bomb()
        return self.rows


# -- the REPL through a pseudo-terminal --------------------------------------------------------
PROMPT = "nlshell>"
MENU_END = "bort › "  # the end of the menu's options line: it waits for a key
REPL_ERROR = re.compile(r"^nlshell: (?!warning)|^Traceback ", re.M)
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Za-z0-9]|\x1b[=>78NMDEHc]|\r"
)


class Pty:
    """Reads a pexpect child; `wait_for` returns when the text appeared (the arrival of its chunk)."""

    def __init__(self, child) -> None:
        self.child = child
        self.raw = ""
        self.mark = 0

    @property
    def text(self) -> str:
        return _ANSI.sub("", self.raw)

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def wait_for(self, needle: str, timeout: float = 30.0, fail_on: re.Pattern | None = None) -> float:
        """`fail_on` shown first (an error line instead of the menu) means the step failed."""
        import pexpect

        deadline = time.monotonic() + timeout
        arrived = time.perf_counter()
        while True:
            text = self.text
            at = text.find(needle, self.mark)
            if at >= 0:
                self.mark = at + len(needle)
                return arrived
            if fail_on is not None and (bad := fail_on.search(text, self.mark)):
                line = text[bad.start() :].strip().split("\n", 1)[0]
                raise BenchError(f"{line[:300]!r} instead of {needle!r}")
            if time.monotonic() > deadline:
                raise BenchError(f"{needle!r} not shown within {timeout:g} s; shown: {text[self.mark:][-300:]!r}")
            try:
                chunk = self.child.read_nonblocking(65536, timeout=0.2)
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                raise BenchError(f"the program ended before showing {needle!r}: {text[self.mark:][-300:]!r}") from None
            arrived = time.perf_counter()
            self.raw += chunk

    def settle(self, quiet: float = 0.1, limit: float = 3.0) -> None:
        """Read until nothing has been shown for `quiet` seconds (at most `limit`)."""
        import pexpect

        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            try:
                self.raw += self.child.read_nonblocking(65536, timeout=quiet)
            except pexpect.TIMEOUT:
                return
            except pexpect.EOF:
                raise BenchError(f"the program ended: {self.text[self.mark:][-300:]!r}") from None

    def drain(self) -> None:
        import pexpect

        try:
            while True:
                self.raw += self.child.read_nonblocking(65536, timeout=2)
        except (pexpect.EOF, pexpect.TIMEOUT):
            pass

    def close(self) -> None:
        if self.child.isalive():
            self.child.close(force=True)


# -- peers: shell-gpt and llm ------------------------------------------------------------------
class Peers:
    """shell-gpt and llm from benchmarks/.peers-venv, pointed at the same fake server."""

    def __init__(self, bench: Bench) -> None:
        self.bench = bench
        bin_dir = PEERS_VENV / "bin"
        self.python = bin_dir / "python"
        self.skipped = bench.args.no_peers
        wanted = () if self.skipped else ("sgpt", "llm")
        self.tools = {name: bin_dir / name for name in wanted if (bin_dir / name).exists()}
        self.llm_home = bench.root / "llm-home"
        self.versions = {}
        for name, dist in (("sgpt", "shell_gpt"), ("llm", "llm")):
            found = sorted(PEERS_VENV.glob(f"lib/python*/site-packages/{dist}-*.dist-info"))
            if found:
                self.versions[name] = found[-1].name[len(dist) + 1 : -len(".dist-info")]

    def named(self, name: str) -> str:
        """`sgpt` → `sgpt` (shell-gpt 1.5.1)."""
        package = {"sgpt": "shell-gpt", "llm": "llm"}[name]
        version = self.versions.get(name)
        return f"{package} {version}" if version else package

    def floor(self) -> Cmd:
        return self.bench.cmd("peers: python -c pass", [str(self.python), "-c", "pass"])

    @property
    def runs(self) -> int:
        """Peers take a second or more per run and have no goal here: fewer rounds."""
        return max(3, self.bench.args.runs // 3)

    def env(self) -> dict:
        """Settings for both peers, all inside the sandbox (shell-gpt would ask for a key without one)."""
        base = self.bench.box.server.base_url
        home = self.bench.box.home
        self.llm_home.mkdir(exist_ok=True)
        (self.llm_home / "extra-openai-models.yaml").write_text(
            f"- model_id: fake\n  model_name: fake/model\n  api_base: \"{base}\"\n  api_key_name: fake\n")
        (self.llm_home / "keys.json").write_text(json.dumps({"fake": FAKE_KEY}))
        return {"OPENAI_API_KEY": FAKE_KEY, "API_BASE_URL": base, "DEFAULT_MODEL": "fake/model",
                "OPENAI_USE_FUNCTIONS": "false", "PRETTIFY_MARKDOWN": "false", "SHELL_INTERACTION": "false",
                "CACHE_PATH": str(home / "sgpt-cache"), "CHAT_CACHE_PATH": str(home / "sgpt-chat-cache"),
                "LLM_USER_PATH": str(self.llm_home)}

    def startup(self) -> None:
        if not self.tools:
            why = "skipped (--no-peers)" if self.skipped else "not installed: run benchmarks/peers.sh"
            self.bench.rows.append(unavailable("peers: shell-gpt, llm", why))
            return
        cmds = [self.floor()] + [self.bench.cmd(f"{name} --version", [str(exe), "--version"], **self.env())
                                 for name, exe in self.tools.items()]
        results = interleaved(cmds, self.bench.box.work, self.runs, 1)
        self.bench.keep(results)
        base = results.get("peers: python -c pass")
        for name in self.tools:
            samples = results.get(f"{name} --version")
            row_name = f"peer start-up: `{name} --version` ({self.named(name)})"
            if isinstance(samples, BenchError) or isinstance(base, BenchError) or not samples:
                self.bench.rows.append(unavailable(row_name, str(samples if isinstance(samples, BenchError) else base)))
                continue
            ratio = median(samples) / median(base)
            self.bench.rows.append(Row(row_name, ms(median(samples)), f"{ms(median(base))} its `python -c pass`",
                                       f"{ratio:.2f}×", "— (peer)", None, data={"median_s": median(samples)}))

    def sgpt_cmd(self) -> Cmd:
        # shell-gpt reads its settings from the environment first; --shell asks for one command.
        argv = [str(self.tools["sgpt"]), "--shell", "--no-interaction", "--no-cache", REQUEST]
        return self.bench.cmd("sgpt --shell", argv, REPLY, **self.env())

    def llm_cmd(self) -> Cmd:
        # llm reaches any OpenAI-compatible server through extra-openai-models.yaml; it logs to sqlite
        # by default, as users run it.
        argv = [str(self.tools["llm"]), "-m", "fake", "--no-stream", REQUEST]
        return self.bench.cmd("llm -m fake", argv, REPLY, **self.env())

    def oneshot_cmds(self) -> list[Cmd]:
        makers = {"sgpt": self.sgpt_cmd, "llm": self.llm_cmd}
        return [makers[name]() for name in self.tools]

    def oneshot(self, bare: Cmd) -> None:
        """Each peer against the same fake server, beside the bare httpx POST (measured again here)."""
        if not self.tools:
            return
        results = interleaved([bare, *self.oneshot_cmds()], self.bench.box.work, self.runs, 1)
        self.bench.keep({f"peers: {label}" if label == bare.label else label: v for label, v in results.items()})
        if isinstance(results[bare.label], BenchError):
            return
        bare_s = median(results[bare.label])
        floor_text = f"httpx {ms(bare_s)}"
        for cmd in self.oneshot_cmds():
            name = cmd.label.split()[0]
            row_name = f"peer one-shot: `{cmd.label}` ({self.named(name)}): added over bare httpx"
            samples = results.get(cmd.label)
            if isinstance(samples, BenchError) or not samples:
                self.bench.rows.append(unavailable(row_name, f"could not be pointed at the fake server: {samples}"))
                continue
            added = median(samples) - bare_s
            self.bench.rows.append(Row(row_name, ms(median(samples)), floor_text, f"+{added * 1000:.0f} ms",
                                       "— (peer)", None, data={"median_s": median(samples), "tool": name}))

    def rss_rows(self) -> None:
        runs = 1 if self.bench.args.quick else 3
        for cmd in self.oneshot_cmds():
            row_name = f"peer peak RSS: `{cmd.label}` ({self.named(cmd.label.split()[0])})"
            try:
                kb = peak_rss_kb(cmd, self.bench.box.work, self.python, runs)
            except BenchError as e:
                self.bench.rows.append(unavailable(row_name, str(e)))
                continue
            self.bench.rows.append(Row(row_name, f"{kb / 1024:.1f} MiB", "", f"{kb / 1024:.1f} MiB", "— (peer)",
                                       None, data={"maxrss_kb": kb}))


# -- data and machine --------------------------------------------------------------------------
def bench_data() -> Path:
    return Path(os.environ.get("NLSHELL_BENCH_DATA") or REPO.parent / "shared" / "bench-data")


def tldr_commands(tsv: Path) -> list[str]:
    with tsv.open(encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        column = header.index("command_filled")
        return [line.rstrip("\n").split("\t")[column] for line in f if line.strip()]


def machine(target: Target) -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    os_name = platform.system()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    version = subprocess.run([str(target.python), "-c", "import platform; print(platform.python_version())"],
                             capture_output=True, text=True).stdout.strip()
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "cpu": cpu or "unknown",
        "cores": os.cpu_count(),
        "python": version,
        "os": f"{os_name}, {platform.system()} {platform.machine()}",
        "load_before": [round(x, 2) for x in os.getloadavg()],
    }


# -- output ------------------------------------------------------------------------------------
def table(rows: list[Row]) -> str:
    head = ("row", "measured", "floor", "result", "goal", "met")
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for r in rows:
        result = r.result + (f" ({r.note})" if r.note else "")
        lines.append("| " + " | ".join((r.name, r.measured, r.floor, result, r.goal, r.mark)) + " |")
    return "\n".join(lines)


def record(path: Path, info: dict, target: Target, args: argparse.Namespace, rows: list[Row], summary: str) -> None:
    """Write RESULTS.md: conditions, the table, and the hand-written notes kept from the last one."""
    notes = "## Notes\n\n(why a row misses its goal, and anything unusual about the run)\n"
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if "## Notes" in old:
            notes = old[old.index("## Notes") :]
    load = f"{' '.join(map(str, info['load_before']))} before, {' '.join(map(str, info['load_after']))} after"
    text = (
        "# Benchmark results\n\n"
        f"Recorded {info['date']} with `{args.command_line}` "
        "(regenerate with `--record benchmarks/RESULTS.md`; the notes below are kept).\n\n"
        f"- machine: {info['cpu']}, {info['cores']} cores; {info['os']}\n"
        f"- Python {info['python']}; measured: {target.label}\n"
        f"- load average (1, 5, 15 min): {load}\n\n"
        f"{table(rows)}\n\n{summary}\n\n{notes.rstrip()}\n"
    )
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30, help="timed rounds for start-up rows (default 30; "
                                                             "one-shot rows take two thirds of it)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs of each command first (default 3)")
    parser.add_argument("--quick", action="store_true", help="a few runs and a sample of the corpus: checks the "
                                                             "harness, not the numbers")
    parser.add_argument("--json", metavar="PATH", help="also write every row and sample as JSON")
    parser.add_argument("--install", choices=("auto", "venv", "regular"), default="auto",
                        help="measure the venv as is, or a regular-install view (auto: regular when editable)")
    parser.add_argument("--repl-requests", type=int, default=REPL_REQUESTS, help=argparse.SUPPRESS)
    parser.add_argument("--check-limit", type=int, default=0, help="assess only N commands (default: all)")
    parser.add_argument("--record", metavar="PATH", help="write the results as Markdown (benchmarks/RESULTS.md), "
                                                         "keeping that file's notes section")
    parser.add_argument("--no-peers", action="store_true", help="skip shell-gpt and llm even when installed")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed or a row is not measured")
    args = parser.parse_args(argv)
    shown = list(sys.argv[1:] if argv is None else argv)
    for option in ("--record", "--json"):  # output paths: never written into RESULTS.md
        if option in shown:
            at = shown.index(option)
            del shown[at : at + 2]
        shown = [a for a in shown if not a.startswith(option + "=")]
    args.command_line = " ".join(["python benchmarks/run.py", *shown])
    if args.quick:
        args.runs, args.warmup = min(args.runs, 3), 1
        args.check_limit = args.check_limit or 1500

    with tempfile.TemporaryDirectory(prefix="nlshell-bench-") as tmp:
        root = Path(tmp)
        target = choose_target(args.install, root)
        info = machine(target)
        print(f"nlshell benchmarks — {info['date']}")
        print(f"machine: {info['cpu']}, {info['cores']} cores; Python {info['python']}; {info['os']}")
        print(f"measured: {target.label}; load average before: {' '.join(map(str, info['load_before']))}")
        print(f"runs: {args.runs} timed rounds, {args.warmup} warm-up; medians\n", flush=True)
        bench = Bench(args, root, target)
        try:
            rows = bench.run()
        finally:
            bench.box.stop()
        info["load_after"] = [round(x, 2) for x in os.getloadavg()]
    print(table(rows))
    missed = [r.name for r in rows if r.met is False]
    unmeasured = [r.name for r in rows if r.met is None and r.goal.startswith(("≤", "≥", "="))]
    print(f"\nload average after: {' '.join(map(str, info['load_after']))}")
    with_goal = [r for r in rows if r.goal.startswith(("≤", "≥", "="))]
    summary = [f"goals met: {sum(r.met is True for r in with_goal)} of {len(with_goal)}"]
    if missed:
        summary.append("missed: " + "; ".join(missed))
    if unmeasured:
        summary.append("not measured: " + "; ".join(unmeasured))
    print("\n".join(summary))
    if args.record:
        record(Path(args.record), info, target, args, rows, "  \n".join(summary))
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "target": target.label, "args": vars(args),
                                               "rows": [asdict(r) for r in rows], "samples_s": bench.samples,
                                               "cpu_samples_s": bench.cpu_samples},
                                              indent=1, default=str))
    return 1 if (args.strict and (missed or unmeasured)) else 0


if __name__ == "__main__":
    sys.exit(main())
