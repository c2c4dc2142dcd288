"""The readings that run after nlshell/offline/values.py's word-by-word pass. Each reads whole
phrases with what the pass found beside them: the type a noun says ("remove the directory build",
typed.py), lines a count names (counted.py), versions, hosts for ssh, git refs and remotes, JSON
fields, make targets, where files of a kind come from, shells, databases, time zones; then what the
places found mean together ("everything in build/", "here", a folder inside another, which side of a
copy), what a search looks for, what is left out, and the sudoers group. Kept apart so the pass
stays one loop and the order of these readings reads in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from nlshell.offline import (
    accounts, affixes, amounts, clock, counted, dbnames, excluded, gitrefs, gitremotes, globbed, jsonfields, places, positions, remotes,
    roles, serviceports, shells, targets, typed, versions, zones,
)
from nlshell.offline.value import Value
from nlshell.offline.vocabulary import vocabulary

# words before "called X" / "named X" that say X is made, not looked for ("a backup named x")
_MADE = frozenset("tarball archive zip zipfile backup output copy".split())


def read(
    raw: list[str], tokens: list[str], lower: list[str], values: list[Value], taken: set[int], add: Callable[..., None],
    *, role_at: Callable[[int], str], named: Callable[[str], bool], plain: Callable[[str], bool],
    known: Callable[[str], bool], program: Callable[[str], bool],
    cwd_dirs: Collection[str], cwd_files: Collection[str], searching: bool,
) -> None:
    """Adds to `values` (through `add`) what the whole-phrase readings find, in their order."""
    table = vocabulary()
    typed.read(raw, tokens, lower, values, taken, add, role_at, named, known, program, set(cwd_dirs) | set(cwd_files))
    counted.read(values, tokens, lower, taken, add)  # "how many 404s in access.log": lines saying 404
    counted.statuses(values, tokens, lower, taken, add)  # "grep the 502s out of access.log"
    versions.read(values, tokens, lower, taken, add, plain)  # "the postgres 16 image", "pip install django 4.2"
    remotes.read(values, tokens, lower, taken, add, plain, set(cwd_dirs) | set(cwd_files))  # "ssh into build01"
    gitremotes.read(values, tokens, lower, taken, add, named)  # "add upstream remote https://…"
    gitrefs.read(values, tokens, lower, taken, add)  # "pull the latest develop", "merge develop into main"
    jsonfields.read(values, tokens, lower, taken, add)  # "just the names from users.json": `.name`
    targets.read(values, tokens, lower, taken, add)  # "make clean then build": `make clean`
    affixes.read(values, tokens, lower, taken, add)  # "files whose name starts with tmp": `tmp*`
    globbed.read(values, tokens, lower, taken, add, plain)  # "all the pdfs from ~/Downloads"
    shells.read(values, tokens, lower, taken, add)  # "change frank's shell to zsh"
    dbnames.read(values, tokens, lower, taken, add, plain)  # "apply migration.sql to mydb on mysql"
    zones.read(values, tokens, lower, taken, add)  # "switch this server to tokyo time"
    serviceports.read(values, lower, add)  # "allow ssh from 10.0.0.0/8": port 22
    positions.read(values, tokens, lower, taken, add)  # "cut talk.mp4 down to 1:00–2:30"
    clock.timed_schedule(values)  # "at 2am every night": `0 2 * * *`
    amounts.one_range(values)  # "… around line 50, print lines 40 to 60": the range
    amounts.jobs(values, lower)  # "cancel at job 7": job 7
    amounts.illustrations(values, raw, lower)  # "as a number, like 600": how the answer looks
    places.contents(values, lower)  # "delete everything in build/": `build/*`
    places.here(values, lower, add)
    places.nested(values, cwd_dirs)
    places.sides(values, lower)
    places.formats(values, table.types)
    if searching:  # "find files named x", "find nginx.conf anywhere": what to look for, not where, nor what to create
        places.sought(values, lower, _MADE | roles.LINKING)
    excluded.mark(values, lower)  # "grep TODO but not in node_modules": no operand
    accounts.sudo_group(values)  # "the sudoers group" is `sudo`
