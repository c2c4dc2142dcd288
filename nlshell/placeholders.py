"""Unfilled placeholders: a template such as `wc -l {{path/to/file}}` is not a command.

Three styles reach nlshell: tldr's `{{path/to/file}}` (the offline index), `<file>` and capitals
such as `FILE` or `HOST` (what models write when a value is left open; the system prompt asks for
the capitals). Run literally, a template does something nobody asked for, so it is never runnable:
the fronts open it for editing on the first placeholder instead.

Real shell looks a lot like these, so the rules are narrow and stop at quoting: `<(cmd)`,
`< input.txt` and heredocs are redirections, `$HOME` and `NAME=value` are variables, a word
after `export`/`read`/`for` names one, `lsblk -o NAME,SIZE` lists columns, and text in quotes or
a heredoc body is data (only `{{…}}` and unmistakable `<your-…>` / `YOUR_…` count there). Pure:
no I/O, no parser.
"""

from __future__ import annotations

import re
from collections import namedtuple

CODE, QUOTED, SKIP = 0, 1, 2  # what each character of a command is: run, data, or never run

# Capitals models use for a value left open (digits may follow: FILE1, FILE2).
VOCABULARY = frozenset(
    """
    FILE FILES FILENAME FILEPATH DIR DIRECTORY DIRNAME FOLDER PATH HOST HOSTNAME SERVER USER
    USERNAME PASSWORD PORT PID URL BRANCH REPO REPOSITORY PACKAGE SERVICE CONTAINER IMAGE DEVICE
    DISK PARTITION INTERFACE IFACE IP ADDRESS EMAIL DOMAIN PATTERN REGEX STRING TEXT MESSAGE NUMBER
    SOURCE SRC DEST DESTINATION TARGET ARCHIVE EXTENSION EXT PROCESS PROGRAM SCRIPT BUCKET TOKEN
    VOLUME NAMESPACE DATABASE TABLE COMMIT REMOTE KEYWORD QUERY
    """.split()
)
# `OUTPUT_FILE`, `CONTAINER_ID`: a first part saying which, a last part saying what.
_WHICH = frozenset(
    """
    SOURCE SRC DEST TARGET INPUT OUTPUT OLD NEW LOCAL REMOTE FILE DIR PATH BRANCH CONTAINER IMAGE
    PACKAGE SERVICE PROJECT REPO BACKUP LOG CONFIG ARCHIVE PROCESS DEVICE
    DISK PARTITION NETWORK SERVER HOST BUCKET VOLUME MOUNT FOLDER USER GROUP COMMIT APP CLUSTER POD
    NODE FIRST SECOND
    """.split()
)
_WHAT = VOCABULARY | frozenset("NAME ID KEY VALUE TYPE SIZE TAG LABEL VERSION HASH TO".split())
# Words after these name a variable (`export PATH`, `read NAME`, `for FILE in`, fish `set -x`).
_DECLARERS = frozenset(
    "export unset readonly declare typeset local set read getopts mapfile readarray env printenv for select".split()
)
# Tools whose -o/--output takes column names in capitals (`lsblk -o PATH`, `findmnt -o TARGET`).
_COLUMN_TOOLS = frozenset(
    """
    lsblk findmnt lslocks lsns lsipc lsfd lscpu lsmem lslogins ps rfkill uuidparse blkid losetup
    partx swapon wdctl zramctl df
    """.split()
)
_COLUMN_OPTIONS = frozenset(("-o", "-O", "--output", "-s", "--match-tag", "--sort"))
# `env | grep PATH` looks for the variable's name.
_GREPS = frozenset(("grep", "egrep", "fgrep", "rg", "ag", "ack"))
_VARIABLE_NAMES = frozenset(("PATH", "USER", "HOSTNAME"))
# Go/Helm/Jinja templates use double braces too: `docker ps --format '{{.Names}}'`.
_TEMPLATE_WORDS = frozenset(
    "range if else end with define template block json index printf print println len slice not and or "
    "eq ne lt le gt ge call html js urlquery join lower upper title".split()
)
# In quotes, `<…>` is usually data (`grep "<div>"`): only these make it a placeholder.
_QUOTED_MARKERS = frozenset(("your", "token", "password", "passphrase", "apikey", "api_key", "secret"))

_GO_SIGNS = re.compile(r"template|\{\{-? ?(?:range|end|with|if)\b")
_ANGLE = re.compile(r"<([A-Za-z][A-Za-z0-9_/ -]*)>")
_CAPITALS = re.compile(r"(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![A-Za-z0-9_])")
_HEREDOC = re.compile(r"<<(-?)[ \t]*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\2")
_COMMAND_BREAK = re.compile(r"[;&|(\n`]|\$\(")


# (start, end, text) of one placeholder. collections' namedtuple, not typing's: `typing` costs ~3 ms
# to import, and this module loads with every check.
Placeholder = namedtuple("Placeholder", "start end text")


