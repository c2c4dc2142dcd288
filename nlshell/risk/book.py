"""The rule book: every rule the rater applies, each with an id, a level and a reason template.

A family of rules is one module in `rules/` (files, disks, git, kubernetes, ...) holding:

- `ROWS`: declarative rules, "this program, these subcommand words, these options -> this level"
  (`Row`). A program's rows are tried in order; the first that matches decides.
- `RULES`: the rules its functions report (`Rule`), for what rows cannot say: path-shaped rules
  (`rm`, `dd`, redirects) whose level depends on what a path names.
- functions registered with `@program(...)` (run when none of the program's rows matched) or
  `@hook(...)` (every command, redirect, assignment, pipeline stage, the whole script).
- `EXAMPLES`: (command, level, rule id) rows beside the rules; `"not <id>"` marks a look-alike
  the rule must leave alone; a fourth item names the shell whose syntax the command is in
  (`"fish"`, `"zsh"`; bash when absent). tests/test_rules.py runs them all.

Nothing here is loaded until the first rating (`load_core`), and a family without hooks not until
a command runs one of its programs (`ON_DEMAND`, `need`).
"""

from __future__ import annotations

import importlib
from _thread import allocate_lock
from collections.abc import Callable

from nlshell.risk.levels import Level
from nlshell.shell.records import Frozen


class Rule(Frozen):
    __slots__ = ("id", "level", "reason")

    def __init__(self, id: str, level: Level, reason: str) -> None:  # noqa: A002 - the rule's id
        object.__setattr__(self, "id", id)  # family.what, e.g. "git.push-force"
        object.__setattr__(self, "level", level)
        object.__setattr__(self, "reason", reason)  # a template: "{tool} push --force overwrites the remote branch"

    def say(self, fields: dict) -> str:
        """The reason with `fields` filled in, on one line (a field nobody gave stays `{name}`)."""
        return " ".join(self.reason.format_map(_Fields(fields)).split())


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"  # a rating never fails over a reason's wording; tests/test_rules.py looks


class Row(Rule):
    """A declarative rule: program + leading operands + options -> level.

    `tools` and `sub` may be written as one string: `"kubectl oc"`, `"delete namespace|ns"` (each
    word of `sub` is the operand at that place; `|` separates alternatives, `*` is any word).
    `flags` is a tuple of groups, each a string of options of which one must be given
    (`("-f --force", "-a --all")`: a force option and an all option); `unless` names options that
    stop the row (`"-n --dry-run"`). `when(cmd, parsed)` adds a condition rows cannot state; it
    may return a dict of fields for the reason. Reasons can use {tool}, {sub} (the matched
    words), {flag} (the first option matched), {first} and {rest} (the operands after `sub`).
    """

    __slots__ = ("tools", "sub", "flags", "unless", "when")

    def __init__(
        self,
        id: str,  # noqa: A002 - the rule's id
        level: Level,
        reason: str,
        tools: tuple | str = (),
        sub: tuple | str = (),
        flags: tuple | str = (),
        unless: tuple | str = (),
        when: Callable | None = None,
    ) -> None:
        def words(value) -> tuple:
            return tuple(value.split()) if isinstance(value, str) else tuple(value)

        super().__init__(id, level, reason)
        object.__setattr__(self, "tools", words(tools))
        object.__setattr__(self, "sub", tuple(frozenset(w.split("|")) for w in words(sub)))
        object.__setattr__(self, "flags", tuple(words(group) for group in words_of_groups(flags)))
        object.__setattr__(self, "unless", words(unless))
        object.__setattr__(self, "when", when)

    def match(self, cmd, parsed) -> dict | None:
        """The reason's fields when this row applies to `cmd` (its arguments read as `parsed`)."""
        operands = parsed.operands
        if len(operands) < len(self.sub):
            return None
        for word, allowed in zip(operands, self.sub):
            if "*" not in allowed and (not word.literal or word.text not in allowed):
                return None
        matched = []
        for group in self.flags:
            given = next((f for f in group if has_option(parsed, f)), None)
            if given is None:
                return None
            matched.append(given)
        if any(has_option(parsed, f) for f in self.unless):
            return None
        after = [w.text for w in operands[len(self.sub) :]]
        fields = {
            "tool": cmd.name,
            "sub": " ".join(w.text for w in operands[: len(self.sub)]),
            "flag": matched[0] if matched else "",
            "first": after[0] if after else "",
            "rest": " ".join(after[:3]),
        }
        if self.when is not None:
            extra = self.when(cmd, parsed)
            if not extra:
                return None
            if isinstance(extra, dict):
                fields.update(extra)
        return fields


