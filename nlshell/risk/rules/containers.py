"""Containers: docker, podman and nerdctl. Pruning everything without asking is dangerous;
removing or stopping containers, deleting volumes, privileged containers and registry logins are
caution. Global options (`docker -H tcp://x`, `--context`) are read as options (shell/tools.py)."""

from __future__ import annotations

import re

from nlshell.risk.book import Row, program, unlisted
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.risk.rules.writes import output_option

_TOOLS = "docker podman nerdctl"
_COMPOSE = "docker-compose podman-compose"
# Every top-level command docker, podman and nerdctl ship; any other word runs a CLI plugin
# (`docker-WORD` on the plugin path), which may do anything.
_COMMANDS = frozenset(
    "attach build builder buildx checkpoint commit compose config container context cp create debug diff events "
    "exec export history image images import info init inspect kill load login logout logs manifest network node "
    "pause plugin port ps pull push rename restart rm rmi run save sbom scout search secret service stack start "
    "stats stop swarm system tag top trust unpause update version volume wait pod machine generate play kube "
    "healthcheck unshare mount umount auto-update farm artifact namespace ipfs apparmor help".split()
)



def _prune_what(cmd, parsed) -> dict:
    volumes = "--volumes" in parsed.long
    return {"flags": "--volumes -f" if volumes else "-af", "volumes": " and volumes" if volumes else ""}


def _root_mounted(cmd, parsed) -> bool:
    return any(re.match(r"^/:", a.text) for a in cmd.args)


# Subcommands of a management group that only look, start or create: any other word under the group
# (a new verb, a plugin's) is caution. Those that delete or stop are rows of their own above it.
_GROUP_LOOKS = {
    "system": "df info events", "volume": "ls list inspect exists create",
    "image": "ls list inspect history exists tree pull build save tag", "network": "ls list inspect exists create",
    "container": "ls list ps inspect logs top port stats diff exists wait attach create run start exec export",
    "pod": "ls list ps inspect exists top stats logs create start", "machine": "ls list inspect info init start",
    "context": "ls list inspect show", "builder": "ls inspect du build", "buildx": "ls inspect du build bake version",
    "compose": "ps ls logs config top images port version events build pull up create start run exec attach wait "
               "watch stats",
    "plugin": "ls inspect", "secret": "ls inspect", "service": "ls inspect logs ps", "node": "ls inspect ps",
    "stack": "ls ps services config", "manifest": "inspect", "trust": "inspect", "kube": "generate",
    "generate": "kube systemd spec",
}


def _unknown_in_group(cmd, parsed) -> dict | None:
    words = parsed.operands[:2]
    if len(words) < 2 or not words[0].literal or words[0].text not in _GROUP_LOOKS:
        return None
    if words[1].literal and words[1].text in _GROUP_LOOKS[words[0].text].split():
        return None
    return {"group": words[0].text, "word": words[1].text}


# What lists every container, image or volume: `$(docker ps -aq)`, `$(docker images -q)`.
_LISTINGS = {
    "container": ("ps", "container ls", "container list", "ps -a"),
    "image": ("images", "image ls", "image list"),
    "volume": ("volume ls", "volume list"),
}
_EVERY = {"container": "every container", "image": "every image", "volume": "every volume and the data in it"}


def _kind(parsed) -> str | None:
    """container, image or volume: what `rm`, `rmi`, `container rm`, `volume rm` remove."""
    ops = [w.text for w in parsed.operands[:2]]
    if ops[:1] == ["rm"]:
        return "container"
    if ops[:1] == ["rmi"]:
        return "image"
    if len(ops) == 2 and ops[0] in _LISTINGS and ops[1] in ("rm", "remove"):
        return ops[0]
    return None


