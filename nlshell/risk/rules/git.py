"""git: discarding version-control work for good is dangerous (`reset --hard`, `clean -f`,
`push --force`, `branch -D`, `stash clear`, `checkout -- .`); history-rewriting and remote
changes that can be undone or that git refuses when unsafe are caution.

Rows read git's arguments with its grammar (shell/tools.py): global options before the
subcommand (`git -C repo -c k=v push`) never hide it, and the flags a row asks for are the
subcommand's own.
"""

from __future__ import annotations

from nlshell.risk.book import Row, unlisted
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE


def _after(cmd, parsed) -> list:
    """The words after the subcommand, as written."""
    head = parsed.operands[0]
    index = next(k for k, a in enumerate(cmd.args) if a is head)
    return [a.text for a in cmd.args[index + 1 :]]


def _targets(parsed) -> list:
    return [w.text for w in parsed.operands[1:]]


def _clean_what(cmd, parsed) -> dict:
    dirs = " and directories" if "d" in parsed.short else ""
    extra = " and ignored files" if parsed.has("xX") else ""
    return {"what": f"untracked files{dirs}{extra}"}


def _leased(parsed) -> bool:
    """`--force-with-lease` in effect: git refuses a forced update of a ref that moved since the
    last fetch, even beside `--force` (remote.c checks the lease first); `--no-force-with-lease`
    cancels the ones before it."""
    leases = [w for w in parsed.words if w.startswith(("--force-with-lease", "--no-force-with-lease"))]
    return bool(leases) and leases[-1].startswith("--force-with-lease")


def _force_how(cmd, parsed) -> dict | None:
    if _leased(parsed) and "--mirror" not in parsed.long:
        return None
    return {"how": "--mirror" if "--mirror" in parsed.long else "--force"}


def _plus_refspec(cmd, parsed) -> dict | None:
    return _force_how(cmd, parsed) if any(t.startswith("+") for t in _targets(parsed)) else None


def _colon_refspec(cmd, parsed) -> bool:
    return any(t.startswith(":") and len(t) > 1 for t in _targets(parsed))


_WHOLE_TREE = frozenset({".", "./", ":/", ":/.", "*", ":(top)", ":(top).", ":!", "-A", "--all"})


def _paths(cmd, parsed) -> list | None:
    """The paths `git checkout`/`restore` would overwrite: those after `--`, else (checkout) every
    operand after a tree-ish; None when the command switches branches instead."""
    words = _after(cmd, parsed)
    if "--" in words:
        return words[words.index("--") + 1 :] or ["."]
    targets = _targets(parsed)
    if parsed.operands[0].text == "restore":
        return targets
    if any(t in _WHOLE_TREE for t in targets):
        return [t for t in targets if t in _WHOLE_TREE]
    return targets[1:] or None  # `git checkout main file.txt`: file.txt from main


def _discards_all(cmd, parsed) -> dict | None:
    """The pathspec is the whole tree (`.`, `:/`, `*`): every uncommitted change is discarded."""
    paths = _paths(cmd, parsed)
    if paths is None or not any(p in _WHOLE_TREE for p in paths):
        return None
    return {"what": "-- " + " ".join(paths[:3]), "paths": " ".join(paths[:3])}


def _discards_named(cmd, parsed) -> dict | None:
    """Named files or folders: their uncommitted changes are discarded, the rest stays."""
    paths = _paths(cmd, parsed)
    return {"paths": " ".join(paths[:3]) + (" ..." if len(paths) > 3 else "")} if paths else None


def _worktree(condition):
    """Only when `git restore` writes the working tree (not just the index, `--staged`)."""

    def when(cmd, parsed):
        if parsed.has("W", "--worktree") or not parsed.has("S", "--staged"):
            return condition(cmd, parsed)
        return None

    return when


