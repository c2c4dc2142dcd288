"""Cloud and SaaS tools: infrastructure as code, object stores, cloud CLIs, backups, hosted git.

Deleting everything a tool manages (terraform destroy, a bucket with --force, a project, a
resource group, a sync that deletes what the source lacks) is dangerous; any other subcommand
that deletes or changes resources is caution. Each tool's global options are read with its
grammar (shell/tools.py): `aws --profile prod s3 rb` is still `s3 rb`.
"""

from __future__ import annotations

import re

from nlshell.risk.book import Row, Rule, all_of, given, program
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE
from nlshell.shell.options import parse as parse_options
from nlshell.shell.patterns import lazy
from nlshell.shell.tools import grammar_of

_IAC = "terraform tofu terragrunt pulumi"


def _targeted(cmd, parsed) -> bool:
    return any(a.text.startswith(("-target", "--target")) for a in cmd.args)


def _bucket_root(scheme: str):
    return lambda cmd, parsed: any(re.fullmatch(scheme + r"://[^/]+/?", w.text) for w in parsed.operands)


def _deletes_destination(cmd, parsed) -> bool:
    return any("delete-destination" in a.text and "false" not in a.text for a in cmd.args)


def _whole_repository(cmd, parsed) -> bool:
    return len(parsed.operands) > 1 and "::" not in parsed.operands[1].text

# What the IaC tools do that only looks (or sets up), and a group's words that only look; any other word is caution.
_IAC_LOOKS = frozenset(
    "init validate plan fmt get graph output providers show version console login logout metadata test preview "
    "about whoami convert gen-completion schema new help hclfmt render-json graph-dependencies output-module-groups "
    "validate-inputs".split()
)
_IAC_GROUPS = {"state": "list show pull", "workspace": "list show select new", "stack": "ls select init output "
               "history export graph", "config": "get", "plugin": "ls", "org": "get-default", "policy": "ls validate-config"}


def _iac_unknown(cmd, parsed) -> dict | None:
    words = [w.text if w.literal else None for w in parsed.operands[:3]]
    if cmd.name == "terragrunt" and words[:1] in (["run-all"], ["run"]):
        words = words[1:]  # `terragrunt run-all plan` runs terraform's plan in each module
    if not words or (words[0] in _IAC_LOOKS and words[0] not in _IAC_GROUPS):
        return None
    if words[0] in _IAC_GROUPS and (len(words) < 2 or words[1] in _IAC_GROUPS[words[0]].split()):
        return None
    return {"word": " ".join(w or "(a value known at run time)" for w in words[:2])}


