"""Plans, execution and follow-up, ending early, and the timeline."""
from datetime import date, timedelta

import pytest

from tests.projects.entries import entry
from tests.projects.life import CITY, COUNTY, FINANCE, OWNER, Life


@pytest.fixture
def life(projects, projects_app) -> Life:
    return Life(projects, projects_app)


def today(life: Life) -> date:
    return life.app.state.clock.today()


def into_next_year(life: Life) -> None:
    """Move the service's clock to 2 January of next year, when this year's plan may be rolled over."""
    life.pass_days((date(today(life).year + 1, 1, 2) - today(life)).days)


async def plan(life: Life, year: int) -> dict:
    r = await life.client.get(f"/plans/450225/{year}", headers=CITY)
    assert r.status_code == 200, r.text
    return r.json() | {"etag": r.headers["etag"]}


async def test_whole_life_and_timeline(life):
    await life.admitted()
    year = today(life).year
    assert (await life.act("/schedule", COUNTY, {"year": year}))["plan_year"] == year
    p = await plan(life, year)
    into_next_year(life)
    rolled = await life.client.post(f"/plans/450225/{year}/rollover", headers=COUNTY | {"If-Match": p["etag"]})
    assert rolled.status_code == 200 and rolled.json()["year"] == year + 1
    assert (await plan(life, year))["status"] == "closed"
    life.version = (await life.get())["version"]
    d = today(life)
    await life.act("/start", OWNER, {"on": d.isoformat()})
    await life.act("/progress", OWNER, {"on": d.isoformat(), "percent": 30, "note": "完成土地平整"})
    await life.act("/progress", OWNER, {"on": d.isoformat(), "percent": 70})
    done = await life.act("/complete", OWNER, {"on": d.isoformat()})
    assert done["progress_percent"] == 100
    accepted = await life.act("/accept", COUNTY, {"on": d.isoformat(), "accepting_unit": "融水县扶贫办",
                                                  "result": "passed", "actual_households": 40, "actual_people": 160})
    assert accepted["actual_households"] == 40
    settled = await life.act("/settle", FINANCE, {"on": d.isoformat()})
    assert settled["status"] == "settled" and settled["plan_year"] == year + 1
    steps = [(s["action"], s["to_status"]) for s in await life.timeline()]
    assert steps == [
        ("submit", "submitted"), ("approve", "county_departments"), ("approve", "county_office"),
        ("approve", "announced"), ("admit", "admitted"), ("schedule", "planned"), ("rollover", "planned"),
        ("start", "started"), ("report_progress", "started"), ("report_progress", "started"),
        ("complete", "completed"), ("accept", "accepted"), ("settle", "settled")]
    history = (await life.client.get(f"/projects/{life.id}/plans", headers=CITY)).json()
    assert [(h["year"], h["added_via"]) for h in history] == [(year, "schedule"), (year + 1, "rollover")]


async def test_closed_plan_is_read_only(life):
    await life.admitted()
    year = today(life).year
    await life.act("/schedule", COUNTY, {"year": year})
    p = await plan(life, year)
    into_next_year(life)
    await life.client.post(f"/plans/450225/{year}/rollover", headers=COUNTY | {"If-Match": p["etag"]})
    other = Life(life.client, life.app)
    await other.admitted(name="另一个项目")
    refused = await other.act("/schedule", COUNTY, {"year": year}, status=409)
    assert refused["code"] == "plan.closed"
    again = await life.client.post(f"/plans/450225/{year}/rollover",
                                   headers=COUNTY | {"If-Match": f'"{(await plan(life, year))["version"]}"'})
    assert again.status_code == 409 and again.json()["code"] == "plan.closed"


async def test_a_plan_year_cannot_be_rolled_over_before_it_is_over(life):
    await life.admitted()
    year = today(life).year
    await life.act("/schedule", COUNTY, {"year": year})
    p = await plan(life, year)
    life.pass_days((date(year, 12, 31) - today(life)).days)  # new year's eve: the year is not over yet
    early = await life.client.post(f"/plans/450225/{year}/rollover", headers=COUNTY | {"If-Match": p["etag"]})
    assert early.status_code == 409 and early.json()["code"] == "plan.year_not_over"
    assert early.json()["plan_year"] == year and f"{year + 1} 年 1 月 1 日" in early.json()["detail"]
    assert (await plan(life, year))["status"] == "open"
    assert (await life.client.get(f"/plans/450225/{year + 1}", headers=CITY)).status_code == 404
    assert [s["action"] for s in await life.timeline()].count("rollover") == 0
    life.pass_days(1)  # 1 January: now it is over
    rolled = await life.client.post(f"/plans/450225/{year}/rollover", headers=COUNTY | {"If-Match": p["etag"]})
    assert rolled.status_code == 200 and rolled.json()["year"] == year + 1


