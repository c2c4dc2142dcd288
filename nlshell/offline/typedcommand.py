"""A request that is already a command ("chown -R www-data /var/www") is answered as typed.

People paste or type the command they mean, to have it checked before it runs. Matched against the
examples, such a request lost what the nearest example lacks (`sudo chown www-data /var/www`, no
`-R`). A request counts as a command only when it reads as one: it parses as shell words, its first
program has a page or is installed, it gives an option, and what else it says is operands
(paths, names with digits or punctuation, the program's subcommands, other programs) with at most
one plain word — "ls -lt newest first" and "grep -r TODO in src" are requests, not commands. A suite's
subcommand with a page of its own, said second, does without an option ("git push", "kubectl get pods")
when no other word is one of the language's ("git log last week" is a request).
"""

from __future__ import annotations

import re

from nlshell.offline.commands import shell_words
from nlshell.offline.index import OfflineIndex
from nlshell.offline.names import language_word
from nlshell.offline.vocabulary import vocabulary

_OPTION = re.compile(r"^--?[A-Za-z]")
_PLAIN = re.compile(r"^[A-Za-z]+$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)*$")
_WRAPPERS = frozenset({"sudo", "doas", "env", "time", "nohup", "nice"})
_PLAIN_WORDS = 1  # plain words besides subcommands and programs a command may hold
_PARTICLES = frozenset({"up", "down", "on", "off", "out", "in"})  # `docker compose up`, `vagrant up`, `docker login`


def typed_command(index: OfflineIndex, request: str) -> str | None:
    """The request itself when it is a command to run as typed, else None."""
    text = request.strip()
    if "{{" in text or text.endswith(("?", ".")) or "," in text:
        return None
    try:
        words = shell_words(text)
    except ValueError:
        return None
    k = 0
    while k < len(words) and words[k] in _WRAPPERS:
        k += 1
    if len(words) - k < 2:
        return None
    program = words[k]

    def exists(name: str) -> bool:
        return bool(index.pages_named((name,))) or index.installed(name) is True

    if not _PLAIN.match(program.replace("-", "").replace("_", "").rstrip("0123456789")) or not exists(program):
        return None
    optioned = any(_OPTION.match(w) for w in words[k + 1 :])
    # without an option, a suite's subcommand said second makes it a command ("git push", "kubectl get
    # pods"), its other words operands no word of the language names ("docker ps all" is asked)
    if not optioned and not index.pages_named((f"{program}-{words[k + 1].lower()}",)):
        return None
    table = vocabulary()
    english = table.stop | table.read_verbs | table.change_verbs
    plain = 0
    command_word = True  # the word before is the program or one of its subcommands
    for word in words[k + 1 :]:
        was_command_word, command_word = command_word, False
        if not optioned and _NUMBER.match(word):
            return None  # "pip install django 4.2": a version said as words, no operand `4.2`
        if _OPTION.match(word) or not _PLAIN.match(word):
            continue  # an option, a path, a number, `www-data`, `node:20`
        low = word.lower()
        if index.pages_named((f"{program}-{low}",)) or (low not in english and exists(low)):
            command_word = True
            continue  # `git log`, `apt install -y nginx curl`, `docker compose …`
        if low in english and not (was_command_word and low in _PARTICLES):
            return None  # "ls -la but only the directories": words of a request
        if not optioned and (low in english or language_word(low, table)):
            return None  # "git log last week" asks for commits, `git log last week` would be no command
        plain += 1  # `docker compose up -d`: a subcommand's own word
    return text if plain <= _PLAIN_WORDS else None
