"""The shell commands inside code of languages with no reader of their own: Tcl (`tclsh`, `wish`,
`expect`), Emacs Lisp (`emacs --batch --eval`), PowerShell's removals (`pwsh -c 'Remove-Item …'`)
and makefiles given on the command line.

Each is read for the few forms that run a program or delete files, turned into the shell command
that does the same, so the shell's rules rate it: Tcl's `exec rm -rf ~` is `rm -rf ~`, Lisp's
`(delete-directory "~" t)` is `rm -rf ~`, `Remove-Item -Recurse -Force $HOME` is `rm -rf ~`, a
recipe line is a shell line.
"""

from __future__ import annotations

import re
import shlex

from nlshell.shell.patterns import lazy

# Tcl: a command starts a line, or follows `;`, `[` or `{`.
_TCL_RUN = lazy(r"(?:^|[;\[{\n])\s*(?:exec|spawn)\s+(?P<c>(?:[^;\]\n}\\]|\\.)+)")
_TCL_DELETE = lazy(r"(?:^|[;\[{\n])\s*file\s+delete\s+(?P<o>(?:-force\s+|--\s+)*)(?P<p>[^;\]\n}]+)")
_TCL_PIPE_OPEN = lazy(r"\bopen\s+[\"{]\|(?P<c>[^\"}]+)[\"}]")
_TCL_REDIRECT = lazy(r"\s+(?:2>@1|2>@stdout|>@stdout|&)\s*$")

# Emacs Lisp strings, and the calls that run a shell line, a program, or delete.
_STRING = r'"(?:[^"\\]|\\.)*"'
_LISP_SHELL = lazy(
    r"\((?:async-)?shell-command(?:-to-string)?\s+(?P<s>" + _STRING + r")"
    r"|\(call-process-shell-command\s+(?P<s2>" + _STRING + r")"
)
_LISP_PROCESS = lazy(
    r"\((?:call-process|process-file)\s+(?P<p>" + _STRING + r")(?:\s+(?:nil|t|" + _STRING + r"|\S+)){0,3}"
    r"(?P<a>(?:\s+" + _STRING + r")*)"
    r"|\(process-lines\s+(?P<p2>" + _STRING + r")(?P<a2>(?:\s+" + _STRING + r")*)"
    r"|\(start-process\s+" + _STRING + r"\s+(?:nil|" + _STRING + r"|\S+)\s+(?P<p3>" + _STRING + r")"
    r"(?P<a3>(?:\s+" + _STRING + r")*)"
)
_LISP_DELETE_DIR = lazy(r"\(delete-directory\s+(?P<p>" + _STRING + r")(?P<r>\s+(?!nil\b)[^\s)]+)?")
_LISP_DELETE_FILE = lazy(r"\(delete-file\s+(?P<p>" + _STRING + r")")

# PowerShell's removals (and their aliases), and the home directory however it names it.
_PWSH_REMOVE = lazy(r"(?i)(?:^|[;|{(]\s*|\s)(?:Remove-Item|ri|rm|del|erase|rd|rmdir)\s+(?P<args>[^;|\n]+)")
_PWSH_HOME = lazy(r"(?i)^(?:\$HOME|\$\{HOME\}|\$env:(?:HOME|USERPROFILE)|~)(?=$|[\\/])")
_PWSH_WORD = lazy(r'"[^"]*"|\'[^\']*\'|[^\s"\']+')  # a quoted path is one word, spaces and all

# A makefile's recipe lines (a tab first), and `$(shell …)` anywhere.
_RECIPE = lazy(r"^\t+[@+-]*(?P<c>.+)$", re.M)
_MAKE_SHELL = lazy(r"\$\(shell\s+(?P<c>[^)]+)\)")


def shell_commands(kind: str, code: str) -> list[str]:
    """The shell lines `code`, in language `kind` ("tcl", "elisp", "makefile"), runs or amounts to."""
    if kind == "tcl":
        return _tcl(code)
    if kind == "elisp":
        return _lisp(code)
    if kind == "makefile":
        return _makefile(code)
    if kind in ("pwsh", "powershell"):
        return _powershell_removes(code)
    return []


