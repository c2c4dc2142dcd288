#!/usr/bin/env python3
"""Score nlshell's answers on public NL→bash test sets, honestly.

    python benchmarks/eval.py --offline [--dataset nl2sh-alfa] [--limit N] [--out FILE]

Offline mode answers every query with the offline index's top hit. Leakage control: the test
queries come from NL2Bash, so every NL2Bash row whose token set has Jaccard similarity ≥ 0.5 with a
test query of the dataset is left out of the index built for that dataset (tokens: lower-case runs
of letters and digits). Metrics per dataset:

- utility match: the answer's first program equals the first program of any gold command
  (after `sudo`, `env`, `nohup`, `time`, … and variable assignments);
- exact match: equal to a gold command after collapsing whitespace;
- NLC2CMD: the NLC2CMD 2020 competition's utility+flag score in [-1, 1], best over the golds
  (an approximation: flags come from a plain shell tokenizer, not bashlint);
- baseline: the utility match of always answering the most common gold program, the floor to read
  utility match against.

The evaluation loop only needs an `Answerer` (query → command); a model answerer (pipeline,
concurrency, resumable results) can be added beside `OfflineAnswerer` without touching the scoring.
"""

from __future__ import annotations

import argparse
import collections
import glob
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from nlshell import offline  # noqa: E402

DATASETS = ("nl2sh-alfa", "intercode", "everyday", "everyday-holdout", "nl2bash-dev")
DEFAULT_DATASETS = ("nl2sh-alfa", "intercode", "everyday", "everyday-holdout")
EVERYDAY_FILE = REPO / "tests" / "data" / "everyday.tsv"
EVERYDAY_HOLDOUT_FILE = REPO / "tests" / "data" / "everyday_holdout.tsv"
LEAK_THRESHOLD = 0.5
DEV_EVERY = 40  # nl2bash-dev: every 40th NL2Bash row (~315 rows), for tuning the ranking

_TOKEN = re.compile(r"[a-z0-9]+")


# -- data ------------------------------------------------------------------------------------


@dataclass
class Query:
    query: str
    golds: list[str]  # gold commands; for `everyday`, acceptable programs instead
    programs_only: bool = False


def default_data_dir() -> Path:
    return Path(os.environ.get("NLSHELL_BENCH_DATA") or REPO.parent / "shared" / "bench-data")


def load_nl2sh_alfa(data_dir: Path) -> list[Query]:
    queries = []
    for path in sorted(glob.glob(str(data_dir / "nl2sh-alfa" / "icalfa" / "*.json"))):
        for item in json.loads(Path(path).read_text(encoding="utf-8")):
            golds = [g for g in (item.get("gold"), item.get("gold2")) if g]
            queries.append(Query(item["query"], golds))
    return queries


def load_intercode(data_dir: Path) -> list[Query]:
    """InterCode-Bash: fs_1..fs_4 (200 tasks) and test_queries.json (24), one gold each."""
    files = sorted(glob.glob(str(data_dir / "intercode" / "nl2bash_fs_*.json")))
    files.append(str(data_dir / "intercode" / "test_queries.json"))
    queries = []
    for path in files:
        for item in json.loads(Path(path).read_text(encoding="utf-8")):
            queries.append(Query(item["query"], [item["gold"]]))
    return queries


def load_everyday(_data_dir: Path, path: Path = EVERYDAY_FILE) -> list[Query]:
    """Hand-written requests → acceptable programs (tests/data/everyday*.tsv)."""
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("request\t"):
            request, expected = line.split("\t")
            queries.append(Query(request, expected.split(), programs_only=True))
    return queries


def load_nl2bash(data_dir: Path) -> list[tuple[str, str]]:
    nl = (data_dir / "nl2bash" / "all.nl").read_text(encoding="utf-8").splitlines()
    cm = (data_dir / "nl2bash" / "all.cm").read_text(encoding="utf-8").splitlines()
    return list(zip(nl, cm))


def load_nl2bash_dev(data_dir: Path) -> list[Query]:
    return [Query(nl, [cm]) for nl, cm in load_nl2bash(data_dir)[::DEV_EVERY]]


LOADERS: dict[str, Callable[[Path], list[Query]]] = {
    "nl2sh-alfa": load_nl2sh_alfa,
    "intercode": load_intercode,
    "everyday": load_everyday,
    "everyday-holdout": lambda data_dir: load_everyday(data_dir, EVERYDAY_HOLDOUT_FILE),
    "nl2bash-dev": load_nl2bash_dev,
}


# -- leakage control --------------------------------------------------------------------------


