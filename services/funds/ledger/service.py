"""Moving money: receive, allocate, spend, reverse, recover, reallocate — each checked, audited, never negative."""
from datetime import date
from decimal import Decimal
from typing import Any

from contracts.events.funds import (
    FundBatchReceived,
    FundsAllocated,
    FundsReallocated,
    FundsRecovered,
    FundsSpent,
    SpendingReversed,
)
from contracts.funds import TransferRead
from services.funds.deps import Ctx
from services.funds.events import publish_funds
from services.funds.ledger.live import LiveProject
from services.funds.ledger.models import Allocation, FundBatch, Recovery, Spending, Transfer
from services.funds.ledger.reads import load_allocation, load_batch, transfer_read
from services.funds.ledger.repository import (
    AllocationRepository,
    BatchRepository,
    RecoveryRepository,
    SpendingRepository,
    TransferRepository,
)
from services.funds.ledger.schemas import (
    AllocationCreate,
    BatchCreate,
    ReallocationCreate,
    RecoveryCreate,
    ReversalCreate,
    SpendingCreate,
)
from services.funds.projection.repository import ProjectStateRepository
from services.funds.terms import ENDED, FUNDABLE, OUT_OF_COUNTY, SourceLevel
from services.kit.audit import audit
from services.kit.errors import FieldError, conflict, not_found, unprocessable
from services.kit.periods.guard import ensure_open, record_correction


def money(row: Any, *names: str) -> dict[str, str]:
    """Amounts of a row for an audit record, as exact strings."""
    return {name: str(getattr(row, name)) for name in names}


def _not_after_today(ctx: Ctx, field: str, on: date, not_before: date | None = None) -> date:
    if on > ctx.clock.today():
        raise unprocessable("request.invalid", "日期不能晚于今天", [FieldError(field, "日期不能晚于今天")])
    if not_before is not None and on < not_before:
        message = f"日期不能早于 {not_before.isoformat()}"
        raise unprocessable("request.invalid", message, [FieldError(field, message)])
    return on


async def receive_batch(ctx: Ctx, body: BatchCreate) -> FundBatch:
    """Record a fund document (资金到位); its document number is unique per source level and year."""
    ctx.check_county(body.county_code, OUT_OF_COUNTY)
    _not_after_today(ctx, "received_on", body.received_on)
    batches = BatchRepository(ctx.session)
    if await batches.find_document(body.source_level, body.year, body.doc_number):
        raise conflict("funds.duplicate_document", f"{body.year} 年已登记同一级次的文号 {body.doc_number}")
    batch = await batches.add(FundBatch(
        **body.model_dump(), allocated=Decimal(0), unallocated=body.amount, created_by=ctx.principal.sub))
    await audit(ctx.session, ctx.principal, "funds.batch_receive", "fund_batch", batch.id, None,
                money(batch, "amount", "allocated", "unallocated") | {"doc_number": batch.doc_number})
    await publish_funds(ctx, FundBatchReceived(
        batch_id=batch.id, doc_number=batch.doc_number, source_level=batch.source_level, year=batch.year,
        county_code=batch.county_code, amount=batch.amount, received_on=batch.received_on, purpose=batch.purpose),
        batch.county_code)
    return batch


