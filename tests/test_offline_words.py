"""The offline word table (nlshell/data/words.tsv): well formed, consistent, and doing what it says."""

from __future__ import annotations

import pytest

from nlshell.offline import vocabulary as words
from nlshell.offline.intent import CHANGE, READ, UNKNOWN, destroys, intent, negated_verbs
from nlshell.offline.described import description_verb, destructive_description


@pytest.fixture(scope="module")
def table() -> words.Vocabulary:
    return words.vocabulary()


def test_every_line_has_a_known_kind_and_three_columns(tmp_path):
    bad = tmp_path / "words.tsv"
    bad.write_text("same\tshow\tdisplay\nsynonym\tx\ty\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown kind 'synonym'"):
        words.load(str(bad))
    bad.write_text("same\tshow display\n", encoding="utf-8")
    with pytest.raises(ValueError):
        words.load(str(bad))


def test_the_packaged_table_loads_whole(table):
    assert len(table.same) > 50 and sum(len(listed) for listed in table.phrases.values()) > 10
    assert table.read_verbs and table.change_verbs and table.types and table.sizes and table.times
    assert table.digest == words.load().digest


def test_no_word_is_both_a_read_and_a_change_verb(table):
    assert table.read_verbs & table.change_verbs == set()


def test_a_word_counts_as_one_thing_only(table):
    """A variant listed under two `same` lines would silently take the last one."""
    seen: dict[str, str] = {}
    for line in open(words.WORDS_FILE, encoding="utf-8"):
        kind, _, rest = line.rstrip("\n").partition("\t")
        if kind == "same":
            key, variants = rest.split("\t")
            for variant in variants.split():
                assert variant not in seen, f"{variant} is listed under {seen[variant]} and {key}"
                seen[variant] = key
    assert not set(seen) & set(table.same.values()) - set(seen.values()), "a canonical word is someone's variant"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Display the files in my folder", ["show", "the", "files", "in", "my", "directory"]),
        ("print, show and display", ["show", "show", "and", "show"]),
        ("Delete duplicates", ["remove", "duplicate"]),
        ("how many files, ignoring case", ["count", "files", "insensitive", "case"]),
        ("the biggest folders", ["the", "largest", "directory"]),
        ("case-insensitive search", ["insensitive", "case", "search"]),
        ("Show the process IDs of nginx", ["show", "the", "pid", "of", "nginx"]),
    ],
)
def test_canonical_words(text, expected):
    assert words.canonical_words(text) == expected


def test_the_system_date_says_the_time_but_a_time_is_no_date():
    """date(1)'s "Set or display the system date" answers "what's the time"; a request for the
    time keeps its word, so it does not ask for a date."""
    assert words.indexed_words("Set or display the system date") == ["set", "or", "show", "the", "system", "date", "time"]
    assert words.query_terms("show the time") == ["show", "time"]


def test_a_listing_is_a_way_of_showing_but_not_the_other_way_round():
    """An indexed "List directory contents" also says `show` ("show the files" may be answered by
    `ls`); a request to "list files" keeps its own word, so "Print files" (`cat`) does not cover it."""
    assert words.indexed_words("List directory contents") == ["list", "show", "directory", "contents"]
    assert words.indexed_words("Print files") == ["show", "files"]
    assert words.query_terms("list files") == ["list", "files"]
    assert words.query_terms("show files") == ["show", "files"]
    assert "list" in words.stems("Lists the files") and "show" in words.stems("Lists the files")


@pytest.mark.parametrize(
    ("request_text", "terms"),
    [
        ("Count the lines in a file!", ["count", "lines", "file"]),
        ("display files in my folder", ["show", "files", "directory"]),
        ("list the files in the directoy src", ["list", "files", "directory", "src"]),  # spelling
        ("how do I", []),
    ],
)
def test_query_terms(request_text, terms):
    assert words.query_terms(request_text) == terms


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("files", "fil"), ("file", "fil"), ("matches", "match"), ("running", "run"), ("created", "creat"),
        ("create", "creat"), ("modified", "modify"), ("directories", "directory"), ("stopped", "stop"),
        ("status", "status"), ("ls", "ls"), ("gz2", "gz2"),
    ],
)
def test_stem_makes_the_forms_of_a_word_meet(word, expected):
    assert words.stem(word) == expected


def test_one_edit_away_finds_transpositions_and_drops():
    assert "grep" in words.one_edit_away("gerp")
    assert "directory" in words.one_edit_away("directoy")
    assert "gerp" not in words.one_edit_away("gerp")


def test_fts_query_quotes_every_term():
    assert words.fts_query(['a"b', "c"]) == '"ab" OR "c"'


