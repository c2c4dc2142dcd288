"""Effect preview of files: deletes, overwrites, permission changes, find — on real temporary trees.

Every test builds a real tree, then watches it (tests/treesnap.py): after the preview the tree
must be byte-for-byte what it was — sizes, mtimes, ctimes, inode numbers and contents.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nlshell import preview as preview_module
from nlshell.preview import preview
from treesnap import untouched  # noqa: F401  (the fixture)

NOW = time.time()
DAY = 86400


def build(root: Path, files: dict, *, age_days: float = 3) -> None:
    """Files (path -> text or bytes) under `root`, all changed `age_days` ago unless told."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
        os.utime(path, (NOW - age_days * DAY, NOW - age_days * DAY))


def run(command: str, cwd: Path, **options) -> list:
    options.setdefault("now", NOW)
    return preview(command, str(cwd), **options)


def only(effects: list):
    assert len(effects) == 1, [e.summary for e in effects]
    return effects[0]


@pytest.fixture
def work(tmp_path):
    return tmp_path / "work"


# -- deletes -------------------------------------------------------------------------------------
def test_rm_rf_counts_every_file_and_byte(work, untouched):  # noqa: F811
    sizes = {f"build/obj/{i:03}.o": b"x" * (i * 7) for i in range(100)}
    sizes.update({f"build/{i:02}.log": b"y" * (i + 1) for i in range(23)})
    build(work, sizes)
    untouched(work)
    e = only(run("rm -rf build", work))
    assert (e.kind, e.count, e.bytes, e.paths, e.more) == ("delete", 123, sum(len(v) for v in sizes.values()), ["build"], False)
    assert e.summary == "deletes 123 files and 2 directories (35 KB) under build"
    assert e.as_json()["count"] == 123


def test_the_newest_files_and_recent_changes_are_named(work, untouched):  # noqa: F811
    build(work, {"build/old1": "a", "build/old2": "b", "build/old3": "c"}, age_days=3)
    build(work, {"build/new.o": "n"}, age_days=0.01)
    build(work, {"build/newer.o": "m"}, age_days=0.001)
    untouched(work)
    e = only(run("rm -r build", work))
    assert e.summary == "deletes 5 files and 1 directory (5 bytes) under build; 2 files changed in the last hour"
    assert e.details[0] == (
        "newest: build/newer.o (changed 1 minute ago); build/new.o (changed 14 minutes ago); "
        "build/old3 (changed 3 days ago)"
    )


def test_rm_never_follows_a_symlink(work, tmp_path, untouched):  # noqa: F811
    build(tmp_path / "elsewhere", {f"f{i}": "data" for i in range(10)})
    build(work, {"build/a.o": "a"})
    (work / "build" / "link").symlink_to(tmp_path / "elsewhere")
    (work / "alone").symlink_to(tmp_path / "elsewhere")
    untouched(tmp_path)
    e = only(run("rm -rf build alone", work))
    assert (e.count, e.bytes) == (3, 1)  # a.o and two links; nothing of what they point to
    assert "outside" not in e.summary


def test_a_target_outside_the_current_directory_is_said(work, tmp_path, untouched):  # noqa: F811
    build(tmp_path / "other", {"x.txt": "x"})
    build(work, {"y.txt": "y"})
    untouched(tmp_path)
    e = only(run("rm -r ../other y.txt", work))
    assert e.summary.endswith("— outside the current directory: " + str(tmp_path / "other"))
    assert e.count == 2


def test_globs_expand_as_bash_does(work, untouched):  # noqa: F811
    build(work, {"a.log": "1", "b.log": "22", ".hidden.log": "333", "keep.txt": "4"})
    untouched(work)
    e = only(run("rm -f *.log", work))
    assert (e.count, e.bytes, e.paths) == (2, 3, ["a.log", "b.log"])
    e = only(run("rm -f .*.log", work))
    assert (e.count, e.paths) == (1, [".hidden.log"])


def test_a_quoted_glob_is_not_expanded(work, untouched):  # noqa: F811
    build(work, {"a.log": "1"})
    untouched(work)
    assert run("rm -f '*.log'", work) == []


