"""Software by name: a request that names a service, a package or a program and asks about its life
on this machine, read as the plain request it means before anything else reads it.

Left alone, "start postgres" finds the daemon's own page (`postgres -p 5433`), "get me htop" the
program's (`htop -u`), "do i even have curl" a curl pipeline. A service (the word table's `daemons`)
with a service verb is asked of systemd: "start postgres" → "start the postgresql service", "is
sshd up and running" → its status, "why did nginx fail" → its log; a request about the daemon's own
job ("run postgres on port 5433", "test the nginx config") is left to its page. A program with a
verb of getting ("get me htop", "I need ffmpeg", "npm global install of typescript") is installed
with the package manager its ecosystem says; "do I have curl" asks whether it is installed; "dump
the list of installed debs" lists the packages; "search apt for a package that does pdf editing"
searches for what it does. Every list of names and words is the word table's (nlshell/data/words.tsv);
`is_software` is the one test of a name as software, for these readers and the loose names
(nlshell/offline/names.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import NamedTuple

from nlshell.offline.openings import Opening, first_word
from nlshell.offline.vocabulary import WORD, vocabulary

# What a request asks of a service, the first that its words say winning: a boot word with a stop
# or disable word disables, with any other enables ("make postgresql start on boot").
ACTIONS = ("mask", "disable", "boot", "restart", "reload", "failed", "stop", "start", "logs", "status")
SAID_AS = {  # the plain request each action is read as
    "mask": "mask the {unit} service so it can never start",  # "mask apache2 so nothing can start it"
    "disable": "disable the {unit} service",
    "boot": "enable the {unit} service at boot",
    "restart": "restart the {unit} service",
    "reload": "reload the {unit} service",
    "stop": "stop the {unit} service",
    "start": "start the {unit} service",
    "failed": "show why the {unit} service failed",
    "status": "show the state of the {unit} service",  # as `systemctl status` says it
}
_SERVICE_WORDS = frozenset({"server", "daemon", "service", "services", "unit"})
_NEGATORS = frozenset({"without", "not", "never", "t", "no"})  # "t": the end of "don't"
# verbs that go on with a service's clause and are no verb of the word table ("and keep it off")
_GOING_ON = frozenset({"keep", "ensure", "leave", "let"})
_NOT_AT_BOOT = frozenset({"stop", "disable", "not", "never", "don", "t", "prevent", "no", "without"})
_NEVER = frozenset({"prevent", "never", "forbid"})  # a start ruled out, for good
_STARTING = frozenset({"bring", "fire", "spin", "start", "get"})  # "bring nginx up"
_DOWN = frozenset({"shut", "take", "bring"})  # "shut nginx down"
_NUMBER = re.compile(r"^\d+$")
_KEPT_BACK = re.compile(r"\bfrom\s+(?:being\s+|getting\s+)?(?:upgraded|updated|upgrading|updating)\b")
_OWNING = frozenset({"own", "owns", "owned", "belong", "belongs", "provides", "provide"})
_WORDS = re.compile(r"[a-z0-9](?:[a-z0-9+_-]*[a-z0-9+])?")  # words as names are spelt: redis-server, php-fpm
_NAME = r"(?P<name>[a-z][\w+-]*)"
# the names after the first of a list: "install ripgrep and fd-find", "remove nginx, apache2 and php-fpm"
_MORE = r"(?P<more>(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)(?!(?:its|their|the|all|everything|then|also)\b)[a-z][\w+-]*)*)"
_HERE = (  # "on this box", "on ubuntu", "for me pls"
    r"(?:\s+(?:on|in|onto|for|to)\s+(?:(?:this|my|the)\s+(?:machine|computer|system|box|laptop|server|pc|host|path)"
    r"|ubuntu|debian|linux|mint|raspbian|kali)|\s+(?:on\s+|in\s+)?here)?(?:\s+(?:for\s+me|pls|plz))?"
)
_KIND = r"(?:\s+(?P<kind>package|program|tool|app|utility|command|binary))?"
_MANAGER = r"(?P<manager>apt|apt-get|npm|pip|pip3|cargo|gem|snap|brew|flatpak|dnf|yum|pacman|yarn|pnpm)"
_END = r"(?:\s+please)?\s*[?.!]*\s*$"
# "downgrade pydantic to 1.10.13, v2 breaks us": the version it is to be at (what follows a comma only says why)
_TO_VERSION = r"\s+(?:back\s+|down\s+)?to\s+(?:version\s+)?v?(?P<version>\d+(?:\.\d+)+)"


_POLITE = "please just now"
# "how do i install htop", "how to uninstall vlc", "i want to upgrade flask": asking how is asking it
_HOW = "how i we help"
_ASKING_HOW = r"(?:(?:how\s+(?:do|can|would|should)\s+(?:i|we)|how\s+to|(?:i|we)\s+(?:want|need|have)\s+to|help\s+me)\s+)?"

# "get me htop", "I need ffmpeg", "need jq installed", "gotta have tmux on here", "grab jq please",
# "install typescript globally with npm"
_GET = Opening(
    f"{_POLITE} {_HOW} can could get grab gimme fetch install set put i we need want gotta got must",
    r"^\s*(?:(?:please|can\s+you|could\s+you|just|now)\s+)*" + _ASKING_HOW +
    r"(?P<verb>get(?:\s+me)?|grab(?:\s+me)?|gimme|fetch|install|set\s+up|put|(?:i\s+|we\s+)?(?:need|want)|i\s+d\s+like"
    r"|(?:i\s+)?(?:gotta|got\s+to|have\s+to|must)\s+have)\s+"
    rf"(?:me\s+)?(?:the\s+|a\s+|an\s+)?(?P<packages>packages\s+)?{_NAME}{_MORE}(?:{_KIND}|(?P<packages2>\s+packages))?(?P<installed>\s+installed)?(?P<globally>\s+globally)?"
    rf"(?:\s+(?:with|via|using|through|from)\s+{_MANAGER})?(?P<globally2>\s+globally)?{_HERE}{_END}",
)
# "npm global install of typescript", "pip install of requests"
_MANAGER_INSTALL = Opening(
    "apt apt-get npm pip pip3 cargo gem snap brew flatpak dnf yum pacman yarn pnpm",
    rf"^\s*{_MANAGER}\s+(?P<globally>global\s+)?install\s+(?:of\s+)?(?:the\s+)?{_NAME}{_MORE}{_KIND}{_END}",
)
# "get rid of the numpy python package", "uninstall vlc", "remove vim and its config files", "remove the
# lodash dependency"
_REMOVE = Opening(
    f"{_POLITE} {_HOW} completely fully totally entirely remove uninstall purge get delete",
    rf"^\s*(?:(?:please|just|now)\s+)*{_ASKING_HOW}(?P<wholly>(?:completely|fully|totally|entirely)\s+)?(?P<verb>remove|uninstall|purge|get\s+rid\s+of|delete)\s+(?:the\s+)?(?:packages\s+)?{_NAME}{_MORE}"
    rf"(?:\s+(?:python|pip|node|npm|ruby|rust))?(?:\s+(?P<kind>package|module|library|lib|gem|crate|program|app|dependency|dep)s?)?"
    rf"(?:\s+(?:with|via|using)\s+{_MANAGER})?{_HERE}"
    r"(?P<rest>(?:\s+(?:(?:and|along\s+with|with|including|plus)\s+(?:all\s+)?(?:of\s+)?(?:its|their|the)\s+[a-z ]+?"
    r"|completely|entirely|for\s+good|and\s+everything))?"
    # "remove nginx completely, config files too": its configuration said after a comma
    r"(?:,?\s+(?:and\s+)?(?:its\s+|the\s+)?(?:config|configs|configuration|settings)(?:\s+files)?(?:\s+too|\s+as\s+well))?)"
    rf"{_END}",
)
# "upgrade numpy to the newest version", "update flask", "bring requests up to date"
_UPGRADE = Opening(
    f"{_POLITE} {_HOW} upgrade update bring downgrade",
    rf"^\s*(?:(?:please|just|now)\s+)*{_ASKING_HOW}(?:upgrade|update|bring|downgrade)\s+(?:(?:only|just)\s+)?(?:the\s+|my\s+)?{_NAME}{_KIND}"
    rf"(?:\s+(?:with|via|using)\s+{_MANAGER})?(?:\s+(?:up\s+)?to\s+(?:the\s+)?(?:latest|newest|last|current|most\s+recent)"
    rf"(?:\s+(?:version|release))?|\s+up\s+to\s+date|{_TO_VERSION})?"
    rf"(?(manager)|(?:\s+(?:with|via|using)\s+{_MANAGER.replace('?P<manager>', '?P<manager_after>')})?)"  # "… to latest with pip"
    rf"{_HERE}(?(version)(?:\s*,.*)?){_END}",
)
# the words that only hedge a question about having a program ("is nginx even installed")
_HEDGE = r"(?:(?:even|already|actually|really|still)\s+)?"
# "do i even have curl on this machine", "is jq installed", "have I got ffmpeg"
_HAVE = (
    Opening(
        "do does",
        rf"^\s*(?:do|does)\s+(?:i|we|this\s+(?:machine|computer|system|box|server))\s+{_HEDGE}"
        rf"(?:have|got)\s+(?:the\s+)?{_NAME}{_KIND}(?:\s+installed)?{_HERE}{_END}",
    ),
    Opening("have is", rf"^\s*(?:have\s+i\s+got|is\s+there)\s+(?:a\s+|an\s+)?{_NAME}{_KIND}(?:\s+installed)?{_HERE}{_END}"),
    Opening("is", rf"^\s*is\s+(?:the\s+)?{_NAME}{_KIND}\s+{_HEDGE}(?:installed|available){_HERE}{_END}"),
)
_PACKAGES = r"(?:packages|debs|deb\s+packages|software|programs|apps|applications)"
# "dump the list of installed debs", "what packages are installed", "show my installed software"
_INSTALLED = (
    Opening(
        "list show print dump display get give see view",
        r"^\s*(?:list|show|print|dump|display|get|give\s+me|see|view)\s+(?:me\s+)?(?:the\s+|a\s+)?(?:full\s+)?(?:list\s+of\s+)?"
        rf"(?:all\s+)?(?:the\s+|my\s+)?(?:installed\s+{_PACKAGES}|{_PACKAGES}\s+(?:that\s+are\s+|i\s+have\s+)?installed){_HERE}{_END}",
    ),
    Opening("what which", rf"^\s*(?:what|which)\s+{_PACKAGES}\s+(?:are|is|do\s+i\s+have|have\s+i\s+got)\s+installed{_HERE}{_END}"),
)
# "search apt for a pdf viewer", "is there a package for ffmpeg", "find a package that does pdf editing"
_SEARCH = (
    Opening(
        "search look check",
        r"^\s*(?:search|look\s+through|check)\s+(?:apt|apt-cache|the\s+(?:apt\s+)?(?:repos?|repositories|package\s+(?:index|list|repositories|repos)))"
        r"\s+for\s+(?P<what>.+?)\s*[?.!]*\s*$",
    ),
    Opening(
        "is find look search",
        r"^\s*(?:is\s+there|find(?:\s+me)?|look\s+for|search\s+for)\s+(?:a|an|any)\s+(?:apt\s+)?package\s+(?:for|that|which|to)\s+"
        r"(?P<what>.+?)\s*[?.!]*\s*$",
    ),
)

# "apply migrations.sql to the mysql db": statements run by the database's client, no reload of its service
_SQL_FILE = re.compile(r"\.sql\b")

class _Roles(NamedTuple):
    daemons: frozenset[str]
    servers: frozenset[str]
    units: dict[str, str]  # name → its systemd unit
    actions: dict[str, frozenset[str]]  # action → the words that ask it
    installers: dict[str, str]  # a language's program or library → its package manager
    libraries: frozenset[str]  # … the libraries among them: a project's, never installed globally


@functools.cache
def _roles() -> _Roles:
    """The word table's lines for software by name."""
    around = vocabulary().around
    return _Roles(
        around.get("daemons", frozenset()),
        around.get("servers", frozenset()),
        {name: role[5:] for role, names in around.items() if role.startswith("unit:") for name in names},
        {role[8:]: words for role, words in around.items() if role.startswith("service:")},
        {name: role.split(":", 1)[1] for role, names in around.items() if role.startswith(("installer:", "library:"))
         for name in names},
        frozenset(name for role, names in around.items() if role.startswith("library:") for name in names),
    )


