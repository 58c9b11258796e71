"""The demo data of `make run` shows every quota status this year and period."""
from collections import Counter

import httpx
from sqlalchemy import func, select

from services.employment.demo import demo_registry, load_demo
from services.employment.employers.models import Employer, GroupProject, WorkforceReport
from services.employment.labourers.models import Labourer
from services.employment.placements.models import Placement
from services.employment.training.models import Course, Participant
from services.kit.clock import Clock
from services.kit.testing import bearer
from tests.feed import walk


async def _load(employment_db: str, projects_app) -> int:
    registry = demo_registry("http://projects", httpx.ASGITransport(app=projects_app))
    try:
        return await load_demo(employment_db, registry)
    finally:
        await registry.close()


async def test_demo_shows_every_status(employment: httpx.AsyncClient, employment_db: str, projects_app,
                                       backend: str) -> None:
    assert await _load(employment_db, projects_app) == 61
    assert await _load(employment_db, projects_app) == 0  # a second load leaves a non-empty database alone
    today, headers = Clock().today(), bearer("city_office")
    periods = {"enterprise": str(today.year), "group_project": f"{today:%Y-%m}"}
    seen = {}
    for kind, period in periods.items():
        r = await employment.get("/quotas/compliance", params={"kind": kind, "period": period}, headers=headers)
        seen[kind] = sorted(x["status"] for x in r.json()["items"])
    assert seen == {"enterprise": ["breach", "breach", "compliant", "compliant", "not_reported"],
                    "group_project": ["breach", "compliant", "exceeds"]}


async def test_demo_is_on_the_feed_and_agrees_with_the_rows(employment: httpx.AsyncClient, employment_app,
                                                            employment_db: str, projects_app, backend: str) -> None:
    await _load(employment_db, projects_app)
    events = await walk(employment, bearer("admin"))
    async with employment_app.state.sessionmaker() as session:
        async def count(model) -> int:
            return await session.scalar(select(func.count()).select_from(model))

        rows = {"labourer.registered": await count(Labourer), "employer.registered": await count(Employer),
                "group_project.added": await count(GroupProject), "workforce.reported": await count(WorkforceReport),
                "placement.created": await count(Placement), "course.added": await count(Course),
                "course.participant_set": await count(Participant)}
        numbers = set((await session.scalars(select(Labourer.id_number))).all())
        unplaced = (await session.scalars(select(Labourer.county_code).where(Labourer.village_id.is_(None)))).all()
    assert Counter(e["type"] for e in events) == rows and rows["labourer.registered"] == 61
    assert {e["payload"]["id_number"] for e in events if e["type"] == "labourer.registered"} == numbers
    assert unplaced == ["450321"]  # every Liuzhou labourer lives in a registry village; 桂林籍 by name
