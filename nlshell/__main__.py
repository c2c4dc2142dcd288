"""Entry point for the console script and `python -m nlshell`.

Ctrl-C can arrive while modules are still importing; catching it here, around the import,
is the only way to turn it into exit 130 instead of a traceback.
"""

import sys


def main() -> int:
    try:
        from nlshell.cli import main as cli_main

        return cli_main(sys.argv[1:])
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return 130


if __name__ == "__main__":
    sys.exit(main())
