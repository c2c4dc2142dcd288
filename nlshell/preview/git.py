"""Git work a command would throw away: uncommitted changes (`reset --hard`, `checkout -- .`,
`restore .`, `switch -f`), stashes (`stash drop/clear`), commits on no other branch (`branch -D`,
`reset --hard REV`), untracked files (`clean -f`), and commits a force push would overwrite on
the remote, as far as the last fetch knows.

Everything is asked of git read-only (see gitread); the user's own `-c` settings are not passed on.
"""

from __future__ import annotations

import os

from nlshell.preview.context import Context, literal_text, targets
from nlshell.preview.deletes import delete_effect
from nlshell.preview.effect import GIT, Effect, age, listing, plural, shown, unknown
from nlshell.preview.gitread import Git, GitUnavailable
from nlshell.preview.options import all_values, last_value, parse
from nlshell.preview.walk import Budget, Tally, read_small, status
from nlshell.shell.options import Grammar
from nlshell.shell.patterns import lazy

SHOWN = 8  # files or commits named in the details


def effects(cmd, ctx: Context) -> list:
    words = list(cmd.args)
    prefix, where = [], ctx.cwd
    while words and words[0].text.startswith("-"):
        word = words.pop(0)
        if not word.literal:
            return [unknown(GIT, "git", "(its options are known only when it runs)")]
        text = word.text
        if text in ("-C", "-c", "--git-dir", "--work-tree", "--namespace") and words:
            word = words.pop(0)
            paths = [t.path for t in targets(word, ctx, glob_ok=False)] if text == "-C" else [literal_text(word, ctx)]
            value = paths[0] if len(paths) == 1 else None
            if value is None:
                return [unknown(GIT, "git", f"(its {text} is known only when it runs)")]
            if text != "-c":  # the user's own config is not carried into a read
                prefix += [text, value]
        elif text.startswith(("--git-dir=", "--work-tree=", "--namespace=")):
            prefix.append(text)
    if not words or not words[0].literal:
        return []
    sub, rest = words[0].text, words[1:]
    handler = _HANDLERS.get(sub)
    if handler is None:
        return []
    if where is None:
        return [unknown(GIT, f"git {sub}", "(the directory is known only when it runs)")]
    git = Git(where, ctx.env, tuple(prefix), ctx.git_deadline)
    try:
        git.toplevel()
    except GitUnavailable as e:
        if "not a git repository" in str(e).lower():
            return [Effect(GIT, f"git {sub} fails here: this is not a git repository", 0, None, [])]
        return [Effect(GIT, f"git {sub}: cannot preview what it would discard ({e})", None, None, [])]
    try:
        return handler(git, rest, ctx)
    except GitUnavailable as e:
        return [Effect(GIT, f"git {sub}: cannot preview what it would discard ({e})", None, None, [])]


# -- uncommitted changes --------------------------------------------------------------------------
def discards(git: Git, ctx: Context, *revs: str, paths: tuple = ()) -> Effect:
    """Uncommitted changes the work tree holds against the index (no rev) or a commit."""
    rows = git.numstat(*revs, paths=paths)
    if not rows:
        return Effect(GIT, "discards nothing: no uncommitted changes" + (" there" if paths else ""), 0, None, [])
    top = git.toplevel()
    added = sum(a or 0 for a, _d, _p in rows)
    deleted = sum(d or 0 for _a, d, _p in rows)
    shown_paths = [ctx.relative(os.path.join(top, p)) for _a, _d, p in rows]
    text = f"discards uncommitted changes in {plural(len(rows), 'file')} (+{added:,} −{deleted:,} lines)"
    text += ": " + listing([shown(p) for p in shown_paths])
    details = [
        f"{shown(p)}: " + ("binary" if a is None else f"+{a:,} −{d:,}")
        for (a, d, _p), p in zip(rows[:SHOWN], shown_paths)
    ]
    return Effect(GIT, text, len(rows), None, shown_paths, False, details)


def _pathspecs(words: list, ctx: Context) -> tuple | None:
    """Pathspecs as git will receive them: the shell's globs expanded, git's own left to git."""
    specs = []
    for word in words:
        if word.glob:
            for t in targets(word, ctx):
                if t.path is None:
                    return None
                specs.append(os.path.relpath(t.path, ctx.cwd))
        elif word.literal:
            specs.append(word.text)
        else:
            return None
    return tuple(specs)


def _split_dashdash(words: list) -> tuple:
    for i, word in enumerate(words):
        if word.text == "--" and word.literal:
            return words[:i], words[i + 1 :], True
    return words, [], False


