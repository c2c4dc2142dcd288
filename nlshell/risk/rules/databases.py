"""Databases: SQL given on the command line, in a heredoc or piped in is read for what it does.
Dropping or truncating a database, schema or table, or deleting every row, loses the data for
good; other writes are caution. Redis FLUSHALL, mysqladmin drop and dropdb likewise."""

from __future__ import annotations

import re

from nlshell.risk.book import Row, Rule, given, hook, program
from nlshell.risk.facts import file_key, heredoc_body, literal_output, shown
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.risk.rules.writes import output_named
from nlshell.shell.collect import opaque_code as opaque
from nlshell.shell.model import Word
from nlshell.shell.patterns import lazy

# Statements that lose data at broad scope: a whole database, schema, table or column, or every row
# (a DELETE or UPDATE with no WHERE, or one that is always true), in SQL or a Mongo shell.
_DESTRUCTIVE_SQL = lazy(
    r"(?is)\b(?:drop\s+(?:database|schema|table|keyspace|user|owned|collection)|truncate\s+(?:table\s+)?\w|"
    r"alter\s+table\s+[\w.\"`]+\s+drop\s+(?:column\s+)?(?!constraint\b|index\b|key\b|primary\b|foreign\b)\w|"
    r"dropDatabase\s*\(|\.drop\s*\(\s*\)|flushall|flushdb|(?:deleteMany|remove)\s*\(\s*(?:\{\s*\})?\s*\))"
)
_EVERY_ROW = lazy(
    r"(?is)^\s*(?P<verb>delete\s+from|update)\s+[\w.\"`\[\]]+(?:\s+(?:as\s+)?(?!where\b|set\b)\w+)?(?P<rest>.*)$"
)
_ALWAYS_TRUE = lazy(r"(?is)\bwhere\s+(?:1\s*=\s*1|true|1|'(\w*)'\s*=\s*'\1')\s*$")
_SQL_COMMENT = lazy(r"--[^\n]*|/\*.*?\*/", re.S)
_WRITING_SQL = lazy(
    r"(?is)\b(?:insert|update|delete|alter|create|grant|revoke|replace|merge|rename|drop|vacuum|reindex|set)\b"
)
# `SHOW CREATE TABLE t`, `DESCRIBE t`: statements that only show, whatever words follow
_ONLY_SHOWS = lazy(r"(?is)^\s*(?:show|describe|desc)\s")
_CLIENTS = ("psql", "mysql", "mariadb", "sqlite3", "duckdb", "sqlcmd", "clickhouse-client", "cqlsh", "mongo", "mongosh",
            "redis-cli")
_CODE_OPTIONS = {
    "psql": ("-c", "--command"),
    "mysql": ("-e", "--execute", "--init-command"),
    "mariadb": ("-e", "--execute", "--init-command"),
    "clickhouse-client": ("-q", "--query"),
    "cqlsh": ("-e", "--execute"),
    "mongo": ("--eval",),
    "mongosh": ("--eval",),
    "sqlcmd": ("-Q", "-q"),
}
# Options naming a file of statements to run: the rater cannot read it.
_FILE_OPTIONS = {
    "psql": ("-f", "--file"),
    "sqlite3": ("-init",),
    "duckdb": ("-init", "-f"),
    "clickhouse-client": ("--queries-file",),
    "cqlsh": ("-f", "--file"),
    "mongosh": ("-f", "--file"),
    "sqlcmd": ("-i",),
}


def _upper_words(cmd) -> list:
    return [a.text.upper() for a in cmd.args]


def _redis(*commands: str):
    def when(cmd, parsed) -> dict | None:
        said = set(_upper_words(cmd))  # read once, not once per command listed
        given = next((c for c in commands if c in said), None)
        return {"command": given} if given else None

    return when


def given_db(cmd, parsed) -> bool:
    """pg_restore writes into a database only with -d/--dbname (else it prints SQL)."""
    return parsed.has("d", "--dbname") or any(a.text.startswith(("-d", "--dbname")) for a in cmd.args)


_STORE = "{tool} {sub} {what}"


def _says(what: str):
    """A `when` that always holds and says what the command deletes."""
    return lambda cmd, parsed: {"what": what}


