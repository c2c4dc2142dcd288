"""HTTP clients (curl, wget, httpie/xh): what a request sends, deletes or overwrites.

Uploads are caution, a secret in one is sent off the machine (dangerous; caution to a local
server), DELETE and bodiless PUT/POST change something on a server, a DELETE of a data store's
whole index deletes everything in it, and `-o`/`-O` replace a local file (dangerous over a system
or start-up file). Each tool's options are read with its grammar (`-fsSLo FILE`), and what a
line downloads is remembered for when it runs it (interpreters.py). Sockets, shells handed away
and secrets piped off: network.py.
"""

from __future__ import annotations

import re

from nlshell.risk.book import Rule, program
from nlshell.risk.facts import SECRET_VAR, file_key, local_host, shown
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.risk.paths import CRED, HISTORY, classify, overwrite_level, worst
from nlshell.shell.model import Word
from nlshell.shell.options import Grammar, read_option
from nlshell.shell.patterns import lazy

PREFIX = "network"

RULES = [
    Rule("network.secret-to-localhost", CAUTION, "sends {what} to a local server"),
    Rule("network.upload", CAUTION, "uploads {what} to {where}"),
    Rule("network.request", CAUTION, "sends a {method} request to {url}"),
    Rule("network.delete-store", DANGEROUS, "DELETE {url} deletes the whole {what} and everything in it"),
    Rule("network.download-over", DANGEROUS, "downloads over {what}"),
    Rule("network.download-to", CAUTION, "{tool} overwrites {file}"),
]


_URL = lazy(r"^(?:https?|ftp|ftps|sftp|scp|smtp|smtps|tftp|telnet|dict|ldap)://")
_CURL = Grammar(
    short="oXHduAbcEeFKmQrTwxYyzUtCP",
    long=frozenset(
        """
        --output --data --data-binary --data-raw --data-urlencode --data-ascii --json --form --form-string
        --upload-file --request --header --user --user-agent --referer --cookie --cookie-jar --config --max-time
        --connect-timeout --range --write-out --proxy --cacert --cert --key --retry --output-dir --url --resolve
        --interface --proxy-user --oauth2-bearer --variable --expand-data --create-dirs-mode --retry-delay
        """.split()
    ),
)
_WGET = Grammar(
    short="OoaPetTwQiBUDlAR",
    long=frozenset(
        """
        --output-document --output-file --append-output --directory-prefix --execute --tries --timeout --wait
        --quota --input-file --base --user-agent --domains --level --accept --reject --header --user --password
        --post-data --post-file --body-data --body-file --method --load-cookies --save-cookies --referer
        """.split()
    ),
)
_CURL_DATA = frozenset(
    "-d --data --data-binary --data-raw --data-urlencode --data-ascii --json -F --form --form-string -T "
    "--upload-file".split()
)


def _options(args: list, grammar: Grammar):
    """Each option of `args` as (name, value Word or None), and the operands."""
    options, operands = [], []
    i = 0
    while i < len(args):
        option = read_option(args, i, grammar)
        if option.name is None:
            operands.append(args[i])
            i += 1
            continue
        if option.value is None:
            value = None
        else:
            value = args[i + 1] if option.next == i + 2 else Word(option.value, literal=args[i].literal)
        options.append((option.name, value))
        i = option.next
    return options, operands


def _url(operands: list, options: list) -> str:
    """The URL a request goes to: the first that looks like one, else the first operand (curl and
    wget take `example.com/x.sh` as http)."""
    given = [v.text for name, v in options if name == "--url" and v is not None] + [w.text for w in operands]
    return next((u for u in given if _URL.match(u)), given[0] if given else "")


def _remote_names(url: str) -> list:
    """The file names a download of `url` may be saved as: the last part of its path (index.html
    when it has none); `wget x.sh` (no scheme, no path) may mean either, so both count."""
    path = url.split("://", 1)[-1].split("?", 1)[0].split("#", 1)[0]
    name = path.rstrip("/").rsplit("/", 1)[-1] if "/" in path.rstrip("/") else ""
    names = [name or "index.html"]
    if not name and "://" not in url and path:
        names.append(path)
    return names


