"""What the funds service answers (财政扶贫资金): the ledger, idle funds, rectification, disclosure, progress.

Services build these from their rows and declare them as `response_model`; the gateway parses its upstream answers
into them. Money is Decimal yuan with two decimals.
"""
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from contracts.enums import IdleClass, SourceLevel


class BatchRead(BaseModel):
    """A batch and how much of it is allocated (net of recoveries) and still unallocated."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    doc_number: str
    source_level: SourceLevel
    year: int
    county_code: str
    amount: Decimal
    allocated: Decimal
    unallocated: Decimal
    received_on: date
    purpose: str
    created_by: str
    created_at: datetime


class AllocationRead(BaseModel):
    """An allocation: amount = spent + recovered + balance."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    batch_id: int
    project_id: int
    county_code: str
    source_level: SourceLevel
    year: int
    amount: Decimal
    spent: Decimal
    recovered: Decimal
    balance: Decimal
    allocated_on: date
    last_spent_on: date | None
    created_by: str


class SpendingRead(BaseModel):
    """A spending or reversal entry."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    allocation_id: int
    kind: str
    amount: Decimal
    spent_on: date
    voucher_no: str
    payee: str
    reverses_id: int | None
    created_by: str


class RecoveryRead(BaseModel):
    """Recovered money, and how much of it has been placed on other projects since."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    allocation_id: int
    batch_id: int
    project_id: int
    county_code: str
    amount: Decimal
    reallocated: Decimal
    recovered_on: date
    reason: str


class TransferRead(BaseModel):
    """A transfer record: from, to, amount, date, and how quickly the money moved on."""

    id: int
    recovery_id: int
    from_allocation_id: int
    to_allocation_id: int
    from_project_id: int
    to_project_id: int
    county_code: str
    amount: Decimal
    recovered_on: date
    transferred_on: date
    to_project_started_on: date | None
    days_recovery_to_reallocation: int = Field(description="收回到另行安排的天数")
    days_reallocation_to_start: int | None = Field(description="另行安排到新项目开工的天数；未开工为空")


class IdleItem(BaseModel):
    """One idle item (闲置资金): an unallocated batch balance or an allocation's balance."""

    kind: str = Field(description="batch（未分配）或 allocation（已分配未支出）")
    item_id: int
    batch_id: int
    project_id: int | None
    project_status: str | None
    county_code: str
    source_level: str
    year: int
    amount: Decimal
    since: date = Field(description="资金最后一次变动（到位、分配或支出）的日期")
    age_days: int
    age_bucket: str = Field(description="闲置月数区间：0-3、3-6、6-12、12+")
    idle_class: IdleClass
    idle_class_label: str
    overridden: bool = Field(description="分类是否经财政部门人工调整")


class IdleSum(BaseModel):
    """Idle yuan and items for one group; absent dimensions were not grouped by."""

    county_code: str | None = None
    source_level: str | None = None
    year: int | None = None
    idle_class: str | None = None
    age_bucket: str | None = None
    amount: Decimal
    items: int


class ProjectFunding(BaseModel):
    """One project's allocations, totals and idle items."""

    project_id: int
    allocated: Decimal = Field(description="分配总额（含其后收回的部分）= spent + recovered + balance")
    spent: Decimal
    recovered: Decimal
    balance: Decimal
    allocations: list[AllocationRead]
    idle_items: list[IdleItem]


class CaseRead(BaseModel):
    """A rectification case."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    county_code: str
    origin: str
    batch_id: int | None
    allocation_id: int | None
    project_id: int | None
    idle_class: str | None
    amount: Decimal
    finding: str | None
    measure: str
    responsible_unit: str
    deadline: date
    status: str
    opened_by: str
    opened_on: date
    closed_on: date | None
    close_note: str | None
    version: int = Field(description="整改事项版本号；开始整改、销号时以 If-Match 带回")
    overdue: bool = False


class CountyNotice(BaseModel):
    """One county's line of the weekly notice: new, overdue and closed cases."""

    county_code: str
    new: int
    overdue: int
    closed: int


class WeeklyNotice(BaseModel):
    """每周通报: the week's new and closed cases and the overdue ones, per county."""

    week_start: date
    week_end: date
    counties: list[CountyNotice]


class AnnouncementRead(BaseModel):
    """An announcement with its frozen allocation list and whether it is open today."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    batch_id: int
    county_code: str
    title: str
    starts_on: date
    ends_on: date
    allocations: list[dict[str, Any]]
    published_by: str
    open: bool = False


class EvaluationRead(BaseModel):
    """A stored evaluation."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    county_code: str
    batch_id: int | None
    project_id: int | None
    indicators: list[dict[str, Any]]
    score: Decimal
    conclusion: str
    evaluator: str
    evaluated_on: date


class ProgressRow(BaseModel):
    """Money received, allocated, spent, recovered and idle for one county, source level and year."""

    county_code: str
    source_level: str
    year: int
    received: Decimal
    allocated: Decimal = Field(description="已分配（扣除收回）")
    spent: Decimal
    recovered: Decimal
    idle: Decimal
    spend_rate: Decimal = Field(description="支出进度 = 已支出 ÷ 到位资金")
    flag: Literal["red", "yellow", "green"]
