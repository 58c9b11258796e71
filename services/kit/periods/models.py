"""The tables of closed reporting months (关账) and of the corrections made to them afterwards."""
from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from services.kit.db import Base, BigId, UTCDateTime, utcnow


class ClosedPeriod(Base):
    """A county's month closed for reporting (关账月份)."""

    __tablename__ = "closed_periods"

    county_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # YYYY-MM, sorts as text
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_by: Mapped[str] = mapped_column(String(120))
    closed_by_role: Mapped[str] = mapped_column(String(32))


class PeriodCorrection(Base):
    """A change dated in a closed month, made afterwards with a reason (关账后更正). Append-only."""

    __tablename__ = "period_corrections"
    __table_args__ = (Index("ix_period_corrections_county_month", "county_code", "month", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    county_code: Mapped[str] = mapped_column(String(6))
    month: Mapped[str] = mapped_column(String(7))
    entity_type: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(120))
    actor_role: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
