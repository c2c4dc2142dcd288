"""The operation a request asks of a program, and the example that does it rather than another of
the same program's (nlshell/offline/operations.py, read by the ranking)."""

from __future__ import annotations

import pytest

from nlshell.offline.operations import asked_operations, other_operation
from nlshell.offline.vocabulary import vocabulary

from test_offline_answer import first  # noqa: E402  (the index fixture: tests/conftest.py)


@pytest.mark.parametrize(
    ("request_text", "asked"),
    [
        ("delete the container named web", {"remove"}),  # "delete" is remove, as the table says
        ("wipe the redis container", {"remove"}),
        ("kill all running docker containers", {"stop"}),
        ("bounce the ssh service", {"restart"}),
        ("set origin to https://example.com/x.git", {"set"}),
        ("rename branch dev to develop", {"rename", "move"}),
        ("list all docker images", set()),  # a look is said in too many words to judge
        ("make a folder called x", {"add"}),  # "make" is create, as the table says
        ("give sam the docker group", set()),  # a verb on no line is not judged
        ("the remote moved, point origin at https://example.com/x.git", {"set"}),  # each clause's verb
        ("pip is outdated, upgrade it", set()),  # "is" asks no look; "upgrade" none of the lines
    ],
)
def test_the_operations_a_request_asks(request_text, asked):
    assert asked_operations(request_text) == asked


@pytest.mark.parametrize(
    ("request_text", "description", "other"),
    [
        ("delete the stopped container named builder", "Start one or more stopped containers", True),
        ("delete the stopped container named builder", "Remove a stopped container", False),
        ("restart the web container", "Start or stop an existing container", True),  # both verbs do another
        ("restart the web container", "Restart a container", False),
        ("remove the merged branch spike", "Rename a branch", True),
        ("set origin to https://example.com/x.git", "Change the URL of a remote", False),
        ("set origin to https://example.com/x.git", "Add a remote", True),
        ("kill every running container", "List currently running Docker containers", True),  # a look is no kill
        ("kill every running container", "Stop one or more running containers", False),
        ("give sam the docker group", "Add a user to a group", False),  # "give": not judged
        # a description in the imperative says what it does by its first word, known to the table or not
        ("delete the stopped container named builder", "Export a container's filesystem as a .tar archive", True),
        ("delete the stopped container named builder", "Get into a running container", False),  # "get" does nothing
        ("stop the web container", "A container hangs, kill it", False),  # nor "a"
        ("delete the web container", "Forcefully remove a running container", False),  # the verb after the adverb
        ("restart the network manager", "Start/Stop/Restart/Reload service", False),  # one of a list
        ("reload the network manager", "Start/Stop a service", True),
        ("show the free memory every second", "Refresh the memory usage every 2 seconds", False),
        ("add a cron job, open the editor", "Edit the crontab", False),  # "open" asks none: not all known
        # making an archive is adding one, whether it is said "create" or "compress"
        ("create a .tar.xz of the docs dir", "Compress a folder into a tar.xz archive", False),
        ("compress the logs folder", "Extract a tar.xz file", True),
    ],
)
def test_an_example_of_another_operation_is_told_apart(request_text, description, other):
    assert other_operation(asked_operations(request_text), description) is other


def test_every_operation_verb_is_a_verb_of_the_table():
    table = vocabulary()
    verbs = {verb for role, listed in table.around.items() if role.startswith("operation:") for verb in listed}
    assert verbs and verbs <= table.change_verbs | table.read_verbs
    assert not verbs & set(table.same)  # canonical: requests and descriptions are read as the canonical word


@pytest.mark.parametrize(
    ("request_text", "commands"),
    [
        ("remove the stopped container called builder2", {"docker rm builder2", "docker container rm builder2"}),
        ("get rid of the docker container named cache01", {"docker rm cache01", "docker container rm cache01"}),
        ("rename branch dev to develop", {"git branch -m dev develop"}),
        # every one: the ids of all running ones where the example takes some (nlshell/offline/every.py)
        ("kill all running docker containers", {"docker container kill $(docker ps -q)", "docker kill $(docker ps -q)"}),
    ],
)
def test_the_example_that_does_the_operation_asked_comes_first(index, request_text, commands):
    assert first(index, request_text) in commands
