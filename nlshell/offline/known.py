"""What the offline ranking knows about programs: builtins, the standard tools, suites' own subcommands."""

from __future__ import annotations

import os

from nlshell.shell.builtins import BASH_BUILTINS

# Shell builtins and keywords count as installed: `which` cannot see them, every shell has them.
BUILTINS = BASH_BUILTINS

# The standard tools: POSIX utilities and the base packages of every Linux distribution (GNU
# coreutils, findutils, diffutils, grep, sed, gawk, tar, gzip, procps-ng, util-linux, psmisc,
# iproute2, iputils, shadow). When a niche tool's example reads like a standard tool's (`xzdiff`: "Compare
# two files"), the standard tool is the better first answer. The lists are the packages', not ours.
CORE = frozenset(
    """
    admin alias ar at awk basename batch bc bg cal cat cd chgrp chmod chown cksum cmp comm command
    compress cp crontab csplit cut date dd df diff dirname du echo ed env ex expand expr false fc
    fg file find fold fuser getconf getopts grep hash head iconv id ipcrm ipcs jobs join kill lex
    link ln locale logger logname lp ls m4 mailx make man mesg mkdir mkfifo more mv newgrp nice nl
    nm nohup od paste patch pathchk pax pr printf ps pwd read renice rm rmdir sed sh sleep sort split
    strings strip stty tabs tail talk tee test time touch tput tr true tsort tty type ulimit umask
    unalias uname uncompress unexpand uniq unlink uudecode uuencode vi wait wc who write xargs yacc
    zcat
    arch b2sum base32 base64 basenc chcon chroot cksum dir dircolors du factor fmt groups hostid
    install md5sum mknod mktemp nproc numfmt pinky printenv ptx readlink realpath runcon seq sha1sum
    sha224sum sha256sum sha384sum sha512sum shred shuf stat stdbuf sum sync tac timeout truncate
    users vdir whoami yes
    locate updatedb cmp diff3 sdiff egrep fgrep gawk tar gzip gunzip zgrep zless zmore znew
    free kill pgrep pidof pkill pmap ps pwdx skill slabtop snice sysctl tload top uptime vmstat w watch
    agetty blkid blockdev cal chfn chrt chsh col colrm column dmesg eject fallocate fdisk findfs
    findmnt flock fsck getopt hexdump hwclock ionice ipcmk kill last lastb logger look losetup lsblk
    lscpu lsipc lslocks lslogins lsmem lsns mcookie mesg mkfs mkswap more mount mountpoint namei
    nsenter partx prlimit rename renice rev script setsid sfdisk su swapoff swapon taskset ul umount
    uuidgen wall whereis wipefs
    killall peekfd prtstat pstree
    ip ss bridge tc ping tracepath arping
    useradd userdel usermod groupadd groupdel groupmod passwd chage gpasswd chpasswd
    """.split()
)

# A suite's own subcommands, from its documentation (git: `git help -a`, Documentation/command-list.txt).
# tldr also documents add-ons (git-extras' `git magic`, `git bug`): they are rarely installed and
# never the standard answer, so a request that does not name them gets the suite's own command.
SUITE_COMMANDS = {
    "git": frozenset(
        """
        add am archive bisect branch bundle checkout cherry-pick citool clean clone commit describe diff
        fetch format-patch gc gitk grep gui init log maintenance merge mv notes pull push range-diff
        rebase reset restore revert rm scalar shortlog show sparse-checkout stash status submodule
        switch tag worktree config fast-export fast-import filter-branch mergetool pack-refs prune
        reflog remote repack replace annotate blame bugreport count-objects diagnose difftool fsck help
        instaweb merge-tree rerere show-branch verify-commit verify-tag version whatchanged archimport
        cvsexportcommit cvsimport cvsserver imap-send p4 quiltimport request-pull send-email svn apply
        checkout-index commit-graph commit-tree hash-object index-pack merge-file merge-index mktag
        mktree multi-pack-index pack-objects prune-packed read-tree replay symbolic-ref
        unpack-objects update-index update-ref write-tree cat-file cherry diff-files diff-index
        diff-tree for-each-ref for-each-repo get-tar-commit-id ls-files ls-remote ls-tree merge-base
        name-rev pack-redundant rev-list rev-parse show-index show-ref unpack-file var verify-pack
        daemon fetch-pack http-backend send-pack update-server-info check-attr check-ignore
        check-mailmap check-ref-format column credential credential-cache credential-store
        fmt-merge-msg hook interpret-trailers mailinfo mailsplit merge-one-file patch-id stripspace
        """.split()
    ),
}


def path_names() -> frozenset[str]:
    """The names in the PATH directories, one listing each and nothing else read: a program not
    among them is not installed, without the stat of every directory `which` makes to say so."""
    names: set[str] = set()
    for directory in os.environ.get("PATH", os.defpath).split(os.pathsep):
        try:
            names.update(os.listdir(directory or "."))
        except OSError:
            continue
    return frozenset(names)

# Programs that do the same job on different systems: where one of a group is installed, the
# others are answers for another machine ("update all my packages" is apt on Debian, not yum).
ALTERNATIVES = tuple(
    frozenset(group.split())
    for group in (
        "apt apt-get aptitude yum dnf zypper pacman apk xbps-install emerge eopkg pkg brew port",
        "systemctl service rc-service sv initctl launchctl",
        "ufw firewall-cmd",
    )
)
