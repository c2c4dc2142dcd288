"""Names a request says with their type (a type noun before or after them, or once elsewhere),
sites by their bare name, identifiers, and the home folders people call by their everyday names:
read (pure), put where they belong, and through the CLI."""

from __future__ import annotations

import pytest

from nlshell.offline import typed
from nlshell.offline.placeholders import placeholder_kind
from nlshell.offline.accepts import ACCEPTS
from nlshell.offline.slots import fill
from nlshell.offline.searched import without_values
from nlshell.offline.values import request_values
from nlshell.offline.vocabulary import vocabulary

# Words a typical index's descriptions use: everything else counts as a word no description uses.
KNOWN = frozenset(
    "build wipe remove folder directory give user ownership everything done branch delete locally install python "
    "library requests cli globally npm stop container web pull image show permissions empty dir tmp left company "
    "account home printing write access group process nginx many files kernel chrome google docker box exist "
    "accounts sitting things downloads music sync changed copying".split()
)


def read(request: str) -> list[tuple[str, str]]:
    values = request_values(request, known=lambda word: word in KNOWN, program=lambda word: word in ("docker", "python"))
    return [(v.kind, v.text) for v in values]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # the type noun before the name, a verb too once the request has said its own
        ("remove the directory build", [("dir", "build")]),
        # a state between the determiner and the name says which one, it names nothing
        ("get a shell inside the running postgres container", [("container", "postgres")]),
        ("give user deploy ownership of /srv/www", [("user", "deploy"), ("path", "/srv/www")]),
        # a question word is no verb of the request's own: the verb that ends it names nothing
        ("what env vars does the web container see", [("container", "web")]),
        ("what ports does the web container expose", [("container", "web")]),  # what it does is no name
        ("load it into the shop postgres db", [("database", "shop")]),  # the software between says which
        ("back up the mysql database", []),
        ("stop the container web1", [("action", "stop"), ("container", "web1")]),
        ("pull the image alpine", [("image", "alpine")]),
        ("delete the image node:18", [("image", "node:18")]),  # an image with its tag is one name
        ("install the gem rails", [("package", "rails")]),
        # a word that says which sort is no name: "the python library requests" installs requests
        ("install the python library requests", [("package", "requests")]),
        # the type noun after the name
        ("wipe the build folder", [("dir", "build")]),
        ("get rid of the build dir", [("dir", "build")]),  # the verb is a phrase: build comes after it
        ("create a postgres role called reporter", [("name", "reporter")]),  # named after: postgres says which sort
        ("i'm done with the old-feature branch, delete it locally", [("branch", "old-feature")]),
        ("install the eslint cli globally via npm", [("package", "eslint")]),
        ("what is the web container printing", [("container", "web")]),
        # one name, and elsewhere one type noun with no name beside it
        ("tmp2 is an empty dir, remove it", [("dir", "tmp2")]),
        ("web_03 is a server i no longer use, ssh in and check it", [("host", "web_03")]),
        # an identifier is a name in any sentence
        ("show the permissions on id_rsa", [("name", "id_rsa")]),
        # a site by its bare name
        ("ping google 4 times", [("host", "google.com"), ("count", "4")]),
        ("is github down?", [("host", "github.com")]),
        # what a thing is said "as": "add jest as a dev dependency"; "dev" says which sort, no name
        ("add jest as a dev dependency", [("package", "jest")]),
        ("install eslint as dev dependency", [("package", "eslint")]),
        ("merge the dev branch into this one", [("branch", "dev")]),
        ("copy photos dir to /mnt/usb", [("dir", "photos"), ("path", "/mnt/usb")]),  # the noun after the verb's object
        # a program's name before container or image names it; docker's says whose
        ("pull the nginx image", [("image", "nginx")]),
        ("stop the docker container web", [("action", "stop"), ("container", "web")]),  # "dev" says which sort of dependency only
        # which way a named thing goes
        ("move it to the folder archive", [("dir", "archive")]),
        # a database or a table by its name, also right after a preposition
        ("dump the blog database", [("database", "blog")]),
        ("list the tables of the database shop", [("database", "shop")]),
        ("run migrations.sql on db mydb", [("file", "migrations.sql"), ("database", "mydb")]),
        ("export the orders table from shop db", [("table", "orders"), ("database", "shop")]),
        ("shell into the db container", [("container", "db")]),  # a database's type noun names a container
        ("get a shell inside the running container db", [("container", "db")]),
        ("count the rows of the users table", [("table", "users")]),  # `users` is a program, no software
    ],
)
def test_names_are_read_with_their_type(request_text, expected):
    assert read(request_text) == expected


