"""What a lister (`find`, `fd`, `ls`, `locate`) visits, and whether that is a broad tree: the
scope a destroyer fed its names reaches (`find / | xargs rm`, `rm -rf $(ls -A ~)`)."""

from __future__ import annotations

from nlshell.risk.paths import CWD, EMPTYVAR, HOME, LOG, PERSONAL, ROOT, SYSTEM, TOP, classify, worst
from nlshell.shell.find import AGE_OR_SIZE, FindCall, read_find


def read_lister(lister):
    """What a lister visits: `ls` names its places anywhere among its options (`ls -A ~`)."""
    if lister.name == "ls":
        return FindCall([a for a in lister.args if not a.text.startswith("-")])
    return read_find(lister.args)


def find_place(find_cmd):
    """The most important place `find` (or `ls`, `fd`) starts from (`.` when none is named)."""
    roots = read_lister(find_cmd).roots
    return worst([classify(r.text) for r in roots] if roots else [classify(".")])


def find_scope(find_cmd) -> str | None:
    """A description when `find` (or a lister: `ls`, `fd`) visits a broad tree that no test
    narrows, else None. In a home, a project or a personal folder, tests by age, size, owner or type
    (`-mtime +30`, `-type f`) say what kind of file, not which: what they leave is still most of it.
    In a log or backup folder of its own (`/var/log`, `/backups`), any test narrows: that is
    rotation, not a wipe."""
    call = read_lister(find_cmd)
    p = find_place(find_cmd)
    rotation = any(t in AGE_OR_SIZE or t.startswith("-newer") for t in call.primaries)
    filtered = call.narrowed or (p.cls in (TOP, LOG) and rotation)
    if p.cls == ROOT:
        return "files all over the system (find /)"
    if p.cls == SYSTEM or (p.cls == HOME and p.everything and not filtered):
        return f"every file it finds in {p.desc}"
    if p.cls in (CWD, HOME, EMPTYVAR, TOP, LOG, PERSONAL) and not filtered:
        return f"every file in {p.desc}"
    return None