ROWS = [
    Row("databases.redis-flush", DANGEROUS, "redis-cli {command} deletes every key", "redis-cli",
        when=_redis("FLUSHALL", "FLUSHDB")),
    Row("databases.redis-change", CAUTION, "changes data in Redis", "redis-cli",
        when=_redis("DEL", "UNLINK", "SHUTDOWN", "CONFIG",
                    # what writes a key: a look at a value must never be answered with one
                    "SET", "SETEX", "PSETEX", "SETNX", "MSET", "MSETNX", "GETSET", "GETDEL", "GETEX", "APPEND",
                    "INCR", "INCRBY", "INCRBYFLOAT", "DECR", "DECRBY", "EXPIRE", "PEXPIRE", "EXPIREAT", "PERSIST",
                    "RENAME", "RENAMENX", "MOVE", "COPY", "RESTORE", "HSET", "HMSET", "HSETNX", "HDEL", "HINCRBY",
                    "LPUSH", "RPUSH", "LPOP", "RPOP", "LSET", "LREM", "LTRIM", "SADD", "SREM", "SPOP", "SMOVE",
                    "ZADD", "ZREM", "ZINCRBY", "XADD", "XDEL", "XTRIM")),
    Row("databases.drop-database", DANGEROUS, "deletes a whole database ({tool})", "mysqladmin",
        when=given("drop")),
    Row("databases.server-change", CAUTION, "mysqladmin changes the server ({sub})", "mysqladmin",
        "shutdown|flush-hosts|flush-logs|flush-privileges|kill|password|create|reload|refresh"),
    Row("databases.drop-database-asked", CAUTION, "dropdb deletes a whole database (after asking)", "dropdb",
        flags="-i --interactive"),
    Row("databases.drop-database", DANGEROUS, "deletes a whole database ({tool})", "dropdb"),
    Row("databases.drop-user", CAUTION, "deletes a database user", "dropuser"),
    # message stores and search indexes: a topic, stream, queue or index is a table of its own
    Row("databases.delete-store", DANGEROUS, _STORE, "kafka-topics kafka-topics.sh", flags="--delete",
        when=_says("deletes a topic and every message in it")),
    Row("databases.delete-store", DANGEROUS, _STORE, "rpk", "topic delete",
        when=_says("deletes a topic and every message in it")),
    Row("databases.delete-store", DANGEROUS, _STORE, "nats", "stream|str rm|del|delete|purge",
        when=_says("deletes every message in the stream")),
    Row("databases.delete-store", DANGEROUS, _STORE, "rabbitmqctl", "reset|force_reset|delete_vhost|purge_queue",
        when=_says("deletes the broker's messages and settings")),
    Row("databases.delete-store", DANGEROUS, _STORE, "splunk", "clean|remove eventdata|index",
        when=_says("deletes an index and everything in it")),
    Row("databases.delete-store", DANGEROUS, _STORE, "rabbitmqadmin", "delete|purge queue",
        when=_says("deletes the queue's messages")),
    Row("databases.reset", DANGEROUS, "{tool} {sub} {what}", "supabase", "db reset", flags="--linked --db-url",
        when=_says("wipes the remote database")),
    Row("databases.reset", DANGEROUS, "{tool} {sub} {what}", "firebase", "firestore:delete",
        flags="--all-collections", when=_says("deletes every collection")),
    Row("databases.reset", DANGEROUS, "{tool} {sub} {what}", "rails rake",
        "db:drop|db:drop:all|db:reset|db:purge|db:purge:all|db:schema:load|db:structure:load|db:migrate:reset|"
        "db:seed:replant|db:truncate_all", when=_says("deletes the database's data")),
    Row("databases.reset", DANGEROUS, "{tool} {sub} {what}", "mix", "ecto.drop|ecto.reset",
        when=_says("deletes the database's data")),
    Row("databases.reset", DANGEROUS, "{tool} {sub} {what}", "artisan", "migrate:fresh|migrate:reset|migrate:refresh|db:wipe",
        when=_says("deletes every table")),
    Row("databases.reset", DANGEROUS, "{tool} {sub} {what}", "manage.py django-admin", "flush|reset_db|sqlflush",
        flags="--noinput --no-input", when=_says("deletes every row of every table without asking")),
    Row("databases.reset", DANGEROUS, "{tool} {sub} {what}", "prisma", "migrate reset", flags="-f --force",
        when=_says("drops the database without asking")),
    Row("databases.reset", DANGEROUS, "{tool} {sub} {what}", "prisma", "db push", flags="--force-reset",
        when=_says("drops the database without asking")),
    Row("databases.reset", DANGEROUS, "{tool} {sub} {what}", "alembic", "downgrade base",
        when=_says("undoes every migration (every table they made goes)")),
    Row("databases.reset", DANGEROUS, "{tool} {sub} {what}", "flyway", "clean",
        when=_says("drops every object in the schemas")),
    Row("databases.reset", DANGEROUS, "{tool} {sub} {what}", "liquibase", "dropAll|drop-all",
        when=_says("drops every object in the database")),
    Row("databases.reset", DANGEROUS, "{tool} {sub} {what}", "sequelize sequelize-cli",
        "db:drop|db:migrate:undo:all", when=_says("deletes the database's data")),
    Row("databases.reset", DANGEROUS, "{tool} {sub} {what}", "knex", "migrate:rollback", flags="--all",
        when=_says("undoes every migration (every table they made goes)")),
    Row("databases.downgrade", CAUTION, "{tool} {sub} undoes migrations (tables or columns they made may go)",
        "alembic", "downgrade"),
    Row("databases.downgrade", CAUTION, "{tool} {sub} undoes migrations (tables or columns they made may go)",
        "knex sequelize sequelize-cli", "migrate:rollback|db:migrate:undo"),
    Row("databases.reset-asked", CAUTION, "{tool} {sub} deletes the database's data (after asking)",
        "manage.py django-admin", "flush|reset_db"),
    Row("databases.reset-asked", CAUTION, "{tool} {sub} deletes the database's data (after asking)", "prisma",
        "migrate reset"),
    Row("databases.restore-over", DANGEROUS, "{tool} {flag} replaces the database's collections or tables with the "
        "backup (what changed since is lost)", "mongorestore", flags="--drop"),
    Row("databases.restore-over", DANGEROUS, "{tool} {flag} replaces the database's collections or tables with the "
        "backup (what changed since is lost)", "pg_restore", flags="-c --clean", when=given_db),
    Row("databases.mass-delete", DANGEROUS, "{tool} runner deletes every record of a model ({call})",
        "rails", "runner|r", when=lambda cmd, parsed: _mass_delete(cmd)),
]


