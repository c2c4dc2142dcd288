#!/usr/bin/env python3
"""Regenerate the offline index's package data from the public corpora.

    python scripts/build_offline_data.py [--data-dir ../shared/bench-data]

Writes nlshell/data/tldr.tsv.gz, nlshell/data/tldr-pages.tsv.gz, nlshell/data/nl2bash.tsv.gz and
nlshell/data/offline-data.version.
The output is deterministic (gzip mtime 0, stable order), so regenerating from the same corpora
changes nothing in git. What it changes on the way (recorded in NOTICE, as CC-BY 4.0 asks):

- tldr: `{{[-l|--lines]}}` option alternatives become the short option (`-l`), subcommand
  alternatives (`{{[d|delete]}}`) the long word; unquoted choice lists `{{on|off}}` keep their
  first choice (`{{on}}`) so a placeholder is always one shell word and never a pipe; descriptions
  lose tldr's mnemonic brackets (`[c]reate` → `create`) and backticks. Rows that are not shell
  commands (interactive keys, `[Interactive]` sub-prompts, `tldr x` cross-references) are dropped.
  `head -5` and `tail -5` take their POSIX form `head -n 5`, as people are taught to write them.
- tldr pages: each page's one-line summary keeps its first two sentences, without backticks and
  without "See also", "More information", "Note:" and alias sentences; pages with no example left
  are dropped.
- both: commands that do not parse as bash (tree-sitter-bash error confirmed by `bash -n`) are
  dropped, so the index never offers a command the validator must refuse.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from nlshell.offline.commands import first_program, programs  # noqa: E402  (the index and the data must agree)

OUT_DIR = REPO / "nlshell" / "data"
PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}")
ALTERNATIVES = re.compile(r"\{\{\[([^\]{}]*\|[^\]{}]*)\]\}\}")
MNEMONIC = re.compile(r"\[(\w+)\]")
OPTIONAL_GROUP = re.compile(r"\[([^\]|]*)\|[^\]]*\]")
PLAIN_CHOICES = re.compile(r"[^\s'\"()\[\]{}|]*(\|[^\s'\"()\[\]{}|]*)+")


def pick_alternative(match: re.Match) -> str:
    """`[-l|--lines]` → `-l` (what people type); `[d|delete]` → `delete` (what people read)."""
    options = [o.strip() for o in match.group(1).split("|")]
    if all(o.startswith("-") for o in options):
        return options[0]
    return max(options, key=len)


def inside_quotes(text: str, pos: int) -> bool:
    before = text[:pos]
    return before.count("'") % 2 == 1 or before.replace('\\"', "").count('"') % 2 == 1


def first_choice(command: str) -> str:
    """Keep the first choice of every unquoted `{{a|b}}` → `{{a}}` (also word by word inside a
    placeholder), and of optional groups: `{{x.tar[.gz|.xz]}}` → `{{x.tar.gz}}`."""

    def fix(match: re.Match) -> str:
        body = match.group(1)
        if "|" not in body or inside_quotes(command, match.start()):
            return match.group(0)
        body = OPTIONAL_GROUP.sub(lambda m: m.group(1), body)
        words = [w.split("|")[0] if PLAIN_CHOICES.fullmatch(w) else w for w in body.split(" ")]
        return "{{" + " ".join(words) + "}}"

    return PLACEHOLDER.sub(fix, command)


OBSOLETE_COUNT = re.compile(r"^((?:head|tail) )-(\d+)(?= )")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
NOISE_SENTENCE = re.compile(r"^(See also|More information|Note:|This command is an alias|Some subcommands)")


def posix_count(command: str) -> str:
    """`tail -5 file` → `tail -n 5 file`: the obsolescent count option in the form POSIX defines."""
    return OBSOLETE_COUNT.sub(r"\1-n \2", command)


def page_summary(text: str) -> str:
    """A tldr page's summary: its first two sentences, without cross-references and notes."""
    sentences = [s for s in SENTENCE_END.split(text.replace("`", "")) if not NOISE_SENTENCE.match(s)]
    return " ".join(" ".join(sentences[:2]).split())


def clean_description(text: str) -> str:
    text = MNEMONIC.sub(r"\1", text).replace("`", "")
    return " ".join(text.split()).rstrip(".:")


def is_shell_command(description: str, command: str) -> bool:
    if description.startswith("[Interactive]") or description.startswith("View documentation"):
        return False
    if command.startswith(("<", "{{<", "tldr ")) or command in ("<?>",):
        return False
    return True


