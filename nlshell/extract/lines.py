"""One line of a reply: does it read as a shell command or as prose, and what wraps it.

A line may carry a `$ ` prompt, a `user@host:~$` prompt, an `Output:` label, backticks or quotes
around the command; `unwrap` takes them off. `looks_like_command` is a good guess, not a parse:
operators, redirects, flags and substitutions settle it as a command; English function words and
a sentence's shape settle it as prose.
"""

from __future__ import annotations

import re

_KEYWORDS = frozenset(
    {"if", "then", "else", "elif", "fi", "case", "esac", "for", "while", "until", "do", "done",
     "select", "function", "time", "coproc", "begin", "end", "switch", "!", "{", "}", "[[", "(("}
)
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
ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=")
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
    while ASSIGNMENT.match(first):  # VAR=value [VAR=value …] [command]
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


def strongly_command(line: str) -> bool:
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


# What a code fence names shell code (also on one line: ```bash ls -la```); the session ones hold a
# console transcript: prompted commands and their output.
SHELL_LANGS = frozenset(
    {"", "bash", "sh", "shell", "zsh", "fish", "ksh", "dash", "posix", "shellscript", "console",
     "shell-session", "sh-session", "shellsession", "bash-session", "terminal", "command", "cmd"}
)
SESSION_LANGS = frozenset(
    {"console", "shell-session", "sh-session", "shellsession", "bash-session", "terminal"}
)
PROMPT = re.compile(
    r"""^(?:
        (?P<userhost>(?:\([\w.-]+\)\s*)?(?:[\w.-]+@[\w.-]+(?::[^\s$#]*)?\s?[$#%]|[\w.-]+\$))\s+
      | (?P<venv>\([\w.-]+\)\s*\$)\s+
      | (?P<sign>[$%❯➜λ])\s+
      | (?P<weak>[#>])\s+
    )""",
    re.X,
)
LABEL = re.compile(
    r"^(?:\*\*|__)?(?:output|command|answer|cmd|shell command|bash command|bash|shell)\s*:\s*(?:\*\*|__)?\s*",
    re.I,
)
WHOLE_SPAN = re.compile(r"^(`+)\s*([^`].*?)\s*\1[.;]?$")
_WHOLE_QUOTE = re.compile(r'^"([^"]+ [^"]*)"$')


def unwrap(line: str) -> tuple[str, str]:
    """(prompt kind, the line without label, prompt and wrapping). Kind: "" | "prompt" | "weak"."""
    s = line.strip()
    s = LABEL.sub("", s, count=1) if LABEL.match(s) else s
    span = WHOLE_SPAN.match(s)
    if span:
        s = span.group(2)
        lang, _, after = s.partition(" ")
        if len(span.group(1)) >= 3 and lang in SHELL_LANGS and looks_like_command(after):
            s = after  # "```bash ls -la```" on one line
    kind = ""
    m = PROMPT.match(s)
    if m:
        rest = s[m.end() :]
        if m.group("weak"):
            if len(rest.split()) >= 2 and strongly_command(rest):
                kind, s = "weak", rest
        elif rest.strip():
            kind, s = "prompt", rest
    quoted = _WHOLE_QUOTE.match(s)
    if quoted and looks_like_command(quoted.group(1)):
        s = quoted.group(1)
    return kind, s.strip()
