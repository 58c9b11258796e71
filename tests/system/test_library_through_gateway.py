"""The real processes together: the library through the gateway over HTTP, ops endpoints, metrics labels."""
import re
import uuid

import httpx
import pytest

from devtools.stack import Stack
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.gateway.graphql import SUBMIT, as_input
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry
from tests.system.http import gql, route_labels, sample, token

pytestmark = pytest.mark.system

OWNER = token(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG)
OTHER_OWNER = token(Role.PROJECT_OWNER, RONGSHUI, "融水县水利局")
CITY = token(Role.CITY_OFFICE)

READ = "query($id: Int!) { project(id: $id) { id name ownerOrg countyCode status } }"
LIST = "query($first: Int!) { projects(first: $first) { edges { node { id name } } } }"


def _submit(gateway: httpx.Client, headers: dict, **overrides) -> dict:
    body = gql(gateway, SUBMIT, headers, input=as_input(entry(**overrides)))
    assert "errors" not in body, body
    return body["data"]["submitProject"]


def _listed_ids(gateway: httpx.Client, headers: dict) -> list[int]:
    body = gql(gateway, LIST, headers, first=200)
    assert "errors" not in body, body
    return [e["node"]["id"] for e in body["data"]["projects"]["edges"]]


def _events(projects: httpx.Client) -> list[dict]:
    r = projects.get("/events", params={"limit": 1000}, headers=CITY)
    assert r.status_code == 200, r.text
    return r.json()["events"]


def _rest_ids(projects: httpx.Client) -> list[int]:
    r = projects.get("/projects", params={"limit": 200}, headers=CITY)
    assert r.status_code == 200, r.text
    return [p["id"] for p in r.json()["items"]]


def _delta(before: str, after: str, name: str, **labels: str) -> float:
    return sample(after, name, **labels) - sample(before, name, **labels)


def _name() -> str:
    return f"系统测试项目-{uuid.uuid4().hex[:8]}"


def test_owner_submits_and_reads_back_city_sees_it_other_org_does_not(gateway_http, projects_http):
    name = _name()
    created = _submit(gateway_http, OWNER, name=name)
    assert created["__typename"] == "Project", created
    assert created["status"] == "SUBMITTED" and created["totalBudget"] == "1000000.50"
    pid = created["id"]
    expected = {"id": pid, "name": name, "ownerOrg": OWNER_ORG, "countyCode": RONGSHUI, "status": "SUBMITTED"}

    assert gql(gateway_http, READ, OWNER, id=pid) == {"data": {"project": expected}}
    assert _listed_ids(gateway_http, OWNER)[0] == pid  # newest first
    assert gql(gateway_http, READ, CITY, id=pid) == {"data": {"project": expected}}
    assert pid in _listed_ids(gateway_http, CITY)

    assert gql(gateway_http, READ, OTHER_OWNER, id=pid) == {"data": {"project": None}}
    assert pid not in _listed_ids(gateway_http, OTHER_OWNER)

    # The write went through the real projects process: it is in its REST list and announced on its feed.
    assert pid in _rest_ids(projects_http)
    announced = [e for e in _events(projects_http) if e["aggregate_id"] == str(pid)]
    assert [e["type"] for e in announced] == ["project.submitted"]
    assert announced[0]["payload"]["name"] == name


def test_refused_submission_is_typed_and_writes_nothing(gateway_http, projects_http):
    rest_before, events_before = _rest_ids(projects_http), _events(projects_http)
    name = _name()
    refused = _submit(gateway_http, OWNER, name=name, uses_fiscal_funds=False)
    assert refused["__typename"] == "ProjectNotEligible", refused
    assert refused["code"] == "project.not_eligible" and refused["rules"] == ["no_fiscal_funds"]
    assert [f["field"] for f in refused["fields"]] == ["uses_fiscal_funds"] and refused["message"]

    assert _rest_ids(projects_http) == rest_before
    assert _events(projects_http) == events_before
    cursor = events_before[-1]["id"] if events_before else 0
    feed = projects_http.get("/events", params={"after": cursor}, headers=CITY).json()
    assert feed == {"events": [], "next_after": cursor}
    edges = gql(gateway_http, LIST, OWNER, first=200)["data"]["projects"]["edges"]
    assert name not in {e["node"]["name"] for e in edges}


