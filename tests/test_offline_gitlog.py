"""The commits a request asks `git log` for: its filters, each from its own words
(nlshell/offline/gitlog.py)."""

import pytest

from nlshell.offline.gitlog import filtered, filters
from test_offline_answer import first  # noqa: E402  (the index fixture: tests/conftest.py)


@pytest.mark.parametrize(
    ("request_text", "wanted"),
    [
        ("commits by maria since monday", ["--author=maria", "--since=monday"]),
        ("alice's commits from the last week", ["--author=alice", "--since='1 week ago'"]),
        ("find the commit whose message mentions payment timeout", ["--grep='payment timeout'"]),
        ("find the commit where parse_headers got removed", ["-S", "parse_headers"]),
        ("commits on feature/payments that aren't in main yet", ["main..feature/payments"]),
        ("show commits on my branch that aren't on main yet", ["main..HEAD"]),
        ("commits since last week by the way", ["--since='last week'"]),  # "by the" names no author
        ("show the last 3 commits", []),
        ("remove the file since monday", []),  # no commits asked for
    ],
)
def test_the_filters_a_request_says(request_text, wanted):
    assert filters(request_text) == wanted


def test_the_examples_own_filter_goes_and_its_way_of_showing_stays():
    assert filtered("git log --since=yesterday", "commits by maria since monday") == "git log --oneline --author=maria --since=monday"
    assert filtered("git log -p -n 3", "commits by maria") == "git log -p -n 3 --author=maria"
    assert filtered("git log --oneline | head", "commits by maria") == "git log --oneline | head"  # one command only
    assert filtered("git shortlog -sn", "who committed the most since january") == "git shortlog -sn"


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("commits by maria since monday", "git log --oneline --author=maria --since=monday"),  # it got `--since=yesterday`
        ("commits on feature/payments that aren't in main yet", "git log --oneline main..feature/payments"),
        ("find the commit where parse_headers got removed", "git log --oneline -S parse_headers"),
    ],
)
def test_answers_ask_git_log_for_those_commits(index, request_text, command):
    assert first(index, request_text) == command
