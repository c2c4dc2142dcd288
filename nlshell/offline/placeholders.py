"""What kind of value a placeholder takes, from its own words (`{{path/to/file}}`, `{{port}}`) or
the option before it (`-mtime {{…}}`): nlshell/offline/slots.py fills it with a value of a kind it
accepts."""

from __future__ import annotations

import functools
import re

from nlshell.offline import levels
from nlshell.offline.amounts import PAGE_RANGE

# First match wins; tested on the placeholder's text, lower-case.
_KINDS = (
    (re.compile(r"://|\burl\b|\buri\b"), "url"),
    (re.compile(r"checksum|^(?!commit).*_hash$"), "checksum"),  # `echo {{known_sha256_checksum_of_the_file}} …`: no file's name
    (re.compile(r"^[+-]?\d+[kmgtc]$|size"), "size"),
    (re.compile(r"^(start|stop|restart|reload|status|enable|disable)$"), "action"),
    (re.compile(r"^timezone$|^(?:africa|america|antarctica|asia|atlantic|australia|europe|indian|pacific|etc)/\w"), "timezone"),
    (re.compile(r"(?:^|/)(?:\w*block_)?device(?:_file)?\d*$|^/dev/"), "device"),  # `mount {{path/to/device_file}}`, `{{/dev/sdb1}}`
    (re.compile(r"^~?/?path/to/shell$|^shell$"), "shell"),  # `chsh -s {{path/to/shell}}`: a login shell by its name
    (re.compile(r"^~?/?path/to/(source|target|destination|output)_?(file|executable)\d*$"), "file"),
    (re.compile(r"^~?/?path/to/(source|target|destination|output)_?(directory|dir|folder)\d*$"), "dir"),
    (re.compile(r"^~?/?path/to/(sym)?link\d*$"), "link"),
    (re.compile(r"^~?/?path/to/(file_or_directory|source|target|destination|symlink|link|output$)[\w-]*\d*$"), "path"),
    (re.compile(r"^path/in/(container|pod|image)$|^path/to/file_in_pod$"), "path"),  # `docker cp {{path/to/file}} {{container_name}}:{{path/in/container}}`
    (re.compile(r"^~?/?path/to/.*(director|folder|mount_point|dir\b|/to$)"), "dir"),
    (re.compile(r"^~?/?path/to/|^file(name)?\d*$|^path/to$|^input_?file|^output_?file|_file\d*$"), "file"),
    # `vim +{{line_number}}`: the one line a request names ("at line 120") is where a range would start
    (re.compile(r"^(first|start|from)_line$|^line_?(number|num|no)$"), "first_line"),
    (re.compile(r"^1\d{9}$|^(unix_|epoch_)?timestamp$"), "timestamp"),  # `date -d @{{1700000000}}`
    (re.compile(r"^(rule|entry|item)_?(number|num|no)$"), "numbered"),  # `ufw delete {{rule_number}}`: one of a numbered list
    (re.compile(r"^(last|end|to)_line$"), "last_line"),
    (re.compile(r"\*"), "glob"),
    # Where a repository is: `git clone {{remote_repository_location}}` takes a URL.
    (re.compile(r"^((good|bad|base|target)_)?commit(_?(hash|id|sha|ish))?\d*$|^(commit_)?sha\d*$|^hash$|^revision$"), "commit"),
    (re.compile(r"^locale$|^[a-z]{2}_[a-z]{2}\.utf-?8$"), "locale"),  # `{{locale}}`, tldr's `{{en_US.UTF-8}}`
    (re.compile(r"^(hh:mm:ss|\d{2}:\d{2}:\d{2}(\.\d+)?|timestamp_in_video|position)$"), "position"),  # `ffmpeg -ss {{00:01:00}}`
    (re.compile(r"^(hh:mm|\d{1,2}:\d{2}|time(_of_day)?)$"), "time"),
    (re.compile(r"^(\d{4}-\d{2}-\d{2}|yyyy-mm-dd|date)$"), "date"),  # `date -d {{2000-01-01}} +%A`
    (re.compile(r"^month$"), "month"),  # `cal {{month}} {{year}}`
    (re.compile(r"^year$"), "year"),
    (re.compile(r"^alias(_name)?$"), "alias"),
    (re.compile(r"^(\w+_)?value$"), "value"),
    (re.compile(r"^(math_|arithmetic_)?expression$"), "expression"),  # a calculator's; not a pattern
    (re.compile(r"^(key|key_name|field_name|property)\d*$"), "key"),  # `jq '.{{key}}'`
    (re.compile(r"^(?:api_|access_|bearer_|auth_)?token$|^api_key$"), "token"),  # `curl -H 'Authorization: Bearer {{token}}'`
    (re.compile(r"^(password_)?length$"), "length"),
    (re.compile(r"^(pass(word|phrase)?|pw)$"), "password"),  # `curl -u {{user}}:{{password}}`
    (re.compile(r"^\d+-\d+(?:,\d+(?:-\d+)?)*$|^\d+(?:,\d+(?:-\d+)?)+$|^page_?(range|numbers?)$"), "pages"),  # `qpdf … --pages . {{1-3}} --`
    (re.compile(r"^width$"), "width"),
    (re.compile(r"^(remote_)?repo(sitory)?(_(url|location|source))?$|^(git_)?repo_url$|^full_repo_url$|^git_repo$"),
     "repository"),
    (re.compile(r"(?:^|[_-])port(?:s|\d|_|$)"), "port"),
    (re.compile(r"\bpid\b|process_id|^pid"), "pid"),
    (re.compile(r"^container(_name|_id|_name_or_id|_name\|id)?\d*$"), "container"),  # `docker logs {{container_name}}`
    (re.compile(r"^image(_name|_id|:tag)?\d*$"), "image"),  # `docker pull {{image}}`
    (re.compile(r"^pod(_name)?$"), "pod"),
    (re.compile(r"^(database|db)(_name)?$"), "database"),  # `psql {{database_name}}`
    (re.compile(r"^(search_)?keyword$"), "keyword"),  # `apropos {{keyword}}`
    (re.compile(r"^(s3_)?bucket(_name)?$"), "bucket"),  # `aws s3 cp {{file}} s3://{{bucket}}`
    (re.compile(r"^(table|collection)(_name)?$"), "table"),  # `pg_dump -t {{table_name}}`, mongosh's `db.{{collection}}`
    (re.compile(r"^network(_name)?$"), "network"),
    (re.compile(r"^deployment(_name)?$"), "deployment"),  # `kubectl scale deployment {{deployment_name}}`  # `docker network rm {{network_name}}`
    (re.compile(r"^executable(_name)?$"), "command"),  # `which {{executable}}`
    (re.compile(r"^script(_name)?$"), "script"),  # `npm run {{script}}`: a package.json script by its name
    (re.compile(r"^(make_?)?target\d*$"), "target"),  # `make {{target}}`: a Makefile's target by its name
    (re.compile(r"process|^program"), "process"),
    (re.compile(r'^\{|^(?:json_?)?(?:data|payload|body)$|^json$|^\w+=\w+$'), "data"),  # `curl -d '{{{"name": "value"}}}'`
    (re.compile(r"e-?mail"), "email"),  # `ssh-keygen -C "{{email}}"`, `git config user.email {{email}}`
    (re.compile(r"user|login|^owner"), "user"),
    (re.compile(r"group"), "group"),
    (re.compile(r"host|server|domain|ip_address|^ip$|^address$|example\.(com|org|net)|^\d+\.\d+\.\d+\.\d+(/\d+)?$"), "host"),
    (re.compile(r"interface|^(eth|wlan|wlp|enp)[x\d]*$|^ethernet$|^nic$|^iface"), "interface"),
    (re.compile(r"^column(_number)?\d*$|^columns$|^field\d*$|^fields$"), "field"),
    (re.compile(r"^\d+x\d+(?:[+-]\d+[+-]\d+)?$|^geometry$|^(?:width_?x_?height|widthxheight|dimensions|resolution)$"), "geometry"),
    (re.compile(r"^(a|aaaa|mx|ns|txt|cname|soa|ptr|srv|record_type|dns_record_type)$"), "record"),
    (re.compile(r"^minutes$"), "in_minutes"),
    (re.compile(r"^hours$"), "in_hours"),
    (re.compile(r"^(\w+_)?version$"), "version"),  # `pip install {{package}}=={{version}}`, `nvm use {{node_version}}`
    (re.compile(r"package|^(gem|crate|module|library|plugin|formula|cask)(_name)?\d*$|^formula\|cask$"), "package"),
    (re.compile(r"service|^unit\d*$"), "service"),
    (re.compile(r"branch"), "branch"),
    (re.compile(r"^tag"), "tag"),
    (re.compile(r"message"), "message"),
    (re.compile(r"^variable|^env_var"), "variable"),
    (re.compile(r"^(find|input|search|replace)_characters?$"), "character"),  # `tr {{find_character}} {{replace_character}}`
    (re.compile(r"replace"), "replacement"),
    (re.compile(r"^command$"), "command"),
    (re.compile(r"^remote(_name)?$"), "gitremote"),
    (re.compile(r"^(text|line|hello)$"), "message"),
    (re.compile(r"pattern|regex|search|string|text|keyword|^word|query|term|expression"), "pattern"),
    (re.compile(r"^stash(_name|_ref)?$"), "stash"),  # `git stash drop {{stash}}`: "drop stash@{1}"
    (re.compile(r"^job_?(number|id|num|no)?$|^jobid$"), "job"),  # `atrm {{job_number}}`, `fg %{{job_number}}`: "job 7"
    (re.compile(r"^(count|lines|number|n|num|amount)\d*$|^number_of"), "count"),
    (re.compile(r"second|interval|delay"), "seconds"),
    (re.compile(r"director|^dir\d*$|folder"), "dir"),
    (re.compile(r"^[\w-]+\.[a-z0-9]{1,5}$"), "file"),  # `{{file.txt}}`
    (re.compile(r"^name\d*$|_name$"), "name"),
)
# The option before a placeholder says what a bare number or `{{n}}` is.
_BY_OPTION = {
    "-n": "count", "--lines": "count", "-c": "count", "--count": "count", "--max-count": "count", "-m": "count",
    "-mtime": "days", "-atime": "days", "-ctime": "days", "-mmin": "minutes", "-amin": "minutes",
    "-cmin": "minutes", "-size": "size", "-p": "port", "--port": "port", "-s": "seconds",
    "-ss": "seconds", "-to": "seconds", "-t": "seconds",  # ffmpeg's start, end and length, `docker stop -t`
    "-f": "field", "--fields": "field", "-k": "field", "--key": "field",
    "port": "port",  # a capture filter's `port {{80}}` (tcpdump, ngrep)
}


