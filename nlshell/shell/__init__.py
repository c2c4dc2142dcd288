"""Shell knowledge, written once: the parsed-command model, wrappers, interpreters, builtins and
each tool's option grammar. Imports nothing else of nlshell's, so validation and risk rating can
both build on it without knowing each other."""
