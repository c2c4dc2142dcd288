"""Flags composed within one page: what a page's flags do, read from its examples
(nlshell/offline/flags.py), and the chosen example given the flags the request asks for
(nlshell/offline/compose.py) — never one that contradicts it, turns a look into a change, or
makes the rating worse.

The index is built once for the test run (tests/conftest.py); `which` is a typical Linux desktop's.
"""

from __future__ import annotations

import pytest

from nlshell.offline import compose
from nlshell.offline.compose import composed, with_flag
from nlshell.offline.flags import flags_of, has_flag, marked_stems, page_prefix, read_form
from nlshell.offline.index import ExampleRow
from nlshell.offline import rank as rank_module
from nlshell.offline.rank import OfflineHit, rank

from test_offline_answer import first  # noqa: E402  (the index fixture: tests/conftest.py)


def rows(*examples: tuple[str, str]) -> list[ExampleRow]:
    return [ExampleRow(i, 1, description, command, "tldr", command.split()[0], 1, "", 0.0)
            for i, (description, command) in enumerate(examples, start=1)]


def flag(page, option: str):
    return next(f for f in page.flags if f.option == option)


# -- what a page's flags do ------------------------------------------------------------------

SORT = rows(
    ("Sort a file in ascending order", "sort {{path/to/file}}"),
    ("Sort a file in descending order", "sort -r {{path/to/file}}"),
    ("Sort a file numerically, smallest first", "sort -n {{path/to/file}}"),
    ("Sort a file numerically, largest first", "sort -nr {{path/to/file}}"),
    ("Sort a file keeping only unique lines", "sort -u {{path/to/file}}"),
    ("Sort a file, writing the result to another file", "sort -o {{path/to/output}} {{path/to/input}}"),
)


def test_a_flag_two_examples_differ_by_says_what_only_its_examples_say():
    page = flags_of(SORT, ("sort",), "sort")
    assert sorted(f.option for f in page.flags) == ["-n", "-r", "-u"]  # `-o` takes a value: no plain form
    assert flag(page, "-r").says == frozenset({"descend", "largest"})  # not "sort", "file": the plain one says them
    assert flag(page, "-u").says == frozenset({"keep", "only", "uniqu", "lin"})
    assert flag(page, "-r").together == frozenset({"-n"})  # `sort -nr`: the two go together
    assert not flag(page, "-r").recursive and not flag(page, "-r").changes


def test_an_option_after_the_operands_or_before_another_kind_of_value_is_no_flag():
    """`tar xf x -C dir` and `last -s {{-7days}}` look like one more word than their plain forms,
    but the option takes the word after it."""
    tar = rows(("Extract an archive", "tar xf {{path/to/archive}} {{path/to/file}}"),
               ("Extract an archive into a directory", "tar xf {{path/to/archive}} -C {{path/to/directory}}"))
    last = rows(("Show the logins of a user", "last {{username}}"),
                ("Show the logins since a time", "last -s {{-7days}}"))
    assert flags_of(tar, ("tar",), "tar").flags == ()
    assert flags_of(last, ("last",), "last").flags == ()


def test_a_flag_that_takes_directories_where_its_plain_form_takes_files_recurses():
    cp = rows(("Copy a file", "cp {{path/to/source_file}} {{path/to/target_file}}"),
              ("Copy a folder and everything in it", "cp -r {{path/to/source_directory}} {{path/to/target_directory}}"),
              ("Copy without overwriting", "cp -n {{path/to/source_file}} {{path/to/target_file}}"))
    page = flags_of(cp, ("cp",), "cp")
    assert flag(page, "-r").recursive and not flag(page, "-n").recursive


def test_a_flag_whose_examples_change_what_their_plain_forms_only_show_is_marked():
    sed = rows(("Print a file with a word replaced", "sed 's/{{a}}/{{b}}/g' {{path/to/file}}"),
               ("Replace a word in a file, editing it in place", "sed -i 's/{{a}}/{{b}}/g' {{path/to/file}}"))
    assert flag(flags_of(sed, ("sed",), "sed"), "-i").changes


def test_flags_that_make_the_program_do_another_thing_are_modes():
    shutdown = rows(("Shut down the computer now", "shutdown now"),
                    ("Restart the computer now", "shutdown -r now"),
                    ("Shut down the computer now, halting it", "shutdown -h now"))
    page = flags_of(shutdown, ("shutdown",), "shutdown")
    assert flag(page, "-r").mode and not flag(page, "-h").mode
    assert not flag(flags_of(SORT, ("sort",), "sort"), "-r").mode  # it still sorts


