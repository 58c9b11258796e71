"""GraphQL types of the employment service: labourers, employers, projects, placements, quotas."""
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from gateway.context import Context
from gateway.schema.rest import from_rest
from services.employment.states import EmployerKind, PlacementKind, QuotaKind, QuotaStatus, Registration

RegistrationGQL = strawberry.enum(Enum("Registration", {m.name: m.value for m in Registration}),
                                  description="建档立卡状态：POOR 贫困 / LIFTED 已脱贫 / NONE 非建档立卡")
EmployerKindGQL = strawberry.enum(Enum("EmployerKind", {m.name: m.value for m in EmployerKind}),
                                  description="用工单位类别")
PlacementKindGQL = strawberry.enum(Enum("PlacementKind", {m.name: m.value for m in PlacementKind}),
                                   description="安置去向")
QuotaKindGQL = strawberry.enum(Enum("QuotaKind", {m.name: m.value for m in QuotaKind}),
                               description="ENTERPRISE 骨干企业≥10%（年 YYYY）/ GROUP_PROJECT 集团项目 5%–10%（月）")
QuotaStatusGQL = strawberry.enum(Enum("QuotaStatus", {m.name: m.value for m in QuotaStatus}),
                                 description="达标情况；未报送用工总数时为 NOT_REPORTED")




@strawberry.type(description="贫困劳动力；身份证号码仅对人社局与管理员完整显示，其余角色只见前 4 后 4 位")
class Labourer:
    id: int
    id_number: str
    name: str
    birth_date: date
    sex: str
    county_code: str
    county_name: str | None
    liuzhou: bool
    township: str
    village: str
    household_no: str
    registration: RegistrationGQL
    registration_label: str
    relocated: bool
    skills: list[str]


@strawberry.type(description="达标情况：期内安置的建档立卡劳动力 ÷ 报送的用工总数")
class Compliance:
    kind: QuotaKindGQL
    period: str
    subject_id: int
    name: str
    county_code: str | None
    group_id: int | None
    group_name: str | None
    placed: int
    total: int | None
    ratio: Decimal | None
    status: QuotaStatusGQL
    status_label: str
    band_low: Decimal
    band_high: Decimal | None

    @classmethod
    def of(cls, d: dict[str, Any]) -> "Compliance":
        """Build from the service's JSON."""
        return from_rest(cls, d, kind=QuotaKindGQL(d["kind"]))


@strawberry.type(description="用工单位：骨干企业、市属集团公司或劳务输入基地")
class Employer:
    id: int
    kind: EmployerKindGQL
    kind_label: str
    name: str
    county_code: str | None
    county_name: str | None
    industry: str | None
    province: str | None

    @classmethod
    def of(cls, d: dict[str, Any]) -> "Employer":
        """Build from the service's JSON."""
        return from_rest(cls, d, kind=EmployerKindGQL(d["kind"]))

    @strawberry.field(description="达标情况：骨干企业按年（YYYY），集团公司为其各在建项目按月（YYYY-MM）")
    async def compliance(self, info: Info[Context, None], period: str) -> list[Compliance]:
        if self.kind.value == EmployerKind.BASE:
            return []
        if self.kind.value == EmployerKind.ENTERPRISE:
            params = {"kind": QuotaKind.ENTERPRISE.value, "subject_id": self.id}
        else:
            params = {"kind": QuotaKind.GROUP_PROJECT.value, "group_id": self.id}
        page = await info.context.employment.get("/quotas/compliance", period=period, limit=200, **params)
        return [Compliance.of(x) for x in page["items"]]


@strawberry.type(description="集团在建项目")
class GroupProject:
    id: int
    group_id: int
    name: str
    county_code: str
    starts_on: date
    ends_on: date | None


@strawberry.type(description="用工总数报送（含更正历史，current 为现行版本）")
class WorkforceReport:
    id: int
    employer_id: int | None
    project_id: int | None
    year: int
    month: int | None
    total: int
    revision: int
    current: bool
    note: str | None
    reported_by: str
    reported_at: datetime


@strawberry.type(description="就业安置")
class Placement:
    id: int
    labourer_id: int
    labourer_name: str
    labourer_id_number: str
    kind: PlacementKindGQL
    employer_id: int | None
    project_id: int | None
    site: str | None
    starts_on: date
    ends_on: date | None
    leader: str | None

    @classmethod
    def of(cls, d: dict[str, Any]) -> "Placement":
        """Build from the service's JSON."""
        return from_rest(cls, d, kind=PlacementKindGQL(d["kind"]))

    @strawberry.field(description="安置的劳动力（批量读取）")
    async def labourer(self, info: Info[Context, None]) -> Labourer | None:
        found = await info.context.labourer_by_id.load(self.labourer_id)
        return from_rest(Labourer, found) if found else None

    @strawberry.field(description="用工单位（企业或基地；批量读取）")
    async def employer(self, info: Info[Context, None]) -> Employer | None:
        if self.employer_id is None:
            return None
        found = await info.context.employer_by_id.load(self.employer_id)
        return Employer.of(found) if found else None


@strawberry.type(description="某县区或集团某一期的未达标数")
class PeriodBreaches:
    period: str
    subjects: int
    breaches: int
    not_reported: int


@strawberry.type(description="某县区或集团各期未达标数及趋势（rising / falling / flat）")
class BreachLine:
    key: str
    label: str
    periods: list[PeriodBreaches]
    trend: str


@strawberry.type(description="培训学员；身份证号码仅对人社局与管理员完整显示")
class Participant:
    labourer_id: int
    labourer_name: str
    labourer_id_number: str
    outcome: str


@strawberry.type(description="培训班：就业技能培训、创业培训、两后生中期职业培训")
class Course:
    id: int
    kind: str
    kind_label: str
    name: str
    county_code: str
    starts_on: date
    ends_on: date | None
    participants: list[Participant]
    outcomes: JSON

    @classmethod
    def of(cls, d: dict[str, Any]) -> "Course":
        """Build from the service's JSON."""
        return from_rest(cls, d, participants=[from_rest(Participant, p) for p in d["participants"]])


@strawberry.type(description="劳务带头人：带动人数及 3 个月、6 个月后仍在岗人数")
class LeaderFigures:
    leader: str
    brought: int
    observable_3m: int
    still_placed_3m: int
    observable_6m: int
    still_placed_6m: int


@strawberry.type(description="跨省劳务输出：按输入省份的人数")
class ProvinceExport:
    province: str
    labourers: int
