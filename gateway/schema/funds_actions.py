"""GraphQL mutations of the funds service: each action answers its result or a typed problem.

Money-moving mutations take the caller's `idempotencyKey`, passed on as the Idempotency-Key header: a retried
mutation with the same key answers the first result and moves nothing.
"""
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

import strawberry
from strawberry.types import Info

from contracts import funds as contract
from gateway.context import Context
from gateway.funds_client import (
    ALLOCATE,
    ANNOUNCE,
    CLOSE_CASE,
    EVALUATE,
    OPEN_CASE,
    OVERRIDE_CLASS,
    REALLOCATE,
    RECEIVE_BATCH,
    RECOVER,
    REVERSE,
    SPEND,
    START_CASE,
    SWEEP,
)
from gateway.schema.enums import IdleClass, SourceLevel
from gateway.schema.funds import (
    Allocation,
    Announcement,
    Evaluation,
    FundBatch,
    IdleFund,
    IdleItemKind,
    Recovery,
    RectificationCase,
    Spending,
    Transfer,
)
from gateway.schema.problems import Problem, or_problem
from gateway.schema.projects import input_json, to_json
from gateway.schema.rest import result_union
from gateway.schema.text import FreeTextArg, free_text_field
from gateway.upstream import Endpoint

M = TypeVar("M")

FundBatchResult = result_union("FundBatchResult", FundBatch)
AllocationResult = result_union("AllocationResult", Allocation)
SpendingResult = result_union("SpendingResult", Spending)
RecoveryResult = result_union("RecoveryResult", Recovery)
TransferResult = result_union("TransferResult", Transfer)
IdleFundResult = result_union("IdleFundResult", IdleFund)
RectificationCaseResult = result_union("RectificationCaseResult", RectificationCase)
AnnouncementResult = result_union("AnnouncementResult", Announcement)
EvaluationResult = result_union("EvaluationResult", Evaluation)


@strawberry.input(description="资金文件（批次）登记")
class FundBatchInput:
    """A fund document as it arrives."""

    doc_number: str
    source_level: SourceLevel
    year: int
    county_code: str
    amount: Decimal
    received_on: date
    purpose: str = free_text_field()


@strawberry.input(description="立项整改：闲置资金（批次或分配）或审计、督查发现（批次或项目）")
class RectificationCaseInput:
    """A case to open."""

    measure: str = free_text_field()
    responsible_unit: str
    origin: str = "idle"
    batch_id: int | None = None
    allocation_id: int | None = None
    project_id: int | None = None
    finding: str | None = free_text_field(None)
    deadline: date | None = None


@strawberry.input(description="绩效评价指标：目标值与实际值")
class IndicatorInput:
    """One indicator as evaluated."""

    indicator: str
    unit: str
    target: Decimal
    actual: Decimal


@strawberry.input(description="绩效评价：评价一个批次或一个项目的资金使用（batchId 与 projectId 二选一）")
class EvaluationInput:
    """An evaluation to record."""

    indicators: list[IndicatorInput]
    score: Decimal
    conclusion: str = free_text_field()
    evaluator: str
    evaluated_on: date
    batch_id: int | None = None
    project_id: int | None = None


async def _post(info: Info[Context, None], endpoint: Endpoint[M], body: dict[str, Any], key: str | None = None,
                version: int | None = None, **path_params: int) -> M | Problem:
    return await or_problem(info.context.funds.call(endpoint, json=to_json(body), path_params=path_params,
                                                    idempotency_key=key, version=version))


