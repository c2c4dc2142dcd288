"""The confirmation menu: show a command, its risk and problems, and let the person decide.

Everything here talks to the terminal (`/dev/tty` by default), never to stdout, which carries only
the product. The rules that keep it safe:
- keys typed before the menu is drawn are discarded, and a burst of input (a paste, typeahead) is
  never taken as a key, so nothing confirms a command the person has not seen;
- a dangerous command runs only after the word `yes` is typed out;
- Ctrl-C, Ctrl-D, Esc, EOF, a vanished terminal, SIGTERM or SIGHUP never execute anything, and the
  terminal modes are restored on every way out.
"""

from __future__ import annotations

import os
import signal

from nlshell.errors import Aborted, NlshellError
from nlshell.menu.editor import edit_line
from nlshell.menu.screen import Screen
from nlshell.menu.terminal import InterruptibleWait, SignalGuard, Signalled, Terminal, TerminalGone
from nlshell.placeholders import is_template
from nlshell.spinner import Spinner, spin_until_first

ACTIONS = ("execute", "modify", "describe", "revise", "copy", "abort")


class Decision:
    """What the person chose, and the command and suggestion it applies to."""

    __slots__ = ("action", "command", "suggestion")

    def __init__(self, action: str, command: str, suggestion) -> None:
        self.action = action
        self.command = command
        self.suggestion = suggestion

    def __repr__(self) -> str:
        return f"Decision({self.action!r}, {self.command!r})"


class Terminated(Aborted):
    """A signal (SIGTERM, SIGHUP) ended the menu; exits like the signal would (128+N)."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"stopped by {signal.Signals(signum).name}")
        self.exit_code = 128 + signum


class _Menu(Screen):
    """What each key does: the loop, and Modify, Describe, Revise, Copy and the typed `yes`."""

    def __init__(
        self, term: Terminal, *, assess, describe, revise, color: bool, editing_mode: str = "emacs", no_model=None
    ) -> None:
        actions = tuple(a for a in ACTIONS if not (no_model and a in ("describe", "revise")))
        super().__init__(term, color=color, actions=actions)
        self.assess = assess
        self.describe = describe
        self.revise = revise
        self.vi = editing_mode == "vi"
        self.no_model = no_model  # why Describe and Revise cannot work (offline), or None

    def run(self, s) -> Decision:
        redraw = True
        while True:
            self.term.flush_input()
            if redraw:
                self.show(s)
                redraw = False
            self.term.write(self.options_line())
            key = self.term.read_key()
            while key == "ignored":  # arrows, function keys, Alt+key: not a choice
                key = self.term.read_key()
            if key in ("a", "q", "esc", "ctrl-c", "ctrl-d", "ctrl-backslash"):
                self.chose("abort")
                raise Aborted()
            if key in ("e", "enter") and is_template(getattr(s, "problems", None)):
                # A template never runs: Enter opens it for editing on its first placeholder.
                if key == "e":
                    self.term.write("\n")
                    self.say("a template cannot run: fill in the placeholders first (Enter or m edits it)", "33")
                    continue
                self.chose("modify")
                s = self._modify(s)
                redraw = True
                continue
            if key in ("e", "enter"):
                if key == "enter" and not self._enter_runs(s):
                    continue
                self.chose("execute")
                if s.risk == "dangerous" and not self._typed_yes():
                    redraw = True
                    continue
                return Decision("execute", s.command, s)
            if key == "c":
                self.chose("copy")
                self._copy(s.command)
                return Decision("copy", s.command, s)
            if key == "m":
                self.chose("modify")
                s = self._modify(s)
                redraw = True
            elif key in ("d", "r") and self.no_model:
                self.term.write("\n")
                self.say(f"describe and revise need the model {self.g.dash} {self.no_model}", "33")
            elif key == "d":
                self.chose("describe")
                self._effect_details(s)
                self._describe(s.command)
                redraw = True
            elif key == "r":
                self.chose("revise")
                s = self._revise(s)
                redraw = True
            elif key == "y" and s.risk == "dangerous":
                self.term.write("\n")
                self.say("to run it: press e, then type yes", "33")
            elif key == "ctrl-z":
                self._suspend()
                redraw = True
            elif key == "burst":
                self.term.write("\n")
                self.say("(ignored input that arrived all at once; press one key)", "2")
            else:
                self.term.write("\n")
                keys = ", ".join(w[0] for w in self.actions[:-1]) + f" or {self.actions[-1][0]}"
                self.say(f"press {keys} (Esc aborts)", "2")

    def _enter_runs(self, s) -> bool:
        """Enter is a shortcut only for rated, valid, non-dangerous commands; say why not."""
        if s.risk in ("safe", "caution") and getattr(s, "valid", None) is not False:
            return True
        if s.risk == "dangerous":
            self.term.write("\n")
            self.say("Enter does not run a dangerous command: press e, then type yes", "33")
        else:
            self.term.write("\n")
            self.say("it does not look valid; press e to run it anyway", "2")
        return False

    def _typed_yes(self) -> bool:
        question = "type yes to run this dangerous command: " if self.term.width() >= 48 else "type yes to run it: "
        answer = self.term.read_line("  " + self.style("1;31", question))
        if answer is not None and answer.strip().lower() == "yes":
            return True
        self.say("not confirmed " + self.g.dash + " nothing was run", "33")
        return False

    def _copy(self, command: str) -> None:
        from nlshell import clipboard

        how = clipboard.copy(command, self.term.write_raw)
        if how == clipboard.OSC52:
            self.say("sent to the terminal's clipboard (OSC 52; some terminals ignore it)", "2")
        else:
            self.say(f"copied to the clipboard ({how})", "2")

    def _suspend(self) -> None:
        """Ctrl-Z: stop like any job, with the terminal as we found it; redraw on return."""
        if signal.getsignal(signal.SIGTSTP) is not signal.SIG_DFL:
            self.term.write("\r")
            return
        self.term.write("\n")
        self.term.restore()
        os.kill(0, signal.SIGTSTP)
        self.term.keys_mode()

    def _effect_details(self, s) -> None:
        """Describe starts with everything the preview found, before the model's explanation."""
        effects = getattr(s, "effects", None) or []
        if not effects:
            return
        self.term.write("\n")
        self.say("what it would touch here:", "1")
        for effect in effects:
            self.say(f"{self.g.effect} {effect.summary}")
            for line in effect.details:
                self.say(f"    {line}", "2")

    def _describe(self, command: str) -> None:
        chunks = None
        ended_with_newline = True
        self.term.write("\n")
        try:
            with InterruptibleWait(self.term):
                try:
                    chunks = iter(self.describe(command))
                    for chunk in spin_until_first(chunks, "describing", stream=self.term.as_stream()):
                        if chunk:
                            self.term.write(self.visible(chunk))
                            ended_with_newline = chunk.endswith("\n")
                except KeyboardInterrupt:
                    self.term.write("\n")
                    ended_with_newline = True
                    self.say("(description stopped)", "2")
                finally:
                    close = getattr(chunks, "close", None)
                    if close:
                        try:
                            close()
                        except Exception:
                            pass
        except NlshellError as err:
            if not ended_with_newline:
                self.term.write("\n")
            self.say(f"cannot describe it: {err}", "31")
            return
        if not ended_with_newline:
            self.term.write("\n")

    def _revise(self, s):
        instruction = self._prompt_line("what should change? ", "")
        if instruction is None or not instruction.strip():
            self.say("nothing to revise", "2")
            return s
        try:
            with InterruptibleWait(self.term):
                try:
                    with Spinner("revising", stream=self.term.as_stream()):
                        new = self.revise(instruction.strip(), s)
                except KeyboardInterrupt:
                    self.say("(revision stopped)", "2")
                    return s
        except NlshellError as err:
            self.say(f"cannot revise: {err}", "31")
            return s
        if new is None or not getattr(new, "command", None):
            self.say("the revision holds no command; keeping this one", "31")
            return s
        return new

    def _modify(self, s):
        command = s.command
        edited = self._prompt_line("edit: ", command, placeholders=True)
        if edited is None:
            self.say("edit cancelled", "2")
            return s
        edited = edited.strip()
        if not edited:
            self.say("empty command; keeping the previous one", "2")
            return s
        if edited == command:
            return s
        try:
            return self.assess(edited)
        except NlshellError as err:
            self.say(f"cannot check the edited command: {err}; keeping the previous one", "31")
            return s

    def _prompt_line(self, message: str, default: str, *, placeholders: bool = False) -> str | None:
        return edit_line(
            self.term, message, default, color=self.color, vi=self.vi, placeholders=placeholders, say=self.say
        )


