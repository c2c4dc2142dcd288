"""What a request's values are, by kind and by the role the sentence gives them (pure, table-driven).

`known` says every word is an ordinary word of the index's descriptions, as it does for "nginx",
"alice" or "archive" in the real index: a value read from its role must not depend on the word
being unknown.
"""

from __future__ import annotations

import pytest

from nlshell.offline.searched import without_values
from nlshell.offline.values import request_values


def everyday(word: str) -> bool:
    return True


def kinds(request: str, **kwargs) -> list[tuple[str, str]]:
    return [(v.kind, v.text) for v in request_values(request, known=everyday, **kwargs)]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # "to X" after "change the owner" is a user, after "change the group" a group
        ("change the owner of the www directory to nginx recursively", [("dir", "www"), ("user", "nginx")]),
        ("change the owner of report.pdf to alice", [("file", "report.pdf"), ("user", "alice")]),
        ("change the group of shared to developers", [("path", "shared"), ("group", "developers")]),
        # "called X" and a name after the kind word; the word before it is no name then
        ("create a new git branch called feature-login", [("branch", "feature-login")]),
        ("create a new git branch feature-login", [("branch", "feature-login")]),
        ("delete the local branch old-feature", [("branch", "old-feature")]),
        ("stop the nginx service", [("action", "stop"), ("service", "nginx")]),
        ("show the last 50 lines of the nginx service log", [("count", "50"), ("service", "nginx")]),
        # the kind word beats a dot
        ("create the git tag v1.2 for the current commit", [("tag", "v1.2")]),
        ("install the package python3.11", [("package", "python3.11")]),
        ("clone the repository https://github.com/user/repo.git", [("url", "https://github.com/user/repo.git")]),
        ("clone git@github.com:user/repo.git", [("url", "git@github.com:user/repo.git")]),
        # a program the request names as what is documented or run
        ("show the manual of rsync", [("command", "rsync")]),
        ("open the man page for grep", [("command", "grep")]),
        ("find the process id of nginx", [("process", "nginx")]),
        ("show the pid of sshd", [("process", "sshd")]),
        # a directory said after "of" a word for its shape
        ("tree of src but only 2 levels deep", [("dir", "src"), ("number", "2")]),
        # ordinals
        ("print the third column of table.txt", [("field", "3"), ("file", "table.txt")]),
        ("print the 2nd field of data.csv", [("field", "2"), ("file", "data.csv")]),
        ("print column 4 of data.csv", [("field", "4"), ("file", "data.csv")]),
        ("print the first line of names.csv", [("count", "1"), ("file", "names.csv")]),
        ("print file.txt backwards, last line first", [("file", "file.txt")]),
        # "to X" after rename, move, copy is the new place or name, whatever the word
        ("rename the folder drafts to archive", [("dir", "drafts"), ("path", "archive")]),
        ("rename the branch main to trunk", [("branch", "main"), ("branch", "trunk")]),
        ("set the hostname to webserver", [("host", "webserver")]),
        # links
        ("show where the symlink current points to", [("link", "current")]),
        # a link's own name before its noun; what a link is never names it
        ("point the current symlink at releases/v2", [("link", "current"), ("path", "releases/v2")]),
        ("remove the broken symlink", []),
        # a port is a number or a service's name: "port accepting" names none
        ("is the ssh port accepting connections on 10.0.0.5", [("host", "10.0.0.5")]),
        # a firewall rule's port by its service's name; a tunnel reads its own
        ("allow ssh from 10.0.0.0/8 with ufw", [("port", "22"), ("host", "10.0.0.0/8")]),
        ("restart postgres", [("action", "restart"), ("service", "postgres")]),
        # a host with its port says both (it was a path, or nothing); an image's tag is no port
        ("is smtp.office365.com:587 open from here", [("host", "smtp.office365.com"), ("port", "587"), ("dir", ".")]),
        ("can i reach db1:5432", [("host", "db1"), ("port", "5432")]),
        ("pull postgres:16", [("image", "postgres:16")]),
        # a domain of a newer ending is a machine, not a file
        ("which nameservers does mybakery.shop use", [("host", "mybakery.shop")]),
        # "90+ days" is ninety days and more
        ("files in ~/Downloads untouched in 90+ days", [("dir", "~/Downloads"), ("age", "+")]),  # the folder every home has
        # logs "for" a service are its own, as "of" it (sshd was a search word: `tail -f`)
        ("follow the logs for sshd", [("service", "sshd")]),
        ("logs for the last hour", [("age", "-")]),
        ("create a symlink named python pointing to python3", [("name", "python"), ("path", "python3")]),
        # who, which service, which interface, which record
        ("connect to the server db.example.com with ssh as root", [("host", "db.example.com"), ("user", "root")]),
        ("show the file data.bin as hex", [("file", "data.bin")]),  # no one acts as hex
        ("find files owned by root", [("user", "root")]),
        ("follow the journal of sshd", [("service", "sshd")]),
        ("show the ip address of eth0", [("interface", "eth0")]),
        ("show the addresses of the interface wlp2s0", [("interface", "wlp2s0")]),
        ("look up the mx records of example.org", [("record", "MX"), ("host", "example.org")]),
        # what is appended
        ("append the line hello to notes.txt", [("message", "hello"), ("file", "notes.txt")]),
        ('append "good night" to notes.txt', [("message", "good night"), ("file", "notes.txt")]),
        ("add the user alice to the docker group", [("user", "alice"), ("group", "docker")]),
        # in a search, "in X" is where; elsewhere a manner is no place
        ("search for the word timeout recursively in config", [("pattern", "timeout"), ("path", "config")]),
        ("list the files in this folder newest first", [("dir", ".")]),
        ("make a tar.gz of the folder project", [("dir", "project")]),
        ("delete all files/directories in /tmp/x", [("path", "/tmp/x")]),  # a choice of words, not a path
        ("split big.csv into files of 1000 lines each", [("file", "big.csv"), ("count", "1000")]),
        # a quoted path where a place goes is a place, with its spaces
        ("delete the *.sql files in the '/srv/old dumps' directory", [("glob", "*.sql"), ("path", "/srv/old dumps")]),
        ("search for '/usr/bin' in notes.txt", [("pattern", "/usr/bin"), ("file", "notes.txt")]),
        ('rename "/srv/a" to "/srv/b"', [("path", "/srv/a"), ("path", "/srv/b")]),
        ('keep the digits of "1/2 [3] (27/03) 4/5"', [("text", "1/2 [3] (27/03) 4/5")]),  # text, not a path
        ("delete the txt files under the /srv/x directory modified today", [("glob", "*.txt"), ("path", "/srv/x")]),
        # a crontab is a user's, "of" or "for" them; a permission "for others" names no one
        ("show the crontab for www-data", [("user", "www-data")]),
        ("list the crontab of deploy", [("user", "deploy")]),
        # a kind said with 's owns through the name before it
        ("when does the deploy user's password expire", [("user", "deploy")]),
        ("show the nginx service's logs", [("service", "nginx")]),
    ],
)
def test_values_take_their_kind_from_their_role(request_text, expected):
    assert kinds(request_text) == expected


