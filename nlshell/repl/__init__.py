"""The interactive REPL: one prompt_toolkit session, one pipeline, one conversation.

People live in it for a working session, so it is built like pgcli: persistent history (0600) with
Ctrl-R search and suggestions, emacs or vi keys, slash commands with Tab completion, and a loop
that no error can end — only Ctrl-D, /exit or a dead terminal. Each request goes through the same
pipeline and menu as one-shot; the conversation is kept so a follow-up ("now only the .py files")
refines the last command, until /new.

Requests run in a worker thread while the main thread waits (waiting.py), so Ctrl-C cancels the
wait at once (the worker is abandoned and its answer ignored) and the one pooled HTTP client stays
usable.
"""

from __future__ import annotations

import re
import shutil
import sys

from prompt_toolkit import PromptSession
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.enums import EditingMode
from prompt_toolkit.output import ColorDepth
from prompt_toolkit.styles import Style

from nlshell import __version__
from nlshell.console import history_line, internal_error, notice, report, say, use_color
from nlshell.errors import EXIT_FAILURE, EXIT_OK, Aborted, InvalidCommandError, NlshellError, NoKeyError
from nlshell.placeholders import is_template
from nlshell.prompt import user_turn
from nlshell.repl.history import repl_history
from nlshell.repl.keys import MULTILINE_RULE, repl_bindings, request_text
from nlshell.repl.prompt import (
    ALIASES,
    COMMANDS,
    MONOCHROME_STYLE,
    SlashCompleter,
    first_that_fits,
    fit,
)
from nlshell.session import Session
from nlshell.spinner import Spinner
from nlshell.text import visible
from nlshell.waiting import call_cancellable, stream_cancellable

PROMPT = "nlshell> "
MAX_TURNS = 16  # messages kept for follow-ups (8 exchanges): enough context, small requests

def turns_for(request: str, command: str) -> list[dict]:
    """One answered request in the pipeline's own message format."""
    return [
        {"role": "user", "content": user_turn(request)},
        {"role": "assistant", "content": command},
    ]


class Conversation:
    """The turns sent with each request so follow-ups can refer to earlier answers."""

    def __init__(self, limit: int = MAX_TURNS) -> None:
        self.limit = limit
        self.messages: list[dict] = []

    def add(self, messages: list[dict]) -> None:
        self.messages.extend(messages)
        if len(self.messages) > self.limit:
            del self.messages[: len(self.messages) - self.limit]

    def clear(self) -> None:
        self.messages.clear()

    def __len__(self) -> int:
        return len(self.messages) // 2


def in_repl_terms(error: NlshellError) -> NlshellError:
    """Hints name the `-m` flag; in the REPL the way to switch model is /model."""
    if error.hint:
        error.hint = re.sub(r"\b(with|try) -m\b", r"\1 /model", error.hint)
    return error


def is_slash_command(text: str) -> bool:
    """`/help`, `/model x` are commands; `/etc/hosts owner` is a request about a path."""
    word = text.split(None, 1)[0] if text.strip() else ""
    return word.startswith("/") and "/" not in word[1:]


