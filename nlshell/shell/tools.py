"""Each tool's option grammar, declared once: which of its options take a value.

Mostly the global options that may stand before the subcommand (`aws --profile prod s3 rb`,
`docker -H tcp://x system prune`, `git -C repo push`), from each tool's own reference; a
subcommand with options of its own names its grammar (`docker compose -f x.yml down`). A tool not
listed here is read with the plain grammar: every option is a flag.
"""

from __future__ import annotations

from nlshell.shell.options import PLAIN, Grammar
from nlshell.shell.options import parse as parse_options
from nlshell.shell.patterns import lazy

_VERSION = lazy(r"[0-9.]+$")


def _long(names: str) -> frozenset:
    return frozenset(names.split())


_GIT_SUB_VALUES = _long(
    "--message --file --author --date --expire --expire-unreachable --onto --strategy --source "
    "--pathspec-from-file --exclude --repo --push-option --receive-pack --exec"
)
_GIT_SUB = Grammar(long=_GIT_SUB_VALUES)

_KUBECTL = Grammar(
    short="nsflocLk",
    long=_long(
        "--as --as-group --as-uid --cache-dir --certificate-authority --client-certificate --client-key "
        "--cluster --context --kubeconfig --namespace --password --profile --profile-output "
        "--request-timeout --server --tls-server-name --token --user --username --filename --selector "
        "--output --container --field-selector --timeout --kustomize --label-columns --clusterrole --serviceaccount --role"
    ),
)

_DOCKER_COMPOSE = Grammar(
    short="fp",
    long=_long("--file --project-name --env-file --profile --project-directory --ansi --parallel --progress"),
)

_FLY = Grammar(short="act", long=_long("--app --config --access-token"))
_PYTHON = Grammar(short="cmWXQ", stop=True)
_NODE = Grammar(
    short="eprC",
    long=_long(
        "--eval --print --require --import --loader --experimental-loader --conditions --input-type --title "
        "--inspect-port --env-file"
    ),
    stop=True,
)
_AWK = Grammar(short="Fvfe", long=_long("--field-separator --assign --file --source --include --load"))
_APT = Grammar(short="oct", long=_long("--option --config-file --target-release"))
_DNF = Grammar(
    short="cxdeR",
    long=_long(
        "--config --exclude --setopt --releasever --installroot --enablerepo --disablerepo --repo --repoid "
        "--forcearch --downloaddir --destdir --debuglevel --errorlevel"
    ),
)

