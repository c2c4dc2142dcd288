"""What several families of rules need to know about commands: how to show a word in a reason,
which programs print what they fetch from the network, and what an `echo` chain writes."""

from __future__ import annotations

import posixpath
import re

# Devices whose output never ends: writing it all somewhere fills the disk.
ENDLESS_SOURCES = frozenset({"/dev/zero", "/dev/urandom", "/dev/random"})

DOWNLOADERS = frozenset(
    "curl wget fetch aria2c http https httpie xh lynx links w3m elinks nc ncat netcat socat ftp tftp "
    "iwr invoke-webrequest irm invoke-restmethod dig host nslookup drill".split()
)


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
    if last.name in ("echo", "printf") and all(a.literal for a in last.args):
        words = [a.text for a in last.args]
        while words and re.fullmatch(r"-[neE]+", words[0]):
            words = words[1:]
        text = " ".join(words)
        if last.name == "printf" or "-e" in [a.text for a in last.args]:
            text = text.replace("\\n", "\n").replace("\\t", "\t")
        return text
    if last.name == "cat" and not last.args:
        return heredoc_body(last, empty=True)
    return None


def heredoc_body(cmd, *, empty: bool = False) -> str | None:
    """The text a heredoc or herestring feeds to `cmd`, if any (an empty one only when `empty`)."""
    return next((r.body for r in cmd.redirects if r.op in ("<<", "<<<") and r.body is not None and (empty or r.body)), None)
