"""Guard mode: a coding agent's pre-execution event in, allow / ask / deny out — the rater alone.

`nlshell guard` sits in front of every shell command an agent runs, so it must be cheap, and it
must fail closed: whatever it cannot read, parse, rate or finish in time is answered "ask" (or
the agent's blocking answer), never "allow". No network, no key, no model.

How one event is handled (`respond`):
1. The event is read from stdin (at most MAX_EVENT_BYTES, within the deadline) and parsed as
   strict JSON: valid UTF-8, one object, no duplicate keys, not nested beyond Python's stack.
2. Its shape says which agent sent it (formats.py); `--format` picks the answer's format.
3. The policy in force for the event's directory is loaded (policy.py).
4. A command already rated safe by this very code is answered from the memo (memo.py). Any other is
   rated in a forked child process with a deadline: a rater that hangs, even inside C code, or
   crashes the interpreter, costs an "ask", not a silent pass.
"""

from __future__ import annotations

import json
import os
import select
import time

from nlshell.errors import ConfigError
from nlshell.guard import memo as guard_memo
from nlshell.guard import policy as guard_policy
from nlshell.guard.formats import ALLOW, ASK, DENY, PASS, Decision, Malformed, ShellRequest
from nlshell.guard.formats import detect, from_environment, render, shell_request

MAX_EVENT_BYTES = 2 * 1024 * 1024
MAX_COMMAND = 100_000  # characters: far beyond any command a person could review
DEADLINE_SECONDS = 10.0  # well under the timeout `guard install` gives the agent (30 s)
MAX_SHOWN_REASONS = 4
MAX_SUMMARY = 2000


class Verdict:
    """What the rater said about one command (and, where computed, what it would touch).

    `effects` holds the effect preview's one-line summaries ("deletes 1,284 files under ./build")
    when it is computed; they join the reasons in the answer's text.
    """

    __slots__ = ("valid", "risk", "reasons", "problems", "hidden", "effects")

    def __init__(self, valid: bool, risk: str, reasons=(), problems=(), hidden=(), effects=()) -> None:
        self.valid = valid
        self.risk = risk
        self.reasons = list(reasons)
        self.problems = list(problems)  # why it is invalid (fatal problems only)
        self.hidden = list(hidden)  # control or invisible characters, spelled as escapes
        self.effects = list(effects)

    def as_json(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}

    @classmethod
    def from_json(cls, data: dict) -> Verdict:
        if not isinstance(data.get("valid"), bool) or data.get("risk") not in ("safe", "caution", "dangerous"):
            raise ValueError("not a verdict")
        lists = {k: data.get(k, []) for k in ("reasons", "problems", "hidden", "effects")}
        if not all(isinstance(v, list) and all(isinstance(s, str) for s in v) for v in lists.values()):
            raise ValueError("not a verdict")
        return cls(data["valid"], data["risk"], **lists)


def rate(command: str, shell: str) -> Verdict:
    """The rater on one command: validation, risk and reasons, from a single parse."""
    from nlshell.assess import assess
    from nlshell.text import hostile_characters, visible
    from nlshell.validate import is_warning

    hidden = hostile_characters(command)
    if hidden:  # what the agent shows is not what would run: not worth parsing
        return Verdict(False, "dangerous", problems=["it contains hidden or control characters"], hidden=hidden)
    assessment = assess(command, shell)
    effects = []
    if assessment.valid and assessment.risk != "safe":  # a safe command is never walked (nor the preview loaded)
        from nlshell.preview import effects_for

        effects = effects_for(command, valid=assessment.valid, risk=assessment.risk) or []
    return Verdict(
        valid=assessment.valid,
        risk=assessment.risk,
        reasons=[visible(r) for r in assessment.reasons],
        problems=[visible(p) for p in assessment.problems if not is_warning(p)],
        effects=[visible(e.summary) for e in effects],
    )


