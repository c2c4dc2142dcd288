"""The hand-written everyday tables (tests/data/everyday*.tsv) and what counts as a right answer.

Two formats, told apart by the header line:

- `request  kind  programs`: the programs a good first answer uses (`git:push` also asks for the
  subcommand);
- `request  kind  accept`: whole acceptable answers, separated by " ; ", each a program (or
  `program:subcommand`) and what the command must contain — space-separated groups, every group
  needed, a group being `|`-separated shell-style patterns matched against the command's words
  after the program and against its short options one by one (`-lS` has `-l` and `-S`).

`kind` is `read` (the request only looks) or `change`. Shared by benchmarks/eval.py and the tests,
so a table is read and scored one way only.
"""

from __future__ import annotations

import collections
import fnmatch
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from nlshell.offline import first_program, shell_words  # noqa: E402

DATA = REPO / "tests" / "data"
TABLES = {
    "everyday": DATA / "everyday.tsv",
    "everyday-holdout": DATA / "everyday_holdout.tsv",  # held out in round one; tuned on since
    "everyday-holdout2": DATA / "everyday_holdout2.tsv",  # … likewise
    "everyday-accept": DATA / "everyday_accept.tsv",  # held out in the intent/slots round; tuned on since
    "everyday-holdout3": DATA / "everyday_holdout3.tsv",  # held out in round two, reported untouched; tuned on since
    "everyday-holdout4": DATA / "everyday_holdout4.tsv",  # … in round three, likewise
    "everyday-holdout5": DATA / "everyday_holdout5.tsv",  # … in round four, likewise
    "everyday-holdout6": DATA / "everyday_holdout6.tsv",  # … in round five, likewise
    "everyday-holdout7": DATA / "everyday_holdout7.tsv",  # … in round six, likewise
    "everyday-holdout8": DATA / "everyday_holdout8.tsv",  # … in round seven, likewise
    "everyday-holdout9": DATA / "everyday_holdout9.tsv",  # held out in round eight, reported untouched; tuned on from now
    "everyday-holdout10": DATA / "everyday_holdout10.tsv",  # held out in round nine, reported untouched; tuned on since
    "everyday-holdout11": DATA / "everyday_holdout11.tsv",  # held out in round ten, reported untouched; tuned on since
    "everyday-holdout12": DATA / "everyday_holdout12.tsv",  # held out in round eleven, reported untouched; tuned on since
    "everyday-holdout13": DATA / "everyday_holdout13.tsv",  # held out in round twelve, reported untouched; tuned on from now
    "everyday-holdout14": DATA / "everyday_holdout14.tsv",  # held out in round thirteen, reported untouched; tuned on from round fifteen
    "everyday-holdout14b": DATA / "everyday_holdout14b.tsv",  # … likewise
    "everyday-holdout15": DATA / "everyday_holdout15.tsv",  # held out in round fourteen; tuned on from round sixteen
    "everyday-holdout15b": DATA / "everyday_holdout15b.tsv",  # … likewise
    "everyday-holdout16": DATA / "everyday_holdout16.tsv",  # held out in round fifteen; measured, not tuned on, in sixteen
    "everyday-holdout17": DATA / "everyday_holdout17.tsv",  # held out in round sixteen, reported untouched
    "everyday-holdout18": DATA / "everyday_holdout18.tsv",  # held out in round seventeen, measured, not tuned on, in eighteen
    "everyday-holdout19": DATA / "everyday_holdout19.tsv",  # held out in round eighteen, measured in nineteen, tuned on from twenty
    "everyday-holdout19b": DATA / "everyday_holdout19b.tsv",  # … a second writer, same brief, likewise
    "everyday-holdout20": DATA / "everyday_holdout20.tsv",  # held out in round nineteen, measured in twenty, tuned on from twenty-one
    "everyday-holdout20b": DATA / "everyday_holdout20b.tsv",  # … a second writer, same brief, likewise
    "everyday-holdout21": DATA / "everyday_holdout21.tsv",  # held out in round twenty, measured in twenty-one, tuned on from twenty-two
    "everyday-holdout21b": DATA / "everyday_holdout21b.tsv",  # … a second writer, same brief, likewise
    "everyday-holdout22": DATA / "everyday_holdout22.tsv",  # held out in round twenty-one, measured in twenty-two, tuned on from twenty-three
    "everyday-holdout22b": DATA / "everyday_holdout22b.tsv",  # … a second writer, same brief, likewise
    "everyday-holdout23": DATA / "everyday_holdout23.tsv",  # held out in round twenty-two, measured in twenty-three, tuned on from twenty-four
    "everyday-holdout23b": DATA / "everyday_holdout23b.tsv",  # … a second writer, same brief, likewise
    "everyday-holdout24": DATA / "everyday_holdout24.tsv",  # held out in round twenty-three, measured in twenty-four, tuned on from twenty-five
    "everyday-holdout24b": DATA / "everyday_holdout24b.tsv",  # … a second writer, same brief, likewise
    "everyday-holdout25": DATA / "everyday_holdout25.tsv",  # held out in round twenty-four, measured in twenty-five, tuned on from twenty-six
    "everyday-holdout25b": DATA / "everyday_holdout25b.tsv",  # … a second writer, same brief, likewise
    "everyday-holdout26": DATA / "everyday_holdout26.tsv",  # held out in round twenty-five, measured, not tuned on, in twenty-six
    "everyday-holdout26b": DATA / "everyday_holdout26b.tsv",  # … a second writer, same brief, likewise
    "everyday-holdout27": DATA / "everyday_holdout27.tsv",  # held out in round twenty-six, measured in twenty-seven, tuned on from twenty-eight
    "everyday-holdout27b": DATA / "everyday_holdout27b.tsv",  # … a second writer, same brief, likewise
    "everyday-holdout28": DATA / "everyday_holdout28.tsv",  # held out in round twenty-seven, measured in twenty-eight, tuned on from twenty-nine
    "everyday-holdout28b": DATA / "everyday_holdout28b.tsv",  # … a second writer, same brief, likewise
    "everyday-holdout29": DATA / "everyday_holdout29.tsv",  # held out in round twenty-eight, measured, not tuned on, in twenty-nine
    "everyday-holdout29b": DATA / "everyday_holdout29b.tsv",  # … a second writer, same brief, likewise
    "everyday-holdout30": DATA / "everyday_holdout30.tsv",  # held out in round twenty-nine, reported untouched
    "everyday-holdout30b": DATA / "everyday_holdout30b.tsv",  # … a second writer, same brief, likewise
    "everyday-dev": DATA / "everyday_dev.tsv",  # for tuning
    "everyday-dev2": DATA / "everyday_dev2.tsv",  # for tuning: written blind in round twelve
    "everyday-dev3": DATA / "everyday_dev3.tsv",  # for tuning: written blind in round thirteen
    "everyday-dev4": DATA / "everyday_dev4.tsv",  # for tuning: written blind in round fourteen
    "everyday-dev5": DATA / "everyday_dev5.tsv",  # for tuning: written blind in round fifteen
    "everyday-dev6": DATA / "everyday_dev6.tsv",  # for tuning: written blind in round sixteen
    "everyday-dev7": DATA / "everyday_dev7.tsv",  # for tuning: written blind in round seventeen
    "everyday-dev8": DATA / "everyday_dev8.tsv",  # for tuning: written blind in round eighteen
    "everyday-dev9": DATA / "everyday_dev9.tsv",  # for tuning: written blind in round nineteen
    "everyday-dev10": DATA / "everyday_dev10.tsv",  # for tuning: read-only requests near changing ones, written blind in round twenty-five
}

