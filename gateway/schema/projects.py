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
from contracts.enums import Role
from contracts.funds import ProjectFunding as ProjectFundingRead
from contracts.page import encode_cursor
from contracts.places import VillageRead
from gateway.context import Context
from gateway.projects_client import PROJECTS, SUBMIT
from gateway.schema.arguments import After, First, ProjectId
from gateway.schema.collaboration_types import CollaborationProject
from gateway.schema.contract_types import contract_type, described_by
from gateway.schema.enums import FundSource, ProjectCategory
from gateway.schema.funds import ProjectFunding
from gateway.schema.permissions import Roles
from gateway.schema.place_types import Village
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


async def _registry_village(root: strawberry.Parent[contract.ProjectRead],
                            info: Info[Context, None]) -> VillageRead | None:
    return None if root.village_id is None else await info.context.loaders.village_by_id.load(root.village_id)


async def _collaboration(root: strawberry.Parent[contract.ProjectRead],
                         info: Info[Context, None]) -> CollaborationProjectRead | None:
    return await info.context.loaders.collaboration_by_project_id.load(root.id)


@contract_type(contract.ProjectRead, name="Project", description="脱贫攻坚项目库中的一个项目")
class Project:
    """contracts.projects.ProjectRead, its funding from the funds service and its collaboration registration."""

    funding = strawberry.field(
        resolver=_funding, graphql_type=ProjectFunding | None,
        description="项目资金情况（分配、支出、余额、闲置）；资金服务不可用时为 null 并附错误")
    registry_village = strawberry.field(
        resolver=_registry_village, graphql_type=Village | None,
        description="所在行政村在村屯名录中的记录（贫困村标记、出列年度），批量读取；名录启用前导入的项目为 null")
    collaboration = strawberry.field(
        resolver=_collaboration, graphql_type=CollaborationProject | None,
        description="粤桂扶贫协作登记（结对、广东资金份额、带贫减贫机制），批量读取；不是协作项目时为 null")


@strawberry.type(description="项目列表中的一项及其游标（edge）")
class ProjectEdge:
    """One entry of the connection with its cursor."""

    cursor: str = strawberry.field(description="该项的游标：作为 after 传回，从其后读起")
    node: contract.ProjectRead = strawberry.field(graphql_type=Project, description="项目")


@strawberry.type(description="本页在列表中的位置（page info）")
class PageInfo:
    """Where the connection's page ends."""

    has_next_page: bool = strawberry.field(description="其后是否还有项目")
    end_cursor: str | None = strawberry.field(description="本页最后一项的游标：作为 after 传回取下一页；本页为空时为空")


@strawberry.type(description="项目列表的一页（游标分页）")
class ProjectConnection:
    """A Relay connection over the library list."""

    edges: list[ProjectEdge] = strawberry.field(description="本页的项目，按新到旧")
    page_info: PageInfo = strawberry.field(description="是否还有下一页及其游标")


@described_by(contract.ProjectRead, county="县区代码（GB/T 2260，六位）；县级角色只见本县区",
              status="只列该状态的项目", category="只列该类别的项目",
              year="只列计划实施期（开工至完工年度）含该年度的项目", owner_org="只列该主管单位的项目")
@strawberry.input(description="项目列表筛选条件（每项为空即不筛选）")
class ProjectFilter(contract.ProjectFilter):
    """The list's filters, the contract's own (the REST list takes the same)."""


@described_by(contract.BudgetLineRead, amount="预算金额（元，大于 0，最多两位小数）")
@strawberry.input(description="一行预算：某一资金来源在某一年度的金额")
class BudgetLineInput:
    """A budget line as submitted."""

    source: FundSource
    year: int
    amount: Decimal


@described_by(contract.Beneficiaries)
@strawberry.input(description="带贫减贫机制（申报；服务的贫困村以 ProjectInput.poorVillageIds 填写）")
class BeneficiariesInput:
    """How the project reduces poverty, as submitted."""

    poor_households: int = 0
    poor_people: int = 0
    description: str = free_text_field("")