def tokens(text: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(text.lower()))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def leaked(descriptions: Iterable[str], queries: Iterable[str], threshold: float = LEAK_THRESHOLD) -> set[str]:
    """The descriptions whose token set has Jaccard ≥ threshold with some query.

    An inverted index keeps this fast: only descriptions sharing a token with a query are counted.
    """
    described = [(d, tokens(d)) for d in dict.fromkeys(descriptions)]
    postings: dict[str, list[int]] = collections.defaultdict(list)
    for i, (_d, toks) in enumerate(described):
        for tok in toks:
            postings[tok].append(i)
    out: set[str] = set()
    for query in queries:
        q = tokens(query)
        shared: collections.Counter[int] = collections.Counter()
        for tok in q:
            shared.update(postings.get(tok, ()))
        for i, inter in shared.items():
            d, toks = described[i]
            if inter / (len(q) + len(toks) - inter) >= threshold:
                out.add(d)
    return out


# -- scoring ----------------------------------------------------------------------------------


def normalize_command(command: str) -> str:
    return " ".join(command.split())


def utility_match(answer: str | None, golds: Sequence[str]) -> bool:
    if not answer:
        return False
    program = offline.first_program(answer)
    return bool(program) and any(program == offline.first_program(g) for g in golds)


def exact_match(answer: str | None, golds: Sequence[str]) -> bool:
    return bool(answer) and any(normalize_command(answer) == normalize_command(g) for g in golds)


# Programs whose single-dash options are words (`find -name`), so `-name` is not `-n -a -m -e`.
_WORD_OPTIONS = frozenset({"find", "java", "javac", "gcc", "g++", "cc", "clang", "ffmpeg", "convert", "magick"})


def utilities_and_flags(command: str) -> list[tuple[str, frozenset[str]]]:
    """(utility, flags) per simple command, in order. Flags: words starting with `-` and a letter
    (`-30` is a value), long ones up to `=`, short clusters split (`-la` → `-l`, `-a`) except for
    programs with word options (`find -name`); `--` ends the options."""
    words = offline._words(command)
    result: list[tuple[str, frozenset[str]]] = []
    utilities = iter(offline.programs(command))
    current: str | None = None
    flags: set[str] = set()
    ended = False

    def close() -> None:
        if current is not None:
            result.append((current, frozenset(flags)))

    expected = next(utilities, None)
    for word in words:
        base = os.path.basename(word) if "/" in word else word
        if expected is not None and base == expected:
            close()
            current, flags, ended = expected, set(), False
            expected = next(utilities, None)
            continue
        if current is None or ended:
            continue
        if word == "--":
            ended = True
        elif word.startswith("--") and len(word) > 2:
            flags.add(word.split("=", 1)[0])
        elif word.startswith("-") and len(word) > 1 and not word[1:2].isdigit():
            if current not in _WORD_OPTIONS and word[1:].isalpha() and len(word) > 2:
                flags.update("-" + ch for ch in word[1:])
            else:
                flags.add(word)
    close()
    return result


def nlc2cmd_score(answer: str | None, golds: Sequence[str]) -> float:
    """NLC2CMD 2020 score for one prediction (confidence 1), best over the golds, in [-1, 1].

    Per position i up to T = max(#utilities): +½(1 + flag score) when the utilities agree, −1 when
    they differ (or one side has none); the sum is divided by T. Flag score: (2|∩| − |∪|) / max(|F|),
    1 when neither side has flags.
    """
    if not answer:
        return -1.0
    predicted = utilities_and_flags(answer)
    best = -1.0
    for gold in golds:
        reference = utilities_and_flags(gold)
        total = max(len(predicted), len(reference))
        if total == 0:
            continue
        score = 0.0
        for i in range(total):
            if i >= len(predicted) or i >= len(reference) or predicted[i][0] != reference[i][0]:
                score -= 1.0
                continue
            p_flags, r_flags = predicted[i][1], reference[i][1]
            most = max(len(p_flags), len(r_flags))
            flag_score = 1.0 if most == 0 else (2 * len(p_flags & r_flags) - len(p_flags | r_flags)) / most
            score += 0.5 * (1.0 + flag_score)
        best = max(best, score / total)
    return best


# -- answering --------------------------------------------------------------------------------


@dataclass
class Answer:
    command: str | None
    source: str = ""
    program: str = ""
    seconds: float = 0.0
    error: str = ""


class Answerer(Protocol):
    """Anything that turns a query into a command (offline index now; the model pipeline later)."""

    name: str

    def prepare(self, dataset: str, queries: list[Query]) -> dict: ...

    def answer(self, query: str) -> Answer: ...


