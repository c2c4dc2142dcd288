"""benchmarks/eval.py, model mode: end to end against the fake server, and its parts.

The harness runs as a real process, as a user runs it. Small data sets of our own (same layout as
NL2SH-ALFA) make every expected score exact; the public sets check the loaders and `--dataset all`.
Commands the execution check might run are harmless (`echo`, `ls`) and every sandbox lives in
tmp_path (TMPDIR), so a wrong gate could at worst touch files there.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from fakeserver import CHAT, FakeOpenRouter, _Entry

from nlshell.prompt import user_turn

EVAL_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "eval.py"
SCORE_COLUMNS = ("exact", "utility", "baseline", "nlc2cmd", "valid", "safe", "caut", "dang", "errors", "exec")
REFUSAL = "I'm sorry, but I can't help with that request."


@pytest.fixture(scope="module")
def ev():
    spec = importlib.util.spec_from_file_location("nlshell_eval_model", EVAL_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["nlshell_eval_model"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def sandbox_tmp(tmp_path, monkeypatch):
    """Every sandbox, in this process and in the harness, is made under tmp_path."""
    directory = tmp_path / "sandboxes"
    directory.mkdir()
    monkeypatch.setenv("TMPDIR", str(directory))
    monkeypatch.setattr(tempfile, "tempdir", str(directory))
    return directory


class PerQueryServer(FakeOpenRouter):
    """The fake server, answering each chat request by its query rather than by arrival order, so
    that concurrent runs get the same answers. Uses two internal hooks of FakeOpenRouter: the
    request is recorded, then its entry chosen, on the same handler thread."""

    def __init__(self, replies: dict[str, str | None], fallback: str = "ls -la") -> None:
        super().__init__()
        self.by_turn = {user_turn(query): reply for query, reply in replies.items()}
        self.fallback = fallback
        self._current = threading.local()

    def _record(self, request) -> None:
        super()._record(request)
        self._current.request = request

    def _entry_for(self, method: str, route: str):
        entry = self._take(route)
        if entry is not None or route != CHAT or method != "POST":
            return entry or super()._entry_for(method, route)
        body = self._current.request.json or {}
        turn = (body.get("messages") or [{}])[-1].get("content", "")
        content = self.by_turn.get(turn, self.fallback)
        return _Entry("reply", content=content, model="fake/model", finish_reason="stop", usage=None, delay=0.0,
                      headers=None)


def write_dataset(root: Path, rows: list[tuple[str, str, str]]) -> Path:
    """A data dir holding one NL2SH-ALFA-style file: (query, gold, gold2) rows."""
    folder = root / "nl2sh-alfa" / "icalfa"
    folder.mkdir(parents=True)
    items = [{"query": q, "gold": g, "gold2": g2, "difficulty": 1} for q, g, g2 in rows]
    (folder / "test.json").write_text(json.dumps(items))
    return root


def run_eval(base_url: str, data_dir: Path, tmp_path: Path, *args: str, name: str = "run"):
    """The harness as a process, as a user runs it, with the test's isolated environment. Offline
    examples are off unless asked for: building their leakage-controlled index takes seconds a run."""
    examples = () if "--offline-examples" in args else ("--offline-examples", "off")
    command = [
        sys.executable, str(EVAL_PATH), "--model", "fake/model", "--base-url", base_url,
        "--data-dir", str(data_dir), "--out", str(tmp_path / f"{name}.json"),
        "--results", str(tmp_path / f"{name}.jsonl"), *examples, *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=dict(os.environ))


def report(tmp_path: Path, name: str = "run") -> dict:
    return json.loads((tmp_path / f"{name}.json").read_text())


def result_lines(tmp_path: Path, name: str = "run") -> list[dict]:
    return [json.loads(line) for line in (tmp_path / f"{name}.jsonl").read_text().splitlines()]


def table_row(stdout: str, dataset: str) -> list[str]:
    rows = [line.split() for line in stdout.splitlines() if line.split()[:1] == [dataset]]
    assert len(rows) == 1, stdout
    return rows[0]


# -- end to end -------------------------------------------------------------------------------


def test_offline_examples_are_an_a_b_switch_and_never_leak(fake_server, bench_data, tmp_path):
    """On: each prompt carries offline matches from an index without the NL2Bash rows that leak
    into the queries; off: none. The two runs keep their results apart."""
    fake_server.default("ls -la")
    on = run_eval(fake_server.base_url, bench_data, tmp_path, "--limit", "3", "--dataset", "nl2sh-alfa",
                  "--offline-examples", "on", name="on")
    assert on.returncode == 0, on.stderr
    systems = [r.json["messages"][0]["content"] for r in fake_server.chat_requests]
    assert len(systems) == 3 and all("Documented commands" in text for text in systems)
    data = report(tmp_path, "on")
    assert data["settings"]["offline_examples"] is True and data["offline_examples_left_out"] > 0
    assert data["prompt_version"].endswith("+offline-examples")
    off = run_eval(fake_server.base_url, bench_data, tmp_path, "--limit", "3", "--dataset", "nl2sh-alfa",
                   "--offline-examples", "off", name="off")
    assert off.returncode == 0, off.stderr
    assert len(fake_server.chat_requests) == 6
    assert all("Documented commands" not in r.json["messages"][0]["content"] for r in fake_server.chat_requests[3:])
    data = report(tmp_path, "off")
    assert data["settings"]["offline_examples"] is False and data["offline_examples_left_out"] is None


def test_twenty_items_print_a_table_write_a_report_and_ask_once_each(fake_server, bench_data, tmp_path):
    fake_server.default("ls -la")
    proc = run_eval(fake_server.base_url, bench_data, tmp_path, "--limit", "20", "--dataset", "nl2sh-alfa")
    assert proc.returncode == 0, proc.stderr
    header = proc.stdout.splitlines()[0].split()
    assert header[:2] == ["dataset", "n"] and all(column in header for column in SCORE_COLUMNS)
    row = table_row(proc.stdout, "nl2sh-alfa")
    assert row[1] == "20"
    assert "Traceback" not in proc.stderr

    assert len(fake_server.chat_requests) == 20
    assert {r.json["model"] for r in fake_server.chat_requests} == {"fake/model"}
    data = report(tmp_path)
    for key in ("mode", "model", "base_url", "prompt_version", "settings", "datasets", "limit", "concurrency",
                "results_file", "asked", "reused", "stopped", "results", "overall"):
        assert key in data
    assert data["mode"] == "model" and data["model"] == "fake/model" and data["asked"] == 20
    (alfa,) = data["results"]
    for key in ("n", "exact_match", "utility_match", "baseline", "nlc2cmd", "valid", "answered", "risk", "errors",
                "error_classes", "latency_mean_ms", "tokens", "execution", "rows"):
        assert key in alfa
    assert alfa["n"] == 20 and len(alfa["rows"]) == 20 and alfa["missing"] == 0
    assert alfa["risk"] == {"safe": 20, "caution": 0, "dangerous": 0}
    assert alfa["valid"] == 1.0 and alfa["errors"] == {} and alfa["execution"] is None
    assert alfa["tokens"]["prompt_mean"] == 42  # the fake server's usage block
    # The table shows the report's numbers: the utility match of always answering `ls`.
    assert row[3] == f"{100 * alfa['utility_match']:.1f}%"
    assert len(result_lines(tmp_path)) == 20


def test_a_second_run_asks_only_for_what_the_results_file_lacks(fake_server, bench_data, tmp_path):
    args = ("--limit", "20", "--dataset", "nl2sh-alfa")
    assert run_eval(fake_server.base_url, bench_data, tmp_path, *args).returncode == 0
    assert len(fake_server.chat_requests) == 20

    again = run_eval(fake_server.base_url, bench_data, tmp_path, *args)
    assert again.returncode == 0, again.stderr
    assert len(fake_server.chat_requests) == 20  # nothing asked
    assert table_row(again.stdout, "nl2sh-alfa")[1] == "20"
    assert report(tmp_path)["reused"] == 20

    results = tmp_path / "run.jsonl"
    lines = results.read_text().splitlines()
    dropped = {json.loads(line)["index"] for line in lines[3:8]}
    results.write_text("\n".join(lines[:3] + lines[8:]) + "\n")
    third = run_eval(fake_server.base_url, bench_data, tmp_path, *args)
    assert third.returncode == 0, third.stderr
    assert len(fake_server.chat_requests) == 25  # exactly the five missing items
    asked = {user_turn_query(r) for r in fake_server.chat_requests[20:]}
    queries = {row["index"]: row["query"] for row in report(tmp_path)["results"][0]["rows"]}
    assert asked == {queries[i] for i in dropped}
    assert report(tmp_path)["reused"] == 15 and report(tmp_path)["results"][0]["n"] == 20
    assert "another system prompt" not in third.stderr

    # Results made with another system prompt are kept, and said to be.
    stale = [json.loads(line) for line in results.read_text().splitlines()]
    stale[0]["prompt_version"] = "000000000000"
    results.write_text("".join(json.dumps(record) + "\n" for record in stale))
    fourth = run_eval(fake_server.base_url, bench_data, tmp_path, *args)
    assert fourth.returncode == 0 and len(fake_server.chat_requests) == 25
    assert "1 result(s) were made with another system prompt" in fourth.stderr


def user_turn_query(request) -> str:
    content = request.json["messages"][-1]["content"]
    return content.removeprefix("Input: ").removesuffix("\nOutput:")


def test_failed_items_are_counted_and_api_errors_are_asked_again(fake_server, bench_data, tmp_path):
    for _ in range(3):  # all three attempts of the first item fail
        fake_server.respond(500)
    fake_server.reply(REFUSAL)
    fake_server.reply("ls \x1b[2J")
    fake_server.reply('echo "unterminated')
    fake_server.default("ls -la")
    args = ("--limit", "20", "--dataset", "nl2sh-alfa", "--concurrency", "1")
    proc = run_eval(fake_server.base_url, bench_data, tmp_path, *args)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(fake_server.chat_requests) == 3 + 19
    (alfa,) = report(tmp_path)["results"]
    assert alfa["n"] == 20
    assert alfa["errors"] == {"no_command": 1, "hostile": 1, "invalid": 1, "api": 1}
    assert alfa["error_classes"] == {"ServerError": 1, "NoCommandError": 1, "HostileTextError": 1}
    assert alfa["valid"] == pytest.approx(16 / 20) and alfa["answered"] == pytest.approx(17 / 20)
    assert table_row(proc.stdout, "nl2sh-alfa")[10] == "3"  # errors column: all but `invalid`
    kinds = [row["error_kind"] for row in sorted(alfa["rows"], key=lambda r: int(r["index"]))]
    assert kinds[:4] == ["api", "no_command", "hostile", "invalid"] and set(kinds[4:]) == {""}

    # The API error was the run's failure, not the model's: the next run asks that item again.
    again = run_eval(fake_server.base_url, bench_data, tmp_path, *args)
    assert again.returncode == 0, again.stderr
    assert len(fake_server.chat_requests) == 23
    assert report(tmp_path)["results"][0]["errors"] == {"no_command": 1, "hostile": 1, "invalid": 1}


@pytest.mark.parametrize("key, error", [("sk-wrong-0000000000", "AuthError"), (None, "KeyRequiredError")])
def test_a_rejected_key_stops_the_run_at_once(fake_server, bench_data, tmp_path, key, error):
    fake_server.respond(401)
    proc = run_eval(fake_server.base_url, bench_data, tmp_path, "--limit", "20", "--dataset", "nl2sh-alfa",
                    "--concurrency", "1", *(("--key", key) if key else ()))
    assert proc.returncode == 1
    assert "stopped early" in proc.stderr and error in proc.stderr
    assert len(fake_server.chat_requests) == 1
    data = report(tmp_path)
    assert data["stopped"] and data["results"][0]["n"] == 1 and data["results"][0]["missing"] == 19


def test_no_key_with_openrouters_url_is_a_usage_error(bench_data, tmp_path):
    command = [sys.executable, str(EVAL_PATH), "--model", "qwen/qwen3-coder:free", "--data-dir", str(bench_data),
               "--out", str(tmp_path / "out.json"), "--results", str(tmp_path / "r.jsonl"), "--limit", "1"]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=60, env=dict(os.environ))
    assert proc.returncode == 2
    assert "OPENROUTER_API_KEY" in proc.stderr and "--key" in proc.stderr
    assert proc.stdout == "" and not (tmp_path / "r.jsonl").exists()


def test_everyday_requests_score_programs_and_run_nothing(fake_server, bench_data, tmp_path, sandbox_tmp):
    fake_server.default("df -h")
    proc = run_eval(fake_server.base_url, bench_data, tmp_path, "--dataset", "everyday", "--limit", "5", "--execute")
    assert proc.returncode == 0, proc.stderr
    (everyday,) = report(tmp_path)["results"]
    assert everyday["n"] == 5 and everyday["exact_match"] is None and everyday["nlc2cmd"] is None
    assert 0.0 < everyday["utility_match"] < 1.0  # `df` is the right program for some requests only
    assert everyday["execution"] == {"ran": 0, "match": 0, "match_rate": None, "both_empty": 0,
                                     "not_run": {"no gold commands": 5}}
    assert table_row(proc.stdout, "everyday")[2] == "—"


def test_dataset_all_covers_the_three_public_sets(fake_server, bench_data, tmp_path):
    proc = run_eval(fake_server.base_url, bench_data, tmp_path, "--dataset", "all", "--limit", "2",
                    "--nl2bash-sample", "50")
    assert proc.returncode == 0, proc.stderr
    for dataset in ("nl2sh-alfa", "intercode", "nl2bash"):
        assert table_row(proc.stdout, dataset)[1] == "2"
    assert table_row(proc.stdout, "overall")[1] == "6"
    assert len(fake_server.chat_requests) == 6
    data = report(tmp_path)
    assert data["datasets"] == ["nl2sh-alfa", "intercode", "nl2bash"] and data["nl2bash_sample"] == 50
    nl2bash_rows = [r for r in result_lines(tmp_path) if r["dataset"] == "nl2bash"]
    all_nl = (bench_data / "nl2bash" / "all.nl").read_text(encoding="utf-8").splitlines()
    for row in nl2bash_rows:  # the id is the corpus line, so a different sample size resumes cleanly
        assert all_nl[int(row["index"])] == row["query"]


EXEC_ROWS = [
    ("print hi", "echo hi", "printf 'hi\\n'"),
    ("list the files here", "ls", "ls -1"),
    ("remove important.txt", "rm -f important.txt", "rm important.txt"),
    ("say bye", "echo bye", "printf 'bye\\n'"),
    ("list the test bed", "ls /testbed", "ls -1 /testbed"),
    ("list everything in /system", "find /system | sort", "find /system -print | sort"),
]


def test_execute_runs_only_commands_rated_safe(bench_data, tmp_path, sandbox_tmp):
    evidence = tmp_path / "evidence"
    replies = {
        "print hi": "echo hi",
        "list the files here": "ls",
        "remove important.txt": f"rm -f important.txt; touch {evidence}",
        "say bye": "echo hi",
        "list the test bed": "ls /testbed/",
        "list everything in /system": "find /system -print | sort",
    }
    data_dir = write_dataset(tmp_path / "data", EXEC_ROWS)
    with PerQueryServer(replies) as server:
        first = run_eval(server.base_url, data_dir, tmp_path, "--dataset", "nl2sh-alfa")
        assert first.returncode == 0, first.stderr
        assert report(tmp_path)["results"][0]["execution"] is None
        # Execution is added to finished answers without asking the model again.
        proc = run_eval(server.base_url, data_dir, tmp_path, "--dataset", "nl2sh-alfa", "--execute")
        assert proc.returncode == 0, proc.stderr
        assert len(server.chat_requests) == len(EXEC_ROWS)
    rows = {row["query"]: row for row in report(tmp_path)["results"][0]["rows"]}
    ran = {query: row["exec"] for query, row in rows.items()}

    assert ran["remove important.txt"] == {"ran": False, "reason": "rated caution"}
    assert rows["remove important.txt"]["risk"] == "caution"
    assert not evidence.exists()

    assert ran["print hi"]["ran"] and ran["print hi"]["match"]
    assert ran["print hi"]["answer"]["sha256"] == hashlib.sha256(b"hi").hexdigest()[:16]  # it really ran
    assert ran["list the files here"]["ran"] and ran["list the files here"]["match"]
    assert ran["say bye"]["ran"] and not ran["say bye"]["match"]
    assert ran["list the test bed"]["match"]  # /testbed points into each sandbox
    assert ran["list everything in /system"]["match"]  # /system too, and the sandbox path is normalised
    assert ran["list everything in /system"]["answer"]["lines"] > 5

    execution = report(tmp_path)["results"][0]["execution"]
    assert execution["ran"] == 5 and execution["match"] == 4 and execution["match_rate"] == pytest.approx(4 / 5)
    assert execution["not_run"] == {"rated caution": 1}
    assert table_row(proc.stdout, "nl2sh-alfa")[-1] == "80.0%"
    assert list(sandbox_tmp.iterdir()) == []  # every sandbox was removed


CONCURRENCY_ROWS = [(f"task number {i}", f"echo {i}", f"printf '{i}\\n'") for i in range(12)]


def test_concurrency_does_not_change_the_scores(tmp_path):
    replies: dict[str, str | None] = {}
    for i, (query, gold, _gold2) in enumerate(CONCURRENCY_ROWS):
        replies[query] = [gold, f"echo {i} extra", "ls -la", REFUSAL][i % 4]
    data_dir = write_dataset(tmp_path / "data", CONCURRENCY_ROWS)
    summaries = []
    with PerQueryServer(replies) as server:
        for concurrency in ("1", "4"):
            proc = run_eval(server.base_url, data_dir, tmp_path, "--dataset", "nl2sh-alfa", "--concurrency",
                            concurrency, name=f"c{concurrency}")
            assert proc.returncode == 0, proc.stderr
            summaries.append(report(tmp_path, f"c{concurrency}")["results"][0])
        assert len(server.chat_requests) == 24

    def scores(summary: dict) -> dict:
        kept = {k: v for k, v in summary.items() if not k.startswith("latency") and k != "rows"}
        kept["rows"] = sorted(({k: v for k, v in row.items() if k != "seconds"} for row in summary["rows"]),
                              key=lambda row: row["index"])
        return kept

    one, four = summaries
    assert scores(one) == scores(four)
    assert one["exact_match"] == pytest.approx(3 / 12)
    assert one["utility_match"] == pytest.approx(6 / 12)  # `echo` answers
    assert one["errors"] == {"no_command": 3}


# -- the parts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("ls -la", None),
        ("ls /testbed/dir1 /system", None),
        ("echo hi > /dev/null", None),
        ("ls ~ $HOME/x", None),
        ("rm -f important.txt", "rated caution"),
        ("rm -rf ~", "rated dangerous"),
        ("sudo ls", "rated caution"),
        ('echo "unterminated', "invalid"),
        ("curl -s https://example.com", "network or interpreter (curl)"),
        ("python3 -c 'print(1)'", "network or interpreter (python3)"),
        ("cat < /dev/tcp/example.com/80", "network or interpreter (/dev/tcp)"),
        ("mkdir -p /tmp/stray", "path outside the sandbox (/tmp/stray)"),
        ("cat /etc/hostname", "path outside the sandbox (/etc/hostname)"),
        ("ls /systemd", "path outside the sandbox (/systemd)"),
        ("touch ../escape", "path outside the sandbox (..)"),
        ("ls ~root", "path outside the sandbox (~root)"),
    ],
)
def test_what_may_run(ev, command, expected):
    assert ev._why_not_run(command) == expected


def test_the_pipelines_rating_is_also_required(ev):
    assert ev._why_not_run("ls", rated="caution") == "rated caution"
    assert ev.execution_check("ls", "dangerous", True, ["ls"]) == {"ran": False, "reason": "rated dangerous"}
    assert ev.execution_check("ls", "safe", False, ["ls"]) == {"ran": False, "reason": "invalid"}
    assert ev.execution_check(None, None, None, ["ls"]) == {"ran": False, "reason": "no command"}


def test_gold_commands_not_rated_safe_never_run(ev, sandbox_tmp):
    result = ev.execution_check("ls", "safe", True, ["rm -f notes.txt", "mkdir -p /tmp/stray"])
    assert result == {"ran": False, "reason": "no gold command runs here"}
    failing = ev.execution_check("ls", "safe", True, ["cat missing.txt"])
    assert failing["ran"] is False and failing["reason"] == "gold commands fail in the sandbox"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("ls /testbed/a", "ls /W/testbed/a"),
        ("find '/system' -name x", "find '/W/system' -name x"),
        ("ls /systemd /lib/systemd/system /testbeds", "ls /systemd /lib/systemd/system /testbeds"),
        ("cd /testbed && ls", "cd /W/testbed && ls"),
    ],
)
def test_dataset_roots_point_into_the_sandbox(ev, command, expected):
    assert ev.in_sandbox(command, "/W") == expected


def test_a_sandbox_has_a_scrubbed_environment(ev, sandbox_tmp, monkeypatch):
    monkeypatch.setenv("OPENROUTER_API_KEY", "sk-or-v1-must-not-leak")
    run = ev.run_in_sandbox('printf "%s|%s|%s\\n" "${OPENROUTER_API_KEY-unset}" "$HOME" "$PWD"; ls -A | head -3')
    assert run["status"] == 0
    first, *listing = run["output"].splitlines()
    assert first == "unset|<sandbox>/work|<sandbox>/work"
    assert listing == [".hidden", "README.md", "data"]


def test_a_sandbox_stops_slow_and_chatty_commands(ev, sandbox_tmp):
    slow = ev.run_in_sandbox("sleep 30", timeout=0.5)
    assert slow["timed_out"] and slow["status"] is None
    chatty = ev.run_in_sandbox("yes")
    assert chatty["truncated"] and chatty["status"] is None
    assert len(chatty["output"]) <= ev.EXEC_OUTPUT_CAP
    assert list(sandbox_tmp.iterdir()) == []


def test_results_file_last_line_wins_and_half_lines_are_skipped(ev, tmp_path):
    path = tmp_path / "r.jsonl"
    lines = [
        {"dataset": "d", "index": "0", "model": "m", "command": "old"},
        {"dataset": "d", "index": "0", "model": "m", "command": "new"},
        {"dataset": "d", "index": "0", "model": "other", "command": "x"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + '\n{"dataset": "d", "ind')
    records, bad = ev.load_results(path, "m")
    assert bad == 1
    assert list(records) == ["d:0:m"] and records["d:0:m"]["command"] == "new"
    assert ev.load_results(tmp_path / "absent.jsonl", "m") == ({}, 0)


@pytest.mark.parametrize(
    ("record", "asks"),
    [
        (None, True),
        ({"query": "q", "error_kind": ""}, False),
        ({"query": "q", "error_kind": "no_command"}, False),  # the model's answer: kept
        ({"query": "q", "error_kind": "api"}, True),  # the run's failure: asked again
        ({"query": "q", "error_kind": "exception"}, True),
        ({"query": "another query", "error_kind": ""}, True),  # the data set changed
    ],
)
def test_which_items_are_asked_again(ev, record, asks):
    assert ev.needs_model(record, ev.Item("d", "0", ev.Query("q", ["ls"]))) is asks


def test_progress_redraws_on_a_terminal_and_prints_lines_otherwise(ev):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Terminal()
    bar = ev.Progress(4, stream=tty, width=8)
    for kind in ("", "api", "", "invalid"):
        bar.update({"error_kind": kind})
    bar.finish()
    assert tty.getvalue().count("\r") == 4 and tty.getvalue().endswith("\n")
    assert "[########] 4/4  errors 1" in tty.getvalue()

    plain = io.StringIO()
    bar = ev.Progress(100, stream=plain)
    for _ in range(100):
        bar.update({"error_kind": ""})
    lines = plain.getvalue().splitlines()
    assert "\r" not in plain.getvalue() and 10 <= len(lines) <= 11 and "100/100" in lines[-1]


def test_throttle_spaces_request_starts(ev):
    waits: list[float] = []

    class Stop:
        def wait(self, seconds: float) -> None:
            waits.append(seconds)

    throttle = ev.Throttle(rps=4)
    for _ in range(3):
        throttle.wait(Stop())
    assert waits[0] == pytest.approx(0.0, abs=0.05)
    assert waits[1] == pytest.approx(0.25, abs=0.05) and waits[2] == pytest.approx(0.5, abs=0.05)
    ev.Throttle(rps=0).wait(Stop())  # no throttle: returns without waiting
    assert len(waits) == 3


def test_nl2bash_sample_is_the_same_every_time(ev, bench_data):
    sample = ev.load_nl2bash_sample(bench_data, 200)
    assert len(sample) == 200 and sample == ev.load_nl2bash_sample(bench_data, 200)
    lines = [int(q.ident) for q in sample]
    assert lines == sorted(set(lines)) and lines[-1] > 12_000  # spread over the whole corpus


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://openrouter.ai/api/v1", "https://openrouter.ai/api/v1"),
        ("http://user:secret@127.0.0.1:8080/v1?x=1", "http://127.0.0.1:8080/v1"),
    ],
)
def test_the_report_never_shows_url_credentials(ev, url, shown):
    assert ev.shown_url(url) == shown


def test_model_slug(ev):
    assert ev.model_slug("qwen/qwen3-coder:free") == "qwen-qwen3-coder-free"