# Programs whose single-dash options are words (`find -name`), so `-name` is not `-n -a -m -e`.
WORD_OPTIONS = frozenset({"find", "java", "javac", "gcc", "g++", "cc", "clang", "ffmpeg", "convert", "magick"})
_CLUSTER = re.compile(r"^-[A-Za-z]{2,}$")


@dataclass(frozen=True)
class Accept:
    """One acceptable answer: the program, its subcommand if any, and what else it must contain."""

    program: str
    subcommand: str = ""
    needs: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Row:
    request: str
    kind: str  # "read" or "change"
    accepts: tuple[Accept, ...]
    whole_commands: bool  # the table says what the command must contain, not only its program

    @property
    def programs(self) -> list[str]:
        return list(dict.fromkeys(a.program for a in self.accepts))

    @property
    def read_only(self) -> bool:
        return self.kind == "read"


def parse_accept(text: str) -> tuple[Accept, ...]:
    """`tail -n|-20 app.log ; less app.log` → two Accepts."""
    accepts = []
    for part in text.split(" ; "):
        program, *groups = part.split()
        name, _, subcommand = program.partition(":")
        accepts.append(Accept(name, subcommand, tuple(tuple(group.split("|")) for group in groups)))
    return tuple(accepts)


def load(path: Path) -> list[Row]:
    rows = []
    columns: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if fields[0] == "request":
            columns = fields
            continue
        record = dict(zip(columns, fields))
        if "accept" in record:
            rows.append(Row(record["request"], record["kind"], parse_accept(record["accept"]), True))
        else:
            accepts = tuple(Accept(*p.partition(":")[::2]) for p in record["programs"].split())
            rows.append(Row(record["request"], record["kind"], accepts, False))
    return rows