def test_a_length_of_time_and_an_age():
    (shutdown,) = request_values("schedule a shutdown in 30 minutes")
    assert (shutdown.kind, shutdown.seconds) == ("seconds", 1800)
    (_, unused) = request_values("find files in /tmp not accessed for 30 days")
    assert (unused.kind, unused.text, unused.seconds, unused.clock) == ("age", "+", 30 * 86400, "a")
    (_, untouched) = request_values("find logs in /srv not modified in the last 2 days")
    assert (untouched.text, untouched.clock) == ("+", "")  # not in the last two days: older than that
    (newer,) = request_values("files not older than 7 days")
    assert newer.text == "-"
    # "ago" after the unit says which way, whatever came before ("last modified")
    (ago,) = request_values("files last modified more than 25 days ago")
    assert (ago.kind, ago.text, ago.seconds) == ("age", "+", 25 * 86400)
    (recent,) = request_values("files modified less than 2 hours ago")
    assert (recent.kind, recent.text) == ("age", "-")


def test_in_a_search_a_name_is_what_is_sought_unless_the_request_makes_it():
    (sought,) = request_values("where is the file called hosts")
    assert sought.role == "sought"
    made = request_values("find the files modified today and compress them into a tarball named week.tar.gz")
    assert [(v.text, v.role) for v in made] == [("week.tar.gz", "name")]


def test_which_side_of_a_copy_a_place_is_on():
    values = request_values("copy the site directory to /var/www on the server web01", known=everyday)
    assert [(v.text, v.side) for v in values] == [("site", "local"), ("/var/www", "remote"), ("web01", "")]
    values = request_values("copy report.pdf to my home folder on host backup", known=everyday)
    assert [(v.text, v.role, v.side) for v in values] == [("report.pdf", "", "local"), ("backup", "", ""),
                                                          ("~", "to", "remote")]
    assert [v.side for v in request_values("copy notes.txt to /tmp")] == ["", ""]  # no host: no sides


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # what a copy takes "from", "off" or "out of" a host or a container is there; where it goes is here
        ("grab /var/log/app.log from the container web", [("/var/log/app.log", "", "remote"), ("web", "from", "")]),
        ("copy /app/out.log out of container worker to here",
         [("/app/out.log", "", "remote"), ("worker", "from", ""), (".", "to", "local")]),  # here: where it goes
        ("pull report.pdf off 192.168.1.20", [("report.pdf", "", "remote"), ("192.168.1.20", "from", "")]),
        # a place said right after where it goes is there: "to 10.0.0.5 in /srv/backups"
        ("copy backup.tar to 10.0.0.5 in /srv/backups",
         [("backup.tar", "", "local"), ("10.0.0.5", "to", ""), ("/srv/backups", "to", "remote")]),
        ("copy config.yml into container api at /etc/app",
         [("config.yml", "", "local"), ("api", "to", ""), ("/etc/app", "to", "remote")]),  # no path "container"
        ("copy redis.conf into the redis container at /etc/redis",
         [("redis.conf", "", "local"), ("redis", "to", ""), ("/etc/redis", "to", "remote")]),
        ("copy report.csv out of pod api-7f9 to here",
         [("report.csv", "", "remote"), ("api-7f9", "from", ""), (".", "to", "local")]),
    ],
)
def test_which_way_a_copy_goes(request_text, expected):
    assert [(v.text, v.role, v.side) for v in request_values(request_text)] == expected


def test_a_nested_path_to_make():
    (nested,) = request_values("make the nested folders src/main/java")
    assert nested.nested
    (existing,) = request_values("make the folder src/app", cwd_dirs={"src"})
    assert not existing.nested  # its parent is here
    (joined,) = request_values("make a folder named logs inside src")
    assert (joined.text, joined.nested) == ("src/logs", False)  # put inside a place the request names


