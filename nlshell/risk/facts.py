"""What several families of rules need to know about commands: how to show a word in a reason,
which programs print what they fetch from the network, what an `echo` chain writes, what
`xargs` or `parallel` read, and which commands print a secret."""

from __future__ import annotations

import posixpath
import re

from nlshell.risk.paths import CRED, HISTORY, classify
from nlshell.shell.model import Word
from nlshell.shell.patterns import lazy
from nlshell.shell.printing import printed
from nlshell.shell.records import Value

# Devices whose output never ends: writing it all somewhere fills the disk.
ENDLESS_SOURCES = frozenset({"/dev/zero", "/dev/urandom", "/dev/random"})

DOWNLOADERS = frozenset(
    "curl wget fetch aria2c http https httpie xh lynx links w3m elinks nc ncat netcat socat ftp tftp "
    "iwr invoke-webrequest irm invoke-restmethod dig host nslookup drill".split()
)


# Variable names that hold secrets: `$AWS_SECRET_ACCESS_KEY`, `$GITHUB_TOKEN`, `$DB_PASSWORD`.
SECRET_VAR = lazy(r"(?i)(secret|token|passw(?:or)?d|passphrase|api_?key|access_?key|private_?key|credential|auth|session)")


def local_host(url: str) -> bool:
    """Does `url` name this machine (localhost, 127.x, ::1)?"""
    m = re.match(r"^(?:\w+://)?(?:[^@/]*@)?(\[[^\]]*\]|[^:/]+)", url)
    host = m.group(1) if m else ""
    return host in ("localhost", "127.0.0.1", "[::1]", "0.0.0.0") or host.startswith("127.")


def shown(word) -> str:
    """A word as written, cut to 60 characters, for a reason."""
    text = word.raw or word.text
    return text if len(text) <= 60 else text[:57] + "..."


def file_key(path: str) -> str:
    """One spelling per file, to tell that `./x.sh` is the `x.sh` written earlier on the line."""
    return posixpath.normpath(path) if path else path


def is_download(cmd) -> bool:
    """Does this command print something fetched from the network?"""
    name = cmd.name
    if name in DOWNLOADERS:
        return True
    words = [a.text for a in cmd.args[:3]]
    if name in ("gh", "glab"):
        return "api" in words[:1] or words[:2] in (["release", "download"], ["gist", "view"])
    if name == "openssl":
        return words[:1] == ["s_client"]
    if name == "ssh" or "ssh" in cmd.wrappers:
        return True  # text from another host
    return False


def literal_output(upstream: list) -> str | None:
    """Text the last of `upstream` writes when it is an `echo`/`printf` of literal words or a
    `cat` of a heredoc; None when it cannot be known."""
    if not upstream:
        return None
    last = upstream[-1]
    words = printed(last)
    if words is not None:
        return " ".join(w.text for w in words) if all(w.literal for w in words) else None
    if last.name == "cat" and not last.args:
        return heredoc_body(last, empty=True)
    return None


def heredoc_body(cmd, *, empty: bool = False) -> str | None:
    """The text a heredoc or herestring feeds to `cmd`, if any (an empty one only when `empty`)."""
    return next((r.body for r in cmd.redirects if r.op in ("<<", "<<<") and r.body is not None and (empty or r.body)), None)


class FedInput(Value):
    """What `xargs` / `parallel` read: `pieces` (Words, printed with a space between) when the text
    is known, else None; `source` names where it comes from; `producers` are the commands that
    make it (pipeline stages before, or the commands of a `<(...)`)."""

    __slots__ = ("pieces", "source", "producers")

    def __init__(self, pieces: list | None, source: str, producers: list) -> None:
        self.pieces = pieces
        self.source = source
        self.producers = producers


