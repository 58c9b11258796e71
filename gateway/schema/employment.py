"""GraphQL queries and mutations of the employment service (就业扶贫)."""
from datetime import date
from typing import Annotated, Any, TypeVar

import strawberry
from strawberry.types import Info

from contracts import employment as contract
from contracts.enums import Role
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
from gateway.schema.arguments import CORRECTION, After, CorrectionReason, County, First, Year
from gateway.schema.contract_types import described_by
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
from gateway.schema.enums import (
    BreachGrouping,
    CourseKind,
    EmployerKind,
    Outcome,
    PlacementKind,
    QuotaKind,
    QuotaStatus,
    Registration,
)
from gateway.schema.page import Page, page_size
from gateway.schema.permissions import Roles
from gateway.schema.problems import REFUSALS, Problem, or_problem
from gateway.schema.projects import input_json, to_json
from gateway.schema.rest import result_union
from gateway.schema.text import FreeText, free_text_field
from gateway.upstream import Endpoint

M = TypeVar("M")
HR = "角色：hr（人社局）"
CLOSED = "安置覆盖的月份已关账时返回 Refused(period.closed)，由市级 hr 填写 correctionReason 更正；"
LabourerId = Annotated[int, strawberry.argument(description="劳动力的 id")]
GroupId = Annotated[int | None, strawberry.argument(description="只列该集团公司（用工单位 id）的；为空列全部")]
EmployerId = Annotated[int | None, strawberry.argument(description="只列该用工单位（骨干企业或基地）的")]
GroupProjectId = Annotated[int | None, strawberry.argument(description="只列该集团在建项目的")]
Kind = Annotated[QuotaKind, strawberry.argument(description="比例要求的种类：骨干企业（年）或集团项目（月）")]

LabourerResult = result_union("LabourerResult", Labourer, *REFUSALS)
EmployerResult = result_union("EmployerResult", Employer, *REFUSALS)
GroupProjectResult = result_union("GroupProjectResult", GroupProject, *REFUSALS)
WorkforceReportResult = result_union("WorkforceReportResult", WorkforceReport, *REFUSALS)
PlacementResult = result_union("PlacementResult", Placement, *REFUSALS)
CourseResult = result_union("CourseResult", Course, *REFUSALS)


@described_by(contract.LabourerRead, id_number="居民身份证号码（18 位，校验码正确）", name="姓名",
              county_code="户籍县区代码（GB/T 2260，六位）", relocated="是否易地扶贫搬迁户（默认否）",
              skills="技能（可为空）",
              village_id="户籍行政村（village）：村屯名录中本县区行政村的 id；柳州市十个县区必填，乡镇与村名由名录给出",
              township="户籍乡镇（township）：仅柳州市以外的县区填写",
              village="户籍村（village）：仅柳州市以外的县区填写")
@strawberry.input(description="登记贫困劳动力（出生日期与性别由身份证号码推出）")
class LabourerInput:
    """A labourer as hr registers one."""

    id_number: str
    name: str
    county_code: str
    household_no: str
    registration: Registration
    village_id: int | None = None
    township: str | None = None
    village: str | None = None
    relocated: bool = False
    skills: list[str] = strawberry.field(default_factory=list)


@described_by(contract.EmployerRead, county_code="所在县区代码（骨干企业必填）")
@strawberry.input(description="登记用工单位：骨干企业须填县区，劳务输入基地须填省份")
class EmployerInput:
    """An employer to register."""

    kind: EmployerKind
    name: str
    county_code: str | None = None
    industry: str | None = None
    province: str | None = None


@described_by(contract.GroupProjectRead, ends_on="完工日期；未定为空")
@strawberry.input(description="集团在建项目")
class GroupProjectInput:
    """A group's construction project to add."""

    name: str
    county_code: str
    starts_on: date
    ends_on: date | None = None


@described_by(contract.WorkforceReportRead, employer_id="骨干企业的 id（按年报送；与 projectId 二选一）",
              project_id="集团在建项目的 id（按月报送；与 employerId 二选一）", month="月份 1–12（集团项目必填）",
              note="说明（更正原因等，可换行）")
