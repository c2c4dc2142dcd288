"""The request patterns compiled only when a request opens with one of their words
(nlshell/offline/openings.py) match exactly what the pattern matches of any request: the words
each says it opens with are all the words it can open with."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nlshell.offline import idioms, software
from nlshell.offline.openings import Opening, first_word

OPENINGS = [
    software._GET, software._MANAGER_INSTALL, software._REMOVE, software._UPGRADE, *software._HAVE,
    *software._INSTALLED, *software._SEARCH, idioms._WHAT_DOES, idioms._DOES_FILE_SAY, idioms._WHAT_FILE_SAYS,
    *idioms._IS_UP,
]
SAID = [
    "get me htop", "I need ffmpeg", "grab jq please", "install typescript globally with npm", "could you fetch curl",
    "please just get me the gimp package on this machine", "i d like vlc", "we need git", "set up docker",
    "npm global install of typescript", "pip install of requests", "apt-get install of the vim package",
    "get rid of the numpy python package", "uninstall vlc", "now purge apache2 with apt", "delete the vim program",
    "upgrade numpy to the newest version", "update flask", "bring requests up to date", "just upgrade pip",
    "do i even have curl on this machine", "does this machine have git installed", "is jq installed",
    "have I got ffmpeg", "is there a htop installed", "is the nginx package available",
    "dump the list of installed debs", "what packages are installed", "show my installed software",
    "give me the full list of all installed packages", "which apps do i have installed",
    "search apt for a pdf viewer", "look through the repos for a mail client", "check apt-cache for redis",
    "is there a package for ffmpeg", "find a package that does pdf editing", "look for any apt package to edit video",
    "what does the ls command do", "what does grep do", "what is rsync for", "what's tee used for", "whats awk good for",
    "does config.ini say anything about debug", "do notes.txt mention the budget", "what version does package.json say",
    "is the caddy server up", "check whether nginx is up", "tell me if the docker service is running", "see if redis is alive",
    "list all files", "show disk usage", "", "   ", "is", "get", "what",
]


def _requests() -> list[str]:
    said = list(SAID)
    for table in ("everyday.tsv", "everyday_dev.tsv"):
        lines = (Path(__file__).parent / "data" / table).read_text(encoding="utf-8").splitlines()
        said += [line.split("\t")[0] for line in lines if line and not line.startswith(("#", "request\t"))]
    variants = []
    for request in said:
        variants += [request, request.upper(), request.title(), "  " + request, "\t" + request + " ?",
                     request.replace(" ", "\n", 1), request.replace("s", "ſ", 1), "\u00a0" + request]
    return variants


@pytest.mark.parametrize("opening", OPENINGS, ids=lambda o: o.pattern[:40])
def test_an_opening_matches_what_its_pattern_matches(opening: Opening):
    compiled = re.compile(opening.pattern, re.IGNORECASE)
    matched = 0
    for request in _requests():
        found, expected = opening.match(request, first_word(request)), compiled.match(request)
        assert (found and (found.span(), found.groupdict())) == (expected and (expected.span(), expected.groupdict())), request
        matched += expected is not None
    assert matched  # each pattern is seen matching


def test_every_word_an_opening_opens_with_is_one_it_can_match():
    for opening in OPENINGS:
        words = {first_word(request) for request in SAID if re.match(opening.pattern, request, re.IGNORECASE)}
        assert words <= opening.words, opening.pattern[:40]


def test_a_request_it_cannot_open_leaves_it_uncompiled():
    opening = Opening("upgrade", r"^\s*upgrade\s+(?P<name>\w+)")
    assert opening.match("list all files", first_word("list all files")) is None
    assert opening._compiled is None
    assert opening.match("Upgrade numpy", first_word("Upgrade numpy"))["name"] == "numpy"
    assert first_word("list\u00a0all files") is None  # not ASCII: every pattern is tried