ROWS = [
    Row("cloud.destroy-targeted", CAUTION, "{tool} destroy deletes the targeted infrastructure", _IAC, "destroy",
        when=_targeted),
    Row("cloud.destroy-targeted", CAUTION, "{tool} destroy deletes the targeted infrastructure", _IAC, "* destroy",
        when=_targeted),
    Row("cloud.destroy-all", DANGEROUS, "{tool} destroy deletes all the infrastructure this configuration manages",
        _IAC, "destroy"),
    Row("cloud.destroy-all", DANGEROUS, "{tool} destroy deletes all the infrastructure this configuration manages",
        _IAC, "* destroy"),
    Row("cloud.destroy-all", DANGEROUS, "{tool} destroy deletes all the infrastructure this configuration manages",
        _IAC, "apply", when=all_of(given("-destroy"), lambda cmd, parsed: not _targeted(cmd, parsed))),
    Row("cloud.destroy-all", DANGEROUS, "{tool} destroy deletes all the infrastructure this configuration manages",
        _IAC, "up", flags="--destroy", when=lambda cmd, parsed: not _targeted(cmd, parsed)),
    Row("cloud.destroy-stack", DANGEROUS, "{tool} {sub} deletes the stack and every resource it made", "aws",
        "cloudformation delete-stack"),
    Row("cloud.destroy-stack", DANGEROUS, "{tool} {sub} deletes the stack and every resource it made", "cdk", "destroy"),
    Row("cloud.destroy-stack", DANGEROUS, "{tool} {sub} deletes the stack and every resource it made", "sam", "delete"),
    Row("cloud.destroy-stack", DANGEROUS, "{tool} {sub} deletes the stack and every resource it made",
        "serverless sls", "remove"),
    Row("cloud.infrastructure", CAUTION, "{tool} {sub} changes real infrastructure", _IAC,
        "apply|import|taint|untaint|force-unlock|up|refresh"),
    Row("cloud.infrastructure", CAUTION, "{tool} {sub} changes real infrastructure", _IAC, "state rm"),
    Row("cloud.iac-unknown", CAUTION, "{tool} {word} is not known to only look: it may change real infrastructure "
        "or its state", _IAC, when=_iac_unknown),
    Row("cloud.delete-bucket", DANGEROUS, "{tool} {sub} --force deletes the bucket and everything in it", "aws",
        "s3 rb", flags="--force"),
    Row("cloud.delete-bucket", DANGEROUS, "{tool} {sub} --force deletes the bucket and everything in it", "mc", "rb",
        flags="--force"),
    Row("cloud.empty-bucket", DANGEROUS, "{tool} {sub} {flag} deletes every object in the bucket", "aws", "s3 rm",
        flags="--recursive", when=_bucket_root("s3")),
    Row("cloud.empty-bucket", DANGEROUS, "{tool} {sub} {flag} deletes every object in the bucket", "gsutil", "rm",
        flags="-r -R", when=_bucket_root("gs")),
    Row("cloud.sync-delete", DANGEROUS, "{tool} {sub} deletes everything at the destination that is not in the "
        "source", "aws", "s3 sync", flags="--delete"),
    Row("cloud.sync-delete", DANGEROUS, "{tool} {sub} deletes everything at the destination that is not in the "
        "source", "gsutil", "rsync", flags="-d"),
    Row("cloud.sync-delete", DANGEROUS, "{tool} {sub} deletes everything at the destination that is not in the "
        "source", "rclone", "sync"),
    Row("cloud.sync-delete", DANGEROUS, "{tool} {sub} deletes everything at the destination that is not in the "
        "source", "azcopy", "sync", when=_deletes_destination),
    Row("cloud.sync-delete", DANGEROUS, "{tool} {sub} deletes everything at the destination that is not in the "
        "source", "mc", "mirror", flags="--remove"),
    Row("cloud.delete-project", DANGEROUS, "gcloud projects delete deletes the whole project", "gcloud",
        "projects delete"),
    Row("cloud.delete-resource-group", DANGEROUS, "az group delete deletes the resource group and everything in it",
        "az", "group delete"),
    Row("cloud.purge", DANGEROUS, "rclone purge deletes the path and everything in it", "rclone", "purge"),
    Row("cloud.empty-bucket", DANGEROUS, "{tool} {sub} {flag} deletes every object in the bucket", "s3cmd",
        "del|rm", flags="-r --recursive", when=_bucket_root("s3")),
    Row("cloud.empty-remote", DANGEROUS, "{tool} {sub} deletes every file on the remote {first}", "rclone",
        "delete", when=lambda cmd, parsed: len(parsed.operands) > 1 and bool(re.fullmatch(r"[\w.-]+:/?",
                                                                                            parsed.operands[1].text))),
    Row("cloud.delete-all-backups", DANGEROUS, "{tool} {sub} --all deletes every backup", "velero",
        "delete|backup", flags="--all"),
    Row("cloud.delete-all-keys", DANGEROUS, "{tool} {sub} deletes every key in the store", "consul",
        "kv delete", when=lambda cmd, parsed: any(a.text in ("-recurse", "--recurse") for a in cmd.args) and (
            len(parsed.operands) < 3 or parsed.operands[2].text in ("", "/"))),
    Row("cloud.delete-all-keys", DANGEROUS, "{tool} {sub} deletes every key in the store", "etcdctl",
        "del", flags="--prefix --from-key", when=lambda cmd, parsed: len(parsed.operands) < 2 or
        parsed.operands[1].text in ("", "/", "\\0")),
    Row("cloud.delete-backups", DANGEROUS, "borg delete deletes the whole backup repository", "borg", "delete",
        when=_whole_repository),
    Row("cloud.delete-database", DANGEROUS, "deletes the database without a final snapshot", "aws",
        "rds|docdb|neptune delete-db-instance|delete-db-cluster", flags="--skip-final-snapshot"),
    Row("cloud.delete-database", DANGEROUS, "deletes the database without a final snapshot", "aws",
        "redshift delete-cluster", flags="--skip-final-cluster-snapshot"),
    Row("cloud.delete-datastore", DANGEROUS, "{tool} {sub} deletes {what} and everything stored in it", "aws",
        "* *", when=lambda cmd, parsed: _datastore(_AWS_STORES, parsed, 2)),
    Row("cloud.delete-datastore", DANGEROUS, "{tool} {sub} deletes {what} and everything stored in it",
        "az", when=lambda cmd, parsed: _datastore(_OTHER_STORES, parsed, 4)),
    Row("cloud.delete-datastore", DANGEROUS, "{tool} {sub} deletes {what} and everything stored in it",
        "gcloud", flags="-q --quiet", when=lambda cmd, parsed: _datastore(_OTHER_STORES, parsed, 4)),
    Row("cloud.delete-datastore", DANGEROUS, "{tool} {sub} deletes {what} and everything stored in it",
        "bq", flags="-f --force", when=lambda cmd, parsed: _datastore(_OTHER_STORES, parsed, 4)),
    Row("cloud.delete-repository", DANGEROUS, "{tool} repo delete deletes the repository without asking", "gh glab",
        "repo delete", flags="--yes -y --confirm"),
    Row("cloud.mass-delete", DANGEROUS, "gitlab-rails runs a mass deletion", "gitlab-rails",
        when=lambda cmd, parsed: any(re.search(r"destroy_all|delete_all", a.text) for a in cmd.args)),
    Row("cloud.purge-queue", DANGEROUS, "{tool} {sub} deletes every message in the queue", "aws",
        "sqs purge-queue"),
    Row("cloud.delete-namespace", DANGEROUS, "{tool} {sub} deletes the namespace and everything in it", "az",
        "eventhubs|servicebus|relay|notification-hub namespace delete"),
    Row("cloud.purge-deleted", DANGEROUS, "{tool} {sub} deletes for good what was only soft-deleted (it cannot be "
        "recovered after this)", "az", "keyvault purge"),
    Row("cloud.purge-deleted", DANGEROUS, "{tool} {sub} deletes for good what was only soft-deleted (it cannot be "
        "recovered after this)", "az", "keyvault secret|key|certificate purge"),
    Row("cloud.reset-database", DANGEROUS, "{tool} {sub} deletes every table and row of the app's database", "heroku",
        "pg:reset"),
]

