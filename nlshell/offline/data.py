"""What the offline index holds, read from the package data: tldr pages (their summaries and
examples), nlshell's own everyday examples, NL2Bash, and this machine's man page NAME lines.

The unit is the page: a program (or a suite's subcommand, `git push`) with its summary, its
examples and the NL2Bash descriptions of commands that run it. Ranking picks a page first and an
example within it second, so NL2Bash rows support a page but never outvote it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from nlshell.offline.commands import command_parts, example_programs, shell_words
from nlshell.offline.known import BUILTINS, CORE
from nlshell.offline.slots import slot_kinds
from nlshell.offline.vocabulary import indexed_words

DATA_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
TLDR_FILE = "tldr.tsv.gz"
PAGES_FILE = "tldr-pages.tsv.gz"
NL2BASH_FILE = "nl2bash.tsv.gz"
EXAMPLES_GLOB = re.compile(r"^examples(-[a-z]+)?\.tsv$")  # nlshell's own, reviewed everyday examples, by area
VERSION_FILE = "offline-data.version"
NL2BASH_SUPPORT = 200  # NL2Bash descriptions per page that support it
POPULAR_USES = 10  # NL2Bash commands that use a program to make it popular

_APROPOS_LINE = re.compile(r"^(\S+(?:, \S+)*) \((\d)[^)]*\)\s+- (.*)$")
# Lines that start with no program: a crontab file's (`30 2 * * Fri /path/to/script.sh`, `@reboot …`),
# shown by tldr's crontab page, and a number or a bare glob (clifm's `12`, glob's `*`). Offered as an
# answer they would run a program named `30`.
_NOT_A_COMMAND = re.compile(r"^\s*(?:\d+(?:\s|$)|[*?]\S*(?:\s|$)|@[a-z]+\s)")


def data_version() -> str:
    """The packaged data's content hash (written by scripts/build_offline_data.py)."""
    try:
        with open(os.path.join(DATA_DIR, VERSION_FILE), encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return "missing"


def own_example_files() -> list[str]:
    """examples.tsv and examples-<area>.tsv: one file per area, so each is reviewed on its own."""
    return sorted((name for name in os.listdir(DATA_DIR) if EXAMPLES_GLOB.match(name)), key=lambda n: (n != "examples.tsv", n))


def own_examples_digest() -> str:
    from nlshell.digest import sha256_hex

    content = b""
    for name in own_example_files():
        with open(os.path.join(DATA_DIR, name), "rb") as f:
            content += name.encode() + b"\0" + f.read() + b"\0"
    return sha256_hex(content)[:12]


def current_platform() -> str:
    if sys.platform.startswith("linux"):
        return "linux"
    if sys.platform == "darwin":
        return "osx"
    return "common"


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a packaged TSV (gzip or plain), header and `#` comments left out."""
    path = os.path.join(DATA_DIR, name)
    if name.endswith(".gz"):
        import gzip

        with gzip.open(path, "rt", encoding="utf-8") as f:
            lines = f.read().split("\n")[1:]
    else:
        with open(path, encoding="utf-8") as f:
            lines = [line for line in f.read().split("\n") if not line.startswith("#")][1:]
    return [line.split("\t") for line in lines if line]


def man_summaries(timeout: float = 3.0) -> dict[str, str]:
    """One-line descriptions of the commands installed here, from the man pages' NAME lines
    (`apropos`, sections 1, 6 and 8); {} when there are no man pages. Read at build time from
    the user's own machine, never shipped."""
    import subprocess

    try:
        proc = subprocess.run(
            ["apropos", "."],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "LC_ALL": "C.UTF-8", "LANGUAGE": "", "MANPAGER": "cat", "PAGER": "cat"},
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    summaries: dict[str, str] = {}
    for line in proc.stdout.splitlines():
        match = _APROPOS_LINE.match(line)
        if match and match.group(2) in "168":
            for name in match.group(1).split(", "):
                summaries.setdefault(name.strip(), match.group(3).strip())
    return summaries


@dataclass
class Page:
    """A program, or a suite's subcommand, as the ranking sees it."""

    name: str  # `git-push`, `tar`, or the program of NL2Bash rows no page describes
    program: str
    names: str  # words that name it: `git push git`
    summary: str  # the tldr page's summary, then the man page's NAME line
    examples: list[str] = field(default_factory=list)  # descriptions of its examples
    everyday: list[str] = field(default_factory=list)  # … those of nlshell's own: what it is for, in everyday words
    support: list[str] = field(default_factory=list)  # NL2Bash descriptions of commands that run it
    popular: bool = False  # a standard tool, a builtin, or one NL2Bash uses often (main pages only)
    commands: list[str] = field(default_factory=list)  # its examples' commands
    slots: list[str] = field(default_factory=list)  # the kinds of value its examples take (`file`, `port`)


@dataclass
class Entry:
    page: int  # index into IndexData.pages
    description: str
    command: str
    source: str  # "tldr", "nlshell" or "nl2bash"
    programs: str  # the programs it runs, space-separated, first = the one it is about
    parts: int
    words: str = ""  # its description's canonical words, as the index holds them


@dataclass
class IndexData:
    pages: list[Page]
    entries: list[Entry]
    programs: dict[str, tuple[int, int, int]]  # program → (NL2Bash commands using it, subcommand
    #                                             pages, descriptions of other programs that say its name)
    terms: dict[str, int]  # canonical word → descriptions and summaries using it
    excluded: list[str]  # NL2Bash line numbers left out


def _visible_pages(platform: str) -> tuple[list[list[str]], set[str]]:
    """The tldr examples this platform sees: a page of its own (`linux/df`) hides the `common/`
    page of the same name, as tldr clients do."""
    tldr = read_tsv(TLDR_FILE)
    known = {row[0] for row in tldr}
    visible = []
    for row in tldr:
        section, name = row[0].split("/", 1)
        if section == "common" and f"{platform}/{name}" in known:
            continue
        if section not in ("common", platform) and f"common/{name}" in known:
            continue
        visible.append(row)
    return visible, {row[0] for row in visible}


def _subcommand_page(pages: dict[str, int], program: str, command: str) -> str | None:
    """The page of a suite's subcommand a command runs (`git push -f` → `git-push`), if one exists."""
    words = shell_words(command)
    if program not in words:
        return None
    after = [w for w in words[words.index(program) + 1 :] if not w.startswith("-")]
    return f"{program}-{after[0]}" if after and f"{program}-{after[0]}" in pages else None


def index_data(
    platform: str, exclude: Callable[[str], bool] | None, man: dict[str, str] | None = None
) -> IndexData:
    """Everything the index holds."""
    man = man or {}
    pages: list[Page] = []
    by_name: dict[str, int] = {}
    entries: list[Entry] = []

    def page_of(name: str, program: str) -> int:
        if name not in by_name:
            names = " ".join(dict.fromkeys((name.replace("-", " "), program)))
            by_name[name] = len(pages)
            pages.append(Page(name, program, names, ""))
        return by_name[name]

    tldr, visible = _visible_pages(platform)
    summaries = {page.split("/", 1)[1]: text for page, text in read_tsv(PAGES_FILE) if page in visible}
    documented = [(page.split("/", 1)[1], used, description, command, "tldr") for page, used, description, command in tldr]
    for name, description, command in (row for file in own_example_files() for row in read_tsv(file)):
        used = " ".join(example_programs(name, command))
        documented.append((name, used, description, command, "nlshell"))
    documented = [row for row in documented if not _NOT_A_COMMAND.match(row[3])]
    runs: dict[str, dict[str, int]] = {}
    for name, used, *_ in documented:
        counted = runs.setdefault(name, {})
        for program in used.split():
            counted[program] = counted.get(program, 0) + 1
    for name, used, description, command, source in documented:
        # What the page is about: the program its name says when its examples run it (`htmlq`, whose
        # examples read `cat … | htmlq`), else the one they run most.
        own = next((p for p in (name, name.split("-")[0]) if p in runs[name]), None)
        program = own or max(runs[name], key=runs[name].get)
        entries.append(Entry(page_of(name, program), description, command, source, used, command_parts(command)))
    excluded = []
    uses: dict[str, int] = {}
    suites = {name.split("-", 1)[0] for name in by_name if "-" in name}  # programs with subcommand pages
    for line, used, description, command in read_tsv(NL2BASH_FILE):
        if exclude is not None and exclude(description):
            excluded.append(line)
            continue
        ran = used.split() if used != "-" else []
        for program in ran:
            uses[program] = uses.get(program, 0) + 1
        if not ran:
            continue
        name = (_subcommand_page(by_name, ran[0], command) if ran[0] in suites else None) or ran[0]
        entries.append(Entry(page_of(name, ran[0]), description, command, "nl2bash", used, command_parts(command)))
    for entry in entries:
        page = pages[entry.page]
        if entry.source == "nl2bash":
            if len(page.support) < NL2BASH_SUPPORT:
                page.support.append(entry.description)
        else:
            page.examples.append(entry.description)
            page.commands.append(entry.command)
            if entry.source == "nlshell":
                page.everyday.append(entry.description)
    for page in pages:
        own = summaries.get(page.name, "") or (page.examples[0] if page.examples and page.name not in summaries else "")
        page.summary = " ".join(text for text in (own, man.get(page.program, "")) if text)
    subpages: dict[str, int] = {}
    for page in pages:
        head, _, rest = page.name.partition("-")
        if rest and page.examples:
            subpages[head] = subpages.get(head, 0) + 1
    for page in pages:
        page.popular = bool(page.examples) and page.name == page.program and (
            page.program in CORE or page.program in BUILTINS or uses.get(page.program, 0) >= POPULAR_USES
        )
        page.slots = sorted({kind for command in page.commands for kind in slot_kinds(command)})
    known = uses.keys() | subpages.keys() | {page.program for page in pages}
    said: dict[str, int] = {}
    terms: dict[str, int] = {}
    for entry in entries:
        entry.words = " ".join(indexed_words(entry.description))
    for words, program in [(e.words.split(), pages[e.page].program) for e in entries] + [
        (indexed_words(p.summary), p.program) for p in pages
    ]:
        for word in set(words):
            terms[word] = terms.get(word, 0) + 1
            if word in known and word != program:
                said[word] = said.get(word, 0) + 1
    return IndexData(
        pages=pages,
        entries=entries,
        programs={p: (uses.get(p, 0), subpages.get(p, 0), said.get(p, 0)) for p in known},
        terms=terms,
        excluded=excluded,
    )