def test_words_that_say_which_program_stay_search_words():
    """An interface or a DNS record type is a value and a word that says what the request is about."""
    def searched(request: str) -> str:
        return without_values(request, request_values(request))

    assert searched("show the ip address of eth0") == "show the ip address of eth0"
    assert searched("look up the mx records of example.org") == "look up the mx records of"
    assert searched("show the manual of rsync") == "show the manual of"  # the manual is what is asked for
    assert searched("print the third column of table.txt") == "print the column of"  # not "every third line"


PROGRAMS = {"nginx", "python3", "docker"}


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("is nginx running", [("process", "nginx")]),
        ("where is the python3 program installed", [("command", "python3")]),
        ("is docker still running", [("process", "docker")]),
        # a word that names no program stays a search word; so does the program a request runs
        ("list the programs running", []),
        ("is the backup running", []),
        ("run nginx", []),
    ],
)
def test_a_program_the_request_is_about_is_a_value(request_text, expected):
    """"is nginx running" asks about nginx (pgrep, systemctl); it does not ask nginx to run."""
    assert kinds(request_text, program=PROGRAMS.__contains__) == expected


@pytest.mark.parametrize("request_text", ["wait 2-5 minutes", "retry every 2-5 seconds", "files older than 3-4 days", "the 5-10 biggest files"])
def test_a_range_or_width_nothing_reads_is_a_plain_number(request_text):
    """A shaped number ("2-5") that is no line range or width was read as a length of time, and
    float("2-5") crashed the offline answer."""
    values = request_values(request_text)
    assert [v.kind for v in values if "-" in v.text] == ["number"]


