"""Funds through GraphQL: Project.funding in one batch call, idle funds, cases, progress, typed problems."""
from datetime import timedelta
from decimal import Decimal

import httpx
import pytest

from services.kit.testing import serve_in_process
from tests.funds.helpers import COUNTY_OFFICE, FINANCE, INSPECTOR, clear, project_row
from tests.gateway.graphql import gql


@pytest.fixture
def stack(system) -> tuple:
    """Gateway → projects and funds, all in process on fresh databases (tests/gateway/conftest.py)."""
    return system.gateway, system.projects, system.funds_app


BATCH = """mutation($input: FundBatchInput!, $key: String!) { receiveFundBatch(input: $input, idempotencyKey: $key) {
  __typename ... on FundBatch { id unallocated } ... on Problem { code } } }"""
ALLOCATE = """mutation($b: Int!, $p: Int!, $a: Decimal!, $key: String!) {
  allocateFunds(batchId: $b, projectId: $p, amount: $a, idempotencyKey: $key) {
  __typename ... on Allocation { id balance } ... on Problem { code message } } }"""
CLOSE = """mutation($id: Int!, $v: Int!) { closeRectificationCase(id: $id, version: $v, note: "销号") {
  __typename ... on Problem { code } } }"""
FUNDING = """query { projects(filter: {county: "450225"}) { edges { node { id name
  funding { allocated balance idleItems { idleClass amount } } } } } }"""


async def test_funding_idle_funds_and_typed_problems(stack):
    from services.funds.projection.feed import catch_up

    gateway, projects, funds_app = stack
    rows = [project_row("甲"), project_row("乙"), project_row("已报账", "settled")]
    ids = [p["id"] for p in (await projects.post("/projects/import", json=rows, headers=COUNTY_OFFICE)).json()]
    today = funds_app.state.clock.today().isoformat()
    batch_input = {"docNumber": "桂财农〔2026〕1号", "sourceLevel": "CENTRAL", "year": 2016, "countyCode": "450225",
                   "amount": "1000", "receivedOn": today, "purpose": "产业"}
    batch = (await gql(gateway, BATCH, FINANCE, input=batch_input, key="b-1"))["data"]["receiveFundBatch"]
    assert batch["__typename"] == "FundBatch" and batch["unallocated"] == "1000.00"
    replay = (await gql(gateway, BATCH, FINANCE, input=batch_input, key="b-1"))["data"]["receiveFundBatch"]
    assert replay == batch
    for pid, amount in ((ids[0], "300"), (ids[1], "200")):
        got = (await gql(gateway, ALLOCATE, FINANCE, b=batch["id"], p=pid, a=amount, key=f"a-{pid}"))["data"]
        assert got["allocateFunds"]["__typename"] == "Allocation"
    refused = (await gql(gateway, ALLOCATE, FINANCE, b=batch["id"], p=ids[2], a="1", key="a-x"))["data"]
    assert refused["allocateFunds"]["__typename"] == "Refused"
    assert refused["allocateFunds"]["code"] == "funds.project_not_fundable"
    await clear(projects, ids[1])
    await catch_up(funds_app)
    calls = funds_app.state.metrics.requests
    before = calls.labels("funds", "GET", "/funding", "200")._value.get()
    data = (await gql(gateway, FUNDING, FINANCE))["data"]
    assert calls.labels("funds", "GET", "/funding", "200")._value.get() == before + 1  # one batch call
    funding = {e["node"]["id"]: e["node"]["funding"] for e in data["projects"]["edges"]}
    assert funding[ids[0]] == {"allocated": "300.00", "balance": "300.00", "idleItems": []}
    assert funding[ids[1]]["idleItems"] == [{"idleClass": "RECOVER", "amount": "200.00"}]
    idle = await gql(gateway, "{ idleFunds { items { idleClass amount projectId } nextCursor } "
                              "spendingProgress { spent flag } }", FINANCE)
    assert idle["data"]["idleFunds"] == {"items": [{"idleClass": "RECOVER", "amount": "200.00", "projectId": ids[1]}],
                                         "nextCursor": None}
    assert idle["data"]["spendingProgress"] == [{"spent": "0.00", "flag": "RED"}]
    opened = await gql(gateway, """mutation($a: Int!) { openRectificationCase(input: {allocationId: $a,
      measure: "收回", responsibleUnit: "融水县财政局"}) {
      __typename ... on RectificationCase { id status version } } }""",
                       FINANCE, a=funding[ids[1]] and (await _allocation_of(gateway, ids[1])))
    case = opened["data"]["openRectificationCase"]
    assert case["status"] == "OPEN"
    close = await gql(gateway, CLOSE, FINANCE, id=case["id"], v=case["version"])
    refusal = {"__typename": "Refused", "code": "funds.rectification_unresolved"}
    assert close["data"]["closeRectificationCase"] == refusal
    started = await gql(gateway, """mutation($id: Int!, $v: Int!) { startRectificationCase(id: $id, version: $v) {
      __typename ... on RectificationCase { status version } } }""", FINANCE, id=case["id"], v=case["version"])
    assert started["data"]["startRectificationCase"] == {"__typename": "RectificationCase", "status": "RECTIFYING",
                                                         "version": case["version"] + 1}
    stale = await gql(gateway, CLOSE, FINANCE, id=case["id"], v=case["version"])
    assert stale["data"]["closeRectificationCase"] == {"__typename": "PreconditionFailed",
                                                       "code": "precondition.failed"}
    sums = await gql(gateway, '{ idleFundSums(by: [IDLE_CLASS]) { idleClass amount items } }', FINANCE)
    assert sums["data"]["idleFundSums"] == [{"idleClass": "RECOVER", "amount": "200.00", "items": 1}]
    swept = await gql(gateway, "mutation { openIdleCases { id } }", FINANCE)
    assert swept["data"]["openIdleCases"] == []  # the only idle item already has its case
    cases = await gql(gateway, "{ rectificationCases(status: RECTIFYING) { items { id status overdue } nextCursor "
                               "hasNextPage } }", FINANCE)
    assert cases["data"]["rectificationCases"] == {
        "items": [{"id": case["id"], "status": "RECTIFYING", "overdue": False}], "nextCursor": None,
        "hasNextPage": False}