def test_units_and_types(table):
    assert table.sizes["gigabytes"] == "G" and table.sizes["mb"] == "M" and table.sizes["kb"] == "k"
    assert table.times["days"] == 86400 and table.times["hours"] == 3600
    assert table.types["python"] == "*.py" and table.types["javascript"] == "*.js"
    assert table.opposites["extract"] >= {"archive", "compress"} and "extract" in table.opposites["archive"]
    # the other order or extreme, both ways, and never an undoing action
    assert table.contraries["latest"] == {"oldest", "earliest"} and "latest" in table.contraries["earliest"]
    assert "largest" not in table.opposites and "install" not in table.contraries


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("show free memory", READ),
        ("please list the files here", READ),
        ("which process uses port 5432", READ),
        ("how many files are in this directory", READ),
        ("count the lines in main.py", READ),
        ("find all .tmp files", READ),
        ("check if a host is reachable", READ),
        ("show the changes of the last commit", READ),  # "changes" is no verb here
        ("find all .tmp files and delete them", CHANGE),
        ("list files, then remove the empty ones", CHANGE),
        ("how do I delete old logs", CHANGE),
        ("kill process 1234", CHANGE),
        ("make a directory called photos", CHANGE),
        ("write the words good night on the terminal", READ),  # writing to the screen only shows
        ("output the date to stdout", READ),
        ("write hello to notes.txt", CHANGE),
        ("kill the screen session", CHANGE),  # `screen` the program, not the place
        ("pip install requests", CHANGE),  # a program first, then its verb
        ("docker run nginx", CHANGE),
        # verbs of jobs that change the system: installing again, repairing, firewall rules, pinning
        ("reinstall vlc", CHANGE),
        ("downgrade firefox", CHANGE),
        ("repair the broken packages", CHANGE),
        ("block port 23 with the firewall", CHANGE),
        ("allow port 80 through the firewall", CHANGE),
        ("deny ssh from 10.0.0.7", CHANGE),
        ("hold the nginx package at its version", CHANGE),
        ("git status please", UNKNOWN),
        ("disk usage of /var", READ),  # an attribute (usage) of something named, no verb: a look
        ("", UNKNOWN),
        # casual verbs, the table's phrases and openings (nlshell/data/words.tsv)
        ("get rid of build.log, I don't need it", CHANGE),  # a phrase of the table is a verb
        ("nuke the build folder", CHANGE),
        ("clear out the cache", CHANGE),
        ("peek into logs.gz", READ),
        ("take a look at config.yaml", READ),
        ("whats my username", READ),
        ("keep an eye on app.log", READ),
        ("add up the numbers in values.txt", READ),  # adding numbers up is a look
        ("add a line to notes.txt", CHANGE),
        ("dedupe names.txt", CHANGE),  # a verb itself, though its canonical word `duplicate` is none
        # openings that carry no verb: the verb after them says what the request does
        ("how do you delete old logs", CHANGE),
        ("is there a way to kill process 1234", CHANGE),
        ("whats the command to remove a directory", CHANGE),
        ("what is the command to stop nginx", CHANGE),
        ("show me how to delete a branch", CHANGE),
        ("i wanna delete build.log", CHANGE),
        ("pls list the files", READ),
        ("how do you list files", READ),
        # a wish for a thing in a state asks for the change that puts it there
        ("I need data.csv.gz uncompressed", CHANGE),
        ("i want the old logs deleted", CHANGE),
        ("I need the photos folder zipped", CHANGE),
        ("I'd like this fixed", CHANGE),
        ("need the release build, not the debug one", CHANGE),  # the thing a change makes is wished for
        ("branches already merged into develop", READ),  # an adverb between the noun and its participle
        ("i want a fresh build", CHANGE),
        ("need backup.tar off https://files.example.org/backup.tar on this box", CHANGE),  # a thing wished from the web: a download
        ("need the logs from web1", UNKNOWN),  # … only from the web: from another host it may be a look
        ("backup the shop db", CHANGE),  # to back up is a change
        ("i need it", UNKNOWN),
        ("gotta have tmux on here", UNKNOWN),  # a thing wanted on the machine, no question about having it
        ("must have jq", UNKNOWN),
        ("I need the file listed", UNKNOWN),  # listing is a look, never a change
        ("which packages are installed", READ),  # no wish: a question
        ("did nginx come up after the reboot", READ),  # a question about what happened is a look
        ("am i in the sudo group", READ),
        # a verb that is an adjective too, before a plural noun, names things to see
        ("empty folders here", READ),
        ("open ports on this machine", READ),
        ("empty the trash", CHANGE),
        # … and a change's past participle: what was done says which things
        ("installed packages with python in the name", READ),  # it got `pip install python`
        ("deleted files still held open", READ),  # it was a removal
        ("stopped containers", READ),
        ("deleted the files?", CHANGE),
        # … and a plural noun before a verb's -ing form: which things
        ("redis keys starting with session:", READ),  # it got `sudo systemctl start redis`
        ("files starting with log", READ),  # it was a start
        ("processes using port 80", READ),
        ("files changed in the last commit", READ),  # … or a change's participle after it: it got `git commit -a`
        # a first clause that only says what happens, then one that asks to see
        ("users keep uploading stuff, how many files are sitting in uploads/ now", READ),  # it got `curl --output-dir uploads/ -O`
        ("permission denied on deploy.sh, what do i do", UNKNOWN),  # asks for a way, no look
        ("permission denied on deploy.sh, how do i get past it", UNKNOWN),
        # "does" is the question's own: it asks to see (it got `chmod +x`)
        ("docker says permission denied, which groups does my user have", READ),
        ("free up port 3000, something is stuck on it", CHANGE),  # to free a port up releases it: what holds it stops
        ("containers stopped today", READ),
        # round nineteen: things named by what they do, so many things named, a clause before a colon
        ("running containers?", READ),  # it got `docker exec`
        ("3 lines before each Exception in app.log", READ),  # it got `rm -rf node_modules && npm install`
        ("tree of src, 2 levels deep", UNKNOWN),  # how deep, no things named
        ("on my mac: upgrade all brew packages", CHANGE),  # it got `brew search`
        ("which kernel am i booted into, exact release", READ),  # a release is no verb
        ("kill processes using port 80", CHANGE),
        # a change the request rules out is no change it asks for, apostrophe or not
        ("what's inside logs.zip, dont extract it", READ),  # it got `unzip logs.zip`
        ("don't delete anything, just list the big files", READ),
        ("empty debug.log without deleting it", CHANGE),
        # a causative before a name has the thing do what follows: no question, whatever the verb
        ("have postgresql come up on boot", UNKNOWN),
        ("have i got ffmpeg", READ),  # before a subject: a question
        ("have the logs been rotated", READ),
        ("empty log.txt", CHANGE),
        ("empty all log files", CHANGE),
        # a question, or "any …", with no word of change anywhere asks to see
        ("all the zombie processes?", READ),
        ("any dangling images lying around", READ),
        ("any files over 1G anywhere on the box", READ),
        ("any way to delete old logs", UNKNOWN),  # a change further on: not a look
        ("any files changed since friday?", READ),  # which files: a participle after the noun
        ("any empty files in src?", READ),  # "empty" names the files after "any", orders nothing
        # a question mark ends a clause: "check …" after it is the request (it got `ln ./server .so`)
        ("./server won't start, missing .so? check what libs it links", READ),
        # a question of what someone can do asks to see (it got `chmod -R g+w shared/`)
        ("can the group write to shared/ ?", READ),
        ("could www-data read config.php", READ),
        ("can't save /etc/hosts, permission denied", UNKNOWN),  # what fails, no question of what one can do
        # a new thing told first, then a question: a look (it got `make -f Makefile`, which runs the build)
        ("new repo, what make targets are there in the Makefile", READ),
        ("new ed25519 key, comment it with my email", CHANGE),
        # "between X and Y" joins two names, and a name with an underscore is one word (it got `mv new_site old_site`)
        ("what's different between old_site and new_site folders", READ),
        ("compare old_config and new_config", READ),
        ("find files between 10M and 100M and delete them", CHANGE),  # the second "and" still starts a clause
        ("any open ports on this box", READ),
        ("empty the logs folder", CHANGE),  # without "any" it is still the verb
        # a participle that says which attribute is asked about is no change ("uncompressed size of …" got `gzip -d`)
        ("uncompressed size of dump.tar.gz", READ),
        ("compressed size of backup.zip", READ),
        # "new X" makes one; new things in the plural are things to see
        ("new folder named drafts", CHANGE),
        ("new ed25519 key, comment it with dana@corp.io", CHANGE),
        ("new files in ~/Downloads", UNKNOWN),
        # with no verb, a thing said to become a file format is a conversion
        ("screen.mov to mp4 pls", CHANGE),  # it got a remux's safe `… -c copy {{path/to/output_video}}.mp4`
        ("all the pngs in this folder -> jpg", CHANGE),
        ("readme to html.", CHANGE),
        ("logs to /tmp", UNKNOWN),  # a folder, no format
        ("data.json as csv?", READ),  # a question first
    ],
)
def test_intent(request_text, expected):
    assert intent(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "ruled_out"),
    [
        ("empty out debug.log without deleting it", {"remove"}),
        ("clear app.log but don't delete it", {"remove"}),
        ("copy a.txt to b.txt without overwriting", {"overwrite"}),
        ("do not remove the folder", {"remove"}),
        ("kill the process without asking", set()),  # asking changes nothing
        ("delete the logs", set()),
    ],
)
def test_the_changes_a_request_rules_out(request_text, ruled_out):
    assert negated_verbs(request_text) == ruled_out


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("start nightly_sync.sh and give me my prompt back", False),
        ("pip keeps warning that its old, upgrade it", False),
        ("get rid of build.log", True),  # the table's phrase: remove
        ("stop nginx", True),
        ("nuke the dist folder", True),
    ],
)
def test_a_request_that_asks_to_destroy(request_text, expected):
    assert destroys(request_text) is expected


