"""Rectification to closure: case, recovery, reallocation with its days, spending progress at each step."""
from datetime import timedelta

from services.funds.projection.feed import catch_up
from tests.funds.helpers import (
    FINANCE,
    INSPECTOR,
    allocate,
    case_step,
    clear,
    make_projects,
    move,
    new_batch,
    project_row,
    yuan,
)


async def progress(funds) -> dict:
    [row] = (await funds.get("/spending-progress", headers=FINANCE)).json()
    return {k: (yuan(v) if k in ("received", "allocated", "spent", "recovered", "idle") else v)
            for k, v in row.items()}


async def test_cleared_project_case_recover_reallocate_close(funds, funds_app, projects):
    today = funds_app.state.clock.today()
    kept, doomed, third = await make_projects(projects, project_row("保留"), project_row("将清理"),
                                              project_row("新项目", "admitted"))
    batch = await new_batch(funds, "1000", received_on=today)
    on = today.isoformat()
    await allocate(funds, batch["id"], kept, "600", allocated_on=on)
    doomed_alloc = await allocate(funds, batch["id"], doomed, "400", allocated_on=on)
    p = await progress(funds)
    assert (p["received"], p["allocated"], p["spent"], p["idle"], p["flag"]) == (1000, 1000, 0, 0, "red")
    await clear(projects, doomed)
    await catch_up(funds_app)
    assert (await progress(funds))["idle"] == 400
    r = await funds.post("/rectification-cases", headers=FINANCE, json={
        "allocation_id": doomed_alloc["id"], "measure": "收回资金另行安排", "responsible_unit": "融水县财政局"})
    assert r.status_code == 201, r.text
    case = r.json()
    assert (case["idle_class"], yuan(case["amount"]), case["project_id"]) == ("recover", 400, doomed)
    assert case["deadline"] == (today + timedelta(days=15)).isoformat()
    again = await funds.post("/rectification-cases", headers=FINANCE, json={
        "allocation_id": doomed_alloc["id"], "measure": "x", "responsible_unit": "y"})
    assert again.status_code == 409 and again.json()["code"] == "funds.case_exists"
    close = {"note": "已收回并另行安排"}
    refused = await case_step(funds, case["id"], "close", close)
    assert refused.status_code == 409 and refused.json()["code"] == "funds.rectification_unresolved"
    assert (await case_step(funds, case["id"], "start")).json()["status"] == \
        "rectifying"
    r = await move(funds, f"/allocations/{doomed_alloc['id']}/recoveries", {"amount": "400", "reason": "项目清理出库"})
    assert r.status_code == 201, r.text
    recovery = r.json()
    p = await progress(funds)
    assert (p["allocated"], p["recovered"], p["idle"]) == (600, 400, 0)  # back in the batch: not idle for 60 days
    refused = await case_step(funds, case["id"], "close", close)
    assert refused.status_code == 409 and "尚未另行安排" in refused.json()["detail"]
    r = await move(funds, f"/recoveries/{recovery['id']}/reallocations", {"project_id": doomed, "amount": "400"})
    assert r.status_code == 409  # not to the same project
    r = await move(funds, f"/recoveries/{recovery['id']}/reallocations", {"project_id": third, "amount": "400.01"})
    assert r.status_code == 409 and r.json()["code"] == "funds.exceeds_recovered"
    r = await move(funds, f"/recoveries/{recovery['id']}/reallocations", {"project_id": third, "amount": "400"})
    assert r.status_code == 201, r.text
    transfer = r.json()
    assert (transfer["from_project_id"], transfer["to_project_id"], transfer["days_recovery_to_reallocation"]) == \
        (doomed, third, 0)
    assert transfer["days_reallocation_to_start"] is None
    closed = await case_step(funds, case["id"], "close", close)
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    p = await progress(funds)
    assert (p["allocated"], p["recovered"], p["spent"], p["idle"]) == (1000, 400, 0, 0)
    listed = (await funds.get("/transfers", headers=INSPECTOR)).json()["items"]
    assert [t["id"] for t in listed] == [transfer["id"]]
    notice = (await funds.get("/rectification-cases/weekly-notice", headers=INSPECTOR)).json()
    assert notice["counties"] == [{"county_code": "450225", "new": 1, "overdue": 0, "closed": 1}]


