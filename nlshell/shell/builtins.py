"""Shell builtins and keywords: names every shell knows without a program on PATH."""

from __future__ import annotations

BASH_BUILTINS = frozenset(
    """
    . : [ [[ ]] alias bg bind break builtin caller cd command compgen complete compopt continue
    declare dirs disown echo enable eval exec exit export false fc fg getopts hash help history
    jobs kill let local logout mapfile popd printf pushd pwd read readarray readonly return set
    shift shopt source suspend test times trap true type typeset ulimit umask unalias unset wait
    if then else elif fi case esac for select while until do done in function time { } ! coproc
    """.split()
)

ZSH_EXTRAS = frozenset(
    """
    autoload bindkey bye cap chdir clone comparguments compcall compctl compdescribe compfiles
    compgroups compquote comptags comptry compvalues disable echotc echoti emulate float functions
    getcap getln integer limit log noglob print pushln r rehash sched setcap setopt stat unfunction
    unhash unlimit unsetopt vared whence where which zcompile zformat zftp zle zmodload zparseopts
    zprof zpty zregexparse zsocket zstyle ztcp repeat nocorrect foreach end
    """.split()
)

FISH_BUILTINS = frozenset(
    """
    . : [ _ abbr alias and argparse begin bg bind block break breakpoint builtin case cd command
    commandline complete contains continue count dirh dirs disown echo else emit end eval exec exit
    false fg fish_add_path fish_config fish_update_completions for funced funcsave function
    functions help history if isatty jobs math nextd not or path popd prevd printf pushd pwd
    random read realpath return set set_color source status string switch test time trap true type
    ulimit wait while vared open
    """.split()
)

SHELLS = frozenset(
    {"sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "fish", "csh", "tcsh", "rbash", "yash", "busybox-sh"}
)
