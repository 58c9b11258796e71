"""Closing a county's month for reporting (关账), and reading the closed months: the router and its service,
mounted by every service that keeps dated records (projects, funds, employment)."""
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from contracts.periods import PeriodCorrectionRead, PeriodRead
from services.kit.audit import audit
from services.kit.auth import READ_ROLES, Role
from services.kit.context import RequestContext, context_dependency
from services.kit.contract import problems
from services.kit.counties import is_liuzhou_county
from services.kit.errors import FieldError, conflict, not_found, unprocessable
from services.kit.months import Month
from services.kit.periods import ClosedPeriod, PeriodRepository, county_month, lock_county
from services.kit.values import Year

# The path parameters' 404s, for each service's NOT_FOUND map.
PERIOD_NOT_FOUND = {"county_code": ("period.not_found", "关账月份"), "month": ("period.not_found", "关账月份")}
# The county office closes its county's months; the city office any county's.
Closer = Annotated[RequestContext[Any], Depends(context_dependency(Role.COUNTY_OFFICE, Role.CITY_OFFICE))]
Reader = Annotated[RequestContext[Any], Depends(context_dependency(*READ_ROLES))]
Ctx = RequestContext[Any]


def _county(code: str, field: str = "county_code") -> str:
    if not is_liuzhou_county(code):
        raise unprocessable("request.invalid", "不是柳州市的县区代码", [FieldError(field, "不是柳州市的县区代码")])
    return code


def period_read(row: ClosedPeriod, corrections: list[Any]) -> PeriodRead:
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


router = APIRouter(prefix="/periods", tags=["reporting periods"])


@router.get("", response_model=list[PeriodRead], summary="Closed reporting months in scope (已关账月份)")
async def list_periods(
    ctx: Reader,
    county: Annotated[str | None, Query(description="县区代码")] = None,
    year: Annotated[Year | None, Query(description="年度")] = None,
    month: Annotated[str | None, Query(description="月份 YYYY-MM")] = None,
) -> list[PeriodRead]:
    """Closed months of the counties in the caller's scope, by county then month, with their corrections."""
    return await list_months(ctx, _county(county, "county") if county is not None else None, year,
                             Month.parse(month) if month is not None else None)


@router.get("/{county_code}/{month}", response_model=PeriodRead, summary="One closed month and its corrections",
            responses=problems({404: "period.not_found: the month is open, or the county is outside the caller's scope",
                                422: "request.invalid: not a Liuzhou county or not YYYY-MM"}))
async def get_period(county_code: str, month: str, ctx: Reader) -> PeriodRead:
    """A closed month with the corrections made to it since (its timeline)."""
    return await read_month(ctx, _county(county_code), Month.parse(month))


@router.put("/{county_code}/{month}", response_model=PeriodRead, summary="Close a county's month (关账)",
            responses=problems({409: "period.month_not_over: the month has not ended yet",
                                422: "request.invalid: not a Liuzhou county or not YYYY-MM"}))
async def close_period(county_code: str, month: str, ctx: Closer) -> PeriodRead:
    """Close a county's month for reporting (county office of the county, city office); idempotent."""
    return await close_month(ctx, _county(county_code), Month.parse(month))
