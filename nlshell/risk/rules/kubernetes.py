"""Kubernetes: kubectl, oc and helm. Deleting a namespace deletes everything in it; other
deletions and changes to cluster resources are caution. Global options (`--context`, `-n`) are
read with the tools' grammar (shell/tools.py). What no row names falls to cloud.py's rule."""

from __future__ import annotations

from nlshell.risk.book import Row, unlisted
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE

PREFIX = "k8s"

# Kinds that hold data or everything else: every volume claim (the data goes with it), every secret,
# every custom resource definition (each takes all its resources with it), every namespace.
# `all` (pods, services, deployments, ...) is not among them: those are made again from manifests.
_KEEPING_KINDS = frozenset(
    """
    persistentvolumeclaim persistentvolumeclaims pvc persistentvolume persistentvolumes pv secret secrets
    customresourcedefinition customresourcedefinitions crd crds namespace namespaces ns
    """.split()
)


def _delete_everything(cmd, parsed) -> dict | None:
    """`kubectl delete pvc --all`, `kubectl delete pods --all -A`: every object of a kind that holds
    data, or every object of a kind in every namespace."""
    if "--all" not in parsed.long:
        return None
    kinds = {k for w in parsed.operands[1:] for k in w.text.lower().split(",")}
    everywhere = parsed.has("A", "--all-namespaces")
    if kinds & _KEEPING_KINDS or everywhere:
        return {"what": ", ".join(sorted(kinds)) or "everything", "where": " in every namespace" if everywhere else ""}
    return None

def _cluster_admin(cmd, parsed) -> dict | None:
    """`kubectl create clusterrolebinding x --clusterrole=cluster-admin --user=eve`."""
    role = parsed.long.get("--clusterrole") or parsed.value("--clusterrole")
    if role != "cluster-admin":
        return None
    who = parsed.long.get("--user") or parsed.long.get("--serviceaccount") or parsed.long.get("--group") or "someone"
    return {"who": who}


# What kubectl (and oc) and helm do that only reads, or opens a session whose commands are rated on
# their own (`exec`, `attach`, `port-forward`). Any other subcommand no row names changes something
# or is not known here (`kubectl debug node/x`, `certificate approve`, a plugin): caution.
_KUBECTL_READS = frozenset(
    "get describe logs log top explain api-resources api-versions version cluster-info diff wait events exec "
    "attach port-forward proxy completion kustomize options help whoami can-i status history view "
    "get-contexts get-clusters get-users current-context list login".split()
)
_HELM_READS = frozenset(
    "list ls status get history show inspect search template lint version env help verify pull fetch package "
    "create completion add update index build".split()
)


def _unknown(reads: frozenset, groups: frozenset):
    """A `when`: the subcommand (for a group such as `config` or `plugin`, the word after it) when
    it is not one of `reads`."""

    first = unlisted(reads)

    def when(cmd, parsed):
        words = [w.text for w in parsed.operands[:2] if w.literal]
        if words[:1] and words[0] in groups and len(words) == 2:
            return None if words[1] in reads else {"word": " ".join(words)}
        return first(cmd, parsed)

    return when