@described_by(contract.Beneficiaries, poor_villages="服务的贫困村名称（按县区内的村屯名录逐一匹配，匹配不上的不导入）")
@strawberry.input(description="带贫减贫机制（历史项目导入：服务的贫困村以名称填写）")
class NamedBeneficiariesInput(BeneficiariesInput):
    """How an existing project reduces poverty, its poor villages named."""

    poor_villages: list[str] = strawberry.field(default_factory=list)


@described_by(contract.PerformanceTarget)
@strawberry.input(description="绩效目标（申报）")
class PerformanceTargetInput:
    """A performance target as submitted."""

    indicator: str
    unit: str
    target_value: Decimal


@strawberry.input(description="申报内容（不含所在地）")
class EntryInput:
    """What an owner fills in about an entry, apart from its places (REST's EntryContent)."""

    name: str
    county_code: str
    category: ProjectCategory
    uses_fiscal_funds: bool
    budget: list[BudgetLineInput]
    beneficiaries: BeneficiariesInput
    targets: list[PerformanceTargetInput]
    planned_start_year: int
    planned_end_year: int
    owner_org: str | None = None


@described_by(contract.ProjectRead, owner_org="项目主管单位；项目单位账号可省略，取自凭证的 org",
              budget="分来源、分年度的预算（至少一行）",
              village_id="所在行政村：村屯名录中本县区行政村的 id（必填）",
              poor_village_ids="服务的贫困村：村屯名录中本县区行政村的 id；按计划开工年度在名录中是贫困村的才算",
              natural_village_ids="服务的自然屯（如道路硬化的自然屯）：村屯名录中的 id")
@strawberry.input(description="项目入库申报（所在村与服务的村屯均为村屯名录中的 id）")
class ProjectInput(EntryInput):
    """A new entry as an owner submits it."""

    village_id: int
    poor_village_ids: list[int] = strawberry.field(default_factory=list)
    natural_village_ids: list[int] = strawberry.field(default_factory=list)


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
                                strawberry.union("SubmitProjectResult",
                                                 description="申报结果：项目，或不符合入库条件、输入有误、无权、被拒绝")]


@strawberry.type
class ProjectQueries:
    """Reads of library entries."""

    @strawberry.field(description="按 id 读取一个项目；无权查看或不存在时为 null", graphql_type=Project | None)
    async def project(self, info: Info[Context, None], id: ProjectId) -> contract.ProjectRead | None:
        """One entry through the request's batch loader."""
        return await info.context.loaders.project_by_id.load(id)

    @strawberry.field(description="项目库列表，按新到旧，游标分页（first 最多 200）。"
                                  "Excel 台账是文件，不经 GraphQL：项目库服务 REST GET /projects/export.xlsx")
    async def projects(self, info: Info[Context, None],
                       filter: Annotated[ProjectFilter | None, strawberry.argument(description="筛选条件")] = None,
                       first: First = 50, after: After = None) -> ProjectConnection:
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

    @strawberry.mutation(description="项目单位申报入库（进入已申报，待乡镇审核）。角色：project_owner；"
                                     "不符合入库条件（严禁入库的情形）时返回 ProjectNotEligible，列出违反的每条规则",
                         graphql_type=SubmitProjectResult,
                         extensions=[Roles(Role.PROJECT_OWNER)])
    async def submit_project(
            self, info: Info[Context, None],
            input: Annotated[ProjectInput, strawberry.argument(description="申报内容")]
    ) -> contract.ProjectRead | Problem:
        """Submit a new entry (POST /projects)."""
        created = await or_problem(info.context.projects.call(SUBMIT, json=input_json(input)))
        if isinstance(created, contract.ProjectRead):
            info.context.loaders.project_by_id.prime(created.id, created)
        return created
