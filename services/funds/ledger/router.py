"""REST endpoints of the ledger. Money-moving POSTs need an Idempotency-Key and the finance role."""
from typing import Annotated

from fastapi import APIRouter, Query, Request

from contracts.funds import AllocationRead, BatchRead, RecoveryRead, SpendingRead, TransferRead
from services.funds.deps import Finance, Reader
from services.funds.ledger import repository as repo
from services.funds.ledger import service
from services.funds.ledger.schemas import (
    AllocationCreate,
    BatchCreate,
    ReallocationCreate,
    RecoveryCreate,
    ReversalCreate,
    SpendingCreate,
)
from services.funds.safety.idempotency import IdempotencyKey, once
from services.funds.terms import SourceLevel
from services.kit.contract import problems
from services.kit.ids import Id, IdFilter, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page, decode_cursor, page_of
from services.kit.values import Year

router = APIRouter(tags=["ledger"])
MOVES = problems({409: "funds.insufficient_balance, funds.project_not_fundable, funds.over_budget, …",
                  422: "idempotency.key_reused (same key, other request) or request.invalid"})


@router.post("/batches", response_model=BatchRead, status_code=201, responses=MOVES,
             summary="Record a fund batch (资金文件到位)")
async def receive_batch(body: BatchCreate, ctx: Finance, key: IdempotencyKey, request: Request):
    async def run():
        return BatchRead.model_validate(await service.receive_batch(ctx, body))
    return await once(ctx.session, ctx.principal, key, request, body, run)


@router.get("/batches", response_model=Page[BatchRead], summary="Fund batches in scope, newest first")
async def list_batches(ctx: Reader, county: str | None = None, source_level: SourceLevel | None = None,
                       year: Year | None = None, after: str | None = None,
                       limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[BatchRead]:
    rows = await repo.page_batches(ctx.session, ctx.principal, county, source_level, year, decode_cursor(after),
                                   limit)
    return page_of(rows, limit, BatchRead.model_validate)


@router.get("/batches/{batch_id}", response_model=BatchRead, summary="One fund batch")
async def get_batch(batch_id: Id, ctx: Reader) -> BatchRead:
    return BatchRead.model_validate(await service.load_batch(ctx, batch_id))


@router.post("/batches/{batch_id}/allocations", response_model=AllocationRead, status_code=201, responses=MOVES,
             summary="Allocate to a fundable project within its budget (资金分配)")
async def allocate(batch_id: Id, body: AllocationCreate, ctx: Finance, key: IdempotencyKey, request: Request):
    async def run():
        return AllocationRead.model_validate(await service.allocate(ctx, batch_id, body))
    return await once(ctx.session, ctx.principal, key, request, body, run)


@router.get("/allocations", response_model=Page[AllocationRead],
            summary="Allocations of projects or of a batch, oldest first, page by page")
async def list_allocations(ctx: Reader, batch_id: IdFilter = None,
                           project_ids: IdList = None,
                           after: str | None = None,
                           limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[AllocationRead]:
    ids = ids_of(project_ids) if project_ids else None
    rows = await repo.allocations(ctx.session, ctx.principal, ids, batch_id, limit + 1, decode_cursor(after))
    return page_of(rows, limit, AllocationRead.model_validate)


@router.get("/allocations/{allocation_id}", response_model=AllocationRead, summary="One allocation")
async def get_allocation(allocation_id: Id, ctx: Reader) -> AllocationRead:
    return AllocationRead.model_validate(await service.load_allocation(ctx, allocation_id))


@router.post("/allocations/{allocation_id}/spendings", response_model=SpendingRead, status_code=201,
             responses=MOVES, summary="Record a reimbursement (报账)")
async def spend(allocation_id: Id, body: SpendingCreate, ctx: Finance, key: IdempotencyKey, request: Request):
    async def run():
        return SpendingRead.model_validate(await service.spend(ctx, allocation_id, body))
    return await once(ctx.session, ctx.principal, key, request, body, run)


@router.get("/allocations/{allocation_id}/spendings", response_model=Page[SpendingRead],
            summary="Spending and reversal entries of an allocation, in order, page by page")
async def list_spendings(allocation_id: Id, ctx: Reader, after: str | None = None,
                         limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[SpendingRead]:
    await service.load_allocation(ctx, allocation_id)
    rows = await repo.spendings_of(ctx.session, allocation_id, decode_cursor(after), limit)
    return page_of(rows, limit, SpendingRead.model_validate)


@router.post("/spendings/{spending_id}/reversal", response_model=SpendingRead, status_code=201, responses=MOVES,
             summary="Reverse a reimbursement with a compensating entry (冲销)")
async def reverse(spending_id: Id, body: ReversalCreate, ctx: Finance, key: IdempotencyKey, request: Request):
    async def run():
        return SpendingRead.model_validate(await service.reverse(ctx, spending_id, body))
    return await once(ctx.session, ctx.principal, key, request, body, run)


@router.post("/allocations/{allocation_id}/recoveries", response_model=RecoveryRead, status_code=201,
             responses=MOVES, summary="Recover money from an allocation (收回)")
async def recover(allocation_id: Id, body: RecoveryCreate, ctx: Finance, key: IdempotencyKey, request: Request):
    async def run():
        return RecoveryRead.model_validate(await service.recover(ctx, allocation_id, body))
    return await once(ctx.session, ctx.principal, key, request, body, run)


@router.get("/recoveries", response_model=Page[RecoveryRead], summary="Recoveries in scope, newest first")
async def list_recoveries(ctx: Reader, after: str | None = None,
                          limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[RecoveryRead]:
    rows = await repo.recoveries(ctx.session, ctx.principal, decode_cursor(after), limit)
    return page_of(rows, limit, RecoveryRead.model_validate)


@router.post("/recoveries/{recovery_id}/reallocations", response_model=TransferRead, status_code=201,
             responses=MOVES, summary="Reallocate recovered money to another project (另行安排)")
async def reallocate(recovery_id: Id, body: ReallocationCreate, ctx: Finance, key: IdempotencyKey,
                     request: Request):
    async def run():
        transfer = await service.reallocate(ctx, recovery_id, body)
        recovery = await repo.get_recovery(ctx.session, recovery_id, ctx.principal)
        return transfer_read(transfer, recovery.recovered_on, None)
    return await once(ctx.session, ctx.principal, key, request, body, run)


def transfer_read(t, recovered_on, started_on) -> TransferRead:
    """A transfer with its day counts."""
    return TransferRead(
        id=t.id, recovery_id=t.recovery_id, from_allocation_id=t.from_allocation_id,
        to_allocation_id=t.to_allocation_id, from_project_id=t.from_project_id, to_project_id=t.to_project_id,
        county_code=t.county_code, amount=t.amount, recovered_on=recovered_on, transferred_on=t.transferred_on,
        to_project_started_on=started_on, days_recovery_to_reallocation=(t.transferred_on - recovered_on).days,
        days_reallocation_to_start=(started_on - t.transferred_on).days if started_on else None)


@router.get("/transfers", response_model=Page[TransferRead],
            summary="Reallocations, newest first, with days from recovery to reallocation and to the new start")
async def list_transfers(ctx: Reader, county: str | None = None, after: str | None = None,
                         limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[TransferRead]:
    rows = await repo.transfers(ctx.session, ctx.principal, county, decode_cursor(after), limit)
    return page_of(rows, limit, lambda row: transfer_read(*row), key=lambda row: row[0].id)
