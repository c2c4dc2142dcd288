"""Offline answers say package commands with the machine's own manager (nlshell/offline/managers.py)."""

from __future__ import annotations

import pytest

from nlshell.offline import OfflineIndex
from nlshell.offline.answer import answers
from nlshell.offline.managers import said_with, this_machines
from test_offline import typical_which


@pytest.mark.parametrize(
    ("command", "manager", "expected"),
    [
        ("sudo apt install {{package}}", "dnf", "sudo dnf install {{package}}"),
        ("sudo apt install htop", "pacman", "sudo pacman -S htop"),
        ("sudo apt install htop", "brew", "brew install htop"),  # brew refuses to run as root
        ("sudo apt-get -y install htop", "dnf", "sudo dnf install -y htop"),
        ("sudo apt-get -y install htop", "pacman", "sudo pacman -S --noconfirm htop"),
        ("sudo apt purge vim", "pacman", "sudo pacman -Rns vim"),
        ("sudo apt update", "zypper", "sudo zypper refresh"),
        ("apt list --installed", "apk", "apk info"),
        ("apt list --upgradable", "brew", "brew outdated"),
        ("apt search pdf", "dnf", "dnf search pdf"),
        ("dpkg -L curl", "dnf", "rpm -ql curl"),
        ("dpkg -S /usr/bin/convert", "pacman", "pacman -Qo /usr/bin/convert"),
        # what these tables cannot say exactly stays as written
        ("dpkg -S /usr/bin/convert", "brew", "dpkg -S /usr/bin/convert"),
        ("sudo apt autoremove", "pacman", "sudo apt autoremove"),
        ("apt-cache policy nginx", "dnf", "apt-cache policy nginx"),
        ("sudo apt install ./tool.deb", "dnf", "sudo apt install ./tool.deb"),
        ("sudo apt install --reinstall htop", "dnf", "sudo apt install --reinstall htop"),
        ("apt list --installed | grep ssh", "dnf", "apt list --installed | grep ssh"),
        ("sudo systemctl restart nginx", "dnf", "sudo systemctl restart nginx"),
    ],
)
def test_said_with(command, manager, expected):
    assert said_with(command, manager) == expected


@pytest.mark.parametrize(
    ("have", "expected"),
    [
        ({"apt", "dnf"}, None),  # apt is here: the answers are already this machine's
        ({"apt-get", "brew"}, None),
        ({"dnf", "rpm"}, "dnf"),
        ({"pacman"}, "pacman"),
        ({"brew"}, "brew"),
        (set(), None),
    ],
)
def test_this_machines(have, expected):
    assert this_machines(lambda program: program in have) == expected


def _without_apt(have: str):
    def which(program: str) -> str | None:
        if program in ("apt", "apt-get", "dpkg"):
            return None
        return f"/usr/bin/{program}" if program == have else typical_which(program)

    return which


@pytest.mark.parametrize(
    ("have", "request_", "expected"),
    [
        ("dnf", "install htop", "sudo dnf install htop"),
        ("pacman", "get me htop installed", "sudo pacman -S htop"),
        ("brew", "install htop", "brew install htop"),
    ],
)
def test_answers_use_the_machines_manager(prebuilt_offline_index, have, request_, expected):
    index = OfflineIndex(str(prebuilt_offline_index), which=_without_apt(have), summaries=dict)
    try:
        assert answers(index, request_)[0].command == expected
    finally:
        index.close()


def test_a_debian_machine_keeps_apt(index):
    assert answers(index, "install htop")[0].command.split()[:3] == ["sudo", "apt", "install"]