@pytest.mark.parametrize(
    "request_text",
    [
        "build the image",  # the request's own verb names nothing
        "give the group write access to shared.txt",  # "write access": a verb inside a noun phrase
        "what user accounts exist on this box",  # plural nouns say what sort, not which
        "how many files are in this directory",  # a known word is no name the type noun elsewhere gives
        "which kernel am i on",  # no site: only the word table's sites are
        "open google chrome",  # the first word of a product's name is no site
        "remove the docker image",  # the program's own image is no image named docker
        "print the output as a table",  # a table is what it looks like: a format, no table named output
        "open my cron table in the editor",  # a program's table is no table named after it
    ],
)
def test_words_of_the_sentence_are_no_typed_names(request_text):
    named = set(typed.type_nouns().values()) | {"host", "name"}
    assert [(kind, text) for kind, text in read(request_text) if kind in named and text != "."] == []


def test_a_typed_name_is_no_search_word_and_its_type_noun_stays_one():
    request = "install the python library requests"
    values = request_values(request, known=lambda word: word in KNOWN, program=lambda word: word == "python")
    assert without_values(request, values) == "install the python library"
    assert values.loose == []  # python says which sort of library: no loose name either
    request = "show the permissions on id_rsa"  # `rsa` pulls in no ssh
    assert without_values(request, request_values(request)) == "show the permissions on"


def test_called_and_named_keep_working_beside_type_nouns():
    assert read("make a folder named logs") == [("name", "logs")]
    assert read("create a branch called feature/login") == [("branch", "feature/login")]


@pytest.mark.parametrize(
    ("command", "request_text", "expected"),
    [
        ("rm -r {{path/to/directory}}", "wipe the build folder", "rm -r build"),
        ("rmdir {{path/to/directory}}", "tmp2 is an empty dir, remove it", "rmdir tmp2"),
        ("sudo chown -R {{user}} {{path/to/directory}}", "give user deploy ownership of /srv/www", "sudo chown -R deploy /srv/www"),
        ("git branch -d {{branch_name}}", "i'm done with the old-feature branch, delete it locally", "git branch -d old-feature"),
        ("pip install {{package}}", "install the python library requests", "pip install requests"),
        ("docker logs {{container_name}}", "show the logs of the container api", "docker logs api"),
        ("docker pull {{image}}", "pull the image alpine", "docker pull alpine"),
        ("gem install {{gem_name}}", "install the gem rails", "gem install rails"),
        ("ping -c {{count}} {{host}}", "ping google 4 times", "ping -c 4 google.com"),
        ("ls -l {{path/to/file}}", "show the permissions on id_rsa", "ls -l id_rsa"),
        ("psql {{database_name}} -f {{path/to/file.sql}}", "run migrations.sql on db mydb", "psql mydb -f migrations.sql"),
        ("sqlite3 {{path/to/database.db}} 'SELECT count(*) FROM {{table_name}}'", "count the rows of the users table in data.db",
         "sqlite3 data.db 'SELECT count(*) FROM users'"),
        # a container's port is a port, not a container
        ("docker run -p {{host_port}}:{{container_port}} {{image}}", "run the image nginx on port 8080",
         "docker run -p 8080:{{container_port}} nginx"),
    ],
)
def test_a_typed_name_fills_the_placeholder_of_its_type(command, request_text, expected):
    values = request_values(request_text, known=lambda word: word in KNOWN, program=lambda word: word == "python")
    assert fill(command, values).command == expected


