"""The offline answer to a request: the best example, values filled in, that does what was asked.

A request that only looks (intent READ) never gets a command the rater calls caution or
dangerous, nor one whose description says it changes things ("Kill all processes using a port"):
the ranking's order is kept, but such commands are passed over, and a safe example of the same
page comes before another page's. When no safe answer exists, `NoReadOnlyAnswerError` says so
rather than offering one that writes. A request whose verbs say neither gets the safe way when it
is nearly as good as the best ("new folder named drafts" is no reason to offer `diff`), else the
best; a request to change things gets the ranking's best. The caller rates every answer as usual.
The ranking's examples first get the flags the request asks for within their page
(nlshell/offline/compose.py), so what is rated here is what is offered; a look's filters ("about
usb", "how many") follow as a pipeline (nlshell/offline/pipes.py), and "every container" fills a
placeholder for one with the ids of all (nlshell/offline/every.py); "which .py files import
requests" asks `grep` (nlshell/offline/holds.py); "top 3" cuts a sorted listing (nlshell/offline/top.py); a job asked "on web1 remotely" runs over
`ssh` (nlshell/offline/remotely.py), and a forwarded port is drawn whole (nlshell/offline/tunnels.py).
Two jobs said in turn ("check the nginx config then reload it") run in turn (nlshell/offline/sequenced.py).
"""

from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Iterable

from nlshell.errors import NoOfflineAnswerError, NoReadOnlyAnswerError
from nlshell.offline import startup
from nlshell.offline.asides import without_asides
from nlshell.offline.converted import retyped
from nlshell.offline.descended import descended
from nlshell.offline.rehearsed import rehearsal, rehearsed, said_first
from nlshell.offline.saved import saved
from nlshell.offline.slots import said_defaults
from nlshell.offline.situations import told_situation
from nlshell.offline.compose import composed
from nlshell.offline.commands import PLACEHOLDER, first_program, shell_words, writes_files
from nlshell.offline.index import OfflineIndex
from nlshell.offline.every import every_filled
from nlshell.offline.excluded import left_out
from nlshell.offline.gitlog import filtered
from nlshell.offline.holds import held
from nlshell.offline.managers import said_with, this_machines
from nlshell.offline.offered import OfflineAnswer
from nlshell.offline.pipes import piped
from nlshell.offline.published import published
from nlshell.offline.remotely import run_remotely
from nlshell.offline.sequenced import in_order
from nlshell.offline.top import topped
from nlshell.offline.tunnels import tunnelled
from nlshell.offline.typedcommand import typed_command
from nlshell.offline.places import fetched
from nlshell.offline.intent import CHANGE, READ, UNKNOWN, destroys, intent, negated_verbs
from nlshell.offline.described import description_verb, destructive_description
from nlshell.offline.rank import OfflineHit, Ranked, misspelt_verbs, rank, respelled
from nlshell.offline.otherwise import opposite
from nlshell.offline.rating import risk_of
from nlshell.offline.value import Value
from nlshell.offline.vocabulary import vocabulary

LEVELS = ("safe", "caution", "dangerous")
RATED = 40  # candidates rated, at most, looking for ones that only read
COMPLETE_SHARE = 0.95  # a command with nothing to fill goes first when it scores at least this share of a template's
COMPLETE_LOOKED = 6  # … among the first this many
UNKNOWN_SAFE = 0.5  # a request whose verbs say neither gets the safe way only when it scores at least this share of the best


# A command quoted the way chats and docs quote code ("re-run `curl -s localhost/health` every 5
# seconds") is quoted: read as one, it is the command to rerun, no words to search by (it got `curl -T`).
_BACKTICKED = re.compile(r"`([^`']+)`")


def answers(
    index: OfflineIndex,
    request: str,
    *,
    shell: str = "bash",
    limit: int = 1,
    accepted: Iterable[str] = (),
    cwd: str | None = None,
    pages: int = 0,
) -> list[OfflineAnswer]:
    """The best `limit` answers, best first. Raises NoOfflineAnswerError when nothing matches,
    NoReadOnlyAnswerError when only commands that change things match a request that only looks.
    `pages`: the caller takes one answer from each of the first that many pages, so rating stops
    once they are known, and a page's later examples are neither rated nor returned once it has one.
    Package commands are said with this machine's manager (nlshell/offline/managers.py)."""
    if (typed := typed_command(index, request)) is not None:  # "chown -R www-data /var/www": as typed
        return [OfflineAnswer(OfflineHit(typed, "", "typed", first_program(typed), 1.0), UNKNOWN, None)]
    found = _filtered(index, _BACKTICKED.sub(r"'\1'", request), shell, limit, accepted, cwd, pages)
    manager = this_machines(index.installed)
    if manager is None:
        return found
    return [a.saying(said_with(a.command, manager)) for a in found]


