"""What the funds service answers (财政扶贫资金): the ledger, idle funds, rectification, disclosure, progress.

Services build these from their rows and declare them as `response_model`; the gateway parses its upstream answers
into them. Money is Decimal yuan with two decimals.
"""
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from contracts.enums import (
    AgeBucket,
    CaseOrigin,
    CaseStatus,
    IdleClass,
    ItemKind,
    ProgressFlag,
    ProjectStatus,
    SourceLevel,
    SpendingKind,
)
from contracts.fields import AllocationId, BatchId, CountyCode, ProjectId, Year


class BatchRead(BaseModel):
    """A batch and how much of it is allocated (net of recoveries) and still unallocated."""

    model_config = ConfigDict(from_attributes=True)

    id: BatchId
    doc_number: str = Field(description="资金文件文号（document number）")
    source_level: SourceLevel = Field(description="资金来源级次（source level）")
    year: Year
    county_code: CountyCode
    amount: Decimal = Field(description="到位金额（元，两位小数）= allocated + unallocated")
    allocated: Decimal = Field(description="已分配（扣除收回）（元，两位小数）")
    unallocated: Decimal = Field(description="未分配余额（元，两位小数）")
    received_on: date = Field(description="资金到位日期")
    purpose: str = Field(description="资金用途")
    created_by: str = Field(description="登记人（登录账号）")
    created_at: datetime = Field(description="登记时间（UTC）")


class AllocationRead(BaseModel):
    """An allocation: amount = spent + recovered + balance."""

    model_config = ConfigDict(from_attributes=True)

    id: AllocationId
    batch_id: BatchId
    project_id: ProjectId
    county_code: CountyCode
    source_level: SourceLevel = Field(description="资金来源级次（批次的）")
    year: Year
    amount: Decimal = Field(description="分配金额（元，两位小数）= spent + recovered + balance")
    spent: Decimal = Field(description="已支出（扣除冲销）（元，两位小数）")
    recovered: Decimal = Field(description="已收回（回到批次未分配余额）（元，两位小数）")
    balance: Decimal = Field(description="分配余额（已分配未支出）（元，两位小数）")
    allocated_on: date = Field(description="分配日期")
    last_spent_on: date | None = Field(description="最近一次报账日期；未报账为空")
    created_by: str = Field(description="分配人（登录账号）")


class SpendingRead(BaseModel):
    """A spending or reversal entry."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="报账记录的 id")
    allocation_id: AllocationId
    kind: SpendingKind = Field(description="报账或冲销")
    amount: Decimal = Field(description="金额（元，两位小数），总为正；冲销记录使已支出减少该金额")
    spent_on: date = Field(description="报账（或冲销）日期")
    voucher_no: str = Field(description="凭证号")
    payee: str = Field(description="收款单位或个人")
    reverses_id: int | None = Field(description="冲销记录所冲销的报账记录 id；报账记录为空")
    created_by: str = Field(description="经办人（登录账号）")
    correction_reason: str | None = Field(None, description="关账后更正的理由（日期所在月份已关账时由市级更正）；"
                                                            "一般记录为空")


class RecoveryRead(BaseModel):
    """Recovered money, and how much of it has been placed on other projects since."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="收回记录的 id")
    allocation_id: AllocationId
    batch_id: BatchId
    project_id: ProjectId
    county_code: CountyCode
    amount: Decimal = Field(description="收回金额（元，两位小数）")
    reallocated: Decimal = Field(description="其中已另行安排到其他项目的金额（元，两位小数）")
    recovered_on: date = Field(description="收回日期")
    reason: str = Field(description="收回理由")


class TransferRead(BaseModel):
    """A transfer record: from, to, amount, date, and how quickly the money moved on."""

    id: int = Field(description="转移记录的 id")
    recovery_id: int = Field(description="来源收回记录的 id")
    from_allocation_id: int = Field(description="收回自哪一笔分配")
    to_allocation_id: int = Field(description="另行安排形成的新分配")
    from_project_id: int = Field(description="原项目 id")
    to_project_id: int = Field(description="新项目 id")
    county_code: CountyCode
    amount: Decimal = Field(description="另行安排的金额（元，两位小数）")
    recovered_on: date = Field(description="收回日期")
    transferred_on: date = Field(description="另行安排日期")
    to_project_started_on: date | None = Field(description="新项目开工日期；未开工为空")
    days_recovery_to_reallocation: int = Field(description="收回到另行安排的天数")
    days_reallocation_to_start: int | None = Field(description="另行安排到新项目开工的天数；未开工为空")


class IdleItem(BaseModel):
    """One idle item (闲置资金): an unallocated batch balance or an allocation's balance."""

    kind: ItemKind = Field(description="batch（未分配）或 allocation（已分配未支出）")
    item_id: int = Field(description="台账行的 id：kind 为 batch 时是批次 id，为 allocation 时是分配 id")
    batch_id: BatchId
    project_id: int | None = Field(description="分配所属项目的 id；批次未分配余额为空")
    project_status: ProjectStatus | None = Field(description="项目当前状态；批次未分配余额为空")
    county_code: CountyCode
    source_level: SourceLevel = Field(description="资金来源级次")
    year: Year
    amount: Decimal = Field(description="闲置金额（元，两位小数）")
    since: date = Field(description="资金最后一次变动（到位、分配或支出）的日期")
    age_days: int = Field(description="闲置天数（自 since 起）")
    age_bucket: AgeBucket = Field(description="闲置月数区间")
    idle_class: IdleClass = Field(description="闲置资金分类（what to do about it）")
    idle_class_label: str = Field(description="分类的中文名称")
    overridden: bool = Field(description="分类是否经财政部门人工调整")


