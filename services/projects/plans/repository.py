"""All SQL about annual plans and their entries."""
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from services.projects.library.models import Project
from services.projects.plans.models import AnnualPlan, PlanEntry


async def find_plan(session: AsyncSession, county: str, year: int) -> AnnualPlan | None:
    """The county's plan for the year, if any."""
    query = select(AnnualPlan).where(AnnualPlan.county_code == county, AnnualPlan.year == year)
    return (await session.scalars(query)).one_or_none()


async def list_plans(session: AsyncSession, scope_county: str | None, county: str | None,
                     year: int | None) -> list[AnnualPlan]:
    """Plans in scope, newest year first (a county has one per year, so the list stays short)."""
    query = select(AnnualPlan).order_by(AnnualPlan.year.desc(), AnnualPlan.county_code).limit(500)
    for column, value in ((AnnualPlan.county_code, scope_county), (AnnualPlan.county_code, county),
                          (AnnualPlan.year, year)):
        if value:
            query = query.where(column == value)
    return list((await session.scalars(query)).all())


async def plan_entry(session: AsyncSession, plan_id: int, project_id: int) -> PlanEntry | None:
    """The entry's membership of the plan, removed or not."""
    query = select(PlanEntry).where(PlanEntry.plan_id == plan_id, PlanEntry.project_id == project_id)
    return (await session.scalars(query)).one_or_none()


async def entries_with_projects(session: AsyncSession, plan_id: int) -> list[tuple[PlanEntry, str, str]]:
    """Every membership of a plan with its entry's name and state."""
    query = (select(PlanEntry, Project.name, Project.status).join(Project, Project.id == PlanEntry.project_id)
             .where(PlanEntry.plan_id == plan_id).order_by(PlanEntry.id))
    return [(e, name, str(status)) for e, name, status in (await session.execute(query)).all()]


async def active_projects(session: AsyncSession, plan_id: int) -> list[Project]:
    """Entries in the plan and not taken out of it."""
    query = (select(Project).join(PlanEntry, PlanEntry.project_id == Project.id)
             .options(selectinload(Project.budget_lines))
             .where(PlanEntry.plan_id == plan_id, PlanEntry.removed_on.is_(None)).order_by(Project.id))
    return list((await session.scalars(query)).all())


async def open_memberships(session: AsyncSession, project_id: int) -> list[PlanEntry]:
    """The entry's memberships of plans that are still open."""
    query = (select(PlanEntry).join(AnnualPlan, AnnualPlan.id == PlanEntry.plan_id)
             .where(PlanEntry.project_id == project_id, PlanEntry.removed_on.is_(None), AnnualPlan.status == "open"))
    return list((await session.scalars(query)).all())


async def memberships(session: AsyncSession, project_id: int) -> list[tuple[PlanEntry, AnnualPlan]]:
    """Every plan the entry has been in, by year."""
    query = (select(PlanEntry, AnnualPlan).join(AnnualPlan, AnnualPlan.id == PlanEntry.plan_id)
             .where(PlanEntry.project_id == project_id).order_by(AnnualPlan.year, PlanEntry.id))
    return [(e, p) for e, p in (await session.execute(query)).all()]