def short_options(program: str, word: str) -> list[str]:
    """`-lS` → [`-l`, `-S`] for most programs; `find -name` stays one option."""
    if program not in WORD_OPTIONS and _CLUSTER.match(word):
        return ["-" + letter for letter in word[1:]]
    return [word]


def _after_program(command: str, program: str) -> list[str]:
    """The command's words after its program's own word (`sudo tail -n 5 x` → `-n 5 x`)."""
    words = shell_words(command)
    for i, word in enumerate(words):
        if word == program or os.path.basename(word) == program:
            return words[i + 1 :]
    return words


def _subcommand(words: list[str]) -> str:
    return next((w for w in words if not w.startswith("-")), "")


def _program_fits(accept: Accept, program: str, words: list[str]) -> bool:
    return program == accept.program and (not accept.subcommand or _subcommand(words) == accept.subcommand)


def right_program(row: Row, command: str | None) -> bool:
    """The command runs an accepted program (and subcommand, when the table names one)."""
    if not command:
        return False
    program = first_program(command)
    words = _after_program(command, program)
    return any(_program_fits(accept, program, words) for accept in row.accepts)


def acceptable(row: Row, command: str | None) -> bool:
    """The command does what was asked: an accepted program with everything its entry needs."""
    if not command:
        return False
    program = first_program(command)
    words = _after_program(command, program)
    pieces = set(words)
    for word in words:
        pieces.update(short_options(program, word))
    for accept in row.accepts:
        if _program_fits(accept, program, words) and all(
            any(fnmatch.fnmatchcase(piece, pattern) for pattern in group for piece in pieces)
            for group in accept.needs
        ):
            return True
    return False


def most_common_program(rows: list[Row]) -> str:
    """The program that, typed alone, is right for the most rows: the constant answer a ranking has
    to beat (`git` alone is not `git push`)."""
    counts = collections.Counter(
        program for row in rows for program in {a.program for a in row.accepts if not a.subcommand}
    )
    return counts.most_common(1)[0][0] if counts else ""


@dataclass
class Score:
    n: int
    right_program: float
    acceptable: float | None  # None for a table that names programs only
    read_rows: int
    read_not_safe: int | None  # read-only requests answered with a caution or dangerous command


def score(rows: list[Row], answers: list[str | None], risks: list[str | None] | None = None) -> Score:
    """How many answers are right, on one table; `risks` (nlshell's ratings) for the read-only check."""
    n = len(rows) or 1
    whole = bool(rows) and rows[0].whole_commands
    read = [i for i, row in enumerate(rows) if row.read_only]
    return Score(
        n=len(rows),
        right_program=sum(right_program(r, a) for r, a in zip(rows, answers)) / n,
        acceptable=sum(acceptable(r, a) for r, a in zip(rows, answers)) / n if whole else None,
        read_rows=len(read),
        read_not_safe=None if risks is None else sum(risks[i] in ("caution", "dangerous") for i in read),
    )
