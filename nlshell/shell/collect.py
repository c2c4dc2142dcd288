"""The collector: a tree-sitter tree -> `Script`, every simple command the text would run.

Wrappers are peeled off (wrappers.py), strings that some command runs as shell code (`sh -c`,
`eval`, `ssh host`, `su -c`, `watch`, a heredoc fed to a shell) are parsed and collected as code
of their own, one level deeper, and `find -exec` commands are collected as commands. Past
`MAX_CODE_DEPTH` levels a string is not read: the script records it as unseen.
"""

from __future__ import annotations

import re

from nlshell.shell.builtins import SHELLS
from nlshell.shell.feeds import runs_a_line
from nlshell.shell.find import read_find
from nlshell.shell.launchers import join_words
from nlshell.shell.interpreters import STDIN_PATHS, shell_invocation
from nlshell.shell.model import NESTED_TOO_DEEP, SHELL_OPENERS, TOO_MANY_VALUES, CodeRun, Command, Redirect, Script, Word
from nlshell.shell.parser import parse
from nlshell.shell.reads import read_builtin
from nlshell.shell.statements import REDIRECTS, Statements
from nlshell.shell.variables import MAX_CALLS, positional, set_builtin, shift_builtin
from nlshell.shell.words import WordBuilder
from nlshell.shell.wrappers import unwrap

MAX_CODE_DEPTH = 8  # nested `sh -c "bash -c '...'"` levels that are parsed as code; deeper is unseen


def script_of(command: str, tree=None, *, depth: int = 0) -> Script:
    """The structural model of `command` (parses it unless `tree` is given).

    `depth` says how deep inside other code `command` already is (a string some command runs).
    """
    if tree is None:
        tree = parse(command)
    script = Script(source=command, tree=tree, has_error=tree.root_node.has_error)
    Collector(script, depth, None, None).block(tree.root_node, False, None, None)
    return script


