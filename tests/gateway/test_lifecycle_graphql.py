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
    assert result["__typename"] == "InvalidTransition" and result["currentState"] == "SUBMITTED"
    assert {"action": "APPROVE", "roles": ["TOWNSHIP"]} in result["allowedActions"]


async def test_stale_version_and_wrong_role_are_typed(gateway):
    pid = await submitted(gateway)
    stale = (await gql(gateway, APPROVE, TOWNSHIP, id=pid, v=7))["data"]["reviewProject"]
    assert stale == {"__typename": "PreconditionFailed", "code": "precondition.failed"}
    wrong = (await gql(gateway, APPROVE, COUNTY, id=pid, v=1))["data"]["reviewProject"]
    assert wrong == {"__typename": "Forbidden", "code": "auth.forbidden", "allowedRoles": ["TOWNSHIP"]}
    ok = (await gql(gateway, APPROVE, TOWNSHIP, id=pid, v=1))["data"]["reviewProject"]
    assert ok == {"__typename": "Project", "status": "COUNTY_DEPARTMENTS", "version": 2}


async def test_timeline_and_figures_queries(gateway):
    pid = await submitted(gateway)
    await gql(gateway, APPROVE, TOWNSHIP, id=pid, v=1)
    body = await gql(gateway, "query($id: Int!) { projectTimeline(id: $id) { action actorRole toStatus "
                              "data { step percent } } bulletinFigures(by: STATUS) { key entries } }", COUNTY, id=pid)
    assert [s["action"] for s in body["data"]["projectTimeline"]] == ["submit", "approve"]
    approve = body["data"]["projectTimeline"][1]
    assert (approve["toStatus"], approve["data"]) == ("COUNTY_DEPARTMENTS", {"step": "SUBMITTED", "percent": None})
    assert body["data"]["bulletinFigures"] == [{"key": "county_departments", "entries": 1}]


IMPORT = """mutation($rows: [ExistingProjectInput!]!) { importExistingProjects(rows: $rows) {
  __typename ... on ImportedProjects { projects { id status } } ... on Problem { code message } } }"""
NO_FISCAL_FUNDS = {"name": "村集体自筹项目", "countyCode": RONGSHUI, "township": "四荣乡", "village": "荣地村",
                   "category": "INDUSTRY", "usesFiscalFunds": False,
                   "budget": [{"source": "SELF_RAISED", "year": 2018, "amount": "100000"}],
                   "beneficiaries": {"poorHouseholds": 5, "poorPeople": 20, "description": "带动贫困户务工"},
                   "targets": [{"indicator": "带动贫困户", "unit": "户", "targetValue": "5"}],
                   "plannedStartYear": 2018, "plannedEndYear": 2018, "ownerOrg": OWNER_ORG,
                   "status": "PLANNED", "admittedOn": "2018-03-01", "planYear": 2018}


async def test_an_entrys_plans_and_the_clearout_summary_answer_what_rest_answers(system):
    imported = await gql(system.gateway, IMPORT, COUNTY, rows=[NO_FISCAL_FUNDS])  # planned, a clear-out candidate
    [project] = imported["data"]["importExistingProjects"]["projects"]
    assert project["status"] == "PLANNED"
    body = await gql(system.gateway, "query($id: Int!) { projectPlans(id: $id) { year planStatus addedVia } "
                                     "clearoutSummary { countyCode candidates } }", COUNTY, id=project["id"])
    plans = (await system.projects.get(f"/projects/{project['id']}/plans", headers=COUNTY)).json()
    assert plans == [{"year": 2018, "plan_status": "open", "added_via": "import", "added_on": plans[0]["added_on"],
                      "removed_on": None, "removed_reason": None}]
    assert body["data"]["projectPlans"] == [{"year": 2018, "planStatus": "OPEN", "addedVia": "IMPORT"}]
    summary = (await system.projects.get("/clearout/summary", headers=COUNTY)).json()
    assert summary == [{"county_code": RONGSHUI, "candidates": 1}]
    assert body["data"]["clearoutSummary"] == [{"countyCode": RONGSHUI, "candidates": 1}]
    missing = await gql(system.gateway, "{ projectPlans(id: 999999) { year } }", COUNTY)
    assert missing["errors"][0]["extensions"]["code"] == "project.not_found"
