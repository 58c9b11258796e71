"""The library's work queue (待办事项): a prepared data set gives each role exactly its items, with deadlines and
warnings that move with the clock, and the warning sweep publishes each warning once."""
from datetime import date, timedelta

import pytest

from services.kit.auth import Role
from services.kit.testing import bearer
from services.kit.work_queue import warning_job
from services.projects.work.service import DUTIES
from tests.projects.entries import RONGSHUI, entry
from tests.projects.life import CITY, COUNTY, DEPARTMENT, FINANCE, OWNER, TOWNSHIP, Life

LUZHAI = "450223"
LUZHAI_TOWNSHIP = bearer(Role.TOWNSHIP, LUZHAI, sub="township-lz")
OTHER_OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, "融水县水利局", sub="owner-2")


class Data:
    """Entries at the states the queue cares about, all in 融水 except one in 鹿寨; T is the day they were set up."""

    def __init__(self, client, app) -> None:
        self.client, self.app = client, app

    def life(self) -> Life:
        return Life(self.client, self.app)

    def today(self) -> date:
        return self.app.state.clock.today()

    async def build(self) -> None:
        self.d = self.life()
        await self.d.admitted(name="融水镇admitted待列入计划")
        self.e = self.life()
        await self.e.admitted(name="融水镇已开工项目")
        await self.e.act("/schedule", COUNTY, {"year": self.today().year})
        await self.e.act("/start", OWNER, {"on": self.today().isoformat()})
        self.t = self.today()
        self.a = self.life()
        await self.a.submit(name="待乡镇审核项目")
        self.c = self.life()
        await self.c.submit(name="被退回项目")
        await self.c.act("/review", TOWNSHIP, {"decision": "return", "opinion": "补充带贫机制"})
        self.b = self.life()
        await self.b.submit(name="公示中项目")
        await self.b.through_review()
        r = await self.client.post(f"/projects/{self.b.id}/objections", json={"reason": "选址有争议"}, headers=FINANCE)
        assert r.status_code == 201, r.text
        self.objection = r.json()["id"]
        r = await self.client.post("/projects", json=entry(name="鹿寨项目", county_code=LUZHAI), headers=bearer(
            Role.PROJECT_OWNER, LUZHAI, "鹿寨县农业农村局"))
        assert r.status_code == 201, r.text
        self.g = r.json()["id"]

    def at(self, days: int) -> None:
        """Move the clock to T + days."""
        self.app.state.clock.shift += timedelta(days=days) - (self.today() - self.t)

    async def queue(self, headers: dict, **params) -> list[tuple]:
        r = await self.client.get("/work", headers=headers, params=params)
        assert r.status_code == 200, r.text
        return [(i["kind"], i["link"]["id"], i["deadline"], i["due_soon"], i["overdue"]) for i in r.json()["items"]]

    def day(self, days: int) -> str:
        return (self.t + timedelta(days=days)).isoformat()


@pytest.fixture
async def data(projects, projects_app) -> Data:
    data = Data(projects, projects_app)
    await data.build()
    return data


async def test_each_role_sees_exactly_its_items_on_the_day_of_setup(data):
    assert await data.queue(TOWNSHIP) == [("review", data.a.id, None, False, False)]
    assert await data.queue(LUZHAI_TOWNSHIP) == [("review", data.g, None, False, False)]
    assert await data.queue(DEPARTMENT) == []
    assert await data.queue(OWNER) == [("returned", data.c.id, None, False, False)]
    assert await data.queue(OTHER_OWNER) == []
    # The objection is due by the notice's end (T+6); scheduling has no deadline, so it comes last.
    assert await data.queue(COUNTY) == [("objection", data.objection, data.day(6), False, False),
                                        ("schedule", data.d.id, None, False, False)]
    assert await data.queue(CITY) == []
    assert await data.queue(FINANCE) == []


async def test_notice_ending_warns_then_the_objection_goes_overdue_then_admission_waits(data):
    data.at(4)
    county = await data.queue(COUNTY)
    assert county == [("notice_ending", data.b.id, data.day(6), True, False),
                      ("objection", data.objection, data.day(6), True, False),
                      ("schedule", data.d.id, None, False, False)]
    assert await data.queue(CITY) == [("notice_ending", data.b.id, data.day(6), True, False)]
    data.at(7)
    assert await data.queue(COUNTY) == [("objection", data.objection, data.day(6), False, True),
                                        ("schedule", data.d.id, None, False, False)]
    data.b.version = (await data.b.get())["version"]
    await data.b.act(f"/objections/{data.objection}/resolution", COUNTY,
                     {"outcome": "dismissed", "resolution": "经核实选址无争议"})
    assert await data.queue(COUNTY) == [("admit", data.b.id, None, False, False),
                                        ("schedule", data.d.id, None, False, False)]


