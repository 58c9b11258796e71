"""All SQL of a month's library figures per county (月度通报): four grouped queries, whatever the library's size."""
from collections import defaultdict
from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.month_figures import Count, ProjectsMonthRow
from services.kit.auth import Principal
from services.projects.clearout.sweep import NOT_STARTED, Cutoffs
from services.projects.library.models import Project
from services.projects.library.repository import visible_to
from services.projects.library.states import STATUS_LABELS
from services.projects.library.states import ProjectStatus as S


def stalled(c: Cutoffs) -> ColumnElement[bool]:
    """Stalled entries (the clear-out sweep's two stall rules): not started in time, or started and quiet."""
    quiet = func.coalesce(Project.last_progress_on, Project.started_on) <= c.last_quiet_day
    return or_(and_(Project.status.in_(NOT_STARTED), Project.planned_start_year <= c.last_stalled_start_year),
               and_(Project.status == S.STARTED, quiet))


async def month_rows(session: AsyncSession, principal: Principal, first: date, last: date,
                     cutoffs: Cutoffs) -> list[ProjectsMonthRow]:
    """One row per county in the caller's scope: entries by state, admitted and started in the month, stalled."""
    county = Project.county_code
    by_status: dict[str, list[Count]] = defaultdict(list)
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    query = (select(county, Project.status, func.count()).where(visible_to(principal))
             .group_by(county, Project.status).order_by(county, Project.status))
    for code, status, n in (await session.execute(query)).all():
        by_status[code].append(Count(key=str(status), label=STATUS_LABELS[S(status)], count=int(n)))
    for name, condition in (("admitted_in_month", Project.admitted_on.between(first, last)),
                            ("started_in_month", Project.started_on.between(first, last)),
                            ("stalled", stalled(cutoffs))):
        query = select(county, func.count()).where(visible_to(principal), condition).group_by(county)
        for code, n in (await session.execute(query)).all():
            counts[code][name] = int(n)
    return [ProjectsMonthRow(county_code=code, by_status=by_status[code],
                             admitted_in_month=counts[code].get("admitted_in_month", 0),
                             started_in_month=counts[code].get("started_in_month", 0),
                             stalled=counts[code].get("stalled", 0))
            for code in sorted(set(by_status) | set(counts))]