# -- ordinary words are no values ----------------------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # the name is the word before the kind word; a verb after it says what the thing did
        ("why did the postgresql service fail to start", [("service", "postgresql"), ("action", "start")]),
        ("the nginx service crashed", [("service", "nginx")]),
        # a kind word after a kind word is no name
        ("what user accounts exist on this box", []),
        ("list the service units", []),
        # an adverb after a folder, a verb after "this folder"
        ("remove olduser's account and his home folder too", [("user", "olduser")]),  # his home is no `~`
        ("which 5 things in this folder take up the most space", [("number", "5"), ("dir", ".")]),
        # capitalised things, not what to look for
        ("I need sshd's PID", [("process", "sshd")]),
        ("what's eating my RAM? top memory users please", []),
        ("show the CPU and GPU temperature", []),
        ("grep for TODO in main.c", [("pattern", "TODO"), ("file", "main.c")]),  # a capitalised word still sought
        # an environment variable everyone knows is a variable, not a file or a pattern
        ("what directories are on my PATH", [("variable", "PATH")]),
        ("what's my PATH set to", [("variable", "PATH")]),
        ("print the value of HOME", [("variable", "HOME")]),
        # a superlative names no folder ("the whole disk" is /); an -ing word before "processes" says
        # which, it names none
        ("what's the biggest directory on the whole disk", [("dir", "/")]),
        ("show the top memory consuming processes", []),
        ("kill every firefox process", [("process", "firefox")]),
        # a format said as what is made is no file to act on
        ("turn the pics directory into a .zip", [("dir", "pics")]),
        # what a process does is no one's name ("which process is eating the cpu" got `ps -u eating`)
        ("fans going crazy, which process is eating the cpu", []),
        ("which process is holding /var/lib/dpkg/lock", [("path", "/var/lib/dpkg/lock")]),
    ],
)
def test_ordinary_words_are_no_values(request_text, expected):
    assert kinds(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("watch the nginx errors come in live", [("file", "/var/log/nginx/error.log")]),
        ("last 50 lines of the nginx access log", [("count", "50"), ("file", "/var/log/nginx/access.log")]),
        ("add an entry to my hosts file", [("file", "/etc/hosts")]),
        ("which hosts are in my ssh config", [("file", "~/.ssh/config")]),
        ("check the auth log for failed logins", [("file", "/var/log/auth.log")]),
        ("who tried to log in via ssh, check the auth log", [("file", "/var/log/auth.log")]),  # "to log" is no host
        ("ssh into build01", [("host", "build01")]),  # "ssh" alone names no config
    ],
)
def test_a_file_named_by_what_it_is_is_its_path(request_text, expected):
    """The word table's `known_file:` lines (nlshell/offline/knownfiles.py)."""
    assert kinds(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # "the staging box" is a machine, "as deploy" with scp its user
        ("scp dump.sql to the staging box as deploy", [("file", "dump.sql"), ("host", "staging"), ("user", "deploy")]),
        ("grep timeout in all the .py files", [("pattern", "timeout"), ("glob", "*.py")]),  # after grep: what it looks for
        ("grep recursively for foo", [("pattern", "foo")]),  # how, not what
        ("grep -i error app.log", [("file", "app.log")]),
        ("gzip every csv in exports/", [("glob", "*.csv"), ("dir", "exports/")]),  # every csv: the files of the type
        ("pin numpy to 1.26.4", [("package", "numpy")]),  # the version goes with the package
        ("checkout v2.3.0", [("tag", "v2.3.0")]),  # a release number is no file; in git, a tag
        ("install numpy 1.26.4 with pip", [("package", "numpy")]),  # … nor a file where a package is pinned
        ("ssh into bastion.corp port 2222", [("host", "bastion.corp"), ("port", "2222")]),  # a company's own domain
        ("is the worker service enabled at boot?", [("service", "worker")]),  # "enabled" says its state
        ("upload report.csv to the s3 bucket acme-reports", [("file", "report.csv"), ("bucket", "acme-reports")]),
        ("search my markdown notes for kubernetes", [("glob", "*.md"), ("pattern", "kubernetes")]),  # notes of a type
        ("split huge.csv into 1 million line pieces", [("file", "huge.csv"), ("count", "1000000")]),  # the number whole
        ("first 2 thousand rows of big.csv", [("count", "2000"), ("file", "big.csv")]),
        ("where did i put that invoice pdf, under ~/Documents", [("glob", "*invoice*.pdf"), ("dir", "~/Documents")]),
        ("spin up redis 7 on 6379 in the background", [("image", "redis:7"), ("port", "6379")]),  # "spin up": a container
        ("run just the login tests w/ pytest", [("keyword", "login")]),  # the tests a word selects; "w/" is "with"
        ("run the unit tests", []),  # a sort of tests, no keyword (nor a service "tests" after "unit")
        ("restart just nginx in the compose setup", [("action", "restart"), ("service", "nginx")]),  # "just" says which
        ("kill only firefox", [("process", "firefox")]),  # "only" is no process
        ("create a home directory for bob, he has none", []),  # bob's home is no `~`, "none" no user
        ("what does this makefile's test target do", [("target", "test")]),  # a target may be a verb, after 's too
        ("how many rows in users? it's sqlite, app.db", [("table", "users"), ("file", "app.db")]),  # rows in a table
    ],
)
def test_round_sixteen_values(request_text, expected):
    """The word table's `known_file:` lines (nlshell/offline/knownfiles.py)."""
    assert kinds(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # a possessive names what the kind word after it belongs to
        ("show nginx's log", [("service", "nginx")]),
        ("who is report.pdf's owner", [("file", "report.pdf")]),
        # an address with a domain is mail where the request says so or names no login; a key's type is no commit
        ("new ed25519 key, comment it with dana@corp.io", [("email", "dana@corp.io")]),
        ("set my git email to ana@example.com", [("email", "ana@example.com")]),
        ("ssh as deploy@web1.example.com", [("user", "deploy"), ("host", "web1.example.com")]),
        # a shell's startup file is a file, no service; an alias's command ends before how long it lasts
        ("reload bashrc", [("action", "reload"), ("file", "~/.bashrc")]),
        ("make an alias gs for git status that sticks around", [("alias", "gs"), ("command", "git status")]),
        ("make an alias ll for ls -la in my zshrc", [("alias", "ll"), ("command", "ls -la"), ("file", "~/.zshrc")]),
        # a name right after the verb with "their home" after it is a user, and their home no `~`
        ("delete tempuser and their home dir", [("user", "tempuser")]),
        # "a home dir" is the new user's, never mine
        ("add user carol with a home dir", [("user", "carol")]),
        # what a machine is said to be doing is no name of it
        ("is the machine swapping", []),
        # a container named after its software is a container; one said first is named too
        ("restart nginx container", [("action", "restart"), ("container", "nginx")]),
        ("nginx container is wedged, restart it", [("container", "nginx"), ("action", "restart")]),
        # a JSON body said whole is data to send
        ('PUT {"enabled":false} to http://localhost:9000/flags/beta',
         [("method", "PUT"), ("data", '{"enabled":false}'), ("url", "http://localhost:9000/flags/beta")]),
        # a remote's branch is a branch, no folder; a word after "against" is none
        ("am i behind origin/develop", [("branch", "origin/develop")]),
        ("diff my branch against origin/main", [("branch", "origin/main")]),
        # a kind word said with 's still says the kind ("container's" was the service container)
        ("last 100 lines of the worker container's logs", [("count", "100"), ("container", "worker")]),
        # a file or an address said with 's is itself ("set report.pdf's modified time" got `'report.pdf'"'"'s'`)
        ("set report.pdf's modified time to yesterday", [("file", "report.pdf")]),
        ("copy backup.tar.gz to deploy@10.0.0.5's home dir", [("file", "backup.tar.gz"), ("user", "deploy"), ("host", "10.0.0.5"), ("dir", "~")]),
        ("open rsync's manual", [("command", "rsync")]),
        # a user named before "the owner", "an account for X"
        ("make www-data the owner of /var/www/site", [("user", "www-data"), ("path", "/var/www/site")]),
        ("make developers the group of shared", [("group", "developers"), ("path", "shared")]),
        ("add an account for maria on this server", [("user", "maria")]),
        ("create a login for bob", [("user", "bob")]),
        # user@host: the user and the host
        ("connect to pi@raspberrypi.local, ssh on port 2222", [("user", "pi"), ("host", "raspberrypi.local"),
                                                                ("port", "2222")]),
        # what a line says, up to where it goes
        ("add a line saying buy milk to the end of todo.txt", [("text", "buy milk"), ("file", "todo.txt")]),
        ("append a line that says hello there to notes.txt", [("text", "hello there"), ("file", "notes.txt")]),
        ("install.sh says permission denied", [("file", "install.sh")]),  # a file saying a message says no text
        # what a search counts
        ("how many times does timeout appear in worker.log", [("pattern", "timeout"), ("file", "worker.log")]),
        ("show the line numbers where main appears in app.c", [("pattern", "main"), ("file", "app.c")]),
        ("count the occurrences of error in app.log", [("pattern", "error"), ("file", "app.log")]),
        # a package a project gets, a process that hangs
        ("add express to my node project", [("package", "express")]),
        ("remove lodash from this node project", [("package", "lodash")]),
        ("firefox is frozen, kill it", [("process", "firefox")]),
        ("slack hangs again", [("process", "slack")]),
        # a key of a JSON or YAML file; with no such file a field is a column
        ("get the version field out of package.json", [("key", "version"), ("file", "package.json")]),
        ("get the value of version from package.json", [("key", "version"), ("file", "package.json")]),
        ("read the key timeout from config.yaml", [("key", "timeout"), ("file", "config.yaml")]),
        ("print the third field of data.json", [("field", "3"), ("file", "data.json")]),
        # names said in words spelt otherwise
        ("restart the network manager", [("action", "restart"), ("service", "NetworkManager")]),
        ("follow the nginx error log as it grows", [("file", "/var/log/nginx/error.log")]),
    ],
)
def test_the_phrase_around_a_value_says_its_kind(request_text, expected):
    assert kinds(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("what's 1234 * 56", "1234*56"),
        ("what's 1512 divided by 8", "1512/8"),
        ("calculate 3 plus 4 times 2", "3+4*2"),
        ("what is 2 to the power of 10", "2^10"),
        ("17 mod 5", "17%5"),
        ("what is 100 minus 58", "100-58"),
        ("what's 9 - 3 * 2", "9-3*2"),
        ("compute 3+4*2", "3+4*2"),
        ("what's 7 × 6", "7*6"),
        ("what is (1+2)*3", "(1+2)*3"),
    ],
)
def test_arithmetic_is_one_expression(request_text, expected):
    assert kinds(request_text) == [("expression", expected)]


