"""The projects process goes down and comes back; named to run after the other system tests on the stack."""
import time

import pytest

from devtools.stack import Stack
from services.kit.auth import Role
from tests.gateway.graphql import SUBMIT, as_input
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry
from tests.system.http import gql, token

pytestmark = pytest.mark.system

OWNER = token(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG)
CITY = token(Role.CITY_OFFICE)
READ = "query($id: Int!) { __typename project(id: $id) { id name } }"


def test_projects_down_is_a_prompt_typed_error_and_the_gateway_recovers(stack: Stack, gateway_http):
    created = gql(gateway_http, SUBMIT, OWNER, input=as_input(entry(name="停机前申报的项目")))
    pid = created["data"]["submitProject"]["id"]
    # A warm pooled connection to the process about to die, so the gateway meets a dead keep-alive too.
    assert gql(gateway_http, READ, CITY, id=pid)["data"]["project"]["id"] == pid

    stack.stop("projects")
    try:
        _assert_degraded(gateway_http, pid)
    finally:  # the stack is shared: leave it whole whatever happened
        stack.start("projects")
        stack.wait_ready("projects")

    assert gql(gateway_http, READ, CITY, id=pid) == {
        "data": {"__typename": "Query", "project": {"id": pid, "name": "停机前申报的项目"}}}
    newest = gql(gateway_http, "{ projects(first: 1) { edges { node { id } } } }", CITY)
    assert newest["data"]["projects"]["edges"] == [{"node": {"id": pid}}]  # the refused submission left nothing
    assert gateway_http.get("/readyz").json()["services"]["projects"] == "ok"


def _assert_degraded(gateway_http, pid: int) -> None:
    """With projects down: prompt typed errors, partial data, and a gateway that keeps serving."""
    for _ in range(2):  # the first call may hit the stale pooled connection, the second a refused connect
        started = time.monotonic()
        body = gql(gateway_http, READ, CITY, id=pid)
        assert time.monotonic() - started < 10
        # Partial data: the fields that need no service still answer, the project is null with an error.
        assert body["data"] == {"__typename": "Query", "project": None}
        assert [e["extensions"]["code"] for e in body["errors"]] == ["upstream.unavailable"]
        assert body["errors"][0]["extensions"]["service"] == "projects"
        assert body["errors"][0]["path"] == ["project"]

    refused = gql(gateway_http, SUBMIT, OWNER, input=as_input(entry(name="停机时申报的项目")))
    assert refused["data"] is None
    assert refused["errors"][0]["extensions"]["code"] == "upstream.unavailable"

    assert gateway_http.get("/healthz").status_code == 200
    ready = gateway_http.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["services"] == {"projects": "unavailable", "funds": "ok", "employment": "ok",
                                        "collaboration": "ok", "reporting": "ok"}
