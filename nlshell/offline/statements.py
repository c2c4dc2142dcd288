"""An SQL statement said in a request without quotes: "run select count(*) from users against
postgres db crm" is `psql crm -c 'select count(*) from users'`. Read word by word, `count(*)` was a
glob and "from users" a folder to copy from (`psql crm -f users/'count(*'`, rated caution for a
look). The statement runs from its verb to the end, or to the word that says where it runs.
"""

from __future__ import annotations

# a statement's verb → a word it needs after it ("select … from", "insert into", "update … set")
_VERBS = {"select": "from", "delete": "from", "insert": "into", "update": "set"}
_WHERE = frozenset({"against", "on", "in", "inside", "with", "using", "via"})  # "… against postgres db crm"
DATABASES = frozenset("postgres postgresql psql mysql mariadb sqlite sqlite3 db database".split())


def statement_end(raw: list[str], lower: list[str], i: int) -> int | None:
    """The index of the last word of the SQL statement that starts at word `i`, or None."""
    needed = _VERBS.get(lower[i])
    if needed is None or DATABASES.isdisjoint(lower) or needed not in lower[i + 1 :]:
        return None
    end = len(lower) - 1
    for j in range(lower.index(needed, i + 1) + 2, len(lower)):
        if lower[j] in _WHERE and not DATABASES.isdisjoint(lower[j + 1 : j + 4]):
            end = j - 1
            break
    sql = " ".join(raw[i : end + 1])
    # written as SQL is: a star, a call, a comparison, a WHERE, or its verb in capitals ("select everything
    # from the users table" is a person's words)
    written = any(mark in sql for mark in ("*", "(", "=", ";")) or " where " in sql.lower() or raw[i].isupper()
    return end if written else None
