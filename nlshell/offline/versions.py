"""Names said with a version or a tag, and images said as what to run: "the postgres 16 image" is
`postgres:16`, "pip install django 4.2" installs `django` at 4.2, "tag it myapp:1.0" names the
image `myapp:1.0`, "run nginx in docker" and "start a redis container" run the image `nginx`,
`redis`.

Read once every other reading is done (nlshell/offline/values.py), from what it left: a number
right after a name is that name's version only where the request is about images (it says docker,
image, container …) or the name is a package it installs; elsewhere "tree of lib 3 levels" and
"top 10" keep their numbers. A package keeps its version beside it (`Value.version`):
nlshell/offline/slots.py writes it the way the command's package manager does (`django==4.2`,
`react@18`), or into the command's own `{{version}}`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlshell.offline.commands import programs
from nlshell.offline.value import Add, Value
from nlshell.offline.vocabulary import vocabulary

_VERSION = re.compile(r"^v?\d+(?:\.\d+)*(?:-[a-z][\w.-]*)?$", re.I)  # 16, 22.04, v18, 1.25-alpine
_TAGGED = re.compile(r"^[a-z0-9][\w./-]*:[\w][\w.-]*$")  # myapp:1.0, nginx:1.25-alpine, api:latest
_TAG = re.compile(r"latest|stable|alpine|slim|\d{1,2}(?:\.\d+){0,2}(?:-[\w.]+)?|[a-z]+-?\d*(?:-[\w.]+)?", re.I)  # 16, 3.12-slim, lts
_ADDRESS = re.compile(r"^(?:localhost|[\d.]+|[\w-]+(?:\.[\w-]+)+\.[a-z]{2,}):\d+$", re.I)  # localhost:8080 is no image
_VERSION_WORDS = frozenset({"version", "release", "at", "@"})  # "react at version 18", "python release 3.12"
_RELEASE = re.compile(r"^v?\d+(?:\.\d+)+$", re.I)  # 1.26.4: a release, never a file
_PINNED = frozenset({"to", "exactly", "pinned", "precisely", "=="})
_MANAGED = frozenset({"to", "version", "with", "via", "using", "the", "a"})
_AROUND_IMAGE = frozenset({"docker", "podman", "container", "containers", "a", "an", "the"})
_PACKAGE_KINDS = frozenset({"package", "name"})
_RUN_OR_PULL = frozenset({"run", "pull"})  # "docker run redis": what follows is an image ("start web" may be a container)

_PIP = frozenset({"pip", "pip3", "pipx", "uv", "python", "python3", "poetry", "conda"})  # `django==4.2`
_APT = frozenset({"apt", "apt-get", "aptitude"})  # `nginx=1.24`



def images(lower: list[str]) -> bool:
    """Whether the request is about container images: it says docker, image, container …."""
    return not vocabulary().around["image_words"].isdisjoint(lower)


def _pulled(tokens: list[str], lower: list[str]) -> bool:
    """Whether the request pulls or runs an image it names by its tag, saying no docker word: "pull
    postgres:16", "run redis:7-alpine"; db01:5432 is a port on a machine, no tag."""
    return bool(_RUN_OR_PULL & set(lower)) and any(
        _TAGGED.match(token.lower()) and not _ADDRESS.match(token) and _TAG.fullmatch(token.rsplit(":", 1)[1])
        for token in tokens
    )


def read(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Add,
         name: Callable[[str], bool]) -> None:
    """Read versions, tags and images to run into `values` (in request order); `name`: whether a
    word may be a name (no stop word, verb or word of the table)."""
    imaged = images(lower) or _pulled(tokens, lower)
    pinning = _pinning(lower)
    if imaged:
        _tagged(values)
        for i, token in enumerate(tokens):
            if i not in taken and _TAGGED.match(token.lower()) and not _ADDRESS.match(token):
                add("image", token, i)  # "tagged api:latest"
                _sort(values)
        _run_images(values, tokens, lower, taken, add, name)
    for i, token in enumerate(tokens):
        if not _VERSION.match(token) or token.count(".") > 3:
            continue
        j = i - 1
        while j > 0 and (lower[j] in _VERSION_WORDS or lower[j] in _PINNED and pinning):
            j -= 1  # "react at version 18", "pin django to 4.2", "requests, pinned to exactly 2.31.0"
        if j < 0 or j == i:
            continue
        after = lower[i + 1] if i + 1 < len(lower) else ""
        if not (not after or after in vocabulary().stop or after in vocabulary().around["image_words"]):
            continue  # "3 levels", "10 lines": a number that counts something
        owner = next((v for v in values if v.at == j or j in v.spans), None)
        number = next((v for v in values if i in v.spans or v.at == i), None)
        if number is not None and number.kind not in ("number", "version", "count", "seconds") and not (
            pinning and _RELEASE.match(token)  # "numpy 1.26.4": no file named 1.26.4
        ):
            continue
        if imaged and (owner is None and j not in taken and name(lower[j]) or owner is not None and owner.kind in (
            "package", "name", "container", "image", "process", "service")):
            _drop(values, number)
            if owner is not None:
                values.remove(owner)
            add("image", f"{tokens[j]}:{token.lstrip('vV')}", j, last=i, at=j)
            _sort(values)
        elif owner is not None and owner.kind in _PACKAGE_KINDS and not imaged:
            _drop(values, number)
            owner.kind, owner.version = "package", token.lstrip("vV")
            owner.spans = tuple(sorted(set(owner.spans) | {i}))  # "version" stays a search word
        elif number is not None and number.kind == "number" and lower[j] in vocabulary().around["runtimes"]:
            number.kind, number.text = "version", token.lstrip("vV")  # "switch to node 18": `nvm use 18`
        elif owner is None and pinning and j not in taken and name(lower[j]) and lower[j] not in _MANAGED:
            _drop(values, number)  # "install numpy 1.26.4 via pip", "pin django to 4.2"
            add("package", tokens[j], j, last=i, at=j, version=token.lstrip("vV"))  # the number is no search word
            _sort(values)


