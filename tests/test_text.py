"""One `visible()` for everything printed: model ids, key labels, server words, stored entries.

Two versions of it once disagreed, and the weaker one let tag characters (U+E0000–E007F), the line
separator U+2028 and lone surrogates through to the terminal via `nlshell models` and `auth
status`. These tests pin the single rule and every front that prints server text.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from conftest import REPO
from nlshell.text import HOSTILE_RANGES, hostile_characters, visible

TAGGED = "qwen/\U000e0069\U000e0067\U000e006e\U000e006f\U000e0072\U000e0065coder"  # "ignore" in tag letters
SEPARATED = "evil\u2028model"
SURROGATE = "bad\ud800model"


def printable_safely(text: str) -> bool:
    return not hostile_characters(text)


def test_there_is_one_visible_and_one_hostile_table():
    """No module but nlshell/text.py has its own character table; any other visible() hands over to it."""
    tables, own = [], []
    for path in sorted((REPO / "nlshell").rglob("*.py")):
        where = str(path.relative_to(REPO))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            targets = (node.targets if isinstance(node, ast.Assign)
                       else [node.target] if isinstance(node, ast.AnnAssign) else [])
            for target in targets:
                if isinstance(target, ast.Name) and target.id in ("HOSTILE_RANGES", "_HOSTILE", "_INVISIBLE"):
                    tables.append(f"{where}:{target.id}")
            if isinstance(node, ast.FunctionDef) and node.name in ("visible", "hostile_characters"):
                delegates = any(isinstance(n, ast.ImportFrom) and n.module == "nlshell.text" for n in ast.walk(node))
                if where != "nlshell/text.py" and not delegates:
                    own.append(f"{where}:{node.name}")
    assert set(tables) == {"nlshell/text.py:HOSTILE_RANGES", "nlshell/text.py:_HOSTILE"}
    assert own == []


@pytest.mark.parametrize(
    "text, shown",
    [
        (TAGGED, "qwen/U+E0069U+E0067U+E006EU+E006FU+E0072U+E0065coder"),
        (SEPARATED, "evilU+2028model"),
        (SURROGATE, "badU+D800model"),
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
    ],
)
def test_every_printing_path_uses_the_same_rule(text, shown):
    from nlshell import console
    from nlshell.openrouter.errors import safe_text
    from nlshell.openrouter.types import KeyInfo, ModelInfo

    assert visible(text) == shown
    assert console.visible(text) == shown
    # A one-line message turns line breaks (U+2028 too) into spaces; everything else is escaped alike.
    assert safe_text(text) == " ".join(shown.replace("U+2028", " ").split())
    assert ModelInfo.from_json({"id": text}).id == shown
    assert KeyInfo.from_json({"data": {"label": text}}).label == shown


def test_the_table_covers_tags_separators_and_surrogates():
    covered = {code for lo, hi in HOSTILE_RANGES for code in range(lo, hi + 1)}
    assert {0xE0000, 0xE0041, 0xE007F, 0x2028, 0x2029, 0xD800, 0xDFFF} <= covered


def hostile_models(fake_server) -> None:
    fake_server.models_data = {
        "data": [
            {"id": TAGGED, "name": "tagged", "pricing": {"prompt": "0", "completion": "0"}},
            {"id": SEPARATED, "name": "line\u2028separator", "pricing": {"prompt": "0", "completion": "0"}},
            {"id": SURROGATE, "name": "surrogate \ud800", "pricing": {"prompt": "0", "completion": "0"}},
            {"id": "plain/model:free", "name": "Plain", "pricing": {"prompt": "0", "completion": "0"}},
        ]
    }


def test_models_shows_hostile_ids_as_escapes_and_completion_keeps_working(nlshell, fake_server, server_env):
    hostile_models(fake_server)
    r = nlshell("models", env=server_env)
    assert r.returncode == 0, r
    assert printable_safely(r.stdout) and printable_safely(r.stderr), r
    assert "qwen/U+E0069" in r.stdout and "evilU+2028model" in r.stdout and "badU+D800model" in r.stdout
    # The cached list feeds Tab completion: it must not break it (it used to, until --refresh).
    ids = nlshell("models", "--cached-ids")
    assert ids.returncode == 0 and "Traceback" not in ids.stderr, ids
    assert printable_safely(ids.stdout)
    assert "plain/model:free" in ids.stdout.splitlines() and "badU+D800model" in ids.stdout.splitlines()
    listed = nlshell("models", "--json", env=server_env)
    assert listed.returncode == 0, listed
    assert {m["id"] for m in json.loads(listed.stdout)} >= {"evilU+2028model", "badU+D800model"}


def test_an_older_cached_list_with_raw_characters_is_shown_safely(nlshell, fake_server, server_env):
    from nlshell import paths

    path = Path(paths.models_cache())
    path.parent.mkdir(parents=True, exist_ok=True)  # the test home has its offline index there
    raw = {"base_url": fake_server.base_url, "fetched": 4e9, "models": [{"id": TAGGED, "name": SEPARATED}]}
    path.write_text(json.dumps(raw))
    for args in (["models"], ["models", "--cached-ids"]):
        r = nlshell(*args, env=server_env)
        assert r.returncode == 0, r
        assert printable_safely(r.stdout) and "U+E0069" in r.stdout, r
    assert fake_server.requests == []  # the cached list was used, not fetched again


def test_auth_status_shows_a_hostile_key_label_as_escapes(as_openrouter, capsys, monkeypatch):
    """The key's label comes from OpenRouter's /key, so the fake server plays OpenRouter here."""
    from test_faults import InProcess

    as_openrouter.key_data = {"data": {"label": "my key\u2028\U000e0041\x1b]0;title\x07", "usage": 0, "limit": None}}
    code, out, err = InProcess(capsys, monkeypatch)(["auth", "status"])
    assert code == 0, err
    assert printable_safely(out) and printable_safely(err), (out, err)
    assert "label:  my keyU+2028U+E0041\\x1b]0;title\\x07" in out


def test_the_ascii_shortcut_agrees_with_the_table():
    """Plain ASCII is answered without the regex; every ASCII character must get the table's answer."""
    covered = {code for lo, hi in HOSTILE_RANGES for code in range(lo, hi + 1)}
    for code in range(0x80):
        char = chr(code)
        assert bool(hostile_characters(f"ls{char}x")) == (code in covered), hex(code)
        assert (visible(char) != char) == (code in covered), hex(code)