TOOLS: dict = {
    # disks
    "cryptsetup": Grammar(
        short="cshdSlboptTi",
        long=_long(
            "--type --cipher --key-size --hash --key-file --keyfile-size --key-slot --header --iter-time --pbkdf "
            "--label --subsystem --sector-size --uuid --offset --skip --size --timeout --tries --master-key-file "
            "--volume-key-file --integrity --token-id --key-description"
        ),
    ),
    "wipefs": Grammar(short="otO", long=_long("--offset --types --output")),
    # text: the options of sort, iconv and shuf that take a value (coreutils' and glibc's manuals);
    # the rater reads their output file with these (`sort -uo F`, `sort -o/tmp/x`)
    "sort": Grammar(
        short="kotST",
        long=_long("--key --output --field-separator --buffer-size --temporary-directory --files0-from "
                   "--batch-size --compress-program --random-source --parallel --sort"),
    ),
    "iconv": Grammar(short="fto", long=_long("--from-code --to-code --output")),
    "shuf": Grammar(short="ino", long=_long("--input-range --head-count --output --random-source")),
    # services, schedules, logs
    "systemctl": Grammar(
        short="tspHMnoT",
        long=_long(
            "--type --state --property --host --machine --lines --output --signal --kill-whom --root --job-mode"
        ),
    ),
    "journalctl": Grammar(
        short="uptSUnobDMcF",
        long=_long(
            "--unit --priority --identifier --since --until --lines --output --boot --directory --machine --cursor "
            "--field --vacuum-time --vacuum-size --vacuum-files --user-unit --file --root --namespace --grep"
        ),
    ),
    "crontab": Grammar(short="uT", long=_long("--user")),
    "history": Grammar(short="d"),
    # interpreters: the options that take a value, then the script and its own arguments
    "python": _PYTHON,
    "perl": Grammar(short="eEI", stop=True),
    "ruby": Grammar(short="eIrCEF", stop=True),
    "node": _NODE,
    "nodejs": _NODE,
    "bun": Grammar(short="epr", long=_long("--eval --print --preload --cwd --env-file"), stop=True),
    "php": Grammar(short="rfdczSBRFEt", stop=True),
    "lua": Grammar(short="el", stop=True),
    "Rscript": Grammar(short="e", stop=True),
    "osascript": Grammar(short="els", stop=True),
    "awk": _AWK,
    "gawk": _AWK,
    "mawk": _AWK,
    "nawk": _AWK,
    # package managers
    "apt": _APT,
    "apt-get": _APT,
    "aptitude": _APT,
    "nala": _APT,
    "dnf": _DNF,
    "yum": _DNF,
    "microdnf": _DNF,
    "zypper": Grammar(short="cRr", long=_long("--config --root --repo --reposd-dir --cache-dir")),
    "pacman": Grammar(
        short="rb",
        long=_long("--root --dbpath --config --cachedir --logfile --gpgdir --hookdir --arch --sysroot"),
    ),
    "git": Grammar(
        short="Cc",
        long=_long(
            "--git-dir --work-tree --namespace --exec-path --config-env --super-prefix --list-cmds"
        ),
        subcommands={
            "commit": Grammar(short="mCFSobc", long=_GIT_SUB_VALUES),
            "branch": Grammar(short="C", long=_GIT_SUB_VALUES),
            "checkout": Grammar(short="bB", long=_GIT_SUB_VALUES | _long("--orphan --conflict")),
            "switch": Grammar(short="cC", long=_GIT_SUB_VALUES | _long("--create --force-create --orphan --conflict")),
            "restore": Grammar(short="s", long=_GIT_SUB_VALUES | _long("--source --conflict")),
        },
        then=_GIT_SUB,
    ),
    "aws": Grammar(
        long=_long(
            "--endpoint-url --output --query --profile --region --color --ca-bundle --cli-read-timeout "
            "--cli-connect-timeout --cli-binary-format"
        )
    ),
    "gcloud": Grammar(
        long=_long(
            "--access-token-file --account --billing-project --configuration --flags-file --flatten "
            "--format --project --trace-token --verbosity --impersonate-service-account --region --zone"
        )
    ),
    "az": Grammar(short="ogn", long=_long("--output --query --subscription --name --resource-group")),
    "docker": Grammar(
        short="cHl",
        long=_long("--config --context --host --log-level --tlscacert --tlscert --tlskey"),
        subcommands={"compose": _DOCKER_COMPOSE},
    ),
    "podman": Grammar(
        short="c",
        long=_long(
            "--cgroup-manager --conmon --connection --events-backend --hooks-dir --identity --imagestore "
            "--log-level --module --network-cmd-path --network-config-dir --root --runroot --runtime "
            "--runtime-flag --ssh --storage-driver --storage-opt --tmpdir --url --volumepath"
        ),
        subcommands={"compose": _DOCKER_COMPOSE},
    ),
    "nerdctl": Grammar(
        short="anH",
        long=_long("--address --namespace --snapshotter --cni-path --data-root --host --cgroup-manager"),
        subcommands={"compose": _DOCKER_COMPOSE},
    ),
    "docker-compose": _DOCKER_COMPOSE,
    "podman-compose": _DOCKER_COMPOSE,
    "kubectl": _KUBECTL,
    "oc": _KUBECTL,
    "helm": Grammar(
        short="nf",
        long=_long(
            "--burst-limit --kube-apiserver --kube-as-group --kube-as-user --kube-ca-file --kube-context "
            "--kube-tls-server-name --kube-token --kubeconfig --namespace --qps --registry-config "
            "--repository-cache --repository-config --values --set --version --output"
        ),
    ),
    "pulumi": Grammar(short="Cs", long=_long("--cwd --stack --color --tracing --profiling --logflow")),
    "gh": Grammar(short="R", long=_long("--repo --hostname")),
    "glab": Grammar(short="R", long=_long("--repo")),
    "gsutil": Grammar(short="ohu", then=PLAIN),
    "rclone": Grammar(
        long=_long(
            "--config --log-file --log-level --exclude --include --filter --filter-from --exclude-from "
            "--include-from --files-from --bwlimit --transfers --checkers --max-age --min-age --max-size "
            "--min-size --backup-dir --suffix --stats"
        )
    ),
    "mc": Grammar(short="C", long=_long("--config-dir")),
    "doctl": Grammar(short="tco", long=_long("--context --access-token --output --config")),
    "fly": _FLY,
    "flyctl": _FLY,
    "heroku": Grammar(short="ar", long=_long("--app --remote")),
    "vercel": Grammar(short="tS", long=_long("--token --scope --cwd")),
}


