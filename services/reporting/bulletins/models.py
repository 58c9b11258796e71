"""Issued bulletin editions (已印发的月度通报): the figures exactly as they were at issue, never updated."""
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.kit.db import Base, BigId, UTCDateTime, utcnow


class BulletinEdition(Base):
    """One issued edition of a month's bulletin; a correction is the next edition, with its reason."""

    __tablename__ = "bulletin_editions"
    __table_args__ = (UniqueConstraint("month", "edition"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    month: Mapped[str] = mapped_column(String(7))
    edition: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(120))
    reason: Mapped[str | None] = mapped_column(Text)
    # The whole Bulletin as issued (contracts/reporting.py), so every edition reads back exactly as it was.
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
