"""The kinds of value a request states in words (times, schedules, commits, line ranges, lengths,
variables, aliases, texts, well-known folders, names by the noun beside them) and the placeholders
that take them, with synthetic templates so they hold whatever examples the index has."""

from __future__ import annotations

import pytest

from nlshell.offline.clock import cron
from nlshell.offline.slots import fill, placeholder_kind
from nlshell.offline.values import request_values


def kinds(request: str, **kwargs) -> list[tuple[str, str]]:
    return [(v.kind, v.text) for v in request_values(request, **kwargs)]


def everyday(word: str) -> bool:
    return word in {"globally", "for", "python"}


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # a user: "as user X", "as the user X", "as the X user"
        ("ssh into 10.0.0.5 as user deploy", [("host", "10.0.0.5"), ("user", "deploy")]),
        ("ssh into 10.0.0.5 as the user deploy", [("host", "10.0.0.5"), ("user", "deploy")]),
        ("ssh into 203.0.113.7 as the deploy user", [("host", "203.0.113.7"), ("user", "deploy")]),
        # a user and a group in one request
        ("add bob to the docker group", [("user", "bob"), ("group", "docker")]),
        ("put maria in the docker group", [("user", "maria"), ("group", "docker")]),
        # a kind word after its value, and the kind word is no value of its own
        ("give the developers group ownership of shared/", [("group", "developers"), ("dir", "shared/")]),
        ("force kill every firefox process", [("process", "firefox")]),
        ("kill all python processes", [("process", "python")]),
        ("list installed python packages", []),  # packages of a sort, not one named python
        # packages by the noun after them
        ("npm install the typescript compiler globally", [("package", "typescript")]),
        ("install the requests library for python", [("package", "requests")]),
        ("remove the lodash dependency", [("package", "lodash")]),
        ("uninstall the package vlc", [("package", "vlc")]),
        # names of a kind: a branch name with a slash is no path; a remote called upstream
        ("make a new branch called feature/login and switch to it", [("branch", "feature/login")]),
        ("create a branch feature/login", [("branch", "feature/login")]),
        ("create a group called developers", [("group", "developers")]),
        ("add a remote called upstream pointing to https://github.com/acme/tool.git",
         [("gitremote", "upstream"), ("url", "https://github.com/acme/tool.git")]),
        # commits
        ("show what changed in commit a1b2c3d", [("commit", "a1b2c3d")]),
        ("revert commit 1234567", [("commit", "1234567")]),
        ("reset to HEAD~3", [("commit", "HEAD~3")]),
        ("cherry-pick 9fceb02d0ae598e95dc970b74767f19372d61af8",
         [("commit", "9fceb02d0ae598e95dc970b74767f19372d61af8")]),
        ("decode the file faced.txt", [("file", "faced.txt")]),  # hex letters alone are no commit
        # line ranges, lengths, widths
        ("print lines 20 to 30 of script.py", [("first_line", "20"), ("last_line", "30"), ("file", "script.py")]),
        ("show lines 20-30 of a.txt", [("first_line", "20"), ("last_line", "30"), ("file", "a.txt")]),
        ("peek at main.c from line 20 through 30", [("file", "main.c"), ("first_line", "20"), ("last_line", "30")]),
        ("print the 5th line of x.txt", [("first_line", "5"), ("file", "x.txt")]),  # an ordinal line is that line
        ("ntp is off, set the clock to 14:30 by hand", [("time", "14:30")]),  # a clock's time after "to"
        ("journal since yesterday", [("since", "yesterday")]),  # where a log's window starts
        ("what happened since boot", []),  # journalctl -b: no time
        ("can this server even reach google", [("host", "google.com")]),  # "even" is no host
        ("print every third line of x.txt", [("file", "x.txt")]),  # a step, no line
        ("generate a random password 16 characters long", [("length", "16")]),
        ("cut the first 10 characters of each line", [("count", "10")]),  # a count, not a length
        ("resize photo.jpg to 800 pixels wide", [("file", "photo.jpg"), ("width", "800")]),
        ("resize photo.jpg to 640px", [("file", "photo.jpg"), ("width", "640")]),
        # times of day and schedules
        ("run backup.sh once at 11pm tonight", [("file", "backup.sh"), ("time", "23:00")]),
        ("run backup.sh at 23:00", [("file", "backup.sh"), ("time", "23:00")]),
        ("run backup.sh at 11 pm", [("file", "backup.sh"), ("time", "23:00")]),
        ("shut down at noon", [("time", "12:00")]),
        ("run it at midnight", [("time", "00:00")]),
        ("run cleanup.sh every day at 3am", [("file", "cleanup.sh"), ("schedule", "0 3 * * *")]),
        # the time said before the schedule is the schedule's
        ("run backup.sh at 3am every night", [("file", "backup.sh"), ("schedule", "0 3 * * *")]),
        ("cron job at 2:30am nightly for backup.sh", [("schedule", "30 2 * * *"), ("file", "backup.sh")]),
        ("run sync.sh every hour", [("file", "sync.sh"), ("schedule", "0 * * * *")]),
        ("run report.py every monday at 9:30", [("file", "report.py"), ("schedule", "30 9 * * 1")]),
        ("back up my files nightly at 2am", [("schedule", "0 2 * * *")]),
        # … and the time said right after it ("every monday 9am" was `0 0 * * 1` beside a time)
        ("add a cron entry for ~/weekly.sh every monday 9am", [("file", "~/weekly.sh"), ("schedule", "0 9 * * 1")]),
        # a range of lines, and a line named alone before it only says where (it took the range's place)
        ("around line 50 of main.c, print lines 40 to 60", [("file", "main.c"), ("first_line", "40"), ("last_line", "60")]),
        # a number after "job" is the job's; one said alone is none (`bg %5432` for "with 5432 exposed")
        ("bring job 2 back to the foreground", [("job", "2")]),
        # a number after ", like" shows what the answer looks like (`find -perm 600` took it)
        ("show the mode of ~/.ssh/id_ed25519 as a number, like 600", [("path", "~/.ssh/id_ed25519"), ("illustration", "600")]),
        ("chmod notes.txt like 600", [("file", "notes.txt"), ("number", "600")]),
        ("the tail of app.log, like 200 lines", [("file", "app.log"), ("count", "200")]),  # about how many: a count
        ("run postgres 16 in the background with 5432 exposed", [("number", "16"), ("number", "5432")]),
        ("run check.sh every 5 minutes", [("file", "check.sh"), ("seconds", "300")]),  # a length of time still
        # aliases, variables, texts
        ("create an alias gs for git status", [("alias", "gs"), ("command", "git status")]),
        ("make an alias ll for ls -la", [("alias", "ll"), ("command", "ls -la")]),
        ("set JAVA_HOME to /opt/jdk-21 for this session", [("variable", "JAVA_HOME"), ("value", "/opt/jdk-21")]),
        ("set NODE_ENV to production for this terminal session", [("variable", "NODE_ENV"), ("value", "production")]),
        ("base64 encode the text hello world", [("text", "hello world")]),
        ("base64 encode the string hello world into out.txt", [("text", "hello world"), ("file", "out.txt")]),
        ("base64 encode 'hello world'", [("text", "hello world")]),
        ("search for the text hello in notes.txt", [("pattern", "hello"), ("file", "notes.txt")]),  # a search: a pattern
        ("convert the text of readme.txt to uppercase", [("file", "readme.txt"), ("path", "uppercase")]),
        # the user's well-known folders and the parent
        ("copy report.pdf to the Desktop", [("file", "report.pdf"), ("dir", "~/Desktop")]),
        ("list files in Downloads changed in the last 2 days", [("dir", "~/Downloads"), ("age", "-")]),
        ("move all jpg files into the pictures folder", [("glob", "*.jpg"), ("dir", "pictures")]),  # lower case: a name
        ("move notes.txt up one level", [("file", "notes.txt"), ("dir", "..")]),
        ("move notes.txt to the parent folder", [("file", "notes.txt"), ("dir", "..")]),
        ("copy the whole photos folder to /mnt/backup", [("dir", "photos"), ("path", "/mnt/backup")]),
    ],
)
def test_values_stated_in_words(request_text, expected):
    assert kinds(request_text, known=everyday) == expected
    assert "url" not in {kind for kind, _ in kinds("is anything on localhost:8080", known=everyday)}  # no path: as before


