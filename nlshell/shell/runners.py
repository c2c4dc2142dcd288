"""Runners: subcommands of environment and project managers that run another program in the
environment they set up (`uv run pytest`, `conda run -n env cmd`, `direnv exec . cmd`,
`nix develop -c cmd`, `nix-shell --run 'code'`, `mise exec node@20 -- cmd`).

Like wrappers, they never hide what they run: `poetry run rm -rf ~` is `rm -rf ~`. Managers that
may fetch what they run (`npx`, `npm exec`) are rated in risk/rules/packages.py.
"""

from __future__ import annotations

from nlshell.shell.model import Word
from nlshell.shell.options import Grammar, read_option
from nlshell.shell.records import Frozen


class Runner(Frozen):
    __slots__ = ("grammar", "positionals", "after_dashes", "starts", "code", "operands_are_code")

    def __init__(
        self,
        short: str = "",  # letters of short options that take a value
        long: str = "",  # long options that take a value
        positionals: int = 0,  # operands before the command (`direnv exec DIR cmd`)
        after_dashes: bool = False,  # the command is only what follows `--` (`mise exec node@20 -- cmd`)
        starts: str = "",  # options after which the command's words begin, wherever they stand (`-c cmd args`)
        code: str = "",  # options whose value is a string run by a shell (`nix-shell --run 'cmd'`)
        operands_are_code: bool = False,  # each operand is a command line (`hyperfine 'cmd1' 'cmd2'`)
    ) -> None:
        object.__setattr__(self, "grammar", Grammar(short=short, long=frozenset(long.split())))
        object.__setattr__(self, "positionals", positionals)
        object.__setattr__(self, "after_dashes", after_dashes)
        object.__setattr__(self, "starts", frozenset(starts.split()))
        object.__setattr__(self, "code", frozenset(code.split()))
        object.__setattr__(self, "operands_are_code", operands_are_code)


_PLAIN = Runner()
_CONDA = Runner("np", "--name --prefix --cwd")
_MISE = Runner("C", "--cd --jobs", after_dashes=True)
_NIX = Runner(long="--profile --override-input --inputs-from --expr --file", starts="-c --command")
_PERF = Runner("eoCpctFGu", "--event --output --cpu --pid --tid --repeat --freq --cgroup --call-graph")

# (program, subcommand) or (program,) -> how its words after the subcommand are read.
RUNNERS: dict[tuple, Runner] = {
    ("uv", "run"): Runner(
        "pw", "--with --with-editable --with-requirements --python --project --directory --env-file --package "
        "--extra --group --index --index-url --extra-index-url --find-links --config-file"
    ),
    ("poetry", "run"): Runner("C", "--directory --project"),
    ("pdm", "run"): Runner("pg", "--project --global"),
    ("hatch", "run"): _PLAIN,
    ("pipenv", "run"): _PLAIN,
    ("rye", "run"): _PLAIN,
    ("pixi", "run"): Runner("e", "--environment --manifest-path"),
    ("conda", "run"): _CONDA,
    ("mamba", "run"): _CONDA,
    ("micromamba", "run"): _CONDA,
    ("bundle", "exec"): _PLAIN,
    ("yarn", "exec"): _PLAIN,
    ("pnpm", "exec"): Runner("C", "--filter --dir"),
    ("asdf", "exec"): _PLAIN,
    ("rbenv", "exec"): _PLAIN,
    ("pyenv", "exec"): _PLAIN,
    ("nodenv", "exec"): _PLAIN,
    ("goenv", "exec"): _PLAIN,
    ("mise", "exec"): _MISE,
    ("mise", "x"): _MISE,
    ("rtx", "exec"): _MISE,
    ("direnv", "exec"): Runner(positionals=1),
    ("devbox", "run"): Runner("c", "--config --environment"),
    ("toolbox", "run"): Runner("cdr", "--container --distro --release"),
    ("distrobox", "enter"): Runner("n", "--name", after_dashes=True),
    ("opam", "exec"): Runner(long="--switch --root"),
    ("stack", "exec"): _PLAIN,
    ("cabal", "exec"): _PLAIN,
    ("nix", "develop"): _NIX,
    ("nix", "shell"): _NIX,
    ("nix-shell",): Runner("pIA", "--packages --include --attr --arg --argstr", code="--run --command"),
    ("perf", "stat"): _PERF,
    ("perf", "record"): _PERF,
    ("perf", "trace"): _PERF,
    ("gdb",): Runner(starts="--args"),
    ("hyperfine",): Runner(
        "wrmMnLPSuoN", "--warmup --runs --min-runs --max-runs --command-name --parameter-scan --parameter-step-size "
        "--parameter-list --shell --time-unit --export-json --export-csv --export-markdown --export-asciidoc "
        "--export-orgmode --output --input --style --sort", code="-p --prepare -c --cleanup -s --setup --conclude",
        operands_are_code=True,
    ),
    ("catchsegv",): _PLAIN,
    ("dbus-launch",): Runner(long="--config-file"),
    ("proot",): Runner("rbmwqk", "--rootfs --bind --mount --cwd --qemu --kernel-release"),
}


