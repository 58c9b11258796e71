"""GraphQL queries and mutations of the employment service (就业扶贫)."""
from datetime import date
from typing import Any, TypeVar

import strawberry
from strawberry.types import Info

from contracts import employment as contract
from contracts.page import Page as PageRead
from gateway.context import Context
from gateway.employment_client import (
    ADD_COURSE,
    ADD_GROUP_PROJECT,
    BREACHES,
    COMPLIANCE,
    COURSES,
    EMPLOYERS,
    END_PLACEMENT,
    GROUP_PROJECTS,
    LABOUR_EXPORT,
    LABOURERS,
    LEADERS,
    PLACE,
    PLACEMENTS,
    REGISTER_EMPLOYER,
    REGISTER_LABOURER,
    REPORT_WORKFORCE,
    SET_PARTICIPANT,
    WORKFORCE_REPORTS,
)
from gateway.schema.employment_types import (
    BreachLine,
    Compliance,
    Course,
    Employer,
    GroupProject,
    Labourer,
    LeaderFigures,
    Placement,
    ProvinceExport,
    WorkforceReport,
)
from gateway.schema.enums import EmployerKind, PlacementKind, QuotaKind, QuotaStatus, Registration
from gateway.schema.page import Page, page_size
from gateway.schema.problems import Problem, or_problem
from gateway.schema.projects import input_json
from gateway.schema.rest import result_union
from gateway.schema.text import free_text_field
from gateway.upstream import Endpoint

M = TypeVar("M")

LabourerResult = result_union("LabourerResult", Labourer)
EmployerResult = result_union("EmployerResult", Employer)
GroupProjectResult = result_union("GroupProjectResult", GroupProject)
WorkforceReportResult = result_union("WorkforceReportResult", WorkforceReport)
PlacementResult = result_union("PlacementResult", Placement)
CourseResult = result_union("CourseResult", Course)


@strawberry.input(description="登记贫困劳动力（出生日期与性别由身份证号码推出）")
class LabourerInput:
    """A labourer as hr registers one."""

    id_number: str
    name: str
    county_code: str
    township: str
    village: str
    household_no: str
    registration: Registration
    relocated: bool = False
    skills: list[str] = strawberry.field(default_factory=list)


@strawberry.input(description="登记用工单位：骨干企业须填县区，劳务输入基地须填省份")
class EmployerInput:
    """An employer to register."""

    kind: EmployerKind
    name: str
    county_code: str | None = None
    industry: str | None = None
    province: str | None = None


@strawberry.input(description="集团在建项目")
class GroupProjectInput:
    """A group's construction project to add."""

    name: str
    county_code: str
    starts_on: date
    ends_on: date | None = None


@strawberry.input(description="报送或更正用工总数：骨干企业按年（不填月），集团项目按月")
class WorkforceReportInput:
    """A workforce total to report or correct."""

    year: int
    total: int
    employer_id: int | None = None
    project_id: int | None = None
    month: int | None = None
    note: str | None = free_text_field(None)


@strawberry.input(description="就业安置：企业/基地填 employerId，集团项目填 projectId，公益岗位/微车间填 site")
class PlacementInput:
    """A placement to record."""

    labourer_id: int
    kind: PlacementKind
    starts_on: date
    employer_id: int | None = None
    project_id: int | None = None
    site: str | None = None
    ends_on: date | None = None
    leader: str | None = None


@strawberry.input(description="培训班：kind 为 skills 就业技能 / entrepreneurship 创业 / two_after 两后生")
class CourseInput:
    """A course to record."""

    kind: str
    name: str
    county_code: str
    starts_on: date
    ends_on: date | None = None


def _value(enum: Any) -> str | None:
    return enum.value if enum is not None else None


