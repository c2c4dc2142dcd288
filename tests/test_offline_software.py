"""Software by name: services asked of systemd, packages of the package manager, programs looked
up on this machine (nlshell/offline/software.py) — pure, through the ranking, and through the CLI."""

from __future__ import annotations

import pytest

from nlshell.offline import software
from nlshell.offline.software import ACTIONS, is_software, plain_software, unit
from nlshell.offline.vocabulary import vocabulary
from test_offline import index  # noqa: F401  (the fixture: the session's index seen from a typical desktop)

TECHNICAL = frozenset({"htop", "jq", "curl", "ffmpeg"})  # programs with a page and a name no description uses
PAGED = TECHNICAL | {"git", "date", "tree"}  # … and everyday-named ones


def plain(request: str) -> str:
    return plain_software(request, TECHNICAL.__contains__, PAGED.__contains__)


@pytest.mark.parametrize(
    ("request_text", "meant"),
    [
        ("start postgres", "start the postgresql service"),  # the unit's name, as Debian calls it
        ("stop the mysql server", "stop the mysql service"),
        ("is sshd up and running on this server", "show the state of the sshd service"),  # sshd is a unit (alias on Debian)
        ("did nginx come up after the reboot", "show the state of the nginx service"),
        ("is the caddy server up", "show the state of the caddy service"),
        ("make postgresql start on boot", "enable the postgresql service at boot"),
        ("stop nginx from starting at boot", "disable the nginx service"),
        ("enable and start nginx", "enable the nginx service at boot and start it now"),
        ("nginx needs a restart", "restart the nginx service"),
        ("restart the ssh server", "restart the ssh service"),  # ssh is a service only as a server
        ("bring redis up", "start the redis service"),
        ("shut apache down", "stop the apache2 service"),
        ("nginx config changed, reload it without downtime", "reload the nginx service"),
        # a negation rules its action out; to apply a config is to reload it
        ("apply the new caddy config without restarting it", "reload the caddy service"),
        ("don't restart nginx, just reload it", "reload the nginx service"),
        ("stop redis but don't start it at boot", "disable the redis service"),
        ("why did redis crash", "show why the redis service failed"),
        ("why did postgres fail to start", "show why the postgresql service failed"),  # why it failed, not a start
        ("restart the postgres service", "restart the postgresql service"),  # said as a service: only the unit's name
        ("show me todays logs for the cron service", "show me todays logs for the cron service"),
        ("show the nginx logs", "show the logs of the nginx service"),
        # what the request says of the log stays; the words between name and log say a file, not a unit
        ("show the last 50 lines of the nginx log", "show the last 50 lines of the nginx service log"),
        ("follow the nginx logs as they come", "follow the nginx service logs as they come"),
        ("i edited a .service file, make systemd notice", "make systemd reread its unit files"),
        ("reload systemd after I edited a unit file", "make systemd reread its unit files"),
        # a clause that goes on with "and" and a verb is no list of services
        ("stop cups and make sure it doesn't come back after reboot", "disable the cups service"),
        ("stop bluetooth and keep it off after reboots", "disable the bluetooth service"),
        ("stop cron and don't let it start again on reboot", "disable the cron service"),
        ("stop nginx before the reboot", "stop the nginx service"),  # a reboot that only says when
        # the unit file said of a daemon is its service's
        ("show me the unit file for redis", "show me the unit file for redis service"),
        ("why won't nginx start", "show why the nginx service failed"),  # what won't start has failed
        ("edit the unit file of postgres", "edit the unit file of postgresql service"),
    ],
)
def test_a_service_with_a_service_verb_is_asked_of_systemd(request_text, meant):
    assert plain(request_text) == meant


@pytest.mark.parametrize(
    "request_text",
    [
        "run postgres on port 5433",  # the daemon's own job
        "test nginx's config",
        "start redis on 6380",  # a value no service verb has a place for
        "stop all docker containers",  # another thing of the program's
        "docker logs web",  # the program's own subcommand
        "kill firefox",  # no service
        "ssh into web01 and restart it",  # ssh alone is the client
        "I need sshd's PID",  # no service verb
        "restart systemd-resolved",  # a unit named as itself stays as it is
        "watch the nginx error log live",  # a file nginx writes, not its unit's journal
        "make a shortcut to /var/log/nginx called logs here",  # a path that names a service
        "restart nginx and php-fpm",  # a list of programs: no one service
        "back up the wordpress mysql db to a file",  # the database's client, no status for "up"
    ],
)
def test_a_request_about_the_program_itself_is_left_to_its_page(request_text):
    assert plain(request_text) == request_text


