"""REST endpoints of the ledger. Money-moving POSTs need an Idempotency-Key and the finance role."""
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from contracts.funds import AllocationRead, BatchRead, RecoveryRead, SpendingRead, TransferRead
from services.funds.deps import Finance, Reader
from services.funds.ledger import reads, service
from services.funds.ledger.live import look_up
from services.funds.ledger.schemas import (
    AllocationCreate,
    BatchCreate,
    ReallocationCreate,
    RecoveryCreate,
    ReversalCreate,
    SpendingCreate,
)
from services.funds.terms import SourceLevel
from services.kit.contract import problems
from services.kit.idempotency import Idempotent
from services.kit.ids import Id, IdFilter, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page
from services.kit.values import Year

router = APIRouter(tags=["ledger"])
MOVES = problems({409: "funds.insufficient_balance, funds.project_not_fundable, funds.over_budget, …",
                  422: "idempotency.key_reused (same key, other request) or request.invalid"})
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


@router.post("/batches", response_model=BatchRead, status_code=201, responses=MOVES,
             summary="Record a fund batch (资金文件到位)")
async def receive_batch(body: BatchCreate, ctx: Finance, once: Idempotent) -> JSONResponse:
    """Record a fund document as it arrives; its number is unique per source level and year."""
    if replayed := await once.replay(body):
        return replayed
    return await once.answer(BatchRead.model_validate(await service.receive_batch(ctx, body)))


@router.get("/batches", response_model=Page[BatchRead], summary="Fund batches in scope, newest first")
async def list_batches(ctx: Reader, county: str | None = None, source_level: SourceLevel | None = None,
                       year: Year | None = None, after: str | None = None, limit: Limit = 50) -> Page[BatchRead]:
    """Fund batches in the caller's scope, newest first."""
    return await reads.page_batches(ctx, county, source_level, year, after, limit)


@router.get("/batches/{batch_id}", response_model=BatchRead, summary="One fund batch")
async def get_batch(batch_id: Id, ctx: Reader) -> BatchRead:
    """One fund batch; 404 also when it is outside the caller's scope."""
    return BatchRead.model_validate(await reads.load_batch(ctx, batch_id))


@router.post("/batches/{batch_id}/allocations", response_model=AllocationRead, status_code=201, responses=MOVES,
             summary="Allocate to a fundable project within its budget (资金分配)")
async def allocate(batch_id: Id, body: AllocationCreate, ctx: Finance, once: Idempotent) -> JSONResponse:
    """Allocate part of a batch to a fundable project, checked live against the projects service."""
    live = await look_up(ctx, body.project_id)  # first: no network call inside the request's transaction
    if replayed := await once.replay(body):
        return replayed
    return await once.answer(AllocationRead.model_validate(await service.allocate(ctx, batch_id, body, live)))


@router.get("/allocations", response_model=Page[AllocationRead],
            summary="Allocations of projects or of a batch, oldest first, page by page")
async def list_allocations(ctx: Reader, batch_id: IdFilter = None, project_ids: IdList = None,
                           after: str | None = None, limit: Limit = 50) -> Page[AllocationRead]:
    """Allocations in the caller's scope of some projects or of a batch, oldest first."""
    ids = ids_of(project_ids) if project_ids else None
    return await reads.page_allocations(ctx, batch_id, ids, after, limit)


@router.get("/allocations/{allocation_id}", response_model=AllocationRead, summary="One allocation")
async def get_allocation(allocation_id: Id, ctx: Reader) -> AllocationRead:
    """One allocation; 404 also when it is outside the caller's scope."""
    return AllocationRead.model_validate(await reads.load_allocation(ctx, allocation_id))


@router.post("/allocations/{allocation_id}/spendings", response_model=SpendingRead, status_code=201,
             responses=MOVES, summary="Record a reimbursement (报账)")
async def spend(allocation_id: Id, body: SpendingCreate, ctx: Finance, once: Idempotent) -> JSONResponse:
    """Record a reimbursement; refused when the balance does not cover it, even under concurrency."""
    if replayed := await once.replay(body):
        return replayed
    return await once.answer(SpendingRead.model_validate(await service.spend(ctx, allocation_id, body)))


@router.get("/allocations/{allocation_id}/spendings", response_model=Page[SpendingRead],
            summary="Spending and reversal entries of an allocation, in order, page by page")
async def list_spendings(allocation_id: Id, ctx: Reader, after: str | None = None,
                         limit: Limit = 50) -> Page[SpendingRead]:
    """An allocation's spending and reversal entries, in order."""
    return await reads.page_spendings(ctx, allocation_id, after, limit)


@router.post("/spendings/{spending_id}/reversal", response_model=SpendingRead, status_code=201, responses=MOVES,
             summary="Reverse a reimbursement with a compensating entry (冲销)")
async def reverse(spending_id: Id, body: ReversalCreate, ctx: Finance, once: Idempotent) -> JSONResponse:
    """Undo a wrong reimbursement with a compensating entry; the original is kept."""
    if replayed := await once.replay(body):
        return replayed
    return await once.answer(SpendingRead.model_validate(await service.reverse(ctx, spending_id, body)))


@router.post("/allocations/{allocation_id}/recoveries", response_model=RecoveryRead, status_code=201,
             responses=MOVES, summary="Recover money from an allocation (收回)")
async def recover(allocation_id: Id, body: RecoveryCreate, ctx: Finance, once: Idempotent) -> JSONResponse:
    """Take money back from an allocation into its batch's unallocated balance."""
    if replayed := await once.replay(body):
        return replayed
    return await once.answer(RecoveryRead.model_validate(await service.recover(ctx, allocation_id, body)))


@router.get("/recoveries", response_model=Page[RecoveryRead], summary="Recoveries in scope, newest first")
async def list_recoveries(ctx: Reader, after: str | None = None, limit: Limit = 50) -> Page[RecoveryRead]:
    """Recoveries in the caller's scope, newest first."""
    return await reads.page_recoveries(ctx, after, limit)


@router.post("/recoveries/{recovery_id}/reallocations", response_model=TransferRead, status_code=201,
             responses=MOVES, summary="Reallocate recovered money to another project (另行安排)")
async def reallocate(recovery_id: Id, body: ReallocationCreate, ctx: Finance, once: Idempotent) -> JSONResponse:
    """Place recovered money on another fundable project, as a transfer."""
    live = await look_up(ctx, body.project_id)  # first: no network call inside the request's transaction
    if replayed := await once.replay(body):
        return replayed
    return await once.answer(await service.reallocate(ctx, recovery_id, body, live))


@router.get("/transfers", response_model=Page[TransferRead],
            summary="Reallocations, newest first, with days from recovery to reallocation and to the new start")
async def list_transfers(ctx: Reader, county: str | None = None, after: str | None = None,
                         limit: Limit = 50) -> Page[TransferRead]:
    """Reallocations in the caller's scope, newest first, with their day counts."""
    return await reads.page_transfers(ctx, county, after, limit)
