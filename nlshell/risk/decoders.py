"""Commands that decode what they are given (`base64 -d`, `xxd -r`, `gunzip`, a decoding one-liner):
what they print was hidden from whoever reads the command line, so code run from it is never
cleared (nlshell/risk/rules/interpreters.py)."""

from __future__ import annotations

import re

DECODERS = frozenset(
    "base64 base32 basenc xxd uudecode rev gunzip zcat bzcat xzcat gzip bzip2 xz zstd unzstd openssl gpg tr perl "
    "python python3 ruby node".split()
)


def is_decoding(cmd) -> bool:
    """Does this command decode (base64 -d, xxd -r, gunzip, tr, a decoding one-liner)?"""
    name = cmd.name
    words = [a.text for a in cmd.args]
    if name in ("base64", "base32", "basenc"):
        return any(w in ("-d", "--decode", "-D") or (w.startswith("-") and not w.startswith("--") and "d" in w) for w in words)
    if name == "xxd":
        return any(w.startswith("-r") or w == "-revert" for w in words)
    if name == "openssl":
        return any(w in ("-d", "base64", "enc") for w in words)
    if name == "gpg":
        return any(w in ("-d", "--decrypt") for w in words)
    if name in ("rev", "uudecode", "gunzip", "zcat", "bzcat", "xzcat", "unzstd", "tr"):
        return True
    if name in ("gzip", "bzip2", "xz", "zstd"):
        return any(w in ("-d", "--decompress", "-dc", "-cd") for w in words)
    if name in ("perl", "python", "python3", "ruby", "node"):
        return bool(re.search(r"(?i)b64decode|decode_base64|unpack|base64|fromhex|\\x[0-9a-f]{2}", " ".join(words)))
    return False
