"""Values read from a request, and examples' placeholders filled with them (pure, table-driven)."""

from __future__ import annotations

import pytest

from nlshell.offline.slots import fill, placeholder_kind
from nlshell.offline.searched import without_values
from nlshell.offline.values import request_values


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
        ("curl bit.ly/3xYz and follow it", [("url", "bit.ly/3xYz")]),  # a link shortener's domain
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
        ("/path/to/file_or_directory", "", "path"), ("path/to/source_file", "", "file"), ("path/to/source_directory", "", "dir"), ("path/to/symlink", "", "link"),
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
        # places that name their file type take the file of that type, whatever the request's order
        ("import customers.csv into crm.db", "sqlite3 {{path/to/database.db}} '.import --csv {{path/to/file.csv}} t'",
         "", "sqlite3 crm.db '.import --csv customers.csv t'"),
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


def everyday(word: str) -> bool:
    return True  # every word is an ordinary one, as "nginx" and "alice" are in the real index


@pytest.mark.parametrize(
    ("inner", "option", "kind"),
    [
        ("remote_repository_location", "", "repository"), ("repository_url", "", "repository"), ("repo", "", "repository"),
        ("path/to/local_repository", "", "file"), ("eth0", "", "interface"), ("ethX", "", "interface"),
        ("interface_name", "", "interface"), ("column_number", "", "field"), ("2", "-f", "field"), ("1", "-k", "field"),
        ("A", "", "record"), ("field", "-t", "record"), ("minutes", "", "in_minutes"), ("hours", "", "in_hours"),
        ("report", "", ""), ("device_port", "", "port"), ("path/to/output", "", "path"), ("path/to/link", "", "link"),
    ],
)
def test_placeholder_kinds_of_this_round(inner, option, kind):
    assert placeholder_kind(inner, option) == kind


@pytest.mark.parametrize(
    ("request_text", "template", "description", "command"),
    [
        ("change the owner of the www directory to nginx recursively", "sudo chown -R {{user}} {{path/to/directory}}", "",
         "sudo chown -R nginx www"),
        ("change the group of shared to developers", "chgrp {{group}} {{path/to/file_or_directory}}", "",
         "chgrp developers shared"),
        ("create a new git branch called feature-login", "git branch {{branch_name}}", "", "git branch feature-login"),
        ("create the git tag v1.2 for the current commit", "git tag {{tag_name}}", "", "git tag v1.2"),
        ("clone the repository https://github.com/user/repo.git", "git clone {{remote_repository_location}}", "",
         "git clone https://github.com/user/repo.git"),
        ("show the manual of rsync", "man {{command}}", "", "man rsync"),
        ("find the process id of nginx", "pgrep {{process_name}}", "", "pgrep nginx"),
        ("print the first column of users.csv separated by commas", "cut -d , -f {{2}} {{path/to/file}}", "",
         "cut -d , -f 1 users.csv"),
        # the one field an awk program prints, whether or not the description says which
        ("print the third column of table.txt", "awk '{print $2}' {{path/to/file}}", "Print a column",
         "awk '{print $3}' table.txt"),
        ("print the third column of table.txt", "awk '{print $5}' {{path/to/file}}",
         "Print the fifth column (a.k.a. field) in a space-separated file", "awk '{print $3}' table.txt"),
        ("rename the folder drafts to archive", "mv {{path/to/source}} {{path/to/target}}", "", "mv drafts archive"),
        ("show where the symlink current points to", "readlink -f {{path/to/symlink}}", "", "readlink -f current"),
        ("schedule a shutdown in 30 minutes", "sudo shutdown +{{minutes}}", "", "sudo shutdown +30"),
        ("wait 90 seconds", "sleep {{minutes}}m", "", "sleep {{minutes}}m"),  # not a whole number of minutes
        ("connect to the server db.example.com with ssh as root", "ssh {{username}}@{{remote_host}}", "",
         "ssh root@db.example.com"),
        ("show the ip address of eth0", "ip address show {{eth0}}", "", "ip address show eth0"),
        ("append the line hello to notes.txt", "echo '{{text}}' >> {{path/to/file}}", "", "echo 'hello' >> notes.txt"),
        ("find files in /tmp not accessed for 30 days", "find {{path/to/directory}} -type f -mtime {{+30}}", "",
         "find /tmp -type f -atime +30"),
        ("find files in /tmp accessed in the last 2 hours", "find {{path/to/directory}} -type f -mtime {{-1}}", "",
         "find /tmp -type f -amin -120"),
        ("look up the mx records of example.org", "nslookup -type=NS {{example.com}} {{8.8.8.8}}", "",
         "nslookup -type=MX example.org {{8.8.8.8}}"),
        ("look up the mx records of example.org", "host -t {{field}} {{domain}}", "", "host -t MX example.org"),
        # a target goes where things go; when the request states one, nothing else goes there
        ("compress the logs folder into logs.tar.gz", "tar czf {{path/to/target.tar.gz}} -C {{path/to/directory}} .", "",
         "tar czf logs.tar.gz -C logs ."),
        ("copy the site directory to /var/www", "scp {{remote_host}}:{{path/to/remote_file}} {{path/to/local_directory}}",
         "", "scp {{remote_host}}:{{path/to/remote_file}} /var/www"),
        # … and a command with one place is no copy: "into files" says nothing of where
        ("split big.csv into files of 1000 lines each", "split -l 10 {{path/to/file}}",
         "Split a file, each split having 10 lines", "split -l 1000 big.csv"),
    ],
)
def test_values_go_where_they_belong(request_text, template, description, command):
    assert fill(template, request_values(request_text, known=everyday), description).command == command


