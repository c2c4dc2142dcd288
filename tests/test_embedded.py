"""The shell lines other languages' code amounts to (nlshell/risk/embedded.py): each language's
words are read back as that language means them, so the shell's rules rate what would really run."""

from __future__ import annotations

import pytest

from nlshell.risk.embedded import shell_commands


@pytest.mark.parametrize(
    "kind, code, expected",
    [
        # Emacs Lisp does not expand wildcards: "~/*" names a file called `*`, so the star stays quoted.
        ("elisp", '(delete-directory "~/*" t)', ["rm -rf ~'/*'"]),
        ("elisp", '(call-process "rm" nil nil nil "-rf" "~/a b")', ["rm -rf ~'/a b'"]),
        # PowerShell's -Path expands wildcards, so the star stays a glob.
        ("pwsh", "Remove-Item ~/* -Recurse -Force", ["rm -rf ~/*"]),
        # A quoted path is one path, spaces and all; its leading ~ is still the home directory.
        ("pwsh", 'Remove-Item "~/My Documents" -Recurse', ["rm -r ~'/My Documents'"]),
        ("pwsh", "Remove-Item -Path '$env:USERPROFILE/old' -Recurse -Force; Get-Date", ["rm -rf ~/old"]),
        ("pwsh", 'del "C:\\Users\\ann\\x y" a.txt', ["rm 'C:\\Users\\ann\\x y' a.txt"]),
        ("tcl", "file delete -force ~/build", ["rm -rf ~/build"]),
    ],
)
def test_code_reads_as_the_shell_lines_it_amounts_to(kind, code, expected):
    assert shell_commands(kind, code) == expected
