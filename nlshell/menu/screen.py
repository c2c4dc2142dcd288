"""How the menu looks: the command (highlighted, every line numbered and wrapped visibly), its
rating, what it would touch, its problems and notes, and the choices.

Everything drawn is made visible first (control characters as escapes): the command, and any
model or server text quoted in a reason, so what the person sees is what would run.
"""

from __future__ import annotations

import textwrap

from nlshell.highlight import paint, spans
from nlshell.menu.terminal import Glyphs, Terminal, cell_width
from nlshell.placeholders import is_template
from nlshell.text import visible

MENU_EFFECTS = 3  # effect preview lines under the rating; Describe shows them all


def break_away_from_spaces(row: list, following) -> list:
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


class Screen:
    """The drawing half of the menu, on its terminal; `actions` are the choices offered."""

    def __init__(self, term: Terminal, *, color: bool, actions: tuple) -> None:
        self.term = term
        self.color = color
        self.actions = actions
        self.g = Glyphs(term.unicode)
        self.room = 0
        self.visible = visible

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
                    carried = break_away_from_spaces(chunk, unit)
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
