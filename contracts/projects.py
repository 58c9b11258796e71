"""What the projects service answers (项目库): library entries, their timeline, objections, plans, figures.

Services build these from their rows and declare them as `response_model`; the gateway parses its upstream answers
into them. `Beneficiaries` and `PerformanceTarget` are both what an owner submits and what a reader sees, one
definition for both.
"""
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from contracts.enums import (
    FundSource,
    ObjectionStatus,
    PlanEntryVia,
    PlanStatus,
    ProjectCategory,
    ProjectStatus,
    Role,
)
from contracts.fields import CountyCode, ProjectId, Year
from contracts.inputs import FreeText, StrictInput
from contracts.values import Measure


@dataclass
class ProjectFilter:
    """Filters of the library list (REST query parameters, the Excel export, GraphQL `projects(filter:)`); None
    means any."""

    county: str | None = None  # 县区代码
    status: ProjectStatus | None = None
    category: ProjectCategory | None = None
    year: int | None = None  # 计划开始年度
    owner_org: str | None = None  # 项目单位

class Beneficiaries(StrictInput):
    """How the project reduces poverty (带贫减贫机制)."""

    poor_households: int = Field(0, ge=0, description="受益贫困户数")
    poor_people: int = Field(0, ge=0, description="受益贫困人口数")
    poor_villages: list[Annotated[str, Field(min_length=1, max_length=60)]] = Field(
        default_factory=list, max_length=100, description="服务的贫困村")
    description: FreeText = Field(min_length=1, max_length=4000, description="带贫减贫机制说明")


class PerformanceTarget(StrictInput):
    """One performance indicator (绩效目标) with its unit and target value."""

    indicator: Annotated[str, Field(min_length=1, max_length=200, description="绩效指标名称（indicator）")]
    unit: Annotated[str, Field(min_length=1, max_length=20, description="计量单位，如 户、人、公里、万元（unit）")]
    target_value: Measure


class BudgetLineRead(BaseModel):
    """A stored budget line."""

    model_config = ConfigDict(from_attributes=True)

    source: FundSource = Field(description="资金来源（fund source）")
    year: Year
    amount: Decimal = Field(description="预算金额（元，两位小数）")


class ProjectRead(BaseModel):
    """A library entry as every reader sees it."""

    model_config = ConfigDict(from_attributes=True)

    id: ProjectId
    name: str = Field(description="项目名称（project name）")
    county_code: CountyCode
    county_name: str = Field(description="县区名称（county name）")
    township: str = Field(description="所在乡镇（township）")
    village: str = Field(description="所在村（village）")
    category: ProjectCategory = Field(description="项目类别（category）")
    category_label: str = Field(description="项目类别的中文名称（category label）")
    owner_org: str = Field(description="项目主管（实施）单位（owning organisation）")
    status: ProjectStatus = Field(description="项目状态（where the entry is in its life）")
    status_label: str = Field(description="项目状态的中文名称（status label）")
    uses_fiscal_funds: bool = Field(description="是否使用财政扶贫资金（uses fiscal poverty funds）")
    total_budget: Decimal = Field(description="总预算：各预算行金额之和（元，两位小数）")
    budget: list[BudgetLineRead] = Field(description="分来源、分年度的预算（budget lines）")
    beneficiaries: Beneficiaries = Field(description="带贫减贫机制（how the project reduces poverty）")
    targets: list[PerformanceTarget] = Field(description="绩效目标（performance targets）")
    planned_start_year: int = Field(description="计划开工年度（planned start year）")
    planned_end_year: int = Field(description="计划完工年度（planned end year）")
    version: int = Field(description="版本号：每次变更加一；操作项目时作为 version（REST 的 If-Match）带回")
    created_at: datetime = Field(description="申报时间（UTC）")
    updated_at: datetime = Field(description="最后变更时间（UTC）")
    returned_from: ProjectStatus | None = Field(None, description="退回时的审核环节，重新提交后回到该环节；未退回为空")
    notice_starts_on: date | None = Field(None, description="公示开始日期；未公示为空")
    notice_ends_on: date | None = Field(None, description="公示结束日期（公示期满方可入库）；未公示为空")
    library_code: str | None = Field(None, description="入库编号：县区代码-入库年度-序号")
    admitted_on: date | None = Field(None, description="入库日期；未入库为空")
    plan_year: int | None = Field(None, description="当前所在年度计划")
    started_on: date | None = Field(None, description="开工日期；未开工为空")
    progress_percent: int = Field(0, description="工程进度（完成百分比，0–100，只增不减）")
    last_progress_on: date | None = Field(None, description="最近一次报告进度的日期；未报告为空")
    completed_on: date | None = Field(None, description="竣工日期；未竣工为空")
    accepted_on: date | None = Field(None, description="验收日期；未验收为空")
    actual_households: int | None = Field(None, description="验收时实际受益贫困户数")
    actual_people: int | None = Field(None, description="验收时实际受益贫困人口")
    settled_on: date | None = Field(None, description="报账完成日期；未报账为空")
    ended_on: date | None = Field(None, description="终止日期（不予入库、取消或清理出库）；未终止为空")
    end_reason: str | None = Field(None, description="终止理由；未终止为空")
    breach_rules: list[str] = Field(default_factory=list, description="违反的入库规则（历史导入项目可能存在）")
    village_id: int | None = Field(None, description="所在行政村在村屯名录中的 id；系统启用名录前导入的项目为空")
    poor_village_ids: list[int] = Field(default_factory=list, description="服务的贫困村在村屯名录中的 id")
    natural_village_ids: list[int] = Field(default_factory=list, description="服务的自然屯在村屯名录中的 id")


