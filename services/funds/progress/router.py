"""Spending progress (资金支出进度) per county, source level and year, with red and yellow flags."""
from decimal import Decimal

from fastapi import APIRouter

from contracts.funds import ProgressRow
from services.funds.deps import Reader
from services.funds.idle.service import rules
from services.funds.progress.repository import figures
from services.funds.terms import SourceLevel
from services.kit.values import Year

router = APIRouter(tags=["spending progress"])
ZERO = Decimal("0.00")


@router.get("/spending-progress", response_model=list[ProgressRow], summary="Spending progress with flags")
async def spending_progress(ctx: Reader, county: str | None = None, source_level: SourceLevel | None = None,
                            year: Year | None = None) -> list[ProgressRow]:
    scope = ctx.principal.county
    if scope is not None and county not in (None, scope):
        return []
    found = await figures(ctx.session, rules(ctx), scope or county, source_level, year)
    rows = []
    for (c, s, y), f in sorted(found.items()):
        received = f.get("received") or ZERO
        spent = f.get("spent") or ZERO
        rate = (spent / received).quantize(Decimal("0.0001")) if received else Decimal(0)
        flag = "red" if rate < ctx.settings.red_spend_rate else \
            "yellow" if rate < ctx.settings.yellow_spend_rate else "green"
        rows.append(ProgressRow(county_code=c, source_level=s, year=y, received=received,
                                allocated=f.get("allocated") or ZERO, spent=spent,
                                recovered=f.get("recovered") or ZERO, idle=f.get("idle") or ZERO,
                                spend_rate=rate, flag=flag))
    return rows
