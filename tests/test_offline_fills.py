"""Fills that must never do other than asked: a pattern is never where things go, and an example
that says the request's values itself takes them (pure, table-driven; nothing runs)."""

from __future__ import annotations

import pytest

from nlshell.offline.slots import fill
from nlshell.offline.values import request_values


@pytest.mark.parametrize(
    ("request_text", "template", "command"),
    [
        # `mv *.txt *.md` moves every .txt file onto the last name the shell expands, or fails
        ("rename all .txt files to .md", "mv {{path/to/source}} {{path/to/target}}", "mv *.txt {{path/to/target}}"),
        ("copy all .txt files to .md", "cp {{path/to/file1 path/to/file2 ...}} {{path/to/target_directory}}",
         "cp *.txt {{path/to/target_directory}}"),
        ("move *.log to *.old", "mv -n {{path/to/source}} {{path/to/target}}", "mv -n *.log {{path/to/target}}"),
        # nor what a command writes: `convert *.png *.pdf` overwrites the last image
        ("convert *.png to *.pdf", "convert {{path/to/image.png}} {{path/to/output.pdf}}",
         "convert *.png {{path/to/output.pdf}}"),
        # a directory the request names is where things go, a glob what is moved
        ("move all .log files to old/", "mv {{path/to/source}} {{path/to/target}}", "mv *.log old/"),
    ],
)
def test_a_glob_is_never_where_things_go(request_text, template, command):
    assert fill(template, request_values(request_text)).command == command


def test_an_extension_is_what_follows_a_names_dot():
    """`rename 's/\\.{{old}}$/.{{new}}/'` takes the extensions the request's globs name; the
    files it renames are the first glob, which says the old extension too."""
    values = request_values("rename all .txt files to .md")
    filled = fill("rename 's/\\.{{old}}$/.{{new}}/' {{path/to/*.old}}", values)
    assert (filled.command, filled.used, filled.stated) == ("rename 's/\\.txt$/.md/' *.txt", 2, 2)


def test_an_example_that_says_the_globs_extension_takes_it():
    values = request_values("rename all .txt files to .md")
    loop = fill('for f in *.txt; do mv -- "$f" "${f%.txt}.md"; done', values)
    assert (loop.used, loop.stated) == (2, 2)
    other = fill('for f in *.txt; do mv -- "$f" "${f%.txt}.rst"; done', values)
    assert (other.used, other.stated) == (1, 2)


@pytest.mark.parametrize(
    ("request_text", "levels"),
    [
        ("compres huge.csv as small as posible", ["max"]),
        ("gzip logs.tar with maximum compression", ["max"]),
        ("zip the src folder with the best compression", ["max"]),
        ("compress data.json as fast as possible", ["min"]),
        ("compress notes.txt, fastest", ["min"]),
        ("show the fastest mirror", []),  # nothing compresses: no level
        ("make the output as small as possible", []),
    ],
)
def test_a_compression_level_is_read_only_where_something_is_compressed(request_text, levels):
    values = request_values(request_text)
    assert [v.text for v in values if v.kind == "level"] == levels
    assert "posible" not in [v.text for v in values]  # a word of the phrase is no file


@pytest.mark.parametrize(
    ("request_text", "template", "command"),
    [
        ("compres huge.csv as small as posible", "gzip {{path/to/file}}", "gzip -9 huge.csv"),
        ("compress data.json as fast as possible", "gzip {{path/to/file}}", "gzip -1 data.json"),
        ("compress big.log with zstd, maximum compression", "zstd {{path/to/file}}", "zstd -19 big.log"),
        # a range placeholder takes its own end, the lowest level that still compresses for "fastest"
        ("zip the src folder with the best compression", "zip -r -{{0..9}} {{path/to/compressed.zip}} {{path/to/directory}}",
         "zip -r -9 src.zip src"),
        ("zip the src folder as fast as possible", "zip -r -{{0..9}} {{path/to/compressed.zip}} {{path/to/directory}}",
         "zip -r -1 src.zip src"),
        # no level makes a listing or an unpacking smaller
        ("gzip logs.tar.gz with maximum compression", "gzip -l {{path/to/file.gz}}", "gzip -l logs.tar.gz"),
        ("xz data.xz as small as possible", "xz -d {{path/to/file.xz}}", "xz -d data.xz"),
        # a command that states its own level keeps it
        ("compress big.log as fast as possible", "xz -9 {{path/to/file}}", "xz -9 big.log"),
        ("compress bigdump.sql as small as it gets", "gzip {{path/to/file}}", "gzip -9 bigdump.sql"),
    ],
)
def test_a_compression_level_goes_to_the_compressor(request_text, template, command):
    assert fill(template, request_values(request_text)).command == command


