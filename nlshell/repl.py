"""The interactive REPL: one prompt_toolkit session, one pipeline, one conversation.

People live in it for a working session, so it is built like pgcli: persistent history (0600) with
Ctrl-R search and suggestions, emacs or vi keys, slash commands with Tab completion, and a loop
that no error can end — only Ctrl-D, /exit or a dead terminal. Each request goes through the same
pipeline and menu as one-shot; the conversation is kept so a follow-up ("now only the .py files")
refines the last command, until /new.

Requests run in a worker thread while the main thread waits, so Ctrl-C cancels the wait at once
(the worker is abandoned and its answer ignored) and the one pooled HTTP client stays usable.
"""

from __future__ import annotations

import os
import queue
import re
import sys
import termios
import threading

from prompt_toolkit import PromptSession
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.completion import Completer, Completion
from prompt_toolkit.enums import EditingMode
from prompt_toolkit.output import ColorDepth

from nlshell import __version__, paths
from nlshell.console import internal_error, report, say, use_color
from nlshell.errors import EXIT_FAILURE, EXIT_OK, Aborted, InvalidCommandError, NlshellError, NoKeyError
from nlshell.prompt import user_turn
from nlshell.repl_history import repl_history
from nlshell.repl_keys import MULTILINE_RULE, repl_bindings, request_text
from nlshell.spinner import Spinner
from nlshell.text import visible

PROMPT = "nlshell> "
MAX_TURNS = 16  # messages kept for follow-ups (8 exchanges): enough context, small requests

COMMANDS = {
    "/help": "show this help",
    "/model": "show the model, or switch: /model ID (Tab completes from `nlshell models`)",
    "/explain": "explain a command part by part: /explain CMD (default: the last command)",
    "/run": "run the last command again",
    "/copy": "copy the last command to the clipboard",
    "/new": "start a new conversation (follow-ups forget earlier requests)",
    "/history": "commands you ran through nlshell",
    "/exit": "leave (Ctrl-D does too)",
}
ALIASES = {"/quit": "/exit", "/q": "/exit", "/?": "/help", "/h": "/help"}


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


