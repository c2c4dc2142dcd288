"""Places that name their file type take the file of that type.

`sqlite3 {{path/to/database.db}} '.import --csv {{path/to/file.csv}} {{table}}'` names two places by
their type; "import customers.csv into crm.db" says the csv first and the database as where it
goes, so filling by order and by "to" put the csv where the database goes. When every typed place
of a command has exactly one file of its type, each takes its own (nlshell/offline/slots.py). And a
place named as text never takes a file that cannot be text (an ISO image, an archive, a picture).
"""

from __future__ import annotations

import re

from nlshell.offline.value import Value


def by_extension(typed: dict[int, str], accepted: dict[int, tuple[str, ...]], unused: list[Value]) -> dict[int, list[Value]]:
    """Places that each name another file type (`typed`: a place's index → the extension its name
    ends with, e.g. `sqlite3 {{path/to/database.db}} '.import {{path/to/file.csv}} …'`) take the one
    file of their type, whichever way the request orders them ("import customers.csv into crm.db");
    taken out of `unused`. `accepted`: the kinds of value each place takes. Nothing unless every such
    place has exactly one. A pattern (`*.pdf`) is no file: never where things go."""
    if len(typed) < 2 or len(set(typed.values())) < len(typed):
        return {}
    found = {i: [v for v in unused if v.kind in accepted[i] and v.kind != "glob" and v.text.lower().endswith(ext)]
             for i, ext in typed.items()}
    if any(len(values) != 1 for values in found.values()):
        return {}
    for values in found.values():
        unused.remove(values[0])
    return found


_TEXT = frozenset("txt csv tsv json md log list conf ini yaml yml".split())
_BINARY = frozenset("iso img qcow2 vmdk zip gz tgz xz bz2 zst 7z rar tar deb rpm jar pdf png jpg jpeg gif webp mp3 mp4 mkv mov avi wav flac".split())
VIDEO = frozenset("mp4 mkv mov webm avi m4v mpg mpeg".split())
AUDIO = frozenset("mp3 wav flac m4a ogg opus aac".split())
_PICTURE = frozenset("png jpg jpeg gif webp bmp tif tiff heic avif".split())
_KEY_PLACE = re.compile(r"key|identity|cert|\.(?:pem|crt|p12|pfx)$")  # `{{path/to/key}}`, curl's `-E {{client.pem}}`
# Files that are never a key, whatever a request calls them: settings, lists, logs.
_NO_KEYS = frozenset("config known_hosts authorized_keys hosts fstab sudoers passwd resolv.conf sshd_config .gitconfig".split())
# What a key or certificate file is called when its name has a type at all (`deploy_key` and
# `id_ed25519` have none).
_KEY_TYPES = frozenset("pem key crt cer der p12 pfx pub ppk asc gpg jks".split())
_KEY_FOLDER = re.compile(r"ssh|key|cert|tls|ssl|secret|pki")
_KEY_NAME = re.compile(r"key|id_|cert|rsa|ed25519|ecdsa|dsa|identity|pem|crt|ca$")


def mismatched(place: str, name: str) -> bool:
    """Whether a file goes where its type can never be read: a place named as text (`wget -i
    {{path/to/URLs.txt}}`, a list of addresses to fetch) is no place for `ubuntu.iso`, nor a key's
    (`ssh -i {{path/to/key}}`) for `~/.ssh/config`."""
    wanted, given = _type(place), _type(name)
    if is_key_place(place) and not could_be_key(name):
        return True
    if (wanted in VIDEO and given in _PICTURE) or (wanted in _PICTURE and given in VIDEO):
        return True  # "a 200x200 thumbnail of avatar.png" is no frame of `ffmpeg -i {{path/to/input.mp4}}`
    return wanted in _TEXT and given in _BINARY


def _type(name: str) -> str:
    """The type a file's (or a place's) name ends with, lower case: `{{path/to/input.mp4}}` → mp4."""
    base = name.rsplit("/", 1)[-1].lower()
    return base.rsplit(".", 1)[-1] if "." in base else ""


def is_key_place(place: str) -> bool:
    return bool(_KEY_PLACE.search(place.rsplit("/", 1)[-1].lower()))


def could_be_key(name: str) -> bool:
    """Whether a path may name a key or certificate: curl's `-E {{client.pem}} --key {{key.pem}}`
    took items.json, /dev/nvme0, /etc/cron.d and "rx/tx" when nothing else of the request fit."""
    base = name.rstrip("/").rsplit("/", 1)[-1].lower()
    given = base.rsplit(".", 1)[-1] if "." in base.lstrip(".") else ""
    if name.startswith(("/dev/", "/proc/", "/sys/")) or name.endswith("/") or base in _NO_KEYS:
        return False
    if given:
        return given in _KEY_TYPES
    # No type: a key's own name (`deploy_key`, `id_ed25519`; not `stargazers_count`), a path said in
    # full (`~/.ssh/id_rsa`), or one in a folder of keys; "rx/tx", "read/write" are no file.
    if "/" not in name:
        return bool(_KEY_NAME.search(base))
    return name.startswith(("/", "~", ".")) or bool(_KEY_FOLDER.search(name.rsplit("/", 1)[0].lower()))


_SCRIPTS = frozenset("py sh bash zsh js mjs ts rb pl php lua r".split())  # each run by its own interpreter
_INTERPRETERS = frozenset("python python3 bash sh zsh node ruby perl php lua Rscript".split())


def other_language(interpreter: str, place: str, name: str) -> bool:
    """Whether a script goes where another language's interpreter runs one: nightly_sync.sh is no
    `nohup python3 {{path/to/script.py}}`; elsewhere (`pkill -f {{script.sh}}`, a cron line) any
    script is one."""
    wanted, given = _type(place), _type(name)
    return interpreter in _INTERPRETERS and wanted in _SCRIPTS and given in _SCRIPTS and wanted != given

