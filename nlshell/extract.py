"""A model's reply → exactly one command (or a deliberate multi-line script), or a refusal.

Models answer in every style: a bare line, fenced blocks with prose around them, `$ ` prompts,
console sessions with output, inline `backticks`, echoed `Output:` labels, reasoning wrapped in
<think>. This module recovers the command and nothing else, and refuses text that could disguise
what will run: control characters, bidi controls and invisible characters never get through.

Hostile characters are named as escapes: code points below U+0100 as `\\xNN` (two lower-case hex
digits: `\\x1b`, `\\x0d` for a carriage return, `\\x9b`), everything above as `U+XXXX` (`U+202E`).
Tab and newline are the only controls allowed. A reply with Windows line ends (`\\r\\n`) is
normalised first; only a lone `\\r` (the overwrite trick) is hostile.

The whole reply is checked, not only the part taken as the command: text around a command is
never shown raw either, and a reply carrying escape sequences is not one to trust. Reasoning
blocks (<think>, <thinking>, <reasoning>, <reflection>) are dropped before anything else.

A reply that starts with `NLSHELL_NO_COMMAND:` (the system prompt asks for it when a request is
not a shell task) is "no command", with the model's reason kept for display.
"""

from __future__ import annotations

import re

from nlshell.errors import HostileTextError, NoCommandError, RefusedError
from nlshell.text import hostile_characters, visible

NO_COMMAND_MARKER = "NLSHELL_NO_COMMAND:"
# Longer than any command a person reviews before running it (the longest in the public corpora
# is ~7,600 characters); checking a reply of megabytes would also stall for many seconds.
MAX_COMMAND_CHARS = 16_000


class CommandTooLongError(RefusedError):
    """The reply's command is too long to show, check and confirm."""

    def __init__(self, length: int) -> None:
        super().__init__(
            f"the suggested command is {length:,} characters long, too long to review before it runs",
            f"ask for something smaller (the limit is {MAX_COMMAND_CHARS:,} characters)",
        )
        self.length = length


class Extraction:
    """The command to show, check and maybe run, plus notes for the person about how it was found.

    A plain class: `visible()` is on the CLI's error path, where dataclasses' import cost shows.
    """

    __slots__ = ("command", "notes")

    def __init__(self, command: str, notes: list[str] | None = None) -> None:
        self.command = command
        self.notes = notes if notes is not None else []

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Extraction):
            return NotImplemented
        return (self.command, self.notes) == (other.command, other.notes)

    def __repr__(self) -> str:
        return f"Extraction(command={self.command!r}, notes={self.notes!r})"


# -- reasoning -------------------------------------------------------------------------------------
_REASONING_OPEN = re.compile(r"<(think|thinking|reasoning|reflection)\b[^>]*>", re.I)
_REASONING_CLOSE = re.compile(r"</(think|thinking|reasoning|reflection)\s*>", re.I)


def _drop_reasoning(text: str) -> tuple[str, bool]:
    """The reply without reasoning blocks; True when the reply was cut off while reasoning."""
    # Some servers strip the opening tag and leave "…reasoning…</think>answer".
    first_open = _REASONING_OPEN.search(text)
    for close in _REASONING_CLOSE.finditer(text):
        if first_open is None or close.start() < first_open.start():
            text = text[close.end() :]
            first_open = _REASONING_OPEN.search(text)
        break
    kept: list[str] = []
    pos = 0
    while True:
        opened = _REASONING_OPEN.search(text, pos)
        if opened is None:
            kept.append(text[pos:])
            return "".join(kept), False
        kept.append(text[pos : opened.start()])
        closer = re.compile(rf"</{re.escape(opened.group(1))}\s*>", re.I)
        closed = closer.search(text, opened.end())
        if closed is None:
            return "".join(kept), True
        pos = closed.end()


