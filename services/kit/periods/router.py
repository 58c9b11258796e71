"""REST endpoints of closed reporting months (关账), mounted by projects, funds and employment."""
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from contracts.periods import PeriodRead
from services.kit.auth import READ_ROLES, Role
from services.kit.context import RequestContext, context_dependency
from services.kit.contract import problems
from services.kit.counties import is_liuzhou_county
from services.kit.errors import FieldError, unprocessable
from services.kit.months import Month
from services.kit.periods.service import close_month, list_months, read_month
from services.kit.values import Year

# The path parameters' 404s, for each service's NOT_FOUND map.
PERIOD_NOT_FOUND = {"county_code": ("period.not_found", "关账月份"), "month": ("period.not_found", "关账月份")}
# The county office closes its county's months; the city office any county's.
Closer = Annotated[RequestContext[Any], Depends(context_dependency(Role.COUNTY_OFFICE, Role.CITY_OFFICE))]
Reader = Annotated[RequestContext[Any], Depends(context_dependency(*READ_ROLES))]
# The patterns are documented, not enforced by the framework: a write to a malformed month is told why (422), not
# answered as a missing record (the 404 the kit gives a malformed path parameter).
CountyCode = Annotated[str, Path(description="县区代码（GB/T 2260，六位）", json_schema_extra={"pattern": r"^\d{6}$"})]
MonthText = Annotated[str, Path(description="月份 YYYY-MM",
                                json_schema_extra={"pattern": r"^\d{4}-(0[1-9]|1[0-2])$"})]


def _county(code: str, field: str = "county_code") -> str:
    if not is_liuzhou_county(code):
        raise unprocessable("request.invalid", "不是柳州市的县区代码", [FieldError(field, "不是柳州市的县区代码")])
    return code


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
async def get_period(county_code: CountyCode, month: MonthText, ctx: Reader) -> PeriodRead:
    """A closed month with the corrections made to it since (its timeline)."""
    return await read_month(ctx, _county(county_code), Month.parse(month))


@router.put("/{county_code}/{month}", response_model=PeriodRead, summary="Close a county's month (关账)",
            responses=problems({409: "period.month_not_over: the month has not ended yet",
                                422: "request.invalid: not a Liuzhou county or not YYYY-MM"}))
async def close_period(county_code: CountyCode, month: MonthText, ctx: Closer) -> PeriodRead:
    """Close a county's month for reporting (county office of the county, city office); idempotent."""
    return await close_month(ctx, _county(county_code), Month.parse(month))