def is_software(word: str, technical: Callable[[str], bool] | None = None) -> bool:
    """Whether a word names software: the word table's `software` and `daemons` lines, or, when
    `technical` is given, a program it says has a page and a name no everyday description uses
    (`htop`, `jq`; not `date` or `tree`). A language's packages (`installer:` lines) are not: many
    are everyday words ("requests", "black")."""
    low = word.lower()
    if low in vocabulary().around.get("software", ()) or low in _roles().daemons:
        return True
    return technical is not None and technical(low)


def unit(name: str) -> str:
    """The systemd unit a service is called by (postgres → postgresql); the name when it is one."""
    return _roles().units.get(name.lower(), name.lower())


def plain_software(request: str, technical: Callable[[str], bool], paged: Callable[[str], bool]) -> str:
    """The request as the plain words it means when it asks about software by name; unchanged
    otherwise. `technical`: a program with a page whose name is no everyday word; `paged`: any
    program with a page ("do I have git" asks about git; "get me the date" installs nothing)."""
    return _service(request, paged) or _package(request, technical, paged) or request


def _service(request: str, paged: Callable[[str], bool]) -> str:
    """"start postgres" → "start the postgresql service"; "" when the request asks no service, or
    says the daemon's program with a subcommand that is no verb of a service's life ("docker ps
    but include the stopped ones" lists containers: `docker-ps` has a page of its own)."""
    daemons, servers, actions = _roles().daemons, _roles().servers, _roles().actions
    lowered = request.lower().replace("'s ", " ")
    words = _WORDS.findall(lowered)
    around = vocabulary().around
    said = set(words)
    unit_file = any(w in ("unit", "service") and words[i + 1 : i + 2] in (["file"], ["files"]) for i, w in enumerate(words))
    if (unit_file or said & around.get("unit_files", frozenset())) and said & around.get("unit_files_read", frozenset()):
        return "make systemd reread its unit files"  # `systemctl daemon-reload`, not a reload of a unit
    at = next((i for i, w in enumerate(words) if w in daemons or (w in servers and words[i + 1 : i + 2] and
                                                                   words[i + 1] in _SERVICE_WORDS)), -1)
    if words and words[0] in around.get("backups", frozenset()):
        return ""  # "back up the wordpress mysql db": a copy of its data, no state asked by "up"
    if at < 0 or _listed(words, at) or any("/" in token or _SQL_FILE.search(token) for token in lowered.split()):
        return ""  # no service, a list of programs, a path ("a shortcut to /var/log/nginx") or an SQL file to run
    if unit_file and words[at + 1 : at + 2] not in (["service"], ["unit"]):  # "the unit file for redis": its service's
        said_as = rf"\b{re.escape(words[at])}\b(?!\.)"
        return re.sub(said_as, f"{unit(words[at])} service", request, count=1, flags=re.IGNORECASE)
    if words[0] in around.get("asking", frozenset()) and said & actions.get("boot", frozenset()) and \
            not said & around.get("not_service", frozenset()):
        return f"check whether the {unit(words[at])} service is enabled at boot"  # "is nginx set to start on boot"
    if words[at + 1 : at + 2] in (["service"], ["unit"]):  # said as a service already: only its unit's name
        name = unit(words[at])
        return "" if name == words[at] else re.sub(rf"\b{re.escape(words[at])}\b", name, request, count=1, flags=re.IGNORECASE)
    asked = said - _negated(words)  # "reload caddy without restarting it" asks no restart
    if any(w in ("log", "logging") and words[i + 1 : i + 2] in (["in"], ["into"], ["on"]) for i, w in enumerate(words)):
        asked = asked - {"log", "logging"}  # "log in to mysql as root": a login to its client, no log of it
    action = next((a for a in ACTIONS if actions.get(a, frozenset()) & asked), "")
    if action in ("", "status") and "down" in said and said & _DOWN:
        action = "stop"  # "shut nginx down", "take apache down"
    if not action or said & around.get("not_service", frozenset()) or _KEPT_BACK.search(lowered):
        return ""  # "stop nginx from being upgraded": its package is held, the service runs on
    if action not in ("reload", "restart") and said & around.get("service_config", frozenset()):
        return ""  # "test the nginx config", "show the postgres settings": the program's own job
    after = words[at + 1 : at + 2]
    operand = words[at + 2 : at + 3]
    if operand in (["for"], ["of"]) and words[at + 3 : at + 4] and words[at + 3] not in vocabulary().stop and (
        words[at + 3] not in around.get("log_detail", frozenset())  # "nginx logs for today": when, no name
    ):
        operand = words[at + 3 : at + 4]  # "docker logs for web": the subcommand's operand, said with "for"
    if after and not any(after[0] in verbs for verbs in actions.values()) and paged(f"{words[at]}-{after[0]}"):
        return ""
    if action not in ("status", "failed") and after and after[0] in actions.get(action, ()) and operand and \
            operand[0] not in vocabulary().stop:
        return ""  # "docker logs web", "docker start db": the program's own subcommand ("nginx logs as they come" is none)
    if action == "status" and "up" in said and said & _STARTING and "running" not in said:
        action = "start"  # "bring nginx up", "fire up redis"; "did nginx come up" asks its status
    if action == "start" and said & _NEVER:
        action = "mask"  # "prevent postfix from ever being started": no start, the one that stops every start
    if action == "boot":
        action = "disable" if _boot_clause(lowered, actions["boot"]) & _NOT_AT_BOOT else "boot"
    if action == "stop" and said & around.get("reboots", frozenset()) and "before" not in said:
        action = "disable"  # "stop cups and keep it off after reboots"
    name = unit(words[at])
    if action == "logs" and not any(_NUMBER.match(w) for w in words) and not said & around.get("log_detail", frozenset()):
        return f"show the logs of the {name} service"
    if action == "logs":
        # the request's own words keep what they say of the log ("the last 50 lines of the nginx log");
        # "the nginx error log" is a file the program writes, not its unit's journal: no service
        log = "|".join(sorted(actions["logs"]))
        said_as = rf"\b{re.escape(words[at])}(?:'s)?(?:\s+(?:server|daemon))?(?=\s+(?:{log})\b)"
        return re.sub(said_as, f"{name} service", request, count=1, flags=re.IGNORECASE) if re.search(said_as, request, re.I) else ""
    if any(_NUMBER.match(w) for w in words):
        return ""  # "start redis on 6380": a value the service verbs have no place for
    plain = SAID_AS[action].format(unit=name)
    if action == "boot" and ("now" in said or "enable" in said and actions["start"] & said):
        plain += " and start it now"  # "enable and start nginx"
    return plain


