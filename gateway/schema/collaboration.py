"""GraphQL queries and mutations of the collaboration service (粤桂扶贫协作)."""
from decimal import Decimal
from typing import Annotated, Any, TypeVar

import strawberry
from strawberry.types import Info

from contracts import collaboration as contract
from contracts.enums import Role
from contracts.page import Page as PageRead
from gateway.collaboration_client import (
    ADD_PLAN_LINE,
    ADD_TASK,
    AGREEMENTS,
    COMPLETION,
    CREATE_PAIRING,
    FUNDS,
    KEY_TASKS,
    PAIRINGS,
    PLAN_LINES,
    PROGRESS,
    PROJECTS,
    RECORD_ENTERPRISE,
    RECORD_EXCHANGE,
    REGISTER_PROJECT,
    REPORT_PROGRESS,
    SCORECARD,
    SIGN_AGREEMENT,
    UPDATE_AGREEMENT,
    UPDATE_PAIRING,
    UPDATE_TASK,
)
from gateway.context import Context
from gateway.schema.arguments import After, County, First, IdempotencyKey, Version, Year, YearFilter
from gateway.schema.collaboration_inputs import (
    AgreementInput,
    CollaborationProjectInput,
    EnterpriseInput,
    KeyTaskChanges,
    KeyTaskInput,
    PairingChanges,
    PairingInput,
    PlanLineInput,
    ProgressInput,
    TalentExchangeInput,
)
from gateway.schema.collaboration_types import (
    CollaborationAgreement,
    CollaborationEnterprise,
    CollaborationFunds,
    CollaborationProject,
    KeyTask,
    Pairing,
    PlanLine,
    ProgressRecorded,
    ScorecardRow,
    TalentExchange,
    TaskCompletion,
    TaskProgressReport,
)
from gateway.schema.enums import CompletionGrouping
from gateway.schema.page import Page, page_size
from gateway.schema.permissions import Roles
from gateway.schema.problems import REFUSALS, PreconditionFailed, Problem, or_problem
from gateway.schema.projects import input_json
from gateway.schema.rest import result_union
from gateway.upstream import Endpoint

M = TypeVar("M")
PairingId = Annotated[int, strawberry.argument(description="结对的 id（pairing id）")]
AgreementId = Annotated[int, strawberry.argument(description="框架协议的 id（agreement id）")]
TaskId = Annotated[int, strawberry.argument(description="重点任务的 id（key task id）")]
# Who may call each mutation (the collaboration service's Editor, Reporter and Planner contexts); any other role is
# answered Forbidden before any upstream call, a write outside the caller's county is refused by the service.
EDITORS = [Role.CITY_OFFICE, Role.COLLABORATION_OFFICE]
REPORTERS = [*EDITORS, Role.COUNTY_OFFICE]
PLANNERS = [*REPORTERS, Role.FINANCE]
EDITED_BY = "角色：city_office（市扶贫办）、collaboration_office（粤桂协作办）"
REPORTED_BY = "角色：city_office（市扶贫办）、collaboration_office（粤桂协作办）、county_office（县区扶贫办，仅本县区）"
PLANNED_BY = ("角色：city_office（市扶贫办）、collaboration_office（粤桂协作办）、county_office（县区扶贫办）、"
              "finance（财政局）；县级角色仅本县区")
STALE = "version 不是最新（他人已修改）时返回 PreconditionFailed，什么也不改"
PairingResult = result_union("PairingResult", Pairing, *REFUSALS, PreconditionFailed)
AgreementResult = result_union("CollaborationAgreementResult", CollaborationAgreement, *REFUSALS, PreconditionFailed)
KeyTaskResult = result_union("KeyTaskResult", KeyTask, *REFUSALS, PreconditionFailed)
ProgressResult = result_union("ProgressRecordedResult", ProgressRecorded, *REFUSALS)
CollaborationProjectResult = result_union("CollaborationProjectResult", CollaborationProject, *REFUSALS)
PlanLineResult = result_union("PlanLineResult", PlanLine, *REFUSALS)
EnterpriseResult = result_union("CollaborationEnterpriseResult", CollaborationEnterprise, *REFUSALS)
TalentExchangeResult = result_union("TalentExchangeResult", TalentExchange, *REFUSALS)


def _value(enum: Any) -> str | None:
    return enum.value if enum is not None else None


