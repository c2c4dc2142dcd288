"""Installing and removing software: system package managers and language package managers.

Changing installed software is caution; removing a package the system cannot boot or work
without (libc, systemd, coreutils, the kernel, the package manager itself) is dangerous.
"""

from __future__ import annotations

import fnmatch

from nlshell.risk.book import Rule, program
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.risk.rules.interpreters import interpreter
from nlshell.shell.model import Command, Word
from nlshell.shell.options import parse as parse_options
from nlshell.shell.tools import grammar_of

ESSENTIAL_PACKAGES = frozenset(
    """
    libc6 libc-bin glibc systemd systemd-sysv init coreutils bash dash sudo apt dpkg rpm yum dnf pacman
    base base-files util-linux login passwd linux-image-generic linux-generic kernel kernel-core grub
    grub2 grub-pc grub-efi-amd64 grub2-common libpam0g libpam-modules pam perl-base python3 python
    findutils grep sed tar gzip mount procps openssh-server libselinux zlib1g libstdc++6 ubuntu-minimal
    ubuntu-desktop apt-utils
    """.split()
)

RULES = [
    Rule("packages.remove-essential", DANGEROUS, "removes the essential package {package} (the system may not boot or work)"),
    Rule("packages.remove", CAUTION, "removes packages with {tool}"),
    Rule("packages.change", CAUTION, "{tool} {verb} changes installed software"),
    Rule("packages.python", CAUTION, "{tool} {verb} changes installed Python packages"),
    Rule("packages.run-fetched", CAUTION, "{tool} runs a package fetched from the registry"),
    Rule("packages.install", CAUTION, "{tool} {verb} changes installed packages{where}"),
    Rule("packages.publish", CAUTION, "{tool} {verb} publishes or changes a published package"),
    Rule("packages.clean", CAUTION, "{tool} {verb} deletes {what} (fetched or built again when needed)"),
    Rule("packages.plugin", CAUTION, "{tool} {verb} is not a {tool} command: a {tool}-{verb} program may run anything"),
]

# (program, the subcommand words that delete a cache or build outputs) -> what goes.
_CLEANS = {
    ("npm", "cache clean"): "npm's download cache", ("npm", "cache rm"): "npm's download cache",
    ("yarn", "cache clean"): "yarn's download cache", ("pnpm", "store prune"): "unused packages in pnpm's store",
    ("pip", "cache purge"): "pip's download cache", ("pip", "cache remove"): "wheels in pip's cache",
    ("pip3", "cache purge"): "pip's download cache", ("pip3", "cache remove"): "wheels in pip's cache",
    ("uv", "cache clean"): "uv's cache", ("uv", "cache prune"): "unused entries of uv's cache",
    ("cargo", "clean"): "the build outputs in target/", ("go", "clean"): "build or module caches",
    ("gem", "cleanup"): "old versions of installed gems", ("conda", "clean"): "conda's caches and unused packages",
    ("poetry", "cache clear"): "poetry's cache", ("composer", "clear-cache"): "composer's cache",
    ("dotnet", "nuget locals"): "NuGet's caches", ("bun", "pm cache rm"): "bun's cache",
}

_SYSTEM_MANAGERS = (
    "apt", "apt-get", "aptitude", "yum", "dnf", "microdnf", "zypper", "apk", "snap", "flatpak", "brew", "port", "pkg",
    "pkgin", "xbps-install", "xbps-remove", "eopkg", "swupd", "nala",
)
_READ_VERBS = frozenset(
    """
    list search show policy depends rdepends info provides whatprovides repolist check-update changelog madison
    showpkg stats doctor config outdated deps uses leaves desc home find history help version --version se if lu lp
    pa source download check query dump why cat log fetch buildinfo list-installed ls search-file
    """.split()
)
_REMOVE_VERBS = frozenset({"remove", "purge", "autoremove", "erase", "rm", "del", "uninstall", "autopurge", "zap"})
_DPKG_READS = frozenset(
    "-l -L -s -S -c -I --list --listfiles --status --search --contents --info --get-selections "
    "--print-architecture --audit -C".split()
)


