"""Request and response shapes of library entries."""
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from services.kit.counties import COUNTIES, is_liuzhou_county
from services.kit.inputs import FreeText, StrictInput
from services.kit.values import Measure, Year, Yuan
from services.projects.library.states import (
    CATEGORY_LABELS,
    STATUS_LABELS,
    FundSource,
    ProjectCategory,
    ProjectStatus,
)

Text = Annotated[str, Field(min_length=1, max_length=200)]


class BudgetLineIn(StrictInput):
    """Budget from one fund source in one year."""

    source: FundSource
    year: Year
    amount: Yuan


class Beneficiaries(StrictInput):
    """How the project reduces poverty (带贫减贫机制)."""

    poor_households: int = Field(0, ge=0, description="受益贫困户数")
    poor_people: int = Field(0, ge=0, description="受益贫困人口数")
    poor_villages: list[Annotated[str, Field(min_length=1, max_length=60)]] = Field(
        default_factory=list, max_length=100, description="服务的贫困村")
    description: FreeText = Field(min_length=1, max_length=4000, description="带贫减贫机制说明")


class PerformanceTarget(StrictInput):
    """One performance indicator (绩效目标) with its unit and target value."""

    indicator: Text
    unit: Annotated[str, Field(min_length=1, max_length=20)]
    target_value: Measure


class ProjectCreate(StrictInput):
    """A new library entry as an owner submits it (项目入库申报)."""

    name: Text
    county_code: str = Field(description="县区代码（柳州市十个县区之一）", examples=["450225"])
    township: Annotated[str, Field(min_length=1, max_length=60)]
    village: Annotated[str, Field(min_length=1, max_length=60)]
    category: ProjectCategory
    owner_org: str | None = Field(None, max_length=120, description="项目主管单位；项目单位账号可省略，取自凭证")
    uses_fiscal_funds: bool = Field(description="是否使用财政扶贫资金")
    budget: list[BudgetLineIn] = Field(min_length=1, max_length=50)
    beneficiaries: Beneficiaries
    targets: list[PerformanceTarget] = Field(default_factory=list, max_length=50)
    planned_start_year: Year
    planned_end_year: Year

    @field_validator("county_code")
    @classmethod
    def _county(cls, value: str) -> str:
        if not is_liuzhou_county(value):
            raise ValueError("不是柳州市的县区代码（450202–450206、450222–450226）")
        return value

    @model_validator(mode="after")
    def _years(self) -> "ProjectCreate":
        if self.planned_end_year < self.planned_start_year:
            raise ValueError("计划完成年度不能早于计划开工年度")
        outside = [b.year for b in self.budget if not self.planned_start_year <= b.year <= self.planned_end_year]
        if outside:
            raise ValueError(f"预算年度 {outside[0]} 不在计划实施年度内")
        return self


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

    @classmethod
    def of(cls, project) -> "ProjectRead":
        """Build from a Project row with its budget lines loaded."""
        return cls(
            id=project.id, name=project.name, county_code=project.county_code,
            county_name=COUNTIES[project.county_code], township=project.township, village=project.village,
            category=project.category, category_label=CATEGORY_LABELS[project.category],
            owner_org=project.owner_org, status=project.status, status_label=STATUS_LABELS[project.status],
            uses_fiscal_funds=project.uses_fiscal_funds, total_budget=project.total_budget,
            budget=[BudgetLineRead.model_validate(b) for b in project.budget_lines],
            beneficiaries=Beneficiaries.of_stored({
                "poor_households": project.poor_households, "poor_people": project.poor_people,
                "poor_villages": project.poor_villages, "description": project.mechanism}),
            targets=[PerformanceTarget.of_stored(t) for t in project.targets],
            planned_start_year=project.planned_start_year, planned_end_year=project.planned_end_year,
            version=project.version, created_at=project.created_at, updated_at=project.updated_at,
            breach_rules=[r for r in (project.breach_rules or "").split(",") if r],
            **{name: getattr(project, name) for name in _LIFE_FIELDS},
        )


_LIFE_FIELDS = ("returned_from", "notice_starts_on", "notice_ends_on", "library_code", "admitted_on", "plan_year",
                "started_on", "progress_percent", "last_progress_on", "completed_on", "accepted_on",
                "actual_households", "actual_people", "settled_on", "ended_on", "end_reason")
