"""What a request says in place of an example's own literals: the pair it replaces ("replace every
http:// with https://"), the signal it sends, the encoded text it decodes, the format it converts
into, the folder it moves into (pure, and through the CLI)."""

from __future__ import annotations

import subprocess

import pytest

from nlshell.offline.slots import fill
from nlshell.offline.values import request_values

SED = "sed -i 's/{{search_pattern}}/{{replacement}}/g' {{path/to/file}}"


def read(request: str) -> list[tuple[str, str, str]]:
    return [(v.kind, v.text, v.role) for v in request_values(request)]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("replace every http:// with https:// in links.txt", [("pattern", "http://", ""), ("replacement", "https://", ""),
                                                               ("file", "links.txt", "in")]),
        ("replace cat with dog in pets.txt", [("pattern", "cat", ""), ("replacement", "dog", ""), ("file", "pets.txt", "in")]),
        ("substitute 'foo bar' by baz in x.txt", [("pattern", "foo bar", ""), ("replacement", "baz", ""), ("file", "x.txt", "in")]),
        ("swap every foo for bar in a.txt", [("pattern", "foo", ""), ("replacement", "bar", ""), ("file", "a.txt", "in")]),
    ],
)
def test_what_is_replaced_and_by_what_is_any_text(request_text, expected):
    assert read(request_text) == expected


def test_slashes_and_ampersands_are_escaped_inside_seds_expression(tmp_path):
    command = fill(SED, request_values("replace every http:// with https:// in links.txt")).command
    assert command == r"sed -i 's/http:\/\//https:\/\//g' links.txt"
    (tmp_path / "links.txt").write_text("http://a.example and http://b.example\n")
    subprocess.run(command, shell=True, cwd=tmp_path, check=True, timeout=10)
    assert (tmp_path / "links.txt").read_text() == "https://a.example and https://b.example\n"
    command = fill(SED, request_values("replace and with a&b in notes.txt")).command
    assert command == r"sed -i 's/and/a\&b/g' notes.txt"  # `&` alone would write the match again


@pytest.mark.parametrize(
    ("request_text", "signal"),
    [("send a HUP to process 777", "HUP"), ("send sigterm to process 4242", "TERM"), ("send the usr1 signal to 99", "USR1")],
)
def test_a_signal_is_read_by_its_name(request_text, signal):
    assert read(request_text)[0] == ("signal", signal, "")


def test_a_word_that_is_also_a_signals_name_is_no_signal():
    assert "signal" not in {kind for kind, *_ in read("stop the nginx service")}


@pytest.mark.parametrize(
    ("command", "description", "expected"),
    [
        ("kill -STOP {{pid}}", "Pause a running process", "kill -HUP 777"),
        ("kill -9 {{pid}}", "Force a stuck process to quit", "kill -HUP 777"),
        ("kill -s KILL {{pid}}", "Kill a process", "kill -s HUP 777"),
        ("kill {{pid}}", "Stop a process", "kill 777"),  # an example without a signal of its own keeps none
    ],
)
def test_the_signal_a_kill_sends_is_the_one_the_request_names(command, description, expected):
    assert fill(command, request_values("send a HUP to process 777"), description).command == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("decode this base64: aGVsbG8=", [("text", "aGVsbG8=", "")]),
        ("base64 decode SGVsbG8gd29ybGQ", [("text", "SGVsbG8gd29ybGQ", "")]),
        ("base64 encode secret.txt", [("file", "secret.txt", "")]),  # a file, not a text
        ("decode the base64 in token.b64", [("file", "token.b64", "in")]),
    ],
)
def test_encoded_text_after_the_word_of_its_encoding(request_text, expected):
    assert read(request_text) == expected


def test_encoded_text_goes_where_the_example_echoes_it():
    assert fill("echo '{{text}}' | base64 -d", request_values("decode this base64: aGVsbG8=")).command == (
        "echo 'aGVsbG8=' | base64 -d"
    )


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("convert report.md into pdf", [("file", "report.md", ""), ("file", "report.pdf", "to")]),
        ("move notes.txt into archive", [("file", "notes.txt", ""), ("path", "archive", "to")]),
        ("copy a.txt into backup", [("file", "a.txt", ""), ("path", "backup", "to")]),  # a folder, not `a.bak`
    ],
)
def test_what_a_request_converts_or_moves_into(request_text, expected):
    assert read(request_text) == expected


def test_the_folder_moved_into_replaces_the_examples_own():
    values = request_values("move notes.txt into archive")
    assert fill("mv {{path/to/file}} {{path/to/target_directory}}", values).command == "mv notes.txt archive"
    assert fill("pandoc {{path/to/input.md}} -o {{path/to/output.pdf}}", request_values("convert report.md into pdf")).command == (
        "pandoc report.md -o report.pdf"
    )


@pytest.mark.parametrize(
    ("request_text", "printed"),
    [
        ("replace every http:// with https:// in links.txt", "sed -i 's/http:\\/\\//https:\\/\\//g' links.txt\n"),
        ("send a HUP to process 777", "kill -HUP 777\n"),
        ("decode this base64: aGVsbG8=", "echo 'aGVsbG8=' | base64 -d\n"),
        ("convert report.md into pdf", "pandoc report.md -o report.pdf\n"),
        ("move notes.txt into archive", "mv notes.txt archive\n"),
    ],
)
def test_the_cli_puts_the_requests_literals_in_place_of_the_examples(nlshell, request_text, printed):
    r = nlshell("-p", "--offline", request_text)
    assert (r.returncode, r.stdout) == (0, printed), r
