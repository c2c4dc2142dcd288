"""The interop tier: nlshell, as a user runs it, against a real third-party server — LiteLLM's proxy.

The fake server is nlshell's own idea of a server; this tier checks that idea against software
others wrote. LiteLLM runs on 127.0.0.1 with `mock_response` models (tests/interop/litellm.yaml),
so no weights and no network are needed, and a custom auth check answers 401 to any key but the
test key. The proxy is installed in a venv of its own by tests/interop/install.sh (`.ci/run` does
it), found through NLSHELL_LITELLM or at .interop-venv/bin/litellm, started once for this module
and stopped by its pid.

    bash tests/interop/install.sh && .venv/bin/python -m pytest -m interop

Without LiteLLM the tier is skipped with the reason. In CI it must run unless `.ci/run` found the
package index unreachable (NLSHELL_INTEROP_SKIP says so): a missing or broken proxy fails there.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
INTEROP = REPO / "tests" / "interop"
KEY = "sk-interop-test-key-not-a-secret"  # interop_auth.TEST_KEY: a test value, never a real key
START_TIMEOUT = 90.0

pytestmark = pytest.mark.interop


class Proxy:
    def __init__(self, process: subprocess.Popen, port: int, log: Path) -> None:
        self.process = process
        self.root_url = f"http://127.0.0.1:{port}"
        self.base_url = f"{self.root_url}/v1"
        self.log = log

    def env(self, model: str | None = None, *, key: str | None = KEY, base_url: str | None = None) -> dict:
        env = {"OPENROUTER_BASE_URL": base_url or self.base_url, "OPENROUTER_API_KEY": key}
        if model:
            env["OPENROUTER_MODEL"] = model
        return env

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def _litellm() -> Path:
    """The proxy's executable, or skip (fail in CI) with the reason."""
    exe = Path(os.environ.get("NLSHELL_LITELLM") or REPO / ".interop-venv" / "bin" / "litellm")
    if exe.is_file() and os.access(exe, os.X_OK):
        return exe
    reason = os.environ.get("NLSHELL_INTEROP_SKIP")
    if reason:
        pytest.skip(reason)
    missing = f"LiteLLM is not installed at {exe} (bash tests/interop/install.sh installs it)"
    if os.environ.get("CI"):
        pytest.fail(missing + "; CI installs it in .ci/run, so this is a real failure")
    pytest.skip(missing)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="module")
