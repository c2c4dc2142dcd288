"""Programs a request points to by the things it names (nlshell/offline/pointers.py): a commit id
is git's, a container docker's, a URL with a file to keep it in a download's, a host with a path a
copy to another machine's — read pure, and through the ranking."""

from __future__ import annotations

import pytest

from nlshell.offline.pointers import pointed, pointer_stem, pointer_stems
from nlshell.offline.rank import read_request
from nlshell.offline.accepts import ACCEPTS
from nlshell.offline.value import Value
from nlshell.offline.vocabulary import WORD, vocabulary

from test_offline_answer import first  # noqa: E402  (the index fixture: tests/conftest.py)


def value(kind: str, text: str) -> Value:
    return Value(kind, text, 0)


@pytest.mark.parametrize(
    ("request_text", "values", "programs"),
    [
        ("what did commit 9f8e7d6 do", [value("commit", "9f8e7d6")], ["git"]),
        ("where does origin point to", [], ["git"]),  # a word no other program's request says
        ("wipe the web1 container", [value("container", "web1")], ["docker"]),
        ("save https://example.org/q3.pdf as report.pdf",
         [value("url", "https://example.org/q3.pdf"), value("file", "report.pdf")], ["curl"]),
        ("open https://example.org", [value("url", "https://example.org")], []),  # a URL alone: no download
        ("send site.tar.gz to /var/backups on 192.168.1.20",
         [value("file", "site.tar.gz"), value("path", "/var/backups"), value("host", "192.168.1.20")], ["scp"]),
        ("ping 192.168.1.20", [value("host", "192.168.1.20")], []),  # a host alone: no copy
        ("grab /var/log/app.log from prod01", [value("file", "/var/log/app.log"), value("host", "prod01")], ["scp"]),
        ("save the page at example.org as page.html", [value("host", "example.org"), value("file", "page.html")], []),
        ("when does erin's password expire", [value("user", "erin")], ["chage"]),
        ("when does my certificate expire", [], []),  # no user: a certificate's
        # a word and a kind: a package and the file that lists a node project's
        ("take react out of package.json", [value("package", "react"), value("file", "package.json")], ["npm"]),
        ("get the value of version from package.json", [value("file", "package.json")], []),  # no package: a look in it
        ("copy notes to /srv on web1", [value("dir", "/srv"), value("host", "web1")], ["scp"]),
        ("is port 22 open on 10.0.0.3", [value("port", "22"), value("host", "10.0.0.3")], ["nc"]),
        ("ssh to 10.0.0.3 on port 2222", [value("port", "2222"), value("host", "10.0.0.3")], []),
        ("show the disk usage", [], []),
        # a host one logs into or gets a shell on: a remote login's
        ("log into the pi at 192.168.1.50", [value("host", "192.168.1.50")], ["ssh"]),
        ("get a shell on 172.16.0.3", [value("host", "172.16.0.3")], ["ssh"]),
        ("who logged in from 10.0.0.5", [value("host", "10.0.0.5")], []),  # a look at logins, not one
        # an HTTP method with the address it goes to: a request's
        ("send a POST to localhost:8080/users", [value("method", "POST"), value("url", "localhost:8080/users")], ["curl"]),
        ("post a message in the team channel", [], []),
        # a file's name with a verb of what is asked of it: the program that does that to such a file
        ("run script.py", [value("file", "script.py")], ["python"]),
        ("run test_models.py only", [value("file", "test_models.py")], ["pytest"]),  # the most exact glob only
        ("compile main.c into app", [value("file", "main.c"), value("path", "app")], ["gcc"]),
        ("turn notes.txt.gz back into notes.txt", [value("file", "notes.txt.gz"), value("file", "notes.txt")], ["gunzip"]),
        ("extract site.tgz", [value("file", "site.tgz")], ["tar"]),
        ("unpack logs.tar.gz", [value("file", "logs.tar.gz")], ["tar"]),  # an archive, not any .gz
        ("run deploy.sh", [value("file", "deploy.sh")], []),  # a script runs itself: no shell pointed to
        ("debug setup.sh line by line", [value("file", "setup.sh")], ["bash"]),
        ("how many lines in build.go", [value("file", "build.go")], []),  # the file's name says no verb
        ("show script.py", [value("file", "script.py")], []),  # no verb of running
        # a special permission bit set, a user put into a group
        ("set the sticky bit on /shared", [value("path", "/shared")], ["chmod"]),
        ("find setuid binaries under /usr/bin", [value("path", "/usr/bin")], []),  # a search sets nothing
        ("add me to the wheel group", [], ["usermod"]),
        ("add a group called devs", [], []),
        # commits are git's; a thing run from package.json npm's
        ("alice's commits from the last week", [], ["git"]),
        ("run the tests from package.json", [value("file", "package.json")], ["npm"]),
        # a stash, branches and a file's uncommitted edits are git's; go.mod is go's
        ("whats sitting in my stash", [], ["git"]),
        ("which branches are merged", [], ["git"]),
        ("drop my local edits to app.py", [value("file", "app.py")], ["git"]),
        ("local copies of the photos", [], []),  # "local" alone: anyone's
        ("go.mod is a mess, tidy it", [value("file", "go.mod")], ["go"]),
        # a cut off a recording is ffmpeg's; an SQL file loaded into a database its client's
        ("cut the first 30 seconds off intro.mp4", [value("seconds", "30"), value("file", "intro.mp4")], ["ffmpeg"]),
        ("cut the first column of data.csv", [value("file", "data.csv")], []),
        ("load backup.sql into the postgres db", [value("file", "backup.sql")], ["psql"]),
        ("run migration.sql on mysql", [value("file", "migration.sql")], ["mysql"]),
        ("show backup.sql", [value("file", "backup.sql")], []),
        ("syntax check etl.py", [value("file", "etl.py")], ["python"]),  # a shell script's is its shell's
        ("syntax check deploy.sh", [value("file", "deploy.sh")], []),
        # a shell's startup file reloaded is sourced
        ("reload .zshrc", [value("action", "reload"), value("path", ".zshrc")], ["source"]),
    ],
)
def test_the_programs_things_named_point_to(request_text, values, programs):
    assert pointed(WORD.findall(request_text.lower()), values) == programs


