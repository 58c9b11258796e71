"""All SQL of a month's rectification figures per county (月度通报): one grouped query."""
from datetime import date

from sqlalchemy import and_, func, or_, select

from services.funds.rectification.models import RectificationCase
from services.kit.auth import Principal
from services.kit.repository import Repository


class CaseMonthRepository(Repository[RectificationCase]):
    """Counts of rectification cases per county within the caller's county."""

    model = RectificationCase

    async def month_rows(self, principal: Principal, first: date, last: date,
                         as_of: date) -> list[tuple[str, int, int, int]]:
        """(county, open on `as_of`, overdue on `as_of`, closed between `first` and `last`)."""
        c = RectificationCase
        still_open = and_(c.opened_on <= as_of, or_(c.closed_on.is_(None), c.closed_on > as_of))
        query = (select(c.county_code, func.count().filter(still_open),
                        func.count().filter(and_(still_open, c.deadline < as_of)),
                        func.count().filter(c.closed_on.between(first, last)))
                 .where(*self.scope(principal)).group_by(c.county_code).order_by(c.county_code))
        return [(county, int(o), int(d), int(x)) for county, o, d, x in (await self.session.execute(query)).all()]
