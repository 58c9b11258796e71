"""Rectification cases (整改台账): open → rectifying → closed (销号) once the money has moved."""
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from services.funds.terms import Money
from services.kit.db import Base, BigId, UTCDateTime, utcnow


class RectificationCase(Base):
    """One idle item or inspection/audit finding, with measure, responsible unit and deadline (限期整改)."""

    __tablename__ = "rectification_cases"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'rectifying', 'closed')", name="status"),
        CheckConstraint("origin IN ('idle', 'audit', 'inspection')", name="origin"),
        Index("ix_rectification_cases_county_id", "county_code", "id"),
        Index("ix_rectification_cases_status_deadline", "status", "deadline"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    county_code: Mapped[str] = mapped_column(String(6))
    origin: Mapped[str] = mapped_column(String(16))
    batch_id: Mapped[int | None] = mapped_column(BigInteger)
    allocation_id: Mapped[int | None] = mapped_column(BigInteger)
    project_id: Mapped[int | None] = mapped_column(BigInteger)
    idle_class: Mapped[str | None] = mapped_column(String(32))
    amount: Mapped[Decimal] = mapped_column(Money)  # idle money when the case was opened
    finding: Mapped[str | None] = mapped_column(Text)
    measure: Mapped[str] = mapped_column(Text)
    responsible_unit: Mapped[str] = mapped_column(String(120))
    deadline: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")
    opened_by: Mapped[str] = mapped_column(String(120))
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    close_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __mapper_args__ = {"version_id_col": version}