def _boot_clause(lowered: str, boot: frozenset[str]) -> set[str]:
    """The words of the last clause that says boot: "docker doesn't come back after a reboot, make it
    start at boot" asks to enable it (the "doesn't" tells what goes wrong, and got `disable`)."""
    clauses = [set(_WORDS.findall(clause)) for clause in re.split(r"[,;:]|\s-+\s", lowered)]
    return next((clause for clause in reversed(clauses) if clause & boot), set())


def _listed(words: list[str], at: int) -> bool:
    """The service at `at` is one of a list ("restart nginx and php-fpm"), not the object of a verb
    whose clause goes on with "and" and another verb ("stop cups and make sure it stays off")."""
    if words[at + 1 : at + 2] != ["and"]:
        return False
    after = words[at + 2 : at + 3]
    verbs = vocabulary().read_verbs | vocabulary().change_verbs | _NOT_AT_BOOT | _GOING_ON
    return not after or after[0] not in verbs or after[0] in _roles().daemons


def _negated(words: list[str]) -> set[str]:
    """The words a negation rules out ("without restarting", "don't stop"): no action they name is asked."""
    return {word for before, word in zip(words, words[1:]) if before in _NEGATORS}


def _package(request: str, technical: Callable[[str], bool], paged: Callable[[str], bool]) -> str:
    """"get me htop" → "install the htop package"; "do I have curl" → "is the curl command
    installed"; "" when the request asks none of these of a software name."""
    first = first_word(request)
    if any(pattern.match(request, first) for pattern in _INSTALLED):
        return "list installed deb packages"
    for pattern in _SEARCH:
        if (match := pattern.match(request, first)) and (keyword := _search_word(match["what"])):
            return f"search apt for the package {keyword}"
    if asked := _package_question(request, technical):
        return asked
    if match := _MANAGER_INSTALL.match(request, first) or _GET.match(request, first):
        name = match["name"].lower()
        manager = (match["manager"] or "").lower()
        installer = _roles().installers.get(name, "")
        # a program with a page is one to install when the request says so: "install tree", "get me the
        # tree command"; "get me the date", "I need a break", "put the date on this machine" install nothing
        said_install = (match.groupdict().get("verb") or "install").lower() == "install" or \
            bool(match["kind"] or match.groupdict().get("installed"))
        said_packages = bool(match.groupdict().get("packages") or match.groupdict().get("packages2"))  # "the packages x and y"
        if not (manager or installer or said_packages or is_software(name, technical) or said_install and paged(name)):
            return ""
        said_globally = bool(match["globally"] or match.groupdict().get("globally2"))
        if (names := _more_names(match, manager or installer or said_packages, technical, paged)) is None:
            return ""  # "install nginx and start": a verb after "and", no list of software
        return _install([name, *names], manager or installer,
                        said_globally or (installer == "npm" and name not in _roles().libraries))
    if (match := _REMOVE.match(request, first)) and (removal := _removal(match, technical)):
        return removal
    # a manager upgrading itself ("upgrade pip") is its own page's job
    if (match := _UPGRADE.match(request, first)) and not re.fullmatch(_MANAGER, match["name"].lower()) and (match["manager"] or match["manager_after"] or match["name"].lower() in _roles().installers or (
        is_software(match["name"], technical)
    )):
        name = match["name"].lower()
        manager = (match["manager"] or match["manager_after"] or _roles().installers.get(name, "")).lower()
        if match["version"]:
            return f"install {name} {match['version']} with {_system(manager)}"
        return f"upgrade the {name} package to its newest release with {_system(manager)}"
    for pattern in _HAVE:
        if (match := pattern.match(request, first)) and is_software(match["name"], paged):
            return f"is the {match['name'].lower()} command installed"
    return ""


