"""Deleting, moving, copying and linking files; `find -delete`; destroyers fed by xargs or -exec.

Each rule judges the paths by what they name (paths.py): `rm -rf ./build` is a bounded change,
`rm -rf ~`, `rm -rf .` or `rm -r /etc` an irreversible loss at broad scope.
"""

from __future__ import annotations

import posixpath

from nlshell.risk.book import Rule, hook, program
from nlshell.risk.facts import shown
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.risk.paths import (
    CWD, DEVICE, EMPTYVAR, HISTORY, HOME, LOG, NAMED, NULLDEV, ROOT, SYSTEM, TOP, classify, delete_level,
    overwrite_level, worst,
)
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
    Rule("files.trash", CAUTION, "moves files to the trash"),
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
# Programs that destroy or change the files they are given (judged when find or xargs feeds them).
DESTROYERS = frozenset({"rm", "shred", "srm", "unlink", "rmdir", "truncate", "chmod", "chown", "chgrp", "mv", "wipe", "dd"})


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
        if recursive and posixpath.basename(posixpath.normpath(w.text)) == ".git":
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


@program("trash", "trash-put")
def trash(ctx, cmd) -> None:
    if cmd.args:
        ctx.add("files.trash", cmd)


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
    destp = worst(ctx.places(dest))
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
        dest = Word(target_dir)
    elif len(o.operands) >= 2:
        dest = o.operands[-1]
    else:
        return  # `install -d DIR` makes directories
    p = worst(ctx.places(dest))
    if overwrite_level(p) == DANGEROUS:
        what = p.desc if p.cls != SYSTEM else "the system file " + shown(dest)
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
    words = [a.text for a in cmd.args]
    if "-delete" in words:
        scope = find_scope(cmd)
        if scope is not None:
            ctx.add("files.find-delete-broad", cmd, scope=scope.replace("every file it finds in ", "every file in "))
        else:
            ctx.add("files.find-delete", cmd)
    for flag in ("-fprint", "-fprint0", "-fprintf", "-fls"):
        if flag in words:
            ctx.add("files.find-output", cmd, flag=flag)


@hook("command")
def fed_by_input(ctx, cmd) -> None:
    """`find / | xargs rm`, `find . -exec rm {} \\;`: a destroyer run on every name found."""
    if cmd.name not in DESTROYERS:
        return
    source = None
    if cmd.origin == "xargs" and cmd.pipeline is not None:
        listers = ("find", "fd", "fdfind", "ls", "locate")
        source = next((s for s in cmd.pipeline.stages[: cmd.stage] if s is not None and s.name in listers), None)
    elif cmd.parent is not None and cmd.parent.name in ("find", "fd", "fdfind"):
        source = cmd.parent
    if source is None:
        if cmd.origin == "xargs":
            ctx.add("files.input-delete", cmd, tool=cmd.name, what="every name it reads")
        return
    scope = find_scope(source)
    if scope is not None:
        ctx.add("files.input-delete-broad", cmd, tool=cmd.name, scope=scope)
    elif cmd.origin == "xargs":
        ctx.add("files.input-delete", cmd, tool=cmd.name, what=f"the files `{source.name}` lists")


def find_scope(find_cmd) -> str | None:
    """A description when `find` visits a broad tree with no name filter, else None."""
    roots, filtered = _find_roots(find_cmd)
    p = worst([classify(r.text) for r in roots] if roots else [classify(".")])
    if p.cls == ROOT:
        return "files all over the system (find /)"
    if p.cls == SYSTEM or (p.cls == HOME and p.everything and not filtered):
        return f"every file it finds in {p.desc}"
    if p.cls in (CWD, HOME, EMPTYVAR, TOP, LOG) and not filtered:
        return f"every file in {p.desc}"
    return None