# -- what a command looks like ---------------------------------------------------------------------
# Shell words that open or close a compound command (bash and fish), and words after which the
# next word is again in command position.
_OPENERS = frozenset({"if", "case", "for", "while", "until", "select", "{", "begin", "switch"})
_CLOSERS = frozenset({"fi", "esac", "done", "end", "}"})
_KEYWORDS = frozenset(
    {"if", "then", "else", "elif", "fi", "case", "esac", "for", "while", "until", "do", "done",
     "select", "function", "time", "coproc", "begin", "end", "switch", "!", "{", "}", "[[", "(("}
)
_LEADS_COMMAND = frozenset({"then", "do", "else", "elif", "!", "time", "{", "if", "while", "until"})

# Programs whose arguments are free text, so prose after them is still a command.
_TEXT_PROGRAMS = frozenset(
    {"echo", "printf", "print", "say", "espeak", "espeak-ng", "spd-say", "notify-send", "logger",
     "wall", "figlet", "toilet", "cowsay", "banner"}
)
# Capitalised programs that read like one English word.
_CASED_PROGRAMS = frozenset({"R", "Rscript", "Xvfb", "Xephyr", "Xorg", "Xwayland", "X"})
# Words that start prose, never a command line.
_PROSE_STARTERS = frozenset(
    {"here", "sure", "this", "these", "that", "the", "to", "you", "your", "use", "run", "note",
     "please", "explanation", "alternatively", "unfortunately", "it", "there", "with", "without",
     "in", "an", "a", "i", "no", "none", "nothing", "ok", "okay", "sorry", "hello", "hi", "thanks",
     "unknown", "null", "undefined"}
)
_FUNCTION_WORDS = frozenset(
    """a an the to of in on at by for from with without into onto about as is are was were be been
    being this that these those it its you your we our they them their he she his her will would
    can could should may might must shall does did not no all any each every some which what who
    how why when where there here than so such only also just if or and but because while within
    including includes using uses used following instead""".split()
)
_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.+@%,:-]*")
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=")
_ASSIGNMENT_WORD = re.compile(
    r"""[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=(?:'[^']*'?|"(?:\\.|[^"\\])*"?|`[^`]*`?|\$\([^)]*\)?|[^\s;|&<>()'"`])*"""
)
_FIRST_WORD = re.compile(r"[^\s;|&<>()`]+")
_QUOTED = re.compile(r"'[^']*'|\"(?:\\.|[^\"\\])*\"")
_SENTENCE_END = re.compile(r"[A-Za-z][A-Za-z)\"']*[.!?:]$")
_STRONG_SYNTAX = re.compile(r"[|&;<>`=\\]|\$[({]|(^|\s)--?[A-Za-z0-9]")
_SYNTAX = re.compile(r"[|&;<>$`=*{}\\@~]|(^|\s)-\S|\S/\S|(^|\s)/|\w:\S|\[")
_LIST_ITEM = re.compile(r"(\d+[.)]|[-*+•])\s")


def _reads_as_prose(line: str) -> bool:
    """True when the words after the first read like an English sentence, not arguments.

    Operators, redirects, flags and substitutions settle it as a command; paths, globs and
    variables do not, since requests and explanations mention them too ("files in /tmp").
    """
    body = _QUOTED.sub(" q ", line)
    if _STRONG_SYNTAX.search(body):
        return False
    words = body.split()[1:]
    if not words:
        return False
    common = sum(1 for w in words if w.lower().strip(",.;:!?()") in _FUNCTION_WORDS)
    if common >= 2 and common * 4 >= len(words):
        return True
    if _SYNTAX.search(body):
        return False
    return line.rstrip().endswith(":") or (len(words) >= 2 and bool(_SENTENCE_END.search(words[-1])))


