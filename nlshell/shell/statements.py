"""Statements: how a command line's structure reaches its simple commands.

Lists, pipelines, subshells, groups, loops, functions, assignments, heredocs and the commands
inside substitutions anywhere in a word: every simple command found is handed to `command`
(collect.py), with what is known about where it stands (pipeline stage, loop, background).
"""

from __future__ import annotations

import re

from nlshell.shell.model import Loop, Pipeline, TOO_MANY_VALUES, Word
from nlshell.shell.reads import read_values, redirect_input, stage_output, stdin_redirect, store
from nlshell.shell.words import ARRAY, MAX_ALTERNATIVES

_STATEMENT_SKIP = frozenset(
    {
        "comment", "&", ";", ";;", "\n", "&&", "||", "|", "|&", "(", ")", "{", "}", "do", "done", "then",
        "fi", "else", "elif", "if", "while", "until", "for", "in", "case", "esac", "!", "function",
    }
)
REDIRECTS = frozenset({"file_redirect", "heredoc_redirect", "herestring_redirect"})
_TRUE_WORDS = frozenset({"true", ":", "/bin/true", "/usr/bin/true"})


class Statements:
    """The statement half of the collector (`collect.Collector` adds words, redirects, commands)."""

    def visit(
        self, node, bg: bool = False, loop: Loop | None = None, fn: str | None = None, pipe=None
    ) -> None:
        t = node.type
        if t == "command":
            self.command(node, bg, loop, fn, pipe)
        elif t == "pipeline":
            self.pipeline(node, bg, loop, fn)
        elif t == "redirected_statement":
            self.redirected(node, bg, loop, fn, pipe)
        elif t == "function_definition":
            self.function(node, loop)
        elif t == "for_statement":
            self.for_loop(node, bg, loop, fn, pipe)
        elif t == "while_statement":
            self.while_loop(node, bg, loop, fn, pipe)
        elif t == "c_style_for_statement":
            self.c_for(node, bg, loop, fn, pipe)
        elif t == "variable_assignment":
            self.assignment(node, loop, fn)
        elif t == "declaration_command":
            self.declaration(node, bg, loop, fn)
        elif t == "unset_command":
            words = [self.word(c) for c in node.children if c.type not in ("unset",)]
            self.emit([Word("unset")] + words, {}, [], bg, loop, fn, None, 0, node)
        elif t in ("command_substitution", "process_substitution"):
            self.block(node, False, loop, fn)
        elif t in ("heredoc_body",):
            for c in node.children:
                if c.type in ("command_substitution", "process_substitution"):
                    self.block(c, False, loop, fn)
        elif t in (
            "comment",
            "heredoc_content",
            "heredoc_start",
            "heredoc_end",
            "raw_string",
            "ansi_c_string",
        ):
            return
        elif t in ("word", "number"):
            return
        else:
            self.block(node, bg, loop, fn, pipe)

    def block(self, node, bg: bool, loop, fn, pipe=None) -> None:
        """Statements in sequence; a statement followed by `&` runs in the background.

        Inside a pipeline stage (`curl x | (cd /tmp; sh)`) every statement reads the pipe.
        """
        children = node.children
        n = len(children)
        for i, child in enumerate(children):
            ct = child.type
            if ct in _STATEMENT_SKIP:
                continue
            child_bg = bg or (i + 1 < n and children[i + 1].type == "&")
            self.visit(child, child_bg, loop, fn, pipe)

    def pipeline(self, node, bg, loop, fn, tail=((), ())) -> None:
        """A pipeline; `tail` holds the redirects and words of a statement around it, which belong
        to its last stage (`a | b > out`)."""
        pipe = Pipeline()
        stages = _stages(node)
        pipe.stages = [None] * len(stages)
        for i, (stage, redirect_nodes) in enumerate(stages):
            words: list = []
            made = [self.redirect(r, loop, fn, words) for r in redirect_nodes]
            if i == len(stages) - 1:
                made.extend(tail[0])
                words.extend(tail[1])
            if (made or words) and stage.type == "command":
                self.command(stage, bg, loop, fn, (pipe, i), extra_redirects=made, extra_words=words)
                continue
            if stage.type == "while_statement":
                self.while_loop(stage, bg, loop, fn, (pipe, i), made)  # `… | while read f; do …; done < x`
            else:
                self.visit(stage, bg, loop, fn, (pipe, i))
            if made or words:
                self.emit(words, {}, made, bg, loop, fn, pipe, i, stage)

    def redirected(self, node, bg, loop, fn, pipe) -> None:
        body = node.child_by_field_name("body")
        redirects: list = []
        extra: list = []  # words after a redirect are the command's arguments: `rm -rf >/dev/null ~`
        tail = None  # (operator, node): the rest of a heredoc's first line
        for c in node.children:
            if c.type in REDIRECTS:
                redirects.append(self.redirect(c, loop, fn, extra))
                if c.type == "heredoc_redirect":
                    nested, found = self.heredoc_line(c, loop, fn, extra)
                    redirects.extend(nested)
                    tail = tail or found
        if tail is not None and tail[0] == "|" and body is not None:
            self.heredoc_pipeline(body, redirects, extra, tail[1], bg, loop, fn)
            return
        self.redirected_body(node, body, redirects, extra, bg, loop, fn, pipe)
        if tail is not None:
            self.visit(tail[1], bg, loop, fn)  # `cat <<EOF && rm -rf ~`: runs after the heredoc's command

    def heredoc_line(self, node, loop, fn, extra: list) -> tuple:
        """What tree-sitter nests inside a heredoc redirect: the rest of the `<<EOF` line.

        `cat <<EOF -n > out | sh && next` puts `-n` (more arguments, added to `extra`), `> out`
        (more redirects of the same command) and `| sh` or `&& next` (more commands) inside the
        heredoc_redirect node; they run, so they are collected like any other word, redirect or
        statement.
        """
        redirects: list = []
        tail = None
        operator = ";"
        arguments = {c.id for c in node.children_by_field_name("argument")}
        for c in node.children:
            ct = c.type
            if c.id in arguments:
                extra.extend(self.words(c))
                self.visit_subs(c, loop, fn)
            elif ct in ("file_redirect", "herestring_redirect"):
                redirects.append(self.redirect(c, loop, fn, extra))
            elif ct in ("&&", "||", ";", "&", "|", "|&"):
                operator = ct
            elif c.is_named and ct not in ("heredoc_start", "heredoc_body", "heredoc_end") and tail is None:
                tail = ("|" if ct == "pipeline" else operator, c)
        return redirects, tail

    def heredoc_pipeline(self, body, redirects, extra, rest, bg, loop, fn) -> None:
        """`cat <<EOF | sh`: the heredoc's command is a stage of the pipeline that follows it."""

        def stages(n) -> list:
            found = []
            for c in n.children:
                if c.type == "pipeline":
                    found.extend(stages(c))
                elif c.type not in ("|", "|&", "comment"):
                    found.append(c)
            return found

        head = stages(body) if body.type == "pipeline" else [body]
        tail = stages(rest)
        pipe = Pipeline()
        pipe.stages = [None] * (len(head) + len(tail))
        for i, stage in enumerate(head + tail):
            if i == len(head) - 1 and stage.type == "command":
                self.command(stage, bg, loop, fn, (pipe, i), extra_redirects=redirects, extra_words=extra)
            else:
                self.visit(stage, bg, loop, fn, (pipe, i))

    def redirected_body(self, node, body, redirects, extra, bg, loop, fn, pipe) -> None:
        if body is not None and body.type == "command":
            self.command(body, bg, loop, fn, pipe, extra_redirects=redirects, extra_words=extra)
            return
        if body is not None and body.type == "pipeline" and pipe is None:
            self.pipeline(body, bg, loop, fn, tail=(redirects, extra))
            return
        if body is not None and body.type == "while_statement":
            self.while_loop(body, bg, loop, fn, pipe, redirects)
        elif body is not None:
            self.visit(body, bg, loop, fn, pipe)
        # Redirects of a compound statement, or of nothing at all (`> /dev/sda`). Words after them
        # (`{ ls; } >x rm -rf ~`, which bash refuses) are judged as a command all the same.
        self.emit(extra, {}, redirects, bg, loop, fn, pipe[0] if pipe else None, pipe[1] if pipe else 0, node)

    def function(self, node, loop) -> None:
        name_node = node.child_by_field_name("name")
        name = name_node.text.decode("utf-8", "replace") if name_node is not None else ""
        self.script.functions.setdefault(name, [])
        body = node.child_by_field_name("body")
        if body is not None:
            self.script.bodies[name] = body
            self.visit(body, False, loop, name)

    def for_loop(self, node, bg, loop, fn, pipe=None) -> None:
        var = node.child_by_field_name("variable")
        values = [c for c in node.children_by_field_name("value")]
        alts: list = []
        iterations = 0
        for v in values:
            self.visit_subs(v, loop, fn)
            if v.type == "brace_expression":
                iterations += _brace_count(v)
                alts.append(v.text.decode("utf-8", "replace"))
            elif v.type == "command_substitution":
                iterations += _seq_count(v) or 1
                alts.append(_listed(v) or v.text.decode("utf-8", "replace"))
            else:
                w = self.word(v)
                alts.extend(w.values())
                iterations += 1
        kind = node.children[0].type if node.children else "for"
        this = Loop("select" if kind == "select" else "for", False, iterations if values else None)
        self.script.loops.append(this)
        if var is not None and alts:
            if len(alts) > MAX_ALTERNATIVES:
                alts = alts[:MAX_ALTERNATIVES]
                self.script.unseen.append(TOO_MANY_VALUES)
            self.env[var.text.decode("utf-8", "replace")] = tuple(alts)
        body = node.child_by_field_name("body")
        if body is not None:
            self.visit(body, False, this, fn, pipe)  # `while :; do x; done &` starts one job, not one a pass

    def while_loop(self, node, bg, loop, fn, pipe=None, redirects=()) -> None:
        keyword = node.children[0].type if node.children else "while"
        cond = node.child_by_field_name("condition")
        infinite = False
        first = len(self.script.commands)
        if cond is not None:
            infinite = _always(cond, keyword == "while")
            self.visit(cond, False, loop, fn, pipe)
        if keyword == "while":
            self.read_loop(node, self.script.commands[first:], redirects, loop, pipe)
        this = Loop(keyword, infinite, None)
        self.script.loops.append(this)
        body = node.child_by_field_name("body")
        if body is not None:
            self.visit(body, False, this, fn, pipe)  # `while :; do x; done &` starts one job, not one a pass

    def read_loop(self, node, condition: list, redirects, loop, pipe) -> None:
        """`while read f; do rm -rf "$f"; done <<< /`: what the condition's `read` takes is every
        line of the loop's input, when that is known (reads.py); else its names stay unknown."""
        through = pipe[0] if pipe else None
        reads = [c for c in condition if c.name == "read" and c.pipeline is through and stdin_redirect(c.redirects) is None]
        if not reads:
            return
        inputs = redirect_input(r) if (r := stdin_redirect(redirects)) is not None else self.piped_input(node, loop, pipe)
        found: dict = {}
        for cmd in reads:  # `while read a && read b`: each name may take any line
            for name, values in read_values(self.env, cmd, inputs, every_line=True).items():
                known = values is not None and found.get(name, []) is not None
                found[name] = found.get(name, []) + values if known else None
        if store(self.env, found):
            self.script.unseen.append(TOO_MANY_VALUES)

    def piped_input(self, node, loop, pipe) -> list | None:
        """What the stage before the loop writes, when the loop itself is that pipeline's next
        stage (not a loop inside a group whose input may be redirected elsewhere)."""
        parent = node.parent
        if parent is not None and parent.type == "redirected_statement":
            parent = parent.parent
        if pipe is None or pipe[1] == 0 or parent is None or parent.type != "pipeline":
            return None
        pipeline, i = pipe
        siblings = [c for c in self.script.commands if c.pipeline is pipeline and c.stage == i - 1]
        return stage_output(pipeline.stages[i - 1], siblings, loop)

    def c_for(self, node, bg, loop, fn, pipe=None) -> None:
        has_condition = node.child_by_field_name("condition") is not None
        this = Loop("c-for", not has_condition, None)
        self.script.loops.append(this)
        body = node.child_by_field_name("body")
        if body is not None:
            self.visit(body, False, this, fn, pipe)  # `while :; do x; done &` starts one job, not one a pass

    def assignment(self, node, loop, fn, record_command: bool = True, prefix: bool = False) -> tuple:
        """`NAME=value`; a `prefix` assignment (`NAME=value cmd`) is only in the command's environment,
        so the shell's own value of NAME is what `$NAME` means in that command's words."""
        name_node = node.child_by_field_name("name")
        value = node.child_by_field_name("value")
        name = name_node.text.decode("utf-8", "replace") if name_node is not None else ""
        if value is not None and value.type == "array":
            return self._array(node, name, value, loop, fn, record_command)
        word = self.word(value) if value is not None else Word("")
        if value is not None:
            self.visit_subs(value, loop, fn)
        if name and not prefix:
            self.env.pop(name + ARRAY, None)
            if word.literal:
                self.env[name] = word.values()
            else:
                self.env.pop(name, None)  # `d=$(pwd)`: no longer the value written before
        self.script.assignments.append((name, word, None))
        if record_command:
            self.emit([], {name: word.text}, [], False, loop, fn, None, 0, node)
        return name, word

    def _array(self, node, name: str, value, loop, fn, record_command: bool) -> tuple:
        """`a=(rm -rf ~)`: `"${a[@]}"` and `$a` are those words; `a+=(…)` or an element only known
        at run time makes both unknown."""
        elements = [self.word(c) for c in value.named_children]
        self.visit_subs(value, loop, fn)
        word = Word("(" + " ".join(e.text for e in elements) + ")", literal=all(e.literal for e in elements))
        appended = any(c.type == "+=" for c in node.children)
        if name and word.literal and not appended:
            # `$a` is the first element to bash and every element to zsh: every one, never the fewer
            self.env[name] = self.env[name + ARRAY] = [" ".join(e.text for e in elements)]
        elif name:
            self.env.pop(name, None)
            self.env.pop(name + ARRAY, None)
        self.script.assignments.append((name, word, None))
        if record_command:
            self.emit([], {name: word.text}, [], False, loop, fn, None, 0, node)
        return name, word

    def declaration(self, node, bg, loop, fn) -> None:
        words = []
        for c in node.children:
            if c.type == "variable_assignment":
                name, w = self.assignment(c, loop, fn, record_command=False)
                words.append(Word(f"{name}={w.text}", literal=w.literal))
            elif c.type in (
                "variable_name",
                "word",
                "string",
                "raw_string",
                "concatenation",
                "simple_expansion",
                "expansion",
            ):
                words.append(self.word(c))
            elif c.type in ("command_substitution", "process_substitution"):
                self.visit(c, False, loop, fn)
            elif c.children == [] and c.type.isalpha():
                words.append(Word(c.type))
        self.emit(words, {}, [], bg, loop, fn, None, 0, node)

    def visit_subs(self, node, loop, fn) -> None:
        """Commands inside substitutions anywhere under `node` run, wherever the node sits."""
        stack = [node]
        while stack:
            n = stack.pop()
            t = n.type
            if t in ("command_substitution", "process_substitution"):
                self.block(n, False, loop, fn)
                continue
            if t in ("raw_string", "heredoc_content", "ansi_c_string"):
                continue
            if n.child_count:
                stack.extend(n.children)


