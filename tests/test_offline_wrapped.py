"""A whole command the request names, run inside another ("rerun df -h every couple of seconds"):
read as one value, put whole into the wrapper's `{{command}}`, and rated as a whole (pure, through
the offline answer, and through the CLI)."""

from __future__ import annotations

import json

import pytest

from nlshell.offline.answer import answers
from nlshell.offline.rating import risk_of
from nlshell.offline.slots import fill
from nlshell.offline.values import request_values

PROGRAMS = frozenset("df uptime make ping tar git ls free who rsync find docker apt rm journalctl ps kubectl npm".split())


def stated(request: str) -> list[tuple[str, str]]:
    return [(v.kind, v.text) for v in request_values(request, program=PROGRAMS.__contains__)]


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("rerun df -h every couple of seconds", "df -h"),
        ("keep showing df -h, updating every 10 seconds", "df -h"),  # the comma ends it
        ("time how long make takes", "make"),
        ("how long does git gc take", "git gc"),
        ("kill ping example.com after 5 seconds", "ping example.com"),
        ("run rsync -a src/ dst/ with low priority", "rsync -a src/ dst/"),
        ("run find . -name '*.o' with lower priority", "find . -name '*.o'"),  # as written: `.` and the quotes
        ("page through the output of journalctl -b", "journalctl -b"),
        ("keep refreshing docker ps every 5 seconds", "docker ps"),  # `ps` as written, not as the word table spells it
        # quoted: the command whole, as the quotes mark it
        ("rerun 'kubectl get pods' every 2 seconds", "kubectl get pods"),
        ("time how long 'make build' takes", "make build"),
        ("kill 'npm test' if it takes longer than 60 seconds", "npm test"),
    ],
)
def test_a_command_the_request_runs_inside_another_is_one_value(request_text, command):
    assert ("command", command) in stated(request_text)


@pytest.mark.parametrize(
    "request_text",
    [
        "show disk usage with df -h",  # no job around it: df is what is asked for
        "how long has the server been up",  # a question about uptime, nothing named to time
        "how long is parser.rs in lines",
        "remind me in 25 minutes to stretch",  # `in` is no program
    ],
)
def test_a_request_without_a_job_around_a_command_names_none(request_text):
    assert all(kind != "command" for kind, _ in stated(request_text))


def test_a_script_run_alone_stays_the_file_it_runs():
    values = request_values("time how long ./build.sh takes", program=PROGRAMS.__contains__)
    assert [(v.kind, v.text, v.role) for v in values] == [("file", "./build.sh", "run")]


@pytest.mark.parametrize(
    ("request_text", "alias", "command"),
    [
        ("make gs a shortcut for git status", "gs", "git status"),
        ("let me type gp instead of git push", "gp", "git push"),
        ("make ll a shortcut for ls -la", "ll", "ls -la"),
    ],
)
def test_an_alias_said_without_the_word_alias(request_text, alias, command):
    values = stated(request_text)
    assert ("alias", alias) in values and ("command", command) in values


@pytest.mark.parametrize(
    ("template", "request_text", "expected"),
    [
        ("watch -n {{seconds}} {{command}}", "rerun uptime every 5 seconds", "watch -n 5 uptime"),
        ("watch -n {{seconds}} {{command}}", "rerun df -h every 2 seconds", "watch -n 2 df -h"),  # unquoted: watch runs it
        ("time {{command}}", "time how long tar -czf out.tgz src takes", "time tar -czf out.tgz src"),
        ("echo '{{command}}' | at {{time}}", "run make at 5pm", "echo 'make' | at 17:00"),
        ("alias {{alias_name}}='{{command}}'", "make gs a shortcut for git status", "alias gs='git status'"),
        # the named command has its arguments: the example's placeholder for them goes
        ("nohup {{command}} {{argument1 argument2 ...}} &", "start nightly_sync.sh and give me my prompt back",
         "nohup ./nightly_sync.sh &"),
        ("nohup {{command}} {{argument1 argument2 ...}} > {{path/to/output_file}} &", "run make -j8 in the background",
         "nohup make -j8 > {{path/to/output_file}} &"),
    ],
)
def test_the_named_command_goes_whole_into_the_wrappers_command(template, request_text, expected):
    assert fill(template, request_values(request_text, program=PROGRAMS.__contains__)).command == expected


def test_the_arguments_placeholder_stays_when_nothing_is_named():
    # a name read loosely is no whole command the request names: its arguments may still be wanted
    command = "nohup {{command}} {{argument1 argument2 ...}} &"
    # ("job" is a word of the table's phrases since "at job" is at's: no name, so another loose name stands in)
    assert fill(command, request_values("run the crawler in the background")).command == "nohup crawler {{argument1 argument2 ...}} &"


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("rerun df -h every 2 seconds", "watch -n 2 df -h"),
        ("rerun uptime every 5 seconds", "watch -n 5 uptime"),
        ("every 30 seconds show me uptime", "watch -n 30 uptime"),
        ("re-run git status every 3 seconds", "watch -n 3 git status"),
        ("watch the output of ip addr every 4 seconds", "watch -n 4 ip addr"),  # `addr` as written, no misspelt `add`
        ("time how long make takes", "time make"),
        ("how long does ./migrate.sh take to run", "time ./migrate.sh"),
        ("stop ./server.py if it runs longer than 30 seconds", "timeout 30 ./server.py"),
        ("kill curl example.com if it runs longer than 20 seconds", "timeout 20 curl example.com"),
        ("give ./tests.sh at most 2 minutes", "timeout 2m ./tests.sh"),
        ("start nightly_sync.sh and give me my prompt back", "nohup ./nightly_sync.sh &"),
        ("launch sync.sh and give me the terminal back", "nohup ./sync.sh &"),
        ("run ./deploy.sh at 10pm", "echo './deploy.sh' | at 22:00"),
        ("save the output of ps aux to procs.txt", "ps aux | tee procs.txt"),
        ("page through the output of dmesg", "dmesg | less"),
        ("scroll through the output of journalctl -b", "journalctl -b | less"),
        ("make gs a shortcut for git status", 'alias gs="git status"'),
        ("let me type dps instead of docker ps", 'alias dps="docker ps"'),
        ("run rsync -a src/ dst/ with low priority", "nice -n 19 rsync -a src/ dst/"),
        ("have purge_cache.sh run every night at 3",
         '(crontab -l 2>/dev/null; echo "0 3 * * * $(realpath purge_cache.sh)") | crontab -'),
        ("run cleanup.sh every monday at 9",
         '(crontab -l 2>/dev/null; echo "0 9 * * 1 $(realpath cleanup.sh)") | crontab -'),
    ],
)
def test_the_wrapper_runs_the_command_the_request_names(index, request_text, command):
    assert answers(index, request_text)[0].command == command