@program(*_SYSTEM_MANAGERS, "pacman", "yay", "paru", "dpkg", "rpm", "emerge", "nix-env", "nix")
def system_packages(ctx, cmd) -> None:
    name = cmd.name
    words = [a.text for a in cmd.args]
    operands = [w.text for w in parse_options(cmd.args, grammar_of(name)).operands]
    verb = operands[0] if operands else ""
    packages: list = []
    if name in _SYSTEM_MANAGERS:
        if not verb or verb in _READ_VERBS:
            return
        removing = verb in _REMOVE_VERBS or name == "xbps-remove"
        packages = operands[1:]
    elif name in ("pacman", "yay", "paru"):
        flag = next((w for w in words if w.startswith("-") and not w.startswith("--")), "")
        if not flag or flag.startswith(("-Q", "-Ss", "-Si", "-F", "-T", "-V", "-h")):
            return
        removing, packages = flag.startswith("-R"), operands
    elif name == "dpkg":
        if any(w in _DPKG_READS for w in words) or not any(w.startswith("-") for w in words):
            return
        removing, packages = any(w in ("-r", "-P", "--remove", "--purge") for w in words), operands
    elif name == "rpm":
        if any(w.startswith("-q") or w in ("--query", "-V", "--verify", "--checksig", "-K") for w in words):
            return
        removing, packages = any(w == "--erase" or w.startswith("-e") for w in words), operands
    elif name == "emerge":
        if any(w in ("-s", "--search", "-S", "--searchdesc", "--info", "-p", "--pretend") for w in words):
            return
        removing, packages = any(w in ("-C", "--unmerge", "--depclean", "-c") for w in words), operands
    elif name == "nix-env":
        if any(w in ("-q", "--query") for w in words):
            return
        removing = any(w in ("-e", "--uninstall") for w in words)
    else:  # nix
        if verb != "profile":
            return
        removing = False
    if not removing:
        ctx.add("packages.change", cmd, tool=name, verb=verb)
        return
    essential = [
        p for p in packages
        if _names_essential(p.split("=")[0].split(":")[0]) or p.startswith(("linux-image", "kernel-")) or p == "*"
    ] if name not in _BESIDE_THE_SYSTEM else []
    if essential:
        ctx.add("packages.remove-essential", cmd, package=essential[0])
    else:
        ctx.add("packages.remove", cmd, tool=name)


# Managers that install beside the operating system, not as it: removing their python or bash leaves
# the system's own in place.
_BESIDE_THE_SYSTEM = frozenset({"brew", "port", "snap", "flatpak", "nix-env", "nix", "pkgin"})
_RUNNER_VALUES = frozenset({"-p", "--package", "--call", "-c", "--from", "--with", "--python"})


def _fetched_command(name: str, args: list) -> list:
    """The command `npx`/`bunx`/`uvx`/`pnpm dlx` runs: the words after its own options."""
    words = list(args)
    if name in ("pnpm", "yarn", "pipx", "uv", "npm", "bun") and words:
        words = words[2:] if name == "uv" else words[1:]  # `pnpm dlx`, `pipx run`, `uv tool run`, `npm exec`
    i = 0
    while i < len(words) and words[i].text.startswith("-"):
        i += 2 if words[i].text in _RUNNER_VALUES else 1
    ran = words[i:]
    if name in ("npm", "bun") and any(w.text == "--" for w in ran):  # `npm exec rm -- -rf ~`: npm's own `--`
        k = next(k for k, w in enumerate(ran) if w.text == "--")
        ran = ran[:k] + ran[k + 1 :]
    return ran


def _called_code(name: str, args: list) -> list:
    """The code strings `npm exec -c 'cmd'` / `--call 'cmd'` runs in a shell."""
    if name != "npm":
        return []
    texts = [a.text for a in args]
    found = [args[k + 1] for k, t in enumerate(texts[:-1]) if t in ("-c", "--call")]
    return found + [Word(t.split("=", 1)[1]) for t in texts if t.startswith("--call=")]


