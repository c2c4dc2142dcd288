"""SHA-256 for cache keys and prompt versions, on the start-up path."""

from __future__ import annotations


def sha256_hex(data: bytes) -> str:
    """SHA-256 without `hashlib`, whose OpenSSL load costs ~2 ms on a ~15 ms start-up path."""
    try:
        from _sha2 import sha256  # Python ≥ 3.12
    except ImportError:
        try:
            from _sha256 import sha256  # Python 3.11
        except ImportError:  # a build without the builtin modules
            from hashlib import sha256
    return sha256(data).hexdigest()