def _mass_delete(cmd) -> dict | None:
    m = next((m for a in cmd.args if (m := re.search(r"\w+\.(?:destroy_all|delete_all)\b", a.text))), None)
    return {"call": m.group(0)} if m else None

RULES = [
    Rule("databases.destroy", DANGEROUS, "runs `{statement}`: the data is gone for good"),
    Rule("databases.write", CAUTION, "changes data in the database"),
    Rule("databases.unseen", CAUTION, "runs {what}, which is not read here (it may change or drop data)"),
]


@program(*_CLIENTS[:-1])  # not redis-cli: its rows above say what its commands do
def sql_client(ctx, cmd) -> None:
    name = cmd.name
    args = cmd.args
    words = [a.text for a in args]
    options = _CODE_OPTIONS.get(name, ())
    files = _FILE_OPTIONS.get(name, ())
    sql = given = None
    for i, w in enumerate(words):
        if w in options and i + 1 < len(words):
            sql, given = words[i + 1], args[i + 1]
        elif any(w.startswith(option + "=") for option in options if option.startswith("--")):
            sql, given = w.split("=", 1)[1], args[i]
        elif name in ("mysql", "mariadb") and w.startswith("-e") and len(w) > 2:
            sql, given = w[2:], args[i]
        elif (w in files and i + 1 < len(words)) or any(w.startswith(f + "=") for f in files if f.startswith("--")):
            ctx.add("databases.unseen", cmd, what="the statements in " + (words[i + 1] if w in files else w.split("=", 1)[1]))
            files = ()  # one file is enough to say so
    if name in ("sqlite3", "duckdb"):
        operands = [a for a in args if not a.text.startswith("-")]
        if len(operands) >= 2:
            sql, given = " ".join(a.text for a in operands[1:]), operands[-1]
            if sql.lstrip().startswith(".read"):
                ctx.add("databases.unseen", cmd, what="the statements in " + sql.split(None, 1)[-1])
    if name in ("mongo", "mongosh") and files and any(w.endswith(".js") and not w.startswith("-") for w in words):
        ctx.add("databases.unseen", cmd, what="the script " + next(w for w in words if w.endswith(".js")))
    if given is not None and opaque(given):
        ctx.add("databases.unseen", cmd, what="statements only known at run time (" + shown(given) + ")")
        return
    if sql is None:
        sql = heredoc_body(cmd)
        if sql is None and not any(w in files or w.startswith(tuple(f + "=" for f in files)) for w in words):
            _stdin_file(ctx, cmd)
    if sql:
        statement(ctx, cmd, sql)


