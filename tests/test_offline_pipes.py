"""A look's filters composed after a program's output (nlshell/offline/pipes.py), every one of a
kind filled in where a command takes one (every.py), and files of a type that hold a text (holds.py)."""

from __future__ import annotations

import pytest

from nlshell.offline.every import every_filled
from nlshell.offline.holds import files_holding, lines_holding
from nlshell.offline.intent import READ
from nlshell.offline.offered import OfflineAnswer
from nlshell.offline.pipes import COUNT, EXCLUDE, FIELD, MATCH, read_filters
from nlshell.offline.rank import OfflineHit
from nlshell.offline.rating import risk_of
from nlshell.offline.top import asked_count, topped

from test_offline_answer import first  # noqa: E402  (the index fixture: tests/conftest.py)


@pytest.mark.parametrize(
    ("request_text", "stages", "rest"),
    [
        ("kernel messages about usb", [(MATCH, "usb")], "kernel messages"),
        ("running processes with python in them", [(MATCH, "python")], "running processes"),
        ("lines in access.log containing 404 but not favicon", [(MATCH, "404"), (EXCLUDE, "favicon")], "lines in access.log"),
        ("errors in app.log except the deprecation warnings", [(EXCLUDE, "deprecation")], "errors in app.log"),
        ("lines of app.log without the word debug", [(EXCLUDE, "debug")], "lines of app.log"),
        ("lines in access.log that don't have 200 in them", [(EXCLUDE, "200")], "lines in access.log that in them"),
        ("how many lines in access.log have 500", [(COUNT, "lines"), (MATCH, "500")], "list lines in access.log"),
        ("how many files are in ~/Downloads", [(COUNT, "files")], "list files are in ~/Downloads"),
        ("get https://api.github.com/users/octocat and show only the login", [(FIELD, ".login")],
         "get https://api.github.com/users/octocat and show"),
        # lines picked by a word, or by their level, are lines that say it (it was the JSON field .ERROR.lines)
        ("watch app.log live but only the ERROR lines", [(MATCH, "ERROR")], "watch app.log live"),
        ("follow app.log but just the errors", [(MATCH, "error")], "follow app.log"),
    ],
)
def test_the_filter_words_are_read_as_stages(request_text, stages, rest):
    filters = read_filters(request_text)
    assert [(stage.kind, stage.text) for stage in filters.stages] == stages
    assert filters.without(filters.stages) == rest


@pytest.mark.parametrize(
    "request_text",
    ["whats inside archive.tar without unpacking it", "read syslog.2.gz without unzipping it",
     "show guests.txt sorted a-z without repeats", "which lines in app.log mention error, ignoring case"],
)
def test_how_to_do_it_is_no_text_to_leave_out(request_text):
    """"without unpacking it" got `grep -v unpacking archive.tar`; "ignoring case" is `grep -i`."""
    filters = read_filters(request_text)
    assert filters is None or EXCLUDE not in [stage.kind for stage in filters.stages]


@pytest.mark.parametrize("request_text", ["how many MB is node_modules now", "how many gigs is my home folder"])
def test_how_many_of_a_size_unit_counts_nothing(request_text):
    """"how many MB is node_modules" got `ls -lh node_modules | wc -l`: it asks a size."""
    filters = read_filters(request_text)
    assert filters is None or COUNT not in [stage.kind for stage in filters.stages]


def test_a_kind_of_line_excluded_is_its_pattern():
    (stage,) = read_filters("print config.ini with no comments and blank lines").stages
    assert stage.kind == EXCLUDE and stage.lines == (r"^\s*#", r"^\s*$")


@pytest.mark.parametrize(
    "request_text",
    ["about this computer", "list files", "make a folder called photos", "what is using port 8080"],
)
def test_no_filter_is_read_where_none_is_said(request_text):
    assert read_filters(request_text) is None


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("kernel messages about usb", "dmesg | grep -i usb"),
        ("environment variables about java", "printenv | grep -i java"),
        ("lines in access.log containing 404 but not favicon", "grep -i 404 access.log | grep -v favicon"),
        ("lines in server.log with timeout but not retry", "grep -i timeout server.log | grep -v retry"),
        ("show /etc/ssh/sshd_config minus the comment lines", r"grep -v '^\s*#' /etc/ssh/sshd_config"),
        ("how many files are in ~/Downloads", "find ~/Downloads -type f | wc -l"),  # a home folder said whole is a folder
        ("get https://api.github.com/users/octocat and show only the login",
         "curl -s https://api.github.com/users/octocat | jq -r .login"),
        # a file followed keeps following: the filter goes after `tail -f`, not a `grep` of the old lines
        ("watch app.log live but only the ERROR lines", "tail -f app.log | grep --line-buffered 'ERROR'"),  # a reviewed row
        ("last 100 lines of app.log containing timeout", "tail -n 100 app.log | grep -i timeout"),
        # a template that says the text keeps other lines too (`sed -n '/ERROR/,/{{end_pattern}}/p'`)
        ("show only the ERROR lines of app.log", "grep -i ERROR app.log"),
    ],
)
def test_a_stage_the_answer_does_not_do_follows_it(index, request_text, command):
    assert first(index, request_text) == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("lines in /var/log/syslog mentioning cron", "grep 'cron' /var/log/syslog"),  # the example does it
        ("how many lines mention error in app.log", "grep -c 'error' app.log"),
    ],
)
def test_an_answer_that_does_the_stage_stays(index, request_text, command):
    assert first(index, request_text) == command


