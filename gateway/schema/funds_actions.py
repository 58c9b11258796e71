"""GraphQL mutations of the funds service: each action answers its result or a typed problem.

Money-moving mutations take the caller's `idempotencyKey`, passed on as the Idempotency-Key header: a retried
mutation with the same key answers the first result and moves nothing.
"""
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, TypeVar

import strawberry
from strawberry.types import Info

from contracts import funds as contract
from contracts.enums import Role
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
from gateway.schema.arguments import (
    AllocationId,
    Amount,
    BatchId,
    CorrectionReason,
    IdempotencyKey,
    On,
    OnOrToday,
    ProjectId,
    Reason,
    Version,
)
from gateway.schema.contract_types import described_by
from gateway.schema.enums import CaseOrigin, IdleClass, SourceLevel
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
from gateway.schema.permissions import Roles
from gateway.schema.problems import REFUSALS, PreconditionFailed, Problem, or_problem
from gateway.schema.projects import input_json, to_json
from gateway.schema.rest import result_union
from gateway.schema.text import FreeText, free_text_field
from gateway.upstream import Endpoint

M = TypeVar("M")
CaseId = Annotated[int, strawberry.argument(description="整改事项的 id")]
Voucher = Annotated[str, strawberry.argument(description="凭证号（全局唯一）")]

FundBatchResult = result_union("FundBatchResult", FundBatch, *REFUSALS)
AllocationResult = result_union("AllocationResult", Allocation, *REFUSALS)
SpendingResult = result_union("SpendingResult", Spending, *REFUSALS)
RecoveryResult = result_union("RecoveryResult", Recovery, *REFUSALS)
TransferResult = result_union("TransferResult", Transfer, *REFUSALS)
IdleFundResult = result_union("IdleFundResult", IdleFund, *REFUSALS)
RectificationCaseResult = result_union("RectificationCaseResult", RectificationCase, PreconditionFailed, *REFUSALS)
AnnouncementResult = result_union("AnnouncementResult", Announcement, *REFUSALS)
EvaluationResult = result_union("EvaluationResult", Evaluation, *REFUSALS)


@described_by(contract.BatchRead, doc_number="文号，如 桂财农〔2018〕12号（同年同级次不得重复）",
              amount="到位金额（元，大于 0，最多两位小数）", received_on="资金到位日期（不晚于今天）",
              purpose="资金用途（可换行）")
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


@described_by(contract.CaseRead, measure="整改措施（可换行）",
              origin="为何立项（默认闲置资金）",
              batch_id="未分配闲置、或针对资金批次的发现（与 allocationId、projectId 三选一）",
              allocation_id="已分配未支出的闲置（三选一）", project_id="针对项目的审计、督查发现（三选一）",
              finding="审计、督查发现的问题（审计、督查必填，可换行）", deadline="整改期限；为空按分类取默认天数")
@strawberry.input(description="立项整改：闲置资金（批次或分配）或审计、督查发现（批次或项目）")
class RectificationCaseInput:
    """A case to open."""

    measure: str = free_text_field()
    responsible_unit: str
    origin: CaseOrigin = CaseOrigin.IDLE
    batch_id: int | None = None
    allocation_id: int | None = None
    project_id: int | None = None
    finding: str | None = free_text_field(None)
    deadline: date | None = None


@strawberry.input(description="绩效评价指标：目标值与实际值")
class IndicatorInput:
    """One indicator as evaluated."""

    indicator: str = strawberry.field(description="指标名称")
    unit: str = strawberry.field(description="计量单位")
    target: Decimal = strawberry.field(description="目标值")
    actual: Decimal = strawberry.field(description="实际值")


