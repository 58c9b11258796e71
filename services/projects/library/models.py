"""Library entries (项目库), their budget lines and their history (项目全过程记录)."""
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Enum, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

import services.projects.places.models  # noqa: F401  (the registry tables entries point at)
from services.kit.db import Base, BigId, UTCDateTime, utcnow
from services.projects.terms import FundSource, ProjectCategory, ProjectStatus

Money = Numeric(18, 2)


def _enum(cls: type[StrEnum]) -> Enum:
    # Stored as plain strings: new states never need a database-level enum migration.
    return Enum(cls, native_enum=False, create_constraint=False, length=32,
                values_callable=lambda e: [m.value for m in e])


class Project(Base):
    """One entry of the poverty-alleviation project library (脱贫攻坚项目库)."""

    __tablename__ = "projects"
    __table_args__ = (
        Index("ix_projects_county_id", "county_code", "id"),
        Index("ix_projects_status_id", "status", "id"),
        Index("ix_projects_owner_id", "owner_org", "id"),
        Index("ix_projects_category_id", "category", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    county_code: Mapped[str] = mapped_column(String(6))
    township: Mapped[str] = mapped_column(String(60))
    village: Mapped[str] = mapped_column(String(60))
    # The registry village (行政村) the entry is in; null only for legacy entries imported before the registry.
    village_id: Mapped[int | None] = mapped_column(ForeignKey("administrative_villages.id"), index=True)
    category: Mapped[ProjectCategory] = mapped_column(_enum(ProjectCategory))
    owner_org: Mapped[str] = mapped_column(String(120))
    status: Mapped[ProjectStatus] = mapped_column(_enum(ProjectStatus))
    uses_fiscal_funds: Mapped[bool] = mapped_column(Boolean)
    total_budget: Mapped[Decimal] = mapped_column(Money)
    poor_households: Mapped[int] = mapped_column(Integer)
    poor_people: Mapped[int] = mapped_column(Integer)
    poor_villages: Mapped[list[str]] = mapped_column(JSON)
    # Registry ids next to the names above, so a read needs no join; natural villages are also linked in
    # project_natural_villages, for the road-coverage figures that ask "which entries serve this 自然屯".
    poor_village_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    natural_village_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    mechanism: Mapped[str] = mapped_column(Text)
    targets: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    planned_start_year: Mapped[int] = mapped_column(Integer)
    planned_end_year: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)
    submitted_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Life after submission; each is set by the action of the same name (see lifecycle/transitions.py).
    returned_from: Mapped[ProjectStatus | None] = mapped_column(_enum(ProjectStatus), nullable=True)
    notice_starts_on: Mapped[date | None] = mapped_column(Date)
    notice_ends_on: Mapped[date | None] = mapped_column(Date)
    library_code: Mapped[str | None] = mapped_column(String(20), unique=True)
    admitted_on: Mapped[date | None] = mapped_column(Date)
    plan_year: Mapped[int | None] = mapped_column(Integer)
    started_on: Mapped[date | None] = mapped_column(Date)
    progress_percent: Mapped[int] = mapped_column(Integer, default=0)
    last_progress_on: Mapped[date | None] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date)
    accepted_on: Mapped[date | None] = mapped_column(Date)
    actual_households: Mapped[int | None] = mapped_column(Integer)
    actual_people: Mapped[int | None] = mapped_column(Integer)
    settled_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(Text)
    # Eligibility rules the entry breaks, comma-joined ('' = none): imported legacy entries may break them.
    breach_rules: Mapped[str] = mapped_column(String(120), default="")

    __mapper_args__ = {"version_id_col": version}

    budget_lines: Mapped[list["BudgetLine"]] = relationship(
        back_populates="project", lazy="raise", cascade="all, delete-orphan", order_by="BudgetLine.id")


class BudgetLine(Base):
    """Budget of an entry from one fund source in one year (yuan)."""

    __tablename__ = "project_budget_lines"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    source: Mapped[FundSource] = mapped_column(_enum(FundSource))
    year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Money)

    project: Mapped[Project] = relationship(back_populates="budget_lines", lazy="raise")


class HistoryRecord(Base):
    """One step of an entry's life: a transition, review decision, objection, plan change or progress report."""

    __tablename__ = "project_history"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(120))
    actor_role: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(32))
    to_status: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ProjectNaturalVillage(Base):
    """A natural village (自然屯) an entry serves, e.g. the one whose road it hardens (硬化道路)."""

    __tablename__ = "project_natural_villages"

    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True)
    natural_village_id: Mapped[int] = mapped_column(ForeignKey("natural_villages.id"), primary_key=True, index=True)
