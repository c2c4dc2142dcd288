"""Output kept in a file is the job's output, sent there (nlshell/offline/saved.py)."""

import pytest

from nlshell.offline.intent import CHANGE, READ
from nlshell.offline.offered import OfflineAnswer
from nlshell.offline.rank import OfflineHit
from nlshell.offline.saved import saved, saved_output


@pytest.mark.parametrize(
    ("request_text", "said"),
    [
        ("list the files in /etc and save the output to etc.txt", ("list the files in /etc", "etc.txt")),
        ("show disk usage, then write it to du.txt", ("show disk usage", "du.txt")),
        ("grep ERROR in app.log and put the results into errors.txt", ("grep ERROR in app.log", "errors.txt")),
        ("list installed packages and save it in a file called pkgs.txt", ("list installed packages", "pkgs.txt")),
        ("save it to out.txt", None),  # no job
        ("download https://example.com/a.json and save it to a.json", None),  # the download writes it itself
        ("save the output of df -h", None),  # no file
        ("list the files in /etc", None),
    ],
)
def test_the_job_and_the_file_are_read_apart(request_text, said):
    assert saved_output(request_text) == said


def _answer(command: str) -> OfflineAnswer:
    return OfflineAnswer(OfflineHit(command, "", "tldr", command.split()[0], 1.0), READ, "safe")


def test_the_output_goes_to_the_file_and_the_answer_is_a_change():
    asked: list[str] = []

    def answer(text: str) -> list[OfflineAnswer]:
        asked.append(text)
        return [_answer("ls /etc")]

    found = saved("list the files in /etc and save the output to etc.txt", answer)
    assert asked == ["list the files in /etc"]  # "save the output" is no search words
    assert [(a.command, a.intent, a.risk) for a in found] == [("ls /etc > etc.txt", CHANGE, None)]


@pytest.mark.parametrize("command", ["sort -o sorted.txt names.txt", "curl -o page.html https://x.org", "ls | tee out.txt"])
def test_a_command_that_writes_its_output_itself_is_left_alone(command):
    found = saved("sort names.txt and save the result to sorted.txt", lambda text: [_answer(command)])
    assert found[0].command == command


def test_a_file_in_the_home_folder_stays_there():
    found = saved("list the files in /etc and save the output to ~/etc-list.txt", lambda text: [_answer("ls /etc")])
    assert found[0].command == "ls /etc > ~/etc-list.txt"  # not `> '~/etc-list.txt'`, a folder named ~