def _lists_everything(word, kind: str) -> bool:
    """Is `word` a `$(docker ...)` that lists every one of `kind` (containers: also stopped ones)?"""
    for node in word.subs:
        words = re.sub(r"^\$\(|\)$|^`|`$", "", node.text.decode("utf-8", "replace")).split()
        if not words or words[0] not in ("docker", "podman", "nerdctl"):
            continue
        listing = " ".join(w for w in words[1:] if not w.startswith("-"))
        every = kind != "container" or any(w in ("-a", "--all") or re.fullmatch(r"-[a-z]*a[a-z]*", w) for w in words)
        if listing in _LISTINGS[kind] and every and "--filter" not in words and "-f" not in words:
            return True
    return False


def _everything(cmd, parsed) -> dict | None:
    """Removes all of a kind, by force (or volumes, whose data goes with them): `rm -af`,
    `rm -f $(docker ps -aq)`, `volume rm $(docker volume ls -q)`."""
    kind = _kind(parsed)
    if kind is None or (kind != "volume" and not parsed.has("f", "--force")):
        return None
    if (kind in ("container", "volume") and parsed.has("a", "--all")) or any(
        _lists_everything(w, kind) for w in parsed.operands
    ):  # `podman volume rm -a`
        return {"what": _EVERY[kind]}
    return None


_LOCAL_MACHINES = "multipass minikube kind k3d limactl vagrant colima"

ROWS = [
    Row("containers.delete-all-machines", DANGEROUS, "{tool} {sub} {flag} deletes every local virtual machine or "
        "cluster and the data in them", "multipass minikube", "delete", flags="--all"),
    Row("containers.delete-all-machines", DANGEROUS, "{tool} {sub} {flag} deletes every local virtual machine or "
        "cluster and the data in them", "kind", "delete clusters", flags="-A --all"),
    Row("containers.delete-all-machines", DANGEROUS, "{tool} {sub} {flag} deletes every local virtual machine or "
        "cluster and the data in them", "k3d", "cluster delete", flags="-a --all"),
    Row("containers.delete-machine", CAUTION, "{tool} {sub} deletes a local virtual machine or cluster and the data "
        "in it", _LOCAL_MACHINES, "delete|destroy|rm|remove"),
    Row("containers.delete-machine", CAUTION, "{tool} {sub} deletes a local virtual machine or cluster and the data "
        "in it", _LOCAL_MACHINES, "* delete|destroy|rm|remove"),
    Row("containers.vm-storage-delete", DANGEROUS, "virsh undefine {flag} deletes the machine's disks too",
        "virsh", "undefine", flags="--remove-all-storage --wipe-storage --storage"),
    Row("containers.volume-wipe", DANGEROUS, "virsh {sub} destroys the data on a storage volume", "virsh",
        "vol-wipe|pool-delete"),
    Row("containers.vm-change", CAUTION, "virsh {sub} changes or stops a virtual machine or its storage", "virsh",
        "undefine|destroy|shutdown|reboot|reset|suspend|vol-delete|pool-destroy|pool-undefine|snapshot-delete|"
        "net-destroy|net-undefine|detach-disk|detach-interface|managedsave-remove|setmem|setvcpus|edit|define|create|"
        "start|resume|attach-disk|attach-interface|snapshot-revert|migrate"),
    Row("containers.reset", DANGEROUS, "{tool} {sub} deletes every container, image, volume and setting (or "
        "every machine) it has", "podman", "system|machine reset"),
    Row("containers.prune-all", DANGEROUS, "{tool} system prune {flags} deletes all unused containers, "
        "images{volumes} without asking", _TOOLS, "system prune", flags=("-f --force", "-a --all --volumes"),
        when=_prune_what),
    Row("containers.prune", CAUTION, "deletes unused {tool} data (asks first unless -f)", _TOOLS, "system prune"),
    Row("containers.remove-everything", DANGEROUS, "{tool} {sub} removes {what} without asking", _TOOLS, "rm|rmi",
        when=_everything),
    Row("containers.remove-everything", DANGEROUS, "{tool} {sub} removes {what} without asking", _TOOLS,
        "container|image|volume rm|remove", when=_everything),
    Row("containers.prune-volumes", DANGEROUS, "{tool} volume prune -a -f deletes every unused volume and its data "
        "without asking", _TOOLS, "volume prune", flags=("-a --all", "-f --force")),
    Row("containers.delete-volumes", CAUTION, "deletes container volumes and the data in them", _TOOLS,
        "volume rm|prune|remove"),
    Row("containers.compose-volumes", DANGEROUS, "{tool} {sub} -v deletes the project's volumes: its "
        "databases and other stored data", _TOOLS, "compose down", flags="-v --volumes"),
    Row("containers.compose-volumes", DANGEROUS, "{tool} {sub} -v deletes the project's volumes: its "
        "databases and other stored data", _COMPOSE, "down", flags="-v --volumes"),
    Row("containers.remove", CAUTION, "{tool} {sub} removes or stops containers or images", _COMPOSE,
        "rm|kill|stop|down"),
    Row("containers.remove", CAUTION, "{tool} {sub} removes or stops containers or images", _TOOLS,
        "rm|rmi|kill|stop|prune|down"),
    Row("containers.remove", CAUTION, "{tool} {sub} removes or stops containers or images", _TOOLS,
        "* rm|prune|remove|kill|stop|down"),
    Row("containers.host-access", CAUTION, "runs a container with access to the host (--privileged or / mounted)",
        _TOOLS, "run|create", flags="--privileged"),
    Row("containers.host-access", CAUTION, "runs a container with access to the host (--privileged or / mounted)",
        _TOOLS, "run|create", when=_root_mounted),
    Row("containers.host-access", CAUTION, "runs a container with access to the host (--privileged or / mounted)",
        _TOOLS, "container run|create", flags="--privileged"),
    Row("containers.host-access", CAUTION, "runs a container with access to the host (--privileged or / mounted)",
        _TOOLS, "container run|create", when=_root_mounted),
    Row("containers.registry", CAUTION, "{tool} {sub} talks to a registry", _TOOLS, "push|login|logout"),
    Row("containers.change", CAUTION, "{tool} {sub} changes containers, services or their settings", _TOOLS,
        "restart|update|rename|pause|unpause|cp"),
    Row("containers.change", CAUTION, "{tool} {sub} changes containers, services or their settings", _COMPOSE,
        "restart|pause|unpause|cp"),
    Row("containers.change", CAUTION, "{tool} {sub} changes containers, services or their settings", _TOOLS,
        "* restart|update|rename|pause|unpause|cp|scale|rollback|leave|init|join|demote|promote|deploy|install|"
        "enable|disable|upgrade|set|revoke|sign|use|connect|disconnect"),
    Row("containers.group-unknown", CAUTION, "{tool} {group} {word} is not a subcommand known to only look",
        _TOOLS, when=_unknown_in_group),
    Row("containers.plugin", CAUTION, "{tool} {word} is not a {tool} command: a plugin may run anything", _TOOLS,
        when=unlisted(_COMMANDS)),
]

