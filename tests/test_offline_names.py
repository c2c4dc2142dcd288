"""Names said without a word that says what they are, devices and networks by their shape, alias
names said before the word alias (pure, and through the CLI)."""

from __future__ import annotations

import pytest

from nlshell.offline.names import transposed
from nlshell.offline.respelling import with_verbs
from nlshell.offline.slots import fill, placeholder_kind
from nlshell.offline.values import request_values

EVERYDAY = frozenset("memory using drive binary live viewer thumb boot everything projects global".split())


def loose(request: str, known=lambda word: word in EVERYDAY, program=lambda word: word == "python3") -> list[str]:
    return [v.text for v in request_values(request, known=known, program=program).loose]


def filled(command: str, request: str, **kwargs) -> str:
    values = request_values(request, known=lambda word: word in EVERYDAY, program=lambda word: word == "python3", **kwargs)
    return fill(command, values).command


@pytest.mark.parametrize(
    ("request_text", "names"),
    [
        ("make postgresql start on boot", ["postgresql"]),  # well-known software
        ("how much memory is chrome using", ["chrome"]),
        ("how much memory is python3 using", ["python3"]),  # a program with digits in its name
        ("make gco do git checkout", ["gco"]),  # a word no description uses
        # everyday words, words the table reads otherwise, and values are no loose names
        ("show everything on my thumb drive", []),
        ("calculate the sha256 checksum of a file", []),
        ("what user accounts exist on this box", []),
        ("kill the firefox process", []),  # a process: a value of its own
    ],
)
def test_loose_names_are_software_programs_with_digits_and_unknown_words(request_text, names):
    assert loose(request_text, known=lambda word: word in EVERYDAY | {"sha256", "calculate", "checksum", "accounts", "exist"})[
        : len(names) or None
    ] == names


@pytest.mark.parametrize(
    ("command", "request_text", "expected"),
    [
        ("sudo systemctl enable {{service}}", "make postgresql start on boot", "sudo systemctl enable postgresql"),
        ("ps -o pid,rss,cmd -C {{process_name}}", "how much memory is chrome using", "ps -o pid,rss,cmd -C chrome"),
        ("which {{command}}", "where does the python3 binary live", "which python3"),
        ("which {{executable}}", "where does the python3 binary live", "which python3"),
        ("npm install -g {{package}}", "set up typescript for all my projects via npm (global)", "npm install -g typescript"),
        # what the example says already is not the name: `apt` is the program
        ("apt search {{package}}", "does apt have vlc", "apt search vlc"),
        # a place, a pattern or a count never takes a loose name
        ("grep {{pattern}} {{path/to/file}}", "is postgresql ok", "grep {{pattern}} {{path/to/file}}"),
        # "everything" is no name; "called chrome" is
        ("killall -9 {{process_name}}", "force kill everything called chrome", "killall -9 chrome"),
        # "is the docker service running": the process it names is the service
        ("service {{service}} status", "is the docker service running", "service docker status"),
        # a user's placeholder takes a name that is no software first: `crontab -l -u cron` was no user's
        ("crontab -l -u {{user}}", "cron listing jdoe", "crontab -l -u jdoe"),
    ],
)
def test_a_name_placeholder_nothing_fills_takes_a_loose_name(command, request_text, expected):
    assert filled(command, request_text) == expected


def test_a_loose_name_is_no_value_the_request_states():
    values = request_values("make postgresql start on boot", known=lambda word: word in EVERYDAY)
    taken = fill("sudo systemctl enable {{service}}", values)
    ignored = fill("systemctl list-unit-files", values)
    assert (taken.used, taken.stated) == (ignored.used, ignored.stated)


def test_a_misspelt_name_is_the_program_two_swapped_letters_give():
    names = {"nginx", "python3", "make"}.__contains__
    assert (transposed("ngnix", names), transposed("pyhton3", names)) == ("nginx", "python3")
    assert transposed("jake", names) == ""  # one letter from make, and still a name


def test_a_misspelt_verb_is_corrected_but_not_the_name_a_verb_acts_on():
    assert with_verbs("instal htop", {"instal": "install"}) == "install htop"
    assert with_verbs("add jake to the docker group", {"jake": "make"}) == "add jake to the docker group"


