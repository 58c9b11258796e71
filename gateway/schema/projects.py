"""GraphQL types and fields of the project library."""
import dataclasses
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from gateway.context import Context
from gateway.schema.funds import ProjectFunding, funding_of
from gateway.schema.problems import Forbidden, InvalidInput, ProjectNotEligible, Refused, or_problem
from gateway.schema.text import free_text_field
from services.kit.pagination import encode_cursor
from services.projects.library.states import FundSource, ProjectCategory, ProjectStatus

ProjectStatusGQL = strawberry.enum(Enum("ProjectStatus", {s.name: s.value for s in ProjectStatus}),
                                   description="项目状态")
ProjectCategoryGQL = strawberry.enum(Enum("ProjectCategory", {c.name: c.value for c in ProjectCategory}),
                                     description="项目类别")
FundSourceGQL = strawberry.enum(Enum("FundSource", {s.name: s.value for s in FundSource}),
                                description="资金来源")


@strawberry.type(description="某一资金来源在某一年度的预算（元）")
class BudgetLine:
    source: FundSourceGQL
    year: int
    amount: Decimal


@strawberry.type(description="带贫减贫机制")
class Beneficiaries:
    poor_households: int
    poor_people: int
    poor_villages: list[str]
    description: str


@strawberry.type(description="绩效目标")
class PerformanceTarget:
    indicator: str
    unit: str
    target_value: Decimal


@strawberry.type(description="脱贫攻坚项目库中的一个项目")
class Project:
    id: int
    name: str
    county_code: str
    county_name: str
    township: str
    village: str
    category: ProjectCategoryGQL
    category_label: str
    owner_org: str
    status: ProjectStatusGQL
    status_label: str
    uses_fiscal_funds: bool
    total_budget: Decimal
    budget: list[BudgetLine]
    beneficiaries: Beneficiaries
    targets: list[PerformanceTarget]
    planned_start_year: int
    planned_end_year: int
    version: int
    returned_from: ProjectStatusGQL | None = None
    notice_starts_on: date | None = None
    notice_ends_on: date | None = None
    library_code: str | None = None
    admitted_on: date | None = None
    plan_year: int | None = None
    started_on: date | None = None
    progress_percent: int = 0
    last_progress_on: date | None = None
    completed_on: date | None = None
    accepted_on: date | None = None
    actual_households: int | None = None
    actual_people: int | None = None
    settled_on: date | None = None
    ended_on: date | None = None
    end_reason: str | None = None
    breach_rules: list[str] = strawberry.field(default_factory=list)

    @strawberry.field(description="项目资金情况（分配、支出、余额、闲置）；资金服务不可用时为 null 并附错误")
    async def funding(self, info: Info[Context, None]) -> ProjectFunding | None:
        return await funding_of(info, self.id)

    @classmethod
    def from_rest(cls, d: dict[str, Any]) -> "Project":
        """Build from the projects service's JSON."""
        return cls(
            id=d["id"], name=d["name"], county_code=d["county_code"], county_name=d["county_name"],
            township=d["township"], village=d["village"], category=ProjectCategoryGQL(d["category"]),
            category_label=d["category_label"], owner_org=d["owner_org"], status=ProjectStatusGQL(d["status"]),
            status_label=d["status_label"], uses_fiscal_funds=d["uses_fiscal_funds"],
            total_budget=Decimal(d["total_budget"]),
            budget=[BudgetLine(source=FundSourceGQL(b["source"]), year=b["year"], amount=Decimal(b["amount"]))
                    for b in d["budget"]],
            beneficiaries=Beneficiaries(**d["beneficiaries"]),
            targets=[PerformanceTarget(indicator=t["indicator"], unit=t["unit"],
                                       target_value=Decimal(t["target_value"])) for t in d["targets"]],
            planned_start_year=d["planned_start_year"], planned_end_year=d["planned_end_year"],
            version=d["version"],
            returned_from=ProjectStatusGQL(d["returned_from"]) if d.get("returned_from") else None,
            breach_rules=d.get("breach_rules", []), progress_percent=d.get("progress_percent", 0),
            **{k: d.get(k) for k in _PLAIN}, **{k: date.fromisoformat(d[k]) if d.get(k) else None for k in _DATES},
        )


