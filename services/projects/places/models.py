"""The village registry (村屯名录): townships, administrative villages (行政村) and natural villages (自然屯).

One row per place; what changes from year to year (households, poor households, poverty incidence) is kept per
year in `village_years`, so the poor-village rule and the road-coverage rule can be asked "as of year Y".
"""
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.kit.db import Base, BigId, UTCDateTime, utcnow


class Township(Base):
    """A township or town (乡镇) of one county."""

    __tablename__ = "townships"
    __table_args__ = (UniqueConstraint("county_code", "name", name="county_name"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    county_code: Mapped[str] = mapped_column(String(6))
    name: Mapped[str] = mapped_column(String(60))
    demo: Mapped[bool] = mapped_column(Boolean, default=False)


class AdministrativeVillage(Base):
    """An administrative village (行政村), with its poor-village (贫困村) and deep-poverty (深度贫困村) marks.

    A poor village counts as poor in every year up to and including `exited_year` (出列年度); null = not exited.
    """

    __tablename__ = "administrative_villages"
    __table_args__ = (
        UniqueConstraint("township_id", "name", name="township_name"),
        Index("ix_administrative_villages_county_id", "county_code", "id"),
        CheckConstraint("NOT deep_poverty OR poor_village", name="deep_is_poor"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("townships.id"), index=True)
    # Denormalised from the township: every scope filter and county figure reads it without a join.
    county_code: Mapped[str] = mapped_column(String(6))
    name: Mapped[str] = mapped_column(String(60))
    poor_village: Mapped[bool] = mapped_column(Boolean, default=False)
    deep_poverty: Mapped[bool] = mapped_column(Boolean, default=False)
    exited_year: Mapped[int | None] = mapped_column(Integer)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}


class VillageYear(Base):
    """One administrative village's figures for one year: households, poor households, poverty incidence (%)."""

    __tablename__ = "village_years"
    __table_args__ = (
        UniqueConstraint("village_id", "year", name="village_year"),
        CheckConstraint("households >= 0 AND poor_households >= 0 AND poor_households <= households",
                        name="households"),
        CheckConstraint("poverty_incidence >= 0 AND poverty_incidence <= 100", name="incidence"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("administrative_villages.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    households: Mapped[int] = mapped_column(Integer)
    poor_households: Mapped[int] = mapped_column(Integer)
    poverty_incidence: Mapped[Decimal] = mapped_column(Numeric(5, 2))


class NaturalVillage(Base):
    """A natural village (自然屯) of an administrative village, and whether it has a hardened road (硬化道路)."""

    __tablename__ = "natural_villages"
    __table_args__ = (
        UniqueConstraint("village_id", "name", name="village_name"),
        Index("ix_natural_villages_county_id", "county_code", "id"),
        CheckConstraint("households >= 0", name="households"),
        CheckConstraint("NOT hardened_road OR road_hardened_on IS NOT NULL", name="road_date"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("administrative_villages.id"), index=True)
    county_code: Mapped[str] = mapped_column(String(6))
    name: Mapped[str] = mapped_column(String(60))
    households: Mapped[int] = mapped_column(Integer)
    hardened_road: Mapped[bool] = mapped_column(Boolean, default=False)
    road_hardened_on: Mapped[date | None] = mapped_column(Date)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
