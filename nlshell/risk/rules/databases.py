"""Databases: SQL given on the command line, in a heredoc or piped in is read for what it does.
Dropping or truncating a database, schema or table, or deleting every row, loses the data for
good; other writes are caution. Redis FLUSHALL, mysqladmin drop and dropdb likewise."""

from __future__ import annotations

import re

from nlshell.risk.book import Row, Rule, given, hook, program
from nlshell.risk.facts import heredoc_body, literal_output
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE

_DESTRUCTIVE_SQL = re.compile(
    r"(?is)\b(?:drop\s+(?:database|schema|table|keyspace|user|owned)|truncate\s+(?:table\s+)?\w|delete\s+from\s+"
    r"[\w.\"`]+\s*(?:;|$)|dropDatabase\s*\(|\.drop\s*\(\s*\)|flushall|flushdb|deleteMany\s*\(\s*\{\s*\}\s*\))"
)
_WRITING_SQL = re.compile(
    r"(?is)\b(?:insert|update|delete|alter|create|grant|revoke|replace|merge|rename|drop|vacuum|reindex|set)\b"
)
_CLIENTS = ("psql", "mysql", "mariadb", "sqlite3", "clickhouse-client", "cqlsh", "mongo", "mongosh", "redis-cli")
_CODE_OPTIONS = {
    "psql": ("-c", "--command"),
    "mysql": ("-e", "--execute"),
    "mariadb": ("-e", "--execute"),
    "clickhouse-client": ("-q", "--query"),
    "cqlsh": ("-e", "--execute"),
    "mongo": ("--eval",),
    "mongosh": ("--eval",),
}


def _upper_words(cmd) -> list:
    return [a.text.upper() for a in cmd.args]


def _redis(*commands: str):
    def when(cmd, parsed) -> dict | None:
        given = next((c for c in commands if c in _upper_words(cmd)), None)
        return {"command": given} if given else None

    return when


ROWS = [
    Row("databases.redis-flush", DANGEROUS, "redis-cli {command} deletes every key", "redis-cli",
        when=_redis("FLUSHALL", "FLUSHDB")),
    Row("databases.redis-change", CAUTION, "changes data in Redis", "redis-cli",
        when=_redis("DEL", "UNLINK", "SHUTDOWN", "CONFIG")),
    Row("databases.drop-database", DANGEROUS, "deletes a whole database ({tool})", "mysqladmin",
        when=given("drop")),
    Row("databases.server-change", CAUTION, "mysqladmin changes the server ({sub})", "mysqladmin",
        "shutdown|flush-hosts|flush-logs|flush-privileges|kill|password|create|reload|refresh"),
    Row("databases.drop-database-asked", CAUTION, "dropdb deletes a whole database (after asking)", "dropdb",
        flags="-i --interactive"),
    Row("databases.drop-database", DANGEROUS, "deletes a whole database ({tool})", "dropdb"),
    Row("databases.drop-user", CAUTION, "deletes a database user", "dropuser"),
]

RULES = [
    Rule("databases.destroy", DANGEROUS, "runs `{statement}`: the data is gone for good"),
    Rule("databases.write", CAUTION, "changes data in the database"),
]


@program(*_CLIENTS[:-1])  # not redis-cli: its rows above say what its commands do
def sql_client(ctx, cmd) -> None:
    name = cmd.name
    words = [a.text for a in cmd.args]
    options = _CODE_OPTIONS.get(name, ())
    sql = None
    for i, w in enumerate(words):
        if w in options and i + 1 < len(words):
            sql = words[i + 1]
        elif any(w.startswith(option + "=") for option in options if option.startswith("--")):
            sql = w.split("=", 1)[1]
        elif name in ("mysql", "mariadb") and w.startswith("-e") and len(w) > 2:
            sql = w[2:]
    if name == "sqlite3":
        operands = [w for w in words if not w.startswith("-")]
        if len(operands) >= 2:
            sql = " ".join(operands[1:])
    if sql is None:
        sql = heredoc_body(cmd)
    if sql:
        statement(ctx, cmd, sql)


@hook("pipe")
def piped_sql(ctx, cmd, upstream) -> None:
    """`echo 'DROP TABLE users;' | mysql app`."""
    if cmd.name in _CLIENTS:
        sql = literal_output(upstream)
        if sql:
            statement(ctx, cmd, sql)


def statement(ctx, cmd, sql: str) -> None:
    m = _DESTRUCTIVE_SQL.search(sql)
    if m:
        ctx.add("databases.destroy", cmd, statement=m.group(0).strip().rstrip(";")[:40])
    elif _WRITING_SQL.search(sql):
        ctx.add("databases.write", cmd)


EXAMPLES = [
    ("redis-cli FLUSHALL", DANGEROUS, "databases.redis-flush"),
    ("redis-cli GET key", SAFE, "not databases.redis-flush"),
    ("redis-cli DEL key", CAUTION, "databases.redis-change"),
    ("redis-cli KEYS '*'", SAFE, "not databases.redis-change"),
    ("mysqladmin -u root drop app", DANGEROUS, "databases.drop-database"),
    ("dropdb prod", DANGEROUS, "databases.drop-database"),
    ("mysqladmin status", SAFE, "not databases.drop-database"),
    ("mysqladmin flush-logs", CAUTION, "databases.server-change"),
    ("mysqladmin version", SAFE, "not databases.server-change"),
    ("dropdb -i prod", CAUTION, "databases.drop-database-asked"),
    ("createdb prod", SAFE, "not databases.drop-database-asked"),
    ("dropuser bob", CAUTION, "databases.drop-user"),
    ("createuser bob", SAFE, "not databases.drop-user"),
    ("psql -c 'DROP DATABASE prod'", DANGEROUS, "databases.destroy"),
    ('mysql -e "drop database app"', DANGEROUS, "databases.destroy"),
    ("echo 'DROP TABLE users;' | mysql app", DANGEROUS, "databases.destroy"),
    ("sqlite3 app.db 'DELETE FROM users;'", DANGEROUS, "databases.destroy"),
    ("psql -c 'DELETE FROM users WHERE id=2'", CAUTION, "not databases.destroy"),
    ("psql -c 'UPDATE users SET a=1 WHERE id=2'", CAUTION, "databases.write"),
    ("psql -c 'SELECT * FROM users'", SAFE, "not databases.write"),
]
