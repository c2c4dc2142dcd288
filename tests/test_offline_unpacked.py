"""A plain file read with a z-program is said with the plain program (nlshell/offline/unpacked.py)."""

import pytest

from nlshell.offline.unpacked import unpacked


@pytest.mark.parametrize(
    ("command", "said"),
    [
        ("zgrep 'error' log.txt", "grep 'error' log.txt"),
        ("zcat notes.md", "cat notes.md"),
        ("zgrep 'timeout' app.log.gz", "zgrep 'timeout' app.log.gz"),  # compressed: zgrep's
        ("zgrep 'timeout' {{path/to/file.gz}}", "zgrep 'timeout' {{path/to/file.gz}}"),  # a template to fill
        ("zgrep -i error /var/log/syslog*", "zgrep -i error /var/log/syslog*"),  # no file said by its type
        ("zcat a.txt | wc -l", "zcat a.txt | wc -l"),  # one command only
        ("grep x a.txt", "grep x a.txt"),
    ],
)
def test_a_plain_file_gets_the_plain_program(command, said):
    assert unpacked(command) == said