def reset(git: Git, words: list, ctx: Context) -> list:
    before, _after, _dash = _split_dashdash(words)
    args = parse(before)
    if not args.has("", "--hard"):
        return []
    rev = args.operands[0].text if args.operands else "HEAD"
    found = [discards(git, ctx, "HEAD")]
    if rev != "HEAD":
        target = git.commit(rev)
        if target is None:
            return [Effect(GIT, f"git reset fails: no commit named {shown(rev)}", 0, None, [])]
        found.append(_left_behind(git, target, ctx))
    return found


def _left_behind(git: Git, target: str, ctx: Context) -> Effect:
    branch = git.branch()
    exclude = [f"--exclude={branch}"] if branch else []
    lost = git.count("HEAD", "--not", target, *exclude, "--branches", "--tags", "--remotes")
    name = branch or "HEAD"
    if not lost:
        return Effect(GIT, f"moves {shown(name)} to {target[:12]}: no commit is left behind", 0, None, [name])
    subjects = _subjects(git, "HEAD", "--not", target, *exclude, "--branches", "--tags", "--remotes")
    text = f"moves {shown(name)} to {target[:12]}: {plural(lost, 'commit')} left on no branch (the reflog keeps them for a while)"
    return Effect(GIT, text, lost, None, [name], False, subjects)


def _subjects(git: Git, *revs: str) -> list:
    """`1a2b3c4 Fix the parser` for the newest few commits of `revs`."""
    out = git.read("rev-list", f"--max-count={SHOWN}", "--format=%h %s", *revs)
    return [shown(line) for line in out.splitlines() if line and not _COMMIT_HEADER.match(line)]


_COMMIT_HEADER = lazy(r"^commit [0-9a-f]{40,64}$")


_CHECKOUT = Grammar(short="bB", long=frozenset({"--orphan", "--conflict"}))


def checkout(git: Git, words: list, ctx: Context) -> list:
    before, after, dash = _split_dashdash(words)
    args = parse(before, _CHECKOUT)
    if args.has("p", "--patch"):
        return []
    operands = list(args.operands)
    if dash:
        rev = operands[0].text if operands else None
        specs = _pathspecs(after, ctx)
    elif operands and (operands[0].text == "." or status(os.path.join(ctx.cwd, operands[0].text)) is not None) \
            and git.commit(operands[0].text) is None:
        rev, specs = None, _pathspecs(operands, ctx)
    else:
        rev = operands[0].text if operands else None
        specs = _pathspecs(operands[1:], ctx) if len(operands) > 1 else ()
    if specs is None:
        return [unknown(GIT, "git checkout discards changes to paths", "(known only when it runs)")]
    if specs:
        return [discards(git, ctx, *([rev] if rev else []), paths=specs)]
    if args.has("f", "--force", "--discard-changes"):
        return [discards(git, ctx, "HEAD")]
    return []  # switching branches carries uncommitted changes along, or refuses


_RESTORE = Grammar(short="s", long=frozenset({"--source", "--pathspec-from-file", "--conflict"}))


def restore(git: Git, words: list, ctx: Context) -> list:
    before, after, _dash = _split_dashdash(words)
    args = parse(before, _RESTORE)
    worktree = args.has("W", "--worktree") or not args.has("S", "--staged")
    if not worktree or args.has("p", "--patch"):
        return []  # only the index changes: the work tree keeps every change
    source = last_value(args, "-s", "--source") or ("HEAD" if args.has("S", "--staged") else None)
    specs = _pathspecs(list(args.operands) + list(after), ctx)
    if specs is None:
        return [unknown(GIT, "git restore discards changes to paths", "(known only when it runs)")]
    if not specs:
        return []
    return [discards(git, ctx, *([source] if source else []), paths=specs)]


_SWITCH = Grammar(short="cC", long=frozenset({"--create", "--force-create", "--orphan", "--conflict"}))


def switch(git: Git, words: list, ctx: Context) -> list:
    args = parse(words, _SWITCH)
    if args.has("f", "--force", "--discard-changes"):
        return [discards(git, ctx, "HEAD")]
    return []


# -- stashes, branches -----------------------------------------------------------------------------
def _stashes(git: Git) -> list:
    """[(sha, message)] newest first, from the stash reflog file (read as a file)."""
    try:
        common = git.read("rev-parse", "--path-format=absolute", "--git-common-dir").strip()
    except GitUnavailable:
        common = git.git_dir()
    lines = read_small(os.path.join(common, "logs", "refs", "stash")).decode("utf-8", "replace").splitlines()
    entries = []
    for line in reversed(lines):
        head, _tab, message = line.partition("\t")
        parts = head.split(" ")
        if len(parts) > 1:
            entries.append((parts[1], message))
    return entries