_PIP_CHANGES = frozenset({"install", "uninstall", "remove", "reinstall", "upgrade", "upgrade-all", "inject", "sync", "add"})
_NODE_CHANGES = frozenset(
    "install i add ci uninstall remove rm un r update upgrade up link ln dedupe prune global".split()
)
_OTHER_MANAGERS = (
    "gem", "cargo", "go", "composer", "luarocks", "cpan", "cpanm", "opam", "stack", "cabal", "conda", "mamba",
    "micromamba", "poetry", "pdm", "hatch", "rye", "dotnet", "nuget", "mvn", "mvnw", "gradle", "gradlew", "twine",
    "rustup",
)
_RISKY_VERBS = frozenset(
    "install uninstall remove update upgrade add publish yank deploy get release:perform release:prepare upload "
    "create push sync owner unpublish".split()
)
_PUBLISHING = ("publish", "upload", "deploy", "release", "push", "yank")
# Managers that run a program named `<tool>-<word>` from PATH for a subcommand they do not have, with
# their own subcommands and the options of theirs that take a value (before the subcommand).
_PLUGIN_HOSTS = {
    "cargo": (frozenset(
        "add b bench build c check clean clippy config d doc fetch fix fmt generate-lockfile git-checkout help info "
        "init install locate-project login logout metadata miri new owner package pkgid publish r read-manifest remove "
        "report rm run rustc rustdoc search t test tree uninstall update vendor verify-project version yank".split()
    ), frozenset({"-Z", "--config", "--color", "-C", "--explain"})),
    "dotnet": (frozenset(
        "new restore build publish run test pack migrate clean sln add remove list nuget msbuild vstest store tool "
        "build-server help sdk workload format watch dev-certs user-secrets user-jwts fsi package reference project "
        "exec".split()
    ), frozenset({"--roll-forward", "--additionalprobingpath", "--depsfile", "--runtimeconfig", "--fx-version"})),
    "conda": (frozenset(
        "activate deactivate clean compare config create info init install list notices package remove uninstall "
        "rename run search update upgrade env doctor export help build develop index convert inspect skeleton "
        "render verify content-trust token repo server".split()
    ), frozenset()),
}


@program("npx", "bunx", "uvx", "pnpx", "pip", "pip3", "pipx", "uv", "npm", "pnpm", "yarn", "bun", *_OTHER_MANAGERS)
def language_packages(ctx, cmd) -> None:
    name = cmd.name
    words = [a.text for a in cmd.args]
    if name == "bun" and any(w in ("-e", "--eval", "-p", "--print") or w.startswith(("--eval=", "--print="))
                             for w in words):
        interpreter(ctx, cmd)  # `bun -e CODE` runs JavaScript, as `node -e` does
        return
    operands = [w for w in words if not w.startswith("-")]
    verb = operands[0] if operands else ""
    for n in (3, 2, 1):
        what = _CLEANS.get((name, " ".join(operands[:n])))
        if what is not None and len(operands) >= n:
            ctx.add("packages.clean", cmd, tool=name, verb=" ".join(operands[:n]), what=what)
            return
    if (
        name in ("npx", "bunx", "uvx", "pnpx")
        or (name == "pipx" and verb == "run")
        or (name == "uv" and operands[:2] == ["tool", "run"])
        or (name in ("pnpm", "yarn") and verb == "dlx")
        or (name == "npm" and verb in ("exec", "x"))
        or (name == "bun" and verb == "x")
    ):
        ctx.add("packages.run-fetched", cmd, tool=name if name not in ("npm", "bun") else f"{name} {verb}")
        called = _called_code(name, cmd.args)
        for code in called:
            ctx.merge(ctx.nested(code.text), cmd)
        ran = _fetched_command(name, cmd.args) if not called else []
        if ran:  # `npx prisma migrate reset --force`: and what the package itself is told to do
            ctx.apply(Command(argv=ran, wrappers=cmd.wrappers, depth=cmd.depth, remote=cmd.remote))
    elif name in ("pip", "pip3", "pipx", "uv"):
        if name == "uv" and verb == "pip":
            verb = operands[1] if len(operands) > 1 else ""
        if verb in _PIP_CHANGES:
            ctx.add("packages.python", cmd, tool=name, verb=verb)
        elif verb == "publish":
            ctx.add("packages.publish", cmd, tool=name, verb=verb)
    elif name in ("npm", "pnpm", "yarn", "bun"):
        if verb in _NODE_CHANGES or (name == "yarn" and not verb):
            globally = "-g" in words or "--global" in words or verb == "global"
            ctx.add("packages.install", cmd, tool=name, verb=verb or "install", where=" globally" if globally else "")
        elif verb in ("publish", "unpublish", "deprecate"):
            ctx.add("packages.publish", cmd, tool=name, verb=verb)
    elif name in _PLUGIN_HOSTS and (plugin := _plugin(name, words)):
        ctx.add("packages.plugin", cmd, tool=name, verb=plugin)
    else:
        hits = [w for w in operands[:3] if w in _RISKY_VERBS or w.startswith(("publish", "upload", "deploy", "release:"))]
        if name in ("cpan", "cpanm") and operands:
            hits = ["install"]
        if hits and any(h.startswith(_PUBLISHING) for h in hits):
            ctx.add("packages.publish", cmd, tool=name, verb=hits[0])
        elif hits:
            ctx.add("packages.install", cmd, tool=name, verb=hits[0], where="")


