"""Announcements of allocations (公告公示) and performance evaluations (绩效评价)."""
from datetime import timedelta

from services.kit.auth import Role
from services.kit.testing import bearer
from tests.funds.helpers import FINANCE, INSPECTOR, allocate, make_projects, new_batch, project_row


async def test_announcement_freezes_the_allocations_for_its_window(funds, funds_app, projects):
    [pid] = await make_projects(projects, project_row("道路"))
    batch = await new_batch(funds)
    await allocate(funds, batch["id"], pid, "300")
    r = await funds.post(f"/batches/{batch['id']}/announcements", headers=FINANCE,
                         json={"title": "2016 年中央财政扶贫资金分配公示", "days": 7})
    assert r.status_code == 201, r.text
    a = r.json()
    assert a["open"] and [x["project_id"] for x in a["allocations"]] == [pid]
    today = funds_app.state.clock.today()
    assert (a["starts_on"], a["ends_on"]) == (today.isoformat(), (today + timedelta(days=6)).isoformat())
    funds_app.state.clock.shift = timedelta(days=7)
    assert (await funds.get("/announcements", headers=INSPECTOR)).json()["items"][0]["open"] is False


async def test_evaluation_of_a_batch_with_indicators_and_score(funds):
    batch = await new_batch(funds)
    body = {"batch_id": batch["id"], "score": "92.5", "conclusion": "资金使用规范，绩效目标基本完成",
            "evaluator": "柳州市财政局绩效评价组", "evaluated_on": "2017-03-01",
            "indicators": [{"indicator": "硬化道路", "unit": "公里", "target": "6.5", "actual": "6.2"}]}
    r = await funds.post("/evaluations", headers=FINANCE, json=body)
    assert r.status_code == 201 and float(r.json()["score"]) == 92.5
    assert (await funds.post("/evaluations", headers=FINANCE, json=body | {"score": "101"})).status_code == 422
    assert (await funds.post("/evaluations", headers=bearer(Role.HR, "450225"), json=body)).status_code == 403
    second = (await funds.post("/evaluations", headers=FINANCE, json=body | {"score": "80"})).json()
    first = (await funds.get("/evaluations?limit=1", headers=INSPECTOR)).json()
    assert [e["id"] for e in first["items"]] == [second["id"]] and first["next_cursor"]
    rest = (await funds.get("/evaluations", headers=INSPECTOR, params={"after": first["next_cursor"]})).json()
    assert [e["id"] for e in rest["items"]] == [r.json()["id"]] and rest["next_cursor"] is None
