"""Ranking rules that decide between examples that exist: the way a switch goes (up/down, lock/
unlock, start/stop), a suite's page for a request about what the suite is for, and a program named
by what is asked of it ("which version of node") or by the file it writes (SHA256SUMS).

The index is the session's (tests/conftest.py); `which` is a typical Linux desktop's.
"""

from __future__ import annotations

import json

import pytest

from nlshell.offline import otherwise
from nlshell.offline import rank as rank_module
from nlshell.offline.index import ExampleRow
from nlshell.offline.rank import rank, read_request
from nlshell.offline.answer import answers

from test_offline_answer import first  # noqa: E402  (the index fixture: tests/conftest.py)


def row(description: str, command: str) -> ExampleRow:
    return ExampleRow(1, 1, description, command, "tldr", command.split()[0], 1, "", 0.0)


# -- the way a switch goes ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("request_text", "description", "command", "other_way"),
    [
        ("bring the interface eth0 down", "Bring a network interface up", "ip link set eth0 up", True),
        ("bring the interface eth0 down", "Bring a network interface down", "ip link set eth0 down", False),
        ("bring the interface eth0 down", "Bring a network interface up or down", "ip link set eth0 {{up}}", False),
        ("bring eth0 up", "Brings down network interface eth0.", "ifconfig eth0 down", True),  # the NL2Bash row
        ("bring eth0 up", "Turns on network interface eth0.", "ifconfig eth0 up", False),  # the command says the way
        ("unlock the screen", "Lock the screen showing a white background", "i3lock", True),
        ("stop the nginx service", "Start a service", "systemctl start nginx", True),
        ("stop the nginx service", "Start/Stop/Restart a service", "systemctl {{start}} nginx", False),
        # "run" says more than a way: a script that runs is no opposite of stopping it
        ("stop the python script scraper.py", "Kill a running script by its file name", "pkill -f scraper.py", False),
        # a request that says both ways itself asks about both
        ("bring eth0 down and then up again", "Bring a network interface up", "ip link set eth0 up", False),
        ("show the open ports", "Bring a network interface up", "ip link set eth0 up", False),  # says no way at all
        # a firewall's rule and a package's hold switch too; the command decides over its description
        ("allow ssh from 10.0.0.0/8 with ufw", "Ban an abusive IP with the firewall", "sudo ufw deny from {{ip_address}}", True),
        ("deny 203.0.113.9 with the firewall", "Let traffic in on a port", "sudo ufw allow {{port}}", True),
        ("hold nginx so apt leaves it alone", "Release the hold on a package", "sudo apt-mark unhold {{package}}", True),
        ("hold nginx so apt leaves it alone", "Hold a package at its current version", "sudo apt-mark hold {{package}}", False),
    ],
)
def test_an_example_that_switches_the_other_way_is_told_apart(index, request_text, description, command, other_way):
    assert otherwise.other_way(read_request(index, request_text), row(description, command)) is other_way


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("bring the interface eth0 down", "sudo ip link set eth0 down"),
        ("bring eth0 up", "sudo ip link set eth0 up"),
    ],
)
def test_the_example_that_goes_the_way_asked_comes_first(index, request_text, command):
    assert first(index, request_text) == command


