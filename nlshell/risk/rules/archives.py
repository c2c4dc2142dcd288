"""Archives: extracting them (tar, bsdtar, unzip, 7z, unrar, unar), changing them (`7z a`,
`rar m`, `tar -r`), and the tar options that run a program.

Extracting writes files that may replace existing ones: caution, dangerous over / or a system
directory. Only what an archiver is known to do without writing is safe (listing, testing,
printing to standard output, where a redirect of it is judged by writes.py); an archiver command,
or a tar option, that the book does not know is caution: what the rater does not know is never safe.
"""

from __future__ import annotations

from nlshell.risk.book import Rule, program
from nlshell.risk.facts import shown
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.risk.paths import HOME, ROOT, SYSTEM, classify
from nlshell.risk.rules.writes import output_option
from nlshell.shell.options import Grammar
from nlshell.shell.options import parse as parse_options
from nlshell.shell.patterns import lazy

RULES = [
    Rule("archives.extract-over-system", DANGEROUS, "extracts an archive over {what} (can overwrite system files)"),
    Rule("archives.extract-home", CAUTION, "extracts into your home directory (may overwrite files)"),
    Rule("archives.extract", CAUTION, "{tool} extracts files (may overwrite existing ones)"),
    Rule("archives.extract-overwrite", CAUTION, "{tool} extracts files, overwriting existing ones ({flag})"),
    Rule("archives.change", CAUTION, "{tool} {sub} changes the archive {archive}"),
    Rule("archives.move-in", CAUTION, "{tool} {flag} deletes the files it puts into the archive"),
    Rule("archives.runs", CAUTION, "{tool} {flag} runs `{program}`"),
    Rule("archives.unknown-option", CAUTION, "{tool} {flag} is not known to leave files alone"),
]


def extracted(ctx, cmd, places: list, overwrite: str | None = None) -> None:
    """Report an extraction into the first of `places` (a destination, then operands) that matters."""
    for place in places:
        p = classify(place)
        if p.cls == ROOT or (p.cls == SYSTEM and (p.everything or p.critical)):
            ctx.add("archives.extract-over-system", cmd, what=p.desc)
            return
        if p.cls == HOME and p.everything:
            ctx.add("archives.extract-home", cmd)
            return
    if overwrite:
        ctx.add("archives.extract-overwrite", cmd, tool=cmd.name, flag=overwrite)
    else:
        ctx.add("archives.extract", cmd, tool=cmd.name)


# -- tar --------------------------------------------------------------------------------------------

_TAR = Grammar(
    short="bCfFgHIKLNTVX",  # GNU tar's short options that take a value (in a cluster, the rest of it)
    long=frozenset(
        """
        --file --directory --to-command --checkpoint-action --use-compress-program --info-script --new-volume-script
        --rsh-command --exclude --exclude-from --files-from --transform --xform --strip-components --blocking-factor
        --record-size --format --label --listed-incremental --index-file --volno-file --owner --group --mode --mtime
        --newer --after-date --newer-mtime --suffix --tape-length --starting-file --warning
        """.split()
    ),
)
# Options that run a program; a compression program (-I zstd) is rated as the command it is.
_TAR_RUNS = ("--to-command", "--checkpoint-action", "--use-compress-program", "-I", "--info-script",
             "--new-volume-script", "-F", "--rsh-command")
_COMPRESSORS = frozenset("gzip pigz bzip2 pbzip2 lbzip2 xz pixz zstd pzstd lz4 lzip plzip lzop brotli".split())
# What listing, comparing or extracting to standard output may be given and still write nothing.
_TAR_READ_LETTERS = frozenset("tdxOfvzjJZaTXwBiRbCI")
_TAR_READ_LONGS = frozenset(
    """
    --list --diff --compare --extract --get --to-stdout --file --directory --verbose --gzip --gunzip --ungzip --bzip2
    --xz --lzip --lzma --lzop --zstd --auto-compress --use-compress-program --wildcards --no-wildcards
    --wildcards-match-slash --no-wildcards-match-slash --anchored --no-anchored --ignore-case --no-ignore-case
    --exclude --exclude-from --files-from --null --occurrence --strip-components --quiet --force-local
    --ignore-zeros --blocking-factor --record-size --format --numeric-owner --full-time --utc --totals
    --block-number --read-full-records --interactive --confirmation --transform --xform --show-transformed-names
    --show-stored-names --no-recursion --recursion --warning --label --checkpoint --checkpoint-action
    """.split()
)
_TAR_CHANGES = frozenset({"--append", "--update", "--concatenate", "--catenate", "--delete"})


