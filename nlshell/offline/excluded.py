"""What a request leaves out: "search TODO but not in node_modules", "tar up the project folder,
leave out node_modules and .git", "tree 2 levels deep without node_modules".

The names after such words are no operands of the command: filled in like any value, they made
`grep -w 'TODO' node_modules` (a search of only what was to be skipped) and `tar -czf .git
project` (an archive written over .git). Here they are marked (`mark`: role "out", which no
placeholder takes) and given to the program's own option for leaving things out (`left_out`):
`grep -rn TODO . --exclude-dir=node_modules`, `tar --exclude=node_modules --exclude=.git …`,
`tree -I 'node_modules'`. A name is one made like a file's or a folder's (`node_modules`, `.git`,
`*.log`, `build/`) or a folder people leave out by a plain word (the word table's `around
left_out` line: vendor, dist, build …): "without sudo" leaves nothing out.
"""

from __future__ import annotations

import re
import shlex

from nlshell.offline.value import Value

# Words that say what follows is left out, longest first.
_CUES = (
    ("but", "not", "in"), ("but", "not"), ("not", "in"), ("except", "for"), ("leave", "out"), ("leaving", "out"),
    ("other", "than"), ("apart", "from"), ("except",), ("excluding",), ("exclude",), ("without",), ("skip",),
    ("skipping",), ("ignore",), ("ignoring",), ("minus",), ("sans",),
)
_DETERMINERS = frozenset({"the", "any", "all", "my", "our", "its", "those", "these", "a"})
_JOINS = frozenset({"and", "or", "&", "nor"})
_NOUNS = frozenset({"folder", "folders", "dir", "dirs", "directory", "directories", "files", "file", "stuff"})
_SHAPED = re.compile(r"^(?:[\w.*-]*[_.*/][\w.*/-]*|[\w-]+/)$")  # node_modules, .git, *.log, build/


def _common() -> frozenset[str]:
    from nlshell.offline.vocabulary import vocabulary

    return vocabulary().around.get("left_out", frozenset())


_FILE = re.compile(r"^[\w-][\w.-]*\.[a-z0-9]{1,5}$")  # emails_b.txt, not .git


def _compared(lower: list[str], i: int, length: int) -> bool:
    """"lines in emails_a.txt but not in emails_b.txt": one file against another (`comm`, `grep -vxFf`),
    nothing left out of a search."""
    after = lower[i + length : i + length + 1]
    return (
        lower[i] == "but" and i >= 2 and lower[i - 2] in ("in", "from") and bool(_FILE.match(lower[i - 1].strip(",")))
        and bool(after) and bool(_FILE.match(after[0].strip(",.?")))
    )


def left_out_at(lower: list[str]) -> list[int]:
    """The indices of the tokens the request leaves out."""
    common = _common()
    out: list[int] = []
    i = 0
    while i < len(lower):
        cue = next((c for c in _CUES if tuple(lower[i : i + len(c)]) == c), None)
        if cue is None:
            i += 1
            continue
        if _compared(lower, i, len(cue)):
            i += len(cue)
            continue
        j = i + len(cue)
        while j < len(lower):
            word = lower[j].strip(",;")
            if word in _DETERMINERS or word in _JOINS or (word in _NOUNS and out and out[-1] == j - 1):
                j += 1
                continue
            if not (_SHAPED.match(word) or word in common):
                break
            out.append(j)
            j += 1
            if lower[j - 1].endswith((",", ";")) and j < len(lower) and lower[j] not in _JOINS:
                break  # "without node_modules, then zip it": the list ends with its clause
        i = max(j, i + 1)
    return out


_FIRST_WORDS = frozenset(cue[0] for cue in _CUES) | {"not"}


def mark(values: list[Value], lower: list[str]) -> None:
    """Give the values the request leaves out the role "out" (no placeholder takes them)."""
    if not any(word in _FIRST_WORDS for word in lower):
        return
    out = set(left_out_at(lower))
    for value in values:
        if value.at in out:
            value.role = "out"


