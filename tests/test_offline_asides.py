"""What a request says about itself asks for nothing (nlshell/offline/asides.py), and a format said
as what is made is no file to act on (nlshell/offline/formats.py)."""

from __future__ import annotations

import pytest

from nlshell.offline.answer import answers
from nlshell.offline.asides import without_asides
from nlshell.offline.formats import said_as_format
from nlshell.offline.values import _known_types


@pytest.mark.parametrize(
    ("request_text", "meant"),
    [
        # a comment after a comma, a reason, a second guess, who started it
        ("nuke the .venv directory, i'll recreate it", "nuke the .venv directory"),
        ("remove the dist dir, it's outdated", "remove the dist dir"),
        ("make a folder called logs, we'll need it soon", "make a folder called logs"),
        ("restart nginx, thanks", "restart nginx"),
        ("get rid of the cache folder because it's huge", "get rid of the cache folder"),
        ("is redis up or did it crash", "is redis up"),
        ("is nginx running or not", "is nginx running"),
        ("stop that train.py python script i started", "stop that train.py python script"),
        ("kill the node server.js process i started earlier", "kill the node server.js process"),
        ("compress logs (it's huge) and move them to /tmp", "compress logs and move them to /tmp"),
        ("show processes i started and kill them", "show processes and kill them"),
        ("delete tmp.txt, it's not needed anymore", "delete tmp.txt"),
        ("find that docker command i ran last week in my history", "find that docker command in my history"),
        # what asks, or says where, what it is or how much, stays
        ("get the second column of users.csv, it's comma separated", "get the second column of users.csv, it's comma separated"),
        ("delete old.log, it's in /var/log", "delete old.log, it's in /var/log"),
        ("copy report.pdf to the desktop, i need it there", "copy report.pdf to the desktop, i need it there"),
        ("find the logs, then delete them", "find the logs, then delete them"),
        ("tmp2 is an empty dir, remove it", "tmp2 is an empty dir, remove it"),
        ("files changed since i logged in", "files changed since i logged in"),
        ("find the cause of the error", "find the cause of the error"),
        ("i'll need the logs, zip them", "i'll need the logs, zip them"),
        ("thanks", "thanks"),
        # after a clause that only says how things are, "i just need X" is the request itself
        ("users.json is an array of objects, I just need the ids", "users.json is an array of objects, I just need the ids"),
        ("delete node_modules, i just need the space back", "delete node_modules"),  # after an action: why
        ("nuke .venv, i don't need it", "nuke .venv"),
        ("xz bigdump.sql, max compression, i dont care how long", "xz bigdump.sql, max compression"),  # no apostrophe
        # a first clause that only says what was just done; one that says the rest stays as it is
        ("done copying, unmount /mnt/backup", "unmount /mnt/backup"),
        ("ok, now restart nginx", "now restart nginx"),
        ("finished editing the config, reload nginx", "reload nginx"),
        ("upgrade only openssl, leave everything else alone", "upgrade only openssl"),
        ("done", "done"),  # nothing would be left
        ("done jobs in the queue", "done jobs in the queue"),  # no clause of its own
        ("finished downloads in ~/Downloads, move them to /srv", "finished downloads in ~/Downloads, move them to /srv"),  # a value
    ],
)
def test_asides_are_left_out(request_text, meant):
    assert without_asides(request_text) == meant


@pytest.mark.parametrize(
    ("request_text", "word", "made"),
    [
        ("squash the photos folder into a zip file", "zip", True),
        ("turn the pics directory into a .zip", ".zip", True),
        ("create a .tar.xz of the docs dir", ".tar.xz", True),
        ("make a tar.gz of src", "tar.gz", True),
        ("find every zip file in downloads", "zip", False),
        ("delete all .zip files here", ".zip", False),
        ("unzip a file called x.zip", "file", False),
    ],
)
def test_a_format_said_with_a_is_what_is_made(request_text, word, made):
    lower = request_text.lower().split()
    assert said_as_format(lower, lower.index(word), _known_types()) is made


@pytest.mark.parametrize(
    ("request_text", "program", "contains"),
    [
        ("nuke the .venv directory, i'll recreate it", "rm", "-r .venv"),
        ("delete the node_modules folder, i'll reinstall later", "rm", "-r node_modules"),
        ("get rid of the cache folder because it's huge", "rm", "-r cache"),
        ("is postgres up or did it crash", "systemctl", "status postgresql"),
        ("stop that backup.py script i started", "pkill", "backup.py"),
        ("turn the pics directory into a .zip", "zip", "-r pics.zip pics"),
        ("squash the photos folder into a zip file", "zip", "-r photos.zip photos"),
        ("create a .tar.xz of the docs dir", "tar", "-cJf docs.tar.xz docs"),
    ],
)
def test_answers_read_past_asides_and_formats(index, request_text, program, contains):
    command = answers(index, request_text)[0].command
    assert command.split()[0] == program and contains in command, command



@pytest.mark.parametrize(
    ("request_text", "meant"),
    [
        ("journal is huge, shrink it to 500M", "shrink the journal to 500M"),
        ("container 3f2a is stuck, kill it", "kill the stuck container 3f2a"),
        ("the cache folder is way too huge, delete it", "delete the cache folder"),
        ("the journal is 4G, trim it", "the journal is 4G, trim it"),  # a size is no state word: as said
        ("nginx is running, is it", "nginx is running, is it"),  # no action on "it"
        # "that" with a noun is "it" said with its kind, whatever the state word
        ("spike-cache is merged, delete that local branch", "delete the local branch spike-cache"),
        ("web-7 is done, remove that container", "remove the container web-7"),
    ],
)
def test_a_thing_said_in_a_state_is_what_it_acts_on(request_text, meant):
    assert without_asides(request_text) == meant


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("journal is bloated, shrink it to 300M", "sudo journalctl --vacuum-size=300M"),
        ("container db7 is frozen, kill it", "docker kill db7"),
        ("spike-cache is merged, delete that local branch", "git branch -d spike-cache"),
    ],
)
def test_answers_act_on_the_thing_said_in_a_state(index, request_text, command):
    assert answers(index, request_text)[0].command == command


def test_a_thing_said_in_a_state_and_given_a_name_keeps_the_rename():
    assert without_asides("draft.md is finished, call it final.md") == "draft.md is finished, call it final.md"