def litellm(tmp_path_factory):
    exe = _litellm()
    home = tmp_path_factory.mktemp("litellm")
    for name in ("litellm.yaml", "interop_auth.py"):
        shutil.copy(INTEROP / name, home / name)
    port = _free_port()
    log = home / "proxy.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENROUTER_", "NLSHELL_"))}
    env.update({"HOME": str(home), "PYTHONPATH": str(home),  # the custom auth module, and nothing of ours
                "LITELLM_LOCAL_MODEL_COST_MAP": "True",  # no fetch of the price list from the internet
                "NO_PROXY": "127.0.0.1,localhost", "PYTHONUNBUFFERED": "1"})
    with open(log, "wb") as out:
        process = subprocess.Popen([str(exe), "--config", str(home / "litellm.yaml"), "--host", "127.0.0.1",
                                    "--port", str(port)], cwd=home, env=env, stdin=subprocess.DEVNULL,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    proxy = Proxy(process, port, log)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _answers(f"{proxy.root_url}/health/liveliness"):
            if process.poll() is not None:
                pytest.fail(f"the LiteLLM proxy exited with status {process.returncode}:\n{proxy.log_tail()}")
            if time.monotonic() > deadline:
                pytest.fail(f"the LiteLLM proxy did not answer within {START_TIMEOUT:g} s:\n{proxy.log_tail()}")
            time.sleep(0.25)
        yield proxy
    finally:
        _stop(process)


def _stop(process: subprocess.Popen) -> None:
    """By its pid (its own process group): SIGTERM, then SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)


def one_line(r, code: int) -> str:
    assert r.returncode == code, r
    assert r.stdout == "" and "Traceback" not in r.stderr, r
    (line,) = r.stderr.splitlines()
    return line


# -- what worked before, kept working -----------------------------------------------------------
def test_print_takes_the_command_out_of_its_fence(nlshell, litellm):
    r = nlshell("-p", "list all files", env=litellm.env("fenced"))
    assert (r.returncode, r.stdout) == (0, "ls -la\n"), r


def test_json_with_a_slash_and_free_model_id(nlshell, litellm):
    r = nlshell("--json", "count python files", env=litellm.env("acme/coder:free"))
    assert r.returncode == 0, r
    got = json.loads(r.stdout)
    assert (got["command"], got["model"], got["risk"]) == ("find . -name '*.py' | wc -l", "acme/coder:free", "safe")


def test_explain_streams(nlshell, litellm):
    r = nlshell("explain", "wc -l", env=litellm.env("acme/coder:free"))
    assert (r.returncode, r.stdout) == (0, "find . -name '*.py' | wc -l\n"), r


def test_models_lists_the_proxy_models(nlshell, litellm):
    r = nlshell("models", "--json", env=litellm.env())
    assert r.returncode == 0, r
    assert {"fenced", "acme/coder:free", "acme/limited:free"} <= {m["id"] for m in json.loads(r.stdout)}


def test_provider_failures_are_one_line(nlshell, litellm):
    assert "the server had an internal error (HTTP 500" in one_line(nlshell("-p", "x", env=litellm.env("broken")), 1)
    line = one_line(nlshell("-p", "x", env=litellm.env("small")), 1)
    assert "too long for the model's context" in line


# -- 1. auth status checks the key --------------------------------------------------------------
def test_auth_status_with_the_right_key(nlshell, litellm):
    r = nlshell("auth", "status", env=litellm.env())
    assert r.returncode == 0, r
    assert "check:  the server accepted the key (it lists 7 models)" in r.stdout
    assert "usage:  details exist only on OpenRouter" in r.stdout


def test_auth_status_with_a_wrong_key(nlshell, litellm):
    r = nlshell("auth", "status", env=litellm.env(key="sk-wrong-0000000000"))
    assert r.returncode == 1, r
    assert "the API key was rejected (HTTP 401: invalid API key)" in r.stderr


# -- 2. a whitespace-only stream ------------------------------------------------------------------
def test_explain_of_a_blank_stream_fails_and_prints_nothing(nlshell, litellm):
    assert "the model returned an empty reply" in one_line(nlshell("explain", "ls", env=litellm.env("blank")), 1)


# -- 3 and 6. rate limits: a long Retry-After fails at once; no OpenRouter advice ---------------------
def test_a_real_429_with_a_minute_to_wait_fails_at_once(nlshell, litellm):
    env = litellm.env("acme/limited:free")
    first = nlshell("-p", "--no-cache", "list", env=env)
    started = time.monotonic()
    second = nlshell("-p", "--no-cache", "list", env=env)
    elapsed = time.monotonic() - started
    limited = [r for r in (first, second) if r.returncode != 0]
    assert limited, (first, second)  # rpm: 1 — at most one of the two got through
    line = one_line(limited[-1], 1)
    assert line.startswith("nlshell: rate limited by the server (HTTP 429:") and "; try again in 60 s" in line
    assert line.endswith("— wait a moment, or switch model with -m")
    assert "free models" not in line and "OpenRouter" not in line and "own" not in line
    assert limited[-1] is first or elapsed < 15  # not the two 10 s waits of before, for a certain refusal


def test_a_rate_limit_without_a_wait_is_retried_then_advised(nlshell, litellm):
    started = time.monotonic()
    line = one_line(nlshell("-p", "x", env=litellm.env("busy")), 1)
    assert time.monotonic() - started >= 1.1  # 0.3 s + 0.8 s: three attempts
    assert line.startswith("nlshell: rate limited by the server (HTTP 429:")
    assert line.endswith("— wait a moment, or switch model with -m")


# -- 4. LiteLLM's "Invalid model name" ------------------------------------------------------------
def test_an_unknown_model(nlshell, litellm):
    line = one_line(nlshell("-p", "list", env=litellm.env("nope/x")), 1)
    assert 'model "nope/x" is not a model this server knows (HTTP 400: ' in line
    assert line.endswith("— choose another model with -m (`nlshell models` lists them)")


# -- 5. no key for a server that asks for one -----------------------------------------------------
def test_no_key(nlshell, litellm):
    line = one_line(nlshell("-p", "list", env=litellm.env("fenced", key=None)), 2)
    assert line == ("nlshell: this server asks for a key and none is set (HTTP 401: invalid API key) — "
                    "set OPENROUTER_API_KEY, put it in a .env file, or run `nlshell auth login`")


def test_a_wrong_key(nlshell, litellm):
    line = one_line(nlshell("-p", "list", env=litellm.env("fenced", key="sk-wrong-0000000000")), 1)
    assert line.startswith("nlshell: the API key was rejected (HTTP 401: invalid API key)")


# -- 7. a base URL that chats but lists no models (LiteLLM's /engines/{model} routes) ---------------
def test_models_where_chat_works_but_no_list_exists(nlshell, litellm):
    env = litellm.env("fenced", base_url=f"{litellm.root_url}/engines/fenced")
    chat = nlshell("-p", "list all files", env=env)
    assert (chat.returncode, chat.stdout) == (0, "ls -la\n"), chat
    line = one_line(nlshell("models", env=env), 1)
    assert "does not list models (HTTP 404)" in line and "name the model with -m or OPENROUTER_MODEL" in line
