"""Where the bash grammar is installed, and its compiled modules loaded straight from their files.

`import tree_sitter_bash` runs the package's `__init__`, which imports `importlib.resources` (and
with it pathlib, urllib, ipaddress, tempfile, random: ~8 ms) for a query file nlshell never reads;
`import tree_sitter` imports `typing` (~3 ms) for one Protocol. The parser needs neither: only the
two compiled `_binding` modules, which load in well under a millisecond each. Every rating that is
not answered from a memo pays this, so it is worth the few lines here.

The compiled module is found by the import system's own path finder, in the package the import
would use; when that is not a plain package with a compiled `_binding` in it, or the package is
already imported, the ordinary import is used instead. The module is registered under its own
name, so a later `import tree_sitter` binds the very same classes.
"""

from __future__ import annotations

import sys

BASH = "tree_sitter_bash"
RUNTIME = "tree_sitter"


def binding(package: str):
    """`package._binding`, loaded from its file when that is safe (see above), else imported."""
    name = f"{package}._binding"
    module = sys.modules.get(name)
    if module is None and package not in sys.modules:
        module = _load_from_file(package, name)
    if module is None:
        import importlib

        module = importlib.import_module(name)
    return module


def _load_from_file(package: str, name: str):
    """The compiled module found exactly where the import system would look (its path finder), or
    None when the package is not a plain one with a compiled `_binding` in it."""
    from importlib.machinery import ExtensionFileLoader, PathFinder

    spec = PathFinder.find_spec(package)
    if spec is None or not spec.submodule_search_locations or not (spec.origin or "").endswith("__init__.py"):
        return None
    spec = PathFinder.find_spec(name, spec.submodule_search_locations)
    if spec is None or not isinstance(spec.loader, ExtensionFileLoader):
        return None
    module = spec.loader.create_module(spec)
    module.__spec__, module.__loader__, module.__file__, module.__package__ = spec, spec.loader, spec.origin, package
    spec.loader.exec_module(module)
    sys.modules[name] = module
    return module


def new_parser():
    """A tree-sitter parser for bash (parser.py keeps them: one never serves two parses at once)."""
    runtime = binding(RUNTIME)
    return runtime.Parser(runtime.Language(binding(BASH).language()))
