"""One module per subcommand, each with `run(argv, global_args) -> exit code`; `request` is the
path of a request (one-shot, or the REPL when there is none).

Handlers are a few lines in the core's terms: they parse their words, ask the core, and print.
"""