def fed_input(ctx, cmd) -> FedInput:
    """Where the items of `cmd` (run by xargs or parallel) come from, and their text if known."""
    feed = cmd.feed
    if feed.arg_file is not None:
        return _file_input(ctx, feed.arg_file)
    for r in cmd.redirects:
        if r.op == "<<<" and r.target is not None:
            return FedInput([r.target], "a here-string", [])
        if r.op == "<<" and r.body is not None:
            literal = not (r.body_expands and ("$" in r.body or "`" in r.body))
            return FedInput([Word(r.body, literal=literal)], "a here-document", [])
        if r.op == "<" and r.target is not None:
            return _file_input(ctx, r.target)
    if feed.groups and not feed.group_files:
        return FedInput([], "its ::: lists", [])  # parallel reads no stdin when given lists
    if feed.group_files:
        return FedInput(None, "the file " + shown(feed.group_files[0]), [])
    if cmd.pipeline is None or cmd.stage == 0:
        return FedInput(None, "its input", [])
    upstream = [s for s in cmd.pipeline.stages[: cmd.stage] if s is not None]
    last = cmd.pipeline.stages[cmd.stage - 1]
    if last is None:
        return FedInput(None, "the commands before it", upstream)
    words = printed(last)
    if words is not None:
        return FedInput(words, f"`{last.name}`", upstream)
    if last.name == "cat" and not last.args:
        body = heredoc_body(last, empty=True)
        if body is not None:
            return FedInput([Word(body)], "a here-document", upstream)
    if last.name == "cat" and len(last.args) == 1:
        got = _file_input(ctx, last.args[0])
        return FedInput(got.pieces, got.source, upstream + got.producers)
    return FedInput(None, f"the output of `{last.name or 'a command'}`", upstream)


def _file_input(ctx, word) -> FedInput:
    """A file read as input: a `<(...)` is its commands' output, a file this line wrote is its text."""
    if word.subs:
        inner = ctx.substitution_commands(word)
        last = inner[-1] if inner else None
        words = printed(last) if last is not None else None
        return FedInput(words, f"`{last.name}`" if last is not None else "a substitution", inner)
    key = file_key(word.text)
    if key in ctx.written:
        return FedInput([Word(ctx.written[key])], shown(word), [])
    return FedInput(None, "the file " + shown(word), [])


_CRON_SCHEDULE = lazy(r"^\s*(?:@\w+|(?:\S+\s+){5})")  # `@reboot`, or the five time fields


def cron_jobs(text: str, with_user: bool = False) -> list:
    """The commands of crontab lines (`/etc/crontab` and `/etc/cron.d` name a user after the time)."""
    jobs = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#") or re.match(r"^\s*\w+=", line):
            continue
        job = _CRON_SCHEDULE.sub("", line, count=1)
        if with_user:
            job = job.split(None, 1)[1] if len(job.split(None, 1)) == 2 else ""
        jobs.append(job)
    return jobs


def credential_source(ctx, cmd) -> str | None:
    """What secret this command prints, if it prints one."""
    name = cmd.name
    texts = [a.text for a in cmd.args]
    if (name in ("env", "printenv") and not cmd.args) or any(t.endswith("/environ") for t in texts if t.startswith("/proc/")):
        return "your environment variables (API keys and tokens included)"
    if name == "printenv" and (held := next((t for t in texts if SECRET_VAR.search(t)), None)):
        return f"the secret in ${held}"
    if name in ("set", "export", "declare") and (not cmd.args or texts[0] in ("-p", "-x")):
        return "your shell variables (secrets included)"
    if name == "gpg" and any(t in ("--export-secret-keys", "--export-secret-subkeys") for t in texts):
        return "your private GPG keys"
    if name == "security" and any(t.startswith("find-") for t in texts):
        return "a keychain password"
    if name in ("pass", "op", "vault", "aws", "gcloud", "az", "gh") and any(
        t in ("show", "read", "get", "print-access-token", "export-credentials", "get-secret-value", "token") for t in texts
    ):
        return "a stored secret"
    if name == "history" or (name == "fc" and "-l" in texts):
        return "your shell history (passwords typed on command lines included)"
    for a in cmd.args:
        for p in ctx.places(a):
            if p.cls == CRED or p.path == "/etc/shadow":
                return p.desc if p.desc.startswith("credentials") else f"credentials ({shown(a)})"
            if p.cls == HISTORY and name != "wc":
                return f"{p.desc} (passwords typed on command lines included)"
    if (secret := redirected_secret(cmd)) is not None:
        return secret
    if name in ("echo", "printf", "cat"):
        for t in texts:
            m = re.search(r"\$\{(\w+)\}", t)
            if m and SECRET_VAR.search(m.group(1)):
                return f"the secret in ${m.group(1)}"
    return None


def redirected_secret(cmd) -> str | None:
    """The credential file a `<` redirect feeds to `cmd`, if one does."""
    for r in cmd.redirects:
        if r.op == "<" and r.target is not None and (p := classify(r.target.text)).cls == CRED:
            return p.desc
    return None
