"""The ledger: batches, allocations, spending, reversal, recovery; every balance exact and never negative."""
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.funds.helpers import (
    CITY_FINANCE,
    COUNTY_OFFICE,
    FINANCE,
    allocate,
    batch_body,
    make_projects,
    move,
    new_batch,
    project_row,
    yuan,
)


async def test_batch_allocate_spend_recover_keep_both_invariants(funds, projects):
    [pid] = await make_projects(projects, project_row("杆洞乡道路"))
    batch = await new_batch(funds, "1000000.50")
    assert yuan(batch["unallocated"]) == yuan("1000000.50") and yuan(batch["allocated"]) == 0
    a = await allocate(funds, batch["id"], pid, "600000.25", allocated_on="2016-06-02")
    assert (yuan(a["balance"]), a["source_level"], a["county_code"]) == (yuan("600000.25"), "central", "450225")
    r = await move(funds, f"/allocations/{a['id']}/spendings",
                   {"amount": "100000.10", "spent_on": "2016-07-01", "voucher_no": "RS-0001", "payee": "施工队"})
    assert r.status_code == 201, r.text
    spending = r.json()
    r = await move(funds, f"/allocations/{a['id']}/recoveries", {"amount": "50000", "reason": "项目缩减"})
    assert r.status_code == 201, r.text
    a = (await funds.get(f"/allocations/{a['id']}", headers=FINANCE)).json()
    assert yuan(a["spent"]) == yuan("100000.10") and yuan(a["recovered"]) == 50000
    assert yuan(a["amount"]) == yuan(a["spent"]) + yuan(a["recovered"]) + yuan(a["balance"])
    b = (await funds.get(f"/batches/{batch['id']}", headers=FINANCE)).json()
    assert yuan(b["allocated"]) == yuan("550000.25") and yuan(b["unallocated"]) == yuan("450000.25")
    r = await move(funds, f"/spendings/{spending['id']}/reversal",
                   {"voucher_no": "RS-0001-冲", "on": "2016-07-02", "reason": "重复报账"})
    assert r.status_code == 201 and r.json()["kind"] == "reversal"
    again = await move(funds, f"/spendings/{spending['id']}/reversal",
                       {"voucher_no": "RS-0001-冲2", "on": "2016-07-02", "reason": "重复报账"})
    assert again.status_code == 409 and again.json()["code"] == "funds.already_reversed"
    a = (await funds.get(f"/allocations/{a['id']}", headers=FINANCE)).json()
    assert yuan(a["spent"]) == 0 and yuan(a["balance"]) == yuan("550000.25")
    entries = (await funds.get(f"/allocations/{a['id']}/spendings?limit=200", headers=FINANCE)).json()["items"]
    assert [e["kind"] for e in entries] == ["spend", "reversal"]


async def test_document_number_unique_per_source_level_and_year(funds):
    body = batch_body(doc="桂财农〔2016〕7号")
    assert (await move(funds, "/batches", body)).status_code == 201
    r = await move(funds, "/batches", body)
    assert r.status_code == 409 and r.json()["code"] == "funds.duplicate_document"
    assert (await move(funds, "/batches", body | {"source_level": "region"})).status_code == 201
    assert (await move(funds, "/batches", body | {"year": 2017})).status_code == 201


async def test_overspending_and_duplicate_voucher_are_refused(funds, projects):
    [pid] = await make_projects(projects, project_row("道路"))
    batch = await new_batch(funds)
    a = await allocate(funds, batch["id"], pid, "100")
    spend = {"amount": "100.01", "spent_on": "2016-07-01", "voucher_no": "V1", "payee": "x"}
    r = await move(funds, f"/allocations/{a['id']}/spendings", spend)
    assert r.status_code == 409 and r.json()["code"] == "funds.insufficient_balance"
    assert (await move(funds, f"/allocations/{a['id']}/spendings", spend | {"amount": "60"})).status_code == 201
    r = await move(funds, f"/allocations/{a['id']}/spendings", spend | {"amount": "1"})
    assert r.status_code == 409 and r.json()["code"] == "funds.duplicate_voucher"
    r = await move(funds, f"/allocations/{a['id']}/recoveries", {"amount": "40.01", "reason": "x"})
    assert r.status_code == 409 and r.json()["code"] == "funds.insufficient_balance"
    r = await move(funds, f"/batches/{batch['id']}/allocations", {"project_id": pid, "amount": "-5"})
    assert r.status_code == 422
    r = await move(funds, f"/batches/{batch['id']}/allocations", {"project_id": pid, "amount": "1.001"})
    assert r.status_code == 422


async def test_only_fundable_projects_within_their_budget(funds, projects):
    ok, admitted, settled = await make_projects(
        projects, project_row("在建", "started", central="500"), project_row("已入库", "admitted"),
        project_row("已报账", "settled"))
    batch = await new_batch(funds)
    assert (await move(funds, f"/batches/{batch['id']}/allocations",
                       {"project_id": admitted, "amount": "10"})).status_code == 201
    r = await move(funds, f"/batches/{batch['id']}/allocations", {"project_id": settled, "amount": "10"})
    assert r.status_code == 409 and r.json()["code"] == "funds.project_not_fundable"
    await allocate(funds, batch["id"], ok, "400")
    r = await move(funds, f"/batches/{batch['id']}/allocations", {"project_id": ok, "amount": "100.01"})
    assert r.status_code == 409 and r.json()["code"] == "funds.over_budget" and r.json()["budget"] == "500.00"
    region = await new_batch(funds, source="region")
    r = await move(funds, f"/batches/{region['id']}/allocations", {"project_id": ok, "amount": "1"})
    assert r.status_code == 409 and r.json()["code"] == "funds.over_budget"  # no region budget line
    r = await move(funds, f"/batches/{batch['id']}/allocations", {"project_id": 999999, "amount": "1"})
    assert r.status_code == 422 and r.json()["code"] == "funds.project_not_found"


async def test_only_finance_of_the_county_moves_money(funds, projects):
    body = batch_body()
    r = await move(funds, "/batches", body, headers=COUNTY_OFFICE)
    assert r.status_code == 403 and r.json()["code"] == "auth.forbidden"
    sanjiang = bearer(Role.FINANCE, "450226")
    r = await move(funds, "/batches", body, headers=sanjiang)
    assert r.status_code == 403 and r.json()["code"] == "auth.out_of_scope"
    assert r.json()["detail"] == "只能处理本县区的资金"
    assert (await move(funds, "/batches", body, headers=CITY_FINANCE)).status_code == 201
    listed = (await funds.get("/batches", headers=sanjiang)).json()
    assert listed["items"] == []
    assert len((await funds.get("/batches", headers=FINANCE)).json()["items"]) == 1


async def test_every_movement_is_audited(funds, funds_app, projects):
    from sqlalchemy import select

    from services.kit.audit import AuditRecord

    [pid] = await make_projects(projects, project_row("道路"))
    batch = await new_batch(funds)
    await allocate(funds, batch["id"], pid, "10")
    async with funds_app.state.sessionmaker() as session:
        actions = (await session.scalars(select(AuditRecord.action).order_by(AuditRecord.id))).all()
    assert actions == ["funds.batch_receive", "funds.allocate"]