@strawberry.type
class FundsMutations:
    """Actions of the funds service."""

    @strawberry.mutation(description="登记资金文件（资金到位）", graphql_type=FundBatchResult)
    async def receive_fund_batch(self, info: Info[Context, None], input: FundBatchInput,
                                 idempotency_key: str) -> contract.BatchRead | Problem:
        """Record a fund batch (POST /batches), idempotent on the caller's key."""
        return await _post(info, RECEIVE_BATCH, input_json(input), idempotency_key)

    @strawberry.mutation(description="分配资金到项目（仅已入库未终结项目，不超过该来源预算）",
                         graphql_type=AllocationResult)
    async def allocate_funds(self, info: Info[Context, None], batch_id: int, project_id: int, amount: Decimal,
                             idempotency_key: str,
                             allocated_on: date | None = None) -> contract.AllocationRead | Problem:
        """Allocate part of a batch to a project (POST /batches/{batch_id}/allocations), idempotent."""
        body = {"project_id": project_id, "amount": amount, "allocated_on": allocated_on}
        return await _post(info, ALLOCATE, body, idempotency_key, batch_id=batch_id)

    @strawberry.mutation(description="报账（登记支出）", graphql_type=SpendingResult)
    async def record_spending(self, info: Info[Context, None], allocation_id: int, amount: Decimal, spent_on: date,
                              voucher_no: str, payee: str, idempotency_key: str) -> contract.SpendingRead | Problem:
        """Record a reimbursement (POST /allocations/{allocation_id}/spendings), idempotent."""
        body = {"amount": amount, "spent_on": spent_on, "voucher_no": voucher_no, "payee": payee}
        return await _post(info, SPEND, body, idempotency_key, allocation_id=allocation_id)

    @strawberry.mutation(description="冲销一笔报账（补偿记录，原记录保留）", graphql_type=SpendingResult)
    async def reverse_spending(self, info: Info[Context, None], spending_id: int, voucher_no: str, on: date,
                               reason: FreeTextArg, idempotency_key: str) -> contract.SpendingRead | Problem:
        """Reverse a reimbursement (POST /spendings/{spending_id}/reversal), idempotent."""
        body = {"voucher_no": voucher_no, "on": on, "reason": reason}
        return await _post(info, REVERSE, body, idempotency_key, spending_id=spending_id)

    @strawberry.mutation(description="收回资金（不超过分配余额），回到批次未分配余额", graphql_type=RecoveryResult)
    async def recover_funds(self, info: Info[Context, None], allocation_id: int, amount: Decimal, reason: FreeTextArg,
                            idempotency_key: str, on: date | None = None) -> contract.RecoveryRead | Problem:
        """Recover money from an allocation (POST /allocations/{allocation_id}/recoveries), idempotent."""
        body = {"amount": amount, "reason": reason, "on": on}
        return await _post(info, RECOVER, body, idempotency_key, allocation_id=allocation_id)

    @strawberry.mutation(description="收回资金另行安排到其他项目", graphql_type=TransferResult)
    async def reallocate_funds(self, info: Info[Context, None], recovery_id: int, project_id: int, amount: Decimal,
                               idempotency_key: str, on: date | None = None) -> contract.TransferRead | Problem:
        """Place recovered money on another project (POST /recoveries/{recovery_id}/reallocations)."""
        body = {"project_id": project_id, "amount": amount, "on": on}
        return await _post(info, REALLOCATE, body, idempotency_key, recovery_id=recovery_id)

    @strawberry.mutation(description="财政部门人工调整闲置资金分类（须写明理由）", graphql_type=IdleFundResult)
    async def override_idle_class(self, info: Info[Context, None], kind: IdleItemKind, item_id: int,
                                  idle_class: IdleClass, reason: FreeTextArg) -> contract.IdleItem | Problem:
        """Set an idle item's class by hand (PUT /idle-funds/{kind}/{item_id}/class)."""
        body = {"idle_class": idle_class.value, "reason": reason}
        return await or_problem(info.context.funds.call(OVERRIDE_CLASS, json=body,
                                                        path_params={"kind": kind, "item_id": item_id}))

    @strawberry.mutation(description="立项整改", graphql_type=RectificationCaseResult)
    async def open_rectification_case(self, info: Info[Context, None],
                                      input: RectificationCaseInput) -> contract.CaseRead | Problem:
        """Open a rectification case (POST /rectification-cases)."""
        return await _post(info, OPEN_CASE, input_json(input))

    @strawberry.mutation(description="开始整改（整改中）；version 为读取时的版本号，他人改过则返回 PreconditionFailed",
                         graphql_type=RectificationCaseResult)
    async def start_rectification_case(self, info: Info[Context, None], id: int,
                                       version: int) -> contract.CaseRead | Problem:
        """Start work on a case at the version read (POST /rectification-cases/{case_id}/start)."""
        return await _post(info, START_CASE, {}, version=version, case_id=id)

    @strawberry.mutation(description="销号：资金未动起来（未支出、未收回并另行安排、项目未报账）时拒绝；version 同上",
                         graphql_type=RectificationCaseResult)
    async def close_rectification_case(self, info: Info[Context, None], id: int, version: int,
                                       note: FreeTextArg) -> contract.CaseRead | Problem:
        """Close a case at the version read (POST /rectification-cases/{case_id}/close)."""
        return await _post(info, CLOSE_CASE, {"note": note}, version=version, case_id=id)

    @strawberry.mutation(description="公告公示一个批次的资金分配（公示期 days 天，默认自今日起 7 天）",
                         graphql_type=AnnouncementResult)
    async def publish_announcement(self, info: Info[Context, None], batch_id: int, title: str, days: int = 7,
                                   starts_on: date | None = None) -> contract.AnnouncementRead | Problem:
        """Announce a batch's allocations (POST /batches/{batch_id}/announcements)."""
        body = {"title": title, "days": days, "starts_on": starts_on}
        return await _post(info, ANNOUNCE, body, batch_id=batch_id)

    @strawberry.mutation(description="登记绩效评价（指标目标值与实际值、得分、评价人）", graphql_type=EvaluationResult)
    async def record_evaluation(self, info: Info[Context, None],
                                input: EvaluationInput) -> contract.EvaluationRead | Problem:
        """Record an evaluation (POST /evaluations)."""
        return await _post(info, EVALUATE, input_json(input))

    @strawberry.mutation(description="为每笔尚无整改事项的闲置资金逐笔立项整改", graphql_type=list[RectificationCase])
    async def open_idle_cases(self, info: Info[Context, None]) -> list[contract.CaseRead]:
        """Open a case for every idle item without one (POST /rectification-cases/sweep)."""
        return await info.context.funds.call(SWEEP)
