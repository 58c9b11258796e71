"""The batch read of projects' funding, and the gauges officials watch."""
from datetime import timedelta

from services.funds.projection.feed import catch_up
from tests.funds.helpers import FINANCE, INSPECTOR, allocate, clear, make_projects, move, new_batch, project_row


async def test_funding_of_several_projects_in_one_call(funds, funds_app, projects):
    today = funds_app.state.clock.today()
    a, b, none = await make_projects(projects, project_row("甲"), project_row("乙"), project_row("丙"))
    batch = await new_batch(funds, "1000", received_on=today)
    first = await allocate(funds, batch["id"], a, "300", allocated_on=today.isoformat())
    await allocate(funds, batch["id"], b, "200", allocated_on=today.isoformat())
    await move(funds, f"/allocations/{first['id']}/spendings",
               {"amount": "100", "spent_on": today.isoformat(), "voucher_no": "F-1", "payee": "x"})
    await clear(projects, b)
    await catch_up(funds_app)
    r = await funds.get(f"/funding?ids={a},{b},{none}", headers=INSPECTOR)
    assert r.status_code == 200
    got = {f["project_id"]: f for f in r.json()}
    assert [f["project_id"] for f in r.json()] == [a, b, none]
    assert (got[a]["allocated"], got[a]["spent"], got[a]["balance"], got[a]["idle_items"]) == \
        ("300.00", "100.00", "200.00", [])
    assert [i["idle_class"] for i in got[b]["idle_items"]] == ["recover"]
    assert got[none]["allocations"] == [] and got[none]["balance"] == "0.00"
    assert (await funds.get("/funding?ids=x", headers=FINANCE)).status_code == 422


async def test_gauges_show_idle_yuan_and_overdue_cases(funds, funds_app):
    today = funds_app.state.clock.today()
    batch = await new_batch(funds, "1000", received_on=today - timedelta(days=61))
    await funds.post("/rectification-cases", headers=FINANCE, json={
        "batch_id": batch["id"], "measure": "尽快安排", "responsible_unit": "融水县财政局",
        "deadline": today.isoformat()})
    funds_app.state.clock.shift = timedelta(days=1)
    text = (await funds.get("/metrics")).text
    assert 'funds_idle_yuan{county="450225",idle_class="assign"} 1000.0' in text
    assert 'funds_overdue_cases{county="450225"} 1.0' in text