# -- waiting for the network -----------------------------------------------------------------
class _NoEcho:
    """While waiting, typed keys are not echoed over the spinner; Ctrl-C still interrupts."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.saved = None

    def __enter__(self) -> _NoEcho:
        try:
            self.saved = termios.tcgetattr(self.fd)
            attrs = termios.tcgetattr(self.fd)
            attrs[3] &= ~termios.ECHO
            attrs[3] |= termios.ISIG
            termios.tcsetattr(self.fd, termios.TCSANOW, attrs)
        except (termios.error, OSError, ValueError, TypeError):
            self.saved = None
        return self

    def __exit__(self, *exc) -> None:
        if self.saved is not None:
            try:
                termios.tcsetattr(self.fd, termios.TCSANOW, self.saved)
            except (termios.error, OSError, ValueError):
                pass


def _stdin_fd() -> int:
    try:
        return sys.stdin.fileno()
    except (AttributeError, ValueError, OSError):
        return -1


def call_cancellable(fn, *, label: str = "thinking", spinner: Spinner | None = None):
    """Run `fn()` in a daemon thread and wait; Ctrl-C (KeyboardInterrupt) abandons it at once."""
    box: dict = {}
    done = threading.Event()

    def work() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # handed to the waiting thread
            box["error"] = e
        finally:
            done.set()

    worker = threading.Thread(target=work, name="nlshell-request", daemon=True)
    with _NoEcho(_stdin_fd()), (spinner or Spinner(label)):
        worker.start()
        while not done.wait(0.05):
            pass
    if "error" in box:
        raise box["error"]
    return box["value"]


def stream_cancellable(make_chunks, *, label: str = "thinking"):
    """Yield chunks produced by a worker thread; the spinner runs until the first one arrives."""
    chunks: queue.Queue = queue.Queue()
    cancelled = threading.Event()
    end = object()

    def work() -> None:
        iterator = None
        try:
            iterator = iter(make_chunks())
            for chunk in iterator:
                if cancelled.is_set():
                    break
                chunks.put(("chunk", chunk))
        except BaseException as e:
            chunks.put(("error", e))
        finally:
            close = getattr(iterator, "close", None)
            if cancelled.is_set() and close is not None:
                try:
                    close()
                except Exception:
                    pass
            chunks.put(("end", end))

    worker = threading.Thread(target=work, name="nlshell-stream", daemon=True)
    spinner = Spinner(label)
    with _NoEcho(_stdin_fd()):
        try:
            spinner.start()
            worker.start()
            while True:
                try:
                    kind, item = chunks.get(timeout=0.05)
                except queue.Empty:
                    continue
                spinner.hide()
                if kind == "end":
                    return
                if kind == "error":
                    raise item
                yield item
        finally:
            cancelled.set()
            spinner.stop()


# -- completion ------------------------------------------------------------------------------
class SlashCompleter(Completer):
    """Slash commands, and model ids for /model from the cached list (never the network)."""

    def __init__(self, repl: Repl) -> None:
        self.repl = repl
        self._ids: list[str] = []
        self._stamp: float | None = None

    def model_ids(self) -> list[str]:
        try:
            stamp = os.stat(paths.models_cache()).st_mtime
        except OSError:
            return []
        if stamp != self._stamp:
            try:
                from nlshell.models import cached_ids

                self._ids = sorted(set(cached_ids()))
            except Exception:
                self._ids = []
            self._stamp = stamp
        return self._ids

    def get_completions(self, document, complete_event):
        text = document.text_before_cursor
        if not text.startswith("/") or "\n" in text:
            return
        if " " not in text:
            for name, summary in COMMANDS.items():
                if name.startswith(text):
                    yield Completion(name, start_position=-len(text), display_meta=summary)
            return
        command, _, arg = text.partition(" ")
        arg = arg.lstrip()
        if command == "/model":
            needle = arg.lower()
            ids = self.model_ids()
            starts = [m for m in ids if m.lower().startswith(needle)]
            contains = [m for m in ids if needle in m.lower() and m not in starts]
            for model_id in starts + contains:
                yield Completion(model_id, start_position=-len(arg))
        elif command == "/explain" and not arg and self.repl.last_command:
            yield Completion(self.repl.last_command, start_position=0, display_meta="the last command")


# -- the REPL --------------------------------------------------------------------------------
class Repl:
    def __init__(self, settings, *, quiet: bool = False, warn=None, pipeline=None) -> None:
        self.settings = settings
        self.quiet = quiet
        self._warn = warn or (lambda message: say(f"nlshell: warning: {message}"))
        self._spinner: Spinner | None = None
        if pipeline is None:
            from nlshell.pipeline import Pipeline

            pipeline = Pipeline(settings, warn=self.warn)
        self.pipeline = pipeline
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
        )

    def _toolbar(self):
        app = self.session.app if self.session is not None else None
        vi = app is not None and app.editing_mode == EditingMode.VI
        newline = "\\ at line end" if vi else "\\ at line end or Esc Enter"
        where = "offline" if self.offline else self.settings.model
        turns = len(self.conversation)
        follow = f" · follows up on {turns} (/new forgets)" if turns else ""
        return f" {where}{follow} · {'vi' if vi else 'emacs'} (F4) · new line: {newline} · /help "

    def banner(self) -> None:
        if self.offline:
            where = "offline: no API key, answers come from the offline index (nlshell auth login)"
            self._offline_said = True
        else:
            where = f"model {self.settings.model}"
        if not self.quiet:
            say(f"nlshell {__version__} · {where} · /help for commands, Ctrl-D to quit")

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
        if s.valid is False:
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
        from nlshell import confirm

        pipeline = self.pipeline
        current = [s]
        revised: list[dict] = []

        def assess(command: str):
            current[0] = pipeline.assess(s.request, command, source="user")
            return current[0]

        def revise(instruction: str, shown):
            new = pipeline.revise(shown, instruction, history=list(self.conversation.messages) + revised)
            revised.extend(turns_for(shown.request, shown.command or ""))
            current[0] = new
            return new

        decision = None
        try:
            decision = confirm.confirm(
                s,
                assess=assess,
                describe=pipeline.explain,
                revise=revise,
                color=self.color,
            )
        except Aborted:
            pipeline.forget(s)
            raise
        finally:
            final = decision.suggestion if decision is not None and decision.suggestion is not None else current[0]
            command = decision.command if decision is not None else final.command
            if record:
                self.conversation.add(revised + turns_for(final.request, command or ""))
            self.last_suggestion = final
            if command != self.last_command:
                self.last_ran = False
            self.last_command = command
        if decision.action == "execute":
            self.execute(final, command)
        elif decision.action != "copy":
            pipeline.forget(s)

    def execute(self, s, command: str) -> None:
        status = self.pipeline.execute(s, command)
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
            self.out(f"{entry['time']}  {self.visible(entry['command'])}    # {self.visible(entry['request'])}")


def run_repl(settings, *, quiet: bool = False, warn=None) -> int:
    """Entry point for `nlshell` with no request; returns the exit code."""
    return Repl(settings, quiet=quiet, warn=warn).run()