def test_braces_tilde_and_variables(work, tmp_path, untouched):  # noqa: F811
    home = tmp_path / "home"
    build(home, {"notes1.txt": "1", "notes2.txt": "22", "notes3.txt": "333"})
    build(work, {"build/x": "x"})
    untouched(tmp_path)
    env = {"HOME": str(home), "OUT": "build"}
    assert only(run("rm ~/notes{1,2}.txt", work, env=env)).bytes == 3
    assert only(run('rm -r "$OUT"', work, env=env)).paths == ["build"]
    assert only(run("rm -r ${MISSING:-build}", work, env=env)).paths == ["build"]
    e = only(run('rm -r "$UNSET"build', work, env=env))
    assert e.summary == "deletes 1 file and 1 directory (1 byte) under build — $UNSET is not set here, so the word becomes 'build'"
    assert run('rm "~/notes1.txt"', work, env=env) == []  # a quoted ~ is a directory named ~
    assert run("rm -r '${OUT}'", work, env=env) == []  # single quotes: a file named ${OUT}
    e = only(run('rm -r "${NOPE:?say where}"', work, env=env))
    assert (e.count, e.summary) == (None, "deletes ${NOPE:?say where}: $NOPE is not set here, so the shell stops with an error and runs nothing")


def test_what_only_the_run_can_know_is_said_not_guessed(work, untouched):  # noqa: F811
    build(work, {"build/x": "x"})
    untouched(work)
    e = only(run('rm -rf "$(mktemp -d)"', work))
    assert (e.kind, e.count, e.bytes) == ("delete", None, None)
    assert e.summary == "deletes $(mktemp -d) (known only when it runs)"
    e = only(run("D=$(pwd)/build; rm -rf $D", work, env={"D": "/elsewhere"}))
    assert e.count is None and "$D is set by the command itself" in e.summary


def test_rm_refusals_and_directories_without_r(work, untouched):  # noqa: F811
    build(work, {"build/x": "x", "f": "y"})
    untouched(work)
    assert only(run("rm build", work)).summary == "deletes nothing: build is a directory: rm without -r leaves it"
    e = only(run("rm -rf .", work))
    assert (e.count, e.summary) == (0, "deletes nothing: rm refuses to remove . ('.' and '..' are never removed)")
    assert only(run("rm -rf /", work)).summary == "deletes nothing: rm refuses to remove / itself without --no-preserve-root"
    e = only(run("rm -i f", work))
    assert e.count == 1 and "rm asks before deleting (-i / -I)" in e.details
    e = only(run("rm f missing", work))
    assert "not there (nothing to do): missing" in e.details


def test_rmdir_removes_only_empty_directories(work, untouched):  # noqa: F811
    build(work, {"full/x": "x"})
    (work / "empty1").mkdir()
    (work / "empty2").mkdir()
    untouched(work)
    e = only(run("rmdir empty1 empty2 full", work))
    assert e.summary == "removes 2 empty directories: empty1, empty2"
    assert (e.count, e.details) == (0, ["full is not empty: rmdir leaves it"])


def test_shred_and_truncate(work, untouched):  # noqa: F811
    build(work, {"secret.txt": "s" * 5000, "log.txt": "l" * 3000, "small": "abc"})
    untouched(work)
    e = only(run("shred -u secret.txt", work))
    assert e.summary == "overwrites 1 file (5.0 KB) beyond recovery, then deletes them: secret.txt"
    e = only(run("truncate -s 0 log.txt", work))
    assert (e.kind, e.summary, e.bytes) == ("delete", "empties 1 file (3.0 KB): log.txt", 3000)
    assert e.details[0] == "log.txt: 3.0 KB → 0 bytes (changed 3 days ago)"
    e = only(run("truncate -s 1K log.txt small", work))  # small grows: nothing lost there
    assert (e.summary, e.bytes) == ("cuts 1 file (2.0 KB): log.txt", 3000 - 1024)  # 2.0 KB are cut
    assert run("truncate -s +1M log.txt", work) == []
    assert only(run("truncate -r small log.txt", work)).bytes == 3000 - 3  # to the size of `small`