_DEPENDING = frozenset({"depend", "depends", "dependencies", "deps", "requires", "require"})
_LANGUAGE_MANAGERS = frozenset({"pip", "pip3", "npm", "yarn", "pnpm", "gem", "cargo", "python", "node"})  # their packages: not apt's
_OFFERED = frozenset({"repo", "repos", "repository", "repositories", "offer", "offers", "candidate", "archive", "mirror"})


def _package_question(request: str, technical: Callable[[str], bool] | None = None) -> str:
    """"what files did the curl package put on my system" → dpkg's list of them; "which numpy
    version have i got" → pip's (a name of the word table's `installer:pip` line, or one said as a
    python package); "" for any other request. The package is the object asked about, never the
    program to run (`curl`, `numpy`)."""
    around = vocabulary().around
    words = _WORDS.findall(request.lower())
    said = set(words)
    stop = vocabulary().stop | around.get("asking", frozenset())
    if "package" in said and said & around.get("package_files", frozenset()):
        at = words.index("package")
        beside = [w for w in words[at - 1 : at] + words[at + 1 : at + 2] if w not in stop and w not in around.get("package_files", ())
                  and w not in _OWNING]  # "which package owns this file" asks the other way (`dpkg -S`)
        if beside:
            return f"list the files installed by the package {beside[0]} with dpkg"
    standalone = "package" in request.lower().split()  # "package.json" says no package
    if standalone and said & _DEPENDING and not said & (vocabulary().change_verbs | _LANGUAGE_MANAGERS):
        at = words.index("package")  # "what does the jq package depend on": its dependencies, not jq run
        beside = [w for w in words[at - 1 : at] + words[at + 1 : at + 2] if w not in stop and w not in _DEPENDING]
        if beside:
            return f"show the dependencies of the package {beside[0]}"
    if said & {"version", "versions"} and said & _OFFERED and not said & vocabulary().change_verbs:
        # "what version of openssl do the repos offer": the candidate apt would install, not `openssl version`
        named = [w for w in dict.fromkeys(words) if is_software(w, technical) or w in _roles().daemons]
        if len(named) == 1:
            return f"show the apt policy of the {named[0]} package"
    if said & {"version", "versions"} and not said & vocabulary().change_verbs:  # "upgrade numpy to the newest version" changes it
        python = {w for w in said if _roles().installers.get(w) == "pip"}
        for i, word in enumerate(words[:-1]):  # "the foo python package", "python module foo"
            if word in ("python", "pip") and words[i + 1] in ("package", "library", "module", "lib"):
                python |= {w for w in words[i - 1 : i] + words[i + 2 : i + 3] if w not in stop and w != "version"}
        if len(python) == 1:
            return f"show the version of the installed python package {python.pop()} with pip"
    return ""


