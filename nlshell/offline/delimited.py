"""The fields of a CSV file are split on commas: an awk, cut or sort example written for columns split
on blanks or tabs (`awk '{print $3}' {{path/to/file}}`, `cut -f 2 …`, `sort -k 2 -n …`) reads the
request's `.csv` file with the comma as its separator (`awk -F , '{print $3}' data.csv`,
`cut -d , -f 2 data.csv`, `sort -t , -k 2 -n data.csv`); a sort of another command's output keeps
its blanks (`uniq -c` writes none of the CSV's commas).
Called by nlshell/offline/extend.py once the placeholders are filled.
"""

from __future__ import annotations

import re

_CSV = re.compile(r"(?:^|\s)['\"]?[^\s'\"]+\.csv['\"]?(?=\s|$)", re.IGNORECASE)
_AWK = re.compile(r"(?P<pre>(?:^|[\s|;&(])(?:g|m)?awk)(?=\s+['\"])")
_AWK_SPLIT = re.compile(r"\s(?:-F|--field-separator)|\bFS\s*=")
_FIELD = re.compile(r"\$[1-9NF]")
_CUT = re.compile(r"(?P<pre>(?:^|[\s|;&(])cut)(?=\s+(?:-f|--fields))")
_CUT_SPLIT = re.compile(r"\scut\s(?:[^|;&]*\s)?(?:-d|--delimiter)")
_SORT = re.compile(r"(?P<pre>(?:^|[\s|;&(])sort)(?=(?:\s[^|;&]*)?\s(?:-[a-zA-Z]*k|--key)[^|;&]*\.csv\b)", re.IGNORECASE)  # sort reading the .csv itself
_SORT_SPLIT = re.compile(r"\ssort\s(?:[^|;&]*\s)?(?:-t|--field-separator)")


def comma_split(command: str) -> str:
    """`command` splitting the fields of the CSV file it reads on commas, when it splits them
    otherwise."""
    if not _CSV.search(command):
        return command
    if _FIELD.search(command) and not _AWK_SPLIT.search(command):
        command = _AWK.sub(lambda m: m.group("pre") + " -F ,", command, count=1)
    if not _CUT_SPLIT.search(" " + command):
        command = _CUT.sub(lambda m: m.group("pre") + " -d ,", command, count=1)
    if not _SORT_SPLIT.search(" " + command):
        command = _SORT.sub(lambda m: m.group("pre") + " -t ,", command, count=1)
    return command