async def _check_fundable(ctx: Ctx, live: LiveProject, batch: FundBatch, amount: Decimal) -> None:
    """Live check against the projects service's answer: admitted, not ended, same county, within its budget."""
    project_id, project = live.project_id, live.answer()
    if project is None:
        raise unprocessable("funds.project_not_found", f"项目 {project_id} 不存在",
                            [FieldError("project_id", "项目不存在")])
    states = ProjectStateRepository(ctx.session)
    await states.apply(project["id"], project["status"], project["county_code"], project["version"],
                       project.get("name"),
                       date.fromisoformat(project["started_on"]) if project.get("started_on") else None,
                       project.get("owner_org"))
    if project["status"] not in FUNDABLE:
        raise conflict("funds.project_not_fundable",
                       f"项目当前状态为“{project.get('status_label', project['status'])}”，"
                       "未入库或已终结的项目不得安排资金",
                       project_status=project["status"], fundable_states=sorted(FUNDABLE))
    if project["county_code"] != batch.county_code:
        raise conflict("funds.county_mismatch", "资金批次与项目不属于同一县区")
    await states.lock(project_id)  # allocations to one project take turns
    budget = sum((Decimal(line["amount"]) for line in project["budget"] if line["source"] == batch.source_level),
                 Decimal(0))
    held = await AllocationRepository(ctx.session).net_allocated(project_id, batch.source_level)
    if held + amount > budget:
        raise conflict("funds.over_budget",
                       f"超出项目该来源的批复预算：预算 {budget} 元，已安排 {held} 元，本次 {amount} 元",
                       budget=str(budget), allocated=str(held), requested=str(amount),
                       source_level=str(batch.source_level))


async def _allocate(ctx: Ctx, batch: FundBatch, live: LiveProject, amount: Decimal, on: date) -> Allocation:
    ctx.check_county(batch.county_code, OUT_OF_COUNTY)
    await _check_fundable(ctx, live, batch, amount)
    project_id = live.project_id
    batches = BatchRepository(ctx.session)
    if not await batches.take(batch.id, amount):
        fresh = await batches.fresh(batch.id)
        raise conflict("funds.insufficient_unallocated", f"批次未分配余额 {fresh.unallocated} 元，不足 {amount} 元",
                       unallocated=str(fresh.unallocated))
    allocation = await AllocationRepository(ctx.session).add(Allocation(
        batch_id=batch.id, project_id=project_id, county_code=batch.county_code,
        source_level=SourceLevel(batch.source_level), year=batch.year, amount=amount, spent=Decimal(0),
        recovered=Decimal(0), balance=amount, allocated_on=on, created_by=ctx.principal.sub))
    await audit(ctx.session, ctx.principal, "funds.allocate", "allocation", allocation.id, None,
                money(allocation, "amount", "balance") | {"batch_id": batch.id, "project_id": project_id})
    return allocation


async def allocate(ctx: Ctx, batch_id: int, body: AllocationCreate, live: LiveProject) -> Allocation:
    """Allocate part of a batch to a fundable project (资金分配), given the projects service's answer for it."""
    batch = await load_batch(ctx, batch_id)
    on = _not_after_today(ctx, "allocated_on", body.allocated_on or ctx.clock.today(), batch.received_on)
    allocation = await _allocate(ctx, batch, live, body.amount, on)
    fresh = await BatchRepository(ctx.session).fresh(batch.id)
    await publish_funds(ctx, FundsAllocated(
        allocation_id=allocation.id, batch_id=batch.id, project_id=allocation.project_id,
        county_code=allocation.county_code, source_level=allocation.source_level, year=allocation.year,
        amount=allocation.amount, allocated_on=allocation.allocated_on, batch_unallocated=fresh.unallocated),
        allocation.county_code, allocation.project_id)
    return allocation