class OfflineAnswerer:
    """Top hit of an offline index built for each dataset with that dataset's leaks left out."""

    name = "offline"

    def __init__(
        self,
        data_dir: Path,
        work_dir: str,
        *,
        tldr_only: bool = False,
        man: bool = True,
        which=None,
        leak_threshold: float = LEAK_THRESHOLD,
    ) -> None:
        self.leak_threshold = leak_threshold
        self.data_dir = data_dir
        self.work_dir = work_dir
        self.tldr_only = tldr_only
        self.man = man
        self.which = which
        self.index: offline.OfflineIndex | None = None
        self._nl2bash: list[tuple[str, str]] | None = None

    def prepare(self, dataset: str, queries: list[Query]) -> dict:
        if self.index is not None:
            self.index.close()
        if self.tldr_only:
            exclude: Callable[[str], bool] = lambda _description: True
        elif dataset.startswith("everyday"):
            exclude = lambda _description: False  # hand-written requests: nothing can leak
        else:
            if self._nl2bash is None:
                self._nl2bash = load_nl2bash(self.data_dir)
            left_out = leaked(
                (" ".join(nl.split()) for nl, _ in self._nl2bash), (q.query for q in queries), self.leak_threshold
            )
            exclude = left_out.__contains__
        kwargs: dict = {"which": self.which} if self.which else {}
        if not self.man:
            kwargs["summaries"] = dict
        self.index = offline.OfflineIndex(
            os.path.join(self.work_dir, f"{dataset}.sqlite3"), exclude=exclude, **kwargs
        )
        started = time.perf_counter()
        self.index.ensure_built()
        return {
            "nl2bash_rows_left_out": len(self.index.excluded),
            "man_summaries": self.index.summary_count,
            "index_build_seconds": round(time.perf_counter() - started, 3),
        }

    def answer(self, query: str) -> Answer:
        started = time.perf_counter()
        hits = self.index.lookup(query, limit=1)
        seconds = time.perf_counter() - started
        if not hits:
            return Answer(None, seconds=seconds)
        return Answer(hits[0].command, hits[0].source, hits[0].program, seconds)


# -- running ----------------------------------------------------------------------------------


@dataclass
class Row:
    query: str
    golds: list[str]
    answer: str | None
    source: str
    utility: bool
    exact: bool
    nlc2cmd: float | None
    seconds: float


@dataclass
class DatasetResult:
    dataset: str
    n: int
    utility_match: float
    exact_match: float | None
    nlc2cmd: float | None
    answered: float
    median_ms: float
    baseline: float | None = None  # utility match of always answering the most common gold program
    setup: dict = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)


def score_row(query: Query, answer: Answer) -> Row:
    if query.programs_only:
        program = offline.first_program(answer.command) if answer.command else ""
        return Row(query.query, query.golds, answer.command, answer.source, program in query.golds, False, None, answer.seconds)
    return Row(
        query.query,
        query.golds,
        answer.command,
        answer.source,
        utility_match(answer.command, query.golds),
        exact_match(answer.command, query.golds),
        nlc2cmd_score(answer.command, query.golds),
        answer.seconds,
    )


def majority_baseline(queries: list[Query]) -> float | None:
    """Utility match of one constant answer, the most common first program of the golds: the floor
    a utility-match number has to be read against (`find` alone scores 40% on NL2SH-ALFA)."""
    if not queries or queries[0].programs_only:
        return None
    counts = collections.Counter(offline.first_program(q.golds[0]) for q in queries)
    program = counts.most_common(1)[0][0]
    return sum(utility_match(program, q.golds) for q in queries) / len(queries)


def run_dataset(answerer: Answerer, dataset: str, queries: list[Query]) -> DatasetResult:
    setup = answerer.prepare(dataset, queries)
    rows = [score_row(q, answerer.answer(q.query)) for q in queries]
    n = len(rows) or 1
    programs_only = bool(queries) and queries[0].programs_only
    return DatasetResult(
        dataset=dataset,
        n=len(rows),
        utility_match=sum(r.utility for r in rows) / n,
        exact_match=None if programs_only else sum(r.exact for r in rows) / n,
        nlc2cmd=None if programs_only else sum(r.nlc2cmd for r in rows) / n,
        answered=sum(r.answer is not None for r in rows) / n,
        median_ms=statistics.median(r.seconds for r in rows) * 1000 if rows else 0.0,
        baseline=majority_baseline(queries),
        setup=setup,
        rows=rows,
    )