@pytest.mark.parametrize(
    ("request_text", "listed"),
    [
        ("pack src and docs into one zip called release.zip", ["src", "docs"]),
        ("zip src, docs and tests into release.zip", ["src", "docs", "tests"]),
        ("copy the src and docs to backup", ["src", "docs"]),
        # no list of places: no verb that acts on places, or nothing named where they go
        ("show cpu and memory", []),
        ("archive src and docs into a tarball", []),
        ("pack and ship the app", []),
        # folders to make: any word is a name, and nothing need say where they go
        ("make folders src tests and docs in one go", ["src", "tests", "docs"]),
        ("create folders build and dist", ["build", "dist"]),
        ("make directories logs, tmp and cache", ["logs", "tmp", "cache"]),
        ("make src tests and docs folders in one go", ["src", "tests", "docs"]),  # the word folders after them
        ("make tea and coffee", []),
        ("make a folder and cd into it", []),
    ],
)
def test_places_a_request_lists(request_text, listed):
    values = request_values(request_text)
    assert [v.text for v in values if v.kind in ("path", "dir", "file") and v.role != "to"] == listed


@pytest.mark.parametrize(
    ("request_text", "template", "command"),
    [
        # one placeholder for several operands takes every listed place, in order
        ("pack src and docs into one zip called release.zip",
         "zip -r {{path/to/compressed.zip}} {{path/to/file_or_directory1 path/to/file_or_directory2 ...}}",
         "zip -r release.zip src docs"),
        ("copy a.txt and b.txt to backup/", "cp {{path/to/file1 path/to/file2 ...}} {{path/to/target_directory}}",
         "cp a.txt b.txt backup/"),
        ("move src and docs into old", "mv {{path/to/source1 path/to/source2 ...}} {{path/to/directory}}",
         "mv src docs old"),
    ],
)
def test_a_placeholder_for_several_operands_takes_them_all(request_text, template, command):
    assert fill(template, request_values(request_text)).command == command


@pytest.mark.parametrize(
    ("request_text", "template", "command"),
    [
        # characters by their names are what `tr` maps, never the words "newlines" and "commas"
        ("replace tabs with spaces in data.tsv", "tr < {{path/to/file}} {{find_character}} {{replace_character}}",
         "tr < data.tsv '\\t' ' '"),
        ("replace newlines with commas", "echo {{text}} | tr {{find_character}} {{replace_character}}",
         "echo {{text}} | tr '\\n' ','"),
        ("replace newlines with commas", "sed 's/{{pattern}}/{{replacement}}/g' {{path/to/file}}",
         "sed 's/{{pattern}}/{{replacement}}/g' {{path/to/file}}"),
        # words are still words
        ("replace cat with dog in pets.txt", "sed -i 's/{{pattern}}/{{replacement}}/g' {{path/to/file}}",
         "sed -i 's/cat/dog/g' pets.txt"),
    ],
)
def test_characters_by_name(request_text, template, command):
    assert fill(template, request_values(request_text)).command == command


@pytest.mark.parametrize(
    ("request_text", "message"),
    [
        ("stage all my changes and commit them as fix typo", "fix typo"),
        ('commit saying "fix the login bug"', "fix the login bug"),
        ("commit everything as wip", "wip"),
    ],
)
def test_a_commit_message_after_as_or_saying(request_text, message):
    values = request_values(request_text)
    assert [(v.kind, v.text) for v in values] == [("message", message)]
    assert fill('git commit -am "{{message}}"', values).command == f'git commit -am "{message}"'


@pytest.mark.parametrize(
    ("request_text", "template", "command"),
    [
        ("what day of the week was 2000-01-01", "date -d {{2000-01-01}} +%A", "date -d 2000-01-01 +%A"),
        ("show the commits since 2024-03-01", "git log --since={{date}}", "git log --since=2024-03-01"),
        # no date: the placeholder stays, and a number or a version is no date
        ("what day of the week was it", "date -d {{2000-01-01}} +%A", "date -d {{2000-01-01}} +%A"),
        ("what day of the week was 2000-13-45", "date -d {{2000-01-01}} +%A", "date -d {{2000-01-01}} +%A"),
    ],
)
def test_a_date_fills_a_date(request_text, template, command):
    assert fill(template, request_values(request_text)).command == command


