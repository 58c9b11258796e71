"""Closed reporting months (关账) in the funds service: spending and reversals dated in a closed month."""
import uuid

from tests.funds.helpers import CITY_FINANCE, FINANCE, allocate, make_projects, move, new_batch, project_row
from tests.kit.periods import CITY_OFFICE, REASON, SANJIANG, audited, close, corrections, refused


async def allocation(funds, projects) -> dict:
    """A started project's allocation of 100,000 yuan."""
    [pid] = await make_projects(projects, project_row("党鸠村屯级道路"))
    batch = await new_batch(funds)
    return await allocate(funds, batch["id"], pid, "100000")


def spending(on: str, amount: str = "2000", reason: str | None = None) -> dict:
    """A reimbursement body with a fresh voucher number."""
    body = {"amount": amount, "spent_on": on, "voucher_no": f"记-{uuid.uuid4().hex[:10]}", "payee": "杆洞乡施工队"}
    return body | ({"correction_reason": reason} if reason is not None else {})


async def balance(funds, allocation_id: int) -> str:
    return (await funds.get(f"/allocations/{allocation_id}", headers=FINANCE)).json()["balance"]


async def test_spending_in_a_closed_month_needs_a_city_correction(funds, funds_app, projects):
    a = await allocation(funds, projects)
    path = f"/allocations/{a['id']}/spendings"
    await close(funds, "2026-03")
    start = await balance(funds, a["id"])

    problem = refused(await move(funds, path, spending("2026-03-20")), 409, "period.closed")
    assert problem["months"] == ["2026-03"] and "报账" in problem["detail"] and problem["correctors"] == ["finance"]
    refused(await move(funds, path, spending("2026-03-20", reason=REASON)), 403, "period.correction_forbidden")
    refused(await move(funds, path, spending("2026-03-20"), headers=CITY_FINANCE), 409, "period.closed")
    refused(await move(funds, path, spending("2026-03-20", reason="   ")), 422, "request.invalid")
    assert await balance(funds, a["id"]) == start
    assert (await funds.get(path, headers=FINANCE)).json()["items"] == []

    corrected = await move(funds, path, spending("2026-03-20", reason=REASON), headers=CITY_FINANCE)
    assert corrected.status_code == 201, corrected.text
    assert await balance(funds, a["id"]) == "98000.00"
    entries = (await funds.get(path, headers=FINANCE)).json()["items"]
    assert [(e["spent_on"], e["correction_reason"]) for e in entries] == [("2026-03-20", REASON)]
    [listed] = await corrections(funds, "2026-03")
    assert (listed["entity_type"], listed["entity_id"], listed["action"], listed["reason"], listed["actor"]) == (
        "spending", str(corrected.json()["id"]), "spend", REASON, "finance-city")
    [trail] = await audited(funds_app, "period.correction")
    assert trail.entity_type == "spending" and trail.after["reason"] == REASON

    # An open month takes the county's spending as before.
    ordinary = await move(funds, path, spending("2026-04-02"))
    assert ordinary.status_code == 201 and ordinary.json()["correction_reason"] is None
    refused(await move(funds, path, spending("2026-04-03", reason=REASON)), 422, "period.not_closed")


async def test_reversal_dated_in_a_closed_month_is_guarded(funds, projects):
    a = await allocation(funds, projects)
    spent = await move(funds, f"/allocations/{a['id']}/spendings", spending("2026-02-10"))
    assert spent.status_code == 201
    await close(funds, "2026-03")
    reversal = {"voucher_no": f"冲-{uuid.uuid4().hex[:8]}", "on": "2026-03-05", "reason": "重复报账"}
    path = f"/spendings/{spent.json()['id']}/reversal"
    refused(await move(funds, path, reversal), 409, "period.closed")
    corrected = await move(funds, path, reversal | {"correction_reason": REASON}, headers=CITY_FINANCE)
    assert corrected.status_code == 201 and corrected.json()["kind"] == "reversal"
    assert corrected.json()["correction_reason"] == REASON
    assert [c["action"] for c in await corrections(funds, "2026-03")] == ["reverse"]


async def test_a_closed_month_binds_its_county_only(funds, projects):
    a = await allocation(funds, projects)
    await close(funds, "2026-03", county=SANJIANG, headers=CITY_OFFICE)
    assert (await move(funds, f"/allocations/{a['id']}/spendings", spending("2026-03-20"))).status_code == 201
