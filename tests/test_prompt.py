"""Prompt building: the system prompt filled with the user's context, the seed format, follow-ups."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nlshell import prompt
from nlshell.errors import EXIT_USAGE, ConfigError
from nlshell.extract import NO_COMMAND_MARKER
from nlshell.prompt import (
    REFERENCES_HEADING,
    Context,
    SystemPrompt,
    build_messages,
    explain_messages,
    load_system_prompt,
)

REPO = Path(__file__).resolve().parents[1]


def ctx(shell: str = "bash", **kw) -> Context:
    values = {"os": "Linux", "distro": "Debian GNU/Linux 12 (bookworm)", "cwd": "/home/ada/src"}
    values.update(kw)
    return Context(shell=shell, **values)


def test_config_copy_is_the_builtin_prompt():
    assert (REPO / "config" / "system_prompt.txt").read_bytes() == (
        REPO / "nlshell" / "data" / "system_prompt.txt"
    ).read_bytes()


def test_builtin_prompt_has_every_placeholder_and_the_no_command_marker():
    text = load_system_prompt().text
    for name in ("{os}", "{shell}", "{cwd}", "{shell_rules}"):
        assert name in text
    assert NO_COMMAND_MARKER in text
    assert "Input:" in text and "Output:" in text


@pytest.mark.parametrize(
    "shell, must_mention",
    [
        ("bash", ["Shell: bash", "for bash", "bash syntax", "[[ ]]"]),
        ("zsh", ["Shell: zsh", "for zsh", "zsh syntax", "glob matches nothing"]),
        ("fish", ["Shell: fish", "for fish", "not a POSIX shell", "set NAME value", "$status", "end"]),
        ("sh", ["Shell: sh", "POSIX sh only"]),
        ("dash", ["Shell: dash", "POSIX sh only"]),
    ],
)
def test_context_is_filled_per_shell(shell, must_mention):
    text = load_system_prompt().fill(ctx(shell))
    for phrase in must_mention:
        assert phrase in text
    assert "Operating system: Linux (Debian GNU/Linux 12 (bookworm))" in text
    assert "Current directory: /home/ada/src" in text
    assert "{" + "shell" not in text and "{os}" not in text and "{cwd}" not in text


def test_fish_rules_appear_only_for_fish():
    bash_text = load_system_prompt().fill(ctx("bash"))
    assert "psub" not in bash_text and "$status" not in bash_text
    assert "psub" in load_system_prompt().fill(ctx("fish"))


def test_unknown_shell_gets_no_rules_and_no_crash():
    text = load_system_prompt().fill(ctx("nu"))
    assert "- Use nu syntax.\n" in text
    assert not any(line != line.rstrip() for line in text.split("\n"))


def test_seed_format_and_order():
    history = [
        {"role": "user", "content": "Input: list files\nOutput:"},
        {"role": "assistant", "content": "ls"},
        {"role": "user", "content": "Input: include hidden ones\nOutput:"},
        {"role": "assistant", "content": "ls -a"},
    ]
    messages = build_messages(
        "now sort by size",
        system_prompt=load_system_prompt(),
        context=ctx(),
        history=history,
        examples=[("count lines in FILE", "wc -l FILE"), ("show free memory", "free -h")],
    )
    assert [m["role"] for m in messages] == [
        "system",
        "user", "assistant", "user", "assistant",  # examples
        "user", "assistant", "user", "assistant",  # history, in order
        "user",
    ]
    assert messages[1] == {"role": "user", "content": "Input: count lines in FILE\nOutput:"}
    assert messages[2] == {"role": "assistant", "content": "wc -l FILE"}
    assert messages[5:9] == history
    assert messages[-1] == {"role": "user", "content": "Input: now sort by size\nOutput:"}


def test_references_go_under_their_own_heading_at_the_end_of_the_system_message():
    lines = ["- tail: Display the last part of a file Example, Show the last 10 lines: tail -n 10 FILE"]
    messages = build_messages("show the end of log.txt", system_prompt=load_system_prompt(), context=ctx(),
                              references=lines)
    plain = build_messages("show the end of log.txt", system_prompt=load_system_prompt(), context=ctx())
    assert messages[0]["content"] == plain[0]["content"] + "\n\n" + REFERENCES_HEADING + "\n" + lines[0]
    assert messages[1:] == plain[1:]
    assert REFERENCES_HEADING not in plain[0]["content"]


def test_history_is_copied_not_aliased():
    history = [{"role": "user", "content": "Input: a\nOutput:"}]
    messages = build_messages("b", system_prompt=load_system_prompt(), context=ctx(), history=history)
    messages[1]["content"] = "changed"
    assert history[0]["content"] == "Input: a\nOutput:"


def test_plain_request_is_system_plus_one_user_turn():
    messages = build_messages("list files", system_prompt=load_system_prompt(), context=ctx())
    assert len(messages) == 2
    assert messages[0]["role"] == "system" and "Shell: bash" in messages[0]["content"]
    assert messages[1] == {"role": "user", "content": "Input: list files\nOutput:"}


def test_version_is_stable_and_follows_the_text(tmp_path):
    builtin = load_system_prompt()
    assert len(builtin.version) == 12 and int(builtin.version, 16) >= 0
    assert load_system_prompt().version == builtin.version

    copy = tmp_path / "same.txt"
    copy.write_text(builtin.text, encoding="utf-8")
    assert load_system_prompt(str(copy)).version == builtin.version

    edited = tmp_path / "edited.txt"
    edited.write_text(builtin.text + "\n- Prefer long options.\n", encoding="utf-8")
    assert load_system_prompt(str(edited)).version != builtin.version


def test_version_follows_the_shell_rules(monkeypatch):
    before = load_system_prompt().version
    monkeypatch.setattr(prompt, "_builtin", None)
    monkeypatch.setitem(prompt.SHELL_RULES, "fish", "changed rules")
    assert load_system_prompt().version != before


def test_override_file_is_used(tmp_path):
    custom = tmp_path / "prompt.txt"
    custom.write_text("Answer for {shell} in {cwd} on {os}. {shell_rules}\n", encoding="utf-8")
    loaded = load_system_prompt(str(custom))
    assert loaded.path == str(custom)
    text = loaded.fill(ctx("zsh", cwd="/srv"))
    assert text.startswith("Answer for zsh in /srv on Linux (Debian GNU/Linux 12 (bookworm)). zsh stops")
    assert load_system_prompt().path is None


def test_override_path_with_tilde(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "p.txt").write_text("hi {shell}", encoding="utf-8")
    assert load_system_prompt("~/p.txt").fill(ctx()) == "hi bash"


@pytest.mark.parametrize(
    "setup, expect",
    [
        ("missing", "cannot read"),
        ("directory", "cannot read"),
        ("not-utf8", "cannot read"),
        ("empty", "empty"),
        ("blank", "empty"),
    ],
)
def test_unusable_override_is_a_config_error_naming_the_file(tmp_path, setup, expect):
    path = tmp_path / "custom-prompt.txt"
    if setup == "directory":
        path.mkdir()
    elif setup == "not-utf8":
        path.write_bytes(b"\xff\xfe bad \x80")
    elif setup == "empty":
        path.write_text("", encoding="utf-8")
    elif setup == "blank":
        path.write_text(" \n\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_system_prompt(str(path))
    assert str(path) in caught.value.message
    assert expect in caught.value.message
    assert caught.value.exit_code == EXIT_USAGE
    assert caught.value.hint


@pytest.mark.parametrize(
    "template, expected",
    [
        ("awk '{print $1}' in {shell}", "awk '{print $1}' in fish"),
        ("${HOME} and {cwd}", "${HOME} and /x"),
        ("{{shell}} doubled", "{fish} doubled"),
        ("{unknown} {0} {} {", "{unknown} {0} {} {"),
        ("unclosed {shell", "unclosed {shell"),
        ("}{shell}{", "}fish{"),
        ("{os.__class__}", "{os.__class__}"),
    ],
)
def test_braces_in_a_custom_prompt_do_not_crash(tmp_path, template, expected):
    path = tmp_path / "p.txt"
    path.write_text(template, encoding="utf-8")
    assert load_system_prompt(str(path)).fill(ctx("fish", cwd="/x")) == expected


def test_values_are_never_re_expanded():
    """A directory named "{shell}" stays as it is."""
    sp = SystemPrompt("cwd={cwd} shell={shell}", "0" * 12)
    assert sp.fill(ctx("zsh", cwd="/tmp/{shell}")) == "cwd=/tmp/{shell} shell=zsh"


@pytest.mark.parametrize(
    "given, name",
    [("bash", "bash"), ("/bin/bash", "bash"), ("/usr/bin/zsh", "zsh"), ("-bash", "bash"),
     ("/usr/local/bin/fish", "fish"), ("", "sh"), ("sh", "sh")],
)
def test_detect_names_the_shell(given, name):
    assert Context.detect(given).shell == name


def test_detect_reads_os_cwd_and_distro(tmp_path, monkeypatch):
    release = tmp_path / "os-release"
    release.write_text('NAME="Fedora Linux"\nVERSION="40 (Workstation Edition)"\nPRETTY_NAME="Fedora Linux 40"\n')
    monkeypatch.setattr(prompt, "OS_RELEASE_FILES", (str(tmp_path / "missing"), str(release)))
    monkeypatch.chdir(tmp_path)
    found = Context.detect("zsh")
    assert found.cwd == str(tmp_path)
    if found.os == "Linux":
        assert found.distro == "Fedora Linux 40"
        assert found.os_description == "Linux (Fedora Linux 40)"


def test_distro_without_pretty_name_and_without_any_file(tmp_path, monkeypatch):
    release = tmp_path / "os-release"
    release.write_text("NAME='Alpine Linux'\nVERSION=3.20\n# comment\n\ngarbage line\n")
    monkeypatch.setattr(prompt, "OS_RELEASE_FILES", (str(release),))
    assert prompt._read_distro() == "Alpine Linux 3.20"
    monkeypatch.setattr(prompt, "OS_RELEASE_FILES", (str(tmp_path / "none"),))
    assert prompt._read_distro() == ""
    assert ctx(distro="").os_description == "Linux"


def test_detect_survives_a_deleted_cwd(tmp_path, monkeypatch):
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    monkeypatch.setenv("PWD", str(gone))
    assert Context.detect("bash").cwd == str(gone)


def test_context_equality():
    assert ctx() == ctx()
    assert ctx() != ctx("zsh")
    assert len({ctx(), ctx(), ctx(cwd="/")}) == 2


def test_explain_messages():
    messages = explain_messages("tar -xzvf a.tgz", context=ctx("zsh"))
    assert [m["role"] for m in messages] == ["system", "user"]
    system = messages[0]["content"]
    assert "zsh" in system and "Linux (Debian GNU/Linux 12 (bookworm))" in system
    assert "part by part" in system and "no Markdown" in system
    assert messages[1]["content"].endswith("\ntar -xzvf a.tgz")


@pytest.mark.e2e
def test_import_stays_light():
    """prompt.py is on the cache-hit path: loading it must not pull heavy or banned modules."""
    code = (
        "import sys, nlshell.prompt as p; p.load_system_prompt(); p.Context.detect('bash');"
        "print(','.join(sorted(m for m in ('dataclasses','typing','pathlib','json','tomllib','logging',"
        "'re','platform','subprocess','importlib.resources','importlib.metadata') if m in sys.modules)))"
    )
    baseline = subprocess.run([sys.executable, "-c", "import sys; print(','.join(sorted(sys.modules)))"],
                              capture_output=True, text=True, check=True).stdout.strip().split(",")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    loaded = [m for m in out.stdout.strip().split(",") if m and m not in baseline]
    assert loaded == []