@strawberry.input(description="报送或更正用工总数：骨干企业按年（不填月），集团项目按月")
class WorkforceReportInput:
    """A workforce total to report or correct."""

    year: int
    total: int
    employer_id: int | None = None
    project_id: int | None = None
    month: int | None = None
    note: str | None = free_text_field(None)


@described_by(contract.PlacementRead, ends_on="离岗日期；仍在岗为空")
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
    correction_reason: str | None = strawberry.field(default=None, directives=[FreeText()], description=CORRECTION)


@described_by(contract.CourseRead)
@strawberry.input(description="培训班：就业技能培训、创业培训或两后生中期职业培训")
class CourseInput:
    """A course to record."""

    kind: CourseKind
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
    async def labourer(self, info: Info[Context, None], id: LabourerId) -> contract.LabourerRead | None:
        """One labourer through the request's batch loader."""
        return await info.context.loaders.labourer_by_id.load(id)

    @strawberry.field(description="劳动力列表（本县区），按新到旧", graphql_type=Page[Labourer])
    async def labourers(
            self, info: Info[Context, None], county: County = None,
            registration: Annotated[Registration | None, strawberry.argument(description="只列该建档立卡状态")] = None,
            first: First = 50, after: After = None) -> PageRead[contract.LabourerRead]:
        """A page of labourers (GET /labourers), each primed into the loader."""
        params = {"county": county, "registration": _value(registration), "limit": page_size(first), "after": after}
        page = await info.context.employment.call(LABOURERS, params=params)
        for item in page.items:
            info.context.loaders.labourer_by_id.prime(item.id, item)
        return page

    @strawberry.field(description="用工单位列表", graphql_type=Page[Employer])
    async def employers(
            self, info: Info[Context, None],
            kind: Annotated[EmployerKind | None, strawberry.argument(description="只列该类别")] = None,
            county: County = None, first: First = 50, after: After = None) -> PageRead[contract.EmployerRead]:
        """A page of employers (GET /employers)."""
        params = {"kind": _value(kind), "county": county, "limit": page_size(first), "after": after}
        return await info.context.employment.call(EMPLOYERS, params=params)

    @strawberry.field(description="集团在建项目，分页", graphql_type=Page[GroupProject])
    async def group_projects(self, info: Info[Context, None], group_id: GroupId = None, first: First = 50,
                             after: After = None) -> PageRead[contract.GroupProjectRead]:
        """A page of group projects, of one group or all (GET /group-projects)."""
        params = {"group_id": group_id, "limit": page_size(first), "after": after}
        return await info.context.employment.call(GROUP_PROJECTS, params=params)

    @strawberry.field(description="用工总数报送及更正历史", graphql_type=list[WorkforceReport])
    async def workforce_reports(self, info: Info[Context, None], employer_id: EmployerId = None,
                                project_id: GroupProjectId = None) -> list[contract.WorkforceReportRead]:
        """Workforce reports with their corrections (GET /workforce-reports)."""
        params = {"employer_id": employer_id, "project_id": project_id}
        return await info.context.employment.call(WORKFORCE_REPORTS, params=params)

    @strawberry.field(description="就业安置列表", graphql_type=Page[Placement])
    async def placements(
            self, info: Info[Context, None],
            labourer_id: Annotated[int | None, strawberry.argument(description="只列该劳动力的安置")] = None,
            employer_id: EmployerId = None, project_id: GroupProjectId = None, first: First = 50,
            after: After = None) -> PageRead[contract.PlacementRead]:
        """A page of placements (GET /placements)."""
        params = {"labourer_id": labourer_id, "employer_id": employer_id, "project_id": project_id,
                  "limit": page_size(first), "after": after}
        return await info.context.employment.call(PLACEMENTS, params=params)

    @strawberry.field(description="某期达标情况：骨干企业 period=YYYY，集团项目 period=YYYY-MM。Excel 台账（文件，"
                                  "不经 GraphQL）：就业服务 REST GET /quotas/export.xlsx",
                      graphql_type=Page[Compliance])
    async def quota_compliance(
            self, info: Info[Context, None], kind: Kind,
            period: Annotated[str, strawberry.argument(description="期：YYYY（骨干企业）或 YYYY-MM（集团项目）")],
            county: County = None,
            status: Annotated[QuotaStatus | None, strawberry.argument(description="只列该达标情况")] = None,
            first: First = 50, after: After = None) -> PageRead[contract.Compliance]:
        """A page of one period's quota compliance (GET /quotas/compliance)."""
        params = {"kind": kind.value, "period": period, "county": county, "status": _value(status),
                  "limit": page_size(first), "after": after}
        return await info.context.employment.call(COMPLIANCE, params=params)

    @strawberry.field(description="按县区（或集团）各期未达标数及趋势", graphql_type=list[BreachLine])
    async def quota_breaches(
            self, info: Info[Context, None], kind: Kind,
            period_from: Annotated[str, strawberry.argument(description="起始期（含）：YYYY 或 YYYY-MM")],
            period_to: Annotated[str, strawberry.argument(description="截止期（含）：YYYY 或 YYYY-MM")],
            by: Annotated[BreachGrouping, strawberry.argument(description="分组口径")] = BreachGrouping.COUNTY
    ) -> list[contract.BreachLine]:
        """Breaches per county or group over a range of periods (GET /quotas/breaches)."""
        params = {"kind": kind.value, "by": by.value, "from": period_from, "to": period_to}
        return (await info.context.employment.call(BREACHES, params=params)).lines

    @strawberry.field(description="培训班及学员（本县区）", graphql_type=Page[Course])
    async def courses(self, info: Info[Context, None], first: First = 50,
                      after: After = None) -> PageRead[contract.CourseRead]:
        """A page of training courses with participants (GET /courses)."""
        return await info.context.employment.call(COURSES, params={"limit": page_size(first), "after": after})

    @strawberry.field(description="劳务带头人带动就业及 3、6 个月稳岗情况", graphql_type=list[LeaderFigures])
    async def labour_leaders(
            self, info: Info[Context, None],
            as_of: Annotated[date | None, strawberry.argument(description="统计截至日期；为空为今天")] = None
    ) -> list[contract.LeaderFigures]:
        """Labour leaders' retention figures (GET /leaders)."""
        return await info.context.employment.call(LEADERS, params={"as_of": str(as_of) if as_of else None})

    @strawberry.field(description="跨省劳务输出人数（按输入省份）", graphql_type=list[ProvinceExport])
    async def labour_export(self, info: Info[Context, None], year: Year) -> list[contract.ProvinceExport]:
        """Cross-province labour export by province (GET /labour-export)."""
        return await info.context.employment.call(LABOUR_EXPORT, params={"year": year})