@pytest.mark.parametrize(
    "request_text",
    ["show lines 20-30 of main.c", "show lines 20 - 30 of main.c", "show the last 5 lines of log.txt", "what happened on 2024-01-15",
     "delete *.tmp files", "base64 encode the text hello world"],
)
def test_numbers_and_patterns_are_no_expression(request_text):
    assert "expression" not in [kind for kind, _ in kinds(request_text)]


def test_a_sum_leaves_the_search_a_word_that_says_calculate():
    request = "what's 1234 * 56"
    assert without_values(request, request_values(request)) == "what's calculate"


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("print list.txt without duplicate lines", [("file", "list.txt")]),
        ("show guests.txt sorted a-z without repeats", [("file", "guests.txt")]),  # what `sort -u` drops
        ("empty the file app.log without deleting it", [("file", "app.log")]),
        ("read syslog.2.gz without unzipping it", [("file", "syslog.2.gz")]),  # a doubled consonant: unzip
        ("show lines without warning in app.log", [("pattern", "warning"), ("file", "app.log")]),
        ("lines of app.log without the word debug", [("file", "app.log"), ("pattern", "debug")]),
    ],
)
def test_without_and_how_to_do_it_is_no_text_to_leave_out(request_text, expected):
    """"without deleting it" says how (a verb's -ing form), "without duplicate lines" which lines;
    both were patterns for `grep -v`."""
    assert [(v.kind, v.text) for v in request_values(request_text)] == expected


def test_a_dotfile_and_an_acronym_are_no_service_nor_place():
    """"reload .bashrc" reloads a file, no service named .bashrc (a unit `nginx.service` still is
    one); "what's plugged into usb" names no folder usb."""
    assert [(v.kind, v.text) for v in request_values("reload .bashrc")] == [("action", "reload"), ("path", ".bashrc")]
    assert ("service", "nginx.service") in [(v.kind, v.text) for v in request_values("reload nginx.service")]
    assert [(v.kind, v.text) for v in request_values("whats plugged into usb")] == []


