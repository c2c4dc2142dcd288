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


@pytest.mark.parametrize(
    ("command", "request_", "retyped_command"),
    [
        # the example's output kept its own format (was `logo.jpg` for "to png")
        ("convert logo.svg -resize 512x logo.jpg", "logo.svg to png, 512px wide", "convert logo.svg -resize 512x logo.png"),
        ("ffmpeg -i talk.mp4 -vn talk.wav", "talk.mp4 to mp3 audio", "ffmpeg -i talk.mp4 -vn talk.mp3"),
        ("convert logo.svg logo.png", "convert logo.svg to png", "convert logo.svg logo.png"),  # right already
        ("tar czf src.tar.gz src", "pack src to a tar.gz", "tar czf src.tar.gz src"),  # an archive is no media file
        ("mogrify -format jpg *.png", "convert all the pngs here to jpg", "mogrify -format jpg *.png"),  # a glob is what goes in
        ("convert a.jpg b.jpg", "convert a.jpg to b.jpg as png", "convert a.jpg b.jpg"),  # a file the request names stays
        ("convert a.jpg -resize 50% {{path/to/output.jpg}}", "a.jpg to png at half size",
         "convert a.jpg -resize 50% {{path/to/output.jpg}}"),  # a placeholder is the person's to fill
    ],
)
def test_the_file_a_conversion_makes_has_the_format_asked(command, request_, retyped_command):
    from nlshell.offline.converted import retyped

    assert retyped(command, request_) == retyped_command
