"""What each fast path imports: a regression here is a slower shell start for every user.

Timing lives in benchmarks/; these tests pin the cause — which modules get loaded — so they are
exact and cannot flake.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

HEAVY = ("httpx", "httpcore", "prompt_toolkit", "keyring", "tenacity", "dotenv", "tree_sitter", "tree_sitter_bash", "cachetools")
# Stdlib modules the fast paths avoid too: each costs milliseconds on a ~15 ms budget.
SLOW_STDLIB = ("argparse", "tomllib", "dataclasses", "logging", "pathlib", "typing", "importlib.metadata")

PROBE = """
import json, sys
from nlshell.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as e:  # argparse's --help exits
    code = e.code
sys.stdout.flush()
loaded = sorted(m for m in sys.modules)
sys.stderr.write("\\nMODULES " + json.dumps(loaded) + "\\n")
sys.exit(code)
"""


def loaded_modules(*args: str, env: dict | None = None) -> tuple[int, str, set[str]]:
    import os

    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )
    marker = proc.stderr.rsplit("MODULES ", 1)
    assert len(marker) == 2, proc.stderr
    return proc.returncode, proc.stdout, set(json.loads(marker[1]))


def _interpreter_baseline() -> set[str]:
    """What the bare interpreter loads here (site hooks such as an editable install's finder)."""
    code = "import sys, json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out)) - {"json", "json.decoder", "json.scanner", "json.encoder", "_json", "re"}


BASELINE = _interpreter_baseline()


def heavy_in(modules: set[str], names) -> list[str]:
    """Modules from `names` that nlshell itself loaded (beyond what `python -c pass` loads)."""
    return sorted(m for m in modules - BASELINE if m in names or m.split(".")[0] in names)


# The checks load on the first command they check: never on --version, init or a cache hit.
CHECKS = ("nlshell.shell", "nlshell.validate", "nlshell.risk", "nlshell.assess")


def checks_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m in CHECKS or m.startswith(tuple(c + "." for c in CHECKS)))


@pytest.mark.parametrize("args", [["--version"], ["init", "bash"], ["init", "zsh"], ["init", "fish", "--key", "ctrl-x"]])
def test_version_and_init_stay_light(args):
    code, out, modules = loaded_modules(*args)
    assert code == 0
    assert out
    assert heavy_in(modules, HEAVY) == []
    assert heavy_in(modules, SLOW_STDLIB) == []
    assert checks_in(modules) == []


def test_check_loads_the_rule_book_when_it_rates():
    code, out, modules = loaded_modules("check", "git push --force")
    assert (code, out) == (3, "dangerous\n")
    assert {"nlshell.risk.rules.git", "nlshell.risk.rules.files", "nlshell.shell.collect"} <= modules


# What a rating needs is the parser's and the rules' own modules: stdlib modules that only their
# dependencies' conveniences pull in cost every rating process (the guard's first sight of a command,
# `check`) milliseconds each (dataclasses alone ~8 ms: it imports inspect). subprocess loads only when
# a syntax error is confirmed with `bash -n`.
RATING_AVOIDS = ("dataclasses", "inspect", "typing", "pathlib", "importlib.resources", "importlib.util", "urllib.parse",
                 "ipaddress", "tempfile", "subprocess")


@pytest.mark.parametrize("command", ["ls -la /some/new/path", "git push --force", "python3 -c 'import os'"])
def test_a_rating_loads_only_what_rating_needs(command):
    code, _out, modules = loaded_modules("check", command)
    assert code in (0, 3)
    assert sorted(m for m in modules - BASELINE if m in RATING_AVOIDS) == []
    # The grammar's compiled modules, without the packages' __init__ (importlib.resources, typing).
    assert {"tree_sitter._binding", "tree_sitter_bash._binding"} <= modules
    assert sorted({"tree_sitter", "tree_sitter_bash"} & (modules - BASELINE)) == []