def _more_names(match: re.Match[str], manager: str | bool, technical: Callable[[str], bool], paged: Callable[[str], bool]) -> list[str] | None:
    """The names a list says after the first ("install ripgrep, fd-find and bat"), each of them
    software, a program with a page, shaped like a distribution's package ("fd-find", "python3-venv")
    or said with a package manager; None when one is not ("install nginx and start": a verb, no
    second package)."""
    more = re.findall(r"[a-z][\w+-]*", re.sub(r"\band\b", " ", (match.groupdict().get("more") or "").lower()))
    verbs = vocabulary().read_verbs | vocabulary().change_verbs | vocabulary().stop
    for name in more:
        if name in verbs or not (manager or name in _roles().installers or is_software(name, technical)
                                 or paged(name) or _packaged(name) or bool(_SHAPED.search(name))):
            return None
    return more


def _listed_names(names: list[str]) -> str:
    """"curl, jq and htop": a list as the request's values read one (nlshell/offline/lists.py)."""
    return ", ".join(names[:-1]) + " and " + names[-1]


_SHAPED = re.compile(r"[a-z]-[a-z]|[a-z]\d")  # "fd-find", "python3": no everyday word


def _install(names: list[str], manager: str, globally: bool) -> str:
    """The plain install request, with the package manager said or the one a language's program
    needs; globally when said or when the program is one of npm's command-line tools (the word
    table's `installer:npm` line): it serves every project, not the current one. A list of names
    is said as one ("install ripgrep, fd-find with apt"): each is a package of the same command."""
    manager = _system(manager)
    said = f"the {names[0]} package" if len(names) == 1 else _listed_names(names)
    if manager == "apt":
        return f"install {said} with apt"
    return f"install {said}" + (" globally" if globally else "") + f" with {manager}"