def test_a_well_known_folder_that_exists_here_is_the_one_here():
    assert kinds("copy report.pdf to the Desktop", cwd_dirs={"Desktop"}) == [("file", "report.pdf"), ("dir", "Desktop")]


def test_an_age_in_words_and_which_way_old_goes():
    (month,) = [v for v in request_values("the .log files that are more than a month old") if v.kind == "age"]
    assert (month.text, month.seconds) == ("+", 30 * 86400)
    (young,) = [v for v in request_values("files less than 3 days old") if v.kind == "age"]
    assert (young.text, young.seconds) == ("-", 3 * 86400)
    (hour,) = request_values("shut down in an hour")
    assert (hour.kind, hour.seconds) == ("seconds", 3600)


@pytest.mark.parametrize(
    ("inner", "option", "kind"),
    [
        ("commit", "", "commit"),
        ("commit_hash", "", "commit"),
        ("commit_message", "", "message"),
        ("hh:mm", "", "time"),
        ("23:00", "", "time"),
        ("time", "", "time"),
        ("schedule", "", "schedule"),
        ("0 3 * * *", "", "schedule"),
        ("alias_name", "", "alias"),
        ("word", "alias", "alias"),
        ("value", "", "value"),
        ("text", "", "message"),
        ("length", "", "length"),
        ("width", "", "width"),
        ("first_line", "", "first_line"),
        ("line_number", "", "first_line"),  # `vim +{{line_number}}`: the line it opens at
        ("1700000000", "", "timestamp"),  # `date -d @{{1700000000}}`: seconds since 1970
        ("2024-01-31 12:00:00", "", "datetime"),  # `timedatectl set-time '{{…}}'`: a date, a time or both
        ("unix_timestamp", "", "timestamp"),
        ("last_line", "", "last_line"),
        ("*.txt", "", "glob"),
    ],
)
def test_placeholder_kinds(inner, option, kind):
    assert placeholder_kind(inner, option) == kind