@program("tar", "bsdtar")
def tar(ctx, cmd) -> None:
    args = cmd.args
    if not args:
        return
    o = parse_options(args, _TAR)
    letters = set(o.short)
    first = args[0]
    if first.literal and first.text.isalpha():  # old style: `tar xzf a.tgz`
        letters |= set(first.text)
    longs = set(o.long)
    _programs_run(ctx, cmd, o)
    archive = o.value("-f", "--file") or ""
    if "x" in letters or longs & {"--extract", "--get"}:
        if ("O" in letters or "--to-stdout" in longs) and not _unknown(letters, longs):
            return  # to standard output only
        dest = o.value("-C", "--directory")
        operands = [w.text for w in o.operands if w.text == "/" or _whole_system_dir(w.text)]
        extracted(ctx, cmd, ([dest] if dest else []) + operands)
    elif "c" in letters or "--create" in longs:
        output_option(ctx, cmd, tar=True)
        if "--remove-files" in longs:
            ctx.add("archives.move-in", cmd, tool=cmd.name, flag="--remove-files")
    elif letters & set("ruA") or longs & _TAR_CHANGES:
        sub = next((f"--{w[2:]}" for w in sorted(longs & _TAR_CHANGES)), None) or "-" + "".join(sorted(letters & set("ruA")))
        ctx.add("archives.change", cmd, tool=cmd.name, sub=sub, archive=archive)
    else:  # listing (-t), comparing (-d), or no mode at all (tar refuses)
        unknown = _unknown(letters, longs)
        if unknown:
            ctx.add("archives.unknown-option", cmd, tool=cmd.name, flag=unknown[0])


def _unknown(letters: set, longs: set) -> list:
    """The options of a tar that would only read that are not known to write nothing."""
    return sorted(f"-{c}" for c in letters - _TAR_READ_LETTERS) + sorted(longs - _TAR_READ_LONGS)


def _programs_run(ctx, cmd, o) -> None:
    """`--to-command=CMD`, `--checkpoint-action=exec=CMD`, `-I PROG`: what they run is rated as typed."""
    for option in _TAR_RUNS:
        for value in o.values.get(option, []):
            if option == "--checkpoint-action":
                if not value.startswith("exec="):
                    continue  # dot, echo, sleep, ttyout: tar itself prints or waits
                value = value[len("exec="):]
            ctx.merge(ctx.nested(value, cmd=cmd), cmd)
            program_name = value.split()[0].rsplit("/", 1)[-1] if value.split() else ""
            if option not in ("-I", "--use-compress-program") or program_name not in _COMPRESSORS:
                ctx.add("archives.runs", cmd, tool=cmd.name, flag=option, program=value)


def _whole_system_dir(path: str) -> bool:
    p = classify(path)
    return p.cls == SYSTEM and p.everything


# -- zip, 7-Zip, RAR, The Unarchiver ------------------------------------------------------------

_UNZIP = Grammar(short="dPOI")  # -d DIR, -P PASSWORD, -O/-I CHARSET
_UNZIP_READS = "lvtZzpch"  # list, verbose list, test, zipinfo, comment, to standard output, help


@program("unzip")
def unzip(ctx, cmd) -> None:
    o = parse_options(cmd.args, _UNZIP)
    if not o.operands or o.has(_UNZIP_READS):
        return
    dest = o.value("-d")
    extracted(ctx, cmd, [dest] if dest else [], "-o" if o.has("o") else None)


def _switches_and_words(cmd) -> tuple:
    """7z's and rar's switches (`-y`, `-o/tmp`, `-o+`; either case) and the other words: the command first."""
    switches = [a.text for a in cmd.args if _is_switch(a)]
    return switches, [a for a in cmd.args if not _is_switch(a)]


def _is_switch(word) -> bool:
    return word.text.startswith("-") and word.text != "-"  # `-o"$HOME"` too: a switch with a value


_SEVEN_READS = frozenset("l t h i b".split())  # list, test, hash, supported formats, benchmark


_ZIP_MOVE = lazy(r"-[A-Za-z0-9]*m[A-Za-z0-9]*")  # `-m`, `-rm`, `-9mr`


