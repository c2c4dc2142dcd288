"""How close an answer is to the gold commands of a public test set: exact, utility and NLC2CMD.

Shared by benchmarks/eval.py's offline and model modes.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from eval_everyday import short_options

from nlshell.offline import first_program, programs, shell_words


def normalize_command(command: str) -> str:
    return " ".join(command.split())


def utility_match(answer: str | None, golds: Sequence[str]) -> bool:
    if not answer:
        return False
    program = first_program(answer)
    return bool(program) and any(program == first_program(g) for g in golds)


def exact_match(answer: str | None, golds: Sequence[str]) -> bool:
    return bool(answer) and any(normalize_command(answer) == normalize_command(g) for g in golds)


def utilities_and_flags(command: str) -> list[tuple[str, frozenset[str]]]:
    """(utility, flags) per simple command, in order. Flags: words starting with `-` and a letter
    (`-30` is a value), long ones up to `=`, short clusters split (`-la` → `-l`, `-a`) except for
    programs with word options (`find -name`); `--` ends the options."""
    words = shell_words(command)
    result: list[tuple[str, frozenset[str]]] = []
    utilities = iter(programs(command))
    current: str | None = None
    flags: set[str] = set()
    ended = False

    def close() -> None:
        if current is not None:
            result.append((current, frozenset(flags)))

    expected = next(utilities, None)
    for word in words:
        base = os.path.basename(word) if "/" in word else word
        if expected is not None and base == expected:
            close()
            current, flags, ended = expected, set(), False
            expected = next(utilities, None)
            continue
        if current is None or ended:
            continue
        if word == "--":
            ended = True
        elif word.startswith("--") and len(word) > 2:
            flags.add(word.split("=", 1)[0])
        elif word.startswith("-") and len(word) > 1 and not word[1:2].isdigit():
            flags.update(short_options(current, word))
    close()
    return result


def nlc2cmd_score(answer: str | None, golds: Sequence[str]) -> float:
    """NLC2CMD 2020 score for one prediction (confidence 1), best over the golds, in [-1, 1].

    Per position i up to T = max(#utilities): +½(1 + flag score) when the utilities agree, −1 when
    they differ (or one side has none); the sum is divided by T. Flag score: (2|∩| − |∪|) / max(|F|),
    1 when neither side has flags.
    """
    if not answer:
        return -1.0
    predicted = utilities_and_flags(answer)
    best = -1.0
    for gold in golds:
        reference = utilities_and_flags(gold)
        total = max(len(predicted), len(reference))
        if total == 0:
            continue
        score = 0.0
        for i in range(total):
            if i >= len(predicted) or i >= len(reference) or predicted[i][0] != reference[i][0]:
                score -= 1.0
                continue
            p_flags, r_flags = predicted[i][1], reference[i][1]
            most = max(len(p_flags), len(r_flags))
            flag_score = 1.0 if most == 0 else (2 * len(p_flags & r_flags) - len(p_flags | r_flags)) / most
            score += 0.5 * (1.0 + flag_score)
        best = max(best, score / total)
    return best
