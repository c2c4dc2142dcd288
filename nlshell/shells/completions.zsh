#compdef nlshell
# nlshell completions for zsh. Load them from ~/.zshrc, after compinit, with:
#   eval "$(nlshell completions zsh)"
# or save them as _nlshell in a directory on $fpath (before compinit runs):
#   nlshell completions zsh > ~/.zfunc/_nlshell     # with fpath=(~/.zfunc $fpath) in ~/.zshrc

_nlshell_models() {
    # Never the network: the model list cached by `nlshell models`, or nothing.
    local -a ids
    ids=(${(f)"$(command nlshell models --cached-ids </dev/null 2>/dev/null)"})
    _wanted models expl 'model' compadd -a ids
}

_nlshell_keys() {
    local -a keys
    keys=(alt-k alt-j alt-enter ctrl-t ctrl-alt-k)
    _wanted keys expl 'key (alt-<key>, ctrl-<letter>, ctrl-alt-<letter>)' compadd -a keys
}

_nlshell() {
    local curcontext=$curcontext state state_descr line ret=1
    local -a subcommands
    typeset -A opt_args
    subcommands=(
        'history:commands run through nlshell'
        'completions:print the shell completion script'
        'explain:explain a command, part by part'
        'check:validate and rate a command offline'
        'guard:the pre-execution hook of coding agents (install, status)'
        'init:print the keybinding script'
        'models:list models'
        'auth:store, remove or show the API key'
        'config:show the settings and where they came from'
        'cache:clear the answer cache or show its stats'
    )
    _arguments -C -S -s \
        '(-p --print)'{-p,--print}'[print the command only; never run it]' \
        '(-y --yes)'{-y,--yes}'[run without asking (a dangerous command is refused)]' \
        '--json[print one JSON object; never run]' \
        '(-m --model)'{-m+,--model=}'[model for this call]:model:_nlshell_models' \
        '--no-cache[skip the cache lookup]' \
        '--offline[answer from the offline index and your history only]' \
        '--widget=[keybinding mode: print the text for the buffer]:shell:(bash zsh fish)' \
        '--quiet[no REPL banner]' \
        '--no-color[no colour]' \
        '(- *)--version[print the version]' \
        '(- *)'{-h,--help}'[show help]' \
        '1: :->first' \
        '*:: :->rest' && ret=0

    case $state in
        first)
            # A subcommand, or the first word of a request.
            _describe -t commands 'nlshell command' subcommands && ret=0
            ;;
        rest)
            curcontext=${curcontext%:*:*}:nlshell-$words[1]:
            case $words[1] in
                history)
                    _arguments \
                        '--json[print a JSON list]' \
                        '(-n --limit)'{-n+,--limit=}'[show the last N entries]:count' \
                        '1:action:(clear)' && ret=0
                    ;;
                completions)
                    _arguments '1:shell:(bash zsh fish)' && ret=0
                    ;;
                explain)
                    _arguments \
                        '(-m --model)'{-m+,--model=}'[model for this call]:model:_nlshell_models' \
                        '*:command:_files' && ret=0
                    ;;
                check)
                    _arguments \
                        '--json[print one JSON object]' \
                        '--preview[also say what it would touch here]' \
                        '--shell=[syntax to check]:shell:(bash zsh fish sh)' \
                        '*:command:_files' && ret=0
                    ;;
                guard)
                    _arguments \
                        '--format=[answer in this agent format]:agent:(claude-code cursor gemini)' \
                        '--project[the project settings file instead of yours]' \
                        '--json[print status as JSON]' \
                        '1:action:(install uninstall status)' \
                        '2:agent:(claude-code cursor)' && ret=0
                    ;;
                init)
                    _arguments \
                        '--key=[key to bind (default alt-k)]:key:_nlshell_keys' \
                        '--no-bind[define the widget only, bind nothing]' \
                        '1:shell:(bash zsh fish)' && ret=0
                    ;;
                models)
                    _arguments \
                        '--free[only free models]' \
                        '--json[print a JSON list]' \
                        '--refresh[ignore the cached list]' \
                        '1:search' && ret=0
                    ;;
                auth)
                    _arguments '1:action:(login logout status)' && ret=0
                    ;;
                config)
                    _arguments '--json[print a JSON object]' '1:action:(show path trust untrust)' \
                        '2:directory (trust, untrust):_files -/' && ret=0
                    ;;
                cache)
                    _arguments '--json[print stats as JSON]' '1:action:(clear stats)' && ret=0
                    ;;
                *)
                    # The words of a request: file names are often part of it.
                    _files && ret=0
                    ;;
            esac
            ;;
    esac
    return ret
}

if [[ ${funcstack[1]-} == _nlshell ]]; then
    # Autoloaded from $fpath: this file is the body of _nlshell, called to complete.
    _nlshell "$@"
elif (( $+functions[compdef] )); then
    compdef _nlshell nlshell
else
    print -u2 'nlshell: completions need the completion system: put autoload -Uz compinit && compinit before them in ~/.zshrc'
fi
