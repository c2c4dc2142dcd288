"""Programs that hand a command line to a shell of their own: terminal multiplexers (`tmux
new-session 'cmd'`, `tmux send-keys 'cmd' Enter`, `screen -X stuff 'cmd^M'`) and zsh's
`emulate sh -c 'cmd'`. Each function returns the code as one `Word`, or None when nothing runs.
"""

from __future__ import annotations

from nlshell.shell.model import Word
from nlshell.shell.options import Grammar, read_option
from nlshell.shell.patterns import lazy

_TMUX_GLOBAL = Grammar(short="cfLST")
# tmux commands that run a shell command, with the options of each that take a value.
_TMUX_RUNS = {
    "new-session": "cefFnstxy", "new": "cefFnstxy",
    "new-window": "ceFnt", "neww": "ceFnt",
    "split-window": "celtFp", "splitw": "celtFp",
    "respawn-pane": "cet", "respawnp": "cet",
    "respawn-window": "cet", "respawnw": "cet",
    "run-shell": "cdt", "run": "cdt",
    "if-shell": "t", "if": "t",
    "pipe-pane": "t", "pipep": "t",
    "display-popup": "bcdehsStTwxy", "popup": "bcdehsStTwxy",
    "send-keys": "cNt", "send": "cNt",
}
# Keys tmux sends by name; Enter-like ones make the shell in the pane run what was typed.
_KEY_NAME = lazy(
    r"^(?:[CMS]-.+|\^.|Enter|KPEnter|Escape|Tab|BTab|BSpace|Space|Up|Down|Left|Right|Home|End|PageUp|PageDown|"
    r"PgUp|PgDn|PPage|NPage|IC|DC|F\d{1,2})$"
)
_ENTER_KEYS = frozenset({"Enter", "KPEnter", "C-m", "C-M", "^M", "C-j", "C-J", "^J"})


def tmux_code(words: list) -> Word | None:
    """The shell command a tmux invocation runs (`tmux -c CMD` too), or None."""
    i, n = 0, len(words)
    while i < n:
        option = read_option(words, i, _TMUX_GLOBAL)
        if option.name is None:
            break
        if option.name == "-c" and option.value is not None:
            return Word(option.value)
        i = option.next
    if i < n and words[i].text == "--":
        i += 1
    codes = []
    while i < n:  # commands may be chained: `tmux new -d 'a' \; send-keys 'b' Enter`
        end = next((k for k in range(i, n) if words[k].text in (";", "\\;")), n)
        code = _tmux_command(words[i:end])
        if code is not None:
            codes.append(code)
        i = end + 1
    return join_words(codes) if codes else None


def _tmux_command(words: list) -> Word | None:
    if not words or words[0].text not in _TMUX_RUNS:
        return None
    sub = words[0].text
    grammar = Grammar(short=_TMUX_RUNS[sub])
    i = 1
    while i < len(words):
        option = read_option(words, i, grammar)
        if option.name is None:
            break
        i = option.next
    rest = words[i:]
    if sub in ("send-keys", "send"):
        typed = [w for w in rest if not (w.literal and _KEY_NAME.match(w.text))]
        entered = any(w.text in _ENTER_KEYS for w in rest) or any("\n" in w.text for w in typed)
        return join_words(typed) if typed and entered else None
    if sub in ("if-shell", "if"):
        rest = rest[:1]  # the other words are tmux commands
    return join_words(rest) if rest else None


_SCREEN_ENTER = lazy(r"\^M|\\n|\\r|\\015|\n|\r")


def screen_code(words: list) -> Word | None:
    """`screen -X stuff 'cmd^M'`: the text typed into a session's shell, when it is entered."""
    texts = [w.text for w in words]
    if "-X" not in texts:
        return None
    i = texts.index("-X")
    if texts[i + 1 : i + 2] != ["stuff"] or i + 2 >= len(words):
        return None
    text = words[i + 2].text
    if not _SCREEN_ENTER.search(text):
        return None
    return Word(_SCREEN_ENTER.sub("\n", text), literal=words[i + 2].literal)


def emulate_code(words: list) -> Word | None:
    """zsh `emulate [-lLR] [MODE] [-c CODE]`: CODE runs in that mode."""
    for k, w in enumerate(words):
        if w.text == "-c":
            return words[k + 1] if k + 1 < len(words) else Word("")
        if w.literal and w.text.startswith("-") and "c" in w.text[1:] and not w.text.startswith("--"):
            return words[k + 1] if k + 1 < len(words) else Word("")
    return None


def join_words(words: list) -> Word:
    """Words a program joins with spaces and hands to a shell (`eval`, `ssh host ...`, `watch`)."""
    literal = all(w.literal for w in words)
    subs = tuple(s for w in words for s in w.subs)
    text = " ".join(w.text for w in words)
    return Word(text, literal=literal, subs=subs, raw=" ".join(w.raw or w.text for w in words))
