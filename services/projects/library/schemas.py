"""Request and response shapes of library entries (the list's filters are contracts.projects.ProjectFilter)."""
from typing import Annotated, Any

from pydantic import Field, field_validator, model_validator

from contracts.projects import Beneficiaries, BudgetLineRead, PerformanceTarget, ProjectRead
from services.kit.counties import COUNTIES, is_liuzhou_county
from services.kit.inputs import StrictInput
from services.kit.values import Year, Yuan
from services.projects.terms import (
    CATEGORY_LABELS,
    STATUS_LABELS,
    FundSource,
    ProjectCategory,
)

Text = Annotated[str, Field(min_length=1, max_length=200)]




class BudgetLineIn(StrictInput):
    """Budget from one fund source in one year."""

    source: FundSource
    year: Year
    amount: Yuan


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


def project_read(project: Any) -> ProjectRead:
    """A Project row with its budget lines loaded, as every reader sees it."""
    return ProjectRead(
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