# Subcommands that write an archive to the file `-o`/`--output` names (to stdout without one).
_SAVES = (("save",), ("export",), ("image", "save"), ("container", "export"))


@program("docker", "podman", "nerdctl")
def saved_to_file(ctx, cmd) -> None:
    """`docker save -o FILE`, `docker export -o FILE`: the named file is replaced by a tar archive
    (`docker save -o logo.png nginx` writes over logo.png)."""
    words = [a.text for a in cmd.args if not a.text.startswith("-")][:2]
    if any(tuple(words[: len(sub)]) == sub for sub in _SAVES):
        output_option(ctx, cmd)


EXAMPLES = [
    ("docker save -o logo.png nginx", CAUTION, "writes.output"),
    ("docker image save --output=images.tar nginx redis", CAUTION, "writes.output"),
    ("podman export -o web.tar web", CAUTION, "writes.output"),
    ("docker save -o /etc/passwd nginx", DANGEROUS, "writes.output-critical"),
    ("docker save nginx", SAFE, "not writes.output"),
    ("docker run -o x alpine", SAFE, "not writes.output"),
    ("podman system reset -f", DANGEROUS, "containers.reset"),
    ("podman machine reset", DANGEROUS, "containers.reset"),
    ("podman system df", SAFE, "not containers.reset"),
    ("docker system foo", CAUTION, "containers.group-unknown"),
    ("podman system renumber", CAUTION, "containers.group-unknown"),
    ("docker volume ls -q", SAFE, "not containers.group-unknown"),
    ("docker container logs --tail 50 web", SAFE, "not containers.group-unknown"),
    ("docker compose ps", SAFE, "not containers.group-unknown"),
    ("docker container run --privileged alpine", CAUTION, "containers.host-access"),
    ("docker create -v /:/host alpine", CAUTION, "containers.host-access"),
    ("docker container run --rm alpine echo hi", SAFE, "not containers.host-access"),
    ("virsh undefine web --remove-all-storage", DANGEROUS, "containers.vm-storage-delete"),
    ("virsh undefine web", CAUTION, "not containers.vm-storage-delete"),
    ("virsh undefine web", CAUTION, "containers.vm-change"),
    ("virsh destroy web", CAUTION, "containers.vm-change"),
    ("virsh vol-wipe disk.qcow2 --pool default", DANGEROUS, "containers.volume-wipe"),
    ("virsh vol-info disk.qcow2 --pool default", SAFE, "not containers.volume-wipe"),
    ("virsh list --all", SAFE, "not containers.vm-change"),
    ("docker restart web", CAUTION, "containers.change"),
    ("podman volume rm -af", DANGEROUS, "containers.remove-everything"),
    ("minikube delete --all --purge", DANGEROUS, "containers.delete-all-machines"),
    ("kind delete clusters --all", DANGEROUS, "containers.delete-all-machines"),
    ("k3d cluster delete --all", DANGEROUS, "containers.delete-all-machines"),
    ("minikube delete", CAUTION, "not containers.delete-all-machines"),
    ("minikube delete", CAUTION, "containers.delete-machine"),
    ("vagrant destroy -f", CAUTION, "containers.delete-machine"),
    ("k3d cluster delete dev", CAUTION, "containers.delete-machine"),
    ("multipass list", SAFE, "not containers.delete-machine"),
    ("docker cp web:/app/out.log .", CAUTION, "containers.change"),
    ("docker swarm leave --force", CAUTION, "containers.change"),
    ("docker service scale web=0", CAUTION, "containers.change"),
    ("docker compose restart api", CAUTION, "containers.change"),
    ("docker service ls", SAFE, "not containers.change"),
    ("docker frobnicate --all", CAUTION, "containers.plugin"),
    ("docker -H tcp://x ps", SAFE, "not containers.plugin"),
    ("docker system prune -af", DANGEROUS, "containers.prune-all"),
    ("docker -H tcp://x system prune -af", DANGEROUS, "containers.prune-all"),
    ("podman system prune --volumes -f", DANGEROUS, "containers.prune-all"),
    ("docker system prune -a", CAUTION, "not containers.prune-all"),
    ("docker system prune -a", CAUTION, "containers.prune"),
    ("docker system df", SAFE, "not containers.prune"),
    ("docker volume rm data", CAUTION, "containers.delete-volumes"),
    ("docker volume ls", SAFE, "not containers.delete-volumes"),
    ("docker compose -f prod.yml down -v", DANGEROUS, "containers.compose-volumes"),
    ("docker-compose down --volumes", DANGEROUS, "containers.compose-volumes"),
    ("docker rm -f $(docker ps -aq)", DANGEROUS, "containers.remove-everything"),
    ("podman rm -af", DANGEROUS, "containers.remove-everything"),
    ("docker rmi -f $(docker images -q)", DANGEROUS, "containers.remove-everything"),
    ("docker volume rm $(docker volume ls -q)", DANGEROUS, "containers.remove-everything"),
    ("docker rm $(docker ps -aq)", CAUTION, "not containers.remove-everything"),
    ("docker rm -f $(docker ps -q --filter name=web)", CAUTION, "not containers.remove-everything"),
    ("docker volume prune -a -f", DANGEROUS, "containers.prune-volumes"),
    ("docker volume prune -f", CAUTION, "not containers.prune-volumes"),
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
