"""Offline index: build, lookup, ranking for this machine, damage control, and everyday quality.

Nothing here depends on what is installed on the test machine: `which` is a fake with a typical
Linux desktop's programs, and man page summaries are left out (`summaries=dict`).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import sqlite3
import stat
import sys
import threading
from pathlib import Path

import pytest

from nlshell import offline
from nlshell.offline import OfflineIndex, commands, first_placeholder, first_program, programs, query_terms, rank, request

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS.parent / "benchmarks"))

import eval_everyday  # noqa: E402  (the everyday tables, read and scored as the benchmark does)

# A typical Linux desktop: coreutils, util-linux, procps, findutils, diffutils, psmisc, iproute2,
# iputils, dnsutils, openssh, systemd, archivers, curl/wget, git, python3, jq, apt, the shadow tools.
TYPICAL = frozenset(
    """ls cp mv rm rmdir mkdir touch ln chmod chown chgrp cat head tail less more wc sort uniq cut tr
    paste join split tee nl od date cal uptime uname hostname whoami who w id groups env printenv pwd
    df du free top ps pgrep pkill kill killall pstree nproc lscpu lsblk lsusb lspci mount umount
    find xargs locate grep egrep sed awk gawk diff cmp comm patch file stat readlink realpath basename
    dirname which tar gzip gunzip zcat bzip2 xz zip unzip curl wget ssh scp sftp rsync ping ip ss
    dig nslookup host traceroute systemctl journalctl service shutdown reboot poweroff halt crontab dmesg sha256sum md5sum sha1sum
    base64 seq shuf sleep watch timeout nohup sudo git python3 jq openssl man tree bc xdg-open lsof
    apt apt-get dpkg useradd usermod userdel groupadd gpasswd passwd truncate shred
    tac rev fold fmt column expand unexpand xxd hexdump iconv cksum sha512sum printf echo nano vi
    hostnamectl timedatectl lsb_release last zgrep bunzip2 nc tracepath htop pidof fuser whereis vmstat
    mktemp fallocate gio ncal ssh-keygen run-parts""".split()
)


def typical_which(program: str) -> str | None:
    return f"/usr/bin/{program}" if program in TYPICAL else None


@pytest.fixture(scope="module")
def index(prebuilt_offline_index) -> OfflineIndex:
    """The session's index (building one takes seconds), seen from a typical desktop."""
    built = OfflineIndex(str(prebuilt_offline_index), which=typical_which, summaries=dict)
    built.ensure_built()
    yield built
    built.close()


def top_program(index: OfflineIndex, request: str, **kwargs) -> str:
    hits = lookup(index, request, limit=1, **kwargs)
    return hits[0].program if hits else ""


def top_command(index: OfflineIndex, request: str) -> str | None:
    hits = lookup(index, request, limit=1)
    return hits[0].command if hits else None


# -- pure helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "span"),
    [
        ("wc -l {{path/to/file}}", (6, 22)),
        ("{{find .}} | wc", (0, 10)),
        ("ls -la", None),
        ("find . -exec rm {} \\;", None),
        ("awk '{print $1}' {{path/to/file}}", (17, 33)),
        ("cp {{a}} {{b}}", (3, 8)),
    ],
)
def test_first_placeholder(command, span):
    assert first_placeholder(command) == span
    if span:
        assert command[span[0] : span[1]].startswith("{{") and command[span[0] : span[1]].endswith("}}")


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("ls -la", ["ls"]),
        ("sudo -u root find / -name x", ["find"]),
        ("sudo find . | xargs -0 rm -f", ["find", "xargs", "rm"]),
        ("FOO=1 env -i BAR=2 python3 x.py", ["python3"]),
        ("nohup nice -n 5 time make", ["make"]),
        ("cd /tmp && ls; cat a || echo no", ["cd", "ls", "cat", "echo"]),
        ("kill $(pidof foo)", ["kill", "pidof"]),
        ("/usr/bin/grep -r x .", ["grep"]),
        ("2>/dev/null ls", ["ls"]),
        ("find . -exec grep -l x {} \\;", ["find"]),
        ("echo 'unbalanced", ["echo"]),
        ("", []),
        ("{{command}} | sort", ["{{command}}", "sort"]),
        ("xargs -I {} -n 1 mv {} /tmp", ["xargs", "mv"]),
    ],
)
def test_programs(command, expected):
    assert programs(command) == expected
    assert first_program(command) == (expected[0] if expected else "")


