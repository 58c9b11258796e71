"""GraphQL queries and mutations of the employment service (就业扶贫)."""
import dataclasses
from datetime import date
from typing import Any

import strawberry
from strawberry.types import Info

from gateway.context import Context
from gateway.schema.employment_types import (
    BreachLine,
    Compliance,
    Course,
    Employer,
    EmployerKindGQL,
    GroupProject,
    Labourer,
    LeaderFigures,
    PeriodBreaches,
    Placement,
    PlacementKindGQL,
    ProvinceExport,
    QuotaKindGQL,
    QuotaStatusGQL,
    RegistrationGQL,
    WorkforceReport,
)
from gateway.schema.page import Page, page_of, page_size
from gateway.schema.problems import or_problem
from gateway.schema.projects import to_json
from gateway.schema.rest import from_rest, result_union
from gateway.schema.text import free_text_field

LabourerResult = result_union("LabourerResult", Labourer)
EmployerResult = result_union("EmployerResult", Employer)
GroupProjectResult = result_union("GroupProjectResult", GroupProject)
WorkforceReportResult = result_union("WorkforceReportResult", WorkforceReport)
PlacementResult = result_union("PlacementResult", Placement)
CourseResult = result_union("CourseResult", Course)


@strawberry.input(description="登记贫困劳动力（出生日期与性别由身份证号码推出）")
class LabourerInput:
    id_number: str
    name: str
    county_code: str
    township: str
    village: str
    household_no: str
    registration: RegistrationGQL
    relocated: bool = False
    skills: list[str] = strawberry.field(default_factory=list)


@strawberry.input(description="登记用工单位：骨干企业须填县区，劳务输入基地须填省份")
class EmployerInput:
    kind: EmployerKindGQL
    name: str
    county_code: str | None = None
    industry: str | None = None
    province: str | None = None


@strawberry.input(description="集团在建项目")
class GroupProjectInput:
    name: str
    county_code: str
    starts_on: date
    ends_on: date | None = None


@strawberry.input(description="报送或更正用工总数：骨干企业按年（不填月），集团项目按月")
class WorkforceReportInput:
    year: int
    total: int
    employer_id: int | None = None
    project_id: int | None = None
    month: int | None = None
    note: str | None = free_text_field(None)


@strawberry.input(description="就业安置：企业/基地填 employerId，集团项目填 projectId，公益岗位/微车间填 site")
class PlacementInput:
    labourer_id: int
    kind: PlacementKindGQL
    starts_on: date
    employer_id: int | None = None
    project_id: int | None = None
    site: str | None = None
    ends_on: date | None = None
    leader: str | None = None


@strawberry.input(description="培训班：kind 为 skills 就业技能 / entrepreneurship 创业 / two_after 两后生")
class CourseInput:
    kind: str
    name: str
    county_code: str
    starts_on: date
    ends_on: date | None = None


async def _write(call, make):
    got = await or_problem(call)
    return make(got) if isinstance(got, dict) else got


