"""All SQL of the ledger. Every movement is one conditional UPDATE, so two requests can never overdraw."""
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, case, func, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.ledger.models import Allocation, FundBatch, Recovery, Spending, Transfer
from services.funds.projection.models import ProjectState
from services.kit.auth import Principal


def in_scope(column, principal: Principal) -> ColumnElement[bool]:
    """Rows of the caller's county (all for city-wide callers)."""
    return true() if principal.county is None else column == principal.county


async def _fresh(session: AsyncSession, model, row_id: int):
    # After a Core UPDATE the identity map may hold the old amounts; read the row again.
    return await session.get(model, row_id, populate_existing=True)


async def get_batch(session: AsyncSession, batch_id: int, principal: Principal) -> FundBatch | None:
    """A batch, if the caller may see it."""
    query = select(FundBatch).where(FundBatch.id == batch_id, in_scope(FundBatch.county_code, principal))
    return (await session.scalars(query)).one_or_none()


async def find_document(session: AsyncSession, source_level: str, year: int, doc_number: str) -> FundBatch | None:
    """The batch with this document number for the source level and year."""
    query = select(FundBatch).where(FundBatch.source_level == source_level, FundBatch.year == year,
                                    FundBatch.doc_number == doc_number)
    return (await session.scalars(query)).one_or_none()


async def page_batches(session: AsyncSession, principal: Principal, county: str | None, source: str | None,
                       year: int | None, after: int | None, limit: int) -> list[FundBatch]:
    """Up to limit+1 batches in scope, newest first."""
    query = select(FundBatch).where(in_scope(FundBatch.county_code, principal)).order_by(FundBatch.id.desc())
    for column, value in ((FundBatch.county_code, county), (FundBatch.source_level, source), (FundBatch.year, year)):
        if value is not None:
            query = query.where(column == value)
    if after is not None:
        query = query.where(FundBatch.id < after)
    return list((await session.scalars(query.limit(limit + 1))).all())


async def take_from_batch(session: AsyncSession, batch_id: int, amount: Decimal) -> bool:
    """Move amount from unallocated to allocated, only if that much is unallocated."""
    result = await session.execute(
        update(FundBatch).where(FundBatch.id == batch_id, FundBatch.unallocated >= amount)
        .values(allocated=FundBatch.allocated + amount, unallocated=FundBatch.unallocated - amount)
        .execution_options(synchronize_session=False))
    return result.rowcount == 1


async def return_to_batch(session: AsyncSession, batch_id: int, amount: Decimal) -> bool:
    """Move recovered money back from allocated to unallocated."""
    result = await session.execute(
        update(FundBatch).where(FundBatch.id == batch_id, FundBatch.allocated >= amount)
        .values(allocated=FundBatch.allocated - amount, unallocated=FundBatch.unallocated + amount)
        .execution_options(synchronize_session=False))
    return result.rowcount == 1


async def get_allocation(session: AsyncSession, allocation_id: int, principal: Principal) -> Allocation | None:
    """An allocation, if the caller may see it."""
    query = select(Allocation).where(Allocation.id == allocation_id, in_scope(Allocation.county_code, principal))
    return (await session.scalars(query)).one_or_none()


async def allocations(session: AsyncSession, principal: Principal, project_ids: Sequence[int] | None = None,
                      batch_id: int | None = None, limit: int = 1000, after: int | None = None) -> list[Allocation]:
    """Up to `limit` allocations in scope of some projects or of a batch, oldest first, after the id `after`."""
    query = select(Allocation).where(in_scope(Allocation.county_code, principal)).order_by(Allocation.id)
    if project_ids is not None:
        query = query.where(Allocation.project_id.in_(project_ids))
    if batch_id is not None:
        query = query.where(Allocation.batch_id == batch_id)
    if after is not None:
        query = query.where(Allocation.id > after)
    return list((await session.scalars(query.limit(limit))).all())


async def net_allocated(session: AsyncSession, project_id: int, source_level: str) -> Decimal:
    """What a project holds from a source level: allocations net of recoveries."""
    query = select(func.coalesce(func.sum(Allocation.amount), 0), func.coalesce(func.sum(Allocation.recovered), 0)) \
        .where(Allocation.project_id == project_id, Allocation.source_level == source_level)
    amount, recovered = (await session.execute(query)).one()
    return Decimal(amount) - Decimal(recovered)


async def spend(session: AsyncSession, allocation_id: int, amount: Decimal, on: date) -> Allocation | None:
    """Spend from the balance, only if the balance covers it; the fresh row, or None when it does not."""
    latest = case((and_(Allocation.last_spent_on.is_not(None), Allocation.last_spent_on > on),
                   Allocation.last_spent_on), else_=on)
    result = await session.execute(
        update(Allocation).where(Allocation.id == allocation_id, Allocation.balance >= amount)
        .values(spent=Allocation.spent + amount, balance=Allocation.balance - amount, last_spent_on=latest)
        .execution_options(synchronize_session=False))
    return await _fresh(session, Allocation, allocation_id) if result.rowcount == 1 else None


