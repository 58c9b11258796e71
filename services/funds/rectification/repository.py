"""All SQL of rectification cases (整改台账)."""
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, func, select

from services.funds.rectification.models import RectificationCase
from services.kit.auth import Principal
from services.kit.repository import Repository

C = RectificationCase


class CaseRepository(Repository[RectificationCase]):
    """Cases of the caller's county; city-wide callers read all."""

    model = RectificationCase

    def filtered(self, principal: Principal, county: str | None = None, status: str | None = None,
                 overdue_on: date | None = None,
                 project_ids: tuple[int, ...] | None = None) -> Select[RectificationCase]:
        """Readable cases narrowed by county, status and projects; `overdue_on` keeps those past deadline then."""
        query = self.readable(principal)
        if county:
            query = query.where(C.county_code == county)
        if status:
            query = query.where(C.status == status)
        if overdue_on is not None:
            query = query.where(C.status != "closed", C.deadline < overdue_on)
        if project_ids is not None:
            query = query.where(C.project_id.in_(project_ids))
        return query

    async def open_case_for(self, batch_id: int | None, allocation_id: int | None) -> int | None:
        """The id of a case not yet closed for this idle item, if any, in any county (an item has one county)."""
        query = select(C.id).where(C.status != "closed", C.origin == "idle")
        if batch_id is not None:
            query = query.where(C.batch_id == batch_id)
        else:
            query = query.where(C.allocation_id == allocation_id)
        return await self.session.scalar(query.limit(1))

    async def open_idle_items(self, principal: Principal) -> set[tuple[str, int]]:
        """(kind, id) of every idle item in scope that already has a case not yet closed."""
        query = select(C.batch_id, C.allocation_id).where(C.origin == "idle", C.status != "closed",
                                                          *self.scope(principal))
        covered: set[tuple[str, int]] = set()
        for batch_id, allocation_id in (await self.session.execute(query)).all():
            if allocation_id is not None:
                covered.add(("allocation", allocation_id))
            elif batch_id is not None:
                covered.add(("batch", batch_id))
        return covered

    async def weekly(self, principal: Principal, start: date, end: date) -> list[tuple[Any, ...]]:
        """(county, new, overdue, closed) for the week [start, end], per county in scope."""
        query = (select(C.county_code,
                        func.count().filter(and_(C.opened_on >= start, C.opened_on <= end)),
                        func.count().filter(and_(C.status != "closed", C.deadline < end)),
                        func.count().filter(and_(C.closed_on >= start, C.closed_on <= end)))
                 .where(*self.scope(principal)).group_by(C.county_code).order_by(C.county_code))
        return [tuple(r) for r in (await self.session.execute(query)).all()]

    async def overdue_by_county(self, today: date) -> list[tuple[str, int]]:
        """Cases past deadline and not closed, per county, of every county (the metrics gauge)."""
        query = (select(C.county_code, func.count()).where(C.status != "closed", C.deadline < today)
                 .group_by(C.county_code))
        return [(county, n) for county, n in (await self.session.execute(query)).all()]
