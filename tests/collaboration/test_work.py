"""The collaboration work queue (GET /work): key tasks near their deadline per role, with their warnings as the clock
moves, warned once on the feed in the reader's scope; gauges; a forged cursor."""
from datetime import date

import httpx

from services.collaboration.work.service import DUTIES
from services.kit.auth import Role
from services.kit.testing import bearer
from services.kit.work_queue import warning_job
from tests.clock import set_today
from tests.collaboration.data import (
    CITY,
    FINANCE,
    HR,
    OFFICE,
    RONGSHUI,
    RONGSHUI_OFFICE,
    SANJIANG,
    SANJIANG_OFFICE,
    agreement,
    task,
)


async def _tasks(client: httpx.AsyncClient) -> dict[str, int]:
    """Seven tasks of 2027: Rongshui's five (one done), Sanjiang's one, the city's one; their ids by name."""
    rongshui = (await agreement(client, year=2027))["id"]
    sanjiang = (await agreement(client, SANJIANG, year=2027, local="三江侗族自治县", partner="湛江市廉江市"))["id"]
    city = (await agreement(client, None, year=2027, level="city", local="柳州市", partner="湛江市"))["id"]
    plan = {"t1": (rongshui, "2027-02-20"), "t2": (rongshui, "2027-03-05"), "t3": (rongshui, "2027-03-20"),
            "t4": (rongshui, "2027-06-30"), "t5": (rongshui, "2027-02-10"), "t6": (sanjiang, "2027-03-10"),
            "t7": (city, "2027-03-03")}
    ids = {}
    for name, (agreement_id, deadline) in plan.items():
        made = await client.post(f"/agreements/{agreement_id}/tasks", headers=OFFICE, json=task(deadline))
        assert made.status_code == 201, made.text
        ids[name] = made.json()["id"]
    for name, value in (("t1", "100"), ("t5", "300")):  # t1 part of the way; t5 reaches its target: done
        r = await client.post(f"/key-tasks/{ids[name]}/progress", headers=RONGSHUI_OFFICE,
                              json={"value_reached": value, "reported_on": "2027-02-01"})
        assert r.status_code == 201, r.text
    return ids


