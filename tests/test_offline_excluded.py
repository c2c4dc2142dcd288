"""What a request leaves out is no operand: it goes to the program's option for that
(nlshell/offline/excluded.py)."""

import pytest

from nlshell.offline.excluded import left_out, names
from test_offline_answer import first  # noqa: E402  (the index fixture: tests/conftest.py)


@pytest.mark.parametrize(
    ("request_text", "left"),
    [
        ("search TODO across the repo but not in node_modules", ["node_modules"]),
        ("tar up the project folder, leave out node_modules and .git", ["node_modules", ".git"]),
        ("rsync site/ to web1:/var/www skipping *.log files", ["*.log"]),
        ("zip src without the build folder", ["build"]),  # a folder people leave out by a plain word
        ("tar it up without a password", []),  # no name
        ("copy photos to /mnt/usb without overwriting", []),
    ],
)
def test_the_names_a_request_leaves_out(request_text, left):
    assert names(request_text) == left


@pytest.mark.parametrize(
    ("command", "request_text", "written"),
    [
        # it searched only what was to be skipped
        ("grep -w 'TODO' node_modules", "search TODO but not in node_modules", "grep -r -w TODO . --exclude-dir=node_modules"),
        ("tar -czf project.tar.gz project", "tar up project, leave out node_modules and .git",
         "tar --exclude=node_modules --exclude=.git -czf project.tar.gz project"),
        # the example's own exclusion is not the one asked for
        ("tar --exclude='.git' -czf {{path/to/target.tar.gz}} {{path/to/directory}}", "tar it up without node_modules",
         "tar --exclude=node_modules -czf {{path/to/target.tar.gz}} {{path/to/directory}}"),
        ("tree -L 2 {{path/to/directory}}", "tree 2 levels deep without node_modules", "tree -I node_modules -L 2 {{path/to/directory}}"),
        ("find . -type f -size +100M", "big files but skip node_modules", "find . -not -path '*/node_modules/*' -type f -size +100M"),
        ("tar -tf ~/projects/site", "list it without node_modules", "tar --exclude=node_modules -tf ~/projects/site"),  # ~ stays bare
        ("ls -la", "list files without node_modules", "ls -la"),  # no option for it here: unchanged
        ("grep -r TODO . | wc -l", "count TODOs but not in node_modules", "grep -r TODO . | wc -l"),  # one simple command only
    ],
)
def test_what_is_left_out_goes_to_the_option_for_it(command, request_text, written):
    assert left_out(command, request_text) == written


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("search TODO across the repo but not in node_modules", "grep -rn TODO . --exclude-dir=node_modules"),
        ("tar up the project folder, leave out node_modules and .git",
         "tar --exclude=node_modules --exclude=.git -czf project.tar.gz project"),  # it got `tar -czf .git project`
        ("tree of the project 2 levels deep without node_modules", "tree -I node_modules -L 2 {{path/to/directory}}"),
        # "tar.gz" said as the verb is the archive to make, no file (it got `tar -xf tar.gz -C project`)
        ("tar.gz the project folder but leave out node_modules", "tar --exclude=node_modules -czf project.tar.gz project"),
    ],
)
def test_answers_leave_out_what_is_asked(index, request_text, command):
    assert first(index, request_text) == command