class ObjectionRead(BaseModel):
    """An objection and its resolution."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="异议的 id")
    project_id: ProjectId
    lodged_by: str = Field(description="提出人（登录账号）")
    lodged_role: Role = Field(description="提出人的角色")
    lodged_at: datetime = Field(description="提出时间（UTC）")
    reason: str = Field(description="异议理由")
    status: ObjectionStatus = Field(description="异议处理状态")
    resolved_by: str | None = Field(description="处理人（县扶贫办）；未处理为空")
    resolved_at: datetime | None = Field(description="处理时间（UTC）；未处理为空")
    resolution: str | None = Field(description="处理意见；未处理为空")


class HistoryRead(BaseModel):
    """One step of the timeline."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="记录的 id，按发生先后递增")
    at: datetime = Field(description="发生时间（UTC）")
    actor: str = Field(description="经办人（登录账号）")
    actor_role: Role = Field(description="经办人的角色")
    action: str = Field(description="操作：submit 申报、import 导入，其余为 ProjectAction 的值（如 approve、start）")
    from_status: ProjectStatus | None = Field(description="操作前的状态；申报、导入为空")
    to_status: ProjectStatus | None = Field(description="操作后的状态")
    note: str | None = Field(description="意见、理由或说明；没有为空")
    data: dict[str, Any] = Field(description="操作的其他内容（如进度百分比、验收结论、计划年度）")


class PlanEntryRead(BaseModel):
    """An entry's membership of a plan."""

    model_config = ConfigDict(from_attributes=True)

    project_id: ProjectId
    project_name: str = Field(description="项目名称")
    project_status: ProjectStatus = Field(description="项目当前状态")
    added_on: date = Field(description="列入计划的日期")
    added_by: str = Field(description="列入人（登录账号）")
    added_via: PlanEntryVia = Field(description="如何列入计划")
    added_reason: str | None = Field(description="调入理由（第四季度调整时）；其他为空")
    removed_on: date | None = Field(description="调出日期；仍在计划中为空")
    removed_by: str | None = Field(description="调出人（登录账号）；仍在计划中为空")
    removed_reason: str | None = Field(description="调出理由；仍在计划中为空")


class PlanRead(BaseModel):
    """A county's annual implementation plan."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="年度计划的 id")
    county_code: CountyCode
    year: Year
    status: PlanStatus = Field(description="执行中，或已关闭（滚动后只读）")
    version: int = Field(description="版本号：滚动、调整时作为 version（REST 的 If-Match）带回")
    created_at: datetime = Field(description="建立时间（UTC）")
    closed_at: datetime | None = Field(description="关闭（滚动到下一年）时间（UTC）；执行中为空")
    entries: list[PlanEntryRead] = Field(default_factory=list,
                                         description="计划中的项目，含已调出的（removedOn 不为空）；列表读取时为空")


class PlanMembership(BaseModel):
    """One annual plan an entry has been in (滚动历史: scheduled, rolled over, adjusted, imported)."""

    year: Year
    plan_status: PlanStatus = Field(description="该年度计划的状态")
    added_via: PlanEntryVia = Field(description="如何列入该计划")
    added_on: date = Field(description="列入日期")
    removed_on: date | None = Field(description="调出日期；未调出为空")
    removed_reason: str | None = Field(description="调出理由；未调出为空")


class FigureRead(BaseModel):
    """Figures of one group."""

    key: str | None = Field(description="分组值；计划年度为空表示未列入计划")
    label: str = Field(description="分组的中文名称（县区名、状态名、类别名或年度）")
    entries: int = Field(description="项目数")
    budget: Decimal = Field(description="总预算（元）")
    in_library: int = Field(description="已入库（未终止）项目数")
    started_share: float = Field(description="开工率：已开工 ÷ 已入库")
    completed_share: float = Field(description="完工率：已竣工 ÷ 已入库")


class BrokenRule(BaseModel):
    """A rule a candidate breaks."""

    rule: str = Field(description="规则代码（英文，稳定）")
    message: str = Field(description="规则说明（中文）")


class Candidate(BaseModel):
    """An entry the sweep lists, with every rule it breaks."""

    project: ProjectRead = Field(description="候选项目")
    rules: list[BrokenRule] = Field(description="违反的每条规则")


class CountyCount(BaseModel):
    """Clear-out candidates of one county (清理出库汇总)."""

    county_code: CountyCode
    candidates: int = Field(description="清理出库候选项目数")
