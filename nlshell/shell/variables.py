"""Values the collector follows through builtins: positional parameters (`set -- a b`, `shift`,
a function's `$1` and `"$@"` at each call). What `read` assigns is in reads.py.

A value only known at run time makes the name unknown again: the collector never keeps a value
the shell may no longer have.
"""

from __future__ import annotations

from nlshell.shell.patterns import lazy

MAX_CALLS = 32  # function calls read with their arguments, per script

_POSITIONAL = lazy(r"^(?:[0-9]+|[@*#])$")


def positional(env: dict, words: list) -> None:
    """Bind `$1`, `$2`, ..., `$@`, `$*` and `$#` to `words` (Words) in `env`, dropping the old ones."""
    for key in [k for k in env if _POSITIONAL.match(k) and k != "0"]:
        del env[key]
    env["#"] = (str(len(words)),)
    if not all(w.literal for w in words):
        for k, w in enumerate(words[:9], start=1):
            if w.literal:
                env[str(k)] = w.values()
        return  # "$@" holds a value known only at run time
    values = tuple(v for w in words for v in w.values())
    if values:
        env["@"] = env["*"] = values  # each value is one the word can take
    for k, w in enumerate(words[:9], start=1):
        env[str(k)] = w.values()


def set_builtin(env: dict, args: list) -> None:
    """`set -- a b` and `set a b` set the positional parameters; `set -e`, `set -o x` do not."""
    if not args:
        return
    if args[0].text == "--":
        positional(env, args[1:])
    elif args[0].literal and not args[0].text.startswith(("-", "+")):
        positional(env, args)


def shift_builtin(env: dict, args: list) -> None:
    count = int(args[0].text) if args and args[0].text.isdigit() else 1
    known = [env.get(str(k)) for k in range(1, 10)]
    for key in [k for k in env if _POSITIONAL.match(k) and k != "0"]:
        del env[key]
    rest = [v for v in known[count:] if v is not None]
    for k, values in enumerate(rest, start=1):
        env[str(k)] = values
    if rest:
        env["@"] = env["*"] = tuple(v for values in rest for v in values)
