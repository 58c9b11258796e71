"""All SQL of a month's library figures per county (月度通报): grouped counts, whatever the library's size."""
from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_, select

from services.kit.auth import Principal
from services.kit.repository import Repository
from services.projects.clearout.sweep import NOT_STARTED, Cutoffs
from services.projects.library.models import Project

STARTED = "started"


def stalled(c: Cutoffs) -> ColumnElement[bool]:
    """Stalled entries (the clear-out sweep's two stall rules): not started in time, or started and quiet."""
    quiet = func.coalesce(Project.last_progress_on, Project.started_on) <= c.last_quiet_day
    return or_(and_(Project.status.in_(NOT_STARTED), Project.planned_start_year <= c.last_stalled_start_year),
               and_(Project.status == STARTED, quiet))


class MonthFigureRepository(Repository[Project]):
    """Counts of library entries per county within the caller's county (the month figures admit no project
    owners, so the county is the whole scope)."""

    model = Project

    async def by_status(self, principal: Principal) -> list[tuple[str, str, int]]:
        """(county, state, entries), one grouped query."""
        query = (select(Project.county_code, Project.status, func.count()).where(*self.scope(principal))
                 .group_by(Project.county_code, Project.status).order_by(Project.county_code, Project.status))
        return [(county, str(status), int(n)) for county, status, n in (await self.session.execute(query)).all()]

    async def per_county(self, principal: Principal, condition: ColumnElement[bool]) -> dict[str, int]:
        """county → entries meeting the condition, one grouped query."""
        query = (select(Project.county_code, func.count()).where(*self.scope(principal), condition)
                 .group_by(Project.county_code))
        return {county: int(n) for county, n in (await self.session.execute(query)).all()}

    async def month_counts(self, principal: Principal, first: date, last: date,
                           cutoffs: Cutoffs) -> dict[str, dict[str, int]]:
        """name → county → entries: admitted and started between `first` and `last`, and stalled."""
        return {"admitted_in_month": await self.per_county(principal, Project.admitted_on.between(first, last)),
                "started_in_month": await self.per_county(principal, Project.started_on.between(first, last)),
                "stalled": await self.per_county(principal, stalled(cutoffs))}
