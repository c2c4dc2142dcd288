"""After the menu: execute, remember, forget — one step shared by the one-shot CLI and the REPL.

Memory is written here and nowhere else, by one rule: every run is recorded with its exit status
(the history is what really ran), and only a command that was valid, ran and exited 0 may answer
its request again — marked as edited when the person wrote or changed it, and never for a
follow-up or a revision, whose words mean little without the conversation. Declining a suggestion
(abort, revise) evicts it from the cache, and a remembered one stops answering by itself; the
record of what ran is never deleted.
"""

from __future__ import annotations

import os

from nlshell.errors import EXIT_INTERRUPTED, EXIT_OK


class Session:
    """What happens to a suggestion once the person has decided. Prints nothing, asks nothing."""

    def __init__(self, pipeline) -> None:
        self.pipeline = pipeline

    def settle(self, shown, decision) -> int:
        """Carry out a menu decision about `shown` (the first suggestion); returns the exit code."""
        if decision.action == "copy":
            return EXIT_OK
        if decision.action == "execute":
            return self.run(decision.suggestion or shown, decision.command)
        self.decline(shown)
        return EXIT_INTERRUPTED

    def run(self, suggestion, command: str) -> int:
        """Run a confirmed command in the user's shell, record it, and return its exit status."""
        from nlshell.run import run_command

        status = run_command(command, shell=self.pipeline.settings.shell_path())
        self.remember(suggestion, command, status)
        return status

    def remember(self, suggestion, command: str, status: int | None) -> None:
        memory = self.pipeline.memory
        if memory is None:
            return
        valid = getattr(suggestion, "valid", None) is True and suggestion.command == command
        memory.remember(
            suggestion.request,
            command,
            shell=self.pipeline.shell,
            cwd=os.getcwd(),
            status=status,
            valid=valid,
            edited=bool(getattr(suggestion, "edited", False)),
            answers=not getattr(suggestion, "follow_up", False),
        )

    def decline(self, *suggestions) -> None:
        """Turned down (abort, revise): ask afresh next time. A remembered answer stops answering
        by itself; what ran stays in the history."""
        pipeline = self.pipeline
        for suggestion in suggestions:
            if suggestion is None:
                continue
            if getattr(suggestion, "key", None):
                pipeline.cache.evict(suggestion.key)
            if getattr(suggestion, "source", None) == "memory" and pipeline.memory is not None:
                pipeline.memory.stop_answering(suggestion.request, shell=pipeline.shell)

    def revise(self, current, instruction: str, history: list[dict] | tuple = ()):
        """A follow-up turn asking for a changed command; the one shown is declined first."""
        self.decline(current)
        return self.pipeline.revise(current, instruction, history)
