"""GraphQL for review, notice, plans, execution, clear-out and bulletin figures of the library."""
import dataclasses
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from gateway.context import Context
from gateway.schema.page import Page, page_of, page_size
from gateway.schema.problems import or_problem
from gateway.schema.projects import Project, ProjectInput, to_json
from gateway.schema.rest import from_rest, result_union
from gateway.schema.text import FreeText, FreeTextArg, free_text_field

ReviewDecision = strawberry.enum(Enum("ReviewDecision", {"APPROVE": "approve", "RETURN": "return",
                                                          "REJECT": "reject"}), description="审核结论")
ObjectionOutcome = strawberry.enum(Enum("ObjectionOutcome", {"UPHELD": "upheld", "DISMISSED": "dismissed"}),
                                   description="异议处理结论")
AcceptanceResult = strawberry.enum(Enum("AcceptanceResult", {"PASSED": "passed", "FAILED": "failed"}),
                                   description="验收结论")
FigureDimension = strawberry.enum(Enum("FigureDimension", {"COUNTY": "county", "STATUS": "status",
                                                           "CATEGORY": "category", "PLAN_YEAR": "plan_year"}))


@strawberry.type(description="项目全过程记录中的一步")
class HistoryStep:
    id: int
    at: datetime
    actor: str
    actor_role: str
    action: str
    from_status: str | None
    to_status: str | None
    note: str | None
    data: JSON


@strawberry.type(description="公示期异议")
class Objection:
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


@strawberry.type(description="年度计划中的一个项目")
class PlanEntry:
    project_id: int
    project_name: str
    project_status: str
    added_on: date
    added_by: str
    added_via: str
    added_reason: str | None
    removed_on: date | None
    removed_by: str | None
    removed_reason: str | None


@strawberry.type(description="县区年度实施计划")
class Plan:
    id: int
    county_code: str
    year: int
    status: str
    version: int
    created_at: datetime
    closed_at: datetime | None
    entries: list[PlanEntry]


@strawberry.type(description="清理出库候选项目违反的规则")
class BrokenRule:
    rule: str
    message: str


@strawberry.type
class ClearoutCandidate:
    project: Project
    rules: list[BrokenRule]


@strawberry.type(description="通报数据：项目数、预算、开工率、完工率")
class Figure:
    key: str | None
    label: str
    entries: int
    budget: Decimal
    in_library: int
    started_share: float
    completed_share: float


@strawberry.input(description="验收")
class AcceptanceInput:
    on: date
    accepting_unit: str
    result: AcceptanceResult
    actual_households: int
    actual_people: int
    note: str = free_text_field("")




def _plan(d: dict[str, Any]) -> Plan:
    return from_rest(Plan, d | {"entries": [from_rest(PlanEntry, e) for e in d.get("entries", [])]})


@strawberry.type(description="导入成功的项目")
class ImportedProjects:
    projects: list[Project]




# Import rows are REST JSON: tab and newline may sit in their free-text fields, which the service checks itself.
FreeTextJSON = Annotated[JSON, strawberry.argument(directives=[FreeText()])]

ProjectActionResult = result_union("ProjectActionResult", Project)
PlanResult = result_union("PlanResult", Plan)
ObjectionResult = result_union("ObjectionResult", Objection)
ImportResult = result_union("ImportResult", ImportedProjects)


async def _act(info: Info[Context, None], route: str, project_id: int, version: int | None, body: Any = None,
               method: str = "POST", **ids: int):
    """Call an action endpoint (route template as metric label) and answer the entry or a typed problem."""
    path_params = {"project_id": project_id, **ids}
    got = await or_problem(info.context.projects.call(method, route, path_params, version, json=body or {}))
    if isinstance(got, dict):
        info.context.project_by_id.prime(got["id"], got)
        return Project.from_rest(got)
    return got


async def _plan_call(info: Info[Context, None], county: str, year: int, version: int, suffix: str,
                     body: Any = None):
    route = "/plans/{county}/{year}/" + suffix
    got = await or_problem(info.context.projects.call("POST", route, {"county": county, "year": year}, version,
                                                      json=body))
    return _plan(got) if isinstance(got, dict) else got


