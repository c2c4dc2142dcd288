"""The shell startup file a request names is the one written to (nlshell/offline/startup.py)."""

import pytest

from nlshell.offline.startup import said_file, swapped


@pytest.mark.parametrize(
    ("request_text", "path"),
    [
        ("set LANG to en_US.UTF-8 in my zshrc", "~/.zshrc"),
        ("add ~/bin to PATH in ~/.bash_profile", "~/.bash_profile"),
        ("put it in config.fish", "~/.config/fish/config.fish"),
        ("add an alias to my shell config", ""),  # none named
        ("copy .bashrc to .zshrc", ""),  # two: neither is the one the example writes
    ],
)
def test_the_startup_file_a_request_names(request_text, path):
    assert said_file(request_text) == path


def test_the_example_writes_to_the_named_file():
    command = "echo 'export LANG=en_US.UTF-8' >> ~/.bashrc"
    assert swapped(command, "set LANG in my zshrc") == "echo 'export LANG=en_US.UTF-8' >> ~/.zshrc"
    assert swapped(command, "set LANG for good") == command
    assert swapped("source ~/.zshrc", "reload my zshrc") == "source ~/.zshrc"
