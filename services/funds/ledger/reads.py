"""What the ledger shows (资金台账): pages of batches, allocations, entries, recoveries and transfers, and each
project's funding in one batch read for the gateway."""
from datetime import date
from decimal import Decimal

from contracts.funds import AllocationRead, BatchRead, ProjectFunding, RecoveryRead, SpendingRead, TransferRead
from services.funds.deps import Ctx
from services.funds.idle import service as idle
from services.funds.idle.schemas import IdleFilter
from services.funds.ledger.models import Allocation, FundBatch, Transfer
from services.funds.ledger.repository import (
    AllocationRepository,
    BatchRepository,
    RecoveryRepository,
    SpendingRepository,
    TransferRepository,
)
from services.kit.pagination import Page, decode_cursor, page_of

FUNDING_LIMIT = 10_000  # allocations and idle items of the projects of one batch read


async def load_batch(ctx: Ctx, batch_id: int) -> FundBatch:
    """A batch the caller may see; 404 otherwise."""
    return await BatchRepository(ctx.session).get_or_404(
        batch_id, ctx.principal, "funds.batch_not_found",
        f"资金批次 {batch_id} 不存在或不在当前账号的查看范围内")


async def load_allocation(ctx: Ctx, allocation_id: int) -> Allocation:
    """An allocation the caller may see; 404 otherwise."""
    return await AllocationRepository(ctx.session).get_or_404(
        allocation_id, ctx.principal, "funds.allocation_not_found",
        f"资金分配 {allocation_id} 不存在或不在当前账号的查看范围内")


def transfer_read(t: Transfer, recovered_on: date, started_on: date | None) -> TransferRead:
    """A transfer with its day counts."""
    return TransferRead(
        id=t.id, recovery_id=t.recovery_id, from_allocation_id=t.from_allocation_id,
        to_allocation_id=t.to_allocation_id, from_project_id=t.from_project_id, to_project_id=t.to_project_id,
        county_code=t.county_code, amount=t.amount, recovered_on=recovered_on, transferred_on=t.transferred_on,
        to_project_started_on=started_on, days_recovery_to_reallocation=(t.transferred_on - recovered_on).days,
        days_reallocation_to_start=(started_on - t.transferred_on).days if started_on else None)


async def page_batches(ctx: Ctx, county: str | None, source_level: str | None, year: int | None,
                       after: str | None, limit: int) -> Page[BatchRead]:
    """Fund batches in scope, newest first."""
    batches = BatchRepository(ctx.session)
    rows = await batches.page(batches.filtered(ctx.principal, county, source_level, year), decode_cursor(after), limit)
    return page_of(rows, limit, BatchRead.model_validate)


async def page_allocations(ctx: Ctx, batch_id: int | None, project_ids: list[int] | None, after: str | None,
                           limit: int) -> Page[AllocationRead]:
    """Allocations in scope of some projects or of a batch, oldest first."""
    allocations = AllocationRepository(ctx.session)
    rows = await allocations.page(allocations.of(ctx.principal, project_ids, batch_id), decode_cursor(after), limit,
                                  newest_first=False)
    return page_of(rows, limit, AllocationRead.model_validate)


async def page_spendings(ctx: Ctx, allocation_id: int, after: str | None, limit: int) -> Page[SpendingRead]:
    """An allocation's spending and reversal entries in order; 404 when the allocation is not the caller's."""
    await load_allocation(ctx, allocation_id)
    spendings = SpendingRepository(ctx.session)
    rows = await spendings.page(spendings.of_allocation(ctx.principal, allocation_id), decode_cursor(after), limit,
                                newest_first=False)
    return page_of(rows, limit, SpendingRead.model_validate)


async def page_recoveries(ctx: Ctx, after: str | None, limit: int) -> Page[RecoveryRead]:
    """Recoveries in scope, newest first."""
    recoveries = RecoveryRepository(ctx.session)
    rows = await recoveries.page(recoveries.readable(ctx.principal), decode_cursor(after), limit)
    return page_of(rows, limit, RecoveryRead.model_validate)


async def page_transfers(ctx: Ctx, county: str | None, after: str | None, limit: int) -> Page[TransferRead]:
    """Reallocations in scope, newest first, with days from recovery to reallocation and to the new start."""
    rows = await TransferRepository(ctx.session).page_dated(ctx.principal, county, decode_cursor(after), limit)
    return page_of(rows, limit, lambda row: transfer_read(*row), key=lambda row: row[0].id)


def _total(rows: list[Allocation], name: str) -> Decimal:
    return sum((getattr(a, name) for a in rows), Decimal("0.00"))


async def project_funding(ctx: Ctx, project_ids: list[int]) -> list[ProjectFunding]:
    """Each project's allocations, totals and idle items in scope, in the order asked (项目资金情况)."""
    allocations = AllocationRepository(ctx.session)
    rows = await allocations.every(allocations.of(ctx.principal, project_ids), FUNDING_LIMIT)
    items = await idle.every_item(ctx, IdleFilter(project_ids=tuple(project_ids)), FUNDING_LIMIT)
    out = []
    for pid in project_ids:
        mine = [a for a in rows if a.project_id == pid]
        out.append(ProjectFunding(
            project_id=pid, allocated=_total(mine, "amount"), spent=_total(mine, "spent"),
            recovered=_total(mine, "recovered"), balance=_total(mine, "balance"),
            allocations=[AllocationRead.model_validate(a) for a in mine],
            idle_items=[i for i in items if i.project_id == pid]))
    return out
