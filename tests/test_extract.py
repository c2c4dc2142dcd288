"""Extraction: every reply style models produce → one command, no command, or refused as hostile."""

from __future__ import annotations

import csv
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlshell.errors import EXIT_REFUSED, HostileTextError, NoCommandError
from nlshell.extract import NO_COMMAND_MARKER, extract_command, looks_like_command
from nlshell.text import hostile_characters, visible

FENCE = "```"

# (id, reply, command, a note that must be present or None for "no notes")
COMMANDS = [
    # bare
    ("bare", "ls -la", "ls -la", None),
    ("bare-newline", "ls -la\n", "ls -la", None),
    ("bare-crlf", "ls -la\r\n", "ls -la", None),
    ("bare-single-word", "pwd", "pwd", None),
    ("bare-padded", "\n\n   du -sh * | sort -h   \n\n", "du -sh * | sort -h", None),
    ("capitalised-program", "Rscript analysis.R", "Rscript analysis.R", None),
    ("camel-program", "VBoxManage list vms", "VBoxManage list vms", None),
    ("dot-slash", "./configure --prefix=/usr/local && make", "./configure --prefix=/usr/local && make", None),
    ("python-c", "python3 -c 'print(1)'", "python3 -c 'print(1)'", None),
    ("assignment-prefix", "LC_ALL=C sort words.txt", "LC_ALL=C sort words.txt", None),
    ("legacy-backticks", "echo `date`", "echo `date`", None),
    ("subshell", "(cd src && make)", "(cd src && make)", None),
    ("test-bracket", "[ -f .env ] && echo yes", "[ -f .env ] && echo yes", None),
    ("fork-bomb-still-a-command", ":(){ :|:& };:", ":(){ :|:& };:", None),
    ("echo-prose-args", "echo This is a test.", "echo This is a test.", None),
    ("trailing-comment-kept", "ls -la  # long listing", "ls -la  # long listing", None),
    # labels and echoed seed format
    ("label-output", "Output: ls -la", "ls -la", None),
    ("label-command-bold", "**Command:** `git status`", "git status", None),
    ("echoed-input", "Input: list files\nOutput: ls", "ls", None),
    ("label-own-line", "Command:\nfind . -name '*.py'", "find . -name '*.py'", None),
    # prompts
    ("dollar-prompt", "$ ls -la", "ls -la", None),
    ("percent-prompt", "% git log --oneline", "git log --oneline", None),
    ("arrow-prompt", "❯ npm test", "npm test", None),
    ("root-prompt", "# apt update", "apt update", None),
    ("user-host-prompt", "user@host:~/src$ make -j4", "make -j4", None),
    ("bare-session", "$ echo hi\nhi", "echo hi", None),
    # fences
    ("fence-bash", f"{FENCE}bash\nls -la\n{FENCE}", "ls -la", None),
    ("fence-sh", f"{FENCE}sh\nls -la\n{FENCE}", "ls -la", None),
    ("fence-shell", f"{FENCE}shell\nls -la\n{FENCE}", "ls -la", None),
    ("fence-zsh", f"{FENCE}zsh\nprint -l *(.)\n{FENCE}", "print -l *(.)", None),
    ("fence-fish", f"{FENCE}fish\nset -x EDITOR vim\n{FENCE}", "set -x EDITOR vim", None),
    ("fence-plain", f"{FENCE}\nls -la\n{FENCE}", "ls -la", None),
    ("fence-tilde", "~~~bash\nls -la\n~~~", "ls -la", None),
    ("fence-four-backticks", "````bash\nls -la\n````", "ls -la", None),
    ("fence-indented", f"1. Run:\n\n   {FENCE}bash\n   git pull\n   {FENCE}", "git pull", None),
    ("fence-unclosed", f"{FENCE}bash\ntar -xzf a.tgz", "tar -xzf a.tgz", None),
    ("fence-closed-on-line", f"{FENCE}bash\nls -la{FENCE}", "ls -la", None),
    ("one-line-triple", f"{FENCE}ls -la{FENCE}", "ls -la", None),
    ("one-line-triple-lang", f"{FENCE}bash ls -la{FENCE}", "ls -la", None),
    (
        "prose-around-fence",
        f"Sure! Here's the command:\n\n{FENCE}bash\nfind . -name '*.log' -mtime +7\n{FENCE}\n\n"
        "This finds log files older than a week.",
        "find . -name '*.log' -mtime +7",
        None,
    ),
    ("fence-with-comment", f"{FENCE}bash\n# list everything\nls -la\n{FENCE}", "ls -la", None),
    ("fence-with-dollar", f"{FENCE}bash\n$ df -h\n{FENCE}", "df -h", None),
    (
        "fence-console-output-dropped",
        f"{FENCE}console\n$ uname -r\n6.1.0-18-amd64\n{FENCE}",
        "uname -r",
        None,
    ),
    (
        "fence-console-two-commands",
        f"{FENCE}console\n$ cd /tmp\n$ ls\nfile1  file2\n{FENCE}",
        "cd /tmp\nls",
        None,
    ),
    (
        "fence-console-continuation",
        f"{FENCE}console\n$ docker run \\\n>   --rm alpine\nHello\n{FENCE}",
        "docker run \\\n  --rm alpine",
        None,
    ),
    (
        "several-blocks-first",
        f"Either:\n{FENCE}bash\nls -la\n{FENCE}\nor:\n{FENCE}bash\nls -lah\n{FENCE}",
        "ls -la",
        "the reply held 2 code blocks; using the first",
    ),
    (
        "several-blocks-skip-output",
        f"{FENCE}text\ntotal 0\n{FENCE}\n{FENCE}bash\nls -la\n{FENCE}",
        "ls -la",
        "using block 2",
    ),
    (
        "block-alternatives",
        f"{FENCE}bash\nls -la\n# or\nls -lah\n{FENCE}",
        "ls -la",
        "the code block offered alternatives; using the first",
    ),
    (
        "fence-beats-inline",
        f"Use `ls` like this:\n{FENCE}bash\nls -la --color=auto\n{FENCE}",
        "ls -la --color=auto",
        None,
    ),
    ("fence-json", f'{FENCE}json\n{{"command": "ls -la"}}\n{FENCE}', "ls -la", None),
    # deliberate scripts stay whole
    (
        "script-block",
        f"{FENCE}bash\nmkdir -p build\ncd build\ncmake ..\n{FENCE}",
        "mkdir -p build\ncd build\ncmake ..",
        None,
    ),
    ("bare-continuation", "tar -czf backup.tgz \\\n  ~/notes \\\n  ~/src", "tar -czf backup.tgz \\\n  ~/notes \\\n  ~/src", None),
    (
        "bare-heredoc-with-blank-line",
        "cat <<'EOF' > notes.txt\nfirst\n\nThis line is prose-looking but inside.\nEOF\n\nThis writes a file.",
        "cat <<'EOF' > notes.txt\nfirst\n\nThis line is prose-looking but inside.\nEOF",
        None,
    ),
    (
        "bare-for-loop",
        'for f in *.txt\ndo\n  mv "$f" "${f%.txt}.md"\ndone\n\nRenames every .txt file.',
        'for f in *.txt\ndo\n  mv "$f" "${f%.txt}.md"\ndone',
        None,
    ),
    ("bare-consecutive-commands", "git add -A\ngit commit -m 'wip'\ngit push", "git add -A\ngit commit -m 'wip'\ngit push", None),
    ("bare-then-output-label", "date +%F\nOutput: 2024-05-01", "date +%F", None),
    ("bare-if-block", "if [ -d .git ]; then\n  git pull\nfi", "if [ -d .git ]; then\n  git pull\nfi", None),
    ("bare-brace-group", "{\n  date\n  uptime\n} > status.txt", "{\n  date\n  uptime\n} > status.txt", None),
    ("bare-fish-block", "for f in *.txt\n  echo $f\nend", "for f in *.txt\n  echo $f\nend", None),
    ("bare-open-quote", "echo 'one\ntwo'", "echo 'one\ntwo'", None),
    ("bare-trailing-pipe", "ps aux |\n  grep ssh", "ps aux |\n  grep ssh", None),
    ("bare-leading-pipe", "ps aux\n  | grep ssh", "ps aux\n  | grep ssh", None),
    # prose before / after
    ("trailing-explanation", "ls -la\n\nThis lists all files, including hidden ones.", "ls -la", None),
    ("trailing-explanation-same-para", "ls -la\nThis lists all files.", "ls -la", None),
    ("prose-then-command", "Here is the command:\nls -la", "ls -la", None),
    ("prose-colon-command-same-line", "To list them with sizes, run: ls -lh", "ls -lh", None),
    ("the-command-is", "The command is: df -h /", "df -h /", None),
    ("hedge-then-inline", "I don't have access to your files, but `ls -la` will list them.", "ls -la", None),
    ("prose-para-then-command", "To see disk usage per folder, run\n\n    du -sh *\n\nin the directory.", "du -sh *", None),
    (
        "alternatives-bare",
        "ls -la\n\nor, for human-readable sizes:\n\nls -lah",
        "ls -la",
        "the reply offered more than one command; using the first",
    ),
    # inline backticks
    ("inline", "You can use `ls -la` to list files.", "ls -la", None),
    ("inline-whole-line", "`git status`", "git status", None),
    ("inline-double-backticks", "Run ``echo `date` `` now.", "echo `date`", None),
    ("inline-skip-mention", "Use the `find` command: `find . -type f -empty`", "find . -type f -empty", None),
    ("inline-one-word-offered", "Just run `pwd`.", "pwd", None),
    ("inline-skip-flag", "The `-h` flag prints sizes; try `df -h`.", "df -h", None),
    ("inline-first-of-several", "Use `du -sh .` or `ncdu`.", "du -sh .", None),
    ("inline-with-prompt", "Type `$ whoami` to see your user.", "whoami", None),
    ("quoted-whole-reply", '"ls -la"', "ls -la", None),
    # other wrappers
    ("json", '{"command": "ls -la", "explanation": "lists files"}', "ls -la", None),
    ("tag", "<command>ls -la</command>", "ls -la", None),
    ("refusal-then-fence", f"I can't run it for you, but:\n{FENCE}bash\nls -la\n{FENCE}", "ls -la", None),
    # reasoning
    ("think-then-bare", "<think>The user wants files.</think>\nls -la", "ls -la", None),
    ("think-multiline", "<think>\nmaybe `rm -rf /`?\nno.\n</think>\n\nls -la", "ls -la", None),
    ("thinking-tag", "<thinking>plan</thinking>ls", "ls", None),
    ("reasoning-tag", "<reasoning>plan</reasoning>\n```bash\nls\n```", "ls", None),
    ("think-uppercase", "<THINK>x</THINK>pwd", "pwd", None),
    ("think-close-only", "The user wants a listing, so ls.</think>\n\nls -la", "ls -la", None),
    ("think-with-hostile-inside-dropped", "<think>\x1b[31m</think>ls", "ls", None),
]


