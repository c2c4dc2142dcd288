"""Deleting, moving, copying and linking files; `find -delete`; destroyers fed by xargs or -exec.

Each rule judges the paths by what they name (paths.py): `rm -rf ./build` is a bounded change,
`rm -rf ~`, `rm -rf .` or `rm -r /etc` an irreversible loss at broad scope.
"""

from __future__ import annotations

import posixpath

from nlshell.risk.book import Rule, hook, program
from nlshell.risk.facts import fed_input, shown
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.risk.paths import (
    CWD, DEVICE, EMPTYVAR, HISTORY, HOME, LOG, NAMED, NULLDEV, PERSONAL, ROOT, SYSTEM, TMP, TOP,
    delete_level, overwrite_level, worst,
)
from nlshell.risk.rules.writes import write
from nlshell.risk.scopes import find_place, find_scope
from nlshell.shell.find import read_find
from nlshell.shell.model import Word
from nlshell.shell.options import Grammar
from nlshell.shell.options import parse as parse_options

RULES = [
    Rule("files.no-preserve-root", DANGEROUS, "--no-preserve-root lets rm delete the whole filesystem"),
    Rule("files.delete-repository", DANGEROUS, "deletes the repository's history and unpushed work ({word})"),
    Rule("files.delete-broad", DANGEROUS, "deletes {what}"),
    Rule("files.delete", CAUTION, "deletes {what}"),
    Rule("files.remove-empty-dir", CAUTION, "removes the directory {word} if it is empty"),
    Rule("files.shred-device", DANGEROUS, "overwrites {what} with random data (everything on it is lost)"),
    Rule("files.shred", DANGEROUS, "{tool} destroys {targets} beyond recovery"),
    Rule("files.move-to-null", DANGEROUS, "moves {sources} into /dev/null: it is destroyed"),
    Rule("files.move-broad", DANGEROUS, "moves {what} away"),
    Rule("files.replace-critical", DANGEROUS, "{verb} {what}"),
    Rule("files.move", CAUTION, "moves {sources}{where}"),
    Rule("files.copy", CAUTION, "copies onto {dest} (may overwrite)"),
    Rule("files.link-history-to-null", DANGEROUS, "replaces your shell history with /dev/null"),
    Rule("files.link", CAUTION, "replaces {dest} with a link if it exists"),
    Rule("files.find-delete-broad", DANGEROUS, "find -delete deletes {scope}"),
    Rule("files.find-delete", CAUTION, "find -delete deletes the files it matches"),
    Rule("files.find-output", CAUTION, "find {flag} overwrites a file"),
    Rule("files.input-delete-broad", DANGEROUS, "runs `{tool}` on {scope}"),
    Rule("files.input-delete", CAUTION, "runs `{tool}` on {what}"),
]

_MV = Grammar(short="tS", long=frozenset({"--target-directory", "--suffix", "--backup"}))
_INSTALL = Grammar(
    short="tSmogb", long=frozenset({"--target-directory", "--suffix", "--backup", "--mode", "--owner", "--group"})
)
_SHRED = Grammar(short="nsx", long=frozenset({"--iterations", "--size", "--random-source"}))
# Programs that destroy or change the files they are given (judged when find or xargs feeds them):
# deleting every file of a broad tree is a loss at broad scope; changing permissions is one at the
# root or in system directories; moving, compressing or removing empty directories is recoverable.
DELETERS = frozenset("rm shred srm unlink truncate wipe dd".split())
PERMISSIONS = frozenset("chmod chown chgrp".split())
DESTROYERS = DELETERS | PERMISSIONS | frozenset("rmdir mv gzip bzip2 xz lzma compress".split())


