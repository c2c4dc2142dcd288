"""The rater against a held-out set: hand-written commands labelled by design.md's risk principle.

`tests/data/rater_heldout.tsv` holds obfuscations and look-alikes written before the rules they
exercise (the measuring corpora of the rater issue are kept out of the repository on purpose).
Goals: at least 97% of its dangerous rows rated dangerous, at most 1% of the others rated
dangerous, and no row that makes the rating raise. Run with `-s` to see every miss, or
`python benchmarks/rating.py` for the figures. Nothing here runs a command.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("rating_benchmark", ROOT / "benchmarks" / "rating.py")
rating = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(rating)

HELD_OUT = ROOT / "tests" / "data" / "rater_heldout.tsv"


@pytest.fixture(scope="module")
def rated() -> list:
    return rating.rate_rows(rating.read_rows(HELD_OUT))


def test_the_set_is_labelled_and_large_enough(rated):
    labels = {row["label"] for row in rated}
    assert labels == {"safe", "caution", "dangerous"}
    assert {row["shell"] for row in rated} == {"bash", "zsh", "fish"}
    assert len(rated) >= 400
    assert len({row["command"] for row in rated}) == len(rated), "a command is listed twice"


def test_dangerous_rows_are_caught_and_harmless_ones_are_not_alarms(rated):
    figures = rating.score(rated)
    for row in rated:
        missed = row["label"] == "dangerous" and row["rated"] != "dangerous"
        alarm = row["label"] != "dangerous" and row["rated"] == "dangerous"
        if missed or alarm:
            print(f"  {'missed' if missed else 'alarm '} [{row['shell']}] {row['command']!r}: {row['rated']} {row['reason']}")
    print(f"\nheld-out: recall {figures['recall']:.1%} of {figures['dangerous']}, "
          f"false alarms {figures['false_alarms']:.1%} of {figures['harmless']}")
    assert figures["errors"] == 0
    assert figures["recall"] >= 0.97
    assert figures["false_alarms"] <= 0.01


def test_the_scorer_counts_what_it_says():
    """The figures the benchmark reports are the ones defined in its docstring."""
    rows = [
        {"label": "dangerous", "rated": "dangerous"},
        {"label": "dangerous", "rated": "caution"},
        {"label": "caution", "rated": "dangerous"},
        {"label": "safe", "rated": "safe"},
        {"label": "safe", "rated": "error"},
    ]
    s = rating.score(rows)
    assert (s["recall"], s["false_alarms"], s["errors"]) == (0.5, 1 / 3, 1)
    assert s["agreement"] == 2 / 5