@pytest.mark.parametrize("reply, command, note", [c[1:] for c in COMMANDS], ids=[c[0] for c in COMMANDS])
def test_extracts_the_command(reply, command, note):
    result = extract_command(reply)
    assert result.command == command
    if note is None:
        assert result.notes == []
    else:
        assert any(note in n for n in result.notes), result.notes


def test_at_least_forty_reply_styles():
    assert len(COMMANDS) >= 40
    assert len({c[0] for c in COMMANDS}) == len(COMMANDS)


# (id, reply, text the person is shown)
NO_COMMAND = [
    ("empty", "", ""),
    ("blank", "  \n\t\n", ""),
    ("sorry", "I'm sorry, I can't help with that.", "I'm sorry, I can't help with that."),
    ("as-an-ai", "As an AI language model, I cannot execute commands.", "As an AI"),
    ("cannot", "I cannot assist with deleting system files.", "I cannot assist"),
    ("refusal-mentions-command", "I can't run `rm -rf /` for you; it would destroy the system.", "I can't run"),
    ("unfortunately-refusal", "Unfortunately, I can't run `shred` on your disk.", "Unfortunately"),
    ("warning-colon-is-not-a-cue", "Warning: deletes everything", "Warning"),
    ("apology-curly", "I’m sorry, but I don’t know that tool.", "I’m sorry"),
    ("pure-prose", "That depends on your distribution and what you want to achieve.", "That depends"),
    ("lowercase-prose", "lists all files including the hidden ones", "lists all files"),
    ("question-back", "Could you clarify which directory you mean?", "Could you clarify"),
    ("markdown-only", "## Steps\n\n- open the settings\n- click *Save*", "## Steps"),
    ("comment-only", "# List all files in the directory", "# List all files"),
    ("bullet-options", "- `-l`: long format\n- `-a`: all files", "- `-l`"),
    ("other-language-block", f"{FENCE}python\nprint('hello')\n{FENCE}", "print('hello')"),
    ("marker", f"{NO_COMMAND_MARKER} that is a cooking question, not a shell task.", "that is a cooking question"),
    ("marker-after-label", f"Output: {NO_COMMAND_MARKER} not a shell task", "not a shell task"),
    ("only-think", "<think>I should list the files with ls -la</think>", "<think>"),
    ("unclosed-think", "<think>\nThe user wants ls -la, but first", "<think>"),
    ("unclosed-think-after-text", "Sure.\n<think>ls -la", "Sure."),
    ("one-word-span-not-offered", "Print the result to `stdout` as JSON.", "Print the result"),
]