def looks_like_command(line: str) -> bool:
    """A good guess whether one line is a shell command rather than prose, a label or a comment."""
    s = line.strip()
    if not s or _LIST_ITEM.match(s) or s.startswith(("#", "//", "**", "__", "|", "```", "~~~")):
        return False
    head = s[0]
    if s.startswith("(("):  # arithmetic
        return True
    if head in "({":  # subshell or brace group
        inner = s.lstrip("({ ")
        return looks_like_command(inner) if inner else s in ("(", "{")  # a group opens alone
    if head == "[":  # test: "[ -f x ]", "[[ … ]]"; a Markdown link "[text](url)" is not
        return s.startswith(("[ ", "[[ "))
    if head == "!" and s[1:2] == " ":
        return looks_like_command(s[2:])
    if head == ":" and (len(s) == 1 or s[1] in " (;>|{"):  # the null builtin, fork bombs
        return True
    if head == "." and s[1:2] == " ":  # `. file` = source
        return len(s) > 2
    if head == "<":  # "<input.txt xargs …": a redirect first
        redirect = re.match(r"<[\w./~$-]+\s+", s)
        return bool(redirect) and looks_like_command(s[redirect.end() :])
    word = _FIRST_WORD.match(s)
    if not word:
        return False
    first = word.group()
    rest = s
    while _ASSIGNMENT.match(first):  # VAR=value [VAR=value …] [command]
        rest = rest[_ASSIGNMENT_WORD.match(rest).end() :].lstrip()
        word = _FIRST_WORD.match(rest)
        if not word:
            return True
        first = word.group()
    if rest[word.end() : word.end() + 1] == "(" and rest[word.end() + 1 : word.end() + 2] != ")":
        return first == "$"  # $(command) …; but print(1) is a call in another language
    if first.startswith(("./", "../", "/", "~", "$", "\\")):
        return first not in ("/", "$")
    if "/" in first and first[0].islower():  # path/to/program
        return not _reads_as_prose(rest)
    if head in "'\"":
        inner = first.strip("'\"")
        return bool(inner) and " " not in inner and not inner[0].isupper()
    if not _NAME.fullmatch(first) or first[-1] in ".,:;!?":
        return False
    lower = first.lower()
    if lower in _KEYWORDS:
        return first == lower
    if first[0].isupper():
        # VBoxManage, ROPgadget, RsaCtfTool.py, Rscript; not "List", "ERROR" or "SSH".
        camel = any(c.isupper() for c in first[1:]) and any(c.islower() for c in first)
        flag_next = re.match(r"\s+--?[a-z]", rest[word.end() :])
        if not (camel or first in _CASED_PROGRAMS or any(c in "._" for c in first)):
            # "Projucer --help" is a program; "Use -l for a long listing." is not.
            if not flag_next or lower in _PROSE_STARTERS or _SENTENCE_END.search(s):
                return False
    elif lower in _PROSE_STARTERS:
        return False
    if lower in _TEXT_PROGRAMS:
        return True
    return not _reads_as_prose(rest)


def _strongly_command(line: str) -> bool:
    """Stricter test for text after `# ` or `> `, which is more often a comment or a quote."""
    if not looks_like_command(line):
        return False
    body = _QUOTED.sub(" q ", line)
    if _SYNTAX.search(body):
        return True
    words = body.split()
    return (
        len(words) <= 4
        and words[0][0].islower()
        and not any(w.lower() in _FUNCTION_WORDS for w in words[1:])
    )