@pytest.mark.parametrize(
    ("request_text", "template", "command"),
    [
        # a host or container goes only on the side of the copy the request says: first when it
        # takes from there, after a place when it puts things there
        ("grab /var/log/app.log from the container web", "docker cp {{container_name}}:{{path/to/file}} .",
         "docker cp web:/var/log/app.log ."),
        ("grab /var/log/app.log from the container web", "docker cp {{path/to/file}} {{container_name}}:{{path/in/container}}",
         "docker cp {{path/to/file}} {{container_name}}:/var/log/app.log"),  # no container it goes into
        ("copy the config into the container web", "docker cp {{container_name}}:{{path/to/file}} .",
         "docker cp {{container_name}}:{{path/to/file}} ."),
        ("copy config.yml into container api at /etc/app",
         "docker cp {{path/to/file}} {{container_name}}:{{path/in/container}}", "docker cp config.yml api:/etc/app"),
        ("copy backup.tar to 10.0.0.5 in /srv/backups", "scp {{path/to/local_file}} {{remote_host}}:{{path/to/remote_file}}",
         "scp backup.tar 10.0.0.5:/srv/backups"),
        ("rsync my photos folder to nas.local in /backup", "rsync -avn {{path/to/source}}/ {{path/to/target}}",
         "rsync -avn photos/ nas.local:/backup"),  # the place there is where it goes
        ("copy the file /data/out.csv out of pod worker-1",
         "kubectl cp {{pod_name}}:/{{path/to/file_in_pod}} {{path/to/local_file}}",
         "kubectl cp worker-1:/data/out.csv {{path/to/local_file}}"),  # one slash: the path is absolute already
    ],
)
def test_a_copy_goes_the_way_the_request_says(request_text, template, command):
    assert fill(template, request_values(request_text, known=everyday)).command == command


def test_a_link_is_what_the_request_calls_one():
    """`chown -h` changes a link; report.pdf is no link, "the symlink current" and "called latest" are."""
    values = request_values("change the owner of report.pdf to alice", known=everyday)
    assert fill("sudo chown -h {{user}} {{path/to/symlink}}", values).command == "sudo chown -h alice {{path/to/symlink}}"
    assert fill("sudo chown {{user}} {{path/to/file_or_directory}}", values).command == "sudo chown alice report.pdf"
    values = request_values("create a symlink named python pointing to python3", known=everyday)
    assert fill("ln -s /{{path/to/file_or_directory}} {{path/to/symlink}}", values).command == "ln -s python3 python"
    # "link A to B": A is the link, B what it points at
    for request_text in ("link ~/.vimrc to ~/dotfiles/vimrc", "symlink ~/.vimrc to ~/dotfiles/vimrc"):
        values = request_values(request_text, known=everyday)
        assert fill("ln -s {{/path/to/file_or_directory}} {{path/to/symlink}}", values).command == "ln -s ~/dotfiles/vimrc ~/.vimrc"