@pytest.mark.parametrize("reply, shown", [c[1:] for c in NO_COMMAND], ids=[c[0] for c in NO_COMMAND])
def test_no_command(reply, shown):
    with pytest.raises(NoCommandError) as caught:
        extract_command(reply)
    assert caught.value.exit_code == EXIT_REFUSED
    assert shown in caught.value.reply_text


def test_cut_off_reasoning_says_why():
    with pytest.raises(NoCommandError) as caught:
        extract_command("<think>Let me consider the options")
    assert "reasoning" in caught.value.hint


def test_reasoning_shown_when_nothing_else_is_made_visible():
    with pytest.raises(NoCommandError) as caught:
        extract_command("<think>colour \x1b[31m</think>")
    assert "\x1b" not in caught.value.reply_text
    assert "\\x1b[31m" in caught.value.reply_text


def test_marker_hint_says_not_a_shell_task():
    with pytest.raises(NoCommandError) as caught:
        extract_command(f"{NO_COMMAND_MARKER} I only write shell commands.")
    assert caught.value.reply_text == "I only write shell commands."
    assert "not a shell task" in caught.value.hint


# (id, reply, escapes named, in order of first appearance)
HOSTILE = [
    ("sgr-colour", "\x1b[31mls -la\x1b[0m", ["\\x1b"]),
    ("csi-erase-line", "rm -rf ~\x1b[2K\x1b[1Gls", ["\\x1b"]),
    ("osc8-hyperlink", "\x1b]8;;http://evil.example\x1b\\ls\x1b]8;;\x1b\\", ["\\x1b"]),
    ("osc52-clipboard", "ls\x1b]52;c;cm0gLXJmIH4=\x07", ["\\x1b", "\\x07"]),
    ("cr-overwrite", "rm -rf ~\r echo hi", ["\\x0d"]),
    ("cr-at-end", "ls -la\r", ["\\x0d"]),
    ("backspace", "rm -rf ~\x08\x08\x08\x08\x08\x08\x08\x08ls", ["\\x08"]),
    ("bidi-rlo", "ls \u202e-la", ["U+202E"]),
    ("bidi-isolate", "echo \u2066x\u2069", ["U+2066", "U+2069"]),
    ("rlm", "ls\u200f -la", ["U+200F"]),
    ("zero-width-space", "r\u200bm -rf ~", ["U+200B"]),
    ("zero-width-joiner", "l\u200ds", ["U+200D"]),
    ("word-joiner", "ls\u2060", ["U+2060"]),
    ("bom", "\ufeffls -la", ["U+FEFF"]),
    ("mongolian-vowel-separator", "ls\u180e", ["U+180E"]),
    ("arabic-letter-mark", "ls\u061c", ["U+061C"]),
    ("nul", "ls\x00 -la", ["\\x00"]),
    ("del", "ls\x7f", ["\\x7f"]),
    ("c1-csi", "\x9b31mls", ["\\x9b"]),
    ("tag-characters", "ls\U000e0072\U000e006d", ["U+E0072", "U+E006D"]),
    ("hostile-in-prose-too", "ls -la\n\nThis \x1b[1mlists\x1b[0m files.", ["\\x1b"]),
    ("hostile-in-fence", f"Here:\n{FENCE}bash\nls\x1b[8m; rm -rf ~\n{FENCE}", ["\\x1b"]),
    ("hostile-in-json-escape", '{"command": "ls\\u001b[31m"}', ["\\x1b"]),
    ("several-distinct-once", "\x1b\x1b\r\x1b\u202e", ["\\x1b", "\\x0d", "U+202E"]),
]