@pytest.mark.parametrize(
    ("text", "stems"),
    [
        ("Show the lines that don't contain a text", {"show", "lin", "!contain", "text"}),
        ("lines containing error", {"lin", "contain", "error"}),
        ("files not matching", {"fil", "!match"}),
        ("the dotfiles too, not just normal files", {"hidden", "fil", "too", "normal"}),  # "not just": as well
    ],
)
def test_a_negation_turns_the_next_word_around(text, stems):
    assert marked_stems(text) == frozenset(stems)


def test_without_turns_the_next_word_around_where_a_description_may_turn_a_request_around():
    """"without its comment lines" is no example for "lines that aren't comments" to put last;
    flags keep reading "without" as their word (`git commit -a`: "without staging" is no `!stag`
    against an example that commits the staged changes)."""
    description = "Show a config file without its comment lines"
    assert marked_stems(description, without=True) == frozenset({"show", "config", "fil", "without", "!comment", "lin"})
    assert marked_stems(description) == frozenset({"show", "config", "fil", "without", "comment", "lin"})


@pytest.mark.parametrize(
    ("command", "prefix"),
    [("sort -nr x", ("sort",)), ("sudo sort -r x", ("sort",)), ("git commit -am x", ("git", "commit"))],
)
def test_a_command_is_read_as_its_program_and_options(command, prefix):
    form = read_form(command, prefix)
    assert form is not None and form.prefix == prefix and form.has("-r") != form.has("-a")


def test_a_pipeline_or_another_program_is_not_read():
    assert read_form("sort x | uniq", ("sort",)) is None
    assert read_form("uniq x", ("sort",)) is None
    assert page_prefix("git-commit", "git") == ("git", "commit")
    assert page_prefix("apt-get", "apt-get") == ("apt-get",)


# -- adding a flag keeps the command valid ------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "prefix", "option", "composed_command"),
    [
        ("sort -n numbers.txt", ("sort",), "-r", "sort -rn numbers.txt"),
        ('git commit -m "x"', ("git", "commit"), "-a", 'git commit -am "x"'),  # `-m` keeps its value
        ("grep 'error' app.log", ("grep",), "-i", "grep -i 'error' app.log"),
        ("scp user@host:/srv/data .", ("scp",), "-r", "scp -r user@host:/srv/data ."),
        ("sudo cp a b", ("cp",), "-r", "sudo cp -r a b"),
        ("pip install requests", ("pip", "install"), "--user", "pip install --user requests"),
        ("find . -name x", ("find",), "-L", "find -L . -name x"),  # `-name` is a word, not a cluster
        ("sort x | uniq", ("uniq",), "-c", "sort x | uniq"),  # not the program that runs first: unchanged
    ],
)
def test_a_flag_joins_the_first_cluster_or_comes_right_after_the_program(command, prefix, option, composed_command):
    assert with_flag(command, prefix, option) == composed_command


# -- the request's words choose the flags ---------------------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("sort numbers.txt numerically in descending order", "sort -rn numbers.txt"),
        ("which lines in app.log mention error, ignoring case", "grep -i 'error' app.log"),
        ("count lines containing error in app.log ignoring case", "grep -ic 'error' app.log"),
        ("show lines of app.log without error, ignoring case", "grep -vi 'error' app.log"),
        ('commit all my changes, message "update readme"', 'git commit -am "update readme"'),
        ("install the requests library with pip, just for my user", "pip install --user requests"),
        ("pull down the /srv/data folder from user@host over ssh", "scp -r user@host:/srv/data ."),  # a folder
        # an option that only says how many (`--tail 100`) goes with a flag no example shows beside it
        ("web container logs, last 100 lines and keep following", "docker logs -f --tail 100 web"),
        # "log" is said by `tail -n` examples as much as by `tail -f` ones: "the last lines of a log" does not follow yet
        ("last 50 lines of app.log and keep following", "tail -fn 50 app.log"),
    ],
)
def test_the_flags_the_request_asks_for_are_added(index, request_text, command):
    assert first(index, request_text) == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("reboot the machine in 10 minutes", "sudo shutdown -r +10"),  # `-h` halts: never with `-r`
        ("files in this dir sorted by date, latest on top", "ls -lt ."),  # `-r` puts the oldest on top
        ("make response.json readable, it's all on one line", "jq . response.json"),  # `-c` is one line
        # `~` is the target, on the host named (a host and a folder point to scp)
        ("copy report.pdf to my home folder on server.example.com", "scp report.pdf server.example.com:~"),  # nothing to fill: your own login there
        ("put notes.md into the docs directory", "mv notes.md docs"),  # … and `docs` here
        ("copy db.sql to my server at 192.168.1.20 into /tmp", "scp db.sql 192.168.1.20:/tmp"),  # … and /tmp
        ("sort numbers.txt numerically", "sort -n numbers.txt"),  # asked for nothing more
        ("tree of src but only 2 levels deep", "tree -L 2 src"),  # "only" says how much, not `-d`
    ],
)
def test_no_flag_is_added_that_the_request_does_not_ask_for_or_that_contradicts(index, request_text, command):
    assert first(index, request_text) == command


