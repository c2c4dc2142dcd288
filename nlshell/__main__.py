"""Entry point for the console script and `python -m nlshell`.

Ctrl-C can arrive while modules are still importing; catching it here, around the import,
is the only way to turn it into exit 130 instead of a traceback.
"""

import sys


def _ensure_standard_streams() -> None:
    """Put /dev/null on a closed stdin, stdout or stderr (`nlshell … 0<&-`) before anything opens a file.

    Otherwise the first file or socket nlshell opens (the cache database, the HTTP connection) takes
    descriptor 0, 1 or 2, and a command run for the user would read or write it as its stdin or
    stdout. Python also leaves `sys.stdin` as None then, which nothing downstream expects.
    """
    import os

    for fd, name, mode in ((0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        opened = os.open(os.devnull, os.O_RDWR)
        if opened != fd:
            os.dup2(opened, fd)
            os.close(opened)
        os.set_inheritable(fd, True)  # os.open makes close-on-exec descriptors; the command needs this one
        if getattr(sys, name) is None:
            errors = "backslashreplace" if name == "stderr" else "strict"
            setattr(sys, name, open(fd, mode, encoding="utf-8", errors=errors, closefd=False))


def main() -> int:
    try:
        _ensure_standard_streams()
        from nlshell.cli import main as cli_main

        return cli_main(sys.argv[1:])
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return 130
    finally:
        _forget_handled_interrupts()


def _forget_handled_interrupts() -> None:
    """Let the exit code stand after a Ctrl-C that nlshell caught.

    CPython notes a KeyboardInterrupt that leaves code it ran from a string (a dataclass or
    namedtuple being built while a module imports) and, under `python -m nlshell`, kills itself
    with SIGINT at exit even though the interrupt was handled: the shell then sees a death by
    signal instead of 130 and drops the rest of its line (`nlshell …; echo $?`). Each run of a
    string starts by clearing that note.
    """
    exec("")  # noqa: S102 - a constant empty string: only the side effect above is wanted


if __name__ == "__main__":
    sys.exit(main())
