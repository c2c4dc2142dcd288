"""What a change would do, asked before making it, is answered with the program's rehearsal flag
(nlshell/offline/rehearsed.py)."""

import pytest

from nlshell.offline.answer import answers
from nlshell.offline.rating import risk_of
from nlshell.offline.rehearsed import rehearsal, rehearsed


@pytest.mark.parametrize(
    ("command", "page", "program", "dry"),
    [
        ("sudo apt-get autoremove", "apt-get", "apt-get", "apt-get -s autoremove"),  # no root needed to rehearse
        ("sudo apt purge apache2", "apt", "apt", "apt -s purge apache2"),
        ("git clean -fd", "git-clean", "git", "git clean -nfd"),
        ("rsync -a --delete src/ dst/", "rsync", "rsync", "rsync -na --delete src/ dst/"),
        ("rsync -avn src/ dst/", "rsync", "rsync", ""),  # rehearsed already
        ("git push --dry-run origin main", "git-push", "git", ""),
        ("rm -rf build", "rm", "rm", ""),  # rm has no rehearsal: never one made up
        # pkill's rehearsal is another program: pgrep finds what it would signal, without the signal
        ("pkill -f gunicorn", "pkill", "pkill", "pgrep -f gunicorn"),
        ("sudo pkill -9 -u bob", "pkill", "pkill", "pgrep -u bob"),
        ("pkill --signal HUP nginx", "pkill", "pkill", "pgrep nginx"),
        ("pkill firefox && echo done", "pkill", "pkill", ""),  # no one simple command: none made up
        ("grep -rn TODO .", "grep", "grep", ""),  # grep changes nothing: no rehearsal
    ],
)
def test_the_programs_rehearsal_flag(command, page, program, dry):
    assert rehearsed(command, page, program) == dry
    if dry:
        assert risk_of(dry)[0] == "safe"


@pytest.mark.parametrize(
    ("request_text", "asked"),
    [("which packages would apt autoremove take out", True), ("simulate apt purge apache2", True),
     ("rsync src/ to /backup, dry run only", True), ("check /dev/sdb1 without fixing anything", True),
     ("remove unused packages", False), ("list the files in /etc", False)],
)
def test_a_rehearsal_is_told_by_its_words(request_text, asked):
    assert rehearsal(request_text) is asked


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        # the change the look asks about, shown and not made (was `apt search {{keyword}}`, `apt -s clean`)
        ("which packages would apt autoremove take out", "apt -s autoremove"),
        ("simulate apt purge apache2, what would it take with it", "apt -s purge apache2"),
        ("what would git clean remove here", "git clean -n"),  # what plain `git clean` would remove, rehearsed as written
    ],
)
def test_a_look_at_what_a_change_would_do_gets_its_rehearsal(index, request_text, command):
    found = answers(index, request_text)[0]
    assert found.command == command and risk_of(found.command)[0] == "safe"


@pytest.mark.parametrize("request_text", ["remove unused packages", "would you remove unused packages"])
def test_a_change_asked_is_no_rehearsal(index, request_text):
    assert "-s" not in answers(index, request_text)[0].command.split()
