"""The container's side of a published port: "spin up postgres 16 in docker on 5432" is `docker
run -d -p 5432:5432 postgres:16`.

A request says the port it wants on this machine; the port the software listens on inside its
container goes unsaid, because everyone knows it (the word table's `port` lines: postgres 5432,
redis 6379, nginx 80). `-p 5432:{{container_port}}` left it to edit; it is now the image's port,
or, for an image the table does not know, the same number as this machine's side.
"""

from __future__ import annotations

import re

_PUBLISHED = re.compile(r"(?P<pre>(?:-p|--publish)[ =](?P<host>\d{1,5}):)\{\{(?:container_port|\d{1,5})\}\}")  # or `{{80}}`
_RUN = re.compile(r"\b(?:docker|podman)(?:\s+container)?\s+(?:run|create)\b")
_IMAGE = re.compile(r"\s([a-z0-9][a-z0-9._/-]*)(?::[\w.-]+)?(?=\s|$)")


def published(command: str) -> str:
    """`command` with the container's side of a published port said (unchanged when there is none
    to fill)."""
    match = _PUBLISHED.search(command)
    if not match or not _RUN.search(command):
        return command
    port = _image_port(command[match.end() :]) or match.group("host")
    return command[: match.start()] + match.group("pre") + port + command[match.end() :]


def _image_port(rest: str) -> str:
    """The port the image named after the options listens on, by its name ("" when unknown)."""
    from nlshell.offline.vocabulary import vocabulary

    ports = vocabulary().ports
    for found in _IMAGE.finditer(" " + rest):
        name = found.group(1).rsplit("/", 1)[-1]
        if name in ports:
            return ports[name]
    return ""
