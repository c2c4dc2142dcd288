"""`xargs` and `parallel`: how the text they read becomes arguments, or whole command lines.

`feed_of` reads the options of either tool into a `Feed` (the replacement string, an argument
file, the delimiter, parallel's `:::` lists); `split_input` cuts what a producer printed into the
items the tool would read; `invocations` builds the command lines the tool would run with them.
"""

from __future__ import annotations

import re
import shlex

from nlshell.shell.model import Feed, Word
from nlshell.shell.options import Grammar, read_option
from nlshell.shell.patterns import lazy

# Options that take a value as the next word (or attached); `-i`, `-e`, `-l` take one only attached.
XARGS = Grammar(
    short="adEILnPsJRS",
    long=frozenset("--arg-file --delimiter --max-args --max-procs --max-chars --process-slot-var".split()),
)
PARALLEL = Grammar(
    short="jSNnLIadCE",
    long=frozenset(
        """
        --jobs --sshlogin --max-args --arg-file --delay --timeout --joblog --results --tmpdir --workdir --colsep
        --delimiter --basefile --bf --sshloginfile --slf --env --tagstring --halt --memfree --load --nice --retries
        --max-replace-args --replace --arg-file-sep --arg-sep --transferfile --tf --return --termseq --limit
        """.split()
    ),
)
SEPARATORS = frozenset({":::", "::::", ":::+", "::::+"})
MAX_INVOCATIONS = 64  # command lines built from one input; more are not looked at one by one

PARALLEL_REPLACE = lazy(r"\{(?:\d+)?(?:\.|/|//|/\.|#|%)?\}")
_DELIMITERS = {"\\n": "\n", "\\0": "\0", "\\t": "\t", "\\x00": "\0"}


def feed_of(tool: str, options: list, rest: list) -> tuple:
    """(Feed, the command's words) for `xargs OPTIONS COMMAND...` / `parallel OPTIONS COMMAND ::: ...`.

    `options` are the words the tool's grammar read as its own options; `rest` what follows them.
    """
    feed = Feed(tool)
    grammar = XARGS if tool == "xargs" else PARALLEL
    i = 0
    while i < len(options):
        t = options[i].text
        if tool == "xargs" and t.startswith("-") and not t.startswith("--") and _optional_replace(feed, t):
            i += 1
            continue
        option = read_option(options, i, grammar)
        value_word = options[i + 1] if option.next == i + 2 else (Word(option.value) if option.value is not None else None)
        name = option.name
        if name in ("-I", "-J", "--replace"):  # GNU `--replace` alone means `{}`
            feed.replace = option.value or "{}"
        elif name in ("-a", "--arg-file") and value_word is not None:
            feed.arg_file = value_word
        elif name in ("-d", "--delimiter") and option.value is not None:
            feed.delimiter = _DELIMITERS.get(option.value, option.value[:1] or None)
        elif name in ("-0", "--null"):
            feed.delimiter = "\0"
        elif name in ("-L", "--max-lines") and tool == "xargs":
            feed.delimiter = feed.delimiter or "\n"
        elif name in ("-q", "--quote") and tool == "parallel":
            feed.quote = True
        i = option.next if option.next > i else i + 1
    command = list(rest)
    if tool == "parallel":
        cut = next((k for k, w in enumerate(command) if w.text in SEPARATORS), len(command))
        feed.groups, feed.group_files = _groups(command[cut:])
        command = command[:cut]
    return feed, command


def _optional_replace(feed: Feed, text: str) -> bool:
    """xargs `-i[R]`, `-e[EOF]`, `-l[N]` in a cluster: the rest of the word is their value."""
    letters = text[1:]
    for k, letter in enumerate(letters):
        if letter in XARGS.short:
            return False  # `-n1`, `-I{}`: read_option reads these
        if letter == "i":
            feed.replace = letters[k + 1 :] or "{}"
            return True
        if letter in "el":
            if letter == "l":
                feed.delimiter = feed.delimiter or "\n"
            return True
    return False