@strawberry.type
class CollaborationQueries:
    """Reads of the collaboration service."""

    @strawberry.field(description="结对列表（县级角色见本县区及市际结对）", graphql_type=Page[Pairing])
    async def pairings(self, info: Info[Context, None], county: County = None,
                       level: Annotated[contract.PairingLevel | None, strawberry.argument(
                           description="结对层级；为空不按层级筛选")] = None,
                       parent_id: Annotated[int | None, strawberry.argument(
                           description="上级结对的 id：只列其下的结对；为空不筛选")] = None,
                       first: First = 50, after: After = None) -> PageRead[contract.PairingRead]:
        """A page of pairings (GET /pairings)."""
        params = {"county": county, "level": _value(level), "parent_id": parent_id, "limit": page_size(first),
                  "after": after}
        return await info.context.collaboration.call(PAIRINGS, params=params)

    @strawberry.field(description="按 id 读取一份框架协议", graphql_type=CollaborationAgreement | None)
    async def collaboration_agreement(self, info: Info[Context, None], id: AgreementId
    ) -> contract.AgreementRead | None:
        """One agreement (GET /agreements/{agreement_id}); null when absent or outside the caller's scope."""
        page = await info.context.collaboration.call(AGREEMENTS, params={"ids": str(id)})
        return page.items[0] if page.items else None

    @strawberry.field(description="框架协议列表", graphql_type=Page[CollaborationAgreement])
    async def collaboration_agreements(self, info: Info[Context, None], county: County = None,
                                       year: YearFilter = None, first: First = 50, after: After = None
                                       ) -> PageRead[contract.AgreementRead]:
        """A page of agreements (GET /agreements)."""
        params = {"county": county, "year": year, "limit": page_size(first), "after": after}
        return await info.context.collaboration.call(AGREEMENTS, params=params)

    @strawberry.field(description="重点任务清单；overdue=true 为逾期清单", graphql_type=Page[KeyTask])
    async def key_tasks(self, info: Info[Context, None], county: County = None, year: YearFilter = None,
                        area: Annotated[contract.TaskArea | None, strawberry.argument(
                            description="重点任务领域；为空不按领域筛选")] = None,
                        overdue: Annotated[bool, strawberry.argument(
                            description="为真只列逾期（已过期限且未完成）的任务")] = False,
                        agreement_id: Annotated[int | None, strawberry.argument(
                            description="框架协议的 id：只列该协议的任务；为空不筛选")] = None,
                        first: First = 50, after: After = None) -> PageRead[contract.KeyTaskRead]:
        """A page of key tasks (GET /key-tasks)."""
        params = {"county": county, "year": year, "area": _value(area), "overdue": str(overdue).lower(),
                  "agreement_id": agreement_id, "limit": page_size(first), "after": after}
        return await info.context.collaboration.call(KEY_TASKS, params=params)

    @strawberry.field(description="某项重点任务的进展报告，新到旧", graphql_type=Page[TaskProgressReport])
    async def task_progress(self, info: Info[Context, None], task_id: TaskId, first: First = 50,
                            after: After = None) -> PageRead[contract.ProgressReportRead]:
        """A page of a task's reports (GET /key-tasks/{task_id}/progress)."""
        return await info.context.collaboration.call(PROGRESS, path_params={"task_id": task_id},
                                                     params={"limit": page_size(first), "after": after})

    @strawberry.field(description="重点任务完成率：by 为 county（县区）或 area（县区和领域）",
                      graphql_type=list[TaskCompletion])
    async def task_completion(self, info: Info[Context, None], year: YearFilter = None, county: County = None,
                              by: Annotated[CompletionGrouping, strawberry.argument(description="分组口径")] = (
                                  CompletionGrouping.COUNTY)) -> list[contract.TaskCompletion]:
        """Completion rates (GET /key-tasks/completion)."""
        params = {"year": year, "county": county, "by": by.value}
        return await info.context.collaboration.call(COMPLETION, params=params)

    @strawberry.field(description="协作项目（项目名称与状态来自项目库事件流）", graphql_type=Page[CollaborationProject])
    async def collaboration_projects(self, info: Info[Context, None], county: County = None,
                                     pairing_id: Annotated[int | None, strawberry.argument(
                                         description="结对的 id：只列该结对的项目；为空不筛选")] = None,
                                     first: First = 50, after: After = None
                                     ) -> PageRead[contract.CollaborationProjectRead]:
        """A page of collaboration projects (GET /collaboration-projects)."""
        params = {"county": county, "pairing_id": pairing_id, "limit": page_size(first), "after": after}
        return await info.context.collaboration.call(PROJECTS, params=params)

    @strawberry.field(description="资金使用计划", graphql_type=Page[PlanLine])
    async def plan_lines(self, info: Info[Context, None], county: County = None, year: YearFilter = None,
                         first: First = 50, after: After = None) -> PageRead[contract.PlanLineRead]:
        """A page of plan lines (GET /plan-lines)."""
        params = {"county": county, "year": year, "limit": page_size(first), "after": after}
        return await info.context.collaboration.call(PLAN_LINES, params=params)

    @strawberry.field(description="广东帮扶资金：承诺 → 到位 → 计划 → 分配 → 支出（各县区或一个县区）",
                      graphql_type=list[CollaborationFunds])
    async def collaboration_funds(self, info: Info[Context, None], year: Year,
                                  county: County = None) -> list[contract.CountyFunds]:
        """Each county's Guangdong money of the year (GET /funds)."""
        return await info.context.collaboration.call(FUNDS, params={"year": year, "county": county})

    @strawberry.field(description="东西部扶贫协作成效考核：每县区一行", graphql_type=list[ScorecardRow])
    async def collaboration_scorecard(self, info: Info[Context, None], year: Year) -> list[contract.ScorecardRow]:
        """The yearly scorecard (GET /scorecard)."""
        return await info.context.collaboration.call(SCORECARD, params={"year": year})