def _stages(node) -> list:
    """A pipeline's stages as (node, redirect nodes): tree-sitter nests `a | b 2>&1 | c` as a
    redirected pipeline `a | b` inside `… | c`; the stages are a, b (with `2>&1`) and c."""
    stages: list = []
    for c in node.children:
        if c.type in ("|", "|&", "comment"):
            continue
        body = c.child_by_field_name("body") if c.type == "redirected_statement" else None
        if c.type == "pipeline":
            stages.extend(_stages(c))
        elif body is not None and body.type == "pipeline" and all(
            r.type == "file_redirect" for r in c.children if r.id != body.id
        ):
            inner = _stages(body)
            last, redirects = inner[-1]
            inner[-1] = (last, (*redirects, *(r for r in c.children if r.id != body.id)))
            stages.extend(inner)
        else:
            stages.append((c, ()))
    return stages


def _always(cond, is_while: bool) -> bool:
    """Does a loop condition never end the loop (`while true`, `while :`, `until false`)?"""
    text = cond.text.decode("utf-8", "replace").strip().rstrip(";").strip()
    if is_while:
        return text in _TRUE_WORDS or text in ("[ 1 ]", "[[ 1 ]]", "((1))", "(( 1 ))", "[ true ]")
    return text in ("false", "/bin/false")