@strawberry.type
class LifecycleQueries:
    @strawberry.field(description="项目全过程记录（审核、公示、计划、进度等），按时间顺序")
    async def project_timeline(self, info: Info[Context, None], id: int) -> list[HistoryStep]:
        rows = await info.context.projects.call("GET", "/projects/{project_id}/timeline", {"project_id": id})
        return [from_rest(HistoryStep, r) for r in rows]

    @strawberry.field(description="项目的公示异议")
    async def project_objections(self, info: Info[Context, None], id: int) -> list[Objection]:
        rows = await info.context.projects.call("GET", "/projects/{project_id}/objections", {"project_id": id})
        return [from_rest(Objection, r) for r in rows]

    @strawberry.field(description="年度计划列表（不含明细）")
    async def plans(self, info: Info[Context, None], county: str | None = None, year: int | None = None) -> list[Plan]:
        rows = await info.context.projects.call("GET", "/plans",
                                                params={k: v for k, v in (("county", county), ("year", year)) if v})
        return [_plan(r) for r in rows]

    @strawberry.field(description="一个县区的年度计划及其项目")
    async def plan(self, info: Info[Context, None], county: str, year: int) -> Plan:
        plan = await info.context.projects.call("GET", "/plans/{county}/{year}", {"county": county, "year": year})
        return _plan(plan)

    @strawberry.field(description="清理出库候选：违反入库规则或停滞的项目，附违反的规则")
    async def clearout_candidates(self, info: Info[Context, None], county: str | None = None, first: int = 50,
                                  after: str | None = None) -> Page[ClearoutCandidate]:
        params = {k: v for k, v in (("county", county), ("after", after)) if v} | {"limit": page_size(first)}
        page = await info.context.projects.call("GET", "/clearout/candidates", params=params)
        return page_of(page, lambda c: ClearoutCandidate(project=Project.from_rest(c["project"]),
                                                         rules=[BrokenRule(**r) for r in c["rules"]]))

    @strawberry.field(description="通报数据：按县区、状态、类别或计划年度")
    async def bulletin_figures(self, info: Info[Context, None], by: FigureDimension = FigureDimension.COUNTY,
                               county: str | None = None, plan_year: int | None = None) -> list[Figure]:
        params = {"by": by.value} | {k: v for k, v in (("county", county), ("plan_year", plan_year)) if v}
        rows = await info.context.projects.call("GET", "/figures", params=params)
        return [Figure(**(r | {"budget": Decimal(r["budget"])})) for r in rows]


