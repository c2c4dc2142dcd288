"""The shell scripts as text and as code: key spellings, rendering, syntax, and the widget's logic.

The widget logic is exercised without a terminal: bash's widget only reads and writes
READLINE_LINE, and zsh's `zle` and fish's `commandline` are stood in for by shell functions, with a
stub program in place of nlshell. The real keypress against the real CLI is tests/test_keybinding.py.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from nlshell import shells
from nlshell.errors import UsageError

SHELLS = ("bash", "zsh", "fish")
SYNTAX_CHECK = {"bash": ["bash", "-n"], "zsh": ["zsh", "-n"], "fish": ["fish", "--no-execute"]}


def need(shell: str) -> str:
    """The shell's binary; a missing one skips locally and fails under CI."""
    path = shutil.which(shell)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{shell} is not installed (CI must have it)")
        pytest.skip(f"{shell} is not installed")
    return path


def syntax_ok(shell: str, text: str, tmp_path: Path) -> None:
    need(shell)
    script = tmp_path / f"script.{shell}"
    script.write_text(text)
    proc = subprocess.run([*SYNTAX_CHECK[shell], str(script)], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, f"{shell} rejects the script:\n{proc.stderr}\n---\n{text}"


# -- keys --------------------------------------------------------------------------------------
KEYS = [
    # spec, name, bash, zsh, fish 3, fish 4
    (None, "Alt+K", r"\ek", "^[k", r"\ek", "alt-k"),
    ("alt-k", "Alt+K", r"\ek", "^[k", r"\ek", "alt-k"),
    ("Alt+K", "Alt+K", r"\ek", "^[k", r"\ek", "alt-k"),
    ("meta-j", "Alt+J", r"\ej", "^[j", r"\ej", "alt-j"),
    ("alt-7", "Alt+7", r"\e7", "^[7", r"\e7", "alt-7"),
    ("alt-enter", "Alt+Enter", r"\e\C-m", "^[^M", r"\e\r", "alt-enter"),
    ("alt-space", "Alt+Space", r"\e ", "^[ ", r"\e\x20", "alt-space"),
    ("ctrl-t", "Ctrl+T", r"\C-t", "^T", r"\ct", "ctrl-t"),
    ("CTRL+X", "Ctrl+X", r"\C-x", "^X", r"\cx", "ctrl-x"),
    ("ctrl-alt-k", "Ctrl+Alt+K", r"\e\C-k", "^[^K", r"\e\ck", "ctrl-alt-k"),
    ("alt-ctrl-k", "Ctrl+Alt+K", r"\e\C-k", "^[^K", r"\e\ck", "ctrl-alt-k"),
    ("control-alt-m", "Ctrl+Alt+M", r"\e\C-m", "^[^M", r"\e\cm", "ctrl-alt-m"),
]


@pytest.mark.parametrize("spec,name,bash,zsh,fish3,fish4", KEYS)
def test_key_spellings(spec, name, bash, zsh, fish3, fish4):
    key = shells.parse_key(spec)
    assert (key.name, key.bash(), key.zsh(), key.fish3(), key.fish4()) == (name, bash, zsh, fish3, fish4)


BAD_KEYS = [
    ("k", "plain key"),
    ("", "use alt-"),
    ("f5", "use alt-"),
    ("shift-k", "use alt-"),
    ("alt-alt-k", "use alt-"),
    ("alt-", "use alt-"),
    ("alt-f1", "use alt-"),
    ("alt-é", "use alt-"),
    ("ctrl-1", "Ctrl goes with a letter"),
    ("ctrl-enter", "Ctrl goes with a letter"),
    ("ctrl-c", "interrupts"),
    ("ctrl-m", "Enter"),
    ("ctrl-j", "Enter"),
    ("ctrl-i", "Tab"),
    ("ctrl-z", "suspends"),
    ("ctrl-s", "flow control"),
    ("alt-k-", "use alt-"),
]


@pytest.mark.parametrize("spec,says", BAD_KEYS)
def test_bad_keys_are_usage_errors_naming_the_forms(spec, says):
    with pytest.raises(UsageError) as info:
        shells.parse_key(spec)
    text = str(info.value)
    assert says in text
    assert repr(spec) in text
    assert info.value.exit_code == 2


def test_render_rejects_a_bad_key_before_printing_anything():
    with pytest.raises(UsageError, match="alt-<key>"):
        shells.render_init("bash", key="f5")


@pytest.mark.parametrize("render", [shells.render_init, shells.render_completions])
@pytest.mark.parametrize("shell", ["sh", "tcsh", "", "BASH", "../init"])
def test_unknown_shell_is_a_usage_error(render, shell):
    with pytest.raises(UsageError, match="bash, zsh or fish"):
        render(shell)


# -- rendering ---------------------------------------------------------------------------------
@pytest.mark.parametrize("shell", SHELLS)
def test_rendered_init_has_no_placeholders_left(shell):
    for bind in (True, False):
        text = shells.render_init(shell, bind=bind, exe="/opt/nl shell/bin/nlshell")
        for marker in ("@NLSHELL@", "@KEY@", "@KEY_FISH3@", "@KEY_FISH4@", "@KEYNAME@", "@BIND-"):
            assert marker not in text, (shell, bind, marker)


BIND_LINES = {
    "bash": [
        "bind -m emacs -x '\"\\C-t\": nlshell-widget'",
        "bind -m vi-insert -x '\"\\C-t\": nlshell-widget'",
        "bind -m vi-command -x '\"\\C-t\": nlshell-widget'",
    ],
    "zsh": [
        "bindkey -M emacs '^T' nlshell-widget",
        "bindkey -M viins '^T' nlshell-widget",
        "bindkey -M vicmd '^T' nlshell-widget",
    ],
    "fish": [
        "bind -M default \\ct nlshell-widget",
        "bind -M insert \\ct nlshell-widget",
        "bind -M default ctrl-t nlshell-widget",
        "bind -M insert ctrl-t nlshell-widget",
    ],
}


@pytest.mark.parametrize("shell", SHELLS)
def test_binding_in_every_keymap_and_none_with_no_bind(shell):
    bound = shells.render_init(shell, key="ctrl-t")
    for line in BIND_LINES[shell]:
        assert line in bound, f"{line!r} missing from:\n{bound}"
    unbound = shells.render_init(shell, key="ctrl-t", bind=False)
    assert "nlshell-widget" in unbound  # the widget is still defined
    for line in BIND_LINES[shell]:
        assert line not in unbound
    for word in ("bind -", "bindkey"):
        assert word not in unbound


def test_zsh_turns_on_interactive_comments():
    # A disabled dangerous command is `# ...`: zsh must read it as a comment, not a command.
    for bind in (True, False):
        assert "setopt interactive_comments" in shells.render_init("zsh", bind=bind)


@pytest.mark.parametrize("shell", SHELLS)
def test_the_widget_calls_nlshell_with_double_dash_and_no_stdin(shell):
    text = shells.render_init(shell)
    assert f"command nlshell --widget {shell} -- " in text
    assert "</dev/null" in text


EXES = ["/usr/local/bin/nlshell", "/opt/my tools/nlshell", "/tmp/it's/nlshell", "/tmp/back\\slash/$HOME/`x`"]


@pytest.mark.parametrize("exe", EXES)
@pytest.mark.parametrize("shell", SHELLS)
def test_rendered_init_parses(shell, exe, tmp_path):
    for key in (None, "ctrl-t", "ctrl-alt-k", "alt-enter", "alt-space", "alt-7"):
        syntax_ok(shell, shells.render_init(shell, key=key, exe=exe), tmp_path)
    syntax_ok(shell, shells.render_init(shell, bind=False, exe=exe), tmp_path)


@pytest.mark.parametrize("shell", SHELLS)
def test_rendered_completions_parse(shell, tmp_path):
    syntax_ok(shell, shells.render_completions(shell), tmp_path)


def test_rendering_is_stdlib_only_and_reads_no_resources_module():
    # `nlshell init` runs at every shell start: no heavy import may ride along.
    # Measured against what the interpreter had already loaded (an editable install's finder
    # brings pathlib along before any of our code runs).
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import nlshell.shells as s\n"
        "for sh in ('bash', 'zsh', 'fish'):\n"
        "    s.render_init(sh); s.render_completions(sh)\n"
        "heavy = {'httpx', 'prompt_toolkit', 'keyring', 'tenacity', 'dotenv', 'tree_sitter', 'argparse',\n"
        "         'importlib.resources', 'importlib.metadata', 'pathlib', 'dataclasses', 'logging',\n"
        "         'typing', 'json', 'tomllib', 're'}\n"
        "new = set(sys.modules) - before\n"
        "print(sorted(m for m in new if m in heavy or m.split('.')[0] in heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


# -- the widget's logic, without a terminal ------------------------------------------------------
STUB = r"""#!/bin/sh
# Stands in for nlshell: records its arguments and stdin, answers by the request.
printf '%s\n' "$@" > "$STUB_LOG"
if [ -t 0 ] || ! [ -e /dev/stdin ]; then echo tty > "$STUB_LOG.stdin"; else cat > "$STUB_LOG.stdin"; fi
case "$4" in
  "list all files") echo "ls -la" ;;
  "wipe") echo "nlshell: dangerous: deletes everything here — disabled with '# '" >&2; printf '# rm -rf ./*\n' ;;
  "two lines") printf 'echo one\necho two\n' ;;
  "accents") echo 'echo "héllo wörld"' ;;
  "template") echo 'nlshell: not runnable until you fill in the placeholder {{file}}' >&2
              echo 'nlshell-cursor:13' >&2; echo 'echo "héllo" {{file}} > out' ;;
  "quiet failure") exit 1 ;;
  *) echo "nlshell: the server failed (HTTP 500) — try again later" >&2; exit 1 ;;
esac
"""


@pytest.fixture
def stub(tmp_path):
    """A stub nlshell in a directory whose name needs quoting, and its argument log."""
    folder = tmp_path / "it's a dir"
    folder.mkdir()
    exe = folder / "nlshell"
    exe.write_text(STUB)
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    log = tmp_path / "args.log"
    return exe, log


# Each driver sets the buffer, calls the widget like the key would, and prints the buffer and
# cursor between markers; the shell's editor commands are stand-in functions where needed.
DRIVERS = {
    "bash": (
        ["bash", "--norc", "--noprofile", "-c"],
        'eval "$INIT"; READLINE_LINE=$BUF; READLINE_POINT=0; nlshell-widget; '
        'printf "<<%s>>%s\\n" "$READLINE_LINE" "$READLINE_POINT"',
    ),
    "zsh": (
        ["zsh", "-f", "-c"],
        'zle() { print -r -- "zle $*" >&2; }; bindkey() { :; }; eval "$INIT"; '
        "BUFFER=$BUF; CURSOR=0; nlshell-widget; "
        'print -r -- "<<$BUFFER>>$CURSOR"',
    ),
    "fish": (
        ["fish", "--no-config", "-c"],
        "function commandline; "
        "  if contains -- -b $argv; printf '%s\\n' $__buf; "
        "  else if contains -- -r $argv; set -g __buf $argv[-1]; "
        "  else if contains -- -C $argv; set -g __cursor $argv[-1]; "
        "  else; echo \"commandline $argv\" >&2; end; "
        "end; "
        "set -g __buf $BUF; set -g __cursor 0; "
        'echo $INIT | source; nlshell-widget; printf "<<%s>>%s\\n" "$__buf" $__cursor',
    ),
}


def run_widget(shell: str, buffer: str, exe: Path, log: Path) -> tuple[str, int, str]:
    need(shell)
    argv, driver = DRIVERS[shell]
    env = dict(os.environ, INIT=shells.render_init(shell, exe=str(exe)), BUF=buffer, STUB_LOG=str(log))
    env["LC_ALL"] = "C.UTF-8"
    # Typed-ahead input on stdin: the widget must not let nlshell read it.
    proc = subprocess.run([*argv, driver], input="typed ahead\n", capture_output=True, text=True, env=env, timeout=30)
    out = proc.stdout
    assert "<<" in out and ">>" in out, f"driver failed: {proc!r}"
    line = out[out.rindex("<<") + 2 : out.rindex(">>")]
    cursor = int(out[out.rindex(">>") + 2 :].strip())
    return line, cursor, proc.stderr


@pytest.mark.parametrize("shell", SHELLS)
def test_widget_replaces_the_buffer_with_the_command_cursor_at_end(shell, stub):
    exe, log = stub
    line, cursor, err = run_widget(shell, "list all files", exe, log)
    assert line == "ls -la"
    assert cursor == len("ls -la")
    assert log.read_text().splitlines() == ["--widget", shell, "--", "list all files"]
    assert log.with_name("args.log.stdin").read_text() == ""  # stdin was /dev/null, not the terminal
    assert "thinking" in err  # the waiting hint


@pytest.mark.parametrize("shell", SHELLS)
def test_widget_cursor_lands_after_multibyte_text(shell, stub):
    exe, log = stub
    line, cursor, _ = run_widget(shell, "accents", exe, log)
    assert line == 'echo "héllo wörld"'
    # bash counts bytes here and clamps to the end; zsh and fish count characters.
    assert cursor >= len(line)


@pytest.mark.parametrize("shell", SHELLS)
def test_widget_puts_the_cursor_on_a_templates_first_placeholder(shell, stub):
    exe, log = stub
    line, cursor, err = run_widget(shell, "template", exe, log)
    assert line == 'echo "héllo" {{file}} > out'
    before = 'echo "héllo" '
    # bash counts bytes, zsh and fish characters: either way, just before `{{file}}`.
    assert cursor == (len(before.encode()) if shell == "bash" else len(before))
    assert "not runnable until you fill in the placeholder {{file}}" in err
    assert "nlshell-cursor" not in err  # the script's own line is not shown


@pytest.mark.parametrize("shell", SHELLS)
def test_widget_keeps_a_multiline_command_whole(shell, stub):
    exe, log = stub
    line, _, _ = run_widget(shell, "two lines", exe, log)
    assert line == "echo one\necho two"


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("buffer", ["", "   ", "\t"])
def test_widget_does_nothing_on_an_empty_buffer(shell, buffer, stub):
    exe, log = stub
    line, _, err = run_widget(shell, buffer, exe, log)
    assert line == buffer
    assert not log.exists()  # nlshell was not even called
    assert "thinking" not in err


@pytest.mark.parametrize("shell", SHELLS)
def test_widget_failure_keeps_the_words_and_shows_the_error(shell, stub):
    exe, log = stub
    line, _, err = run_widget(shell, "find the thing", exe, log)
    assert line == "find the thing"
    assert "nlshell: the server failed (HTTP 500) — try again later" in err


@pytest.mark.parametrize("shell", SHELLS)
def test_widget_failure_without_a_message_still_says_something(shell, stub):
    exe, log = stub
    line, _, err = run_widget(shell, "quiet failure", exe, log)
    assert line == "quiet failure"
    assert "no command came back (exit status 1)" in err


@pytest.mark.parametrize("shell", SHELLS)
def test_widget_puts_a_disabled_dangerous_command_and_shows_why(shell, stub):
    exe, log = stub
    line, _, err = run_widget(shell, "wipe", exe, log)
    assert line == "# rm -rf ./*"
    assert "dangerous" in err


@pytest.mark.parametrize("shell", SHELLS)
def test_widget_passes_a_request_starting_like_a_subcommand_or_flag(shell, stub):
    exe, log = stub
    for request in ("history of my commands", "--help me", "it's $HOME `x` \\ *"):
        run_widget(shell, request, exe, log)
        assert log.read_text().splitlines()[2:] == ["--", request]


def test_bash_widget_explains_itself_on_bash_3(stub):
    # macOS still ships bash 3.2: READLINE_LINE does not exist there. Pretend to be it.
    need("bash")
    exe, log = stub
    script = shells.render_init("bash", exe=str(exe))
    # BASH_VERSINFO is read-only: run a copy of the function that reads the major version elsewhere.
    driver = (
        'eval "$INIT"; eval "$(declare -f nlshell-widget | sed "s/BASH_VERSINFO\\[0\\]:-0/FAKE_MAJOR/")"; '
        "FAKE_MAJOR=3; BASH_VERSION=3.2.57; READLINE_LINE='list all files'; nlshell-widget; "
        'printf "<<%s>>" "$READLINE_LINE"'
    )
    proc = subprocess.run(
        ["bash", "--norc", "-c", driver],
        capture_output=True,
        text=True,
        env=dict(os.environ, INIT=script, STUB_LOG=str(log)),
        timeout=30,
    )
    assert "<<list all files>>" in proc.stdout
    assert "needs bash 4.0 or newer (this is bash 3.2.57)" in proc.stderr
    assert not log.exists()


# -- completions ---------------------------------------------------------------------------------
MODELS_STUB = "#!/bin/sh\n[ \"$1 $2\" = 'models --cached-ids' ] && printf '%s\\n' qwen/qwen3-coder:free openai/gpt-4o-mini qwen/qwen3-8b\n"


@pytest.fixture
def models_path(tmp_path):
    """PATH with a stub nlshell that answers `models --cached-ids` from a fixed list."""
    folder = tmp_path / "stubbin"
    folder.mkdir()
    exe = folder / "nlshell"
    exe.write_text(MODELS_STUB)
    exe.chmod(0o755)
    return f"{folder}{os.pathsep}{os.environ['PATH']}"


BASH_COMPLETIONS = [
    ("nlshell ", "history completions explain check guard init models auth config cache"),
    ("nlshell in", "init"),
    ("nlshell guard ", "install uninstall status claude-code cursor --format --project --json -h --help"),
    ("nlshell guard --format ", "claude-code cursor gemini"),
    ("nlshell guard --format=cu", "cursor"),
    ("nlshell --no", "--no-cache --no-color"),
    ("nlshell init ", "bash zsh fish --key --no-bind -h --help"),
    ("nlshell init zsh --key ", "alt-k alt-j alt-enter ctrl-t ctrl-alt-k"),
    ("nlshell --widget ", "bash zsh fish"),
    ("nlshell check --shell ", "bash zsh fish sh"),
    ("nlshell check --p", "--preview"),
    ("nlshell -m ", "qwen/qwen3-coder:free openai/gpt-4o-mini qwen/qwen3-8b"),
    ("nlshell -m qwen/", "qwen/qwen3-coder:free qwen/qwen3-8b"),
    # Bash completes only the part after `:` and `=` (COMP_WORDBREAKS): so do the replies.
    ("nlshell -m qwen/qwen3-coder:", "free"),
    ("nlshell --model=open", "openai/gpt-4o-mini"),
    ("nlshell -p -m qwen/qwen3-8b con", "config"),
    ("nlshell list all ", ""),
    ("nlshell -- init ", ""),
    ("nlshell check rm", ""),
    ("nlshell auth l", "login logout"),
]


@pytest.mark.parametrize("line,expected", BASH_COMPLETIONS)
def test_bash_completions(line, expected, models_path):
    need("bash")
    driver = (
        'eval "$COMPLETIONS"; COMP_LINE=$LINE; COMP_POINT=${#LINE}; _nlshell; '
        'printf "<<%s>>" "${COMPREPLY[*]}"; complete -p nlshell'
    )
    env = dict(os.environ, COMPLETIONS=shells.render_completions("bash"), LINE=line, PATH=models_path)
    proc = subprocess.run(["bash", "--norc", "-c", driver], capture_output=True, text=True, env=env, timeout=30)
    assert f"<<{expected}>>" in proc.stdout, proc
    assert "complete -o default -F _nlshell nlshell" in proc.stdout


FISH_COMPLETIONS = [
    ("nlshell in", {"init"}),
    ("nlshell ", {"history", "completions", "explain", "check", "guard", "init", "models", "auth", "config", "cache"}),
    ("nlshell guard ", {"install", "uninstall", "status", "claude-code", "cursor"}),
    ("nlshell guard --format ", {"claude-code", "cursor", "gemini"}),
    ("nlshell --wid", {"--widget"}),
    ("nlshell --widget ", {"bash", "zsh", "fish"}),
    ("nlshell init ", {"bash", "zsh", "fish"}),
    ("nlshell init fish --k", {"--key"}),
    ("nlshell -m ", {"qwen/qwen3-coder:free", "openai/gpt-4o-mini", "qwen/qwen3-8b"}),
    ("nlshell auth ", {"login", "logout", "status"}),
    ("nlshell cache ", {"clear", "stats"}),
    ("nlshell check --pr", {"--preview"}),
]


@pytest.mark.parametrize("line,expected", FISH_COMPLETIONS)
def test_fish_completions(line, expected, models_path):
    need("fish")
    env = dict(os.environ, COMPLETIONS=shells.render_completions("fish"), LINE=line, PATH=models_path)
    proc = subprocess.run(
        ["fish", "--no-config", "-c", 'echo $COMPLETIONS | source; complete -C"$LINE"'],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )
    got = {row.split("\t")[0] for row in proc.stdout.splitlines()}
    assert got == expected, proc


def test_zsh_completions_register_only_with_the_completion_system():
    need("zsh")
    script = shells.render_completions("zsh")
    assert script.startswith("#compdef nlshell\n")  # also works saved as _nlshell on $fpath
    without = subprocess.run(
        ["zsh", "-f", "-c", 'eval "$C"'], capture_output=True, text=True, env=dict(os.environ, C=script), timeout=30
    )
    assert without.returncode == 0
    assert "compinit" in without.stderr
    with_compinit = subprocess.run(
        ["zsh", "-f", "-c", 'autoload -Uz compinit && compinit -D; eval "$C"; print -r -- $_comps[nlshell]'],
        capture_output=True,
        text=True,
        env=dict(os.environ, C=script),
        timeout=30,
    )
    assert with_compinit.stdout.strip() == "_nlshell", with_compinit


def _cli_surface() -> dict[str, set[str]]:
    """Every subcommand and its long options, from the CLI's flag table (tests/test_docs.py holds
    the table to what --help shows)."""
    from nlshell.cli.flags import REQUEST, SUBCOMMAND_FLAGS

    tables = {"": REQUEST, **SUBCOMMAND_FLAGS}
    return {sub: {n for f in table if not f.hidden for n in f.names if n.startswith("--")}
            for sub, table in tables.items()}


@pytest.mark.parametrize("shell", SHELLS)
def test_completions_cover_every_subcommand_and_flag_of_the_cli(shell):
    from nlshell.cli.flags import SUBCOMMANDS

    script = shells.render_completions(shell)
    surface = _cli_surface()
    missing = [sub for sub in SUBCOMMANDS if sub not in script]
    for sub, flags in surface.items():
        for flag in flags:
            spelled = flag if shell != "fish" else f"-l {flag[2:]}"
            if spelled not in script:
                missing.append(f"{sub or 'nlshell'} {flag}")
    for flag in _flags_with_choices():
        if " ".join(flag.allowed()) not in script:  # what the option's value may be, in the table's order
            missing.append(f"the values of {flag.names[-1]}")
    assert not missing, f"{shell} completions miss: {missing}"


def _flags_with_choices() -> list:
    from nlshell.cli.flags import REQUEST, SUBCOMMAND_FLAGS

    return [f for table in (REQUEST, *SUBCOMMAND_FLAGS.values()) for f in table if f.choices]
