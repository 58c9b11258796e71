"""REST endpoint of a month's rectification figures per county, read by the reporting service in one call."""
from fastapi import APIRouter

from contracts.month_figures import CasesMonthRow, MonthText
from services.funds.deps import CountyFigureReader
from services.funds.rectification.month_service import month_cases

router = APIRouter(prefix="/rectification-cases", tags=["rectification"])


@router.get("/month", response_model=list[CasesMonthRow],
            summary="Per county: cases open and overdue at the month's end, closed in the month (月度通报)")
async def month_case_figures(ctx: CountyFigureReader, month: MonthText) -> list[CasesMonthRow]:
    """A month's case figures of every county in the caller's scope."""
    return await month_cases(ctx, month)