def test_an_example_destroys_by_its_verb_or_the_one_after_an_adverb():
    assert destructive_description("Recursively removes the classes folder")
    assert destructive_description("Delete a file whose name starts with a dash")
    assert not destructive_description("Upgrade pip itself")
    assert not destructive_description("Start/Stop/Restart/Reload service")  # its verb is start


@pytest.mark.parametrize(
    ("description", "verb"),
    [("Deletes all files", "remove"), ("Kill all processes using a port", "kill"), ("List files", "list"),
     ("Extract a compressed archive", "extract"), ("", "")],
)
def test_description_verb(description, verb):
    assert description_verb(description) == verb


def test_every_value_word_introduces_a_kind_a_placeholder_takes(table):
    """`value`, `of`, `to` and `as` rows name the kind of the value they introduce: each is one a
    placeholder accepts (nlshell/offline/slots.py), or "path" (then the name says file or directory)."""
    from nlshell.offline.accepts import ACCEPTS

    taken = {kind for accepted in ACCEPTS.values() for kind in accepted}
    for words in (table.value_words, table.of_words, table.to_words, table.as_words):
        assert words and set(words.values()) <= taken, set(words.values()) - taken


def test_role_rows_read_as_the_table_says(table):
    assert table.of_words["manual"] == "command" and table.of_words["journal"] == "service"
    assert table.of_words["tree"] == "dir"  # "tree of src": the directory src
    assert "levels" in table.amounts["measured"]  # "one level deep": a number word is a number before it
    assert table.to_words["owner"] == "user" and table.to_words["chgrp"] == "group" and table.to_words["rename"] == "path"
    assert table.as_words["ssh"] == "user"
    assert table.ordinals["third"] == "3" and table.ordinals["2nd"] == "2"


def test_the_words_that_type_a_number_are_the_tables(table):
    """amounts.py reads "older than", "not accessed", "20 lines", "column 3" from `amount` lines."""
    assert table.amounts["older"] == {"older", "before", "ago"}
    assert {"untouched", "never", "not"} <= table.amounts["negated"]
    assert "lines" in table.amounts["counted"] and "cols" in table.amounts["column"]
    assert set(table.amounts) == {"bigger", "smaller", "older", "newer", "younger", "negated", "accessed", "counted", "counting", "measured",
                                  "ranked", "column", "lines", "through", "characters", "pixels", "lived", "process_of", "ported", "beside_ports"}
    assert "listening" in table.amounts["ported"] and "using" in table.amounts["beside_ports"]
    assert {"running", "started"} <= table.amounts["lived"]  # "how long has 2231 been running": a pid


def test_the_words_that_say_a_job_is_done_on_another_machine_are_the_tables(table):
    """remotes.py reads "on cache1 remotely" as a host there; remotely.py runs the job over ssh."""
    assert table.around["remote_words"] == {"remotely"}
    assert "{host}+{file}+from" in table.around["points:scp"]
    assert "{user}+expire" in table.around["points:chage"]


def test_openings_and_clause_breaks_are_the_tables(table):
    assert ("how", "do", "i") in table.openings and ("please",) in table.openings
    assert ("i", "need") in table.wishes and ("how", "do", "i") not in table.wishes
    assert table.clause_breaks == {"and", "then", "also"}


def test_an_amount_line_types_a_number_in_a_table_of_ones_own(tmp_path):
    """Whatever the packaged table says, the loader reads roles, openings and breaks as written."""
    own = tmp_path / "words.tsv"
    own.write_text("amount\tolder\tolder ago\nopening\t-\twould you kindly\nclause\t-\tthen\n", encoding="utf-8")
    loaded = words.load(str(own))
    assert loaded.amounts == {"older": {"older", "ago"}}
    assert loaded.openings == (("would", "you", "kindly"),) and loaded.clause_breaks == {"then"}