def measure_index(queries: list[str], work_dir: str) -> dict:
    """Build time, size and warm lookup latency of the full index, as a user gets it."""
    data_bytes = sum(
        os.path.getsize(os.path.join(offline.DATA_DIR, name)) for name in (offline.TLDR_FILE, offline.NL2BASH_FILE)
    )
    path = os.path.join(work_dir, "full.sqlite3")
    index = offline.OfflineIndex(path)
    started = time.perf_counter()
    index.ensure_built()
    build = time.perf_counter() - started
    for q in queries:  # warm: page cache and `which` answers
        index.lookup(q)
    times = []
    for q in queries:
        started = time.perf_counter()
        index.lookup(q)
        times.append(time.perf_counter() - started)
    index.close()
    return {
        "build_seconds": round(build, 3),
        "index_bytes": os.path.getsize(path),
        "package_data_bytes": data_bytes,
        "warm_lookup_median_ms": round(statistics.median(times) * 1000, 2),
        "warm_lookup_p95_ms": round(sorted(times)[int(len(times) * 0.95) - 1] * 1000, 2),
        "lookups": len(times),
    }


def format_table(results: list[DatasetResult]) -> str:
    def pct(x: float | None) -> str:
        return "—" if x is None else f"{100 * x:5.1f}%"

    lines = [
        f"{'dataset':<16} {'n':>4}  {'utility':>7}  {'baseline':>8}  {'exact':>6}  {'nlc2cmd':>7}  {'answered':>8}  {'ms':>5}"
    ]
    for r in results:
        nlc = "—" if r.nlc2cmd is None else f"{r.nlc2cmd:+.3f}"
        lines.append(
            f"{r.dataset:<16} {r.n:>4}  {pct(r.utility_match):>7}  {pct(r.baseline):>8}  {pct(r.exact_match):>6}  {nlc:>7}  "
            f"{pct(r.answered):>8}  {r.median_ms:5.1f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluate nlshell on public NL→bash test sets.")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--offline", action="store_true", help="answer from the offline index")
    parser.add_argument("--dataset", action="append", choices=DATASETS, help="repeatable; default: the test sets")
    parser.add_argument("--limit", type=int, help="first N queries of each dataset")
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out" / "eval-offline.json")
    parser.add_argument("--tldr-only", action="store_true", help="index tldr pages only (no NL2Bash at all)")
    parser.add_argument(
        "--leak-threshold", type=float, default=LEAK_THRESHOLD, help="Jaccard at which NL2Bash rows are left out"
    )
    parser.add_argument("--no-man", action="store_true", help="ignore this machine's man page summaries")
    parser.add_argument("--no-perf", action="store_true", help="skip the build/latency measurement")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N", help="print N misses per dataset")
    args = parser.parse_args(argv)

    if not args.data_dir.is_dir():
        parser.error(f"bench data not found at {args.data_dir} (use --data-dir or NLSHELL_BENCH_DATA)")
    datasets = args.dataset or list(DEFAULT_DATASETS)
    results: list[DatasetResult] = []
    with tempfile.TemporaryDirectory(prefix="nlshell-eval-") as work_dir:
        answerer = OfflineAnswerer(
            args.data_dir, work_dir, tldr_only=args.tldr_only, man=not args.no_man, leak_threshold=args.leak_threshold
        )
        all_queries: list[str] = []
        for dataset in datasets:
            queries = LOADERS[dataset](args.data_dir)[: args.limit]
            all_queries += [q.query for q in queries]
            results.append(run_dataset(answerer, dataset, queries))
        if answerer.index is not None:
            answerer.index.close()
        perf = None if args.no_perf else measure_index(all_queries[:100], work_dir)

    print(format_table(results))
    for r in results:
        print(f"  {r.dataset}: {r.setup}", file=sys.stderr)
        misses = [row for row in r.rows if not row.utility][: args.show_misses]
        for row in misses:
            print(f"    miss: {row.query[:70]!r}\n          got {row.answer!r}\n          want {row.golds}", file=sys.stderr)
    if perf:
        print(
            f"index: build {perf['build_seconds']:.2f} s, {perf['index_bytes'] / 2**20:.1f} MiB; "
            f"package data {perf['package_data_bytes'] / 2**20:.2f} MiB; "
            f"warm lookup median {perf['warm_lookup_median_ms']:.1f} ms (p95 {perf['warm_lookup_p95_ms']:.1f} ms, "
            f"{perf['lookups']} queries)"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "mode": "offline",
        "tldr_only": args.tldr_only,
        "man_summaries": not args.no_man,
        "leak_threshold": args.leak_threshold,
        "data_version": offline.data_version(),
        "perf": perf,
        "results": [asdict(r) for r in results],
    }
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