@pytest.mark.parametrize(
    ("request_text", "template", "command"),
    [
        # a file said twice is what the command acts on: the shell empties a `>` target before it runs
        ("compress huge.log with gzip, don't delete huge.log itself",
         "gzip -c {{path/to/file}} > {{path/to/compressed_file.gz}}", "gzip -c huge.log > huge.gz"),
        ("gzip notes.txt but keep notes.txt", "gzip -c {{path/to/file}} > {{path/to/compressed_file.gz}}",
         "gzip -c notes.txt > notes.gz"),
        ("pack x.log and keep x.log", "tar -czf {{path/to/target.tar.gz}} {{path/to/file1 path/to/file2 ...}}",
         "tar -czf x.tar.gz x.log"),
        # … except where the program reads all of it first
        ("sort names.txt and save it as names.txt", "sort {{path/to/file}} -o {{path/to/output_file}}",
         "sort names.txt -o names.txt"),
    ],
)
def test_a_file_the_command_reads_is_never_where_it_writes(request_text, template, command):
    """It got `gzip -c huge.log > huge.log`, which empties huge.log before gzip reads it."""
    assert fill(template, request_values(request_text, known=everyday)).command == command


@pytest.mark.parametrize(
    ("request_text", "template", "command"),
    [
        # a place said whole on another machine fills both halves of `{{host}}:{{path}}`
        ("copy dump.sql.gz up to backup01:/srv/backups", "scp {{path/to/local_file}} {{remote_host}}:{{path/to/remote_file}}",
         "scp dump.sql.gz backup01:/srv/backups"),
        # a login left open before a host the request names is the user's own: no `{{user}}@` to edit
        ("send backup.sql to web1 into /tmp", "scp {{path/to/local_file}} {{user}}@{{host}}:{{path/to/remote_dir}}",
         "scp backup.sql web1:/tmp"),
        ("ssh into web1", "ssh {{username}}@{{remote_host}}", "ssh web1"),
        # a file said beside a remote folder is in that folder
        ("grab config.yml from app01:/etc/myapp/ to my laptop", "scp {{remote_host}}:{{path/to/remote_file}} .",
         "scp app01:/etc/myapp/config.yml ."),
        # a folder written with its slash, where the example adds one
        ("sync photos/ to nas:/backup/photos", "rsync -avz {{path/to/source}}/ {{remote_host}}:{{path/to/target}}",
         "rsync -avz photos/ nas:/backup/photos"),
    ],
)
def test_a_place_on_another_machine_goes_where_the_example_writes_one(request_text, template, command):
    """It got `scp dump.sql.gz backup01:/srv/backups:{{path/to/remote_file}}`."""
    assert fill(template, request_values(request_text, known=everyday)).command == command


def test_mkdir_makes_a_nested_path_only_with_its_parents():
    values = request_values("make the nested folders src/main/java")
    plain = fill("mkdir {{path/to/directory1 path/to/directory2 ...}}", values)
    assert (plain.command, plain.used) == ("mkdir {{path/to/directory1 path/to/directory2 ...}}", 0)
    assert fill("mkdir -p {{path/to/directory1 path/to/directory2 ...}}", values).command == "mkdir -p src/main/java"
    assert fill("sudo mkdir -pv {{path/to/directory}}", values).command == "sudo mkdir -pv src/main/java"
    here = request_values("make the nested folders src/main/java", cwd_dirs={"src"})
    assert fill("mkdir {{path/to/directory}}", here).command == "mkdir src/main/java"  # src is here


def test_a_copy_keeps_each_place_on_its_side():
    values = request_values("copy report.pdf to my home folder on host backup", known=everyday)
    to_host = fill("scp {{path/to/local_file}} {{remote_host}}:{{path/to/remote_file}}", values)
    assert (to_host.command, to_host.used) == ("scp report.pdf backup:~", 3)  # a copy's target may be a directory
    from_host = fill("scp {{remote_host}}:{{path/to/remote_file}} {{path/to/local_directory}}", values)
    assert from_host.command == "scp backup:{{path/to/remote_file}} {{path/to/local_directory}}"
    # a place on a host goes after that host, and where the program reads it, `host:path`
    values = request_values("copy the site directory to /var/www on the server web01", known=everyday)
    two_hosts = fill("scp -3 {{host1}}:{{path/to/remote_file}} {{host2}}:{{path/to/remote_directory}}", values)
    assert two_hosts.command == "scp -3 web01:{{path/to/remote_file}} {{host2}}:{{path/to/remote_directory}}"
    joined = fill("rsync -a {{path/to/source}} {{path/to/destination}}", values)
    assert (joined.command, joined.used) == ("rsync -a site web01:/var/www", 3)
    assert fill("cp -r {{path/to/source}} {{path/to/destination}}", values).used == 2  # cp cannot reach web01


