"""Collaboration projects (粤桂扶贫协作项目库): a library entry linked to a pairing, with its Guangdong share and
its poverty-reduction linkage (带贫减贫机制). The entry itself stays in the projects service."""
from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from services.collaboration.terms import Scaled
from services.kit.db import Base, BigId, UTCDateTime, utcnow


class CollaborationProject(Base):
    """One library entry registered as collaboration; `county_code` is the entry's, kept for scoped lists."""

    __tablename__ = "collaboration_projects"
    __table_args__ = (
        Index("ix_collaboration_projects_county_id", "county_code", "id"),
        Index("ix_collaboration_projects_pairing_id", "pairing_id", "id"),
        CheckConstraint("guangdong_share > 0", name="share_positive"),
        CheckConstraint("households_promised > 0", name="promised_positive"),
        CheckConstraint("households_delivered >= 0", name="delivered_not_negative"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    project_id: Mapped[int] = mapped_column(BigId, unique=True)
    pairing_id: Mapped[int] = mapped_column(ForeignKey("pairings.id"))
    county_code: Mapped[str] = mapped_column(String(6))
    guangdong_share: Mapped[Decimal] = mapped_column(Scaled(2))
    mechanism: Mapped[str] = mapped_column(String(32))
    households_promised: Mapped[int] = mapped_column(Integer)
    households_delivered: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __mapper_args__ = {"version_id_col": version}
