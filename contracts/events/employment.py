"""Payloads of the employment service's feed (就业事件). Labourers' names and ID numbers are personal data."""
from datetime import date

from pydantic import Field

from contracts.enums import CourseKind, EmployerKind, FeedName, Outcome, PlacementKind, Registration
from contracts.events.base import EventPayload, event
from contracts.fields import CountyCode, LabourerId, Note, Year
from contracts.personal import PersonalIdNumber, PersonalName

FEED = FeedName.EMPLOYMENT
NAME = "姓名；hr、admin 以外的读者看到脱敏值（韦**）"
ID_NUMBER = "身份证号码；hr、admin 以外的读者看到脱敏值（4502**********1234）"


@event(FEED, "labourer.registered", 1, "labourer", "labourer_id")
class LabourerRegistered(EventPayload):
    """A poor labourer was registered (贫困劳动力登记)."""

    labourer_id: LabourerId
    name: PersonalName = Field(description=NAME)
    id_number: PersonalIdNumber = Field(description=ID_NUMBER)
    county_code: str = Field(description="户籍县区代码（可在柳州市外）")
    township: str = Field(description="乡镇")
    village: str = Field(description="行政村")
    registration: Registration = Field(description="建档立卡状态")
    relocated: bool = Field(description="易地扶贫搬迁户")


@event(FEED, "employer.registered", 1, "employer", "employer_id")
class EmployerRegistered(EventPayload):
    """An employer was registered: a backbone enterprise, a city-owned group or a base enterprise."""

    employer_id: int = Field(description="用工单位的 id")
    employer_kind: EmployerKind = Field(description="骨干企业、集团公司或劳务输入基地")
    name: str = Field(description="单位名称")
    county_code: str | None = Field(description="骨干企业所在县区；集团与基地为空（市级）")
    industry: str | None = Field(description="行业")
    province: str | None = Field(description="劳务输入基地所在省份")


@event(FEED, "group_project.added", 1, "group_project", "project_id")
class GroupProjectAdded(EventPayload):
    """A construction project (在建项目) of a city-owned group was added."""

    project_id: int = Field(description="集团在建项目的 id（不是项目库的项目）")
    group_id: int = Field(description="所属集团公司的用工单位 id")
    name: str = Field(description="项目名称")
    county_code: CountyCode
    starts_on: date = Field(description="开工日期")
    ends_on: date | None = Field(description="完工日期；在建为空")


@event(FEED, "workforce.reported", 1, "workforce_report", "report_id")
class WorkforceReported(EventPayload):
    """A workforce total was reported or corrected (全年用工总量 / 项目用工总数)."""

    report_id: int = Field(description="报送记录的 id")
    employer_id: int | None = Field(description="骨干企业 id（报全年总量）")
    project_id: int | None = Field(description="集团在建项目 id（报当月总数）")
    county_code: str | None = Field(description="企业或在建项目所在县区")
    year: Year
    month: int | None = Field(description="月份；骨干企业的全年总量为空")
    total: int = Field(description="用工总数（人）")
    revision: int = Field(description="第几次报送；大于 1 为更正")
    note: Note


class PlacementFacts(EventPayload):
    """A placement as it stands after the change."""

    placement_id: int = Field(description="安置记录的 id")
    labourer_id: LabourerId
    labourer_name: PersonalName = Field(description=NAME)
    labourer_id_number: PersonalIdNumber = Field(description=ID_NUMBER)
    county_code: str = Field(description="劳动力户籍县区")
    placement_kind: PlacementKind = Field(description="安置去向")
    employer_id: int | None = Field(description="骨干企业或劳务输入基地 id")
    project_id: int | None = Field(description="集团在建项目 id")
    site: str | None = Field(description="公益岗位或微车间名称")
    starts_on: date = Field(description="开始日期")
    ends_on: date | None = Field(description="结束日期；仍在岗为空")
    leader: str | None = Field(description="劳务带头人")


@event(FEED, "placement.created", 1, "placement", "placement_id")
class PlacementCreated(PlacementFacts):
    """A labourer was placed (就业安置)."""


@event(FEED, "placement.ended", 1, "placement", "placement_id")
class PlacementEnded(PlacementFacts):
    """A placement's last day was recorded."""


@event(FEED, "course.added", 1, "course", "course_id")
class CourseAdded(EventPayload):
    """A training course was recorded (培训)."""

    course_id: int = Field(description="培训的 id")
    course_kind: CourseKind = Field(description="培训类别")
    name: str = Field(description="培训名称")
    county_code: CountyCode
    starts_on: date = Field(description="开始日期")
    ends_on: date | None = Field(description="结束日期")


@event(FEED, "course.participant_set", 1, "course", "course_id")
class CourseParticipantSet(EventPayload):
    """A labourer was enrolled on a course, or the outcome changed."""

    course_id: int = Field(description="培训的 id")
    county_code: CountyCode
    labourer_id: LabourerId
    labourer_name: PersonalName = Field(description=NAME)
    previous_outcome: Outcome | None = Field(description="此前的结果；新报名为空")
    outcome: Outcome = Field(description="当前结果")
