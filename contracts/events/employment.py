"""Payloads of the employment service's feed (就业事件). Labourers' names and ID numbers are personal data."""
from datetime import date

from pydantic import Field

from contracts.enums import CourseKind, EmployerKind, FeedName, Outcome, PlacementKind, Registration
from contracts.events.base import EventPayload, event
from contracts.personal import PersonalIdNumber, PersonalName

FEED = FeedName.EMPLOYMENT


@event(FEED, "labourer.registered", 1, "labourer", "labourer_id")
class LabourerRegistered(EventPayload):
    """A poor labourer was registered (贫困劳动力登记)."""

    labourer_id: int
    name: PersonalName = Field(description="姓名；hr、admin 以外的读者看到脱敏值（韦**）")
    id_number: PersonalIdNumber = Field(description="身份证号码；hr、admin 以外的读者看到 4502**********1234")
    county_code: str = Field(description="户籍县区代码（可在柳州市外）")
    township: str
    village: str
    registration: Registration
    relocated: bool = Field(description="易地扶贫搬迁户")


@event(FEED, "employer.registered", 1, "employer", "employer_id")
class EmployerRegistered(EventPayload):
    """An employer was registered: a backbone enterprise, a city-owned group or a base enterprise."""

    employer_id: int
    kind: EmployerKind
    name: str
    county_code: str | None = Field(description="骨干企业所在县区；集团与基地为空（市级）")
    industry: str | None
    province: str | None


@event(FEED, "group_project.added", 1, "group_project", "project_id")
class GroupProjectAdded(EventPayload):
    """A construction project (在建项目) of a city-owned group was added."""

    project_id: int
    group_id: int
    name: str
    county_code: str
    starts_on: date
    ends_on: date | None


@event(FEED, "workforce.reported", 1, "workforce_report", "report_id")
class WorkforceReported(EventPayload):
    """A workforce total was reported or corrected (全年用工总量 / 项目用工总数)."""

    report_id: int
    employer_id: int | None
    project_id: int | None
    county_code: str | None = Field(description="企业或在建项目所在县区")
    year: int
    month: int | None = Field(description="月份；骨干企业的全年总量为空")
    total: int
    revision: int = Field(description="第几次报送；大于 1 为更正")
    note: str | None


class PlacementFacts(EventPayload):
    """A placement as it stands after the change."""

    placement_id: int
    labourer_id: int
    labourer_name: PersonalName
    labourer_id_number: PersonalIdNumber
    county_code: str = Field(description="劳动力户籍县区")
    kind: PlacementKind
    employer_id: int | None
    project_id: int | None
    site: str | None
    starts_on: date
    ends_on: date | None
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

    course_id: int
    kind: CourseKind
    name: str
    county_code: str
    starts_on: date
    ends_on: date | None


@event(FEED, "course.participant_set", 1, "course", "course_id")
class CourseParticipantSet(EventPayload):
    """A labourer was enrolled on a course, or the outcome changed."""

    course_id: int
    county_code: str
    labourer_id: int
    labourer_name: PersonalName
    previous_outcome: Outcome | None = Field(description="此前的结果；新报名为空")
    outcome: Outcome