@program("rm")
def rm(ctx, cmd) -> None:
    o = parse_options(cmd.args)
    recursive = o.has("rR", "--recursive")
    force = o.has("f", "--force")
    if "--no-preserve-root" in o.long:
        ctx.add("files.no-preserve-root", cmd)
    flags = "-" + ("r" if recursive else "") + ("f" if force else "")
    if not o.operands:
        return
    broad = False
    for w in o.operands:
        if recursive and _repository_store(w.text):
            broad = True
            ctx.add("files.delete-repository", cmd, word=shown(w))
            continue
        for p in ctx.places(w):
            if delete_level(p, recursive) == DANGEROUS:
                broad = True
                how = " recursively" if recursive else ""
                call = f"rm {flags} {shown(w)}" if flags != "-" else f"rm {shown(w)}"
                ctx.add("files.delete-broad", cmd, what=f"{p.desc}{how} ({call})")
    if not broad:
        names = ", ".join(shown(w) for w in o.operands[:3]) + (" ..." if len(o.operands) > 3 else "")
        ctx.add("files.delete", cmd, what=names + (" recursively" if recursive else ""))


@program("unlink")
def unlink(ctx, cmd) -> None:
    for w in cmd.args:
        p = worst(ctx.places(w))
        broad = delete_level(p, False) == DANGEROUS
        ctx.add("files.delete-broad" if broad else "files.delete", cmd, what=p.desc if p.cls != NAMED else shown(w))


@program("rmdir")
def rmdir(ctx, cmd) -> None:
    o = parse_options(cmd.args)
    if o.operands:
        ctx.add("files.remove-empty-dir", cmd, word=shown(o.operands[0]))


@program("shred", "srm", "wipe")
def shred(ctx, cmd) -> None:
    o = parse_options(cmd.args, _SHRED)
    if not o.operands:
        return
    p = worst([q for w in o.operands for q in ctx.places(w)])
    if p.cls == DEVICE:
        ctx.add("files.shred-device", cmd, what=p.desc)
    else:
        ctx.add("files.shred", cmd, tool=cmd.name, targets=", ".join(shown(w) for w in o.operands[:3]))


def landing(ctx, o, sources: list, dest: Word, told_dir: bool) -> list:
    """Where the sources of `mv`/`cp`/`install` land: DEST itself, or DEST/NAME for each source
    when DEST is a directory (`-t DIR`, a trailing `/`, several sources, or a place that is a
    directory on every system: `/etc`, `~`, `/tmp`). `mv notes.txt /etc/` makes /etc/notes.txt;
    `cp hosts /etc/` replaces /etc/hosts."""
    if o.has("T", "--no-target-directory") or not sources:  # `xargs mv -t DIR`: the names come later
        return [dest]
    into = told_dir or dest.text.endswith("/") or len(sources) > 1 or any(_is_directory(p) for p in ctx.places(dest))
    if not into:
        return [dest]
    return [
        Word(posixpath.join(dest.text, posixpath.basename(s.text.rstrip("/")) or s.text), literal=dest.literal and s.literal)
        for s in sources
    ]


def _is_directory(p) -> bool:
    if p.contents:
        return False
    if p.cls in (ROOT, HOME, TOP, SYSTEM, CWD, PERSONAL):
        return p.everything
    return p.cls == TMP and p.path in ("/tmp", "/var/tmp", "/dev/shm")


@program("mv")
def mv(ctx, cmd) -> None:
    o = parse_options(cmd.args, _MV)
    target_dir = o.value("-t", "--target-directory")
    if target_dir is not None:
        sources, dest = o.operands, Word(target_dir)
    elif len(o.operands) >= 2:
        sources, dest = o.operands[:-1], o.operands[-1]
    else:
        return
    names = ", ".join(shown(s) for s in sources[:3])
    if dest.text == "/dev/null":
        ctx.add("files.move-to-null", cmd, sources=names)
        return
    for s in sources:
        for p in ctx.places(s):
            if (
                p.cls in (ROOT, HOME, EMPTYVAR, TOP)
                or (p.cls == SYSTEM and (p.critical or p.everything))
                or (p.cls == LOG and p.everything)
            ):
                ctx.add("files.move-broad", cmd, what=p.desc)
                return
    destp = worst([p for w in landing(ctx, o, sources, dest, target_dir is not None) for p in ctx.places(w)])
    if overwrite_level(destp) == DANGEROUS:
        ctx.add("files.replace-critical", cmd, verb="replaces", what=destp.desc)
    elif o.has("n", "--no-clobber"):
        ctx.add("files.move", cmd, sources=names, where="")
    else:
        ctx.add("files.move", cmd, sources=names, where=f" to {shown(dest)} (may overwrite)")