@pytest.mark.parametrize(("headers", "county", "code"), [
    (token(Role.EXTERNAL), RONGSHUI, "auth.forbidden"),
    (OWNER, "450226", "auth.out_of_scope"),  # a Rongshui owner filing for Sanjiang
], ids=["external-role", "other-county"])
def test_callers_without_the_right_cannot_submit(gateway_http, projects_http, headers, county, code):
    rest_before = _rest_ids(projects_http)
    refused = _submit(gateway_http, headers, name=_name(), county_code=county)
    assert refused["__typename"] == "Forbidden", refused
    assert refused["code"] == code
    assert _rest_ids(projects_http) == rest_before


@pytest.mark.parametrize("service", ["funds", "employment", "collaboration"])
def test_services_answer_ops_endpoints_and_an_empty_feed(stack: Stack, service):
    with httpx.Client(base_url=stack.url(service), timeout=10.0) as client:
        before = client.get("/metrics")
        assert before.status_code == 200 and before.headers["content-type"].startswith("text/plain")
        assert client.get("/healthz").json() == {"status": "ok"}
        ready = client.get("/readyz")
        assert ready.status_code == 200 and ready.json() == {"status": "ok"}

        anonymous = client.get("/events")
        assert anonymous.status_code == 401 and anonymous.json()["code"] == "auth.unauthenticated"
        # Signed with the default secret, not the one the stack handed the processes: refused.
        assert client.get("/events", headers=bearer(Role.CITY_OFFICE)).status_code == 401
        # 鹿寨 (450223) has no activity in the system tests: its scoped feed is empty whatever the others did.
        feed = client.get("/events", headers=token(Role.FINANCE, "450223"))
        assert feed.status_code == 200 and feed.json() == {"events": [], "next_after": 0}

        after = client.get("/metrics").text
    requests = {"service": service, "method": "GET"}
    assert _delta(before.text, after, "http_requests_total", route="/events", status="401", **requests) == 2
    assert _delta(before.text, after, "http_requests_total", route="/events", status="200", **requests) == 1
    assert _delta(before.text, after, "http_requests_total", route="/readyz", status="200", **requests) == 1
    assert _delta(before.text, after, "http_requests_total", route="/healthz", status="200", **requests) == 1


def test_metrics_label_route_templates_never_raw_ids(gateway_http, projects_http):
    pid = _submit(gateway_http, OWNER, name=_name())["id"]
    gateway_before, projects_before = gateway_http.get("/metrics").text, projects_http.get("/metrics").text
    assert gql(gateway_http, READ, CITY, id=pid)["data"]["project"]["id"] == pid
    marker = str(9_000_000_000 + pid)
    assert gateway_http.get(f"/graphql/{marker}").status_code == 404
    assert projects_http.get(f"/projects/{pid}", headers=CITY).status_code == 200
    assert projects_http.get(f"/projects/{marker}", headers=CITY).status_code == 404

    gateway_text = gateway_http.get("/metrics").text
    graphql = {"service": "gateway", "route": "/graphql", "method": "POST", "status": "200"}
    assert _delta(gateway_before, gateway_text, "http_requests_total", **graphql) == 1
    assert _delta(gateway_before, gateway_text, "gateway_upstream_requests_total", route="/projects/{project_id}") == 1
    assert {"/graphql", "/metrics", "unmatched"} <= route_labels(gateway_text)

    projects_text = projects_http.get("/metrics").text
    one = {"route": "/projects/{project_id}", "method": "GET"}
    assert _delta(projects_before, projects_text, "http_requests_total", status="200", **one) == 2  # gateway + direct
    assert _delta(projects_before, projects_text, "http_requests_total", status="404", **one) == 1

    for text in (gateway_text, projects_text):
        assert marker not in text
        assert not [label for label in route_labels(text) if re.search(r"/\d", label)]