@pytest.mark.parametrize(
    ("request_text", "terms"),
    [
        ("Count the lines in a file!", ["count", "lines", "file"]),
        ("display files in my folder", ["show", "files", "directory"]),
        ("print, show and display", ["show"]),
        ("delete duplicates", ["remove", "duplicate"]),
        ("how do I", []),
    ],
)
def test_query_terms(request_text, terms):
    assert query_terms(request_text) == terms


def lookup(index, request, *, limit=5, **kwargs):
    """Best offline examples for `request`, as the answer path ranks them."""
    return rank.rank(index, request, **kwargs)[:limit]


# -- build and lookup -----------------------------------------------------------------------


def test_lookup_answers_with_a_tldr_template(index):
    hits = lookup(index, "count lines in a file")
    assert hits, "no answer"
    top = hits[0]
    assert top.program == "wc"
    assert top.source == "tldr"
    assert top.command.startswith("wc -l {{")
    assert first_placeholder(top.command) is not None
    assert top.description
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_lookup_returns_nothing_for_noise(index):
    assert lookup(index, "") == []
    assert lookup(index, "the of a") == []
    assert lookup(index, "zzqxv qqqzzx") == []


def test_limit_and_distinct_commands(index):
    hits = lookup(index, "find files by name", limit=7)
    assert len(hits) == 7
    assert len({h.command for h in hits}) == 7


def test_default_location_is_private(tmp_path, offline_index):
    offline_index.unlink()  # build it where a fresh home would
    index = OfflineIndex(which=typical_which, summaries=dict)
    assert index.db_path == os.path.join(os.environ["XDG_CACHE_HOME"], "nlshell", "offline.sqlite3")
    assert lookup(index, "show free memory")[0].program == "free"
    assert index.built
    index.close()
    assert stat.S_IMODE(os.stat(index.db_path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(os.path.dirname(index.db_path)).st_mode) == 0o700
    assert [n for n in os.listdir(os.path.dirname(index.db_path)) if n.endswith(".tmp")] == []


def test_built_once_then_reused(tmp_path):
    path = str(tmp_path / "o.sqlite3")
    first = OfflineIndex(path, which=typical_which, summaries=dict)
    first.ensure_built()
    assert first.built
    first.close()
    again = OfflineIndex(path, which=typical_which, summaries=dict)
    assert lookup(again, "show free memory")
    assert not again.built
    again.close()


def test_rebuilt_when_the_packaged_data_changes(tmp_path, monkeypatch):
    path = str(tmp_path / "o.sqlite3")
    OfflineIndex(path, which=typical_which, summaries=dict).ensure_built()
    monkeypatch.setattr(offline.data, "data_version", lambda: "something-newer")
    index = OfflineIndex(path, which=typical_which, summaries=dict)
    index.ensure_built()
    assert index.built
    with sqlite3.connect(path) as conn:
        assert "something-newer" in conn.execute("SELECT value FROM meta").fetchone()[0]
    index.close()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty-tables"])
def test_corrupt_index_is_moved_aside_and_rebuilt(tmp_path, damage):
    path = tmp_path / "o.sqlite3"
    OfflineIndex(str(path), which=typical_which, summaries=dict).ensure_built()
    if damage == "garbage":
        path.write_bytes(b"this is not a database at all" * 100)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:5000])
    else:
        with sqlite3.connect(path) as conn:
            conn.execute("DROP TABLE programs")
    warnings: list[str] = []
    index = OfflineIndex(str(path), which=typical_which, warn=warnings.append, summaries=dict)
    assert lookup(index, "count lines in a file")[0].program == "wc"
    assert len(warnings) == 1 and "offline index" in warnings[0]
    assert (tmp_path / "o.sqlite3.corrupt").exists()
    index.close()


