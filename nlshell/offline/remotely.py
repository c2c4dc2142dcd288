"""A job asked of another machine: "check free memory on cache1 remotely", "disk space on web1
without logging in", "run uptime on db3 over ssh" is `ssh HOST '…'` around the answer to the job
asked without the machine ("check free memory"), so every command the index knows runs there too;
the words alone found the job's own command here (`free -h`) or another job's over ssh (`df -h`).

Only a request that names one host (nlshell/offline/remotes.py) and says it is done there
(`remotes.done_there`), and asks no session of its own ("log into db2 over ssh") nor names the command to run
("run df -h on prod over ssh": nlshell/offline/wrapped.py puts it whole), is read so; one the job's answer already reaches another machine
(`scp`, `ssh-copy-id`) keeps its own answers.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable

from nlshell.errors import NoOfflineAnswerError
from nlshell.offline.offered import OfflineAnswer

_LEADS = frozenset({"on", "at", "from", "to", "in"})  # "on web1": where, gone with the host
# Words that ask for the session itself ("log into 172.16.4.9 as deploy over ssh"): ssh's own answer;
# "log" and "sign" only with "in" or "on" after them ("tail the app log on prod-2 over ssh" is a job).
_SESSION = frozenset({"login", "logging", "connect", "into", "shell", "session", "signing"})
_BEFORE_VERBS = frozenset({"to", "and", "then", "i", "please", "just", "can", "we", "you", "me", "cant", "lets", "ill"})


def _session(lower: list[str], i: int) -> bool:
    """Whether word i asks for a session: "log in to db2", not "the app log on prod-2"."""
    from nlshell.offline.remotes import logs_in

    return lower[i] in _SESSION or (logs_in(lower, i) and (not i or lower[i - 1] in _BEFORE_VERBS))


def run_remotely(request: str, answer: Callable[[str], list[OfflineAnswer]]) -> list[OfflineAnswer]:
    """The answers to `request`, or `ssh HOST '…'` around the answer to its job when it asks one
    done on another machine."""
    job = _job(request)
    if job is None:
        return answer(request)
    host, rest = job
    try:
        inner = answer(rest)
    except NoOfflineAnswerError:  # the job alone finds nothing: the request as said
        return answer(request)
    if not inner or _reaches(inner[0].command):
        return answer(request)
    if "{{" in inner[0].command:  # a template goes there as it is, unless the request as said reaches there whole
        whole = answer(request)  # "tail the app log on prod-2 over ssh" is `ssh prod-2 'tail -f {{path/to/file}}'`
        if whole and _reaches(whole[0].command):
            return whole
    return [one.saying(f"ssh {host} {shlex.quote(one.command)}") for one in inner if not _reaches(one.command)]


def _job(request: str) -> tuple[str, str] | None:
    """(the host, the request without it and the words that say it is done there), or None."""
    from nlshell.offline.remotes import done_there
    from nlshell.offline.values import request_tokens, request_values

    tokens = request_tokens(request)
    lower = [token.lower() for token in tokens]
    there = done_there(lower)
    if not there or any(_session(lower, i) for i in range(len(lower)) if i not in there):
        return None
    values = request_values(request)
    hosts = [value for value in values if value.kind == "host"]
    if len(hosts) != 1 or any(value.kind == "command" for value in values) or any(t[:1] == "-" and len(t) > 1 for t in tokens):
        return None  # a command named whole ("run df -h on prod over ssh") goes in ssh's example as said
    at = hosts[0].at
    dropped = set(there) | {at} | ({at - 1} if at and lower[at - 1] in _LEADS else set())
    rest = " ".join(token for i, token in enumerate(tokens) if i not in dropped)
    return (hosts[0].text, rest) if rest.strip() else None


def _reaches(command: str) -> bool:
    """Whether a command reaches another machine itself (`ssh`, `scp`, `ssh-copy-id` …)."""
    from nlshell.offline.vocabulary import vocabulary

    words = command.split()
    programs = vocabulary().around["remote_programs"] | {"rsync"}
    return bool(words) and (words[0] in programs or words[0].startswith("ssh"))