def _filtered(
    index: OfflineIndex, request: str, shell: str, limit: int, accepted: Iterable[str], cwd: str | None, pages: int,
    whole: bool = True,
) -> list[OfflineAnswer]:
    """The answers with the filters the request asks for composed after them (pipes, every, top N);
    two jobs said in turn run in turn (`whole`: the request as said, not one of its clauses)."""
    request = without_asides(request)  # "nuke .venv, i'll recreate it": what it says of itself asks nothing
    request = told_situation(request)  # "journal is huge, trim it to 500M": what is going on asks nothing either
    found = saved(request, lambda kept: tunnelled(kept, lambda asked: run_remotely(asked, lambda there: held(there, lambda job: piped(
        job, lambda text: _answers(index, text, shell, limit, accepted, cwd, pages))))))  # "… on web1 remotely": ssh around it
    found = [one.saying(startup.swapped(one.command, request)) for one in found]  # "… in my zshrc"
    found = [one.saying(left_out(one.command, request)) for one in found]  # "… but not in node_modules"
    found = [one.saying(descended(one.command, request)) for one in found]  # "… in every python file in the repo"
    found = [one.saying(retyped(one.command, request)) for one in found]  # "logo.svg to png, 512px wide"
    found = [one.saying(said_defaults(one.command, request)) for one in found]  # "a keepalive every 60 seconds": `{{60}}`
    found = [one.saying(published(one.command)) for one in found]  # `-p 5432:{{container_port}}`: the image's port
    found = [one.saying(filtered(one.command, request)) for one in found]  # "commits by maria since monday"
    found = topped(request, every_filled(request, found))[:limit]
    if not whole:
        return found
    return in_order(request, found, lambda job: _filtered(index, job, shell, 1, accepted, cwd, 0, whole=False))


def _answers(
    index: OfflineIndex, request: str, shell: str, limit: int, accepted: Iterable[str], cwd: str | None, pages: int,
) -> list[OfflineAnswer]:
    corrected = misspelt_verbs(index, request)  # "delte x" asks for a change: read once, for both
    ranked = rank(index, request, shell=shell, accepted=accepted, cwd=cwd, corrected=corrected)
    hits = _complete_first(composed(index, request, ranked, cwd=cwd, corrected=corrected))  # the flags it asks for, within the page
    spelt = respelled(request, corrected)
    ruled_out = negated_verbs(request)  # "without deleting it": never the delete
    hits = [hit for hit in hits if description_verb(hit.description) not in ruled_out] if ruled_out else hits
    # verbs that say neither may mean one as the ranking read them: "get me htop" installs it
    stated = ranked.read.values if isinstance(ranked, Ranked) else []  # what the request says, as the ranking read it
    wanted = intent(spelt) or (CHANGE if fetched(list(stated)) else ranked.read.intent)  # a copy from there, no look
    if wanted == READ and any(value.role == "run" for value in stated):
        wanted = UNKNOWN  # what it names to run it asks to run: "have backup.sh run every night at 3"
    # "which packages would apt autoremove take out": a look (that names no command to run) at a change
    rehearsing = wanted == READ and not _named_risks(stated)[1:] and rehearsal(spelt)
    if not destroys(spelt):  # what removes or wipes is no answer to a request that asks neither …
        hits = [hit for hit in hits if not destructive_description(hit.description)
                or (rehearsing and rehearsed(hit.command, hit.page, hit.program))]  # … unless only rehearsed
    if not hits:
        raise NoOfflineAnswerError()
    typed = _typed_as_command(spelt, hits[0].command) if wanted == UNKNOWN else 0
    if wanted == CHANGE or typed >= 2:
        return [OfflineAnswer(hit, wanted, None) for hit in hits[:limit]]
    safe: list[OfflineHit] = []
    changing = vocabulary().change_verbs
    first_page = hits[0].page
    answered: set[str] = set()  # pages with a safe answer that stays: a `pages` caller takes no second
    allowed = _named_risks(stated)
    looking = wanted == READ and not allowed[1:]  # a look that names no command of its own to run
    considered = hits[:RATED]
    if looking:  # a page that came first by an example that writes is not what a look asks for
        # … and a page of many examples that write (ffmpeg's) leaves the best of each other page in view
        seen = {hit.page for hit in considered}
        considered += [hit for hit in hits[RATED:] if hit.page not in seen and not seen.add(hit.page)]
        first_page = next((hit.page for hit in considered if not writes_files(hit.command)), first_page)
    if rehearsing:  # the change it names, wherever it ranks among the page's examples
        considered = said_first(hits, spelt)[: len(considered)]
    for hit in considered:
        if pages and hit.page in answered:
            continue  # rating it could not change what such a caller takes
        if rehearsing and (dry := rehearsed(hit.command, hit.page, hit.program)) and risk_of(dry)[0] == "safe":
            safe.append(replace(hit, command=dry))  # the change it asks about, shown and not made
            answered.add(hit.page)
            if _known(safe, first_page, limit, pages):
                break
            continue
        # What the rater cannot see, the example's own words may say ("Kill all processes …").
        if looking and writes_files(hit.command):
            continue  # safe to run, yet it makes or writes a file: no answer to a look
        if wanted != READ and isinstance(ranked, Ranked) and opposite(ranked.read, hit.description):
            continue  # "dump app.db to app.sql": a safe `.import` is the opposite, no safer way of it
        if typed and hit.program != hits[0].program:
            continue  # "pg_dump crm … to crm.dump": the program said first, in its safe way if it has one
        if description_verb(hit.description) not in changing and risk_of(hit.command)[0] in allowed:
            safe.append(hit)
            if wanted == READ or hit.score >= UNKNOWN_SAFE * hits[0].score:
                answered.add(hit.page)
            if _known(safe, first_page, limit, pages):
                break
    if not safe and wanted == READ:
        raise NoReadOnlyAnswerError()
    if wanted != READ:  # the verbs say neither: the safe way when it is nearly as good, else the best
        safe = [hit for hit in safe if hit.score >= UNKNOWN_SAFE * hits[0].score]
    if not safe:
        return [OfflineAnswer(hit, wanted, None) for hit in hits[:limit]]
    # stable: the top page's documented safe examples first (an NL2Bash row of it, `echo "a" | md5sum` for
    # "what is 7.5 * 6", goes in rank order: the page's float-less `echo $((…))` was the one that fit)
    safe.sort(key=lambda hit: hit.page != first_page or hit.source == "nl2bash")
    return [OfflineAnswer(hit, wanted, None if allowed[1:] else "safe") for hit in safe[:limit]]


