"""Secrets kept out of everything nlshell prints or stores: the known key, URL passwords, key shapes.

Two lines of defence. The first knows the actual secrets this process holds (the API key, whatever
its shape — a local server's token looks like nothing in particular — and a password in the base
URL) and finds them also URL-encoded, as a server may echo them in an error. The second knows the
shapes of common keys and tokens, for text that must never be written to disk. Light on purpose:
every line on stderr passes through `scrub`, so `urllib.parse` and `re` load only when needed.
"""

from __future__ import annotations

# Every secret this process has found or stored. A secret shorter than this is not replaced in
# messages (a one-letter "key" would garble every word) but still keeps text out of the stores.
KNOWN: set[str] = set()
MIN_LENGTH = 8
STORE_MIN_LENGTH = 4  # keeping an answer out of the cache costs little, so shorter keys count there
_PLAIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")

# Shapes of keys and tokens (OpenRouter/OpenAI/Anthropic, GitHub, GitLab, Slack, AWS, Google, JWTs,
# private keys, Bearer headers, passwords in URLs or assignments).
_SECRET_PATTERN = (
    r"\bsk-[A-Za-z0-9_-]{8,}|\bgh[posur]_[A-Za-z0-9]{16,}|\bgithub_pat_\w{16,}|\bglpat-[\w-]{16,}"
    r"|\bxox[abprs]-[\w-]{8,}|\b(?:AKIA|ASIA)[A-Z0-9]{16}\b|\bAIza[\w-]{30,}"
    r"|\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+|-----BEGIN [A-Z ]*PRIVATE KEY-----"
    r"|\bbearer\s+[\w.~+/=-]{12,}|://[^/\s:@]+:[^/\s@]+@"
    r"|\b(?:password|passwd|pwd|secret|token|api_?key)\s*[=:]\s*\S{6,}"
)
_secret_re = None


def remember(secret: str | None) -> None:
    """From now on, `secret` is scrubbed from what is printed and keeps text out of the stores."""
    if secret:
        KNOWN.add(secret)


def variants(secret: str) -> list[str]:
    """The secret as written and as a URL or form encoder writes it (upper- and lower-case hex)."""
    if set(secret) <= _PLAIN:
        return [secret]  # nothing in it that an encoder would change
    from urllib.parse import quote, quote_plus

    found = [secret]
    for encoded in (quote(secret, safe=""), quote_plus(secret, safe="")):
        lowered = _lower_hex(encoded)
        for form in (encoded, lowered):
            if form not in found:
                found.append(form)
    return found


def _lower_hex(text: str) -> str:
    parts = text.split("%")
    return parts[0] + "".join("%" + p[:2].lower() + p[2:] for p in parts[1:])


def _forms(secrets, min_length: int) -> list[str]:
    forms = {form for secret in secrets if len(secret) >= min_length for form in variants(secret)}
    return sorted(forms, key=len, reverse=True)  # the longest first: an encoding may contain the raw key


def scrub(text: str, *, replacement: str = "***", secrets=None, min_length: int = MIN_LENGTH) -> str:
    """`text` with every known secret (or the given ones), in any encoding, replaced."""
    for form in _forms(KNOWN if secrets is None else secrets, min_length):
        if form in text:
            text = text.replace(form, replacement)
    return text


def contains_known(text: str, *, min_length: int = MIN_LENGTH) -> bool:
    """Does `text` hold a secret this process knows, in any encoding?"""
    return any(form in text for form in _forms(KNOWN, min_length))


def has_secret(text: str) -> bool:
    """Text that carries a key, token or password — ours or of a known shape — is never stored."""
    global _secret_re
    if contains_known(text, min_length=STORE_MIN_LENGTH):
        return True
    if _secret_re is None:
        import re

        _secret_re = re.compile(_SECRET_PATTERN, re.IGNORECASE)
    return _secret_re.search(text) is not None


def _userinfo(url: str) -> tuple[str, str, str] | None:
    """(text before the user info, the user info, the rest) of `scheme://userinfo@host…`."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return None
    end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    userinfo, at, host = rest[:end].rpartition("@")
    if not at:
        return None
    return scheme + sep, userinfo, "@" + host + rest[end:]


def url_password(url: str) -> str | None:
    """The password of `scheme://user:password@host/…`, or None."""
    parts = _userinfo(url)
    if parts is None or ":" not in parts[1]:
        return None
    return parts[1].split(":", 1)[1] or None


def redact_url(url: str) -> str:
    """`url` fit to show or store: a password in it becomes `***` (the user name stays)."""
    parts = _userinfo(url)
    if parts is None or url_password(url) is None:
        return url
    head, userinfo, tail = parts
    return f"{head}{userinfo.split(':', 1)[0]}:***{tail}"


def _secret_start(text: str, forms: list[str]) -> int:
    """Length of the longest end of `text` that could be the start of a secret."""
    held = 0
    for form in forms:
        window = text[-(len(form) - 1):] if len(form) > 1 else ""
        at = window.find(form[0])
        while at != -1 and len(window) - at > held:
            if form.startswith(window[at:]):
                held = len(window) - at
                break
            at = window.find(form[0], at + 1)
    return held


def filtered_stream(chunks):
    """Streamed text with every known secret replaced, even one split across chunks.

    Text flows on at once, except an end that could be the start of a secret: that waits for the
    next chunk to tell. When the stream ends or fails there, a fragment long enough to matter is
    replaced as a whole secret would be; a shorter one reveals nothing and is shown.
    """
    forms = _forms(KNOWN, MIN_LENGTH)
    pending = ""

    def last_words() -> str:
        held = _secret_start(pending, forms)
        return pending[: len(pending) - held] + "***" if held >= MIN_LENGTH else pending

    try:
        for chunk in chunks:
            pending = scrub(pending + chunk)
            cut = len(pending) - _secret_start(pending, forms)
            if cut:
                yield pending[:cut]
                pending = pending[cut:]
    except Exception:
        if pending:
            yield last_words()
        raise
    else:
        if pending:
            yield last_words()
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()