@pytest.mark.parametrize(
    ("template", "request_text", "command"),
    [
        ("git show {{commit}}", "show what changed in commit a1b2c3d", "git show a1b2c3d"),
        ("vim +{{line_number}} {{path/to/file}}", "open nginx.conf in vim at line 120", "vim +120 nginx.conf"),
        ("date -d @{{1700000000}}", "convert 1715600000 to a normal date", "date -d @1715600000"),
        ("sudo timedatectl set-time '{{2024-01-31 12:00:00}}'", "set the clock to 14:30",
         "sudo timedatectl set-time '14:30'"),
        ("echo '{{command}}' | at {{hh:mm}}", "run backup.sh once at 11pm tonight", "echo './backup.sh' | at 23:00"),
        ("(crontab -l; echo '{{0 3 * * *}} {{command}}') | crontab -", "run cleanup.sh every day at 3am",
         "(crontab -l; echo '0 3 * * * ./cleanup.sh') | crontab -"),
        ("(crontab -l; echo '{{schedule}} {{command}}') | crontab -", "run check.sh every 5 minutes",
         "(crontab -l; echo '*/5 * * * * ./check.sh') | crontab -"),
        ("(crontab -l; echo '0 2 * * * {{command}}') | crontab -", "run cleanup.sh every day at 3am",
         "(crontab -l; echo '0 3 * * * ./cleanup.sh') | crontab -"),  # the example's own schedule is a default
        ("watch -n {{seconds}} {{command}}", "run check.sh every 5 minutes", "watch -n 300 ./check.sh"),
        ('alias {{word}}="{{command}}"', "create an alias gs for git status", 'alias gs="git status"'),
        ('alias {{alias_name}}="{{command}}"', "make an alias ll for ls -la", 'alias ll="ls -la"'),
        ("export {{VARIABLE}}={{value}}", "set JAVA_HOME to /opt/jdk-21 for this session",
         "export JAVA_HOME=/opt/jdk-21"),
        ("echo -n '{{text}}' | base64", "base64 encode the text hello world", "echo -n 'hello world' | base64"),
        ("pwgen -s {{length}} 1", "generate a random password 16 characters long", "pwgen -s 16 1"),
        ("convert {{path/to/input.jpg}} -resize {{width}} {{path/to/output.jpg}}", "resize photo.jpg to 800 pixels wide",
         "convert photo.jpg -resize 800 {{path/to/output.jpg}}"),  # the output is not named over the input
        ("sed -n '{{first_line}},{{last_line}}p' {{path/to/file}}", "print lines 20 to 30 of script.py",
         "sed -n '20,30p' script.py"),
        ("vim +{{line_number}} {{path/to/file}}", "open nginx.conf in vim at line 120", "vim +120 nginx.conf"),
        ("git remote add origin {{https://github.com/user/repo.git}}",
         "add a remote called upstream pointing to https://github.com/acme/tool.git",
         "git remote add upstream https://github.com/acme/tool.git"),
        ("sudo usermod -aG {{group}} {{username}}", "add bob to the docker group", "sudo usermod -aG docker bob"),
        ("git switch -c {{branch_name}}", "make a new branch called feature/login and switch to it",
         "git switch -c feature/login"),
        ("killall -9 {{process_name}}", "force kill every firefox process", "killall -9 firefox"),
        ("npm install -g {{package}}", "npm install the typescript compiler globally", "npm install -g typescript"),
        ("ssh {{user}}@{{host}}", "ssh into 10.0.0.5 as user deploy", "ssh deploy@10.0.0.5"),
        ("cp {{path/to/file}} {{path/to/target}}", "copy report.pdf to the Desktop", "cp report.pdf ~/Desktop"),
        ("mv -n {{path/to/source}} {{path/to/target}}", "move notes.txt up one level", "mv -n notes.txt .."),
        ("chown :{{group}} {{path/to/file_or_directory}}", "give the developers group ownership of shared/",
         "chown :developers shared/"),
        ("find {{path/to/directory}} -type f -mtime {{-n}}", "list files in Downloads changed in the last 2 days",
         "find ~/Downloads -type f -mtime -2"),
        ("find {{path/to/directory}} -type f -mtime {{+n}} -delete",
         "clean out the .log files in /var/log/myapp that are more than a month old",
         "find /var/log/myapp -type f -mtime +30 -name '*.log' -delete"),
        ("cp -r {{path/to/source_directory}} {{path/to/target_directory}}", "copy the whole photos folder to /mnt/backup",
         "cp -r photos /mnt/backup"),
        ("which {{command}}", "show the full path of data.csv", "which {{command}}"),  # a data file is no command
    ],
)
def test_stated_values_fill_their_placeholders(template, request_text, command):
    assert fill(template, request_values(request_text, known=everyday)).command == command


