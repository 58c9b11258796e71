"""Payloads of the funds service's feed (资金事件): every movement of money and every step of its follow-up."""
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from contracts.enums import CaseOrigin, CaseStatus, FeedName, IdleClass, ItemKind, SourceLevel
from contracts.events.base import EventPayload, event
from contracts.fields import TWO_DECIMALS, AllocationId, BatchId, CountyCode, Note, ProjectId, Year, Yuan

FEED = FeedName.FUNDS
Balance = Annotated[Decimal, Field(max_digits=18, decimal_places=2, description="变动后该分配的余额（元）"),
                    TWO_DECIMALS]
Spent = Annotated[Decimal, Field(max_digits=18, decimal_places=2, description="变动后该分配的累计支出（元）"),
                  TWO_DECIMALS]
Unallocated = Annotated[Decimal, Field(max_digits=18, decimal_places=2, description="变动后批次的未分配余额（元）"),
                        TWO_DECIMALS]
Score = Annotated[Decimal, Field(max_digits=5, decimal_places=2, description="得分（0–100，两位小数）"), TWO_DECIMALS]
CaseId = Annotated[int, Field(description="整改事项的 id")]


@event(FEED, "funds.batch_received", 1, "fund_batch", "batch_id")
class FundBatchReceived(EventPayload):
    """A fund document arrived for a county (资金到位)."""

    batch_id: BatchId
    doc_number: str = Field(description="文号，如 桂财农〔2019〕1号")
    source_level: SourceLevel = Field(description="资金来源级次")
    year: Year
    county_code: CountyCode
    amount: Yuan
    received_on: date = Field(description="到位日期")
    purpose: str = Field(description="用途")


@event(FEED, "funds.allocated", 1, "allocation", "allocation_id")
class FundsAllocated(EventPayload):
    """Part of a batch was allocated to an admitted project (资金分配)."""

    allocation_id: AllocationId
    batch_id: BatchId
    project_id: ProjectId
    county_code: CountyCode
    source_level: SourceLevel = Field(description="资金来源级次（同批次）")
    year: Year
    amount: Yuan
    allocated_on: date = Field(description="分配日期")
    batch_unallocated: Unallocated


@event(FEED, "funds.spent", 1, "allocation", "allocation_id")
class FundsSpent(EventPayload):
    """A reimbursement was recorded against an allocation (报账)."""

    spending_id: int = Field(description="支出记录的 id")
    allocation_id: AllocationId
    project_id: ProjectId
    county_code: CountyCode
    amount: Yuan
    spent_on: date = Field(description="支出日期")
    voucher_no: str = Field(description="凭证号")
    payee: str = Field(description="收款单位")
    allocation_spent: Spent
    allocation_balance: Balance


@event(FEED, "funds.spending_reversed", 1, "allocation", "allocation_id")
class SpendingReversed(EventPayload):
    """A wrong reimbursement was undone by a compensating entry (冲销); the original stays on record."""

    reversal_id: int = Field(description="冲销记录的 id")
    reversed_spending_id: int = Field(description="被冲销的支出记录 id")
    allocation_id: AllocationId
    project_id: ProjectId
    county_code: CountyCode
    amount: Yuan
    reversed_on: date = Field(description="冲销日期")
    voucher_no: str = Field(description="冲销凭证号")
    reason: str = Field(description="冲销原因")
    allocation_spent: Spent
    allocation_balance: Balance


@event(FEED, "funds.recovered", 1, "allocation", "allocation_id")
class FundsRecovered(EventPayload):
    """Money was taken back from an allocation into its batch's unallocated balance (收回)."""

    recovery_id: int = Field(description="收回记录的 id")
    allocation_id: AllocationId
    batch_id: BatchId
    project_id: ProjectId
    county_code: CountyCode
    amount: Yuan
    recovered_on: date = Field(description="收回日期")
    reason: str = Field(description="收回原因")
    allocation_balance: Balance
    batch_unallocated: Unallocated


