"""`make deploy-check`: validate everything under deploy/ and the Dockerfile without a container engine.

Runs in the deploy tools' virtualenv (requirements-deploy.lock); promtool comes from Debian's `prometheus`
package (the Makefile extracts it when it is not on PATH). Every check runs; the exit code is 1 if any failed.
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from devtools import manifests

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
BIN = Path(sys.executable).parent
# The oldest Kubernetes a city cluster is likely to still run, and the newest the schemas ship.
KUBERNETES_VERSIONS = ("1.31.0", "1.37.0")


def _run(title: str, *command: str | Path) -> bool:
    print(f"--- {title}: {' '.join(str(c) for c in command)}", flush=True)
    done = subprocess.run([str(c) for c in command], cwd=ROOT)
    print(f"    {'ok' if done.returncode == 0 else 'FAILED'}", flush=True)
    return done.returncode == 0


def _dashboard_rules(folder: Path) -> Path:
    """Every dashboard query as a recording rule, so promtool parses each PromQL expression."""
    rules = []
    for path in sorted((DEPLOY / "grafana" / "dashboards").glob("*.json")):
        dashboard = json.loads(path.read_text(encoding="utf-8"))
        for panel in dashboard["panels"]:
            for target in panel.get("targets", []):
                rules.append({"record": f"dashboard:{dashboard['uid'].replace('-', '_')}:panel_{panel['id']}",
                              "expr": target["expr"]})
    out = folder / "dashboard-queries.yml"
    out.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}), encoding="utf-8")
    return out


def _prometheus_rule_spec(folder: Path) -> Path:
    """The generated PrometheusRule's spec as a plain rules file, for promtool."""
    rule = yaml.safe_load((DEPLOY / "kubernetes" / "prometheus-rule.yaml").read_text(encoding="utf-8"))
    out = folder / "prometheus-rule-spec.yml"
    out.write_text(yaml.safe_dump(rule["spec"], allow_unicode=True), encoding="utf-8")
    return out


def main() -> int:
    """Run every check; 0 when all pass."""
    promtool = os.environ.get("PROMTOOL", "promtool")
    manifests_files = sorted(p for p in (DEPLOY / "kubernetes").glob("*.yaml") if p.name != "kustomization.yaml")
    results = [manifests.main(["check"]) == 0]
    for version in KUBERNETES_VERSIONS:
        results.append(_run(f"Kubernetes {version} schemas (strict)", BIN / "kubernetes-validate", "--strict",
                            "--quiet", "-k", version, *manifests_files))
    results.append(_run("compose file against the Compose specification", BIN / "check-jsonschema",
                        "--builtin-schema", "vendor.compose-spec", DEPLOY / "compose.yaml"))
    results.append(_run("Grafana dashboards against deploy/grafana/dashboard.schema.json", BIN / "check-jsonschema",
                        "--schemafile", DEPLOY / "grafana" / "dashboard.schema.json",
                        *sorted((DEPLOY / "grafana" / "dashboards").glob("*.json"))))
    results.append(_run("Grafana provisioning files", BIN / "check-jsonschema", "--schemafile",
                        DEPLOY / "grafana" / "provisioning.schema.json",
                        *sorted((DEPLOY / "grafana" / "provisioning").rglob("*.yaml"))))
    with tempfile.TemporaryDirectory() as folder:
        results.append(_run("alert rules", promtool, "check", "rules", DEPLOY / "prometheus" / "alerts.yml"))
        results.append(_run("PrometheusRule (Kubernetes) rules", promtool, "check", "rules",
                            _prometheus_rule_spec(Path(folder))))
        results.append(_run("dashboard queries parse as PromQL", promtool, "check", "rules",
                            _dashboard_rules(Path(folder))))
        for config in ("local.yml", "compose.yml"):
            results.append(_run(f"Prometheus config {config}", promtool, "check", "config",
                                DEPLOY / "prometheus" / config))
    results.append(_run("Dockerfile lint", BIN / "hadolint", "Dockerfile"))
    failed = results.count(False)
    print(f"deploy-check: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
