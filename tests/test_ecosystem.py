"""Models and credits, other OpenAI-compatible servers, and packaging — against the fake server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import FAKE_KEY
from nlshell import paths

REPO = Path(__file__).resolve().parents[1]


# -- nlshell models ---------------------------------------------------------------------------
def test_models_table_lists_ids_context_prices_and_free_marker(nlshell, fake_server, server_env):
    r = nlshell("models", env=server_env)
    assert r.returncode == 0, r
    lines = r.stdout.splitlines()
    assert lines[0].split()[:4] == ["MODEL", "CONTEXT", "$/M", "IN"]
    row = next(line for line in lines if line.startswith("qwen/qwen3-coder:free "))
    assert "262,144" in row and row.rstrip().endswith("free")
    paid = next(line for line in lines if line.startswith("openai/gpt-4o-mini "))
    assert "free" not in paid.split()


def test_models_free_and_search_filter(nlshell, fake_server, server_env):
    free = nlshell("models", "--free", "--json", env=server_env)
    ids = [m["id"] for m in json.loads(free.stdout)]
    assert ids and all(m.endswith(":free") for m in ids)
    found = json.loads(nlshell("models", "--json", "llama", env=server_env).stdout)
    assert [m["id"] for m in found] == ["meta-llama/llama-3.3-70b-instruct:free"]


def test_models_json_has_prices_per_million(nlshell, fake_server, server_env):
    data = json.loads(nlshell("models", "--json", "gpt-4o-mini", env=server_env).stdout)
    (model,) = data
    assert set(model) >= {"id", "name", "context_length", "prompt_per_million", "completion_per_million", "free"}
    assert model["prompt_per_million"] > 0 and model["free"] is False


def test_models_list_is_cached_for_an_hour_and_feeds_completion(nlshell, fake_server, server_env):
    nlshell("models", env=server_env)
    nlshell("models", "--free", env=server_env)
    model_requests = [r for r in fake_server.requests if r.path.endswith("/models")]
    assert len(model_requests) == 1
    assert os.stat(paths.models_cache()).st_mode & 0o077 == 0
    ids = nlshell("models", "--cached-ids").stdout.split()
    assert "qwen/qwen3-coder:free" in ids
    nlshell("models", "--refresh", env=server_env)
    assert len([r for r in fake_server.requests if r.path.endswith("/models")]) == 2


def test_cached_ids_never_touch_the_network(nlshell):
    r = nlshell("models", "--cached-ids", env={"OPENROUTER_BASE_URL": "http://127.0.0.1:9/v1"})
    assert (r.returncode, r.stdout) == (0, "")


def test_models_server_error_is_one_line(nlshell, fake_server, server_env):
    fake_server.respond(401, path="/models")
    r = nlshell("models", env=server_env)
    assert r.returncode == 1 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1


# -- nlshell auth status (OpenRouter: GET /key; other servers in test_servers.py) ------------------
@pytest.fixture
def auth_status(as_openrouter, capsys, monkeypatch):
    """`nlshell auth status` in this process, against the fake server playing OpenRouter."""
    from test_faults import InProcess

    return lambda: InProcess(capsys, monkeypatch)(["auth", "status"])


def test_auth_status_shows_masked_key_source_and_credits(auth_status, fake_server):
    code, out, err = auth_status()
    assert code == 0, err
    assert FAKE_KEY not in out + err
    assert "sk-or-v1-…cafe" in out
    assert "env OPENROUTER_API_KEY" in out
    assert "usage:" in out and "limit:" in out
    assert "free (no credits bought yet)" in out
    assert "20 requests a minute and 50 a day" in out
    assert any(req.path.endswith("/key") for req in fake_server.requests)


def test_auth_status_with_a_paid_model_and_a_limit(auth_status, fake_server, monkeypatch):
    fake_server.key_data = {"data": {"label": "work", "usage": 3.5, "limit": 10, "limit_remaining": 6.5, "is_free_tier": False}}
    monkeypatch.setenv("OPENROUTER_MODEL", "openai/gpt-4o-mini")
    code, out, err = auth_status()
    assert "remaining $6.5" in out
    assert "paid (credits bought)" in out
    assert "no platform request cap" in out


def test_auth_status_with_a_rejected_key(auth_status, fake_server):
    fake_server.respond(401, path="/key")
    code, out, err = auth_status()
    assert code == 1
    assert "rejected" in err and FAKE_KEY not in err


# -- other OpenAI-compatible servers ----------------------------------------------------------
def test_local_server_layout_without_key_sends_no_auth_and_no_openrouter_extras(nlshell, fake_server):
    env = {"OPENROUTER_BASE_URL": f"{fake_server.root_url}/v1", "OPENROUTER_MODEL": "llama3.2"}
    r = nlshell("-p", "list all files", env=env)
    assert r.returncode == 0, r
    request = fake_server.chat_requests[0]
    assert request.path == "/v1/chat/completions"
    assert "Authorization" not in request.headers
    assert request.json["model"] == "llama3.2"
    assert "models" not in request.json and "reasoning" not in request.json


def test_provider_section_in_config_points_at_a_local_server(nlshell, fake_server, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(f'[provider]\nbase_url = "{fake_server.root_url}/v1"\nmodel = "qwen2.5-coder"\n')
    r = nlshell("-p", "list all files", env={"NLSHELL_CONFIG": str(config)})
    assert r.returncode == 0, r
    assert fake_server.chat_requests[0].json["model"] == "qwen2.5-coder"


def test_local_server_with_a_key_gets_it(nlshell, fake_server):
    env = {"OPENROUTER_BASE_URL": f"{fake_server.root_url}/v1", "OPENROUTER_API_KEY": FAKE_KEY}
    nlshell("-p", "list all files", env=env)
    assert fake_server.chat_requests[0].headers["Authorization"] == f"Bearer {FAKE_KEY}"


def test_models_from_a_local_server(nlshell, fake_server):
    r = nlshell("models", "--json", env={"OPENROUTER_BASE_URL": f"{fake_server.root_url}/v1"})
    assert r.returncode == 0, r
    assert any(m["id"] == "qwen/qwen3-coder:free" for m in json.loads(r.stdout))


def test_openrouter_default_model_sends_fallbacks_and_low_reasoning(monkeypatch):
    from nlshell import config
    from nlshell.pipeline import Pipeline

    options = Pipeline(config.load())._chat_options()
    assert options["model"] == config.DEFAULT_MODEL
    assert options["fallback_models"] == config.DEFAULT_FALLBACK_MODELS
    assert options["reasoning"] == {"effort": "low", "exclude": True}
    assert options["max_tokens"] >= 1024  # room left after a reasoning budget


def test_reasoning_can_be_turned_off(tmp_path, monkeypatch):
    from nlshell import config
    from nlshell.pipeline import Pipeline

    path = tmp_path / "c.toml"
    path.write_text('[provider]\nreasoning_effort = "off"\n')
    monkeypatch.setenv("NLSHELL_CONFIG", str(path))
    assert "reasoning" not in Pipeline(config.load())._chat_options()


# -- packaging --------------------------------------------------------------------------------
def test_python_dash_m_works(nlshell):
    from nlshell import __version__

    assert nlshell("--version").stdout.strip() == f"nlshell {__version__}"


def test_version_lives_in_one_place():
    text = (REPO / "pyproject.toml").read_text()
    assert 'dynamic = ["version"]' in text and 'attr = "nlshell.__version__"' in text


@pytest.mark.slow
def test_wheel_carries_scripts_and_data(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    (wheel,) = tmp_path.glob("nlshell-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for shell in ("bash", "zsh", "fish"):
        assert f"nlshell/shells/init.{shell}" in names
        assert f"nlshell/shells/completions.{shell}" in names
    assert "nlshell/data/system_prompt.txt" in names
    assert any(n.startswith("nlshell/data/tldr") for n in names)
    assert {"nlshell/offline/index.py", "nlshell/data/words.tsv", "nlshell/data/examples.tsv",
            "nlshell/data/tldr-pages.tsv.gz"} <= names
    metadata = next(n for n in names if n.endswith("entry_points.txt"))
    assert "nlshell = nlshell.__main__:main" in zipfile.ZipFile(wheel).read(metadata).decode()
    modules = {str(p.relative_to(REPO)) for p in (REPO / "nlshell").rglob("*.py") if "__pycache__" not in p.parts}
    assert sorted(modules - names) == []  # every module of every package, however the tree is split


@pytest.mark.parametrize("variable, flag", [("NO_COLOR", None), (None, "--no-color")])
def test_no_color_is_honoured(variable, flag, monkeypatch):
    from nlshell.console import use_color

    class Tty:
        def isatty(self):
            return True

    if variable:
        monkeypatch.setenv(variable, "1")
    assert use_color(no_color_flag=bool(flag), stream=Tty()) is False
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(stream=Tty()) is True


# -- second review round --------------------------------------------------------------------
def test_models_on_openrouter_without_a_key_uses_no_authorization(fake_server, monkeypatch):
    from nlshell import config, models
    from nlshell.pipeline import Pipeline

    monkeypatch.setattr(config, "OPENROUTER_BASE_URL", fake_server.base_url)
    monkeypatch.setenv("OPENROUTER_BASE_URL", fake_server.base_url)
    pipeline = Pipeline(config.load())
    assert pipeline.settings.is_openrouter and pipeline.needs_offline
    rows = models.list_models(pipeline)
    pipeline.close()
    assert rows and "Authorization" not in fake_server.requests[-1].headers