def runner_of(argv: list) -> tuple | None:
    """(how, the command's words, code strings) when `argv` runs another program through a
    runner; None otherwise. The words are [] when the runner only opens a shell or runs code."""
    if not argv or not argv[0].literal:
        return None
    name = argv[0].text.rsplit("/", 1)[-1]
    runner, rest = RUNNERS.get((name,)), argv[1:]
    how = name
    if runner is None and len(argv) > 1:
        runner, rest, how = RUNNERS.get((name, argv[1].text)), argv[2:], f"{name} {argv[1].text}"
    if runner is None:
        return None
    command, code = _read(runner, rest)
    return (how, command, code) if command or code else None


def _read(runner: Runner, words: list) -> tuple[list, list]:
    """(the command's words, the code strings) after the runner's own options."""
    if runner.operands_are_code:
        return [], _code_everywhere(runner, words)
    if runner.starts:  # `nix develop .#dev -c cmd`, `gdb -batch -ex run --args cmd`
        start = next((k for k, w in enumerate(words) if w.text in runner.starts), None)
        return ([] if start is None else words[start + 1 :]), []
    code: list = []
    i = 0
    while i < len(words):
        t = words[i].text
        if t == "--":
            return words[i + 1 :], code
        option = read_option(words, i, runner.grammar)
        if option.name is None:
            break
        if option.name in runner.code:
            code.append(_value(words, i))
        i = option.next if option.name not in runner.code or "=" in t else i + 2
    if runner.after_dashes:  # `mise exec node@20 python@3 -- cmd`
        dashes = next((k for k in range(i, len(words)) if words[k].text == "--"), None)
        return ([] if dashes is None else words[dashes + 1 :]), code
    if runner.code:
        return [], code  # `nix-shell -p jq`: a shell, nothing of ours runs
    rest = words[i:]
    return (rest[runner.positionals :] if len(rest) > runner.positionals else []), code


def _value(words: list, i: int) -> Word:
    """The value of the option at `words[i]` (`--run=CMD` or `--run CMD`)."""
    name, eq, value = words[i].text.partition("=")
    if eq and name.startswith("--"):
        return Word(value, literal=words[i].literal)
    return words[i + 1] if i + 1 < len(words) else Word("")


def _code_everywhere(runner: Runner, words: list) -> list:
    """Every operand and every code option's value (`hyperfine -w 3 -p 'make' 'a' 'b'`)."""
    found = []
    i = 0
    while i < len(words):
        t = words[i].text
        option = read_option(words, i, runner.grammar)
        if option.name is None:
            if t != "--":
                found.append(words[i])
            i += 1
        elif option.name in runner.code:
            found.append(_value(words, i))
            i += 1 if "=" in t and t.startswith("--") else 2
        else:
            i = option.next
    return found