def _groups(words: list) -> tuple:
    """parallel's input lists after the command: `::: a b :::+ c d :::: file`."""
    groups, files = [], []
    current = None
    for w in words:
        if w.text in SEPARATORS:
            current = [] if w.text.startswith(":::") and not w.text.startswith("::::") else None
            if current is not None:
                groups.append(current)
            continue
        if current is None:
            files.append(w)
        else:
            current.append(w)
    return tuple(tuple(g) for g in groups), tuple(files)


def runs_a_line(cmd) -> bool:
    """Does `cmd` (after its wrappers) stand for a shell line parallel builds from its words?
    Then its words are not an argv: `parallel bash -c 'rm -rf {}'` runs `bash -c rm -rf ITEM`."""
    feed = cmd.feed
    return feed is not None and feed.tool == "parallel" and not feed.quote and bool(cmd.argv)


def split_input(pieces: list, delimiter: str | None, lines: bool = False) -> list:
    """The items a tool reads from what a producer printed (`pieces`, printed with a space between).

    With no delimiter, items end at blanks (quotes group, as xargs reads them); with `lines` or a
    delimiter, at that delimiter. A piece known only at run time (`"$HOME"`) stays one item.
    """
    if delimiter is None and not lines:
        items = []
        for piece in pieces:
            if not piece.literal:
                items.append(piece)
                continue
            try:
                parts = shlex.split(piece.text)
            except ValueError:
                parts = piece.text.split()
            items.extend(Word(part) for part in parts)
        return items
    literal = all(p.literal for p in pieces)
    text = " ".join(p.text for p in pieces)
    cut = delimiter or "\n"
    parts = [part.strip() if cut == "\n" else part for part in re.split("[\n\0]" if cut == "\0" else re.escape(cut), text)]
    return [Word(part, literal=literal) for part in parts if part]


def invocations(feed: Feed, argv: list, items: list) -> list:
    """The command lines (argv lists) the tool runs with `items`.

    xargs runs the command itself, the items added as arguments or put in place of its
    replacement string. parallel runs a shell command line: its command's words joined with
    spaces (quoted only with -q: `parallel bash -c 'rm -rf {}' ::: /` runs `bash -c rm -rf /`,
    which runs rm alone), the items (one per job, or one combination of its `:::` lists) quoted
    into it; that comes back as `sh -c LINE`, and with no command each item is the line.
    """
    if feed.tool == "xargs":
        if feed.replace:
            return [_substitute(argv, feed.replace, item) for item in items[:MAX_INVOCATIONS]]
        return [list(argv) + list(items)] if items else [list(argv)]
    out = []
    for combo in _combinations(feed, items)[:MAX_INVOCATIONS]:
        literal = all(w.literal for w in (*argv, *combo))
        out.append([Word("sh"), Word("-c"), Word(_parallel_line(feed, argv, combo), literal=literal)])
    return out


def _parallel_line(feed: Feed, argv: list, combo: tuple) -> str:
    if not argv:
        return " ".join(w.text for w in combo)
    line = " ".join(shlex.quote(w.text) if feed.quote else w.text for w in argv)
    quoted = [shlex.quote(w.text) for w in combo]
    if feed.replace and feed.replace in line:
        return line.replace(feed.replace, " ".join(quoted))
    if PARALLEL_REPLACE.search(line):

        def value(m) -> str:
            digits = re.match(r"\{(\d+)", m.group(0))
            if digits:
                k = int(digits.group(1)) - 1
                return quoted[k] if 0 <= k < len(quoted) else ""
            return " ".join(quoted)

        return PARALLEL_REPLACE.sub(value, line)
    return " ".join([line, *quoted])


def _combinations(feed: Feed, items: list) -> list:
    if not feed.groups:
        return [(item,) for item in items]
    combos: list = [()]
    for group in feed.groups:
        combos = [c + (w,) for c in combos for w in group][: MAX_INVOCATIONS + 1]
    if items:  # stdin as one more source (rare, but never ignored)
        combos = [c + (w,) for c in combos for w in items][: MAX_INVOCATIONS + 1]
    return combos


def _substitute(argv: list, replace: str, item: Word) -> list:
    return [
        Word(w.text.replace(replace, item.text), literal=w.literal and item.literal, quoted=w.quoted)
        if replace in w.text
        else w
        for w in argv
    ]
