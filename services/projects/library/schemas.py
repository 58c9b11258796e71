"""Request and response shapes of library entries (the list's filters are contracts.projects.ProjectFilter)."""
from typing import Annotated, Any

from pydantic import Field, field_validator, model_validator

from contracts.projects import Beneficiaries, BudgetLineRead, PerformanceTarget, ProjectRead
from services.kit.counties import COUNTIES, is_liuzhou_county
from services.kit.inputs import StrictInput
from services.kit.values import Year, Yuan
from services.projects.places.schemas import PlaceName, RegistryId
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


class EntryContent(StrictInput):
    """What an owner fills in about an entry, apart from where it is (its places)."""

    name: Text
    county_code: str = Field(description="县区代码（柳州市十个县区之一）", examples=["450225"])
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
    def _years(self) -> "EntryContent":
        if self.planned_end_year < self.planned_start_year:
            raise ValueError("计划完成年度不能早于计划开工年度")
        outside = [b.year for b in self.budget if not self.planned_start_year <= b.year <= self.planned_end_year]
        if outside:
            raise ValueError(f"预算年度 {outside[0]} 不在计划实施年度内")
        return self


class ProjectCreate(EntryContent):
    """A new or revised library entry (项目入库申报); its places are villages of the county's registry (村屯名录)."""

    village_id: RegistryId = Field(description="所在行政村：村屯名录中本县区行政村的 id")
    poor_village_ids: list[RegistryId] = Field(
        default_factory=list, max_length=100, description="服务的贫困村：村屯名录中本县区行政村的 id")
    natural_village_ids: list[RegistryId] = Field(
        default_factory=list, max_length=100, description="服务的自然屯（如道路硬化的自然屯）：村屯名录中的 id")

    @model_validator(mode="after")
    def _villages_by_id(self) -> "ProjectCreate":
        if self.beneficiaries.poor_villages:
            raise ValueError("服务的贫困村请以 poor_village_ids 填写村屯名录中的 id"
                             "（beneficiaries.poor_villages 只用于读取）")
        return self


class NamedEntry(EntryContent):
    """An entry whose places are named as a ledger row names them (乡镇、行政村、服务贫困村), matched by name."""

    township: PlaceName
    village: PlaceName


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
        breach_rules=[r for r in (project.breach_rules or "").split(",") if r], village_id=project.village_id,
        poor_village_ids=project.poor_village_ids, natural_village_ids=project.natural_village_ids,
        **{name: getattr(project, name) for name in _LIFE_FIELDS},
    )


_LIFE_FIELDS = ("returned_from", "notice_starts_on", "notice_ends_on", "library_code", "admitted_on", "plan_year",
                "started_on", "progress_percent", "last_progress_on", "completed_on", "accepted_on",
                "actual_households", "actual_people", "settled_on", "ended_on", "end_reason")
