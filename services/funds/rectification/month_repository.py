"""All SQL of a month's rectification figures per county (月度通报): one grouped query."""
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.month_figures import CasesMonthRow
from services.funds.ledger.repository import in_scope
from services.funds.rectification.models import RectificationCase
from services.kit.auth import Principal


async def month_rows(session: AsyncSession, principal: Principal, first: date, last: date,
                     as_of: date) -> list[CasesMonthRow]:
    """Per county in scope: cases open and overdue on `as_of`, and closed between `first` and `last`."""
    c = RectificationCase
    still_open = and_(c.opened_on <= as_of, or_(c.closed_on.is_(None), c.closed_on > as_of))
    query = (select(c.county_code, func.count().filter(still_open),
                    func.count().filter(and_(still_open, c.deadline < as_of)),
                    func.count().filter(c.closed_on.between(first, last)))
             .where(in_scope(c.county_code, principal)).group_by(c.county_code).order_by(c.county_code))
    return [CasesMonthRow(county_code=county, open=int(n_open), overdue=int(n_overdue),
                          closed_in_month=int(n_closed))
            for county, n_open, n_overdue, n_closed in (await session.execute(query)).all()]
