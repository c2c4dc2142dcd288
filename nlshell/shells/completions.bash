# nlshell completions for bash. Load them from ~/.bashrc with:  eval "$(nlshell completions bash)"
# or save them where bash-completion looks:
#   nlshell completions bash > ~/.local/share/bash-completion/completions/nlshell

# Offer the candidates (whole words) that start with $1. Bash splits the word being completed at
# the COMP_WORDBREAKS characters `:` and `=` (as in `--model=qwen/qwen3-coder:free`), so the
# replies drop what comes before the last of those.
_nlshell_reply() {
    local cur=$1 pre='' c i w
    shift
    for ((i = ${#cur} - 1; i >= 0; i--)); do
        c=${cur:i:1}
        if [[ ($c == : || $c == =) && $COMP_WORDBREAKS == *"$c"* ]]; then
            pre=${cur:0:i+1}
            break
        fi
    done
    COMPREPLY=()
    for w in "$@"; do
        [[ $w == "$cur"* ]] && COMPREPLY+=("${w#"$pre"}")
    done
    return 0
}

_nlshell_values() {
    local id
    case $1 in
        -m | --model)
            # Never the network: the model list cached by `nlshell models`, or nothing.
            while IFS= read -r id; do
                [[ -n $id ]] && printf '%s\n' "$id"
            done < <(command nlshell models --cached-ids </dev/null 2>/dev/null)
            ;;
        --widget) printf '%s\n' bash zsh fish ;;
        --shell) printf '%s\n' bash zsh fish sh ;;
        --key) printf '%s\n' alt-k alt-j alt-enter ctrl-t ctrl-alt-k ;;
        --format) printf '%s\n' claude-code cursor gemini ;;
    esac
}

_nlshell() {
    COMPREPLY=()
    # The words up to the cursor, split at blanks: enough for a tool whose values hold no spaces.
    local line=${COMP_LINE:0:COMP_POINT}
    local -a words=()
    read -r -a words <<<"$line"
    local cur=''
    if [[ $line != *[[:space:]] && ${#words[@]} -gt 1 ]]; then
        cur=${words[${#words[@]} - 1]}
        unset "words[${#words[@]}-1]"
    fi
    local prev=${words[${#words[@]} - 1]}

    # The subcommand: the first word that is neither a flag nor a flag's value.
    local sub='' i w request=''
    for ((i = 1; i < ${#words[@]}; i++)); do
        w=${words[i]}
        case $w in
            --) request=1; break ;;
            -m | --model | --widget) ((i++)) ;;
            -*) ;;
            *) sub=$w; break ;;
        esac
    done
    [[ -z $request ]] || return 0

    local -a values=()
    case $prev in
        -m | --model | --widget | --shell | --key | --format)
            mapfile -t values < <(_nlshell_values "$prev")
            _nlshell_reply "$cur" "${values[@]}"
            return 0
            ;;
        -n | --limit) return 0 ;;
    esac
    case $cur in
        --model=* | --widget=* | --shell=* | --key=* | --format=*)
            mapfile -t values < <(_nlshell_values "${cur%%=*}")
            _nlshell_reply "$cur" "${values[@]/#/${cur%%=*}=}"
            return 0
            ;;
    esac

    local -a candidates=()
    case $sub in
        '')
            if [[ $cur == -* ]]; then
                candidates=(-p --print -y --yes --json -m --model --no-cache --offline --widget
                    --quiet --no-color --version -h --help)
            else
                candidates=(history completions explain check guard init models auth config cache)
            fi
            ;;
        history) candidates=(clear --json -n --limit -h --help) ;;
        completions) candidates=(bash zsh fish -h --help) ;;
        # The words of explain and check are a command: only flags, else file names.
        explain) [[ $cur == -* ]] && candidates=(-m --model -h --help) ;;
        check) [[ $cur == -* ]] && candidates=(--json --preview --shell -h --help) ;;
        guard) candidates=(install uninstall status claude-code cursor --format --project --json -h --help) ;;
        init) candidates=(bash zsh fish --key --no-bind -h --help) ;;
        models) candidates=(--free --json --refresh -h --help) ;;
        auth) candidates=(login logout status -h --help) ;;
        config)
            # trust/untrust take a directory: bash's own file names
            [[ $prev == trust || $prev == untrust ]] && return 0
            candidates=(show path trust untrust --json -h --help)
            ;;
        cache) candidates=(clear stats --json -h --help) ;;
        *) return 0 ;; # words of a request: bash falls back to file names
    esac
    _nlshell_reply "$cur" "${candidates[@]}"
}

complete -o default -F _nlshell nlshell