_DATES = ("notice_starts_on", "notice_ends_on", "admitted_on", "started_on", "last_progress_on", "completed_on",
          "accepted_on", "settled_on", "ended_on")
_PLAIN = ("library_code", "plan_year", "actual_households", "actual_people", "end_reason")


@strawberry.type
class ProjectEdge:
    cursor: str
    node: Project


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type(description="项目列表的一页（游标分页）")
class ProjectConnection:
    edges: list[ProjectEdge]
    page_info: PageInfo


@strawberry.input(description="项目列表筛选条件")
class ProjectFilter:
    county: str | None = None
    status: ProjectStatusGQL | None = None
    category: ProjectCategoryGQL | None = None
    year: int | None = None
    owner_org: str | None = None


@strawberry.input
class BudgetLineInput:
    source: FundSourceGQL
    year: int
    amount: Decimal


@strawberry.input
class BeneficiariesInput:
    poor_households: int = 0
    poor_people: int = 0
    poor_villages: list[str] = strawberry.field(default_factory=list)
    description: str = free_text_field("")


@strawberry.input
class PerformanceTargetInput:
    indicator: str
    unit: str
    target_value: Decimal


@strawberry.input(description="项目入库申报")
class ProjectInput:
    name: str
    county_code: str
    township: str
    village: str
    category: ProjectCategoryGQL
    uses_fiscal_funds: bool
    budget: list[BudgetLineInput]
    beneficiaries: BeneficiariesInput
    targets: list[PerformanceTargetInput]
    planned_start_year: int
    planned_end_year: int
    owner_org: str | None = None


def to_json(value: Any) -> Any:
    """Strawberry input values as JSON for the REST API (enum values, decimals as strings, no nulls)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal | date):
        return str(value)
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


SubmitProjectResult = Annotated[Project | ProjectNotEligible | InvalidInput | Forbidden | Refused,
                                strawberry.union("SubmitProjectResult")]


@strawberry.type
class ProjectQueries:
    @strawberry.field(description="按 id 读取一个项目；无权查看或不存在时为 null")
    async def project(self, info: Info[Context, None], id: int) -> Project | None:
        found = await info.context.project_by_id.load(id)
        return Project.from_rest(found) if found else None

    @strawberry.field(description="项目库列表，按新到旧，游标分页（first 最多 200）")
    async def projects(self, info: Info[Context, None], filter: ProjectFilter | None = None,
                       first: int = 50, after: str | None = None) -> ProjectConnection:
        filters = to_json(dataclasses.asdict(filter)) if filter else {}
        page = await info.context.projects.page(filters, max(1, min(first, 200)), after)
        loader = info.context.project_by_id
        edges = []
        for item in page["items"]:
            loader.prime(item["id"], item)
            edges.append(ProjectEdge(cursor=encode_cursor(item["id"]), node=Project.from_rest(item)))
        return ProjectConnection(edges=edges, page_info=PageInfo(has_next_page=page["next_cursor"] is not None,
                                                                 end_cursor=page["next_cursor"]))


@strawberry.type
class ProjectMutations:
    @strawberry.mutation(description="项目单位申报入库；不符合入库条件时返回 ProjectNotEligible")
    async def submit_project(self, info: Info[Context, None], input: ProjectInput) -> SubmitProjectResult:
        created = await or_problem(info.context.projects.submit(to_json(dataclasses.asdict(input))))
        if not isinstance(created, dict):
            return created
        info.context.project_by_id.prime(created["id"], created)
        return Project.from_rest(created)
