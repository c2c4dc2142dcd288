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
import textwrap

from nlshell.errors import Aborted, NlshellError
from nlshell.text import visible
from nlshell.highlight import paint, spans
from nlshell.spinner import Spinner, spin_until_first
from nlshell.menu_editor import edit_line
from nlshell.placeholders import is_template
from nlshell.menu_terminal import (
    Glyphs,
    InterruptibleWait,
    SignalGuard,
    Signalled,
    Terminal,
    TerminalGone,
    cell_width,
)

ACTIONS = ("execute", "modify", "describe", "revise", "copy", "abort")
MENU_EFFECTS = 3  # effect preview lines under the rating; Describe shows them all


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


def _break_away_from_spaces(row: list, following) -> list:
    """Move units from the end of a full `row` so it neither ends nor is followed by a space.

    A space at a wrap point would be invisible (`rm -rf /` + ` tmp` would read like `/tmp`), so
    rows break inside words where possible. Returns the units carried to the next row.
    """
    units = row + [following]
    for cut in range(len(row), 0, -1):
        if units[cut - 1][1] != " " and units[cut][1] != " ":
            carried = row[cut:]
            del row[cut:]
            return carried
    return []


class _Menu:
    def __init__(
        self, term: Terminal, *, assess, describe, revise, color: bool, editing_mode: str = "emacs", no_model=None
    ) -> None:
        self.term = term
        self.assess = assess
        self.describe = describe
        self.revise = revise
        self.color = color
        self.vi = editing_mode == "vi"
        self.no_model = no_model  # why Describe and Revise cannot work (offline), or None
        self.actions = tuple(a for a in ACTIONS if not (no_model and a in ("describe", "revise")))
        self.g = Glyphs(term.unicode)
        self.room = 0
        self.visible = visible

    # -- drawing -----------------------------------------------------------------------------
    def paint(self, kind: str, text: str) -> str:
        return paint(kind, text, self.color)

    def style(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color and text else text

    def block(self, text: str, code: str = "") -> str:
        """Text for the person, made visible (it may quote model text), wrapped and indented."""
        rows = textwrap.wrap(
            self.visible(text),
            width=self.term.width() - 3,
            initial_indent="  ",
            subsequent_indent="    ",
            break_on_hyphens=False,
        ) or [""]
        return "\n".join(row[:2] + self.style(code, row[2:]) for row in rows)

    def say(self, text: str, code: str = "") -> None:
        self.term.write(self.block(text, code) + "\n")

    def _cells(self, command: str) -> list[list[tuple[str, str, int]]]:
        """The command as display lines of (kind, text, width) units, control chars escaped."""
        lines: list[list[tuple[str, str, int]]] = [[]]
        for kind, text in spans(command):
            for ch in text:
                if ch == "\n":
                    lines.append([])
                    continue
                if ch == "\t":
                    lines[-1].append(("escape", self.g.tab, len(self.g.tab)))
                    continue
                shown = self.visible(ch)
                if shown != ch:
                    lines[-1].append(("escape", shown, len(shown)))
                else:
                    lines[-1].append((kind, ch, cell_width(ch)))
        if len(lines) > 1 and not lines[-1]:
            lines.pop()  # a trailing newline adds no line worth showing
        return lines

    def _render_units(self, units: list[tuple[str, str, int]]) -> str:
        out: list[str] = []
        run_kind, run_text = None, []
        for kind, text, _ in units:
            if kind != run_kind and run_text:
                out.append(self.paint(run_kind or "text", "".join(run_text)))
                run_text = []
            run_kind = kind
            run_text.append(text)
        if run_text:
            out.append(self.paint(run_kind or "text", "".join(run_text)))
        return "".join(out)

    def command_block(self, command: str) -> str:
        """Every line of the command, wrapped visibly so nothing hides past the right edge."""
        lines = self._cells(command)
        many = len(lines) > 1
        number_width = len(str(len(lines)))
        rows: list[str] = []
        for number, units in enumerate(lines, 1):
            if many:
                first = f"{number:>{number_width}} {self.g.bar} "
                more = " " * number_width + f" {self.g.wrap} "
            else:
                first, more = "$ ", f"{self.g.wrap} "
            room = max(10, self.term.width() - 2 - len(first) - 1)
            chunk: list[tuple[str, str, int]] = []
            used, prefix = 0, first
            for unit in units:
                if used + unit[2] > room and chunk:
                    carried = _break_away_from_spaces(chunk, unit)
                    rows.append("  " + self.style("2", prefix) + self._render_units(chunk))
                    chunk, prefix = carried, more
                    used = sum(u[2] for u in chunk)
                chunk.append(unit)
                used += unit[2]
            rows.append("  " + self.style("2", prefix) + self._render_units(chunk))
        return "\n".join(rows)

    def risk_line(self, s) -> str:
        reasons = "; ".join(getattr(s, "reasons", None) or [])
        risk = getattr(s, "risk", None)
        g = self.g
        if is_template(getattr(s, "problems", None)):
            return self.block(f"{g.unknown} a template, not a command yet {g.dash} Enter edits it", "33")
        if risk == "safe":
            glyph, text, code = g.safe, "safe", "32"
        elif risk == "caution":
            glyph, text, code = g.caution, "caution", "33"
        elif risk == "dangerous":
            glyph, text, code = g.danger, "DANGEROUS", "1;31"
        else:
            glyph, text, code = g.unknown, "risk not rated", "33"
        text += f": {reasons}" if reasons else ""
        if getattr(s, "valid", None) is False:
            # No green tick beside "invalid": the verdict comes first, the rating after it.
            text = f"{g.danger} does not look valid" + ("" if risk == "safe" and not reasons else f" {g.dash} {text}")
            code = "1;31" if risk == "dangerous" else "31"
        else:
            text = f"{glyph} {text}"
        if risk == "dangerous":
            text += f" {g.dash} press e, then type yes to run it"
        return self.block(text, code)

    def options_line(self) -> str:
        """The choices, as long as the terminal is wide; remembers the room left on the line."""
        width = self.term.width()
        plain = ""
        actions = self.actions
        for gap in ("  ", " "):
            plain = "  " + gap.join(f"[{w[0]}]{w[1:]}" for w in actions) + f" {self.g.arrow} "
            if len(plain) < width:
                break
        else:
            gap, plain = "", "  [" + "/".join(w[0] for w in actions) + f"] {self.g.arrow} "
        self.room = width - len(plain) - 1
        if not gap or not self.color:
            return plain
        parts = [f"[\x1b[1;4m{w[0]}\x1b[0m]{w[1:]}" for w in actions]
        return "  " + gap.join(parts) + f" {self.g.arrow} "

    def chose(self, word: str) -> None:
        """Echo the choice after the options when it fits, and end the line."""
        self.term.write((word if len(word) <= self.room else "") + "\n")

    def effect_lines(self, s) -> list:
        """One to three lines under the rating: what a caution or dangerous command would touch."""
        effects = getattr(s, "effects", None) or []
        if getattr(s, "risk", None) not in ("caution", "dangerous") or not effects:
            return []
        shown = effects if len(effects) <= MENU_EFFECTS else effects[: MENU_EFFECTS - 1]
        lines = [self.block(f"{self.g.effect} {e.summary}") for e in shown]
        if len(effects) > len(shown):
            rest = len(effects) - len(shown)
            lines.append(self.block(f"{self.g.effect} and {rest} more {self.g.dash} d shows them all", "2"))
        return lines

    def show(self, s) -> None:
        out = ["", self.command_block(s.command), self.risk_line(s), *self.effect_lines(s)]
        for problem in getattr(s, "problems", None) or []:
            out.append(self.block(f"{self.g.warn} {problem}", "33"))
        for note in getattr(s, "notes", None) or []:
            out.append(self.block(f"{self.g.note} {note}", "2"))
        self.term.write("\n".join(out) + "\n")

    # -- the loop ----------------------------------------------------------------------------
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


def _say_quietly(term: Terminal, text: str) -> None:
    try:
        term.write(text)
    except TerminalGone:
        pass