# -- files or folders -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("request_text", "description", "command", "other_thing"),
    [
        ("delete empty files in photos", "Remove an empty directory", "rmdir {{path/to/directory}}", True),
        ("delete empty files in photos", "Delete the empty files under a directory", "find {{path/to/directory}} -type f -empty -delete", False),
        ("delete empty files in photos", "Delete the empty folders under a directory", "find {{path/to/directory}} -type d -empty -delete", True),
        ("how many subfolders in docs", "Count every file in a folder, subfolders included", "find {{path/to/directory}} -type f | wc -l", True),
        ("how many subfolders in docs", "Count the subfolders of a folder", "find {{path/to/directory}} -mindepth 1 -type d | wc -l", False),
        # the folders it leaves out, and those that only say where, are not what it acts on
        ("make only the files in site 640, not the directories", "Make only the subdirectories 755, recursively",
         "find {{path/to/directory}} -type d -exec chmod 755 {} +", True),
        ("grab error.log out of the proxy container into the current dir", "Copy a file from a container to the host",
         "docker cp {{container}}:{{path}} {{path}}", False),
        # "a file" alone is any file: `scp -r` copies a folder as well
        ("pull down the /srv/data folder from user@host", "Pull a file down from a remote machine", "scp {{host}}:{{path}} .", False),
        ("list the folders here", "List the files of a directory", "ls {{path/to/directory}}", False),  # no -type f
        # links only: an example on folders or files only does something else (was `find ~/bin -type d -empty -delete`)
        ("remove broken symlinks in ~/bin", "Delete the empty folders under a directory", "find {{path/to/directory}} -type d -empty -delete", True),
        ("remove broken symlinks in ~/bin", "Delete every temp file below a directory", "find {{path/to/directory}} -type f -name '*.tmp' -delete", True),
        ("remove broken symlinks in ~/bin", "Delete the broken symlinks under a folder", "find {{path/to/directory}} -xtype l -delete", False),
        ("remove broken symlinks in ~/bin", "Delete everything inside a folder, leaving the folder itself", "rm -r {{path/to/directory}}/*", True),
        ("remove the symlink current", "Remove a symlink", "rm {{path/to/symlink}}", False),
    ],
)
def test_an_example_for_files_where_folders_are_asked_is_told_apart(index, request_text, description, command, other_thing):
    assert otherwise.other_thing(read_request(index, request_text), description, command) is other_thing


def test_the_other_way_loses_within_its_page_but_stays_offered(index):
    commands = [hit.command for hit in rank(index, "bring the interface eth0 down")]
    assert commands.index("sudo ip link set eth0 down") < commands.index("sudo ip link set eth0 up")


# -- a suite's page for a request about what the suite is for -----------------------------------

def test_a_request_about_what_a_suite_is_for_is_no_reason_to_pass_over_its_pages(index):
    """"which services failed" names no `systemctl`, but says its summary's telling word
    ("service manager"); `journalctl -u {{service}} -b` only shows the log of one."""
    assert first(index, "which services failed") == "systemctl --failed"
    running = "systemctl list-units --type=service --state=running"
    assert first(index, "which systemd services are currently running") == running


def test_a_common_word_of_a_suites_summary_does_not_lift_it(index):
    """`dpkg` ("Debian package manager") is a suite; "package" is said by many descriptions."""
    read = read_request(index, "install the htop package")
    assert not rank_module._says_domain(read, frozenset({"packag", "manag", "debian"}))
    assert first(index, "install the htop package") == "sudo apt install htop"


def test_the_domain_is_read_from_the_suites_own_page(index):
    read = read_request(index, "which services failed")
    pages = [page for page in index.pages(read.searched, read.named).values() if page.name != "systemctl"]
    assert "systemctl" in {page.program for page in pages}  # only its subcommands' pages: its summary is read
    domains = rank_module._domains(index, pages)
    assert "servic" in domains["systemctl"] and "journalctl" not in domains


# -- a program named by what is asked of it ------------------------------------------------------

@pytest.mark.parametrize(
    ("request_text", "named"),
    [
        ("which version of node do i have", ["node"]),
        ("what python version is installed", ["python"]),
        ("show the kernel version", []),  # no page named kernel
        ("show the version of the package", []),  # a stop word is no program
    ],
)
def test_the_word_beside_version_names_the_program(index, request_text, named):
    assert [name for name in read_request(index, request_text).named if name in ("node", "python", "kernel")] == named


@pytest.mark.parametrize(
    ("request_text", "everyday_word"),
    [("no idea what mystery.bin is", "idea"), ("boot takes forever, what's slow", "forever"),
     ("big.iso download died halfway, resume it", "resume")],
)
def test_an_everyday_word_that_is_also_a_program_names_no_program(index, request_text, everyday_word):
    """`idea`, `forever` and `resume` have pages, yet said in a sentence they are words."""
    assert everyday_word not in read_request(index, request_text).named


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("which version of node do i have", "node --version"),
        ("which version of git do i have", "git --version"),
        ("show the kernel version", "uname -r"),
    ],
)
def test_a_version_question_gets_the_programs_own_answer(index, request_text, command):
    assert first(index, request_text) == command