def stash(git: Git, words: list, ctx: Context) -> list:
    args = parse(words)
    if not args.operands:
        return []
    action = args.operands[0].text
    entries = _stashes(git)
    if action == "clear":
        if not entries:
            return [Effect(GIT, "drops nothing: there are no stashes", 0, None, [])]
        names = [f"stash@{{{i}}}" for i in range(len(entries))]
        details = [f"{n}: {shown(m)}" for n, (_s, m) in zip(names[:SHOWN], entries)]
        return [Effect(GIT, f"drops all {plural(len(entries), 'stash', 'stashes')} for good", len(entries), None, names, False, details)]
    if action != "drop":
        return []
    which = args.operands[1].text if len(args.operands) > 1 else "stash@{0}"
    index = which[len("stash@{"):-1] if which.startswith("stash@{") and which.endswith("}") else which
    if not index.isdigit() or int(index) >= len(entries):
        return [Effect(GIT, f"git stash drop fails: there is no {shown(which)}", 0, None, [])]
    sha, message = entries[int(index)]
    rows = git.numstat(f"{sha}^1", sha)
    added = sum(a or 0 for a, _d, _p in rows)
    deleted = sum(d or 0 for _a, d, _p in rows)
    name = f"stash@{{{index}}}"
    text = f"drops {name} ({shown(message)}): changes to {plural(len(rows), 'file')} (+{added:,} −{deleted:,} lines) kept nowhere else"
    details = [f"{shown(p)}: " + ("binary" if a is None else f"+{a:,} −{d:,}") for a, d, p in rows[:SHOWN]]
    return [Effect(GIT, text, len(rows), None, [name], False, details)]


_BRANCH = Grammar(long=frozenset({"--set-upstream-to", "--contains", "--merged", "--no-merged", "--points-at"}))


def branch(git: Git, words: list, ctx: Context) -> list:
    args = parse(words, _BRANCH)
    force_delete = args.has("D") or (args.has("d", "--delete") and args.has("f", "--force"))
    if not force_delete or args.has("r", "--remotes"):
        return []  # `-d` refuses to delete unmerged work; `-r` deletes only a local copy of a remote's
    found = []
    for word in args.operands:
        name = word.text
        ref = f"refs/heads/{name}"
        if not word.literal or git.commit(ref) is None:
            found.append(Effect(GIT, f"no branch {shown(name)} here: nothing to delete", 0, None, [name]))
            continue
        revs = (ref, "--not", "HEAD", f"--exclude={name}", "--branches", "--tags", "--remotes")
        lost = git.count(*revs)
        if lost:
            text = f"branch {shown(name)} has {plural(lost, 'commit')} on no other branch"
            found.append(Effect(GIT, text, lost, None, [name], False, _subjects(git, *revs)))
        else:
            text = f"branch {shown(name)}: every commit is on another branch too, so none is lost"
            found.append(Effect(GIT, text, 0, None, [name]))
    return found


# -- clean ---------------------------------------------------------------------------------------
_CLEAN = Grammar(short="e", long=frozenset({"--exclude"}))


def clean(git: Git, words: list, ctx: Context) -> list:
    args = parse(words, _CLEAN)
    force = sum(1 for w in words if w.literal and w.text.startswith("-") and not w.text.startswith("--")
                for c in w.text[1:] if c == "f") + (1 if args.has("", "--force") else 0)
    if args.has("n", "--dry-run"):
        return []
    if not force and git.read("config", "--bool", "clean.requireForce", ok_codes=(0, 1)).strip() != "false":
        return []  # git clean refuses to delete without -f
    argv = ["clean", "-n"] + ["-f"] * min(force, 2)
    argv += [flag for flag, on in (("-d", args.has("d")), ("-x", args.has("x")), ("-X", args.has("X"))) if on]
    for pattern in all_values(args, "-e", "--exclude"):
        argv += ["-e", pattern]
    specs = _pathspecs(list(args.operands), ctx)
    if specs is None:
        return [unknown(GIT, "git clean deletes untracked files under paths", "(known only when it runs)")]
    base = _git_cwd(git)
    tally, budget = Tally(ctx), Budget(ctx)
    for line in git.read(*argv, "--", *specs).splitlines():
        if not line.startswith("Would remove "):
            continue
        path = os.path.join(base, _unquote(line[len("Would remove "):]))
        info = status(path)
        if info is None:
            continue
        tally.target(path.rstrip("/"))
        tally.walk(path.rstrip("/") or "/", info, budget)
    if not tally.targets:
        return [Effect("delete", "git clean deletes nothing: no untracked files to remove", 0, 0, [])]
    notes = ["ignored files too (-x)" if args.has("x") else "only ignored files (-X)" if args.has("X") else ""]
    head = f"git clean deletes {tally.what()} git does not track{tally.where()}"
    return [delete_effect(tally, ctx, head, [n for n in notes if n])]


