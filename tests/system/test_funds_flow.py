"""Done-when of the funds service, through the gateway over real HTTP: a cleared project's money shows as idle
(class recover) within seconds — also across a projects restart — and is recovered, reallocated and closed."""
import time
import uuid
from decimal import Decimal

import pytest

from devtools.stack import Stack
from services.kit.auth import Role
from services.kit.clock import Clock
from tests.funds.helpers import project_row
from tests.system.http import gql, token

pytestmark = pytest.mark.system

RONGSHUI = "450225"
FINANCE = token(Role.FINANCE, RONGSHUI)
COUNTY = token(Role.COUNTY_OFFICE, RONGSHUI)
PROGRESS = "{ spendingProgress(county: \"450225\", sourceLevel: GUANGDONG, year: 2019) " \
           "{ received allocated spent recovered idle flag } }"
IDLE = "query { idleFunds(county: \"450225\", idleClass: RECOVER, first: 200) " \
       "{ items { itemId idleClass amount projectId } } }"


def act(client, doc: str, **variables) -> dict:
    """A mutation that must succeed; its one result."""
    body = gql(client, doc, FINANCE, **variables)
    [result] = body["data"].values()
    assert "code" not in result, body
    return result


def progress(client) -> dict:
    rows = gql(client, PROGRESS, FINANCE)["data"]["spendingProgress"]
    return {k: (Decimal(v) if k != "flag" else v) for k, v in rows[0].items()}


def wait_for_recover(client, project_id: int, seconds: float = 15) -> dict:
    """Poll idleFunds until the project's balance shows as idle, class recover."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = gql(client, IDLE, FINANCE)
        found = [i for i in body["data"]["idleFunds"]["items"] if i["projectId"] == project_id]
        if found:
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"project {project_id} never showed as idle/recover")


def test_batch_to_idle_to_recovered_reallocated_and_closed(stack: Stack, gateway_http, projects_http):
    tag = uuid.uuid4().hex[:6]
    budget = [{"source": "guangdong", "year": 2019, "amount": "1000000"}]
    rows = [project_row(f"粤桂协作{tag}{n}", status) | {"budget": budget, "planned_start_year": 2016,
                                                       "planned_end_year": 2019}
            for n, status in (("甲", "started"), ("乙", "started"), ("丙", "admitted"))]
    r = projects_http.post("/projects/import", json=rows, headers=COUNTY)
    assert r.status_code == 201, r.text
    kept, doomed, third = [p["id"] for p in r.json()]
    today = Clock().today().isoformat()

    batch = act(gateway_http, """mutation($input: FundBatchInput!, $key: String!) {
        receiveFundBatch(input: $input, idempotencyKey: $key) { ... on FundBatch { id } ... on Problem { code } } }""",
                input={"docNumber": f"湛财协〔2019〕{tag}号", "sourceLevel": "GUANGDONG", "year": 2019,
                       "countyCode": RONGSHUI, "amount": "1000000", "receivedOn": today, "purpose": "粤桂协作"},
                key=f"batch-{tag}")
    allocate = """mutation($b: Int!, $p: Int!, $a: Decimal!, $key: String!) {
        allocateFunds(batchId: $b, projectId: $p, amount: $a, idempotencyKey: $key) {
        ... on Allocation { id balance } ... on Problem { code } } }"""
    first = act(gateway_http, allocate, b=batch["id"], p=kept, a="600000", key=f"a1-{tag}")
    second = act(gateway_http, allocate, b=batch["id"], p=doomed, a="400000", key=f"a2-{tag}")
    act(gateway_http, """mutation($a: Int!, $on: Date!, $v: String!, $key: String!) {
        recordSpending(allocationId: $a, amount: "150000", spentOn: $on, voucherNo: $v, payee: "施工单位",
        idempotencyKey: $key) { ... on Spending { id } ... on Problem { code } } }""",
        a=first["id"], on=today, v=f"V-{tag}", key=f"s-{tag}")
    p = progress(gateway_http)
    assert (p["received"], p["allocated"], p["spent"], p["idle"]) == (1000000, 1000000, 150000, 0)

    version = projects_http.get(f"/projects/{doomed}", headers=COUNTY).json()["version"]
    cleared = projects_http.post(f"/projects/{doomed}/clear", json={"reason": "无法实施，清理出库"},
                                 headers=COUNTY | {"If-Match": f'"{version}"'})
    assert cleared.status_code == 200, cleared.text
    stack.stop("projects")
    try:
        # With projects down the idle views keep answering from the funds service's own projection.
        body = gql(gateway_http, IDLE, FINANCE)
        assert "errors" not in body
    finally:
        stack.start("projects")
        stack.wait_ready("projects")
    item = wait_for_recover(gateway_http, doomed)
    assert (item["itemId"], item["idleClass"], Decimal(item["amount"])) == (second["id"], "RECOVER", 400000)
    assert progress(gateway_http)["idle"] == 400000

    case = act(gateway_http, """mutation($a: Int!) { openRectificationCase(input: {allocationId: $a,
        measure: "项目已清理出库，收回资金另行安排", responsibleUnit: "融水县财政局"}) {
        ... on RectificationCase { id status idleClass version } ... on Problem { code } } }""", a=second["id"])
    assert (case["status"], case["idleClass"]) == ("OPEN", "RECOVER")
    recovery = act(gateway_http, """mutation($a: Int!, $key: String!) { recoverFunds(allocationId: $a,
        amount: "400000", reason: "项目清理出库", idempotencyKey: $key) {
        ... on Recovery { id } ... on Problem { code } } }""",
                   a=second["id"], key=f"r-{tag}")
    p = progress(gateway_http)
    assert (p["allocated"], p["recovered"], p["idle"]) == (600000, 400000, 0)
    transfer = act(gateway_http, """mutation($r: Int!, $p: Int!, $key: String!) { reallocateFunds(recoveryId: $r,
        projectId: $p, amount: "400000", idempotencyKey: $key) {
        ... on Transfer { toProjectId daysRecoveryToReallocation } ... on Problem { code } } }""",
                   r=recovery["id"], p=third, key=f"t-{tag}")
    assert transfer == {"toProjectId": third, "daysRecoveryToReallocation": 0}
    closed = act(gateway_http, """mutation($id: Int!, $v: Int!) { closeRectificationCase(id: $id, version: $v,
        note: "已收回并另行安排") { ... on RectificationCase { status } ... on Problem { code } } }""",
                 id=case["id"], v=case["version"])
    assert closed == {"status": "CLOSED"}
    p = progress(gateway_http)
    assert (p["received"], p["allocated"], p["spent"], p["recovered"], p["idle"]) == \
        (1000000, 1000000, 150000, 400000, 0)