def test_unwritable_cache_dir_works_from_memory(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        warnings: list[str] = []
        index = OfflineIndex(str(locked / "o.sqlite3"), which=typical_which, warn=warnings.append, summaries=dict)
        assert lookup(index, "count lines in a file")[0].program == "wc"
        assert len(warnings) == 1 and "memory" in warnings[0]
        index.close()
    finally:
        locked.chmod(0o700)


def test_cache_path_blocked_by_a_file_works_from_memory(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    warnings: list[str] = []
    index = OfflineIndex(str(blocker / "o.sqlite3"), which=typical_which, warn=warnings.append, summaries=dict)
    assert lookup(index, "show free memory")[0].program == "free"
    assert len(warnings) == 1
    index.close()


def test_concurrent_first_use_builds_a_whole_index(tmp_path):
    path = str(tmp_path / "o.sqlite3")
    results: list[str] = []
    errors: list[BaseException] = []

    def use() -> None:
        try:
            index = OfflineIndex(path, which=typical_which, summaries=dict)
            results.append(top_program(index, "count lines in a file"))
            index.close()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=use) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert results == ["wc", "wc", "wc"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- ranking for this machine ---------------------------------------------------------------


@pytest.mark.parametrize(("installed", "expected"), [({"wget"}, "wget"), ({"curl"}, "curl")])
def test_installed_programs_come_first(tmp_path, installed, expected):
    have = (TYPICAL - {"curl", "wget"}) | installed
    index = OfflineIndex(str(tmp_path / "o.sqlite3"), which=lambda p: p if p in have else None, summaries=dict)
    assert top_program(index, "download a file from a url") == expected
    index.close()


@pytest.mark.parametrize(("installed", "expected"), [({"apt"}, "apt"), ({"dnf"}, "dnf")])
def test_the_package_manager_of_this_machine_updates_its_packages(tmp_path, installed, expected):
    """Many NL2Bash rows run yum: on a machine with apt (or dnf) it is an answer for another machine."""
    managers = {"apt", "apt-get", "aptitude", "yum", "dnf", "zypper", "pacman", "apk"}
    have = (TYPICAL - managers) | installed
    index = OfflineIndex(str(tmp_path / "o.sqlite3"), which=lambda p: p if p in have else None, summaries=dict)
    assert top_program(index, "update all my packages") == expected
    index.close()


def test_a_language_package_manager_is_no_answer_to_packages_said_alone(tmp_path):
    """npm's `update` is every manager's word: "update all packages" got `npm update` on a machine
    with npm; the system's manager answers, npm when the request says npm or names its package."""
    from nlshell.offline.answer import answers

    have = TYPICAL | {"npm", "pip"}
    index = OfflineIndex(str(tmp_path / "o.sqlite3"), which=lambda p: p if p in have else None, summaries=dict)
    assert answers(index, "update all packages")[0].command == "sudo apt update && sudo apt upgrade"
    assert answers(index, "update all npm packages")[0].command == "npm update"
    assert answers(index, "install express")[0].command == "npm install express"  # a library: the project's
    assert answers(index, "install typescript")[0].command == "npm install -g typescript"  # a tool: global
    index.close()


def test_installed_reads_the_path_directories(tmp_path, monkeypatch):
    """With the real PATH, a name no PATH directory lists is not installed (no stat of every
    directory); a listed one still has to be an executable."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    tool = bin_dir / "zzfaketool"
    tool.write_text("#!/bin/sh\n")
    tool.chmod(0o755)
    (bin_dir / "zznotexecutable").write_text("data\n")
    monkeypatch.setenv("PATH", str(bin_dir))
    index = OfflineIndex(str(tmp_path / "o.sqlite3"), summaries=dict)
    assert index.installed("zzfaketool") is True
    assert index.installed("zznotexecutable") is False
    assert index.installed("ls") is False  # not in this PATH
    assert index.installed(str(tool)) is True  # a path is asked about as such
    assert index.installed("cd") is True  # a builtin


def test_which_is_asked_once_per_program(tmp_path):
    asked: list[str] = []

    def counting_which(program: str) -> str | None:
        asked.append(program)
        return typical_which(program)

    index = OfflineIndex(str(tmp_path / "o.sqlite3"), which=counting_which, summaries=dict)
    lookup(index, "count lines in a file")
    lookup(index, "count words in a file")
    assert len(asked) == len(set(asked)) > 0
    index.close()


def test_a_failing_which_counts_as_not_installed(tmp_path):
    def broken(_program: str) -> str | None:
        raise PermissionError("PATH unreadable")

    index = OfflineIndex(str(tmp_path / "o.sqlite3"), which=broken, summaries=dict)
    assert lookup(index, "count lines in a file")
    index.close()


def test_accepted_commands_are_preferred(index):
    hits = lookup(index, "count lines in a file", limit=5)
    runner_up = hits[1].command
    boosted = lookup(index, "count lines in a file", limit=5, accepted=[runner_up])
    assert boosted[0].command == runner_up


def test_suite_examples_need_the_suite_named(index):
    assert top_program(index, "rename a file") == "mv"
    assert top_program(index, "rename a branch in git") == "git"


def test_fish_users_get_less_bash_only_syntax(index):
    request = "run a loop over a range of numbers"
    bash_hits = {h.command: h.score for h in lookup(index, request, limit=50)}
    fish_hits = {h.command: h.score for h in lookup(index, request, limit=50, shell="fish")}
    bash_only = [c for c in bash_hits if commands.bash_only(c) and c in fish_hits]
    assert bash_only, "the test needs a bash-only candidate"
    for command in bash_only:
        assert fish_hits[command] < bash_hits[command]


def test_dangerous_examples_are_returned_for_the_caller_to_rate(index):
    """The index does not filter risk: the pipeline rates every answer, offline ones included."""
    hits = lookup(index, "power off the system immediately", limit=5)
    assert any(h.program in ("shutdown", "poweroff") for h in hits)
    assess = pytest.importorskip("nlshell.assess")
    dangerous = [h.command for h in hits if assess.assess(h.command).risk == "dangerous"]
    assert dangerous, [h.command for h in hits]


# -- leakage control ------------------------------------------------------------------------


def test_exclude_needs_its_own_path():
    with pytest.raises(ValueError):
        OfflineIndex(exclude={"anything"})


def test_excluded_nl2bash_rows_are_left_out(tmp_path):
    described = [
        line.split("\t")
        for line in gzip.open(os.path.join(offline.DATA_DIR, offline.NL2BASH_FILE), "rt").read().splitlines()[1:]
    ]
    target = next(row for row in described if row[2].startswith("Counts lines in file"))
    same = [row for row in described if row[2] == target[2]]
    index = OfflineIndex(str(tmp_path / "o.sqlite3"), which=typical_which, exclude={target[2]}, summaries=dict)
    commands = {h.command for h in lookup(index, target[2], limit=50)}
    assert index.excluded == [row[0] for row in same]
    assert not commands & {row[3] for row in same}
    index.close()
    everything = OfflineIndex(str(tmp_path / "all.sqlite3"), which=typical_which, summaries=dict)
    assert target[3] in {h.command for h in lookup(everything, target[2], limit=50)}
    everything.close()


def test_exclude_accepts_a_predicate(tmp_path):
    index = OfflineIndex(str(tmp_path / "o.sqlite3"), which=typical_which, exclude=lambda d: True, summaries=dict)
    hits = lookup(index, "find all files modified in the last day", limit=20)
    assert hits and all(h.source in ("tldr", "nlshell") for h in hits)
    index.close()


# -- package data ---------------------------------------------------------------------------


def test_data_version_matches_the_packaged_files():
    """scripts/build_offline_data.py writes the version; a hand-edited data file would not match."""
    digest = hashlib.sha256()
    for name in sorted((offline.TLDR_FILE, offline.PAGES_FILE, offline.NL2BASH_FILE)):
        raw = gzip.open(os.path.join(offline.DATA_DIR, name), "rb").read()
        digest.update(name.encode() + b"\0" + raw)
    assert offline.data_version() == digest.hexdigest()[:16]


def test_choice_lists_are_resolved_at_build_time():
    """`{{on|off}}` would be a pipe to bash and a missing program to the validator: the build keeps
    the first choice. What is left with `|`, `;`, `<`, `>` or `&` in it is code (`{{cmd1; cmd2}}`)."""
    rows = gzip.open(os.path.join(offline.DATA_DIR, offline.TLDR_FILE), "rt").read().splitlines()[1:]
    assert len(rows) > 25_000
    code_like = 0
    for row in rows:
        command = row.split("\t")[3]
        if "'" in command or '"' in command:
            continue
        for placeholder in offline.PLACEHOLDER.findall(command):
            body = placeholder[2:-2]
            if "|" in body:
                assert set(body) & set("[](){}"), command
            code_like += bool(set(body) & set("|;&<>"))
    assert code_like < 20


def test_crontab_lines_are_not_offered_as_commands(index):
    """tldr's crontab page shows sample lines of a crontab file (`30 2 * * Fri /path/to/script.sh`);
    offered as an answer such a line runs a program named `30` (so would clifm's `12`, glob's `*`).
    The packaged data still has them."""
    rows = gzip.open(os.path.join(offline.DATA_DIR, offline.TLDR_FILE), "rt").read()
    assert "\t30 2 * * Fri /{{path/to/script.sh}}" in rows
    with sqlite3.connect(index.db_path) as conn:
        commands_held = [c for (c,) in conn.execute("SELECT command FROM entries WHERE source != 'nl2bash'")]
    assert commands_held and not [c for c in commands_held if c.split()[0].isdigit() or c.startswith(("*", "@"))]
    assert top_command(index, "what's scheduled in /etc/crontab").split()[0] != "30"


# -- quality ------------------------------------------------------------------------------


def test_everyday_requests_get_the_right_program_first(index):
    table = eval_everyday.load(eval_everyday.TABLES["everyday"])
    assert len(table) >= 40
    misses = [(row.request, top_command(index, row.request), row.programs) for row in table
              if not eval_everyday.right_program(row, top_command(index, row.request))]
    hit_rate = 1 - len(misses) / len(table)
    assert hit_rate >= 0.85, f"{hit_rate:.0%} right; misses: {misses}"


@pytest.mark.parametrize(
    ("names", "program", "on_page", "subcommand"),
    [
        ("git push git", "git", True, "push"),
        ("git lfs transfer git", "git", True, "lfs-transfer"),
        ("docker compose docker-compose", "docker-compose", True, ""),
        ("tar", "tar", True, ""),
        ("runit kill", "kill", False, ""),
        ("", "", False, ""),
    ],
)
def test_page_of_an_example(names, program, on_page, subcommand):
    assert commands.on_page(names, program) is on_page
    assert commands.page_subcommand(names, program) == subcommand


def test_program_spelled_as_words_counts_as_named(index):
    assert "shutdown" in request._compounds(index, "shut down the computer now", ["shut", "down", "computer", "now"])
    assert request._compounds(index, "count lines in a file", ["count", "lines", "file"]) == []
    assert top_program(index, "shut down the computer now") in {"shutdown", "poweroff", "systemctl"}


def test_suite_add_on_pages_rank_below_the_suites_own_subcommands(index):
    """`git magic` (git-extras) says "force push to remote" word for word; core git's push is the answer."""
    hits = lookup(index, "force push to remote", limit=10)
    subcommands = [hit.command.split()[1] for hit in hits if hit.program == "git"]
    assert "magic" not in subcommands[:3]
    assert "push" in subcommands[:3]


@pytest.mark.parametrize(("name", "floor"), [("everyday-holdout", 0.85), ("everyday-holdout2", 0.85)])
def test_the_first_rounds_held_out_tables_stay_right(index, name, floor):
    """Held out in the first rounds, tuned on since (measured with this index: 95% and 91%)."""
    table = eval_everyday.load(eval_everyday.TABLES[name])
    assert eval_everyday.score(table, [top_command(index, row.request) for row in table]).right_program >= floor


def test_a_stop_word_with_an_s_is_no_search_word(index):
    """"whats" stems to "what": searching it found "Show what time it is" (`date`) for "whats my name"."""
    assert "what" not in rank.read_request(index, "whats my username").terms
    assert "what" not in rank.read_request(index, "what's my username").terms
    assert rank.read_request(index, "whats my username").terms == rank.read_request(index, "what is my username").terms
