"""Bad bytes and broken outputs end as one line and an exit code, never "internal error" or a traceback.

stdout on a full device (/dev/full) or a reader that is gone (`| head -c0`); bytes that are not
UTF-8 in the base URL or the credentials file; and the length limit that requests have, on
`explain` too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

NLSHELL = [sys.executable, "-m", "nlshell"]


def run_raw(argv: list[bytes | str], *, env: dict | None = None, stdout=subprocess.PIPE, input: bytes = b""):
    full = {os.fsencode(k): os.fsencode(v) for k, v in os.environ.items()}
    for k, v in (env or {}).items():
        full[os.fsencode(k)] = os.fsencode(v)
    return subprocess.run([*NLSHELL, *argv], env=full, stdout=stdout, stderr=subprocess.PIPE, input=input,
                          timeout=60)


def one_line(stderr: bytes) -> str:
    text = stderr.decode()
    assert len(text.splitlines()) == 1 and "Traceback" not in text and "internal error" not in text, text
    return text


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "argv",
    [["--version"], ["init", "bash"], ["init", "zsh", "--key", "ctrl-t"], ["completions", "fish"],
     ["check", "ls -la"], ["check", "--json", "ls"], ["--offline", "-p", "show free memory"],
     ["--offline", "--json", "show free memory"], ["config", "path"]],
    ids=lambda argv: " ".join(argv),
)
def test_stdout_on_a_full_device_is_one_line(argv):
    with open("/dev/full", "wb") as full:
        r = run_raw(argv, stdout=full)
    assert r.returncode == 1, r
    line = one_line(r.stderr.splitlines()[-1])
    assert "cannot write the output (No space left on device)" in line, r


@pytest.mark.parametrize("argv", [["--version"], ["init", "bash"], ["check", "ls"], ["--offline", "-p", "list files"]],
                         ids=lambda argv: " ".join(argv))
def test_a_reader_that_is_gone_ends_quietly(argv):
    """`nlshell --version | head -c0`: as a killed pipe writer would, exit 141 and say nothing."""
    reader = subprocess.Popen(["head", "-c0"], stdin=subprocess.PIPE)
    reader.wait()  # gone before nlshell writes a byte
    r = run_raw(argv, stdout=reader.stdin)
    reader.stdin.close()
    assert r.returncode == 141, r
    assert b"Traceback" not in r.stderr and b"error" not in r.stderr, r  # (notes for the person may come first)


@pytest.mark.parametrize("var", ["OPENROUTER_BASE_URL", "OPENROUTER_MODEL"])
def test_a_setting_that_is_not_utf8_is_a_configuration_error(fake_server, var):
    value = fake_server.base_url.encode() + b"/\xff" if var == "OPENROUTER_BASE_URL" else b"model-\xfe\xff"
    env = {"OPENROUTER_API_KEY": "sk-or-v1-" + "0" * 64, "OPENROUTER_BASE_URL": fake_server.base_url}
    env[var] = value
    for argv in (["-p", "list files"], ["config", "show"], ["models"]):
        r = run_raw(argv, env=env)
        assert (r.returncode, r.stdout) == (2, b""), r
        assert f"{var} is not valid UTF-8 text" in one_line(r.stderr), r
    assert fake_server.requests == []


def test_a_credentials_file_that_is_not_utf8_is_a_configuration_error(fake_server):
    from nlshell import paths

    path = Path(paths.credentials_file())
    path.parent.mkdir(parents=True)
    path.write_bytes(b"OPENROUTER_API_KEY=sk-or-v1-\xff\xfe\n")
    path.chmod(0o600)
    env = {"OPENROUTER_BASE_URL": fake_server.base_url, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    for argv in (["-p", "list files"], ["auth", "status"], ["config", "show"]):
        r = run_raw(argv, env=env)
        assert (r.returncode, r.stdout) == (2, b""), r
        line = one_line(r.stderr)
        assert str(path) in line and "not UTF-8" in line and "nlshell auth login" in line, r
    assert fake_server.requests == []


def test_a_request_on_stdin_that_is_not_utf8_is_read_not_a_crash(fake_server, server_env):
    r = run_raw(["-p"], env=server_env, input=b"list \xff files\n")
    assert (r.returncode, r.stdout) == (0, b"ls -la\n"), r
    assert "list \ufffd files" in fake_server.chat_requests[0].json["messages"][-1]["content"]


def test_explain_has_the_request_limit(nlshell, fake_server, server_env):
    r = nlshell("explain", "echo " + "x" * 4_000, env=server_env)
    assert (r.returncode, r.stdout) == (2, ""), r
    assert "the limit is 4,000" in r.stderr and len(r.stderr.splitlines()) == 1, r
    assert fake_server.requests == []
    fine = nlshell("explain", "echo " + "x" * 3_000, env=server_env)
    assert fine.returncode == 0, fine
