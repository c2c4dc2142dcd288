"""benchmarks/eval.py: the scoring functions, leakage control, the loaders, and one small offline run."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

EVAL_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "eval.py"


@pytest.fixture(scope="module")
def ev():
    spec = importlib.util.spec_from_file_location("nlshell_eval", EVAL_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["nlshell_eval"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("answer", "golds", "expected"),
    [
        ("ls -la", ["ls"], True),
        ("sudo find / -name x", ["find . -name y"], True),
        ("find . | wc -l", ["ls | wc -l", "find . -type f | wc -l"], True),
        ("wc -l {{path/to/file}}", ["cat file | wc -l"], False),
        ("FOO=1 grep x", ["grep -r x ."], True),
        (None, ["ls"], False),
        ("", ["ls"], False),
    ],
)
def test_utility_match(ev, answer, golds, expected):
    assert ev.utility_match(answer, golds) is expected


@pytest.mark.parametrize(
    ("answer", "golds", "expected"),
    [
        ("ls  -la", ["ls -la"], True),
        ("ls -la", ["ls -al"], False),
        ("ls -l", ["pwd", "ls   -l "], True),
        (None, ["ls"], False),
    ],
)
def test_exact_match(ev, answer, golds, expected):
    assert ev.exact_match(answer, golds) is expected


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("ls -la", [("ls", {"-l", "-a"})]),
        ("find . -name '*.c' -type f", [("find", {"-name", "-type"})]),
        ("grep --color=auto -rn x .", [("grep", {"--color", "-r", "-n"})]),
        ("sudo -u root find / | xargs -r rm -f", [("find", set()), ("xargs", {"-r"}), ("rm", {"-f"})]),
        ("find . -mtime -30 -size +1k", [("find", {"-mtime", "-size"})]),  # -30 is a value, not a flag
        ("rm -- -f", [("rm", set())]),
    ],
)
def test_utilities_and_flags(ev, command, expected):
    assert [(u, set(f)) for u, f in ev.utilities_and_flags(command)] == expected


@pytest.mark.parametrize(
    ("answer", "golds", "expected"),
    [
        ("ls -la", ["ls -al"], 1.0),  # same utility, same flags
        ("ls", ["ls"], 1.0),  # no flags on either side
        ("ls", ["ls -l"], 0.0),  # right utility, flags all wrong: ½(1 − 1)
        ("grep -r x", ["grep -rn x"], 0.5),  # (2·1 − 2) / 2 = 0 → ½
        ("find . | wc -l", ["ls"], -1.0),  # wrong utility, and one too many
        ("find . | wc -l", ["find . -type f | wc -l"], 0.5),  # (½·0 + 1) / 2
        ("cat f", ["pwd", "cat f"], 1.0),  # best over the golds
        (None, ["ls"], -1.0),
    ],
)
def test_nlc2cmd_score(ev, answer, golds, expected):
    assert ev.nlc2cmd_score(answer, golds) == pytest.approx(expected)


def test_nlc2cmd_score_stays_in_range(ev):
    for answer in ("ls", "a | b | c | d", "tar -xzvf x.tgz", "echo 'unbalanced"):
        for gold in ("ls -l", "find . -exec rm {} \\;", "x"):
            assert -1.0 <= ev.nlc2cmd_score(answer, [gold]) <= 1.0


def test_jaccard_and_leaks(ev):
    assert ev.jaccard(ev.tokens("Count the lines"), ev.tokens("count lines")) == pytest.approx(2 / 3)
    assert ev.jaccard(frozenset(), frozenset()) == 0.0
    descriptions = [
        "Count the number of lines in file.txt",  # 6 of 8 tokens shared: leaked
        "Count lines",  # 2 of 7: kept
        "Remove all empty directories",  # nothing shared: kept
    ]
    assert ev.leaked(descriptions, ["count the number of lines in a.txt"]) == {descriptions[0]}
    assert ev.leaked(descriptions, ["count lines"]) == {descriptions[1]}
    assert ev.leaked(descriptions, []) == set()


def test_majority_baseline(ev):
    queries = [ev.Query("a", ["find ."]), ev.Query("b", ["find / -x", "ls"]), ev.Query("c", ["ls -l"])]
    assert ev.majority_baseline(queries) == pytest.approx(2 / 3)
    assert ev.majority_baseline([]) is None


def test_everyday_tables_load(ev):
    for name in ("everyday", "everyday-holdout", "everyday-holdout2", "everyday-accept", "everyday-holdout3"):
        queries = ev.LOADERS[name](Path("."))
        assert len(queries) >= 20
        assert all(q.programs_only and q.golds and q.query and q.row.kind in ("read", "change") for q in queries)
    accept = ev.LOADERS["everyday-accept"](Path("."))
    assert len(accept) >= 60 and all(q.row.whole_commands for q in accept)
    assert sum(q.row.read_only for q in accept) >= 30
    held_out = ev.LOADERS["everyday-holdout3"](Path("."))
    assert len(held_out) >= 100 and all(q.row.whole_commands for q in held_out)
    assert not {q.query for q in held_out} & {q.query for name in ev.EVERYDAY if name != "everyday-holdout3"
                                                for q in ev.LOADERS[name](Path("."))}  # no request seen elsewhere
    for held_out_name, at_least in (("everyday-holdout4", 150), ("everyday-holdout5", 150), ("everyday-holdout6", 170),
                                   ("everyday-holdout7", 160), ("everyday-holdout8", 160),
                                   ("everyday-holdout9", 160), ("everyday-holdout10", 160),
                                   ("everyday-holdout11", 160), ("everyday-holdout12", 160),
                                   ("everyday-holdout13", 160), ("everyday-holdout14", 160),
                                   ("everyday-holdout14b", 160), ("everyday-holdout15", 160),
                                   ("everyday-holdout15b", 150), ("everyday-holdout16", 160),
                                   ("everyday-holdout17", 160), ("everyday-holdout18", 160),
                                   ("everyday-holdout19", 125), ("everyday-holdout19b", 155),
                                   ("everyday-holdout20", 180), ("everyday-holdout20b", 180),
                                   ("everyday-holdout21", 180), ("everyday-holdout21b", 180),
                                   ("everyday-holdout22", 180), ("everyday-holdout22b", 180),
                                   ("everyday-holdout23", 185), ("everyday-holdout23b", 185),
                                   ("everyday-holdout24", 185), ("everyday-holdout24b", 185),
                                   ("everyday-holdout25", 185), ("everyday-holdout25b", 185),
                                   ("everyday-holdout26", 185), ("everyday-holdout26b", 177),
                                   ("everyday-holdout27", 185), ("everyday-holdout27b", 172),
                                   ("everyday-holdout28", 185), ("everyday-holdout28b", 164),
                                   ("everyday-holdout29", 185), ("everyday-holdout29b", 164),
                                   ("everyday-holdout30", 185), ("everyday-holdout30b", 154)):
        rows = ev.LOADERS[held_out_name](Path("."))
        assert len(rows) >= at_least and all(q.row.whole_commands for q in rows), held_out_name
        assert all(q.programs_only and q.golds and q.query and q.row.kind in ("read", "change") for q in rows)
        assert len({q.query for q in rows}) == len(rows)
        assert not {q.query for q in rows} & {q.query for name in ev.EVERYDAY if name != held_out_name
                                              for q in ev.LOADERS[name](Path("."))}  # no request seen elsewhere


@pytest.mark.parametrize(
    ("accept", "command", "program", "acceptable"),
    [
        ("tail -n|-20|--lines* *20* app.log", "tail -n 20 app.log", True, True),
        ("tail -n|-20|--lines* *20* app.log", "tail -20 app.log", True, True),
        ("tail -n|-20|--lines* *20* app.log", "sudo tail --lines=20 app.log", True, True),
        ("tail -n|-20|--lines* *20* app.log", "tail -n {{count}} {{path/to/file}}", True, False),
        ("tail -n|-20|--lines* *20* app.log", "tail -f app.log", True, False),
        ("tail -n|-20|--lines* *20* app.log", "head -n 20 app.log", False, False),
        ("ls -S *5* ; du sort *5*", "ls -lS | head -5", True, True),  # -lS has -S
        ("ls -S *5* ; du sort *5*", "du -sh * | sort -h | tail -5", True, True),  # later programs' words count
        ("find -type d -name|-iname node_modules", "find . -type d -name node_modules", True, True),
        ("find -type d -name|-iname node_modules", "find . -name node_modules", True, False),
        ("find -empty", "find . -name empty", True, False),  # -name is one option, not -n -a -m -e
        ("tar -t|--list|t*f backup.tar.gz", "tar tzf backup.tar.gz", True, True),
        ("tar -t|--list|t*f backup.tar.gz", "tar -xzf backup.tar.gz", True, False),  # `tar` itself is no match
        ("git:log --oneline", "git log --oneline", True, True),
        ("git:log --oneline", "git show --oneline", False, False),
        ("git:pull", "git -c x=y pull", False, False),  # the subcommand is the first non-option word
        ("mkdir photos", "mkdir Photos", True, False),  # case counts
        ("echo hello >> notes.txt", "echo hello > notes.txt", True, False),
    ],
)
def test_acceptable_commands(accept, command, program, acceptable):
    import eval_everyday

    row = eval_everyday.Row("request", "read", eval_everyday.parse_accept(accept), True)
    assert eval_everyday.right_program(row, command) is program
    assert eval_everyday.acceptable(row, command) is acceptable
    assert not eval_everyday.acceptable(row, None) and not eval_everyday.right_program(row, "")


def test_the_most_common_program_baseline(ev):
    import eval_everyday

    rows = [eval_everyday.Row(str(i), "read", eval_everyday.parse_accept(a), True)
            for i, a in enumerate(["git:push", "git:pull", "ls -l ; find", "find -name", "find"])]
    assert eval_everyday.most_common_program(rows) == "find"  # bare `git` is right for none of them
    queries = [ev.Query(r.request, r.programs, programs_only=True, row=r) for r in rows]
    assert ev.majority_baseline(queries) == pytest.approx(3 / 5)
    scored = eval_everyday.score(rows, ["find"] * 5, ["safe", "caution", "safe", "dangerous", "safe"])
    assert (scored.right_program, scored.acceptable) == (pytest.approx(3 / 5), pytest.approx(2 / 5))
    assert (scored.read_rows, scored.read_not_safe) == (5, 2)


def test_public_sets_load(ev, bench_data):
    alfa = ev.load_nl2sh_alfa(bench_data)
    assert len(alfa) == 300
    assert all(len(q.golds) == 2 for q in alfa)
    intercode = ev.load_intercode(bench_data)
    assert len(intercode) == 224
    assert all(len(q.golds) == 1 and q.query for q in intercode)


def test_offline_run_writes_a_report(ev, bench_data, tmp_path, capsys):
    out = tmp_path / "report.json"
    code = ev.main(
        ["--offline", "--dataset", "nl2sh-alfa", "--dataset", "everyday", "--limit", "6", "--no-perf",
         "--no-man", "--data-dir", str(bench_data), "--out", str(out)]
    )
    assert code == 0
    table = capsys.readouterr().out
    assert "nl2sh-alfa" in table and "everyday" in table
    report = json.loads(out.read_text())
    assert report["mode"] == "offline" and report["leak_threshold"] == 0.5
    alfa, everyday = report["results"]
    assert alfa["n"] == 6 and len(alfa["rows"]) == 6
    assert alfa["setup"]["nl2bash_rows_left_out"] > 0  # the test queries come from NL2Bash
    assert everyday["setup"]["nl2bash_rows_left_out"] == 0
    assert 0.0 <= alfa["utility_match"] <= 1.0 and -1.0 <= alfa["nlc2cmd"] <= 1.0
    assert everyday["exact_match"] is None and everyday["acceptable"] is None
    assert everyday["baseline"] == pytest.approx(2 / 6)  # `wc` alone: the first two of six requests
    assert 0.0 <= alfa["baseline"] <= 1.0
    for result in (alfa, everyday):  # plain BM25's first example, scored the same way
        assert result["bm25"] is not None and 0.0 <= result["bm25"] <= 1.0
    assert everyday["read_not_safe"] is not None and alfa["read_not_safe"] is None
    for row in alfa["rows"]:
        assert row["utility"] == ev.utility_match(row["answer"], row["golds"])


def test_missing_data_dir_is_a_usage_error(ev, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        ev.main(["--offline", "--data-dir", str(tmp_path / "nowhere")])
    assert exit_info.value.code == 2
