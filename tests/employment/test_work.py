"""The employment work queue (GET /work): a prepared data set gives exactly the expected queue per role, with its
deadlines and warnings as the clock moves; warnings reach the feed once; scope and a forged cursor."""
from datetime import date

import httpx
import pytest

from services.employment.work.service import DUTIES
from services.kit.testing import bearer
from services.kit.work_queue import warning_job
from tests.clock import set_today
from tests.employment.data import HR, add_employer, add_labourer, add_project, report

RONGSHUI, SANJIANG = "450225", "450226"
GROUP = "柳州市城投集团"


async def _course(client: httpx.AsyncClient, name: str, county: str, ends_on: str | None,
                  outcomes: tuple[str, ...] = ()) -> int:
    body = {"kind": "skills", "name": name, "county_code": county, "starts_on": "2026-10-01", "ends_on": ends_on}
    r = await client.post("/courses", headers=HR, json=body)
    assert r.status_code == 201, r.text
    for outcome in outcomes:
        labourer = await add_labourer(client, county)
        r = await client.post(f"/courses/{r.json()['id']}/participants", headers=HR,
                              json={"labourer_id": labourer["id"], "outcome": outcome})
        assert r.status_code == 200, r.text
    return int(r.json()["id"])


@pytest.fixture
async def prepared(employment: httpx.AsyncClient, backend: str) -> dict[str, int]:
    """Three enterprises (one reported 2026), a group's two projects, four courses; the ids by name."""
    ids = {}
    ids["e1"] = (await add_employer(employment, name="融水甲企业", county=RONGSHUI))["id"]
    ids["e2"] = (await add_employer(employment, name="融水乙企业", county=RONGSHUI))["id"]
    ids["e3"] = (await add_employer(employment, name="三江丙企业", county=SANJIANG))["id"]
    await report(employment, 300, 2026, employer_id=ids["e2"])
    group = (await add_employer(employment, "group", GROUP))["id"]
    ids["p1"] = (await add_project(employment, group, RONGSHUI, "2026-09-01"))["id"]
    ids["p2"] = (await add_project(employment, group, SANJIANG, "2026-12-05"))["id"]
    await report(employment, 80, 2026, 11, project_id=ids["p1"])
    ids["c1"] = await _course(employment, "融水汽修班", RONGSHUI, "2026-12-31", ("enrolled",))
    await _course(employment, "融水电工班", RONGSHUI, "2026-12-15", ("certified",))  # outcomes recorded
    ids["c3"] = await _course(employment, "三江茶艺班", SANJIANG, "2027-01-10")  # nobody recorded
    await _course(employment, "融水厨师班", RONGSHUI, None)  # no end date: nothing due yet
    return ids


def _seen(page: dict) -> list[tuple[str, str, bool, bool]]:
    return [(i["key"], i["deadline"], i["due_soon"], i["overdue"]) for i in page["items"]]


async def _queue(client: httpx.AsyncClient, headers: dict[str, str], **params: object) -> dict:
    r = await client.get("/work", headers=headers, params=params)
    assert r.status_code == 200, r.text
    return r.json()