_OPTION = re.compile(r"^--[a-z]|^-[a-z]{2,}")  # `{{--context}}`; `{{-n}}` is a number, signed
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?")
_CRON = re.compile(r"^(schedule|cron(_schedule|_expression)?|([\d*/,-]+ ){4}[\d*/,a-z-]+)$")


@functools.lru_cache(maxsize=4096)
def placeholder_kind(inner: str, option: str = "") -> str:
    """The kind of value `{{inner}}` after `option` takes, or "" (cached: a lookup asks about the same
    few placeholders, `path/to/file` above all, hundreds of times)."""
    if _CRON.match(inner.lower().strip()):
        return "schedule"  # `{{schedule}}`, `{{0 3 * * *}}`
    if option == "|":
        return ""  # `cat {{path/to/file}} | {{program}}`: what reads the pipe, no text to look for nor a program the request names
    if option in ("alias", "unalias"):
        return "alias"  # `alias {{word}}="{{command}}"`
    if _DATETIME.fullmatch(inner.strip()):
        return "datetime"  # `timedatectl set-time '{{2024-01-31 12:00:00}}'`: a date, a time of day, or both
    text = inner.lower().split(" ")[0].replace("[", "").replace("]", "")  # `{{[s]tring}}`
    if _OPTION.match(text):
        return ""  # tldr's `grep {{--context}} 3`: which option to give, no value of the request ("con*text*" is no pattern)
    if option in (".", "--pages") and PAGE_RANGE.fullmatch(text):
        return "pages"  # `qpdf in.pdf --pages . {{1-3}} --`: pages, though `1-3` looks like `gzip -{{1-9}}`'s levels
    if levels.level_range(text):
        return "level"  # `gzip -{{1..9}}`
    if option.endswith(".") and re.fullmatch(r"(old|new|from|to)?_?(ext(ension)?)?", text):
        return "extension"  # `rename 's/\.{{old}}$/.{{new}}/'`: what follows a name's dot
    if option in ("-t", "--type") and text in ("field", "type", "record"):
        return "record"  # `host -t {{field}} {{domain}}`: a DNS record type
    if option.startswith(("--vacuum-time", "--max-age", "--since=", "--until=", "--on-active=", "--on-boot=", "--on-startup=",
                          "--on-unit-active=", "--on-unit-inactive=")) and re.fullmatch(r"\d+\s*[a-z]+", text):
        return "span"  # `journalctl --vacuum-time={{2weeks}}`, `systemd-run --on-active={{10m}}` (no megabytes): a length of time, written as systemd does
    by_option = _BY_OPTION.get(option)
    if by_option and (re.fullmatch(r"[+-]?\d+|n|count|number|num", text) or by_option in ("days", "minutes", "size")):
        return by_option
    for pattern, kind in _KINDS:
        if pattern.search(text):
            return kind
    return ""
