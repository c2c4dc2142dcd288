"""Users a request names without the word "user": by an account's shape or a well-known account's
name ("remove olduser completely", "what is www-data running right now"), or as who is asked about
in "is deploy in the sudo group". Without this they were folders, search words or nothing. Also the
group people call "the sudoers group", which is `sudo` (Debian, Ubuntu) and never a group of that name.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from nlshell.offline.value import Value
from nlshell.offline.vocabulary import Vocabulary

# A name made of "user" and a word or number is a user's: olduser, tempuser, testuser2, user42.
_ACCOUNT_SHAPED = re.compile(r"[a-z]{2,}user\d*|user\d+")
# What people call the group whose members may use sudo: its name on Debian and Ubuntu is `sudo`.
_SUDO_GROUP_NAMES = frozenset({"sudoers", "sudoer", "sudoer's", "sudoers'"})


def read(add: Callable, token: str, low: str, i: int, role_at: Callable[[int], str], table: Vocabulary,
         kind: str = "user") -> bool:
    """A user said by an account's shape or name (or its group, `kind`, where the request gives a
    group: "change the group of uploads/ to www-data"); whether one was read."""
    if (_ACCOUNT_SHAPED.fullmatch(low) and low not in table.stop) or low in table.around["account_names"]:
        add(kind, token, i, role_at(i))
        return True
    return False


def member(add: Callable, token: str, lower: list[str], i: int, named: Callable[[str], bool]) -> bool:
    """"is deploy in the sudo group": the user asked about is the word after "is"; whether one was read."""
    if (
        i == 1 and lower[0] in ("is", "was") and lower[i + 1 : i + 2] == ["in"]
        and {"group", "groups"} & set(lower[i + 2 : i + 5]) and named(lower[i])
    ):
        add("user", token, i)
        return True
    return False


def sudo_group(values: list[Value]) -> None:
    """"put bob in the sudoers group": `usermod -aG sudo bob`, not a group called sudoers."""
    for n, value in enumerate(values):
        if value.kind == "group" and value.text.lower() in _SUDO_GROUP_NAMES:
            values[n] = dataclasses.replace(value, text="sudo")
