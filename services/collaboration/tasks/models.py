"""Key tasks (重点任务清单) of an agreement and their progress reports."""
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from services.collaboration.terms import Scaled
from services.kit.db import Base, BigId, UTCDateTime, utcnow


class KeyTask(Base):
    """One task with its target; done only once a reported value reaches the target (then `done_on` is set)."""

    __tablename__ = "key_tasks"
    __table_args__ = (
        Index("ix_key_tasks_agreement_id", "agreement_id", "id"),
        # Overdue lists and completion figures start from a county and year, or a deadline.
        Index("ix_key_tasks_county_year", "county_code", "year", "area"),
        Index("ix_key_tasks_done_deadline", "done", "deadline"),
        CheckConstraint("target_value > 0", name="target_positive"),
        CheckConstraint("reached_value >= 0", name="reached_not_negative"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"))
    county_code: Mapped[str | None] = mapped_column(String(6))
    year: Mapped[int] = mapped_column(Integer)
    area: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)
    unit_guangdong: Mapped[str] = mapped_column(String(100))
    unit_liuzhou: Mapped[str] = mapped_column(String(100))
    deadline: Mapped[date] = mapped_column(Date)
    indicator: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(20))
    target_value: Mapped[Decimal] = mapped_column(Scaled(4))
    reached_value: Mapped[Decimal] = mapped_column(Scaled(4))
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __mapper_args__ = {"version_id_col": version}


class ProgressReport(Base):
    """A reported value on a task with its note and evidence (佐证材料); reports are never changed."""

    __tablename__ = "progress_reports"
    __table_args__ = (Index("ix_progress_reports_task_id", "task_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("key_tasks.id"))
    value_reached: Mapped[Decimal] = mapped_column(Scaled(4))
    note: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str | None] = mapped_column(String(200))
    reported_on: Mapped[date] = mapped_column(Date)
    reported_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