@program("cp", "install")
def cp(ctx, cmd) -> None:
    name = cmd.name
    o = parse_options(cmd.args, _INSTALL if name == "install" else _MV)
    target_dir = o.value("-t", "--target-directory")
    if target_dir is not None:
        sources, dest = o.operands, Word(target_dir)
    elif len(o.operands) >= 2 and not (name == "install" and o.has("d", "--directory")):
        sources, dest = o.operands[:-1], o.operands[-1]
    else:
        return  # `install -d DIR` makes directories
    targets = landing(ctx, o, sources, dest, target_dir is not None)
    p = worst([q for w in targets for q in ctx.places(w)])
    if overwrite_level(p) == DANGEROUS:
        what = p.desc if p.cls != SYSTEM else "the system file " + (p.path or shown(dest))
        ctx.add("files.replace-critical", cmd, verb=f"{name} overwrites", what=what)
    elif not (name == "cp" and o.has("n", "--no-clobber", "--update")) and p.cls != NULLDEV:
        ctx.add("files.copy", cmd, dest=shown(dest))


@program("ln")
def ln(ctx, cmd) -> None:
    o = parse_options(cmd.args, _MV)
    if len(o.operands) < 2 or not o.has("f", "--force"):
        return
    dest = o.operands[-1]
    p = worst(ctx.places(dest))
    if p.cls == HISTORY and o.operands[0].text == "/dev/null":
        ctx.add("files.link-history-to-null", cmd)
    elif overwrite_level(p) == DANGEROUS:
        what = p.desc if p.cls != SYSTEM else "the system file " + shown(dest)
        ctx.add("files.replace-critical", cmd, verb="replaces", what=f"{what} with a link")
    else:
        ctx.add("files.link", cmd, dest=shown(dest))


@program("find")
def find(ctx, cmd) -> None:
    call = read_find(cmd.args)
    if call.has("-delete"):
        scope = find_scope(cmd)
        if scope is not None:
            ctx.add("files.find-delete-broad", cmd, scope=scope.replace("every file it finds in ", "every file in "))
        else:
            ctx.add("files.find-delete", cmd)
    for flag, target in call.outputs:
        if overwrite_level(worst(ctx.places(target))) == DANGEROUS:  # `-fprint /etc/passwd`
            write(ctx, cmd, target, append=False, verb=f"find {flag} overwrites", how="")
        else:
            ctx.add("files.find-output", cmd, flag=flag)


_LISTERS = ("find", "fd", "fdfind", "ls", "locate")


@hook("command")
def fed_by_input(ctx, cmd) -> None:
    """`find / | xargs rm`, `find . -exec rm {} \\;`: a destroyer run on every name found."""
    if cmd.name not in DESTROYERS:
        return
    fed = fed_input(ctx, cmd) if cmd.feed is not None else None
    if fed is not None and fed.pieces is not None:
        return  # the names are known: feeds.py rates each command line
    source = None
    if cmd.origin == "xargs":  # `find ~ | xargs rm`, `xargs rm < <(find ~)`
        source = next((s for s in fed.producers if s is not None and s.name in _LISTERS), None) if fed else None
    elif cmd.parent is not None and cmd.parent.name in ("find", "fd", "fdfind"):
        source = cmd.parent
    else:  # `rm -rf $(ls -A ~)`: the names a lister prints, as xargs would pass them
        source = next(
            (c for a in cmd.args if a.subs for c in ctx.substitution_commands(a) if c.name in _LISTERS), None
        )
    if source is None:
        if cmd.origin == "xargs":
            ctx.add("files.input-delete", cmd, tool=cmd.name, what="every name it reads")
        return
    scope = find_scope(source)
    asks = (cmd.origin or "").endswith(("-ok", "-okdir")) or parse_options(cmd.args).has("iI", "--interactive")
    broad = scope is not None and not asks and (
        cmd.name in DELETERS or (cmd.name in PERMISSIONS and find_place(source).cls in (ROOT, SYSTEM))
    )
    if broad:
        ctx.add("files.input-delete-broad", cmd, tool=cmd.name, scope=scope)
    elif scope is not None:
        ctx.add("files.input-delete", cmd, tool=cmd.name, what=scope.replace("files all over the system", "every file"))
    elif cmd.origin == "xargs":
        ctx.add("files.input-delete", cmd, tool=cmd.name, what=f"the files `{source.name}` lists")