async def spend(ctx: Ctx, allocation_id: int, body: SpendingCreate) -> Spending:
    """Record a reimbursement (报账); refused when the balance does not cover it, even under concurrency."""
    allocation = await load_allocation(ctx, allocation_id)
    ctx.check_county(allocation.county_code, OUT_OF_COUNTY)
    _not_after_today(ctx, "spent_on", body.spent_on, allocation.allocated_on)
    correction = await ensure_open(ctx, allocation.county_code, [body.spent_on], body.correction_reason, "报账")
    state = await ProjectStateRepository(ctx.session).one(allocation.project_id)
    if state is not None and state.status in ENDED:
        # Money on a cleared or cancelled project is to be recovered (收回), not spent.
        raise conflict("funds.project_not_fundable", f"项目已{'清理出库' if state.status == 'cleared' else '取消'}，"
                       "其资金应收回，不能再报账", project_status=state.status)
    spendings, allocations = SpendingRepository(ctx.session), AllocationRepository(ctx.session)
    if await spendings.voucher_taken(body.voucher_no):
        raise conflict("funds.duplicate_voucher", f"凭证号 {body.voucher_no} 已登记")
    after = await allocations.spend(allocation.id, body.amount, body.spent_on)
    if after is None:
        current = await allocations.fresh(allocation.id)
        raise conflict("funds.insufficient_balance", f"分配余额 {current.balance} 元，不足支出 {body.amount} 元",
                       balance=str(current.balance))
    row = await spendings.add(Spending(allocation_id=allocation.id, kind="spend", created_by=ctx.principal.sub,
                                       correction_reason=correction.reason if correction else None,
                                       **body.model_dump(exclude={"correction_reason"})))
    await audit(ctx.session, ctx.principal, "funds.spend", "allocation", allocation.id,
                money(allocation, "spent", "balance"), money(after, "spent", "balance") | {"spending_id": row.id})
    await record_correction(ctx, correction, "spending", row.id, "spend")
    await publish_funds(ctx, FundsSpent(
        spending_id=row.id, allocation_id=allocation.id, project_id=allocation.project_id,
        county_code=allocation.county_code, amount=row.amount, spent_on=row.spent_on, voucher_no=row.voucher_no,
        payee=row.payee, allocation_spent=after.spent, allocation_balance=after.balance),
        allocation.county_code, allocation.project_id)
    return row


async def reverse(ctx: Ctx, spending_id: int, body: ReversalCreate) -> Spending:
    """Undo a wrong reimbursement with a compensating entry (冲销); the original is kept."""
    spendings = SpendingRepository(ctx.session)
    original = await spendings.unscoped(spending_id)
    if original is None or original.kind != "spend":
        raise not_found("funds.spending_not_found", f"支出记录 {spending_id} 不存在")
    allocation = await load_allocation(ctx, original.allocation_id)
    ctx.check_county(allocation.county_code, OUT_OF_COUNTY)
    _not_after_today(ctx, "on", body.on, original.spent_on)
    correction = await ensure_open(ctx, allocation.county_code, [body.on], body.correction_reason, "报账冲销")
    if await spendings.reversal_of(spending_id):
        raise conflict("funds.already_reversed", f"支出记录 {spending_id} 已冲销")
    if await spendings.voucher_taken(body.voucher_no):
        raise conflict("funds.duplicate_voucher", f"凭证号 {body.voucher_no} 已登记")
    after = await AllocationRepository(ctx.session).unspend(allocation.id, original.amount)
    if after is None:
        raise conflict("funds.insufficient_spent", "已支出金额不足以冲销")
    row = await spendings.add(Spending(
        allocation_id=allocation.id, kind="reversal", amount=original.amount, spent_on=body.on,
        voucher_no=body.voucher_no, payee=f"冲销：{body.reason}", reverses_id=original.id,
        created_by=ctx.principal.sub, correction_reason=correction.reason if correction else None))
    await audit(ctx.session, ctx.principal, "funds.reverse", "allocation", allocation.id,
                money(allocation, "spent", "balance"), money(after, "spent", "balance") | {"reversal_id": row.id})
    await record_correction(ctx, correction, "spending", row.id, "reverse")
    await publish_funds(ctx, SpendingReversed(
        reversal_id=row.id, reversed_spending_id=original.id, allocation_id=allocation.id,
        project_id=allocation.project_id, county_code=allocation.county_code, amount=row.amount,
        reversed_on=row.spent_on, voucher_no=row.voucher_no, reason=body.reason, allocation_spent=after.spent,
        allocation_balance=after.balance), allocation.county_code, allocation.project_id)
    return row


