"""Framework agreements (框架协议): per pairing and year, with the Guangdong money committed."""
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.collaboration.terms import Scaled
from services.kit.db import Base, BigId, UTCDateTime, utcnow


class Agreement(Base):
    """A pairing's agreement for one year; the county is the pairing's, kept here so lists filter in SQL."""

    __tablename__ = "agreements"
    __table_args__ = (
        UniqueConstraint("pairing_id", "year"),
        Index("ix_agreements_county_year", "county_code", "year"),
        CheckConstraint("guangdong_committed >= 0", name="committed_not_negative"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    pairing_id: Mapped[int] = mapped_column(ForeignKey("pairings.id"))
    county_code: Mapped[str | None] = mapped_column(String(6))
    year: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    signed_on: Mapped[date] = mapped_column(Date)
    guangdong_committed: Mapped[Decimal] = mapped_column(Scaled(2))
    version: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __mapper_args__ = {"version_id_col": version}
