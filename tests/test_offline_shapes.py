"""Misspelt verbs beside a program's name, and values said in shapes no value word introduces:
"to user deploy", "give sam sudo rights", "requests version 2.31", "hide the healthcheck lines",
"swap every foo for bar", "draft.txt should be called final.txt"."""

from __future__ import annotations

import pytest

from nlshell.offline import rank
from nlshell.offline.answer import answers
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
        ("pip install requests version 2.31", [("package", "requests")]),  # its version beside it: `requests==2.31`
        ("decode this base64 string aGVsbG8=", [("text", "aGVsbG8=")]),
        ("search for the string foo", [("pattern", "foo")]),  # looking for it: still a pattern
        ("hide the healthcheck lines when reading access.log", [("pattern", "healthcheck"), ("file", "access.log")]),
        ("hide the blank lines in a.txt", [("file", "a.txt")]),  # blank says which lines, not what they hold
        ("swap every foo for bar inside config.ini", [("pattern", "foo"), ("replacement", "bar"), ("file", "config.ini")]),
    ],
)
def test_values_said_in_shapes_no_value_word_introduces(request_text, expected):
    assert kinds(request_text) == expected


def test_a_version_said_after_its_word_stays_with_its_package():
    (package,) = request_values("pip install requests version 2.31")
    assert (package.text, package.version) == ("requests", "2.31")


def test_a_new_name_said_with_should_be_called_is_where_a_rename_goes():
    values = request_values("draft.txt should be called final.txt")
    assert [(v.kind, v.text, v.role) for v in values] == [("file", "draft.txt", ""), ("file", "final.txt", "to")]
    made = request_values("make a folder called logs")
    assert [(v.kind, v.text, v.role) for v in made] == [("name", "logs", "name")]


def test_a_version_placeholder_takes_the_version():
    assert placeholder_kind("version") == "version"


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("instal htop", "sudo apt install htop"),  # was `htop`: the program, not the install
        ("uninstal vlc", "sudo apt remove vlc"),  # was a `vlc` row
        ("instal ffmpeg", "sudo apt install ffmpeg"),  # was a yum install of one rpm file
        ("restart ngnix", "service nginx restart"),  # the service's name one edit from nginx
        ("kill fierfox", "killall firefox"),
        ("make a lowercase copy of shout.txt called quiet.txt", "tr '[:upper:]' '[:lower:]' < shout.txt > quiet.txt"),
    ],
)
def test_a_misspelt_verb_or_program_beside_a_program_is_read_as_meant(index, request_text, command):
    assert answers(index, request_text)[0].command == command


def test_a_misspelt_service_is_corrected_only_to_a_program_with_a_page(index):
    read = rank.read_request(index, "restart ngnix")
    assert [(v.kind, v.text) for v in read.values] == [("action", "restart"), ("service", "nginx")]
    known = rank.read_request(index, "restart the zorblax service")
    assert [(v.kind, v.text) for v in known.values] == [("action", "restart"), ("service", "zorblax")]


@pytest.mark.parametrize(
    ("request_text", "printed"),
    [
        ("restart ngnix", "service nginx restart\n"),
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


@pytest.mark.parametrize(("misspelt", "spelt"), [("instal htop", "install htop"), ("uninstal vlc", "uninstall vlc")])
def test_the_cli_reads_a_misspelt_verb_beside_a_program_as_the_verb(nlshell, misspelt, spelt):
    """Which installer answers depends on the programs installed here; the misspelling must not
    change it, nor answer with the program itself (`htop`)."""
    wrong, right = nlshell("-p", "--offline", misspelt), nlshell("-p", "--offline", spelt)
    assert (wrong.returncode, wrong.stdout) == (0, right.stdout), wrong
    words = wrong.stdout.split()
    assert words[0] != misspelt.split()[1] and {"install", "uninstall", "remove"} & set(words), wrong