def find(command: str, shell: str = "bash") -> list[Placeholder]:
    """Every unfilled placeholder in `command`, in order."""
    if "{{" not in command and not _ANGLE.search(command) and not _CAPITALS.search(command):
        return []  # most commands: nothing that could be one, no need to tell code from data
    kinds = _classify(command, fish=shell == "fish")
    found = {p.start: p for p in _braces(command, kinds)}
    for p in _angles(command, kinds) + _capitals(command, kinds):
        if not any(q.start <= p.start < q.end for q in found.values()):
            found.setdefault(p.start, p)
    return [found[start] for start in sorted(found)]


PROBLEM = "not runnable until you fill in the placeholder"


def problem(found: list[Placeholder]) -> str:
    """The line that names them, for `problems` and the fronts."""
    names = list(dict.fromkeys(p.text for p in found))
    shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
    return f"{PROBLEM}{'s' if len(names) > 1 else ''} {shown}"


def is_template(problems) -> bool:
    """Did the checks find placeholders? What decides that a command must not run."""
    return any(str(p).startswith(PROBLEM) for p in problems or ())


def next_after(command: str, position: int, shell: str = "bash") -> Placeholder | None:
    """The first placeholder starting at or after `position`, wrapping round to the first."""
    found = find(command, shell)
    for p in found:
        if p.start >= position:
            return p
    return found[0] if found else None


# -- what each character is -------------------------------------------------------------------
def _classify(text: str, *, fish: bool) -> list[int]:
    """CODE, QUOTED or SKIP (comments, heredoc bodies) for every character."""
    kinds = [CODE] * len(text)
    # Open contexts, innermost last, each with its open parentheses: code (the top level), sub
    # (inside `$( )`), bt (backticks), sq ('…'), ansi ($'…'), dq ("…").
    frames: list[list] = [["code", 0]]
    heredocs: list[tuple[str, bool]] = []
    i, n = 0, len(text)

    def data(start: int, width: int) -> int:
        kinds[start : start + width] = [QUOTED] * len(kinds[start : start + width])
        return start + width

    while i < n:
        ch, top = text[i], frames[-1][0]
        if top in ("sq", "ansi", "dq"):
            escapes = top != "sq" or (fish and text[i + 1 : i + 2] in ("'", "\\"))
            if ch == "\\" and escapes:
                i = data(i, 2)
                continue
            kinds[i] = QUOTED
            if ch == ('"' if top == "dq" else "'"):
                frames.pop()
            elif top == "dq" and (text.startswith("$(", i) or ch == "`"):  # code inside "…"
                frames.append(["sub" if ch == "$" else "bt", 0])
                i += 1 if ch == "`" else 2
                continue
            i += 1
            continue
        # Code: the top level, $( … ) or ` … `.
        if ch == "\\":
            i = data(i, 2)
            continue
        if ch == "#" and (i == 0 or text[i - 1] in " \t\n;&|("):
            end = text.find("\n", i)
            end = n if end < 0 else end
            kinds[i:end] = [SKIP] * (end - i)
            i = end
            continue
        if ch == "\n" and heredocs:
            i = _skip_heredoc_bodies(text, i + 1, heredocs, kinds)
            heredocs = []
            continue
        match = _HEREDOC.match(text, i) if ch == "<" and not text.startswith("<<<", i) else None
        if match:
            heredocs.append((match.group(3), match.group(1) == "-"))
            i = match.end()
            continue
        opens = {"'": "sq", '"': "dq"}.get(ch) or (
            "ansi" if text.startswith("$'", i) and not fish else "sub" if text.startswith("$(", i) else None
        )
        if opens:
            width = 2 if ch == "$" else 1
            if opens != "sub":
                data(i, width)
            frames.append([opens, 0])
            i += width
            continue
        if ch == "`":
            if top == "bt":
                frames.pop()
            else:
                frames.append(["bt", 0])
        elif ch == "(":
            frames[-1][1] += 1
        elif ch == ")":
            if frames[-1][1]:
                frames[-1][1] -= 1
            elif top == "sub":
                frames.pop()
        i += 1
    return kinds


def _skip_heredoc_bodies(text: str, start: int, heredocs: list[tuple[str, bool]], kinds: list[int]) -> int:
    """Mark the bodies of the heredocs opened on the line before `start` as data; return their end."""
    i = start
    for delimiter, strip_tabs in heredocs:
        while i < len(text):
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            line = text[i:end]
            kinds[i:end] = [SKIP] * (end - i)
            i = end + 1
            if (line.lstrip("\t") if strip_tabs else line) == delimiter:
                break
    return min(i, len(text))


def _all(kinds: list[int], start: int, end: int, kind: int) -> bool:
    return all(k == kind for k in kinds[start:end])


# -- the three styles -------------------------------------------------------------------------
def _brace_spans(text: str):
    """(start, end) of each `{{…}}` whose inner braces balance: `{{path/to/file{1..10}}}` is one,
    bash's nested brace expansion `{{a..c},x}` is none."""
    start = text.find("{{")
    while start >= 0:
        depth, i, end = 0, start + 2, None
        while i < len(text) and text[i] != "\n":
            if text[i] == "{":
                depth += 1
            elif text[i] == "}":
                if depth:
                    depth -= 1
                elif text.startswith("}}", i):
                    end = i + 2
                    break
                else:
                    break
            i += 1
        if end is not None and end - start > 4:
            yield start, end
            start = text.find("{{", end)
        else:
            start = text.find("{{", start + 1)


