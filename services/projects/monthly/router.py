"""REST endpoint of a month's library figures per county, read by the reporting service in one call."""
from fastapi import APIRouter

from contracts.month_figures import MonthText, ProjectsMonthRow
from services.projects.deps import CountyFigureReader
from services.projects.monthly.service import month_figures

router = APIRouter(tags=["bulletin figures"])


@router.get("/figures/month", response_model=list[ProjectsMonthRow],
            summary="Per county: entries by state, admitted and started in the month, stalled (月度通报)")
async def month_bulletin_figures(ctx: CountyFigureReader, month: MonthText) -> list[ProjectsMonthRow]:
    """A month's figures of every county in the caller's scope."""
    return await month_figures(ctx, month)
