"""Examples of wrappers (`nohup`, `nice`, `timeout`, `sudo`, `env`): pages of their own whose
examples run the wrapper, and take the script the request runs (pure, and through the CLI)."""

from __future__ import annotations

import pytest

from nlshell.offline.commands import example_programs, programs
from nlshell.offline.slots import fill
from nlshell.offline.values import request_values


def filled(command: str, request: str) -> str:
    return fill(command, request_values(request)).command


def test_an_example_of_a_wrappers_page_runs_the_wrapper():
    assert programs("nohup {{command}} &") == ["{{command}}"]  # what runs in the end, as before
    assert example_programs("nohup", "nohup {{command}} > {{output.log}} 2>&1 &")[0] == "nohup"
    assert example_programs("nice", "sudo nice -n -10 {{command}}")[0] == "nice"
    assert example_programs("timeout", "timeout 10 {{command}}") == ["timeout"]  # no wrapper: its own program
    assert example_programs("ls", "sudo ls -la") == ["ls"]  # another page's example through sudo


@pytest.mark.parametrize(
    ("command", "request_text", "expected"),
    [
        # the script is run, never the file its output goes to
        ("nohup {{command}} > {{output.log}} 2>&1 &", "run backup.sh in the background", "nohup ./backup.sh > backup.log 2>&1 &"),
        ("nice -n 10 {{command}}", "run build.sh with low priority", "nice -n 10 ./build.sh"),
        ("timeout 10 {{command}}", "run tests.sh", "timeout 10 ./tests.sh"),
    ],
)
def test_a_wrapper_takes_the_script_the_request_runs(command, request_text, expected):
    assert filled(command, request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "printed"),
    [
        ("run backup.sh in the background", "nohup ./backup.sh > backup.log 2>&1 &\n"),
        ("run sync.sh in the background", "nohup ./sync.sh > sync.log 2>&1 &\n"),
        ("run tests.sh with a 60 second timeout", "timeout 60 ./tests.sh\n"),
    ],
)
def test_the_cli_wraps_the_script_the_request_runs(nlshell, request_text, printed):
    r = nlshell("-p", "--offline", request_text)
    assert (r.returncode, r.stdout) == (0, printed), r


@pytest.mark.parametrize(
    "request_text",
    ["start ./server.py in the background", "run the deploy.sh script in the background", "launch sync.sh in the background"],
)
def test_a_script_the_request_names_is_never_where_the_output_goes(request_text):
    # the script's own name in `> {{output.log}}` would overwrite it
    command = fill("nohup {{command}} > {{output.log}} 2>&1 &", request_values(request_text)).command
    assert "> ./server.py" not in command and "> deploy.sh" not in command and "> sync.sh" not in command
    assert command.startswith("nohup ./") and command.endswith(".log 2>&1 &")
    assert fill("{{command}} > {{path/to/file}}", request_values(request_text)).command.endswith("> {{path/to/file}}")


def test_a_script_the_request_writes_to_is_written():
    assert fill("echo '{{text}}' > {{path/to/file}}", request_values("write hello to out.sh")).command == "echo 'hello' > out.sh"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        # a loop's variable is no program (scored as the program `f`, a right answer was wrong)
        ('for f in *.jpg; do convert "$f" "${f%.jpg}.png"; done', ["convert"]),
        ("for i in $(seq 3); do echo $i; done", ["seq", "echo"]),  # `);` closes and ends
        ("for ((i=0; i<3; i++)); do echo hi; done", ["echo"]),
        ("select x in a b; do echo $x; done", ["echo"]),
        ("while read -r line; do echo $line; done < list.txt", ["read", "echo"]),
    ],
)
def test_the_programs_of_a_loop(command, expected):
    assert programs(command) == expected
