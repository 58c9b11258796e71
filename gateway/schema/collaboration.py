"""GraphQL queries and mutations of the collaboration service (粤桂扶贫协作)."""
from decimal import Decimal
from typing import Any, TypeVar

import strawberry
from strawberry.types import Info

from contracts import collaboration as contract
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
from gateway.schema.page import Page, page_size
from gateway.schema.problems import Problem, or_problem
from gateway.schema.projects import input_json
from gateway.schema.rest import result_union
from gateway.upstream import Endpoint

M = TypeVar("M")
PairingResult = result_union("PairingResult", Pairing)
AgreementResult = result_union("CollaborationAgreementResult", CollaborationAgreement)
KeyTaskResult = result_union("KeyTaskResult", KeyTask)
ProgressResult = result_union("ProgressRecordedResult", ProgressRecorded)
CollaborationProjectResult = result_union("CollaborationProjectResult", CollaborationProject)
PlanLineResult = result_union("PlanLineResult", PlanLine)
EnterpriseResult = result_union("CollaborationEnterpriseResult", CollaborationEnterprise)
TalentExchangeResult = result_union("TalentExchangeResult", TalentExchange)


def _value(enum: Any) -> str | None:
    return enum.value if enum is not None else None


@strawberry.type
class CollaborationQueries:
    """Reads of the collaboration service."""

    @strawberry.field(description="结对列表（县级角色见本县区及市际结对）", graphql_type=Page[Pairing])
    async def pairings(self, info: Info[Context, None], county: str | None = None,
                       level: contract.PairingLevel | None = None, parent_id: int | None = None, first: int = 50,
                       after: str | None = None) -> PageRead[contract.PairingRead]:
        """A page of pairings (GET /pairings)."""
        params = {"county": county, "level": _value(level), "parent_id": parent_id, "limit": page_size(first),
                  "after": after}
        return await info.context.collaboration.call(PAIRINGS, params=params)

    @strawberry.field(description="按 id 读取一份框架协议", graphql_type=CollaborationAgreement | None)
    async def collaboration_agreement(self, info: Info[Context, None], id: int) -> contract.AgreementRead | None:
        """One agreement (GET /agreements/{agreement_id}); null when absent or outside the caller's scope."""
        page = await info.context.collaboration.call(AGREEMENTS, params={"ids": str(id)})
        return page.items[0] if page.items else None

    @strawberry.field(description="框架协议列表", graphql_type=Page[CollaborationAgreement])
    async def collaboration_agreements(self, info: Info[Context, None], county: str | None = None,
                                       year: int | None = None, first: int = 50,
                                       after: str | None = None) -> PageRead[contract.AgreementRead]:
        """A page of agreements (GET /agreements)."""
        params = {"county": county, "year": year, "limit": page_size(first), "after": after}
        return await info.context.collaboration.call(AGREEMENTS, params=params)

    @strawberry.field(description="重点任务清单；overdue=true 为逾期清单", graphql_type=Page[KeyTask])
    async def key_tasks(self, info: Info[Context, None], county: str | None = None, year: int | None = None,
                        area: contract.TaskArea | None = None, overdue: bool = False, agreement_id: int | None = None,
                        first: int = 50, after: str | None = None) -> PageRead[contract.KeyTaskRead]:
        """A page of key tasks (GET /key-tasks)."""
        params = {"county": county, "year": year, "area": _value(area), "overdue": str(overdue).lower(),
                  "agreement_id": agreement_id, "limit": page_size(first), "after": after}
        return await info.context.collaboration.call(KEY_TASKS, params=params)

    @strawberry.field(description="某项重点任务的进展报告，新到旧", graphql_type=Page[TaskProgressReport])
    async def task_progress(self, info: Info[Context, None], task_id: int, first: int = 50,
                            after: str | None = None) -> PageRead[contract.ProgressReportRead]:
        """A page of a task's reports (GET /key-tasks/{task_id}/progress)."""
        return await info.context.collaboration.call(PROGRESS, path_params={"task_id": task_id},
                                                     params={"limit": page_size(first), "after": after})

    @strawberry.field(description="重点任务完成率：by 为 county（县区）或 area（县区和领域）",
                      graphql_type=list[TaskCompletion])
    async def task_completion(self, info: Info[Context, None], year: int | None = None, county: str | None = None,
                              by: str = "county") -> list[contract.TaskCompletion]:
        """Completion rates (GET /key-tasks/completion)."""
        return await info.context.collaboration.call(COMPLETION, params={"year": year, "county": county, "by": by})

    @strawberry.field(description="协作项目（项目名称与状态来自项目库事件流）", graphql_type=Page[CollaborationProject])
    async def collaboration_projects(self, info: Info[Context, None], county: str | None = None,
                                     pairing_id: int | None = None, first: int = 50,
                                     after: str | None = None) -> PageRead[contract.CollaborationProjectRead]:
        """A page of collaboration projects (GET /collaboration-projects)."""
        params = {"county": county, "pairing_id": pairing_id, "limit": page_size(first), "after": after}
        return await info.context.collaboration.call(PROJECTS, params=params)

    @strawberry.field(description="资金使用计划", graphql_type=Page[PlanLine])
    async def plan_lines(self, info: Info[Context, None], county: str | None = None, year: int | None = None,
                         first: int = 50, after: str | None = None) -> PageRead[contract.PlanLineRead]:
        """A page of plan lines (GET /plan-lines)."""
        params = {"county": county, "year": year, "limit": page_size(first), "after": after}
        return await info.context.collaboration.call(PLAN_LINES, params=params)

    @strawberry.field(description="广东帮扶资金：承诺 → 到位 → 计划 → 分配 → 支出（各县区或一个县区）",
                      graphql_type=list[CollaborationFunds])
    async def collaboration_funds(self, info: Info[Context, None], year: int,
                                  county: str | None = None) -> list[contract.CountyFunds]:
        """Each county's Guangdong money of the year (GET /funds)."""
        return await info.context.collaboration.call(FUNDS, params={"year": year, "county": county})

    @strawberry.field(description="东西部扶贫协作成效考核：每县区一行", graphql_type=list[ScorecardRow])
    async def collaboration_scorecard(self, info: Info[Context, None], year: int) -> list[contract.ScorecardRow]:
        """The yearly scorecard (GET /scorecard)."""
        return await info.context.collaboration.call(SCORECARD, params={"year": year})


