"""Demo employment data for `make run`: labourers, employers, group projects, reports, placements, a course.

The statuses come out mixed on purpose: compliant, breach, exceeds and not reported all appear for this year.
"""
import asyncio
import sys
from datetime import date
from typing import Any

import httpx
from sqlalchemy import func, select
from starlette.datastructures import State

from contracts.employment import LabourerRead
from services.employment.config import Context, Settings
from services.employment.deps import registry_unavailable
from services.employment.employers import service as employers
from services.employment.employers.schemas import EmployerCreate, GroupProjectCreate, WorkforceReportCreate
from services.employment.idcard import with_check
from services.employment.labourers import service as labourers
from services.employment.labourers.models import Labourer
from services.employment.labourers.schemas import LabourerCreate
from services.employment.placements import service as placements
from services.employment.placements.schemas import PlacementCreate
from services.employment.terms import EmployerKind, PlacementKind, Registration
from services.employment.training import service as training
from services.employment.training.models import CourseKind, Outcome
from services.employment.training.schemas import CourseCreate, ParticipantSet
from services.kit.auth import Principal, Role
from services.kit.clock import Clock
from services.kit.counties import COUNTIES
from services.kit.db import make_engine, make_sessionmaker
from services.kit.registry import VillageRegistry

SURNAMES = "韦覃莫蓝梁吴杨龙石贾"
GIVEN = ["秀梅", "志强", "春花", "海军", "丽娟", "永福", "桂英", "建华"]
# (name, county, annual total, registered labourers to place): 10 % of the total is the line.
ENTERPRISES = [("柳州螺蛳粉产业园食品有限公司", "450206", 120, 14), ("融水元宝山茶业有限公司", "450225", 60, 5),
               ("三江侗族木构建筑有限公司", "450226", 40, 4), ("鹿寨竹木加工有限公司", "450223", 80, 6),
               ("融安金桔农业发展有限公司", "450224", 0, 3)]  # 0 = no report this year
# (name, county, workforce this month, local labourers): 5–10 % is the band.
PROJECTS = [("柳州东城投资开发集团有限公司", "柳东新区安置房", "450203", 100, 7),
            ("柳州市城市投资建设发展有限公司", "融水县城至产业园道路", "450225", 100, 3),
            ("柳州市投资控股有限公司", "三江旅游公路", "450226", 50, 6)]


DEMO = Principal(sub="demo", role=Role.ADMIN)


def labourer(n: int, county: str, villages: dict[str, list[int]],
             registration: Registration = Registration.POOR) -> LabourerCreate:
    """A demo labourer with a valid ID number (birth year and serial vary with n), in one of its county's registry
    villages (村屯名录), or in a named village outside Liuzhou."""
    number = with_check(f"{county}{1970 + n % 30}{n % 12 + 1:02d}{n % 28 + 1:02d}{n % 1000:03d}")
    ids = villages.get(county)
    place: dict[str, Any] = {"village_id": ids[n % len(ids)]} if ids else {"township": "两江镇", "village": "大埠村"}
    return LabourerCreate(id_number=number, name=SURNAMES[n % 10] + GIVEN[n % 8], county_code=county, **place,
                          household_no=f"{county}-H{n:04d}", registration=registration, relocated=n % 4 == 0,
                          skills=["电焊"] if n % 3 == 0 else [])


def demo_registry(projects_url: str, transport: httpx.AsyncBaseTransport | None = None) -> VillageRegistry:
    """A client of the projects service's village registry, for loading the demo (its settings' secret)."""
    settings = Settings()
    return VillageRegistry.connect(projects_url, settings.jwt_secret, "employment-demo", settings.upstream_timeout,
                           settings.service_token_ttl, registry_unavailable, transport)


