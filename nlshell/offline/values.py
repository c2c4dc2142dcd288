"""The values a request states: file and directory names, numbers with what they count, hosts,
URLs, users, patterns, programs. nlshell/offline/slots.py puts them into an example's
placeholders; the ranking leaves their words out of the search ("called photos" is not about
photos, "the manual of rsync" is about manuals: nlshell/offline/searched.py).

Read left to right from the words the request uses; the table in nlshell/data/words.tsv says which
words introduce which value ("port 5432", "the user bob") and what the units mean. A value may also
take its kind from its role in the sentence: "to nginx" after "change the owner" is a user, "to
archive" after "rename" a path, "as root" after "connect" a user. Numbers are read in
nlshell/offline/amounts.py, places in nlshell/offline/places.py, times and schedules in
nlshell/offline/clock.py, addresses by their shape in nlshell/offline/addresses.py (read with the
other tokens whose shape says what they are, a stash, a locale, a port with its protocol, in
nlshell/offline/tokenshapes.py), files named by what they are ("the nginx error log") in
nlshell/offline/knownfiles.py, and values whose kind a word beside them says ("commit a1b2c3d", "the
developers group", "set JAVA_HOME to …") in nlshell/offline/kinds.py. What no reading took is read
last with the type a noun beside it says ("remove the directory build", "the eslint cli"), as an
identifier (`id_rsa`) or a site by its bare name ("ping google") in nlshell/offline/typed.py; that
and the other whole-phrase readings run in order in passes.py. Then the sentence's program says what
a bare name is: a host for ssh (remotes.py), a branch for git (gitrefs.py), a remote beside "remote"
(gitremotes.py), the folder files of a kind come from (globbed.py); owners said with 's are read in
possessives.py, names in code in identifiers.py, a login said for the request's use ("basic auth
admin:s3cret") in credentials.py, users by an account's name (olduser, www-data) in accounts.py and
files by their type's word ("all my pdfs") in typeglobs.py. The role a value plays ("to /backup",
"from box1", "called photos") is read in roles.py.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Collection

from nlshell.offline import (
    accounts, addresses, affixes, amounts, arithmetic, clock, counted, credentials, gitremotes, identifiers, kinds, knownfiles,
    levels, lists, names, passes, phrases, places, roles, statements, tokenshapes, typed, typeglobs, unitnames, wrapped,
)
from nlshell.offline.formats import ARCHIVES, said_as_format
from nlshell.offline.value import Value, Values
from nlshell.offline.vocabulary import WORD, vocabulary

# A file, path or address said with 's ("report.pdf's modified time", "deploy@10.0.0.5's home dir") is
# itself, its 's a word of its own.
# So is a kind word ("the worker container's logs": the container worker).
_TOKEN = re.compile(
    r"'s(?=$|[\s,;:!?])|\"[^\"]*\"|'[^']*'|[\w~-]*[./@][\w./@~-]*?(?='s(?:$|[\s,;:!?]))"
    r"|(?i:container|service|image|pod|branch|server|host|machine|database|db|table|volume|repo|project|vm|box)"
    r"(?='s(?:$|[\s,;:!?]))|\S+"
)
_FILE = re.compile(r"^[\w@%+=,~-]*[\w~-]\.[A-Za-z0-9][\w.-]*$")
_RELEASE = re.compile(r"^v?\d+\.\d+\.\d+(?:-[a-z][\w.]*)?$|^v\d+(?:\.\d+)+$", re.I)  # 2.31.0, v2.3.0: no file
_DOTTED_EXTENSION = re.compile(r"^\.[A-Za-z0-9]{1,8}$")
_EXPANSION = re.compile(r"^\$(?:[A-Za-z_]\w*|\{[A-Za-z_]\w*\})$")  # $TOKEN, ${API_KEY}
_LOUD = re.compile(r"^[A-Z][A-Z0-9_]{1,}$")
_NAME = re.compile(r"^[a-z0-9][\w.-]*$")
# Network interfaces by the names kernels and udev give them: eth0, wlan0, enp3s0, wlp2s0, lo, docker0.
_INTERFACE = re.compile(r"^(?:eth|wlan|wlp|enp|ens|eno|enx|br|docker|veth|tun|tap|wg|virbr|bond|ppp)\d[\w.-]*$|^lo$")
_FILE_TYPES = ARCHIVES
_NOT_NAMES = frozenset(
    "the a an this that these those my your our his her their every each all any some current parent home new "
    "empty hidden same other another one id ids none nothing".split()
) | phrases.NEVER_NAMES
_GIT_WORDS = frozenset("git tag tags release bisect checkout commit commits branch diff log".split())  # v1.8 there: a tag
_SETTING_VERBS = frozenset({"set", "point", "export", "unset", "change"})
_PURPOSE_NEXT = frozenset("to it them this these over across onto into somewhere elsewhere".split())  # "to send to support"
_INFINITIVE = frozenset("about going want wants need needs trying try tried tries have has able how ought used".split())  # "to" + a verb
_DIR_NOUNS = frozenset("tree trees structure contents content size sizes listing names name path paths permissions".split())
_ADJECTIVES = frozenset(
    "current working parent root whole entire same other temp temporary shared public system local remote".split()
)
# what a link is, not what it is called ("the broken symlink")
_LINK_STATES = frozenset("broken dangling dead stale soft hard symbolic new old relative absolute".split())
# Verbs a placeholder may stand for (`service nginx {{start}}`): the request's own verb goes there.
_ACTIONS = frozenset("start stop restart reload status enable disable".split())
_REMOTES = frozenset({"origin", "upstream"})
_GLUE = frozenset("uses use using used is are was with that which who listening running open opened".split())
# Words after a kind's word that name none of that kind: what it has or keeps, or a verb.
_NOT_NAMED = {
    "process": frozenset("tree trees list table id ids count name names".split()),  # "the process tree under pid 4242"
    "host": frozenset("key keys fingerprint fingerprints".split()),  # "the host keys of gitlab.example.com"
    "service": frozenset(  # "restart only the worker service"
        "log logs status file files unit units only all every both enabled disabled active running failed test tests "
        "take takes took taking needs uses".split()),  # "how long did each service take to start"
    # "the package cache", "the package lists": what a package manager keeps; "… that no package needs": a verb
    "package": frozenset("cache caches list lists index indexes manager managers database db sources repo repos repository "
                         "repositories mirror mirrors needs need needed requires uses depends".split()),
}
_ADVERB = re.compile(r"[a-z]{3,}ly")  # "recently": when, no name
_MEDIA_TYPE = re.compile(r"(?:application|text|image|audio|video|multipart|font)/[a-z0-9][\w.+-]*")  # application/xml
_ACCESS = frozenset("access permission permissions perms rights".split())  # what is given access to is a place
_PARTICLES = frozenset("in out on off up down to into the a an my it".split())  # "the user logs in": no user "logs"
_JUST = frozenset({"just", "only"})  # "restart just nginx": they say which one, and name none
_BESIDE_A_PLACE = frozenset("to in into from under on at of onto inside below within is are was and for with but".split())  # "is / on"
_EVERYTHING = frozenset({"everything", "anything", "stuff"})  # "everything in uploads": a folder
_SUBFOLDERS = frozenset("subdir subdirs subdirectory subdirectories subfolder subfolders".split())  # "the subfolders of src"
# Kinds whose value word beats a dot: "the tag v1.2", "the package python3.11", "the user john.doe".
_NOT_FILES = frozenset("user group branch tag package service process".split())
_AT_LEAST = re.compile(r"\d+\+")  # "90+", "1000+"
_KEY_FILE = re.compile(r"(?:^|/)(?:id_\w+|[\w.-]+_key|[\w.-]+\.pem)$")  # ~/.ssh/id_ed25519, deploy_key, aws.pem
_SAID = frozenset("line text word string words sentence".split())
# How, not where: "in reverse", "in megabytes", "newest first", "recursively", "upgrade requests to latest".
_MANNERS = frozenset(
    "reverse order case background parallel detail full bulk silence newest oldest biggest largest smallest latest "
    "first last recursively sorted megabytes kilobytes gigabytes bytes modified changed created accessed owned "
    "updated edited written opened containing matching".split()
)
_RECORDS = frozenset("mx ns txt cname soa aaaa ptr srv caa".split())  # DNS record types
# What a request makes, not what it looks for: "compress them into a tarball named x.tar.gz".


@functools.cache
def _known_types() -> frozenset[str]:
    """Extensions of the file types the word table knows, and of archives."""
    return frozenset(glob.rsplit(".", 1)[-1] for glob in vocabulary().types.values()) | _FILE_TYPES


def request_tokens(request: str) -> list[str]:
    """The request's tokens as values are read from them: words, and quoted strings whole."""
    return _TOKEN.findall(request)


