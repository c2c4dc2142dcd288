"""SECURITY.md lists a promise only with its tests: every test it names must exist where it says."""

from __future__ import annotations

import re

from conftest import REPO


def named_tests() -> list[tuple[str, str]]:
    """(file, test name) for every test SECURITY.md's table names, each after the file it follows."""
    found = []
    for row in (REPO / "SECURITY.md").read_text().splitlines():
        if not row.startswith("| ") or "tests/" not in row:
            continue
        current = None
        for token in re.findall(r"tests/test_\w+\.py|(?<![\w.])test_\w+\*?", row):
            if token.startswith("tests/"):
                current = token
            elif current is not None and not token.endswith(".py"):
                found.append((current, token))
    return found


def test_every_test_security_md_names_exists():
    named = named_tests()
    assert len(named) > 100
    missing = []
    for path, name in named:
        source = (REPO / path).read_text()
        pattern = name[:-1] + r"\w*" if name.endswith("*") else name  # `test_sse_*`: a family of tests
        if not re.search(rf"^(?:async )?def {pattern}\(", source, re.M):
            missing.append(f"{path}::{name}")
    assert missing == []
