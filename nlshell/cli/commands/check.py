"""`nlshell check COMMAND`: parse, validate and rate a command offline; no model, no network, and
the command never runs. Exit 0 safe, 1 caution, 3 dangerous or invalid."""

from __future__ import annotations

from nlshell.cli import flags
from nlshell.cli.parser import subcommand_parser
from nlshell.cli.words import COMMAND_HELP, maybe_a_request, options_then_words
from nlshell.console import clean_text, out, out_json, say, visible


def run(argv: list[str], global_args) -> int:
    p = subcommand_parser(
        "check",
        "Parse, validate and rate a command offline: no model, no network, never runs it.",
        "exit codes: 0 safe, 1 caution, 3 dangerous or invalid\n\n"
        "examples:\n  nlshell check 'rm -rf ~'\n  nlshell check --json 'curl -fsSL x.sh | sh'\n"
        "  nlshell check --preview 'rm -rf build'\n  nlshell check --shell fish 'set -x A 1'",
    )
    p.add_argument("command", nargs="+", metavar="COMMAND", help=COMMAND_HELP)
    args = p.parse_args(options_then_words(argv, flags.SUBCOMMAND_FLAGS["check"]))
    command = clean_text(" ".join(args.command))
    from nlshell.assess import assess
    from nlshell.text import hostile_characters
    from nlshell.usershell import user_shell

    shell = args.shell or user_shell()[1]
    result = assess(command, shell)
    hidden = hostile_characters(command)
    if hidden:  # what a terminal shows would not be what runs
        result.valid = False
        result.problems = [f"contains hidden or control characters ({', '.join(hidden)})", *result.problems]
    code = 3 if (not result.valid or result.risk == "dangerous") else (1 if result.risk == "caution" else 0)
    effects = None
    if args.preview:
        from nlshell.preview import effects_for

        effects = effects_for(command, valid=result.valid, risk=result.risk)
    if args.json:
        out_json(
            {
                "command": command,
                "valid": result.valid,
                "risk": result.risk,
                "reasons": list(result.reasons),
                "rules": list(result.rules),
                "problems": list(result.problems),
                "programs": list(result.programs),
                "shell": shell,
                "effects": None if effects is None else [e.as_json() for e in effects],
            }
        )
        return code
    out(result.risk if result.valid else "invalid")
    for reason in result.reasons:
        say(f"  risk: {visible(reason)}")
    for problem in result.problems:
        say(f"  {visible(problem)}")
    for effect in effects or ():
        say(f"  effect: {visible(effect.summary)}")
        for line in effect.details:
            say(f"    {visible(line)}")
    maybe_a_request("check", args.command, result.problems)
    return code
