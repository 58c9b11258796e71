"""deploy/kubernetes/, generated: the five processes differ only in the few facts of PROCESSES, so the YAML is
written from them rather than kept as five hand-edited copies.

    python -m devtools.manifests write      rewrite deploy/kubernetes/*.yaml
    python -m devtools.manifests check      fail when the committed files differ (make deploy-check)

Needs PyYAML (the deploy tools' virtualenv, requirements-deploy.lock), nothing else.
"""
import sys
from pathlib import Path

import yaml

from devtools.generated import write_or_check

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "deploy" / "kubernetes"
NAMESPACE = "liuzhou"
IMAGE = "liuzhou-poverty-tracking:0.1.0"  # kustomization.yaml `images:` points it at your registry
PART_OF = {"app.kubernetes.io/part-of": "liuzhou-poverty-tracking", "system": "liuzhou"}
# Namespaces of the city's ingress controller and Prometheus; adjust to the cluster's names.
INGRESS_NS, MONITORING_NS = "ingress-nginx", "monitoring"
POSTGRES = {"cnpg.io/cluster": "liuzhou-pg"}  # CloudNativePG's label on the database pods
DB_CLIENT = {"liuzhou/postgres-client": "true"}
SERVICES = ("projects", "funds", "employment", "collaboration", "reporting")


PROCESSES = {  # port, replicas (HPA min..max), who may call it, whom it calls
    "gateway": {"port": 8000, "min": 2, "max": 6, "callers": [], "calls": list(SERVICES)},
    "projects": {"port": 8001, "min": 2, "max": 6, "callers": ["gateway", "funds", "employment", "collaboration",
                                                                "reporting"],
                 "calls": []},
    "funds": {"port": 8002, "min": 2, "max": 4, "callers": ["gateway", "collaboration", "reporting"],
              "calls": ["projects"]},
    "employment": {"port": 8003, "min": 2, "max": 4, "callers": ["gateway", "collaboration", "reporting"],
                   "calls": ["projects"]},
    "collaboration": {"port": 8004, "min": 2, "max": 4, "callers": ["gateway", "reporting"],
                      "calls": ["projects", "funds", "employment"]},
    "reporting": {"port": 8005, "min": 2, "max": 4, "callers": ["gateway"],
                  "calls": ["projects", "funds", "employment", "collaboration"]},
}


def _meta(name: str, process: str | None = None, **extra) -> dict:
    labels = {**PART_OF, **({"app.kubernetes.io/name": process, "process": process} if process else {})}
    return {"name": name, "namespace": NAMESPACE, "labels": labels, **extra}


def _selector(process: str) -> dict:
    return {"app.kubernetes.io/name": process, "app.kubernetes.io/part-of": PART_OF["app.kubernetes.io/part-of"]}


def _secret_env(process: str) -> list[dict]:
    """JWT secret and the service's own database URL, from the Secret; never written in a manifest."""
    keys = ["JWT_SECRET", f"{process.upper()}_DATABASE_URL"] if process in SERVICES else []
    return [{"name": k, "valueFrom": {"secretKeyRef": {"name": "liuzhou-secrets", "key": k}}} for k in keys]


def _container(process: str, args: list[str], port: int | None) -> dict:
    container = {
        "name": process, "image": IMAGE, "imagePullPolicy": "IfNotPresent", "args": args,
        "envFrom": [{"configMapRef": {"name": "liuzhou-config"}}], "env": _secret_env(process),
        "resources": {"requests": {"cpu": "250m", "memory": "256Mi"}, "limits": {"cpu": "2", "memory": "512Mi"}},
        "securityContext": {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True,
                            "capabilities": {"drop": ["ALL"]}},
        "volumeMounts": [{"name": "tmp", "mountPath": "/tmp"}],
    }
    if port:
        probe = {"httpGet": {"path": "/readyz", "port": "http"}, "periodSeconds": 10, "timeoutSeconds": 3}
        container |= {
            "ports": [{"name": "http", "containerPort": port}],
            "readinessProbe": probe | {"failureThreshold": 3},
            "livenessProbe": {"httpGet": {"path": "/healthz", "port": "http"}, "periodSeconds": 20,
                              "timeoutSeconds": 3, "failureThreshold": 3},
            "startupProbe": {"httpGet": {"path": "/healthz", "port": "http"}, "periodSeconds": 2,
                             "failureThreshold": 30},
            # The Service stops sending here before uvicorn stops accepting (endpoints update asynchronously).
            "lifecycle": {"preStop": {"exec": {"command": ["sleep", "5"]}}},
        }
    return container