ANNOUNCE = """mutation($b: Int!) { publishAnnouncement(batchId: $b, title: "2016 年扶贫资金分配公示", days: 10) {
  __typename ... on Announcement { id open endsOn allocations { projectId amount } } ... on Problem { code } } }"""
EVALUATE = """mutation($input: EvaluationInput!) { recordEvaluation(input: $input) {
  __typename ... on Evaluation { id score indicators { indicator target actual } } ... on InvalidInput { code fields {
  field } } ... on Problem { code } } }"""


async def test_announcements_and_evaluations_page_by_page(stack):
    gateway, projects, funds_app = stack
    [pid] = [p["id"] for p in (await projects.post("/projects/import", json=[project_row("甲")],
                                                   headers=COUNTY_OFFICE)).json()]
    today = funds_app.state.clock.today()
    batch_input = {"docNumber": "桂财农〔2026〕2号", "sourceLevel": "CENTRAL", "year": 2016, "countyCode": "450225",
                   "amount": "1000", "receivedOn": today.isoformat(), "purpose": "产业"}
    batch = (await gql(gateway, BATCH, FINANCE, input=batch_input, key="b-2"))["data"]["receiveFundBatch"]
    await gql(gateway, ALLOCATE, FINANCE, b=batch["id"], p=pid, a="250", key="a-2")
    announced = (await gql(gateway, ANNOUNCE, FINANCE, b=batch["id"]))["data"]["publishAnnouncement"]
    assert announced["__typename"] == "Announcement" and announced["open"] is True
    assert announced["allocations"] == [{"projectId": pid, "amount": "250.00"}]
    assert announced["endsOn"] == (today + timedelta(days=9)).isoformat()
    denied = (await gql(gateway, ANNOUNCE, INSPECTOR, b=batch["id"]))["data"]["publishAnnouncement"]
    assert denied == {"__typename": "Forbidden", "code": "auth.forbidden"}
    evaluation = {"batchId": batch["id"], "score": "88.5", "conclusion": "资金使用规范", "evaluator": "市财政局",
                  "evaluatedOn": today.isoformat(),
                  "indicators": [{"indicator": "受益人口", "unit": "人", "target": "300", "actual": "320"}]}
    ids = []
    for score in ("88.5", "91"):
        got = (await gql(gateway, EVALUATE, FINANCE, input=evaluation | {"score": score}))["data"]["recordEvaluation"]
        assert got["__typename"] == "Evaluation" and got["indicators"][0]["actual"] == "320"
        ids.append(got["id"])
    both = (await gql(gateway, EVALUATE, FINANCE, input=evaluation | {"projectId": pid}))["data"]["recordEvaluation"]
    assert both["__typename"] == "InvalidInput"
    page = """query($after: String) { evaluations(first: 1, after: $after) { items { id score } nextCursor }
      announcements { items { id open } nextCursor } }"""
    first = (await gql(gateway, page, INSPECTOR))["data"]
    assert first["evaluations"]["items"] == [{"id": ids[1], "score": "91.00"}]
    assert first["announcements"] == {"items": [{"id": announced["id"], "open": True}], "nextCursor": None}
    rest = (await gql(gateway, page, INSPECTOR, after=first["evaluations"]["nextCursor"]))["data"]["evaluations"]
    assert rest == {"items": [{"id": ids[0], "score": "88.50"}], "nextCursor": None}