def test_a_description_that_turns_the_request_around_comes_after_its_pages_others(index):
    """An example whose description says the opposite ("lines that don't contain a text") must not
    lead for "show lines containing error": the ranking reads "don't" now, but this guard holds
    whatever order it hands over."""
    request = "show lines containing error in app.log ignoring case"
    ranked = rank(index, request)
    inverted = next(hit for hit in ranked if hit.page == "grep" and "-v" in hit.command.split())
    handed = [inverted] + [hit for hit in ranked if hit is not inverted]  # as the ranking once had it
    kept = composed(index, request, handed)
    assert kept[0].page == "grep"
    assert not any(word.startswith("-") and "v" in word for word in kept[0].command.split())  # no -v, -vi
    assert inverted.description in [hit.description for hit in kept[1:]]  # kept, behind (flags may be added)
    assert first(index, request) == "grep -i 'error' app.log"


@pytest.mark.parametrize(
    ("other_way", "description"),
    [
        ("sort -r names.txt", "Sort the lines of a file from Z to A"),  # says the other order
        ("sort -nr names.txt", "Sort numbers from largest to smallest"),  # its `-r` does
    ],
)
def test_an_example_that_does_the_other_order_comes_after_its_pages_others(index, other_way, description):
    request = "sort names.txt a to z"
    handed = [hit(other_way, "sort", description), hit("sort names.txt", "sort", "Sort the lines of a file alphabetically")]
    assert [h.command for h in composed(index, request, handed)] == ["sort names.txt", other_way]
    assert [h.command for h in composed(index, "sort names.txt z to a", handed[:1])] == [other_way]


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("show guests.txt sorted a-z without repeats", "sort -u guests.txt"),  # not `sort -r`: a-z ascends
        ("show the lines in config.ini that aren't comments", "grep -v '^[[:space:]]*#' config.ini"),  # not the blank lines
        ("show today's date as year-month-day", "date +%Y-%m-%d"),
    ],
)
def test_the_flag_that_does_what_the_words_say(index, request_text, command):
    assert first(index, request_text) == command


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("copy the folder /srv/app to /backup", "cp -r /srv/app /backup"),
        ("fetch the /etc/nginx directory from admin@web01", "scp -r admin@web01:/etc/nginx ."),
    ],
)
def test_a_folder_the_command_copies_gets_the_pages_recursive_flag(index, request_text, command):
    """The ranking chose an example for files; the request calls what it copies a folder."""
    assert first(index, request_text) == command


def hit(command: str, page: str, description: str, template: str = "") -> OfflineHit:
    return OfflineHit(command, description, "tldr", command.split()[0], 1.0, page, "", template or command)


def test_a_flag_that_makes_the_rating_worse_is_not_added(index, monkeypatch):
    request = "which lines in app.log mention error, ignoring case"
    plain = hit("grep 'error' app.log", "grep", "Show the lines of a file that mention a text")
    assert composed(index, request, [plain])[0].command == "grep -i 'error' app.log"
    monkeypatch.setattr(compose, "risk_of", lambda command: ("caution" if "-i" in command else "safe", []))
    assert composed(index, request, [plain])[0].command == "grep 'error' app.log"


def test_a_look_never_gets_a_flag_that_changes_things(index, monkeypatch):
    """`sed -i` edits in place: a request that only looks keeps the plain `sed`, even where the
    rater would not tell (here it calls everything safe); a request to change gets it."""
    plain = hit("sed 's/foo/bar/g' notes.txt", "sed", "Print a file with every foo replaced by bar")
    looking = "show notes.txt with foo replaced by bar, saved in place"
    changing = "replace foo with bar in notes.txt, saved in place"
    assert composed(index, looking, [plain])[0].command == "sed 's/foo/bar/g' notes.txt"
    assert composed(index, changing, [plain])[0].command == "sed 's/foo/bar/g' notes.txt"  # the rating got worse
    monkeypatch.setattr(compose, "risk_of", lambda command: ("safe", []))
    assert composed(index, looking, [plain])[0].command == "sed 's/foo/bar/g' notes.txt"
    assert composed(index, changing, [plain])[0].command == "sed -i 's/foo/bar/g' notes.txt"


def test_composing_never_reorders_pages(index):
    request = "sort numbers.txt numerically in descending order"
    ranked = rank(index, request)
    kept = composed(index, request, ranked)
    assert [hit.page for hit in kept][:1] == [ranked[0].page]
    assert len({hit.command for hit in kept}) == len(kept)  # `sort -n` composed into `sort -rn`: once