@pytest.mark.parametrize(
    ("command", "request_text", "expected"),
    [
        (
            "sudo mount {{path/to/device_file}} {{path/to/mount_point}}",
            "mount my thumb drive sdc1 on /mnt/stick",
            "sudo mount /dev/sdc1 /mnt/stick",
        ),
        ("sudo mount {{/dev/sdb1}} {{path/to/mount_point}}", "mount nvme0n1p2 on /mnt/disk", "sudo mount /dev/nvme0n1p2 /mnt/disk"),
        ("sudo mount {{path/to/device_file}} {{path/to/mount_point}}", "mount /dev/sdb1 on /mnt", "sudo mount /dev/sdb1 /mnt"),
        ("nmap -sn {{192.168.1.0/24}}", "scan 10.0.0.0/16 for live hosts", "nmap -sn 10.0.0.0/16"),
        ("timedatectl set-timezone {{timezone}}", "set the timezone to Europe/Berlin", "timedatectl set-timezone Europe/Berlin"),
        ("sudo timedatectl set-timezone {{Europe/Berlin}}", "switch my timezone to Asia/Tokyo", "sudo timedatectl set-timezone Asia/Tokyo"),
        # a host where a URL goes is the site's address
        ("curl -I {{https://example.com}}", "show the http headers of example.com", "curl -I https://example.com"),
    ],
)
def test_devices_networks_time_zones_and_sites_are_read_by_their_shape(command, request_text, expected):
    assert filled(command, request_text) == expected


def test_the_placeholders_of_devices_networks_and_time_zones():
    assert placeholder_kind("path/to/device_file") == "device"
    assert placeholder_kind("/dev/sdb1") == "device"
    assert placeholder_kind("192.168.1.0/24") == "host"
    assert placeholder_kind("timezone") == placeholder_kind("Europe/Berlin") == "timezone"
    assert placeholder_kind("device_port") == "port"


def test_a_mount_point_is_no_device():
    assert filled("sudo mount {{path/to/device_file}} {{path/to/mount_point}}", "mount it on /mnt/stick") == (
        "sudo mount {{path/to/device_file}} /mnt/stick"
    )


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("make gco a shortcut alias for git checkout", [("alias", "gco"), ("command", "git checkout")]),
        ("set gs as an alias for git status", [("alias", "gs"), ("command", "git status")]),
        ("create an alias gs for git status", [("alias", "gs"), ("command", "git status")]),
    ],
)
def test_an_alias_name_said_before_the_word_alias(request_text, expected):
    assert [(v.kind, v.text) for v in request_values(request_text)] == expected


def test_the_link_called_x_is_the_link_not_a_name_to_search_for():
    values = request_values("where does the link called current point to")
    assert [(v.kind, v.text, v.role) for v in values] == [("name", "current", "name")]
    assert fill("readlink -f {{path/to/symlink}}", values).command == "readlink -f current"


# -- through the CLI ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "printed"),
    [
        ("ngnix needs a restart", "sudo systemctl restart nginx\n"),
        ("force kill everything called chrome", "pkill -9 chrome\n"),  # the name filled; pkill or killall, both force kill it
        ("add jake to the docker group", "sudo usermod -aG docker jake\n"),  # a user put into a group: usermod
        ("mount my thumb drive sdc1 on /mnt/stick", "sudo mount /dev/sdc1 /mnt/stick\n"),
        ("scan 192.168.1.0/24 for live hosts", "nmap -sn 192.168.1.0/24\n"),
        ("make gco a shortcut alias for git checkout", "alias gco='git checkout'\n"),
    ],
)
def test_the_cli_fills_names_said_anywhere(nlshell, request_text, printed):
    r = nlshell("-p", "--offline", request_text)
    assert (r.returncode, r.stdout) == (0, printed), r


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("make postgresql start on boot", "sudo systemctl enable postgresql"),
        ("where does the python3 binary live", "which python3"),
        ("where is pyhton3 installed", "which python3"),
        ("how much memory is chrome using", "ps -o pid,rss,cmd -C chrome"),
        ("is the docker service running", "service docker status"),
        ("where does the link called current point to", "readlink -f current"),
    ],
)
def test_a_typical_desktop_gets_the_names_it_said(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("restart the billing container", "docker restart billing"),
        ("follow the worker logs, it's in compose", "docker compose logs -f worker"),
        ("when does the certbot timer fire next", "systemctl list-timers certbot.timer"),
        ("find that kubectl command i ran last week in my history", "history | grep 'kubectl'"),
        ("what aws env vars do i have set", "printenv | grep -i aws"),
    ],
)
def test_names_said_by_their_place_fill_the_command(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command
