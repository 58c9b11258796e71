"""All SQL about annual plans and their entries, each read starting from the plans the caller may see."""
from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from services.kit.auth import Principal
from services.kit.repository import Repository
from services.projects.library.models import Project
from services.projects.plans.models import AnnualPlan, PlanEntry
from services.projects.terms import PlanStatus


class AnnualPlanRepository(Repository[AnnualPlan]):
    """Annual plans (年度实施计划): county roles read their county's, city roles every county's."""

    model = AnnualPlan

    async def find(self, county: str, year: int, principal: Principal) -> AnnualPlan | None:
        """The county's plan for the year, if any and the caller may see it."""
        query = self.readable(principal).where(AnnualPlan.county_code == county, AnnualPlan.year == year)
        return (await self.session.scalars(query)).one_or_none()

    async def listed(self, principal: Principal, county: str | None, year: int | None) -> list[AnnualPlan]:
        """Plans in scope, newest year first (a county has one per year, so the list stays short)."""
        query = self.readable(principal).order_by(AnnualPlan.year.desc(), AnnualPlan.county_code).limit(500)
        if county:
            query = query.where(AnnualPlan.county_code == county)
        if year:
            query = query.where(AnnualPlan.year == year)
        return list((await self.session.scalars(query)).all())


class PlanEntryRepository(Repository[PlanEntry]):
    """Entries' memberships of plans: readable where their plan is."""

    model = PlanEntry
    county_column = None

    def readable(self, principal: Principal) -> Select[PlanEntry]:
        """Memberships of the plans the caller may see."""
        plans = AnnualPlanRepository(self.session)
        return select(PlanEntry).join(AnnualPlan, AnnualPlan.id == PlanEntry.plan_id).where(*plans.scope(principal))

    async def membership(self, plan_id: int, project_id: int) -> PlanEntry | None:
        """The entry's membership of the plan, removed or not (the caller has read the plan)."""
        query = select(PlanEntry).where(PlanEntry.plan_id == plan_id, PlanEntry.project_id == project_id)
        return (await self.session.scalars(query)).one_or_none()

    async def with_projects(self, plan_id: int, principal: Principal) -> list[tuple[PlanEntry, str, str]]:
        """Every membership of a plan with its entry's name and state."""
        query = (self.readable(principal).add_columns(Project.name, Project.status)
                 .join(Project, Project.id == PlanEntry.project_id)
                 .where(PlanEntry.plan_id == plan_id).order_by(PlanEntry.id))
        return [(e, name, str(status)) for e, name, status in (await self.session.execute(query)).all()]

    async def active_projects(self, plan_id: int) -> list[Project]:
        """Entries in the plan and not taken out of it, with their budgets (the caller has read the plan)."""
        query = (select(Project).join(PlanEntry, PlanEntry.project_id == Project.id)
                 .options(selectinload(Project.budget_lines))
                 .where(PlanEntry.plan_id == plan_id, PlanEntry.removed_on.is_(None)).order_by(Project.id))
        return list((await self.session.scalars(query)).all())

    async def open_memberships(self, project_id: int) -> list[PlanEntry]:
        """The entry's memberships of plans that are still open (the caller has read the entry)."""
        query = (select(PlanEntry).join(AnnualPlan, AnnualPlan.id == PlanEntry.plan_id)
                 .where(PlanEntry.project_id == project_id, PlanEntry.removed_on.is_(None),
                        AnnualPlan.status == PlanStatus.OPEN))
        return list((await self.session.scalars(query)).all())

    async def memberships(self, project_id: int, principal: Principal) -> list[tuple[PlanEntry, AnnualPlan]]:
        """Every plan the entry has been in, by year."""
        query = (self.readable(principal).add_columns(AnnualPlan).where(PlanEntry.project_id == project_id)
                 .order_by(AnnualPlan.year, PlanEntry.id))
        return [(e, p) for e, p in (await self.session.execute(query)).all()]