def test_the_guards_rating_loads_only_what_rating_needs():
    """What the guard's child imports to rate a command it has not seen (`check` has argparse too)."""
    probe = ("import sys, json\nfrom nlshell.guard import rate\nv = rate('ls -la /some/new/path', 'bash')\n"
             "print(json.dumps([v.risk, sorted(sys.modules)]))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True).stdout
    risk, modules = json.loads(out)
    assert risk == "safe"
    assert sorted(set(modules) - BASELINE & {*RATING_AVOIDS, "shutil", "argparse"}) == []


# A caution or dangerous command is never remembered, so each event pays for the effect preview in
# the guard's child: its own modules, but not dataclasses (with inspect, ~8 ms), subprocess (~4 ms,
# for git previews only), glob (for words that are patterns), urllib.parse (with ipaddress, ~3 ms,
# for `curl -O`), signal (for kill, pkill, killall) or heapq.
PREVIEW_AVOIDS = ("dataclasses", "inspect", "subprocess", "glob", "urllib", "urllib.parse", "ipaddress", "signal",
                  "heapq")

GUARD_PROBE = """
import json, os, sys, time
from nlshell import guard

def rater(command, shell):  # runs in the guard's forked child, as guard.rate does
    verdict = guard.rate(command, shell)
    with open(sys.argv[2], "w") as out:
        json.dump(sorted(sys.modules), out)
    return verdict

_fmt, decision = guard.decide(sys.argv[1].encode(), None, os.environ, time.monotonic() + 30, rater)
print(json.dumps([decision.action, decision.summary]))
"""


def guard_child_modules(event: dict, tmp_path) -> tuple[str, str, set[str]]:
    """(action, reason, modules loaded in the child that rated) for one event through guard.decide.

    Run without the site module (its path given in PYTHONPATH instead), so that nothing is loaded
    before nlshell: an editable install's finder imports pathlib and urllib.parse at start-up."""
    import sysconfig

    from conftest import REPO

    paths = sysconfig.get_paths()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(dict.fromkeys([str(REPO), paths["purelib"], paths["platlib"]]))}
    modules_file = tmp_path / "child-modules.json"
    proc = subprocess.run([sys.executable, "-S", "-c", GUARD_PROBE, json.dumps(event), str(modules_file)],
                          capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    action, reason = json.loads(proc.stdout)
    return action, reason, set(json.loads(modules_file.read_text()))


def _claude_event(command: str, cwd) -> dict:
    return {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(cwd)}


@pytest.mark.parametrize("command,action,effect", [
    ("rm notes.txt && date > log.txt", "ask", "deletes 1 file (6 bytes): notes.txt"),
    ("rm -rf ~", "deny", "deletes "),
])
def test_the_guards_preview_loads_only_what_previewing_needs(tmp_path, command, action, effect):
    from nlshell.preview.gitread import find_repo

    project = tmp_path / "work"
    (project / "notes.txt").write_text("hello\n")
    (project / "log.txt").write_text("old\n")
    assert find_repo(str(project)) is None and find_repo(os.environ["HOME"]) is None  # no git to ask
    got, reason, modules = guard_child_modules(_claude_event(command, project), tmp_path)
    assert got == action
    assert effect in reason  # the preview was computed, and said
    assert "nlshell.preview.walk" in modules
    assert sorted(m for m in modules if m in PREVIEW_AVOIDS) == []


def test_a_preview_that_asks_git_still_loads_subprocess(tmp_path):
    project = tmp_path / "work"
    subprocess.run(["git", "init", "-q", str(project)], check=True, capture_output=True)
    (project / "notes.txt").write_text("hello\n")
    action, reason, modules = guard_child_modules(_claude_event("rm notes.txt", project), tmp_path)
    assert action == "ask"
    assert "deletes 1 file (6 bytes): notes.txt" in reason
    assert "subprocess" in modules  # `git status` was asked which of the files it could restore
    assert sorted(m for m in modules if m in ("dataclasses", "glob", "urllib.parse")) == []


def test_a_syntax_error_is_still_confirmed_by_the_shell():
    code, out, modules = loaded_modules("check", "echo $(( ")
    assert (code, out) == (3, "invalid\n")
    assert "subprocess" in modules


@pytest.mark.parametrize("command,needed", [("ls -la /some/new/path", set()), ("git push --force", {"git"}),
                                            ("sudo kubectl delete ns prod", {"cloud", "kubernetes"})])
def test_rule_families_without_hooks_load_only_for_their_programs(command, needed):
    from nlshell.risk.book import ON_DEMAND

    _code, _out, modules = loaded_modules("check", command)
    assert {f for f in ON_DEMAND if f"nlshell.risk.rules.{f}" in modules} == needed
    assert "nlshell.risk.rules.files" in modules  # the families with hooks always load


def test_help_and_check_do_not_load_the_network_stack():
    for args in (["--help"], ["check", "ls -la"]):
        _code, _out, modules = loaded_modules(*args)
        assert heavy_in(modules, ("httpx", "prompt_toolkit", "keyring", "tenacity", "dotenv")) == []


def test_a_cache_hit_loads_no_http_parser_or_keyring(fake_server, server_env):
    fake_server.reply("ls -la")
    code, out, _ = loaded_modules("-p", "list all files", env=server_env)
    assert (code, out) == (0, "ls -la\n")
    code, out, modules = loaded_modules("-p", "list all files", env=server_env)
    assert (code, out) == (0, "ls -la\n")
    assert len(fake_server.chat_requests) == 1
    assert heavy_in(modules, HEAVY) == []
    assert heavy_in(modules, ("tomllib", "logging", "dataclasses", "argparse", "_hashlib")) == []
    assert checks_in(modules) == []  # a cached answer was checked when it was stored
    # The miss gave the model offline examples; the hit reads nothing of the offline index.
    assert "Documented commands" in fake_server.chat_requests[0].json["messages"][0]["content"]
    assert sorted(m for m in modules if m.startswith("nlshell.offline")) == []


def test_dotenv_is_loaded_only_when_a_dotenv_exists(fake_server, server_env, tmp_path):
    fake_server.reply("ls -la")
    loaded_modules("-p", "list all files", env=server_env)
    _code, _out, modules = loaded_modules("-p", "list all files", env=server_env)
    assert "dotenv" not in modules
    (tmp_path / "work" / ".env").write_text("NLSHELL_LOG=\n")
    _code, _out, modules = loaded_modules("-p", "list all files", env=server_env)
    assert "dotenv" in modules


def test_keyring_is_loaded_only_without_a_key_from_env(fake_server, server_env):
    fake_server.reply("ls -la")
    _code, _out, modules = loaded_modules("-p", "--no-cache", "list all files", env=server_env)
    assert "keyring" not in modules
    assert "httpx" in modules  # a real request was sent
