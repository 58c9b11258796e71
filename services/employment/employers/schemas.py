"""Request shapes of employers, group projects and workforce reports, and how rows become their reads (contracts)."""
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from contracts.employment import EmployerRead, WorkforceReportRead
from services.employment.employers.models import Employer, WorkforceReport
from services.employment.terms import KIND_LABELS, EmployerKind
from services.kit.counties import COUNTIES, is_liuzhou_county
from services.kit.inputs import FreeText, StrictInput
from services.kit.values import Day, Year

Name = Annotated[str, Field(min_length=1, max_length=200)]


def _county(value: str | None) -> str | None:
    if value is not None and not is_liuzhou_county(value):
        raise ValueError("不是柳州市的县区代码（450202–450206、450222–450226）")
    return value


class EmployerCreate(StrictInput):
    """A backbone enterprise (county, industry), a city-owned group, or a base enterprise (province)."""

    kind: EmployerKind
    name: Name
    county_code: str | None = Field(None, description="骨干企业所在县区（必填）")
    industry: str | None = Field(None, max_length=60, description="行业")
    province: str | None = Field(None, max_length=30, description="劳务输入基地所在省份（必填）")

    @field_validator("county_code")
    @classmethod
    def _c(cls, value: str | None) -> str | None:
        return _county(value)

    @model_validator(mode="after")
    def _by_kind(self) -> "EmployerCreate":
        if self.kind == EmployerKind.ENTERPRISE and not self.county_code:
            raise ValueError("骨干企业须填写所在县区")
        if self.kind == EmployerKind.BASE and not self.province:
            raise ValueError("劳务输入基地须填写所在省份")
        return self


def employer_read(row: Employer) -> EmployerRead:
    """An employer row as every reader sees it."""
    return EmployerRead(id=row.id, kind=row.kind, kind_label=KIND_LABELS[row.kind], name=row.name,
                        county_code=row.county_code, county_name=COUNTIES.get(row.county_code or ""),
                        industry=row.industry, province=row.province, created_at=row.created_at)


class GroupProjectCreate(StrictInput):
    """A construction project (在建项目) of a group."""

    name: Name
    county_code: str
    starts_on: Day
    ends_on: Day | None = None

    @field_validator("county_code")
    @classmethod
    def _c(cls, value: str | None) -> str | None:
        return _county(value)

    @model_validator(mode="after")
    def _dates(self) -> "GroupProjectCreate":
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise ValueError("竣工日期不能早于开工日期")
        return self


class WorkforceReportCreate(StrictInput):
    """A reported total: an enterprise's year (month omitted) or a group project's month."""

    employer_id: int | None = Field(None, description="骨干企业 id（报全年用工总量）")
    project_id: int | None = Field(None, description="集团在建项目 id（报当月项目用工总数）")
    year: Year
    month: int | None = Field(None, ge=1, le=12)
    total: int = Field(gt=0, le=10_000_000, description="用工总数（人）")
    note: FreeText | None = Field(None, max_length=500, description="更正说明")

    @model_validator(mode="after")
    def _subject(self) -> "WorkforceReportCreate":
        if (self.employer_id is None) == (self.project_id is None):
            raise ValueError("须且只能填写 employer_id 或 project_id 之一")
        if self.employer_id is not None and self.month is not None:
            raise ValueError("骨干企业报送全年用工总量，不填月份")
        if self.project_id is not None and self.month is None:
            raise ValueError("集团项目按月报送用工总数，须填月份")
        return self


def workforce_report_read(row: WorkforceReport) -> WorkforceReportRead:
    """A report row as read; month 0 (the whole year) is shown as null."""
    read = WorkforceReportRead.model_validate(row)
    read.month = row.month or None
    return read