@pytest.mark.parametrize(
    ("request_text", "template", "command"),
    [
        # what the request says goes where its kind fits: the key, the text and its replacement, a variable
        ("get the name field from data.json", "jq '.{{key}}' {{path/to/file.json}}", "jq '.name' data.json"),
        ("change localhost to db.internal everywhere in settings.py",
         "sed -i 's/{{search_pattern}}/{{replacement}}/g' {{path/to/file}}", "sed -i 's/localhost/db.internal/g' settings.py"),
        ("make DEBUG=1 an environment variable in my current shell", "export {{variable}}={{value}}", "export DEBUG=1"),
        ("find files bigger than 2 gigs anywhere on the system", "find {{path/to/directory}} -size {{+1G}}", "find / -size +2G"),
        ("which groups does frank belong to", "groups {{username}}", "groups frank"),
        ("copy src into dst but don't overwrite anything", "cp -n {{path/to/source}} {{path/to/target}}", "cp -n src dst"),
        # where the example names a target itself, "to backup" is no source
        ("copy files to backup", "cp {{path/to/file}} ~/Desktop", "cp {{path/to/file}} ~/Desktop"),
        # a file type is never what `find -type d` looks for
        ("find every pdf in my home directory", "find {{path/to/directory}} -type d -name '{{pattern}}'",
         "find ~ -type d -name '{{pattern}}'"),
    ],
)
def test_a_value_said_in_everyday_words_fills_its_placeholder(request_text, template, command):
    assert fill(template, request_values(request_text)).command == command


def test_a_file_name_is_never_what_find_type_d_looks_for():
    filled = fill("find {{path/to/directory}} -type d -name '{{name}}'", request_values("where's docker-compose.yml"))
    assert filled.command == "find {{path/to/directory}} -type d -name '{{name}}'"


@pytest.mark.parametrize(
    ("request_text", "template", "command"),
    [
        ("reset carol's password", "sudo passwd {{username}}", "sudo passwd carol"),
        # "the same X as a file": that file is the model, the other the one changed
        ("give notes.txt the same permissions as todo.txt",
         "chmod --reference={{path/to/source_file}} {{path/to/target_file}}", "chmod --reference=todo.txt notes.txt"),
        # an arrow as `ls -l` shows a link: its name, then what it points at; elsewhere where things go
        ("symlink current -> releases/v2.3", "ln -s {{path/to/file_or_directory}} {{path/to/symlink}}",
         "ln -s releases/v2.3 current"),
        ("rename draft -> final", "mv {{path/to/source}} {{path/to/target}}", "mv draft final"),
        # a shell variable the request names goes in as the shell expands it, outside single quotes
        ("call https://api.example.com/me with the bearer token in $TOKEN",
         "curl -H 'Authorization: Bearer {{token}}' {{url}}", "curl -H 'Authorization: Bearer '\"$TOKEN\" https://api.example.com/me"),
        # well-known software named loosely is the official image (its port: nlshell/offline/published.py)
        ("run redis in the background on 6379", "docker run -d -p {{host_port}}:{{80}} {{image}}", "docker run -d -p 6379:{{80}} redis"),
        # a plain word after a program that shows files, as typed at a prompt
        ("ls src newest first", "ls -lt {{path/to/directory}}", "ls -lt src"),
        ("new postgres role analytics with a password", "createuser --pwprompt {{username}}", "createuser --pwprompt analytics"),
        ("show dave's crontab", "crontab -l -u {{user}}", "crontab -l -u dave"),
        ("create an empty .env file", "touch {{path/to/file}}", "touch .env"),
        ("ssh to db2 as root", "ssh {{user}}@{{host}}", "ssh root@db2"),
        ("ssh into build01", "ssh -i {{path/to/key}} {{host}}", "ssh -i {{path/to/key}} build01"),
        ("pin flask to 2.3.3 with pip", "pip install {{package}}", "pip install flask==2.3.3"),
        ("pin requests to 2.31.0", "pip install {{package}}", "pip install requests==2.31.0"),  # "pin" says it alone
        ("copy config/ to config.bak first, about to break things", "cp -r {{path/to/source}} {{path/to/target}}",
         "cp -r config/ config.bak"),  # "to break" is what the person will do, no place
        ("use python 3.12 here", "pyenv local {{python_version}}", "pyenv local 3.12"),
        ("which file in src defines class UserService", "grep -rn '{{search_pattern}}' {{path/to/directory}}",
         "grep -rn 'UserService' src"),
        ("pull the latest develop", "git pull {{remote_name}} {{branch}}", "git pull {{remote_name}} develop"),
        # a long-lived branch said as where a new one starts is its start point, never the branch renamed
        ("new branch feature/login off main", "git branch {{branch_name}} {{commit}}", "git branch feature/login main"),
        ("new branch feature/login off main", "git branch -m {{old_branch_name}} {{new_branch_name}}",
         "git branch -m feature/login {{new_branch_name}}"),
    ],
)
def test_a_value_the_request_says_reaches_its_place(request_text, template, command):
    assert fill(template, request_values(request_text)).command == command