def test_every_pointer_names_kinds_a_placeholder_takes():
    kinds = {kind for accepted in ACCEPTS.values() for kind in accepted}
    for role, entries in vocabulary().around.items():
        if role.startswith("points:"):
            for entry in entries:
                parts = entry.split("+")
                assert all(part[1:-1] in kinds or "*" in part for part in parts if part.startswith("{")), entry
                assert all(vocabulary().around.get(f"said:{part[1:-1]}") for part in parts if part.startswith("<")), entry
                assert all(part.endswith("}") == part.startswith("{") for part in parts), entry


def test_a_pointer_is_said_only_by_the_pages_of_its_program(index):
    read = read_request(index, "what did commit 9f8e7d6 do")
    assert read.pointed == ["git"] and pointer_stem("git") in read.weights
    assert pointer_stems("git", read.pointed) == {pointer_stem("git")} and not pointer_stems("curl", read.pointed)


def test_a_program_named_is_not_pointed_to_as_well(index):
    assert read_request(index, "git show commit 9f8e7d6").pointed == []


@pytest.mark.parametrize(
    ("request_text", "program"),
    [
        ("what changed in commit a1b2c3d", "git show a1b2c3d"),
        ("what did commit 9f8e7d6 do", "git show 9f8e7d6"),  # every other word a stop word: "commit" says the job
        ("download https://releases.example.net/os.iso to disk.iso", "curl"),
        ("push site.tar.gz to 192.168.1.50 under /opt/www", "scp"),
        ("delete the web1 container", "docker"),
        ("check whether port 8443 is open on intranet.example.com", "nc -zv"),
        ("log into the raspberry pi at 192.168.1.50 as user pi", "ssh pi@192.168.1.50"),
        ("log in to 10.0.0.5 as admin", "ssh"),
        ("get a shell on the box at 172.16.0.3 as root", "ssh"),
        ('send a POST with {"name":"x"} to localhost:8080/users', "curl -X POST"),
        ("do a DELETE request to api.example.com/items/5", "curl -X DELETE api.example.com/items/5"),
        ("send a GET to localhost:3000/health", "curl localhost:3000/health"),
        # a window said of a log is its --since, not find's age of files
        ("system log from the past hour", "journalctl --since '1 hour ago'"),
        ("nginx log for the past 2 hours", "journalctl -u nginx --since '2 hours ago'"),
        ("files modified in the last hour", "find"),
        # a file's name and the verb of what is asked of it
        ("run test_api.py only", "pytest test_api.py"),
        ("compile hello.c into hello", "gcc"),
        ("turn data.json.gz back into data.json", "gunzip"),
        ("compile Main.java", "javac Main.java"),
        ("debug deploy.sh line by line", "bash -x deploy.sh"),
        ("set the setgid bit on /srv/share", "chmod"),
        ("make /usr/local/bin/tool setuid", "chmod u+s /usr/local/bin/tool"),
        ("put bob in the sudo group", "sudo usermod -aG sudo bob"),
        ("alice's commits from the last week", "git log"),
        ("start the dev server from package.json", "npm"),
    ],
)
def test_the_program_pointed_to_answers(index, request_text, program):
    assert first(index, request_text).startswith(program)
