"""One value a request states: read by nlshell/offline/values.py, placed by places.py, put into a
placeholder by slots.py. A module of its own, so that places.py (which values.py uses) needs no
import back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# What a reader module is handed to record a value it reads: add(kind, text, first, role=…, …).
Add = Callable[..., None]


@dataclass
class Value:
    kind: str  # file dir path glob name url host remote port pid process user group package service
    #            branch tag message pattern replacement variable action command gitremote count number
    #            size age seconds field interface link record expression key text geometry
    #            version
    text: str  # as it goes into the command
    at: int  # index of the request token it came from (`tokens(request)`)
    role: str = ""  # "name" (called/named X), "sought" (named X, in a search), "to", "from", "in", "run" (run X)
    seconds: int = 0  # for an age or a length of time: how long (an age's `text` is its sign)
    words: tuple[str, ...] = ()  # the words of the request it stands for
    spans: tuple[int, ...] = ()  # the request tokens it stands for (left out of the search)
    clock: str = ""  # for an age: "a" when the request asks about access ("not accessed for …")
    side: str = ""  # for a place: "remote" (on the host the request names) or "local" (here)
    nested: bool = False  # a relative path whose parents may not exist (`src/main/java`)
    login: str = ""  # for a host: the user the request logs in as (`pi@raspberrypi.local`)
    version: str = ""  # for a package: the version the request asks for ("django 4.2")
    port: str = ""  # for a host: the port said with it (`localhost:8080`), which a URL keeps


class Values(list):
    """The values a request states, and beside them its `loose` names (nlshell/offline/names.py):
    words that may name a thing though nothing in the sentence says so. Only a name-like placeholder
    nothing else fills takes one, so they are kept apart from what the request states."""

    def __init__(self, values=(), loose: list[Value] | None = None) -> None:
        super().__init__(values)
        self.loose: list[Value] = list(loose or ())