@pytest.mark.parametrize(
    "request_text",
    ["kernel messages about usb", "how many files are in ~/Downloads", "show /etc/fstab minus comment lines",
     "lines in server.log with timeout but not retry", "installed packages mentioning python"],
)
def test_a_look_with_a_filter_stays_safe(index, request_text):
    assert risk_of(first(index, request_text))[0] == "safe"


def test_a_change_gets_no_filter(index):
    assert "grep" not in first(index, "delete all the logs except today's")


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("stop every running container", "docker stop $(docker ps -q)"),
        ("delete every docker image", "docker rmi $(docker images -q)"),
        ("remove every stopped docker container", "docker rm $(docker ps -aq --filter status=exited)"),
    ],
)
def test_every_one_of_a_kind_fills_the_placeholder_for_one(index, request_text, command):
    assert first(index, request_text) == command


def _answer(command: str) -> OfflineAnswer:
    return OfflineAnswer(OfflineHit(command, "", "nlshell", command.split()[0], 1.0), READ, None)


def test_only_a_placeholder_for_the_thing_said_with_every_is_filled():
    found = [_answer("docker stop {{container_name}}")]
    assert every_filled("stop the container web", found)[0].hit.command == "docker stop {{container_name}}"
    assert every_filled("stop all containers", found)[0].hit.command == "docker stop $(docker ps -q)"
    assert every_filled("stop all images", found)[0].hit.command == "docker stop {{container_name}}"


@pytest.mark.parametrize(
    ("request_text", "search"),
    [
        ("which .py files import requests", ("*.py", "import requests", ".")),
        ("which js files use lodash", ("*.js", "lodash", ".")),
        ("what python files in src mention TODO", ("*.py", "TODO", "src")),
        ("which py files in this project import requests", ("*.py", "import requests", ".")),  # every word of "here"
        ("any js files in the current directory still use moment", ("*.js", "moment", ".")),
        ("list files in src", None),
        ("which files are biggest", None),
        # files of no type, asked of a text said as one (it had no answer)
        ("which file in src has apiKey in it", ("", "apiKey", "src")),
        ("what files mention MAX_RETRIES", ("", "MAX_RETRIES", ".")),
        ("which files have the most lines", None),  # a property, no text
        ("which files mention postgres", None),  # a plain word may be the job's own
    ],
)
def test_which_files_of_a_type_hold_a_text(request_text, search):
    assert files_holding(request_text) == search


def test_files_holding_a_text_are_grepped(index):
    assert first(index, "which .py files import requests") == "grep -rl --include='*.py' 'import requests' ."
    assert first(index, "which file in src has apiKey in it") == "grep -rl apiKey src"


@pytest.mark.parametrize(
    ("request_text", "search"),
    [
        ("which line numbers in app.py import requests", (None, "import requests", "app.py")),
        ("show the lines in src/app.py that import os", (None, "import os", "src/app.py")),
        ("lines in main.go that call panic", (None, "panic", "main.go")),
        ("which lines of app.log have the most words", None),  # a property, no text
        ("show the lines of the log", None),  # no one file by its name
    ],
)
def test_which_lines_of_a_file_hold_a_text(request_text, search):
    assert lines_holding(request_text) == search


def test_lines_holding_a_text_are_grepped_with_their_numbers(index):
    # was `grep -n '{{search_pattern}}' app.py`: "import" read as the job, the text left open
    assert first(index, "which line numbers in app.py import requests") == "grep -n 'import requests' app.py"


@pytest.mark.parametrize(
    ("request_text", "count"),
    [("top 3 biggest directories in /home", "3"), ("the 5 largest files", "5"), ("biggest five files here", "5"),
     ("show the first lines of app.log", ""), ("the biggest file here", ""), ("files older than 3 days", "")],
)
def test_a_number_beside_an_order_word_is_how_many(request_text, count):
    assert asked_count(request_text) == count


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("top 3 biggest directories in /home", "du -h --max-depth=1 /home | sort -rh | head -n 3"),  # its own was 10
        ("the 5 biggest folders here", "du -h --max-depth=1 . | sort -rh | head -n 5"),
        ("top 3 memory hogs", "ps aux --sort=-%mem | head -n 3"),
    ],
)
def test_a_sorted_listing_is_cut_to_the_count_asked(index, request_text, command):
    assert first(index, request_text) == command


def test_a_command_that_does_not_sort_is_not_cut():
    found = [_answer("ls ~/Downloads")]
    assert topped("top 3 files in ~/Downloads", found)[0].hit.command == "ls ~/Downloads"
    found = [_answer("ls -S ~/Downloads")]
    assert topped("top 3 files in ~/Downloads", found)[0].hit.command == "ls -S ~/Downloads | head -n 3"