def test_a_read_only_request_may_time_the_writing_command_it_names_itself(index):
    # the user chose what `time` runs; the caller rates the whole as usual
    answer = answers(index, "measure how long tar -czf out.tgz src takes")[0]
    assert answer.command == "time tar -czf out.tgz src"
    assert risk_of(answer.command)[0] == "caution"


def test_a_wrapped_destructive_command_stays_dangerous(index):
    answer = answers(index, "rerun rm -rf ~ every 5 seconds")[0]  # only answered and rated, never run
    assert answer.command == "watch -n 5 rm -rf ~"
    assert risk_of(answer.command)[0] == "dangerous"


@pytest.mark.parametrize(
    ("request_text", "printed"),
    [
        ("rerun df -h every 2 seconds", "watch -n 2 df -h\n"),
        ("time how long make takes", "time make\n"),
        ("make gs a shortcut for git status", 'alias gs="git status"\n'),
        ("start nightly_sync.sh and give me my prompt back", "nohup ./nightly_sync.sh &\n"),
    ],
)
def test_the_cli_prints_the_wrapper_around_the_named_command(nlshell, request_text, printed):
    r = nlshell("-p", "--offline", request_text)
    assert (r.returncode, r.stdout) == (0, printed), r


def test_the_cli_checks_a_wrapped_destructive_command_as_dangerous(nlshell):
    r = nlshell("check", "--json", "watch -n 5 rm -rf ~")
    assert json.loads(r.stdout)["risk"] == "dangerous", r


@pytest.mark.parametrize(
    ("request_text", "schedule"),
    [
        ("have purge_cache.sh run every night at 3", "0 3 * * *"),  # a bare hour after a schedule's "at"
        ("run cleanup.sh every monday at 9", "0 9 * * 1"),
        ("run report.sh every evening at 7", "0 19 * * *"),  # in the evening 7 is after noon
        ("run backup.sh every night at 11", "0 23 * * *"),
        ("run prune.sh every friday at 6", "0 6 * * 5"),
        ("run cleanup.sh every day at 3am", "0 3 * * *"),  # said with am: as before
    ],
)
def test_a_schedule_said_in_words_fills_crons_five_fields(request_text, schedule):
    assert ("schedule", schedule) in stated(request_text)


def test_a_bare_number_outside_a_schedule_is_still_no_time():
    assert all(kind != "time" for kind, _ in stated("run backup.sh at 5"))  # "at 5" may be anything


@pytest.mark.parametrize(
    ("request_text", "text"),
    [
        ("md5 hash of the word banana", "banana"),  # "the word" in a request that transforms a text: the text
        ("base64 encode the word secret", "secret"),
        ("what does dG9wc2VjcmV0 decode to from base64", "dG9wc2VjcmV0"),  # plainly data, wherever it is said
        ("turn aGVsbG8gd29ybGQ= back from base64", "aGVsbG8gd29ybGQ="),
    ],
)
def test_a_literal_text_to_transform_is_read_as_text(request_text, text):
    assert ("text", text) in stated(request_text)


@pytest.mark.parametrize(
    "request_text",
    ["turn secret.txt into base64", "decode the base64 in payload.txt", "find the word banana in notes.txt"],
)
def test_names_and_the_words_of_encodings_are_no_text(request_text):
    assert all(kind != "text" for kind, _ in stated(request_text))


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("what does dG9wc2VjcmV0 decode to from base64", "echo 'dG9wc2VjcmV0' | base64 -d"),
        ("md5 hash of the word banana", "echo -n 'banana' | md5sum"),
        ("decode this base64 string aGVsbG8=", "echo 'aGVsbG8=' | base64 -d"),
    ],
)
def test_the_text_goes_into_the_command_that_transforms_it(index, request_text, command):
    assert answers(index, request_text)[0].command == command


def test_the_cli_decodes_the_text_the_request_says(nlshell):
    r = nlshell("-p", "--offline", "what does dG9wc2VjcmV0 decode to from base64")
    assert (r.returncode, r.stdout) == (0, "echo 'dG9wc2VjcmV0' | base64 -d\n"), r


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # words that say when end a script's arguments: "one time", "today" are none of them
        ("run report.sh one time at 18:00 today", [("file", "report.sh"), ("time", "18:00")]),
        ("run deploy.sh at noon", [("file", "deploy.sh"), ("time", "12:00")]),
    ],
)
def test_when_a_script_runs_is_no_argument_of_it(request_text, expected):
    assert stated(request_text) == expected
