# nlshell keybinding for fish. Load it from ~/.config/fish/config.fish with:  nlshell init fish | source
# @KEYNAME@ turns the request on the command line into a command, in place; it never runs it.
# Undo (Ctrl+Z or Ctrl+_) brings your words back.

function nlshell-widget --description 'Turn the request on the command line into a command (nlshell)'
    set -l line (commandline -b | string collect)
    string match -qr '\S' -- "$line"; or return 0
    set -l tmp (command mktemp 2>/dev/null)
    if test -z "$tmp"
        printf '\r\e[K%s\n' 'nlshell: cannot create a temporary file (mktemp failed)' >&2
        commandline -f repaint
        return 0
    end
    # fish repaints only after a binding returns, so the hint goes on the line below, like
    # zsh's zle -M, and is wiped before the repaint.
    printf '\n%s' 'nlshell: thinking...' >&2
    # A SIGINT handler stops fish from cancelling this function on Ctrl+C: nlshell stops, the
    # function goes on, and the words stay on the line.
    function __nlshell_on_interrupt --on-signal SIGINT
    end
    set -l out (@NLSHELL@ --widget fish -- "$line" </dev/null 2>$tmp)
    set -l rc $status
    set -l err (string collect <$tmp)
    command rm -f -- $tmp
    functions -e __nlshell_on_interrupt
    printf '\r\e[K\e[A' >&2
    set out (string join \n -- $out | string collect)
    # A template: nlshell's last line says where its first placeholder starts, in characters.
    set -l point (string length -- $out)
    set -l lines (string split \n -- "$err")
    if string match -qr '^nlshell-cursor:\d+$' -- "$lines[-1]"
        set point (string replace 'nlshell-cursor:' '' -- $lines[-1])
        set err (string join \n -- $lines[1..-2] | string collect)
    end
    if test $rc -eq 0 -a -n "$out"
        commandline -r -- $out
        commandline -C $point
        if test -n "$err"
            # Above the prompt: clear the prompt line, say it, and fish redraws below.
            printf '\r\e[K%s\n' $err >&2
        end
    else if test $rc -ne 130
        # Generation failed: the words stay as typed, the reason goes above the prompt.
        test -n "$err"; or set err "nlshell: no command came back (exit status $rc)"
        printf '\r\e[K%s\n' $err >&2
    end
    commandline -f repaint
end

# @BIND-BEGIN
# fish 4 names keys (alt-k); fish 3 takes the characters the terminal sends (\ek).
if string match -qr '^[0-3]\.' -- $FISH_VERSION
    bind -M default @KEY_FISH3@ nlshell-widget
    bind -M insert @KEY_FISH3@ nlshell-widget
else
    bind -M default @KEY_FISH4@ nlshell-widget
    bind -M insert @KEY_FISH4@ nlshell-widget
end
# @BIND-END
