"""`nlshell guard install|uninstall|status` on real settings files in a temp home and project.

Each test writes the agent's file as a person would have it, runs the real CLI, and reads the file
back: the guard's entry is there (or gone), everything else is exactly as it was.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest
from guardkit import claude, claude_decision, policy

CLAUDE_SETTINGS = {
    "$schema": "https://json.schemastore.org/claude-code-settings.json",
    "permissions": {"allow": ["Bash(npm run lint)"], "deny": ["Read(./.env)"]},
    "hooks": {
        "PreToolUse": [
            {"matcher": "Write|Edit", "hooks": [{"type": "command", "command": "./scripts/check-path.sh"}]},
            {"matcher": "Bash", "hooks": [{"type": "command", "command": "my-guard.sh", "timeout": 5}]},
        ],
        "PostToolUse": [{"matcher": "Edit", "hooks": [{"type": "command", "command": "npx prettier --write"}]}],
    },
    "model": "claude-sonnet-4-5",
    "env": {"FOO": "bär"},
}
CURSOR_HOOKS = {
    "version": 1,
    "hooks": {
        "afterFileEdit": [{"command": "./hooks/format.sh"}],
        "beforeShellExecution": [{"command": "./hooks/audit.sh"}, {"command": "./hooks/block-git.sh"}],
    },
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = tmp_path / "project"
    (root / "src" / "deep").mkdir(parents=True)
    (root / ".git").mkdir()
    monkeypatch.chdir(root / "src" / "deep")  # --project finds the repository root from below
    return root


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nlshell", "guard", *args], capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)


def write_json(path, value, indent=2) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = (json.dumps(value, indent=indent, ensure_ascii=False) + "\n").encode()
    path.write_bytes(data)
    return data


def guard_hooks(settings: dict) -> list[dict]:
    return [h for g in settings["hooks"]["PreToolUse"] for h in g["hooks"] if " guard --format" in h["command"]]


def test_install_claude_code_in_a_project_writes_a_file_that_reads_back(project):
    r = cli("install", "claude-code", "--project")
    assert r.returncode == 0, r.stderr
    path = project / ".claude" / "settings.json"
    assert f"installed ({path})" in r.stderr
    settings = json.loads(path.read_text())
    assert settings == {"hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [guard_hooks(settings)[0]]}]}}
    hook = guard_hooks(settings)[0]
    assert hook["type"] == "command" and hook["timeout"] == 30
    assert hook["command"].endswith(" guard --format claude-code || exit 2")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    # The installed command, run the way Claude Code runs it (sh -c, the event on stdin), guards.
    run = subprocess.run(["sh", "-c", hook["command"]], input=json.dumps(claude("rm -rf ~")), capture_output=True,
                         text=True, timeout=60)
    assert claude_decision(run.stdout)[0] == "deny"

    r = cli("uninstall", "claude-code", "--project")
    assert r.returncode == 0 and f"removed ({path})" in r.stderr
    assert json.loads(path.read_text()) == {}


@pytest.mark.parametrize("indent", [2, 4, "\t"])
def test_existing_settings_are_kept_in_order_and_uninstall_restores_them_byte_for_byte(project, indent):
    path = project / ".claude" / "settings.json"
    original = write_json(path, CLAUDE_SETTINGS, indent)
    assert cli("install", "claude-code", "--project").returncode == 0
    settings = json.loads(path.read_text())
    assert list(settings) == list(CLAUDE_SETTINGS)  # key order kept
    groups = settings["hooks"]["PreToolUse"]
    assert groups[:2] == CLAUDE_SETTINGS["hooks"]["PreToolUse"]  # the user's hooks first, untouched
    assert groups[2]["matcher"] == "Bash" and len(guard_hooks(settings)) == 1
    assert settings["hooks"]["PostToolUse"] == CLAUDE_SETTINGS["hooks"]["PostToolUse"]
    assert settings["env"] == {"FOO": "bär"}
    assert (path.parent / "settings.json.nlshell-backup").read_bytes() == original
    assert cli("uninstall", "claude-code", "--project").returncode == 0
    assert path.read_bytes() == original


def test_install_is_idempotent(project):
    path = project / ".claude" / "settings.json"
    write_json(path, CLAUDE_SETTINGS)
    cli("install", "claude-code", "--project")
    once = path.read_bytes()
    r = cli("install", "claude-code", "--project")
    assert r.returncode == 0 and "unchanged" in r.stderr and "kept as" not in r.stderr
    assert path.read_bytes() == once


def test_a_guard_from_another_path_is_updated_in_place_and_duplicates_dropped(project):
    path = project / ".claude" / "settings.json"
    settings = json.loads(json.dumps(CLAUDE_SETTINGS))
    old = {"type": "command", "command": "/old/venv/bin/nlshell guard --format claude-code", "timeout": 9}
    settings["hooks"]["PreToolUse"][1]["hooks"].append(old)
    settings["hooks"]["PreToolUse"].append({"matcher": "Bash", "hooks": [dict(old, command="python3 -m nlshell guard")]})
    write_json(path, settings)
    r = cli("install", "claude-code", "--project")
    assert "updated" in r.stderr
    result = json.loads(path.read_text())
    groups = result["hooks"]["PreToolUse"]
    assert groups[1]["hooks"][0] == CLAUDE_SETTINGS["hooks"]["PreToolUse"][1]["hooks"][0]  # my-guard.sh stays
    updated = groups[1]["hooks"][1]
    assert updated["timeout"] == 30 and "/old/venv" not in updated["command"]
    assert len(guard_hooks(result)) == 1
    assert len(groups) == 2  # the group that only held the duplicate went with it
    assert cli("uninstall", "claude-code", "--project").returncode == 0
    after = json.loads(path.read_text())["hooks"]["PreToolUse"]
    assert after[:2] == CLAUDE_SETTINGS["hooks"]["PreToolUse"]  # only nlshell's entries went


BROKEN = {
    "not JSON": b"{ hooks: }",
    "JSON with comments": b'{\n  // mine\n  "hooks": {}\n}\n',
    "trailing comma": b'{"hooks": {},}',
    "duplicate key": b'{"hooks": {}, "hooks": {"PreToolUse": []}}',
    "not an object": b"[]",
    "hooks is a list": b'{"hooks": []}',
    "PreToolUse is an object": b'{"hooks": {"PreToolUse": {}}}',
    "not UTF-8": b'{"model": "\xff"}',
}


@pytest.mark.parametrize("name", BROKEN)
def test_a_file_it_cannot_parse_is_refused_and_left_untouched(project, name):
    path = project / ".claude" / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(BROKEN[name])
    r = cli("install", "claude-code", "--project")
    assert r.returncode == 2
    assert str(path) in r.stderr and "nlshell changed nothing" in r.stderr and "Traceback" not in r.stderr
    assert path.read_bytes() == BROKEN[name]
    assert not (path.parent / "settings.json.nlshell-backup").exists()


def test_the_files_mode_is_kept_and_a_symlink_is_written_through(project, tmp_path):
    real = tmp_path / "dotfiles" / "claude-settings.json"
    original = write_json(real, {"model": "x"})
    real.chmod(0o644)
    link = project / ".claude" / "settings.json"
    link.parent.mkdir()
    link.symlink_to(real)
    assert cli("install", "claude-code", "--project").returncode == 0
    assert link.is_symlink() and len(guard_hooks(json.loads(real.read_text()))) == 1
    assert stat.S_IMODE(real.stat().st_mode) == 0o644
    backup = link.parent / "settings.json.nlshell-backup"
    assert backup.read_bytes() == original and stat.S_IMODE(backup.stat().st_mode) == 0o600
    cli("uninstall", "claude-code", "--project")
    assert real.read_bytes() == original


def test_user_level_claude_code_honours_claude_config_dir(isolated_home, monkeypatch, tmp_path):
    assert cli("install", "claude-code").returncode == 0
    assert len(guard_hooks(json.loads((isolated_home / ".claude" / "settings.json").read_text()))) == 1
    monkeypatch.setenv("CLAUDE_CONFIG_DIR", str(tmp_path / "cc"))
    assert cli("install", "claude-code").returncode == 0
    assert len(guard_hooks(json.loads((tmp_path / "cc" / "settings.json").read_text()))) == 1


def test_uninstall_when_not_installed_changes_nothing(project):
    path = project / ".claude" / "settings.json"
    original = write_json(path, CLAUDE_SETTINGS)
    r = cli("uninstall", "claude-code", "--project")
    assert r.returncode == 0 and "not installed" in r.stderr
    assert path.read_bytes() == original and not (path.parent / "settings.json.nlshell-backup").exists()
    assert "not installed" in cli("uninstall", "cursor").stderr  # no file at all


def test_cursor_user_hooks_install_and_uninstall(isolated_home):
    path = isolated_home / ".cursor" / "hooks.json"
    original = write_json(path, CURSOR_HOOKS)
    assert cli("install", "cursor").returncode == 0
    hooks = json.loads(path.read_text())
    assert hooks["version"] == 1 and hooks["hooks"]["afterFileEdit"] == CURSOR_HOOKS["hooks"]["afterFileEdit"]
    entries = hooks["hooks"]["beforeShellExecution"]
    assert entries[:2] == CURSOR_HOOKS["hooks"]["beforeShellExecution"]
    ours = entries[2]
    assert ours["failClosed"] is True and ours["timeout"] == 30
    assert ours["command"].endswith(" guard --format cursor") and "||" not in ours["command"]
    run = subprocess.run(["sh", "-c", ours["command"]], input=json.dumps({"hook_event_name": "beforeShellExecution",
                         "command": "rm -rf ~", "cwd": "/tmp"}), capture_output=True, text=True, timeout=60)
    assert json.loads(run.stdout)["permission"] == "deny"
    assert cli("uninstall", "cursor").returncode == 0
    assert path.read_bytes() == original


def test_a_new_cursor_file_and_an_unknown_version(project):
    assert cli("install", "cursor", "--project").returncode == 0
    created = json.loads((project / ".cursor" / "hooks.json").read_text())
    assert created["version"] == 1 and len(created["hooks"]["beforeShellExecution"]) == 1
    path = project / ".cursor" / "hooks.json"
    write_json(path, {"version": 2, "hooks": {}})
    r = cli("install", "cursor", "--project")
    assert r.returncode == 2 and "version 2" in r.stderr


def test_status_shows_where_it_is_installed_and_the_policy(project, isolated_home):
    policy(isolated_home, on_caution="allow", allow=["make deploy *"])
    (project / ".nlshell.toml").write_text('[guard]\nallow = ["npm run db:reset"]\n')
    cli("install", "claude-code", "--project")
    r = cli("status")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert any(line.startswith("claude-code  project") and line.endswith("  installed") for line in lines)
    assert any(line.startswith("claude-code  user") and "not installed (no file)" in line for line in lines)
    assert any(line.startswith("cursor") for line in lines)
    assert "  on_caution    allow  (config)" in lines
    assert "  on_dangerous  deny   (default)" in lines
    assert "  make deploy *    (~/.config/nlshell/config.toml)" in lines
    assert f"  npm run db:reset    ({project / '.nlshell.toml'}, never clears a dangerous command)" in lines
    report = json.loads(cli("status", "cursor", "--json").stdout)
    assert {p["agent"] for p in report["installed"]} == {"cursor"}
    assert report["policy"]["settings"]["on_caution"] == {"value": "allow", "source": "config"}


def test_status_says_when_claude_code_has_hooks_disabled(project):
    write_json(project / ".claude" / "settings.json", {"disableAllHooks": True})
    cli("install", "claude-code", "--project")
    assert "disableAllHooks is true" in cli("status", "claude-code").stdout


@pytest.mark.parametrize(
    "args,message",
    [
        (["install"], "which agent?"),
        (["install", "codex"], "invalid choice"),
        (["status", "--format", "cursor"], "--format is for the hook itself"),
        (["--project"], "the hook takes only --format"),
    ],
)
def test_usage_errors(args, message):
    r = cli(*args)
    assert r.returncode == 2 and message in r.stderr


def test_the_help_lists_setup_and_the_policy():
    r = cli("--help")
    assert r.returncode == 0
    assert "nlshell guard install claude-code" in r.stdout and "on_dangerous" in r.stdout


def test_installed_files_are_never_world_writable(project):
    cli("install", "cursor", "--project")
    mode = (project / ".cursor" / "hooks.json").stat().st_mode
    assert not mode & (stat.S_IWGRP | stat.S_IWOTH)
    assert os.access(project / ".cursor" / "hooks.json", os.R_OK)


def test_the_readme_section_and_its_example_are_current(isolated_home):
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    section = readme.split("## Guard your coding agent", 1)[1].split("\n## ", 1)[0]
    assert "nlshell guard install claude-code" in section and "nlshell guard install cursor" in section
    example = section.split("$ echo '", 1)[1]
    event_text, shown = example.split("' | nlshell guard | jq .\n", 1)
    shown = shown.split("```", 1)[0]
    r = subprocess.run([sys.executable, "-m", "nlshell", "guard"], input=event_text, capture_output=True, text=True,
                       timeout=60)
    assert json.dumps(json.loads(r.stdout), indent=2, ensure_ascii=False) + "\n" == shown