@described_by(contract.EvaluationRead, indicators="评价指标（至少一个）", score="评价得分（0–100，最多两位小数）",
              conclusion="评价结论（可换行）", batch_id="评价的资金批次 id（与 projectId 二选一）",
              project_id="评价的项目 id（与 batchId 二选一）")
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

    @strawberry.mutation(description="登记资金文件（资金到位）。角色：finance（本县区）；同年同级次文号重复时返回 "
                                     "Refused(funds.duplicate_document)；输入有误返回 InvalidInput",
                         graphql_type=FundBatchResult,
                         extensions=[Roles(Role.FINANCE)])
    async def receive_fund_batch(
            self, info: Info[Context, None],
            input: Annotated[FundBatchInput, strawberry.argument(description="资金文件")],
            idempotency_key: IdempotencyKey) -> contract.BatchRead | Problem:
        """Record a fund batch (POST /batches), idempotent on the caller's key."""
        return await _post(info, RECEIVE_BATCH, input_json(input), idempotency_key)

    @strawberry.mutation(description="分配资金到项目。角色：finance；项目未入库或已终结、与批次不同县区、超过该来源预算、"
                                     "批次未分配余额不足时返回 Refused（code 说明原因）；批次不存在返回 NotFound",
                         graphql_type=AllocationResult,
                         extensions=[Roles(Role.FINANCE)])
    async def allocate_funds(self, info: Info[Context, None], batch_id: BatchId, project_id: ProjectId, amount: Amount,
                             idempotency_key: IdempotencyKey,
                             allocated_on: OnOrToday = None) -> contract.AllocationRead | Problem:
        """Allocate part of a batch to a project (POST /batches/{batch_id}/allocations), idempotent."""
        body = {"project_id": project_id, "amount": amount, "allocated_on": allocated_on}
        return await _post(info, ALLOCATE, body, idempotency_key, batch_id=batch_id)

    @strawberry.mutation(description="报账（登记支出）。角色：finance；凭证号重复、分配余额不足、项目已取消或"
                                     "清理出库时返回 Refused；报账日期所在月份已关账时返回 Refused(period.closed)，"
                                     "由市级 finance 填写 correctionReason 更正；分配不存在返回 NotFound。"
                                     "批量报账台账上传（文件，不经 GraphQL）："
                                     "资金服务 REST POST /ledgers/spendings.xlsx", graphql_type=SpendingResult,
                         extensions=[Roles(Role.FINANCE)])
    async def record_spending(self, info: Info[Context, None], allocation_id: AllocationId, amount: Amount,
                              spent_on: On, voucher_no: Voucher,
                              payee: Annotated[str, strawberry.argument(description="收款单位或个人")],
                              idempotency_key: IdempotencyKey,
                              correction_reason: CorrectionReason = None) -> contract.SpendingRead | Problem:
        """Record a reimbursement (POST /allocations/{allocation_id}/spendings), idempotent."""
        body = {"amount": amount, "spent_on": spent_on, "voucher_no": voucher_no, "payee": payee,
                "correction_reason": correction_reason}
        return await _post(info, SPEND, body, idempotency_key, allocation_id=allocation_id)

    @strawberry.mutation(description="冲销一笔报账（补偿记录，原记录保留）。角色：finance；已冲销、凭证号重复时返回 "
                                     "Refused；冲销日期所在月份已关账时返回 Refused(period.closed)，由市级 finance "
                                     "填写 correctionReason 更正；报账记录不存在返回 NotFound",
                         graphql_type=SpendingResult,
                         extensions=[Roles(Role.FINANCE)])
    async def reverse_spending(
            self, info: Info[Context, None],
            spending_id: Annotated[int, strawberry.argument(description="要冲销的报账记录 id")],
            voucher_no: Voucher, on: On, reason: Reason,
            idempotency_key: IdempotencyKey, correction_reason: CorrectionReason = None
    ) -> contract.SpendingRead | Problem:
        """Reverse a reimbursement (POST /spendings/{spending_id}/reversal), idempotent."""
        body = {"voucher_no": voucher_no, "on": on, "reason": reason, "correction_reason": correction_reason}
        return await _post(info, REVERSE, body, idempotency_key, spending_id=spending_id)

    @strawberry.mutation(description="收回资金，回到批次未分配余额。角色：finance；超过分配余额时返回 "
                                     "Refused(funds.insufficient_balance)；分配不存在返回 NotFound",
                         graphql_type=RecoveryResult,
                         extensions=[Roles(Role.FINANCE)])
    async def recover_funds(self, info: Info[Context, None], allocation_id: AllocationId, amount: Amount,
                            reason: Reason, idempotency_key: IdempotencyKey,
                            on: OnOrToday = None) -> contract.RecoveryRead | Problem:
        """Recover money from an allocation (POST /allocations/{allocation_id}/recoveries), idempotent."""
        body = {"amount": amount, "reason": reason, "on": on}
        return await _post(info, RECOVER, body, idempotency_key, allocation_id=allocation_id)

    @strawberry.mutation(description="收回资金另行安排到其他项目。角色：finance；"
                                     "安排到原项目、超过尚可安排金额、新项目不可安排资金时返回 Refused；"
                                     "收回记录不存在返回 NotFound",
                         graphql_type=TransferResult,
                         extensions=[Roles(Role.FINANCE)])
    async def reallocate_funds(
            self, info: Info[Context, None],
            recovery_id: Annotated[int, strawberry.argument(description="收回记录的 id")],
            project_id: Annotated[int, strawberry.argument(description="新项目的 id（须为其他项目）")],
            amount: Amount, idempotency_key: IdempotencyKey,
            on: OnOrToday = None) -> contract.TransferRead | Problem:
        """Place recovered money on another project (POST /recoveries/{recovery_id}/reallocations)."""
        body = {"project_id": project_id, "amount": amount, "on": on}
        return await _post(info, REALLOCATE, body, idempotency_key, recovery_id=recovery_id)

    @strawberry.mutation(description="人工调整闲置资金分类（须写明理由）。角色：finance；该笔资金已不闲置时返回 "
                                     "NotFound", graphql_type=IdleFundResult,
                         extensions=[Roles(Role.FINANCE)])
    async def override_idle_class(
            self, info: Info[Context, None],
            kind: Annotated[IdleItemKind, strawberry.argument(description="闲置资金所在的台账行")],
            item_id: Annotated[int, strawberry.argument(description="批次 id 或分配 id（按 kind）")],
            idle_class: Annotated[IdleClass, strawberry.argument(description="调整后的分类")],
            reason: Reason) -> contract.IdleItem | Problem:
        """Set an idle item's class by hand (PUT /idle-funds/{kind}/{item_id}/class)."""
        body = {"idle_class": idle_class.value, "reason": reason}
        return await or_problem(info.context.funds.call(OVERRIDE_CLASS, json=body,
                                                        path_params={"kind": kind, "item_id": item_id}))

    @strawberry.mutation(description="立项整改。角色：finance 或 inspector；批次、分配、项目须且只能指定一个，"
                                     "审计、督查须写明问题，否则返回 InvalidInput；"
                                     "不是闲置资金或已有未销号的整改时返回 Refused",
                         graphql_type=RectificationCaseResult,
                         extensions=[Roles(Role.FINANCE, Role.INSPECTOR)])
    async def open_rectification_case(
            self, info: Info[Context, None],
            input: Annotated[RectificationCaseInput, strawberry.argument(description="整改事项")]
    ) -> contract.CaseRead | Problem:
        """Open a rectification case (POST /rectification-cases)."""
        return await _post(info, OPEN_CASE, input_json(input))

    @strawberry.mutation(description="开始整改（待整改 → 整改中）。角色：finance；不是待整改时返回 "
                                     "Refused(funds.case_invalid_transition)；"
                                     "version 不是当前版本时返回 PreconditionFailed",
                         graphql_type=RectificationCaseResult,
                         extensions=[Roles(Role.FINANCE)])
    async def start_rectification_case(self, info: Info[Context, None], id: CaseId,
                                       version: Version) -> contract.CaseRead | Problem:
        """Start work on a case at the version read (POST /rectification-cases/{case_id}/start)."""
        return await _post(info, START_CASE, {}, version=version, case_id=id)

    @strawberry.mutation(description="销号（→ 已销号）。角色：finance；"
                                     "资金未动起来（未支出、未收回并另行安排、项目未报账）时返回 Refused；"
                                     "已销号返回 Refused(funds.case_invalid_transition)；version 不是当前版本时返回 "
                                     "PreconditionFailed",
                         graphql_type=RectificationCaseResult,
                         extensions=[Roles(Role.FINANCE)])
    async def close_rectification_case(
            self, info: Info[Context, None], id: CaseId, version: Version,
            note: Annotated[str, strawberry.argument(description="销号说明（必填，可换行）", directives=[FreeText()])]
    ) -> contract.CaseRead | Problem:
        """Close a case at the version read (POST /rectification-cases/{case_id}/close)."""
        return await _post(info, CLOSE_CASE, {"note": note}, version=version, case_id=id)

    @strawberry.mutation(description="公告公示一个批次的资金分配（公示期 days 天，默认自今日起 7 天）。角色：finance；"
                                     "批次不存在返回 NotFound",
                         graphql_type=AnnouncementResult,
                         extensions=[Roles(Role.FINANCE)])
    async def publish_announcement(
            self, info: Info[Context, None], batch_id: BatchId,
            title: Annotated[str, strawberry.argument(description="公告标题")],
            days: Annotated[int, strawberry.argument(description="公示天数（1–90）")] = 7,
            starts_on: Annotated[date | None, strawberry.argument(description="公示开始日期；为空为今天")] = None
    ) -> contract.AnnouncementRead | Problem:
        """Announce a batch's allocations (POST /batches/{batch_id}/announcements)."""
        body = {"title": title, "days": days, "starts_on": starts_on}
        return await _post(info, ANNOUNCE, body, batch_id=batch_id)

    @strawberry.mutation(description="登记绩效评价（指标目标值与实际值、得分、评价人）。角色：finance；"
                                     "批次与项目须且只能指定一个，否则返回 InvalidInput", graphql_type=EvaluationResult,
                         extensions=[Roles(Role.FINANCE)])
    async def record_evaluation(
            self, info: Info[Context, None],
            input: Annotated[EvaluationInput, strawberry.argument(description="绩效评价")]
    ) -> contract.EvaluationRead | Problem:
        """Record an evaluation (POST /evaluations)."""
        return await _post(info, EVALUATE, input_json(input))

    @strawberry.mutation(description="为每笔尚无整改事项的闲置资金逐笔立项整改，返回新立项的事项。角色：finance",
                         graphql_type=list[RectificationCase],
                         extensions=[Roles(Role.FINANCE)])
    async def open_idle_cases(self, info: Info[Context, None]) -> list[contract.CaseRead]:
        """Open a case for every idle item without one (POST /rectification-cases/sweep)."""
        return await info.context.funds.call(SWEEP)
