"""GraphQL types and fields of the project library; the types are the contract's (contracts/projects.py)."""
import dataclasses
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from contracts import projects as contract
from contracts.collaboration import CollaborationProjectRead
from contracts.funds import ProjectFunding as ProjectFundingRead
from contracts.page import encode_cursor
from gateway.context import Context
from gateway.projects_client import PROJECTS, SUBMIT
from gateway.schema.collaboration_types import CollaborationProject
from gateway.schema.contract_types import contract_type
from gateway.schema.enums import FundSource, ProjectCategory, ProjectStatus
from gateway.schema.funds import ProjectFunding
from gateway.schema.problems import Forbidden, InvalidInput, Problem, ProjectNotEligible, Refused, or_problem
from gateway.schema.text import free_text_field


@contract_type(contract.BudgetLineRead, name="BudgetLine", description="某一资金来源在某一年度的预算（元）")
class BudgetLine:
    """contracts.projects.BudgetLineRead."""


@contract_type(contract.Beneficiaries, name="Beneficiaries", description="带贫减贫机制")
class Beneficiaries:
    """contracts.projects.Beneficiaries."""


@contract_type(contract.PerformanceTarget, name="PerformanceTarget", description="绩效目标")
class PerformanceTarget:
    """contracts.projects.PerformanceTarget."""


async def _funding(root: strawberry.Parent[contract.ProjectRead],
                   info: Info[Context, None]) -> ProjectFundingRead | None:
    return await info.context.loaders.funding_by_project_id.load(root.id)


async def _collaboration(root: strawberry.Parent[contract.ProjectRead],
                         info: Info[Context, None]) -> CollaborationProjectRead | None:
    return await info.context.loaders.collaboration_by_project_id.load(root.id)


@contract_type(contract.ProjectRead, name="Project", description="脱贫攻坚项目库中的一个项目")
class Project:
    """contracts.projects.ProjectRead, its funding from the funds service and its collaboration registration."""

    funding = strawberry.field(
        resolver=_funding, graphql_type=ProjectFunding | None,
        description="项目资金情况（分配、支出、余额、闲置）；资金服务不可用时为 null 并附错误")
    collaboration = strawberry.field(
        resolver=_collaboration, graphql_type=CollaborationProject | None,
        description="粤桂扶贫协作登记（结对、广东资金份额、带贫减贫机制），批量读取；不是协作项目时为 null")


@strawberry.type
class ProjectEdge:
    """One entry of the connection with its cursor."""

    cursor: str
    node: contract.ProjectRead = strawberry.field(graphql_type=Project)


@strawberry.type
class PageInfo:
    """Where the connection's page ends."""

    has_next_page: bool
    end_cursor: str | None


@strawberry.type(description="项目列表的一页（游标分页）")
class ProjectConnection:
    """A Relay connection over the library list."""

    edges: list[ProjectEdge]
    page_info: PageInfo


@strawberry.input(description="项目列表筛选条件")
class ProjectFilter:
    """The list's filters, as the REST list takes them."""

    county: str | None = None
    status: ProjectStatus | None = None
    category: ProjectCategory | None = None
    year: int | None = None
    owner_org: str | None = None


@strawberry.input
class BudgetLineInput:
    """A budget line as submitted."""

    source: FundSource
    year: int
    amount: Decimal


@strawberry.input
class BeneficiariesInput:
    """How the project reduces poverty, as submitted."""

    poor_households: int = 0
    poor_people: int = 0
    poor_villages: list[str] = strawberry.field(default_factory=list)
    description: str = free_text_field("")


@strawberry.input
class PerformanceTargetInput:
    """A performance target as submitted."""

    indicator: str
    unit: str
    target_value: Decimal


@strawberry.input(description="项目入库申报")
class ProjectInput:
    """A new entry as an owner submits it."""

    name: str
    county_code: str
    township: str
    village: str
    category: ProjectCategory
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


def input_json(value: Any) -> Any:
    """A strawberry input object as the JSON body of its REST call."""
    return to_json(dataclasses.asdict(value))


SubmitProjectResult = Annotated[Project | ProjectNotEligible | InvalidInput | Forbidden | Refused,
                                strawberry.union("SubmitProjectResult")]


@strawberry.type
class ProjectQueries:
    """Reads of library entries."""

    @strawberry.field(description="按 id 读取一个项目；无权查看或不存在时为 null", graphql_type=Project | None)
    async def project(self, info: Info[Context, None], id: int) -> contract.ProjectRead | None:
        """One entry through the request's batch loader."""
        return await info.context.loaders.project_by_id.load(id)

    @strawberry.field(description="项目库列表，按新到旧，游标分页（first 最多 200）")
    async def projects(self, info: Info[Context, None], filter: ProjectFilter | None = None,
                       first: int = 50, after: str | None = None) -> ProjectConnection:
        """A Relay connection over one page of the library list (GET /projects)."""
        params = (input_json(filter) if filter else {}) | {"limit": max(1, min(first, 200)), "after": after or None}
        page = await info.context.projects.call(PROJECTS, params=params)
        loader = info.context.loaders.project_by_id
        for item in page.items:
            loader.prime(item.id, item)
        edges = [ProjectEdge(cursor=encode_cursor(item.id), node=item) for item in page.items]
        return ProjectConnection(edges=edges, page_info=PageInfo(has_next_page=page.next_cursor is not None,
                                                                 end_cursor=page.next_cursor))


@strawberry.type
class ProjectMutations:
    """Submitting an entry."""

    @strawberry.mutation(description="项目单位申报入库；不符合入库条件时返回 ProjectNotEligible",
                         graphql_type=SubmitProjectResult)
    async def submit_project(self, info: Info[Context, None], input: ProjectInput) -> contract.ProjectRead | Problem:
        """Submit a new entry (POST /projects)."""
        created = await or_problem(info.context.projects.call(SUBMIT, json=input_json(input)))
        if isinstance(created, contract.ProjectRead):
            info.context.loaders.project_by_id.prime(created.id, created)
        return created