def _clean(token: str) -> str:
    if len(token) >= 2 and token[0] == token[-1] and token[0] in "'\"":
        return token
    if arithmetic.written(token.rstrip(",;!?")):
        return token.rstrip(",;!?")  # "(1+2)*3" keeps its brackets
    if tokenshapes.STASH.fullmatch(token.rstrip(",;!?")):
        return token.rstrip(",;!?")  # "stash@{2}" keeps its braces
    token = token.strip("()[]{},;!?")
    if _AT_LEAST.fullmatch(token):
        return token[:-1]  # "untouched in 90+ days": ninety days and more
    if token.endswith(".") and (token.count(".") == 1 or token.endswith("..")):
        token = token[:-1]
    return token.rstrip(":") if not addresses.REMOTE.match(token) else token


def _is_path(token: str) -> bool:
    return token.startswith(("/", "~", "./", "../")) or (
        "/" in token and not token.startswith("//") and not _ABBREVIATED.fullmatch(token)
    )


_ABBREVIATED = re.compile(r"[A-Za-z]/[A-Za-z]")  # i/o, r/w, n/a: two letters and a slash are a word, no path


def _extension(token: str) -> str:
    return token.rsplit(".", 1)[-1].lower() if "." in token else ""


def _file_or_dir(token: str, cwd_dirs: Collection[str], cwd_files: Collection[str]) -> str:
    name = token.rstrip("/")
    if token.endswith("/") or name in cwd_dirs or name.rsplit("/", 1)[-1] in vocabulary().around["always_dirs"] or (token.startswith(("/", "~")) and os.path.isdir(os.path.expanduser(name))):
        return "dir"
    if token.startswith("~/") and not _extension(name) and name.rsplit("/", 1)[-1].lower() in vocabulary().around["folder_names"]:
        return "dir"  # ~/Downloads, said whole, is the folder every home has
    if name in cwd_files or _FILE.match(os.path.basename(name)):
        return "file"
    return "path"


