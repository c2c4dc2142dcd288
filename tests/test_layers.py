"""Layering (design.md, "Architecture"): who may import whom, read from the source with `ast`.

`shell/` imports nothing else of nlshell's; `validate/` and `risk/` never import each other (so
the checks cannot grow back into one); the core never imports prompt_toolkit or a front end; and
no module imports itself back through others, at the top of a file or inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "nlshell"
# The front ends, each with the pieces it is made of (the menu's screen, terminal and editor; the
# REPL's prompt, keys and history): only these may draw on prompt_toolkit or the terminal.
FRONT_ENDS = ("nlshell.__main__", "nlshell.cli", "nlshell.menu", "nlshell.repl")


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_name(p): p for p in PACKAGE.rglob("*.py")}


def _is_under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def imports_of(module: str) -> set:
    """Every module `module` imports, anywhere in its file (lazy imports included)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                child = f"{base}.{alias.name}"
                found.add(child if child in MODULES else base)
    return found


def test_the_scan_sees_the_package():
    assert {"nlshell.shell.collect", "nlshell.risk.engine", "nlshell.validate", "nlshell.assess"} <= set(MODULES)
    assert "nlshell.shell.model" in imports_of("nlshell.shell.collect")


def test_shell_imports_nothing_else_of_nlshells():
    for module in MODULES:
        if _is_under(module, "nlshell.shell"):
            others = {m for m in imports_of(module) if _is_under(m, "nlshell") and not _is_under(m, "nlshell.shell")}
            assert others == set(), module


def test_validate_and_risk_do_not_import_each_other():
    for module in MODULES:
        found = imports_of(module)
        if _is_under(module, "nlshell.validate"):
            assert not any(_is_under(m, "nlshell.risk") for m in found), module
        if _is_under(module, "nlshell.risk"):
            assert not any(_is_under(m, "nlshell.validate") for m in found), module


def test_the_core_never_imports_prompt_toolkit_or_a_front_end():
    for module in MODULES:
        if any(_is_under(module, front) for front in FRONT_ENDS):
            continue
        found = imports_of(module)
        assert not any(_is_under(m, "prompt_toolkit") for m in found), module
        assert not any(_is_under(m, front) for m in found for front in FRONT_ENDS), module


def test_each_subcommand_stands_alone():
    """One module per subcommand (cli/commands/): what two of them share lives in cli/, not in each other."""
    commands = {m for m in MODULES if m.startswith("nlshell.cli.commands.")}
    assert {"nlshell.cli.commands.request", "nlshell.cli.commands.check", "nlshell.cli.commands.guard"} <= commands
    for module in commands:
        assert {m for m in imports_of(module) if m in commands and m != module} == set(), module


def test_no_import_cycle():
    graph = {m: {i for i in imports_of(m) if i in MODULES and i != m} for m in MODULES}
    # A package's own __init__ is imported before its modules; importing it back is no cycle.
    graph = {m: {i for i in deps if not (i != "nlshell" and _is_under(m, i) and MODULES[i].name == "__init__.py")}
             for m, deps in graph.items()}
    state: dict = {}

    def visit(module: str, trail: list) -> None:
        state[module] = "open"
        for dep in sorted(graph[module]):
            if state.get(dep) == "open":
                raise AssertionError("import cycle: " + " -> ".join([*trail[trail.index(dep):], dep]))
            if dep not in state:
                visit(dep, [*trail, dep])
        state[module] = "done"

    for module in sorted(MODULES):
        if module not in state:
            visit(module, [module])


# -- the test suite's own tiers: `pytest -m "not e2e"` is the pure-logic tier --------------------


def test_a_test_of_the_process_is_end_to_end(request, nlshell):
    assert request.node.get_closest_marker("e2e") is not None


def test_a_test_of_pure_logic_is_in_the_fast_tier(request):
    assert request.node.get_closest_marker("e2e") is None


def test_a_fast_test_can_start_neither_nlshell_nor_a_server():
    import pty
    import socket
    import subprocess
    import sys

    with pytest.raises(pytest.fail.Exception, match="outside the e2e tier"):
        subprocess.run([sys.executable, "-m", "nlshell", "--version"])
    with pytest.raises(pytest.fail.Exception, match="outside the e2e tier"):
        socket.create_connection(("127.0.0.1", 9))
    with socket.socket() as server, pytest.raises(pytest.fail.Exception, match="outside the e2e tier"):
        server.bind(("127.0.0.1", 0))
    with pytest.raises(pytest.fail.Exception, match="outside the e2e tier"):
        pty.fork()  # what pexpect does to drive a terminal
    assert subprocess.run(["bash", "-n", "-c", "true"]).returncode == 0  # what the checks run themselves
