"""Done-when of closed reporting months (issue 17 item 3), through the gateway over real HTTP: a county closes a
month, a back-dated spending is refused, the city's finance bureau records it as a correction with a reason, and
the correction is in the month's timeline."""
import uuid

import pytest

from devtools.stack import Stack
from services.kit.auth import Role
from tests.funds.helpers import project_row
from tests.system.http import gql, token

pytestmark = pytest.mark.system

# 城中区 and July 2016: no other system test writes there, so closing it changes nothing for them.
CHENGZHONG, MONTH = "450202", "2016-07"
COUNTY_OFFICE = token(Role.COUNTY_OFFICE, CHENGZHONG)
FINANCE = token(Role.FINANCE, CHENGZHONG)
CITY_FINANCE = token(Role.FINANCE)
REASON = "审计发现七月漏记一笔报账，经市财政局核实后补录"

SPEND = """mutation($a: Int!, $v: String!, $key: String!, $reason: String) {
  recordSpending(allocationId: $a, amount: "20000", spentOn: "2016-07-10", voucherNo: $v, payee: "城中区施工队",
                 idempotencyKey: $key, correctionReason: $reason) {
    __typename ... on Spending { id spentOn } ... on Problem { code message } } }"""
TIMELINE = """query($county: String, $month: String) { reportingPeriods(county: $county, month: $month) {
  projects { month } funds { month closedBy corrections { entityType entityId action reason actor actorRole } }
  employment { month } } }"""


def one(body: dict) -> dict:
    """The single result of a document without errors."""
    assert "errors" not in body, body
    [result] = body["data"].values()
    return result


def test_close_refuse_correct_and_find_in_timeline(stack: Stack, gateway_http, projects_http):
    tag = uuid.uuid4().hex[:6]
    r = projects_http.post("/projects/import", json=[project_row(f"城中区道路{tag}", county=CHENGZHONG)],
                           headers=COUNTY_OFFICE)
    assert r.status_code == 201, r.text
    project_id = r.json()[0]["id"]
    batch = one(gql(gateway_http, """mutation($input: FundBatchInput!, $key: String!) {
        receiveFundBatch(input: $input, idempotencyKey: $key) { ... on FundBatch { id } ... on Problem { code } } }""",
                    FINANCE, input={"docNumber": f"柳财农〔2016〕{tag}号", "sourceLevel": "CENTRAL", "year": 2016,
                                    "countyCode": CHENGZHONG, "amount": "500000", "receivedOn": "2016-06-01",
                                    "purpose": "基础设施"}, key=f"b-{tag}"))
    allocation = one(gql(gateway_http, """mutation($b: Int!, $p: Int!, $key: String!) {
        allocateFunds(batchId: $b, projectId: $p, amount: "300000", allocatedOn: "2016-06-02", idempotencyKey: $key)
        { ... on Allocation { id balance } ... on Problem { code } } }""", FINANCE,
                         b=batch["id"], p=project_id, key=f"a-{tag}"))
    assert allocation["balance"] == "300000.00", allocation

    closed = one(gql(gateway_http, """mutation($county: String!, $month: String!) {
        closeReportingMonth(county: $county, month: $month) { __typename
          ... on ReportingMonthClosed { complete closed { service } } ... on Problem { code } } }""",
                     COUNTY_OFFICE, county=CHENGZHONG, month=MONTH))
    assert closed["complete"] is True and len(closed["closed"]) == 3, closed

    refused = one(gql(gateway_http, SPEND, FINANCE, a=allocation["id"], v=f"V-{tag}", key=f"s1-{tag}", reason=None))
    assert (refused["__typename"], refused["code"]) == ("Refused", "period.closed"), refused
    assert "城中区 2016-07 已关账" in refused["message"]
    county_try = one(gql(gateway_http, SPEND, FINANCE, a=allocation["id"], v=f"V-{tag}", key=f"s2-{tag}",
                         reason=REASON))
    assert (county_try["__typename"], county_try["code"]) == ("Forbidden", "period.correction_forbidden")

    corrected = one(gql(gateway_http, SPEND, CITY_FINANCE, a=allocation["id"], v=f"V-{tag}", key=f"s3-{tag}",
                        reason=REASON))
    assert corrected["__typename"] == "Spending" and corrected["spentOn"] == "2016-07-10", corrected

    periods = one(gql(gateway_http, TIMELINE, COUNTY_OFFICE, county=CHENGZHONG, month=MONTH))
    assert [p["month"] for p in periods["projects"]] == [p["month"] for p in periods["employment"]] == [MONTH]
    [funds_month] = periods["funds"]
    assert funds_month["closedBy"] and funds_month["corrections"] == [
        {"entityType": "spending", "entityId": str(corrected["id"]), "action": "spend", "reason": REASON,
         "actor": funds_month["corrections"][0]["actor"], "actorRole": "FINANCE"}]
    page = one(gql(gateway_http, "query($b: Int!) { fundAllocations(batchId: $b) { items { balance spent } } }",
                   FINANCE, b=batch["id"]))
    assert [(a["balance"], a["spent"]) for a in page["items"]] == [("280000.00", "20000.00")]  # moved once
