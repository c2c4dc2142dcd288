"""Effect preview of git: real repositories made by the tests, asked read-only.

Every repository — `.git` included — must be byte-for-byte unchanged afterwards: git must not even
refresh its index. A repository whose own config points a filter or an fsmonitor hook at a program
must not get that program run.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from nlshell.preview import preview
from treesnap import untouched  # noqa: F401  (the fixture)

pytestmark = pytest.mark.skipif(subprocess.run(["git", "--version"], capture_output=True).returncode != 0,
                                reason="git is not installed")


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def write(repo: Path, name: str, text: str) -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def commit(repo: Path, message: str, **files: str) -> None:
    for name, text in files.items():
        write(repo, name.replace("__", "/"), text)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path) -> Path:
    path = tmp_path / "work" / "repo"
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    commit(path, "first", **{"a.txt": "one\ntwo\n", "sub__b.txt": "b\n", "c.txt": "c\n"})
    return path


def run(command: str, cwd: Path) -> list:
    return preview(command, str(cwd), env={**os.environ, "HOME": str(cwd.parent)})


def only(effects: list):
    assert len(effects) == 1, [e.summary for e in effects]
    return effects[0]


def test_reset_hard_reports_the_modified_files(repo, untouched):  # noqa: F811
    write(repo, "a.txt", "one\nTWO\nthree\n")
    write(repo, "sub/b.txt", "")
    write(repo, "untracked.txt", "u")
    untouched(repo)
    e = only(run("git reset --hard", repo))
    assert (e.kind, e.count, e.paths) == ("git", 2, ["a.txt", "sub/b.txt"])
    assert e.summary == "discards uncommitted changes in 2 files (+2 −2 lines): a.txt, sub/b.txt"
    assert e.details == ["a.txt: +2 −1", "sub/b.txt: +0 −1"]


def test_staged_work_counts_and_a_clean_tree_loses_nothing(repo, untouched):  # noqa: F811
    write(repo, "new.txt", "n\n")
    git(repo, "add", "new.txt")
    untouched(repo)
    assert only(run("git reset --hard", repo)).paths == ["new.txt"]
    untouched.verify()
    git(repo, "reset", "-q")
    os.remove(repo / "new.txt")
    untouched(repo)
    e = only(run("git reset --hard HEAD", repo))
    assert (e.count, e.summary) == (0, "discards nothing: no uncommitted changes")


def test_reset_to_an_older_commit_names_the_commits_left_behind(repo, untouched):  # noqa: F811
    commit(repo, "second", **{"a.txt": "2"})
    commit(repo, "third", **{"a.txt": "3"})
    untouched(repo)
    found = run("git reset --hard HEAD~2", repo)
    assert [e.count for e in found] == [0, 2]
    assert found[1].summary.startswith("moves main to ")
    assert found[1].summary.endswith(": 2 commits left on no branch (the reflog keeps them for a while)")
    assert [d.split(" ", 1)[1] for d in found[1].details] == ["third", "second"]
    untouched.verify()
    git(repo, "branch", "keep")
    untouched(repo)
    assert run("git reset --hard HEAD~2", repo)[1].summary.endswith("no commit is left behind")


@pytest.mark.parametrize("command,paths", [
    ("git checkout -- .", ["a.txt", "sub/b.txt"]),
    ("git checkout .", ["a.txt", "sub/b.txt"]),
    ("git checkout -- a.txt", ["a.txt"]),
    ("git checkout HEAD -- sub", ["sub/b.txt"]),
    ("git restore .", ["a.txt", "sub/b.txt"]),
    ("git restore --staged --worktree a.txt", ["a.txt"]),
    ("git switch -f main", ["a.txt", "sub/b.txt"]),
    ("git checkout -f main", ["a.txt", "sub/b.txt"]),
    ("git -C sub checkout .", ["sub/b.txt"]),
    ("git -C ~/repo/sub checkout .", ["sub/b.txt"]),
    ("git restore *.txt", ["a.txt"]),
])
def test_discarding_uncommitted_changes(repo, untouched, command, paths):  # noqa: F811
    write(repo, "a.txt", "changed\n")
    write(repo, "sub/b.txt", "changed\n")
    untouched(repo)
    e = only(run(command, repo))
    assert (e.kind, e.paths, e.count) == ("git", paths, len(paths))


@pytest.mark.parametrize("command", ["git restore --staged a.txt", "git checkout main", "git checkout -b other",
                                     "git status", "git reset --soft HEAD~0", "git branch -d feat"])
def test_commands_that_keep_the_work(repo, untouched, command):  # noqa: F811
    write(repo, "a.txt", "changed\n")
    untouched(repo)
    assert run(command, repo) == []


def test_stash_drop_and_clear(repo, untouched):  # noqa: F811
    write(repo, "a.txt", "stashed one\n")
    git(repo, "stash", "push", "-q", "-m", "first idea")
    write(repo, "c.txt", "stashed two\nmore\n")
    git(repo, "stash", "push", "-q", "-m", "second idea")
    untouched(repo)
    e = only(run("git stash drop", repo))
    assert (e.count, e.paths) == (1, ["stash@{0}"])
    assert e.summary == "drops stash@{0} (On main: second idea): changes to 1 file (+2 −1 lines) kept nowhere else"
    assert only(run("git stash drop stash@{1}", repo)).summary.startswith("drops stash@{1} (On main: first idea)")
    e = only(run("git stash clear", repo))
    assert (e.count, e.summary) == (2, "drops all 2 stashes for good")
    assert only(run("git stash drop 5", repo)).summary == "git stash drop fails: there is no 5"


def test_branch_d_counts_the_commits_on_no_other_branch(repo, untouched):  # noqa: F811
    git(repo, "checkout", "-q", "-b", "feat")
    for n in range(3):
        commit(repo, f"feat {n}", **{"f.txt": str(n)})
    git(repo, "checkout", "-q", "main")
    git(repo, "branch", "merged")
    untouched(repo)
    e = only(run("git branch -D feat", repo))
    assert (e.kind, e.count, e.paths, e.summary) == ("git", 3, ["feat"], "branch feat has 3 commits on no other branch")
    assert [d.split(" ", 1)[1] for d in e.details] == ["feat 2", "feat 1", "feat 0"]
    assert only(run("git branch --delete --force merged", repo)).count == 0
    assert only(run("git branch -D nope", repo)).summary == "no branch nope here: nothing to delete"


def test_clean_lists_what_git_would_remove(repo, untouched):  # noqa: F811
    write(repo, ".gitignore", "*.o\n")
    commit(repo, "ignore")
    write(repo, "junk.txt", "jjj")
    write(repo, "tmp/x.txt", "x")
    write(repo, "build.o", "ooooo")
    untouched(repo)
    e = only(run("git clean -f", repo))
    assert (e.kind, e.count, e.bytes, e.paths) == ("delete", 1, 3, ["junk.txt"])
    assert only(run("git clean -fd", repo)).paths == ["junk.txt", "tmp"]
    e = only(run("git clean -fdx", repo))
    assert (e.count, e.bytes) == (3, 9)
    assert e.summary.startswith("git clean deletes 3 files and 1 directory (9 bytes) git does not track: ")
    assert "ignored files too (-x)" in e.details
    assert run("git clean -n", repo) == [] and run("git clean -d", repo) == []


def test_deleting_files_says_which_have_uncommitted_changes(repo, untouched):  # noqa: F811
    write(repo, "sub/b.txt", "edited\n")
    write(repo, "sub/new.txt", "new\n")
    untouched(repo)
    e = only(run("rm -rf sub", repo))
    assert e.summary == "deletes 2 files and 1 directory (11 bytes) under sub; 2 files changed in the last hour; " \
                        "1 file with uncommitted changes in git"
    assert "1 tracked file with uncommitted changes: those changes are lost" in e.details
    assert "1 file never added to git (untracked): git cannot restore them" in e.details


def test_find_asks_git_only_about_what_it_matches(repo, untouched):  # noqa: F811
    commit(repo, "binaries", **{"x.pyc": "x", "y.pyc": "y"})
    write(repo, "a.txt", "edited, and not matched\n")
    write(repo, "x.pyc", "edited\n")
    write(repo, "new.pyc", "n")
    untouched(repo)
    e = only(run("find . -name '*.pyc' -delete", repo))
    assert e.summary.startswith("deletes 3 files (")
    assert e.summary.endswith("; 1 file with uncommitted changes in git")
    assert "1 file never added to git (untracked): git cannot restore them" in e.details


def test_a_force_push_counts_what_the_remote_has_as_of_the_last_fetch(tmp_path, untouched):  # noqa: F811
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    a, b = tmp_path / "work" / "a", tmp_path / "b"
    for clone in (a, b):
        clone.parent.mkdir(parents=True, exist_ok=True)
        git(tmp_path, "clone", "-q", str(remote), str(clone))
    commit(a, "base", **{"f": "0"})
    git(a, "push", "-q", "origin", "main")
    git(b, "pull", "-q", "origin", "main")
    commit(b, "theirs 1", **{"f": "1"})
    commit(b, "theirs 2", **{"f": "2"})
    git(b, "push", "-q", "origin", "main")
    commit(a, "mine", **{"g": "x"})
    git(a, "fetch", "-q")
    os.utime(a / ".git" / "FETCH_HEAD", (time.time() - 3 * 3600, time.time() - 3 * 3600))
    untouched(a, remote)
    e = only(run("git push --force", a))
    assert (e.kind, e.count, e.paths) == ("git", 2, ["origin/main"])
    assert e.summary == ("origin/main has 2 commits your main does not (as of the last fetch, fetched 3 hours ago): "
                         "the force push drops them there")
    assert [d.split(" ", 1)[1] for d in e.details] == ["theirs 2", "theirs 1"]
    assert only(run("git push origin +main", a)).count == 2
    assert only(run("git push -f origin main:other", a)).count is None  # no local copy of origin/other
    assert run("git push origin main", a) == []  # not forced: the remote refuses, nothing is lost


def test_git_gets_one_time_allowance_per_preview(repo, untouched, monkeypatch):  # noqa: F811
    from nlshell import preview as preview_module
    from nlshell.preview import gitread

    write(repo, "a.txt", "changed\n")
    untouched(repo)
    monkeypatch.setattr(preview_module, "GIT_SECONDS", 0.0)
    monkeypatch.setattr(gitread, "GIT_SECONDS", 0.0)
    e = only(run("git reset --hard", repo))
    assert (e.count, e.summary) == (None, "git reset: cannot preview what it would discard (git took longer than the 0 s allowed)")
    e = only(run("rm a.txt", repo))
    assert e.count == 1 and "cannot tell which files git holds: git took longer than the 0 s allowed" in e.details


def test_not_a_repository(tmp_path, untouched):  # noqa: F811
    work = tmp_path / "work"
    untouched(work)
    assert only(run("git reset --hard", work)).summary == "git reset fails here: this is not a git repository"


def test_programs_a_repository_names_in_its_config_are_never_run(repo, tmp_path, untouched):  # noqa: F811
    marker = tmp_path / "ran"
    write(repo, ".gitattributes", "*.txt filter=evil diff=evil\n")
    commit(repo, "attributes")
    hook = tmp_path / "hook.sh"
    hook.write_text(f"#!/bin/sh\ntouch {marker}\ncat\n")
    hook.chmod(0o755)
    git(repo, "config", "filter.evil.clean", str(hook))
    git(repo, "config", "filter.evil.process", str(hook))
    git(repo, "config", "diff.evil.textconv", str(hook))
    git(repo, "config", "diff.external", str(hook))
    git(repo, "config", "core.fsmonitor", str(hook))
    git(repo, "config", "core.pager", str(hook))
    write(repo, "a.txt", "changed\n")
    past = time.time() - 86400
    os.utime(repo / "a.txt", (past, past))  # stat-dirty: git must look at the content
    untouched(repo)
    for command in ("git reset --hard", "git checkout -- .", "rm -rf sub a.txt", "git clean -fdx", "git stash drop"):
        run(command, repo)
    assert not marker.exists()
    assert only(run("git reset --hard", repo)).paths == ["a.txt"]