@strawberry.type
class EmploymentQueries:
    @strawberry.field(description="按 id 读取一名劳动力；无权查看或不存在时为 null")
    async def labourer(self, info: Info[Context, None], id: int) -> Labourer | None:
        found = await info.context.labourer_by_id.load(id)
        return from_rest(Labourer, found) if found else None

    @strawberry.field(description="劳动力列表（本县区），按新到旧")
    async def labourers(self, info: Info[Context, None], county: str | None = None,
                        registration: RegistrationGQL | None = None, first: int = 50,
                        after: str | None = None) -> Page[Labourer]:
        page = await info.context.employment.get(
            "/labourers", county=county, registration=registration.value if registration else None,
            limit=page_size(first), after=after)
        for item in page["items"]:
            info.context.labourer_by_id.prime(item["id"], item)
        return page_of(page, lambda x: from_rest(Labourer, x))

    @strawberry.field(description="用工单位列表")
    async def employers(self, info: Info[Context, None], kind: EmployerKindGQL | None = None,
                        county: str | None = None, first: int = 50, after: str | None = None) -> Page[Employer]:
        page = await info.context.employment.get("/employers", kind=kind.value if kind else None, county=county,
                                                 limit=page_size(first), after=after)
        return page_of(page, Employer.of)

    @strawberry.field(description="集团在建项目")
    async def group_projects(self, info: Info[Context, None], group_id: int | None = None) -> list[GroupProject]:
        page = await info.context.employment.get("/group-projects", group_id=group_id, limit=200)
        return [from_rest(GroupProject, x) for x in page["items"]]

    @strawberry.field(description="用工总数报送及更正历史")
    async def workforce_reports(self, info: Info[Context, None], employer_id: int | None = None,
                                project_id: int | None = None) -> list[WorkforceReport]:
        rows = await info.context.employment.get("/workforce-reports", employer_id=employer_id,
                                                 project_id=project_id)
        return [from_rest(WorkforceReport, x) for x in rows]

    @strawberry.field(description="就业安置列表")
    async def placements(self, info: Info[Context, None], labourer_id: int | None = None,
                         employer_id: int | None = None, project_id: int | None = None, first: int = 50,
                         after: str | None = None) -> Page[Placement]:
        page = await info.context.employment.get("/placements", labourer_id=labourer_id, employer_id=employer_id,
                                                 project_id=project_id, limit=page_size(first), after=after)
        return page_of(page, Placement.of)

    @strawberry.field(description="某期达标情况：骨干企业 period=YYYY，集团项目 period=YYYY-MM")
    async def quota_compliance(self, info: Info[Context, None], kind: QuotaKindGQL, period: str,
                               county: str | None = None, status: QuotaStatusGQL | None = None,
                               first: int = 50, after: str | None = None) -> Page[Compliance]:
        page = await info.context.employment.get("/quotas/compliance", kind=kind.value, period=period,
                                                 county=county, status=status.value if status else None,
                                                 limit=page_size(first), after=after)
        return page_of(page, Compliance.of)

    @strawberry.field(description="按县区（或集团）各期未达标数及趋势")
    async def quota_breaches(self, info: Info[Context, None], kind: QuotaKindGQL, period_from: str, period_to: str,
                             by: str = "county") -> list[BreachLine]:
        report = await info.context.employment.get("/quotas/breaches", kind=kind.value, by=by,
                                                   **{"from": period_from, "to": period_to})
        return [BreachLine(key=x["key"], label=x["label"], trend=x["trend"],
                           periods=[PeriodBreaches(**p) for p in x["periods"]]) for x in report["lines"]]


    @strawberry.field(description="培训班及学员（本县区）")
    async def courses(self, info: Info[Context, None], first: int = 50, after: str | None = None) -> Page[Course]:
        return page_of(await info.context.employment.get("/courses", limit=page_size(first), after=after), Course.of)

    @strawberry.field(description="劳务带头人带动就业及 3、6 个月稳岗情况")
    async def labour_leaders(self, info: Info[Context, None], as_of: date | None = None) -> list[LeaderFigures]:
        rows = await info.context.employment.get("/leaders", as_of=str(as_of) if as_of else None)
        return [LeaderFigures(**x) for x in rows]

    @strawberry.field(description="跨省劳务输出人数（按输入省份）")
    async def labour_export(self, info: Info[Context, None], year: int) -> list[ProvinceExport]:
        return [ProvinceExport(**x) for x in await info.context.employment.get("/labour-export", year=year)]


def _body(value: Any) -> dict[str, Any]:
    return to_json(dataclasses.asdict(value))


@strawberry.type
class EmploymentMutations:
    @strawberry.mutation(description="登记贫困劳动力（人社局）；身份证号码重复时返回 Refused(labourer.duplicate)")
    async def register_labourer(self, info: Info[Context, None], input: LabourerInput) -> LabourerResult:
        return await _write(info.context.employment.post("/labourers", _body(input)), lambda d: from_rest(Labourer, d))

    @strawberry.mutation(description="登记用工单位（人社局）")
    async def register_employer(self, info: Info[Context, None], input: EmployerInput) -> EmployerResult:
        return await _write(info.context.employment.post("/employers", _body(input)), Employer.of)

    @strawberry.mutation(description="为集团公司添加在建项目（人社局）")
    async def add_group_project(self, info: Info[Context, None], group_id: int,
                                input: GroupProjectInput) -> GroupProjectResult:
        call = info.context.employment.post("/employers/{group_id}/projects", _body(input), {"group_id": group_id})
        return await _write(call, lambda d: from_rest(GroupProject, d))

    @strawberry.mutation(description="报送或更正用工总数（同期再次报送即为更正，保留历史）")
    async def report_workforce(self, info: Info[Context, None], input: WorkforceReportInput) -> WorkforceReportResult:
        return await _write(info.context.employment.post("/workforce-reports", _body(input)),
                            lambda d: from_rest(WorkforceReport, d))

    @strawberry.mutation(description="就业安置；同一用工单位时间重叠时返回 Refused(placement.overlap)")
    async def place_labourer(self, info: Info[Context, None], input: PlacementInput) -> PlacementResult:
        return await _write(info.context.employment.post("/placements", _body(input)), Placement.of)

    @strawberry.mutation(description="结束一条就业安置")
    async def end_placement(self, info: Info[Context, None], id: int, ends_on: date) -> PlacementResult:
        call = info.context.employment.post("/placements/{placement_id}/end", {"ends_on": str(ends_on)},
                                            {"placement_id": id})
        return await _write(call, Placement.of)

    @strawberry.mutation(description="登记培训班（人社局）")
    async def add_course(self, info: Info[Context, None], input: CourseInput) -> CourseResult:
        return await _write(info.context.employment.post("/courses", _body(input)), Course.of)

    @strawberry.mutation(description="培训报名或更新学员结果（enrolled/completed/certified/employed/dropped）")
    async def set_course_participant(self, info: Info[Context, None], course_id: int, labourer_id: int,
                                     outcome: str = "enrolled") -> CourseResult:
        call = info.context.employment.post("/courses/{course_id}/participants",
                                            {"labourer_id": labourer_id, "outcome": outcome}, {"course_id": course_id})
        return await _write(call, Course.of)
