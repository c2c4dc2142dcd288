"""Each tool's option grammar, declared once: which of its options take a value.

Mostly the global options that may stand before the subcommand (`aws --profile prod s3 rb`,
`docker -H tcp://x system prune`, `git -C repo push`), from each tool's own reference; a
subcommand with options of its own names its grammar (`docker compose -f x.yml down`). A tool not
listed here is read with the plain grammar: every option is a flag.
"""

from __future__ import annotations

from nlshell.shell.options import PLAIN, Grammar


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
        "--output --container --field-selector --timeout --kustomize --label-columns"
    ),
)

_DOCKER_COMPOSE = Grammar(
    short="fp",
    long=_long("--file --project-name --env-file --profile --project-directory --ansi --parallel --progress"),
)

TOOLS: dict = {
    "git": Grammar(
        short="Cc",
        long=_long(
            "--git-dir --work-tree --namespace --exec-path --config-env --super-prefix --list-cmds"
        ),
        subcommands={
            "commit": Grammar(short="mCFSobc", long=_GIT_SUB_VALUES),
            "branch": Grammar(short="C", long=_GIT_SUB_VALUES),
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
    "fly": Grammar(short="act", long=_long("--app --config --access-token")),
    "flyctl": Grammar(short="act", long=_long("--app --config --access-token")),
    "heroku": Grammar(short="ar", long=_long("--app --remote")),
    "vercel": Grammar(short="tS", long=_long("--token --scope --cwd")),
}


def grammar_of(program: str) -> Grammar:
    """The option grammar of `program` (the plain one when none is declared)."""
    return TOOLS.get(program, PLAIN)