@pytest.mark.parametrize(
    ("request_text", "named"),
    [
        ("verify the checksums listed in SHA256SUMS", ["sha256sum"]),  # what `sha256sum` writes
        ("check the files in MD5SUMS", ["md5sum"]),
        ("show what is in notes", []),  # a singular everyday word names nothing
        ("verify the checksums listed in sums.txt", []),  # a name with an extension is a file's
    ],
)
def test_a_file_named_after_what_a_program_writes_names_the_program(index, request_text, named):
    assert [n for n in read_request(index, request_text).named if n in ("sha256sum", "md5sum", "note")] == named


def test_the_checksum_file_says_which_checksum(index):
    assert first(index, "verify the checksums listed in SHA256SUMS") == "sha256sum -c SHA256SUMS"  # the file, by its name


# -- through the CLI -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("request_text", "printed"),
    [
        ("bring the interface eth0 down", "sudo ip link set eth0 down\n"),
        ("which version of node do i have", "node --version\n"),
        # the same listing two ways; which one comes first follows this machine's man pages
        ("which services failed", ("systemctl --failed\n", "systemctl list-units --state=failed\n")),
    ],
)
def test_the_cli_prints_the_example_that_does_what_was_asked(nlshell, isolated_home, request_text, printed):
    r = nlshell("-p", "--offline", request_text)
    assert r.returncode == 0 and r.stdout in ((printed,) if isinstance(printed, str) else printed), r


def test_the_cli_names_the_checksum_program_the_file_says(nlshell, isolated_home):
    """`--json` says the command and its risk; the file named by its usual name fills the example's."""
    r = nlshell("--json", "--offline", "verify the checksums listed in SHA256SUMS")
    shown = json.loads(r.stdout)
    assert (shown["command"], shown["risk"]) == ("sha256sum -c SHA256SUMS", "safe"), r


@pytest.mark.parametrize(
    ("request_text", "program"),
    [
        # a description that says the whole request and nothing else wins over a popular page
        ("what cpu does this machine have", "lscpu"),
        ("show the env variables", "printenv"),
        # the size of a folder is its disk usage; a superlative names no folder
        ("biggest subfolders of the current dir", "du"),
        ("which folders under home are the fattest", "du"),
        ("what's the biggest directory on the whole disk", "du"),
        # a form of a known word is that word, not a misspelling of another ("listened" is no "listener")
        ("which ports are being listened on", "lsof"),
        # the verb and its particle meet again: the program spelt as both is named
        ("shut the computer down in 15 minutes", "shutdown"),
        # tldr and a reviewed row both say "Unstage a file": the reviewed one's long option
        ("unstage the file app.js", "restore"),
    ],
)
def test_everyday_wordings_reach_their_program(index, request_text, program):
    command = answers(index, request_text)[0].command
    assert program in command.split()[:2], command
    assert "-S" not in command.split(), command


# -- everyday words for a job that names no program ----------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "program"),
    [
        ("refresh the package lists", "sudo apt-get update"),  # "lists" is no package's name
        ("compile hello.c", "gcc hello.c"),  # a C file's extension says its compiler
        ("compile app.cpp", "g++ app.cpp"),
        ("count lines of code in this project", "cloc"),  # source code, not lines that match (grep -c)
        ("how many lines of code per language here", "cloc"),
        ("make a 2G swapfile at /swapfile", "sudo fallocate -l 2G /swapfile"),  # not dphys-swapfile's own name (now set up whole)
        ("something is pegging the cpu, what is it", "ps aux --sort=-%cpu"),  # not /proc/cpuinfo
        ("disk space taken by /var/log", "du"),  # not big files on the disk (find -size)
    ],
)
def test_everyday_words_for_a_job_find_its_program(index, request_text, program):
    assert first(index, request_text).startswith(program)