@pytest.mark.parametrize(
    ("request_text", "template", "command", "used"),
    [
        ("delete log files older than 30 days in /var/log/myapp", "find {{path/to/directory}} -type f -mtime {{+30}} -delete",
         "find /var/log/myapp -type f -mtime +30 -name '*.log' -delete", 2.5),
        ("count the files owned by root in /srv", "find {{path/to/directory}} -type f | wc -l",
         "find /srv -type f -user root | wc -l", 1.5),
        ("find python files bigger than 1 megabyte", "find {{path/to/directory}} -type f -size {{+100M}}",
         "find {{path/to/directory}} -type f -size +1M -name '*.py'", 1.5),  # a pattern is no place to start
        # the example's own tests say more than the request: nothing is added
        ("find files in /tmp not accessed for 30 days", "find {{path/to/directory}} -type f -empty",
         "find /tmp -type f -empty", 1),
        ("find log files older than 3 days", "find {{path/to/directory}} -name '{{*.ext}}' -size {{+100M}}",
         "find {{path/to/directory}} -name '*.log' -size {{+100M}}", 1),
        ("find files owned by root", "find / -user vivek", "find / -user vivek", 0),
    ],
)
def test_find_gets_the_tests_the_request_states(request_text, template, command, used):
    filled = fill(template, request_values(request_text, known=everyday))
    assert (filled.command, filled.used) == (command, used)


def test_a_value_the_example_already_says_counts_as_taken():
    """"the status of the ssh service": `service {{name}} status` takes both the service and the
    action, as much as `service {{name}} {{start}}` does (it had lost to it, and that one's
    description starts with "Start")."""
    values = request_values("show the status of the ssh service")
    assert sorted(v.kind for v in values) == ["action", "service"]
    said = fill("service {{service_name}} status", values)
    assert said.command == "service ssh status"
    assert said.used == said.stated == 2
    assert fill("service {{service_name}} --full-restart", values).used == 1


@pytest.mark.parametrize(
    ("request_text", "template", "command"),
    [
        ("pip install django 4.2", "pip install {{package}}", "pip install django==4.2"),
        ("pip install django 4.2", "pip install {{package}}=={{version}}", "pip install django==4.2"),
        ("npm install react at version 18", "npm install {{package}}", "npm install react@18"),
        ("install nginx version 1.24 with apt", "sudo apt install {{package}}", "sudo apt install nginx=1.24"),
    ],
)
def test_a_package_gets_the_version_asked_for(request_text, template, command):
    filled = fill(template, request_values(request_text, known=everyday))
    assert (filled.command, filled.used, filled.stated) == (command, 1, 1)


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        # the value the request says reaches the first answer's command
        ("reset carol's password", "sudo passwd carol"),
        ("list everything in alice's home dir", "ls -R ~alice"),
        ("create a blank .npmrc file", "touch .npmrc"),
        ("ssh to db2 as root", "ssh root@db2"),
        ("log into staging as ubuntu via ssh", "ssh ubuntu@staging"),
        ("copy notes.txt to backup01 with scp", "scp notes.txt backup01:"),
        ("run df -h on prod over ssh", "ssh prod 'df -h'"),
        ("add upstream remote https://github.com/acme/tool.git", "git remote add upstream https://github.com/acme/tool.git"),
        ("add remote mirror https://example.org/repo.git", "git remote add mirror https://example.org/repo.git"),
        ("pin django to 4.2 using pip", "pip install django==4.2"),
        ("which file in src defines class UserService", "grep -rn 'UserService' src"),
        ("pull the latest from master", "git pull origin master"),
        ("checkout the staging branch", "git checkout staging"),
        ("move all the pdfs from ~/Downloads to ~/Documents", "mv ~/Downloads/*.pdf ~/Documents"),
        ("copy all png files from assets to public", "cp assets/*.png public"),
    ],
)
def test_a_value_the_request_says_reaches_the_answer(index, request_text, command):
    from test_offline_answer import first

    assert first(index, request_text) == command