def test_composing_reads_the_request_the_ranking_read_not_a_second_time(index, monkeypatch):
    """The answer reads a request once: the ranking's hits carry its reading to composing, which
    adds the same flag it finds by reading the request itself (from a plain list of hits)."""
    request = "sort numbers.txt numerically in descending order"
    found = rank(index, request)
    expected = composed(index, request, list(found))
    assert expected[0].command == "sort -rn numbers.txt"
    monkeypatch.setattr(compose, "read_request", lambda *args, **kwargs: pytest.fail("read twice"))
    assert [h.command for h in composed(index, request, found)] == [h.command for h in expected]
    calls = []
    real = rank_module.read_request
    monkeypatch.setattr(rank_module, "read_request", lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs))
    assert first(index, request) == "sort -rn numbers.txt"
    assert calls == [1]


# -- through the CLI -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_text", "printed"),
    [
        ("sort numbers.txt numerically in descending order", "sort -rn numbers.txt\n"),
        ("which lines in app.log mention error, ignoring case", "grep -i 'error' app.log\n"),
        ("show lines containing error in app.log ignoring case", "grep -i 'error' app.log\n"),
        ('commit all my changes, message "update readme"', 'git commit -am "update readme"\n'),
        ("pull down the /srv/data folder from user@host over ssh", "scp -r user@host:/srv/data .\n"),
    ],
)
def test_the_cli_prints_the_composed_command(nlshell, request_text, printed):
    r = nlshell("-p", "--offline", request_text)
    assert (r.returncode, r.stdout) == (0, printed), r


def test_the_cli_recurses_into_a_folder_the_request_names(nlshell):
    r = nlshell("-p", "--offline", "copy the folder /srv/app to /backup")
    assert (r.returncode, r.stdout) == (0, "cp -r /srv/app /backup\n"), r
    assert "caution" in r.stderr  # rated as any copy that may overwrite: printed, never run


def test_an_option_never_seen_beside_flags_takes_none(index):
    """`shutdown -c` cancels; the page never shows `-c` beside another flag, so "the computer"
    (the system: `-h`'s word) adds nothing to it — what the composer cannot see, it does not combine."""
    composed_commands = [hit.command for hit in composed(index, "shutdown the computer", rank(index, "shutdown the computer"))]
    assert not any(command.split()[-1] == "-hc" or "-ch" in command.split() for command in composed_commands)


@pytest.mark.parametrize(
    ("request_text", "command", "expected"),
    [
        # the class, the sign and the permission the request says, in chmod's symbolic mode
        ("take away write permission for others on public/", "chmod -R g+w,o+w public/", "chmod -R o-w public/"),
        ("give the group execute permission on run.sh", "chmod g+w run.sh", "chmod g+x run.sh"),
        ("remove read access for everyone else on secrets.txt", "chmod a-w secrets.txt", "chmod o-r secrets.txt"),
        ("revoke write for group on shared.txt", "chmod g+w shared.txt", "chmod g-w shared.txt"),
        ("give everyone read access to index.html", "chmod a+x index.html", "chmod a+r index.html"),
        # a numeric mode says more than the words; words that deny, or say no sign, leave it as it is
        ("remove read access for others on key.pem", "chmod 600 key.pem", "chmod 600 key.pem"),
        ("don't let others read notes.txt", "chmod o+r notes.txt", "chmod o+r notes.txt"),
        ("make backup.sh executable", "chmod +x backup.sh", "chmod +x backup.sh"),
        ("give the group execute permission on run.sh", "ls -l run.sh", "ls -l run.sh"),
    ],
)
def test_a_chmod_mode_is_written_as_the_request_says_it(request_text, command, expected):
    from nlshell.offline.modes import rewritten

    assert rewritten(request_text, command) == expected


def test_the_permission_words_are_composed_into_the_answer(index):
    assert first(index, "take away write permission for others on public/").endswith("o-w public/")


def test_instead_of_turns_the_next_word_around_like_without():
    from nlshell.offline.flags import marked_stems

    described = marked_stems("Install a package to the user's directory instead of the system-wide default location", without=True)
    assert "!system" in described and "user" in described


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        # the example with the flag the request says is a hair behind the plain one: it goes first
        ("give www-data ownership of /var/www/html, recursively", "sudo chown -R www-data /var/www/html"),
        ("give www-data ownership of /var/www/html", "sudo chown www-data /var/www/html"),  # none said: the plain one
    ],
)
def test_an_example_with_the_flag_the_request_says_goes_first_when_nearly_as_good(index, request_text, command):
    assert first(index, request_text) == command


def test_a_flag_is_read_in_its_cluster():
    assert has_flag("sudo chown -R bob x", ("-r", "-R", "--recursive"))
    assert has_flag("rm -rf x", ("-f", "--force"))
    assert has_flag("grep --recursive x .", ("-r", "-R", "--recursive"))
    assert not has_flag("chown bob x", ("-r", "-R", "--recursive"))
    assert not has_flag("find . -newer x", ("-r", "-R", "--recursive"))  # find's options are words
