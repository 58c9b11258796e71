"""Each repository's `readable` applies the caller's scope once, also to the rows that belong to an entry or plan.

Over HTTP an entry is always loaded (and 404'd) before its history, objections or plans are read, so the scope
of those repositories is checked here, against the service's real database.
"""
from collections.abc import AsyncIterator

import pytest

from contracts.projects import ProjectFilter
from services.kit.auth import Principal, Role
from services.kit.db import make_engine, make_sessionmaker
from services.projects.library.repository import HistoryRepository, ProjectRepository
from services.projects.plans.repository import AnnualPlanRepository, PlanEntryRepository
from tests.projects.entries import OWNER_ORG, RONGSHUI
from tests.projects.life import COUNTY, Life

SANJIANG = "450226"
OWNER = Principal("owner-1", Role.PROJECT_OWNER, county=RONGSHUI, org=OWNER_ORG)
OTHER_OWNER = Principal("owner-2", Role.PROJECT_OWNER, county=RONGSHUI, org="融水县水利局")
RONGSHUI_OFFICE = Principal("county-1", Role.COUNTY_OFFICE, county=RONGSHUI)
SANJIANG_OFFICE = Principal("county-2", Role.COUNTY_OFFICE, county=SANJIANG)
CITY = Principal("city-1", Role.CITY_OFFICE)


@pytest.fixture
async def scheduled(projects, projects_app) -> int:
    """An entry of 融水 admitted and scheduled into this year's plan; its id."""
    life = Life(projects, projects_app)
    await life.admitted()
    await life.act("/schedule", COUNTY, {"year": projects_app.state.clock.today().year})
    assert life.id is not None
    return life.id


@pytest.fixture
async def session(projects_db: str, scheduled: int) -> AsyncIterator:
    engine = make_engine(projects_db)
    async with make_sessionmaker(engine)() as session:
        yield session
    await engine.dispose()


async def test_entries_are_read_in_the_owners_organisation_or_the_callers_county(session, scheduled):
    repo = ProjectRepository(session)
    for principal, seen in ((OWNER, [scheduled]), (OTHER_OWNER, []), (RONGSHUI_OFFICE, [scheduled]),
                            (SANJIANG_OFFICE, []), (CITY, [scheduled])):
        assert [p.id for p in await repo.page(repo.matching(ProjectFilter(), principal), None, 10)] == seen
        assert [p.id for p in await repo.get_many([scheduled], principal)] == seen
        assert (await repo.read_one(scheduled, principal) is not None) == bool(seen)


async def test_an_entrys_history_is_readable_only_where_the_entry_is(session, scheduled):
    history = HistoryRepository(session)
    steps = [h.action for h in await history.of_project(scheduled, OWNER)]
    assert steps[0] == "submit" and steps[-1] == "schedule"
    assert await history.of_project(scheduled, OTHER_OWNER) == []
    assert await history.of_project(scheduled, SANJIANG_OFFICE) == []
    assert len(await history.of_project(scheduled, CITY)) == len(steps)


async def test_plans_and_their_entries_are_read_in_the_plans_county(session, scheduled):
    plans, entries = AnnualPlanRepository(session), PlanEntryRepository(session)
    [plan] = await plans.listed(CITY, None, None)
    assert [p.id for p in await plans.listed(RONGSHUI_OFFICE, None, None)] == [plan.id]
    assert await plans.listed(SANJIANG_OFFICE, None, None) == []
    assert await plans.find(RONGSHUI, plan.year, SANJIANG_OFFICE) is None
    assert [(e.project_id, p.id) for e, p in await entries.memberships(scheduled, RONGSHUI_OFFICE)] == [
        (scheduled, plan.id)]
    assert await entries.memberships(scheduled, SANJIANG_OFFICE) == []
    assert [(e.project_id, status) for e, _, status in await entries.with_projects(plan.id, CITY)] == [
        (scheduled, "planned")]
    assert await entries.with_projects(plan.id, SANJIANG_OFFICE) == []