@event(FEED, "funds.reallocated", 1, "recovery", "recovery_id")
class FundsReallocated(EventPayload):
    """Recovered money was placed on another project (另行安排): one event, the new allocation included."""

    transfer_id: int = Field(description="另行安排记录的 id")
    recovery_id: int = Field(description="所用收回记录的 id")
    batch_id: BatchId
    from_allocation_id: AllocationId
    to_allocation_id: int = Field(description="新建的资金分配 id")
    from_project_id: ProjectId
    to_project_id: int = Field(description="另行安排到的项目 id")
    county_code: CountyCode
    amount: Yuan
    transferred_on: date = Field(description="另行安排日期")


@event(FEED, "funds.idle_class_overridden", 1, "idle_item", "item_id")
class IdleClassOverridden(EventPayload):
    """Finance set an idle item's class by hand, with the reason (人工调整分类)."""

    item_kind: ItemKind = Field(description="闲置的是批次未分配余额还是分配余额")
    item_id: int = Field(description="批次或分配的 id")
    county_code: CountyCode
    project_id: int | None = Field(description="分配所属项目 id；批次为空")
    previous_class: IdleClass = Field(description="调整前的分类")
    idle_class: IdleClass = Field(description="调整后的分类")
    reason: str = Field(description="调整理由")

    def aggregate_id(self) -> str:
        """Batch and allocation ids overlap: the kind is part of the id."""
        return f"{self.item_kind}-{self.item_id}"


@event(FEED, "funds.case_opened", 1, "rectification_case", "case_id")
class RectificationCaseOpened(EventPayload):
    """A rectification case was opened for an idle item or a finding (立项整改)."""

    case_id: CaseId
    county_code: CountyCode
    origin: CaseOrigin = Field(description="来源：闲置资金、审计或督查")
    batch_id: int | None = Field(description="所涉批次 id")
    allocation_id: int | None = Field(description="所涉分配 id")
    project_id: int | None = Field(description="所涉项目 id")
    idle_class: IdleClass | None = Field(description="闲置资金分类；问题线索为空")
    amount: Yuan = Field(description="立项时的闲置金额（元）；问题线索为 0")
    measure: str = Field(description="整改措施")
    responsible_unit: str = Field(description="责任单位")
    deadline: date = Field(description="整改期限")
    opened_on: date = Field(description="立项日期")
    by_sweep: bool = Field(description="由闲置资金批量立项产生")


@event(FEED, "funds.case_status_changed", 1, "rectification_case", "case_id")
class RectificationCaseStatusChanged(EventPayload):
    """A rectification case moved on: work started (整改中) or closed once the money moved (销号)."""

    case_id: CaseId
    county_code: CountyCode
    project_id: int | None = Field(description="所涉项目 id")
    from_case_status: CaseStatus = Field(description="变更前的整改状态")
    case_status: CaseStatus = Field(description="变更后的整改状态")
    version: int = Field(description="整改事项版本号")
    closed_on: date | None = Field(description="销号日期；未销号为空")
    note: Note


@event(FEED, "funds.announced", 1, "announcement", "announcement_id")
class AllocationsAnnounced(EventPayload):
    """A batch's allocations were publicly announced for a window (公告公示)."""

    announcement_id: int = Field(description="公示的 id")
    batch_id: BatchId
    county_code: CountyCode
    title: str = Field(description="公示标题")
    starts_on: date = Field(description="公示开始日期")
    ends_on: date = Field(description="公示结束日期（含）")
    allocation_count: int = Field(description="公示的分配笔数")
    allocated: Yuan = Field(description="公示的分配金额合计（元）")


@event(FEED, "funds.evaluated", 1, "evaluation", "evaluation_id")
class FundUseEvaluated(EventPayload):
    """A batch's or a project's use of funds was evaluated (绩效评价)."""

    evaluation_id: int = Field(description="绩效评价的 id")
    county_code: CountyCode
    batch_id: int | None = Field(description="评价的批次 id；评价项目时为空")
    project_id: int | None = Field(description="评价的项目 id；评价批次时为空")
    score: Score
    evaluator: str = Field(description="评价单位")
    evaluated_on: date = Field(description="评价日期")
    conclusion: str = Field(description="评价结论")