LEDGER = """query($b: Int!, $a: Int!, $p: Int!) {
  project(id: $p) { funding { allocated spent recovered balance } }
  fundAllocations(batchId: $b, first: 1) { items { projectId amount balance } nextCursor hasNextPage }
  spendings(allocationId: $a) { items { kind amount voucherNo } nextCursor }
  fundRecoveries { items { allocationId amount reallocated } nextCursor }
  rectificationWeeklyNotice { counties { countyCode new overdue closed } } }"""


async def test_allocations_spendings_recoveries_and_the_weekly_notice(stack):
    gateway, projects, funds_app = stack
    rows = [project_row("甲"), project_row("乙")]
    ids = [p["id"] for p in (await projects.post("/projects/import", json=rows, headers=COUNTY_OFFICE)).json()]
    today = funds_app.state.clock.today().isoformat()
    batch_input = {"docNumber": "桂财农〔2026〕3号", "sourceLevel": "CENTRAL", "year": 2016, "countyCode": "450225",
                   "amount": "1000", "receivedOn": today, "purpose": "产业"}
    batch = (await gql(gateway, BATCH, FINANCE, input=batch_input, key="b-3"))["data"]["receiveFundBatch"]
    first, _ = [(await gql(gateway, ALLOCATE, FINANCE, b=batch["id"], p=pid, a="400", key=f"a3-{pid}"))["data"]
                ["allocateFunds"] for pid in ids]
    spend = """mutation($a: Int!, $on: Date!) { recordSpending(allocationId: $a, amount: "150", spentOn: $on,
      voucherNo: "V-3", payee: "施工队", idempotencyKey: "s-3") { __typename } }"""
    spent = (await gql(gateway, spend, FINANCE, a=first["id"], on=today))["data"]["recordSpending"]
    assert spent["__typename"] == "Spending"
    recover = """mutation($a: Int!) { recoverFunds(allocationId: $a, amount: "50", reason: "结余",
      idempotencyKey: "r-3") { __typename } }"""
    assert (await gql(gateway, recover, FINANCE, a=first["id"]))["data"]["recoverFunds"]["__typename"] == "Recovery"
    data = (await gql(gateway, LEDGER, INSPECTOR, b=batch["id"], a=first["id"], p=ids[0]))["data"]
    # Allocated gross, recovered beside it: allocated = spent + recovered + balance.
    funding = data["project"]["funding"]
    assert funding == {"allocated": "400.00", "spent": "150.00", "recovered": "50.00", "balance": "200.00"}
    assert Decimal(funding["allocated"]) == sum(Decimal(funding[k]) for k in ("spent", "recovered", "balance"))
    assert data["fundAllocations"]["items"] == [{"projectId": ids[0], "amount": "400.00", "balance": "200.00"}]
    assert data["fundAllocations"]["nextCursor"] is not None  # the second allocation is on the next page
    assert data["fundAllocations"]["hasNextPage"] is True
    assert data["spendings"] == {"items": [{"kind": "SPEND", "amount": "150.00", "voucherNo": "V-3"}],
                                 "nextCursor": None}
    assert data["fundRecoveries"]["items"] == [{"allocationId": first["id"], "amount": "50.00",
                                                "reallocated": "0.00"}]
    assert data["rectificationWeeklyNotice"]["counties"] == []


async def _allocation_of(gateway, project_id: int) -> int:
    q = """query($id: Int!) { project(id: $id) { funding { allocations { id } } } }"""
    return (await gql(gateway, q, FINANCE, id=project_id))["data"]["project"]["funding"]["allocations"][0]["id"]


async def test_funds_down_gives_projects_with_null_funding_and_an_error(projects_app, projects):
    from devtools.stack import free_port
    from gateway.app import create_app as create_gateway
    from gateway.config import Settings

    await projects.post("/projects/import", json=[project_row("甲")], headers=COUNTY_OFFICE)
    settings = Settings(funds_url=f"http://127.0.0.1:{free_port()}")
    gateway_app = create_gateway(settings, transports={"projects": httpx.ASGITransport(app=projects_app)})
    async with serve_in_process(gateway_app) as gateway:
        body = await gql(gateway, "{ projects { edges { node { name funding { balance } } } } }", FINANCE)
    assert body["data"]["projects"]["edges"] == [{"node": {"name": "甲", "funding": None}}]
    assert {e["extensions"]["code"] for e in body["errors"]} == {"upstream.unavailable"}
