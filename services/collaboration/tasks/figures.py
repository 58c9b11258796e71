"""Completion figures of key tasks (完成率) per county, area and year, computed in SQL."""
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from contracts.collaboration import TaskArea, TaskCompletion
from services.collaboration.tasks.repository import KeyTaskRepository
from services.kit.context import RequestContext

RATE = Decimal("0.0001")


def rate(part: int, whole: int) -> Decimal:
    """part ÷ whole to four decimals (0 when there is nothing to count)."""
    return (Decimal(part) / Decimal(whole)).quantize(RATE, ROUND_HALF_UP) if whole else Decimal("0.0000")


async def completion(ctx: RequestContext[Any], year: int | None, county: str | None, by_area: bool
                     ) -> list[TaskCompletion]:
    """One row per county (and area) and year in the caller's scope."""
    rows = await KeyTaskRepository(ctx.session).completion(ctx.principal, ctx.clock.today(), year, by_area, county)
    return [TaskCompletion(county_code=c, area=TaskArea(a) if a else None, year=y, total=n, done=int(d or 0),
                           overdue=int(o or 0), completion_rate=rate(int(d or 0), n)) for c, a, y, n, d, o in rows]
