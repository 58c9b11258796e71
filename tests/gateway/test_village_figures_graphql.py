"""The collective economy and road coverage in GraphQL, in process over the real projects service."""
import httpx
import pytest

from gateway.app import create_app as create_gateway
from services.kit.auth import Role
from services.kit.testing import bearer, serve_in_process
from services.projects.app import create_app
from services.projects.config import Settings
from tests.gateway.graphql import gql
from tests.projects.entries import entry
from tests.projects.life import OWNER
from tests.projects.places_seed import seed

COUNTY = bearer(Role.COUNTY_OFFICE, "450225")
CITY = bearer(Role.CITY_OFFICE)

RECORD = """
mutation($input: CollectiveIncomeInput!) {
  recordCollectiveIncome(input: $input) {
    __typename
    ... on CollectiveIncome { id total reachesTarget version villageName }
    ... on Problem { code fields { field message } }
  }
}"""
CORRECT = """
mutation($id: Int!, $version: Int!, $input: CollectiveIncomeAmountsInput!) {
  correctCollectiveIncome(id: $id, version: $version, input: $input) {
    __typename
    ... on CollectiveIncome { total version }
    ... on PreconditionFailed { currentVersion }
  }
}"""
MARK = """
mutation($id: Int!, $version: Int!, $on: Date) {
  markRoad(naturalVillageId: $id, version: $version, hardenedOn: $on) {
    __typename
    ... on NaturalVillageRoad { hardenedRoad roadHardenedOn version }
    ... on Problem { code }
  }
}"""
READ = """
query($year: Int!) {
  collectiveEconomyGaps(year: $year, county: "450225", first: 2) {
    items { villageName total shortfall trend { year total } } hasNextPage nextCursor
  }
  collectiveEconomySummary(year: $year) { countyCode villages reaching below rate target }
  collectiveIncome(year: $year) { items { villageName total } }
  roadCoverage(year: $year) { countyCode qualifying hardened gaps rate }
  roadGaps(year: $year, county: "450225") { items { name households entries { projectId } } }
}"""


@pytest.fixture
async def stack(projects_db: str):
    """The gateway over an in-process projects service, and that service's app (to seed the registry)."""
    projects_app = create_app(Settings(database_url=projects_db))
    async with projects_app.router.lifespan_context(projects_app):
        transports = {"projects": httpx.ASGITransport(app=projects_app)}
        async with serve_in_process(create_gateway(transports=transports)) as client:
            yield client, projects_app


async def test_record_correct_and_read_the_lists(stack):
    gateway, app = stack
    places = await seed(app)
    amounts = {"dividends": "30000", "leasing": "0", "operating": "19999.99", "other": "0"}
    made = (await gql(gateway, RECORD, COUNTY, input={"villageId": places.villages["乙村"], "year": 2019,
                                                       **amounts}))["data"]["recordCollectiveIncome"]
    assert made["__typename"] == "CollectiveIncome" and made["total"] == "49999.99" and not made["reachesTarget"]
    again = (await gql(gateway, RECORD, COUNTY, input={"villageId": places.villages["乙村"], "year": 2019,
                                                        **amounts}))["data"]["recordCollectiveIncome"]
    assert again == {"__typename": "Refused", "code": "collective_income.exists", "fields": []}
    bad = (await gql(gateway, RECORD, COUNTY, input={"villageId": places.villages["甲村"], "year": 2019,
                                                      **amounts, "other": "-1"}))["data"]["recordCollectiveIncome"]
    assert bad["__typename"] == "InvalidInput" and bad["fields"][0]["field"] == "other"
    forbidden = (await gql(gateway, RECORD, CITY, input={"villageId": places.villages["甲村"], "year": 2019,
                                                          **amounts}))["data"]["recordCollectiveIncome"]
    assert forbidden["__typename"] == "Forbidden"
    stale = (await gql(gateway, CORRECT, COUNTY, id=made["id"], version=5, input=amounts))
    assert stale["data"]["correctCollectiveIncome"] == {"__typename": "PreconditionFailed", "currentVersion": 1}
    fixed = await gql(gateway, CORRECT, COUNTY, id=made["id"], version=1, input=amounts | {"other": "0.01"})
    assert fixed["data"]["correctCollectiveIncome"] == {"__typename": "CollectiveIncome", "total": "50000.00",
                                                        "version": 2}
    data = (await gql(gateway, READ, CITY, year=2019))["data"]
    gaps = data["collectiveEconomyGaps"]
    assert [g["villageName"] for g in gaps["items"]] == ["甲村", "丙村"] and gaps["hasNextPage"] is True
    assert gaps["items"][0] == {"villageName": "甲村", "total": None, "shortfall": "50000.00", "trend": []}
    assert data["collectiveEconomySummary"][0] == {"countyCode": "450225", "villages": 5, "reaching": 1,
                                                   "below": 4, "rate": 0.2, "target": "50000.00"}
    assert data["collectiveIncome"]["items"] == [{"villageName": "乙村", "total": "50000.00"}]
    assert data["roadCoverage"][0] == {"countyCode": "450225", "qualifying": 5, "hardened": 1, "gaps": 4,
                                       "rate": 0.2}
    assert [g["name"] for g in data["roadGaps"]["items"]] == ["甲一屯", "乙一屯", "乙二屯", "戊一屯"]