def _typed_as_command(request: str, command: str) -> int:
    """How many of the command's first words a request with no verb of its own opens with as written:
    with its subcommand ("npm audit fix", "docker compose up in background", 2 or more) the user said
    what to run, so a safe sibling (`npm audit --json`) is no answer to it; with its program alone
    ("pg_dump crm to crm.dump", "jq filter events.json …", 1) that program answers, safely if it can
    (not `pg_restore -l`)."""
    said = request.lower().split()
    runs = [word for word in shell_words(command) if word != "sudo"]
    k = 0
    while k < min(len(said), len(runs)) and said[k] == runs[k].lower():
        k += 1
    return 0 if any(word.startswith("-") for word in runs[:k]) else k


def _complete_first(hits: list[OfflineHit]) -> list[OfflineHit]:
    """A template the request leaves open (`lsof -i :{{port}}` for "which ports are listening")
    goes behind a command of the same page that needs nothing filled and scores nearly as well (within 5%)
    (`lsof -i -P -n | grep LISTEN`): one to run, not one to edit."""
    if not hits or "{{" not in hits[0].command:
        return hits
    for k, hit in enumerate(hits[1:COMPLETE_LOOKED], 1):
        if "{{" not in hit.command and hit.page == hits[0].page and hit.score >= COMPLETE_SHARE * hits[0].score and not (
            _said_words(hits[0].command) - _said_words(hit.command)  # `scp a.tgz 10.1.1.9:` is no `ops@10.1.1.9:…`
        ):
            return [hit, *hits[:k], *hits[k + 1 :]]
    return hits


def _said_words(command: str) -> set[str]:
    """The words a command says besides its placeholders (`ops`, `10.1.1.9` of `ops@10.1.1.9:{{dir}}`)."""
    return {word for word in re.findall(r"[\w.-]+", PLACEHOLDER.sub(" ", command)) if not word.startswith("-")}  # not `-C`


def _named_risks(values: Iterable[Value]) -> tuple[str, ...]:
    """The levels a request that only looks may be answered at: safe, or as risky as a command it
    names itself ("time how long tar -czf out.tgz src takes": the user chose what `time` runs, and
    the caller rates and confirms the whole as usual)."""
    named = [risk_of(value.text)[0] for value in values if value.kind == "command" and value.role == "run"]
    return LEVELS[: max((LEVELS.index(level) for level in named), default=0) + 1]


def _known(safe: list[OfflineHit], first_page: str, limit: int, pages: int) -> bool:
    """Whether rating more candidates could change the answers: the top page's safe examples come
    first, the others in rank order, so once `limit` of the top page's are found — or, for a caller
    that takes one per page, the top page and `pages` pages in all — later ones come after them."""
    own = sum(hit.page == first_page for hit in safe)
    return own >= limit or bool(pages and own and len({hit.page for hit in safe}) >= pages)