# -- reading the event ------------------------------------------------------------------------
def read_all(fd: int, deadline: float, limit: int) -> bytes | None:
    """Everything until EOF; None when `deadline` passes first; OverflowError past `limit` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise OverflowError(f"more than {limit} bytes")
        chunks.append(chunk)


def read_event(fd: int, deadline: float) -> bytes:
    """All of stdin, or Malformed when it is too large or does not arrive in time."""
    try:
        raw = read_all(fd, deadline, MAX_EVENT_BYTES)
    except OverflowError:
        raise Malformed(f"the event is larger than {MAX_EVENT_BYTES // (1024 * 1024)} MiB") from None
    if raw is None:
        raise Malformed("the event did not arrive in time")
    return raw


def strict_json(text: str):
    """json.loads that refuses a key given twice (ValueError naming it): which one would be used?"""

    def no_duplicates(pairs: list) -> dict:
        keys = [k for k, _ in pairs]
        if len(set(keys)) != len(keys):
            raise ValueError(f"the key {next(k for k in keys if keys.count(k) > 1)!r} appears twice")
        return dict(pairs)

    return json.loads(text, object_pairs_hook=no_duplicates)


def parse_event(raw: bytes) -> dict:
    if not raw.strip():
        raise Malformed("the event is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Malformed("the event is not valid UTF-8") from None
    try:
        # Two values for one field: the agent might run the other one than nlshell rated.
        event = strict_json(text)
    except RecursionError:
        raise Malformed("the event is nested too deeply") from None
    except ValueError as e:
        raise Malformed(f"the event is not valid JSON ({e})") from None
    if not isinstance(event, dict):
        raise Malformed("the event is not a JSON object")
    return event


# -- deciding ---------------------------------------------------------------------------------
def _failure(why: str) -> Decision:
    return Decision(ASK, f"cannot check this command — {why}", failure=True)


def summary(verdict: Verdict) -> str:
    """`dangerous — deletes your home directory recursively (rm -rf ~); would delete …`."""
    parts = verdict.reasons[:MAX_SHOWN_REASONS] + verdict.effects
    more = len(verdict.reasons) - MAX_SHOWN_REASONS
    text = verdict.risk + (" — " + "; ".join(parts) if parts else "") + (f" (and {more} more)" if more > 0 else "")
    return text if len(text) <= MAX_SUMMARY else text[: MAX_SUMMARY - 1] + "…"


def judge(command: str, verdict: Verdict, policy: guard_policy.Policy) -> Decision:
    """The policy applied to a verdict."""
    if verdict.hidden:
        return _failure(f"it contains hidden or control characters ({', '.join(verdict.hidden)})")
    if not verdict.valid:
        return _failure("it does not parse: " + "; ".join(verdict.problems or ["syntax error"]))
    notes = "".join(f" [{note}]" for note in policy.notes)
    entry = policy.allowed_by(command)
    if entry is not None and (entry.trusted or verdict.risk != "dangerous"):
        text = f"{verdict.risk}, on the allow list in {entry.source}"
        return Decision(policy.action_for("safe"), text + notes)
    text = summary(verdict)
    if entry is not None:
        text += f" (the allow list in {entry.source} cannot clear a dangerous command)"
    return Decision(policy.action_for(verdict.risk), text + notes)


def _memo_key(request: ShellRequest) -> str:
    from nlshell.fingerprint import rater_fingerprint

    return "safe-" + guard_memo.key(rater_fingerprint(), request.shell, request.command)


def _carries_secret(command: str) -> bool:
    from nlshell.redact import has_secret

    return has_secret(command)


def _keep(key: str, verdict: Verdict, secret: bool) -> None:
    """Remember a clean safe rating, unless the command carries a secret (not even its hash is kept)."""
    if verdict.risk == "safe" and verdict.valid and not (verdict.hidden or verdict.effects or verdict.reasons):
        if not secret:
            guard_memo.put(key, verdict.as_json())


def _remembered(key: str) -> Verdict | None:
    data = guard_memo.get(key)
    if data is None:
        return None
    try:
        verdict = Verdict.from_json(data)
    except ValueError:
        return None
    return verdict if verdict.risk == "safe" and verdict.valid and not verdict.hidden else None


def rate_with_deadline(request: ShellRequest, deadline: float, rater=None, meanwhile=None) -> Verdict:
    """Rate in a child process by `deadline`: TimeoutError when it is late, RuntimeError when it fails.

    `meanwhile()` runs here while the child rates (on a second core, the two take no longer than
    the rating); if it raises, the child is killed and the error goes on.
    """
    rater = rater or rate
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: rate, write the verdict, leave without running any cleanup
        status = 0
        try:
            os.close(read_end)
            os.setpgid(0, 0)  # its own group, so a `bash -n` it started dies with it
            if request.cwd and os.path.isdir(request.cwd):
                os.chdir(request.cwd)
            payload = json.dumps(rater(request.command, request.shell).as_json()).encode()
            while payload:
                payload = payload[os.write(write_end, payload) :]
        except BaseException:  # noqa: BLE001 - the parent turns a silent child into "ask"
            status = 1
        os._exit(status)
    os.close(write_end)
    try:
        if meanwhile is not None:
            meanwhile()
        data = read_all(read_end, deadline, MAX_EVENT_BYTES)
    except BaseException:
        _kill(pid)
        raise
    finally:
        os.close(read_end)
    if data is None:
        _kill(pid)
        raise TimeoutError(f"rating took longer than {DEADLINE_SECONDS:g} s")
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        raise RuntimeError("the rater failed")
    return Verdict.from_json(json.loads(data))


def _kill(pid: int) -> None:
    import signal  # not on the common path: importing it builds enums (~0.6 ms)

    for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            target()
        except OSError:
            pass
    try:
        os.waitpid(pid, 0)
    except OSError:
        pass


def decide(raw: bytes, forced: str | None, environ, deadline: float, rater=None) -> tuple[str, Decision]:
    """(answer format, decision) for one event. Never raises: every failure is an "ask"."""
    fmt = forced or from_environment(environ)
    try:
        event = parse_event(raw)
        shape = detect(event)
        fmt = forced or shape or fmt
        if shape is None and forced is None:
            return fmt, Decision(PASS)  # not an event nlshell knows: no opinion
        request = shell_request(shape or fmt, event, environ)
        if request is None:
            return fmt, Decision(PASS)  # another event, or a tool that is not a shell
        if len(request.command) > MAX_COMMAND:
            return fmt, _failure(f"it is longer than {MAX_COMMAND:,} characters")
        if not request.command.strip():
            return fmt, _failure("the command is empty")
        policy = guard_policy.load(request.cwd)
        key = _memo_key(request)
        verdict = _remembered(key)
        if verdict is None:
            secret: list = []  # is it worth keeping: looked at while the child rates
            verdict = rate_with_deadline(request, deadline, rater,
                                         meanwhile=lambda: secret.append(_carries_secret(request.command)))
            _keep(key, verdict, secret=secret[0])
        return fmt, judge(request.command, verdict, policy)
    except Malformed as e:
        return fmt, _failure(str(e))
    except ConfigError as e:
        return fmt, _failure(f"the nlshell config cannot be used ({e.message}; {e.hint})")
    except TimeoutError as e:
        return fmt, _failure(str(e))
    except Exception as e:  # noqa: BLE001 - fail closed, whatever went wrong
        return fmt, _failure(f"internal error ({e.__class__.__name__})")


def respond(stdin_fd: int, forced: str | None, environ) -> tuple[str, int]:
    """(stdout, exit code) for the event on `stdin_fd`, in the agent's format."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    try:
        raw = read_event(stdin_fd, deadline)
    except Malformed as e:
        return render(forced or from_environment(environ), _failure(str(e)))
    except OSError as e:
        return render(forced or from_environment(environ), _failure(f"stdin cannot be read ({e.strerror})"))
    fmt, decision = decide(raw, forced, environ, deadline)
    return render(fmt, decision)


__all__ = ["ALLOW", "ASK", "DENY", "PASS", "Decision", "Verdict", "decide", "judge", "rate", "respond", "summary"]