def _branches(cmd, parsed) -> dict | None:
    names = _targets(parsed)
    if not names and cmd.origin == "xargs":  # `git branch --merged | xargs git branch -d`
        return {"branches": "every branch named in its input"}
    return {"branches": " ".join(names[:2])} if names else None


def _delete_branch_ref(cmd, parsed) -> dict | None:
    """`git update-ref -d refs/heads/x`: a branch (or the stash) gone, with no check it was merged."""
    ref = next(iter(_targets(parsed)), "")
    if ref.startswith(("refs/heads/", "refs/stash")) or ref == "HEAD" or (ref and not ref.startswith("refs/")):
        return {"ref": ref}
    return None


def _expire_now(cmd, parsed) -> bool:
    return any(parsed.long.get(k, "") in ("now", "all", "0") for k in ("--expire", "--expire-unreachable"))


def _prune_now(cmd, parsed) -> bool:
    return parsed.long.get("--prune", "").startswith("now")


def _any_after(*words: str):
    return lambda cmd, parsed: any(w in words for w in _after(cmd, parsed))


_REBASE_CONTROL = "--abort --continue --skip --quit --show-current-patch"

# Every subcommand git ships, and git-lfs's. Any other word runs an alias or a `git-WORD` program
# found on the PATH, either of which may do anything (`alias.x = !rm -rf ~`): never fail open.
_SUBCOMMANDS = frozenset(
    "add am annotate apply archive bisect blame branch bugreport bundle cat-file check-attr check-ignore "
    "check-mailmap check-ref-format checkout checkout-index cherry cherry-pick citool clean clone column commit "
    "commit-graph commit-tree config count-objects credential describe diagnose diff diff-files diff-index "
    "diff-tree difftool fast-export fast-import fetch fetch-pack filter-branch for-each-ref for-each-repo "
    "format-patch fsck gc get-tar-commit-id grep gui hash-object help hook index-pack init instaweb "
    "interpret-trailers log ls-files ls-remote ls-tree mailinfo mailsplit maintenance merge merge-base "
    "merge-file merge-index merge-tree mergetool mktag mktree multi-pack-index mv name-rev notes pack-objects "
    "pack-refs patch-id prune prune-packed pull push range-diff read-tree rebase reflog refs remote repack "
    "replace replay request-pull rerere reset restore rev-list rev-parse revert rm scalar send-email shortlog "
    "show show-branch show-index show-ref sparse-checkout stage stash status stripspace submodule switch "
    "symbolic-ref tag unpack-file unpack-objects update-index update-ref update-server-info var verify-commit "
    "verify-pack verify-tag version whatchanged worktree write-tree svn p4 subtree daemon cvsimport "
    "cvsexportcommit cvsserver archimport quiltimport http-backend http-fetch http-push imap-send send-pack "
    "receive-pack upload-pack upload-archive shell fmt-merge-msg merge-one-file credential-cache credential-store "
    "lfs filter-repo".split()
)

