"""Commands run inside a container or a pod: `docker exec web rm -rf /data`, `docker run alpine
CMD`, `docker compose exec db psql -c 'DROP DATABASE app'`, `kubectl exec pod -- CMD`.

What runs in there is rated as if typed, and its reasons say where: a database dropped or a volume
wiped inside a container is gone as surely as on the host. The container tools' own rules
(containers.py, kubernetes.py) judge the outer command; this family is always loaded, because a
container tool's rows stop at the first match and would never see the command inside.
"""

from __future__ import annotations

import shlex

from nlshell.risk.book import hook
from nlshell.risk.levels import DANGEROUS, SAFE

_CONTAINER_TOOLS = frozenset({"docker", "podman", "nerdctl"})
_COMPOSE_TOOLS = frozenset({"docker-compose", "podman-compose"})
_POD_TOOLS = frozenset({"kubectl", "oc"})

# Options that take a value, by subcommand (a flag not listed is read as taking none).
_EXEC_VALUES = frozenset("-e --env --env-file -u --user -w --workdir --detach-keys".split())
_RUN_VALUES = _EXEC_VALUES | frozenset(
    """
    -a --attach --add-host --annotation --blkio-weight --cap-add --cap-drop --cgroup-parent --cgroupns --cidfile
    -c --cpu-shares --cpus --cpuset-cpus --cpuset-mems --device --dns --dns-option --dns-search --domainname
    --entrypoint --expose --gpus --group-add --health-cmd --health-interval --health-retries --health-timeout
    -h --hostname --ip --ip6 --ipc --isolation --kernel-memory -l --label --label-file --link --log-driver
    --log-opt --mac-address -m --memory --memory-reservation --memory-swap --mount --name --network --net
    --network-alias -p --publish --pid --pids-limit --platform --pull --restart --runtime --security-opt
    --shm-size --stop-signal --stop-timeout --storage-opt --sysctl --tmpfs --ulimit --userns --uts -v --volume
    --volume-driver --volumes-from --index
    """.split()
)
_POD_VALUES = frozenset("-c --container -n --namespace -f --filename --pod-running-timeout --context --kubeconfig".split())


def _after_options(words: list, values: frozenset) -> tuple[list, dict]:
    """The words after the options (the target and its command), and the options' values."""
    given: dict = {}
    i = 0
    while i < len(words):
        t = words[i].text
        if t == "--":
            return words[i + 1 :], given
        if not t.startswith("-") or t == "-":
            return words[i:], given
        name, eq, value = t.partition("=")
        if eq:
            given[name] = value
        elif t in values and i + 1 < len(words):
            given[t] = words[i + 1].text
            i += 1
        i += 1
    return [], given


def inner_command(cmd) -> tuple[str, list] | None:
    """(where it runs, the command's words) for a command run in a container or pod, else None."""
    name, args = cmd.name, list(cmd.args)
    while args and args[0].text.startswith("-") and name in _CONTAINER_TOOLS:  # `docker -H x exec …`
        args = args[2:] if args[0].text in ("-H", "--host", "-c", "--context", "--config") else args[1:]
    if name in _CONTAINER_TOOLS and args[:1] and args[0].text in ("container", "compose") and len(args) > 1:
        if args[0].text == "compose":
            name = "docker-compose"
        args = args[1:]
    if name in _COMPOSE_TOOLS:
        while args and args[0].text.startswith("-"):  # `docker compose -f prod.yml exec …`
            args = args[2:] if args[0].text in ("-f", "--file", "-p", "--project-name", "--env-file") else args[1:]
    sub = args[0].text if args else ""
    if name in _CONTAINER_TOOLS | _COMPOSE_TOOLS and sub in ("exec", "run"):
        rest, given = _after_options(args[1:], _EXEC_VALUES if sub == "exec" else _RUN_VALUES)
        if not rest:
            return None
        target, command = rest[0].text, rest[1:]
        entrypoint = given.get("--entrypoint")
        if entrypoint:
            command = [type(rest[0])(entrypoint)] + command
        kind = "service" if name in _COMPOSE_TOOLS else ("container" if sub == "exec" else "a container of")
        where = f"in {kind} {target}" if kind == "a container of" else f"in the {kind} {target}"
        return (where, command) if command else None
    if name in _POD_TOOLS and sub == "exec":
        words = args[1:]
        texts = [w.text for w in words]
        if "--" in texts:
            before, command = words[: texts.index("--")], words[texts.index("--") + 1 :]
            target = next((w.text for w in _after_options(before, _POD_VALUES)[0][:1]), "a pod")
        else:
            rest, _given = _after_options(words, _POD_VALUES)
            target, command = (rest[0].text, rest[1:]) if rest else ("a pod", [])
        return (f"in the pod {target}", command) if command else None
    if name == "lxc" and sub == "exec" and len(args) > 2:
        texts = [w.text for w in args]
        if "--" in texts:
            return f"in the instance {args[1].text}", args[texts.index("--") + 1 :]
    return None


@hook("command")
def inside(ctx, cmd) -> None:
    if cmd.name not in _CONTAINER_TOOLS | _COMPOSE_TOOLS | _POD_TOOLS and cmd.name != "lxc":
        return
    found = inner_command(cmd)
    if found is None:
        return
    where, words = found
    # The words reach the program as they are (no shell in between): quote what was literal.
    code = " ".join(shlex.quote(w.text) if w.literal else (w.raw or w.text) for w in words)
    ctx.merge(ctx.nested(code), cmd, where=where + ": ")


EXAMPLES = [
    ("docker exec web rm -rf /", DANGEROUS, "files.delete-broad"),
    ("docker exec -u root -it web rm -rf /data/*", DANGEROUS, "files.delete-broad"),
    ("docker compose exec db psql -c 'DROP DATABASE app'", DANGEROUS, "databases.destroy"),
    ("docker run --rm -v $PWD:/src alpine rm -rf /src/*", DANGEROUS, "files.delete-broad"),
    ("docker run --entrypoint rm alpine -rf /", DANGEROUS, "files.delete-broad"),
    ("kubectl exec -n prod api-0 -- rm -rf /var/lib/data", DANGEROUS, "files.delete-broad"),
    ("podman exec c sh -c 'rm -rf /'", DANGEROUS, "files.delete-broad"),
    ("docker exec web ls /data", SAFE, "not files.delete-broad"),
    ("docker run --rm alpine echo 'rm -rf /'", SAFE, "not files.delete-broad"),
    ("kubectl exec -it api-0 -- sh", SAFE, "not files.delete-broad"),
]
