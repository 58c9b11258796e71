"""The funds work queue (待办事项): a prepared data set gives finance, the county office, a project unit, the city
office and inspectors exactly their cases and idle items, with deadlines and warnings that move with the clock,
and the warning sweep publishes each warning once."""
from datetime import timedelta

import pytest

from services.funds.projection.feed import catch_up
from services.funds.work.service import DUTIES
from services.kit.auth import Role
from services.kit.testing import bearer
from services.kit.work_queue import warning_job
from tests.funds.helpers import (
    COUNTY_OFFICE,
    FINANCE,
    INSPECTOR,
    RONGSHUI,
    allocate,
    batch_body,
    clear,
    make_projects,
    move,
    new_batch,
    project_row,
)

LUZHAI = "450223"
LUZHAI_FINANCE = bearer(Role.FINANCE, LUZHAI, sub="finance-luzhai")
CITY_FINANCE = bearer(Role.FINANCE, sub="finance-city")
CITY = bearer(Role.CITY_OFFICE, sub="city-1")
OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, "融水县交通运输局", sub="owner-roads")
OTHER_OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, "融水县水利局", sub="owner-water")
TOWNSHIP = bearer(Role.TOWNSHIP, RONGSHUI, sub="township-1")


class Data:
    """融水: an allocation idle since its project was cleared (a recovery case due T+15), a batch unallocated for 70
    days without a case, an inspection finding due T+3; 鹿寨: a batch unallocated for 70 days."""

    def __init__(self, funds, app, projects) -> None:
        self.funds, self.app, self.projects = funds, app, projects

    async def build(self) -> None:
        self.t = self.app.state.clock.today()
        on = self.t.isoformat()
        kept, doomed = await make_projects(self.projects, project_row("保留项目"), project_row("将清理项目"))
        batch = await new_batch(self.funds, "1000", received_on=self.t)
        await allocate(self.funds, batch["id"], kept, "600", allocated_on=on)
        self.idle_allocation = (await allocate(self.funds, batch["id"], doomed, "400", allocated_on=on))["id"]
        await clear(self.projects, doomed)
        await catch_up(self.app)
        old = self.t - timedelta(days=70)
        self.unassigned = (await new_batch(self.funds, "500", received_on=old, doc="桂财农〔2016〕901号"))["id"]
        r = await move(self.funds, "/batches", batch_body("300", received_on=old, county=LUZHAI), LUZHAI_FINANCE)
        self.luzhai = r.json()["id"]
        self.allocation_case = await self.open(FINANCE, {
            "allocation_id": self.idle_allocation, "measure": "收回资金另行安排", "responsible_unit": "融水县财政局"})
        self.finding = await self.open(INSPECTOR, {
            "origin": "inspection", "project_id": kept, "finding": "资金拨付滞后", "measure": "加快拨付",
            "responsible_unit": "融水县交通运输局", "deadline": (self.t + timedelta(days=3)).isoformat()})

    async def open(self, headers: dict, body: dict) -> int:
        r = await self.funds.post("/rectification-cases", headers=headers, json=body)
        assert r.status_code == 201, r.text
        return r.json()["id"]

    def at(self, days: int) -> None:
        self.app.state.clock.shift = timedelta(days=days)

    def day(self, days: int) -> str:
        return (self.t + timedelta(days=days)).isoformat()

    async def queue(self, headers: dict, **params) -> list[tuple]:
        r = await self.funds.get("/work", headers=headers, params=params)
        assert r.status_code == 200, r.text
        return [(i["kind"], i["link"]["id"], i["deadline"], i["due_soon"], i["overdue"]) for i in r.json()["items"]]


@pytest.fixture
async def data(funds, funds_app, projects) -> Data:
    data = Data(funds, funds_app, projects)
    await data.build()
    return data