# Tools whose first operand is a subcommand with help of its own (`git push --help`).
SUBCOMMAND_TOOLS = frozenset(
    """
    git docker podman nerdctl kubectl oc helm aws gcloud az gh glab terraform tofu pulumi npm pnpm yarn
    bun pip pip3 pipx uv cargo go dotnet apt apt-get dnf yum zypper brew snap flatpak systemctl
    journalctl ip nmcli firewall-cmd ufw gsutil rclone mc doctl fly flyctl heroku vercel conda mamba
    poetry gem composer crane gcrane skopeo oras regctl
    """.split()
)


# Options that make a tool only show what it would do, and the subcommands they do that for (None:
# any). Only where the tool itself says so: `-n` is no-clobber to `cp`, and `rm` has no dry run
# (BSD rm would delete a file named `--dry-run`).
_DRY = "--dry-run"
DRY_RUN = {
    "rsync": (None, "-n --dry-run"),
    "rclone": (None, "-n --dry-run"),
    "aws": (None, "--dryrun --dry-run"),
    "gsutil": (frozenset({"rsync"}), "-n"),
    "kubectl": (None, _DRY),
    "oc": (None, _DRY),
    "kubeadm": (None, _DRY),
    "helm": (None, _DRY),
    "git": (frozenset({"push", "clean", "rm", "mv", "add", "prune", "reflog", "worktree", "remote", "filter-repo"}),
            "-n --dry-run"),
    "git-filter-repo": (None, _DRY),
    "apt": (None, "-s --simulate --just-print --dry-run --recon --no-act"),
    "apt-get": (None, "-s --simulate --just-print --dry-run --recon --no-act"),
    "pip": (None, _DRY),
    "pip3": (None, _DRY),
    "npm": (None, _DRY),
    "pnpm": (None, _DRY),
    "yarn": (None, _DRY),
    "cargo": (None, _DRY),
    "ansible": (None, "-C --check"),
    "ansible-playbook": (None, "-C --check"),
    "make": (None, "-n --just-print --dry-run --recon"),
    "restic": (None, _DRY),
    "borg": (None, "-n --dry-run"),
    "zfs": (None, "-n"),
    "zpool": (None, "-n"),
    "mc": (None, _DRY),
    "rpm": (None, "--test"),
    "dnf": (None, "--assumeno"),
    "yum": (None, "--assumeno"),
    "pacman": (None, "-p --print"),
    "brew": (frozenset({"cleanup", "autoremove", "uninstall", "remove", "rm"}), "-n --dry-run"),
    "certbot": (None, _DRY),
}


def dry_run(program: str, args: list) -> bool:
    """Does `args` tell `program` only to show what it would do (`rsync -n`, `--dry-run`)?"""
    known = DRY_RUN.get(program)
    if known is None:
        return False
    subcommands, flags = known
    parsed = parse_options(args, grammar_of(program))
    if subcommands is not None and not (parsed.operands and parsed.operands[0].text in subcommands):
        return False
    for flag in flags.split():
        if flag.startswith("--"):
            value = parsed.long.get(flag)
            if value is not None and value.lower() not in ("none", "false", "0", "no"):
                return True
        elif flag[1] in parsed.short:
            return True
    return False


def grammar_of(program: str) -> Grammar:
    """The option grammar of `program` (the plain one when none is declared)."""
    grammar = TOOLS.get(program)
    if grammar is None:  # python3.12, perl5.36, pypy3
        base = _VERSION.sub("", program)
        grammar = _PYTHON if base == "pypy" else TOOLS.get(base)
    return grammar or PLAIN
