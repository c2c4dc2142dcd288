"""Validation and risk rating measured on the public corpora (see bench-data/README.md).

Run with `-s` to see the per-category numbers. Nothing is written to disk.

Goals (design.md, "Risk levels"): the `shell-core` rows of dangerous/commands.tsv rated dangerous
>= 98%; `policy-strict` rows at least caution >= 98%; <= 2% of the dcg `allow` rows rated
dangerous. Rows the design's principle judges otherwise are left out, each listed with its reason
in tests/data/risk_exclusions.tsv, and that list must stay small and current.
"""

from __future__ import annotations

import collections
import csv
import json
import subprocess
from pathlib import Path

import pytest

from nlshell.assess import assess
from nlshell.placeholders import is_template
from nlshell.risk import CAUTION, DANGEROUS, SAFE, rate
from nlshell.shell.parser import parse

EXCLUSIONS = Path(__file__).resolve().parent / "data" / "risk_exclusions.tsv"
_LEVEL = {SAFE: 0, CAUTION: 1, DANGEROUS: 2}


def _everything_installed(name: str) -> str:
    return "/usr/bin/" + name


def _jsonl(path: Path) -> list:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _exclusions() -> list:
    rows = []
    with EXCLUSIONS.open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        rows.append(row)
    return rows


def _excluded(corpus: str) -> set:
    return {row["command"] for row in _exclusions() if row["corpus"] == corpus}


def _bash_accepts(command: str) -> bool:
    proc = subprocess.run(
        ["bash", "-n", "-c", command],
        capture_output=True,
        timeout=10,
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"},
    )
    return proc.returncode == 0


# --- tldr: validity ----------------------------------------------------------------------------


@pytest.mark.slow
def test_tldr_commands_that_bash_accepts_are_valid(bench_data):
    with (bench_data / "tldr" / "examples.tsv").open(encoding="utf-8") as f:
        commands = [
            row["command_filled"] for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]
    assert len(commands) > 20000

    invalid, flagged_but_valid, crashed, templates = [], [], [], []
    risks = collections.Counter()
    for command in commands:
        try:
            a = assess(command, which=_everything_installed)
        except Exception as exc:  # noqa: BLE001 - every command must be judged, none may crash
            crashed.append((command, repr(exc)))
            continue
        risks[a.risk] += 1
        if is_template(a.problems):
            templates.append(command)  # placeholder words left in (tests/test_placeholders.py lists them)
        elif not a.valid:
            invalid.append(command)
        elif parse(command).root_node.has_error:
            flagged_but_valid.append(command)

    # bash -n runs only on the few commands tree-sitter flags, independently of validate().
    wrongly_invalid = [c for c in invalid if _bash_accepts(c)]
    wrongly_valid = [c for c in flagged_but_valid if not _bash_accepts(c)]
    print(
        f"\ntldr: {len(commands)} commands, {len(invalid)} invalid (bash -n agrees), {len(flagged_but_valid)} tree-sitter errors that bash accepts"
    )
    print(f"tldr risk: {dict(risks)}; {len(templates)} still read as templates")
    assert crashed == []
    # Keys tldr shows as <q> or <Enter> and its own placeholder words: 206 of 29,496 rows.
    assert len(templates) < 0.01 * len(commands)
    assert wrongly_invalid == [], wrongly_invalid[:10]
    assert wrongly_valid == [], wrongly_valid[:10]
    assert len(invalid) < 0.02 * len(commands)


# --- dangerous/commands.tsv ---------------------------------------------------------------------


