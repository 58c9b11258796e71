"""Employers (骨干企业、集团公司、劳务输入基地), group construction projects and workforce reports."""
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from services.employment.terms import EmployerKind, str_enum
from services.kit.db import Base, BigId, UTCDateTime, utcnow


class Employer(Base):
    """A backbone enterprise (county, industry), a city-owned group, or a base enterprise (province)."""

    __tablename__ = "employers"
    __table_args__ = (
        Index("ix_employers_kind_id", "kind", "id"),
        Index("ix_employers_county_id", "county_code", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    kind: Mapped[EmployerKind] = mapped_column(str_enum(EmployerKind))
    name: Mapped[str] = mapped_column(String(200), unique=True)
    county_code: Mapped[str | None] = mapped_column(String(6))
    industry: Mapped[str | None] = mapped_column(String(60))
    province: Mapped[str | None] = mapped_column(String(30))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class GroupProject(Base):
    """A construction project (在建项目) of a city-owned group."""

    __tablename__ = "group_projects"
    __table_args__ = (
        Index("ix_group_projects_group_id", "group_id", "id"),
        Index("ix_group_projects_county_id", "county_code", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("employers.id"))
    name: Mapped[str] = mapped_column(String(200))
    county_code: Mapped[str] = mapped_column(String(6))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class WorkforceReport(Base):
    """One revision of a reported total: an enterprise's year (全年用工总量) or a project's month (项目用工总数).

    A correction adds a revision and clears `current` on the one it replaces, so history is never lost.
    """

    __tablename__ = "workforce_reports"
    __table_args__ = (
        # One row per revision: two concurrent corrections of the same period cannot both become revision n.
        Index("ix_workforce_reports_employer", "employer_id", "year", "month", "revision", unique=True,
              sqlite_where=text("employer_id IS NOT NULL"), postgresql_where=text("employer_id IS NOT NULL")),
        Index("ix_workforce_reports_project", "project_id", "year", "month", "revision", unique=True,
              sqlite_where=text("project_id IS NOT NULL"), postgresql_where=text("project_id IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employers.id"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("group_projects.id"))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)  # 0 = the whole year (enterprises)
    total: Mapped[int] = mapped_column(Integer)
    revision: Mapped[int] = mapped_column(Integer)
    current: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(Text)
    reported_by: Mapped[str] = mapped_column(String(120))
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