@strawberry.type
class LifecycleMutations:
    @strawberry.mutation(description="审核当前环节：通过、退回修改或不予入库")
    async def review_project(self, info: Info[Context, None], id: int, version: int, decision: ReviewDecision,
                             opinion: FreeTextArg = "") -> ProjectActionResult:
        body = {"decision": decision.value, "opinion": opinion}
        return await _act(info, "/projects/{project_id}/review", id, version, body)

    @strawberry.mutation(description="退回后修改申报内容")
    async def edit_project(self, info: Info[Context, None], id: int, version: int,
                           input: ProjectInput) -> ProjectActionResult:
        body = to_json(dataclasses.asdict(input))
        return await _act(info, "/projects/{project_id}", id, version, body, "PUT")

    @strawberry.mutation(description="修改后重新提交，从退回的环节重新审核")
    async def resubmit_project(self, info: Info[Context, None], id: int, version: int,
                               note: FreeTextArg = "") -> ProjectActionResult:
        return await _act(info, "/projects/{project_id}/resubmit", id, version, {"note": note})

    @strawberry.mutation(description="公示期内提出异议")
    async def lodge_objection(self, info: Info[Context, None], id: int, reason: FreeTextArg) -> ObjectionResult:
        got = await or_problem(info.context.projects.call("POST", "/projects/{project_id}/objections",
                                                          {"project_id": id}, json={"reason": reason}))
        return from_rest(Objection, got) if isinstance(got, dict) else got

    @strawberry.mutation(description="处理异议：成立则不予入库，不成立则继续")
    async def resolve_objection(self, info: Info[Context, None], id: int, version: int, objection_id: int,
                                outcome: ObjectionOutcome, resolution: FreeTextArg) -> ProjectActionResult:
        route = "/projects/{project_id}/objections/{objection_id}/resolution"
        body = {"outcome": outcome.value, "resolution": resolution}
        return await _act(info, route, id, version, body, objection_id=objection_id)

    @strawberry.mutation(description="公示期满且异议处理完毕后入库，分配入库编号")
    async def admit_project(self, info: Info[Context, None], id: int, version: int) -> ProjectActionResult:
        return await _act(info, "/projects/{project_id}/admit", id, version)

    @strawberry.mutation(description="列入县区年度实施计划")
    async def schedule_project(self, info: Info[Context, None], id: int, version: int,
                               year: int) -> ProjectActionResult:
        return await _act(info, "/projects/{project_id}/schedule", id, version, {"year": year})

    @strawberry.mutation(description="开工")
    async def start_project(self, info: Info[Context, None], id: int, version: int, on: date,
                            note: FreeTextArg = "") -> ProjectActionResult:
        return await _act(info, "/projects/{project_id}/start", id, version, {"on": str(on), "note": note})

    @strawberry.mutation(description="报告进度（完成百分比不能倒退）")
    async def report_progress(self, info: Info[Context, None], id: int, version: int, on: date, percent: int,
                              note: FreeTextArg = "") -> ProjectActionResult:
        body = {"on": str(on), "percent": percent, "note": note}
        return await _act(info, "/projects/{project_id}/progress", id, version, body)

    @strawberry.mutation(description="竣工")
    async def complete_project(self, info: Info[Context, None], id: int, version: int, on: date,
                               note: FreeTextArg = "") -> ProjectActionResult:
        return await _act(info, "/projects/{project_id}/complete", id, version, {"on": str(on), "note": note})

    @strawberry.mutation(description="验收：记录实际受益贫困户和人口")
    async def accept_project(self, info: Info[Context, None], id: int, version: int,
                             input: AcceptanceInput) -> ProjectActionResult:
        body = to_json(dataclasses.asdict(input))
        return await _act(info, "/projects/{project_id}/accept", id, version, body)

    @strawberry.mutation(description="报账完成")
    async def settle_project(self, info: Info[Context, None], id: int, version: int, on: date,
                             note: FreeTextArg = "") -> ProjectActionResult:
        return await _act(info, "/projects/{project_id}/settle", id, version, {"on": str(on), "note": note})

    @strawberry.mutation(description="无法实施，取消")
    async def cancel_project(self, info: Info[Context, None], id: int, version: int,
                             reason: FreeTextArg) -> ProjectActionResult:
        return await _act(info, "/projects/{project_id}/cancel", id, version, {"reason": reason})

    @strawberry.mutation(description="清理出库（终局，同单位同名同村项目不得再入库）")
    async def clear_project(self, info: Info[Context, None], id: int, version: int,
                            reason: FreeTextArg) -> ProjectActionResult:
        return await _act(info, "/projects/{project_id}/clear", id, version, {"reason": reason})

    @strawberry.mutation(description="滚动实施：关闭 N 年计划，未完成项目转入 N+1 年；返回 N+1 年计划")
    async def roll_over_plan(self, info: Info[Context, None], county: str, year: int, version: int) -> PlanResult:
        return await _plan_call(info, county, year, version, "rollover")

    @strawberry.mutation(description="第四季度调整：调入、调出项目并说明理由")
    async def adjust_plan(self, info: Info[Context, None], county: str, year: int, version: int, reason: FreeTextArg,
                          add: list[int] | None = None, remove: list[int] | None = None) -> PlanResult:
        body = {"add": add or [], "remove": remove or [], "reason": reason}
        return await _plan_call(info, county, year, version, "adjustments", body)

    @strawberry.mutation(description="导入已入库或实施中的历史项目（字段同 REST /projects/import），全部或全不")
    async def import_existing_projects(self, info: Info[Context, None], rows: FreeTextJSON) -> ImportResult:
        got = await or_problem(info.context.projects.call("POST", "/projects/import", json=rows))
        return ImportedProjects(projects=[Project.from_rest(p) for p in got]) if isinstance(got, list) else got
