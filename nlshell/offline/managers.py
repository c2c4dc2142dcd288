"""The machine's own package manager: an answer written with apt or dpkg (the examples' and the
word table's choice) is said with dnf, pacman, zypper, apk or brew on a machine that has one of
those and no apt, so "install htop" on Fedora is `sudo dnf install htop`, on a Mac `brew install
htop`. A command these tables cannot say exactly is left as it was written. A language's manager
answers only what is said to be its (`subcommand_names`).
"""

from __future__ import annotations

from collections.abc import Callable

from nlshell.offline.vocabulary import stem, vocabulary

OTHERS = ("dnf", "pacman", "zypper", "apk", "brew")  # looked for in this order when apt is absent

# apt's subcommand -> each manager's words for it (None: no such thing there).
_APT = {
    "install": ("dnf install", "pacman -S", "zypper install", "apk add", "brew install"),
    "reinstall": ("dnf reinstall", "pacman -S", "zypper install -f", "apk fix", "brew reinstall"),
    "remove": ("dnf remove", "pacman -R", "zypper remove", "apk del", "brew uninstall"),
    "purge": ("dnf remove", "pacman -Rns", "zypper remove --clean-deps", "apk del --purge", "brew uninstall"),
    "autoremove": ("dnf autoremove", None, None, None, "brew autoremove"),
    "update": ("dnf check-update", "pacman -Sy", "zypper refresh", "apk update", "brew update"),
    "upgrade": ("dnf upgrade", "pacman -Syu", "zypper update", "apk upgrade", "brew upgrade"),
    "full-upgrade": ("dnf upgrade", "pacman -Syu", "zypper dist-upgrade", "apk upgrade", "brew upgrade"),
    "dist-upgrade": ("dnf upgrade", "pacman -Syu", "zypper dist-upgrade", "apk upgrade", "brew upgrade"),
    "search": ("dnf search", "pacman -Ss", "zypper search", "apk search", "brew search"),
    "show": ("dnf info", "pacman -Si", "zypper info", "apk info", "brew info"),
    "list --installed": ("dnf list --installed", "pacman -Q", "zypper search --installed-only", "apk info",
                         "brew list"),
    "list --upgradable": ("dnf check-update", "pacman -Qu", "zypper list-updates", "apk version -l '<'",
                          "brew outdated"),
}
# dpkg's queries -> each manager's.
_DPKG = {
    "-L": ("rpm -ql", "pacman -Ql", "rpm -ql", "apk info -L", "brew list"),
    "--listfiles": ("rpm -ql", "pacman -Ql", "rpm -ql", "apk info -L", "brew list"),
    "-S": ("rpm -qf", "pacman -Qo", "rpm -qf", "apk info --who-owns", None),
    "--search": ("rpm -qf", "pacman -Qo", "rpm -qf", "apk info --who-owns", None),
    "-l": ("rpm -qa", "pacman -Q", "rpm -qa", "apk info", "brew list"),
    "--list": ("rpm -qa", "pacman -Q", "rpm -qa", "apk info", "brew list"),
}
# apt's options: "without asking" said each manager's way (None: it never asks), or nothing to say.
_YES = ("-y", "--yes", "--assume-yes")
_YES_SAID = ("-y", "--noconfirm", "-y", None, None)
_QUIET = frozenset({"-q", "-qq", "--quiet", "--no-install-recommends", "--install-recommends"})
_SHELL = frozenset("|;&<>()$`\\")


def this_machines(installed: Callable[[str], bool | None]) -> str | None:
    """The manager to say apt's answers with: None where apt (or apt-get) is here or no other is."""
    if installed("apt") or installed("apt-get"):
        return None
    return next((manager for manager in OTHERS if installed(manager)), None)


def said_with(command: str, manager: str) -> str:
    """`command` said with `manager` when it is one apt or dpkg command these tables know."""
    if any(c in _SHELL for c in command) or "\n" in command:
        return command
    words = command.split()
    sudo = words[:1] == ["sudo"]
    words = words[1:] if sudo else words
    if not words or words[0] not in ("apt", "apt-get", "apt-cache", "dpkg"):
        return command
    which = OTHERS.index(manager)
    said = _dpkg(words[1:], which) if words[0] == "dpkg" else _apt(words[1:], which)
    if said is None:
        return command
    root = sudo and manager != "brew" and not said.startswith(("rpm -q", "pacman -Q", "apk info"))
    return ("sudo " if root else "") + said


def _apt(words: list[str], which: int) -> str | None:
    options = [w for w in words if w.startswith("-")]
    operands = [w for w in words if not w.startswith("-")]
    if not operands or any(o not in _QUIET and o not in _YES and o not in ("--installed", "--upgradable")
                           for o in options):
        return None  # an option these tables cannot say another way
    verb = operands[0]
    if any(o.endswith(".deb") for o in operands[1:]):
        return None  # a Debian package file: no other manager installs it
    if verb == "list":
        shown = [o for o in options if o in ("--installed", "--upgradable")]
        if len(shown) != 1 or operands[1:]:
            return None
        verb = f"list {shown[0]}"
    words_for = _APT.get(verb)
    if words_for is None or words_for[which] is None:
        return None
    yes = _YES_SAID[which] if any(o in _YES for o in options) else None
    return " ".join([words_for[which], *([yes] if yes else []), *operands[1:]])


def _dpkg(words: list[str], which: int) -> str | None:
    if not words or words[0] not in _DPKG or any(w.startswith("-") for w in words[1:]):
        return None
    if words[0] in ("-l", "--list") and words[1:]:
        return None  # `dpkg -l 'pattern'`: a listing of some packages, said differently by each
    words_for = _DPKG[words[0]][which]
    return None if words_for is None else " ".join([words_for, *words[1:]])


# Package managers of a language or a project: their subcommands' words (install, update, remove) are
# every package manager's, so said alone they name none of these ("update all packages" is the system's
# manager's, not `npm update`); the language, the project or the manager's name does.
_PROJECT_MANAGERS = frozenset("npm pnpm yarn bun pip pip3 pipx uv poetry conda mamba gem bundle cargo composer go".split())
_JAVASCRIPT_MANAGERS = frozenset({"npm", "pnpm", "yarn", "bun"})  # one project, one package.json, npm's words


def subcommand_names(program: str, said: set[str], text: str) -> bool:
    """Whether a suite's subcommand word said in a request (`said`: its stems, `text`: it in lower case)
    names the suite: always, except a language's manager's, whose packages the request must call by a
    word only they have ("which deps are outdated": a project's dependencies, npm's)."""
    if program not in _PROJECT_MANAGERS:
        return True
    said_as = "npm" if program in _JAVASCRIPT_MANAGERS else program
    kinds = vocabulary().around.get(f"manager_kind:{said_as}", frozenset())
    return any(stem(kind) in said or kind in text for kind in kinds)