def _repository_store(path: str) -> bool:
    """`.git`, or the part of it that holds the history (`.git/objects`, `.git/refs`, `.git/*`)."""
    parts = posixpath.normpath(path).split("/")
    return parts[-1] == ".git" or (len(parts) > 1 and parts[-2] == ".git" and parts[-1] in ("objects", "refs", "*", "logs"))


EXAMPLES = [
    ("rm -rf --no-preserve-root /", DANGEROUS, "files.no-preserve-root"),
    ("rm -rf /mnt/backup/*", DANGEROUS, "files.delete-broad"),
    ("rm -rf /media/me/STICK", DANGEROUS, "files.delete-broad"),
    ("rm -rf /mnt/backup/old", CAUTION, "not files.delete-broad"),
    ("rm -rf /tmp/x", CAUTION, "not files.no-preserve-root"),
    ("rm -rf .git", DANGEROUS, "files.delete-repository"),
    ("rm -rf .github", CAUTION, "not files.delete-repository"),
    ("rm -rf .git/objects", DANGEROUS, "files.delete-repository"),
    ("rm -rf ../app/.git/*", DANGEROUS, "files.delete-repository"),
    ("rm -rf .git/hooks", CAUTION, "not files.delete-repository"),
    ("rm -rf ~", DANGEROUS, "files.delete-broad"),
    ("rm -rf ./*", DANGEROUS, "files.delete-broad"),
    ("rm -r /etc", DANGEROUS, "files.delete-broad"),
    ("rm /var/log/*", DANGEROUS, "files.delete-broad"),
    ("unlink ~/.bash_history", DANGEROUS, "files.delete-broad"),
    ("rm -rf ./build", CAUTION, "not files.delete-broad"),
    ("rm -rf ~/Documents", DANGEROUS, "files.delete-broad"),
    ("rm -rf ~/.config", DANGEROUS, "files.delete-broad"),
    ("rm -r \"$HOME/projects\"", DANGEROUS, "files.delete-broad"),
    ("rm ~/Desktop/*", DANGEROUS, "files.delete-broad"),
    ("rm -rf ~/Documents/old-draft.txt", CAUTION, "not files.delete-broad"),
    ("rm -rf ~/.config/nvim", CAUTION, "not files.delete-broad"),
    ("rm -rf ~/.cache", CAUTION, "not files.delete-broad"),
    ("set -l d ~; rm -rf $d", DANGEROUS, "files.delete-broad", "fish"),
    ("for f in (ls); rm -rf $f; end", DANGEROUS, "files.delete-broad", "fish"),
    ("test -d build; and rm -rf build", CAUTION, "not files.delete-broad", "fish"),
    ("rm -rf ~/**/*(.)", DANGEROUS, "files.delete-broad", "zsh"),
    ("rm -f *.log(.mh+24)", CAUTION, "not files.delete-broad", "zsh"),
    ("noglob rm -rf /", DANGEROUS, "files.delete-broad", "zsh"),
    ("emulate sh -c 'rm -rf ~'", DANGEROUS, "files.delete-broad", "zsh"),
    ("emulate -L zsh", SAFE, "not files.delete-broad", "zsh"),
    ("() { rm -rf $1 } ~", DANGEROUS, "files.delete-broad", "zsh"),
    ("for f (*.txt) rm $f", CAUTION, "not files.delete-broad", "zsh"),
    ("f(){ rm -rf \"$1\"; }; f ~", DANGEROUS, "files.delete-broad"),
    ("f(){ rm -rf \"$1\"; }; f ./build", CAUTION, "not files.delete-broad"),
    ("set -- / ; rm -rf \"$@\"", DANGEROUS, "files.delete-broad"),
    ("export D=/etc; rm -r $D", DANGEROUS, "files.delete-broad"),
    ("read -r d <<< ~; rm -rf \"$d\"", DANGEROUS, "files.delete-broad"),
    ("while read f; do rm -rf \"$f\"; done <<< /", DANGEROUS, "files.delete-broad"),
    ("while read -r d; do rm -rf \"$d\"; done <<< \"$HOME\"", DANGEROUS, "files.delete-broad"),
    ("printf '%s\\n' / | while read -r d; do rm -rf \"$d\"; done", DANGEROUS, "files.delete-broad"),
    ("echo / | while read f; do rm -rf \"$f\"; done", DANGEROUS, "files.delete-broad"),
    ("while IFS= read -r f; do rm -rf \"$f\"; done <<EOF\n/\nEOF", DANGEROUS, "files.delete-broad"),
    ("while read name dir; do rm -rf \"$dir\"; done <<< \"system /etc\"", DANGEROUS, "files.delete-broad"),
    ("while read dir name; do rm -rf \"$dir\"; done <<< \"build /etc\"", CAUTION, "not files.delete-broad"),
    ("for x in build /; do read d <<< \"$x\"; rm -rf \"$d\"; done", DANGEROUS, "files.delete-broad"),
    ("find . -name '*.tmp' | while read f; do rm -f \"$f\"; done", CAUTION, "not files.delete-broad"),
    ("while read l; do echo \"$l\"; done <<< /", SAFE, "not files.delete"),
    ("TMPDIR=/ rm -rf $TMPDIR/cache", CAUTION, "not files.delete-broad"),
    ("$SHELL -c 'rm -rf ~'", DANGEROUS, "files.delete-broad"),
    ("env -S 'rm -rf /'", DANGEROUS, "files.delete-broad"),
    ("tmux new-session -d 'rm -rf ~'", DANGEROUS, "files.delete-broad"),
    ("tmux send-keys -t 0 'rm -rf ~' Enter", DANGEROUS, "files.delete-broad"),
    ("tmux send-keys -t 0 'rm -rf ~'", SAFE, "not files.delete-broad"),
    ("screen -S job -X stuff 'rm -rf ~^M'", DANGEROUS, "files.delete-broad"),
    ("rm -rf node_modules", CAUTION, "files.delete"),
    ("rm *.pyc", CAUTION, "files.delete"),
    ("ls *.pyc", SAFE, "not files.delete"),
    ("rmdir old", CAUTION, "files.remove-empty-dir"),
    ("rmdir --help", SAFE, "not files.remove-empty-dir"),
    ("shred /dev/sda", DANGEROUS, "files.shred-device"),
    ("shred -u notes.txt", DANGEROUS, "not files.shred-device"),
    ("shred -u notes.txt", DANGEROUS, "files.shred"),
    ("shred --help", SAFE, "not files.shred"),
    ("mv secrets.txt /dev/null", DANGEROUS, "files.move-to-null"),
    ("mv a.txt b.txt", CAUTION, "not files.move-to-null"),
    ("mv ~ /tmp/home", DANGEROUS, "files.move-broad"),
    ("mv /etc /etc.bak", DANGEROUS, "files.move-broad"),
    ("mv ./etc ./etc.bak", CAUTION, "not files.move-broad"),
    ("cp evil /bin/ls", DANGEROUS, "files.replace-critical"),
    ("mv x ~/.bashrc", DANGEROUS, "files.replace-critical"),
    ("ln -sf /dev/null /etc/passwd", DANGEROUS, "files.replace-critical"),
    ("cp evil ./bin/ls", CAUTION, "not files.replace-critical"),
    ("sudo cp hosts /etc/", DANGEROUS, "files.replace-critical"),
    ("mv passwd /etc", DANGEROUS, "files.replace-critical"),
    ("mv notes.txt /etc/", CAUTION, "not files.replace-critical"),
    ("sudo install -m 755 tool /usr/local/bin/", CAUTION, "not files.replace-critical"),
    ("find . -name '*.log' -print0 | xargs -0 mv -t old/", CAUTION, "files.move"),
    ("mv old.txt new.txt", CAUTION, "files.move"),
    ("mv -n a b", CAUTION, "files.move"),
    ("mv --help", SAFE, "not files.move"),
    ("cp -r src/ backup/", CAUTION, "files.copy"),
    ("cp -n a b", SAFE, "not files.copy"),
    ("ln -sf /dev/null ~/.bash_history", DANGEROUS, "files.link-history-to-null"),
    ("ln -sf /dev/null ./history", CAUTION, "not files.link-history-to-null"),
    ("ln -sf target link", CAUTION, "files.link"),
    ("ln -s target link", SAFE, "not files.link"),
    ("find / -delete", DANGEROUS, "files.find-delete-broad"),
    ("find . -type f -delete", DANGEROUS, "files.find-delete-broad"),
    ("find . -name '*.pyc' -delete", CAUTION, "not files.find-delete-broad"),
    ("find . -name '*.pyc' -delete", CAUTION, "files.find-delete"),
    ("find . -name '*.pyc'", SAFE, "not files.find-delete"),
    ("find ~ -type f -mtime +30 -delete", DANGEROUS, "files.find-delete-broad"),
    ("find /backups -mtime +30 -delete", CAUTION, "not files.find-delete-broad"),
    ("find /var/log -type f -name '*.gz' -mtime +30 -delete", CAUTION, "not files.find-delete-broad"),
    ("find /var/log -type f -delete", DANGEROUS, "files.find-delete-broad"),
    ("find . -size 0 -delete", CAUTION, "not files.find-delete-broad"),
    ("find . -exec echo -delete \\;", SAFE, "not files.find-delete"),
    ("find . -name -delete", SAFE, "not files.find-delete"),
    ("find . -fprint list.txt", CAUTION, "files.find-output"),
    ("find . -print", SAFE, "not files.find-output"),
    ("find . -name x -fprint /etc/passwd", DANGEROUS, "writes.overwrite-system"),
    ("find / -type f | xargs rm -f", DANGEROUS, "files.input-delete-broad"),
    ("xargs -0 rm -rf < <(find ~ -print0)", DANGEROUS, "files.input-delete-broad"),
    ("find . -type f -exec rm {} \\;", DANGEROUS, "files.input-delete-broad"),
    ("find . -name '*.o' -exec rm {} \\;", CAUTION, "not files.input-delete-broad"),
    ("rm -rf $(ls -A ~)", DANGEROUS, "files.input-delete-broad"),
    ("rm -f $(find / -type f)", DANGEROUS, "files.input-delete-broad"),
    ("rm -f $(find . -name '*.pyc')", CAUTION, "not files.input-delete-broad"),
    ("find . -exec chown me {} \\;", CAUTION, "not files.input-delete-broad"),
    ("find ~ -atime +100 -ok rm {} \\;", CAUTION, "not files.input-delete-broad"),
    ("find . -type f -newermt 'Nov 21' ! -newermt 'Nov 22' -exec rm {} +", CAUTION, "not files.input-delete-broad"),
    ("find /etc -exec chmod 777 {} +", DANGEROUS, "files.input-delete-broad"),
    ("ls | xargs gzip", CAUTION, "not files.input-delete-broad"),
    ("find . -name '*.o' | xargs rm -f", CAUTION, "files.input-delete"),
    ("cat list.txt | xargs rm", CAUTION, "files.input-delete"),
    ("find . -name '*.o' | xargs wc -l", SAFE, "not files.input-delete"),
]