async def unspend(session: AsyncSession, allocation_id: int, amount: Decimal) -> Allocation | None:
    """Put a reversed spending back on the balance."""
    result = await session.execute(
        update(Allocation).where(Allocation.id == allocation_id, Allocation.spent >= amount)
        .values(spent=Allocation.spent - amount, balance=Allocation.balance + amount)
        .execution_options(synchronize_session=False))
    return await _fresh(session, Allocation, allocation_id) if result.rowcount == 1 else None


async def recover(session: AsyncSession, allocation_id: int, amount: Decimal) -> Allocation | None:
    """Take amount off the balance as recovered, only if the balance covers it."""
    result = await session.execute(
        update(Allocation).where(Allocation.id == allocation_id, Allocation.balance >= amount)
        .values(recovered=Allocation.recovered + amount, balance=Allocation.balance - amount)
        .execution_options(synchronize_session=False))
    return await _fresh(session, Allocation, allocation_id) if result.rowcount == 1 else None


async def use_recovery(session: AsyncSession, recovery_id: int, amount: Decimal) -> bool:
    """Mark amount of a recovery as placed elsewhere, never more than was recovered."""
    result = await session.execute(
        update(Recovery).where(Recovery.id == recovery_id, Recovery.reallocated + amount <= Recovery.amount)
        .values(reallocated=Recovery.reallocated + amount).execution_options(synchronize_session=False))
    return result.rowcount == 1


async def add(session: AsyncSession, row):
    """Stage a new row and give it an id."""
    session.add(row)
    await session.flush()
    return row


async def fresh(session: AsyncSession, model, row_id: int):
    """A row read again from the database."""
    return await _fresh(session, model, row_id)


async def spending(session: AsyncSession, spending_id: int) -> Spending | None:
    """One spending entry."""
    return await session.get(Spending, spending_id)


async def voucher_taken(session: AsyncSession, voucher_no: str) -> bool:
    """Whether a voucher number is already recorded."""
    return await session.scalar(select(func.count()).where(Spending.voucher_no == voucher_no)) > 0


async def reversal_of(session: AsyncSession, spending_id: int) -> Spending | None:
    """The reversal of a spending, if any."""
    return (await session.scalars(select(Spending).where(Spending.reverses_id == spending_id))).one_or_none()


async def spendings_of(session: AsyncSession, allocation_id: int, after: int | None, limit: int) -> list[Spending]:
    """Up to limit+1 spending and reversal entries of an allocation, in order."""
    query = select(Spending).where(Spending.allocation_id == allocation_id).order_by(Spending.id)
    if after is not None:
        query = query.where(Spending.id > after)
    return list((await session.scalars(query.limit(limit + 1))).all())


async def get_recovery(session: AsyncSession, recovery_id: int, principal: Principal) -> Recovery | None:
    """A recovery, if the caller may see it."""
    query = select(Recovery).where(Recovery.id == recovery_id, in_scope(Recovery.county_code, principal))
    return (await session.scalars(query)).one_or_none()


async def recoveries(session: AsyncSession, principal: Principal, after: int | None, limit: int) -> list[Recovery]:
    """Up to limit+1 recoveries in scope, newest first."""
    query = select(Recovery).where(in_scope(Recovery.county_code, principal)).order_by(Recovery.id.desc())
    if after is not None:
        query = query.where(Recovery.id < after)
    return list((await session.scalars(query.limit(limit + 1))).all())


async def transfers(session: AsyncSession, principal: Principal, county: str | None, after: int | None,
                    limit: int) -> list[tuple[Transfer, date, date | None]]:
    """Up to limit+1 transfers in scope, newest first, with the recovery date and the new project's start date."""
    query = (select(Transfer, Recovery.recovered_on, ProjectState.started_on)
             .join(Recovery, Recovery.id == Transfer.recovery_id)
             .outerjoin(ProjectState, ProjectState.project_id == Transfer.to_project_id)
             .where(in_scope(Transfer.county_code, principal)).order_by(Transfer.id.desc()).limit(limit + 1))
    if county:
        query = query.where(Transfer.county_code == county)
    if after is not None:
        query = query.where(Transfer.id < after)
    return [(t, r, s) for t, r, s in (await session.execute(query)).all()]


async def scoped_rows(session: AsyncSession, model, principal: Principal, after: int | None, limit: int) -> list:
    """Up to limit+1 rows of a county-scoped table (announcements, evaluations) in scope, newest first."""
    query = select(model).where(in_scope(model.county_code, principal)).order_by(model.id.desc())
    if after is not None:
        query = query.where(model.id < after)
    return list((await session.scalars(query.limit(limit + 1))).all())