def test_cd_is_followed_and_ends_with_its_subshell(work, untouched):  # noqa: F811
    build(work, {"build/a": "1", "build/b": "22", "top": "333"})
    untouched(work)
    e = only(run("cd build && rm -rf *", work))
    assert (e.count, e.bytes, e.paths) == (2, 3, ["build/a", "build/b"])
    found = run("(cd build; rm a); rm top", work)
    assert [x.paths for x in found] == [["build/a"], ["top"]]
    e = only(run('cd "$(mktemp -d)" && rm -rf *', work))
    assert e.count is None and "known only when it runs" in e.summary
    assert only(run('cd "$UNSET_DIR" && rm top', work)).paths == ["top"]  # bash: `cd ""` stays put
    found = run("pushd build && rm a && popd && rm top", work)
    assert [x.paths for x in found] == [["build/a"], []] and found[1].count is None  # popd: a stack not kept


def test_wrappers_loops_and_nested_shells(work, untouched):  # noqa: F811
    build(work, {"build/a": "1", "dist/b": "22"})
    untouched(work)
    assert only(run("sudo sh -c 'rm -rf build'", work)).paths == ["build"]
    assert only(run("for d in build dist; do rm -rf \"$d\"; done", work)).count == 2
    assert only(run("for d in ~/build \"$HOME\"/dist; do rm -r $d; done", work, env={"HOME": str(work)})).count == 2
    assert only(run("for f in */*; do rm $f; done", work)).paths == ["build/a", "dist/b"]
    assert only(run("nice -n 5 env X=1 rm -rf dist", work)).paths == ["dist"]
    assert run("ssh host 'rm -rf build'", work) == []  # another machine's files


def test_a_walk_stops_at_its_entry_limit_and_says_more_than(work, untouched):  # noqa: F811
    big = work / "big"
    big.mkdir(parents=True)
    (work / "one").write_bytes(b"")
    for d in range(11):
        folder = big / f"d{d:02}"
        folder.mkdir()
        for i in range(1000):
            os.link(work / "one", folder / f"f{i}")  # 11,000 names, made in a blink: links, not inodes
    untouched(work)
    e = only(run("rm -rf big", work))
    # big and its 11 folders come first; the files fill the rest of the 10,000 entries.
    assert (e.more, e.count, e.bytes) == (True, preview_module.MAX_ENTRIES - 12, 0)
    assert e.summary == "deletes more than 9,988 files and 12 directories under big; at least 9,988 files changed in the last hour"
    assert "the count stopped at its limit (10,000 entries or the time allowed)" in e.details


def test_rm_rf_home_on_a_big_fake_home_gives_a_bounded_figure(tmp_path, untouched):  # noqa: F811
    home = tmp_path / "bighome"
    (home / "projects").mkdir(parents=True)
    (home / ".bashrc").write_text("# mine")
    for d in range(12):
        folder = home / "projects" / f"p{d}"
        folder.mkdir()
        for i in range(1000):
            os.link(home / ".bashrc", folder / f"f{i}")
    untouched(home)
    e = only(run("rm -rf ~", tmp_path / "work", env={"HOME": str(home)}))
    assert (e.kind, e.more, e.paths) == ("delete", True, [str(home)])
    assert e.count < preview_module.MAX_ENTRIES
    assert e.summary.startswith(f"deletes more than {e.count:,} files and ")
    assert e.summary.endswith(f"under {home}; at least {e.count:,} files changed in the last hour — outside the current directory")


def test_a_walk_stops_when_the_time_is_up(work, untouched, monkeypatch):  # noqa: F811
    build(work, {f"build/{i}": "x" for i in range(50)})
    untouched(work)
    monkeypatch.setattr(preview_module, "WALK_SECONDS", 0.0)
    e = only(run("rm -rf build", work))
    assert (e.more, e.count) == (True, 0)
    assert e.summary == "deletes an unknown number of files (the walk stopped at its limit before finding any) under build"


UNREADABLE = """
import json, sys
sys.path.insert(0, sys.argv[2])
from nlshell.preview import preview
print(json.dumps([e.as_json() for e in preview("rm -rf build", sys.argv[1])]))
"""
# Root reads every directory; without these two capabilities it obeys permissions like anyone.
AS_A_USER = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search", "--"]