async def test_queue_per_role_as_the_clock_moves(employment: httpx.AsyncClient, employment_app,
                                                 prepared: dict[str, int]) -> None:
    e1, e3, p1, p2 = (prepared[k] for k in ("e1", "e3", "p1", "p2"))
    c1, c3 = prepared["c1"], prepared["c3"]
    set_today(employment_app.state.clock, date(2027, 1, 20))
    city = _seen(await _queue(employment, HR))
    assert city == [
        (f"employment:group_report:{p1}:2026-10", "2026-11-10", False, True),
        (f"employment:group_report:{p1}:2026-12", "2027-01-10", False, True),
        (f"employment:group_report:{p2}:2026-12", "2027-01-10", False, True),
        (f"employment:course_outcomes:{c1}", "2027-01-30", False, False),
        (f"employment:workforce_report:{e1}:2026", "2027-01-31", True, False),
        (f"employment:workforce_report:{e3}:2026", "2027-01-31", True, False),
        (f"employment:course_outcomes:{c3}", "2027-02-09", False, False),
    ]
    assert _seen(await _queue(employment, bearer("city_office"))) == city
    page = await _queue(employment, bearer("county_office", RONGSHUI))
    assert [k for k, *_ in _seen(page)] == [f"employment:group_report:{p1}:2026-10",
                                            f"employment:group_report:{p1}:2026-12",
                                            f"employment:course_outcomes:{c1}",
                                            f"employment:workforce_report:{e1}:2026"]
    assert {c["kind"]: (c["total"], c["due_soon"], c["overdue"]) for c in page["counts"]} == {
        "group_report": (2, 0, 2), "course_outcomes": (1, 0, 0), "workforce_report": (1, 1, 0)}
    first = page["items"][0]
    assert first["title"] == f"{GROUP}·融水至融安公路" and first["county_code"] == RONGSHUI
    assert first["expected"] == "报送 2026 年 10 月项目用工总数（核算本市贫困劳动力比例）"
    assert first["link"] == {"service": "employment", "resource": "group_project", "id": p1,
                             "path": f"/group-projects/{p1}"}

    set_today(employment_app.state.clock, date(2027, 2, 5))  # October leaves the three months looked at
    assert _seen(await _queue(employment, HR)) == [
        (f"employment:group_report:{p1}:2026-12", "2027-01-10", False, True),
        (f"employment:group_report:{p2}:2026-12", "2027-01-10", False, True),
        (f"employment:course_outcomes:{c1}", "2027-01-30", False, True),
        (f"employment:workforce_report:{e1}:2026", "2027-01-31", False, True),
        (f"employment:workforce_report:{e3}:2026", "2027-01-31", False, True),
        (f"employment:course_outcomes:{c3}", "2027-02-09", True, False),
        (f"employment:group_report:{p1}:2027-01", "2027-02-10", True, False),
        (f"employment:group_report:{p2}:2027-01", "2027-02-10", True, False),
    ]
    await report(employment, 500, 2026, employer_id=e1)  # made: it leaves every queue
    rongshui = _seen(await _queue(employment, bearer("county_office", RONGSHUI), kind="workforce_report"))
    assert rongshui == []


async def test_the_enterprise_and_the_group_see_their_own(employment: httpx.AsyncClient, employment_app,
                                                          prepared: dict[str, int]) -> None:
    set_today(employment_app.state.clock, date(2027, 1, 20))
    own = await _queue(employment, bearer("project_owner", RONGSHUI, org="融水甲企业"))
    assert [k for k, *_ in _seen(own)] == [f"employment:workforce_report:{prepared['e1']}:2026"]
    group = await _queue(employment, bearer("project_owner", RONGSHUI, org=GROUP))
    assert [k for k, *_ in _seen(group)] == [f"employment:group_report:{prepared['p1']}:2026-10",
                                             f"employment:group_report:{prepared['p1']}:2026-12"]
    stranger = await _queue(employment, bearer("project_owner", RONGSHUI, org="融水县农业农村局"))
    assert stranger == {"items": [], "next_cursor": None, "counts": []}
    assert (await _queue(employment, bearer("finance", RONGSHUI)))["items"] == []


async def test_pages_follow_the_cursor(employment: httpx.AsyncClient, employment_app,
                                       prepared: dict[str, int]) -> None:
    set_today(employment_app.state.clock, date(2027, 1, 20))
    whole = _seen(await _queue(employment, HR))
    paged, after = [], None
    while True:
        page = await _queue(employment, HR, limit=3, **({"after": after} if after else {}))
        assert len(page["items"]) <= 3 and sum(c["total"] for c in page["counts"]) == 7
        paged += _seen(page)
        after = page["next_cursor"]
        if after is None:
            break
    assert paged == whole
    for forged in ("bm90IGEgY3Vyc29y", "eyJpZCI6IDF9", "eyJkIjogMSwgImsiOiAieCJ9", "%%%"):
        r = await employment.get("/work", headers=HR, params={"after": forged})
        assert r.status_code == 422, forged
        assert r.json()["code"] == "request.invalid_cursor"
    assert (await employment.get("/work", headers=HR, params={"kind": "nonsense"})).status_code == 422