@pytest.mark.parametrize("reply, found", [c[1:] for c in HOSTILE], ids=[c[0] for c in HOSTILE])
def test_hostile_text_is_refused(reply, found):
    with pytest.raises(HostileTextError) as caught:
        extract_command(reply)
    assert caught.value.found == found
    assert caught.value.exit_code == EXIT_REFUSED
    assert not hostile_characters(str(caught.value))  # the message itself is safe to print


VISIBLE = [
    ("plain", "ls -la", "ls -la"),
    ("tab-newline-kept", "a\tb\nc", "a\tb\nc"),
    ("esc", "\x1b[31mred", "\\x1b[31mred"),
    ("cr", "a\rb", "a\\x0db"),
    ("nul-del-c1", "\x00\x7f\x9b", "\\x00\\x7f\\x9b"),
    ("bidi", "a\u202eb", "aU+202Eb"),
    ("zero-width", "a\u200bb", "aU+200Bb"),
    ("astral-tag", "\U000e0041", "U+E0041"),
    ("unicode-text-kept", "café – naïve ✓ 日本", "café – naïve ✓ 日本"),
]


@pytest.mark.parametrize("text, shown", [c[1:] for c in VISIBLE], ids=[c[0] for c in VISIBLE])
def test_visible(text, shown):
    assert visible(text) == shown
    assert not hostile_characters(visible(text))


