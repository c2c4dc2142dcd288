"""Typed errors raised by the core; `nlshell.cli` alone turns them into one line and an exit code.

Each error carries what went wrong (`message`) and what to do about it (`hint`), so every front
(one-shot, REPL, keybinding) can say the same thing the same way. Kept free of heavy imports:
this module is on the start-up path.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1  # model/API/network failure
EXIT_USAGE = 2  # usage or configuration error
EXIT_REFUSED = 3  # no usable command, invalid, or dangerous under --yes
EXIT_INTERRUPTED = 130

KEY_HOW_TO = "set OPENROUTER_API_KEY, put it in a .env file, or run `nlshell auth login`"


class NlshellError(Exception):
    """Base class: a failure the user can understand and act on."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} — {self.hint}" if self.hint else self.message


class UsageError(NlshellError):
    """Bad flags or arguments."""

    exit_code = EXIT_USAGE


class ConfigError(NlshellError):
    """A config file, `.env` or setting that cannot be used. Names the file and line when known."""

    exit_code = EXIT_USAGE

    def __init__(
        self,
        message: str,
        hint: str | None = None,
        *,
        path: str | None = None,
        line: int | None = None,
    ) -> None:
        if path:
            where = f"{path}:{line}" if line else path
            message = f"{where}: {message}"
        super().__init__(message, hint)
        self.path = path
        self.line = line


class NoKeyError(ConfigError):
    """No API key anywhere, and the server needs one."""

    def __init__(self) -> None:
        super().__init__("no OpenRouter API key found", KEY_HOW_TO)


class CredentialStoreError(NlshellError):
    """The keyring or the credentials file could not store or remove the key."""

    exit_code = EXIT_USAGE


class RefusedError(NlshellError):
    """nlshell will not hand this reply over as a command."""

    exit_code = EXIT_REFUSED


class NoCommandError(RefusedError):
    """The reply holds no command (a refusal, an apology, prose)."""

    def __init__(self, reply_text: str, hint: str | None = None) -> None:
        super().__init__(
            "the model's reply holds no command",
            hint or "rephrase the request, or try another model with -m",
        )
        self.reply_text = reply_text


class NoOfflineAnswerError(RefusedError):
    """The offline index has nothing close to the request."""

    def __init__(self) -> None:
        super().__init__(
            "no offline suggestion matches this request",
            "rephrase it, or set a key for tailored commands: nlshell auth login",
        )


class NoReadOnlyAnswerError(NoOfflineAnswerError):
    """The request only looks, and every offline answer found would change something."""

    def __init__(self) -> None:
        RefusedError.__init__(
            self,
            "no offline suggestion only reads for this request (the matches would change things)",
            "rephrase it, or set a key for tailored commands: nlshell auth login",
        )


class HostileTextError(RefusedError):
    """The reply holds control characters or invisible text that could disguise a command."""

    def __init__(self, found: list[str]) -> None:
        shown = ", ".join(found)
        super().__init__(
            f"the reply contains hidden or control characters ({shown})",
            "nothing was run; ask again or use another model",
        )
        self.found = found


class KeyInReplyError(RefusedError):
    """The reply holds the API key: a server that echoes what it was sent, or worse."""

    def __init__(self) -> None:
        super().__init__(
            "the reply contains your API key, so it was not shown, stored or run",
            "check OPENROUTER_BASE_URL: a model does not know your key, a server that echoes requests does",
        )


class InvalidCommandError(RefusedError):
    """The command does not parse, or cannot run here."""

    def __init__(self, command: str, problems: list[str]) -> None:
        super().__init__(
            "the suggested command is not valid: " + "; ".join(problems),
            "rephrase the request, or check it with `nlshell check`",
        )
        self.command = command
        self.problems = problems


class TemplateError(InvalidCommandError):
    """A template with placeholders to fill in: shown for editing at the menu, never run or printed."""

    def __init__(self, command: str, problems: list[str]) -> None:
        super().__init__(command, problems)
        self.message = f"the suggestion is a template, {problems[0]}: {command}"
        self.hint = "fill it in at the menu (run nlshell without -p, --yes or a pipe), or copy it and edit it"


class DangerousCommandError(RefusedError):
    """A dangerous command under `--yes`: never run without a person typing yes."""

    def __init__(self, command: str, reasons: list[str]) -> None:
        super().__init__(
            "refusing to run a dangerous command without confirmation: " + "; ".join(reasons),
            "run without --yes to review it, or print it with -p",
        )
        self.command = command
        self.reasons = reasons


class Aborted(NlshellError):
    """The user aborted (Ctrl-C, Esc, `a` at the menu)."""

    exit_code = EXIT_INTERRUPTED

    def __init__(self, message: str = "aborted") -> None:
        super().__init__(message)


class OutputError(NlshellError):
    """stdout cannot be written: a full disk, an I/O error."""

    def __init__(self, error: OSError) -> None:
        super().__init__(f"cannot write the output ({error.strerror or error})", "check where stdout goes")


class StoreError(NlshellError):
    """A local store (cache, memory, index) cannot be used; callers degrade rather than fail."""
