"""Kubernetes: kubectl, oc and helm. Deleting a namespace deletes everything in it; other
deletions and changes to cluster resources are caution. Global options (`--context`, `-n`) are
read with the tools' grammar (shell/tools.py). What no row names falls to cloud.py's rule."""

from __future__ import annotations

from nlshell.risk.book import Row
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


ROWS = [
    Row("k8s.grant-admin", DANGEROUS, "{tool} gives {who} full control of the cluster (cluster-admin)", "kubectl oc",
        "create clusterrolebinding|rolebinding", when=_cluster_admin),
    Row("k8s.delete-namespace", DANGEROUS, "{tool} delete namespace deletes the namespace and everything in it",
        "kubectl oc", "delete namespace|namespaces|ns"),
    Row("k8s.delete-everything", DANGEROUS, "{tool} delete --all deletes every {what}{where}", "kubectl oc", "delete",
        when=_delete_everything),
    Row("k8s.delete", CAUTION, "{tool} delete deletes cluster resources", "kubectl oc", "delete"),
    Row("k8s.change", CAUTION, "{tool} {sub} changes cluster resources", "kubectl oc",
        "apply|create|replace|patch|edit|set|label|annotate|rollout|expose|run|taint|scale|drain|cordon|uncordon"),
    Row("k8s.helm-remove", CAUTION, "helm {sub} removes a release and its resources", "helm", "uninstall|delete"),
    Row("k8s.helm-change", CAUTION, "helm {sub} changes a release", "helm", "install|upgrade|rollback"),
]

EXAMPLES = [
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
