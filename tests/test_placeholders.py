"""Unfilled placeholders: found in templates, never in real shell that merely looks like one."""

from __future__ import annotations

import csv
import re

import pytest

from nlshell.placeholders import find, next_after, problem


def texts(command: str, shell: str = "bash") -> list[str]:
    return [p.text for p in find(command, shell)]


@pytest.mark.parametrize(
    "command, expected",
    [
        # tldr's {{…}}, also inside quotes, after `$` and with alternatives.
        ("wc -l {{path/to/file}}", ["{{path/to/file}}"]),
        ('git commit -m "{{message}}"', ["{{message}}"]),
        ("cp {{source}} {{dest}}", ["{{source}}", "{{dest}}"]),
        ("echo ${{VARIABLE}}", ["{{VARIABLE}}"]),
        ("ls {{[-a|--all]}}", ["{{[-a|--all]}}"]),
        ("conan install {{.}}", ["{{.}}"]),
        ("kitty --title {{title}}", ["{{title}}"]),
        ("touch {{path/to/file{1..10}}}", ["{{path/to/file{1..10}}}"]),
        ("echo '{{{i} {v}}}'", ["{{{i} {v}}}"]),
        # <file> style, unquoted.
        ("cat <file>", ["<file>"]),
        ("cp <source> <destination>", ["<source>", "<destination>"]),
        ("ssh <user>@<host>", ["<user>", "<host>"]),
        ("tar -czf <archive>.tgz <path/to/dir>", ["<archive>", "<path/to/dir>"]),
        ("grep -r --include=<glob> foo .", ["<glob>"]),
        # <…> in quotes only when it says so.
        ('curl -H "Authorization: Bearer <your-api-key>" https://x', ["<your-api-key>"]),
        ('curl -H "Authorization: Bearer <token>" https://x', ["<token>"]),
        # Capitals the system prompt asks for.
        ("wc -l FILE", ["FILE"]),
        ("ssh USER@HOST", ["USER", "HOST"]),
        ("kill -9 PID", ["PID"]),
        ("diff FILE1 FILE2", ["FILE1", "FILE2"]),
        ("curl -o OUTPUT_FILE URL", ["OUTPUT_FILE", "URL"]),
        ("docker logs CONTAINER_ID", ["CONTAINER_ID"]),
        ("dd if=FILE of=/dev/null", ["FILE"]),
        ("gcc --output=FILE0 main.c", ["FILE0"]),
        ("git push origin BRANCH", ["BRANCH"]),
        ("cd /srv/DIR && ls", ["DIR"]),
        ('curl -H "X-Key: YOUR_API_KEY" https://x', ["YOUR_API_KEY"]),
        ("sed -i 's/OLD/NEW/g' FILE", ["FILE"]),  # the quoted expression is data
        ("echo $(cat FILE)", ["FILE"]),  # code inside $( )
        ('echo "$(cat FILE)"', ["FILE"]),  # code inside $( ) inside quotes
        ("sudo -u USER whoami", ["USER"]),
    ],
)
def test_placeholders_are_found(command, expected):
    assert texts(command) == expected


@pytest.mark.parametrize(
    "command",
    [
        # Redirections and heredocs.
        "diff <(ls a) <(ls b)",
        "sort < input.txt > output.txt",
        "sort <in.txt >out.txt",
        "cat <in.txt>out.txt",
        "wc -l <<< 'some text'",
        "cat <<EOF > page.html\n<html><body>FILE {{name}} <file></body></html>\nEOF",
        "cat <<-'END' > notes\n\tUSER {{x}}\n\tEND",
        "exec 3<>file",
        "cmd 2>&1 >log.txt",
        # Variables: references, assignments, declarations, loop names.
        "echo $HOME $USER ${FILE} $PATH",
        "PATH=/opt/bin:$PATH make",
        "export PATH",
        "export -n VARIABLE",
        "unset FILE",
        "read -r NAME",
        "for FILE in *.txt; do wc -l \"$FILE\"; done",
        "set -x PATH $PATH /usr/local/bin",  # fish
        "env -u USER printenv",
        "make CFLAGS=-O2 PREFIX=/usr",
        # Quoted data.
        'echo "FILE not found"',
        "grep 'USER' /etc/passwd",
        'grep "<div>" page.html',
        "echo '<html>' > index.html",
        "docker ps --format '{{.Names}}'",
        'docker inspect -f "{{.State.Running}}" web',
        'docker ps --format "{{json .}}"',
        "kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}'",
        "ansible all -m debug -a 'msg={{ inventory_hostname }}'",
        "echo '${{ secrets.TOKEN }}'",
        "printf '%s\\n' \\{\\{x\\}\\}",
        # Real capitals.
        "git reset --soft HEAD~1",
        "git checkout ORIG_HEAD",
        "tr a-z A-Z < in.txt",
        "kill -s TERM 1234",
        "kill -HUP 1234",
        "curl -X POST https://example.com",
        "iptables -A INPUT -p tcp --dport 22 -j ACCEPT",
        "lsblk -o NAME,SIZE,MOUNTPOINT",
        "lsblk -o PATH",
        "findmnt -o TARGET",
        "xprop -root WM_NAME",
        "wine reg export HKEY_CURRENT_USER out.reg",
        "blkid -s UUID -o value /dev/sda1",
        "R CMD check pkg",
        "date +%Y-%m-%d",
        "patator ftp_login user=FILE0 password=FILE1",
        "cmake -D CMAKE_BUILD_TYPE=Release .",
        "medusa -m USER-AGENT:x",
        "bq cp dataset.OLD_TABLE dataset.new",
        "ls  # see FILE and {{x}}",
        # From NL2Bash: brace expansion, xargs's replace strings, the name of a variable grepped for.
        "echo -e {{a..n},ñ,{o..z}}",
        "find . -name '*.txt' | xargs --replace=FILE sed -i 's/a/b/' FILE",
        "find . -print0 | xargs -0 -I FILES grep -l foo FILES",
        "env | sort | grep PATH",
        "env | grep ^USER",
        "ld --verbose | grep SEARCH_DIR",
        "find /home/me/ARCHIVE/. -name x",
        "gh secret set API_KEY",
        "cat README.md LICENSE",
        "echo done",
    ],
)
def test_real_shell_is_not_a_placeholder(command):
    assert texts(command) == []