def _pod(process: str, args: list[str], port: int | None, restart: str = "Always") -> dict:
    labels = {**_selector(process), "process": process, "system": "liuzhou",
              **(DB_CLIENT if process in (*SERVICES, "migrate") else {})}
    annotations = {"prometheus.io/scrape": "true", "prometheus.io/port": str(port),
                   "prometheus.io/path": "/metrics"} if port else {}
    spec = {"restartPolicy": restart, "automountServiceAccountToken": False,
            "securityContext": {"runAsNonRoot": True, "runAsUser": 10001, "runAsGroup": 10001,
                                "seccompProfile": {"type": "RuntimeDefault"}},
            "terminationGracePeriodSeconds": 40,
            "containers": [_container(process, args, port)],
            "volumes": [{"name": "tmp", "emptyDir": {"medium": "Memory", "sizeLimit": "64Mi"}}]}
    if port:
        spec["topologySpreadConstraints"] = [{"maxSkew": 1, "topologyKey": "kubernetes.io/hostname",
                                              "whenUnsatisfiable": "ScheduleAnyway",
                                              "labelSelector": {"matchLabels": _selector(process)}}]
    return {"metadata": {"labels": labels, "annotations": annotations}, "spec": spec}


def _peers(names: list[str]) -> list[dict]:
    return [{"podSelector": {"matchLabels": _selector(n)}} for n in names]


def _namespace(name: str) -> dict:
    return {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": name}}}


DNS = {"to": [{"namespaceSelector": {}, "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}}}],
       "ports": [{"protocol": "UDP", "port": 53}, {"protocol": "TCP", "port": 53}]}
TO_POSTGRES = {"to": [{"podSelector": {"matchLabels": POSTGRES}}], "ports": [{"protocol": "TCP", "port": 5432}]}


def _network_policy(process: str, spec: dict) -> dict:
    """Who may connect to the process (its callers, Prometheus, the ingress for the gateway) and where it may go."""
    callers = _peers(spec["callers"]) + [_namespace(MONITORING_NS)]
    if process == "gateway":
        callers.append(_namespace(INGRESS_NS))
    egress = [DNS, *({"to": _peers([c]), "ports": [{"protocol": "TCP", "port": PROCESSES[c]["port"]}]}
                     for c in spec["calls"])]
    if process in SERVICES:
        egress.append(TO_POSTGRES)
    return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": _meta(process, process),
            "spec": {"podSelector": {"matchLabels": _selector(process)}, "policyTypes": ["Ingress", "Egress"],
                     "ingress": [{"from": callers, "ports": [{"protocol": "TCP", "port": spec["port"]}]}],
                     "egress": egress}}


def process_documents(process: str, spec: dict) -> list[dict]:
    """Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget and NetworkPolicy of one process."""
    port, meta = spec["port"], _meta(process, process)
    deployment = {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": meta, "spec": {
        "replicas": spec["min"], "revisionHistoryLimit": 5, "selector": {"matchLabels": _selector(process)},
        "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 0, "maxSurge": 1}},
        "template": _pod(process, [process], port)}}
    service = {"apiVersion": "v1", "kind": "Service", "metadata": meta, "spec": {
        "selector": _selector(process), "ports": [{"name": "http", "port": port, "targetPort": "http"}]}}
    hpa = {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": meta, "spec": {
        "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": process},
        "minReplicas": spec["min"], "maxReplicas": spec["max"],
        "metrics": [{"type": "Resource", "resource": {"name": "cpu",
                                                      "target": {"type": "Utilization", "averageUtilization": 70}}}],
        "behavior": {"scaleDown": {"stabilizationWindowSeconds": 300}}}}
    pdb = {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": meta, "spec": {
        "minAvailable": 1, "selector": {"matchLabels": _selector(process)}}}
    return [deployment, service, hpa, pdb, _network_policy(process, spec)]


