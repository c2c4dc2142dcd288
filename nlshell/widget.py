"""What the keybinding gets: exactly the text for the shell's line on stdout, and why on stderr.

A dangerous command comes disabled (every line starts with `# `, so Enter runs nothing), a
caution one with its reason, a template with a note naming its placeholders and, as the last line
on stderr, `CURSOR_MARK` and the offset of its first placeholder for the script to put the cursor
there. The keys typed while it waited are the caller's business (cli: typeahead.Quiet).
"""

from __future__ import annotations

from nlshell.console import out, say, visible
from nlshell.errors import EXIT_OK
from nlshell.placeholders import find, is_template


def deliver(s, line: str | None) -> int:
    """Print suggestion `s` for the keybinding; `line` is its risk line (None when safe)."""
    command = s.command
    text = command
    if s.dangerous:
        text = "\n".join("# " + part for part in command.split("\n"))
        say(visible(line) + " — disabled with '# '; remove it to run deliberately")
    elif line:
        say(visible(line))
    template = is_template(s.problems)
    if template:
        say(f"nlshell: {visible(s.problems[0])}")
    out(text)
    holes = find(command) if template else []
    if holes:
        from nlshell.shells import CURSOR_MARK

        cursor = holes[0].start
        if s.dangerous:  # each line up to the placeholder's gained '# '
            cursor += 2 * (command.count("\n", 0, cursor) + 1)
        say(f"{CURSOR_MARK}{cursor}")
    return EXIT_OK