_FIND_FILTERS = frozenset(
    """
    -name -iname -path -ipath -wholename -iwholename -regex -iregex -lname -ilname -newer -mtime -mmin
    -atime -amin -ctime -cmin -size -empty -inum -samefile -user -uid -group -gid -nouser -nogroup -perm
    -links -newermt -newerct -used -fstype -context
    """.split()
)


def _find_roots(find_cmd) -> tuple:
    """(start paths, whether a name-like filter narrows what is matched)."""
    roots = []
    args = find_cmd.args
    i = 0
    while i < len(args) and args[i].text in ("-H", "-L", "-P", "-O0", "-O1", "-O2", "-O3", "-D"):
        i += 2 if args[i].text == "-D" else 1
    while i < len(args):
        t = args[i].text
        if t.startswith("-") or t in ("(", "!", ")", ","):
            break
        roots.append(args[i])
        i += 1
    return roots, any(a.text in _FIND_FILTERS for a in args[i:])


EXAMPLES = [
    ("rm -rf --no-preserve-root /", DANGEROUS, "files.no-preserve-root"),
    ("rm -rf /tmp/x", CAUTION, "not files.no-preserve-root"),
    ("rm -rf .git", DANGEROUS, "files.delete-repository"),
    ("rm -rf .github", CAUTION, "not files.delete-repository"),
    ("rm -rf ~", DANGEROUS, "files.delete-broad"),
    ("rm -rf ./*", DANGEROUS, "files.delete-broad"),
    ("rm -r /etc", DANGEROUS, "files.delete-broad"),
    ("rm /var/log/*", DANGEROUS, "files.delete-broad"),
    ("unlink ~/.bash_history", DANGEROUS, "files.delete-broad"),
    ("rm -rf ./build", CAUTION, "not files.delete-broad"),
    ("rm -rf node_modules", CAUTION, "files.delete"),
    ("rm *.pyc", CAUTION, "files.delete"),
    ("ls *.pyc", SAFE, "not files.delete"),
    ("rmdir old", CAUTION, "files.remove-empty-dir"),
    ("rmdir --help", SAFE, "not files.remove-empty-dir"),
    ("shred /dev/sda", DANGEROUS, "files.shred-device"),
    ("shred -u notes.txt", DANGEROUS, "not files.shred-device"),
    ("shred -u notes.txt", DANGEROUS, "files.shred"),
    ("shred --help", SAFE, "not files.shred"),
    ("trash-put old.txt", CAUTION, "files.trash"),
    ("trash-list", SAFE, "not files.trash"),
    ("mv secrets.txt /dev/null", DANGEROUS, "files.move-to-null"),
    ("mv a.txt b.txt", CAUTION, "not files.move-to-null"),
    ("mv ~ /tmp/home", DANGEROUS, "files.move-broad"),
    ("mv /etc /etc.bak", DANGEROUS, "files.move-broad"),
    ("mv ./etc ./etc.bak", CAUTION, "not files.move-broad"),
    ("cp evil /bin/ls", DANGEROUS, "files.replace-critical"),
    ("mv x ~/.bashrc", DANGEROUS, "files.replace-critical"),
    ("ln -sf /dev/null /etc/passwd", DANGEROUS, "files.replace-critical"),
    ("cp evil ./bin/ls", CAUTION, "not files.replace-critical"),
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
    ("find . -fprint list.txt", CAUTION, "files.find-output"),
    ("find . -print", SAFE, "not files.find-output"),
    ("find / -type f | xargs rm -f", DANGEROUS, "files.input-delete-broad"),
    ("find . -type f -exec rm {} \\;", DANGEROUS, "files.input-delete-broad"),
    ("find . -name '*.o' -exec rm {} \\;", CAUTION, "not files.input-delete-broad"),
    ("find . -name '*.o' | xargs rm -f", CAUTION, "files.input-delete"),
    ("cat list.txt | xargs rm", CAUTION, "files.input-delete"),
    ("find . -name '*.o' | xargs wc -l", SAFE, "not files.input-delete"),
]