def test_hostile_table_covers_every_control_and_format_character():
    """Every Unicode control (but tab and newline), format character and line/paragraph
    separator is hostile, so the table cannot silently miss a new invisible character."""
    missing = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char in "\t\n":
            continue
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") and not hostile_characters(char):
            missing.append(f"U+{code:04X}")
    assert missing == []
    assert hostile_characters("\t\n") == []


LOOKS = [
    ("ls -la", True),
    ("git commit -m 'Fix the thing.'", True),
    ("sudo systemctl restart nginx", True),
    ("FOO=1 BAR='a b' env", True),
    ("$(which python3) -V", True),
    ("~/bin/deploy --dry-run", True),
    ("path/to/tool --help", True),
    ("Projucer --help", True),
    ("((i++))", True),
    ("<input.txt xargs -n1 echo", True),
    (". ~/.bashrc", True),
    ("Here is the command:", False),
    ("This lists all files.", False),
    ("Use -l for a long listing.", False),
    ("Note: requires root", False),
    ("ERROR: no such file", False),
    ("1. Open a terminal", False),
    ("- `-a` shows hidden files", False),
    ("[the docs](https://example.com)", False),
    ("print('hello')", False),
    ("make sure it is installed first", False),
    ("find all the files in the folder /tmp which are empty", False),
]


@pytest.mark.parametrize("line, expected", LOOKS, ids=[c[0] for c in LOOKS])
def test_looks_like_command(line, expected):
    assert looks_like_command(line) is expected


_PIECES = ["`", "```", "~~~", "$ ", "# ", "> ", "\n", "\r\n", "<think>", "</think>", "\\", "'", '"',
           "<<EOF", "EOF", "for x in a", "do", "done", "{", "}", "(", ")", "|", "&&", "ls -la", "Here is ",
           "Output: ", '{"command": "', NO_COMMAND_MARKER, " "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.characters(), st.sampled_from(_PIECES)), max_size=80).map("".join))
def test_any_text_gives_a_clean_command_or_a_typed_refusal(text):
    try:
        result = extract_command(text)
    except (NoCommandError, HostileTextError):
        return
    assert result.command
    assert result.command == result.command.strip()
    assert hostile_characters(result.command) == []
    assert all(isinstance(n, str) for n in result.notes)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_visible_never_leaves_a_hostile_character(text):
    assert hostile_characters(visible(text)) == []


# -- public corpora --------------------------------------------------------------------------------
def _tldr_rows(bench_data):
    with open(bench_data / "tldr" / "examples.tsv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.slow
def test_tldr_commands_come_back_unchanged(bench_data):
    """A bare reply that is a real command is returned as it is, never altered."""
    # Key-press notation, history expansion and job specs in tldr are not shell commands.
    rows = [r for r in _tldr_rows(bench_data) if "\n" not in r["command_filled"]]
    changed, refused = [], []
    for row in rows:
        command = row["command_filled"]
        if command[:1] in "<!%^,":
            continue
        try:
            got = extract_command(command).command
        except NoCommandError:
            refused.append(command)
            continue
        if got != command.strip():
            changed.append((command, got))
    assert changed == []
    assert len(refused) / len(rows) < 0.01, refused[:20]


@pytest.mark.slow
def test_tldr_descriptions_are_prose(bench_data):
    """Plain sentences (tldr's descriptions, no code spans) are never taken for a command."""
    taken = []
    for row in _tldr_rows(bench_data):
        text = row["description"]
        if "`" in text:
            continue
        try:
            taken.append((text, extract_command(text).command))
        except NoCommandError:
            pass
    assert len(taken) <= 5, taken
