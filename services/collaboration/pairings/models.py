"""Pairings (结对帮扶): a Liuzhou side and its Guangdong partner, city and county pairs with the township and
village pairs below them."""
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.kit.db import Base, BigId, UTCDateTime, utcnow


class Pairing(Base):
    """One pairing; `county_code` is the Liuzhou side's county (None for the city-level pair)."""

    __tablename__ = "pairings"
    __table_args__ = (
        Index("ix_pairings_county_id", "county_code", "id"),
        Index("ix_pairings_parent_id", "parent_id", "id"),
        UniqueConstraint("level", "local_name", "partner_name"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    level: Mapped[str] = mapped_column(String(32))
    county_code: Mapped[str | None] = mapped_column(String(6))
    local_name: Mapped[str] = mapped_column(String(100))
    partner_name: Mapped[str] = mapped_column(String(100))
    # A village-enterprise pair's registry village (村屯名录行政村); `local_name` is copied from the registry at write.
    # Null for other levels and for village pairs recorded before the registry (their name stays as typed).
    village_id: Mapped[int | None] = mapped_column(BigInteger)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("pairings.id"))
    start_year: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __mapper_args__ = {"version_id_col": version}