@pytest.mark.parametrize(
    ("seconds", "fields"),
    [(60, "* * * * *"), (300, "*/5 * * * *"), (3600, "0 * * * *"), (7200, "0 */2 * * *"), (86400, "0 0 * * *"),
     (90, ""), (420, ""), (30, "")],
)
def test_a_length_of_time_as_cron_fields(seconds, fields):
    assert cron(seconds) == fields


def test_only_a_script_the_request_runs_is_a_command():
    assert fill("echo '{{command}}' | at {{hh:mm}}", request_values("run report.py at 9am")).command == (
        "echo './report.py' | at 09:00"
    )
    assert fill("which {{command}}", request_values("show the full path of main.py")).command == "which {{command}}"


@pytest.mark.parametrize(
    ("template", "request_text", "command"),
    [
        ("cp {{path/to/file}} {{path/to/target}}", "copy a.txt b.txt", "cp a.txt b.txt"),
        ("cwebp {{path/to/image_file}} -o {{path/to/output.webp}}", "compress photo.jpg",
         "cwebp photo.jpg -o photo.webp"),  # read, not written over; the output named after it
        ("cat {{path/to/file1 path/to/file2 ...}}", "show a.txt and b.txt", "cat a.txt b.txt"),  # in order
        ("rm -r {{path/to/target}}", "remove the folder drafts", "rm -r drafts"),  # the only place
    ],
)
def test_a_target_takes_only_what_the_request_gives_as_one(template, request_text, command):
    assert fill(template, request_values(request_text)).command == command


@pytest.mark.parametrize(
    ("inner", "kind"),
    [("expression", "expression"), ("math_expression", "expression"), ("key", "key"), ("field_name", "key"),
     ("search_pattern", "pattern")],
)
def test_a_calculators_expression_and_a_files_key_are_kinds_of_their_own(inner, kind):
    assert placeholder_kind(inner) == kind


