"""REST endpoint of a month's library figures per county, read by the reporting service in one call."""
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter

from contracts.month_figures import MonthText, ProjectsMonthRow
from services.kit.auth import READ_ROLES, Role
from services.kit.context import RequestContext, context
from services.projects.monthly.service import month_figures

router = APIRouter(tags=["bulletin figures"])
# County and city readers (the figures are per county: a project unit's own entries are another view).
if TYPE_CHECKING:  # the dependency's Annotated type is built at run time
    CountyReader = RequestContext[Any]
else:
    CountyReader = context(*(READ_ROLES - {Role.PROJECT_OWNER}), read_only=True)


@router.get("/figures/month", response_model=list[ProjectsMonthRow],
            summary="Per county: entries by state, admitted and started in the month, stalled (月度通报)")
async def month_bulletin_figures(ctx: CountyReader, month: MonthText) -> list[ProjectsMonthRow]:
    """A month's figures of every county in the caller's scope."""
    return await month_figures(ctx, month)
