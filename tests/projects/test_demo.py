"""The demo library `make run` loads: every state, every county, realistic dates, loaded once."""
from services.projects.demo import load_demo
from services.projects.library.states import ProjectStatus
from tests.projects.life import CITY


async def test_demo_covers_every_state_once(projects, projects_db):
    assert await load_demo(projects_db) == 30
    assert await load_demo(projects_db) == 0  # a second `make run` leaves the library alone
    items = (await projects.get("/projects?limit=200", headers=CITY)).json()["items"]
    assert {p["status"] for p in items} == {str(s) for s in ProjectStatus}
    assert len({p["county_code"] for p in items}) == 10
    settled = next(p for p in items if p["status"] == "settled")
    assert settled["library_code"] and settled["settled_on"] >= settled["accepted_on"] >= settled["started_on"]
    timeline = (await projects.get(f"/projects/{settled['id']}/timeline", headers=CITY)).json()
    assert [s["action"] for s in timeline] == ["import"]