# -- prompts, labels and wrappers on a line ----------------------------------------------------------
_PROMPT = re.compile(
    r"""^(?:
        (?P<userhost>(?:\([\w.-]+\)\s*)?(?:[\w.-]+@[\w.-]+(?::[^\s$#]*)?\s?[$#%]|[\w.-]+\$))\s+
      | (?P<venv>\([\w.-]+\)\s*\$)\s+
      | (?P<sign>[$%❯➜λ])\s+
      | (?P<weak>[#>])\s+
    )""",
    re.X,
)
_LABEL = re.compile(
    r"^(?:\*\*|__)?(?:output|command|answer|cmd|shell command|bash command|bash|shell)\s*:\s*(?:\*\*|__)?\s*",
    re.I,
)
_ECHOED_INPUT = re.compile(r"^\s*(?:\*\*)?(?:input|request|query)\s*:", re.I)
_WHOLE_SPAN = re.compile(r"^(`+)\s*([^`].*?)\s*\1[.;]?$")
_WHOLE_QUOTE = re.compile(r'^"([^"]+ [^"]*)"$')
# A reply that opens by refusing: code it mentions ("I can't run `rm -rf /`") is not an answer.
_REFUSAL = re.compile(
    r"^\W*(?:(?:unfortunately|sorry|apologies)\W+)?"
    r"(?:i['’]?m sorry|i am sorry|sorry|i apologi[sz]e|i can['’]?t|i cannot|i can not|"
    r"i won['’]?t|i will not|i['’]?m (?:not able|unable)|i am (?:not able|unable)|as an ai)\b",
    re.I,
)
# "The command is: ls -la", "To list them, run: ls -la".
_CUED = re.compile(
    r"^(?P<prefix>.*\b(?:is|run|use|try|type|execute|enter|command|this|following|with))\s*:\s+(?P<command>\S.*)$",
    re.I,
)


def _unwrap(line: str) -> tuple[str, str]:
    """(prompt kind, the line without label, prompt and wrapping). Kind: "" | "prompt" | "weak"."""
    s = line.strip()
    s = _LABEL.sub("", s, count=1) if _LABEL.match(s) else s
    span = _WHOLE_SPAN.match(s)
    if span:
        s = span.group(2)
        lang, _, after = s.partition(" ")
        if len(span.group(1)) >= 3 and lang in _SHELL_LANGS and looks_like_command(after):
            s = after  # "```bash ls -la```" on one line
    kind = ""
    m = _PROMPT.match(s)
    if m:
        rest = s[m.end() :]
        if m.group("weak"):
            if len(rest.split()) >= 2 and _strongly_command(rest):
                kind, s = "weak", rest
        elif rest.strip():
            kind, s = "prompt", rest
    quoted = _WHOLE_QUOTE.match(s)
    if quoted and looks_like_command(quoted.group(1)):
        s = quoted.group(1)
    return kind, s.strip()


# -- where a command ends ------------------------------------------------------------------------------
_HEREDOC = re.compile(r"<<(-?)[ \t]*(['\"]?)\\?([A-Za-z0-9_.-]+)\2")


