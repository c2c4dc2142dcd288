"""Values said in words no digit-reader sees: arithmetic said verb first ("multiply 12 by 12"),
amounts said as words ("a couple of seconds", "half an hour", "a dozen"), a month with its year
("march 2025") and a bare number that the words around it make a port ("is 5432 open").

The readers are nlshell/offline/arithmetic.py, amounts.py and months.py; the answers come from the
session's index (tests/conftest.py) and the CLI.
"""

from __future__ import annotations

import pytest

from nlshell.offline.answer import answers
from nlshell.offline.slots import fill
from nlshell.offline.values import request_values
from test_offline_values import everyday, kinds


# -- arithmetic said in words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("multiply 12 by 12", "12*12"),
        ("add 45 and 98", "45+98"),
        ("add 7 to 5", "7+5"),
        ("the sum of 4 and 11", "4+11"),
        ("divide 1234 by 7", "1234/7"),
        ("subtract 18 from 250", "250-18"),  # the number taken away is said first
        ("take 3 from 10", "10-3"),
        ("15 percent of 80", "15*80/100"),
        ("15 per cent of 80", "15*80/100"),
        ("what is 3 squared", "3^2"),
        ("2 cubed", "2^3"),
        ("what's 2 to the power 32", "2^32"),
        ("square root of 144", "sqrt(144)"),
    ],
)
def test_arithmetic_said_in_words_is_one_expression(request_text, expected):
    assert kinds(request_text) == [("expression", expected)]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("add the file a.txt to git", [("file", "a.txt")]),  # "add" with no numbers is no sum
        ("multiply the columns by 2", [("number", "2")]),
        ("15 percent", [("number", "15")]),
        ("add 45 to the list", [("number", "45")]),
    ],
)
def test_a_verb_of_arithmetic_without_two_numbers_is_no_expression(request_text, expected):
    assert kinds(request_text) == expected


def test_only_bc_takes_a_square_root():
    """The shell's `$((…))` has no sqrt: the expression fills bc's placeholder and never the shell's."""
    (root,) = request_values("square root of 144", known=everyday)
    assert fill("echo '{{expression}}' | bc -l", [root]).command == "echo 'sqrt(144)' | bc -l"
    assert fill("echo $(({{expression}}))", [root]).command == "echo $(({{expression}}))"


# -- amounts said as words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "seconds"),
    [
        ("run uptime every couple of seconds", 2),
        ("sleep a couple of seconds", 2),
        ("wait a couple of minutes", 120),
        ("sleep half an hour", 1800),
        ("pause for half a minute", 30),
        ("watch df every second", 1),
    ],
)
def test_a_length_of_time_said_in_words(request_text, seconds):
    (said,) = request_values(request_text, known=everyday)
    assert (said.kind, said.text, said.seconds) == ("seconds", str(seconds), seconds)


def test_an_age_said_in_words_keeps_its_direction():
    (age,) = request_values("files older than a couple of days", known=everyday)
    assert (age.kind, age.text, age.seconds) == ("age", "+", 2 * 86400)


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("the last dozen lines of log.txt", [("count", "12"), ("file", "log.txt")]),
        ("ping example.org a couple of times", [("host", "example.org"), ("count", "2")]),
        ("show a couple of lines", [("count", "2")]),
    ],
)
def test_a_count_said_in_words(request_text, expected):
    assert kinds(request_text) == expected


def test_every_minute_stays_a_schedule_not_a_second():
    """"every minute" is cron's `* * * * *` (clock.py); only units under a minute are read here."""
    assert "seconds" not in [kind for kind, _ in kinds("run backup.sh every minute")]


# -- a month with its year ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("calendar for march 2025", [("month", "3"), ("year", "2025")]),
        ("show dec 2024 calendar", [("month", "12"), ("year", "2024")]),
        ("the whole year 2026", [("year", "2026")]),
        ("files modified in march", []),  # a month with no year: nothing to fill `cal {{month}} {{year}}`
        ("you may 2 times", [("count", "2")]),
    ],
)
def test_a_month_is_read_with_its_year(request_text, expected):
    assert kinds(request_text) == expected


# -- a bare number that is a port -----------------------------------------------------------


@pytest.mark.parametrize(
    "request_text",
    ["what is listening on 8080", "is 5432 open", "who is using 9000", "something is on 3000", "allow 8443 in the firewall",
     "what is in use 3000"],
)
def test_a_bare_number_the_words_around_make_a_port(request_text):
    assert [kind for kind, _ in kinds(request_text)] == ["port"]


@pytest.mark.parametrize("request_text", ["is 6379 open on cache2", "is 8080 free on web1"])
def test_a_bare_number_open_on_one_machine_is_its_port(request_text):
    assert [kind for kind, _ in kinds(request_text)] == ["port", "host"]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("resize photo.png to 800 using convert", [("file", "photo.png"), ("number", "800")]),
        ("use 4 threads", [("number", "4")]),
        ("show ports open for 30 seconds", [("seconds", "30")]),  # a unit beside it wins
        ("the last 50 lines of the firewall log", [("count", "50")]),
    ],
)
def test_a_number_with_a_unit_or_far_from_port_words_is_no_port(request_text, expected):
    assert kinds(request_text) == expected


# -- answers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("multiply 12 by 12", "echo $((12*12))"),
        ("add 45 and 98", "echo $((45+98))"),
        ("what's 2 to the power 32", "echo $((2**32))"),
        ("the sum of 4 and 11", "echo $((4+11))"),
        ("15 percent of 80", "echo $((15*80/100))"),
        ("square root of 144", "echo 'sqrt(144)' | bc -l"),
        ("what's the square root of 2.25", "echo 'sqrt(2.25)' | bc -l"),
        ("sleep for a couple of seconds", "sleep 2"),
        ("sleep half an hour", "sleep 1800"),
        ("run uptime every couple of seconds", "watch -n 2 uptime"),
        ("show the last dozen lines of log.txt", "tail -n 12 log.txt"),
        ("ping example.org a dozen times", "ping -c 12 example.org"),
        ("calendar for march 2025", "cal 3 2025"),
        ("show december 2024 calendar", "cal 12 2024"),
        ("is 5432 open", "lsof -i :5432"),
        ("who is using 9000", "lsof -i :9000"),
        ("allow 8443 in the firewall", "sudo ufw allow 8443"),
        ("is 6379 open on cache2", "nc -zv cache2 6379"),
    ],
)
def test_values_said_in_words_fill_the_answer(index, request_text, command):
    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "printed"),
    [
        ("multiply 17 by 23", "echo $((17*23))\n"),
        ("sleep a couple of seconds", "sleep 2\n"),
        ("first dozen lines of notes.md", "head -n 12 notes.md\n"),
        ("calendar for march 2025", "cal 3 2025\n"),
        ("is 5432 open", "lsof -i :5432\n"),
    ],
)
def test_the_cli_prints_values_said_in_words(nlshell, request_text, printed):
    r = nlshell("-p", "--offline", request_text)
    assert (r.returncode, r.stdout) == (0, printed), r