def _brace_count(node) -> int:
    nums = [c.text for c in node.children if c.type == "number"]
    try:
        if len(nums) >= 2:
            return abs(int(nums[1]) - int(nums[0])) + 1
    except ValueError:
        pass
    return 1


def _listed(node) -> str | None:
    """`$(ls)` gives every name in the current directory, as `*` does; `$(find DIR)` gives DIR and
    everything under it. None for anything else."""
    commands = [c for c in node.children if c.type == "command"]
    if len(commands) != 1:
        return None
    words = [c.text.decode("utf-8", "replace") for c in commands[0].children]
    if words[:1] == ["ls"] and all(w.startswith("-") and "d" not in w for w in words[1:]):
        return "*"
    if words[:1] == ["find"] and len(words) <= 2 and all(not w.startswith("-") for w in words[1:]):
        return words[1] if len(words) == 2 else "."
    return None


def _seq_count(node) -> int | None:
    """Iterations of `$(seq A B)` / `$(seq B)`, when the numbers are literal."""
    for c in node.children:
        if c.type == "command":
            words = [cc.text.decode("utf-8", "replace") for cc in c.children]
            if words and words[0] == "seq":
                nums = [w for w in words[1:] if re.fullmatch(r"-?\d+", w)]
                try:
                    if len(nums) == 1:
                        return int(nums[0])
                    if len(nums) == 2:
                        return abs(int(nums[1]) - int(nums[0])) + 1
                    if len(nums) == 3:
                        return abs(int(nums[2]) - int(nums[0])) // max(1, abs(int(nums[1]))) + 1
                except ValueError:
                    return None
    return None
