"""`nlshell guard install|uninstall|status AGENT`, `--help`, and the hook itself when it is not in
its plain form (the plain form, an event piped in, is answered in nlshell.cli before argparse)."""

from __future__ import annotations

import os
import sys

from nlshell.cli import answer_event
from nlshell.console import is_terminal, out, out_json, say, visible
from nlshell.errors import EXIT_OK, UsageError


DESCRIPTION = (
    "The pre-execution hook of coding agents: reads one hook event (JSON) on stdin and answers allow, ask or deny "
    "in that agent's format, from nlshell's risk rating alone (no model, no network)."
)
EPILOG = """\
setup:
  nlshell guard install claude-code     ~/.claude/settings.json (--project: .claude/settings.json)
  nlshell guard install cursor          ~/.cursor/hooks.json (--project: .cursor/hooks.json)
  nlshell guard status                  where it is installed, and the policy in force

policy: [guard] on_safe, on_caution, on_dangerous and allow in config.toml; a project's own allow list in
.nlshell.toml. Anything the guard cannot read, parse or rate in time is answered ask, never allow."""


def run(argv: list[str], global_args) -> int:
    """`nlshell guard --help | install | uninstall | status` (the hook form too, when typed oddly)."""
    from nlshell.cli.parser import subcommand_parser
    from nlshell.guard import install as guard_install

    p = subcommand_parser("guard", DESCRIPTION, EPILOG)
    p.add_argument("action", nargs="?", choices=("install", "uninstall", "status"), metavar="install|uninstall|status")
    p.add_argument("agent", nargs="?", choices=guard_install.AGENTS, metavar="claude-code|cursor")
    args = p.parse_args(argv)
    if args.action is None:
        if args.agent or args.project or args.json:
            raise UsageError("the hook takes only --format", "see `nlshell guard --help`")
        if is_terminal(sys.stdin):
            raise UsageError("nlshell guard reads a hook event on stdin",
                             "agents run it; set it up with `nlshell guard install claude-code`")
        return answer_event(args.format)
    if args.format:
        raise UsageError("--format is for the hook itself", f"try: nlshell guard {args.action} {args.agent or 'claude-code'}")
    if args.action == "status":
        agents = [args.agent] if args.agent else list(guard_install.AGENTS)
        report = guard_install.status(os.getcwd(), agents, args.project)
        if args.json:
            out_json(report)
        else:
            for line in guard_install.status_lines(report):
                out(visible(line))
        return EXIT_OK
    if not args.agent:
        raise UsageError(f"which agent? {' or '.join(guard_install.AGENTS)}",
                         f"try: nlshell guard {args.action} claude-code")
    change = guard_install.install if args.action == "install" else guard_install.uninstall
    path, outcome, backup = change(args.agent, args.project, os.getcwd())
    say(f"nlshell: {args.agent}: {outcome} ({visible(path)})")
    if backup:
        say(f"nlshell: the previous file is kept as {visible(backup)}")
    return EXIT_OK