def test_into_a_program_name_is_a_format_not_a_file():
    """"turn token.bin into base64": base64 is what to turn it into (it got `tr … > base64`, a
    command writing a file for a request that only looks); "into backup" is still a place."""
    index = {"known": lambda word: True, "program": {"base64", "gzip"}.__contains__}  # words the index knows
    assert [(v.kind, v.text) for v in request_values("turn token.bin into base64", **index)] == [("file", "token.bin")]
    assert ("path", "backup") in [(v.kind, v.text) for v in request_values("copy a.txt into backup", **index)]
    assert ("dir", "base64") in [(v.kind, v.text) for v in request_values("copy a.txt into base64", cwd_dirs={"base64"}, **index)]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # a file type said without "files": "every pdf", "all the jpgs"; "the text files" is no text
        ("find every pdf somewhere in my home directory", [("glob", "*.pdf"), ("dir", "~")]),
        ("where are all the jpgs", [("glob", "*.jpg")]),
        ("list the text files in my home", [("glob", "*.txt"), ("dir", "~")]),
        ("kill all python processes", [("process", "python")]),
        # "files in X": X is where they are, searched for or not
        ("show python files in src", [("glob", "*.py"), ("dir", "src")]),
        # the whole disk, the entire system, anywhere: `/`; "everywhere in a file" is in the file
        ("look for files over 500 megs on the whole disk", [("size", "+500M"), ("dir", "/")]),
        ("find files bigger than 2 gigs anywhere on the system", [("size", "+2G"), ("dir", "/")]),
        ("find every file named .env on the whole disk", [("name", ".env"), ("dir", "/")]),
        ("what's listening on this machine", []),
        # a file said right after a search's verb is what is looked for, not where
        ("find nginx.conf anywhere", [("name", "nginx.conf"), ("dir", "/")]),
        ("where is nginx.conf", [("name", "nginx.conf")]),
        # what is changed in a file, and to what
        ("change localhost to db.internal everywhere in settings.py",
         [("pattern", "localhost"), ("replacement", "db.internal"), ("file", "settings.py")]),
        ("change http to https in every line of urls.txt", [("pattern", "http"), ("replacement", "https"), ("file", "urls.txt")]),
        ("substitute 2024 for 2023 in notes.md", [("pattern", "2023"), ("replacement", "2024"), ("file", "notes.md")]),
        ("replace every occurrence of v1 with v2 in api.py", [("pattern", "v1"), ("replacement", "v2"), ("file", "api.py")]),
        ("change the owner of www to nginx", [("path", "www"), ("user", "nginx")]),
        # a key any word may name, quoted or not
        ("get the name field from data.json", [("key", "name"), ("file", "data.json")]),
        ('print the "id" property of response.json', [("key", "id"), ("file", "response.json")]),
        # NAME=VALUE: a variable and its value, whole
        ("make DEBUG=1 an environment variable in my current shell", [("variable", "DEBUG"), ("value", "1")]),
        ("set EDITOR=vim for this shell", [("variable", "EDITOR"), ("value", "vim")]),
        # a person the question is about
        ("how many processes does bob have running", [("user", "bob")]),
        ("what groups is carol in", [("user", "carol")]),
        ("when did dave last log in", [("user", "dave")]),
        ("how many processes does nginx have", []),
        # words that say when are never a name
        ("logs of the postgresql service since boot", [("service", "postgresql")]),  # the service said before its noun
        # what a copy, move or rename takes, and where it goes
        ("copy src into dst but don't overwrite anything", [("path", "src"), ("path", "dst")]),
        ("rename draft to final", [("path", "draft"), ("path", "final")]),
        ("copy files to backup", [("path", "backup")]),
        # a verb read as an action still introduces its value
        ("restart ngnix", [("action", "restart"), ("service", "ngnix")]),
    ],
)
def test_values_said_in_everyday_words(request_text, expected):
    assert kinds(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # a file said right after "where's", "where is my" is what is looked for
        ("where's docker-compose.yml", [("name", "docker-compose.yml", "sought")]),
        ("where is my id_rsa", [("name", "id_rsa", "sought")]),
        ("look for app.log", [("name", "app.log", "sought")]),
        ("grep for error in app.log", [("pattern", "error", ""), ("file", "app.log", "in")]),
    ],
)
def test_a_name_right_after_a_search_verb_is_sought(request_text, expected):
    assert [(v.kind, v.text, v.role) for v in request_values(request_text, known=everyday)] == expected


@pytest.mark.parametrize(
    ("request_text", "words"),
    [
        ("any pngs in ~/Pictures?", {"find"}),  # only what to look for: a search
        ("change every 'http:' to 'https:' in links.md", {"replace", "text"}),  # the values say the job
        ("how long is lecture.mkv", {"mkv", "video"}),  # a file's extension says what media it is
        ("resolution of banner.png?", {"png", "image"}),
        ("how long is song.flac", {"audio"}),
    ],
)
def test_values_that_say_the_job_leave_its_words(request_text, words):
    assert words <= set(without_values(request_text, request_values(request_text, known=everyday)).split())


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("show python files in src", [("glob", "*.py"), ("dir", "src")]),
        ("how do i see hidden files in terminal", []),  # where it shows, no folder
    ],
)
def test_files_in_a_folder_but_not_in_the_terminal(request_text, expected):
    assert [(v.kind, v.text) for v in request_values(request_text, known=everyday, program={"bash"}.__contains__)] == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # a number after a name is its tag where the request is about images …
        ("pull the postgres 16 image", [("image", "postgres:16", "")]),
        ("pull ubuntu 22.04 from docker hub", [("image", "ubuntu:22.04", "")]),
        ("get the node 20 docker image", [("image", "node:20", "")]),
        ("build the Dockerfile here, tag it myapp:1.0", [("file", "Dockerfile", ""), ("image", "myapp:1.0", ""), ("dir", ".", "")]),
        ("docker build tagged api:latest", [("image", "api:latest", "")]),
        # … and the image to run is what runs in docker, or a new container of it
        ("run nginx in docker on port 8080", [("image", "nginx", ""), ("port", "8080", "")]),
        ("start a redis container", [("action", "start", ""), ("image", "redis", "")]),
        ("docker run redis on port 6380", [("image", "redis", ""), ("port", "6380", "")]),
        ("docker start web", [("action", "start", "")]),  # what starts may be a container already there
        # a package's version stays beside it
        ("pip install django 4.2", [("package", "django", "4.2")]),
        ("npm install react at version 18", [("package", "react", "18")]),
        # elsewhere a number counts what follows it, or is a number
        ("tree of lib just 3 levels", [("dir", "lib", ""), ("number", "3", "")]),
        ("show top 10 processes", [("count", "10", "")]),
        ("curl localhost:8080 in a container", [("host", "localhost", ""), ("port", "8080", "")]),  # an address and its port, no image
    ],
)
def test_names_with_versions_and_tags(request_text, expected):
    assert [(v.kind, v.text, v.version) for v in request_values(request_text)] == expected


