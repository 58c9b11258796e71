"""REST endpoint of a month's rectification figures per county, read by the reporting service in one call."""
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter

from contracts.month_figures import CasesMonthRow, MonthText
from services.funds.rectification.month_service import month_cases
from services.kit.auth import READ_ROLES, Role
from services.kit.context import RequestContext, context

router = APIRouter(prefix="/rectification-cases", tags=["rectification"])
# County and city readers (the figures are per county).
if TYPE_CHECKING:  # the dependency's Annotated type is built at run time
    CountyReader = RequestContext[Any]
else:
    CountyReader = context(*(READ_ROLES - {Role.PROJECT_OWNER}), read_only=True)


@router.get("/month", response_model=list[CasesMonthRow],
            summary="Per county: cases open and overdue at the month's end, closed in the month (月度通报)")
async def month_case_figures(ctx: CountyReader, month: MonthText) -> list[CasesMonthRow]:
    """A month's case figures of every county in the caller's scope."""
    return await month_cases(ctx, month)
