"""The container's side of a published port is the image's own (nlshell/offline/published.py)."""

import pytest

from nlshell.offline.published import published
from test_offline_answer import first  # noqa: E402  (the index fixture: tests/conftest.py)


@pytest.mark.parametrize(
    ("command", "filled"),
    [
        ("docker run -d -p 5432:{{container_port}} postgres:16", "docker run -d -p 5432:5432 postgres:16"),
        ("docker run -d -p 8080:{{container_port}} nginx", "docker run -d -p 8080:80 nginx"),  # nginx listens on 80
        ("docker run --name db -p 6000:{{container_port}} -d library/redis:7", "docker run --name db -p 6000:6379 -d library/redis:7"),
        ("docker run -d -p 3000:{{container_port}} myapp:dev", "docker run -d -p 3000:3000 myapp:dev"),  # unknown: the same
        ("docker run -d -p 6379:{{80}} redis", "docker run -d -p 6379:6379 redis"),  # a default the example left open
        ("docker run -d -p {{host_port}}:{{container_port}} {{image}}", "docker run -d -p {{host_port}}:{{container_port}} {{image}}"),
        ("ssh -p 2222 host", "ssh -p 2222 host"),
    ],
)
def test_the_containers_side_of_a_published_port(command, filled):
    assert published(command) == filled


def test_an_answer_publishes_the_images_port(index):
    assert first(index, "spin up postgres 16 in docker on 5432") == "docker run -d -p 5432:5432 postgres:16"
