"""Values read from a request, and examples' placeholders filled with them (pure, table-driven)."""

from __future__ import annotations

import pytest

from nlshell.offline.slots import fill, placeholder_kind
from nlshell.offline.values import request_values, without_values


def kinds(request: str, **kwargs) -> list[tuple[str, str]]:
    return [(v.kind, v.text) for v in request_values(request, **kwargs)]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("make a directory called photos", [("name", "photos")]),
        ("make a folder named backups inside /tmp", [("name", "/tmp/backups")]),
        ("show the last 20 lines of app.log", [("count", "20"), ("file", "app.log")]),
        ("which process uses port 5432", [("port", "5432")]),
        ("find files bigger than 1 gigabyte", [("size", "+1G")]),
        ("find files smaller than 10kb", [("size", "-10k")]),
        ("find files older than 7 days", [("age", "+")]),
        ("find every javascript file below here", [("glob", "*.js"), ("dir", ".")]),
        ("delete all .tmp files", [("glob", "*.tmp")]),
        ("copy a.txt to b.txt", [("file", "a.txt"), ("file", "b.txt")]),
        ("ping google.com 4 times", [("host", "google.com"), ("count", "4")]),
        ("download https://example.com/file.zip", [("url", "https://example.com/file.zip")]),
        ("check whether port 22 is open on 10.0.0.5", [("port", "22"), ("host", "10.0.0.5")]),
        ("unzip files.zip", [("file", "files.zip")]),
        ("kill process 1234", [("pid", "1234")]),
        ("force kill firefox", [("process", "firefox")]),  # what is killed is a process
        ("pip install requests", [("package", "requests")]),  # what is installed is a package, not pip
        ("search for TODO in all files below src", [("pattern", "TODO"), ("dir", "src")]),  # below: a place
        ("install the htop package", [("package", "htop")]),
        ("stop the nginx service", [("action", "stop"), ("service", "nginx")]),
        ("add the user alice to the docker group", [("user", "alice"), ("group", "docker")]),
        ("search for TODO in main.go", [("pattern", "TODO"), ("file", "main.go")]),
        ("search for the word error in log.txt", [("pattern", "error"), ("file", "log.txt")]),
        ("grep for 'two words' in notes", [("pattern", "two words"), ("path", "notes")]),  # in a search, "in" says where
        ("commit all changes with the message fix typo", [("message", "fix typo")]),
        ("pack the src folder into a tar.gz file", [("dir", "src")]),  # "a tar.gz file" is a format
        ("print the current working directory", []),
        ("show free memory", []),
    ],
)
def test_request_values(request_text, expected):
    assert kinds(request_text) == expected


def test_names_in_the_current_directory_are_values():
    assert kinds("count lines in notes", cwd_files={"notes"}) == [("file", "notes")]
    assert kinds("show the size of build", cwd_dirs={"build"}) == [("dir", "build")]
    assert kinds("count lines in notes") == []


def test_ages_carry_their_sign_and_length():
    (older,) = request_values("files older than 7 days")
    (newer,) = request_values("files modified in the last 2 hours")
    assert (older.text, older.seconds) == ("+", 7 * 86400)
    assert (newer.text, newer.seconds) == ("-", 2 * 3600)


def test_roles():
    values = request_values("create a symlink called latest pointing to release-2.1")
    assert [(v.text, v.role) for v in values] == [("latest", "name"), ("release-2.1", "from")]
    values = request_values("copy config.yaml to config.yaml.bak")
    assert [v.role for v in values] == ["", "to"]
    # In a search the name is what to look for: not joined with the place, not put there.
    values = request_values("find files named notes.md under /srv")
    assert [(v.text, v.role) for v in values] == [("notes.md", "sought"), ("/srv", "in")]
    assert fill("find {{path/to/directory}} -type f -empty", values).command == "find /srv -type f -empty"
    assert fill("find {{path/to/directory}} -name '{{*pattern*}}'", values).command == "find /srv -name 'notes.md'"


def test_without_values_keeps_the_words_that_say_which_program():
    request = "extract photos.zip into the folder called holiday"
    assert without_values(request, request_values(request)) == "extract zip into the folder"


@pytest.mark.parametrize(
    ("inner", "option", "kind"),
    [
        ("path/to/file", "", "file"), ("path/to/directory", "", "dir"), ("path/to/file_or_directory", "", "path"),
        ("/path/to/file_or_directory", "", "path"), ("path/to/source_file", "", "file"), ("path/to/source_directory", "", "dir"), ("path/to/symlink", "", "path"),
        ("path/to/file1 path/to/file2 ...", "", "file"), ("*.ext", "", "glob"), ("+500k", "", "size"),
        ("port", "", "port"), ("pid", "", "pid"), ("process_id", "", "pid"), ("process_name", "", "process"),
        ("username", "", "user"), ("group_name", "", "group"), ("https://example.com", "", "url"),
        ("example.com", "", "host"), ("search_pattern", "", "pattern"), ("count", "", "count"), ("unit", "", "service"),
        ("package", "", "package"), ("branch_name", "", "branch"), ("message", "", "message"), ("start", "", "action"),
        ("10", "-n", "count"), ("-1", "-mtime", "days"), ("n", "-mmin", "minutes"), ("10", "", ""), ("command", "", "command"),
        ("remote_name", "", "gitremote"), ("[s]tring", "", "pattern"), ("foo", "", ""),
    ],
)
def test_placeholder_kind(inner, option, kind):
    assert placeholder_kind(inner, option) == kind


