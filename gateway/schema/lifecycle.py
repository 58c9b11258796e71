"""GraphQL for review, notice, plans, execution, clear-out and bulletin figures of the library."""
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from contracts import projects as contract
from contracts.enums import Role
from contracts.page import Page as PageRead
from gateway.context import Context
from gateway.projects_client import (
    ACTIONS,
    ADJUST,
    CANDIDATES,
    CLEAROUT_SUMMARY,
    EDIT,
    FIGURES,
    IMPORT,
    LODGE_OBJECTION,
    OBJECTIONS,
    PLAN,
    PLANS,
    PROJECT_PLANS,
    RESOLVE_OBJECTION,
    ROLL_OVER,
    TIMELINE,
)
from gateway.schema.arguments import (
    After,
    CorrectionReason,
    County,
    CountyOfPlan,
    First,
    Note,
    On,
    ProjectId,
    Reason,
    Version,
    Year,
    YearFilter,
)
from gateway.schema.lifecycle_types import (
    AcceptanceInput,
    ClearoutCandidate,
    ClearoutCount,
    ExistingProjectInput,
    Figure,
    FigureDimension,
    HistoryStep,
    ImportedProjects,
    Objection,
    ObjectionOutcome,
    Plan,
    PlanMembership,
    ReviewDecision,
)
from gateway.schema.page import Page, page_size
from gateway.schema.permissions import Roles
from gateway.schema.problems import (
    REFUSALS,
    Forbidden,
    InvalidInput,
    InvalidTransition,
    PreconditionFailed,
    Problem,
    ProjectNotEligible,
    Refused,
    or_problem,
)
from gateway.schema.projects import Project, ProjectInput, input_json, to_json
from gateway.schema.rest import result_union
from gateway.schema.text import FreeText
from gateway.upstream import Endpoint

ProjectActionResult = result_union("ProjectActionResult", Project, ProjectNotEligible, InvalidTransition,
                                   PreconditionFailed, *REFUSALS)
PlanResult = result_union("PlanResult", Plan, InvalidTransition, PreconditionFailed, *REFUSALS)
ObjectionResult = result_union("ObjectionResult", Objection, InvalidTransition, *REFUSALS)
ImportResult = result_union("ImportResult", ImportedProjects, InvalidInput, Forbidden, Refused)


async def _act(info: Info[Context, None], endpoint: Endpoint[contract.ProjectRead], project_id: int, version: int,
               body: Any = None, **ids: int) -> contract.ProjectRead | Problem:
    """Call an action endpoint and answer the entry or a typed problem."""
    got = await or_problem(info.context.projects.call(endpoint, path_params={"project_id": project_id, **ids},
                                                      version=version, json=body or {}))
    if isinstance(got, contract.ProjectRead):
        info.context.loaders.project_by_id.prime(got.id, got)
    return got


async def _plan_call(info: Info[Context, None], endpoint: Endpoint[contract.PlanRead], county: str, year: int,
                     version: int, body: Any = None) -> contract.PlanRead | Problem:
    return await or_problem(info.context.projects.call(endpoint, path_params={"county": county, "year": year},
                                                       version=version, json=body))


