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

from contracts.enums import FundSource, ProjectCategory, ProjectStatus
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

    indicator: Annotated[str, Field(min_length=1, max_length=200)]
    unit: Annotated[str, Field(min_length=1, max_length=20)]
    target_value: Measure


class BudgetLineRead(BaseModel):
    """A stored budget line."""

    model_config = ConfigDict(from_attributes=True)

    source: FundSource
    year: int
    amount: Decimal


class ProjectRead(BaseModel):
    """A library entry as every reader sees it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    county_code: str
    county_name: str
    township: str
    village: str
    category: ProjectCategory
    category_label: str
    owner_org: str
    status: ProjectStatus
    status_label: str
    uses_fiscal_funds: bool
    total_budget: Decimal
    budget: list[BudgetLineRead]
    beneficiaries: Beneficiaries
    targets: list[PerformanceTarget]
    planned_start_year: int
    planned_end_year: int
    version: int
    created_at: datetime
    updated_at: datetime
    returned_from: ProjectStatus | None = None
    notice_starts_on: date | None = None
    notice_ends_on: date | None = None
    library_code: str | None = Field(None, description="入库编号：县区代码-入库年度-序号")
    admitted_on: date | None = None
    plan_year: int | None = Field(None, description="当前所在年度计划")
    started_on: date | None = None
    progress_percent: int = 0
    last_progress_on: date | None = None
    completed_on: date | None = None
    accepted_on: date | None = None
    actual_households: int | None = Field(None, description="验收时实际受益贫困户数")
    actual_people: int | None = Field(None, description="验收时实际受益贫困人口")
    settled_on: date | None = None
    ended_on: date | None = None
    end_reason: str | None = None
    breach_rules: list[str] = Field(default_factory=list, description="违反的入库规则（历史导入项目可能存在）")


class ObjectionRead(BaseModel):
    """An objection and its resolution."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    project_id: int
    lodged_by: str
    lodged_role: str
    lodged_at: datetime
    reason: str
    status: str
    resolved_by: str | None
    resolved_at: datetime | None
    resolution: str | None


class HistoryRead(BaseModel):
    """One step of the timeline."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    actor: str
    actor_role: str
    action: str
    from_status: str | None
    to_status: str | None
    note: str | None
    data: dict[str, Any]


class PlanEntryRead(BaseModel):
    """An entry's membership of a plan."""

    model_config = ConfigDict(from_attributes=True)

    project_id: int
    project_name: str
    project_status: str
    added_on: date
    added_by: str
    added_via: str = Field(description="schedule 列入 | rollover 滚动转入 | adjustment 调整 | import 导入")
    added_reason: str | None
    removed_on: date | None
    removed_by: str | None
    removed_reason: str | None


class PlanRead(BaseModel):
    """A county's annual implementation plan."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    county_code: str
    year: int
    status: str = Field(description="open 执行中 | closed 已关闭（只读）")
    version: int
    created_at: datetime
    closed_at: datetime | None
    entries: list[PlanEntryRead] = Field(default_factory=list)


class FigureRead(BaseModel):
    """Figures of one group."""

    key: str | None = Field(description="分组值；计划年度为空表示未列入计划")
    label: str
    entries: int = Field(description="项目数")
    budget: Decimal = Field(description="总预算（元）")
    in_library: int = Field(description="已入库（未终止）项目数")
    started_share: float = Field(description="开工率：已开工 ÷ 已入库")
    completed_share: float = Field(description="完工率：已竣工 ÷ 已入库")


class BrokenRule(BaseModel):
    """A rule a candidate breaks."""

    rule: str
    message: str


class Candidate(BaseModel):
    """An entry the sweep lists, with every rule it breaks."""

    project: ProjectRead
    rules: list[BrokenRule]
