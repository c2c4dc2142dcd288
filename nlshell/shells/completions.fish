# nlshell completions for fish. Save them where fish finds them:
#   nlshell completions fish > ~/.config/fish/completions/nlshell.fish
# or load them for this session with:  nlshell completions fish | source

complete -c nlshell -e

# Subcommands: offered only as the first word (any other first word starts a request).
set -l __nlshell_subcommands history completions explain check guard init models auth config cache
set -l __nlshell_first __fish_use_subcommand
complete -c nlshell -n "$__nlshell_first" -f -a history -d 'Commands run through nlshell'
complete -c nlshell -n "$__nlshell_first" -f -a completions -d 'Print the shell completion script'
complete -c nlshell -n "$__nlshell_first" -f -a explain -d 'Explain a command, part by part'
complete -c nlshell -n "$__nlshell_first" -f -a check -d 'Validate and rate a command offline'
complete -c nlshell -n "$__nlshell_first" -f -a guard -d 'The pre-execution hook of coding agents'
complete -c nlshell -n "$__nlshell_first" -f -a init -d 'Print the keybinding script'
complete -c nlshell -n "$__nlshell_first" -f -a models -d 'List models'
complete -c nlshell -n "$__nlshell_first" -f -a auth -d 'Store, remove or show the API key'
complete -c nlshell -n "$__nlshell_first" -f -a config -d 'Show the settings and where they came from'
complete -c nlshell -n "$__nlshell_first" -f -a cache -d 'Clear the answer cache or show its stats'

# Options for a request (before any subcommand).
set -l __nlshell_request "not __fish_seen_subcommand_from $__nlshell_subcommands"
complete -c nlshell -n "$__nlshell_request" -s p -l print -d 'Print the command only; never run it'
complete -c nlshell -n "$__nlshell_request" -s y -l yes -d 'Run without asking (a dangerous command is refused)'
complete -c nlshell -n "$__nlshell_request" -l json -d 'Print one JSON object; never run'
# Model ids never come from the network here: the list cached by `nlshell models`, or nothing.
complete -c nlshell -n "$__nlshell_request; or __fish_seen_subcommand_from explain" -s m -l model -x \
    -a '(command nlshell models --cached-ids </dev/null 2>/dev/null)' -d 'Model for this call'
complete -c nlshell -n "$__nlshell_request" -l no-cache -d 'Skip the cache lookup'
complete -c nlshell -n "$__nlshell_request" -l offline -d 'Answer from the offline index and your history only'
complete -c nlshell -n "$__nlshell_request" -l widget -x -a 'bash zsh fish' -d 'Keybinding mode: print the text for the buffer'
complete -c nlshell -n "$__nlshell_request" -l quiet -d 'No REPL banner'
complete -c nlshell -n "$__nlshell_request" -l no-color -d 'No colour'
complete -c nlshell -n "$__nlshell_request" -l version -d 'Print the version'
complete -c nlshell -s h -l help -d 'Show help'

# Subcommands' own words and options.
complete -c nlshell -n '__fish_seen_subcommand_from history' -f -a clear -d 'Forget everything'
complete -c nlshell -n '__fish_seen_subcommand_from history' -l json -d 'Print a JSON list'
complete -c nlshell -n '__fish_seen_subcommand_from history' -s n -l limit -x -d 'Show the last N entries'
complete -c nlshell -n '__fish_seen_subcommand_from completions init' -f -a 'bash zsh fish'
complete -c nlshell -n '__fish_seen_subcommand_from init' -l key -x -a 'alt-k alt-j alt-enter ctrl-t ctrl-alt-k' \
    -d 'Key to bind: alt-<key>, ctrl-<letter>, ctrl-alt-<letter>'
complete -c nlshell -n '__fish_seen_subcommand_from init' -l no-bind -d 'Define the widget only, bind nothing'
complete -c nlshell -n '__fish_seen_subcommand_from check' -l json -d 'Print one JSON object'
complete -c nlshell -n '__fish_seen_subcommand_from check' -l preview -d 'Also say what it would touch here'
complete -c nlshell -n '__fish_seen_subcommand_from check' -l shell -x -a 'bash zsh fish sh' -d 'Syntax to check'
complete -c nlshell -n '__fish_seen_subcommand_from guard' -f -a 'install uninstall status claude-code cursor'
complete -c nlshell -n '__fish_seen_subcommand_from guard' -l format -x -a 'claude-code cursor gemini' \
    -d 'Answer in this agent format'
complete -c nlshell -n '__fish_seen_subcommand_from guard' -l project -d 'The project settings file instead of yours'
complete -c nlshell -n '__fish_seen_subcommand_from guard' -l json -d 'Print status as JSON'
complete -c nlshell -n '__fish_seen_subcommand_from models' -l free -d 'Only free models'
complete -c nlshell -n '__fish_seen_subcommand_from models' -l json -d 'Print a JSON list'
complete -c nlshell -n '__fish_seen_subcommand_from models' -l refresh -d 'Ignore the cached list'
complete -c nlshell -n '__fish_seen_subcommand_from auth' -f -a 'login logout status'
complete -c nlshell -n '__fish_seen_subcommand_from config; and not __fish_seen_subcommand_from show path trust untrust' -f -a 'show path trust untrust'
complete -c nlshell -n '__fish_seen_subcommand_from trust untrust' -f -a '(__fish_complete_directories)'
complete -c nlshell -n '__fish_seen_subcommand_from config' -l json -d 'Print a JSON object'
complete -c nlshell -n '__fish_seen_subcommand_from cache' -f -a 'clear stats'
complete -c nlshell -n '__fish_seen_subcommand_from cache' -l json -d 'Print stats as JSON'