# -- the words people use at a terminal --------------------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "terms"),
    [
        # casual verbs and verb phrases → the verb a description uses
        ("get rid of build.log", ["remove", "build", "log"]),
        ("nuke the cache folder", ["remove", "cache", "directory"]),
        ("ditch build.log", ["remove", "build", "log"]),
        ("add up the numbers in values.txt", ["sum", "numbers", "values", "txt"]),
        ("clean out the tmp folder", ["remove", "tmp", "directory"]),
        ("peek at notes.txt", ["show", "notes", "txt"]),
        ("take a look at config.yaml", ["show", "config", "yaml"]),
        ("keep an eye on app.log", ["monitor", "app", "log"]),
        ("make a copy of notes.txt", ["copy", "notes", "txt"]),
        ("create a copy of notes.txt", ["copy", "notes", "txt"]),  # "make" counts as create: both read alike
        ("find and replace foo with bar", ["replace", "foo", "bar"]),
        ("search src and its subfolders for TODO", ["search", "src", "recursively", "todo"]),
        ("chmod the folder including subdirectories", ["chmod", "directory", "recursively"]),
        ("the line count of main.py", ["count", "lines", "main", "py"]),
        ("eject the usb stick", ["eject", "usb", "drive"]),
        ("fire up the database", ["start", "database"]),
        ("turn on the firewall", ["enable", "firewall"]),
        ("sign in to the registry", ["login", "registry"]),
        ("what's eating my ram", ["take", "memory"]),
        ("which folders hog the most space", ["directory", "take", "most", "space"]),
        ("which package owns /usr/bin/convert", ["package", "belongs", "usr", "bin", "convert"]),  # dpkg -S's words
        ("what package provides /bin/ls", ["package", "belongs", "bin", "ls"]),
        ("eslint the project and autofix what it can", ["eslint", "project", "fix"]),
        ("can I reach the gateway", ["reachable", "gateway"]),
        ("count lines of code here", ["count", "sloc"]),  # source code, never lines that match
        ("something is pegging the cpu", ["take", "cpu"]),
        ("disk space taken by logs", ["disk", "space", "take", "logs"]),
        ("make a swapfile", ["create", "swap", "file"]),  # one word for what descriptions call a swap file
        ("show the system log", ["show", "journal"]),
        ("the difference between a and b", ["compare", "b"]),
        ("where does error show up in app.log", ["error", "appear", "app", "log"]),  # no request to show
        # "fetch"/"grab" alone are `git fetch` and anything; before a URL they download
        ("fetch https://example.com/a.iso", ["download", "https", "example", "com", "iso"]),
        ("grab http://example.com/a.iso", ["download", "http", "example", "com", "iso"]),
        ("git fetch origin", ["git", "fetch", "origin"]),
        # questions that only look
        ("whats in my Documents folder", ["show", "contents", "documents", "directory"]),
        ("what's inside bundle.zip", ["show", "contents", "bundle", "zip"]),
        ("peek into logs.gz", ["show", "contents", "logs", "gzip"]),
        ("where is notes.txt", ["locate", "notes", "txt"]),
        # casual nouns → the noun a description uses
        ("a blank file", ["empty", "file"]),
        ("show the dot files", ["show", "hidden", "files"]),
        ("users on this box", ["users", "system"]),
        ("print it backwards", ["show", "reverse"]),
        ("strip white space", ["strip", "whitespace"]),
        ("count the line breaks", ["count", "newlines"]),
        ("list the hard drives", ["list", "disk"]),
        ("which os is this", ["operating", "system"]),
        ("unpack the tarball", ["extract", "tar", "archive"]),
        ("show the perms of a file", ["show", "permissions", "file"]),
        # compounds → their words, as descriptions write them
        ("whats my username", ["user", "name"]),
        ("files whose filename has a space", ["files", "file", "name", "space"]),
        ("rotate the logfiles", ["rotate", "log", "files"]),
        ("show my env vars", ["show", "environment", "variables"]),
        ("list envvars", ["list", "environment", "variables"]),
        ("what programs are running at the moment", ["processes", "run"]),  # a running program is a process
        ("list the wi-fi networks", ["list", "wifi", "networks"]),
        ("cpu temp", ["cpu", "temperature"]),  # "temp" alone is a temporary file
        # what is left of a contraction says nothing, but the denial it makes is read
        ("I don't need it, it isn't used", ["not", "used"]),
        ("lines that don't have 200 in them", ["lines", "not", "contain", "200"]),
        ("lines that doesn't contain 200", ["lines", "not", "contain", "200"]),
        # a look is no showing, a kind is a type, a login as someone is who one is now
        ("see if a file is there", ["check", "file"]),
        ("what kind of file is it", ["type", "file"]),
        ("which user am i logged in as", ["user", "current"]),
        ("are my packages up to date", ["packages", "newest"]),
        ("list my python packages", ["list", "pip", "packages"]),  # the package manager of Python
        ("does it say anything or something", ["say"]),
    ],
)
def test_everyday_words_count_as_the_words_descriptions_use(request_text, terms):
    assert words.query_terms(request_text) == terms


def test_var_alone_is_the_var_directory_not_a_variable():
    assert words.query_terms("disk usage of /var") == ["disk", "usage", "var"]
    assert words.query_terms("set the env var EDITOR") == ["set", "environment", "variable", "editor"]


def test_descriptions_read_the_compounds_the_same_way():
    """The index reads descriptions as requests are read: "Print the username" meets "user name"."""
    assert words.canonical_words("Print the username") == ["show", "the", "user", "name"]
    assert words.canonical_words("Print the current user name") == ["show", "the", "current", "user", "name"]


def test_the_words_around_a_value_are_the_tables(table):
    """phrases.py reads "firefox is frozen", "an account for maria", "my PATH" from `around` lines."""
    from nlshell.offline import phrases

    assert {"frozen", "hung", "stuck"} <= table.around["stuck"]
    assert "PATH" in table.around["environment"] and "path" not in table.around["environment"]  # capitals, as written
    assert phrases.PREDICATES == table.around["predicates"] and phrases.NEVER_NAMES == table.around["never_names"]


def test_the_words_of_a_permission_are_the_tables(table):
    """modes.py writes "take away write permission for others" as `o-w` from `mode:…` lines."""
    from nlshell.offline import modes

    assert "others" in table.around["mode:o"] and "revoke" in table.around["mode:-"]
    assert modes.mode("take away write permission for others") == "o-w"
    assert modes.mode("give the group execute permission") == "g+x"
    assert "readonly" in table.around["mode:readonly"]
    assert modes.mode("make config.yml read only for everyone") == "a-w"  # "only" is no negation here
    assert modes.mode("make notes.txt read-only") == "a-w"
    assert modes.mode("make x readonly for others") == "o-w"


def test_the_verbs_that_compute_and_the_login_shells_are_the_tables(table):
    """otherwise.py weighs down "Total a column" for a request that says no `computing` verb;
    shells.py reads a `shells` name as a login shell."""
    assert {"sum", "total", "average"} <= table.computing
    assert {"bash", "zsh", "fish"} <= table.shells