@pytest.mark.parametrize(
    ("request_text", "kind", "text", "seconds"),
    [
        # a number glued to its unit of time is the same amount as said apart
        ("what changed in /etc in the last 24h", "age", "-", 86400),
        ("logs older than 2d", "age", "+", 2 * 86400),
        ("files changed in the last 30m", "age", "-", 1800),
        ("shut down in 10min", "seconds", "600", 600),
        # … where it could be a size, only when the words before it say time
        ("files bigger than 30m", "size", "+30M", 0),
    ],
)
def test_a_number_glued_to_its_unit(request_text, kind, text, seconds):
    (value,) = [v for v in request_values(request_text) if v.kind not in ("dir", "path", "file")]
    assert (value.kind, value.text, value.seconds) == (kind, text, seconds)


def test_a_value_word_ending_its_clause_introduces_nothing():
    values = request_values("pip install requests just for my user, not system wide")
    assert [(v.kind, v.text) for v in values] == [("package", "requests")]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("ssh says my private key is too open", [("file", "~/.ssh/id_rsa")]),
        ("my private ssh key is too open", [("file", "~/.ssh/id_rsa")]),
        ("copy my ssh key to server.example.com", [("host", "server.example.com")]),  # the public one: ssh-copy-id's
        ("generate a new private key", []),  # no key of theirs yet
    ],
)
def test_the_users_own_key_is_a_file(request_text, expected):
    assert [(v.kind, v.text) for v in request_values(request_text)] == expected


def test_a_number_word_before_levels_is_a_number():
    assert [(v.kind, v.text) for v in request_values("tree of docs one level deep")] == [("dir", "docs"), ("number", "1")]


def test_what_a_copy_takes_from_another_side_searches_as_a_copy():
    values = request_values("get /var/log/syslog off 10.1.1.1")
    assert without_values("get /var/log/syslog off 10.1.1.1", values).split()[-1] == "copy"
    assert "copy" not in without_values("show /var/log/syslog", request_values("show /var/log/syslog"))


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # what "how many" counts inside a file is the pattern of the lines to count
        ("how many 404s in access.log", [("file", "access.log"), ("pattern", "404")]),  # it was 404 seconds
        ("how many errors are in app.log", [("file", "app.log"), ("pattern", "error")]),
        ("count the warnings in build.log", [("file", "build.log"), ("pattern", "warning")]),
        # units the table counts, and things counted in no file, are no pattern
        ("how many lines in main.go", [("file", "main.go")]),
        ("how many users are logged in", []),
        # an HTTP status a log's lines say, however said (it was 502 seconds, or a number)
        ("grep the 502s out of access.log", [("file", "access.log"), ("pattern", "502")]),
        ("count requests that returned 404 in access.log", [("file", "access.log"), ("pattern", "404")]),
        ("show the 500 errors in access.log", [("file", "access.log"), ("pattern", "500")]),
        ("show the 100 newest lines of app.log", [("count", "100"), ("file", "app.log")]),  # how many, no status
    ],
)
def test_what_is_counted_in_a_file_is_a_pattern(request_text, expected):
    assert sorted(kinds(request_text)) == sorted(expected)


