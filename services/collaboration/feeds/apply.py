"""Applying one event of the projects or funds feed to what the collaboration service keeps of it.

Each function is called once per event (the follower skips events at or below the stored cursor inside the
applying transaction), so absolute figures the funds events carry (an allocation's spent and balance) are taken as
they come, in feed order.
"""
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.enums import SourceLevel
from contracts.events import EventPayload
from contracts.events.funds import (
    FundBatchReceived,
    FundsAllocated,
    FundsReallocated,
    FundsRecovered,
    FundsSpent,
    SpendingReversed,
)
from contracts.events.projects import ProjectSnapshot
from services.collaboration.feeds.models import GuangdongAllocation, GuangdongBatch, LibraryEntry
from services.kit.db import Base


async def apply_project(session: AsyncSession, p: ProjectSnapshot) -> bool:
    """Take an entry's state when it is newer than the one held."""
    row = await session.get(LibraryEntry, p.project_id)
    if row is None:
        session.add(LibraryEntry(project_id=p.project_id, name=p.name, county_code=p.county_code, status=p.status,
                                 owner_org=p.owner_org, library_code=p.library_code, version=p.version))
        await session.flush()  # the session does not autoflush: the page's next event must find this row
        return True
    if row.version >= p.version:
        return False
    row.name, row.county_code, row.status, row.owner_org, row.version = (p.name, p.county_code, p.status,
                                                                         p.owner_org, p.version)
    row.library_code = p.library_code or row.library_code
    return True


async def _added(session: AsyncSession, row: Base) -> bool:
    """Stage a new row and flush it, so the page's next event finds it (the session does not autoflush)."""
    session.add(row)
    await session.flush()
    return True


async def apply_funds(session: AsyncSession, e: EventPayload) -> bool:
    """Take a Guangdong batch, allocation or movement on one; other sources' money is not ours to keep."""
    if isinstance(e, FundBatchReceived):
        if e.source_level != SourceLevel.GUANGDONG:
            return False
        return await _added(session, GuangdongBatch(batch_id=e.batch_id, county_code=e.county_code, year=e.year,
                                                    doc_number=e.doc_number, amount=e.amount,
                                                    received_on=e.received_on))
    if isinstance(e, FundsAllocated):
        if e.source_level != SourceLevel.GUANGDONG:
            return False
        return await _added(session, GuangdongAllocation(
            allocation_id=e.allocation_id, batch_id=e.batch_id, project_id=e.project_id, county_code=e.county_code,
            year=e.year, amount=e.amount, spent=Decimal(0), balance=e.amount, allocated_on=e.allocated_on))
    if isinstance(e, FundsReallocated):
        batch = await session.get(GuangdongBatch, e.batch_id)
        if batch is None:
            return False
        return await _added(session, GuangdongAllocation(
            allocation_id=e.to_allocation_id, batch_id=e.batch_id, project_id=e.to_project_id,
            county_code=e.county_code, year=batch.year, amount=e.amount, spent=Decimal(0), balance=e.amount,
            allocated_on=e.transferred_on))
    if isinstance(e, FundsSpent | SpendingReversed | FundsRecovered):
        row = await session.get(GuangdongAllocation, e.allocation_id)
        if row is None:
            return False
        row.balance = e.allocation_balance
        if isinstance(e, FundsSpent):
            row.spent = e.allocation_spent
            row.first_spent_on = min(row.first_spent_on or e.spent_on, e.spent_on)
        elif isinstance(e, SpendingReversed):
            row.spent = e.allocation_spent
        return True
    return False
