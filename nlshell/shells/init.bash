# nlshell keybinding for bash. Load it from ~/.bashrc with:  eval "$(nlshell init bash)"
# @KEYNAME@ turns the request on the command line into a command, in place; it never runs it.
# Undo (Ctrl+_ or Ctrl+X Ctrl+U) brings your words back. Needs bash 4.0 or newer.

nlshell-widget() {
    if ((${BASH_VERSINFO[0]:-0} < 4)); then
        # READLINE_LINE, which the widget reads and writes, arrived in bash 4.0.
        printf 'nlshell: the keybinding needs bash 4.0 or newer (this is bash %s); run nlshell "..." instead\n' \
            "$BASH_VERSION" >&2
        return 0
    fi
    local line=$READLINE_LINE
    [[ $line == *[![:space:]]* ]] || return 0
    local out='' err='' rc=0 tmp=''
    tmp=$(command mktemp 2>/dev/null) || {
        printf 'nlshell: cannot create a temporary file (mktemp failed)\n' >&2
        return 0
    }
    # Ctrl+C stops nlshell but not this function, so the words stay on the line. One that comes
    # before nlshell has started is remembered, so nlshell is then not started at all.
    local saved_int interrupted=0
    saved_int=$(trap -p INT)
    trap 'interrupted=1' INT
    {
        # Unlinked at once, read back through fd 9: nothing is left behind, even on Ctrl+C.
        command rm -f -- "$tmp"
        # bash has just cleared the prompt line: the hint sits there until the answer comes.
        printf 'nlshell: thinking...' >&2
        ((interrupted)) || out=$(@NLSHELL@ --widget bash -- "$line" </dev/null 2>&8) || rc=$?
        IFS= read -r -d '' err <&9 || :
    } 8>"$tmp" 9<"$tmp"
    trap - INT
    ((interrupted && rc == 0)) && [[ -z $out ]] && rc=130
    [[ -z $saved_int ]] || eval "$saved_int"
    printf '\r\033[K' >&2
    err=${err%$'\n'}
    # A template: nlshell's last line says where its first placeholder starts, in characters.
    local point='' last=${err##*$'\n'}
    point=${last#nlshell-cursor:}
    if [[ $last == nlshell-cursor:* && -n $point && $point != *[!0-9]* ]]; then
        err=${err%"$last"}
        err=${err%$'\n'}
    else
        point=''
    fi
    if ((rc == 0)) && [[ -n $out ]]; then
        READLINE_LINE=$out
        # READLINE_POINT counts bytes: the end of the line, or the bytes before the placeholder.
        local before=$out
        [[ -z $point ]] || before=${out:0:point}
        local LC_ALL=C
        READLINE_POINT=${#before}
        [[ -z $err ]] || printf '%s\n' "$err" >&2
    elif ((rc != 130)); then
        # Generation failed: the words stay as typed, the reason goes above the prompt.
        printf '%s\n' "${err:-nlshell: no command came back (exit status $rc)}" >&2
    fi
    return 0
}

# @BIND-BEGIN
if [[ $- == *i* ]]; then
    bind -m emacs -x '"@KEY@": nlshell-widget'
    bind -m vi-insert -x '"@KEY@": nlshell-widget'
    bind -m vi-command -x '"@KEY@": nlshell-widget'
fi
# @BIND-END