def test_the_words_about_images_are_the_tables(table):
    """versions.py reads "the postgres 16 image" as `postgres:16` and "run nginx in docker" as the
    image nginx only in a request that says one of the `image_words`, after one of the `image_verbs`."""
    from nlshell.offline import versions

    assert {"docker", "image", "container"} <= table.around["image_words"]
    assert {"run", "pull"} <= table.around["image_verbs"]
    assert versions.images(["pull", "the", "postgres", "16", "image"])
    assert not versions.images(["tree", "of", "lib", "3", "levels"])


def test_the_words_that_place_and_pick_values_are_the_tables(table):
    """places.py reads "the whole disk" and "anywhere", phrases.py "change X to Y in FILE",
    "substitute Y for X" and a user a question is about, from `around` lines."""
    assert {"anywhere"} <= table.around["anywhere"] and {"disk", "system"} <= table.around["whole_system"]
    assert {"change"} <= table.around["changing_text"] and "in" in table.around["in_file"]
    assert table.around["putting_for"] == {"substitute"}
    assert {"does", "is"} <= table.around["asking"] and {"processes", "groups"} <= table.around["about_users"]
    assert {"since", "many", "today"} <= table.around["never_names"]  # "the nginx service since boot"
    assert "lists" in table.around["never_names"]  # "refresh the package lists" names no package


def test_a_source_file_says_its_compiler(table):
    """main.c is compiled by a C compiler: its extension stays a search word (gcc's "C program")."""
    assert {"c", "cpp"} <= table.hints


def test_asides_and_reasons_are_read(table):
    assert ("i", "ll") in table.asides[","] and ("did", "it") in table.asides["or"]
    assert ("i", "started") in table.asides["-"] and "because" in table.reasons
    assert all(opening for openings in table.asides.values() for opening in openings)


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("listened", {"listen", "listening", "listens"}),
        ("plugged", {"plug", "plugging", "plugs"}),
        ("crashed", {"crash", "crashes", "crashing"}),
        ("listen", set()),  # its own stem: nothing else to try
    ],
)
def test_other_forms_of_a_word_share_its_stem(word, forms):
    found = set(words.other_forms(word))
    assert forms <= found and all(words.stem(form) == words.stem(word) for form in found)


def test_phrasal_verbs_are_read(table):
    assert {"shut", "turn", "back"} <= table.phrasal


def test_every_filter_pattern_has_one_place_for_its_text(table):
    assert set(table.filters) == {"match", "exclude", "count", "field", "top"}
    for patterns in table.filters.values():
        for pattern in patterns:
            assert pattern.count("*") == 1 and all(word in ("*", "...") or word.isalnum() for word in pattern)


def test_the_ids_of_every_thing_are_listed_quietly(table):
    for key, arguments in table.ids.items():
        assert key.split("/")[0] in ("container", "image", "volume", "network")
        assert "-q" in arguments.split() or "-aq" in arguments.split()
    assert table.every == {"all", "every", "each"} and table.quoted <= table.holds


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        ("permissions of /etc/shadow", "read"),
        ("the owner of /var/www", "read"),
        ("size of /var/log", "read"),
        ("owner of www to nginx", "unknown"),  # a target: it may set the owner
        ("change the owner of www to nginx", "change"),
        ("permission denied on deploy.sh", "unknown"),  # no attribute "of" a thing
        ("cpu and mem of the api container", "read"),  # it got `docker container update -m …M api`
        ("columns of the orders table", "read"),
        ("cpu and owner of x to root", "unknown"),
    ],
)
def test_an_attribute_named_with_no_verb_is_a_look(table, request_, expected):
    """intent.py reads "permissions of X" (an `attribute` word, then of/on/for, no target) as a look."""
    from nlshell.offline.intent import CHANGE, READ, UNKNOWN, intent

    assert "permissions" in table.around["attribute"]
    assert intent(request_) == {"read": READ, "change": CHANGE, "unknown": UNKNOWN}[expected]


def test_the_words_that_say_what_a_bare_name_is(table):
    around = table.around
    assert {"password", "crontab", "processes"} <= around["owned_by_users"]  # "carol's password": a user
    assert {"system", "today"} <= around["not_owners"]  # "the system's uptime": no one
    assert {"ssh", "scp", "ping"} <= around["remote_programs"] and "rsync" not in around["remote_programs"]  # rsync copies here too
    assert "pin" in around["pinning"] and "pip" in around["package_managers"]
    assert {"class", "def", "function"} <= around["code_kinds"]
    assert not {"interface", "method", "variable"} & around["code_kinds"]  # "the interface eth0", "the method POST"
    assert "defined" in around["code_uses"]
    assert {"pull", "checkout"} <= around["git_verbs"] and {"main", "develop"} <= around["branch_names"]


@pytest.mark.parametrize(
    ("request_text", "terms"),
    [
        # a box is the machine, never the `box` tool
        ("any files over 1G anywhere on the box", ["files", "1g", "anywhere", "system"]),
        # where one is, is the current directory
        ("whats the full path of where i am", ["absolute", "path", "current", "directory"]),
        # to dedupe is to remove the duplicates, never to make one
        ("dedupe emails.txt", ["remove", "duplicate", "emails", "txt"]),
        # "the one in" stands for the thing just named: no number one
        ("link a.txt to the one in b", ["link", "txt", "b"]),
        # following symlinks is resolving them; "follow" alone is a growing file's
        ("follow symbolic links", ["resolve", "symlinks"]),
        # how full a place is, is the space left on it ("the /home partition" is no listing of partitions)
        ("how full is it", ["disk", "space", "left"]),
    ],
)
def test_everyday_words_of_files_and_machines(request_text, terms):
    assert words.query_terms(request_text) == terms


