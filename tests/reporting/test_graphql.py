"""The reporting service through the gateway: bulletin, bulletins, countyRanking, reminders, issueBulletin."""
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.gateway.graphql import gql
from tests.reporting.conftest import Stack
from tests.reporting.data import RONGSHUI, seed
from tests.reporting.test_bulletins import CITY, COUNTY, MONTH

ISSUE = """mutation($input: IssueBulletinInput!) { issueBulletin(input: $input) {
  __typename ... on Bulletin { edition status counties { countyCode spent } }
  ... on Problem { code message fields { field message } } } }"""
READ = """query($month: String!) {
  bulletin(month: $month) { edition status counties { countyCode spendRate } }
  bulletins { items { month edition issuedBy } nextCursor }
  countyRanking(month: $month) { bottom rows { countyCode rank score change indicators { indicator points } } }
  reminders(month: $month) { rule unit evidence } }"""


async def test_issue_then_read_everything_through_graphql(stack: Stack):
    await seed(stack)
    issued = (await gql(stack.gateway, ISSUE, CITY, input={"month": MONTH}))["data"]["issueBulletin"]
    assert issued["__typename"] == "Bulletin" and issued["edition"] == 1 and issued["status"] == "ISSUED"
    again = (await gql(stack.gateway, ISSUE, CITY, input={"month": MONTH}))["data"]["issueBulletin"]
    assert again["__typename"] == "Refused" and again["code"] == "bulletin.reason_required"
    refused = (await gql(stack.gateway, ISSUE, COUNTY, input={"month": MONTH}))["data"]["issueBulletin"]
    assert refused["__typename"] == "Forbidden"
    body = await gql(stack.gateway, READ, CITY, month=MONTH)
    assert "errors" not in body, body
    data = body["data"]
    assert data["bulletin"]["edition"] == 1 and len(data["bulletin"]["counties"]) == 10
    assert data["bulletins"]["items"] == [{"month": MONTH, "edition": 1, "issuedBy": "city-office"}]
    assert len(data["countyRanking"]["rows"]) == 10 and RONGSHUI in data["countyRanking"]["bottom"]
    mine = (await gql(stack.gateway, READ, COUNTY, month=MONTH))["data"]
    assert [c["countyCode"] for c in mine["bulletin"]["counties"]] == [RONGSHUI]
    assert [r["countyCode"] for r in mine["countyRanking"]["rows"]] == [RONGSHUI]


async def test_the_reporting_feed_through_graphql(stack: Stack):
    await seed(stack)
    await gql(stack.gateway, ISSUE, CITY, input={"month": MONTH})
    query = """{ events(service: REPORTING) {
      items { type payload { ... on BulletinIssuedV1 { bulletinMonth edition } } } } }"""
    items = (await gql(stack.gateway, query, bearer(Role.INSPECTOR)))["data"]["events"]["items"]
    assert items == [{"type": "bulletin.issued", "payload": {"bulletinMonth": MONTH, "edition": 1}}]