async def test_an_ended_entry_answers_invalid_transition_before_any_plan_check(life):
    year = today(life).year
    await life.admitted()
    await life.act("/schedule", COUNTY, {"year": year})
    ended = Life(life.client, life.app)
    await ended.admitted(name="已清理的项目")
    await ended.act("/clear", COUNTY, {"reason": "与脱贫攻坚无关"})
    into_next_year(life)
    p = await plan(life, year)
    await life.client.post(f"/plans/450225/{year}/rollover", headers=COUNTY | {"If-Match": p["etag"]})
    # a closed plan, and a year before the entry may start: the entry's final state is the answer to both
    for target in (year, 2014):
        problem = await ended.act("/schedule", COUNTY, {"year": target}, status=409)
        assert problem["code"] == "project.invalid_transition" and problem["current_state"] == "cleared"
    assert (await life.client.get("/plans/450225/2014", headers=CITY)).status_code == 404


async def test_an_ended_entry_cannot_be_adjusted_out_of_a_plan(life):
    year = today(life).year
    await life.admitted()
    await life.act("/schedule", COUNTY, {"year": year})
    await life.act("/cancel", COUNTY, {"reason": "选址无法落实"})
    life.pass_days((date(year, 10, 15) - today(life)).days)  # inside the fourth-quarter window
    p = await plan(life, year)
    body = {"add": [], "remove": [life.id], "reason": "调出"}
    r = await life.client.post(f"/plans/450225/{year}/adjustments", json=body, headers=COUNTY | {"If-Match": p["etag"]})
    assert r.status_code == 409 and r.json()["code"] == "project.invalid_transition"
    assert r.json()["current_state"] == "cancelled"


async def test_progress_never_decreases_and_dates_never_go_forward(life):
    await life.admitted()
    await life.act("/schedule", COUNTY, {"year": today(life).year})
    d = today(life).isoformat()
    await life.act("/start", OWNER, {"on": d})
    await life.act("/progress", OWNER, {"on": d, "percent": 50})
    problem = await life.act("/progress", OWNER, {"on": d, "percent": 40}, status=422)
    assert problem["code"] == "project.progress_decreasing" and problem["current_percent"] == 50
    future = (today(life) + timedelta(days=1)).isoformat()
    assert (await life.act("/progress", OWNER, {"on": future, "percent": 60}, status=422))["fields"][0]["field"] == "on"
    after = await life.get()
    assert after["progress_percent"] == 50 and after["version"] == life.version
    assert [s["action"] for s in await life.timeline()].count("report_progress") == 1


async def test_failed_acceptance_stays_completed(life):
    await life.admitted()
    await life.act("/schedule", COUNTY, {"year": today(life).year})
    d = today(life).isoformat()
    await life.act("/start", OWNER, {"on": d})
    await life.act("/complete", OWNER, {"on": d})
    failed = await life.act("/accept", COUNTY, {"on": d, "accepting_unit": "县扶贫办", "result": "failed",
                                                "actual_households": 0, "actual_people": 0})
    assert failed["status"] == "completed"
    assert (await life.timeline())[-1]["data"]["result"] == "failed"


async def test_cancelled_and_cleared_are_final_and_leave_the_plan(life):
    await life.admitted()
    year = today(life).year
    await life.act("/schedule", COUNTY, {"year": year})
    cancelled = await life.act("/cancel", COUNTY, {"reason": "选址无法落实"})
    assert cancelled["status"] == "cancelled"
    entry = (await plan(life, year))["entries"][0]
    assert entry["removed_reason"] == "选址无法落实"
    for path, body in (("/start", {"on": today(life).isoformat()}), ("/clear", {"reason": "x"})):
        problem = await life.act(path, COUNTY, body, status=409)
        assert problem["code"] == "project.invalid_transition" and problem["current_state"] == "cancelled"


async def test_previously_cleared_entry_cannot_come_back(life):
    await life.submit()
    await life.act("/clear", COUNTY, {"reason": "与脱贫攻坚无关"})
    r = await life.client.post("/projects", json=entry(), headers=OWNER)
    assert r.status_code == 422 and r.json()["code"] == "project.previously_cleared"
    listed = (await life.client.get("/projects", headers=CITY)).json()["items"]
    assert len(listed) == 1


async def test_fourth_quarter_adjustment(life):
    await life.admitted()
    year = today(life).year
    await life.act("/schedule", COUNTY, {"year": year})
    other = Life(life.client, life.app)
    await other.admitted(name="调整加入的项目")
    p = await plan(life, year)
    body = {"add": [other.id], "remove": [life.id], "reason": "选址调整"}
    life.app.state.clock.shift = timedelta(0)
    real = today(life)
    if real.month >= 10:
        life.pass_days(-100)  # move into the third quarter
    outside = await life.client.post(f"/plans/450225/{year}/adjustments", json=body,
                                     headers=COUNTY | {"If-Match": p["etag"]})
    assert outside.status_code == 409 and outside.json()["code"] == "plan.outside_adjustment_window"
    life.app.state.clock.shift = timedelta(days=(date(year, 10, 15) - real).days)
    r = await life.client.post(f"/plans/450225/{year}/adjustments", json=body, headers=COUNTY | {"If-Match": p["etag"]})
    assert r.status_code == 200, r.text
    entries = {e["project_id"]: e for e in r.json()["entries"]}
    assert entries[life.id]["removed_reason"] == "选址调整" and entries[other.id]["added_via"] == "adjustment"
    assert (await life.get())["status"] == "admitted"
    stale = await life.client.post(f"/plans/450225/{year}/adjustments", json=body,
                                   headers=COUNTY | {"If-Match": p["etag"]})
    assert stale.status_code == 412