@pytest.mark.parametrize(
    ("request_text", "template", "description", "command"),
    [
        ("make a directory called photos", "mkdir {{path/to/directory1 path/to/directory2 ...}}", "", "mkdir photos"),
        ("make a folder named backups inside /tmp", "mkdir -p {{path/to/directory}}", "", "mkdir -p /tmp/backups"),
        ("show the last 20 lines of app.log", "tail -n 10 {{path/to/file}}", "Show the last 10 lines of a file",
         "tail -n 20 app.log"),
        ("which process uses port 5432", "lsof -i :{{port}}", "", "lsof -i :5432"),
        ("what is listening on port 5432", "ss -lt src :8080", "Show all TCP sockets listening on the local 8080 port",
         "ss -lt src :5432"),
        ("find files bigger than 1 gigabyte", "find {{path/to/directory}} -size {{+100M}}", "",
         "find {{path/to/directory}} -size +1G"),
        ("find files older than 7 days", "find {{path/to/directory}} -mtime {{+30}}", "",
         "find {{path/to/directory}} -mtime +7"),
        ("find files changed in the last 2 hours", "find . -mtime {{-1}}", "", "find . -mmin -120"),
        ("find every python file below here", "find {{path/to/directory}} -name '{{*.ext}}'", "", "find . -name '*.py'"),
        ("count the lines in every python file", "wc -l {{path/to/file}}", "", "wc -l *.py"),
        ("copy config.yaml to config.yaml.bak", "cp {{path/to/source_file}} {{path/to/target_file}}", "",
         "cp config.yaml config.yaml.bak"),
        ("create a symlink called latest pointing to release-2.1",
         "ln -s {{/path/to/file_or_directory}} {{path/to/symlink}}", "", "ln -s release-2.1 latest"),
        ("search for the word error in log.txt", 'grep "{{search_pattern}}" {{path/to/file}}', "",
         'grep "error" log.txt'),
        ("search for it in 'my notes.txt'", "grep x {{path/to/file}}", "", "grep x {{path/to/file}}"),
        ("search for $HOME in notes.txt", 'grep "{{search_pattern}}" {{path/to/file}}', "",
         'grep "{{search_pattern}}" notes.txt'),
        ("stop the nginx service", "systemctl {{start}} {{unit}}", "", "systemctl stop nginx"),
        ("commit with the message it's done", "git commit -m '{{message}}'", "", "git commit -m 'it'\\''s done'"),
        ("count lines in my file.txt", "wc -l {{path/to/file}}", "", "wc -l file.txt"),
        ("show free memory", "free -h", "", "free -h"),
        # tldr's `/{{path/to/...}}` asks for an absolute path: the request's value replaces it whole.
        ("create a symlink called latest pointing to release-2.1",
         "ln -s /{{path/to/file_or_directory}} {{path/to/symlink}}", "", "ln -s release-2.1 latest"),
        ("copy notes.txt to /srv/backup", "cp {{path/to/file}} /{{path/to/directory}}", "", "cp notes.txt /srv/backup"),
        # The narrowest place first: what files are "named" is the pattern, not where to look.
        ("find files named notes.md", "find {{path/to/directory}} -name '{{*pattern*}}'", "",
         "find {{path/to/directory}} -name 'notes.md'"),
        ("show the size of app.log", "du -sh {{path/to/{a,b}/{x,y}}}", "", "du -sh {{path/to/{a,b}/{x,y}}}"),
    ],
)
def test_fill(request_text, template, description, command):
    assert fill(template, request_values(request_text), description).command == command


def test_a_file_with_spaces_is_quoted():
    values = request_values("count lines in 'my notes.txt'")
    values[0].kind = "file"  # as the current directory's listing would say
    assert fill("wc -l {{path/to/file}}", values).command == "wc -l 'my notes.txt'"


def test_here_left_out_is_no_value_ignored():
    """"in this directory" is where any command runs: `rm *.tmp` uses all the request says, and
    `rm -r .` (the directory itself, not the .tmp files) does not."""
    values = request_values("delete all .tmp files in this directory")
    files = fill("rm {{path/to/file1 path/to/file2 ...}}", values)
    assert (files.command, files.used, files.stated) == ("rm *.tmp", 1, 1)
    directory = fill("rm -r {{path/to/directory}}", values)
    assert (directory.command, directory.used, directory.stated) == ("rm -r .", 1, 2)


def test_fill_counts_the_values_it_used():
    values = request_values("show the last 20 lines of app.log")
    assert (fill("tail -n 10 {{path/to/file}}", values, "Show the last 10 lines").used, len(values)) == (2, 2)
    assert fill("tail {{path/to/file}}", values).used == 1
    assert fill("uptime", values).used == 0
