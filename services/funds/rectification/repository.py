"""All SQL of rectification cases."""
from datetime import date
from decimal import Decimal

from sqlalchemy import and_, func, select, type_coerce
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.ledger.models import Allocation, Recovery
from services.funds.ledger.repository import in_scope
from services.funds.rectification.models import RectificationCase
from services.funds.terms import Money
from services.kit.auth import Principal


async def add(session: AsyncSession, case: RectificationCase) -> RectificationCase:
    """Stage a new case."""
    session.add(case)
    await session.flush()
    return case


async def get(session: AsyncSession, case_id: int, principal: Principal) -> RectificationCase | None:
    """A case the caller may see."""
    query = select(RectificationCase).where(RectificationCase.id == case_id,
                                            in_scope(RectificationCase.county_code, principal))
    return (await session.scalars(query)).one_or_none()


async def open_case_for(session: AsyncSession, batch_id: int | None, allocation_id: int | None) -> int | None:
    """The id of a case not yet closed for this idle item, if any."""
    query = select(RectificationCase.id).where(RectificationCase.status != "closed",
                                               RectificationCase.origin == "idle")
    if batch_id is not None:
        query = query.where(RectificationCase.batch_id == batch_id)
    else:
        query = query.where(RectificationCase.allocation_id == allocation_id)
    return await session.scalar(query.limit(1))


async def page(session: AsyncSession, principal: Principal, county: str | None, status: str | None,
               overdue_on: date | None, project_ids: tuple[int, ...] | None, after: int | None,
               limit: int) -> list[RectificationCase]:
    """Up to limit+1 cases in scope, newest first; `overdue_on` keeps those past deadline and not closed."""
    query = (select(RectificationCase).where(in_scope(RectificationCase.county_code, principal))
             .order_by(RectificationCase.id.desc()).limit(limit + 1))
    if county:
        query = query.where(RectificationCase.county_code == county)
    if status:
        query = query.where(RectificationCase.status == status)
    if overdue_on is not None:
        query = query.where(RectificationCase.status != "closed", RectificationCase.deadline < overdue_on)
    if project_ids is not None:
        query = query.where(RectificationCase.project_id.in_(project_ids))
    if after is not None:
        query = query.where(RectificationCase.id < after)
    return list((await session.scalars(query)).all())


async def unmoved(session: AsyncSession, allocation_filter) -> tuple[Decimal, Decimal]:
    """(balance left, recovered money not yet reallocated) over the allocations matching the filter."""
    balance = await session.scalar(select(func.coalesce(func.sum(Allocation.balance), 0)).where(allocation_filter))
    left = type_coerce(func.coalesce(func.sum(Recovery.amount - Recovery.reallocated), 0), Money())
    waiting = await session.scalar(
        select(left).join(Allocation, Allocation.id == Recovery.allocation_id).where(allocation_filter))
    return Decimal(balance), Decimal(waiting)


def of_allocation(allocation_id: int):
    """Filter: one allocation."""
    return Allocation.id == allocation_id


def of_project(project_id: int):
    """Filter: every allocation of a project."""
    return and_(Allocation.project_id == project_id)


async def weekly(session: AsyncSession, principal: Principal, start: date, end: date) -> list[tuple]:
    """(county, new, overdue, closed) for the week [start, end]."""
    c = RectificationCase
    query = (select(c.county_code,
                    func.count().filter(and_(c.opened_on >= start, c.opened_on <= end)),
                    func.count().filter(and_(c.status != "closed", c.deadline < end)),
                    func.count().filter(and_(c.closed_on >= start, c.closed_on <= end)))
             .where(in_scope(c.county_code, principal)).group_by(c.county_code).order_by(c.county_code))
    return [tuple(r) for r in (await session.execute(query)).all()]


async def overdue_by_county(session: AsyncSession, today: date) -> list[tuple[str, int]]:
    """Cases past deadline and not closed, per county."""
    c = RectificationCase
    query = (select(c.county_code, func.count()).where(c.status != "closed", c.deadline < today)
             .group_by(c.county_code))
    return [(county, n) for county, n in (await session.execute(query)).all()]


async def open_idle_items(session: AsyncSession, principal: Principal) -> set[tuple[str, int]]:
    """(kind, id) of every idle item in scope that already has a case not yet closed."""
    c = RectificationCase
    query = select(c.batch_id, c.allocation_id).where(c.origin == "idle", c.status != "closed",
                                                      in_scope(c.county_code, principal))
    return {("allocation", a) if a is not None else ("batch", b) for b, a in (await session.execute(query)).all()}
