"""Schedules, history and logs: wiping them wholesale is dangerous (`crontab -r`, `history -c`,
vacuuming all of the journal); editing them, or turning history off, is caution."""

from __future__ import annotations

import re

from nlshell.risk.book import Row, Rule, all_of, given, has_arguments, hook
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE


def _tiny_retention(cmd, parsed) -> dict | None:
    """`journalctl --vacuum-time=1s`: keeps (nearly) nothing."""
    for key in ("--vacuum-time", "--vacuum-size", "--vacuum-files"):
        value = parsed.long.get(key)
        if value is not None:
            return {"option": f"{key}={value}"} if _tiny(key, value) else None
    return None


def _vacuum(cmd, parsed) -> dict | None:
    for key in ("--vacuum-time", "--vacuum-size", "--vacuum-files"):
        value = parsed.long.get(key)
        if value is not None:
            return {"option": f"{key}={value}"}
    return None


_SECONDS = {"": 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, "days": 86400, "w": 604800,
            "weeks": 604800, "month": 2592000, "months": 2592000, "y": 31536000, "years": 31536000}
_BYTES = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1 << 20, "mb": 1 << 20, "g": 1 << 30, "gb": 1 << 30}


def _tiny(key: str, value: str) -> bool:
    m = re.fullmatch(r"(\d+)\s*([a-zA-Z]*)", value.strip())
    if not m:
        return False
    number, unit = int(m.group(1)), m.group(2).lower()
    if key == "--vacuum-time":
        return number * _SECONDS.get(unit, 86400) < 86400
    if key == "--vacuum-size":
        return number * _BYTES.get(unit, 1 << 20) < (1 << 20)
    return number <= 1


ROWS = [
    Row("history.crontab-remove", DANGEROUS, "crontab -r deletes all your scheduled jobs without asking", "crontab",
        flags="-r", unless="-i"),
    Row("history.crontab-remove-asked", CAUTION, "deletes your crontab (after asking)", "crontab", flags=("-r", "-i")),
    Row("history.crontab-edit", CAUTION, "edits your scheduled jobs", "crontab", flags="-e", unless="-l -T"),
    Row("history.crontab-replace", CAUTION, "replaces your crontab with {sub}", "crontab", "*", unless="-l -T -e"),
    Row("history.clear", DANGEROUS, "history -c wipes your shell history", "history", flags="-c"),
    Row("history.delete-entries", CAUTION, "deletes entries from your shell history", "history", flags="-d"),
    Row("history.unset-histfile", CAUTION, "turns off saving shell history (unset HISTFILE)", "unset",
        when=given("HISTFILE")),
    Row("history.set-off", CAUTION, "turns off shell history", "set",
        when=all_of(given("+o"), given("history"))),
    Row("history.vacuum-all", DANGEROUS, "journalctl {option} deletes (nearly) all system logs", "journalctl",
        when=_tiny_retention),
    Row("history.vacuum", CAUTION, "deletes old system logs ({option})", "journalctl", when=_vacuum),
    Row("history.journal-files", CAUTION, "journalctl {flag} changes the journal files", "journalctl",
        flags="--rotate --flush --relinquish-var --sync"),
    Row("history.schedule", CAUTION, "schedules a command to run later", "at batch", unless="-l -c",
        when=has_arguments),
    Row("history.unschedule", CAUTION, "deletes scheduled jobs", "atrm"),
]

RULES = [
    Rule("history.histfile-off", CAUTION, "turns off saving shell history"),
    Rule("history.size-zero", CAUTION, "turns off shell history"),
]


@hook("assignment")
def history_settings(ctx, cmd, name: str, value: str) -> None:
    if name == "HISTFILE" and value in ("/dev/null", ""):
        ctx.add("history.histfile-off", cmd)
    elif name in ("HISTSIZE", "HISTFILESIZE", "SAVEHIST") and value.strip() in ("0", ""):
        ctx.add("history.size-zero", cmd)


EXAMPLES = [
    ("crontab -r", DANGEROUS, "history.crontab-remove"),
    ("crontab -u alice -r", DANGEROUS, "history.crontab-remove"),
    ("crontab -l", SAFE, "not history.crontab-remove"),
    ("crontab -ri", CAUTION, "history.crontab-remove-asked"),
    ("crontab -r", DANGEROUS, "not history.crontab-remove-asked"),
    ("crontab -e", CAUTION, "history.crontab-edit"),
    ("crontab -l", SAFE, "not history.crontab-edit"),
    ("crontab jobs.txt", CAUTION, "history.crontab-replace"),
    ("crontab -T jobs.txt", SAFE, "not history.crontab-replace"),
    ("history -c", DANGEROUS, "history.clear"),
    ("history | tail", SAFE, "not history.clear"),
    ("history -d 42", CAUTION, "history.delete-entries"),
    ("history 20", SAFE, "not history.delete-entries"),
    ("unset HISTFILE", CAUTION, "history.unset-histfile"),
    ("unset TMPDIR", SAFE, "not history.unset-histfile"),
    ("set +o history", CAUTION, "history.set-off"),
    ("set -o history", SAFE, "not history.set-off"),
    ("HISTFILE=/dev/null", CAUTION, "history.histfile-off"),
    ("export HISTFILE=/dev/null", CAUTION, "history.histfile-off"),
    ("HISTFILE=~/.bash_history_work", SAFE, "not history.histfile-off"),
    ("export HISTSIZE=0", CAUTION, "history.size-zero"),
    ("export HISTSIZE=10000", SAFE, "not history.size-zero"),
    ("journalctl --vacuum-time=1s", DANGEROUS, "history.vacuum-all"),
    ("journalctl --vacuum-time=2weeks", CAUTION, "not history.vacuum-all"),
    ("journalctl --vacuum-size=500M", CAUTION, "history.vacuum"),
    ("journalctl -u nginx", SAFE, "not history.vacuum"),
    ("journalctl --rotate", CAUTION, "history.journal-files"),
    ("journalctl --disk-usage", SAFE, "not history.journal-files"),
    ('echo "ls" | at now', CAUTION, "history.schedule"),
    ("at -l", SAFE, "not history.schedule"),
    ("atrm 3", CAUTION, "history.unschedule"),
    ("atq", SAFE, "not history.unschedule"),
]
