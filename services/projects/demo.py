"""Demo library for `make run`: a few dozen realistic entries across the ten counties and many states."""
import asyncio
import sys
from datetime import date
from decimal import Decimal
from itertools import cycle

from services.kit.auth import Principal, Role
from services.kit.db import make_engine, make_sessionmaker, utcnow
from services.projects.config import Settings
from services.projects.ledger.importing import record_import
from services.projects.library.models import BudgetLine, Project
from services.projects.library.repository import ProjectRepository
from services.projects.places.demo import demo_registry
from services.projects.terms import ProjectCategory, ProjectStatus

DEMO = Principal(sub="demo", role=Role.ADMIN)
# county code -> (owner unit, [(township, village)])
PLACES = {
    "450225": ("融水县农业农村局", [("安陲乡", "江门村"), ("杆洞乡", "党鸠村"), ("四荣乡", "荣地村")]),
    "450226": ("三江县扶贫开发办公室", [("独峒镇", "高定村"), ("同乐苗族乡", "高洋村"), ("八江镇", "布央村")]),
    "450224": ("融安县水利局", [("大将镇", "龙妙村"), ("板榄镇", "大坡村")]),
    "450222": ("柳城县交通运输局", [("古砦仫佬族乡", "古砦村"), ("冲脉镇", "指挥村")]),
    "450223": ("鹿寨县林业局", [("四排镇", "四排村"), ("黄冕镇", "幽兰村")]),
    "450206": ("柳江区农业农村局", [("百朋镇", "怀洪村"), ("三都镇", "觉山村")]),
    "450202": ("城中区民政局", [("静兰街道", "环江村")]),
    "450203": ("鱼峰区农业农村局", [("里雍镇", "百乐村")]),
    "450204": ("柳南区农业农村局", [("太阳村镇", "山湾村")]),
    "450205": ("柳北区农业农村局", [("沙塘镇", "杨柳村")]),
}

KINDS = [
    (ProjectCategory.INDUSTRY, "{v}百香果种植基地", "贫困户以土地入股并在基地务工，保底分红"),
    (ProjectCategory.INFRASTRUCTURE, "{v}屯级道路硬化", "硬化 20 户以上自然屯道路，解决贫困户出行难"),
    (ProjectCategory.INFRASTRUCTURE, "{v}饮水安全巩固提升工程", "解决贫困户饮水安全问题"),
    (ProjectCategory.INDUSTRY, "{v}螺蛳粉原料竹笋基地", "螺蛳粉产业链原料基地，订单收购贫困户竹笋"),
    (ProjectCategory.INDUSTRY, "{v}林下木耳种植", "短平快林下经济，贫困户参与种植和务工"),
    (ProjectCategory.COLLECTIVE_ECONOMY, "{v}村级集体经济光伏电站", "电站收益纳入村集体经济，设公益岗位"),
    (ProjectCategory.RELOCATION_FOLLOWUP, "{t}易地扶贫搬迁安置点微车间", "搬迁户在家门口就业"),
    (ProjectCategory.COLLABORATION, "粤桂协作{v}茶叶加工厂", "湛江帮扶资金建设，优先吸纳贫困劳动力"),
]

# Status cycle: every state of the life appears somewhere in the demo.
STATES = cycle([
    ProjectStatus.SUBMITTED, ProjectStatus.COUNTY_DEPARTMENTS, ProjectStatus.ADMITTED, ProjectStatus.PLANNED,
    ProjectStatus.STARTED, ProjectStatus.STARTED, ProjectStatus.COMPLETED, ProjectStatus.ACCEPTED,
    ProjectStatus.SETTLED, ProjectStatus.COUNTY_OFFICE, ProjectStatus.CITY_OFFICE, ProjectStatus.RETURNED,
    ProjectStatus.ANNOUNCED, ProjectStatus.REJECTED, ProjectStatus.CANCELLED, ProjectStatus.CLEARED,
])