async def test_each_role_sees_exactly_its_cases_and_idle_items(data):
    finding = ("case_due", data.finding, data.day(3), True, False)
    recovery = ("case_due", data.allocation_case, data.day(15), False, False)
    unassigned = ("idle_without_case", data.unassigned, None, False, False)
    assert await data.queue(FINANCE) == [finding, recovery, unassigned]
    assert await data.queue(COUNTY_OFFICE) == [finding, recovery, unassigned]
    assert await data.queue(LUZHAI_FINANCE) == [("idle_without_case", data.luzhai, None, False, False)]
    # City-wide: both counties' idle items, in id order after the dated cases.
    assert await data.queue(CITY_FINANCE) == [finding, recovery, unassigned,
                                              ("idle_without_case", data.luzhai, None, False, False)]
    assert await data.queue(CITY) == [finding, recovery]
    assert await data.queue(INSPECTOR) == [finding, recovery]
    assert await data.queue(OWNER) == [finding, recovery]  # both cases are on the unit's projects
    assert await data.queue(OTHER_OWNER) == []
    assert await data.queue(TOWNSHIP) == []


async def test_warnings_move_with_the_clock_and_the_items_say_what_to_do(data):
    data.at(8)
    assert await data.queue(FINANCE, kind="case_due") == [
        ("case_due", data.finding, data.day(3), False, True),
        ("case_due", data.allocation_case, data.day(15), True, False)]
    data.at(16)
    assert [i[3:] for i in await data.queue(FINANCE, kind="case_due")] == [(False, True), (False, True)]
    r = (await data.funds.get("/work", headers=FINANCE)).json()
    assert [(c["kind"], c["total"], c["due_soon"], c["overdue"]) for c in r["counts"]] == [
        ("case_due", 2, 0, 2), ("idle_without_case", 1, 0, 0)]
    case, idle = r["items"][1], r["items"][2]
    assert case["key"] == f"funds:case_due:{data.allocation_case}" and case["title"] == "将清理项目"
    assert "收回" in case["expected"] and "融水县财政局" in case["expected"]
    assert case["link"] == {"service": "funds", "resource": "rectification_case", "id": data.allocation_case,
                            "path": f"/rectification-cases/{data.allocation_case}"}
    assert idle["key"] == f"funds:idle_without_case:{data.unassigned}:batch"
    assert idle["title"] == "资金文件 桂财农〔2016〕901号" and "500.00" in idle["expected"]
    assert idle["link"]["path"] == f"/batches/{data.unassigned}"


async def test_paging_and_a_forged_cursor(data):
    first = (await data.funds.get("/work", headers=CITY_FINANCE, params={"limit": 3})).json()
    assert len(first["items"]) == 3 and first["next_cursor"]
    rest = (await data.funds.get("/work", headers=CITY_FINANCE, params={"after": first["next_cursor"]})).json()
    assert [i["link"]["id"] for i in rest["items"]] == [data.luzhai] and rest["next_cursor"] is None
    for forged in ("x", "eyJkIjogIjIwMjYtMTMtMDEiLCAiayI6ICJmdW5kczpjYXNlX2R1ZToxIn0"):
        bad = await data.funds.get("/work", headers=FINANCE, params={"after": forged})
        assert bad.status_code == 422 and bad.json()["code"] == "request.invalid_cursor", bad.text


async def warnings(data: Data, headers: dict) -> list[tuple]:
    r = await data.funds.get("/events", headers=headers, params={"limit": 1000})
    return [(e["type"], e["payload"]["resource_id"], e["payload"]["deadline"]) for e in r.json()["events"]
            if e["type"].startswith("work.")]


async def test_the_sweep_warns_once_per_case_and_state(data):
    sweep = warning_job("funds.work_warnings", 1, DUTIES).unit
    assert await sweep(data.app) == 1
    assert await sweep(data.app) == 0
    data.at(8)
    assert await sweep(data.app) == 2
    data.at(16)
    assert await sweep(data.app) == 1
    assert await sweep(data.app) == 0
    expected = [("work.due_soon", data.finding, data.day(3)),
                ("work.due_soon", data.allocation_case, data.day(15)),
                ("work.overdue", data.finding, data.day(3)),
                ("work.overdue", data.allocation_case, data.day(15))]
    assert await warnings(data, FINANCE) == expected
    assert await warnings(data, CITY) == expected
    assert await warnings(data, OWNER) == expected  # both cases are on the unit's projects
    assert await warnings(data, OTHER_OWNER) == []
    assert await warnings(data, LUZHAI_FINANCE) == []
