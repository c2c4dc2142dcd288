"""The fields a request about JSON names: "just the names from the users.json array" (`.name`),
"pull the id of every item out of items.json" (`.id`), "the lines of app-log.json where level is
error" (`select(.level == "error")`).

A field is said as an everyday noun, often plural for the field of every object ("the names"),
so nothing else reads it as a value and `jq '.[].{{key}}'` stayed a template (or lost to `jq
'length'`, which fills its file and nothing else). Only in a request about JSON (a `.json` file,
or the words json or jq): a noun of the word table's `around json_fields` line is the key, in the
singular; a name said with what holds it ("the results array", "the status field") is a key as said;
"where X is Y" ("where enabled is true", "with status failed") is a key and the value it must have.
"""

from __future__ import annotations

import re

from nlshell.offline.value import Add, Value

_JSON_WORDS = frozenset({"json", "jq", "jsonl"})
_IS = frozenset({"is", "=", "==", "equals", "is:"})
_SELECTING = frozenset({"where", "whose", "with"})  # "where level is error", "whose status is failed", "with status failed"
_HOLDERS = frozenset({"array", "list", "field", "key", "object"})  # "the results array", "the status field"
# A jq path said as jq writes it: `.version`, `.items[].id`, `.data.users[0].name`.
JQ_PATH = re.compile(r"\.[A-Za-z_]\w*(?:\[\d*\])?(?:\.[A-Za-z_]\w*(?:\[\d*\])?|\[\d*\])*")
_ONLY = frozenset({"just", "only"})
_NOT_COLUMNS = frozenset("the a an columns column fields field keys into to from as in please then".split())
_PER_ITEM = frozenset({"every", "each", "array", "all", "items", "elements", "entries", "objects"})
_WHICH = frozenset("top-level toplevel top root outer inner outermost main whole entire first last nested json same big".split())


def _about_json(values: list[Value], lower: list[str]) -> bool:
    return bool(_JSON_WORDS.intersection(lower)) or any(v.text.lower().endswith((".json", ".jsonl")) for v in values)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _columns(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Add) -> bool:
    """"accounts.json → csv with just id and email": the keys that become the columns, two or more
    after "with", "just" or "only", joined by "and" or commas; whether it read them."""
    for i, word in enumerate(lower):
        if word not in ("with", "just", "only"):
            continue
        k = i + 1 + (lower[i + 1 : i + 2] in (["just"], ["only"]))
        names: list[tuple[int, str]] = []
        while k < len(lower):
            if lower[k] == "and" and names:
                k += 1
                continue
            name = tokens[k].strip(",")
            if k in taken or not re.fullmatch(r"[A-Za-z_]\w*", name) or lower[k].strip(",") in _NOT_COLUMNS:
                break
            names.append((k, name))
            k += 1
        if len(names) >= 2:
            for at, name in names:
                add("key", name, at)
            values.sort(key=lambda v: v.at)
            return True
    return False


def read(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Add) -> None:
    """Add the key (and the value it must have) a request about JSON names."""
    if not _about_json(values, lower):
        return
    for i, token in enumerate(tokens):
        if JQ_PATH.fullmatch(token) and not token.lower().endswith((".json", ".jsonl")):
            # "pull out .items[].id from items.json": the path as said, behind the dot of `jq '.{{key}}'`
            values[:] = [v for v in values if v.at != i]
            # said of every item ("get .name of every item, it's an array"), it may follow `.[]`
            add("key", token[1:], i, role="" if _PER_ITEM & set(lower) else "path")
            values.sort(key=lambda v: v.at)
            return
    if any(v.kind == "key" for v in values):
        return
    if "csv" in lower and _columns(values, tokens, lower, taken, add):
        return
    from nlshell.offline.vocabulary import vocabulary

    table = vocabulary()
    fields = table.around.get("json_fields", frozenset())
    free = {i for i in range(len(lower)) if i not in taken or any(v.at == i and v.kind == "action" for v in values)}
    for i, word in enumerate(lower[:-2]):
        said_is = lower[i + 2] in _IS and i + 3 < len(lower)
        at = i + 3 if said_is else i + 2  # "where level is error", "the ones with status failed"
        if word in _SELECTING and (said_is or word == "with") and {i + 1, at} <= free and lower[at] not in table.stop and (
            lower[i + 1] not in _ONLY  # "to csv with just id and email": which fields, no key with a value
        ):
            values[:] = [v for v in values if v.at not in (i + 1, at)]  # "status" is no systemctl action here
            add("key", tokens[i + 1], i + 1)
            add("value", tokens[at].strip("'\"").rstrip(",.;?"), at)
            values.sort(key=lambda v: v.at)
            return
    for i, word in enumerate(lower[:-1]):
        if i not in taken and lower[i + 1] in _HOLDERS and i > 0 and lower[i - 1] in ("the", "its", "that") and word not in _WHICH:
            add("key", tokens[i], i)  # "the items in the results array": the key `results`, as said
            values.sort(key=lambda v: v.at)
            return
    for i, word in enumerate(lower):
        if i not in taken and (word in fields or _singular(word) in fields) and not (i and lower[i - 1] == "top"):
            add("key", _singular(tokens[i].lower()), i)  # not "the top level keys": those are `keys`, no key `level`
            values.sort(key=lambda v: v.at)
            return