def demo_projects(ids: dict[str, int]) -> list[Project]:
    """Deterministic demo entries in registry villages (ids by name): every county, every category, every state."""
    projects, n = [], 0
    for county, (owner, villages) in PLACES.items():
        for township, village in villages:
            for offset in range(2 if len(villages) < 3 else 1):
                category, name, mechanism = KINDS[n % len(KINDS)]
                year = 2018 + n % 3
                central = Decimal(300_000 + 137_500 * (n % 11))
                county_money = Decimal(50_000 + 12_345 * (n % 5)) + Decimal("0.50")
                households = 12 + (n * 7) % 60
                projects.append(Project(
                    name=name.format(v=village, t=township) + ("（二期）" if offset else ""),
                    county_code=county, township=township, village=village, village_id=ids[village],
                    poor_village_ids=[ids[village]], natural_village_ids=[], category=category,
                    owner_org=owner, status=next(STATES), uses_fiscal_funds=True,
                    total_budget=central + county_money, poor_households=households,
                    poor_people=households * 4, poor_villages=[village], mechanism=mechanism,
                    targets=[{"indicator": "带动贫困户", "unit": "户", "target_value": str(households)}],
                    planned_start_year=year, planned_end_year=year + 1, version=1, submitted_by="demo",
                    budget_lines=[BudgetLine(source="central", year=year, amount=central),
                                  BudgetLine(source="county", year=year + 1, amount=county_money)],
                ))
                with_life(projects[-1], n)
                n += 1
    return projects


_AFTER_ADMISSION = [ProjectStatus.ADMITTED, ProjectStatus.PLANNED, ProjectStatus.STARTED, ProjectStatus.COMPLETED,
                    ProjectStatus.ACCEPTED, ProjectStatus.SETTLED]


def with_life(p: Project, n: int) -> None:
    """Fill the dates, codes and reasons an entry in its state would have, so the demo reads like a real library."""
    year = p.planned_start_year
    p.progress_percent, p.breach_rules = 0, ""
    if p.status == ProjectStatus.RETURNED:
        p.returned_from = ProjectStatus.COUNTY_DEPARTMENTS
    if p.status == ProjectStatus.ANNOUNCED:
        p.notice_starts_on, p.notice_ends_on = date(year, 3, 1), date(year, 3, 7)
    if p.status in (ProjectStatus.REJECTED, ProjectStatus.CANCELLED, ProjectStatus.CLEARED):
        p.ended_on = date(year, 6, 30)
        p.end_reason = {ProjectStatus.REJECTED: "带贫减贫机制不清，不予入库",
                        ProjectStatus.CANCELLED: "选址涉及基本农田，无法实施",
                        ProjectStatus.CLEARED: "入库后逾期未开工，清理出库"}[p.status]
    if p.status not in _AFTER_ADMISSION:
        return
    reached = _AFTER_ADMISSION.index(p.status)
    p.admitted_on, p.library_code = date(year - 1, 11, 20), f"{p.county_code}-{year - 1}-{n + 1:04d}"
    if reached >= 1:
        p.plan_year = year
    if reached >= 2:
        p.started_on, p.progress_percent, p.last_progress_on = date(year, 3, 15), 45, date(year, 6, 30)
    if reached >= 3:
        p.completed_on, p.progress_percent = date(year, 10, 31), 100
    if reached >= 4:
        p.accepted_on, p.actual_households, p.actual_people = date(year, 12, 10), p.poor_households, p.poor_people
    if reached >= 5:
        p.settled_on = date(year + 1, 1, 15)


async def load_demo(url: str) -> int:
    """Insert the demo entries when the library is empty; returns how many were inserted."""
    engine = make_engine(url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            repo = ProjectRepository(session)
            if await repo.any_stored():
                return 0
            villages = await demo_registry(session, DEMO)
            projects = await repo.add_all(demo_projects(villages))
            # Each demo entry comes in the way an imported one does: timeline step, audit record and event, so
            # the feed agrees with the library from the start.
            for p in projects:
                await record_import(session, DEMO, p, "演示数据", {}, utcnow())
        return len(projects)
    finally:
        await engine.dispose()


if __name__ == "__main__":
    inserted = asyncio.run(load_demo(sys.argv[1] if len(sys.argv) > 1 else Settings().database_url))
    print(f"projects: {inserted} demo entries loaded" if inserted else "projects: library not empty, demo skipped")