@pytest.mark.parametrize(
    ("request_text", "meant"),
    [
        ("get me htop", "install the htop package with apt"),
        ("install nginx", "install the nginx package with apt"),  # a service, but installing is no service verb
        ("grab jq please", "install the jq package with apt"),
        ("I need ffmpeg", "install the ffmpeg package with apt"),
        # a wish said without "i": the thing wanted on the machine is installed
        ("need jq installed", "install the jq package with apt"),
        ("need ripgrep installed", "install the ripgrep package with apt"),
        ("gotta have htop on here", "install the htop package with apt"),
        ("want neovim on this machine", "install the neovim package with apt"),
        ("npm global install of typescript", "install the typescript package globally with npm"),
        ("install typescript globally", "install the typescript package globally with npm"),  # its ecosystem's manager
        ("get me ripgrep via cargo", "install the ripgrep package with cargo"),
        ("install express with npm", "install the express package with npm"),  # a library: the project's, not global
        ("install numpy", "install the numpy package with pip"),
        ("get rid of the numpy python package", "uninstall the numpy package with pip"),
        ("uninstall vlc", "uninstall the vlc package with apt"),
        ("do i even have curl on this machine", "is the curl command installed"),
        ("is the curl package installed", "is the curl command installed"),
        ("do I have git", "is the git command installed"),  # any program with a page
        ("dump the list of installed debs", "list installed deb packages"),
        ("what packages are installed", "list installed deb packages"),
        ("show the list of installed packages", "list installed deb packages"),
        ("search apt for a package that does pdf editing", "search apt for the package pdf"),
        ("search apt for a pdf viewer", "search apt for the package pdf"),  # the thing, not what is done with it
        ("is there a package for ffmpeg", "search apt for the package ffmpeg"),
        ("search the repositories for video editors", "search apt for the package video"),
        # an upgrade names the package, not the manager ("upgrade numpy" is no `pip install --upgrade pip`)
        ("upgrade numpy to the newest version", "upgrade the numpy package to its newest release with pip"),
        ("update flask", "upgrade the flask package to its newest release with pip"),
        ("upgrade typescript", "upgrade the typescript package to its newest release with npm"),
        ("upgrade vim", "upgrade the vim package to its newest release with apt"),
        # the manager said after the version it is to be at ("… to latest with pip": `-r latest` was read)
        ("upgrade requests to latest with pip", "upgrade the requests package to its newest release with pip"),
        ("update lodash to the newest version using npm", "upgrade the lodash package to its newest release with npm"),
        # the program is the object: its package manager is the tool, the name its operand
        ("get me htop installed", "install the htop package with apt"),
        ("install jq on debian", "install the jq package with apt"),
        ("install the tree command", "install the tree package with apt"),  # said as a command: one with a page will do
        ("install git", "install the git package with apt"),
        ("remove jq", "uninstall the jq package with apt"),
        ("remove vim and its config files", "purge the vim package and its configuration files with apt"),
        ("uninstall firefox along with its settings", "purge the firefox package and its configuration files with apt"),
        ("remove nginx completely, config files too", "purge the nginx package and its configuration files with apt"),
        ("uninstall firefox, its settings as well", "purge the firefox package and its configuration files with apt"),
        ("purge apache2", "purge the apache2 package and its configuration files with apt"),
        # a distribution's package by its shape, which no page names (was `sudo userdel -R *.conf mysql-server`)
        ("completely remove mysql-server including its config files", "purge the mysql-server package and its configuration files with apt"),
        ("uninstall libpq-dev", "uninstall the libpq-dev package with apt"),
        ("remove the lodash dependency", "uninstall the lodash package with npm"),  # a dependency is a project's
        ("what files did the curl package put on my system", "list the files installed by the package curl with dpkg"),
        ("show me what the nginx package contains", "list the files installed by the package nginx with dpkg"),
        ("which numpy version have i got", "show the version of the installed python package numpy with pip"),
        ("what version of the foo python package do i have", "show the version of the installed python package foo with pip"),
        # what a package needs, and the version the archive offers, are apt's answers, not the program run
        ("what does the jq package depend on", "show the dependencies of the package jq"),
        ("which nginx version is in the repos", "show the apt policy of the nginx package"),
        ("which deps in package.json are outdated", "which deps in package.json are outdated"),  # npm's file, no package json
        ("what does the flask pip package depend on", "what does the flask pip package depend on"),  # a language's: not apt's
        ("is the docker service enabled at boot", "check whether the docker service is enabled at boot"),
        ("is postgres set to start on boot", "check whether the postgresql service is enabled at boot"),
    ],
)
def test_a_program_by_name_is_installed_found_or_listed_with_the_package_manager(request_text, meant):
    assert plain(request_text) == meant