@program("zip")
def zip_moves(ctx, cmd) -> None:
    """`zip -m out.zip files` (also `-rm`, `--move`) deletes the files once they are in the archive;
    `zip -d out.zip member` deletes members from the archive."""
    for a in cmd.args:
        t = a.text
        if t == "--move" or (a.literal and _ZIP_MOVE.fullmatch(t)):
            ctx.add("archives.move-in", cmd, tool="zip", flag=t)
            return
        if t in ("-d", "--delete"):
            archive = next((w for w in cmd.args if not w.text.startswith("-")), None)
            ctx.add("archives.change", cmd, tool="zip", sub=t, archive=shown(archive) if archive else "")
            return


@program("7z", "7za", "7zr", "7zz")
def seven_zip(ctx, cmd) -> None:
    switches, words = _switches_and_words(cmd)
    if not words:
        return  # the usage text
    verb = words[0].text.lower() if words[0].literal else None
    if verb in _SEVEN_READS:
        return
    if verb in ("e", "x"):
        if "-so" in (s.lower() for s in switches):
            return  # to standard output only
        dest = next((s[2:] for s in switches if s[:2].lower() == "-o" and len(s) > 2), None)
        overwrite = next((s for s in switches if s.lower() in ("-y", "-aoa")), None)
        extracted(ctx, cmd, [dest] if dest else [], overwrite)
    elif "-sdel" in (s.lower() for s in switches):
        ctx.add("archives.move-in", cmd, tool=cmd.name, flag=f"{shown(words[0])} -sdel")
    else:  # a (add), u (update), d (delete), rn (rename), or a command not known here
        ctx.add("archives.change", cmd, tool=cmd.name, sub=shown(words[0]), archive=_named(words))


_RAR_READS = frozenset("l lt lta lb v vt vta vb t p".split())
_RAR_FIND = lazy(r"i[icht]*=.*")  # rar i=TEXT: find text in the archive


@program("unrar", "rar")
def rar(ctx, cmd) -> None:
    switches, words = _switches_and_words(cmd)
    if not words:
        return
    verb = words[0].text.lower() if words[0].literal else None
    if verb in _RAR_READS or (verb and _RAR_FIND.fullmatch(verb)):
        return
    if verb in ("e", "x"):
        dest = next((s[3:] for s in switches if s[:3].lower() == "-op" and len(s) > 3), None)
        if dest is None and len(words) > 2 and words[-1].text.endswith("/"):
            dest = words[-1].text  # unrar x a.rar DIR/
        overwrite = next((s for s in switches if s.lower() in ("-o+", "-y")), None)
        extracted(ctx, cmd, [dest] if dest else [], overwrite)
    elif verb in ("m", "mf") or "-df" in (s.lower() for s in switches):
        ctx.add("archives.move-in", cmd, tool=cmd.name, flag=verb if verb in ("m", "mf") else "-df")
    else:
        ctx.add("archives.change", cmd, tool=cmd.name, sub=shown(words[0]), archive=_named(words))


def _named(words: list) -> str:
    return shown(words[1]) if len(words) > 1 else ""


_UNAR_VALUES = frozenset("-p -password -e -encoding -E -password-encoding -k -forks".split())


@program("unar")
def unar(ctx, cmd) -> None:
    """unar extracts whatever it is given (`lsar` lists); its options are single-dash words."""
    words = [a.text for a in cmd.args]
    dest = overwrite = None
    operands = 0
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("-v", "-version", "-h", "-help", "--help"):
            return
        if w in ("-o", "-output-directory") and i + 1 < len(words):
            dest, i = words[i + 1], i + 1
        elif w in _UNAR_VALUES:
            i += 1
        elif w in ("-f", "-force-overwrite"):
            overwrite = w
        elif not w.startswith("-"):
            operands += 1
        i += 1
    if operands:
        extracted(ctx, cmd, [dest] if dest else [], overwrite)