def test_fish_quotes_and_escapes():
    assert texts("echo 'it\\'s FILE'", "fish") == []
    assert texts("cat FILE", "fish") == ["FILE"]


def test_positions_and_the_next_one():
    command = "cp {{source}} <dest>"
    found = find(command)
    assert [(p.start, p.end) for p in found] == [(3, 13), (14, 20)]
    assert command[found[1].start : found[1].end] == "<dest>"
    assert next_after(command, 0) == found[0]
    assert next_after(command, 4) == found[1]
    assert next_after(command, 15) == found[0]  # wraps round
    assert next_after("ls -la", 0) is None


def test_problem_names_the_placeholders():
    assert problem(find("wc -l {{path/to/file}}")) == "not runnable until you fill in the placeholder {{path/to/file}}"
    assert problem(find("cp FILE FILE <dest>")) == "not runnable until you fill in the placeholders FILE, <dest>"


def test_nested_and_broken_input_never_fails():
    for command in ["'", '"', "$(", "`", "<<", "<<EOF", "{{", "}}", "{{}}", "$'\\", "((((", "))))", "a\\"]:
        assert isinstance(find(command), list)


# tldr's filled commands are the placeholders' own words put in (`{{path/to/file}}` → path/to/file):
# real shell. These rows keep placeholder text that still reads as one, each with its reason.
FILLED_EXCEPTIONS = {
    "ag --ignore-case --only-matching STRING": "tldr wrote STRING unbraced: a placeholder",
    "procs --or PID|command|user 41 firefox": "filled from {{PID|command|user}}",
    "resolvconf -a IFACE.PROG": "filled from {{IFACE.PROG}}",
    'reuse annotate --copyright "your_name <your_email>" --fallback-dot-license path/to/file': "filled from {{your_name <your_email>}}",
    "flatpak remote-info --commit COMMIT remote_name com.example.app": "filled from {{COMMIT}}",
    "flatpak update --commit COMMIT com.example.app": "filled from {{COMMIT}}",
    "uuid -v 5 ns:DNS|URL|OID|X500 object_name": "uuid's ns:URL is real syntax: a known false positive",
    "wpctl set-mute @DEFAULT_SINK|SOURCE@ 1|0|toggle": "filled from @DEFAULT_{{SINK|SOURCE}}@",
}
# Templates whose braces are not placeholders.
TEMPLATE_EXCEPTIONS = {
    'docker buildx du --format "table {{.ID}}    {{.Description}}"': "a Go template in quotes",
    'docker buildx ls --format "{{.NAME}}: {{.DriverEndpoint}}"': "a Go template in quotes",
    'fd --format "\\{\\{{}\\}\\}"': "escaped braces",
    "#!/{{path/to/tcc}} -run": "a comment (shebang line)",
}
# tldr shows keys pressed inside a program as <q>, <Enter>, <Ctrl r>: not shell commands.
KEYS = re.compile(
    r"<(?:[A-Za-z0-9]|F\d+|Arrow\w+|Space|Enter|Esc|Tab|(?:Ctrl|Alt|Shift)[ \w]*|Backspace|Delete|Home|End"
    r"|PageUp|PageDown|[:/!?*+.,=-])>"
)


def test_tldr_corpus(bench_data):
    """Every tldr template's {{…}} is found; no filled command is flagged but the listed rows."""
    with open(bench_data / "tldr" / "examples.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert len(rows) > 29_000
    shell = [r for r in rows if not KEYS.search(r["command_filled"])]
    flagged = {r["command_filled"] for r in shell if find(r["command_filled"])}
    missed = {r["command"] for r in shell if "{{" in r["command"] and not find(r["command"])}
    assert flagged == set(FILLED_EXCEPTIONS)
    assert missed == set(TEMPLATE_EXCEPTIONS)