async def _queue(client: httpx.AsyncClient, headers: dict[str, str], **params: object) -> dict:
    r = await client.get("/work", headers=headers, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def _seen(page: dict) -> list[tuple[int, str, bool, bool]]:
    return [(i["link"]["id"], i["deadline"], i["due_soon"], i["overdue"]) for i in page["items"]]


async def test_key_tasks_per_role_as_the_clock_moves(collaboration_app, collaboration: httpx.AsyncClient) -> None:
    ids = await _tasks(collaboration)
    t1, t2, t3, t6, t7 = (ids[k] for k in ("t1", "t2", "t3", "t6", "t7"))
    set_today(collaboration_app.state.clock, date(2027, 3, 1))
    everything = [(t1, "2027-02-20", False, True), (t7, "2027-03-03", True, False), (t2, "2027-03-05", True, False),
                  (t6, "2027-03-10", False, False), (t3, "2027-03-20", False, False)]
    assert _seen(await _queue(collaboration, OFFICE)) == everything
    assert _seen(await _queue(collaboration, CITY)) == everything
    rongshui = await _queue(collaboration, RONGSHUI_OFFICE)
    assert _seen(rongshui) == [(t1, "2027-02-20", False, True), (t2, "2027-03-05", True, False),
                               (t3, "2027-03-20", False, False)]
    assert rongshui["counts"] == [{"kind": "key_task", "total": 3, "due_soon": 1, "overdue": 1}]
    first = rongshui["items"][0]
    assert first["key"] == f"collaboration:key_task:{t1}" and first["county_code"] == RONGSHUI
    assert first["title"] == "劳务协作：转移就业贫困劳动力"
    assert first["expected"] == "完成目标 300人（已完成 100人）并报告进展；责任单位：融水县人社局、遂溪县人社局"
    assert first["link"] == {"service": "collaboration", "resource": "key_task", "id": t1, "path": f"/key-tasks/{t1}"}
    assert _seen(await _queue(collaboration, SANJIANG_OFFICE)) == [(t6, "2027-03-10", False, False)]
    for nobody in (FINANCE, HR, bearer(Role.PROJECT_OWNER, RONGSHUI, org="融水县人社局")):
        assert await _queue(collaboration, nobody) == {"items": [], "next_cursor": None, "counts": []}

    set_today(collaboration_app.state.clock, date(2027, 3, 15))
    assert _seen(await _queue(collaboration, OFFICE)) == [
        (t1, "2027-02-20", False, True), (t7, "2027-03-03", False, True), (t2, "2027-03-05", False, True),
        (t6, "2027-03-10", False, True), (t3, "2027-03-20", True, False)]
    done = await collaboration.post(f"/key-tasks/{t3}/progress", headers=RONGSHUI_OFFICE,
                                    json={"value_reached": "300"})
    assert done.status_code == 201 and done.json()["task"]["done"] is True
    assert [i for i, *_ in _seen(await _queue(collaboration, RONGSHUI_OFFICE))] == [t1, t2]


async def test_pages_and_a_forged_cursor(collaboration_app, collaboration: httpx.AsyncClient) -> None:
    await _tasks(collaboration)
    set_today(collaboration_app.state.clock, date(2027, 3, 1))
    whole = _seen(await _queue(collaboration, OFFICE))
    first = await _queue(collaboration, OFFICE, limit=2)
    second = await _queue(collaboration, OFFICE, limit=2, after=first["next_cursor"])
    last = await _queue(collaboration, OFFICE, limit=2, after=second["next_cursor"])
    assert _seen(first) + _seen(second) + _seen(last) == whole and last["next_cursor"] is None
    r = await collaboration.get("/work", headers=OFFICE, params={"after": "eyJpZCI6IDd9"})
    assert r.status_code == 422 and r.json()["code"] == "request.invalid_cursor"


async def _warnings(client: httpx.AsyncClient, headers: dict[str, str]) -> list[tuple[str, int]]:
    events = (await client.get("/events", headers=headers, params={"limit": 1000})).json()["events"]
    return sorted((e["type"], e["payload"]["resource_id"]) for e in events if e["type"].startswith("work."))


async def test_warnings_once_in_scope_and_gauged(collaboration_app, collaboration: httpx.AsyncClient) -> None:
    ids = await _tasks(collaboration)
    t1, t2, t3, t6, t7 = (ids[k] for k in ("t1", "t2", "t3", "t6", "t7"))
    sweep = warning_job("collaboration.work_warnings", 1, DUTIES).unit
    set_today(collaboration_app.state.clock, date(2027, 3, 1))
    assert await sweep(collaboration_app) == 3
    assert await sweep(collaboration_app) == 0
    metrics = (await collaboration.get("/metrics")).text
    assert f'collaboration_work_overdue{{county="{RONGSHUI}",kind="key_task"}} 1.0' in metrics
    assert 'collaboration_work_due_soon{county="city",kind="key_task"} 1.0' in metrics

    set_today(collaboration_app.state.clock, date(2027, 3, 15))
    assert await sweep(collaboration_app) == 4
    assert await sweep(collaboration_app) == 0
    assert await _warnings(collaboration, OFFICE) == sorted([
        ("work.overdue", t1), ("work.due_soon", t2), ("work.due_soon", t7),
        ("work.overdue", t2), ("work.overdue", t7), ("work.overdue", t6), ("work.due_soon", t3)])
    assert await _warnings(collaboration, RONGSHUI_OFFICE) == sorted([
        ("work.overdue", t1), ("work.due_soon", t2), ("work.overdue", t2), ("work.due_soon", t3)])
    assert await _warnings(collaboration, SANJIANG_OFFICE) == [("work.overdue", t6)]