# Whole stores of data, by the subcommand that deletes one (each gone with every record in it).
_AWS_STORES = {
    "sqs delete-queue": "the queue", "opensearch delete-domain": "the search cluster",
    "es delete-elasticsearch-domain": "the search cluster", "dynamodb delete-table": "the table",
    "kinesis delete-stream": "the stream", "elasticache delete-cache-cluster": "the cache cluster",
    "elasticache delete-replication-group": "the cache cluster", "timestream-write delete-database": "the database",
    "timestream-write delete-table": "the table", "keyspaces delete-keyspace": "the keyspace",
    "keyspaces delete-table": "the table", "glue delete-database": "the catalog database",
    "efs delete-file-system": "the file system", "s3api delete-bucket": None, "logs delete-log-group": "the log group",
}
_OTHER_STORES = {
    "storage table delete": "the table", "storage queue delete": "the queue", "storage share delete": "the file share",
    "storage container delete": "the container", "storage account delete": "the storage account",
    "redis delete": "the cache", "cosmosdb delete": "the database account", "sql db delete": "the database",
    "postgres server delete": "the database server", "mysql server delete": "the database server",
    "postgres flexible-server delete": "the database server", "mysql flexible-server delete": "the database server",
    "cosmosdb sql database delete": "the database", "cosmosdb mongodb database delete": "the database",
    "sql instances delete": "the database instance", "spanner instances delete": "the database instance",
    "spanner databases delete": "the database", "bigtable instances delete": "the instance",
    "firestore databases delete": "the database", "redis instances delete": "the cache",
    "alloydb clusters delete": "the database cluster", "rm": "the dataset or table",
}


