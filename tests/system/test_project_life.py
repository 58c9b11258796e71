"""One whole life of a library entry, through the gateway over real HTTP, and its timeline in order."""
from datetime import timedelta

from services.kit.auth import Role
from services.kit.clock import Clock
from tests.gateway.graphql import SUBMIT, as_input
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry
from tests.system.http import gql, token

OWNER = token(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG)
TOWNSHIP = token(Role.TOWNSHIP, RONGSHUI)
DEPARTMENT = token(Role.COUNTY_DEPARTMENT, RONGSHUI)
COUNTY = token(Role.COUNTY_OFFICE, RONGSHUI)
FINANCE = token(Role.FINANCE, RONGSHUI)
INSPECTOR = token(Role.INSPECTOR)

RESULT = "__typename ... on Project { id version status libraryCode planYear progressPercent } " \
         "... on Problem { code message }"


class Entry:
    """The entry under test and the version last seen, sent as If-Match by the gateway."""

    def __init__(self, client, project: dict) -> None:
        self.client, self.id, self.version = client, project["id"], project["version"]

    def act(self, mutation: str, headers: dict, args: str = "", **variables) -> dict:
        params = "".join(f", ${k}: {t}" for k, t in variables.pop("_types", {}).items())
        doc = (f"mutation($id: Int!, $version: Int!{params}) {{ r: {mutation}(id: $id, version: $version{args}) "
               f"{{ {RESULT} }} }}")
        body = gql(self.client, doc, headers, id=self.id, version=self.version, **variables)
        result = body["data"]["r"]
        assert result["__typename"] == "Project", body
        self.version = result["version"]
        return result


def test_full_life_through_the_gateway(gateway_http, move_clock):
    submitted = gql(gateway_http, SUBMIT, OWNER, input=as_input(entry(name="系统测试百香果基地")))
    e = Entry(gateway_http, submitted["data"]["submitProject"] | {"version": 1})
    e.act("reviewProject", TOWNSHIP, ", decision: APPROVE, opinion: \"同意\"")
    assert e.act("reviewProject", DEPARTMENT, ", decision: RETURN, opinion: \"补充受益户名单\"")["status"] == "RETURNED"
    revised = as_input(entry(name="系统测试百香果基地（修改）"))
    e.act("editProject", OWNER, ", input: $input", input=revised, _types={"input": "ProjectInput!"})
    assert e.act("resubmitProject", OWNER)["status"] == "COUNTY_DEPARTMENTS"
    e.act("reviewProject", DEPARTMENT, ", decision: APPROVE")
    assert e.act("reviewProject", COUNTY, ", decision: APPROVE")["status"] == "ANNOUNCED"

    lodged = gql(gateway_http, "mutation($id: Int!) { lodgeObjection(id: $id, reason: \"受益户重复\") "
                               "{ __typename ... on Objection { id status } } }", INSPECTOR, id=e.id)
    objection = lodged["data"]["lodgeObjection"]["id"]
    early = gql(gateway_http, "mutation($id: Int!, $v: Int!) { admitProject(id: $id, version: $v) "
                              "{ __typename ... on Problem { code } } }", COUNTY, id=e.id, v=e.version)
    assert early["data"]["admitProject"] == {"__typename": "Refused", "code": "project.notice_not_over"}
    e.act("resolveObjection", COUNTY, ", objectionId: $o, outcome: DISMISSED, resolution: \"经核实无重复\"",
          o=objection, _types={"o": "Int!"})
    move_clock(8)
    admitted = e.act("admitProject", COUNTY)
    assert admitted["status"] == "ADMITTED" and admitted["libraryCode"].startswith("450225-")
    assert e.act("scheduleProject", COUNTY, ", year: 2019")["planYear"] == 2019

    plan = gql(gateway_http, "{ plan(county: \"450225\", year: 2019) { version } }", COUNTY)["data"]["plan"]
    rolled = gql(gateway_http, "mutation($v: Int!) { rollOverPlan(county: \"450225\", year: 2019, version: $v) "
                               "{ __typename ... on Plan { year entries { projectId addedVia } } } }", COUNTY,
                 v=plan["version"])["data"]["rollOverPlan"]
    assert rolled["year"] == 2020 and {"projectId": e.id, "addedVia": "ROLLOVER"} in rolled["entries"]
    e.version = gql(gateway_http, "query($id: Int!) { project(id: $id) { version } }", COUNTY,
                    id=e.id)["data"]["project"]["version"]

    on = (Clock().today() + timedelta(days=8)).isoformat()  # the service's day (Asia/Shanghai), moved on
    dated = {"_types": {"on": "Date!"}, "on": on}
    e.act("startProject", OWNER, ", on: $on", **dict(dated))
    e.act("reportProgress", OWNER, ", on: $on, percent: 40", **dict(dated))
    assert e.act("reportProgress", OWNER, ", on: $on, percent: 80", **dict(dated))["progressPercent"] == 80
    e.act("completeProject", OWNER, ", on: $on", **dict(dated))
    acceptance = {"on": on, "acceptingUnit": "融水县扶贫办", "result": "PASSED", "actualHouseholds": 40,
                  "actualPeople": 160}
    e.act("acceptProject", COUNTY, ", input: $a", a=acceptance, _types={"a": "AcceptanceInput!"})
    assert e.act("settleProject", FINANCE, ", on: $on", **dict(dated))["status"] == "SETTLED"

    timeline = gql(gateway_http, "query($id: Int!) { projectTimeline(id: $id) { action toStatus actor } }",
                   INSPECTOR, id=e.id)["data"]["projectTimeline"]
    assert [step["action"] for step in timeline] == [
        "submit", "approve", "return", "edit", "resubmit", "approve", "approve", "object", "resolve_objection",
        "admit", "schedule", "rollover", "start", "report_progress", "report_progress", "complete", "accept",
        "settle"]
    assert timeline[-1]["toStatus"] == "SETTLED"