def test_a_program_after_a_host_word_is_no_host():
    """"server uptime" named the host `uptime` (`ssh uptime 'df -h'`)."""
    assert kinds("server uptime", program=lambda word: word == "uptime") == []
    assert kinds("connect to server prod", program=lambda word: word == "uptime") == [("host", "prod")]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # an owner said with 's: a user by what people have, a home folder as `~name`
        ("reset carol's password", [("user", "carol")]),
        ("show dave's crontab", [("user", "dave")]),
        ("kill all of bob's processes", [("user", "bob")]),
        ("list everything in alice's home dir", [("dir", "~alice")]),
        ("show sshd's PID", [("process", "sshd")]),
        ("show the system's uptime", []),  # no one
        ("what's user bob running", [("user", "bob")]),  # what is: "what" owns nothing, even before a kind word
        ("list redis keys that start with user:", []),  # "start with" says how names begin: no action
        ("lower the priority of 9001, its a batch job", [("pid", "9001")]),  # what only a process has
        # what a folder holds, to remove: never the folder itself
        ("clear out everything in /tmp/scratch but keep the dir itself", [("glob", "/tmp/scratch/*")]),
        ("wipe everything in the cache folder", [("glob", "cache/*")]),
        ("what's everything in /tmp/scratch", [("path", "/tmp/scratch")]),  # a look: the folder
        # a dotfile said with singular "file" is that file; plural is a pattern
        ("create an empty .env file", [("file", ".env")]),
        ("edit my .npmrc file", [("file", ".npmrc")]),
        ("delete the .pyc files", [("glob", "*.pyc")]),
        # a bare name said to a program that reaches another machine is a host
        ("ssh into build01", [("host", "build01")]),
        ("ssh to db2 as root", [("host", "db2"), ("user", "root")]),
        ("copy notes.txt to backup01 with scp", [("file", "notes.txt"), ("host", "backup01")]),
        ("ping db2", [("host", "db2")]),
        ("copy notes.txt to backup01", [("file", "notes.txt"), ("path", "backup01")]),  # here, without ssh
        # a package pinned with a package manager
        ("pin django to 4.2 using pip", [("package", "django")]),
        ("install numpy 1.26.4 via pip", [("package", "numpy")]),
        ("resize it to 1.5", [("number", "1.5")]),
        # a git remote's name beside the word remote
        ("add upstream remote https://github.com/acme/tool.git", [("gitremote", "upstream"), ("url", "https://github.com/acme/tool.git")]),
        ("add remote mirror https://example.org/repo.git", [("gitremote", "mirror"), ("url", "https://example.org/repo.git")]),
        ("ssh to the remote host web1", [("host", "web1")]),
        ("the remote moved, set origin to https://x.example.com/api.git", [("url", "https://x.example.com/api.git")]),
        # a name in code
        ("which file in src defines class UserService", [("path", "src"), ("pattern", "UserService")]),
        ("where is getUserById defined", [("pattern", "getUserById")]),
        ("bring the interface eth0 down", [("interface", "eth0")]),
        # branches by their usual names, in git requests only
        ("pull the latest develop", [("branch", "develop")]),
        ("rebase onto main", [("branch", "main")]),
        ("checkout the staging branch", [("branch", "staging")]),
        ("rename branch feature-login to feat/login", [("branch", "feature-login"), ("branch", "feat/login")]),
        ("rename branch foo to bar", [("branch", "foo"), ("branch", "bar")]),  # the new name was a path
        # the owner of what people have on a machine, said after it
        ("show the cron jobs for www-data", [("user", "www-data")]),
        ("list the processes for deploy", [("user", "deploy")]),
        ("processes of nginx", []),  # software is no one
        ("files owned by bob", [("user", "bob")]),
        ("show the permissions of script.sh", [("file", "script.sh")]),  # an attribute's "of" is a thing's
        ("list files sorted by modification time", []),  # "by" after no owned thing
        ("add a cron job for myself", []),
        ("curl bit.ly/3xYz and follow the redirects", [("url", "bit.ly/3xYz")]),  # a short link's domain
        ("get .name of every item in items.json", [("key", "name"), ("file", "items.json")]),  # jq's way to say a key
        ("gzip all the .json files in dumps", [("glob", "*.json"), ("dir", "dumps")]),  # an extension is no key
        ("is port 5432 open on db01", [("port", "5432"), ("host", "db01")]),  # a port is some machine's
        ("run the lint script from package.json", [("script", "lint"), ("file", "package.json")]),
        # the name a request opens with is whose account "his" is
        ("bob left the company, lock his account", [("user", "bob")]),
        ("git reset his files", []),  # a program and its verb
        ("empty the tmp folder but keep the folder itself", [("dir", "tmp")]),  # "itself" is no folder
        ("run deploy.sh", [("file", "deploy.sh")]),  # .sh is a script, no domain
        ("open main.py", [("file", "main.py")]),
        # files of a kind taken from a folder
        ("move all the pdfs from ~/Downloads to ~/Documents", [("glob", "*.pdf"), ("dir", "~/Downloads"), ("dir", "~/Documents")]),
        ("copy all png files from assets to public", [("glob", "*.png"), ("dir", "assets"), ("path", "public")]),
    ],
)
def test_values_said_beside_what_names_their_kind(request_text, expected):
    values = request_values(request_text, known=everyday)
    assert [(v.kind, v.text) for v in values] == expected
    if request_text.startswith(("pin ", "install ")):
        assert values[0].version in ("4.2", "1.26.4")  # `django==4.2`


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # a name only another machine explains is a host, with no remote program said
        ("copy backup.tar.gz to nas into /backups", [("file", "backup.tar.gz"), ("host", "nas"), ("path", "/backups")]),
        ("upload site.zip to web2 in /var/www", [("file", "site.zip"), ("host", "web2"), ("path", "/var/www")]),
        ("grab /var/log/app.log from prod01", [("file", "/var/log/app.log"), ("host", "prod01")]),
        ("see free memory on cache1 remotely", [("host", "cache1")]),
        ("copy notes.txt to backup", [("file", "notes.txt"), ("path", "backup")]),  # no place there: a folder here
        # a bare number said to be running or started is a process id
        ("how long has 2231 been running", [("pid", "2231")]),
        ("show 10 running containers", [("number", "10")]),
    ],
)
def test_a_name_or_number_takes_its_kind_from_what_is_said_of_it(request_text, expected):
    assert [(k, t) for k, t in kinds(request_text) if k != "action"] == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # a name said by how it begins or ends is a pattern of names ("starts" was read as a name:
        # `find ~ -name 'starts'`)
        ("files whose name starts with tmp", [("glob", "tmp*")]),
        ("list files in /tmp that begin with cache", [("dir", "/tmp"), ("glob", "cache*")]),
        ("find folders ending with _old under /srv", [("glob", "*_old"), ("dir", "/srv")]),
        ("copy the files beginning with IMG_ to photos/", [("glob", "IMG_*"), ("dir", "photos/")]),
        # … a line's start or end is grep's
        ("count lines starting with # in config.ini", [("pattern", "^#"), ("file", "config.ini")]),
        ("lines in app.log that start with ERROR", [("file", "app.log"), ("pattern", "^ERROR")]),
        ("lines of urls.txt ending with .pdf", [("file", "urls.txt"), ("pattern", "\\.pdf$")]),
        # … and nothing else is
        ("show lines of notes.txt that end with a question mark", [("file", "notes.txt")]),
        ("start with a clean build", []),
    ],
)
def test_a_name_said_by_how_it_begins_or_ends(request_text, expected):
    assert sorted(kinds(request_text)) == sorted(expected)
