"""Spending progress (资金支出进度) per county, source level and year: spent ÷ received, with red and yellow flags."""
from decimal import Decimal
from typing import Any

from contracts.funds import ProgressRow
from services.funds.deps import Ctx
from services.funds.idle import service as idle
from services.funds.idle.schemas import IdleFilter
from services.funds.ledger.repository import AllocationRepository, BatchRepository

ZERO = Decimal("0.00")
Group = tuple[str, str, int]  # county, source level, year


def _flag(ctx: Ctx, rate: Decimal) -> str:
    if rate < ctx.settings.red_spend_rate:
        return "red"
    return "yellow" if rate < ctx.settings.yellow_spend_rate else "green"


async def _figures(ctx: Ctx, county: str | None, source: str | None, year: int | None) -> dict[Group, dict[str, Any]]:
    """{group: received, allocated, spent, recovered, idle}: three grouped queries, whatever the number of rows."""
    out: dict[Group, dict[str, Any]] = {}
    for group, received, allocated in await BatchRepository(ctx.session).sums(county, source, year,
                                                                              "amount", "allocated"):
        out.setdefault(group, {}).update(received=received, allocated=allocated)
    for group, spent, recovered in await AllocationRepository(ctx.session).sums(county, source, year,
                                                                                "spent", "recovered"):
        out.setdefault(group, {}).update(spent=spent, recovered=recovered)
    f = IdleFilter(county=county, source_level=source, year=year)
    for row in await idle.idle_items(ctx).sums(ctx.principal, f, ("county_code", "source_level", "year")):
        out.setdefault((row["county_code"], str(row["source_level"]), row["year"]), {})["idle"] = row["amount"]
    return out


async def spending_progress(ctx: Ctx, county: str | None, source_level: str | None,
                            year: int | None) -> list[ProgressRow]:
    """Progress rows in the caller's scope, by county, source level and year."""
    scope = ctx.principal.county
    if scope is not None and county not in (None, scope):
        return []
    rows = []
    for (c, s, y), f in sorted((await _figures(ctx, scope or county, source_level, year)).items()):
        received = f.get("received") or ZERO
        spent = f.get("spent") or ZERO
        rate = (spent / received).quantize(Decimal("0.0001")) if received else Decimal(0)
        rows.append(ProgressRow(county_code=c, source_level=s, year=y, received=received,
                                allocated=f.get("allocated") or ZERO, spent=spent,
                                recovered=f.get("recovered") or ZERO, idle=f.get("idle") or ZERO,
                                spend_rate=rate, flag=_flag(ctx, rate)))
    return rows
