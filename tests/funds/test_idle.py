"""Idle funds found and classified in SQL, fed by the funds service's own projection of project states."""
import asyncio
from datetime import timedelta

import httpx

from devtools.stack import free_port
from services.funds.projection.feed import catch_up
from services.kit.pagination import encode_key
from services.kit.testing import serve_in_process
from tests.funds.helpers import (
    FINANCE,
    INSPECTOR,
    allocate,
    clear,
    make_projects,
    move,
    new_batch,
    project_row,
    yuan,
)


def by_kind(items: list[dict]) -> dict:
    return {(i["kind"], i["item_id"]): i for i in items}


async def test_the_idle_list_pages_by_amount_without_skipping_ties(funds, funds_app):
    today = funds_app.state.clock.today()
    amounts = ["300", "500", "500", "500", "200", "500", "100"]
    ids = [(await new_batch(funds, a, received_on=today - timedelta(days=90)))["id"] for a in amounts]
    seen, cursor, pages = [], None, 0
    while True:
        r = await funds.get("/idle-funds", headers=FINANCE, params={"limit": 2} | ({"after": cursor} if cursor else {}))
        assert r.status_code == 200, r.text
        seen += r.json()["items"]
        cursor, pages = r.json()["next_cursor"], pages + 1
        if cursor is None:
            break
    assert pages == 4 and [i["item_id"] for i in seen] == [ids[1], ids[2], ids[3], ids[5], ids[0], ids[4], ids[6]]
    assert [yuan(i["amount"]) for i in seen] == sorted((yuan(a) for a in amounts), reverse=True)
    forged = [encode_key({"amount": a, "kind": "batch", "item_id": 1}) for a in ("1.234", "1e30", "-1", "NaN")]
    for cursor in ["bm90LWEtY3Vyc29y", encode_key({"id": 1}), *forged]:
        r = await funds.get("/idle-funds", headers=FINANCE, params={"after": cursor})
        assert r.status_code == 422 and r.json()["code"] == "request.invalid_cursor", (cursor, r.text)


async def test_unallocated_balance_is_idle_after_sixty_days_as_assign(funds, funds_app):
    today = funds_app.state.clock.today()
    old = await new_batch(funds, "500", received_on=today - timedelta(days=61))
    fresh = await new_batch(funds, "700", received_on=today - timedelta(days=59))
    items = by_kind((await funds.get("/idle-funds", headers=FINANCE)).json()["items"])
    assert ("batch", fresh["id"]) not in items
    item = items[("batch", old["id"])]
    assert (item["idle_class"], yuan(item["amount"]), item["age_bucket"]) == ("assign", 500, "0-3")
    assert item["age_days"] == 61
    funds_app.state.clock.shift = timedelta(days=200)
    item = by_kind((await funds.get("/idle-funds", headers=FINANCE)).json()["items"])[("batch", old["id"])]
    assert item["age_bucket"] == "6-12"


async def test_allocation_classes_follow_the_project_state(funds, funds_app, projects):
    today = funds_app.state.clock.today()
    started, completed, planned, admitted = await make_projects(
        projects, project_row("在建"), project_row("已竣工", "completed"), project_row("已计划", "planned"),
        project_row("已入库", "admitted"))
    batch = await new_batch(funds, "1000", received_on=today - timedelta(days=5))
    on = (today - timedelta(days=1)).isoformat()
    ids = {pid: (await allocate(funds, batch["id"], pid, "100", allocated_on=on))["id"]
           for pid in (started, completed, planned, admitted)}
    assert (await funds.get("/idle-funds", headers=FINANCE)).json()["items"] == []
    funds_app.state.clock.shift = timedelta(days=121)
    items = by_kind((await funds.get("/idle-funds", headers=FINANCE)).json()["items"])
    classes = {pid: items[("allocation", aid)]["idle_class"] for pid, aid in ids.items()}
    assert classes == {started: "accelerate", completed: "accept_and_settle", planned: "start", admitted: "start"}
    sums = (await funds.get("/idle-funds/sums?by=idle_class", headers=INSPECTOR)).json()
    assert {s["idle_class"]: (yuan(s["amount"]), s["items"]) for s in sums} == {
        "accelerate": (100, 1), "accept_and_settle": (100, 1), "start": (200, 2), "assign": (600, 1)}
    r = await funds.put(f"/idle-funds/allocation/{ids[planned]}/class", headers=FINANCE,
                        json={"idle_class": "recover", "reason": "村民不同意征地，无法实施"})
    assert r.status_code == 200 and r.json()["idle_class"] == "recover" and r.json()["overridden"]
    two = (await funds.get("/idle-funds/sums?by=county_code,source_level,year,age_bucket", headers=FINANCE)).json()
    assert two == [{"county_code": "450225", "source_level": "central", "year": 2016, "idle_class": None,
                    "age_bucket": "3-6", "amount": "1000.00", "items": 5}]


async def test_a_cleared_project_s_balance_is_idle_at_once_as_recover(funds, funds_app, projects):
    today = funds_app.state.clock.today()
    [pid] = await make_projects(projects, project_row("将清理"))
    batch = await new_batch(funds, "1000", received_on=today)
    a = await allocate(funds, batch["id"], pid, "400", allocated_on=today.isoformat())
    await clear(projects, pid)
    assert (await funds.get("/idle-funds", headers=FINANCE)).json()["items"] == []  # the feed has not been read yet
    assert await catch_up(funds_app) >= 1
    [item] = (await funds.get("/idle-funds", headers=FINANCE)).json()["items"]
    assert (item["item_id"], item["idle_class"], item["project_status"]) == (a["id"], "recover", "cleared")
    assert await catch_up(funds_app) == 0  # applying the feed again changes nothing


async def test_with_projects_down_views_work_and_the_feed_catches_up_later(funds, funds_app, funds_db, projects,
                                                                          projects_app):
    from services.funds.app import create_app
    from services.funds.config import Settings

    today = funds_app.state.clock.today()
    [pid] = await make_projects(projects, project_row("将清理"))
    batch = await new_batch(funds, "1000", received_on=today)
    await allocate(funds, batch["id"], pid, "400", allocated_on=today.isoformat())
    await clear(projects, pid)
    down = create_app(Settings(database_url=funds_db, feed_poll_seconds=0.05,
                               projects_url=f"http://127.0.0.1:{free_port()}"))
    async with serve_in_process(down) as offline:
        assert (await offline.get("/idle-funds", headers=FINANCE)).json()["items"] == []
        r = await move(offline, f"/batches/{batch['id']}/allocations", {"project_id": pid, "amount": "1"})
        assert r.status_code == 503 and r.json()["code"] == "funds.projects_unavailable"
    back = create_app(Settings(database_url=funds_db, feed_poll_seconds=0.05),
                      projects_transport=httpx.ASGITransport(app=projects_app))
    async with serve_in_process(back) as online:
        for _ in range(100):
            items = (await online.get("/idle-funds", headers=FINANCE)).json()["items"]
            if items:
                break
            await asyncio.sleep(0.05)
        assert [i["idle_class"] for i in items] == ["recover"]


async def test_no_spending_on_a_cleared_project(funds, funds_app, projects):
    [pid] = await make_projects(projects, project_row("将清理"))
    batch = await new_batch(funds)
    a = await allocate(funds, batch["id"], pid, "100")
    await clear(projects, pid)
    await catch_up(funds_app)
    r = await move(funds, f"/allocations/{a['id']}/spendings",
                   {"amount": "1", "spent_on": "2016-07-01", "voucher_no": "C-1", "payee": "x"})
    assert r.status_code == 409 and r.json()["code"] == "funds.project_not_fundable"