@strawberry.type
class LifecycleQueries:
    """Reads of an entry's life, the plans, the clear-out and the bulletin figures."""

    @strawberry.field(description="项目全过程记录（审核、公示、计划、进度等），按时间顺序",
                      graphql_type=list[HistoryStep])
    async def project_timeline(self, info: Info[Context, None], id: ProjectId) -> list[contract.HistoryRead]:
        """Every step of an entry's life (GET /projects/{project_id}/timeline)."""
        return await info.context.projects.call(TIMELINE, path_params={"project_id": id})

    @strawberry.field(description="项目的公示异议（含已处理的）", graphql_type=list[Objection])
    async def project_objections(self, info: Info[Context, None], id: ProjectId) -> list[contract.ObjectionRead]:
        """An entry's objections (GET /projects/{project_id}/objections)."""
        return await info.context.projects.call(OBJECTIONS, path_params={"project_id": id})

    @strawberry.field(description="项目曾列入的每个年度计划（列入、滚动转入、调整、导入及调出），按年度",
                      graphql_type=list[PlanMembership])
    async def project_plans(self, info: Info[Context, None], id: ProjectId) -> list[contract.PlanMembership]:
        """Every plan an entry has been in (GET /projects/{project_id}/plans)."""
        return await info.context.projects.call(PROJECT_PLANS, path_params={"project_id": id})

    @strawberry.field(description="清理出库汇总：各县区的候选项目数（调用者范围内）", graphql_type=list[ClearoutCount])
    async def clearout_summary(self, info: Info[Context, None]) -> list[contract.CountyCount]:
        """Clear-out candidates per county (GET /clearout/summary)."""
        return await info.context.projects.call(CLEAROUT_SUMMARY)

    @strawberry.field(description="年度计划列表（不含明细）", graphql_type=list[Plan])
    async def plans(self, info: Info[Context, None], county: County = None,
                    year: YearFilter = None) -> list[contract.PlanRead]:
        """Annual plans without their entries (GET /plans)."""
        return await info.context.projects.call(PLANS, params={"county": county or None, "year": year or None})

    @strawberry.field(description="一个县区的年度计划及其项目", graphql_type=Plan)
    async def plan(self, info: Info[Context, None], county: CountyOfPlan, year: Year) -> contract.PlanRead:
        """One county's plan of a year with its entries (GET /plans/{county}/{year})."""
        return await info.context.projects.call(PLAN, path_params={"county": county, "year": year})

    @strawberry.field(description="清理出库候选：违反入库规则或停滞的项目，附违反的规则",
                      graphql_type=Page[ClearoutCandidate])
    async def clearout_candidates(self, info: Info[Context, None], county: County = None, first: First = 50,
                                  after: After = None) -> PageRead[contract.Candidate]:
        """A page of clear-out candidates with the rules they break (GET /clearout/candidates)."""
        params = {"county": county or None, "after": after or None, "limit": page_size(first)}
        return await info.context.projects.call(CANDIDATES, params=params)

    @strawberry.field(description="通报数据：按县区、状态、类别或计划年度", graphql_type=list[Figure])
    async def bulletin_figures(
            self, info: Info[Context, None],
            by: Annotated[FigureDimension, strawberry.argument(description="分组维度")] = FigureDimension.COUNTY,
            county: County = None,
            plan_year: Annotated[int | None, strawberry.argument(description="只统计列入该年度计划的项目；为空不限")]
            = None) -> list[contract.FigureRead]:
        """Bulletin figures by county, state, category or plan year (GET /figures)."""
        params = {"by": by.value, "county": county or None, "plan_year": plan_year or None}
        return await info.context.projects.call(FIGURES, params=params)


Opinion = Annotated[str, strawberry.argument(description="审核意见（可换行）；退回、不予入库时写明理由",
                                             directives=[FreeText()])]
Percent = Annotated[int, strawberry.argument(description="完成百分比（0–100，不得低于上次报告）")]
EntryIds = Annotated[list[int] | None, strawberry.argument(description="项目 id 列表；为空为不调整")]
REVIEWERS = [Role.TOWNSHIP, Role.COUNTY_DEPARTMENT, Role.COUNTY_OFFICE, Role.CITY_OFFICE]  # one per review step
OBJECTORS = [role for role in Role if role not in (Role.EXTERNAL, Role.ADMIN)]  # every signed-in writer
STEP = "不在该环节或状态时返回 InvalidTransition（列出当前允许的操作与角色）"
AS_READ = "version 不是当前版本时返回 PreconditionFailed"
# A dated step's roles, and the city office, which corrects a step dated in a closed month (关账后更正).
DATED_STEP = (Role.PROJECT_OWNER, Role.COUNTY_OFFICE, Role.CITY_OFFICE)
CLOSED = "；日期所在月份已关账时返回 Refused(period.closed)，由 city_office 填写 correctionReason 更正"