async def test_progress_due_for_the_owner_and_the_county_office(data):
    due = ("progress_due", data.e.id, data.day(60))
    data.at(52)
    assert await data.queue(OWNER) == [("returned", data.c.id, None, False, False)]
    data.at(53)
    assert await data.queue(OWNER) == [(*due, True, False), ("returned", data.c.id, None, False, False)]
    assert (*due, True, False) in await data.queue(COUNTY)
    data.at(61)
    assert await data.queue(OWNER, kind="progress_due") == [(*due, False, True)]
    data.e.version = (await data.e.get())["version"]
    await data.e.act("/progress", OWNER, {"on": data.day(61), "percent": 40})
    assert await data.queue(OWNER, kind="progress_due") == []


async def test_counts_cover_every_kind_and_pages_follow_the_order(data):
    data.at(4)
    r = await data.client.get("/work", headers=COUNTY, params={"limit": 2})
    page = r.json()
    assert [(c["kind"], c["total"], c["due_soon"], c["overdue"]) for c in page["counts"]] == [
        ("notice_ending", 1, 1, 0), ("objection", 1, 1, 0), ("schedule", 1, 0, 0)]
    assert [i["kind"] for i in page["items"]] == ["notice_ending", "objection"]
    rest = (await data.client.get("/work", headers=COUNTY, params={"after": page["next_cursor"]})).json()
    assert [i["kind"] for i in rest["items"]] == ["schedule"] and rest["next_cursor"] is None
    item = page["items"][0]
    assert item["key"] == f"projects:notice_ending:{data.b.id}" and item["title"] == "公示中项目"
    assert item["link"] == {"service": "projects", "resource": "project", "id": data.b.id,
                            "path": f"/projects/{data.b.id}"}
    assert item["county_code"] == RONGSHUI and item["expected"]
    for forged in ("nonsense", "eyJpZCI6IDF9", "e30"):
        bad = await data.client.get("/work", headers=COUNTY, params={"after": forged})
        assert bad.status_code == 422 and bad.json()["code"] == "request.invalid_cursor", bad.text
    assert (await data.client.get("/work", headers=COUNTY, params={"kind": "nope"})).status_code == 422
    assert (await data.client.get("/work")).status_code == 401


async def feed(data: Data, headers: dict) -> list[tuple]:
    r = await data.client.get("/events", headers=headers, params={"limit": 1000})
    return [(e["type"], e["payload"]["work_key"], e["payload"]["deadline"]) for e in r.json()["events"]
            if e["type"].startswith("work.")]


async def test_the_sweep_warns_once_per_item_and_state(data):
    sweep = warning_job("projects.work_warnings", 1, DUTIES).unit
    assert await sweep(data.app) == 0
    data.at(4)
    assert await sweep(data.app) == 2
    assert await sweep(data.app) == 0
    data.at(7)
    assert await sweep(data.app) == 1  # the objection is overdue; the notice item left the queue
    data.at(53)
    assert await sweep(data.app) == 1
    data.at(61)
    assert await sweep(data.app) == 1
    assert await sweep(data.app) == 0
    b, e, o = data.b.id, data.e.id, data.objection
    county = [("work.due_soon", f"projects:notice_ending:{b}", data.day(6)),
              ("work.due_soon", f"projects:objection:{o}", data.day(6)),
              ("work.overdue", f"projects:objection:{o}", data.day(6)),
              ("work.due_soon", f"projects:progress_due:{e}", data.day(60)),
              ("work.overdue", f"projects:progress_due:{e}", data.day(60))]
    assert await feed(data, COUNTY) == county
    assert await feed(data, CITY) == county
    # The owner unit reads the warnings of its own progress reports, not the office's notice work.
    assert await feed(data, OWNER) == county[3:]
    assert await feed(data, OTHER_OWNER) == []
    assert await feed(data, LUZHAI_TOWNSHIP) == []