@pytest.mark.parametrize(
    ("request_text", "template", "command"),
    [
        # a shell named for a login fills the shell's path
        ("change frank's shell to zsh", "sudo chsh -s {{path/to/shell}} {{username}}", 'sudo chsh -s "$(which zsh)" frank'),
        ("set my login shell to fish", "chsh -s {{path/to/shell}}", 'chsh -s "$(which fish)"'),
        ("change bob's shell to /bin/sh", "sudo usermod -s {{path/to/shell}} {{username}}", "sudo usermod -s /bin/sh bob"),
        # files of a type in a folder are the pattern inside it
        ("gzip all the .log files in /var/log/myapp", "gzip {{path/to/file}}", "gzip /var/log/myapp/*.log"),
        ("make the .sh files in scripts executable", "chmod +x {{path/to/file}}", "chmod +x scripts/*.sh"),
        # a CSV file's fields are split on commas
        ("3rd column of data.csv", "awk '{print $2}' {{path/to/file}}", "awk -F , '{print $3}' data.csv"),
        ("sort users.csv by the 2nd column", "sort -k {{2}} {{path/to/file}}", "sort -t , -k 2 users.csv"),
        ("column 2 of data.csv", "cut -f 2 {{path/to/file}}", "cut -d , -f 2 data.csv"),
        ("3rd column of data.txt", "awk '{print $2}' {{path/to/file}}", "awk '{print $3}' data.txt"),
        ("sort users.csv by the 2nd column numerically", "sort -n -k 2 {{path/to/file}}", "sort -t , -n -k 2 users.csv"),
        ("sort scores.txt by the 2nd column", "sort -k 2 {{path/to/file}}", "sort -k 2 scores.txt"),
        # a unit by its file name is a service
        ("errors from myapp.service today", "journalctl -u {{unit}}", "journalctl -u myapp.service"),
        # a JSON body goes where the example shows one, its own braces once
        ('post {"event":"test"} to https://x.io/a', "curl -X POST -H 'Content-Type: application/json' -d '{{{\"name\": \"value\"}}}' {{url}}",
         "curl -X POST -H 'Content-Type: application/json' -d '{\"event\":\"test\"}' https://x.io/a"),
        ('PUT {"enabled":false} to http://localhost:9000/flags/beta', "curl -X PUT -d '{{name=bob}}' {{url}}",
         "curl -X PUT -d '{\"enabled\":false}' http://localhost:9000/flags/beta"),
        # the file named keeps its own extension: the example's `.mkv` after the place is not said twice
        ("tracks of movie.mkv", "ffmpeg -i {{path/to/input_video}}.mkv -c copy {{path/to/output_video}}.mp4",
         "ffmpeg -i movie.mkv -c copy {{path/to/output_video}}.mp4"),
        ("convert talk.mov to talk.webm", "ffmpeg -i {{path/to/input}}.mov {{path/to/output}}.mp4",
         "ffmpeg -i talk.mov talk.webm"),
    ],
)
def test_values_said_as_what_they_are(request_text, template, command):
    assert fill(template, request_values(request_text), "").command == command


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("open a bash shell as root", []),  # a shell to start, no login shell
        ("make zsh my default shell", [("shell", "zsh")]),
        ("show logs for nginx.service", [("service", "nginx.service")]),
        ("delete all the .tmp files in /var/cache/app", [("glob", "*.tmp"), ("dir", "/var/cache/app")]),
    ],
)
def test_what_a_named_thing_is(request_text, expected):
    assert [item for item in kinds(request_text) if item[0] in ("shell", "service", "glob", "dir")] == expected


@pytest.mark.parametrize(
    ("place", "name", "mismatched"),
    [("path/to/URLs.txt", "ubuntu.iso", True), ("path/to/file.csv", "photo.jpg", True),
     ("path/to/URLs.txt", "urls.txt", False), ("path/to/file", "ubuntu.iso", False), ("path/to/image.iso", "ubuntu.iso", False),
     ("path/to/key", "~/.ssh/config", True), ("path/to/key", "deploy_rsa", False)],  # settings are never a key
)
def test_a_place_named_as_text_takes_no_file_that_cannot_be_text(place, name, mismatched):
    from nlshell.offline.typedfiles import mismatched as is_mismatched

    assert is_mismatched(place, name) is mismatched


def test_a_place_followed_by_a_slash_is_a_folder_and_takes_no_file():
    """`rsync -av {{path/to/source}}/ …` copies a folder's contents: app.conf is no folder (it got
    `rsync -av app.conf/ app.conf.bak` for "back up app.conf as app.conf.bak")."""
    from nlshell.offline.slots import fill

    assert fill("rsync -av {{path/to/source}}/ {{path/to/target}}", request_values("back up app.conf as app.conf.bak")).command \
        != "rsync -av app.conf/ app.conf.bak"
    assert fill("rsync -av {{path/to/source}}/ {{path/to/target}}", request_values("sync site/ to backup")).command == \
        "rsync -av site/ backup"


