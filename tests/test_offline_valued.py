"""Options that take a number (nlshell/offline/valued.py): what kind of number each option of a page
takes and what its examples say it does, and the request's number added with its option to a
chosen example that lacks it — never twice, never against a negation, never a time for a bare
number, never a guess between options nothing tells apart.

The index is built once for the test run (tests/conftest.py); `which` is a typical Linux desktop's.
"""

from __future__ import annotations

import pytest

from nlshell.offline import OfflineIndex
from nlshell.offline.compose import composed, with_flag
from nlshell.offline.flags import page_flags, read_form
from nlshell.offline.value import Value
from nlshell.offline.valued import asked_values, valued_of, valued_options

from test_offline import typical_which  # noqa: E402
from test_offline_answer import first  # noqa: E402  (the index fixture: tests/conftest.py)
from test_offline_compose import hit, rows  # noqa: E402


def option(options, name: str):
    return next(o for o in options if o.option == name)


PING = rows(
    ("Ping a host", "ping {{host}}"),
    ("Ping a host only a specific number of times", "ping -c {{count}} {{host}}"),
    ("Send 4 pings to a host and stop", "ping -c 4 {{host}}"),
    ("Ping a host, waiting an interval in seconds between requests", "ping -i {{seconds}} {{host}}"),
    ("Ping a host without looking up names", "ping -n {{host}}"),
)
SSH = rows(
    ("Connect to a remote server", "ssh {{user}}@{{host}}"),
    ("Connect to a server over SSH", "ssh {{host}}"),
    ("Connect over SSH on a non-standard port", "ssh -p {{port}} {{host}}"),
    ("SSH tunneling: dynamic port forwarding (SOCKS proxy on localhost:1080)", "ssh {{user}}@{{host}} -D {{1080}}"),
)
HEAD = rows(
    ("Print the first lines of a file", "head {{path/to/file}}"),
    ("Print the first few lines of a file", "head -n {{count}} {{path/to/file}}"),
    ("Print the first 5 lines of a file", "head -n 5 {{path/to/file}}"),
    ("Print the first 20 lines of a file", "head -n 20 {{path/to/file}}"),
    ("Print the first bytes of a file", "head -c {{count}} {{path/to/file}}"),
)


def test_an_option_followed_by_a_number_is_read_with_its_kind_and_words():
    options = valued_of(PING, ("ping",), "ping")
    assert sorted(o.option for o in options) == ["-c", "-i"]  # `-n` takes nothing
    count = option(options, "-c")
    assert count.kinds == frozenset({"count"}) and count.examples == 2 and not count.joined
    assert {"count", "specific", "tim"} <= count.says  # its placeholder's name, and what only its examples say
    assert not any(word.isdigit() for word in count.says)  # "Send 4 pings" describes no 4
    assert option(options, "-i").kinds == frozenset({"seconds"})


def test_the_option_says_what_kind_a_bare_number_after_it_is():
    options = valued_of(SSH, ("ssh",), "ssh")
    assert option(options, "-p").kinds == frozenset({"port"})
    assert option(options, "-D").kinds == frozenset({"number"})  # `-D {{1080}}`: nothing says what it is


def test_a_long_option_written_with_its_value_is_joined():
    tree = rows(("Show a tree", "tree"), ("Show a tree 2 levels deep", "tree --max-depth=2"))
    assert option(valued_of(tree, ("tree",), "tree"), "--max-depth").joined


def test_a_program_whose_options_are_words_is_left_to_its_own_readers():
    find = rows(("Find files", "find {{path}} -name {{name}}"), ("Find files near", "find {{path}} -maxdepth 1 -name {{name}}"))
    assert valued_of(find, ("find",), "find") == ()


def value(kind: str, text: str, at: int, words: tuple[str, ...] = (), seconds: int = 0) -> Value:
    return Value(kind, text, at, words=words or (text,), seconds=seconds)


def ask(page_rows, prefix, command, request, values, changing=False):
    options = valued_of(page_rows, prefix, prefix[0])
    return [(o.option, text) for o, text in
            asked_values(options, read_form(command, prefix), command, values, request.split(), changing)]


def test_a_bare_number_goes_to_the_one_option_that_counts():
    request = "ping example.com but stop after 4"
    assert ask(PING, ("ping",), "ping example.com", request, [value("number", "4", 5)]) == [("-c", "4")]


def test_a_length_of_time_goes_only_to_a_time_option_and_a_bare_number_never():
    request = "ping example.com every 3 seconds"
    assert ask(PING, ("ping",), "ping example.com", request,
               [value("seconds", "3", 3, ("3", "seconds"), seconds=3)]) == [("-i", "3")]
    minutes = "ping example.com every 2 minutes"
    assert ask(PING, ("ping",), "ping example.com", minutes,
               [value("seconds", "2", 3, ("2", "minutes"), seconds=120)]) == [("-i", "120")]
    one_time = rows(("Ping a host", "ping {{host}}"), ("Ping at an interval", "ping -i {{seconds}} {{host}}"))
    assert ask(one_time, ("ping",), "ping example.com", "ping example.com 3", [value("number", "3", 2)]) == []


def test_a_port_goes_where_the_option_says_port_not_to_an_unnamed_number():
    request = "connect to example.com, ssh runs on 2222 there"
    assert ask(SSH, ("ssh",), "ssh example.com", request, [value("number", "2222", 5)]) == [("-p", "2222")]


def test_the_words_beside_the_number_choose_between_options_of_one_kind():
    request = "show the first 5 bytes of data.bin"
    assert ask(HEAD, ("head",), "head data.bin", request, [value("count", "5", 3)]) == [("-c", "5")]
    request = "show data.bin, just the first 5"
    assert ask(HEAD, ("head",), "head data.bin", request, [value("number", "5", 5)]) == [("-n", "5")]  # the usual one