def _datastore(stores: dict, parsed, words: int) -> dict | None:
    """The store a subcommand path (`sqs delete-queue`, `storage table delete`) deletes."""
    path = [w.text for w in parsed.operands[:words] if w.literal]
    for n in range(len(path), 0, -1):
        what = stores.get(" ".join(path[:n]))
        if what:
            return {"what": what}
    return None


RULES = [
    Rule("cloud.change", CAUTION, "{tool} {path} changes or deletes cloud resources"),
    Rule("cloud.unknown", CAUTION, "{tool} {path} is not known to only read: it may change or publish something"),
    Rule("cloud.grant-admin", DANGEROUS, "{tool} gives {who} full control of the account or project ({role})"),
]

# Roles that hand an account over: whoever holds one can do anything, grant themselves more included.
_ADMIN_ROLES = lazy(
    r"(?i)(?:arn:aws:iam::aws:policy/(?:AdministratorAccess|IAMFullAccess|PowerUserAccess)\b|^roles/(?:owner|editor|"
    r"iam\.securityAdmin|resourcemanager\.\w*Admin|iam\.serviceAccountTokenCreator)$|^(?:Owner|User Access "
    r"Administrator|Contributor)$)"
)
# What aws operations only read; any other operation (a new one, a typo) is a change.
_AWS_READS = (
    "describe-", "list-", "get-", "head-", "wait", "help", "ls", "presign", "lookup-", "search-", "scan", "query",
    "batch-get-", "filter-", "validate-", "estimate-", "simulate-", "test-", "preview-", "check-", "detect-",
    "tail", "whoami", "show", "version", "receive-", "generate-presigned-", "decode-",
)


def _admin_grant(name: str, words: list) -> dict | None:
    """`aws iam attach-user-policy … AdministratorAccess`, `gcloud … add-iam-policy-binding --role=roles/owner`,
    `az role assignment create --role Owner`."""
    if name not in ("aws", "gcloud", "az"):
        return None
    grants = any(w.startswith(("attach-", "put-")) and "polic" in w for w in words) or any(
        w in ("add-iam-policy-binding", "set-iam-policy") for w in words
    ) or (name == "az" and "role" in words and "create" in words)
    if not grants:
        return None
    given: list = []  # (option, value), also from `--option=value`
    for i, w in enumerate(words):
        if w.startswith("--") and "=" in w:
            given.append(tuple(w.split("=", 1)))
        elif w.startswith("--") and i + 1 < len(words):
            given.append((w, words[i + 1]))
    role = next((v for _o, v in given if _ADMIN_ROLES.search(v)), None)
    if role is None:
        return None
    who = next((v for o, v in given if o in ("--user-name", "--role-name", "--group-name", "--member", "--assignee")),
               "someone")
    return {"tool": name, "who": who, "role": role.rsplit("/", 1)[-1]}