class _Continuation:
    """Follows a command line by line to tell whether it is unfinished (open quote, heredoc, block,
    trailing `\\` or `|`), so a deliberate multi-line script is kept whole and nothing more."""

    def __init__(self) -> None:
        self.quote = ""
        self.heredocs: list[tuple[str, bool]] = []
        self.depth = 0
        self.parens = 0
        self.trailing = False

    @property
    def open(self) -> bool:
        return bool(self.quote or self.heredocs or self.depth or self.parens or self.trailing)

    def feed(self, line: str) -> None:
        if self.heredocs:
            delim, strip_tabs = self.heredocs[0]
            body = line.lstrip("\t") if strip_tabs else line
            if body.strip() == delim:
                self.heredocs.pop(0)
            return
        self.trailing = False
        word: list[str] = []  # the current word's pieces (a list: += on a closure's str is quadratic)
        command_position = not self.quote
        last_operator = False
        i, n = 0, len(line)

        def end_word() -> None:
            nonlocal command_position, last_operator
            if word:
                last_operator = False
                if command_position:
                    text = "".join(word)
                    if text in _OPENERS:
                        self.depth += 1
                    elif text in _CLOSERS:
                        self.depth = max(0, self.depth - 1)
                        command_position = False
                    elif text in _LEADS_COMMAND or _ASSIGNMENT.match(text):
                        pass
                    else:
                        command_position = False
                word.clear()

        while i < n:
            c = line[i]
            if self.quote == "'":
                if c == "'":
                    self.quote = ""
                i += 1
                continue
            if self.quote:  # " ` $'
                if c == "\\":
                    i += 2
                    continue
                if c == self.quote[-1]:
                    self.quote = ""
                i += 1
                continue
            if c == "\\":
                if i == n - 1:
                    self.trailing = True
                word.append(line[i : i + 2])
                i += 2
                continue
            if c in " \t":
                end_word()
            elif c == "#" and not word:
                break
            elif c in "'\"`":
                self.quote = "$'" if c == "'" and word and word[-1].endswith("$") else c
                word.append("q")  # a quoted word is never a keyword
            elif line.startswith("<<", i) and not line.startswith("<<<", i):
                end_word()
                m = _HEREDOC.match(line, i)
                if m:
                    self.heredocs.append((m.group(3), bool(m.group(1))))
                    i = m.end()
                    command_position = False
                    continue
                i += 2
                continue
            elif c in ";&|":
                end_word()
                op = line[i : i + 2] if line[i : i + 2] in (";;", "&&", "||", "|&", ";&") else c
                i += len(op)
                command_position = True
                last_operator = op in ("|", "&&", "||", "|&")
                continue
            elif c == "(":
                end_word()
                self.parens += 1
                command_position = True
            elif c == ")":
                end_word()
                self.parens = max(0, self.parens - 1)
                command_position = True
            elif c in "<>":
                end_word()
                command_position = False
            else:
                word.append(c)
            i += 1
        end_word()
        if last_operator and not self.quote:
            self.trailing = True


def _starts_continuation(line: str) -> bool:
    return line.lstrip().startswith(("|", "&&", "||"))