def _plugin(name: str, words: list[str]) -> str:
    """The subcommand `cargo`/`dotnet`/`conda` would hand to a `<tool>-<word>` program, if it is one."""
    known, valued = _PLUGIN_HOSTS[name]
    i = 0
    while i < len(words) and (words[i].startswith("-") or (name == "cargo" and words[i].startswith("+"))):
        i += 2 if words[i] in valued else 1
    if i >= len(words):
        return ""
    word = words[i]
    if word in known or (name == "dotnet" and word.endswith(".dll")):  # `dotnet app.dll` runs the app, as python does
        return ""
    return word


def _names_essential(package: str) -> bool:
    """`libc6`, or a pattern apt and dnf expand that takes one in (`'python3*'`, `systemd-*`)."""
    if package in ESSENTIAL_PACKAGES:
        return True
    return any(c in package for c in "*?[") and bool(fnmatch.filter(ESSENTIAL_PACKAGES, package))


EXAMPLES = [
    ("apt-get remove --purge libc6", DANGEROUS, "packages.remove-essential"),
    ("apt-get -o Dpkg::Options::=--force-all remove libc6", DANGEROUS, "packages.remove-essential"),
    ("pacman -Rns systemd", DANGEROUS, "packages.remove-essential"),
    ("apt-get remove cowsay", CAUTION, "not packages.remove-essential"),
    ("apt remove --purge 'python3*'", DANGEROUS, "packages.remove-essential"),
    ("apt remove 'cowsay*'", CAUTION, "not packages.remove-essential"),
    ("brew uninstall python", CAUTION, "not packages.remove-essential"),
    ("sudo apt-get remove cowsay", CAUTION, "packages.remove"),
    ("rpm -e cowsay", CAUTION, "packages.remove"),
    ("apt-cache show cowsay", SAFE, "not packages.remove"),
    ("sudo apt install ripgrep", CAUTION, "packages.change"),
    ("brew install fd", CAUTION, "packages.change"),
    ("apt list --installed", SAFE, "not packages.change"),
    ("pip install requests", CAUTION, "packages.python"),
    ("python3 -m pip install requests", CAUTION, "packages.python"),
    ("uv pip install requests", CAUTION, "packages.python"),
    ("pip list", SAFE, "not packages.python"),
    ("npx create-react-app my-app", CAUTION, "packages.run-fetched"),
    ("uvx ruff check", CAUTION, "packages.run-fetched"),
    ("npm exec -- rimraf dist", CAUTION, "packages.run-fetched"),
    ("npm cache clean --force", CAUTION, "packages.clean"),
    ("cargo clean", CAUTION, "packages.clean"),
    ("go clean -modcache", CAUTION, "packages.clean"),
    ("npm cache verify", SAFE, "not packages.clean"),
    ("npm exec rm -- -rf ~", DANGEROUS, "files.delete-broad"),
    ("npm exec -c 'rm -rf ~'", DANGEROUS, "files.delete-broad"),
    ("bun x rimraf dist", CAUTION, "packages.run-fetched"),
    ("bun -e 'require(\"child_process\").execSync(\"rm -rf ~\")'", DANGEROUS, "files.delete-broad"),
    ("bun -e 'console.log(1)'", SAFE, "not packages.run-fetched"),
    ("npm ls", SAFE, "not packages.run-fetched"),
    ("npm install -g typescript", CAUTION, "packages.install"),
    ("cargo install ripgrep", CAUTION, "packages.install"),
    ("cargo build", SAFE, "not packages.install"),
    ("cargo frobnicate --all", CAUTION, "packages.plugin"),
    ("cargo +nightly -Z unstable-options llvm-cov", CAUTION, "packages.plugin"),
    ("cargo +nightly -Z unstable-options build", SAFE, "not packages.plugin"),
    ("dotnet ef database drop", CAUTION, "packages.plugin"),
    ("dotnet bin/app.dll", SAFE, "not packages.plugin"),
    ("conda frobnicate", CAUTION, "packages.plugin"),
    ("conda env list", SAFE, "not packages.plugin"),
    ("npm publish", CAUTION, "packages.publish"),
    ("cargo publish", CAUTION, "packages.publish"),
    ("twine upload dist/*", CAUTION, "packages.publish"),
    ("npm pack", SAFE, "not packages.publish"),
]
