"""Files sent to the trash or renamed in bulk, and GNOME's `gio`: trash-cli (`trash-put`, `trash-empty`),
Perl's and util-linux's `rename`, and the file and mount jobs of `gio`.

A family of its own, loaded only for the programs it names (book.ON_DEMAND); its rules keep the
files family's ids, as what they judge is the same: moving to the trash can be undone, emptying it
cannot, and a rename can land on an existing name.
"""

from __future__ import annotations

from nlshell.risk.book import Rule, program
from nlshell.risk.facts import shown
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.shell.options import Grammar
from nlshell.shell.options import parse as parse_options

PREFIX = "files"

RULES = [
    Rule("files.trash", CAUTION, "moves files to the trash"),
    Rule("files.trash-empty", CAUTION, "deletes what is in the trash for good"),
    Rule("files.rename", CAUTION, "{tool} renames files (a new name can replace an existing file)"),
    Rule("files.gio", CAUTION, "gio {sub} changes files or mounts{what}"),
]


@program("trash", "trash-put")
def trash(ctx, cmd) -> None:
    """Moving to the trash can be undone (caution, as `mv` is); emptying it cannot."""
    if cmd.args:
        ctx.add("files.trash", cmd)


@program("trash-empty", "trash-rm")
def trash_empty(ctx, cmd) -> None:
    if cmd.name == "trash-rm" or not any(a.text in ("--dry-run", "-h", "--help", "--version") for a in cmd.args):
        ctx.add("files.trash-empty", cmd)


_RENAME = Grammar(short="eE")  # Perl rename: -e CODE, -E CODE


@program("rename", "prename", "file-rename", "perl-rename", "rename.ul")
def rename(ctx, cmd) -> None:
    """Perl's rename runs its expression as Perl code for every name (even with -n, its dry run);
    util-linux's replaces text. Either renames files, and a new name can land on an existing one."""
    o = parse_options(cmd.args, _RENAME)
    code = o.values.get("-e", []) + o.values.get("-E", []) or [w.text for w in o.operands[:1]]
    if not code:
        return  # the usage text
    if cmd.name != "rename.ul":
        ctx.merge(ctx.nested("; ".join(code), "perl", cmd), cmd)
    if not o.has("n", "--no-act", "--nono", "--dry-run", "--just-print"):
        ctx.add("files.rename", cmd, tool=cmd.name)


_GIO_READS = frozenset("cat info list tree monitor version help open".split())  # open: as xdg-open does
_GIO_MOUNT_READS = ("-l", "--list", "-i", "--detail", "-o", "--monitor")


@program("gio")
def gio(ctx, cmd) -> None:
    o = parse_options(cmd.args)
    sub = o.operands[0] if o.operands else None
    if sub is None or (sub.literal and sub.text in _GIO_READS):
        return
    rest = o.operands[1:]
    what = ": " + ", ".join(shown(w) for w in rest[:3]) if rest else ""
    word = sub.text if sub.literal else None
    if word == "trash" and o.has("", "--empty"):
        ctx.add("files.trash-empty", cmd)
    elif word == "trash" and not o.has("", "--restore"):
        if rest and not o.has("", "--list"):
            ctx.add("files.trash", cmd)
    elif word in ("remove", "rm") and rest:
        ctx.add("files.delete", cmd, what=", ".join(shown(w) for w in rest[:3]))
    elif not (
        word == "mkdir"
        or (word == "mime" and len(rest) <= 1)  # asks for a MIME type's handler
        or (word == "mount" and not rest and any(f in o.words for f in _GIO_MOUNT_READS))  # lists mounts
    ):  # copy, move, rename, save, set, launch, trash --restore, mount, mime TYPE HANDLER, or not known here
        ctx.add("files.gio", cmd, sub=shown(sub), what=what)


EXAMPLES = [
    ("trash-put old.txt", CAUTION, "files.trash"),
    ("trash-list", SAFE, "not files.trash"),
    ("gio trash notes.txt", CAUTION, "files.trash"),
    ("gio trash --list", SAFE, "not files.trash"),
    ("trash-empty", CAUTION, "files.trash-empty"),
    ("gio trash --empty", CAUTION, "files.trash-empty"),
    ("trash-empty --dry-run", SAFE, "not files.trash-empty"),
    ("rename 's/ /_/g' *", CAUTION, "files.rename"),
    ("rename .jpeg .jpg *.jpeg", CAUTION, "files.rename"),
    ("find . -name '*.txt' | rename 's/txt$/md/'", CAUTION, "files.rename"),
    ("rename -n 's/ /_/g' *", SAFE, "not files.rename"),
    ("rename -n 'system(\"rm -rf ~\")' *", DANGEROUS, "not files.rename"),
    ("gio move a.txt b.txt", CAUTION, "files.gio"),
    ("gio mount -u /media/usb", CAUTION, "files.gio"),
    ("gio $ACTION notes.txt", CAUTION, "files.gio"),
    ("gio info notes.txt", SAFE, "not files.gio"),
    ("gio mount -l", SAFE, "not files.gio"),
    ("gio trash --restore trash:///notes.txt", CAUTION, "files.gio"),
    ("gio remove notes.txt", CAUTION, "files.delete"),
]