@program("curl")
def curl(ctx, cmd) -> None:
    options, operands = _options(cmd.args, _CURL)
    url = _url(operands, options)
    uploads: list = []
    method = ""
    for name, value in options:
        if name in _CURL_DATA:
            uploads.append((name, value or Word("")))
        elif name in ("-X", "--request") and value is not None:
            method = value.text.upper()
        elif name in ("-o", "--output") and value is not None:
            download_to(ctx, cmd, value)
        elif name in ("-O", "--remote-name") and url:  # the URL's own file name, replaced if it exists
            folder = next((v.text.rstrip("/") + "/" for o, v in options if o == "--output-dir" and v is not None), "")
            for n in _remote_names(url):
                if any(o == "--no-clobber" for o, _ in options):
                    ctx.downloaded.add(file_key(folder + n))
                else:
                    download_to(ctx, cmd, Word(folder + n))
    local = local_host(url) if url else False
    for option, value in uploads:
        upload(ctx, cmd, value, local, file_prefix=option not in ("-T", "--upload-file"))
    request(ctx, cmd, method, url, bool(uploads))
    for r in cmd.redirects:
        if r.op in (">", ">|") and r.target is not None:
            ctx.downloaded.add(file_key(r.target.text))


@program("wget")
def wget(ctx, cmd) -> None:
    options, operands = _options(cmd.args, _WGET)
    url = _url(operands, options)
    local = local_host(url) if url else False
    named = False
    prefix = ""
    for name, value in options:
        if value is None:
            continue
        if name in ("--post-file", "--body-file"):
            upload(ctx, cmd, value, local, file_prefix=False)
        elif name in ("--post-data", "--body-data"):
            upload(ctx, cmd, value, local)
        elif name == "--method" and value.text.upper() in ("DELETE", "PUT"):
            ctx.add("network.request", cmd, method=value.text.upper(), url=url or "a server")
        elif name in ("-O", "--output-document"):
            named = True
            download_to(ctx, cmd, value)
        elif name in ("-P", "--directory-prefix"):
            prefix = value.text.rstrip("/") + "/"
    if url and not named:
        ctx.downloaded.update(file_key(prefix + n) for n in _remote_names(url))


# Ports of data stores whose HTTP API deletes a whole index or database with one DELETE of its name.
_STORE_PORTS = {"9200": "Elasticsearch/OpenSearch index", "5984": "CouchDB database", "8086": "InfluxDB database"}
_HTTPIE_METHODS = frozenset("GET HEAD POST PUT PATCH DELETE OPTIONS".split())


def request(ctx, cmd, method: str, url: str, sends: bool) -> None:
    """A request that changes or deletes something on a server; DELETE of a data store's whole
    index (`DELETE :9200/logs`, `/_all`) deletes everything in it."""
    if method == "DELETE" and (store := _whole_store(url)):
        ctx.add("network.delete-store", cmd, url=url, what=store)
    elif method == "DELETE" or (method in ("PUT", "PATCH", "POST") and not sends):
        ctx.add("network.request", cmd, method=method, url=url or "a server")


def _whole_store(url: str) -> str | None:
    m = re.match(r"^(?:https?://)?[^/:]*:(\d+)(/[^?#]*)?", url)
    if not m or m.group(1) not in _STORE_PORTS:
        return None
    parts = [p for p in (m.group(2) or "/").split("/") if p]
    if len(parts) == 1 or parts[:1] in (["_all"], ["*"]):
        return _STORE_PORTS[m.group(1)] if parts[:1] not in (["_all"], ["*"]) else "every index"
    return None


