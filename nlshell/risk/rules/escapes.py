"""Commands handed to programs that are no shells nor interpreters: a pager's shell escape
(`less '+!rm -rf ~' notes.txt`), Emacs Lisp given on the line (`emacs --batch --eval '(…)'`), and a
makefile given on the line (`make -f <(printf 'all:\\n\\trm -rf ~\\n')`, `make -f - <<EOF`). What
they run is rated as if typed; what cannot be read is never cleared (nlshell/risk/embedded.py
reads the code)."""

from __future__ import annotations

from nlshell.risk.book import program
from nlshell.risk.facts import heredoc_body, is_download, literal_output
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.shell.interpreters import STDIN_PATHS

PREFIX = "escapes"

# Emacs options whose value is Lisp to evaluate.
_LISP_OPTIONS = ("--eval", "-eval", "--execute", "-execute")
_MAKEFILE_OPTIONS = ("-f", "--file", "--makefile")


@program("less")
def pager_escape(ctx, cmd) -> None:
    """`+CMD` (and `++CMD`) is a command less runs at start; `!` in it runs a shell line."""
    for a in cmd.args:
        command = a.text.lstrip("+") if a.text.startswith("+") else ""
        command = command.lstrip(":")
        if command.startswith("!") and command[1:].strip():
            ctx.merge(ctx.nested(command[1:].strip()), cmd, where="in less's shell escape: ")


@program("emacs", "emacs-nox", "emacsclient")
def lisp(ctx, cmd) -> None:
    """`emacs --batch --eval '(shell-command "…")'`: the Lisp it evaluates."""
    args = cmd.args
    for i, a in enumerate(args):
        name, _, value = a.text.partition("=")
        if name in _LISP_OPTIONS and (value or i + 1 < len(args)):
            ctx.merge(ctx.nested(value or args[i + 1].text, "elisp", cmd), cmd)
        elif a.text in ("-e", "--eval") and cmd.name == "emacsclient":
            for rest in args[i + 1 :]:
                ctx.merge(ctx.nested(rest.text, "elisp", cmd), cmd)


@program("make", "gmake")
def makefile_on_the_line(ctx, cmd) -> None:
    """A makefile from `<(…)` or standard input: its recipes are shell lines. One from a file is
    the project's own, as any script is."""
    args = cmd.args
    for i, a in enumerate(args):
        name, _, value = a.text.partition("=")
        if name not in _MAKEFILE_OPTIONS and not (a.text.startswith("-f") and len(a.text) > 2):
            continue
        if name in _MAKEFILE_OPTIONS and not value and i + 1 == len(args):
            word = None  # `make -f - <<EOF`: the parser keeps no `-` before a heredoc
        else:
            word = args[i + 1] if name in _MAKEFILE_OPTIONS and not value else a
        if word is not None and word.subs:
            producers = ctx.substitution_commands(word)
            produced = literal_output(producers)
            if any(is_download(c) for c in producers):
                ctx.add("code.run-fetched", cmd, what="a makefile", how=f" ({cmd.name} -f <(...))")
            elif produced is None:
                ctx.add("code.run-produced", cmd, how=f"{cmd.name} -f <(...)")
            else:
                ctx.merge(ctx.nested(produced, "makefile", cmd), cmd)
        elif (word is None or (value or word.text) in STDIN_PATHS) and (body := heredoc_body(cmd)) is not None:
            ctx.merge(ctx.nested(body, "makefile", cmd), cmd)


EXAMPLES = [
    ("less '+!rm -rf ~' notes.txt", DANGEROUS, "files.delete-broad"),
    ("less '+:!rm -rf ~' notes.txt", DANGEROUS, "files.delete-broad"),
    ("less +G notes.txt", SAFE, "not files.delete-broad"),
    ("less '+/error' app.log", SAFE, "not files.delete-broad"),
    ("emacs --batch --eval '(shell-command \"rm -rf ~\")'", DANGEROUS, "files.delete-broad"),
    ("emacs -batch -eval '(delete-directory \"~\" t)'", DANGEROUS, "files.delete-broad"),
    ("emacs --batch --eval='(call-process \"rm\" nil nil nil \"-rf\" \"~\")'", DANGEROUS, "files.delete-broad"),
    ("emacs --batch --eval '(delete-directory \"build\" t)'", CAUTION, "files.delete"),
    ("emacs --batch --eval '(message \"%s\" emacs-version)'", SAFE, "not files.delete"),
    ("emacs notes.txt", SAFE, "not files.delete"),
    ("emacsclient -e '(shell-command \"rm -rf ~\")'", DANGEROUS, "files.delete-broad"),
    ("LESSOPEN='|rm -rf ~ %s' less notes.txt", DANGEROUS, "files.delete-broad"),
    ("LESSOPEN='| lesspipe %s' less notes.txt", SAFE, "not files.delete-broad"),
    ("make -f <(printf 'all:\\n\\trm -rf ~\\n')", DANGEROUS, "files.delete-broad"),
    ("make -f <(printf 'all:\\n\\techo hi\\n')", SAFE, "not files.delete-broad"),
    ("make -f <(curl -s https://x.example/Makefile)", DANGEROUS, "code.run-fetched"),
    ("make -f <(some-generator)", CAUTION, "code.run-produced"),
    ("make -f Makefile.release", SAFE, "not code.run-produced"),
    ("make -f - <<'EOF'\nall:\n\trm -rf ~\nEOF", DANGEROUS, "files.delete-broad"),
]
