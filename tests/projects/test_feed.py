"""The projects feed is complete and scoped: every change is an event, each reader sees exactly its scope."""
import jwt
import pytest

from services.kit.auth import Role
from services.kit.settings import ServiceSettings
from services.kit.testing import bearer
from tests.feed import of_type, walk
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry
from tests.projects.life import CITY, COUNTY, INSPECTOR, Life

SANJIANG = "450226"
OTHER_ORG = "融水县水利局"
SANJIANG_ORG = "三江县扶贫开发办公室"


async def _library(projects, projects_app) -> dict[str, list[int]]:
    """Entries of two 融水 owners and one 三江 owner, one of them taken through review, admission and a plan."""
    life = Life(projects, projects_app)
    await life.admitted()
    await life.act("/schedule", COUNTY, {"year": 2019})
    await life.act("/start", COUNTY, {"on": projects_app.state.clock.today().isoformat()})
    await life.act("/progress", COUNTY, {"on": projects_app.state.clock.today().isoformat(), "percent": 30})
    other = await projects.post("/projects", json=entry(name="融水水利项目"),
                                headers=bearer(Role.PROJECT_OWNER, RONGSHUI, OTHER_ORG))
    far = await projects.post("/projects", json=entry(name="三江项目", county_code=SANJIANG),
                              headers=bearer(Role.PROJECT_OWNER, SANJIANG, SANJIANG_ORG))
    assert other.status_code == far.status_code == 201, (other.text, far.text)
    return {"mine": [life.id], "other": [other.json()["id"]], "far": [far.json()["id"]]}


def _projects_of(events: list[dict]) -> set[int]:
    return {e["payload"]["project_id"] for e in events if e["aggregate_type"] == "project"}


async def test_every_change_is_on_the_feed_in_order(projects, projects_app, backend):
    ids = await _library(projects, projects_app)
    events = await walk(projects, CITY)
    mine = [e for e in events if (e["aggregate_type"], e["aggregate_id"]) == ("project", str(ids["mine"][0]))]
    assert [(e["type"], e["payload"].get("action")) for e in mine] == [
        ("project.submitted", None), *[("project.status_changed", "approve")] * 3,
        ("project.status_changed", "admit"), ("project.status_changed", "schedule"),
        ("project.status_changed", "start"), ("project.updated", "report_progress")]
    assert [e["payload"]["version"] for e in mine] == sorted(e["payload"]["version"] for e in mine)
    last = mine[-1]["payload"]
    assert (last["progress_percent"], last["plan_year"], last["status"]) == (30, 2019, "started")
    assert last["library_code"].startswith(f"{RONGSHUI}-")
    [plan] = of_type(events, "plan.changed")
    assert plan["payload"] | {"plan_id": 0} == {"plan_id": 0, "county_code": RONGSHUI, "year": 2019,
                                                "plan_status": "open", "change": "opened"}
    assert [e["id"] for e in events] == sorted(e["id"] for e in events)


# (reader, whose entries it sees, whether it sees 融水's plan event: county-wide readers do, owners do not)
@pytest.mark.parametrize(("reader", "sees", "plan"), [
    (bearer(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG), {"mine"}, False),
    (bearer(Role.PROJECT_OWNER, RONGSHUI, OTHER_ORG), {"other"}, False),
    (bearer(Role.PROJECT_OWNER, SANJIANG, SANJIANG_ORG), {"far"}, False),
    (bearer(Role.PROJECT_OWNER, SANJIANG, OWNER_ORG), set(), False),  # same unit name, other county: nothing
    (bearer(Role.COUNTY_OFFICE, RONGSHUI), {"mine", "other"}, True),
    (bearer(Role.FINANCE, SANJIANG), {"far"}, False),
    (bearer(Role.HR, RONGSHUI), {"mine", "other"}, True),
    (bearer(Role.CITY_OFFICE), {"mine", "other", "far"}, True),
    (INSPECTOR, {"mine", "other", "far"}, True),
    (bearer(Role.EXTERNAL), {"mine", "other", "far"}, True),
    (bearer(Role.EXTERNAL, SANJIANG), {"far"}, False),
])
async def test_each_reader_sees_exactly_its_scope(projects, projects_app, backend, reader, sees, plan):
    ids = await _library(projects, projects_app)
    everything = await walk(projects, CITY)
    seen = await walk(projects, reader)
    assert _projects_of(seen) == {i for key in sees for i in ids[key]}
    assert len(of_type(seen, "plan.changed")) == plan
    # Exactly the reader's events, in the same order as the whole feed: nothing skipped, nothing extra.
    visible = {e["id"] for e in seen}
    assert [e for e in everything if e["id"] in visible] == seen


async def test_a_scoped_cursor_walk_one_event_at_a_time(projects, projects_app, backend):
    await _library(projects, projects_app)
    owner = bearer(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG)
    whole = await walk(projects, owner)
    assert len(whole) == 8 and await walk(projects, owner, page=1) == whole
    # A cursor from another reader's walk (an id this reader cannot see) still lands right after it.
    everything = await walk(projects, CITY)
    hidden = next(e["id"] for e in everything if e["id"] not in {x["id"] for x in whole})
    r = await projects.get("/events", params={"after": hidden}, headers=owner)
    assert r.json()["events"] == [e for e in whole if e["id"] > hidden]


async def test_a_token_limited_to_other_feeds_is_refused(projects, backend):
    r = await projects.get("/events", headers=bearer(Role.EXTERNAL, feeds=["funds"]))
    assert r.status_code == 403 and r.json()["code"] == "auth.feed_not_granted"
    assert (await projects.get("/events", headers=bearer(Role.EXTERNAL, feeds=["projects"]))).status_code == 200
    claims = {"sub": "x", "role": "external", "exp": 4102444800, "feeds": ["nope"]}
    forged = jwt.encode(claims, ServiceSettings().jwt_secret, algorithm="HS256")
    bad = await projects.get("/events", headers={"Authorization": f"Bearer {forged}"})
    assert bad.status_code == 401  # a token naming a feed that does not exist is not a valid token