class IdleSum(BaseModel):
    """Idle yuan and items for one group; absent dimensions were not grouped by."""

    county_code: str | None = Field(None, description="县区代码；未按县区分组为空")
    source_level: SourceLevel | None = Field(None, description="资金来源级次；未按来源分组为空")
    year: int | None = Field(None, description="年度；未按年度分组为空")
    idle_class: IdleClass | None = Field(None, description="闲置资金分类；未按分类分组为空")
    age_bucket: AgeBucket | None = Field(None, description="闲置月数区间；未按区间分组为空")
    amount: Decimal = Field(description="闲置金额合计（元，两位小数）")
    items: int = Field(description="闲置资金笔数")


class ProjectFunding(BaseModel):
    """One project's allocations, totals and idle items."""

    project_id: ProjectId
    allocated: Decimal = Field(description="分配总额（含其后收回的部分）= spent + recovered + balance（元，两位小数）")
    spent: Decimal = Field(description="已支出（扣除冲销）（元，两位小数）")
    recovered: Decimal = Field(description="已收回（回到批次未分配余额）（元，两位小数）")
    balance: Decimal = Field(description="余额（已分配未支出）（元，两位小数）")
    allocations: list[AllocationRead] = Field(description="项目的每笔资金分配")
    idle_items: list[IdleItem] = Field(description="项目各笔分配的闲置资金（已分配未支出的余额）")


class CaseRead(BaseModel):
    """A rectification case."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="整改事项的 id")
    county_code: CountyCode
    origin: CaseOrigin = Field(description="为何立项：闲置资金、审计发现或督查发现")
    batch_id: int | None = Field(description="所涉资金批次的 id；不涉及为空")
    allocation_id: int | None = Field(description="所涉资金分配的 id；不涉及为空")
    project_id: int | None = Field(description="所涉项目的 id；不涉及为空")
    idle_class: IdleClass | None = Field(description="立项时闲置资金的分类；非闲置资金整改为空")
    amount: Decimal = Field(description="立项时涉及的金额（元，两位小数）")
    finding: str | None = Field(description="审计、督查发现的问题；闲置资金整改可为空")
    measure: str = Field(description="整改措施")
    responsible_unit: str = Field(description="责任单位")
    deadline: date = Field(description="整改期限")
    status: CaseStatus = Field(description="整改状态")
    opened_by: str = Field(description="立项人（登录账号）")
    opened_on: date = Field(description="立项日期")
    closed_on: date | None = Field(description="销号日期；未销号为空")
    close_note: str | None = Field(description="销号说明；未销号为空")
    version: int = Field(description="整改事项版本号；开始整改、销号时以 If-Match 带回")
    overdue: bool = Field(False, description="是否逾期：已过整改期限仍未销号")


class CountyNotice(BaseModel):
    """One county's line of the weekly notice: new, overdue and closed cases."""

    county_code: CountyCode
    new: int = Field(description="本周新增的整改事项数")
    overdue: int = Field(description="逾期未销号的整改事项数")
    closed: int = Field(description="本周销号的整改事项数")


class WeeklyNotice(BaseModel):
    """每周通报: the week's new and closed cases and the overdue ones, per county."""

    week_start: date = Field(description="通报周的第一天")
    week_end: date = Field(description="通报周的最后一天")
    counties: list[CountyNotice] = Field(description="各县区一行")


class AnnouncementRead(BaseModel):
    """An announcement with its frozen allocation list and whether it is open today."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="公告的 id")
    batch_id: BatchId
    county_code: CountyCode
    title: str = Field(description="公告标题")
    starts_on: date = Field(description="公示开始日期")
    ends_on: date = Field(description="公示结束日期")
    allocations: list[dict[str, Any]] = Field(description="公示时冻结的分配清单（每笔 id、项目、金额、分配日期）")
    published_by: str = Field(description="发布人（登录账号）")
    open: bool = Field(False, description="今天是否在公示期内")


class EvaluationRead(BaseModel):
    """A stored evaluation."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="绩效评价的 id")
    county_code: CountyCode
    batch_id: int | None = Field(description="评价的资金批次 id；评价项目时为空")
    project_id: int | None = Field(description="评价的项目 id；评价批次时为空")
    indicators: list[dict[str, Any]] = Field(description="评价指标：每个的 indicator、unit、target、actual")
    score: Decimal = Field(description="评价得分（0–100）")
    conclusion: str = Field(description="评价结论")
    evaluator: str = Field(description="评价人或评价机构")
    evaluated_on: date = Field(description="评价日期")


class ProgressRow(BaseModel):
    """Money received, allocated, spent, recovered and idle for one county, source level and year."""

    county_code: CountyCode
    source_level: SourceLevel = Field(description="资金来源级次")
    year: Year
    received: Decimal = Field(description="到位资金（元，两位小数）")
    allocated: Decimal = Field(description="已分配（扣除收回）")
    spent: Decimal = Field(description="已支出（扣除冲销）（元，两位小数）")
    recovered: Decimal = Field(description="已收回（元，两位小数）")
    idle: Decimal = Field(description="闲置资金（元，两位小数）")
    spend_rate: Decimal = Field(description="支出进度 = 已支出 ÷ 到位资金")
    flag: ProgressFlag = Field(description="支出进度预警：低于标红线（默认 50%）标红，低于标黄线（默认 80%）标黄")
