"""`nlshell config show [--json] | path | trust [DIR] | untrust [DIR]`: the effective settings and
where each came from (key masked), the config file's path, and directories whose .env may send the
key to the server it names."""

from __future__ import annotations

import os

from nlshell.cli.context import settings as make_settings
from nlshell.cli.parser import subcommand_parser
from nlshell.console import out, out_json, say, visible
from nlshell.errors import EXIT_OK, UsageError


def run(argv: list[str], global_args) -> int:
    p = subcommand_parser(
        "config",
        "Show the effective settings and where each came from, or the config file's path; trust a "
        "directory whose .env sets OPENROUTER_BASE_URL to receive your key.",
        "examples:\n  nlshell config show\n  nlshell config show --json\n  $EDITOR \"$(nlshell config path)\"\n"
        "  nlshell config trust           (this directory's .env may send your key to the server it names)\n"
        "  nlshell config untrust ~/src/x",
    )
    p.add_argument("action", choices=("show", "path", "trust", "untrust"), metavar="{show,path,trust,untrust}")
    p.add_argument("directory", nargs="?", metavar="DIR", help="trust/untrust: the directory (default: here)")
    args = p.parse_args(argv)
    from nlshell import config, paths

    if args.directory is not None and args.action not in ("trust", "untrust"):
        raise UsageError(f"config {args.action} takes no directory", "see `nlshell config --help`")
    if args.action in ("trust", "untrust"):
        return _config_trust(args.action, args.directory or os.getcwd())
    if args.action == "path":
        out(paths.config_file())
        return EXIT_OK
    settings = make_settings(global_args)
    from nlshell.credentials import find_key, mask
    from nlshell.redact import redact_url

    lookup = find_key(settings)
    rows = [("api_key", mask(lookup.key), lookup.source or "not set")]
    for name in config.SPEC:
        value = redact_url(settings.base_url) if name == "base_url" else settings.values[name]
        rows.append((name, value, settings.sources[name]))
    rows.append(("shell (effective)", settings.shell_kind(), "config" if settings.shell else "$SHELL"))
    rows.append(("config file", settings.config_path, "exists" if settings.config_exists else "not present"))
    rows.append(("cache", paths.cache_db(), ""))
    rows.append(("memory", paths.memory_db(), ""))
    rows.append(("trusted dirs", paths.trust_file(), "nlshell config trust"))
    if args.json:
        out_json({name: {"value": value, "source": source} for name, value, source in rows})
        return EXIT_OK
    width = max(len(r[0]) for r in rows)
    for name, value, source in rows:
        shown = ", ".join(value) if isinstance(value, list) else value
        if isinstance(value, bool):
            shown = "true" if value else "false"  # as written in config.toml
        elif shown in ("", None):
            shown = "(not set)"
        out(f"{name.ljust(width)}  {visible(str(shown))}" + (f"   ({source})" if source else ""))
    return EXIT_OK


def _config_trust(action: str, directory: str) -> int:
    from nlshell import trust
    from nlshell.redact import redact_url

    where = os.path.realpath(directory)
    if action == "trust":
        url = trust.trust(where)
        say(f"nlshell: trusted {visible(where)}: its .env may send your key to {visible(redact_url(url))} "
            "(`nlshell config untrust` undoes it)")
    elif trust.untrust(where):
        say(f"nlshell: no longer trusting {visible(where)}")
    else:
        say(f"nlshell: {visible(where)} was not trusted")
    return EXIT_OK
