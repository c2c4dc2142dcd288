"""What the engine itself reports: code it could not look at, a rule that failed, and what the
words of a program nothing else knows say (`mytool --purge`, `heroku apps:destroy`)."""

from __future__ import annotations

import re

from nlshell.risk.book import Rule, unknown_program
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.shell.options import parse as parse_options
from nlshell.shell.patterns import lazy
from nlshell.shell.wrappers import WRAPPERS

RULES = [
    Rule("shell.too-deep", DANGEROUS, "the command is nested too deeply to check"),
    Rule("shell.too-many-values", DANGEROUS, "a word takes more values than can be checked"),
    Rule("shell.unparsed", DANGEROUS, "nlshell cannot fully analyse this command; read it carefully"),
    Rule("shell.check-failed", DANGEROUS, "nlshell could not check this command ({where} failed); read it carefully"),
    Rule("shell.delete-flag", CAUTION, "{tool} {flag} changes or deletes data"),
    Rule("shell.delete-word", CAUTION, "{tool} {word} may delete or destroy data"),
]

# Rules that no command can show: a rule that raises is a defect, so its test injects one
# (tests/test_rules.py::test_a_failing_rule_rates_dangerous_and_the_others_still_run).
WITHOUT_EXAMPLES = frozenset({"shell.check-failed"})

_DELETE_FLAG = lazy(r"^--(?:delete|remove|purge|wipe|erase|destroy|force-delete|prune|drop)(?:[-=]|$)")
# A subcommand word (`apps:destroy`, `remove-all`, `db:drop`) made of parts, one of which destroys.
_SUBCOMMAND = lazy(r"^[A-Za-z][A-Za-z0-9]*(?:[-_:.][A-Za-z0-9]+)*$")
_DESTROY_PARTS = frozenset(
    """
    delete destroy drop purge wipe erase remove rm del truncate nuke obliterate uninstall unregister deregister
    terminate reset flush flushall flushdb prune kill rmi rmdir shred zap
    """.split()
)
# Programs whose words are text, patterns, names or paths to read, never a subcommand.
_READS_WORDS = frozenset(
    """
    echo printf grep egrep fgrep rg ag ack sed awk cat less more most head tail man info help apropos whatis which
    type whereis locate wc sort uniq cut tr say espeak figlet toilet banner cowsay lolcat notify-send logger jq yq
    test [ [[ expr basename dirname realpath readlink stat file touch mkdir cd ls dir tree diff cmp comm join paste
    nl fmt fold column strings od hexdump xxd md5sum sha1sum sha256sum sha512sum cksum b2sum tput stty tldr cheat
    look spell aspell hunspell dict units bc dc date cal printenv getent host dig nslookup ping id groups finger
    fortune xdg-open open code vim vi nvim nano emacs micro subl gedit kate bat batcat glow pandoc alias read
    mapfile readarray hash sleep true false pushd popd dirs umask ulimit exit return shift getopts wait jobs bg fg
    trap local declare typeset export set readonly unset source . let test seq yes numfmt tac rev shuf zcat zless
    gpg ssh-keygen openssl base64 base32 iconv file mktemp history fc whoami hostname uname uptime lsblk df du free
    """.split()
)


@unknown_program
def what_its_words_say(ctx, cmd) -> None:
    """A program no rule knows is at least caution when its subcommand or an option says destroy."""
    name = cmd.name
    flag = next((a.text for a in cmd.args if a.literal and _DELETE_FLAG.match(a.text)), None)
    if flag:
        ctx.add("shell.delete-flag", cmd, tool=name, flag=flag.split("=")[0])
        return
    if name in _READS_WORDS or name in WRAPPERS:  # `command -v shred`: a wrapper asked about a program
        return
    for w in parse_options(cmd.args).operands[:3]:
        if not w.literal or not _SUBCOMMAND.match(w.text):
            break
        if any(part.lower() in _DESTROY_PARTS for part in re.split(r"[-_:.]", w.text)):
            ctx.add("shell.delete-word", cmd, tool=name, word=w.text)
            return


EXAMPLES = [
    ("eval eval eval eval eval eval eval eval eval ls", DANGEROUS, "shell.too-deep"),
    ("eval eval ls", SAFE, "not shell.too-deep"),
    ("rm -f x{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}", DANGEROUS, "shell.too-many-values"),
    ("rm -f x{a,b}{a,b}", CAUTION, "not shell.too-many-values"),
    ("for d in a b c; do rm -rf \"$d\"; done", CAUTION, "not shell.too-many-values"),
    # bash accepts what tree-sitter-bash cannot read: what the rules did not see is not cleared
    ("exec 3<>file", DANGEROUS, "shell.unparsed"),
    ("exec 3>file", CAUTION, "not shell.unparsed"),
    ("ls", SAFE, "not shell.check-failed"),
    ("mytool --delete old-entries", CAUTION, "shell.delete-flag"),
    ("mytool --list", SAFE, "not shell.delete-flag"),
    ("acme apps:destroy --app web", CAUTION, "shell.delete-word"),
    ("acmectl cluster delete staging", CAUTION, "shell.delete-word"),
    ("todo remove-all", CAUTION, "shell.delete-word"),
    ("acmectl show deleted-items", SAFE, "not shell.delete-word"),
    ("echo delete this", SAFE, "not shell.delete-word"),
    ("command -v shred", SAFE, "not shell.delete-word"),
    ("acmectl ./remove.txt", SAFE, "not shell.delete-word"),
]
