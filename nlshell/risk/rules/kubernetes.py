"""Kubernetes: kubectl, oc and helm. Deleting a namespace deletes everything in it; other
deletions and changes to cluster resources are caution. Global options (`--context`, `-n`) are
read with the tools' grammar (shell/tools.py). What no row names falls to cloud.py's rule."""

from __future__ import annotations

from nlshell.risk.book import Row
from nlshell.risk.levels import CAUTION, DANGEROUS, SAFE

PREFIX = "k8s"

ROWS = [
    Row("k8s.delete-namespace", DANGEROUS, "{tool} delete namespace deletes the namespace and everything in it",
        "kubectl oc", "delete namespace|namespaces|ns"),
    Row("k8s.delete", CAUTION, "{tool} delete deletes cluster resources", "kubectl oc", "delete"),
    Row("k8s.change", CAUTION, "{tool} {sub} changes cluster resources", "kubectl oc",
        "apply|create|replace|patch|edit|set|label|annotate|rollout|expose|run|taint|scale|drain|cordon|uncordon"),
    Row("k8s.helm-remove", CAUTION, "helm {sub} removes a release and its resources", "helm", "uninstall|delete"),
    Row("k8s.helm-change", CAUTION, "helm {sub} changes a release", "helm", "install|upgrade|rollback"),
]

EXAMPLES = [
    ("kubectl delete namespace prod", DANGEROUS, "k8s.delete-namespace"),
    ("kubectl --context prod -n x delete ns staging", DANGEROUS, "k8s.delete-namespace"),
    ("kubectl delete pod web-1", CAUTION, "not k8s.delete-namespace"),
    ("kubectl delete pod web-1", CAUTION, "k8s.delete"),
    ("kubectl get pods", SAFE, "not k8s.delete"),
    ("kubectl apply -f deploy.yaml", CAUTION, "k8s.change"),
    ("kubectl scale deploy web --replicas=0", CAUTION, "k8s.change"),
    ("kubectl describe deploy web", SAFE, "not k8s.change"),
    ("helm uninstall web", CAUTION, "k8s.helm-remove"),
    ("helm list", SAFE, "not k8s.helm-remove"),
    ("helm upgrade web ./chart", CAUTION, "k8s.helm-change"),
    ("helm template web ./chart", SAFE, "not k8s.helm-change"),
]
