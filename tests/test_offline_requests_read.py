"""Every request of the public corpora is read without an error: the value readers take numbers,
ranges, times and paths apart by hand, and one shape they did not foresee ("2-5 minutes") once
crashed the offline answer."""

from __future__ import annotations

import json

import pytest

from nlshell.offline.intent import intent
from nlshell.offline.searched import without_values
from nlshell.offline.values import request_values
from nlshell.offline.vocabulary import query_terms


def corpus_requests(bench_data) -> list[str]:
    requests = (bench_data / "nl2bash" / "all.nl").read_text(encoding="utf-8").splitlines()
    for path in sorted((bench_data / "nl2sh-alfa").rglob("*.json")):
        requests += [item["query"] for item in json.loads(path.read_text(encoding="utf-8")) if isinstance(item, dict) and "query" in item]
    return [r for r in requests if r.strip()]


@pytest.mark.e2e
def test_every_corpus_request_is_read_without_an_error(bench_data):
    requests = corpus_requests(bench_data)
    assert len(requests) > 10_000
    for request in requests:
        values = request_values(request)
        query_terms(without_values(request, values))
        intent(request)