EXAMPLES = [
    ("tar -xzf a.tgz -C /", DANGEROUS, "archives.extract-over-system"),
    ("unzip a.zip -d /usr", DANGEROUS, "archives.extract-over-system"),
    ("7z x a.7z -o/etc", DANGEROUS, "archives.extract-over-system"),
    ("unrar x a.rar /usr/", DANGEROUS, "archives.extract-over-system"),
    ("unar -o / a.rar", DANGEROUS, "archives.extract-over-system"),
    ("tar -xzf a.tgz -C ./out", CAUTION, "not archives.extract-over-system"),
    ("tar -xzf a.tgz -C ~", CAUTION, "archives.extract-home"),
    ("7z x a.7z -o$HOME", CAUTION, "archives.extract-home"),
    ("tar -xzf a.tgz -C ~/src", CAUTION, "not archives.extract-home"),
    ("tar -xzf archive.tgz", CAUTION, "archives.extract"),
    ("tar xvf archive.tar", CAUTION, "archives.extract"),
    ("bsdtar -xf a.tar", CAUTION, "archives.extract"),
    ("unzip a.zip", CAUTION, "archives.extract"),
    ("7z x a.7z", CAUTION, "archives.extract"),
    ("7z e a.7z", CAUTION, "archives.extract"),
    ("7za x a.7z", CAUTION, "archives.extract"),
    ("7zr e a.7z", CAUTION, "archives.extract"),
    ("unrar x a.rar", CAUTION, "archives.extract"),
    ("unrar e a.rar", CAUTION, "archives.extract"),
    ("unar a.rar", CAUTION, "archives.extract"),
    ("tar -tzf archive.tgz", SAFE, "not archives.extract"),
    ("tar -xOf a.tar member", SAFE, "not archives.extract"),
    ("tar xOf a.tar member", SAFE, "not archives.extract"),
    ("tar --extract --to-stdout -f a.tar member", SAFE, "not archives.extract"),
    ("bsdtar -xOf a.tar member", SAFE, "not archives.extract"),
    ("tar -xfO a.tar", CAUTION, "archives.extract"),  # in a cluster, what follows -f is its value
    ("unzip -l a.zip", SAFE, "not archives.extract"),
    ("unzip -p a.zip README | less", SAFE, "not archives.extract"),
    ("7z l a.7z", SAFE, "not archives.extract"),
    ("7z t a.7z", SAFE, "not archives.extract"),
    ("7z x a.7z -so | tar -t", SAFE, "not archives.extract"),
    ("unrar l a.rar", SAFE, "not archives.extract"),
    ("unrar p a.rar notes.txt", SAFE, "not archives.extract"),
    ("unar -v", SAFE, "not archives.extract"),
    ("unzip -o a.zip", CAUTION, "archives.extract-overwrite"),
    ("7z x -y a.7z", CAUTION, "archives.extract-overwrite"),
    ("unrar x -o+ a.rar", CAUTION, "archives.extract-overwrite"),
    ("unar -f a.rar", CAUTION, "archives.extract-overwrite"),
    ("unzip -n a.zip", CAUTION, "not archives.extract-overwrite"),
    ("7z a backup.7z src/", CAUTION, "archives.change"),
    ("7z d a.7z old.txt", CAUTION, "archives.change"),
    ("rar a backup.rar src/", CAUTION, "archives.change"),
    ("tar -rf a.tar new.txt", CAUTION, "archives.change"),
    ("tar --delete -f a.tar old.txt", CAUTION, "archives.change"),
    ("7z $CMD a.7z", CAUTION, "archives.change"),
    ("7z l a.7z", SAFE, "not archives.change"),
    ("rar m backup.rar src/", CAUTION, "archives.move-in"),
    ("7z a -sdel a.7z notes/", CAUTION, "archives.move-in"),
    ("tar -czf a.tgz src --remove-files", CAUTION, "archives.move-in"),
    ("zip -rm out.zip files/", CAUTION, "archives.move-in"),
    ("zip -r out.zip files/", SAFE, "not archives.move-in"),
    ("zip -d out.zip notes.txt", CAUTION, "archives.change"),
    ("tar -czf a.tgz src", CAUTION, "not archives.move-in"),
    ("tar -cf /dev/null x --checkpoint=1 --checkpoint-action=exec='rm -rf ~'", DANGEROUS, "archives.runs"),
    ("tar -xf a.tar --to-command='sh -c \"cat > $TAR_FILENAME.bak\"'", CAUTION, "archives.runs"),
    ("tar -I ./unpack.sh -tf a.tar", CAUTION, "archives.runs"),
    ("tar -I zstd -tf a.tar.zst", SAFE, "not archives.runs"),
    ("tar -tf a.tar --checkpoint=1000 --checkpoint-action=dot", SAFE, "not archives.runs"),
    ("tar -tf a.tar --index-file=list.txt", CAUTION, "archives.unknown-option"),
    ("tar -xOf a.tar -g snapshot member", CAUTION, "archives.extract"),
    ("tar -tvf a.tar --wildcards '*.py'", SAFE, "not archives.unknown-option"),
]
