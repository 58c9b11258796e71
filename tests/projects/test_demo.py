"""The demo library `make run` loads: every state, every county, realistic dates, loaded once."""
from anyio import to_thread
from sqlalchemy import func, select

from services.kit.db import make_engine, make_sessionmaker
from services.kit.migrate import upgrade
from services.kit.outbox import OutboxEvent
from services.projects.demo import DEMO, load_demo
from services.projects.places.demo import REGISTRY, demo_registry
from services.projects.places.models import AdministrativeVillage
from services.projects.terms import ProjectStatus
from tests.feed import walk
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


async def test_demo_is_on_the_feed_and_agrees_with_the_library(projects, projects_db):
    await load_demo(projects_db)
    items = (await projects.get("/projects?limit=200", headers=CITY)).json()["items"]
    events = await walk(projects, CITY)
    assert [e["type"] for e in events] == ["project.imported"] * len(items) == ["project.imported"] * 30
    by_id = {e["payload"]["project_id"]: e["payload"] for e in events}
    for p in items:
        got = by_id[p["id"]]
        assert {k: got[k] for k in ("status", "version", "county_code", "owner_org", "name", "library_code",
                                    "plan_year", "progress_percent")} == \
            {k: p[k] for k in ("status", "version", "county_code", "owner_org", "name", "library_code", "plan_year",
                               "progress_percent")}


async def test_demo_entries_sit_in_demo_registry_villages_of_their_county(projects, projects_db):
    await load_demo(projects_db)
    items = (await projects.get("/projects?limit=200", headers=CITY)).json()["items"]
    ids = sorted({p["village_id"] for p in items})
    villages = {v["id"]: v for v in (await projects.get(
        f"/villages?ids={','.join(map(str, ids))}", headers=CITY)).json()["items"]}
    assert set(villages) == set(ids) and all(v["demo"] for v in villages.values())
    for p in items:
        village = villages[p["village_id"]]
        assert (p["county_code"], p["township"], p["village"]) == (
            village["county_code"], village["township"], village["name"])
        assert p["poor_village_ids"] == [p["village_id"]]


async def test_an_empty_registry_gets_the_demo_registry_once(databases, migrated):
    url = await databases.blank(migrated)
    await to_thread.run_sync(upgrade, "projects", url)  # Alembic runs its own event loop
    engine = make_engine(url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            first = await demo_registry(session, DEMO)
            again = await demo_registry(session, DEMO)
            count = await session.scalar(select(func.count()).select_from(AdministrativeVillage))
            events = (await session.scalars(select(OutboxEvent.type))).all()
    finally:
        await engine.dispose()
        await databases.drop(url)
    assert first == again and count == sum(len(v) for places in REGISTRY.values() for v in places.values())
    assert events == ["village.changed"] * count  # the feed holds the demo registry like any import