@strawberry.type
class EmploymentQueries:
    """Reads of the employment service."""

    @strawberry.field(description="按 id 读取一名劳动力；无权查看或不存在时为 null", graphql_type=Labourer | None)
    async def labourer(self, info: Info[Context, None], id: int) -> contract.LabourerRead | None:
        """One labourer through the request's batch loader."""
        return await info.context.loaders.labourer_by_id.load(id)

    @strawberry.field(description="劳动力列表（本县区），按新到旧", graphql_type=Page[Labourer])
    async def labourers(self, info: Info[Context, None], county: str | None = None,
                        registration: Registration | None = None, first: int = 50,
                        after: str | None = None) -> PageRead[contract.LabourerRead]:
        """A page of labourers (GET /labourers), each primed into the loader."""
        params = {"county": county, "registration": _value(registration), "limit": page_size(first), "after": after}
        page = await info.context.employment.call(LABOURERS, params=params)
        for item in page.items:
            info.context.loaders.labourer_by_id.prime(item.id, item)
        return page

    @strawberry.field(description="用工单位列表", graphql_type=Page[Employer])
    async def employers(self, info: Info[Context, None], kind: EmployerKind | None = None,
                        county: str | None = None, first: int = 50,
                        after: str | None = None) -> PageRead[contract.EmployerRead]:
        """A page of employers (GET /employers)."""
        params = {"kind": _value(kind), "county": county, "limit": page_size(first), "after": after}
        return await info.context.employment.call(EMPLOYERS, params=params)

    @strawberry.field(description="集团在建项目", graphql_type=list[GroupProject])
    async def group_projects(self, info: Info[Context, None],
                             group_id: int | None = None) -> list[contract.GroupProjectRead]:
        """The group projects, of one group or all (GET /group-projects)."""
        page = await info.context.employment.call(GROUP_PROJECTS, params={"group_id": group_id, "limit": 200})
        return page.items

    @strawberry.field(description="用工总数报送及更正历史", graphql_type=list[WorkforceReport])
    async def workforce_reports(self, info: Info[Context, None], employer_id: int | None = None,
                                project_id: int | None = None) -> list[contract.WorkforceReportRead]:
        """Workforce reports with their corrections (GET /workforce-reports)."""
        params = {"employer_id": employer_id, "project_id": project_id}
        return await info.context.employment.call(WORKFORCE_REPORTS, params=params)

    @strawberry.field(description="就业安置列表", graphql_type=Page[Placement])
    async def placements(self, info: Info[Context, None], labourer_id: int | None = None,
                         employer_id: int | None = None, project_id: int | None = None, first: int = 50,
                         after: str | None = None) -> PageRead[contract.PlacementRead]:
        """A page of placements (GET /placements)."""
        params = {"labourer_id": labourer_id, "employer_id": employer_id, "project_id": project_id,
                  "limit": page_size(first), "after": after}
        return await info.context.employment.call(PLACEMENTS, params=params)

    @strawberry.field(description="某期达标情况：骨干企业 period=YYYY，集团项目 period=YYYY-MM",
                      graphql_type=Page[Compliance])
    async def quota_compliance(self, info: Info[Context, None], kind: QuotaKind, period: str,
                               county: str | None = None, status: QuotaStatus | None = None,
                               first: int = 50, after: str | None = None) -> PageRead[contract.Compliance]:
        """A page of one period's quota compliance (GET /quotas/compliance)."""
        params = {"kind": kind.value, "period": period, "county": county, "status": _value(status),
                  "limit": page_size(first), "after": after}
        return await info.context.employment.call(COMPLIANCE, params=params)

    @strawberry.field(description="按县区（或集团）各期未达标数及趋势", graphql_type=list[BreachLine])
    async def quota_breaches(self, info: Info[Context, None], kind: QuotaKind, period_from: str, period_to: str,
                             by: str = "county") -> list[contract.BreachLine]:
        """Breaches per county or group over a range of periods (GET /quotas/breaches)."""
        params = {"kind": kind.value, "by": by, "from": period_from, "to": period_to}
        return (await info.context.employment.call(BREACHES, params=params)).lines

    @strawberry.field(description="培训班及学员（本县区）", graphql_type=Page[Course])
    async def courses(self, info: Info[Context, None], first: int = 50,
                      after: str | None = None) -> PageRead[contract.CourseRead]:
        """A page of training courses with participants (GET /courses)."""
        return await info.context.employment.call(COURSES, params={"limit": page_size(first), "after": after})

    @strawberry.field(description="劳务带头人带动就业及 3、6 个月稳岗情况", graphql_type=list[LeaderFigures])
    async def labour_leaders(self, info: Info[Context, None],
                             as_of: date | None = None) -> list[contract.LeaderFigures]:
        """Labour leaders' retention figures (GET /leaders)."""
        return await info.context.employment.call(LEADERS, params={"as_of": str(as_of) if as_of else None})

    @strawberry.field(description="跨省劳务输出人数（按输入省份）", graphql_type=list[ProvinceExport])
    async def labour_export(self, info: Info[Context, None], year: int) -> list[contract.ProvinceExport]:
        """Cross-province labour export by province (GET /labour-export)."""
        return await info.context.employment.call(LABOUR_EXPORT, params={"year": year})