class BashChecker:
    """tree-sitter finds suspects fast; `bash -n` decides (the two disagree on a few constructs)."""

    def __init__(self) -> None:
        import tree_sitter
        import tree_sitter_bash

        self.parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_bash.language()))
        self.rejected = 0

    def parses(self, command: str) -> bool:
        if not self.parser.parse(command.encode()).root_node.has_error:
            return True
        ok = subprocess.run(["bash", "-n", "-c", command], capture_output=True).returncode == 0
        self.rejected += not ok
        return ok


def tldr_rows(data_dir: Path, checker: BashChecker) -> list[tuple[str, str, str, str]]:
    """(page, programs it runs (space-separated, first = the program it is about), description,
    command), page as `platform/name`."""
    rows = []
    seen = set()
    with open(data_dir / "tldr" / "examples.tsv", encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for page, description, command, _filled in reader:
            if not is_shell_command(description, command):
                continue
            command = posix_count(first_choice(ALTERNATIVES.sub(pick_alternative, command)).strip())
            description = clean_description(description)
            if not command or not description or (page, command) in seen:
                continue
            if not checker.parses(command):
                continue
            seen.add((page, command))
            name = page.split("/", 1)[1]
            found = [p for p in programs(command) if "{{" not in p and "}}" not in p]
            program = first_program(command)
            if not program or "{{" in program:
                program = name.split("-")[0] if name.split("-")[0] == command.split()[0] else name
            rows.append((page, " ".join(dict.fromkeys([program, *found])), description, command))
    return rows


def page_rows(data_dir: Path, with_examples: set[str]) -> list[tuple[str, str]]:
    """(page, summary) for every page that kept an example."""
    rows = []
    with open(data_dir / "tldr" / "pages.tsv", encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for page, _title, description in reader:
            summary = page_summary(description)
            if page in with_examples and summary:
                rows.append((page, summary))
    return rows


def nl2bash_rows(data_dir: Path, checker: BashChecker) -> list[tuple[str, str, str, str]]:
    """(line number in all.nl, programs it runs (space-separated, first = the program), description,
    command); the programs are worked out here so that building the index needs no shell parsing."""
    nl = (data_dir / "nl2bash" / "all.nl").read_text(encoding="utf-8").splitlines()
    cm = (data_dir / "nl2bash" / "all.cm").read_text(encoding="utf-8").splitlines()
    if len(nl) != len(cm):
        raise SystemExit(f"all.nl has {len(nl)} lines but all.cm {len(cm)}")
    rows = []
    for number, (description, command) in enumerate(zip(nl, cm)):
        description = " ".join(description.split())
        command = command.strip()
        if not description or not command or "\t" in command or not checker.parses(command):
            continue
        used = " ".join(dict.fromkeys(programs(command))) or "-"
        rows.append((str(number), used, description, command))
    return rows


def tsv_gz(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> tuple[bytes, bytes]:
    """(gzip bytes, raw bytes); gzip with mtime 0 and no name, so the bytes are reproducible."""
    text = io.StringIO()
    text.write("\t".join(header) + "\n")
    for row in rows:
        if any("\t" in field or "\n" in field for field in row):
            raise SystemExit(f"field with a tab or newline: {row!r}")
        text.write("\t".join(row) + "\n")
    raw = text.getvalue().encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    return buffer.getvalue(), raw


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path(os.environ.get("NLSHELL_BENCH_DATA") or REPO.parent / "shared" / "bench-data"),
    )
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)

    checker = BashChecker()
    tldr = tldr_rows(args.data_dir, checker)
    tldr_rejected = checker.rejected
    pages = page_rows(args.data_dir, {row[0] for row in tldr})
    nl2bash = nl2bash_rows(args.data_dir, checker)
    outputs = {
        "tldr.tsv.gz": tsv_gz(tldr, ("page", "programs", "description", "command")),
        "tldr-pages.tsv.gz": tsv_gz(pages, ("page", "summary")),
        "nl2bash.tsv.gz": tsv_gz(nl2bash, ("line", "programs", "description", "command")),
    }
    digest = hashlib.sha256()
    for name, (packed, raw) in sorted(outputs.items()):
        (args.out_dir / name).write_bytes(packed)
        digest.update(name.encode() + b"\0" + raw)
    version = digest.hexdigest()[:16]
    (args.out_dir / "offline-data.version").write_text(version + "\n", encoding="utf-8")
    print(
        f"tldr: {len(tldr)} rows ({tldr_rejected} not bash), {len(pages)} page summaries, "
        f"nl2bash: {len(nl2bash)} rows ({checker.rejected - tldr_rejected} not bash), "
        f"version {version}",
        file=sys.stderr,
    )
    for name, (packed, raw) in sorted(outputs.items()):
        print(f"  {name}: {len(packed) / 1024:.0f} KiB ({len(raw) / 1024:.0f} KiB raw)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