# -- fenced blocks ---------------------------------------------------------------------------------------
_FENCE_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*([^`\n]*?)[ \t]*$")
_SHELL_LANGS = frozenset(
    {"", "bash", "sh", "shell", "zsh", "fish", "ksh", "dash", "posix", "shellscript", "console",
     "shell-session", "sh-session", "shellsession", "bash-session", "terminal", "command", "cmd"}
)
_SESSION_LANGS = frozenset(
    {"console", "shell-session", "sh-session", "shellsession", "bash-session", "terminal"}
)
_ALTERNATIVE = re.compile(r"^#+\s*(?:or\b|alternatively|alternative|another (?:option|way)|otherwise)", re.I)


class _Block:
    __slots__ = ("lang", "lines", "start", "end")

    def __init__(self, lang: str, start: int) -> None:
        self.lang = lang
        self.lines: list[str] = []
        self.start = start
        self.end = start


def _fenced_blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    fence = ""
    for i, line in enumerate(lines):
        if current is None:
            m = _FENCE_OPEN.match(line)
            if m:
                fence = m.group(1)
                info = m.group(2).strip()
                lang = info.split()[0].strip("{}.").lower() if info else ""
                current = _Block(lang, i)
            continue
        stripped = line.strip()
        if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
            current.end = i
            blocks.append(current)
            current = None
        elif stripped.endswith(fence) and stripped != fence:  # "ls -la```": closed on the last line
            current.lines.append(line.rstrip()[: -len(fence)])
            current.end = i
            blocks.append(current)
            current = None
        else:
            current.lines.append(line)
    if current is not None:  # a reply cut off inside a block still holds its command
        current.end = len(lines) - 1
        blocks.append(current)
    return blocks


def _dedent(lines: list[str]) -> list[str]:
    lines = [ln.rstrip() for ln in lines]
    indents = [len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()]
    cut = min(indents, default=0)
    return [ln[cut:] for ln in lines]


def _session_commands(lines: list[str]) -> list[str]:
    """A console session: keep the prompted lines and their continuations, drop the output."""
    kept: list[str] = []
    state = _Continuation()
    for line in lines:
        if kept and state.open:
            body = line[2:] if line.startswith("> ") else line
            kept.append(body)
            state.feed(body)
            continue
        m = _PROMPT.match(line.strip())
        if m and line.strip()[m.end() :].strip():
            command = line.strip()[m.end() :]
            kept.append(command)
            state = _Continuation()
            state.feed(command)
    return kept


def _script_commands(lines: list[str], notes: list[str]) -> list[str]:
    """A script block: commands as they are, without comment and blank lines between them."""
    kept: list[str] = []
    comments: list[str] = []
    state = _Continuation()
    for line in lines:
        if state.open:
            kept.append(line)
            state.feed(line)
            continue
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            if kept and _ALTERNATIVE.match(stripped):
                notes.append("the code block offered alternatives; using the first")
                break
            comments.append(stripped)
            continue
        kept.append(line)
        state.feed(line)
    if not kept:  # only "#" lines: a root prompt ("# apt update") or just comments
        for comment in comments:
            kind, rest = _unwrap(comment)
            if kind == "weak":
                kept.append(rest)
    return kept


def _block_command(block: _Block, notes: list[str]) -> str:
    lines = _dedent(block.lines)
    if block.lang == "json":
        return _json_command("\n".join(lines)) or ""
    first = next((ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")), "")
    first_prompt = _PROMPT.match(first)
    session = block.lang in _SESSION_LANGS or bool(
        first_prompt and not first_prompt.group("weak") and first[first_prompt.end() :].strip()
    )
    kept = _session_commands(lines) if session else _script_commands(lines, notes)
    return "\n".join(kept).strip("\n")


# -- other wrappers --------------------------------------------------------------------------------------
_TAGGED = re.compile(r"<(command|cmd|bash|shell|sh|code)>\s*(.*?)\s*</\1>", re.S | re.I)
_INLINE = re.compile(r"(?<!`)(`{1,2})(?!`)([^\n]*?[^`\n])\1(?!`)")
# A one-word span is the answer only when offered as such: "Run `pwd`.", "The command is: `pwd`".
_OFFERED = re.compile(r"(?:\b(?:use|run|try|type|execute|enter|is)|:)\s*$", re.I)


def _json_command(text: str) -> str | None:
    import json

    try:
        data = json.loads(text)
    except ValueError:
        return None
    if isinstance(data, dict):
        for key in ("command", "cmd", "shell_command", "bash"):
            value = data.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return None


def _inline_command(text: str, notes: list[str]) -> str | None:
    found: list[str] = []
    for m in _INLINE.finditer(text):
        span = m.group(2).strip()
        kind, span = _unwrap(span)
        if not looks_like_command(span):
            continue
        if len(span.split()) == 1 and not _OFFERED.search(text[max(0, m.start() - 40) : m.start()]):
            continue  # "the `find` command", "print to `stdout`": a name, not the answer
        found.append(span)
    if not found:
        return None
    if len(set(found)) > 1:
        notes.append(f"the reply mentioned {len(set(found))} commands; using the first")
    return found[0]


def _line_command(lines: list[str], notes: list[str]) -> str | None:
    """Bare text: the first command-looking line, its continuation lines and any commands that
    directly follow it; prose before it and explanations after it are left out."""
    start = None
    for i, line in enumerate(lines):
        if _ECHOED_INPUT.match(line):
            continue
        kind, rest = _unwrap(line)
        if looks_like_command(rest):
            start = i
            break
        cued = _CUED.match(line.strip())
        if cued and not looks_like_command(cued.group("prefix")):
            kind, rest = _unwrap(cued.group("command"))
            if looks_like_command(rest):
                start = i
                break
    if start is None:
        return None
    first = rest
    session = kind == "prompt"
    kept = [first]
    state = _Continuation()
    state.feed(first)
    j = start + 1
    while j < len(lines):
        raw = lines[j].rstrip()
        j += 1
        if state.open:
            body = raw[2:] if session and raw.startswith("> ") else raw
            kept.append(body)
            state.feed(body)
            continue
        if not raw.strip():
            break
        if _starts_continuation(raw):
            kept.append(raw)
            state.feed(raw)
            continue
        if _LABEL.match(raw.strip()):  # "Output: …" after the command is its sample output
            break
        line_kind, rest = _unwrap(raw)
        if session:
            if line_kind == "prompt":
                kept.append(rest)
                state.feed(rest)
            continue  # output of the command above
        if raw.lstrip().startswith("#") and line_kind != "weak":
            continue
        if not looks_like_command(rest) or _WHOLE_SPAN.match(raw.strip()):
            j -= 1
            break
        kept.append(rest)
        state.feed(rest)
    for later in lines[j:]:
        if looks_like_command(_unwrap(later)[1]) and not _ECHOED_INPUT.match(later):
            notes.append("the reply offered more than one command; using the first")
            break
    return "\n".join(kept)


def _tidy(command: str) -> str:
    return "\n".join(line.rstrip() for line in command.strip("\n").split("\n")).strip()


def extract_command(reply: str) -> Extraction:
    """Recover the one command in a model's reply.

    Raises HostileTextError when the reply holds hidden or control characters, NoCommandError
    when it holds no command (a refusal, an apology, prose, only reasoning).
    """
    text = reply.replace("\r\n", "\n")
    text, cut_off = _drop_reasoning(text)
    found = hostile_characters(text)
    if found:
        raise HostileTextError(found)
    # What the person sees when there is no command; the reasoning part was never checked.
    shown = visible(text.strip() or reply.strip())
    if cut_off and not text.strip():
        raise NoCommandError(
            shown,
            hint="the model ran out of room while reasoning; try again, or use another model with -m",
        )
    marker = text.find(NO_COMMAND_MARKER)
    if marker >= 0:
        raise NoCommandError(
            text[marker + len(NO_COMMAND_MARKER) :].strip() or shown,
            hint="the model says this is not a shell task; rephrase it as something to do in the shell",
        )

    notes: list[str] = []
    command = None
    stripped = text.strip()
    if stripped.startswith("{") and stripped.endswith("}"):
        command = _json_command(stripped)

    lines = text.split("\n")
    blocks = [] if command else _fenced_blocks(lines)
    if blocks:
        candidates = []
        for number, block in enumerate(blocks, 1):
            block_notes: list[str] = []
            body = _tidy(_block_command(block, block_notes))
            if not body:
                continue
            shellish = block.lang in _SHELL_LANGS
            if block.lang in ("", "text", "txt", "plaintext", "output") or not shellish:
                if not looks_like_command(_unwrap(body.split("\n")[0])[1]):
                    continue
            candidates.append((not shellish and block.lang != "json", number, body, block_notes))
        if candidates:
            candidates.sort(key=lambda c: (c[0], c[1]))  # shell blocks first, then in order
            _, number, command, block_notes = candidates[0]
            notes.extend(block_notes)
            if len(blocks) > 1:
                which = "the first" if number == 1 else f"block {number}, the first with a command"
                notes.append(f"the reply held {len(blocks)} code blocks; using {which}")
        # Text inside fences is not prose to search for bare commands.
        for block in blocks:
            for i in range(block.start, block.end + 1):
                lines[i] = ""

    if command is None:
        tagged = _TAGGED.search(text)
        if tagged:
            inner = _dedent(tagged.group(2).split("\n"))
            command = _tidy("\n".join(_script_commands(inner, notes))) or None
    if command is None:
        command = _line_command(lines, notes)
    if command is None and not _REFUSAL.match(stripped):
        command = _inline_command("\n".join(lines), notes)

    command = _tidy(command or "")
    if not command:
        raise NoCommandError(shown)
    found = hostile_characters(command)  # a JSON string can spell "\u001b"
    if found:
        raise HostileTextError(found)
    if len(command) > MAX_COMMAND_CHARS:
        raise CommandTooLongError(len(command))
    return Extraction(command, notes)