def test_weekdays_and_stress_words_are_never_names(table):
    assert {"friday", "weekend", "even", "actually", "zombie"} <= table.around["never_names"]  # "his last day was friday"
    assert {"box", "friday"} <= table.around["not_owners"]  # "the box's disk": no one's
    assert "box" in table.around["whole_system"]  # "anywhere on the box": /
    assert {"jar", "whl"} <= table.hints  # "list the files in app.jar": a zip archive
    assert {"user", "service"} <= table.around["owner_kinds"]  # "the deploy user's password": the user deploy
    assert "sudo+give" in table.around["points:usermod"]  # "give alice sudo": into the sudo group


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("any files over 1G anywhere on the box", "find / -type f -size +1G"),
        ("whats the full path of where i am", "pwd"),
        ("dedupe emails.txt and save it as emails_clean.txt", "sort -u emails.txt -o emails_clean.txt"),
        ("list the files in app.jar", "unzip -l app.jar"),
        ("can this server even reach google", "ping -c 4 google.com"),
        ("follow the nginx error log", "tail -f /var/log/nginx/error.log"),
        ("all the zombie processes?", "ps -eo pid,ppid,stat,cmd | awk '$3 ~ /Z/'"),
        ("show the crontab for www-data", "crontab -l -u www-data"),
        ("open nginx.conf in vim at line 120", "vim +120 nginx.conf"),
        ("how full is the /home partition", "df -h /home"),
        ("show disk partitions", "lsblk"),
        ("when does the deploy user's password expire", "chage -l deploy"),
        ("grant bob sudo rights", "sudo usermod -aG sudo bob"),
        ("bob's last day was friday, disable his login but keep his files", "sudo usermod -L bob"),
    ],
)
def test_the_words_reach_the_command(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


def test_giving_sudo_puts_a_user_in_the_sudo_group(index):
    from nlshell.offline.answer import answers

    assert answers(index, "give alice sudo")[0].command.startswith("sudo usermod -aG sudo ")


@pytest.mark.parametrize(
    ("request_text", "terms"),
    [
        ("stitch two videos together", ["merge", "two", "videos", "together"]),  # not "switch"
        ("add jest as a devDependency", ["add", "jest", "dev", "dependency"]),  # as descriptions write it
        ("which shell am i actually in", ["shell"]),  # a word that only insists says nothing
        ("throw away my local edits", ["throw", "away", "uncommitted", "changes"]),
    ],
)
def test_dev_and_media_words_count_as_descriptions_say_them(request_text, terms):
    assert words.query_terms(request_text) == terms



def test_words_that_tell_names_by_their_place(table):
    # -ing words of a state are no names ("the running container"); the others are ("the billing container")
    assert {"running", "stopped", "failing", "printing", "routing"} <= table.around["states"]
    assert "billing" not in table.around["states"] and "logging" not in table.around["states"]
    assert "timer" in table.around["unit_types"] and "timer" in table.around["typed:service"]
    assert {"compose", "docker-compose"} <= table.around["composing"] and "logs" in table.around["printed"]
    assert table.around["histories"] == {"history"} and "commands" in table.around["commands_run"]
    assert {"env", "environment"} <= table.around["environments"] and "vars" in table.around["variables"]


@pytest.mark.parametrize(
    ("request_text", "program"),
    [
        ("when does the redis key session:42 expire", "redis-cli TTL"),  # a redis key is redis-cli's
        ("show the tables in shop.sqlite", "sqlite3 shop.sqlite"),  # a .sqlite file is sqlite3's
        ("make orders.json readable, pretty print it", "jq . orders.json"),  # a JSON file made pretty
        ("show me the active queries on postgres", "psql"),  # queries stay on the client, no service status
        ("tail the api container logs", "docker logs"),  # a container's logs, no file to tail
        ("restore nightly.dump into the reporting db", "pg_restore -d reporting"),  # a dump loaded
    ],
)
def test_things_named_point_to_dev_and_data_programs(index, request_text, program):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command.startswith(program)


@pytest.mark.parametrize(
    ("request_text", "terms"),
    [
        ("cpu temps", ["cpu", "temperature"]),  # temperatures said short
        ("drop the dupes", ["drop", "duplicate"]),
        ("what the heck is on 8080", ["8080"]),  # a word that only swears says nothing
        ("gpu of this workstation", ["gpu", "computer"]),  # a computer, not a music workstation
        ("is it ok", []),
    ],
)
def test_short_and_swearing_words_count_as_descriptions_say_them(request_text, terms):
    assert words.query_terms(request_text) == terms


def test_comments_typed_without_apostrophes_are_asides(table):
    assert {("ill",), ("im",), ("ive",), ("i", "think")} <= set(table.asides[","])
    assert {"still", "dying", "missing"} <= table.states
    assert {"total", "box"} <= table.around["never_names"]


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("suspend pid 4242 for a bit, ill continue it after lunch", "kill -STOP 4242"),
        ("how big is my home folder in total", "du -sh ~"),
        ("which user am i running as", "whoami"),
        ("which distribution is this box running", "cat /etc/os-release"),
        ("check the smart health of /dev/nvme0n1, i think its failing", "smartctl -H /dev/nvme0n1"),
        ("where did i save budget_q3", "find ~ -name 'budget_q3'"),
    ],
)
def test_round_fourteen_words_reach_the_command(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "terms"),
    [
        ("mail the slides to my boss", ["mail", "slides"]),  # never "loss"
        ("empty folders in src", ["empty", "directory", "recursively", "src"]),  # those below, not one
        ("a user that can't log in", ["user", "without", "login"]),
        ("show the worker tree", ["show", "process", "tree"]),
        ("stick it in there", ["put"]),
    ],
)
def test_round_fourteen_words_count_as_descriptions_say_them(request_text, terms):
    assert words.query_terms(request_text) == terms


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("stick todo.txt into the existing notes.zip", "zip notes.zip todo.txt"),
        ("remove the empty folders under dist/", "find dist/ -type d -empty -delete"),
        ("add a user svc-backup that can't log in", "sudo useradd -r -s /usr/sbin/nologin svc-backup"),
        ("who logged into this box recently", "last"),
        ("is logs.tar.gz corrupted", "gzip -t logs.tar.gz"),
        ("show uwsgi's worker tree", "pstree"),
    ],
)
def test_round_fourteen_words_reach_the_program(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "terms"),
    [
        ("who logged in lately", ["who", "login", "recently"]),  # lately is recently, no name
        ("how much free space do i have", ["much", "disk", "space"]),  # the disk's, not memory
        ("how much free memory", ["much", "free", "memory"]),
        ("how is the disk partitioned", ["disk", "partitions"]),
        ("cut it down to 1G", ["shrink", "1g"]),
        ("old vs new", ["old", "compare", "new"]),  # one against the other is a comparison
        ("usb stuff", ["usb", "devices"]),  # its devices, never only its sticks
        ("eject the stick", ["eject", "usb", "drive"]),  # a noun, not "put"
        ("which nameserver", ["dns", "server"]),
        ("rename the host", ["rename", "system"]),
        ("call it notes.md", ["rename", "notes", "md"]),
        ("whats holding it", ["process", "open"]),
        ("size of the pg server", ["size", "postgres", "server"]),  # pg is postgres
        ("which services are set to start at boot", ["services", "enabled", "boot"]),
    ],
)
def test_round_fifteen_words_count_as_descriptions_say_them(request_text, terms):
    assert words.query_terms(request_text) == terms


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("anyone log into this box lately", "last"),
        ("how much free space is left", "df -h"),
        ("am i root", "whoami"),
        ("which usb stuff is connected", "lsusb"),
        ("unmount the stick at /mnt/usb", "sudo umount /mnt/usb"),
        ("rename the host to web-02", "sudo hostnamectl set-hostname web-02"),
        ("notes.txt is done, call it final.txt", "mv notes.txt final.txt"),
        ("whats holding /tmp/app.lock", "lsof /tmp/app.lock"),
        ("unrar movie.rar", "unrar x movie.rar"),  # unrar gets the files out, no mere test of them
        ("a.txt vs b.txt side by side", "diff -y a.txt b.txt"),
        ("let the group write to www/, not just me", "chmod -R g+w www/"),  # who else only comments
        ("kill the script sync.sh, it hangs", "pkill -f sync.sh"),  # a script ended is a process, no container
    ],
)
def test_round_fifteen_words_reach_the_command(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


def test_what_one_is_about_to_do_only_comments(index):
    from nlshell.offline.answer import answers

    command = answers(index, "backup the notes dir as notes.bak before i break it")[0].command
    assert not command.startswith("fold") and "notes.bak" in command  # a copy, never fold for "break"


@pytest.mark.parametrize(
    ("request_text", "program"),
    [
        ("size of every database on the pg server", "psql"),
        ("back up the wordpress mysql db to a file", "mysqldump"),  # a db's backup, no service status for "up"
        ("which services are set to start at boot", "systemctl"),
        ("restore dump.sql into the test db in mysql", "mysql"),
        ("show every env var starting with AWS_", "env"),  # "starting" says how names begin, never a name
        ("unset AWS_PROFILE, it's pointing at prod", "unset"),  # where it points only comments
        ("find that docker run command i typed yesterday", "history"),  # a command typed before is in the history
        ("brew: upgrade only ffmpeg, not the whole world", "brew"),  # ", not the whole …" only stresses
        ("fresh clone, need the stuff in requirements-dev.txt installed", "pip"),  # a requirements file to install
        ("turn data.json into a csv", "jq"),  # a JSON file asked as csv
    ],
)
def test_round_fifteen_words_reach_the_program(index, request_text, program):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command.split()[0] == program


@pytest.mark.parametrize(
    ("request_text", "terms"),
    [
        ("keep the uncompressed ones", ["keeping", "original"]),  # the originals kept
        ("anywhere under src", ["recursively", "src"]),  # all of its tree
        ("who is sshed in", ["who", "login"]),  # ssh'd in is logged in
    ],
)
def test_round_fifteen_second_pass_words_count_as_descriptions_say_them(request_text, terms):
    assert words.query_terms(request_text) == terms


@pytest.mark.parametrize(
    "request_text",
    ["load the nvidia module", "unload the nvidia module"],
)
def test_loading_a_module_changes_something(request_text):
    assert intent(request_text) == CHANGE


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("load the nvidia module", "sudo modprobe nvidia"),  # a change: never the dry run `modprobe -n`
        ("gzip every .csv in data/, keep the uncompressed ones", "gzip -k data/*.csv"),
        ("delete every .tmp file anywhere under cache", "find cache -type f -name '*.tmp' -delete"),  # the whole tree
        ("who's ssh'd in right now", "who"),
        ("which user owns /srv/data", "ls -ld /srv/data"),  # never the files a user owns
        ("make secrets/ readable by nobody but me", "chmod -R 700 secrets/"),  # private, never a+r
        ("which env vars have proxy in them", "printenv | grep -i proxy"),  # what has a word in it
        ("how long has this machine been running", "uptime -p"),  # the machine's uptime …
        ("how long has pid 812 been up", "ps -o pid,etime,cmd -p 812"),  # … a process's age
        ("branches merged into develop?", "git branch --merged develop"),  # a merge said as done names branches
        ("refresh the package index", "sudo apt-get update"),  # the index is apt's, no package named "index"
        ("need the cargo release build", "cargo build --release"),  # a wished build is a change
    ],
)
def test_round_fifteen_second_pass_words_reach_the_command(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("need an empty .env here", "touch .env"),  # never a look for empty folders named .env
        ("i need a blank file called todo.md", "touch todo.md"),
    ],
)
def test_an_empty_thing_one_needs_is_created(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "program"),
    [
        ("backup the inventory db of mysql", "mysqldump"),  # a change: the dump that writes is offered
        ("remove the pakage cowsay", "apt"),  # package misspelt
        ("get rid of orphaned packages", "apt"),  # the packages nothing needs anymore
    ],
)
def test_round_fifteen_second_pass_words_reach_the_program(index, request_text, program):
    from nlshell.offline.answer import answers

    command = answers(index, request_text)[0].command.removeprefix("sudo ")
    assert command.split()[0] in (program, f"{program}-get")


