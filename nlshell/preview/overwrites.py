"""Overwrites: a path that exists now and would hold something else afterwards.

`mv`/`cp`/`ln -f` onto an existing path, `>` redirects, `tee`, `sort -o`, `curl -o`/`-O`,
`wget -O`, `tar -cf`, `dd of=`: "replaces notes.txt (12 KB, changed 3 days ago)". A path that does
not exist yet is created, not overwritten, and is not an effect. Paths under /dev are the devices
family's.
"""

from __future__ import annotations

import os
import stat as st

from nlshell.preview.context import WHEN_IT_RUNS, Context, literal_text, targets, text_targets
from nlshell.preview.effect import OVERWRITE, Effect, age, amount, listing, outside_remark, shown, size, unknown
from nlshell.preview.options import all_values, last_value, parse
from nlshell.preview.walk import Budget, status, walk
from nlshell.shell.options import Grammar

SHOWN = 5  # replaced files named in the details


class Replaced:
    """Existing files an effect would replace."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.items: list = []  # (path, stat)
        self.seen: set = set()
        self.unknown: list = []  # Targets known only at run time
        self.notes: list = []
        self.more = False

    def path(self, path: str | None, *, follow: bool = True, written: str = "", why: str = "") -> None:
        """Record `path` when something is there to be replaced (a regular file or a link)."""
        if path is None:
            self.unknown.append((written, why))
            return
        if path.startswith("/dev/") or path in self.seen:
            return
        info = status(path, follow=follow)
        if info is None or st.S_ISDIR(info.st_mode):
            return
        if not (st.S_ISREG(info.st_mode) or st.S_ISLNK(info.st_mode)):
            return  # a fifo or socket is written to, not replaced
        self.seen.add(path)
        self.items.append((path, info))

    def words(self, words: list, **options) -> None:
        for word in words:
            for t in targets(word, self.ctx):
                self.path(t.path, written=t.written, why=t.why, **options)

    def effects(self, verb: str = "replaces") -> list:
        found = [unknown(OVERWRITE, f"{verb} {shown(w)}", why) for w, why in self.unknown]
        if not self.items:
            return found
        ctx = self.ctx
        total = sum(info.st_size for _p, info in self.items if st.S_ISREG(info.st_mode))

        def one(path, info) -> str:
            return f"{shown(ctx.relative(path))} ({size(info.st_size)}, {age(info.st_mtime, ctx.now)})"

        if len(self.items) == 1:
            text = f"{verb} {one(*self.items[0])}"
        else:
            names = [shown(ctx.relative(p)) for p, _i in self.items]
            text = f"{verb} {amount(len(self.items), 'file', self.more)} ({size(total)}): {listing(names)}"
        text += outside_remark([ctx.relative(p) for p, _i in self.items if not ctx.inside_cwd(p)], len(self.items))
        details = list(self.notes)
        if len(self.items) > 1:
            newest = sorted(self.items, key=lambda item: item[1].st_mtime, reverse=True)[:SHOWN]
            details += [one(p, i) for p, i in newest]
        paths = [ctx.relative(p) for p, _i in self.items]
        return [Effect(OVERWRITE, text, len(self.items), total, paths, self.more, details), *found]


def _into(dest: str, source: str) -> str:
    return os.path.join(dest, os.path.basename(source.rstrip("/")))


def _sources_and_dest(args, ctx: Context) -> tuple:
    """(source Targets, destination path or None, destination is a directory) for mv/cp/ln."""
    target_dir = last_value(args, "-t", "--target-directory")
    operands = list(args.operands)
    if target_dir is not None:
        dest_text, sources = target_dir, operands
    elif len(operands) >= 2:
        dest_text, sources = None, operands[:-1]
    else:
        return [], None, False
    found = []
    for word in sources:
        found.extend(targets(word, ctx))
    if dest_text is None:
        dests = targets(operands[-1], ctx)
        if len(dests) != 1 or dests[0].path is None:
            return found, None, False
        dest = dests[0].path
    else:
        dest = text_targets(dest_text, ctx)[0].path
        if dest is None:
            return found, None, False
    info = status(dest, follow=not args.has("nT", "--no-dereference", "--no-target-directory"))
    is_dir = target_dir is not None or (info is not None and st.S_ISDIR(info.st_mode) and not args.has("T"))
    return found, dest, is_dir


_MV_CP_LN = Grammar(short="tS", long=frozenset({"--target-directory", "--suffix"}))


def move_or_copy(cmd, ctx: Context) -> list:
    name = cmd.name
    args = parse(cmd.args, _MV_CP_LN)
    if name == "ln" and not args.has("f", "--force"):
        return []  # ln without -f refuses to replace anything (and its -n means something else)
    if name != "ln" and (args.has("n", "--no-clobber") or "none" in all_values(args, "--update")):
        return []
    found, dest, into_dir = _sources_and_dest(args, ctx)
    if dest is None:
        return []
    replaced = Replaced(ctx)
    recursive = name == "cp" and args.has("rRa", "--recursive", "--archive")
    newer_only = args.has("u", "--update")
    for t in found:
        if t.path is None:
            replaced.unknown.append((t.written, t.why))
            continue
        landing = _into(dest, t.path) if into_dir else dest
        src = status(t.path, follow=name != "mv")
        if name == "ln":
            replaced.path(landing, follow=False)
            continue
        if src is None or _same(src, landing):
            continue
        if st.S_ISDIR(src.st_mode):
            if recursive:
                _copy_tree(t.path, src, landing, replaced, ctx)
            continue
        before = status(landing)
        if newer_only and before is not None and before.st_mtime >= src.st_mtime:
            continue
        replaced.path(landing, follow=name == "cp")
    if args.has("b", "--backup"):
        replaced.notes.append("a backup of each replaced file is kept (-b)")
    if args.has("i", "--interactive"):
        replaced.notes.append(f"{name} asks before replacing each file (-i)")
    return replaced.effects()


def _same(src, landing: str) -> bool:
    other = status(landing)
    return other is not None and (other.st_dev, other.st_ino) == (src.st_dev, src.st_ino)


def _copy_tree(source: str, source_st, landing: str, replaced: Replaced, ctx: Context) -> None:
    """`cp -r dir dest`: files of `dir` whose counterpart already exists under `landing`."""
    if status(landing, follow=True) is None:
        return
    budget = Budget(ctx)
    for entry in walk(source, source_st, budget):
        if entry.is_dir or entry.depth == 0:
            continue
        replaced.path(os.path.join(landing, os.path.relpath(entry.path, source)))
    replaced.more = replaced.more or budget.spent


_TEE = Grammar(long=frozenset({"--output-error"}))


def tee(cmd, ctx: Context) -> list:
    args = parse(cmd.args, _TEE)
    if args.has("a", "--append"):
        return []
    replaced = Replaced(ctx)
    replaced.words(args.operands)
    return replaced.effects()


_SORT = Grammar(short="kotST", long=frozenset({
    "--key", "--output", "--field-separator", "--buffer-size", "--temporary-directory", "--batch-size",
    "--compress-program", "--files0-from", "--parallel", "--random-source",
}))


def sort(cmd, ctx: Context) -> list:
    args = parse(cmd.args, _SORT)
    return _named_outputs(args, ctx, "-o", "--output")


def _named_outputs(args, ctx: Context, *names: str) -> list:
    replaced = Replaced(ctx)
    for value in all_values(args, *names):
        if value != "-":
            _path_text(value, ctx, replaced)
    return replaced.effects()


def _path_text(text: str, ctx: Context, replaced: Replaced) -> None:
    """An option value naming a file (`-o out.txt`)."""
    for t in text_targets(text, ctx):
        replaced.path(t.path, written=t.written, why=f"its directory is {WHEN_IT_RUNS}")


_CURL = Grammar(short="oedHXuAFTxwbcKmrCDEyYzQ", long=frozenset({
    "--output", "--output-dir", "--data", "--data-raw", "--data-binary", "--data-urlencode", "--header",
    "--request", "--user", "--user-agent", "--form", "--upload-file", "--proxy", "--write-out",
    "--cookie", "--cookie-jar", "--config", "--max-time", "--range", "--continue-at", "--dump-header",
    "--cert", "--referer", "--url", "--connect-timeout", "--retry", "--resolve", "--cacert", "--key",
}))


def curl(cmd, ctx: Context) -> list:
    args = parse(cmd.args, _CURL)
    if args.has("", "--no-clobber") or last_value(args, "-C", "--continue-at") is not None:
        return []
    replaced = Replaced(ctx)
    folder = last_value(args, "--output-dir")
    for value in all_values(args, "-o", "--output"):
        if value != "-":
            _path_text(os.path.join(folder, value) if folder else value, ctx, replaced)
    if args.has("O", "--remote-name", "--remote-name-all"):
        from urllib.parse import urlsplit  # ~3 ms with ipaddress: only for `curl -O`

        urls = [literal_text(w, ctx) for w in args.operands] + all_values(args, "--url")
        for url in urls:
            name = os.path.basename(urlsplit(url).path) if url else ""
            if name:
                _path_text(os.path.join(folder, name) if folder else name, ctx, replaced)
    for value in all_values(args, "-D", "--dump-header", "-c", "--cookie-jar"):
        if value != "-":
            _path_text(value, ctx, replaced)
    return replaced.effects()


_WGET = Grammar(short="oaiBtOTwQPeUlARDXI", long=frozenset({
    "--output-document", "--output-file", "--append-output", "--input-file", "--tries", "--directory-prefix",
}))


def wget(cmd, ctx: Context) -> list:
    args = parse(cmd.args, _WGET)
    return _named_outputs(args, ctx, "-O", "--output-document", "-o", "--output-file")


_TAR_VALUE_LETTERS = "fbCTXgKNVLH"
_TAR = Grammar(short=_TAR_VALUE_LETTERS, long=frozenset({
    "--file", "--directory", "--files-from", "--exclude-from", "--blocking-factor", "--label",
    "--use-compress-program",
}))


def tar(cmd, ctx: Context) -> list:
    """`tar -cf out.tgz`, `tar czf out.tgz` (old style), `tar --create --file=out.tgz`."""
    words = list(cmd.args)
    if words and words[0].literal and words[0].text[:1] not in ("-", "") and words[0].text.isalpha():
        # Old style: the first word is letters; the value letters take the next words in order.
        letters = words[0].text
        values, rest = {}, words[1:]
        for letter in letters:
            if letter in _TAR_VALUE_LETTERS and rest:
                values.setdefault("-" + letter, []).append(rest.pop(0).text)
        creating = "c" in letters
        files = values.get("-f", [])
    else:
        args = parse(words, _TAR)
        creating = args.has("c", "--create")
        files = all_values(args, "-f", "--file")
    if not creating:
        return []
    replaced = Replaced(ctx)
    for value in files:
        if value != "-":
            _path_text(value, ctx, replaced)
    return replaced.effects()


def dd(cmd, ctx: Context) -> list:
    """`dd of=FILE`: a regular file is truncated and rewritten (devices are the devices family's)."""
    replaced = Replaced(ctx)
    notrunc = False
    for word in cmd.args:
        text = literal_text(word, ctx) or ""
        if text.startswith("conv=") and "notrunc" in text:
            notrunc = True
    for word in cmd.args:
        text = literal_text(word, ctx)
        if text is None and word.text.startswith("of="):
            replaced.unknown.append((word.text[3:], WHEN_IT_RUNS))
        elif text is not None and text.startswith("of="):
            _path_text(text[3:], ctx, replaced)
    return replaced.effects("writes over part of" if notrunc else "replaces")


_TRUNCATING = frozenset({">", ">|", "&>", ">&"})


def redirects(cmd, ctx: Context) -> list:
    """`> file`, `>| file`, `&> file`: the file is emptied before the command writes to it."""
    replaced = Replaced(ctx)
    for r in cmd.redirects:
        if r.op not in _TRUNCATING or r.target is None:
            continue
        text = r.target.text
        if r.op == ">&" and (text.isdigit() or text == "-"):
            continue  # `2>&1`: a descriptor, not a file
        for t in targets(r.target, ctx, glob_ok=False):
            replaced.path(t.path, written=t.written, why=t.why)
    empty_command = not cmd.argv or cmd.name in (":", "true")
    return replaced.effects("empties" if empty_command else "replaces")