def _stdin_file(ctx, cmd) -> None:
    """`mysql shop < dump.sql`: the statements are in a file (one this line wrote is read)."""
    for r in cmd.redirects:
        if r.op == "<" and r.target is not None and (r.fd in (None, "0")):
            if r.target.subs:  # `mysql < <(echo 'DROP DATABASE x')`
                written = literal_output(ctx.substitution_commands(r.target))
            else:
                written = ctx.written.get(file_key(r.target.text)) if r.target.literal else None
            if written is not None:
                statement(ctx, cmd, written)
            else:
                ctx.add("databases.unseen", cmd, what="the statements in " + shown(r.target))


@program("redis-cli")
def redis_commands(ctx, cmd) -> None:
    """`redis-cli < commands.txt` runs what the file says."""
    if not _given_code(cmd):
        _stdin_file(ctx, cmd)


# Dump tools that write the dump to the file an option names (to standard output without one), and
# their short options that take no value (`pg_dump -cf out.sql`: -c, then -f's file).
_DUMP_FILES = {
    "pg_dump": ("-f", "--file", "abcCOsvxwW"),
    "pg_dumpall": ("-f", "--file", "acgOrsStvwWx"),
    "mysqldump": ("-r", "--result-file", ""),
    "mariadb-dump": ("-r", "--result-file", ""),
}


@program(*_DUMP_FILES)
def dump_file(ctx, cmd) -> None:
    """`pg_dump -f FILE`, `mysqldump -r FILE`: the dump replaces FILE (`pg_dump -f app.py shop` writes
    over app.py)."""
    short, long, flags = _DUMP_FILES[cmd.name]
    args = cmd.args
    for i, a in enumerate(args):
        t = a.text
        if t == "--":
            return
        if t in (short, long) and i + 1 < len(args):
            output_named(ctx, cmd, args[i + 1])
        elif t.startswith(long + "="):
            output_named(ctx, cmd, Word(t.split("=", 1)[1]))
        elif t.startswith("-") and not t.startswith("--") and len(t) > 2:
            cluster = t[1:].lstrip(flags)  # the options before the first that takes a value
            if cluster[:1] == short[1]:
                rest = cluster[1:]
                if rest or i + 1 < len(args):
                    output_named(ctx, cmd, Word(rest) if rest else args[i + 1])


@hook("pipe")
def piped_sql(ctx, cmd, upstream) -> None:
    """`echo 'DROP TABLE users;' | mysql app`; `cat drop.sql | psql` runs what the rater cannot read."""
    if cmd.name in _CLIENTS and not _given_code(cmd):
        sql = literal_output(upstream)
        if sql:
            statement(ctx, cmd, sql)
        elif sql is None and upstream:
            ctx.add("databases.unseen", cmd, what=f"statements from the output of `{upstream[-1].name or 'a command'}`")


_VALUED = frozenset("-h -p -s -a -u -n -r -i -d -D --user --pass -c --command -f --file -e --execute -U -d --dbname".split())


def _given_code(cmd) -> bool:
    """The client runs statements given on its command line, not what it reads on stdin."""
    name, words = cmd.name, [a.text for a in cmd.args]
    flags = _CODE_OPTIONS.get(name, ()) + _FILE_OPTIONS.get(name, ())
    if any(w in flags or w.startswith(tuple(f + "=" for f in flags if f.startswith("--"))) for w in words):
        return True
    if name in ("mysql", "mariadb") and any(w.startswith("-e") for w in words):
        return True
    operands = [w for i, w in enumerate(words) if not w.startswith("-") and (i == 0 or words[i - 1] not in _VALUED)]
    return (name in ("sqlite3", "duckdb") and len(operands) >= 2) or (name == "redis-cli" and bool(operands))


