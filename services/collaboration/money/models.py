"""The fund-use plan (资金使用计划): lines assigning Guangdong money that has arrived to collaboration projects."""
from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from services.collaboration.terms import Scaled
from services.kit.db import Base, BigId, UTCDateTime, utcnow


class PlanLine(Base):
    """Money of a county's year planned for one collaboration project; lines are added, never changed (a retried
    POST is answered from the kit's idempotency_records)."""

    __tablename__ = "plan_lines"
    __table_args__ = (
        Index("ix_plan_lines_county_year", "county_code", "year"),
        Index("ix_plan_lines_collaboration_project", "collaboration_project_id"),
        CheckConstraint("amount > 0", name="amount_positive"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    collaboration_project_id: Mapped[int] = mapped_column(ForeignKey("collaboration_projects.id"))
    project_id: Mapped[int] = mapped_column(BigId)
    county_code: Mapped[str] = mapped_column(String(6))
    year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Scaled(2))
    purpose: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
