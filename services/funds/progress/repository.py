"""All SQL of spending progress (资金支出进度): sums per county, source level and year."""
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.idle.repository import IdleRules, idle_items
from services.funds.ledger.models import Allocation, FundBatch

Key = tuple[str, str, int]


def _scoped(query, table, county: str | None, source: str | None, year: int | None):
    for column, value in ((table.county_code, county), (table.source_level, source), (table.year, year)):
        if value is not None:
            query = query.where(column == value)
    return query


async def figures(session: AsyncSession, rules: IdleRules, county: str | None, source: str | None,
                  year: int | None) -> dict[Key, dict]:
    """{(county, source, year): received, allocated, spent, recovered, idle} — three grouped queries."""
    out: dict[Key, dict] = {}

    def at(key) -> dict:
        return out.setdefault((key[0], str(key[1]), key[2]), {})

    b = FundBatch
    query = select(b.county_code, b.source_level, b.year, func.sum(b.amount), func.sum(b.allocated)) \
        .group_by(b.county_code, b.source_level, b.year)
    for c, s, y, received, allocated in (await session.execute(_scoped(query, b, county, source, year))).all():
        at((c, s, y)).update(received=received, allocated=allocated)
    a = Allocation
    query = select(a.county_code, a.source_level, a.year, func.sum(a.spent), func.sum(a.recovered)) \
        .group_by(a.county_code, a.source_level, a.year)
    for c, s, y, spent, recovered in (await session.execute(_scoped(query, a, county, source, year))).all():
        at((c, s, y)).update(spent=spent, recovered=recovered)
    items = idle_items(rules)
    query = select(items.c.county_code, items.c.source_level, items.c.year, func.sum(items.c.amount)) \
        .group_by(items.c.county_code, items.c.source_level, items.c.year)
    query = _scoped(query, items.c, county, source, year)
    for c, s, y, idle in (await session.execute(query)).all():
        at((c, s, y)).update(idle=idle)
    return out