# -- the REPL --------------------------------------------------------------------------------
class Repl:
    def __init__(self, settings, *, quiet: bool = False, warn=None, pipeline=None) -> None:
        self.settings = settings
        self.quiet = quiet
        self._warn = warn or (lambda message: say(f"nlshell: warning: {message}"))
        self._spinner: Spinner | None = None
        if pipeline is None:
            from nlshell.pipeline import Pipeline

            pipeline = Pipeline(settings, warn=self.warn, notice=notice)
        self.pipeline = pipeline
        self.after_menu = Session(pipeline)  # run, remember, decline
        self.conversation = Conversation()
        self.last_suggestion = None
        self.last_command: str | None = None
        self.last_ran = False
        self.offline = False
        self._offline_said = False
        self.color = bool(settings.color) and use_color()
        self.session = None

    # -- output --------------------------------------------------------------------------
    def warn(self, message: str) -> None:
        """Warnings may come from the worker thread: wipe the spinner before the line."""
        if self._spinner is not None:
            self._spinner.hide()
        self._warn(message)

    visible = staticmethod(visible)

    @staticmethod
    def out(text: str) -> None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()

    # -- set-up --------------------------------------------------------------------------
    def _history(self):
        return repl_history(self.warn)

    def make_session(self) -> PromptSession:
        mode = EditingMode.VI if self.settings.editing_mode == "vi" else EditingMode.EMACS
        return PromptSession(
            PROMPT,
            history=self._history(),
            auto_suggest=AutoSuggestFromHistory(),
            completer=SlashCompleter(self),
            complete_while_typing=True,
            key_bindings=repl_bindings(),
            multiline=True,
            prompt_continuation=lambda width, line_number, wrap: "." * (width - 1) + " ",
            editing_mode=mode,
            bottom_toolbar=self._toolbar,
            search_ignore_case=True,
            enable_open_in_editor=True,
            enable_suspend=True,
            mouse_support=False,
            color_depth=None if self.color else ColorDepth.DEPTH_1_BIT,
            style=None if self.color else Style.from_dict(MONOCHROME_STYLE),
        )

    def editing_mode(self) -> str:
        """"vi" or "emacs": as set, or as F4 last switched it."""
        app = self.session.app if self.session is not None else None
        if app is not None:
            return "vi" if app.editing_mode == EditingMode.VI else "emacs"
        return "vi" if self.settings.editing_mode == "vi" else "emacs"

    def _toolbar(self):
        app = self.session.app if self.session is not None else None
        vi = app is not None and app.editing_mode == EditingMode.VI
        newline = "\\ at line end" if vi else "\\ at line end or Esc Enter"
        turns = len(self.conversation)
        parts = [
            "offline" if self.offline else self.settings.model,
            *([f"follows up on {turns} (/new forgets)"] if turns else []),
            f"{'vi' if vi else 'emacs'} (F4)",
            "/help",
            f"new line: {newline}",
        ]
        width = app.output.get_size().columns if app is not None else shutil.get_terminal_size().columns
        return first_that_fits(parts, width)

    def banner(self) -> None:
        if self.offline:
            where = "offline: no API key, answers come from the offline index (nlshell auth login)"
            self._offline_said = True
        else:
            where = f"model {self.settings.model}"
        if not self.quiet:
            parts = [f"nlshell {__version__}", where, "/help for commands", "Ctrl-D to quit"]
            say("\n".join(fit(parts, shutil.get_terminal_size().columns - 1)))

    # -- the loop ------------------------------------------------------------------------
    def run(self) -> int:
        try:
            try:
                self.offline = bool(self.pipeline.needs_offline)
            except NlshellError as e:  # a broken key store: say so, and let each request retry
                report(in_repl_terms(e))
            self.session = self.make_session()
            self.banner()
            while True:
                try:
                    text = self.session.prompt()
                except KeyboardInterrupt:
                    continue  # Ctrl-C at the prompt clears the line
                except EOFError:
                    return EXIT_OK
                except OSError:  # the terminal went away
                    return EXIT_FAILURE
                exit_code = self.handle(text)
                if exit_code is not None:
                    return exit_code
        finally:
            self.pipeline.close()

    def handle(self, text: str) -> int | None:
        """Run one input; returns an exit code when the session should end. Never raises."""
        try:
            request = request_text(text)
            if not request:
                return None
            if is_slash_command(request):
                return self.slash(request)
            self.ask(request)
        except KeyboardInterrupt:
            say("nlshell: cancelled")
        except Aborted as e:
            if e.exit_code != Aborted.exit_code:  # stopped by SIGTERM/SIGHUP in the menu
                return e.exit_code
            if e.message != "aborted":
                report(e)
        except NlshellError as e:
            report(in_repl_terms(e))
        except Exception as e:  # nothing but Ctrl-D, /exit or a dead terminal ends the session
            internal_error(e)
        return None

    # -- requests ------------------------------------------------------------------------
    def _wait(self, fn, label: str = "thinking"):
        self._spinner = Spinner(label)
        try:
            return call_cancellable(fn, spinner=self._spinner)
        finally:
            self._spinner = None

    def ask(self, request: str) -> None:
        history = list(self.conversation.messages)
        s = self._wait(lambda: self.pipeline.suggest(request, history=history))
        self._drop_repeated_notices(s)
        if s.valid is False and not is_template(s.problems):  # a template goes to the menu to be filled in
            self.conversation.add(turns_for(request, s.command or ""))
            raise InvalidCommandError(s.command or "", s.problems or ["it does not parse"])
        self.confirm_and_run(s)

    def _drop_repeated_notices(self, s) -> None:
        """The offline notice is said once a session (in the banner, or with the first answer)."""
        from nlshell.pipeline import OFFLINE_NOTICE

        if OFFLINE_NOTICE in s.notes:
            if self._offline_said:
                s.notes = [n for n in s.notes if n != OFFLINE_NOTICE]
            self._offline_said = True

    def confirm_and_run(self, s, *, record: bool = True) -> None:
        """The one-shot menu, with revisions that carry the conversation; abort returns here."""
        from nlshell.menu import choose

        pipeline = self.pipeline
        current = [s]
        revised: list[dict] = []

        def assess(command: str):
            current[0] = pipeline.assess(s.request, command, source="user")
            current[0].follow_up = s.follow_up
            return current[0]

        def revise(instruction: str, shown):
            new = self.after_menu.revise(shown, instruction, history=list(self.conversation.messages) + revised)
            revised.extend(turns_for(shown.request, shown.command or ""))
            current[0] = new
            return new

        decision = None
        try:
            decision = choose(pipeline, self.after_menu, s, color=self.color, editing_mode=self.editing_mode(),
                              assess=assess, revise=revise)
        finally:
            final = decision.suggestion if decision is not None and decision.suggestion is not None else current[0]
            command = decision.command if decision is not None else final.command
            if record:
                self.conversation.add(revised + turns_for(final.request, command or ""))
            self.last_suggestion = final
            if command != self.last_command:
                self.last_ran = False
            self.last_command = command
        status = self.after_menu.settle(s, decision)
        if decision.action == "execute":
            self._ran(status)

    def execute(self, s, command: str) -> None:
        self._ran(self.after_menu.run(s, command))

    def _ran(self, status: int) -> None:
        self.last_ran = True
        if status:
            say(f"nlshell: exit status {status}")

    # -- slash commands ------------------------------------------------------------------
    def slash(self, text: str) -> int | None:
        name, _, arg = text.partition(" ")
        name = ALIASES.get(name.lower(), name.lower())
        arg = arg.strip()
        if name == "/exit":
            return EXIT_OK
        handler = {
            "/help": self.cmd_help,
            "/model": self.cmd_model,
            "/explain": self.cmd_explain,
            "/run": self.cmd_run,
            "/copy": self.cmd_copy,
            "/new": self.cmd_new,
            "/history": self.cmd_history,
        }.get(name)
        if handler is None:
            raise NlshellError(f"unknown command {name}", "/help lists the commands")
        handler(arg)
        return None

    def cmd_help(self, arg: str) -> None:
        width = max(len(name) for name in COMMANDS)
        lines = ["Type a request in plain words; the command is shown, checked and confirmed before it runs."]
        lines.append("Follow-ups refine the last answer (\"now only the .py files\"); /new starts afresh.")
        lines.append("")
        lines += [f"  {name.ljust(width)}  {summary}" for name, summary in COMMANDS.items()]
        lines.append("")
        lines.append(f"Enter sends; {MULTILINE_RULE}.")
        lines.append("Ctrl-R searches history, → accepts a suggestion, Tab completes, F4 switches emacs/vi,")
        lines.append("Ctrl-C clears the line or cancels a request, Ctrl-D quits.")
        say("\n".join(lines))

    def cmd_model(self, arg: str) -> None:
        if not arg:
            source = self.settings.sources.get("model", "")
            say(f"nlshell: model {self.settings.model}" + (f" ({source})" if source else ""))
            return
        if any(c.isspace() for c in arg):
            raise NlshellError("a model id has no spaces", "e.g. /model openai/gpt-4o-mini")
        self.settings.set("model", arg, "/model")
        known = SlashCompleter(self).model_ids()
        note = "" if not known or arg in known else " (not in the cached list: `nlshell models` refreshes it)"
        say(f"nlshell: model {self.visible(arg)}{note}")

    def cmd_explain(self, arg: str) -> None:
        command = arg or self.last_command
        if not command:
            raise NlshellError("nothing to explain", "give a command: /explain tar -xzvf a.tgz")
        if self.pipeline.needs_offline:
            raise NoKeyError()
        wrote = ""
        try:
            for chunk in stream_cancellable(lambda: self.pipeline.explain(command), label="explaining"):
                if chunk:
                    sys.stdout.write(self.visible(chunk))
                    sys.stdout.flush()
                    wrote = chunk
        finally:
            if wrote and not wrote.endswith("\n"):
                sys.stdout.write("\n")
                sys.stdout.flush()

    def cmd_run(self, arg: str) -> None:
        s, command = self.last_suggestion, self.last_command
        if s is None or not command:
            raise NlshellError("nothing to run yet", "ask for a command first")
        if self.last_ran and getattr(s, "risk", None) in ("safe", "caution"):
            say(f"nlshell: running: {self.visible(command)}")
            self.execute(s, command)
            return
        # Never run before: it has not been confirmed. Dangerous: it needs `yes` every time.
        self.confirm_and_run(s, record=False)

    def cmd_copy(self, arg: str) -> None:
        if not self.last_command:
            raise NlshellError("nothing to copy yet", "ask for a command first")
        from nlshell import clipboard

        def write_terminal(sequence: str) -> None:
            sys.stdout.write(sequence)
            sys.stdout.flush()

        how = clipboard.copy(self.last_command, write_terminal)
        if how == clipboard.OSC52:
            say("nlshell: sent to the terminal's clipboard (OSC 52; some terminals ignore it)")
        else:
            say(f"nlshell: copied to the clipboard ({how})")

    def cmd_new(self, arg: str) -> None:
        self.conversation.clear()
        say("nlshell: new conversation")

    def cmd_history(self, arg: str) -> None:
        memory = self.pipeline.memory
        if memory is None:
            say("nlshell: command memory is off (memory.enabled in the config)")
            return
        limit = int(arg) if arg.isdigit() else 20
        entries = memory.entries(limit=limit)
        if not entries:
            say("nlshell: no history yet (commands you run through nlshell appear here)")
            return
        for entry in reversed(entries):  # newest last, next to the prompt, as a shell's history
            self.out(history_line(entry))


def run_repl(settings, *, quiet: bool = False, warn=None) -> int:
    """Entry point for `nlshell` with no request; returns the exit code."""
    return Repl(settings, quiet=quiet, warn=warn).run()
