"""Files of a type said by the type's word, not by a pattern: "all my pdfs", "every pdf", "the
csvs", "python files", "where's that invoice pdf". Each is the glob the word table gives the type
(nlshell/data/words.tsv), so `find -name` and `ls` take `*.pdf`, never a file called "pdfs".
"""

from __future__ import annotations

from collections.abc import Callable

from nlshell.offline.phrases import EVERY
from nlshell.offline.vocabulary import Vocabulary

_THAT = frozenset({"that", "the", "my", "this", "an", "a", "some"})  # "where's that invoice pdf": one of a type, by a word
_RUNNING_THINGS = frozenset("process processes instance instances job jobs program programs container containers".split())
_OF_A_TYPE = frozenset("file files script scripts source sources notes docs documents".split())


def _extension_plural(low: str, table: Vocabulary) -> bool:
    """Whether a plural is an extension said as a noun ("gzip the csvs", "the yamls in k8s/"): the
    singular is the extension its glob has; "logs", "configs" and "temps" are words of their own."""
    singular = low[:-1]
    return len(singular) >= 3 and low not in table.types and table.types.get(singular) == f"*.{singular}"


def _names_one(tokens: list[str], j: int, glob: str) -> bool:
    """Whether the word at `j` is one file of the glob's type, named after its type ("the python script
    scraper.py")."""
    return j < len(tokens) and glob.startswith("*.") and tokens[j].lower().endswith(glob[1:])


def read(add: Callable, tokens: list[str], lower: list[str], i: int, before: str, after: str, searching: bool,
         plain: Callable[[str], bool], table: Vocabulary) -> bool:
    """The glob of files of a type named at word `i`, between the words `before` and `after`; whether
    one was read."""
    low, token = lower[i], tokens[i]
    if searching and before in _THAT and after in table.types and after in table.hints and plain(low) and low not in table.types:
        add("glob", f"*{token}*{table.types[after].removeprefix('*')}", i, last=i + 1)  # "that invoice pdf": *invoice*.pdf
    elif low in table.types and after in _OF_A_TYPE and not _names_one(tokens, i + 2, table.types[low]):
        add("glob", table.types[low], i)  # "python files"; not "the python script scraper.py": that one
    elif (low.endswith("s") and low[:-1] in table.types and (low[:-1] in table.hints or _extension_plural(low, table)) or (
        low in table.types and (low in table.hints or before in ("every", "each")) and before in EVERY
    )) and after not in _RUNNING_THINGS:  # "force kill every python process" was `pkill -f *.py`
        add("glob", table.types[low.removesuffix("s") if low not in table.types else low], i)  # "all my pdfs", "every pdf"
    else:
        return False
    return True