async def _post(info: Info[Context, None], endpoint: Endpoint[M], body: dict[str, Any],
                **path_params: int) -> M | Problem:
    return await or_problem(info.context.employment.call(endpoint, json=body, path_params=path_params))


@strawberry.type
class EmploymentMutations:
    """Actions of the employment service (hr)."""

    @strawberry.mutation(description="登记贫困劳动力（人社局）；身份证号码重复时返回 Refused(labourer.duplicate)",
                         graphql_type=LabourerResult)
    async def register_labourer(self, info: Info[Context, None],
                                input: LabourerInput) -> contract.LabourerRead | Problem:
        """Register a poor labourer (POST /labourers)."""
        return await _post(info, REGISTER_LABOURER, input_json(input))

    @strawberry.mutation(description="登记用工单位（人社局）", graphql_type=EmployerResult)
    async def register_employer(self, info: Info[Context, None],
                                input: EmployerInput) -> contract.EmployerRead | Problem:
        """Register an employer (POST /employers)."""
        return await _post(info, REGISTER_EMPLOYER, input_json(input))

    @strawberry.mutation(description="为集团公司添加在建项目（人社局）", graphql_type=GroupProjectResult)
    async def add_group_project(self, info: Info[Context, None], group_id: int,
                                input: GroupProjectInput) -> contract.GroupProjectRead | Problem:
        """Add a construction project to a group (POST /employers/{group_id}/projects)."""
        return await _post(info, ADD_GROUP_PROJECT, input_json(input), group_id=group_id)

    @strawberry.mutation(description="报送或更正用工总数（同期再次报送即为更正，保留历史）",
                         graphql_type=WorkforceReportResult)
    async def report_workforce(self, info: Info[Context, None],
                               input: WorkforceReportInput) -> contract.WorkforceReportRead | Problem:
        """Report or correct a workforce total (POST /workforce-reports)."""
        return await _post(info, REPORT_WORKFORCE, input_json(input))

    @strawberry.mutation(description="就业安置；同一用工单位时间重叠时返回 Refused(placement.overlap)",
                         graphql_type=PlacementResult)
    async def place_labourer(self, info: Info[Context, None],
                             input: PlacementInput) -> contract.PlacementRead | Problem:
        """Place a labourer (POST /placements)."""
        return await _post(info, PLACE, input_json(input))

    @strawberry.mutation(description="结束一条就业安置", graphql_type=PlacementResult)
    async def end_placement(self, info: Info[Context, None], id: int,
                            ends_on: date) -> contract.PlacementRead | Problem:
        """Record a placement's last day (POST /placements/{placement_id}/end)."""
        return await _post(info, END_PLACEMENT, {"ends_on": str(ends_on)}, placement_id=id)

    @strawberry.mutation(description="登记培训班（人社局）", graphql_type=CourseResult)
    async def add_course(self, info: Info[Context, None], input: CourseInput) -> contract.CourseRead | Problem:
        """Record a training course (POST /courses)."""
        return await _post(info, ADD_COURSE, input_json(input))

    @strawberry.mutation(description="培训报名或更新学员结果（enrolled/completed/certified/employed/dropped）",
                         graphql_type=CourseResult)
    async def set_course_participant(self, info: Info[Context, None], course_id: int, labourer_id: int,
                                     outcome: str = "enrolled") -> contract.CourseRead | Problem:
        """Enrol a labourer on a course or set the outcome (POST /courses/{course_id}/participants)."""
        body = {"labourer_id": labourer_id, "outcome": outcome}
        return await _post(info, SET_PARTICIPANT, body, course_id=course_id)