async def recover(ctx: Ctx, allocation_id: int, body: RecoveryCreate) -> Recovery:
    """Take money back from an allocation into its batch's unallocated balance (收回)."""
    allocation = await load_allocation(ctx, allocation_id)
    ctx.check_county(allocation.county_code, OUT_OF_COUNTY)
    on = _not_after_today(ctx, "on", body.on or ctx.clock.today(), allocation.allocated_on)
    allocations, batches = AllocationRepository(ctx.session), BatchRepository(ctx.session)
    after = await allocations.recover(allocation.id, body.amount)
    if after is None:
        current = await allocations.fresh(allocation.id)
        raise conflict("funds.insufficient_balance", f"分配余额 {current.balance} 元，不足收回 {body.amount} 元",
                       balance=str(current.balance))
    if not await batches.give_back(allocation.batch_id, body.amount):
        raise conflict("funds.ledger_inconsistent", "批次已分配金额不足，无法收回")  # guarded by CHECKs too
    row = await RecoveryRepository(ctx.session).add(Recovery(
        allocation_id=allocation.id, batch_id=allocation.batch_id, project_id=allocation.project_id,
        county_code=allocation.county_code, amount=body.amount, reallocated=Decimal(0), recovered_on=on,
        reason=body.reason, created_by=ctx.principal.sub))
    await audit(ctx.session, ctx.principal, "funds.recover", "allocation", allocation.id,
                money(allocation, "recovered", "balance"),
                money(after, "recovered", "balance") | {"recovery_id": row.id})
    batch = await batches.fresh(allocation.batch_id)
    await publish_funds(ctx, FundsRecovered(
        recovery_id=row.id, allocation_id=allocation.id, batch_id=allocation.batch_id,
        project_id=allocation.project_id, county_code=allocation.county_code, amount=row.amount,
        recovered_on=row.recovered_on, reason=row.reason, allocation_balance=after.balance,
        batch_unallocated=batch.unallocated), allocation.county_code, allocation.project_id)
    return row


async def reallocate(ctx: Ctx, recovery_id: int, body: ReallocationCreate, live: LiveProject) -> TransferRead:
    """Place recovered money on another fundable project (另行安排), as a transfer record."""
    recoveries = RecoveryRepository(ctx.session)
    recovery = await recoveries.get_or_404(
        recovery_id, ctx.principal, "funds.recovery_not_found",
        f"收回记录 {recovery_id} 不存在或不在当前账号的查看范围内")
    ctx.check_county(recovery.county_code, OUT_OF_COUNTY)
    on = _not_after_today(ctx, "on", body.on or ctx.clock.today(), recovery.recovered_on)
    if body.project_id == recovery.project_id:
        raise conflict("funds.same_project", "另行安排须安排到其他项目")
    if not await recoveries.use(recovery.id, body.amount):
        left = recovery.amount - recovery.reallocated
        raise conflict("funds.exceeds_recovered", f"该笔收回资金尚可安排 {left} 元，不足 {body.amount} 元",
                       available=str(left))
    batch = await BatchRepository(ctx.session).fresh(recovery.batch_id)
    allocation = await _allocate(ctx, batch, live, body.amount, on)
    transfer = await TransferRepository(ctx.session).add(Transfer(
        recovery_id=recovery.id, from_allocation_id=recovery.allocation_id, to_allocation_id=allocation.id,
        from_project_id=recovery.project_id, to_project_id=body.project_id, county_code=recovery.county_code,
        amount=body.amount, transferred_on=on, created_by=ctx.principal.sub))
    await audit(ctx.session, ctx.principal, "funds.reallocate", "recovery", recovery.id, None,
                {"transfer_id": transfer.id, "to_allocation_id": allocation.id, "amount": str(body.amount)})
    # One movement, one event: the new allocation is part of the reallocation, not a separate funds.allocated.
    await publish_funds(ctx, FundsReallocated(
        transfer_id=transfer.id, recovery_id=recovery.id, batch_id=recovery.batch_id,
        from_allocation_id=recovery.allocation_id, to_allocation_id=allocation.id,
        from_project_id=recovery.project_id, to_project_id=body.project_id, county_code=recovery.county_code,
        amount=transfer.amount, transferred_on=transfer.transferred_on), recovery.county_code, body.project_id)
    return transfer_read(transfer, recovery.recovered_on, None)
