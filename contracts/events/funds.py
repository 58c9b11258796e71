"""Payloads of the funds service's feed (资金事件): every movement of money and every step of its follow-up."""
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from contracts.enums import CaseOrigin, CaseStatus, FeedName, IdleClass, ItemKind, SourceLevel
from contracts.events.base import EventPayload, event

FEED = FeedName.FUNDS
Yuan = Annotated[Decimal, Field(max_digits=18, decimal_places=2, description="金额（元，两位小数）")]


@event(FEED, "funds.batch_received", 1, "fund_batch", "batch_id")
class FundBatchReceived(EventPayload):
    """A fund document arrived for a county (资金到位)."""

    batch_id: int
    doc_number: str = Field(description="文号")
    source_level: SourceLevel
    year: int
    county_code: str
    amount: Yuan
    received_on: date
    purpose: str


@event(FEED, "funds.allocated", 1, "allocation", "allocation_id")
class FundsAllocated(EventPayload):
    """Part of a batch was allocated to an admitted project (资金分配)."""

    allocation_id: int
    batch_id: int
    project_id: int
    county_code: str
    source_level: SourceLevel
    year: int
    amount: Yuan
    allocated_on: date
    batch_unallocated: Yuan = Field(description="分配后批次未分配余额（元）")


@event(FEED, "funds.spent", 1, "allocation", "allocation_id")
class FundsSpent(EventPayload):
    """A reimbursement was recorded against an allocation (报账)."""

    spending_id: int
    allocation_id: int
    project_id: int
    county_code: str
    amount: Yuan
    spent_on: date
    voucher_no: str
    payee: str
    allocation_spent: Yuan = Field(description="报账后该分配累计支出（元）")
    allocation_balance: Yuan = Field(description="报账后该分配余额（元）")


@event(FEED, "funds.spending_reversed", 1, "allocation", "allocation_id")
class SpendingReversed(EventPayload):
    """A wrong reimbursement was undone by a compensating entry (冲销)."""

    reversal_id: int
    reversed_spending_id: int
    allocation_id: int
    project_id: int
    county_code: str
    amount: Yuan
    reversed_on: date
    voucher_no: str
    reason: str
    allocation_spent: Yuan
    allocation_balance: Yuan


@event(FEED, "funds.recovered", 1, "allocation", "allocation_id")
class FundsRecovered(EventPayload):
    """Money was taken back from an allocation into its batch's unallocated balance (收回)."""

    recovery_id: int
    allocation_id: int
    batch_id: int
    project_id: int
    county_code: str
    amount: Yuan
    recovered_on: date
    reason: str
    allocation_balance: Yuan
    batch_unallocated: Yuan


@event(FEED, "funds.reallocated", 1, "recovery", "recovery_id")
class FundsReallocated(EventPayload):
    """Recovered money was placed on another project (另行安排): one event, the new allocation included."""

    transfer_id: int
    recovery_id: int
    batch_id: int
    from_allocation_id: int
    to_allocation_id: int
    from_project_id: int
    to_project_id: int
    county_code: str
    amount: Yuan
    transferred_on: date


@event(FEED, "funds.idle_class_overridden", 1, "idle_item", "item_id")
class IdleClassOverridden(EventPayload):
    """Finance set an idle item's class by hand, with the reason (人工调整分类)."""

    item_kind: ItemKind
    item_id: int
    county_code: str
    project_id: int | None
    previous_class: IdleClass
    idle_class: IdleClass
    reason: str

    def aggregate_id(self) -> str:
        """Batch and allocation ids overlap: the kind is part of the id."""
        return f"{self.item_kind}-{self.item_id}"


@event(FEED, "funds.case_opened", 1, "rectification_case", "case_id")
class RectificationCaseOpened(EventPayload):
    """A rectification case was opened for an idle item or a finding (立项整改)."""

    case_id: int
    county_code: str
    origin: CaseOrigin
    batch_id: int | None
    allocation_id: int | None
    project_id: int | None
    idle_class: IdleClass | None
    amount: Yuan = Field(description="立项时的闲置金额（元）；问题线索为 0")
    measure: str
    responsible_unit: str
    deadline: date
    opened_on: date
    by_sweep: bool = Field(description="由闲置资金批量立项产生")


@event(FEED, "funds.case_status_changed", 1, "rectification_case", "case_id")
class RectificationCaseStatusChanged(EventPayload):
    """A rectification case moved on: work started (整改中) or closed once the money moved (销号)."""

    case_id: int
    county_code: str
    project_id: int | None
    from_status: CaseStatus
    status: CaseStatus
    version: int = Field(description="整改事项版本号")
    closed_on: date | None
    note: str | None


@event(FEED, "funds.announced", 1, "announcement", "announcement_id")
class AllocationsAnnounced(EventPayload):
    """A batch's allocations were publicly announced for a window (公告公示)."""

    announcement_id: int
    batch_id: int
    county_code: str
    title: str
    starts_on: date
    ends_on: date
    allocation_count: int = Field(description="公示的分配笔数")
    allocated: Yuan = Field(description="公示的分配金额合计（元）")


@event(FEED, "funds.evaluated", 1, "evaluation", "evaluation_id")
class FundUseEvaluated(EventPayload):
    """A batch's or a project's use of funds was evaluated (绩效评价)."""

    evaluation_id: int
    county_code: str
    batch_id: int | None
    project_id: int | None
    score: Annotated[Decimal, Field(max_digits=5, decimal_places=2, description="得分（0–100）")]
    evaluator: str
    evaluated_on: date
    conclusion: str
