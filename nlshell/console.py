"""What the fronts (one-shot, REPL, keybinding) say to the person, and the one error funnel.

stdout is the product; everything here except `out` goes to stderr. Every line is made visible
(control characters escaped) and scrubbed of the secrets this process has seen, so neither a
hostile reply nor a key can reach the terminal through an error message.
"""

from __future__ import annotations

import os
import sys

from nlshell.errors import NlshellError, NoCommandError, OutputError


def out(text: str) -> None:
    write(text + "\n")


def write(text: str) -> None:
    """The product, on stdout, flushed. A reader that went away raises BrokenPipeError (the edge
    exits quietly); any other failure (a full disk, an I/O error) is OutputError, one line."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as e:
        raise OutputError(e) from None


def out_json(value) -> None:
    """One JSON document on stdout; ASCII-escaped so no raw control or bidi character can pass."""
    import json

    out(json.dumps(value, ensure_ascii=True))


def scrub(text: str) -> str:
    """Every secret this process knows, in any encoding, replaced (see nlshell.redact)."""
    from nlshell.redact import scrub as scrub_secrets

    return scrub_secrets(text)


def say(text: str) -> None:
    """A line for the person, on stderr (wiping a spinner first, so the two never share a line)."""
    spinner = sys.modules.get("nlshell.spinner")
    if spinner is not None and spinner.ACTIVE is not None:
        spinner.ACTIVE.hide()
    sys.stderr.write(scrub(text) + "\n")
    sys.stderr.flush()


def notice(text: str | None) -> None:
    """A passing status while nlshell waits (a retry): on the spinner's line when one is drawn,
    else one line on a terminal's stderr; nothing on a pipe. `None` ends it."""
    spinner = sys.modules.get("nlshell.spinner")
    active = spinner.ACTIVE if spinner is not None else None
    if active is not None:
        active.status(text)
    elif text and is_terminal(sys.stderr):
        say(f"nlshell: {visible(text)}")


def warn(text: str) -> None:
    say(f"nlshell: warning: {visible(text)}")


def visible(text: str) -> str:
    """Text from a model or server, with every hostile character shown as an escape (nlshell.text)."""
    from nlshell.text import visible as make_visible

    return make_visible(text)


def read_stdin(limit: int, *, line: bool = False) -> tuple[str, bool]:
    """At most `limit` characters of stdin (one line if `line`), and whether more was waiting.

    `yes | nlshell -p` must not read gigabytes; bytes that are not UTF-8 become U+FFFD, not a crash.
    """
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a replaced text stream
        text = sys.stdin.readline(limit + 1) if line else sys.stdin.read(limit + 1)
    else:
        raw = buffer.readline(4 * limit + 1) if line else buffer.read(4 * limit + 1)
        text = raw.decode("utf-8", "replace")
        if len(raw) > 4 * limit:
            return text[:limit], True
    if line and text.endswith("\n"):
        text = text[:-1]
    return text[:limit], len(text) > limit


def clean_text(text: str) -> str:
    """Arguments that were not valid UTF-8 arrive with surrogate escapes; make them plain text."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def is_terminal(stream) -> bool:
    """isatty() that a closed or replaced stream cannot turn into an exception."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def use_color(no_color_flag: bool = False, stream=None) -> bool:
    if no_color_flag or "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb":
        return False
    return is_terminal(stream or sys.stderr)


def history_line(entry: dict) -> str:
    """One run from `nlshell history`: when, what ran, for which request, and how it ended."""
    line = f"{entry['time']}  {visible(entry['command'])}    # {visible(entry['request'])}"
    if entry.get("edited"):
        line += "    (your edit)"
    if entry.get("status") not in (0, None):
        line += f"    (exit {entry['status']})"
    return line


def no_model_reason(pipeline, *, offline: bool = False) -> str | None:
    """Why Describe, Revise and explain cannot ask the model (said before any input), or None."""
    if offline:
        return "offline (--offline)"
    try:
        if pipeline.needs_offline:
            return "offline: no API key (nlshell auth login)"
    except NlshellError:
        return None  # a broken key store: let the request itself say what is wrong
    return None


def debug() -> bool:
    return os.environ.get("NLSHELL_LOG", "").lower() == "debug"


def debug_traceback(e: BaseException) -> None:
    """With NLSHELL_LOG=debug, the traceback — scrubbed of secrets like every other line."""
    if debug():
        import traceback

        for line in "".join(traceback.format_exception(e)).rstrip("\n").split("\n"):
            say(visible(line))


def report(e: NlshellError) -> int:
    """One line `nlshell: what went wrong — what to do`; returns the exit code."""
    message = str(e)
    if isinstance(e, NoCommandError) and e.reply_text.strip():
        words = " ".join(e.reply_text.split())
        if len(words) > 200:
            words = words[:197] + "…"
        message = f"{e.message}; it said: \"{words}\"" + (f" — {e.hint}" if e.hint else "")
    if e.__traceback__ is not None:
        debug_traceback(e)
    say("nlshell: " + visible(" ".join(message.split("\n"))))
    return e.exit_code


def internal_error(e: BaseException) -> int:
    debug_traceback(e)
    say(f"nlshell: internal error ({e.__class__.__name__}) — rerun with NLSHELL_LOG=debug and report it")
    return 1