async def _warnings(client: httpx.AsyncClient, headers: dict[str, str]) -> list[tuple[str, str]]:
    events = (await client.get("/events", headers=headers, params={"limit": 1000})).json()["events"]
    return sorted((e["type"], e["payload"]["work_key"]) for e in events if e["type"].startswith("work."))


async def test_warnings_once_on_the_feed_and_gauges(employment: httpx.AsyncClient, employment_app,
                                                    prepared: dict[str, int]) -> None:
    e1, e3, p1, p2 = (prepared[k] for k in ("e1", "e3", "p1", "p2"))
    c1, c3 = prepared["c1"], prepared["c3"]
    sweep = warning_job("employment.work_warnings", 1, DUTIES).unit
    set_today(employment_app.state.clock, date(2027, 1, 20))
    assert await sweep(employment_app) == 5
    assert await sweep(employment_app) == 0
    first = [("work.due_soon", f"employment:workforce_report:{e1}:2026"),
             ("work.due_soon", f"employment:workforce_report:{e3}:2026"),
             ("work.overdue", f"employment:group_report:{p1}:2026-10"),
             ("work.overdue", f"employment:group_report:{p1}:2026-12"),
             ("work.overdue", f"employment:group_report:{p2}:2026-12")]
    assert await _warnings(employment, HR) == first
    metrics = (await employment.get("/metrics")).text
    assert 'employment_work_overdue{county="450225",kind="group_report"} 2.0' in metrics
    assert 'employment_work_due_soon{county="450226",kind="workforce_report"} 1.0' in metrics

    set_today(employment_app.state.clock, date(2027, 2, 5))
    assert await sweep(employment_app) == 6
    assert await sweep(employment_app) == 0
    later = [("work.due_soon", f"employment:course_outcomes:{c3}"),
             ("work.due_soon", f"employment:group_report:{p1}:2027-01"),
             ("work.due_soon", f"employment:group_report:{p2}:2027-01"),
             ("work.overdue", f"employment:course_outcomes:{c1}"),
             ("work.overdue", f"employment:workforce_report:{e1}:2026"),
             ("work.overdue", f"employment:workforce_report:{e3}:2026")]
    assert await _warnings(employment, HR) == sorted(first + later)
    # Each reader sees the warnings of its scope: Sanjiang its county's, the enterprise its own.
    assert await _warnings(employment, bearer("county_office", SANJIANG)) == [
        ("work.due_soon", f"employment:course_outcomes:{c3}"),
        ("work.due_soon", f"employment:group_report:{p2}:2027-01"),
        ("work.due_soon", f"employment:workforce_report:{e3}:2026"),
        ("work.overdue", f"employment:group_report:{p2}:2026-12"),
        ("work.overdue", f"employment:workforce_report:{e3}:2026")]
    assert await _warnings(employment, bearer("project_owner", RONGSHUI, org="融水甲企业")) == [
        ("work.due_soon", f"employment:workforce_report:{e1}:2026"),
        ("work.overdue", f"employment:workforce_report:{e1}:2026")]


async def test_a_long_enterprise_name_still_warns_its_county(employment: httpx.AsyncClient, employment_app,
                                                             backend: str) -> None:
    long_name = "柳州" + "螺" * 150 + "有限公司"  # longer than a feed event's unit (120): the county reads it
    made = await add_employer(employment, name=long_name, county=RONGSHUI)
    set_today(employment_app.state.clock, date(2027, 1, 25))
    assert await warning_job("employment.work_warnings", 1, DUTIES).unit(employment_app) == 1
    key = f"employment:workforce_report:{made['id']}:2026"
    assert await _warnings(employment, bearer("county_office", RONGSHUI)) == [("work.due_soon", key)]
