"""Industry and talent cooperation (产业协作、人才交流): Guangdong enterprises brought in, and cadres and technicians
sent in both directions."""
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from services.collaboration.terms import Scaled
from services.kit.db import Base, BigId, UTCDateTime, utcnow


class Enterprise(Base):
    """A Guangdong enterprise brought into a county in a year, with the investment actually made and the poor
    people it drives (带贫人数)."""

    __tablename__ = "enterprises"
    __table_args__ = (
        Index("ix_enterprises_county_year", "county_code", "year"),
        CheckConstraint("investment >= 0", name="investment_not_negative"),
        CheckConstraint("poor_people_driven >= 0", name="driven_not_negative"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    county_code: Mapped[str] = mapped_column(String(6))
    year: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    origin: Mapped[str] = mapped_column(String(100))
    industry: Mapped[str] = mapped_column(String(60))
    investment: Mapped[Decimal] = mapped_column(Scaled(2))
    poor_people_driven: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TalentExchange(Base):
    """A cadre (挂职干部) or technician (专业技术人才) sent one way for a period; counted as a person and in days."""

    __tablename__ = "talent_exchanges"
    __table_args__ = (
        Index("ix_talent_exchanges_county_start", "county_code", "starts_on"),
        CheckConstraint("ends_on >= starts_on", name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    county_code: Mapped[str] = mapped_column(String(6))
    direction: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    field: Mapped[str] = mapped_column(String(16))
    person_name: Mapped[str] = mapped_column(String(60))
    unit: Mapped[str] = mapped_column(String(100))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
