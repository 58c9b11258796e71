"""The county ranking of a month (每月一评比, 黑榜) as the caller may see it."""
from contracts.reporting import Ranking
from services.reporting.bulletins.service import city_ranking
from services.reporting.deps import Ctx
from services.reporting.figures.service import checked_month
from services.reporting.sources.client import Calls


async def county_ranking(ctx: Ctx, month_text: str) -> Ranking:
    """The month's ranking (as issued when it was); a county's reader gets its own row, the bottom list whole."""
    month = checked_month(ctx, month_text)
    rows = await city_ranking(ctx, month, Calls())
    bottom = [r.county_code for r in rows if r.bottom]
    county = ctx.principal.county
    return Ranking(month=str(month), rows=[r for r in rows if county is None or r.county_code == county],
                   bottom=bottom)