def statement(ctx, cmd, sql: str) -> None:
    """What SQL (or a Mongo shell's code) does, statement by statement; comments are not code."""
    statements = _statements(_SQL_COMMENT.sub(" ", sql))
    for one in statements:
        m = _DESTRUCTIVE_SQL.search(one)
        if m:
            ctx.add("databases.destroy", cmd, statement=m.group(0).strip().rstrip(";")[:40])
            return
        every = _EVERY_ROW.match(one)
        if every and ("where" not in every.group("rest").lower() or _ALWAYS_TRUE.search(every.group("rest"))):
            verb = " ".join(every.group("verb").upper().split())
            ctx.add("databases.destroy", cmd, statement=f"{verb} … (every row)")
            return
    if any(_WRITING_SQL.search(one) for one in statements if not _ONLY_SHOWS.match(one)):
        ctx.add("databases.write", cmd)


def _statements(sql: str) -> list:
    """SQL split at `;` outside quotes."""
    parts, current, quote = [], [], None
    for c in sql:
        if quote:
            quote = None if c == quote else quote
        elif c in "'\"`":
            quote = c
        elif c == ";":
            parts.append("".join(current))
            current = []
            continue
        current.append(c)
    parts.append("".join(current))
    return [p for p in parts if p.strip()]


EXAMPLES = [
    ("redis-cli FLUSHALL", DANGEROUS, "databases.redis-flush"),
    ("redis-cli GET key", SAFE, "not databases.redis-flush"),
    ("mysql shop -e 'SHOW CREATE TABLE orders'", SAFE, "not databases.write"),
    ("mysql shop -e 'SHOW TABLES; CREATE TABLE t (id int)'", CAUTION, "databases.write"),
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
    ("kafka-topics --bootstrap-server b:9092 --delete --topic events", DANGEROUS, "databases.delete-store"),
    ("rpk topic delete events", DANGEROUS, "databases.delete-store"),
    ("nats stream purge EVENTS -f", DANGEROUS, "databases.delete-store"),
    ("rabbitmqctl delete_vhost /staging", DANGEROUS, "databases.delete-store"),
    ("kafka-topics --bootstrap-server b:9092 --list", SAFE, "not databases.delete-store"),
    ("nats stream info EVENTS", SAFE, "not databases.delete-store"),
    ("rabbitmqadmin purge queue name=jobs", DANGEROUS, "databases.delete-store"),
    ("rabbitmqadmin list queues", SAFE, "not databases.delete-store"),
    ("supabase db reset --linked", DANGEROUS, "databases.reset"),
    ("RAILS_ENV=production bin/rails db:reset", DANGEROUS, "databases.reset"),
    ("rake db:drop:all", DANGEROUS, "databases.reset"),
    ("mix ecto.reset", DANGEROUS, "databases.reset"),
    ("php artisan migrate:fresh --seed", DANGEROUS, "databases.reset"),
    ("python manage.py flush --noinput", DANGEROUS, "databases.reset"),
    ("npx prisma migrate reset --force", DANGEROUS, "databases.reset"),
    ("bin/rails db:migrate", SAFE, "not databases.reset"),
    ("python manage.py flush", CAUTION, "not databases.reset"),
    ("python manage.py flush", CAUTION, "databases.reset-asked"),
    ("python manage.py migrate", SAFE, "not databases.reset-asked"),
    ("alembic downgrade base", DANGEROUS, "databases.reset"),
    ("alembic downgrade -1", CAUTION, "not databases.reset"),
    ("alembic downgrade -1", CAUTION, "databases.downgrade"),
    ("alembic upgrade head", SAFE, "not databases.downgrade"),
    ("flyway clean", DANGEROUS, "databases.reset"),
    ("knex migrate:rollback --all", DANGEROUS, "databases.reset"),
    ("knex migrate:rollback", CAUTION, "databases.downgrade"),
    ("npx sequelize-cli db:migrate:undo:all", DANGEROUS, "databases.reset"),
    ("mongorestore --drop dump/", DANGEROUS, "databases.restore-over"),
    ("pg_restore --clean -d shop backup.dump", DANGEROUS, "databases.restore-over"),
    ("pg_restore --clean backup.dump", SAFE, "not databases.restore-over"),
    ("supabase db reset", CAUTION, "not databases.reset"),
    ("firebase firestore:delete --all-collections -y", DANGEROUS, "databases.reset"),
    ("firebase firestore:indexes", SAFE, "not databases.reset"),
    ("bin/rails runner 'Order.delete_all'", DANGEROUS, "databases.mass-delete"),
    ("bin/rails runner 'puts Order.count'", SAFE, "not databases.mass-delete"),
    ("psql -c 'DROP DATABASE prod'", DANGEROUS, "databases.destroy"),
    ('mysql -e "drop database app"', DANGEROUS, "databases.destroy"),
    ("echo 'DROP TABLE users;' | mysql app", DANGEROUS, "databases.destroy"),
    ("sqlite3 app.db 'DELETE FROM users;'", DANGEROUS, "databases.destroy"),
    ("psql -c 'DELETE FROM users WHERE id=2'", CAUTION, "not databases.destroy"),
    ("psql -c 'UPDATE accounts SET balance = 0'", DANGEROUS, "databases.destroy"),
    ("mysql -e 'DELETE FROM sessions WHERE 1=1'", DANGEROUS, "databases.destroy"),
    ("psql -c 'ALTER TABLE users DROP COLUMN email'", DANGEROUS, "databases.destroy"),
    ("mongosh --eval 'db.events.remove({})'", DANGEROUS, "databases.destroy"),
    ("psql -c 'ALTER TABLE users DROP CONSTRAINT users_email_key'", CAUTION, "not databases.destroy"),
    ("psql -c \"UPDATE users SET name = 'x' WHERE id = 2\"", CAUTION, "not databases.destroy"),
    ("psql -c '-- DROP TABLE users'", SAFE, "not databases.destroy"),
    ("psql -c 'UPDATE users SET a=1 WHERE id=2'", CAUTION, "databases.write"),
    ("psql -c 'SELECT * FROM users'", SAFE, "not databases.write"),
    ("psql -f migrate.sql", CAUTION, "databases.unseen"),
    ("sqlcmd -S db -i cleanup.sql", CAUTION, "databases.unseen"),
    ("sqlcmd -S db -Q 'DROP DATABASE shop'", DANGEROUS, "databases.destroy"),
    ("mysql shop < dump.sql", CAUTION, "databases.unseen"),
    ("gunzip -c dump.sql.gz | mysql shop", CAUTION, "databases.unseen"),
    ("psql -c \"$SQL\"", CAUTION, "databases.unseen"),
    ("sqlite3 app.db '.read cleanup.sql'", CAUTION, "databases.unseen"),
    ("mongosh app cleanup.js", CAUTION, "databases.unseen"),
    ("duckdb warehouse.db < load.sql", CAUTION, "databases.unseen"),
    ("echo 'DROP TABLE t;' > x.sql; psql < x.sql", DANGEROUS, "databases.destroy"),
    ("echo 'SELECT 1' | psql", SAFE, "not databases.unseen"),
    ("psql -c 'SELECT count(*) FROM users' < /dev/null", SAFE, "not databases.unseen"),
    ("psql -l", SAFE, "not databases.unseen"),
    ("redis-cli -h cache < commands.txt", CAUTION, "databases.unseen"),
    ("mysql < <(echo 'DROP DATABASE shop')", DANGEROUS, "databases.destroy"),
    ("pg_dump --schema-only shop", SAFE, "not databases.unseen"),
    # the dump's file is replaced (an offline answer offered `pg_dump -Fc {{database_name}} -f crm.dump`, rated safe)
    ("pg_dump -Fc crm -f crm.dump", CAUTION, "writes.output"),
    ("pg_dump --file=app.py shop", CAUTION, "writes.output"),
    ("pg_dump -cfbackup.sql shop", CAUTION, "writes.output"),
    ("pg_dump -Fc -f /etc/passwd shop", DANGEROUS, "writes.output-critical"),
    ("pg_dumpall -f all.sql", CAUTION, "writes.output"),
    ("mysqldump -r shop.sql shop", CAUTION, "writes.output"),
    ("mysqldump --result-file=shop.sql shop", CAUTION, "writes.output"),
    ("pg_dump -Fc shop", SAFE, "not writes.output"),
    ("pg_dump -Ff shop", SAFE, "not writes.output"),
    ("mysqldump -f shop", SAFE, "not writes.output"),
]