def _git_cwd(git: Git) -> str:
    base = git.cwd
    for i, item in enumerate(git.prefix):
        if item == "-C" and i + 1 < len(git.prefix):
            base = os.path.join(base, git.prefix[i + 1])
    return base


def _unquote(text: str) -> str:
    """git's C-style quoting of unusual path names ("a\\"b", "\\303\\251")."""
    if not (len(text) >= 2 and text[0] == '"' and text[-1] == '"'):
        return text
    raw = text[1:-1].encode("utf-8", "surrogateescape").decode("unicode_escape").encode("latin-1")
    return raw.decode("utf-8", "surrogateescape")


# -- push --force ---------------------------------------------------------------------------------
_PUSH = Grammar(short="o", long=frozenset({"--repo", "--receive-pack", "--exec", "--push-option", "--signed"}))


def push(git: Git, words: list, ctx: Context) -> list:
    args = parse(words, _PUSH)
    if args.has("n", "--dry-run"):
        return []
    forced = args.has("f", "--force", "--mirror") or any(n.startswith("--force") for n in args.long)
    deleting = args.has("d", "--delete")
    operands = [w.text for w in args.operands if w.literal]
    current = git.branch()
    remote = operands[0] if operands else _config(git, f"branch.{current}.pushRemote", "remote.pushDefault",
                                                  f"branch.{current}.remote") or "origin"
    specs = operands[1:]
    if args.has("", "--all", "--branches", "--mirror"):
        specs = [ref[len("refs/heads/"):] for ref in git.refs("refs/heads/")][:SHOWN]
    elif not specs and current:
        merge = _config(git, f"branch.{current}.merge") or ""
        specs = [f"{current}:{merge[len('refs/heads/'):] or current}"]
    found = []
    fetched = _last_fetch(git, ctx)
    for spec in specs:
        plus = spec.startswith("+")
        src, colon, dst = spec.lstrip("+").partition(":")
        if deleting:
            src, dst = "", src
        dst = dst or (current if src == "HEAD" else src)
        if not (forced or plus or not src):
            continue
        found.append(_overwritten(git, remote, src, dst, fetched))
    return found


def _config(git: Git, *keys: str) -> str | None:
    for key in keys:
        value = git.read("config", "--get", key, ok_codes=(0, 1)).strip()
        if value:
            return value
    return None


def _last_fetch(git: Git, ctx: Context) -> str:
    info = status(os.path.join(git.git_dir(), "FETCH_HEAD"))
    return f"as of the last fetch, {age(info.st_mtime, ctx.now, 'fetched')}" if info else "as of the last fetch"


def _overwritten(git: Git, remote: str, src: str, dst: str, fetched: str) -> Effect:
    dst = dst[len("refs/heads/"):] if dst.startswith("refs/heads/") else dst
    tracking = f"refs/remotes/{remote}/{dst}"
    name = f"{remote}/{dst}"
    if git.commit(tracking) is None:
        return Effect(GIT, f"force-pushes to {shown(dst)} on {shown(remote)}: what it replaces there is unknown "
                           f"(no local copy of {shown(name)}; git fetch first)", None, None, [name])
    if not src:
        revs = (tracking, "--not", "--branches", f"--exclude={remote}/{dst}", "--remotes", "--tags")
        lost = git.count(*revs)
        text = f"deletes {shown(dst)} on {shown(remote)}; {plural(lost, 'commit')} of it on no other branch here ({fetched})"
        return Effect(GIT, text, lost, None, [name], False, _subjects(git, *revs))
    local = git.commit(src)
    if local is None:
        return Effect(GIT, f"git push fails: no branch or commit named {shown(src)}", 0, None, [name])
    lost = git.count(tracking, "--not", local)
    if not lost:
        return Effect(GIT, f"{shown(name)} has no commits your {shown(src)} lacks ({fetched}): nothing known is overwritten", 0, None, [name])
    text = f"{shown(name)} has {plural(lost, 'commit')} your {shown(src)} does not ({fetched}): the force push drops them there"
    return Effect(GIT, text, lost, None, [name], False, _subjects(git, tracking, "--not", local))


_HANDLERS = {"reset": reset, "checkout": checkout, "restore": restore, "switch": switch, "stash": stash,
             "branch": branch, "clean": clean, "push": push}