def test_two_options_nothing_tells_apart_get_no_number():
    twins = rows(("Ping a host", "ping {{host}}"), ("Ping a host with a reply timeout", "ping -W {{seconds}} {{host}}"),
                 ("Ping a host with a deadline", "ping -w {{seconds}} {{host}}"))
    request = "ping example.com for 5 seconds"
    assert ask(twins, ("ping",), "ping example.com", request, [value("seconds", "5", 3, ("5", "seconds"), 5)]) == []


@pytest.mark.parametrize(
    ("command", "request_text", "values"),
    [
        ("ping -c 4 example.com", "ping example.com 4 times", [value("count", "4", 2)]),  # the command has it
        ("ping -c 3 example.com", "ping example.com 3 times, every 4 seconds", [value("count", "3", 2)]),
        ("ping example.com", "ping example.com, not 4 times", [value("count", "4", 3)]),  # against it
    ],
)
def test_a_number_the_command_holds_or_the_request_negates_is_not_added(command, request_text, values):
    assert ask(PING, ("ping",), command, request_text, values) == []


def test_an_option_whose_examples_all_change_what_their_plain_forms_look_at_needs_a_change():
    split = rows(("Show a file's lines", "split {{path/to/file}}"), ("Write the lines of a file into pieces", "split -l {{count}} {{path/to/file}}"))
    request = "show big.csv in pieces of 1000 lines"
    assert valued_of(split, ("split",), "split")[0].changes
    assert ask(split, ("split",), "split big.csv", request, [value("count", "1000", 5)]) == []
    assert ask(split, ("split",), "split big.csv", request, [value("count", "1000", 5)], changing=True) == [("-l", "1000")]


@pytest.mark.parametrize(
    ("command", "prefix", "option_name", "text", "joined", "composed_command"),
    [
        ("ping example.com", ("ping",), "-c", "4", False, "ping -c 4 example.com"),
        ("ping -n example.com", ("ping",), "-c", "4", False, "ping -c 4 -n example.com"),  # never into a cluster
        ("tree src", ("tree",), "--max-depth", "2", True, "tree --max-depth=2 src"),
        ("git log --oneline", ("git", "log"), "-n", "5", False, "git log -n 5 --oneline"),
    ],
)
def test_an_option_comes_with_its_value_right_after_the_program(command, prefix, option_name, text, joined, composed_command):
    assert with_flag(command, prefix, option_name, text, joined=joined) == composed_command


def test_an_unfilled_placeholder_of_the_option_is_filled():
    request = "ping example.com but stop after 4"
    assert ask(PING, ("ping",), "ping -c {{count}} example.com", request, [value("number", "4", 5)]) == [("-c", "4")]


def test_a_page_is_read_once_for_its_flags_and_its_valued_options(index, monkeypatch):
    asked: list[str] = []
    real = OfflineIndex.query

    def counting(self, sql, args=()):
        asked.append(sql)
        return real(self, sql, args)

    fresh = OfflineIndex(index.db_path, which=typical_which, summaries=dict)
    monkeypatch.setattr(OfflineIndex, "query", counting)
    options = valued_options(fresh, "ping", "ping")
    assert valued_options(fresh, "ping", "ping") is options and "-c" in {o.option for o in options}
    flags = page_flags(fresh, "ping", "ping")
    assert page_flags(fresh, "ping", "ping") is flags and "-n" in {f.option for f in flags.flags}
    assert len(asked) == 1 and "page_reads" in asked[0]  # the page's stored reading: once for both readers
    asked.clear()
    assert valued_options(fresh, "ping", "ping6") is valued_options(fresh, "ping", "ping6")
    assert page_flags(fresh, "ping", "ping6") is page_flags(fresh, "ping", "ping6")
    # a program the build did not read the page for: its stored reading (none), the page's id, then its examples
    assert len(asked) == 3 and all("WHERE" in sql for sql in asked)
    fresh.close()


# -- the answers users get -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("chosen", "page", "request_text", "command"),
    [
        ("ping google.com", "ping", "ping google.com but stop after 4", "ping -c 4 google.com"),
        ("ping -c {{count}} google.com", "ping", "ping google.com but stop after 4", "ping -c 4 google.com"),  # filled
        ("ssh server.example.com", "ssh", "connect to server.example.com, ssh runs on 2222 there",
         "ssh -p 2222 server.example.com"),
        ("tail -n 30 app.log", "tail", "show the last 30 lines of app.log", "tail -n 30 app.log"),  # has it: once
        ("ping google.com", "ping", "ping google.com, but not 4 times", "ping google.com"),  # against it
    ],
)
def test_the_chosen_example_gets_the_option_of_the_number_the_request_states(index, chosen, page, request_text, command):
    assert composed(index, request_text, [hit(chosen, page, "Ping a host")])[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("connect to server.example.com, ssh runs on 2222 there", "ssh -p 2222 server.example.com"),
        ("show the 3 most recent git commits", "git log -n 3"),
    ],
)
def test_the_number_the_request_states_comes_with_its_option(index, request_text, command):
    assert first(index, request_text) == command


@pytest.mark.parametrize(
    ("request_text", "printed"),
    [
        ("connect to server.example.com, ssh runs on 2222 there", "ssh -p 2222 server.example.com\n"),
    ],
)
def test_the_cli_prints_the_option_with_its_value(nlshell, request_text, printed):
    r = nlshell("-p", "--offline", request_text)
    assert (r.returncode, r.stdout) == (0, printed), r
