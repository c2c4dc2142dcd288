"""Containers: docker, podman and nerdctl. Pruning everything without asking is dangerous;
removing or stopping containers, deleting volumes, privileged containers and registry logins are
caution. Global options (`docker -H tcp://x`, `--context`) are read as options (shell/tools.py)."""

from __future__ import annotations

import re

from nlshell.risk.book import Row
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE

_TOOLS = "docker podman nerdctl"


def _prune_what(cmd, parsed) -> dict:
    volumes = "--volumes" in parsed.long
    return {"flags": "--volumes -f" if volumes else "-af", "volumes": " and volumes" if volumes else ""}


def _root_mounted(cmd, parsed) -> bool:
    return any(re.match(r"^/:", a.text) for a in cmd.args)


ROWS = [
    Row("containers.prune-all", DANGEROUS, "{tool} system prune {flags} deletes all unused containers, "
        "images{volumes} without asking", _TOOLS, "system prune", flags=("-f --force", "-a --all --volumes"),
        when=_prune_what),
    Row("containers.prune", CAUTION, "deletes unused {tool} data (asks first unless -f)", _TOOLS, "system prune"),
    Row("containers.delete-volumes", CAUTION, "deletes container volumes and the data in them", _TOOLS,
        "volume rm|prune|remove"),
    Row("containers.compose-volumes", CAUTION, "deletes the compose project's volumes", _TOOLS, "compose down",
        flags="-v --volumes"),
    Row("containers.remove", CAUTION, "{tool} {sub} removes or stops containers or images", _TOOLS,
        "rm|rmi|kill|stop|prune|down"),
    Row("containers.remove", CAUTION, "{tool} {sub} removes or stops containers or images", _TOOLS,
        "* rm|prune|remove|kill|stop|down"),
    Row("containers.host-access", CAUTION, "runs a container with access to the host (--privileged or / mounted)",
        _TOOLS, "run", flags="--privileged"),
    Row("containers.host-access", CAUTION, "runs a container with access to the host (--privileged or / mounted)",
        _TOOLS, "run", when=_root_mounted),
    Row("containers.registry", CAUTION, "{tool} {sub} talks to a registry", _TOOLS, "push|login|logout"),
]

EXAMPLES = [
    ("docker system prune -af", DANGEROUS, "containers.prune-all"),
    ("docker -H tcp://x system prune -af", DANGEROUS, "containers.prune-all"),
    ("podman system prune --volumes -f", DANGEROUS, "containers.prune-all"),
    ("docker system prune -a", CAUTION, "not containers.prune-all"),
    ("docker system prune -a", CAUTION, "containers.prune"),
    ("docker system df", SAFE, "not containers.prune"),
    ("docker volume rm data", CAUTION, "containers.delete-volumes"),
    ("docker volume ls", SAFE, "not containers.delete-volumes"),
    ("docker compose -f prod.yml down -v", CAUTION, "containers.compose-volumes"),
    ("docker compose down", CAUTION, "not containers.compose-volumes"),
    ("docker rm -f web", CAUTION, "containers.remove"),
    ("docker compose down", CAUTION, "containers.remove"),
    ("docker ps -a", SAFE, "not containers.remove"),
    ("docker run --privileged -it alpine sh", CAUTION, "containers.host-access"),
    ("docker run -v /:/host alpine ls /host", CAUTION, "containers.host-access"),
    ("docker run -v ./data:/data alpine ls", SAFE, "not containers.host-access"),
    ("docker push me/app:1.0", CAUTION, "containers.registry"),
    ("docker pull alpine", SAFE, "not containers.registry"),
]
