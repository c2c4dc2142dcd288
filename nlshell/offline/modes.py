"""The permission a request gives or takes, written as chmod's symbolic mode: "take away write
permission for others" is `o-w`, "give the group execute permission" `g+x`, "let everyone read it"
`a+r`; "make it read only" takes write away from everyone, `a-w`.

Which example a chmod request gets is the ranking's; its words often name another class or
permission than the example's own (`g+w` for "give the group execute permission"). When the
request says both what to do (give or take away) and which permission, the example's symbolic
mode is written again from those words — the class from who it says (owner, group, others,
everyone; "everyone else" is the others), or none, as chmod reads `+x`. A numeric mode (`600`) says
more than the words and stays. The words are the word table's `mode:…` lines.
"""

from __future__ import annotations

import functools
import re

from nlshell.offline.vocabulary import WORD, vocabulary

_SYMBOLIC = re.compile(r"^[ugoa]*[-+=][rwxXst]+(?:,[ugoa]*[-+=][rwxXst]+)*$")
_CLASSES = "ugoa"
_PERMISSIONS = "rwx"
_NEGATIONS = frozenset("not don t no nobody never cannot can without only except but".split())


@functools.cache
def _words() -> dict[str, str]:
    """Word → the letter or sign it says (`others` → o, `revoke` → -)."""
    return {word: role.split(":", 1)[1] for role, words in vocabulary().around.items() if role.startswith("mode:")
            for word in words}


def mode(request: str) -> str:
    """The symbolic mode the request's words say, or "" when they do not say both the action and the permission."""
    said = WORD.findall(request.lower())
    if _read_only(said):
        who = "".join(c for c in _CLASSES if c in {_words().get(word) for word in said})
        return (who if who and "a" not in who else "a") + "-w"  # "read only for everyone": nobody writes it
    if not _NEGATIONS.isdisjoint(said):
        return ""  # "don't let others read it", "so nobody can write": what the words deny, the example says better
    letters = [_words()[word] for word in said if word in _words()]
    signs = [letter for letter in letters if letter in "+-"]
    permissions = "".join(p for p in _PERMISSIONS if p in letters)
    if not signs or not permissions or len(set(signs)) > 1:
        return ""
    classes = {letter for letter in letters if letter in _CLASSES}
    if "o" in classes:
        classes.discard("a")  # "everyone else": the others
    if "a" in classes and len(classes) > 1:
        classes = {"a"}
    who = "".join(c for c in _CLASSES if c in classes)
    return who + signs[0] + permissions


def _read_only(said: list[str]) -> bool:
    """The request makes something read only ("readonly", "read-only", "read only"): write is taken away."""
    return any(_words().get(word) == "readonly" for word in said) or any(
        first == "read" and then == "only" for first, then in zip(said, said[1:]))


def rewritten(request: str, command: str) -> str:
    """`command` with its chmod symbolic mode written as the request says it; unchanged otherwise."""
    words = command.split()
    if not words or words[0] not in ("chmod", "sudo") or "chmod" not in words[:2]:
        return command
    for k, word in enumerate(words):
        if _SYMBOLIC.match(word):
            said = mode(request)
            if not said or said == word:
                return command
            words[k] = said
            return " ".join(words)
    return command
