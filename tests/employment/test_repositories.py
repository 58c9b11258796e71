"""Every employment repository narrows reads to the caller's scope once, in `readable(principal)`."""
from collections.abc import Callable
from typing import Any

import httpx

from services.employment.employers.repository import (
    EmployerRepository,
    GroupProjectRepository,
    WorkforceReportRepository,
)
from services.employment.labourers.repository import LabourerRepository
from services.employment.placements.repository import PlacementRepository
from services.employment.training.repository import CourseRepository, ParticipantRepository
from services.kit.auth import Principal, Role
from services.kit.repository import Repository
from tests.employment.data import HR, add_employer, add_labourer, add_project, place, report
from tests.employment.seed import seed

OTHER = "450226"  # 三江; the seed's world is in 融水 (450225)


async def _other_county(client: httpx.AsyncClient, group_id: int) -> None:
    """One record of every kind in 三江, so each county's reader has something to be kept from."""
    lab = await add_labourer(client, OTHER)
    enterprise = await add_employer(client, name="三江侗族木构建筑有限公司", county=OTHER)
    project = await add_project(client, group_id, OTHER)
    await report(client, 50, 2026, employer_id=enterprise["id"])
    await report(client, 80, 2026, 3, project_id=project["id"])
    assert (await place(client, lab["id"], "enterprise", "2026-01-01", employer_id=enterprise["id"])).status_code == 201
    course = await client.post("/courses", headers=HR, json={"kind": "skills", "name": "木构培训",
                                                              "county_code": OTHER, "starts_on": "2026-04-01"})
    r = await client.post(f"/courses/{course.json()['id']}/participants", headers=HR, json={"labourer_id": lab["id"]})
    assert r.status_code == 200, r.text


async def test_each_county_reads_its_own_rows_and_the_city_reads_all(employment: httpx.AsyncClient,
                                                                     employment_app: Any) -> None:
    world = await seed(employment)
    await _other_county(employment, world["group_id"])
    counties = {"450225", OTHER}
    city = Principal("city", Role.CITY_OFFICE)
    async with employment_app.state.sessionmaker() as session:
        async def all_of(repo: Repository[Any]) -> list[Any]:
            return list((await session.scalars(repo.readable(city))).all())

        employers = {e.id: e.county_code for e in await all_of(EmployerRepository(session))}
        projects = {p.id: p.county_code for p in await all_of(GroupProjectRepository(session))}
        courses = {c.id: c.county_code for c in await all_of(CourseRepository(session))}
        # Where each row belongs; None for what every county sees (groups and base enterprises).
        county_of: dict[type[Repository[Any]], Callable[[Any], str | None]] = {
            LabourerRepository: lambda r: r.county_code,
            EmployerRepository: lambda r: r.county_code,
            GroupProjectRepository: lambda r: r.county_code,
            WorkforceReportRepository: lambda r: employers.get(r.employer_id) or projects[r.project_id],
            PlacementRepository: lambda r: r.labourer.county_code,
            CourseRepository: lambda r: r.county_code,
            ParticipantRepository: lambda r: courses[r.course_id],
        }
        for repo_type, where in county_of.items():
            repo = repo_type(session)
            everything = await all_of(repo)
            assert {where(r) for r in everything} - {None} == counties, repo_type.__name__
            for county in counties:
                reader = Principal(f"office-{county}", Role.COUNTY_OFFICE, county)
                seen = list((await session.scalars(repo.readable(reader))).all())
                assert seen, repo_type.__name__
                assert {where(r) for r in seen} - {None} == {county}, repo_type.__name__
                expected = sorted(r.id for r in everything if where(r) in (county, None))
                assert sorted(r.id for r in seen) == expected, repo_type.__name__
