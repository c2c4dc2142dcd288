"""Read-only questions to git: what changed, what is untracked, how many commits, which refs.

git can run programs from a repository's own config while it reads: a `filter.<driver>.clean`
command when it compares a file, an fsmonitor hook, an external diff, a pager. A repository you
cloned could point any of those at anything. So every call here turns them off (`-c ...=`, with the
repository's filter drivers listed first and blanked one by one), takes no optional locks
(`--no-optional-locks`, GIT_OPTIONAL_LOCKS=0: `status` does not even refresh the index), uses no
pager, reads no terminal, and shares one time allowance per preview (GIT_SECONDS): on a very big
repository git says "took too long" rather than keep the menu waiting.
"""

from __future__ import annotations

import os
import time

GIT_SECONDS = 1.0  # all git reads of one preview together

_SAFE_CONFIG = (
    "core.fsmonitor=false", "core.hooksPath=/dev/null", "diff.external=", "core.quotePath=false",
    "color.ui=false", "core.pager=cat", "status.submoduleSummary=false",
)
_DROP_ENV = ("GIT_EXTERNAL_DIFF", "GIT_PAGER", "PAGER", "GIT_ASKPASS", "SSH_ASKPASS", "GIT_EDITOR")


class GitUnavailable(Exception):
    """git is missing, refused, or did not answer in time; the message says which."""


def find_repo(path: str) -> str | None:
    """The work tree holding `path` (a `.git` entry in it or a parent), from stat calls alone."""
    current = path if os.path.isdir(path) else os.path.dirname(path)
    current = os.path.abspath(current or ".")
    while True:
        if os.path.lexists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


class Git:
    """git in one directory, read-only. `prefix` carries the user's `-C dir` / `--git-dir=...`."""

    def __init__(self, cwd: str, env: dict, prefix: tuple = (), deadline: float | None = None) -> None:
        self.cwd = cwd
        self.prefix = tuple(prefix)
        self.deadline = time.perf_counter() + GIT_SECONDS if deadline is None else deadline
        self.env = {k: v for k, v in env.items() if k not in _DROP_ENV and not k.startswith("GIT_TRACE")}
        self.env.update({"GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C",
                         "GIT_PAGER": "cat", "PAGER": "cat"})
        self._blank_filters: list | None = None
        self._toplevel: str | None = None

    def _argv(self, args: tuple, config: list) -> list:
        argv = ["git", "--no-pager", "--no-optional-locks"]
        for item in (*_SAFE_CONFIG, *config):
            argv += ["-c", item]
        return argv + list(self.prefix) + list(args)

    def _call(self, args: tuple, config: list, ok_codes=(0,)) -> str:
        import subprocess  # ~4 ms: only a preview that asks git pays for it

        left = self.deadline - time.perf_counter()
        too_long = GitUnavailable(f"git took longer than the {GIT_SECONDS:g} s allowed")
        if left <= 0:
            raise too_long
        try:
            proc = subprocess.run(
                self._argv(args, config), cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL,
                capture_output=True, timeout=left, check=False,
            )
        except FileNotFoundError:
            raise GitUnavailable("git is not installed") from None
        except subprocess.TimeoutExpired:
            raise too_long from None
        except OSError as e:
            raise GitUnavailable(f"git could not be started ({e.strerror})") from None
        if proc.returncode not in ok_codes:
            first = proc.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
            raise GitUnavailable(f"git said: {first[0]}" if first else f"git exited {proc.returncode}")
        return proc.stdout.decode("utf-8", "surrogateescape")

    def _filters(self) -> list:
        """`filter.<driver>.clean=` and friends for every driver the config names."""
        if self._blank_filters is None:
            names = self._call(("config", "-z", "--name-only", "--get-regexp", r"^filter\."), [], (0, 1))
            drivers = {n.rsplit(".", 1)[0][len("filter."):] for n in names.split("\0") if n.count(".") >= 2}
            self._blank_filters = [
                f"filter.{d}.{key}" + ("=false" if key == "required" else "=")
                for d in sorted(drivers) for key in ("clean", "smudge", "process", "required")
            ]
        return self._blank_filters

    def read(self, *args: str, ok_codes=(0,)) -> str:
        """Run one read-only git command and return its stdout."""
        return self._call(args, self._filters(), ok_codes)

    # -- questions -----------------------------------------------------------------------------
    def toplevel(self) -> str:
        if self._toplevel is None:
            self._toplevel = self.read("rev-parse", "--show-toplevel").strip()
        return self._toplevel

    def git_dir(self) -> str:
        return self.read("rev-parse", "--absolute-git-dir").strip()

    def branch(self) -> str | None:
        """The current branch's short name; None when HEAD is detached."""
        name = self.read("symbolic-ref", "-q", "--short", "HEAD", ok_codes=(0, 1)).strip()
        return name or None

    def commit(self, rev: str) -> str | None:
        """The commit `rev` names, or None when it names none."""
        out = self.read("rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}",
                        ok_codes=(0, 1)).strip()
        return out or None

    def count(self, *revs: str) -> int:
        return int(self.read("rev-list", "--count", *revs).strip() or 0)

    def numstat(self, *revs: str, paths: tuple = ()) -> list:
        """[(added, deleted, path)] of the work tree against the index (no rev) or a commit.

        Binary files count as None lines. Paths are relative to the top of the work tree."""
        args = ["diff", "--numstat", "-z", "--no-ext-diff", "--no-textconv", "--no-renames",
                "--ignore-submodules=all", *revs]
        out = self.read(*args, "--", *paths)
        rows = []
        for record in out.split("\0"):
            if not record:
                continue
            added, _, rest = record.partition("\t")
            deleted, _, path = rest.partition("\t")
            rows.append((_lines(added), _lines(deleted), path))
        return rows

    def status(self, paths: tuple = ()) -> list:
        """[(XY, path)] from `status --porcelain`: paths relative to the top of the work tree."""
        out = self.read("status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames",
                        "--ignore-submodules=all", "--", *paths)
        rows = []
        for record in out.split("\0"):
            if len(record) > 3:
                rows.append((record[:2], record[3:]))
        return rows

    def refs(self, *patterns: str) -> list:
        out = self.read("for-each-ref", "--format=%(refname)", *patterns)
        return [line for line in out.splitlines() if line]


def _lines(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def literal(path: str) -> str:
    """A pathspec that means exactly this path (no globbing by git)."""
    return ":(literal)" + path


def uncommitted_among(paths: list, env: dict, deadline: float | None = None) -> tuple | None:
    """(tracked files with uncommitted changes, untracked files) among `paths`.

    None when no path is in a git work tree; one `git status` per repository. Raises
    GitUnavailable when git cannot answer.
    """
    by_repo: dict = {}
    for path in paths:
        repo = find_repo(path)
        if repo is not None:
            by_repo.setdefault(repo, []).append(path)
    if not by_repo:
        return None
    changed = untracked = 0
    for repo, members in by_repo.items():
        for xy, _path in Git(repo, env, deadline=deadline).status(tuple(literal(p) for p in members)):
            if xy == "??":
                untracked += 1
            elif xy != "!!":
                changed += 1
    return changed, untracked
