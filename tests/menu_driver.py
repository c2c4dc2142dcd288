"""Run the confirmation menu for one made-up suggestion, the way the CLI will: for pty tests.

    python menu_driver.py [--risk R] [--reason X] [--problem P] [--note N] [--invalid]
                          [--effect "SUMMARY|DETAIL|..."] [--delay S] [--log FILE] [--pidfile FILE]
                          [--no-color] [--vi] [--no-model WHY] COMMAND

Callbacks are simple and harmless: `assess` rates by markers in the text (`#danger` makes a
command dangerous, `#invalid` invalid, `>` makes it caution) and finds placeholders as nlshell
does (a template is invalid, the placeholder named first in its problems), `describe` yields the
chunks in $MENU_DESCRIBE (JSON list) after $MENU_DESCRIBE_DELAY seconds, or fails when
$MENU_DESCRIBE_FAIL is set, `revise` turns the instruction into `echo <instruction>`
or fails for the instruction `fail`. Every callback and the decision are logged as JSON lines to
--log. "execute" runs the command with nlshell.run and exits with its status; abort exits 130.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlshell.errors import NlshellError  # noqa: E402
from nlshell.placeholders import find, problem  # noqa: E402


class FakeEffect:
    def __init__(self, spec: str) -> None:
        self.summary, *self.details = spec.split("|")


class FakeSuggestion:
    def __init__(self, command, risk="safe", reasons=(), problems=(), notes=(), valid=True, source="model", effects=None):
        self.effects = effects
        self.request = "test request"
        self.command = command
        self.risk = risk
        self.reasons = list(reasons)
        self.problems = list(problems)
        self.notes = list(notes)
        self.valid = valid
        self.source = source


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("command")
    parser.add_argument("--risk", default="safe")
    parser.add_argument("--reason", action="append", default=[])
    parser.add_argument("--problem", action="append", default=[])
    parser.add_argument("--note", action="append", default=[])
    parser.add_argument("--invalid", action="store_true")
    parser.add_argument("--effect", action="append", default=None)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--log")
    parser.add_argument("--pidfile")
    parser.add_argument("--no-color", action="store_true")
    parser.add_argument("--vi", action="store_true")
    parser.add_argument("--no-model")
    args = parser.parse_args()

    def log(**event) -> None:
        if args.log:
            with open(args.log, "a", encoding="utf-8") as f:
                f.write(json.dumps(event) + "\n")

    def templated(s: FakeSuggestion) -> FakeSuggestion:
        holes = find(s.command)
        if holes:
            s.valid = False
            s.problems.insert(0, problem(holes))
        return s

    def assess(command: str) -> FakeSuggestion:
        log(event="assess", command=command)
        if "#danger" in command:
            return templated(FakeSuggestion(command, "dangerous", ["marked dangerous for the test"]))
        if "#invalid" in command:
            return FakeSuggestion(command, "safe", problems=["syntax error near `#invalid`"], valid=False)
        if ">" in command:
            return templated(FakeSuggestion(command, "caution", ["overwrites a file"]))
        return templated(FakeSuggestion(command, "safe"))

    def describe(command: str):
        log(event="describe", command=command)
        if os.environ.get("MENU_DESCRIBE_HANG"):
            yield "thinking"
            time.sleep(30)
        time.sleep(float(os.environ.get("MENU_DESCRIBE_DELAY", "0")))
        if os.environ.get("MENU_DESCRIBE_FAIL"):
            raise NlshellError("the model is unreachable", "try again later")
        yield from json.loads(os.environ.get("MENU_DESCRIBE", '["It prints ", "hello."]'))

    def revise(instruction: str, current) -> FakeSuggestion:
        log(event="revise", instruction=instruction, current=current.command)
        if instruction == "fail":
            raise NlshellError("rate limited", "wait a minute")
        return FakeSuggestion(f"echo {instruction}", "safe", notes=["revised"])

    suggestion = templated(
        FakeSuggestion(
            args.command,
            args.risk,
            args.reason,
            args.problem,
            args.note,
            valid=not args.invalid,
            effects=[FakeEffect(spec) for spec in args.effect] if args.effect is not None else None,
        )
    )
    if args.pidfile:
        Path(args.pidfile).write_text(str(os.getpid()))
    if args.delay:
        time.sleep(args.delay)

    from nlshell.menu import confirm
    from nlshell.errors import Aborted
    from nlshell.run import run_command

    try:
        decision = confirm(
            suggestion,
            assess=assess,
            describe=describe,
            revise=revise,
            color=not args.no_color,
            editing_mode="vi" if args.vi else "emacs",
            no_model=args.no_model,
        )
    except Aborted as err:
        log(event="aborted", exit_code=err.exit_code)
        try:
            sys.stderr.write(f"nlshell: {err}\n")
            sys.stderr.flush()
        except OSError:  # the terminal may be gone
            pass
        return err.exit_code
    log(event="decision", action=decision.action, command=decision.command, risk=decision.suggestion.risk)
    if decision.action == "execute":
        return run_command(decision.command)
    return 0


if __name__ == "__main__":
    sys.exit(main())