def confirm(
    suggestion,
    *,
    assess,
    describe,
    revise,
    color: bool,
    editing_mode: str = "emacs",
    no_model: str | None = None,
    tty=None,
) -> Decision:
    """Show `suggestion` and return what the person decided; raise Aborted when they did not.

    `assess(command)` re-rates an edited command, `describe(command)` streams an explanation,
    `revise(instruction, current)` asks for a changed suggestion; the last two may raise
    NlshellError, shown as one line while the menu carries on. "copy" is done here. Edits follow
    `editing_mode` ("emacs" or "vi"); `no_model` says why Describe and Revise are not offered.
    """
    term = Terminal(tty)
    try:
        with SignalGuard(term):
            try:
                term.keys_mode()
                menu = _Menu(
                    term,
                    assess=assess,
                    describe=describe,
                    revise=revise,
                    color=color,
                    editing_mode=editing_mode,
                    no_model=no_model,
                )
                return menu.run(suggestion)
            except KeyboardInterrupt:
                _say_quietly(term, "\n")
                raise Aborted() from None
            except TerminalGone:
                raise Aborted("the terminal went away; nothing was run") from None
            except Signalled as sig:
                _say_quietly(term, "\n")
                raise Terminated(sig.signum) from None
            finally:
                if term.used_editor:
                    # prompt_toolkit hides the cursor while it draws; a signal mid-draw could
                    # leave it hidden.
                    _say_quietly(term, "\x1b[?25h")
                term.restore()
    finally:
        term.close()



def choose(pipeline, session, suggestion, *, color: bool, editing_mode: str, offline: bool = False,
           assess=None, revise=None) -> Decision:
    """The menu for a suggestion, as the one-shot and the REPL show it; `session.settle` then acts.

    Every command shown carries its effect preview. `assess(command)` rates an edited command
    (default: as the user's own, for the same request); `revise(instruction, current)` asks for a
    changed one (default: a follow-up turn that declines the one shown). Aborting declines the
    suggestion (`Session.decline`) and raises Aborted.
    """
    from nlshell.console import no_model_reason

    def rated(command: str):
        if assess is None:
            return pipeline.preview(pipeline.assess(suggestion.request, command, source="user"))
        return pipeline.preview(assess(command))

    def revised(instruction: str, current):
        if revise is None:
            return pipeline.preview(session.revise(current, instruction))
        return pipeline.preview(revise(instruction, current))

    try:
        return confirm(
            pipeline.preview(suggestion),
            assess=rated,
            describe=pipeline.explain,
            revise=revised,
            color=color,
            editing_mode=editing_mode,
            no_model=no_model_reason(pipeline, offline=offline),
        )
    except Aborted:
        session.decline(suggestion)
        raise

def _say_quietly(term: Terminal, text: str) -> None:
    try:
        term.write(text)
    except TerminalGone:
        pass