ROWS = [
    Row("k8s.grant-admin", DANGEROUS, "{tool} gives {who} full control of the cluster (cluster-admin)", "kubectl oc",
        "create clusterrolebinding|rolebinding", when=_cluster_admin),
    Row("k8s.delete-namespace", DANGEROUS, "{tool} delete namespace deletes the namespace and everything in it",
        "kubectl oc", "delete namespace|namespaces|ns"),
    Row("k8s.delete-everything", DANGEROUS, "{tool} delete --all deletes every {what}{where}", "kubectl oc", "delete",
        when=_delete_everything),
    Row("k8s.delete", CAUTION, "{tool} delete deletes cluster resources", "kubectl oc", "delete"),
    Row("k8s.change", CAUTION, "{tool} {sub} changes cluster resources", "kubectl oc",
        "apply|create|replace|patch|edit|set|label|annotate|expose|run|taint|scale|drain|cordon|uncordon"),
    Row("k8s.change", CAUTION, "{tool} {sub} changes cluster resources", "kubectl oc",
        "rollout restart|undo|pause|resume"),
    Row("k8s.helm-remove", CAUTION, "helm {sub} removes a release and its resources", "helm", "uninstall|delete"),
    Row("k8s.helm-change", CAUTION, "helm {sub} changes a release", "helm", "install|upgrade|rollback"),
    Row("k8s.unknown", CAUTION, "{tool} {word} is not known to only read: it may change the cluster", "kubectl oc",
        when=_unknown(_KUBECTL_READS, frozenset({"auth", "config", "plugin", "rollout"}))),
    Row("k8s.unknown", CAUTION, "{tool} {word} is not known to only read: it may change the cluster", "helm",
        when=_unknown(_HELM_READS, frozenset({"repo", "dependency", "dep", "plugin"}))),
]

EXAMPLES = [
    ("kubectl debug node/n1 -it --image=busybox", CAUTION, "k8s.unknown"),
    ("kubectl certificate approve csr-1", CAUTION, "k8s.unknown"),
    ("kubectl config use-context prod", CAUTION, "k8s.unknown"),
    ("kubectl auth reconcile -f rbac.yaml", CAUTION, "k8s.unknown"),
    ("kubectl get pods -A", SAFE, "not k8s.unknown"),
    ("kubectl rollout status deploy/api", SAFE, "not k8s.unknown"),
    ("kubectl rollout history deploy/api --revision=3", SAFE, "not k8s.change"),
    ("kubectl rollout undo deploy/api", CAUTION, "k8s.change"),
    ("kubectl rollout frobnicate deploy/api", CAUTION, "k8s.unknown"),
    ("kubectl config get-contexts", SAFE, "not k8s.unknown"),
    ("kubectl auth can-i list pods", SAFE, "not k8s.unknown"),
    ("helm test api", CAUTION, "k8s.unknown"),
    ("helm list -A", SAFE, "not k8s.unknown"),
    ("helm plugin install https://x/plugin", CAUTION, "k8s.unknown"),
    ("helm repo add bitnami https://charts.bitnami.com/bitnami", SAFE, "not k8s.unknown"),
    ("kubectl create clusterrolebinding eve --clusterrole=cluster-admin --user=eve", DANGEROUS, "k8s.grant-admin"),
    ("kubectl create rolebinding eve --clusterrole=view --user=eve -n dev", CAUTION, "not k8s.grant-admin"),
    ("kubectl delete namespace prod", DANGEROUS, "k8s.delete-namespace"),
    ("kubectl --context prod -n x delete ns staging", DANGEROUS, "k8s.delete-namespace"),
    ("kubectl delete pod web-1", CAUTION, "not k8s.delete-namespace"),
    ("kubectl delete pod web-1", CAUTION, "k8s.delete"),
    ("kubectl delete pvc --all", DANGEROUS, "k8s.delete-everything"),
    ("kubectl delete secrets,pvc --all -n prod", DANGEROUS, "k8s.delete-everything"),
    ("kubectl delete pods --all -A", DANGEROUS, "k8s.delete-everything"),
    ("kubectl delete pods --all -n ci", CAUTION, "not k8s.delete-everything"),
    ("kubectl delete all --all -n ci", CAUTION, "not k8s.delete-everything"),
    ("kubectl get pods", SAFE, "not k8s.delete"),
    ("kubectl apply -f deploy.yaml", CAUTION, "k8s.change"),
    ("kubectl scale deploy web --replicas=0", CAUTION, "k8s.change"),
    ("kubectl describe deploy web", SAFE, "not k8s.change"),
    ("helm uninstall web", CAUTION, "k8s.helm-remove"),
    ("helm list", SAFE, "not k8s.helm-remove"),
    ("helm upgrade web ./chart", CAUTION, "k8s.helm-change"),
    ("helm template web ./chart", SAFE, "not k8s.helm-change"),
]
