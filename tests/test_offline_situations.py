"""A situation told before the request is no search words (nlshell/offline/situations.py)."""

import pytest

from nlshell.offline.situations import told_situation


@pytest.mark.parametrize(
    ("request_text", "asked"),
    [
        # what is going on, then what to do: the situation's words found `df` for the biggest files
        ("laptop disk almost full, whats the biggest stuff in ~/Downloads", "whats the biggest stuff in ~/Downloads"),
        ("quota warning on the cluster, how big is my home dir in total", "how big is my home dir in total"),
        ("fans going crazy, which process is eating the cpu", "which process is eating the cpu"),
        ("laptop fans screaming, cpu temps?", "cpu temps?"),
        # "it" is the thing the situation is about; how it is stays ("firefox is frozen, kill it" is a -9)
        ("journal is huge, trim it to 500M", "journal is huge, trim journal to 500M"),
        ("clock is off, set it to 2024-06-01 09:00", "clock is off, set clock to 2024-06-01 09:00"),
        # a thing by its name, asked of by its kind: the name goes to the kind's word (it was left out)
        ("old-feature got merged, remove the branch locally", "remove the branch old-feature locally"),
        ("feature-x branch got merged, delete the branch", "delete the branch feature-x"),
        ("db1 is down, ping the host", "ping the host db1"),
        ("disk is full, clean the cache folder", "clean the cache folder"),  # "disk" is no name
        ("prod is at 98%, which folders in /var are the fattest", "which folders in /var are the fattest"),  # no value
        # a service the situation names is what the request asks about when it names none itself
        ("something is hammering postgres, show the open connections", "postgres: show the open connections"),
        ("mysql keeps timing out, show the running queries", "mysql: show the running queries"),
        # what a program says is a symptom: "permission denied" found `chmod +x` for the groups asked
        ("docker says permission denied, which groups does my user have", "which groups does my user have"),
        # … and so are its words before an order, with "try to" (`apt search 'unmet dependencies try'`)
        ("apt keeps saying unmet dependencies, try to fix the broken packages", "apt: fix the broken packages"),
        ("docker says permission denied, add me to the docker group", "docker: add me to the docker group"),
        # a package the situation is about is what a version question asks of (was `pip show {{package}}`);
        # a word of the language is no package ("fans")
        ("pandas is acting weird, what version got installed in this venv", "pandas: what version got installed in this venv"),
        ("laptop is slow, which version of the kernel is installed", "which version of the kernel is installed"),
    ],
)
def test_a_situation_told_first_is_left_out(request_text, asked):
    assert told_situation(request_text) == asked


@pytest.mark.parametrize(
    "request_text",
    [
        "cert is installed but 443 is blocked by the firewall, open it",
        "firefox is frozen, kill it",  # a process the values name: nlshell/offline/pointers.py points at it
        "nginx container is wedged, restart it",  # a container the values name, likewise
        "scan.pdf is 40MB, make it smaller",
        "8080 already in use?? whats sitting on it",  # it is no cert: 443 is in the situation
        "traceback points at line 110 of server.py, show me lines 100-120",  # the file is said there
        "bobs last day was friday, lock his login but keep his files",  # whose login is said there
        "apt says some packages were kept back, upgrade them anyway",  # what apt says is what "them" means
        "ssh complains my .ssh perms are too open, fix",  # "fix" alone asks nothing findable
        "git says detached head, how do i get back to main",  # asks a way, of git: what git says stays
        "my terminal is garbled, how do i fix",  # it asks about the situation itself
        "server is slow, what do i do",
        "my password expired, set a fresh one",  # "one" is the password
        "bob forgot his password, set a new one for him",
        "i want to add a cron job, open the editor",  # a wish is the request
        "gotta add a cron job for myself, open the editor",  # a task said first is no situation
        "why is lodash in my node_modules, who pulls it in",  # the first clause asks
        "disk space on web01, dont want to log in interactively",  # the second clause does not
        "something is already bound to 8080, what is it",
        "docker, list containers",  # one word names the program
        "find big files, then delete them",
        "nuke .venv, ill recreate it",
    ],
)
def test_a_request_that_tells_no_situation_stays_as_said(request_text):
    assert told_situation(request_text) == request_text
