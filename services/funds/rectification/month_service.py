"""A month's rectification figures per county (月度通报数据), read by the reporting service in one call."""
from typing import Any

from contracts.month_figures import CasesMonthRow
from services.funds.rectification.month_repository import CaseMonthRepository
from services.kit.context import RequestContext
from services.kit.months import Month


async def month_cases(ctx: RequestContext[Any], month_text: str) -> list[CasesMonthRow]:
    """Per county in scope: cases open and overdue on the month's last day (today while it runs), closed in it."""
    month = Month.parse(month_text)
    rows = await CaseMonthRepository(ctx.session).month_rows(ctx.principal, month.first, month.last,
                                                             month.as_of(ctx.clock.today()))
    return [CasesMonthRow(county_code=county, open=n_open, overdue=n_overdue, closed_in_month=n_closed)
            for county, n_open, n_overdue, n_closed in rows]