async def test_overdue_cases_and_inspection_findings(funds, funds_app, projects):
    today = funds_app.state.clock.today()
    [pid] = await make_projects(projects, project_row("在建"))
    await catch_up(funds_app)
    batch = await new_batch(funds, "1000", received_on=today - timedelta(days=70))
    r = await funds.post("/rectification-cases", headers=FINANCE, json={
        "batch_id": batch["id"], "measure": "尽快安排项目", "responsible_unit": "融水县财政局"})
    assert r.status_code == 201 and r.json()["idle_class"] == "assign"
    r = await funds.post("/rectification-cases", headers=INSPECTOR, json={
        "origin": "inspection", "project_id": pid, "finding": "资金拨付滞后", "measure": "加快拨付",
        "responsible_unit": "融水县农业农村局"})
    assert r.status_code == 201, r.text
    finding = r.json()
    bad = await funds.post("/rectification-cases", headers=INSPECTOR, json={
        "origin": "audit", "project_id": pid, "measure": "x", "responsible_unit": "y"})
    assert bad.status_code == 422
    assert (await funds.get("/rectification-cases?overdue=true", headers=FINANCE)).json()["items"] == []
    funds_app.state.clock.shift = timedelta(days=31)
    overdue = (await funds.get("/rectification-cases?overdue=true", headers=FINANCE)).json()["items"]
    assert len(overdue) == 2 and all(c["overdue"] for c in overdue)
    # A project with no money on it has nothing left to move: its finding can be closed.
    closed = await case_step(funds, finding["id"], "close", {"note": "已整改"})
    assert closed.status_code == 200
    notice = (await funds.get("/rectification-cases/weekly-notice", headers=FINANCE)).json()
    assert notice["counties"] == [{"county_code": "450225", "new": 0, "overdue": 1, "closed": 1}]


async def test_sweep_opens_one_case_per_idle_item_once(funds, funds_app, projects):
    today = funds_app.state.clock.today()
    [pid] = await make_projects(projects, project_row("在建"))
    await catch_up(funds_app)
    batch = await new_batch(funds, "1000", received_on=today - timedelta(days=200))
    await allocate(funds, batch["id"], pid, "100", allocated_on=(today - timedelta(days=150)).isoformat())
    r = await funds.post("/rectification-cases/sweep", headers=FINANCE)
    assert r.status_code == 201
    assert sorted((c["idle_class"], c["measure"]) for c in r.json()) == [
        ("accelerate", "加快推进项目实施，按进度报账"), ("assign", "尽快安排到已入库项目")]
    assert (await funds.post("/rectification-cases/sweep", headers=FINANCE)).json() == []


async def test_case_steps_need_the_version_last_read(funds, funds_app):
    today = funds_app.state.clock.today()
    batch = await new_batch(funds, "1000", received_on=today - timedelta(days=70))
    r = await funds.post("/rectification-cases", headers=FINANCE, json={
        "batch_id": batch["id"], "measure": "尽快安排项目", "responsible_unit": "融水县财政局"})
    case = r.json()
    read = await funds.get(f"/rectification-cases/{case['id']}", headers=FINANCE)
    assert read.headers["ETag"] == f'"{case["version"]}"'
    missing = await funds.post(f"/rectification-cases/{case['id']}/start", headers=FINANCE)
    assert missing.status_code == 428 and missing.json()["code"] == "precondition.required"
    started = await case_step(funds, case["id"], "start")
    assert started.status_code == 200 and started.json()["version"] == case["version"] + 1
    assert started.headers["ETag"] == f'"{case["version"] + 1}"'
    stale = await funds.post(f"/rectification-cases/{case['id']}/close", json={"note": "已安排"},
                             headers=FINANCE | {"If-Match": read.headers["ETag"]})
    assert stale.status_code == 412 and stale.json()["current_version"] == case["version"] + 1
    after = (await funds.get(f"/rectification-cases/{case['id']}", headers=FINANCE)).json()
    assert (after["status"], after["version"]) == ("rectifying", case["version"] + 1)