class Collector(Statements):
    """Walks one tree into `script`; a string run as code gets a collector of its own, one deeper."""

    def __init__(
        self,
        script: Script,
        depth: int,
        origin: str | None,
        parent: Command | None,
        env: dict | None = None,
        remote: bool = False,
    ) -> None:
        self.script = script
        self.depth = depth
        self.origin = origin
        self.parent = parent
        self.env: dict = env if env is not None else {}
        self.remote = remote
        self.calling: frozenset = frozenset()  # functions whose call is being read (no recursion)

    # words and redirects ----------------------------------------------------------------
    def word(self, node) -> Word:
        return self.built(node)[1]

    def built(self, node) -> tuple:
        """(builder, word): a word whose values were cut short is recorded as unseen."""
        builder = WordBuilder(self.env)
        word = builder.build(node)
        if builder.truncated:
            self.script.unseen.append(TOO_MANY_VALUES)
        return builder, word

    def words(self, node) -> list:
        """A word as the shell splits it: an unquoted `$X` whose value has spaces is several."""
        builder, w = self.built(node)
        if (every := self.positionals(node)) is not None:  # `set -- rm -rf /; "$@"`: one word per parameter
            return every
        if builder.elements:  # `"${a[@]}"`: one word per element
            return [Word(part, literal=w.literal, raw=w.raw) for part in w.text.split()]
        if not w.quoted and "${IFS}" in w.text and "IFS" not in self.env:  # `rm${IFS}-rf${IFS}/`: IFS unset splits on blanks
            parts = [p for p in w.text.split("${IFS}") if p]
            return [Word(p, literal=w.literal or not any(c in p for c in "$`*?["), raw=None) for p in parts]
        if not builder.expanded or w.quoted:
            return [w]
        separators = self.separators()
        if any(c in w.text for c in separators):
            parts = re.split("[" + re.escape(separators) + "]+", w.text)
            return [Word(part, literal=w.literal, raw=w.raw) for part in parts if part]
        return [w]

    def positionals(self, node) -> list | None:
        """`"$@"` (or `$@`) when every positional parameter is known: their words, in order."""
        if node.text.decode("utf-8", "replace") not in ('"$@"', "$@", '"${@}"', "${@}"):
            return None
        count = self.env.get("#", ("",))[0]
        if not count.isdigit() or not 0 < int(count) <= 9:
            return None
        values = [self.env.get(str(k), ()) for k in range(1, int(count) + 1)]
        return [Word(v[0], literal=True) for v in values] if all(len(v) == 1 for v in values) else None

    def separators(self) -> str:
        """The characters an unquoted expansion is split on: `IFS=,; cmd=rm,-rf,~; $cmd` is three
        words. Every value IFS may have counts, so no split the shell makes is missed."""
        values = self.env.get("IFS")
        return "".join(dict.fromkeys("".join(values))) if values else " \t\n"

    def redirect(self, node, loop, fn, extra: list) -> Redirect:
        """One redirect; words the grammar hangs after its target (`>/dev/null ~`) go to `extra`."""
        t = node.type
        if t == "heredoc_redirect":
            body = ""
            expands = False
            start = ""
            for c in node.children:
                if c.type == "heredoc_start":
                    start = c.text.decode("utf-8", "replace")
                elif c.type == "heredoc_body":
                    body = c.text.decode("utf-8", "replace")
            expands = not any(q in start for q in "'\"\\")
            if expands:
                for c in node.children:
                    if c.type == "heredoc_body":
                        self.visit(c, False, loop, fn)
            return Redirect("<<", None, None, body, expands)
        if t == "herestring_redirect":
            target = None
            for c in node.children:
                if c.type not in ("<<<",):
                    target = self.word(c)
                    self.visit_subs(c, loop, fn)
            return Redirect("<<<", target, None, target.text if target else "", True)
        op = ""
        fd = None
        target = None
        for c in node.children:
            ct = c.type
            if ct == "file_descriptor":
                fd = c.text.decode("utf-8", "replace")
            elif ct in (">", ">>", "<", "&>", "&>>", ">&", "<&", ">|", "<>", ">&-", "<&-"):
                op += ct
            elif ct == "ERROR":
                op += c.text.decode("utf-8", "replace")
            else:
                if target is None:
                    target = self.word(c)
                else:  # `rm -rf 2>/dev/null / x`: the grammar lists `/ x` as more targets
                    extra.extend(self.words(c))
                self.visit_subs(c, loop, fn)
        return Redirect(op or ">", target, fd)

    # commands ---------------------------------------------------------------------------
    def command(self, node, bg, loop, fn, pipe, extra_redirects=(), extra_words=()) -> None:
        assignments: dict = {}
        words: list = []
        redirects: list = []
        inner: list = []  # nodes holding substitutions: visited after the command, in source order
        for c in node.children:
            ct = c.type
            if ct == "variable_assignment":
                name, w = self.assignment(c, loop, fn, record_command=False, prefix=True)
                assignments[name] = w.text
            elif ct == "command_name":
                for cc in c.children:
                    words.extend(self.words(cc))
                    inner.append(cc)
            elif ct in REDIRECTS:
                redirects.append(self.redirect(c, loop, fn, words))
            elif ct in ("comment",):
                continue
            else:
                words.extend(self.words(c))
                inner.append(c)
        words.extend(extra_words)
        redirects.extend(extra_redirects)
        self.emit(
            words,
            assignments,
            redirects,
            bg,
            loop,
            fn,
            pipe[0] if pipe else None,
            pipe[1] if pipe else 0,
            node,
        )
        for c in inner:
            if c.type not in ("word", "raw_string", "number"):
                self.visit_subs(c, loop, fn)

    def emit(
        self,
        words,
        assignments,
        redirects,
        bg,
        loop,
        fn,
        pipeline,
        stage,
        node,
        wrappers=(),
        origin=None,
        parent=None,
    ) -> Command:
        peeled = unwrap(words)
        argv = peeled.argv
        assignments = {**assignments, **peeled.assignments}
        cmd = Command(
            argv=argv,
            wrappers=tuple(wrappers) + tuple(peeled.wrappers),
            assignments=assignments,
            redirects=redirects,
            background=bg,
            pipeline=pipeline,
            stage=stage,
            loop=loop,
            function=fn,
            depth=self.depth,
            origin=origin or ("xargs" if peeled.via_xargs else self.origin),
            parent=parent or self.parent,
            node=node,
            remote=self.remote,
            feed=peeled.feed,
            forwards=tuple(peeled.forwards),
        )
        if pipeline is not None and stage < len(pipeline.stages) and pipeline.stages[stage] is None:
            pipeline.stages[stage] = cmd
        self.script.commands.append(cmd)
        self.builtin(cmd)
        if cmd.name == "alias":
            for w in cmd.args:
                if "=" in w.text:
                    self.script.aliases.add(w.text.split("=", 1)[0])
        # Strings that run as shell code.
        for kind, text_word, how in peeled.code:
            self.code(kind, text_word, how, cmd)
        name = cmd.name
        if runs_a_line(cmd):  # `parallel 'rm -rf {}'`: the words are one shell line, items quoted in
            self.code("shell", join_words(argv), "parallel", cmd)
        elif name in SHELLS and argv:
            code_i, script_i = shell_invocation(argv)
            if code_i is not None:
                self.code("shell", argv[code_i], f"{name} -c", cmd, argv[code_i + 1 :])
            elif script_i is None or argv[script_i].text in STDIN_PATHS:
                self.here_code(cmd, redirects)
        elif name in ("source", ".") and len(argv) > 1 and argv[1].text in STDIN_PATHS:
            self.here_code(cmd, redirects)
        elif not argv and peeled.wrappers and peeled.wrappers[-1] in SHELL_OPENERS:  # `sudo -s <<< 'rm -rf /'`
            self.here_code(cmd, redirects)
        elif name in ("find", "fd", "fdfind"):
            self.find_exec(cmd, name)
        return cmd

    def here_code(self, cmd: Command, redirects: list) -> None:
        """A shell reading its program from stdin runs what a here-document or here-string holds."""
        for r in redirects:
            if r.op in ("<<", "<<<") and r.body is not None:
                self.code("shell", Word(r.body, literal=True), f"{cmd.name} <<", cmd)

    def builtin(self, cmd: Command) -> None:
        """What `set --`, `shift`, `read` and a call of a function defined here do to known values."""
        name = cmd.name
        if name == "set":
            set_builtin(self.env, cmd.args)
        elif name == "shift":
            shift_builtin(self.env, cmd.args)
        elif name == "read":
            read_builtin(self.env, cmd)
        elif name in self.script.bodies and cmd.args:
            self.call(cmd)

    def call(self, cmd: Command) -> None:
        """`f ~` where `f(){ rm -rf "$1"; }`: the body is read again with `$1` bound to `~`."""
        name = cmd.name
        script = self.script
        if name in self.calling or script.calls >= MAX_CALLS:
            return
        if any(c.function == name and c.name == name for c in script.commands):
            return  # a recursive function: its copies are counted by the fork-bomb rule
        script.calls += 1
        env = dict(self.env)
        positional(env, cmd.args)
        sub = Collector(script, self.depth, self.origin, self.parent, env, self.remote)
        sub.calling = self.calling | {name}
        sub.visit(script.bodies[name], cmd.background, cmd.loop, name)

    def code(self, kind: str, word: Word | None, how: str, by: Command, args: list | None = None) -> None:
        """A string run as code; `args` are what `sh -c CODE NAME ARG...` binds to `$0`, `$1`, ..."""
        text = word.text if word is not None else None
        opaque = word is None or opaque_code(word)
        run = CodeRun(kind, text, by, opaque)
        self.script.code.append(run)
        if text is None or kind not in ("shell", "remote"):
            return
        if self.depth >= MAX_CODE_DEPTH:
            self.script.unseen.append(NESTED_TOO_DEEP)
            return
        # A string that fails to parse is still rated on what parses: it is data to the outer
        # shell, so it never makes the command itself invalid.
        tree = parse(text)
        env = dict(self.env)
        if args:
            env["0"] = args[0].values()
            positional(env, args[1:])
        sub = Collector(self.script, self.depth + 1, how, by, env, self.remote or kind == "remote")
        sub.block(tree.root_node, False, by.loop, by.function)

    def find_exec(self, cmd: Command, name: str) -> None:
        """The commands `find -exec` (or `fd -x`/`-X`) runs are commands of their own."""
        if name == "find":
            groups = read_find(cmd.args).execs
        else:
            groups = _fd_execs(cmd.argv)
        for primary, inner in groups:
            if inner:
                self.emit(
                    list(inner), {}, [], cmd.background, cmd.loop, cmd.function, None, 0, cmd.node,
                    origin=f"{name} {primary}", parent=cmd,
                )


def _fd_execs(words: list) -> list:
    """fd's `-x CMD ;` / `-X CMD`: (option, words of the command) groups."""
    groups = []
    i, n = 1, len(words)
    while i < n:
        w = words[i].text
        if w not in ("-x", "--exec", "-X", "--exec-batch"):
            i += 1
            continue
        j = i + 1
        while j < n and words[j].text not in (";", "+", r"\;"):
            j += 1
        groups.append((w, words[i + 1 : j]))
        i = j + 1
    return groups


def opaque_code(word: Word) -> bool:
    """Code whose text is one expansion or substitution: nothing about it is known."""
    text = word.text.strip()
    if word.literal:
        return False
    if word.subs and len(word.subs) == 1:
        sub_text = word.subs[0].text.decode("utf-8", "replace").strip()
        if text == sub_text:
            return True
    return bool(re.fullmatch(r"\$\{?[A-Za-z0-9_@*#?!-]+\}?|\$\{[^}]*\}", text))