def test_the_placeholders_of_containers_and_images():
    assert [placeholder_kind(p) for p in ("container_name", "container", "container_id", "image", "image:tag")] == [
        "container", "container", "container", "image", "image",
    ]
    assert placeholder_kind("container_port") == "port"
    assert [placeholder_kind(p) for p in ("database", "database_name", "db_name", "table", "table_name")] == [
        "database", "database", "database", "table", "table",
    ]
    assert [placeholder_kind(p) for p in ("gem_name", "module_name", "formula|cask")] == ["package"] * 3


def test_every_type_noun_gives_a_kind_a_placeholder_takes_and_every_site_is_a_domain():
    assert set(typed.type_nouns().values()) <= set(ACCEPTS)
    assert typed.sites()["google"] == "google.com"
    assert all("." in host and host.split(".", 1)[0].isalpha() for host in vocabulary().around["sites"])


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("how many things are sitting in my downloads", [("dir", "~/Downloads")]),
        ("show hidden files in the folder I'm in", [("dir", ".")]),
        ("list the directory i am in", [("dir", ".")]),
        # lower-case with its noun: a folder of that name, as "the music folder" is
        ("sync my music folder to /mnt/backup", [("dir", "music"), ("path", "/mnt/backup")]),
    ],
)
def test_places_people_call_by_their_everyday_names(request_text, expected):
    assert read(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "printed"),
    [
        ("remove the directory build", "rm -r build\n"),
        ("tmp2 is an empty dir, remove it", "rmdir tmp2\n"),
        ("ping google 4 times", "ping -c 4 google.com\n"),
        ("stop the container web1", "docker stop web1\n"),  # the container is docker's
        ("show the permissions on id_rsa", "ls -l id_rsa\n"),
    ],
)
def test_the_cli_fills_the_names_said_with_their_type(nlshell, request_text, printed):
    r = nlshell("-p", "--offline", request_text)
    assert (r.returncode, r.stdout) == (0, printed), r


def test_a_named_thing_keeps_the_way_it_goes():
    values = request_values("copy x.txt out of the api container")
    assert [(v.kind, v.text, v.role) for v in values] == [("file", "x.txt", ""), ("container", "api", "from")]
    (folder,) = request_values("move it to the folder archive")
    assert folder.role == "to"


def read_all_known(request: str) -> list[tuple[str, str]]:
    """The values with every word known to the index: a name here is read by its place, not its shape."""
    return [(v.kind, v.text) for v in request_values(request, known=lambda word: True, program=lambda word: False)]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # an -ing word between a determiner and a type noun names the thing
        ("restart the billing container", [("action", "restart"), ("container", "billing")]),
        ("show logs of the staging container", [("container", "staging")]),
        ("restart the logging service", [("action", "restart"), ("service", "logging")]),
        ("drop the pricing table", [("table", "pricing")]),
        # a state word there says which ones, it names none
        ("stop the running container", [("action", "stop")]),
        ("restart the failing service", [("action", "restart")]),
        ("show the web container printing errors", [("container", "web")]),
        ("show the routing table", []),
        # a timer is a unit of its own type
        ("when does the certbot timer fire next", [("service", "certbot.timer")]),
        ("is the apt-daily timer enabled", [("service", "apt-daily.timer")]),
        ("start a countdown timer", [("action", "start")]),
        # a service of a compose project, named before what it prints
        ("follow the worker logs, it's in compose", [("service", "worker")]),
        ("stream the web logs from docker-compose", [("service", "web")]),
        ("show the compose logs", []),
        # what to pick from the history or the environment, named before the list's noun
        ("find that kubectl command i ran last week in my history", [("pattern", "kubectl")]),
        ("what aws env vars do i have set", [("pattern", "aws")]),
        ("print the node environment variables", [("pattern", "node")]),
        ("show my env vars", []),
        # a package named with a hyphen, removed with a phrase's verb
        ("get rid of left-pad from the project", [("package", "left-pad")]),
    ],
)
def test_names_the_offline_reader_used_to_miss(request_text, expected):
    assert [kv for kv in read_all_known(request_text) if kv[0] != "age"] == expected