@pytest.mark.parametrize(
    ("template", "request_text", "command"),
    [
        # the shell and Python write a power **, bc ^; the shell's arithmetic reads it unquoted
        ("echo $(({{expression}}))", "what's 1234 * 56", "echo $((1234*56))"),
        ("echo $(({{expression}}))", "what is 2 to the power of 10", "echo $((2**10))"),
        ("echo '{{expression}}' | bc -l", "what is 2 to the power of 10", "echo '2^10' | bc -l"),
        ("python3 -c 'print({{expression}})'", "what's 1512 divided by 8", "python3 -c 'print(1512/8)'"),
        ("expr {{expression}}", "what's 7 times 6", "expr '7*6'"),
        # an expression is no pattern, and a pattern no expression
        ("echo $(({{expression}}))", "base64 encode the text hello world", "echo $(({{expression}}))"),
        ("grep {{pattern}} {{path/to/file}}", "what's 1234 * 56 in notes.txt", "grep {{pattern}} notes.txt"),
        # a key of a JSON file
        ("jq '.{{key}}' {{path/to/file.json}}", "get the version field out of package.json",
         "jq '.version' package.json"),
        # a user at a host: both where the command has one place for them, each where it has two
        ("ssh -p {{port}} {{host}}", "connect to pi@raspberrypi.local, ssh on port 2222",
         "ssh -p 2222 pi@raspberrypi.local"),
        ("ssh {{user}}@{{host}}", "connect to pi@raspberrypi.local", "ssh pi@raspberrypi.local"),
        # the phrases of this round into their placeholders
        ("sudo chown -R {{user}} {{path/to/directory}}", "make www-data the owner of /var/www/site",
         "sudo chown -R www-data /var/www/site"),
        ("sudo useradd -m {{username}}", "add an account for maria on this server", "sudo useradd -m maria"),
        ("echo '{{text}}' >> {{path/to/file}}", "add a line saying buy milk to the end of todo.txt",
         "echo 'buy milk' >> todo.txt"),
        ("grep -c '{{search_pattern}}' {{path/to/file}}", "how many times does timeout appear in worker.log",
         "grep -c 'timeout' worker.log"),
        ("npm install {{package}}", "add express to my node project", "npm install express"),
        ("pkill -9 {{process_name}}", "firefox is frozen, kill it", "pkill -9 firefox"),
        ("systemctl restart {{unit}}", "restart the network manager", "systemctl restart NetworkManager"),
        ("systemctl status {{unit}}", "why did the postgresql service fail to start", "systemctl status postgresql"),
        ("tail -f {{path/to/file}}", "follow the nginx error log as it grows", "tail -f /var/log/nginx/error.log"),
        ("printenv {{variable}}", "what's my PATH set to", "printenv PATH"),
        ("du -sh {{path/to/directory}}", "which 5 things in this folder take up the most space", "du -sh ."),
    ],
)
def test_the_values_of_this_round_fill_their_placeholders(template, request_text, command):
    assert fill(template, request_values(request_text, known=everyday)).command == command


def test_a_user_written_with_its_host_is_used():
    values = request_values("connect to pi@raspberrypi.local", known=everyday)
    assert (fill("ssh {{host}}", values).used, fill("ssh {{user}}@{{host}}", values).used) == (2, 2)
    ping = fill("ping {{host}}", values)
    assert (ping.command, ping.used) == ("ping raspberrypi.local", 1)  # only a program that logs in takes the user


def test_a_command_that_names_the_variable_asked_about_uses_it():
    values = request_values("what's my PATH set to", known=everyday)
    assert fill('echo "$PATH"', values).used == 1
    assert fill("echo ${PATH}", values).used == 1
    assert fill('echo "$HOME"', values).used == 0


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("show today's date as YYYY-MM-DD", [("dateformat", "+%Y-%m-%d")]),
        ("print the date as dd/mm/yyyy", [("dateformat", "+%d/%m/%Y")]),
        ("show the time as HH:MM:SS", [("dateformat", "+%H:%M:%S")]),  # MM after the hour is minutes
        ("show today's date as year-month-day", [("dateformat", "+%Y-%m-%d")]),  # spelt out: no path
        ("print the time as hour:minute", [("dateformat", "+%H:%M")]),
        ("make a folder called backup-YYYYMMDD", [("name", "backup-YYYYMMDD")]),  # inside a name it is the name
        # the plural of a file type is files of it
        ("copy all the jpgs from the camera folder to Pictures",
         [("glob", "*.jpg"), ("dir", "camera"), ("dir", "~/Pictures")]),
        ("count the pdfs in Downloads", [("glob", "*.pdf"), ("dir", "~/Downloads")]),
        ("list the pythons", []),  # a word that is no file extension
    ],
)
def test_date_formats_and_files_of_a_type(request_text, expected):
    assert kinds(request_text) == expected


