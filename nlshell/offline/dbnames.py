"""A database a request names without the words that usually say so ("the database shop", "shop
db"): by its name's shape ("apply migration.sql to mydb on mysql": mydb, app_db, orders-db) or
as what the database is said to be ("how many rows in users? mysql db is app"). Only in a request
that says a database's client or the word database: elsewhere "is app" is a sentence. Without
this the name was a search word, and `{{database_name}}` stayed open.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlshell.offline.statements import DATABASES
from nlshell.offline.value import Value

_CLIENTS = DATABASES | {"pg", "mongo", "mongosh"}  # the words that say a database, and two more ways of saying it
_DB_SHAPED = re.compile(r"^[a-z][a-z0-9]*[_-]?db$")  # mydb, appdb, app_db, orders-db
_STORES = frozenset("mongodb influxdb couchdb rocksdb leveldb duckdb timescaledb surrealdb arangodb rethinkdb".split())
_SAID_TO_BE = frozenset({"db", "database"})  # "mysql db is app"


def read(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Callable[..., None],
         plain: Callable[[str], bool]) -> None:
    """Add the database a request names by shape or as what its database is."""
    if _CLIENTS.isdisjoint(lower) or any(v.kind == "database" for v in values):
        return
    for i, word in enumerate(lower):
        if i in taken:
            continue
        shaped = word not in _CLIENTS and word not in _STORES and bool(_DB_SHAPED.fullmatch(word))
        said_to_be = i >= 2 and lower[i - 1] == "is" and lower[i - 2] in _SAID_TO_BE and plain(word)
        if shaped or said_to_be:
            add("database", tokens[i], i)
            values.sort(key=lambda v: v.at)
            return
