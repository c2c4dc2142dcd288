"""A grep over a type's glob searches below its folder when the request says so (nlshell/offline/descended.py)."""

import pytest

from nlshell.offline.descended import descended


@pytest.mark.parametrize(
    ("command", "request_text", "searched"),
    [
        # `*.py` is the top folder's files only: "in the repo" is all of it
        ("grep -n 'TODO' *.py", "grep TODO in every python file in the repo, with line numbers",
         "grep -rn --include='*.py' 'TODO' ."),
        ("grep -n 'TODO' src/*.py", "find every TODO in the python files under src, with line numbers",
         "grep -rn --include='*.py' 'TODO' src"),
        ("sudo grep -i 'foo' /etc/*.conf", "search the conf files below /etc for foo",
         "sudo grep -ri --include='*.conf' 'foo' /etc"),
        ("grep -e 'a' *.py", "lines with a in python files in subfolders too", "grep -r --include='*.py' -e 'a' ."),
    ],
)
def test_a_search_said_to_go_down_the_tree_is_recursive(command, request_text, searched):
    assert descended(command, request_text) == searched


@pytest.mark.parametrize(
    ("command", "request_text"),
    [
        ("grep 'x' *.py", "grep x in the python files here"),  # no word says below
        ("grep -rn 'x' *.py", "grep x in python files in the repo"),  # recursive already
        ("grep 'x' notes.txt", "grep x in notes.txt under docs"),  # one file, no glob of a type
        ("grep 'x' *.py | wc -l", "count x in python files in the repo"),  # a pipeline: left as said
        ("rg 'x' -g '*.py'", "search python files in the repo for x"),  # rg goes down by itself
    ],
)
def test_otherwise_the_command_is_left_as_it_is(command, request_text):
    assert descended(command, request_text) == command
