"""The GraphQL surface of the project library, in process over the real projects service."""
from gateway.app import create_app
from gateway.config import Settings
from services.kit.auth import Role
from services.kit.testing import bearer, serve_in_process
from tests.gateway.graphql import SUBMIT, as_input, gql
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry

OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG)
CITY = bearer(Role.CITY_OFFICE)

LIST = """
query List($first: Int!, $after: String, $filter: ProjectFilter) {
  projects(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id name budget { amount } beneficiaries { poorPeople } targets { unit } } }
    pageInfo { hasNextPage endCursor }
  }
}"""


async def test_submit_and_read_back(gateway):
    body = await gql(gateway, SUBMIT, OWNER, input=as_input(entry()))
    created = body["data"]["submitProject"]
    assert created["__typename"] == "Project" and created["status"] == "SUBMITTED"
    assert created["totalBudget"] == "1000000.50"
    read = await gql(gateway, "query($id: Int!) { project(id: $id) { name ownerOrg } }", OWNER, id=created["id"])
    assert read["data"]["project"] == {"name": entry()["name"], "ownerOrg": OWNER_ORG}


async def test_not_eligible_is_a_typed_error_and_writes_nothing(gateway):
    body = await gql(gateway, SUBMIT, OWNER, input=as_input(entry(uses_fiscal_funds=False)))
    result = body["data"]["submitProject"]
    assert result["__typename"] == "ProjectNotEligible"
    assert result["code"] == "project.not_eligible" and result["rules"] == ["no_fiscal_funds"]
    listed = await gql(gateway, LIST, CITY, first=10)
    assert listed["data"]["projects"]["edges"] == []


async def test_external_token_cannot_submit(gateway):
    body = await gql(gateway, SUBMIT, bearer(Role.EXTERNAL), input=as_input(entry()))
    assert body["data"]["submitProject"]["__typename"] == "Forbidden"
    assert body["data"]["submitProject"]["code"] == "auth.forbidden"


async def test_connection_pages_and_filters(gateway):
    for i in range(3):
        await gql(gateway, SUBMIT, OWNER, input=as_input(entry(name=f"项目{i}")))
    first = (await gql(gateway, LIST, CITY, first=2))["data"]["projects"]
    assert [e["node"]["name"] for e in first["edges"]] == ["项目2", "项目1"]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = (await gql(gateway, LIST, CITY, first=2, after=first["pageInfo"]["endCursor"]))["data"]["projects"]
    assert [e["node"]["name"] for e in rest["edges"]] == ["项目0"] and rest["pageInfo"]["hasNextPage"] is False
    none = await gql(gateway, LIST, CITY, first=5, filter={"county": "450226"})
    assert none["data"]["projects"]["edges"] == []


async def test_upstream_error_carries_its_code(gateway):
    body = await gql(gateway, LIST, CITY, first=5, after="not-a-cursor!")
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "request.invalid_cursor"


async def test_missing_token_is_an_error_with_the_upstream_code(gateway):
    body = await gql(gateway, "{ project(id: 1) { id } }", {})
    assert body["errors"][0]["extensions"]["code"] == "auth.unauthenticated"


async def test_many_project_lookups_are_one_batch_call(gateway):
    ids = [(await gql(gateway, SUBMIT, OWNER, input=as_input(entry(name=f"p{i}"))))["data"]["submitProject"]["id"]
           for i in range(3)]
    before = (await gateway.get("/metrics")).text
    aliases = " ".join(f"p{i}: project(id: {pid}) {{ id }}" for i, pid in enumerate(ids))
    body = await gql(gateway, "{ " + aliases + " }", CITY)
    assert [body["data"][f"p{i}"]["id"] for i in range(3)] == ids
    after = (await gateway.get("/metrics")).text
    assert _calls(after) - _calls(before) == 1


async def test_one_project_lookup_is_the_read_by_id(gateway):
    pid = (await gql(gateway, SUBMIT, OWNER, input=as_input(entry())))["data"]["submitProject"]["id"]
    before = (await gateway.get("/metrics")).text
    body = await gql(gateway, "query($id: Int!) { project(id: $id) { id name } }", CITY, id=pid)
    assert body["data"]["project"] == {"id": pid, "name": entry()["name"]}
    other_county = bearer(Role.COUNTY_OFFICE, "450226")
    assert (await gql(gateway, "query($id: Int!) { project(id: $id) { id } }", other_county, id=pid)) == {
        "data": {"project": None}}
    assert (await gql(gateway, "{ project(id: 0) { id } }", CITY)) == {"data": {"project": None}}
    after = (await gateway.get("/metrics")).text
    assert _calls(after, "/projects/{project_id}") - _calls(before, "/projects/{project_id}") == 3
    assert _calls(after) == _calls(before)  # no batch read


def _calls(metrics_text: str, route: str = "/projects") -> float:
    line = f'gateway_upstream_requests_total{{method="GET",route="{route}",service="projects"}}'
    return sum(float(row.split()[-1]) for row in metrics_text.splitlines() if row.startswith(line))


async def test_limits_refuse_deep_aliased_or_huge_queries(gateway):
    aliases = " ".join(f"a{i}: project(id: 1) {{ id }}" for i in range(25))
    body = await gql(gateway, "{ " + aliases + " }", CITY)
    assert "alias" in body["errors"][0]["message"].lower()
    huge = "{ " + " ".join(["project(id: 1) { id name }"] * 400) + " }"
    assert "token" in (await gql(gateway, huge, CITY))["errors"][0]["message"].lower()


async def test_projects_service_down_is_a_clear_error_not_a_crash():
    settings = Settings(projects_url="http://127.0.0.1:9", connect_timeout=0.5, read_timeout=1.0)
    async with serve_in_process(create_app(settings)) as client:
        body = await gql(client, "{ project(id: 1) { id } projects(first: 2) { edges { cursor } } }", CITY)
    assert body["data"] is None
    codes = {e["extensions"]["code"] for e in body["errors"]}
    assert codes == {"upstream.unavailable"}
    assert "暂时无法访问" in body["errors"][0]["message"]


async def test_readyz_reports_a_down_service_without_failing():
    settings = Settings(projects_url="http://127.0.0.1:9", funds_url="http://127.0.0.1:9",
                        employment_url="http://127.0.0.1:9", connect_timeout=0.5)
    async with serve_in_process(create_app(settings)) as client:
        r = await client.get("/readyz")
    assert r.status_code == 200 and r.json()["services"]["projects"] == "unavailable"


async def test_invalid_input_states_the_reason_in_chinese(gateway):
    body = await gql(gateway, SUBMIT, OWNER, input=as_input(entry(name="", planned_end_year=2000)))
    result = body["data"]["submitProject"]
    assert result["__typename"] == "InvalidInput" and result["code"] == "request.invalid"
    assert result["fields"]  # the service named each failing field; the message repeats every one of them
    assert result["message"].startswith("请求内容有误：")
    for field in result["fields"]:
        assert f"{field['field']}：{field['message']}" in result["message"]
