"""Words after a subcommand: which are its options, which are a command, and when the person
meant a request instead (`nlshell check disk space`, `nlshell init a git repo`).

`check` and `explain` take a command's words unquoted, as the one-shot takes a request's:
`nlshell explain ls -la` explains `ls -la`. Only the subcommand's own options before the first
word are options; everything from that word on is the command.
"""

from __future__ import annotations

from nlshell.cli.flags import names

MAX_REQUEST = 4_000  # characters: a request (or a command to explain) is a few sentences, not a file
# check and explain: a command's words may come unquoted; the shell still expands ~ * $ first.
COMMAND_HELP = "the command; quote it if it has ~ * $ | ; or quotes (plain words need none)"


def first_word(argv: list[str], *, value_flags: tuple = (), flags: tuple | None = None) -> int | None:
    """Index of the first word that is not an option; None if there is none or `--` comes first.

    `value_flags` take the next word as their value. With `flags=None` any word starting with `-`
    is an option; otherwise only `flags`, `-h`/`--help` and `--value-flag=x` are.
    """
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            return None
        if arg in value_flags:
            i += 2
        elif (arg.startswith("-") and arg != "-") if flags is None else (
            arg in flags or arg in ("-h", "--help") or any(arg.startswith(f + "=") for f in value_flags)
        ):
            i += 1
        else:
            return i
    return None


def options_then_words(argv: list[str], options) -> list[str]:
    """`argv` with `--` put before the first word that is not one of `options` (the subcommand's
    Flags: `-h`, `--help` and `--name=value` forms count too)."""
    i = first_word(argv, value_flags=names(options, values=True), flags=names(options, values=False))
    return argv if i is None else [*argv[:i], "--", *argv[i:]]


def as_request(argv: list[str], index: int) -> str:
    """How to ask for `argv` as a request: `nlshell -- check disk space` (global flags kept)."""
    import shlex

    return shlex.join(["nlshell", *argv[:index], "--", *argv[index:]])


def looks_like_a_request(argv: list[str], index: int) -> bool:
    """Plain words after the subcommand's name, as a person would write a request."""
    rest = argv[index + 1 :]
    return bool(rest) and not rest[0].startswith("-")


def first_word_unknown(words: list[str], problems) -> bool:
    """Several words whose first is no program here (the validator's warning says so)."""
    if len(words) < 2:
        return False
    first = words[0]
    return any(f"`{first}` is not installed" in str(p) for p in problems or ())


def maybe_a_request(name: str, words: list[str], problems) -> None:
    """`nlshell check disk space`: the first word is no program here, so say how to ask instead."""
    from nlshell.console import say, visible

    if first_word_unknown(words, problems):
        say(f"nlshell: did you mean the request: {visible(as_request([name, *words], 0))}")
