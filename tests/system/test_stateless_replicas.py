"""Replicas behind one address: requests alternating between two projects processes and two gateways see one
system (versions, If-Match, the event feed), and a process with two uvicorn workers counts every request once."""
import itertools
import statistics
import time
from collections.abc import Iterator

import httpx
import psutil
import pytest

from devtools.stack import Stack
from services.kit.auth import Role
from tests.gateway.graphql import SUBMIT, as_input
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry
from tests.system.http import gql, sample, token

pytestmark = pytest.mark.system

OWNER = token(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG)
TOWNSHIP = token(Role.TOWNSHIP, RONGSHUI)
CITY = token(Role.CITY_OFFICE)
READ = "query($id: Int!) { project(id: $id) { id name status version } }"
REVIEW = """mutation($id: Int!, $v: Int!) { reviewProject(id: $id, version: $v, decision: APPROVE, opinion: "同意") {
  __typename ... on Project { status version } ... on Problem { code } } }"""


@pytest.fixture(scope="module")
def replicas(stack: Stack) -> Iterator[dict[str, list[httpx.Client]]]:
    """A second projects process on the same database, and a second gateway that calls that second projects."""
    projects = stack.replica("projects")
    gateway = stack.replica("gateway", env={"GATEWAY_PROJECTS_URL": stack.url(projects)})
    clients: dict[str, list[httpx.Client]] = {}
    try:
        for name in (projects, gateway):
            stack.start(name)
        for name in (projects, gateway):
            stack.wait_ready(name)
        clients = {kind: [httpx.Client(base_url=stack.url(n), timeout=15) for n in (kind, other)]
                   for kind, other in (("projects", projects), ("gateway", gateway))}
        yield clients
    finally:
        for client in itertools.chain(*clients.values()):
            client.close()
        stack.stop(gateway)
        stack.stop(projects)


def test_projects_replicas_share_versions_if_match_and_the_feed(replicas):
    a, b = replicas["projects"]
    created = a.post("/projects", json=entry(name="两个副本之间的申报"), headers=OWNER)
    assert created.status_code == 201, created.text
    pid = created.json()["id"]
    read = b.get(f"/projects/{pid}", headers=TOWNSHIP)
    assert read.status_code == 200 and read.headers["ETag"] == created.headers["ETag"]

    # A version read from one replica is what the other checks: a review with it succeeds once, its retry is stale.
    review = {"decision": "approve", "opinion": "同意"}
    done = a.post(f"/projects/{pid}/review", json=review, headers=TOWNSHIP | {"If-Match": read.headers["ETag"]})
    assert done.status_code == 200, done.text
    stale = b.post(f"/projects/{pid}/review", json=review, headers=TOWNSHIP | {"If-Match": read.headers["ETag"]})
    assert stale.status_code == 412 and stale.json()["code"] == "precondition.failed"
    assert b.get(f"/projects/{pid}", headers=TOWNSHIP).headers["ETag"] == done.headers["ETag"]

    feeds = [c.get("/events", params={"after": 0, "limit": 1000}, headers=CITY).json() for c in (a, b)]
    assert feeds[0] == feeds[1]
    assert [e["type"] for e in feeds[0]["events"] if e["aggregate_id"] == str(pid)][-2:] == \
        ["project.submitted", "project.status_changed"]


def test_gateway_replicas_alternate_on_one_system(replicas):
    gateways = itertools.cycle(replicas["gateway"])
    submitted = gql(next(gateways), SUBMIT, OWNER, input=as_input(entry(name="网关副本交替申报")))
    pid = submitted["data"]["submitProject"]["id"]
    seen = gql(next(gateways), READ, TOWNSHIP, id=pid)["data"]["project"]
    assert seen["name"] == "网关副本交替申报"
    reviewed = gql(next(gateways), REVIEW, TOWNSHIP, id=pid, v=seen["version"])["data"]["reviewProject"]
    assert reviewed["__typename"] == "Project" and reviewed["version"] == seen["version"] + 1
    again = gql(next(gateways), REVIEW, TOWNSHIP, id=pid, v=seen["version"])["data"]["reviewProject"]
    assert again == {"__typename": "PreconditionFailed", "code": "precondition.failed"}
    answers = [gql(g, READ, CITY, id=pid) for g in replicas["gateway"]]
    assert answers[0] == answers[1] and answers[0]["data"]["project"]["version"] == reviewed["version"]


def test_two_workers_count_every_request_once(stack: Stack):
    name = stack.replica("projects", workers=2)
    stack.start(name)
    try:
        stack.wait_ready(name)
        workers = psutil.Process(stack.pid(name)).children(recursive=True)
        assert len([w for w in workers if "spawn_main" in " ".join(w.cmdline())]) == 2
        url = stack.url(name)
        before = sample(httpx.get(url + "/metrics", timeout=10).text, "http_requests_total", route="/healthz")
        for _ in range(40):  # a new connection each time, so both workers take some
            assert httpx.get(url + "/healthz", timeout=10).status_code == 200
        for _ in range(6):  # whichever worker answers the scrape reports every worker's requests
            text = httpx.get(url + "/metrics", timeout=10).text
            assert sample(text, "http_requests_total", route="/healthz") - before == 40
        # Nagle is off on the workers' connections: a keep-alive request is not held for the client's delayed
        # ACK (~40 ms each when uvicorn's own multi-worker socket left it on).
        with httpx.Client(base_url=url, timeout=10) as client:
            took = []
            for _ in range(25):
                started = time.perf_counter()
                assert client.get("/healthz").status_code == 200
                took.append(time.perf_counter() - started)
        assert statistics.median(took[5:]) < 0.02
    finally:
        stack.stop(name)
