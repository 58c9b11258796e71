"""REST endpoint of a month's library figures per county, read by the reporting service in one call."""
from fastapi import APIRouter

from contracts.month_figures import MonthText, ProjectsMonthRow
from services.kit.months import Month
from services.projects.clearout.sweep import Cutoffs
from services.projects.deps import Actor
from services.projects.figures.month_repository import month_rows

router = APIRouter(tags=["bulletin figures"])


@router.get("/figures/month", response_model=list[ProjectsMonthRow],
            summary="Per county: entries by state, admitted and started in the month, stalled (月度通报)")
async def month_figures(ctx: Actor, month: MonthText) -> list[ProjectsMonthRow]:
    """Stock figures as of the month's last day (today while it runs); stalled by PROJECTS_STALL_MONTHS."""
    m = Month.parse(month)
    cutoffs = Cutoffs.at(m.as_of(ctx.clock.today()), ctx.settings.stall_months)
    return await month_rows(ctx.session, ctx.principal, m.first, m.last, cutoffs)
