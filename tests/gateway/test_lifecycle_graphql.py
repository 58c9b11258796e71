"""Typed problems of the lifecycle mutations, in process over the real projects service."""
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.gateway.graphql import SUBMIT, as_input, gql
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry

OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG)
TOWNSHIP = bearer(Role.TOWNSHIP, RONGSHUI)
COUNTY = bearer(Role.COUNTY_OFFICE, RONGSHUI)

ADMIT = """mutation($id: Int!, $v: Int!) { admitProject(id: $id, version: $v) {
  __typename
  ... on Problem { code }
  ... on InvalidTransition { currentState allowedActions { action roles } }
  ... on PreconditionFailed { currentVersion }
  ... on Forbidden { allowedRoles }
} }"""
APPROVE = """mutation($id: Int!, $v: Int!) { reviewProject(id: $id, version: $v, decision: APPROVE) {
  __typename ... on Project { status version } ... on Problem { code } ... on Forbidden { allowedRoles }
} }"""


async def submitted(gateway) -> int:
    return (await gql(gateway, SUBMIT, OWNER, input=as_input(entry())))["data"]["submitProject"]["id"]


async def test_invalid_transition_is_typed_with_the_allowed_actions(gateway):
    pid = await submitted(gateway)
    result = (await gql(gateway, ADMIT, COUNTY, id=pid, v=1))["data"]["admitProject"]
    assert result["__typename"] == "InvalidTransition" and result["currentState"] == "submitted"
    assert {"action": "approve", "roles": ["township"]} in result["allowedActions"]


async def test_stale_version_and_wrong_role_are_typed(gateway):
    pid = await submitted(gateway)
    stale = (await gql(gateway, APPROVE, TOWNSHIP, id=pid, v=7))["data"]["reviewProject"]
    assert stale == {"__typename": "PreconditionFailed", "code": "precondition.failed"}
    wrong = (await gql(gateway, APPROVE, COUNTY, id=pid, v=1))["data"]["reviewProject"]
    assert wrong == {"__typename": "Forbidden", "code": "auth.forbidden", "allowedRoles": ["township"]}
    ok = (await gql(gateway, APPROVE, TOWNSHIP, id=pid, v=1))["data"]["reviewProject"]
    assert ok == {"__typename": "Project", "status": "COUNTY_DEPARTMENTS", "version": 2}


async def test_timeline_and_figures_queries(gateway):
    pid = await submitted(gateway)
    await gql(gateway, APPROVE, TOWNSHIP, id=pid, v=1)
    body = await gql(gateway, "query($id: Int!) { projectTimeline(id: $id) { action actorRole } "
                              "bulletinFigures(by: STATUS) { key entries } }", COUNTY, id=pid)
    assert [s["action"] for s in body["data"]["projectTimeline"]] == ["submit", "approve"]
    assert body["data"]["bulletinFigures"] == [{"key": "county_departments", "entries": 1}]