async def _send(info: Info[Context, None], endpoint: Endpoint[M], body: dict[str, Any], version: int | None = None,
                key: str | None = None, **path_params: int) -> M | Problem:
    return await or_problem(info.context.collaboration.call(endpoint, json=body, path_params=path_params,
                                                            version=version, idempotency_key=key))


@strawberry.type
class CollaborationMutations:
    """Actions of the collaboration service."""

    @strawberry.mutation(description=f"建立结对。{EDITED_BY}；"
                                     "上级结对不存在返回 Refused(collaboration.pairing_not_found)，"
                                     "属于另一县区返回 Refused(collaboration.parent_other_county)，同名结对已登记返回 "
                                     "Refused(collaboration.pairing_exists)，村企结对的村不在本县区村屯名录中返回 "
                                     "Refused(collaboration.unknown_village)", graphql_type=PairingResult,
                         extensions=[Roles(*EDITORS)])
    async def create_pairing(self, info: Info[Context, None], input: Annotated[PairingInput, strawberry.argument(
                                 description="要建立的结对")]) -> contract.PairingRead | Problem:
        """Set up a pairing (POST /pairings)."""
        return await _send(info, CREATE_PAIRING, input_json(input))

    @strawberry.mutation(description=f"修改结对。{EDITED_BY}；"
                                     f"结对不存在返回 NotFound(collaboration.pairing_not_found)；{STALE}",
                         graphql_type=PairingResult,
                         extensions=[Roles(*EDITORS)])
    async def update_pairing(self, info: Info[Context, None], id: PairingId, version: Version,
                             input: Annotated[PairingChanges, strawberry.argument(description="要修改的字段")]
                             ) -> contract.PairingRead | Problem:
        """Edit a pairing (PATCH /pairings/{pairing_id}, If-Match)."""
        body = {k: v for k, v in input_json(input).items() if v is not None}
        return await _send(info, UPDATE_PAIRING, body, version, pairing_id=id)

    @strawberry.mutation(description=f"签订框架协议（每个结对每年一份）。{EDITED_BY}；结对不存在返回 "
                                     "Refused(collaboration.pairing_not_found)，该年协议已登记返回 "
                                     "Refused(collaboration.agreement_exists)",
                         graphql_type=AgreementResult,
                         extensions=[Roles(*EDITORS)])
    async def sign_collaboration_agreement(self, info: Info[Context, None], input: Annotated[
                                               AgreementInput, strawberry.argument(description="要登记的框架协议")]
                                               ) -> contract.AgreementRead | Problem:
        """Record an agreement (POST /agreements)."""
        return await _send(info, SIGN_AGREEMENT, input_json(input))

    @strawberry.mutation(description=f"修改框架协议承诺的广东帮扶资金。{EDITED_BY}；{STALE}",
                         graphql_type=AgreementResult,
                         extensions=[Roles(*EDITORS)])
    async def update_collaboration_agreement(self, info: Info[Context, None], id: AgreementId, version: Version,
                                             guangdong_committed: Annotated[Decimal, strawberry.argument(
                                                 description="新的承诺金额（元，两位小数，须大于 0）")]
                                                 ) -> contract.AgreementRead | Problem:
        """Change an agreement's committed money (PATCH /agreements/{agreement_id}, If-Match)."""
        body = {"guangdong_committed": str(guangdong_committed)}
        return await _send(info, UPDATE_AGREEMENT, body, version, agreement_id=id)

    @strawberry.mutation(description=f"为框架协议添加重点任务。{EDITED_BY}；协议不存在返回 "
                                     "NotFound(collaboration.agreement_not_found)",
                         graphql_type=KeyTaskResult,
                         extensions=[Roles(*EDITORS)])
    async def add_key_task(self, info: Info[Context, None], agreement_id: AgreementId,
                           input: Annotated[KeyTaskInput, strawberry.argument(description="要添加的重点任务")]
                           ) -> contract.KeyTaskRead | Problem:
        """Add a key task (POST /agreements/{agreement_id}/tasks)."""
        return await _send(info, ADD_TASK, input_json(input), agreement_id=agreement_id)

    @strawberry.mutation(description=f"修改重点任务。{EDITED_BY}；"
                                     f"任务不存在返回 NotFound(collaboration.task_not_found)；{STALE}",
                         graphql_type=KeyTaskResult,
                         extensions=[Roles(*EDITORS)])
    async def update_key_task(self, info: Info[Context, None], id: TaskId, version: Version,
                              input: Annotated[KeyTaskChanges, strawberry.argument(description="要修改的字段")]
                              ) -> contract.KeyTaskRead | Problem:
        """Edit a key task (PATCH /key-tasks/{task_id}, If-Match)."""
        body = {k: v for k, v in input_json(input).items() if v is not None}
        return await _send(info, UPDATE_TASK, body, version, task_id=id)

    @strawberry.mutation(description=f"报告重点任务进展。{REPORTED_BY}；任务不存在或不在查看范围内返回 "
                                     "NotFound(collaboration.task_not_found)",
                         graphql_type=ProgressResult,
                         extensions=[Roles(*REPORTERS)])
    async def report_task_progress(self, info: Info[Context, None], task_id: TaskId,
                                   input: Annotated[ProgressInput, strawberry.argument(description="进展报告")]
                                   ) -> contract.ProgressRecorded | Problem:
        """Report progress (POST /key-tasks/{task_id}/progress)."""
        return await _send(info, REPORT_PROGRESS, input_json(input), task_id=task_id)

    @strawberry.mutation(description=f"把项目库中的项目登记为协作项目。{REPORTED_BY}；无带贫减贫机制返回 "
                                     "Refused(collaboration.linkage_required)，"
                                     "项目库未知返回 Refused(collaboration.project_unknown)，"
                                     "项目已终结返回 Refused(collaboration.project_ended)，已登记返回 "
                                     "Refused(collaboration.project_registered)，结对不存在或属另一县区返回 "
                                     "Refused(collaboration.pairing_not_found)、"
                                     "Refused(collaboration.pairing_other_county)",
                         graphql_type=CollaborationProjectResult,
                         extensions=[Roles(*REPORTERS)])
    async def register_collaboration_project(self, info: Info[Context, None], input: Annotated[
                                                 CollaborationProjectInput,
                                                 strawberry.argument(description="要登记的协作项目")]
                                                 ) -> contract.CollaborationProjectRead | Problem:
        """Register a collaboration project (POST /collaboration-projects)."""
        return await _send(info, REGISTER_PROJECT, input_json(input))

    @strawberry.mutation(description=f"安排资金使用计划。{PLANNED_BY}；超过已到位资金返回 "
                                     "Refused(collaboration.plan_exceeds_arrived)，超过项目的广东资金份额返回 "
                                     "Refused(collaboration.plan_exceeds_share)，"
                                     "项目已终结返回 Refused(collaboration.project_ended)，"
                                     "同一幂等键换了内容返回 Refused(idempotency.key_reused)",
                         graphql_type=PlanLineResult,
                         extensions=[Roles(*PLANNERS)])
    async def add_plan_line(self, info: Info[Context, None],
                            input: Annotated[PlanLineInput, strawberry.argument(description="要安排的计划行")],
                            idempotency_key: IdempotencyKey) -> contract.PlanLineRead | Problem:
        """Plan Guangdong money (POST /plan-lines), idempotent on the caller's key."""
        return await _send(info, ADD_PLAN_LINE, input_json(input), key=idempotency_key)

    @strawberry.mutation(description=f"登记引进的广东企业。{REPORTED_BY}；县级角色登记其他县区返回 auth.out_of_scope",
                         graphql_type=EnterpriseResult,
                         extensions=[Roles(*REPORTERS)])
    async def record_collaboration_enterprise(self, info: Info[Context, None], input: Annotated[
                                                  EnterpriseInput, strawberry.argument(description="引进的企业")]
                                                  ) -> contract.EnterpriseRead | Problem:
        """Record an enterprise brought in (POST /enterprises)."""
        return await _send(info, RECORD_ENTERPRISE, input_json(input))

    @strawberry.mutation(description=f"登记人才交流（挂职干部、专业技术人才）。{REPORTED_BY}；结束日期早于开始日期"
                                     "返回 InvalidInput", graphql_type=TalentExchangeResult,
                         extensions=[Roles(*REPORTERS)])
    async def record_talent_exchange(self, info: Info[Context, None], input: Annotated[
                                         TalentExchangeInput, strawberry.argument(description="人才交流记录")]
                                         ) -> contract.TalentExchangeRead | Problem:
        """Record a talent exchange (POST /talent-exchanges)."""
        return await _send(info, RECORD_EXCHANGE, input_json(input))