async def _send(info: Info[Context, None], endpoint: Endpoint[M], body: dict[str, Any], version: int | None = None,
                key: str | None = None, **path_params: int) -> M | Problem:
    return await or_problem(info.context.collaboration.call(endpoint, json=body, path_params=path_params,
                                                            version=version, idempotency_key=key))


@strawberry.type
class CollaborationMutations:
    """Actions of the collaboration service."""

    @strawberry.mutation(description="建立结对（市扶贫办、粤桂协作办）", graphql_type=PairingResult)
    async def create_pairing(self, info: Info[Context, None], input: PairingInput) -> contract.PairingRead | Problem:
        """Set up a pairing (POST /pairings)."""
        return await _send(info, CREATE_PAIRING, input_json(input))

    @strawberry.mutation(description="修改结对（version 为读取时的版本号）", graphql_type=PairingResult)
    async def update_pairing(self, info: Info[Context, None], id: int, version: int,
                             input: PairingChanges) -> contract.PairingRead | Problem:
        """Edit a pairing (PATCH /pairings/{pairing_id}, If-Match)."""
        body = {k: v for k, v in input_json(input).items() if v is not None}
        return await _send(info, UPDATE_PAIRING, body, version, pairing_id=id)

    @strawberry.mutation(description="签订框架协议", graphql_type=AgreementResult)
    async def sign_collaboration_agreement(self, info: Info[Context, None],
                                           input: AgreementInput) -> contract.AgreementRead | Problem:
        """Record an agreement (POST /agreements)."""
        return await _send(info, SIGN_AGREEMENT, input_json(input))

    @strawberry.mutation(description="修改框架协议承诺资金（version 为读取时的版本号）", graphql_type=AgreementResult)
    async def update_collaboration_agreement(self, info: Info[Context, None], id: int, version: int,
                                             guangdong_committed: Decimal) -> contract.AgreementRead | Problem:
        """Change an agreement's committed money (PATCH /agreements/{agreement_id}, If-Match)."""
        body = {"guangdong_committed": str(guangdong_committed)}
        return await _send(info, UPDATE_AGREEMENT, body, version, agreement_id=id)

    @strawberry.mutation(description="为框架协议添加重点任务", graphql_type=KeyTaskResult)
    async def add_key_task(self, info: Info[Context, None], agreement_id: int,
                           input: KeyTaskInput) -> contract.KeyTaskRead | Problem:
        """Add a key task (POST /agreements/{agreement_id}/tasks)."""
        return await _send(info, ADD_TASK, input_json(input), agreement_id=agreement_id)

    @strawberry.mutation(description="修改重点任务（version 为读取时的版本号）", graphql_type=KeyTaskResult)
    async def update_key_task(self, info: Info[Context, None], id: int, version: int,
                              input: KeyTaskChanges) -> contract.KeyTaskRead | Problem:
        """Edit a key task (PATCH /key-tasks/{task_id}, If-Match)."""
        body = {k: v for k, v in input_json(input).items() if v is not None}
        return await _send(info, UPDATE_TASK, body, version, task_id=id)

    @strawberry.mutation(description="报告重点任务进展（县区扶贫办报本县区）", graphql_type=ProgressResult)
    async def report_task_progress(self, info: Info[Context, None], task_id: int,
                                   input: ProgressInput) -> contract.ProgressRecorded | Problem:
        """Report progress (POST /key-tasks/{task_id}/progress)."""
        return await _send(info, REPORT_PROGRESS, input_json(input), task_id=task_id)

    @strawberry.mutation(description="把项目库中的项目登记为协作项目；"
                                     "无带贫减贫机制时返回 collaboration.linkage_required",
                         graphql_type=CollaborationProjectResult)
    async def register_collaboration_project(self, info: Info[Context, None], input: CollaborationProjectInput
                                             ) -> contract.CollaborationProjectRead | Problem:
        """Register a collaboration project (POST /collaboration-projects)."""
        return await _send(info, REGISTER_PROJECT, input_json(input))

    @strawberry.mutation(description="安排资金使用计划；超过已到位资金时返回 collaboration.plan_exceeds_arrived",
                         graphql_type=PlanLineResult)
    async def add_plan_line(self, info: Info[Context, None], input: PlanLineInput,
                            idempotency_key: str) -> contract.PlanLineRead | Problem:
        """Plan Guangdong money (POST /plan-lines), idempotent on the caller's key."""
        return await _send(info, ADD_PLAN_LINE, input_json(input), key=idempotency_key)

    @strawberry.mutation(description="登记引进的广东企业", graphql_type=EnterpriseResult)
    async def record_collaboration_enterprise(self, info: Info[Context, None], input: EnterpriseInput
                                              ) -> contract.EnterpriseRead | Problem:
        """Record an enterprise brought in (POST /enterprises)."""
        return await _send(info, RECORD_ENTERPRISE, input_json(input))

    @strawberry.mutation(description="登记人才交流（挂职干部、专业技术人才）", graphql_type=TalentExchangeResult)
    async def record_talent_exchange(self, info: Info[Context, None], input: TalentExchangeInput
                                     ) -> contract.TalentExchangeRead | Problem:
        """Record a talent exchange (POST /talent-exchanges)."""
        return await _send(info, RECORD_EXCHANGE, input_json(input))