ROWS = [
    Row("git.reset-hard", DANGEROUS, "git reset --hard discards uncommitted changes for good", "git", "reset",
        flags="--hard"),
    Row("git.reset-keep", CAUTION, "git reset {flag} moves the branch and may change files", "git", "reset",
        flags="--merge --keep"),
    Row("git.reset", CAUTION, "git reset moves the branch or unstages changes (your files stay)", "git", "reset"),
    Row("git.clean-force", DANGEROUS, "git clean -f deletes {what} for good", "git", "clean", flags="-f --force",
        unless="-n --dry-run", when=_clean_what),
    Row("git.clean-interactive", CAUTION, "git clean -i deletes untracked files you pick", "git", "clean",
        flags="-i --interactive", unless="-n --dry-run"),
    Row("git.clean", CAUTION, "git clean deletes untracked files (git asks for -f unless configured)", "git",
        "clean", unless="-n --dry-run"),
    Row("git.push-force", DANGEROUS, "git push {how} overwrites the remote branch (others' commits can be lost)",
        "git", "push", flags="-f --force --mirror", when=_force_how),
    Row("git.push-force", DANGEROUS, "git push {how} overwrites the remote branch (others' commits can be lost)",
        "git", "push", when=_plus_refspec),
    Row("git.push-lease", CAUTION, "git push --force-with-lease rewrites the remote branch, but refuses if it has "
        "commits you have not seen", "git", "push", flags="--force-with-lease --force-if-includes"),
    Row("git.push-delete", CAUTION, "deletes a remote branch or tag", "git", "push", flags="-d --delete"),
    Row("git.push-delete", CAUTION, "deletes a remote branch or tag", "git", "push", when=_colon_refspec),
    Row("git.push-prune", CAUTION, "git push --prune deletes remote branches that do not exist locally", "git",
        "push", flags="--prune"),
    Row("git.push", CAUTION, "uploads commits to the remote (git push)", "git", "push"),
    Row("git.checkout-discard", DANGEROUS, "git checkout {what} discards uncommitted changes for good", "git",
        "checkout", when=_discards_all),
    Row("git.checkout-discard", DANGEROUS, "git checkout {what} discards uncommitted changes for good", "git",
        "checkout", flags="-f --force", when=lambda cmd, parsed: {"what": "-f"}),
    Row("git.checkout-reset-branch", CAUTION, "git checkout -B resets an existing branch", "git", "checkout",
        flags="-B"),
    Row("git.pick-discard", CAUTION, "git {sub} -p discards the changes you pick", "git", "checkout|restore",
        flags="-p --patch"),
    Row("git.checkout-files", CAUTION, "git checkout discards uncommitted changes to {paths}", "git", "checkout",
        when=_discards_named),
    Row("git.restore", DANGEROUS, "git restore {paths} discards uncommitted changes for good", "git", "restore",
        when=_worktree(_discards_all)),
    Row("git.restore-files", CAUTION, "git restore discards uncommitted changes to {paths}", "git", "restore",
        when=_worktree(_discards_named)),

    Row("git.switch-discard", DANGEROUS, "git switch --discard-changes throws away uncommitted changes", "git",
        "switch", flags="-f --force --discard-changes"),
    Row("git.switch-reset-branch", CAUTION, "git switch -C resets an existing branch", "git", "switch",
        flags="-C --force-create"),
    Row("git.branch-force-delete", DANGEROUS, "git branch -D force-deletes {branches} (unmerged commits are lost)",
        "git", "branch", flags="-D", when=_branches),
    Row("git.branch-force-delete", DANGEROUS, "git branch -D force-deletes {branches} (unmerged commits are lost)",
        "git", "branch", flags=("-d --delete", "-f --force"), when=_branches),
    Row("git.branch-force-move", DANGEROUS, "git branch -f moves {branch} by force (commits only on it are lost)",
        "git", "branch *", flags="-f --force", when=lambda cmd, parsed: {"branch": parsed.operands[1].text}),
    Row("git.branch-delete", CAUTION, "deletes a merged branch", "git", "branch", flags="-d --delete",
        when=_branches),
    Row("git.branch-overwrite", CAUTION, "renames or copies a branch over an existing one", "git", "branch",
        flags="-M -C"),
    Row("git.stash-clear", DANGEROUS, "git stash clear deletes every stash for good", "git", "stash clear"),
    Row("git.stash-drop", DANGEROUS, "git stash drop deletes a stash for good", "git", "stash drop"),
    Row("git.stash-apply", CAUTION, "git {sub} changes your working files", "git", "stash pop|apply"),
    Row("git.rewrite-history", DANGEROUS, "git {sub} rewrites the whole history", "git", "filter-branch|filter-repo"),
    Row("git.reflog-expire", DANGEROUS, "git reflog expire --expire=now makes lost commits unrecoverable", "git",
        "reflog expire", when=_expire_now),
    Row("git.reflog-delete", CAUTION, "deletes reflog entries", "git", "reflog expire|delete"),
    Row("git.integrate", CAUTION, "git {sub} changes your branch and files", "git", "rebase",
        unless=_REBASE_CONTROL),
    Row("git.integrate", CAUTION, "git {sub} changes your branch and files", "git", "merge",
        unless="--abort --continue --quit"),
    Row("git.integrate", CAUTION, "git {sub} changes your branch and files", "git", "apply",
        unless="--check --stat --numstat --summary"),
    Row("git.integrate", CAUTION, "git {sub} changes your branch and files", "git", "pull|cherry-pick|revert|am"),
    Row("git.tracked-files", CAUTION, "git {sub} removes or moves files in the working tree", "git", "rm|mv"),
    Row("git.amend", CAUTION, "git commit --amend rewrites the last commit", "git", "commit", flags="--amend"),
    Row("git.tag-delete", CAUTION, "deletes a tag", "git", "tag", flags="-d --delete"),
    Row("git.tag-force", CAUTION, "moves a tag by force", "git", "tag", flags="-f --force"),
    Row("git.remotes", CAUTION, "git {sub} changes the repository's remotes", "git",
        "remote remove|rm|set-url|prune|rename"),
    Row("git.prune", CAUTION, "deletes unreachable objects now", "git", "prune"),
    Row("git.prune", CAUTION, "deletes unreachable objects now", "git", "gc", when=_prune_now),
    Row("git.delete-branch-ref", DANGEROUS, "git update-ref -d deletes {ref} without checking it was merged "
        "(its commits can be lost)", "git", "update-ref", flags="-d --delete", when=_delete_branch_ref),
    Row("git.delete-ref", CAUTION, "deletes a ref", "git", "update-ref", flags="-d --delete"),
    Row("git.worktree-force-remove", DANGEROUS, "removes a worktree with its uncommitted changes", "git",
        "worktree remove|prune", flags="-f --force"),
    Row("git.worktree-remove", CAUTION, "removes a worktree", "git", "worktree remove|prune"),
    Row("git.submodule-deinit", CAUTION, "removes a submodule's working tree", "git", "submodule deinit"),
    Row("git.lfs-prune", CAUTION, "deletes old LFS files", "git", "lfs prune"),
    Row("git.send-email", CAUTION, "sends patches by email", "git", "send-email"),
    Row("git.scalar-delete", DANGEROUS, "scalar delete deletes the repository {first} with its working tree", "scalar",
        "delete"),
    Row("git.unknown", CAUTION, "git {word} is not a git command: an alias or a git-{word} program may run "
        "anything", "git", when=unlisted(_SUBCOMMANDS)),
    Row("git.config", CAUTION, "changes git configuration", "git", "config",
        when=_any_after("--unset", "--unset-all", "--remove-section", "--rename-section")),
]

