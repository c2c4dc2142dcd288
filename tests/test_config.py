"""Settings: precedence with sources, the documented example config, and errors naming file and line."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from conftest import one_error_line

from nlshell import config
from nlshell.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]


def write_config(home: Path, text: str) -> Path:
    path = home / ".config" / "nlshell" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_defaults_have_default_source():
    s = config.load()
    assert s.model == config.DEFAULT_MODEL
    assert s.sources["model"] == "default"
    assert s.base_url == config.OPENROUTER_BASE_URL
    assert s.is_openrouter and s.uses_default_model


def test_example_config_parses_and_matches_the_defaults():
    data = tomllib.loads((REPO / "config" / "config.toml").read_text())
    assert data == config.default_values()


def test_example_config_is_accepted_by_the_loader(monkeypatch):
    monkeypatch.setenv("NLSHELL_CONFIG", str(REPO / "config" / "config.toml"))
    s = config.load()
    assert s.sources["model"].startswith("config (")
    assert s.model == config.DEFAULT_MODEL


@pytest.mark.parametrize(
    "layers, expected_value, expected_source",
    [
        ({}, config.DEFAULT_MODEL, "default"),
        ({"file": "m/file"}, "m/file", "config"),
        ({"file": "m/file", "dotenv_cfg": "m/cfgdir"}, "m/cfgdir", ".env"),
        ({"file": "m/file", "dotenv_cfg": "m/cfgdir", "dotenv_cwd": "m/cwd"}, "m/cwd", ".env"),
        ({"file": "m/file", "dotenv_cwd": "m/cwd", "env": "m/env"}, "m/env", "env OPENROUTER_MODEL"),
        ({"file": "m/file", "dotenv_cwd": "m/cwd", "env": "m/env", "flag": "m/flag"}, "m/flag", "flag"),
    ],
)
def test_precedence_flags_env_dotenv_file_defaults(isolated_home, monkeypatch, tmp_path, layers, expected_value, expected_source):
    if "file" in layers:
        write_config(isolated_home, f'[provider]\nmodel = "{layers["file"]}"\n')
    if "dotenv_cfg" in layers:
        p = isolated_home / ".config" / "nlshell" / ".env"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"OPENROUTER_MODEL={layers['dotenv_cfg']}\n")
    if "dotenv_cwd" in layers:
        Path(".env").write_text(f"OPENROUTER_MODEL={layers['dotenv_cwd']}\n")
    if "env" in layers:
        monkeypatch.setenv("OPENROUTER_MODEL", layers["env"])
    s = config.load({"model": layers.get("flag")})
    assert s.model == expected_value
    assert s.sources["model"].startswith(expected_source)


def test_dotenv_source_names_the_file(isolated_home):
    Path(".env").write_text("OPENROUTER_BASE_URL=http://127.0.0.1:9/v1\n")
    s = config.load()
    assert s.base_url == "http://127.0.0.1:9/v1"
    assert str(Path(".env").resolve()) in s.sources["base_url"]
    assert not s.is_openrouter


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ('[provider]\nmodel = "x"\ncolour = true\n', 3, "unknown setting 'colour'"),
        ('[provider]\nmodel = "x"\n\n[nonsense]\na = 1\n', 4, "unknown section [nonsense]"),
        ("[provider]\ntimeout = -3\n", 2, "timeout"),
        ('[provider]\ntimeout = "fast"\n', 2, "expected a number"),
        ('[cache]\nenabled = "yes"\n', 2, "expected true or false"),
        ('[repl]\nediting_mode = "nano"\n', 2, "expected one of"),
        ('[provider]\nbase_url = "ftp://x"\n', 2, "http"),
        ("[provider]\nmax_tokens = 0\n", 2, "whole number from 1"),
        ("[provider]\ntemperature = 3.5\n", 2, "between 0 and 2"),
        ("[provider]\ntimeout = nan\n", 2, "positive number of seconds"),
        ("[provider]\ntimeout = inf\n", 2, "positive number of seconds"),
        ('[provider]\nfallback_models = "a"\n', 2, "list of strings"),
        ('[provider]\nmodel = "unterminated\n', 2, "invalid TOML"),
    ],
)
def test_bad_config_names_file_and_line(isolated_home, text, line, fragment):
    path = write_config(isolated_home, text)
    with pytest.raises(ConfigError) as info:
        config.load()
    message = str(info.value)
    assert f"{path}:{line}" in message
    assert fragment in message
    assert info.value.exit_code == 2


def test_malformed_dotenv_names_file_and_line():
    Path(".env").write_text("OPENROUTER_MODEL=a/b\nthis is not an assignment\n")
    with pytest.raises(ConfigError) as info:
        config.load()
    assert f"{Path('.env').resolve()}:2" in str(info.value)


def test_missing_config_named_by_env_is_an_error(monkeypatch, tmp_path):
    monkeypatch.setenv("NLSHELL_CONFIG", str(tmp_path / "nope.toml"))
    with pytest.raises(ConfigError, match="nope.toml"):
        config.load()


@pytest.mark.parametrize(
    "shell_path, kind",
    [("bash", "bash"), ("zsh", "zsh"), ("fish", "fish"), ("sh", "sh"), ("dash", "sh")],
)
def test_shell_kind_from_SHELL(monkeypatch, tmp_path, shell_path, kind):
    fake = tmp_path / "bin" / shell_path
    fake.parent.mkdir(exist_ok=True)
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("SHELL", str(fake))
    assert config.load().shell_kind() == kind


def test_shell_from_config_overrides_SHELL(isolated_home, monkeypatch):
    monkeypatch.setenv("SHELL", "/bin/bash")
    write_config(isolated_home, '[shell]\nname = "fish"\n')
    assert config.load().shell_kind() == "fish"


def test_config_show_masks_the_key_and_names_sources(nlshell):
    key = "sk-or-v1-abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"
    r = nlshell("config", "show", env={"OPENROUTER_API_KEY": key, "OPENROUTER_MODEL": "x/y"})
    assert r.returncode == 0, r
    assert key not in r.stdout + r.stderr
    assert "sk-or-v1-…6789" in r.stdout
    assert "x/y" in r.stdout and "env OPENROUTER_MODEL" in r.stdout


def test_config_show_json(nlshell):
    import json

    r = nlshell("config", "show", "--json")
    data = json.loads(r.stdout)
    assert data["model"] == {"value": config.DEFAULT_MODEL, "source": "default"}


def test_config_path_follows_NLSHELL_CONFIG(nlshell, tmp_path):
    r = nlshell("config", "path", env={"NLSHELL_CONFIG": str(tmp_path / "c.toml")})
    assert r.stdout.strip() == str(tmp_path / "c.toml")


def test_bad_config_is_exit_2_one_line(nlshell, isolated_home):
    write_config(isolated_home, "[provider]\nbogus = 1\n")
    r = nlshell("-p", "list files")
    assert r.returncode == 2
    assert r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1
    assert "config.toml:2" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize(
    "text, expected",
    [
        ('model = "my/model"\n', "put it under [provider]"),
        ('# mine\ntimeout = 5\n[provider]\n', "put it under [provider]"),
        ("nonsense = 1\n", "known sections"),
    ],
)
def test_a_setting_outside_any_section_says_where_it_belongs(text, expected, tmp_path, nlshell, server_env):
    config = tmp_path / "config.toml"
    config.write_text(text)
    line = one_error_line(nlshell("-p", "list files", env={**server_env, "NLSHELL_CONFIG": str(config)}), 2)
    assert "outside any section" in line and expected in line, line
    assert "unknown section" not in line


def test_human_output_has_no_python_reprs(nlshell, server_env):
    stats = nlshell("cache", "stats", env=server_env).stdout
    shown = nlshell("config", "show", env=server_env).stdout
    for text in (stats, shown):
        assert "True" not in text and "False" not in text, text
    assert "usable: yes" in stats
    assert "cache_enabled         true" in shown
    for line in shown.splitlines():
        name, _, rest = line.partition("  ")
        assert not rest.strip().startswith("(default)"), line  # no blank value before its source


def test_a_directory_at_the_config_path_is_an_error(nlshell, isolated_home):
    (isolated_home / ".config" / "nlshell" / "config.toml").mkdir(parents=True)
    r = nlshell("-p", "list files")
    assert r.returncode == 2
    assert "not a file" in r.stderr