CLOUD_TOOLS = (
    "aws gcloud gsutil az azcopy mc rclone restic borg velero vault doppler op glab gh heroku fly flyctl vercel "
    "netlify wrangler doctl linode-cli hcloud oci ibmcloud s3cmd b2 firebase supabase eksctl kubectl helm oc k9s "
    "nomad consul gitlab-rails gitlab-rake gitlab-ctl sentry-cli stripe twilio exoscale scw upctl vultr-cli civo "
    "crane gcrane skopeo oras regctl etcdctl"
).split()
_DESTRUCTIVE_VERB = lazy(
    r"^(?:delete|del|destroy|remove|rm|rb|purge|prune|drop|uninstall|disable|revoke|terminate|deregister|forget|"
    r"untag|unset|cleanup|dedupe|break-lock|compact|recreate|wipe|erase|flush\w*|reset|deletefile|rmdir|"
    r"archive|restore|kill|stop|scale|drain|cordon|evict|move|sync|mirror|uninstall|release:perform|"
    r"(?:batch-)?delete-[\w-]+|[\w-]+-delete|terminate-[\w-]+|remove-[\w-]+|disable-[\w-]+|destroy_all|"
    r"[\w:]+:restore|undeploy|unpublish|yank|deprecate|unlink)$"
)
_VERB_PART = lazy(
    r"(?:^|-)(?:delete|remove|destroy|terminate|purge|drop|deregister|revoke|disable|wipe|erase|uninstall|prune|"
    r"detach|disassociate|cancel)(?:-|$)"
)
_AWS_WRITES = ("delete-", "terminate-", "remove-", "put-", "update-", "create-", "modify-", "change-", "batch-delete")
_DELETE_OPTION = lazy(r"^--(?:remove|delete|purge|prune|cleanup|force|destroy)(?:[-=]|$)")

# Subcommand words that only read, or open a session whose commands are rated on their own. A
# subcommand with none of them (a deploy, a merge, `config:set`, a new or mistyped verb) is not
# known to be harmless: never fail open. A changing word beside a reading one wins (`secrets get`
# reads, `config:set` does not).
_READ_WORDS = frozenset(
    "list ls lsd lsf lsjson lsl tree get show view describe status info inspect cat head tail logs log events "
    "whoami version help search find browse diff plan preview validate verify check explain top watch wait clone "
    "download fetch read stats history members health ping usage completion docs query scan lookup snapshots ssh "
    "console login ps checkout print config digest catalog manifest indexes balance regions sizes images checks "
    "tags versions open exists".split()
)
_CHANGE_WORDS = frozenset(
    "set unset add create update deploy merge close reopen edit run rerun apply push upload publish start restart "
    "stop enable disable import rename transfer sync approve review comment rollback promote release scale "
    "invoke trigger put write new fork delete remove".split()
)
_READ_PREFIXES = ("list-", "get-", "describe-", "show-")
_OWN_RULES = frozenset({"aws", "kubectl", "oc", "helm", "k9s"})  # aws above; kubernetes.py
_ACTS_BARE = frozenset({"vercel"})  # `vercel` alone deploys the project


def _reads_only(name: str, words: list, lower: list) -> bool:
    """Is this subcommand path known to only read?"""
    parts = [p for w in lower for p in w.split(":") if p]
    if not parts:
        return name not in _ACTS_BARE
    if parts[0] == "api" and name in ("gh", "glab"):  # a GET unless a method or fields say otherwise
        return _api_reads(words)
    if any(p in _CHANGE_WORDS for p in parts):
        return False
    return any(p in _READ_WORDS or p.startswith(_READ_PREFIXES) for p in parts)


def _api_reads(words: list) -> bool:
    """`gh api PATH` is a GET; fields or an input make it a POST, unless the method says GET (then
    the fields are the query string: `gh api -X GET search/issues -f q=bug`)."""
    method = None
    for i, w in enumerate(words):
        if w in ("-X", "--method") and i + 1 < len(words):
            method = words[i + 1]
        elif w.startswith("--method="):
            method = w.split("=", 1)[1]
        elif w.startswith("-X") and len(w) > 2:
            method = w[2:]
    if any(w == "--input" or w.startswith("--input=") for w in words):
        return False
    if method is not None:
        return method.upper() in ("GET", "HEAD")
    return not any(w in ("-f", "-F", "--field", "--raw-field") or w.startswith(("--field=", "--raw-field=")) for w in words)


