"""The API fault matrix, end to end: every way a server or network can fail, against the real CLI.

Each fault runs `nlshell -y …` (the mode that would run a command without asking) against the fake
server, with replies that would create `ran.txt` if anything got through, and must end with: the
contract's exit code, one `nlshell: …` line on stderr that names the cause, empty stdout, no
traceback, no raw control characters, nothing run, nothing cached (no row in the cache store; for
a few, a repeat is shown to reach the server again) and the key nowhere — not in the output, not in
any file under the temp home.

Retry waits are recorded, not slept: a tiny `sitecustomize` on PYTHONPATH (`inject` fixture)
makes the retry engine's `time.sleep` a recorder in the nlshell process, so the matrix also proves
*how long* nlshell would have waited (0.3 s then 0.8 s, a Retry-After honoured, a huge one capped
at 10 s). Two tests keep the real sleeps. The same injection stands in for the faults that cannot be made
locally without outside traffic — DNS failure and connect timeout raise the exact httpx exception
at the transport (the client-level twins live in test_client.py) — and every base URL in those
tests resolves locally, so nothing leaves the machine even if an injection failed to apply.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FAKE_KEY

RAN = "ran.txt"  # every reply that could be run creates this file in the temp cwd
RUN_IT = f"touch {RAN}"
CRASH_MARK = "report it"  # the last-resort line: "internal error (X) — rerun with … and report it"

SITECUSTOMIZE = '''\
"""Test-only fault injection for nlshell subprocesses (tests/test_faults.py); inert without its variables."""
import importlib.util
import os
import sys

# First run the sitecustomize this one shadows, if the environment has one.
_here = os.path.dirname(os.path.abspath(__file__))
for _entry in sys.path[1:]:
    _other = os.path.join(_entry or ".", "sitecustomize.py")
    if os.path.abspath(_entry or ".") != _here and os.path.isfile(_other):
        _spec = importlib.util.spec_from_file_location("_shadowed_sitecustomize", _other)
        _spec.loader.exec_module(importlib.util.module_from_spec(_spec))
        break

_sleep_log = os.environ.get("NLSHELL_TEST_SLEEP_LOG")
if _sleep_log:
    import time

    _real_sleep = time.sleep

    def _recorded_sleep(seconds, _path=_sleep_log):
        """The retry engine's waits are recorded, not slept; every other sleep is real."""
        if not sys._getframe(1).f_globals.get("__name__", "").startswith("tenacity"):
            return _real_sleep(seconds)
        with open(_path, "a", encoding="utf-8") as f:
            f.write(repr(float(seconds)) + "\\n")

    time.sleep = _recorded_sleep

_connect = os.environ.get("NLSHELL_TEST_CONNECT_FAULT")
if _connect:
    import httpx

    def _unreachable(self, request, _kind=_connect):
        if _kind == "dns":
            raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)
        raise httpx.ConnectTimeout("timed out", request=request)

    httpx.HTTPTransport.handle_request = _unreachable

_crash = os.environ.get("NLSHELL_TEST_CRASH")
if _crash:
    import importlib

    _module, _name = _crash.split(":")
    _target = importlib.import_module(_module)

    def _crashing(*args, **kwargs):
        # A bug deep inside whose message happens to carry the key (as some library errors do).
        raise RuntimeError("unexpected failure with " + os.environ.get("OPENROUTER_API_KEY", "?"))

    setattr(_target, _name, _crashing)