def test_every_known_file_is_a_path_and_each_phrase_names_one():
    """`around known_file:PATH` lines: an absolute or home path, and no phrase said for two files."""
    seen: dict[str, str] = {}
    for role, phrases in words.vocabulary().around.items():
        if not role.startswith("known_file:"):
            continue
        path = role.split(":", 1)[1]
        assert path.startswith(("/", "~/")), path
        for phrase in phrases:
            assert seen.setdefault(phrase, path) == path, phrase
    assert seen["nginx+errors"] == "/var/log/nginx/error.log"


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("drop the cron entry for cleanup.sh", "crontab -l | grep -v 'cleanup.sh' | crontab -"),  # a crontab line is a job
        ("show my crontab entries", "crontab -l"),
        ("create user alice", "sudo useradd -m alice"),  # words that spell `createuser` make a login
        ("kill the worker.py i left running with nohup", "pkill -f worker.py"),  # how it started only says which
        ("copy conf/ to conf.orig first, about to rewrite it", "cp -ri conf/ conf.orig"),  # what comes next only comments
    ],
)
def test_round_sixteen_words_reach_the_command(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("run app.py with the debugger", "python -m pdb app.py"),  # the debugger debugs
        ("docker is eating 40GB, clean it up", "docker system prune"),  # cleaning up is docker's, no systemd status
        ("turn analysis.ipynb into a plain python script", "jupyter nbconvert --to script analysis.ipynb"),  # .ipynb says jupyter
    ],
)
def test_round_sixteen_dev_words_reach_the_command(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "program"),
    [
        ("where the heck is sshd_config", "locate"),  # an oath dresses the question
        ("is 6379 open on cache2", "nc"),
    ],
)
def test_round_sixteen_words_reach_the_program(index, request_text, program):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command.split()[0] == program