def given(*words: str) -> Callable:
    """A `when`: one of `words` is among the command's arguments, wherever it stands."""
    return lambda cmd, parsed: any(a.text in words for a in cmd.args)


def has_operands(cmd, parsed) -> bool:
    """A `when`: the command names something to act on."""
    return bool(parsed.operands)


def has_arguments(cmd, parsed) -> bool:
    """A `when`: the command has any argument at all."""
    return bool(cmd.args)


def unlisted(known: frozenset, field: str = "word") -> Callable:
    """A `when`: the first operand (the subcommand) is not one of `known`; the reason gets it as
    `field`. What the rater does not know a tool to do is never taken for harmless."""

    def when(cmd, parsed):
        first = parsed.operands[0] if parsed.operands else None
        if first is None or (first.literal and first.text in known):
            return None
        return {field: first.text}

    return when


def all_of(*conditions: Callable) -> Callable:
    """A `when` that holds when each of `conditions` does; the fields they give are merged."""

    def when(cmd, parsed):
        fields: dict = {}
        for condition in conditions:
            result = condition(cmd, parsed)
            if not result:
                return None
            if isinstance(result, dict):
                fields.update(result)
        return fields or True

    return when


def words_of_groups(flags) -> tuple:
    return (flags,) if isinstance(flags, str) else tuple(flags)


def has_option(parsed, option: str) -> bool:
    """`-f` is given alone or in a cluster (`-rf`); `--force` is given (also as `--force=x`)."""
    if option.startswith("--"):
        return option in parsed.long
    return len(option) == 2 and option[1] in parsed.short


# -- the registry --------------------------------------------------------------------------------

FAMILIES = (
    "shell", "files", "writes", "archives", "disks", "permissions", "network", "http", "transfers", "processes", "services", "firewall", "history",
    "packages", "git", "containers", "databases", "cloud", "kubernetes", "interpreters", "oneliners", "feeds",
    "inside", "handed", "inplace", "escapes", "trash",
)

RULES: dict = {}  # id -> Rule (rows included)
ROWS: dict = {}  # program -> [Row], in the order written
PROGRAMS: dict = {}  # program -> [function(ctx, cmd)]: when none of its rows matched
PREFIXES: list = []  # (name prefix, function): `mkfs.ext4`, `mkfs.vfat`
HOOKS: dict = {"command": [], "redirect": [], "assignment": [], "pipe": [], "script": [], "code": []}
FALLBACKS: list = []  # function(ctx, cmd) -> bool: programs no rule names (shells, interpreters)
UNKNOWN: list = []  # function(ctx, cmd): a program no rule, function or fallback knows
WITHOUT_EXAMPLES: set = set()  # rule ids no command can show (each module says why, in its own tests)

# Families with no hooks are asked only about the programs they name, so a rating imports one only
# when a command runs one of those programs (most commands run none: ~3 ms saved at each first
# rating). tests/test_cold_start.py holds this table to exactly what each family registers, and checks
# that loading on demand leaves every program's rules in the order a full load gives.
ON_DEMAND = {
    "http": "curl http https wget xh xhs",
    "archives": "7z 7za 7zr 7zz bsdtar rar tar unar unrar unzip zip",
    "transfers": "rsync scp",
    "services": "halt hostnamectl init kexec launchctl localectl poweroff reboot resolvectl service shutdown sysctl "
                "systemctl telinit timedatectl",
    "firewall": "arptables ebtables firewall-cmd ip6tables ip6tables-legacy iptables iptables-legacy iptables-nft nft ufw",
    "packages": "apk apt apt-get aptitude brew bun bunx cabal cargo composer conda cpan cpanm dnf dotnet dpkg emerge "
                "eopkg flatpak gem go gradle gradlew hatch luarocks mamba microdnf micromamba mvn mvnw nala nix nix-env "
                "npm npx nuget opam pacman paru pdm pip pip3 pipx pkg pkgin pnpm pnpx poetry port rpm rustup rye snap "
                "stack swupd twine uv uvx xbps-install xbps-remove yarn yay yum zypper",
    "git": "git scalar",
    "containers": "colima docker docker-compose k3d kind limactl minikube multipass nerdctl podman podman-compose "
                  "vagrant virsh",
    "cloud": "aws az azcopy b2 borg bq cdk civo consul crane doctl doppler eksctl etcdctl exoscale firebase fly "
             "flyctl gcloud gcrane gh gitlab-ctl gitlab-rails gitlab-rake glab gsutil hcloud helm heroku ibmcloud k9s "
             "kubectl linode-cli mc netlify nomad oc oci op oras pulumi rclone regctl restic s3cmd sam scw sentry-cli serverless skopeo sls "
             "stripe supabase terraform terragrunt tofu twilio upctl vault velero vercel vultr-cli wrangler",
    "kubernetes": "helm kubectl oc",
    "escapes": "emacs emacs-nox emacsclient gmake less make",
    "trash": "file-rename gio perl-rename prename rename rename.ul trash trash-empty trash-put trash-rm",
    "inplace": "awk convert dos2unix ex exiftool ffmpeg gawk jpegoptim mac2unix magick mogrify nvim openssl optipng "
               "pandoc patch sponge unix2dos unix2mac vi vim vim.basic vim.tiny yq",
}
_ON_DEMAND_FOR: dict = {}  # program -> the on-demand families naming it, in FAMILIES order
for _family in FAMILIES:
    for _name in ON_DEMAND.get(_family, "").split():
        _ON_DEMAND_FOR.setdefault(_name, []).append(_family)