'''


class Injector:
    """Environment additions that load the test sitecustomize into an nlshell subprocess."""

    def __init__(self, root: Path) -> None:
        self.dir = root / "inject"
        self.dir.mkdir(exist_ok=True)
        (self.dir / "sitecustomize.py").write_text(SITECUSTOMIZE)
        self.sleep_log = root / "sleeps.log"

    def env(self, *, record_sleeps: bool = True, connect: str | None = None, crash: str | None = None) -> dict:
        env = {"PYTHONPATH": os.pathsep.join([str(self.dir), os.environ.get("PYTHONPATH", "")])}
        if record_sleeps:
            env["NLSHELL_TEST_SLEEP_LOG"] = str(self.sleep_log)
        if connect:
            env["NLSHELL_TEST_CONNECT_FAULT"] = connect
        if crash:
            env["NLSHELL_TEST_CRASH"] = crash
        return env

    def sleeps(self) -> list[float]:
        """The waits recorded so far (and forget them)."""
        if not self.sleep_log.exists():
            return []
        waits = [float(line) for line in self.sleep_log.read_text().split()]
        self.sleep_log.unlink()
        return waits


@pytest.fixture
def inject(tmp_path) -> Injector:
    return Injector(tmp_path)


class InProcess:
    """`nlshell.cli.main(argv)` called in this process: ~100x faster than a subprocess, for big matrices.

    stdin is an empty pipe, stdout/stderr are captured, `run_command` only records, the retry
    policy's waits are recorded instead of slept, and the secrets nlshell scrubs from its output
    start empty each call, as in a fresh process.
    """

    def __init__(self, capsys, monkeypatch) -> None:
        import nlshell.openrouter.client as client_module
        from nlshell.openrouter import retry

        self.capsys = capsys
        self.monkeypatch = monkeypatch
        self.ran: list[str] = []
        self.waits: list[float] = []

        def record(command: str, *, shell: str | None = None) -> int:
            self.ran.append(command)
            return 0

        def retries(fn, *, sleep=None, **kwargs):
            return retry.call_with_retries(fn, sleep=self.waits.append, **kwargs)

        monkeypatch.setattr("nlshell.run.run_command", record)
        monkeypatch.setattr(client_module, "call_with_retries", retries)

    def __call__(self, argv: list[str], stdin: str = "") -> tuple[int, str, str]:
        import io

        from nlshell import cli, redact

        self.ran.clear()
        self.waits.clear()
        self.capsys.readouterr()
        self.monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        self.monkeypatch.setattr(redact, "KNOWN", set())  # what a fresh process knows
        try:
            code = cli.main(list(argv))
        except SystemExit as e:  # argparse's --help / --version actions exit this way, as a real process would
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
        out, err = self.capsys.readouterr()
        assert CRASH_MARK not in err, (argv, err)
        if os.environ.get("NLSHELL_LOG") != "debug":  # (debug mode prints tracebacks on purpose)
            assert "Traceback" not in err, (argv, err)
        return code, out, err


# -- what every fault must leave behind ---------------------------------------------------------


def hostile_in(text: str) -> list[str]:
    from nlshell.text import hostile_characters

    return hostile_characters(text)


def files_holding(root: Path, needle: str, *, allowed: tuple[Path, ...] = ()) -> list[str]:
    """Every file under `root` whose bytes contain `needle` (except the allowed ones)."""
    found = []
    data = needle.encode()
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink() and path not in allowed:
            try:
                if data in path.read_bytes():
                    found.append(str(path.relative_to(root)))
            except OSError:
                pass
    return found


def cached_entries() -> int:
    """Rows in the persistent cache, read without creating or changing anything."""
    from nlshell import paths

    db = paths.cache_db()
    if not os.path.exists(db):
        return 0
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        try:
            return conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        except sqlite3.OperationalError:  # no table yet
            return 0


def assert_contained(r, code: int, says: tuple[str, ...] = (), *, key: str = FAKE_KEY) -> str:
    """The fault was reported, not suffered: one clean line, the right code, nothing else."""
    assert r.returncode == code, r
    assert r.stdout == "", r
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r
    line = lines[0]
    assert line.startswith("nlshell: "), r
    assert "Traceback" not in r.stderr and CRASH_MARK not in line, r
    assert hostile_in(r.stderr) == [], r
    assert key not in r.stdout + r.stderr
    for fragment in says:
        assert fragment.lower() in line.lower(), (fragment, line)
    assert not Path(RAN).exists(), "a command ran"
    return line


def assert_no_trace_left(tmp_path: Path, *, key: str = FAKE_KEY) -> None:
    assert cached_entries() == 0
    assert files_holding(tmp_path, key) == []


# -- the matrix ---------------------------------------------------------------------------------


def err(status: int, message: str, **extra) -> dict:
    return {"error": {"code": status, "message": message, **extra}}


def completion(content, *, finish_reason="stop", error=None) -> dict:
    choice = {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish_reason}
    if error is not None:
        choice["error"] = error
    return {"id": "gen-1", "model": "fake/model", "object": "chat.completion", "choices": [choice]}


HTML_502 = "<html><head><title>502 Bad Gateway</title></head><body><center>cloudflare</center></body></html>"
BIG = json.dumps(completion(RUN_IT + "; " * 2_600_000))  # ~5 MB with a Content-Length
RETRIED_WAITS = [0.3, 0.8]


class Fault:
    """One scripted failure: what the server does, what nlshell must say, how often it may ask."""

    def __init__(self, name: str, script: list[tuple[str, dict]], says: tuple[str, ...], *, attempts: int = 1,
                 waits: list[float] | None = None, args: tuple[str, ...] = (), code: int = 1) -> None:
        self.name = name
        self.script = script
        self.says = says
        self.attempts = attempts
        self.waits = waits if waits is not None else (RETRIED_WAITS if attempts == 3 else [])
        self.args = args
        self.code = code

    def play(self, server) -> None:
        for kind, params in self.script:
            getattr(server, kind)(**params)

    def __repr__(self) -> str:
        return self.name


def R(status=200, times=1, **params) -> list[tuple[str, dict]]:  # noqa: N802 - reads like a table
    return [("respond", {"status": status, **params})] * times


FAULTS = [
    Fault("400 bad request", R(400, body=err(400, "max_tokens: must be at most 4096")), ("rejected", "max_tokens")),
    Fault("401 bad key", R(401, body=err(401, "User not found.")), ("key was rejected", "auth login")),
    Fault("401 echoing the key", R(401, body=err(401, f"Invalid key {FAKE_KEY}")), ("key was rejected",)),
    Fault("402 no credits", R(402, body=err(402, "Insufficient credits", metadata={"limit_source": "openrouter_credits"})),
          ("credits",)),
    Fault("403 moderation", R(403, body=err(403, "Your input was flagged", metadata={
        "reasons": ["violence", "self-harm"], "flagged_input": "how to…", "provider_name": "OpenAI",
        "model_slug": "openai/gpt-4o"})), ("moderation", "violence", "self-harm")),
    Fault("403 guardrail", R(403, body=err(403, "Request blocked: prompt injection patterns detected",
                                           metadata={"patterns": ["ignore previous"]})), ("guardrail",)),
    Fault("404 unknown model", R(404, body=err(404, "No endpoints found for no/such-model.")),
          ("no/such-model", "`nlshell models`"), args=("-m", "no/such-model")),
    Fault("408 timeout", R(408, 3), ("timed out",), attempts=3),
    Fault("429", R(429, 3), ("rate limited", "wait"), attempts=3),
    Fault("429 with Retry-After", R(429, 3, headers={"Retry-After": "2"}), ("rate limited",), attempts=3,
          waits=[2.0, 2.0]),
    Fault("429 with a huge Retry-After", R(429, 3, headers={"Retry-After": "86400"}),
          ("rate limited", "try again in 24 h"), attempts=1, waits=[]),
    Fault("429 on a free model", R(429, 3), ("rate limited", "switch model with -m"), attempts=3,
          args=("-m", "qwen/qwen3-coder:free")),
    Fault("500", R(500, 3), ("HTTP 500",), attempts=3),
    Fault("502 HTML", R(502, 3, body=HTML_502, content_type="text/html"), ("HTML",), attempts=3),
    Fault("503", R(503, 3), ("no provider",), attempts=3),
    Fault("524", R(524, 3), ("timed out",), attempts=3),
    Fault("529", R(529, 3), ("overloaded",), attempts=3),
    Fault("200 with an error body", R(200, 3, body={**err(502, "Provider returned error"), **completion(RUN_IT)}),
          ("provider",), attempts=3),
    Fault("200 with a client error body", R(200, body=err(400, "Invalid request")), ("rejected",)),
    Fault("finish_reason error", R(200, 3, body=completion(RUN_IT, finish_reason="error", error={
        "code": 502, "message": "Provider disconnected mid-stream"})), ("disconnected",), attempts=3),
    Fault("finish_reason length", R(200, body=completion(RUN_IT + " && tou", finish_reason="length")),
          ("cut off",)),
    Fault("content_filter", R(200, body=completion(RUN_IT, finish_reason="content_filter")), ("content filter",)),
    Fault("invalid JSON", R(200, body='{"choices": [{"message": {"content": "touch', content_type="application/json"),
          ("not JSON",)),
    Fault("HTML with 200", R(200, body="<!DOCTYPE html><html><body>login</body></html>", content_type="text/html"),
          ("HTML",)),
    Fault("JSON list", R(200, body=[{"message": {"content": RUN_IT}}]), ("unexpected shape",)),
    Fault("choices not a list", R(200, body={"choices": {"0": {"message": {"content": RUN_IT}}}}),
          ("unexpected shape",)),
    Fault("message a string", R(200, body={"choices": [{"message": RUN_IT}]}), ("unexpected shape",)),
    Fault("content a number", R(200, body=completion(42)), ("unexpected type",)),
    Fault("empty content", R(200, body=completion("")), ("empty",)),
    Fault("whitespace content", R(200, body=completion(" \n\t \n")), ("empty",)),
    Fault("null content", R(200, body=completion(None)), ("empty",)),
    Fault("reasoning ate the budget", R(200, body=completion(None, finish_reason="length")),
          ("reasoning", "max_tokens")),
    Fault("no choices", R(200, body={"id": "gen-1", "choices": []}), ("no choices",)),
    Fault("choices missing", R(200, body={"id": "gen-1", "model": "m"}), ("no choices",)),
    Fault("5 MB reply", R(200, body=BIG), ("too large",)),
    Fault("5 MB reply, chunked", [("stream", {"events": [b"x" * 65536] * 80})], ("too large",)),
    Fault("not UTF-8", R(200, body=b'{"choices": [{"message": {"content": "touch ran.txt \xff\xfe"}}]}'),
          ("UTF-8",)),
    Fault("dropped mid-body", R(200, 3, body=completion(RUN_IT), drop_after=25), ("closed before",), attempts=3),
    Fault("dropped before the body", R(200, 3, body=completion(RUN_IT), drop_after=0), ("closed before",),
          attempts=3),
]


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_fault_is_contained(nlshell, fake_server, server_env, inject, offline_index, tmp_path, fault):
    fake_server.default(RUN_IT)
    fault.play(fake_server)
    r = nlshell("-y", *fault.args, "make a file", env={**server_env, **inject.env()})
    assert_contained(r, fault.code, fault.says)
    assert len(fake_server.chat_requests) == fault.attempts
    assert inject.sleeps() == fault.waits
    assert_no_trace_left(tmp_path)


REPEATED = [f for f in FAULTS if f.name in ("finish_reason length", "200 with a client error body", "empty content",
                                            "invalid JSON")]


@pytest.mark.parametrize("fault", REPEATED, ids=[f.name for f in REPEATED])
def test_a_failed_answer_is_not_kept_so_a_repeat_asks_again(nlshell, fake_server, server_env, fault):
    fake_server.default(RUN_IT)
    fault.play(fake_server)
    assert nlshell("-p", "make a file", env=server_env).returncode == fault.code
    again = nlshell("-p", "make a file", env=server_env)
    assert (again.returncode, again.stdout) == (0, RUN_IT + "\n"), again
    assert len(fake_server.chat_requests) == fault.attempts + 1


FRONTS = [f for f in FAULTS if f.name in ("403 moderation", "finish_reason length", "5 MB reply")]


@pytest.mark.parametrize("mode", [("-p",), ("--json",), ("--widget", "zsh")])
@pytest.mark.parametrize("fault", FRONTS, ids=[f.name for f in FRONTS])
def test_every_front_reports_the_same_way(nlshell, fake_server, server_env, fault, mode):
    """Print, JSON and the keybinding widget print nothing on failure: the buffer stays as typed."""
    fake_server.default(RUN_IT)
    fault.play(fake_server)
    r = nlshell(*mode, *fault.args, "make a file", env=server_env)
    assert_contained(r, fault.code, fault.says)


def test_retries_really_wait_and_then_give_up(nlshell, fake_server, server_env):
    """The one matrix case with real sleeps: 0.3 s + 0.8 s between three attempts."""
    import time

    for _ in range(3):
        fake_server.respond(503)
    started = time.monotonic()
    r = nlshell("-y", "make a file", env=server_env)
    elapsed = time.monotonic() - started
    assert_contained(r, 1, ("no provider",))
    assert len(fake_server.chat_requests) == 3
    assert elapsed >= 1.1  # a lower bound only: the waits happened


def test_retry_after_is_honoured_then_the_answer_is_used(nlshell, fake_server, server_env, inject):
    fake_server.respond(429, headers={"Retry-After": "1"})
    fake_server.reply("ls -la")
    r = nlshell("-p", "list files", env={**server_env, **inject.env()})
    assert (r.returncode, r.stdout) == (0, "ls -la\n"), r
    assert inject.sleeps() == [1.0]


def test_a_lone_surrogate_in_a_reply_is_refused_not_a_crash(nlshell, fake_server, server_env):
    """`"\\ud800"` is valid JSON but not text: it can be neither printed nor run."""
    fake_server.respond(200, body='{"choices": [{"message": {"content": "touch ran.txt \\ud800"}}]}')
    r = nlshell("-y", "make a file", env=server_env)
    assert_contained(r, 3, ("U+D800",))


# -- faults of the network itself --------------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def network_env(base_url: str, inject: Injector, **kwargs) -> dict:
    return {"OPENROUTER_API_KEY": FAKE_KEY, "OPENROUTER_BASE_URL": base_url, **inject.env(**kwargs)}


def test_connection_refused(nlshell, inject, offline_index, tmp_path):
    r = nlshell("-y", "make a file", env=network_env(f"http://127.0.0.1:{closed_port()}/v1", inject))
    assert_contained(r, 1, ("connection refused",))
    assert inject.sleeps() == RETRIED_WAITS
    assert_no_trace_left(tmp_path)


@pytest.mark.parametrize("kind, says", [("dns", "could not resolve the host localhost"),
                                        ("timeout", "could not connect to localhost:")])
def test_dns_failure_and_connect_timeout(nlshell, inject, offline_index, tmp_path, kind, says):
    """Injected at httpx's transport; `localhost` and a closed port keep any real attempt on this machine."""
    r = nlshell("-y", "make a file", env=network_env(f"http://localhost:{closed_port()}/v1", inject, connect=kind))
    line = assert_contained(r, 1, (says,))
    assert "--offline" in line or "offline suggestion" in line
    assert inject.sleeps() == RETRIED_WAITS
    assert_no_trace_left(tmp_path)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="relies on Linux dropping SYNs to a full backlog")
def test_connect_timeout_on_a_real_socket_at_the_client():
    """A listener whose backlog is full drops new SYNs: a true connect timeout, all on 127.0.0.1."""
    from nlshell.openrouter import errors as E
    from nlshell.openrouter.client import OpenRouterClient

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    try:
        for _ in range(8):  # fill the accept queue; later connects hang in SYN-SENT
            s = socket.socket()
            s.setblocking(False)
            s.connect_ex(("127.0.0.1", port))
            fillers.append(s)
        waits: list[float] = []
        with OpenRouterClient(f"http://127.0.0.1:{port}/v1", FAKE_KEY, connect_timeout=0.3,
                              sleep=waits.append) as client:
            with pytest.raises(E.ConnectError) as info:
                client.chat([{"role": "user", "content": "x"}], model="m")
        assert "within 0.3 s" in info.value.message, info.value.message
        assert waits == RETRIED_WAITS
    finally:
        for s in fillers:
            s.close()
        listener.close()


def test_read_timeout(nlshell, fake_server, server_env, inject, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[provider]\ntimeout = 0.5\n")
    fake_server.respond(200, body=completion(RUN_IT), delay=3)
    r = nlshell("-y", "make a file", env={**server_env, **inject.env(), "NLSHELL_CONFIG": str(config)})
    assert_contained(r, 1, ("no reply", "within 0.5 s"))
    assert len(fake_server.chat_requests) == 1 and inject.sleeps() == []  # a read timeout is not retried
    assert_no_trace_left(tmp_path)


# -- streamed replies (explain and describe stream) ---------------------------------------------


def chunk(server, text=None, **kw) -> dict:
    return server.chunk(text, **kw)


def test_sse_with_only_comments_then_eof(nlshell, fake_server, server_env, inject):
    fake_server.stream([": OPENROUTER PROCESSING", ": OPENROUTER PROCESSING"])
    r = nlshell("explain", "ls -la", env={**server_env, **inject.env()})
    assert_contained(r, 1, ("empty",))


def test_sse_dropped_before_any_text_is_retried_then_reported(nlshell, fake_server, server_env, inject,
                                                            offline_index):
    for _ in range(3):
        fake_server.stream([": OPENROUTER PROCESSING", chunk(fake_server, "", role="assistant")], drop=True)
    r = nlshell("explain", "ls -la", env={**server_env, **inject.env()})
    assert_contained(r, 1, ("closed before",))
    assert len(fake_server.chat_requests) == 3 and inject.sleeps() == RETRIED_WAITS


def test_sse_dropped_mid_reply(nlshell, fake_server, server_env, inject):
    """Text already shown stays; the failure is still one line and exit 1, never a traceback."""
    fake_server.stream([chunk(fake_server, "`ls` lists "), chunk(fake_server, "files")], drop=True)
    r = nlshell("explain", "ls -la", env={**server_env, **inject.env()})
    assert r.returncode == 1, r
    assert r.stdout.startswith("`ls` lists files"), r
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("nlshell: ") and "stopped part-way" in lines[0], r
    assert "Traceback" not in r.stderr and FAKE_KEY not in r.stdout + r.stderr
    assert len(fake_server.chat_requests) == 1  # text was shown: not retried, never repeated


def test_sse_error_chunk_mid_reply(nlshell, fake_server, server_env, inject):
    fake_server.stream([chunk(fake_server, "`ls` lists"),
                        chunk(fake_server, "", finish_reason="error",
                              error={"code": 429, "message": "Rate limit exceeded"})])
    r = nlshell("explain", "ls -la", env={**server_env, **inject.env()})
    assert r.returncode == 1, r
    assert len(r.stderr.splitlines()) == 1 and "Traceback" not in r.stderr, r


def test_sse_hostile_text_is_made_visible(nlshell, fake_server, server_env):
    fake_server.stream([chunk(fake_server, "`ls`\x1b[2J lists\u202e files"), "[DONE]"])
    r = nlshell("explain", "ls", env=server_env)
    assert r.returncode == 0, r
    assert hostile_in(r.stdout + r.stderr) == []
    assert "\\x1b" in r.stdout and "U+202E" in r.stdout



# -- hostile and tricky replies -----------------------------------------------------------------
# Payloads that would do harm are only ever rated (-p, --json), never given to --yes; what --yes
# may run is `touch ran.txt`, so even a broken guard leaves nothing worse than a file in tmp_path.

HOSTILE_REPLIES = [
    ("CSI erase line and carriage return", "echo safe\x1b[2K\rtouch ran.txt", "\\x1b"),
    ("OSC window title", "touch ran.txt\x1b]0;all good\x07", "\\x1b"),
    ("OSC 52 clipboard write", "\x1b]52;c;dG91Y2ggcmFuLnR4dA==\x07touch ran.txt", "\\x1b"),
    ("lone carriage return", "touch ran.txt\rls -la       ", "\\x0d"),
    ("backspaces", "touch ran.txt\b\b\b\b\b\b\b\b\b\b\b\b\bls -la", "\\x08"),
    ("8-bit CSI", "touch ran.txt \x9b2J", "\\x9b"),
    ("DEL", "touch ran.txt\x7f", "\\x7f"),
    ("NUL", "touch ran.txt\x00 -la", "\\x00"),
    ("bidi override", "touch \u202etxt.nar\u202c", "U+202E"),
    ("bidi isolate", "touch \u2066ran.txt\u2069", "U+2066"),
    ("zero-width space", "tou\u200bch ran.txt", "U+200B"),
    ("zero-width joiner", "touch ran\u200d.txt", "U+200D"),
    ("byte order mark", "touch ran.txt\ufeff", "U+FEFF"),
    ("tag characters", "touch ran.txt\U000e0072\U000e006d", "U+E0072"),
    ("line separator", "ls\u2028touch ran.txt", "U+2028"),
    ("hidden in a fence", "```bash\ntouch ran.txt\x1b[8m; secret\n```", "\\x1b"),
]


@pytest.mark.parametrize("reply, escape", [c[1:] for c in HOSTILE_REPLIES], ids=[c[0] for c in HOSTILE_REPLIES])
def test_hostile_reply_is_refused_and_named(nlshell, fake_server, server_env, reply, escape):
    fake_server.reply(reply)
    r = nlshell("-y", "make a file", env=server_env)
    assert_contained(r, 3, (escape,))


TRICKY = [
    # (reply, what -p must print exactly, the risk of the whole)
    ("ls -la\nrm -rf ~", "ls -la\nrm -rf ~", "dangerous"),
    ("ls -la" + " " * 300 + "; rm -rf ~", "ls -la" + " " * 300 + "; rm -rf ~", "dangerous"),
    ("```bash\nls\nrm -rf ~\n```", "ls\nrm -rf ~", "dangerous"),
    ("echo hi && echo 'rm -rf ~'", "echo hi && echo 'rm -rf ~'", "safe"),
    ("cat <<'EOF' > notes.txt\nhello\nEOF", "cat <<'EOF' > notes.txt\nhello\nEOF", "caution"),
    ("cat <<EOF | sh\nrm -rf ~\nEOF", "cat <<EOF | sh\nrm -rf ~\nEOF", "dangerous"),
    ("cat <<EOF && rm -rf ~\nhi\nEOF", "cat <<EOF && rm -rf ~\nhi\nEOF", "dangerous"),
    ("cat <<EOF > /etc/passwd\nroot::0:0::/:/bin/sh\nEOF", "cat <<EOF > /etc/passwd\nroot::0:0::/:/bin/sh\nEOF",
     "dangerous"),
    ("bash <<'EOF'\nrm -rf ~\nEOF", "bash <<'EOF'\nrm -rf ~\nEOF", "dangerous"),
    ("echo " + "x" * 5000, "echo " + "x" * 5000, "safe"),
]


@pytest.mark.parametrize("reply, shown, risk", TRICKY, ids=[f"tricky{i}" for i in range(len(TRICKY))])
def test_every_line_is_shown_and_the_whole_is_rated(nlshell, fake_server, server_env, reply, shown, risk):
    """Several commands, a second command pushed off-screen, heredocs, a very long line: printed in
    full, and rated on everything that would run (JSON tells the risk)."""
    fake_server.default(reply)
    printed = nlshell("-p", "do it", env=server_env)
    assert (printed.returncode, printed.stdout) == (0, shown + "\n"), printed
    data = json.loads(nlshell("--json", "do it", env=server_env).stdout)
    assert (data["command"], data["risk"]) == (shown, risk), data


def test_a_dangerous_multi_line_command_is_disabled_line_by_line_in_the_widget(nlshell, fake_server, server_env):
    fake_server.reply("ls -la\nrm -rf ~")
    r = nlshell("--widget", "bash", "clean up", env=server_env)
    assert (r.returncode, r.stdout) == (0, "# ls -la\n# rm -rf ~\n"), r


def test_a_command_after_a_heredoc_and_semicolon_is_rated(nlshell):
    r = nlshell("check", "--json", "cat <<EOF; rm -rf ~\nhi\nEOF")
    assert json.loads(r.stdout)["risk"] == "dangerous", r


# -- replies that would take long to check ------------------------------------------------------

SLOW_REPLIES = [
    ("1.5 MB one-line command", "echo " + "a" * 1_500_000),
    ("1.8 MB of short commands", "ls;" * 600_000),
    ("a pipeline of 5,000 stages", " | ".join(["cat"] * 5_000)),
    ("50,000 lines", "\n".join(f"echo {i}" for i in range(50_000))),
]


@pytest.mark.timeout(60)  # a hang guard, not a speed test: before the fixes these took 20-60 s
@pytest.mark.parametrize("reply", [c[1] for c in SLOW_REPLIES], ids=[c[0] for c in SLOW_REPLIES])
def test_a_command_too_long_to_review_is_refused(nlshell, fake_server, server_env, reply):
    fake_server.reply(reply)
    r = nlshell("-y", "make a file", env=server_env)
    assert_contained(r, 3, ("too long", "characters"))


def test_a_long_but_reviewable_script_still_gets_through(nlshell, fake_server, server_env):
    script = "cat <<'EOF' > notes.txt\n" + "\n".join(f"line {i}" for i in range(1_000)) + "\nEOF"
    fake_server.reply(script)
    r = nlshell("-p", "write the notes", env=server_env)
    assert (r.returncode, r.stdout) == (0, script + "\n"), r.stderr


# -- the other endpoints: the model list and the key's details ----------------------------------

LISTING_FAULTS = [
    ("401", [dict(status=401)], 1),
    ("500 x3", [dict(status=500)] * 3, 3),
    ("HTML", [dict(status=200, body="<html><body>hi</body></html>", content_type="text/html")], 1),
    ("invalid JSON", [dict(status=200, body="{nope", content_type="application/json")], 1),
    ("wrong shape", [dict(status=200, body={"data": "nope"})], 1),
    ("not UTF-8", [dict(status=200, body=b'{"data": [{"id": "\xff"}]}')], 1),
    ("dropped x3", [dict(status=200, body={"data": []}, drop_after=5)] * 3, 3),
]


@pytest.fixture
def in_process(capsys, monkeypatch, fake_server):
    monkeypatch.setenv("OPENROUTER_API_KEY", FAKE_KEY)
    monkeypatch.setenv("OPENROUTER_BASE_URL", fake_server.base_url)
    return InProcess(capsys, monkeypatch)


@pytest.mark.parametrize("argv, path, openrouter", [(["models", "--refresh"], "/models", False),
                                                  (["auth", "status"], "/key", True),
                                                  (["auth", "status"], "/models", False)],
                         ids=["models", "auth-status", "auth-status-elsewhere"])
@pytest.mark.parametrize("case, script, attempts", LISTING_FAULTS, ids=[c[0] for c in LISTING_FAULTS])
def test_listing_faults_are_one_line(in_process, fake_server, request, argv, path, openrouter, case, script,
                                     attempts):
    if openrouter:
        request.getfixturevalue("as_openrouter")
    for spec in script:
        fake_server.respond(path=path, **spec)
    code, out, err = in_process(argv)
    assert code == 1, (code, out, err)
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("nlshell: "), err
    assert FAKE_KEY not in out + err and hostile_in(err) == []
    if argv[0] == "models":
        assert out == ""
    assert len([r for r in fake_server.requests if r.path.endswith(path)]) == attempts


def test_key_details_without_a_tier_do_not_invent_one(in_process, as_openrouter, fake_server, monkeypatch):
    monkeypatch.setenv("OPENROUTER_MODEL", "qwen/qwen3-coder:free")
    fake_server.key_data = {"data": {"label": "k", "usage": 1.5, "limit": None}}
    code, out, err = in_process(["auth", "status"])
    assert code == 0, err
    assert "tier:" not in out
    assert "50 (1,000 once you have bought credits) a day" in out


@pytest.mark.parametrize("url", ["http://[::1", "http://127.0.0.1:99999/v1", "https://", "http://exa mple.com/v1",
                                 "ftp://127.0.0.1/v1", "127.0.0.1:8080/v1"])
def test_an_unusable_base_url_is_a_configuration_error(nlshell, url):
    """Caught before any connection is tried: exit 2 and one line, never an internal error or a DNS lookup."""
    r = nlshell("-p", "list files", env={"OPENROUTER_API_KEY": FAKE_KEY, "OPENROUTER_BASE_URL": url})
    assert_contained(r, 2, ("OPENROUTER_BASE_URL",))