@program("http", "https", "xh", "xhs")
def httpie(ctx, cmd) -> None:
    """httpie and xh: `http [METHOD] URL [ITEMS]`, data items (`k=v`, `k:=v`, `@file`) make it a POST."""
    operands = [a for a in cmd.args if not a.text.startswith("-")]
    if not operands:
        return
    method = operands[0].text.upper() if operands[0].text.upper() in _HTTPIE_METHODS else ""
    rest = operands[1:] if method else operands
    url = rest[0].text if rest else ""
    items = rest[1:]
    sends = any(re.match(r"^[^=:@]+(?:=|:=|@|=@|:=@)", w.text) and "==" not in w.text for w in items)
    request(ctx, cmd, method or ("POST" if sends else "GET"), url, sends=False)


def upload(ctx, cmd, value: Word, local: bool, *, file_prefix: bool = True) -> None:
    """Data a request sends: a file (`@path`, `-T path`) or a string; secrets in it are named."""
    text = value.text
    path = None
    if file_prefix:
        m = re.search(r"(?:^|=)[@<](.+)$", text)
        if m:
            path = m.group(1).split(";", 1)[0]
    else:
        path = text
    secret = None
    if path and path not in ("-", "."):
        p = classify(path)
        if p.cls == CRED or p.path == "/etc/shadow":
            secret = p.desc if p.cls == CRED else "the password hashes (/etc/shadow)"
        elif p.cls == HISTORY:
            secret = "your shell history"
    for var in re.findall(r"\$\{(\w+)\}", text):
        if SECRET_VAR.search(var):
            secret = f"the secret in ${var}"
    if secret:
        ctx.add("network.secret-to-localhost" if local else "network.exfiltrate", cmd, what=secret)
    else:
        what = path if path and path != "-" else "data"
        ctx.add("network.upload", cmd, what=what, where="a local server" if local else "a server")


def download_to(ctx, cmd, target: Word) -> None:
    """`curl -o F`, `wget -O F`: F is replaced by what the server sends (and is known to be fetched)."""
    if target.text == "-":
        return
    ctx.downloaded.add(file_key(target.text))
    p = worst(ctx.places(target))
    level = overwrite_level(p)
    if level == DANGEROUS:
        ctx.add("network.download-over", cmd, what=p.desc)
    elif level == CAUTION:
        ctx.add("network.download-to", cmd, tool=cmd.name, file=shown(target))


EXAMPLES = [
    ("curl -d @~/.ssh/id_rsa http://localhost:8080", CAUTION, "network.secret-to-localhost"),
    ("curl -d @data.json http://localhost:8080", CAUTION, "not network.secret-to-localhost"),
    ("curl -d @data.json https://api.x/items", CAUTION, "network.upload"),
    ("curl -T file.txt ftp://x", CAUTION, "network.upload"),
    ("wget --post-file=data.json https://api.x/items", CAUTION, "network.upload"),
    ("curl https://api.x/items", SAFE, "not network.upload"),
    ("curl -X DELETE https://api.x/items/1", CAUTION, "network.request"),
    ("curl -X GET https://api.x/items/1", SAFE, "not network.request"),
    ("http DELETE :9200/logs-2024", DANGEROUS, "network.delete-store"),
    ("curl -X DELETE 'http://localhost:9200/_all'", DANGEROUS, "network.delete-store"),
    ("curl -X DELETE http://localhost:9200/logs/_doc/42", CAUTION, "not network.delete-store"),
    ("http PUT :8080/items/1 name=x", CAUTION, "network.request"),
    ("http :8080/items", SAFE, "not network.request"),
    ("curl -o /etc/hosts https://example.com/hosts", DANGEROUS, "network.download-over"),
    ("curl -o hosts https://example.com/hosts", CAUTION, "not network.download-over"),
    ("curl -o page.html https://example.com", CAUTION, "network.download-to"),
    ("wget -O page.html https://example.com", CAUTION, "network.download-to"),
    ("curl -O https://example.com/file.tar.gz", CAUTION, "network.download-to"),
    ("cd ~ && curl -sLO https://example.com/.bashrc", DANGEROUS, "network.download-over"),
    ("curl --no-clobber -O https://example.com/file.tar.gz", SAFE, "not network.download-to"),
    ("wget https://example.com/file.tar.gz", SAFE, "not network.download-to"),
    ("curl -fsSLo page.html https://example.com", CAUTION, "network.download-to"),
]