async def _post(info: Info[Context, None], endpoint: Endpoint[M], body: dict[str, Any],
                **path_params: int) -> M | Problem:
    return await or_problem(info.context.employment.call(endpoint, json=body, path_params=path_params))


@strawberry.type
class EmploymentMutations:
    """Actions of the employment service (hr)."""

    @strawberry.mutation(description=f"登记贫困劳动力。{HR}；身份证号码重复时返回 Refused(labourer.duplicate)；"
                                     "户籍行政村不在本县区村屯名录中返回 Refused(labourer.unknown_village)；"
                                     "身份证号码无效返回 InvalidInput。Excel 台账上传（文件，不经 GraphQL）："
                                     "就业服务 REST POST /labourers/import.xlsx", graphql_type=LabourerResult,
                         extensions=[Roles(Role.HR)])
    async def register_labourer(
            self, info: Info[Context, None],
            input: Annotated[LabourerInput, strawberry.argument(description="劳动力")]
    ) -> contract.LabourerRead | Problem:
        """Register a poor labourer (POST /labourers)."""
        return await _post(info, REGISTER_LABOURER, input_json(input))

    @strawberry.mutation(description=f"登记用工单位。{HR}；骨干企业缺县区、基地缺省份时返回 InvalidInput",
                         graphql_type=EmployerResult,
                         extensions=[Roles(Role.HR)])
    async def register_employer(
            self, info: Info[Context, None],
            input: Annotated[EmployerInput, strawberry.argument(description="用工单位")]
    ) -> contract.EmployerRead | Problem:
        """Register an employer (POST /employers)."""
        return await _post(info, REGISTER_EMPLOYER, input_json(input))

    @strawberry.mutation(description=f"为集团公司添加在建项目。{HR}；集团不存在返回 NotFound",
                         graphql_type=GroupProjectResult,
                         extensions=[Roles(Role.HR)])
    async def add_group_project(
            self, info: Info[Context, None],
            group_id: Annotated[int, strawberry.argument(description="集团公司（用工单位）的 id")],
            input: Annotated[GroupProjectInput, strawberry.argument(description="在建项目")]
    ) -> contract.GroupProjectRead | Problem:
        """Add a construction project to a group (POST /employers/{group_id}/projects)."""
        return await _post(info, ADD_GROUP_PROJECT, input_json(input), group_id=group_id)

    @strawberry.mutation(description=f"报送或更正用工总数（同期再次报送即为更正，保留历史）。{HR}；"
                                     "企业或在建项目不存在返回 NotFound", graphql_type=WorkforceReportResult,
                         extensions=[Roles(Role.HR)])
    async def report_workforce(
            self, info: Info[Context, None],
            input: Annotated[WorkforceReportInput, strawberry.argument(description="用工总数")]
    ) -> contract.WorkforceReportRead | Problem:
        """Report or correct a workforce total (POST /workforce-reports)."""
        return await _post(info, REPORT_WORKFORCE, input_json(input))

    @strawberry.mutation(description=f"就业安置。{HR}；同一用工单位时间重叠时返回 Refused(placement.overlap)；"
                                     f"{CLOSED}"
                                     "劳动力、用工单位或在建项目不存在返回 NotFound。"
                                     "Excel 台账上传（文件，不经 GraphQL）："
                                     "就业服务 REST POST /placements/import.xlsx", graphql_type=PlacementResult,
                         extensions=[Roles(Role.HR)])
    async def place_labourer(
            self, info: Info[Context, None],
            input: Annotated[PlacementInput, strawberry.argument(description="安置")]
    ) -> contract.PlacementRead | Problem:
        """Place a labourer (POST /placements)."""
        return await _post(info, PLACE, input_json(input))

    @strawberry.mutation(description=f"结束一条就业安置（记录离岗日期）。{HR}；{CLOSED}安置记录不存在返回 NotFound",
                         graphql_type=PlacementResult,
                         extensions=[Roles(Role.HR)])
    async def end_placement(
            self, info: Info[Context, None],
            id: Annotated[int, strawberry.argument(description="安置记录的 id")],
            ends_on: Annotated[date, strawberry.argument(description="离岗日期（不早于上岗日期）")],
            correction_reason: CorrectionReason = None
    ) -> contract.PlacementRead | Problem:
        """Record a placement's last day (POST /placements/{placement_id}/end)."""
        body = to_json({"ends_on": ends_on, "correction_reason": correction_reason})
        return await _post(info, END_PLACEMENT, body, placement_id=id)

    @strawberry.mutation(description=f"登记培训班。{HR}", graphql_type=CourseResult,
                         extensions=[Roles(Role.HR)])
    async def add_course(
            self, info: Info[Context, None], input: Annotated[CourseInput, strawberry.argument(description="培训班")]
    ) -> contract.CourseRead | Problem:
        """Record a training course (POST /courses)."""
        return await _post(info, ADD_COURSE, input_json(input))

    @strawberry.mutation(description=f"培训报名或更新学员结果。{HR}；培训班或劳动力不存在返回 NotFound",
                         graphql_type=CourseResult,
                         extensions=[Roles(Role.HR)])
    async def set_course_participant(
            self, info: Info[Context, None],
            course_id: Annotated[int, strawberry.argument(description="培训班的 id")],
            labourer_id: Annotated[int, strawberry.argument(description="劳动力的 id")],
            outcome: Annotated[Outcome, strawberry.argument(description="培训结果（默认在训）")] = Outcome.ENROLLED
    ) -> contract.CourseRead | Problem:
        """Enrol a labourer on a course or set the outcome (POST /courses/{course_id}/participants)."""
        body = {"labourer_id": labourer_id, "outcome": outcome.value}
        return await _post(info, SET_PARTICIPANT, body, course_id=course_id)