@pytest.mark.parametrize(
    ("request_text", "plain"),
    [
        ("back up app.ini before i edit it", "back up app.ini"),
        ("zip the build folder so i can send it to bob", "zip the build folder"),
        ("copy conf/ to conf.orig first, about to rewrite it", "copy conf/ to conf.orig first"),
    ],
)
def test_round_sixteen_asides_are_left_out(request_text, plain):
    from nlshell.offline.asides import without_asides

    assert without_asides(request_text) == plain


@pytest.mark.parametrize(
    ("request_text", "programs", "word"),
    [
        ("convert budget.xlsx into a csv", ("in2csv",), "budget.xlsx"),  # .xlsx says a spreadsheet's converter
        ("lint all the ts files in src", ("eslint",), "src/*.ts"),  # .ts files are eslint's, never yamllint's
        ("add axios to deps", ("npm", "bun", "yarn", "pnpm"), "axios"),  # deps are a project's dependencies, no file
        ("which deps are outdated", ("npm", "bun", "yarn", "pnpm"), "outdated"),
    ],
)
def test_round_sixteen_dev_words_reach_the_program(index, request_text, programs, word):
    from nlshell.offline.answer import answers

    words = answers(index, request_text)[0].command.split()
    assert words[0] in programs and word in words


@pytest.mark.parametrize(
    ("request_text", "terms"),
    [
        ("what ram sticks are in here", ["memory"]),  # sticks of RAM are its modules, nothing put anywhere
        ("how fast is it", ["speed"]),  # never a program named fast
        ("what drives do i have", ["block", "devices"]),  # the disks a machine has, not the space on them
    ],
)
def test_round_sixteen_second_pass_words_count_as_descriptions_say_them(request_text, terms):
    assert words.query_terms(request_text) == terms


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("check whether site.zip is damaged", "unzip -t site.zip"),  # a broken zip is unzip's to test, never gzip's
        ("let alice use sudo", "sudo usermod -aG sudo alice"),
        ("make shared/ group writable", "chmod -R g+w shared/"),  # "make … writable" gives write; "writable" is no group
        ("which cron jobs have i got set up", "crontab -l"),  # cron's jobs are a crontab, not the service's state
    ],
)
def test_round_sixteen_second_pass_words_reach_the_command(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


@pytest.mark.parametrize(
    ("request_text", "program"),
    [
        ("what drives do i have", "lsblk"),
        ("set dirs to 775 and files to 664 under shared/", "find"),  # one mode for folders, another for files
        ("what ram sticks are installed and how fast", "dmidecode"),
        ("what's using all the space in /srv", "du"),  # what takes the space up, never the free space left
    ],
)
def test_round_sixteen_second_pass_words_reach_the_program(index, request_text, program):
    from nlshell.offline.answer import answers

    command = answers(index, request_text)[0].command.removeprefix("sudo ")
    assert command.split()[0] == program


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("stash it, gotta jump to another branch", "git stash"),  # "gotta …" only says why
        ("generate an ssh key, new laptop, for gitlab", "ssh-keygen -t ed25519"),  # the new machine, no battery
        ("need to schedule a cron job", "crontab -e"),  # "need to" opens a change, never a wish to see
        ("which cron jobs did i set up", "crontab -l"),  # cron's jobs are the crontab's, not the service
        ("server should be on UTC time", "sudo timedatectl set-timezone UTC"),  # "should be on" sets it
    ],
)
def test_round_sixteen_second_pass_dev_words_reach_the_command(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


def test_address_already_in_use_asks_who_holds_the_port(index):
    from nlshell.offline.answer import answers

    assert answers(index, "address already in use on 5000, who's holding it")[0].command.split()[0] == "lsof"


@pytest.mark.parametrize(
    ("request_text", "terms"),
    [
        ("which packages can be upgraded", ["packages", "upgradable", "upgraded"]),  # what is upgradable, never an upgrade
        ("packages i installed by hand", ["manually", "installed", "packages"]),
    ],
)
def test_round_seventeen_words_count_as_descriptions_say_them(request_text, terms):
    assert sorted(words.query_terms(request_text)) == sorted(terms)


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("what packages could be upgraded", "apt list --upgradable"),
        ("show the apt packages that were installed by hand", "apt-mark showmanual"),
        ("does my docker-compose.yml even parse", "docker compose -f docker-compose.yml config --quiet"),  # compose files are docker's
    ],
)
def test_round_seventeen_words_reach_the_command(index, request_text, command):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command == command


def test_how_a_thing_feels_is_no_misspelt_word():
    assert "feeds" not in words.query_terms("node_modules feels huge")


def test_anything_running_in_docker_asks_its_containers(index):
    from nlshell.offline.answer import answers

    assert answers(index, "is anything running in docker")[0].command == "docker ps"


@pytest.mark.parametrize(
    ("request_text", "plain"),
    [
        ("node_modules size? feels like gigabytes", "node_modules size"),  # its unit found `find -size`
        ("how big is the cache dir, feels like a lot", "how big is the cache dir"),
        ("xz bigdump.sql, max compression, i dont care how long", "xz bigdump.sql, max compression"),
    ],
)
def test_round_seventeen_asides_are_left_out(request_text, plain):
    from nlshell.offline.asides import without_asides

    assert without_asides(request_text) == plain


@pytest.mark.parametrize(
    ("request_text", "program"),
    [
        ("something is maxing out the cpu, what is it", "ps"),  # it got ulimit's max open files
        ("box has no swap, allocate a 4G /swapfile", "fallocate"),  # read as a look, it got find -size
        ("set mtime of report.pdf to jan 1 2024", "touch"),  # it got find … -exec chmod
        ("show the mtime of report.pdf", "stat"),
    ],
)
def test_round_seventeen_words_reach_the_program(index, request_text, program):
    from nlshell.offline.answer import answers

    assert answers(index, request_text)[0].command.split()[0] == program


def test_clobbering_is_overwriting(index):
    """"dont clobber it" got `cp -r`: the copy that minds an existing file is asked."""
    from nlshell.offline.answer import answers

    command = answers(index, "cp .env.example to .env but dont clobber it if its already there")[0].command
    assert set(command.split()) & {"-n", "-i", "--no-clobber"}
