"""Clean text at the gateway's edge: control characters in variables and literals are request.invalid with the
argument path, before any upstream call; tab and newline pass only in @freeText arguments and fields."""
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.gateway.graphql import SUBMIT, as_input, gql
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry

OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG)
CITY = bearer(Role.CITY_OFFICE)
COUNTY = bearer(Role.COUNTY_OFFICE, RONGSHUI)


def _refusal(body: dict) -> list[dict]:
    """The failing fields of a request.invalid answer that executed nothing."""
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "request.invalid"
    return error["extensions"]["fields"]


async def test_a_control_character_in_a_variable_is_refused_with_its_path(system):
    fields = _refusal(await gql(system.gateway, SUBMIT, OWNER, input=as_input(entry(name="abc\x00def"))))
    assert fields == [{"field": "submitProject.input.name", "message": "含有不允许的控制字符（U+0000，第 4 个字符）"}]
    assert system.seen == []


async def test_every_bad_string_is_named_down_to_a_nested_list_item(system):
    bad = entry(name="a\tb")
    bad["targets"] = [bad["targets"][0], bad["targets"][0] | {"unit": "x\x1fy"}]
    fields = _refusal(await gql(system.gateway, SUBMIT, OWNER, input=as_input(bad)))
    assert [f["field"] for f in fields] == ["submitProject.input.name", "submitProject.input.targets[1].unit"]
    assert system.seen == []


async def test_a_control_character_in_a_literal_is_refused_even_inside_a_fragment(system):
    query = """query { ...Listed } fragment Listed on Query {
      projects(filter: {ownerOrg: "a\\u0000b"}) { edges { node { id } } } }"""
    fields = _refusal(await gql(system.gateway, query, CITY))
    assert fields == [{"field": "projects.filter.ownerOrg", "message": "含有不允许的控制字符（U+0000，第 2 个字符）"}]
    assert system.seen == []


async def test_free_text_keeps_tab_and_newline_but_no_other_control_character(system):
    good = entry()
    good["beneficiaries"]["description"] = "土地入股\n基地务工\t保底分红"
    created = (await gql(system.gateway, SUBMIT, OWNER, input=as_input(good)))["data"]["submitProject"]
    assert created["__typename"] == "Project"
    stored = (await system.projects.get(f"/projects/{created['id']}", headers=OWNER)).json()
    assert stored["beneficiaries"]["description"] == "土地入股\n基地务工\t保底分红"
    calls = len(system.seen)
    good["beneficiaries"]["description"] = "响铃\x07"
    fields = _refusal(await gql(system.gateway, SUBMIT, OWNER, input=as_input(good)))
    assert fields[0]["field"] == "submitProject.input.beneficiaries.description"
    assert len(system.seen) == calls


async def test_a_free_text_argument_keeps_newlines_and_a_plain_one_refuses_them(system):
    mutation = """mutation($county: String!, $reason: String!) {
      adjustPlan(county: $county, year: 2019, version: 1, reason: $reason) { __typename ... on Problem { code } } }"""
    answered = await gql(system.gateway, mutation, COUNTY, county="450225", reason="调入\n调出")
    assert answered["data"]["adjustPlan"]["__typename"] == "NotFound"  # reached the service: no plan yet
    calls = len(system.seen)
    fields = _refusal(await gql(system.gateway, mutation, COUNTY, county="450225\n", reason="调入"))
    assert [f["field"] for f in fields] == ["adjustPlan.county"]
    assert len(system.seen) == calls


async def test_a_list_of_input_objects_is_walked_row_by_row(system):
    mutation = "mutation($rows: [ExistingProjectInput!]!) { importExistingProjects(rows: $rows) { __typename } }"
    row = {"name": "ok", "countyCode": "450225", "township": "四荣乡", "village": "东田村", "category": "INDUSTRY",
           "usesFiscalFunds": True, "budget": [{"source": "CENTRAL", "year": 2018, "amount": "100"}],
           "beneficiaries": {"description": "带贫"}, "targets": [], "plannedStartYear": 2018,
           "plannedEndYear": 2018, "ownerOrg": "融水县农业局", "status": "ADMITTED", "admittedOn": "2018-03-01"}
    fields = _refusal(await gql(system.gateway, mutation, COUNTY, rows=[row, row | {"name": "a\x00"}]))
    assert [f["field"] for f in fields] == ["importExistingProjects.rows[1].name"]
    assert system.seen == []