@pytest.mark.e2e
def test_unreadable_directories_are_counted_as_such_not_errors(work, untouched):  # noqa: F811
    import json
    import shutil

    prefix = AS_A_USER if os.geteuid() == 0 else []
    if prefix and not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: every directory is readable")
    build(work, {"build/ok/a": "1", "build/locked/b": "22", "build/c": "333"})
    (work / "build" / "locked").chmod(0o000)  # left so: pytest's clean-up copes, and the tree stays as watched
    untouched(work)
    repo = str(Path(__file__).resolve().parents[1])
    proc = subprocess.run([*prefix, sys.executable, "-c", UNREADABLE, str(work), repo],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    (e,) = json.loads(proc.stdout)
    assert (e["count"], e["bytes"]) == (2, 4)  # a and c; b is behind the locked door
    assert "1 path could not be read, so what is inside is not counted: build/locked" in e["details"]


# -- overwrites ----------------------------------------------------------------------------------
def test_a_redirect_replaces_an_existing_file(work, untouched):  # noqa: F811
    build(work, {"notes.txt": "n" * 12000})
    untouched(work)
    e = only(run("echo hi > notes.txt", work))
    assert (e.kind, e.summary, e.count, e.bytes, e.paths) == (
        "overwrite", "replaces notes.txt (12 KB, changed 3 days ago)", 1, 12000, ["notes.txt"])
    assert only(run(": > notes.txt", work)).summary == "empties notes.txt (12 KB, changed 3 days ago)"
    assert only(run("make 2>&1 >| notes.txt", work)).paths == ["notes.txt"]


@pytest.mark.parametrize("command", [
    "echo hi >> notes.txt", "echo hi > new.txt", "make 2>&1", "ls > /dev/null", "cat notes.txt", "mv -n a.txt notes.txt",
    "cp --no-clobber a.txt notes.txt", "ln -s a.txt notes.txt", "tee -a notes.txt", "wget https://x.example/notes.txt",
    "tar -xf a.tgz", "curl -C - -o notes.txt https://x.example/n",
])
def test_nothing_existing_is_replaced(work, untouched, command):  # noqa: F811
    build(work, {"notes.txt": "n", "a.txt": "a"})
    untouched(work)
    assert run(command, work) == []


@pytest.mark.parametrize("command,replaced", [
    ("mv a.txt notes.txt", ["notes.txt"]),
    ("mv a.txt dir", ["dir/a.txt"]),
    ("mv -t dir a.txt b.txt", ["dir/a.txt"]),
    ("cp a.txt b.txt dir/", ["dir/a.txt"]),
    ("cp -f a.txt notes.txt", ["notes.txt"]),
    ("ln -sf a.txt notes.txt", ["notes.txt"]),
    ("ln -sfn a.txt notes.txt", ["notes.txt"]),
    ("ln -sfn a.txt dirlink", ["dirlink"]),
    ("ln -sf a.txt dirlink", ["dirlink/a.txt"]),  # through the link: dir/a.txt
    ("tee notes.txt b.txt", ["notes.txt", "b.txt"]),
    ("sort -o notes.txt a.txt", ["notes.txt"]),
    ("sort a.txt --output=notes.txt", ["notes.txt"]),
    ("curl -o notes.txt https://x.example/n", ["notes.txt"]),
    ("curl -O https://x.example/files/a.txt?x=1", ["a.txt"]),
    ("curl --output-dir dir -O https://x.example/a.txt", ["dir/a.txt"]),
    ("wget -O notes.txt https://x.example/n", ["notes.txt"]),
    ("tar -czf notes.txt dir", ["notes.txt"]),
    ("tar czvf notes.txt dir", ["notes.txt"]),
    ("tar --create --file=notes.txt dir", ["notes.txt"]),
    ("dd if=a.txt of=notes.txt", ["notes.txt"]),
])
def test_overwrites(work, untouched, command, replaced):  # noqa: F811
    build(work, {"notes.txt": "n" * 10, "a.txt": "a", "b.txt": "bb", "dir/a.txt": "old"})
    (work / "dirlink").symlink_to("dir")
    untouched(work)
    e = only(run(command, work))
    assert (e.kind, e.paths, e.count) == ("overwrite", replaced, len(replaced))


def test_mv_update_replaces_only_older_files(work, untouched):  # noqa: F811
    build(work, {"new.txt": "n"}, age_days=1)
    build(work, {"old/new.txt": "o"}, age_days=5)
    build(work, {"older.txt": "x"}, age_days=9)
    build(work, {"old/older.txt": "y"}, age_days=2)
    untouched(work)
    assert only(run("mv -u new.txt older.txt old/", work)).paths == ["old/new.txt"]


def test_cp_r_names_the_files_it_would_replace(work, untouched):  # noqa: F811
    build(work, {"src/a": "1", "src/sub/b": "22", "src/c": "333", "dst/src/a": "old", "dst/src/sub/b": "older"})
    untouched(work)
    e = only(run("cp -r src dst", work))
    assert (e.summary, e.count, e.bytes) == ("replaces 2 files (8 bytes): dst/src/a, dst/src/sub/b", 2, 8)
    assert run("cp -r src fresh", work) == []


def test_a_backup_and_a_question_are_said(work, untouched):  # noqa: F811
    build(work, {"a.txt": "a", "notes.txt": "n"})
    untouched(work)
    assert only(run("mv -b a.txt notes.txt", work)).details == ["a backup of each replaced file is kept (-b)"]
    assert only(run("cp -i a.txt notes.txt", work)).details == ["cp asks before replacing each file (-i)"]


# -- permissions ---------------------------------------------------------------------------------
def test_chmod_r_counts_entries_and_follows_links_as_chmod_does(work, tmp_path, untouched):  # noqa: F811
    build(work, {"src/a": "1", "src/b/c": "2"})
    build(tmp_path / "outside", {"x": "1", "y": "2"})
    (work / "src" / "out").symlink_to(tmp_path / "outside")
    (work / "named").symlink_to(tmp_path / "outside")
    untouched(tmp_path)
    e = only(run("chmod -R 755 src", work))
    assert (e.kind, e.count, e.bytes, e.paths) == ("permissions", 5, None, ["src"])  # src, a, b, c, the link
    assert e.summary == "changes the mode of 5 entries under src to 755"
    assert only(run("chmod -R u+w named", work)).count == 3  # a named link is followed: outside, x, y
    assert only(run("chown -R nobody named", work)).count == 1  # chown -R follows none without -H/-L
    assert only(run("chown -R -L nobody src", work)).count == 7


def test_permission_changes_name_system_paths_and_the_home_directory(work, tmp_path, untouched):  # noqa: F811
    build(work, {"run.sh": "#!/bin/sh"})
    untouched(work)
    assert only(run("chmod -x run.sh", work)).summary == "changes the mode of run.sh to -x"
    e = only(run("chown root:root /etc", work))
    assert e.summary == "changes the owner of /etc to root:root — system path: /etc — outside the current directory"
    e = only(run("chgrp staff ~", work, env={"HOME": str(work)}))
    assert e.summary == "changes the group of . to staff — your home directory itself"


class _Word:
    def __init__(self, text: str, literal: bool = True) -> None:
        self.text, self.literal = text, literal


@pytest.mark.parametrize(
    "line, only_letters, short, operands, flags",
    [
        ("-R -w a b", "cfvR", "", ["-w", "a", "b"], "R"),  # chmod: a mode that looks like options
        ("-Rv -x -- -r", "cfvR", "", ["-x", "-r"], "Rv"),
        ("--reference -w a", "cfvR", "", ["a"], ""),  # the value of --reference, whatever it looks like
        ("-rf a -i b", None, "", ["a", "b"], "rfi"),
        ("-s0 a -s 1 b", None, "s", ["a", "b"], "s"),
    ],
)
def test_the_preview_reads_options_with_the_shell_models_reader(line, only_letters, short, operands, flags):
    from nlshell.preview.options import parse
    from nlshell.shell.options import Grammar

    words = [_Word(t) for t in line.split()]
    args = parse(words, Grammar(short=short, long=frozenset({"--reference"})), only_letters=only_letters)
    assert [w.text for w in args.operands] == operands
    assert all(w in words for w in args.operands)  # the words themselves, not stand-ins
    assert args.short == set(flags)


def test_the_value_a_program_acts_on_is_the_last_one_given():
    from nlshell.preview.options import all_values, last_value, parse
    from nlshell.shell.options import Grammar

    args = parse([_Word(t) for t in "-s 1 -o a --output=b -s2 x".split()], Grammar(short="so", long=frozenset({"--output"})))
    assert last_value(args, "-s", "--size") == "2"
    assert last_value(args, "-o", "--output") == "b"
    assert last_value(args, "-t") is None
    assert all_values(args, "-o", "--output") == ["a", "b"]


# -- find ----------------------------------------------------------------------------------------
@pytest.fixture
def project(work):
    build(work, {"src/a.py": "1", "src/a.pyc": "22", "src/deep/b.pyc": "333", "src/deep/c.txt": "4",
                 "keep/d.pyc": "55555", "old.log": "x" * 10})
    build(work, {"new.log": "y"}, age_days=0)
    (work / "empty").mkdir()
    return work


@pytest.mark.parametrize("command,count,nbytes", [
    ("find . -name '*.pyc' -delete", 3, 10),
    ("find src -name '*.pyc' -delete", 2, 5),
    ("find . -path ./keep -prune -o -name '*.pyc' -exec rm {} +", 2, 5),
    ("find . -name '*.pyc' -not -path '*/deep/*' -exec rm -f {} \\;", 2, 7),
    ("find . -maxdepth 1 -type f -delete", 2, 11),
    ("find . -name '*.log' -mtime +1 -delete", 1, 10),
    ("find . -type f -size +1c -name '*.pyc' -delete", 3, 10),
    ("find . -name '*.pyc' | xargs rm", 3, 10),
    ("find . -name '*.PYC' -delete", 0, 0),
    ("find . -iname '*.PYC' -delete", 3, 10),
    ("find src -type d -name deep -exec rm -rf {} +", 2, 4),
    ("find . -name '*.pyc' -print -delete -quit", 1, None),
])
def test_find_is_evaluated_on_the_tree(project, untouched, command, count, nbytes):  # noqa: F811
    untouched(project)
    e = only(run(command, project))
    assert (e.kind, e.count) == ("delete", count)
    if nbytes is not None:
        assert e.bytes == nbytes


def test_find_without_a_destructive_action_touches_nothing(project, untouched):  # noqa: F811
    untouched(project)
    assert run("find . -name '*.pyc'", project) == []
    assert run("find . -name '*.pyc' -exec ls -l {} +", project) == []


def test_find_empty_directories_and_unknown_tests(project, untouched):  # noqa: F811
    untouched(project)
    e = only(run("find . -type d -empty -delete", project))
    assert (e.count, e.summary) == (0, "deletes 1 directory that find matches under .")
    e = only(run("find . -frobnicate -delete", project))
    assert e.count is None and e.summary == (
        "find deletes what it matches: not previewed: -frobnicate is not a find test nlshell knows")
    e = only(run("find . -regex '.*\\(pyc\\|log\\)' -delete", project))
    assert e.summary.startswith("up to: deletes")
    assert "not exact: -regex cannot be evaluated here, so it counts as matching" in e.details


def test_find_exec_chmod_is_a_permission_change(project, untouched):  # noqa: F811
    untouched(project)
    e = only(run("find src -type f -exec chmod 600 {} +", project))
    assert (e.kind, e.count) == ("permissions", 4)


def test_a_command_that_cannot_be_read_is_unknown_not_an_error(work, untouched):  # noqa: F811
    build(work, {"x": "x"})
    untouched(work)
    for command in ("rm -rf \ud800", "(" * 3000 + "rm x" + ")" * 3000):
        e = only(run(command, work))
        assert (e.count, e.summary) == (None, preview_module.UNREADABLE)


def test_a_bug_in_one_family_is_said_and_the_rest_still_shows(work, untouched, monkeypatch):  # noqa: F811
    build(work, {"x": "x", "notes.txt": "n"})
    untouched(work)

    def broken(cmd, ctx):
        raise KeyError("a bug")

    monkeypatch.setitem(preview_module._PROGRAMS, "rm", (broken,))
    found = run("rm x; echo hi > notes.txt", work)
    assert [(e.kind, e.count, e.summary) for e in found] == [
        ("delete", None, "nlshell could not preview what rm would touch (KeyError)"),
        ("overwrite", 1, "replaces notes.txt (1 byte, changed 3 days ago)"),
    ]