def _in_folder(values: list[Value], raw: list[str], lower: list[str], i: int, cwd_dirs: Collection[str]) -> bool:
    """"show me notes.txt in docs": a word right after "FILE in" is the folder the file is in when it
    is one here or a name folders usually have (never "in vim", "in place", "in lowercase", "in pixels")."""
    return (
        any(v.at == i - 2 and v.kind in ("file", "glob") for v in values) and not raw[i - 2].endswith((",", ";"))
        and (lower[i] in vocabulary().around["folder_names"] or raw[i] in cwd_dirs)
    )


def _replacing(lower: list[str], i: int) -> bool:
    """Whether word `i` is what "replace" (or "replace every", "replace all the") names."""
    return phrases.named_by(lower, i, {"replace"})


def request_values(
    request: str,
    cwd_dirs: Collection[str] = (),
    cwd_files: Collection[str] = (),
    known: Callable[[str], bool] = lambda word: False,
    program: Callable[[str], bool] = lambda word: False,
) -> Values:
    """Every value the request states, in the order it states them, and its loose names. `known`
    says whether a word is an ordinary word of the index's descriptions (then "to origin" is no
    file name); `program` whether it names a program, which the request may be about rather than
    run ("is nginx running")."""
    table = vocabulary()
    raw = request_tokens(request)
    tokens = [_clean(t) for t in raw]
    lower = [table.spelling.get(t.lower(), t.lower()) for t in tokens]
    said = set(lower)
    verbs = table.read_verbs | table.change_verbs
    searching = bool({"search", "grep", "gerp", "look", "find", "searching", "where", "where's", "wheres", "locate"} & said)
    to_kind = kinds.said_kind(said, table.to_words)  # "change the owner of www to nginx": a user
    as_kind = kinds.said_kind(said, table.as_words)  # "connect to db1 as root": a user

    def plain(word: str) -> bool:
        """An ordinary word that may be a name: not a stop word, verb, or glue."""
        return bool(_NAME.fullmatch(word)) and not (
            word in _NOT_NAMES or word in table.stop or word in _GLUE or word in verbs or word in table.value_words
            or word in table.amounts["ranked"]  # "the biggest directory" names none
        )

    def named(word: str) -> bool:
        """A word that may be a name where the sentence says a name comes, even a verb ("to archive")."""
        return bool(_NAME.fullmatch(word)) and not (word in _NOT_NAMES or word in table.stop or word in table.value_words)

    values: list[Value] = []
    taken: set[int] = set()
    wrapping = wrapped.around(lower)  # "rerun df -h every 2 seconds": a command named inside the request

    def add(kind: str, text: str, first: int, role: str = "", last: int | None = None, at: int | None = None,
            searched: bool = False, **extra) -> None:
        """A value that tokens `first` to `last` state ("1 gigabyte"), its text at token `at`;
        `searched`: its words stay search words."""
        spanned = range(first, (first if last is None else last) + 1)
        words = tuple(w for i in spanned for w in WORD.findall(tokens[i].lower()))
        at = first if at is None else at
        # An action ("stop") is a value and the request's verb: its word stays a search word.
        spans = () if kind == "action" or searched else tuple(spanned)
        values.append(Value(kind, text, at, role, words=words, spans=spans, **extra))
        taken.update(spanned)

    def role_at(i: int) -> str:
        return roles.role_at(lower, said, i)

    def moved_to(i: int) -> str:
        """The kind of the new name or place in "rename drafts to archive": a path, or the kind the
        old one was ("rename the branch main to trunk")."""
        earlier = [v.kind for v in values if v.kind in ("branch", "tag", "user", "group")]
        return earlier[-1] if earlier else _file_or_dir(tokens[i], cwd_dirs, cwd_files)

    for i, token in enumerate(tokens):
        low = lower[i]
        before = lower[i - 1] if i > 0 else ""
        if before in _JUST and i > 1 and lower[i - 2] in table.value_words:
            before = lower[i - 2]  # "restart just nginx": what says which one comes before "just"
        after = lower[i + 1] if i + 1 < len(tokens) else ""
        if i in taken:
            continue
        if raw[i][:1] in "{[" and (end := kinds.json_end(raw, i)) is not None:
            add("data", " ".join(raw[i : end + 1]).rstrip(",;"), i, last=end, at=i)  # "PUT {"enabled":false} to …": the body
            continue
        if (statement := statements.statement_end(raw, lower, i)) is not None:
            add("text", " ".join(raw[i : statement + 1]), i, last=statement)  # "run select count(*) from users against …"
            continue
        if arithmetic.windows(tokens, lower, i):
            continue  # "the 1/5/15 minute load numbers": which windows, no path
        if not token or low in ("w/", "w/o") or (before == "to" and i > 1 and lower[i - 2] in _INFINITIVE and low.isalpha()):
            continue  # "about to break things": what the person will do, no place "break"
        if before == "to" and after in _PURPOSE_NEXT and (low in table.change_verbs or low in table.read_verbs):
            continue  # "to a tarball to move to another host": why, no place called "move"
        if token == "/" and 0 < i < len(tokens) - 1 and (
            ("." in tokens[i - 1] and "." in tokens[i + 1])
            or (tokens[i - 1].isalpha() and tokens[i + 1].isalpha() and not _BESIDE_A_PLACE & {lower[i - 1], lower[i + 1]})
        ):
            continue  # "clean up go.mod / go.sum", "which containers died / exited": one or the other, no root folder
        if (
            (wrapping and wrapped.read(add, tokens, raw, lower, i, program))
            or clock.read(add, lower, i)
            or credentials.read(add, tokens, lower, i)  # "basic auth admin / s3cret": no folder `/`
            or knownfiles.read(add, lower, i, role_at)
            or levels.read(add, lower, i)
            or lists.read(add, raw, lower, i, plain, lambda name: _file_or_dir(name, cwd_dirs, cwd_files))
            or arithmetic.read(add, tokens, lower, i)
            or unitnames.read(add, tokens, i)  # "myapp.service": a unit, no file
            or places.read(add, tokens, lower, i, cwd_dirs)
            or identifiers.read(add, tokens, lower, i)
            or kinds.read(add, tokens, lower, i, searching, named)
            or phrases.read(add, tokens, lower, i, named, table)
        ):
            continue
        if len(token) >= 2 and token[0] in "'\"" and token[0] == token[-1]:
            inner = token[1:-1]
            sought = before in ("for", "grep", "search", "replace", "with") or table.value_words.get(before) == "pattern"
            rooted = inner.startswith(("/", "~", "./", "../"))  # '/srv/old dumps'; not '1/2 [3] (27/03)'
            if wrapping and not sought and wrapped.quoted(inner, program):
                add("command", inner, i, "run")  # "rerun 'kubectl get pods' every 2 seconds": the command whole
            elif (rooted or (_is_path(inner) or "->" in (before, after)) and " " not in inner) and not sought:
                add(_file_or_dir(inner, cwd_dirs, cwd_files), inner, i, role_at(i))  # "in the '/srv/x' directory"
            else:
                # a text to encode or echo, unless it is a message or what is looked for
                message = before in ("message", "msg") or phrases.appended(tokens, i)
                add("message" if message else "pattern" if sought or searching else "text", inner, i)
        elif accounts.read(add, token, low, i, role_at, table, "group" if before == "to" and to_kind == "group" else "user"):
            continue  # "remove olduser completely", "what is www-data running right now"
        elif tokenshapes.addressed(add, token, i, role_at, cwd_dirs):
            continue  # `stash@{1}`, `smtp.office365.com:587`, a URL, an IP address, `host:/path`
        elif before in ("called", "named") and low not in table.stop and _NAME.fullmatch(low):
            if lower[i - 2 : i - 1] == ["be"]:  # "draft.txt should be called final.txt": a new name, said as a rename
                add(moved_to(i), token, i, "to")
            else:
                add("name", token, i - 1, "name", last=i, at=i)  # "called photos", "named README.md"
        elif _EXPANSION.match(token):
            add("expansion", token, i, role_at(i), searched=True)  # "the token in $TOKEN"; "my $PATH" is also about PATH
        elif "*" in token or "?" in token:
            add("glob", token, i, role_at(i))
        elif said_as_format(lower, i, _known_types()):
            continue  # "into a zip file", "a .tar.xz of the docs dir": what is made, not files to act on
        elif _DOTTED_EXTENSION.match(token) and after == "file" and _extension(token) not in _known_types() and before not in phrases.EVERY:
            add("file", token, i, role_at(i))  # "an empty .env file", "my .npmrc file": one file; "every .pyc file" is a glob
        elif _DOTTED_EXTENSION.match(token) and (after in ("file", "files") or _extension(token) in _known_types() or before in phrases.EVERY):
            add("glob", "*" + token, i, role_at(i))
        elif tokenshapes.shaped(add, tokens, low, i, role_at, said, _known_types(), cwd_dirs):
            continue  # `.data.id` of a JSON reply, `en_US.UTF-8`, `8443/tcp`
        elif "/" in token and kinds.either(low, table.same):
            continue  # "files/directories", "regular/normal": one word or the other, not a path
        elif _MEDIA_TYPE.fullmatch(low):
            continue  # "with Accept: application/xml": a media type, no file
        elif (_is_path(token) or _KEY_FILE.search(token)) and (before in ("key", "identity") or before in ("with", "using") and _KEY_FILE.search(token)):
            add("identity", token, i)  # "ssh with key ~/.ssh/deploy_key to server1": what logs in, no file to copy there
        elif _is_path(token):
            add(_file_or_dir(token, cwd_dirs, cwd_files), token, i, role_at(i))
        elif ((((i == 1 or (i == 2 and lower[1] == "up")) and lower[0] in table.around["operand_first"] and tokens[0] != "HEAD")
               or (before == "on" and lower[i - 2] in table.around["checks_files"]))  # "HEAD request to …": HTTP's, no `head`
              and plain(low) and low not in table.types and low not in _MANNERS and after not in ("log", "logs") and after not in places.FILE_NOUNS):
            add(_file_or_dir(token, cwd_dirs, cwd_files), token, i, "in")  # "ls src newest first", "run flake8 on src"
        elif "." in token[1:] and table.value_words.get(before) in _NOT_FILES and _extension(token) not in table.hints:
            add(table.value_words[before], token, i, role_at(i))  # "the tag v1.2"; ".bashrc" is a dotfile
        elif "." in token[1:] and table.value_words.get(after) in _NOT_FILES and (
            _extension(token) not in table.hints and _extension(token) not in _known_types()
        ):
            add(table.value_words[after], token, i, role_at(i))  # "restart the php8.2-fpm service": no file
        elif _RELEASE.match(token):
            add("tag" if _GIT_WORDS & said else "version", token, i, role_at(i))  # "tag it v2.3.0", "pin numpy to 1.26.4"
        elif "." in token and not amounts.NUMBER.match(token) and not token.endswith("."):
            if addresses.domain(token, cwd_files):
                add("host", token, i, role_at(i))
            else:
                add(_file_or_dir(token, cwd_dirs, cwd_files), token, i, role_at(i))
        elif typeglobs.read(add, tokens, lower, i, before, after, searching, plain, table):
            continue  # "all my pdfs", "every pdf", "python files", "that invoice pdf"
        elif table.value_words.get(before) == "pattern" and before not in ("word", "text", "string") and amounts.NUMBER.match(token):
            add("pattern", token, i)  # "without 200"
        elif (amounts.NUMBER.match(token) or amounts.SIZE.match(token) or amounts.SHAPED.match(token) or amounts.timed(token)) and not (
            counted.counted_at(lower, i)  # "how many 404s in access.log": no 404 seconds
        ):
            amounts.number(add, i, token, lower, table)
        elif amounts.ordinal(add, i, lower, table) or amounts.said(add, i, lower, table):
            continue  # "the third column", "the last line", "a couple of seconds"
        elif low in table.numbers and (
            after in table.times or after in amounts.COUNTED or before in amounts.COUNTING
            or after in table.amounts["measured"]  # "one level deep"
        ) and lower[i + 2 : i + 3] != ["per"]:  # "one line per commit" says how each is shown, no count
            amounts.number(add, i, table.numbers[low], lower, table)  # "three times", "the last five lines"
        elif low in table.times and before in ("a", "an", "one") and table.times[low] > 1:
            amounts.number(add, i - 1, "1", lower, table)  # "more than a month old", "in an hour"
        elif low in table.times and before in ("last", "past") and table.times[low] > 1:
            # "in the last hour": one of them; "last" says the window, no search word ("the system
            # log from the past hour" is no "Show the files modified within the past hour")
            add("age", "-", i - 1, last=i, at=i, seconds=table.times[low])
        elif low == "with" and i > 1 and _replacing(lower, i - 1) and i + 1 < len(tokens):
            continue
        elif phrases.appended(tokens, i) and (plain(low) or (before in _SAID and named(low))):
            add("message", token, i)  # "append hello to notes.txt", "append the line hello to notes.txt"
        elif (state := kinds.state_kind(lower, i, table.after_words)) and (kinds.asked_what_it_is(lower, i) or named(low) and program(low)):
            add(state, token, i)  # "is nginx running", "where is python3 installed": what it is about
        elif (of_kind := kinds.of_kind(lower, i, table.of_words)) and named(low) and after not in places.NOUNS and (
            before != "for" or of_kind != "service" or program(low) or low in table.around["software"]
            or low in table.around["daemons"]  # "the logs for sshd"; "the auth log for failed logins" names none
        ):
            # "the manual of rsync", "the process id of nginx", "the owner of www"
            add(_file_or_dir(token, cwd_dirs, cwd_files) if of_kind == "path" else of_kind, token, i)
        elif token in cwd_dirs or token in cwd_files:
            add("dir" if token in cwd_dirs else "file", token, i, role_at(i))
        elif before == "message" and low not in ("and", "of", "for", "from", "in"):  # "the message and diff of HEAD~2": no text
            add("message", " ".join(tokens[i:]), i)
            taken.update(range(i, len(tokens)))
        elif before in ("owner", "ownership") and after == "to" and i + 2 < len(tokens):
            continue  # "the owner of data to alice": read below
        elif low in _REMOTES and {"git", "push", "pull", "fetch"} & said and not gitremotes.tracking(lower, i):
            add("gitremote", token, i)
        elif "->" in (before, after) and _NAME.fullmatch(low) and low not in table.stop:
            add(_file_or_dir(token, cwd_dirs, cwd_files), token, i, role_at(i))  # "current -> releases/v2.3": any word
        elif before == "to" and i > 1 and lower[i - 2] in roles.LINKING and named(low):
            add(_file_or_dir(token, cwd_dirs, cwd_files), token, i, "from")  # "a link pointing to python3"
        elif before == "to" and (setting := kinds.setting(lower, i, table.value_words)) and named(low):
            add(setting, token, i, "to")  # "set the hostname to webserver"
        elif (before == "by" and i > 1 and lower[i - 2] in ("owned", "belonging", "belongs") or (
            before == "to" and i > 1 and lower[i - 2] in ("belong", "belonging", "belongs")
        )) and named(low):
            add("user", token, i)  # "files owned by root", "files in /tmp that belong to root"
        elif low in _RECORDS and after in ("record", "records", "entry", "entries"):
            add("record", low.upper(), i, searched=True)  # "the mx records of example.org": a word that says DNS
        elif before == "to" and i > 1 and lower[i - 2] in _ACCESS and named(low) and not typed.named_after(lower, i):
            add(_file_or_dir(token, cwd_dirs, cwd_files), token, i, "to")  # "give the group write access to shared": a place
        elif before in ("to", "into") and to_kind and named(low) and not typed.named_after(lower, i):
            # "change the owner of www to nginx", "rename drafts to archive", "rename the branch main to trunk"
            add(moved_to(i) if to_kind == "path" else to_kind, token, i, "to")
        elif after == "as" and i + 2 < len(tokens) and _extension(tokens[i + 2]) in _FILE_TYPES and plain(low) and not typed.named_after(lower, i):
            add(_file_or_dir(token, cwd_dirs, cwd_files), token, i)  # "zip up dist as dist.zip": what goes into it
        elif before == "as" and as_kind and named(low) and low not in table.types and after not in typed.type_nouns():
            add(as_kind, token, i)  # "connect to db1 as root"
        # a word read as a value itself introduces none: "the text files" is `*.txt`, no text "files"
        elif before in table.value_words and low not in _JUST and not raw[i - 1].endswith((",", ";", ":")) and not any(
            v.at == i - 1 and v.kind != "action" for v in values  # "just for my user, not system wide": no user "not"
        ) and (
            low not in amounts.COUNTED and low not in table.after_words and not (
            before in ("word", "line", "text") and low in verbs  # "word count for x": counting, not the word "count"
        ) and not affixes.says_affix(lower, i) and (
            plain(low) or (table.value_words[before] == "pattern" and low not in table.stop)
            or (table.value_words[before] == "user" and low in verbs and named(low) and after not in _PARTICLES)  # "user deploy"
        ) and low not in _NOT_NAMED.get(table.value_words[before], ()) and not (
            table.value_words[before] == "host" and program(low) and low not in typed.sites()  # "server uptime": the program, of the machine
        ) and not (
            # "is the ssh port accepting connections": a port is a number or a service's name
            table.value_words[before] == "port" and not any(c.isdigit() for c in low) and low not in table.ports
        ) and not kinds.same_kind_before(
            values, lower, i
        ) and not (table.value_words[before] != "pattern" and kinds.kind_noun(low, table.value_words)) and not (
            table.value_words[before] != "pattern" and _ADVERB.fullmatch(low)  # "this server recently": when, no name
        ) and not (
            before == "without" and phrases.says_how(low, lower[i + 1] if i + 1 < len(lower) else "")
        )):
            kind = table.value_words[before]
            # "the word error", "called photos": the word before says only where the value starts
            syntactic = kind == "name" or before in ("word", "text", "string", "pattern")
            add(kind, token, i - 1 if syntactic else i, "name" if kind == "name" else role_at(i), last=i, at=i)
        elif lower[max(0, i - 3) : i] == ["to", "do", "with"] and _NAME.fullmatch(low) and low not in table.stop:
            add("pattern", token, i)  # "search the apt repos for something to do with pdf": what to look for
        elif before == "for" and searching and plain(low) and low not in places.FILE_NOUNS:  # "look for files over 1G"
            add("pattern", token, i)
        elif before in ("grep", "gerp") and i == 1 and plain(low) and not (low.endswith("ly") or low in _MANNERS | places.FILE_NOUNS):
            add("pattern", token, i)  # "grep timeout in the .py files": what it looks for
        elif _INTERFACE.match(low):
            add("interface", token, i, searched=True)  # "the ip address of eth0": a word that says network
        elif after in ("folder", "directory", "dir") and (places.determined(lower, i) or before in verbs) and plain(
            low
        ) and low not in _ADJECTIVES:
            add("dir", token, i, role_at(i))  # "the src folder", "zip reports folder"
        elif before == "in" and lower[i - 2] in ("rows", "records") and plain(low):
            add("table", token, i)  # "how many rows in users": a table
        elif before == "of" and i > 1 and lower[i - 2] in _SUBFOLDERS and plain(low) and (
            low in table.around["folder_names"] or token in cwd_dirs
        ):
            add("dir", token, i, "in")  # "the subfolders of src"
        elif before == "in" and (searching or (_in_folder(values, raw, lower, i, cwd_dirs) or lower[i - 2] in places.FILE_NOUNS | _EVERYTHING | _SUBFOLDERS) and not (
            low in table.screen or program(low))) and (plain(low) or lower[i - 2] in _SUBFOLDERS and named(low)) and low not in _DIR_NOUNS | _MANNERS | amounts.COUNTED:
            add(_file_or_dir(token, cwd_dirs, cwd_files), token, i, "in")  # "grep for error in syslog", "files in src"
        elif before in ("folder", "directory", "dir") and plain(low) and low not in _DIR_NOUNS | _MANNERS and not (
            i > 1 and lower[i - 2] in typed.POINTED
        ):
            add("dir", token, i, role_at(i))  # "the folder src"
        elif accounts.member(add, token, lower, i, named):
            continue  # "is deploy in the sudo group": who is asked about
        elif (kind := kinds.kind_after(lower, i, table)) and after not in verbs and plain(low):
            add(kind, token, i)  # "the nginx service", "every firefox process"
        elif before in places.BELOW and plain(low) and low not in _DIR_NOUNS | places.NOUNS | {"directories", "folders"}:
            add("dir", token, i, "in")  # "below src", "inside build": where
        elif (before == "into" and not (program(low) and low not in cwd_dirs and low not in cwd_files) or (
            before in roles.ROLE_TO and not known(low) and not phrases.letter_range(lower, i) and low not in _MANNERS
        )) and plain(low) and low not in amounts.COUNTED and low not in table.around["acronyms"] and not typed.named_after(lower, i) and not (
            before == "as" and after in typed.type_nouns()  # "as dev dependency": what sort of one
        ):  # "turn x into base64": a format
            add("user" if to_kind == "user" else "path", token, i, role_at(i))
        elif after in roles.POINTING and _NAME.fullmatch(low) and low not in table.stop and low not in table.value_words:
            add("link", token, i)  # "where the symlink current points to"
        elif before in ("the", "that", "my") and after in ("symlink", "link") and _NAME.fullmatch(low) and low not in table.stop | verbs | _LINK_STATES:
            add("link", token, i)  # "point the current symlink at releases/v2": the link's own name
        elif low in _ACTIONS and after != "with":  # "keys that start with user:" says how names begin
            add("action", low, i)
        elif before in ("every", "each") and token[:1].isupper() and token[1:].islower() and {"line", "lines", "context"} & said:
            add("pattern", token, i)  # "5 lines of context around every Traceback in worker.log": what a log line says
        elif _LOUD.match(token) and len(token) > 2 and not phrases.never_value(token, table):
            setting = "_" in token and not _SETTING_VERBS.isdisjoint(lower[:i])  # "point DATABASE_URL at …"; "is X set" asks
            add("variable" if before in ("variable", "var") or setting else "pattern", token, i)
    lists.named_after(raw, tokens, lower, values, taken, add, plain)  # "install curl, jq and htop": three packages
    passes.read(
        raw, tokens, lower, values, taken, add,
        role_at=role_at, named=named, plain=plain, known=known, program=program,
        cwd_dirs=cwd_dirs, cwd_files=cwd_files, searching=searching,
    )
    return Values(places.joined_names(values, lower), names.loose_names(tokens, lower, taken, plain, known, program, table))