def _system(manager: str) -> str:
    """The manager a plain request names: the one said or a language's, else the system's. Said
    outright, so a system program is never offered pip's or npm's install of the same name."""
    return "apt" if manager in ("", "apt", "apt-get") else manager


def _removal(match: re.Match[str], technical: Callable[[str], bool]) -> str:
    """"remove tmux" → "uninstall the tmux package with apt"; "remove vim and its config files" →
    its purge; "remove the lodash dependency" → npm's (a kind of package that says its manager:
    the word table's `manager_kind:` lines); "" when the name is no software ("delete notes")."""
    name, verb = match["name"].lower(), match["verb"].lower()
    around = vocabulary().around
    kinds = {kind: role[13:] for role, kinds in around.items() if role.startswith("manager_kind:") for kind in kinds}
    manager = (match["manager"] or _roles().installers.get(name) or kinds.get((match["kind"] or "").lower(), "")).lower()
    # "delete jq" may name a file; the other verbs of removal name a program by its page
    if not (manager or is_software(name, None if verb == "delete" else technical) or (verb != "delete" and _packaged(name))):
        return ""
    more = _more_names(match, manager, technical, _packaged)
    manager = _system(manager)
    rest = set(_WORDS.findall((match["rest"] or "").lower()))
    if manager == "apt" and (verb == "purge" or match["wholly"] or rest & around.get("purging", frozenset())):
        # a purge of several is left as said: its plain words would name the first package alone
        return f"purge the {name} package and its configuration files with apt" if more == [] else ""
    if more is None:
        return ""  # "remove nginx and reinstall it": no list of packages
    said = f"the {name} package" if not more else _listed_names([name, *more])
    return f"uninstall {said} with {manager}"


# the parts a distribution splits software into ("mysql-server", "libssl-dev", "python3-venv")
_PACKAGE_PARTS = re.compile(r"^(?:lib[\w.+]+|[a-z][\w.+]*)-(?:server|client|dev|common|core|utils|tools|doc|data|venv|pip)$")


def _packaged(name: str) -> bool:
    """A name shaped like a distribution's package of software ("mysql-server", "libpq-dev"),
    which no page names: removing one is the package manager's job, never a user's deletion."""
    return bool(_PACKAGE_PARTS.match(name))


def _search_word(what: str) -> str:
    """The word a package search looks for: what the request says the package is for, without
    the words that only dress it ("a package that does pdf editing" → pdf); the thing, not what
    is done with it, when it says both ("a pdf viewer")."""
    filler = vocabulary().around.get("search_filler", frozenset())
    words = [w for w in WORD.findall(what.lower()) if w not in filler]
    things = [w for w in words if not re.search(r"(?:ing|er|or)$", w)] or words
    if not things:
        return ""
    word = things[0]
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