def _braces(text: str, kinds: list[int]) -> list[Placeholder]:
    found = []
    for start, end in _brace_spans(text):
        inside = text[start + 2 : end - 2]
        if SKIP in kinds[start:end] or (start and text[start - 1] == "\\"):
            continue
        if inside[0] == " ":
            continue  # `{{ .Values.x }}`, `${{ secrets.X }}`: Helm, Jinja, GitHub Actions
        if _all(kinds, start, end, QUOTED) and _go_template(inside, text):
            continue
        found.append(Placeholder(start, end, text[start:end]))
    return found


def _go_template(inside: str, text: str) -> bool:
    """`{{.Names}}`, `{{.}}`, `{{json .}}`, `{{end}}`, `{{- … }}` in a quoted --format string; a
    lower-case field (`{{.metadata.name}}`) only beside other signs of a Go template."""
    if re.match(r"\.(?:[A-Z$ ]|$)|- ", inside):
        return True
    first, _, rest = inside.partition(" ")
    if inside in ("end", "else") or (first in _TEMPLATE_WORDS and bool(rest)):
        return True
    return inside.startswith(".") and inside[1:2].isalpha() and bool(_GO_SIGNS.search(text))


def _angles(text: str, kinds: list[int]) -> list[Placeholder]:
    found = []
    for m in _ANGLE.finditer(text):
        start, end, inside = m.start(), m.end(), m.group(1)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if _all(kinds, start, end, CODE):
            # `<(cmd)`, `<<EOF`, `2<x`, `$<` are shell; `cat <in.txt>out.txt` is two redirections.
            if " " in inside or before in "<>&$\\" or before.isdigit():
                continue
            if not (after.isspace() or after in "|;)@:/.,="):
                continue
        elif _all(kinds, start, end, QUOTED):
            parts = re.split(r"[-_/ ]+", inside.lower())
            joined = inside.lower().replace("-", "_")
            if not (parts[0] == "your" or joined in _QUOTED_MARKERS or inside.lower().startswith("path/to/")):
                continue
        else:
            continue
        found.append(Placeholder(start, end, m.group(0)))
    return found


def _capitals(text: str, kinds: list[int]) -> list[Placeholder]:
    found = []
    for m in _CAPITALS.finditer(text):
        start, end, word = m.start(), m.end(), m.group(0)
        if _all(kinds, start, end, QUOTED):
            if word.startswith("YOUR_") and len(word) > 5:
                found.append(Placeholder(start, end, word))
            continue
        if not _all(kinds, start, end, CODE) or not _is_placeholder_word(word):
            continue
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before in "$-+%,.^\\" or (before == "{" and text[start - 2 : start - 1] == "$"):
            continue  # `$FILE`, `${FILE}`, `-DFILE`, `+NAME`, `date +%H`, a column list, `^PATH`
        if after in "=,([-" or (before == "/" and after == "/"):
            continue  # `FILE=x`, `A,B`, `f(`, `arr[`, a directory in the middle of a path
        if re.search(r"(?:\$\{?|-I ?|--replace=)" + word + r"(?![A-Za-z0-9_])", text):
            continue  # a variable elsewhere (`$FILE`), or xargs's replace string (`-I FILE`)
        if before == "=" and word not in VOCABULARY and not _word_at(text, start).startswith("-"):
            continue  # `user=FILE0` (patator's own keyword); `if=FILE`, `--file=FILE0` stay
        if _names_a_variable_or_column(text, start):
            continue
        found.append(Placeholder(start, end, word))
    return found


def _word_at(text: str, position: int) -> str:
    """The whitespace-separated word that `position` is in, up to `position`."""
    return re.split(r"\s", text[:position])[-1]


def _is_placeholder_word(word: str) -> bool:
    if word.startswith("YOUR_") and len(word) > 5:
        return True
    parts = [part.rstrip("0123456789") for part in word.split("_")]
    if len(parts) == 1:
        return parts[0] in VOCABULARY
    return len(parts) <= 3 and parts[0] in _WHICH and parts[-1] in _WHAT


def _names_a_variable_or_column(text: str, start: int) -> bool:
    """True after `export`/`read`/`for` and friends, or as a column after `lsblk -o` and the like."""
    segment = _COMMAND_BREAK.split(text[:start])[-1]
    words = segment.split()
    while words and "=" in words[0] and not words[0].startswith("-"):
        words.pop(0)  # leading NAME=value assignments
    while words and words[0] in ("sudo", "command", "builtin", "doas"):
        words.pop(0)
    if not words:
        return False
    program = words[0].rsplit("/", 1)[-1]
    if program in _DECLARERS or (program in _GREPS and text[start:].split(None, 1)[0] in _VARIABLE_NAMES):
        return True
    return program in _COLUMN_TOOLS and words[-1] in _COLUMN_OPTIONS