def _pinning(lower: list[str]) -> bool:
    """Whether the request installs or pins packages: a name said with a number is one at a version
    ("pin flask to 2.3.3 with pip", "pin requests to 2.31.0", "upgrade numpy to 1.26.4"; the word
    table's `pinning` and `package_managers` lines)."""
    around = vocabulary().around
    if around["pinning"].isdisjoint(lower):
        return False
    # "pin requests to 2.31.0": pinning says it alone, and so does a release number beside a name
    return not around["package_managers"].isdisjoint(lower) or "pin" in lower or any(_RELEASE.match(w) for w in lower)


def _tagged(values: list[Value]) -> None:
    """A name with its tag (`myapp:1.0`) read as a place or a name is an image."""
    for value in values:
        if value.kind in ("path", "file", "dir", "name", "remote", "host") and _TAGGED.match(value.text) and not (
            _ADDRESS.match(value.text)
        ):
            value.kind, value.side = "image", ""


_NEW_ONE = frozenset({"a", "an", "new", "throwaway", "disposable", "temporary", "fresh"})


def _run_images(values: list[Value], tokens: list[str], lower: list[str], taken: set[int], add: Add,
                name: Callable[[str], bool]) -> None:
    """"run nginx in docker", "docker run redis", "start a redis container", "pull alpine": the image
    to run or pull; after another verb only with what it runs in ("start postgres in a container")."""
    for value in values:
        if value.kind == "container" and value.at > 0 and lower[value.at - 1] in _NEW_ONE:
            value.kind = "image"  # "start a redis container", "throwaway ubuntu container": a new one, of the image redis
    running = vocabulary().around["image_verbs"]
    for i in range(1, len(lower)):
        verb = lower[i - 2] if lower[i - 1] == "up" and i > 1 else lower[i - 1]  # "spin up redis"
        if verb not in running or i in taken or not name(lower[i]) or _VERSION.match(lower[i]):
            continue
        if any(i in v.spans or v.at == i for v in values):
            continue
        following = lower[i + 1 : i + 3]
        if verb in _RUN_OR_PULL or (following and following[0] in ("in", "with", "on", "using", "under") and len(
            following) > 1 and following[1] in _AROUND_IMAGE) or (following and following[0] in _AROUND_IMAGE - {"a", "an", "the"}):
            add("image", tokens[i], i)
            _sort(values)


def _drop(values: list[Value], value: Value | None) -> None:
    if value is not None and value in values:
        values.remove(value)


def _sort(values: list[Value]) -> None:
    values.sort(key=lambda v: v.at)


def placed(command: str, kinds: set[str], values: list[Value]) -> tuple[list[Value], dict[int, str]]:
    """A package said with its version ("pip install django 4.2") in a command whose placeholders
    are of `kinds`: the version goes into the command's `{{version}}`, else beside the name the way
    its package manager writes it (`django==4.2`, `react@18`, `nginx=1.24`). The values to fill
    (with the version as one of its own when it has a place), and the text each package gets after it."""
    versioned = [v for v in values if v.kind == "package" and v.version]
    if not versioned:
        return values, {}
    if "version" in kinds and not any(v.kind == "version" for v in values):
        return [*values, Value("version", versioned[0].version, versioned[0].at)], {}
    run = set(programs(command))
    joiner = "==" if run & _PIP else "=" if run & _APT else "@"
    return values, {id(v): joiner + v.version for v in versioned}