async def load_demo(url: str, registry: VillageRegistry) -> int:
    """Insert the demo when there are no labourers yet; returns how many labourers were inserted.

    Every row goes through the service functions an hr user's request would call (as admin), so the demo is
    checked, audited and on the event feed like any other data.
    """
    clock, settings = Clock(), Settings(database_url=url)
    # The registry first, before any transaction: the demo's Liuzhou labourers live in its villages.
    answer = await registry.of_counties(COUNTIES)
    villages: dict[str, list[int]] = {}
    for village in sorted(answer.answer().values(), key=lambda v: v.id):
        villages.setdefault(village.county_code, []).append(village.id)
    today = clock.today()
    engine = make_engine(url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            if await session.scalar(select(func.count()).select_from(Labourer)):
                return 0
            ctx = Context(session, DEMO, clock, settings, State())
            counter = iter(range(10_000))

            async def people(county: str, count: int) -> list[LabourerRead]:
                return [await labourers.register(ctx, labourer(next(counter), county, villages), answer)
                        for _ in range(count)]

            async def place(**fields: Any) -> None:
                await placements.place(ctx, PlacementCreate(**fields))

            start = date(today.year, 1, 1)
            for name, county, total, placed in ENTERPRISES:
                e = await employers.register_employer(ctx, EmployerCreate(
                    kind=EmployerKind.ENTERPRISE, name=name, county_code=county, industry="制造业"))
                if total:
                    await employers.report_workforce(ctx, WorkforceReportCreate(
                        employer_id=e.id, year=today.year, total=total))
                for i, p in enumerate(await people(county, placed)):
                    await place(labourer_id=p.id, kind=PlacementKind.ENTERPRISE, employer_id=e.id, starts_on=start,
                                leader="覃带头" if i % 2 else None)
            month_start = today.replace(day=1)
            for group_name, project_name, county, total, local in PROJECTS:
                g = await employers.register_employer(ctx, EmployerCreate(
                    kind=EmployerKind.GROUP, name=group_name))
                project = await employers.add_project(ctx, g.id, GroupProjectCreate(
                    name=project_name, county_code=county, starts_on=start))
                await employers.report_workforce(ctx, WorkforceReportCreate(
                    project_id=project.id, year=today.year, month=today.month, total=total))
                for p in await people(county, local):
                    await place(labourer_id=p.id, kind=PlacementKind.GROUP_PROJECT, project_id=project.id,
                                starts_on=month_start)
            base = await employers.register_employer(ctx, EmployerCreate(
                kind=EmployerKind.BASE, name="东莞市某电子有限公司（劳务输入基地）", province="广东"))
            for p in await people("450225", 4):
                await place(labourer_id=p.id, kind=PlacementKind.BASE, employer_id=base.id, starts_on=start,
                            leader="韦带头")
            for p in await people("450226", 3):
                await place(labourer_id=p.id, kind=PlacementKind.PUBLIC_WELFARE, site="护林员", starts_on=start)
            course = await training.add_course(ctx, CourseCreate(
                kind=CourseKind.SKILLS, name="电焊工就业技能培训", county_code="450225", starts_on=start))
            for i, p in enumerate(await people("450225", 5)):
                await training.set_participant(ctx, course.id, ParticipantSet(
                    labourer_id=p.id, outcome=[Outcome.CERTIFIED, Outcome.EMPLOYED, Outcome.ENROLLED][i % 3]))
            await people("450321", 1)  # 桂林籍：不计入集团项目“本市”比例
            return next(counter)
    finally:
        await engine.dispose()


async def _main(url: str, projects_url: str) -> int:
    registry = demo_registry(projects_url)
    try:
        return await load_demo(url, registry)
    finally:
        await registry.close()


if __name__ == "__main__":
    # python -m services.employment.demo [database url] [projects service url]
    args = sys.argv[1:]
    inserted = asyncio.run(_main(args[0] if args else Settings().database_url,
                                 args[1] if len(args) > 1 else Settings().projects_url))
    print(f"employment: {inserted} demo labourers loaded" if inserted else "employment: not empty, demo skipped")
