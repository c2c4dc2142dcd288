"""A file and another format with no verb asks to convert it (nlshell/offline/converted.py): read
pure, and through the ranking."""

from __future__ import annotations

import pytest

from nlshell.offline.converted import converts, formats
from nlshell.offline.values import request_values

from test_offline_answer import first  # noqa: E402  (the index fixture: tests/conftest.py)


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("screen.mov to mp4 pls", True),
        ("all the pngs in this folder -> jpg", True),
        ("notes.md into html", True),
        ("copy notes.txt to pdf", False),  # a verb of its own: the copy asked
        ("song.mp3 to mp3", False),  # already that format
        ("report.pdf to bob", False),  # no format after "to"
        ("mp4 to gif", False),  # no file named
    ],
)
def test_a_file_and_another_format_with_no_verb_is_a_conversion(request_text, expected):
    assert converts(request_text, request_values(request_text)) is expected


def test_formats_are_the_tables_media_and_type_words():
    assert {"mp4", "jpg", "mp3", "csv", "json", "html"} <= formats()
    assert "python" not in formats()  # a type word that is no extension


def test_pngs_to_jpg_converts_them(index):
    assert first(index, "all the pngs in this folder -> jpg").startswith("mogrify -format jpg")
