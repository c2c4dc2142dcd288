# nlshell keybinding for zsh. Load it from ~/.zshrc with:  eval "$(nlshell init zsh)"
# @KEYNAME@ turns the request on the command line into a command, in place; it never runs it.
# Undo (Ctrl+_ in emacs mode, u in vi command mode) brings your words back.

# A dangerous command comes back disabled as `# command`: with this option `#` starts a comment
# at the prompt too, so Enter runs nothing.
setopt interactive_comments

nlshell-widget() {
    emulate -L zsh  # also makes the trap below local to this call
    # Ctrl+C stops nlshell but not this widget, so the words stay on the line. One that comes before
    # nlshell has started is remembered, so nlshell is then not started at all.
    local -i interrupted=0
    trap 'interrupted=1' INT
    local line=$BUFFER
    [[ $line == *[^[:space:]]* ]] || return 0
    local out='' err='' tmp=''
    local -i rc=0
    tmp=$(command mktemp 2>/dev/null) || {
        zle -M 'nlshell: cannot create a temporary file (mktemp failed)'
        return 0
    }
    {
        # Unlinked at once, read back through fd 9: nothing is left behind, even on Ctrl+C.
        command rm -f -- $tmp
        zle -M 'nlshell: thinking...'
        zle -R
        ((interrupted)) || { out=$(@NLSHELL@ --widget zsh -- $line </dev/null 2>&8) || rc=$? }
        IFS= read -r -d '' err <&9 || :
    } 8>$tmp 9<$tmp
    ((interrupted && rc == 0)) && [[ -z $out ]] && rc=130
    err=${err%$'\n'}
    # A template: nlshell's last line says where its first placeholder starts, in characters.
    local point='' last=${err##*$'\n'}
    if [[ $last == nlshell-cursor:<-> ]]; then
        point=${last#nlshell-cursor:}
        err=${err%$last}
        err=${err%$'\n'}
    fi
    if ((rc == 0)) && [[ -n $out ]]; then
        # One assignment in one widget call: a single step for undo. split-undo (zsh 5.1+) keeps
        # it apart from the typing before it, which vi insert mode would otherwise merge into it.
        zle split-undo 2>/dev/null
        BUFFER=$out
        CURSOR=${point:-$#BUFFER}
        zle -M -- "$err"
    elif ((rc == 130)); then
        zle -M ''
    else
        # Generation failed: the words stay as typed, the reason shows under the line.
        zle -M -- "${err:-nlshell: no command came back (exit status $rc)}"
    fi
    return 0
}
zle -N nlshell-widget

# @BIND-BEGIN
bindkey -M emacs '@KEY@' nlshell-widget
bindkey -M viins '@KEY@' nlshell-widget
bindkey -M vicmd '@KEY@' nlshell-widget
# @BIND-END