def shell_word(part: str) -> str:
    """A word as the shell reads it back: quoted unless made only of safe characters (`~` and `*`
    stay unquoted, so the home directory and a glob keep meaning what they meant)."""
    return part if re.fullmatch(r"[\w@%+=:,./~*-]+", part) else "'" + part.replace("'", "'\\''") + "'"


def _home_word(path: str) -> str:
    """A path PowerShell resolves as one word; its leading `~` stays the home directory even when the
    rest needs quotes (`"~/My Documents"`), and `*` stays a glob (its -Path expands wildcards, quoted
    or not)."""
    if path == "~" or path.startswith(("~/", "~\\")):
        return "~" + shell_word(path[1:]) if len(path) > 1 else "~"
    return shell_word(path)


def _tcl(code: str) -> list[str]:
    found = [_TCL_REDIRECT.sub("", m.group("c")).strip() for m in _TCL_RUN.finditer(code)]
    found += [m.group("c").strip() for m in _TCL_PIPE_OPEN.finditer(code)]
    for m in _TCL_DELETE.finditer(code):
        force = "-force" in m.group("o")
        found.append(("rm -rf " if force else "rm ") + m.group("p").strip())
    return [line for line in found if line]


def _unquoted(text: str) -> str:
    return text[1:-1].replace('\\"', '"').replace("\\\\", "\\")


def _word(text: str) -> str:
    """A Lisp string as one shell word; a leading `~` stays the home directory, as Emacs expands it."""
    if text == "~" or text.startswith("~/"):
        return "~" + (shlex.quote(text[1:]) if len(text) > 1 else "")
    return shlex.quote(text)


def _lisp(code: str) -> list[str]:
    found = [_unquoted(m.group("s") or m.group("s2")) for m in _LISP_SHELL.finditer(code)]
    for m in _LISP_PROCESS.finditer(code):
        program = m.group("p") or m.group("p2") or m.group("p3")
        arguments = m.group("a") or m.group("a2") or m.group("a3") or ""
        words = [_unquoted(program)] + [_unquoted(s) for s in re.findall(_STRING, arguments)]
        found.append(" ".join(_word(w) for w in words))
    for m in _LISP_DELETE_DIR.finditer(code):
        found.append(("rm -rf " if m.group("r") else "rmdir ") + _word(_unquoted(m.group("p"))))
    for m in _LISP_DELETE_FILE.finditer(code):
        found.append("rm " + _word(_unquoted(m.group("p"))))
    return [line for line in found if line.strip()]


def _makefile(code: str) -> list[str]:
    if "\t" not in code and "\\t" in code:
        code = code.replace("\\n", "\n").replace("\\t", "\t")  # printf's escapes, as printf wrote them
    found = [m.group("c").strip() for m in _RECIPE.finditer(code)]
    found += [m.group("c").strip() for m in _MAKE_SHELL.finditer(code)]
    return [line.replace("$$", "$") for line in found if line]


def _powershell_removes(code: str) -> list[str]:
    """Each `Remove-Item` of `code` said as the `rm` it is: `-Recurse` is -r, `-Force` -f, the home
    directory however PowerShell names it `~`."""
    said = []
    for m in _PWSH_REMOVE.finditer(code):
        words = [w for w in _PWSH_WORD.findall(m.group("args")) if w != "}"]
        flags = {w.lower() for w in words if w.startswith("-")}
        paths = [_PWSH_HOME.sub("~", w[1:-1] if w[:1] in "'\"" and len(w) > 1 else w)
                 for w in words if not w.startswith("-")]
        recursive = any(f.startswith("-r") for f in flags)
        forced = any(f.startswith("-fo") or f == "-f" for f in flags)
        if paths:
            flag = "-rf" if recursive and forced else "-r" if recursive else "-f" if forced else ""
            said.append(" ".join(["rm", *([flag] if flag else []), *(_home_word(p) for p in paths)]))
    return said
