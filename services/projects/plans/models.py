"""Rolling annual implementation plans (年度实施计划) and the entries in them."""
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.kit.db import Base, BigId, UTCDateTime, utcnow


class AnnualPlan(Base):
    """A county's plan for one year; open until rolled over, then read-only."""

    __tablename__ = "annual_plans"
    __table_args__ = (UniqueConstraint("county_code", "year", name="uq_annual_plans_county_year"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    county_code: Mapped[str] = mapped_column(String(6))
    year: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | closed
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __mapper_args__ = {"version_id_col": version}


class PlanEntry(Base):
    """An entry's membership of a plan: how and why it came in, and whether it was taken out."""

    __tablename__ = "plan_entries"
    __table_args__ = (UniqueConstraint("plan_id", "project_id", name="uq_plan_entries_plan_project"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("annual_plans.id", ondelete="CASCADE"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    added_on: Mapped[date] = mapped_column(Date)
    added_by: Mapped[str] = mapped_column(String(120))
    added_via: Mapped[str] = mapped_column(String(16))  # schedule | rollover | adjustment | import
    added_reason: Mapped[str | None] = mapped_column(Text)
    removed_on: Mapped[date | None] = mapped_column(Date)
    removed_by: Mapped[str | None] = mapped_column(String(120))
    removed_reason: Mapped[str | None] = mapped_column(Text)