@pytest.mark.parametrize(
    ("command", "split"),
    [
        ("sort -nk 3 data.csv", "sort -t , -nk 3 data.csv"),  # sort reads the CSV itself: its fields are split on commas
        ("sort -t , -k 2 data.csv", "sort -t , -k 2 data.csv"),  # a separator said stays
        ("sort -k 2 data.txt", "sort -k 2 data.txt"),
        # uniq -c writes no commas: a sort of its output keeps splitting on blanks
        ("cut -d , -f 1 data.csv | sort | uniq -c | sort -k 1 -rn", "cut -d , -f 1 data.csv | sort | uniq -c | sort -k 1 -rn"),
    ],
)
def test_a_sort_of_a_csv_file_splits_on_commas(command, split):
    from nlshell.offline.delimited import comma_split

    assert comma_split(command) == split


@pytest.mark.parametrize(
    ("request_text", "template", "command"),
    [
        # a new name said "to" is the name given, not a place ("rename container old_web to web" left `{{new_name}}`)
        ("rename container old_web to web", "docker container rename {{container}} {{new_name}}",
         "docker container rename old_web web"),
        ("rename container old_web to /srv/web", "docker container rename {{container}} {{new_name}}",
         "docker container rename old_web {{new_name}}"),  # a place is no container's name
        # one of a numbered list by its number ("delete ufw rule number 3" left `{{rule_number}}`)
        ("delete ufw rule number 3", "sudo ufw delete {{rule_number}}", "sudo ufw delete 3"),
        ("delete line 7 of hosts.ini", "sed -i '{{line_number}}d' {{path/to/file}}", "sed -i '7d' hosts.ini"),
    ],
)
def test_a_name_or_number_said_for_one_thing_fills_it(request_text, template, command):
    assert fill(template, request_values(request_text), "").command == command


@pytest.mark.parametrize(
    ("request_text", "answer", "command"),
    [
        # the example's own number, said as it stands, is the request's ("… every 60 seconds" left `{{60}}`)
        ("ssh to mybox and send a keepalive every 60 seconds", "ssh -o ServerAliveInterval={{60}} mybox",
         "ssh -o ServerAliveInterval=60 mybox"),
        ("ssh to mybox and send a keepalive every 30 seconds", "ssh -o ServerAliveInterval={{60}} mybox",
         "ssh -o ServerAliveInterval={{60}} mybox"),  # another number is no default of it: left to edit
        ("what dates are the mondays in march 2025", "date -d '{{3}} days ago'", "date -d '{{3}} days ago'"),  # a month
    ],
)
def test_a_default_number_the_request_says_is_filled(request_text, answer, command):
    from nlshell.offline.slots import said_defaults

    assert said_defaults(answer, request_text) == command


def test_a_media_type_an_http_head_and_anywhere_within_a_place_are_read_as_such():
    """"… with Accept: application/xml" is no file to save to, "HEAD request" no `head` of a file
    "request", and "anywhere below here" is here, not the whole disk."""
    said = request_values("GET https://api.example.com/v1/items with Accept: application/xml")
    assert [(v.text, v.kind) for v in said] == [("GET", "method"), ("https://api.example.com/v1/items", "url")]
    assert "request" not in {v.text for v in request_values("HEAD request to https://x.io/big.tar")}
    below = request_values("leftover *.bak files anywhere below here")
    assert [(v.text, v.kind, v.role) for v in below] == [("*.bak", "glob", ""), (".", "dir", "in")]
    assert ("/", "dir") in {(v.text, v.kind) for v in request_values("find nginx.conf anywhere")}


@pytest.mark.parametrize(
    ("template", "command"),
    [
     ("sudo apt install {{package}}", "sudo apt install curl jq htop"),
     ("sudo apt-get install -y {{package}}", "sudo apt-get install -y curl jq htop"),
     ("pip uninstall {{package}}", "pip uninstall curl jq htop"),
     # a version pins one package: the first takes it, the rest are no part of the pin
     ("pip install {{package}}=={{version}}", "pip install curl=={{version}}"),
     # a package placeholder of no install takes one
     ("apt show {{package}}", "apt show curl"),
    ],
)
def test_a_package_manager_installs_every_package_a_list_says(template, command):
    assert fill(template, request_values("install curl, jq and htop")).command == command
