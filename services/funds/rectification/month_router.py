"""REST endpoint of a month's rectification figures per county, read by the reporting service in one call."""
from fastapi import APIRouter

from contracts.month_figures import CasesMonthRow, MonthText
from services.funds.deps import Reader
from services.funds.rectification.month_repository import month_rows
from services.kit.months import Month

router = APIRouter(prefix="/rectification-cases", tags=["rectification"])


@router.get("/month", response_model=list[CasesMonthRow],
            summary="Per county: cases open and overdue at the month's end, closed in the month (月度通报)")
async def month_cases(ctx: Reader, month: MonthText) -> list[CasesMonthRow]:
    """Open and overdue as of the month's last day (today while it runs)."""
    m = Month.parse(month)
    return await month_rows(ctx.session, ctx.principal, m.first, m.last, m.as_of(ctx.clock.today()))
