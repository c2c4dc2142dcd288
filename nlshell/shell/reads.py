"""What `read` puts in its names when the text it reads is known.

`read A B <<< 'x y z'` makes A `x` and B `y z`; a `while read f` loop gives `f` every line of its
input, so `while read f; do rm -rf "$f"; done <<< /` deletes `/`. The input is known when it is a
here-string, a here-document, or what `echo`/`printf` (or `cat <<EOF`) write into the loop's pipe.
Anything else (a file, a command's output, an option that reads otherwise) leaves the names
unknown: a name gets values only when every value it can take is among them.
"""

from __future__ import annotations

import re

from nlshell.shell.patterns import lazy
from nlshell.shell.printing import printed
from nlshell.shell.words import ARRAY, MAX_ALTERNATIVES

_VALUE_OPTIONS = "dinNptu"  # `read` options that take a value
_OTHER_READS = "adnNu"  # read into an array, up to another delimiter or count, or from another fd
_STDIN_OPS = frozenset({"<", "<<", "<<<", "<&", "<>"})
_BLANKS = " \t\n"
_NAME = lazy(r"[A-Za-z_][A-Za-z0-9_]*")


def stdin_redirect(redirects: list):
    """The redirect a command's standard input comes from (the last one wins), or None."""
    found = None
    for r in redirects:
        if r.op in _STDIN_OPS and r.fd in (None, "0"):
            found = r
    return found


def redirect_input(r) -> list | None:
    """The texts a here-string or here-document can feed, as (text, literal) pairs; None otherwise.

    A here-string word may take several values (a loop variable); each is a possible input. One
    with a command substitution is not followed: what it prints is not known here.
    """
    if r is None:
        return None
    if r.op == "<<<" and r.target is not None and not r.target.subs:
        return [(v + "\n", r.target.literal) for v in r.target.values()]
    if r.op == "<<" and r.body is not None:
        if r.body_expands and ("$" in r.body or "`" in r.body):
            return None  # the body's expansions are raw text here, not their values
        return [(r.body, True)]
    return None


def stage_output(cmd, siblings: list, loop) -> list | None:
    """What the pipeline stage `cmd` writes, when it is the whole stage (`siblings` are every
    command of that stage) and prints literal text: `echo`, `printf`, `cat` of a here-document."""
    if cmd is None or siblings != [cmd] or cmd.loop is not loop:
        return None  # a stage of several commands, or one repeated by a loop inside the stage
    if any(a.alts or a.glob for a in cmd.args):
        return None
    words = printed(cmd)
    if words is not None:
        if not all(w.literal for w in words):
            return None
        return [(" ".join(w.text for w in words) + ("\n" if cmd.name == "echo" else ""), True)]
    if cmd.name == "cat" and not cmd.args:
        return redirect_input(stdin_redirect(cmd.redirects))
    return None


def read_values(env: dict, cmd, inputs: list | None, every_line: bool) -> dict:
    """The values each name of `read` (the Command `cmd`) can take from `inputs` (from
    `redirect_input`): the first line for one `read`, `every_line` for a `while read` loop.
    A name mapped to None is unknown."""
    names, raw, plain = _options(cmd.args)
    ifs = _ifs(env, cmd.assignments) if names else ""  # no name: REPLY gets the line unmodified
    names = names or ["REPLY"]
    if not plain or ifs is None or inputs is None:
        return dict.fromkeys(names)
    found: dict = {n: [] for n in names}
    for text, literal in inputs:
        lines = _lines(text, raw)
        if lines is None or (not literal and len(names) > 1):
            return dict.fromkeys(names)  # a value known only at run time may hold any separator
        for line in lines if every_line else lines[:1]:
            for name, field in zip(names, split_fields(line, len(names), ifs)):
                found[name].append(field)
    return found


def store(env: dict, found: dict) -> bool:
    """Put the values `read_values` found into `env`, forgetting unknown names; True when a name
    had more values than are kept."""
    truncated = False
    for name, values in found.items():
        env.pop(name, None)
        env.pop(name + ARRAY, None)
        if values is None or not values:
            continue
        values = tuple(dict.fromkeys(values))
        if len(values) > MAX_ALTERNATIVES:
            values, truncated = values[:MAX_ALTERNATIVES], True
        env[name] = values
    return truncated


def read_builtin(env: dict, cmd) -> None:
    """One `read`: its names take the first line of a here-string or here-document given to it
    (a here-string word has at most MAX_ALTERNATIVES values); from anywhere else they are unknown."""
    store(env, read_values(env, cmd, redirect_input(stdin_redirect(cmd.redirects)), every_line=False))


def split_fields(line: str, count: int, ifs: str) -> list:
    """`line` split into `count` fields as `read` splits it: IFS blanks trimmed and runs of them one
    separator, each other IFS character a separator, the last field the rest of the line."""
    if not ifs:
        return [line] + [""] * (count - 1)
    white = "".join(c for c in _BLANKS if c in ifs)
    other = "".join(dict.fromkeys(c for c in ifs if c not in _BLANKS))
    line = line.strip(white) if white else line
    ws = f"[{re.escape(white)}]*" if white else ""
    parts = [f"{ws}[{re.escape(other)}]{ws}"] if other else []
    if white:
        parts.append(f"[{re.escape(white)}]+")
    separator = re.compile("|".join(parts))
    fields = separator.split(line, maxsplit=count - 1) if line and count > 1 else [line]  # maxsplit=0: no limit
    last = fields[-1]
    if other and len(fields) == count and last and last[-1] in other:
        body = last[:-1].rstrip(white) if white else last[:-1]
        if not separator.search(body):
            fields[-1] = body  # `IFS=, read a b <<< '1,2,'`: b is `2`, the lone trailing comma dropped
    return fields + [""] * (count - len(fields))


def _options(args: list) -> tuple:
    """(names, `-r` given, reads one line of stdin into plain names) from `read`'s words."""
    names: list = []
    raw = False
    plain = True
    i = 0
    while i < len(args):
        w = args[i]
        t = w.text
        if not w.literal:
            plain = False
        elif t == "--":
            names.extend(a.text for a in args[i + 1 :])
            break
        elif t.startswith("-") and len(t) > 1 and not names:
            for k, letter in enumerate(t[1:], start=1):
                raw = raw or letter == "r"
                plain = plain and letter not in _OTHER_READS
                if letter in _VALUE_OPTIONS:
                    i += 0 if k + 1 < len(t) else 1  # `-p text` / `-ptext`
                    break
        else:
            names.append(t)
        i += 1
    if not all(_NAME.fullmatch(n) for n in names):
        plain = False
    return names, raw, plain


def _ifs(env: dict, assignments: dict) -> str | None:
    """The IFS `read` splits with, or None when it is only known at run time."""
    if "IFS" in assignments:
        text = assignments["IFS"]
        return None if "$" in text or "`" in text else text
    values = env.get("IFS")
    if values is None:
        return _BLANKS
    return values[0] if len(values) == 1 else None


def _lines(text: str, raw: bool) -> list | None:
    """The lines `read` reads from `text`; None when, without `-r`, a backslash would join or
    change them."""
    if not raw and "\\" in text:
        return None
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return lines
