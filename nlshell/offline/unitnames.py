"""A systemd unit the request names by its file name: "errors from myapp.service today",
"restart backup.timer". It is a service (what `journalctl -u {{unit}}`, `systemctl status
{{unit}}` take), never a file here to read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_UNIT = re.compile(r"^[\w@:-][\w@.:-]*\.(?:service|timer|socket|target|mount|slice)$")


def read(add: Callable[..., None], tokens: list[str], i: int) -> bool:
    """The unit at token `i`, as a service; whether it read one."""
    if not _UNIT.match(tokens[i]):
        return False
    add("service", tokens[i], i)
    return True