@pytest.mark.parametrize(
    ("template", "request_text", "command"),
    [
        # the format a date example prints is the one the request asks for
        ("date +%F", "show today's date as YYYY-MM-DD", "date +%Y-%m-%d"),
        ("date -u +%Y-%m-%dT%H:%M:%S%Z", "show the date as DD/MM/YYYY", "date -u +%d/%m/%Y"),
        # the day a date shows
        ("date", "show the date in a week", "date -d '+1 week'"),
        ("date -d '{{3}} days ago'", "what was the date 3 days ago", "date -d '3 days ago'"),
        ("date -d '{{yesterday}}'", "show the date in 2 days", "date -d '+2 days'"),
        ("date -d @{{1700000000}}", "show the date in a week", "date -d @{{1700000000}}"),  # a timestamp is no day
        ("sleep {{seconds}}", "wait a week", "sleep 604800"),  # only date reads a day
        # files of a type from a folder are written inside it where the command takes files
        ("cp {{path/to/file}} {{path/to/target_directory}}", "copy all the jpgs from the camera folder to Pictures",
         "cp camera/*.jpg ~/Pictures"),
        ("find {{path/to/directory}} -name '{{*.ext}}'", "find the jpgs in the camera folder",
         "find camera -name '*.jpg'"),
    ],
)
def test_dates_and_files_of_a_type_go_where_they_belong(template, request_text, command):
    assert fill(template, request_values(request_text, known=everyday)).command == command


def test_a_date_that_takes_the_day_asked_for_uses_it():
    values = request_values("show the date in a week", known=everyday)
    assert (fill("date", values).used, fill("date +%s", values).used, fill("cal", values).used) == (1, 1, 0)


@pytest.mark.parametrize(
    ("template", "request_text", "command"),
    [
        # the window a log or history states is a default the request's own replaces
        ("journalctl --since '1 hour ago'", "the system log from the past 30 minutes", "journalctl --since '30 minutes ago'"),
        ("journalctl -u {{service}} --since today", "nginx log for the past 2 hours",
         "journalctl -u nginx --since '2 hours ago'"),
        ("git log --since='1 week ago' --oneline", "commits from the last 3 days", "git log --since='3 days ago' --oneline"),
        ("journalctl --since '1 hour ago'", "logs older than 2 days", "journalctl --since '1 hour ago'"),  # no window
        # … and where it starts
        ("journalctl -u {{service}} --since yesterday", "docker service logs since this morning",
         "journalctl -u docker --since today"),
        ("git log --since='1 week ago' --oneline", "commits since 9am", "git log --since=09:00 --oneline"),
        ("journalctl -u {{service}} --since yesterday", "logs for myapp.service since 9 this morning",
         "journalctl -u myapp.service --since 09:00"),  # a bare hour that a part of the day places
        ("git log --since='1 week ago' --oneline", "commits since 3 this afternoon", "git log --since=15:00 --oneline"),
        # an HTTP method said in capitals: the one a curl example states, or in place of it; a GET is a plain fetch
        ("curl -X POST -d '{{name=bob}}' {{https://example.com}}", "send a PATCH to localhost:4000/todo/3",
         "curl -X PATCH -d '{{name=bob}}' localhost:4000/todo/3"),
        ("curl {{https://example.com}}", "send a GET to localhost:3000/health", "curl localhost:3000/health"),
        ("curl -X POST -d '{{name=bob}}' {{https://example.com}}", "send a GET to localhost:3000/health",
         "curl -X POST -d '{{name=bob}}' localhost:3000/health"),  # a GET sends no data: not taken
    ],
)
def test_a_stated_window_and_method_are_the_requests(template, request_text, command):
    assert fill(template, request_values(request_text, known=everyday)).command == command


def test_a_window_and_a_method_count_as_taken():
    window = fill("journalctl --since '1 hour ago'", request_values("the system log from the past 30 minutes", known=everyday))
    assert window.used == window.stated == 1
    method = fill("curl -X DELETE {{https://example.com}}", request_values("do a DELETE request to api.example.com/items/5", known=everyday))
    assert method.used == method.stated == 2


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # an address on the web without its scheme: a host and port, or a domain, with a path
        ("send a POST to localhost:8080/users", [("method", "POST"), ("url", "localhost:8080/users")]),
        ("do a DELETE request to api.example.com/items/5", [("method", "DELETE"), ("url", "api.example.com/items/5")]),
        ("copy notes.txt to build/out", [("file", "notes.txt"), ("path", "build/out")]),  # a folder, no domain
    ],
)
def test_a_web_address_and_its_method(request_text, expected):
    assert kinds(request_text, known=everyday) == expected
    assert "url" not in {kind for kind, _ in kinds("is anything on localhost:8080", known=everyday)}  # no path: as before


def test_the_last_of_a_window_is_no_search_word():
    from nlshell.offline.searched import without_values
    assert without_values("system log from the past hour", request_values("system log from the past hour")).split() == ["system", "log", "from", "the"]