def shared_documents() -> dict[str, list[dict]]:
    """Namespace, ConfigMap, the migration Job, the namespace-wide policies and the PrometheusRule."""
    config = {f"{s.upper()}_URL": f"http://{s}:{PROCESSES[s]['port']}" for s in SERVICES}
    data = {"FUNDS_PROJECTS_URL": config["PROJECTS_URL"], "EMPLOYMENT_PROJECTS_URL": config["PROJECTS_URL"],
            **{f"GATEWAY_{k}": v for k, v in config.items()},
            **{f"COLLABORATION_{s.upper()}_URL": config[f"{s.upper()}_URL"]
               for s in PROCESSES["collaboration"]["calls"]},
            **{f"REPORTING_{s.upper()}_URL": config[f"{s.upper()}_URL"] for s in PROCESSES["reporting"]["calls"]},
            "PROMETHEUS_MULTIPROC_DIR": "/tmp/metrics",
            **{f"{p.upper()}_WORKERS": "2" for p in PROCESSES}}
    job = {"apiVersion": "batch/v1", "kind": "Job", "metadata": _meta("liuzhou-migrate", "migrate"), "spec": {
        "backoffLimit": 3, "ttlSecondsAfterFinished": 86400, "template": _pod("migrate", ["migrate"], None, "Never")}}
    job["spec"]["template"]["spec"]["containers"][0]["env"] = [
        {"name": k, "valueFrom": {"secretKeyRef": {"name": "liuzhou-secrets", "key": k}}}
        for k in (f"{s.upper()}_DATABASE_URL" for s in SERVICES)]
    deny = {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": _meta("default-deny"),
            "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}}
    migrate_egress = {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": _meta("migrate"),
                      "spec": {"podSelector": {"matchLabels": _selector("migrate")}, "policyTypes": ["Egress"],
                               "egress": [DNS, TO_POSTGRES]}}
    postgres = {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": _meta("postgres"),
                "spec": {"podSelector": {"matchLabels": POSTGRES}, "policyTypes": ["Ingress", "Egress"],
                         "ingress": [  # the services and the migration job; the instances replicating; the operator
                             {"from": [{"podSelector": {"matchLabels": DB_CLIENT}}],
                              "ports": [{"protocol": "TCP", "port": 5432}]},
                             {"from": [{"podSelector": {"matchLabels": POSTGRES}}]},
                             {"from": [_namespace("cnpg-system")]}],
                         "egress": [DNS, {"to": [{"podSelector": {"matchLabels": POSTGRES}}]},
                                    {"ports": [{"protocol": "TCP", "port": 443}, {"protocol": "TCP", "port": 6443}]}]}}
    rules = yaml.safe_load((ROOT / "deploy" / "prometheus" / "alerts.yml").read_text(encoding="utf-8"))
    rule = {"apiVersion": "monitoring.coreos.com/v1", "kind": "PrometheusRule", "metadata": _meta("liuzhou-alerts"),
            "spec": {"groups": rules["groups"]}}
    return {"namespace.yaml": [{"apiVersion": "v1", "kind": "Namespace",
                                "metadata": {"name": NAMESPACE, "labels": PART_OF}}],
            "config.yaml": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": _meta("liuzhou-config"),
                             "data": data}],
            "migrate-job.yaml": [job],
            "network-policies.yaml": [deny, migrate_egress, postgres],
            "prometheus-rule.yaml": [rule]}


HEADER = "# GENERATED by `make manifests` (devtools/manifests.py) from its PROCESSES table; do not edit by hand.\n"


def files() -> dict[str, str]:
    """Every file of deploy/kubernetes/ with its text."""
    documents = shared_documents() | {f"{p}.yaml": process_documents(p, s) for p, s in PROCESSES.items()}
    texts = {name: HEADER + yaml.safe_dump_all(docs, sort_keys=False, allow_unicode=True, width=120)
             for name, docs in documents.items()}
    kustomization = {"apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization",
                     "namespace": NAMESPACE, "resources": sorted(texts),
                     "images": [{"name": IMAGE.split(":")[0], "newName": IMAGE.split(":")[0],
                                 "newTag": IMAGE.split(":")[1]}]}
    texts["kustomization.yaml"] = HEADER + yaml.safe_dump(kustomization, sort_keys=False)
    return texts


def main(argv: list[str]) -> int:
    """write | check."""
    return write_or_check(argv, OUT, files(), "make manifests", __doc__, pattern="*.yaml")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
