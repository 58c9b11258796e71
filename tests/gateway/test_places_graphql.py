"""The village registry through GraphQL, in process over the real projects service: scoped reads, edits with
typed problems, entries that name registry villages."""
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.gateway.graphql import SUBMIT, as_input, gql
from tests.places import village_id
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry

OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG)
COUNTY = bearer(Role.COUNTY_OFFICE, RONGSHUI)
VILLAGES = """query($poor: Boolean, $name: String) { villages(poor: $poor, name: $name, first: 2) {
  items { id name township countyCode poorVillage deepPoverty exitedYear version } hasNextPage nextCursor } }"""
VILLAGE = """query($id: Int!) { village(id: $id) { name years { year households povertyIncidence }
  naturalVillages { name households hardenedRoad roadHardenedOn } } }"""
UPDATE = """mutation($id: Int!, $v: Int!, $input: VillageInput!) { updateVillage(id: $id, version: $v, input: $input) {
  __typename ... on VillageDetail { name exitedYear version } ... on Problem { code message fields { field } }
  ... on PreconditionFailed { currentVersion } ... on Forbidden { allowedRoles } } }"""


async def test_villages_and_one_village_are_the_callers_county_with_figures(gateway):
    body = await gql(gateway, VILLAGES, OWNER, poor=True)
    assert "errors" not in body, body
    page = body["data"]["villages"]
    assert {v["countyCode"] for v in page["items"]} == {RONGSHUI} and page["hasNextPage"] is True
    one = (await gql(gateway, VILLAGE, OWNER, id=village_id("江门村")))["data"]["village"]
    assert [y["year"] for y in one["years"]] == [2017, 2018, 2019, 2020]
    assert {n["name"] for n in one["naturalVillages"]} == {"江门屯", "大坪屯", "小寨屯"}
    assert (await gql(gateway, VILLAGE, OWNER, id=village_id("高定村")))["data"]["village"] is None


async def test_update_village_answers_typed_problems(gateway):
    vid = village_id("荣地村")
    marks = {"name": "荣地村", "poorVillage": True, "exitedYear": 2019}
    stale = (await gql(gateway, UPDATE, COUNTY, id=vid, v=7, input=marks))["data"]["updateVillage"]
    assert stale["__typename"] == "PreconditionFailed" and stale["currentVersion"] == 1
    done = (await gql(gateway, UPDATE, COUNTY, id=vid, v=1, input=marks))["data"]["updateVillage"]
    assert done == {"__typename": "VillageDetail", "name": "荣地村", "exitedYear": 2019, "version": 2}
    bad = (await gql(gateway, UPDATE, COUNTY, id=vid, v=2, input=marks | {"poorVillage": False}))
    assert bad["data"]["updateVillage"]["__typename"] == "InvalidInput"
    owner = (await gql(gateway, UPDATE, OWNER, id=vid, v=2, input=marks))["data"]["updateVillage"]
    assert owner["__typename"] == "Forbidden" and "COUNTY_OFFICE" in owner["allowedRoles"]


async def test_an_entry_names_registry_villages_and_reads_its_village_back(gateway):
    body = await gql(gateway, SUBMIT, OWNER, input=as_input(entry(village="党鸠村")))
    created = body["data"]["submitProject"]
    assert created["__typename"] == "Project", body
    read = await gql(gateway, "query($id: Int!) { project(id: $id) { township village villageId poorVillageIds "
                              "registryVillage { name exitedYear } } }", OWNER, id=created["id"])
    assert read["data"]["project"] == {"township": "杆洞乡", "village": "党鸠村", "villageId": village_id("党鸠村"),
                                       "poorVillageIds": [village_id("党鸠村")],
                                       "registryVillage": {"name": "党鸠村", "exitedYear": 2019}}
    unknown = await gql(gateway, SUBMIT, OWNER, input=as_input(entry(village_id=123456789, poor_village_ids=[])))
    refused = unknown["data"]["submitProject"]
    assert refused["__typename"] == "Refused" and refused["code"] == "project.unknown_place"
    assert [f["field"] for f in refused["fields"]] == ["village_id"]
