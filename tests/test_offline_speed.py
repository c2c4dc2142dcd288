"""What keeps an offline lookup fast without changing its answer: pages found by name through an
index (never a scan of every page), plain commands split without shlex, and a description read
for numbers only when a number could come of it. Timings live in benchmarks/; these tests pin the
mechanisms and that each gives exactly what the slow way gave."""

from __future__ import annotations

import sqlite3

import pytest

from nlshell.offline import OfflineIndex, answer, commands, extend, index as index_module, leftovers, rank, references
from nlshell.offline.value import Value

from test_offline import typical_which

# -- splitting a command into shell words ------------------------------------------------------


def _shlex_words(command: str) -> tuple[str, ...]:
    """The slow way, as it always was: shlex, with the plain split for unbalanced quotes."""
    commands._shell_words.cache_clear()
    plain, commands._UNQUOTED = commands._UNQUOTED, _NEVER
    try:
        return commands._shell_words(command)
    finally:
        commands._UNQUOTED = plain
        commands._shell_words.cache_clear()


class _Never:
    def fullmatch(self, _text: str) -> None:
        return None


_NEVER = _Never()


@pytest.mark.parametrize(
    "command",
    [
        "ls -la",
        "ps aux | grep nginx",
        "a|b&&c;d",
        "echo hi >> notes.txt 2>&1",
        "find . -name *.py -exec wc -l {} ;",
        "du -sh ~/x* | sort -h | tail -n {{10}}",
        "x=(1 2); (cd src && make)",
        "tab\tand\nnew line\rreturn",
        "   ",
        "",
        "a#b # not a comment",
        "grep 'two words' file",  # quotes: shlex's way
        'echo "$HOME"',
        "echo a\\ b",
        "unbalanced 'quote",
        "vertical\x0btab",
        "café --menu",
    ],
)
def test_shell_words_are_what_shlex_gives(command):
    commands._shell_words.cache_clear()
    assert tuple(commands.shell_words(command)) == _shlex_words(command)


def test_every_indexed_command_splits_as_shlex_splits_it(prebuilt_offline_index):
    with sqlite3.connect(prebuilt_offline_index) as conn:
        indexed = [command for (command,) in conn.execute("SELECT command FROM entries")]
    assert len(indexed) > 10_000
    commands._shell_words.cache_clear()
    fast = [commands._shell_words(command) for command in indexed]
    slow = [_shlex_words(command) for command in indexed]
    assert [c for c, f, s in zip(indexed, fast, slow) if f != s] == []


def test_a_command_without_quotes_never_reaches_shlex(monkeypatch):
    def no_shlex(*_args, **_kwargs):
        raise AssertionError("shlex was used")

    monkeypatch.setattr(commands.shlex, "shlex", no_shlex)
    commands._shell_words.cache_clear()
    try:
        assert commands.shell_words("du -sh * | sort -rh | head -n 10 > top.txt") == [
            "du", "-sh", "*", "|", "sort", "-rh", "|", "head", "-n", "10", ">", "top.txt",
        ]
    finally:
        commands._shell_words.cache_clear()


# -- finding pages by name --------------------------------------------------------------------

_BY_NAME = (
    "SELECT id FROM pages WHERE name = ?",
    "SELECT name FROM pages WHERE name IN (?, ?)",
    "SELECT program, summary_stems FROM pages WHERE name = program AND program IN (?, ?)",
)


