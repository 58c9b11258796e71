"""Closing a county's month for reporting (关账) and reading the closed months with their corrections."""
from typing import Any

from contracts.periods import PeriodCorrectionRead, PeriodRead
from services.kit.audit import audit
from services.kit.context import RequestContext
from services.kit.errors import conflict, not_found
from services.kit.months import Month
from services.kit.periods.guard import county_month, lock_county
from services.kit.periods.models import ClosedPeriod, PeriodCorrection
from services.kit.periods.repository import PeriodRepository

Ctx = RequestContext[Any]


def period_read(row: ClosedPeriod, corrections: list[PeriodCorrection]) -> PeriodRead:
    """A closed month with its corrections."""
    mine = [PeriodCorrectionRead.model_validate(c) for c in corrections
            if (c.county_code, c.month) == (row.county_code, row.month)]
    return PeriodRead(county_code=row.county_code, month=row.month, closed_at=row.closed_at, closed_by=row.closed_by,
                      closed_by_role=row.closed_by_role, corrections=mine)


async def close_month(ctx: Ctx, county: str, month: Month) -> PeriodRead:
    """Close a county's month for reporting (关账); closing it again answers the month as closed (idempotent)."""
    ctx.check_county(county, "县区扶贫办只能关闭本县区的月份")
    if month.last >= ctx.clock.today():
        raise conflict("period.month_not_over", f"{county_month(county, month)} 尚未结束，月末之后才能关账",
                       month=str(month))
    await lock_county(ctx.session, county, exclusive=True)
    repo = PeriodRepository(ctx.session)
    found = await repo.closed(county, [month])
    if found:
        return period_read(found[0], await repo.corrections(found))
    row = await repo.add(ClosedPeriod(county_code=county, month=str(month), closed_at=ctx.clock.now(),
                                      closed_by=ctx.principal.sub, closed_by_role=str(ctx.principal.role)))
    await audit(ctx.session, ctx.principal, "period.close", "period", f"{county}:{month}", None,
                {"county_code": county, "month": str(month)})
    return period_read(row, [])


async def read_month(ctx: Ctx, county: str, month: Month) -> PeriodRead:
    """One closed month of the caller's scope with its corrections; 404 when it is open (or out of scope)."""
    repo = PeriodRepository(ctx.session)
    rows = await repo.listed(ctx.principal, county, None, month)
    if not rows:
        raise not_found("period.not_found", f"{county_month(county, month)} 未关账或不在查看范围内")
    return period_read(rows[0], await repo.corrections(rows))


async def list_months(ctx: Ctx, county: str | None, year: int | None, month: Month | None) -> list[PeriodRead]:
    """Closed months of the caller's scope, by county then month, each with its corrections."""
    repo = PeriodRepository(ctx.session)
    rows = await repo.listed(ctx.principal, county, year, month)
    corrections = await repo.corrections(rows)
    return [period_read(row, corrections) for row in rows]