async def test_mark_a_road(stack):
    gateway, app = stack
    places = await seed(app)
    natural = places.naturals["甲一屯"]
    future = await gql(gateway, MARK, COUNTY, id=natural, version=1, on="2099-01-01")
    assert future["data"]["markRoad"] == {"__typename": "InvalidInput", "code": "request.invalid"}
    missing = await gql(gateway, MARK, COUNTY, id=natural + 1000, version=1, on="2019-05-01")
    assert missing["data"]["markRoad"] == {"__typename": "NotFound", "code": "natural_village.not_found"}
    marked = await gql(gateway, MARK, COUNTY, id=natural, version=1, on="2019-05-01")
    assert marked["data"]["markRoad"] == {"__typename": "NaturalVillageRoad", "hardenedRoad": True,
                                          "roadHardenedOn": "2019-05-01", "version": 2}
    stale = await gql(gateway, MARK, COUNTY, id=natural, version=1, on=None)
    assert stale["data"]["markRoad"] == {"__typename": "PreconditionFailed", "code": "precondition.failed"}


HOLDINGS = """
query($village: Int) {
  collectiveEconomyProjects(villageId: $village) { items { projectId name status villageName expectedIncome } }
  shareConversions(villageId: $village) { items { projectName members households shares amount } hasNextPage }
}"""


async def test_collective_economy_entries_and_shares(stack):
    gateway, app = stack
    places = await seed(app)
    village = places.villages["甲村"]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://projects") as projects:
        made = await projects.post("/projects", json=entry(name="甲村光伏", category="collective_economy",
                                                           village_id=village), headers=OWNER)
        project_id = made.json()["id"]
        r = await projects.put(f"/collective/projects/{project_id}/expected-income", json={"amount": "8000"},
                               headers=COUNTY | {"If-Match": '"0"'})
        assert r.status_code == 200, r.text
        share = {"village_id": village, "project_id": project_id, "year": 2019, "members": 80, "households": 20,
                 "shares": 300, "amount": "300000"}
        assert (await projects.post("/collective/shares", json=share, headers=COUNTY)).status_code == 201
    data = (await gql(gateway, HOLDINGS, CITY, village=village))["data"]
    assert data["collectiveEconomyProjects"]["items"] == [
        {"projectId": project_id, "name": "甲村光伏", "status": "SUBMITTED", "villageName": "甲村",
         "expectedIncome": "8000.00"}]
    assert data["shareConversions"] == {"items": [{"projectName": "甲村光伏", "members": 80, "households": 20,
                                                   "shares": 300, "amount": "300000.00"}], "hasNextPage": False}
