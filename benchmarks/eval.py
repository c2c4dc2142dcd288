#!/usr/bin/env python3
"""Score nlshell's answers on public NL→bash test sets, honestly.

    python benchmarks/eval.py --offline [--dataset nl2sh-alfa] [--limit N] [--out FILE]
    python benchmarks/eval.py --model MODEL [--base-url URL] [--dataset nl2sh-alfa] [--limit N]
                              [--concurrency 4] [--rps R] [--results FILE.jsonl] [--execute]

Model mode runs nlshell's own pipeline (prompt, extraction, validation, risk rating) against any
OpenAI-compatible endpoint, resumably: see "model mode" below.

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

The evaluation loop only needs an `Answerer` (query → command): `OfflineAnswerer` and
`ModelAnswerer` share the loaders and the scoring above.
"""

from __future__ import annotations

import argparse
import collections
import functools
import glob
import json
import os
import re
import statistics
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

REPO = Path(__file__).resolve().parents[1]
for _path in (REPO, REPO / "benchmarks"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import eval_everyday  # noqa: E402
from eval_execute import (  # noqa: E402,F401  (--execute; the tests reach these through this module)
    _fingerprint,
    _outside_sandbox,
    _why_not_run,
    DATASET_ROOTS,
    EXEC_FIXED_TIME,
    EXEC_FIXTURE,
    EXEC_OUTPUT_CAP,
    EXEC_PATH,
    EXEC_TIMEOUT,
    execution_check,
    in_sandbox,
    make_sandbox,
    normalize_output,
    NOT_RUN_PROGRAMS,
    run_in_sandbox,
)
from eval_scoring import (  # noqa: E402,F401  (the tests reach the scoring functions through this module)
    exact_match,
    nlc2cmd_score,
    normalize_command,
    utilities_and_flags,
    utility_match,
)

from nlshell import offline  # noqa: E402

EVERYDAY = tuple(eval_everyday.TABLES)  # the hand-written tables of tests/data/everyday*.tsv
DATASETS = ("nl2sh-alfa", "intercode", "nl2bash", *EVERYDAY, "nl2bash-dev")
PUBLIC_DATASETS = ("nl2sh-alfa", "intercode", "nl2bash")  # what `--dataset all` means
DEFAULT_DATASETS = ("nl2sh-alfa", "intercode", *EVERYDAY)
LEAK_THRESHOLD = 0.5
DEV_EVERY = 40  # nl2bash-dev: every 40th NL2Bash row (~315 rows), for tuning the ranking
NL2BASH_SAMPLE = 200  # nl2bash: this many rows, evenly spaced over the corpus

_TOKEN = re.compile(r"[a-z0-9]+")


# -- data ------------------------------------------------------------------------------------


@dataclass
class Query:
    query: str
    golds: list[str]  # gold commands; for `everyday`, acceptable programs instead
    programs_only: bool = False
    ident: str = ""  # stable id within the dataset when it is not the position (NL2Bash line number)
    row: eval_everyday.Row | None = None  # `everyday` tables: what a right answer is


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


def load_everyday(_data_dir: Path, path: Path = eval_everyday.TABLES["everyday"]) -> list[Query]:
    """Hand-written requests → acceptable programs or commands (tests/data/everyday*.tsv)."""
    return [Query(row.request, row.programs, programs_only=True, row=row) for row in eval_everyday.load(path)]


def load_nl2bash(data_dir: Path) -> list[tuple[str, str]]:
    nl = (data_dir / "nl2bash" / "all.nl").read_text(encoding="utf-8").splitlines()
    cm = (data_dir / "nl2bash" / "all.cm").read_text(encoding="utf-8").splitlines()
    return list(zip(nl, cm))


def load_nl2bash_dev(data_dir: Path) -> list[Query]:
    return [Query(nl, [cm]) for nl, cm in load_nl2bash(data_dir)[::DEV_EVERY]]


def load_nl2bash_sample(data_dir: Path, size: int = NL2BASH_SAMPLE) -> list[Query]:
    """`size` NL2Bash pairs, every k-th from k // 2 (k = rows // size): the same rows on every run,
    spread over the whole corpus; each keeps its line number as id, so resuming survives a new size."""
    pairs = load_nl2bash(data_dir)
    step = max(1, len(pairs) // max(1, size))
    return [Query(pairs[i][0], [pairs[i][1]], ident=str(i)) for i in range(step // 2, len(pairs), step)][:size]


LOADERS: dict[str, Callable[[Path], list[Query]]] = {
    "nl2sh-alfa": load_nl2sh_alfa,
    "intercode": load_intercode,
    "nl2bash": load_nl2bash_sample,
    "nl2bash-dev": load_nl2bash_dev,
    **{name: functools.partial(load_everyday, path=path) for name, path in eval_everyday.TABLES.items()},
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


# -- scoring: benchmarks/eval_scoring.py ----------------------------------------------------

# -- answering --------------------------------------------------------------------------------


@dataclass
class Answer:
    command: str | None
    source: str = ""
    program: str = ""
    seconds: float = 0.0
    error: str = ""  # the error's class name, when there is no command
    # Model mode only: what nlshell's pipeline said about the command, or why it gave none.
    error_kind: str = ""  # no_command, hostile, invalid, refused, api, config, other, exception
    error_message: str = ""
    valid: bool | None = None
    risk: str | None = None
    reasons: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    model: str | None = None  # the model that answered, as the server reports it
    usage: dict | None = None


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
        """The answer `nlshell --offline` gives (intent, values, read-only filter), from no directory."""
        from nlshell.errors import NoOfflineAnswerError
        from nlshell.offline.answer import answers
        from nlshell.assess import assess

        started = time.perf_counter()
        try:
            hit = answers(self.index, query)[0].hit
        except NoOfflineAnswerError as e:
            return Answer(None, seconds=time.perf_counter() - started, error=e.__class__.__name__)
        seconds = time.perf_counter() - started
        risk = assess(hit.command).risk  # what the menu would show beside it
        return Answer(hit.command, hit.source, hit.program, seconds, risk=risk)

    def plain_bm25(self, query: str) -> str | None:
        """The baseline: plain BM25's first example over the same index, no ranking of ours."""
        found = self.index.plain_bm25(query, limit=1)
        return found[0] if found else None


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
    acceptable: bool | None = None  # `everyday-accept`: the command does what was asked
    risk: str | None = None  # nlshell's rating of the answer (offline mode)
    read_only: bool | None = None  # `everyday` tables: the request only looks


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
    acceptable: float | None = None  # share of acceptable first commands (`everyday-accept`)
    baseline_acceptable: float | None = None  # … of always answering the most common program
    bm25: float | None = None  # utility match of plain BM25's first example over the same index
    bm25_acceptable: float | None = None
    read_not_safe: int | None = None  # read-only requests answered with a caution or dangerous command


def score_row(query: Query, answer: Answer) -> Row:
    if query.row is not None:
        table = query.row
        return Row(
            query.query, query.golds, answer.command, answer.source, eval_everyday.right_program(table, answer.command),
            False, None, answer.seconds, eval_everyday.acceptable(table, answer.command) if table.whole_commands else None,
            answer.risk, table.read_only,
        )
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
    if not queries:
        return None
    if queries[0].row is not None:
        table = [q.row for q in queries]
        program = eval_everyday.most_common_program(table)
        return sum(eval_everyday.right_program(row, program) for row in table) / len(table)
    counts = collections.Counter(offline.first_program(q.golds[0]) for q in queries)
    program = counts.most_common(1)[0][0]
    return sum(utility_match(program, q.golds) for q in queries) / len(queries)


def share(values: Iterable[bool | None]) -> float | None:
    """The share of true values; None when there are none to count (a metric that does not apply)."""
    counted = [v for v in values if v is not None]
    return sum(counted) / len(counted) if counted else None


def run_dataset(answerer: Answerer, dataset: str, queries: list[Query]) -> DatasetResult:
    setup = answerer.prepare(dataset, queries)
    rows = [score_row(q, answerer.answer(q.query)) for q in queries]
    n = len(rows) or 1
    programs_only = bool(queries) and queries[0].programs_only
    constant = [score_row(q, Answer(eval_everyday.most_common_program([q.row for q in queries])))
                for q in queries] if queries and queries[0].row else []
    plain = getattr(answerer, "plain_bm25", None)
    bm25 = [score_row(q, Answer(plain(q.query))) for q in queries] if plain else []
    read = [r for r in rows if r.read_only]
    return DatasetResult(
        acceptable=share(r.acceptable for r in rows),
        baseline_acceptable=share(r.acceptable for r in constant),
        bm25=share(r.utility for r in bm25),
        bm25_acceptable=share(r.acceptable for r in bm25),
        read_not_safe=sum(r.risk in ("caution", "dangerous") for r in read)
        if any(r.risk is not None for r in read) else None,
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
    """Build time, size and warm lookup latency of the full index, as a user gets it: a lookup is
    the whole offline answer (ranking, values filled in, the read-only check)."""
    from nlshell.errors import NoOfflineAnswerError
    from nlshell.offline.answer import answers

    def lookup(query: str) -> None:
        try:
            answers(index, query)
        except NoOfflineAnswerError:
            pass

    data_bytes = sum(
        os.path.getsize(os.path.join(offline.DATA_DIR, name))
        for name in (offline.TLDR_FILE, offline.PAGES_FILE, offline.NL2BASH_FILE)
    )
    path = os.path.join(work_dir, "full.sqlite3")
    index = offline.OfflineIndex(path)
    started = time.perf_counter()
    index.ensure_built()
    build = time.perf_counter() - started
    for q in queries:  # warm: page cache and `which` answers
        lookup(q)
    times = []
    for q in queries:
        started = time.perf_counter()
        lookup(q)
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

    def count(x: int | None) -> str:
        return "—" if x is None else str(x)

    lines = [
        f"{'dataset':<17} {'n':>4}  {'utility':>7}  {'baseline':>8}  {'bm25':>6}  {'accept':>6}  {'baseline':>8}  "
        f"{'bm25':>6}  {'exact':>6}  {'nlc2cmd':>7}  {'read!':>5}  {'answered':>8}  {'ms':>5}"
    ]
    for r in results:
        nlc = "—" if r.nlc2cmd is None else f"{r.nlc2cmd:+.3f}"
        lines.append(
            f"{r.dataset:<17} {r.n:>4}  {pct(r.utility_match):>7}  {pct(r.baseline):>8}  {pct(r.bm25):>6}  "
            f"{pct(r.acceptable):>6}  {pct(r.baseline_acceptable):>8}  {pct(r.bm25_acceptable):>6}  "
            f"{pct(r.exact_match):>6}  {nlc:>7}  {count(r.read_not_safe):>5}  {pct(r.answered):>8}  {r.median_ms:5.1f}"
        )
    lines.append(
        "utility: right program first; accept: an acceptable first command (program and the flag or operand "
        "asked for); baseline: always the most common program; bm25: plain BM25 over the same index; "
        "read!: read-only requests answered caution or dangerous"
    )
    return "\n".join(lines)


# -- model mode: nlshell's pipeline against an OpenAI-compatible endpoint ----------------------
#
# Every query goes through `Pipeline.suggest` exactly as `nlshell -p` does (cache and command
# memory off, bash syntax), so the scores include nlshell's prompt, extraction and validation, not
# the bare model. One JSONL line per finished item, keyed by dataset, index and model, makes a run
# resumable: a restart asks only what is missing, and items that failed with an API error (rate
# limit, 5xx, network) are asked again; answers, refusals included, are kept.

RETRY_KINDS = frozenset({"api", "exception"})  # failures of the run, not of the model: asked again
RISKS = ("safe", "caution", "dangerous")
ERROR_KINDS = ("no_command", "hostile", "invalid", "refused", "api", "config", "other", "exception")
MAX_API_ERRORS_IN_A_ROW = 10


def examples_index(data_dir: Path, queries: list[str], work_dir: str):
    """An offline index for the examples given to the model, without the NL2Bash rows that leak
    into these queries (as offline mode's), built once for the run. Without the NL2Bash corpus
    to check against, no NL2Bash row is used at all."""
    try:
        exclude = leaked((" ".join(nl.split()) for nl, _ in load_nl2bash(data_dir)), queries).__contains__
    except OSError:
        exclude = lambda _description: True  # noqa: E731
    index = offline.OfflineIndex(os.path.join(work_dir, "examples.sqlite3"), exclude=exclude)
    index.ensure_built()
    return index


def error_kind(error: BaseException) -> str:
    """The class of failure a result counts under."""
    from nlshell.errors import (
        ConfigError,
        HostileTextError,
        InvalidCommandError,
        NoCommandError,
        RefusedError,
    )
    from nlshell.openrouter.errors import ApiError

    for cls, kind in (
        (NoCommandError, "no_command"),
        (HostileTextError, "hostile"),
        (InvalidCommandError, "invalid"),
        (RefusedError, "refused"),
        (ApiError, "api"),
        (ConfigError, "config"),
    ):
        if isinstance(error, cls):
            return kind
    return "other"


FATAL_ERRORS = frozenset({"AuthError", "KeyRequiredError", "PaymentError", "ModelNotFoundError"})


def is_fatal(record: dict) -> bool:
    """Errors every later item would hit too (bad key, no credits, unknown model, configuration):
    stop rather than spend the rest of the run on them."""
    return record.get("error_kind") == "config" or record.get("error") in FATAL_ERRORS


def model_settings(model: str, base_url: str | None, offline_examples: bool | None = None):
    """nlshell's settings for an evaluation: the user's config, but no cache, no memory, bash;
    `offline_examples` overrides the config's setting (the A/B switch)."""
    from nlshell import config

    flags: dict[str, object] = {"model": model}
    if base_url:
        flags["base_url"] = base_url
    settings = config.load(flags)
    if offline_examples is not None:
        settings.set("offline_examples", offline_examples, "flag")
    settings.set("cache_enabled", False, "flag")
    settings.set("memory_enabled", False, "flag")
    settings.set("few_shot_from_memory", False, "flag")
    settings.set("shell", "bash", "flag")  # the test sets are bash
    return settings


class ModelAnswerer:
    """Answers from nlshell's real pipeline, one Pipeline per worker thread.

    httpx.Client is thread-safe (its docstring says so) and OpenRouterClient guards its lazy
    client with a lock, but a Pipeline builds its client, key lookup and prompt context lazily
    without one, so threads sharing a Pipeline would race on first use. A Pipeline per thread
    costs one connection pool each and depends on nothing the Pipeline does not promise. (The
    tree-sitter parser is one per process; its `parse` holds the GIL, so threads take turns.)
    """

    name = "model"

    def __init__(self, settings, offline_index=None) -> None:
        self.settings = settings
        self.offline_index = offline_index  # leakage-controlled, for the offline examples in prompts
        self.warnings: list[str] = []
        self._local = threading.local()
        self._pipelines: list = []
        self._lock = threading.Lock()

    def _warn(self, message: str) -> None:
        with self._lock:
            if message not in self.warnings:
                self.warnings.append(message)

    def pipeline(self):
        pipeline = getattr(self._local, "pipeline", None)
        if pipeline is None:
            from nlshell.pipeline import Pipeline

            pipeline = Pipeline(self.settings, warn=self._warn, offline_index=self.offline_index)
            self._local.pipeline = pipeline
            with self._lock:
                self._pipelines.append(pipeline)
        return pipeline

    def prepare(self, dataset: str, queries: list[Query]) -> dict:
        return {}

    def answer(self, query: str) -> Answer:
        from nlshell.errors import NlshellError

        started = time.perf_counter()
        try:
            suggestion = self.pipeline().suggest(query, no_cache=True)
        except NlshellError as e:
            return Answer(
                None,
                "model",
                seconds=time.perf_counter() - started,
                error=e.__class__.__name__,
                error_kind=error_kind(e),
                error_message=str(e),
            )
        seconds = time.perf_counter() - started
        if suggestion.source != "model":  # cache, memory or offline index: not the model's answer
            return Answer(
                None,
                suggestion.source,
                seconds=seconds,
                error="NotFromModel",
                error_kind="config",
                error_message=f"the pipeline answered from {suggestion.source}, not the model",
            )
        return Answer(
            suggestion.command,
            "model",
            program=offline.first_program(suggestion.command or "") if suggestion.command else "",
            seconds=seconds,
            error_kind="" if suggestion.valid else "invalid",
            valid=suggestion.valid,
            risk=suggestion.risk,
            reasons=list(suggestion.reasons),
            problems=list(suggestion.problems),
            model=suggestion.model,
            usage=suggestion.usage,
        )

    def close(self) -> None:
        with self._lock:
            for pipeline in self._pipelines:
                pipeline.close()
            self._pipelines.clear()


# -- execution comparison: benchmarks/eval_execute.py -------------------------------------------


# -- the resumable run -------------------------------------------------------------------------


@dataclass
class Item:
    dataset: str
    index: str
    query: Query


def dataset_items(dataset: str, queries: list[Query]) -> list[Item]:
    return [Item(dataset, q.ident or str(i), q) for i, q in enumerate(queries)]


def result_key(dataset: str, index: str, model: str) -> str:
    return f"{dataset}:{index}:{model}"


def load_results(path: Path, model: str) -> tuple[dict[str, dict], int]:
    """The last record per key for `model` (a later line wins), and how many lines were unreadable
    (a run killed mid-write leaves half a line; that item is simply asked again)."""
    records: dict[str, dict] = {}
    bad = 0
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return records, 0
    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            key = result_key(record["dataset"], record["index"], record["model"])
        except (ValueError, KeyError, TypeError):
            bad += 1
            continue
        if record["model"] == model:
            records[key] = record
    return records, bad


def needs_model(record: dict | None, item: Item) -> bool:
    return record is None or record.get("query") != item.query.query or record.get("error_kind") in RETRY_KINDS


def make_record(item: Item, model: str, answer: Answer, prompt_version: str) -> dict:
    record = {"key": result_key(item.dataset, item.index, model), "dataset": item.dataset, "index": item.index,
              "model": model, "query": item.query.query, "prompt_version": prompt_version}
    fields = asdict(answer)
    served_by = fields.pop("model")  # the model the server says answered (a router may pick another)
    record.update(fields)
    record["served_by"] = served_by
    record["seconds"] = round(record["seconds"], 4)
    return record


class Throttle:
    """At most `rps` model requests started per second, across all workers (none when rps is 0)."""

    def __init__(self, rps: float) -> None:
        self.interval = 1.0 / rps if rps > 0 else 0.0
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self, stop: threading.Event) -> None:
        if not self.interval:
            return
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.interval
        stop.wait(start - now)


class Progress:
    """`[####------] 12/20` redrawn in place on a terminal; a plain line every 10% (or 30 s) otherwise."""

    def __init__(self, total: int, stream=None, width: int = 24) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.width = width
        self.done = 0
        self.errors = 0
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.started = time.monotonic()
        self._last_line = 0.0
        self._last_tenth = 0

    def update(self, record: dict) -> None:
        self.done += 1
        if record.get("error_kind") and record["error_kind"] != "invalid":
            self.errors += 1
        text = self.line()
        if self.tty:
            self.stream.write("\r" + text)
            self.stream.flush()
            return
        tenth = 10 * self.done // max(1, self.total)
        now = time.monotonic()
        if tenth > self._last_tenth or now - self._last_line >= 30 or self.done == self.total:
            self._last_tenth, self._last_line = tenth, now
            print(text, file=self.stream, flush=True)

    def line(self) -> str:
        filled = self.width * self.done // max(1, self.total)
        elapsed = time.monotonic() - self.started
        rate = f"{elapsed / self.done:.1f} s/item" if self.done else ""
        return (f"[{'#' * filled}{'-' * (self.width - filled)}] {self.done}/{self.total}  "
                f"errors {self.errors}  {rate}").rstrip()

    def finish(self) -> None:
        if self.tty and self.done:
            self.stream.write("\n")
            self.stream.flush()


@dataclass
class RunOutcome:
    records: dict[str, dict]
    asked: int = 0  # items sent to the model in this run
    executed: int = 0  # items whose execution check ran in this run
    reused: int = 0  # items answered by the results file
    stopped: str | None = None  # why the run stopped early, if it did
    interrupted: bool = False


def run_items(
    answerer: ModelAnswerer,
    items: list[Item],
    *,
    model: str,
    prompt_version: str,
    results_path: Path,
    concurrency: int = 4,
    rps: float = 0.0,
    execute: bool = False,
    max_api_errors: int = MAX_API_ERRORS_IN_A_ROW,
    progress: Progress | None = None,
) -> RunOutcome:
    """Ask what the results file does not answer yet, `concurrency` at a time; each finished item
    is appended to the results file at once, so an interrupted run loses nothing it finished."""
    records, bad_lines = load_results(results_path, model)
    if bad_lines:
        print(f"note: {bad_lines} unreadable line(s) in {results_path} ignored", file=sys.stderr)
    outcome = RunOutcome(records)
    todo: list[tuple[Item, dict | None]] = []
    for item in items:
        previous = records.get(result_key(item.dataset, item.index, model))
        if needs_model(previous, item) or (execute and "exec" not in previous):
            todo.append((item, None if needs_model(previous, item) else previous))
    outcome.reused = len(items) - len(todo)
    if progress is None:
        progress = Progress(len(todo))
    progress.total = len(todo)
    if not todo:
        return outcome

    stop = threading.Event()
    throttle = Throttle(rps)
    first_crash: list[str] = []

    def work(item: Item, previous: dict | None) -> tuple[dict, bool] | None:
        record = previous
        asked = False
        if record is None:
            throttle.wait(stop)
            if stop.is_set():
                return None
            try:
                answer = answerer.answer(item.query.query)
            except Exception as e:  # a bug in nlshell: record it, keep evaluating, show it once
                if not first_crash:
                    first_crash.append(traceback.format_exc())
                answer = Answer(None, "model", error=e.__class__.__name__, error_kind="exception",
                                error_message=str(e)[:300])
            record = make_record(item, model, answer, prompt_version)
            asked = True
            if is_fatal(record):
                stop.set()  # here, before this worker takes the next item
        if execute and "exec" not in record and record.get("error_kind") not in RETRY_KINDS:
            if item.query.programs_only:  # `everyday`: programs to accept, no command to compare with
                record["exec"] = {"ran": False, "reason": "no gold commands"}
                return record, asked
            try:
                record["exec"] = execution_check(record.get("command"), record.get("risk"), record.get("valid"),
                                                 item.query.golds)
            except OSError as e:
                record["exec"] = {"ran": False, "reason": f"could not run: {e.__class__.__name__}"}
        return record, asked

    api_errors_in_a_row = 0
    pool = ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="eval")
    futures: list[Future] = [pool.submit(work, item, previous) for item, previous in todo]
    seen: set[int] = set()
    with results_path.open("a", encoding="utf-8") as results:

        def take(future: Future) -> None:
            nonlocal api_errors_in_a_row
            seen.add(id(future))
            done = future.result()
            if done is None:
                return
            record, asked = done
            records[record["key"]] = record
            results.write(json.dumps(record, ensure_ascii=False) + "\n")
            results.flush()
            outcome.asked += asked
            outcome.executed += bool(record.get("exec", {}).get("ran"))
            progress.update(record)
            if record.get("error_kind") in ("api", "config"):
                api_errors_in_a_row += 1
                if is_fatal(record):
                    outcome.stopped = f"{record['error']}: {record['error_message']}"
                elif api_errors_in_a_row >= max_api_errors:
                    outcome.stopped = (f"{api_errors_in_a_row} API errors in a row, the last: "
                                       f"{record['error_message']}")
                if outcome.stopped:
                    stop.set()
            elif asked:
                api_errors_in_a_row = 0

        try:
            for future in as_completed(futures):
                take(future)
        except KeyboardInterrupt:
            outcome.interrupted = True
            stop.set()
            pool.shutdown(wait=True, cancel_futures=True)
            for future in futures:
                if id(future) not in seen and future.done() and not future.cancelled():
                    take(future)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            progress.finish()
    if first_crash:
        print("an item raised an unexpected error (recorded as `exception`):\n" + first_crash[0], file=sys.stderr)
    return outcome


# -- model mode: scores ------------------------------------------------------------------------


def score_record(item: Item, record: dict) -> dict:
    """The offline mode's scores (`score_row`) plus what the pipeline said about the command."""
    row = asdict(score_row(item.query, Answer(record.get("command"), "model", seconds=record.get("seconds") or 0.0)))
    row.update(
        index=item.index,
        valid=record.get("valid"),
        risk=record.get("risk"),
        reasons=record.get("reasons") or [],
        problems=record.get("problems") or [],
        error_kind=record.get("error_kind") or "",
        error=record.get("error") or "",
        error_message=record.get("error_message") or "",
        served_by=record.get("served_by"),
        usage=record.get("usage"),
        exec=record.get("exec"),
    )
    return row


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarize(name: str, rows: list[dict], *, expected: int, baseline: float | None = None) -> dict:
    """Rates over every item with a result (an API error counts as a miss: rerun to retry it)."""
    n = len(rows)
    d = n or 1
    scored = [r for r in rows if r["nlc2cmd"] is not None]  # `everyday` rows have programs, not commands
    answered = [r for r in rows if r["answer"]]
    risk = collections.Counter(r["risk"] for r in answered if r["risk"])
    errors = collections.Counter(r["error_kind"] for r in rows if r["error_kind"])
    classes = collections.Counter(r["error"] for r in rows if r["error"])
    usage = [r["usage"] for r in rows if isinstance(r.get("usage"), dict)]
    costs = [u["cost"] for u in usage if isinstance(u.get("cost"), int | float)]
    seconds = [r["seconds"] for r in rows if r["seconds"]]
    ran = [r["exec"] for r in rows if isinstance(r.get("exec"), dict) and r["exec"].get("ran")]
    checked = [r["exec"] for r in rows if isinstance(r.get("exec"), dict)]
    execution = None
    if checked:
        execution = {
            "ran": len(ran),
            "match": sum(e["match"] for e in ran),
            "match_rate": sum(e["match"] for e in ran) / len(ran) if ran else None,
            "both_empty": sum(bool(e.get("empty")) for e in ran),
            "not_run": dict(collections.Counter(e["reason"].split(" (")[0] for e in checked if not e.get("ran"))),
        }
    return {
        "dataset": name,
        "n": n,
        "missing": expected - n,
        "exact_match": sum(r["exact"] for r in scored) / len(scored) if scored else None,
        "utility_match": sum(r["utility"] for r in rows) / d,
        "baseline": baseline,
        "nlc2cmd": _mean([r["nlc2cmd"] for r in scored]),
        "valid": sum(bool(r["valid"]) for r in rows) / d,
        "answered": len(answered) / d,
        "risk": {level: risk.get(level, 0) for level in RISKS},
        "errors": {kind: errors[kind] for kind in ERROR_KINDS if errors[kind]},
        "error_classes": dict(classes),
        "latency_mean_ms": None if not seconds else round(1000 * _mean(seconds), 1),
        "latency_median_ms": None if not seconds else round(1000 * statistics.median(seconds), 1),
        "tokens": {
            "prompt_mean": _mean([u["prompt_tokens"] for u in usage if u.get("prompt_tokens") is not None]),
            "completion_mean": _mean([u["completion_tokens"] for u in usage if u.get("completion_tokens") is not None]),
            "cost_total": sum(costs) if costs else None,
        },
        "execution": execution,
    }


def format_model_table(summaries: list[dict]) -> str:
    def pct(x: float | None) -> str:
        return "—" if x is None else f"{100 * x:.1f}%"

    def num(x: float | None, spec: str) -> str:
        return "—" if x is None else format(x, spec)

    header = (f"{'dataset':<12} {'n':>4} {'exact':>6} {'utility':>7} {'baseline':>8} {'nlc2cmd':>7} {'valid':>6} "
              f"{'safe':>4} {'caut':>4} {'dang':>4} {'errors':>6} {'mean ms':>7} {'tokens':>6} {'exec':>6}")
    lines = [header]
    for s in summaries:
        execution = s["execution"]
        exec_text = "—" if not execution or not execution["ran"] else pct(execution["match_rate"])
        tokens = s["tokens"]
        total_tokens = None
        if tokens["prompt_mean"] is not None and tokens["completion_mean"] is not None:
            total_tokens = tokens["prompt_mean"] + tokens["completion_mean"]
        errors = sum(count for kind, count in s["errors"].items() if kind != "invalid")
        lines.append(
            f"{s['dataset']:<12} {s['n']:>4} {pct(s['exact_match']):>6} {pct(s['utility_match']):>7} "
            f"{pct(s['baseline']):>8} {num(s['nlc2cmd'], '+.3f'):>7} {pct(s['valid']):>6} "
            f"{s['risk']['safe']:>4} {s['risk']['caution']:>4} {s['risk']['dangerous']:>4} {errors:>6} "
            f"{num(s['latency_mean_ms'], '.0f'):>7} {num(total_tokens, '.0f'):>6} {exec_text:>6}"
        )
    return "\n".join(lines)


def model_slug(model: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", model).strip("-") or "model"


def shown_url(url: str) -> str:
    """The base URL without any user:password part, fit for a report."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def run_model_mode(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.base_url and not args.base_url.startswith(("http://", "https://")):
        parser.error("--base-url must be an http:// or https:// URL")
    if args.concurrency < 1:
        parser.error("--concurrency must be at least 1")
    if args.rps < 0:
        parser.error("--rps cannot be negative")
    if args.key:
        os.environ["OPENROUTER_API_KEY"] = args.key  # where nlshell's key lookup looks first

    from nlshell import __version__
    from nlshell.errors import NlshellError

    datasets = list(dict.fromkeys(d for name in (args.dataset or ["all"])
                                  for d in (PUBLIC_DATASETS if name == "all" else (name,))))
    loaded: dict[str, list[Item]] = {}
    for dataset in datasets:
        if dataset == "nl2bash":
            queries = load_nl2bash_sample(args.data_dir, args.nl2bash_sample)
        else:
            queries = LOADERS[dataset](args.data_dir)
        loaded[dataset] = dataset_items(dataset, queries[: args.limit])
    items = [item for dataset in datasets for item in loaded[dataset]]

    examples = {"on": True, "off": False}.get(args.offline_examples)
    work_dir = tempfile.TemporaryDirectory(prefix="nlshell-eval-")
    try:
        settings = model_settings(args.model, args.base_url, examples)
        index = examples_index(args.data_dir, [item.query.query for item in items], work_dir.name) \
            if settings.offline_examples else None
        answerer = ModelAnswerer(settings, index)
        probe = answerer.pipeline()  # the main thread's: key lookup and prompt, once, up front
        if probe.needs_offline:
            print("eval: no OpenRouter API key — set OPENROUTER_API_KEY or pass --key "
                  "(other servers, such as a local one given with --base-url, need none)", file=sys.stderr)
            return 2
        prompt_version = probe.prompt_version
    except NlshellError as e:
        print(f"eval: {e}", file=sys.stderr)
        return 2

    slug = model_slug(args.model) + ("" if settings.offline_examples else "-no-offline-examples")
    out = args.out or REPO / "benchmarks" / "out" / f"eval-{slug}.json"
    results_path = args.results or REPO / "benchmarks" / "out" / f"eval-{slug}.jsonl"
    results_path.parent.mkdir(parents=True, exist_ok=True)
    if args.fresh and results_path.exists():
        results_path.unlink()
    print(f"eval: {len(items)} items ({', '.join(datasets)}) with {args.model} at {shown_url(settings.base_url)}; "
          f"results in {results_path}", file=sys.stderr)

    started = time.time()
    try:
        outcome = run_items(
            answerer,
            items,
            model=args.model,
            prompt_version=prompt_version,
            results_path=results_path,
            concurrency=args.concurrency,
            rps=args.rps,
            execute=args.execute,
            max_api_errors=args.max_api_errors,
        )
    finally:
        answerer.close()
        if index is not None:
            index.close()
        work_dir.cleanup()

    summaries = []
    all_rows: list[dict] = []
    other_prompt = 0
    for dataset in datasets:
        rows, finished = [], []
        for item in loaded[dataset]:
            record = outcome.records.get(result_key(item.dataset, item.index, args.model))
            if record is not None and record.get("query") == item.query.query:
                rows.append(score_record(item, record))
                finished.append(item.query)
                other_prompt += record.get("prompt_version") != prompt_version
        summary = summarize(dataset, rows, expected=len(loaded[dataset]), baseline=majority_baseline(finished))
        summary["rows"] = rows
        summaries.append(summary)
        all_rows += rows
    overall = summarize("overall", all_rows, expected=len(items))

    print(format_model_table(summaries + ([overall] if len(summaries) > 1 else [])))
    for s in summaries:
        if s["errors"] or s["missing"]:
            parts = [f"{kind} {count}" for kind, count in s["errors"].items()]
            if s["missing"]:
                parts.append(f"not finished {s['missing']}")
            classes = ", ".join(f"{name} {count}" for name, count in s["error_classes"].items())
            print(f"  {s['dataset']}: {', '.join(parts)}" + (f" ({classes})" if classes else ""), file=sys.stderr)
        if s["execution"] and s["execution"]["not_run"]:
            print(f"  {s['dataset']} execution: ran {s['execution']['ran']}, not run: {s['execution']['not_run']}",
                  file=sys.stderr)
    for warning in answerer.warnings:
        print(f"  warning: {warning}", file=sys.stderr)
    if other_prompt:
        print(f"note: {other_prompt} result(s) were made with another system prompt; --fresh asks again",
              file=sys.stderr)
    print(f"asked the model {outcome.asked} time(s), {outcome.reused} item(s) from {results_path}", file=sys.stderr)

    report = {
        "mode": "model",
        "model": args.model,
        "base_url": shown_url(settings.base_url),
        "nlshell_version": __version__,
        "prompt_version": prompt_version,
        "settings": {name: getattr(settings, name) for name in ("temperature", "max_tokens", "reasoning_effort",
                                                                   "timeout", "shell", "offline_examples")},
        "offline_examples_left_out": len(index.excluded) if index is not None else None,
        "datasets": datasets,
        "limit": args.limit,
        "nl2bash_sample": args.nl2bash_sample if "nl2bash" in datasets else None,
        "concurrency": args.concurrency,
        "rps": args.rps or None,
        "execute": args.execute,
        "results_file": str(results_path),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        "seconds": round(time.time() - started, 2),
        "asked": outcome.asked,
        "reused": outcome.reused,
        "stopped": outcome.stopped,
        "interrupted": outcome.interrupted,
        "results": summaries,
        "overall": overall,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)
    if outcome.interrupted:
        print("interrupted: run the same command again to finish (finished items are kept)", file=sys.stderr)
        return 130
    if outcome.stopped:
        print(f"eval: stopped early — {outcome.stopped}; run again to retry", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluate nlshell on public NL→bash test sets.")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--offline", action="store_true", help="answer from the offline index")
    mode.add_argument("--model", metavar="MODEL", help="answer with nlshell's pipeline and this model")
    parser.add_argument(
        "--dataset",
        action="append",
        choices=(*DATASETS, "all"),
        help=f"repeatable; all = {', '.join(PUBLIC_DATASETS)}; default: all with --model, "
        f"{', '.join(DEFAULT_DATASETS)} offline",
    )
    parser.add_argument("--limit", type=int, help="first N queries of each dataset")
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    parser.add_argument(
        "--out", type=Path, help="JSON report (default: benchmarks/out/eval-offline.json or eval-<model>.json)"
    )
    parser.add_argument(
        "--nl2bash-sample", type=int, default=NL2BASH_SAMPLE, metavar="N", help="rows of the nl2bash dataset"
    )
    offline_options = parser.add_argument_group("offline mode")
    offline_options.add_argument("--tldr-only", action="store_true", help="index tldr pages only (no NL2Bash at all)")
    offline_options.add_argument(
        "--leak-threshold", type=float, default=LEAK_THRESHOLD, help="Jaccard at which NL2Bash rows are left out"
    )
    offline_options.add_argument("--no-man", action="store_true", help="ignore this machine's man page summaries")
    offline_options.add_argument("--no-perf", action="store_true", help="skip the build/latency measurement")
    offline_options.add_argument("--show-misses", type=int, default=0, metavar="N", help="print N misses per dataset")
    model_options = parser.add_argument_group("model mode")
    model_options.add_argument(
        "--base-url", help="OpenAI-compatible API base (default: OPENROUTER_BASE_URL, else OpenRouter)"
    )
    model_options.add_argument(
        "--key", help="API key (default: OPENROUTER_API_KEY, .env, keyring); other servers need none"
    )
    model_options.add_argument("--concurrency", type=int, default=4, metavar="N", help="requests in flight (default 4)")
    model_options.add_argument("--rps", type=float, default=0.0, metavar="R", help="start at most R requests a second")
    model_options.add_argument(
        "--results", type=Path, help="JSONL of finished items, to resume from (default: benchmarks/out/eval-<model>.jsonl)"
    )
    model_options.add_argument(
        "--fresh", action="store_true", help="delete the results file first: ask everything again"
    )
    model_options.add_argument(
        "--execute",
        action="store_true",
        help="also run answers nlshell rates safe, and safe gold commands, in throwaway dirs and compare stdout",
    )
    model_options.add_argument(
        "--offline-examples",
        choices=("on", "off"),
        help="A/B: give the model the offline index's best matches for each query, with NL2Bash rows that "
        "leak into the test queries left out (default: the config's [prompt] offline_examples, on)",
    )
    model_options.add_argument(
        "--max-api-errors",
        type=int,
        default=MAX_API_ERRORS_IN_A_ROW,
        metavar="N",
        help=f"stop after N API errors in a row (default {MAX_API_ERRORS_IN_A_ROW})",
    )
    args = parser.parse_args(argv)

    if not args.data_dir.is_dir():
        parser.error(f"bench data not found at {args.data_dir} (use --data-dir or NLSHELL_BENCH_DATA)")
    if args.model is not None:
        return run_model_mode(args, parser)
    return run_offline_mode(args)


def run_offline_mode(args: argparse.Namespace) -> int:
    datasets = list(dict.fromkeys(d for name in (args.dataset or DEFAULT_DATASETS)
                                  for d in (PUBLIC_DATASETS if name == "all" else (name,))))
    args.out = args.out or REPO / "benchmarks" / "out" / "eval-offline.json"
    results: list[DatasetResult] = []
    with tempfile.TemporaryDirectory(prefix="nlshell-eval-") as work_dir:
        answerer = OfflineAnswerer(
            args.data_dir, work_dir, tldr_only=args.tldr_only, man=not args.no_man, leak_threshold=args.leak_threshold
        )
        all_queries: list[str] = []
        for dataset in datasets:
            loader = LOADERS[dataset]
            if dataset == "nl2bash":
                loader = lambda data_dir: load_nl2bash_sample(data_dir, args.nl2bash_sample)  # noqa: E731
            queries = loader(args.data_dir)[: args.limit]
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
