"""What the employment service answers (就业扶贫): labourers, employers, placements, training, quotas, leaders.

Services build these from their rows and declare them as `response_model`; the gateway parses its upstream answers
into them. A labourer's name and ID number are personal data: whole only for hr and admin, masked (contracts/
personal.py) everywhere else, and never whole in the audit trail (`for_audit`).
"""
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from contracts.enums import CourseKind, EmployerKind, Outcome, PlacementKind, QuotaKind, QuotaStatus, Registration
from contracts.personal import mask_id, mask_name


class LabourerRead(BaseModel):
    """A labourer; `id_number` is masked (4502**********1234) unless the caller is hr or admin."""

    id: int
    id_number: str
    name: str
    birth_date: date
    sex: str
    county_code: str
    county_name: str | None
    liuzhou: bool = Field(description="户籍在柳州市十个县区")
    township: str
    village: str
    household_no: str
    registration: Registration
    registration_label: str
    relocated: bool
    skills: list[str]
    created_at: datetime

    def for_audit(self) -> dict[str, Any]:
        """The audit copy: never the whole ID number or name (the audit is not only read by hr)."""
        return self.model_dump(mode="json") | {"id_number": mask_id(self.id_number), "name": mask_name(self.name)}


class EmployerRead(BaseModel):
    """An employer."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: EmployerKind
    kind_label: str
    name: str
    county_code: str | None
    county_name: str | None
    industry: str | None
    province: str | None
    created_at: datetime


class GroupProjectRead(BaseModel):
    """A group's construction project."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    group_id: int
    name: str
    county_code: str
    starts_on: date
    ends_on: date | None


class WorkforceReportRead(BaseModel):
    """One revision of a report; `current` marks the one the quotas use."""

    model_config = ConfigDict(from_attributes=True)

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


class PlacementRead(BaseModel):
    """A placement with its labourer's name and ID number (masked unless the caller is hr or admin)."""

    id: int
    labourer_id: int
    labourer_name: str
    labourer_id_number: str
    kind: PlacementKind
    employer_id: int | None
    project_id: int | None
    site: str | None
    starts_on: date
    ends_on: date | None
    leader: str | None

    def for_audit(self) -> dict[str, Any]:
        """The audit copy: never the whole ID number or name (the audit is not only read by hr)."""
        return self.model_dump(mode="json") | {"labourer_id_number": mask_id(self.labourer_id_number),
                                               "labourer_name": mask_name(self.labourer_name)}


class ParticipantRead(BaseModel):
    """A participant with the labourer's name and ID number (masked unless hr or admin)."""

    labourer_id: int
    labourer_name: str
    labourer_id_number: str
    outcome: Outcome


class CourseRead(BaseModel):
    """A course with its participants and counts by outcome."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: CourseKind
    kind_label: str
    name: str
    county_code: str
    starts_on: date
    ends_on: date | None
    participants: list[ParticipantRead] = Field(default_factory=list)
    outcomes: dict[str, int] = Field(default_factory=dict, description="各结果人数")


class Compliance(BaseModel):
    """One enterprise-year or project-month: registered labourers placed ÷ reported workforce."""

    kind: QuotaKind
    period: str = Field(description="YYYY（骨干企业）或 YYYY-MM（集团项目）")
    subject_id: int = Field(description="骨干企业 id 或在建项目 id")
    name: str
    county_code: str | None
    group_id: int | None = None
    group_name: str | None = None
    placed: int = Field(description="期内安置的建档立卡劳动力（去重）")
    total: int | None = Field(description="报送的用工总数；未报送为空")
    ratio: Decimal | None = Field(description="比例（四位小数）；未报送为空，绝不视为 0% 或 100%")
    status: QuotaStatus
    status_label: str
    band_low: Decimal
    band_high: Decimal | None


class PeriodBreaches(BaseModel):
    """Breaches of one county or group in one period."""

    period: str
    subjects: int
    breaches: int
    not_reported: int


class BreachLine(BaseModel):
    """One county or group: breaches per period, oldest first, and the direction of the latest change."""

    key: str = Field(description="县区代码或集团名称")
    label: str
    periods: list[PeriodBreaches]
    trend: str = Field(description="rising 增加 / falling 减少 / flat 持平（最近两期比较）")


class BreachReport(BaseModel):
    """Breach lists of a quota kind over a range of periods."""

    kind: QuotaKind
    by: str
    lines: list[BreachLine]


class LeaderFigures(BaseModel):
    """One leader: labourers brought, and how many were still placed 3 and 6 months after starting."""

    leader: str
    brought: int
    observable_3m: int = Field(description="开始满 3 个月、可判断的人数")
    still_placed_3m: int
    observable_6m: int
    still_placed_6m: int


class ProvinceExport(BaseModel):
    """Labourers placed at base enterprises of one province in the year."""

    province: str
    labourers: int