@pytest.mark.parametrize(
    "request_text",
    [
        "get me the date",  # an everyday word is no package
        "I need a break",
        "get me data.csv",  # a file
        "list the python packages I have installed",  # pip's, not the system's
        "do i have enough disk space",
        "remove the docker containers",
        "upgrade pip",  # a manager upgrading itself: its own page
        "upgrade ubuntu to the next release",  # no package
        "delete jq",  # may be a file: only software by the word table is removed by "delete"
        "what version of python do i have",  # the program's own version
        "put the date on this machine",  # an everyday word, put nowhere
    ],
)
def test_words_that_name_no_software_stay_as_they_are(request_text):
    assert plain(request_text) == request_text


def test_software_is_recognised_in_one_place():
    assert is_software("nginx") and is_software("postgresql") and is_software("avahi-daemon")
    assert not is_software("requests")  # a pip package, and an everyday word: no loose name
    assert not is_software("jq") and is_software("jq", TECHNICAL.__contains__)  # a program no description names
    assert not is_software("date", TECHNICAL.__contains__)


@pytest.mark.parametrize(
    ("name", "unit_name"),
    [("postgres", "postgresql"), ("apache", "apache2"), ("mongo", "mongod"), ("networkmanager", "NetworkManager"),
     ("sshd", "sshd"), ("httpd", "httpd"), ("nginx", "nginx")],
)
def test_a_service_is_called_by_its_unit(name, unit_name):
    assert unit(name) == unit_name


def test_the_word_table_has_what_the_readers_need():
    around = vocabulary().around
    daemons, servers, units, actions, installers, libraries = software._roles()  # a NamedTuple
    assert set(ACTIONS) <= actions.keys()  # every action has its words
    assert set(units) <= daemons | servers  # a renamed service is a service
    assert {"npm", "pip"} <= set(installers.values())
    assert libraries and all(installers[name] == "npm" for name in libraries)  # "install express": a project's
    assert "dependency" in around["manager_kind:npm"]  # "remove the lodash dependency"
    assert {"config", "settings", "completely"} <= around["purging"]  # "remove vim and its config files"
    assert {"files", "contains"} <= around["package_files"]  # "what files did the curl package put here"
    assert {"is", "does"} <= around["asking"]  # "is nginx set to start on boot" asks, enables nothing
    assert around["not_service"].isdisjoint(around["daemons"])


# -- through the ranking and the CLI -----------------------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "command", "risk"),
    [
        ("start postgres", "sudo systemctl start postgresql", None),
        ("stop the mysql server", "sudo systemctl stop mysql", None),
        ("make postgresql start on boot", "sudo systemctl enable postgresql", None),
        ("i edited a .service file, make systemd notice", "sudo systemctl daemon-reload", None),
        ("reload systemd after I edited a unit file", "sudo systemctl daemon-reload", None),
        ("show the last 50 lines of the nginx log", "journalctl -u nginx -n 50", "safe"),
        ("get me htop", "sudo apt install htop", None),
        ("npm global install of typescript", "npm install -g typescript", None),
        ("get rid of the numpy python package", "pip uninstall numpy", None),
        ("do i even have curl on this machine", "which curl", "safe"),
        ("is nginx even installed on this box?", "which nginx", "safe"),  # a hedge asks the same
        ("is jq really installed", "which jq", "safe"),
        ("stop cups and make sure it doesn't come back after reboot", "sudo systemctl disable --now cups", None),
        ("show me the unit file for redis", "systemctl cat redis", "safe"),
        ("dump the list of installed debs", "dpkg -l", "safe"),
        ("search apt for a package that does pdf editing", "apt search pdf", "safe"),
        ("run postgres on port 5433", "postgres -p 5433", None),  # the daemon itself
        ("is the docker service enabled at boot", "systemctl is-enabled docker", "safe"),
        ("remove vim and its config files", "sudo apt purge vim", None),
        ("what files did the curl package put on my system", "dpkg -L curl", "safe"),
        ("which numpy version have i got", "pip show numpy", "safe"),
        ("remove the lodash dependency", "npm uninstall lodash", None),
        ("get me htop installed", "sudo apt install htop", None),
        ("need htop installed", "sudo apt install htop", None),
        ("gotta have tmux on here", "sudo apt install tmux", None),  # "have" here is no look
    ],
)
def test_the_answer_is_the_service_or_package_managers(index, request_text, command, risk):
    from nlshell.offline.answer import answers

    found = answers(index, request_text)[0]
    assert found.command == command
    if risk:
        from nlshell.offline.rating import risk_of

        assert risk_of(found.command)[0] == risk


@pytest.mark.parametrize(
    ("request_text", "printed"),
    [
        ("start postgres", "sudo systemctl start postgresql\n"),
        ("do i even have curl on this machine", "which curl\n"),
        ("search apt for a pdf viewer", "apt search pdf\n"),
    ],
)
def test_the_cli_answers_software_by_name(nlshell, request_text, printed):
    r = nlshell("-p", "--offline", request_text)
    assert (r.returncode, r.stdout) == (0, printed), r
