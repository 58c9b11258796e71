"""Public announcements of allocations (公告公示) and performance evaluations of fund use (绩效评价)."""
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, BigInteger, CheckConstraint, Date, Index, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from services.kit.db import Base, BigId, UTCDateTime, utcnow


class Announcement(Base):
    """A batch's allocations as publicly announced for a window, with the list frozen as published."""

    __tablename__ = "announcements"
    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="window"),
                      Index("ix_announcements_county_id", "county_code", "id"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    batch_id: Mapped[int] = mapped_column(BigInteger)
    county_code: Mapped[str] = mapped_column(String(6))
    title: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    allocations: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    published_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Evaluation(Base):
    """A performance evaluation of a batch's or a project's use of funds: indicators, score, evaluator."""

    __tablename__ = "evaluations"
    __table_args__ = (CheckConstraint("score >= 0 AND score <= 100", name="score_range"),
                      Index("ix_evaluations_county_id", "county_code", "id"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    county_code: Mapped[str] = mapped_column(String(6))
    batch_id: Mapped[int | None] = mapped_column(BigInteger)
    project_id: Mapped[int | None] = mapped_column(BigInteger)
    indicators: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    score: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    conclusion: Mapped[str] = mapped_column(Text)
    evaluator: Mapped[str] = mapped_column(String(120))
    evaluated_on: Mapped[date] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
