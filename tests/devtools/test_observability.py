"""The dashboard and the alert rules query only metrics the processes really export, aggregated the way
replicas need (domain gauges with max, never sum: every replica reports the same database)."""
import json
import re

from devtools.stack import ROOT
from gateway.app import create_app as create_gateway
from services.collaboration.app import create_app as create_collaboration
from services.employment.app import create_app as create_employment
from services.funds.app import create_app as create_funds
from services.projects.app import create_app as create_projects

DASHBOARD = ROOT / "deploy" / "grafana" / "dashboards" / "liuzhou.json"
ALERTS = ROOT / "deploy" / "prometheus" / "alerts.yml"
SUFFIXES = {"counter": ("_total",), "histogram": ("_bucket", "_sum", "_count"), "gauge": ("",)}
DOMAIN_GAUGES = ("funds_idle_yuan", "funds_overdue_cases", "employment_quota_subjects", "projects_total",
                 "collaboration_key_tasks_overdue", "collaboration_task_completion", "collaboration_money_arrival")


def exported() -> set[str]:
    """Every sample name the five processes can expose at /metrics, and Prometheus's own `up`."""
    names = {"up"}
    for app in (create_projects(), create_funds(), create_employment(), create_collaboration(), create_gateway()):
        for family in app.state.metrics.registry.collect():
            names |= {family.name + suffix for suffix in SUFFIXES[family.type]}
    return names


def selectors(text: str) -> set[str]:
    """Metric names used with a label selector in a file of PromQL (dashboard JSON or rules YAML)."""
    return set(re.findall(r"\b([a-z_][a-z0-9_]*)\{", text))


def test_every_queried_metric_is_exported():
    queried = {path.name: selectors(path.read_text(encoding="utf-8")) for path in (DASHBOARD, ALERTS)}
    assert queried["liuzhou.json"] >= {"http_requests_total", "http_request_duration_seconds_bucket",
                                       "funds_idle_yuan", "funds_overdue_cases", "employment_quota_subjects",
                                       "projects_total", "background_leader"}
    for name, used in queried.items():
        assert used <= exported(), f"{name} queries metrics no process exports: {used - exported()}"


def test_domain_gauges_are_never_summed_over_replicas():
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    expressions = [t["expr"] for p in dashboard["panels"] for t in p.get("targets", [])]
    expressions += re.findall(r"expr: (.+)", ALERTS.read_text(encoding="utf-8"))
    for expr in expressions:
        for gauge in DOMAIN_GAUGES:
            if gauge + "{" in expr:
                assert re.search(rf"max by \([^)]*\) \({gauge}\{{", expr), expr
