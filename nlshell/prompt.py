"""The system prompt and the user's context (OS, shell, cwd) → chat messages.

On the cache-hit path (the cache key needs the prompt's version), so it imports nothing beyond
`os`: no dataclasses, typing, pathlib or json, and SHA-256 (without hashlib) only when a prompt is loaded.

The template's placeholders are `{os}`, `{shell}`, `{cwd}` and `{shell_rules}`. Only those exact
names are replaced, in one pass; every other brace is left as written, so a custom prompt may
quote `awk '{print $1}'` or `${HOME}` freely.
"""

from __future__ import annotations

import os

from nlshell.errors import ConfigError

DEFAULT_PROMPT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "system_prompt.txt")
OS_RELEASE_FILES = ("/etc/os-release", "/usr/lib/os-release")

# Filled in for {shell_rules}: what the model most often gets wrong in each shell.
SHELL_RULES = {
    "bash": "Bash features such as [[ ]], arrays, brace expansion and $(...) are fine.",
    "zsh": (
        "zsh stops with an error when a glob matches nothing, so quote patterns meant for another "
        "program (find . -name '*.log'); zsh arrays start at 1."
    ),
    "fish": (
        "fish is not a POSIX shell: set variables with set NAME value (set -x NAME value to "
        "export), write command substitution as (command), use $status instead of $?, end every "
        "block with end (for f in *.txt; echo $f; end; if test -d x; echo yes; end), and use no "
        "heredocs and no <(...) (write (command | psub) instead); && and || work."
    ),
    "sh": (
        "Write POSIX sh only: no [[ ]], arrays, brace expansion, the function keyword, <(...) or "
        "$'...' strings."
    ),
}
SHELL_RULES["dash"] = SHELL_RULES["ash"] = SHELL_RULES["sh"]

EXPLAIN_PROMPT = (
    "You explain shell commands to someone using {shell} on {os}.\n"
    "Explain the command part by part, in the order the parts appear: one short line for each "
    "program, option, argument, pipe stage and redirect, starting with the part itself, then a "
    "colon and what it does. Then one line saying what the whole command does. If it deletes, "
    "overwrites, or changes the system, add one line starting with Warning: that says so.\n"
    "Plain text only: no Markdown, no code fences, no headings. At most 15 lines."
)


class SystemPrompt:
    """A prompt template and its version (part of the cache key, so editing the prompt gives
    fresh answers)."""

    __slots__ = ("text", "version", "path")

    def __init__(self, text: str, version: str, path: str | None = None) -> None:
        self.text = text
        self.version = version
        self.path = path  # None for the built-in prompt

    def fill(self, context: Context) -> str:
        """The prompt the model reads (an empty {shell_rules} leaves no trailing blank)."""
        filled = _fill(self.text, context.values())
        return "\n".join(line.rstrip() for line in filled.strip().split("\n"))

    def __repr__(self) -> str:
        return f"SystemPrompt(version={self.version!r}, path={self.path!r})"


_builtin: SystemPrompt | None = None


def load_system_prompt(override: str | None = None) -> SystemPrompt:
    """The built-in prompt, or the file named by `prompt.system_prompt_file`.

    The version is the first 12 hex digits of the SHA-256 of the template and of the per-shell
    rules, since both end up in what the model reads.
    """
    global _builtin
    if not override and _builtin is not None:
        return _builtin
    path = os.path.expanduser(override) if override else DEFAULT_PROMPT_FILE
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(
            f"cannot read the system prompt file: {reason}",
            "fix prompt.system_prompt_file in the config, or empty it to use the built-in prompt",
            path=override or path,
        ) from None
    if not text.strip():
        raise ConfigError(
            "the system prompt file is empty",
            "write a prompt into it, or empty prompt.system_prompt_file to use the built-in one",
            path=override or path,
        )
    from nlshell.digest import sha256_hex

    rules = "\x1e".join(f"{name}\x1f{rule}" for name, rule in sorted(SHELL_RULES.items()))
    version = sha256_hex(f"{text}\x1d{rules}".encode())[:12]
    prompt = SystemPrompt(text, version, path if override else None)
    if not override:
        _builtin = prompt
    return prompt