EXAMPLES = [
    ("git reset --hard HEAD~3", DANGEROUS, "git.reset-hard"),
    ("git -C repo reset --hard", DANGEROUS, "git.reset-hard"),
    ("git reset --soft HEAD~1", CAUTION, "not git.reset-hard"),
    ("git reset --keep HEAD~1", CAUTION, "git.reset-keep"),
    ("git reset HEAD~1", CAUTION, "not git.reset-keep"),
    ("git reset HEAD~1", CAUTION, "git.reset"),
    ("git status", SAFE, "not git.reset"),
    ("git frobnicate --all", CAUTION, "git.unknown"),
    ("git branch --merged | grep -v main | xargs git branch -d", CAUTION, "git.branch-delete"),
    ("git branch | grep feature/ | xargs git branch -D", DANGEROUS, "git.branch-force-delete"),
    ("git -C repo co main", CAUTION, "git.unknown"),
    ("git -C repo log --oneline", SAFE, "not git.unknown"),
    ("git clean -fdx", DANGEROUS, "git.clean-force"),
    ("git clean -f", DANGEROUS, "git.clean-force"),
    ("git clean --dry-run -fd", SAFE, "not git.clean-force"),
    ("git clean -i", CAUTION, "git.clean-interactive"),
    ("git clean -n", SAFE, "not git.clean-interactive"),
    ("git clean -d", CAUTION, "git.clean"),
    ("git clean -n", SAFE, "not git.clean"),
    ("git push --force", DANGEROUS, "git.push-force"),
    ("git push origin +main", DANGEROUS, "git.push-force"),
    ("git push --mirror", DANGEROUS, "git.push-force"),
    ("git -C repo -c core.x=y push -f", DANGEROUS, "git.push-force"),
    ("git push --force-with-lease", CAUTION, "not git.push-force"),
    ("git push -f --force-with-lease origin main", CAUTION, "not git.push-force"),
    ("git push --force-with-lease --no-force-with-lease -f", DANGEROUS, "git.push-force"),
    ("git push --force-with-lease", CAUTION, "git.push-lease"),
    ("git push origin main", CAUTION, "not git.push-lease"),
    ("git push origin --delete old-branch", CAUTION, "git.push-delete"),
    ("git push origin :old-branch", CAUTION, "git.push-delete"),
    ("git push origin main:main", CAUTION, "not git.push-delete"),
    ("git push --prune origin", CAUTION, "git.push-prune"),
    ("git fetch --prune", SAFE, "not git.push-prune"),
    ("git push", CAUTION, "git.push"),
    ("git fetch", SAFE, "not git.push"),
    ("git checkout -- .", DANGEROUS, "git.checkout-discard"),
    ("git checkout .", DANGEROUS, "git.checkout-discard"),
    ("git checkout HEAD -- :/", DANGEROUS, "git.checkout-discard"),
    ("git checkout -f main", DANGEROUS, "git.checkout-discard"),
    ("git checkout main", SAFE, "not git.checkout-discard"),
    ("git checkout -bfeature", SAFE, "not git.checkout-discard"),
    ("git checkout -- src/a.rs", CAUTION, "not git.checkout-discard"),
    ("git checkout -- src/a.rs lib/b.rs", CAUTION, "git.checkout-files"),
    ("git checkout main docs/intro.md", CAUTION, "git.checkout-files"),
    ("git checkout -b feature origin/feature", SAFE, "not git.checkout-files"),
    ("git checkout -B feature", CAUTION, "git.checkout-reset-branch"),
    ("git checkout -b feature", SAFE, "not git.checkout-reset-branch"),
    ("git checkout -p file.txt", CAUTION, "git.pick-discard"),
    ("git restore -p file.txt", CAUTION, "git.pick-discard"),
    ("git add -p file.txt", SAFE, "not git.pick-discard"),
    ("git restore .", DANGEROUS, "git.restore"),
    ("git restore --source=HEAD~2 :/", DANGEROUS, "git.restore"),
    ("git restore src/app.py", CAUTION, "not git.restore"),
    ("git restore src/app.py", CAUTION, "git.restore-files"),
    ("git restore --staged --worktree lib/", CAUTION, "git.restore-files"),
    ("git restore --staged src/app.py", SAFE, "not git.restore-files"),
    ("git switch -f main", DANGEROUS, "git.switch-discard"),
    ("git switch main", SAFE, "not git.switch-discard"),
    ("git switch -C feature", CAUTION, "git.switch-reset-branch"),
    ("git switch -c feature", SAFE, "not git.switch-reset-branch"),
    ("git branch -D feature", DANGEROUS, "git.branch-force-delete"),
    ("git branch -d -f feature", DANGEROUS, "git.branch-force-delete"),
    ("git branch -d merged", CAUTION, "not git.branch-force-delete"),
    ("git branch -f main HEAD~2", DANGEROUS, "git.branch-force-move"),
    ("git branch new-branch", SAFE, "not git.branch-force-move"),
    ("git branch -d merged", CAUTION, "git.branch-delete"),
    ("git branch -a", SAFE, "not git.branch-delete"),
    ("git branch -d", SAFE, "not git.branch-delete"),
    ("git branch -D", SAFE, "not git.branch-force-delete"),
    ("git branch -M main", CAUTION, "git.branch-overwrite"),
    ("git branch -m old new", SAFE, "not git.branch-overwrite"),
    ("git stash clear", DANGEROUS, "git.stash-clear"),
    ("git stash list", SAFE, "not git.stash-clear"),
    ("git stash drop", DANGEROUS, "git.stash-drop"),
    ("git stash", SAFE, "not git.stash-drop"),
    ("git stash pop", CAUTION, "git.stash-apply"),
    ("git stash show", SAFE, "not git.stash-apply"),
    ("git filter-branch --tree-filter 'rm x' HEAD", DANGEROUS, "git.rewrite-history"),
    ("git log --oneline", SAFE, "not git.rewrite-history"),
    ("git reflog expire --expire=now --all", DANGEROUS, "git.reflog-expire"),
    ("git reflog expire --expire=90.days.ago", CAUTION, "not git.reflog-expire"),
    ("git reflog expire --expire=90.days.ago", CAUTION, "git.reflog-delete"),
    ("git reflog show", SAFE, "not git.reflog-delete"),
    ("git rebase main", CAUTION, "git.integrate"),
    ("git pull", CAUTION, "git.integrate"),
    ("git rebase --abort", SAFE, "not git.integrate"),
    ("git apply --check fix.patch", SAFE, "not git.integrate"),
    ("git rm old.txt", CAUTION, "git.tracked-files"),
    ("git add new.txt", SAFE, "not git.tracked-files"),
    ("git commit --amend", CAUTION, "git.amend"),
    ('git commit -m "rm -rf / is bad"', SAFE, "not git.amend"),
    ("git tag -d v1.0", CAUTION, "git.tag-delete"),
    ("git tag v1.0", SAFE, "not git.tag-delete"),
    ("git tag -f v1.0", CAUTION, "git.tag-force"),
    ("git tag -l", SAFE, "not git.tag-force"),
    ("git remote remove upstream", CAUTION, "git.remotes"),
    ("git remote -v", SAFE, "not git.remotes"),
    ("git prune", CAUTION, "git.prune"),
    ("git gc --prune=now", CAUTION, "git.prune"),
    ("git gc", SAFE, "not git.prune"),
    ("git update-ref -d refs/tags/v1", CAUTION, "git.delete-ref"),
    ("git update-ref -d refs/heads/old", DANGEROUS, "git.delete-branch-ref"),
    ("git update-ref --delete refs/heads/feature", DANGEROUS, "git.delete-branch-ref"),
    ("git update-ref -d refs/remotes/origin/old", CAUTION, "not git.delete-branch-ref"),
    ("git update-ref refs/heads/new HEAD", SAFE, "not git.delete-ref"),
    ("git worktree remove --force ../wt", DANGEROUS, "git.worktree-force-remove"),
    ("git worktree remove ../wt", CAUTION, "not git.worktree-force-remove"),
    ("git worktree remove ../wt", CAUTION, "git.worktree-remove"),
    ("git worktree list", SAFE, "not git.worktree-remove"),
    ("git submodule deinit lib", CAUTION, "git.submodule-deinit"),
    ("git submodule update", SAFE, "not git.submodule-deinit"),
    ("git lfs prune", CAUTION, "git.lfs-prune"),
    ("git lfs ls-files", SAFE, "not git.lfs-prune"),
    ("git send-email *.patch", CAUTION, "git.send-email"),
    ("git format-patch -1", SAFE, "not git.send-email"),
    ("scalar delete ~/src/app", DANGEROUS, "git.scalar-delete"),
    ("scalar list", SAFE, "not git.scalar-delete"),
    ("git config --unset user.email", CAUTION, "git.config"),
    ("git config user.email", SAFE, "not git.config"),
]
