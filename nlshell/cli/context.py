"""What a command needs from the core: the settings (its flags over the config) and a pipeline."""

from __future__ import annotations


def settings(args):
    """The effective settings; `-m/--model` and `--no-color` from `args` win over everything else."""
    from nlshell import config

    loaded = config.load({"model": getattr(args, "model", None)})
    if getattr(args, "no_color", False):
        loaded.set("color", False, "flag")
    return loaded


def pipeline(settings):
    """The core's request → checked suggestion machinery, saying its warnings and waits here."""
    from nlshell.console import notice, warn
    from nlshell.pipeline import Pipeline

    return Pipeline(settings, warn=warn, notice=notice)