@strawberry.type
class LifecycleMutations:
    """Every action on an entry after submission, and on the annual plans."""

    @strawberry.mutation(description="审核当前环节：通过、退回修改或不予入库。角色：已申报由乡镇（township）、"
                                     "县直部门论证由 county_department、县扶贫办审定由 county_office、"
                                     "市扶贫办审核（总预算达到市级审核线）由 city_office；"
                                     f"{STEP}；{AS_READ}", graphql_type=ProjectActionResult,
                         extensions=[Roles(*REVIEWERS)])
    async def review_project(self, info: Info[Context, None], id: ProjectId, version: Version,
                             decision: Annotated[ReviewDecision, strawberry.argument(description="审核结论")],
                             opinion: Opinion = "") -> contract.ProjectRead | Problem:
        """Decide the current review step."""
        return await _act(info, ACTIONS["review"], id, version, {"decision": decision.value, "opinion": opinion})

    @strawberry.mutation(description=f"退回后修改申报内容（仍为退回修改）。角色：project_owner（本单位）；{STEP}；"
                                     f"不符合入库条件时返回 ProjectNotEligible；{AS_READ}",
                         graphql_type=ProjectActionResult,
                         extensions=[Roles(Role.PROJECT_OWNER)])
    async def edit_project(self, info: Info[Context, None], id: ProjectId, version: Version,
                           input: Annotated[ProjectInput, strawberry.argument(description="修改后的全部申报内容")]
                           ) -> contract.ProjectRead | Problem:
        """Edit a returned entry (PUT /projects/{project_id})."""
        return await _act(info, EDIT, id, version, input_json(input))

    @strawberry.mutation(description=f"修改后重新提交，从退回的环节重新审核。角色：project_owner（本单位）；{STEP}；{AS_READ}",
                         graphql_type=ProjectActionResult,
                         extensions=[Roles(Role.PROJECT_OWNER)])
    async def resubmit_project(self, info: Info[Context, None], id: ProjectId, version: Version,
                               note: Note = "") -> contract.ProjectRead | Problem:
        """Resubmit a returned entry to the step that returned it."""
        return await _act(info, ACTIONS["resubmit"], id, version, {"note": note})

    @strawberry.mutation(description="公示期内提出异议。角色：除外部系统外的任何角色（project_owner、township、county_department、"
                                     "county_office、city_office、collaboration_office、finance、hr、inspector）；"
                                     "项目不在公示中时返回 InvalidTransition", graphql_type=ObjectionResult,
                         extensions=[Roles(*OBJECTORS)])
    async def lodge_objection(self, info: Info[Context, None], id: ProjectId,
                              reason: Reason) -> contract.ObjectionRead | Problem:
        """Object to an entry under public notice (POST /projects/{project_id}/objections)."""
        return await or_problem(info.context.projects.call(LODGE_OBJECTION, path_params={"project_id": id},
                                                           json={"reason": reason}))

    @strawberry.mutation(description="处理异议：成立则不予入库，不成立则继续公示。角色：county_office；"
                                     "异议不存在返回 NotFound，已处理返回 Refused(objection.already_resolved)；"
                                     f"{AS_READ}",
                         graphql_type=ProjectActionResult,
                         extensions=[Roles(Role.COUNTY_OFFICE)])
    async def resolve_objection(
            self, info: Info[Context, None], id: ProjectId, version: Version,
            objection_id: Annotated[int, strawberry.argument(description="异议的 id")],
            outcome: Annotated[ObjectionOutcome, strawberry.argument(description="处理结论")],
            resolution: Annotated[str, strawberry.argument(description="处理意见（必填，可换行）",
                                                           directives=[FreeText()])]) -> contract.ProjectRead | Problem:
        """Resolve an objection."""
        body = {"outcome": outcome.value, "resolution": resolution}
        return await _act(info, RESOLVE_OBJECTION, id, version, body, objection_id=objection_id)

    @strawberry.mutation(description="入库并分配入库编号。角色：county_office；公示期未满或有未处理异议时返回 Refused；"
                                     f"{STEP}；{AS_READ}", graphql_type=ProjectActionResult,
                         extensions=[Roles(Role.COUNTY_OFFICE)])
    async def admit_project(self, info: Info[Context, None], id: ProjectId,
                            version: Version) -> contract.ProjectRead | Problem:
        """Admit an entry whose notice is over."""
        return await _act(info, ACTIONS["admit"], id, version)

    @strawberry.mutation(description=f"已入库项目列入县区年度实施计划。角色：county_office；{STEP}；{AS_READ}",
                         graphql_type=ProjectActionResult,
                         extensions=[Roles(Role.COUNTY_OFFICE)])
    async def schedule_project(
            self, info: Info[Context, None], id: ProjectId, version: Version,
            year: Annotated[int, strawberry.argument(description="列入哪一年度的计划")]
    ) -> contract.ProjectRead | Problem:
        """Put an admitted entry into its county's plan of a year."""
        return await _act(info, ACTIONS["schedule"], id, version, {"year": year})

    @strawberry.mutation(description="开工（已列入计划的项目）。角色：project_owner（本单位）或 county_office；"
                                     f"{STEP}{CLOSED}；{AS_READ}",
                         graphql_type=ProjectActionResult,
                         extensions=[Roles(*DATED_STEP)])
    async def start_project(self, info: Info[Context, None], id: ProjectId, version: Version, on: On,
                            note: Note = "", correction_reason: CorrectionReason = None
                            ) -> contract.ProjectRead | Problem:
        """Record the start of works."""
        body = {"on": str(on), "note": note, "correction_reason": correction_reason}
        return await _act(info, ACTIONS["start"], id, version, to_json(body))

    @strawberry.mutation(description="报告进度。角色：project_owner（本单位）或 county_office；"
                                     f"百分比低于上次时返回 Refused；{STEP}{CLOSED}；{AS_READ}",
                         graphql_type=ProjectActionResult,
                         extensions=[Roles(*DATED_STEP)])
    async def report_progress(self, info: Info[Context, None], id: ProjectId, version: Version, on: On,
                              percent: Percent, note: Note = "", correction_reason: CorrectionReason = None
                              ) -> contract.ProjectRead | Problem:
        """Report progress (never backwards)."""
        body = {"on": str(on), "percent": percent, "note": note, "correction_reason": correction_reason}
        return await _act(info, ACTIONS["progress"], id, version, to_json(body))

    @strawberry.mutation(description="竣工（已开工的项目）。角色：project_owner（本单位）或 county_office；"
                                     f"{STEP}{CLOSED}；{AS_READ}",
                         graphql_type=ProjectActionResult,
                         extensions=[Roles(*DATED_STEP)])
    async def complete_project(self, info: Info[Context, None], id: ProjectId, version: Version, on: On,
                               note: Note = "", correction_reason: CorrectionReason = None
                               ) -> contract.ProjectRead | Problem:
        """Record completion."""
        body = {"on": str(on), "note": note, "correction_reason": correction_reason}
        return await _act(info, ACTIONS["complete"], id, version, to_json(body))

    @strawberry.mutation(description="验收：记录实际受益贫困户和人口；不合格时仍为已竣工。角色：county_office；"
                                     f"{STEP}{CLOSED}；{AS_READ}", graphql_type=ProjectActionResult,
                         extensions=[Roles(Role.COUNTY_OFFICE, Role.CITY_OFFICE)])
    async def accept_project(self, info: Info[Context, None], id: ProjectId, version: Version,
                             input: Annotated[AcceptanceInput, strawberry.argument(description="验收结果")]
                             ) -> contract.ProjectRead | Problem:
        """Record acceptance and the people actually benefiting."""
        return await _act(info, ACTIONS["accept"], id, version, input_json(input))

    @strawberry.mutation(description=f"报账完成（已验收的项目）。角色：county_office 或 finance；{STEP}{CLOSED}；"
                                     f"{AS_READ}",
                         graphql_type=ProjectActionResult,
                         extensions=[Roles(Role.COUNTY_OFFICE, Role.FINANCE, Role.CITY_OFFICE)])
    async def settle_project(self, info: Info[Context, None], id: ProjectId, version: Version, on: On,
                             note: Note = "", correction_reason: CorrectionReason = None
                             ) -> contract.ProjectRead | Problem:
        """Record settlement."""
        body = {"on": str(on), "note": note, "correction_reason": correction_reason}
        return await _act(info, ACTIONS["settle"], id, version, to_json(body))

    @strawberry.mutation(description="无法实施，取消（已入库、已列入计划或已开工的项目；终局）。角色：county_office；"
                                     f"{STEP}；{AS_READ}", graphql_type=ProjectActionResult,
                         extensions=[Roles(Role.COUNTY_OFFICE)])
    async def cancel_project(self, info: Info[Context, None], id: ProjectId, version: Version,
                             reason: Reason) -> contract.ProjectRead | Problem:
        """Cancel an entry that cannot be carried out."""
        return await _act(info, ACTIONS["cancel"], id, version, {"reason": reason})

    @strawberry.mutation(description="清理出库（终局，同单位同名同村项目不得再入库；开工前的项目）。角色：county_office；"
                                     f"{STEP}；{AS_READ}", graphql_type=ProjectActionResult,
                         extensions=[Roles(Role.COUNTY_OFFICE)])
    async def clear_project(self, info: Info[Context, None], id: ProjectId, version: Version,
                            reason: Reason) -> contract.ProjectRead | Problem:
        """Clear an entry out of the library."""
        return await _act(info, ACTIONS["clear"], id, version, {"reason": reason})

    @strawberry.mutation(description="滚动实施：关闭 N 年计划，未完成项目转入 N+1 年；返回 N+1 年计划。"
                                     f"角色：county_office（本县区）；计划已关闭时返回 Refused；{AS_READ}",
                         graphql_type=PlanResult,
                         extensions=[Roles(Role.COUNTY_OFFICE)])
    async def roll_over_plan(self, info: Info[Context, None], county: CountyOfPlan, year: Year,
                             version: Version) -> contract.PlanRead | Problem:
        """Close a plan and carry its unfinished entries into the next year's."""
        return await _plan_call(info, ROLL_OVER, county, year, version)

    @strawberry.mutation(description="第四季度调整：调入已入库项目、调出未开工项目并说明理由。角色：county_office（本县区）；"
                                     f"不在该年第四季度或计划已关闭时返回 Refused；{AS_READ}", graphql_type=PlanResult,
                         extensions=[Roles(Role.COUNTY_OFFICE)])
    async def adjust_plan(self, info: Info[Context, None], county: CountyOfPlan, year: Year, version: Version,
                          reason: Reason, add: EntryIds = None, remove: EntryIds = None) -> contract.PlanRead | Problem:
        """Add entries to and remove entries from a plan in the fourth quarter."""
        body = {"add": add or [], "remove": remove or [], "reason": reason}
        return await _plan_call(info, ADJUST, county, year, version, body)

    @strawberry.mutation(description="导入已入库或实施中的历史项目，全部或全不。角色："
                                     "county_office；任何一行有误时返回 InvalidInput（逐行逐字段），什么也不导入。"
                                     "Excel 台账上传"
                                     "（文件，不经 GraphQL）：项目库服务 REST POST /projects/import.xlsx?kind=existing",
                         graphql_type=ImportResult,
                         extensions=[Roles(Role.COUNTY_OFFICE)])
    async def import_existing_projects(
            self, info: Info[Context, None],
            rows: Annotated[list[ExistingProjectInput], strawberry.argument(description="历史项目，每行一个")]
    ) -> ImportedProjects | Problem:
        """Bring in existing projects at their state, all or none (POST /projects/import)."""
        got = await or_problem(info.context.projects.call(IMPORT, json=[input_json(row) for row in rows]))
        return got if isinstance(got, Problem) else ImportedProjects(projects=got)