_loaded: set = set()  # families registered so far
_LOADING = allocate_lock()  # the lock `threading.Lock` is, without importing threading (~1 ms)


def program(*names: str, prefix: str | None = None):
    """Register a rule function for these programs (or every program starting with `prefix`)."""

    def register(fn):
        for name in names:
            PROGRAMS.setdefault(name, []).append(fn)
        if prefix:
            PREFIXES.append((prefix, fn))
        return fn

    return register


def hook(event: str):
    """Register a function the engine calls for every command, redirect, assignment, pipeline
    stage or script (see `HOOKS`)."""

    def register(fn):
        HOOKS[event].append(fn)
        return fn

    return register


def fallback(fn):
    """Register a function tried for a program no rule names; it returns whether it handled it."""
    FALLBACKS.append(fn)
    return fn


def unknown_program(fn):
    """Register a function for a program nothing else in the book knows (what its words say)."""
    UNKNOWN.append(fn)
    return fn


def load() -> None:
    """Import every family and register its rules (once per process; tests, examples, coverage)."""
    _load(FAMILIES)


def load_core() -> None:
    """The families whose hooks see every command: what every rating needs (the first rating in a
    process loads them, possibly in several threads at once). The others come with `need`."""
    _load([f for f in FAMILIES if f not in ON_DEMAND])


def need(program: str) -> None:
    """Load the on-demand families that name `program`, before its rules are looked up."""
    families = _ON_DEMAND_FOR.get(program)
    if families and not _loaded.issuperset(families):
        _load(families)


def rule(rule_id: str) -> Rule:
    """The rule with this id, loading every family when it is not registered yet."""
    found = RULES.get(rule_id)
    if found is None:
        load()
        found = RULES[rule_id]
    return found


def _load(families) -> None:
    if _loaded.issuperset(families):
        return
    with _LOADING:
        rules: dict = {}
        rows: dict = {}
        without: set = set()
        for family in [f for f in families if f not in _loaded]:
            module = importlib.import_module(f"nlshell.risk.rules.{family}")
            for declared in (*getattr(module, "RULES", ()), *getattr(module, "ROWS", ())):
                known = rules.get(declared.id) or RULES.get(declared.id)
                if known is not None and not (
                    isinstance(declared, Row) and isinstance(known, Row)
                    and (known.level, known.reason) == (declared.level, declared.reason)
                ):
                    raise ValueError(f"rule id {declared.id} is declared twice")  # a rule may have several rows
                if declared.id.split(".", 1)[0] != getattr(module, "PREFIX", family):
                    raise ValueError(f"rule {declared.id} is declared in {family}.py")
                rules[declared.id] = declared
            for row in getattr(module, "ROWS", ()):
                for tool in row.tools:
                    rows.setdefault(tool, []).append(row)
            without.update(getattr(module, "WITHOUT_EXAMPLES", ()))
        RULES.update(rules)
        for tool, added in rows.items():
            ROWS[tool] = ROWS.get(tool, []) + added
        WITHOUT_EXAMPLES.update(without)
        _loaded.update(families)


def examples() -> list:
    """(family, command, level, rule id, whether the rule must fire, shell) for every family's
    EXAMPLES. An example is (command, level, rule) in bash, or (command, level, rule, shell) for
    text in another shell's syntax (`"fish"`, `"zsh"`)."""
    load()
    found = []
    for family in FAMILIES:
        module = importlib.import_module(f"nlshell.risk.rules.{family}")
        for command, level, rule, *shell in getattr(module, "EXAMPLES", ()):
            negative = rule.startswith("not ")
            found.append((family, command, level, rule[4:] if negative else rule, not negative, *(shell or ["bash"])))
    return found