@program(*CLOUD_TOOLS)
def cloud_change(ctx, cmd) -> None:
    """Any subcommand word that deletes or changes (`ec2 terminate-instances`, `apps destroy`)."""
    name = cmd.name
    words = [a.text for a in cmd.args]
    path = [w.text for w in parse_options(cmd.args, grammar_of(name)).operands[:4]]
    lower = [w.lower() for w in path]
    hit = next(
        (w for w in lower if any(_DESTRUCTIVE_VERB.match(part) or _VERB_PART.search(part) for part in w.split(":"))
         or w in ("cp", "mv")),
        None,
    )
    if hit is None and any(w in ("-X", "--method") for w in words):
        i = next(k for k, w in enumerate(words) if w in ("-X", "--method"))
        if i + 1 < len(words) and words[i + 1].upper() in ("DELETE", "PUT", "PATCH", "POST"):
            hit = words[i + 1].lower()
    granted = _admin_grant(name, words)
    if granted:
        ctx.add("cloud.grant-admin", cmd, **granted)
        return
    if hit is None and name == "aws":
        hit = next((w for w in lower if w.startswith(_AWS_WRITES)), None)
        if hit is None and len(lower) >= 2 and (lower[1] not in ("ls", "presign", "mb") if lower[0] == "s3" else
                                                lower[0] not in ("configure", "help") and not lower[1].startswith(_AWS_READS)):
            hit = lower[1]  # an operation not known to only read
    if hit is None:
        hit = next((w for w in words if _DELETE_OPTION.match(w)), None)
        if hit is not None:
            path = path + [hit]
    if hit is None and name in ("aws", "gcloud", "az") and any(
        w in ("put-secret-value", "update-secret", "change-resource-record-sets") for w in lower
    ):
        hit = "update"
    if hit:
        shown = path[: path.index(hit) + 1] if hit in path else path[:2]
        ctx.add("cloud.change", cmd, tool=name, path=" ".join(shown))
    elif name not in _OWN_RULES and not _reads_only(name, words, lower):
        ctx.add("cloud.unknown", cmd, tool=name, path=" ".join(path[:3]) or "(no subcommand)")


