"""Names said as owners: "bob's crontab", "reset carol's password", "alice's home dir".

A word with 's names what the noun after it belongs to. The noun says the owner's kind: "sshd's
PID" is a process, "olduser's account" a user (the word table's `of` and `value` lines), and the
things people have on a machine (the word table's `around owned_by_users` line: password, crontab,
processes, files …) make the owner a user. "alice's home dir" is the place `~alice`. A kind said with 's (`around owner_kinds`: "the deploy user's
password", "the web service's logs") owns through the name before it: the user deploy. A program
("nginx's processes") or a word that is no one (`around not_owners`: the system's, today's) owns
nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlshell.offline.vocabulary import Vocabulary

_POSSESSIVE = re.compile(r"^([a-z0-9][\w.-]*)['’]s$", re.I)
_HOME_NOUNS = frozenset({"dir", "directory", "folder"})
_INTO = frozenset({"to", "into"})
_NAME = re.compile(r"^[a-z_][a-z0-9_.-]*$")  # a user's or a thing's name, as written


def read(add: Callable[..., None], tokens: list[str], lower: list[str], i: int, table: Vocabulary) -> bool:
    """The owner at token `i` when it is said with 's; whether it read one."""
    possessive = _POSSESSIVE.match(tokens[i])
    if not possessive:
        return False
    owner = possessive.group(1)
    if owner.lower() in table.around["not_owners"]:
        return False  # "what's user deploy running": what is, no owner named "what"
    after = lower[i + 1] if i + 1 < len(lower) else ""
    named = table.value_words.get(owner.lower(), "") if owner.lower() in table.around["owner_kinds"] else ""
    if named and i and _NAME.fullmatch(lower[i - 1]) and lower[i - 1] not in table.stop:
        add(named, tokens[i - 1], i - 1, last=i)  # "the deploy user's password": the user deploy
        return True
    kind = table.of_words.get(after) or table.value_words.get(after, "")  # "sshd's PID", "olduser's account"
    if kind and kind not in ("pattern", "name"):
        add(kind, owner, i)
        return True
    if _software(owner):
        return False
    if after == "home":
        last = i + 2 if lower[i + 2 : i + 3] and lower[i + 2] in _HOME_NOUNS else i + 1
        role = "to" if i and lower[i - 1] in _INTO else "in"
        add("dir", "~" + owner, i, role, last=last)  # "alice's home dir": her home
        return True
    owned = table.around["owned_by_users"]
    if after in owned or (lower[i + 2 : i + 3] and lower[i + 2] in owned and after not in table.stop):
        add("user", owner, i)  # "carol's password", "bob's old files"
        return True
    return False


_OWNED_BY = frozenset({"for", "of", "by"})
_OWNING = frozenset({"owned", "run", "started", "belonging"})  # "files owned by bob"
_SELF = frozenset({"me", "myself", "us", "everyone", "everybody", "all"})
# what things are ordered by, never their owner: "list files by modification date newest first"
_SORT_KEYS = frozenset("modification modified date name size time type extension age length".split())


def owner_after(add: Callable[..., None], tokens: list[str], lower: list[str], i: int, table: Vocabulary) -> bool:
    """"the cron jobs for www-data", "processes of deploy", "files owned by bob": a name after what
    people have on a machine and for/of/by is its owner, a user (software is no one: "the
    processes of nginx"); whether it read one."""
    if i < 2 or lower[i - 1] not in _OWNED_BY or not _NAME.fullmatch(lower[i]) or "." in lower[i]:
        return False
    owned = table.around["owned_by_users"]
    noun = lower[i - 2] if lower[i - 2] not in _OWNING else lower[i - 3] if i > 2 else ""
    if noun not in owned or noun in table.around["attribute"] or lower[i] in table.stop | _SELF | _SORT_KEYS:
        return False  # "the permissions of script.sh" are a file's; "files sorted by size" no one's
    if _no_one(lower[i], table):
        return False
    add("user", tokens[i], i)
    return True


_PRONOUNS = frozenset({"his", "her", "their"})


def named_first(add: Callable[..., None], tokens: list[str], lower: list[str], i: int, table: Vocabulary) -> bool:
    """"bob left the company, lock his account", "bob's last day was friday, disable his login": the
    name a request opens with is the person "his"/"her" things are later said of, a user."""
    if i != 0 or len(lower) < 3:
        return False
    name = _POSSESSIVE.match(tokens[0])
    word = (name.group(1) if name else tokens[0]).lower()
    owned = table.around["owned_by_users"]
    if not any(w in _PRONOUNS and nxt in owned for w, nxt in zip(lower[1:], lower[2:])):
        return False
    verbs = table.read_verbs | table.change_verbs
    if not _NAME.fullmatch(word) or word in table.stop | verbs | _SELF or (not name and lower[1] in verbs):
        return False  # "git reset his files": a program and its verb
    if _no_one(word, table):
        return False
    add("user", name.group(1) if name else tokens[0], 0)
    return True


def named_with_own(add: Callable[..., None], tokens: list[str], lower: list[str], i: int, table: Vocabulary) -> bool:
    """"delete tempuser and their home dir", "lock bob and his crontab": a name right after the
    request's verb, then "and" and what people have, is a user."""
    if i != 1 or len(lower) < 5 or lower[0] not in table.change_verbs or lower[2] != "and" or lower[3] not in _PRONOUNS:
        return False
    if lower[4] not in table.around["owned_by_users"] and lower[4] != "home":
        return False
    word = lower[1]
    if not _NAME.fullmatch(word) or word in table.stop or _no_one(word, table):
        return False
    add("user", tokens[1], 1)
    return True


def person(add: Callable[..., None], tokens: list[str], lower: list[str], i: int, table: Vocabulary) -> bool:
    """"bob should be able to read …", "make sam change his password", "take jake out of the docker
    group": a person's first name (the word table's `around people`) said first, or right after a
    verb, is the user acted on; elsewhere ("grep for alice") it may be a text."""
    if lower[i] not in table.around.get("people", ()):
        return False
    before = lower[i - 1] if i else ""
    granted = lower[i + 1 : i + 3]
    if before in table.around["giving"] and len(granted) == 2 and granted[0] not in table.around["not_groups"] and (
        granted[1] in table.around["rights"]
    ):
        return False  # "give sam sudo rights": who gets what, read with the group that grants it (phrases.py)
    if i and before not in table.change_verbs and before not in table.read_verbs and before not in _ACTING:
        return False
    add("user", tokens[i], i)
    return True


_ACTING = frozenset({"make", "let", "take", "give", "help", "allow", "lock", "unlock", "kick", "ban", "is", "does", "can"})


def _no_one(word: str, table: Vocabulary) -> bool:
    """A word that names no user: no one's (`not_owners`), software's, or one that introduces a value."""
    return word in table.around["not_owners"] or _software(word) or word in table.value_words


def _software(word: str) -> bool:
    from nlshell.offline.software import is_software

    return is_software(word)