def test_dangerous_commands_by_scope_and_category(bench_data):
    rows = _jsonl(bench_data / "dangerous" / "commands.jsonl")
    excluded = _excluded("commands.tsv")
    table = collections.defaultdict(lambda: collections.Counter())
    misses = collections.defaultdict(list)
    for row in rows:
        key = (row["scope"], row["category"])
        risk = rate(row["command"]).risk
        if row["command"] in excluded:
            table[key]["excluded"] += 1
            continue
        table[key]["rows"] += 1
        table[key][risk] += 1
        goal_met = risk == DANGEROUS if row["scope"] == "shell-core" else _LEVEL[risk] >= _LEVEL[CAUTION]
        if not goal_met:
            misses[row["scope"]].append((risk, row["command"]))

    print("\nscope          category      rows  dangerous  caution  safe  excluded")
    totals = collections.defaultdict(lambda: collections.Counter())
    for (scope, category), c in sorted(table.items()):
        print(
            f"{scope:14} {category:12} {c['rows']:5} {c[DANGEROUS]:10} {c[CAUTION]:8} {c[SAFE]:5} {c['excluded']:9}"
        )
        totals[scope].update(c)
    for scope, c in sorted(totals.items()):
        print(
            f"{scope:14} {'(all)':12} {c['rows']:5} {c[DANGEROUS]:10} {c[CAUTION]:8} {c[SAFE]:5} {c['excluded']:9}"
        )
    for scope, rows_missed in misses.items():
        for risk, command in rows_missed:
            print(f"  below goal [{scope}] {risk}: {command!r}")

    core = totals["shell-core"]
    recall = core[DANGEROUS] / core["rows"]
    print(f"shell-core rated dangerous: {recall:.1%} of {core['rows']} scored rows")
    assert recall >= 0.98

    strict = totals["policy-strict"]
    at_least_caution = (strict[DANGEROUS] + strict[CAUTION]) / strict["rows"]
    print(f"policy-strict at least caution: {at_least_caution:.1%}")
    assert at_least_caution >= 0.98

    # Reported, not scored; a loose floor keeps obvious cloud destruction from slipping to "safe".
    cloud = totals["cloud-saas"]
    cloud_flagged = (cloud[DANGEROUS] + cloud[CAUTION]) / cloud["rows"]
    print(f"cloud-saas at least caution: {cloud_flagged:.1%} (dangerous {cloud[DANGEROUS]}/{cloud['rows']})")
    assert cloud_flagged >= 0.90


# --- dcg corpus: hard negatives ------------------------------------------------------------------


def test_dcg_allow_rows_are_rarely_dangerous(bench_data):
    rows = _jsonl(bench_data / "dangerous" / "dcg_corpus.jsonl")
    excluded = _excluded("dcg_corpus.tsv")
    allow = [r for r in rows if r["expected"] == "allow" and r["command"] not in excluded]
    deny = [r for r in rows if r["expected"] == "deny"]
    allow_risks = collections.Counter()
    false_positives = []
    for row in allow:
        rating = rate(row["command"])
        allow_risks[rating.risk] += 1
        if rating.risk == DANGEROUS:
            false_positives.append((row["command"][:80], rating.reasons[:1]))
    deny_risks = collections.Counter(rate(r["command"]).risk for r in deny)
    rate_fp = len(false_positives) / len(allow)
    print(f"\ndcg allow: {len(allow)} scored rows, {dict(allow_risks)}; dangerous {rate_fp:.1%}")
    for fp in false_positives:
        print(f"  false positive: {fp}")
    print(
        f"dcg deny (reported): {len(deny)} rows, {dict(deny_risks)}; dangerous {deny_risks[DANGEROUS] / len(deny):.1%}"
    )
    assert rate_fp <= 0.02


# --- the exclusion list --------------------------------------------------------------------------


def test_exclusions_are_few_real_and_current(bench_data):
    exclusions = _exclusions()
    corpora = {
        "commands.tsv": {
            r["command"]
            for r in _jsonl(bench_data / "dangerous" / "commands.jsonl")
            if r["scope"] == "shell-core"
        },
        "dcg_corpus.tsv": {
            r["command"]
            for r in _jsonl(bench_data / "dangerous" / "dcg_corpus.jsonl")
            if r["expected"] == "allow"
        },
    }
    scored = len(corpora["commands.tsv"]) + len(corpora["dcg_corpus.tsv"])
    assert exclusions, "an empty list should be deleted, not kept"
    assert len(exclusions) <= 0.05 * scored, f"{len(exclusions)} exclusions for {scored} scored rows"
    for row in exclusions:
        assert row["reason"].strip(), row
        assert row["command"] in corpora[row["corpus"]], (
            f"not a scored row of {row['corpus']}: {row['command']!r}"
        )
        assert rate(row["command"]).risk == row["rated"], (
            f"rating changed for {row['command']!r}: update or drop the exclusion"
        )
