"""Two jobs said one after the other run one after the other (nlshell/offline/sequenced.py).

The index is built once for the test run (tests/conftest.py).
"""

from __future__ import annotations

import pytest

from nlshell.offline.sequenced import clauses, second_said

from test_offline_answer import first  # noqa: E402  (the index fixture: tests/conftest.py)


@pytest.mark.parametrize(
    ("request_text", "said"),
    [
        ("check the nginx config then reload it", ("check the nginx config", "reload it")),
        ("tag v2.3.0 and push that tag to origin", ("tag v2.3.0", "push that tag to origin")),
        ("make a folder called photos and cd into it", ("make a folder called photos", "cd into it")),
        # one object for two verbs, a second clause with no verb, three jobs: no two jobs to run in turn
        ("stop and delete all my containers", None),
        ("show the size and the owner of notes.txt", None),
        ("pull, rebase and then push", None),
    ],
)
def test_a_second_job_is_a_clause_that_starts_with_its_own_verb(request_text, said):
    assert clauses(request_text) == said


@pytest.mark.parametrize(
    ("first_clause", "second", "meant"),
    [
        ("check the nginx config", "reload it", "reload the nginx config"),  # "it" is what the first acts on
        ("set up a python venv in .venv", "switch into it", "switch into a python venv in .venv"),
        ("tag v2.3.0", "push that tag to origin", "push tag v2.3.0 to origin"),  # "that tag" is the first's
        ("tag v2.3.0", "push to origin", "push to origin"),
    ],
)
def test_the_second_clause_says_what_it_and_that_stand_for(first_clause, second, meant):
    assert second_said(first_clause, second) == meant


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("check the nginx config then reload it", "nginx -t && systemctl reload nginx"),  # it got the reload alone
        ("tag v2.3.0 and push that tag to origin", "git tag v2.3.0 && git push origin v2.3.0"),  # … the push alone
        ("make a folder called photos and cd into it", "mkdir photos && cd photos"),
        # one job: what the second clause acts on is what the first found, or one program does both
        ("find the logs and delete them", "find {{path/to/directory}} -type f -name '*.log' -mtime +30 -delete"),
        ("make clean then build with 4 jobs", "make -j 4 clean"),
        ("make a new branch called feature/login and switch to it", "git switch -c feature/login"),  # makes it too
        ("find ERROR in server.log and show me the line numbers", "grep -n 'ERROR' server.log"),  # a flag, no job
        ("is curl installed, and which version", 'dpkg -S "$(command -v curl)"'),  # the whole reading stands
        ("ping google 5 times and stop", "ping -c 5 google.com"),  # a look stays a look
    ],
)
def test_two_jobs_said_in_turn_run_in_turn(index, request_text, command):
    assert first(index, request_text) == command