def names(request: str) -> list[str]:
    """The names the request leaves out, as said (trailing slashes and commas dropped)."""
    raw = request.split()  # names have no spaces: the words as written will do (values.py imports this module)
    lower = [token.lower() for token in raw]
    if not any(word in _FIRST_WORDS for word in lower):
        return []
    return list(dict.fromkeys(raw[i].strip(",;").rstrip("/") for i in left_out_at(lower)))


def _is_glob(name: str) -> bool:
    return "*" in name or "?" in name


def left_out(command: str, request: str) -> str:
    """`command` with what the request leaves out given to its program's option for that (and
    taken out of its operands); unchanged when the request leaves nothing out or the program has
    no such option here."""
    skipped = names(request)
    if not skipped:
        return command
    if "$(" in command or "`" in command:
        return command  # a substitution's words are not the command's own
    try:
        words = shlex.split(command)
    except ValueError:
        return command
    if not words or any(w in ("|", "&&", ";", "||") for w in words):
        return command  # one simple command only
    program = words[0]
    writer = _WRITERS.get(program)
    if writer is None:
        return command
    lowered = {name.lower() for name in skipped}
    kept = [w for w in words if w.strip("'\"").rstrip("/").lower() not in lowered and not _excluding(w)]
    kept = [_quoted(w) for w in _without_excluding_arguments(kept)]
    return " ".join(writer(kept, [shlex.quote(name) for name in skipped]))


def _quoted(word: str) -> str:
    """The word as the shell should get it again: a placeholder, `~/x` and `$VAR` as they were."""
    return word if "{{" in word or _BARE.fullmatch(word) else shlex.quote(word)


_BARE = re.compile(r"~?[\w@%+=:,./-]*|\$\w+|\$\{\w+\}")


_EXCLUDING = ("--exclude=", "--exclude-dir=", "--ignore=", "--ignore-dir=")


def _excluding(word: str) -> bool:
    return word.startswith(_EXCLUDING)


def _without_excluding_arguments(words: list[str]) -> list[str]:
    """Drop an option that takes what to leave out as its next word (`-I x`, `--exclude x`)."""
    kept: list[str] = []
    skip = False
    for word in words:
        if skip:
            skip = False
            continue
        if word in ("--exclude", "--exclude-dir", "--ignore") or (word == "-I" and words[0] == "tree"):
            skip = True
            continue
        kept.append(word)
    return kept


def _grep(words: list[str], skipped: list[str]) -> list[str]:
    flags = [w for w in words[1:] if w.startswith("-")]
    if not any("r" in w[1:] or "R" in w[1:] for w in flags if not w.startswith("--")) and "--recursive" not in flags:
        words = [words[0], "-r", *words[1:]]
    operands = [w for w in words[1:] if not w.startswith("-")]
    if len(operands) < 2:
        words = [*words, "."]  # a pattern and nowhere to look: here
    return [*words, *(f"--exclude={n}" if _is_glob(n) else f"--exclude-dir={n}" for n in skipped)]


def _after_program(option: str):
    def write(words: list[str], skipped: list[str]) -> list[str]:
        return [words[0], *(f"{option}={n}" for n in skipped), *words[1:]]
    return write


def _tree(words: list[str], skipped: list[str]) -> list[str]:
    return [words[0], "-I", shlex.quote("|".join(_plain(n) for n in skipped)), *words[1:]]


def _zip(words: list[str], skipped: list[str]) -> list[str]:
    return [*words, "-x", *(shlex.quote(_plain(n) if _is_glob(n) else f"{_plain(n)}/*") for n in skipped)]


def _find(words: list[str], skipped: list[str]) -> list[str]:
    at = 1
    while at < len(words) and not words[at].startswith(("-", "(", "!", "\\(")):
        at += 1  # after the places find starts from
    tests = [w for n in skipped for w in ("-not", "-path", shlex.quote(_plain(n) if _is_glob(n) else f"*/{_plain(n)}/*"))]
    return [*words[:at], *tests, *words[at:]]


def _plain(quoted: str) -> str:
    return shlex.split(quoted)[0] if quoted else quoted


_WRITERS = {
    "grep": _grep, "egrep": _grep,
    "tar": _after_program("--exclude"), "rsync": _after_program("--exclude"), "du": _after_program("--exclude"),
    "tree": _tree, "zip": _zip, "find": _find,
}
