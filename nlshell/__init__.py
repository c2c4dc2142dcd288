"""nlshell: natural language in, a shell command out — shown, checked, confirmed, then run."""

# The one place the version lives: read by `--version` and by the build (pyproject's dynamic
# version), so the start-up path never needs importlib.metadata.
__version__ = "0.1.0"
