"""Values said in shapes no value word introduces:
"to user deploy", "give sam sudo rights", "requests version 2.31", "hide the healthcheck lines",
"swap every foo for bar", "draft.txt should be called final.txt"."""

from __future__ import annotations

import pytest

from nlshell.offline.slots import placeholder_kind
from nlshell.offline.values import request_values


def kinds(request: str) -> list[tuple[str, str]]:
    return [(v.kind, v.text) for v in request_values(request)]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("change the owner of /srv/www to user deploy", [("path", "/srv/www"), ("user", "deploy")]),
        ("make the group of shared.txt be staff", [("file", "shared.txt"), ("group", "staff")]),
        ("make the owner of shared.txt be alice", [("file", "shared.txt"), ("user", "alice")]),
        ("recursively give alice ownership of project/", [("user", "alice"), ("dir", "project/")]),
        ("give sam sudo rights", [("user", "sam"), ("group", "sudo")]),
        ("give everyone read access to x.txt", [("file", "x.txt")]),  # "read" is no group
        ("pip install requests version 2.31", [("package", "requests"), ("version", "2.31")]),
        ("decode this base64 string aGVsbG8=", [("text", "aGVsbG8=")]),
        ("search for the string foo", [("pattern", "foo")]),  # looking for it: still a pattern
        ("hide the healthcheck lines when reading access.log", [("pattern", "healthcheck"), ("file", "access.log")]),
        ("hide the blank lines in a.txt", [("file", "a.txt")]),  # blank says which lines, not what they hold
        ("swap every foo for bar inside config.ini", [("pattern", "foo"), ("replacement", "bar"), ("file", "config.ini")]),
    ],
)
def test_values_said_in_shapes_no_value_word_introduces(request_text, expected):
    assert kinds(request_text) == expected


def test_a_new_name_said_with_should_be_called_is_where_a_rename_goes():
    values = request_values("draft.txt should be called final.txt")
    assert [(v.kind, v.text, v.role) for v in values] == [("file", "draft.txt", ""), ("file", "final.txt", "to")]
    made = request_values("make a folder called logs")
    assert [(v.kind, v.text, v.role) for v in made] == [("name", "logs", "name")]


def test_a_version_placeholder_takes_the_version():
    assert placeholder_kind("version") == "version"


@pytest.mark.parametrize(
    ("request_text", "printed"),
    [
        ("change the owner of /srv/www to user deploy", "sudo chown deploy /srv/www\n"),
        ("make the group of shared.txt be staff", "chgrp staff shared.txt\n"),
        ("recursively give alice ownership of project/", "sudo chown -R alice project/\n"),
        ("give sam sudo rights", "sudo usermod -aG sudo sam\n"),
        ("pip install requests version 2.31", "pip install requests==2.31\n"),
        ("decode this base64 string aGVsbG8=", "echo 'aGVsbG8=' | base64 -d\n"),
        ("hide the healthcheck lines when reading access.log", "grep -v 'healthcheck' access.log\n"),
        ("swap every foo for bar inside config.ini, in place", "sed -i 's/foo/bar/g' config.ini\n"),
        ("draft.txt should be called final.txt", "mv draft.txt final.txt\n"),
    ],
)
def test_the_cli_answers_them_offline(nlshell, request_text, printed):
    r = nlshell("-p", "--offline", request_text)
    assert (r.returncode, r.stdout) == (0, printed), r