EXAMPLES = [
    ("aws iam attach-user-policy --user-name eve --policy-arn arn:aws:iam::aws:policy/AdministratorAccess", DANGEROUS,
     "cloud.grant-admin"),
    ("gcloud projects add-iam-policy-binding p --member=user:eve@x.com --role=roles/owner", DANGEROUS, "cloud.grant-admin"),
    ("az role assignment create --assignee eve@x.com --role Owner --scope /subscriptions/1", DANGEROUS,
     "cloud.grant-admin"),
    ("aws iam attach-user-policy --user-name eve --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess", CAUTION,
     "not cloud.grant-admin"),
    ("aws iam list-attached-user-policies --user-name eve", SAFE, "not cloud.grant-admin"),
    ("aws lambda invoke --function-name f out.json", CAUTION, "cloud.change"),
    ("aws sts get-caller-identity", SAFE, "not cloud.change"),
    ("aws ec2 describe-instances", SAFE, "not cloud.change"),
    ("terraform destroy -target=aws_instance.x", CAUTION, "cloud.destroy-targeted"),
    ("terraform destroy", DANGEROUS, "not cloud.destroy-targeted"),
    ("terraform destroy", DANGEROUS, "cloud.destroy-all"),
    ("terraform -chdir=infra destroy", DANGEROUS, "cloud.destroy-all"),
    ("terraform apply -destroy", DANGEROUS, "cloud.destroy-all"),
    ("terraform plan", SAFE, "not cloud.destroy-all"),
    ("terraform apply", CAUTION, "cloud.infrastructure"),
    ("terraform state rm aws_instance.x", CAUTION, "cloud.infrastructure"),
    ("terraform validate", SAFE, "not cloud.infrastructure"),
    ("aws s3 $OP s3://bucket/key", CAUTION, "cloud.change"),
    ("aws s3 ls s3://bucket --recursive", SAFE, "not cloud.change"),
    ("pulumi stack rm prod --force", CAUTION, "cloud.iac-unknown"),
    ("terraform state mv a.b a.c", CAUTION, "cloud.iac-unknown"),
    ("terraform $ACTION", CAUTION, "cloud.iac-unknown"),
    ("tofu frobnicate", CAUTION, "cloud.iac-unknown"),
    ("terraform -chdir=infra plan -out=tf.plan", SAFE, "not cloud.iac-unknown"),
    ("terraform state list", SAFE, "not cloud.iac-unknown"),
    ("terragrunt run-all plan", SAFE, "not cloud.iac-unknown"),
    ("pulumi stack output --json", SAFE, "not cloud.iac-unknown"),
    ("aws s3 rb s3://bucket --force", DANGEROUS, "cloud.delete-bucket"),
    ("aws --profile prod s3 rb --force s3://b", DANGEROUS, "cloud.delete-bucket"),
    ("mc rb --force local/bucket", DANGEROUS, "cloud.delete-bucket"),
    ("aws s3 rb s3://bucket", CAUTION, "not cloud.delete-bucket"),
    ("aws s3 rm --recursive s3://bucket", DANGEROUS, "cloud.empty-bucket"),
    ("gsutil rm -r gs://bucket", DANGEROUS, "cloud.empty-bucket"),
    ("aws s3 rm --recursive s3://bucket/logs/2020", CAUTION, "not cloud.empty-bucket"),
    ("aws s3 sync . s3://bucket --delete", DANGEROUS, "cloud.sync-delete"),
    ("rclone sync src remote:dst", DANGEROUS, "cloud.sync-delete"),
    ("aws s3 sync . s3://bucket", CAUTION, "not cloud.sync-delete"),
    ("gcloud projects delete myproj", DANGEROUS, "cloud.delete-project"),
    ("gcloud --project p projects delete p", DANGEROUS, "cloud.delete-project"),
    ("gcloud projects list", SAFE, "not cloud.delete-project"),
    ("az group delete -n rg", DANGEROUS, "cloud.delete-resource-group"),
    ("az --subscription s group delete -n rg", DANGEROUS, "cloud.delete-resource-group"),
    ("az group list", SAFE, "not cloud.delete-resource-group"),
    ("rclone purge remote:old", DANGEROUS, "cloud.purge"),
    ("rclone ls remote:old", SAFE, "not cloud.purge"),
    ("s3cmd del --recursive --force s3://bucket", DANGEROUS, "cloud.empty-bucket"),
    ("rclone delete remote:", DANGEROUS, "cloud.empty-remote"),
    ("rclone delete remote:old/logs", CAUTION, "not cloud.empty-remote"),
    ("velero delete backup --all --confirm", DANGEROUS, "cloud.delete-all-backups"),
    ("velero delete backup nightly-1", CAUTION, "not cloud.delete-all-backups"),
    ("etcdctl del '' --prefix", DANGEROUS, "cloud.delete-all-keys"),
    ("consul kv delete -recurse", DANGEROUS, "cloud.delete-all-keys"),
    ("consul kv delete -recurse app/cache", CAUTION, "not cloud.delete-all-keys"),
    ("etcdctl del /app/x", CAUTION, "not cloud.delete-all-keys"),
    ("borg delete /backups/repo", DANGEROUS, "cloud.delete-backups"),
    ("borg delete /backups/repo::monday", CAUTION, "not cloud.delete-backups"),
    ("aws rds delete-db-instance --db-instance-identifier db --skip-final-snapshot", DANGEROUS, "cloud.delete-database"),
    ("aws rds delete-db-instance --db-instance-identifier db", CAUTION, "not cloud.delete-database"),
    ("aws dynamodb delete-table --table-name orders", DANGEROUS, "cloud.delete-datastore"),
    ("aws --region eu-west-1 sqs delete-queue --queue-url https://sqs.x/q", DANGEROUS, "cloud.delete-datastore"),
    ("az storage container delete -n logs --account-name acct", DANGEROUS, "cloud.delete-datastore"),
    ("gcloud sql instances delete prod-db --quiet", DANGEROUS, "cloud.delete-datastore"),
    ("gcloud sql instances delete prod-db", CAUTION, "not cloud.delete-datastore"),  # gcloud asks first
    ("bq rm -r -f analytics", DANGEROUS, "cloud.delete-datastore"),
    ("aws dynamodb delete-item --table-name orders --key file://k.json", CAUTION, "not cloud.delete-datastore"),
    ("az storage blob delete -c logs -n old.log", CAUTION, "not cloud.delete-datastore"),
    ("gh repo delete me/app --yes", DANGEROUS, "cloud.delete-repository"),
    ("gh repo delete me/app", CAUTION, "not cloud.delete-repository"),
    ("gitlab-rails runner 'Project.destroy_all'", DANGEROUS, "cloud.mass-delete"),
    ("gitlab-rails runner 'puts Project.count'", CAUTION, "not cloud.mass-delete"),  # Ruby the rater cannot read
    ("aws cloudformation delete-stack --stack-name web", DANGEROUS, "cloud.destroy-stack"),
    ("cdk destroy --all --force", DANGEROUS, "cloud.destroy-stack"),
    ("serverless remove --stage prod", DANGEROUS, "cloud.destroy-stack"),
    ("aws cloudformation describe-stacks --stack-name web", SAFE, "not cloud.destroy-stack"),
    ("cdk diff", SAFE, "not cloud.destroy-stack"),
    ("aws sqs purge-queue --queue-url https://sqs.x/q", DANGEROUS, "cloud.purge-queue"),
    ("aws sqs receive-message --queue-url https://sqs.x/q", SAFE, "not cloud.purge-queue"),
    ("az servicebus namespace delete -n bus -g rg", DANGEROUS, "cloud.delete-namespace"),
    ("az servicebus queue delete -n q --namespace-name bus -g rg", CAUTION, "not cloud.delete-namespace"),
    ("az keyvault purge --name vault", DANGEROUS, "cloud.purge-deleted"),
    ("az keyvault secret purge --vault-name v --name db-password", DANGEROUS, "cloud.purge-deleted"),
    ("az keyvault delete --name vault", CAUTION, "not cloud.purge-deleted"),
    ("heroku pg:reset DATABASE_URL --confirm app", DANGEROUS, "cloud.reset-database"),
    ("heroku pg:info", SAFE, "not cloud.reset-database"),
    ("heroku apps:destroy --app web --confirm web", CAUTION, "cloud.change"),
    ("netlify sites:delete site-id", CAUTION, "cloud.change"),
    ("aws ec2 terminate-instances --instance-ids i-1", CAUTION, "cloud.change"),
    ("doctl compute droplet delete web", CAUTION, "cloud.change"),
    ("aws s3 ls s3://bucket", SAFE, "not cloud.change"),
    ("gh pr merge 12", CAUTION, "cloud.unknown"),
    ("gh repo edit --visibility public", CAUTION, "cloud.unknown"),
    ("gh api repos/o/r/issues -f title=x", CAUTION, "cloud.unknown"),
    ("vercel --prod", CAUTION, "cloud.unknown"),
    ("fly deploy", CAUTION, "cloud.unknown"),
    ("gcloud run deploy api --image gcr.io/p/api", CAUTION, "cloud.unknown"),
    ("heroku config:set DEBUG=1", CAUTION, "cloud.unknown"),
    ("az webapp restart -n web -g rg", CAUTION, "cloud.unknown"),
    ("firebase deploy", CAUTION, "cloud.unknown"),
    ("gh pr view 12", SAFE, "not cloud.unknown"),
    ("gh api repos/o/r", SAFE, "not cloud.unknown"),
    ("gh api -X GET repos/o/r", SAFE, "not cloud.unknown"),
    ("gh api --method GET search/issues -f q=bug", SAFE, "not cloud.unknown"),
    ("gh api -X DELETE repos/o/r", CAUTION, "cloud.change"),
    ("gh api -XPATCH repos/o/r -f name=x", CAUTION, "cloud.unknown"),
    ("gh api -X GET repos/o/r --input body.json", CAUTION, "cloud.unknown"),
    ("gh --version", SAFE, "not cloud.unknown"),
    ("heroku pg:info", SAFE, "not cloud.unknown"),
    ("gcloud compute instances list", SAFE, "not cloud.unknown"),
    ("doctl compute droplet list", SAFE, "not cloud.unknown"),
    ("vault kv get secret/app", SAFE, "not cloud.unknown"),
]