def _fill(template: str, values: dict) -> str:
    """Replace `{name}` for the known names only, in one pass (a value is never re-expanded)."""
    out = []
    pos = 0
    while True:
        start = template.find("{", pos)
        if start < 0:
            out.append(template[pos:])
            return "".join(out)
        end = template.find("}", start)
        name = template[start + 1 : end] if end > 0 else None
        if name in values:
            out.append(template[pos:start])
            out.append(values[name])
            pos = end + 1
        else:
            out.append(template[pos : start + 1])
            pos = start + 1


def shell_name(shell: str) -> str:
    """The shell's name from a path or login-shell spelling: /usr/bin/zsh → zsh, -bash → bash."""
    return os.path.basename((shell or "").strip()).lstrip("-") or "sh"


def _read_distro() -> str:
    for path in OS_RELEASE_FILES:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                lines = f.read().splitlines()
        except OSError:
            continue
        fields = {}
        for line in lines:
            key, sep, value = line.partition("=")
            if sep:
                value = value.strip()
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                    value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
                fields[key.strip()] = value
        name = fields.get("PRETTY_NAME") or " ".join(
            v for v in (fields.get("NAME"), fields.get("VERSION")) if v
        )
        if name:
            return name
    return ""


class Context:
    """What the model must know about where the command will run."""

    __slots__ = ("os", "distro", "shell", "cwd")

    def __init__(self, os: str = "Linux", distro: str = "", shell: str = "bash", cwd: str = "/") -> None:
        self.os = os
        self.distro = distro
        self.shell = shell
        self.cwd = cwd

    @classmethod
    def detect(cls, shell: str) -> Context:
        """Cheap on purpose: one uname call and one small file read, no subprocess."""
        try:
            system = os.uname().sysname
        except AttributeError:  # not POSIX
            import sys

            system = sys.platform
        system = {"Darwin": "macOS"}.get(system, system)
        try:
            cwd = os.getcwd()
        except OSError:  # the directory was deleted under us
            cwd = os.environ.get("PWD") or "(unknown)"
        distro = _read_distro() if system == "Linux" else ""
        return cls(system, distro, shell_name(shell), cwd)

    @property
    def os_description(self) -> str:
        return f"{self.os} ({self.distro})" if self.distro else self.os

    def values(self) -> dict:
        return {
            "os": self.os_description,
            "shell": self.shell,
            "cwd": self.cwd,
            "shell_rules": SHELL_RULES.get(self.shell, ""),
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Context):
            return NotImplemented
        return (self.os, self.distro, self.shell, self.cwd) == (other.os, other.distro, other.shell, other.cwd)

    def __hash__(self) -> int:
        return hash((self.os, self.distro, self.shell, self.cwd))

    def __repr__(self) -> str:
        return f"Context(os={self.os!r}, distro={self.distro!r}, shell={self.shell!r}, cwd={self.cwd!r})"


def user_turn(request: str) -> str:
    """The seed's format, which models follow well: `Input: …` then `Output:`."""
    return f"Input: {request}\nOutput:"


REFERENCES_HEADING = (
    "Documented commands that may fit this request (examples, not the answer: keep only the flags "
    "and arguments the request needs):"
)


def build_messages(
    request: str,
    *,
    system_prompt: SystemPrompt,
    context: Context,
    history: list[dict] | tuple = (),
    examples: list[tuple[str, str]] | tuple = (),
    references: list[str] | tuple = (),
) -> list[dict]:
    """[system, few-shot pairs, earlier turns as they were, the request]. `references` are lines
    (offline matches for this request) appended to the system message under their own heading."""
    system = system_prompt.fill(context)
    if references:
        system += "\n\n" + REFERENCES_HEADING + "\n" + "\n".join(references)
    messages = [{"role": "system", "content": system}]
    for example_request, example_command in examples:
        messages.append({"role": "user", "content": user_turn(example_request)})
        messages.append({"role": "assistant", "content": example_command})
    messages.extend(dict(turn) for turn in history)
    messages.append({"role": "user", "content": user_turn(request)})
    return messages


def explain_messages(command: str, *, context: Context) -> list[dict]:
    """Ask for a short, plain-text, part-by-part explanation (`nlshell explain`, Describe)."""
    return [
        {"role": "system", "content": _fill(EXPLAIN_PROMPT, context.values())},
        {"role": "user", "content": f"Explain this command:\n{command}"},
    ]