@pytest.mark.parametrize("sql", _BY_NAME)
def test_pages_are_found_by_name_without_reading_every_page(prebuilt_offline_index, sql):
    with sqlite3.connect(prebuilt_offline_index) as conn:
        plan = " ".join(row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", ("tar", "ls")[: sql.count("?")]))
    assert "pages_by_name" in plan
    assert "SCAN pages" not in plan


def test_an_index_without_the_name_lookup_is_rebuilt_with_it(tmp_path, monkeypatch):
    """An index written by the previous schema (no name lookup) is replaced, not read slowly for ever."""
    path = tmp_path / "o.sqlite3"
    monkeypatch.setattr(index_module, "SCHEMA_VERSION", index_module.SCHEMA_VERSION - 1)
    old = OfflineIndex(str(path), which=typical_which, summaries=dict)
    old.ensure_built()
    old.close()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX pages_by_name")
    monkeypatch.undo()
    current = OfflineIndex(str(path), which=typical_which, summaries=dict)
    current.ensure_built()
    assert current.built
    current.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'pages_by_name'").fetchall()


def test_the_named_pages_come_in_page_order(tmp_path):
    """The pages a request names are read in the index's own page order, whatever the order of the
    names (the name lookup alone gives them in name order: `cat`'s page comes after `zip`'s)."""
    built = OfflineIndex(str(tmp_path / "o.sqlite3"), which=typical_which, summaries=dict)
    named = ["zip", "cat", "tar", "awk"]
    pages = built.pages(["zzzqqq"], named)  # a word no page says: only the named pages come
    built.close()
    assert sorted(row.name for row in pages.values()) == sorted(named)
    assert list(pages) == sorted(pages)


# -- numbers a description states -------------------------------------------------------------


def _no_reading(_description, *_args, **_kwargs):
    raise AssertionError("the description was read for values")


def test_a_command_without_digits_takes_no_number_from_its_description(monkeypatch):
    extend._stated.cache_clear()
    monkeypatch.setattr(extend, "request_values", _no_reading)
    unused = [Value("count", "20", 3)]
    command, taken = extend.complete("tail {{path/to/file}}", "tail app.log", "Show last 5 lines of a file", unused, [])
    assert (command, taken, len(unused)) == ("tail app.log", 0, 1)


def test_a_request_without_a_number_leaves_the_description_unread(monkeypatch):
    extend._stated.cache_clear()
    monkeypatch.setattr(extend, "request_values", _no_reading)
    unused = [Value("file", "notes.txt", 2)]
    command, taken = extend.complete("tail -n 5 {{file}}", "tail -n 5 app.log", "Show last 5 lines of a file", unused, [])
    assert (command, taken, unused) == ("tail -n 5 app.log", 0, [Value("file", "notes.txt", 2)])


def test_a_number_the_description_states_is_still_replaced_by_the_requests():
    extend._stated.cache_clear()
    unused = [Value("count", "20", 3)]
    command, taken = extend.complete("tail -n 5 {{file}}", "tail -n 5 app.log", "Show last 5 lines of a file", unused, [])
    assert (command, taken, unused) == ("tail -n 20 app.log", 1, [])


# -- pages out of reach, and one rating per page for the model's references --------------------

_SAMPLE = (
    "show the last 20 lines of app.log",
    "list all files sorted by size",
    "which process is listening on port 8080",
    "find files bigger than 100 megabytes in my home directory",
    "compress the logs folder into logs.tar.gz",
    "make a directory called photos",
    "how much disk space is left",
    "kill the process using port 3000",
    "count the lines in main.py",
    "show my git branches",
    "search for TODO in all python files",
    "restart nginx",
    "what is my ip address",
    "delete files older than 30 days in /tmp",
    "update all my packages",
)


@pytest.fixture(scope="module")
def seen(prebuilt_offline_index):
    opened = OfflineIndex(str(prebuilt_offline_index), which=typical_which, summaries=dict)
    opened.ensure_built()
    yield opened
    opened.close()


def _candidate_pages(index: OfflineIndex, request: str):
    """What `rank._ranked_hits` scores: the request as read, its pages and its matched examples."""
    read = rank.read_request(index, request, None, None)
    pages = index.pages(read.searched, read.named)
    matched = index.matching(read.searched, read.named)
    pages.update(index.page_rows({row.page for row in matched} - pages.keys()))
    return read, pages, matched


@pytest.mark.parametrize("request_text", _SAMPLE)
def test_the_bounds_are_never_below_what_they_bound(seen, request_text):
    """A page is left out on its bounds: a factor of `_prior` above 1 missing from `_prior_bound`,
    or a description saying more than all of them together, would leave out a page that wins (the
    products may round apart by an ulp: pages are left out only a billionth below reach)."""
    read, pages, _ = _candidate_pages(seen, request_text)
    domains = rank._domains(seen, pages.values())
    for page in pages.values():
        prior = rank._prior(seen, read, page, set(), domains.get(page.program, frozenset()))
        assert prior <= rank._prior_bound(seen, read, page, set()) * (1 + 1e-12)
        assert rank._best_description(read, page) <= rank._best_description_bound(read, page) * (1 + 1e-12)


def _scored(index: OfflineIndex, request: str, monkeypatch, ranked: int | None = None) -> tuple[dict[int, float], int, int]:
    """`rank._page_scores` of the request (with `ranked` pages kept, when given); how many pages
    it read description by description, of how many."""
    read, pages, matched = _candidate_pages(index, request)
    read_pages: list[int] = []
    best = rank._best_description
    with monkeypatch.context() as patched:
        patched.setattr(rank, "_best_description", lambda r, page: read_pages.append(page.id) or best(r, page))
        if ranked is not None:
            patched.setattr(rank, "PAGES_RANKED", ranked)
        return rank._page_scores(index, read, pages, matched, set()), len(read_pages), len(pages)


@pytest.mark.parametrize("request_text", _SAMPLE)
def test_pages_out_of_reach_leave_the_ranked_pages_as_they_were(seen, request_text, monkeypatch):
    pruned, _, candidates = _scored(seen, request_text, monkeypatch)
    every, _, _ = _scored(seen, request_text, monkeypatch, ranked=candidates + 1)  # none out of reach
    assert len(every) == candidates
    assert all(pruned[page_id] == every[page_id] for page_id in pruned)
    kept = rank.PAGES_RANKED
    assert sorted(pruned, key=lambda i: -pruned[i])[:kept] == sorted(every, key=lambda i: -every[i])[:kept]


def test_most_pages_are_never_read_example_by_example(seen, monkeypatch):
    counts = [_scored(seen, request, monkeypatch)[1:] for request in _SAMPLE]
    read, candidates = map(sum, zip(*counts))
    assert read < candidates / 4


def test_the_model_gets_the_references_rating_every_example_gave(seen, monkeypatch):
    """References take one example per page: a page's later examples go unrated, and the
    references are what rating every candidate gave."""
    ratings = {"one per page": 0, "every one": 0}
    counting = "one per page"
    rate = answer.risk_of

    def counted(command):
        ratings[counting] += 1
        return rate(command)

    monkeypatch.setattr(answer, "risk_of", counted)
    quick = [references.references(seen, request) for request in _SAMPLE]
    counting = "every one"
    full = references.answers
    monkeypatch.setattr(references, "answers", lambda *args, **kwargs: full(*args, **{**kwargs, "pages": 0}))
    slow = [references.references(seen, request) for request in _SAMPLE]
    assert quick == slow
    assert sum(map(len, quick)) >= 2 * len(_SAMPLE)  # most requests get two or three
    assert ratings["one per page"] < ratings["every one"] / 2


# -- someone else's values in a command ------------------------------------------------------


class _Unread(str):
    def lower(self) -> str:
        raise AssertionError("the description was read")


def _slow_foreign(read, row, command: str) -> int:
    """The slow way, as it always was: the request's and the description's words first."""
    stated = {v.text for v in read.values} | set(read.words) | set(leftovers.WORD.findall(row.description.lower()))
    count = sum(1 for word in commands.shell_words(command) if not ("{{" in word or word.startswith("-") or word in stated)
                and leftovers.CONCRETE.search(word) and not (set(leftovers.WORD.findall(word.lower())) <= stated))
    return min(count, 3)


def test_a_command_with_nothing_concrete_leaves_the_description_unread(seen):
    read = rank.read_request(seen, "list the files in docs", None, None)
    row = index_module.ExampleRow(1, 1, _Unread("List files"), "ls -la {{path/to/directory}}", "tldr", "ls", 1, "", 0.0)
    assert leftovers.foreign_values(read, row, "ls -la docs") == 0


@pytest.mark.parametrize("request_text", _SAMPLE[:8])
def test_someone_elses_values_count_as_they_did(seen, request_text):
    read, pages, matched = _candidate_pages(seen, request_text)
    rows = seen.documented(list(pages)[:20]) + matched
    counts = [(leftovers.foreign_values(read, row, row.command), _slow_foreign(read, row, row.command)) for row in rows]
    assert all(new == old for new, old in counts)
    assert any(new for new, _ in counts)  # the sample has commands with someone else's values
